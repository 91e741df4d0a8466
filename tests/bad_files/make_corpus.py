"""The corpus of bad uploads, built in memory: each file with what a person must be told about it
(a phrase of the message, and the sheet and cell it must name when the fault has a place).

Nothing here is committed as a binary. `python tests/bad_files/make_corpus.py FOLDER` writes the
files out to look at them by hand.
"""
from __future__ import annotations

import io
import os
import struct
import sys
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from openpyxl import Workbook, load_workbook

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from workbook_builders import SheetSpec, par_lines, par_table, province_names, title_block, xlsx_bytes  # noqa: E402

TITLE = "CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2021 CỦA CÁC TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG"
CLUSTER = "Cụm thi đua Sở Nội vụ các tỉnh miền núi biên giới phía Bắc"
DDE = "=cmd|' /C calc'!A0"
HEADER_ROW = 8            # title_block() is seven rows: the PAR header sits on row 8, Hà Nội on row 9
FIRST_ROW = HEADER_ROW + 1


@dataclass(frozen=True)
class BadFile:
    name: str
    build: Callable[[], bytes]
    says: str                                   # a phrase the message must hold
    sheet: str | None = None                    # the sheet the message must name, when the fault has one
    cell: str | None = None                     # the cell it must name
    corrections: dict = field(default_factory=dict)   # what the person chose on the page (kind, year)


# ---------------------------------------------------------------- builders


def par_rows(names: list[str] | None = None, title: str = TITLE) -> list[list[object]]:
    """A PAR table of 2021 under a ministry's title block; header on row 8, provinces from row 9."""
    return title_block(title) + par_table(par_lines(names or province_names()))


def par_workbook(edit: Callable[[list[list[object]]], None] = lambda rows: None, title: str = TITLE,
                 names: list[str] | None = None) -> bytes:
    rows = par_rows(names, title)
    edit(rows)
    return xlsx_bytes(SheetSpec("Sheet1", rows))


def set_cell(row: int, column: int, value: object) -> Callable[[list[list[object]]], None]:
    """An edit putting value in Excel row `row` (1-based), column index `column` (0-based)."""
    def edit(rows: list[list[object]]) -> None:
        rows[row - 1][column] = value
    return edit


def valid_par() -> bytes:
    return par_workbook()


def truncated() -> bytes:
    data = valid_par()
    return data[:len(data) // 2]


def corrupted() -> bytes:
    """Bytes flipped inside the compressed sheet: the zip's directory is intact, its content is not."""
    data = bytearray(valid_par())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        part = archive.getinfo("xl/worksheets/sheet1.xml")
    start = part.header_offset + 30 + len(part.filename.encode()) + len(part.extra)
    for offset in range(start + 40, start + part.compress_size - 8, 97):
        data[offset] ^= 0x5A
    return bytes(data)


def zip_of(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def word_document() -> bytes:
    return zip_of({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})


def zip_bomb(unpacked_megabytes: int = 300) -> bytes:
    """A real bomb: a workbook's parts plus one part of zeros that unpacks to 300 MB from about 300 KB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(valid_par())) as source, \
            zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as bomb:
        for part in source.infolist():
            bomb.writestr(part.filename, source.read(part))
        with bomb.open("xl/media/image1.bin", "w", force_zip64=True) as stream:
            chunk = bytes(1024 * 1024)
            for _ in range(unpacked_megabytes):
                stream.write(chunk)
    return buffer.getvalue()


def lying_zip_bomb() -> bytes:
    """A part of 30 MB of zeros whose headers declare 1,000 bytes: the size check alone would pass it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(valid_par())) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bomb:
        for part in source.infolist():
            bomb.writestr(part.filename, source.read(part))
        bomb.writestr("xl/media/image1.bin", bytes(30 * 1024 * 1024))
    data = bytearray(buffer.getvalue())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        part = archive.getinfo("xl/media/image1.bin")
    struct.pack_into("<I", data, part.header_offset + 22, 1000)           # the local header's size
    entry = data.rfind(b"PK\x01\x02")                                     # the last directory entry is this part's
    assert data[entry + 46:entry + 46 + len(part.filename)] == part.filename.encode()
    struct.pack_into("<I", data, entry + 24, 1000)                         # the central directory's size
    return bytes(data)


def encrypted_workbook() -> bytes:
    """A compound file holding EncryptionInfo and EncryptedPackage streams: how Excel stores a
    workbook with a password to open (the streams' contents here are random bytes)."""
    sector, end, free, fat_sector, no_stream = 512, 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    streams = [("EncryptionInfo", os.urandom(4096)), ("EncryptedPackage", os.urandom(8192))]
    fat, next_sector, starts = [fat_sector, end], 2, []
    for _, content in streams:
        count = len(content) // sector
        starts.append(next_sector)
        fat += list(range(next_sector + 1, next_sector + count)) + [end]
        next_sector += count
    fat += [free] * (sector // 4 - len(fat))

    def entry(name: str, kind: int, child: int, right: int, start: int, size: int) -> bytes:
        encoded = name.encode("utf-16-le") + b"\0\0"
        return (encoded.ljust(64, b"\0") + struct.pack("<HBBIII", len(encoded), kind, 1, no_stream, right, child)
                + bytes(16 + 4 + 16) + struct.pack("<IQ", start, size))

    directory = (entry("Root Entry", 5, 1, no_stream, end, 0)
                 + entry(streams[0][0], 2, no_stream, 2, starts[0], len(streams[0][1]))
                 + entry(streams[1][0], 2, no_stream, no_stream, starts[1], len(streams[1][1]))
                 + entry("", 0, no_stream, no_stream, 0, 0))
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16)
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
              + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
              + struct.pack("<I", 0) + struct.pack("<I", free) * 108)
    return header + struct.pack(f"<{len(fat)}I", *fat) + directory + b"".join(content for _, content in streams)


def many_rows(count: int = 100_000) -> bytes:
    """A header and `count` rows; the sheet's XML is written directly (openpyxl takes seconds)."""
    template = xlsx_bytes(SheetSpec("Du lieu", [["TT"]]))
    header = "".join(f'<c r="{letter}1" t="inlineStr"><is><t>{label}</t></is></c>'
                     for letter, label in zip("ABCD", ["TT", "Tỉnh, thành phố", "Chỉ số (%)", "Xếp hạng"]))
    rows = "".join(f'<row r="{n + 1}"><c r="A{n + 1}"><v>{n}</v></c><c r="B{n + 1}" t="inlineStr"><is><t>Hà Nội</t>'
                   f'</is></c><c r="C{n + 1}"><v>90.5</v></c><c r="D{n + 1}"><v>1</v></c></row>'
                   for n in range(1, count + 1))
    sheet = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
             f'<row r="1">{header}</row>{rows}</sheetData></worksheet>').encode()
    with zipfile.ZipFile(io.BytesIO(template)) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    return zip_of({**parts, "xl/worksheets/sheet1.xml": sheet})


def many_sheets(count: int = 200) -> bytes:
    return xlsx_bytes(*(SheetSpec(f"Trang {number}", [["Tỉnh, thành phố", "Chỉ số (%)"], ["Hà Nội", 90]])
                  for number in range(1, count + 1)))


def formulas_without_values() -> bytes:
    """openpyxl writes formulas without the values Excel would compute: they would read as empty."""
    return par_workbook(lambda rows: [set_cell(FIRST_ROW + i, 2, f"=90+{i}/10")(rows) for i in range(5)])


def with_text_cell(data: bytes, cell: str, text: str) -> bytes:
    """The workbook with text in a cell, stored as text even when it starts with '=' (as Excel does
    for a cell formatted as text, or typed after an apostrophe)."""
    workbook = load_workbook(io.BytesIO(data))
    target = workbook.active[cell]
    target.value, target.data_type = text, "s"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def nfc_and_nfd() -> bytes:
    names = province_names()
    names[1] = unicodedata.normalize("NFD", names[0])       # "Hà Nội" again, decomposed
    return par_workbook(names=names)


def roster(rows: list[list[object]]) -> bytes:
    return xlsx_bytes(SheetSpec("Lanh dao", [["Cụm thi đua", "Năm", "Cụm trưởng", "Cụm phó"], *rows]))


def budget_table() -> bytes:
    return xlsx_bytes(SheetSpec("Du toan", [["BÁO CÁO DỰ TOÁN NGÂN SÁCH"], [],
                                      ["STT", "Nội dung chi", "Dự toán", "Thực hiện"],
                                      [1, "Chi thường xuyên", 1200, 1100], [2, "Chi đầu tư", 300, 280]]))


def csv_bytes(rows: list[list[object]]) -> bytes:
    return "\n".join(",".join(str(v) for v in row) for row in rows).encode("utf-8")


def par_csv(edit: Callable[[list[list[object]]], None] = lambda rows: None) -> bytes:
    rows = [["CHỈ SỐ CCHC NĂM 2021"], *par_table(par_lines(province_names()))]
    edit(rows)
    return csv_bytes(rows)


def merged_away_in_2025() -> bytes:
    names = province_names(year=2025) + ["Hà Giang"]
    return xlsx_bytes(SheetSpec("Sheet1", title_block("CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025")
                          + par_table(par_lines(names))))


# ---------------------------------------------------------------- the corpus

def corpus() -> list[BadFile]:
    par = {"kind": "par"}
    return [
        BadFile("bao_cao.pdf", lambda: b"%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n", "không đọc được loại tệp «.pdf»"),
        BadFile("khong_duoi", valid_par, "không có đuôi"),
        BadFile("chi_so_2021.xlsx", lambda: b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "tài liệu PDF"),
        BadFile("anh_chup.xlsx", lambda: b"\x89PNG\r\n\x1a\n" + bytes(64), "ảnh PNG"),
        BadFile("cong_cu.xls", lambda: b"MZ\x90\x00" + bytes(200), "chương trình Windows"),
        BadFile("bien_ban.xlsx", word_document, "văn bản Word"),
        BadFile("nen.xlsx", lambda: zip_of({"ghi_chu.txt": b"xin chao"}), "tệp nén ZIP"),
        BadFile("van_ban.xlsx", lambda: "Tỉnh,Chỉ số\nHà Nội,90\n".encode(), "không có dạng của tệp .xlsx"),
        BadFile("rong.xlsx", lambda: b"", "tệp rỗng"),
        BadFile("qua_lon.xlsx", lambda: b"PK\x03\x04" + bytes(51 * 1024 * 1024), "vượt giới hạn 50,0 MB"),
        BadFile("cat_do.xlsx", truncated, "tải lên chưa hết"),
        BadFile("hong.xlsx", corrupted, "không giải nén được"),
        BadFile("mat_khau.xlsx", encrypted_workbook, "đặt mật khẩu"),
        BadFile("bom_nen.xlsx", zip_bomb, "bom nén"),
        BadFile("bom_nen_khai_gian.xlsx", lying_zip_bomb, "không giải nén được đúng kích thước"),
        BadFile("100000_dong.xlsx", many_rows, "vượt giới hạn 10.000 dòng", sheet="Du lieu"),
        BadFile("100000_dong.csv", lambda: csv_bytes([["Tỉnh", "Chỉ số"]] + [["Hà Nội", 90]] * 100_000),
                "vượt giới hạn 10.000 dòng"),
        BadFile("200_trang.xlsx", many_sheets, "200 trang"),
        BadFile("trong.xlsx", lambda: xlsx_bytes(SheetSpec("Sheet1", [])), "mọi trang đều trống"),
        BadFile("chi_tieu_de.xlsx", lambda: xlsx_bytes(SheetSpec("Sheet1", par_rows()[:HEADER_ROW])),
                "chỉ có dòng tiêu đề", sheet="Sheet1", cell=f"B{HEADER_ROW}", corrections=par),
        BadFile("chi_tieu_de_tu_nhan.xlsx", lambda: xlsx_bytes(SheetSpec("Sheet1", par_rows()[:HEADER_ROW])),
                "không nhận ra loại dữ liệu"),
        BadFile("du_toan.xlsx", budget_table, "không nhận ra loại dữ liệu"),
        BadFile("danh_sach_cum_chon_nham.xlsx", lambda: roster([[CLUSTER, 2022, "Lạng Sơn", "Lai Châu"]]),
                "không tìm thấy bảng Chỉ số CCHC", corrections=par),
        BadFile("tinh_la.xlsx", lambda: par_workbook(set_cell(FIRST_ROW + 4, 1, "Tỉnh Atlantis")),
                "«Tỉnh Atlantis» không khớp với tỉnh, thành phố nào", sheet="Sheet1", cell=f"B{FIRST_ROW + 4}"),
        BadFile("trung_tinh.xlsx", lambda: par_workbook(set_cell(FIRST_ROW + 1, 1, "Hà Nội")),
                "có hai lần", sheet="Sheet1", cell=f"B{FIRST_ROW + 1}"),
        BadFile("nfc_nfd.xlsx", nfc_and_nfd, "«Hà Nội» có hai lần", sheet="Sheet1", cell=f"B{FIRST_ROW + 1}"),
        BadFile("diem_qua_100.xlsx", lambda: par_workbook(set_cell(FIRST_ROW, 2, 105.5)),
                "105,5 nằm ngoài khoảng 0–100%", sheet="Sheet1", cell=f"C{FIRST_ROW}"),
        BadFile("hang_am.xlsx", lambda: par_workbook(set_cell(FIRST_ROW + 2, 3, -3)),
                "thứ hạng -3 không phải số nguyên từ 1 đến 63", sheet="Sheet1", cell=f"D{FIRST_ROW + 2}"),
        BadFile("hang_le.xlsx", lambda: par_workbook(set_cell(FIRST_ROW + 2, 3, 3.5)),
                "thứ hạng 3,5 không phải số nguyên", sheet="Sheet1", cell=f"D{FIRST_ROW + 2}"),
        BadFile("chu_thay_so.xlsx", lambda: par_workbook(set_cell(FIRST_ROW + 3, 2, "chín mươi")),
                "«chín mươi» ở cột «Chỉ số (%)» không phải là số", sheet="Sheet1", cell=f"C{FIRST_ROW + 3}"),
        BadFile("nam_2099.xlsx", lambda: par_workbook(title=TITLE.replace("2021", "2099")),
                "năm 2099 nằm ngoài các năm có Chỉ số CCHC", sheet="Sheet1", cell="A5"),
        BadFile("nam_1900.xlsx", valid_par, "năm 1900 nằm ngoài các năm có Chỉ số CCHC", sheet="Sheet1",
                corrections={"year": 1900}),
        BadFile("nam_2999.xlsx", valid_par, "năm 2999 nằm ngoài các năm có Chỉ số CCHC", sheet="Sheet1",
                corrections={"year": 2999}),
        BadFile("danh_sach_nam_1900.xlsx", lambda: roster([[CLUSTER, 1900, "Lạng Sơn", "Lai Châu"]]),
                "năm 1900 nằm ngoài khoảng", sheet="Lanh dao", cell="B2"),
        BadFile("tinh_cu_2025.xlsx", merged_away_in_2025, "đã hợp nhất vào", sheet="Sheet1"),
        BadFile("cong_thuc.xlsx", formulas_without_values, "5 ô chứa công thức nhưng không có giá trị",
                sheet="Sheet1", cell=f"C{FIRST_ROW}"),
        BadFile("dde.xlsx", lambda: with_text_cell(valid_par(), f"B{FIRST_ROW + 6}", DDE),
                f"dạng công thức Excel «{DDE}»", sheet="Sheet1", cell=f"B{FIRST_ROW + 6}"),
        BadFile("dde_cong_thuc.xlsx", lambda: par_workbook(set_cell(FIRST_ROW + 6, 2, DDE)),
                "công thức nhưng không có giá trị", sheet="Sheet1", cell=f"C{FIRST_ROW + 6}"),
        BadFile("dde.csv", lambda: par_csv(set_cell(4, 1, "@SUM(1+1)*cmd|' /C calc'!A0")),
                "dạng công thức Excel", sheet="dde", cell="B4"),
        BadFile("script.xlsx", lambda: par_workbook(set_cell(FIRST_ROW + 7, 1, "<script>alert(1)</script>")),
                "mã HTML «<script>alert(1)</script>»", sheet="Sheet1", cell=f"B{FIRST_ROW + 7}"),
        BadFile("anh_html.xlsx", lambda: roster([[CLUSTER, 2022, '<img src=x onerror="alert(1)">', "Lai Châu"]]),
                "mã HTML", sheet="Lanh dao", cell="C2"),
        BadFile("nhi_phan.csv", lambda: b"Tinh,Chi so\x00\x01\x02" + bytes(100), "dữ liệu nhị phân"),
    ]


# ---------------------------------------------------------------- hostile files (issue 12)
# Files made to take the server down or fill its memory: each is refused, naming the file, by the
# guard (which reads the file's structure) or by the worker process's limits.

FAR = "XFD1048576"
SPREADSHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def zip_parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def par_with_parts(edit: Callable[[dict[str, bytes]], None]) -> bytes:
    """The valid PAR workbook with some of its zip parts changed."""
    parts = zip_parts(valid_par())
    edit(parts)
    return zip_of(parts)


def par_with_rows(rows_xml: str) -> bytes:
    """The valid PAR workbook with these rows written at the end of its sheet's data."""
    def edit(parts: dict[str, bytes]) -> None:
        sheet = parts["xl/worksheets/sheet1.xml"]
        assert b"</sheetData>" in sheet
        parts["xl/worksheets/sheet1.xml"] = sheet.replace(b"</sheetData>", rows_xml.encode() + b"</sheetData>")
    return par_with_parts(edit)


def par_with_sheet_prologue(prologue: str) -> bytes:
    """The valid PAR workbook whose sheet XML begins with a document type declaration."""
    def edit(parts: dict[str, bytes]) -> None:
        sheet = parts["xl/worksheets/sheet1.xml"]
        body = sheet[sheet.index(b"<worksheet"):]
        parts["xl/worksheets/sheet1.xml"] = b'<?xml version="1.0"?>' + prologue.encode() + body
    return par_with_parts(edit)


BILLION_LAUGHS = ('<!DOCTYPE worksheet [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
                  '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
                  '<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">'
                  '<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">'
                  '<!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">]>')


def shared_strings_part(items: Callable[[io.StringIO], None]) -> Callable[[dict[str, bytes]], None]:
    def edit(parts: dict[str, bytes]) -> None:
        text = io.StringIO()
        text.write(f'<sst xmlns="{SPREADSHEET_NS}">')
        items(text)
        text.write("</sst>")
        parts["xl/sharedStrings.xml"] = text.getvalue().encode()
    return edit


def many_shared_strings(count: int = 2_000_001) -> bytes:
    def items(text: io.StringIO) -> None:
        for number in range(count):
            text.write(f"<si><t>{number}</t></si>")
    return par_with_parts(shared_strings_part(items))


def deeply_nested_shared_string(depth: int = 100_000) -> bytes:
    return par_with_parts(shared_strings_part(lambda text: text.write("<si>" + "<r>" * depth + "</r>" * depth + "</si>")))


def sheets_at_the_limit(count: int = 100) -> bytes:
    """100 sheets, each holding a value at GR10000: 2,000,000 cells from A1, the limit for one sheet."""
    return xlsx_bytes(*(SheetSpec(f"Trang {number}", [["Tỉnh", "Chỉ số"]], far_cells={"GR10000": 1})
                        for number in range(1, count + 1)))


def whitespace_bomb(megabytes: int = 40) -> bytes:
    """The sheet's XML padded with 40 MB of spaces: a few hundred KB packed."""
    parts = zip_parts(valid_par())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bomb:
        for name, content in parts.items():
            if name != "xl/worksheets/sheet1.xml":
                bomb.writestr(name, content)
        with bomb.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as stream:
            head, tail = parts["xl/worksheets/sheet1.xml"].split(b"<sheetData>")
            stream.write(head + b"<sheetData>")
            for _ in range(megabytes):
                stream.write(b" " * (1024 * 1024))
            stream.write(tail)
    return buffer.getvalue()


def too_many_parts() -> bytes:
    return par_with_parts(lambda parts: parts.update({f"xl/media/p{n}.bin": b"" for n in range(5_001)}))


def truncated_sheet_xml() -> bytes:
    def edit(parts: dict[str, bytes]) -> None:
        sheet = parts["xl/worksheets/sheet1.xml"]
        parts["xl/worksheets/sheet1.xml"] = sheet[:len(sheet) // 2]
    return par_with_parts(edit)


def xls_workbook(sheets: int = 1, cells: tuple[tuple[int, int, object], ...] = ((0, 0, "TT"), (1, 1, 2.5))) -> bytes:
    import xlwt
    workbook = xlwt.Workbook(encoding="utf-8")
    for number in range(sheets):
        sheet = workbook.add_sheet("S" if sheets == 1 else f"S{number + 1}")
        for row, column, value in cells:
            sheet.write(row, column, value)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def xls_declaring(rows: int, columns: int, cells: tuple[tuple[int, int, object], ...] = ((0, 0, "TT"),)) -> bytes:
    """An .xls whose DIMENSIONS record declares rows × columns, whatever its cells: the 42 KB file that
    took 10 GB declared billions."""
    data = bytearray(xls_workbook(cells=cells))
    dimensions = data.find(b"\x00\x02\x0e\x00")  # record 0x0200, 14 bytes
    struct.pack_into("<IIHH", data, dimensions + 4, 0, rows, 0, columns)
    return bytes(data)


ODS_MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")


def ods_zip(content: bytes) -> bytes:
    """An OpenDocument spreadsheet file around its content.xml."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", ODS_MANIFEST, zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def ods_of(*tables: str, prologue: str = "") -> bytes:
    """An OpenDocument spreadsheet holding these <table:table> elements, as written, after a prologue."""
    namespaces = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
                  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
                  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')
    return ods_zip((f'<?xml version="1.0" encoding="UTF-8"?>{prologue}<office:document-content {namespaces} '
                    f'office:version="1.2"><office:body><office:spreadsheet>{"".join(tables)}</office:spreadsheet>'
                    "</office:body></office:document-content>").encode())


ODS_HEADER = ('<table:table-row><table:table-cell office:value-type="string"><text:p>Tỉnh</text:p></table:table-cell>'
              '<table:table-cell office:value-type="string"><text:p>Chỉ số</text:p></table:table-cell></table:table-row>')


def ods_table(name: str, rows: str) -> str:
    return f'<table:table table:name="{name}">{ODS_HEADER}{rows}</table:table>'


def ods_repeated(rows: int, columns: int) -> str:
    return (f'<table:table-row table:number-rows-repeated="{rows}"><table:table-cell office:value-type="float" '
            f'office:value="1" table:number-columns-repeated="{columns}"/></table:table-row>')


def csv_with_late_nul() -> bytes:
    return par_csv() + b"\n" + b"Ghi chu," * 20_000 + b"\x00"


def csv_unclosed_quote() -> bytes:
    return par_csv() + b'\n"Ghi chu' + (b"," + b"x" * 999 + b"\n") * 200


def hostile_corpus() -> list[BadFile]:
    far = "vượt giới hạn 10.000 dòng, 2.000.000 ô cho một bảng"
    return [
        BadFile("xa_chu_thuong.xlsx", lambda: par_with_rows('<row r="1048576"><c r="xfd1048576"><v>1</v></c></row>'),
                far, sheet="Sheet1", cell=FAR),
        BadFile("xa_tien_to.xlsx", lambda: par_with_rows(
            f'<x:row xmlns:x="{SPREADSHEET_NS}" r="1048576"><x:c r="{FAR}"><x:v>1</x:v></x:c></x:row>'),
                far, sheet="Sheet1", cell=FAR),
        BadFile("xa_nhay_don.xlsx", lambda: par_with_rows(f"<row r='1048576'><c r='{FAR}'><v>1</v></c></row>"),
                far, sheet="Sheet1", cell=FAR),
        BadFile("xa_dau_cach.xlsx", lambda: par_with_rows(f'<row r = "1048576" ><c r = "{FAR}" ><v >1</v></c></row>'),
                far, sheet="Sheet1", cell=FAR),
        BadFile("xa_hoa_thuong.xlsx", lambda: par_with_rows(
            '<row r="1048576"><c r="Xfd1048576" t="inlineStr"><is><t>x</t></is></c></row>'), far, sheet="Sheet1", cell=FAR),
        BadFile("xa_khong_dia_chi.xlsx", lambda: par_with_rows('<row r="1048576"><c><v>1</v></c></row>'),
                far, sheet="Sheet1", cell="A1048576"),
        BadFile("xa_gia_tri_loi.xlsx", lambda: par_with_rows(f'<row r="1048576"><c r="{FAR}" t="e"><v>#REF!</v></c></row>'),
                far, sheet="Sheet1", cell=FAR),
        BadFile("xa_chuoi_chung.xlsx", lambda: par_with_rows(f'<row r="1048576"><c r="{FAR}" t="s"><v>0</v></c></row>'),
                far, sheet="Sheet1", cell=FAR),
        BadFile("xa_trang_an.xlsx", lambda: xlsx_bytes(SheetSpec("Sheet1", par_rows()),
                                                        SheetSpec("An", [["x"]], state="hidden", far_cells={FAR: "x"})),
                far, sheet="An", cell=FAR),
        BadFile("100_trang_o_gioi_han.xlsx", sheets_at_the_limit, "vượt giới hạn 2.000.000 ô cho một tệp",
                sheet="Trang 2", cell="A1"),
        BadFile("dia_chi_sai.xlsx", lambda: par_with_rows('<row r="70"><c r="ZZZZ70"><v>1</v></c></row>'),
                "địa chỉ ô «ZZZZ70» không hợp lệ", sheet="Sheet1"),
        BadFile("xml_hong.xlsx", truncated_sheet_xml, "phần XML bị hỏng", sheet="Sheet1"),
        BadFile("billion_laughs.xlsx", lambda: par_with_sheet_prologue(BILLION_LAUGHS), "DOCTYPE", sheet="Sheet1"),
        BadFile("xxe.xlsx", lambda: par_with_sheet_prologue('<!DOCTYPE worksheet [<!ENTITY e SYSTEM "file:///etc/passwd">]>'),
                "DOCTYPE", sheet="Sheet1"),
        BadFile("long_nhau_sau.xlsx", deeply_nested_shared_string, "lồng nhau quá sâu"),
        BadFile("2_trieu_chuoi.xlsx", many_shared_strings, "hơn 500.000 chuỗi văn bản"),
        BadFile("chuoi_khong_lo.xlsx", lambda: par_with_parts(shared_strings_part(
            lambda text: text.write(f"<si><t>{'x' * 100_000}</t></si>"))), "chuỗi văn bản thứ 1 dài 100.000 ký tự"),
        BadFile("o_van_ban_khong_lo.xlsx", lambda: par_with_rows(
            f'<row r="80"><c r="B80" t="inlineStr"><is><t>{"Hà Nội " * 6000}</t></is></c></row>'),
                "vượt giới hạn 32.767 ký tự", sheet="Sheet1", cell="B80"),
        BadFile("bom_khoang_trang.xlsx", whitespace_bomb, "bom nén"),
        BadFile("5001_phan.xlsx", too_many_parts, "quá nhiều cho một bảng tính"),
        BadFile("kich_thuoc_khong_lo.xls", lambda: xls_declaring(0xFFFFFFF0, 0xFF), "khai báo vùng dữ liệu", sheet="S"),
        BadFile("kich_thuoc_65536_dong.xls", lambda: xls_declaring(65536, 256), "khai báo vùng dữ liệu", sheet="S"),
        BadFile("o_xa.xls", lambda: xls_declaring(2, 2, cells=((0, 0, "TT"), (65535, 255, 1))), far, sheet="S",
                cell="IV65536"),
        BadFile("101_trang.xls", lambda: xls_workbook(sheets=101), "101 trang"),
        BadFile("ole_hong.xls", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(3000), "bị hỏng"),
        BadFile("mat_khau.xls", encrypted_workbook, "đặt mật khẩu"),
        BadFile("dong_lap_trieu_lan.ods", lambda: ods_of(ods_table("Du lieu", ods_repeated(1_000_000, 1))),
                "kể cả các dòng, ô lặp lại", sheet="Du lieu"),
        BadFile("cot_lap.ods", lambda: ods_of(ods_table("Du lieu", ods_repeated(200, 16_384))),
                "kể cả các dòng, ô lặp lại", sheet="Du lieu"),
        BadFile("hai_trang_lap.ods", lambda: ods_of(ods_table("A", ods_repeated(9_000, 150)),
                                                     ods_table("B", ods_repeated(9_000, 150))),
                "vượt giới hạn 10.000 dòng một trang, 2.000.000 ô một tệp", sheet="B"),
        BadFile("doctype.ods", lambda: ods_of(ods_table("A", ""), prologue=BILLION_LAUGHS), "DOCTYPE"),
        BadFile("xlsx_doi_duoi.csv", valid_par, "dữ liệu nhị phân"),
        BadFile("nen_gzip.xlsx", lambda: b"\x1f\x8b\x08\x00" + bytes(100), "tệp nén gzip"),
        BadFile("trang_web.xls", lambda: b"<html><body><table><tr><td>Ha Noi</td></tr></table></body></html>",
                "không có dạng của tệp .xlsx"),
        BadFile("chuong_trinh.ods", lambda: b"\x7fELF\x02\x01\x01" + bytes(200), "chương trình Linux"),
        BadFile("dong_2mb.csv", lambda: par_csv() + b"\nGhi chu," + b"x" * (2 * 1024 * 1024), "byte cho một dòng"),
        BadFile("nul_cuoi_tep.csv", csv_with_late_nul, "dữ liệu nhị phân"),
        BadFile("300_cot.csv", lambda: b"\n".join([b",".join([b"1"] * 300)] * 9_000), "ô cho một tệp"),
        BadFile("ngoac_kep_mo.csv", csv_unclosed_quote, "dấu ngoặc kép"),
    ]


if __name__ == "__main__":
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "bad_files_out")
    folder.mkdir(parents=True, exist_ok=True)
    for bad in corpus() + hostile_corpus():
        (folder / bad.name).write_bytes(bad.build())
        print(bad.name)
