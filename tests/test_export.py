"""Exports: chart images rendered by kaleido in Debian's chromium, tables, the deck and its PDF."""
from __future__ import annotations

import csv
import html
import io
import os
import re
import signal
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import openpyxl
import pandas as pd
import plotly.graph_objects as go
import pytest
from PIL import Image, ImageStat
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from thidua import export, views
from thidua.provinces import registry

TITLE = "Xếp hạng Chỉ số CCHC năm 2021 — Lạng Sơn tăng 13 bậc"
SOURCE = "Bộ Nội vụ, Báo cáo Chỉ số CCHC năm 2021"
UPDATED = date(2026, 11, 5)
SOURCE_LINE = "Nguồn: Bộ Nội vụ, Báo cáo Chỉ số CCHC năm 2021; cập nhật ngày 05/11/2026"
INJECTIONS = ["=cmd|' /C calc'!A0", "+1", "-x", "@SUM(1)"]


def ranking_figure(title: str = TITLE) -> go.Figure:
    return go.Figure(
        go.Bar(x=["Lạng Sơn", "Hà Nội", "Đắk Lắk", "Thừa Thiên Huế"], y=[83.4, 88.1, 79.6, 86.2]),
        layout=dict(title=dict(text=title), margin=dict(b=40)),
    )


@pytest.fixture(scope="module")
def images() -> dict[str, bytes]:
    return {fmt: export.figure_bytes(ranking_figure(), fmt, SOURCE, UPDATED) for fmt in export.IMAGE_FORMATS}


def svg_texts(svg: bytes) -> list[str]:
    return re.findall(r"<text[^>]*>([^<]*)</text>", svg.decode("utf-8"))


def pdf_page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    return [(float(width), float(height)) for width, height in boxes]


# ---------------------------------------------------------------- chart images

def test_png_is_a_full_hd_picture_with_something_drawn_on_it(images):
    png = images["png"]
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    picture = Image.open(io.BytesIO(png)).convert("L")
    assert picture.size == (1920, 1080)
    assert ImageStat.Stat(picture).stddev[0] > 20  # a blank page has no spread


def test_svg_keeps_the_vietnamese_title_labels_and_source_line(images):
    texts = svg_texts(images["svg"])
    assert TITLE in texts
    assert "Thừa Thiên Huế" in texts
    assert SOURCE_LINE in texts
    assert re.search(rb'<svg[^>]*width="1920"[^>]*height="1080"', images["svg"])


def svg_text_sizes(svg: bytes) -> dict[str, float]:
    """Each text of the SVG with its font size in pixels of the picture as shown (its viewBox is drawn
    scaled to its width)."""
    page = svg.decode("utf-8")
    width = float(re.search(r'<svg[^>]*width="([\d.]+)"', page).group(1))
    view_width = float(re.search(r'<svg[^>]*viewBox="0 0 ([\d.]+) ', page).group(1))
    found = re.findall(r'<text[^>]*style="[^"]*font-size: ([\d.]+)px[^"]*"[^>]*>(.*?)</text>', page)
    return {re.sub(r"<[^>]+>", "", text): float(size) * width / view_width for size, text in found}


def test_the_63_province_ranking_on_a_slide_names_every_province_at_14_px_or_more():
    names = [p.name for p in registry().provinces]
    ranking = pd.DataFrame({"province": names, "score": [round(91.04 - 0.3 * i, 2) for i in range(63)],
                            "rank": range(1, 64)})
    slide = views.view("par_ranking", ranking, year=2021, average=81.77, highlight="Lạng Sơn").slide
    svg = export.figure_bytes(slide, "svg", SOURCE, UPDATED)
    assert re.search(rb'<svg[^>]*width="1920"[^>]*height="1080"', svg)
    sizes = svg_text_sizes(svg)
    labels = {text.split(". ", 1)[1]: size for text, size in sizes.items() if re.match(r"\d+\. ", text)}
    assert sorted(labels) == sorted(names)
    assert min(labels.values()) >= 14
    values = [size for text, size in sizes.items() if re.fullmatch(r"\d+,\d\d", text)]
    assert len(values) == 63 and min(values) >= 14


def test_pdf_is_one_16_by_9_page(images):
    pdf = images["pdf"]
    assert pdf.startswith(b"%PDF-")
    [(width, height)] = pdf_page_sizes(pdf)
    assert width / height == pytest.approx(16 / 9, rel=0.01)


def test_export_layout_sizes_the_copy_and_leaves_the_callers_figure_alone():
    figure = ranking_figure()
    before = figure.to_json()
    exported = export.export_layout(figure, SOURCE, UPDATED)
    assert figure.to_json() == before
    assert (exported.layout.width * export.EXPORT_SCALE, exported.layout.height * export.EXPORT_SCALE) == (1920, 1080)
    assert exported.layout.title.text == TITLE
    assert [note.text for note in exported.layout.annotations] == [SOURCE_LINE]
    assert exported.layout.margin.b == 40 + export.SOURCE_BAND


def test_rendering_does_not_change_the_callers_figure():
    figure = ranking_figure()
    before = figure.to_json()
    export.figure_bytes(figure, "svg", SOURCE, UPDATED)
    assert figure.to_json() == before


def test_a_link_written_into_a_name_is_text_in_the_svg_not_a_link():
    link = "<a href='https://evil.example/x'>Lạng Sơn</a>"
    figure = go.Figure(go.Bar(x=[link, "Hà Nội"], y=[83.4, 88.1]), layout=dict(title=dict(text=f"Cụm {link}")))
    svg = export.figure_bytes(figure, "svg", f"tệp {link}", UPDATED).decode("utf-8")
    assert "evil.example" in svg and not re.search(r"<a[^>]*href=[\"']https://evil", svg)
    shown = [html.unescape(text) for text in re.findall(r"<text[^>]*>(.*?)</text>", svg)]
    assert f"Cụm {link}" in shown and f"Nguồn: tệp {link}; cập nhật ngày 05/11/2026" in shown  # written out as text


def test_dates_are_written_day_month_year():
    assert export.vn_date(date(2026, 1, 9)) == "09/01/2026"
    assert export.vn_date(pd.Timestamp("2026-11-05 14:30")) == "05/11/2026"
    assert export.source_line("Sở Nội vụ", "tháng 11/2026") == "Nguồn: Sở Nội vụ; cập nhật ngày tháng 11/2026"


def test_an_unknown_format_is_refused():
    with pytest.raises(ValueError):
        export.figure_bytes(ranking_figure(), "gif", SOURCE, UPDATED)


def test_parallel_exports_each_get_their_own_image():
    titles = [f"Biểu đồ số {number}: Hà Giang, Điện Biên" for number in range(8)]
    start_together = threading.Barrier(len(titles))

    def render(title: str) -> bytes:
        start_together.wait()
        return export.figure_bytes(ranking_figure(title), "svg", SOURCE, UPDATED)

    with ThreadPoolExecutor(len(titles)) as pool:
        results = list(pool.map(render, titles))
    for title, svg in zip(titles, results):
        shown = [text for text in svg_texts(svg) if text.startswith("Biểu đồ số")]
        assert shown == [title]


def test_parallel_pngs_match_the_same_figures_drawn_one_at_a_time():
    titles = ["Cao Bằng", "Bắc Kạn", "Cà Mau"]
    alone = {title: pixels(png_titled(title)) for title in titles}
    with ThreadPoolExecutor(len(titles) * 2) as pool:
        together = list(pool.map(png_titled, titles * 2))
    for title, png in zip(titles * 2, together):
        assert pixels(png) == alone[title], title


def png_titled(title: str) -> bytes:
    return export.figure_bytes(ranking_figure(title), "png", SOURCE, UPDATED)


def pixels(png: bytes) -> bytes:
    return Image.open(io.BytesIO(png)).convert("RGB").tobytes()


def test_a_browser_that_died_is_replaced_and_the_export_still_succeeds():
    export.figure_bytes(ranking_figure(), "svg", SOURCE, UPDATED)
    os.kill(export._browser._kaleido.subprocess.pid, signal.SIGKILL)
    assert TITLE in svg_texts(export.figure_bytes(ranking_figure(), "svg", SOURCE, UPDATED))


# ---------------------------------------------------------------- tables

@pytest.fixture
def table() -> pd.DataFrame:
    return pd.DataFrame({
        "province": ["Lạng Sơn", "Hà Nội", *INJECTIONS],
        "score": [83.4, 88.1, 70.0, 71.5, float("nan"), 75.25],
        "change": [13, -5, 0, 2, -1, 4],
    })


LABELS = {"province": "Tỉnh, thành phố", "score": "Chỉ số (%)", "change": "Thay đổi thứ hạng"}


HEADING = export.TableHeading("Xếp hạng Chỉ số CCHC năm 2022, vùng Đồng bằng sông Hồng",
                              {"Năm": 2022, "Vùng": "Đồng bằng sông Hồng"}, "Bộ Nội vụ — Chỉ số CCHC năm 2022",
                              date(2026, 5, 17), illustrative=True)
HEADING_LINES = ["Xếp hạng Chỉ số CCHC năm 2022, vùng Đồng bằng sông Hồng", "Bộ lọc: Năm: 2022; Vùng: Đồng bằng sông Hồng",
                 "Nguồn: Bộ Nội vụ — Chỉ số CCHC năm 2022; cập nhật ngày 17/05/2026",
                 "Dữ liệu minh họa: số liệu minh họa, không phải số liệu chính thức."]


def test_xlsx_is_a_document_title_filters_source_and_date_demo_mark_then_the_table_with_numbers_as_numbers(table):
    workbook = openpyxl.load_workbook(io.BytesIO(export.table_xlsx(table, HEADING, LABELS)))
    assert workbook.sheetnames == ["Xếp hạng Chỉ số CCHC năm 2022"]  # whole words, 29 characters
    sheet = workbook.active
    assert [sheet.cell(row=row, column=1).value for row in range(1, 6)] == [*HEADING_LINES, None]
    assert sheet["A1"].font.bold and sheet["A1"].font.size == export.TITLE_FONT_SIZE
    assert [cell.value for cell in sheet[6]] == ["Tỉnh, thành phố", "Chỉ số (%)", "Thay đổi thứ hạng"]
    assert all(cell.font.bold for cell in sheet[6])
    assert sheet.freeze_panes == "A7" and sheet.auto_filter.ref == "A6:C12"
    assert sheet["B7"].data_type == "n" and sheet["B7"].value == pytest.approx(83.4)
    assert sheet["C8"].data_type == "n" and sheet["C8"].value == -5
    assert sheet["B11"].value is None  # NaN leaves the cell empty
    assert sheet.max_row == 12


def test_xlsx_of_real_figures_has_no_demo_mark_and_a_title_alone_is_a_heading():
    real = export.TableHeading("Bảng", {"Năm": 2021}, "tệp «a.xlsx»", date(2026, 1, 2))
    sheet = openpyxl.load_workbook(io.BytesIO(export.table_xlsx(pd.DataFrame({"a": [1]}), real))).active
    assert [sheet.cell(row=row, column=1).value for row in range(1, 5)] == [
        "Bảng", "Bộ lọc: Năm: 2021", "Nguồn: tệp «a.xlsx»; cập nhật ngày 02/01/2026", None]
    assert sheet["A5"].value == "a" and sheet["A6"].value == 1
    titled = openpyxl.load_workbook(io.BytesIO(export.table_xlsx(pd.DataFrame({"a": [1]}), "Bảng"))).active
    assert [titled["A1"].value, titled["A2"].value, titled["A3"].value, titled["A4"].value] == ["Bảng", None, "a", 1]


@pytest.mark.parametrize("title, name", [
    ("Xếp hạng Chỉ số CCHC năm 2022, vùng Trung du và miền núi phía Bắc", "Xếp hạng Chỉ số CCHC năm 2022"),
    ("Điểm cụm 2021/2022: [bảng tổng hợp chấm điểm]", "Điểm cụm 2021 2022 bảng tổng"),
    ("Biến động 2020-2021", "Biến động 2020-2021"),
    ("Khenthuongcaccumthiduatrongnhieunamlien", "Khenthuongcaccumthiduatrongnhie"),
])
def test_sheet_names_are_whole_words_excel_accepts(title, name):
    assert export.sheet_title(title) == name
    workbook = openpyxl.load_workbook(io.BytesIO(export.table_xlsx(pd.DataFrame({"a": [1]}), title)))
    assert workbook.sheetnames == [name] and len(name) <= 31


def test_xlsx_keeps_formula_like_text_as_quoted_text(table):
    sheet = openpyxl.load_workbook(io.BytesIO(export.table_xlsx(table, "Bảng"))).active
    cells = [sheet.cell(row=row, column=1) for row in range(6, 10)]
    assert [cell.value for cell in cells] == INJECTIONS
    assert all(cell.data_type == "s" and cell.quotePrefix for cell in cells)
    assert not sheet["A4"].quotePrefix
    assert sheet["C5"].value == -5 and not sheet["C5"].quotePrefix


def test_xlsx_drops_control_characters_openpyxl_cannot_store():
    sheet = openpyxl.load_workbook(io.BytesIO(export.table_xlsx(pd.DataFrame({"a": ["Sơn\x0bLa"]}), "Bảng"))).active
    assert sheet["A4"].value == "SơnLa"


def test_csv_is_plain_unless_a_heading_is_asked_for(table):
    plain = list(csv.reader(io.StringIO(export.table_csv(table, LABELS).decode("utf-8-sig"))))
    assert plain[0] == ["Tỉnh, thành phố", "Chỉ số (%)", "Thay đổi thứ hạng"]
    headed = list(csv.reader(io.StringIO(export.table_csv(table, LABELS, HEADING).decode("utf-8-sig"))))
    assert headed[:5] == [[line] for line in HEADING_LINES] + [[]]
    assert headed[5:] == plain


def test_csv_starts_with_a_bom_and_reads_back_with_diacritics(table):
    data = export.table_csv(table, LABELS)
    assert data.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert list(back.columns) == ["Tỉnh, thành phố", "Chỉ số (%)", "Thay đổi thứ hạng"]
    assert back.loc[0, "Tỉnh, thành phố"] == "Lạng Sơn"
    assert back.loc[1, "Chỉ số (%)"] == pytest.approx(88.1)


def test_csv_neutralises_formula_like_text_but_not_negative_numbers(table):
    rows = list(csv.reader(io.StringIO(export.table_csv(table).decode("utf-8-sig"))))
    assert [row[0] for row in rows[3:]] == ["'=cmd|' /C calc'!A0", "'+1", "'-x", "'@SUM(1)"]
    assert rows[2] == ["Hà Nội", "88.1", "-5"]


def test_csv_neutralises_formula_like_headers():
    rows = list(csv.reader(io.StringIO(export.table_csv(pd.DataFrame({"=HYPERLINK(1)": [1]})).decode("utf-8-sig"))))
    assert rows[0] == ["'=HYPERLINK(1)"]


# ---------------------------------------------------------------- the deck

@pytest.fixture(scope="module")
def slides() -> list[export.Slide]:
    return [
        export.Slide("Lạng Sơn tăng 13 bậc", "Năm 2021, Lạng Sơn đạt 83,40%, tăng 13 bậc so với năm 2020.",
                     ranking_figure(), "Lạng Sơn: 83,40% (hạng 25)\nHà Nội: 88,10% (hạng 3)", SOURCE, UPDATED),
        export.Slide("So sánh trong vùng", "Hà Nội dẫn đầu vùng với 88,10%.", ranking_figure("Trong vùng"),
                     "Hà Nội: 88,10%", SOURCE, UPDATED),
    ]


DECK_TITLE = "Báo cáo Chỉ số CCHC tỉnh Lạng Sơn"
DECK_SUBTITLE = "Sở Nội vụ · tháng 11/2026"


def test_deck_has_a_title_slide_then_one_16_by_9_slide_per_chart(slides):
    deck = Presentation(io.BytesIO(export.build_deck(DECK_TITLE, DECK_SUBTITLE, slides)))
    assert (deck.slide_width, deck.slide_height) == (12192000, 6858000)
    cover, *charts = deck.slides
    assert cover.shapes.title.text == DECK_TITLE
    assert cover.placeholders[1].text == DECK_SUBTITLE
    assert [slide.shapes.title.text for slide in charts] == ["Lạng Sơn tăng 13 bậc", "So sánh trong vùng"]
    assert [slide.notes_slide.notes_text_frame.text for slide in charts] == [slide.notes for slide in slides]
    for slide, planned in zip(charts, slides):
        texts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        assert planned.takeaway in texts
        [picture] = [shape for shape in slide.shapes if shape.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert Image.open(io.BytesIO(picture.image.blob)).size == (1920, 1080)
        assert picture.width / picture.height == pytest.approx(16 / 9, rel=0.01)
        assert picture.left >= 0 and picture.left + picture.width <= deck.slide_width
        assert picture.top + picture.height <= deck.slide_height


def test_slides_drawn_side_by_side_each_hold_the_picture_of_their_own_figure():
    titles = ["Cao Bằng", "Bắc Kạn", "Cà Mau", "Lai Châu"]
    planned = [export.Slide(title, "", ranking_figure(title), "", SOURCE, UPDATED) for title in titles]
    deck = Presentation(io.BytesIO(export.build_deck(DECK_TITLE, DECK_SUBTITLE, planned)))
    for slide, title in zip(list(deck.slides)[1:], titles):
        [picture] = [shape for shape in slide.shapes if shape.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert pixels(picture.image.blob) == pixels(png_titled(title)), title


def test_a_long_takeaway_is_set_smaller_so_it_stays_in_its_box(slides):
    long = export.Slide("Tiêu đề", "Lạng Sơn tăng 13 bậc, " * 12, ranking_figure(), "", SOURCE, UPDATED)
    deck = Presentation(io.BytesIO(export.build_deck(DECK_TITLE, DECK_SUBTITLE, [slides[1], long])))
    sizes = [takeaway_size(slide) for slide in list(deck.slides)[1:]]
    assert sizes[1] < sizes[0]


def takeaway_size(slide) -> float:
    [box] = [shape for shape in slide.shapes if shape.shape_type == MSO_SHAPE_TYPE.TEXT_BOX]
    return box.text_frame.paragraphs[0].runs[0].font.size.pt


def test_deck_pdf_has_the_same_pages_at_slide_size(slides):
    pdf = export.deck_pdf(DECK_TITLE, DECK_SUBTITLE, slides)
    assert pdf.startswith(b"%PDF-")
    assert pdf_page_sizes(pdf) == [(960.0, 540.0)] * 3  # 13.33 × 7.5 in, like the slides
