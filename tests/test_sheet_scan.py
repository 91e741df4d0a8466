"""The guard's two ways of scanning a sheet part give the same answers: patterns over a plain part whose
cells are all written the usual way (as Excel and openpyxl write them), and expat element by element over
any other. Checked on every sheet part of the unseen-layout, bad and hostile workbooks and on parts
written in the ways the patterns must leave to expat, at the real limits and at limits so tight that the
scan stops part way."""
from __future__ import annotations

import dataclasses
import io
import zipfile
import zlib
from unittest import mock

import pytest

from bad_files.make_corpus import corpus, hostile_corpus
from thidua.io import sheet_xml
from unseen_layouts import CASES
from workbook_builders import SheetSpec, xlsx_bytes

BLANK_STRINGS = {1}
LIMITS = [(10_000, 2_000_000), (6, 40)]
NAMESPACE = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def scanned(part: bytes, max_rows: int, max_cells: int, streamed: bool) -> tuple:
    """What a scan found, or the exception that stopped it, by its cell."""
    with mock.patch.object(sheet_xml, "PLAIN_SCAN_BYTES", 0 if streamed else sheet_xml.PLAIN_SCAN_BYTES):
        try:
            return "scan", dataclasses.asdict(sheet_xml.scan_sheet(io.BytesIO(part), max_rows, max_cells, BLANK_STRINGS))
        except sheet_xml.BeyondLimits as far:
            return "beyond", far.row, far.column, far.cells
        except sheet_xml.Unreadable as unreadable:
            return "unreadable", str(unreadable)


def sheet_parts(data: bytes) -> list[bytes]:
    """The sheet parts of an .xlsx that unpacks (the bad corpus holds broken zips too)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return [archive.read(name) for name in archive.namelist()
                    if name.startswith("xl/worksheets/") and name.endswith(".xml")]
    except (zipfile.BadZipFile, zlib.error):
        return []


def workbook_parts() -> list[tuple[str, bytes]]:
    parts = []
    for name, (_, build) in CASES.items():
        parts += [(f"{name} {number}", part) for number, part in enumerate(sheet_parts(build().data))]
    for bad in [*corpus(), *hostile_corpus()]:
        if bad.name.endswith(".xlsx") and bad.name not in ("bom_khoang_trang.xlsx", "2_trieu_chuoi.xlsx"):
            parts += [(f"{bad.name} {number}", part) for number, part in enumerate(sheet_parts(bad.build()))]
    return parts


def worksheet(rows: str, before: str = "", prologue: str = "") -> bytes:
    return f'{prologue}<worksheet xmlns="{NAMESPACE}">{before}<sheetData>{rows}</sheetData></worksheet>'.encode()


USUAL_ROWS = ('<row r="1"><c r="A1" t="inlineStr"><is><t>Đơn vị</t></is></c><c r="B1" t="s"><v>0</v></c></row>'
              '<row r="2" hidden="1"><c r="A2" s="1" t="s"><v>1</v></c><c r="B2"><v>7.5</v></c>'
              '<c r="C2"><f>SUM(A2:B2)</f><v></v></c><c r="D2" t="e"><v>#DIV/0!</v></c><c r="E2"/></row>'
              '<row r="3"><c r="A3" t="inlineStr"><is><t>   </t></is></c><c r="B3" t="inlineStr"><is><t>'
              'S&#7903; N&#7897;i v&#7909; &amp; &lt;b&gt;</t></is></c><c r="C3" t="inlineStr"><is><t>&#32;&#x20;</t>'
              '</is></c><c r="H9"><v>1</v></c></row>')
WAYS_OF_WRITING = {
    "prefixed cells": f'<x:row xmlns:x="{NAMESPACE}" r="1"><x:c r="C1"><x:v>1</x:v></x:c></x:row>',
    "a lower-case reference": '<row r="1"><c r="c1"><v>1</v></c></row>',
    "a row numbered with letters": '<row r="x1"><c r="A1"><v>1</v></c></row>',
    "rows without their numbers": '<row><c r="A1"><v>1</v></c></row><row spans="1:2"><c r="B2"><v>1</v></c></row>',
    "a prefixed row": f'<x:row xmlns:x="{NAMESPACE}" r="0"><c r="A1"><v>1</v></c></x:row>',
    "a cell without its reference": '<row r="4"><c><v>1</v></c><c t="s"><v>1</v></c><c><v>2</v></c></row>',
    "a hidden row without its number": '<row r="1"><c r="A1"><v>1</v></c></row><row hidden="1"><c><v>2</v></c></row>',
    "single quotes and spaces": "<row r='1'><c r = 'B1' t='s' ><v >3</v ></c></row>",
    "a greater-than sign inside an attribute": '<row r="1"><c r="A1" x=">"><v>1</v></c></row>',
    "references inside attributes": '<row r="1"><c r="&#65;2" t="&#115;"><v>1</v></c></row>',
    "rich text runs": ('<row r="1"><c r="A1" t="inlineStr"><is><r><rPr><b/></rPr><t>Tổng</t></r><r><t> cộng</t></r>'
                       '</is></c><c r="B1" t="inlineStr"><is><r><t xml:space="preserve"> </t></r></is></c></row>'),
    "lines and indents between the tags": '<row r="1">\n  <c r="A1" t="s">\n    <v>1</v>\n  </c>\n</row>',
    "a shared formula without its value": '<row r="1"><c r="D1"><f t="shared" si="0"/></c><c r="E1"><f>1</f></c></row>',
    "a shared formula with its value": ('<row r="1"><c r="D1"><f t="shared" ref="D1:D3" si="0">SUM(A1:C1)</f><v>6</v></c>'
                                        '<c r="E1"><f ref="a>b">1</f><v></v></c></row>'),
    "a comment hiding a far cell": '<row r="1"><c r="A1"><v>1</v></c><!-- <c r="XFD1048576"><v>1</v></c> --></row>',
    "CDATA text": '<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[ ]]></t></is></c></row>',
    "a cell written after the sheet data": '<row r="1"><c r="A1"><v>1</v></c></row></sheetData><sheetData><c r="Z99"><v>1</v></c>',
    "a text longer than a cell may hold": f'<row r="1"><c r="A1" t="inlineStr"><is><t>{"x" * 40_000}</t></is></c></row>',
    "an error value far away": '<row r="50"><c r="AX50" t="e"><v>#REF!</v></c></row>',
}


@pytest.mark.parametrize(("name", "part"), workbook_parts(), ids=lambda value: value if isinstance(value, str) else "")
@pytest.mark.parametrize(("max_rows", "max_cells"), LIMITS)
def test_a_workbook_sheet_scans_alike_both_ways(name, part, max_rows, max_cells):
    assert scanned(part, max_rows, max_cells, streamed=False) == scanned(part, max_rows, max_cells, streamed=True)


@pytest.mark.parametrize("way", list(WAYS_OF_WRITING))
@pytest.mark.parametrize(("max_rows", "max_cells"), LIMITS)
def test_a_sheet_written_in_other_ways_scans_alike_both_ways(way, max_rows, max_cells):
    for part in (worksheet(WAYS_OF_WRITING[way]), worksheet(USUAL_ROWS + WAYS_OF_WRITING[way].replace('r="1"', 'r="5"'))):
        assert scanned(part, max_rows, max_cells, streamed=False) == scanned(part, max_rows, max_cells, streamed=True)


@pytest.mark.parametrize(("max_rows", "max_cells"), LIMITS)
def test_usual_cells_hidden_lines_and_a_declaration_scan_alike_both_ways(max_rows, max_cells):
    columns = '<cols><col min="2" max="3" hidden="1" width="0"/></cols>'
    for part in (worksheet(USUAL_ROWS), worksheet(USUAL_ROWS, columns, '<?xml version="1.0" encoding="UTF-8"?>')):
        assert scanned(part, max_rows, max_cells, streamed=False) == scanned(part, max_rows, max_cells, streamed=True)


def test_what_openpyxl_writes_is_scanned_by_the_patterns_and_what_they_cannot_read_is_not():
    """Else the tests above would compare expat with itself."""
    def by_patterns(part: bytes) -> bool:
        text = sheet_xml.plain_text(part)
        scan = sheet_xml.SheetScan(10_000, 2_000_000)
        return text is not None and sheet_xml._scan_usual(text, sheet_xml._SheetScanner(sheet_xml._safe_parser(), scan, set()))

    written = sheet_parts(xlsx_bytes(SheetSpec("S", [["Đơn vị", "Điểm"], ["Sở Nội vụ", 7.5], [None, "=1+1"]])))
    assert written and all(map(by_patterns, written))
    assert by_patterns(worksheet(USUAL_ROWS))
    taken_by_expat = {way for way in WAYS_OF_WRITING if not by_patterns(worksheet(USUAL_ROWS + WAYS_OF_WRITING[way]))}
    assert taken_by_expat == set(WAYS_OF_WRITING) - {"a text longer than a cell may hold", "an error value far away",
                                                     "a shared formula without its value",
                                                     "a shared formula with its value",
                                                     "a cell written after the sheet data"}
