"""Workbooks in layouts unlike the other fixtures, within the variety real clusters and the Ministry
use (title blocks with date lines, three-row headers, two rows per unit, unusual header words, region
averages, CSV from Vietnamese Excel...), each with the figures it must yield known by construction.
tests/test_unseen_layouts.py reads each through thidua.ingest.read_upload and judges the outcome.

Classes: a = correct figures; b = refused precisely (file/sheet/cell named, true reason);
c = refused imprecisely or for a wrong reason; d = accepted with wrong figures / identity;
e = crash (exception other than Refused).
"""
from __future__ import annotations

import datetime
import io
import math
import traceback
import unicodedata
import zipfile
from dataclasses import dataclass, field
from typing import Callable

from thidua.awards import award_level
from thidua.ingest import read_upload
from thidua.provinces import registry
from thidua.io.cells import text_key
from thidua.readers.problems import Refused
from thidua.readers.units import cluster_key
from workbook_builders import FORMATTED, F, Percent, SheetSpec, xlsx_bytes

# ---------------------------------------------------------------- building workbooks


def xls(*sheets: SheetSpec) -> bytes:
    """An Excel 97-2003 (BIFF8) workbook, as many agencies still send."""
    import xlwt
    from openpyxl.utils import column_index_from_string, range_boundaries
    workbook = xlwt.Workbook(encoding="utf-8")
    percent, date = xlwt.easyxf(num_format_str="0.00%"), xlwt.easyxf(num_format_str="DD/MM/YYYY")
    for spec in sheets:
        ws = workbook.add_sheet(spec.name)
        merged = [range_boundaries(area) for area in spec.merged]
        covered = {(r, c) for left, top, right, bottom in merged
                   for r in range(top, bottom + 1) for c in range(left, right + 1)}
        for left, top, right, bottom in merged:
            value = (spec.rows[top - 1] + [None] * right)[left - 1]
            ws.write_merge(top - 1, bottom - 1, left - 1, right - 1, value)
        for r, row in enumerate(spec.rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is None or (r, c) in covered:
                    continue
                if isinstance(value, Percent):
                    ws.write(r - 1, c - 1, value.value, percent)
                elif isinstance(value, datetime.date):
                    ws.write(r - 1, c - 1, value, date)
                else:
                    ws.write(r - 1, c - 1, value)
        for letter in spec.hidden_columns:
            ws.col(column_index_from_string(letter) - 1).hidden = True
        for row_number in spec.hidden_rows:
            ws.row(row_number - 1).hidden = True
        ws.visibility = {"visible": 0, "hidden": 1, "veryHidden": 2}[spec.state]
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def ods(*sheets: SheetSpec) -> bytes:
    """A LibreOffice Calc (.ods) workbook, written as the smallest valid OpenDocument file."""
    from openpyxl.utils import range_boundaries
    from xml.sax.saxutils import escape
    tables = []
    for spec in sheets:
        spans = {(top, left): (bottom - top + 1, right - left + 1)
                 for left, top, right, bottom in map(range_boundaries, spec.merged)}
        covered = {(r, c) for (top, left), (height, width) in spans.items()
                   for r in range(top, top + height) for c in range(left, left + width)} - set(spans)
        rows = []
        for r, row in enumerate(spec.rows, start=1):
            cells = []
            for c, value in enumerate(row, start=1):
                height, width = spans.get((r, c), (1, 1))
                span = (f' table:number-rows-spanned="{height}" table:number-columns-spanned="{width}"'
                        if (r, c) in spans else "")
                if (r, c) in covered:
                    cells.append("<table:covered-table-cell/>")
                elif value is None:
                    cells.append(f"<table:table-cell{span}/>")
                elif isinstance(value, Percent):
                    cells.append(f'<table:table-cell{span} office:value-type="percentage" office:value="{value.value}"/>')
                elif isinstance(value, (int, float)):
                    cells.append(f'<table:table-cell{span} office:value-type="float" office:value="{value}"/>')
                else:
                    cells.append(f'<table:table-cell{span} office:value-type="string"><text:p>{escape(str(value))}'
                                 "</text:p></table:table-cell>")
            visibility = ' table:visibility="collapse"' if r in spec.hidden_rows else ""
            rows.append(f"<table:table-row{visibility}>{''.join(cells)}</table:table-row>")
        style = ' table:style-name="hidden"' if spec.state != "visible" else ""
        tables.append(f'<table:table table:name="{escape(spec.name)}"{style}>{"".join(rows)}</table:table>')
    namespaces = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
                  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
                  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
                  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"')
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {namespaces} office:version="1.2">'
               '<office:automatic-styles><style:style style:name="hidden" style:family="table">'
               '<style:table-properties table:display="false"/></style:style></office:automatic-styles>'
               f'<office:body><office:spreadsheet>{"".join(tables)}</office:spreadsheet></office:body>'
               "</office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
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
    without_award: set[str] = field(default_factory=set)  # units that must have no award
    others: list[ScoringExpect] = field(default_factory=list)  # the upload's further parts (periods, years), in order


@dataclass
class ParExpect:
    scores: dict[tuple[int, str], tuple[float, int]]  # (year, registry name) -> (score, rank)
    components: dict[tuple[int, str, str], float] | None = None  # None: not checked; {}: none expected
    sipas: dict[tuple[int, str], float] | None = None  # (year, registry name) -> SIPAS; None: not checked; {}: none
    # (index, year, registry name) -> (score, rank) of the other indices (PCI, PAPI, DTI): exactly these rows
    indices: dict[tuple[str, int, str], tuple[float, int]] = field(default_factory=dict)
    bands: dict[tuple[str, int, str], str] | None = None  # the band of some of those rows; None: not checked


@dataclass
class RefusalExpect:
    """A refusal is the right outcome; precise when a problem names this sheet and cell (None: not required)."""
    why: str
    sheet: str | None = None
    cell: str | None = None


@dataclass
class RosterExpect:
    """Every (cluster, year, role, unit) exactly; when not None, every (cluster, year, unit) member and every
    (cluster, year, unit, award, proposed) award exactly (an award read when its level matches and its text
    starts with the one given). Units as stored ("Sở Nội vụ Lạng Sơn"); clusters compared by key."""
    roles: set[tuple[str, int, str, str]]
    members: set[tuple[str, int, str]] | None = None
    awards: set[tuple[str, int, str, str, bool]] | None = None


@dataclass
class Built:
    data: bytes
    file_name: str
    expect: ScoringExpect | ParExpect | RosterExpect | RefusalExpect
    options: dict = field(default_factory=dict)
    warns: tuple[str, ...] = ()  # words (text_key) some warning must hold, e.g. a hidden sheet's name


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
    return Built(xlsx_bytes(SheetSpec("Tong hop", rows, merged)), "tong_hop.xlsx", ScoringExpect(NORTH_NAME, 2022, {
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
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "bang_diem.xlsx", ScoringExpect(NORTH_NAME, 2022, {
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
    built.data, built.expect.cluster = xlsx_bytes(SheetSpec("TH", rows)), "Cụm thi đua SNV các tỉnh miền núi biên giới phía Bắc"
    return built


@case("two rows per unit (Tự chấm row, Cụm chấm row) with the unit name merged down over both")
def s04_two_rows_per_unit() -> Built:
    rows = [[NORTH], ["KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Đơn vị", "Nội dung", "Tiêu chí 1 (50 điểm)", "Tiêu chí 2 (50 điểm)", "Tổng điểm"],
            [1, "Lạng Sơn", "Tự chấm", 50, 49, 99], [None, None, "Cụm chấm", 47, 45, 92],
            [2, "Cao Bằng", "Tự chấm", 49, 48, 97], [None, None, "Cụm chấm", 48, 46, 94],
            [3, "Lào Cai", "Tự chấm", 45, 45, 90], [None, None, "Cụm chấm", 44, 43, 87]]
    merged = ["A4:A5", "B4:B5", "A6:A7", "B6:B7", "A8:A9", "B8:B9"]
    return Built(xlsx_bytes(SheetSpec("Tong hop", rows, merged)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(92, 2, "Lạng Sơn", self_total=99), snv("Cao Bằng"): U(94, 1, "Cao Bằng", self_total=97),
        snv("Lào Cai"): U(87, 3, "Lào Cai", self_total=90)}))


@case("bonus and penalty headed 'Số điểm được cộng' / 'Số điểm bị trừ', with a Tổng điểm column")
def s05_bonus_headed_so_diem_duoc_cong() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Đơn vị", "Tiêu chí 1", "Tiêu chí 2", "Số điểm được cộng", "Số điểm bị trừ", "Tổng điểm", "Xếp hạng"],
            [1, "Lạng Sơn", 50, 40, 3, 1, 92, 1], [2, "Cao Bằng", 48, 40, 2, None, 90, 2],
            [3, "Điện Biên", 45, 38, None, 2, 81, 3]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(92, 1, "Lạng Sơn", bonus=3, penalty=1), snv("Cao Bằng"): U(90, 2, "Cao Bằng", bonus=2, penalty=0),
        snv("Điện Biên"): U(81, 3, "Điện Biên", bonus=0, penalty=2)}, criteria_keys={"1", "2"}))


@case("the same without a total column: the total is criteria + bonus - penalty")
def s06_bonus_headed_so_diem_duoc_cong_no_total() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Đơn vị", "Tiêu chí 1", "Tiêu chí 2", "Số điểm được cộng", "Số điểm bị trừ", "Xếp hạng"],
            [1, "Lạng Sơn", 50, 40, 3, 1, 1], [2, "Cao Bằng", 48, 40, 2, None, 2], [3, "Điện Biên", 45, 38, None, 2, 3]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(92, 1, "Lạng Sơn", bonus=3, penalty=1), snv("Cao Bằng"): U(90, 2, "Cao Bằng", bonus=2, penalty=0),
        snv("Điện Biên"): U(81, 3, "Điện Biên", bonus=0, penalty=2)}))


@case("rank column headed 'Vị thứ' (a usual word for rank) beside Tổng điểm")
def s07_rank_headed_vi_thu() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Đơn vị", "Tiêu chí 1", "Tiêu chí 2", "Tổng điểm", "Vị thứ"],
            [1, "Lạng Sơn", 50, 40, 90, 2], [2, "Cao Bằng", 50, 42, 92, 1], [3, "Điện Biên", 45, 38, 83, 3]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(90, 2, "Lạng Sơn"), snv("Cao Bằng"): U(92, 1, "Cao Bằng"), snv("Điện Biên"): U(83, 3, "Điện Biên")},
        criteria={(snv("Lạng Sơn"), "1"): 50, (snv("Lạng Sơn"), "2"): 40}, criteria_keys={"1", "2"}))


@case("a numeric 'Mã đơn vị' column (codes 101, 102...) between the unit and the criteria")
def s08_unit_code_column() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Mã đơn vị", "Đơn vị", "Tiêu chí 1", "Tiêu chí 2", "Tổng điểm", "Xếp hạng"],
            [1, 101, "Lạng Sơn", 50, 40, 90, 2], [2, 102, "Cao Bằng", 50, 42, 92, 1], [3, 103, "Điện Biên", 45, 38, 83, 3]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(90, 2, "Lạng Sơn"), snv("Cao Bằng"): U(92, 1, "Cao Bằng"), snv("Điện Biên"): U(83, 3, "Điện Biên")},
        criteria_keys={"1", "2"}))


@case("unit names with the role in brackets: 'Sở Nội vụ tỉnh Lạng Sơn (Cụm trưởng)', '... - Cụm phó'")
def s09_unit_name_with_role() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Đơn vị", "Tổng điểm", "Xếp hạng"],
            [1, "Sở Nội vụ tỉnh Lạng Sơn (Cụm trưởng)", 98, 1], [2, "Sở Nội vụ tỉnh Lai Châu - Cụm phó", 96, 2],
            [3, "Sở Nội vụ tỉnh Cao Bằng", 90, 3]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(98, 1, "Lạng Sơn"), snv("Lai Châu"): U(96, 2, "Lai Châu"), snv("Cao Bằng"): U(90, 3, "Cao Bằng")}))


@case("unit spellings: NFD text, 'SNV. Lạng Sơn', 'SỞ NỘI VỤ TỈNH HÀ GIANG', 'Sở NV Lào Cai', line break inside")
def s10_unit_spellings() -> Built:
    rows = [[nfd(NORTH)], [nfd("BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022")],
            ["TT", "Tên đơn vị", "Điểm thẩm định", "Xếp hạng"],
            [1, nfd("Sở Nội vụ tỉnh Điện Biên"), 97, 1], [2, "SNV. Lạng Sơn", 95, 2], [3, "SỞ NỘI VỤ TỈNH HÀ GIANG", 93, 3],
            [4, "Sở NV Lào Cai", 91, 4], [5, "Sở Nội vụ\ntỉnh Sơn La", 89, 5]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Điện Biên"): U(97, 1, "Điện Biên"), snv("Lạng Sơn"): U(95, 2, "Lạng Sơn"), snv("Hà Giang"): U(93, 3, "Hà Giang"),
        snv("Lào Cai"): U(91, 4, "Lào Cai"), snv("Sơn La"): U(89, 5, "Sơn La")}))


@case("central cluster: 'Sở Nội vụ TP. Đà Nẵng', 'Đăk Lăk', 'Thừa Thiên - Huế' style names, 'Kontum'")
def s11_central_cluster_spellings() -> Built:
    rows = [[CENTRAL], ["KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2020"],
            ["STT", "Đơn vị", "Tổng điểm", "Xếp hạng", "Đề nghị khen thưởng"],
            [1, "Sở Nội vụ tỉnh Khánh Hoà", 98, 1, FLAG], [2, "Sở Nội vụ TP. Đà Nẵng", 97, 2, MERIT],
            [3, "SNV Quảng Ngãi", 96, 3, MERIT], [4, "SNV Đăk Lăk", 94, 4, None], [5, "Sở Nội vụ Kontum", 93, 5, None],
            [6, "Sở Nội vụ tỉnh Đắk Nông", 92, 6, None]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(CENTRAL_NAME, 2020, {
        snv("Khánh Hòa"): U(98, 1, "Khánh Hòa", award=FLAG), snv("Đà Nẵng"): U(97, 2, "Đà Nẵng", award=MERIT),
        snv("Quảng Ngãi"): U(96, 3, "Quảng Ngãi", award=MERIT), snv("Đắk Lắk"): U(94, 4, "Đắk Lắk"),
        snv("Kon Tum"): U(93, 5, "Kon Tum"), snv("Đắk Nông"): U(92, 6, "Đắk Nông")}))


@case("numbers as text: '7,5', '05 điểm', '10đ', ' 8.25 ', penalty '(2)', percent-formatted ratio column ignored")
def s12_numbers_as_text_and_ratio_column() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2023"],
            ["STT", "Đơn vị", "Tiêu chí 1", "Tiêu chí 2", "Tiêu chí 3", "Điểm trừ", "Tổng điểm", "Tỷ lệ (%)", "Xếp hạng"],
            [1, "Lạng Sơn", "7,5", "05 điểm", "10đ", "(2)", "20,5", Percent(0.82), 1],
            [2, "Sơn La", " 8.25 ", 4, "9,5 điểm", None, "21,75", Percent(0.87), None]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2023, {
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
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(90, 1, "Lạng Sơn"), snv("Cao Bằng"): U(88, 2, "Cao Bằng"), snv("Lai Châu"): U(85, 3, "Lai Châu")}))


@case("year only in the file name, cluster only in the title, no 'năm' anywhere in the sheet")
def s14_year_only_in_file_name() -> Built:
    rows = [[MIDLAND], ["BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA"],
            ["STT", "Đơn vị", "Tiêu chí 1", "Tiêu chí 2", "Tổng điểm"],
            [1, "Bắc Giang", 50, 45, 95], [2, "Bắc Kạn", 49, 44, 93], [3, "Phú Thọ", 48, 44, 92]]
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "TongHop_CumTrungDu_2022.xlsx", ScoringExpect(MIDLAND_NAME, 2022, {
        snv("Bắc Giang"): U(95, 1, "Bắc Giang"), snv("Bắc Kạn"): U(93, 2, "Bắc Kạn"), snv("Phú Thọ"): U(92, 3, "Phú Thọ")}))


@case("cluster only in the file name (no diacritics), year in the title")
def s15_cluster_only_in_file_name() -> Built:
    rows = [["BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2021"],
            ["STT", "Đơn vị", "Tiêu chí 1", "Tiêu chí 2", "Tổng điểm"],
            [1, "Gia Lai", 50, 45, 95], [2, "Bình Định", 49, 44, 93], [3, "Phú Yên", 48, 44, 92]]
    name = "Cụm thi đua các tỉnh thành mien Trung Tay Nguyen"
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "Cum thi dua cac tinh thanh mien Trung Tay Nguyen.xlsx",
                 ScoringExpect(name, 2021, {snv("Gia Lai"): U(95, 1, "Gia Lai"), snv("Bình Định"): U(93, 2, "Bình Định"),
                                            snv("Phú Yên"): U(92, 3, "Phú Yên")}))


@case("a mid-year review: 'SƠ KẾT 6 THÁNG ĐẦU NĂM 2022' in the title")
def s16_mid_year_title() -> Built:
    rows = [[MIDLAND], ["KẾT QUẢ CHẤM ĐIỂM THI ĐUA SƠ KẾT 6 THÁNG ĐẦU NĂM 2022"],
            ["STT", "Đơn vị", "Tổng điểm", "Xếp hạng"], [1, "Bắc Giang", 48, 1], [2, "Tuyên Quang", 47, 2]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(MIDLAND_NAME, 2022, {
        snv("Bắc Giang"): U(48, 1, "Bắc Giang"), snv("Tuyên Quang"): U(47, 2, "Tuyên Quang")}, period="mid"))


@case("year-end sheet whose columns are 'Điểm sơ kết 6 tháng (30%)', 'Điểm tổng kết năm (70%)', weighted total")
def s17_weighted_mid_and_year_columns() -> Built:
    rows = [[MIDLAND], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Đơn vị", "Điểm sơ kết 6 tháng (30%)", "Điểm tổng kết năm (70%)", "Tổng điểm", "Xếp hạng"],
            [1, "Bắc Giang", 90, 100, 97, 1], [2, "Yên Bái", 80, 90, 87, 2], [3, "Hòa Bình", 70, 80, 77, 3]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(MIDLAND_NAME, 2022, {
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
    return Built(xlsx_bytes(SheetSpec("TH", rows, merged)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(92, 1, "Lạng Sơn"), snv("Cao Bằng"): U(89, 2, "Cao Bằng")},
        criteria={(snv("Lạng Sơn"), "I/1"): 19, (snv("Lạng Sơn"), "II/2"): 27, (snv("Cao Bằng"), "I"): 36}))


@case("an empty unlabelled column and a hidden helper column ('Tổng tự chấm' hidden) between the scores")
def s19_empty_and_hidden_columns() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Đơn vị", None, "Tiêu chí 1", "Tiêu chí 2", None, "Tổng tự chấm", "Tổng điểm", "Xếp hạng"],
            [1, "Lạng Sơn", None, 50, 40, None, 95, 90, 1], [2, "Cao Bằng", None, 48, 40, None, 90, 88, 2]]
    return Built(xlsx_bytes(SheetSpec("TH", rows, hidden_columns=["C", "F", "G"])), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(90, 1, "Lạng Sơn", self_total=95), snv("Cao Bằng"): U(88, 2, "Cao Bằng", self_total=90)}))


@case("the table starts in column C, row 8 (empty columns A:B), header 'TT'/'Đơn vị được chấm'")
def s20_table_offset_to_column_c() -> Built:
    pad = [None, None]
    rows = [[], [*pad, NORTH], [], [*pad, "BẢNG ĐIỂM THI ĐUA NĂM 2022"], [], [], [],
            [*pad, "TT", "Đơn vị được chấm", "Điểm Cụm chấm", "Xếp hạng"],
            [*pad, 1, "Lai Châu", 96.5, 1], [*pad, 2, "Sơn La", 95, 2]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lai Châu"): U(96.5, 1, "Lai Châu"), snv("Sơn La"): U(95, 2, "Sơn La")}))


@case("two years side by side in a scoring summary: 'Năm 2021' / 'Năm 2022' each over Tổng điểm and Xếp hạng")
def s21_two_years_side_by_side() -> Built:
    rows = [[NORTH], ["BẢNG SO SÁNH KẾT QUẢ THI ĐUA NĂM 2022 VỚI NĂM 2021"],
            ["STT", "Đơn vị", "Năm 2021", None, "Năm 2022", None],
            [None, None, "Tổng điểm", "Xếp hạng", "Tổng điểm", "Xếp hạng"],
            [1, "Lạng Sơn", 90, 2, 95, 1], [2, "Cao Bằng", 92, 1, 93, 2]]
    merged = ["A3:A4", "B3:B4", "C3:D3", "E3:F3"]
    return Built(xlsx_bytes(SheetSpec("TH", rows, merged)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(95, 1, "Lạng Sơn"), snv("Cao Bằng"): U(93, 2, "Cao Bằng")}))


@case("provincial cluster 'CỤM THI ĐUA SỐ 3' under 'UBND TỈNH BẮC GIANG' with agencies as members")
def s22_numbered_provincial_cluster() -> Built:
    rows = [["UBND TỈNH BẮC GIANG", None, None, MOTTO], ["CỤM THI ĐUA SỐ 3", None, None, FREEDOM],
            ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Cơ quan", "Tổng điểm", "Xếp hạng"],
            [1, "Sở Tài chính", 98, 1], [2, "Sở Kế hoạch và Đầu tư", 97, 2], [3, "Sở Tư pháp", 95, 3],
            [4, "Văn phòng UBND tỉnh", 94, 4]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect("Cụm thi đua số 3 tỉnh Bắc Giang", 2022, {
        "Sở Tài chính": U(98, 1), "Sở Kế hoạch và Đầu tư": U(97, 2), "Sở Tư pháp": U(95, 3), "Văn phòng UBND tỉnh": U(94, 4)}))


@case("Lạng Sơn agencies cluster whose members include 'Sở Nội vụ' and 'Văn phòng Đoàn ĐBQH và HĐND tỉnh'")
def s23_agencies_cluster_with_sở_nội_vụ() -> Built:
    rows = [["UBND TỈNH LẠNG SƠN"], ["CỤM THI ĐUA CÁC CƠ QUAN THAM MƯU TỔNG HỢP"], ["KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2021"],
            ["TT", "Tên cơ quan, đơn vị", "Điểm tự chấm", "Điểm Cụm chấm", "Xếp hạng", "Đề nghị khen thưởng"],
            [1, "Sở Tài chính", 99, 97, 1, "Cờ thi đua của UBND tỉnh"], [2, "Sở Kế hoạch và Đầu tư", 98, 96, 2, None],
            [3, "Sở Nội vụ", 97, 95, 3, None], [4, "Văn phòng Đoàn ĐBQH và HĐND tỉnh", 96, 94, 4, None]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(
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
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(98, 1, "Lạng Sơn", bonus=2, penalty=1), snv("Hà Giang"): U(93, 2, "Hà Giang", bonus=0, penalty=2)},
        criteria={(snv("Lạng Sơn"), "III"): 29}, criteria_keys={"I", "II", "III"}))


@case("summary with a 'Thang điểm' maxima row under the header and 'Kết quả' as the total")
def s26_thang_diem_row_and_ket_qua_total() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["TT", "Đơn vị", "Tiêu chí 1", "Tiêu chí 2", "Tiêu chí 3", "Kết quả", "Xếp hạng"],
            [None, "Thang điểm", 30, 30, 40, 100, None],
            [1, "Lạng Sơn", 30, 29, 39, 98, 1], [2, "Điện Biên", 28, 28, 38, 94, 2]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(98, 1, "Lạng Sơn"), snv("Điện Biên"): U(94, 2, "Điện Biên")},
        criteria={(snv("Lạng Sơn"), "3"): 39}, criteria_keys={"1", "2", "3"}))


@case("a unit's row with all criteria empty (did not report) and a total of 0: empty cells are zero")
def s27_unit_with_empty_row() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Đơn vị", "Tiêu chí 1", "Tiêu chí 2", "Tổng điểm", "Xếp hạng", "Ghi chú"],
            [1, "Lạng Sơn", 50, 40, 90, 1, None], [2, "Cao Bằng", 48, 40, 88, 2, None],
            [3, "Hà Giang", None, None, None, 3, "Không gửi báo cáo"]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(90, 1, "Lạng Sơn"), snv("Cao Bằng"): U(88, 2, "Cao Bằng"), snv("Hà Giang"): U(0, 3, "Hà Giang")}))


@case("formula cells written by a program without cached values (Tổng điểm =SUM)")
def s28_formulas_without_values() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Đơn vị", "Tiêu chí 1", "Tiêu chí 2", "Tổng điểm"],
            [1, "Lạng Sơn", 50, 40, "=C4+D4"], [2, "Cao Bằng", 48, 40, "=C5+D5"]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", RefusalExpect("formulas without computed values", "TH", "E4"))


@case("two summary sheets (sơ kết 6 tháng and tổng kết năm) in one workbook: two parts of one upload")
def s29_two_summaries() -> Built:
    def sheet(name, title, a, b):
        return SheetSpec(name, [[NORTH], [title], ["STT", "Đơn vị", "Tổng điểm"], [1, "Lạng Sơn", a], [2, "Cao Bằng", b]])
    year_end = ScoringExpect(NORTH_NAME, 2022, {snv("Lạng Sơn"): U(95, 1, "Lạng Sơn"), snv("Cao Bằng"): U(93, 2, "Cao Bằng")})
    return Built(xlsx_bytes(sheet("So ket 6 thang", "SƠ KẾT 6 THÁNG NĂM 2022", 48, 47),
                      sheet("Tong ket nam", "TỔNG KẾT NĂM 2022", 95, 93)), "th.xlsx",
                 ScoringExpect(NORTH_NAME, 2022, {snv("Lạng Sơn"): U(48, 1, "Lạng Sơn"), snv("Cao Bằng"): U(47, 2, "Cao Bằng")},
                               period="mid", others=[year_end]))


@case("the s18 layout with its column-number row typed all as text ('A','B','1',...,'7=3+6','8')")
def s18b_group_columns_column_numbers_as_text() -> Built:
    built = s18_group_and_child_columns_with_subtotals()
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Đơn vị", "Điểm chấm theo tiêu chí", None, None, None, None, None, "Tổng điểm", "Xếp hạng"],
            [None, None, "I. Công tác tổ chức (40đ)", None, None, "II. Cải cách hành chính (60đ)", None, None, None, None],
            [None, None, "1. Bộ máy (20đ)", "2. Biên chế (20đ)", "Cộng", "1. PAR Index (30đ)", "2. Chuyển đổi số (30đ)", "Cộng", None, None],
            ["A", "B", "1", "2", "3", "4", "5", "6", "7=3+6", "8"],
            [1, "Lạng Sơn", 19, 18, 37, 28, 27, 55, 92, 1], [2, "Cao Bằng", 18, 18, 36, 27, 26, 53, 89, 2]]
    built.data = xlsx_bytes(SheetSpec("TH", rows, ["A3:A5", "B3:B5", "C3:H3", "C4:E4", "F4:H4", "I3:I5", "J3:J5"]))
    return built


@case("summary of a cluster that scores 'Công tác CCHC' as a criterion, header without tự chấm/thưởng/trừ words")
def s30_cchc_criterion_in_a_summary() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Tỉnh", "Công tác tổ chức bộ máy", "Công tác CCHC", "Công tác TĐKT", "Tổng điểm", "Xếp hạng"],
            [1, "Lạng Sơn", 30, 38, 29, 97, 1], [2, "Cao Bằng", 29, 37, 28, 94, 2], [3, "Lai Châu", 28, 36, 28, 92, 3],
            [4, "Điện Biên", 27, 35, 27, 89, 4], [5, "Sơn La", 26, 34, 27, 87, 5]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv(p): U(t, r, p) for p, t, r in (("Lạng Sơn", 97, 1), ("Cao Bằng", 94, 2), ("Lai Châu", 92, 3),
                                            ("Điện Biên", 89, 4), ("Sơn La", 87, 5))}))


@case("unit name merged across two columns (B:C), criteria from D")
def s31_unit_name_merged_across() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Đơn vị", None, "Tiêu chí 1", "Tiêu chí 2", "Tổng điểm", "Xếp hạng"],
            [1, "Sở Nội vụ tỉnh Lạng Sơn", None, 50, 40, 90, 1], [2, "Sở Nội vụ tỉnh Cao Bằng", None, 48, 40, 88, 2]]
    merged = ["B3:C3", "B4:C4", "B5:C5"]
    return Built(xlsx_bytes(SheetSpec("TH", rows, merged)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(90, 1, "Lạng Sơn"), snv("Cao Bằng"): U(88, 2, "Cao Bằng")}, criteria_keys={"1", "2"}))


@case("a cluster of Sở Tài chính of provinces, members written as bare province names")
def s32_other_sector_cluster_bare_names() -> Built:
    rows = [["CỤM THI ĐUA SỞ TÀI CHÍNH CÁC TỈNH MIỀN NÚI PHÍA BẮC"], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Đơn vị", "Tổng điểm", "Xếp hạng"], [1, "Lạng Sơn", 96, 1], [2, "Cao Bằng", 95, 2], [3, "Hà Giang", 93, 3]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect("Cụm thi đua Sở Tài chính các tỉnh miền núi phía Bắc", 2022, {
        "Sở Tài chính Lạng Sơn": U(96, 1, "Lạng Sơn"), "Sở Tài chính Cao Bằng": U(95, 2, "Cao Bằng"),
        "Sở Tài chính Hà Giang": U(93, 3, "Hà Giang")}))


@case("penalty written negative in 'Điểm trừ', bonus in 'Điểm cộng', total right of them, ranks 'Nhất/Nhì/Ba'")
def s33_negative_penalty_and_word_ranks() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Đơn vị", "Điểm các tiêu chí", "Điểm cộng", "Điểm trừ", "Tổng điểm", "Xếp hạng"],
            [1, "Lạng Sơn", 95, 2, "-1,5", "95,5", "Nhất"], [2, "Cao Bằng", 94, None, -0.5, 93.5, "Nhì"],
            [3, "Sơn La", 90, 1, None, 91, "Ba"]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(95.5, 1, "Lạng Sơn", bonus=2, penalty=1.5), snv("Cao Bằng"): U(93.5, 2, "Cao Bằng", penalty=0.5),
        snv("Sơn La"): U(91, 3, "Sơn La", bonus=1, penalty=0)}))


@case("last year's total for comparison right of this year's total and rank: 'Điểm năm 2021'")
def s34_last_year_column_right_of_total() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Đơn vị", "Tiêu chí 1", "Tiêu chí 2", "Tổng điểm", "Xếp hạng", "Điểm năm 2021"],
            [1, "Lạng Sơn", 50, 45, 95, 1, 90], [2, "Cao Bằng", 49, 44, 93, 2, 94], [3, "Sơn La", 45, 40, 85, 3, 80]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
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
    return Built(xlsx_bytes(SheetSpec("Lai Chau", rows)), "chi_tiet.xlsx", ScoringExpect(NORTH_NAME, 2022, {
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
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "cham_diem.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Sơn La"): U(88, 1, "Sơn La", self_total=93)},
        criteria={(snv("Sơn La"), "I/1/1.1"): 9, (snv("Sơn La"), "I/2/a"): 9, (snv("Sơn La"), "II"): 52}))


@case("detail: codes typed as numbers in the code column (1, 1.1, 1.2, 2, 2.1) as Excel stores them")
def d03_numeric_codes() -> Built:
    rows = [[NORTH], ["BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022"], ["Đơn vị: SNV Cao Bằng"], *detail_header(),
            [1, "Tổ chức", 40, None, None], [1.1, "Kế hoạch", 20, 20, 18], [1.2, "Thực hiện", 20, 19, 19],
            [2, "CCHC", 60, None, None], [2.1, "PAR", 30, 28, 27], [2.2, "Số hóa", 30, 29, 28]]
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "chi_tiet.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Cao Bằng"): U(92, 1, "Cao Bằng", self_total=96)},
        criteria={(snv("Cao Bằng"), "1/1.1"): 18, (snv("Cao Bằng"), "2"): 55}))


@case("detail: '1.10' typed as a number becomes 1.1 beside a real 1.1 (ten sub-criteria)")
def d04_code_1_10_as_number() -> Built:
    leaves = [[round(1 + k / 10, 2) if k < 10 else 1.1, f"Yêu cầu {k}", 2, 2, 1] for k in range(1, 11)]
    rows = [[NORTH], ["BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022"], ["Đơn vị: SNV Cao Bằng"], *detail_header(),
            [1, "Tổ chức", 20, None, None], *leaves]
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "chi_tiet.xlsx", ScoringExpect(NORTH_NAME, 2022, {
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
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "chi_tiet.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Điện Biên"): U(90, 1, "Điện Biên", self_total=98, bonus=3, penalty=3)},
        criteria={(snv("Điện Biên"), "III/2"): 2}))


@case("detail: the TỔNG CỘNG row placed first, right under the header (before the criteria)")
def d06_total_row_first() -> Built:
    rows = [[NORTH], ["BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022"], ["Đơn vị: Sở Nội vụ tỉnh Hà Giang"], *detail_header(),
            [None, "TỔNG CỘNG", 100, 90, 86],
            ["I", "Tổ chức", 50, 45, 43], ["II", "CCHC", 50, 45, 43]]
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "chi_tiet.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Hà Giang"): U(86, 1, "Hà Giang", self_total=90)}))


@case("details only: per-unit sheets named without diacritics, each with the cluster leader's letterhead "
      "'SỞ NỘI VỤ TỈNH LẠNG SƠN' top left")
def d07_leader_letterhead_on_each_sheet() -> Built:
    def sheet(name, own, cluster):
        rows = [["SỞ NỘI VỤ TỈNH LẠNG SƠN", None, None, MOTTO], [NORTH, None, None, FREEDOM],
                ["BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022"], *detail_header(),
                ["I", "Tổ chức", 50, own[0], cluster[0]], ["II", "CCHC", 50, own[1], cluster[1]]]
        return SheetSpec(name, rows)
    return Built(xlsx_bytes(sheet("Cao Bang", (48, 47), (46, 45)), sheet("Dien Bien", (49, 48), (47, 46)),
                      sheet("Lang Son", (50, 49), (48, 48))), "chi_tiet.xlsx", ScoringExpect(NORTH_NAME, 2022, {
                          snv("Cao Bằng"): U(91, 3, "Cao Bằng", self_total=95),
                          snv("Điện Biên"): U(93, 2, "Điện Biên", self_total=97),
                          snv("Lạng Sơn"): U(96, 1, "Lạng Sơn", self_total=99)}))


@case("one unit's file named after it, with the cluster leader's letterhead atop (its own data is Cao Bằng)")
def d08_single_sheet_leader_letterhead() -> Built:
    rows = [["SỞ NỘI VỤ TỈNH LẠNG SƠN", None, None, MOTTO], [NORTH, None, None, FREEDOM],
            ["BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022"], *detail_header(),
            ["I", "Tổ chức", 50, 48, 46], ["II", "CCHC", 50, 47, 45]]
    return Built(xlsx_bytes(SheetSpec("Cao Bang", rows)), "Cao_Bang_2022.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Cao Bằng"): U(91, 1, "Cao Bằng", self_total=95)}))


@case("detail: unit line 'Đơn vị tự chấm điểm: Sở Nội vụ tỉnh Yên Bái' on a sheet called 'Sheet1'")
def d09_unit_label_variant() -> Built:
    rows = [[MIDLAND], ["BẢNG TỰ CHẤM ĐIỂM THI ĐUA NĂM 2022"], ["Đơn vị tự chấm điểm: Sở Nội vụ tỉnh Yên Bái"],
            *detail_header(), ["I", "Tổ chức", 50, 48, 46], ["II", "CCHC", 50, 47, 45]]
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "bang_cham_diem.xlsx", ScoringExpect(MIDLAND_NAME, 2022, {
        snv("Yên Bái"): U(91, 1, "Yên Bái", self_total=95)}))


@case("workbook: a criteria template sheet 'Bieu mau' (TT, Nội dung, Điểm tối đa only) plus per-unit detail sheets")
def d10_template_sheet_beside_details() -> Built:
    template = SheetSpec("Bieu mau", [[NORTH], ["TIÊU CHÍ CHẤM ĐIỂM THI ĐUA NĂM 2022"],
                              ["TT", "Nội dung tiêu chí", "Điểm tối đa"], ["I", "Tổ chức", 50], ["II", "CCHC", 50]])

    def sheet(name, own, cluster):
        return SheetSpec(name, [[NORTH], ["BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022"], *detail_header(),
                        ["I", "Tổ chức", 50, own[0], cluster[0]], ["II", "CCHC", 50, own[1], cluster[1]]])
    return Built(xlsx_bytes(template, sheet("Lai Chau", (48, 47), (46, 45)), sheet("Son La", (49, 48), (47, 46))),
                 "chi_tiet.xlsx", ScoringExpect(NORTH_NAME, 2022, {
                     snv("Lai Châu"): U(91, 2, "Lai Châu", self_total=95), snv("Sơn La"): U(93, 1, "Sơn La", self_total=97)}))


@case("summary sheet plus per-unit detail sheets that disagree with it: summary totals count, details give criteria")
def d11_summary_and_disagreeing_details() -> Built:
    summary = SheetSpec("Tong hop", [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
                             ["STT", "Đơn vị", "Tổng điểm", "Xếp hạng", "Đề nghị khen thưởng"],
                             [1, "Lạng Sơn", 95, 1, FLAG], [2, "Cao Bằng", 92, 2, MERIT]])

    def sheet(name, cluster):
        return SheetSpec(name, [[NORTH], ["BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022"], *detail_header(),
                        ["I", "Tổ chức", 50, 50, cluster[0]], ["II", "CCHC", 50, 50, cluster[1]]])
    return Built(xlsx_bytes(summary, sheet("Lang Son", (48, 46)), sheet("Cao Bang", (46, 45))), "th.xlsx",
                 ScoringExpect(NORTH_NAME, 2022, {snv("Lạng Sơn"): U(95, 1, "Lạng Sơn", award=FLAG),
                                                  snv("Cao Bằng"): U(92, 2, "Cao Bằng", award=MERIT)},
                               criteria={(snv("Lạng Sơn"), "I"): 48, (snv("Cao Bằng"), "II"): 45}))


@case("detail: header 'Điểm tự đánh giá' / 'Điểm thẩm định của Cụm' / 'Tài liệu kiểm chứng' (text) / 'Ghi chú'")
def d12_detail_header_variants() -> Built:
    rows = [[NORTH], ["PHIẾU CHẤM ĐIỂM THI ĐUA NĂM 2022"], ["Tên đơn vị: Sở Nội vụ tỉnh Lào Cai"],
            ["STT", "Tiêu chí", "Điểm chuẩn", "Điểm tự đánh giá", "Điểm thẩm định của Cụm", "Tài liệu kiểm chứng", "Ghi chú"],
            ["I", "Tổ chức", 50, 48, 45, "Báo cáo số 12/BC-SNV", None],
            ["II", "CCHC", 50, 47, 46, "Quyết định 35/QĐ-UBND", "Thiếu 01 báo cáo"]]
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "phieu.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lào Cai"): U(91, 1, "Lào Cai", self_total=95)}))


@case("detail: cluster column 'Kết quả' only (no self score), empty leaf = 0, group row stating a subtotal")
def d13_detail_ket_qua_only() -> Built:
    rows = [[NORTH], ["BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022"], ["Đơn vị: Sở Nội vụ tỉnh Hà Giang"],
            ["TT", "Nội dung", "Điểm chuẩn", "Kết quả"],
            ["I", "Tổ chức", 40, 30], [1, "Kế hoạch", 20, 18], [2, "Thực hiện", 20, None],
            ["II", "CCHC", 60, 55]]
    # group I states 30 but its leaves give 18 + 0: leaves win (reader's documented rule) -> 18 + 55
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "chi_tiet.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Hà Giang"): U(73, 1, "Hà Giang")}, criteria={(snv("Hà Giang"), "I/2"): 0}))


@case("detail: a penalty column 'Điểm trừ' beside the cluster score (explains it, not added again)")
def d14_detail_penalty_column() -> Built:
    rows = [[NORTH], ["BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022"], ["Đơn vị: Sở Nội vụ tỉnh Hà Giang"],
            ["TT", "Nội dung", "Điểm tối đa", "Tự chấm", "Điểm trừ", "Cụm chấm"],
            ["I", "Tổ chức", 50, 50, 2, 48], ["II", "CCHC", 50, 49, 1, 48]]
    return Built(xlsx_bytes(SheetSpec("Ha Giang", rows)), "chi_tiet.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Hà Giang"): U(96, 1, "Hà Giang", self_total=99)}))


@case("details: sheets named 'TT Hue', 'TP HCM', 'Ba Ria-Vung Tau', 'Dak Lak'")
def d15_sheet_names_abbreviated() -> Built:
    def sheet(name, a, b):
        return SheetSpec(name, [["CỤM THI ĐUA SỞ NỘI VỤ CÁC TỈNH, THÀNH PHỐ"], ["BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022"], *detail_header(),
                        ["I", "Tổ chức", 50, 50, a], ["II", "CCHC", 50, 50, b]])
    name = "Cụm thi đua Sở Nội vụ các tỉnh, thành phố"
    return Built(xlsx_bytes(sheet("TT Hue", 48, 47), sheet("TP HCM", 49, 47), sheet("Ba Ria-Vung Tau", 45, 45),
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
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "chi_tiet.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Cao Bằng"): U(94, 1, "Cao Bằng", self_total=97)}))


@case("detail for the mid-year with the period only in the sheet name 'So ket 6 thang'")
def d17_period_in_sheet_name() -> Built:
    rows = [[NORTH], ["BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022"], ["Đơn vị: Sở Nội vụ tỉnh Cao Bằng"], *detail_header(),
            ["I", "Tổ chức", 50, 48, 47], ["II", "CCHC", 50, 47, 46]]
    return Built(xlsx_bytes(SheetSpec("So ket 6 thang", rows)), "chi_tiet.xlsx", ScoringExpect(NORTH_NAME, 2022, {
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
    return Built(xlsx_bytes(SheetSpec("PAR", rows, merged)), "par_2021_2023.xlsx", ParExpect(
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
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "par.xlsx", par_expect(2022, par_scores(names63()), {}))


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
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows, merged)), "par_2023.xlsx", par_expect(2023, lines, comps))


@case("PAR 2025 in the 34-province form ('Thành phố Huế', 'TP. Hồ Chí Minh'), percent cells")
def p04_34_provinces_2025() -> Built:
    written = {"Thừa Thiên Huế": "Thành phố Huế", "Hồ Chí Minh": "TP. Hồ Chí Minh", "Hà Nội": "Thành phố Hà Nội"}
    lines = par_scores(seats34())
    rows = [["KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025"], ["STT", "Tỉnh, thành phố", "Chỉ số (%)", "Xếp hạng"],
            *[[i + 1, written.get(n, n), Percent(round(s / 100, 4)), r] for i, (n, s, r) in enumerate(lines)]]
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "par_2025.xlsx", par_expect(2025, lines, {}))


@case("PAR: spellings 'TP.HCM', 'Thừa Thiên - Huế', 'Tỉnh Hoà Bình', 'Đăk Lăk', NFD, 'Bà Rịa-Vũng Tàu', text numbers")
def p05_spellings_and_text_numbers() -> Built:
    written = {"Hồ Chí Minh": "TP.HCM", "Thừa Thiên Huế": "Thừa Thiên - Huế", "Hòa Bình": "Tỉnh Hoà Bình",
               "Đắk Lắk": "Đăk Lăk", "Bà Rịa - Vũng Tàu": "Bà Rịa-Vũng Tàu", "Quảng Ngãi": nfd("Quảng Ngãi"),
               "Khánh Hòa": nfd("Khánh Hoà")}
    lines = par_scores(names63())
    rows = [["CHỈ SỐ CCHC NĂM 2021 CỦA CÁC TỈNH, THÀNH PHỐ"], ["TT", "Địa phương", "Kết quả (%)", "Xếp hạng"],
            *[[i + 1, written.get(n, n), f"{s:.2f}".replace(".", ",") + "%", f"{r:02d}"] for i, (n, s, r) in enumerate(lines)]]
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "par.xlsx", par_expect(2021, lines, {}))


@case("PAR: rank column headed 'Xếp thứ'")
def p06_rank_headed_xep_thu() -> Built:
    lines = par_scores(names63())
    lines[4] = (lines[4][0], lines[4][1], 4)  # a published tie of ranks 4, 4 with different scores
    rows = [["CHỈ SỐ CCHC NĂM 2021"], ["TT", "Tỉnh, thành phố", "Chỉ số (%)", "Xếp thứ"],
            *[[i + 1, n, s, r] for i, (n, s, r) in enumerate(lines)]]
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "par.xlsx", par_expect(2021, lines, {}))


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
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "par.xlsx", par_expect(2022, lines, comps))


@case("PAR: years as number cells in a merged header row (2022 | 2023) over Chỉ số / Xếp hạng, no title")
def p08_years_as_numbers_in_header() -> Built:
    a, b = par_scores(names63(), 90, 0.2), par_scores(list(reversed(names63())), 91, 0.2)
    bn = {n: (s, r) for n, s, r in b}
    rows = [["Tỉnh, thành phố", 2022, None, 2023, None], [None, "Chỉ số", "Xếp hạng", "Chỉ số", "Xếp hạng"],
            *[[n, s, r, *bn[n]] for n, s, r in a]]
    merged = ["A1:A2", "B1:C1", "D1:E1"]
    exp = par_expect(2022, a, {})
    exp.scores.update(par_expect(2023, b).scores)
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows, merged)), "chi_so_cchc.xlsx", exp)


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
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "par_2024.xlsx", par_expect(2024, lines, {}))


@case("PAR: SIPAS beside the index ('Chỉ số SIPAS (%)', 'Chỉ số PAR INDEX (%)'), 'Xếp loại' grade column")
def p11_sipas_and_grade() -> Built:
    lines = par_scores(names63())
    rows = [["CHỈ SỐ PAR INDEX VÀ SIPAS NĂM 2023"],
            ["TT", "Tỉnh, thành phố", "Chỉ số SIPAS (%)", "Chỉ số PAR INDEX (%)", "Xếp hạng", "Xếp loại"],
            *[[i + 1, n, 80 + i / 10, s, r, "A" if s >= 90 else "B"] for i, (n, s, r) in enumerate(lines)]]
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "par.xlsx", par_expect(2023, lines, {}))


@case("PAR: only 'Tăng/giảm so với 2022' column beside 2023 score and rank: the 2022 in it is no year of data")
def p12_change_column_naming_another_year() -> Built:
    lines = par_scores(names63())
    rows = [["CHỈ SỐ CCHC NĂM 2023"], ["TT", "Tỉnh, thành phố", "Chỉ số (%)", "Xếp hạng", "So với năm 2022 (bậc)"],
            *[[i + 1, n, s, r, (i % 5) - 2] for i, (n, s, r) in enumerate(lines)]]
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "par.xlsx", par_expect(2023, lines, {}))


@case("PAR: header label 'Chỉ số CCHC năm 2021' on the score only, rank column without year, title without year")
def p13_year_in_score_label_only() -> Built:
    lines = par_scores(names63())
    rows = [["KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH"], ["TT", "Tỉnh, thành phố", "Chỉ số CCHC năm 2021 (%)", "Xếp hạng"],
            *[[i + 1, n, s, r] for i, (n, s, r) in enumerate(lines)]]
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "par.xlsx", par_expect(2021, lines, {}))


@case("PAR: a province with '-' (not assessed) score and rank, the rest complete")
def p14_province_not_assessed() -> Built:
    lines = par_scores(names63()[:-1])
    rows = [["CHỈ SỐ CCHC NĂM 2021"], ["TT", "Tỉnh, thành phố", "Chỉ số (%)", "Xếp hạng"],
            *[[i + 1, n, s, r] for i, (n, s, r) in enumerate(lines)], [63, names63()[-1], "-", "-"]]
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "par.xlsx", par_expect(2021, lines, {}))


@case("PAR: extra 'Mã tỉnh' and 'Vùng' columns, province header 'Tỉnh/thành phố', rank 'Vị trí'")
def p15_code_and_region_columns() -> Built:
    lines = par_scores(names63())
    provinces = {p.name: p for p in registry().provinces}
    rows = [["CHỈ SỐ CCHC NĂM 2022"], ["STT", "Mã tỉnh", "Tỉnh/thành phố", "Vùng", "Chỉ số (%)", "Vị trí"],
            *[[i + 1, provinces[n].code, n, provinces[n].region, s, r] for i, (n, s, r) in enumerate(lines)]]
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "par.xlsx", par_expect(2022, lines, {}))


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


# ================================================================ cluster rosters

LEADER, DEPUTY = "Cụm trưởng", "Cụm phó"


def led(cluster: str, year: int, leader: str, *deputies: str) -> set[tuple[str, int, str, str]]:
    """The roles of one cluster's year: units as stored."""
    return {(cluster, year, LEADER, leader), *((cluster, year, DEPUTY, deputy) for deputy in deputies)}


def listed(cluster: str, year: int, units) -> set[tuple[str, int, str]]:
    return {(cluster, year, unit) for unit in units}


BORDER7 = ("Lai Châu", "Lạng Sơn", "Cao Bằng", "Hà Giang", "Điện Biên", "Sơn La", "Lào Cai")
MIDLAND7 = ("Bắc Giang", "Bắc Kạn", "Phú Thọ", "Hòa Bình", "Thái Nguyên", "Yên Bái", "Tuyên Quang")
CENTRAL4 = ("Đà Nẵng", "Khánh Hòa", "Quảng Nam", "Gia Lai")
AGENCIES_LS = "Cụm thi đua các cơ quan tham mưu tổng hợp tỉnh Lạng Sơn"
SIGNATURES = [[], [None, "Nơi nhận:", None, "TM. CỤM TRƯỞNG"], [None, "- Các đơn vị thành viên Cụm;", None, "GIÁM ĐỐC"],
              [None, "- Lưu: VT.", None, "Nguyễn Văn An"]]


@case("roster: decision annex ('QUYẾT ĐỊNH ... phân công Cụm trưởng, Cụm phó năm 2023'), numbered clusters, "
      "members in one cell separated by commas, semicolons and line breaks, leader and deputy columns")
def r01_decision_members_in_one_cell() -> Built:
    rows = [["BỘ NỘI VỤ", None, None, MOTTO], ["Số: 45/QĐ-BNV", None, None, FREEDOM],
            [None, None, None, "Hà Nội, ngày 15 tháng 01 năm 2023"], ["QUYẾT ĐỊNH"],
            ["Về việc phân công Cụm trưởng, Cụm phó các Cụm thi đua Sở Nội vụ năm 2023"],
            ["(Kèm theo Quyết định số 45/QĐ-BNV ngày 15/01/2023 của Bộ trưởng Bộ Nội vụ)"],
            ["STT", "Cụm thi đua", "Đơn vị thành viên", "Cụm trưởng", "Cụm phó"],
            [1, NORTH_NAME, ", ".join(BORDER7), "Sở Nội vụ tỉnh Lai Châu", "Sở Nội vụ tỉnh Điện Biên"],
            [2, MIDLAND_NAME, "; ".join(MIDLAND7), "SNV Bắc Kạn", "SNV Tuyên Quang"],
            [3, CENTRAL_NAME, "\n".join(f"- Sở Nội vụ tỉnh {p}" for p in CENTRAL4), "Đà Nẵng", "Gia Lai"],
            [], [None, None, None, "KT. BỘ TRƯỞNG"], [None, None, None, "THỨ TRƯỞNG"]]
    return Built(xlsx_bytes(SheetSpec("Phu luc", rows)), "QD 45 phan cong cum truong.xlsx", RosterExpect(
        led(NORTH_NAME, 2023, snv("Lai Châu"), snv("Điện Biên")) | led(MIDLAND_NAME, 2023, snv("Bắc Kạn"), snv("Tuyên Quang"))
        | led(CENTRAL_NAME, 2023, snv("Đà Nẵng"), snv("Gia Lai")),
        members=listed(NORTH_NAME, 2023, map(snv, BORDER7)) | listed(MIDLAND_NAME, 2023, map(snv, MIDLAND7))
        | listed(CENTRAL_NAME, 2023, map(snv, CENTRAL4))))


@case("roster: one row per cluster and year, 'Đơn vị Cụm trưởng' / 'Cụm phó thứ nhất' / 'Cụm phó thứ hai', "
      "column-number row, title block, a footnote and signatures")
def r02_row_per_cluster_two_deputy_columns() -> Built:
    rows = [["BỘ NỘI VỤ", None, None, None, MOTTO], [None, None, None, None, FREEDOM],
            ["DANH SÁCH CỤM TRƯỞNG, CỤM PHÓ CÁC CỤM THI ĐUA SỞ NỘI VỤ"], [],
            ["TT", "Cụm thi đua", "Năm", "Đơn vị Cụm trưởng", "Cụm phó thứ nhất", "Cụm phó thứ hai", "Ghi chú"],
            ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"],
            [1, NORTH_NAME, 2022, "Sở Nội vụ tỉnh Lạng Sơn", "Sở Nội vụ tỉnh Lai Châu", None, "Bầu tại Hội nghị tổng kết 2021"],
            [2, MIDLAND_NAME, 2022, "Sở Nội vụ tỉnh Bắc Giang", "Sở Nội vụ tỉnh Bắc Kạn", "Sở Nội vụ tỉnh Phú Thọ", None],
            [3, CENTRAL_NAME, 2021, "Sở Nội vụ tỉnh Gia Lai", "Sở Nội vụ tỉnh Bình Định", None, None],
            ["Ghi chú: Cụm phó thứ hai do Cụm thống nhất bầu thêm."], *SIGNATURES]
    return Built(xlsx_bytes(SheetSpec("Cum truong", rows, ["A3:G3"])), "cum_truong.xlsx", RosterExpect(
        led(NORTH_NAME, 2022, snv("Lạng Sơn"), snv("Lai Châu")) | led(MIDLAND_NAME, 2022, snv("Bắc Giang"), snv("Bắc Kạn"), snv("Phú Thọ"))
        | led(CENTRAL_NAME, 2021, snv("Gia Lai"), snv("Bình Định")), members=set(), awards=set()))


@case("roster: one row per unit with a 'Vai trò' column ('Trưởng cụm', 'Phó trưởng cụm', 'Thành viên'), cluster and "
      "year in the title")
def r03_row_per_unit_role_words() -> Built:
    rows = [[NORTH], ["DANH SÁCH CỤM TRƯỞNG, CỤM PHÓ VÀ CÁC ĐƠN VỊ THÀNH VIÊN NĂM 2024"], [],
            ["STT", "Đơn vị", "Vai trò"],
            [1, "Sở Nội vụ tỉnh Điện Biên", "Trưởng cụm"], [2, "Sở Nội vụ tỉnh Sơn La", "Phó trưởng cụm"],
            *[[i + 3, f"Sở Nội vụ tỉnh {p}", "Thành viên"] for i, p in enumerate(("Lai Châu", "Lạng Sơn", "Cao Bằng",
                                                                                   "Hà Giang", "Lào Cai"))]]
    return Built(xlsx_bytes(SheetSpec("DS", rows)), "ds.xlsx", RosterExpect(
        led(NORTH_NAME, 2024, snv("Điện Biên"), snv("Sơn La")), members=listed(NORTH_NAME, 2024, map(snv, BORDER7))))


@case("roster: one row per unit, several clusters, role column 'Chức vụ trong Cụm' in capitals and 'Phó Cụm trưởng', "
      "'Ủy viên', a year column")
def r04_row_per_unit_several_clusters() -> Built:
    rows = [["DANH SÁCH CÁC CỤM THI ĐUA"], ["STT", "Cụm thi đua", "Năm", "Tên đơn vị", "Chức vụ trong Cụm"],
            [1, NORTH_NAME, 2022, "Lạng Sơn", "CỤM TRƯỞNG"], [2, NORTH_NAME, 2022, "Lai Châu", "Phó Cụm trưởng"],
            [3, NORTH_NAME, 2022, "Cao Bằng", "Ủy viên"],
            [4, MIDLAND_NAME, 2022, "Bắc Giang", "Cụm Trưởng"], [5, MIDLAND_NAME, 2022, "Bắc Kạn", "CỤM PHÓ"],
            [6, MIDLAND_NAME, 2022, "Yên Bái", "Thành viên"]]
    return Built(xlsx_bytes(SheetSpec("DS", rows)), "ds.xlsx", RosterExpect(
        led(NORTH_NAME, 2022, snv("Lạng Sơn"), snv("Lai Châu")) | led(MIDLAND_NAME, 2022, snv("Bắc Giang"), snv("Bắc Kạn")),
        members=listed(NORTH_NAME, 2022, map(snv, ("Lạng Sơn", "Lai Châu", "Cao Bằng")))
        | listed(MIDLAND_NAME, 2022, map(snv, ("Bắc Giang", "Bắc Kạn", "Yên Bái")))))


@case("roster: several years side by side, years as number cells merged over 'Cụm trưởng | Cụm phó' pairs")
def r05_years_side_by_side() -> Built:
    rows = [["CỤM TRƯỞNG, CỤM PHÓ CÁC CỤM THI ĐUA GIAI ĐOẠN 2022-2024"],
            ["STT", "Cụm thi đua", 2022, None, 2023, None, 2024, None],
            [None, None, "Cụm trưởng", "Cụm phó", "Cụm trưởng", "Cụm phó", "Cụm trưởng", "Cụm phó"],
            [1, NORTH_NAME, "Lạng Sơn", "Lai Châu", "Lai Châu", "Điện Biên", "Điện Biên", "Sơn La"],
            [2, MIDLAND_NAME, "Bắc Giang", "Bắc Kạn", "Bắc Kạn", "Tuyên Quang", "Tuyên Quang", "Hòa Bình"]]
    merged = ["A2:A3", "B2:B3", "C2:D2", "E2:F2", "G2:H2"]
    return Built(xlsx_bytes(SheetSpec("Tong hop", rows, merged)), "cum.xlsx", RosterExpect(
        led(NORTH_NAME, 2022, snv("Lạng Sơn"), snv("Lai Châu")) | led(NORTH_NAME, 2023, snv("Lai Châu"), snv("Điện Biên"))
        | led(NORTH_NAME, 2024, snv("Điện Biên"), snv("Sơn La")) | led(MIDLAND_NAME, 2022, snv("Bắc Giang"), snv("Bắc Kạn"))
        | led(MIDLAND_NAME, 2023, snv("Bắc Kạn"), snv("Tuyên Quang")) | led(MIDLAND_NAME, 2024, snv("Tuyên Quang"), snv("Hòa Bình")),
        members=set()))


@case("roster: rotation table, 'Đơn vị Cụm trưởng qua các năm' merged over year columns, the leader in each cell")
def r06_rotation_under_leader_label() -> Built:
    rows = [["TT", "Cụm thi đua", "Đơn vị Cụm trưởng qua các năm", None, None, None],
            [None, None, 2021, 2022, 2023, 2024],
            [1, NORTH_NAME, "Cao Bằng", "Lạng Sơn", "Lai Châu", "Điện Biên"],
            [2, MIDLAND_NAME, "Yên Bái", "Bắc Giang", "Bắc Kạn", "Tuyên Quang"]]
    expect = set()
    for cluster, leaders in ((NORTH_NAME, rows[2][2:]), (MIDLAND_NAME, rows[3][2:])):
        for year, leader in zip(range(2021, 2025), leaders):
            expect |= led(cluster, year, snv(leader))
    return Built(xlsx_bytes(SheetSpec("Luan phien", rows, ["A1:A2", "B1:B2", "C1:F1"])), "luan_phien.xlsx", RosterExpect(expect))


@case("roster: rotation table with 'Năm 2021 | Năm 2022 | Năm 2023' columns, 'CỤM TRƯỞNG' said only in the title")
def r07_rotation_years_title_says_leader() -> Built:
    rows = [["DANH SÁCH ĐƠN VỊ CỤM TRƯỞNG CÁC CỤM THI ĐUA SỞ NỘI VỤ QUA CÁC NĂM"], [],
            ["Cụm thi đua", "Năm 2021", "Năm 2022", "Năm 2023"],
            [NORTH_NAME, "Sở Nội vụ tỉnh Cao Bằng", "Sở Nội vụ tỉnh Lạng Sơn", "Sở Nội vụ tỉnh Lai Châu"],
            [CENTRAL_NAME, "Sở Nội vụ tỉnh Gia Lai", "Sở Nội vụ tỉnh Bình Định", "Sở Nội vụ tỉnh Phú Yên"]]
    return Built(xlsx_bytes(SheetSpec("Cum truong", rows)), "cum_truong_qua_cac_nam.xlsx", RosterExpect(
        led(NORTH_NAME, 2021, snv("Cao Bằng")) | led(NORTH_NAME, 2022, snv("Lạng Sơn")) | led(NORTH_NAME, 2023, snv("Lai Châu"))
        | led(CENTRAL_NAME, 2021, snv("Gia Lai")) | led(CENTRAL_NAME, 2022, snv("Bình Định"))
        | led(CENTRAL_NAME, 2023, snv("Phú Yên"))))


@case("roster: member list spelled 'Sở Nội vụ tỉnh X', 'SNV X', 'Sở NV', bare 'X', capitals, NFD, with address and "
      "phone columns")
def r08_member_spellings() -> Built:
    rows = [["DANH SÁCH ĐƠN VỊ THÀNH VIÊN CỤM THI ĐUA SỞ NỘI VỤ CÁC TỈNH MIỀN NÚI BIÊN GIỚI PHÍA BẮC NĂM 2024"], [],
            ["STT", "Tên đơn vị", "Địa chỉ", "Điện thoại"],
            [1, "Sở Nội vụ tỉnh Lai Châu", "Phường Tân Phong, TP Lai Châu", "0213.3876.543"],
            [2, "SNV Lạng Sơn", "Số 2 Hoàng Văn Thụ, TP Lạng Sơn", "0205.3812.345"],
            [3, "Cao Bằng", None, None], [4, "SỞ NỘI VỤ TỈNH HÀ GIANG", None, None],
            [5, "Sở Nội vụ Điện Biên", None, None], [6, "Sở NV tỉnh Sơn La", None, None], [7, nfd("Sở Nội vụ Lào Cai"), None, None]]
    return Built(xlsx_bytes(SheetSpec("Thanh vien", rows)), "thanh_vien.xlsx", RosterExpect(
        set(), members=listed(NORTH_NAME, 2024, map(snv, BORDER7)), awards=set()))


@case("roster: 2025 after the merger: 'Thành phố Huế', 'TP. Hồ Chí Minh'-style names, 'Tỉnh, thành phố' column, roles")
def r09_provinces_after_merger() -> Built:
    rows = [["DANH SÁCH CỤM TRƯỞNG, CỤM PHÓ VÀ THÀNH VIÊN CỤM THI ĐUA CÁC TỈNH, THÀNH MIỀN TRUNG, TÂY NGUYÊN NĂM 2025"],
            ["STT", "Tỉnh, thành phố", "Vai trò"],
            [1, "Thành phố Huế", "Cụm trưởng"], [2, "Thành phố Đà Nẵng", "Cụm phó"], [3, "Quảng Ngãi", "Thành viên"],
            [4, "Gia Lai", "Thành viên"], [5, "Đắk Lắk", "Thành viên"], [6, "Khánh Hòa", "Thành viên"],
            [7, "Lâm Đồng", "Thành viên"]]
    # Thừa Thiên Huế is Huế from 2025: a list of 2025 names it so (its province stays code 46)
    members = [snv(p) for p in ("Huế", "Đà Nẵng", "Quảng Ngãi", "Gia Lai", "Đắk Lắk", "Khánh Hòa", "Lâm Đồng")]
    return Built(xlsx_bytes(SheetSpec("2025", rows)), "cum_2025.xlsx", RosterExpect(
        led(CENTRAL_NAME, 2025, snv("Huế"), snv("Đà Nẵng")), members=listed(CENTRAL_NAME, 2025, members)))


@case("roster: awards decided, with a 'Số, ngày Quyết định' column: Cờ thi đua của Chính phủ / của Bộ Nội vụ, "
      "'Bằng khen của Bộ trưởng', a 'Tập thể lao động xuất sắc'")
def r10_awards_decided_with_decision_numbers() -> Built:
    rows = [[NORTH], ["KẾT QUẢ KHEN THƯỞNG CÔNG TÁC THI ĐUA NĂM 2023"], [],
            ["STT", "Đơn vị", "Hình thức khen thưởng", "Số, ngày Quyết định"],
            [1, "Sở Nội vụ tỉnh Lai Châu", "Cờ thi đua của Chính phủ", "Số 212/QĐ-TTg ngày 20/02/2024"],
            [2, "Sở Nội vụ tỉnh Điện Biên", "Cờ thi đua của Bộ Nội vụ", "Số 45/QĐ-BNV ngày 15/01/2024"],
            [3, "Sở Nội vụ tỉnh Sơn La", "Bằng khen của Bộ trưởng", "Số 46/QĐ-BNV ngày 15/01/2024"],
            [4, "Sở Nội vụ tỉnh Lào Cai", "Tập thể lao động xuất sắc", "Số 12/QĐ-UBND ngày 05/01/2024"]]
    return Built(xlsx_bytes(SheetSpec("Khen thuong", rows)), "khen_thuong.xlsx", RosterExpect(set(), members=set(), awards={
        (NORTH_NAME, 2023, snv("Lai Châu"), "Cờ thi đua của Chính phủ", False),
        (NORTH_NAME, 2023, snv("Điện Biên"), "Cờ thi đua của Bộ Nội vụ", False),
        (NORTH_NAME, 2023, snv("Sơn La"), "Bằng khen của Bộ trưởng", False),
        (NORTH_NAME, 2023, snv("Lào Cai"), "Tập thể lao động xuất sắc", False)}))


@case("roster: one sheet with 'Hình thức đề nghị khen thưởng' beside 'Hình thức được khen thưởng (theo Quyết định)'")
def r11_proposed_and_decided_columns() -> Built:
    rows = [[CENTRAL], ["TỔNG HỢP ĐỀ NGHỊ VÀ KẾT QUẢ KHEN THƯỞNG NĂM 2020"],
            ["STT", "Đơn vị", "Hình thức đề nghị khen thưởng", "Hình thức được khen thưởng (theo Quyết định)"],
            [1, "Khánh Hòa", "Cờ thi đua của Chính phủ", "Cờ thi đua của Bộ Nội vụ"],
            [2, "Đà Nẵng", "Bằng khen của Thủ tướng Chính phủ", "Bằng khen của Bộ trưởng Bộ Nội vụ"],
            [3, "Quảng Ngãi", "Bằng khen của Bộ trưởng Bộ Nội vụ", None]]
    return Built(xlsx_bytes(SheetSpec("KT", rows)), "kt.xlsx", RosterExpect(set(), awards={
        (CENTRAL_NAME, 2020, snv("Khánh Hòa"), "Cờ thi đua của Chính phủ", True),
        (CENTRAL_NAME, 2020, snv("Khánh Hòa"), "Cờ thi đua của Bộ Nội vụ", False),
        (CENTRAL_NAME, 2020, snv("Đà Nẵng"), "Bằng khen của Thủ tướng Chính phủ", True),
        (CENTRAL_NAME, 2020, snv("Đà Nẵng"), "Bằng khen của Bộ trưởng Bộ Nội vụ", False),
        (CENTRAL_NAME, 2020, snv("Quảng Ngãi"), "Bằng khen của Bộ trưởng Bộ Nội vụ", True)}))


@case("roster: one award column holding 'Đề nghị Thủ tướng Chính phủ tặng Bằng khen' beside decided awards with "
      "their Quyết định number")
def r12_proposal_written_in_the_award_cell() -> Built:
    rows = [[MIDLAND], ["KHEN THƯỞNG NĂM 2022"], ["STT", "Đơn vị", "Hình thức khen thưởng"],
            [1, "Bắc Giang", "Cờ thi đua của Bộ Nội vụ (Quyết định số 45/QĐ-BNV ngày 15/01/2023)"],
            [2, "Bắc Kạn", "Đề nghị Thủ tướng Chính phủ tặng Bằng khen"],
            [3, "Phú Thọ", "Bằng khen của Bộ trưởng Bộ Nội vụ (QĐ số 46/QĐ-BNV)"]]
    return Built(xlsx_bytes(SheetSpec("KT", rows)), "kt.xlsx", RosterExpect(set(), awards={
        (MIDLAND_NAME, 2022, snv("Bắc Giang"), "Cờ thi đua của Bộ Nội vụ", False),
        (MIDLAND_NAME, 2022, snv("Bắc Kạn"), "Đề nghị Thủ tướng Chính phủ tặng Bằng khen", True),
        (MIDLAND_NAME, 2022, snv("Phú Thọ"), "Bằng khen của Bộ trưởng Bộ Nội vụ", False)}))


@case("roster: award list in 'I. TẬP THỂ' and 'II. CÁ NHÂN' sections: individuals ('Ông ..., Giám đốc Sở Nội vụ "
      "tỉnh Lạng Sơn') are no units")
def r13_collective_and_individual_sections() -> Built:
    rows = [[NORTH], ["DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2022"],
            ["STT", "Đơn vị", "Hình thức khen thưởng"],
            ["I", "TẬP THỂ", None],
            [1, "Sở Nội vụ tỉnh Lạng Sơn", "Cờ thi đua của Bộ Nội vụ"],
            [2, "Sở Nội vụ tỉnh Lai Châu", "Bằng khen của Bộ trưởng Bộ Nội vụ"],
            ["II", "CÁ NHÂN", None],
            [1, "Ông Nguyễn Văn An, Giám đốc Sở Nội vụ tỉnh Lạng Sơn", "Bằng khen của Bộ trưởng Bộ Nội vụ"],
            [2, "Bà Lò Thị Mai, Phó Giám đốc Sở Nội vụ tỉnh Cao Bằng", "Bằng khen của Bộ trưởng Bộ Nội vụ"]]
    return Built(xlsx_bytes(SheetSpec("De nghi", rows)), "de_nghi.xlsx", RosterExpect(set(), members=set(), awards={
        (NORTH_NAME, 2022, snv("Lạng Sơn"), "Cờ thi đua của Bộ Nội vụ", True),
        (NORTH_NAME, 2022, snv("Lai Châu"), "Bằng khen của Bộ trưởng Bộ Nội vụ", True)}))


@case("roster: award list headed 'Tên tập thể, cá nhân' with an 'Đối tượng' column saying 'Tập thể' / 'Cá nhân', "
      "individuals written without 'Ông/Bà'")
def r14_collective_or_individual_column() -> Built:
    rows = [[NORTH], ["DANH SÁCH KHEN THƯỞNG NĂM 2023"],
            ["STT", "Tên tập thể, cá nhân", "Đối tượng", "Hình thức khen thưởng"],
            [1, "Sở Nội vụ tỉnh Lai Châu", "Tập thể", "Cờ thi đua của Bộ Nội vụ"],
            [2, "Nguyễn Thị Bình - Trưởng phòng Công chức, viên chức, Sở Nội vụ tỉnh Cao Bằng", "Cá nhân",
             "Bằng khen của Bộ trưởng Bộ Nội vụ"],
            [3, "Sở Nội vụ tỉnh Hà Giang", "Tập thể", "Bằng khen của Bộ trưởng Bộ Nội vụ"]]
    return Built(xlsx_bytes(SheetSpec("KT", rows)), "kt.xlsx", RosterExpect(set(), members=set(), awards={
        (NORTH_NAME, 2023, snv("Lai Châu"), "Cờ thi đua của Bộ Nội vụ", False),
        (NORTH_NAME, 2023, snv("Hà Giang"), "Bằng khen của Bộ trưởng Bộ Nội vụ", False)}))


@case("roster: member list closed by 'Tổng cộng: 07 đơn vị', then 'Ghi chú', 'Nơi nhận' and signatures")
def r15_total_line_notes_and_signatures() -> Built:
    rows = [["UBND TỈNH LẠNG SƠN", None, MOTTO], ["CỤM THI ĐUA CÁC CƠ QUAN THAM MƯU TỔNG HỢP", None, FREEDOM],
            ["DANH SÁCH ĐƠN VỊ THÀNH VIÊN NĂM 2021"], ["STT", "Đơn vị", "Ghi chú"],
            [1, "Sở Tài chính", None], [2, "Sở Kế hoạch và Đầu tư", "Thành viên từ năm 2019"], [3, "Văn phòng UBND tỉnh", None],
            [4, "Sở Tư pháp", None], [None, "Tổng cộng: 04 đơn vị", None],
            ["Ghi chú: danh sách theo Quyết định số 12/QĐ-UBND ngày 05/01/2021."], *SIGNATURES]
    units = ("Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Văn phòng UBND tỉnh", "Sở Tư pháp")
    return Built(xlsx_bytes(SheetSpec("DS", rows)), "ds.xlsx", RosterExpect(set(), members=listed(AGENCIES_LS, 2021, units), awards=set()))


@case("roster: one row per unit, the cluster merged down over its member rows, the role in a 'Vai trò' column")
def r16_cluster_merged_over_member_rows() -> Built:
    rows = [["DANH SÁCH THÀNH VIÊN CÁC CỤM THI ĐUA NĂM 2022"], ["STT", "Cụm thi đua", "Đơn vị", "Vai trò"],
            [1, NORTH_NAME, "Lạng Sơn", "Cụm trưởng"], [2, None, "Lai Châu", "Cụm phó"], [3, None, "Cao Bằng", None],
            [4, MIDLAND_NAME, "Bắc Giang", "Cụm trưởng"], [5, None, "Bắc Kạn", "Cụm phó"], [6, None, "Phú Thọ", None],
            [7, None, "Hòa Bình", None]]
    return Built(xlsx_bytes(SheetSpec("DS", rows, ["B3:B5", "B6:B9"])), "ds.xlsx", RosterExpect(
        led(NORTH_NAME, 2022, snv("Lạng Sơn"), snv("Lai Châu")) | led(MIDLAND_NAME, 2022, snv("Bắc Giang"), snv("Bắc Kạn")),
        members=listed(NORTH_NAME, 2022, map(snv, ("Lạng Sơn", "Lai Châu", "Cao Bằng")))
        | listed(MIDLAND_NAME, 2022, map(snv, ("Bắc Giang", "Bắc Kạn", "Phú Thọ", "Hòa Bình")))))


@case("roster: a sheet per year ('Nam 2021', 'Nam 2022'), the cluster in each title, roles in 'Chức danh'")
def r17_sheet_per_year() -> Built:
    def sheet(year: int, leader: str, deputy: str) -> SheetSpec:
        rows = [[CENTRAL], ["DANH SÁCH CỤM TRƯỞNG, CỤM PHÓ"], ["TT", "Đơn vị", "Chức danh"],
                [1, f"Sở Nội vụ tỉnh {leader}", "Cụm trưởng"], [2, f"Sở Nội vụ tỉnh {deputy}", "Cụm phó"]]
        return SheetSpec(f"Nam {year}", rows)
    return Built(xlsx_bytes(sheet(2021, "Gia Lai", "Bình Định"), sheet(2022, "Bình Định", "Phú Yên")), "cum.xlsx", RosterExpect(
        led(CENTRAL_NAME, 2021, snv("Gia Lai"), snv("Bình Định")) | led(CENTRAL_NAME, 2022, snv("Bình Định"), snv("Phú Yên")),
        members=set()))


@case("roster: a cluster of a province's economic departments ('KHỐI CÁC SỞ KINH TẾ' under 'UBND TỈNH NGHỆ AN')")
def r18_cluster_of_other_agencies() -> Built:
    rows = [["UBND TỈNH NGHỆ AN", None, MOTTO], ["CỤM THI ĐUA KHỐI CÁC SỞ KINH TẾ", None, FREEDOM],
            ["DANH SÁCH CỤM TRƯỞNG, CỤM PHÓ VÀ THÀNH VIÊN NĂM 2024"],
            ["STT", "Tên cơ quan, đơn vị", "Vai trò"],
            [1, "Sở Tài chính", "Cụm trưởng"], [2, "Sở Kế hoạch và Đầu tư", "Cụm phó"],
            [3, "Sở Công Thương", "Thành viên"], [4, "Sở Xây dựng", "Thành viên"]]
    cluster = "Cụm thi đua khối các sở kinh tế tỉnh Nghệ An"
    return Built(xlsx_bytes(SheetSpec("DS", rows)), "ds.xlsx", RosterExpect(
        led(cluster, 2024, "Sở Tài chính", "Sở Kế hoạch và Đầu tư"),
        members=listed(cluster, 2024, ("Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Sở Công Thương", "Sở Xây dựng"))))


@case("roster: numbered clusters 'Cụm số 1', 'Cụm số 2' in a column under 'UBND TỈNH BẮC GIANG', agencies in one cell "
      "by commas and semicolons ('Sở Văn hóa, Thể thao và Du lịch' keeps its comma)")
def r19_numbered_clusters_of_a_province() -> Built:
    rows = [["UBND TỈNH BẮC GIANG"], ["PHÂN CÔNG CỤM TRƯỞNG, CỤM PHÓ CÁC CỤM THI ĐUA NĂM 2024"],
            ["Cụm", "Cụm trưởng", "Cụm phó", "Các đơn vị thành viên"],
            ["Cụm số 1", "Sở Tài chính", "Sở Tư pháp", "Sở Tài chính, Sở Tư pháp, Văn phòng UBND tỉnh, Sở Kế hoạch và Đầu tư"],
            ["Cụm số 2", "Sở Y tế", "Sở Văn hóa, Thể thao và Du lịch",
             "Sở Văn hóa, Thể thao và Du lịch; Sở Y tế; Sở Giáo dục và Đào tạo"]]
    one, two = "Cụm thi đua số 1 tỉnh Bắc Giang", "Cụm thi đua số 2 tỉnh Bắc Giang"
    return Built(xlsx_bytes(SheetSpec("Phan cong", rows)), "phan_cong.xlsx", RosterExpect(
        led(one, 2024, "Sở Tài chính", "Sở Tư pháp") | led(two, 2024, "Sở Y tế", "Sở Văn hóa, Thể thao và Du lịch"),
        members=listed(one, 2024, ("Sở Tài chính", "Sở Tư pháp", "Văn phòng UBND tỉnh", "Sở Kế hoạch và Đầu tư"))
        | listed(two, 2024, ("Sở Văn hóa, Thể thao và Du lịch", "Sở Y tế", "Sở Giáo dục và Đào tạo"))))


@case("roster: two deputies in one 'Cụm phó' cell, by a line break and by a comma")
def r20_two_deputies_in_one_cell() -> Built:
    rows = [["Cụm thi đua", "Năm", "Cụm trưởng", "Cụm phó"],
            [NORTH_NAME, 2023, "Lai Châu", "Điện Biên\nSơn La"], [MIDLAND_NAME, 2023, "Bắc Kạn", "Tuyên Quang, Phú Thọ"]]
    return Built(xlsx_bytes(SheetSpec("CT", rows)), "ct.xlsx", RosterExpect(
        led(NORTH_NAME, 2023, snv("Lai Châu"), snv("Điện Biên"), snv("Sơn La"))
        | led(MIDLAND_NAME, 2023, snv("Bắc Kạn"), snv("Tuyên Quang"), snv("Phú Thọ"))))


@case("roster: two units in one 'Cụm trưởng' cell: a cluster has one leader a year, refused at that cell")
def r21_two_leaders_in_one_cell() -> Built:
    rows = [["Cụm thi đua", "Năm", "Cụm trưởng", "Cụm phó"], [NORTH_NAME, 2023, "Lai Châu, Điện Biên", "Sơn La"]]
    return Built(xlsx_bytes(SheetSpec("CT", rows)), "ct.xlsx", RefusalExpect("two leaders in one cell", "CT", "C2"))


@case("roster: semicolon CSV of a 'Khối thi đua' with 'Khối trưởng' / 'Khối phó' columns and 'Năm 2023' as text")
def r22_khoi_csv() -> Built:
    cluster = "Khối thi đua các cơ quan Đảng tỉnh Lạng Sơn"
    rows = [["Khối thi đua", "Năm", "Khối trưởng", "Khối phó"],
            [cluster, "Năm 2023", "Ban Tổ chức Tỉnh ủy", "Văn phòng Tỉnh ủy"],
            [cluster, "Năm 2024", "Văn phòng Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy"]]
    return Built(csv_bytes(rows, ";"), "khoi.csv", RosterExpect(
        led(cluster, 2023, "Ban Tổ chức Tỉnh ủy", "Văn phòng Tỉnh ủy") | led(cluster, 2024, "Văn phòng Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy"),
        members=set(), awards=set()))


@case("roster: member list in one column naming the leader and deputy after the unit ('... (Cụm trưởng)', '- Cụm phó')")
def r23_roles_written_after_member_names() -> Built:
    rows = [["DANH SÁCH THÀNH VIÊN CỤM THI ĐUA SỞ NỘI VỤ CÁC TỈNH TRUNG DU VÀ MIỀN NÚI PHÍA BẮC NĂM 2022"],
            ["STT", "Đơn vị"], [1, "Sở Nội vụ tỉnh Bắc Giang (Cụm trưởng)"], [2, "Sở Nội vụ tỉnh Bắc Kạn - Cụm phó"],
            *[[i + 3, f"Sở Nội vụ tỉnh {p}"] for i, p in enumerate(MIDLAND7[2:])]]
    return Built(xlsx_bytes(SheetSpec("TV", rows)), "tv.xlsx", RosterExpect(
        led(MIDLAND_NAME, 2022, snv("Bắc Giang"), snv("Bắc Kạn")), members=listed(MIDLAND_NAME, 2022, map(snv, MIDLAND7))))


@case("roster: the header repeated atop a second printed page, role headers 'Trưởng Cụm' / 'Phó trưởng Cụm'")
def r24_repeated_header_and_reversed_role_words() -> Built:
    header = ["STT", "Cụm thi đua", "Năm", "Trưởng Cụm", "Phó trưởng Cụm"]
    rows = [["DANH SÁCH TRƯỞNG CỤM, PHÓ TRƯỞNG CỤM"], header,
            [1, NORTH_NAME, 2021, "Cao Bằng", "Lạng Sơn"], [2, NORTH_NAME, 2022, "Lạng Sơn", "Lai Châu"],
            header, [3, MIDLAND_NAME, 2021, "Yên Bái", "Bắc Giang"], [4, MIDLAND_NAME, 2022, "Bắc Giang", "Bắc Kạn"]]
    return Built(xlsx_bytes(SheetSpec("DS", rows)), "ds.xlsx", RosterExpect(
        led(NORTH_NAME, 2021, snv("Cao Bằng"), snv("Lạng Sơn")) | led(NORTH_NAME, 2022, snv("Lạng Sơn"), snv("Lai Châu"))
        | led(MIDLAND_NAME, 2021, snv("Yên Bái"), snv("Bắc Giang")) | led(MIDLAND_NAME, 2022, snv("Bắc Giang"), snv("Bắc Kạn"))))


@case("roster: award list naming an office of a member ('Phòng Công chức, viên chức - Sở Nội vụ tỉnh Cao Bằng', "
      "'Ban Giám đốc Sở ...') and a person ('Đ/c ... - Chuyên viên'): only the members' own awards count")
def r25_offices_and_persons_are_no_members() -> Built:
    rows = [[NORTH], ["DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2022"], ["STT", "Đơn vị", "Hình thức đề nghị"],
            [1, "Sở Nội vụ tỉnh Lạng Sơn", "Cờ thi đua của Bộ Nội vụ"],
            [2, "Phòng Công chức, viên chức - Sở Nội vụ tỉnh Cao Bằng", "Bằng khen của Bộ trưởng Bộ Nội vụ"],
            [3, "Ban Giám đốc Sở Nội vụ tỉnh Hà Giang", "Bằng khen của Bộ trưởng Bộ Nội vụ"],
            [4, "Đ/c Hoàng Văn Bình - Chuyên viên Sở Nội vụ tỉnh Lai Châu", "Bằng khen của Bộ trưởng Bộ Nội vụ"]]
    return Built(xlsx_bytes(SheetSpec("KT", rows)), "kt.xlsx", RosterExpect(set(), members=set(), awards={
        (NORTH_NAME, 2022, snv("Lạng Sơn"), "Cờ thi đua của Bộ Nội vụ", True)}))



@case("roster: the signature block under a member list written in the role column without 'TM.': a bare "
      "'CỤM TRƯỞNG', the signer's post and name under it; the table ends there")
def r26_bare_signer_title_under_the_list() -> Built:
    rows = [[NORTH], ["DANH SÁCH ĐƠN VỊ THÀNH VIÊN NĂM 2024"], ["STT", "Đơn vị", "Vai trò"],
            [1, "Sở Nội vụ tỉnh Lạng Sơn", "Cụm trưởng"], [2, "Sở Nội vụ tỉnh Cao Bằng", "Cụm phó"],
            [3, "Sở Nội vụ tỉnh Hà Giang", None], [], [None, None, "CỤM TRƯỞNG"],
            [None, None, "GIÁM ĐỐC SỞ NỘI VỤ TỈNH LẠNG SƠN"], [], [None, None, "Nguyễn Văn An"]]
    return Built(xlsx_bytes(SheetSpec("DS", rows)), "ds.xlsx", RosterExpect(
        led(NORTH_NAME, 2024, snv("Lạng Sơn"), snv("Cao Bằng")),
        members=listed(NORTH_NAME, 2024, map(snv, ("Lạng Sơn", "Cao Bằng", "Hà Giang")))))


@case("roster: a row holding only the role 'Cụm phó' (its unit left blank) with members listed under it: refused "
      "naming the blank unit cell, not taken for a signature that ends the list")
def r27_role_without_unit_inside_the_list() -> Built:
    rows = [[NORTH], ["DANH SÁCH ĐƠN VỊ THÀNH VIÊN NĂM 2024"], ["STT", "Đơn vị", "Vai trò"],
            [1, "Sở Nội vụ tỉnh Lạng Sơn", "Cụm trưởng"], [None, None, "Cụm phó"],
            [3, "Sở Nội vụ tỉnh Hà Giang", None], [4, "Sở Nội vụ tỉnh Lào Cai", None]]
    return Built(xlsx_bytes(SheetSpec("DS", rows)), "ds.xlsx", RefusalExpect("a deputy without a unit", "DS", "B5"))



@case("roster: the person heading a unit written in brackets after it in the «Cụm trưởng» and «Cụm phó» cells "
      "('Sở Nội vụ tỉnh Lạng Sơn (Giám đốc: ông Nguyễn Văn An)'): the unit is read, the bracket left")
def r28_person_in_brackets_after_the_unit() -> Built:
    rows = [["DANH SÁCH CỤM TRƯỞNG, CỤM PHÓ CÁC CỤM THI ĐUA SỞ NỘI VỤ"],
            ["STT", "Cụm thi đua", "Năm", "Cụm trưởng", "Cụm phó"],
            [1, NORTH_NAME, 2023, "Sở Nội vụ tỉnh Lạng Sơn (Giám đốc: ông Nguyễn Văn An)",
             "Sở Nội vụ tỉnh Lai Châu (Phó Giám đốc: bà Lò Thị Mai)"],
            [2, MIDLAND_NAME, 2023, "Sở Nội vụ tỉnh Bắc Giang (Giám đốc Sở)",
             "SNV Bắc Kạn (đ/c Hoàng Văn Bình, Giám đốc)"]]
    return Built(xlsx_bytes(SheetSpec("DS", rows)), "cum_truong_2023.xlsx", RosterExpect(
        led(NORTH_NAME, 2023, snv("Lạng Sơn"), snv("Lai Châu"))
        | led(MIDLAND_NAME, 2023, snv("Bắc Giang"), snv("Bắc Kạn"))))


@case("roster: footnote marks after the provinces ('Thừa Thiên Huế (1)', 'Lạng Sơn (*)', 'Cao Bằng¹') and the notes "
      "under the table: the provinces are read, the marks left")
def r29_footnote_marks_after_provinces() -> Built:
    rows = [[NORTH], ["DANH SÁCH ĐƠN VỊ THÀNH VIÊN NĂM 2024"], ["STT", "Đơn vị", "Vai trò"],
            [1, "Sở Nội vụ tỉnh Lạng Sơn (*)", "Cụm trưởng"], [2, "Cao Bằng¹", "Cụm phó"],
            [3, "Hà Giang (1)", None], [4, "Lào Cai²", None],
            ["(*) Được bầu tại Hội nghị tổng kết năm 2023."], ["(1), ¹, ²: đơn vị mới chuyển về Cụm."]]
    return Built(xlsx_bytes(SheetSpec("DS", rows)), "ds.xlsx", RosterExpect(
        led(NORTH_NAME, 2024, snv("Lạng Sơn"), snv("Cao Bằng")),
        members=listed(NORTH_NAME, 2024, map(snv, ("Lạng Sơn", "Cao Bằng", "Hà Giang", "Lào Cai")))))


@case("roster: a person's name with the post in brackets in the «Cụm trưởng» cell ('Nguyễn Văn An (Giám đốc Sở "
      "Nội vụ)'): what is left outside the bracket is no unit, refused naming that cell")
def r30_a_person_in_the_leader_cell_is_refused() -> Built:
    rows = [["DANH SÁCH CỤM TRƯỞNG, CỤM PHÓ CÁC CỤM THI ĐUA SỞ NỘI VỤ"],
            ["STT", "Cụm thi đua", "Năm", "Cụm trưởng", "Cụm phó"],
            [1, NORTH_NAME, 2023, "Sở Nội vụ tỉnh Lạng Sơn", "Sở Nội vụ tỉnh Lai Châu"],
            [2, MIDLAND_NAME, 2023, "Nguyễn Văn An (Giám đốc Sở Nội vụ tỉnh Bắc Giang)", "SNV Bắc Kạn"]]
    return Built(xlsx_bytes(SheetSpec("DS", rows)), "cum_truong_2023.xlsx",
                 RefusalExpect("a person, not a unit, in the leader cell", "DS", "D4"))


MINUTES_TITLE = "BIÊN BẢN HỘI NGHỊ TỔNG KẾT CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM 2023"
ELECTION_LINE = "KẾT QUẢ BẦU CỤM TRƯỞNG, CỤM PHÓ NĂM 2024"


@case("roster: minutes of the year-end meeting of 2023 electing the leaders of 2024 (title naming 2023, the line "
      "over the table naming 2024; 'Chức danh | Đơn vị được bầu | Số phiếu'): the roles of 2024")
def r31_minutes_electing_next_years_leaders() -> Built:
    rows = [[NORTH, None, None, MOTTO], [None, None, None, FREEDOM], [MINUTES_TITLE], [],
            ["Hôm nay, ngày 15 tháng 12 năm 2023, tại Sở Nội vụ tỉnh Lai Châu, Cụm thi đua tổ chức Hội nghị tổng kết."],
            [ELECTION_LINE], ["STT", "Chức danh", "Đơn vị được bầu", "Số phiếu"],
            [1, "Cụm trưởng", "Sở Nội vụ tỉnh Điện Biên", 7], [2, "Cụm phó", "Sở Nội vụ tỉnh Sơn La", 6],
            [], [None, "THƯ KÝ HỘI NGHỊ", None, "CHỦ TRÌ HỘI NGHỊ"]]
    return Built(xlsx_bytes(SheetSpec("Bien ban", rows)), "bien_ban_hoi_nghi.xlsx", RosterExpect(
        led(NORTH_NAME, 2024, snv("Điện Biên"), snv("Sơn La"))))


@case("roster: minutes titled 'TỔNG KẾT ... NĂM 2023 VÀ TRIỂN KHAI NHIỆM VỤ NĂM 2024' over the elected units, no line "
      "naming the year of the roles: refused saying both years are named and asking which, not that no year is named")
def r32_minutes_naming_two_years_without_saying_which() -> Built:
    rows = [[NORTH], ["BIÊN BẢN HỘI NGHỊ TỔNG KẾT CÔNG TÁC THI ĐUA NĂM 2023 VÀ TRIỂN KHAI NHIỆM VỤ NĂM 2024"],
            ["STT", "Chức danh", "Đơn vị được bầu", "Số phiếu"],
            [1, "Cụm trưởng", "Sở Nội vụ tỉnh Điện Biên", 7], [2, "Cụm phó", "Sở Nội vụ tỉnh Sơn La", 6]]
    return Built(xlsx_bytes(SheetSpec("Bien ban", rows)), "bien_ban.xlsx",
                 RefusalExpect("two years named (2023, 2024): which one", "Bien ban", "A2"))


@case("roster: a vote count ('Số phiếu bầu Cụm trưởng | Số phiếu bầu Cụm phó | Kết quả') under the cluster's name and "
      "'KẾT QUẢ BẦU CỤM TRƯỞNG, CỤM PHÓ NĂM 2024': roles from «Kết quả», the votes are no scores")
def r33_vote_count_with_the_result_column() -> Built:
    rows = [[NORTH], [ELECTION_LINE],
            ["STT", "Đơn vị", "Số phiếu bầu Cụm trưởng", "Số phiếu bầu Cụm phó", "Kết quả"],
            [1, "Sở Nội vụ tỉnh Điện Biên", 7, 0, "Cụm trưởng"], [2, "Sở Nội vụ tỉnh Sơn La", 0, 6, "Cụm phó"],
            [3, "Sở Nội vụ tỉnh Lai Châu", 0, 1, None], [4, "Sở Nội vụ tỉnh Lào Cai", 0, 0, None]]
    return Built(xlsx_bytes(SheetSpec("Ket qua bau", rows)), "ket_qua_bau.xlsx", RosterExpect(
        led(NORTH_NAME, 2024, snv("Điện Biên"), snv("Sơn La")),
        members=listed(NORTH_NAME, 2024, map(snv, ("Điện Biên", "Sơn La", "Lai Châu", "Lào Cai")))))



@case("roster: a vote count with no «Kết quả» column ('Số phiếu bầu Cụm trưởng | Số phiếu bầu Cụm phó' only): refused "
      "saying no column tells who was elected, not read as a member list nor as votes for units named '7'")
def r34_vote_count_without_the_result_column() -> Built:
    rows = [[NORTH], [ELECTION_LINE], ["STT", "Đơn vị", "Số phiếu bầu Cụm trưởng", "Số phiếu bầu Cụm phó"],
            [1, "Sở Nội vụ tỉnh Điện Biên", 7, 0], [2, "Sở Nội vụ tỉnh Sơn La", 0, 6],
            [3, "Sở Nội vụ tỉnh Lai Châu", 0, 1]]
    return Built(xlsx_bytes(SheetSpec("Ket qua bau", rows)), "ket_qua_bau.xlsx",
                 RefusalExpect("votes without the result", "Ket qua bau", "C3"))


LANG_SON_AGENCIES = "Cụm thi đua các cơ quan tham mưu tổng hợp tỉnh Lạng Sơn"


@case("roster of an agencies cluster naming the head and his post instead of the unit ('Nguyễn Văn An (Giám đốc Sở "
      "Tài chính)', 'Trần Minh Tuấn - Phó Giám đốc Sở Kế hoạch và Đầu tư'): the units the posts name, never a person")
def r35_agency_heads_in_the_role_cells() -> Built:
    rows = [["UBND TỈNH LẠNG SƠN"], ["CỤM THI ĐUA CÁC CƠ QUAN THAM MƯU TỔNG HỢP"],
            ["DANH SÁCH CỤM TRƯỞNG, CỤM PHÓ NĂM 2021"], ["STT", "Cụm trưởng", "Cụm phó"],
            [1, "Nguyễn Văn An (Giám đốc Sở Tài chính)", "Trần Minh Tuấn - Phó Giám đốc Sở Kế hoạch và Đầu tư"]]
    return Built(xlsx_bytes(SheetSpec("DS", rows)), "cum_truong_2021.xlsx", RosterExpect(
        led(LANG_SON_AGENCIES, 2021, "Sở Tài chính", "Sở Kế hoạch và Đầu tư")))


@case("roster of an agencies cluster with a bare person's name in the «Cụm phó» cell ('Lê Thị Hồng'): no unit, "
      "refused naming that cell")
def r36_a_person_without_a_unit_in_an_agencies_roster() -> Built:
    rows = [["UBND TỈNH LẠNG SƠN"], ["CỤM THI ĐUA CÁC CƠ QUAN THAM MƯU TỔNG HỢP"],
            ["DANH SÁCH CỤM TRƯỞNG, CỤM PHÓ NĂM 2021"], ["STT", "Cụm trưởng", "Cụm phó"],
            [1, "Sở Tài chính", "Lê Thị Hồng"]]
    return Built(xlsx_bytes(SheetSpec("DS", rows)), "cum_truong_2021.xlsx",
                 RefusalExpect("a person, not a unit, in the deputy cell", "DS", "C5"))


@case("roster: the election's outcome beside the outgoing holders ('Chức danh | Đơn vị năm 2023 | Đơn vị năm 2024' "
      "under 'KẾT QUẢ BẦU CỤM TRƯỞNG, CỤM PHÓ NĂM 2024'): each year's roles from its own column")
def r37_outgoing_and_elected_units_side_by_side() -> Built:
    rows = [[NORTH], [ELECTION_LINE], ["STT", "Chức danh", "Đơn vị năm 2023", "Đơn vị năm 2024"],
            [1, "Cụm trưởng", "Sở Nội vụ tỉnh Lai Châu", "Sở Nội vụ tỉnh Điện Biên"],
            [2, "Cụm phó", "Sở Nội vụ tỉnh Điện Biên", "Sở Nội vụ tỉnh Sơn La"]]
    return Built(xlsx_bytes(SheetSpec("Ket qua bau", rows)), "ket_qua_bau.xlsx", RosterExpect(
        led(NORTH_NAME, 2023, snv("Lai Châu"), snv("Điện Biên")) | led(NORTH_NAME, 2024, snv("Điện Biên"), snv("Sơn La"))))


# ================================================================ round 2: scoring summaries


@case("transposed summary: criteria as rows (I, 1, 1.1 with Điểm chuẩn), one column per unit, TỔNG CỘNG row")
def s101_transposed_summary() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2022"],
            ["TT", "Nội dung tiêu chí", "Điểm chuẩn", "Lạng Sơn", "Cao Bằng", "Hà Giang"],
            ["I", "Công tác tổ chức", 40, 38, 36, 35], [1, "Bộ máy", 20, 19, 18, 17], [2, "Biên chế", 20, 19, 18, 18],
            ["II", "Cải cách hành chính", 60, 55, 54, 52],
            [None, "TỔNG CỘNG", 100, 93, 90, 87]]
    return Built(xlsx_bytes(SheetSpec("Tong hop", rows)), "tong_hop.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(93, 1, "Lạng Sơn"), snv("Cao Bằng"): U(90, 2, "Cao Bằng"), snv("Hà Giang"): U(87, 3, "Hà Giang")},
        criteria={(snv("Cao Bằng"), "I/1"): 18, (snv("Hà Giang"), "II"): 52}))


@case("one detail sheet with every unit side by side: 'Điểm chuẩn' then, per unit merged over two columns, "
      "'Tự chấm' / 'Cụm chấm'")
def s102_units_side_by_side_in_one_detail_sheet() -> Built:
    rows = [[NORTH], ["BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022"],
            ["TT", "Nội dung", "Điểm chuẩn", "Lạng Sơn", None, "Cao Bằng", None],
            [None, None, None, "Tự chấm", "Cụm chấm", "Tự chấm", "Cụm chấm"],
            ["I", "Tổ chức", 50, 49, 47, 48, 46], ["II", "CCHC", 50, 48, 46, 47, 47],
            [None, "Tổng cộng", 100, 97, 93, 95, 93]]
    merged = ["A3:A4", "B3:B4", "C3:C4", "D3:E3", "F3:G3"]
    return Built(xlsx_bytes(SheetSpec("Chi tiet", rows, merged)), "cham_diem.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(93, 1, "Lạng Sơn", self_total=97), snv("Cao Bằng"): U(93, 1, "Cao Bằng", self_total=95)},
        criteria={(snv("Lạng Sơn"), "I"): 47, (snv("Cao Bằng"), "II"): 47}))


@case("units side by side in one header row: 'Điểm chuẩn | Lạng Sơn tự chấm | Lạng Sơn Cụm chấm | Cao Bằng tự chấm "
      "| Cao Bằng Cụm chấm', codes inside the text")
def s119_units_side_by_side_one_header_row() -> Built:
    rows = [[NORTH], ["BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2023"],
            ["Nội dung tiêu chí", "Điểm chuẩn", "Lạng Sơn tự chấm", "Lạng Sơn Cụm chấm", "Cao Bằng tự chấm",
             "Cao Bằng Cụm chấm"],
            ["I. Tổ chức", 40, 39, 38, 40, 39], ["1. Bộ máy", 20, 20, 19, 20, 20], ["2. Biên chế", 20, 19, 19, 20, 19],
            ["II. CCHC", 60, 58, 55, 57, 56]]
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "cham_diem.xlsx", ScoringExpect(NORTH_NAME, 2023, {
        snv("Lạng Sơn"): U(93, 2, "Lạng Sơn", self_total=97), snv("Cao Bằng"): U(95, 1, "Cao Bằng", self_total=97)},
        criteria={(snv("Lạng Sơn"), "I/2"): 19, (snv("Cao Bằng"), "II"): 56}))


@case("an agencies cluster's detail sheet with the agencies side by side: 'Sở Tài chính' / 'Sở Tư pháp' merged "
      "over 'Tự chấm' / 'Cụm chấm'")
def s121_agencies_side_by_side_in_one_detail_sheet() -> Built:
    rows = [["UBND TỈNH LẠNG SƠN"], ["CỤM THI ĐUA CÁC CƠ QUAN THAM MƯU TỔNG HỢP"], ["BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022"],
            ["TT", "Nội dung", "Điểm chuẩn", "Sở Tài chính", None, "Sở Tư pháp", None],
            [None, None, None, "Tự chấm", "Cụm chấm", "Tự chấm", "Cụm chấm"],
            ["I", "Tổ chức", 50, 49, 47, 48, 46], ["II", "CCHC", 50, 48, 46, 47, 45]]
    merged = ["A4:A5", "B4:B5", "C4:C5", "D4:E4", "F4:G4"]
    return Built(xlsx_bytes(SheetSpec("Chi tiet", rows, merged)), "cham_diem.xlsx", ScoringExpect(
        "Cụm thi đua các cơ quan tham mưu tổng hợp tỉnh Lạng Sơn", 2022, {
            "Sở Tài chính": U(93, 1, self_total=97), "Sở Tư pháp": U(91, 2, self_total=95)},
        criteria={("Sở Tài chính", "I"): 47, ("Sở Tư pháp", "II"): 45}))


@case("'Điểm trừ' holding negative numbers beside a 'Lý do trừ điểm' text column")
def s103_penalty_with_reason_column() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Đơn vị", "Tiêu chí 1", "Tiêu chí 2", "Điểm trừ", "Lý do trừ điểm", "Tổng điểm", "Xếp hạng"],
            [1, "Lạng Sơn", 50, 45, None, None, 95, 1],
            [2, "Cao Bằng", 49, 44, -1.5, "Gửi báo cáo chậm 02 ngày", 91.5, 2],
            [3, "Lào Cai", 48, 44, -2, "Thiếu số liệu biểu 05", 90, 3]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(95, 1, "Lạng Sơn", penalty=0), snv("Cao Bằng"): U(91.5, 2, "Cao Bằng", penalty=1.5),
        snv("Lào Cai"): U(90, 3, "Lào Cai", penalty=2)}, criteria_keys={"1", "2"}))


@case("bonus group 'Điểm thưởng (tối đa 5 điểm)' merged over two child columns 'Sáng kiến' / "
      "'Được khen thưởng', then Tổng điểm")
def s104_bonus_group_over_child_columns() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Đơn vị", "I. Tổ chức (50đ)", "II. CCHC (50đ)", "Điểm thưởng (tối đa 5 điểm)", None, "Tổng điểm", "Xếp hạng"],
            [None, None, None, None, "Sáng kiến", "Được khen thưởng", None, None],
            [1, "Lạng Sơn", 48, 47, 2, 1, 98, 1], [2, "Sơn La", 47, 46, 1, None, 94, 2]]
    merged = ["A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:F3", "G3:G4", "H3:H4"]
    return Built(xlsx_bytes(SheetSpec("TH", rows, merged)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(98, 1, "Lạng Sơn", bonus=3), snv("Sơn La"): U(94, 2, "Sơn La", bonus=1)},
        criteria_keys={"I", "II"}))


@case("'Điểm cộng, điểm trừ' merged over 'Điểm thưởng' and 'Điểm trừ' (the parent names both), then Tổng điểm")
def s120_bonus_and_penalty_under_one_label() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Đơn vị", "Tiêu chí 1", "Tiêu chí 2", "Điểm cộng, điểm trừ", None, "Tổng điểm", "Xếp hạng"],
            [None, None, None, None, "Điểm thưởng", "Điểm trừ", None, None],
            [1, "Lạng Sơn", 50, 45, 2, 1, 96, 1], [2, "Cao Bằng", 49, 44, None, 2, 91, 2]]
    merged = ["A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:F3", "G3:G4", "H3:H4"]
    return Built(xlsx_bytes(SheetSpec("TH", rows, merged)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(96, 1, "Lạng Sơn", bonus=2, penalty=1), snv("Cao Bằng"): U(91, 2, "Cao Bằng", bonus=0, penalty=2)},
        criteria_keys={"1", "2"}))


@case("ranks in Roman numerals 'I', 'II', 'II', 'IV' with a tie on the total")
def s105_roman_ranks_with_tie() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Đơn vị", "Tổng điểm", "Xếp hạng"],
            [1, "Lạng Sơn", 96, "I"], [2, "Cao Bằng", 94, "II"], [3, "Điện Biên", 94, "II"], [4, "Sơn La", 90, "IV"]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(96, 1, "Lạng Sơn"), snv("Cao Bằng"): U(94, 2, "Cao Bằng"), snv("Điện Biên"): U(94, 2, "Điện Biên"),
        snv("Sơn La"): U(90, 4, "Sơn La")}))


@case("ranks written '2 (đồng hạng)' and 'Hạng Nhất', a 'Xếp loại' grade column ('Xuất sắc', 'Tốt') and "
      "'Đề nghị khen thưởng' ('Cờ thi đua', 'Bằng khen')")
def s106_tied_rank_words_grade_and_award() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Đơn vị", "Tổng điểm", "Xếp hạng", "Xếp loại", "Đề nghị khen thưởng"],
            [1, "Lạng Sơn", 97, "Hạng Nhất", "Xuất sắc", "Cờ thi đua"],
            [2, "Cao Bằng", 95, "2 (đồng hạng)", "Xuất sắc", "Bằng khen"],
            [3, "Lai Châu", 95, "2 (đồng hạng)", "Xuất sắc", "Bằng khen"], [4, "Hà Giang", 88, 4, "Tốt", None]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(97, 1, "Lạng Sơn", award="Cờ thi đua"), snv("Cao Bằng"): U(95, 2, "Cao Bằng", award="Bằng khen"),
        snv("Lai Châu"): U(95, 2, "Lai Châu", award="Bằng khen"), snv("Hà Giang"): U(88, 4, "Hà Giang")}))


@case("the header and its column-number row repeated mid-table (printed page break)")
def s107_header_repeated_mid_table() -> Built:
    header = ["STT", "Đơn vị", "Tiêu chí 1", "Tiêu chí 2", "Tổng điểm", "Xếp hạng"]
    numbers = ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"]
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"], header, numbers,
            [1, "Lạng Sơn", 50, 45, 95, 1], [2, "Cao Bằng", 49, 44, 93, 2],
            header, numbers, [3, "Lai Châu", 48, 43, 91, 3], [4, "Sơn La", 45, 40, 85, 4]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(95, 1, "Lạng Sơn"), snv("Cao Bằng"): U(93, 2, "Cao Bằng"), snv("Lai Châu"): U(91, 3, "Lai Châu"),
        snv("Sơn La"): U(85, 4, "Sơn La")}, criteria_keys={"1", "2"}))


@case("a unit's 'Tự chấm' and 'Cụm chấm' rows split by the header repeated at a page break")
def s108_unit_rows_split_by_repeated_header() -> Built:
    header = ["STT", "Đơn vị", "Nội dung", "Tiêu chí 1", "Tiêu chí 2", "Tổng điểm"]
    rows = [[NORTH], ["KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2022"], header,
            [1, "Lạng Sơn", "Tự chấm", 50, 49, 99], [None, None, "Cụm chấm", 47, 45, 92],
            [2, "Cao Bằng", "Tự chấm", 49, 48, 97], header, [None, None, "Cụm chấm", 48, 46, 94]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(92, 2, "Lạng Sơn", self_total=99), snv("Cao Bằng"): U(94, 1, "Cao Bằng", self_total=97)}))


@case("a second table on the same sheet: 'PHẦN II. ĐIỂM CỘNG' listing each unit's bonus items under its own header")
def s109_second_table_part_two_bonus() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"], ["PHẦN I. ĐIỂM CHẤM THEO TIÊU CHÍ"],
            ["STT", "Đơn vị", "Tiêu chí 1", "Tiêu chí 2", "Điểm cộng", "Tổng điểm", "Xếp hạng"],
            [1, "Lạng Sơn", 50, 45, 2, 97, 1], [2, "Cao Bằng", 49, 44, 1, 94, 2], [],
            ["PHẦN II. ĐIỂM CỘNG"],
            ["STT", "Đơn vị", "Nội dung được cộng điểm", "Điểm cộng"],
            [1, "Lạng Sơn", "Sáng kiến cấp tỉnh", 2], [2, "Cao Bằng", "Bằng khen của Bộ", 1]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(97, 1, "Lạng Sơn", bonus=2), snv("Cao Bằng"): U(94, 2, "Cao Bằng", bonus=1)},
        criteria_keys={"1", "2"}))


@case("a meeting date typed as a real date cell beside 'Lạng Sơn, ngày' (2023-01-10); title without year, "
      "year only in the file name")
def s110_date_cell_in_motto_block() -> Built:
    rows = [["SỞ NỘI VỤ TỈNH LẠNG SƠN", None, None, MOTTO], [NORTH, None, None, FREEDOM],
            [None, None, "Lạng Sơn, ngày", datetime.datetime(2023, 1, 10)],
            ["BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA"],
            ["STT", "Đơn vị", "Tổng điểm", "Xếp hạng"], [1, "Lạng Sơn", 96, 1], [2, "Cao Bằng", 94, 2]]
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "KQ_cham_diem_2022.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(96, 1, "Lạng Sơn"), snv("Cao Bằng"): U(94, 2, "Cao Bằng")}))


@case("stated totals off by rounding (0,01) from the criteria they add up")
def s111_rounding_differences() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Đơn vị", "Tiêu chí 1", "Tiêu chí 2", "Tiêu chí 3", "Tổng điểm", "Xếp hạng"],
            [1, "Lạng Sơn", 33.33, 33.33, 33.33, 100, 1], [2, "Cao Bằng", 30.67, 30.67, 30.67, 92, 2]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(100, 1, "Lạng Sơn"), snv("Cao Bằng"): U(92, 2, "Cao Bằng")},
        criteria={(snv("Lạng Sơn"), "1"): 33.33}))


@case(".xlsm workbook, sheet 'Sheet1', year and cluster number only in the file name 'KQ_cham_diem_2023_cum5'")
def s112_xlsm_year_in_file_name() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA"],
            ["STT", "Đơn vị", "Tổng điểm", "Xếp hạng"], [1, "Lạng Sơn", 96, 1], [2, "Cao Bằng", 94, 2]]
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "KQ_cham_diem_2023_cum5.xlsm", ScoringExpect(NORTH_NAME, 2023, {
        snv("Lạng Sơn"): U(96, 1, "Lạng Sơn"), snv("Cao Bằng"): U(94, 2, "Cao Bằng")}))


@case("mid-year and year-end side by side: 'Sơ kết 6 tháng đầu năm' and 'Tổng kết năm' each over Tổng điểm / Xếp hạng")
def s113_mid_and_year_end_side_by_side() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Đơn vị", "Sơ kết 6 tháng đầu năm", None, "Tổng kết năm", None],
            [None, None, "Tổng điểm", "Xếp hạng", "Tổng điểm", "Xếp hạng"],
            [1, "Lạng Sơn", 48, 2, 96, 1], [2, "Cao Bằng", 49, 1, 94, 2]]
    merged = ["A3:A4", "B3:B4", "C3:D3", "E3:F3"]
    return Built(xlsx_bytes(SheetSpec("TH", rows, merged)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(96, 1, "Lạng Sơn"), snv("Cao Bằng"): U(94, 2, "Cao Bằng")}))


@case("mid-year review stated only in the file name 'KQ_so_ket_6_thang_2023.xlsx'")
def s114_mid_year_in_file_name() -> Built:
    rows = [[MIDLAND], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA"],
            ["STT", "Đơn vị", "Tổng điểm", "Xếp hạng"], [1, "Bắc Giang", 49, 1], [2, "Phú Thọ", 47, 2]]
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "KQ_so_ket_6_thang_2023.xlsx", ScoringExpect(MIDLAND_NAME, 2023, {
        snv("Bắc Giang"): U(49, 1, "Bắc Giang"), snv("Phú Thọ"): U(47, 2, "Phú Thọ")}, period="mid"))


@case("summary scores with 'đ' / 'điểm' suffixes and dotted decimals in text: '48đ', '45,5 điểm', '93.5'")
def s115_suffixed_scores() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Đơn vị", "Tiêu chí 1", "Tiêu chí 2", "Tổng điểm", "Xếp hạng"],
            [1, "Lạng Sơn", "48đ", "45,5 điểm", "93.5", "01"], [2, "Cao Bằng", "47 đ", "44 điểm", "91 điểm", "02"]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(93.5, 1, "Lạng Sơn"), snv("Cao Bằng"): U(91, 2, "Cao Bằng")},
        criteria={(snv("Lạng Sơn"), "2"): 45.5}))


@case("summary: award proposal columns one per award ('Cờ thi đua', 'Bằng khen') with 'x' marks, grade 'Xếp loại'")
def s116_award_mark_columns() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Đơn vị", "Tổng điểm", "Xếp hạng", "Xếp loại", "Đề nghị khen thưởng", None],
            [None, None, None, None, None, "Cờ thi đua", "Bằng khen"],
            [1, "Lạng Sơn", 97, 1, "Xuất sắc", "x", None], [2, "Cao Bằng", 95, 2, "Xuất sắc", None, "x"],
            [3, "Sơn La", 90, 3, "Tốt", None, None]]
    merged = ["A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:E4", "F3:G3"]
    return Built(xlsx_bytes(SheetSpec("TH", rows, merged)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(97, 1, "Lạng Sơn", award="Cờ thi đua"), snv("Cao Bằng"): U(95, 2, "Cao Bằng", award="Bằng khen"),
        snv("Sơn La"): U(90, 3, "Sơn La")}))


@case("summary with criteria groups 'A. Điểm chấm' (I, II) and 'B. Điểm thưởng (tối đa 5 điểm)' as a criteria "
      "group of its own, header over two rows, total right")
def s117_bonus_as_a_criteria_group_column() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Đơn vị", "A. Các tiêu chí chấm điểm", None, "B. Điểm thưởng (tối đa 5 điểm)", "Tổng điểm (A+B)", "Xếp hạng"],
            [None, None, "I. Tổ chức (50đ)", "II. CCHC (50đ)", None, None, None],
            [1, "Lạng Sơn", 49, 48, 4, 101, 1], [2, "Cao Bằng", 48, 47, 2, 97, 2]]
    merged = ["A3:A4", "B3:B4", "C3:D3", "E3:E4", "F3:F4", "G3:G4"]
    return Built(xlsx_bytes(SheetSpec("TH", rows, merged)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(101, 1, "Lạng Sơn", bonus=4), snv("Cao Bằng"): U(97, 2, "Cao Bằng", bonus=2)}))


@case("summary where 'Điểm chuẩn' of each group is written only in the header row under it ('Điểm chuẩn' row "
      "per group only, the total column blank there)")
def s118_maxima_row_groups_only() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Đơn vị", "Nhóm I", "Nhóm II", "Nhóm III", "Tổng điểm", "Xếp hạng"],
            [None, "Điểm chuẩn", 30, 30, 40, None, None],
            [1, "Lạng Sơn", 29, 29, 38, 96, 1], [2, "Cao Bằng", 28, 27, 39, 94, 2]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(96, 1, "Lạng Sơn"), snv("Cao Bằng"): U(94, 2, "Cao Bằng")},
        criteria={(snv("Cao Bằng"), "III"): 39}))


# ================================================================ round 2: detail sheets


@case("detail: 'Điểm chuẩn' stated per group only (leaves without maxima), leaf texts long with line breaks and "
      "scoring rules ('- Đúng hạn: 1 điểm') inside")
def d101_group_maxima_only_and_long_texts() -> Built:
    rows = [[NORTH], ["BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022"], ["Đơn vị: Sở Nội vụ tỉnh Cao Bằng"], *detail_header(),
            ["I", "Công tác tổ chức", 20, None, None],
            [1, "Ban hành kế hoạch thực hiện nhiệm vụ năm.\n- Có kế hoạch: 2 điểm\n- Ban hành đúng hạn: 1 điểm",
             None, 8, 7],
            [2, "Tổ chức thực hiện kế hoạch;\nbáo cáo kết quả theo quy định\n(Mỗi báo cáo chậm trừ 0,5 điểm)",
             None, 9, 9],
            ["II", "Cải cách hành chính", 80, None, None],
            [1, "Chỉ số CCHC của tỉnh:\n- Nhóm A: 40 điểm\n- Nhóm B: 30 điểm", None, 40, 40],
            [2, "Chuyển đổi số", None, 35, 33]]
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "chi_tiet.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Cao Bằng"): U(89, 1, "Cao Bằng", self_total=92)},
        criteria={(snv("Cao Bằng"), "I/1"): 7, (snv("Cao Bằng"), "II/1"): 40, (snv("Cao Bằng"), "II"): 73}))


@case("detail: maxima written 'Tối đa 10 điểm' in the maximum column and in the criterion text '(tối đa 5 điểm)' "
      "without one; scores '9 điểm', '4,5đ'")
def d102_maxima_as_text_and_suffixed_scores() -> Built:
    rows = [[NORTH], ["BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022"], ["Đơn vị: Sở Nội vụ tỉnh Lai Châu"], *detail_header(),
            [1, "Ban hành kế hoạch", "Tối đa 10 điểm", "10 điểm", "9 điểm"],
            [2, "Báo cáo đúng hạn (tối đa 5 điểm)", None, "5đ", "4,5đ"],
            [3, "Tuyên truyền", "05 điểm", "5", "5"]]
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "chi_tiet.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lai Châu"): U(18.5, 1, "Lai Châu", self_total=20)}, criteria={(snv("Lai Châu"), "2"): 4.5}))


@case("detail: 'Điểm trừ' column of negative numbers and a 'Lý do trừ điểm' text column beside the cluster score")
def d103_penalty_and_reason_columns() -> Built:
    rows = [[NORTH], ["BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022"], ["Đơn vị: Sở Nội vụ tỉnh Hà Giang"],
            ["TT", "Nội dung", "Điểm tối đa", "Tự chấm", "Điểm trừ", "Lý do trừ điểm", "Cụm chấm"],
            ["I", "Tổ chức", 50, 50, -2, "Chậm báo cáo quý III", 48], ["II", "CCHC", 50, 49, None, None, 49]]
    return Built(xlsx_bytes(SheetSpec("Ha Giang", rows)), "chi_tiet.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Hà Giang"): U(97, 1, "Hà Giang", self_total=99)}))


@case("detail: groups A (criteria, I/II under it), 'B. ĐIỂM THƯỞNG (tối đa 5 điểm)', 'C. ĐIỂM TRỪ', "
      "total 'Tổng điểm (A+B-C)'")
def d104_abc_groups_with_bonus_and_penalty() -> Built:
    rows = [[NORTH], ["BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022"], ["Đơn vị: Sở Nội vụ tỉnh Sơn La"], *detail_header(),
            ["A", "CÁC TIÊU CHÍ CHẤM ĐIỂM", 100, 95, 92],
            ["I", "Tổ chức", 50, 48, 46], ["II", "CCHC", 50, 47, 46],
            ["B", "ĐIỂM THƯỞNG (tối đa 5 điểm)", 5, 3, 2],
            [1, "Sáng kiến", 3, 2, 1], [2, "Khen thưởng cấp trên", 2, 1, 1],
            ["C", "ĐIỂM TRỪ", None, None, 1],
            [1, "Chậm báo cáo", None, None, 1],
            [None, "TỔNG ĐIỂM (A+B-C)", None, 98, 93]]
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "chi_tiet.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Sơn La"): U(93, 1, "Sơn La", self_total=98, bonus=2, penalty=1)},
        criteria={(snv("Sơn La"), "A/II"): 46, (snv("Sơn La"), "B/1"): 1}))


@case("detail: numbering restarting in each group (I: 1, 2; II: 1, 2, 3) in a code column, group rows with subtotals")
def d105_numbering_restarts_per_group() -> Built:
    rows = [[NORTH], ["BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022"], ["Đơn vị: Sở Nội vụ tỉnh Điện Biên"], *detail_header(),
            ["I", "Tổ chức", 40, 38, 36], [1, "Bộ máy", 20, 19, 18], [2, "Biên chế", 20, 19, 18],
            ["II", "CCHC", 60, 57, 55], [1, "Thể chế", 20, 19, 18], [2, "TTHC", 20, 19, 19], [3, "Số hóa", 20, 19, 18]]
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "chi_tiet.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Điện Biên"): U(91, 1, "Điện Biên", self_total=95)},
        criteria={(snv("Điện Biên"), "I/2"): 18, (snv("Điện Biên"), "II/2"): 19}))


@case("detail: the header and its '(1) (2) ...' row repeated mid-sheet at a page break")
def d106_header_repeated_mid_detail() -> Built:
    header = detail_header()[0]
    rows = [[NORTH], ["BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022"], ["Đơn vị: Sở Nội vụ tỉnh Lào Cai"], header,
            ["(1)", "(2)", "(3)", "(4)", "(5)"],
            ["I", "Tổ chức", 50, None, None], [1, "Bộ máy", 25, 24, 23], header, ["(1)", "(2)", "(3)", "(4)", "(5)"],
            [2, "Biên chế", 25, 25, 24], ["II", "CCHC", 50, 48, 47]]
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "chi_tiet.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lào Cai"): U(94, 1, "Lào Cai", self_total=97)}, criteria={(snv("Lào Cai"), "I/2"): 24}))


@case("detail per unit as .xlsm named 'KQ_cham_diem_2023_Lao_Cai', sheet 'Sheet1', no year in the sheet")
def d107_xlsm_unit_and_year_in_file_name() -> Built:
    rows = [[NORTH], ["BẢNG CHẤM ĐIỂM THI ĐUA"], *detail_header(),
            ["I", "Tổ chức", 50, 48, 47], ["II", "CCHC", 50, 47, 46]]
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "KQ_cham_diem_2023_Lao_Cai.xlsm", ScoringExpect(NORTH_NAME, 2023, {
        snv("Lào Cai"): U(93, 1, "Lào Cai", self_total=95)}))


@case("detail: score header over two rows, 'Điểm' merged over 'Tối đa' / 'Tự chấm' / 'Cụm chấm'")
def d108_score_header_over_two_rows() -> Built:
    rows = [[NORTH], ["BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022"], ["Đơn vị: Sở Nội vụ tỉnh Cao Bằng"],
            ["TT", "Nội dung tiêu chí", "Điểm", None, None], [None, None, "Tối đa", "Tự chấm", "Cụm chấm"],
            ["I", "Tổ chức", 50, 49, 48], ["II", "CCHC", 50, 48, 46]]
    merged = ["A4:A5", "B4:B5", "C4:E4"]
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows, merged)), "chi_tiet.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Cao Bằng"): U(94, 1, "Cao Bằng", self_total=97)}))


@case("details: two unit sheets, one mid-year sheet name 'Cao Bang' in a file 'so_ket_6_thang_2022', "
      "totals as text with dot '46.5'")
def d109_mid_year_file_with_dotted_text_scores() -> Built:
    def sheet(name, a, b):
        return SheetSpec(name, [[NORTH], ["BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022"], *detail_header(),
                        ["I", "Tổ chức", 50, 50, a], ["II", "CCHC", 50, 50, b]])
    return Built(xlsx_bytes(sheet("Cao Bang", "46.5", "45"), sheet("Son La", "47", "44.25")), "so_ket_6_thang_2022.xlsx",
                 ScoringExpect(NORTH_NAME, 2022, {snv("Cao Bằng"): U(91.5, 1, "Cao Bằng"),
                                                  snv("Sơn La"): U(91.25, 2, "Sơn La")}, period="mid"))


@case("detail: criterion codes 'Tiêu chí 1', 'Tiêu chí 2' inside the text under 'Nhóm I', 'Nhóm II'")
def d110_named_codes_in_text() -> Built:
    rows = [[NORTH], ["BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022"], ["Đơn vị: Sở Nội vụ tỉnh Lạng Sơn"],
            ["Nội dung", "Điểm chuẩn", "Tự chấm", "Cụm chấm"],
            ["Nhóm I. Công tác tổ chức", 40, None, None], ["Tiêu chí 1. Bộ máy", 20, 20, 19], ["Tiêu chí 2. Biên chế", 20, 19, 18],
            ["Nhóm II. Cải cách hành chính", 60, None, None], ["Tiêu chí 1. Thể chế", 30, 29, 28],
            ["Tiêu chí 2. TTHC", 30, 28, 28]]
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "chi_tiet.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(93, 1, "Lạng Sơn", self_total=96)},
        criteria={(snv("Lạng Sơn"), "I/2"): 18, (snv("Lạng Sơn"), "II/1"): 28}))


# ================================================================ round 2: PAR Index


@case("PAR: the ministry's column order with the rank before the score: TT | Tỉnh | Xếp hạng | Chỉ số (%)")
def p101_rank_before_score() -> Built:
    lines = par_scores(names63())
    rows = [["CHỈ SỐ CCHC NĂM 2023"], ["TT", "Tỉnh, thành phố", "Xếp hạng", "Chỉ số CCHC (%)"],
            *[[i + 1, n, r, s] for i, (n, s, r) in enumerate(lines)]]
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "par.xlsx", par_expect(2023, lines, {}))


@case("PAR: 'Chỉ số CCHC năm 2023' merged over 'Giá trị (%)' and 'Xếp hạng', provinces in code order, "
      "a trailing 'Ghi chú' column with text")
def p102_year_over_value_and_rank_code_order_notes() -> Built:
    provinces = sorted(registry().provinces, key=lambda p: p.code)
    scored = par_scores([p.name for p in provinces][::-1])  # ranks unrelated to the code order
    by_name = {n: (s, r) for n, s, r in scored}
    rows = [["BỘ NỘI VỤ"], ["KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH"],
            ["STT", "Tỉnh, thành phố", "Chỉ số CCHC năm 2023", None, "Ghi chú"],
            [None, None, "Giá trị (%)", "Xếp hạng", None],
            *[[i + 1, p.name, *by_name[p.name], "Tăng 3 bậc so với 2022" if i % 7 == 0 else None]
              for i, p in enumerate(provinces)]]
    merged = ["A3:A4", "B3:B4", "C3:D3", "E3:E4"]
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows, merged)), "par.xlsx", par_expect(2023, scored, {}))


@case("PAR: the published appendix with the 8 component indices in percent cells, then the index in percent")
def p103_components_in_percent_cells() -> Built:
    parts = ["Chỉ đạo, điều hành", "Thể chế", "TTHC", "Tổ chức bộ máy", "Công chức", "Tài chính công",
             "Chính phủ số", "Tác động"]
    lines = par_scores(names63())
    rows = [["PHỤ LỤC: CHỈ SỐ THÀNH PHẦN CHỈ SỐ CCHC NĂM 2022"],
            ["TT", "Tỉnh, thành phố", *parts, "Chỉ số CCHC", "Xếp hạng"]]
    comps = {}
    for i, (n, s, r) in enumerate(lines):
        values = [round(0.95 - 0.01 * k - i / 1000, 4) for k in range(8)]
        rows.append([i + 1, n, *[Percent(v) for v in values], Percent(round(s / 100, 4)), r])
        comps.update({(2022, n, parts[k]): round(values[k] * 100, 2) for k in range(8)})
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "phu_luc.xlsx", par_expect(2022, lines, comps))


@case("PAR: provincial table then, on the same sheet, the ministries' table (Bộ, cơ quan ngang bộ) under its own title")
def p104_provinces_then_ministries_on_one_sheet() -> Built:
    lines = par_scores(names63())
    ministries = ["Bộ Tư pháp", "Bộ Tài chính", "Bộ Nội vụ", "Ngân hàng Nhà nước Việt Nam", "Bộ Công Thương"]
    rows = [["CHỈ SỐ CCHC NĂM 2022 CỦA CÁC TỈNH, THÀNH PHỐ"], ["TT", "Tỉnh, thành phố", "Chỉ số (%)", "Xếp hạng"],
            *[[i + 1, n, s, r] for i, (n, s, r) in enumerate(lines)], [],
            ["CHỈ SỐ CCHC NĂM 2022 CỦA CÁC BỘ, CƠ QUAN NGANG BỘ"], ["TT", "Bộ, cơ quan ngang bộ", "Chỉ số (%)", "Xếp hạng"],
            *[[i + 1, m, 90 - i, i + 1] for i, m in enumerate(ministries)]]
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "par_2022.xlsx", par_expect(2022, lines, {}))


@case("SIPAS only (Chỉ số hài lòng, its rank): no PAR Index column, must not be read as the PAR Index")
def p105_sipas_only_table() -> Built:
    lines = par_scores(names63(), 88, 0.2)
    rows = [["CHỈ SỐ HÀI LÒNG CỦA NGƯỜI DÂN, TỔ CHỨC (SIPAS) NĂM 2023"],
            ["TT", "Tỉnh, thành phố", "Chỉ số SIPAS (%)", "Xếp hạng"],
            *[[i + 1, n, s, r] for i, (n, s, r) in enumerate(lines)]]
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "sipas_2023.xlsx", RefusalExpect("a SIPAS table is no PAR Index", "Sheet1", "C2"))


@case("PAR: scores as text with a dot '91.80' in some rows and a comma '91,80' in others, ranks as text '1'")
def p106_dot_and_comma_text_scores() -> Built:
    lines = par_scores(names63())
    rows = [["CHỈ SỐ CCHC NĂM 2021"], ["TT", "Tỉnh, thành phố", "Chỉ số (%)", "Xếp hạng"],
            *[[i + 1, n, f"{s:.2f}" if i % 2 else f"{s:.2f}".replace(".", ","), str(r)]
              for i, (n, s, r) in enumerate(lines)]]
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "par.xlsx", par_expect(2021, lines, {}))


@case("PAR: the year only in the sheet name 'PAR 2022'; title and file name without a year")
def p107_year_in_sheet_name_only() -> Built:
    lines = par_scores(names63())
    rows = [["CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CỦA CÁC TỈNH, THÀNH PHỐ"], ["TT", "Tỉnh, thành phố", "Chỉ số (%)", "Xếp hạng"],
            *[[i + 1, n, s, r] for i, (n, s, r) in enumerate(lines)]]
    return Built(xlsx_bytes(SheetSpec("PAR 2022", rows)), "chi_so_cchc.xlsx", par_expect(2022, lines, {}))


@case("PAR: fractions with 4 decimals (0.9180) in one year's column and 2 decimals (0.92) in another's")
def p108_fraction_precisions() -> Built:
    a = par_scores(names63(), 92.5, 0.37)
    b = [(n, float(92 - i // 2), 0) for i, (n, _, _) in enumerate(a)]
    b = [(n, s, 1 + sum(o > s for _, o, _ in b)) for n, s, _ in b]
    bn = {n: (s, r) for n, s, r in b}
    rows = [["CHỈ SỐ CCHC CÁC NĂM 2021, 2022"], ["TT", "Tỉnh, thành phố", "Năm 2021", None, "Năm 2022", None],
            [None, None, "Chỉ số", "Xếp hạng", "Chỉ số", "Xếp hạng"],
            *[[i + 1, n, round(s / 100, 4), r, round(bn[n][0] / 100, 2), bn[n][1]] for i, (n, s, r) in enumerate(a)]]
    merged = ["A2:A3", "B2:B3", "C2:D2", "E2:F2"]
    exp = par_expect(2021, a, {})
    exp.scores.update(par_expect(2022, b).scores)
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows, merged)), "par.xlsx", exp)


@case("PAR: score text with dot and percent sign '91.80%', rank '01', province header 'Tỉnh/TP'")
def p109_dotted_percent_text() -> Built:
    lines = par_scores(names63())
    rows = [["CHỈ SỐ CCHC NĂM 2020"], ["STT", "Tỉnh/TP", "Chỉ số CCHC", "Xếp hạng"],
            *[[i + 1, n, f"{s:.2f}%", f"{r:02d}"] for i, (n, s, r) in enumerate(lines)]]
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "par.xlsx", par_expect(2020, lines, {}))


@case("PAR: PAR Index and SIPAS each with its own rank: 'Chỉ số CCHC' / 'Xếp hạng', 'Chỉ số SIPAS' / 'Xếp hạng'")
def p110_par_and_sipas_each_ranked() -> Built:
    lines = par_scores(names63())
    sip = par_scores(list(reversed(names63())), 88, 0.2)
    sn = {n: (s, r) for n, s, r in sip}
    rows = [["CHỈ SỐ CCHC VÀ CHỈ SỐ SIPAS NĂM 2023"],
            ["TT", "Tỉnh, thành phố", "Chỉ số CCHC", None, "Chỉ số SIPAS", None],
            [None, None, "Giá trị (%)", "Xếp hạng", "Giá trị (%)", "Xếp hạng"],
            *[[i + 1, n, s, r, *sn[n]] for i, (n, s, r) in enumerate(lines)]]
    merged = ["A2:A3", "B2:B3", "C2:D2", "E2:F2"]
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows, merged)), "par.xlsx", par_expect(2023, lines, {}))


@case("PAR: SIPAS first then PAR, each with its own rank, SIPAS rank column placed right after the PAR rank")
def p111_sipas_before_par_ranks_after() -> Built:
    lines = par_scores(names63())
    sip = par_scores(list(reversed(names63())), 88, 0.2)
    sn = {n: (s, r) for n, s, r in sip}
    rows = [["KẾT QUẢ NĂM 2023"],
            ["TT", "Tỉnh, thành phố", "Chỉ số SIPAS (%)", "Chỉ số CCHC (%)", "Xếp hạng Chỉ số CCHC", "Xếp hạng SIPAS"],
            *[[i + 1, n, sn[n][0], s, r, sn[n][1]] for i, (n, s, r) in enumerate(lines)]]
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "par.xlsx", par_expect(2023, lines, {}))


@case("PAR: rank column first after the name, score as 'Điểm đạt được' out of 100, '(Kèm theo Quyết định số "
      "…/QĐ-BNV ngày 05/4/2024)' line under the title naming 2024")
def p112_decision_line_and_diem_dat_duoc() -> Built:
    lines = par_scores(names63())
    rows = [["CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023 CỦA CÁC TỈNH, THÀNH PHỐ"],
            ["(Kèm theo Quyết định số 245/QĐ-BNV ngày 05/4/2024 của Bộ trưởng Bộ Nội vụ)"],
            ["TT", "Tỉnh, thành phố", "Xếp hạng", "Điểm đạt được"],
            *[[i + 1, n, r, s] for i, (n, s, r) in enumerate(lines)]]
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "par.xlsx", par_expect(2023, lines, {}))


# ================================================================ round 3: file formats and workbook features


def summary_2023(title: str = "BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2023") -> list[list[object]]:
    """A two-row merged header (I./II. over Tự chấm/Thẩm định), a ratio column in percent, a date in the motto block."""
    return [["SỞ NỘI VỤ TỈNH LẠNG SƠN", None, None, None, None, None, None, MOTTO],
            [NORTH, None, None, None, None, None, None, FREEDOM],
            [None, None, None, None, None, None, "Lạng Sơn, ngày", datetime.date(2024, 1, 12)], [title],
            ["TT", "Đơn vị", "I. Công tác tổ chức", None, "II. Cải cách hành chính", None, "Tổng điểm", "Tỷ lệ (%)",
             "Xếp hạng"],
            [None, None, "Tự chấm", "Thẩm định", "Tự chấm", "Thẩm định", None, None, None],
            [1, "Lạng Sơn", 40, "38,5", 58, 55, "93,5", Percent(0.935), 1],
            [2, "Cao Bằng", 39, 36, "57", "54,25", 90.25, Percent(0.9025), 2],
            [3, "Hà Giang", 38, 35, 55, 52, 87, Percent(0.87), 3]]


SUMMARY_2023_MERGED = ["A5:A6", "B5:B6", "C5:D5", "E5:F5", "G5:G6", "H5:H6", "I5:I6"]


def summary_2023_expect() -> ScoringExpect:
    return ScoringExpect(NORTH_NAME, 2023, {
        snv("Lạng Sơn"): U(93.5, 1, "Lạng Sơn"), snv("Cao Bằng"): U(90.25, 2, "Cao Bằng"),
        snv("Hà Giang"): U(87, 3, "Hà Giang")},
        criteria={(snv("Lạng Sơn"), "I"): 38.5, (snv("Cao Bằng"), "II"): 54.25, (snv("Hà Giang"), "I"): 35},
        criteria_keys={"I", "II"})


@case(".xls (Excel 97-2003): summary with a merged two-row header, text numbers, a percent ratio column, a date cell")
def f01_xls_summary_merged_header() -> Built:
    return Built(xls(SheetSpec("Tong hop", summary_2023(), SUMMARY_2023_MERGED)), "tong_hop_2023.xls", summary_2023_expect())


@case(".xls: PAR table with merged 'Năm 2023' over Chỉ số/Xếp hạng, scores in percent cells, one as text '92,50 %'")
def f02_xls_par_percent_cells() -> Built:
    lines = par_scores(names63())
    rows = [["BỘ NỘI VỤ"], ["CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023"], ["TT", "Tỉnh, thành phố", "Năm 2023", None],
            [None, None, "Chỉ số (%)", "Xếp hạng"]]
    rows += [[i + 1, n, "92,50 %" if i == 0 else Percent(round(s / 100, 4)), r] for i, (n, s, r) in enumerate(lines)]
    merged = ["A3:A4", "B3:B4", "C3:D3"]
    return Built(xls(SheetSpec("PAR 2023", rows, merged)), "par_2023.xls", par_expect(2023, lines, {}))


@case(".xls: roster, one row per cluster, merged title, a decision date cell")
def f03_xls_roster() -> Built:
    rows = [["BỘ NỘI VỤ", None, None, MOTTO], [None, None, None, datetime.date(2023, 1, 15)],
            ["DANH SÁCH CỤM TRƯỞNG, CỤM PHÓ CÁC CỤM THI ĐUA SỞ NỘI VỤ NĂM 2023"], [],
            ["TT", "Cụm thi đua", "Cụm trưởng", "Cụm phó"],
            [1, NORTH_NAME, "Sở Nội vụ tỉnh Lạng Sơn", "Sở Nội vụ tỉnh Lai Châu"],
            [2, MIDLAND_NAME, "Sở Nội vụ tỉnh Bắc Giang", "Sở Nội vụ tỉnh Bắc Kạn"]]
    return Built(xls(SheetSpec("Cum truong", rows, ["A3:D3"])), "cum_truong_2023.xls", RosterExpect(
        led(NORTH_NAME, 2023, snv("Lạng Sơn"), snv("Lai Châu"))
        | led(MIDLAND_NAME, 2023, snv("Bắc Giang"), snv("Bắc Kạn"))))


@case(".xls: detail sheet with codes as numbers and a merged unit line")
def f04_xls_detail() -> Built:
    rows = [[NORTH], ["BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022"], ["Đơn vị: Sở Nội vụ tỉnh Cao Bằng"], *detail_header(),
            [1, "Tổ chức", 40, None, None], [1.1, "Kế hoạch", 20, 20, 18], [1.2, "Thực hiện", 20, 19, "19"],
            [2, "CCHC", 60, None, None], [2.1, "PAR", 30, 28, 27], [2.2, "Số hóa", 30, 29, "28,0"]]
    return Built(xls(SheetSpec("Cao Bang", rows, ["A3:E3"])), "chi_tiet.xls", ScoringExpect(NORTH_NAME, 2022, {
        snv("Cao Bằng"): U(92, 1, "Cao Bằng", self_total=96)},
        criteria={(snv("Cao Bằng"), "1/1.1"): 18, (snv("Cao Bằng"), "2"): 55}))


@case(".ods (LibreOffice): the f01 summary; calamine reports no merged ranges for .ods")
def f05_ods_summary_merged_header() -> Built:
    return Built(ods(SheetSpec("Tong hop", summary_2023(), SUMMARY_2023_MERGED)), "tong_hop_2023.ods", summary_2023_expect())


@case(".ods: PAR with merged year groups over Chỉ số/Xếp hạng for two years (merges lost on reading)")
def f06_ods_par_two_years() -> Built:
    names = names63()
    years = {2022: par_scores(names, 91.0, 0.21), 2023: par_scores(list(reversed(names)), 92.0, 0.22)}
    by_name = {y: {n: (s, r) for n, s, r in lines} for y, lines in years.items()}
    rows = [["CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CÁC NĂM 2022-2023"],
            ["TT", "Tỉnh, thành phố", "Năm 2022", None, "Năm 2023", None],
            [None, None, "Chỉ số (%)", "Xếp hạng", "Chỉ số (%)", "Xếp hạng"],
            *[[i + 1, n, *by_name[2022][n], *by_name[2023][n]] for i, n in enumerate(names)]]
    merged = ["A2:A3", "B2:B3", "C2:D2", "E2:F2"]
    return Built(ods(SheetSpec("PAR", rows, merged)), "par.ods", ParExpect(
        {(y, n): v for y, m in by_name.items() for n, v in m.items()}, components={}))


@case("hidden sheet '2022' holding last year's summary beside the visible 2023 one (Excel: right-click › Ẩn)")
def f07_hidden_sheet_of_last_year_summary() -> Built:
    old = summary_2023("BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2022")
    old[6][6] = 80
    return Built(xlsx_bytes(SheetSpec("2022", old, SUMMARY_2023_MERGED, state="hidden"),
                      SheetSpec("2023", summary_2023(), SUMMARY_2023_MERGED)), "tong_hop.xlsx", summary_2023_expect(),
                 warns=("2022",))


@case("very hidden sheet (VBA veryHidden) with last year's PAR table beside the visible one")
def f08_very_hidden_sheet_of_last_year_par() -> Built:
    lines, old = par_scores(names63()), par_scores(list(reversed(names63())))
    def table(year, scores):
        return [[f"CHỈ SỐ CCHC NĂM {year}"], ["TT", "Tỉnh, thành phố", "Chỉ số (%)", "Xếp hạng"],
                *[[i + 1, n, s, r] for i, (n, s, r) in enumerate(scores)]]
    return Built(xlsx_bytes(SheetSpec("PAR", table(2023, lines)), SheetSpec("Cu", table(2022, old), state="veryHidden")),
                 "par_2023.xlsx", par_expect(2023, lines, {}), warns=("cu",))


@case(".xls roster with a hidden sheet of last year's roles")
def f09_xls_hidden_roster_sheet() -> Built:
    def sheet(year, leader, state="visible"):
        return SheetSpec(str(year), [[f"PHÂN CÔNG CỤM TRƯỞNG, CỤM PHÓ NĂM {year}"], ["TT", "Cụm thi đua", "Cụm trưởng", "Cụm phó"],
                             [1, NORTH_NAME, f"Sở Nội vụ tỉnh {leader}", "Sở Nội vụ tỉnh Cao Bằng"]], state=state)
    return Built(xls(sheet(2022, "Lai Châu", "hidden"), sheet(2023, "Lạng Sơn")), "cum.xls", RosterExpect(
        led(NORTH_NAME, 2023, snv("Lạng Sơn"), snv("Cao Bằng"))), warns=("2022",))


@case("hidden rows: a unit row hidden by a filter and the column-number row hidden; both still belong to the table")
def f10_hidden_rows_in_summary() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Đơn vị", "Tiêu chí 1", "Tiêu chí 2", "Tổng điểm", "Xếp hạng"], ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
            [1, "Lạng Sơn", 50, 40, 90, 1], [2, "Cao Bằng", 48, 40, 88, 2], [3, "Lai Châu", 45, 40, 85, 3]]
    return Built(xlsx_bytes(SheetSpec("TH", rows, hidden_rows=[4, 6])), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(90, 1, "Lạng Sơn"), snv("Cao Bằng"): U(88, 2, "Cao Bằng"), snv("Lai Châu"): U(85, 3, "Lai Châu")}),
        warns=("6",))


@case("hidden rows in a PAR table grouped by region (a region collapsed with Excel's outline)")
def f11_collapsed_region_in_par() -> Built:
    lines = par_scores(names63())
    rows = [["CHỈ SỐ CCHC NĂM 2022"], ["TT", "Tỉnh, thành phố", "Chỉ số (%)", "Xếp hạng"],
            *[[i + 1, n, s, r] for i, (n, s, r) in enumerate(lines)]]
    return Built(xls(SheetSpec("PAR", rows, hidden_rows=list(range(10, 20)))), "par_2022.xls", par_expect(2022, lines, {}))


@case("a hidden old-criteria column ('Tiêu chí 3 (cũ)') between the criteria; the total leaves it out")
def f12_hidden_old_criterion_column() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Đơn vị", "Tiêu chí 1", "Tiêu chí 2", "Tiêu chí 3 (cũ)", "Tổng điểm", "Xếp hạng"],
            [1, "Lạng Sơn", 50, 40, 5, 90, 1], [2, "Cao Bằng", 48, 40, 4, 88, 2]]
    return Built(xlsx_bytes(SheetSpec("TH", rows, hidden_columns=["E"])), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(90, 1, "Lạng Sơn"), snv("Cao Bằng"): U(88, 2, "Cao Bằng")}), warns=("e",))


def small_summary() -> list[list[object]]:
    return [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"], ["STT", "Đơn vị", "Tổng điểm", "Xếp hạng"],
            [1, "Lạng Sơn", 90, 1], [2, "Cao Bằng", 88, 2]]


def small_summary_expect() -> ScoringExpect:
    return ScoringExpect(NORTH_NAME, 2022, {snv("Lạng Sơn"): U(90, 1, "Lạng Sơn"), snv("Cao Bằng"): U(88, 2, "Cao Bằng")})


@case("a stray space typed in A1048576, the sheet's last row")
def f13_stray_space_in_the_last_row() -> Built:
    return Built(xlsx_bytes(SheetSpec("TH", small_summary(), far_cells={"A1048576": " "})), "th.xlsx", small_summary_expect())


@case("formatting (no value) at XFD1048576 and a stray space at XFD1, as 'format the whole sheet' leaves")
def f14_formatting_at_the_sheet_corner() -> Built:
    return Built(xlsx_bytes(SheetSpec("TH", small_summary(), far_cells={"XFD1048576": FORMATTED, "XFD1": " "})), "th.xlsx",
                 small_summary_expect())


@case("a stray '.' at A1048576 beside a roster: refused naming that cell, not '1.048.576 rows'")
def f15_stray_dot_in_the_last_row_of_a_roster() -> Built:
    rows = [["PHÂN CÔNG CỤM TRƯỞNG, CỤM PHÓ NĂM 2023"], ["TT", "Cụm thi đua", "Cụm trưởng", "Cụm phó"],
            [1, NORTH_NAME, "Sở Nội vụ tỉnh Lạng Sơn", "Sở Nội vụ tỉnh Cao Bằng"]]
    return Built(xlsx_bytes(SheetSpec("Cum", rows, far_cells={"A1048576": "."})), "cum.xlsx",
                 RefusalExpect("a value a million rows below the table", "Cum", "A1048576"))


@case("a stray space at XFD1048576 (calamine would allocate 17 billion cells and abort the server) and one at "
      "XFD5000 beside a PAR table")
def f22_stray_spaces_at_the_far_corner() -> Built:
    lines = par_scores(names63())
    rows = [["CHỈ SỐ CCHC NĂM 2022"], ["TT", "Tỉnh, thành phố", "Chỉ số (%)", "Xếp hạng"],
            *[[i + 1, n, s, r] for i, (n, s, r) in enumerate(lines)]]
    return Built(xlsx_bytes(SheetSpec("PAR", rows, far_cells={"XFD1048576": " ", "XFD5000": "\u00a0"})), "par.xlsx",
                 par_expect(2022, lines, {}))


@case("a stray 'x' at XFD9000 beside a summary: 9000 rows × 16384 columns is refused naming the cell")
def f23_stray_value_far_right() -> Built:
    return Built(xlsx_bytes(SheetSpec("TH", small_summary(), far_cells={"XFD9000": "x"})), "th.xlsx",
                 RefusalExpect("a value far right and below the table", "TH", "XFD9000"))


@case("PAR as Excel's «Unicode Text»: UTF-16 with its byte-order mark, tab-separated, renamed .csv")
def f24_utf16_unicode_text() -> Built:
    lines = par_scores(names63())
    rows = [["Chỉ số CCHC năm 2021"], ["STT", "Tỉnh, thành phố", "Chỉ số CCHC (%)", "Xếp hạng"],
            *[[i + 1, n, comma(s), r] for i, (n, s, r) in enumerate(lines)]]
    text = csv_bytes(rows, "\t").decode("utf-8-sig")
    return Built(text.encode("utf-16"), "par.csv", par_expect(2021, lines, {}))


@case("as saved by Excel: totals =SUM(...), ranks =RANK(...), a unit name ='Sở Nội vụ '&..., each with its computed value")
def f16_formulas_with_computed_values() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Đơn vị", "Tiêu chí 1", "Tiêu chí 2", "Tổng điểm", "Xếp hạng"],
            [1, F('"Sở Nội vụ "&"Lạng Sơn"', "Sở Nội vụ Lạng Sơn"), 50, 40.5, F("SUM(C4:D4)", 90.5), F("RANK(E4,$E$4:$E$5)", 1)],
            [2, "Cao Bằng", 48, 40, F("SUM(C5:D5)", 88), F("RANK(E5,$E$4:$E$5)", 2)]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(90.5, 1, "Lạng Sơn"), snv("Cao Bằng"): U(88, 2, "Cao Bằng")},
        criteria={(snv("Lạng Sơn"), "2"): 40.5}))


@case("as saved by Excel: a total whose formula computed #VALUE! (a criterion typed as text)")
def f17_formula_error_in_a_total() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"],
            ["STT", "Đơn vị", "Tiêu chí 1", "Tiêu chí 2", "Tổng điểm", "Xếp hạng"],
            [1, "Lạng Sơn", 50, 40, F("C4+D4", 90), 1], [2, "Cao Bằng", 48, "40 đ", F("C5+D5", "#VALUE!"), 2]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", RefusalExpect("an error value where the total is", "TH", "E5"))


@case("as saved by Excel: PAR ranks computed #N/A for one province")
def f18_formula_error_in_a_par_rank() -> Built:
    lines = par_scores(names63())
    rows = [["CHỈ SỐ CCHC NĂM 2022"], ["TT", "Tỉnh, thành phố", "Chỉ số (%)", "Xếp hạng"],
            *[[i + 1, n, s, F(f"RANK(C{i + 3},$C$3:$C$65)", "#N/A" if i == 5 else r)] for i, (n, s, r) in enumerate(lines)]]
    return Built(xlsx_bytes(SheetSpec("PAR", rows)), "par.xlsx", RefusalExpect("an error value where a rank is", "PAR", "D8"))


@case("as saved by Excel: a #DIV/0! in the ratio column nobody reads")
def f19_formula_error_in_an_unread_column() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022"], ["STT", "Đơn vị", "Tổng điểm", "Xếp hạng", "Ghi chú"],
            [1, "Lạng Sơn", 90, 1, F("C4/0", "#DIV/0!")], [2, "Cao Bằng", 88, 2, None]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", small_summary_expect())


@case("numbers written every way: '1.234,5', '1,234.5', '92,50 %', '92.5%', '  91,8 ', non-breaking spaces, '–' for none")
def f20_numbers_written_every_way() -> Built:
    rows = [[NORTH], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022 (THANG ĐIỂM 1.500)"],
            ["STT", "Đơn vị", "Tiêu chí 1", "Tiêu chí 2", "Điểm thưởng", "Điểm trừ", "Tổng điểm", "Xếp hạng"],
            [1, "Lạng Sơn", "1.234,5", "\u00a0200\u00a0", "–", "-", "1.434,5", 1],
            [2, "Cao Bằng", "1,200.25", "  191,8 ", "10", "—", "1\u00a0402,05", 2],
            [3, "Hà Giang", 1100, "200,0", None, "1,5", "1.298,5", 3]]
    return Built(xlsx_bytes(SheetSpec("TH", rows)), "th.xlsx", ScoringExpect(NORTH_NAME, 2022, {
        snv("Lạng Sơn"): U(1434.5, 1, "Lạng Sơn", bonus=0, penalty=0),
        snv("Cao Bằng"): U(1402.05, 2, "Cao Bằng", bonus=10, penalty=0),
        snv("Hà Giang"): U(1298.5, 3, "Hà Giang", bonus=0, penalty=1.5)},
        criteria={(snv("Lạng Sơn"), "1"): 1234.5, (snv("Cao Bằng"), "1"): 1200.25, (snv("Cao Bằng"), "2"): 191.8,
                  (snv("Lạng Sơn"), "2"): 200}))


@case("PAR scores as text: '92,50 %', '92.5%', ' 91,8 ', NBSP, and '–' for a province not assessed")
def f21_par_text_scores_and_dash() -> Built:
    lines = par_scores(names63()[:-1])
    written = {0: "92,50 %", 1: "92.13%", 2: "\u00a091,76\u00a0", 3: " 91,39 "}
    rows = [["CHỈ SỐ CCHC NĂM 2021"], ["TT", "Tỉnh, thành phố", "Chỉ số (%)", "Xếp hạng"],
            *[[i + 1, n, written.get(i, s), r] for i, (n, s, r) in enumerate(lines)], [63, names63()[-1], "–", "–"]]
    return Built(xlsx_bytes(SheetSpec("Sheet1", rows)), "par.xlsx", par_expect(2021, lines, {}))


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
            if isinstance(want, float) and math.isnan(want):  # no figure: the file states none
                wrong += [f"{name}.{attr} {got}, the file states none"] if got is not None else []
            elif isinstance(want, (int, float)) and not isinstance(want, bool):
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
        if math.isnan(want) and not _na(got):
            wrong.append(f"criterion {unit} / {key} = {got}, the file states none")
        elif not math.isnan(want) and (_na(got) or abs(float(got) - want) > 1e-6):
            wrong.append(f"criterion {unit} / {key} = {got} ≠ {want}")
    if expect.criteria_keys is not None:
        for unit in expect.units:
            keys = set(result.criteria[result.criteria.unit == unit].key)
            if keys != expect.criteria_keys:
                wrong.append(f"{unit}: criterion keys {sorted(keys)} ≠ {sorted(expect.criteria_keys)}")
    duplicated = result.criteria[result.criteria.duplicated(["unit", "key"], keep=False)]
    if expect.keys_unique and not duplicated.empty:
        wrong.append(f"criterion keys repeated: {sorted(set(duplicated.key))}")
    wrong += [f"{name} has the award «{units.loc[name, 'award']}»" for name in sorted(expect.without_award)
              if name in units.index and not _na(units.loc[name, "award"])]
    if len(result.others) != len(expect.others):
        wrong.append(f"{1 + len(result.others)} parts ≠ {1 + len(expect.others)}")
    for number, (part, expected) in enumerate(zip(result.others, expect.others), start=2):
        wrong += [f"part {number}: {problem}" for problem in compare_scoring(part, expected)]
    return wrong


def _na(value) -> bool:
    try:
        return value is None or bool(value != value) or str(value) == "<NA>"
    except (TypeError, ValueError):
        return str(value) == "<NA>"


def compare_par(result, expect: ParExpect) -> list[str]:
    wrong = compare_indices(result, expect)
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
    if expect.sipas is not None:
        sipas = {(int(r.year), r.province): float(r.sipas) for _, r in result.scores.iterrows() if not math.isnan(r.sipas)}
        off = sorted(k for k in set(sipas) | set(expect.sipas)
                     if k not in sipas or k not in expect.sipas or abs(sipas[k] - expect.sipas[k]) > 1e-6)
        if off:
            wrong.append(f"{len(off)} wrong SIPAS figures, e.g. {[(k, sipas.get(k), expect.sipas.get(k)) for k in off[:3]]}")
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


def compare_roster(result, expect: RosterExpect) -> list[str]:
    wrong = []

    def differ(what: str, got: set, want: set) -> None:
        if got != want:
            wrong.append(f"{what}: missing {sorted(want - got)[:6]}; unexpected {sorted(got - want)[:6]}")

    def keyed(cluster: str, *rest) -> tuple:
        return (cluster_key(cluster), *rest)

    differ("roles", {keyed(r.cluster, int(r.year), r.role, r.unit) for r in result.roles.itertuples()},
           {keyed(*role) for role in expect.roles})
    if expect.members is not None:
        differ("members", {keyed(r.cluster, int(r.year), r.unit) for r in result.members.itertuples()},
               {keyed(*member) for member in expect.members})
    if expect.awards is not None:
        got = {keyed(r.cluster, int(r.year), r.unit, int(r.level), bool(r.proposed)): r.award
               for r in result.awards.itertuples()}
        want = {keyed(c, y, u, award_level(a), p): a for c, y, u, a, p in expect.awards}
        differ("awards (cluster, year, unit, level, proposed)", set(got), set(want))
        wrong += [f"award «{got[key]}» ≠ «{text}»" for key, text in want.items()
                  if key in got and not text_key(got[key]).startswith(text_key(text))]
    return wrong


def compare_indices(result, expect: ParExpect) -> list[str]:
    """The other indices' rows exactly as expected: no province added, dropped or given a zero."""
    got = {(r["index"], int(r.year), r.province): (float(r.score), int(r["rank"]))
           for _, r in result.index_scores.iterrows()}
    wrong = []
    if set(got) != set(expect.indices):
        wrong.append(f"index rows: missing {sorted(set(expect.indices) - set(got))[:4]}, "
                     f"unexpected {sorted(set(got) - set(expect.indices))[:4]}")
    bad = [(k, got[k], v) for k, v in expect.indices.items()
           if k in got and (got[k][1] != v[1] or abs(got[k][0] - v[0]) > 1e-6)]
    if bad:
        wrong.append(f"{len(bad)} wrong index (score, rank), e.g. {bad[:3]}")
    if expect.bands is not None:
        bands = {(r["index"], int(r.year), r.province): r.band for _, r in result.index_scores.iterrows()}
        off = [(k, bands.get(k), v) for k, v in expect.bands.items() if bands.get(k) != v]
        if off:
            wrong.append(f"{len(off)} wrong bands, e.g. {off[:3]}")
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
    elif isinstance(built.expect, RosterExpect):
        if reading.kind != "roster":
            return "d", reading.kind, [f"read as {reading.kind}"]
        wrong = compare_roster(reading.result, built.expect)
    else:
        if reading.kind != ("par" if built.expect.scores else "index"):
            return "d", reading.kind, [f"read as {reading.kind}"]
        wrong = compare_par(reading.result, built.expect)
    wrong += [f"no warning names «{word}»" for word in built.warns
              if not any(word in text_key(w) for w in warnings)]
    return ("d" if wrong else "a"), reading.kind, wrong + [f"warning: {w}" for w in warnings]
