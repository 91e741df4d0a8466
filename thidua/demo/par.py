"""Illustrative PAR Index tables for 2017–2024, one messy published layout per file.

The scores are made up (a random walk per province with a fixed seed) and every sheet says so in its
title block. They keep the facts the seed articles report: from 2020 to 2021 Lạng Sơn rose 13
places, Lai Châu 7, Hà Giang and Sơn La 5 each.
"""
from __future__ import annotations

import random
import unicodedata
from pathlib import Path
from typing import Callable

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from thidua.demo.reproducible import save_reproducibly
from thidua.provinces import registry, strip_diacritics

SUBDIR = "par"
YEARS = range(2017, 2025)
SEED = 2020  # any seed works whose 2020 ranking leaves room for the 2021 jumps (else ValueError)
ILLUSTRATIVE = "Số liệu minh họa, không phải số liệu chính thức"

# The mean score of each year: a slow rise, and a drop when the 2022 method made the index harder.
YEAR_MEANS = {2017: 80.0, 2018: 81.2, 2019: 82.3, 2020: 83.4, 2021: 84.6, 2022: 80.8, 2023: 82.1, 2024: 83.5}
METHOD_BREAK = 2022
SCORE_FLOOR, SCORE_CEILING = 70.0, 92.0
POINTS_PER_STRENGTH = 2.8
YEARLY_STEP = 0.35      # how far a province's strength wanders in a year
METHOD_BREAK_STEP = 0.8
LEADER, LEADER_STRENGTH, LEADER_STEP = "Quảng Ninh", 2.8, 0.15
JUMPS_2020_TO_2021 = {"Lạng Sơn": 13, "Lai Châu": 7, "Hà Giang": 5, "Sơn La": 5}

# The eight areas of the 2022 method, with their maximum points (100 in all; illustrative weights).
AREAS_2022 = {
    "Công tác chỉ đạo, điều hành CCHC": 11.5,
    "Xây dựng và tổ chức thực hiện văn bản QPPL": 6.5,
    "Cải cách thủ tục hành chính": 13.5,
    "Cải cách tổ chức bộ máy hành chính": 10.0,
    "Cải cách chế độ công vụ": 13.5,
    "Cải cách tài chính công": 8.0,
    "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số": 12.0,
    "Tác động của CCHC đến người dân, tổ chức và phát triển KT-XH": 25.0,
}

Scores = dict[str, float]  # official province name -> score in percent, two decimals


# ---- the numbers ---------------------------------------------------------------------------------

def illustrative_scores() -> dict[int, Scores]:
    """Each year's scores, strictly decreasing by rank (no ties), the same on every run."""
    rng = random.Random(SEED)
    names = [p.name for p in registry().provinces]
    strength = {name: rng.gauss(0, 1) for name in names}
    strength[LEADER] = LEADER_STRENGTH
    by_year: dict[int, Scores] = {}
    for year in YEARS:
        if year > YEARS[0]:
            step = METHOD_BREAK_STEP if year == METHOD_BREAK else YEARLY_STEP
            strength = {name: s + rng.gauss(0, LEADER_STEP if name == LEADER else step)
                        for name, s in strength.items()}
        order = sorted(names, key=strength.get, reverse=True)
        if year == 2021:
            order = with_rank_jumps(order, ranking(by_year[2020]), JUMPS_2020_TO_2021)
        by_year[year] = dict(zip(order, scores_for(year, sorted(strength.values(), reverse=True))))
    return by_year


def with_rank_jumps(order: list[str], previous: list[str], jumps: dict[str, int]) -> list[str]:
    """The order with each named province exactly `jump` places above its previous rank; the
    others keep their relative order around them."""
    targets = {previous.index(name) - jump: name for name, jump in jumps.items()}
    if len(targets) < len(jumps) or min(targets) < 0:
        raise ValueError(f"rank jumps {jumps} cannot all hold from the ranking {previous}")
    others = iter(name for name in order if name not in jumps)
    return [targets[place] if place in targets else next(others) for place in range(len(order))]


def scores_for(year: int, strengths: list[float]) -> list[float]:
    """Scores for strengths given best first: around the year's mean, inside the plausible range,
    two decimals, strictly decreasing."""
    mean = YEAR_MEANS[year]
    centre = sum(strengths) / len(strengths)
    raw = [mean + POINTS_PER_STRENGTH * (s - centre) for s in strengths]
    squeeze = min(1.0, (SCORE_CEILING - mean) / (raw[0] - mean), (mean - SCORE_FLOOR) / (mean - raw[-1]))
    scores = [round(mean + squeeze * (r - mean), 2) for r in raw]
    for place in range(1, len(scores)):
        scores[place] = min(scores[place], round(scores[place - 1] - 0.01, 2))
    return scores


def ranking(scores: Scores) -> list[str]:
    """Province names, best first."""
    return sorted(scores, key=scores.get, reverse=True)


def ranks(scores: Scores) -> dict[str, int]:
    return {name: place for place, name in enumerate(ranking(scores), start=1)}


def sipas_scores(scores: Scores, rng: random.Random) -> Scores:
    """Citizens' satisfaction, loosely following the index."""
    return {name: round(min(95.0, 70.0 + 0.35 * (score - 70.0) + rng.uniform(0, 12)), 2)
            for name, score in scores.items()}


def area_points(total: float, rng: random.Random) -> list[float]:
    """The total split over the eight 2022 areas, each within its maximum; the parts add up to it."""
    maxima = list(AREAS_2022.values())
    drawn = [m * total / 100 * rng.uniform(0.94, 1.06) for m in maxima]
    points = [round(min(m, d * total / sum(drawn)), 2) for m, d in zip(maxima, drawn)]
    roomiest = max(range(len(points)), key=lambda i: maxima[i] - points[i])
    points[roomiest] = round(points[roomiest] + total - sum(points), 2)
    return points


def mean_of(values) -> float:
    values = list(values)
    return round(sum(values) / len(values), 2)


# ---- how names are written -------------------------------------------------------------------------

CITIES = {"Hà Nội", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"}
VARIANT_SPELLINGS = {"Hồ Chí Minh": "TP. Hồ Chí Minh", "Thừa Thiên Huế": "Thừa Thiên - Huế",
                     "Đắk Lắk": "Đăk Lăk", "Đắk Nông": "Tỉnh Đăk Nông", "Bà Rịa - Vũng Tàu": "Bà Rịa – Vũng Tàu"}
OLD_TONE_PLACEMENT = {"òa": "oà", "óa": "oá", "ỏa": "oả", "õa": "oã", "ọa": "oạ",
                      "ùy": "uỳ", "úy": "uý", "ủy": "uỷ", "ũy": "uỹ", "ụy": "uỵ"}


def written_as_in_2021(name: str) -> str:
    """As a province's own office would write it: 'Tỉnh Hoà Bình', 'Thành phố Hà Nội', 'Đăk Lăk'."""
    if name in VARIANT_SPELLINGS:
        return VARIANT_SPELLINGS[name]
    for new, old in OLD_TONE_PLACEMENT.items():
        name = name.replace(new, old)
    return f"{'Thành phố' if name in CITIES else 'Tỉnh'} {name}"


def decomposed(name: str) -> str:
    return unicodedata.normalize("NFD", name)


def alphabetical(names) -> list[str]:
    return sorted(names, key=lambda name: strip_diacritics(name).lower())


# ---- writing cells ---------------------------------------------------------------------------------

BOLD = Font(bold=True)
ITALIC = Font(italic=True)
CENTRED = Alignment(horizontal="center", vertical="center", wrap_text=True)


def put(sheet: Worksheet, row: int, column: int, value, *, across: int = 1, down: int = 1,
        font: Font | None = None, align: Alignment | None = None, number_format: str | None = None) -> None:
    """One value at (row, column), 1-based, merged over `across` columns and `down` rows."""
    cell = sheet.cell(row, column, value)
    if across > 1 or down > 1:
        sheet.merge_cells(start_row=row, start_column=column, end_row=row + down - 1, end_column=column + across - 1)
    if font:
        cell.font = font
    if align:
        cell.alignment = align
    if number_format:
        cell.number_format = number_format


def title_block(sheet: Worksheet, width: int, title: str, decision: str) -> int:
    """Ministry and national motto side by side, the title, the decision it came with and the
    illustrative notice. Returns the first free row."""
    left = 2
    put(sheet, 1, 1, "BỘ NỘI VỤ", across=left, font=BOLD, align=CENTRED)
    put(sheet, 1, left + 1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", across=width - left, font=BOLD, align=CENTRED)
    put(sheet, 2, left + 1, "Độc lập - Tự do - Hạnh phúc", across=width - left, font=BOLD, align=CENTRED)
    put(sheet, 4, 1, title, across=width, font=BOLD, align=CENTRED)
    put(sheet, 5, 1, decision, across=width, font=ITALIC, align=CENTRED)
    put(sheet, 6, 1, ILLUSTRATIVE, across=width, font=ITALIC, align=CENTRED)
    return 7


def header(sheet: Worksheet, row: int, labels: list[str], first_column: int = 1) -> None:
    for column, label in enumerate(labels, start=first_column):
        put(sheet, row, column, label, font=BOLD, align=CENTRED)


def column_numbers(sheet: Worksheet, row: int, count: int) -> None:
    for column in range(1, count + 1):
        put(sheet, row, column, f"({column})", font=ITALIC, align=CENTRED)


def notes(sheet: Worksheet, row: int, lines: list[str]) -> None:
    put(sheet, row, 2, "Ghi chú:", font=ITALIC)
    for offset, line in enumerate(lines, start=1):
        put(sheet, row + offset, 2, f"- {line}", font=ITALIC)


def widths(sheet: Worksheet, *column_widths: float) -> None:
    for column, width in enumerate(column_widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width


# ---- one layout per file ---------------------------------------------------------------------------

def layout_2017(scores: Scores) -> Workbook:
    """One year as the ministry publishes it: title block, header at row 7, column numbers, ranked
    rows, the average and notes below."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "PAR INDEX 2017"
    row = title_block(sheet, 4, "CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2017 CỦA UBND CÁC TỈNH, "
                                "THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG",
                      "(Kèm theo Quyết định số 126/QĐ-BNV ngày 12/4/2018 của Bộ trưởng Bộ Nội vụ)")
    header(sheet, row, ["TT", "Tỉnh, thành phố", "Chỉ số (%)", "Xếp hạng"])
    column_numbers(sheet, row + 1, 4)
    row += 2
    for place, name in enumerate(ranking(scores), start=1):
        put(sheet, row, 1, place)
        put(sheet, row, 2, name)
        put(sheet, row, 3, scores[name], number_format="0.00")
        put(sheet, row, 4, place)
        row += 1
    put(sheet, row, 2, "Chỉ số trung bình", font=BOLD)
    put(sheet, row, 3, mean_of(scores.values()), font=BOLD, number_format="0.00")
    notes(sheet, row + 2, ["Chỉ số được tính theo thang điểm 100, làm tròn đến hai chữ số thập phân.",
                           ILLUSTRATIVE + "."])
    put(sheet, row + 6, 3, "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG", across=2, font=BOLD, align=CENTRED)
    widths(sheet, 6, 26, 12, 10)
    return workbook


def layout_2018_2019(first: Scores, second: Scores) -> Workbook:
    """Two years side by side under merged 'Năm 2018' / 'Năm 2019' headers, provinces in the
    registry's order, with a column of places gained."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "2018-2019"
    row = title_block(sheet, 7, "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2018 VÀ NĂM 2019 "
                                "CỦA CÁC TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG",
                      "(Tổng hợp từ các Quyết định công bố Chỉ số CCHC năm 2018 và năm 2019 của Bộ Nội vụ)")
    put(sheet, row, 1, "STT", down=2, font=BOLD, align=CENTRED)
    put(sheet, row, 2, "Tỉnh, thành phố", down=2, font=BOLD, align=CENTRED)
    put(sheet, row, 3, "Năm 2018", across=2, font=BOLD, align=CENTRED)
    put(sheet, row, 5, "Năm 2019", across=2, font=BOLD, align=CENTRED)
    put(sheet, row, 7, "Tăng (+), giảm (-) bậc", down=2, font=BOLD, align=CENTRED)
    header(sheet, row + 1, ["Chỉ số (%)", "Xếp hạng"] * 2, first_column=3)
    column_numbers(sheet, row + 2, 7)
    row += 3
    first_ranks, second_ranks = ranks(first), ranks(second)
    for number, province in enumerate(registry().provinces, start=1):
        name = province.name
        change = first_ranks[name] - second_ranks[name]
        values = [number, name, first[name], first_ranks[name], second[name], second_ranks[name],
                  f"{change:+d}" if change else "0"]
        for column, value in enumerate(values, start=1):
            put(sheet, row, column, value, number_format="0.00" if column in (3, 5) else None)
        row += 1
    put(sheet, row, 2, "Chỉ số trung bình", font=BOLD)
    put(sheet, row, 3, mean_of(first.values()), font=BOLD, number_format="0.00")
    put(sheet, row, 5, mean_of(second.values()), font=BOLD, number_format="0.00")
    notes(sheet, row + 2, ["Cột (7): số bậc tăng (+) hoặc giảm (-) của năm 2019 so với năm 2018.",
                           ILLUSTRATIVE + "."])
    widths(sheet, 6, 26, 11, 9, 11, 9, 12)
    return workbook


def layout_2020(scores: Scores, sipas: Scores) -> Workbook:
    """Percent cells (0.8712 shown as 87,12%) beside the SIPAS index, ranked rows."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Chi so 2020"
    row = title_block(sheet, 5, "CHỈ SỐ CẢI CÁCH HÀNH CHÍNH (PAR INDEX) VÀ CHỈ SỐ HÀI LÒNG (SIPAS) NĂM 2020",
                      "(Kèm theo Quyết định số 245/QĐ-BNV ngày 19/5/2021 của Bộ trưởng Bộ Nội vụ)")
    header(sheet, row, ["STT", "Tỉnh/thành phố", "Chỉ số CCHC năm 2020", "Xếp hạng", "Chỉ số SIPAS năm 2020"])
    row += 1
    for place, name in enumerate(ranking(scores), start=1):
        put(sheet, row, 1, place)
        put(sheet, row, 2, name)
        put(sheet, row, 3, round(scores[name] / 100, 4), number_format="0.00%")
        put(sheet, row, 4, place)
        put(sheet, row, 5, round(sipas[name] / 100, 4), number_format="0.00%")
        row += 1
    put(sheet, row, 2, "Chỉ số trung bình", font=BOLD)
    put(sheet, row, 3, round(mean_of(scores.values()) / 100, 4), font=BOLD, number_format="0.00%")
    put(sheet, row, 5, round(mean_of(sipas.values()) / 100, 4), font=BOLD, number_format="0.00%")
    notes(sheet, row + 2, [ILLUSTRATIVE + "."])
    widths(sheet, 6, 26, 14, 10, 14)
    return workbook


def layout_2021(scores: Scores) -> Workbook:
    """Scores typed as text with a decimal comma ('85,42') and names as provinces write them."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Sheet1"
    row = title_block(sheet, 4, "BẢNG XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2021",
                      "(Kèm theo Quyết định số 300/QĐ-BNV ngày 25/5/2022 của Bộ trưởng Bộ Nội vụ)")
    header(sheet, row, ["TT", "Tỉnh, thành phố", "Chỉ số CCHC năm 2021 (%)", "Xếp hạng"])
    column_numbers(sheet, row + 1, 4)
    row += 2
    for place, name in enumerate(ranking(scores), start=1):
        put(sheet, row, 1, place)
        put(sheet, row, 2, written_as_in_2021(name))
        put(sheet, row, 3, f"{scores[name]:.2f}".replace(".", ","), align=Alignment(horizontal="right"))
        put(sheet, row, 4, place)
        row += 1
    put(sheet, row, 2, "Chỉ số trung bình", font=BOLD)
    put(sheet, row, 3, f"{mean_of(scores.values()):.2f}".replace(".", ","), font=BOLD)
    notes(sheet, row + 2, [ILLUSTRATIVE + "."])
    widths(sheet, 6, 26, 14, 10)
    return workbook


def layout_2022(scores: Scores, areas: dict[str, list[float]]) -> Workbook:
    """The eight areas of the 2022 method in points and the index in percent, no rank column,
    provinces in the registry's order."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "PAR 2022"
    width = 3 + len(AREAS_2022)
    row = title_block(sheet, width, "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2022 THEO LĨNH VỰC",
                      "(Kèm theo Quyết định số 325/QĐ-BNV ngày 29/5/2023 của Bộ trưởng Bộ Nội vụ)")
    put(sheet, row, 1, "TT", down=2, font=BOLD, align=CENTRED)
    put(sheet, row, 2, "Tỉnh, thành phố", down=2, font=BOLD, align=CENTRED)
    put(sheet, row, 3, "Điểm đạt được theo lĩnh vực (điểm)", across=len(AREAS_2022), font=BOLD, align=CENTRED)
    put(sheet, row, width, "Chỉ số CCHC năm 2022 (%)", down=2, font=BOLD, align=CENTRED)
    header(sheet, row + 1, list(AREAS_2022), first_column=3)
    column_numbers(sheet, row + 2, width)
    row += 3
    for number, province in enumerate(registry().provinces, start=1):
        put(sheet, row, 1, number)
        put(sheet, row, 2, province.name)
        for column, points in enumerate(areas[province.name], start=3):
            put(sheet, row, column, points, number_format="0.00")
        put(sheet, row, width, scores[province.name], number_format="0.00")
        row += 1
    put(sheet, row, 2, "Chỉ số trung bình", font=BOLD)
    for column in range(len(AREAS_2022)):
        put(sheet, row, 3 + column, mean_of(parts[column] for parts in areas.values()), font=BOLD, number_format="0.00")
    put(sheet, row, width, mean_of(scores.values()), font=BOLD, number_format="0.00")
    maxima = "; ".join(f"({column}) {str(m).replace('.', ',')}"
                       for column, m in enumerate(AREAS_2022.values(), start=3))
    notes(sheet, row + 2, [f"Điểm tối đa của các lĩnh vực: {maxima} điểm; tổng 100 điểm.",
                           "Chỉ số CCHC bằng tổng điểm đạt được của 8 lĩnh vực.", ILLUSTRATIVE + "."])
    widths(sheet, 6, 24, *[14] * len(AREAS_2022), 14)
    return workbook


def layout_2023_2024(first: Scores, second: Scores) -> Workbook:
    """A sheet per year, provinces in alphabetical order; the 2024 sheet has a one-line title and
    names in decomposed Unicode (NFD)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Năm 2023"
    row = title_block(sheet, 4, "CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023 CỦA CÁC TỈNH, THÀNH PHỐ",
                      "(Kèm theo Quyết định số 411/QĐ-BNV ngày 20/5/2024 của Bộ trưởng Bộ Nội vụ)")
    header(sheet, row, ["TT", "Tỉnh, thành phố", "Chỉ số CCHC (%)", "Xếp hạng"])
    alphabetical_rows(sheet, row + 1, first, str)
    widths(sheet, 6, 26, 14, 10)

    sheet = workbook.create_sheet("Năm 2024")
    put(sheet, 1, 1, "CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024 (xếp theo tên tỉnh, thành phố)", across=4, font=BOLD)
    put(sheet, 2, 1, ILLUSTRATIVE, across=4, font=ITALIC)
    header(sheet, 4, ["STT", "Tỉnh, thành phố", "Chỉ số (%)", "Xếp hạng"])
    alphabetical_rows(sheet, 5, second, decomposed)
    widths(sheet, 6, 26, 14, 10)
    return workbook


def alphabetical_rows(sheet: Worksheet, row: int, scores: Scores, spelled: Callable[[str], str]) -> None:
    places = ranks(scores)
    for number, name in enumerate(alphabetical(scores), start=1):
        put(sheet, row, 1, number)
        put(sheet, row, 2, spelled(name))
        put(sheet, row, 3, scores[name], number_format="0.00")
        put(sheet, row, 4, places[name])
        row += 1


def demo_workbooks() -> dict[str, Workbook]:
    """Every illustrative PAR file by name."""
    scores = illustrative_scores()
    rng = random.Random(SEED + 1)
    sipas = sipas_scores(scores[2020], rng)
    areas = {province.name: area_points(scores[2022][province.name], rng) for province in registry().provinces}
    return {
        "PAR_Index_2017.xlsx": layout_2017(scores[2017]),
        "Chi so CCHC 2018-2019.xlsx": layout_2018_2019(scores[2018], scores[2019]),
        "PAR INDEX 2020 - SIPAS.xlsx": layout_2020(scores[2020], sipas),
        "chi_so_cai_cach_hanh_chinh_2021.xlsx": layout_2021(scores[2021]),
        "Bao cao Chi so CCHC 2022 (8 linh vuc).xlsx": layout_2022(scores[2022], areas),
        "PAR Index 2023 va 2024.xlsx": layout_2023_2024(scores[2023], scores[2024]),
    }


def write_files(demo_dir: Path) -> list[Path]:
    """Writes the PAR demo files into demo_dir/par and returns their paths."""
    target = demo_dir / SUBDIR
    target.mkdir(parents=True, exist_ok=True)
    paths = []
    for file_name, workbook in demo_workbooks().items():
        path = target / file_name
        path.write_bytes(save_reproducibly(workbook))
        paths.append(path)
    return paths
