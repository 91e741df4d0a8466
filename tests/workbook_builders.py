"""Test workbooks built with openpyxl (sheets from rows, merged ranges, percent cells) or as CSV,
and PAR Index fixture data for any number of provinces."""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook

from thidua.provinces import registry


@dataclass(frozen=True)
class Percent:
    """A fraction in a percent-formatted cell: Percent(0.9104) shows as 91,04% in Excel."""
    value: float


@dataclass
class SheetSpec:
    name: str
    rows: list[list[object]]
    merged: list[str] = field(default_factory=list)  # Excel ranges such as "C8:D8"


def write_workbook(path: Path, *sheets: SheetSpec) -> Path:
    """An .xlsx with the given sheets; row 1 of each sheet is rows[0]; None leaves a cell empty."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for spec in sheets:
        worksheet = workbook.create_sheet(spec.name)
        for row_number, row in enumerate(spec.rows, start=1):
            for column_number, value in enumerate(row, start=1):
                if value is None:
                    continue
                cell = worksheet.cell(row_number, column_number)
                if isinstance(value, Percent):
                    cell.value, cell.number_format = value.value, "0.00%"
                else:
                    cell.value = value
        for area in spec.merged:
            worksheet.merge_cells(area)
    workbook.save(path)
    return path


def write_csv(path: Path, rows: list[list[object]], delimiter: str = ",") -> Path:
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter=delimiter).writerows([["" if v is None else v for v in row] for row in rows])
    return path


def province_names(count: int | None = None, year: int = 2021) -> list[str]:
    """Official names of the provinces a national ranking of that year covers, the first count of them."""
    names = [p.name for p in registry().expected(year)]
    return names[:count] if count is not None else names


@dataclass(frozen=True)
class ParLine:
    name: str
    score: float  # percent, two decimals
    rank: int


def par_lines(names: list[str], top_score: float = 92.5, step: float = 0.37) -> list[ParLine]:
    """A ranking of the given provinces: strictly falling scores, ranks 1..n in the given order."""
    return [ParLine(name, round(top_score - i * step, 2), i + 1) for i, name in enumerate(names)]


def par_table(lines: list[ParLine], header: list[object] | None = None) -> list[list[object]]:
    """Rows TT | Tỉnh, thành phố | Chỉ số (%) | Xếp hạng, header first."""
    header = header or ["TT", "Tỉnh, thành phố", "Chỉ số (%)", "Xếp hạng"]
    return [header, *([i + 1, line.name, line.score, line.rank] for i, line in enumerate(lines))]


def title_block(title: str, decision: str = "(Kèm theo Quyết định số 345/QĐ-BNV ngày 15/5/2022 của Bộ trưởng Bộ Nội vụ)"
                ) -> list[list[object]]:
    """Seven rows as above a ministry's table: ministry and motto side by side, title, decision line."""
    return [
        ["BỘ NỘI VỤ", None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        [None, None, None, "Độc lập - Tự do - Hạnh phúc"],
        ["Số: 345/QĐ-BNV", None, None, "Hà Nội, ngày      tháng      năm 2022"],
        [],
        [title],
        [decision],
        [],
    ]
