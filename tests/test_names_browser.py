"""Names from uploaded files in a real browser: a Markdown link or image written into a cluster's or a
unit's name shows as the text it is on every page, and nothing from it becomes a link or an image in the
page (headers, metrics, link labels, charts). The files go in through the same reading and writing as
the upload page's (read_upload, write_upload) before the server starts."""
from __future__ import annotations

from urllib.parse import quote

import pytest

from test_browser import CHART_WAIT_MS, CHROMIUM, browser, page, streamlit_server, wait_until_idle  # noqa: F401
from thidua.db import Database
from thidua.demo import load_demo_if_empty
from thidua.ingest import read_upload, write_upload
from workbook_builders import SheetSpec, xlsx_bytes

pytestmark = pytest.mark.skipif(not __import__("pathlib").Path(CHROMIUM).exists(),
                                reason="needs Debian's chromium at /usr/bin/chromium")

EVIL = "https://evil.example"
PROVINCES_CLUSTER = f"Cụm thi đua Sở Nội vụ các tỉnh [Bắc]({EVIL}/c) ![ảnh]({EVIL}/c.png)"
AGENCIES_CLUSTER = f"Cụm [các Ban]({EVIL}/b) ![ảnh]({EVIL}/b.png)"
PROVINCE_UNITS = ["Sở Nội vụ Cao Bằng", f"Sở Nội vụ [Lạng Sơn]({EVIL}/u)", f"Sở Nội vụ Hà Giang ![x]({EVIL}/u.png)"]
AGENCY_UNITS = [f"Ban [Tuyên giáo]({EVIL}/u)", f"Văn phòng ![x]({EVIL}/v.png)", "Ban Dân vận"]
# What could come of the names: any attribute (href, src, xlink:href) that points at the address.
FROM_NAMES = f"""() => [...document.querySelectorAll('*')]
    .filter(e => [...e.attributes].some(a => a.value.trim().startsWith('{EVIL}')))
    .map(e => e.outerHTML.slice(0, 200))"""


def summary(units: list[str]) -> bytes:
    return xlsx_bytes(SheetSpec("Tong hop", [["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2023"], ["STT", "Đơn vị", "Tổng điểm"],
                                             *[[n, unit, 95 - n] for n, unit in enumerate(units, start=1)]]))


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    folder = tmp_path_factory.mktemp("names-browser")
    db = Database(folder / "thidua.duckdb")
    load_demo_if_empty(db)
    for cluster, units in ((PROVINCES_CLUSTER, PROVINCE_UNITS), (AGENCIES_CLUSTER, AGENCY_UNITS)):
        write_upload(db, read_upload(summary(units), "tong hop.xlsx", cluster=cluster, corrected=True), "can.bo")
    with streamlit_server(folder) as url:
        yield url


PAGES = [("", None), ("so-sanh-tinh", None), ("bien-dong-xep-hang", None),
         ("ket-qua-cham-diem", {"cum": PROVINCES_CLUSTER}), ("ket-qua-cham-diem", {"cum": AGENCIES_CLUSTER}),
         ("cum-thi-dua", {"cum": PROVINCES_CLUSTER}), ("cum-thi-dua", {"cum": AGENCIES_CLUSTER}),
         ("ho-so-tinh", {"tinh": "Cao Bằng"}), ("nhap-du-lieu", None),
         ("xuat-bao-cao", {"pham_vi": "Cụm thi đua", "cum": AGENCIES_CLUSTER, "nam": "2023"})]


@pytest.mark.parametrize("path, params", PAGES)
def test_markdown_in_names_is_shown_as_text_and_makes_no_link_or_image(app_url, page, path, params):
    query = "?" + "&".join(f"{key}={quote(value)}" for key, value in params.items()) if params else ""
    page.goto(f"{app_url}/{path}{query}")
    page.wait_for_selector('[data-testid="stMainBlockContainer"] h1, [data-testid="stMainBlockContainer"] h2',
                           timeout=CHART_WAIT_MS)
    wait_until_idle(page)
    assert page.evaluate(FROM_NAMES) == []
    if path == "cum-thi-dua":  # the header: the name with its brackets, parentheses and address, as written
        assert page.locator("h2").first.inner_text().replace("\u2060", "").strip() == params["cum"]
    if path == "ho-so-tinh":
        page.wait_for_function("""label => [...document.querySelectorAll('[data-testid="stPageLink"]')].some(
            link => link.innerText.replaceAll('\\u2060', '').split('\\n').pop() === label)""",
                               arg=f"Xem {PROVINCES_CLUSTER}", timeout=CHART_WAIT_MS)  # links are drawn one by one
        links = [text.replace("\u2060", "").split("\n")[-1] for text in  # after the icon's name
                 page.locator('[data-testid="stPageLink"]').all_inner_texts()]
        assert f"Xem {PROVINCES_CLUSTER}" in links, links
