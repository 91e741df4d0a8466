"""Validate, then write one upload in one transaction, and keep the upload history.

A file is read completely (read_upload) before anything is written (write_upload); a refused
file writes nothing. Every file from outside is read in a worker process under operating-system
limits (thidua.io.isolated): a file that exhausts memory or crashes the Excel reader is refused, and
the caller goes on. The same content uploaded twice is recognised by its hash and not written
again. Each kind of file has a reader in thidua/readers and a writer here.
"""
from __future__ import annotations

import hashlib
import inspect
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from itertools import islice
from pathlib import Path
from typing import Callable, Iterable, Iterator

import numpy as np
import pandas as pd

from thidua.changes import Changes, change_of, reading_coverage
from thidua.db import Database, DatabaseUnwritable, Writer
from thidua.io import isolated
from thidua.provinces import registry
from thidua.readers.par import ParResult, looks_like_par, read_par
from thidua.readers.problems import Problem, Refused
from thidua.readers.roster import RosterResult, looks_like_roster, read_roster
from thidua.readers.scoring import PERIODS, ScoringResult, looks_like_scoring, read_scoring
from thidua.readers.units import cluster_slug
from thidua.io.workbook import Sheet, Sheets, load_sheets
from thidua.untrusted import cleaned_reading

KIND_LABELS = {"par": "Chỉ số CCHC (PAR Index)", "index": "Chỉ số cấp tỉnh", "scoring": "Bảng chấm điểm thi đua",
               "roster": "Danh sách Cụm"}


@dataclass
class Reading:
    """What one file says, read and checked, before anything is written."""
    file_name: str
    kind: str
    scope: str          # what it covers, e.g. "2021" or "2020,2021"
    rows: int
    digest: str
    result: object      # the reader's result (ParResult, ...)
    warnings: list[Problem] = field(default_factory=list)


@dataclass
class IngestOutcome:
    file_name: str
    kind: str
    scope: str
    rows: int
    upload_id: int | None = None
    already_uploaded_as: int | None = None  # the earlier upload holding the same content
    changes: Changes | None = None          # what it changed in the figures in force, once written
    warnings: list[Problem] = field(default_factory=list)

    def summary(self) -> str:
        """One line for the command line and the upload page, in Vietnamese."""
        if self.already_uploaded_as is not None:
            return (f"{self.file_name}: đã nhập trước đó (lần nhập số {self.already_uploaded_as}), "
                    "không ghi lại")
        line = f"{self.file_name}: {KIND_LABELS[self.kind]} {self.scope}, {self.rows} dòng"
        if self.warnings:
            line += f", {len(self.warnings)} cảnh báo"
        return line


@dataclass(frozen=True)
class Kind:
    looks_like: Callable[[list[Sheet]], bool]
    read: Callable[..., Reading]
    write: Callable[[Writer, object, int], None]


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def par_reading(result: ParResult, digest: str) -> Reading:
    """A file with PAR Index rows is of kind par (other indices beside them included); one holding only
    other indices (PCI, PAPI, DTI, SIPAS alone) is of kind index."""
    kind = "par" if result.years else "index"
    return Reading(result.file_name, kind, result.scope, result.rows, digest, result, result.warnings)


def _read_par(sheets: list[Sheet], file_name: str, digest: str, *, year=None, corrected=False, columns=None,
              index=None) -> Reading:
    result = read_par(sheets, file_name, year=year, year_wins=corrected, columns=columns, index=index)
    return par_reading(result, digest)


def _write_par(writer: Writer, result: ParResult, upload_id: int) -> None:
    writer.insert("write/insert_par_scores", result.scores, upload_id=upload_id)
    writer.insert("write/insert_par_components", result.components, upload_id=upload_id)
    if not result.index_scores.empty:
        writer.insert("write/insert_index_scores", result.index_scores, upload_id=upload_id)
        writer.insert("write/insert_index_components", result.index_components, upload_id=upload_id)


def _detected_as_par(sheets: list[Sheet]) -> bool:
    """Never: a table of any index is detected as par, and read as the index it names."""
    return False


def _read_roster(sheets: list[Sheet], file_name: str, digest: str, *, year=None, cluster=None, **_) -> Reading:
    result = read_roster(sheets, file_name, cluster=cluster, year=year)
    return Reading(file_name, "roster", result.scope, result.rows, digest, result, result.warnings)


def _write_roster(writer: Writer, result: RosterResult, upload_id: int) -> None:
    for cluster in result.clusters.itertuples():
        writer.run("write/insert_cluster", cluster_id=cluster.cluster_id, name=cluster.name)
    writer.insert("write/insert_cluster_roles", result.roles, upload_id=upload_id)
    writer.insert("write/insert_cluster_members", result.members, upload_id=upload_id)
    writer.insert("write/insert_cluster_awards", result.awards, upload_id=upload_id)


def _read_scoring(sheets: list[Sheet], file_name: str, digest: str, *, year=None, cluster=None, period=None
                  ) -> Reading:
    result = read_scoring(sheets, file_name, cluster=cluster, year=year, period=period)
    scope = " + ".join(f"{part.cluster} · {part.year} · {PERIODS[part.period]}" for part in result.parts)
    return Reading(file_name, "scoring", scope, sum(len(part.units) for part in result.parts), digest, result,
                   result.warnings)


def _write_scoring(writer: Writer, result: ScoringResult, upload_id: int) -> None:
    """Every part of the upload (a period's or a year's table), inside the caller's one transaction."""
    codes = {p.name: p.code for p in registry().provinces}
    for part in result.parts:
        cluster_id = cluster_slug(part.cluster)
        where = dict(upload_id=upload_id, cluster_id=cluster_id, year=part.year, period=part.period)
        writer.run("write/insert_cluster", cluster_id=cluster_id, name=part.cluster)
        writer.insert("write/insert_scoring_units", part.units.assign(province_code=part.units.province.map(codes)),
                      **where)
        writer.insert("write/insert_scoring_criteria", part.criteria, **where)
        if part.shape != "detail":  # a summary lists every unit: a unit it leaves out leaves the ranking
            writer.run("write/insert_scoring_summary", **where)


KINDS: dict[str, Kind] = {  # detect_kind asks in this order: a roster's award list also passes for a scoring sheet
    "par": Kind(looks_like_par, _read_par, _write_par),
    "index": Kind(_detected_as_par, _read_par, _write_par),
    "roster": Kind(looks_like_roster, _read_roster, _write_roster),
    "scoring": Kind(looks_like_scoring, _read_scoring, _write_scoring),
}


def detect_kind(data: bytes, file_name: str) -> str:
    """The kind of a file, read in a worker process."""
    return isolated.run(_detect_kind_here, data, file_name)


def _detect_kind_here(data: bytes, file_name: str) -> str:
    return kind_of(load_sheets(data, file_name), file_name)


def read_sheets(data: bytes, file_name: str) -> Sheets:
    """Every visible sheet of a file as grids (workbook.load_sheets), read in a worker process."""
    return isolated.run(load_sheets, data, file_name)


def kind_of(sheets: list[Sheet], file_name: str) -> str:
    for name, kind in KINDS.items():
        if kind.looks_like(sheets):
            return name
    raise Refused([Problem(
        "không nhận ra loại dữ liệu (bảng Chỉ số CCHC, bảng chấm điểm hay danh sách Cụm): không thấy "
        "dòng tiêu đề bảng quen thuộc trong 20 dòng đầu của trang nào; hãy chọn loại dữ liệu.", file_name)])


def reading_options(kind: str) -> list[str]:
    """The options a kind's reader takes (year, cluster, period, corrected, columns...)."""
    return list(_keyword_options(KINDS[kind].read))


@cache  # asked for every file read; a reader's signature does not change
def _keyword_options(read: Callable[..., Reading]) -> tuple[str, ...]:
    parameters = inspect.signature(read).parameters.values()
    return tuple(parameter.name for parameter in parameters if parameter.kind is parameter.KEYWORD_ONLY)


def read_upload(data: bytes, file_name: str, *, kind: str | None = None, year: int | None = None,
                cluster: str | None = None, period: str | None = None, corrected: bool = False,
                columns: object = None, index: str | None = None) -> Reading:
    """Reads and checks one file without writing anything, in a worker process. Raises Refused.
    year, cluster and period serve a file that does not state them; corrected: they are a person's
    corrections and replace what the file states, where the reader can. columns: a reader-specific
    choice of columns (readers.par.ColumnChoice). index: which provincial index (kinds.index.INDICES)
    the tables are; kind par chosen by a person means the PAR Index. A reader gets only the options it takes."""
    return isolated.run(read_here, data, file_name, kind=kind, year=year, cluster=cluster, period=period,
                        corrected=corrected, columns=columns, index=index)


def read_here(data: bytes, file_name: str, *, kind: str | None = None, year: int | None = None,
              cluster: str | None = None, period: str | None = None, corrected: bool = False,
              columns: object = None, index: str | None = None) -> Reading:
    """read_upload in this process: for the worker, and for measuring what isolation costs."""
    sheets = load_sheets(data, file_name)  # once: detection and the reader share the grids
    if kind == "par":
        index = index or "par"
    kind = kind or kind_of(sheets, file_name)
    if kind not in KINDS:
        raise Refused([Problem(f"loại dữ liệu «{kind}» chưa được hỗ trợ.", file_name)])
    given = dict(year=year, cluster=cluster, period=period, corrected=corrected, columns=columns, index=index)
    options = {name: given[name] for name in reading_options(kind) if name in given}
    reading = KINDS[kind].read(sheets, file_name, content_hash(data), **options)
    reading.warnings = sheets.warnings + reading.warnings  # hidden sheets left out, hidden rows read
    cleaned_reading(reading)
    implausible = implausible_scores(reading) + units_without_total(reading)
    if implausible:
        raise Refused(implausible)
    return reading


def leaving_units(db: Database, reading: Reading) -> list[str]:
    """The units in force for a scoring summary's cluster, year and period that the summary does not list:
    writing it takes them out of the ranking. Empty for every other reading."""
    if reading.kind != "scoring":
        return []
    leaving = set()
    for part in reading.result.parts:
        if part.shape != "detail":
            current = db.query("cluster_ranking", cluster=cluster_slug(part.cluster), year=part.year, period=part.period)
            leaving |= set(current.unit) - set(part.units.unit)
    return sorted(leaving)


def leaving_warning(reading: Reading, units: list[str]) -> Problem:
    return Problem(f"bảng tổng hợp này không còn {len(units)} đơn vị đang có trong bảng xếp hạng "
                   f"({'; '.join(units)}): khi ghi, các đơn vị này rời bảng xếp hạng {reading.scope}.",
                   reading.file_name, severity="warning")


# No scoring table gives a unit or a criterion this many points (most total 100 to a few hundred, some
# clusters score out of 1,000): a larger number is a typing or formula error, or a file built to break the charts.
MAX_POINTS = 10000.0
POINT_COLUMNS = {"total": "tổng điểm", "self_total": "tổng tự chấm", "bonus": "điểm thưởng", "penalty": "điểm trừ",
                 "max_points": "điểm tối đa", "self_score": "điểm tự chấm", "cluster_score": "điểm Cụm chấm"}


def implausible_scores(reading: Reading) -> list[Problem]:
    """Points of a scoring reading beyond ±MAX_POINTS (or not finite), each naming its sheet and cell."""
    if reading.kind != "scoring":
        return []
    problems = []
    frames = [frame for part in reading.result.parts for frame in ((part.units, "total_cell"), (part.criteria, "cell"))]
    for frame, cell_column in frames:
        for column in (c for c in POINT_COLUMNS if c in frame):
            points = frame[column]
            if not pd.api.types.is_numeric_dtype(points):  # pd.to_numeric costs ~0.1 ms a column already numeric
                points = pd.to_numeric(points, errors="coerce")
            points = points.to_numpy(dtype=float, na_value=np.nan)
            beyond = ~np.isnan(points) & ~(np.abs(points) <= MAX_POINTS)
            if not beyond.any():  # the usual case: taking no rows out of a frame still costs a copy
                continue
            problems += [Problem(f"{POINT_COLUMNS[column]} của «{row.unit}» là {row[column]:g}, vượt quá "
                                 f"{MAX_POINTS:g} điểm: hãy kiểm tra lại số trong ô (hoặc dòng của ô) này.",
                                 reading.file_name, row.sheet, row[cell_column])
                         for _, row in frame[beyond].iterrows()]
    return problems


def units_without_total(reading: Reading) -> list[Problem]:
    """Units of a scoring reading with no confirmed total (a detail sheet of self scores only): no ranking can hold them."""
    if reading.kind != "scoring":
        return []
    return [Problem(f"«{row.unit}» chưa có tổng điểm Cụm chấm (trang chỉ có điểm tự chấm) nên chưa thể xếp hạng; hãy tải "
                    f"lên sau khi Cụm chấm điểm, hoặc kèm bảng tổng hợp ghi tổng điểm của đơn vị.",
                    reading.file_name, row.sheet, row.name_cell)
            for part in reading.result.parts for row in part.units.itertuples() if pd.isna(row.total)]


def write_upload(db: Database, reading: Reading, uploaded_by: str = "") -> IngestOutcome:
    """Writes one reading as one upload, in one transaction, with what it changed in the figures in force;
    content seen before is not written. A scoring summary replaces its whole cluster, year and period: the
    units it no longer lists are warned of."""
    outcome = IngestOutcome(reading.file_name, reading.kind, reading.scope, reading.rows, warnings=reading.warnings)
    earlier = db.query("write/find_upload", content_hash=reading.digest, kind=reading.kind, scope=reading.scope)
    if not earlier.empty:
        outcome.already_uploaded_as = int(earlier.upload_id.iloc[0])
        return outcome
    with db.transaction() as writer:
        outcome.upload_id, outcome.changes = write_reading(writer, reading, uploaded_by)
        writer.insert("write/insert_upload_changes", outcome.changes.lines.assign(position=range(len(outcome.changes.lines))),
                      upload_id=outcome.upload_id)
        if outcome.changes.replaced:
            replaced = pd.DataFrame({"replaced_upload_id": [upload.upload_id for upload in outcome.changes.replaced]},
                                    dtype="int64")
            writer.insert("write/insert_upload_replacements", replaced, upload_id=outcome.upload_id)
    # Only a summary takes units out of a ranking: the ones in force before that it does not list (leaving_units).
    leaving = sorted(set(outcome.changes.leaving.subject)) if reading.kind == "scoring" else []
    if leaving:
        outcome.warnings = [*outcome.warnings, leaving_warning(reading, leaving)]
    return outcome


def write_reading(writer: Writer, reading: Reading, uploaded_by: str, upload_id: int | None = None
                  ) -> tuple[int, Changes]:
    """Writes a reading's rows as one upload inside an open transaction; returns its number and what it
    changed. upload_id: given by a rehearsal only (the sequence would skip a number)."""
    def write() -> int:
        upload = writer.run("write/insert_upload", upload_id=upload_id, file_name=reading.file_name,
                            content_hash=reading.digest, kind=reading.kind, scope=reading.scope,
                            row_count=reading.rows, warning_count=len(reading.warnings), uploaded_by=uploaded_by)
        written = int(upload.upload_id.iloc[0])
        KINDS[reading.kind].write(writer, reading.result, written)
        return written

    return change_of(writer, reading_coverage(reading.kind, reading.result), write)


def ingest_file(db: Database, source: Path | bytes, file_name: str | None = None, *, kind: str | None = None,
                year: int | None = None, cluster: str | None = None, period: str | None = None,
                index: str | None = None, uploaded_by: str = "") -> IngestOutcome:
    """Reads one file and writes it as one upload. Raises Refused (nothing written) when it cannot."""
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    reading = read_upload(data, file_name or Path(source).name, kind=kind, year=year, cluster=cluster, period=period,
                          index=index)
    return write_upload(db, reading, uploaded_by)


def ingest_files(db: Database, paths: Iterable[Path], *, kind: str | None = None, year: int | None = None,
                 cluster: str | None = None, period: str | None = None, index: str | None = None,
                 uploaded_by: str = "", isolate: bool = True
                 ) -> Iterator[tuple[Path, IngestOutcome | Refused | DatabaseUnwritable | OSError]]:
    """Reads and writes many files through one connection, so the schema is checked once for the batch
    (opening and checking it cost ~30 ms a time), each file its own upload in its own transaction, in
    the order given. While one file is written, the next ones are read in the worker processes.
    isolate=False: the files are the project's own (the demo's), read by a thread of this process, which
    saves starting the workers and their own import of the readers (a third of the demo build's processor time).
    Yields each path with its outcome, or with why nothing of it was written; a refused file does not
    stop the batch."""
    read_file, ahead = (read_upload, isolated.WORKERS) if isolate else (read_here, 1)

    def read(path: Path) -> Reading:
        return read_file(path.read_bytes(), path.name, kind=kind, year=year, cluster=cluster, period=period,
                         index=index)

    paths = iter(paths)
    with db.session(), ThreadPoolExecutor(ahead, thread_name_prefix="read-ahead") as readers:
        reading = deque((path, readers.submit(read, path)) for path in islice(paths, ahead))
        while reading:
            path, read_ahead = reading.popleft()
            reading.extend((following, readers.submit(read, following)) for following in islice(paths, 1))
            try:
                yield path, write_upload(db, read_ahead.result(), uploaded_by)
            except (Refused, DatabaseUnwritable, OSError) as failure:
                yield path, failure
