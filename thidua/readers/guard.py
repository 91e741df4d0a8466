"""Checks on an uploaded file before and while it is parsed, so that no file can exhaust the
server or slip in something other than figures.

Before parsing (check_bytes): the size; what the bytes really are, whatever the name says (PDF,
picture, program, Word document, encrypted workbook); for zip-based workbooks the sizes the zip
declares (a zip bomb unpacks to gigabytes from a few kilobytes), then a bounded unpacking that
catches sizes declared falsely; formula cells without a computed value; for CSV, text only and
a row limit. Before an .xlsx is opened (prepare_xlsx): values far beyond any table, for which
calamine would allocate every cell. After the workbook is opened (check_sheet_count,
check_sheet_height) and read (check_cells): the number of sheets and rows, empty workbooks, and
text that Excel would run as a formula or a browser as HTML. Nothing here evaluates a formula or runs a macro.
"""
from __future__ import annotations

import html
import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

from thidua.readers.problems import Problem, Refused, cell_ref

MAX_FILE_BYTES = 50 * 1024 * 1024            # the upload limit in .streamlit/config.toml
MAX_UNPACKED_BYTES = 250 * 1024 * 1024       # what the parts of a zip-based workbook may unpack to
SUSPECT_RATIO = 100                          # unpacked / packed above this, for a large file, is a bomb
SUSPECT_RATIO_FROM_BYTES = 20 * 1024 * 1024
MAX_ZIP_PARTS = 5_000
MAX_SHEETS = 100
MAX_ROWS = 10_000                            # per sheet; real tables of these kinds hold at most hundreds
MAX_CELLS = 2_000_000                        # rows × columns up to a sheet's last value: calamine allocates them all
UNPACK_CHUNK = 1024 * 1024
LISTED_CELLS = 10

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
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
_CELL = re.compile(rb"<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.DOTALL)
_CELL_REF = re.compile(rb'\br="([A-Z]+[0-9]+)"')
_CELL_TYPE = re.compile(rb'\bt="([a-zA-Z]+)"')
_CACHED_VALUE = re.compile(rb"<v>[^<]+</v>|<v\s[^>]*>[^<]+</v>")
_TEXT_RESULT_TYPES = {b"str", b"s", b"inlineStr", b"e", b"b"}
_SHEET_ENTRY = re.compile(rb"<(?:\w+:)?sheet\b[^>]*>")
_ATTRIBUTE = re.compile(rb'([\w:]+)="([^"]*)"')
_RELATIONSHIP = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*>")


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
        _check_formulas_have_values(archive, file_name)


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
        workbook = archive.read("xl/workbook.xml")
        relationships = archive.read("xl/_rels/workbook.xml.rels")
    except KeyError:
        return {}
    targets = {}
    for element in _RELATIONSHIP.findall(relationships):
        attributes = dict(_ATTRIBUTE.findall(element))
        target = attributes.get(b"Target", b"").decode("utf-8", "replace")
        targets[attributes.get(b"Id", b"")] = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    parts = {}
    for element in _SHEET_ENTRY.findall(workbook):
        attributes = {key.split(b":")[-1]: value for key, value in _ATTRIBUTE.findall(element)}
        name = _xml_text(attributes.get(b"name", b""))
        if attributes.get(b"id") in targets:
            parts[name] = targets[attributes[b"id"]]
    return parts


def _xml_text(raw: bytes) -> str:
    text = raw.decode("utf-8", "replace")
    for entity, char in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&apos;", "'"), ("&amp;", "&")):
        text = text.replace(entity, char)
    return text


def formula_cells_without_values(sheet_xml: bytes) -> list[str]:
    """The cells (A1 names) of a sheet part that hold a formula but no computed value: Excel always
    stores the value it computed; files written by programs often do not, and would read as empty."""
    if b"<f" not in sheet_xml:
        return []
    found = []
    for attributes, body in _CELL.findall(sheet_xml):
        if not body or b"<f" not in body or _CACHED_VALUE.search(body):
            continue
        kind = _CELL_TYPE.search(attributes)
        if kind and kind.group(1) in _TEXT_RESULT_TYPES and b"<v" in body:
            continue  # a formula whose computed result is empty text
        reference = _CELL_REF.search(attributes)
        found.append(reference.group(1).decode() if reference else "?")
    return found


def _check_formulas_have_values(archive: zipfile.ZipFile, file_name: str) -> None:
    problems = []
    for sheet, part in _sheet_parts(archive).items():
        try:
            cells = formula_cells_without_values(archive.read(part))
        except KeyError:
            continue
        if cells:
            listed = ", ".join(cells[:LISTED_CELLS]) + (f" và {len(cells) - LISTED_CELLS} ô khác"
                                                         if len(cells) > LISTED_CELLS else "")
            problems.append(Problem(
                f"{len(cells)} ô chứa công thức nhưng không có giá trị đã tính ({listed}); công thức không được tính "
                "khi nhập. Hãy mở tệp bằng Excel, để Excel tính lại, lưu rồi tải lên lại (hoặc dán giá trị thay cho "
                "công thức).", file_name, sheet, cells[0]))
    if problems:
        raise Refused(problems)


def _check_csv_bytes(data: bytes, file_name: str) -> None:
    if b"\x00" in data[:65536]:
        raise _refuse("tệp CSV chứa dữ liệu nhị phân, không phải văn bản (có thể là tệp khác bị đổi đuôi); hãy xuất "
                      "lại bảng từ Excel dưới dạng CSV UTF-8.", file_name)
    lines = data.count(b"\n") + 1
    if lines > MAX_ROWS:
        raise _refuse(f"tệp CSV có {_count(lines)} dòng, vượt giới hạn {_count(MAX_ROWS)} dòng cho một bảng; "
                      "hãy tách riêng bảng cần nhập.", file_name)


# ---------------------------------------------------------------- while parsing

@dataclass
class SheetMarks:
    """What calamine does not report of a sheet of an .xlsx: error values (0-based cell -> '#DIV/0!'),
    hidden rows and columns (0-based)."""
    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    hidden_rows: set[int] = field(default_factory=set)
    hidden_columns: set[int] = field(default_factory=set)


def prepare_xlsx(data: bytes, file_name: str) -> tuple[bytes, dict[str, SheetMarks]]:
    """The bytes calamine may open, and each sheet's marks. calamine allocates every cell from A1 to a
    sheet's last value, and aborts the whole process when that is billions (a space typed in XFD1048576):
    blank values far beyond the table are dropped, a real value there is refused, naming its cell."""
    if not data.startswith(ZIP_MAGICS):
        return data, {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        blank_strings = _blank_shared_strings(archive)
        marks, trimmed = {}, {}
        for sheet, part in _sheet_parts(archive).items():
            try:
                xml = archive.read(part)
            except KeyError:
                continue
            marks[sheet], far_blanks = _sheet_marks(xml, blank_strings, file_name, sheet)
            if far_blanks:
                trimmed[part] = _without(xml, far_blanks)
        return (_rezipped(archive, trimmed) if trimmed else data), marks


_ROW = re.compile(rb"<row\b([^>]*)>")
_HIDDEN = re.compile(rb'\bhidden="(?:1|true)"')
_ROW_NUMBER = re.compile(rb'\br="(\d+)"')
_COLUMN_RANGE = re.compile(rb"<col\b([^>]*)/?>")
_SPAN = re.compile(rb'\bmin="(\d+)"[^>]*?\bmax="(\d+)"')
_VALUE = re.compile(rb"<v>([^<]*)</v>|<is>(.*?)</is>", re.DOTALL)
_TAG = re.compile(rb"<[^>]+>")
_REF_PARTS = re.compile(r"([A-Z]+)(\d+)")
_CELL_COLUMN = re.compile(rb'<c\b[^>]*?\br="([A-Z]+)[0-9]+"')


def _blank_shared_strings(archive: zipfile.ZipFile) -> set[int]:
    """The indexes of shared strings that are only spaces (a stray space typed in Excel is stored there)."""
    try:
        strings = archive.read("xl/sharedStrings.xml")
    except KeyError:
        return set()
    items = re.findall(rb"<si>(.*?)</si>|<si/>", strings, re.DOTALL)
    return {index for index, item in enumerate(items) if _is_space(_TAG.sub(b"", item))}


def _sheet_marks(xml: bytes, blank_strings: set[int], file_name: str, sheet: str
                 ) -> tuple[SheetMarks, list[tuple[int, int, bytes]]]:
    """The sheet's marks and its blank values beyond the limits (row, column, the cell's XML)."""
    marks = SheetMarks()
    for attributes in _ROW.findall(xml):
        number = _ROW_NUMBER.search(attributes)
        if number and _HIDDEN.search(attributes):
            marks.hidden_rows.add(int(number.group(1)) - 1)
    for attributes in _COLUMN_RANGE.findall(xml):
        span = _SPAN.search(attributes)
        if span and _HIDDEN.search(attributes):
            marks.hidden_columns.update(range(int(span.group(1)) - 1, min(int(span.group(2)), 1000)))
    if b't="e"' not in xml and _cells_within_limits(xml):
        return marks, []  # no error value, nothing far: the cell-by-cell pass below would find nothing
    values, blanks = [], []
    for match in _CELL.finditer(xml):
        attributes, body = match.group(1), match.group(2) or b""
        reference, value = _CELL_REF.search(attributes), _VALUE.search(body)
        if not reference or not value:
            continue
        row, column = _row_column(reference.group(1).decode())
        kind = _CELL_TYPE.search(attributes)
        text = value.group(1) if value.group(1) is not None else _TAG.sub(b"", value.group(2))
        if kind and kind.group(1) == b"e":
            marks.errors[(row, column)] = text.decode("utf-8", "replace")
        shared = kind and kind.group(1) == b"s" and text.strip().isdigit()
        is_blank = (int(text) in blank_strings) if shared else (kind and kind.group(1) != b"n" and _is_space(text))
        (blanks if is_blank else values).append((row, column, match.group(0)))
    _check_extent(values, file_name, sheet)
    bottom = max((row for row, _, _ in values), default=0)
    right = max((column for _, column, _ in values), default=0)
    return marks, [cell for cell in blanks if cell[0] > bottom or cell[1] > right]


def _cells_within_limits(xml: bytes) -> bool:
    """Whether every cell written in the sheet, with a value or only a format, lies within the limits."""
    rows = _ROW_NUMBER.findall(b"".join(_ROW.findall(xml)))
    columns = set(_CELL_COLUMN.findall(xml))
    if not rows or not columns:
        return True
    bottom = max(map(int, rows))
    right = _row_column(max(columns, key=lambda letters: (len(letters), letters)).decode() + "1")[1]
    return bottom <= MAX_ROWS and bottom * (right + 1) <= MAX_CELLS


def _check_extent(values: list[tuple[int, int, bytes]], file_name: str, sheet: str) -> None:
    if not values:
        return
    bottom = max(values, key=lambda cell: cell[0])
    right = max(values, key=lambda cell: cell[1])
    if bottom[0] < MAX_ROWS and (bottom[0] + 1) * (right[1] + 1) <= MAX_CELLS:
        return
    far = bottom if bottom[0] / MAX_ROWS >= right[1] * MAX_ROWS / MAX_CELLS else right
    where = cell_ref(far[0], far[1])
    raise _refuse(f"trang có giá trị đến ô {where} (dòng {_count(far[0] + 1)}, cột {_count(far[1] + 1)}): vùng từ A1 "
                  f"đến ô ấy vượt giới hạn {_count(MAX_ROWS)} dòng, {_count(MAX_CELLS)} ô cho một bảng. Nếu ô {where} "
                  "gõ nhầm, hãy xoá nó; nếu bảng thật sự lớn như vậy, hãy tách bảng.", file_name, sheet, where)


def _is_space(text: bytes) -> bool:
    return not html.unescape(text.decode("utf-8", "replace")).strip()  # non-breaking spaces too, as &#160;


def _row_column(reference: str) -> tuple[int, int]:
    letters, digits = _REF_PARTS.fullmatch(reference).groups()
    column = 0
    for letter in letters:
        column = column * 26 + ord(letter) - ord("A") + 1
    return int(digits) - 1, column - 1


def _without(xml: bytes, cells: list[tuple[int, int, bytes]]) -> bytes:
    dropped = {cell for _, _, cell in cells}
    return _CELL.sub(lambda match: b"" if match.group(0) in dropped else match.group(0), xml)


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
