"""The registry of Vietnam's 63 provinces (and the 34 after the 1 July 2025 merger).

Names arrive in many spellings ("Tỉnh Hoà Bình", "Thừa Thiên - Huế", "TP.HCM", "Đăk Lăk", NFD text):
every spelling is reduced to a key without case, diacritics, punctuation or administrative prefix,
and the key is looked up among the official names and the variants seen in real documents.
"""
from __future__ import annotations

import csv
import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

import pandas as pd

from thidua.config import DATA_DIR

MERGER_YEAR = 2025
_PREFIX = re.compile(r"^(?:tinh|thanh pho|tp)\s+")
# a footnote mark after a name: 'Thừa Thiên Huế (1)', 'Lạng Sơn (*)', 'Lạng Sơn*', 'Lạng Sơn¹'
# the regions tables group provinces under besides the registry's six (Resolution 81/2023/QH15): the older
# eight and the usual shorter names; a row naming one is a heading or a region's average, never a province
_OTHER_REGION_NAMES = ("Tây Bắc", "Đông Bắc", "Bắc Trung Bộ", "Duyên hải Nam Trung Bộ", "Nam Trung Bộ",
                       "Duyên hải miền Trung", "Trung du miền núi phía Bắc", "Miền núi phía Bắc", "Đồng bằng Bắc Bộ",
                       "ĐBSCL", "ĐBSH", "Miền Bắc", "Miền Trung", "Miền Nam")
# 'Vùng 1', 'Vùng I: ...', 'Khu vực 2 - ...': a numbered region, whatever follows; else an ordinal before a name;
# either perhaps after the words of its sum or mean ('Cộng vùng Tây Nguyên', 'Bình quân vùng 1')
_REGION_FIGURE = r"^((cong|tong|tong cong|binh quan|trung binh|chi so)\s+)?"
_NUMBERED_REGION = re.compile(_REGION_FIGURE + r"(vung|khu vuc)\s*(\d{1,2}|[ivx]{1,4})\b")
_REGION_PREFIX = re.compile(_REGION_FIGURE + r"((vung|khu vuc)\s+)?((\d{1,2}|[ivx]{1,4})\s*[.:)\-]\s*)?")
_FOOTNOTE_MARK = re.compile(r"\s*(\(\s*(\d{1,2}|\*{1,3})\s*\)|\*{1,3}|[¹²³⁴-⁹⁰]+)$")


@lru_cache(maxsize=1 << 16)  # readers ask for the same header words and names thousands of times per file
def strip_diacritics(text: str) -> str:
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return bare.replace("đ", "d").replace("Đ", "D")


def without_footnote_mark(text: str) -> str:
    """'Thừa Thiên Huế' from 'Thừa Thiên Huế (1)': the mark points to a note under the table, not part of the name."""
    return _FOOTNOTE_MARK.sub("", text.strip())


@lru_cache(maxsize=1 << 14, typed=True)
def name_key(text: object) -> str:
    """A spelling-independent key: 'Tỉnh Hoà Bình', 'hoa binh' and 'Hòa Bình (1)' give the same key."""
    words = re.sub(r"[^a-z0-9]+", " ", strip_diacritics(without_footnote_mark(str(text))).lower()).strip()
    previous = None
    while previous != words:
        previous, words = words, _PREFIX.sub("", words)
    return words.replace(" ", "")


@dataclass(frozen=True)
class Province:
    code: str
    name: str
    region: str
    new_province: str  # the province it belongs to from 1 July 2025
    seat_of_new: bool  # True for the old province whose registry entry carries the new one on

    def name_in(self, year: int | None) -> str:
        """The name in force that year: from 2025 a seat carries its new province's name (Thừa Thiên Huế
        became Huế on 1 January 2025; the other seats kept theirs); history keeps the old names."""
        return self.new_province if year is not None and year >= MERGER_YEAR and self.seat_of_new else self.name


class Registry:
    def __init__(self, provinces: list[Province], variants: dict[str, list[str]]):
        self.provinces = provinces
        self.by_name = {p.name: p for p in provinces}
        self._by_key: dict[str, Province] = {}
        self._region_keys = {name_key(region) for region in [*(p.region for p in provinces), *_OTHER_REGION_NAMES]}
        for province in provinces:
            for spelling in [province.name, *variants.get(province.code, [])]:
                self._by_key[name_key(spelling)] = province

    def resolve(self, text: object) -> Province | None:
        if text is None:
            return None
        return self._by_key.get(name_key(text))

    def names_region(self, text: object) -> bool:
        """'Vùng 1', 'Vùng 1: Trung du và miền núi phía Bắc', 'IV. Tây Nguyên', 'ĐỒNG BẰNG SÔNG CỬU LONG': a region."""
        written = re.sub(r"\(.*?\)", " ", strip_diacritics(str(text)).lower())  # '(14 tỉnh)' after the name
        words = re.sub(r"[^a-z0-9.:)\-]+", " ", written).strip()
        if _NUMBERED_REGION.match(words):
            return True
        return name_key(_REGION_PREFIX.sub("", words, count=1)) in self._region_keys

    def suggest(self, text: object, count: int = 3) -> list[str]:
        """The official names closest to an unknown spelling, best first."""
        close = difflib.get_close_matches(name_key(text), list(self._by_key), n=count * 3, cutoff=0.5)
        names = dict.fromkeys(self._by_key[key].name for key in close)
        return list(names)[:count]

    def expected(self, year: int) -> list[Province]:
        """The provinces a national ranking of that year covers (63, or 34 from the merger on)."""
        if year < MERGER_YEAR:
            return self.provinces
        return [p for p in self.provinces if p.seat_of_new]

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame([vars(p) for p in self.provinces])



def load_registry(data_dir=DATA_DIR) -> Registry:
    with open(data_dir / "provinces_34.csv", encoding="utf-8") as f:
        merger_rows = [(row["new_name"], row["old_names"].split("|")) for row in csv.DictReader(f)]
    merged_into = {old: new for new, olds in merger_rows for old in olds}
    seats = {olds[0] for _, olds in merger_rows}
    provinces, variants = [], {}
    with open(data_dir / "provinces_63.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            name = row["name"]
            provinces.append(Province(row["code"], name, row["region"], merged_into[name], name in seats))
            variants[row["code"]] = [v for v in row["variants"].split("|") if v]
    return Registry(provinces, variants)


@cache
def registry() -> Registry:
    return load_registry()
