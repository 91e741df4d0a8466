"""Every figure a named result gives is found in the workbook at the sheet and cell it names."""
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from thidua.ingest import ingest_file, write_upload
from thidua.provenance import source_line, source_lines
from thidua.roster_editor import ROLES, edited_reading, shown
from unseen_layouts import s01_three_row_header_with_self_and_appraised_pairs

DEMO = Path(__file__).parent.parent / "data" / "demo"
SUMMARY = DEMO / "scoring" / "Cum SNV mien nui bien gioi phia Bac - Tong hop diem 2024.xlsx"
DETAIL = DEMO / "scoring" / "Cham diem chi tiet cac SNV Bac Bo 2024.xlsx"
LEADERS = DEMO / "roster" / "Cum truong, Cum pho cac Cum thi dua SNV 2019-2024.xlsx"
MEMBERS_AND_AWARDS = DEMO / "roster" / "Thanh vien va khen thuong cac Cum thi dua.xlsx"


def seen_at(path: Path, sheet: str, cell: str) -> object:
    """What a person sees at the cell: its value, or the value a formula last computed."""
    return openpyxl.load_workbook(path, data_only=True)[sheet][cell].value


def number_at(path: Path, sheet: str, cell: str) -> float:
    return float(str(seen_at(path, sheet, cell)).replace(",", "."))


def score_at(path: Path, sheet: str, cell: str) -> float:
    """A score cell: a blank one scores zero."""
    return 0.0 if seen_at(path, sheet, cell) is None else number_at(path, sheet, cell)


@pytest.mark.parametrize("workbook", [SUMMARY, DETAIL], ids=["summary", "detail"])
def test_each_cluster_total_is_found_at_its_sheet_and_cell(empty_db, workbook):
    ingest_file(empty_db, workbook)
    cluster = empty_db.query("clusters").cluster_id.iloc[0]
    ranking = empty_db.query("cluster_ranking", cluster=cluster, year=2024)

    assert len(ranking) > 1
    assert set(ranking.source_file) == {workbook.name}
    for row in ranking.itertuples():
        assert number_at(workbook, row.source_sheet, row.source_cell) == pytest.approx(row.total, abs=0.005)


def found_at_their_cells(path: Path, rows: pd.DataFrame, figures: dict[str, str]) -> int:
    """Checks each figure (column -> its cell's column) against the workbook at the row's sheet and cell;
    how many it found. A penalty is stored by its size, however its cell writes it."""
    checked = 0
    for row in rows.itertuples():
        for figure, cell in figures.items():
            if pd.notna(getattr(row, cell)):
                assert abs(score_at(path, row.source_sheet, getattr(row, cell))) == \
                    pytest.approx(getattr(row, figure), abs=0.005), (row, figure)
                checked += 1
    return checked


def test_a_summary_with_self_and_cluster_pairs_names_the_cells_of_self_total_bonus_penalty_and_self_scores(
        empty_db, tmp_path):
    built = s01_three_row_header_with_self_and_appraised_pairs()
    path = tmp_path / built.file_name
    path.write_bytes(built.data)
    ingest_file(empty_db, path)
    cluster = empty_db.query("clusters").cluster_id.iloc[0]
    ranking = empty_db.query("cluster_ranking", cluster=cluster, year=2022)

    assert ranking.self_total_cell.notna().all()
    assert found_at_their_cells(path, ranking, {"self_total": "self_total_cell", "bonus": "bonus_cell",
                                                "penalty": "penalty_cell"}) == 3 + 2 + 2  # a blank bonus has no cell
    for unit in ranking.unit:
        criteria = empty_db.query("unit_criteria", cluster=cluster, year=2022, unit=unit)
        assert found_at_their_cells(path, criteria, {"self_score": "self_cell", "cluster_score": "cluster_cell"}) == 4
        assert criteria.max_cell.notna().all()  # the maxima are written in the header: 'I. Công tác tổ chức (40 điểm)'
        assert all(f"({row.max_points:g} điểm)" in seen_at(path, row.source_sheet, row.max_cell)
                   for row in criteria.itertuples())


def test_detail_sheets_name_the_cells_of_self_totals_maxima_and_self_scores_and_none_for_added_up_bonus(empty_db):
    ingest_file(empty_db, DETAIL)
    cluster = empty_db.query("clusters").cluster_id.iloc[0]
    ranking = empty_db.query("cluster_ranking", cluster=cluster, year=2024)

    assert len(ranking) > 1 and ranking.self_total_cell.notna().all()
    assert found_at_their_cells(DETAIL, ranking, {"self_total": "self_total_cell"}) == len(ranking)
    assert ranking.bonus_cell.isna().all()  # each unit's bonus adds up its rows of bonus: no one cell holds it
    for unit in ranking.unit:
        criteria = empty_db.query("unit_criteria", cluster=cluster, year=2024, unit=unit)
        leaves = criteria[criteria.is_leaf]
        assert leaves.self_cell.notna().all() and leaves[leaves.max_points.notna()].max_cell.notna().all()
        assert found_at_their_cells(DETAIL, criteria, {"max_points": "max_cell", "self_score": "self_cell",
                                                       "cluster_score": "cluster_cell"}) > 2 * len(leaves)


def test_each_award_is_found_at_its_sheet_and_cell(empty_db):
    ingest_file(empty_db, SUMMARY)
    ingest_file(empty_db, MEMBERS_AND_AWARDS)
    awards = empty_db.query("awards")
    by_file = {name: awards[awards.source_file == name] for name in (SUMMARY.name, MEMBERS_AND_AWARDS.name)}

    assert all(len(found) > 0 for found in by_file.values()), by_file  # proposals of the scoring workbook and a roster's list
    for path in (SUMMARY, MEMBERS_AND_AWARDS):
        for row in by_file[path.name].itertuples():
            assert row.award in str(seen_at(path, row.source_sheet, row.source_cell))


def test_each_leader_and_deputy_is_found_at_its_sheet_and_cell(empty_db):
    ingest_file(empty_db, LEADERS)
    roles = empty_db.query("leader_history")

    assert len(roles) > 1 and set(roles.source_file) == {LEADERS.name}
    for row in roles.itertuples():
        written = str(seen_at(LEADERS, row.source_sheet, row.source_cell))
        assert row.province in written or row.unit in written, (row.unit, written)


def test_a_source_line_names_file_sheet_cell_date_and_uploader():
    line = source_line("PAR 2022.xlsx", "PAR 2022", "C12", pd.Timestamp("2026-05-04 10:00"), "can.bo")
    assert line == "Nguồn: tệp «PAR 2022.xlsx», trang «PAR 2022», ô C12, nhập ngày 04/05/2026 bởi can.bo"
    assert source_line("PAR 2022.xlsx", None, None, pd.Timestamp("2026-05-04"), "") == \
        "Nguồn: tệp «PAR 2022.xlsx», nhập ngày 04/05/2026"
    assert source_lines(pd.DataFrame({"unit": ["A"]})).tolist() == [""]  # rows that do not say where they come from


def test_a_leader_typed_in_through_the_editor_says_so_and_the_other_years_keep_their_workbook(empty_db):
    ingest_file(empty_db, LEADERS)
    roles = empty_db.query("leader_history")
    cluster_id = roles.cluster_id.iloc[0]
    before = shown(ROLES, roles[roles.cluster_id == cluster_id])
    year = int(before["Năm"].max())
    after = before.copy()
    after.loc[(after["Năm"] == year) & (after["Vai trò"] == "Cụm trưởng"), "Đơn vị"] = \
        before[(before["Năm"] == year) & (before["Vai trò"] == "Cụm phó")]["Đơn vị"].iloc[0]
    after = after[~((after["Năm"] == year) & (after["Vai trò"] == "Cụm phó"))]
    write_upload(empty_db, edited_reading(roles.cluster.iloc[0], {"roles": (before, after)}, "v1"), "can.bo")

    now = empty_db.query("leader_history", cluster=cluster_id)
    lines = source_lines(now)
    typed_in = now.year == year
    assert typed_in.any() and (~typed_in).any()
    assert all(line.startswith(f"Nguồn: nhập trên ứng dụng (bảng «{ROLES.title}»), ô C") and line.endswith("bởi can.bo")
               for line in lines[typed_in])
    assert all(line.startswith(f"Nguồn: tệp «{LEADERS.name}», trang «") for line in lines[~typed_in])
