"""Files made to take the server down or fill its memory (tests/bad_files, hostile_corpus) are each
refused naming the file, read in a worker process whose peak memory stays under its 1 GiB address
space and whose CPU time stays under its limit, and the database is unchanged; a worker that dies
(a Rust abort, a CPU limit) is refused like any bad file and the next file is read."""
from __future__ import annotations

import io
import os
import resource
import subprocess
import sys
import threading
import time
import types
from pathlib import Path

import pytest

from bad_files.make_corpus import (BadFile, hostile_corpus, ods_of, ods_zip, par_with_parts, valid_par, zip_of,
                                   zip_parts)
from conftest import OLD_NAMES, par_result, write_year
from thidua.db import Database
from thidua.ingest import ingest_file, read_here, read_upload
from thidua.io import isolated
from thidua.readers.problems import Refused
from workbook_builders import SheetSpec, par_lines, par_table, province_names, title_block

HOSTILE = hostile_corpus()
GIB = 1 << 30
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Database:
    database = Database(tmp_path_factory.mktemp("hostile") / "thidua.duckdb")
    write_year(database, par_result(2020, OLD_NAMES, 90.5))
    return database


def state(db: Database) -> tuple:
    return (db.query("data_version").to_dict("records"), db.query("upload_history").to_dict("records"),
            db.query("par_history").to_dict("records"))


def names_it(refusal: Refused, bad: BadFile) -> bool:
    return any(bad.says in p.message and p.file == bad.name and (bad.sheet is None or p.sheet == bad.sheet)
               and (bad.cell is None or p.cell == bad.cell) for p in refusal.problems)


def test_the_hostile_corpus_holds_at_least_30_distinct_files():
    assert len(HOSTILE) >= 30
    assert len({bad.name for bad in HOSTILE}) == len(HOSTILE)


@pytest.mark.parametrize("bad", HOSTILE, ids=[bad.name for bad in HOSTILE])
def test_a_hostile_file_is_refused_naming_it_within_the_worker_limits_and_writes_nothing(bad, db):
    data = bad.build()
    measured = isolated.run_measured(read_here, data, bad.name, **bad.corrections)
    assert isinstance(measured.value, Refused), f"{bad.name} was accepted"
    assert names_it(measured.value, bad), str(measured.value)
    assert measured.peak_memory is not None and measured.peak_memory < GIB
    assert measured.cpu_seconds < isolated.CPU_SECONDS
    before = state(db)
    with pytest.raises(Refused) as refused:
        ingest_file(db, data, bad.name)
    assert any(problem.file == bad.name for problem in refused.value.problems)
    assert state(db) == before


# ---------------------------------------------------------------- what the worker's limits catch

def open_without_the_guard(data: bytes, file_name: str) -> int:
    """calamine on a file the guard never saw: what a hole in the guard would let through."""
    import python_calamine
    workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    return len(workbook.get_sheet_by_name(workbook.sheet_names[0]).to_python())


def allocate_two_gigabytes(data: bytes, file_name: str) -> int:
    return len(bytearray(2 * GIB))


def spin_past_a_one_second_cpu_limit(data: bytes, file_name: str) -> None:
    resource.setrlimit(resource.RLIMIT_CPU, (1, resource.getrlimit(resource.RLIMIT_CPU)[1]))
    while True:
        pass


def worker_limits(data: bytes, file_name: str) -> tuple:
    return tuple(resource.getrlimit(limit) for limit in (resource.RLIMIT_AS, resource.RLIMIT_NOFILE, resource.RLIMIT_CPU))


def far_value_in_lower_case() -> bytes:
    return next(bad for bad in HOSTILE if bad.name == "xa_chu_thuong.xlsx").build()


def test_workers_run_under_the_address_space_open_files_and_cpu_limits():
    address_space, open_files, cpu = isolated.run(worker_limits, b"", "gioi_han.xlsx")
    assert address_space == (isolated.ADDRESS_SPACE_BYTES, isolated.ADDRESS_SPACE_BYTES) == (GIB, GIB)
    assert open_files == (isolated.OPEN_FILES, isolated.OPEN_FILES)
    assert cpu[0] != resource.RLIM_INFINITY  # set for each call: the worker's CPU time so far plus CPU_SECONDS


def test_a_rust_abort_in_the_worker_is_refused_naming_the_file_and_the_next_file_is_read():
    with pytest.raises(Refused) as refused:
        isolated.run(open_without_the_guard, far_value_in_lower_case(), "xa_chu_thuong.xlsx")
    assert refused.value.problems[0].file == "xa_chu_thuong.xlsx"
    assert "dừng đột ngột" in refused.value.problems[0].message
    assert read_upload(valid_par(), "PAR 2021.xlsx").rows == 63


def test_running_out_of_address_space_is_refused_as_too_much_memory():
    with pytest.raises(Refused) as refused:
        isolated.run(allocate_two_gigabytes, b"", "bo_nho.xlsx")
    assert refused.value.problems[0].file == "bo_nho.xlsx"
    assert "1024 MB bộ nhớ" in refused.value.problems[0].message


def test_a_worker_killed_by_its_cpu_limit_is_refused_and_the_pool_is_replaced():
    with pytest.raises(Refused) as refused:
        isolated.run(spin_past_a_one_second_cpu_limit, b"", "vong_lap.xlsx")
    assert "dừng đột ngột" in refused.value.problems[0].message and refused.value.problems[0].file == "vong_lap.xlsx"
    assert read_upload(valid_par(), "PAR 2021.xlsx").rows == 63


def read_after_a_pause(data: bytes, file_name: str):
    time.sleep(2)
    return read_here(data, file_name)


def test_a_file_being_read_when_another_file_crashes_the_pool_is_read_again_and_only_the_crasher_is_refused():
    outcomes: dict[str, object] = {}

    def read(name: str, function, data: bytes) -> None:
        try:
            outcomes[name] = isolated.run(function, data, name)
        except Refused as refusal:
            outcomes[name] = refusal

    isolated.warm()  # both workers running: the first file is read while the second breaks the pool
    innocent = threading.Thread(target=read, args=("PAR 2021.xlsx", read_after_a_pause, valid_par()))
    crasher = threading.Thread(target=read, args=("xa.xlsx", open_without_the_guard, far_value_in_lower_case()))
    innocent.start()
    time.sleep(0.5)
    crasher.start()
    for thread in (innocent, crasher):
        thread.join()
    assert isinstance(outcomes["xa.xlsx"], Refused) and outcomes["xa.xlsx"].problems[0].file == "xa.xlsx"
    assert outcomes["PAR 2021.xlsx"].rows == 63


# ---------------------------------------------------------------- odd structure that is harmless

def par_rows() -> list[list[object]]:
    return title_block("CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2021") + par_table(par_lines(province_names()))


def test_a_libreoffice_sheet_ending_in_a_million_repeated_empty_rows_is_read():
    from unseen_layouts import ods
    content = zip_parts(ods(SheetSpec("Sheet1", par_rows())))["content.xml"]
    trailing = (b'<table:table-row table:number-rows-repeated="1048500"><table:table-cell '
                b'table:number-columns-repeated="1024"/></table:table-row></table:table>')
    assert read_upload(ods_zip(content.replace(b"</table:table>", trailing)), "PAR 2021.ods").rows == 63


def test_a_declared_dimension_or_merged_range_over_the_whole_sheet_is_read():
    parts = zip_parts(valid_par())
    sheet = parts["xl/worksheets/sheet1.xml"]
    start = sheet.index(b"<dimension")
    sheet = sheet[:start] + b'<dimension ref="A1:XFD1048576"/>' + sheet[sheet.index(b"/>", start) + 2:]
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(
        b"</sheetData>", b'</sheetData><mergeCells count="1"><mergeCell ref="H1:XFD1048576"/></mergeCells>')
    assert read_upload(zip_of(parts), "PAR 2021.xlsx").rows == 63


def test_an_empty_ods_table_repeated_as_libreoffice_writes_it_is_not_counted():
    empty = '<table:table table:name="Trong"><table:table-row table:number-rows-repeated="1048576">' \
            '<table:table-cell table:number-columns-repeated="16384"/></table:table-row></table:table>'
    with pytest.raises(Refused) as refused:
        read_upload(ods_of(empty), "trong.ods")
    assert "mọi trang đều trống" in str(refused.value)


def test_a_new_worker_does_not_run_the_script_this_process_runs_as_main(tmp_path, monkeypatch):
    """Under Streamlit, __main__ is the page's script: a worker started from it must not run it again."""
    marker = tmp_path / "ran"
    script = tmp_path / "page.py"
    script.write_text(f"open({str(marker)!r}, 'w').close()\n")
    page = types.ModuleType("__main__")
    page.__file__ = str(script)
    monkeypatch.setitem(sys.modules, "__main__", page)
    pool = isolated.WorkerPool()
    try:
        value, _, _ = pool.call(worker_limits, (b"", "trang.xlsx"), {})
    finally:
        pool.replace(pool.executor())
    assert value[0] == (GIB, GIB)
    assert not marker.exists()
    assert sys.modules["__main__"] is page


OWNER = """
from thidua.io import isolated
if __name__ == "__main__":
    isolated.warm()
    print("ready", flush=True)
    import time
    time.sleep(600)
"""


def children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found


def running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_workers_end_when_the_process_that_owns_them_is_killed():
    owner = subprocess.Popen([sys.executable, "-c", OWNER], cwd=ROOT, stdout=subprocess.PIPE, text=True,
                             env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        assert owner.stdout.readline().strip() == "ready"
        workers = [worker for server in children(owner.pid) for worker in children(server)]
        assert len(workers) == isolated.WORKERS
    finally:
        owner.kill()
        owner.wait()
    deadline = time.monotonic() + 60
    while any(map(running, workers)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(map(running, workers))


def test_a_command_line_batch_refuses_the_hostile_files_and_ingests_the_good_one_between_them(tmp_path):
    names = ["xa_chu_thuong.xlsx", "dong_lap_trieu_lan.ods", "kich_thuoc_khong_lo.xls"]
    paths = []
    for name in names:
        paths.append(tmp_path / name)
        paths[-1].write_bytes(next(bad for bad in HOSTILE if bad.name == name).build())
    good = tmp_path / "PAR 2021.xlsx"
    good.write_bytes(valid_par())
    database = tmp_path / "cli.duckdb"
    finished = subprocess.run([sys.executable, "-m", "thidua", "--db", str(database), "ingest", str(paths[0]), str(good),
                               *map(str, paths[1:])], cwd=ROOT, capture_output=True, text=True, timeout=300,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert finished.returncode == 1 and "Traceback" not in finished.stderr
    assert "PAR 2021.xlsx: Chỉ số CCHC (PAR Index) 2021, 63 dòng" in finished.stdout
    for name in names:
        assert f"{name}: KHÔNG NHẬP — không có gì được ghi." in finished.stderr
    assert list(Database(database).query("upload_history").file_name) == ["PAR 2021.xlsx"]


def test_elements_nested_200_000_deep_in_a_sheet_are_read_past_within_the_limits():
    def nested(parts: dict[str, bytes]) -> None:
        sheet = parts["xl/worksheets/sheet1.xml"]
        parts["xl/worksheets/sheet1.xml"] = sheet.replace(
            b"</sheetData>", b'<row r="80"><c r="F80" t="inlineStr"><is>' + b"<r>" * 200_000 + b"<t>x</t>"
            + b"</r>" * 200_000 + b"</is></c></row></sheetData><extLst>" + b"<x>" * 200_000 + b"</x>" * 200_000
            + b"</extLst>")
    measured = isolated.run_measured(read_here, par_with_parts(nested), "long_nhau_trong_trang.xlsx")
    assert measured.value.rows == 63
    assert measured.peak_memory < GIB and measured.cpu_seconds < isolated.CPU_SECONDS
