"""Scoring workbooks whose tables a reader must understand by what their columns and rows hold, not by
the first header word it recognises: criteria groups named "Công tác thi đua, khen thưởng (15 điểm)",
transposed sheets closing with TỔNG CỘNG and XẾP HẠNG rows in any order, unit names wrapped or merged
over header rows, and workbooks holding a mid-year and a year-end table (or two years) as parts of one
upload. Each case says the figures it must yield or the refusal (sheet and cell) it must give; they
register into the CASES of tests/unseen_layouts.py and are judged there.
"""
from __future__ import annotations

from unseen_layouts import FLAG, LANG_SON_AGENCIES, MERIT, MIDLAND, MIDLAND_NAME, MOTTO, NORTH, NORTH_NAME, FREEDOM, \
    Built, RefusalExpect, ScoringExpect, U, case, snv
from workbook_builders import Percent, SheetSpec, xlsx_bytes

TITLE_2022 = "BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2022"
PLANNING = "Sở Kế hoạch và Đầu tư"
FINANCE = "Sở Tài chính"
OFFICE = "Văn phòng UBND tỉnh"
JUSTICE = "Sở Tư pháp"


def agencies_title(title: str = "BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2021") -> list[list[object]]:
    return [["UBND TỈNH LẠNG SƠN", None, None, None, MOTTO], ["CỤM THI ĐUA CÁC CƠ QUAN THAM MƯU TỔNG HỢP", None,
                                                              None, None, FREEDOM], [title]]


# ================================================================ criteria headers holding award words


@case("criteria group 'Công tác thi đua, khen thưởng (15 điểm)' beside an award column 'Đề nghị khen thưởng'")
def t01_emulation_criterion_beside_award_column() -> Built:
    rows = [[NORTH], [TITLE_2022],
            ["STT", "Đơn vị", "Thực hiện nhiệm vụ chuyên môn (85 điểm)", "Công tác thi đua, khen thưởng (15 điểm)",
             "Tổng điểm", "Xếp hạng", "Đề nghị khen thưởng"],
            [1, "Lạng Sơn", 83, 15, 98, 1, FLAG], [2, "Lai Châu", 82, 14.5, 96.5, 2, MERIT],
            [3, "Cao Bằng", 80, 14, 94, 3, None]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(98, 1, "Lạng Sơn", award=FLAG), snv("Lai Châu"): U(96.5, 2, "Lai Châu", award=MERIT),
        snv("Cao Bằng"): U(94, 3, "Cao Bằng")},
        criteria={(snv("Lai Châu"), "cong tac thi dua, khen thuong"): 14.5},
        criteria_keys={"thuc hien nhiem vu chuyen mon", "cong tac thi dua, khen thuong"},
        without_award={snv("Cao Bằng")}))


@case("numbered groups 'II. Công tác thi đua, khen thưởng (15 điểm)' and no award column at all")
def t02_emulation_criterion_without_award_column() -> Built:
    rows = [[NORTH], [TITLE_2022],
            ["STT", "Đơn vị", "I. Công tác chuyên môn (70 điểm)", "II. Công tác thi đua, khen thưởng (15 điểm)",
             "III. Xây dựng cơ quan, đoàn thể (15 điểm)", "Tổng điểm", "Xếp hạng"],
            [1, "Lạng Sơn", 68, 15, 14, 97, 1], [2, "Hà Giang", 66, 13.5, 15, 94.5, 2],
            [3, "Sơn La", 65, 12, 13, 90, 3]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(97, 1, "Lạng Sơn"), snv("Hà Giang"): U(94.5, 2, "Hà Giang"), snv("Sơn La"): U(90, 3, "Sơn La")},
        criteria={(snv("Hà Giang"), "II"): 13.5, (snv("Sơn La"), "III"): 13}, criteria_keys={"I", "II", "III"},
        without_award={snv("Lạng Sơn"), snv("Hà Giang"), snv("Sơn La")}))


@case("two-row header: 'Điểm chấm theo tiêu chí' over 'Chuyên môn (80 điểm)', 'Phong trào thi đua (10 điểm)', "
      "'Khen thưởng (10 điểm)', then 'Hình thức khen thưởng đề nghị'")
def t03_emulation_criteria_under_a_merged_group() -> Built:
    rows = [[MIDLAND], [TITLE_2022],
            ["STT", "Đơn vị", "Điểm chấm theo tiêu chí", None, None, "Tổng điểm", "Xếp hạng",
             "Hình thức khen thưởng đề nghị"],
            [None, None, "Chuyên môn (80 điểm)", "Phong trào thi đua (10 điểm)", "Khen thưởng (10 điểm)", None, None, None],
            [1, "Bắc Giang", 78, 10, 9.5, 97.5, 1, "Cờ thi đua của Bộ Nội vụ"],
            [2, "Bắc Kạn", 77, 9, 10, 96, 2, "Bằng khen của Bộ trưởng Bộ Nội vụ"],
            [3, "Phú Thọ", 75, 9.5, 9, 93.5, 3, None]]
    merged = ["A3:A4", "B3:B4", "C3:E3", "F3:F4", "G3:G4", "H3:H4"]
    return Built(xlsx_bytes(SheetSpec("Tong hop", rows, merged)), "th.xlsx", ScoringExpect(MIDLAND_NAME, 2022, {
        snv("Bắc Giang"): U(97.5, 1, "Bắc Giang", award="Cờ thi đua của Bộ Nội vụ"),
        snv("Bắc Kạn"): U(96, 2, "Bắc Kạn", award="Bằng khen của Bộ trưởng Bộ Nội vụ"), snv("Phú Thọ"): U(93.5, 3, "Phú Thọ")},
        criteria={(snv("Bắc Kạn"), "khen thuong"): 10, (snv("Phú Thọ"), "phong trao thi dua"): 9.5},
        criteria_keys={"chuyen mon", "phong trao thi dua", "khen thuong"}, without_award={snv("Phú Thọ")}))


@case("'Xếp loại CCHC (10 điểm)' holding scores is a criterion; a 'Xếp loại' column of grade words is not read")
def t04_grade_words_and_a_graded_criterion() -> Built:
    rows = [[NORTH], [TITLE_2022],
            ["STT", "Đơn vị", "Công tác chuyên môn (90 điểm)", "Xếp loại CCHC (10 điểm)", "Tổng điểm", "Xếp loại",
             "Xếp hạng"],
            [1, "Điện Biên", 88, 9, 97, "Hoàn thành xuất sắc", 1], [2, "Lào Cai", 85, 10, 95, "Hoàn thành xuất sắc", 2],
            [3, "Lai Châu", 80, 7, 87, "Hoàn thành tốt", 3]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Điện Biên"): U(97, 1, "Điện Biên"), snv("Lào Cai"): U(95, 2, "Lào Cai"), snv("Lai Châu"): U(87, 3, "Lai Châu")},
        criteria={(snv("Lai Châu"), "xep loai cchc"): 7},
        criteria_keys={"cong tac chuyen mon", "xep loai cchc"}, without_award={snv("Lai Châu")}))


@case("a criterion 'Công tác khen thưởng (10 điểm)' with 12 in one cell: refused naming that cell (over its maximum)")
def t05_emulation_criterion_over_its_maximum() -> Built:
    rows = [[NORTH], [TITLE_2022],
            ["STT", "Đơn vị", "Công tác chuyên môn (90 điểm)", "Công tác khen thưởng (10 điểm)", "Tổng điểm"],
            [1, "Lạng Sơn", 86, 9, 95], [2, "Cao Bằng", 80, 12, 92]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", RefusalExpect("a score above its stated maximum", "TH", "D5"))


@case("'Điểm khen thưởng (5 điểm)' holds numbers (a criterion) beside 'Khen thưởng' holding award phrases")
def t06_award_words_on_a_score_and_an_award_column() -> Built:
    rows = [[NORTH], [TITLE_2022],
            ["STT", "Đơn vị", "Nhiệm vụ chuyên môn (95 điểm)", "Điểm khen thưởng (5 điểm)", "Tổng điểm", "Xếp hạng",
             "Khen thưởng"],
            [1, "Cao Bằng", 92, 5, 97, 1, "CTĐ của Bộ Nội vụ"], [2, "Hà Giang", 90, 4, 94, 2, "BK Bộ trưởng"],
            [3, "Lào Cai", 89, 3, 92, 3, "-"]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Cao Bằng"): U(97, 1, "Cao Bằng", award="CTĐ của Bộ Nội vụ"), snv("Hà Giang"): U(94, 2, "Hà Giang",
                                                                                             award="BK Bộ trưởng"),
        snv("Lào Cai"): U(92, 3, "Lào Cai")},
        criteria={(snv("Hà Giang"), "diem khen thuong"): 4}, without_award={snv("Lào Cai")}))


@case("an award column 'Đề nghị khen thưởng' holding a number in one row among award phrases: refused naming it")
def t07_a_number_in_the_award_column() -> Built:
    rows = [[NORTH], [TITLE_2022],
            ["STT", "Đơn vị", "Tổng điểm", "Xếp hạng", "Đề nghị khen thưởng"],
            [1, "Lạng Sơn", 98, 1, FLAG], [2, "Lai Châu", 96, 2, 14.5], [3, "Cao Bằng", 94, 3, MERIT]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", RefusalExpect("a number where an award is due", "TH", "E5"))


@case("rank column 'Thứ hạng' with a tie (1, 2, 2, 4) kept as published")
def t08_tied_ranks() -> Built:
    rows = [[NORTH], [TITLE_2022],
            ["STT", "Đơn vị", "Tiêu chí 1 (50 điểm)", "Tiêu chí 2 (50 điểm)", "Tổng điểm", "Thứ hạng"],
            [1, "Lạng Sơn", 49, 49, 98, 1], [2, "Cao Bằng", 48, 47, 95, 2], [3, "Hà Giang", 47, 48, 95, 2],
            [4, "Sơn La", 45, 45, 90, 4]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(98, 1, "Lạng Sơn"), snv("Cao Bằng"): U(95, 2, "Cao Bằng"), snv("Hà Giang"): U(95, 2, "Hà Giang"),
        snv("Sơn La"): U(90, 4, "Sơn La")}))


@case("rank 7 in a table of three units: no rank beyond the number of units, refused naming the cell")
def t09_rank_beyond_the_units() -> Built:
    rows = [[NORTH], [TITLE_2022], ["STT", "Đơn vị", "Tổng điểm", "Xếp hạng"],
            [1, "Lạng Sơn", 98, 1], [2, "Cao Bằng", 95, 7], [3, "Hà Giang", 93, 3]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", RefusalExpect("a rank beyond the units", "TH", "D5"))


@case("an agencies cluster's summary with 'Thi đua' and 'Khen thưởng' criteria columns and names wrapped in "
      "their cells ('Sở Kế hoạch và\\nĐầu tư', 'Văn phòng\\nUBND tỉnh')")
def t10_agencies_summary_with_wrapped_names() -> Built:
    rows = [*agencies_title(),
            ["STT", "Tên cơ quan", "Chuyên môn (80 điểm)", "Thi đua (10 điểm)", "Khen thưởng (10 điểm)", "Tổng điểm",
             "Xếp hạng"],
            [1, "Sở Tài chính", 79, 10, 9, 98, 1], [2, "Sở Kế hoạch và\nĐầu tư", 78, 9, 9, 96, 2],
            [3, "Văn phòng\nUBND tỉnh", 76, 9, 8, 93, 3]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(LANG_SON_AGENCIES, 2021, {
        FINANCE: U(98, 1), PLANNING: U(96, 2), OFFICE: U(93, 3)},
        criteria={(PLANNING, "thi dua"): 9, (OFFICE, "khen thuong"): 8},
        criteria_keys={"chuyen mon", "thi dua", "khen thuong"}))


# ================================================================ transposed sheets


def transposed(units: list[str], closing: list[list[object]], groups: list[list[object]] | None = None
               ) -> list[list[object]]:
    """Criteria down the rows (I with 1 and 2, II), a column per unit, then the closing rows given."""
    groups = groups or [["I", "Công tác tổ chức", 40, 38, 38, 35], [1, "Bộ máy", 20, 19, 19, 17],
                        [2, "Biên chế", 20, 19, 19, 18], ["II", "Cải cách hành chính", 60, 55, 55, 52]]
    return [[NORTH], [TITLE_2022], ["TT", "Nội dung tiêu chí", "Điểm chuẩn", *units], *groups, *closing]


SIDE = ["Lạng Sơn", "Cao Bằng", "Hà Giang"]
TIED = {snv("Lạng Sơn"): U(93, 1, "Lạng Sơn"), snv("Cao Bằng"): U(93, 2, "Cao Bằng"), snv("Hà Giang"): U(87, 3, "Hà Giang")}
TRANSPOSED_KEYS = {"I", "I/1", "I/2", "II"}


@case("transposed: TỔNG CỘNG then XẾP HẠNG (a published tie-break 1, 2 between equal totals): the rank row "
      "is no criterion")
def t11_transposed_total_then_rank() -> Built:
    rows = transposed(SIDE, [[None, "TỔNG CỘNG", 100, 93, 93, 87], [None, "XẾP HẠNG", None, 1, 2, 3]])
    return Built(xlsx_bytes(SheetSpec("Tong hop", rows)), "th.xlsx", ScoringExpect(
        NORTH_NAME, 2022, TIED, criteria={(snv("Cao Bằng"), "I/1"): 19}, criteria_keys=TRANSPOSED_KEYS))


@case("transposed: XẾP HẠNG row above TỔNG CỘNG, ranks written 'Nhất', 'Nhì', 'Ba'")
def t12_transposed_rank_then_total() -> Built:
    rows = transposed(SIDE, [[None, "Xếp hạng", None, "Nhất", "Nhì", "Ba"], [None, "Tổng cộng", 100, 93, 93, 87]])
    return Built(xlsx_bytes(SheetSpec("Tong hop", rows)), "th.xlsx", ScoringExpect(
        NORTH_NAME, 2022, TIED, criteria_keys=TRANSPOSED_KEYS))


@case("transposed: TỔNG CỘNG right under the header, criteria below it, XẾP HẠNG last")
def t13_transposed_total_first() -> Built:
    rows = transposed(SIDE, [[None, "XẾP HẠNG", None, 1, 2, 3]])
    rows.insert(3, [None, "TỔNG SỐ ĐIỂM", 100, 93, 93, 87])
    return Built(xlsx_bytes(SheetSpec("Tong hop", rows)), "th.xlsx", ScoringExpect(
        NORTH_NAME, 2022, TIED, criteria={(snv("Hà Giang"), "II"): 52}, criteria_keys=TRANSPOSED_KEYS))


@case("transposed: TỔNG CỘNG, a 'Tỷ lệ đạt (%)' row of percents, then XẾP HẠNG and a 'Ghi chú' line with a number")
def t14_transposed_percent_and_note_rows() -> Built:
    rows = transposed(SIDE, [[None, "TỔNG CỘNG", 100, 93, 93, 87],
                             [None, "Tỷ lệ đạt (%)", None, Percent(0.93), Percent(0.93), Percent(0.87)],
                             [None, "XẾP HẠNG", None, 1, 2, 3], [],
                             ["Ghi chú: điểm chuẩn tối đa 100 điểm, Hà Giang nộp chậm 1 ngày"]])
    return Built(xlsx_bytes(SheetSpec("Tong hop", rows)), "th.xlsx", ScoringExpect(
        NORTH_NAME, 2022, TIED, criteria_keys=TRANSPOSED_KEYS))


@case("transposed: an 'Điểm trung bình' row (each unit's mean per criterion) between TỔNG CỘNG and XẾP HẠNG")
def t15_transposed_average_row() -> Built:
    rows = transposed(SIDE, [[None, "TỔNG CỘNG", 100, 93, 93, 87], [None, "Điểm trung bình", None, 46.5, 46.5, 43.5],
                             [None, "XẾP HẠNG", None, 1, 2, 3]])
    return Built(xlsx_bytes(SheetSpec("Tong hop", rows)), "th.xlsx", ScoringExpect(
        NORTH_NAME, 2022, TIED, criteria_keys=TRANSPOSED_KEYS))


@case("transposed: section rows 'Phần A. Tiêu chí chung' / 'Phần B. Tiêu chí riêng' without numbers, total, rank")
def t16_transposed_section_rows() -> Built:
    groups = [["A", "Phần A. Tiêu chí chung", None, None, None, None], [1, "Bộ máy", 40, 38, 38, 35],
              ["B", "Phần B. Tiêu chí riêng", None, None, None, None], [2, "Cải cách hành chính", 60, 55, 55, 52]]
    rows = transposed(SIDE, [[None, "TỔNG CỘNG", 100, 93, 93, 87], [None, "XẾP HẠNG", None, 1, 2, 3]], groups)
    return Built(xlsx_bytes(SheetSpec("Tong hop", rows)), "th.xlsx", ScoringExpect(
        NORTH_NAME, 2022, TIED, criteria={(snv("Cao Bằng"), "B/2"): 55}, criteria_keys={"A", "A/1", "B", "B/2"}))


@case("transposed: TỔNG CỘNG states 95 for a unit whose criteria add up to 93: refused naming the total's cell")
def t17_transposed_total_contradicting_its_parts() -> Built:
    rows = transposed(SIDE, [[None, "TỔNG CỘNG", 100, 95, 93, 87], [None, "XẾP HẠNG", None, 1, 2, 3]])
    return Built(xlsx_bytes(SheetSpec("Tong hop", rows)), "th.xlsx",
                 RefusalExpect("a stated total against its parts", "Tong hop", "D8"))


@case("transposed: 'Điểm thưởng' and 'Điểm trừ' rows, TỔNG CỘNG with them, XẾP HẠNG, a 'Đề nghị khen thưởng' row")
def t18_transposed_bonus_penalty_and_award_rows() -> Built:
    rows = transposed(SIDE, [[None, "Điểm thưởng", None, 2, None, 1], [None, "Điểm trừ", None, None, 1, 3],
                             [None, "TỔNG CỘNG", None, 95, 92, 85], [None, "XẾP HẠNG", None, 1, 2, 3],
                             [None, "Đề nghị khen thưởng", None, FLAG, MERIT, None]])
    return Built(xlsx_bytes(SheetSpec("Tong hop", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(95, 1, "Lạng Sơn", bonus=2, penalty=0, award=FLAG),
        snv("Cao Bằng"): U(92, 2, "Cao Bằng", bonus=0, penalty=1, award=MERIT),
        snv("Hà Giang"): U(85, 3, "Hà Giang", bonus=1, penalty=3)}, without_award={snv("Hà Giang")}))


@case("transposed with an 'Bình quân' column after the units (the cluster's mean): no unit")
def t19_transposed_average_column() -> Built:
    rows = transposed([*SIDE, "Bình quân"], [[None, "TỔNG CỘNG", 100, 93, 93, 87, 91], [None, "XẾP HẠNG", None, 1, 2, 3]],
                      [["I", "Công tác tổ chức", 40, 38, 38, 35, 37], [1, "Bộ máy", 20, 19, 19, 17, 18.33],
                       [2, "Biên chế", 20, 19, 19, 18, 18.67], ["II", "Cải cách hành chính", 60, 55, 55, 52, 54]])
    return Built(xlsx_bytes(SheetSpec("Tong hop", rows)), "th.xlsx", ScoringExpect(
        NORTH_NAME, 2022, TIED, criteria_keys=TRANSPOSED_KEYS))


# ================================================================ unit names whole


def agencies_transposed(header: list[list[object]], merged: list[str]) -> Built:
    body = [["I", "Tổ chức", 50, 48, 47, 45, 46], ["II", "Chuyên môn", 50, 49, 47, 46, 43],
            [None, "TỔNG CỘNG", 100, 97, 94, 91, 89], [None, "XẾP HẠNG", None, 1, 2, 3, 4]]
    rows = [*agencies_title(), *header, *body]
    return Built(xlsx_bytes(SheetSpec("Tong hop", rows, merged)), "cham_diem.xlsx", ScoringExpect(LANG_SON_AGENCIES, 2021, {
        PLANNING: U(97, 1), FINANCE: U(94, 2), OFFICE: U(91, 3), JUSTICE: U(89, 4)},
        criteria={(PLANNING, "II"): 49, (JUSTICE, "I"): 46}, criteria_keys={"I", "II"}))


@case("agencies transposed: 'Sở Kế hoạch và Đầu tư' (ends in 'tư', a scoring word's spelling), 'Văn phòng UBND "
      "tỉnh' in one header row")
def t20_agencies_transposed_full_names() -> Built:
    return agencies_transposed([["TT", "Nội dung", "Điểm chuẩn", PLANNING, FINANCE, OFFICE, JUSTICE]], [])


@case("agencies transposed: names wrapped inside header cells ('Sở Kế hoạch\\nvà Đầu tư', 'Văn phòng\\nUBND tỉnh')")
def t21_agencies_transposed_wrapped_names() -> Built:
    return agencies_transposed([["TT", "Nội dung", "Điểm chuẩn", "Sở Kế hoạch\nvà Đầu tư", "Sở Tài\nchính",
                                 "Văn phòng\nUBND tỉnh", "Sở Tư\npháp"]], [])


@case("agencies transposed: 'Điểm Cụm chấm' merged over the agencies, each agency's name merged down two rows")
def t22_agencies_transposed_names_merged_down() -> Built:
    header = [["TT", "Nội dung", "Điểm chuẩn", "Điểm Cụm chấm", None, None, None],
              [None, None, None, PLANNING, FINANCE, OFFICE, JUSTICE], [None, None, None, None, None, None, None]]
    return agencies_transposed(header, ["A4:A6", "B4:B6", "C4:C6", "D4:G4", "D5:D6", "E5:E6", "F5:F6", "G5:G6"])


@case("agencies transposed: names cut over two header rows without merging ('Sở Kế hoạch và' over 'Đầu tư')")
def t23_agencies_transposed_names_over_two_rows() -> Built:
    header = [["TT", "Nội dung", "Điểm chuẩn", "Sở Kế hoạch và", "Sở Tài chính", "Văn phòng", JUSTICE],
              [None, None, None, "Đầu tư", None, "UBND tỉnh", None]]
    return agencies_transposed(header, ["A4:A5", "B4:B5", "C4:C5", "E4:E5", "G4:G5"])


@case("transposed provinces written 'Sở Nội vụ\\ntỉnh Lạng Sơn' in the header cells")
def t24_transposed_department_names_wrapped() -> Built:
    rows = transposed(["Sở Nội vụ\ntỉnh Lạng Sơn", "Sở Nội vụ\ntỉnh Cao Bằng", "Sở Nội vụ\ntỉnh Hà Giang"],
                      [[None, "TỔNG CỘNG", 100, 93, 93, 87], [None, "XẾP HẠNG", None, 1, 2, 3]])
    return Built(xlsx_bytes(SheetSpec("Tong hop", rows)), "th.xlsx", ScoringExpect(
        NORTH_NAME, 2022, TIED, criteria_keys=TRANSPOSED_KEYS))


# ================================================================ several parts in one workbook


def period_sheet(name: str, title: str, lines: list[list[object]], cluster: str = NORTH) -> SheetSpec:
    return SheetSpec(name, [[cluster], [title], ["STT", "Đơn vị", "Tổng điểm", "Xếp hạng"], *lines])


MID_2022 = [[1, "Lạng Sơn", 48, 2], [2, "Cao Bằng", 49, 1]]
YEAR_2022 = [[1, "Lạng Sơn", 96, 1], [2, "Cao Bằng", 94, 2]]


def mid_and_year(mid_first: bool = True) -> list[ScoringExpect]:
    mid = ScoringExpect(NORTH_NAME, 2022, {snv("Lạng Sơn"): U(48, 2, "Lạng Sơn"), snv("Cao Bằng"): U(49, 1, "Cao Bằng")},
                        period="mid")
    year = ScoringExpect(NORTH_NAME, 2022, {snv("Lạng Sơn"): U(96, 1, "Lạng Sơn"), snv("Cao Bằng"): U(94, 2, "Cao Bằng")})
    first, second = (mid, year) if mid_first else (year, mid)
    first.others = [second]
    return [first]


@case("a 'Sơ kết 6 tháng' sheet and a 'Tổng kết năm' sheet for one cluster and year: two parts of one upload")
def t25_mid_year_and_year_end_sheets() -> Built:
    data = xlsx_bytes(period_sheet("So ket 6 thang", "KẾT QUẢ CHẤM ĐIỂM SƠ KẾT 6 THÁNG NĂM 2022", MID_2022),
                      period_sheet("Tong ket nam", "KẾT QUẢ CHẤM ĐIỂM TỔNG KẾT NĂM 2022", YEAR_2022))
    return Built(data, "th.xlsx", mid_and_year()[0])


@case("the year-end sheet first, the period only in the sheet names ('Ca nam', '6 thang'), a cover page and a "
      "notes sheet skipped with warnings naming them")
def t26_parts_with_cover_and_notes_sheets() -> Built:
    cover = SheetSpec("Bia", [[NORTH], ["HỒ SƠ CHẤM ĐIỂM THI ĐUA NĂM 2022"], ["Lạng Sơn, tháng 12 năm 2022"]])
    notes = SheetSpec("Ghi chu", [["Ghi chú"], ["- Điểm Cụm chấm là điểm chính thức."],
                                  ["- Cao Bằng được cộng 1 điểm sáng kiến."]])
    data = xlsx_bytes(cover, period_sheet("Ca nam", "BẢNG ĐIỂM THI ĐUA NĂM 2022", YEAR_2022),
                      period_sheet("6 thang", "BẢNG ĐIỂM THI ĐUA NĂM 2022", MID_2022), notes)
    return Built(data, "th.xlsx", mid_and_year(mid_first=False)[0], warns=("bia", "ghi chu"))


@case("sheets 'Năm 2022' and 'Năm 2023' each with its year in its title: two years, two parts")
def t27_two_years_in_one_workbook() -> Built:
    data = xlsx_bytes(period_sheet("Nam 2022", "BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022", YEAR_2022),
                      period_sheet("Nam 2023", "BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2023",
                                   [[1, "Lạng Sơn", 95, 2], [2, "Cao Bằng", 97, 1]]))
    expect = ScoringExpect(NORTH_NAME, 2022, {snv("Lạng Sơn"): U(96, 1, "Lạng Sơn"), snv("Cao Bằng"): U(94, 2, "Cao Bằng")})
    expect.others = [ScoringExpect(NORTH_NAME, 2023, {snv("Lạng Sơn"): U(95, 2, "Lạng Sơn"),
                                                      snv("Cao Bằng"): U(97, 1, "Cao Bằng")})]
    return Built(data, "th.xlsx", expect)


@case("two year-end sheets of one cluster and year ('TH', 'TH (2)' a copy with other figures): refused naming the second")
def t28_two_summaries_for_one_period() -> Built:
    data = xlsx_bytes(period_sheet("TH", "BẢNG ĐIỂM THI ĐUA NĂM 2022", YEAR_2022),
                      period_sheet("TH (2)", "BẢNG ĐIỂM THI ĐUA NĂM 2022", [[1, "Lạng Sơn", 95, 1], [2, "Cao Bằng", 93, 2]]))
    return Built(data, "th.xlsx", RefusalExpect("two summaries of one period", "TH (2)", None))


@case("mid-year and year-end sheets naming two different clusters: refused naming the second sheet")
def t29_parts_of_two_clusters() -> Built:
    data = xlsx_bytes(period_sheet("So ket", "KẾT QUẢ SƠ KẾT 6 THÁNG NĂM 2022", MID_2022),
                      period_sheet("Tong ket", "KẾT QUẢ TỔNG KẾT NĂM 2022", [[1, "Bắc Giang", 96, 1], [2, "Phú Thọ", 94, 2]],
                                   cluster=MIDLAND))
    return Built(data, "th.xlsx", RefusalExpect("two clusters in one upload", "Tong ket", None))


@case("a mid-year sheet in a workbook of two sheets whose year-end sheet closes with TỔNG CỘNG and a mean row")
def t30_parts_with_closing_rows() -> Built:
    year_lines = [*YEAR_2022, [None, "TỔNG CỘNG", 190, None], [None, "Bình quân", 95, None]]
    data = xlsx_bytes(period_sheet("So ket 6 thang", "KẾT QUẢ CHẤM ĐIỂM SƠ KẾT 6 THÁNG NĂM 2022", MID_2022),
                      period_sheet("Tong ket nam", "KẾT QUẢ CHẤM ĐIỂM TỔNG KẾT NĂM 2022", year_lines))
    return Built(data, "th.xlsx", mid_and_year()[0])


# ================================================================ reconciliation


@case("summary whose 'Tổng điểm' (95) differs from its criteria (93): the stated total counts, with a warning saying so")
def t31_summary_total_against_criteria_is_said() -> Built:
    rows = [[NORTH], [TITLE_2022], ["STT", "Đơn vị", "Tiêu chí 1 (50 điểm)", "Tiêu chí 2 (50 điểm)", "Tổng điểm"],
            [1, "Lạng Sơn", 48, 45, 95], [2, "Cao Bằng", 47, 44, 91]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(95, 1, "Lạng Sơn"), snv("Cao Bằng"): U(91, 2, "Cao Bằng")}),
        warns=("dung tong diem ghi trong bang",))


@case("summary closing with 'Chỉ số trung bình' and 'Điểm bình quân của Cụm' rows (numbers, no unit) and a 'Ghi chú' row")
def t32_summary_average_rows_are_no_units() -> Built:
    rows = [[NORTH], [TITLE_2022], ["STT", "Đơn vị", "Tiêu chí 1 (50 điểm)", "Tiêu chí 2 (50 điểm)", "Tổng điểm", "Xếp hạng"],
            [1, "Lạng Sơn", 49, 47, 96, 1], [2, "Cao Bằng", 48, 46, 94, 2], [3, "Lào Cai", 45, 44, 89, 3],
            [None, "Chỉ số trung bình", 47.33, 45.67, 93], [None, "Điểm bình quân của Cụm", 47.33, 45.67, 93],
            [None, "Ghi chú: Lào Cai nộp chậm 2 ngày", None, None, 2]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(96, 1, "Lạng Sơn"), snv("Cao Bằng"): U(94, 2, "Cao Bằng"), snv("Lào Cai"): U(89, 3, "Lào Cai")}))


@case("summary whose last criterion column 'Điểm thi đua (100 điểm)' is every unit's sum of the criteria before it, "
      "with no 'Tổng điểm': a stated total, not a fourth criterion")
def t33_a_sum_column_under_criterion_words_is_a_total() -> Built:
    rows = [[NORTH], [TITLE_2022],
            ["STT", "Đơn vị", "Chuyên môn (60 điểm)", "Cải cách hành chính (30 điểm)", "Khen thưởng (10 điểm)",
             "Điểm thi đua (100 điểm)", "Xếp hạng"],
            [1, "Lạng Sơn", 58, 29, 9, 96, 1], [2, "Cao Bằng", 57, 28, 9, 94, 2], [3, "Sơn La", 55, 27, 8, 90, 3]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(96, 1, "Lạng Sơn"), snv("Cao Bằng"): U(94, 2, "Cao Bằng"), snv("Sơn La"): U(90, 3, "Sơn La")},
        criteria_keys={"chuyen mon", "cai cach hanh chinh", "khen thuong"}))


@case("transposed with the rank row 'Xếp hạng Chỉ số CCHC' as a criterion (code 3, maximum 5) and a XẾP HẠNG line")
def t34_transposed_rank_words_in_a_criterion() -> Built:
    groups = [["I", "Công tác tổ chức", 40, 38, 38, 35], [1, "Bộ máy", 20, 19, 19, 17], [2, "Biên chế", 20, 19, 19, 18],
              ["II", "Cải cách hành chính", 60, 55, 55, 52], [1, "Thực hiện kế hoạch", 55, 50, 51, 48],
              [2, "Xếp hạng Chỉ số CCHC của tỉnh", 5, 5, 4, 4]]
    rows = transposed(SIDE, [[None, "TỔNG CỘNG", 100, 93, 93, 87], [None, "XẾP HẠNG", None, 1, 2, 3]], groups)
    return Built(xlsx_bytes(SheetSpec("Tong hop", rows)), "th.xlsx", ScoringExpect(
        NORTH_NAME, 2022, TIED, criteria={(snv("Cao Bằng"), "II/2"): 4},
        criteria_keys={"I", "I/1", "I/2", "II", "II/1", "II/2"}))


@case("transposed: a XẾP HẠNG line holding '1,5' for one unit: refused naming that cell")
def t35_transposed_rank_not_whole() -> Built:
    rows = transposed(SIDE, [[None, "TỔNG CỘNG", 100, 93, 93, 87], [None, "XẾP HẠNG", None, 1, "1,5", 3]])
    return Built(xlsx_bytes(SheetSpec("Tong hop", rows)), "th.xlsx", RefusalExpect("a rank not whole", "Tong hop", "E9"))


@case("transposed: an 'Đề nghị khen thưởng' line holding a score (15) for one unit: refused naming that cell")
def t36_transposed_award_line_holding_a_number() -> Built:
    rows = transposed(SIDE, [[None, "TỔNG CỘNG", 100, 93, 93, 87], [None, "XẾP HẠNG", None, 1, 2, 3],
                             [None, "Đề nghị khen thưởng", None, FLAG, 15, None]])
    return Built(xlsx_bytes(SheetSpec("Tong hop", rows)), "th.xlsx", RefusalExpect("a number as an award", "Tong hop", "E10"))


@case("a unit's detail sheet with uncoded criteria titled 'Tỷ lệ hồ sơ giải quyết đúng hạn' and 'Xếp hạng Chỉ số "
      "CCHC của tỉnh' (no maximum written): criteria, not ratio or rank lines")
def t37_detail_criteria_titled_like_labelled_lines() -> Built:
    rows = [[NORTH], ["BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022"], ["Đơn vị: Sở Nội vụ tỉnh Lạng Sơn"],
            ["Nội dung tiêu chí", "Điểm tối đa", "Tự chấm", "Cụm chấm"],
            ["Công tác tổ chức", 60, 58, 57], ["Tỷ lệ hồ sơ giải quyết đúng hạn", None, 20, 19],
            ["Xếp hạng Chỉ số CCHC của tỉnh", None, 18, 17], ["TỔNG CỘNG", None, 96, 93]]
    return Built(xlsx_bytes(SheetSpec("Lang Son", rows)), "cham_diem.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(93, 1, "Lạng Sơn", self_total=96)},
        criteria={(snv("Lạng Sơn"), "ty le ho so giai quyet dung han"): 19,
                  (snv("Lạng Sơn"), "xep hang chi so cchc cua tinh"): 17}))


@case("a SIPAS sheet first ('Chỉ số hài lòng SIPAS 2022' by province) and the cluster's scoring summary second, read "
      "as scoring (--kind scoring): the index sheet is skipped with a warning naming it")
def t38_index_sheet_beside_a_scoring_summary() -> Built:
    sipas = SheetSpec("SIPAS", [["CHỈ SỐ HÀI LÒNG VỀ SỰ PHỤC VỤ HÀNH CHÍNH (SIPAS) NĂM 2022"],
                                ["TT", "Tỉnh, thành phố", "Chỉ số SIPAS (%)", "Xếp hạng"],
                                [1, "Lạng Sơn", 84.5, 1], [2, "Cao Bằng", 82.1, 2], [3, "Hà Giang", 80.3, 3]])
    data = xlsx_bytes(sipas, period_sheet("Tong hop", TITLE_2022, YEAR_2022))
    return Built(data, "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(96, 1, "Lạng Sơn"), snv("Cao Bằng"): U(94, 2, "Cao Bằng")}), {"kind": "scoring"},
        warns=("sipas",))


# ================================================================ tables side by side on one sheet


@case("one sheet with the mid-year table and the year-end table side by side, each under its own title "
      "('SƠ KẾT 6 THÁNG' over A:D, 'TỔNG KẾT NĂM' over F:I), units in another order: two parts")
def t39_mid_year_and_year_end_tables_side_by_side() -> Built:
    rows = [[NORTH], ["KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2022"],
            ["SƠ KẾT 6 THÁNG", None, None, None, None, "TỔNG KẾT NĂM"],
            ["STT", "Đơn vị", "Tổng điểm", "Xếp hạng", None, "STT", "Đơn vị", "Tổng điểm", "Xếp hạng"],
            [1, "Lạng Sơn", 48, 2, None, 1, "Cao Bằng", 94, 2], [2, "Cao Bằng", 49, 1, None, 2, "Lạng Sơn", 96, 1]]
    return Built(xlsx_bytes(SheetSpec("TH", rows, ["A3:D3", "F3:I3"])), "th.xlsx", mid_and_year()[0])


@case("two years' tables side by side with no blank column between them ('Năm 2022' over A:D, 'Năm 2023' over E:H)")
def t40_two_years_side_by_side_without_a_gap() -> Built:
    rows = [[NORTH], ["KẾT QUẢ CHẤM ĐIỂM THI ĐUA"], ["NĂM 2022", None, None, None, "NĂM 2023"],
            ["STT", "Đơn vị", "Tổng điểm", "Xếp hạng", "STT", "Đơn vị", "Tổng điểm", "Xếp hạng"],
            [1, "Lạng Sơn", 96, 1, 1, "Lạng Sơn", 95, 2], [2, "Cao Bằng", 94, 2, 2, "Cao Bằng", 97, 1]]
    expect = ScoringExpect(NORTH_NAME, 2022, {snv("Lạng Sơn"): U(96, 1, "Lạng Sơn"), snv("Cao Bằng"): U(94, 2, "Cao Bằng")})
    expect.others = [ScoringExpect(NORTH_NAME, 2023, {snv("Lạng Sơn"): U(95, 2, "Lạng Sơn"),
                                                      snv("Cao Bằng"): U(97, 1, "Cao Bằng")})]
    return Built(xlsx_bytes(SheetSpec("TH", rows, ["A3:D3", "E3:H3"])), "th.xlsx", expect)


@case("an agencies summary with a 'Tên đơn vị' and a 'Tỉnh' column (both name words) before the scores: one table")
def t41_two_name_columns_are_one_table() -> Built:
    rows = [*agencies_title(), ["STT", "Tên đơn vị", "Tỉnh", "Tổng điểm", "Xếp hạng"],
            [1, FINANCE, "Lạng Sơn", 97, 1], [2, JUSTICE, "Lạng Sơn", 95, 2]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(LANG_SON_AGENCIES, 2021, {
        FINANCE: U(97, 1), JUSTICE: U(95, 2)}))


@case("a group 'III. Công tác thi đua, khen thưởng (20 điểm)' merged over 'Phong trào thi đua (10 điểm)' and "
      "'Công tác khen thưởng (10 điểm)', then 'Đề nghị khen thưởng'")
def t42_emulation_group_over_two_criteria() -> Built:
    rows = [[NORTH], [TITLE_2022],
            ["STT", "Đơn vị", "I. Chuyên môn (80 điểm)", "III. Công tác thi đua, khen thưởng (20 điểm)", None,
             "Tổng điểm", "Xếp hạng", "Đề nghị khen thưởng"],
            [None, None, None, "Phong trào thi đua (10 điểm)", "Công tác khen thưởng (10 điểm)", None, None, None],
            [1, "Lạng Sơn", 78, 10, 9, 97, 1, FLAG], [2, "Cao Bằng", 77, 9, 9.5, 95.5, 2, None]]
    merged = ["A3:A4", "B3:B4", "C3:C4", "D3:E3", "F3:F4", "G3:G4", "H3:H4"]
    return Built(xlsx_bytes(SheetSpec("TH", rows, merged)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(97, 1, "Lạng Sơn", award=FLAG), snv("Cao Bằng"): U(95.5, 2, "Cao Bằng")},
        criteria={(snv("Cao Bằng"), "III/cong tac khen thuong"): 9.5, (snv("Cao Bằng"), "III"): 18.5},
        criteria_keys={"I", "III", "III/phong trao thi dua", "III/cong tac khen thuong"}, without_award={snv("Cao Bằng")}))


@case("'Đề nghị khen thưởng' merged over one column per award ('Cờ thi đua', 'Bằng khen') marked with 1")
def t43_award_columns_marked_with_ones() -> Built:
    rows = [[NORTH], [TITLE_2022],
            ["STT", "Đơn vị", "Tổng điểm", "Xếp hạng", "Đề nghị khen thưởng", None],
            [None, None, None, None, "Cờ thi đua", "Bằng khen"],
            [1, "Lạng Sơn", 97, 1, 1, None], [2, "Cao Bằng", 95, 2, None, 1], [3, "Sơn La", 90, 3, None, None]]
    merged = ["A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:F3"]
    return Built(xlsx_bytes(SheetSpec("TH", rows, merged)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(97, 1, "Lạng Sơn", award="Cờ thi đua"), snv("Cao Bằng"): U(95, 2, "Cao Bằng", award="Bằng khen"),
        snv("Sơn La"): U(90, 3, "Sơn La")}, without_award={snv("Sơn La")}))


# ================================================================ columns that count or bound, not score


@case("a column counting criteria not met ('Số tiêu chí không hoàn thành': 0, 1, 2) between the criteria and the total")
def t44_count_of_criteria_is_no_criterion() -> Built:
    rows = [[NORTH], [TITLE_2022],
            ["STT", "Đơn vị", "Tiêu chí 1 (50 điểm)", "Tiêu chí 2 (50 điểm)", "Số tiêu chí không hoàn thành",
             "Tổng điểm", "Xếp hạng"],
            [1, "Lạng Sơn", 48, 45, 0, 93, 1], [2, "Cao Bằng", 45, 44, 1, 89, 2], [3, "Điện Biên", 44, 40, 2, 84, 3]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(93, 1, "Lạng Sơn"), snv("Cao Bằng"): U(89, 2, "Cao Bằng"), snv("Điện Biên"): U(84, 3, "Điện Biên")},
        criteria={(snv("Cao Bằng"), "2"): 44}, criteria_keys={"1", "2"}))


@case("a summary with a 'Điểm chuẩn' column (100 on every unit's row) and criteria headed 'Tiêu chí 1', no total")
def t45_standard_column_in_a_summary() -> Built:
    rows = [[NORTH], [TITLE_2022],
            ["STT", "Đơn vị", "Điểm chuẩn", "Tiêu chí 1", "Tiêu chí 2", "Xếp hạng"],
            [1, "Lạng Sơn", 100, 48, 45, 1], [2, "Cao Bằng", 100, 45, 44, 2], [3, "Điện Biên", 100, 44, 40, 3]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(93, 1, "Lạng Sơn"), snv("Cao Bằng"): U(89, 2, "Cao Bằng"), snv("Điện Biên"): U(84, 3, "Điện Biên")},
        criteria={(snv("Điện Biên"), "1"): 44}, criteria_keys={"1", "2"}))


def with_a_column_beside_the_units(label: str, of_units, total: float) -> bytes:
    """The transposed sheet with one more column right of the units: of_units(the units' scores) on each row."""
    groups = [[*group, of_units(group[3:6])] for group in transposed(SIDE, [])[3:]]
    rows = [[NORTH], [TITLE_2022], ["TT", "Nội dung tiêu chí", "Điểm chuẩn", *SIDE, label], *groups,
            [None, "TỔNG CỘNG", 100, 93, 93, 87, total], [None, "XẾP HẠNG", None, 1, 2, 3, None]]
    return xlsx_bytes(SheetSpec("Tong hop", rows))


@case("transposed: a 'Điểm trung bình' column right of the units (the average of each criterion) is no unit's score")
def t46_transposed_average_column_beside_the_units() -> Built:
    data = with_a_column_beside_the_units("Điểm trung bình", lambda scores: round(sum(scores) / 3, 2), 91)
    return Built(data, "th.xlsx", ScoringExpect(NORTH_NAME, 2022, TIED, criteria={(snv("Hà Giang"), "I/2"): 18},
                                                criteria_keys=TRANSPOSED_KEYS))


@case("transposed: a 'Cộng' column right of the units adding each criterion over the cluster is no unit's score")
def t47_transposed_sum_column_beside_the_units() -> Built:
    data = with_a_column_beside_the_units("Cộng", sum, 273)
    return Built(data, "th.xlsx", ScoringExpect(NORTH_NAME, 2022, TIED, criteria={(snv("Lạng Sơn"), "II"): 55},
                                                criteria_keys=TRANSPOSED_KEYS))


# ================================================================ names wrapped onto the next row


@case("a unit's name typed over two rows of the name column ('Sở Kế hoạch và', then 'Đầu tư' alone on the next row)")
def t48_unit_name_continued_on_the_next_row() -> Built:
    rows = [*agencies_title(), ["STT", "Tên cơ quan", "Chuyên môn (80 điểm)", "Thi đua (20 điểm)", "Tổng điểm", "Xếp hạng"],
            [1, FINANCE, 79, 19, 98, 1], [2, "Sở Kế hoạch và", 78, 18, 96, 2], [None, "Đầu tư"],
            [3, OFFICE, 76, 17, 93, 3]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(LANG_SON_AGENCIES, 2021, {
        FINANCE: U(98, 1), PLANNING: U(96, 2), OFFICE: U(93, 3)}, criteria={(PLANNING, "thi dua"): 18}))


@case("a name going on with 'và Xã hội' on the next row; a section row 'Khối văn hóa - xã hội' under a whole name "
      "stays a section")
def t49_name_continued_and_a_section_row_kept_apart() -> Built:
    labour = "Sở Lao động - Thương binh và Xã hội"
    rows = [*agencies_title(), ["STT", "Tên cơ quan", "Chuyên môn (80 điểm)", "Thi đua (20 điểm)", "Tổng điểm", "Xếp hạng"],
            [1, FINANCE, 79, 19, 98, 1], [None, "Khối văn hóa - xã hội"], [2, "Sở Lao động - Thương binh", 78, 18, 96, 2],
            [None, "và Xã hội"], [3, JUSTICE, 76, 17, 93, 3]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(LANG_SON_AGENCIES, 2021, {
        FINANCE: U(98, 1), labour: U(96, 2), JUSTICE: U(93, 3)}))


@case("a summary naming its units with footnote marks and the director in brackets ('Lạng Sơn (*)', 'Lai Châu¹', "
      "'Sở Nội vụ tỉnh Sơn La (Giám đốc: ông Lò Văn Pọm)') in a cluster of provinces: each unit read, the marks "
      "and brackets left")
def t50_footnote_marks_and_directors_after_unit_names() -> Built:
    rows = [[NORTH], [TITLE_2022], ["STT", "Đơn vị", "Tiêu chí 1", "Tiêu chí 2", "Tổng điểm", "Xếp hạng"],
            [1, "Lạng Sơn (*)", 50, 45, 95, 1], [2, "Lai Châu¹", 48, 44, 92, 2],
            [3, "Sở Nội vụ tỉnh Sơn La (Giám đốc: ông Lò Văn Pọm)", 45, 40, 85, 3],
            ["(*), ¹: đơn vị có điểm thưởng."]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(95, 1, "Lạng Sơn"), snv("Lai Châu"): U(92, 2, "Lai Châu"), snv("Sơn La"): U(85, 3, "Sơn La")}))


@case("an agencies' summary with a footnote mark after a unit ('Sở Tài chính (1)'): the agency's name without it")
def t51_footnote_mark_after_an_agency() -> Built:
    rows = [*agencies_title(), ["STT", "Tên cơ quan", "Chuyên môn (80 điểm)", "Thi đua (20 điểm)", "Tổng điểm", "Xếp hạng"],
            [1, f"{FINANCE} (1)", 79, 19, 98, 1], [2, PLANNING, 78, 18, 96, 2], [3, f"{JUSTICE}*", 76, 17, 93, 3],
            ["(1), (*): đơn vị được cộng điểm sáng kiến."]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(LANG_SON_AGENCIES, 2021, {
        FINANCE: U(98, 1), PLANNING: U(96, 2), JUSTICE: U(93, 3)}))


# ================================================================ cells merged over several units


@case("'Đề nghị khen thưởng' with one 'Bằng khen' cell merged down over the 2nd to 4th units: each of the three "
      "proposed for it, the 5th for nothing")
def t52_award_merged_over_several_units() -> Built:
    rows = [[NORTH], [TITLE_2022], ["STT", "Đơn vị", "Tổng điểm", "Xếp hạng", "Đề nghị khen thưởng"],
            [1, "Lạng Sơn", 98, 1, FLAG], [2, "Cao Bằng", 96, 2, MERIT], [3, "Hà Giang", 95, 3, None],
            [4, "Lào Cai", 94, 4, None], [5, "Sơn La", 90, 5, None]]
    return Built(xlsx_bytes(SheetSpec("TH", rows, ["E5:E7"])), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(98, 1, "Lạng Sơn", award=FLAG), snv("Cao Bằng"): U(96, 2, "Cao Bằng", award=MERIT),
        snv("Hà Giang"): U(95, 3, "Hà Giang", award=MERIT), snv("Lào Cai"): U(94, 4, "Lào Cai", award=MERIT),
        snv("Sơn La"): U(90, 5, "Sơn La")}, without_award={snv("Sơn La")}))


@case("transposed: the 'Đề nghị khen thưởng' line with 'Bằng khen' merged across the 2nd and 3rd units' columns")
def t53_transposed_award_merged_across_units() -> Built:
    rows = transposed(SIDE, [[None, "TỔNG CỘNG", 100, 93, 93, 87], [None, "XẾP HẠNG", None, 1, 2, 3],
                             [None, "Đề nghị khen thưởng", None, FLAG, MERIT, None]])
    expect = {name: U(u.total, u.rank, u.province, award=FLAG if u.rank == 1 else MERIT) for name, u in TIED.items()}
    return Built(xlsx_bytes(SheetSpec("Tong hop", rows, ["E10:F10"])), "th.xlsx", ScoringExpect(
        NORTH_NAME, 2022, expect, criteria_keys=TRANSPOSED_KEYS))


# ================================================================ scores stated in percent


@case("a 'Tổng điểm (%)' column of percent cells (95% arriving as 0,95) right of the points total: the total said "
      "again, no criterion; a warning names the column")
def t54_total_again_in_percent_beside_the_points() -> Built:
    rows = [[NORTH], [TITLE_2022],
            ["STT", "Đơn vị", "Tiêu chí 1 (60 điểm)", "Tiêu chí 2 (40 điểm)", "Tổng điểm", "Tổng điểm (%)", "Xếp hạng"],
            [1, "Lạng Sơn", 58, 37, 95, Percent(0.95), 1], [2, "Cao Bằng", 55, 38, 93, Percent(0.93), 2],
            [3, "Hà Giang", 50, 35, 85, Percent(0.85), 3]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(95, 1, "Lạng Sơn"), snv("Cao Bằng"): U(93, 2, "Cao Bằng"), snv("Hà Giang"): U(85, 3, "Hà Giang")},
        criteria_keys={"1", "2"}), warns=("tong diem (%)", "f3"))


@case("a 135-point total with 'Kết quả (%)' beside it holding 90; 87,33; 80 (points out of 100): no criterion")
def t55_percent_points_beside_a_larger_total() -> Built:
    rows = [[NORTH], [TITLE_2022],
            ["STT", "Đơn vị", "Tiêu chí 1 (100 điểm)", "Tiêu chí 2 (50 điểm)", "Tổng điểm", "Kết quả (%)", "Xếp hạng"],
            [1, "Lạng Sơn", 98, 37, 135, 90, 1], [2, "Cao Bằng", 95, 36, 131, 87.33, 2], [3, "Hà Giang", 90, 30, 120, 80, 3]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(135, 1, "Lạng Sơn"), snv("Cao Bằng"): U(131, 2, "Cao Bằng"), snv("Hà Giang"): U(120, 3, "Hà Giang")},
        criteria_keys={"1", "2"}))


@case("the only score a 'Kết quả (%)' column of percent cells (0,95 for 95%): refused at its header, never 0,95 points")
def t56_only_score_in_percent_cells() -> Built:
    rows = [[NORTH], [TITLE_2022], ["STT", "Đơn vị", "Kết quả (%)", "Xếp hạng"],
            [1, "Lạng Sơn", Percent(0.95), 1], [2, "Cao Bằng", Percent(0.93), 2], [3, "Hà Giang", Percent(0.85), 3]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", RefusalExpect("a total in percent cells", "TH", "C3"))


@case("the only total 'Tổng điểm (%)' written as text '95%', '93,5%': read as the points it shows")
def t57_only_total_in_percent_text() -> Built:
    rows = [[NORTH], [TITLE_2022], ["STT", "Đơn vị", "Tổng điểm (%)", "Xếp hạng"],
            [1, "Lạng Sơn", "95%", 1], [2, "Cao Bằng", "93,5%", 2], [3, "Hà Giang", "85%", 3]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(95, 1, "Lạng Sơn"), snv("Cao Bằng"): U(93.5, 2, "Cao Bằng"), snv("Hà Giang"): U(85, 3, "Hà Giang")}))


@case("criteria stated in percent cells ('Tiêu chí 1 (%)': 96% arriving as 0,96) beside a points total: refused at "
      "the criterion's header, not stored as 0,96 points")
def t58_criteria_in_percent_cells() -> Built:
    rows = [[NORTH], [TITLE_2022], ["STT", "Đơn vị", "Tiêu chí 1 (%)", "Tiêu chí 2 (%)", "Tổng điểm", "Xếp hạng"],
            [1, "Lạng Sơn", Percent(0.96), Percent(0.94), 95, 1], [2, "Cao Bằng", Percent(0.9), Percent(0.96), 93, 2]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", RefusalExpect("criteria in percent cells", "TH", "C3"))


# ================================================================ group rows among the units


@case("a summary in two groups, each closed by its subtotal row ('Cộng nhóm A' 188) under group headings "
      "('A | Nhóm các tỉnh biên giới'): the units of both groups read, no subtotal taken for a unit")
def t59_group_subtotals_among_the_units() -> Built:
    rows = [[NORTH], [TITLE_2022], ["STT", "Đơn vị", "Tổng điểm", "Xếp hạng"],
            ["A", "Nhóm các tỉnh biên giới", None, None], [1, "Lạng Sơn", 95, 1], [2, "Cao Bằng", 93, 2],
            [None, "Cộng nhóm A", 188, None], ["B", "Nhóm các tỉnh còn lại", None, None],
            [3, "Sơn La", 90, 3], [4, "Điện Biên", 88, 4], [None, "Cộng nhóm B", 178, None], [None, "TỔNG CỘNG", 366, None]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(95, 1, "Lạng Sơn"), snv("Cao Bằng"): U(93, 2, "Cao Bằng"), snv("Sơn La"): U(90, 3, "Sơn La"),
        snv("Điện Biên"): U(88, 4, "Điện Biên")}))


@case("a group's mean row ('Bình quân nhóm 1' 94) after its units and more units under it: every unit read, "
      "the means none")
def t60_group_averages_among_the_units() -> Built:
    rows = [[NORTH], [TITLE_2022], ["STT", "Đơn vị", "Tiêu chí 1", "Tiêu chí 2", "Tổng điểm", "Xếp hạng"],
            [1, "Lạng Sơn", 50, 45, 95, 1], [2, "Cao Bằng", 48, 45, 93, 2], [None, "Bình quân nhóm 1", 49, 45, 94, None],
            [3, "Sơn La", 46, 44, 90, 3], [4, "Điện Biên", 45, 43, 88, 4], [None, "Bình quân nhóm 2", 45.5, 43.5, 89, None],
            [], ["Ghi chú: Điện Biên nộp báo cáo chậm 2 ngày."]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(95, 1, "Lạng Sơn"), snv("Cao Bằng"): U(93, 2, "Cao Bằng"), snv("Sơn La"): U(90, 3, "Sơn La"),
        snv("Điện Biên"): U(88, 4, "Điện Biên")}, criteria={(snv("Điện Biên"), "2"): 43}, criteria_keys={"1", "2"}))


@case("the same groups in a summary without a numbering column ('Đơn vị | Tổng điểm | Xếp hạng', 'Cộng nhóm A' "
      "between the units): the units under the subtotal read by their names")
def t61_group_subtotal_without_numbering() -> Built:
    rows = [[NORTH], [TITLE_2022], ["Đơn vị", "Tổng điểm", "Xếp hạng"], ["Lạng Sơn", 95, 1], ["Cao Bằng", 93, 2],
            ["Cộng nhóm A", 188, None], ["Sơn La", 90, 3], ["Điện Biên", 88, 4], ["Cộng nhóm B", 178, None], [],
            ["Điện Biên nộp báo cáo chậm, trừ", 1]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(95, 1, "Lạng Sơn"), snv("Cao Bằng"): U(93, 2, "Cao Bằng"), snv("Sơn La"): U(90, 3, "Sơn La"),
        snv("Điện Biên"): U(88, 4, "Điện Biên")}))


@case("transposed: a unit heading two columns ('Lạng Sơn' in D3 and again in F3, an old copy left beside): refused "
      "naming the second, not one of them stored as its scores")
def t62_transposed_unit_heading_two_columns() -> Built:
    rows = transposed([*SIDE[:2], SIDE[0]], [[None, "TỔNG CỘNG", 100, 93, 93, 80]],
                      [["I", "Công tác tổ chức", 40, 38, 38, 30], ["II", "Cải cách hành chính", 60, 55, 55, 50]])
    return Built(xlsx_bytes(SheetSpec("Tong hop", rows)), "th.xlsx", RefusalExpect("a unit twice", "Tong hop", "F3"))


# ================================================================ columns comparing with last year


@case("'Xếp hạng năm trước' (last year's places, no year written) left of this year's 'Xếp hạng': this year's ranks, "
      "the other column set aside with a warning")
def t63_last_years_places_without_a_year() -> Built:
    rows = [[NORTH], [TITLE_2022], ["STT", "Đơn vị", "Xếp hạng năm trước", "Tổng điểm", "Xếp hạng"],
            [1, "Lạng Sơn", 3, 95, 1], [2, "Cao Bằng", 1, 93, 2], [3, "Hà Giang", 2, 85, 3]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(95, 1, "Lạng Sơn"), snv("Cao Bằng"): U(93, 2, "Cao Bằng"), snv("Hà Giang"): U(85, 3, "Hà Giang")}),
        warns=("xep hang nam truoc",))


@case("'Tăng/giảm so với năm 2021' and 'Chênh lệch' columns (signed differences) between the total and the rank: "
      "no criteria")
def t64_differences_with_last_year_are_no_criteria() -> Built:
    rows = [[NORTH], [TITLE_2022],
            ["STT", "Đơn vị", "Tiêu chí 1", "Tiêu chí 2", "Tổng điểm", "Tăng/giảm so với năm 2021", "Chênh lệch", "Xếp hạng"],
            [1, "Lạng Sơn", 50, 45, 95, 2.5, 2.5, 1], [2, "Cao Bằng", 48, 45, 93, -1, -1, 2], [3, "Hà Giang", 45, 40, 85, 0.5, 0.5, 3]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(95, 1, "Lạng Sơn"), snv("Cao Bằng"): U(93, 2, "Cao Bằng"), snv("Hà Giang"): U(85, 3, "Hà Giang")},
        criteria_keys={"1", "2"}))


@case("two tied units' total written once in a cell merged down over both rows (C5:C6): refused at the second "
      "unit's cell, not stored as 0 for it")
def t65_total_merged_over_two_units() -> Built:
    rows = [[NORTH], [TITLE_2022], ["STT", "Đơn vị", "Tổng điểm", "Xếp hạng"],
            [1, "Lạng Sơn", 95, 1], [2, "Cao Bằng", 93, 2], [3, "Hà Giang", None, None], [4, "Lào Cai", 85, 4]]
    return Built(xlsx_bytes(SheetSpec("TH", rows, ["C5:C6", "D5:D6"])), "th.xlsx",
                 RefusalExpect("a total merged over two units", "TH", "C6"))


@case("'Tổng điểm chấm' (before bonus and penalty), 'Điểm thưởng', 'Điểm trừ', then 'Tổng điểm sau khi cộng, trừ': "
      "the last is the total, not a criterion beside a stated total of 95")
def t66_total_after_bonus_and_penalty() -> Built:
    rows = [[NORTH], [TITLE_2022],
            ["STT", "Đơn vị", "Tổng điểm chấm", "Điểm thưởng", "Điểm trừ", "Tổng điểm sau khi cộng, trừ", "Xếp hạng"],
            [1, "Lạng Sơn", 95, 2, 1, 96, 1], [2, "Cao Bằng", 93, None, None, 93, 2], [3, "Hà Giang", 85, 1, None, 86, 3]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(96, 1, "Lạng Sơn", bonus=2, penalty=1), snv("Cao Bằng"): U(93, 2, "Cao Bằng"),
        snv("Hà Giang"): U(86, 3, "Hà Giang", bonus=1)}))


@case("a 'Trọng số' row (60%, 40%) under the header, above the units: no unit named 'Trọng số'")
def t67_weights_row_above_the_units() -> Built:
    rows = [[NORTH], [TITLE_2022], ["STT", "Đơn vị", "Tiêu chí 1", "Tiêu chí 2", "Tổng điểm", "Xếp hạng"],
            [None, "Trọng số", "60%", "40%", None, None],
            [1, "Lạng Sơn", 50, 45, 95, 1], [2, "Cao Bằng", 48, 45, 93, 2], [3, "Hà Giang", 45, 40, 85, 3]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(95, 1, "Lạng Sơn"), snv("Cao Bằng"): U(93, 2, "Cao Bằng"), snv("Hà Giang"): U(85, 3, "Hà Giang")},
        criteria_keys={"1", "2"}))
