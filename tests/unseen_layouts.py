"""Workbooks in layouts unlike the other fixtures, within the variety real clusters and the Ministry
use (title blocks with date lines, three-row headers, two rows per unit, unusual header words, region
averages, CSV from Vietnamese Excel...), each with the figures it must yield known by construction.
tests/test_unseen_layouts.py reads each through thidua.ingest.read_upload and judges the outcome.

Classes: a = correct figures; b = refused precisely (file/sheet/cell named, true reason);
c = refused imprecisely or for a wrong reason; d = accepted with wrong figures / identity;
e = crash (exception other than Refused).
"""
from __future__ import annotations

import io
import math
import traceback
import unicodedata
from dataclasses import dataclass, field
from typing import Callable

from openpyxl import Workbook

from thidua.ingest import read_upload
from thidua.provinces import registry
from thidua.readers.problems import Refused
from thidua.readers.units import cluster_key

# ---------------------------------------------------------------- building workbooks


@dataclass(frozen=True)
class Pct:
    """A fraction in a percent-formatted cell (0.9104 shown as 91,04%)."""
    value: float


@dataclass
class S:
    name: str
    rows: list[list[object]]
    merged: list[str] = field(default_factory=list)
    hidden_columns: list[str] = field(default_factory=list)


def xlsx(*sheets: S) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for spec in sheets:
        ws = workbook.create_sheet(spec.name)
        for r, row in enumerate(spec.rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is None:
                    continue
                cell = ws.cell(r, c)
                if isinstance(value, Pct):
                    cell.value, cell.number_format = value.value, "0.00%"
                else:
                    cell.value = value
        for area in spec.merged:
            ws.merge_cells(area)
        for letter in spec.hidden_columns:
            ws.column_dimensions[letter].hidden = True
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def csv_bytes(rows: list[list[object]], delimiter: str = ",") -> bytes:
    import csv
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows([["" if v is None else v for v in row] for row in rows])
    return out.getvalue().encode("utf-8")


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def comma(number: float) -> str:
    return f"{number:g}".replace(".", ",")


def snv(province: str) -> str:
    return f"Sở Nội vụ {province}"


MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
FREEDOM = "Độc lập - Tự do - Hạnh phúc"
NORTH = "CỤM THI ĐUA SỞ NỘI VỤ CÁC TỈNH MIỀN NÚI BIÊN GIỚI PHÍA BẮC"
NORTH_NAME = "Cụm thi đua Sở Nội vụ các tỉnh miền núi biên giới phía Bắc"
MIDLAND = "CỤM THI ĐUA SỞ NỘI VỤ CÁC TỈNH TRUNG DU VÀ MIỀN NÚI PHÍA BẮC"
MIDLAND_NAME = "Cụm thi đua Sở Nội vụ các tỉnh Trung du và miền núi phía Bắc"
CENTRAL = "CỤM THI ĐUA CÁC TỈNH, THÀNH MIỀN TRUNG, TÂY NGUYÊN"
CENTRAL_NAME = "Cụm thi đua các tỉnh, thành miền Trung, Tây Nguyên"
FLAG = "Cờ thi đua của Bộ Nội vụ"
MERIT = "Bằng khen của Bộ trưởng Bộ Nội vụ"

# ---------------------------------------------------------------- expectations


@dataclass
class U:
    total: float
    rank: int | None = None
    province: str | None = None
    self_total: float | None = None
    bonus: float | None = None
    penalty: float | None = None
    award: str | None = None


@dataclass
class ScoringExpect:
    cluster: str
    year: int
    units: dict[str, U]
    period: str = "year"
    criteria: dict[tuple[str, str], float] = field(default_factory=dict)  # (unit, key) -> cluster score
    keys_unique: bool = True
    criteria_keys: set[str] | None = None  # every unit's criterion keys exactly (None: not checked)


@dataclass
class ParExpect:
    scores: dict[tuple[int, str], tuple[float, int]]  # (year, registry name) -> (score, rank)
    components: dict[tuple[int, str, str], float] | None = None  # None: not checked; {}: none expected


@dataclass
class RefusalExpect:
    """A refusal is the right outcome; precise when a problem names this sheet and cell (None: not required)."""
    why: str
    sheet: str | None = None
    cell: str | None = None


@dataclass
class Built:
    data: bytes
    file_name: str
    expect: ScoringExpect | ParExpect | RefusalExpect
    options: dict = field(default_factory=dict)


CASES: dict[str, tuple[str, Callable[[], Built]]] = {}


def case(idea: str):
    def register(builder: Callable[[], Built]):
        CASES[builder.__name__] = (idea, builder)
        return builder
    return register


# ================================================================ scoring: summary sheets


@case("three-row merged header: groups (I./II. with maxima) over children over Tự chấm/Thẩm định pairs, "
      "bonus, penalty, total pair, column-number row, signatures")
def s01_three_row_header_with_self_and_appraised_pairs() -> Built:
    rows = [
        ["SỞ NỘI VỤ TỈNH LẠNG SƠN", None, None, None, None, None, None, None, MOTTO],
        [NORTH, None, None, None, None, None, None, None, FREEDOM],
        ["BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2022"],
        ["TT", "Đơn vị", "Kết quả chấm điểm", None, None, None, "Điểm thưởng", "Điểm trừ", "Tổng điểm", None, "Xếp hạng"],
        [None, None, "I. Công tác tổ chức (40 điểm)", None, "II. Cải cách hành chính (60 điểm)", None, None, None, None, None, None],
        [None, None, "Tự chấm", "Điểm thẩm định", "Tự chấm", "Điểm thẩm định", None, None, "Tự chấm", "Thẩm định", None],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)", "(11)"],
        [1, "Lạng Sơn", 40, 38, 58, 55, 2, 1, 100, 94, 1],
        [2, "Cao Bằng", 39, 36, 57, 54, 1, None, 97, 91, 2],
        [3, "Hà Giang", 38, 35, 55, 52, None, 2, 93, 85, 3],
        [],
        [None, "NGƯỜI LẬP BIỂU", None, None, None, None, None, "TM. CỤM TRƯỞNG"],
    ]
    merged = ["A4:A6", "B4:B6", "C4:F4", "C5:D5", "E5:F5", "G4:G6", "H4:H6", "I4:J5", "K4:K6"]
    return Built(xlsx(S("Tong hop", rows, merged)), "tong_hop.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(94, 1, "Lạng Sơn", self_total=100, bonus=2, penalty=1),
        snv("Cao Bằng"): U(91, 2, "Cao Bằng", self_total=97, bonus=1, penalty=0),
        snv("Hà Giang"): U(85, 3, "Hà Giang", self_total=93, bonus=0, penalty=2)},
        criteria={(snv("Cao Bằng"), "I"): 36, (snv("Hà Giang"), "II"): 52}))


@case("date line in the motto block with blanks ('ngày ... tháng ... năm 2023') above a title naming 2022")
def s02_blank_date_line_above_title() -> Built:
    rows = [
        ["SỞ NỘI VỤ TỈNH LẠNG SƠN", None, None, None, MOTTO],
        [None, None, None, None, FREEDOM],
        [None, None, None, None, "Lạng Sơn, ngày      tháng      năm 2023"],
        [NORTH],
        ["BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2022"],
        ["STT", "Đơn vị", "Tiêu chí 1", "Tiêu chí 2", "Tổng điểm", "Xếp hạng"],
        [1, "Lạng Sơn", 50, 45, 95, 1], [2, "Lai Châu", 48, 44, 92, 2], [3, "Sơn La", 45, 40, 85, 3]]
    return Built(xlsx(S("TH", rows)), "bang_diem.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(95, 1, "Lạng Sơn"), snv("Lai Châu"): U(92, 2, "Lai Châu"), snv("Sơn La"): U(85, 3, "Sơn La")}))


@case("the same with the template's dotted blanks 'ngày …. tháng …. năm 2023'")
def s03_dotted_date_line_above_title() -> Built:
    built = s02_blank_date_line_above_title()
    rows = [
        ["CỤM THI ĐUA SNV CÁC TỈNH MIỀN NÚI BIÊN GIỚI PHÍA BẮC", None, None, None, MOTTO],
        [None, None, None, None, FREEDOM],
        [None, None, None, None, "Điện Biên, ngày …. tháng …. năm 2023"],
        ["BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2022"],
        ["STT", "Đơn vị", "Tiêu chí 1", "Tiêu chí 2", "Tổng điểm", "Xếp hạng"],
        [1, "Lạng Sơn", 50, 45, 95, 1], [2, "Lai Châu", 48, 44, 92, 2], [3, "Sơn La", 45, 40, 85, 3]]
    built.data, built.expect.cluster = xlsx(S("TH", rows)), "Cụm thi đua SNV các tỉnh miền núi biên giới phía Bắc"
    return built


@case("two rows per unit (Tự chấm row, Cụm chấm row) with the unit name merged down over both")
def s04_two_rows_per_unit() -> Built:
    rows = [[NORTH], ["KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Đơn vị", "Nội dung", "Tiêu chí 1 (50 điểm)", "Tiêu chí 2 (50 điểm)", "Tổng điểm"],
            [1, "Lạng Sơn", "Tự chấm", 50, 49, 99], [None, None, "Cụm chấm", 47, 45, 92],
            [2, "Cao Bằng", "Tự chấm", 49, 48, 97], [None, None, "Cụm chấm", 48, 46, 94],
            [3, "Lào Cai", "Tự chấm", 45, 45, 90], [None, None, "Cụm chấm", 44, 43, 87]]
    merged = ["A4:A5", "B4:B5", "A6:A7", "B6:B7", "A8:A9", "B8:B9"]
    return Built(xlsx(S("Tong hop", rows, merged)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(92, 2, "Lạng Sơn", self_total=99), snv("Cao Bằng"): U(94, 1, "Cao Bằng", self_total=97),
        snv("Lào Cai"): U(87, 3, "Lào Cai", self_total=90)}))


@case("bonus and penalty headed 'Số điểm được cộng' / 'Số điểm bị trừ', with a Tổng điểm column")
def s05_bonus_headed_so_diem_duoc_cong() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Đơn vị", "Tiêu chí 1", "Tiêu chí 2", "Số điểm được cộng", "Số điểm bị trừ", "Tổng điểm", "Xếp hạng"],
            [1, "Lạng Sơn", 50, 40, 3, 1, 92, 1], [2, "Cao Bằng", 48, 40, 2, None, 90, 2],
            [3, "Điện Biên", 45, 38, None, 2, 81, 3]]
    return Built(xlsx(S("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(92, 1, "Lạng Sơn", bonus=3, penalty=1), snv("Cao Bằng"): U(90, 2, "Cao Bằng", bonus=2, penalty=0),
        snv("Điện Biên"): U(81, 3, "Điện Biên", bonus=0, penalty=2)}, criteria_keys={"1", "2"}))


@case("the same without a total column: the total is criteria + bonus - penalty")
def s06_bonus_headed_so_diem_duoc_cong_no_total() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Đơn vị", "Tiêu chí 1", "Tiêu chí 2", "Số điểm được cộng", "Số điểm bị trừ", "Xếp hạng"],
            [1, "Lạng Sơn", 50, 40, 3, 1, 1], [2, "Cao Bằng", 48, 40, 2, None, 2], [3, "Điện Biên", 45, 38, None, 2, 3]]
    return Built(xlsx(S("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(92, 1, "Lạng Sơn", bonus=3, penalty=1), snv("Cao Bằng"): U(90, 2, "Cao Bằng", bonus=2, penalty=0),
        snv("Điện Biên"): U(81, 3, "Điện Biên", bonus=0, penalty=2)}))


@case("rank column headed 'Vị thứ' (a usual word for rank) beside Tổng điểm")
def s07_rank_headed_vi_thu() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Đơn vị", "Tiêu chí 1", "Tiêu chí 2", "Tổng điểm", "Vị thứ"],
            [1, "Lạng Sơn", 50, 40, 90, 2], [2, "Cao Bằng", 50, 42, 92, 1], [3, "Điện Biên", 45, 38, 83, 3]]
    return Built(xlsx(S("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(90, 2, "Lạng Sơn"), snv("Cao Bằng"): U(92, 1, "Cao Bằng"), snv("Điện Biên"): U(83, 3, "Điện Biên")},
        criteria={(snv("Lạng Sơn"), "1"): 50, (snv("Lạng Sơn"), "2"): 40}, criteria_keys={"1", "2"}))


@case("a numeric 'Mã đơn vị' column (codes 101, 102...) between the unit and the criteria")
def s08_unit_code_column() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Mã đơn vị", "Đơn vị", "Tiêu chí 1", "Tiêu chí 2", "Tổng điểm", "Xếp hạng"],
            [1, 101, "Lạng Sơn", 50, 40, 90, 2], [2, 102, "Cao Bằng", 50, 42, 92, 1], [3, 103, "Điện Biên", 45, 38, 83, 3]]
    return Built(xlsx(S("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(90, 2, "Lạng Sơn"), snv("Cao Bằng"): U(92, 1, "Cao Bằng"), snv("Điện Biên"): U(83, 3, "Điện Biên")},
        criteria_keys={"1", "2"}))


@case("unit names with the role in brackets: 'Sở Nội vụ tỉnh Lạng Sơn (Cụm trưởng)', '... - Cụm phó'")
def s09_unit_name_with_role() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Đơn vị", "Tổng điểm", "Xếp hạng"],
            [1, "Sở Nội vụ tỉnh Lạng Sơn (Cụm trưởng)", 98, 1], [2, "Sở Nội vụ tỉnh Lai Châu - Cụm phó", 96, 2],
            [3, "Sở Nội vụ tỉnh Cao Bằng", 90, 3]]
    return Built(xlsx(S("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(98, 1, "Lạng Sơn"), snv("Lai Châu"): U(96, 2, "Lai Châu"), snv("Cao Bằng"): U(90, 3, "Cao Bằng")}))


@case("unit spellings: NFD text, 'SNV. Lạng Sơn', 'SỞ NỘI VỤ TỈNH HÀ GIANG', 'Sở NV Lào Cai', line break inside")
def s10_unit_spellings() -> Built:
    rows = [[nfd(NORTH)], [nfd("BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022")],
            ["TT", "Tên đơn vị", "Điểm thẩm định", "Xếp hạng"],
            [1, nfd("Sở Nội vụ tỉnh Điện Biên"), 97, 1], [2, "SNV. Lạng Sơn", 95, 2], [3, "SỞ NỘI VỤ TỈNH HÀ GIANG", 93, 3],
            [4, "Sở NV Lào Cai", 91, 4], [5, "Sở Nội vụ\ntỉnh Sơn La", 89, 5]]
    return Built(xlsx(S("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Điện Biên"): U(97, 1, "Điện Biên"), snv("Lạng Sơn"): U(95, 2, "Lạng Sơn"), snv("Hà Giang"): U(93, 3, "Hà Giang"),
        snv("Lào Cai"): U(91, 4, "Lào Cai"), snv("Sơn La"): U(89, 5, "Sơn La")}))


@case("central cluster: 'Sở Nội vụ TP. Đà Nẵng', 'Đăk Lăk', 'Thừa Thiên - Huế' style names, 'Kontum'")
def s11_central_cluster_spellings() -> Built:
    rows = [[CENTRAL], ["KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2020"],
            ["STT", "Đơn vị", "Tổng điểm", "Xếp hạng", "Đề nghị khen thưởng"],
            [1, "Sở Nội vụ tỉnh Khánh Hoà", 98, 1, FLAG], [2, "Sở Nội vụ TP. Đà Nẵng", 97, 2, MERIT],
            [3, "SNV Quảng Ngãi", 96, 3, MERIT], [4, "SNV Đăk Lăk", 94, 4, None], [5, "Sở Nội vụ Kontum", 93, 5, None],
            [6, "Sở Nội vụ tỉnh Đắk Nông", 92, 6, None]]
    return Built(xlsx(S("TH", rows)), "th.xlsx", ScoringExpect(CENTRAL_NAME, 2020, {
        snv("Khánh Hòa"): U(98, 1, "Khánh Hòa", award=FLAG), snv("Đà Nẵng"): U(97, 2, "Đà Nẵng", award=MERIT),
        snv("Quảng Ngãi"): U(96, 3, "Quảng Ngãi", award=MERIT), snv("Đắk Lắk"): U(94, 4, "Đắk Lắk"),
        snv("Kon Tum"): U(93, 5, "Kon Tum"), snv("Đắk Nông"): U(92, 6, "Đắk Nông")}))


@case("numbers as text: '7,5', '05 điểm', '10đ', ' 8.25 ', penalty '(2)', percent-formatted ratio column ignored")
def s12_numbers_as_text_and_ratio_column() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2023"],
            ["STT", "Đơn vị", "Tiêu chí 1", "Tiêu chí 2", "Tiêu chí 3", "Điểm trừ", "Tổng điểm", "Tỷ lệ (%)", "Xếp hạng"],
            [1, "Lạng Sơn", "7,5", "05 điểm", "10đ", "(2)", "20,5", Pct(0.82), 1],
            [2, "Sơn La", " 8.25 ", 4, "9,5 điểm", None, "21,75", Pct(0.87), None]]
    return Built(xlsx(S("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2023, {
        snv("Lạng Sơn"): U(20.5, 1, "Lạng Sơn", penalty=2), snv("Sơn La"): U(21.75, None, "Sơn La", penalty=0)},
        criteria={(snv("Lạng Sơn"), "2"): 5, (snv("Sơn La"), "3"): 9.5}, criteria_keys={"1", "2", "3"}))


@case("a TỔNG CỘNG row then a 'Bình quân' row then notes mentioning a province and a number")
def s13_total_average_and_note_rows() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Đơn vị", "Tiêu chí 1", "Tiêu chí 2", "Tổng điểm", "Xếp hạng", "Ghi chú"],
            [1, "Lạng Sơn", 50, 40, 90, 1], [2, "Cao Bằng", 48, 40, 88, 2], [3, "Lai Châu", 45, 40, 85, 3],
            [None, "TỔNG CỘNG", 143, 120, 263], [None, "Bình quân", 47.67, 40, 87.67],
            [],
            ["Ghi chú:"], [None, "Sở Nội vụ tỉnh Hà Giang xin rút khỏi bình xét", None, None, None, None],
            [None, "Điện Biên nộp chậm, trừ", None, None, 1]]
    return Built(xlsx(S("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(90, 1, "Lạng Sơn"), snv("Cao Bằng"): U(88, 2, "Cao Bằng"), snv("Lai Châu"): U(85, 3, "Lai Châu")}))


@case("year only in the file name, cluster only in the title, no 'năm' anywhere in the sheet")
def s14_year_only_in_file_name() -> Built:
    rows = [[MIDLAND], ["BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA"],
            ["STT", "Đơn vị", "Tiêu chí 1", "Tiêu chí 2", "Tổng điểm"],
            [1, "Bắc Giang", 50, 45, 95], [2, "Bắc Kạn", 49, 44, 93], [3, "Phú Thọ", 48, 44, 92]]
    return Built(xlsx(S("Sheet1", rows)), "TongHop_CumTrungDu_2022.xlsx", ScoringExpect(MIDLAND_NAME, 2022, {
        snv("Bắc Giang"): U(95, 1, "Bắc Giang"), snv("Bắc Kạn"): U(93, 2, "Bắc Kạn"), snv("Phú Thọ"): U(92, 3, "Phú Thọ")}))


@case("cluster only in the file name (no diacritics), year in the title")
def s15_cluster_only_in_file_name() -> Built:
    rows = [["BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2021"],
            ["STT", "Đơn vị", "Tiêu chí 1", "Tiêu chí 2", "Tổng điểm"],
            [1, "Gia Lai", 50, 45, 95], [2, "Bình Định", 49, 44, 93], [3, "Phú Yên", 48, 44, 92]]
    name = "Cụm thi đua các tỉnh thành mien Trung Tay Nguyen"
    return Built(xlsx(S("Sheet1", rows)), "Cum thi dua cac tinh thanh mien Trung Tay Nguyen.xlsx",
                 ScoringExpect(name, 2021, {snv("Gia Lai"): U(95, 1, "Gia Lai"), snv("Bình Định"): U(93, 2, "Bình Định"),
                                            snv("Phú Yên"): U(92, 3, "Phú Yên")}))


@case("a mid-year review: 'SƠ KẾT 6 THÁNG ĐẦU NĂM 2022' in the title")
def s16_mid_year_title() -> Built:
    rows = [[MIDLAND], ["KẾT QUẢ CHẤM ĐIỂM THI ĐUA SƠ KẾT 6 THÁNG ĐẦU NĂM 2022"],
            ["STT", "Đơn vị", "Tổng điểm", "Xếp hạng"], [1, "Bắc Giang", 48, 1], [2, "Tuyên Quang", 47, 2]]
    return Built(xlsx(S("TH", rows)), "th.xlsx", ScoringExpect(MIDLAND_NAME, 2022, {
        snv("Bắc Giang"): U(48, 1, "Bắc Giang"), snv("Tuyên Quang"): U(47, 2, "Tuyên Quang")}, period="mid"))


@case("year-end sheet whose columns are 'Điểm sơ kết 6 tháng (30%)', 'Điểm tổng kết năm (70%)', weighted total")
def s17_weighted_mid_and_year_columns() -> Built:
    rows = [[MIDLAND], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Đơn vị", "Điểm sơ kết 6 tháng (30%)", "Điểm tổng kết năm (70%)", "Tổng điểm", "Xếp hạng"],
            [1, "Bắc Giang", 90, 100, 97, 1], [2, "Yên Bái", 80, 90, 87, 2], [3, "Hòa Bình", 70, 80, 77, 3]]
    return Built(xlsx(S("TH", rows)), "th.xlsx", ScoringExpect(MIDLAND_NAME, 2022, {
        snv("Bắc Giang"): U(97, 1, "Bắc Giang"), snv("Yên Bái"): U(87, 2, "Yên Bái"), snv("Hòa Bình"): U(77, 3, "Hòa Bình")}))


@case("four-level header: 'Điểm chấm theo tiêu chí' / I., II. (maxima) / 1., 2. children / column numbers; "
      "group subtotal columns 'Cộng I', 'Cộng II'")
def s18_group_and_child_columns_with_subtotals() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Đơn vị", "Điểm chấm theo tiêu chí", None, None, None, None, None, "Tổng điểm", "Xếp hạng"],
            [None, None, "I. Công tác tổ chức (40đ)", None, None, "II. Cải cách hành chính (60đ)", None, None, None, None],
            [None, None, "1. Bộ máy (20đ)", "2. Biên chế (20đ)", "Cộng", "1. PAR Index (30đ)", "2. Chuyển đổi số (30đ)", "Cộng", None, None],
            ["A", "B", 1, 2, 3, 4, 5, 6, "7=3+6", 8],
            [1, "Lạng Sơn", 19, 18, 37, 28, 27, 55, 92, 1], [2, "Cao Bằng", 18, 18, 36, 27, 26, 53, 89, 2]]
    merged = ["A3:A5", "B3:B5", "C3:H3", "C4:E4", "F4:H4", "I3:I5", "J3:J5"]
    return Built(xlsx(S("TH", rows, merged)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(92, 1, "Lạng Sơn"), snv("Cao Bằng"): U(89, 2, "Cao Bằng")},
        criteria={(snv("Lạng Sơn"), "I/1"): 19, (snv("Lạng Sơn"), "II/2"): 27, (snv("Cao Bằng"), "I"): 36}))


@case("an empty unlabelled column and a hidden helper column ('Tổng tự chấm' hidden) between the scores")
def s19_empty_and_hidden_columns() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Đơn vị", None, "Tiêu chí 1", "Tiêu chí 2", None, "Tổng tự chấm", "Tổng điểm", "Xếp hạng"],
            [1, "Lạng Sơn", None, 50, 40, None, 95, 90, 1], [2, "Cao Bằng", None, 48, 40, None, 90, 88, 2]]
    return Built(xlsx(S("TH", rows, hidden_columns=["C", "F", "G"])), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(90, 1, "Lạng Sơn", self_total=95), snv("Cao Bằng"): U(88, 2, "Cao Bằng", self_total=90)}))


@case("the table starts in column C, row 8 (empty columns A:B), header 'TT'/'Đơn vị được chấm'")
def s20_table_offset_to_column_c() -> Built:
    pad = [None, None]
    rows = [[], [*pad, NORTH], [], [*pad, "BẢNG ĐIỂM THI ĐUA NĂM 2022"], [], [], [],
            [*pad, "TT", "Đơn vị được chấm", "Điểm Cụm chấm", "Xếp hạng"],
            [*pad, 1, "Lai Châu", 96.5, 1], [*pad, 2, "Sơn La", 95, 2]]
    return Built(xlsx(S("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lai Châu"): U(96.5, 1, "Lai Châu"), snv("Sơn La"): U(95, 2, "Sơn La")}))


@case("two years side by side in a scoring summary: 'Năm 2021' / 'Năm 2022' each over Tổng điểm and Xếp hạng")
def s21_two_years_side_by_side() -> Built:
    rows = [[NORTH], ["BẢNG SO SÁNH KẾT QUẢ THI ĐUA NĂM 2022 VỚI NĂM 2021"],
            ["STT", "Đơn vị", "Năm 2021", None, "Năm 2022", None],
            [None, None, "Tổng điểm", "Xếp hạng", "Tổng điểm", "Xếp hạng"],
            [1, "Lạng Sơn", 90, 2, 95, 1], [2, "Cao Bằng", 92, 1, 93, 2]]
    merged = ["A3:A4", "B3:B4", "C3:D3", "E3:F3"]
    return Built(xlsx(S("TH", rows, merged)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(95, 1, "Lạng Sơn"), snv("Cao Bằng"): U(93, 2, "Cao Bằng")}))


@case("provincial cluster 'CỤM THI ĐUA SỐ 3' under 'UBND TỈNH BẮC GIANG' with agencies as members")
def s22_numbered_provincial_cluster() -> Built:
    rows = [["UBND TỈNH BẮC GIANG", None, None, MOTTO], ["CỤM THI ĐUA SỐ 3", None, None, FREEDOM],
            ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Cơ quan", "Tổng điểm", "Xếp hạng"],
            [1, "Sở Tài chính", 98, 1], [2, "Sở Kế hoạch và Đầu tư", 97, 2], [3, "Sở Tư pháp", 95, 3],
            [4, "Văn phòng UBND tỉnh", 94, 4]]
    return Built(xlsx(S("TH", rows)), "th.xlsx", ScoringExpect("Cụm thi đua số 3 tỉnh Bắc Giang", 2022, {
        "Sở Tài chính": U(98, 1), "Sở Kế hoạch và Đầu tư": U(97, 2), "Sở Tư pháp": U(95, 3), "Văn phòng UBND tỉnh": U(94, 4)}))


@case("Lạng Sơn agencies cluster whose members include 'Sở Nội vụ' and 'Văn phòng Đoàn ĐBQH và HĐND tỉnh'")
def s23_agencies_cluster_with_sở_nội_vụ() -> Built:
    rows = [["UBND TỈNH LẠNG SƠN"], ["CỤM THI ĐUA CÁC CƠ QUAN THAM MƯU TỔNG HỢP"], ["KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2021"],
            ["TT", "Tên cơ quan, đơn vị", "Điểm tự chấm", "Điểm Cụm chấm", "Xếp hạng", "Đề nghị khen thưởng"],
            [1, "Sở Tài chính", 99, 97, 1, "Cờ thi đua của UBND tỉnh"], [2, "Sở Kế hoạch và Đầu tư", 98, 96, 2, None],
            [3, "Sở Nội vụ", 97, 95, 3, None], [4, "Văn phòng Đoàn ĐBQH và HĐND tỉnh", 96, 94, 4, None]]
    return Built(xlsx(S("TH", rows)), "th.xlsx", ScoringExpect(
        "Cụm thi đua các cơ quan tham mưu tổng hợp tỉnh Lạng Sơn", 2021, {
            "Sở Tài chính": U(97, 1, self_total=99, award="Cờ thi đua của UBND tỉnh"),
            "Sở Kế hoạch và Đầu tư": U(96, 2, self_total=98), "Sở Nội vụ": U(95, 3, self_total=97),
            "Văn phòng Đoàn ĐBQH và HĐND tỉnh": U(94, 4, self_total=96)}))


@case("summary as a semicolon CSV with title rows and decimal commas")
def s24_summary_csv() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Đơn vị", "Tiêu chí 1", "Tiêu chí 2", "Điểm thưởng", "Điểm trừ", "Tổng điểm", "Xếp hạng"],
            [1, "Lạng Sơn", "49,5", "40", "2", "-1", "90,5", 1], [2, "Cao Bằng", "48", "39,5", "", "", "87,5", 2]]
    return Built(csv_bytes(rows, ";"), "tong_hop.csv", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(90.5, 1, "Lạng Sơn", bonus=2, penalty=1), snv("Cao Bằng"): U(87.5, 2, "Cao Bằng")}))


@case("bonus/penalty columns coded 'IV. Điểm thưởng', 'V. Điểm trừ (ghi số âm)', total '(I+II+III+IV-V)'")
def s25_coded_bonus_penalty_columns() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Đơn vị", "I. Tổ chức (30đ)", "II. CCHC (40đ)", "III. TĐKT (30đ)", "IV. Điểm thưởng",
             "V. Điểm trừ (ghi số âm)", "Tổng cộng (I+II+III+IV-V)", "Xếp hạng"],
            [1, "Lạng Sơn", 29, 39, 29, 2, -1, 98, 1], [2, "Hà Giang", 28, 38, 29, None, -2, 93, 2]]
    return Built(xlsx(S("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(98, 1, "Lạng Sơn", bonus=2, penalty=1), snv("Hà Giang"): U(93, 2, "Hà Giang", bonus=0, penalty=2)},
        criteria={(snv("Lạng Sơn"), "III"): 29}, criteria_keys={"I", "II", "III"}))


@case("summary with a 'Thang điểm' maxima row under the header and 'Kết quả' as the total")
def s26_thang_diem_row_and_ket_qua_total() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["TT", "Đơn vị", "Tiêu chí 1", "Tiêu chí 2", "Tiêu chí 3", "Kết quả", "Xếp hạng"],
            [None, "Thang điểm", 30, 30, 40, 100, None],
            [1, "Lạng Sơn", 30, 29, 39, 98, 1], [2, "Điện Biên", 28, 28, 38, 94, 2]]
    return Built(xlsx(S("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(98, 1, "Lạng Sơn"), snv("Điện Biên"): U(94, 2, "Điện Biên")},
        criteria={(snv("Lạng Sơn"), "3"): 39}, criteria_keys={"1", "2", "3"}))


@case("a unit's row with all criteria empty (did not report) and a total of 0: empty cells are zero")
def s27_unit_with_empty_row() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Đơn vị", "Tiêu chí 1", "Tiêu chí 2", "Tổng điểm", "Xếp hạng", "Ghi chú"],
            [1, "Lạng Sơn", 50, 40, 90, 1, None], [2, "Cao Bằng", 48, 40, 88, 2, None],
            [3, "Hà Giang", None, None, None, 3, "Không gửi báo cáo"]]
    return Built(xlsx(S("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(90, 1, "Lạng Sơn"), snv("Cao Bằng"): U(88, 2, "Cao Bằng"), snv("Hà Giang"): U(0, 3, "Hà Giang")}))


@case("formula cells written by a program without cached values (Tổng điểm =SUM)")
def s28_formulas_without_values() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Đơn vị", "Tiêu chí 1", "Tiêu chí 2", "Tổng điểm"],
            [1, "Lạng Sơn", 50, 40, "=C4+D4"], [2, "Cao Bằng", 48, 40, "=C5+D5"]]
    return Built(xlsx(S("TH", rows)), "th.xlsx", RefusalExpect("formulas without computed values", "TH", "E4"))


@case("two summary sheets (sơ kết 6 tháng and tổng kết năm) in one workbook")
def s29_two_summaries() -> Built:
    def sheet(name, title, a, b):
        return S(name, [[NORTH], [title], ["STT", "Đơn vị", "Tổng điểm"], [1, "Lạng Sơn", a], [2, "Cao Bằng", b]])
    return Built(xlsx(sheet("So ket 6 thang", "SƠ KẾT 6 THÁNG NĂM 2022", 48, 47),
                      sheet("Tong ket nam", "TỔNG KẾT NĂM 2022", 95, 93)), "th.xlsx",
                 RefusalExpect("two summary tables for two periods", None, None))


@case("the s18 layout with its column-number row typed all as text ('A','B','1',...,'7=3+6','8')")
def s18b_group_columns_column_numbers_as_text() -> Built:
    built = s18_group_and_child_columns_with_subtotals()
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Đơn vị", "Điểm chấm theo tiêu chí", None, None, None, None, None, "Tổng điểm", "Xếp hạng"],
            [None, None, "I. Công tác tổ chức (40đ)", None, None, "II. Cải cách hành chính (60đ)", None, None, None, None],
            [None, None, "1. Bộ máy (20đ)", "2. Biên chế (20đ)", "Cộng", "1. PAR Index (30đ)", "2. Chuyển đổi số (30đ)", "Cộng", None, None],
            ["A", "B", "1", "2", "3", "4", "5", "6", "7=3+6", "8"],
            [1, "Lạng Sơn", 19, 18, 37, 28, 27, 55, 92, 1], [2, "Cao Bằng", 18, 18, 36, 27, 26, 53, 89, 2]]
    built.data = xlsx(S("TH", rows, ["A3:A5", "B3:B5", "C3:H3", "C4:E4", "F4:H4", "I3:I5", "J3:J5"]))
    return built


@case("summary of a cluster that scores 'Công tác CCHC' as a criterion, header without tự chấm/thưởng/trừ words")
def s30_cchc_criterion_in_a_summary() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Tỉnh", "Công tác tổ chức bộ máy", "Công tác CCHC", "Công tác TĐKT", "Tổng điểm", "Xếp hạng"],
            [1, "Lạng Sơn", 30, 38, 29, 97, 1], [2, "Cao Bằng", 29, 37, 28, 94, 2], [3, "Lai Châu", 28, 36, 28, 92, 3],
            [4, "Điện Biên", 27, 35, 27, 89, 4], [5, "Sơn La", 26, 34, 27, 87, 5]]
    return Built(xlsx(S("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv(p): U(t, r, p) for p, t, r in (("Lạng Sơn", 97, 1), ("Cao Bằng", 94, 2), ("Lai Châu", 92, 3),
                                            ("Điện Biên", 89, 4), ("Sơn La", 87, 5))}))


@case("unit name merged across two columns (B:C), criteria from D")
def s31_unit_name_merged_across() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Đơn vị", None, "Tiêu chí 1", "Tiêu chí 2", "Tổng điểm", "Xếp hạng"],
            [1, "Sở Nội vụ tỉnh Lạng Sơn", None, 50, 40, 90, 1], [2, "Sở Nội vụ tỉnh Cao Bằng", None, 48, 40, 88, 2]]
    merged = ["B3:C3", "B4:C4", "B5:C5"]
    return Built(xlsx(S("TH", rows, merged)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(90, 1, "Lạng Sơn"), snv("Cao Bằng"): U(88, 2, "Cao Bằng")}, criteria_keys={"1", "2"}))


@case("a cluster of Sở Tài chính of provinces, members written as bare province names")
def s32_other_sector_cluster_bare_names() -> Built:
    rows = [["CỤM THI ĐUA SỞ TÀI CHÍNH CÁC TỈNH MIỀN NÚI PHÍA BẮC"], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Đơn vị", "Tổng điểm", "Xếp hạng"], [1, "Lạng Sơn", 96, 1], [2, "Cao Bằng", 95, 2], [3, "Hà Giang", 93, 3]]
    return Built(xlsx(S("TH", rows)), "th.xlsx", ScoringExpect("Cụm thi đua Sở Tài chính các tỉnh miền núi phía Bắc", 2022, {
        "Sở Tài chính Lạng Sơn": U(96, 1, "Lạng Sơn"), "Sở Tài chính Cao Bằng": U(95, 2, "Cao Bằng"),
        "Sở Tài chính Hà Giang": U(93, 3, "Hà Giang")}))


@case("penalty written negative in 'Điểm trừ', bonus in 'Điểm cộng', total right of them, ranks 'Nhất/Nhì/Ba'")
def s33_negative_penalty_and_word_ranks() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Đơn vị", "Điểm các tiêu chí", "Điểm cộng", "Điểm trừ", "Tổng điểm", "Xếp hạng"],
            [1, "Lạng Sơn", 95, 2, "-1,5", "95,5", "Nhất"], [2, "Cao Bằng", 94, None, -0.5, 93.5, "Nhì"],
            [3, "Sơn La", 90, 1, None, 91, "Ba"]]
    return Built(xlsx(S("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(95.5, 1, "Lạng Sơn", bonus=2, penalty=1.5), snv("Cao Bằng"): U(93.5, 2, "Cao Bằng", penalty=0.5),
        snv("Sơn La"): U(91, 3, "Sơn La", bonus=1, penalty=0)}))


@case("last year's total for comparison right of this year's total and rank: 'Điểm năm 2021'")
def s34_last_year_column_right_of_total() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Đơn vị", "Tiêu chí 1", "Tiêu chí 2", "Tổng điểm", "Xếp hạng", "Điểm năm 2021"],
            [1, "Lạng Sơn", 50, 45, 95, 1, 90], [2, "Cao Bằng", 49, 44, 93, 2, 94], [3, "Sơn La", 45, 40, 85, 3, 80]]
    return Built(xlsx(S("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(95, 1, "Lạng Sơn"), snv("Cao Bằng"): U(93, 2, "Cao Bằng"), snv("Sơn La"): U(85, 3, "Sơn La")}))


# ================================================================ scoring: detail sheets


def detail_header() -> list[list[object]]:
    return [["TT", "Nội dung tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Điểm Cụm chấm"]]


@case("detail: codes 'I.', '1.', '1.1.', '1.1.1', 'a)' in the code column, group rows without subtotals, TỔNG CỘNG")
def d01_deep_codes_with_dots() -> Built:
    rows = [[NORTH], ["BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022"], ["Đơn vị: Sở Nội vụ tỉnh Lai Châu"], *detail_header(),
            ["I.", "CÔNG TÁC TỔ CHỨC BỘ MÁY", 30, None, None],
            ["1.", "Sắp xếp tổ chức", 20, None, None],
            ["1.1.", "Ban hành kế hoạch", 10, None, None],
            ["1.1.1", "Kế hoạch năm", 5, 5, 4],
            ["1.1.2", "Kế hoạch giai đoạn", 5, 5, 5],
            ["1.2.", "Tổ chức thực hiện", 10, 9, 8],
            ["2.", "Biên chế", 10, None, None],
            ["a)", "Giao biên chế", 5, 5, 5], ["b)", "Tinh giản", 5, 4, 3],
            ["II.", "CẢI CÁCH HÀNH CHÍNH", 70, 65, 60],
            [None, "TỔNG CỘNG", 100, 93, 85]]
    return Built(xlsx(S("Lai Chau", rows)), "chi_tiet.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lai Châu"): U(85, 1, "Lai Châu", self_total=93)},
        criteria={(snv("Lai Châu"), "I/1/1.1/1.1.1"): 4, (snv("Lai Châu"), "I/1/1.1"): 9, (snv("Lai Châu"), "I/2/b"): 3,
                  (snv("Lai Châu"), "I"): 25}))


@case("detail: codes inside the text ('1.1. Ban hành kế hoạch', 'a. ...', 'II- ...') and no code column")
def d02_codes_inside_text() -> Built:
    rows = [[NORTH], ["BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022 CỦA SỞ NỘI VỤ TỈNH SƠN LA"],
            ["Nội dung", "Thang điểm", "Tự chấm", "Thẩm định"],
            ["I. CÔNG TÁC TỔ CHỨC (40 điểm)", 40, 38, 36],
            ["1. Tổ chức bộ máy", 20, 19, 18],
            ["1.1. Ban hành kế hoạch", 10, 10, 9], ["1.2. Triển khai", 10, 9, 9],
            ["2. Biên chế", 20, 19, 18],
            ["a. Giao biên chế", 10, 10, 9], ["b. Tinh giản", 10, 9, 9],
            ["II- CẢI CÁCH HÀNH CHÍNH", 60, 55, 52],
            ["Tổng cộng", 100, 93, 88]]
    return Built(xlsx(S("Sheet1", rows)), "cham_diem.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Sơn La"): U(88, 1, "Sơn La", self_total=93)},
        criteria={(snv("Sơn La"), "I/1/1.1"): 9, (snv("Sơn La"), "I/2/a"): 9, (snv("Sơn La"), "II"): 52}))


@case("detail: codes typed as numbers in the code column (1, 1.1, 1.2, 2, 2.1) as Excel stores them")
def d03_numeric_codes() -> Built:
    rows = [[NORTH], ["BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022"], ["Đơn vị: SNV Cao Bằng"], *detail_header(),
            [1, "Tổ chức", 40, None, None], [1.1, "Kế hoạch", 20, 20, 18], [1.2, "Thực hiện", 20, 19, 19],
            [2, "CCHC", 60, None, None], [2.1, "PAR", 30, 28, 27], [2.2, "Số hóa", 30, 29, 28]]
    return Built(xlsx(S("Sheet1", rows)), "chi_tiet.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Cao Bằng"): U(92, 1, "Cao Bằng", self_total=96)},
        criteria={(snv("Cao Bằng"), "1/1.1"): 18, (snv("Cao Bằng"), "2"): 55}))


@case("detail: '1.10' typed as a number becomes 1.1 beside a real 1.1 (ten sub-criteria)")
def d04_code_1_10_as_number() -> Built:
    leaves = [[round(1 + k / 10, 2) if k < 10 else 1.1, f"Yêu cầu {k}", 2, 2, 1] for k in range(1, 11)]
    rows = [[NORTH], ["BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022"], ["Đơn vị: SNV Cao Bằng"], *detail_header(),
            [1, "Tổ chức", 20, None, None], *leaves]
    return Built(xlsx(S("Sheet1", rows)), "chi_tiet.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Cao Bằng"): U(10, 1, "Cao Bằng", self_total=20)}))


@case("detail: bonus group 'III. ĐIỂM THƯỞNG' with maxima 'Tối đa 5 điểm' in text, penalty group "
      "'IV. ĐIỂM TRỪ' with positive numbers and a negative group subtotal")
def d05_bonus_penalty_groups() -> Built:
    rows = [[NORTH], ["BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022"], ["Đơn vị: Sở Nội vụ tỉnh Điện Biên"], *detail_header(),
            ["I", "Công tác chuyên môn", 100, 95, 90],
            ["II", "ĐIỂM THƯỞNG", "Tối đa 5 điểm", 3, 3],
            [1, "Sáng kiến", "2 điểm", 2, 2], [2, "Được khen thưởng", "Tối đa 3 điểm", 1, 1],
            ["III", "ĐIỂM TRỪ", None, None, -3],
            [1, "Chậm báo cáo", None, None, 1], [2, "Sai sót", None, None, 2],
            [None, "TỔNG SỐ ĐIỂM (I+II-III)", None, 98, 90]]
    return Built(xlsx(S("Sheet1", rows)), "chi_tiet.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Điện Biên"): U(90, 1, "Điện Biên", self_total=98, bonus=3, penalty=3)},
        criteria={(snv("Điện Biên"), "III/2"): 2}))


@case("detail: the TỔNG CỘNG row placed first, right under the header (before the criteria)")
def d06_total_row_first() -> Built:
    rows = [[NORTH], ["BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022"], ["Đơn vị: Sở Nội vụ tỉnh Hà Giang"], *detail_header(),
            [None, "TỔNG CỘNG", 100, 90, 86],
            ["I", "Tổ chức", 50, 45, 43], ["II", "CCHC", 50, 45, 43]]
    return Built(xlsx(S("Sheet1", rows)), "chi_tiet.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Hà Giang"): U(86, 1, "Hà Giang", self_total=90)}))


@case("details only: per-unit sheets named without diacritics, each with the cluster leader's letterhead "
      "'SỞ NỘI VỤ TỈNH LẠNG SƠN' top left")
def d07_leader_letterhead_on_each_sheet() -> Built:
    def sheet(name, own, cluster):
        rows = [["SỞ NỘI VỤ TỈNH LẠNG SƠN", None, None, MOTTO], [NORTH, None, None, FREEDOM],
                ["BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022"], *detail_header(),
                ["I", "Tổ chức", 50, own[0], cluster[0]], ["II", "CCHC", 50, own[1], cluster[1]]]
        return S(name, rows)
    return Built(xlsx(sheet("Cao Bang", (48, 47), (46, 45)), sheet("Dien Bien", (49, 48), (47, 46)),
                      sheet("Lang Son", (50, 49), (48, 48))), "chi_tiet.xlsx", ScoringExpect(NORTH_NAME, 2022, {
                          snv("Cao Bằng"): U(91, 3, "Cao Bằng", self_total=95),
                          snv("Điện Biên"): U(93, 2, "Điện Biên", self_total=97),
                          snv("Lạng Sơn"): U(96, 1, "Lạng Sơn", self_total=99)}))


@case("one unit's file named after it, with the cluster leader's letterhead atop (its own data is Cao Bằng)")
def d08_single_sheet_leader_letterhead() -> Built:
    rows = [["SỞ NỘI VỤ TỈNH LẠNG SƠN", None, None, MOTTO], [NORTH, None, None, FREEDOM],
            ["BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022"], *detail_header(),
            ["I", "Tổ chức", 50, 48, 46], ["II", "CCHC", 50, 47, 45]]
    return Built(xlsx(S("Cao Bang", rows)), "Cao_Bang_2022.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Cao Bằng"): U(91, 1, "Cao Bằng", self_total=95)}))


@case("detail: unit line 'Đơn vị tự chấm điểm: Sở Nội vụ tỉnh Yên Bái' on a sheet called 'Sheet1'")
def d09_unit_label_variant() -> Built:
    rows = [[MIDLAND], ["BẢNG TỰ CHẤM ĐIỂM THI ĐUA NĂM 2022"], ["Đơn vị tự chấm điểm: Sở Nội vụ tỉnh Yên Bái"],
            *detail_header(), ["I", "Tổ chức", 50, 48, 46], ["II", "CCHC", 50, 47, 45]]
    return Built(xlsx(S("Sheet1", rows)), "bang_cham_diem.xlsx", ScoringExpect(MIDLAND_NAME, 2022, {
        snv("Yên Bái"): U(91, 1, "Yên Bái", self_total=95)}))


@case("workbook: a criteria template sheet 'Bieu mau' (TT, Nội dung, Điểm tối đa only) plus per-unit detail sheets")
def d10_template_sheet_beside_details() -> Built:
    template = S("Bieu mau", [[NORTH], ["TIÊU CHÍ CHẤM ĐIỂM THI ĐUA NĂM 2022"],
                              ["TT", "Nội dung tiêu chí", "Điểm tối đa"], ["I", "Tổ chức", 50], ["II", "CCHC", 50]])

    def sheet(name, own, cluster):
        return S(name, [[NORTH], ["BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022"], *detail_header(),
                        ["I", "Tổ chức", 50, own[0], cluster[0]], ["II", "CCHC", 50, own[1], cluster[1]]])
    return Built(xlsx(template, sheet("Lai Chau", (48, 47), (46, 45)), sheet("Son La", (49, 48), (47, 46))),
                 "chi_tiet.xlsx", ScoringExpect(NORTH_NAME, 2022, {
                     snv("Lai Châu"): U(91, 2, "Lai Châu", self_total=95), snv("Sơn La"): U(93, 1, "Sơn La", self_total=97)}))


@case("summary sheet plus per-unit detail sheets that disagree with it: summary totals count, details give criteria")
def d11_summary_and_disagreeing_details() -> Built:
    summary = S("Tong hop", [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
                             ["STT", "Đơn vị", "Tổng điểm", "Xếp hạng", "Đề nghị khen thưởng"],
                             [1, "Lạng Sơn", 95, 1, FLAG], [2, "Cao Bằng", 92, 2, MERIT]])

    def sheet(name, cluster):
        return S(name, [[NORTH], ["BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022"], *detail_header(),
                        ["I", "Tổ chức", 50, 50, cluster[0]], ["II", "CCHC", 50, 50, cluster[1]]])
    return Built(xlsx(summary, sheet("Lang Son", (48, 46)), sheet("Cao Bang", (46, 45))), "th.xlsx",
                 ScoringExpect(NORTH_NAME, 2022, {snv("Lạng Sơn"): U(95, 1, "Lạng Sơn", award=FLAG),
                                                  snv("Cao Bằng"): U(92, 2, "Cao Bằng", award=MERIT)},
                               criteria={(snv("Lạng Sơn"), "I"): 48, (snv("Cao Bằng"), "II"): 45}))


@case("detail: header 'Điểm tự đánh giá' / 'Điểm thẩm định của Cụm' / 'Tài liệu kiểm chứng' (text) / 'Ghi chú'")
def d12_detail_header_variants() -> Built:
    rows = [[NORTH], ["PHIẾU CHẤM ĐIỂM THI ĐUA NĂM 2022"], ["Tên đơn vị: Sở Nội vụ tỉnh Lào Cai"],
            ["STT", "Tiêu chí", "Điểm chuẩn", "Điểm tự đánh giá", "Điểm thẩm định của Cụm", "Tài liệu kiểm chứng", "Ghi chú"],
            ["I", "Tổ chức", 50, 48, 45, "Báo cáo số 12/BC-SNV", None],
            ["II", "CCHC", 50, 47, 46, "Quyết định 35/QĐ-UBND", "Thiếu 01 báo cáo"]]
    return Built(xlsx(S("Sheet1", rows)), "phieu.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lào Cai"): U(91, 1, "Lào Cai", self_total=95)}))


@case("detail: cluster column 'Kết quả' only (no self score), empty leaf = 0, group row stating a subtotal")
def d13_detail_ket_qua_only() -> Built:
    rows = [[NORTH], ["BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022"], ["Đơn vị: Sở Nội vụ tỉnh Hà Giang"],
            ["TT", "Nội dung", "Điểm chuẩn", "Kết quả"],
            ["I", "Tổ chức", 40, 30], [1, "Kế hoạch", 20, 18], [2, "Thực hiện", 20, None],
            ["II", "CCHC", 60, 55]]
    # group I states 30 but its leaves give 18 + 0: leaves win (reader's documented rule) -> 18 + 55
    return Built(xlsx(S("Sheet1", rows)), "chi_tiet.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Hà Giang"): U(73, 1, "Hà Giang")}, criteria={(snv("Hà Giang"), "I/2"): 0}))


@case("detail: a penalty column 'Điểm trừ' beside the cluster score (explains it, not added again)")
def d14_detail_penalty_column() -> Built:
    rows = [[NORTH], ["BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022"], ["Đơn vị: Sở Nội vụ tỉnh Hà Giang"],
            ["TT", "Nội dung", "Điểm tối đa", "Tự chấm", "Điểm trừ", "Cụm chấm"],
            ["I", "Tổ chức", 50, 50, 2, 48], ["II", "CCHC", 50, 49, 1, 48]]
    return Built(xlsx(S("Ha Giang", rows)), "chi_tiet.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Hà Giang"): U(96, 1, "Hà Giang", self_total=99)}))


@case("details: sheets named 'TT Hue', 'TP HCM', 'Ba Ria-Vung Tau', 'Dak Lak'")
def d15_sheet_names_abbreviated() -> Built:
    def sheet(name, a, b):
        return S(name, [["CỤM THI ĐUA SỞ NỘI VỤ CÁC TỈNH, THÀNH PHỐ"], ["BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022"], *detail_header(),
                        ["I", "Tổ chức", 50, 50, a], ["II", "CCHC", 50, 50, b]])
    name = "Cụm thi đua Sở Nội vụ các tỉnh, thành phố"
    return Built(xlsx(sheet("TT Hue", 48, 47), sheet("TP HCM", 49, 47), sheet("Ba Ria-Vung Tau", 45, 45),
                      sheet("Dak Lak", 44, 44)), "chi_tiet.xlsx", ScoringExpect(name, 2022, {
                          snv("Thừa Thiên Huế"): U(95, 2, "Thừa Thiên Huế"), snv("Hồ Chí Minh"): U(96, 1, "Hồ Chí Minh"),
                          snv("Bà Rịa - Vũng Tàu"): U(90, 3, "Bà Rịa - Vũng Tàu"), snv("Đắk Lắk"): U(88, 4, "Đắk Lắk")}))


@case("detail: a descriptive line under a criterion ('Yêu cầu: ...' with no numbers) and a '-' bullet leaf")
def d16_descriptions_and_dash_bullets() -> Built:
    rows = [[NORTH], ["BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022"], ["Đơn vị: Sở Nội vụ tỉnh Cao Bằng"], *detail_header(),
            ["I", "Tổ chức", 50, None, None],
            [None, "Yêu cầu: ban hành đúng hạn, đủ nội dung", None, None, None],
            [None, "- Ban hành kế hoạch", 25, 25, 24], [None, "- Tổ chức thực hiện", 25, 24, 23],
            ["II", "CCHC", 50, 48, 47]]
    return Built(xlsx(S("Sheet1", rows)), "chi_tiet.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Cao Bằng"): U(94, 1, "Cao Bằng", self_total=97)}))


@case("detail for the mid-year with the period only in the sheet name 'So ket 6 thang'")
def d17_period_in_sheet_name() -> Built:
    rows = [[NORTH], ["BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022"], ["Đơn vị: Sở Nội vụ tỉnh Cao Bằng"], *detail_header(),
            ["I", "Tổ chức", 50, 48, 47], ["II", "CCHC", 50, 47, 46]]
    return Built(xlsx(S("So ket 6 thang", rows)), "chi_tiet.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Cao Bằng"): U(93, 1, "Cao Bằng", self_total=95)}, period="mid"))


# ================================================================ PAR Index tables


def names63() -> list[str]:
    return [p.name for p in registry().provinces]


def seats34() -> list[str]:
    return [p.name for p in registry().provinces if p.seat_of_new]


def par_scores(names: list[str], top: float = 92.5, step: float = 0.37) -> list[tuple[str, float, int]]:
    return [(n, round(top - i * step, 2), i + 1) for i, n in enumerate(names)]


def par_expect(year: int, lines, components=None) -> ParExpect:
    return ParExpect({(year, registry().resolve(n).name): (s, r) for n, s, r in lines}, components)


@case("PAR: three years side by side under merged 'Năm 2021/2022/2023', each with Chỉ số, Xếp hạng and "
      "'Tăng/giảm bậc', average row, notes")
def p01_three_years_side_by_side() -> Built:
    names = names63()
    years = {2021: par_scores(names, 90.0, 0.2), 2022: par_scores(list(reversed(names)), 91.0, 0.21),
             2023: par_scores(names[1:] + names[:1], 92.0, 0.22)}
    by_name = {y: {n: (s, r) for n, s, r in lines} for y, lines in years.items()}
    header = [["TT", "Tỉnh, thành phố", "Năm 2021", None, "Năm 2022", None, None, "Năm 2023", None, None],
              [None, None, "Chỉ số (%)", "Xếp hạng", "Chỉ số (%)", "Xếp hạng", "Tăng (+)/giảm (-) bậc",
               "Chỉ số (%)", "Xếp hạng", "Tăng (+)/giảm (-) bậc"]]
    body = []
    for i, n in enumerate(names):
        a, b, c = by_name[2021][n], by_name[2022][n], by_name[2023][n]
        body.append([i + 1, n, a[0], a[1], b[0], b[1], a[1] - b[1], c[0], c[1], b[1] - c[1]])
    rows = [["BỘ NỘI VỤ"], ["CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CÁC NĂM 2021-2023"], *header, *body,
            [None, "Chỉ số trung bình", 84.1, None, 85.2, None, None, 86.0], [],
            ["Ghi chú: Tăng/giảm bậc so với năm trước."]]
    merged = ["A3:A4", "B3:B4", "C3:D3", "E3:G3", "H3:J3"]
    return Built(xlsx(S("PAR", rows, merged)), "par_2021_2023.xlsx", ParExpect(
        {(y, n): v for y, m in by_name.items() for n, v in m.items()}, components={}))


@case("PAR: region groups with a 'Trung bình vùng' row after each region")
def p02_regions_with_region_averages() -> Built:
    provinces = registry().provinces
    regions: dict[str, list[str]] = {}
    for p in provinces:
        regions.setdefault(p.region, []).append(p.name)
    lines = {n: (s, r) for n, s, r in par_scores(names63())}
    rows = [["CHỈ SỐ CCHC NĂM 2022 THEO VÙNG"], ["TT", "Tỉnh, thành phố", "Chỉ số (%)", "Xếp hạng"]]
    for region, names in regions.items():
        rows.append([None, f"Vùng {region}", None, None])
        rows += [[None, n, *lines[n]] for n in names]
        rows.append([None, "Trung bình vùng", round(sum(lines[n][0] for n in names) / len(names), 2), None])
    return Built(xlsx(S("Sheet1", rows)), "par.xlsx", par_expect(2022, par_scores(names63()), {}))


@case("PAR: 8 component columns under 'Chỉ số thành phần', then 'Chỉ số CCHC (%)' and 'Xếp hạng'")
def p03_component_columns() -> Built:
    parts = ["Công tác chỉ đạo, điều hành", "Xây dựng thể chế", "Cải cách TTHC", "Cải cách tổ chức bộ máy",
             "Công chức, viên chức", "Tài chính công", "Chính phủ số", "Tác động của CCHC"]
    lines = par_scores(names63())
    rows = [["CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023"],
            ["TT", "Tỉnh, thành phố", "Chỉ số thành phần", *[None] * 7, "Chỉ số CCHC (%)", "Xếp hạng"],
            [None, None, *parts, None, None]]
    comps = {}
    for i, (n, s, r) in enumerate(lines):
        values = [round(s / 8 - 0.1 * k, 2) for k in range(8)]
        rows.append([i + 1, n, *values, s, r])
        comps.update({(2023, n, parts[k]): values[k] for k in range(8)})
    merged = ["A2:A3", "B2:B3", "C2:J2", "K2:K3", "L2:L3"]
    return Built(xlsx(S("Sheet1", rows, merged)), "par_2023.xlsx", par_expect(2023, lines, comps))


@case("PAR 2025 in the 34-province form ('Thành phố Huế', 'TP. Hồ Chí Minh'), percent cells")
def p04_34_provinces_2025() -> Built:
    written = {"Thừa Thiên Huế": "Thành phố Huế", "Hồ Chí Minh": "TP. Hồ Chí Minh", "Hà Nội": "Thành phố Hà Nội"}
    lines = par_scores(seats34())
    rows = [["KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025"], ["STT", "Tỉnh, thành phố", "Chỉ số (%)", "Xếp hạng"],
            *[[i + 1, written.get(n, n), Pct(round(s / 100, 4)), r] for i, (n, s, r) in enumerate(lines)]]
    return Built(xlsx(S("Sheet1", rows)), "par_2025.xlsx", par_expect(2025, lines, {}))


@case("PAR: spellings 'TP.HCM', 'Thừa Thiên - Huế', 'Tỉnh Hoà Bình', 'Đăk Lăk', NFD, 'Bà Rịa-Vũng Tàu', text numbers")
def p05_spellings_and_text_numbers() -> Built:
    written = {"Hồ Chí Minh": "TP.HCM", "Thừa Thiên Huế": "Thừa Thiên - Huế", "Hòa Bình": "Tỉnh Hoà Bình",
               "Đắk Lắk": "Đăk Lăk", "Bà Rịa - Vũng Tàu": "Bà Rịa-Vũng Tàu", "Quảng Ngãi": nfd("Quảng Ngãi"),
               "Khánh Hòa": nfd("Khánh Hoà")}
    lines = par_scores(names63())
    rows = [["CHỈ SỐ CCHC NĂM 2021 CỦA CÁC TỈNH, THÀNH PHỐ"], ["TT", "Địa phương", "Kết quả (%)", "Xếp hạng"],
            *[[i + 1, written.get(n, n), f"{s:.2f}".replace(".", ",") + "%", f"{r:02d}"] for i, (n, s, r) in enumerate(lines)]]
    return Built(xlsx(S("Sheet1", rows)), "par.xlsx", par_expect(2021, lines, {}))


@case("PAR: rank column headed 'Xếp thứ'")
def p06_rank_headed_xep_thu() -> Built:
    lines = par_scores(names63())
    lines[4] = (lines[4][0], lines[4][1], 4)  # a published tie of ranks 4, 4 with different scores
    rows = [["CHỈ SỐ CCHC NĂM 2021"], ["TT", "Tỉnh, thành phố", "Chỉ số (%)", "Xếp thứ"],
            *[[i + 1, n, s, r] for i, (n, s, r) in enumerate(lines)]]
    return Built(xlsx(S("Sheet1", rows)), "par.xlsx", par_expect(2021, lines, {}))


@case("PAR: a 'Điểm tối đa' row under the header stating 100 / 68 / 32, components 'Điểm thẩm định' / "
      "'Điểm điều tra XHH'")
def p07_maxima_row_under_header() -> Built:
    lines = par_scores(names63())
    rows = [["CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2022"],
            ["TT", "Tỉnh, thành phố", "Điểm thẩm định", "Điểm điều tra XHH", "Chỉ số (%)", "Xếp hạng"],
            [None, "Điểm tối đa", 68, 32, 100, None]]
    comps = {}
    for i, (n, s, r) in enumerate(lines):
        rows.append([i + 1, n, round(s * 0.68, 2), round(s * 0.32, 2), s, r])
        comps[(2022, n, "Điểm thẩm định")] = round(s * 0.68, 2)
        comps[(2022, n, "Điểm điều tra XHH")] = round(s * 0.32, 2)
    return Built(xlsx(S("Sheet1", rows)), "par.xlsx", par_expect(2022, lines, comps))


@case("PAR: years as number cells in a merged header row (2022 | 2023) over Chỉ số / Xếp hạng, no title")
def p08_years_as_numbers_in_header() -> Built:
    a, b = par_scores(names63(), 90, 0.2), par_scores(list(reversed(names63())), 91, 0.2)
    bn = {n: (s, r) for n, s, r in b}
    rows = [["Tỉnh, thành phố", 2022, None, 2023, None], [None, "Chỉ số", "Xếp hạng", "Chỉ số", "Xếp hạng"],
            *[[n, s, r, *bn[n]] for n, s, r in a]]
    merged = ["A1:A2", "B1:C1", "D1:E1"]
    exp = par_expect(2022, a, {})
    exp.scores.update(par_expect(2023, b).scores)
    return Built(xlsx(S("Sheet1", rows, merged)), "chi_so_cchc.xlsx", exp)


@case("PAR: tab-separated CSV with a title line, score and rank, year in the title")
def p09_tab_csv() -> Built:
    lines = par_scores(names63())
    rows = [["Chỉ số CCHC năm 2020"], ["STT", "Tên tỉnh, thành phố", "Chỉ số CCHC (%)", "Xếp hạng"],
            *[[i + 1, n, comma(s), r] for i, (n, s, r) in enumerate(lines)]]
    return Built(csv_bytes(rows, "\t"), "par.csv", par_expect(2020, lines, {}))


@case("PAR: the index table followed, after the average row, by a second table (top-10) repeating provinces")
def p10_second_table_below() -> Built:
    lines = par_scores(names63())
    rows = [["CHỈ SỐ CCHC NĂM 2024"], ["TT", "Tỉnh, thành phố", "Chỉ số (%)", "Xếp hạng"],
            *[[i + 1, n, s, r] for i, (n, s, r) in enumerate(lines)],
            [None, "Chỉ số trung bình", 80.0, None], [],
            ["10 ĐỊA PHƯƠNG DẪN ĐẦU"], ["TT", "Tỉnh, thành phố", "Chỉ số (%)", "Xếp hạng"],
            *[[i + 1, n, s, r] for i, (n, s, r) in enumerate(lines[:10])]]
    return Built(xlsx(S("Sheet1", rows)), "par_2024.xlsx", par_expect(2024, lines, {}))


@case("PAR: SIPAS beside the index ('Chỉ số SIPAS (%)', 'Chỉ số PAR INDEX (%)'), 'Xếp loại' grade column")
def p11_sipas_and_grade() -> Built:
    lines = par_scores(names63())
    rows = [["CHỈ SỐ PAR INDEX VÀ SIPAS NĂM 2023"],
            ["TT", "Tỉnh, thành phố", "Chỉ số SIPAS (%)", "Chỉ số PAR INDEX (%)", "Xếp hạng", "Xếp loại"],
            *[[i + 1, n, 80 + i / 10, s, r, "A" if s >= 90 else "B"] for i, (n, s, r) in enumerate(lines)]]
    return Built(xlsx(S("Sheet1", rows)), "par.xlsx", par_expect(2023, lines, {}))


@case("PAR: only 'Tăng/giảm so với 2022' column beside 2023 score and rank: the 2022 in it is no year of data")
def p12_change_column_naming_another_year() -> Built:
    lines = par_scores(names63())
    rows = [["CHỈ SỐ CCHC NĂM 2023"], ["TT", "Tỉnh, thành phố", "Chỉ số (%)", "Xếp hạng", "So với năm 2022 (bậc)"],
            *[[i + 1, n, s, r, (i % 5) - 2] for i, (n, s, r) in enumerate(lines)]]
    return Built(xlsx(S("Sheet1", rows)), "par.xlsx", par_expect(2023, lines, {}))


@case("PAR: header label 'Chỉ số CCHC năm 2021' on the score only, rank column without year, title without year")
def p13_year_in_score_label_only() -> Built:
    lines = par_scores(names63())
    rows = [["KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH"], ["TT", "Tỉnh, thành phố", "Chỉ số CCHC năm 2021 (%)", "Xếp hạng"],
            *[[i + 1, n, s, r] for i, (n, s, r) in enumerate(lines)]]
    return Built(xlsx(S("Sheet1", rows)), "par.xlsx", par_expect(2021, lines, {}))


@case("PAR: a province with '-' (not assessed) score and rank, the rest complete")
def p14_province_not_assessed() -> Built:
    lines = par_scores(names63()[:-1])
    rows = [["CHỈ SỐ CCHC NĂM 2021"], ["TT", "Tỉnh, thành phố", "Chỉ số (%)", "Xếp hạng"],
            *[[i + 1, n, s, r] for i, (n, s, r) in enumerate(lines)], [63, names63()[-1], "-", "-"]]
    return Built(xlsx(S("Sheet1", rows)), "par.xlsx", par_expect(2021, lines, {}))


@case("PAR: extra 'Mã tỉnh' and 'Vùng' columns, province header 'Tỉnh/thành phố', rank 'Vị trí'")
def p15_code_and_region_columns() -> Built:
    lines = par_scores(names63())
    provinces = {p.name: p for p in registry().provinces}
    rows = [["CHỈ SỐ CCHC NĂM 2022"], ["STT", "Mã tỉnh", "Tỉnh/thành phố", "Vùng", "Chỉ số (%)", "Vị trí"],
            *[[i + 1, provinces[n].code, n, provinces[n].region, s, r] for i, (n, s, r) in enumerate(lines)]]
    return Built(xlsx(S("Sheet1", rows)), "par.xlsx", par_expect(2022, lines, {}))


@case("PAR: semicolon CSV exported by Excel (vi-VN) with a title line and decimal commas")
def p16_semicolon_csv_with_title() -> Built:
    lines = par_scores(names63())
    rows = [["CHỈ SỐ CCHC NĂM 2022"], ["TT", "Tỉnh, thành phố", "Chỉ số (%)", "Xếp hạng"],
            *[[i + 1, n, comma(s), r] for i, (n, s, r) in enumerate(lines)]]
    return Built(csv_bytes(rows, ";"), "par_2022.csv", par_expect(2022, lines, {}))


@case("PAR: semicolon CSV without title, whole-number scores (no decimal comma to mislead the sniffer)")
def p17_semicolon_csv_plain() -> Built:
    lines = [(n, float(90 - i // 2), i + 1) for i, n in enumerate(names63())]
    lines = [(n, s, 1 + sum(o > s for _, o, _ in lines)) for n, s, _ in lines]
    rows = [["TT", "Tỉnh, thành phố", "Chỉ số CCHC 2022 (%)", "Xếp hạng"], *[[i + 1, n, int(s), r] for i, (n, s, r) in enumerate(lines)]]
    return Built(csv_bytes(rows, ";"), "par.csv", par_expect(2022, lines, {}))


# ================================================================ running and judging


def compare_scoring(result, expect: ScoringExpect) -> list[str]:
    wrong = []
    if cluster_key(result.cluster) != cluster_key(expect.cluster):
        wrong.append(f"cluster «{result.cluster}» ≠ «{expect.cluster}»")
    if result.year != expect.year:
        wrong.append(f"year {result.year} ≠ {expect.year}")
    if result.period != expect.period:
        wrong.append(f"period {result.period} ≠ {expect.period}")
    units = result.units.set_index("unit")
    if set(units.index) != set(expect.units):
        wrong.append(f"units {sorted(units.index)} ≠ {sorted(expect.units)}")
    for name, u in expect.units.items():
        if name not in units.index:
            continue
        row = units.loc[name]
        for attr in ("total", "rank", "province", "self_total", "bonus", "penalty", "award"):
            want = getattr(u, attr)
            if want is None and attr not in ("rank",):
                continue
            got = row[attr]
            got = None if got is None or (not isinstance(got, str) and _na(got)) else got
            if attr == "rank" and want is None:
                continue
            if isinstance(want, (int, float)) and not isinstance(want, bool):
                if got is None or abs(float(got) - want) > 1e-6:
                    wrong.append(f"{name}.{attr} {got} ≠ {want}")
            elif got != want:
                wrong.append(f"{name}.{attr} «{got}» ≠ «{want}»")
    crit = result.criteria.set_index(["unit", "key"])
    for (unit, key), want in expect.criteria.items():
        if (unit, key) not in crit.index:
            keys = sorted(result.criteria[result.criteria.unit == unit].key)
            wrong.append(f"criterion {unit} / {key} missing (keys: {keys})")
            continue
        got = crit.loc[(unit, key), "cluster_score"]
        got = got.iloc[0] if hasattr(got, "iloc") else got
        if _na(got) or abs(float(got) - want) > 1e-6:
            wrong.append(f"criterion {unit} / {key} = {got} ≠ {want}")
    if expect.criteria_keys is not None:
        for unit in expect.units:
            keys = set(result.criteria[result.criteria.unit == unit].key)
            if keys != expect.criteria_keys:
                wrong.append(f"{unit}: criterion keys {sorted(keys)} ≠ {sorted(expect.criteria_keys)}")
    duplicated = result.criteria[result.criteria.duplicated(["unit", "key"], keep=False)]
    if expect.keys_unique and not duplicated.empty:
        wrong.append(f"criterion keys repeated: {sorted(set(duplicated.key))}")
    return wrong


def _na(value) -> bool:
    try:
        return value is None or bool(value != value) or str(value) == "<NA>"
    except (TypeError, ValueError):
        return str(value) == "<NA>"


def compare_par(result, expect: ParExpect) -> list[str]:
    wrong = []
    got = {(int(r.year), r.province): (float(r.score) if not math.isnan(r.score) else None, int(r["rank"]))
           for _, r in result.scores.iterrows()}
    missing = sorted(set(expect.scores) - set(got))
    extra = sorted(set(got) - set(expect.scores))
    if missing:
        wrong.append(f"{len(missing)} (year, province) missing, e.g. {missing[:4]}")
    if extra:
        wrong.append(f"{len(extra)} unexpected (year, province), e.g. {extra[:4]}")
    bad = [(k, got[k], v) for k, v in expect.scores.items() if k in got
           and (got[k][1] != v[1] or got[k][0] is None or abs(got[k][0] - v[0]) > 1e-6)]
    if bad:
        wrong.append(f"{len(bad)} wrong (score, rank), e.g. {bad[:3]}")
    if expect.components is not None:
        code_name = {p.code: p.name for p in registry().provinces}
        comps = {(int(r.year), code_name[r.province_code], r.component): float(r.score)
                 for _, r in result.components.iterrows()}
        if set(comps) != set(expect.components):
            labels = sorted({k[2] for k in comps})
            wrong.append(f"components {len(comps)} ≠ {len(expect.components)} expected; labels read: {labels[:10]}")
        else:
            off = [(k, comps[k], v) for k, v in expect.components.items() if abs(comps[k] - v) > 1e-6]
            if off:
                wrong.append(f"{len(off)} wrong component values, e.g. {off[:2]}")
    return wrong


def judge(built: Built) -> tuple[str, str, list[str]]:
    """(class, kind read, details)."""
    try:
        reading = read_upload(built.data, built.file_name, **built.options)
    except Refused as refused:
        problems = refused.problems
        lines = [str(p) for p in problems]
        if isinstance(built.expect, RefusalExpect):
            e = built.expect
            precise = any((e.sheet is None or p.sheet == e.sheet) and (e.cell is None or p.cell == e.cell)
                          for p in problems)
            return ("b" if precise else "c"), "refused", lines
        return "c", "refused", lines  # a readable workbook refused: reviewed by hand in the report
    except Exception:  # noqa: BLE001 - a crash is what the probe looks for
        return "e", "crash", traceback.format_exc().splitlines()[-6:]
    warnings = [str(w) for w in reading.warnings]
    if isinstance(built.expect, RefusalExpect):
        return "d", reading.kind, ["accepted, expected a refusal"] + warnings
    if isinstance(built.expect, ScoringExpect):
        if reading.kind != "scoring":
            return "d", reading.kind, [f"read as {reading.kind}"]
        wrong = compare_scoring(reading.result, built.expect)
    else:
        if reading.kind != "par":
            return "d", reading.kind, [f"read as {reading.kind}"]
        wrong = compare_par(reading.result, built.expect)
    return ("d" if wrong else "a"), reading.kind, wrong + [f"warning: {w}" for w in warnings]
