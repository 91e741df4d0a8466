"""Cluster rosters: leaders and deputies in the wide and the long shape, member and award lists,
the checks (each naming its cell), the database round trip and the demo's seed facts."""
from datetime import date

import pandas as pd
import pytest

from thidua.awards import LADDER, UNRANKED, award_level
from thidua.db import Database
from thidua.demo import roster as demo
from thidua.ingest import detect_kind, ingest_file
from thidua.readers.problems import Refused
from thidua.readers.roster import check_roster, looks_like_roster, read_roster, role_of
from thidua.readers.units import cluster_slug
from thidua.io.workbook import load_sheets
from workbook_builders import SheetSpec, write_csv, write_workbook

BORDER = "Cụm thi đua Sở Nội vụ các tỉnh miền núi biên giới phía Bắc"
MIDLANDS = "Cụm thi đua Sở Nội vụ các tỉnh Trung du và miền núi phía Bắc"
AGENCIES = "Cụm thi đua các cơ quan tham mưu tổng hợp tỉnh Lạng Sơn"
WIDE_HEADER = ["STT", "Cụm thi đua", "Năm", "Cụm trưởng", "Cụm phó", "Cụm phó (2)", "Ghi chú"]
WIDE_ROWS = [  # rows 4.. of the sheet; the border cluster's name is merged down B4:B6
    [1, BORDER, 2021, "Sở Nội vụ tỉnh Cao Bằng", "SNV Lạng Sơn", None, None],
    [2, None, 2022, "Lạng Sơn", "Lai Châu", None, "Bầu tại Hội nghị tổng kết năm 2021"],
    [3, None, 2023, "Sở Nội vụ Lai Châu", "Điện Biên", "Sơn La", None],
    [4, MIDLANDS, 2022, "Bắc Giang", "Bắc Kạn", "Phú Thọ", None],
    [5, None, 2023, "Bắc Kạn", "Tuyên Quang", None, None],  # a blank cluster cell repeats the one above
    [6, AGENCIES, 2021, "Sở Tài chính", "Sở Kế hoạch và Đầu tư", None, None],
]
WIDE_ROLES = {  # (cluster, year, role, unit, cell) the wide sheet gives
    (BORDER, 2021, "Cụm trưởng", "Sở Nội vụ Cao Bằng", "D4"), (BORDER, 2021, "Cụm phó", "Sở Nội vụ Lạng Sơn", "E4"),
    (BORDER, 2022, "Cụm trưởng", "Sở Nội vụ Lạng Sơn", "D5"), (BORDER, 2022, "Cụm phó", "Sở Nội vụ Lai Châu", "E5"),
    (BORDER, 2023, "Cụm trưởng", "Sở Nội vụ Lai Châu", "D6"), (BORDER, 2023, "Cụm phó", "Sở Nội vụ Điện Biên", "E6"),
    (BORDER, 2023, "Cụm phó", "Sở Nội vụ Sơn La", "F6"),
    (MIDLANDS, 2022, "Cụm trưởng", "Sở Nội vụ Bắc Giang", "D7"), (MIDLANDS, 2022, "Cụm phó", "Sở Nội vụ Bắc Kạn", "E7"),
    (MIDLANDS, 2022, "Cụm phó", "Sở Nội vụ Phú Thọ", "F7"),
    (MIDLANDS, 2023, "Cụm trưởng", "Sở Nội vụ Bắc Kạn", "D8"),
    (MIDLANDS, 2023, "Cụm phó", "Sở Nội vụ Tuyên Quang", "E8"),
    (AGENCIES, 2021, "Cụm trưởng", "Sở Tài chính", "D9"), (AGENCIES, 2021, "Cụm phó", "Sở Kế hoạch và Đầu tư", "E9"),
}


def wide_workbook(path, rows=WIDE_ROWS):
    sheet_rows = [["DANH SÁCH CỤM TRƯỞNG, CỤM PHÓ CÁC CỤM THI ĐUA"], [], WIDE_HEADER, *rows,
                  [], [None, None, None, None, "NGƯỜI LẬP BIỂU", None, "TM. CỤM TRƯỞNG"]]
    return write_workbook(path, SheetSpec("Cum truong", sheet_rows, ["A1:G1", "B4:B6"]))


def refusal(excinfo) -> list[str]:
    return [str(p) for p in excinfo.value.problems]


def role_set(frame) -> set[tuple]:
    return {(r.cluster, r.year, r.role, r.unit, r.cell) for r in frame.itertuples()}


# ---- shapes ----------------------------------------------------------------------------------------

def test_wide_form_with_two_deputies_gives_every_role_with_its_cell(tmp_path):
    path = wide_workbook(tmp_path / "roster.xlsx")

    result = read_roster(path, path.name)

    assert role_set(result.roles) == WIDE_ROLES
    assert result.warnings == []
    assert result.members.empty and result.awards.empty
    assert dict(zip(result.clusters.name, result.clusters.kind)) == {
        BORDER: "provinces", MIDLANDS: "provinces", AGENCIES: "agencies"}
    border = result.roles[result.roles.cluster == BORDER]
    assert set(border.cluster_id) == {cluster_slug(BORDER)} and set(border.province_code) >= {"20", "12"}
    assert result.scope == "3 cụm, 2021–2023"


def test_a_year_over_the_leader_columns_gives_their_year(tmp_path):
    rows = [["Cụm thi đua", "Năm 2022", None, "Năm 2023", None],
            [None, "Cụm trưởng", "Cụm phó", "Cụm trưởng", "Cụm phó"],
            [BORDER, "Lạng Sơn", "Lai Châu", "Lai Châu", "Điện Biên"]]
    path = write_workbook(tmp_path / "x.xlsx", SheetSpec("S", rows, ["A1:A2", "B1:C1", "D1:E1"]))

    roles = read_roster(path, path.name).roles

    assert {(r.year, r.role, r.unit) for r in roles.itertuples()} == {
        (2022, "Cụm trưởng", "Sở Nội vụ Lạng Sơn"), (2022, "Cụm phó", "Sở Nội vụ Lai Châu"),
        (2023, "Cụm trưởng", "Sở Nội vụ Lai Châu"), (2023, "Cụm phó", "Sở Nội vụ Điện Biên")}


def test_long_form_reads_role_words_and_lists_members_with_their_leaders(tmp_path):
    rows = [["UBND TỈNH LẠNG SƠN"], ["CỤM THI ĐUA CÁC CƠ QUAN THAM MƯU TỔNG HỢP"],
            ["DANH SÁCH CỤM TRƯỞNG, CỤM PHÓ VÀ THÀNH VIÊN NĂM 2021"], [],
            ["TT", "Đơn vị", "Chức danh trong Cụm"],
            [1, "Sở Tài chính", "Trưởng Cụm"],
            [2, "Sở Kế hoạch và Đầu tư", "Phó trưởng Cụm"],
            [3, "Văn phòng UBND tỉnh", "Thành viên"],
            [4, "Sở Tư pháp", None],
            [None, None, None, "TM. CỤM TRƯỞNG"]]
    path = write_workbook(tmp_path / "Danh sach cum.xlsx", SheetSpec("2021", rows))

    result = read_roster(path, path.name)

    assert role_set(result.roles) == {(AGENCIES, 2021, "Cụm trưởng", "Sở Tài chính", "B6"),
                                      (AGENCIES, 2021, "Cụm phó", "Sở Kế hoạch và Đầu tư", "B7")}
    assert sorted(result.members.unit) == ["Sở Kế hoạch và Đầu tư", "Sở Tài chính", "Sở Tư pháp",
                                           "Văn phòng UBND tỉnh"]
    assert set(result.members.year) == {2021}


def test_a_leadership_only_long_list_gives_no_members(tmp_path):
    rows = [["Cụm", "Năm", "Vai trò", "Đơn vị"],
            [BORDER, 2022, "Cụm trưởng", "Lạng Sơn"],
            [BORDER, 2022, "Cụm Phó", "Lai Châu"]]
    path = write_workbook(tmp_path / "x.xlsx", SheetSpec("S", rows))

    result = read_roster(path, path.name)

    assert len(result.roles) == 2 and result.members.empty


def test_member_list_as_csv_with_sections_and_the_year_in_each_row(tmp_path):
    rows = [["DANH SÁCH ĐƠN VỊ THÀNH VIÊN CÁC CỤM THI ĐUA"],
            ["STT", "Năm", "Đơn vị"],
            ["I", "CỤM THI ĐUA SỞ NỘI VỤ CÁC TỈNH MIỀN NÚI BIÊN GIỚI PHÍA BẮC"],
            [1, 2022, "Sở Nội vụ tỉnh Lai Châu"], [2, 2022, "SNV Lạng Sơn"], [3, 2022, "Cao Bằng"],
            ["II", "Cụm thi đua Sở Nội vụ các tỉnh Trung du và miền núi phía Bắc"],
            [1, 2022, "Bắc Giang"], [2, 2022, "Lạng Sơn"], [3, 2022, "Bắc Giang"]]
    path = write_csv(tmp_path / "thanh_vien.csv", [row + [None] * (3 - len(row)) for row in rows], delimiter=";")

    result = read_roster(path, path.name)

    members = {(r.cluster, r.unit) for r in result.members.itertuples()}
    assert members == {(BORDER, "Sở Nội vụ Lai Châu"), (BORDER, "Sở Nội vụ Lạng Sơn"), (BORDER, "Sở Nội vụ Cao Bằng"),
                       (MIDLANDS, "Sở Nội vụ Bắc Giang"), (MIDLANDS, "Sở Nội vụ Lạng Sơn")}
    assert [str(w) for w in result.warnings] == [
        "tệp «thanh_vien.csv», trang «thanh_vien», ô C10: «Sở Nội vụ Bắc Giang» có hai lần trong danh sách thành viên "
        f"cụm «{MIDLANDS}» năm 2022 (lần đầu ở ô C8 trang «thanh_vien»); chỉ tính một lần."]


def test_awards_decided_and_proposed_with_their_place_on_the_ladder(tmp_path):
    decided = [["Cụm thi đua", "Năm", "Đơn vị", "Hình thức khen thưởng"],
               [BORDER, 2022, "Lạng Sơn", "Cờ thi đua của Bộ Nội vụ"],
               [BORDER, 2022, "Lai Châu", "Bằng khen của Bộ trưởng Bộ Nội vụ"],
               [BORDER, 2022, "Sơn La", None],
               [BORDER, 2022, "Cao Bằng", "Khen ngợi"]]
    proposed = [["DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"], [], ["Cụm thi đua", "Năm", "Đơn vị", "Danh hiệu"],
                [BORDER, 2023, "Lai Châu", "Cờ thi đua của Chính phủ"]]
    path = write_workbook(tmp_path / "khen thuong.xlsx", SheetSpec("Quyet dinh", decided),
                          SheetSpec("De nghi", proposed))

    result = read_roster(path, path.name)

    assert {(r.year, r.unit, r.award, r.level, r.proposed) for r in result.awards.itertuples()} == {
        (2022, "Sở Nội vụ Lạng Sơn", "Cờ thi đua của Bộ Nội vụ", 2, False),
        (2022, "Sở Nội vụ Lai Châu", "Bằng khen của Bộ trưởng Bộ Nội vụ", 4, False),
        (2022, "Sở Nội vụ Cao Bằng", "Khen ngợi", UNRANKED, False),
        (2023, "Sở Nội vụ Lai Châu", "Cờ thi đua của Chính phủ", 1, True)}
    assert result.members.empty
    assert [(w.sheet, w.cell) for w in result.warnings] == [("Quyet dinh", "D5")]


def test_the_cluster_and_year_from_the_title_else_the_file_name_else_the_caller(tmp_path):
    titled = [["DANH SÁCH CỤM TRƯỞNG, CỤM PHÓ CỤM THI ĐUA SỞ NỘI VỤ CÁC TỈNH MIỀN NÚI BIÊN GIỚI PHÍA BẮC NĂM 2022"],
              [], ["Vai trò", "Đơn vị"], ["Cụm trưởng", "Lạng Sơn"], ["Cụm phó", "Lai Châu"]]
    path = write_workbook(tmp_path / "a.xlsx", SheetSpec("S", titled))
    untitled = [["Vai trò", "Đơn vị"], ["Cụm trưởng", "Lạng Sơn"]]
    named = write_workbook(tmp_path / "Cum thi dua SNV cac tinh mien nui bien gioi phia Bac 2023.xlsx",
                           SheetSpec("S", untitled))
    bare = write_workbook(tmp_path / "b.xlsx", SheetSpec("S", untitled))

    from_title = read_roster(path, path.name).roles
    from_name = read_roster(named, named.name).roles
    given = read_roster(bare, bare.name, cluster=BORDER, year=2024).roles

    assert set(from_title.cluster) == {BORDER} and set(from_title.year) == {2022}
    assert set(from_name.cluster_id) == {cluster_slug(BORDER)} and set(from_name.year) == {2023}
    assert set(given.cluster) == {BORDER} and set(given.year) == {2024}
    with pytest.raises(Refused) as refused:
        read_roster(bare, bare.name)
    assert any("thuộc cụm thi đua nào" in p for p in refusal(refused))
    assert any("thiếu năm" in p for p in refusal(refused))


def test_a_year_elected_column_gives_the_year_the_unit_leads(tmp_path):
    rows = [["Cụm thi đua", "Năm bầu", "Cụm trưởng", "Cụm phó"], [BORDER, 2021, "Lạng Sơn", "Lai Châu"]]
    path = write_workbook(tmp_path / "x.xlsx", SheetSpec("S", rows))

    assert set(read_roster(path, path.name).roles.year) == {2022}


def test_one_workbook_of_several_list_types(tmp_path):
    path = write_workbook(
        tmp_path / "cum.xlsx",
        SheetSpec("Lanh dao", [["Cụm thi đua", "Năm", "Cụm trưởng", "Cụm phó"], [BORDER, 2022, "Lạng Sơn", "Lai Châu"]]),
        SheetSpec("Thanh vien", [["Cụm thi đua", "Năm", "Đơn vị"], [BORDER, 2022, "Cao Bằng"], [BORDER, 2022, "Lai Châu"]]),
        SheetSpec("Khen thuong", [["Cụm thi đua", "Năm", "Đơn vị", "Hình thức khen thưởng"],
                                  [BORDER, 2022, "Lạng Sơn", "Cờ thi đua của Bộ Nội vụ"]]),
        SheetSpec("Ghi chu", [["Bảng này tổng hợp từ biên bản các hội nghị."]]))

    result = read_roster(path, path.name)

    assert (len(result.roles), len(result.members), len(result.awards)) == (2, 2, 1)
    assert [(w.sheet, w.severity) for w in result.warnings] == [("Ghi chu", "warning")]


# ---- what is a roster ------------------------------------------------------------------------------

def test_rosters_are_recognised_and_score_tables_are_not(tmp_path):
    roster = wide_workbook(tmp_path / "roster.xlsx")
    awards = write_workbook(tmp_path / "kt.xlsx", SheetSpec("S", [
        ["Cụm thi đua", "Năm", "Đơn vị", "Hình thức khen thưởng"], [BORDER, 2022, "Lạng Sơn", "Cờ thi đua của Bộ Nội vụ"]]))
    scoring = write_workbook(tmp_path / "diem.xlsx", SheetSpec("S", [
        ["STT", "Đơn vị", "Tổng điểm", "Xếp hạng", "Đề nghị khen thưởng", "Ghi chú"],
        [1, "Sở Nội vụ tỉnh Lạng Sơn", 98.5, 1, "Cờ thi đua của Bộ Nội vụ", "Cụm trưởng"],
        [2, "Sở Nội vụ tỉnh Lai Châu", 97, 2, None, "Cụm phó"]]))
    par = write_workbook(tmp_path / "par.xlsx", SheetSpec("S", [
        ["TT", "Tỉnh, thành phố", "Chỉ số (%)", "Xếp hạng"], [1, "Quảng Ninh", 91.2, 1]]))
    plain = write_workbook(tmp_path / "ds.xlsx", SheetSpec("S", [["STT", "Đơn vị"], [1, "Sở Tài chính"]]))

    def looks(path):
        return looks_like_roster(load_sheets(path, path.name))

    assert looks(roster) and looks(awards)
    assert not looks(scoring) and not looks(par) and not looks(plain)
    assert detect_kind(awards.read_bytes(), awards.name) == "roster"


def test_role_words_as_people_write_them():
    assert {role_of(w) for w in ("Cụm trưởng", "Trưởng Cụm", "CụmTrưởng", "KHỐI TRƯỞNG", "Trưởng")} == {"Cụm trưởng"}
    assert {role_of(w) for w in ("Cụm phó", "Phó Cụm", "Phó trưởng Cụm", "Cụm phó (2)", "Phó")} == {"Cụm phó"}
    assert {role_of(w) for w in ("Thành viên", "", None, "Đơn vị thành viên")} == {"Thành viên"}
    assert role_of("Trưởng ban") is None and role_of("Thư ký") is None


# ---- the checks ------------------------------------------------------------------------------------

def test_every_error_is_refused_together_each_naming_its_cell(tmp_path):
    next_year = date.today().year + 1
    rows = [
        [1, BORDER, 2021, "Cao Bằng", "Lạng Sơn", None, None],
        [2, BORDER, 2021, "Hà Giang", "Điện Biên", None, None],       # a second Cụm trưởng for 2021
        [3, BORDER, 2022, "Lạng Sơn", "Lạng Sơn", None, None],        # leader and deputy at once
        [4, BORDER, 2023, None, "Lai Châu", None, None],              # no leader named
        [5, BORDER, next_year + 1, "Lai Châu", None, None, None],     # a year not yet begun
        [6, BORDER, 2024, "Lạng Sonn", "Điện Biên", None, None],      # no such province
    ]
    path = wide_workbook(tmp_path / "sai.xlsx", rows)

    with pytest.raises(Refused) as refused:
        read_roster(path, path.name)

    where = {(p.sheet, p.cell): p.message for p in refused.value.problems}
    assert set(where) == {("Cum truong", cell) for cell in ("D5", "E6", "D7", "C8", "D9")}
    assert "hai Cụm trưởng" in where["Cum truong", "D5"] and "ô D4" in where["Cum truong", "D5"]
    assert "vừa là Cụm trưởng vừa là Cụm phó" in where["Cum truong", "E6"]
    assert "thiếu tên đơn vị Cụm trưởng" in where["Cum truong", "D7"]
    assert f"năm {next_year + 1} nằm ngoài khoảng 2000–{next_year}" in where["Cum truong", "C8"]
    assert "«Lạng Sonn» không phải tên một tỉnh" in where["Cum truong", "D9"] and "Lạng Sơn" in where["Cum truong", "D9"]
    assert all(str(p).startswith("tệp «sai.xlsx», trang «Cum truong», ô ") for p in refused.value.problems)


def test_unknown_role_words_and_unreadable_years_in_the_long_form(tmp_path):
    rows = [["Cụm", "Năm", "Vai trò", "Đơn vị"],
            [AGENCIES, 2021, "Trưởng ban", "Sở Tài chính"],
            [AGENCIES, "năm ngoái", "Cụm phó", "Sở Tư pháp"],
            [AGENCIES, 2022, "Cụm phó", None]]
    path = write_workbook(tmp_path / "x.xlsx", SheetSpec("S", rows))

    with pytest.raises(Refused) as refused:
        read_roster(path, path.name)

    assert refusal(refused) == [
        "tệp «x.xlsx», trang «S», ô C2: vai trò «Trưởng ban» không rõ: hãy ghi «Cụm trưởng» hoặc «Cụm phó» "
        "(đơn vị thành viên: «Thành viên»).",
        "tệp «x.xlsx», trang «S», ô B3: năm «năm ngoái» không đọc được: hãy ghi năm bằng bốn chữ số (ví dụ 2022).",
        "tệp «x.xlsx», trang «S», ô D4: thiếu tên đơn vị Cụm phó."]


def test_an_award_without_a_unit_is_refused(tmp_path):
    rows = [["Cụm thi đua", "Năm", "Đơn vị", "Hình thức khen thưởng"], [BORDER, 2022, None, "Bằng khen"]]
    path = write_workbook(tmp_path / "x.xlsx", SheetSpec("S", rows))

    with pytest.raises(Refused) as refused:
        read_roster(path, path.name)

    assert [(p.cell, p.message) for p in refused.value.problems] == [("C2", "thiếu tên đơn vị.")]


def test_the_checks_run_on_a_plain_frame_naming_the_frames_own_cells():
    roles = pd.DataFrame({"cluster": [BORDER, BORDER, BORDER], "year": [2022, 2022, 2022],
                          "role": ["Cụm trưởng", "Cụm trưởng", "Cụm phó"], "unit": ["Lạng Sơn", "Hà Giang", "Lai Châu"]})
    members = pd.DataFrame({"cluster": [AGENCIES], "year": ["2021"], "unit": ["Sở Tài chính"]})

    result = check_roster("bảng nhập", roles, members)

    assert [(p.sheet, p.cell) for p in result.errors] == [(None, "D3")]
    assert "hai Cụm trưởng" in result.errors[0].message
    assert len(result.roles) == 2 and list(result.members.unit) == ["Sở Tài chính"]
    assert result.members.year.tolist() == [2021]


# ---- the award ladder ------------------------------------------------------------------------------

def test_the_award_ladder_orders_awards_as_written():
    written = ["Tập thể lao động tiên tiến", "Giấy khen của Giám đốc Sở", "Tập thể Lao động xuất sắc",
               "BK của Chủ tịch UBND tỉnh", "Bằng khen của Thủ tướng Chính phủ", "CỜ THI ĐUA CỦA UBND TỈNH",
               "Đề nghị Chính phủ tặng Cờ thi đua"]
    assert [award_level(text) for text in written] == [7, 6, 5, 4, 3, 2, 1]
    assert len(LADDER) == 7 and award_level("Thư khen") == UNRANKED


# ---- the database ----------------------------------------------------------------------------------

@pytest.fixture
def db(tmp_path):
    return Database(tmp_path / "t.duckdb")


def test_a_wide_roster_ingests_and_leader_history_returns_every_role(db, tmp_path):
    path = wide_workbook(tmp_path / "roster.xlsx")

    outcome = ingest_file(db, path)

    assert outcome.upload_id is not None and outcome.rows == len(WIDE_ROLES)
    history = db.query("leader_history")
    assert {(r.cluster, r.year, r.role, r.unit) for r in history.itertuples()} == {
        role[:4] for role in WIDE_ROLES}
    clusters = db.query("clusters")
    assert dict(zip(clusters.cluster_id, clusters.name)) == {cluster_slug(n): n for n in (BORDER, MIDLANDS, AGENCIES)}
    only_border = db.query("leader_history", cluster=cluster_slug(BORDER))
    assert set(only_border.cluster) == {BORDER} and len(only_border) == 7


def test_awards_unite_roster_lists_and_scoring_proposals_in_ladder_order(db, tmp_path):
    path = write_workbook(tmp_path / "kt.xlsx", SheetSpec("S", [
        ["Cụm thi đua", "Năm", "Đơn vị", "Hình thức khen thưởng"],
        [BORDER, 2022, "Lai Châu", "Tập thể lao động xuất sắc"],
        [BORDER, 2022, "Sơn La", "Bằng khen của Bộ trưởng Bộ Nội vụ"],
        [BORDER, 2022, "Lạng Sơn", "Cờ thi đua của Bộ Nội vụ"],
        [BORDER, 2021, "Cao Bằng", "Cờ thi đua của Bộ Nội vụ"]]))
    ingest_file(db, path)
    proposals = pd.DataFrame({
        "unit": ["Sở Nội vụ Lai Châu", "Sở Nội vụ Điện Biên"], "province_code": ["12", "11"], "total": [99.0, 97.0],
        "rank": [1, 2], "rank_computed": [False, False], "self_total": [None, None], "bonus": [None, None],
        "penalty": [None, None], "award": ["Bằng khen của Thủ tướng Chính phủ", "Giấy khen"], "sheet": ["Tổng hợp"] * 2,
        "total_cell": ["E5", "E6"], "rank_cell": ["F5", "F6"], "award_cell": ["G5", "G6"],
        **dict.fromkeys(("self_total_cell", "bonus_cell", "penalty_cell"), [None, None])})
    with db.transaction() as writer:
        upload = writer.run("write/insert_upload", file_name="diem.xlsx", content_hash="h", kind="scoring",
                            scope="2022", row_count=2, warning_count=0, uploaded_by="")
        writer.insert("write/insert_scoring_units", proposals, upload_id=int(upload.upload_id.iloc[0]),
                      cluster_id=cluster_slug(BORDER), year=2022, period="year")

    awards = db.query("awards", year=2022)

    assert list(awards.columns[:4]) == ["cluster", "year", "unit", "award"]
    assert [(r.unit, r.source, r.level) for r in awards.itertuples()] == [
        ("Sở Nội vụ Lạng Sơn", "quyết định", 2), ("Sở Nội vụ Lai Châu", "đề nghị", 3),
        ("Sở Nội vụ Sơn La", "quyết định", 4), ("Sở Nội vụ Lai Châu", "quyết định", 5),
        ("Sở Nội vụ Điện Biên", "đề nghị", 6)]
    assert len(db.query("awards")) == 6 and db.query("awards", cluster="khong-co").empty


# ---- the demo ----------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def demo_paths(tmp_path_factory):
    return demo.write_files(tmp_path_factory.mktemp("demo"))


def test_the_demo_rosters_read_cleanly_in_both_shapes(demo_paths):
    results = {path.name: read_roster(path, path.name) for path in demo_paths}
    assert all(not r.warnings for r in results.values()), {n: [str(w) for w in r.warnings] for n, r in results.items()}
    wide, long, lists = (results[name] for name in demo.demo_workbooks())
    assert len(wide.roles) == sum(len(c.leadership[y]) for c in demo.PROVINCE_CLUSTERS for y in demo.YEARS)
    assert set(long.roles.cluster) == {AGENCIES} and len(long.members) == 7 * len(demo.YEARS)
    assert len(lists.members) == sum(len(c.members) for c in demo.PROVINCE_CLUSTERS) * len(demo.YEARS)
    assert len(lists.awards) == len(demo.DECIDED) + len(demo.PROPOSED)


def test_every_demo_leader_and_deputy_is_a_member_and_some_members_never_led():
    for cluster in demo.CLUSTERS:
        led = {unit for year in demo.YEARS for unit in cluster.leadership[year][:1]}
        assert all(set(units) <= set(cluster.members) for units in cluster.leadership.values()), cluster.name
        assert led < set(cluster.members), cluster.name
        assert len({cluster.leadership[y][0] for y in demo.YEARS}) == len(demo.YEARS), f"{cluster.name}: a leader twice"


def test_the_demo_database_holds_the_seed_facts(tmp_path, demo_paths):
    db = Database(tmp_path / "demo.duckdb")
    for path in demo_paths:
        ingest_file(db, path)
    history = {(r.cluster, r.year, r.role, r.unit) for r in db.query("leader_history").itertuples()}
    north, central = "Cụm thi đua Sở Nội vụ các tỉnh, thành Bắc Bộ", "Cụm thi đua Sở Nội vụ các tỉnh, thành miền Trung, Tây Nguyên"
    assert {(BORDER, 2022, "Cụm trưởng", "Sở Nội vụ Lạng Sơn"), (BORDER, 2022, "Cụm phó", "Sở Nội vụ Lai Châu"),
            (MIDLANDS, 2022, "Cụm trưởng", "Sở Nội vụ Bắc Giang"), (MIDLANDS, 2022, "Cụm phó", "Sở Nội vụ Bắc Kạn"),
            (north, 2022, "Cụm trưởng", "Sở Nội vụ Quảng Ninh"), (north, 2023, "Cụm trưởng", "Sở Nội vụ Ninh Bình"),
            (central, 2020, "Cụm trưởng", "Sở Nội vụ Khánh Hòa"), (central, 2021, "Cụm trưởng", "Sở Nội vụ Gia Lai"),
            (central, 2021, "Cụm phó", "Sở Nội vụ Bình Định"), (AGENCIES, 2021, "Cụm trưởng", "Sở Tài chính"),
            (AGENCIES, 2021, "Cụm phó", "Sở Kế hoạch và Đầu tư")} <= history
    members = db.query("cluster_members")
    assert set(members[(members.cluster == central) & (members.year == 2020)].province) == {
        "Đà Nẵng", "Khánh Hòa", "Quảng Nam", "Quảng Ngãi", "Bình Định", "Phú Yên", "Gia Lai", "Đắk Lắk", "Đắk Nông",
        "Kon Tum", "Lâm Đồng"}
    assert len(members[(members.cluster == AGENCIES) & (members.year == 2021)]) == 7
    awards = {(r.cluster, r.year, r.unit, r.award, r.source) for r in db.query("awards").itertuples()}
    assert (north, 2022, "Sở Nội vụ Quảng Ninh", "Cờ thi đua của Bộ Nội vụ", "quyết định") in awards
    assert {(central, 2020, f"Sở Nội vụ {p}", award, "đề nghị") for p, award in (
        ("Khánh Hòa", "Cờ thi đua của Bộ Nội vụ"), ("Đà Nẵng", "Bằng khen của Bộ trưởng Bộ Nội vụ"),
        ("Quảng Ngãi", "Bằng khen của Bộ trưởng Bộ Nội vụ"), ("Quảng Nam", "Bằng khen của Bộ trưởng Bộ Nội vụ"))} <= awards


def test_members_named_with_their_role_and_as_bare_provinces_of_another_department(tmp_path):
    rows = [["DANH SÁCH THÀNH VIÊN CỤM THI ĐUA SỞ TÀI CHÍNH CÁC TỈNH MIỀN NÚI PHÍA BẮC NĂM 2022"], [],
            ["STT", "Đơn vị"], [1, "Lạng Sơn (Cụm trưởng)"], [2, "Cao Bằng - Cụm phó"], [3, "Hà Giang"]]
    path = write_workbook(tmp_path / "thanh_vien.xlsx", SheetSpec("S", rows))

    result = read_roster(path, path.name)

    assert set(result.members.cluster) == {"Cụm thi đua Sở Tài chính các tỉnh miền núi phía Bắc"}
    assert set(zip(result.members.unit, result.members.province)) == {
        ("Sở Tài chính Lạng Sơn", "Lạng Sơn"), ("Sở Tài chính Cao Bằng", "Cao Bằng"), ("Sở Tài chính Hà Giang", "Hà Giang")}


def test_a_numbered_cluster_under_a_provincial_organiser_takes_the_province_in_its_name(tmp_path):
    def roster(province):
        rows = [[f"UBND TỈNH {province.upper()}"], ["CỤM THI ĐUA SỐ 3"], ["DANH SÁCH THÀNH VIÊN NĂM 2022"],
                ["STT", "Đơn vị"], [1, "Sở Tài chính"], [2, "Sở Tư pháp"]]
        path = write_workbook(tmp_path / f"{province}.xlsx", SheetSpec("S", rows))
        return read_roster(path, path.name).members

    bac_giang, lang_son = roster("Bắc Giang"), roster("Lạng Sơn")

    assert set(bac_giang.cluster) == {"Cụm thi đua số 3 tỉnh Bắc Giang"}
    assert set(bac_giang.cluster_id).isdisjoint(set(lang_son.cluster_id))


# ---- round four: renamed province, rotation under both roles, where a year was looked for, hidden sheets --------

def test_hue_is_named_as_it_was_called_each_year_and_stays_one_unit(tmp_path):
    from thidua.clusters import MEMBER, membership_changes
    rows = [["DANH SÁCH CỤM TRƯỞNG, CỤM PHÓ"], WIDE_HEADER,
            [1, "Cụm thi đua các tỉnh, thành miền Trung, Tây Nguyên", 2024, "Thừa Thiên Huế", "Đà Nẵng", None, None],
            [2, None, 2025, "Thành phố Huế", "Đà Nẵng", None, None]]
    result = read_roster(write_workbook(tmp_path / "cum.xlsx", SheetSpec("Cum", rows)), "cum.xlsx")
    leaders = result.roles[result.roles.role == "Cụm trưởng"].set_index("year")
    assert leaders.unit.to_dict() == {2024: "Sở Nội vụ Thừa Thiên Huế", 2025: "Sở Nội vụ Huế"}
    assert set(leaders.province_code) == {"46"}
    members = leaders.reset_index()[["year", "unit", "province"]]
    changes = membership_changes(members)
    assert list(changes.status) == [MEMBER, MEMBER] and set(changes.unit) == {"Sở Nội vụ Huế"}


ROTATION_TITLE = ["CỤM TRƯỞNG, CỤM PHÓ QUA CÁC NĂM"]


def test_a_rotation_under_both_roles_reads_the_role_each_cell_writes(tmp_path):
    rows = [ROTATION_TITLE, ["Cụm thi đua", "2021", "2022"],
            [BORDER, "Cao Bằng (Cụm trưởng)\nLạng Sơn (Cụm phó)", "Lạng Sơn (Cụm trưởng), Lai Châu (Cụm phó)"]]
    result = read_roster(write_workbook(tmp_path / "luan_phien.xlsx", SheetSpec("Luan phien", rows)), "luan_phien.xlsx")
    assert role_set(result.roles) == {
        (BORDER, 2021, "Cụm trưởng", "Sở Nội vụ Cao Bằng", "B3"), (BORDER, 2021, "Cụm phó", "Sở Nội vụ Lạng Sơn", "B3"),
        (BORDER, 2022, "Cụm trưởng", "Sở Nội vụ Lạng Sơn", "C3"), (BORDER, 2022, "Cụm phó", "Sở Nội vụ Lai Châu", "C3")}


def test_a_rotation_under_both_roles_without_the_role_in_the_cell_is_refused_by_cell(tmp_path):
    rows = [ROTATION_TITLE, ["Cụm thi đua", "2021", "2022"], [BORDER, "Cao Bằng", "Lạng Sơn (Cụm trưởng)"]]
    with pytest.raises(Refused) as excinfo:
        read_roster(write_workbook(tmp_path / "luan_phien.xlsx", SheetSpec("Luan phien", rows)), "luan_phien.xlsx")
    problem, = excinfo.value.problems
    assert (problem.sheet, problem.cell) == ("Luan phien", "B3")
    assert "không phân biệt được Cụm trưởng với Cụm phó" in problem.message and "cột B2" in problem.message


def test_a_sheet_stating_no_year_says_once_where_a_year_was_looked_for(tmp_path):
    rows = [[f"DANH SÁCH {BORDER.upper()}"], [], ["STT", "Đơn vị", "Vai trò"],
            [1, "Lạng Sơn", "Cụm trưởng"], [2, "Lai Châu", "Cụm phó"], [3, "Cao Bằng", "Thành viên"]]
    with pytest.raises(Refused) as excinfo:
        read_roster(write_workbook(tmp_path / "ds_cum.xlsx", SheetSpec("Danh sach", rows)), "ds_cum.xlsx")
    problem, = excinfo.value.problems
    assert (problem.sheet, problem.cell) == ("Danh sach", "A1")
    assert all(f"«{name}»" in problem.message for name in ("Năm", "Danh sach", "ds_cum.xlsx"))


def test_a_title_naming_two_years_is_refused_naming_both_never_as_naming_none(tmp_path):
    rows = [[BORDER.upper()], ["BIÊN BẢN HỘI NGHỊ TỔNG KẾT NĂM 2023 VÀ TRIỂN KHAI NHIỆM VỤ NĂM 2024"],
            ["STT", "Chức danh", "Đơn vị được bầu"], [1, "Cụm trưởng", "Điện Biên"], [2, "Cụm phó", "Sơn La"]]
    with pytest.raises(Refused) as excinfo:
        read_roster(write_workbook(tmp_path / "bien_ban.xlsx", SheetSpec("Bien ban", rows)), "bien_ban.xlsx")
    problem, = excinfo.value.problems
    assert (problem.sheet, problem.cell) == ("Bien ban", "A2")
    assert "2 năm (2023, 2024" in problem.message and "không ghi năm nào" not in problem.message


def test_a_year_only_in_a_decision_line_is_said_to_be_there_and_not_the_lists(tmp_path):
    rows = [[f"DANH SÁCH {BORDER.upper()}"], ["(Kèm theo Quyết định số 12/QĐ-BNV năm 2023)"],
            ["STT", "Đơn vị", "Vai trò"], [1, "Lạng Sơn", "Cụm trưởng"], [2, "Lai Châu", "Cụm phó"]]
    with pytest.raises(Refused) as excinfo:
        read_roster(write_workbook(tmp_path / "ds_cum.xlsx", SheetSpec("Danh sach", rows)), "ds_cum.xlsx")
    problem, = excinfo.value.problems
    assert problem.cell == "A2" and "chỉ ghi năm 2023 trong dòng trích văn bản" in problem.message


def test_of_several_years_the_line_over_the_table_naming_the_election_gives_the_year(tmp_path):
    rows = [[BORDER.upper()], ["BIÊN BẢN HỘI NGHỊ TỔNG KẾT CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM 2023"],
            ["Lai Châu, ngày 15 tháng 12 năm 2023"], ["KẾT QUẢ BẦU CỤM TRƯỞNG, CỤM PHÓ NĂM 2024"],
            ["STT", "Chức danh", "Đơn vị được bầu", "Số phiếu"], [1, "Cụm trưởng", "Điện Biên", 7],
            [2, "Cụm phó", "Sơn La", 6], [], [None, "THƯ KÝ HỘI NGHỊ", None, "CHỦ TRÌ HỘI NGHỊ"]]
    result = read_roster(write_workbook(tmp_path / "bien_ban.xlsx", SheetSpec("Bien ban", rows)), "bien_ban.xlsx")
    assert role_set(result.roles) == {(BORDER, 2024, "Cụm trưởng", "Sở Nội vụ Điện Biên", "C6"),
                                      (BORDER, 2024, "Cụm phó", "Sở Nội vụ Sơn La", "C7")}


def test_votes_for_a_role_are_neither_its_holder_nor_a_score_and_the_result_column_gives_the_role(tmp_path):
    rows = [[BORDER.upper()], ["KẾT QUẢ BẦU CỤM TRƯỞNG, CỤM PHÓ NĂM 2024"],
            ["STT", "Đơn vị", "Số phiếu bầu Cụm trưởng", "Số phiếu bầu Cụm phó", "Kết quả"],
            [1, "Điện Biên", 7, 0, "Cụm trưởng"], [2, "Sơn La", 0, 6, "Cụm phó"], [3, "Lai Châu", 0, 1, None]]
    path = write_workbook(tmp_path / "bau.xlsx", SheetSpec("Bau", rows))
    result = read_roster(path, "bau.xlsx")
    assert role_set(result.roles) == {(BORDER, 2024, "Cụm trưởng", "Sở Nội vụ Điện Biên", "B4"),
                                      (BORDER, 2024, "Cụm phó", "Sở Nội vụ Sơn La", "B5")}
    for results in ([91.5, 88], ["Xuất sắc", "Tốt"]):
        units = [[i + 1, unit, result] for i, (unit, result) in enumerate(zip(("Điện Biên", "Sơn La"), results))]
        table = [["BẢNG TỔNG HỢP NĂM 2024"], ["STT", "Đơn vị", "Kết quả"], *units]
        path = write_workbook(tmp_path / "ket_qua.xlsx", SheetSpec("KQ", table))
        assert not looks_like_roster(load_sheets(path, "ket_qua.xlsx"))


def test_a_vote_count_that_does_not_say_who_won_is_refused_naming_the_votes_column(tmp_path):
    rows = [[BORDER.upper()], ["KẾT QUẢ BẦU CỤM TRƯỞNG, CỤM PHÓ NĂM 2024"],
            ["STT", "Đơn vị", "Số phiếu bầu Cụm trưởng", "Số phiếu bầu Cụm phó"],
            [1, "Điện Biên", 7, 0], [2, "Sơn La", 0, 6]]
    with pytest.raises(Refused) as excinfo:
        read_roster(write_workbook(tmp_path / "bau.xlsx", SheetSpec("Bau", rows)), "bau.xlsx")
    problem, = excinfo.value.problems
    assert problem.cell == "C3" and "không có cột cho biết đơn vị nào được bầu" in problem.message


def test_a_note_in_brackets_after_a_member_is_left_unless_the_name_is_left_without_a_unit(tmp_path):
    rows = [["DANH SÁCH CỤM TRƯỞNG, CỤM PHÓ NĂM 2023"], ["STT", "Cụm thi đua", "Cụm trưởng", "Cụm phó"],
            [1, BORDER, "Sở Nội vụ tỉnh Lạng Sơn (Giám đốc: ông Nguyễn Văn An)", "Lai Châu (1)"]]
    result = read_roster(write_workbook(tmp_path / "ct.xlsx", SheetSpec("CT", rows)), "ct.xlsx")
    assert role_set(result.roles) == {(BORDER, 2023, "Cụm trưởng", "Sở Nội vụ Lạng Sơn", "C3"),
                                      (BORDER, 2023, "Cụm phó", "Sở Nội vụ Lai Châu", "D3")}
    rows[2][2] = "Nguyễn Văn An (Giám đốc Sở Nội vụ tỉnh Lạng Sơn)"
    with pytest.raises(Refused) as excinfo:
        read_roster(write_workbook(tmp_path / "ct.xlsx", SheetSpec("CT", rows)), "ct.xlsx")
    problem, = excinfo.value.problems
    assert problem.cell == "C3" and "không phải tên một tỉnh" in problem.message


def test_a_hidden_sheet_is_reported_to_a_caller_of_the_reader_itself_and_once_through_an_upload(tmp_path):
    from openpyxl import load_workbook

    from thidua.ingest import read_upload
    path = wide_workbook(tmp_path / "roster.xlsx")
    workbook = load_workbook(path)
    workbook.create_sheet("Nam truoc").append(["Cụm trưởng năm trước"])
    workbook["Nam truoc"].sheet_state = "hidden"
    workbook.save(path)
    hidden = [p for p in read_roster(path, path.name).warnings if p.sheet == "Nam truoc"]
    assert len(hidden) == 1 and "đang ẩn" in hidden[0].message
    through_upload = read_upload(path.read_bytes(), path.name).warnings
    assert [p for p in through_upload if p.sheet == "Nam truoc"] == hidden
