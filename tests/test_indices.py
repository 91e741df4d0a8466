"""The provincial indices beside the PAR Index: PCI, PAPI, DTI and SIPAS read as themselves, written to
their own rows, and given back by index_ranking with the cell each figure came from."""
import csv
import io
import subprocess
import sys

from thidua.ingest import ingest_file
from thidua.provinces import registry
from thidua.kinds.index import INDICES
from thidua.uploads import undo_upload
from unseen_index_tables import (PCI_TITLE, papi_expect, papi_sheet, par_sheet, pci_lines, pci_sheet,
                                 sipas_lines, sipas_sheet)
import unseen_layouts
from unseen_layouts import names63, par_scores
from workbook_builders import SheetSpec, write_workbook

MISSING_IN_PAPI_2023 = ("Quảng Ninh", "Bình Dương")


def run(*args, db):
    return subprocess.run([sys.executable, "-m", "thidua", "--db", str(db), *args],
                          capture_output=True, text=True, timeout=120)


def csv_rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_pci_and_papi_ingested_from_the_command_line_come_back_as_published(tmp_path):
    db = tmp_path / "thidua.duckdb"
    pci = write_workbook(tmp_path / "PCI_2020.xlsx", pci_sheet(2020, names63()))
    papi_names = [n for n in names63() if n not in MISSING_IN_PAPI_2023]
    papi = write_workbook(tmp_path / "PAPI_2023_phu_luc.xlsx", papi_sheet(2023, papi_names))

    ingested = run("ingest", str(pci), str(papi), db=db)
    assert ingested.returncode == 0, ingested.stderr
    assert "PCI 2020, 63 dòng" in ingested.stdout and "PAPI 2023, 61 dòng" in ingested.stdout

    pci_rows = csv_rows(run("query", "index_ranking", "--param", "index=pci", "--param", "year=2020",
                            "--format", "csv", db=db).stdout)
    assert {(r["province"], float(r["score"]), int(r["rank"])) for r in pci_rows} == set(pci_lines(names63()))
    assert {r["source_file"] for r in pci_rows} == {"PCI_2020.xlsx"}
    first = next(r for r in pci_rows if r["rank"] == "1")
    assert (first["source_sheet"], first["source_cell"], first["band"]) == ("PCI", "C5", "Rất tốt")

    papi_rows = csv_rows(run("query", "index_ranking", "--param", "index=papi", "--param", "year=2023",
                             db=db).stdout)
    expected = {name: figures for (_, _, name), figures in papi_expect(2023, papi_names).items()}
    assert {r["province"]: (float(r["score"]), int(r["rank"])) for r in papi_rows} == expected
    assert not {r["province"] for r in papi_rows} & set(MISSING_IN_PAPI_2023)  # absent, not zero

    assert csv_rows(run("query", "par_ranking", "--param", "year=2020", db=db).stdout) == []  # PAR untouched


def test_a_table_naming_no_index_is_read_as_the_index_the_command_line_names(tmp_path):
    db = tmp_path / "thidua.duckdb"
    lines = pci_lines(names63())
    rows = [["KẾT QUẢ XẾP HẠNG NĂM 2021"], ["Xếp hạng", "Tỉnh, thành phố", "Điểm"], *[[r, n, s] for n, s, r in lines]]
    path = write_workbook(tmp_path / "xep_hang.xlsx", SheetSpec("Sheet1", rows))

    ingested = run("ingest", str(path), "--kind", "index", "--index", "pci", db=db)

    assert ingested.returncode == 0, ingested.stderr
    indices = run("query", "indices", "--format", "json", db=db).stdout
    assert '"index":"pci"' in indices and '"years":[2021]' in indices
    assert csv_rows(run("query", "par_ranking", "--param", "year=2021", db=db).stdout) == []


def test_a_partial_pci_table_gives_its_thirty_provinces_only(empty_db, tmp_path):
    lines = par_scores(names63()[10:40], 72.3, 0.3)
    rows = [["PCI 2023: 30 ĐỊA PHƯƠNG CÓ ĐIỂM SỐ CAO NHẤT"], ["Thứ hạng", "Tỉnh, thành phố", "Điểm PCI"],
            *[[r, n, s] for n, s, r in lines]]
    outcome = ingest_file(empty_db, write_workbook(tmp_path / "pci_2023.xlsx", SheetSpec("Top 30", rows)))

    ranking = empty_db.query("index_ranking", index="pci", year=2023)
    assert outcome.kind == "index" and outcome.scope == "PCI 2023"
    assert list(ranking.province) == [n for n, _, _ in lines] and list(ranking["rank"]) == list(range(1, 31))
    assert any("30/63" in w.message for w in outcome.warnings)


def test_a_sipas_sheet_beside_the_par_sheet_is_the_sipas_index_of_that_year(empty_db, tmp_path):
    lines, sipas = par_scores(names63()), sipas_lines(names63())
    path = write_workbook(tmp_path / "chi_so_2023.xlsx", sipas_sheet(2023, sipas), par_sheet(2023, lines))

    ingest_file(empty_db, path)

    ranking = empty_db.query("index_ranking", index="sipas", year=2023)
    assert {(r.province, round(r.score, 2), r.rank) for r in ranking.itertuples()} == set(sipas)
    top = ranking.iloc[0]
    assert (top.source_sheet, top.source_cell) == ("SIPAS", "C5")
    par = empty_db.query("par_ranking", year=2023)
    assert {(r.province, r.score, r.rank) for r in par.itertuples()} == set(lines)
    assert set(empty_db.query("index_ranking", index="par", year=2023).province) == set(par.province)


def test_undoing_an_index_upload_brings_back_the_one_it_replaced(empty_db, tmp_path):
    first = ingest_file(empty_db, write_workbook(tmp_path / "PCI_a.xlsx", pci_sheet(2020, names63())))
    second = ingest_file(empty_db, write_workbook(tmp_path / "PCI_b.xlsx", pci_sheet(2020, names63()[::-1])))
    assert empty_db.query("index_ranking", index="pci", year=2020).source_file.unique().tolist() == ["PCI_b.xlsx"]

    undone = undo_upload(empty_db, second.upload_id, "tester")

    assert [u.upload_id for u in undone.restored] == [first.upload_id]
    assert empty_db.query("index_ranking", index="pci", year=2020).source_file.unique().tolist() == ["PCI_a.xlsx"]


def test_an_index_upload_says_which_upload_of_that_index_and_year_it_replaces_and_no_other(empty_db, tmp_path):
    sipas = ingest_file(empty_db, write_workbook(tmp_path / "SIPAS_2020.xlsx", sipas_sheet(2020, sipas_lines(names63()))),
                        index="sipas")
    first = ingest_file(empty_db, write_workbook(tmp_path / "PCI_a.xlsx", pci_sheet(2020, names63())))
    second = ingest_file(empty_db, write_workbook(tmp_path / "PCI_b.xlsx", pci_sheet(2020, names63()[::-1])))

    assert first.changes.replaced == [] and sipas.upload_id not in {u.upload_id for u in second.changes.replaced}
    assert [u.upload_id for u in second.changes.replaced] == [first.upload_id]
    pci = empty_db.query("data_sources", kind="index").query("index_id == 'pci'")
    assert pci.upload_id.tolist() == [second.upload_id]


def test_a_full_pci_table_with_an_unknown_province_is_refused_naming_the_cell(empty_db, tmp_path):
    lines = pci_lines(names63())
    rows = [[PCI_TITLE.format(year=2021)], ["Xếp hạng", "Tỉnh, thành phố", "Điểm PCI"], *[[r, n, s] for n, s, r in lines]]
    rows[7][1] = "Tỉnh Không Có"
    refused = run("ingest", str(write_workbook(tmp_path / "pci.xlsx", SheetSpec("PCI", rows))), db=tmp_path / "x.duckdb")
    assert refused.returncode == 1 and "ô B8" in refused.stderr and "Tỉnh Không Có" in refused.stderr


def test_a_workbook_of_every_index_lists_each_under_the_name_its_reader_gives(empty_db):
    built = unseen_layouts.CASES["i07_every_index_one_sheet_each"][1]()
    ingest_file(empty_db, built.data, built.file_name)

    indices = empty_db.query("indices")

    assert list(indices["index"]) == list(INDICES)
    assert dict(zip(indices["index"], indices["name"])) == {key: schema.name for key, schema in INDICES.items()}
    assert all(list(years) == [2022] for years in indices.years)
    assert len(empty_db.query("index_ranking", index="dti", year=2022)) == len(registry().expected(2022))


def test_a_sipas_table_alone_is_read_as_sipas_when_the_person_says_so(empty_db, tmp_path):
    sipas = sipas_lines(names63())
    path = write_workbook(tmp_path / "sipas_2022.xlsx", sipas_sheet(2022, sipas))

    outcome = ingest_file(empty_db, path, index="sipas")

    ranking = empty_db.query("index_ranking", index="sipas", year=2022)
    assert outcome.scope == "SIPAS 2022"
    assert {(r.province, round(r.score, 2), r.rank) for r in ranking.itertuples()} == set(sipas)
    assert empty_db.query("par_ranking", year=2022).empty
