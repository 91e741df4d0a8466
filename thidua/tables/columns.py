"""A column's field from its header words and its content together. Words suggest a field; the
cells under the header confirm it or say otherwise, and where they contradict each other the content
wins or the column is refused at its first cell that fits neither."""
from __future__ import annotations

import re
from dataclasses import dataclass

from thidua.io.cells import holds_no_figure, number_or_none
from thidua.tables.schema import Field, Schema, label_words

_ROMAN_RANKS = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}
_RANK_WORDS = {"nhat": 1, "nhi": 2, "ba": 3}


@dataclass(frozen=True)
class Settled:
    field: str               # the field the column is, content considered
    odd: int | None = None   # the position (in the values given) of the first cell that fits no reading of it


def settle(schema: Schema, suggested: Field, values: list[object]) -> Settled:
    """A column whose words suggest a field holding words ('Đề nghị khen thưởng', 'Xếp loại') and whose
    cells are all numbers is a column of scores ('Công tác thi đua, khen thưởng (15 điểm)'); numbers
    among the words are a contradiction, reported at the first number."""
    if suggested.holds != "words":
        return Settled(suggested.name)
    filled = [(i, v) for i, v in enumerate(values) if not holds_no_figure(v)]
    numbers = [i for i, v in filled if number_or_none(v) is not None]
    if filled and len(numbers) == len(filled):
        return Settled(schema.numbers)
    return Settled(suggested.name, numbers[0] if numbers else None)


def outside_ranks(ranks: list[int | None], units: int) -> list[int]:
    """Positions of ranks beyond 1..units (ties allowed: 1, 2, 2, 4)."""
    return [i for i, rank in enumerate(ranks) if rank is not None and not 1 <= rank <= units]


def rank_in(value: object) -> int | None:
    """A rank as written: 2, '2', 'Hạng 2', '2 (đồng hạng)', 'II', 'Nhất'; None for a blank or anything else."""
    number = number_or_none(value)
    words = re.sub(r"\(.*?\)|\bdong hang\b", " ", label_words(value)).strip()  # '2 (đồng hạng)': a shared rank
    words = re.sub(r"^(hang|thu|xep thu|xep hang)\s+", "", words)
    if number is None and isinstance(value, str):
        number = number_or_none(words) if words.isdigit() else None
    if number is None:
        number = _ROMAN_RANKS.get(words.upper(), _RANK_WORDS.get(words))
    return int(number) if number is not None and float(number).is_integer() and number >= 1 else None


def states_percent(label: object) -> bool:
    """'Tổng điểm (%)', 'Kết quả %': a score stated as a percentage; '(30%)' is a weight, not that."""
    words = label_words(label)
    return "%" in words and not re.search(r"\d\s*%", words)


def fractions_only(values: list[object]) -> bool:
    """Every number 0..1: percent cells (95% arrives as 0.95), or a share written as a fraction."""
    numbers = [number_or_none(v) for v in values if not holds_no_figure(v)]
    return any(n is not None for n in numbers) and all(n is None or 0 <= n <= 1 for n in numbers)
