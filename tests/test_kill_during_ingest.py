"""A real `python -m thidua ingest` of many files, killed with SIGKILL at moments spread over its
work (as its write-ahead log appears and grows, and at fixed delays): every time, the database
opens, holds each upload whole or not at all, and the next run completes the job."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import OLD_NAMES, par_result, write_year
from thidua.db import Database
from workbook_builders import SheetSpec, par_lines, province_names, title_block, write_workbook

ROOT = Path(__file__).resolve().parent.parent
YEARS = [*range(2012, 2020), *range(2021, 2025)]
COMPONENTS = ["Công tác chỉ đạo, điều hành", "Xây dựng và tổ chức thực hiện thể chế", "Cải cách thủ tục hành chính",
              "Cải cách tổ chức bộ máy", "Xây dựng đội ngũ công chức", "Cải cách tài chính công",
              "Xây dựng chính quyền điện tử", "Tác động của cải cách"]
PROVINCES = 63
# Kill moments: after the write-ahead log changed this many times, or after this many seconds.
WAL_CHANGES = [1, 3, 6, 10]
DELAYS = [0.8, 1.6, 2.4]


def year_workbook(folder: Path, year: int) -> Path:
    header = ["TT", "Tỉnh, thành phố", "Chỉ số (%)", "Xếp hạng", *COMPONENTS]
    lines = par_lines(province_names(year=year), top_score=93.0 - (year - 2012) * 0.1, step=0.3)
    rows = [[i + 1, line.name, line.score, line.rank, *(round(5 + (i + k) % 7 * 0.4, 2) for k in range(len(COMPONENTS)))]
            for i, line in enumerate(lines)]
    return write_workbook(folder / f"PAR {year}.xlsx",
                          SheetSpec("Sheet1", title_block(f"CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year}") + [header, *rows]))


@pytest.fixture(scope="module")
def workload(tmp_path_factory) -> tuple[Path, list[Path]]:
    """A database holding 2020, and twelve yearly tables to ingest in one command."""
    folder = tmp_path_factory.mktemp("kill")
    before = folder / "before.duckdb"
    write_year(Database(before), par_result(2020, OLD_NAMES, 90.5))
    return before, [year_workbook(folder, year) for year in YEARS]


def fresh_copy(before: Path, target: Path) -> Path:
    shutil.copyfile(before, target)
    return target


def ingest_command(db: Path, files: list[Path]) -> list[str]:
    return [sys.executable, "-m", "thidua", "--db", str(db), "ingest", *map(str, files)]


def file_size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except FileNotFoundError:  # not yet written, or checkpointed away between two looks
        return None


def run_and_kill(db: Path, files: list[Path], *, wal_changes: int | None = None, delay: float | None = None) -> bool:
    """Starts the ingest and kills it at the moment asked for; True when it was killed before it ended."""
    wal = db.with_name(db.name + ".wal")
    process = subprocess.Popen(ingest_command(db, files), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               env={**os.environ, "PYTHONPATH": str(ROOT)})
    started, seen, changes = time.monotonic(), None, 0
    while process.poll() is None:
        if delay is not None and time.monotonic() - started >= delay:
            break
        if wal_changes is not None:
            size = file_size(wal)
            if size != seen:
                seen, changes = size, changes + (size is not None)
                if changes >= wal_changes:
                    break
        time.sleep(0.0005)
    killed = process.poll() is None
    if killed:
        process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    assert killed or process.returncode == 0, process.stderr.read().decode()
    return killed


def check_whole_uploads(db: Path, files: list[Path]) -> int:
    """Asserts the database holds the first k files completely and nothing of the others; returns k."""
    database = Database(db)
    uploads = database.query("upload_history").sort_values("upload_id")
    written = list(uploads.file_name[1:])
    assert list(uploads.file_name[:1]) == ["PAR 2020.xlsx"]
    assert written == [f.name for f in files[:len(written)]], written
    for year, upload in zip(YEARS, uploads.iloc[1:].itertuples()):
        assert upload.scope == str(year) and upload.row_count == PROVINCES and upload.status == "active"
        assert len(database.query("par_ranking", year=year)) == PROVINCES
        assert len(database.query("par_components", year=year)) == PROVINCES * len(COMPONENTS)
    for year in YEARS[len(written):]:
        assert database.query("par_ranking", year=year).empty
        assert database.query("par_components", year=year).empty
    assert len(database.query("par_ranking", year=2020)) == PROVINCES
    return len(written)


MOMENTS = [dict(wal_changes=n) for n in WAL_CHANGES] + [dict(delay=d) for d in DELAYS]


def test_kills_spread_over_the_work_leave_every_upload_whole_or_absent(workload, tmp_path):
    before, files = workload
    outcomes = []
    for number, moment in enumerate(MOMENTS):
        db = fresh_copy(before, tmp_path / f"killed-{number}.duckdb")
        killed = run_and_kill(db, files, **moment)
        outcomes.append((moment, killed, check_whole_uploads(db, files)))
    # The moments are worth something only if kills interrupt runs part way.
    assert sum(killed and 0 < written < len(files) for _, killed, written in outcomes) >= 2, outcomes


def test_after_a_kill_the_next_run_starts_cleanly_and_finishes_the_job(workload, tmp_path):
    before, files = workload
    db = fresh_copy(before, tmp_path / "thidua.duckdb")
    assert run_and_kill(db, files, wal_changes=3)
    rerun = subprocess.run(ingest_command(db, files), cwd=ROOT, capture_output=True, text=True, timeout=300,
                           env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert rerun.returncode == 0, rerun.stderr
    assert "đã nhập trước đó" in rerun.stdout  # what the killed run had committed is recognised, not written twice
    assert check_whole_uploads(db, files) == len(files)
