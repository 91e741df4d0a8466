"""The scoring-workbook reader on workbooks built here: summary and detail sheets, the traps of real
clusters' sheets (merged headers, column numbers, subtotals, penalties both ways, sheet names without
diacritics), cluster / year / period, unit names, refusals, and layouts generated at random."""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from workbook_builders import SheetSpec, write_workbook

from thidua.provinces import strip_diacritics
from thidua.readers.criteria import parse_code, split_code
from thidua.readers.problems import Refused
from thidua.readers.scoring import looks_like_scoring, read_scoring
from thidua.readers.units import cluster_key, membership
from thidua.io.workbook import load_sheets

SNV_NORTH = "CỤM THI ĐUA SỞ NỘI VỤ CÁC TỈNH MIỀN NÚI BIÊN GIỚI PHÍA BẮC"
SNV_NORTH_NAME = "Cụm thi đua Sở Nội vụ các tỉnh miền núi biên giới phía Bắc"
FLAG = "Cờ thi đua của Bộ Nội vụ"
MERIT = "Bằng khen của Bộ trưởng"


def messages(problems) -> str:
    return "\n".join(str(p) for p in problems)


def refusal(path: Path, **options) -> str:
    with pytest.raises(Refused) as refused:
        read_scoring(path, path.name, **options)
    return messages(refused.value.problems)


# ---------------------------------------------------------------- summary sheets

def north_summary() -> SheetSpec:
    """Title block, a two-row header merged over three criterion groups, column numbers, a
    TỔNG CỘNG row and signatures; penalties written both ways; numbers as text."""
    rows = [
        ["BỘ NỘI VỤ", None, None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        [SNV_NORTH, None, None, None, "Độc lập - Tự do - Hạnh phúc"],
        [None, None, None, None, "Lạng Sơn, ngày 15 tháng 12 năm 2023"],
        ["BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2022"],
        ["(Kèm theo Biên bản họp Cụm ngày 15/12/2022)"],
        ["STT", "Đơn vị", "Điểm chấm theo tiêu chí", None, None, "Điểm thưởng", "Điểm trừ", "Tổng điểm",
         "Xếp hạng", "Đề nghị khen thưởng", "Ghi chú"],
        [None, None, "Tiêu chí 1 (30 điểm)", "Tiêu chí 2 (40 điểm)", "Tiêu chí 3 (30 điểm)"],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)=(3)+(4)+(5)+(6)-(7)", "(9)", "(10)", "(11)"],
        [1, "Sở Nội vụ tỉnh Lạng Sơn", "29,5", 38, 30, 5, None, 102.5, 1, FLAG, "Cụm trưởng"],
        [2, "SNV Lai Châu", 28, "37,5", "25 điểm", 3, 2, 91.5, 3, MERIT, "Cụm phó"],
        [3, "Cao Bằng", 29, 39, 28, 2, -1, 97, 2, MERIT],
        [4, "Sở Nội vụ Hà Giang", 25, 30, None, None, None, 55, 4, None],
        [None, "TỔNG CỘNG", None, None, None, None, None, 346],
        [],
        [None, "NGƯỜI LẬP BIỂU", None, None, None, None, "TM. CỤM TRƯỞNG"],
        [None, "Nguyễn Văn An", None, None, None, None, "Hoàng Thị Bình"],
    ]
    merged = ["A6:A7", "B6:B7", "C6:E6", "F6:F7", "G6:G7", "H6:H7", "I6:I7", "J6:J7", "K6:K7", "A4:K4", "A2:D2"]
    return SheetSpec("Tong hop", rows, merged)


def test_summary_with_merged_header_column_numbers_totals_row_and_signatures(tmp_path):
    path = write_workbook(tmp_path / "ket_qua.xlsx", north_summary(), SheetSpec("Ghi chu", [["Ghi chú: ..."]]))
    result = read_scoring(path, path.name)
    assert (result.cluster, result.year, result.period, result.shape) == (SNV_NORTH_NAME, 2022, "year", "summary")
    assert result.cluster_kind == "provinces"
    units = result.units.set_index("unit")
    assert list(units.index) == ["Sở Nội vụ Lạng Sơn", "Sở Nội vụ Lai Châu", "Sở Nội vụ Cao Bằng", "Sở Nội vụ Hà Giang"]
    assert list(units["province"]) == ["Lạng Sơn", "Lai Châu", "Cao Bằng", "Hà Giang"]
    assert list(units["total"]) == [102.5, 91.5, 97.0, 55.0]
    assert list(units["rank"]) == [1, 3, 2, 4] and not units["rank_computed"].any()
    assert list(units["bonus"]) == [5, 3, 2, 0] and list(units["penalty"]) == [0, 2, 1, 0]
    assert list(units["award"].fillna("")) == [FLAG, MERIT, MERIT, ""]
    assert units.loc["Sở Nội vụ Lạng Sơn", "total_cell"] == "H9"
    lai_chau = result.criteria[result.criteria["unit"] == "Sở Nội vụ Lai Châu"].set_index("code")
    assert lai_chau.loc["2", "cluster_score"] == 37.5 and lai_chau.loc["3", "cluster_score"] == 25
    assert list(lai_chau["max_points"]) == [30, 40, 30]
    ha_giang = result.criteria[result.criteria["unit"] == "Sở Nội vụ Hà Giang"].set_index("code")
    assert ha_giang.loc["3", "cluster_score"] == 0  # an empty cell is zero
    assert [(w.sheet, w.severity) for w in result.warnings] == [("Ghi chu", "warning")]


def test_three_row_header_keeps_self_and_cluster_scores_apart(tmp_path):
    rows = [
        [SNV_NORTH], ["KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2021"],
        ["TT", "Tên đơn vị", "Điểm chấm theo tiêu chí", None, None, None, "Tổng điểm", None, "Xếp hạng"],
        [None, None, "I. Công tác tổ chức (60 điểm)", None, "II. Cải cách hành chính (40đ)", None, None, None, None],
        [None, None, "Tự chấm", "Cụm chấm", "Tự chấm", "Cụm chấm", "Tự chấm", "Cụm chấm", None],
        [1, "Lạng Sơn", 58, 55, 39, 38.5, 97, 93.5, 1],
        [2, "Điện Biên", 60, 52, 40, 36, 100, 88, 2],
    ]
    merged = ["A3:A5", "B3:B5", "C3:F3", "C4:D4", "E4:F4", "G3:H4", "I3:I5"]
    path = write_workbook(tmp_path / "tong_hop.xlsx", SheetSpec("TH", rows, merged))
    result = read_scoring(path, path.name)
    assert list(result.units["total"]) == [93.5, 88] and list(result.units["self_total"]) == [97, 100]
    criteria = result.criteria.set_index(["unit", "code"])
    assert criteria.loc[("Sở Nội vụ Điện Biên", "I"), ["self_score", "cluster_score", "max_points"]].tolist() == [60, 52, 60]
    assert criteria.loc[("Sở Nội vụ Lạng Sơn", "II"), "title"] == "Cải cách hành chính"
    assert not result.warnings


def summary_sheet(header: list, lines: list[list], title: str = "BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022") -> SheetSpec:
    return SheetSpec("Tong hop", [[SNV_NORTH], [title], header, *lines])


def test_a_penalty_subtracts_once_whether_written_positive_or_negative(tmp_path):
    header = ["STT", "Đơn vị", "Tiêu chí 1", "Tiêu chí 2", "Điểm cộng", "Điểm trừ"]
    path = write_workbook(tmp_path / "a.xlsx", summary_sheet(header, [
        [1, "Lạng Sơn", 50, 40, 2, 3], [2, "Cao Bằng", 50, 40, 2, -3], [3, "Sơn La", 50, 40, None, "-"]]))
    units = read_scoring(path, path.name).units
    assert list(units["total"]) == [89, 89, 90] and list(units["penalty"]) == [3, 3, 0]
    assert list(units["rank"]) == [2, 2, 1] and units["rank_computed"].all()


def test_a_stated_total_that_disagrees_is_kept_and_the_cell_named(tmp_path):
    header = ["STT", "Đơn vị", "Tiêu chí 1", "Tiêu chí 2", "Điểm thưởng", "Điểm trừ", "Tổng điểm", "Xếp hạng"]
    path = write_workbook(tmp_path / "a.xlsx", summary_sheet(header, [
        [1, "Lạng Sơn", 50, 40, 2, 1, 91, 1], [2, "Cao Bằng", 50, 35, None, None, 86, 2]]))
    result = read_scoring(path, path.name)
    assert list(result.units["total"]) == [91, 86]
    [warning] = result.warnings
    assert (warning.sheet, warning.cell, warning.severity) == ("Tong hop", "G5", "warning")
    assert "86,00" in warning.message and "85,00" in warning.message


def test_a_total_written_before_bonus_and_penalty_gets_them_added(tmp_path):
    header = ["STT", "Đơn vị", "Tiêu chí 1", "Tiêu chí 2", "Tổng điểm các tiêu chí", "Điểm thưởng", "Điểm trừ"]
    path = write_workbook(tmp_path / "a.xlsx", summary_sheet(header, [
        [1, "Lạng Sơn", 50, 40, 90, 2, 1], [2, "Cao Bằng", 50, 35, 85, 5, None]]))
    result = read_scoring(path, path.name)
    assert list(result.units["total"]) == [91, 90] and not result.warnings


def test_group_columns_with_a_subtotal_column_are_reconciled(tmp_path):
    rows = [[SNV_NORTH, None], ["BẢNG ĐIỂM NĂM 2022"],
            ["TT", "Đơn vị", "Tiêu chí 1 (30 điểm)", None, None, "Tiêu chí 2 (70 điểm)", "Tổng điểm"],
            [None, None, "1.1", "1.2", "Cộng", None, None],
            [1, "Lạng Sơn", 14, 15, 29, 60, 89],
            [2, "Lào Cai", 10, 15, 26, 60, 86]]
    merged = ["A3:A4", "B3:B4", "C3:E3", "F3:F4", "G3:G4"]
    result = read_scoring(path := write_workbook(tmp_path / "a.xlsx", SheetSpec("TH", rows, merged)), path.name)
    assert list(result.units["total"]) == [89, 86]
    group = result.criteria.set_index(["unit", "key"]).loc[("Sở Nội vụ Lào Cai", "1")]
    assert (group["is_leaf"], group["cluster_score"], group["stated_cluster"], group["max_points"]) == (False, 25, 26, 30)
    assert [(w.cell, w.severity) for w in result.warnings] == [("E6", "warning"), ("G6", "warning")]
    assert "C6…D6" in result.warnings[0].message


def test_a_maxima_row_caps_the_scores_and_a_score_above_it_is_refused(tmp_path):
    header = ["STT", "Đơn vị", "Tiêu chí 1", "Tiêu chí 2", "Tổng điểm"]
    lines = [[None, "Điểm chuẩn", 60, 40, 100], [1, "Lạng Sơn", 59, 40, 99], [2, "Cao Bằng", 61, 38, 99]]
    path = write_workbook(tmp_path / "a.xlsx", summary_sheet(header, lines))
    problem = refusal(path)
    assert "ô C6" in problem and "vượt điểm tối đa 60,00" in problem and "Cao Bằng" in problem


def test_award_columns_marked_with_x_give_the_column_name(tmp_path):
    rows = [[SNV_NORTH], ["NĂM 2022"],
            ["STT", "Đơn vị", "Tổng điểm", "Đề nghị khen thưởng", None],
            [None, None, None, "Cờ thi đua của Bộ", "Bằng khen của Bộ trưởng"],
            [1, "Lạng Sơn", 98, "x", None], [2, "Cao Bằng", 95, None, "X"], [3, "Sơn La", 90, None, None]]
    merged = ["A3:A4", "B3:B4", "C3:C4", "D3:E3"]
    result = read_scoring(path := write_workbook(tmp_path / "a.xlsx", SheetSpec("TH", rows, merged)), path.name)
    assert list(result.units["award"].fillna("")) == ["Cờ thi đua của Bộ", "Bằng khen của Bộ trưởng", ""]


# ---------------------------------------------------------------- detail sheets

def detail_rows(unit_line: str | None, title: str = "BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2023") -> list[list]:
    """Codes in their own column and before the words, group subtotals (one wrong), bonus and
    penalty sections (penalties written both ways), a TỔNG CỘNG row stating a wrong total."""
    return [
        ["CỤM THI ĐUA CÁC TỈNH, THÀNH BẮC BỘ", None, None, None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        [],
        [title],
        [unit_line],
        ["TT", "Nội dung tiêu chí", "Điểm chuẩn", "Điểm chấm", None, "Ghi chú"],
        [None, None, None, "Tự chấm", "Cụm chấm"],
        [1, 2, 3, 4, 5, 6],
        ["I", "CÔNG TÁC TỔ CHỨC BỘ MÁY", 40, 37, 36],
        [1, "Tham mưu sắp xếp tổ chức", 20, 19, 18],
        ["1.1", "Ban hành kế hoạch", 10, 10, 9],
        ["1.2", "Tổ chức thực hiện", 10, 9, 9],
        [2, "Quản lý biên chế", 20, 18, 18],
        [None, "a) Giao biên chế đúng hạn", 10, 9, 9],
        [None, "b) Không vượt biên chế", 10, 9, "9,0"],
        ["II", "CÔNG TÁC CẢI CÁCH HÀNH CHÍNH", 60, 55, 54],
        [None, "1. Chỉ số CCHC (30 điểm)", None, 28, 27],
        [None, "2. Chuyển đổi số", 30, 27, None],
        ["III", "ĐIỂM THƯỞNG", 5, 2, 2],
        [1, "Sáng kiến được công nhận", 2, 2, 2],
        ["IV", "ĐIỂM TRỪ", None, -1, -3],
        [1, "Chậm báo cáo", None, -1, -1],
        [2, "Sai sót hồ sơ", None, None, 2],
        [None, "TỔNG CỘNG (I+II+III-IV)", 100, 93, 89],
        [],
        [None, "Ghi chú: điểm trừ ghi số dương hoặc âm", None, "Hà Nội, ngày 10 tháng 1 năm 2024"],
        [None, "NGƯỜI LẬP BIỂU", None, "GIÁM ĐỐC"],
    ]


DETAIL_MERGED = ["A5:A6", "B5:B6", "C5:C6", "D5:E5", "F5:F6"]


def test_detail_sheet_builds_the_tree_and_totals_from_the_leaves(tmp_path):
    path = write_workbook(tmp_path / "cham_diem.xlsx",
                          SheetSpec("Sheet1", detail_rows("Đơn vị: Sở Nội vụ tỉnh Quảng Ninh"), DETAIL_MERGED))
    result = read_scoring(path, path.name)
    assert (result.cluster, result.year, result.shape) == ("Cụm thi đua các tỉnh, thành Bắc Bộ", 2023, "detail")
    [unit] = result.units.to_dict("records")
    # criteria 9 + 9 + 9 + 9 + 27 + 0, bonus 2, penalty 1 + 2
    assert (unit["unit"], unit["total"], unit["criteria_total"], unit["bonus"], unit["penalty"]) == (
        "Sở Nội vụ Quảng Ninh", 62, 63, 2, 3)
    assert unit["self_total"] == 10 + 9 + 9 + 9 + 28 + 27 + 2 - 1
    tree = result.criteria.set_index("key")
    assert list(tree.index) == ["I", "I/1", "I/1/1.1", "I/1/1.2", "I/2", "I/2/a", "I/2/b", "II", "II/1", "II/2",
                                "III", "III/1", "IV", "IV/1", "IV/2"]
    assert tree.loc["I/2/b", "parent_key"] == "I/2" and tree.loc["I/2/b", "level"] == 3
    assert not tree.loc["I", "is_leaf"] and tree.loc["I/1/1.1", "is_leaf"]
    assert tree.loc["II/1", "max_points"] == 30 and tree.loc["II/1", "title"] == "Chỉ số CCHC"
    assert tree.loc["II/2", "cluster_score"] == 0 and tree.loc["II", "cluster_score"] == 27
    assert list(tree.loc[["III", "IV"], "measure"]) == ["bonus", "penalty"] and tree.loc["IV", "cluster_score"] == 3
    warned = {(w.cell, w.severity) for w in result.warnings}
    assert warned == {("E15", "warning"), ("E23", "warning")}  # II states 54 (27 + 0); TỔNG CỘNG states 89


def test_detail_sheets_named_without_diacritics_are_the_units(tmp_path):
    path = write_workbook(tmp_path / "cham_diem_2023.xlsx",
                          SheetSpec("Quang Ninh", detail_rows(None), DETAIL_MERGED),
                          SheetSpec("Ninh Binh", detail_rows(None), DETAIL_MERGED))
    result = read_scoring(path, path.name)
    assert list(result.units["unit"]) == ["Sở Nội vụ Quảng Ninh", "Sở Nội vụ Ninh Bình"]
    assert list(result.units["rank"]) == [1, 1] and result.units["rank_computed"].all()


def test_one_file_per_unit_takes_the_unit_from_the_file_name(tmp_path):
    path = write_workbook(tmp_path / "SNV_Bac_Giang_2023.xlsx", SheetSpec("Sheet1", detail_rows(None), DETAIL_MERGED))
    assert list(read_scoring(path, path.name).units["unit"]) == ["Sở Nội vụ Bắc Giang"]


def test_a_detail_sheet_naming_no_unit_is_refused(tmp_path):
    path = write_workbook(tmp_path / "cham_diem.xlsx", SheetSpec("Sheet1", detail_rows(None), DETAIL_MERGED),
                          SheetSpec("Sheet2", detail_rows(None), DETAIL_MERGED))
    problem = refusal(path)
    assert "trang «Sheet1»" in problem and "Đơn vị: ..." in problem


def test_bonus_and_penalty_rows_under_a_criteria_total(tmp_path):
    rows = [["CỤM THI ĐUA SỞ NỘI VỤ CÁC TỈNH TRUNG DU VÀ MIỀN NÚI PHÍA BẮC"],
            ["BẢNG TỰ CHẤM ĐIỂM NĂM 2022 CỦA SỞ NỘI VỤ TỈNH PHÚ THỌ"],
            ["STT", "Tiêu chí", "Thang điểm", "Điểm tự chấm", "Điểm thẩm định"],
            ["1", "Công tác tổ chức", 50, 50, 48.5],
            ["2", "Công tác cán bộ", 50, 49, 49],
            [None, "Tổng điểm các tiêu chí", 100, 99, 97.5],
            [None, "Điểm thưởng", 5, 3, 2],
            [None, "Điểm trừ", None, None, 1.5],
            [None, "Tổng cộng", None, 102, 98]]
    result = read_scoring(path := write_workbook(tmp_path / "a.xlsx", SheetSpec("Phu Tho", rows)), path.name)
    [unit] = result.units.to_dict("records")
    assert (unit["unit"], unit["total"], unit["self_total"], unit["bonus"], unit["penalty"]) == (
        "Sở Nội vụ Phú Thọ", 98, 102, 2, 1.5)
    assert result.period == "year" and not result.warnings


def test_a_detail_sheet_with_self_scores_only_has_no_total_yet(tmp_path):
    rows = [["CỤM THI ĐUA CÁC TỈNH, THÀNH BẮC BỘ"], ["Đơn vị: Sở Nội vụ Hải Phòng"], ["NĂM 2023"],
            ["TT", "Nội dung", "Điểm tối đa", "Điểm tự chấm"], ["1", "Tổ chức", 50, 50], ["2", "Biên chế", 50, 45]]
    result = read_scoring(path := write_workbook(tmp_path / "a.xlsx", SheetSpec("Sheet1", rows)), path.name)
    assert result.units["self_total"].tolist() == [95] and result.units["total"].isna().all()
    assert "chưa có điểm Cụm chấm" in messages(result.warnings)


def test_letters_romans_numbers_and_dashes_nest_and_a_note_inside_does_not_end_the_table(tmp_path):
    rows = [["CỤM THI ĐUA CÁC CƠ QUAN THAM MƯU TỔNG HỢP TỈNH LẠNG SƠN"], ["PHIẾU CHẤM ĐIỂM THI ĐUA 6 THÁNG ĐẦU NĂM 2021"],
            ["Đơn vị: Văn phòng UBND tỉnh"],
            ["STT", "Nội dung, tiêu chí", "Điểm tối đa", "Đơn vị tự chấm", "Cụm chấm"],
            [None, "A. TIÊU CHÍ CHUNG", 60, None, None],
            [None, "I. Thực hiện nhiệm vụ", 40, None, None],
            [None, "1. Kế hoạch", 20, None, None],
            [None, "- Ban hành đúng hạn", 10, 10, 10],
            [None, "- Tổ chức thực hiện", 10, 8, 7.5],
            [None, "Ghi chú: chậm 1 ngày trừ 1 điểm", None, None, None],
            [None, "2. Báo cáo", 20, 20, 19],
            [None, "II. Phong trào", 20, 20, 20],
            [None, "B. TIÊU CHÍ RIÊNG", 40, None, None],
            [None, "1. Tham mưu", 40, 38, 37],
            [None, "C. ĐIỂM TRỪ", None, None, None],
            [None, "- Vi phạm kỷ luật", None, 0, "(1)"],
            [None, "Tổng số điểm", 100, 96, 92.5],
            [None, None, None, "TM. CỤM TRƯỞNG"], [None, None, None, "(Ký, đóng dấu)"]]
    result = read_scoring(path := write_workbook(tmp_path / "a.xlsx", SheetSpec("VP UBND", rows)), path.name)
    assert (result.cluster_kind, result.period, result.year) == ("agencies", "mid", 2021)
    [unit] = result.units.to_dict("records")
    assert (unit["unit"], unit["total"], unit["self_total"], unit["penalty"]) == ("Văn phòng UBND tỉnh", 92.5, 96, 1)
    tree = result.criteria.set_index("key")
    assert tree.loc["A/I/1", "cluster_score"] == 17.5 and tree.loc["A/I/2", "cluster_score"] == 19
    assert tree.loc["A", "max_points"] == 60 and tree.loc["C", "measure"] == "penalty"
    assert not result.warnings


def test_criteria_numbered_under_one_label_stay_apart_and_an_unlabelled_maxima_row_is_read(tmp_path):
    rows = [["Cụm thi đua Sở Nội vụ các tỉnh Trung du và miền núi phía Bắc"], ["Tổng hợp điểm năm 2022"],
            ["STT", "Đơn vị", "Điểm các tiêu chí", None, None, "Tổng", "Xếp loại", "Ghi chú"],
            [None, None, 1, 2, 3, None, None, None],
            [None, None, 30, 30, 40, 100, None, None],
            [1, "Bắc Giang", 29, 30, 39, 98, "Xuất sắc", "Cụm trưởng"],
            [2, "Bắc Kạn", 28, 29, 38, 95, "Xuất sắc", "Cụm phó"],
            [3, "Phú Thọ", 27, 29, "38,5", 94.5, "Tốt", None]]
    merged = ["A3:A4", "B3:B4", "C3:E3", "F3:F4", "G3:G4", "H3:H4"]
    result = read_scoring(path := write_workbook(tmp_path / "a.xlsx", SheetSpec("Sheet1", rows, merged)), path.name)
    assert list(result.units["total"]) == [98, 95, 94.5] and list(result.units["note"].fillna("")) == [
        "Cụm trưởng", "Cụm phó", ""]
    phu_tho = result.criteria[result.criteria["unit"] == "Sở Nội vụ Phú Thọ"]
    assert list(phu_tho["key"]) == ["1", "2", "3"] and list(phu_tho["cluster_score"]) == [27, 29, 38.5]
    assert list(phu_tho["max_points"]) == [30, 30, 40]
    assert not result.warnings


# ---------------------------------------------------------------- summary and details together

def test_mixed_workbook_checks_each_detail_total_against_the_summary(tmp_path):
    summary = [["CỤM THI ĐUA CÁC TỈNH, THÀNH BẮC BỘ"], ["KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2023"],
               ["STT", "Đơn vị", "Tổng điểm", "Xếp hạng", "Đề nghị khen thưởng"],
               [1, "Quảng Ninh", 62, 1, "Cờ thi đua của Bộ Nội vụ"],
               [2, "Ninh Bình", 58, 2, "Bằng khen của Bộ trưởng Bộ Nội vụ"]]
    path = write_workbook(tmp_path / "cum_bac_bo.xlsx", SheetSpec("Tong hop", summary),
                          SheetSpec("Quang Ninh", detail_rows(None), DETAIL_MERGED),
                          SheetSpec("Ninh Binh", detail_rows(None), DETAIL_MERGED))
    result = read_scoring(path, path.name)
    assert result.shape == "mixed"
    assert list(result.units["total"]) == [62, 58] and list(result.units["rank"]) == [1, 2]
    assert set(result.criteria["sheet"]) == {"Quang Ninh", "Ninh Binh"} and len(result.criteria) == 30
    [disagreement] = [w for w in result.warnings if w.sheet == "Tong hop"]
    assert disagreement.cell == "C5" and "«Ninh Binh»" in disagreement.message and "62,00" in disagreement.message


# ---------------------------------------------------------------- cluster, year, period

def plain_summary(title_rows: list[list]) -> SheetSpec:
    return SheetSpec("Sheet1", [*title_rows, ["STT", "Đơn vị", "Tổng điểm"], [1, "Lạng Sơn", 95], [2, "Cao Bằng", 90]])


def test_cluster_and_year_from_the_file_name(tmp_path):
    path = write_workbook(tmp_path / "Cum_thi_dua_SNV_cac_tinh_mien_nui_bien_gioi_phia_Bac_2021.xlsx", plain_summary([]))
    result = read_scoring(path, path.name)
    assert result.year == 2021 and result.cluster_key == cluster_key(SNV_NORTH_NAME)


def test_cluster_and_year_from_the_arguments(tmp_path):
    path = write_workbook(tmp_path / "bang_diem.xlsx", plain_summary([["BẢNG TỔNG HỢP ĐIỂM"]]))
    result = read_scoring(path, path.name, cluster="Cụm thi đua các tỉnh, thành Bắc Bộ", year=2020)
    assert (result.cluster, result.year, result.cluster_kind) == ("Cụm thi đua các tỉnh, thành Bắc Bộ", 2020, "provinces")
    assert not result.warnings


def test_the_workbook_wins_over_arguments_that_disagree(tmp_path):
    path = write_workbook(tmp_path / "bang_diem.xlsx", plain_summary([[SNV_NORTH], ["NĂM 2022"]]))
    result = read_scoring(path, path.name, cluster="cụm thi đua sở nội vụ các tỉnh miền núi biên giới phía bắc", year=2021)
    assert result.year == 2022 and result.cluster == "cụm thi đua sở nội vụ các tỉnh miền núi biên giới phía bắc"
    [warning] = result.warnings
    assert "2021" in warning.message and "2022" in warning.message


def test_cluster_and_year_from_columns_which_are_not_scores(tmp_path):
    cluster = "Cụm thi đua các tỉnh, thành Bắc Bộ"
    rows = [["Năm", "Cụm thi đua", "Đơn vị", "Tiêu chí 1", "Tiêu chí 2"],
            [2022, cluster, "Quảng Ninh", 50, 45], [2022, cluster, "Ninh Bình", 48, 46]]
    result = read_scoring(path := write_workbook(tmp_path / "bang_diem.xlsx", SheetSpec("Sheet1", rows)), path.name)
    assert (result.cluster, result.year) == (cluster, 2022) and list(result.units["total"]) == [95, 94]


def test_a_missing_year_is_refused(tmp_path):
    path = write_workbook(tmp_path / "bang_diem.xlsx",
                          plain_summary([[SNV_NORTH], ["(Căn cứ Hướng dẫn số 12/2019/TT-BNV)"]]))
    problem = refusal(path)
    assert "tệp «bang_diem.xlsx»" in problem and "không biết năm" in problem and "--year" in problem
    assert read_scoring(path, path.name, year=2022).year == 2022


def test_a_missing_cluster_is_refused(tmp_path):
    path = write_workbook(tmp_path / "bang_diem_2022.xlsx", plain_summary([["BẢNG TỔNG HỢP ĐIỂM THI ĐUA"]]))
    assert "--cluster" in refusal(path)


def test_a_mid_year_review_is_read_from_the_title(tmp_path):
    path = write_workbook(tmp_path / "a.xlsx", plain_summary([
        [SNV_NORTH], ["KẾT QUẢ CHẤM ĐIỂM SƠ KẾT 6 THÁNG ĐẦU NĂM 2022"]]))
    result = read_scoring(path, path.name)
    assert (result.period, result.year, result.cluster) == ("mid", 2022, SNV_NORTH_NAME)


# ---------------------------------------------------------------- unit names

@pytest.mark.parametrize("written", ["Sở Nội vụ tỉnh Lạng Sơn", "SNV Lạng Sơn", "Lạng Sơn", "SỞ NỘI VỤ TỈNH LẠNG SƠN",
                                     "Sở NV Lạng Sơn", "Sở Nội vụ Lang Son", "Tỉnh Lạng Sơn"])
def test_spellings_of_a_sở_nội_vụ_are_one_unit(written):
    unit = membership(SNV_NORTH_NAME, []).unit(written)
    assert (unit.name, unit.province, unit.key) == ("Sở Nội vụ Lạng Sơn", "Lạng Sơn", "so noi vu lang son")


def test_a_provincial_cluster_of_agencies_keeps_their_names(tmp_path):
    rows = [["UBND TỈNH LẠNG SƠN", None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
            ["CỤM THI ĐUA CÁC CƠ QUAN THAM MƯU TỔNG HỢP", None, None, "Độc lập - Tự do - Hạnh phúc"],
            ["KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2021"],
            ["STT", "Cơ quan, đơn vị", "Tổng điểm", "Xếp hạng"],
            [1, "Sở Tài chính", 98, 1], [2, "VĂN PHÒNG UBND TỈNH", 97, 2], [3, "Sở Nội vụ", 96, 3],
            [4, "Sở  Kế hoạch và Đầu tư", 95, 4]]
    result = read_scoring(path := write_workbook(tmp_path / "a.xlsx", SheetSpec("TH", rows)), path.name)
    assert result.cluster == "Cụm thi đua các cơ quan tham mưu tổng hợp tỉnh Lạng Sơn"
    assert result.cluster_kind == "agencies"
    assert list(result.units["unit"]) == ["Sở Tài chính", "Văn phòng UBND tỉnh", "Sở Nội vụ", "Sở Kế hoạch và Đầu tư"]
    assert result.units["province"].isna().all()
    assert membership(None, ["Văn phòng Ủy ban nhân dân tỉnh"]).unit("Văn phòng Ủy ban nhân dân tỉnh").key == \
        result.units["unit_key"][1]


def test_the_kind_of_a_cluster_follows_its_members_when_its_name_does_not_say():
    assert membership("Cụm thi đua số 3", ["Sở Tư pháp tỉnh Lạng Sơn", "Sở Tư pháp Cao Bằng", "Hà Giang"]) \
        .unit("Hà Giang").name == "Sở Tư pháp Hà Giang"
    assert membership("Cụm thi đua số 3", ["Sở Tài chính", "Sở Nội vụ", "Ban Dân tộc"]).kind == "agencies"
    assert membership(None, ["Sở Tài chính tỉnh Lạng Sơn", "Sở Nội vụ tỉnh Lạng Sơn"]).kind == "agencies"


def test_a_member_that_is_no_province_is_kept_and_reported(tmp_path):
    path = write_workbook(tmp_path / "b.xlsx", SheetSpec("TH", [[SNV_NORTH], ["NĂM 2022"], ["STT", "Đơn vị", "Tổng điểm"],
                                                               [1, "Lạng Sơm", 95], [2, "Cao Bằng", 90]]))
    result = read_scoring(path, path.name)
    assert list(result.units["unit"]) == ["Lạng Sơm", "Sở Nội vụ Cao Bằng"]
    [warning] = result.warnings
    assert warning.cell == "B4" and "Lạng Sơn" in warning.message


# ---------------------------------------------------------------- refusals

def test_a_unit_written_twice_is_refused_naming_both_cells(tmp_path):
    header = ["STT", "Đơn vị", "Tổng điểm"]
    path = write_workbook(tmp_path / "a.xlsx", summary_sheet(header, [[1, "SNV Lạng Sơn", 95], [2, "Lạng Sơn", 90]]))
    problem = refusal(path)
    assert "ô B5" in problem and "ô B4" in problem and "Sở Nội vụ Lạng Sơn" in problem


def test_a_detail_score_above_its_maximum_is_refused(tmp_path):
    rows = detail_rows("Đơn vị: Sở Nội vụ Hà Nội")
    rows[9][4] = 11  # 1.1: maximum 10
    problem = refusal(write_workbook(tmp_path / "a.xlsx", SheetSpec("HN", rows, DETAIL_MERGED)))
    assert "ô E10" in problem and "Ban hành kế hoạch" in problem


def test_two_criteria_with_one_code_are_refused_naming_both_cells(tmp_path):
    rows = detail_rows("Đơn vị: Sở Nội vụ Hà Nội")
    rows[10][0] = "1.1"  # 1.2 written again as 1.1
    problem = refusal(write_workbook(tmp_path / "a.xlsx", SheetSpec("HN", rows, DETAIL_MERGED)))
    assert "ô A11" in problem and "ô A10" in problem and "trùng mã" in problem


@pytest.mark.parametrize("written", ["đạt", "x", "9 điểm rưỡi"])
def test_a_score_in_words_is_refused(tmp_path, written):
    header = ["STT", "Đơn vị", "Tiêu chí 1", "Tiêu chí 2"]
    path = write_workbook(tmp_path / "a.xlsx", summary_sheet(header, [[1, "Lạng Sơn", 50, written], [2, "Cao Bằng", 40, 40]]))
    problem = refusal(path)
    assert "ô D4" in problem and f"«{written}» không phải là điểm" in problem


@pytest.mark.parametrize("written", [0, 1.5, "nhất nhì", -2])
def test_a_rank_that_is_not_a_positive_whole_number_is_refused(tmp_path, written):
    header = ["STT", "Đơn vị", "Tổng điểm", "Xếp hạng"]
    path = write_workbook(tmp_path / "a.xlsx", summary_sheet(header, [[1, "Lạng Sơn", 95, written], [2, "Cao Bằng", 90, 2]]))
    assert "ô D4" in refusal(path)


def test_ranks_written_as_words_are_read(tmp_path):
    header = ["STT", "Đơn vị", "Tổng điểm", "Xếp hạng"]
    path = write_workbook(tmp_path / "a.xlsx", summary_sheet(header, [
        [1, "Lạng Sơn", 95, "Nhất"], [2, "Cao Bằng", 90, "Hạng 2"], [3, "Sơn La", 85, "III"], [4, "Lào Cai", 80, "04"]]))
    assert list(read_scoring(path, path.name).units["rank"]) == [1, 2, 3, 4]


def test_a_workbook_without_a_scoring_table_is_refused(tmp_path):
    path = write_workbook(tmp_path / "a.xlsx", SheetSpec("Sheet1", [["Danh sách"], ["STT", "Họ tên"], [1, "An"]]))
    assert "không tìm thấy bảng chấm điểm" in refusal(path, cluster="Cụm thi đua số 1", year=2022)


# ---------------------------------------------------------------- telling scoring from the PAR Index

def test_looks_like_scoring_for_summary_and_detail_sheets_but_not_a_par_table(tmp_path):
    summary = write_workbook(tmp_path / "s.xlsx", north_summary())
    detail = write_workbook(tmp_path / "d.xlsx", SheetSpec("HN", detail_rows(None), DETAIL_MERGED))
    par = write_workbook(tmp_path / "p.xlsx", SheetSpec("PAR", [
        ["CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2021"], ["TT", "Tỉnh, thành phố", "Chỉ số (%)", "Xếp hạng"],
        [1, "Quảng Ninh", 91.8, 1], [2, "Hải Phòng", 90.1, 2]]))
    assert looks_like_scoring(load_sheets(summary, summary.name))
    assert looks_like_scoring(load_sheets(detail, detail.name))
    assert not looks_like_scoring(load_sheets(par, par.name))


@pytest.mark.parametrize("text, code, rest", [
    ("1.2. Thực hiện chế độ", "1.2", "Thực hiện chế độ"), ("I. CÔNG TÁC", "I", "CÔNG TÁC"),
    ("a) Ban hành", "a", "Ban hành"), ("Tiêu chí 3: Văn thư", "3", "Văn thư"), ("2 lần kiểm tra", None, "2 lần kiểm tra"),
    ("B - Điểm thưởng", "B", "Điểm thưởng"), ("- Tổ chức", "-", "Tổ chức")])
def test_codes_written_before_the_words(text, code, rest):
    found, words = split_code(text)
    assert (found.text if found else None, words) == (code, rest)


def test_codes_alone_in_their_cell():
    assert [parse_code(v).text for v in ("II", "1.2.", 3.0, 1.1, "b)", "(c)")] == ["II", "1.2", "3", "1.1", "b", "c"]
    assert parse_code("STT") is None and parse_code("Tổng") is None
    assert parse_code("I").rank < parse_code("1").rank < parse_code("1.1").rank < parse_code("a").rank


# ---------------------------------------------------------------- layouts generated at random

PROVINCES = ["Lạng Sơn", "Cao Bằng", "Hà Giang", "Lai Châu", "Điện Biên", "Sơn La", "Lào Cai"]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII"]


def spelling(rng: random.Random, province: str) -> str:
    return rng.choice([f"Sở Nội vụ tỉnh {province}", f"SNV {province}", province, f"Sở Nội vụ {province}",
                       f"SỞ NỘI VỤ TỈNH {province.upper()}"])


def written(rng: random.Random, number: float, zero_blank: bool = True) -> object:
    """A number as people type it: a number, text with a decimal comma, '... điểm', or nothing for 0."""
    if number == 0 and zero_blank and rng.random() < 0.5:
        return None
    text = f"{number:g}".replace(".", ",")
    return rng.choice([number, text, f"{text} điểm" if number >= 10 else text])


@dataclass
class Expected:
    totals: dict[str, float] = field(default_factory=dict)
    ranks: dict[str, int] = field(default_factory=dict)
    awards: dict[str, str | None] = field(default_factory=dict)


def competition_ranks(totals: dict[str, float]) -> dict[str, int]:
    return {unit: 1 + sum(other > total for other in totals.values()) for unit, total in totals.items()}


def generated_summary(rng: random.Random) -> tuple[list[list], tuple[int, int] | None, Expected]:
    """A summary table in one of many layouts, the columns its parent label spans, and what it says."""
    groups = rng.randint(2, 5)
    maxima = [100 // groups] * (groups - 1) + [100 - 100 // groups * (groups - 1)]
    provinces = rng.sample(PROVINCES, rng.randint(3, 7))
    has_bonus, has_penalty, has_total, has_rank = (rng.random() < 0.7 for _ in range(4))
    label = rng.choice(["Tiêu chí {n} ({m} điểm)", "{r}. Nhóm tiêu chí {n} ({m}đ)", "{r}", "Nhóm {n}"])
    parent = rng.choice([None, "Điểm chấm theo tiêu chí", "Kết quả chấm điểm", "Điểm Cụm chấm"])
    expected, lines = Expected(), []
    for province in provinces:
        scores = [rng.randint(int(m * 1.2), 2 * m) / 2 for m in maxima]
        bonus = rng.choice([0, 1, 2, 2.5]) if has_bonus else 0
        penalty = rng.choice([0, 0.5, 1, 3]) if has_penalty else 0
        unit = f"Sở Nội vụ {province}"
        expected.totals[unit] = sum(scores) + bonus - penalty
        lines.append((unit, spelling(rng, province), scores, bonus, penalty))
    expected.ranks = competition_ranks(expected.totals)
    awards = {1: "Cờ thi đua của Bộ Nội vụ", 2: "Bằng khen của Bộ trưởng Bộ Nội vụ", 3: "Bằng khen của Bộ trưởng Bộ Nội vụ"}
    expected.awards = {unit: awards.get(rank) for unit, rank in expected.ranks.items()}
    first = ["STT", rng.choice(["Đơn vị", "Tên đơn vị", "Tỉnh, thành phố", "Đơn vị được chấm"])]
    labels = [label.format(n=i + 1, m=m, r=ROMAN[i]) for i, m in enumerate(maxima)]
    tail = (([rng.choice(["Điểm thưởng", "Điểm cộng", "Điểm thưởng (cộng)"])] if has_bonus else [])
            + ([rng.choice(["Điểm trừ", "Trừ điểm"])] if has_penalty else [])
            + ([rng.choice(["Tổng điểm", "Tổng cộng", "Tổng số điểm", "Tổng điểm đạt được"])] if has_total else [])
            + ([rng.choice(["Xếp hạng", "Thứ hạng", "Xếp thứ"])] if has_rank else [])
            + [rng.choice(["Đề nghị khen thưởng", "Hình thức khen thưởng đề nghị", "Đề nghị"]), "Ghi chú"])
    if parent:
        header = [[*first, parent, *[None] * (groups - 1), *tail], [None, None, *labels, *[None] * len(tail)]]
    else:
        header = [[*first, *labels, *tail]]
    table = [*header]
    if rng.random() < 0.5:
        table.append([f"({i + 1})" for i in range(len(header[0]))])
    for number, (unit, name, scores, bonus, penalty) in enumerate(lines, start=1):
        row = [number, name, *(written(rng, s, zero_blank=False) for s in scores)]
        row += [written(rng, bonus)] if has_bonus else []
        row += [written(rng, rng.choice([penalty, -penalty]))] if has_penalty else []
        row += [written(rng, expected.totals[unit], zero_blank=False)] if has_total else []
        row += [expected.ranks[unit]] if has_rank else []
        table.append(row + [expected.awards[unit], rng.choice([None, "Cụm trưởng", "Cụm phó"])])
    if rng.random() < 0.5:
        table.append([None, rng.choice(["TỔNG CỘNG", "Tổng cộng", "Cộng"]), *[None] * groups])
    if rng.random() < 0.5:
        table += [[], [None, "NGƯỜI LẬP BIỂU", None, "TM. CỤM TRƯỞNG"], [], [None, "Nguyễn Văn An", None, "Lê Thị Hoa"]]
    return table, (2, 1 + groups) if parent else None, expected


def title_rows(rng: random.Random, title: str) -> list[list]:
    motto = [["BỘ NỘI VỤ", None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], [None, None, None, "Độc lập - Tự do - Hạnh phúc"]]
    blocks = [
        [*motto, [SNV_NORTH], [], [title]],
        [[SNV_NORTH], [title], ["(Kèm theo Biên bản ngày 20/12/2022 của Cụm thi đua)"]],
        [[f"{title} CỦA {SNV_NORTH}"]],
        [*motto, [None, None, None, "Sơn La, ngày 20 tháng 12 năm 2022"], [SNV_NORTH], [title], []],
    ]
    return rng.choice(blocks)


def header_merges(top: int, header: list[list], spans: list[tuple[int, int]]) -> list[str]:
    """For a two-row header starting on Excel row top: each label with nothing under it merged
    down, and each parent label merged across the columns it spans."""
    down = [f"{chr(65 + i)}{top}:{chr(65 + i)}{top + 1}" for i, v in enumerate(header[0])
            if v is not None and header[1][i] is None]
    return down + [f"{chr(65 + first)}{top}:{chr(65 + last)}{top}" for first, last in spans]


@pytest.mark.parametrize("seed", range(16))
def test_summary_layouts_never_seen_give_the_workbooks_totals_ranks_and_awards(tmp_path, seed):
    rng = random.Random(seed)
    table, span, expected = generated_summary(rng)
    above = title_rows(rng, "BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2022")
    merged = header_merges(len(above) + 1, table, [span]) if span else []
    path = write_workbook(tmp_path / "tong_hop.xlsx", SheetSpec("Tong hop", above + table, merged))
    result = read_scoring(path, path.name)
    assert (result.cluster, result.year, result.period) == (SNV_NORTH_NAME, 2022, "year")
    units = result.units.set_index("unit")
    assert units["total"].to_dict() == pytest.approx(expected.totals)
    assert units["rank"].to_dict() == expected.ranks
    assert {unit: award if isinstance(award, str) else None for unit, award in units["award"].items()} == expected.awards
    assert not result.warnings, messages(result.warnings)


def generated_detail(rng: random.Random, province: str) -> tuple[SheetSpec, float, float]:
    """Criteria I, II, ... with children 1, 2 and grandchildren 1.1 or a), b); maybe bonus and
    penalty sections; codes in their own column or before the words; the sheet named after the
    province without diacritics; returns the sheet and its self and cluster totals."""
    in_column = rng.random() < 0.5
    rows, totals = [], {"self": 0.0, "cluster": 0.0}

    def add(code: str, words: str, maximum, own, cluster, separator=". "):
        rows.append([code, words, maximum, own, cluster] if in_column else [None, f"{code}{separator}{words}", maximum, own, cluster])

    groups = rng.randint(2, 4)
    for g in range(groups):
        children = []
        for c in range(rng.randint(1, 3)):
            grand_style = rng.choice([None, "dotted", "letters"])
            leaves = [rng.randint(2, 10) for _ in range(rng.randint(2, 3))] if grand_style else [rng.randint(5, 20)]
            scored = [(m, rng.randint(m, 2 * m) / 2, rng.randint(m, 2 * m) / 2) for m in leaves]
            children.append((c, grand_style, scored))
        group_values = [sum(v[i] for _, _, s in children for v in s) for i in range(3)]
        stated = rng.random() < 0.7
        add(ROMAN[g], f"NHÓM TIÊU CHÍ SỐ {g + 1}", *(group_values if stated else [None] * 3))
        for c, grand_style, scored in children:
            child_values = [sum(v[i] for v in scored) for i in range(3)]
            add(str(c + 1), f"Nội dung thứ {c + 1}", *(child_values if (grand_style is None or stated) else [None] * 3))
            for k, (m, own, cluster) in enumerate(scored if grand_style else []):
                code = f"{c + 1}.{k + 1}" if grand_style == "dotted" else f"{'abc'[k]})"
                add(code, f"Yêu cầu {k + 1}", m, own, cluster, separator=". " if grand_style == "dotted" else " ")
            totals["self"] += child_values[1]
            totals["cluster"] += child_values[2]
    if rng.random() < 0.6:
        bonus = rng.choice([1, 2, 3])
        add(ROMAN[groups], "ĐIỂM THƯỞNG", 5, bonus, bonus)
        totals["self"] += bonus
        totals["cluster"] += bonus
    if rng.random() < 0.6:
        penalty = rng.choice([0.5, 1, 2])
        add(ROMAN[groups + 1], "ĐIỂM TRỪ", None, None, rng.choice([penalty, -penalty]))
        totals["cluster"] -= penalty
    if rng.random() < 0.7:
        rows.append([None, rng.choice(["TỔNG CỘNG", "Tổng số điểm", "Tổng điểm"]), None, totals["self"], totals["cluster"]])
    content = rng.choice(["Nội dung", "Tiêu chí", "Nội dung tiêu chí", "Nội dung chấm điểm"])
    maximum = rng.choice(["Điểm chuẩn", "Điểm tối đa", "Thang điểm"])
    own = rng.choice(["Tự chấm", "Điểm tự chấm", "Đơn vị tự chấm"])
    cluster = rng.choice(["Cụm chấm", "Điểm Cụm chấm", "Điểm thẩm định", "Kết quả thẩm định"])
    order = rng.choice(["TT", "STT"])
    two_rows = rng.random() < 0.5
    header = ([[order, content, maximum, "Điểm chấm", None], [None, None, None, own, cluster]] if two_rows
              else [[order, content, maximum, own, cluster]])
    numbers = [[f"({i})" for i in range(1, 6)]] if rng.random() < 0.5 else []
    above = [[SNV_NORTH], ["BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022"]]
    above += [[f"Đơn vị: {spelling(rng, province)}"]] if rng.random() < 0.5 else []
    merged = header_merges(len(above) + 1, header, [(3, 4)]) if two_rows else []
    sheet = SheetSpec(strip_diacritics(province), [*above, *header, *numbers, *rows], merged)
    return sheet, totals["self"], totals["cluster"]


@pytest.mark.parametrize("seed", range(12))
def test_detail_layouts_never_seen_give_totals_from_the_leaves(tmp_path, seed):
    rng = random.Random(seed)
    provinces = rng.sample(PROVINCES, 3)
    sheets, expected = [], {}
    for province in provinces:
        sheet, own, cluster = generated_detail(rng, province)
        sheets.append(sheet)
        expected[f"Sở Nội vụ {province}"] = (own, cluster)
    path = write_workbook(tmp_path / "chi_tiet.xlsx", *sheets)
    result = read_scoring(path, path.name)
    units = result.units.set_index("unit")
    assert {u: (r["self_total"], r["total"]) for u, r in units.iterrows()} == expected  # halves add up exactly
    assert not result.warnings, messages(result.warnings)


def test_each_units_total_rank_and_award_name_the_cells_they_were_read_from(tmp_path):
    summary = [["CỤM THI ĐUA SỞ NỘI VỤ CÁC TỈNH MIỀN NÚI BIÊN GIỚI PHÍA BẮC"], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
               ["STT", "Đơn vị", "Tiêu chí 1", "Tiêu chí 2", "Tổng điểm", "Xếp hạng", "Đề nghị khen thưởng"],
               [1, "Lạng Sơn", 50, 45, 95, 1, "Cờ thi đua của Bộ Nội vụ"], [2, "Cao Bằng", 48, 44, 92, 2, None]]
    units = read_scoring(path := write_workbook(tmp_path / "th.xlsx", SheetSpec("TH", summary)), path.name).units
    cells = units.set_index("unit")[["sheet", "name_cell", "total_cell", "rank_cell", "award_cell"]]
    assert cells.loc["Sở Nội vụ Lạng Sơn"].tolist() == ["TH", "B4", "E4", "F4", "G4"]
    assert cells.loc["Sở Nội vụ Cao Bằng"].tolist()[:4] == ["TH", "B5", "E5", "F5"]
    assert cells.loc["Sở Nội vụ Cao Bằng"].isna().tolist() == [False] * 4 + [True]  # no award, no cell

    transposed = [["CỤM THI ĐUA SỞ NỘI VỤ CÁC TỈNH MIỀN NÚI BIÊN GIỚI PHÍA BẮC"], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
                  ["TT", "Nội dung tiêu chí", "Điểm chuẩn", "Lạng Sơn", "Cao Bằng"],
                  ["I", "Tổ chức", 50, 48, 47], ["II", "Cải cách hành chính", 50, 47, 45],
                  [None, "TỔNG CỘNG", 100, 95, 92], [None, "XẾP HẠNG", None, 1, 2],
                  [None, "Đề nghị khen thưởng", None, "Cờ thi đua của Bộ Nội vụ", None]]
    units = read_scoring(path := write_workbook(tmp_path / "tp.xlsx", SheetSpec("Ngang", transposed)), path.name).units
    cells = units.set_index("unit")[["sheet", "total", "total_cell", "rank", "rank_cell", "award", "award_cell"]]
    assert cells.loc["Sở Nội vụ Lạng Sơn"].tolist() == ["Ngang", 95, "D6", 1, "D7", "Cờ thi đua của Bộ Nội vụ", "D8"]
    assert cells.loc["Sở Nội vụ Cao Bằng"].tolist()[:5] == ["Ngang", 92, "E6", 2, "E7"]
    assert cells.loc["Sở Nội vụ Cao Bằng"].isna().tolist() == [False] * 5 + [True, True]


def without_gaps(frame):
    """Missing values as None, so that a row compares as a list."""
    return frame.astype(object).where(frame.notna(), None)


def test_self_total_bonus_penalty_and_maximum_name_their_cell_only_when_one_cell_holds_them(tmp_path):
    summary = [[SNV_NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
               ["STT", "Đơn vị", "Tiêu chí 1", "Tiêu chí 2", "Điểm thưởng", "Điểm cộng", "Điểm trừ", "Tổng điểm"],
               [1, "Lạng Sơn", 50, 40, 2, 1, -1, 92], [2, "Cao Bằng", 48, 44, None, 1, None, 93]]
    units = read_scoring(path := write_workbook(tmp_path / "th.xlsx", SheetSpec("TH", summary)), path.name).units
    figures = without_gaps(units.set_index("unit")[["bonus", "bonus_cell", "penalty", "penalty_cell", "total_cell"]])
    assert figures.loc["Sở Nội vụ Lạng Sơn"].tolist() == [3, None, 1, "G4", "H4"]  # a bonus over two columns
    assert figures.loc["Sở Nội vụ Cao Bằng"].tolist() == [1, "F5", 0, None, "H5"]

    detail = [["Đơn vị: Sở Nội vụ Lạng Sơn"], ["BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022"],
              ["TT", "Nội dung", "Điểm tối đa", "Tự chấm", "Cụm chấm"],
              ["I", "Công tác tổ chức (50 điểm)", None, 48, 47], ["II", "Cải cách hành chính", 45, 45, 44],
              ["III", "Điểm thưởng", 5, 2, 1], [None, "Tổng cộng", None, 95, 92]]
    result = read_scoring(path := write_workbook(tmp_path / "ct.xlsx", SheetSpec("Lang Son", detail)), path.name,
                          cluster=SNV_NORTH_NAME)
    unit = without_gaps(result.units).iloc[0]
    assert [unit.self_total, unit.self_total_cell, unit.total_cell, unit.bonus, unit.bonus_cell] == [95, "D7", "E7", 1, "E6"]
    criteria = without_gaps(result.criteria.set_index("key")[["max_points", "max_cell", "self_score", "self_cell", "cell"]])
    assert criteria.loc["I"].tolist() == [50, None, 48, "D4", "E4"]  # the maximum is written in the title
    assert criteria.loc["II"].tolist() == [45, "C5", 45, "D5", "E5"]

    side_by_side = [[SNV_NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
                    ["TT", "Nội dung tiêu chí", "Điểm chuẩn", "Lạng Sơn", "Cao Bằng"],
                    ["I", "Tổ chức", 50, 48, 47], ["II", "Cải cách hành chính", 50, 47, 45], [None, "Điểm thưởng", 5, 1, 2],
                    [None, "TỔNG CỘNG", 105, 96, 94]]
    result = read_scoring(path := write_workbook(tmp_path / "tp.xlsx", SheetSpec("Ngang", side_by_side)), path.name)
    assert without_gaps(result.units.set_index("unit")[["bonus", "bonus_cell"]]).loc["Sở Nội vụ Cao Bằng"].tolist() \
        == [2, "E6"]
    criteria = result.criteria[result.criteria.unit == "Sở Nội vụ Cao Bằng"]
    assert criteria.max_cell.tolist() == ["C4", "C5", "C6"] and criteria.cell.tolist() == ["E4", "E5", "E6"]
