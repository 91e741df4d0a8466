"""The provincial indices in a real browser: PCI chosen through the link on «So sánh tỉnh» shows PCI's
figures, and «Hồ sơ tỉnh» shows a province on every index at desktop size (a grid) and on a phone (a list),
with the year a table leaves it out said «không công bố». Screenshots land in test-artifacts/."""
from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import quote

import pytest

from test_browser import (ARTIFACTS, CHART, CHART_WAIT_MS, CHROMIUM, browser, chart_text,  # noqa: F401 - a fixture
                          streamlit_server, wait_until_idle)
from test_phone_browser import SCREENS
from thidua.db import Database
from thidua.formatting import vn_number
from thidua.indices import NOT_PUBLISHED

sync_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium at /usr/bin/chromium")

LEFT_OUT_OF_PAPI_2023 = "Hải Dương"


@pytest.fixture(scope="module")
def app_url(tmp_path_factory, demo_database_file):
    """A real server on a copy of the demo database (a fresh start's loading is test_browser's to test)."""
    folder = tmp_path_factory.mktemp("indices")
    shutil.copy(demo_database_file, folder / "thidua.duckdb")
    with streamlit_server(folder) as url:
        yield url


def opened(browser, screen: str, url: str):
    context = browser.new_context(locale="vi-VN", **SCREENS[screen])
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector(CHART, timeout=CHART_WAIT_MS)
    wait_until_idle(page)
    return context, page


def test_pci_chosen_in_the_link_shows_pci_figures(app_url, browser, demo_database_file):
    leader = Database(demo_database_file).query("index_ranking", index="pci", year=2023).iloc[0]
    context, page = opened(browser, "may-tinh", f"{app_url}/so-sanh-tinh?chi_so=pci&nam=2023")
    try:
        page.set_viewport_size({"width": 1440, "height": 2400})
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=ARTIFACTS / "so-sanh-tinh-pci.png")
        drawn = chart_text(page)
        assert "Chỉ số PCI (VCCI) năm 2023: xếp hạng 30 tỉnh, thành phố" in drawn
        assert f"1. {leader.province}" in drawn and vn_number(leader.score) in drawn
        assert page.get_by_role("radio", name="PCI").is_checked()
    finally:
        context.close()


@pytest.mark.parametrize("screen", SCREENS)
def test_the_profile_shows_every_index_with_the_missing_papi_year_as_a_gap(app_url, browser, screen):
    context, page = opened(browser, screen, f"{app_url}/ho-so-tinh?tinh={quote(LEFT_OUT_OF_PAPI_2023)}")
    try:
        last = "Chỉ số DTI" if screen == "dien-thoai" else "các chỉ số cấp tỉnh"
        page.locator('[data-testid="stElementContainer"]', has_text=last).last.scroll_into_view_if_needed()
        wait_until_idle(page)
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=ARTIFACTS / f"ho-so-tinh-cac-chi-so-{screen}.png")
        width = SCREENS[screen]["viewport"]["width"]
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        if screen == "dien-thoai":
            papi = page.locator('[data-testid="stMarkdownContainer"]', has_text="Chỉ số PAPI").last.text_content()
            assert f"2023: {NOT_PUBLISHED}" in papi and "2022: thứ " in papi and "theo điểm" in papi  # PAPI gives bands
            for name in ("Chỉ số CCHC", "Chỉ số SIPAS", "Chỉ số PCI", "Chỉ số DTI"):
                assert page.locator('[data-testid="stMarkdownContainer"]', has_text=name).count()
        else:
            grid = page.locator('[data-testid="stPlotlyChart"]', has_text="các chỉ số cấp tỉnh").text_content()
            assert "không" in grid and "công bố" in grid
            for name in ("PAR Index", "SIPAS", "PCI", "PAPI", "DTI"):
                assert name in grid
    finally:
        context.close()
