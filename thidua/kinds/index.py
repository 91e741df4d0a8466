"""The provincial indices a table of provinces can hold, as data: what names each in a title or header,
from which year it exists, the range of its scores, and whether its publisher bands provinces into
groups; and the columns and rows of such a table. One reader (readers/par.py) reads them all; the PAR
Index is the one a table naming none is taken for."""
from __future__ import annotations

import re
from dataclasses import dataclass

from thidua.tables.schema import ORDER, Field, Schema


@dataclass(frozen=True)
class IndexSchema:
    key: str                 # par, sipas, pci, papi, dti: the `index` of the named results
    short: str               # the name messages use: "PCI", "Chỉ số CCHC"
    name: str                # the full Vietnamese name, for messages and the `indices` result
    named_by: re.Pattern     # words (text_key: no diacritics, lower case) that name it in a title or header
    first_year: int
    score_max: float         # scores run 0..score_max as published
    percent: bool            # scores are percentages: cells of fractions (0.9104) are read as 91.04
    banded: bool             # the publisher puts provinces in groups (a band column is read)


PAR = IndexSchema("par", "Chỉ số CCHC", "Chỉ số cải cách hành chính (PAR Index)",
                  re.compile(r"\bpar\b|\bcchc\b|cai cach hanh chinh|public administration reform"),
                  2012, 100.0, percent=True, banded=False)
SIPAS = IndexSchema("sipas", "SIPAS", "Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)",
                    re.compile(r"\bsipas\b|\bhai long\b"), 2017, 100.0, percent=True, banded=False)
PCI = IndexSchema("pci", "PCI", "Chỉ số Năng lực cạnh tranh cấp tỉnh (PCI, VCCI)",
                  re.compile(r"\bpci\b|nang luc canh tranh|competitiveness index|\bvcci\b"),
                  2005, 100.0, percent=False, banded=True)
PAPI = IndexSchema("papi", "PAPI", "Chỉ số Hiệu quả Quản trị và Hành chính công cấp tỉnh (PAPI)",
                   re.compile(r"\bpapi\b|hieu qua quan tri va hanh chinh cong|governance and public administration"
                              r"|\bcecodes\b"),
                   2011, 80.0, percent=False, banded=True)
DTI = IndexSchema("dti", "DTI", "Chỉ số Chuyển đổi số cấp tỉnh (DTI)",
                  re.compile(r"\bdti\b|chi so chuyen doi so|chuyen doi so cap tinh|digital transformation index"),
                  2020, 1.0, percent=False, banded=False)

INDICES: dict[str, IndexSchema] = {schema.key: schema for schema in (PAR, SIPAS, PCI, PAPI, DTI)}
# Indices with tables of their own, told apart by the words naming them; SIPAS joins the PAR table of its year.
TABLE_INDICES = (PCI, PAPI, DTI)


def index_named_in(words: str) -> IndexSchema | None:
    """The index other than the PAR Index (and SIPAS) that the words name, if any."""
    return next((schema for schema in TABLE_INDICES if schema.named_by.search(words)), None)


# A header label's words (tables.schema.bare_words) suggest the first of these fields whose pattern they
# match; a label of nothing but a year names the year of the columns under it.
INDEX_TABLE_COLUMNS = Schema((
    Field("band", r"^(xep |phan )?nhom( xep hang| xep loai| dieu hanh)?$|^xep loai$|^(group|band)$", "words"),
    Field("ignored", r"\b(ghi chu|xep loai|tang|giam|thay doi|so sanh|chenh lech|bien dong|ma tinh|ma so|vung"
                     r"|khu vuc)\b|^(diem toi da|toi da|thang diem|diem chuan)"),
    ORDER,
    Field("province", r"^(?=.{0,60}$)(ten |cac )?(tinh|thanh pho|dia phuong|don vi|province)\b(?! tinh\b)"),
    Field("sipas", SIPAS.named_by.pattern),
    Field("rank", r"\bhang\b|\bvi tri\b|\bthu bac\b|\bxep thu\b|\bvi thu\b|\brank(ing)?\b", "rank"),
    Field("group", r"\bthanh phan\b|\bcac linh vuc\b"),
    Field("score", r"\bchi so\b|\bdiem\b|\bket qua\b|\bpar\b|%|\bt[iy] le\b|\btong\b|\bscore\b"
                   r"|\bpci\b|\bpapi\b|\bdti\b"),
))
# which of several score columns of a year is the index itself: 'Chỉ số (%)' before 'Điểm thẩm định'
SCORE_PRECEDENCE = tuple(map(re.compile, (r"\bchi so\b", r"\btong\b", r"\bket qua\b", "%")))

# the words of a title or header naming an index table, and those of a scoring workbook's header
INDEX_TITLE_WORDS = re.compile(r"\bchi so\b|\bpar\b|\bcchc\b|cai cach hanh chinh|\bsipas\b")
SCORING_HEADER_WORDS = re.compile(r"tu cham|cum cham|cham diem|thi dua|\bcum\b|diem chuan|diem toi da|tieu chi"
                                  r"|khen thuong|diem tru|diem cong")

# the rows of such a table a label names: an average ends the provinces (the national one) or stands inside
# them (a region's), notes and signatures end the table
AVERAGE_ROW = re.compile(r"trung binh|binh quan|ca nuoc|tong cong|tong so"
                         r"|^((gia tri|diem|chi so|muc) )?(cao nhat|thap nhat|lon nhat|nho nhat|trung vi)$")
PART_AVERAGE_ROW = re.compile(r"^(?!.*\bca nuoc\b)(?=.*\b(trung binh|binh quan)\b)(?=.*\b(vung|khu vuc|nhom)\b)")
NOTES_ROW = re.compile(r"^(\(?\*|ghi chu|chu thich|luu y|nguon|nguoi lap|tm\b|kt\b|noi nhan|bo truong|thu truong)")
