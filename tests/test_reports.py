"""Reports: where exported figures came from, the takeaway sentences, decks for a province, a cluster
and a year on the demo database, and the downloads under every chart and table of the pages."""
import csv
import io
import json
import re
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import openpyxl
import pandas as pd
import pytest
from conftest import (FALLER, FALLER_FROM, FALLER_TO, OLD_NAMES, RISER, RISER_FROM, RISER_TO, TOP_2021_SCORE, open_page,
                      par_result, write_year)
from pages.shared import VIETNAMESE_ONLY
from PIL import Image, ImageStat
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from thidua import export, reports
from thidua.demo import DEMO_UPLOADER
from thidua.formatting import vn_number, vn_percent
from thidua.provinces import registry

LANG_SON = "Lạng Sơn"
BORDER = "cum-thi-dua-so-noi-vu-cac-tinh-mien-nui-bien-gioi-phia-bac"
BORDER_NAME = "Cụm thi đua Sở Nội vụ các tỉnh miền núi biên giới phía Bắc"


def slide_texts(slide) -> list[str]:
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]


# ---------------------------------------------------------------- where the data came from

def sources(*rows) -> pd.DataFrame:
    """Rows of data_sources; the scoring ones are year-end."""
    frame = pd.DataFrame(rows, columns=["kind", "year", "cluster_id", "upload_id", "file_name", "uploaded_by",
                                        "uploaded_at"])
    return frame.assign(period=frame.kind.map({"scoring": "year"}))


OFFICIAL_2020 = ("par", 2020, None, 1, "PAR 2020.xlsx", "", pd.Timestamp("2026-03-02 09:00"))
OFFICIAL_2021 = ("par", 2021, None, 2, "PAR 2021.xlsx", "", pd.Timestamp("2026-05-17 16:30"))
DEMO_2019 = ("par", 2019, None, 3, "demo.xlsx", DEMO_UPLOADER, pd.Timestamp("2026-01-01 08:00"))
NORTH_2022 = ("scoring", 2022, "bac", 4, "Tong hop 2022.xlsx", "", pd.Timestamp("2026-06-01 10:00"))
SOUTH_2022 = ("scoring", 2022, "nam", 5, "Nam 2022.xlsx", "", pd.Timestamp("2026-07-01 10:00"))
ALL = sources(OFFICIAL_2020, OFFICIAL_2021, DEMO_2019, NORTH_2022, SOUTH_2022)


def test_a_par_chart_names_the_ministry_and_its_years_and_the_day_they_were_loaded():
    origin = reports.provenance(ALL, [("rank_jumps", {"from_year": 2020, "to_year": 2021})])
    assert origin == reports.Provenance("Bộ Nội vụ — Chỉ số CCHC năm 2020–2021", date(2026, 5, 17), False)


def test_a_cluster_chart_names_its_own_workbook_only():
    origin = reports.provenance(ALL, [("cluster_ranking", {"cluster": "bac", "year": 2022}), ("clusters", {})])
    assert (origin.source, origin.updated) == ("tệp «Tong hop 2022.xlsx»", date(2026, 6, 1))


def test_illustrative_figures_say_so_instead_of_naming_the_ministry():
    origin = reports.provenance(ALL, [("par_ranking", {"year": 2019})])
    assert origin.source == reports.ILLUSTRATIVE and origin.illustrative


def test_a_page_that_read_no_figures_gets_everything_in_force_and_many_files_are_counted():
    origin = reports.provenance(ALL, [("par_years", {})])
    assert origin.source == ("Bộ Nội vụ — Chỉ số CCHC năm 2020–2021; tệp «Tong hop 2022.xlsx», «Nam 2022.xlsx»; "
                             + reports.ILLUSTRATIVE)
    assert origin.updated == date(2026, 7, 1)
    assert reports.provenance(ALL.iloc[:0], []).source == "chưa có số liệu"


def test_an_index_chart_names_its_own_table_and_is_demo_only_when_that_table_is():
    real_pci = ("index", 2023, None, 6, "PCI 2023.xlsx", "", pd.Timestamp("2026-08-01 10:00"))
    demo_papi = ("index", 2023, None, 7, "papi.xlsx", DEMO_UPLOADER, pd.Timestamp("2026-01-01 08:00"))
    every = pd.concat([ALL.assign(index_id=None), sources(real_pci, demo_papi).assign(index_id=["pci", "papi"])])
    pci = reports.provenance(every, [("index_ranking", {"index": "pci", "year": 2023})])
    assert pci == reports.Provenance("tệp «PCI 2023.xlsx»", date(2026, 8, 1), False)  # the demo PAR 2019 is not its
    papi = reports.provenance(every, [("index_jumps", {"index": "papi", "from_year": 2022, "to_year": 2023})])
    assert papi.source == reports.ILLUSTRATIVE and papi.illustrative
    par = reports.provenance(every, [("index_ranking", {"index": "par", "year": 2021})])
    assert par.source == "Bộ Nội vụ — Chỉ số CCHC năm 2021"


def test_file_names_are_made_from_titles_without_diacritics():
    assert reports.file_stem("Chỉ số CCHC (PAR Index) năm 2021: Đắk Lắk") == "chi-so-cchc-par-index-nam-2021-dak-lak"


# ---------------------------------------------------------------- charts and takeaways

def test_rank_jumps_for_a_province_says_how_far_it_rose_and_where_it_stands(par_db):
    chart = reports.build_chart(par_db.query, "rank_jumps", {"from_year": 2020, "to_year": 2021, "province": RISER})
    assert chart.takeaway == f"{RISER} tăng 13 bậc, xếp thứ {RISER_TO}/63 năm 2021."
    assert f"{RISER}: hạng {RISER_FROM} → {RISER_TO} (tăng 13 bậc)" in chart.notes.splitlines()
    assert chart.view.title == "Biến động xếp hạng Chỉ số CCHC: năm 2020 → năm 2021"
    assert chart.provenance.source == "Bộ Nội vụ — Chỉ số CCHC năm 2020–2021"
    assert chart.notes.splitlines()[-1].startswith("Nguồn: Bộ Nội vụ — Chỉ số CCHC năm 2020–2021; cập nhật ngày ")


def test_rank_jumps_for_the_country_names_the_biggest_riser_and_faller(par_db):
    chart = reports.build_chart(par_db.query, "rank_jumps", {"from_year": 2020, "to_year": 2021})
    assert chart.takeaway == (f"Từ 2020 đến 2021, {RISER} tăng nhiều nhất cả nước (13 bậc, lên thứ {RISER_TO}/63); "
                              f"{FALLER} giảm nhiều nhất (7 bậc).")
    assert f"{FALLER}: hạng {FALLER_FROM} → {FALLER_TO} (giảm 7 bậc)" in chart.notes


def test_ranking_of_a_province_places_it_in_the_country_and_in_its_region(par_db):
    region = registry().resolve(RISER).region
    chart = reports.build_chart(par_db.query, "par_ranking", {"year": 2021, "province": RISER, "region": region})
    ranking = par_db.query("par_ranking", year=2021)
    in_region = ranking[ranking.region == region].reset_index(drop=True)
    place = in_region.index[in_region.province == RISER][0] + 1
    score = ranking.score[ranking.province == RISER].iloc[0]
    assert chart.takeaway == (f"Năm 2021, {RISER} đạt {vn_percent(score)}, xếp thứ {RISER_TO}/63 cả nước "
                              f"và thứ {place}/{len(in_region)} trong vùng {region}.")
    assert f"{RISER_TO}. {RISER}: {vn_percent(score)}" in chart.notes.splitlines()


def test_the_national_ranking_names_the_leader_and_keeps_the_top_and_bottom_lines_for_the_speaker(par_db):
    chart = reports.build_chart(par_db.query, "par_ranking", {"year": 2021})
    assert chart.takeaway.startswith(f"Năm 2021, {registry().provinces[0].name} dẫn đầu cả nước với "
                                     f"{vn_percent(TOP_2021_SCORE)}; trung bình cả nước ")
    lines = chart.notes.splitlines()
    assert lines[1].startswith("1. ") and "…" in lines and lines[-3].startswith("63. ")


def test_components_of_a_province_name_its_strongest_and_weakest_against_its_region(par_db):
    chart = reports.build_chart(par_db.query, "par_components", {"year": 2021, "province": RISER})
    assert re.fullmatch(rf"Năm 2021, so với \d+ tỉnh, thành phố vùng .+, {RISER} mạnh nhất ở «.+» \(thứ \d+/\d+\) "
                        r"và yếu nhất ở «.+» \(thứ \d+/\d+\)\.", chart.takeaway)


@pytest.mark.parametrize("name, params, said", [
    ("no_such_chart", {}, "Không có biểu đồ «no_such_chart». Các biểu đồ: par_ranking (Xếp hạng Chỉ số CCHC một năm); "
                          "rank_jumps"),
    ("par_ranking", {"year": 2021, "provice": "Lạng Sơn"}, "không dùng tham số provice"),
    ("par_ranking", {"year": 2021, "province": "Lang Sonn"},
     "Không nhận ra tỉnh, thành phố «Lang Sonn». Có phải: Lạng Sơn"),
    ("par_ranking", {"year": 1999}, "Chưa có số liệu Chỉ số CCHC năm 1999; các năm có số liệu: 2020–2021, 2025."),
    ("rank_jumps", {"from_year": 2021, "to_year": 2020}, "from_year < to_year"),
    ("par_history", {}, "cần tham số province"),
    ("cluster_ranking", {"cluster": "khong co"}, "không khớp với Cụm thi đua nào"),
])
def test_what_cannot_be_drawn_is_explained_in_vietnamese(par_db, name, params, said):
    with pytest.raises(reports.ReportError, match=re.escape(said)):
        reports.build_chart(par_db.query, name, params)


def test_charts_rendered_at_once_each_get_their_own_picture(par_db):
    asked = [reports.build_chart(par_db.query, "par_ranking", {"year": year}) for year in (2020, 2021, 2025)] * 2
    with ThreadPoolExecutor(len(asked)) as pool:
        pictures = list(pool.map(lambda chart: chart.image("svg").decode(), asked))
    for chart, svg in zip(asked, pictures):
        titles = re.findall(r">(Chỉ số CCHC \(PAR Index\) năm \d+[^<]*)<", svg)
        assert titles == [chart.view.title]
        assert export_line(chart) in svg


def export_line(chart: reports.Chart) -> str:
    return f"Nguồn: {chart.provenance.source}; cập nhật ngày {chart.provenance.updated:%d/%m/%Y}"


# ---------------------------------------------------------------- decks on the demo database

def test_a_province_deck_has_a_cover_then_one_titled_slide_per_chart_with_takeaways_and_numbers(demo_db):
    deck = reports.plan_deck(demo_db.query, {"province": "lang son", "year": 2021}, today=date(2026, 11, 5))
    slides = list(Presentation(io.BytesIO(deck.pptx())).slides)
    cover, *charts = slides
    assert cover.shapes.title.text == "Lạng Sơn: Chỉ số CCHC năm 2021"
    assert cover.placeholders[1].text == ("Lập ngày 05/11/2026 · 5 biểu đồ\n"
                                          "Số liệu minh họa, không phải số liệu chính thức")
    assert [slide.shapes.title.text for slide in charts] == [
        "Xếp hạng Chỉ số CCHC năm 2021 — vùng Trung du và miền núi phía Bắc",
        "Biến động thứ hạng từ 2020 đến 2021", "Thứ hạng qua các năm", "Các chỉ số khác",
        "Kết quả chấm điểm thi đua năm 2021"]
    jump = row_of(demo_db.query("rank_jumps", from_year=2020, to_year=2021), LANG_SON)
    assert f"Lạng Sơn tăng {jump.change} bậc, xếp thứ {jump.rank_to}/63 năm 2021." in slide_texts(charts[1])
    scored = row_of(demo_db.query("cluster_ranking", cluster=BORDER, year=2021), LANG_SON)
    verb = "dẫn đầu Cụm" if scored.rank == 1 else f"xếp thứ {scored.rank}/7 trong Cụm"
    assert f"{scored.unit} {verb} với {vn_number(scored.total)} điểm năm 2021." in slide_texts(charts[4])
    notes = charts[1].notes_slide.notes_text_frame.text
    assert f"Lạng Sơn: hạng {jump.rank_from} → {jump.rank_to} (tăng {jump.change} bậc)" in notes
    assert "Nguồn: số liệu minh họa, không phải số liệu chính thức; cập nhật ngày" in notes


def row_of(frame: pd.DataFrame, province: str):
    return next(frame[frame.province == province].itertuples())


def test_a_cluster_deck_leads_with_its_scoring_then_leaders_awards_and_its_provinces(demo_db):
    deck = reports.plan_deck(demo_db.query, {"cluster": "bien gioi"})
    presentation = Presentation(io.BytesIO(deck.pptx()))
    cover, *charts = presentation.slides
    assert cover.shapes.title.text == f"{BORDER_NAME}: báo cáo năm 2024"
    assert [slide.shapes.title.text for slide in charts] == [
        "Kết quả chấm điểm thi đua năm 2024", "Cụm trưởng, Cụm phó qua các năm", "Khen thưởng qua các năm",
        "Chỉ số CCHC năm 2024 của các tỉnh trong Cụm", "Biến động thứ hạng từ 2023 đến 2024 trong Cụm"]
    leader = demo_db.query("cluster_ranking", cluster=BORDER, year=2024).iloc[0]
    assert f"{leader.unit} dẫn đầu Cụm với {vn_number(leader.total)} điểm năm 2024." in slide_texts(charts[0])
    roles = demo_db.query("leader_history", cluster=BORDER)
    head = roles[(roles.year == 2024) & (roles.role == "Cụm trưởng")].unit.iloc[0]
    assert any(text.startswith(f"Năm 2024, {head} là Cụm trưởng") for text in slide_texts(charts[1]))
    for slide in charts:
        [picture] = [shape for shape in slide.shapes if shape.shape_type == MSO_SHAPE_TYPE.PICTURE]
        image = Image.open(io.BytesIO(picture.image.blob)).convert("L")
        assert image.size == (1920, 1080) and ImageStat.Stat(image).stddev[0] > 20


def test_a_year_deck_covers_the_country_region_by_region_and_its_pdf_has_the_same_pages(demo_db):
    deck = reports.plan_deck(demo_db.query, {"year": 2021})
    assert deck.title == "Chỉ số CCHC năm 2021: 63 tỉnh, thành phố"
    regions = dict.fromkeys(province.region for province in registry().provinces)
    assert [chart.title for chart in deck.charts] == ["Biến động thứ hạng từ 2020 đến 2021", *(
        f"Xếp hạng Chỉ số CCHC năm 2021 — vùng {region}" for region in regions)]
    pdf = deck.pdf()
    assert pdf.startswith(b"%PDF-") and len(re.findall(rb"/Type\s*/Page\b", pdf)) == len(deck.charts) + 1


def test_a_deck_needs_one_scope(demo_db):
    with pytest.raises(reports.ReportError, match="Chọn phạm vi báo cáo"):
        reports.plan_deck(demo_db.query, {})
    with pytest.raises(reports.ReportError, match="không cả hai"):
        reports.plan_deck(demo_db.query, {"province": LANG_SON, "cluster": BORDER})


# ---------------------------------------------------------------- the pages

@pytest.fixture
def clicks(monkeypatch) -> dict:
    """The callables that download buttons leave for a click, by the file id the browser would ask for."""
    registered = {}
    register = MediaFileManager.add_deferred

    def recording(self, data_callable, *args, **kwargs):
        file_id = register(self, data_callable, *args, **kwargs)
        registered[file_id] = data_callable
        return file_id

    monkeypatch.setattr(MediaFileManager, "add_deferred", recording)
    return registered


def clicked(app: AppTest, clicks: dict, label: str) -> bytes:
    """The file the first download button labelled so gives when clicked."""
    button = next(button for button in app.get("download_button") if button.proto.label == label)
    return clicks[button.proto.deferred_file_id]()


def test_every_chart_and_table_of_a_page_has_its_downloads_built_on_click(par_db, clicks):
    app = open_page("pages/compare_provinces.py", nam="2021", tinh=RISER)
    labels = [button.proto.label for button in app.get("download_button")]
    assert labels == ["PNG — trình chiếu (1920×1080)", "SVG — chỉnh sửa, in khổ lớn", "PDF — in ấn"] * 2 + [
        "Excel (XLSX)", "CSV (UTF-8)"]
    assert all(button.proto.deferred_file_id for button in app.get("download_button"))
    sheet = openpyxl.load_workbook(io.BytesIO(clicked(app, clicks, "Excel (XLSX)"))).active
    assert sheet.title == "Xếp hạng Chỉ số CCHC năm 2021"
    loaded = par_db.query("data_sources").query("kind == 'par' and year == 2021").uploaded_at.iloc[0]
    assert [sheet.cell(row=row, column=1).value for row in range(1, 5)] == [
        "Xếp hạng Chỉ số CCHC năm 2021", f"Bộ lọc: Năm: 2021; Vùng: Cả nước; Tỉnh, thành phố: {RISER}",
        f"Nguồn: Bộ Nội vụ — Chỉ số CCHC năm 2021; cập nhật ngày {loaded:%d/%m/%Y}", None]  # real figures: no demo mark
    assert [cell.value for cell in sheet[5]][:4] == ["Xếp hạng", "Tỉnh, thành phố", "Vùng", "Chỉ số (%)"]
    assert sheet["D6"].value == pytest.approx(TOP_2021_SCORE) and sheet.freeze_panes == "A6"
    assert clicked(app, clicks, "CSV (UTF-8)").decode("utf-8-sig").startswith("Xếp hạng,\"Tỉnh, thành phố\",Vùng")
    next(box for box in app.checkbox if box.label.startswith("CSV có dòng tiêu đề")).check().run()
    headed = list(csv.reader(io.StringIO(clicked(app, clicks, "CSV (UTF-8)").decode("utf-8-sig"))))
    assert headed[:2] == [["Xếp hạng Chỉ số CCHC năm 2021"], [f"Bộ lọc: Năm: 2021; Vùng: Cả nước; Tỉnh, thành phố: {RISER}"]]
    assert headed[3] == [] and headed[4][:2] == ["Xếp hạng", "Tỉnh, thành phố"]
    assert app.dataframe[0].value.iloc[0]["Chỉ số (%)"] == "91,04"  # the screen keeps the decimal comma
    png = clicked(app, clicks, "PNG — trình chiếu (1920×1080)")
    assert Image.open(io.BytesIO(png)).size == (1920, 1080)


def test_a_table_of_demo_figures_carries_the_demo_mark_in_its_xlsx(par_db, clicks):
    write_year(par_db, par_result(2019, OLD_NAMES, 88.0, file_name="demo 2019.xlsx"), uploaded_by=DEMO_UPLOADER)
    app = open_page("pages/compare_provinces.py", nam="2019")
    sheet = openpyxl.load_workbook(io.BytesIO(clicked(app, clicks, "Excel (XLSX)"))).active
    assert sheet["A4"].value == export.ILLUSTRATIVE_MARK and sheet["A3"].value.startswith("Nguồn: số liệu minh họa")


def as_shown(markdown: str) -> str:
    """Markdown written by markdown_literal as the reader sees it: escapes and word joiners gone."""
    return re.sub(r"\\([^\w\s])", r"\1", markdown).replace("\u2060", "")


def test_the_report_page_builds_the_chosen_deck_on_click(demo_db, monkeypatch, clicks):
    monkeypatch.setenv("THIDUA_DB", str(demo_db.path))
    app = open_page("pages/reports.py", pham_vi="Cụm thi đua", cum=BORDER_NAME, nam="2023")
    assert as_shown(app.subheader[0].value) == f"{BORDER_NAME}: báo cáo năm 2023"
    titles = [as_shown(re.sub(r"^\*\*Trang \d+\. |\*\*$", "", block.value)) for block in app.markdown
              if block.value.startswith("**Trang")]
    assert titles[0] == "Kết quả chấm điểm thi đua năm 2023"
    deck = Presentation(io.BytesIO(clicked(app, clicks, "Tải bộ trình chiếu (PPTX)")))
    assert [slide.shapes.title.text for slide in deck.slides][1:] == titles


def test_every_printout_leaves_the_buttons_out_and_the_print_view_shows_the_page_so(par_db):
    def styles(app: AppTest) -> list[str]:
        house = "<style>" + VIETNAMESE_ONLY  # every page's own styles, printed or not
        return [element.proto.body for element in app.get("html") if not element.proto.body.startswith(house)]

    [always] = styles(open_page("pages/compare_provinces.py", nam="2021"))
    assert always.startswith("<style>@media print {") and 'stDownloadButton"] { display: none' not in always
    assert 'stDownloadButton"]' in always and 'stSidebar"]' in always
    [_, on_screen] = styles(open_page("pages/compare_provinces.py", nam="2021", ban_in="true"))
    assert "@media" not in on_screen and 'stDownloadButton"]' in on_screen and "max-width: 1040px" in on_screen


def test_a_slide_shows_its_figure_and_notes_only_when_its_preview_is_opened(demo_db, monkeypatch):
    monkeypatch.setenv("THIDUA_DB", str(demo_db.path))
    app = open_page("pages/reports.py", pham_vi="Cụm thi đua", cum=BORDER_NAME, nam="2023")
    assert not app.get("plotly_chart")
    takeaways = [text.value for text in app.text]  # one a slide; its notes wait in the closed preview
    app.session_state["xem-trang-2"] = True
    app.run()
    [figure] = app.get("plotly_chart")
    assert json.loads(figure.proto.spec)["layout"]["title"]["text"].startswith("Kết quả chấm điểm thi đua năm 2023")
    [notes] = [text.value for text in app.text if text.value not in takeaways]
    assert notes.startswith(f"Kết quả chấm điểm thi đua năm 2023, {BORDER_NAME}:")


# ---------------------------------------------------------------- takeaways speak of the deck's year

def test_a_cluster_decks_takeaways_speak_of_its_year_or_say_in_words_which_other(demo_db):
    cluster = BORDER
    deck = reports.plan_deck(demo_db.query, {"cluster": cluster, "year": 2022})
    assert {chart.title for chart in deck.charts} >= {"Cụm trưởng, Cụm phó qua các năm", "Khen thưởng qua các năm"}
    for chart in deck.charts:
        cited = set(re.findall(r"\b(?:19|20)\d\d\b", chart.takeaway))
        spans = set(re.findall(r"Từ (\d{4}) đến 2022", chart.takeaway))
        assert cited - spans == {"2022"}, chart.takeaway
    later = reports.build_chart(demo_db.query, "leader_history", {"cluster": cluster, "year": 2030})
    assert later.takeaway.startswith("Năm 2030 chưa có danh sách Cụm trưởng, Cụm phó; năm 2024, ")
    unpublished = {chart.title: chart.takeaway for chart in reports.plan_deck(demo_db.query, {"cluster": cluster,
                                                                                            "year": 2025}).charts}
    assert unpublished["Chỉ số CCHC năm 2024 của các tỉnh trong Cụm"].startswith(
        "Chưa có Chỉ số CCHC năm 2025. Năm 2024, ")
    assert unpublished["Biến động thứ hạng từ 2023 đến 2024 trong Cụm"].startswith(
        "Chưa có Chỉ số CCHC năm 2025. Từ 2023 đến 2024, ")
    assert unpublished["Khen thưởng qua các năm"].startswith("Năm 2025 chưa có khen thưởng nào của Cụm; năm 2024, ")
