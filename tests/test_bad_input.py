"""Every bad upload in tests/bad_files is refused with a Vietnamese message that says what is wrong
and where, and the database stays exactly as it was, through the upload page's path and the
command line's; plus the guard's own edges (formulas, macros, bounded unpacking)."""
from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from functools import cache
from pathlib import Path

import pytest

from bad_files.make_corpus import DDE, BadFile, corpus, valid_par
from conftest import OLD_NAMES, par_result, write_year
from thidua.db import Database
from thidua.ingest import ingest_file, write_upload
from thidua.io import guard
from thidua.readers.problems import Refused
from thidua.io.workbook import load_sheets
from thidua.uploads import Corrections, preview_file
from workbook_builders import SheetSpec, xlsx_bytes

ROOT = Path(__file__).resolve().parent.parent
CORPUS = corpus()


@cache
def _built(name: str) -> bytes:
    return next(bad for bad in CORPUS if bad.name == name).build()


def content(bad: BadFile) -> bytes:
    return _built(bad.name)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Database:
    database = Database(tmp_path_factory.mktemp("bad") / "thidua.duckdb")
    write_year(database, par_result(2020, OLD_NAMES, 90.5))
    return database


def state(db: Database) -> tuple:
    """Everything a write would change: the upload history, the data version, the figures in force."""
    return (db.query("data_version").to_dict("records"), db.query("upload_history").to_dict("records"),
            db.query("par_history").to_dict("records"))


def located(problems, bad: BadFile):
    """The problem that says what the corpus expects, where it expects it."""
    return next((p for p in problems if bad.says in p.message and p.file == bad.name
                 and (bad.sheet is None or p.sheet == bad.sheet) and (bad.cell is None or p.cell == bad.cell)), None)


def test_the_corpus_holds_at_least_25_distinct_bad_files():
    assert len(CORPUS) >= 25
    assert len({bad.name for bad in CORPUS}) == len(CORPUS)


@pytest.mark.parametrize("bad", CORPUS, ids=[bad.name for bad in CORPUS])
def test_the_upload_page_path_refuses_it_naming_what_and_where_and_writes_nothing(bad, db):
    before = state(db)
    preview = preview_file(content(bad), bad.name, Corrections(**bad.corrections))
    if preview.reading is not None:
        write_upload(db, preview.reading, "kiểm thử")  # what the page would do with a file it accepted
    assert preview.reading is None, f"{bad.name} was accepted"
    assert located(preview.errors, bad), "\n".join(str(p) for p in preview.problems)
    assert state(db) == before


CLI_CASES = [bad for bad in CORPUS if "year" not in bad.corrections]


@pytest.mark.parametrize("bad", CLI_CASES, ids=[bad.name for bad in CLI_CASES])
def test_the_ingest_path_refuses_it_and_writes_nothing(bad, db):
    before = state(db)
    with pytest.raises(Refused) as refused:
        ingest_file(db, content(bad), bad.name, kind=bad.corrections.get("kind"))
    assert located(refused.value.problems, bad), "\n".join(str(p) for p in refused.value.problems)
    assert state(db) == before


def test_the_command_line_refuses_bad_files_in_vietnamese_and_takes_the_good_one(tmp_path, db):
    chosen = [bad for bad in CLI_CASES if bad.name in {"mat_khau.xlsx", "bom_nen.xlsx", "script.xlsx", "cat_do.xlsx"}]
    paths = []
    for bad in chosen:
        paths.append(tmp_path / bad.name)
        paths[-1].write_bytes(content(bad))
    good = tmp_path / "PAR 2021.xlsx"
    good.write_bytes(valid_par())
    path = tmp_path / "cli.duckdb"
    write_year(Database(path), par_result(2020, OLD_NAMES, 90.5))
    before = state(Database(path))
    bad_run = subprocess.run([sys.executable, "-m", "thidua", "--db", str(path), "ingest", *map(str, paths)],
                             cwd=ROOT, capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert bad_run.returncode == 1 and bad_run.stdout == ""
    for bad in chosen:
        assert f"{bad.name}: KHÔNG NHẬP — không có gì được ghi." in bad_run.stderr and bad.says in bad_run.stderr
    assert "Traceback" not in bad_run.stderr
    assert state(Database(path)) == before
    good_run = subprocess.run([sys.executable, "-m", "thidua", "--db", str(path), "ingest", str(good)],
                              cwd=ROOT, capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert good_run.returncode == 0 and "2021, 63 dòng" in good_run.stdout


# ---------------------------------------------------------------- the guard's edges

def sheet_xml(cells: str) -> bytes:
    return f'<worksheet><sheetData><row r="1">{cells}</row></sheetData></worksheet>'.encode()


def test_only_formulas_without_a_computed_value_are_reported():
    xml = sheet_xml('<c r="A1"><f>SUM(B1:B3)</f><v>6</v></c>'          # computed by Excel
                    '<c r="B1" t="str"><f>IF(C1&gt;0,"x","")</f><v></v></c>'  # computed: empty text
                    '<c r="C1"><f>1+1</f><v></v></c>'                    # openpyxl: never computed
                    '<c r="D1"><f t="shared" si="0"/></c>'               # shared formula, no value
                    '<c r="E1" t="s"><v>3</v></c><c r="F1"/>')
    assert guard.formula_cells_without_values(xml) == ["C1", "D1"]


def test_a_workbook_whose_formulas_carry_values_is_read(tmp_path):
    data = valid_par()
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(b"<v>92.5</v>", b"<f>90+2.5</f><v>92.5</v>", 1)
    assert parts["xl/worksheets/sheet1.xml"] != sheet
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as rebuilt:
        for name, part in parts.items():
            rebuilt.writestr(name, part)
    preview = preview_file(buffer.getvalue(), "co_cong_thuc.xlsx")
    assert preview.reading is not None and preview.reading.rows == 63
    assert preview.reading.result.scores.score.max() == 92.5


def test_a_macro_enabled_workbook_is_read_for_its_values_only():
    with zipfile.ZipFile(io.BytesIO(valid_par())) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts["xl/vbaProject.bin"] = b"Attribute VB_Name = \"Module1\"\nSub Auto_Open()\n Shell \"calc.exe\"\nEnd Sub\n"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as macro:
        for name, part in parts.items():
            macro.writestr(name, part)
    preview = preview_file(buffer.getvalue(), "co_macro.xlsm")
    assert preview.reading is not None and preview.reading.rows == 63


def test_text_that_merely_starts_with_a_dash_or_plus_is_not_taken_for_a_formula():
    rows = [["Ghi chú", "- Sở (ghi theo quyết định)", "+5", "-3,5", "(8)=(3)+(4)", "Điểm < 50 là loại D"]]
    guard.check_cells([load(xlsx_bytes(SheetSpec("S", rows)))], "x.xlsx")
    for text in (DDE, "+HYPERLINK(\"http://x\")", "-2+3+cmd|' /C calc'!A0", "@SUM(1)", "=1+1"):
        with pytest.raises(Refused):
            guard.check_cells([load(xlsx_bytes(SheetSpec("S", [["Tên", text]])))], "x.xlsx")


def load(data: bytes):
    return load_sheets(data, "x.xlsx")[0]


def test_too_many_zip_parts_are_refused_before_anything_is_unpacked():
    parts = {f"xl/p{n}.xml": b"" for n in range(guard.MAX_ZIP_PARTS + 1)} | {"xl/workbook.xml": b"<workbook/>"}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as many:
        for name, part in parts.items():
            many.writestr(name, part)
    with pytest.raises(Refused) as refused:
        guard.check_bytes(buffer.getvalue(), "nhieu_phan.xlsx", spreadsheet=True)
    assert "5.002 phần" in str(refused.value)
