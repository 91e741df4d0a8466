"""Text that came from a file (names of clusters, units and provinces, file names) stays text.

On the way in, control and direction-changing characters are removed and names get a maximum length
(cleaned_reading). On the way out, text shown where Markdown or HTML is interpreted is escaped:
Streamlit's headers, metrics, captions, messages and link labels (markdown_literal), the
pseudo-HTML of plotly's titles, labels and hover boxes (figure_text_literal), and CSV cells that a
spreadsheet would run as formulas (csv_text).
"""
from __future__ import annotations

import dataclasses
import re
import string

from typing import TYPE_CHECKING, Iterator

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from thidua.readers.problems import Problem

if TYPE_CHECKING:
    import plotly.graph_objects as go

# C0 and C1 controls except tab and newline; the marks and embeddings that reorder text on screen.
CONTROL_RANGES = ((0x00, 0x08), (0x0B, 0x1F), (0x7F, 0x9F), (0x200E, 0x200F), (0x202A, 0x202E), (0x2066, 0x2069))
CONTROL_CHARACTERS = re.compile("[" + "".join(f"\\u{first:04x}-\\u{last:04x}" for first, last in CONTROL_RANGES) + "]")
_CONTROL_CHARACTERS_IN_ARROW = "[" + "".join(f"\\x{{{first:x}}}-\\x{{{last:x}}}" for first, last in CONTROL_RANGES) + "]"
NAME_LIMIT = 300
NAME_COLUMNS = ("unit", "province", "name", "cluster")
WORD_JOINER = "\u2060"
_MARKDOWN_SPECIAL = re.compile("([" + re.escape(string.punctuation) + "])")
# Written text Markdown would turn into a link by itself: http://..., www...., someone@host.
_AUTOLINK_STARTS = re.compile(r"(?<=[:@])|(?<=www)(?=\.)", re.IGNORECASE)
# The tags the house's own chart text uses; any other '<' in a figure's text came from data.
_HOUSE_TAG = re.compile(r"<(?!/?(?:b|i|br|sub|sup|extra|span(?: style=\"[^\"<>]*\")?)>)", re.IGNORECASE)


def without_controls(text: str) -> str:
    return CONTROL_CHARACTERS.sub("", text)


def markdown_literal(value: object) -> str:
    """value shown exactly as written wherever Streamlit reads Markdown: every ASCII punctuation mark
    escaped (no link, image, emphasis, HTML, directive or formula), and a word joiner, which shows as
    nothing, keeping 'http:', 'www.' and '@' from becoming links by themselves."""
    text = _AUTOLINK_STARTS.sub(WORD_JOINER, without_controls(str(value)))
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def figure_text_literal(figure: go.Figure) -> go.Figure:
    """The figure with every '<' in its text that does not open one of the house's own tags written
    as text (&lt;): a name holding <a href=...> shows as written, not as a link. Changes the figure."""
    def literal(value):
        if isinstance(value, str):
            return _HOUSE_TAG.sub("&lt;", value)
        if isinstance(value, (list, tuple)):
            return [literal(item) for item in value]
        if hasattr(value, "dtype") and value.dtype == object:
            return [literal(item) for item in value.tolist()]
        return value

    for trace in figure.data:
        for attribute in ("x", "y", "text", "hovertext", "customdata", "labels", "hovertemplate", "texttemplate",
                          "name"):
            if attribute in trace and trace[attribute] is not None:
                trace[attribute] = literal(trace[attribute])
    layout = figure.layout
    if layout.title.text:
        layout.title.text = literal(layout.title.text)
    for annotation in layout.annotations:
        annotation.text = literal(annotation.text)
    for axis in (layout[name] for name in layout if name.startswith(("xaxis", "yaxis"))):
        if axis.ticktext is not None:
            axis.ticktext = literal(axis.ticktext)
        if axis.title.text:
            axis.title.text = literal(axis.title.text)
    return figure


# Text a spreadsheet would read as a formula (OWASP's CSV-injection list), once the spaces before it are trimmed.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
LEADING_SPACES = " \u00a0"


def looks_like_formula(value: object) -> bool:
    """Text only: the number -5 is a number, the text '-x' (or '  =x') is suspect."""
    return isinstance(value, str) and value.lstrip(LEADING_SPACES).startswith(FORMULA_STARTS)


def defused_cell(value: object) -> object:
    """A cell for a CSV file: text a spreadsheet would run as a formula gets a leading apostrophe."""
    if not isinstance(value, str):
        return value
    return without_controls("'" + value if looks_like_formula(value) else value)


def csv_text(frame: pd.DataFrame) -> str:
    """The frame as CSV, dot decimals, no index column: numbers stay numbers; text a spreadsheet would
    run as a formula gets a leading apostrophe; control characters are left out."""
    shown = frame.map(defused_cell)
    shown.columns = [defused_cell(str(label)) for label in shown.columns]
    return shown.to_csv(index=False)


# ---------------------------------------------------------------- on the way in

def cleaned_reading(reading) -> None:
    """Removes control characters from every text a reading would write and cuts names longer than
    NAME_LIMIT, each cut said in a warning. Changes the reading (an ingest.Reading)."""
    warnings = []
    if _may_need_cleaning(reading.result):
        _clean_result(reading.result, reading.file_name, warnings)
    reading.file_name = without_controls(reading.file_name)
    reading.scope = without_controls(reading.scope)
    if len(reading.scope) > NAME_LIMIT + 40:
        reading.scope = reading.scope[:NAME_LIMIT] + "…"
    reading.warnings = reading.warnings + warnings


def _may_need_cleaning(result) -> bool:
    """Whether some text of a result (its parts' included) holds a control character, or some name passes
    NAME_LIMIT: Arrow answers for every text of every frame at once (asked column by column in Python, it
    cost ~2.5 ms a frame)."""
    texts, names = [pa.array([], pa.large_string())], [pa.array([], pa.large_string())]
    for name, value in _fields(result):
        for column, written in _text_arrays(name, value):
            texts.append(written)
            if column in NAME_COLUMNS:
                names.append(written)
    texts, names = pa.concat_arrays(texts), pa.concat_arrays(names)
    return (pc.any(pc.match_substring_regex(texts, _CONTROL_CHARACTERS_IN_ARROW)).as_py() is True
            or (pc.max(pc.utf8_length(names)).as_py() or 0) > NAME_LIMIT)


def _text_arrays(name: str, value: str | pd.DataFrame) -> Iterator[tuple[str, pa.Array]]:
    """A text field, or each text column of a frame, by name, as Arrow text."""
    if isinstance(value, str):
        yield name, pa.array([value], pa.large_string())
        return
    for column, values in value.items():  # by position: a frame's dtypes, or a column by name, cost more
        dtype = values.dtype
        if isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow":
            yield column, pa.array(values.array).cast(pa.large_string())
        elif dtype.kind in "OU" or isinstance(dtype, pd.StringDtype):
            yield column, pa.array([v for v in values.tolist() if isinstance(v, str)], pa.large_string())


def _fields(result) -> Iterator[tuple[str, object]]:
    """The text fields and frames of a result and of its parts, by name."""
    for field in dataclasses.fields(result):
        value = getattr(result, field.name)
        if isinstance(value, (str, pd.DataFrame)):
            yield field.name, value
        elif isinstance(value, list) and value and isinstance(value[0], type(result)):
            for part in value:
                yield from _fields(part)


def _clean_result(result, file_name: str, warnings: list[Problem]) -> None:
    """Cleans a reader's result in place, and the results of a workbook's other parts with it."""
    for field in dataclasses.fields(result):
        value = getattr(result, field.name)
        if isinstance(value, pd.DataFrame):
            setattr(result, field.name, _cleaned_frame(value, file_name, warnings))
        elif isinstance(value, str):
            cleaned = without_controls(value)
            if field.name in NAME_COLUMNS:
                cleaned = _limited(cleaned, file_name, warnings)
            setattr(result, field.name, cleaned)
        elif isinstance(value, list) and value and isinstance(value[0], type(result)):
            for part in value:
                _clean_result(part, file_name, warnings)


def _cleaned_frame(frame: pd.DataFrame, file_name: str, warnings: list[Problem]) -> pd.DataFrame:
    """The frame itself when none of its text needs cleaning (the usual case, and checked in plain Python:
    pandas' map cost ~3 ms a column), else a copy with its text cleaned."""
    located = {"sheet", "name_cell"} <= set(frame.columns)
    cleaned = frame
    for column, dtype in frame.dtypes.items():
        if dtype.kind not in "OU" and not isinstance(dtype, pd.StringDtype):
            continue
        limit = NAME_LIMIT if column in NAME_COLUMNS else None
        values = frame[column].tolist()
        if not any(isinstance(v, str) and (CONTROL_CHARACTERS.search(v) or (limit and len(v) > limit)) for v in values):
            continue
        sheets = frame["sheet"].tolist() if located and column == "unit" else [None] * len(values)
        cells = frame["name_cell"].tolist() if located and column == "unit" else [None] * len(values)
        values = [v if not isinstance(v, str) else _limited(without_controls(v), file_name, warnings, sheet, cell)
                  if limit else without_controls(v) for v, sheet, cell in zip(values, sheets, cells)]
        cleaned = cleaned.copy() if cleaned is frame else cleaned
        cleaned[column] = pd.Series(values, index=frame.index, dtype=dtype)
    return cleaned


def _limited(name: str, file_name: str, warnings: list[Problem], sheet: str | None = None,
             cell: str | None = None) -> str:
    if len(name) <= NAME_LIMIT:
        return name
    warning = Problem(f"tên dài {len(name):,} ký tự («{name[:40]}…»): chỉ giữ {NAME_LIMIT} ký tự đầu."
                      .replace(",", "."), file_name, sheet, cell, severity="warning")
    if all(earlier.message != warning.message for earlier in warnings):  # one warning per name, however often written
        warnings.append(warning)
    return name[:NAME_LIMIT]
