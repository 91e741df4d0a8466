"""A workbook as plain grids of cell values, whatever the file format.

python-calamine reads xlsx, xlsm, xls, xlsb and ods several times faster than openpyxl and also
reports merged ranges; CSV is read with the csv module. Cell formats are not available, so
percent cells arrive as fractions (0.9104): readers decide from the column what a number means.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import python_calamine

from thidua.readers.cells import is_blank
from thidua.readers.problems import Problem, Refused

SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
CSV_SUFFIXES = {".csv", ".txt"}


@dataclass(frozen=True)
class Merged:
    top: int
    left: int
    bottom: int
    right: int

    def covers(self, row: int, column: int) -> bool:
        return self.top <= row <= self.bottom and self.left <= column <= self.right


@dataclass
class Sheet:
    name: str
    rows: list[list[object]]
    merged: list[Merged] = field(default_factory=list)

    @property
    def height(self) -> int:
        return len(self.rows)

    @cached_property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def value(self, row: int, column: int) -> object:
        """The cell's own value ('' beyond the used range)."""
        if row < len(self.rows) and column < len(self.rows[row]):
            value = self.rows[row][column]
            return "" if is_blank(value) else value
        return ""

    def shown(self, row: int, column: int) -> object:
        """What a reader sees at a cell: inside a merged range, the range's top-left value."""
        for area in self.merged:
            if area.covers(row, column):
                return self.value(area.top, area.left)
        return self.value(row, column)

    def merged_at(self, row: int, column: int) -> Merged | None:
        return next((area for area in self.merged if area.covers(row, column)), None)

    def row_values(self, row: int) -> list[object]:
        return [self.value(row, c) for c in range(self.width)]

    def is_empty(self) -> bool:
        return all(is_blank(v) for row in self.rows for v in row)


def load_sheets(source: Path | bytes, file_name: str) -> list[Sheet]:
    """Every sheet of a spreadsheet or CSV file; refuses what is not one, naming the file."""
    suffix = Path(file_name).suffix.lower()
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    if suffix in CSV_SUFFIXES:
        return [_csv_sheet(data, file_name)]
    if suffix not in SPREADSHEET_SUFFIXES:
        raise Refused([Problem(
            f"không đọc được loại tệp «{suffix or 'không có đuôi'}»; hãy dùng Excel (.xlsx, .xls) hoặc CSV.",
            file_name)])
    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets = [_calamine_sheet(workbook, name) for name in workbook.sheet_names]
    except Exception as error:  # calamine raises several private error types for broken files
        raise Refused([Problem(
            f"tệp không mở được như một bảng tính Excel (tệp hỏng, bị đặt mật khẩu hoặc không phải Excel): {error}",
            file_name)]) from error
    return sheets


def _calamine_sheet(workbook: python_calamine.CalamineWorkbook, name: str) -> Sheet:
    sheet = workbook.get_sheet_by_name(name)
    rows = sheet.to_python(skip_empty_area=False)
    merged = [Merged(top, left, bottom, right)
              for (top, left), (bottom, right) in (sheet.merged_cell_ranges or [])]
    return Sheet(name, [list(r) for r in rows], merged)


def _csv_sheet(data: bytes, file_name: str) -> Sheet:
    for encoding in ("utf-8-sig", "cp1258", "latin-1"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = [list(r) for r in csv.reader(io.StringIO(text), dialect)]
    return Sheet(Path(file_name).stem, rows)
