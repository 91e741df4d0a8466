"""Rosters (leaders and deputies, members, awards) and scoring detail sheets in layouts where a figure could
be stored that the file does not say: a deputy taken for the leader, a person's award for the unit's, the
scoring unit for the scored one, a criteria template for a unit. Each case says the figures it must yield or
the refusal (sheet and cell) it must give; they register into the CASES of tests/unseen_layouts.py and are
judged there.
"""
from __future__ import annotations

import math

from unseen_layouts import AGENCIES_LS, FLAG, MERIT, MIDLAND_NAME, NORTH, NORTH_NAME, Built, RefusalExpect, \
    RosterExpect, ScoringExpect, U, case, detail_header, led, listed, snv
from workbook_builders import SheetSpec, xlsx_bytes

TITLE_2022 = "BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022"


# ================================================================ scoring detail sheets


@case("detail: a cross-scoring form naming the scorer first ('Đơn vị chấm: Sở Nội vụ tỉnh Lạng Sơn (Cụm trưởng)') "
      "and the unit scored under it ('Đơn vị được chấm: Sở Nội vụ tỉnh Cao Bằng'): the scores are Cao Bằng's")
def u01_scorer_line_above_the_unit_scored() -> Built:
    rows = [[NORTH], [TITLE_2022], ["Đơn vị chấm: Sở Nội vụ tỉnh Lạng Sơn (Cụm trưởng)"],
            ["Đơn vị được chấm: Sở Nội vụ tỉnh Cao Bằng"], *detail_header(),
            ["I", "Công tác tổ chức", 50, 48, 45], ["II", "Cải cách hành chính", 50, 47, 44]]
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "cham_cheo.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Cao Bằng"): U(89, 1, "Cao Bằng", self_total=95)}, criteria={(snv("Cao Bằng"), "II"): 44}))


def _criteria_set() -> SheetSpec:
    """The cluster's criteria as issued: each criterion's points under a bare 'Điểm' (its maximum, no unit's score)."""
    rows = [[NORTH], ["BỘ TIÊU CHÍ CHẤM ĐIỂM THI ĐUA NĂM 2022"], ["TT", "Nội dung tiêu chí", "Điểm"],
            ["I", "Công tác tổ chức", 50], ["II", "Cải cách hành chính", 50], [None, "Tổng cộng", 100]]
    return SheetSpec("Tieu chi", rows)


def _unit_detail(name: str, own: tuple[float, float], cluster: tuple[float, float]) -> SheetSpec:
    return SheetSpec(name, [[NORTH], [TITLE_2022], *detail_header(), ["I", "Công tác tổ chức", 50, own[0], cluster[0]],
                            ["II", "Cải cách hành chính", 50, own[1], cluster[1]]])


@case("details beside the criteria set ('BỘ TIÊU CHÍ CHẤM ĐIỂM' on a sheet 'Tieu chi', a bare 'Điểm' column holding "
      "each criterion's points): the criteria set is no unit scoring full marks")
def u02_criteria_set_beside_the_details() -> Built:
    sheets = (_criteria_set(), _unit_detail("Lai Chau", (48, 47), (46, 45)), _unit_detail("Son La", (49, 48), (47, 46)))
    return Built(xlsx_bytes(*sheets), "chi_tiet.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lai Châu"): U(91, 2, "Lai Châu", self_total=95), snv("Sơn La"): U(93, 1, "Sơn La", self_total=97)}),
        warns=("tieu chi",))


@case("a file holding only the criteria set ('BỘ TIÊU CHÍ CHẤM ĐIỂM', a bare 'Điểm' column): refused, no unit "
      "'Tieu chi' with 100 points")
def u03_criteria_set_alone() -> Built:
    return Built(xlsx_bytes(_criteria_set()), "bo_tieu_chi_2022.xlsx", RefusalExpect("criteria only", "Tieu chi"))


@case("a summary with its totals beside a unit's detail sheet whose 'Điểm Cụm chấm' column is left empty (filled in "
      "before the appraisal): the summary's total counts and no criterion is stored as scored zero by the cluster")
def u14_cluster_column_left_empty_beside_the_summary() -> Built:
    summary = SheetSpec("Tong hop", [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"], ["STT", "Đơn vị", "Tổng điểm", "Xếp hạng"],
                                     [1, "Lai Châu", 91, 1]])
    detail = SheetSpec("Lai Chau", [[NORTH], [TITLE_2022], *detail_header(), ["I", "Công tác tổ chức", 50, 48, None],
                                    ["II", "Cải cách hành chính", 50, 47, None], [None, "TỔNG CỘNG", 100, 95, None]])
    return Built(xlsx_bytes(summary, detail), "tong_hop.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lai Châu"): U(91, 1, "Lai Châu")},
        criteria={(snv("Lai Châu"), "I"): math.nan, (snv("Lai Châu"), "II"): math.nan}))


@case("a unit's own detail sheet with self scores only ('Điểm tự chấm', no cluster column): refused naming the sheet, "
      "as nothing can be ranked yet, instead of failing while it is written")
def u16_self_scores_only() -> Built:
    rows = [[NORTH], ["BẢNG TỰ CHẤM ĐIỂM THI ĐUA NĂM 2022"], ["Đơn vị: Sở Nội vụ tỉnh Lai Châu"],
            ["TT", "Nội dung tiêu chí", "Điểm tối đa", "Điểm tự chấm"], ["I", "Công tác tổ chức", 50, 48],
            ["II", "Cải cách hành chính", 50, 47], [None, "TỔNG CỘNG", 100, 95]]
    return Built(xlsx_bytes(SheetSpec("Lai Chau", rows)), "tu_cham.xlsx", RefusalExpect("no cluster total", "Lai Chau"))


@case("a summary of 2021 ('TH 2021') beside detail sheets titled 2022: the details are refused naming their sheet, not "
      "merged into the 2021 summary as its criteria")
def u15_details_of_another_year_beside_the_summary() -> Built:
    summary = SheetSpec("TH 2021", [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2021"], ["STT", "Đơn vị", "Tổng điểm", "Xếp hạng"],
                                    [1, "Lạng Sơn", 90, 1], [2, "Cao Bằng", 88, 2]])
    return Built(xlsx_bytes(summary, _unit_detail("Lang Son", (50, 50), (48, 47)), _unit_detail("Cao Bang", (50, 50), (46, 46))),
                 "tong_hop.xlsx", RefusalExpect("details of 2022 beside the summary of 2021", "Lang Son"))


# ================================================================ rosters


@case("roster: one column headed 'Cụm trưởng, Cụm phó' holding both units, each with its role after it "
      "('Lai Châu (Cụm trưởng); Điện Biên (Cụm phó)'): the leader is no deputy")
def u04_one_column_for_leader_and_deputy() -> Built:
    rows = [["DANH SÁCH CỤM TRƯỞNG, CỤM PHÓ CÁC CỤM THI ĐUA SỞ NỘI VỤ NĂM 2023"],
            ["STT", "Cụm thi đua", "Cụm trưởng, Cụm phó"],
            [1, NORTH_NAME, "Lai Châu (Cụm trưởng); Điện Biên (Cụm phó)"],
            [2, MIDLAND_NAME, "Sở Nội vụ tỉnh Bắc Kạn - Cụm trưởng\nSở Nội vụ tỉnh Tuyên Quang - Cụm phó"]]
    return Built(xlsx_bytes(SheetSpec("DS", rows)), "ds.xlsx", RosterExpect(
        led(NORTH_NAME, 2023, snv("Lai Châu"), snv("Điện Biên"))
        | led(MIDLAND_NAME, 2023, snv("Bắc Kạn"), snv("Tuyên Quang"))))


@case("roster: one column headed 'Cụm trưởng, Cụm phó' listing two units without their roles: refused naming the "
      "cell, not both stored as deputies")
def u05_one_column_for_both_roles_without_saying_which() -> Built:
    rows = [["DANH SÁCH CỤM TRƯỞNG, CỤM PHÓ NĂM 2023"], ["STT", "Cụm thi đua", "Cụm trưởng, Cụm phó"],
            [1, NORTH_NAME, "Lai Châu, Điện Biên"]]
    return Built(xlsx_bytes(SheetSpec("DS", rows)), "ds.xlsx", RefusalExpect("which is the leader", "DS", "C3"))


@case("roster: an award list with a 'Họ và tên' column beside 'Đơn vị công tác' (collectives leave the name blank): "
      "a person's Bằng khen is not their unit's")
def u06_award_list_with_a_name_column() -> Built:
    rows = [[NORTH], ["DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2022"],
            ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Hình thức đề nghị"],
            [1, None, None, "Sở Nội vụ tỉnh Lạng Sơn", FLAG],
            [2, "Nguyễn Văn An", "Giám đốc", "Sở Nội vụ tỉnh Lai Châu", MERIT],
            [3, "Lò Thị Mai", "Phó Giám đốc", "Sở Nội vụ tỉnh Cao Bằng", MERIT]]
    return Built(xlsx_bytes(SheetSpec("KT", rows)), "kt.xlsx", RosterExpect(set(), members=set(), awards={
        (NORTH_NAME, 2022, snv("Lạng Sơn"), FLAG, True)}))


@case("roster: a list of individuals only ('DANH SÁCH CÁ NHÂN ĐỀ NGHỊ TẶNG BẰNG KHEN', 'Họ và tên | Đơn vị công tác'): "
      "refused naming a person's row, no award stored for their units")
def u07_individuals_only() -> Built:
    rows = [[NORTH], ["DANH SÁCH CÁ NHÂN ĐỀ NGHỊ TẶNG BẰNG KHEN NĂM 2022"],
            ["STT", "Họ và tên", "Đơn vị công tác", "Hình thức khen thưởng"],
            [1, "Nguyễn Văn An", "Sở Nội vụ tỉnh Lạng Sơn", MERIT], [2, "Lò Thị Mai", "Sở Nội vụ tỉnh Lai Châu", MERIT]]
    return Built(xlsx_bytes(SheetSpec("CN", rows)), "ca_nhan.xlsx", RefusalExpect("persons only", "CN", "C4"))


@case("roster: an agencies cluster's award list naming a person with the post in brackets ('Nguyễn Văn An (Giám đốc "
      "Sở Tư pháp)') under 'Tên tập thể, cá nhân': no unit 'Nguyễn Văn An'")
def u08_person_with_post_in_brackets_in_an_agencies_award_list() -> Built:
    rows = [["UBND TỈNH LẠNG SƠN"], ["CỤM THI ĐUA CÁC CƠ QUAN THAM MƯU TỔNG HỢP"],
            ["DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2023"],
            ["STT", "Tên tập thể, cá nhân", "Hình thức khen thưởng"],
            [1, "Sở Tài chính", "Cờ thi đua của UBND tỉnh"],
            [2, "Nguyễn Văn An (Giám đốc Sở Tư pháp)", "Bằng khen của Chủ tịch UBND tỉnh"],
            [3, "Văn phòng UBND tỉnh", "Bằng khen của Chủ tịch UBND tỉnh"]]
    return Built(xlsx_bytes(SheetSpec("KT", rows)), "kt.xlsx", RosterExpect(set(), members=set(), awards={
        (AGENCIES_LS, 2023, "Sở Tài chính", "Cờ thi đua của UBND tỉnh", True),
        (AGENCIES_LS, 2023, "Văn phòng UBND tỉnh", "Bằng khen của Chủ tịch UBND tỉnh", True)}))


@case("roster: a member list naming each unit's head ('Họ và tên Giám đốc | Chức vụ') beside 'Vai trò trong Cụm': the "
      "roles come from the column holding roles, not from the posts ('Giám đốc')")
def u09_posts_of_the_heads_beside_the_roles() -> Built:
    rows = [[NORTH], ["DANH SÁCH ĐƠN VỊ THÀNH VIÊN VÀ NGƯỜI ĐỨNG ĐẦU NĂM 2024"],
            ["STT", "Đơn vị", "Họ và tên Giám đốc", "Chức vụ", "Vai trò trong Cụm"],
            [1, "Sở Nội vụ tỉnh Lạng Sơn", "Nguyễn Văn An", "Giám đốc", "Cụm trưởng"],
            [2, "Sở Nội vụ tỉnh Cao Bằng", "Lò Văn Bình", "Giám đốc", "Cụm phó"],
            [3, "Sở Nội vụ tỉnh Hà Giang", "Hoàng Văn Cường", "Phó Giám đốc phụ trách", None]]
    return Built(xlsx_bytes(SheetSpec("DS", rows)), "ds.xlsx", RosterExpect(
        led(NORTH_NAME, 2024, snv("Lạng Sơn"), snv("Cao Bằng")),
        members=listed(NORTH_NAME, 2024, map(snv, ("Lạng Sơn", "Cao Bằng", "Hà Giang")))))


@case("roster: a proposal list with one column per award ('Cờ thi đua của Bộ Nội vụ | Bằng khen của Bộ trưởng') marked "
      "'x': each unit's award is the one its mark stands under, not a bare membership")
def u10_one_column_per_award_marked_x() -> Built:
    rows = [[NORTH], ["DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2022"],
            ["STT", "Đơn vị", "Cờ thi đua của Bộ Nội vụ", "Bằng khen của Bộ trưởng Bộ Nội vụ"],
            [1, "Sở Nội vụ tỉnh Lạng Sơn", "x", None], [2, "Sở Nội vụ tỉnh Lai Châu", None, "x"],
            [3, "Sở Nội vụ tỉnh Cao Bằng", None, "X"]]
    return Built(xlsx_bytes(SheetSpec("KT", rows)), "kt.xlsx", RosterExpect(set(), members=set(), awards={
        (NORTH_NAME, 2022, snv("Lạng Sơn"), FLAG, True), (NORTH_NAME, 2022, snv("Lai Châu"), MERIT, True),
        (NORTH_NAME, 2022, snv("Cao Bằng"), MERIT, True)}))


@case("roster: 'Hình thức khen thưởng' merged over one column per award ('Cờ thi đua của Bộ Nội vụ', 'Bằng khen của "
      "Bộ trưởng Bộ Nội vụ') marked with 1: a two-row header, each mark the award above it")
def u11_award_columns_under_a_merged_label() -> Built:
    rows = [[NORTH], ["DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2022"],
            ["STT", "Đơn vị", "Hình thức khen thưởng", None], [None, None, FLAG, MERIT],
            [1, "Sở Nội vụ tỉnh Lạng Sơn", 1, None], [2, "Sở Nội vụ tỉnh Lai Châu", None, 1]]
    return Built(xlsx_bytes(SheetSpec("KT", rows, ["A3:A4", "B3:B4", "C3:D3"])), "kt.xlsx", RosterExpect(
        set(), members=set(), awards={(NORTH_NAME, 2022, snv("Lạng Sơn"), FLAG, True),
                                      (NORTH_NAME, 2022, snv("Lai Châu"), MERIT, True)}))


@case("roster: the award named only in the title ('DANH SÁCH TẬP THỂ ĐỀ NGHỊ TẶNG CỜ THI ĐUA CỦA BỘ NỘI VỤ NĂM 2022', "
      "'Tên tập thể | Thành tích'): the units listed are proposed for that award, not the cluster's member list")
def u12_award_named_in_the_title() -> Built:
    rows = [[NORTH], ["DANH SÁCH TẬP THỂ ĐỀ NGHỊ TẶNG CỜ THI ĐUA CỦA BỘ NỘI VỤ NĂM 2022"],
            ["STT", "Tên tập thể", "Thành tích"], [1, "Sở Nội vụ tỉnh Lạng Sơn", "Dẫn đầu Cụm thi đua năm 2022"],
            [2, "Sở Nội vụ tỉnh Lai Châu", "Dẫn đầu phong trào cải cách hành chính"]]
    return Built(xlsx_bytes(SheetSpec("KT", rows)), "kt.xlsx", RosterExpect(set(), members=set(), awards={
        (NORTH_NAME, 2022, snv("Lạng Sơn"), FLAG, True), (NORTH_NAME, 2022, snv("Lai Châu"), FLAG, True)}))


@case("roster: a decision's annex with one row per member, the cluster, 'Cụm trưởng' and 'Cụm phó' merged down over "
      "the member rows: one leader and one deputy, not 'named twice'")
def u13_leader_and_deputy_merged_over_member_rows() -> Built:
    rows = [["QUYẾT ĐỊNH"], ["Về việc phân công Cụm trưởng, Cụm phó các Cụm thi đua Sở Nội vụ năm 2023"],
            ["STT", "Cụm thi đua", "Cụm trưởng", "Cụm phó", "Đơn vị thành viên"],
            [1, NORTH_NAME, "Lai Châu", "Điện Biên", "Lai Châu"], [None, None, None, None, "Điện Biên"],
            [None, None, None, None, "Sơn La"], [2, MIDLAND_NAME, "Bắc Kạn", "Tuyên Quang", "Bắc Kạn"],
            [None, None, None, None, "Tuyên Quang"]]
    merged = ["A4:A6", "B4:B6", "C4:C6", "D4:D6", "A7:A8", "B7:B8", "C7:C8", "D7:D8"]
    return Built(xlsx_bytes(SheetSpec("PL", rows, merged)), "qd_phan_cong.xlsx", RosterExpect(
        led(NORTH_NAME, 2023, snv("Lai Châu"), snv("Điện Biên")) | led(MIDLAND_NAME, 2023, snv("Bắc Kạn"), snv("Tuyên Quang")),
        members=listed(NORTH_NAME, 2023, map(snv, ("Lai Châu", "Điện Biên", "Sơn La")))
        | listed(MIDLAND_NAME, 2023, map(snv, ("Bắc Kạn", "Tuyên Quang")))))


@case("roster: a 'Nhiệm kỳ' column holding a term of two years ('2022 - 2023'): refused naming the cell, not stored "
      "as the leader of 2022 only")
def u17_a_term_of_two_years() -> Built:
    rows = [["DANH SÁCH CỤM TRƯỞNG, CỤM PHÓ CÁC CỤM THI ĐUA SỞ NỘI VỤ"], ["STT", "Cụm thi đua", "Nhiệm kỳ", "Cụm trưởng", "Cụm phó"],
            [1, NORTH_NAME, "2022 - 2023", "Lai Châu", "Điện Biên"], [2, MIDLAND_NAME, 2023, "Bắc Kạn", "Tuyên Quang"]]
    return Built(xlsx_bytes(SheetSpec("DS", rows)), "ds.xlsx", RefusalExpect("two years in one year cell", "DS", "C3"))


@case("roster: a 'Cụm trưởng' column whose cell says the unit is the deputy ('Lai Châu (Cụm phó)'): refused naming "
      "the cell, not stored as the leader")
def u18_the_cell_names_the_other_role() -> Built:
    rows = [["DANH SÁCH CỤM TRƯỞNG CÁC CỤM THI ĐUA NĂM 2023"], ["STT", "Cụm thi đua", "Cụm trưởng"],
            [1, NORTH_NAME, "Lai Châu (Cụm phó)"], [2, MIDLAND_NAME, "Bắc Kạn"]]
    return Built(xlsx_bytes(SheetSpec("DS", rows)), "ds.xlsx", RefusalExpect("the cell says deputy", "DS", "C3"))


@case("roster: an agencies cluster's award list naming a department's inspectorate ('Thanh tra Sở Tư pháp') and an "
      "office of a member ('Phòng Quản lý ngân sách, Sở Tài chính'): neither is a member")
def u19_inspectorate_of_a_department_is_no_member() -> Built:
    rows = [["UBND TỈNH LẠNG SƠN"], ["CỤM THI ĐUA CÁC CƠ QUAN THAM MƯU TỔNG HỢP"], ["KẾT QUẢ KHEN THƯỞNG NĂM 2023"],
            ["STT", "Tên tập thể", "Hình thức khen thưởng"], [1, "Sở Tài chính", "Cờ thi đua của UBND tỉnh"],
            [2, "Phòng Quản lý ngân sách, Sở Tài chính", "Bằng khen của Chủ tịch UBND tỉnh"],
            [3, "Thanh tra Sở Tư pháp", "Bằng khen của Chủ tịch UBND tỉnh"], [4, "Thanh tra tỉnh", "Bằng khen của Chủ tịch UBND tỉnh"]]
    return Built(xlsx_bytes(SheetSpec("KT", rows)), "kt.xlsx", RosterExpect(set(), members=set(), awards={
        (AGENCIES_LS, 2023, "Sở Tài chính", "Cờ thi đua của UBND tỉnh", False),
        (AGENCIES_LS, 2023, "Thanh tra tỉnh", "Bằng khen của Chủ tịch UBND tỉnh", False)}))


@case("roster: an agencies cluster's award list headed 'Tên tập thể, cá nhân' naming a person bare ('Nguyễn Văn An'): "
      "no unit 'Nguyễn Văn An'")
def u20_bare_person_under_a_collective_or_individual_header() -> Built:
    rows = [["UBND TỈNH LẠNG SƠN"], ["CỤM THI ĐUA CÁC CƠ QUAN THAM MƯU TỔNG HỢP"], ["DANH SÁCH KHEN THƯỞNG NĂM 2023"],
            ["STT", "Tên tập thể, cá nhân", "Hình thức khen thưởng"], [1, "Sở Tài chính", "Cờ thi đua của UBND tỉnh"],
            [2, "Nguyễn Văn An", "Bằng khen của Chủ tịch UBND tỉnh"], [3, "Công an tỉnh", "Bằng khen của Chủ tịch UBND tỉnh"]]
    return Built(xlsx_bytes(SheetSpec("KT", rows)), "kt.xlsx", RosterExpect(set(), members=set(), awards={
        (AGENCIES_LS, 2023, "Sở Tài chính", "Cờ thi đua của UBND tỉnh", False),
        (AGENCIES_LS, 2023, "Công an tỉnh", "Bằng khen của Chủ tịch UBND tỉnh", False)}))


@case("a scoring guide sheet ('HƯỚNG DẪN CHẤM ĐIỂM': maximum and a 'Cách chấm' column of words) beside the summary: "
      "skipped with a warning naming it, not refusing the file for words in a score column")
def u21_scoring_guide_beside_the_summary() -> Built:
    guide = SheetSpec("Huong dan", [["HƯỚNG DẪN CHẤM ĐIỂM THI ĐUA"], ["TT", "Nội dung", "Điểm tối đa", "Cách chấm"],
                                    ["I", "Công tác tổ chức", 50, "Đủ hồ sơ: 50 điểm"],
                                    ["II", "Cải cách hành chính", 50, "Mỗi báo cáo chậm trừ 1 điểm"]])
    summary = SheetSpec("Tong hop", [[NORTH], ["BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2022"],
                                     ["STT", "Đơn vị", "Tổng điểm", "Xếp hạng"], [1, "Lạng Sơn", 95, 1], [2, "Cao Bằng", 92, 2]])
    return Built(xlsx_bytes(guide, summary), "ho_so.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(95, 1, "Lạng Sơn"), snv("Cao Bằng"): U(92, 2, "Cao Bằng")}), warns=("huong dan",))


@case("roster: an agencies cluster's leaders written as the posts heading them ('Giám đốc Sở Tài chính', 'Chánh Văn "
      "phòng UBND tỉnh'): the agencies, not units named after a post")
def u22_leaders_written_as_the_posts_heading_them() -> Built:
    rows = [["UBND TỈNH LẠNG SƠN"], ["PHÂN CÔNG CỤM TRƯỞNG, CỤM PHÓ NĂM 2024"], ["Cụm thi đua", "Cụm trưởng", "Cụm phó"],
            ["Cụm thi đua các cơ quan tham mưu tổng hợp", "Giám đốc Sở Tài chính", "Chánh Văn phòng UBND tỉnh"]]
    return Built(xlsx_bytes(SheetSpec("PC", rows)), "phan_cong.xlsx", RosterExpect(
        led(AGENCIES_LS, 2024, "Sở Tài chính", "Văn phòng UBND tỉnh")))


@case("roster: an award list naming a post as the recipient ('Giám đốc Sở Tư pháp' for a Bằng khen): an individual's "
      "award, not the agency's")
def u23_a_post_receiving_an_award_is_a_person() -> Built:
    rows = [["UBND TỈNH LẠNG SƠN"], ["CỤM THI ĐUA CÁC CƠ QUAN THAM MƯU TỔNG HỢP"], ["KẾT QUẢ KHEN THƯỞNG NĂM 2023"],
            ["STT", "Tên tập thể", "Hình thức khen thưởng"], [1, "Sở Tài chính", "Cờ thi đua của UBND tỉnh"],
            [2, "Giám đốc Sở Tư pháp", "Bằng khen của Chủ tịch UBND tỉnh"]]
    return Built(xlsx_bytes(SheetSpec("KT", rows)), "kt.xlsx", RosterExpect(set(), members=set(), awards={
        (AGENCIES_LS, 2023, "Sở Tài chính", "Cờ thi đua của UBND tỉnh", False)}))


@case("roster: two awards of one unit in one cell ('Cờ thi đua của Chính phủ; Bằng khen của Thủ tướng Chính phủ'): two "
      "awards, the Bằng khen not lost inside the flag's text")
def u24_two_awards_in_one_cell() -> Built:
    rows = [[NORTH], ["KẾT QUẢ KHEN THƯỞNG NĂM 2023"], ["STT", "Đơn vị", "Hình thức khen thưởng"],
            [1, "Sở Nội vụ tỉnh Lai Châu", "Cờ thi đua của Chính phủ; Bằng khen của Thủ tướng Chính phủ"],
            [2, "Sở Nội vụ tỉnh Điện Biên", "Cờ thi đua của Bộ Nội vụ\nBằng khen của Bộ trưởng Bộ Nội vụ"]]
    return Built(xlsx_bytes(SheetSpec("KT", rows)), "kt.xlsx", RosterExpect(set(), members=set(), awards={
        (NORTH_NAME, 2023, snv("Lai Châu"), "Cờ thi đua của Chính phủ", False),
        (NORTH_NAME, 2023, snv("Lai Châu"), "Bằng khen của Thủ tướng Chính phủ", False),
        (NORTH_NAME, 2023, snv("Điện Biên"), FLAG, False), (NORTH_NAME, 2023, snv("Điện Biên"), MERIT, False)}))
