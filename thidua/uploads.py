"""The upload page's work, without Streamlit: a preview of what a file would write (with a
person's corrections), the history of uploads, and undo.

Undo writes no deletes: the upload is marked 'undone', its rows stop counting, and the views
that pick the newest active upload per year and cluster bring back whatever it had replaced.
"""
from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd
from openpyxl.utils import get_column_letter

from thidua.changes import Changes, change_of, uploads
from thidua.db import Database
from thidua.ingest import (KIND_LABELS, KINDS, Reading, detect_kind, read_sheets, read_upload, reading_options,
                           write_reading)
from thidua.readers.par import ColumnChoice
from thidua.readers.problems import Problem, Refused
from thidua.readers.scoring import PERIODS

CORRECTABLE = ("year", "cluster", "period")
GRID_ROWS, GRID_COLUMNS = 30, 40
REHEARSED_UPLOAD = 2**31 - 1  # the number a rehearsed upload takes: above every real one, so it is the newest
_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Corrections:
    """What a person set on the preview; None keeps what the file says."""
    kind: str | None = None
    year: int | None = None
    cluster: str | None = None
    period: str | None = None
    columns: ColumnChoice | None = None
    index: str | None = None  # the provincial index of a table that does not name one (kinds.index.INDICES)


@dataclass
class Preview:
    """One file read with its corrections, before anything is written."""
    file_name: str
    kind: str | None                                          # chosen, else detected; None when unknown
    reading: Reading | None                                   # None when the file is refused
    problems: list[Problem] = field(default_factory=list)     # the errors that refuse it, or its warnings

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]


def preview_file(data: bytes, file_name: str, corrections: Corrections = Corrections()) -> Preview:
    """Reads a file as it would be written; never raises for what the file holds."""
    try:
        reading = read_upload(data, file_name, kind=corrections.kind, year=corrections.year,
                              cluster=corrections.cluster, period=corrections.period, corrected=True,
                              columns=corrections.columns, index=corrections.index)
    except Refused as refusal:
        return Preview(file_name, corrections.kind or _detected_kind(data, file_name), None, refusal.problems)
    except Exception:  # a reader's fault must not take the page down: the file is refused and the fault logged
        _log.exception("reading %s failed", file_name)
        return Preview(file_name, corrections.kind, None, [Problem(
            "lỗi ngoài dự kiến khi đọc tệp (lỗi của chương trình, không phải của tệp); tệp chưa được nhập. "
            "Hãy gửi tệp cho người quản trị.", file_name)])
    return Preview(file_name, reading.kind, reading, reading.warnings)


def _detected_kind(data: bytes, file_name: str) -> str | None:
    try:
        return detect_kind(data, file_name)
    except Refused:
        return None


def correctable(kind: str | None) -> list[str]:
    """Which of year, cluster and period a person may set for a kind (all, while the kind is unknown)."""
    if kind not in KINDS:
        return list(CORRECTABLE)
    return [name for name in CORRECTABLE if name in reading_options(kind)]


def corrections_replace(kind: str | None) -> bool:
    """Whether a correction replaces what the file states (else it only fills in what the file leaves out)."""
    return kind in KINDS and "corrected" in reading_options(kind)


def maps_columns(kind: str | None) -> bool:
    """Whether a person may point out the table's columns for this kind (or while it is unknown)."""
    return kind is None or (kind in KINDS and "columns" in reading_options(kind))


@dataclass(frozen=True)
class Detected:
    year: int | None
    cluster: str | None
    period: str | None


def detected(reading: Reading) -> Detected:
    """The year, cluster and period a reading covers, where it covers exactly one."""
    result = reading.result
    years = getattr(result, "years", None)
    year = getattr(result, "year", None) or (years[0] if years and len(years) == 1 else None)
    cluster = getattr(result, "cluster", None)
    clusters = getattr(result, "clusters", None)
    if isinstance(clusters, pd.DataFrame) and len(clusters) == 1:
        cluster = clusters["name"].iloc[0]
    return Detected(year, cluster if isinstance(cluster, str) else None, getattr(result, "period", None))


def result_tables(reading: Reading) -> dict[str, pd.DataFrame]:
    """Every non-empty table a reading would write, by the reader's name for it; a reading of several
    parts (a mid-year and a year-end table) shows each table of every part, marked with its year and period."""
    parts = getattr(reading.result, "parts", [reading.result])
    tables = {}
    for name, value in vars(reading.result).items():
        if not isinstance(value, pd.DataFrame):
            continue
        frames = [getattr(part, name) for part in parts]
        if len(parts) > 1:
            frames = [frame.assign(year=part.year, period=PERIODS[part.period]) for frame, part in zip(frames, parts)]
        table = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
        if not table.empty:
            tables[name] = table
    return tables


def sheet_grids(data: bytes, file_name: str, rows: int = GRID_ROWS) -> dict[str, pd.DataFrame]:
    """The first rows and columns of every sheet as Excel shows them (columns A, B, ...; rows from 1),
    for pointing out columns. Raises Refused for a file that cannot be opened."""
    grids = {}
    for sheet in read_sheets(data, file_name):
        width = min(sheet.width, GRID_COLUMNS)
        shown = [[_as_shown(value) for value in sheet.row_values(row)[:width]] for row in range(min(rows, sheet.height))]
        grids[sheet.name] = pd.DataFrame(shown, columns=[get_column_letter(c + 1) for c in range(width)],
                                         index=range(1, len(shown) + 1))
    return grids


def _as_shown(value: object) -> str:
    """A cell as Excel shows it: whole numbers without '.0'."""
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


@dataclass(frozen=True)
class EarlierUpload:
    upload_id: int
    file_name: str
    uploaded_at: pd.Timestamp


def earlier_upload(db: Database, reading: Reading) -> EarlierUpload | None:
    """The active upload that already holds this content for the same scope, if any."""
    found = db.query("write/find_upload", content_hash=reading.digest, kind=reading.kind, scope=reading.scope)
    if found.empty:
        return None
    row = found.iloc[0]
    return EarlierUpload(int(row.upload_id), str(row.file_name), row.uploaded_at)


class NotUndoable(ValueError):
    """The upload does not exist or was undone already; the message is Vietnamese."""


@dataclass(frozen=True)
class Undone:
    upload_id: int
    file_name: str
    kind: str
    scope: str
    restored: list[EarlierUpload]   # earlier uploads whose figures stand again where this one's stood

    def summary(self) -> str:
        line = (f"Đã hoàn tác lần nhập số {self.upload_id} (tệp «{self.file_name}», "
                f"{KIND_LABELS.get(self.kind, self.kind)} {self.scope}): số liệu của lần nhập này không còn được dùng.")
        if self.restored:
            uploads = "; ".join(f"lần nhập số {u.upload_id} (tệp «{u.file_name}»)" for u in self.restored)
            line += f" Số liệu đang dùng lại cho phạm vi này: {uploads}."
        return line


def history(db: Database) -> pd.DataFrame:
    return db.query("upload_history")


def undo_upload(db: Database, upload_id: int, undone_by: str) -> Undone:
    """Undoes an active upload in one transaction, recording who did it."""
    with db.transaction() as writer:
        undone = writer.run("write/undo_upload", upload_id=upload_id, undone_by=undone_by)
    if undone.empty:
        raise NotUndoable(f"lần nhập số {upload_id} không tồn tại hoặc đã được hoàn tác trước đó.")
    row = undone.iloc[0]
    restored = db.query("restored_uploads", upload_id=upload_id)
    return Undone(upload_id, str(row.file_name), str(row.kind), str(row.scope),
                  [EarlierUpload(int(r.upload_id), str(r.file_name), r.uploaded_at) for r in restored.itertuples()])


# ---------------------------------------------------------------- what an upload or an undo changes

def preview_changes(db: Database, reading: Reading) -> Changes:
    """What writing the reading would change in the figures in force: it is written in a transaction
    that is rolled back, and the figures are read before and after."""
    with db.rehearsal() as writer:
        _, changes = write_reading(writer, reading, "", upload_id=REHEARSED_UPLOAD)
    return changes


def undo_changes(db: Database, upload_id: int) -> Changes:
    """What undoing an upload would change (brought: the uploads whose figures stand again), rehearsed as
    preview_changes is."""
    with db.rehearsal() as writer:
        coverage = writer.run("upload_coverage", upload=upload_id)
        _, changes = change_of(writer, coverage,
                               lambda: writer.run("write/undo_upload", upload_id=upload_id, undone_by=""))
        return dataclasses.replace(changes, brought=uploads(writer.run("restored_uploads", upload_id=upload_id)))


def recorded_changes(query: Callable[..., pd.DataFrame], upload_id: int) -> Changes:
    """What an upload changed when it was written, as recorded then. query: Database.query or the pages'
    cached results."""
    replaced = query("upload_replaced", upload=upload_id)
    return Changes(uploads(replaced), query("upload_changes", upload=upload_id))


SUBJECTS_NAMED = 12  # provinces or units named in a line of the change summary; the rest are counted


def replaced_line(changes: Changes) -> str:
    """Which uploads in force it replaces (number, date, who), in one line."""
    if not changes.replaced:
        return "Thay thế: không lần nhập nào (chưa có số liệu đang dùng cho phạm vi này)."
    return "Thay thế số liệu đang dùng của " + "; ".join(upload.phrase() for upload in changes.replaced) + "."


def change_summary(changes: Changes) -> list[str]:
    """The changes in a few lines: how many provinces or units change, which appear and which leave."""
    if changes.nothing:
        return ["Số liệu đang dùng: không thay đổi gì."]
    lines = []
    staying = changes.changed[["scope", "subject"]].drop_duplicates()
    if len(staying):
        lines.append(f"Thay đổi số liệu: {len(staying)} tỉnh, đơn vị (trước → sau ở bảng dưới).")
    for label, subjects in (("Xuất hiện mới", changes.appearing), ("Không còn", changes.leaving)):
        for scope, named in subjects.groupby("scope", sort=False).subject:
            names = ", ".join(named.iloc[:SUBJECTS_NAMED])
            rest = len(named) - SUBJECTS_NAMED
            lines.append(f"{label} ({scope}, {len(named)}): {names}" + (f" và {rest} khác." if rest > 0 else "."))
    return lines


def change_table(changes: Changes, before: str = "Trước", after: str = "Sau") -> pd.DataFrame:
    """The figures that change for provinces or units there before and after, with Vietnamese headers."""
    changed = changes.changed
    return pd.DataFrame({"Phạm vi": changed.scope, "Tỉnh, đơn vị": changed.subject, "Số liệu": changed.figure,
                         before: changed.before.fillna("–"), after: changed.after.fillna("–")})
