"""A shared link opened as the very first visit of a dashboard that has just started lands on its page.
Streamlit runs a fresh server's first session in its old multipage mode (a pages/ folder stands beside
app.py), where a link to /so-sanh-tinh shows "Page not found" and opens the home page;
scripts/first_session.py, run by scripts/run_dashboard.sh as the server starts, ends that mode."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_browser import CHART_WAIT_MS, CHROMIUM, browser, live_server  # noqa: F401 - browser is a fixture

ROOT = Path(__file__).resolve().parent.parent
LINK = "so-sanh-tinh?nam=2023"

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium at /usr/bin/chromium")


def first_visit(browser, url: str) -> tuple[str, str, str]:
    """The heading and address a first visitor following the link ends on, and any dialog's text."""
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="vi-VN")
    try:
        page = context.new_page()
        page.goto(f"{url}/{LINK}")
        page.locator("h1").first.wait_for(timeout=CHART_WAIT_MS)
        page.wait_for_timeout(1500)  # a "Page not found" dialog comes with the first run
        dialogs = " ".join(dialog.inner_text() for dialog in page.query_selector_all('[role="dialog"]'))
        return page.locator("h1").first.inner_text(), page.url, dialogs
    finally:
        context.close()


@pytest.mark.parametrize("with_first_session", [True, False], ids=["started-as-the-readme-says", "bare-server"])
def test_a_link_opened_first_on_a_fresh_server_lands_on_its_page(demo_database_file, tmp_path, browser,
                                                                  with_first_session):
    database = tmp_path / "thidua.duckdb"
    shutil.copy(demo_database_file, database)
    with live_server(ROOT / "app.py", database, tmp_path / "streamlit.log") as server:
        if with_first_session:
            subprocess.run([sys.executable, "scripts/first_session.py", server.url], cwd=ROOT, check=True, timeout=600)
        heading, address, dialogs = first_visit(browser, server.url)
    if with_first_session:
        assert (heading, "Page not found" in dialogs) == ("So sánh tỉnh", False)
        assert "/so-sanh-tinh?" in address
    else:  # what the first session is for: if Streamlit stops doing this, it can go
        assert "Page not found" in dialogs
