"""A workbook as plain grids of cell values, whatever the file format.

python-calamine reads xlsx, xlsm, xls, xlsb and ods several times faster than openpyxl and also
reports merged ranges; CSV is read with the csv module. Cell formats are not available, so
percent cells arrive as fractions (0.9104): readers decide from the column what a number means.
"""
from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import python_calamine
from openpyxl.utils import get_column_letter

from thidua.io import guard
from thidua.io.cells import is_blank, text_key
from thidua.readers.problems import Problem, Refused, cell_ref

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
    hidden_rows: set[int] = field(default_factory=set)      # 0-based; known for .xlsx only
    hidden_columns: set[int] = field(default_factory=set)
    _header_words: dict[int, tuple[str, ...]] = field(default_factory=dict, init=False, repr=False, compare=False)
    # the tables found in this sheet, by header test (table.locate_table): detection and reading ask alike
    located: dict[tuple, object] = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def height(self) -> int:
        return len(self.rows)

    @cached_property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def value(self, row: int, column: int) -> object:
        """The cell's own value ('' beyond the used range)."""
        if row < len(self.rows) and column < self.width:
            return self._values[row][column]
        return ""

    @cached_property
    def _values(self) -> list[list[object]]:
        """Every row at the sheet's width, blank cells as '': readers look at each cell many times."""
        return [["" if is_blank(value) else value for value in row] + [""] * (self.width - len(row))
                for row in self.rows]

    def shown(self, row: int, column: int) -> object:
        """What a reader sees at a cell: inside a merged range, the range's top-left value."""
        area = self.merged_at(row, column)
        return self.value(area.top, area.left) if area else self.value(row, column)

    def merged_at(self, row: int, column: int) -> Merged | None:
        if row < self.height and column < self.width:
            return self._merged_cells.get((row, column))
        return next((area for area in self.merged if area.covers(row, column)), None)

    @cached_property
    def _merged_cells(self) -> dict[tuple[int, int], Merged]:
        """The merged range of each cell inside the used range that lies in one (readers ask per cell)."""
        cells = {}
        for area in self.merged:
            for row in range(area.top, min(area.bottom, self.height - 1) + 1):
                for column in range(area.left, min(area.right, self.width - 1) + 1):
                    cells[(row, column)] = area
        return cells

    def row_values(self, row: int) -> list[object]:
        return list(self._values[row]) if row < len(self.rows) else [""] * self.width

    def is_blank_row(self, row: int) -> bool:
        """Every cell of the row is blank (cells.is_blank)."""
        return row >= len(self.rows) or all(value == "" for value in self._values[row])

    def header_words(self, row: int) -> tuple[str, ...]:
        """What a reader sees along a row (merged ranges repeated) as header words (cells.text_key).
        Kept: every reader's search for its header asks for the same first rows."""
        if row not in self._header_words:
            shown = self.row_values(row)
            for column, area in self._merged_in_row.get(row, []):
                shown[column] = self.value(area.top, area.left)
            self._header_words[row] = tuple(map(text_key, shown))
        return self._header_words[row]

    @cached_property
    def _merged_in_row(self) -> dict[int, list[tuple[int, Merged]]]:
        cells: dict[int, list[tuple[int, Merged]]] = {}
        for (row, column), area in self._merged_cells.items():
            cells.setdefault(row, []).append((column, area))
        return cells

    def is_empty(self) -> bool:
        return all(is_blank(v) for row in self.rows for v in row)


class Sheets(list):
    """The sheets to read, and what the person uploading should be told about the others."""

    def __init__(self, sheets: list[Sheet], warnings: list[Problem]):
        super().__init__(sheets)
        self.warnings = warnings


def load_sheets(source: Path | bytes, file_name: str) -> Sheets:
    """Every visible sheet of a spreadsheet or CSV file; refuses what is not one, naming the file.
    Hidden sheets are left out (with a warning): agencies hide earlier years' tables beside the
    current one, and a person checks a file by what Excel shows. Hidden rows and columns are read
    (a filter or a collapsed group hides real rows), with a warning naming them."""
    suffix = Path(file_name).suffix.lower()
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    if suffix not in CSV_SUFFIXES | SPREADSHEET_SUFFIXES:
        raise Refused([Problem(
            f"không đọc được loại tệp «{suffix or 'không có đuôi'}»; hãy dùng Excel (.xlsx, .xls) hoặc CSV.",
            file_name)])
    guard.check_bytes(data, file_name, spreadsheet=suffix in SPREADSHEET_SUFFIXES)
    if suffix in CSV_SUFFIXES:
        sheets = Sheets([_csv_sheet(data, file_name)], [])
    else:
        sheets = _calamine_sheets(data, file_name)
    guard.check_cells(sheets, file_name)
    sheets.warnings += [warning for sheet in sheets for warning in _hidden_lines(sheet, file_name)]
    return sheets


def sheets_of(source: Path | bytes | list[Sheet], file_name: str) -> tuple[list[Sheet], list[Problem]]:
    """The sheets a reader was given, or loads from a file, and the warnings loading gave (hidden
    sheets left out, hidden rows read): a caller that passes sheets has those warnings already."""
    if isinstance(source, list):
        return source, []
    sheets = load_sheets(source, file_name)
    return sheets, sheets.warnings


def _calamine_sheets(data: bytes, file_name: str) -> Sheets:
    data, marks = guard.prepare_workbook(data, file_name)
    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        guard.check_sheet_count(workbook.sheet_names, file_name)
        shown = [m.name for m in workbook.sheets_metadata if m.visible == python_calamine.SheetVisibleEnum.Visible]
        sheets = [_calamine_sheet(workbook, name, file_name, marks.get(name)) for name in workbook.sheet_names]
    except Refused:
        raise
    except python_calamine.PasswordError as error:
        raise Refused([Problem("bảng tính được đặt mật khẩu nên không đọc được; hãy bỏ mật khẩu, lưu lại rồi tải lên.",
                               file_name)]) from error
    except Exception as error:  # calamine raises several private error types for broken files
        raise Refused([Problem(
            f"tệp không mở được như một bảng tính Excel (tệp hỏng, bị đặt mật khẩu hoặc không phải Excel): {error}",
            file_name)]) from error
    hidden = [sheet for sheet in sheets if sheet.name not in shown and not sheet.is_empty()]
    if not hidden or not all(sheet.is_empty() for sheet in sheets if sheet.name in shown):
        return Sheets([sheet for sheet in sheets if sheet.name in shown],
                      [Problem("trang đang ẩn trong Excel nên không được đọc (thường là bảng của năm trước); nếu cần "
                               "nhập trang này, hãy bỏ ẩn (chuột phải vào tên trang › Bỏ ẩn) rồi tải lên lại.",
                               file_name, sheet.name, severity="warning") for sheet in hidden])
    return Sheets(sheets, [Problem("mọi trang có dữ liệu đều đang ẩn trong Excel; đã đọc các trang ẩn.", file_name,
                                   sheet.name, severity="warning") for sheet in hidden])


def _calamine_sheet(workbook: python_calamine.CalamineWorkbook, name: str, file_name: str,
                    marks: guard.SheetMarks | None) -> Sheet:
    sheet = workbook.get_sheet_by_name(name)
    guard.check_sheet_height(sheet.height, file_name, name)
    rows = sheet.to_python(skip_empty_area=False)  # a new list of new lists
    merged = [Merged(top, left, bottom, right)
              for (top, left), (bottom, right) in (sheet.merged_cell_ranges or [])]
    marks = marks or guard.SheetMarks()
    for (row, column), error in marks.errors.items():  # calamine reads '#DIV/0!' as an empty cell
        if row < len(rows) and column < len(rows[row]):
            rows[row][column] = error
    return Sheet(name, rows, merged, marks.hidden_rows, marks.hidden_columns)


def _hidden_lines(sheet: Sheet, file_name: str) -> list[Problem]:
    """Warnings naming the hidden rows and columns that hold values: they are read like the others."""
    rows = [row for row in sorted(sheet.hidden_rows) if not sheet.is_blank_row(row)]
    columns = [column for column in sorted(sheet.hidden_columns) if column < sheet.width
               and any(sheet.value(row, column) != "" for row in range(sheet.height))]
    warnings = []
    if rows:
        listed = ", ".join(str(row + 1) for row in rows[:LISTED]) + (" …" if len(rows) > LISTED else "")
        warnings.append(Problem(f"dòng {listed} đang ẩn trong Excel (ẩn, lọc hoặc thu gọn nhóm) nhưng vẫn được đọc "
                                "như các dòng khác; hãy xem lại kết quả nếu các dòng ấy không thuộc bảng.",
                                file_name, sheet.name, cell_ref(rows[0], 0), severity="warning"))
    if columns:
        listed = ", ".join(get_column_letter(column + 1) for column in columns[:LISTED])
        warnings.append(Problem(f"cột {listed} đang ẩn trong Excel nhưng vẫn được đọc như các cột khác; hãy xem lại "
                                "kết quả nếu các cột ấy không thuộc bảng.",
                                file_name, sheet.name, cell_ref(0, columns[0]), severity="warning"))
    return warnings


LISTED = 10


def _csv_text(data: bytes) -> str:
    """The text of a CSV file: UTF-16 when it starts with its mark (Excel's «Unicode Text»), else UTF-8,
    else the Vietnamese Windows code page; a byte neither explains is read as Latin-1 (names then do not
    resolve, and the reader says which)."""
    if data.startswith(guard.UTF16_MARKS):
        return data.decode("utf-16", errors="replace")
    for encoding in ("utf-8-sig", "cp1258"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _csv_sheet(data: bytes, file_name: str) -> Sheet:
    text = _csv_text(data)
    try:
        rows = [list(r) for r in csv.reader(io.StringIO(text), delimiter=_delimiter(text))]
    except csv.Error as error:  # a field longer than the csv module allows: an unclosed quote swallowed the rest
        raise Refused([Problem(f"tệp CSV không đọc được ({error}); thường do một dấu ngoặc kép «\"» mở mà không đóng, "
                               "làm phần còn lại của tệp thành một ô. Hãy xuất lại bảng từ Excel dưới dạng CSV UTF-8.",
                               file_name)]) from error
    return Sheet(Path(file_name).stem, rows)


CSV_DELIMITERS = (";", "\t", ",")  # preferred in this order: Vietnamese Excel writes ";", decimals with ","
CSV_LINES_SAMPLED = 200


def _delimiter(text: str) -> str:
    """The delimiter that splits the most lines into one same number of columns. A title line
    above the table or decimal commas mislead csv.Sniffer, which then splits on ','."""
    sample = text.splitlines()[:CSV_LINES_SAMPLED]

    def lines_agreeing(delimiter: str) -> int:
        widths = Counter(len(row) for row in csv.reader(sample, delimiter=delimiter) if len(row) > 1)
        return max(widths.values(), default=0)

    return max(CSV_DELIMITERS, key=lambda d: (lines_agreeing(d), -CSV_DELIMITERS.index(d)))
