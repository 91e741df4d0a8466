"""A column's field from its header words and its content together. Words suggest a field; the
cells under the header confirm it or say otherwise, and where they contradict each other the content
wins or the column is refused at its first cell that fits neither."""
from __future__ import annotations

from dataclasses import dataclass

from thidua.readers.cells import is_blank, number_or_none
from thidua.tables.schema import Field, Schema

_NOTHING = {"-", "–", "—", "/", "x", "X"}


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
    filled = [(i, v) for i, v in enumerate(values) if not is_blank(v) and str(v).strip() not in _NOTHING]
    numbers = [i for i, v in filled if number_or_none(v) is not None]
    if filled and len(numbers) == len(filled):
        return Settled(schema.numbers)
    return Settled(suggested.name, numbers[0] if numbers else None)


def outside_ranks(ranks: list[int | None], units: int) -> list[int]:
    """Positions of ranks beyond 1..units (ties allowed: 1, 2, 2, 4)."""
    return [i for i, rank in enumerate(ranks) if rank is not None and not 1 <= rank <= units]
