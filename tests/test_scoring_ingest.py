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
from thidua.ingest import ingest_file, read_upload
from thidua.readers.units import cluster_slug
from thidua.uploads import result_tables

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


def test_a_hidden_sheet_is_reported_to_a_caller_of_read_scoring_itself(tmp_path):
    from openpyxl import load_workbook

    from thidua.readers.scoring import read_scoring
    path = write_workbook(tmp_path / "bang_diem.xlsx", north_summary())
    workbook = load_workbook(path)
    workbook.create_sheet("Nam 2022").append(["Bảng điểm năm trước"])
    workbook["Nam 2022"].sheet_state = "hidden"
    workbook.save(path)
    hidden = [p for p in read_scoring(path, path.name).warnings if p.sheet == "Nam 2022"]
    assert len(hidden) == 1 and "đang ẩn" in hidden[0].message


BAC_BO_TITLE = "CỤM THI ĐUA CÁC TỈNH, THÀNH BẮC BỘ"
BAC_BO_ID = "cum-thi-dua-cac-tinh-thanh-bac-bo"


def unit_detail(province: str, first: int, second: int) -> SheetSpec:
    return SheetSpec("Sheet1", [[BAC_BO_TITLE], ["BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2023"], [f"Đơn vị: Sở Nội vụ tỉnh {province}"],
                                ["TT", "Nội dung tiêu chí", "Điểm chuẩn", "Tự chấm", "Cụm chấm"],
                                ["I", "Công tác tổ chức", 50, first, first], ["II", "Cải cách hành chính", 50, second, second],
                                [None, "TỔNG CỘNG", 100, first + second, first + second]])


def year_ranking(db) -> list[tuple]:
    ranking = db.query("cluster_ranking", cluster=BAC_BO_ID, year=2023)
    return sorted(zip(ranking.unit, ranking.total, ranking["rank"], ranking.units))


def test_one_file_per_unit_builds_the_ranking_a_summary_gives_and_a_correction_replaces_only_its_unit(tmp_path):
    from thidua.ingest import read_upload, write_upload
    from thidua.uploads import undo_upload
    figures = {"Quảng Ninh": (45, 48), "Ninh Bình": (44, 40), "Hải Phòng": (47, 46)}
    per_unit, summarised = Database(tmp_path / "per_unit.duckdb"), Database(tmp_path / "summary.duckdb")
    for province, (first, second) in figures.items():
        ingest_file(per_unit, write_workbook(tmp_path / f"{province}.xlsx", unit_detail(province, first, second)))
    summary = [[BAC_BO_TITLE], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2023"], ["STT", "Đơn vị", "Tổng điểm"],
               *[[n + 1, f"Sở Nội vụ {p}", a + b] for n, (p, (a, b)) in enumerate(figures.items())]]
    ingest_file(summarised, write_workbook(tmp_path / "tong_hop.xlsx", SheetSpec("Tong hop", summary)))
    before = year_ranking(per_unit)
    assert before == year_ranking(summarised) == [("Sở Nội vụ Hải Phòng", 93.0, 1, 3), ("Sở Nội vụ Ninh Bình", 84.0, 3, 3),
                                                  ("Sở Nội vụ Quảng Ninh", 93.0, 1, 3)]
    corrected = ingest_file(per_unit, write_workbook(tmp_path / "Ninh Bình (sửa).xlsx", unit_detail("Ninh Bình", 49, 49)))
    assert year_ranking(per_unit) == [("Sở Nội vụ Hải Phòng", 93.0, 2, 3), ("Sở Nội vụ Ninh Bình", 98.0, 1, 3),
                                      ("Sở Nội vụ Quảng Ninh", 93.0, 2, 3)]
    undone = undo_upload(per_unit, corrected.upload_id, "can.bo")
    assert year_ranking(per_unit) == before
    assert [upload.file_name for upload in undone.restored] == ["Ninh Bình.xlsx"]  # not the newest of the scope
    again = tmp_path / "Quảng Ninh.xlsx"
    assert write_upload(per_unit, read_upload(again.read_bytes(), "ban sao.xlsx")).already_uploaded_as == 1


def period_summary(name: str, title: str, lines: list[list]) -> SheetSpec:
    return SheetSpec(name, [["CỤM THI ĐUA SỞ NỘI VỤ CÁC TỈNH MIỀN NÚI BIÊN GIỚI PHÍA BẮC"], [title],
                            ["STT", "Đơn vị", "Tổng điểm", "Xếp hạng"], *lines])


def test_a_mid_year_and_a_year_end_sheet_are_one_upload_of_two_periods(tmp_path):
    db = Database(tmp_path / "t.duckdb")
    path = write_workbook(tmp_path / "so_ket_va_tong_ket_2022.xlsx",
                          period_summary("So ket", "KẾT QUẢ SƠ KẾT 6 THÁNG NĂM 2022", [[1, "Lạng Sơn", 48, 2],
                                                                                    [2, "Cao Bằng", 49, 1]]),
                          period_summary("Tong ket", "KẾT QUẢ TỔNG KẾT NĂM 2022", [[1, "Lạng Sơn", 96, 1],
                                                                              [2, "Cao Bằng", 94, 2]]))
    outcome = ingest_file(db, path)
    assert outcome.rows == 4 and "sơ kết 6 tháng" in outcome.scope and "tổng kết năm" in outcome.scope
    year_end = db.query("cluster_ranking", cluster=CLUSTER, year=2022).set_index("unit")
    mid_year = db.query("cluster_ranking", cluster=CLUSTER, year=2022, period="mid").set_index("unit")
    assert year_end.loc["Sở Nội vụ Lạng Sơn", ["total", "rank"]].tolist() == [96, 1]
    assert mid_year.loc["Sở Nội vụ Lạng Sơn", ["total", "rank"]].tolist() == [48, 2]
    assert len(db.query("uploads")) == 1
    units = result_tables(read_upload(path.read_bytes(), path.name))["units"]  # the upload page's preview
    assert sorted(zip(units.period, units.unit, units.total)) == [
        ("sơ kết 6 tháng", "Sở Nội vụ Cao Bằng", 49), ("sơ kết 6 tháng", "Sở Nội vụ Lạng Sơn", 48),
        ("tổng kết năm", "Sở Nội vụ Cao Bằng", 94), ("tổng kết năm", "Sở Nội vụ Lạng Sơn", 96)]


def test_a_workbook_whose_second_part_is_refused_writes_neither_part(tmp_path):
    db = Database(tmp_path / "t.duckdb")
    path = write_workbook(tmp_path / "hai_ky.xlsx",
                          period_summary("So ket", "KẾT QUẢ SƠ KẾT 6 THÁNG NĂM 2022", [[1, "Lạng Sơn", 48, 1]]),
                          period_summary("Tong ket", "KẾT QUẢ TỔNG KẾT NĂM 2022", [[1, "Lạng Sơn", 96, 4]]))
    result = cli(tmp_path / "t.duckdb", "ingest", str(path))
    assert result.returncode == 1 and "Tong ket" in result.stderr and "C4" not in result.stderr
    assert "D4" in result.stderr  # rank 4 in a table of one unit
    assert db.query("uploads").empty and db.query("clusters").empty


AGENCIES = ["Ban Tổ chức", "Ban Tuyên giáo", "Ban Dân vận", "Ủy ban Kiểm tra", "Văn phòng", "Ban Nội chính",
            "Đảng ủy Khối"]


def agencies_summary(units: list[str], totals: list[float]) -> SheetSpec:
    return SheetSpec("Tong hop", [["CỤM THI ĐUA CÁC BAN ĐẢNG"], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2023"],
                                  ["STT", "Đơn vị", "Tổng điểm"],
                                  *[[n, unit, total] for n, (unit, total) in enumerate(zip(units, totals), start=1)]])


def test_a_corrected_summary_without_a_unit_takes_it_out_of_the_ranking_and_says_so(tmp_path):
    from thidua.ingest import leaving_units, read_upload
    from thidua.uploads import undo_upload
    db = Database(tmp_path / "t.duckdb")
    totals = [95.0, 94.0, 93.0, 92.0, 91.0, 90.0, 89.0]
    ingest_file(db, write_workbook(tmp_path / "tong_hop.xlsx", agencies_summary(AGENCIES, totals)))
    cluster = db.query("clusters").cluster_id.iloc[0]
    assert len(db.query("cluster_ranking", cluster=cluster, year=2023)) == 7

    without = [unit for unit in AGENCIES if unit != "Ủy ban Kiểm tra"]
    corrected = write_workbook(tmp_path / "tong_hop_sua.xlsx", agencies_summary(without, [96.0, *totals[1:6]]))
    assert leaving_units(db, read_upload(corrected.read_bytes(), corrected.name)) == ["Ủy ban Kiểm tra"]
    outcome = ingest_file(db, corrected)
    assert any("Ủy ban Kiểm tra" in w.message and "rời bảng xếp hạng" in w.message for w in outcome.warnings)

    ranking = db.query("cluster_ranking", cluster=cluster, year=2023)
    assert list(ranking.unit) == without and list(ranking["rank"]) == [1, 2, 3, 4, 5, 6]
    assert set(ranking.units) == {6} and ranking.total.iloc[0] == 96.0
    assert "Ủy ban Kiểm tra" not in set(db.query("awards", cluster=cluster, year=2023).unit)

    undo_upload(db, outcome.upload_id, "can.bo")
    assert len(db.query("cluster_ranking", cluster=cluster, year=2023)) == 7


def test_in_one_batch_a_file_read_ahead_is_written_after_the_one_before_it_and_its_diff_sees_it(tmp_path):
    from thidua.ingest import ingest_files
    from thidua.readers.problems import Refused
    db = Database(tmp_path / "t.duckdb")
    totals = [95.0, 94.0, 93.0, 92.0, 91.0, 90.0, 89.0]
    without = [unit for unit in AGENCIES if unit != "Ủy ban Kiểm tra"]
    files = [write_workbook(tmp_path / "1_tong_hop.xlsx", agencies_summary(AGENCIES, totals)),
             write_workbook(tmp_path / "2_loi.xlsx", agencies_summary(AGENCIES[:2], [95.0, 20000.0])),
             write_workbook(tmp_path / "3_tong_hop_sua.xlsx", agencies_summary(without, [96.0, *totals[1:6]]))]
    outcomes = list(ingest_files(db, files))

    assert [path for path, _ in outcomes] == files and isinstance(outcomes[1][1], Refused)
    first, corrected = outcomes[0][1], outcomes[2][1]
    assert corrected.upload_id == first.upload_id + 1
    assert [upload.upload_id for upload in corrected.changes.replaced] == [first.upload_id]
    assert set(corrected.changes.appearing.subject) == set()
    assert list(corrected.changes.leaving.subject) == ["Ủy ban Kiểm tra"]
    changed = corrected.changes.changed
    assert changed[changed.figure == "Tổng điểm"][["subject", "before", "after"]].values.tolist() == [
        ["Ban Tổ chức", "95,00", "96,00"], ["Văn phòng", "91,00", "92,00"], ["Ban Nội chính", "90,00", "91,00"],
        ["Đảng ủy Khối", "89,00", "90,00"]]
    leaving = [w.message for w in corrected.warnings if "rời bảng xếp hạng" in w.message]
    assert len(leaving) == 1 and "(Ủy ban Kiểm tra)" in leaving[0]
    assert first.changes.replaced == [] and set(first.changes.appearing.subject) == set(AGENCIES)
    assert not any("rời bảng xếp hạng" in w.message for w in first.warnings)
    shown = first.changes.lines
    assert not (shown.before.isna() & shown.after.isna()).any()  # no award before or after: no line says so

    everything = db.query("data_sources")
    cluster = db.query("clusters").cluster_id.iloc[0]
    ours = db.query("data_sources", kind="scoring", cluster=cluster)
    assert list(ours.upload_id) == [corrected.upload_id]
    assert ours.equals(everything[(everything.kind == "scoring") & (everything.cluster_id == cluster)]
                       .reset_index(drop=True))


@pytest.mark.parametrize("total", [1e308, 15000.0, -20000.0])
def test_an_absurd_total_is_refused_naming_its_cell_and_nothing_is_written(tmp_path, total):
    from thidua.readers.problems import Refused
    db = Database(tmp_path / "t.duckdb")
    path = write_workbook(tmp_path / "tong_hop.xlsx", agencies_summary(AGENCIES[:3], [95.0, total, 90.0]))
    with pytest.raises(Refused) as refused:
        ingest_file(db, path)
    problem = next(p for p in refused.value.problems if "vượt quá 10000 điểm" in p.message)
    assert problem.cell == "C5" and problem.sheet == "Tong hop" and "Ban Tuyên giáo" in problem.message
    assert db.query("uploads").empty


def test_undoing_the_only_upload_of_a_cluster_takes_its_name_off_the_list(tmp_path):
    from thidua.uploads import undo_upload
    db = Database(tmp_path / "t.duckdb")
    outcome = ingest_file(db, write_workbook(tmp_path / "tong_hop.xlsx", agencies_summary(AGENCIES[:3], [95, 94, 93])))
    assert len(db.query("clusters")) == 1
    undo_upload(db, outcome.upload_id, "can.bo")
    assert db.query("clusters").empty
