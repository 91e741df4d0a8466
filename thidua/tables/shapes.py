"""How tables stand in a sheet: several tables side by side under one header row ('STT | Đơn vị |
Tổng điểm | Xếp hạng' for the mid-year review, then the same for the year-end) are told apart, and
the unit each column of a transposed table (units side by side) is headed by is read whole."""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import Callable

from thidua.readers.table import Table
from thidua.readers.units import clean_text, names_an_agency, split_province


def side_by_side(table: Table, kinds: dict[int, str], name: str, lead: str, measures: set[str]) -> list[Table]:
    """The tables a header holds: a new one begins at each further column of kind name (with the column of kind
    lead just before it, its 'STT'), when each of them has columns of the measures of its own; else the table."""
    columns = table.columns
    starts = [i for i, c in enumerate(columns) if kinds[c.index] == name][1:]
    if not starts:
        return [table]
    cuts = [0, *(i - 1 if kinds[columns[i - 1].index] == lead else i for i in starts), len(columns)]
    parts = [columns[a:b] for a, b in zip(cuts, cuts[1:])]
    if not all(any(kinds[c.index] in measures for c in part) for part in parts):
        return [table]
    return [replace(table, columns=part, _repeated={}) for part in parts]


def unit_heading(path: tuple[str, ...], trailing: Callable[[str], bool]) -> str | None:
    """The unit a column's labels name, whole: a name wrapped onto the next header row ('Sở Kế hoạch và' over
    'Đầu tư') is read across both; the longest name found counts. trailing says which words may follow the
    name in its label ('tự chấm')."""
    labels = [*path, *(f"{a} {b}" for a, b in zip(path, path[1:]))]
    return max((name for label in labels if (name := _unit_in_label(label, trailing))), key=len, default=None)


@lru_cache(maxsize=1 << 12)  # a pure function of a header label
def _unit_in_label(label: str, trailing: Callable[[str], bool]) -> str | None:
    """'Lạng Sơn' from 'Lạng Sơn', 'Lạng Sơn tự chấm', 'Sở Nội vụ Lạng Sơn': a province leading the label,
    followed by trailing words only; or an agency ('Sở Tài chính' from 'Sở Tài chính tự chấm')."""
    words = clean_text(label).split(" ")
    for end in range(len(words), 0, -1):
        head, rest = " ".join(words[:end]), " ".join(words[end:])
        if split_province(head)[1] is not None and (not rest or trailing(rest)):
            return head
    if names_an_agency(label):  # 'Sở Tài chính tự chấm': the agency is what stands before the trailing words
        return next(" ".join(words[:end]) for end in range(1, len(words) + 1) if trailing(" ".join(words[end:])))
    return None
