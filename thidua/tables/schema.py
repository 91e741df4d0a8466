"""A kind of table as data: its fields, the header words that suggest each field and what the cells
under such a header must hold. A reader asks a schema which field a header's words suggest; the
column's content then confirms it or says otherwise (tables.columns)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from thidua.io.cells import text_key

# what a field's cells hold: anything; words (a column of numbers under such words holds scores);
# whole numbers 1..N (a rank)
Holds = Literal["any", "words", "rank"]


@dataclass(frozen=True)
class Field:
    name: str
    words: str                 # a pattern over one header label's words (lower case, no diacritics)
    holds: Holds = "any"


@dataclass(frozen=True, eq=False)  # one object per kind: hashed by identity, as the caches below ask
class Schema:
    """Fields in the order they are tried: the first whose words match a label suggests it."""
    fields: tuple[Field, ...]
    numbers: str = "score"     # the field a column of numbers is when its words suggest one holding words
    _patterns: tuple[re.Pattern, ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_patterns", tuple(re.compile(f.words) for f in self.fields))

    def suggested(self, label: object) -> Field | None:
        """The field one header label's words suggest; None for a label naming none."""
        return _suggested(self, label_words(label))

    def suggested_by(self, words: str) -> Field | None:
        """The field words already reduced (plain_words, without years) suggest."""
        return _suggested(self, words)

    def named(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)

    def rank_of(self, name: str) -> int:
        """Where a field stands in the order of trial (a label suggesting several fields takes the first)."""
        return next((i for i, f in enumerate(self.fields) if f.name == name), len(self.fields))


@lru_cache(maxsize=1 << 14)
def _suggested(schema: Schema, words: str) -> Field | None:
    return next((f for f, p in zip(schema.fields, schema._patterns) if p.search(words)), None) if words else None


@lru_cache(maxsize=1 << 14, typed=True)  # a pure function of a cell, asked for again by every check
def label_words(label: object) -> str:
    """A label's words as schemas match them: lower case, no diacritics, letters, digits, % and brackets;
    a year written as a number cell ('2021.0') as its digits."""
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9%()]+", " ", re.sub(r"^(\d+)\.0$", r"\1", text_key(label)))).strip()


def plain_words(label: object, keep: str = "") -> str:
    """A label's words without brackets or % (but those in keep): 'Chỉ số (%)' -> 'chi so'."""
    return " ".join(re.sub(f"[^a-z0-9 {keep}]", " ", label_words(label)).split())


YEAR_WORDS = re.compile(r"\b(nam )?(19|20)\d\d\b")


def without_years(words: str) -> str:
    """Words with the years they name taken out: 'nam 2021 chi so' -> 'chi so'."""
    return " ".join(YEAR_WORDS.sub(" ", words).split())


def bare_words(label: object) -> str:
    """A label's words without brackets or the years it names, % kept: 'Chỉ số (%) năm 2021' -> 'chi so %'."""
    return without_years(plain_words(label, "%"))


ORDER = Field("order", r"^(s?tt|so tt|so thu tu|thu tu)$")  # the numbering column: 'STT', 'Số thứ tự'
