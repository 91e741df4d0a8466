import unicodedata
from datetime import date

import pytest

from thidua.readers.par import ColumnChoice, looks_like_par, read_par
from thidua.readers.problems import Refused
from thidua.io.workbook import load_sheets
from workbook_builders import (Percent, SheetSpec, par_lines, par_table, province_names, title_block,
                               write_csv, write_workbook)

TITLE_2021 = ("CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2021 CỦA CÁC BỘ, CƠ QUAN NGANG BỘ, "
              "UBND CÁC TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG")
TITLE_MERGES = ["A1:C1", "D1:F1", "A5:F5", "A6:F6"]
ALL_63 = par_lines(province_names())


def refusal(excinfo) -> str:
    return "\n".join(str(p) for p in excinfo.value.problems)


def ranking(result, year=2021):
    rows = result.scores[result.scores["year"] == year]
    return {row.province: (row.score, row.rank) for row in rows.itertuples()}


def test_a_simple_table_gives_every_province_with_score_and_rank(tmp_path):
    path = write_workbook(tmp_path / "PAR_2021.xlsx", SheetSpec("Sheet1", par_table(ALL_63)))

    result = read_par(path, path.name)

    assert result.years == [2021]
    assert len(result.scores) == 63
    assert ranking(result)["Hà Nội"] == (92.5, 1)
    assert ranking(result)[ALL_63[-1].name] == (ALL_63[-1].score, 63)
    assert list(result.scores.columns) == ["year", "province_code", "province", "score", "rank",
                                           "rank_computed", "sipas", "source_sheet", "score_cell", "rank_cell",
                                           "sipas_sheet", "sipas_cell"]
    assert not result.scores["rank_computed"].any()
    assert result.scores["sipas"].isna().all()
    assert result.components.empty
    assert result.warnings == []


def test_a_title_block_above_a_header_at_row_8_gives_the_title_year_not_the_decision_date(tmp_path):
    rows = title_block(TITLE_2021) + par_table(ALL_63)
    path = write_workbook(tmp_path / "bang.xlsx", SheetSpec("Sheet1", rows, TITLE_MERGES))

    result = read_par(path, path.name)

    assert result.years == [2021]
    assert len(result.scores) == 63


def test_a_merged_two_row_header_and_a_column_number_row(tmp_path):
    header = [["TT", "Tỉnh, thành phố", "Chỉ số CCHC năm 2021", None],
              [None, None, "Chỉ số (%)", "Xếp hạng"],
              ["(1)", "(2)", "(3)", "(4)"]]
    body = par_table(ALL_63)[1:]
    path = write_workbook(tmp_path / "x.xlsx",
                          SheetSpec("Sheet1", header + body, ["A1:A2", "B1:B2", "C1:D1"]))

    result = read_par(path, path.name)

    assert result.years == [2021]
    assert ranking(result)["Hà Nội"] == (92.5, 1)
    assert len(result.scores) == 63


def test_a_plain_numbers_column_number_row_is_skipped(tmp_path):
    rows = par_table(ALL_63)
    rows.insert(1, [1, 2, 3, 4])
    path = write_workbook(tmp_path / "par 2021.xlsx", SheetSpec("Sheet1", rows))

    assert len(read_par(path, path.name).scores) == 63


def test_scores_written_as_text_with_a_decimal_comma(tmp_path):
    rows = [[tt, name, f"{score:.2f}".replace(".", ","), str(rank)] for tt, name, score, rank in par_table(ALL_63)[1:]]
    path = write_workbook(tmp_path / "par2021.xlsx", SheetSpec("Sheet1", [par_table([])[0], *rows]))

    result = read_par(path, path.name)

    assert ranking(result)["Hà Nội"] == (92.5, 1)
    assert ranking(result)["Hà Giang"] == (92.13, 2)


def test_percent_cells_are_read_as_percent(tmp_path):
    rows = par_table(ALL_63)
    for row in rows[1:]:
        row[2] = Percent(round(row[2] / 100, 4))
    path = write_workbook(tmp_path / "par2021.xlsx", SheetSpec("Sheet1", rows))

    result = read_par(path, path.name)

    assert ranking(result)["Hà Nội"][0] == pytest.approx(92.5)
    assert ranking(result)["Hà Giang"][0] == pytest.approx(92.13)
    assert result.scores["score"].between(60, 100).all()


def test_percent_text_and_fraction_cells_in_one_column(tmp_path):
    rows = par_table(ALL_63)
    rows[1][2] = "91,04%"
    rows[2][2] = 0.9103
    for row in rows[3:]:
        row[2] = round(row[2] / 100, 4)
    path = write_workbook(tmp_path / "par2021.xlsx", SheetSpec("Sheet1", rows))

    result = read_par(path, path.name)

    assert ranking(result)["Hà Nội"][0] == pytest.approx(91.04)
    assert ranking(result)["Hà Giang"][0] == pytest.approx(91.03)


def test_the_average_row_and_the_notes_below_are_not_provinces(tmp_path):
    rows = par_table(ALL_63) + [
        [None, "Chỉ số trung bình", 84.15, None],
        [],
        ["Ghi chú: 3 tỉnh chưa gửi báo cáo", None, 3, None],
        ["Nguồn: Bộ Nội vụ", None, None, 2022],
        [None, None, "KT. BỘ TRƯỞNG", None],
        [None, None, "Nguyễn Văn A", 1],
    ]
    path = write_workbook(tmp_path / "par2021.xlsx", SheetSpec("Sheet1", rows))

    result = read_par(path, path.name)

    assert len(result.scores) == 63
    assert result.warnings == []


def test_an_average_row_above_the_provinces_is_skipped(tmp_path):
    rows = par_table(ALL_63)
    rows.insert(1, [None, "Trung bình cả nước", 84.15, None])
    path = write_workbook(tmp_path / "par2021.xlsx", SheetSpec("Sheet1", rows))

    assert len(read_par(path, path.name).scores) == 63


@pytest.mark.parametrize("title, sheet_name, file_name, argument, year", [
    (TITLE_2021, "2019", "par_2018.xlsx", 2017, 2021),
    ("BẢNG XẾP HẠNG CHỈ SỐ CCHC", "Năm 2019", "par_2018.xlsx", 2017, 2019),
    ("BẢNG XẾP HẠNG CHỈ SỐ CCHC", "Sheet1", "par_2018.xlsx", 2017, 2018),
    ("BẢNG XẾP HẠNG CHỈ SỐ CCHC", "Sheet1", "chi_so_cchc.xlsx", 2017, 2017),
])
def test_the_year_comes_from_title_then_sheet_then_file_name_then_argument(
        tmp_path, title, sheet_name, file_name, argument, year):
    rows = title_block(title) + par_table(ALL_63)
    path = write_workbook(tmp_path / file_name, SheetSpec(sheet_name, rows, TITLE_MERGES))

    assert read_par(path, file_name, year=argument).years == [year]


def test_a_table_without_any_year_is_refused(tmp_path):
    rows = title_block("BẢNG XẾP HẠNG CHỈ SỐ CCHC") + par_table(ALL_63)
    path = write_workbook(tmp_path / "chi_so_cchc.xlsx", SheetSpec("Sheet1", rows, TITLE_MERGES))

    with pytest.raises(Refused) as excinfo:
        read_par(path, path.name)

    assert "không xác định được năm" in refusal(excinfo)


def test_a_table_whose_only_year_is_in_a_decision_line_is_refused_saying_so(tmp_path):
    rows = title_block("BẢNG XẾP HẠNG CHỈ SỐ CCHC", "(Kèm theo Quyết định số 125/QĐ-BNV năm 2023 của Bộ Nội vụ)")
    rows += par_table(ALL_63)
    path = write_workbook(tmp_path / "chi_so_cchc.xlsx", SheetSpec("Sheet1", rows, TITLE_MERGES))

    with pytest.raises(Refused) as excinfo:
        read_par(path, path.name)

    problem, = excinfo.value.problems
    assert problem.cell == "A6" and "chỉ ghi năm 2023 trong dòng trích văn bản" in problem.message
    assert "chi_so_cchc.xlsx" in refusal(excinfo)


def test_a_year_before_the_index_existed_is_refused_naming_the_title_cell(tmp_path):
    rows = title_block("CHỈ SỐ CCHC NĂM 2010") + par_table(ALL_63)
    path = write_workbook(tmp_path / "x.xlsx", SheetSpec("Sheet1", rows, TITLE_MERGES))

    with pytest.raises(Refused) as excinfo:
        read_par(path, path.name)

    assert "năm 2010" in refusal(excinfo)
    assert "ô A5" in refusal(excinfo)


def test_a_year_in_the_future_is_refused(tmp_path):
    future = date.today().year + 1
    path = write_workbook(tmp_path / f"par_{future}.xlsx", SheetSpec("Sheet1", par_table(ALL_63)))

    with pytest.raises(Refused, match=f"năm {future}"):
        read_par(path, path.name)


def test_a_title_and_its_decision_line_in_one_cell(tmp_path):
    rows = [[f"{TITLE_2021}\n(Kèm theo Quyết định số 345/QĐ-BNV ngày 15/5/2022)"], []] + par_table(ALL_63)
    path = write_workbook(tmp_path / "bang.xlsx", SheetSpec("Sheet1", rows, ["A1:D1"]))

    assert read_par(path, path.name).years == [2021]


@pytest.mark.parametrize("label_2020, label_2021", [("Năm 2020", "Năm 2021"), (2020, 2021)])
def test_two_years_side_by_side_under_merged_year_headers(tmp_path, label_2020, label_2021):
    lines_2020 = par_lines(province_names()[::-1], top_score=90.1, step=0.3)  # Hà Nội last in 2020
    by_name_2020 = {line.name: line for line in lines_2020}
    header = [["TT", "Tỉnh, thành phố", label_2020, None, label_2021, None, "Tăng (+), giảm (-) bậc"],
              [None, None, "Chỉ số (%)", "Xếp hạng", "Chỉ số (%)", "Xếp hạng", None]]
    body = [[i + 1, line.name, by_name_2020[line.name].score, by_name_2020[line.name].rank,
             line.score, line.rank, by_name_2020[line.name].rank - line.rank] for i, line in enumerate(ALL_63)]
    path = write_workbook(tmp_path / "so_sanh.xlsx",
                          SheetSpec("Sheet1", header + body, ["A1:A2", "B1:B2", "C1:D1", "E1:F1", "G1:G2"]))

    result = read_par(path, path.name)

    assert result.years == [2020, 2021]
    assert len(result.scores) == 126
    assert ranking(result, 2021)["Hà Nội"] == (92.5, 1)
    assert ranking(result, 2020)["Hà Nội"] == (by_name_2020["Hà Nội"].score, 63)
    assert ranking(result, 2020)["Cà Mau"] == (90.1, 1)
    assert result.components.empty and result.warnings == []


def test_two_years_side_by_side_in_a_csv_without_merges(tmp_path):
    header = [["TT", "Tỉnh", "Năm 2020", "", "Năm 2021", ""],
              ["", "", "Điểm", "Thứ hạng", "Điểm", "Thứ hạng"]]
    body = [[i + 1, line.name, line.score - 1, line.rank, line.score, line.rank] for i, line in enumerate(ALL_63)]
    path = write_csv(tmp_path / "hai_nam.csv", header + body)

    result = read_par(path, path.name)

    assert result.years == [2020, 2021]
    assert ranking(result, 2020)["Hà Nội"] == (91.5, 1)


def test_one_sheet_per_year_and_a_notes_sheet(tmp_path):
    sheets = [SheetSpec(name, par_table(par_lines(province_names(), top_score=top)))
              for name, top in (("PAR 2019", 88.0), ("2020", 89.0), ("Năm 2021", 90.0))]
    notes = SheetSpec("Ghi chú", [["Ghi chú"], ["Số liệu theo Quyết định công bố Chỉ số CCHC"]])
    path = write_workbook(tmp_path / "cac_nam.xlsx", *sheets, notes)

    result = read_par(path, path.name)

    assert result.years == [2019, 2020, 2021]
    assert {year: ranking(result, year)["Hà Nội"][0] for year in result.years} == {2019: 88.0, 2020: 89.0, 2021: 90.0}


def test_missing_ranks_are_computed_from_scores_with_ties_sharing_the_best_rank(tmp_path):
    rows = [["STT", "Địa phương", "Chỉ số CCHC"]] + [[line.rank, line.name, line.score] for line in ALL_63]
    rows[3][2] = rows[2][2]  # the 2nd and 3rd tie
    path = write_workbook(tmp_path / "par2021.xlsx", SheetSpec("Sheet1", rows))

    result = read_par(path, path.name)

    assert result.scores["rank_computed"].all()
    assert result.scores["rank"].head(5).tolist() == [1, 2, 2, 4, 5]
    assert result.scores["rank"].max() == 63


def test_the_same_province_twice_is_refused_naming_both_cells(tmp_path):
    rows = par_table(ALL_63)
    rows[10][1] = "Tỉnh Hà Giang"  # row 11 repeats row 3
    path = write_workbook(tmp_path / "par2021.xlsx", SheetSpec("Sheet1", rows))

    with pytest.raises(Refused) as excinfo:
        read_par(path, path.name)

    message = refusal(excinfo)
    assert "Hà Giang" in message and "B3" in message and "B11" in message


def test_an_unknown_province_is_refused_with_the_closest_names(tmp_path):
    rows = par_table(ALL_63)
    row = next(r for r in rows if r[1] == "Lạng Sơn")
    row[1] = "Lang Sonn"
    path = write_workbook(tmp_path / "par2021.xlsx", SheetSpec("Sheet1", rows))

    with pytest.raises(Refused) as excinfo:
        read_par(path, path.name)

    problem, = excinfo.value.problems
    assert "Lang Sonn" in problem.message and "Lạng Sơn" in problem.message
    assert problem.cell == f"B{rows.index(row) + 1}"
    assert problem.sheet == "Sheet1" and problem.file == "par2021.xlsx"


def test_sixty_provinces_are_accepted_with_one_warning_naming_the_three_missing(tmp_path):
    kept = [line for line in ALL_63 if line.name not in ("Cà Mau", "Lai Châu", "Hà Nam")]
    path = write_workbook(tmp_path / "par2021.xlsx", SheetSpec("Sheet1", par_table(kept)))

    result = read_par(path, path.name)

    assert len(result.scores) == 60
    warning, = result.warnings
    assert warning.severity == "warning"
    assert all(name in warning.message for name in ("Cà Mau", "Lai Châu", "Hà Nam"))
    assert "Hà Nội" not in warning.message


def test_published_ranks_that_disagree_with_scores_are_kept_with_a_warning(tmp_path):
    rows = par_table(ALL_63)
    rows[4][3], rows[5][3] = rows[5][3], rows[4][3]  # 4th and 5th swap ranks
    path = write_workbook(tmp_path / "par2021.xlsx", SheetSpec("Sheet1", rows))

    result = read_par(path, path.name)

    assert ranking(result)[rows[4][1]][1] == 5
    warning, = result.warnings
    assert rows[4][1] in warning.message and rows[5][1] in warning.message
    assert "D5" in warning.message and "D6" in warning.message


def test_nfd_text_and_variant_spellings_resolve_to_official_names(tmp_path):
    spellings = {"Hòa Bình": "Tỉnh Hoà Bình", "Hồ Chí Minh": "TP.HCM", "Thừa Thiên Huế": "Thừa Thiên - Huế",
                 "Đắk Lắk": "Đăk Lăk", "Bà Rịa - Vũng Tàu": "Bà Rịa-Vũng Tàu",
                 "Hà Nội": unicodedata.normalize("NFD", "Thành phố Hà Nội")}
    rows = par_table(ALL_63)
    for row in rows[1:]:
        row[1] = spellings.get(row[1], row[1])
    path = write_workbook(tmp_path / "par2021.xlsx", SheetSpec("Sheet1", rows))

    result = read_par(path, path.name)

    assert len(result.scores) == 63 and result.warnings == []
    assert set(spellings) <= set(result.scores["province"])


def test_sipas_and_component_columns(tmp_path):
    header = [["TT", "Tỉnh, thành phố", "Chỉ số thành phần", None, None, "Chỉ số SIPAS (%)", "Chỉ số CCHC (%)",
               "Xếp hạng", "Xếp loại", "Ghi chú"],
              [None, None, "Chỉ đạo, điều hành", "Cải cách thể chế", "Điểm thẩm định", None, None, None, None, None]]
    body = [[line.rank, line.name, 8.5, "7,25", 60.1, Percent(0.8512), line.score, line.rank, "A", "đạt"]
            for line in ALL_63]
    merges = ["A1:A2", "B1:B2", "C1:E1", "F1:F2", "G1:G2", "H1:H2", "I1:I2", "J1:J2"]
    path = write_workbook(tmp_path / "par2021.xlsx", SheetSpec("Sheet1", header + body, merges))

    result = read_par(path, path.name)

    assert ranking(result)["Hà Nội"] == (92.5, 1)
    assert result.scores["sipas"].tolist() == pytest.approx([85.12] * 63)
    hanoi = result.components[result.components["province_code"] == "01"]
    assert dict(zip(hanoi["component"], hanoi["score"])) == {
        "Chỉ đạo, điều hành": 8.5, "Cải cách thể chế": 7.25, "Điểm thẩm định": 60.1}
    assert list(result.components.columns) == ["year", "province_code", "component", "score"]
    assert (result.components["year"] == 2021).all()


def test_a_csv_file_with_semicolons_and_decimal_commas(tmp_path):
    rows = [["STT", "Tên tỉnh", "Kết quả (%)", "Vị trí"]] + [
        [line.rank, line.name, f"{line.score:.2f}".replace(".", ","), line.rank] for line in ALL_63]
    path = write_csv(tmp_path / "par_2021.csv", rows, delimiter=";")

    result = read_par(path.read_bytes(), path.name)

    assert result.years == [2021]
    assert ranking(result)["Hà Giang"] == (92.13, 2)


def test_the_34_provinces_after_the_merger_make_a_complete_year(tmp_path):
    lines = par_lines(province_names(year=2025))
    lines[19] = type(lines[19])("Huế", lines[19].score, lines[19].rank)
    path = write_workbook(tmp_path / "par_2025.xlsx", SheetSpec("2025", par_table(lines)))

    result = read_par(path, path.name)

    assert len(result.scores) == 34 and result.warnings == []


def test_a_merged_away_province_in_a_2025_table_is_refused(tmp_path):
    lines = par_lines(province_names(year=2025) + ["Bình Định"])
    path = write_workbook(tmp_path / "par_2025.xlsx", SheetSpec("2025", par_table(lines)))

    with pytest.raises(Refused, match="Bình Định.*Gia Lai"):
        read_par(path, path.name)


def test_wrong_numbers_are_all_reported_with_their_cells(tmp_path):
    rows = par_table(ALL_63)
    rows[1][2] = "chín mươi"
    rows[2][2] = 120
    rows[3][3] = 2.5
    rows[4][3] = 64
    path = write_workbook(tmp_path / "par2021.xlsx", SheetSpec("Sheet1", rows))

    with pytest.raises(Refused) as excinfo:
        read_par(path, path.name)

    cells = [p.cell for p in excinfo.value.problems]
    assert cells == ["C2", "C3", "D4", "D5"]
    assert "không phải là số" in excinfo.value.problems[0].message
    assert "0–100" in excinfo.value.problems[1].message
    assert "1 đến 63" in excinfo.value.problems[3].message


def test_a_province_with_neither_score_nor_rank_when_ranks_must_be_computed_is_refused(tmp_path):
    rows = [["TT", "Tỉnh", "Chỉ số", "SIPAS"]] + [[line.rank, line.name, line.score, 80] for line in ALL_63]
    rows[7][2] = "-"
    path = write_workbook(tmp_path / "par2021.xlsx", SheetSpec("Sheet1", rows))

    with pytest.raises(Refused) as excinfo:
        read_par(path, path.name)

    problem, = excinfo.value.problems
    assert problem.cell == "C8" and "không tính được thứ hạng" in problem.message


def test_no_table_in_any_sheet_is_refused_saying_what_was_looked_for(tmp_path):
    path = write_workbook(tmp_path / "par2021.xlsx", SheetSpec("Sheet1", [["Danh sách"], ["Hà Nội", 1]]))

    with pytest.raises(Refused) as excinfo:
        read_par(path, path.name)

    assert "Tỉnh, thành phố" in refusal(excinfo) and "Xếp hạng" in refusal(excinfo)


def test_looks_like_par_tells_a_par_table_from_a_scoring_summary(tmp_path):
    par = write_workbook(tmp_path / "par.xlsx", SheetSpec("Sheet1", title_block(TITLE_2021) + par_table(ALL_63)))
    scoring_rows = [["BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2022"],
                    ["STT", "Đơn vị", "Điểm tự chấm", "Điểm Cụm chấm", "Tổng điểm", "Xếp hạng"],
                    [1, "Sở Nội vụ tỉnh Lạng Sơn", 98, 97, 97, 1],
                    [2, "Sở Nội vụ tỉnh Cao Bằng", 96, 95, 95, 2]]
    scoring = write_workbook(tmp_path / "cum.xlsx", SheetSpec("Tong hop", scoring_rows))

    assert looks_like_par(load_sheets(par, "par.xlsx"))
    assert not looks_like_par(load_sheets(scoring, "cum.xlsx"))


def test_a_header_repeated_on_a_new_page_and_band_label_rows_are_skipped(tmp_path):
    rows = par_table(ALL_63)
    rows.insert(1, ["Nhóm A: từ 90% trở lên"])
    rows.insert(40, list(rows[0]))
    path = write_workbook(tmp_path / "par2021.xlsx", SheetSpec("Sheet1", rows))

    result = read_par(path, path.name)

    assert len(result.scores) == 63 and result.warnings == []


def test_many_unknown_names_are_listed_up_to_a_limit_then_counted(tmp_path):
    rows = par_table(ALL_63) + [[64 + i, f"Đơn vị {i}", 50.0, 1] for i in range(25)]
    path = write_workbook(tmp_path / "par2021.xlsx", SheetSpec("Sheet1", rows))

    with pytest.raises(Refused) as excinfo:
        read_par(path, path.name)

    problems = excinfo.value.problems
    assert len(problems) == 21
    assert problems[0].cell == "B65" and "Đơn vị 0" in problems[0].message
    assert "còn 5 tên" in problems[-1].message and "B85" in problems[-1].message and "B89" in problems[-1].message


def test_a_region_average_inside_the_table_does_not_end_it_the_national_average_does(tmp_path):
    rows = par_table(ALL_63)
    rows.insert(21, [None, "Trung bình vùng", 88.1, None])
    rows.insert(42, [None, "Bình quân khu vực", 86.0, None])
    rows += [[None, "Chỉ số trung bình cả nước", 84.15, None], [1, "Hà Nội", 50.0, 63]]
    path = write_workbook(tmp_path / "par2021.xlsx", SheetSpec("Sheet1", rows))

    result = read_par(path, path.name)

    assert len(result.scores) == 63 and result.warnings == []
    assert ranking(result)["Hà Nội"] == (92.5, 1)


@pytest.mark.parametrize("rank_label", ["Xếp thứ", "Vị thứ"])
def test_a_rank_headed_xep_thu_keeps_the_published_ranks_and_makes_no_component(tmp_path, rank_label):
    lines = list(ALL_63)
    lines[4] = type(lines[4])(lines[4].name, lines[4].score, 4)  # a published tie 4, 4
    path = write_workbook(tmp_path / "par2021.xlsx",
                          SheetSpec("Sheet1", par_table(lines, ["TT", "Tỉnh, thành phố", "Chỉ số (%)", rank_label])))

    result = read_par(path, path.name)

    assert ranking(result)[lines[4].name] == (lines[4].score, 4)
    assert not result.scores["rank_computed"].any()
    assert result.components.empty


def test_a_row_of_maxima_under_the_header_is_no_province(tmp_path):
    header = ["TT", "Tỉnh, thành phố", "Điểm thẩm định", "Điểm điều tra XHH", "Chỉ số (%)", "Xếp hạng"]
    rows = [header, [None, "Điểm tối đa", 68, 32, 100, None]]
    rows += [[line.rank, line.name, round(line.score * 0.68, 2), round(line.score * 0.32, 2), line.score, line.rank]
             for line in ALL_63]
    path = write_workbook(tmp_path / "par2021.xlsx", SheetSpec("Sheet1", rows))

    result = read_par(path, path.name)

    assert ranking(result)["Hà Nội"] == (92.5, 1) and len(result.scores) == 63
    hanoi = result.components[result.components["province_code"] == result.scores.province_code.iloc[0]]
    assert dict(zip(hanoi.component, hanoi.score)) == {"Điểm thẩm định": 62.9, "Điểm điều tra XHH": 29.6}


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_a_csv_with_a_title_line_and_decimal_commas_is_split_on_its_own_delimiter(tmp_path, delimiter):
    rows = [["CHỈ SỐ CCHC NĂM 2021"], ["TT", "Tỉnh, thành phố", "Chỉ số (%)", "Xếp hạng"]] + [
        [line.rank, line.name, f"{line.score:.2f}".replace(".", ","), line.rank] for line in ALL_63]
    path = write_csv(tmp_path / "par.csv", rows, delimiter=delimiter)

    sheet, = load_sheets(path, path.name)
    result = read_par(path.read_bytes(), path.name)

    assert sheet.rows[1] == ["TT", "Tỉnh, thành phố", "Chỉ số (%)", "Xếp hạng"]
    assert result.years == [2021] and len(result.scores) == 63
    assert ranking(result)["Hà Giang"] == (92.13, 2)


def test_an_emulation_scoring_summary_with_a_cchc_criterion_is_no_par_table(tmp_path):
    rows = [["CỤM THI ĐUA SỞ NỘI VỤ CÁC TỈNH MIỀN NÚI BIÊN GIỚI PHÍA BẮC"],
            ["BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Tỉnh", "Công tác tổ chức bộ máy", "Công tác CCHC", "Tổng điểm", "Xếp hạng"],
            [1, "Lạng Sơn", 30, 38, 97, 1], [2, "Cao Bằng", 29, 37, 94, 2], [3, "Lai Châu", 28, 36, 92, 3]]
    path = write_workbook(tmp_path / "tong_hop.xlsx", SheetSpec("TH", rows))

    assert not looks_like_par(load_sheets(path, path.name))


def sipas_sheet(lines, year=2021, name="SIPAS"):
    return SheetSpec(name, [[f"CHỈ SỐ HÀI LÒNG VỀ SỰ PHỤC VỤ HÀNH CHÍNH (SIPAS) NĂM {year}"],
                            ["TT", "Tỉnh, thành phố", "Chỉ số SIPAS (%)", "Xếp hạng"],
                            *([i + 1, line.name, line.score - 5, line.rank] for i, line in enumerate(lines))])


def test_a_sipas_sheet_joins_the_par_rows_of_its_year_and_its_provinces_without_par_are_named(tmp_path):
    path = write_workbook(tmp_path / "chi_so.xlsx", sipas_sheet(ALL_63), SheetSpec("PAR", [["CHỈ SỐ CCHC NĂM 2021"],
                                                                                          *par_table(ALL_63[:-1])]))

    result = read_par(path, path.name)

    assert len(result.scores) == 62
    assert ranking(result)["Hà Nội"] == (92.5, 1)
    hanoi = result.scores[result.scores["province"] == "Hà Nội"].iloc[0]
    assert hanoi.sipas == pytest.approx(87.5) and hanoi.source_sheet == "PAR" and hanoi.score_cell == "C3"
    alone, = [w for w in result.warnings if w.sheet == "SIPAS"]
    assert ALL_63[-1].name in alone.message


def test_a_sipas_figure_contradicting_the_par_tables_own_is_refused_naming_both_cells(tmp_path):
    header = ["TT", "Tỉnh, thành phố", "Chỉ số SIPAS (%)", "Chỉ số CCHC (%)", "Xếp hạng"]
    par = [["CHỈ SỐ CCHC NĂM 2021"], header, *([i + 1, line.name, line.score - 5, line.score, line.rank]
                                                for i, line in enumerate(ALL_63))]
    par[4][2] = 70.0  # the third province: 70 here, its score - 5 on the SIPAS sheet
    path = write_workbook(tmp_path / "chi_so.xlsx", SheetSpec("PAR", par), sipas_sheet(ALL_63))

    with pytest.raises(Refused) as excinfo:
        read_par(path, path.name)

    problem, = excinfo.value.problems
    assert (problem.sheet, problem.cell) == ("SIPAS", "C5") and "ô C5 (trang «PAR»)" in problem.message


def test_a_pci_table_pointed_out_by_hand_is_still_refused_naming_pci(tmp_path):
    rows = [["CHỈ SỐ NĂNG LỰC CẠNH TRANH CẤP TỈNH NĂM 2021"], ["Xếp hạng", "Tỉnh", "Điểm tổng hợp"],
            *([line.rank, line.name, line.score - 20] for line in ALL_63)]
    path = write_workbook(tmp_path / "bang.xlsx", SheetSpec("Sheet1", rows))

    with pytest.raises(Refused) as excinfo:
        read_par(path, path.name, columns=ColumnChoice("Sheet1", 1, province=1, score=2, rank=0))

    problem, = excinfo.value.problems
    assert problem.cell == "A1" and "PCI" in problem.message


def test_tables_side_by_side_keep_each_figures_own_cell(tmp_path):
    left, right = ALL_63[:32], ALL_63[32:]
    header = ["TT", "Tỉnh, thành phố", "Chỉ số (%)", "Xếp hạng"]
    rows = [["CHỈ SỐ CCHC NĂM 2021"], [*header, None, *header],
            *([l.rank, l.name, l.score, l.rank, None, *([r.rank, r.name, r.score, r.rank] if r else [])]
              for l, r in zip(left, right + [None]))]
    path = write_workbook(tmp_path / "par.xlsx", SheetSpec("Sheet1", rows))

    result = read_par(path, path.name)

    assert len(result.scores) == 63 and result.warnings == []
    cells = {row.province: (row.score_cell, row.rank_cell) for row in result.scores.itertuples()}
    assert cells[left[0].name] == ("C3", "D3") and cells[right[0].name] == ("H3", "I3")
