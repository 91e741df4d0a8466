"""Where a figure came from, in words: the file, sheet and cell it was read from (the named results'
source_file, source_sheet, source_cell) and when and by whom it was uploaded (uploaded_at, uploaded_by)."""
from __future__ import annotations

import pandas as pd

EDITOR_FILE_NAME = "Chỉnh sửa trong ứng dụng"  # the file name of an upload typed in through the roster editor
SOURCE_COLUMNS = ("source_file", "source_sheet", "source_cell", "uploaded_at", "uploaded_by")


def source_line(file: object, sheet: object, cell: object, uploaded_at: object, uploaded_by: object) -> str:
    """"Nguồn: tệp …, trang …, ô …, nhập ngày … bởi …"; what is not known is left out, and a figure typed
    in through the app says so. Empty when the file is not known."""
    if _missing(file):
        return ""
    typed_in = file == EDITOR_FILE_NAME
    parts = ["Nguồn: nhập trên ứng dụng" + (f" (bảng «{sheet}»)" if not _missing(sheet) else "") if typed_in
             else f"Nguồn: tệp «{file}»"]
    if not typed_in and not _missing(sheet):
        parts.append(f"trang «{sheet}»")
    if not _missing(cell):
        parts.append(f"ô {cell}")
    when = "" if _missing(uploaded_at) else f"ngày {pd.Timestamp(uploaded_at):%d/%m/%Y}"
    who = "" if _missing(uploaded_by) or not str(uploaded_by).strip() else f"bởi {uploaded_by}"
    if when or who:
        parts.append(" ".join(filter(None, ["nhập" if not typed_in else "", when, who])))
    return ", ".join(parts)


def source_lines(frame: pd.DataFrame) -> pd.Series:
    """source_line of each row of a named result; empty strings for a frame without source columns."""
    if "source_file" not in frame:
        return pd.Series("", index=frame.index, dtype=object)
    columns = [frame[column] if column in frame else pd.Series(None, index=frame.index, dtype=object)
               for column in SOURCE_COLUMNS]
    return pd.Series([source_line(*values) for values in zip(*columns)], index=frame.index, dtype=object)


def _missing(value: object) -> bool:
    return value is None or (not isinstance(value, str) and bool(pd.isna(value))) or value == ""
