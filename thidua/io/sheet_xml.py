"""What the XML of a zip-based workbook says about its cells, read with a streaming XML parser
(expat) before calamine opens the file: where every value lies, which values are blank, which
cells hold an error value or a formula without its computed value, which rows and columns are
hidden.

Names are matched by their local part, so a namespace prefix (<x:c>), quoting, spacing or the case
of a cell reference ("xfd1048576") changes nothing. A document type declaration is refused: a
workbook never has one, and it is how entity expansion attacks begin. Parts are read from the zip
in chunks: checking a part holds about PLAIN_SCAN_BYTES (8 MB) of it in memory at most.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from typing import BinaryIO
from xml.parsers import expat

from thidua.readers.problems import cell_ref

READ_CHUNK = 1 << 20
MAX_DEPTH = 64                 # real workbooks nest elements fewer than ten deep
MAX_TEXT = 32_767              # Excel's limit on the text of one cell
TEXT_RESULT_TYPES = {"str", "s", "inlineStr", "e", "b"}
LISTED = 10


class Unreadable(Exception):
    """The XML is not what a workbook holds: a document type declaration, nesting too deep, a cell
    reference that is not one, or XML that does not parse. The message is Vietnamese."""


def local(name: str) -> str:
    return name.rpartition(" ")[2]


def attribute(attributes: dict[str, str], name: str) -> str | None:
    """An attribute by its local name, whatever namespace it was written in."""
    value = attributes.get(name)
    if value is not None:
        return value
    return next((v for key, v in attributes.items() if local(key) == name), None)


def column_number(letters: str) -> int:
    """0-based column of Excel letters: 'A' -> 0, 'xfd' -> 16383."""
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - ord("A") + 1
    return number - 1


_COLUMN_LETTERS = re.compile(r"[A-Za-z]{1,3}")
_COLUMNS: dict[str, int] = {}


def parse_reference(reference: str) -> tuple[int, int]:
    """0-based (row, column) of a cell reference in any case; Unreadable when it is not one."""
    letters = reference.rstrip("0123456789")
    digits = reference[len(letters):]
    column = _COLUMNS.get(letters)
    if column is None:
        if not _COLUMN_LETTERS.fullmatch(letters.strip()):
            raise Unreadable(f"địa chỉ ô «{reference[:20]}» không hợp lệ")
        column = _COLUMNS.setdefault(letters, column_number(letters.strip()))
    if not 0 < len(digits) <= 7 or int(digits) == 0:
        raise Unreadable(f"địa chỉ ô «{reference[:20]}» không hợp lệ")
    return int(digits) - 1, column


def _safe_parser() -> expat.XMLParserType:
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True

    def refuse_declaration(*_):
        raise Unreadable("phần XML có khai báo DOCTYPE/ENTITY, điều mà bảng tính Excel không bao giờ có")

    parser.StartDoctypeDeclHandler = refuse_declaration
    parser.EntityDeclHandler = refuse_declaration
    return parser


def _parse(parser: expat.XMLParserType, stream: BinaryIO, read_already: bytes = b"") -> None:
    try:
        parser.Parse(read_already, False)
        while chunk := stream.read(READ_CHUNK):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except expat.ExpatError as error:
        raise Unreadable(f"phần XML bị hỏng ({expat.ErrorString(error.code)}, dòng {error.lineno})") from error


@dataclass
class SharedStrings:
    count: int = 0
    blank: set[int] = field(default_factory=set)    # indexes of strings that are only spaces
    longest: int = 0
    longest_index: int = 0
    characters: int = 0


class TooManyStrings(Exception):
    """The shared strings pass a limit; scanning stopped there."""


def scan_shared_strings(stream: BinaryIO, max_count: int, max_characters: int) -> SharedStrings:
    """xl/sharedStrings.xml, streamed: only start tags and text are handled (an item ends where the
    next begins). Raises TooManyStrings as soon as the count or the characters pass the limits."""
    found = SharedStrings()
    parser = _safe_parser()
    item = {"depth": 0, "length": 0, "blank": True, "open": False}

    def finish() -> None:
        if item["length"] > found.longest:
            found.longest, found.longest_index = item["length"], found.count - 1
        found.characters += item["length"]
        if item["blank"]:
            found.blank.add(found.count - 1)
        if found.count > max_count or found.characters > max_characters:
            raise TooManyStrings()

    def start(name, _attributes):
        if local(name) == "si":
            if item["open"]:
                finish()
            found.count += 1
            item.update(length=0, blank=True, open=True, depth=0)
        elif item["open"]:
            item["depth"] += 1
            if item["depth"] > MAX_DEPTH:
                raise Unreadable("các phần tử XML lồng nhau quá sâu")

    def characters(data):
        if item["open"]:
            item["length"] += len(data)
            item["blank"] = item["blank"] and data.isspace()

    parser.StartElementHandler, parser.CharacterDataHandler = start, characters
    _parse(parser, stream)
    if item["open"]:
        finish()
    return found


class BeyondLimits(Exception):
    """A value lies where the area from A1 to it, added to what earlier sheets hold, passes the limits."""

    def __init__(self, row: int, column: int, cells: int, sheet: str | None = None):
        super().__init__(cell_ref(row, column))
        self.row, self.column, self.cells, self.sheet = row, column, cells, sheet


@dataclass
class SheetScan:
    """One sheet part: its values' extent and what calamine does not report (0-based positions).
    Scanning stops at the first value beyond max_rows, or whose area from A1 passes max_cells."""
    max_rows: int
    max_cells: int
    bottom: int = -1                                 # the last row and column holding a value
    right: int = -1
    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    formulas_without_values: list[str] = field(default_factory=list)
    formulas_without_values_count: int = 0
    hidden_rows: set[int] = field(default_factory=set)
    hidden_columns: set[int] = field(default_factory=set)
    blanks: list[tuple[int, int, int]] = field(default_factory=list)   # row, column, position of a blank cell
    long_text: tuple[int, int, int] | None = None    # row, column, length of a text longer than Excel allows

    @property
    def cells(self) -> int:
        """The cells from A1 to the last row and column holding a value: what calamine allocates."""
        return (self.bottom + 1) * (self.right + 1)

    def add_value(self, row: int, column: int) -> None:
        if row <= self.bottom and column <= self.right:
            return
        bottom, right = max(row, self.bottom), max(column, self.right)
        if bottom >= self.max_rows or (bottom + 1) * (right + 1) > self.max_cells:
            raise BeyondLimits(row, column, (bottom + 1) * (right + 1))
        self.bottom, self.right = bottom, right

    def far_blanks(self) -> set[int]:
        """The positions (in document order) of blank cells beyond the last value's row or column."""
        return {ordinal for row, column, ordinal in self.blanks if row > self.bottom or column > self.right}


MAX_BLANKS_KEPT = 100_000
HIDDEN_COLUMNS_SEEN = 1000
CELL_CONTENT = {"v", "is", "t", "r", "rPr", "rPh", "f"}    # what a <c> may hold around its value


def _row_number(text: str) -> int:
    """0-based number of a 1-based row or column number written in an attribute."""
    if not text.strip().isdigit() or int(text) == 0:
        raise Unreadable(f"số dòng/cột «{text[:20]}» không hợp lệ")
    return int(text) - 1


def _hidden(value: str | None) -> bool:
    return value is not None and value.strip().lower() in ("1", "true")


class _SheetScanner:
    """expat handlers for a worksheet part. Only start tags and text are handled (end tags cost a call
    each): a cell is judged when the next element begins, its value being the text that followed its
    <v> or <is>."""

    def __init__(self, parser: expat.XMLParserType, scan: SheetScan, blank_strings: set[int]):
        self.parser, self.scan, self.blank_strings = parser, scan, blank_strings
        self.locals: dict[str, str] = {}
        self.row, self.column, self.ordinal = -1, -1, -1
        self.cell: tuple[int, int, str] | None = None     # row, column, type of the open cell
        self.formula, self.text, self.length = False, None, 0

    def start(self, name: str, attributes: dict[str, str]) -> None:
        tag = self.locals.get(name) or self.locals.setdefault(name, local(name))
        if tag in CELL_CONTENT and self.cell is not None:
            if tag == "f":
                self.formula = True
            elif tag in ("v", "is") and self.text is None:
                self.text = []
                self.parser.CharacterDataHandler = self.characters
            return
        if self.cell is not None:
            self.finish_cell()
        if tag == "c":
            reference = attribute(attributes, "r")
            self.row, self.column = (parse_reference(reference) if reference is not None
                                     else (max(self.row, 0), self.column + 1))
            self.cell, self.ordinal = (self.row, self.column, attribute(attributes, "t") or "n"), self.ordinal + 1
        elif tag == "row":
            number = attribute(attributes, "r")
            self.row, self.column = (_row_number(number) if number is not None else self.row + 1), -1
            if _hidden(attribute(attributes, "hidden")):
                self.scan.hidden_rows.add(self.row)
        elif tag == "col" and _hidden(attribute(attributes, "hidden")):
            first, last = _row_number(attribute(attributes, "min") or "1"), _row_number(attribute(attributes, "max") or "1")
            self.scan.hidden_columns.update(range(first, min(last + 1, HIDDEN_COLUMNS_SEEN)))

    def characters(self, data: str) -> None:
        self.length += len(data)
        if self.length <= MAX_TEXT:
            self.text.append(data)
        elif not data.isspace():
            self.text.append("x")  # enough to know the text is not blank; its length is counted

    def finish_cell(self) -> None:
        (row, column, kind), scan, value = self.cell, self.scan, None if self.text is None else "".join(self.text)
        if self.formula and not (value and value.strip()) and not (kind in TEXT_RESULT_TYPES and value is not None):
            scan.formulas_without_values_count += 1
            if len(scan.formulas_without_values) < LISTED:
                scan.formulas_without_values.append(cell_ref(row, column))
        if value is not None:
            if self.length > MAX_TEXT and scan.long_text is None:
                scan.long_text = (row, column, self.length)
            if kind == "e":
                scan.errors[(row, column)] = value.strip()
            shared = kind == "s" and value.strip().isdigit()
            if not ((int(value) in self.blank_strings) if shared else not value.strip()):
                scan.add_value(row, column)
            elif len(scan.blanks) < MAX_BLANKS_KEPT:
                scan.blanks.append((row, column, self.ordinal))
            else:
                scan.add_value(row, column)
        self.cell, self.formula, self.text, self.length = None, False, None, 0
        self.parser.CharacterDataHandler = None


def scan_sheet(stream: BinaryIO, max_rows: int, max_cells: int, blank_strings: set[int] = frozenset()
               ) -> SheetScan:
    """Every cell of a worksheet part (xl/worksheets/sheetN.xml). Raises BeyondLimits. A part of plain XML
    (plain_text) up to PLAIN_SCAN_BYTES is checked by expat alone and its cells found by patterns, with
    the same answers as expat's element by element handling, which reads every other part streamed."""
    scan = SheetScan(max_rows, max_cells)
    parser = _safe_parser()
    scanner = _SheetScanner(parser, scan, blank_strings)
    head = stream.read(PLAIN_SCAN_BYTES + 1)
    body = plain_text(head) if len(head) <= PLAIN_SCAN_BYTES else None
    if body is None or not _well_formed(head) or not _scan_usual(body, scanner):  # well-formed: every "<" begins a tag
        parser.StartElementHandler = scanner.start
        _parse(parser, stream, head)
    if scanner.cell is not None:
        scanner.finish_cell()
    return scan


PLAIN_SCAN_BYTES = 8 << 20   # a sheet part of a real table is tens of kilobytes
_XML_DECLARATION = re.compile(r"""<\?xml(\s+version\s*=\s*("[^"]*"|'[^']*'))?(\s+encoding\s*=\s*("utf-8"|'utf-8'))?"""
                              r"""(\s+standalone\s*=\s*("[^"]*"|'[^']*'))?\s*\?>""", re.IGNORECASE)
_QUOTED_TAG = r"""(?:[^"'>]|"[^"]*"|'[^']*')*"""
_PREFIX = r"(?>(?:[^\s/>:]+:)?)"         # atomic: a prefix found is never read as part of the local name
_CELL_START = re.compile(r"<c[\s/>]")
_ROW_START = re.compile(r"<row[\s/>]")
_NUMBERED_ROW_START = re.compile(r'<row r="[1-9][0-9]{0,6}"[\s/>]')
_PREFIXED_CELL_OR_ROW_START = re.compile(r"<[^\s/>:]+:(?:c|row)[\s/>]")
_LINE = re.compile(r"<" + _PREFIX + r"(row|col)(?=[\s/>])(" + _QUOTED_TAG + r")>")
# A cell as Excel and openpyxl write it: its reference, style and type, then a formula, a value or inline text
_USUAL_CELL = re.compile(r'<c r="([A-Z]{1,3})([1-9][0-9]{0,6})"(?: s="[0-9]{1,5}")?(?: t="([A-Za-z]{1,9})")?'
                         r"(?:/>|>(<f(?:\s[^<>]*)?>[^<]*</f>|<f\s[^<>]*/>)?(?:(<v>)([^<]*)</v>|(<is>)<t>([^<]*)</t></is>)?</c>)")
_ATTRIBUTE = re.compile(r"""([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_REFERENCE = re.compile(r"&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);")
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}


def _well_formed(part: bytes) -> bool:
    """Parsed by expat without a document type. Not: the part is scanned again element by element,
    which refuses it as it always has, or finds a value beyond the limits before the fault."""
    try:
        _parse(_safe_parser(), io.BytesIO(part))
    except Unreadable:
        return False
    return True


def plain_text(part: bytes) -> str | None:
    """The part as text when it is UTF-8 XML of elements, attributes and text only: no comment, CDATA
    section, processing instruction (bar the declaration), document type or carriage return, whose text
    could look like markup to a pattern or change what expat reports. None otherwise."""
    try:
        text = part.decode()
    except UnicodeDecodeError:
        return None
    declaration = _XML_DECLARATION.match(text)
    if "<!" in text or "\r" in text or text.find("<?", declaration.end() if declaration else 0) != -1:
        return None
    return text


def _unescaped(text: str) -> str:
    """Character and entity references replaced, as expat reports text (it refused any other entity)."""
    if "&" not in text:
        return text
    return _REFERENCE.sub(lambda found: _NAMED.get(found[1]) or chr(
        int(found[1][2:], 16) if found[1][1] == "x" else int(found[1][1:])), text)


def _attributes(written: str) -> dict[str, str]:
    """Attributes as expat reports them with namespaces: prefixed ones as 'prefix name', namespace
    declarations left out, references replaced, tabs and line breaks as spaces."""
    return {name.replace(":", " "): _unescaped((double or single).replace("\t", " ").replace("\n", " "))
            for name, double, single in _ATTRIBUTE.findall(written) if not name.startswith("xmlns")}


def _value_text(written: str, kind: str) -> str:
    """A cell's text as expat reports it, where the scanner needs it: the number of a shared string, an
    error value, whether it is blank, its length when it may pass a cell's limit. Other text is certainly
    a value and short, and stays as written (replacing references costs more than the rest of the scan)."""
    if "&" not in written:
        return written
    bare = _REFERENCE.sub("", written)
    if kind not in ("s", "e") and len(written) <= MAX_TEXT and bare and not bare.isspace():
        return written
    return _unescaped(written)


def _scan_usual(body: str, scanner: _SheetScanner) -> bool:
    """Every cell of a plain part whose cells are all written the usual way, each handed to the scanner
    as expat would. False, having handed it nothing, when some cell is written otherwise."""
    cells = _USUAL_CELL.findall(body)
    if (len(cells) != len(_CELL_START.findall(body))
            or len(_ROW_START.findall(body)) != len(_NUMBERED_ROW_START.findall(body))  # expat checks each number
            or ((":c" in body or ":row" in body) and _PREFIXED_CELL_OR_ROW_START.search(body))):
        return False
    hiding = [(tag, _attributes(written)) for tag, written in (_LINE.findall(body) if "hidden" in body else [])
              if "hidden" in written]
    if any(tag == "row" and attribute(attributes, "r") is None for tag, attributes in hiding):
        return False  # its number follows from the rows before it
    for tag, attributes in hiding:
        scanner.start(tag, attributes)
    for ordinal, (letters, digits, kind, formula, value, value_text, inline, inline_text) in enumerate(cells):
        column = _COLUMNS.get(letters)
        if column is None:
            column = _COLUMNS.setdefault(letters, column_number(letters))
        kind = kind or "n"
        scanner.cell, scanner.ordinal, scanner.formula = (int(digits) - 1, column, kind), ordinal, bool(formula)
        if value or inline:
            text = _value_text(value_text if value else inline_text, kind)
            scanner.text, scanner.length = [text], len(text)
        scanner.finish_cell()
    return True


def without_cells(sheet: bytes, ordinals: set[int]) -> bytes:
    """The worksheet part without the cells at these positions in document order (0 = the first <c>)."""
    parser = _safe_parser()
    spans, seen, opened = [], [-1], []

    def start(name, _attributes):
        if local(name) == "c":
            seen[0] += 1
            if seen[0] in ordinals:
                opened.append(parser.CurrentByteIndex)

    def end(name):
        if local(name) == "c" and opened and seen[0] in ordinals:
            close = parser.CurrentByteIndex
            end = sheet.index(b">", close) + 1 if sheet.startswith(b"</", close) else close
            spans.append((opened.pop(), end))

    parser.StartElementHandler, parser.EndElementHandler = start, end
    _parse(parser, io.BytesIO(sheet))
    kept, position = [], 0
    for first, end in spans:
        kept.append(sheet[position:first])
        position = end
    kept.append(sheet[position:])
    return b"".join(kept)


@dataclass
class OdsTable:
    name: str
    bottom: int = -1
    right: int = -1

    @property
    def cells(self) -> int:
        return (self.bottom + 1) * (self.right + 1)


MAX_REPEAT = 1 << 31


def scan_ods_content(stream: BinaryIO, max_rows: int, max_cells: int) -> list[OdsTable]:
    """The extent of the values of every table of an OpenDocument content.xml, with rows and cells
    repeated as number-rows-repeated / number-columns-repeated say: LibreOffice writes the empty
    rest of a sheet as one repeated row, and a crafted file repeats a value a billion times. Raises
    BeyondLimits at the first value past max_rows, or past max_cells over all tables so far."""
    tables: list[OdsTable] = []
    parser = _safe_parser()
    state = {"depth": 0, "row": 0, "rows": 1, "column": 0, "cell": None, "table_depth": 0, "before": 0}

    def repeat(attributes, name: str) -> int:
        value = attribute(attributes, name) or "1"
        if not value.strip().isdigit():
            raise Unreadable(f"số lần lặp «{value[:20]}» không hợp lệ")
        return min(max(int(value), 1), MAX_REPEAT)

    def add_value(row: int, column: int) -> None:
        table = tables[-1]
        bottom, right = max(row, table.bottom), max(column, table.right)
        cells = state["before"] + (bottom + 1) * (right + 1)
        if bottom >= max_rows or cells > max_cells:
            raise BeyondLimits(row, column, cells, table.name)
        table.bottom, table.right = bottom, right

    def start(name, attributes):
        state["depth"] += 1
        if state["depth"] > MAX_DEPTH:
            raise Unreadable("các phần tử XML lồng nhau quá sâu")
        tag = local(name)
        if tag == "table" and not state["table_depth"]:
            state["before"] += tables[-1].cells if tables else 0
            tables.append(OdsTable(attribute(attributes, "name") or f"Sheet{len(tables) + 1}"))
            state.update(row=0, rows=0, table_depth=state["depth"])
        elif not state["table_depth"]:
            return
        elif tag == "table-row":
            state["row"] += state["rows"]
            state.update(rows=repeat(attributes, "number-rows-repeated"), column=0, cell=None)
        elif tag in ("table-cell", "covered-table-cell") and state["cell"] is None:
            columns = repeat(attributes, "number-columns-repeated")
            has_value = attribute(attributes, "value-type") is not None
            state["cell"] = [state["column"], columns, has_value, state["depth"]]
            state["column"] += columns
        elif tag == "p" and state["cell"] is not None:
            state["cell"][2] = True

    def end(name):
        tag = local(name)
        cell = state["cell"]
        if cell is not None and tag in ("table-cell", "covered-table-cell") and cell[3] == state["depth"]:
            state["cell"] = None
            if cell[2]:
                add_value(state["row"] + state["rows"] - 1, cell[0] + cell[1] - 1)
        elif tag == "table" and state["table_depth"] == state["depth"]:
            state["table_depth"] = 0
        state["depth"] -= 1

    parser.StartElementHandler, parser.EndElementHandler = start, end
    _parse(parser, stream)
    return tables


def scan_sheet_entries(stream: BinaryIO, element: str, wanted: tuple[str, ...]) -> list[dict[str, str]]:
    """The attributes (by local name) of every `element` of a small part: the sheets of
    xl/workbook.xml, the relationships of its .rels."""
    found = []
    parser = _safe_parser()

    def start(name, attributes):
        if local(name) == element:
            found.append({key: attribute(attributes, key) or "" for key in wanted})

    parser.StartElementHandler = start
    _parse(parser, stream)
    return found
