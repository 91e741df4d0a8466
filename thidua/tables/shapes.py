"""How tables stand in a sheet: several tables side by side under one header row ('STT | Đơn vị |
Tổng điểm | Xếp hạng' for the mid-year review, then the same for the year-end) are told apart."""
from __future__ import annotations

from dataclasses import replace

from thidua.readers.table import Table


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
