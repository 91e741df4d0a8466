"""Cluster scoring workbooks (bảng chấm điểm thi đua): each cluster's own layout, in two shapes.

A summary sheet has one row per unit: columns per criterion group (often under a merged
"Điểm chấm theo tiêu chí"), bonus and penalty columns, total, rank and award proposal. A detail
sheet has one row per criterion (maximum, self score, cluster score) for one unit, named in a
title line ("Đơn vị: ..."), the sheet name or the file name; a transposed sheet has every unit's
column side by side, closed by TỔNG CỘNG, XẾP HẠNG, average, ratio and award proposal lines (only
criteria are added up). A workbook may hold a summary per period or year (a 'Sơ kết 6 tháng' and a
'Tổng kết năm' sheet, or two tables side by side on one sheet), each a part of one upload, and any
number of detail sheets; sheets holding no such table (a cover, notes, an index table) are skipped
and reported. Columns are typed by their header words (kinds/scoring.py) and their content: a
column of numbers under award or grade words is a criterion.

Which total counts, and how the stated numbers are checked (tolerance 0,01):
- detail sheet: the leaves add up (criteria + bonus - penalty); every group row's subtotal and
  every total row is compared with what lies above it and a mismatch is a warning naming the cell;
  in a transposed sheet (the published totals of every unit) a TỔNG CỘNG contradicting its
  criteria is refused, naming both;
- summary sheet: the stated "Tổng điểm" is what the cluster signed and published ranks follow,
  so it counts; the criterion columns + bonus - penalty are compared with it (warning). A total
  standing left of bonus/penalty columns that leaves them out gets them added (only those);
  another year's columns ('Điểm năm 2021', 'Năm 2021 / Xếp hạng') are not read; a unit may have
  two rows, told apart by a column saying 'Tự chấm' / 'Cụm chấm' on each;
- summary and detail sheets together: the summary's total counts, each unit's detail total is
  compared with it (warning).
Bonus and penalty columns of a detail sheet only explain the cluster score beside them: they are
not added again. The cluster score (Cụm chấm, thẩm định, kết quả) ranks; the self score is kept
beside it. Ranks are the published ones; without a rank column they are computed from totals
(ties share the better rank).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Callable, NamedTuple

import pandas as pd
from openpyxl.utils import get_column_letter

from thidua.awards import UNRANKED, award_level
from thidua.formatting import vn_number
from thidua.kinds.scoring import CLUSTER_WORDS, CRITERIA_SET_TITLE, CRITERIA_WORDS, INDEX_WORDS, PREVIOUS_WORDS, \
    SCORING_COLUMNS, SCORING_WORDS, SELF_WORDS, THEME_WORDS, is_generic, scores_only
from thidua.provinces import registry
from thidua.io.cells import NotANumber, is_blank, number_or_none, parse_number, text_key, year_in
from thidua.readers.criteria import (SCORES, TOLERANCE, Code, Node, Tally, TreeBuilder, check_maximums, combined, describe,
                                     measure_cell, measure_total, parse_code, reconcile_groups, restore_lost_zero, split_code,
                                     split_maximum)
from thidua.readers.problems import Problem, Refused, cell_ref, shown_ref
from thidua.readers.table import Column, Table, locate_table
from thidua.readers.units import ClusterKind, Membership, Unit, clean_text, cluster_key, display_case, folded, \
    membership, names_an_agency, split_province
from thidua.io.workbook import Sheet, sheets_of
from thidua.tables.columns import fractions_only, outside_ranks, rank_in, settle, states_percent
from thidua.tables.identity import PERIODS, Stated, TitleLine, is_generic_sheet, letterhead, lines_over, \
    other_province, period_named, stated_cluster, stated_key, stated_period, stated_year, title_lines, unit_from_file_name, \
    unit_from_lines
from thidua.tables.frames import frame_of
from thidua.tables.identity import cell_text as _text
from thidua.tables.rows import closes, ends_table, labelled_row, states_maxima, states_weights
from thidua.tables.schema import label_words as _words, plain_words
from thidua.tables.shapes import side_by_side, unit_heading

UNIT_COLUMNS = ["unit", "unit_key", "province", "total", "rank", "rank_computed", "self_total", "criteria_total",
                "bonus", "penalty", "award", "note", "sheet", "name_cell", "total_cell", "rank_cell", "award_cell",
                "self_total_cell", "bonus_cell", "penalty_cell"]
CRITERIA_COLUMNS = ["unit", "unit_key", "key", "parent_key", "code", "title", "level", "is_leaf", "measure",
                    "max_points", "self_score", "cluster_score", "stated_self", "stated_cluster", "position",
                    "sheet", "cell", "self_cell", "max_cell"]
TITLE_SCAN_ROWS = 20
RANK_DISAGREEMENTS_LISTED = 3

# ---------------------------------------------------------------- header words

_SCORE_KINDS = {"max", "score", "total", "bonus", "penalty", "rank", "award"}


def _label_kind(label: object) -> str:
    suggested = SCORING_COLUMNS.suggested(label)
    return suggested.name if suggested else "other" if _words(label) else ""


def _column_kind(column: Column) -> str:
    """A bonus or penalty label names its column ('Điểm cộng, trừ / Điểm thưởng' is bonus), and its
    columns under it ('Điểm thưởng / Được khen thưởng' is no award); otherwise the first kind of
    SCORING_COLUMNS any label suggests (the schema's order of trial)."""
    kinds = [_label_kind(part) for part in column.path]
    group = next((kind for kind in reversed(kinds) if kind in ("bonus", "penalty")), None)
    return group or min((kind for kind in kinds if kind), key=SCORING_COLUMNS.rank_of, default="other")


def _scorer(column: Column) -> str | None:
    words = " / ".join(_words(part) for part in column.path)
    if SELF_WORDS.search(words):
        return "self"
    return "cluster" if CLUSTER_WORDS.search(words) else None


def _is_scoring_header(words: list[str]) -> bool:
    kinds = {_label_kind(w) for w in set(words) if w}
    names = kinds & {"unit", "content"}
    return bool(names) and (bool(kinds & _SCORE_KINDS) or len(names) == 2)


# ---------------------------------------------------------------- rows and cells

_NOTHING = re.compile(r"^[-–—/]+$")
_MARK = re.compile(r"^([xX✓✔vV]|1)$")


@dataclass
class _Context:
    file_name: str
    problems: list[Problem] = field(default_factory=list)

    def error(self, message: str, sheet: str | None = None, cell: str | None = None) -> None:
        self.problems.append(Problem(message, self.file_name, sheet, cell))

    def warn(self, message: str, sheet: str | None = None, cell: str | None = None) -> None:
        self.problems.append(Problem(message, self.file_name, sheet, cell, "warning"))


def _score(context: _Context, sheet: Sheet, row: int, column: int | None) -> float | None:
    """A score cell: a number, blank or a dash (None); words are refused."""
    if column is None:
        return None
    value = sheet.value(row, column)
    if isinstance(value, str) and _NOTHING.match(value.strip()):
        return None
    try:
        return parse_number(value)[0]
    except NotANumber:
        context.error(f"«{_text(value)}» không phải là điểm: hãy ghi số (ví dụ 7,5) hoặc để trống.",
                      sheet.name, cell_ref(row, column))
        return None


@lru_cache(maxsize=1 << 14, typed=True)  # a pure function of a cell, asked for again by every check
def _maximum(value: object) -> float | None:
    """A maximum as written: '10', '10 điểm', 'Tối đa 10 điểm' (words around one number are fine)."""
    number = number_or_none(value)
    if number is not None or not isinstance(value, str):
        return number
    found = re.findall(r"\d+(?:[.,]\d+)?", value)
    return float(found[0].replace(",", ".")) if len(found) == 1 else None


def _is_end(sheet: Sheet, row: int, measure_columns: list[int], note: Column | None) -> bool:
    """Signatures and the date line under a table: their words (not in the notes column) and no scores."""
    if any(number_or_none(sheet.value(row, c)) is not None for c in measure_columns):
        return False
    return any(ends_table(v) for c, v in enumerate(sheet.row_values(row))
               if isinstance(v, str) and not (note and c == note.index))


# ---------------------------------------------------------------- what a sheet holds


@dataclass
class _Scored:
    """One unit's scores as one sheet gives them."""
    written: str               # the unit's name as written
    sheet: str
    name_cell: str | None
    roots: list[Node]
    total: float | None        # the cluster total this sheet confirms
    total_cell: str | None
    self_total: float | None
    criteria_total: float | None
    bonus: float
    penalty: float
    rank: int | None = None
    rank_cell: str | None = None
    award: str | None = None
    note: str | None = None
    criteria_sheet: str | None = None   # where the criteria were read, when not on this sheet
    award_cell: str | None = None
    self_total_cell: str | None = None
    bonus_cell: str | None = None
    penalty_cell: str | None = None


@dataclass
class _Layout:
    shape: str                 # summary | detail
    table: Table
    kinds: dict[int, str]      # column index -> header kind
    beside: bool = False       # one of several tables side by side on its sheet

    def first(self, kind: str) -> Column | None:
        return next((c for c in self.table.columns if self.kinds[c.index] == kind), None)

    def all(self, kind: str) -> list[Column]:
        return [c for c in self.table.columns if self.kinds[c.index] == kind]


def _layouts(sheet: Sheet) -> list[_Layout]:
    """The scoring tables of a sheet: one, or several standing side by side under one header row."""
    table = locate_table(sheet, _is_scoring_header)
    if table is None:
        return []
    kinds = {c.index: _column_kind(c) for c in table.columns}
    tables = side_by_side(table, kinds, "unit", "order", {"score", "total", "rank"})
    return [layout for part in tables if (layout := _layout(part, kinds, len(tables) > 1))]


def _layout(table: Table, kinds: dict[int, str], beside: bool) -> _Layout | None:
    kinds = {c.index: kinds[c.index] for c in table.columns}
    present = set(kinds.values())
    names_criteria = "unit" not in present or any(_names_criteria(table, c) for c in table.columns
                                                   if kinds[c.index] == "content")
    if names_criteria and "content" in present and ("max" in present or "unit" not in present) \
            and present & {"max", "score", "total"}:
        return _Layout("detail", table, kinds, beside)
    if "unit" in present and present & {"score", "total", "bonus", "penalty", "content", "other"}:
        return _Layout("summary", table, kinds, beside)
    return None


def _names_criteria(table: Table, column: Column) -> bool:
    """A 'Nội dung / Tiêu chí' column holds the criteria's names; under 'Tiêu chí 1' beside a unit column,
    numbers are that criterion's scores on a summary."""
    return any(isinstance(value, str) and number_or_none(value) is None
               for r in range(table.first_data_row, table.sheet.height)
               if not is_blank(value := table.sheet.value(r, column.index)))


def _lines_over_table(layout: _Layout) -> list[TitleLine]:
    """The words above a table; of a table beside another, those over its own columns first."""
    lines = title_lines(layout.table.sheet, layout.table.header_top)
    if not layout.beside:
        return lines
    return lines_over(lines, layout.table.columns[0].index, layout.table.columns[-1].index)


def _column_texts(layout: _Layout, kind: str) -> list[str]:
    """The distinct words of the columns of one kind ('Năm', 'Cụm thi đua'), in table order."""
    sheet, rows = layout.table.sheet, range(layout.table.first_data_row, layout.table.sheet.height)
    return list(dict.fromkeys(text for c in layout.all(kind) for r in rows if (text := _text(sheet.value(r, c.index)))))


# ---------------------------------------------------------------- detail sheets

def _detail_columns(layout: _Layout) -> dict[str, int | None]:
    scores = [c for c in layout.table.columns if layout.kinds[c.index] in ("score", "total")]
    own = [c for c in scores if _scorer(c) == "self"]
    cluster = [c for c in scores if _scorer(c) == "cluster"] or [c for c in scores if _scorer(c) is None]
    maximum, order, content = layout.first("max"), layout.first("order"), layout.first("content")
    return {"order": order.index if order else None, "content": content.index,
            "max": maximum.index if maximum else None, "self": own[0].index if own else None,
            "cluster": cluster[-1].index if cluster else None}


def _holds_a_number(layout: _Layout, column: int) -> bool:
    sheet = layout.table.sheet
    return any(number_or_none(sheet.value(row, column)) is not None
               for row in range(layout.table.first_data_row, sheet.height))


@dataclass
class _Closing:
    row: int
    values: dict[str, float | None]
    cells: dict[str, str]


def _read_detail(context: _Context, layout: _Layout, written: str, published: bool = False) -> _Scored:
    sheet, columns = layout.table.sheet, _detail_columns(layout)
    if columns["self"] is not None and columns["cluster"] is not None and not _holds_a_number(layout, columns["cluster"]):
        columns["cluster"] = None  # a 'Cụm chấm' column left empty: not appraised yet, no criterion scored zero
    builder, closings, lines = TreeBuilder(), [], {}
    measures = [c for c in (columns["max"], columns["self"], columns["cluster"]) if c is not None]
    note = layout.first("note")
    last_codes: dict[int, Code] = {}  # the last code of each depth
    for row in range(layout.table.first_data_row, sheet.height):
        if sheet.is_blank_row(row) or layout.table.repeats_header(row):
            continue
        if _is_end(sheet, row, measures, note):
            break
        code_cell = sheet.value(row, columns["order"]) if columns["order"] is not None else ""
        if isinstance(code_cell, float) and (typed := parse_code(code_cell)) is not None:
            code_cell = restore_lost_zero(code_cell, last_codes.get(typed.rank))
        text = sheet.value(row, columns["content"])
        words = _text(text)
        maximum_cell = sheet.value(row, columns["max"]) if columns["max"] is not None else ""
        labelled = _labelled_row(code_cell, words, maximum_cell)
        if labelled is not None:  # a rank, award, average, ratio or note line: never a criterion
            lines[labelled] = row
            continue
        scores = {name: _score(context, sheet, row, columns[name]) for name in SCORES}
        cells = {name: cell_ref(row, columns[name]) for name in (*SCORES, "max") if columns[name] is not None}
        if parse_code(code_cell) is None and closes(code_cell, words):
            closings.append(_Closing(row, scores, cells))
            builder.close()
            continue
        node = _detail_node(row, code_cell, text, scores, cells, maximum_cell)
        if node is not None:
            builder.add(node)
            if node.code is not None:
                last_codes[node.code.rank] = node.code
    roots = builder.roots
    subject = f"đơn vị «{written}»"
    tally = Tally()  # the tree is finished: every question below shares what it adds up to
    _refuse_repeated_criteria(context, sheet.name, roots, columns["order"] if columns["order"] is not None
                              else columns["content"], subject, tally)
    context.problems.extend(reconcile_groups(roots, context.file_name, sheet.name, subject, tally)
                            + check_maximums(roots, context.file_name, sheet.name, subject, tally))
    _reconcile_closings(context, sheet.name, roots, closings, subject, tally, published)
    if columns["cluster"] is None:
        context.warn("trang chỉ có điểm tự chấm, chưa có điểm Cụm chấm: đơn vị chưa có tổng điểm để xếp hạng.",
                     sheet.name)
    total = combined(roots, "cluster", tally=tally) if columns["cluster"] is not None else None
    self_total = combined(roots, "self", tally=tally) if columns["self"] is not None else None
    own = columns["cluster"] if columns["cluster"] is not None else columns["self"]
    rank_row, award_row = lines.get("rank"), lines.get("award")
    award = _award_line(context, sheet, award_row, own) if award_row is not None else None
    return _Scored(written, sheet.name, None, roots, total, _closing_cell(closings, "cluster", total), self_total,
                   combined(roots, "cluster", ("criterion",), tally),
                   measure_total(roots, "bonus", "cluster", tally), measure_total(roots, "penalty", "cluster", tally),
                   _rank(context, sheet, rank_row, own) if rank_row is not None else None,
                   cell_ref(rank_row, own) if rank_row is not None and own is not None else None,
                   award, award_cell=shown_ref(sheet, award_row, own) if award else None,
                   self_total_cell=_closing_cell(closings, "self", self_total),
                   bonus_cell=measure_cell(roots, "bonus", "cluster", tally),
                   penalty_cell=measure_cell(roots, "penalty", "cluster", tally))


def _closing_cell(closings: list[_Closing], name: str, total: float | None) -> str | None:
    """The cell of the last total row when it states the total the criteria add up to; else the total is
    computed and no cell holds it."""
    if not closings or total is None:
        return None
    stated = closings[-1].values.get(name)
    return closings[-1].cells.get(name) if stated is not None and abs(stated - total) <= TOLERANCE else None


def _labelled_row(code_cell: object, words: str, maximum_cell: object) -> str | None:
    """What a row without a criterion code or a maximum is by its label: rank, award, average, ratio or note
    (a note inside a table does not end it)."""
    if parse_code(code_cell) is not None or split_code(words)[0] is not None or _maximum(maximum_cell) is not None \
            or split_maximum(words)[0] is not None:
        return None
    return labelled_row(code_cell, words)


def _award_line(context: _Context, sheet: Sheet, row: int, column: int | None) -> str | None:
    """A unit's cell of an award proposal line: words, not a number (a cell merged across units proposes for each)."""
    value = sheet.shown(row, column) if column is not None else ""
    if number_or_none(value) is not None:
        context.error(f"dòng đề nghị khen thưởng ghi số «{_text(value)}»: hãy ghi hình thức khen thưởng hoặc để trống.",
                      sheet.name, shown_ref(sheet, row, column))
        return None
    text = _text(value)
    return text if text and not _NOTHING.match(text) else None


def _refuse_repeated_criteria(context: _Context, sheet: str, roots: list[Node], code_column: int, subject: str,
                              tally: Tally) -> None:
    """Two scored rows with one code under one parent would be one criterion counted twice."""
    seen: dict[str, Node] = {}
    for node in (n for root in roots for n in root.walk() if tally.scored(n)):
        first = seen.setdefault(node.key, node)
        if first is not node:
            context.error(f"{subject}: mục «{describe(node)}» trùng mã với mục ở ô {cell_ref(first.position, code_column)}"
                          f"; hãy sửa mã (một mã như 1.10 gõ dạng số thành 1.1: hãy gõ dạng chữ).",
                          sheet, cell_ref(node.position, code_column))


def _detail_node(row: int, code_cell: object, text: object, scores: dict[str, float | None],
                 cells: dict[str, str], maximum_cell: object) -> Node | None:
    code, title = split_code(_text(text))
    if code is None:
        code = parse_code(code_cell)
    lines = [line for line in str(text).splitlines() if line.strip()] if isinstance(text, str) else []
    if len(lines) > 1:  # lines under the first tell how points are given ('- Đúng hạn: 1 điểm'), not the maximum
        written_maximum = split_maximum(_text(lines[0]))[0]
    else:
        written_maximum, title = split_maximum(title)
    maximum = _maximum(maximum_cell)
    values = {"max": maximum if maximum is not None else written_maximum, **scores}
    if not title and code is None and all(v is None for v in values.values()):
        return None
    if maximum is None:  # a maximum written in the title, or none: the maximum column's cell holds nothing
        cells = {name: cell for name, cell in cells.items() if name != "max"}
    return Node(code, title or f"(dòng {row + 1})", row, values, cells)


def _reconcile_closings(context: _Context, sheet: str, roots: list[Node], closings: list[_Closing],
                        subject: str, tally: Tally, published: bool) -> None:
    """Each total row against the criteria above it (criteria + bonus - penalty), or against every
    criterion when it stands above them all. On a unit's own sheet the criteria count (a warning); in a
    table of every unit's published totals (units side by side) a contradiction is refused."""
    for closing in closings:
        above = [r for r in roots if r.position < closing.row] or roots
        for name in SCORES:
            stated, computed = closing.values.get(name), combined(above, name, tally=tally)
            if stated is not None and computed is not None and abs(stated - computed) > TOLERANCE:
                parts = [cell for r in above for n in r.walk() if (cell := n.cells.get(name))]
                said = (f"{subject}: dòng tổng ghi {vn_number(stated)} (ô {closing.cells[name]}), nhưng các tiêu chí "
                        f"({parts[0]}…{parts[-1]}) cộng lại {vn_number(computed)} (tiêu chí + điểm thưởng - điểm trừ)")
                if published:
                    context.error(f"{said}; hãy sửa cho khớp.", sheet, closing.cells[name])
                else:
                    context.warn(f"{said}; dùng tổng các tiêu chí.", sheet, closing.cells[name])


def _detail_unit(context: _Context, layout: _Layout, lines: list[TitleLine], alone: bool) -> str | None:
    """The unit a detail sheet scores: its 'Đơn vị: ...' line or title, else the sheet name, else the
    file name (of a file's only sheet), else the letterhead; the first found is checked against the others."""
    sheet = layout.table.sheet
    heading = letterhead(lines)
    found = [(where, name) for where, name in (
        ("tiêu đề trang", unit_from_lines([line for line in lines if line not in heading])),
        ("tên trang", sheet.name if not is_generic_sheet(sheet.name) else None),
        ("tên tệp", unit_from_file_name(context.file_name) if alone else None)) if name] \
        or [("tiêu đề góc trái", name) for name in [unit_from_lines(heading)] if name]
    if found:
        (chosen_where, chosen), others = found[0], found[1:]
        for where, name in others:
            if other_province(chosen, name):
                context.warn(f"{chosen_where} ghi đơn vị «{chosen}», {where} ghi «{name}»; dùng «{chosen}».", sheet.name)
        return chosen
    context.error("không biết trang này chấm cho đơn vị nào: hãy ghi «Đơn vị: ...» ở tiêu đề hoặc đặt tên trang "
                  "theo tên đơn vị.", sheet.name)
    return None


# ---------------------------------------------------------------- summary sheets

@dataclass
class _SummaryColumn:
    column: Column
    node: tuple[str, ...]       # the criterion it belongs to, by its header labels; () = all criteria
    value: str                  # max | self | cluster
    maximum: dict[tuple[str, ...], tuple[float, str]]  # criterion -> the maximum its header label states, the label


@dataclass
class _SummaryPlan:
    layout: _Layout
    unit: Column
    criteria: list[_SummaryColumn]
    totals: list[tuple[Column, str]]      # (column, self | cluster), left to right
    bonus: list[tuple[Column, str]]
    penalty: list[tuple[Column, str]]
    rank: Column | None
    awards: list[Column]
    note: Column | None
    other_years: list[Column]             # another year's or period's figures ('Điểm năm 2021', 'Sơ kết 6 tháng'): not read
    row_scorers: Column | None            # says whose score each row holds: a unit's 'Tự chấm' and 'Cụm chấm' rows
    contradictions: list[tuple[Column, int]]  # (column, row): a number among the words of an award or grade column
    in_percent: list[Column]              # the total again as a percentage ('Tổng điểm (%)'): not read

    @property
    def sheet(self) -> Sheet:
        return self.layout.table.sheet

    def measure_columns(self) -> list[int]:
        return [c.column.index for c in self.criteria] + [c.index for c, _ in self.totals + self.bonus + self.penalty]


_CODE_TERM = r"\s*(?:[IVX]{1,4}|\d{1,2}|[A-Za-z])\s*"
_FORMULA = re.compile(rf"\({_CODE_TERM}(?:[+\-–=]{_CODE_TERM})+\)|={_CODE_TERM}(?:[+\-–]{_CODE_TERM})+$")


def _criterion_labels(column: Column) -> tuple[tuple[str, ...], dict[tuple[str, ...], tuple[float, str]]]:
    """The criterion a column belongs to, as the non-generic labels over it, and the maxima the
    labels state ('Tiêu chí 1 (20 điểm)'). A formula ('(I+II+III+IV-V)', '= 1+2') names a total's
    parts, not a criterion."""
    labels: list[str] = []
    maxima: dict[tuple[str, ...], tuple[float, str]] = {}
    for part in column.path:
        maximum, label = split_maximum(_FORMULA.sub(" ", part).strip())
        if is_generic(label) and (maximum is None or not set(_words(label).split()) & THEME_WORDS):
            continue
        labels.append(label)
        if maximum is not None:
            maxima[tuple(labels)] = maximum, part
    return tuple(labels), maxima


def _header_cell(table: Table, column: int, label: str) -> str | None:
    """The cell a header label over a column is written in (a merged range's top-left); None when the
    label stands over the column from a cell beside it."""
    for row in range(table.header_top, table.header_bottom + 1):
        if _text(table.sheet.shown(row, column)) == label:
            return shown_ref(table.sheet, row, column)
    return None


def _has_numbers(sheet: Sheet, column: Column, rows: range) -> bool:
    return any(number_or_none(sheet.value(r, column.index)) is not None for r in rows)


def _of_another_time(layout: _Layout, column: Column, year: int, period: str) -> bool:
    """A column of another year's figures ('Điểm năm 2021', 'Năm 2021 / Xếp hạng'), or in a year-end table a
    total or rank under a mid-year label ('Sơ kết 6 tháng / Tổng điểm'). A criterion naming a year ('Chỉ số
    CCHC năm 2021') is still a criterion, a mid-year score weighted into the year's total ('Điểm sơ kết 6
    tháng (30%)') is still read."""
    kind, named = layout.kinds[column.index], year_in(column.label)
    named = named or (year - 1 if PREVIOUS_WORDS.search(_words(column.label)) else None)
    if kind in ("unit", "order", "year", "cluster"):
        return False
    figures = kind not in ("score", "content", "other", "max")
    if named is not None and named != year:
        return figures or all(is_generic(part) for part in column.path)
    return figures and period == "year" and any(period_named(part) == "mid" for part in column.path)


def _settled(layout: _Layout) -> tuple[_Layout, list[tuple[Column, int]]]:
    """The layout with each column's field as its cells confirm it (a column of numbers under award or
    grade words is a criterion), and the cells contradicting their column."""
    sheet, rows = layout.table.sheet, _body_rows(layout.table, at_total=True)
    kinds, odd = dict(layout.kinds), []
    for column in layout.table.columns:
        suggested = SCORING_COLUMNS.named(layout.kinds[column.index])
        if suggested is None or award_level(column.path[-1]) != UNRANKED:  # a column per award holds marks
            continue
        settled = settle(SCORING_COLUMNS, suggested, [sheet.value(r, column.index) for r in rows])
        kinds[column.index] = settled.field
        if settled.odd is not None:
            odd.append((column, rows[settled.odd]))
    return replace(layout, kinds=kinds), odd


def _body_rows(table: Table, at_total: bool) -> list[int]:
    """The data rows down to the signatures (and at_total, down to a total row), without blank rows or the
    header repeated."""
    rows = []
    for row in _data_rows(table):
        if (at_total and closes(*table.sheet.row_values(row))) or _is_end(table.sheet, row, [], None):
            break
        if not table.repeats_header(row) and not table.sheet.is_blank_row(row):
            rows.append(row)
    return rows


def _summary_plan(layout: _Layout, year: int, period: str) -> _SummaryPlan:
    layout, contradictions = _settled(layout)
    other_years = [c for c in layout.table.columns if _of_another_time(layout, c, year, period)]
    row_scorers = _row_scorer_column(layout)
    in_percent = _totals_in_percent(layout)
    layout = replace(layout, kinds={**layout.kinds,
                                    **{c.index: "ignored" for c in other_years + [row_scorers] + in_percent if c}})
    table, sheet = layout.table, layout.table.sheet
    rows = _data_rows(table)

    def scorer_of(column: Column) -> str:  # with labelled rows, the rows say it: each row is read as 'cluster'
        return "cluster" if row_scorers else _scorer(column) or "cluster"
    criteria, totals = [], []
    for column in table.columns:
        kind = layout.kinds[column.index]
        scorer = scorer_of(column)
        labels, maxima = _criterion_labels(column)
        if kind == "total" and not labels:
            totals.append((column, scorer))
        elif kind in ("score", "content", "other", "total", "max") and _has_numbers(sheet, column, rows) \
                and (labels or kind == "score"):
            criteria.append(_SummaryColumn(column, labels, "max" if kind == "max" else scorer, maxima))
    _tell_apart(table, criteria)
    sums = _sums_of_the_left(sheet, criteria, _body_rows(table, at_total=True))
    totals += [(c.column, c.value) for c in sums]
    criteria = [c for c in criteria if c not in sums]
    named = [c for c in criteria if c.node]
    if named:  # a score column naming no criterion beside named ones adds them up: a stated total
        totals = sorted(totals + [(c.column, c.value) for c in criteria if not c.node and c.value != "max"],
                        key=lambda pair: pair[0].index)
        criteria = named
    return _SummaryPlan(layout, layout.first("unit"), criteria, totals,
                        [(c, scorer_of(c)) for c in layout.all("bonus")],
                        [(c, scorer_of(c)) for c in layout.all("penalty")],
                        layout.first("rank"), layout.all("award"), layout.first("note"), other_years, row_scorers,
                        contradictions, in_percent)


def _fractions_under_percent(plan: _SummaryPlan, rows: list[int]) -> list[Column]:
    """Score columns stated in percent whose every number is 0..1: percent cells, which arrive as fractions."""
    columns = [c.column for c in plan.criteria] + [c for c, _ in plan.totals]
    return [c for c in columns if states_percent(c.path[-1])
            and fractions_only([plan.sheet.value(row, c.index) for row in rows])]


def _totals_in_percent(layout: _Layout) -> list[Column]:
    """Score columns naming nothing but a percentage ('Tổng điểm (%)', 'Kết quả (%)') beside other score columns:
    the total said again on another scale, no criterion nor the total to store."""
    scores = [c for c in layout.table.columns if layout.kinds[c.index] in ("score", "total")]
    in_percent = [c for c in scores if states_percent(c.path[-1]) and is_generic(plain_words(c.path[-1]))]
    return in_percent if len(in_percent) < len(scores) else []


def _sums_of_the_left(sheet: Sheet, criteria: list[_SummaryColumn], rows: list[int]) -> list[_SummaryColumn]:
    """Criterion columns that in every unit's row hold the sum of two or more criteria left of them
    ('Điểm thi đua (100 điểm)' after the criteria): stated totals, whatever their words."""
    found = []
    for position, spec in enumerate(criteria):
        held = [c for c in criteria if c.node[:len(spec.node)] == spec.node and c is not spec]
        left = [c for c in criteria[:position] if c.value == spec.value and c not in found
                and not any(o.node[:len(c.node)] == c.node and o is not c for o in criteria)]
        if len(spec.node) != 1 or held or spec.value == "max" or len(left) < 2:
            continue
        pairs = [(number_or_none(sheet.value(r, spec.column.index)),
                  sum(number_or_none(sheet.value(r, c.column.index)) or 0.0 for c in left)) for r in rows]
        pairs = [(stated, parts) for stated, parts in pairs if stated is not None]
        if pairs and all(abs(stated - parts) <= TOLERANCE for stated, parts in pairs):
            found.append(spec)
    return found


def _row_scorer(value: object) -> str | None:
    """'Tự chấm' -> self, 'Cụm chấm' / 'Thẩm định' -> cluster: a short label naming whose score a row holds."""
    words = _words(value) if isinstance(value, str) else ""
    if not words or len(words.split()) > 5:
        return None
    return "self" if SELF_WORDS.search(words) else "cluster" if CLUSTER_WORDS.search(words) else None


def _row_scorer_column(layout: _Layout) -> Column | None:
    """A column ('Nội dung', 'Hình thức chấm') whose words, row by row down the table, are only 'Tự chấm'
    and 'Cụm chấm' (or 'Thẩm định'): each unit has a row of each."""
    table, sheet = layout.table, layout.table.sheet
    rows = _body_rows(table, at_total=False)  # a unit's rows may stand under a total row
    for column in table.columns:
        if layout.kinds[column.index] in ("unit", "order", "note"):
            continue
        texts = [v for r in rows if isinstance(v := sheet.value(r, column.index), str) and v.strip()]
        if texts and {_row_scorer(text) for text in texts} == {"self", "cluster"}:
            return column
    return None


def _unit_rows(plan: _SummaryPlan, row: int) -> dict[str, int]:
    """Whose score each of a unit's rows holds: the unit's row and the rows under it naming no other unit,
    by their labels ('Tự chấm', 'Cụm chấm'); without labelled rows, the unit's row holds both."""
    if plan.row_scorers is None:
        return {"self": row, "cluster": row}
    sheet, name, found = plan.sheet, _text(plan.sheet.value(row, plan.unit.index)), {}
    for below in range(row, sheet.height):
        if plan.layout.table.repeats_header(below):
            continue
        scorer = _row_scorer(sheet.value(below, plan.row_scorers.index))
        if (below > row and _text(sheet.value(below, plan.unit.index)) not in ("", name)) or scorer in (None, *found):
            break
        found[scorer] = below
    return found


def _tell_apart(table: Table, criteria: list[_SummaryColumn]) -> None:
    """Columns under one label ('Điểm các tiêu chí' over a row of numbers 1 2 3) are told apart by
    what is written under the header, else by their column letter."""
    shared = Counter((spec.node, spec.value) for spec in criteria)
    for spec in criteria:
        if shared[(spec.node, spec.value)] > 1:
            under = [_text(table.sheet.value(r, spec.column.index)).strip("() ")
                     for r in range(table.header_bottom + 1, table.first_data_row)]
            spec.node = (*spec.node, next((u for u in under if u), get_column_letter(spec.column.index + 1)))


def _next_table(table: Table) -> int | None:
    """The header row of another table under this one ('PHẦN II. ĐIỂM CỘNG' over its own header), if any."""
    sheet = table.sheet
    return next((row for row in range(table.first_data_row, sheet.height)
                 if not table.repeats_header(row) and _is_scoring_header(list(sheet.header_words(row)))
                 and not any(number_or_none(v) is not None for v in sheet.row_values(row))), None)


def _data_rows(table: Table) -> range:
    """The rows under the header, down to another table's header."""
    end = _next_table(table)
    return range(table.first_data_row, table.sheet.height if end is None else end)


def _summary_rows(plan: _SummaryPlan) -> tuple[list[int], int | None]:
    """The rows that hold units, and the row stating maxima ('Điểm chuẩn', or numbers without a
    unit above the first unit) if there is one."""
    sheet, table = plan.sheet, plan.layout.table
    order = plan.layout.first("order")
    measures = plan.measure_columns()
    units, maxima_row = [], None
    for row in _data_rows(table):
        if table.repeats_header(row):
            continue
        name = sheet.value(row, plan.unit.index)
        number_cell = sheet.value(row, order.index) if order else ""
        if sheet.is_blank_row(row):
            continue
        if _is_end(sheet, row, measures, plan.note):
            break
        if closes(name, number_cell) or labelled_row(name, number_cell):
            if _unit_below(plan, row):
                continue  # a group's subtotal or average ('Cộng nhóm A', 'Bình quân nhóm 1'), more units under it
            break  # the units end at a total, average, rank or note line
        if states_weights(name) or states_weights(number_cell):
            continue
        has_scores = any(number_or_none(sheet.value(row, c)) is not None for c in measures)
        if states_maxima(name) or states_maxima(number_cell) \
                or (not units and has_scores and is_blank(name) and is_blank(number_cell)):
            maxima_row = row
            continue
        if units and row in _unit_rows(plan, units[-1]).values():
            continue  # the unit's other row, its name written again
        if isinstance(name, str) and name.strip() and number_or_none(name) is None \
                and (has_scores or number_or_none(number_cell) is not None):
            units.append(row)
    return units, maxima_row


def _merged_from_another_unit(plan: _SummaryPlan, rows: list[int], row: int, cluster_row: int) -> list[int]:
    """The unit's score columns whose cell lies in a range merged down from another unit's row (a tie written once over
    both units): the cell itself is blank, and the figure shown there is the other unit's."""
    areas = [(column, plan.sheet.merged_at(cluster_row, column)) for column in plan.measure_columns()]
    return [column for column, area in areas if area and area.top < row and area.top in rows]


def _unit_below(plan: _SummaryPlan, row: int) -> bool:
    """The next row with scores under this one is a unit's (not a total, note or signature): numbered, or without a
    numbering column, named as a unit is ('Sơn La', 'Sở Tài chính')."""
    sheet, order, measures = plan.sheet, plan.layout.first("order"), plan.measure_columns()
    for below in range(row + 1, _data_rows(plan.layout.table).stop):
        name, number_cell = sheet.value(below, plan.unit.index), sheet.value(below, order.index) if order else ""
        if _is_end(sheet, below, measures, plan.note) or closes(name, number_cell) or labelled_row(name, number_cell):
            return False
        if any(number_or_none(sheet.value(below, c)) is not None for c in measures):
            if order is not None:
                return number_or_none(number_cell) is not None and not is_blank(name)
            prefix, province = split_province(_text(name))
            return province is not None and (not prefix or names_an_agency(prefix)) or names_an_agency(name)
    return False


_NAME_GOES_ON = re.compile(r"(\s(và|của|các)|[-–,&])$", re.IGNORECASE)
_NAME_WENT_ON = re.compile(r"^((và|của)\s|[-–&]|[a-zà-ỹđ])")


def _whole_name(sheet: Sheet, row: int, column: int) -> str:
    """A unit's name as written, with its end wrapped onto the row below ('Sở Kế hoạch và' over 'Đầu tư';
    'Sở Lao động - Thương binh' over 'và Xã hội') when that row holds nothing else."""
    name, rest = _text(sheet.value(row, column)), _text(sheet.value(row + 1, column))
    alone = rest and not any(not is_blank(sheet.value(row + 1, c)) for c in range(sheet.width) if c != column)
    if alone and (_NAME_GOES_ON.search(name) or _NAME_WENT_ON.match(rest)):
        return f"{name} {rest}"
    return name


def _summary_nodes(context: _Context, plan: _SummaryPlan, row: int, maxima_row: int | None) -> list[Node]:
    """The criterion columns of one unit's row as a tree: a label over labels is a group, a
    'Cộng' column under a label states that group's subtotal."""
    sheet = plan.sheet
    nodes: dict[tuple[str, ...], Node] = {}
    for spec in plan.criteria:
        for depth in range(1, max(len(spec.node), 1) + 1):
            labels = spec.node[:depth]
            if labels not in nodes:
                nodes[labels] = _summary_node(labels, spec.column.index)
        node = nodes[spec.node]
        where = cell_ref(row, spec.column.index)
        if spec.value == "max":
            node.values["max"] = _maximum(sheet.value(row, spec.column.index))
            if node.values["max"] is not None:
                node.cells["max"] = where
        else:
            node.values[spec.value] = _score(context, sheet, row, spec.column.index)
            node.cells[spec.value] = where
        for labels, (maximum, label) in spec.maximum.items():
            if "max" not in nodes[labels].values:
                nodes[labels].values["max"] = maximum
                if cell := _header_cell(plan.layout.table, spec.column.index, label):
                    nodes[labels].cells["max"] = cell
        if maxima_row is not None and spec.value != "max":
            maximum = _maximum(sheet.value(maxima_row, spec.column.index))
            if maximum is not None:
                node.values["max"] = maximum
                node.cells["max"] = cell_ref(maxima_row, spec.column.index)
    for labels, node in nodes.items():
        node.values.setdefault("max", None)
        if len(labels) > 1:
            node.parent = nodes[labels[:-1]]
            node.parent.children.append(node)
    return [n for labels, n in nodes.items() if len(labels) <= 1]


def _summary_node(labels: tuple[str, ...], column: int) -> Node:
    if not labels:
        return Node(None, "Tổng điểm các tiêu chí", column, {}, {})
    code, title = split_code(labels[-1])
    return Node(code, title, column, {}, {})


def _sum_left(plan: _SummaryPlan, roots: list[Node], row: int, scorer: str, before: int) -> float | None:
    """Criteria + bonus - penalty written left of a column (all of them for before=-1)."""
    def left(index: int) -> bool:
        return before < 0 or index < before
    criteria = combined([r for r in roots if left(r.position)], scorer)
    found = _extras(plan, row, scorer, left)
    if criteria is None and not found:
        return None
    return (criteria or 0.0) + sum(found)


def _extras(plan: _SummaryPlan, row: int, scorer: str, kept: Callable[[int], bool]) -> list[float]:
    """The bonus (as written) and penalty (negative, however written) in the columns kept."""
    extras = [(1, c) for c, s in plan.bonus if s == scorer] + [(-1, c) for c, s in plan.penalty if s == scorer]
    found = [(sign, number_or_none(plan.sheet.value(row, c.index))) for sign, c in extras if kept(c.index)]
    return [-abs(v) if sign < 0 else v for sign, v in found if v is not None]


def _summary_total(context: _Context, plan: _SummaryPlan, roots: list[Node], row: int, scorer: str,
                   written: str) -> tuple[float | None, str | None]:
    """The total a unit's row confirms for one scorer, and its cell; stated totals are checked."""
    sheet = plan.sheet
    totals = [c for c, s in plan.totals if s == scorer]
    everything = _sum_left(plan, roots, row, scorer, -1)
    for column in totals[:-1]:
        stated, running = _score(context, sheet, row, column.index), _sum_left(plan, roots, row, scorer, column.index)
        if stated is not None and running is not None and abs(stated - running) > TOLERANCE:
            context.warn(f"đơn vị «{written}»: cột «{column.label}» ghi {vn_number(stated)}, nhưng các cột điểm bên "
                         f"trái cộng lại {vn_number(running)}.", sheet.name, cell_ref(row, column.index))
    if not totals:
        return everything, None
    last = totals[-1]
    where = cell_ref(row, last.index)
    stated = _score(context, sheet, row, last.index)
    if stated is None:
        return everything, None
    if everything is None or abs(stated - everything) <= TOLERANCE:
        return stated, where
    left = _sum_left(plan, roots, row, scorer, last.index)
    if left is not None and abs(stated - left) <= TOLERANCE:  # bonus and penalty right of it come on top
        after = _extras(plan, row, scorer, lambda index: index > last.index)
        return stated + sum(after), None if after else where
    context.warn(f"đơn vị «{written}»: tổng điểm ghi {vn_number(stated)}, nhưng các cột điểm cộng lại "
                 f"{vn_number(everything)} (tiêu chí + điểm thưởng - điểm trừ); dùng tổng điểm ghi trong bảng.",
                 sheet.name, where)
    return stated, where


def _read_summary(context: _Context, plan: _SummaryPlan) -> list[_Scored]:
    sheet = plan.sheet
    rows, maxima_row = _summary_rows(plan)
    header = plan.layout.table.header_top
    below = _next_table(plan.layout.table)
    if below is not None:
        context.warn("một bảng khác (có dòng tiêu đề riêng) bắt đầu ở dòng này; chỉ đọc bảng tổng hợp ở trên, "
                     "không đọc bảng này.", sheet.name, cell_ref(below, plan.unit.index))
    for column in plan.other_years:
        of = f"năm {year_in(column.label)}" if year_in(column.label) \
            else "năm trước" if PREVIOUS_WORDS.search(_words(column.label)) else "kỳ sơ kết 6 tháng"
        context.warn(f"cột «{column.label}» ghi số liệu của {of}, không phải của năm, kỳ của bảng; bỏ qua cột.",
                     sheet.name, cell_ref(header, column.index))
    for column, row in plan.contradictions:
        context.error(f"cột «{column.label}» ghi chữ (hình thức khen thưởng, xếp loại) nhưng ô này ghi số "
                      f"«{_text(sheet.value(row, column.index))}»: hãy ghi chữ hoặc để trống, hoặc đặt cột điểm dưới "
                      f"tiêu đề riêng.", sheet.name, cell_ref(row, column.index))
    for column in plan.in_percent:
        context.warn(f"cột «{column.label}» ghi lại điểm theo tỷ lệ phần trăm; bỏ qua cột, đọc điểm ở các cột điểm.",
                     sheet.name, _header_cell(plan.layout.table, column.index, column.path[-1]))
    for column in _fractions_under_percent(plan, rows):
        context.error(f"cột «{column.label}» ghi điểm theo tỷ lệ phần trăm (ô định dạng %, 95% là 0,95): không rõ là "
                      f"bao nhiêu điểm; hãy ghi điểm bằng số (ví dụ 95).", sheet.name,
                      _header_cell(plan.layout.table, column.index, column.path[-1]))
    if not plan.criteria and not plan.totals:
        years = f" (chỉ có cột của năm, kỳ khác: {', '.join(f'«{c.label}»' for c in plan.other_years)})" \
            if plan.other_years else ""
        context.error(f"bảng tổng hợp không có cột điểm (tiêu chí hoặc «Tổng điểm»){years}.", sheet.name,
                      cell_ref(header, plan.other_years[0].index) if plan.other_years else None)
        return []
    scored = []
    for row in rows:
        written = _whole_name(sheet, row, plan.unit.index)
        subject = f"đơn vị «{written}»"
        readings = _unit_rows(plan, row)
        if "cluster" not in readings:
            context.error(f"{subject} không có dòng điểm Cụm chấm (thẩm định) dưới dòng tự chấm.", sheet.name,
                          cell_ref(row, plan.row_scorers.index))
            continue
        cluster_row = readings["cluster"]
        roots = _summary_nodes(context, plan, cluster_row, maxima_row)
        if plan.row_scorers is None:
            self_total, self_total_cell = _summary_total(context, plan, roots, row, "self", written)
        elif "self" in readings:
            self_roots = _summary_nodes(context, plan, readings["self"], maxima_row)
            self_total, self_total_cell = _summary_total(context, plan, self_roots, readings["self"], "cluster",
                                                         written)
            _take_self_scores(roots, self_roots)
        else:
            self_total, self_total_cell = None, None
        context.problems.extend(reconcile_groups(roots, context.file_name, sheet.name, subject)
                                + check_maximums(roots, context.file_name, sheet.name, subject))
        total, total_cell = _summary_total(context, plan, roots, cluster_row, "cluster", written)
        for column in _merged_from_another_unit(plan, rows, row, cluster_row):
            merged_with = shown_ref(sheet, cluster_row, column)
            context.error(f"{subject}: ô điểm này gộp chung với ô của đơn vị ở dòng trên ({merged_with}); hãy ghi điểm "
                          "của từng đơn vị vào ô riêng.", sheet.name, cell_ref(cluster_row, column))
        bonus, bonus_cell = _extra(context, sheet, cluster_row, plan.bonus, by_size=False)
        penalty, penalty_cell = _extra(context, sheet, cluster_row, plan.penalty, by_size=True)
        rank_row = _written_row(sheet, [cluster_row, row], plan.rank)
        rank_cell = cell_ref(rank_row, plan.rank.index) if plan.rank else None
        note_row = _written_row(sheet, [cluster_row, row], plan.note)
        award, award_cell = _award(sheet, row, plan.awards)
        if award is None:
            award, award_cell = _award(sheet, cluster_row, plan.awards)
        scored.append(_Scored(
            written, sheet.name, cell_ref(row, plan.unit.index), roots,
            total if total is not None else 0.0, total_cell, self_total, combined(roots, "cluster"),
            bonus, penalty, _rank(context, sheet, rank_row, plan.rank.index if plan.rank else None),
            rank_cell, award, _text(sheet.value(note_row, plan.note.index)) or None if plan.note else None,
            award_cell=award_cell, self_total_cell=self_total_cell, bonus_cell=bonus_cell, penalty_cell=penalty_cell))
    if not scored:
        context.error("bảng tổng hợp không có dòng đơn vị nào có điểm.", sheet.name)
    _refuse_ranks_beyond(context, scored)
    return scored


def _extra(context: _Context, sheet: Sheet, row: int, columns: list[tuple[Column, str]], by_size: bool
           ) -> tuple[float, str | None]:
    """A unit's bonus (or penalty, by its size) over the cluster's columns of it, and its cell when one
    cell holds it."""
    found = [(cell_ref(row, c.index), abs(v) if by_size else v) for c, scorer in columns if scorer == "cluster"
             and (v := _score(context, sheet, row, c.index)) is not None]
    return sum(v for _, v in found), found[0][0] if len(found) == 1 else None


def _refuse_ranks_beyond(context: _Context, scored: list[_Scored]) -> None:
    """The units of one table rank 1..N (ties allowed)."""
    for position in outside_ranks([item.rank for item in scored], len(scored)):
        item = scored[position]
        context.error(f"xếp hạng {item.rank} nằm ngoài 1..{len(scored)} (bảng có {len(scored)} đơn vị).",
                      item.sheet, item.rank_cell)


def _take_self_scores(roots: list[Node], self_roots: list[Node]) -> None:
    """The self scores read from a unit's 'Tự chấm' row (as the same columns' values) beside its cluster scores."""
    for node, own in zip((n for r in roots for n in r.walk()), (n for r in self_roots for n in r.walk())):
        if "cluster" in own.cells:
            node.values["self"], node.cells["self"] = own.values.get("cluster"), own.cells["cluster"]


def _written_row(sheet: Sheet, rows: list[int], column: Column | None) -> int:
    """The first of a unit's rows with something in the column (a cell merged down holds it in its top row)."""
    return next((r for r in rows if column is not None and not is_blank(sheet.value(r, column.index))), rows[-1])


def _rank(context: _Context, sheet: Sheet, row: int, column: int | None) -> int | None:
    value = sheet.value(row, column) if column is not None else ""
    rank = rank_in(value)
    if rank is None and not is_blank(value):
        context.error(f"xếp hạng «{_text(value)}» không phải là số nguyên dương.", sheet.name, cell_ref(row, column))
    return rank


def _award(sheet: Sheet, row: int, columns: list[Column]) -> tuple[str | None, str | None]:
    """The award proposal as written (a cell merged down over several units proposes it for each), and the
    cell of its first words; with one column per award, the column of each mark ('x')."""
    proposals, cells = [], []
    for column in columns:
        text = _text(sheet.shown(row, column.index))
        if not text or _NOTHING.match(text):
            continue
        proposals.append(column.path[-1] if len(columns) > 1 and _MARK.match(text) else text)
        cells.append(shown_ref(sheet, row, column.index))
    return "; ".join(proposals) or None, cells[0] if cells else None


# ---------------------------------------------------------------- cluster, year and period


def _period_argument(context: _Context, period: str | None) -> str | None:
    if period is None or period in PERIODS:
        return period
    named = period_named(period) or ("year" if re.search(r"\b(nam|year)\b", folded(period)) else None)
    if named:
        return named
    context.error(f"kỳ chấm «{period}» không rõ: dùng «year» (tổng kết năm) hoặc «mid» (sơ kết 6 tháng).")
    return None


def _settle(context: _Context, what: str, stated, given, same=lambda a, b: a == b, shown=str):
    """The workbook's own value wins over the one given; a disagreement is reported."""
    if stated is not None and given is not None and not same(stated, given):
        context.warn(f"tệp ghi {what} «{shown(stated)}», khác với «{shown(given)}» đã chọn; dùng giá trị ghi trong tệp.")
    return stated if stated is not None else given


# ---------------------------------------------------------------- units

def _name_units(context: _Context, scored: list[_Scored], members: Membership, year: int) -> dict[int, Unit]:
    units = {}
    for item in scored:
        unit = members.unit(item.written, year)
        if members.kind == "provinces" and unit.province is None:
            close = registry().suggest(item.written)
            hint = f" (có phải {', '.join(close)}?)" if close else ""
            context.warn(f"«{item.written}» không phải tên một tỉnh, thành phố{hint}; giữ nguyên tên.",
                         item.sheet, item.name_cell)
        units[id(item)] = unit
    return units


def _refuse_repeats(context: _Context, scored: list[_Scored], units: dict[int, Unit]) -> None:
    seen: dict[str, _Scored] = {}
    for item in scored:
        unit = units[id(item)]
        first = seen.setdefault(unit.key, item)
        if first is not item:
            where = f"ô {first.name_cell} trang «{first.sheet}»" if first.name_cell else f"trang «{first.sheet}»"
            context.error(f"đơn vị «{unit.name}» có hai lần (lần đầu ở {where}).", item.sheet, item.name_cell)


def _merge_details(context: _Context, summary: list[_Scored], details: list[_Scored],
                   units: dict[int, Unit]) -> None:
    """Each unit's detail sheet gives its criteria; its total is checked against the summary's."""
    by_key = {units[id(s)].key: s for s in summary}
    for detail in details:
        row = by_key.get(units[id(detail)].key)
        if row is None:
            context.warn(f"đơn vị «{units[id(detail)].name}» của trang chi tiết không có trong bảng tổng hợp; "
                         f"bỏ qua trang.", detail.sheet)
            continue
        for name, mine, theirs, cell in (("Cụm chấm", detail.total, row.total, row.total_cell),
                                         ("tự chấm", detail.self_total, row.self_total, row.total_cell)):
            if mine is not None and theirs is not None and abs(mine - theirs) > TOLERANCE:
                context.warn(f"đơn vị «{units[id(row)].name}»: tổng điểm {name} ở trang chi tiết «{detail.sheet}» là "
                             f"{vn_number(mine)}, bảng tổng hợp ghi {vn_number(theirs)}; dùng số của bảng tổng hợp.",
                             row.sheet, cell)
        row.roots, row.criteria_sheet = detail.roots, detail.sheet
        if row.self_total is None:
            row.self_total = detail.self_total
        if row.criteria_total is None:
            row.criteria_total = detail.criteria_total
        if row.bonus == 0 and row.penalty == 0:  # a summary of totals leaves bonus and penalty to the details
            row.bonus, row.penalty = detail.bonus, detail.penalty
            row.bonus_cell = row.penalty_cell = None  # the unit's cells are the summary's; these are on the detail sheet


def _ranks(context: _Context, scored: list[_Scored], units: dict[int, Unit]) -> list[tuple[int | None, bool]]:
    """Published ranks where written; computed from totals (ties share the better rank) elsewhere."""
    published = any(s.rank is not None for s in scored)
    result = []
    for item in scored:
        if item.rank is not None:
            result.append((item.rank, False))
            continue
        better = sum(1 for other in scored if other.total is not None and item.total is not None
                     and other.total > item.total + TOLERANCE)
        result.append((better + 1 if item.total is not None else None, True))
        if published:
            context.warn(f"đơn vị «{units[id(item)].name}» không có xếp hạng; tính theo tổng điểm: "
                         f"{result[-1][0]}.", item.sheet, item.rank_cell)
    if published:
        _rank_disagreements(context, scored, units)
    return result


def _rank_disagreements(context: _Context, scored: list[_Scored], units: dict[int, Unit]) -> None:
    disagreements = [(a, b) for a in scored for b in scored
                     if None not in (a.rank, b.rank, a.total, b.total) and a.total > b.total + TOLERANCE
                     and a.rank > b.rank]
    for a, b in disagreements[:RANK_DISAGREEMENTS_LISTED]:
        context.warn(f"«{units[id(a)].name}» ({vn_number(a.total)} điểm) xếp hạng {a.rank}, sau «{units[id(b)].name}» "
                     f"({vn_number(b.total)} điểm, hạng {b.rank}); giữ xếp hạng ghi trong bảng.", a.sheet, a.rank_cell)


# ---------------------------------------------------------------- frames

def _unit_frame(scored: list[_Scored], units: dict[int, Unit], ranks: list[tuple[int | None, bool]]
                ) -> pd.DataFrame:
    rows = []
    for s, (rank, computed) in zip(scored, ranks):
        unit = units[id(s)]
        rows.append((unit.name, unit.key, unit.province, s.total, rank, computed, s.self_total, s.criteria_total,
                     s.bonus, s.penalty, s.award, s.note, s.sheet, s.name_cell, s.total_cell, s.rank_cell, s.award_cell,
                     s.self_total_cell, s.bonus_cell, s.penalty_cell))
    return frame_of(rows, UNIT_COLUMNS, {"rank": "Int64", **dict.fromkeys(
        ("total", "self_total", "criteria_total", "bonus", "penalty"), "Float64")})


def _in_own_cell(leaf: bool, stated: float | None, kept: float | None) -> bool:
    """Whether a criterion's score kept is the one in its own cell: a row without scored rows under it, or a
    group stating what its rows add up to (a group's score added up from its rows is in no one cell)."""
    return leaf or (stated is not None and kept is not None and abs(abs(stated) - abs(kept)) <= TOLERANCE)


def _criteria_frame(scored: list[_Scored], units: dict[int, Unit]) -> pd.DataFrame:
    rows = []
    for item in scored:
        unit = units[id(item)]
        nodes, tally = [n for r in item.roots for n in r.walk()], Tally()
        has = {name: any(name in n.cells for n in nodes) for name in SCORES}
        sheet = item.criteria_sheet or item.sheet
        for node in (n for n in nodes if tally.scored(n)):
            leaf = tally.is_leaf(node)
            values = {name: tally.value(node, name) for name in SCORES}
            scores = {name: 0.0 if value is None and has[name] and leaf else value  # an empty cell is zero
                      for name, value in values.items()}
            cells = {name: node.cells.get(name) if _in_own_cell(leaf, node.values.get(name), scores[name]) else None
                     for name in SCORES}
            maximum = node.values.get("max") if node.values.get("max") is not None else tally.value(node, "max")
            rows.append((unit.name, unit.key, node.key, node.parent.key if node.parent else None,
                         node.code.text if node.code and node.code.text != "-" else None,
                         node.title, node.level, leaf, node.measure,
                         abs(maximum) if maximum is not None else None, scores["self"], scores["cluster"],
                         node.values.get("self"), node.values.get("cluster"), node.position, sheet,
                         cells["cluster"], cells["self"],
                         node.cells.get("max") if node.values.get("max") is not None else None))
    return frame_of(rows, CRITERIA_COLUMNS, dict.fromkeys(
        ("max_points", "self_score", "cluster_score", "stated_self", "stated_cluster"), "Float64"))


# ---------------------------------------------------------------- public

@dataclass
class ScoringResult:
    file_name: str
    cluster: str                # full name: "Cụm thi đua Sở Nội vụ các tỉnh miền núi biên giới phía Bắc"
    cluster_key: str            # the same for every spelling of the name (units.cluster_key)
    cluster_kind: ClusterKind   # provinces (members are the Sở Nội vụ of provinces) | agencies
    year: int
    period: str                 # year (tổng kết năm) | mid (sơ kết 6 tháng)
    shape: str                  # summary | detail | mixed: a detail-only file covers only its own units
    units: pd.DataFrame         # UNIT_COLUMNS: one row per unit; total is the confirmed cluster total
    criteria: pd.DataFrame      # CRITERIA_COLUMNS: one row per unit and criterion node
    warnings: list[Problem]
    others: list[ScoringResult] = field(default_factory=list)  # the workbook's tables of other periods or years

    @property
    def parts(self) -> list[ScoringResult]:
        """Every table of the upload: this one, then the others."""
        return [self, *self.others]


def looks_like_scoring(sheets: list[Sheet]) -> bool:
    """Some sheet holds a scoring table (a unit or criterion column and score columns) and speaks
    of emulation scoring, not of the PAR Index."""
    headers = (_header_text(layout) for sheet in sheets for layout in _layouts(sheet))
    return any(SCORING_WORDS.search(h) or (CRITERIA_WORDS.search(h) and not INDEX_WORDS.search(h)) for h in headers)


def _header_text(layout: _Layout) -> str:
    """The words of a table's title and header rows."""
    rows = layout.table.sheet.rows[:layout.table.header_bottom + 1]
    return " ".join(text_key(v) for row in rows for v in row if isinstance(v, str))


def _is_index_table(layout: _Layout) -> bool:
    """A table of an index (PAR Index, SIPAS: 'Chỉ số', 'Xếp hạng' by province) that speaks of no emulation scoring."""
    header = _header_text(layout)
    return bool(INDEX_WORDS.search(header)) and not SCORING_WORDS.search(header)


def read_scoring(source: Path | bytes | list[Sheet], file_name: str, cluster: str | None = None,
                 year: int | None = None, period: str | None = None) -> ScoringResult:
    """Every unit's scores in a scoring workbook; raises Refused with every error found (file,
    sheet and cell named), or returns the result with its warnings. cluster, year and period are
    used when the workbook does not say them. A workbook with a summary per period or per year (a
    'Sơ kết 6 tháng' sheet and a 'Tổng kết năm' sheet) gives one result per summary: the first,
    with the others in its `others`, all parts of one upload."""
    sheets, loading_warnings = sheets_of(source, file_name)
    context = _Context(file_name, list(loading_warnings))
    summaries, details, stated = _sheets(context, sheets)
    parts = [_read_part(context, *tables, cluster, year, period)
             for tables in _split_parts(context, summaries, details, stated)]
    _refuse_overlapping_parts(context, parts)
    errors = [p for p in context.problems if p.severity == "error"]
    if errors:
        raise Refused(errors)
    first, *others = [_result(context, part) for part in parts]
    first.warnings, first.others = [p for p in context.problems if p.severity == "warning"], others
    return first


@dataclass
class _Part:
    """One summary's table (with the detail sheets of its period) read, before ranks are settled."""
    identity: _Identity
    sheet: str                  # where the part's table is, to name it
    summary: list[_Scored]
    detail: list[_Scored]
    members: Membership
    units: dict[int, Unit]


def _read_part(context: _Context, summaries: list[_Layout], details: list[_Layout], stated: Stated,
               cluster: str | None, year: int | None, period: str | None) -> _Part:
    identity = _identity(context, stated, cluster, year, period)
    summary = _read_summary(context, _summary_plan(summaries[0], identity.year, identity.period)) if summaries else []
    detail = _read_details(context, details, stated.table_lines, with_summary=bool(summaries))
    members = membership(identity.cluster, [s.written for s in summary + detail])
    units = _name_units(context, summary + detail, members, identity.year)
    _refuse_repeats(context, summary, units)
    _refuse_repeats(context, detail, units)
    if summary:
        _merge_details(context, summary, detail, units)
    if details and not summaries and not detail:
        sheets = {layout.table.sheet.name for layout in details}
        why = "; ".join(f"trang «{p.sheet}»: {p.message}" for p in context.problems if p.sheet in sheets)
        context.error(f"không có trang chi tiết nào đọc được điểm của một đơn vị ({why})", details[0].table.sheet.name)
    sheet = (summaries or details)[0].table.sheet.name if summaries or details else ""
    return _Part(identity, sheet, summary, detail, members, units)


def _result(context: _Context, part: _Part) -> ScoringResult:
    scored, identity = part.summary or part.detail, part.identity
    ranks = _ranks(context, scored, part.units)
    shape = "mixed" if part.summary and part.detail else "summary" if part.summary else "detail"
    return ScoringResult(context.file_name, identity.cluster, cluster_key(identity.cluster), part.members.kind,
                         identity.year, identity.period, shape, _unit_frame(scored, part.units, ranks),
                         _criteria_frame(scored, part.units), [])


def _split_parts(context: _Context, summaries: list[_Layout], details: list[_Layout], stated: Stated
                 ) -> list[tuple[list[_Layout], list[_Layout], Stated]]:
    """The tables of each part: one part per summary, each identified first by the words over its own
    table and its sheet's name; a detail sheet joins the part whose year and period it states."""
    if len(summaries) <= 1:
        if summaries:
            _refuse_details_of_another_part(context, summaries[0], details, stated)
        return [(summaries, details, stated)]
    parts = [([summary], [], _own_statements(summary, stated)) for summary in summaries]
    keys = [stated_key(own, context.file_name) for _, _, own in parts]
    for layout in details:
        key = stated_key(_own_statements(layout, stated), context.file_name)
        matching = [part for part, found in zip(parts, keys) if found == key]
        if len(matching) == 1:
            matching[0][1].append(layout)
        else:
            context.warn("tệp có nhiều bảng tổng hợp và trang chi tiết này không ghi rõ thuộc năm, kỳ nào; bỏ qua trang.",
                         layout.table.sheet.name)
    return parts


def _refuse_details_of_another_part(context: _Context, summary: _Layout, details: list[_Layout], stated: Stated
                                    ) -> None:
    """A detail sheet stating another year, or another period, than the one summary beside it holds no criteria of it."""
    year, period = stated_key(_own_statements(summary, stated), context.file_name)
    for layout in details:
        own = _own_statements(layout, stated)
        own_year, own_period = stated_key(own, context.file_name)
        said_period = stated_period(own.table_lines, context.file_name, own.sheet_names)
        if year and own_year and own_year != year or said_period and said_period != period:
            context.error(f"trang chi tiết này ghi năm {own_year}, kỳ {PERIODS[own_period]}, còn bảng tổng hợp ở trang "
                          f"«{summary.table.sheet.name}» là năm {year}, kỳ {PERIODS[period]}: trang chi tiết phải cùng "
                          f"năm, cùng kỳ với bảng tổng hợp; hãy tách thành tệp riêng.", layout.table.sheet.name)


def _own_statements(layout: _Layout, stated: Stated) -> Stated:
    """What one table says of itself (the words over it, its columns, its sheet's name), then what the
    sheets without a table say (a cover page)."""
    own = _lines_over_table(layout)
    return Stated(own + [line for line in stated.lines if line not in stated.table_lines], own,
                  _column_texts(layout, "cluster"), _column_texts(layout, "year"), [layout.table.sheet.name])


def _refuse_overlapping_parts(context: _Context, parts: list[_Part]) -> None:
    """The parts of one upload are one cluster's, each of its own year and period."""
    first = parts[0]
    seen: dict[tuple[int, str], _Part] = {}
    for part in parts:
        if cluster_key(part.identity.cluster) != cluster_key(first.identity.cluster):
            context.error(f"trang này ghi «{part.identity.cluster}», trang «{first.sheet}» ghi «{first.identity.cluster}»: "
                          f"mỗi tệp chỉ chứa bảng điểm của một cụm; hãy tách thành hai tệp.", part.sheet)
        earlier = seen.setdefault((part.identity.year, part.identity.period), part)
        if earlier is not part:
            context.error(f"trang này là bảng tổng hợp thứ hai cho năm {part.identity.year}, kỳ "
                          f"{PERIODS[part.identity.period]} (trang «{earlier.sheet}» đã có); mỗi năm, mỗi kỳ chỉ một "
                          f"bảng tổng hợp.", part.sheet)


def _sheets(context: _Context, sheets: list[Sheet]) -> tuple[list[_Layout], list[_Layout], Stated]:
    """The summary and detail tables of a workbook (other sheets are reported), and what it says of itself."""
    layouts = {sheet.name: _layouts(sheet) for sheet in sheets}
    indices = {name for name, found in layouts.items() if found and all(_is_index_table(l) for l in found)}
    if len(indices) < sum(1 for found in layouts.values() if found):  # beside a scoring table, index tables are skipped
        for name in indices:
            context.warn("trang là bảng Chỉ số (CCHC, SIPAS...), không phải bảng chấm điểm thi đua; bỏ qua.", name)
            layouts[name] = []
    for sheet in sheets:
        if not layouts[sheet.name] and not sheet.is_empty() and sheet.name not in indices:
            context.warn("trang không có bảng chấm điểm (dòng tiêu đề có cột Đơn vị hoặc Nội dung/Tiêu chí và các "
                         "cột điểm); bỏ qua.", sheet.name)
    summaries = [l for found in layouts.values() for l in found if l.shape == "summary"]
    details = [l for found in layouts.values() for l in found if l.shape == "detail"]
    tables = summaries + details
    if not tables:
        context.error("không tìm thấy bảng chấm điểm thi đua trong trang nào: cần một dòng tiêu đề có cột «Đơn vị» "
                      "(bảng tổng hợp) hoặc «Nội dung/Tiêu chí» với «Điểm chuẩn», «Tự chấm», «Cụm chấm» (bảng chi tiết).")
    over_tables = list(dict.fromkeys(line for l in tables for line in _lines_over_table(l)))
    atop_others = [line for sheet in sheets if not layouts[sheet.name]
                   for line in title_lines(sheet, TITLE_SCAN_ROWS)]
    stated = Stated(over_tables + atop_others, over_tables,
                     [text for l in tables for text in _column_texts(l, "cluster")],
                     [text for l in tables for text in _column_texts(l, "year")], [s.name for s in sheets])
    return summaries, details, stated


def _read_details(context: _Context, details: list[_Layout], lines: list[TitleLine], with_summary: bool
                  ) -> list[_Scored]:
    """Each detail sheet's unit and scores. A sheet of criteria without score columns (a template) is
    skipped; the file name may name the unit of the file's only table. A sheet with every unit side by
    side ('Lạng Sơn / Tự chấm', 'Lạng Sơn / Cụm chấm', 'Cao Bằng ...') is read as one sheet per unit."""
    scored_sheets, scored = [], []
    for layout in details:
        by_unit = _units_side_by_side(layout)
        sheet, header = layout.table.sheet, layout.table.header_top
        for written, first, column in _unit_columns_twice(layout) if by_unit else []:
            context.error(f"đơn vị «{written}» đứng đầu hai cột điểm (ô {shown_ref(sheet, header, first.index)} và ô "
                          f"này): không rõ cột nào là điểm của đơn vị.", sheet.name, shown_ref(sheet, header, column.index))
        if by_unit:
            side_by_side = [_read_detail(context, unit_layout, written, published=True)
                            for written, unit_layout in by_unit.items()]
            _refuse_ranks_beyond(context, side_by_side)
            scored += side_by_side
            continue
        columns = _detail_columns(layout)
        if columns["self"] is None and columns["cluster"] is None:
            context.warn("trang có cột nội dung nhưng không có cột điểm tự chấm hay Cụm chấm; bỏ qua trang.",
                         layout.table.sheet.name)
        elif _is_criteria_set(layout, columns, lines):
            context.warn("trang là bộ tiêu chí hoặc hướng dẫn chấm (tiêu đề nói vậy; cột điểm không ghi số nào, hoặc chỉ "
                         "một cột «Điểm» không nói của ai và không có cột điểm tối đa nên là điểm tối đa của từng tiêu "
                         "chí), không phải bảng chấm của một đơn vị; bỏ qua trang.", layout.table.sheet.name)
        else:
            scored_sheets.append(layout)
    for layout in scored_sheets:
        own_lines = [line for line in lines if line.sheet == layout.table.sheet.name]
        written = _detail_unit(context, layout, own_lines, alone=len(scored_sheets) == 1 and not with_summary)
        if written:
            scored.append(_read_detail(context, layout, written))
    return scored


_NO_UNITS_SCORES = ("order", "content", "max", "note", "ignored")


def _unit_columns_twice(layout: _Layout) -> list[tuple[str, Column, Column]]:
    """(unit, first column, column) for a unit heading a second column of the same scorer ('Lạng Sơn' over two
    columns apart): which of them holds its scores cannot be told."""
    seen: dict[tuple[str, str | None], Column] = {}
    twice = []
    for column in layout.table.columns:
        written = unit_heading(tuple(column.path), scores_only) if layout.kinds[column.index] not in _NO_UNITS_SCORES \
            else None
        first = seen.setdefault((text_key(written), _scorer(column)), column) if written else column
        if first is not column:
            twice.append((written, first, column))
    return twice


def _is_criteria_set(layout: _Layout, columns: dict[str, int | None], lines: list[TitleLine]) -> bool:
    """A sheet titled as the criteria ('BỘ TIÊU CHÍ CHẤM ĐIỂM', 'HƯỚNG DẪN CHẤM ĐIỂM') whose one number column is a bare
    'Điểm' beside no maximum (the criteria's points), or whose score columns hold no number ('Cách chấm': how to score)."""
    sheet, scores = layout.table.sheet, [c for c in layout.table.columns if c.index == columns["cluster"]]
    bare = columns["self"] is None and columns["max"] is None and bool(scores) and _scorer(scores[0]) is None
    scored = [column for column in (columns["self"], columns["cluster"]) if column is not None]
    unscored = not any(_holds_a_number(layout, column) for column in scored)
    return (bare or unscored) and any(CRITERIA_SET_TITLE.search(folded(line.text))
                                      for line in lines if line.sheet == sheet.name)


def _units_side_by_side(layout: _Layout) -> dict[str, _Layout]:
    """For a detail sheet whose score columns are headed by two or more units, each unit's name and the
    layout seeing only its columns (one column per unit holds its cluster score); a score column headed by
    no unit ('Điểm trung bình' of them all) is no unit's."""
    columns: dict[str, list[Column]] = {}
    for column in layout.table.columns:
        if layout.kinds[column.index] in _NO_UNITS_SCORES:
            continue
        written = unit_heading(tuple(column.path), scores_only)
        if written:
            columns.setdefault(written, []).append(column)
    if len(columns) < 2:
        return {}
    theirs = {c.index for c in layout.table.columns if layout.kinds[c.index] in ("score", "total")}
    theirs |= {c.index for found in columns.values() for c in found}
    return {written: _Layout("detail", layout.table, {
        **layout.kinds, **dict.fromkeys(theirs, "ignored"),
        **{c.index: layout.kinds[c.index] if layout.kinds[c.index] in ("score", "total") else "score" for c in own}})
        for written, own in columns.items()}


class _Identity(NamedTuple):
    cluster: str
    year: int
    period: str


def _identity(context: _Context, stated: Stated, cluster: str | None, year: int | None, period: str | None
              ) -> _Identity:
    """Cluster, year and period from the titles over the tables (then other sheets' first rows,
    columns, the file name and sheet names), else from the arguments."""
    given_cluster = display_case(clean_text(cluster)) if cluster else None
    named_cluster = stated_cluster(stated.lines, context.file_name, tuple(stated.cluster_cells))
    if named_cluster and given_cluster and cluster_key(named_cluster) == cluster_key(given_cluster):
        named_cluster = given_cluster  # as typed: the title may be in capitals
    name = _settle(context, "tên cụm", named_cluster, given_cluster, lambda a, b: cluster_key(a) == cluster_key(b))
    found_year = _settle(context, "năm", stated_year(stated.lines, stated.year_cells, context.file_name,
                                                      stated.sheet_names), year)
    found_period = _settle(context, "kỳ chấm", stated_period(stated.table_lines, context.file_name, stated.sheet_names),
                           _period_argument(context, period), shown=PERIODS.get) or "year"
    if name is None:
        context.error("không biết bảng điểm của cụm thi đua nào: tiêu đề và tên tệp không ghi «Cụm thi đua ...»; "
                      "hãy ghi tên cụm vào tiêu đề hoặc chọn cụm (--cluster).")
    if found_year is None:
        context.error("không biết năm chấm điểm: tiêu đề, tên trang và tên tệp không ghi năm; hãy ghi năm "
                      "(ví dụ «NĂM 2022») vào tiêu đề hoặc chọn năm (--year).")
    return _Identity(name or "", found_year or 0, found_period)
