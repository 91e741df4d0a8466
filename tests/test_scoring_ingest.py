"""Scoring workbooks through the command line into the named results: totals, ranks and awards
equal the workbook's own, corrected workbooks replace earlier ones, detail files replace one unit."""
import csv
import io
import random
import subprocess
import sys

import pytest
from test_scoring_reader import SNV_NORTH_NAME, generated_summary, header_merges, north_summary, title_rows
from workbook_builders import SheetSpec, write_workbook

from thidua.db import Database
from thidua.ingest import ingest_file
from thidua.readers.units import cluster_slug

CLUSTER = cluster_slug(SNV_NORTH_NAME)


def cli(db, *args):
    return subprocess.run([sys.executable, "-m", "thidua", "--db", str(db), *args],
                          capture_output=True, text=True, timeout=120)


def rows(result):
    assert result.returncode == 0, result.stderr
    return list(csv.DictReader(io.StringIO(result.stdout)))


@pytest.mark.parametrize("seed", range(4))
def test_unseen_summary_layouts_give_the_workbooks_totals_ranks_and_awards(tmp_path, seed):
    rng = random.Random(100 + seed)
    table, span, expected = generated_summary(rng)
    above = title_rows(rng, "BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2022")
    merged = header_merges(len(above) + 1, table, [span]) if span else []
    path = write_workbook(tmp_path / "tong_hop.xlsx", SheetSpec("Tong hop", above + table, merged))
    db = tmp_path / "t.duckdb"

    ingested = cli(db, "ingest", str(path))
    assert ingested.returncode == 0, ingested.stderr
    assert "Bảng chấm điểm" in ingested.stdout

    assert [r["cluster_id"] for r in rows(cli(db, "query", "clusters"))] == [CLUSTER]
    ranking = rows(cli(db, "query", "cluster_ranking", "--param", f"cluster={CLUSTER}", "--param", "year=2022"))
    assert {r["unit"]: float(r["total"]) for r in ranking} == pytest.approx(expected.totals)
    assert {r["unit"]: int(r["rank"]) for r in ranking} == expected.ranks
    awards = rows(cli(db, "query", "awards", "--param", f"cluster={CLUSTER}", "--param", "year=2022"))
    assert {r["unit"]: r["award"] for r in awards} == {u: a for u, a in expected.awards.items() if a}
    assert list(awards[0])[:4] == ["cluster", "year", "unit", "award"]


def test_a_corrected_workbook_replaces_the_earlier_one_which_stays_in_history(tmp_path):
    db = Database(tmp_path / "t.duckdb")
    first = write_workbook(tmp_path / "tong_hop_2022.xlsx", north_summary())
    ingest_file(db, first)
    corrected = north_summary()
    cao_bang = corrected.rows[10]
    cao_bang[4], cao_bang[7] = 29, 98  # criterion 3 and the total, corrected upwards
    second = write_workbook(tmp_path / "tong_hop_2022_sua.xlsx", corrected)
    outcome = ingest_file(db, second)

    ranking = db.query("cluster_ranking", cluster=CLUSTER, year=2022).set_index("unit")
    assert ranking.loc["Sở Nội vụ Cao Bằng", "total"] == 98
    assert len(ranking) == 4
    uploads = db.query("uploads")
    assert list(uploads.file_name) == ["tong_hop_2022_sua.xlsx", "tong_hop_2022.xlsx"]
    assert ingest_file(db, second).already_uploaded_as == outcome.upload_id


def test_group_scores_and_unit_criteria_for_the_page(tmp_path):
    db = Database(tmp_path / "t.duckdb")
    ingest_file(db, write_workbook(tmp_path / "tong_hop.xlsx", north_summary()))
    groups = db.query("cluster_groups", cluster=CLUSTER, year=2022)
    lang_son = groups[groups.unit == "Sở Nội vụ Lạng Sơn"]
    assert len(lang_son) == 3
    assert lang_son.share.max() == pytest.approx(1.0)  # 30 of 30 on the third group
    criteria = db.query("unit_criteria", cluster=CLUSTER, year=2022, unit="Sở Nội vụ Lạng Sơn")
    assert not criteria.empty
