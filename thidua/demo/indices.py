"""Illustrative tables of the other provincial indices, one file per index, a sheet per year, in the
layouts their publishers use: VCCI's PCI ranking (rank first, score out of 100, the group; from 2023 only
the 30 best provinces), the PAPI report's appendix (eight dimensions 1–10, the total out of 80, the four
groups, no rank; two provinces without figures in 2023) and the DTI ranking (scores 0..1 and its three
pillars). The scores are made up with a fixed seed and every sheet says so under its title.
"""
from __future__ import annotations

import random
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from thidua.demo.par import BOLD, CENTRED, ILLUSTRATIVE, ITALIC, header, notes, put, widths
from thidua.demo.reproducible import save_workbooks
from thidua.provinces import registry

SUBDIR = "indices"
SEED = 2017
PCI_YEARS, PCI_TOP_FROM, PCI_TOP = range(2021, 2025), 2023, 30
PCI_GROUPS = ((70.0, "Rất tốt"), (67.0, "Tốt"), (64.0, "Khá"), (0.0, "Trung bình"))
PAPI_YEARS = range(2021, 2025)
PAPI_DIMENSIONS = ("Tham gia của người dân ở cơ sở", "Công khai, minh bạch", "Trách nhiệm giải trình với người dân",
                   "Kiểm soát tham nhũng trong khu vực công", "Thủ tục hành chính công", "Cung ứng dịch vụ công",
                   "Quản trị môi trường", "Quản trị điện tử")
PAPI_GROUPS = ("Nhóm cao nhất", "Nhóm trung bình cao", "Nhóm trung bình thấp", "Nhóm thấp nhất")
PAPI_WITHOUT_FIGURES = {2023: ("Bình Dương", "Hải Dương")}  # not surveyed that year (illustrative)
DTI_YEARS = range(2021, 2024)
DTI_PILLARS = ("Chính quyền số", "Kinh tế số", "Xã hội số")

Scores = dict[str, float]


def _strengths(rng: random.Random, years: range) -> dict[int, dict[str, float]]:
    """Each province's standing per year: a random walk, the same on every run."""
    strength = {p.name: rng.gauss(0, 1) for p in registry().provinces}
    by_year = {}
    for year in years:
        strength = {name: s + rng.gauss(0, 0.3) for name, s in strength.items()}
        by_year[year] = dict(strength)
    return by_year


def _spread(strength: dict[str, float], top: float, step: float) -> Scores:
    """Scores falling from top by about step a place, strictly, rounded to two decimals."""
    order = sorted(strength, key=strength.get, reverse=True)
    return {name: round(top - place * step, 2) for place, name in enumerate(order)}


def pci_scores() -> dict[int, Scores]:
    rng = random.Random(SEED)
    return {year: _spread(s, 72.5 + (year - 2021) * 0.4, 0.21) for year, s in _strengths(rng, PCI_YEARS).items()}


def papi_dimensions() -> dict[int, dict[str, list[float]]]:
    """Each province's eight dimension scores (1–10) per year; the total is their sum."""
    rng = random.Random(SEED + 1)
    by_year = {}
    for year, strength in _strengths(rng, PAPI_YEARS).items():
        by_year[year] = {name: [round(min(9.5, max(1.5, 5.6 + 0.45 * s + rng.uniform(-0.6, 0.6))), 2)
                                for _ in PAPI_DIMENSIONS]
                         for name, s in strength.items() if name not in PAPI_WITHOUT_FIGURES.get(year, ())}
    return by_year


def dti_scores() -> dict[int, Scores]:
    rng = random.Random(SEED + 2)
    return {year: _spread(s, 0.68 + (year - 2021) * 0.03, 0.004) for year, s in _strengths(rng, DTI_YEARS).items()}


def _title(sheet: Worksheet, width: int, publisher: str, title: str) -> int:
    put(sheet, 1, 1, publisher, across=width, font=BOLD, align=CENTRED)
    put(sheet, 3, 1, title, across=width, font=BOLD, align=CENTRED)
    put(sheet, 4, 1, ILLUSTRATIVE, across=width, font=ITALIC, align=CENTRED)
    return 6


def pci_workbook(scores: dict[int, Scores]) -> Workbook:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for year, by_name in scores.items():
        sheet = workbook.create_sheet(f"PCI {year}")
        top = year >= PCI_TOP_FROM
        title = (f"PCI {year}: {PCI_TOP} ĐỊA PHƯƠNG CÓ ĐIỂM SỐ CAO NHẤT" if top
                 else f"BẢNG XẾP HẠNG CHỈ SỐ NĂNG LỰC CẠNH TRANH CẤP TỈNH (PCI) NĂM {year}")
        row = _title(sheet, 4, "PHÒNG THƯƠNG MẠI VÀ CÔNG NGHIỆP VIỆT NAM (VCCI)", title)
        header(sheet, row, ["Xếp hạng", "Tỉnh, thành phố", f"Điểm PCI {year}", "Nhóm điều hành"])
        ranked = sorted(by_name, key=by_name.get, reverse=True)[:PCI_TOP if top else None]
        for place, name in enumerate(ranked, start=1):
            score = by_name[name]
            group = next(label for floor, label in PCI_GROUPS if score >= floor)
            for column, value in enumerate((place, name, score, group), start=1):
                put(sheet, row + place, column, value, number_format="0.00" if column == 3 else None)
        if top:
            notes(sheet, row + len(ranked) + 2, [f"Từ PCI {PCI_TOP_FROM}, VCCI chỉ công bố điểm số và thứ hạng của "
                                                  f"{PCI_TOP} địa phương đứng đầu.", ILLUSTRATIVE + "."])
        widths(sheet, 10, 26, 14, 16)
    return workbook


def papi_workbook(dimensions: dict[int, dict[str, list[float]]]) -> Workbook:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for year, by_name in dimensions.items():
        sheet = workbook.create_sheet(f"PAPI {year}")
        width = 4 + len(PAPI_DIMENSIONS)
        row = _title(sheet, width, "Phụ lục 1", f"CHỈ SỐ HIỆU QUẢ QUẢN TRỊ VÀ HÀNH CHÍNH CÔNG CẤP TỈNH (PAPI) {year}")
        header(sheet, row, ["TT", "Tỉnh/thành phố", *PAPI_DIMENSIONS, f"Tổng điểm PAPI {year}", "Nhóm"])
        totals = {name: round(sum(parts), 2) for name, parts in by_name.items()}
        order = sorted(totals, key=totals.get, reverse=True)
        quarter = -(-len(order) // len(PAPI_GROUPS))
        groups = {name: PAPI_GROUPS[place // quarter] for place, name in enumerate(order)}
        for number, province in enumerate(registry().provinces, start=1):
            name = province.name
            values = ([*by_name[name], totals[name], groups[name]] if name in by_name
                      else ["-"] * (len(PAPI_DIMENSIONS) + 2))
            for column, value in enumerate([number, name, *values], start=1):
                put(sheet, row + number, column, value)
        missing = PAPI_WITHOUT_FIGURES.get(year)
        lines = [f"{', '.join(missing)}: không có số liệu năm {year} do khảo sát không thực hiện được."] if missing else []
        notes(sheet, row + len(registry().provinces) + 2, [*lines, ILLUSTRATIVE + "."])
        widths(sheet, 6, 24, *[13] * len(PAPI_DIMENSIONS), 13, 20)
    return workbook


def dti_workbook(scores: dict[int, Scores]) -> Workbook:
    rng = random.Random(SEED + 3)
    workbook = Workbook()
    workbook.remove(workbook.active)
    for year, by_name in scores.items():
        sheet = workbook.create_sheet(f"DTI {year}")
        row = _title(sheet, 6, "BỘ THÔNG TIN VÀ TRUYỀN THÔNG",
                     f"KẾT QUẢ CHỈ SỐ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ CẤP TỈNH (DTI) NĂM {year}")
        header(sheet, row, ["Xếp hạng", "Tỉnh, thành phố", "Chỉ số DTI", *DTI_PILLARS])
        for place, name in enumerate(sorted(by_name, key=by_name.get, reverse=True), start=1):
            pillars = [round(min(1.0, by_name[name] + rng.uniform(-0.06, 0.06)), 4) for _ in DTI_PILLARS]
            for column, value in enumerate((place, name, by_name[name], *pillars), start=1):
                put(sheet, row + place, column, value, number_format="0.0000" if column > 2 else None)
        widths(sheet, 10, 26, 12, 14, 12, 12)
    return workbook


def demo_workbooks() -> dict[str, Workbook]:
    return {
        "VCCI - Xep hang PCI 2021-2024.xlsx": pci_workbook(pci_scores()),
        "PAPI 2021-2024 - Phu luc.xlsx": papi_workbook(papi_dimensions()),
        "Chi so DTI cap tinh 2021-2023.xlsx": dti_workbook(dti_scores()),
    }


def write_files(demo_dir: Path) -> list[Path]:
    """Writes the other indices' demo files into demo_dir/indices and returns their paths."""
    return save_workbooks(demo_dir / SUBDIR, demo_workbooks())
