"""Finding a table's header in a sheet: title blocks above, merged multi-row headers, and the
"(1) (2) (3)" row of column numbers under them."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable

from thidua.io.cells import is_blank, number_or_none, text_key
from thidua.io.workbook import Sheet

HEADER_SCAN_ROWS = 20
MAX_HEADER_ROWS = 4
_COLUMN_NUMBER = re.compile(r"^\(?\s*\d{1,2}\s*\)?(\s*[=+*/-].*)?$|^\(?[a-z]\)?$", re.IGNORECASE)
_DOTTED_CODE = re.compile(r"^\d{1,2}(\.\d{1,2})+\.?$")  # a criterion code as a sub-header: '1.1', '2.3.1'


@dataclass
class Column:
    index: int
    path: list[str]  # the header words from top to bottom (a merged parent first)

    @property
    def label(self) -> str:
        return " / ".join(self.path)

    @property
    def key(self) -> str:
        return text_key(self.label)


@dataclass
class Table:
    sheet: Sheet
    header_top: int
    header_bottom: int
    first_data_row: int
    columns: list[Column]
    _repeated: dict[int, bool] = field(default_factory=dict, repr=False, compare=False)

    def column(self, matches: Callable[[str], bool]) -> Column | None:
        """The first column whose header words (lower case, no diacritics) satisfy the test."""
        return next((c for c in self.columns if matches(c.key)), None)

    def repeats_header(self, row: int) -> bool:
        """The row is a row of the header again (atop a new printed page), or its column-number row.
        Kept: every pass of a reader over the table's rows asks it again."""
        if row not in self._repeated:
            self._repeated[row] = self._repeats_header(row)
        return self._repeated[row]

    def _repeats_header(self, row: int) -> bool:
        if row <= self.header_bottom:
            return False
        if is_column_number_row(self.sheet.row_values(row)):
            return True
        tops = range(self.header_top, self.header_bottom + 1)
        first = next((c for c in range(self.sheet.width) if text_key(self.sheet.shown(row, c))), None)
        if first is None or all(self.sheet.header_words(top)[first] != text_key(self.sheet.shown(row, first))
                                for top in tops):
            return False  # a data row differs from the header in its first cell: its other words need no key
        words = self.sheet.header_words(row)
        if sum(1 for w in words if w) < 2:
            return False
        return any(all(not w or w == self.sheet.header_words(top)[c] for c, w in enumerate(words)) for top in tops)


def _is_year(value: object) -> bool:
    number = number_or_none(value)
    return number is not None and number.is_integer() and 1990 <= number <= 2100


def is_column_number_row(values: list[object]) -> bool:
    """A row such as '(1) (2) (3)' or '1 2 3 4' that numbers the columns under a header."""
    filled = []
    for v in values:  # a data row stops at its first word or fraction
        if is_blank(v):
            continue
        if not (isinstance(v, str) and _COLUMN_NUMBER.match(v.strip()) or _is_whole(v)):
            return False
        filled.append(v)
    if len(filled) < 2:
        return False
    if all(isinstance(v, str) for v in filled):  # each a number as text: '(1)', '2', 'a'
        return True
    numbers = [int(number_or_none(v)) if _is_whole(v) else _leading_number(v) for v in filled]
    numbers = [n for n in numbers if n is not None]  # letters ('A', 'B') number the name columns
    return bool(numbers) and numbers[0] in (0, 1) and numbers == list(range(numbers[0], numbers[0] + len(numbers)))


def _is_whole(value: object) -> bool:
    number = None if isinstance(value, str) else number_or_none(value)
    return number is not None and number.is_integer()


def _leading_number(text: str) -> int | None:
    """7 from '(7)' or '7=3+6'."""
    found = re.match(r"^\(?\s*(\d{1,2})", text.strip())
    return int(found.group(1)) if found else None


def _is_wordy(sheet: Sheet, row: int) -> bool:
    """Words only (years and dotted codes written as text allowed): how a header row looks, unlike a data row."""
    values = [v for v in sheet.row_values(row) if not is_blank(v)]
    return bool(values) and all(
        _is_year(v) or (isinstance(v, str) and (number_or_none(v) is None or _DOTTED_CODE.match(v.strip())))
        for v in values)


def _continues_header(sheet: Sheet, top: int, bottom: int, row: int) -> bool:
    if row >= sheet.height or is_column_number_row(sheet.row_values(row)) or not _is_wordy(sheet, row):
        return False
    for area in sheet.merged:
        if top <= area.top <= bottom < area.bottom and area.bottom >= row:
            return True  # a label merged down into this row
        if top <= area.top <= bottom and area.right > area.left and any(
                not is_blank(sheet.value(row, c)) for c in range(area.left, area.right + 1)):
            return True  # words under a parent label merged across
    above = sheet.row_values(bottom)
    below = sheet.row_values(row)
    under_gaps = [c for c, v in enumerate(below) if not is_blank(v) and c < len(above) and is_blank(above[c])]
    return len([v for v in below if not is_blank(v)]) >= 2 and bool(under_gaps)


def _column_path(sheet: Sheet, top: int, bottom: int, column: int) -> list[str]:
    path: list[str] = []
    for row in range(top, bottom + 1):
        value = sheet.shown(row, column)
        if is_blank(value) and row < bottom and not sheet.merged_at(row, column):
            value = _spanning_label(sheet, row, column)
        text = re.sub(r"\s+", " ", str(value)).strip() if not is_blank(value) else ""
        if isinstance(value, float) and value.is_integer():
            text = str(int(value))
        if text and (not path or path[-1] != text):
            path.append(text)
    return path


def _spanning_label(sheet: Sheet, row: int, column: int) -> object:
    """Without merge information, a group label ('Năm 2020') stands over the blank cells to its
    right that have sub-headers under them."""
    if is_blank(sheet.value(row + 1, column)):
        return ""
    for left in range(column - 1, -1, -1):
        value = sheet.value(row, left)
        if not is_blank(value):
            return value if not is_blank(sheet.value(row + 1, left)) else ""
    return ""


def locate_table(sheet: Sheet, is_header: Callable[[list[str]], bool],
                 continues_header: Callable[[list[str]], bool] | None = None) -> Table | None:
    """The table whose header row (within the first 20 rows) passes is_header.

    is_header receives the row's cells as header words (lower case, no diacritics), with
    merged cells repeated. A table whose data rows are words too (a list of names) can say which
    rows under the first may still be header rows: each must also pass continues_header.
    Both tests must depend on the words alone: their answers are kept for the same words, and the
    table found is kept in the sheet for the next reader asking with the same tests.
    """
    tests = (is_header, continues_header)
    if tests not in sheet.located:
        sheet.located[tests] = _find_table(sheet, is_header, continues_header)
    return sheet.located[tests]


def _find_table(sheet: Sheet, is_header: Callable[[list[str]], bool],
                continues_header: Callable[[list[str]], bool] | None) -> Table | None:
    for top in range(min(HEADER_SCAN_ROWS, sheet.height)):
        if _passes(is_header, sheet.header_words(top)):
            break
    else:
        return None
    top, bottom = _merged_header_top(sheet, top), top
    while (bottom - top + 1 < MAX_HEADER_ROWS and _continues_header(sheet, top, bottom, bottom + 1)
           and (continues_header is None or _passes(continues_header, sheet.header_words(bottom + 1)))):
        bottom += 1
    return table_at(sheet, top, bottom)


def _merged_header_top(sheet: Sheet, row: int) -> int:
    """Where a header found at row begins: labels merged down into it ('Năm 2021' over 'Tổng điểm',
    'Đơn vị' over both) start it higher."""
    tops = [area.top for area in sheet.merged
            if row - MAX_HEADER_ROWS < area.top < row <= area.bottom and _is_wordy(sheet, area.top)]
    return min(tops, default=row)


@lru_cache(maxsize=1 << 14)  # every sheet of a template repeats its title and header rows
def _passes(test: Callable[[list[str]], bool], words: tuple[str, ...]) -> bool:
    return test(list(words))


def table_at(sheet: Sheet, top: int, bottom: int) -> Table:
    """The table whose header fills rows top..bottom; its data starts under any column-number rows."""
    first_data_row = bottom + 1
    while first_data_row < sheet.height and is_column_number_row(sheet.row_values(first_data_row)):
        first_data_row += 1
    columns = [Column(c, _column_path(sheet, top, bottom, c)) for c in range(sheet.width)]
    return Table(sheet, top, bottom, first_data_row, [c for c in columns if c.path])
