"""Workbook bytes that depend only on the content, so regenerating a demo file leaves git quiet.

openpyxl stamps the save time into docProps/core.xml and into every zip entry; both are fixed here.
"""
from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.xml.constants import ARC_CORE
from openpyxl.xml.functions import tostring

STAMP = datetime(2025, 1, 1)


def save_reproducibly(workbook: Workbook) -> bytes:
    saved = io.BytesIO()
    workbook.save(saved)
    workbook.properties.created = workbook.properties.modified = STAMP
    workbook.properties.creator = "thidua (số liệu minh họa)"
    fixed = io.BytesIO()
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(fixed, "w") as target:
        for entry in source.infolist():
            data = tostring(workbook.properties.to_tree()) if entry.filename == ARC_CORE else source.read(entry)
            target.writestr(zipfile.ZipInfo(entry.filename, date_time=STAMP.timetuple()[:6]), data,
                            compress_type=zipfile.ZIP_DEFLATED)
    return fixed.getvalue()


def save_workbooks(directory: Path, workbooks: dict[str, Workbook]) -> list[Path]:
    """Saves each workbook under its file name in directory (made if missing); returns the paths."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for file_name, workbook in workbooks.items():
        path = directory / file_name
        path.write_bytes(save_reproducibly(workbook))
        paths.append(path)
    return paths
