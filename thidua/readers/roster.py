"""Cluster rosters: which unit led each cluster (Cụm trưởng) and deputised (Cụm phó) year by year,
which units belonged to it, and the awards they received or were proposed for.

The shapes people keep, one per sheet (a workbook may hold several):
- wide: one row per cluster and year, with "Cụm trưởng" and "Cụm phó" columns (sometimes two
  deputies, sometimes a year in the header over them: "Năm 2022 / Cụm trưởng");
- long: one row per unit and role, with a "Vai trò" / "Chức danh" column; rows whose role is
  "Thành viên" or blank make the sheet a member list as well;
- members: cluster, year, unit;
- awards: cluster, year, unit, award; proposals when the award column or the title says "đề nghị"
  ("Hình thức đề nghị khen thưởng", "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG").
Cluster and year are columns, or stated once in the title, the sheet name or the file name (one
cluster or one year per sheet), or given by the caller. A blank cluster or year cell repeats the
one above, and a row holding only "Cụm thi đua ..." starts that cluster's rows.

A row's year is the year the unit holds the role: the cluster elects next year's leader at its
year-end meeting, so a "Năm bầu" (year elected) column is read as the year after.

The rules live in check_roster, which takes plain frames (ROLE_COLUMNS, MEMBER_COLUMNS,
AWARD_COLUMNS), so an in-app editor applies the same checks as a workbook.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from pathlib import Path

import pandas as pd

from thidua.awards import LADDER, UNRANKED, award_level
from thidua.kinds.roster import (AWARD_IN_TITLE, AWARD_MARK, DECIDED_WORDS, DEPUTY_WORDS, LEADER_WORDS, MEMBER_WORDS,
                                 PART_OF_A_MEMBER, PERSON, PERSONS_TITLE, PROPOSAL_TITLE, PROPOSED_WORDS, ROSTER_COLUMNS,
                                 ROSTER_TITLE, SECTION, SUBJECT, names_a_person, unit_after_post)
from thidua.provinces import registry
from thidua.io.cells import is_blank, number_or_none, text_key, year_in, years_in
from thidua.readers.problems import Problem, Refused, cell_ref, shown_ref
from thidua.readers.table import Column, Table, is_column_number_row, locate_table
from thidua.readers.units import (Unit, clean_text, cluster_key, cluster_slug, display_case, folded, membership,
                                  names_an_agency, role_written_after, split_province, split_units, with_organiser)
from thidua.io.workbook import Sheet, sheets_of
from thidua.tables.columns import settle
from thidua.tables.identity import DECISION_LINE, TitleLine, stated_cluster, title_lines
from thidua.tables.rows import END_OF_LIST, ends_table
from thidua.tables.schema import plain_words as _words, without_years

LEADER, DEPUTY, MEMBER = "Cụm trưởng", "Cụm phó", "Thành viên"
FIRST_YEAR = 2000
ROLE_COLUMNS = ["cluster", "year", "role", "unit"]
MEMBER_COLUMNS = ["cluster", "year", "unit"]  # and "implied" (True for a role holder the list leaves out), when any
AWARD_COLUMNS = ["cluster", "year", "unit", "award"]  # and "proposed" (True for proposals), when any
LOOKED_FOR = ("một dòng tiêu đề bảng (trong 20 dòng đầu của trang) có cột «Cụm trưởng» / «Cụm phó», hoặc cột "
              "«Đơn vị» cùng cột «Vai trò», «Hình thức khen thưởng», «Cụm thi đua» hoặc «Năm»")

_ROLE_LABEL_WORDS = 6  # a header naming a role is short; a title line that mentions one is not
_ROSTER_KINDS = {"order", "note", "votes", "result", "role", "elected", "year", "unit", "cluster", "award", "leader",
                 "deputy", "either", "person", "award_mark"}
_HOLDER_KINDS = ("leader", "deputy", "either")  # 'either': a rotation column under both roles, each cell saying its own
_SECTION_NUMBER = re.compile(r"^([IVXLCivxlc]+|\d+|[A-Za-z])[.)/]?\s+")
_NUMBERING = re.compile(r"^([IVXLCivxlc]+|\d+|[A-Za-z])[.)]?$")
_NUMERIC = re.compile(r"^[\d\s.,()%/+-]+$")


def _whole(word: str) -> str:
    """'2021' from the header word of a number cell ('2021.0')."""
    return re.sub(r"^(\d+)\.0$", r"\1", word) if word.endswith(".0") else word


def role_of(written: object) -> str | None:
    """'Cụm trưởng', 'Trưởng Cụm', 'Khối trưởng' -> LEADER; 'Cụm phó', 'Phó trưởng Cụm', 'Phó Cụm' ->
    DEPUTY; 'Thành viên' or blank -> MEMBER; anything else None."""
    words = _words(written)
    if not words or MEMBER_WORDS.match(words):
        return MEMBER
    if DEPUTY_WORDS.search(words):
        return DEPUTY
    if LEADER_WORDS.search(words):
        return LEADER
    return None


@lru_cache(maxsize=1 << 14, typed=True)  # a pure function of a cell, asked for again by every check
def _label_kind(label: object) -> str:
    words = _words(label)
    if not words:
        return ""
    if split_province(words)[1] is not None:
        return "other"  # a name ('Sở Nội vụ tỉnh Lạng Sơn'), not a header
    found = ROSTER_COLUMNS.suggested_by(words)
    if found is not None and found.name == "votes":
        return found.name  # 'Số phiếu bầu Cụm trưởng': the votes for a role, not its holder
    if len(words.split()) <= _ROLE_LABEL_WORDS and role_of(words) in (LEADER, DEPUTY):
        return _holder_kind(words)
    if found is None and award_level(words) != UNRANKED:
        return "award_mark"  # 'Cờ thi đua của Bộ Nội vụ' over marks ('x') for the units that get it
    return found.name if found else "other"


def _holder_kind(words: str) -> str | None:
    """'leader' or 'deputy' for words naming one role; 'either' for words naming both ('Cụm trưởng, Cụm phó'), whose
    cells must each say which."""
    deputy = bool(DEPUTY_WORDS.search(words))
    leader = bool(LEADER_WORDS.search(DEPUTY_WORDS.sub(" ", words)))
    return "either" if leader and deputy else "leader" if leader else "deputy" if deputy else None


def _column_kind(column: Column) -> str:
    """The leaf label's kind, else the nearest parent's; any score label makes the column a score, a
    role over years makes them that role's columns ('Cụm trưởng qua các năm / 2021')."""
    kinds = [_label_kind(part) for part in column.path]
    if "score" in kinds:
        return "score"
    roles_over_year = [role_of(part) for part in column.path[:-1] if role_of(part) in (LEADER, DEPUTY)]
    if kinds[-1] == "year" and roles_over_year:
        return "leader" if roles_over_year[-1] == LEADER else "deputy"
    return next((kind for kind in reversed(kinds) if kind not in ("", "other")), "other")


def _is_roster_header(words: list[str]) -> bool:
    """At least two roster labels and no score or number cell (years aside): a unit, leader or deputy
    column among them, or years over a row of roles beside a short cluster label ('Cụm thi đua | Năm 2022')."""
    labels = {_whole(w) for w in words if w}
    if any(_NUMERIC.match(label) and without_years(label) for label in labels):
        return False
    kinds = {label: _label_kind(label) for label in labels}
    if "score" in kinds.values() or sum(kind in _ROSTER_KINDS for kind in kinds.values()) < 2:
        return False
    if {"unit", *_HOLDER_KINDS} & set(kinds.values()):
        return True
    return (any(not without_years(label) for label in labels)
            and any(kind == "cluster" and len(label.split()) <= 4 for label, kind in kinds.items()))


def _continues_roster_header(words: list[str]) -> bool:
    """Header rows under the first hold roster labels only ('Cụm trưởng | Cụm phó' under 'Năm 2022'):
    a row with a unit's name is data."""
    return all(_label_kind(label) in _ROSTER_KINDS for label in set(words) if label)


# ---------------------------------------------------------------- sheets

@dataclass
class _Plan:
    table: Table
    titles: list[TitleLine]        # the lines above the table
    kinds: dict[int, str]          # column index -> kind
    column_years: dict[int, int]   # a year named over a leader or deputy column ("Năm 2022 / Cụm trưởng")
    proposed: dict[int, bool]      # award column index -> it lists proposals
    titled_award: tuple[str, str, bool] | None = None  # an award the title names (award, cell, proposed), no column

    @property
    def sheet(self) -> Sheet:
        return self.table.sheet

    def columns(self, *kinds: str) -> list[int]:
        return [index for index, kind in self.kinds.items() if kind in kinds]

    def first(self, kind: str) -> int | None:
        return next(iter(self.columns(kind)), None)

    def unit_columns(self) -> list[int]:
        """The unit column; one per year when the header names a year over each ('Đơn vị năm 2023 | năm 2024')."""
        dated = [column for column in self.columns("unit") if column in self.column_years]
        return dated or self.columns("unit")[:1]


def _plan(sheet: Sheet) -> _Plan | None:
    table = locate_table(sheet, _is_roster_header, _continues_roster_header)
    if table is None:
        return None
    titles = title_lines(sheet, table.header_top)
    kinds = _rotation_kinds(table, titles, {c.index: _settled_kind(table, c) for c in table.columns})
    present = set(kinds.values())
    if "score" in present or not present & {*_HOLDER_KINDS, "unit"} or _scores_under(table):
        return None
    years = {c.index: year_in(" ".join(c.path)) for c in table.columns if kinds[c.index] in _HOLDER_KINDS}
    unit_years = {c.index: year_in(" ".join(c.path)) for c in table.columns if kinds[c.index] == "unit"}
    if len(set(unit_years.values()) - {None}) > 1:  # 'Đơn vị năm 2023 | Đơn vị năm 2024': each year's units
        years |= unit_years
    titled = any(PROPOSAL_TITLE.search(_words(line.text)) for line in titles)
    proposed = {c.index: bool(PROPOSED_WORDS.search(_words(c.label))) or titled and not DECIDED_WORDS.search(_words(c.label))
                for c in table.columns if kinds[c.index] in ("award", "award_mark")}
    titled_award = None if proposed else _award_in_titles(titles)
    return _Plan(table, titles, kinds, {index: year for index, year in years.items() if year}, proposed, titled_award)


def _award_in_titles(titles: list[TitleLine]) -> tuple[str, str, bool] | None:
    """The award a title line names for every unit listed, where it is written, and whether it is proposed."""
    for line in titles:
        named = AWARD_IN_TITLE.search(folded(line.text))
        if named and award_level(named.group(1)) != UNRANKED:
            award = display_case(clean_text(line.text[named.start(1):named.end(1)]))
            return award, line.cell, bool(PROPOSED_WORDS.search(_words(line.text)))
    return None


def _settled_kind(table: Table, column: Column) -> str:
    """The column's kind from its words, and for an election's «Kết quả» or a role's column from its cells too: an
    election's scores when every cell is a number, the role each unit won when its cells are role words ('Cụm
    trưởng', 'Cụm phó'), else nothing a roster reads ('Xuất sắc'); a 'Chức vụ' holding posts ('Giám đốc') and no
    role in the cluster is a person's post."""
    kind = _column_kind(column)
    if kind not in ("result", "role"):
        return kind
    cells = [table.sheet.shown(row, column.index) for row in range(table.first_data_row, table.sheet.height)]
    if kind == "result" and settle(ROSTER_COLUMNS, ROSTER_COLUMNS.named(kind), cells).field != kind:
        return ROSTER_COLUMNS.numbers
    roles = [role_of(cell) for cell in cells if not is_blank(cell)]
    held = sum(role in (LEADER, DEPUTY) for role in roles)
    if kind == "role":
        return "role" if held or None not in roles else "other"
    return "role" if held and roles.count(None) <= held else "other"  # signatures under it are no roles


def _rotation_kinds(table: Table, titles: list[TitleLine], kinds: dict[int, str]) -> dict[int, str]:
    """'Cụm thi đua | 2021 | 2022 | 2023' with a unit in each cell: the year columns hold the role the
    title or sheet name names; when it names both ('CỤM TRƯỞNG, CỤM PHÓ QUA CÁC NĂM') each cell must say
    which ('Lạng Sơn (Cụm trưởng)')."""
    if set(kinds.values()) & {"leader", "deputy", "unit"} or "year" not in kinds.values():
        return kinds
    words = " ".join(_words(text) for text in [line.text for line in titles] + [table.sheet.name.replace("_", " ")])
    role = _holder_kind(words)
    if role is None:
        return kinds
    return {index: role if kind == "year" else kind for index, kind in kinds.items()}


def _scores_under(table: Table) -> bool:
    """'Tổng điểm | Xếp hạng' under 'Năm 2021 | Năm 2022': a scoring table whose header goes on, not roster data."""
    if table.first_data_row >= table.sheet.height:
        return False
    labels = [label for label in table.sheet.header_words(table.first_data_row) if label]
    return not any(_NUMERIC.match(label) for label in labels) and sum(_label_kind(label) == "score" for label in labels) >= 2


def _names_a_roster(plan: _Plan) -> bool:
    """A table of roles speaks for itself; a list of units needs a cluster column, or a title or
    sheet name that speaks of a cluster or its members."""
    if plan.columns(*_HOLDER_KINDS, "role", "cluster"):
        return True
    texts = [line.text for line in plan.titles] + [plan.sheet.name]
    return any(ROSTER_TITLE.search(_words(text.replace("_", " "))) for text in texts)


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean_text(value) if not is_blank(value) else ""


def year_value(value: object) -> int | None:
    """2022 from 2022, 2022.0, '2022' or 'Năm 2022'; None when the cell names no year, or several ('2022 - 2023')."""
    number = number_or_none(value)
    if number is not None:
        return int(number) if number.is_integer() else None
    return year_in(value) if isinstance(value, str) and len(set(years_in(value))) <= 1 else None


def _titled_years(plan: _Plan) -> dict[int, TitleLine]:
    """Each year the lines above the table name (not in a date or a decision), with the first line naming it."""
    named: dict[int, TitleLine] = {}
    for line in plan.titles:
        if not DECISION_LINE.search(_words(line.text)):
            for year in years_in(line.text):
                named.setdefault(year, line)
    return named


def _title_year(plan: _Plan) -> int | None:
    """The one year the titles name; of several, the one year the nearest line over the table names when it
    names a role ('KẾT QUẢ BẦU CỤM TRƯỞNG, CỤM PHÓ NĂM 2024' under the minutes of the meeting of 2023)."""
    named = _titled_years(plan)
    if len(named) == 1:
        return next(iter(named))
    nearest = next((line for line in reversed(plan.titles)
                    if years_in(line.text) and not DECISION_LINE.search(_words(line.text))), None)
    if nearest is None or len(set(years_in(nearest.text))) != 1:
        return None
    words = _words(nearest.text)
    return years_in(nearest.text)[0] if LEADER_WORDS.search(words) or DEPUTY_WORDS.search(words) else None


def _stated_year(plan: _Plan, file_name: str, given: int | None) -> int | None:
    """The year the titles name (not a range, a date or a decision), else the sheet's or the file's
    name, else the caller's."""
    return next((year for year in (_title_year(plan), year_in(plan.sheet.name), year_in(Path(file_name).stem), given)
                 if year is not None), None)


@dataclass
class _Written:
    """Rows as written, each value with the cell it came from: the frames check_roster takes."""
    roles: list[dict] = field(default_factory=list)
    members: list[dict] = field(default_factory=list)
    awards: list[dict] = field(default_factory=list)
    set_aside: list[tuple[str, str]] = field(default_factory=list)  # (sheet, cell) of awards to persons or offices


class _SheetReader:
    """One sheet's rows as written roles, members and awards."""

    def __init__(self, plan: _Plan, file_name: str, cluster: str | None, year: int | None, written: _Written):
        self.plan, self.sheet, self.written = plan, plan.sheet, written
        titled_cluster = None if plan.columns("cluster") else stated_cluster(plan.titles, file_name) or cluster
        stated_year = None if plan.columns("year", "elected") else _stated_year(plan, file_name, year)
        self.carried: dict[str, tuple[object, str | None]] = {
            "cluster": (titled_cluster or "", None), "year": (stated_year or "", None)}
        no_year_column = not plan.columns("year", "elected") and not plan.column_years
        self.year_looked_for = self._year_looked_for(file_name) if no_year_column and not stated_year else None
        self.note_columns = plan.columns("note")
        self.header = [(c.index, text_key(c.path[-1])) for c in plan.table.columns]
        self.titles = [line.text for line in plan.titles]
        titled = " ".join(_words(line) for line in self.titles)  # under a 'CÁ NHÂN' title or row, until a 'TẬP THỂ' row
        self.among_individuals = bool(PERSONS_TITLE.search(titled)) and "tap the" not in titled
        # 'Tên tập thể, cá nhân': a name that is neither an agency's nor a province's is a person's
        self.persons_listed = any(PERSONS_TITLE.search(_words(c.label)) for c in plan.table.columns
                                  if plan.kinds[c.index] == "unit")

    def _year_looked_for(self, file_name: str) -> tuple[str, str]:
        """Why a sheet without a year column has no year, as the message to give, and the cell to point at: the
        first line naming one of several years, else the title's first line, else the header's first cell."""
        titles, named = self.plan.titles, _titled_years(self.plan)
        names = f"tên trang «{self.sheet.name}» lẫn tên tệp «{file_name}»"
        if len(named) > 1:
            years = ", ".join(str(year) for year in sorted(named))
            cells = ", ".join(dict.fromkeys(f"ô {line.cell}" for line in named.values()))
            return (f"không rõ danh sách của năm nào: trang không có cột «Năm», tiêu đề ghi {len(named)} năm ({years}; "
                    f"{cells}) mà không nói năm nào là năm của danh sách, {names} đều không ghi năm; hãy chọn năm khi "
                    f"tải lên, hoặc ghi năm ngay trên bảng (ví dụ «KẾT QUẢ BẦU CỤM TRƯỞNG, CỤM PHÓ NĂM {max(named)}»).",
                    next(iter(named.values())).cell)
        cited = next((line for line in titles if years_in(line.text)), None)  # in a date or a decision line
        cell = cited.cell if cited else titles[0].cell if titles else cell_ref(self.plan.table.header_top, 0)
        title = (f"tiêu đề chỉ ghi năm {years_in(cited.text)[0]} trong dòng trích văn bản hoặc ngày tháng "
                 f"«{cited.text}» (ô {cell}), không phải năm của danh sách, còn {names} đều không ghi năm" if cited
                 else f"tiêu đề (từ ô {cell}), {names} đều không ghi năm nào" if titles
                 else f"phần trên bảng (không có tiêu đề), {names} đều không ghi năm nào")
        return (f"thiếu năm: trang không có cột «Năm», và {title}; hãy ghi năm vào tiêu đề (ví dụ «... NĂM 2024») "
                f"hoặc thêm cột «Năm», hoặc chọn năm khi tải lên.", cell)

    def read(self) -> None:
        first_role, first_member = len(self.written.roles), len(self.written.members)
        for row in range(self.plan.table.first_data_row, self.sheet.height):
            values = self.sheet.row_values(row)
            if all(is_blank(v) for v in values) or is_column_number_row(values) or self._repeated_header(row):
                continue
            if self._is_end(row):
                break
            if not self._starts_section(row) and not self._starts_subject(row):
                self._read_row(row)
        if len(self.written.members) > first_member:
            self._role_holders_are_members(self.written.roles[first_role:], first_member)

    def _repeated_header(self, row: int) -> bool:
        """The header again, as atop a new printed page."""
        return all(text_key(self.sheet.shown(row, index)) == label for index, label in self.header)

    def _is_end(self, row: int) -> bool:
        """Signatures and notes under the table: a row of nothing but 'TM. CỤM TRƯỞNG', 'Ghi chú:', a date
        line and such (a note column may say anything)."""
        filled = [value for column, value in enumerate(self.sheet.row_values(row))
                  if not is_blank(value) and column not in self.note_columns]
        if not filled:
            return False
        if all(END_OF_LIST.search(_words(value)) for value in filled):
            return True  # a signer's title alone ('CỤM TRƯỞNG') ends it only with no unit named under it
        return all(ends_table(value) for value in filled) and not self._units_under(row)

    def _units_under(self, row: int) -> bool:
        columns = self.plan.columns(*_HOLDER_KINDS, "unit")
        return any(not is_blank(self.sheet.shown(below, column))
                   for below in range(row + 1, self.sheet.height) for column in columns)

    def _starts_section(self, row: int) -> bool:
        """A row holding only 'I. Cụm thi đua ...' (and perhaps its number) starts that cluster's rows."""
        filled = [(column, _text(v)) for column, v in enumerate(self.sheet.row_values(row)) if not is_blank(v)]
        named = [(column, text) for column, text in filled if SECTION.match(_words(text))]
        if len(named) != 1 or any(not _NUMBERING.match(text) for column, text in filled if (column, text) not in named):
            return False
        column, text = named[0]
        self.carried["cluster"] = (_SECTION_NUMBER.sub("", text), cell_ref(row, column))
        return True

    def _starts_subject(self, row: int) -> bool:
        """A row holding only 'I. TẬP THỂ' or 'II. CÁ NHÂN' (and perhaps its number) starts the awards to
        collectives or to persons."""
        texts = [_words(v) for v in self.sheet.row_values(row) if not is_blank(v) and not _NUMBERING.match(_text(v))]
        subject = SUBJECT.match(texts[0]) if len(texts) == 1 else None
        if subject:
            self.among_individuals = subject.group(3) == "ca nhan"
        return bool(subject)

    def _not_to_a_member(self, row: int, unit: str) -> bool:
        """An award row for a person (under 'CÁ NHÂN', marked 'Cá nhân', or a person's name and post) or for
        an office of a member ('Phòng Công chức, viên chức - Sở Nội vụ tỉnh Cao Bằng'), not for the member."""
        marks = {_words(v) for v in self.sheet.row_values(row)} & {"ca nhan", "tap the"}
        if any(not is_blank(self.sheet.shown(row, column)) for column in self.plan.columns("person")):
            return True
        if marks:
            return marks == {"ca nhan"} or bool(PART_OF_A_MEMBER.search(_words(unit)))
        return (self.among_individuals or bool(PERSON.search(text_key(unit))) and not names_an_agency(unit)
                or bool(PART_OF_A_MEMBER.search(_words(unit))) or self.persons_listed and not names_an_agency(unit)
                and split_province(unit)[1] is None)

    def _value(self, row: int, column: int) -> tuple[str, str]:
        return _text(self.sheet.shown(row, column)), shown_ref(self.sheet, row, column)

    def _carried(self, row: int, kind: str, column: int | None) -> tuple[object, str | None]:
        """The row's cluster or year: its column's cell, a blank cell repeating the one above."""
        if column is not None and not is_blank(self.sheet.shown(row, column)):
            self.carried[kind] = self._value(row, column)
        elif column is not None and not self.carried[kind][0]:
            return "", shown_ref(self.sheet, row, column)
        return self.carried[kind]

    def _year(self, row: int) -> tuple[object, str | None]:
        elected = self.plan.first("elected")
        if elected is None:
            return self._carried(row, "year", self.plan.first("year"))
        value, cell = self._carried(row, "year", elected)
        year = year_value(value)
        return (year + 1 if year is not None else value), cell

    def _read_row(self, row: int) -> None:
        cluster, cluster_cell = self._carried(row, "cluster", self.plan.first("cluster"))
        year, year_cell = self._year(row)
        where = {"sheet": self.sheet.name, "cluster": with_organiser(cluster, self.titles) if cluster else cluster,
                 "cluster_cell": cluster_cell, "year": year, "year_cell": year_cell}
        if self.year_looked_for:
            where["year_looked_for"], where["year_cell"] = self.year_looked_for
        self._read_role_columns(row, where)
        for column in self.plan.unit_columns():
            year = self.plan.column_years.get(column)
            stated = {"year": year, "year_cell": shown_ref(self.sheet, self.plan.table.header_top, column)} if year else {}
            self._read_unit_row(row, {**where, **stated}, column)

    def _read_role_columns(self, row: int, where: dict) -> None:
        """Each unit a leader or deputy cell lists holds that role. The columns of one year stand together
        (a rotation table's, or 'Năm 2022 / Cụm trưởng | Cụm phó'): a year left blank says nothing; a blank
        leader cell beside a deputy is kept for the checks to report; a blank deputy cell is no deputy."""
        columns = self.plan.columns(*_HOLDER_KINDS)
        for year in dict.fromkeys(self.plan.column_years.get(column) for column in columns):
            same_year = [column for column in columns if self.plan.column_years.get(column) == year]
            if any(self._value(row, column)[0] for column in same_year):
                for column in same_year:
                    self._read_role_cell(row, column, where)

    def _listed(self, row: int, column: int) -> tuple[list[str], str]:
        """The units a cell lists (its line breaks kept for split_units), and the cell."""
        value = self.sheet.shown(row, column)
        return split_units(value if isinstance(value, str) else _text(value)), shown_ref(self.sheet, row, column)

    def _read_role_cell(self, row: int, column: int, where: dict) -> None:
        merged = self.sheet.merged_at(row, column)
        if merged is not None and merged.top != row:
            return  # a leader's cell merged down over the member rows names the leader once, on its first row
        units, unit_cell = self._listed(row, column)
        kind = self.plan.kinds[column]
        if not units and kind != "leader":
            return
        year = self.plan.column_years.get(column)
        stated = {"year": year, "year_cell": shown_ref(self.sheet, self.plan.table.header_top, column)} if year else {}
        header_cell = shown_ref(self.sheet, self.plan.table.header_bottom, column)
        for unit in units or [""]:
            if kind == "either":
                said = {"role": role_written_after(unit), "role_cell": unit_cell, "role_looked_for": (
                    f"tiêu đề nói cả {LEADER} lẫn {DEPUTY} nên cột {header_cell} không cho biết vai trò, và ô không ghi "
                    f"vai trò sau tên đơn vị")}
            elif role_of(role_written_after(unit)) not in (None, MEMBER, LEADER if kind == "leader" else DEPUTY):
                said = {"role": "", "role_cell": unit_cell, "role_looked_for": (
                    f"cột {header_cell} là cột {LEADER if kind == 'leader' else DEPUTY} nhưng ô ghi "
                    f"«{role_written_after(unit)}» sau tên đơn vị")}
            else:
                said = {"role": LEADER if kind == "leader" else DEPUTY, "role_cell": header_cell}
            self.written.roles.append({**where, **stated, **said, "unit": unit, "unit_cell": unit_cell})

    def _read_unit_row(self, row: int, where: dict, column: int) -> None:
        """Each unit the unit cell lists, with its role (a blank role or 'Thành viên' is a member; a member
        list may write the role after the name), or its awards, or both. Awards to persons are set aside."""
        units, unit_cell = self._listed(row, column)
        role_column, award_columns = self.plan.first("role"), self.plan.columns("award", "award_mark")
        role, role_cell = self._value(row, role_column) if role_column is not None else ("", None)
        awards = [(award, cell, self.plan.proposed[column] or bool(PROPOSED_WORDS.match(_words(award))))
                  for column in award_columns for award, cell in self._awards(row, column)]
        if self.plan.titled_award and units:
            awards.append(self.plan.titled_award)
        if not (units or role or awards):
            return
        if awards and self._not_to_a_member(row, self._value(row, column)[0]):
            self.written.set_aside.append((self.sheet.name, unit_cell))
            return
        roles_after_names = role_column is None and not self.plan.columns(*_HOLDER_KINDS)
        for unit in units or [""]:
            entry = {**where, "unit": unit, "unit_cell": unit_cell}
            said, said_cell = (role_written_after(unit), unit_cell) if roles_after_names else (role, role_cell)
            if role_of(said) != MEMBER:
                self.written.roles.append({**entry, "role": said, "role_cell": said_cell})
            elif role_column is not None or not (award_columns or self.plan.titled_award):
                self.written.members.append(entry)
            for award, award_cell, proposed in awards:
                self.written.awards.append({**entry, "award": award, "award_cell": award_cell, "proposed": proposed})

    def _awards(self, row: int, column: int) -> list[tuple[str, str]]:
        """The awards a cell names: its text, each award of several on the ladder ('Cờ thi đua của Chính phủ; Bằng
        khen ...'), or under an award's own column ('Cờ thi đua của Bộ Nội vụ') a mark ('x') for that award."""
        award, cell = self._value(row, column)
        if self.plan.kinds[column] == "award_mark" and AWARD_MARK.match(award.lower()):
            return [(clean_text(next(c.path[-1] for c in self.plan.table.columns if c.index == column)), cell)]
        pieces = [clean_text(piece) for piece in re.split(r"[;\n]", str(self.sheet.shown(row, column))) if clean_text(piece)]
        if len(pieces) > 1 and all(award_level(piece) != UNRANKED for piece in pieces):
            return [(piece, cell) for piece in pieces]
        return [(award, cell)] if award else []

    def _role_holders_are_members(self, roles: list[dict], first_member: int) -> None:
        """A sheet listing members lists them all: its leaders and deputies of those years are members too
        (implied: no warning when also listed)."""
        listed = {(member["cluster"], member["year"]) for member in self.written.members[first_member:]}
        self.written.members.extend({**{key: value for key, value in role.items() if not key.startswith("role")},
                                     "implied": True}
                                    for role in roles if (role["cluster"], role["year"]) in listed)


# ---------------------------------------------------------------- checks

_Where = tuple[str | None, str | None]  # sheet, cell


@dataclass
class _Row:
    """One row of a frame given to check_roster, and where its values are: the cells a workbook gave,
    else the frame's own grid (an editor's table read as a sheet with its header in row 1)."""
    position: int
    values: dict
    columns: list[str]

    def where(self, name: str) -> _Where:
        if "sheet" in self.values:
            cell = self.values.get(f"{name}_cell")
            return self.values["sheet"], cell if isinstance(cell, str) else None
        return None, cell_ref(self.position + 1, self.columns.index(name) if name in self.columns else 0)

    def text(self, name: str) -> str:
        return _text(self.values.get(name))


def _rows(frame: pd.DataFrame | None, required: list[str]) -> list[_Row]:
    if frame is None:
        return []
    columns = list(frame.columns)
    missing = [name for name in required if name not in columns]
    if missing:
        raise ValueError(f"check_roster: the frame lacks the columns {missing}")
    return [_Row(position, values, columns) for position, values in enumerate(frame.to_dict("records"))]


def cluster_name(written: object) -> str:
    """A cluster's name as shown: tidied, in running-text case, starting 'Cụm thi đua' (or 'Khối')."""
    name = display_case(clean_text(written))
    return name if re.match(r"^(cum|khoi)\b", cluster_key(name)) else f"Cụm thi đua {name}"


@dataclass
class _Entry:
    """A row whose cluster, year and unit are sound."""
    row: _Row
    cluster_id: str
    cluster: str
    year: int
    unit: Unit

    @property
    def where(self) -> _Where:
        return self.row.where("unit")

    def described(self) -> str:
        sheet, cell = self.where
        return " ".join(filter(None, [f"ô {cell}" if cell else None, f"trang «{sheet}»" if sheet else None]))

    def fields(self) -> dict:
        province = registry().resolve(self.unit.province) if self.unit.province else None
        sheet, cell = self.where
        return {"cluster_id": self.cluster_id, "cluster": self.cluster, "year": self.year, "unit": self.unit.name,
                "province_code": province.code if province else None, "province": self.unit.province,
                "sheet": sheet, "cell": cell}


class _Checker:
    def __init__(self, file_name: str, rows: list[_Row]):
        self.file_name = file_name
        self.problems: list[Problem] = []
        self.reported: set[Problem] = set()
        names: dict[str, str] = {}
        units: dict[str, list[str]] = {}
        for row in rows:
            if row.text("cluster"):
                key = cluster_key(cluster_name(row.text("cluster")))
                names.setdefault(key, cluster_name(row.text("cluster")))
                units.setdefault(key, []).append(row.text("unit"))
        self.names = names
        self.memberships = {key: membership(names[key], units[key]) for key in names}
        self.unit_names: dict[tuple[str, str], str] = {}  # one name per unit in a file: the first spelling

    def error(self, message: str, where: _Where) -> None:
        """Reports a problem once, however many rows share it (a year no sheet states)."""
        problem = Problem(message, self.file_name, *where)
        if problem not in self.reported:
            self.reported.add(problem)
            self.problems.append(problem)

    def warn(self, message: str, where: _Where) -> None:
        self.problems.append(Problem(message, self.file_name, *where, severity="warning"))

    def entry(self, row: _Row, subject: str = "") -> _Entry | None:
        """The row's cluster, year and unit, each reported where it is wrong."""
        key = cluster_key(cluster_name(row.text("cluster"))) if row.text("cluster") else None
        if key is None:
            self.error("không biết dòng này thuộc cụm thi đua nào: hãy ghi tên cụm ở cột «Cụm thi đua» hoặc ở "
                       "tiêu đề, hoặc chọn cụm.", row.where("cluster"))
        year = self._year(row)
        unit = self._unit(row, key, year, subject)
        if key is None or year is None or unit is None:
            return None
        return _Entry(row, cluster_slug(self.names[key]), self.names[key], year, unit)

    def _year(self, row: _Row) -> int | None:
        last = date.today().year + 1
        value = row.values.get("year")
        year = year_value(value)
        looked_for = row.values.get("year_looked_for")
        if is_blank(value) and isinstance(looked_for, str):
            self.error(looked_for, row.where("year"))
        elif is_blank(value):
            self.error("thiếu năm: hãy ghi năm ở cột «Năm» hoặc ở tiêu đề, hoặc chọn năm.", row.where("year"))
        elif year is None and len(set(years_in(row.text("year")))) > 1:
            self.error(f"«{row.text('year')}» ghi nhiều năm: mỗi dòng chỉ ghi một năm (nhiệm kỳ hai năm thì ghi hai dòng, "
                       f"mỗi năm một dòng).", row.where("year"))
        elif year is None:
            self.error(f"năm «{row.text('year')}» không đọc được: hãy ghi năm bằng bốn chữ số (ví dụ 2022).",
                       row.where("year"))
        elif not FIRST_YEAR <= year <= last:
            self.error(f"năm {year} nằm ngoài khoảng {FIRST_YEAR}–{last}.", row.where("year"))
        else:
            return year
        return None

    def _unit(self, row: _Row, key: str | None, year: int | None, subject: str) -> Unit | None:
        written = row.text("unit")
        if not written:
            self.error(f"thiếu tên đơn vị{subject}.", row.where("unit"))
            return None
        if key is None:
            return None
        if self.memberships[key].kind == "agencies" and names_a_person(written):
            led = unit_after_post(written)
            if led is None or not names_an_agency(led):
                self.error(f"«{written}» là tên một người, không phải tên đơn vị: hãy ghi tên cơ quan, đơn vị "
                           "(ví dụ «Sở Tài chính»).", row.where("unit"))
                return None
            written = led
        unit = self.memberships[key].unit(written, year)
        if self.memberships[key].kind == "provinces" and unit.province is None:
            close = registry().suggest(written)
            hint = (f" Có phải: {', '.join(close)}?" if close
                    else " Hãy ghi tên tỉnh, thành phố (ví dụ «Sở Nội vụ tỉnh Lạng Sơn» hoặc «Lạng Sơn»).")
            self.error(f"«{written}» không phải tên một tỉnh, thành phố, mà «{self.names[key]}» là cụm của các "
                       f"tỉnh.{hint}", row.where("unit"))
            return None
        return Unit(self.unit_names.setdefault((key, unit.key), unit.name), unit.key, unit.province)


def _checked_roles(checker: _Checker, rows: list[_Row]) -> list[dict]:
    """Roles are Cụm trưởng or Cụm phó; one Cụm trưởng per cluster and year; one role per unit."""
    kept: list[dict] = []
    held: dict[tuple, _Entry] = {}
    leaders: dict[tuple, _Entry] = {}
    for row in rows:
        role = role_of(row.values.get("role"))
        looked_for = row.values.get("role_looked_for")
        if role not in (LEADER, DEPUTY) and isinstance(looked_for, str) and not row.text("role"):
            checker.error(f"không phân biệt được {LEADER} với {DEPUTY}: {looked_for}. Hãy ghi vai trò sau tên "
                          f"(ví dụ «Lạng Sơn ({LEADER})») hoặc tách thành hai bảng «{LEADER}» và «{DEPUTY}».",
                          row.where("role"))
            continue
        if role not in (LEADER, DEPUTY):
            said = f"vai trò «{row.text('role')}» không rõ" if row.text("role") else "thiếu vai trò"
            checker.error(f"{said}: hãy ghi «{LEADER}» hoặc «{DEPUTY}» (đơn vị thành viên: «{MEMBER}»).",
                          row.where("role"))
            continue
        entry = checker.entry(row, f" {role}")
        if entry is None:
            continue
        scope = f"cụm «{entry.cluster}» năm {entry.year}"
        earlier = held.setdefault((entry.cluster_id, entry.year, entry.unit.key), entry)
        if earlier is not entry:
            was = role_of(earlier.row.values.get("role"))
            said = f"được ghi hai lần là {role}" if was == role else f"vừa là {was} vừa là {role}"
            checker.error(f"«{entry.unit.name}» {said} của {scope} (lần đầu ở {earlier.described()}).", entry.where)
            continue
        first = leaders.setdefault((entry.cluster_id, entry.year), entry) if role == LEADER else entry
        if first is not entry:
            checker.error(f"{scope} có hai Cụm trưởng: «{first.unit.name}» ({first.described()}) và "
                          f"«{entry.unit.name}».", entry.where)
            continue
        kept.append({**entry.fields(), "role": role})
    return kept


def _is_true(value: object) -> bool:
    return not is_blank(value) and bool(value)


def _checked_members(checker: _Checker, rows: list[_Row]) -> list[dict]:
    """A unit listed twice in a cluster's year counts once."""
    kept: list[dict] = []
    seen: dict[tuple, _Entry] = {}
    for row in rows:
        entry = checker.entry(row)
        if entry is None:
            continue
        first = seen.setdefault((entry.cluster_id, entry.year, entry.unit.key), entry)
        if first is entry:
            kept.append(entry.fields())
        elif first.where != entry.where and not _is_true(row.values.get("implied")):
            checker.warn(f"«{entry.unit.name}» có hai lần trong danh sách thành viên cụm «{entry.cluster}» năm "
                         f"{entry.year} (lần đầu ở {first.described()}); chỉ tính một lần.", entry.where)
    return kept


def _checked_awards(checker: _Checker, rows: list[_Row]) -> list[dict]:
    """Every award names its unit and its kind; a kind off the ladder is kept, with a warning. An award's cell
    is the award's, not its unit's."""
    kept: list[dict] = []
    seen: set[tuple] = set()
    for row in rows:
        award = row.text("award")
        if not award:
            checker.error("thiếu hình thức khen thưởng.", row.where("award"))
        entry = checker.entry(row)
        if entry is None or not award:
            continue
        level = award_level(award)
        if level == UNRANKED:
            ladder = "; ".join(name for name, _ in LADDER)
            checker.warn(f"«{award}» không có trong thang khen thưởng tập thể ({ladder}); vẫn ghi nhận, xếp sau "
                         f"các hình thức ấy.", row.where("award"))
        proposed = _is_true(row.values.get("proposed"))
        key = (entry.cluster_id, entry.year, entry.unit.key, text_key(award), proposed)
        if key not in seen:
            seen.add(key)
            kept.append({**entry.fields(), "award": award, "level": level, "proposed": proposed,
                         "cell": row.where("award")[1]})
    return kept


# ---------------------------------------------------------------- results

_FIELDS = ["cluster_id", "cluster", "year", "unit", "province_code", "province", "sheet", "cell"]
ROLE_FIELDS = _FIELDS[:4] + ["role"] + _FIELDS[4:]
MEMBER_FIELDS = _FIELDS
AWARD_FIELDS = _FIELDS[:4] + ["award", "level", "proposed"] + _FIELDS[4:]
_TYPES = {"year": "int64", "level": "int64", "proposed": "bool"}


def _frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=columns)
    return frame.astype({name: kind for name, kind in _TYPES.items() if name in columns}).astype(
        {name: "object" for name in columns if name not in _TYPES})


def _span(years: list[int]) -> str:
    """'2019–2024' for consecutive years, else '2019, 2021'."""
    if not years:
        return ""
    if years == list(range(years[0], years[-1] + 1)) and len(years) > 1:
        return f"{years[0]}–{years[-1]}"
    return ", ".join(str(year) for year in years)


@dataclass
class RosterResult:
    file_name: str
    clusters: pd.DataFrame      # cluster_id, name, kind (provinces | agencies)
    roles: pd.DataFrame         # ROLE_FIELDS: one row per cluster, year and role holder
    members: pd.DataFrame       # MEMBER_FIELDS
    awards: pd.DataFrame        # AWARD_FIELDS: level on the award ladder, proposed or decided
    problems: list[Problem]     # errors and warnings, in the order found

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def rows(self) -> int:
        return len(self.roles) + len(self.members) + len(self.awards)

    @property
    def years(self) -> list[int]:
        return sorted({int(y) for frame in (self.roles, self.members, self.awards) for y in frame["year"]})

    @property
    def scope(self) -> str:
        """What the file covers, for the upload history: '«Cụm thi đua ...», 2022' or '5 cụm, 2019–2024'."""
        names = list(self.clusters["name"])
        clusters = f"«{names[0]}»" if len(names) == 1 else f"{len(names)} cụm"
        return f"{clusters}, {_span(self.years)}" if self.years else clusters


def check_roster(file_name: str, roles: pd.DataFrame | None = None, members: pd.DataFrame | None = None,
                 awards: pd.DataFrame | None = None) -> RosterResult:
    """Checks rows as written (ROLE_COLUMNS, MEMBER_COLUMNS, AWARD_COLUMNS; optional 'sheet' and
    '<column>_cell' columns say where each value came from) and gives them as they will be stored:
    one name per unit (units.membership), role words and years read. Problems name the cell: the
    given one, else the frame's own grid with its header as row 1."""
    role_rows, member_rows, award_rows = (_rows(roles, ROLE_COLUMNS), _rows(members, MEMBER_COLUMNS),
                                          _rows(awards, AWARD_COLUMNS))
    checker = _Checker(file_name, role_rows + member_rows + award_rows)
    checked = (_checked_roles(checker, role_rows), _checked_members(checker, member_rows),
               _checked_awards(checker, award_rows))
    used = {row["cluster_id"] for rows in checked for row in rows}
    clusters = pd.DataFrame([{"cluster_id": cluster_slug(name), "name": name, "kind": checker.memberships[key].kind}
                             for key, name in checker.names.items() if cluster_slug(name) in used],
                            columns=["cluster_id", "name", "kind"])
    return RosterResult(file_name, clusters, _frame(checked[0], ROLE_FIELDS), _frame(checked[1], MEMBER_FIELDS),
                        _frame(checked[2], AWARD_FIELDS), checker.problems)


def _awards_set_aside(set_aside: list[tuple[str, str]], file_name: str) -> list[Problem]:
    """One warning per sheet for the awards to persons or offices it lists, which a roster does not keep."""
    cells: dict[str, list[str]] = {}
    for sheet, cell in set_aside:
        cells.setdefault(sheet, []).append(cell)
    return [Problem(f"bỏ qua {len(found)} dòng khen thưởng cá nhân hoặc phòng, ban trực thuộc (ô {', '.join(found[:5])}"
                    f"{', ...' if len(found) > 5 else ''}): danh sách Cụm chỉ ghi khen thưởng của các đơn vị thành viên.",
                    file_name, sheet, found[0], severity="warning") for sheet, found in cells.items()]


def _votes_without_result(plan: _Plan, file_name: str) -> Problem:
    """A vote count from which no role was read: the units it lists are candidates, and who won it does not say."""
    votes = next(column for column in plan.table.columns if plan.kinds[column.index] == "votes")
    return Problem(f"bảng ghi số phiếu bầu (cột «{votes.label}») nhưng không có cột cho biết "
                   f"đơn vị nào được bầu; hãy thêm cột «Kết quả» ghi «{LEADER}» hoặc «{DEPUTY}» cho đơn vị trúng cử.",
                   file_name, plan.sheet.name, shown_ref(plan.sheet, plan.table.header_bottom, votes.index))


def _plans(sheets: list[Sheet]) -> list[_Plan]:
    return [plan for plan in map(_plan, sheets) if plan is not None and _names_a_roster(plan)]


def looks_like_roster(sheets: list[Sheet]) -> bool:
    """Some sheet holds a roster table: leader or deputy columns, or units with roles, awards, or a
    cluster named in a column, the title or the sheet name; and no score columns."""
    return bool(_plans(sheets))


def read_roster(source: Path | bytes | list[Sheet], file_name: str, cluster: str | None = None,
                year: int | None = None) -> RosterResult:
    """Every role, member and award a roster file lists; raises Refused with every error found (file,
    sheet and cell named), or returns the result with its warnings. cluster and year are used for
    sheets that do not say them."""
    sheets, loading_warnings = sheets_of(source, file_name)
    plans = _plans(sheets)
    if not plans:
        raise Refused([Problem(f"không tìm thấy danh sách Cụm thi đua trong trang nào: cần {LOOKED_FOR}.", file_name)])
    written = _Written()
    for plan in plans:
        _SheetReader(plan, file_name, cluster, year, written).read()
    elected_on = {role["sheet"] for role in written.roles}
    unelected = [_votes_without_result(plan, file_name) for plan in plans
                 if plan.columns("votes") and plan.sheet.name not in elected_on]
    result = check_roster(file_name, *(pd.DataFrame(rows) if rows else None
                                       for rows in (written.roles, written.members, written.awards)))
    skipped = [sheet.name for sheet in sheets
               if not sheet.is_empty() and sheet.name not in {plan.sheet.name for plan in plans}]
    result.problems[:0] = loading_warnings + unelected
    result.problems += [Problem(f"trang không có danh sách Cụm ({LOOKED_FOR}); bỏ qua.", file_name, name,
                                severity="warning") for name in skipped]
    result.problems += _awards_set_aside(written.set_aside, file_name)
    if not result.rows and not result.errors:
        persons = _awards_set_aside(written.set_aside, file_name)[:1]
        result.problems += [replace(p, message=f"{p.message} Không còn dòng nào để nhập.", severity="error")
                            for p in persons] or [Problem("danh sách không có dòng nào có tên đơn vị.", file_name)]
    if result.errors:
        raise Refused(result.errors)
    return result
