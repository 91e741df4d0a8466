import subprocess
import sys
import textwrap
import threading

import duckdb
import pytest

from thidua.db import Database, DatabaseBusy, bind, query_names


@pytest.fixture
def db(tmp_path):
    return Database(tmp_path / "t.duckdb", lock_wait=0.5)


def test_a_new_database_is_migrated_and_knows_the_provinces(db):
    provinces = db.query("provinces")
    assert len(provinces) == 63
    assert list(provinces.columns) == ["code", "name", "region", "new_province"]
    assert db.query("par_years").empty


def test_bind_passes_only_named_parameters_and_requires_them():
    assert bind("SELECT $a, $b, $a", {"a": 1, "b": None, "c": 3}) == {"a": 1, "b": None}
    with pytest.raises(KeyError):
        bind("SELECT $a", {})


def test_parameters_declared_optional_default_to_null():
    sql = "-- optional: year\nSELECT $cluster, $year"
    assert bind(sql, {"cluster": "x"}) == {"cluster": "x", "year": None}
    with pytest.raises(KeyError):
        bind(sql, {"year": 2020})


def test_values_are_bound_not_spliced(db):
    hostile = "x'); DROP TABLE provinces; --"
    assert db.query("write/find_upload", content_hash=hostile, kind="par").empty
    assert len(db.query("provinces")) == 63


def test_a_failed_transaction_writes_nothing(db):
    with pytest.raises(RuntimeError):
        with db.transaction() as writer:
            writer.run("write/insert_upload", file_name="a.xlsx", content_hash="h", kind="par", scope="2021",
                       row_count=1, warning_count=0, uploaded_by="")
            raise RuntimeError("interrupted")
    assert db.query("uploads").empty


def test_connection_is_released_between_calls_so_another_process_can_write(db):
    db.query("provinces")
    other = duckdb.connect(str(db.path))  # would raise a lock error if the file were still held
    other.close()


def test_a_held_database_gives_a_vietnamese_busy_message(db, tmp_path):
    db.query("provinces")
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import duckdb, sys, time
        con = duckdb.connect({str(db.path)!r}); print('held', flush=True); time.sleep(5)
    """)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(DatabaseBusy, match="đang được một chương trình khác sử dụng"):
            db.query("provinces")
    finally:
        holder.kill()
        holder.wait()


def test_threads_share_the_process_connection_with_a_cursor_each(db):
    errors = []

    def work():
        try:
            for _ in range(20):
                assert len(db.query("provinces")) == 63
        except Exception as error:  # collected and asserted below
            errors.append(error)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_reads_are_named_files_and_writes_are_apart():
    names = query_names()
    assert {"provinces", "par_ranking", "rank_jumps"} <= set(names)
    assert not any(name.startswith("write") for name in names)


def test_a_new_database_file_is_readable_by_its_owner_only(db):
    db.query("provinces")
    assert db.path.stat().st_mode & 0o777 == 0o600
