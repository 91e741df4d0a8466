"""Who and when a table is about, from what a workbook says of itself: the cluster, year and period
from the titles over a table, its columns, the sheet's name and the file's name; a detail sheet's unit
from its 'Đơn vị: ...' line, its title, its sheet or file name or the letterhead."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

from thidua.provinces import registry, strip_diacritics
from thidua.io.cells import is_blank, year_in
from thidua.readers.problems import cell_ref
from thidua.readers.units import clean_text, cluster_named_in, folded, split_province, with_organiser
from thidua.io.workbook import Sheet
from thidua.tables.schema import label_words

PERIODS = {"year": "tổng kết năm", "mid": "sơ kết 6 tháng"}


@lru_cache(maxsize=1 << 14, typed=True)  # a pure function of a cell, asked for again by every check
def cell_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", str(value))).strip() if not is_blank(value) else ""


@dataclass(frozen=True)
class TitleLine:
    """A line of the words above a table, and the cell it is written in."""
    text: str
    sheet: str
    cell: str


def title_lines(sheet: Sheet, above: int) -> list[TitleLine]:
    """The words above a table (or atop a sheet without one), a line for each line of a cell."""
    lines = []
    for row in range(min(above, sheet.height)):
        for column, value in enumerate(sheet.rows[row]):
            for line in str(value).splitlines() if isinstance(value, str) else [cell_text(value)]:
                if clean_text(line):
                    lines.append(TitleLine(clean_text(line), sheet.name, cell_ref(row, column)))
    return lines
# 'Đơn vị được chấm:', 'Đơn vị tự chấm điểm:'; a bare 'Đơn vị chấm:' names the scorer of a cross-scoring form, not the unit
_UNIT_LABEL = re.compile(
    r"^(ten )?(don vi|co quan)( (duoc |tu )(cham( diem)?|danh gia)| danh gia| du thi dua)?\s*:\s*")
_OF_UNIT = re.compile(r"\bcua\s+")
_SCORING_TITLE = re.compile(r"cham diem|tu cham|ket qua|bang diem|phieu|bang cham")
_ANNEX_LINE = re.compile(r"^\(?\s*(kem theo|can cu)")
DECISION_LINE = re.compile(r"kem theo|quyet dinh|cong van|\bngay\b|\bthang\b")  # a title line citing a document
_MOTTO = re.compile(r"cong hoa xa hoi chu nghia viet nam|doc lap\W+tu do\W+hanh phuc")
_CLUSTER_NAMED = re.compile(r"\b(cum|khoi) thi dua\b")
_SHEET_WORDS = set("sheet trang tinh bieu mau phu luc pl chi tiet bang tong hop th detail data du lieu tu cham diem "
                   "ket qua nam thang thi dua so dot ky lan".split())


def is_generic_sheet(name: str) -> bool:
    """'Sheet1', 'Chi tiết năm 2022', 'Biểu 2': sheet names that name no unit."""
    words = re.sub(r"[()%]|(\d+)", r" \1 ", label_words(name)).split()
    return all(word.isdigit() or word in _SHEET_WORDS for word in words)


def unit_from_lines(lines: list[TitleLine]) -> str | None:
    """'Đơn vị: Sở Nội vụ tỉnh Bắc Giang', '... NĂM 2022 CỦA SỞ NỘI VỤ TỈNH BẮC GIANG', or a
    line that is a department and a province."""
    for line in lines:
        plain = folded(line.text)
        label = _UNIT_LABEL.match(plain)
        if label and clean_text(line.text[label.end():]):
            return clean_text(line.text[label.end():])
    for line in lines:
        plain = folded(line.text)
        if _ANNEX_LINE.match(plain) or _CLUSTER_NAMED.search(plain):
            continue
        of = list(_OF_UNIT.finditer(plain))
        if of and _SCORING_TITLE.search(plain):
            name = clean_text(re.split(r"\s+(?:năm|NĂM|Năm)\s+20\d\d|\s*\(", line.text[of[-1].end():])[0])
            if folded(name) not in ("", "don vi", "co quan"):
                return name
        prefix, province = split_province(line.text)
        if province is not None and re.match(r"^(so|snv)\b", folded(prefix)) and len(line.text) <= 80:
            return line.text
    return None


def unit_from_file_name(file_name: str) -> str | None:
    """The province a per-unit file is named after: 'SNV_Bac_Giang_2022.xlsx' -> 'Bắc Giang'."""
    words = folded(Path(file_name).stem.replace("_", " "))
    keys = sorted(((strip_diacritics(p.name).lower(), p.name) for p in registry().provinces),
                  key=lambda pair: len(pair[0]), reverse=True)
    return next((name for key, name in keys if re.search(rf"(?<![a-z]){re.escape(key)}(?![a-z])", words)), None)


def letterhead(lines: list[TitleLine]) -> list[TitleLine]:
    """The issuing agency's block: the lines left of the national motto, down to its last line
    ('Độc lập - Tự do - Hạnh phúc'). The cluster leader compiling the sheets writes its own name there."""
    motto = [_row_column(line.cell) for line in lines if _MOTTO.search(folded(line.text))]
    if not motto:
        return []
    last_row, first_column = max(row for row, _ in motto), min(column for _, column in motto)
    return [line for line in lines if _row_column(line.cell)[0] <= last_row and _row_column(line.cell)[1] < first_column]


def other_province(name: str, other: str) -> bool:
    ours, theirs = split_province(name)[1], split_province(other)[1]
    return ours is not None and theirs is not None and ours.name != theirs.name


def lines_over(lines: list[TitleLine], first: int, last: int) -> list[TitleLine]:
    """Of the lines above tables standing side by side, those over columns first..last (0-based), then those
    of the rows holding nothing over them (the sheet's title, written at its left)."""
    over = [line for line in lines if first < _row_column(line.cell)[1] <= last + 1]
    taken = {_row_column(line.cell)[0] for line in over}
    return over + [line for line in lines if line not in over and _row_column(line.cell)[0] not in taken]


def _row_column(cell: str) -> tuple[int, int]:
    letters, row = coordinate_from_string(cell)
    return row, column_index_from_string(letters)
_MID_YEAR = re.compile(r"\b(6|sau) thang\b|\bso ket\b|\bgiua nam\b")
_YEAR_END = re.compile(r"\btong ket\b|\bca nam\b")
_YEAR_TITLE = re.compile(r"\bnam\b")
_TABLE_TITLE = re.compile(r"^(bang|ket qua|tong hop|phieu)\b.*\b(diem|cham|thi dua)\b")  # the table's own title first


def stated_cluster(lines: list[TitleLine], file_name: str, in_columns: tuple[str, ...] = ()) -> str | None:
    """From a title line, else a cluster column naming one cluster, else the file name."""
    for line in lines:
        name = cluster_named_in(line.text)
        if name:
            return with_organiser(name, [line.text for line in lines])
    named = [name for text in in_columns if (name := cluster_named_in(text))]
    return named[0] if len(named) == 1 else cluster_named_in(Path(file_name).stem)


def stated_year(lines: list[TitleLine], in_columns: list[str], file_name: str, sheet_names: list[str]
                 ) -> int | None:
    """A year the title names ('... NĂM 2022'), else any year in the titles, a year column naming
    one year, the file name or a sheet name."""
    titled = [year_in(line.text) for line in sorted(lines, key=lambda line: not _TABLE_TITLE.search(folded(line.text)))
              if _YEAR_TITLE.search(folded(line.text)) and not _ANNEX_LINE.match(folded(line.text))]
    columns = {year_in(text) for text in in_columns} - {None}
    others = [year_in(line.text) for line in lines] + (list(columns) if len(columns) == 1 else []) \
        + [year_in(Path(file_name).stem)] + [year_in(s) for s in sheet_names]
    return next((y for y in titled + others if y is not None), None)


def stated_period(lines: list[TitleLine], file_name: str, sheet_names: list[str]) -> str | None:
    """The period the titles name, else the sheet names, else the file name: the first of these naming a
    mid-year review says mid, one naming only a year-end review says year."""
    for texts in ([line.text for line in lines], sheet_names, [Path(file_name).stem.replace("_", " ")]):
        named = {period_named(text) for text in texts}
        if "mid" in named or "year" in named:
            return "mid" if "mid" in named else "year"
    return None


def period_named(text: str) -> str | None:
    """'mid' for words of a mid-year review ('Sơ kết 6 tháng'), 'year' for a year-end one ('Tổng kết năm',
    'Cả năm'), else None."""
    words = folded(text)
    return "mid" if _MID_YEAR.search(words) else "year" if _YEAR_END.search(words) else None


class Stated(NamedTuple):
    """What a workbook (or one of its tables) says of itself, where identity is looked for."""
    lines: list[TitleLine]          # over the tables first, then atop the other sheets
    table_lines: list[TitleLine]    # over the tables only
    cluster_cells: list[str]         # in a 'Cụm thi đua' column
    year_cells: list[str]            # in a 'Năm' column
    sheet_names: list[str]


def stated_key(stated: Stated, file_name: str) -> tuple[int | None, str]:
    """The year and period a table states of itself (year-end unless it says otherwise)."""
    return (stated_year(stated.lines, stated.year_cells, file_name, stated.sheet_names),
            stated_period(stated.table_lines, file_name, stated.sheet_names) or "year")
