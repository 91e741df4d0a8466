"""The upload page in a real browser: `streamlit run app.py` with an uploader account, Debian's
chromium through Playwright; sign in, drop a workbook on the page's file input, commit, and see the
new year in the charts; markup in a file stays text. Screenshots land in test-artifacts/."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from bad_files.make_corpus import corpus
from test_browser import (CHART, CHART_WAIT_MS, CHROMIUM, browser, page, screenshot,  # noqa: F401 (fixtures)
                          show_whole_page, streamlit_server, wait_until_idle)
from thidua.auth import hash_password
from thidua.db import Database
from workbook_builders import SheetSpec, par_lines, par_table, province_names, title_block, write_workbook

UPLOADER, PASSWORD = "can.bo", "mật khẩu đủ dài 2026"
NEW_YEAR = 2016  # the demo data covers 2017–2024

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium at /usr/bin/chromium")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A real server with an uploader account in its own secrets file."""
    folder = tmp_path_factory.mktemp("upload-browser")
    secrets = folder / "secrets.toml"
    secrets.write_text(f'[thidua.uploaders]\n"{UPLOADER}" = "{hash_password(PASSWORD)}"\n', encoding="utf-8")
    with streamlit_server(folder, "--secrets.files", str(secrets)) as url:
        yield url, folder / "thidua.duckdb", folder


def signed_in_upload_page(page, url: str):
    page.goto(url)  # the first start loads the demo data before any page is known: wait for it
    page.wait_for_selector(CHART, timeout=CHART_WAIT_MS)
    page.goto(f"{url}/nhap-du-lieu")
    page.get_by_label("Tên đăng nhập").fill(UPLOADER, timeout=CHART_WAIT_MS)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_text(f"Đang đăng nhập: {UPLOADER}").wait_for(timeout=30_000)
    return page.locator('[data-testid="stFileUploader"] input[type="file"]')


def test_a_workbook_dropped_on_the_page_is_previewed_committed_and_charted(server, page):
    url, db, folder = server
    workbook = write_workbook(folder / f"PAR {NEW_YEAR}.xlsx", SheetSpec("Sheet1", title_block(
        f"CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {NEW_YEAR}") + par_table(par_lines(province_names()))))
    show_whole_page(page)
    signed_in_upload_page(page, url).set_input_files(workbook)
    page.get_by_text(f"Sẽ ghi: Chỉ số CCHC (PAR Index) — {NEW_YEAR} — 63 dòng").wait_for(timeout=60_000)
    wait_until_idle(page)
    screenshot(page, "nhap-du-lieu-xem-truoc")

    page.get_by_role("button", name="Ghi 1 tệp vào cơ sở dữ liệu").click()
    page.get_by_text("Đã ghi 1 tệp vào cơ sở dữ liệu").wait_for(timeout=60_000)
    wait_until_idle(page)
    screenshot(page, "nhap-du-lieu-da-ghi")
    assert NEW_YEAR in set(Database(db).query("par_years").year)
    assert Database(db).query("upload_history").uploaded_by.iloc[0] == UPLOADER

    page.goto(f"{url}/so-sanh-tinh?nam={NEW_YEAR}")
    page.wait_for_selector(CHART, timeout=CHART_WAIT_MS)
    assert f"Chỉ số CCHC (PAR Index) năm {NEW_YEAR}" in page.locator('[data-testid="stPlotlyChart"]').first.text_content()


def test_markup_in_an_uploaded_file_is_shown_as_text_never_run(server, page):
    url, _, folder = server
    bad = next(b for b in corpus() if b.name == "script.xlsx")
    path = folder / "<img src=x onerror=alert(2)>.xlsx"
    path.write_bytes(bad.build())
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    signed_in_upload_page(page, url).set_input_files(path)
    page.get_by_text("ô chứa mã HTML «<script>alert(1)</script>»").wait_for(timeout=60_000)
    wait_until_idle(page)
    time.sleep(0.5)
    assert page.get_by_text("Tệp 1: <img src=x onerror=alert(2)>.xlsx").count() == 1
    assert page.locator('img[src="x"]').count() == 0
    assert page.evaluate("() => [...document.scripts].some(s => s.text.includes('alert(1)'))") is False
    assert dialogs == []
