"""What a row of a table is, from the words that label it: a total (TỔNG CỘNG), a rank (XẾP HẠNG),
an average ('Điểm trung bình', 'Bình quân'), a ratio ('Tỷ lệ đạt (%)'), an award proposal, a note,
the maxima ('Điểm chuẩn'), the signatures under the table; else a criterion. Only criteria are added
up; a rank or an average line never is."""
from __future__ import annotations

import re
from functools import lru_cache

from thidua.tables.schema import Field, Schema, label_words

LABELLED_ROWS = Schema((  # rows a label names, when the row carries no criterion code nor maximum
    # the whole label: 'Xếp hạng Chỉ số CCHC của tỉnh' or 'Tỷ lệ hồ sơ đúng hạn' are criteria
    Field("rank", r"^(ket qua )?(xep hang|thu hang|vi thu|xep thu)( chung| (trong|cua) cum)?( \(\w+\))?$", "rank"),
    Field("average", r"^((diem|chi so|so diem) )?(trung binh|binh quan)\b"),
    Field("ratio", r"^(ty le|ti le)( dat( duoc)?)?( so voi (diem chuan|diem toi da))?( \(?%\)?)?$"),
    Field("award", r"^(de nghi|hinh thuc|danh hieu)\b", "words"),
    Field("note", r"^(ghi chu|luu y)\b"),
))
_MAXIMA = re.compile(r"^(diem chuan|diem toi da|thang diem|toi da|diem quy dinh)\b")
_WEIGHTS = re.compile(r"^(trong so|he so|ty trong|ti trong)\b")
_CLOSING_HEAD = re.compile(r"^(tong|cong|trung binh|binh quan)\b")
_CLOSING_WORDS = set("tong cong so diem dat duoc chung cac tieu chi toan bo cum cham tu hop nhom muc phan trung binh "
                     "quan i ii iii iv v vi a b c d".split())
_SIGNED = r"^(nguoi lap|nguoi tong hop|tm\b|t m\b|kt\b|xac nhan|noi nhan)"
_DATE_LINE = r"\bngay \d+ thang \d+ nam\b"
_END_OF_TABLE = re.compile(rf"{_SIGNED}|^((pho )?giam doc|cum truong|truong cum|cum pho|pho cum|thu truong( don vi)?"
                           rf"|thu ky|chu tri|chu toa)( hoi nghi| cuoc hop)?$|{_DATE_LINE}")
# a list of names ends at a signature, a note or a total, whatever stands under it; a signer's title alone
# ('Cụm trưởng') ends it only as ends_table says
END_OF_LIST = re.compile(rf"{_SIGNED}|^(ghi chu|luu y|chu thich|tong (cong|so)\b|cong( \d+ don vi)?$)|{_DATE_LINE}")


def labelled_row(*labels: object) -> str | None:
    """The kind of row its labels name (rank, average, ratio, award, note), or None."""
    for label in labels:
        if isinstance(label, str) and (found := LABELLED_ROWS.suggested(label)):
            return found.name
    return None


def states_maxima(label: object) -> bool:
    """'Điểm chuẩn', 'Điểm tối đa': the row of maxima above the units."""
    return bool(_MAXIMA.match(label_words(label)))


def states_weights(label: object) -> bool:
    """'Trọng số', 'Hệ số': the row weighting each criterion ('60%', '40%'), no unit's scores."""
    return bool(_WEIGHTS.match(label_words(label)))


def closes(*values: object) -> bool:
    """'TỔNG CỘNG', 'Tổng số điểm (I+II+III)', 'Tổng điểm các tiêu chí', 'Cộng': words of a total row
    only ('Tổng cục Thuế', 'Công an tỉnh' are units)."""
    return any(_closing_text(value) for value in values if isinstance(value, str))


@lru_cache(maxsize=1 << 14)  # a pure function of a cell, asked for on every row
def _closing_text(text: str) -> bool:
    words = re.sub(r"\(.*?\)", " ", label_words(text))
    return bool(_CLOSING_HEAD.match(words)) and set(words.split()) <= _CLOSING_WORDS


@lru_cache(maxsize=1 << 14)  # a pure function of a cell, asked for on every row
def ends_table(text: str) -> bool:
    """Signatures and the date line under a table."""
    return bool(_END_OF_TABLE.search(label_words(text)))
