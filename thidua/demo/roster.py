"""Illustrative cluster rosters 2019–2024: leaders and deputies, members and awards of five clusters,
in the two shapes people keep (one row per cluster and year; one row per unit and role) and a
workbook of member and award lists.

The seed articles' facts hold exactly: miền núi biên giới phía Bắc 2022 led by Lạng Sơn with Lai
Châu deputy; Trung du và miền núi phía Bắc 2022 led by Bắc Giang with Bắc Kạn deputy; Bắc Bộ 2022
led by Quảng Ninh, which received the Ministry's flag, and 2023 by Ninh Bình; miền Trung, Tây
Nguyên's eleven members, 2020 led by Khánh Hòa (flag proposed for it, Bằng khen for Đà Nẵng, Quảng
Ngãi and Quảng Nam), 2021 by Gia Lai with Bình Định deputy; the seven advisory agencies of Lạng Sơn,
2021 led by Sở Tài chính with Sở Kế hoạch và Đầu tư deputy. Everything else (the other years'
rotation, the Bắc Bộ members, the other awards) is made up, and every sheet says so.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from thidua.demo.par import BOLD, CENTRED, ILLUSTRATIVE, ITALIC, notes, put, widths
from thidua.demo.reproducible import save_workbooks

SUBDIR = "roster"
YEARS = range(2019, 2025)
MINISTRY_FLAG = "Cờ thi đua của Bộ Nội vụ"
MINISTER_MERIT = "Bằng khen của Bộ trưởng Bộ Nội vụ"


@dataclass(frozen=True)
class Cluster:
    name: str
    members: tuple[str, ...]                   # provinces, or agencies of one province
    leadership: dict[int, tuple[str, ...]]     # year -> (leader, deputy, second deputy...)
    written: str = "{}"                        # how the wide roster spells a province's Sở Nội vụ


BORDER = Cluster(
    "Cụm thi đua Sở Nội vụ các tỉnh miền núi biên giới phía Bắc",
    ("Lai Châu", "Lạng Sơn", "Cao Bằng", "Hà Giang", "Điện Biên", "Sơn La", "Lào Cai"),
    {2019: ("Lào Cai", "Hà Giang"), 2020: ("Hà Giang", "Cao Bằng"), 2021: ("Cao Bằng", "Lạng Sơn"),
     2022: ("Lạng Sơn", "Lai Châu"), 2023: ("Lai Châu", "Điện Biên"), 2024: ("Điện Biên", "Sơn La")},
    "Sở Nội vụ tỉnh {}")
MIDLANDS = Cluster(
    "Cụm thi đua Sở Nội vụ các tỉnh Trung du và miền núi phía Bắc",
    ("Bắc Giang", "Bắc Kạn", "Phú Thọ", "Hòa Bình", "Thái Nguyên", "Yên Bái", "Tuyên Quang"),
    {2019: ("Phú Thọ", "Thái Nguyên"), 2020: ("Thái Nguyên", "Yên Bái", "Hòa Bình"), 2021: ("Yên Bái", "Bắc Giang"),
     2022: ("Bắc Giang", "Bắc Kạn"), 2023: ("Bắc Kạn", "Tuyên Quang", "Phú Thọ"), 2024: ("Tuyên Quang", "Hòa Bình")},
    "SNV {}")
NORTHERN = Cluster(  # the articles name no members: these are the Red River Delta provinces, illustrative
    "Cụm thi đua Sở Nội vụ các tỉnh, thành Bắc Bộ",
    ("Hà Nội", "Hải Phòng", "Quảng Ninh", "Hải Dương", "Hưng Yên", "Vĩnh Phúc", "Bắc Ninh", "Thái Bình", "Hà Nam",
     "Nam Định", "Ninh Bình"),
    {2019: ("Hải Phòng", "Nam Định"), 2020: ("Nam Định", "Hải Dương"), 2021: ("Hải Dương", "Quảng Ninh"),
     2022: ("Quảng Ninh", "Ninh Bình"), 2023: ("Ninh Bình", "Thái Bình"), 2024: ("Thái Bình", "Hưng Yên")})
CENTRAL = Cluster(
    "Cụm thi đua Sở Nội vụ các tỉnh, thành miền Trung, Tây Nguyên",
    ("Đà Nẵng", "Khánh Hòa", "Quảng Nam", "Quảng Ngãi", "Bình Định", "Phú Yên", "Gia Lai", "Đắk Lắk", "Đắk Nông",
     "Kon Tum", "Lâm Đồng"),
    {2019: ("Đà Nẵng", "Khánh Hòa"), 2020: ("Khánh Hòa", "Gia Lai"), 2021: ("Gia Lai", "Bình Định"),
     2022: ("Bình Định", "Lâm Đồng"), 2023: ("Lâm Đồng", "Quảng Nam"), 2024: ("Quảng Nam", "Đắk Lắk")},
    "Sở Nội vụ {}")
LANG_SON_AGENCIES = Cluster(
    "Cụm thi đua các cơ quan tham mưu tổng hợp tỉnh Lạng Sơn",
    ("Văn phòng Đoàn ĐBQH và HĐND tỉnh", "Văn phòng UBND tỉnh", "Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Sở Nội vụ",
     "Sở Tư pháp", "Sở Ngoại vụ"),
    {2019: ("Văn phòng UBND tỉnh", "Sở Tư pháp"), 2020: ("Sở Kế hoạch và Đầu tư", "Sở Tài chính"),
     2021: ("Sở Tài chính", "Sở Kế hoạch và Đầu tư"), 2022: ("Sở Tư pháp", "Sở Nội vụ"),
     2023: ("Sở Nội vụ", "Văn phòng Đoàn ĐBQH và HĐND tỉnh"), 2024: ("Văn phòng Đoàn ĐBQH và HĐND tỉnh", "Sở Ngoại vụ")})
PROVINCE_CLUSTERS = (BORDER, MIDLANDS, NORTHERN, CENTRAL)
CLUSTERS = (*PROVINCE_CLUSTERS, LANG_SON_AGENCIES)


@dataclass(frozen=True)
class Award:
    cluster: Cluster
    year: int
    unit: str
    award: str


DECIDED = (
    Award(BORDER, 2021, "Cao Bằng", MINISTRY_FLAG), Award(BORDER, 2021, "Lạng Sơn", MINISTER_MERIT),
    Award(BORDER, 2022, "Lạng Sơn", MINISTRY_FLAG), Award(BORDER, 2022, "Lai Châu", MINISTER_MERIT),
    Award(BORDER, 2022, "Sơn La", MINISTER_MERIT),
    Award(MIDLANDS, 2021, "Phú Thọ", "Bằng khen của Thủ tướng Chính phủ"),
    Award(MIDLANDS, 2022, "Bắc Giang", MINISTRY_FLAG), Award(MIDLANDS, 2022, "Bắc Kạn", MINISTER_MERIT),
    Award(NORTHERN, 2022, "Quảng Ninh", MINISTRY_FLAG), Award(NORTHERN, 2022, "Ninh Bình", MINISTER_MERIT),
    Award(NORTHERN, 2022, "Hải Phòng", MINISTER_MERIT),
    Award(CENTRAL, 2021, "Gia Lai", MINISTRY_FLAG), Award(CENTRAL, 2021, "Bình Định", MINISTER_MERIT),
    Award(LANG_SON_AGENCIES, 2021, "Sở Tài chính", "Cờ thi đua của UBND tỉnh"),
    Award(LANG_SON_AGENCIES, 2021, "Sở Kế hoạch và Đầu tư", "Bằng khen của Chủ tịch UBND tỉnh"),
    Award(LANG_SON_AGENCIES, 2021, "Sở Tư pháp", "Tập thể lao động xuất sắc"),
    Award(LANG_SON_AGENCIES, 2021, "Sở Ngoại vụ", "Tập thể lao động tiên tiến"),
)
PROPOSED = (
    Award(CENTRAL, 2020, "Khánh Hòa", MINISTRY_FLAG), Award(CENTRAL, 2020, "Đà Nẵng", MINISTER_MERIT),
    Award(CENTRAL, 2020, "Quảng Ngãi", MINISTER_MERIT), Award(CENTRAL, 2020, "Quảng Nam", MINISTER_MERIT),
)
SEED_NOTES = {(NORTHERN.name, 2023): "Bầu tại Hội nghị tổng kết năm 2022"}


# ---- writing ---------------------------------------------------------------------------------------

def title_rows(sheet: Worksheet, width: int, organiser: tuple[str, ...], title: str, subtitle: str) -> int:
    """The organiser and the national motto side by side, the title and the illustrative notice.
    Returns the first free row."""
    left = 2
    for row, line in enumerate(organiser, start=1):
        put(sheet, row, 1, line, across=left, font=BOLD, align=CENTRED)
    put(sheet, 1, left + 1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", across=width - left, font=BOLD, align=CENTRED)
    put(sheet, 2, left + 1, "Độc lập - Tự do - Hạnh phúc", across=width - left, font=BOLD, align=CENTRED)
    put(sheet, 4, 1, title, across=width, font=BOLD, align=CENTRED)
    put(sheet, 5, 1, subtitle, across=width, font=ITALIC, align=CENTRED)
    put(sheet, 6, 1, ILLUSTRATIVE, across=width, font=ITALIC, align=CENTRED)
    return 8


def header_row(sheet: Worksheet, row: int, labels: list[str]) -> None:
    for column, label in enumerate(labels, start=1):
        put(sheet, row, column, label, font=BOLD, align=CENTRED)


def wide_roster() -> Workbook:
    """One row per cluster and year: Cụm trưởng, Cụm phó and a second Cụm phó; each cluster's name
    merged down over its years; each cluster spells its units its own way."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Cum truong, Cum pho"
    labels = ["STT", "Cụm thi đua", "Năm", "Cụm trưởng", "Cụm phó", "Cụm phó (2)", "Ghi chú"]
    row = title_rows(sheet, len(labels), ("BỘ NỘI VỤ", "VĂN PHÒNG"),
                     "DANH SÁCH CỤM TRƯỞNG, CỤM PHÓ CÁC CỤM THI ĐUA SỞ NỘI VỤ GIAI ĐOẠN 2019 - 2024",
                     "(Tổng hợp từ biên bản hội nghị tổng kết của các Cụm thi đua)")
    header_row(sheet, row, labels)
    row += 1
    number = 1
    for cluster in PROVINCE_CLUSTERS:
        put(sheet, row, 2, cluster.name, down=len(YEARS), align=CENTRED)
        for year in YEARS:
            put(sheet, row, 1, number)
            put(sheet, row, 3, year)
            for column, province in enumerate(cluster.leadership[year], start=4):
                put(sheet, row, column, cluster.written.format(province))
            if (cluster.name, year) in SEED_NOTES:
                put(sheet, row, 7, SEED_NOTES[cluster.name, year])
            number, row = number + 1, row + 1
    notes(sheet, row + 1, ["Năm là năm đơn vị giữ vai trò (được bầu tại hội nghị tổng kết năm trước).",
                           ILLUSTRATIVE + "."])
    widths(sheet, 6, 44, 8, 26, 26, 22, 30)
    return workbook


def long_roster() -> Workbook:
    """One cluster (named in the title under its province's people's committee), one row per unit and
    year with its role: Cụm trưởng, Cụm phó or Thành viên; the year merged down over its units."""
    cluster = LANG_SON_AGENCIES
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Danh sach"
    labels = ["STT", "Năm", "Đơn vị", "Vai trò trong Cụm"]
    row = title_rows(sheet, len(labels), ("UBND TỈNH LẠNG SƠN", "CỤM THI ĐUA CÁC CƠ QUAN THAM MƯU TỔNG HỢP"),
                     "DANH SÁCH CỤM TRƯỞNG, CỤM PHÓ VÀ CÁC ĐƠN VỊ THÀNH VIÊN", "Giai đoạn 2019 - 2024")
    header_row(sheet, row, labels)
    row += 1
    for year in YEARS:
        leader, *deputies = cluster.leadership[year]
        roles = {leader: "Cụm trưởng", **{deputy: "Cụm phó" for deputy in deputies}}
        put(sheet, row, 2, year, down=len(cluster.members), align=CENTRED)
        for number, unit in enumerate(cluster.members, start=1):
            put(sheet, row, 1, number)
            put(sheet, row, 3, unit)
            put(sheet, row, 4, roles.get(unit, "Thành viên"))
            row += 1
    put(sheet, row + 1, 3, "TM. CỤM TRƯỞNG", font=BOLD, align=CENTRED)
    widths(sheet, 6, 8, 36, 20)
    return workbook


def members_and_awards() -> Workbook:
    """Members of the four clusters of provinces by year, a section row per cluster; the awards
    decided; and the awards one cluster proposed."""
    workbook = Workbook()
    members = workbook.active
    members.title = "Thanh vien"
    row = title_rows(members, 4, ("BỘ NỘI VỤ", "VĂN PHÒNG"),
                     "DANH SÁCH ĐƠN VỊ THÀNH VIÊN CÁC CỤM THI ĐUA SỞ NỘI VỤ", "Giai đoạn 2019 - 2024")
    header_row(members, row, ["STT", "Năm", "Đơn vị", "Ghi chú"])
    row += 1
    for section, cluster in zip(("I", "II", "III", "IV"), PROVINCE_CLUSTERS):
        put(members, row, 1, section, font=BOLD)
        put(members, row, 2, cluster.name.upper(), across=3, font=BOLD)
        row += 1
        for year in YEARS:
            put(members, row, 2, year, down=len(cluster.members), align=CENTRED)
            for number, province in enumerate(cluster.members, start=1):
                put(members, row, 1, number)
                put(members, row, 3, f"Sở Nội vụ {province}")
                row += 1
    notes(members, row + 1, ["Các bài viết không nêu thành viên Cụm các tỉnh, thành Bắc Bộ: danh sách ấy là minh họa.",
                             ILLUSTRATIVE + "."])
    widths(members, 6, 8, 30, 20)
    award_sheet(workbook.create_sheet("Khen thuong"), DECIDED, "Hình thức khen thưởng",
                "DANH SÁCH TẬP THỂ ĐƯỢC KHEN THƯỞNG CỦA CÁC CỤM THI ĐUA", "Năm 2021 - 2022")
    award_sheet(workbook.create_sheet("De nghi khen thuong"), PROPOSED, "Hình thức đề nghị khen thưởng",
                "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG CỦA CỤM THI ĐUA CÁC TỈNH, THÀNH MIỀN TRUNG, TÂY NGUYÊN",
                "(Theo kết quả Hội nghị tổng kết năm 2020)")
    return workbook


def award_sheet(sheet: Worksheet, awards: tuple[Award, ...], award_label: str, title: str, subtitle: str) -> None:
    labels = ["STT", "Cụm thi đua", "Năm", "Đơn vị", award_label]
    row = title_rows(sheet, len(labels), ("BỘ NỘI VỤ", "VĂN PHÒNG"), title, subtitle)
    header_row(sheet, row, labels)
    for number, award in enumerate(awards, start=1):
        unit = award.unit if award.cluster is LANG_SON_AGENCIES else f"Sở Nội vụ {award.unit}"
        for column, value in enumerate((number, award.cluster.name, award.year, unit, award.award), start=1):
            put(sheet, row + number, column, value)
    widths(sheet, 6, 44, 8, 30, 34)


def demo_workbooks() -> dict[str, Workbook]:
    return {
        "Cum truong, Cum pho cac Cum thi dua SNV 2019-2024.xlsx": wide_roster(),
        "Cum thi dua co quan tham muu tong hop Lang Son.xlsx": long_roster(),
        "Thanh vien va khen thuong cac Cum thi dua.xlsx": members_and_awards(),
    }


def write_files(demo_dir: Path) -> list[Path]:
    """Writes the roster demo files into demo_dir/roster and returns their paths."""
    return save_workbooks(demo_dir / SUBDIR, demo_workbooks())
