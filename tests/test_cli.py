"""The command line as other tools use it: real subprocesses against a real database file."""
import csv
import io
import json
import random
import subprocess
import sys
from datetime import date

import openpyxl
import pytest

from thidua.provinces import registry


def run(*args, db):
    return subprocess.run([sys.executable, "-m", "thidua", "--db", str(db), *args],
                          capture_output=True, text=True, timeout=120)


def published_table(path, year, ranking):
    """A PAR table as the Ministry publishes it: title block, header at row 6, column numbers, average row."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = f"PAR {year}"
    sheet["A1"], sheet["D1"] = "BỘ NỘI VỤ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    sheet["A3"] = f"CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year} CỦA UBND CÁC TỈNH, THÀNH PHỐ"
    sheet["A4"] = f"(Kèm theo Quyết định số 12/QĐ-BNV ngày 15/5/{year + 1} của Bộ trưởng Bộ Nội vụ)"
    sheet.append([])
    sheet.append(["TT", "Tỉnh, thành phố", "Chỉ số (%)", "Xếp hạng"])
    sheet.append(["(1)", "(2)", "(3)", "(4)"])
    for rank, name in enumerate(ranking, start=1):
        sheet.append([rank, name, f"{92 - rank * 0.25:.2f}".replace(".", ","), rank])
    sheet.append(["", "Chỉ số trung bình", "84,00", ""])
    sheet.append(["Ghi chú: số liệu minh họa."])
    book.save(path)


@pytest.fixture
def two_years(tmp_path):
    names = [p.name for p in registry().provinces]
    ranking_2020 = random.Random(7).sample(names, len(names))
    ranking_2021 = list(ranking_2020)
    ranking_2021.remove("Lạng Sơn")
    ranking_2021.insert(ranking_2020.index("Lạng Sơn") - 13, "Lạng Sơn")
    files = tmp_path / "PAR_2020.xlsx", tmp_path / "PAR_2021.xlsx"
    published_table(files[0], 2020, ranking_2020)
    published_table(files[1], 2021, ranking_2021)
    return files, ranking_2020, ranking_2021


def test_ingest_two_years_then_rank_jumps_lists_all_63(tmp_path, two_years):
    files, before, after = two_years
    db = tmp_path / "t.duckdb"
    ingested = run("ingest", *map(str, files), db=db)
    assert ingested.returncode == 0, ingested.stderr
    assert len(ingested.stdout.strip().splitlines()) == 2
    assert "2021" in ingested.stdout.splitlines()[1] and "63" in ingested.stdout.splitlines()[1]

    result = run("query", "rank_jumps", "--param", "from_year=2020", "--param", "to_year=2021", db=db)
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 63
    assert list(rows[0]) == ["province", "rank_from", "rank_to", "change", "score_from", "score_to",
                             "source_file", "source_sheet", "source_cell"]
    for row in rows:
        expected = before.index(row["province"]) - after.index(row["province"])
        assert int(row["change"]) == expected
    lang_son = next(r for r in rows if r["province"] == "Lạng Sơn")
    assert int(lang_son["change"]) == 13
    assert "." in lang_son["score_to"] and "," not in lang_son["score_to"]


def figure_in(path, sheet: str, cell: str) -> float:
    """The number a person sees at the cell, as a float ('91,75' typed as text too)."""
    value = openpyxl.load_workbook(path, read_only=True)[sheet][cell].value
    return float(str(value).replace(",", "."))


def test_every_ranked_figure_is_found_at_the_sheet_and_cell_it_names(tmp_path, two_years):
    files, _, after = two_years
    db = tmp_path / "t.duckdb"
    assert run("ingest", *map(str, files), db=db).returncode == 0

    ranking = json.loads(run("query", "par_ranking", "--param", "year=2021", "--format", "json", db=db).stdout)
    assert len(ranking) == 63
    for row in ranking:
        assert row["source_file"] == files[1].name and row["source_sheet"] == "PAR 2021"
        assert figure_in(files[1], row["source_sheet"], row["source_cell"]) == row["score"]
        assert figure_in(files[1], row["source_sheet"], row["rank_source_cell"]) == row["rank"]
    lang_son = next(r for r in ranking if r["province"] == "Lạng Sơn")
    assert lang_son["source_cell"] == f"C{8 + after.index('Lạng Sơn')}"  # data from row 8

    jumps = json.loads(run("query", "rank_jumps", "--param", "from_year=2020", "--param", "to_year=2021",
                           "--format", "json", db=db).stdout)
    for row in jumps:
        assert row["source_file"] == files[1].name
        assert figure_in(files[1], row["source_sheet"], row["source_cell"]) == row["score_to"]


def test_rank_jumps_across_the_merger_name_the_cell_of_each_later_score(tmp_path):
    before = [p.name for p in registry().expected(2024)]
    after = [p.name for p in registry().expected(2025)][::-1]
    files = tmp_path / "PAR_2024.xlsx", tmp_path / "PAR_2025.xlsx"
    published_table(files[0], 2024, before)
    published_table(files[1], 2025, after)
    db = tmp_path / "t.duckdb"
    assert run("ingest", *map(str, files), db=db).returncode == 0

    jumps = json.loads(run("query", "rank_jumps", "--param", "from_year=2024", "--param", "to_year=2025",
                           "--format", "json", db=db).stdout)

    assert len(jumps) == len(after) == 34
    for row in jumps:
        assert row["source_file"] == files[1].name and row["source_sheet"] == "PAR 2025"
        assert figure_in(files[1], row["source_sheet"], row["source_cell"]) == row["score_to"]


def test_query_json_keeps_diacritics(tmp_path, two_years):
    db = tmp_path / "t.duckdb"
    run("ingest", str(two_years[0][0]), db=db)
    result = run("query", "par_ranking", "--param", "year=2020", "--format", "json", db=db)
    assert result.returncode == 0
    rows = json.loads(result.stdout)
    assert len(rows) == 63 and rows[0]["rank"] == 1
    assert any(r["province"] == "Đắk Lắk" for r in rows)


def test_a_refused_file_exits_1_names_the_cell_and_changes_nothing(tmp_path, two_years):
    db = tmp_path / "t.duckdb"
    assert run("ingest", str(two_years[0][0]), db=db).returncode == 0
    before = run("query", "uploads", db=db).stdout

    bad = tmp_path / "PAR_2021_loi.xlsx"
    book = openpyxl.load_workbook(two_years[0][1])
    book.active["B20"] = "Lang Sonn"
    book.save(bad)
    refused = run("ingest", str(bad), db=db)
    assert refused.returncode == 1
    assert "PAR_2021_loi.xlsx" in refused.stderr and "B20" in refused.stderr and "Lạng Sơn" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert run("query", "uploads", db=db).stdout == before


def test_query_csv_is_plain_unless_with_header_asks_for_the_title_parameters_and_source(tmp_path, two_years):
    db = tmp_path / "t.duckdb"
    run("ingest", *map(str, two_years[0]), db=db)
    asked = ("query", "rank_jumps", "--param", "from_year=2020", "--param", "to_year=2021")
    plain = run(*asked, db=db).stdout.splitlines()
    assert plain[0] == "province,rank_from,rank_to,change,score_from,score_to,source_file,source_sheet,source_cell"
    headed = run(*asked, "--with-header", db=db)
    assert headed.returncode == 0, headed.stderr
    lines = list(csv.reader(io.StringIO(headed.stdout)))
    today = date.today().strftime("%d/%m/%Y")
    assert lines[:4] == [["Kết quả «rank_jumps»"], ["Bộ lọc: from_year: 2020; to_year: 2021"],
                         [f"Nguồn: Bộ Nội vụ — Chỉ số CCHC năm 2020–2021; cập nhật ngày {today}"], []]
    assert headed.stdout.splitlines()[4:] == plain


def test_the_same_file_twice_is_written_once(tmp_path, two_years):
    db = tmp_path / "t.duckdb"
    run("ingest", str(two_years[0][0]), db=db)
    again = run("ingest", str(two_years[0][0]), db=db)
    assert again.returncode == 0 and "đã nhập trước đó" in again.stdout
    uploads = list(csv.DictReader(io.StringIO(run("query", "uploads", db=db).stdout)))
    assert len(uploads) == 1


def test_a_missing_file_is_named_in_one_vietnamese_line(tmp_path):
    missing = run("ingest", str(tmp_path / "khong_co.xlsx"), db=tmp_path / "t.duckdb")
    assert missing.returncode == 1
    assert missing.stderr.strip() == f"tệp «{tmp_path / 'khong_co.xlsx'}»: không tìm thấy tệp."


def test_unknown_query_and_missing_parameter_are_explained(tmp_path):
    db = tmp_path / "t.duckdb"
    unknown = run("query", "no_such_result", db=db)
    assert unknown.returncode == 1 and "rank_jumps" in unknown.stderr
    missing = run("query", "par_ranking", db=db)
    assert missing.returncode == 1 and "year" in missing.stderr and "Traceback" not in missing.stderr


@pytest.mark.parametrize("held_seconds", [2, 13])  # briefly; longer than a page waits (10 s)
def test_ingest_waits_its_turn_while_another_process_holds_the_database(tmp_path, two_years, held_seconds):
    db = tmp_path / "t.duckdb"
    run("query", "provinces", db=db)
    holder = subprocess.Popen([sys.executable, "-c",
                               f"import duckdb, time; c = duckdb.connect({str(db)!r}); print('held', flush=True); "
                               f"time.sleep({held_seconds}); c.close()"], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    result = run("ingest", str(two_years[0][0]), db=db)
    holder.wait()
    assert result.returncode == 0, result.stderr


def test_ingest_of_a_directory_reads_the_spreadsheets_in_it(tmp_path, two_years):
    folder = two_years[0][0].parent
    (folder / "ghi chu.txt").write_text("không phải bảng tính", encoding="utf-8")
    (folder / "~$PAR_2020.xlsx").write_bytes(b"lock file Excel leaves beside an open workbook")
    db = tmp_path / "t.duckdb"
    ingested = run("ingest", str(folder), db=db)
    assert ingested.returncode == 0, ingested.stderr
    assert [line.split(":")[0] for line in ingested.stdout.splitlines()] == ["PAR_2020.xlsx", "PAR_2021.xlsx"]


def limited_file_size(size: int):
    """For a child process: writes beyond size bytes fail with 'File too large', as on a full disk."""
    def limit():
        import resource
        import signal
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))
    return limit


def test_a_full_disk_refuses_each_file_in_vietnamese_and_writes_nothing_half(tmp_path, two_years):
    db = tmp_path / "t.duckdb"
    assert run("query", "provinces", db=db).returncode == 0
    full = subprocess.run([sys.executable, "-m", "thidua", "--db", str(db), "ingest", *map(str, two_years[0])],
                          capture_output=True, text=True, timeout=120, preexec_fn=limited_file_size(1024))
    assert full.returncode == 1 and "Traceback" not in full.stderr
    refusals = full.stderr.splitlines()
    assert len(refusals) == 2 and all("KHÔNG NHẬP — Không ghi được vào cơ sở dữ liệu" in line for line in refusals)
    assert "PAR_2021.xlsx" in refusals[1]  # the batch went on to the next file
    assert run("query", "uploads", db=db).stdout.strip().count("\n") == 0  # the header only
    assert run("ingest", *map(str, two_years[0]), db=db).returncode == 0  # the database is whole


def test_an_unexpected_failure_is_one_vietnamese_line_not_a_traceback(tmp_path):
    folder = tmp_path / "a folder, not a database"
    folder.mkdir()
    failed = run("query", "provinces", db=folder)
    assert failed.returncode == 2 and "Traceback" not in failed.stderr
    assert failed.stderr.startswith("Lỗi ngoài dự kiến khi chạy lệnh «query»") and len(failed.stderr.splitlines()) == 1


def test_query_csv_defuses_formulas_from_file_names(tmp_path, two_years):
    db = tmp_path / "t.duckdb"
    hostile = two_years[0][0].with_name("=HYPERLINK(1).xlsx")
    two_years[0][0].rename(hostile)
    assert run("ingest", str(hostile), db=db).returncode == 0
    uploads = list(csv.DictReader(io.StringIO(run("query", "uploads", "--format", "csv", db=db).stdout)))
    assert uploads[0]["file_name"] == "'=HYPERLINK(1).xlsx" and uploads[0]["row_count"] == "63"


def test_one_ingest_command_opens_and_checks_the_database_once_for_all_its_files(tmp_path, two_years, monkeypatch,
                                                                                 capsys):
    import thidua.db
    from thidua.__main__ import main

    checks = []
    migrate = thidua.db._migrate
    monkeypatch.setattr(thidua.db, "_migrate", lambda connection: checks.append(1) or migrate(connection))
    bad = tmp_path / "PAR_2021_loi.xlsx"
    book = openpyxl.load_workbook(two_years[0][1])
    book.active["B20"] = "Lang Sonn"
    book.save(bad)
    db = tmp_path / "t.duckdb"
    files = [two_years[0][0], bad, tmp_path / "khong_co.xlsx", two_years[0][1]]
    assert main(["--db", str(db), "ingest", *map(str, files)]) == 1
    printed = capsys.readouterr()
    assert len(checks) == 1
    assert [line.split(":")[0] for line in printed.out.splitlines()] == ["PAR_2020.xlsx", "PAR_2021.xlsx"]
    assert "PAR_2021_loi.xlsx: KHÔNG NHẬP" in printed.err and "khong_co.xlsx" in printed.err
    uploads = list(csv.DictReader(io.StringIO(run("query", "uploads", db=db).stdout)))
    assert sorted(upload["file_name"] for upload in uploads) == ["PAR_2020.xlsx", "PAR_2021.xlsx"]
