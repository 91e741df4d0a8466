"""The PAR Index table: one row per province with its index score and rank, sometimes SIPAS and
component scores, for one year or several years side by side, in the shapes the ministry's tables
and people's copies of them take (title blocks, merged headers, percent cells, notes below)."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Callable

import pandas as pd
from openpyxl.utils import get_column_letter

from thidua.kinds.index import (AVERAGE_ROW, INDEX_TABLE_COLUMNS, INDEX_TITLE_WORDS, INDICES, NOTES_ROW, PAR,
                                PART_AVERAGE_ROW, SCORE_PRECEDENCE, SCORING_HEADER_WORDS, SIPAS, IndexSchema,
                                index_named_in)
from thidua.provinces import MERGER_YEAR, Province, registry
from thidua.io.cells import NotANumber, holds_no_figure, is_blank, parse_number, text_key, year_in
from thidua.readers.problems import Problem, Refused, cell_ref, shown_ref
from thidua.readers.table import HEADER_SCAN_ROWS, Column, Table, is_column_number_row, locate_table, table_at
from thidua.io.workbook import Sheet, sheets_of
from thidua.tables.columns import rank_in
from thidua.tables.identity import DECISION_LINE, cell_text
from thidua.tables.rows import states_maxima
from thidua.tables.schema import bare_words

UNKNOWN_LISTED = 20
DISAGREEMENTS_LISTED = 5
PROVINCES_IN_A_TABLE = 20  # fewer names than that in a column make a list, not a table of provinces

LOOKED_FOR = ("một dòng tiêu đề (trong 20 dòng đầu của trang) có cột tên tỉnh («Tỉnh, thành phố», «Địa phương», "
              "«Đơn vị») và cột «Chỉ số (%)», «Điểm», «Kết quả» hoặc «Xếp hạng»")


@dataclass
class ParResult:
    """The PAR Index rows (scores, components: SIPAS beside the PAR score) and the other indices' rows
    (index_scores, index_components: one `index` column), never mixed."""
    file_name: str
    scores: pd.DataFrame
    components: pd.DataFrame
    warnings: list[Problem]
    index_scores: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(INDEX_COLUMNS)))
    index_components: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=["index", "year", "province_code", "component", "score"]))

    @property
    def years(self) -> list[int]:
        """The PAR Index years."""
        return sorted(int(y) for y in self.scores["year"].unique())

    @property
    def scope(self) -> str:
        """'2020,2021' for PAR tables, 'PCI 2020' for another index, joined by '; ' when a file holds several."""
        parts = [",".join(map(str, self.years))] if self.years else []
        if not self.index_scores.empty:
            years = self.index_scores.groupby("index")["year"].unique()
            parts += [f"{schema.short} {','.join(map(str, sorted(years[key])))}"
                      for key, schema in INDICES.items() if key in years]
        return "; ".join(parts)

    @property
    def rows(self) -> int:
        return len(self.scores) + len(self.index_scores)


@dataclass(frozen=True)
class ColumnChoice:
    """A table pointed out by a person when its header words were not recognised: the sheet, the
    header row and the columns (0-based); score or rank may be missing, not both."""
    sheet: str
    header_row: int
    province: int
    score: int | None = None
    rank: int | None = None


# ---------------------------------------------------------------- header words

@lru_cache(maxsize=1 << 14, typed=True)  # a pure function of a cell, asked for again by every check
def _element_kind(text: object) -> str:
    """The field one header label suggests (INDEX_TABLE_COLUMNS), 'year' for a label of a year only, else 'label'."""
    words = bare_words(text)
    found = INDEX_TABLE_COLUMNS.suggested_by(words) if words else None
    return found.name if found else "label" if words else "year"


def _is_par_header(words: list[str]) -> bool:
    """A row with a province column and, in another cell, an index, rank or year label."""
    kinds = [_element_kind(w) if w else "" for w in words]
    has_year_label = any(k == "year" and year_in(w) for k, w in zip(kinds, words))
    return "province" in kinds and (has_year_label or any(k in ("score", "rank", "sipas") for k in kinds))


def _locate(sheet: Sheet) -> Table | None:
    return locate_table(sheet, _is_par_header)


# ---------------------------------------------------------------- columns

@dataclass
class _Role:
    column: Column
    role: str    # score, rank, sipas, band, component
    label: str   # the component's name; the leaf header label otherwise
    year: int | None
    priority: int = 0
    year_cell: str | None = None  # the cell naming the year over the column


@dataclass
class _YearColumns:
    year: int
    where: tuple[str | None, str | None]  # sheet and cell that named the year
    score: Column | None = None
    score_candidates: list[_Role] = field(default_factory=list)
    rank: Column | None = None
    sipas: Column | None = None
    band: Column | None = None
    components: list[tuple[str, Column]] = field(default_factory=list)
    schema: IndexSchema = PAR


def _score_priority(leaf: str) -> int:
    """Which of several score columns is the index itself: 'Chỉ số (%)' before 'Điểm thẩm định'."""
    words = bare_words(leaf)
    return next((priority for priority, pattern in enumerate(SCORE_PRECEDENCE) if pattern.search(words)),
                len(SCORE_PRECEDENCE) if words else len(SCORE_PRECEDENCE) + 1)


def _classify(column: Column, year: int | None) -> _Role | str:
    """The column's role, or 'province' / 'ignored'."""
    kinds = [(element, _element_kind(element)) for element in column.path]
    named = [(element, kind) for element, kind in kinds if kind != "year"]
    leaf, leaf_kind = named[-1] if named else (column.path[-1], "year")
    labels = [element for element, kind in named if kind == "label"]
    present = {kind for _, kind in named}
    if present & {"ignored", "order"}:
        return "ignored"
    if leaf_kind == "band":
        return _Role(column, "band", leaf, year)
    if "province" in present:
        return "province"
    if labels:
        return "ignored" if leaf_kind == "rank" else _Role(column, "component", " / ".join(labels), year)
    if "sipas" in present:
        return "ignored" if leaf_kind == "rank" else _Role(column, "sipas", leaf, year)
    if leaf_kind == "rank":
        return _Role(column, "rank", leaf, year)
    if "score" in present or not named:
        return _Role(column, "score", leaf, year, _score_priority(leaf))
    return "ignored"


def _header_year(table: Table, column: Column) -> tuple[int, str] | None:
    """The year a header names over this column, and the cell that names it (a merged
    'Năm 2020' over several columns, or the column's own label)."""
    for element in column.path:
        year = year_in(element)
        if year is None:
            continue
        for row in range(table.header_top, table.header_bottom + 1):
            for left in range(column.index, -1, -1):
                if year_in(cell_text(table.sheet.shown(row, left))) == year:
                    return year, shown_ref(table.sheet, row, left)
        return year, cell_ref(table.header_top, column.index)
    return None


@dataclass
class _Plan:
    table: Table
    province: Column
    roles: list[_Role]
    left: int = 0                 # the columns this table spans: tables side by side share the header rows
    right: int | None = None
    named_columns: dict[int, tuple[str, str]] = field(default_factory=dict)  # column -> (index key, cell) its header names
    other_index_columns: list[tuple[str, str]] = field(default_factory=list)  # (label, cell) left unread
    top: int = 0                  # the rows this table and its title take: tables one under another share the columns
    bottom: int | None = None     # the row after its last

    def spans(self, column: int) -> bool:
        return self.left <= column and (self.right is None or column <= self.right)

    @property
    def year_cells(self) -> dict[int, str | None]:
        """Each year the columns' headers name, and the cell naming it over the first of them."""
        cells: dict[int, str | None] = {}
        for role in self.roles:
            if role.year is not None:
                cells.setdefault(role.year, role.year_cell)
        return cells

    def for_index(self, key: str) -> _Plan:
        """The plan of this table read as the given index: columns naming another index are left out."""
        if key == SIPAS.key:  # its own table: the SIPAS column is the score
            return replace(self, roles=[replace(r, role="score") if r.role == "sipas" else r for r in self.roles])
        other = {c for c, (named, _) in self.named_columns.items() if named != key}
        if not other:
            return self
        return replace(self, roles=[r for r in self.roles if r.column.index not in other],
                       other_index_columns=[(r.column.label, self.named_columns[r.column.index][1])
                                            for r in self.roles if r.column.index in other])


def _plans(table: Table) -> list[_Plan]:
    """One plan per table in the header: tables side by side (each with its province column, e.g. the
    provinces 1..32 left and 33..63 right) are read apart."""
    provinces = [column.index for column in table.columns if _classify(column, None) == "province"]
    starts = [0]
    labelled = {column.index for column in table.columns}
    lead = provinces[0] - min(labelled) if provinces else 0  # columns before the name: 'TT', 'Xếp hạng'
    for before, province in zip(provinces, provinces[1:]):
        gaps = [c for c in range(before + 1, province) if c not in labelled]
        start = gaps[-1] + 1 if gaps else province - lead
        if start > before:
            starts.append(start)
    if len(starts) < len(provinces):
        starts = [0]  # name columns in one table ('Tỉnh' and 'Tỉnh mới'): the first names the rows
    ends = [start - 1 for start in starts[1:]] + [None]
    plans = [_plan_columns(table, left, right) for left, right in zip(starts, ends)]
    return [plan for plan in plans if plan is not None]


def _plan_columns(table: Table, left: int = 0, right: int | None = None) -> _Plan | None:
    province, roles, named_columns = None, [], {}
    for column in table.columns:
        if column.index < left or (right is not None and column.index > right):
            continue
        named = _index_named_over(table, column)
        if named:
            named_columns[column.index] = named
        found = _header_year(table, column)
        role = _classify(column, found[0] if found else None)
        if role == "province":
            province = province or column
        elif isinstance(role, _Role):
            role.year_cell = found[1] if found else None
            roles.append(role)
    if province is None or not any(r.role in ("score", "rank") for r in roles):
        return None
    return _Plan(table, province, roles, left, right, named_columns)


def _index_named_over(table: Table, column: Column) -> tuple[str, str] | None:
    """(index key, cell) when the column's header names an index other than the PAR Index ('Điểm PCI', 'PAPI 2024')."""
    for row in range(table.header_top, table.header_bottom + 1):
        schema = index_named_in(text_key(table.sheet.shown(row, column.index)))
        if schema:
            return schema.key, shown_ref(table.sheet, row, column.index)
    return None


def _titles(plan: _Plan, wanted: Callable[[str], bool] = str.strip) -> list[tuple[int, int, str]]:
    """(row, column, line) of the title lines above the table's header that are wanted: those over its
    own columns when there are any (a title over each of two tables side by side), else all of them."""
    sheet = plan.table.sheet
    lines = [(row, column, line) for row in range(plan.top, plan.table.header_top)
             for column, value in enumerate(sheet.rows[row]) if isinstance(value, str)
             for line in value.splitlines() if wanted(line)]

    def over_plan(column: int, row: int) -> bool:
        area = sheet.merged_at(row, column)
        return plan.spans(column) or (area is not None and any(map(plan.spans, range(area.left, area.right + 1))))

    own = [line for line in lines if over_plan(line[1], line[0])]
    return own or lines


@dataclass(frozen=True)
class _NamedIndex:
    """The index a table's (or a sheet's) title, header or sheet name names, and where: the table is read as
    that index unless the person chose another, which sets it aside."""
    schema: IndexSchema
    sheet: str
    cell: str | None
    text: str

    def where(self) -> str:
        return f"{f'ô {self.cell}' if self.cell else 'tên trang'} ghi «{self.text}»"

    def problem(self, file_name: str, severity: str, expected: IndexSchema = PAR) -> Problem:
        """This table is not the expected index: skipped with a warning beside its tables, else refused."""
        what = f"bảng này là {self.schema.name}, không phải {expected.name}: {self.where()}"
        if severity == "warning":
            return Problem(f"{what}; đã bỏ qua bảng này.", file_name, self.sheet, self.cell, severity="warning")
        return Problem(f"{what}. Hãy chọn đúng chỉ số khi tải lên (hoặc để chương trình tự nhận ra chỉ số).",
                       file_name, self.sheet, self.cell)

    def headerless(self, file_name: str, severity: str) -> Problem:
        """The sheet names the index but holds no table the reader can find: skipped beside tables, else refused."""
        what = f"trang này là {self.schema.name} ({self.where()}) nhưng không tìm thấy bảng: cần {LOOKED_FOR}"
        skipped = "; đã bỏ qua trang này." if severity == "warning" else "."
        return Problem(what + skipped, file_name, self.sheet, self.cell, severity=severity)


def _table_index(plan: _Plan) -> _NamedIndex | None:
    """The index the table's title, header or sheet name names (the PAR Index when any of them names it)."""
    sheet, table = plan.table.sheet, plan.table
    places = [(cell_ref(row, column), text) for row, column, text in _titles(plan)]
    places += [(cell_ref(row, column), sheet.value(row, column)) for row in range(table.header_top, table.header_bottom + 1)
               for column in range(sheet.width) if plan.spans(column) and isinstance(sheet.value(row, column), str)]
    return _named_index(sheet, places + [(None, sheet.name)])


def _sheet_index(sheet: Sheet) -> _NamedIndex | None:
    """An index other than the PAR Index named in the first rows of a sheet where no table header was found."""
    places = [(cell_ref(row, column), value) for row in range(min(HEADER_SCAN_ROWS, sheet.height))
              for column, value in enumerate(sheet.rows[row]) if isinstance(value, str)]
    named = _named_index(sheet, places + [(None, sheet.name)])
    return named if named and named.schema is not PAR else None


def _named_index(sheet: Sheet, places: list[tuple[str | None, str]]) -> _NamedIndex | None:
    """The PAR Index when one of the (cell, text) places names it, else the first other index named there."""
    par = next(((cell, text) for cell, text in places if PAR.named_by.search(text_key(text))), None)
    if par:
        return _NamedIndex(PAR, sheet.name, par[0], par[1].strip())
    return next((_NamedIndex(schema, sheet.name, cell, text.strip()) for cell, text in places
                 for schema in [index_named_in(text_key(text))] if schema), None)


def _chosen_plan(sheet: Sheet, choice: ColumnChoice, file_name: str) -> _Plan:
    """The plan a ColumnChoice describes; refuses a choice that cannot describe a table."""
    where = (file_name, sheet.name, cell_ref(choice.header_row, choice.province))
    if choice.score is None and choice.rank is None:
        raise Refused([Problem("hãy chọn cột chỉ số hoặc cột xếp hạng (ít nhất một trong hai).", *where)])
    chosen = [index for index in (choice.province, choice.score, choice.rank) if index is not None]
    if len(set(chosen)) < len(chosen):
        raise Refused([Problem("cột tên tỉnh, cột chỉ số và cột xếp hạng phải là các cột khác nhau.", *where)])
    if not 0 <= choice.header_row < sheet.height:
        raise Refused([Problem(f"trang chỉ có {sheet.height} dòng, không có dòng tiêu đề {choice.header_row + 1}.",
                               file_name, sheet.name)])
    table = table_at(sheet, choice.header_row, choice.header_row)
    labelled = {column.index: column for column in table.columns}

    def column(index: int) -> Column:
        return labelled.get(index) or Column(index, [f"Cột {get_column_letter(index + 1)}"])

    roles = []
    for index, role in ((choice.score, "score"), (choice.rank, "rank")):
        if index is not None:
            found = _header_year(table, column(index))
            roles.append(_Role(column(index), role, column(index).path[-1], found[0] if found else None,
                               year_cell=found[1] if found else None))
    return _Plan(table, column(choice.province), roles)


def _stated_year(plan: _Plan, file_name: str, year: int | None) -> tuple[int, str | None, str | None] | None:
    """(year, sheet, cell) from the table's title, else the sheet name, else the file name, else the caller;
    a title line citing a decision or dated ('ngày 15/5/2022') does not count."""
    sheet = plan.table.sheet
    titles = _titles(plan, lambda line: bool(year_in(line)) and not DECISION_LINE.search(text_key(line)))
    titles.sort(key=lambda title: not INDEX_TITLE_WORDS.search(text_key(title[2])))
    if titles:
        row, column, line = titles[0]
        return year_in(line), sheet.name, cell_ref(row, column)
    for found, where in ((year_in(sheet.name), sheet.name), (year_in(Path(file_name).stem), None), (year, None)):
        if found:
            return found, where, None
    return None


def _no_year(plan: _Plan, file_name: str) -> Problem:
    """The refusal of a table whose year nothing states, saying truly where years were seen: only in a line
    citing a decision or a date, which gives no table's year."""
    cited = _titles(plan, lambda line: bool(year_in(line)) and bool(DECISION_LINE.search(text_key(line))))
    said, cell = "tiêu đề, tên trang và tên tệp không ghi năm", None
    if cited:
        row, column, line = cited[0]
        cell = cell_ref(row, column)
        said = (f"tiêu đề chỉ ghi năm {year_in(line)} trong dòng trích văn bản hoặc ngày tháng «{line.strip()}» "
                f"(ô {cell}), không phải năm của bảng; tên trang và tên tệp không ghi năm")
    return Problem(f"không xác định được năm của bảng: {said}; hãy ghi năm vào tiêu đề (ví dụ «Chỉ số CCHC năm "
                   f"2021») hoặc chọn năm khi tải lên.", file_name, plan.table.sheet.name, cell)


def _default_year(plan: _Plan, file_name: str, year: int | None) -> tuple[int, str | None, str | None] | None:
    """The year for columns whose header names none: the stated year, else the one year the headers name."""
    stated = _stated_year(plan, file_name, year)
    if stated is None and len(plan.year_cells) == 1:
        (only, cell), = plan.year_cells.items()
        return only, plan.table.sheet.name, cell
    return stated


def _corrected_year(plan: _Plan, file_name: str, year: int) -> tuple[_Plan, list[Problem]]:
    """The plan with every column in the year a person chose (a table naming several years keeps
    them), and a warning when the file states another year."""
    if len(plan.year_cells) > 1:
        return plan, []
    replaced = replace(plan, roles=[replace(r, year=year, year_cell=None) for r in plan.roles])
    stated = _default_year(plan, file_name, None)
    if not stated or stated[0] == year:
        return replaced, []
    source = "tiêu đề" if stated[2] else "tên trang" if stated[1] else "tên tệp"
    return replaced, [Problem(f"{source} ghi năm {stated[0]}; đã dùng năm {year} theo lựa chọn khi tải lên.",
                              file_name, stated[1], stated[2], severity="warning")]


def _year_groups(plan: _Plan, file_name: str, year: int | None, year_wins: bool = False, schema: IndexSchema = PAR
                 ) -> tuple[list[_YearColumns], list[_SipasTable], list[Problem]]:
    """The value columns per year, and the years with SIPAS but no index column; year-less columns take the
    year the title, sheet or file name states, else the single year the headers name. With year_wins, the
    given year replaces the one year the table states."""
    problems: list[Problem] = []
    if year is not None and year_wins:
        plan, problems = _corrected_year(plan, file_name, year)
    sheet = plan.table.sheet
    default = None if all(r.year is not None for r in plan.roles) else _default_year(plan, file_name, year)
    if default is None and any(r.year is None for r in plan.roles):
        if not plan.year_cells:
            return [], [], [_no_year(plan, file_name)]
        labels = ", ".join(f"«{r.column.label}»" for r in plan.roles if r.year is None)
        problems.append(Problem(f"các cột {labels} không ghi năm nào trong khi bảng có nhiều năm; đã bỏ qua.",
                                file_name, sheet.name, severity="warning"))
    groups: dict[int, _YearColumns] = {}
    for role in plan.roles:
        role_year = role.year or (default[0] if default else None)
        if role_year is None:
            continue
        if role_year not in groups:
            where = (sheet.name, role.year_cell) if role.year else (default[1], default[2])
            groups[role_year] = _YearColumns(role_year, where, schema=schema)
        _assign(groups[role_year], role)
    kept, sipas_only = [], []
    for group in groups.values():
        _settle_scores(group)
        problem = _year_problem(group, file_name)
        sipas_refusal = _sipas_only(plan, group, file_name)
        if problem:
            problems.append(problem)
        elif sipas_refusal:
            sipas_only.append(_SipasTable(plan, group, sipas_refusal))
        elif group.score is None and group.rank is None:
            problems.append(Problem(f"năm {group.year}: bảng không có cột chỉ số hay xếp hạng; đã bỏ qua năm này.",
                                    file_name, sheet.name, group.where[1], severity="warning"))
        else:
            kept.append(group)
    return kept, sipas_only, problems


def _assign(group: _YearColumns, role: _Role) -> None:
    if role.role == "score":
        group.score_candidates.append(role)
    elif role.role == "rank" and group.rank is None:
        group.rank = role.column
    elif role.role == "sipas" and group.sipas is None:
        group.sipas = role.column
    elif role.role == "band" and group.band is None:
        group.band = role.column
    elif role.role == "component":
        group.components.append((role.label, role.column))


def _settle_scores(group: _YearColumns) -> None:
    """The best score column is the index; other score columns ('Điểm thẩm định') are components."""
    if not group.score_candidates:
        return
    best = min(group.score_candidates, key=lambda r: r.priority)
    group.score = best.column
    group.components.extend((r.label, r.column) for r in group.score_candidates if r is not best)


@dataclass
class _SipasTable:
    """A year of SIPAS without the PAR Index (a SIPAS sheet beside the PAR sheet): its figures join the same
    year's PAR rows; alone, it is refused."""
    plan: _Plan
    group: _YearColumns
    refusal: Problem
    figures: dict[str, tuple[Province, float, str]] = field(default_factory=dict)  # by province code

    def read(self, rows: list[_ProvinceRow], file_name: str) -> list[Problem]:
        """The SIPAS figure of each province row; a figure outside 0–100% or a province twice is an error."""
        sheet, column, year = self.plan.table.sheet, self.group.sipas, self.group.year
        numbers, problems = _column_numbers(sheet, rows, column, file_name, percent=True)
        for province_row in rows:
            if province_row.row not in numbers:
                continue
            province, value, cell = province_row.province, numbers[province_row.row], _cell(province_row.row, column)
            if province.code in self.figures:
                problems.append(Problem(f"«{province.name}» có hai lần trong bảng SIPAS năm {year}: ô "
                                        f"{self.figures[province.code][2]} và ô {cell}.", file_name, sheet.name, cell))
            elif not 0 <= value <= 100:
                problems.append(Problem(f"SIPAS {_shown(value)} nằm ngoài khoảng 0–100%.", file_name, sheet.name, cell))
            else:
                self.figures[province.code] = (province, value, cell)
        return problems


def _sipas_only(plan: _Plan, group: _YearColumns, file_name: str) -> Problem | None:
    """A year with SIPAS and no index column: its rank is SIPAS's, and no PAR Index is there to read."""
    if group.score is not None or group.sipas is None:
        return None
    table, column = plan.table, group.sipas.index
    row = next((r for r in range(table.header_top, table.header_bottom + 1)
                if _element_kind(table.sheet.shown(r, column)) == "sipas"), table.header_top)
    return Problem(f"năm {group.year}: bảng chỉ có Chỉ số hài lòng SIPAS (cột «{group.sipas.label}»), không có cột "
                   "Chỉ số CCHC (PAR Index); xếp hạng trong bảng là xếp hạng SIPAS nên không đọc làm xếp hạng "
                   "Chỉ số CCHC.", file_name, table.sheet.name, cell_ref(row, column))


def _year_problem(group: _YearColumns, file_name: str) -> Problem | None:
    this_year, schema = date.today().year, group.schema
    if schema.first_year <= group.year <= this_year:
        return None
    sheet, cell = group.where
    return Problem(f"năm {group.year} nằm ngoài các năm có {schema.short} ({schema.first_year}–{this_year}).",
                   file_name, sheet, cell)


# ---------------------------------------------------------------- rows

@dataclass
class _ProvinceRow:
    row: int
    province: Province


def _province_rows(plan: _Plan) -> tuple[list[_ProvinceRow], list[tuple[int, object]], list[int]]:
    """The rows naming a province, from the header down to the (national) average row or the notes,
    passing over a region's average and a row of maxima, the (row, name) of rows with figures
    under a name that is no province, and the rows naming a region with figures (left out)."""
    sheet, column = plan.table.sheet, plan.province.index
    value_columns = [r.column.index for r in plan.roles]
    header_labels = {text_key(label) for label in plan.province.path}
    found: list[_ProvinceRow] = []
    unknown: list[tuple[int, object]] = []
    regions: list[int] = []
    after_average = False  # an average row (placed among the provinces by its value) may come before the last
    for row in range(plan.table.first_data_row, sheet.height if plan.bottom is None else plan.bottom):
        values = sheet.rows[row]
        if all(is_blank(v) for v in values) or is_column_number_row(values):
            continue
        name = sheet.shown(row, column)
        label = text_key(name if not is_blank(name) else next((v for v in values if isinstance(v, str)), ""))
        if PART_AVERAGE_ROW.search(label) or states_maxima(label):
            continue
        if registry().names_region(label):
            regions += [row] if any(not holds_no_figure(sheet.value(row, c)) for c in value_columns) else []
            continue
        if NOTES_ROW.match(label):
            if found:
                break
            continue
        if AVERAGE_ROW.search(label):
            after_average = bool(found)
            continue
        if is_blank(name):
            continue
        if _has_header_labels(plan, row) and text_key(name) not in header_labels:
            if found:
                break  # another table's header under this one (the ministries' index under the provinces')
            continue
        province = registry().resolve(name)
        has_figures = any(not holds_no_figure(sheet.value(row, c)) for c in value_columns)
        read_already = province is not None and any(f.province.code == province.code for f in found)
        if after_average and (read_already or (province is None and has_figures)):
            break  # under the average, a province read already or a name that is none begins another table
        if province is not None:
            found.append(_ProvinceRow(row, province))
        elif text_key(name) in header_labels:
            continue  # the header repeated on a new page
        elif has_figures:
            unknown.append((row, name))
    return found, unknown, regions


def _has_header_labels(plan: _Plan, row: int) -> bool:
    """The row holds, in the value columns, the header's own labels ('Chỉ số (%)', 'Xếp hạng'): a header row."""
    sheet, table = plan.table.sheet, plan.table
    words = sheet.header_words(row)
    labels = [{sheet.header_words(top)[r.column.index] for top in range(table.header_top, table.header_bottom + 1)}
              for r in plan.roles]
    filled = [(r, own) for r, own in zip(plan.roles, labels) if words[r.column.index]]
    return bool(filled) and all(words[r.column.index] in own for r, own in filled)


def _unknown_provinces(plan: _Plan, unknown: list[tuple[int, object]], file_name: str) -> list[Problem]:
    """One error per unknown name with the closest official names; past UNKNOWN_LISTED names,
    one more error counts the rest (a sheet of such names is probably no PAR table)."""
    sheet, column = plan.table.sheet.name, plan.province.index
    problems = []
    for row, name in unknown[:UNKNOWN_LISTED]:
        suggestions = registry().suggest(name)
        hint = f" Có phải: {', '.join(suggestions)}?" if suggestions else " Hãy dùng tên tỉnh, thành phố chính thức."
        problems.append(Problem(f"«{name}» không khớp với tỉnh, thành phố nào.{hint}",
                                file_name, sheet, cell_ref(row, column)))
    if len(unknown) > UNKNOWN_LISTED:
        rest = [cell_ref(row, column) for row, _ in unknown[UNKNOWN_LISTED:]]
        problems.append(Problem(f"còn {len(rest)} tên nữa không khớp với tỉnh, thành phố nào "
                                f"(các ô {rest[0]}…{rest[-1]}).", file_name, sheet))
    return problems


# ---------------------------------------------------------------- numbers

def _column_numbers(sheet: Sheet, rows: list[_ProvinceRow], column: Column, file_name: str,
                    percent: bool, ranks: bool = False) -> tuple[dict[int, float], list[Problem]]:
    """The numbers in a column by row. With percent, a column whose plain numbers are all
    fractions (percent cells such as 0.9104) is read as percent (91.04); with ranks, a rank as
    written ('5 (đồng hạng)', 'Hạng 5') is its number."""
    numbers: dict[int, float] = {}
    written_as_percent: set[int] = set()
    problems: list[Problem] = []
    for province_row in rows:
        value = sheet.value(province_row.row, column.index)
        if holds_no_figure(value):
            continue
        rank = rank_in(value) if ranks else None
        if rank is not None:
            numbers[province_row.row] = float(rank)
            continue
        try:
            number, with_percent_sign = parse_number(value)
        except NotANumber:
            problems.append(Problem(f"«{value}» ở cột «{column.label}» không phải là số.",
                                    file_name, sheet.name, cell_ref(province_row.row, column.index)))
            continue
        numbers[province_row.row] = number
        if with_percent_sign:
            written_as_percent.add(province_row.row)
    plain = [n for row, n in numbers.items() if row not in written_as_percent]
    if percent and plain and all(abs(n) <= 1 for n in plain):
        numbers = {row: n if row in written_as_percent else round(n * 100, 8) for row, n in numbers.items()}
    return numbers, problems


# ---------------------------------------------------------------- columns typed by their content

@dataclass(frozen=True)
class _Content:
    """What a column holds in the province rows: its numbers and how many cells hold words instead."""
    numbers: tuple[float, ...]
    words: int

    def are_scores(self) -> bool:
        """Percentages 0..100 or fractions 0..1, as an index or its components are written."""
        return bool(self.numbers) and not self.words and all(0 <= n <= 100 for n in self.numbers)

    def are_ranks(self, limit: int) -> bool:
        """Whole numbers 1..limit (ties allowed)."""
        return bool(self.numbers) and not self.words and all(n.is_integer() and 1 <= n <= limit for n in self.numbers)

    def are_words(self) -> bool:
        return self.words > 0 and not self.numbers

    def are_other_numbers(self) -> bool:
        """Numbers that cannot be scores (a count of survey forms: 1 250), no words."""
        return bool(self.numbers) and not self.words and any(not 0 <= n <= 100 for n in self.numbers)


def _header_cell(table: Table, column: Column) -> str:
    """The cell of the column's lowest header label."""
    rows = [row for row in range(table.header_top, table.header_bottom + 1)
            if not is_blank(table.sheet.shown(row, column.index))]
    return cell_ref(rows[-1] if rows else table.header_top, column.index)


def _typed_by_content(plan: _Plan, group: _YearColumns, rows: list[_ProvinceRow],
                      file_name: str) -> tuple[bool, list[Problem]]:
    """The columns header words proposed, settled by what they hold: the index is the first score
    column (by its words) holding scores; a 'rank' of words is a grade, not a rank; columns holding
    other numbers are no components; a score column of ranks beside a rank column of scores is
    refused. (readable, problems)."""
    table, sheet = plan.table, plan.table.sheet
    contents: dict[int, _Content] = {}

    def content(column: Column) -> _Content:
        if column.index not in contents:
            numbers, words = _column_numbers(sheet, rows, column, file_name, percent=False, ranks=column is group.rank)
            contents[column.index] = _Content(tuple(numbers.values()), len(words))
        return contents[column.index]

    def named(column: Column) -> str:
        return f"«{column.label}» (ô {_header_cell(table, column)})"

    problems = []
    if group.score is not None and content(group.score).are_other_numbers():
        ordered = sorted(group.score_candidates, key=lambda role: role.priority)
        fitting = next((role.column for role in ordered if content(role.column).are_scores()), None)
        if fitting is not None:
            problems.append(Problem(f"cột «{group.score.label}» chứa số ngoài 0–100 nên không phải {group.schema.short}; "
                                    f"đã đọc chỉ số ở cột {named(fitting)}.", file_name, sheet.name,
                                    _header_cell(table, group.score), severity="warning"))
            group.components = [(label, column) for label, column in group.components if column is not fitting]
            group.score = fitting
    limit = len(registry().expected(group.year))
    if group.rank is not None and content(group.rank).are_words():
        problems.append(Problem(f"cột «{group.rank.label}» ghi chữ (xếp loại), không ghi thứ hạng bằng số; đã bỏ qua "
                                "cột này và tính thứ hạng từ chỉ số.", file_name, sheet.name,
                                _header_cell(table, group.rank), severity="warning"))
        group.rank = None
    if (group.rank is not None and group.score is not None and content(group.score).are_ranks(limit)
            and not content(group.rank).are_ranks(limit) and content(group.rank).are_scores()):
        return False, [Problem(f"năm {group.year}: cột {named(group.score)} chứa số nguyên 1–{limit} như thứ hạng, "
                               f"còn cột «{group.rank.label}» chứa số lẻ như chỉ số; tiêu đề hai cột có lẽ bị đảo. "
                               "Hãy sửa tiêu đề rồi tải lên lại.", file_name, sheet.name, _header_cell(table, group.rank))]
    kept = []
    for label, column in group.components:
        if content(column).are_other_numbers():
            problems.append(Problem(f"cột «{column.label}» chứa số ngoài 0–100 (không phải điểm) nên không được đọc làm "
                                    "chỉ số thành phần.", file_name, sheet.name, _header_cell(table, column),
                                    severity="warning"))
        else:
            kept.append((label, column))
    group.components = kept
    return True, problems


@dataclass
class _Entry:
    year: int
    province: Province
    sheet: str
    cell: str              # the province name's cell
    score: float | None
    score_cell: str | None
    rank: float | None     # as written; checked to be a whole number
    rank_cell: str | None
    sipas: float | None
    sipas_cell: str | None
    components: dict[str, float]
    rank_computed: bool = False
    sipas_sheet: str | None = None  # when SIPAS came from a SIPAS table on another sheet
    schema: IndexSchema = PAR
    band: str | None = None         # the publisher's group ('Nhóm cao nhất'), for indices that band provinces


def _entries(plan: _Plan, group: _YearColumns, rows: list[_ProvinceRow],
             file_name: str) -> tuple[list[_Entry], list[Problem]]:
    """One entry per province row that has any figure for the year."""
    sheet = plan.table.sheet
    problems: list[Problem] = []

    def numbers(column: Column | None, percent: bool = True) -> dict[int, float]:
        if column is None:
            return {}
        found, wrong = _column_numbers(sheet, rows, column, file_name, percent, ranks=column is group.rank)
        problems.extend(wrong)
        return found

    schema = group.schema
    scores, ranks, sipas = numbers(group.score, schema.percent), numbers(group.rank, False), numbers(group.sipas)
    problems += _fractions_among_percentages(sheet, group, scores, file_name) if schema.percent else []
    read = [(column, label, numbers(column, schema.percent)) for label, column in group.components]
    again = [column for column, _, found in read if _says_the_index_again(scores, found)]
    problems += [Problem(f"cột «{column.label}» ghi lại chính chỉ số năm {group.year} (mọi dòng bằng cột "
                         f"«{group.score.label}»), không phải chỉ số thành phần; đã bỏ qua.", file_name, sheet.name,
                         _header_cell(plan.table, column), severity="warning") for column in again]
    components = [(label, found) for column, label, found in read if column not in again]
    entries = []
    for province_row in rows:
        row = province_row.row
        parts = {label: found[row] for label, found in components if row in found}
        name = province_row.province.name
        if row not in scores and row not in ranks and row not in sipas and not parts:
            problems.append(Problem(f"«{name}» không có số liệu năm {group.year} (các ô để trống hoặc «-»); "
                                    "tỉnh này không được ghi cho năm đó.", file_name, sheet.name,
                                    _cell(row, group.score or group.rank), severity="warning"))
            continue
        if group.score is not None and row in ranks and holds_no_figure(sheet.value(row, group.score.index)):
            problems.append(Problem(f"«{name}» có thứ hạng năm {group.year} nhưng ô chỉ số để trống; hãy điền chỉ số "
                                    "hoặc bỏ trống cả dòng nếu tỉnh không được công bố.", file_name, sheet.name,
                                    _cell(row, group.score)))
        entry = _Entry(group.year, province_row.province, sheet.name, _cell(row, plan.province),
                       scores.get(row), _cell(row, group.score), ranks.get(row), _cell(row, group.rank),
                       sipas.get(row), _cell(row, group.sipas), parts, schema=schema,
                       band=_band(sheet, row, group.band) if schema.banded else None)
        entries.append(entry)
        problems += _value_problems(entry, file_name)
    if group.score is None and entries:
        problems.append(Problem(f"năm {group.year}: bảng không có cột {schema.short}, chỉ có thứ hạng; chỉ số các tỉnh "
                                "để trống.", file_name, sheet.name, severity="warning"))
    return entries, problems


def _says_the_index_again(scores: dict[int, float], component: dict[int, float]) -> bool:
    """A component column equal to the index in every row ('Tổng điểm đạt được' beside 'Chỉ số (%)')."""
    return bool(component) and component.keys() == scores.keys() \
        and all(abs(component[row] - scores[row]) <= 0.005 for row in scores)


def _fractions_among_percentages(sheet: Sheet, group: _YearColumns, scores: dict[int, float], file_name: str
                                 ) -> list[Problem]:
    """A fraction (a percent cell, 0,925 for 92,5%) among scores written as percentages (91,76): which one the
    cell means cannot be told from the value alone, and no index score is 1% or less."""
    fractions = [row for row, score in scores.items() if 0 < score <= 1]
    if not fractions or len(fractions) == len(scores):
        return []
    row = fractions[0]
    percentage = next(score for score in scores.values() if score > 1)
    fraction = scores[row]
    return [Problem(f"chỉ số năm {group.year} ở ô này là {_shown(fraction)}, ở các ô khác là phần trăm (như "
                    f"{_shown(percentage)}): không rõ ô này là {_shown(fraction)}% hay {_shown(fraction * 100)}% (ô định "
                    "dạng % lưu 92,5% thành 0,925); hãy ghi mọi ô cùng một cách.", file_name, sheet.name,
                    _cell(row, group.score))]


def _cell(row: int, column: Column | None) -> str | None:
    return cell_ref(row, column.index) if column is not None else None


def _band(sheet: Sheet, row: int, column: Column | None) -> str | None:
    value = sheet.shown(row, column.index) if column is not None else None
    return None if holds_no_figure(value) else str(value).strip()


def _value_problems(entry: _Entry, file_name: str) -> list[Problem]:
    score_max = entry.schema.score_max
    problems = [Problem(f"{what} {_shown(value)} nằm ngoài khoảng 0–{_shown(top)}{unit}.", file_name, entry.sheet, cell)
                for value, cell, what, top, unit in (
                    (entry.score, entry.score_cell, "chỉ số", score_max, "%" if entry.schema.percent else ""),
                    (entry.sipas, entry.sipas_cell, "SIPAS", 100.0, "%"))
                if value is not None and not 0 <= value <= top]
    limit = len(registry().expected(entry.year))
    if entry.rank is not None and not (entry.rank.is_integer() and 1 <= entry.rank <= limit):
        problems.append(Problem(f"thứ hạng {_shown(entry.rank)} không phải số nguyên từ 1 đến {limit} "
                                f"(năm {entry.year}).", file_name, entry.sheet, entry.rank_cell))
    return problems


def _shown(number: float) -> str:
    """A number as Vietnamese readers write it: 91,8 / 3."""
    return f"{number:.4f}".rstrip("0").rstrip(".").replace(".", ",")


# ---------------------------------------------------------------- checks across a year

def _where(entry: _Entry, cell: str | None) -> str:
    return f"ô {cell} (trang «{entry.sheet}»)"


def _of_year(entry: _Entry) -> str:
    """'năm 2021' for the PAR Index, 'PCI năm 2021' for another index."""
    return f"năm {entry.year}" if entry.schema is PAR else f"{entry.schema.short} năm {entry.year}"


def _duplicates(entries: list[_Entry], file_name: str) -> list[Problem]:
    first: dict[tuple[str, int, str], _Entry] = {}
    problems = []
    for entry in entries:
        key = (entry.schema.key, entry.year, entry.province.code)
        if key in first:
            earlier = first[key]
            problems.append(Problem(
                f"«{entry.province.name}» có hai lần trong {_of_year(entry)}: {_where(earlier, earlier.cell)} "
                f"và {_where(entry, entry.cell)}.", file_name, entry.sheet, entry.cell))
        else:
            first[key] = entry
    return problems


def _merged_away(entries: list[_Entry], file_name: str) -> list[Problem]:
    return [Problem(f"từ năm {MERGER_YEAR}, «{e.province.name}» đã hợp nhất vào «{e.province.new_province}»; "
                    f"bảng năm {e.year} chỉ có {len(registry().expected(e.year))} tỉnh, thành phố mới.",
                    file_name, e.sheet, e.cell)
            for e in entries if e.year >= MERGER_YEAR and not e.province.seat_of_new]


def _year_checks(entries: list[_Entry], file_name: str) -> list[Problem]:
    """Ranks filled in or checked against the scores, and the provinces missing from one index's year. A
    partial table (PCI's top 30, PAPI without two provinces) is taken only when its ranks follow its scores."""
    of_year = _of_year(entries[0])
    partial = len({e.province.code for e in entries}) < len(registry().expected(entries[0].year))
    if any(e.rank is not None for e in entries):
        problems = [Problem(f"«{e.province.name}» thiếu thứ hạng {of_year}.", file_name, e.sheet, e.rank_cell)
                    for e in entries if e.rank is None]
        problems.append(_rank_disagreements(of_year, entries, file_name, partial))
    else:
        problems = _computed_ranks(of_year, entries, file_name)
    problems.append(_missing_provinces(of_year, entries, file_name))
    return [p for p in problems if p]


def _computed_ranks(of_year: str, entries: list[_Entry], file_name: str) -> list[Problem]:
    """Ranks from scores for a year that publishes none; ties share the best rank (1, 2, 2, 4)."""
    unscored = [Problem(f"«{e.province.name}» không có chỉ số {of_year} nên không tính được thứ hạng.",
                        file_name, e.sheet, e.score_cell or e.cell) for e in entries if e.score is None]
    if unscored:
        return unscored
    for entry in entries:
        entry.rank = 1 + sum(other.score > entry.score for other in entries)
        entry.rank_computed = True
    return []


def _rank_disagreements(of_year: str, entries: list[_Entry], file_name: str, partial: bool) -> Problem | None:
    """Published ranks where a province with a strictly higher score stands lower: kept with a warning in a
    full table, refused in a partial one (nothing else there shows the columns were read right)."""
    scored = sorted((e for e in entries if e.score is not None and e.rank is not None), key=lambda e: -e.score)
    pairs = [(higher, lower) for i, higher in enumerate(scored) for lower in scored[i + 1:]
             if higher.score > lower.score and higher.rank > lower.rank]
    if not pairs:
        return None
    unit = "%" if entries[0].schema.percent else ""
    listed = "; ".join(
        f"«{h.province.name}» ({_shown(h.score)}{unit}, hạng {_shown(h.rank)}, ô {h.rank_cell}) xếp sau "
        f"«{l.province.name}» ({_shown(l.score)}{unit}, hạng {_shown(l.rank)}, ô {l.rank_cell})"
        for h, l in pairs[:DISAGREEMENTS_LISTED])
    more = f"; và {len(pairs) - DISAGREEMENTS_LISTED} cặp khác" if len(pairs) > DISAGREEMENTS_LISTED else ""
    what = f"{of_year}, thứ hạng công bố không khớp với chỉ số: {listed}{more}."
    if partial:
        return Problem(f"{what} Bảng không đủ các tỉnh, thành phố nên chỉ nhận khi thứ hạng theo đúng chỉ số; hãy "
                       "kiểm tra cột chỉ số và cột xếp hạng.", file_name, entries[0].sheet, pairs[0][0].rank_cell)
    return Problem(f"{what} Đã giữ thứ hạng như công bố.", file_name, entries[0].sheet, severity="warning")


def _missing_provinces(of_year: str, entries: list[_Entry], file_name: str) -> Problem | None:
    present = {e.province.code for e in entries}
    expected = registry().expected(entries[0].year)
    missing = [p.name for p in expected if p.code not in present]
    if not missing:
        return None
    return Problem(f"{of_year} có {len(expected) - len(missing)}/{len(expected)} tỉnh, thành phố; "
                   f"thiếu {len(missing)}: {', '.join(missing)}.", file_name, entries[0].sheet, severity="warning")


# ---------------------------------------------------------------- frames

SCORE_COLUMNS = ("year", "province_code", "province", "score", "rank", "rank_computed", "sipas", "source_sheet",
                 "score_cell", "rank_cell", "sipas_sheet", "sipas_cell")
INDEX_COLUMNS = ("index", "year", "province_code", "province", "score", "rank", "rank_computed", "band",
                 "source_sheet", "score_cell", "rank_cell")


def _frames(entries: list[_Entry], wanted: tuple[str, ...]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The scores (one row per entry, the wanted columns) and the components of the entries."""
    columns = {
        "index": ("str", lambda e: e.schema.key),
        "year": ("int64", lambda e: e.year),
        "province_code": ("str", lambda e: e.province.code),
        "province": ("str", lambda e: e.province.name),
        "score": ("float64", lambda e: e.score),
        "rank": ("int64", lambda e: e.rank),
        "rank_computed": ("bool", lambda e: e.rank_computed),
        "sipas": ("float64", lambda e: e.sipas),
        "band": ("str", lambda e: e.band),
        "source_sheet": ("str", lambda e: e.sheet),
        "score_cell": ("str", lambda e: e.score_cell if e.score is not None else None),
        "rank_cell": ("str", lambda e: None if e.rank_computed else e.rank_cell),
        "sipas_sheet": ("str", lambda e: (e.sipas_sheet or e.sheet) if e.sipas is not None else None),
        "sipas_cell": ("str", lambda e: e.sipas_cell if e.sipas is not None else None),
    }
    scores = pd.DataFrame({name: pd.Series([columns[name][1](e) for e in entries], dtype=columns[name][0])
                           for name in wanted}).sort_values([c for c in ("index", "year", "rank", "province")
                                                             if c in wanted], ignore_index=True)
    parts = [(e.year, e.province.code, label, value) for e in entries for label, value in e.components.items()]
    components = pd.DataFrame({
        "year": pd.Series([p[0] for p in parts], dtype="int64"),
        "province_code": pd.Series([p[1] for p in parts], dtype="str"),
        "component": pd.Series([p[2] for p in parts], dtype="str"),
        "score": pd.Series([p[3] for p in parts], dtype="float64"),
    })
    if "index" in wanted:
        components.insert(0, "index", pd.Series([e.schema.key for e in entries for _ in e.components], dtype="str"))
    return scores, components


# ---------------------------------------------------------------- public

def looks_like_par(sheets: list[Sheet]) -> bool:
    """Some sheet has a PAR-style header (province column and index or rank columns), mostly
    province names under it, and does not speak of self-scoring or criteria; or it is another
    index's table of provinces (PCI, PAPI, DTI), which the same reader reads as that index."""
    for sheet in sheets:
        table = _locate(sheet)
        plans = _plans(table) if table else []
        if not plans and _sheet_index(sheet) and _names_provinces(sheet):
            return True
        header = " ".join(text_key(value) for row in sheet.rows[:table.header_bottom + 1]
                          for value in row if isinstance(value, str)) if plans else ""
        if SCORING_HEADER_WORDS.search(header):
            continue
        for plan in plans:
            rows, unknown, _ = _province_rows(plan)
            indexed = INDEX_TITLE_WORDS.search(header) or _table_index(plan)
            if rows and len(rows) >= len(unknown) and (indexed or len(rows) >= PROVINCES_IN_A_TABLE):
                return True
    return False


def _names_provinces(sheet: Sheet) -> bool:
    """Some column holds at least PROVINCES_IN_A_TABLE province names."""
    for column in range(sheet.width):
        names = (sheet.value(row, column) for row in range(sheet.height))
        if sum(isinstance(n, str) and registry().resolve(n) is not None for n in names) >= PROVINCES_IN_A_TABLE:
            return True
    return False


def _sheet_plans(sheet: Sheet, columns: ColumnChoice | None, file_name: str) -> list[_Plan]:
    if columns is not None:
        return [_chosen_plan(sheet, columns, file_name)] if sheet.name == columns.sheet else []
    table = _locate(sheet)
    return [part for plan in (_plans(table) if table else []) for part in _stacked(plan)]


def _stacked(plan: _Plan) -> list[_Plan]:
    """The table and those under it that begin as it does, with the name column's label under a title of
    their own ('CHỈ SỐ CCHC NĂM 2023', the SIPAS table of the year): each read with its own header and title.
    A header repeated with no title over it is a new printed page of the same table."""
    sheet, table, column = plan.table.sheet, plan.table, plan.province.index
    labels = {text_key(label) for label in plan.province.path}
    offset = next((row - table.header_top for row in range(table.header_top, table.header_bottom + 1)
                   if text_key(sheet.value(row, column)) in labels), 0)
    for row in range(table.first_data_row, sheet.height):
        top = row - offset
        if text_key(sheet.value(row, column)) in labels and (title := _title_over(sheet, top)) is not None:
            below = _plan_columns(table_at(sheet, top, top + table.header_bottom - table.header_top), plan.left,
                                  plan.right)
            if below is not None:
                return [replace(plan, bottom=title), *_stacked(replace(below, top=title))]
    return [plan]


def _title_over(sheet: Sheet, header_top: int) -> int | None:
    """The row just over a header (blank rows passed) when it holds one line of words naming a year: a title."""
    above = next((row for row in range(header_top - 1, -1, -1) if not all(map(is_blank, sheet.rows[row]))), None)
    words = [value for value in sheet.rows[above] if not is_blank(value)] if above is not None else []
    return above if len(words) == 1 and isinstance(words[0], str) and year_in(words[0]) else None


@dataclass
class _Sheets:
    """What read_par found across the sheets, before it judges the workbook as a whole."""
    entries: list[_Entry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    sipas: list[_SipasTable] = field(default_factory=list)
    # tables naming an index other than the one expected (None: the sheet names one but holds no table found)
    other_indices: list[tuple[_NamedIndex, IndexSchema | None]] = field(default_factory=list)
    unrelated: list[str] = field(default_factory=list)      # names of sheets holding no table of provinces
    headers_only: list[Problem] = field(default_factory=list)


def read_par(source: Path | bytes | list[Sheet], file_name: str, year: int | None = None, *, year_wins: bool = False,
             columns: ColumnChoice | None = None, index: str | None = None) -> ParResult:
    """Every province's score and rank per index and year in the file; raises Refused with every
    error found (file, sheet and cell named), or returns the result with its warnings.
    Each sheet is judged on its own: a table is read as the index (INDICES) its title, header or sheet
    name names, else as the PAR Index; a SIPAS table joins the same year's PAR rows. With index given
    (a person's choice; the PAR Index for columns a person pointed out), every table is read as that index
    and a table naming another is skipped with a warning beside one that is read, refused without one.
    year serves a table that states no year; with year_wins it replaces the year a single-year table
    states. columns reads the one table a person pointed out instead of looking for one."""
    wanted = INDICES[index] if index else PAR if columns is not None else None
    sheets, loading = sheets_of(source, file_name)
    found = _Sheets(problems=list(loading))
    for sheet in sheets:
        plans = _sheet_plans(sheet, columns, file_name)
        if not plans and columns is None and not sheet.is_empty():
            other = _sheet_index(sheet)
            found.other_indices += [(other, wanted if wanted is not other.schema else None)] if other else []
            found.unrelated += [] if other else [sheet.name]
        for plan in plans:
            _read_plan(plan, found, file_name, year, year_wins, wanted)
    problems, entries = found.problems, found.entries
    severity = "warning" if entries else "error"
    problems += [other.problem(file_name, severity, expected) if expected else other.headerless(file_name, severity)
                 for other, expected in found.other_indices]
    if entries:
        problems += [Problem("trang không có bảng chỉ số (bìa, ghi chú, biểu đồ...); đã bỏ qua trang này.",
                             file_name, name, severity="warning") for name in found.unrelated]
        problems += _attach_sipas([e for e in entries if e.schema is PAR], found.sipas, file_name)
    else:
        problems += [table.refusal for table in found.sipas]
    if not entries and not any(p.severity == "error" for p in problems):
        problems += found.headers_only or [
            Problem(f"không tìm thấy bảng {(wanted or PAR).short} trong trang nào: cần {LOOKED_FOR}.", file_name)]
    problems += _duplicates(entries, file_name) + _merged_away(entries, file_name)
    for key in sorted({(e.schema.key, e.year) for e in entries}):
        problems += _year_checks([e for e in entries if (e.schema.key, e.year) == key], file_name)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise Refused(errors)
    scores, components = _frames([e for e in entries if e.schema is PAR], SCORE_COLUMNS)
    result = ParResult(file_name, scores, components, [p for p in problems if p.severity == "warning"])
    others = [e for e in entries if e.schema is not PAR]
    if others:  # building frames costs more than reading a table: none when there is nothing to put in them
        result.index_scores, result.index_components = _frames(others, INDEX_COLUMNS)
    return result


def _read_plan(plan: _Plan, found: _Sheets, file_name: str, year: int | None, year_wins: bool,
               wanted: IndexSchema | None) -> None:
    """Reads one table into found as the wanted index, else as the index it names, else as the PAR Index;
    a table naming another index than the wanted one is set aside."""
    sheet = plan.table.sheet
    named = _table_index(plan)
    schema = wanted or (named.schema if named else PAR)
    if named and named.schema is not schema:
        found.other_indices.append((named, schema))
        return
    plan = plan.for_index(schema.key)
    if plan.other_index_columns:
        labels = ", ".join(f"«{label}» (ô {cell})" for label, cell in plan.other_index_columns)
        found.problems.append(Problem(f"các cột {labels} thuộc chỉ số khác, không phải {schema.short}; đã bỏ qua.",
                                      file_name, sheet.name, plan.other_index_columns[0][1], severity="warning"))
    rows, unknown, regions = _province_rows(plan)
    found.problems += _unknown_provinces(plan, unknown, file_name)
    if regions and rows:
        cells = ", ".join(cell_ref(row, plan.province.index) for row in regions)
        found.problems.append(Problem(
            f"các ô {cells} ghi tên vùng, không phải tỉnh, thành phố: đã bỏ qua số liệu của các dòng này.",
            file_name, sheet.name, cell_ref(regions[0], plan.province.index), severity="warning"))
    if not rows:
        if not unknown:
            found.headers_only.append(Problem(
                "bảng chỉ có dòng tiêu đề, không có dòng nào mang tên tỉnh, thành phố ở dưới.", file_name,
                sheet.name, cell_ref(plan.table.header_top, plan.province.index)))
        return
    groups, sipas_only, problems = _year_groups(plan, file_name, year, year_wins, schema)
    found.problems += problems
    for group in _reference_ranks(groups):
        groups.remove(group)
        found.problems.append(Problem(
            f"cột «{group.rank.label}» ghi thứ hạng năm {group.year} để so sánh, không có chỉ số năm đó: không ghi "
            f"(thứ hạng năm {group.year} lấy từ bảng của năm {group.year}).", file_name, sheet.name,
            _header_cell(plan.table, group.rank), severity="warning"))
    for group in groups:
        readable, problems = _typed_by_content(plan, group, rows, file_name)
        found.problems += problems
        if readable:
            group_entries, problems = _entries(plan, group, rows, file_name)
            found.entries += group_entries
            found.problems += problems
    for table in sipas_only:
        found.problems += table.read(rows, file_name)
        found.sipas.append(table)


def _reference_ranks(groups: list[_YearColumns]) -> list[_YearColumns]:
    """Another year's ranks alone beside a year with its scores ('Xếp hạng năm 2022' in the 2023 table): that
    year's places given for comparison, which must not replace the figures of that year's own table."""
    scored = {group.year for group in groups if group.score is not None}
    return [group for group in groups if scored and group.year not in scored and group.score is None
            and group.rank is not None and group.sipas is None and not group.components]


def _attach_sipas(entries: list[_Entry], tables: list[_SipasTable], file_name: str) -> list[Problem]:
    """Each SIPAS table's figures given to the same year's PAR rows; a figure that contradicts one the PAR
    table gives is refused naming both cells."""
    problems = []
    for table in tables:
        sheet, year = table.plan.table.sheet.name, table.group.year
        by_code = {e.province.code: e for e in entries if e.year == year}
        if not by_code:
            problems.append(Problem(f"bảng SIPAS năm {year} không có bảng Chỉ số CCHC cùng năm trong tệp; "
                                    "đã bỏ qua bảng này.", file_name, sheet, table.refusal.cell, severity="warning"))
            continue
        alone = []
        for code, (province, value, cell) in table.figures.items():
            entry = by_code.get(code)
            if entry is None:
                alone.append(province.name)
            elif entry.sipas is None:
                entry.sipas, entry.sipas_cell, entry.sipas_sheet = value, cell, sheet
            elif abs(entry.sipas - value) > 1e-9:
                problems.append(Problem(
                    f"SIPAS năm {year} của «{province.name}» là {_shown(value)}% ở ô {cell} nhưng {_shown(entry.sipas)}% "
                    f"ở ô {entry.sipas_cell} (trang «{entry.sipas_sheet or entry.sheet}»).", file_name, sheet, cell))
        if alone:
            problems.append(Problem(f"{len(alone)} tỉnh, thành phố có SIPAS năm {year} nhưng không có trong bảng Chỉ số "
                                    f"CCHC cùng năm: {', '.join(alone)}; đã bỏ qua SIPAS của các tỉnh này.",
                                    file_name, sheet, severity="warning"))
    return problems
