"""Checks on an uploaded file before and while it is parsed, so that no file can exhaust the
server or slip in something other than figures.

Before parsing (check_bytes): the size; what the bytes really are, whatever the name says (PDF,
picture, program, Word document, encrypted workbook); for zip-based workbooks the sizes the zip
declares (a zip bomb unpacks to gigabytes from a few kilobytes), then a bounded unpacking that
catches sizes declared falsely; for CSV, text only and limits on rows, line length and cells.
Before a workbook is opened (prepare_workbook), from its structure read with a streaming XML parser
(.xlsx, .ods) or its records (.xls): values far beyond any table, for which calamine would allocate
every cell, counted over the whole workbook; formula cells without a computed value; texts longer
than a cell may hold. After the workbook is opened (check_sheet_count,
check_sheet_height) and read (check_cells): the number of sheets and rows, empty workbooks, and
text that Excel would run as a formula or a browser as HTML. Nothing here evaluates a formula or runs a macro.
"""
from __future__ import annotations

import codecs
import io
import re
import zipfile
import zlib
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Iterator

from thidua.io import biff, sheet_xml
from thidua.readers.problems import Problem, Refused, cell_ref

MAX_FILE_BYTES = 50 * 1024 * 1024            # the upload limit in .streamlit/config.toml
MAX_UNPACKED_BYTES = 250 * 1024 * 1024       # what the parts of a zip-based workbook may unpack to
SUSPECT_RATIO = 100                          # unpacked / packed above this, for a large file, is a bomb
SUSPECT_RATIO_FROM_BYTES = 20 * 1024 * 1024
MAX_ZIP_PARTS = 5_000
MAX_SHEETS = 100
MAX_ROWS = 10_000                            # per sheet; real tables of these kinds hold at most hundreds
MAX_CELLS = 2_000_000                        # rows × columns up to each sheet's last value, over the whole workbook:
                                             # calamine allocates them all
MAX_SHARED_STRINGS = 500_000                 # distinct texts of a workbook; tables of these kinds hold thousands
MAX_TEXT_CHARACTERS = 20_000_000             # the text of all shared strings of a workbook
MAX_CSV_LINE_BYTES = 1024 * 1024
UNPACK_CHUNK = 1024 * 1024

OLE_MAGIC = biff.MAGIC
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
# What other files begin with, for a clear message when one arrives under a spreadsheet's name.
OTHER_FORMATS = (
    (b"%PDF", "tài liệu PDF"), (b"\x89PNG", "ảnh PNG"), (b"\xff\xd8\xff", "ảnh JPEG"), (b"GIF8", "ảnh GIF"),
    (b"MZ", "chương trình Windows (.exe, .dll)"), (b"\x7fELF", "chương trình Linux"),
    (b"\x1f\x8b", "tệp nén gzip"), (b"Rar!", "tệp nén RAR"), (b"7z\xbc\xaf\x27\x1c", "tệp nén 7z"),
    (b"{\\rtf", "văn bản RTF"), (b"<?xml", "tệp XML"),
)
OTHER_ZIP_CONTENTS = (("word/", "văn bản Word (.docx)"), ("ppt/", "trình chiếu PowerPoint (.pptx)"))
ENCRYPTED_STREAMS = ("EncryptedPackage", "EncryptionInfo")
WORKBOOK_PARTS = ("xl/workbook.xml", "xl/workbook.bin", "content.xml")

# '=…', or '+', '-', '@' then arithmetic and a function call or a DDE link: '-2+3+cmd|…', '@SUM(…)'.
_FORMULA_TEXT = re.compile(r"^\s*(=\S|[+\-@][\d\s.+\-*/^]*[A-Za-z_][A-Za-z0-9_.]*\s*[(|!])")
_MARKUP = re.compile(r"<\s*/?\s*(script|style|iframe|frame|object|embed|img|svg|math|a|b|i|u|p|br|div|span|font|"
                     r"link|meta|form|input|button|body|html|table|tr|td|base|video|audio)\b[^>]*>", re.IGNORECASE)


def _refuse(message: str, file_name: str, sheet: str | None = None, cell: str | None = None) -> Refused:
    return Refused([Problem(message, file_name, sheet, cell)])


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:,.1f} MB".replace(",", " ").replace(".", ",")


def _count(number: int) -> str:
    return f"{number:,}".replace(",", ".")


# ---------------------------------------------------------------- before parsing

def check_bytes(data: bytes, file_name: str, spreadsheet: bool) -> None:
    """Refuses what must not be parsed: too large, not what the name says, encrypted, a zip bomb,
    formulas without computed values; for CSV (spreadsheet=False), binary content or too many rows."""
    if not data:
        raise _refuse("tệp rỗng (0 byte): hãy kiểm tra lại tệp trước khi tải lên.", file_name)
    if len(data) > MAX_FILE_BYTES:
        raise _refuse(f"tệp nặng {_megabytes(len(data))}, vượt giới hạn {_megabytes(MAX_FILE_BYTES)}; bảng số liệu "
                      "thi đua thường chỉ vài trăm KB, hãy xoá các trang, hình ảnh không cần thiết.", file_name)
    other = _other_format(data)
    if other:
        raise _refuse(f"nội dung tệp là {other}, không phải bảng tính (có thể tệp đã bị đổi đuôi); hãy tải lên "
                      "tệp Excel (.xlsx, .xls) hoặc CSV.", file_name)
    if spreadsheet:
        _check_spreadsheet_bytes(data, file_name)
    else:
        _check_csv_bytes(data, file_name)


def _other_format(data: bytes) -> str | None:
    return next((name for magic, name in OTHER_FORMATS if data.startswith(magic)), None)


def _check_spreadsheet_bytes(data: bytes, file_name: str) -> None:
    if data.startswith(OLE_MAGIC):
        if any(name.encode("utf-16-le") in data for name in ENCRYPTED_STREAMS):
            raise _refuse("bảng tính được đặt mật khẩu mở tệp nên không đọc được; hãy mở tệp bằng Excel, bỏ mật khẩu "
                          "(Tệp › Thông tin › Bảo vệ sổ làm việc › Mã hoá bằng mật khẩu: để trống), lưu lại rồi tải lên.",
                          file_name)
        if "WordDocument".encode("utf-16-le") in data:
            raise _refuse("nội dung tệp là văn bản Word (.doc), không phải bảng tính; hãy tải lên tệp Excel hoặc CSV.",
                          file_name)
        return
    if not data.startswith(ZIP_MAGICS):
        raise _refuse("tệp không phải bảng tính Excel: nội dung không có dạng của tệp .xlsx hay .xls (tệp hỏng, "
                      "bị đổi đuôi, hoặc là văn bản thường); hãy mở lại bằng Excel và lưu dạng .xlsx.", file_name)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise _refuse("tệp Excel bị hỏng hoặc tải lên chưa hết (không đọc được mục lục của tệp nén .xlsx); hãy mở "
                      "tệp bằng Excel, lưu lại rồi tải lên lại.", file_name) from error
    with archive:
        _check_zip_sizes(archive, len(data), file_name)
        _check_zip_contents(archive, file_name)
        _unpack_within_declared_sizes(archive, file_name)


def _check_zip_sizes(archive: zipfile.ZipFile, packed: int, file_name: str) -> None:
    parts = archive.infolist()
    if len(parts) > MAX_ZIP_PARTS:
        raise _refuse(f"tệp nén có {_count(len(parts))} phần, quá nhiều cho một bảng tính "
                      f"(tối đa {_count(MAX_ZIP_PARTS)}); tệp có thể là một «bom nén».", file_name)
    unpacked = sum(part.file_size for part in parts)
    if unpacked > MAX_UNPACKED_BYTES or (unpacked > SUSPECT_RATIO_FROM_BYTES and unpacked > SUSPECT_RATIO * packed):
        raise _refuse(f"tệp {_megabytes(packed)} khai báo giải nén ra {_megabytes(unpacked)} "
                      f"(gấp {_count(unpacked // max(packed, 1))} lần; giới hạn {_megabytes(MAX_UNPACKED_BYTES)}): đây là "
                      "dấu hiệu của một «bom nén», tệp không được mở.", file_name)


def _check_zip_contents(archive: zipfile.ZipFile, file_name: str) -> None:
    names = archive.namelist()
    if any(name in names for name in WORKBOOK_PARTS):
        return
    other = next((kind for prefix, kind in OTHER_ZIP_CONTENTS if any(n.startswith(prefix) for n in names)), None)
    what = f"là {other}" if other else "là một tệp nén ZIP"
    raise _refuse(f"nội dung tệp {what}, không phải bảng tính Excel (không có phần «xl/workbook.xml»); hãy tải lên "
                  "tệp Excel (.xlsx, .xls) hoặc CSV.", file_name)


def _unpack_within_declared_sizes(archive: zipfile.ZipFile, file_name: str) -> None:
    """Unpacks every part in chunks and throws the bytes away: zipfile stops at the declared size
    and checks the checksum, so a part that unpacks to more than it declares fails here, cheaply."""
    for part in archive.infolist():
        try:
            with archive.open(part) as stream:
                while stream.read(UNPACK_CHUNK):
                    pass
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError, RuntimeError) as error:
            raise _refuse(f"tệp Excel bị hỏng: phần «{part.filename}» không giải nén được đúng kích thước và mã kiểm "
                          "tra đã khai báo (tệp hỏng, tải lên chưa hết, hoặc bị sửa); hãy mở tệp bằng Excel, lưu lại "
                          "rồi tải lên lại.", file_name) from error


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> the zip part holding it, from xl/workbook.xml and its relationships."""
    try:
        with archive.open("xl/workbook.xml") as workbook, archive.open("xl/_rels/workbook.xml.rels") as relations:
            entries = sheet_xml.scan_sheet_entries(workbook, "sheet", ("name", "id"))
            relationships = sheet_xml.scan_sheet_entries(relations, "Relationship", ("Id", "Target"))
    except KeyError:
        return {}
    targets = {r["Id"]: r["Target"].lstrip("/") if r["Target"].startswith("/") else f"xl/{r['Target']}"
               for r in relationships}
    return {entry["name"]: targets[entry["id"]] for entry in entries if entry["id"] in targets}


def formula_cells_without_values(sheet: bytes) -> list[str]:
    """The cells (A1 names, the first ten) of a sheet part that hold a formula but no computed value:
    Excel always stores the value it computed; files written by programs often do not, and would read
    as empty."""
    return sheet_xml.scan_sheet(io.BytesIO(sheet), MAX_ROWS, MAX_CELLS).formulas_without_values


UTF16_MARKS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)  # Excel's «Unicode Text»: every other byte NUL


def _check_csv_bytes(data: bytes, file_name: str) -> None:
    if b"\x00" in data and not data.startswith(UTF16_MARKS):
        raise _refuse("tệp CSV chứa dữ liệu nhị phân (byte NUL), không phải văn bản (có thể là tệp khác bị đổi đuôi); "
                      "hãy xuất lại bảng từ Excel dưới dạng CSV UTF-8.", file_name)
    lines = data.split(b"\n")
    if len(lines) > MAX_ROWS:
        raise _refuse(f"tệp CSV có {_count(len(lines))} dòng, vượt giới hạn {_count(MAX_ROWS)} dòng cho một bảng; "
                      "hãy tách riêng bảng cần nhập.", file_name)
    longest = max(range(len(lines)), key=lambda number: len(lines[number]))
    if len(lines[longest]) > MAX_CSV_LINE_BYTES:
        raise _refuse(f"dòng {_count(longest + 1)} của tệp CSV dài {_count(len(lines[longest]))} byte, vượt giới hạn "
                      f"{_count(MAX_CSV_LINE_BYTES)} byte cho một dòng; hãy kiểm tra lại tệp.", file_name)
    width = max(max(line.count(b","), line.count(b";"), line.count(b"\t")) + 1 for line in lines)
    if width * len(lines) > MAX_CELLS:
        raise _refuse(f"tệp CSV có {_count(len(lines))} dòng và đến {_count(width)} cột, vượt giới hạn "
                      f"{_count(MAX_CELLS)} ô cho một tệp; hãy tách riêng bảng cần nhập.", file_name)


# ---------------------------------------------------------------- while parsing

@dataclass
class SheetMarks:
    """What calamine does not report of a sheet of an .xlsx: error values (0-based cell -> '#DIV/0!'),
    hidden rows and columns (0-based)."""
    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    hidden_rows: set[int] = field(default_factory=set)
    hidden_columns: set[int] = field(default_factory=set)


def prepare_workbook(data: bytes, file_name: str) -> tuple[bytes, dict[str, SheetMarks]]:
    """The bytes calamine may open, and each sheet's marks. calamine allocates every cell from A1 to a
    sheet's last value (or to what an .xls declares), and aborts the whole process when that is
    billions: the file's structure is read first (the XML of an .xlsx or .ods, the records of an .xls),
    a value beyond the limits (rows per sheet, cells over the whole workbook) is refused naming its
    cell, and blank values far beyond an .xlsx's table are dropped."""
    if data.startswith(OLE_MAGIC):
        _check_xls(data, file_name)
        return data, {}
    if not data.startswith(ZIP_MAGICS):
        return data, {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if "content.xml" in archive.namelist() and "xl/workbook.xml" not in archive.namelist():
            _check_ods(archive, file_name)
            return data, {}
        return _prepare_xlsx(archive, data, file_name)


def _prepare_xlsx(archive: zipfile.ZipFile, data: bytes, file_name: str) -> tuple[bytes, dict[str, SheetMarks]]:
    with _unreadable_refused(file_name):
        parts = _sheet_parts(archive)
        check_sheet_count(list(parts), file_name)
        blank_strings = _shared_strings(archive, file_name)
    marks, trimmed, formulas, cells = {}, {}, [], 0
    for sheet, part in parts.items():
        if part not in archive.namelist():
            continue
        scan = _scan_sheet(archive, part, file_name, sheet, cells, blank_strings)
        cells += scan.cells
        if scan.long_text:
            row, column, length = scan.long_text
            raise _refuse(f"ô chứa văn bản dài {_count(length)} ký tự, vượt giới hạn {_count(sheet_xml.MAX_TEXT)} ký tự "
                          "của một ô Excel; tệp không phải do Excel lưu ra.", file_name, sheet, cell_ref(row, column))
        if scan.formulas_without_values:
            formulas.append(_formulas_problem(scan, file_name, sheet))
        marks[sheet] = SheetMarks(scan.errors, scan.hidden_rows, scan.hidden_columns)
        if far_blanks := scan.far_blanks():
            trimmed[part] = sheet_xml.without_cells(archive.read(part), far_blanks)
    if formulas:
        raise Refused(formulas)
    return (_rezipped(archive, trimmed) if trimmed else data), marks


@contextmanager
def _unreadable_refused(file_name: str, sheet: str | None = None) -> Iterator[None]:
    try:
        yield
    except sheet_xml.Unreadable as unreadable:
        raise _refuse(f"tệp không được mở: {unreadable}.", file_name, sheet) from unreadable


def _shared_strings(archive: zipfile.ZipFile, file_name: str) -> set[int]:
    """The indexes of shared strings that are only spaces (a stray space typed in Excel is stored there);
    refuses too many strings or characters, or a text longer than a cell may hold."""
    if "xl/sharedStrings.xml" not in archive.namelist():
        return set()
    try:
        with archive.open("xl/sharedStrings.xml") as stream:
            strings = sheet_xml.scan_shared_strings(stream, MAX_SHARED_STRINGS, MAX_TEXT_CHARACTERS)
    except sheet_xml.TooManyStrings:
        raise _refuse(f"bảng tính chứa hơn {_count(MAX_SHARED_STRINGS)} chuỗi văn bản hoặc hơn "
                      f"{_count(MAX_TEXT_CHARACTERS)} ký tự văn bản, vượt giới hạn cho một tệp; bảng số liệu thi đua "
                      "chỉ có vài nghìn ô chữ. Hãy xoá các trang không cần nhập.", file_name) from None
    if strings.longest > sheet_xml.MAX_TEXT:
        raise _refuse(f"chuỗi văn bản thứ {_count(strings.longest_index + 1)} dài {_count(strings.longest)} ký tự, "
                      f"vượt giới hạn {_count(sheet_xml.MAX_TEXT)} ký tự của một ô Excel; tệp không phải do Excel "
                      "lưu ra.", file_name)
    return strings.blank


def _scan_sheet(archive: zipfile.ZipFile, part: str, file_name: str, sheet: str, cells_before: int,
                blank_strings: set[int]) -> sheet_xml.SheetScan:
    try:
        with archive.open(part) as stream, _unreadable_refused(file_name, sheet):
            return sheet_xml.scan_sheet(stream, MAX_ROWS, MAX_CELLS - cells_before, blank_strings)
    except sheet_xml.BeyondLimits as far:
        raise _beyond_limits(far, cells_before, file_name, sheet) from None


def _beyond_limits(far: sheet_xml.BeyondLimits, cells_before: int, file_name: str, sheet: str) -> Refused:
    where = cell_ref(far.row, far.column)
    if far.row >= MAX_ROWS or not cells_before or far.cells > MAX_CELLS:
        return _refuse(f"trang có giá trị đến ô {where} (dòng {_count(far.row + 1)}, cột {_count(far.column + 1)}): vùng "
                       f"từ A1 đến ô ấy vượt giới hạn {_count(MAX_ROWS)} dòng, {_count(MAX_CELLS)} ô cho một bảng. Nếu ô "
                       f"{where} gõ nhầm, hãy xoá nó; nếu bảng thật sự lớn như vậy, hãy tách bảng.", file_name, sheet, where)
    return _refuse(f"trang có giá trị đến ô {where}: cùng các trang trước ({_count(cells_before)} ô), cả tệp có "
                   f"{_count(cells_before + far.cells)} ô từ A1 đến giá trị xa nhất của mỗi trang, vượt giới hạn "
                   f"{_count(MAX_CELLS)} ô cho một tệp; hãy xoá các trang không cần nhập hoặc tách tệp.",
                   file_name, sheet, where)


def _formulas_problem(scan: sheet_xml.SheetScan, file_name: str, sheet: str) -> Problem:
    cells, count = scan.formulas_without_values, scan.formulas_without_values_count
    listed = ", ".join(cells) + (f" và {count - len(cells)} ô khác" if count > len(cells) else "")
    return Problem(f"{count} ô chứa công thức nhưng không có giá trị đã tính ({listed}); công thức không được tính "
                   "khi nhập. Hãy mở tệp bằng Excel, để Excel tính lại, lưu rồi tải lên lại (hoặc dán giá trị thay cho "
                   "công thức).", file_name, sheet, cells[0])


def _check_ods(archive: zipfile.ZipFile, file_name: str) -> None:
    try:
        with archive.open("content.xml") as stream, _unreadable_refused(file_name):
            sheet_xml.scan_ods_content(stream, MAX_ROWS, MAX_CELLS)
    except sheet_xml.BeyondLimits as far:
        raise _refuse(f"trang có giá trị (kể cả các dòng, ô lặp lại) đến ô {cell_ref(far.row, far.column)}: cả tệp có "
                      f"{_count(far.cells)} ô từ A1 đến giá trị xa nhất của mỗi trang, vượt giới hạn "
                      f"{_count(MAX_ROWS)} dòng một trang, {_count(MAX_CELLS)} ô một tệp.",
                      file_name, far.sheet, cell_ref(far.row, far.column)) from None


def _check_xls(data: bytes, file_name: str) -> None:
    try:
        sheets = biff.sheets(data)
    except biff.Malformed as malformed:
        raise _refuse(f"tệp Excel 97-2003 (.xls) bị hỏng ({malformed}); hãy mở tệp bằng Excel, lưu lại dạng .xlsx rồi "
                      "tải lên.", file_name) from malformed
    check_sheet_count([sheet.name for sheet in sheets], file_name)
    cells = 0
    for sheet in sheets:
        if sheet.declared_rows > MAX_ROWS or sheet.declared_rows * sheet.declared_columns > MAX_CELLS:
            raise _refuse(f"trang khai báo vùng dữ liệu {_count(sheet.declared_rows)} dòng × "
                          f"{_count(sheet.declared_columns)} cột, vượt giới hạn {_count(MAX_ROWS)} dòng, "
                          f"{_count(MAX_CELLS)} ô cho một bảng (tệp bị sửa, hoặc định dạng kéo dài hết trang); hãy mở "
                          "tệp bằng Excel, xoá các dòng, cột thừa, lưu lại rồi tải lên.", file_name, sheet.name)
        extent = (sheet.bottom + 1) * (sheet.right + 1)
        if sheet.bottom >= MAX_ROWS or cells + extent > MAX_CELLS:
            row, column = sheet.lowest if sheet.bottom >= MAX_ROWS else sheet.rightmost
            raise _beyond_limits(sheet_xml.BeyondLimits(row, column, extent), cells, file_name, sheet.name)
        cells += extent


def _rezipped(archive: zipfile.ZipFile, replaced: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for part in archive.infolist():
            target.writestr(part, replaced.get(part.filename) or archive.read(part))
    return out.getvalue()


def check_sheet_count(sheet_names: list[str], file_name: str) -> None:
    if len(sheet_names) > MAX_SHEETS:
        raise _refuse(f"bảng tính có {_count(len(sheet_names))} trang, vượt giới hạn {MAX_SHEETS} trang; hãy xoá các "
                      "trang không cần nhập.", file_name)


def check_sheet_height(height: int, file_name: str, sheet: str) -> None:
    if height > MAX_ROWS:
        raise _refuse(f"trang có {_count(height)} dòng, vượt giới hạn {_count(MAX_ROWS)} dòng cho một bảng; "
                      "hãy xoá các dòng thừa hoặc tách bảng.", file_name, sheet)


def check_cells(sheets: Iterable, file_name: str) -> None:
    """Refuses an empty workbook, and text that Excel would run as a formula ('=cmd|...') or a
    browser would read as HTML ('<script>'), naming every such cell."""
    sheets = list(sheets)
    if all(sheet.is_empty() for sheet in sheets):
        raise _refuse("bảng tính không có dữ liệu: mọi trang đều trống.", file_name)
    problems = []
    for sheet in sheets:
        for row_number, row in enumerate(sheet.rows):
            for column_number, value in enumerate(row):
                if isinstance(value, str) and value:
                    problem = _text_problem(value)
                    if problem:
                        problems.append(Problem(problem, file_name, sheet.name, cell_ref(row_number, column_number)))
    if problems:
        raise Refused(problems)


@lru_cache(maxsize=1 << 14)  # a pure function of a cell's text; workbooks repeat their titles and names
def _text_problem(value: str) -> str | None:
    if _FORMULA_TEXT.match(value):
        return (f"ô chứa văn bản có dạng công thức Excel «{_clipped(value)}» (có thể là mã độc chạy lệnh khi mở bằng "
                "Excel); công thức không được nhập: hãy xoá hoặc thay bằng giá trị.")
    if "<" in value and _MARKUP.search(value):
        return (f"ô chứa mã HTML «{_clipped(value)}»; tên và số liệu không được chứa thẻ HTML: hãy xoá các thẻ "
                "«<...>» trong ô.")
    return None


def _clipped(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
