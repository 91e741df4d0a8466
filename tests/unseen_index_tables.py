"""Index tables in workbooks as provinces and publishers really send them: a SIPAS sheet before the PAR
sheet, cover, notes and chart sheets beside the table, tables side by side on one sheet, average rows
among the provinces, and the other provincial indices (PCI of VCCI, PAPI of CECODES/UNDP, DTI) that
look like the PAR Index and are read as the index they name, never as it. Each registers into unseen_layouts.CASES with the figures it
must yield or the refusal it must give (DOMAIN.md; issues on the readers and on the other indices)."""
from __future__ import annotations

from typing import Callable

from thidua.provinces import strip_diacritics
from thidua.provinces import registry
from unseen_layouts import Built, ParExpect, RefusalExpect, case, comma, names63, par_expect, par_scores
from workbook_builders import Percent, SheetSpec, xlsx_bytes

PAR_HEADER = ["TT", "Tỉnh, thành phố", "Chỉ số (%)", "Xếp hạng"]
SIPAS_HEADER = ["STT", "Tỉnh, thành phố", "Chỉ số SIPAS (%)", "Xếp hạng"]
SIPAS_TITLE = ("CHỈ SỐ HÀI LÒNG CỦA NGƯỜI DÂN, TỔ CHỨC ĐỐI VỚI SỰ PHỤC VỤ CỦA CƠ QUAN HÀNH CHÍNH NHÀ NƯỚC "
               "(SIPAS) NĂM {year}")
PCI_TITLE = "CHỈ SỐ NĂNG LỰC CẠNH TRANH CẤP TỈNH (PCI) NĂM {year}"
PAPI_DIMENSIONS = ["Tham gia của người dân ở cơ sở", "Công khai, minh bạch", "Trách nhiệm giải trình với người dân",
                   "Kiểm soát tham nhũng trong khu vực công", "Thủ tục hành chính công", "Cung ứng dịch vụ công",
                   "Quản trị môi trường", "Quản trị điện tử"]
PCI_GROUPS = ("Rất tốt", "Tốt", "Khá", "Trung bình")


def par_sheet(year: int, lines, name: str = "PAR") -> SheetSpec:
    """The ministry's table: title, decision line, TT | Tỉnh, thành phố | Chỉ số (%) | Xếp hạng, average row."""
    return SheetSpec(name, [["BỘ NỘI VỤ"], [f"CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year} CỦA CÁC TỈNH, THÀNH PHỐ"],
                            [f"(Kèm theo Quyết định số 125/QĐ-BNV ngày 15/5/{year + 1})"], PAR_HEADER,
                            *[[i + 1, n, s, r] for i, (n, s, r) in enumerate(lines)],
                            [None, "Chỉ số trung bình", 84.15, None]])


def sipas_lines(names: list[str]) -> list[tuple[str, float, int]]:
    """SIPAS in another order than the PAR Index: its own ranking."""
    return par_scores(list(reversed(names)), 88.4, 0.17)


def sipas_sheet(year: int, lines, name: str = "SIPAS") -> SheetSpec:
    return SheetSpec(name, [["BỘ NỘI VỤ"], [SIPAS_TITLE.format(year=year)], [], SIPAS_HEADER,
                            *[[i + 1, n, Percent(round(s / 100, 4)), r] for i, (n, s, r) in enumerate(lines)]])


def sipas_expect(year: int, lines) -> dict[tuple[int, str], float]:
    return {(year, n): s for n, s, _ in lines}


def pci_lines(names: list[str]) -> list[tuple[str, float, int]]:
    return par_scores(names, 73.9, 0.21)


def pci_group(rank: int) -> str:
    return PCI_GROUPS[min(rank // 16, 3)]


def index_expect(index: str, year: int, lines) -> dict[tuple[str, int, str], tuple[float, int]]:
    """(index, year, registry name) -> (score, rank) for lines of (name, score, rank)."""
    return {(index, year, registry().resolve(n).name): (s, r) for n, s, r in lines}


def ranked_by_score(named_scores: list[tuple[str, float]]) -> list[tuple[str, float, int]]:
    """Ranks for a table that publishes none: ties share the best rank (1, 2, 2, 4)."""
    return [(n, s, 1 + sum(other > s for _, other in named_scores)) for n, s in named_scores]


def pci_sheet(year: int, names: list[str], name: str = "PCI") -> SheetSpec:
    """VCCI's ranking: rank first, the province, the PCI score out of 100, the group it falls in."""
    lines = pci_lines(names)
    return SheetSpec(name, [["PHÒNG THƯƠNG MẠI VÀ CÔNG NGHIỆP VIỆT NAM (VCCI)"], [PCI_TITLE.format(year=year)], [],
                            ["Xếp hạng", "Tỉnh, thành phố", f"Điểm PCI {year}", "Nhóm điều hành"],
                            *[[r, n, s, pci_group(r)] for n, s, r in lines]])


def papi_sheet(year: int, names: list[str], name: str = "PAPI") -> SheetSpec:
    """The PAPI report's appendix: 8 dimensions scored 1-10 and the total out of 80, no rank."""
    rows = [["Phụ lục 1"], [f"CHỈ SỐ HIỆU QUẢ QUẢN TRỊ VÀ HÀNH CHÍNH CÔNG CẤP TỈNH (PAPI) {year}"],
            ["Điểm theo 8 chỉ số nội dung (thang điểm 1–10) và tổng điểm (thang điểm 10–80)"],
            ["TT", "Tỉnh/thành phố", *PAPI_DIMENSIONS, f"Tổng điểm PAPI {year}"]]
    rows += [[i + 1, n, *papi_dimensions(i), papi_total(i)] for i, n in enumerate(names)]
    return SheetSpec(name, rows)


def papi_dimensions(i: int) -> list[float]:
    return [round(5.2 + ((i + k) % 9) * 0.31, 2) for k in range(8)]


def papi_total(i: int) -> float:
    return round(sum(papi_dimensions(i)), 2)


def papi_expect(year: int, names: list[str]) -> dict[tuple[str, int, str], tuple[float, int]]:
    """The PAPI appendix publishes no rank: ranked by the total, ties kept."""
    return index_expect("papi", year, ranked_by_score([(n, papi_total(i)) for i, n in enumerate(names)]))


def dti_lines(names: list[str]) -> list[tuple[str, float, int]]:
    return par_scores(names, 0.71, 0.004)


def dti_sheet(year: int, names: list[str], name: str = "DTI") -> SheetSpec:
    """The DTI ranking: scores as fractions 0..1, with the three pillars."""
    lines = dti_lines(names)
    return SheetSpec(name, [["BỘ THÔNG TIN VÀ TRUYỀN THÔNG"],
                            [f"KẾT QUẢ CHỈ SỐ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ CẤP TỈNH (DTI) NĂM {year}"],
                            ["Xếp hạng", "Tỉnh, thành phố", "Chỉ số DTI", "Chính quyền số", "Kinh tế số", "Xã hội số"],
                            *[[r, n, s, round(s + 0.02, 4), round(s - 0.05, 4), round(s - 0.01, 4)] for n, s, r in lines]])


# ================================================================ several tables in one workbook


@case("index workbook: a SIPAS sheet first, the PAR Index sheet second: PAR from its sheet, SIPAS joined to it")
def i01_sipas_sheet_before_par() -> Built:
    lines, sipas = par_scores(names63()), sipas_lines(names63())
    expect = par_expect(2023, lines, {})
    expect.sipas = sipas_expect(2023, sipas)
    return Built(xlsx_bytes(sipas_sheet(2023, sipas), par_sheet(2023, lines)), "chi_so_2023.xlsx", expect)


@case("index workbook: a cover sheet, the PAR table, then a sheet of notes: both skipped with a warning naming them")
def i02_cover_and_notes_sheets() -> Built:
    lines = par_scores(names63())
    cover = SheetSpec("Bia", [["BỘ NỘI VỤ"], [], ["BÁO CÁO"], ["CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2022"],
                              ["CỦA CÁC BỘ, CƠ QUAN NGANG BỘ, ỦY BAN NHÂN DÂN CÁC TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG"],
                              [], ["Hà Nội, tháng 5 năm 2023"]])
    notes = SheetSpec("Ghi chu", [["GHI CHÚ"], ["1. Chỉ số CCHC tính trên thang điểm 100, gồm 8 lĩnh vực."],
                                  ["2. Điểm điều tra xã hội học chiếm 32 điểm."], ["3. Hà Nội: số liệu đã hiệu chỉnh."]])
    return Built(xlsx_bytes(cover, par_sheet(2022, lines, "Xep hang"), notes), "par_2022.xlsx",
                 par_expect(2022, lines, {}), warns=("bia", "ghi chu"))


@case("index workbook: the PAR table and a sheet holding only a chart's title ('Biểu đồ'): the chart sheet skipped")
def i03_chart_sheet_beside_the_table() -> Built:
    lines = par_scores(names63())
    chart = SheetSpec("Bieu do", [["Biểu đồ Chỉ số CCHC năm 2021 của 63 tỉnh, thành phố"]])
    return Built(xlsx_bytes(par_sheet(2021, lines), chart), "par_2021.xlsx", par_expect(2021, lines, {}),
                 warns=("bieu do",))


@case("index workbook: SIPAS of 2022 beside the PAR Index of 2023: no SIPAS joined to another year, a warning says so")
def i04_sipas_of_another_year() -> Built:
    lines = par_scores(names63())
    expect = par_expect(2023, lines, {})
    expect.sipas = {}
    return Built(xlsx_bytes(par_sheet(2023, lines), sipas_sheet(2022, sipas_lines(names63()))), "chi_so.xlsx", expect,
                 warns=("sipas nam 2022",))


@case("index workbook: only a SIPAS table (no PAR Index column): refused, naming the SIPAS column's header cell")
def i05_sipas_alone() -> Built:
    return Built(xlsx_bytes(sipas_sheet(2023, sipas_lines(names63()))), "sipas_2023.xlsx",
                 RefusalExpect("a SIPAS ranking is no PAR Index ranking", "SIPAS", "C4"))


@case("index workbook: the PAR sheet beside a VCCI PCI sheet: PAR read as PAR, PCI read as PCI with its groups")
def i06_par_sheet_beside_a_pci_sheet() -> Built:
    lines, pci = par_scores(names63()), pci_lines(names63()[::-1])
    expect = par_expect(2020, lines, {})
    expect.indices = index_expect("pci", 2020, pci)
    expect.bands = {("pci", 2020, n): pci_group(r) for n, _, r in pci}
    return Built(xlsx_bytes(par_sheet(2020, lines), pci_sheet(2020, names63()[::-1])), "cac_chi_so_2020.xlsx", expect)


@case("the same workbook uploaded as the PAR Index (kind par chosen): PAR read, the PCI sheet skipped naming PCI")
def i06b_par_chosen_skips_the_pci_sheet() -> Built:
    lines = par_scores(names63())
    return Built(xlsx_bytes(par_sheet(2020, lines), pci_sheet(2020, names63()[::-1])), "cac_chi_so_2020.xlsx",
                 par_expect(2020, lines, {}), options={"kind": "par"}, warns=("pci",))


@case("index workbook: PAR, SIPAS, PAPI, PCI and DTI of 2022, one sheet each (a province's yearly compendium)")
def i07_every_index_one_sheet_each() -> Built:
    names = names63()
    lines, sipas = par_scores(names), sipas_lines(names)
    expect = par_expect(2022, lines, {})
    expect.sipas = sipas_expect(2022, sipas)
    expect.indices = {**papi_expect(2022, names), **index_expect("pci", 2022, pci_lines(names[5:] + names[:5])),
                      **index_expect("dti", 2022, dti_lines(names[::2] + names[1::2]))}
    return Built(xlsx_bytes(par_sheet(2022, lines, "PAR INDEX"), sipas_sheet(2022, sipas), papi_sheet(2022, names),
                            pci_sheet(2022, names[5:] + names[:5]), dti_sheet(2022, names[::2] + names[1::2])),
                 "cac_chi_so_2022.xlsx", expect)


# ================================================================ other indices alone: read as themselves, never as PAR


def index_only(indices: dict[tuple[str, int, str], tuple[float, int]]) -> ParExpect:
    return ParExpect({}, indices=indices)


@case("PCI 2020 in VCCI's layout (rank first, 'Điểm PCI 2020', group), 63 rows: read as PCI 2020")
def i08_pci_2020_vcci_layout() -> Built:
    return Built(xlsx_bytes(pci_sheet(2020, names63(), "Xep hang PCI")), "bang_xep_hang_2020.xlsx",
                 index_only(index_expect("pci", 2020, pci_lines(names63()))))


@case("PCI 2020 in VCCI's layout uploaded as the PAR Index (kind par chosen): refused naming PCI and its cell")
def i08b_pci_chosen_as_par() -> Built:
    return Built(xlsx_bytes(pci_sheet(2020, names63(), "Xep hang PCI")), "bang_xep_hang_2020.xlsx",
                 RefusalExpect("a PCI table is not the PAR Index of 2020", "Xep hang PCI", "A1"),
                 options={"kind": "par"})


@case("a ranking table naming no index (title 'Kết quả xếp hạng năm 2021'), the person says it is PCI: read as PCI")
def i08c_unnamed_table_said_to_be_pci() -> Built:
    lines = pci_lines(names63())
    rows = [["KẾT QUẢ XẾP HẠNG NĂM 2021"], ["Xếp hạng", "Tỉnh, thành phố", "Điểm"], *[[r, n, s] for n, s, r in lines]]
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "xep_hang_2021.xlsx",
                 index_only(index_expect("pci", 2021, lines)), options={"index": "pci"})


@case("a full PCI 2021 table (63 rows) with Hà Nội twice: refused naming the second cell")
def i08d_pci_with_a_province_twice() -> Built:
    lines = pci_lines(names63())
    lines[40] = ("Hà Nội", lines[40][1], lines[40][2])
    rows = [[PCI_TITLE.format(year=2021)], ["Xếp hạng", "Tỉnh, thành phố", "Điểm PCI"], *[[r, n, s] for n, s, r in lines]]
    return Built(xlsx_bytes(SheetSpec("PCI", rows)), "pci_2021.xlsx",
                 RefusalExpect("a province twice in a full table", "PCI", "B43"))


@case("a PCI 2023 top-30 table whose ranks do not follow its scores (two ranks swapped): refused naming the cell")
def i08e_partial_pci_with_ranks_against_scores() -> Built:
    lines = par_scores(names63()[:30], 72.3, 0.3)
    lines[3], lines[4] = (lines[3][0], lines[3][1], 5), (lines[4][0], lines[4][1], 4)
    rows = [["PCI 2023: 30 ĐỊA PHƯƠNG CÓ ĐIỂM SỐ CAO NHẤT"], ["Thứ hạng", "Tỉnh, thành phố", "Điểm PCI"],
            *[[r, n, s] for n, s, r in lines]]
    return Built(xlsx_bytes(SheetSpec("Top 30", rows)), "pci_2023.xlsx",
                 RefusalExpect("a partial table's ranks must follow its scores", "Top 30", "A6"))


@case("PCI 2020 in English ('The Provincial Competitiveness Index', Rank | Province | Score), names without "
      "diacritics: read as PCI 2020")
def i09_pci_in_english() -> Built:
    lines = par_scores(names63(), 70.2, 0.2)
    rows = [["The Provincial Competitiveness Index (PCI) 2020"], ["Rank", "Province", "PCI 2020 score"],
            *[[r, strip_diacritics(n), s] for n, s, r in lines]]
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "pci2020.xlsx", index_only(index_expect("pci", 2020, lines)))


@case("PCI 2023 top-30 table (the edition publishes only the 30 best provinces), 'Thứ hạng' first: read as PCI, "
      "the 33 others absent")
def i10_pci_top_30() -> Built:
    lines = par_scores(names63()[10:40], 72.3, 0.3)
    rows = [["PCI 2023: 30 ĐỊA PHƯƠNG CÓ ĐIỂM SỐ CAO NHẤT"], ["Thứ hạng", "Tỉnh, thành phố", "Điểm PCI"],
            *[[r, n, s] for n, s, r in lines]]
    return Built(xlsx_bytes(SheetSpec("Top 30", rows)), "pci_2023.xlsx",
                 index_only(index_expect("pci", 2023, lines)), warns=("30/63",))


@case("PAPI 2024 appendix: 8 dimensions (1-10) and the total out of 80, two provinces without figures: read as "
      "PAPI, ranked by the total, the two provinces absent (not zero)")
def i11_papi_2024_appendix() -> Built:
    names = [n for n in names63() if n not in ("Quảng Ninh", "Bình Dương")]
    return Built(xlsx_bytes(papi_sheet(2024, names, "Phu luc 1")), "PAPI_2024_phu_luc.xlsx",
                 index_only(papi_expect(2024, names)), warns=("quang ninh", "binh duong"))


@case("PAPI named only by its Vietnamese name in a header ('Chỉ số Hiệu quả Quản trị và Hành chính công cấp tỉnh'), "
      "with a 'Xếp hạng' column and a title without any index: read as PAPI 2023")
def i12_papi_named_in_the_header() -> Built:
    lines = par_scores(names63(), 46.5, 0.08)
    rows = [["KẾT QUẢ KHẢO SÁT NĂM 2023"], [],
            ["TT", "Tỉnh, thành phố", "Chỉ số Hiệu quả Quản trị và Hành chính công cấp tỉnh (điểm)", "Xếp hạng"],
            *[[i + 1, n, s, r] for i, (n, s, r) in enumerate(lines)]]
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "ket_qua_2023.xlsx",
                 index_only(index_expect("papi", 2023, lines)))


@case("DTI 2022 ranking with scores as fractions 0..1 and pillar columns: read as DTI, scores as published (0..1)")
def i13_dti_table() -> Built:
    return Built(xlsx_bytes(dti_sheet(2022, names63(), "DTI 2022")), "dti_2022.xlsx",
                 index_only(index_expect("dti", 2022, dti_lines(names63()))))


@case("one table naming PAR and PCI ('Chỉ số PAR INDEX (%)', 'Xếp hạng PAR INDEX', 'Điểm PCI', 'Xếp hạng PCI'): "
      "PAR read, the PCI columns left out (not components) with a warning")
def i14_par_and_pci_columns_in_one_table() -> Built:
    lines = par_scores(names63())
    pci = {n: (s, r) for n, s, r in par_scores(names63()[::-1], 72.0, 0.2)}
    rows = [["CHỈ SỐ PAR INDEX VÀ PCI NĂM 2021 CỦA CÁC TỈNH, THÀNH PHỐ"],
            ["TT", "Tỉnh, thành phố", "Chỉ số PAR INDEX (%)", "Xếp hạng PAR INDEX", "Điểm PCI", "Xếp hạng PCI"],
            *[[i + 1, n, s, r, *pci[n]] for i, (n, s, r) in enumerate(lines)]]
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "par_pci.xlsx", par_expect(2021, lines, {}), warns=("pci",))


# ================================================================ tables side by side on one sheet


@case("PAR 2022 printed in two halves side by side (provinces 1-32 in A:D, 33-63 in F:I, a blank column between)")
def i15_two_halves_side_by_side() -> Built:
    lines = par_scores(names63())
    left, right = lines[:32], lines[32:]
    rows = [["CHỈ SỐ CCHC NĂM 2022 CỦA CÁC TỈNH, THÀNH PHỐ"], [*PAR_HEADER, None, *PAR_HEADER]]
    for i, (n, s, r) in enumerate(left):
        row = [r, n, s, r]
        if i < len(right):
            n2, s2, r2 = right[i]
            row += [None, r2, n2, s2, r2]
        rows.append(row)
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "par_2022.xlsx", par_expect(2022, lines, {}))


@case("two years as two tables side by side with no blank column between, each under its own merged title "
      "('NĂM 2021' over A:D, 'NĂM 2022' over E:H), each in its own rank order")
def i16_two_years_as_adjacent_tables() -> Built:
    a, b = par_scores(names63(), 90.0, 0.2), par_scores(names63()[::-1], 91.0, 0.21)
    rows = [["CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CÁC TỈNH, THÀNH PHỐ"], ["NĂM 2021", None, None, None, "NĂM 2022"],
            PAR_HEADER + PAR_HEADER,
            *[[r1, n1, s1, r1, r2, n2, s2, r2] for (n1, s1, r1), (n2, s2, r2) in zip(a, b)]]
    expect = par_expect(2021, a, {})
    expect.scores.update(par_expect(2022, b).scores)
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows, ["A1:H1", "A2:D2", "E2:H2"])), "par_2021_2022.xlsx", expect)


@case("PAR and SIPAS of 2023 side by side on one sheet under 'Chỉ số CCHC' and 'Chỉ số SIPAS' subtitles")
def i17_par_and_sipas_side_by_side() -> Built:
    lines, sipas = par_scores(names63()), sipas_lines(names63())
    rows = [["CHỈ SỐ CCHC VÀ CHỈ SỐ SIPAS NĂM 2023"], ["Chỉ số CCHC", None, None, None, None, "Chỉ số SIPAS"],
            [*PAR_HEADER, None, *SIPAS_HEADER],
            *[[r, n, s, r, None, r2, n2, comma(s2), r2] for (n, s, r), (n2, s2, r2) in zip(lines, sipas)]]
    expect = par_expect(2023, lines, {})
    expect.sipas = sipas_expect(2023, sipas)
    return Built(xlsx_bytes(SheetSpec("Tong hop", rows, ["A2:D2", "F2:I2"])), "par_sipas_2023.xlsx", expect)


@case("the PAR table and a PCI table side by side on one sheet, each under its own title: each read as itself")
def i18_par_and_pci_side_by_side() -> Built:
    lines = par_scores(names63())
    pci = par_scores(names63()[::-1], 71.0, 0.2)
    rows = [["CHỈ SỐ CCHC NĂM 2021", None, None, None, None, PCI_TITLE.format(year=2021)],
            [*PAR_HEADER, None, "Xếp hạng", "Tỉnh, thành phố", "Điểm PCI"],
            *[[r, n, s, r, None, r2, n2, s2] for (n, s, r), (n2, s2, r2) in zip(lines, pci)]]
    expect = par_expect(2021, lines, {})
    expect.indices = index_expect("pci", 2021, pci)
    return Built(xlsx_bytes(SheetSpec("So sanh", rows, ["A1:D1", "F1:H1"])), "par_pci_2021.xlsx", expect)


# ================================================================ rows: averages, sections, empty figures


@case("the national average 'Trung bình cả nước' placed among the provinces at its rank (between 30th and 31st)")
def i19_national_average_among_the_provinces() -> Built:
    lines = par_scores(names63())
    body = [[i + 1, n, s, r] for i, (n, s, r) in enumerate(lines)]
    body.insert(30, [None, "Trung bình cả nước", 81.5, None])
    rows = [["CHỈ SỐ CCHC NĂM 2023"], PAR_HEADER, *body]
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "par_2023.xlsx", par_expect(2023, lines, {}))


@case("band sections ('NHÓM A: TỪ 90% TRỞ LÊN', 'NHÓM B: ...') and a 'Bình quân chung' row in the middle")
def i20_band_sections_and_an_average_in_the_middle() -> Built:
    lines = par_scores(names63(), 93.0, 0.25)
    rows = [["CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024"], PAR_HEADER]
    for band, low in (("NHÓM A: TỪ 90% TRỞ LÊN", 90), ("NHÓM B: TỪ 80% ĐẾN DƯỚI 90%", 80), ("NHÓM C: DƯỚI 80%", 0)):
        rows.append([None, band])
        high = 100 if low == 90 else 90 if low == 80 else 80
        rows += [[r, n, s, r] for n, s, r in lines if low <= s < high]
        if low == 80:
            rows.append([None, "Bình quân chung", 85.3, None])
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "par_2024.xlsx", par_expect(2024, lines, {}))


@case("a province with a published rank but an empty score cell: refused naming the score cell, never a NULL score")
def i21_rank_without_score() -> Built:
    lines = par_scores(names63())
    rows = [["CHỈ SỐ CCHC NĂM 2022"], PAR_HEADER, *[[i + 1, n, s, r] for i, (n, s, r) in enumerate(lines)]]
    rows[2 + 11][2] = None  # the 12th province, row 14
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "par_2022.xlsx",
                 RefusalExpect("a rank without its score is no figure to store", "Sheet1", "C14"))


@case("a province with neither score nor rank ('Chưa công bố' in the notes column): accepted without it, a warning "
      "naming it")
def i22_province_without_a_published_figure() -> Built:
    names = names63()
    absent = names[20]
    lines = par_scores([n for n in names if n != absent])
    rows = [["CHỈ SỐ CCHC NĂM 2021"], [*PAR_HEADER, "Ghi chú"],
            *[[i + 1, n, s, r, None] for i, (n, s, r) in enumerate(lines)], [63, absent, None, None, "Chưa công bố"]]
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "par_2021.xlsx", par_expect(2021, lines, {}),
                 warns=(strip_diacritics(absent).lower(), "o c65"))  # its score cell, under 62 provinces from row 3


@case("two PAR tables of one year, the second (after the average row) a 'top 10' repeating provinces under no header: "
      "the second is not read again")
def i23_top_ten_after_the_average_without_header() -> Built:
    lines = par_scores(names63())
    rows = [["CHỈ SỐ CCHC NĂM 2020"], PAR_HEADER, *[[i + 1, n, s, r] for i, (n, s, r) in enumerate(lines)],
            [None, "Chỉ số trung bình", 80.0, None], [],
            *[[i + 1, n, s, r] for i, (n, s, r) in enumerate(lines[:10])]]
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "par_2020.xlsx", par_expect(2020, lines, {}))


# ================================================================ columns typed by what they hold


@case("a 'Xếp hạng' column holding grades in words ('Tốt', 'Khá', 'Trung bình') and no numbers: not read as ranks; "
      "ranks computed from the scores, with a warning")
def i24_rank_column_of_grade_words() -> Built:
    lines = par_scores(names63())
    grade = {0: "Tốt", 1: "Khá", 2: "Trung bình"}
    rows = [["CHỈ SỐ CCHC NĂM 2019"], PAR_HEADER, *[[i + 1, n, s, grade[min(i // 21, 2)]] for i, (n, s, _) in enumerate(lines)]]
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "par_2019.xlsx", par_expect(2019, lines, {}),
                 warns=("xep hang",))


@case("headers swapped by hand: 'Chỉ số (%)' over whole ranks 1..63 and 'Xếp hạng' over percentages: refused naming "
      "the rank header cell")
def i25_score_and_rank_headers_swapped() -> Built:
    lines = par_scores(names63())
    rows = [["CHỈ SỐ CCHC NĂM 2021"], PAR_HEADER, *[[i + 1, n, r, s] for i, (n, s, r) in enumerate(lines)]]
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "par_2021.xlsx",
                 RefusalExpect("ranks under the score header and scores under the rank header", "Sheet1", "D2"))


@case("a 'Số phiếu khảo sát' column (1 100-1 500 forms per province) beside the index: no component, a warning")
def i26_survey_count_column() -> Built:
    lines = par_scores(names63())
    rows = [["CHỈ SỐ CCHC NĂM 2022"], ["TT", "Tỉnh, thành phố", "Số phiếu khảo sát", "Chỉ số (%)", "Xếp hạng"],
            *[[i + 1, n, 1100 + (i * 37) % 400, s, r] for i, (n, s, r) in enumerate(lines)]]
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "par_2022.xlsx", par_expect(2022, lines, {}),
                 warns=("so phieu khao sat",))


@case("'Tổng số phiếu điều tra' (a count, header word 'tổng') left of 'Kết quả (%)': the index is read from the "
      "column holding scores")
def i27_total_forms_beside_the_result() -> Built:
    lines = par_scores(names63())
    rows = [["KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023"],
            ["STT", "Tỉnh, thành phố", "Tổng số phiếu điều tra", "Kết quả (%)", "Xếp hạng"],
            *[[i + 1, n, 900 + i * 11, comma(s), r] for i, (n, s, r) in enumerate(lines)]]
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "par_2023.xlsx", par_expect(2023, lines, {}),
                 warns=("tong so phieu",))


@case("DTI named only in Vietnamese ('Chỉ số đánh giá chuyển đổi số cấp tỉnh năm 2023' in a merged title), "
      "'Điểm' and 'Xếp hạng' columns: read as DTI 2023")
def i28_dti_named_in_vietnamese_only() -> Built:
    lines = par_scores(names63(), 0.68, 0.003)
    rows = [["BỘ THÔNG TIN VÀ TRUYỀN THÔNG"], [], ["KẾT QUẢ CHỈ SỐ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ CẤP TỈNH NĂM 2023"],
            ["TT", "Tỉnh, thành phố", "Điểm", "Xếp hạng"], *[[i + 1, n, s, r] for i, (n, s, r) in enumerate(lines)]]
    return Built(xlsx_bytes(SheetSpec("Tinh", rows, ["A3:D3"])), "ket_qua_2023.xlsx",
                 index_only(index_expect("dti", 2023, lines)))


def tied_at_five(lines: list[tuple[str, float, int]]) -> list[tuple[str, float, int]]:
    """The fifth and sixth provinces share the fifth score and rank; the seventh stays seventh."""
    return [(n, lines[4][1], 5) if i in (4, 5) else (n, s, r) for i, (n, s, r) in enumerate(lines)]


@case("a shared rank written with its words ('5 (đồng hạng)') for two provinces of equal index: both 5th, "
      "the next one 7th")
def i29_shared_rank_written_in_words() -> Built:
    lines = tied_at_five(par_scores(names63()))
    written = [(n, s, f"{r} (đồng hạng)" if i in (4, 5) else r) for i, (n, s, r) in enumerate(lines)]
    return Built(xlsx_bytes(par_sheet(2022, written)), "par_2022.xlsx", par_expect(2022, lines, {}))


@case("a region's provinces only (every fourth of the national ranking), their national ranks written as words "
      "('Hạng 1', 'Hạng 5', ...): read as the ranks they name, not set aside as grades and recomputed 1, 2, 3")
def i30_national_ranks_written_as_hang_n() -> Built:
    lines = par_scores(names63())[::4]
    rows = [["KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2021 CỦA CÁC TỈNH TRONG VÙNG"],
            ["STT", "Tỉnh, thành phố", "Chỉ số (%)", "Thứ hạng"],
            *[[i + 1, n, s, f"Hạng {r}"] for i, (n, s, r) in enumerate(lines)]]
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "par_2021.xlsx", par_expect(2021, lines, {}))


@case("two years one under another on one sheet, each under its own title ('CHỈ SỐ CCHC NĂM 2022', then "
      "'... NĂM 2023' over the same header), an average row and a note between: each year read from its own table")
def i31_years_stacked_on_one_sheet() -> Built:
    first, second = par_scores(names63(), 90.0, 0.2), par_scores(names63()[::-1], 91.0, 0.21)
    rows = [["CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2022"], [], PAR_HEADER, *[[i + 1, n, s, r] for i, (n, s, r) in enumerate(first)],
            [None, "Chỉ số trung bình", 83.8, None], ["Ghi chú: theo Quyết định số 125/QĐ-BNV"], [],
            ["CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023"], PAR_HEADER, *[[i + 1, n, s, r] for i, (n, s, r) in enumerate(second)]]
    expect = par_expect(2022, first, {})
    expect.scores |= par_expect(2023, second).scores
    return Built(xlsx_bytes(SheetSpec("PAR", rows)), "par_2022_2023.xlsx", expect)


@case("one year's table printed over two pages: the header repeated under the 32nd province with no title over it "
      "is the same table, not another")
def i32_header_repeated_on_a_new_page() -> Built:
    lines = par_scores(names63())
    rows = [["CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2022"], PAR_HEADER, *[[i + 1, n, s, r] for i, (n, s, r) in enumerate(lines[:32])],
            [], PAR_HEADER, *[[i + 33, n, s, r] for i, (n, s, r) in enumerate(lines[32:])]]
    return Built(xlsx_bytes(SheetSpec("PAR", rows)), "par_2022.xlsx", par_expect(2022, lines, {}))


@case("the PAR table of 2022 and, under it on the same sheet, the SIPAS table of 2022 under its own title and "
      "header ('Chỉ số SIPAS (%)'): the SIPAS figures join the PAR rows, not read as the same provinces twice")
def i33_sipas_table_under_the_par_table() -> Built:
    lines, sipas = par_scores(names63()), sipas_lines(names63())
    rows = [["CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2022"], PAR_HEADER, *[[i + 1, n, s, r] for i, (n, s, r) in enumerate(lines)],
            [], [SIPAS_TITLE.format(year=2022)], SIPAS_HEADER, *[[i + 1, n, s, r] for i, (n, s, r) in enumerate(sipas)]]
    expect = par_expect(2022, lines, {})
    expect.sipas = sipas_expect(2022, sipas)
    return Built(xlsx_bytes(SheetSpec("PAR", rows)), "chi_so_2022.xlsx", expect)


@case("two years one under another, the second with other header words ('NĂM 2023' over 'TT | Tỉnh, thành phố | "
      "Chỉ số (%) | Thứ hạng'): each year from its own table")
def i34_stacked_years_with_other_header_words() -> Built:
    first, second = par_scores(names63(), 90.0, 0.2), par_scores(names63()[::-1], 91.0, 0.21)
    rows = [["CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2022"], PAR_HEADER, *[[i + 1, n, s, r] for i, (n, s, r) in enumerate(first)],
            [], ["NĂM 2023"], ["TT", "Tỉnh, thành phố", "Chỉ số (%)", "Thứ hạng"],
            *[[i + 1, n, s, r] for i, (n, s, r) in enumerate(second)]]
    expect = par_expect(2022, first, {})
    expect.scores |= par_expect(2023, second).scores
    return Built(xlsx_bytes(SheetSpec("PAR", rows)), "par.xlsx", expect)


@case("footnote marks after provinces in a PAR table ('Thừa Thiên Huế (1)', 'Lạng Sơn (*)', 'Cao Bằng¹') and the "
      "notes under it: each province read, the marks left")
def i35_footnote_marks_after_provinces() -> Built:
    lines = par_scores(names63())
    marks = {"Thừa Thiên Huế": " (1)", "Lạng Sơn": " (*)", "Cao Bằng": "¹", "Hà Giang": "(2)"}
    rows = [["CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2022"], PAR_HEADER,
            *[[i + 1, n + marks.get(n, ""), s, r] for i, (n, s, r) in enumerate(lines)],
            ["(*) Tỉnh được điều chỉnh điểm sau phúc tra."], ["(1), (2), ¹: tỉnh có khiếu nại đã được giải quyết."]]
    return Built(xlsx_bytes(SheetSpec("PAR", rows)), "par_2022.xlsx", par_expect(2022, lines, {}))


def previous_places(lines) -> list[int]:
    """Last year's ranks as a table gives them beside this year's, for comparison (a permutation of 1..N)."""
    return [(rank + 7) % len(lines) + 1 for _, _, rank in lines]


@case("PAR 2023 with a 'Xếp hạng năm 2022' column and a 'Tăng, giảm (bậc)' column beside it: last year's places "
      "given for comparison are not written as the 2022 figures")
def i36_last_years_ranks_beside_this_years_table() -> Built:
    lines = par_scores(names63())
    rows = [["BỘ NỘI VỤ"], ["CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023 CỦA CÁC TỈNH, THÀNH PHỐ"], [],
            ["TT", "Tỉnh, thành phố", "Chỉ số năm 2023 (%)", "Xếp hạng năm 2023", "Xếp hạng năm 2022", "Tăng, giảm (bậc)"],
            *[[i + 1, n, s, r, before, before - r]
              for i, ((n, s, r), before) in enumerate(zip(lines, previous_places(lines)))]]
    return Built(xlsx_bytes(SheetSpec("PAR", rows)), "par_2023.xlsx", par_expect(2023, lines),
                 warns=("xep hang nam 2022",))


@case("VCCI's PCI 2022 with a 'Xếp hạng 2021' column: only the 2022 scores and ranks are PCI figures of the file")
def i37_pci_with_last_years_ranks() -> Built:
    lines = pci_lines(names63())
    rows = [["PHÒNG THƯƠNG MẠI VÀ CÔNG NGHIỆP VIỆT NAM (VCCI)"], [PCI_TITLE.format(year=2022)], [],
            ["Xếp hạng 2022", "Tỉnh, thành phố", "Điểm PCI 2022", "Xếp hạng 2021"],
            *[[r, n, s, before] for (n, s, r), before in zip(lines, previous_places(lines))]]
    return Built(xlsx_bytes(SheetSpec("PCI", rows)), "pci_2022.xlsx",
                 ParExpect({}, indices=index_expect("pci", 2022, lines)))


def by_region(heading: Callable[[int, str], str]) -> tuple[list[list[object]], list[tuple[str, float, int]]]:
    """A PAR 2022 table grouped by the six regions, each under a row with heading(number, region) and the
    region's average score; the provinces keep their national ranks."""
    lines = par_scores(names63())
    regions: dict[str, list[tuple[str, float, int]]] = {}
    for line in lines:
        regions.setdefault(registry().resolve(line[0]).region, []).append(line)
    rows: list[list[object]] = [["CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2022 THEO VÙNG"], PAR_HEADER]
    for number, (region, members) in enumerate(regions.items(), start=1):
        rows.append([None, heading(number, region), round(sum(s for _, s, _ in members) / len(members), 2), None])
        rows += [[None, n, s, r] for n, s, r in members]
    return rows, lines


@case("PAR grouped by region, each region's row 'Vùng 1: Trung du và miền núi phía Bắc' carrying the region's average "
      "score: the provinces read, the region rows left out with a warning naming them")
def i38_region_rows_with_their_average() -> Built:
    rows, lines = by_region(lambda number, region: f"Vùng {number}: {region}")
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "par_2022.xlsx", par_expect(2022, lines, {}), warns=("vung", "b3"))


@case("PAR grouped by region under rows naming the region only ('Vùng 4', 'TÂY NGUYÊN', 'VI. Đồng bằng sông Cửu Long') "
      "with averages: no region taken for a province (nor 'Tây Nguyên' for Thái Nguyên)")
def i39_region_rows_in_other_words() -> Built:
    headings = {1: "Vùng 1", 2: "TRUNG DU VÀ MIỀN NÚI PHÍA BẮC", 3: "III. Bắc Trung Bộ và duyên hải miền Trung",
                4: "TÂY NGUYÊN", 5: "Vùng Đông Nam Bộ", 6: "VI. Đồng bằng sông Cửu Long"}
    rows, lines = by_region(lambda number, _: headings[number])
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "par_2022.xlsx", par_expect(2022, lines, {}), warns=("vung",))


@case("PAR scores typed as percentages (92,13) in most rows and as fractions (0,925, a percent cell's value) in "
      "every other row: refused at the first fraction, never stored as 0,925%")
def i40_fractions_among_percentages() -> Built:
    lines = par_scores(names63())
    rows = [["CHỈ SỐ CCHC NĂM 2022"], PAR_HEADER,
            *[[i + 1, n, s if i % 2 else round(s / 100, 4), r] for i, (n, s, r) in enumerate(lines)]]
    return Built(xlsx_bytes(SheetSpec("PAR", rows)), "par_2022.xlsx",
                 RefusalExpect("a fraction among percentages", "PAR", "C3"))


@case("PAR listing each region's provinces then its row 'Cộng vùng Tây Nguyên' (the region's mean): the provinces "
      "read, the six region rows left out with a warning")
def i41_region_rows_closing_each_region() -> Built:
    lines = par_scores(names63())
    regions: dict[str, list[tuple[str, float, int]]] = {}
    for line in lines:
        regions.setdefault(registry().resolve(line[0]).region, []).append(line)
    rows: list[list[object]] = [["CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2022"], PAR_HEADER]
    for region, members in regions.items():
        rows += [[None, n, s, r] for n, s, r in members]
        rows.append([None, f"Cộng vùng {region}", round(sum(s for _, s, _ in members) / len(members), 2), None])
    return Built(xlsx_bytes(SheetSpec("PAR", rows)), "par_2022.xlsx", par_expect(2022, lines, {}), warns=("vung",))


@case("PAR closing with 'Giá trị cao nhất' and 'Giá trị thấp nhất' rows under the provinces: statistics, no provinces")
def i42_highest_and_lowest_rows() -> Built:
    lines = par_scores(names63())
    rows = [["CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2022"], PAR_HEADER, *[[i + 1, n, s, r] for i, (n, s, r) in enumerate(lines)],
            [None, "Giá trị cao nhất", lines[0][1], None], [None, "Giá trị thấp nhất", lines[-1][1], None]]
    return Built(xlsx_bytes(SheetSpec("PAR", rows)), "par_2022.xlsx", par_expect(2022, lines, {}))


@case("PAR with 'Tổng điểm đạt được' (points) beside 'Chỉ số (%)' (percent cells) holding the same figures: the "
      "index once, no component that is the index again; a warning names the column")
def i43_points_column_equal_to_the_index() -> Built:
    lines = par_scores(names63())
    rows = [["CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2022"], ["TT", "Tỉnh, thành phố", "Tổng điểm đạt được", "Chỉ số (%)", "Xếp hạng"],
            *[[i + 1, n, s, Percent(round(s / 100, 4)), r] for i, (n, s, r) in enumerate(lines)]]
    return Built(xlsx_bytes(SheetSpec("PAR", rows)), "par_2022.xlsx", par_expect(2022, lines, {}),
                 warns=("tong diem dat duoc",))
