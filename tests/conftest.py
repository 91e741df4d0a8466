"""Shared fixtures: a PAR Index database whose numbers the page and chart tests know by heart."""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from pages.access import IDENTITY_KEY
from thidua.db import Database
from thidua.demo import build_demo_database
from thidua.ingest import par_reading, write_upload
from thidua.provinces import MERGER_YEAR, registry
from thidua.readers.par import ParResult

OLD_NAMES = [p.name for p in registry().provinces]       # the 2020 ranking: registry order
RISER, RISER_FROM, RISER_TO = OLD_NAMES[40], 41, 28        # "tăng 13 bậc" from 2020 to 2021
FALLER, FALLER_FROM, FALLER_TO = OLD_NAMES[2], 3, 10       # "giảm 7 bậc"
TOP_2021_SCORE = 91.04
COMPONENTS = ("Cải cách thủ tục hành chính", "Cải cách tài chính công", "Xây dựng chính quyền số")


APP = Path(__file__).resolve().parent.parent / "app.py"
OVERVIEW = "pages/overview.py"  # the page app.py opens first


def open_page(page: str, *, identity=None, secrets: dict | None = None, **url) -> AppTest:
    """The page as a browser opening it with these query parameters would see it, signed in as identity,
    with these [thidua] secrets."""
    app = AppTest.from_file(APP, default_timeout=120)
    if secrets is not None:
        app.secrets["thidua"] = secrets
    if identity is not None:
        app.session_state[IDENTITY_KEY] = identity
    app.query_params.update(url)
    app.run()
    if page != OVERVIEW:  # AppTest starts on the first page, whose filters take their own values from the link
        app.switch_page(page)
        app.query_params.update(url)
        app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def moved(order: list[str], name: str, to_rank: int) -> list[str]:
    rest = [n for n in order if n != name]
    return rest[:to_rank - 1] + [name] + rest[to_rank - 1:]


def ranking_2021() -> list[str]:
    # The two moves touch disjoint stretches of the table, so each keeps its exact size.
    return moved(moved(OLD_NAMES, RISER, RISER_TO), FALLER, FALLER_TO)


def par_result(year: int, order: list[str], top_score: float, *, with_components: bool = False,
               file_name: str | None = None) -> ParResult:
    """Scores falling by 0,25 per place from top_score, ranks 1..n, in the given order."""
    provinces = [registry().resolve(name) for name in order]
    scores = pd.DataFrame({
        "year": year,
        "province_code": [p.code for p in provinces],
        "province": [p.name for p in provinces],
        "score": [round(top_score - 0.25 * i, 2) for i in range(len(order))],
        "rank": range(1, len(order) + 1),
        "rank_computed": False,
        "sipas": None,
        "source_sheet": None,
        "score_cell": None,
        "rank_cell": None,
        "sipas_sheet": None,
        "sipas_cell": None,
    })
    components = pd.DataFrame(
        [{"year": year, "province_code": p.code, "component": c, "score": round(5 + (i % 7) * 0.5 + k, 2)}
         for i, p in enumerate(provinces) for k, c in enumerate(COMPONENTS)] if with_components else [],
        columns=["year", "province_code", "component", "score"])
    return ParResult(file_name or f"PAR {year}.xlsx", scores, components, [])


def write_year(db: Database, result: ParResult, uploaded_by: str = "") -> None:
    write_upload(db, par_reading(result, f"fixture-{result.file_name}"), uploaded_by)


@pytest.fixture
def par_db(tmp_path, monkeypatch) -> Database:
    """2020 and 2021 for the 63 provinces (2021 with component scores), and 2025 for the 34;
    THIDUA_DB points at it."""
    path = tmp_path / "thidua.duckdb"
    monkeypatch.setenv("THIDUA_DB", str(path))
    db = Database(path)
    write_year(db, par_result(2020, OLD_NAMES, 90.50))
    write_year(db, par_result(2021, ranking_2021(), TOP_2021_SCORE, with_components=True))
    write_year(db, par_result(MERGER_YEAR, [p.name for p in registry().expected(MERGER_YEAR)], 92.00))
    return db


@pytest.fixture
def empty_db(tmp_path, monkeypatch) -> Database:
    path = tmp_path / "empty.duckdb"
    monkeypatch.setenv("THIDUA_DB", str(path))
    return Database(path)


@pytest.fixture(scope="session")
def demo_database_file(tmp_path_factory) -> Path:
    """The demo database (PAR Index 2017–2024, rosters and scoring of five clusters), built once a run."""
    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    build_demo_database(Database(path))
    return path


@pytest.fixture
def demo_db(demo_database_file, tmp_path, monkeypatch) -> Database:
    """A copy of the demo database as THIDUA_DB, free to change."""
    path = tmp_path / "demo.duckdb"
    shutil.copy(demo_database_file, path)
    monkeypatch.setenv("THIDUA_DB", str(path))
    return Database(path)
