"""A real server (`streamlit run app.py`) receives hostile workbooks through «Nhập dữ liệu»: the 7 KB
workbook with a value at "xfd1048576" that used to abort the whole server, and the .xls declaring
billions of rows. Each is refused with its Vietnamese message, nothing is written, and a second
browser session keeps being served while they are read, as is the server's health endpoint."""
from __future__ import annotations

import threading
import time
import urllib.request
from pathlib import Path

import pytest

from bad_files.make_corpus import hostile_corpus
from test_browser import CHART, CHART_WAIT_MS, CHROMIUM, browser, page, wait_until_idle  # noqa: F401 (fixtures)
from test_upload_browser import server, signed_in_upload_page  # noqa: F401 (fixture)
from thidua.db import Database

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium at /usr/bin/chromium")
HOSTILE = {bad.name: bad for bad in hostile_corpus()}
UPLOADED = ("xa_chu_thuong.xlsx", "kich_thuoc_khong_lo.xls")


class HealthWatch(threading.Thread):
    """Asks the server's health endpoint every 0.2 s until stopped; counts answers and failures."""

    def __init__(self, url: str):
        super().__init__(daemon=True)
        self.url, self.answers, self.failures, self.stopped = url, 0, [], threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=10) as answer:
                    self.answers += answer.status == 200
            except OSError as error:
                self.failures.append(repr(error))
            self.stopped.wait(0.2)


def test_hostile_files_uploaded_through_the_page_are_refused_while_another_session_is_served(server, page, browser):
    url, db, folder = server
    viewer = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="vi-VN").new_page()
    viewer.goto(url)
    viewer.wait_for_selector(CHART, timeout=CHART_WAIT_MS)
    uploads_before = len(Database(db).query("upload_history"))
    paths = []
    for name in UPLOADED:
        paths.append(folder / name)
        paths[-1].write_bytes(HOSTILE[name].build())
    watch = HealthWatch(url)
    watch.start()
    try:
        signed_in_upload_page(page, url).set_input_files(paths)
        for name in UPLOADED:
            message = page.get_by_text(HOSTILE[name].says).first
            while not message.is_visible():  # the other session is served while the files are read
                viewer.reload()
                viewer.wait_for_selector(CHART, timeout=CHART_WAIT_MS)
                time.sleep(0.2)
        wait_until_idle(page)
        viewer.reload()
        viewer.wait_for_selector(CHART, timeout=CHART_WAIT_MS)
    finally:
        watch.stopped.set()
        watch.join()
    for name in UPLOADED:
        assert page.get_by_text(f"Tệp {UPLOADED.index(name) + 1}: {name}").count() == 1
    assert page.get_by_text("Tệp không nhập được").count() == len(UPLOADED)
    assert watch.failures == [] and watch.answers > 0
    assert viewer.locator(CHART).count() > 0
    assert len(Database(db).query("upload_history")) == uploads_before
