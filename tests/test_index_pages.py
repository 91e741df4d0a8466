"""The provincial indices beside the PAR Index on the pages and in a province's deck: the «Chỉ số» selector
kept in the link (the PAR Index by default), rank jumps between published ranks only, and a year a table
leaves a province out shown as «không công bố», never as a rank or a zero."""
import io
import json

import pandas as pd
from conftest import OLD_NAMES, OVERVIEW, open_page
from pptx import Presentation
from test_upload_page import app as upload_page
from test_upload_page import button, sign_in, texts, upload, widget
from unseen_index_tables import pci_lines
from workbook_builders import SheetSpec, xlsx_bytes

from thidua import reports
from thidua.charts import index_grid
from thidua.indices import NOT_PUBLISHED, index_lines, place_phrase, province_indices
from thidua.kinds.index import INDICES

COMPARE, CHANGES, PROFILE = "pages/compare_provinces.py", "pages/rank_changes.py", "pages/province_profile.py"
LEFT_OUT_OF_PAPI_2023 = "Hải Dương"  # the demo's PAPI 2023 appendix leaves out two provinces, this one among them
OUTSIDE_PCI_TOP_30_IN_2024 = "Lạng Sơn"


def figures(app) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]


def title(figure: dict) -> str:
    return figure["layout"]["title"]["text"].replace("<br>", " ")


def metrics(app) -> dict[str, str]:
    return {metric.label: metric.value for metric in app.metric}


def test_pci_chosen_in_the_link_ranks_its_published_provinces_and_says_a_province_left_out_is_not_published(demo_db):
    published = demo_db.query("index_ranking", index="pci", year=2024)
    assert len(published) == 30 and OUTSIDE_PCI_TOP_30_IN_2024 not in set(published.province)
    app = open_page(COMPARE, chi_so="pci", nam="2024", tinh=OUTSIDE_PCI_TOP_30_IN_2024)
    chart = figures(app)[0]
    assert title(chart) == "Chỉ số PCI (VCCI) năm 2024: xếp hạng 30 tỉnh, thành phố"
    assert metrics(app)["Xếp hạng"] == NOT_PUBLISHED and metrics(app)["PCI"] == NOT_PUBLISHED
    shown = app.dataframe[0].value
    assert list(shown["Tỉnh, thành phố"]) == list(published.province)
    assert list(shown["Xếp hạng"]) == list(published["rank"])
    assert "30/63" in " ".join(caption.value for caption in app.caption)
    assert "Trung bình cả nước" not in chart["layout"]["title"]["subtitle"]["text"]  # the top 30 are no nation


def test_a_published_province_shows_its_pci_rank_score_and_band(demo_db):
    row = demo_db.query("index_ranking", index="pci", year=2023).iloc[4]
    app = open_page(COMPARE, chi_so="pci", nam="2023", tinh=row.province)
    assert metrics(app)["Xếp hạng"] == f"{row['rank']}/63" and metrics(app)["Nhóm"] == row.band


def test_the_selector_defaults_to_the_par_index_and_a_chosen_index_goes_into_the_link(demo_db):
    app = open_page(COMPARE)
    assert app.query_params["chi_so"] == "par" and title(figures(app)[0]).startswith("Chỉ số CCHC (PAR Index)")
    app.radio(key="chi_so").set_value("papi").run()
    newest = max(demo_db.query("index_history").query("index == 'papi'").year)
    assert app.query_params["chi_so"] == "papi" and app.query_params["nam"] == str(newest)
    assert title(figures(app)[0]).startswith(f"Chỉ số PAPI năm {newest}")


def test_a_link_naming_an_index_without_figures_is_named_and_the_par_index_shown(demo_db):
    app = open_page(OVERVIEW, chi_so="vpi")
    assert "«vpi»" in app.warning[0].value and "PAR Index" in app.warning[0].value
    assert app.query_params["chi_so"] == "par" and title(figures(app)[0]).startswith("Chỉ số CCHC (PAR Index)")


def test_rank_jumps_of_an_index_join_only_ranks_published_in_both_years(demo_db):
    before = demo_db.query("index_ranking", index="pci", year=2022)
    after = demo_db.query("index_ranking", index="pci", year=2023)
    jumps = demo_db.query("index_jumps", index="pci", from_year=2022, to_year=2023)
    assert set(jumps.province) == set(before.province) & set(after.province) and len(jumps) == 30
    published = before.set_index("province")["rank"] - after.set_index("province")["rank"]
    assert jumps.set_index("province").change.to_dict() == published.dropna().astype(int).to_dict()
    app = open_page(CHANGES, chi_so="pci", tu_nam="2022", den_nam="2023")
    assert title(figures(app)[0]) == "Biến động xếp hạng Chỉ số PCI: năm 2022 → năm 2023"
    left_out = sorted(set(before.province) - set(after.province))
    said = " ".join(caption.value for caption in app.caption)
    assert f"{len(left_out)} tỉnh, thành phố chỉ có thứ hạng một trong hai năm" in said and left_out[0] in said


def test_the_profile_shows_the_province_on_all_five_indices_with_a_gap_for_a_missing_papi_year(demo_db):
    app = open_page(PROFILE, tinh=LEFT_OUT_OF_PAPI_2023)
    grid = next(chart for chart in figures(app) if "các chỉ số cấp tỉnh" in title(chart))
    cells = grid["data"][0]
    assert cells["y"] == ["PAR Index", "SIPAS", "PCI", "PAPI", "DTI"]
    text = {(index, year): cell for index, row in zip(cells["y"], cells["text"]) for year, cell in zip(cells["x"], row)}
    assert NOT_PUBLISHED.replace(" ", "<br>", 1) in text[("PAPI", "2023")]
    history = demo_db.query("index_history")
    own = history[history.province == LEFT_OUT_OF_PAPI_2023]
    for index, label in [("papi", "PAPI"), ("pci", "PCI"), ("dti", "DTI"), ("sipas", "SIPAS"), ("par", "PAR Index")]:
        for row in own[own["index"] == index].itertuples():
            assert text[(label, str(row.year))] == f"<b>{row.rank}</b>/63" + ("*" if row.rank_computed else "")
    assert not any(cell.startswith("<b>0</b>") for cell in text.values())


def test_on_a_phone_each_index_is_one_line_of_its_years_newest_first():
    history = pd.DataFrame({
        "index": ["papi", "papi", "pci"], "index_name": "", "year": [2022, 2023, 2022],
        "province": ["Hà Nam", "Hà Nội", "Hà Nội"], "score": [41.5, 44.0, 70.1], "rank": [12, 3, 1],
        "band": ["Nhóm cao", "Nhóm cao nhất", None], "published": [63, 61, 63], "ranked_among": 63,
        "rank_computed": [True, True, False]})
    places = province_indices(history, "Hà Nam")
    assert index_lines(places, {"papi": "PAPI", "pci": "PCI"}) == [
        ("PAPI", [f"2023: {NOT_PUBLISHED}", "2022: thứ 12/63 theo điểm (41,50, Nhóm cao)"]),
        ("PCI", [f"2022: {NOT_PUBLISHED}"])]


def test_a_province_deck_has_one_slide_of_the_other_indices_with_the_gap_said(demo_db):
    deck = reports.plan_deck(demo_db.query, {"province": LEFT_OUT_OF_PAPI_2023})
    others = [chart for chart in deck.charts if chart.title == reports.OTHER_INDICES_TITLE]
    assert len(others) == 1
    chart = others[0]
    assert list(chart.view.slide.data[0].y) == ["SIPAS", "PCI", "PAPI", "DTI"]  # the PAR Index has its own slides
    assert f"2023: {NOT_PUBLISHED}" in next(line for line in chart.notes.splitlines() if line.startswith("PAPI:"))
    papi = demo_db.query("index_ranking", index="papi", year=2024)
    own = papi[papi.province == LEFT_OUT_OF_PAPI_2023].iloc[0]
    assert f"PAPI 2024 thứ {own['rank']}/63 theo điểm" in chart.takeaway  # PAPI publishes bands, not ranks
    slides = Presentation(io.BytesIO(deck.pptx())).slides
    titled = [slide for slide in slides
              if any(shape.has_text_frame and shape.text_frame.text == reports.OTHER_INDICES_TITLE for shape in slide.shapes)]
    assert len(titled) == 1


def test_a_table_naming_no_index_is_written_as_the_index_chosen_on_the_upload_page(par_db):
    rows = [["KẾT QUẢ XẾP HẠNG NĂM 2021"], ["Xếp hạng", "Tỉnh, thành phố", "Điểm"],
            *[[rank, name, score] for name, score, rank in pci_lines(OLD_NAMES)]]
    page = upload(sign_in(upload_page()), ("xep_hang_2021.xlsx", xlsx_bytes(SheetSpec("Sheet1", rows))))
    assert "Sẽ ghi: Chỉ số CCHC (PAR Index) — 2021 — 63 dòng" in texts(page)  # naming none, it is the PAR Index
    chooser = widget(page.selectbox, "Chỉ số")
    assert chooser.options[1:] == [INDICES[index].name for index in ("par", "sipas", "pci", "papi", "dti")]
    chooser.set_value("pci").run()
    assert "Sẽ ghi: Chỉ số cấp tỉnh — PCI 2021 — 63 dòng" in texts(page)
    par_before = par_db.query("par_ranking", year=2021)
    button(page, "Ghi 1 tệp").click().run()
    written = par_db.query("index_ranking", index="pci", year=2021)
    assert set(zip(written.province, written.score, written["rank"])) == set(pci_lines(OLD_NAMES))
    assert par_db.query("par_ranking", year=2021)[["province", "score"]].equals(par_before[["province", "score"]])


def test_a_papi_place_is_said_to_be_by_score_where_the_publisher_gives_bands_not_ranks(demo_db):
    places = province_indices(demo_db.query("index_history"), "Hải Dương")
    papi = next(places[(places["index"] == "papi") & places.listed].itertuples())
    assert papi.rank_computed and place_phrase(papi).startswith(f"thứ {int(papi.rank)}/63 theo điểm")
    pci = next(places[(places["index"] == "pci") & places.listed].itertuples())
    assert place_phrase(pci).startswith("hạng ")  # VCCI publishes its ranks
    grid = index_grid(places, "Hải Dương")
    assert f"<b>{int(papi.rank)}</b>/63*" in [cell for row in grid.data[0].text for cell in row]
    assert "thứ tự theo điểm" in grid.layout.title.subtitle.text
    app = open_page(OVERVIEW, chi_so="papi")
    assert any("thứ tự theo điểm" in caption.value for caption in app.caption)
