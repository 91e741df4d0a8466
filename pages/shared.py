"""What the pages share: the database, named results cached until the data changes, the demo note."""
from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
import streamlit as st

from thidua.config import default_db_path
from thidua.db import Database, database
from thidua.demo import DEMO_UPLOADER, build_demo_database
from thidua.formatting import years_phrase
from thidua.provinces import strip_diacritics

ALL_REGIONS = "Cả nước"


def current_database() -> Database:
    """The database named by THIDUA_DB (read on every run, so tests can point it elsewhere)."""
    return database(str(default_db_path()))


@st.cache_resource(show_spinner="Đang chuẩn bị dữ liệu minh họa…")
def _demo_checked(path: str) -> bool:
    db = database(path)
    if int(db.query("data_version").uploads.iloc[0]) == 0:
        build_demo_database(db)
    return True


def ensure_first_data() -> None:
    """On a fresh machine (nothing ever uploaded) load the illustrative data, once per process."""
    _demo_checked(str(current_database().path))


@st.cache_data(show_spinner=False, max_entries=512)
def _cached_result(path: str, version: str, name: str, params: tuple) -> pd.DataFrame:
    return database(path).query(name, **dict(params))


class Results:
    """Named results of the data as it is now: the data version is read once per page run and
    keys the cache, so a new upload shows at once while repeated views cost nothing."""

    def __init__(self, db: Database):
        self._path = str(db.path)
        version = db.query("data_version").iloc[0]
        self._version = f"{version.uploads}/{version.last_upload}/{version.last_change}"

    def __call__(self, name: str, **params) -> pd.DataFrame:
        return _cached_result(self._path, self._version, name, tuple(sorted(params.items())))


def results() -> Results:
    return Results(current_database())


def demo_years(uploads: pd.DataFrame) -> set[int]:
    """The years whose PAR figures in force come from the illustrative demo upload."""
    current: dict[int, pd.Series] = {}
    active = uploads[(uploads.kind == "par") & (uploads.status == "active")].sort_values("upload_id")
    for upload in active.itertuples():
        for year in str(upload.scope).split(","):
            current[int(year)] = upload
    return {year for year, upload in current.items() if upload.uploaded_by == DEMO_UPLOADER}


def show_demo_note(query: Results, years: Iterable[int]) -> None:
    illustrative = set(years) & demo_years(query("uploads"))
    if illustrative:
        st.info(f"**Dữ liệu minh họa** — số liệu năm {years_phrase(illustrative)} là số liệu minh họa, "
                "không phải số liệu chính thức. Hãy nhập bảng Chỉ số CCHC chính thức để thay thế.", icon="ℹ️")


def show_figure(figure) -> None:
    """A house-style figure as is: Streamlit's theme would replace its fonts and colours."""
    st.plotly_chart(figure, theme=None, config={"displaylogo": False})


def no_par_data() -> None:
    st.info("Chưa có số liệu Chỉ số CCHC. Hãy nhập bảng Chỉ số CCHC (PAR Index) để xem trang này.")


def vietnamese_order(names: Iterable[str]) -> list[str]:
    """Names in alphabetical order, ignoring diacritics (so Đà Nẵng sits among the D's, not after Z)."""
    return sorted(names, key=lambda name: (strip_diacritics(name).lower(), name))
