"""Validate, then write one upload in one transaction, and keep the upload history.

A file is read completely before anything is written; a refused file writes nothing. The same
content uploaded twice is recognised by its hash and not written again.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from thidua.db import Database
from thidua.readers.par import ParResult, looks_like_par, read_par
from thidua.readers.problems import Problem, Refused
from thidua.readers.workbook import load_sheets

KINDS = ("par", "scoring", "roster")
KIND_LABELS = {"par": "Chỉ số CCHC (PAR Index)", "scoring": "Bảng chấm điểm thi đua", "roster": "Danh sách Cụm"}


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


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def detect_kind(data: bytes, file_name: str) -> str:
    sheets = load_sheets(data, file_name)
    if looks_like_par(sheets):
        return "par"
    raise Refused([Problem(
        "không nhận ra loại dữ liệu (bảng Chỉ số CCHC, bảng chấm điểm hay danh sách Cụm); "
        "hãy chọn loại bằng --kind.", file_name)])


def ingest_file(db: Database, source: Path | bytes, file_name: str | None = None, *, kind: str | None = None,
                year: int | None = None, cluster: str | None = None, uploaded_by: str = "") -> IngestOutcome:
    """Reads one file and writes it as one upload. Raises Refused (nothing written) when it cannot."""
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    file_name = file_name or Path(source).name
    kind = kind or detect_kind(data, file_name)
    if kind == "par":
        return write_par(db, read_par(data, file_name, year=year), content_hash(data), uploaded_by)
    raise Refused([Problem(f"loại dữ liệu «{kind}» chưa được hỗ trợ.", file_name)])


def _earlier_upload(db: Database, digest: str, kind: str) -> int | None:
    found = db.query("write/find_upload", content_hash=digest, kind=kind)
    return None if found.empty else int(found.upload_id.iloc[0])


def write_par(db: Database, result: ParResult, digest: str, uploaded_by: str = "") -> IngestOutcome:
    scope = ",".join(str(y) for y in result.years)
    outcome = IngestOutcome(result.file_name, "par", scope, len(result.scores), warnings=result.warnings)
    outcome.already_uploaded_as = _earlier_upload(db, digest, "par")
    if outcome.already_uploaded_as is not None:
        return outcome
    with db.transaction() as writer:
        upload = writer.run("write/insert_upload", file_name=result.file_name, content_hash=digest, kind="par",
                            scope=scope, row_count=len(result.scores), warning_count=len(result.warnings),
                            uploaded_by=uploaded_by)
        outcome.upload_id = int(upload.upload_id.iloc[0])
        writer.insert("write/insert_par_scores", result.scores, upload_id=outcome.upload_id)
        writer.insert("write/insert_par_components", result.components, upload_id=outcome.upload_id)
    return outcome
