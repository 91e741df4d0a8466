"""The dashboard in a real browser: `streamlit run app.py` on a fresh, empty database, driven by
Debian's chromium through Playwright. Screenshots land in test-artifacts/ for a person to look at."""
from __future__ import annotations

import re
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import openpyxl
import pytest

from bench.server import streamlit_server as live_server

sync_api = pytest.importorskip("playwright.sync_api")

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]
CHART = '[data-testid="stPlotlyChart"] .main-svg'
CHART_WAIT_MS = 90_000

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium at /usr/bin/chromium")


@contextmanager
def streamlit_server(folder: Path, *options: str):
    """`streamlit run app.py` on a free loopback port with THIDUA_DB in folder; yields the URL once healthy."""
    with live_server(ROOT / "app.py", folder / "thidua.duckdb", folder / "streamlit.log", *options) as server:
        yield server.url


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    """A real server with an empty database, and how long it took to answer."""
    started = time.monotonic()
    with streamlit_server(tmp_path_factory.mktemp("browser")) as url:
        yield url, time.monotonic() - started


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="vi-VN")
    try:
        yield context.new_page()
    finally:
        context.close()


def chart_text(page, index: int = 0) -> str:
    return page.locator('[data-testid="stPlotlyChart"]').nth(index).text_content()


def wait_until_idle(page) -> None:
    """The script has finished and nothing on the page is greyed out as stale."""
    page.wait_for_function("""() => {
        const app = document.querySelector('[data-testid="stApp"]');
        return app && app.dataset.testScriptState === 'notRunning'
            && !document.querySelector('[data-stale="true"]');
    }""", timeout=CHART_WAIT_MS)


def screenshot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{name}.png")


def show_whole_page(page) -> None:
    """Streamlit scrolls inside its own container, so a full-page screenshot needs a tall window."""
    page.set_viewport_size({"width": 1440, "height": 3000})


def test_a_fresh_start_shows_the_demo_overview(app_url, page):
    url, server_ready = app_url
    opened = time.monotonic()
    page.goto(url)
    page.wait_for_selector(CHART, timeout=CHART_WAIT_MS)
    chart_drawn = time.monotonic() - opened
    wait_until_idle(page)
    screenshot(page, "tong-quan")
    (ARTIFACTS / "first-screen-seconds.txt").write_text(
        f"server ready {server_ready:.1f} s; first chart drawn {chart_drawn:.1f} s after opening the page\n")
    assert "Chỉ số CCHC (PAR Index) năm 2024: xếp hạng 63 tỉnh, thành phố" in chart_text(page)
    assert "Loại A (≥ 90%)" in chart_text(page)
    assert "Dữ liệu minh họa" in page.locator('[data-testid="stAlert"]').first.text_content()
    assert "Trung bình cả nước" in page.locator('[data-testid="stMetric"]').first.text_content()


def test_a_shared_link_reopens_the_compare_view(app_url, page):
    url, _ = app_url
    show_whole_page(page)
    page.goto(f"{url}/so-sanh-tinh?nam=2022&tinh={quote('Lạng Sơn')}")
    page.wait_for_selector(CHART, timeout=CHART_WAIT_MS)
    wait_until_idle(page)
    screenshot(page, "so-sanh-tinh")
    bars = chart_text(page)
    assert "Chỉ số CCHC (PAR Index) năm 2022" in bars and "Lạng Sơn" in bars and "Cùng vùng" in bars
    assert "Điểm thành phần Chỉ số CCHC năm 2022" in chart_text(page, 1)


def test_choosing_a_year_writes_it_into_the_url(app_url, page):
    url, _ = app_url
    page.goto(f"{url}/so-sanh-tinh")
    page.wait_for_selector(CHART, timeout=CHART_WAIT_MS)
    page.locator('[data-testid="stSelectbox"]').first.click()
    page.get_by_role("option", name="2019", exact=True).click()
    page.wait_for_url("**nam=2019**", timeout=20_000)
    reopened = page.url
    page.goto(reopened)
    page.wait_for_selector(CHART, timeout=CHART_WAIT_MS)
    page.wait_for_function("() => document.querySelector('[data-testid=\"stPlotlyChart\"]')"
                           ".textContent.includes('năm 2019')", timeout=20_000)
    assert "Chỉ số CCHC (PAR Index) năm 2019" in chart_text(page)


def test_rank_changes_show_the_rise_in_the_users_words(app_url, page):
    url, _ = app_url
    show_whole_page(page)
    page.goto(f"{url}/bien-dong-xep-hang?tu_nam=2020&den_nam=2021")
    page.wait_for_selector(CHART, timeout=CHART_WAIT_MS)
    wait_until_idle(page)
    screenshot(page, "bien-dong-xep-hang")
    slope = chart_text(page)
    assert "Biến động xếp hạng Chỉ số CCHC: năm 2020 → năm 2021" in slope
    assert "Lạng Sơn (tăng 13 bậc)" in slope


def test_hovering_a_province_on_the_comparison_names_the_file_sheet_and_cell_of_its_score(app_url, page):
    url, _ = app_url
    page.goto(f"{url}/so-sanh-tinh?nam=2022")
    page.wait_for_selector(CHART, timeout=CHART_WAIT_MS)
    wait_until_idle(page)
    page.keyboard.press("Escape")  # a dialog over the page (Streamlit's "Page not found" on a direct link) takes the mouse
    point = page.locator('[data-testid="stPlotlyChart"]').first.locator(".scatterlayer .point").first
    point.scroll_into_view_if_needed()
    box = point.bounding_box()  # plotly hovers from the plot's drag layer under the mouse, not from the point
    page.mouse.move(box["x"] + box["width"] / 2 + 1, box["y"] + box["height"] / 2 + 1, steps=5)
    screenshot(page, "so-sanh-tinh-nguon")
    label = page.wait_for_selector(".hoverlayer .hovertext", state="attached", timeout=20_000).text_content()

    found = re.search(r"Chỉ số: ([\d,]+)%Nguồn: tệp «(.+?)», trang «(.+?)», ô ([A-Z]+\d+), nhập ngày \d\d/\d\d/\d{4}",
                      label)
    assert found, label
    score, file_name, sheet, cell = found.groups()
    workbook = openpyxl.load_workbook(ROOT / "data" / "demo" / "par" / file_name, data_only=True)
    assert workbook[sheet][cell].value == pytest.approx(float(score.replace(",", ".")), abs=0.005)
