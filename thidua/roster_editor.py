"""One cluster's roster edited in the app: leaders and deputies, members, awards. The edited tables
are checked by the rules a roster workbook meets (readers.roster.check_roster) and recorded as an
upload, like a file, holding only the (cluster, year) lists that changed: those replace what was in
force for those years and every other year stays as uploaded.
"""
from __future__ import annotations

import dataclasses
import math
import re
from dataclasses import dataclass

import pandas as pd

from thidua.ingest import Reading, content_hash
from thidua.provenance import EDITOR_FILE_NAME
from thidua.io.cells import is_blank
from thidua.readers.problems import Problem, Refused, cell_ref
from thidua.readers.roster import RosterResult, check_roster


@dataclass(frozen=True)
class Table:
    kind: str                # the check_roster argument: roles, members or awards
    title: str               # shown over the editor and in problems, as a sheet's name is
    labels: dict[str, str]   # field -> column label, in the editor's column order


ROLES = Table("roles", "Cụm trưởng, Cụm phó", {"year": "Năm", "role": "Vai trò", "unit": "Đơn vị"})
MEMBERS = Table("members", "Thành viên", {"year": "Năm", "unit": "Đơn vị"})
AWARDS = Table("awards", "Khen thưởng", {"year": "Năm", "unit": "Đơn vị", "award": "Hình thức khen thưởng",
                                          "proposed": "Đề nghị"})
TABLES = (ROLES, MEMBERS, AWARDS)


class NoChange(Exception):
    """The edited tables hold what is already in force."""


def shown(table: Table, frame: pd.DataFrame) -> pd.DataFrame:
    """A named result's rows (leader_history, roster_members, roster_awards) as the editor shows them."""
    return frame[list(table.labels)].rename(columns=table.labels).reset_index(drop=True)


def _value_key(value: object) -> str:
    if is_blank(value) or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return re.sub(r"\s+", " ", str(value)).strip()


def _rows_by_year(frame: pd.DataFrame) -> dict[str, list[tuple[str, ...]]]:
    """Each year's rows as sorted text tuples, rows left blank aside: two tables hold the same lists
    when these are equal."""
    years: dict[str, list[tuple[str, ...]]] = {}
    for row in frame.itertuples(index=False):
        values = tuple(_value_key(value) for value in row)
        if not _blank(values):
            years.setdefault(values[0], []).append(values)
    return {year: sorted(rows) for year, rows in years.items()}


def _blank(values) -> bool:
    """A row the editor added and left empty (an unticked box is empty too)."""
    return all(_value_key(value) in ("", "False") for value in values)


def _for_checking(table: Table, cluster: str, edited: pd.DataFrame) -> pd.DataFrame:
    """The edited rows as check_roster takes them: fields, the cluster, and each value's place in the
    editor's grid (its header as row 1); rows left wholly blank are dropped."""
    fields = edited.rename(columns={label: field for field, label in table.labels.items()})
    fields = fields.assign(cluster=cluster, sheet=table.title)
    for column, field in enumerate(table.labels):
        fields[f"{field}_cell"] = [cell_ref(position + 1, column) for position in range(len(fields))]
    return fields[[not _blank(row) for row in edited.itertuples(index=False)]]


def describe(problem: Problem) -> str:
    """A problem in the editor's words: 'Bảng «Cụm trưởng, Cụm phó», dòng 2, cột «Vai trò»: ...', the
    cells a message mentions ('ô C2 trang «...»') said as rows too."""
    table = _table_titled(problem.sheet)
    if table is None:
        return str(problem)
    message = re.sub(r"ô ([A-Z]+)(\d+) trang «([^»]*)»",
                     lambda cell: f"dòng {int(cell.group(2)) - 1} bảng «{cell.group(3)}»", problem.message)
    return f"Bảng «{table.title}»{_row_and_column(table, problem.cell)}: {message}"


def _table_titled(title: str | None) -> Table | None:
    return next((table for table in TABLES if table.title == title), None)


def _row_and_column(table: Table, cell: str | None) -> str:
    """', dòng 2, cột «Vai trò»' for the cell B3 of the editor's grid (its header is row 1)."""
    match = re.fullmatch(r"([A-Z])(\d+)", cell or "")
    if match is None:
        return ""
    labels = list(table.labels.values())
    column = ord(match.group(1)) - ord("A")
    return f", dòng {int(match.group(2)) - 1}" + (f", cột «{labels[column]}»" if column < len(labels) else "")


def edited_reading(cluster: str, edits: dict[str, tuple[pd.DataFrame, pd.DataFrame]], based_on: str) -> Reading:
    """The upload an editor save makes. edits: table kind -> (the table as shown before editing, as
    edited). based_on: the data version the edit started from, part of the digest, so the same edit
    saved twice is written once while the same content saved again after a later change is not
    mistaken for the first save. Raises NoChange, or Refused with every problem found."""
    changed_years: dict[str, set[str]] = {}
    problems: list[Problem] = []
    for table in TABLES:
        if table.kind not in edits:
            continue
        before, after = map(_rows_by_year, edits[table.kind])
        changed = {year for year in before.keys() | after.keys() if before.get(year) != after.get(year)}
        for year in sorted(changed - after.keys()):
            problems.append(Problem(
                f"năm {year} không còn dòng nào. Muốn bỏ hẳn danh sách của một năm, hãy hủy lần nhập đã ghi "
                "năm ấy trong lịch sử nhập.", EDITOR_FILE_NAME, table.title))
        if changed:
            changed_years[table.kind] = changed
    if problems:
        raise Refused(problems)
    if not changed_years:
        raise NoChange()
    frames = {table.kind: _for_checking(table, cluster, edits[table.kind][1])
              for table in TABLES if table.kind in changed_years}
    result = check_roster(EDITOR_FILE_NAME, frames.get("roles"), frames.get("members"), frames.get("awards"))
    if result.errors:
        raise Refused(result.errors)
    result = _only_changed_years(result, changed_years)
    content = "\n".join(frame.drop(columns=["sheet", "cell"]).to_csv(index=False)
                        for frame in (result.roles, result.members, result.awards))
    digest = content_hash(f"{based_on}\n{cluster}\n{content}".encode("utf-8"))
    return Reading(EDITOR_FILE_NAME, "roster", result.scope, result.rows, digest, result, result.warnings)


def _only_changed_years(result: RosterResult, changed_years: dict[str, set[str]]) -> RosterResult:
    def kept(kind: str) -> pd.DataFrame:
        frame = getattr(result, kind)
        return frame[frame.year.astype(str).isin(changed_years.get(kind, set()))].reset_index(drop=True)

    return dataclasses.replace(result, roles=kept("roles"), members=kept("members"), awards=kept("awards"))
