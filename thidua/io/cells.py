"""Numbers and words as people type them into Vietnamese spreadsheets."""
from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache

from thidua.provinces import strip_diacritics

_NUMBER = re.compile(r"^[+-]?\d[\d.,]*$|^[+-]?[.,]\d+$")
_THOUSANDS_DOT = re.compile(r"^\d{1,3}(\.\d{3}){2,}$")
_THOUSANDS_COMMA = re.compile(r"^\d{1,3}(,\d{3}){2,}$")
_SPACES = re.compile(r"\s+")
_UNIT_WORDS = re.compile(r"\s*(điểm|đ|diem|bậc|bac)\.?$", re.IGNORECASE)


@lru_cache(maxsize=1 << 16, typed=True)  # asked for every cell of every header row; typed: 1 and 1.0 differ
def text_key(value: object) -> str:
    """Lower case, no diacritics, single spaces: for matching header words."""
    if value is None:
        return ""
    return _SPACES.sub(" ", strip_diacritics(str(value)).lower()).strip()


def is_blank(value: object) -> bool:
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, float):
        return math.isnan(value)
    return value is None or str(value).strip() == ""


_NO_FIGURE = re.compile(r"^([-–—/]+|x)$", re.IGNORECASE)


def holds_no_figure(value: object) -> bool:
    """Blank, or a mark written where there is no figure: '-', '—', '/', 'x'."""
    return is_blank(value) or (isinstance(value, str) and bool(_NO_FIGURE.match(value.strip())))


class NotANumber(ValueError):
    pass


def parse_number(value: object) -> tuple[float | None, bool]:
    """(number, written_as_percent) from a cell: 7.5, '7,5', '05 điểm', '91,04%', '1.234,5'.

    Blank gives (None, False). Text that is not a number raises NotANumber.
    A lone '1.234' is read as 1.234 (scores, not thousands); '1.234.567' as thousands.
    """
    if is_blank(value):
        return None, False
    if isinstance(value, bool):
        raise NotANumber(value)
    if isinstance(value, (int, float)):
        return float(value), False
    text = str(value).strip().replace("\u00a0", "").replace(" ", "")
    text = _UNIT_WORDS.sub("", text)
    percent = text.endswith("%")
    text = text.rstrip("%").replace("−", "-").replace("–", "-")
    if text.startswith("(") and text.endswith(")"):
        text = "-" + text[1:-1]
    if not _NUMBER.match(text):
        raise NotANumber(value)
    if "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        text = text.replace(thousands, "").replace(decimal, ".")
    elif _THOUSANDS_DOT.match(text) or _THOUSANDS_COMMA.match(text):
        text = text.replace(".", "").replace(",", "")
    else:
        text = text.replace(",", ".")
    if text.count(".") > 1:
        raise NotANumber(value)
    return float(text), percent


def number_or_none(value: object) -> float | None:
    """The number in a cell, or None when it holds no number (blank or words)."""
    if isinstance(value, str):
        return _number_in_text(value)
    try:
        return parse_number(value)[0]
    except NotANumber:
        return None


@lru_cache(maxsize=1 << 14)
def _number_in_text(text: str) -> float | None:
    try:
        return parse_number(text)[0]
    except NotANumber:
        return None


_BLANK = r"[\s.…_·]*"  # a date's day and month left blank in a template: "ngày …. tháng …. năm 2023"
_DATE = re.compile(r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*20\d\d|tháng\s*\d{1,2}\s*năm\s*20\d\d"
                   r"|20\d\d-\d{1,2}-\d{1,2}"  # a date cell, as the reader shows it (2023-01-10 00:00:00)
                   rf"|ngày{_BLANK}(\d{{1,2}})?{_BLANK}tháng{_BLANK}(\d{{1,2}})?{_BLANK}năm\s*20\d\d", re.IGNORECASE)


_YEAR = re.compile(r"(?<![\d/])(20\d\d)(?!\d)")


def year_in(text: object) -> int | None:
    """A plausible year (2000..2099) named in a title, sheet or file name; dates and document
    numbers ("91/2017/NĐ-CP") do not count."""
    match = _YEAR.search(_DATE.sub(" ", unicodedata.normalize("NFC", str(text or ""))))
    return int(match.group(1)) if match else None


def years_in(text: object) -> list[int]:
    """Every year a line names, in order, as year_in reads the first ('... NĂM 2023 VÀ NHIỆM VỤ NĂM 2024')."""
    return [int(year) for year in _YEAR.findall(_DATE.sub(" ", unicodedata.normalize("NFC", str(text or ""))))]
