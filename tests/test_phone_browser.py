"""Every page in a real browser on a phone (390×844, a phone's browser) and on a desktop (1440×900):
nothing scrolls sideways and no chart title is cut. Screenshots of every page at both sizes land in
tests/screenshots/ for a person to look at."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest

from test_browser import CHART, CHART_WAIT_MS, CHROMIUM, browser, streamlit_server, wait_until_idle  # noqa: F401 - browser is a fixture

sync_api = pytest.importorskip("playwright.sync_api")

SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
PHONE_AGENT = ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
               "Chrome/130.0 Mobile Safari/537.36")
SCREENS = {"dien-thoai": dict(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                              user_agent=PHONE_AGENT, device_scale_factor=2),
           "may-tinh": dict(viewport={"width": 1440, "height": 900})}
PAGES = {"tong-quan": "", "so-sanh-tinh": "so-sanh-tinh?tinh=" + quote("Lạng Sơn"),
         "bien-dong-xep-hang": "bien-dong-xep-hang", "ket-qua-cham-diem": "ket-qua-cham-diem",
         "cum-thi-dua": "cum-thi-dua", "ho-so-tinh": "ho-so-tinh?tinh=" + quote("Lạng Sơn"),
         "nhap-du-lieu": "nhap-du-lieu", "xuat-bao-cao": "xuat-bao-cao"}
WITHOUT_CHARTS = {"nhap-du-lieu", "xuat-bao-cao"}

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium at /usr/bin/chromium")

# Each chart's title, as the browser laid it out, against the chart's own box.
CLIPPED_TITLES = """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].flatMap(chart => {
    const box = chart.getBoundingClientRect();
    return [...chart.querySelectorAll('.gtitle, .gtitle-subtitle')].filter(title => {
        const text = title.getBoundingClientRect();
        return text.width > 0 && (text.left < box.left - 1 || text.right > box.right + 1);
    }).map(title => title.textContent);
})"""


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    with streamlit_server(tmp_path_factory.mktemp("phone")) as url:
        yield url


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("name", PAGES)
def test_no_page_scrolls_sideways_and_no_chart_title_is_cut(app_url, browser, screen, name):
    context = browser.new_context(locale="vi-VN", **SCREENS[screen])
    try:
        page = context.new_page()
        page.goto(f"{app_url}/{PAGES[name]}")
        if name not in WITHOUT_CHARTS:
            page.wait_for_selector(CHART, timeout=CHART_WAIT_MS)
        wait_until_idle(page)
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=SCREENSHOTS / f"{name}-{screen}.png")
        width = SCREENS[screen]["viewport"]["width"]
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert page.evaluate("""() => Math.max(...[...document.querySelectorAll(
            '[data-testid="stMain"] [data-testid="stElementContainer"]')].map(e => e.getBoundingClientRect().right))
            """) <= width
        assert page.evaluate(CLIPPED_TITLES) == []
        # Streamlit scrolls inside its own container: the whole page needs a window as tall as it.
        tall = page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
        page.set_viewport_size({"width": width, "height": min(tall, 12_000)})
        wait_until_idle(page)
        page.screenshot(path=SCREENSHOTS / f"{name}-{screen}-ca-trang.png")
    finally:
        context.close()


SIDEBAR_RIGHT = "document.querySelector('[data-testid=\"stSidebar\"]').getBoundingClientRect().right"


def test_on_a_phone_the_sidebar_closes_after_choosing_a_page(app_url, browser):
    context = browser.new_context(locale="vi-VN", **SCREENS["dien-thoai"])
    try:
        page = context.new_page()
        page.goto(app_url)
        page.wait_for_selector(CHART, timeout=CHART_WAIT_MS)
        page.get_by_test_id("stExpandSidebarButton").click()
        page.wait_for_function(f"{SIDEBAR_RIGHT} > 0")
        page.get_by_role("link", name="Cụm thi đua").click()
        page.wait_for_url("**/cum-thi-dua**")
        page.wait_for_function(f"{SIDEBAR_RIGHT} <= 0")
        page.get_by_role("heading", name="Cụm thi đua").first.wait_for(timeout=CHART_WAIT_MS)
    finally:
        context.close()
