"""What a reader found wrong, located by file, sheet and cell, said in Vietnamese."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from openpyxl.utils import get_column_letter

if TYPE_CHECKING:
    from thidua.io.workbook import Sheet


@lru_cache(maxsize=1 << 16)  # readers name the same cells of every sheet of a template
def cell_ref(row: int, column: int) -> str:
    """Excel's name for a 0-based (row, column): (6, 1) -> 'B7'."""
    return f"{get_column_letter(column + 1)}{row + 1}"


def shown_ref(sheet: Sheet, row: int, column: int) -> str:
    """The cell a reader sees a value in: inside a merged range, the range's top-left."""
    area = sheet.merged_at(row, column)
    return cell_ref(area.top, area.left) if area else cell_ref(row, column)


@dataclass(frozen=True)
class Problem:
    message: str
    file: str
    sheet: str | None = None
    cell: str | None = None
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        where = [f"tệp «{self.file}»"]
        if self.sheet is not None:
            where.append(f"trang «{self.sheet}»")
        if self.cell is not None:
            where.append(f"ô {self.cell}")
        return f"{', '.join(where)}: {self.message}"


class Refused(Exception):
    """The file cannot be read as it is; nothing of it may be written."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    def __reduce__(self):  # a refusal crosses from the worker process that read the file (thidua.io.isolated)
        return Refused, (self.problems,)
