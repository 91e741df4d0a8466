"""Test workbooks built with openpyxl (sheets from rows, merged ranges, percent cells) or as CSV,
and PAR Index fixture data for any number of provinces."""
from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook

from thidua.provinces import registry


@dataclass(frozen=True)
class Percent:
    """A fraction in a percent-formatted cell: Percent(0.9104) shows as 91,04% in Excel."""
    value: float


@dataclass
class SheetSpec:
    name: str
    rows: list[list[object]]
    merged: list[str] = field(default_factory=list)  # Excel ranges such as "C8:D8"
    hidden_columns: list[str] = field(default_factory=list)
    hidden_rows: list[int] = field(default_factory=list)  # 1-based, as Excel numbers them
    state: str = "visible"                                # or "hidden", "veryHidden"
    far_cells: dict[str, object] = field(default_factory=dict)  # A1 name -> value or FORMATTED, beyond the rows


@dataclass(frozen=True)
class F:
    """A formula cell as Excel saves it: the formula and the value Excel computed (text, number or '#DIV/0!')."""
    formula: str
    cached: object


FORMATTED = object()  # a cell with formatting and no value (Excel keeps these, e.g. borders down to row 1,048,576)


def xlsx_bytes(*sheets: SheetSpec) -> bytes:
    """An .xlsx with the given sheets; row 1 of each sheet is rows[0]; None leaves a cell empty."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    cached: dict[int, dict[str, object]] = {}
    for number, spec in enumerate(sheets, start=1):
        ws = workbook.create_sheet(spec.name)
        for r, row in enumerate(spec.rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is None:
                    continue
                cell = ws.cell(r, c)
                if isinstance(value, Percent):
                    cell.value, cell.number_format = value.value, "0.00%"
                elif isinstance(value, F):
                    cell.value = "=" + value.formula
                    cached.setdefault(number, {})[cell.coordinate] = value.cached
                else:
                    cell.value = value
        for area in spec.merged:
            ws.merge_cells(area)
        for letter in spec.hidden_columns:
            ws.column_dimensions[letter].hidden = True
        for row_number in spec.hidden_rows:
            ws.row_dimensions[row_number].hidden = True
        for name, value in spec.far_cells.items():
            if value is FORMATTED:
                ws[name].number_format = "0.00"
            else:
                ws[name] = value
        ws.sheet_state = spec.state
    out = io.BytesIO()
    workbook.save(out)
    return _with_cached_values(out.getvalue(), cached)


def _with_cached_values(data: bytes, cached: dict[int, dict[str, object]]) -> bytes:
    """openpyxl cannot store a formula's computed value: write it into the sheet XML as Excel does."""
    if not cached:
        return data
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            part = source.read(item.filename)
            number = re.fullmatch(r"xl/worksheets/sheet(\d+)\.xml", item.filename)
            for ref, value in cached.get(int(number.group(1)) if number else 0, {}).items():
                kind = ' t="e"' if str(value).startswith("#") else ' t="str"' if isinstance(value, str) else ""
                part = re.sub(rf'<c r="{ref}"([^>]*)><f>(.*?)</f><v\s*/?>(</v>)?'.encode(),
                              rf'<c r="{ref}"\1{kind}><f>\2</f><v>{value}</v>'.encode(), part)
            target.writestr(item, part)
    return out.getvalue()


def write_workbook(path: Path, *sheets: SheetSpec) -> Path:
    path.write_bytes(xlsx_bytes(*sheets))
    return path


def write_csv(path: Path, rows: list[list[object]], delimiter: str = ",") -> Path:
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter=delimiter).writerows([["" if v is None else v for v in row] for row in rows])
    return path


def province_names(count: int | None = None, year: int = 2021) -> list[str]:
    """Official names of the provinces a national ranking of that year covers, the first count of them."""
    names = [p.name for p in registry().expected(year)]
    return names[:count] if count is not None else names


@dataclass(frozen=True)
class ParLine:
    name: str
    score: float  # percent, two decimals
    rank: int


def par_lines(names: list[str], top_score: float = 92.5, step: float = 0.37) -> list[ParLine]:
    """A ranking of the given provinces: strictly falling scores, ranks 1..n in the given order."""
    return [ParLine(name, round(top_score - i * step, 2), i + 1) for i, name in enumerate(names)]


def par_table(lines: list[ParLine], header: list[object] | None = None) -> list[list[object]]:
    """Rows TT | Tỉnh, thành phố | Chỉ số (%) | Xếp hạng, header first."""
    header = header or ["TT", "Tỉnh, thành phố", "Chỉ số (%)", "Xếp hạng"]
    return [header, *([i + 1, line.name, line.score, line.rank] for i, line in enumerate(lines))]


def title_block(title: str, decision: str = "(Kèm theo Quyết định số 345/QĐ-BNV ngày 15/5/2022 của Bộ trưởng Bộ Nội vụ)"
                ) -> list[list[object]]:
    """Seven rows as above a ministry's table: ministry and motto side by side, title, decision line."""
    return [
        ["BỘ NỘI VỤ", None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        [None, None, None, "Độc lập - Tự do - Hạnh phúc"],
        ["Số: 345/QĐ-BNV", None, None, "Hà Nội, ngày      tháng      năm 2022"],
        [],
        [title],
        [decision],
        [],
    ]
