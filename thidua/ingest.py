"""Validate, then write one upload in one transaction, and keep the upload history.

A file is read completely (read_upload) before anything is written (write_upload); a refused
file writes nothing. The same content uploaded twice is recognised by its hash and not written
again. Each kind of file has a reader in thidua/readers and a writer here.
"""
from __future__ import annotations

import hashlib
import inspect
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Callable

from thidua.db import Database, Writer
from thidua.provinces import registry
from thidua.readers.par import ParResult, looks_like_par, read_par
from thidua.readers.problems import Problem, Refused
from thidua.readers.roster import RosterResult, looks_like_roster, read_roster
from thidua.readers.scoring import PERIODS, ScoringResult, looks_like_scoring, read_scoring
from thidua.readers.units import cluster_slug
from thidua.readers.workbook import Sheet, load_sheets

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
    scope = f"{result.cluster} · {result.year} · {PERIODS[result.period]}"
    return Reading(file_name, "scoring", scope, len(result.units), digest, result, result.warnings)


def _write_scoring(writer: Writer, result: ScoringResult, upload_id: int) -> None:
    cluster_id = cluster_slug(result.cluster)
    where = dict(upload_id=upload_id, cluster_id=cluster_id, year=result.year, period=result.period)
    writer.run("write/insert_cluster", cluster_id=cluster_id, name=result.cluster)
    codes = {p.name: p.code for p in registry().provinces}
    units = result.units.assign(province_code=result.units.province.map(codes))
    writer.insert("write/insert_scoring_units", units, **where)
    writer.insert("write/insert_scoring_criteria", result.criteria, **where)


KINDS: dict[str, Kind] = {  # detect_kind asks in this order: a roster's award list also passes for a scoring sheet
    "par": Kind(looks_like_par, _read_par, _write_par),
    "index": Kind(_detected_as_par, _read_par, _write_par),
    "roster": Kind(looks_like_roster, _read_roster, _write_roster),
    "scoring": Kind(looks_like_scoring, _read_scoring, _write_scoring),
}


def detect_kind(data: bytes, file_name: str) -> str:
    return kind_of(load_sheets(data, file_name), file_name)


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
    """Reads and checks one file without writing anything. Raises Refused. year, cluster and period
    serve a file that does not state them; corrected: they are a person's corrections and replace
    what the file states, where the reader can. columns: a reader-specific choice of columns
    (readers.par.ColumnChoice). index: which provincial index (readers.indices.INDICES) the tables
    are; kind par chosen by a person means the PAR Index. A reader gets only the options it takes."""
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
    return reading


def write_upload(db: Database, reading: Reading, uploaded_by: str = "") -> IngestOutcome:
    """Writes one reading as one upload, in one transaction; content seen before is not written."""
    outcome = IngestOutcome(reading.file_name, reading.kind, reading.scope, reading.rows, warnings=reading.warnings)
    earlier = db.query("write/find_upload", content_hash=reading.digest, kind=reading.kind, scope=reading.scope)
    if not earlier.empty:
        outcome.already_uploaded_as = int(earlier.upload_id.iloc[0])
        return outcome
    with db.transaction() as writer:
        upload = writer.run("write/insert_upload", file_name=reading.file_name, content_hash=reading.digest,
                            kind=reading.kind, scope=reading.scope, row_count=reading.rows,
                            warning_count=len(reading.warnings), uploaded_by=uploaded_by)
        outcome.upload_id = int(upload.upload_id.iloc[0])
        KINDS[reading.kind].write(writer, reading.result, outcome.upload_id)
    return outcome


def ingest_file(db: Database, source: Path | bytes, file_name: str | None = None, *, kind: str | None = None,
                year: int | None = None, cluster: str | None = None, period: str | None = None,
                index: str | None = None, uploaded_by: str = "") -> IngestOutcome:
    """Reads one file and writes it as one upload. Raises Refused (nothing written) when it cannot."""
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    reading = read_upload(data, file_name or Path(source).name, kind=kind, year=year, cluster=cluster, period=period,
                          index=index)
    return write_upload(db, reading, uploaded_by)
