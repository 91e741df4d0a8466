"""The page «Kết quả chấm điểm» on the demo database (AppTest: runs cleanly, reads its filters from the
URL, shows the units, awards and numbers the demo workbooks hold) and the chart builders it draws with."""
from __future__ import annotations

import json
import re
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from conftest import open_page
from test_scoring_reader import north_summary
from workbook_builders import xlsx_bytes
from thidua import charts
from thidua.demo.roster import BORDER, CENTRAL, LANG_SON_AGENCIES, NORTHERN
from thidua.formatting import vn_number
from thidua.ingest import ingest_file
from thidua.readers.units import cluster_slug

PAGE = "pages/scoring_results.py"
DEMO_SCORING = Path(__file__).parent.parent / "data" / "demo" / "scoring"
FLAG, MERIT = "Cờ thi đua của Bộ Nội vụ", "Bằng khen của Bộ trưởng Bộ Nội vụ"


def figures(app: AppTest) -> dict[str, dict]:
    """The page's figures by the first words of their titles."""
    found = [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]
    return {f["layout"]["title"]["text"].replace("<br>", " ").split(",")[0].split(" năm")[0].split(" sơ kết")[0]: f for f in found}


def boxes(app: AppTest) -> dict[str, object]:
    return {box.label: box.value for box in app.selectbox}


def texts(elements) -> str:
    return "\n".join(element.value for element in elements)


RANKING, SHARES, GAPS = "Kết quả chấm điểm thi đua", "Tỷ lệ điểm đạt so với điểm tối đa theo nhóm tiêu chí", \
    "Điểm tự chấm so với điểm Cụm chấm"


# ---- the page on the demo database ---------------------------------------------------------------

def test_the_seed_year_of_miền_trung_tây_nguyên_shows_its_proposals(demo_db):
    app = open_page(PAGE, cum=CENTRAL.name, nam="2020")
    assert boxes(app) == {"Cụm thi đua": CENTRAL.name, "Năm": 2020, "Đơn vị": "Sở Nội vụ Khánh Hòa"}
    assert "Dữ liệu minh họa" in texts(app.info)
    shown = figures(app)
    assert set(shown) == {RANKING, SHARES, GAPS}
    bars = shown[RANKING]["data"][0]
    assert bars["y"][:4] == ["1. Sở Nội vụ Khánh Hòa", "2. Sở Nội vụ Đà Nẵng", "3. Sở Nội vụ Quảng Ngãi",
                             "4. Sở Nội vụ Quảng Nam"]
    assert bars["text"][0].endswith("· Cờ thi đua") and all(t.endswith("· Bằng khen") for t in bars["text"][1:4])
    assert not any("·" in t for t in bars["text"][4:])
    assert bars["marker"]["color"][:2] == [charts.AWARD_COLORS[1], charts.AWARD_COLORS[3]]
    legend = [trace["name"] for trace in shown[RANKING]["data"][1:]]
    assert legend == ["Đề nghị Cờ thi đua", "Đề nghị Bằng khen", "Không đề nghị khen thưởng"]
    assert "Sở Nội vụ các tỉnh, thành miền Trung, Tây Nguyên" in shown[RANKING]["layout"]["title"]["subtitle"]["text"]
    metrics = {metric.label: metric.value for metric in app.metric}
    assert metrics["Số đơn vị được chấm"] == "11" and metrics["Dẫn đầu"] == "Khánh Hòa"


def real_year_end_2024() -> bytes:
    """A real year-end summary of 2024 for four units of the border cluster (the demo has its 2024 mid-year
    review and year-end scores)."""
    sheet = north_summary()
    sheet.rows[2] = [None, None, None, None, "Lạng Sơn, ngày 15 tháng 12 năm 2024"]
    sheet.rows[3] = ["BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2024"]
    sheet.rows[4] = ["(Kèm theo Biên bản họp Cụm ngày 15/12/2024)"]
    return xlsx_bytes(sheet)


def test_a_real_year_end_over_a_demo_mid_year_is_not_called_demo_and_each_unit_is_marked_by_its_own_upload(demo_db):
    real = ingest_file(demo_db, real_year_end_2024(), "tong hop 2024.xlsx", uploaded_by="can.bo.thi.dua")
    assert real.upload_id is not None
    app = open_page(PAGE, cum=BORDER.name, nam="2024")
    notes = texts(app.info)
    assert "kết quả chấm điểm năm 2024 của cụm này là số liệu minh họa" not in notes.lower()
    ranking = demo_db.query("cluster_ranking", cluster=cluster_slug(BORDER.name), year=2024)
    demo = set(demo_db.query("uploads").query("uploaded_by == 'demo'").upload_id)
    from_demo = ranking.upload_id.isin(demo)
    assert (ranking.upload_id == real.upload_id).sum() == 4
    bars = figures(app)[RANKING]["data"][0]["y"]
    for label, unit, illustrative in zip(bars, ranking.unit, from_demo):
        assert unit in label and label.endswith("(minh họa)") == illustrative, label
    for unit in ranking.unit[from_demo]:  # units the real file does not list, if they are still shown
        assert unit in notes
    mid_year = open_page(PAGE, cum=BORDER.name, nam="2024", ky="Sơ kết 6 tháng")
    assert "kết quả chấm điểm sơ kết 6 tháng đầu năm 2024 của cụm này là số liệu minh họa" in texts(mid_year.info).lower()


def test_each_bar_and_on_request_each_row_of_the_change_table_names_the_cell_its_total_was_read_from(demo_db):
    app = open_page(PAGE, cum=CENTRAL.name, nam="2021")
    bars = figures(app)[RANKING]["data"][0]
    assert len(bars["customdata"]) > 1
    for _, shown_total, _, source in bars["customdata"]:
        found = re.fullmatch(r"Nguồn: tệp «(.+?)», trang «(.+?)», ô ([A-Z]+\d+), nhập ngày \d\d/\d\d/\d{4} bởi .+", source)
        assert found, source
        file_name, sheet, cell = found.groups()
        workbook = openpyxl.load_workbook(DEMO_SCORING / file_name, data_only=True)
        assert workbook[sheet][cell].value == pytest.approx(float(shown_total.replace(",", ".")), abs=0.005)

    assert not any("Nguồn" in table.value.columns for table in app.dataframe)
    next(box for box in app.checkbox if box.label == "Hiện nguồn").check().run()
    sourced = [table.value for table in app.dataframe if "Nguồn" in table.value.columns]
    assert len(sourced) == 1 and sourced[0]["Nguồn"].str.startswith("Nguồn: tệp «").all()


def test_the_heatmap_gives_each_group_as_a_vietnamese_percent_of_its_maximum(demo_db):
    app = open_page(PAGE, cum=CENTRAL.name, nam="2020")
    heatmap = figures(app)[SHARES]["data"][0]
    groups = demo_db.query("cluster_groups", cluster=cluster_slug(CENTRAL.name), year=2020)
    khanh_hoa = groups[groups.unit == "Sở Nội vụ Khánh Hòa"].sort_values("position")
    assert heatmap["y"][0] == "Khánh Hòa" and len(heatmap["y"]) == 11
    assert heatmap["text"][0] == [f"{vn_number(100 * s, 1)}%" for s in khanh_hoa.share]
    assert heatmap["x"][0].replace("<br>", " ") == "I. Thực hiện nhiệm vụ chuyên môn"


def test_the_gap_chart_puts_the_biggest_over_scorer_on_top(demo_db):
    app = open_page(PAGE, cum=CENTRAL.name, nam="2020")
    ranking = demo_db.query("cluster_ranking", cluster=cluster_slug(CENTRAL.name), year=2020)
    gaps = (ranking.self_total - ranking.total).tolist()
    biggest = ranking.province[gaps.index(max(gaps))]
    over = figures(app)[GAPS]["data"][0]
    assert over["name"] == "Tự chấm cao hơn" and over["y"][0] == biggest
    assert over["text"][0] == f"+{vn_number(max(gaps))}"
    assert sum(len(trace["y"]) for trace in figures(app)[GAPS]["data"]) == 11


def test_a_mid_year_review_is_chosen_from_the_url(demo_db):
    app = open_page(PAGE, cum=BORDER.name, nam="2024", ky="Sơ kết 6 tháng")
    assert boxes(app)["Kỳ chấm điểm"] == "mid"
    ranking = figures(app)[RANKING]
    assert ranking["layout"]["title"]["text"] == "Kết quả chấm điểm thi đua sơ kết 6 tháng đầu năm 2024"
    assert not any("·" in text for text in ranking["data"][0]["text"])  # no awards at mid-year
    assert "Chưa có kết quả chấm điểm sơ kết 6 tháng đầu năm 2023" in texts(app.info)
    year_end = open_page(PAGE, cum=BORDER.name, nam="2024")
    assert boxes(year_end)["Kỳ chấm điểm"] == "year"
    assert figures(year_end)[RANKING]["data"][0]["y"][0] == "1. Sở Nội vụ Điện Biên"  # the 2024 Cụm trưởng


def test_change_on_the_previous_year_in_words_and_a_units_criteria_tree(demo_db):
    app = open_page(PAGE, cum=NORTHERN.name, nam="2022", don_vi="Sở Nội vụ Hải Phòng")
    ranking = demo_db.query("cluster_ranking", cluster=cluster_slug(NORTHERN.name), year=2022).set_index("unit")
    change = app.dataframe[0].value.set_index("Đơn vị")
    assert list(change.columns) == ["Hạng 2021", "Hạng 2022", "Biến động", "Tổng điểm 2021", "Tổng điểm 2022",
                                    "Điểm tăng, giảm"]
    quang_ninh = ranking.loc["Sở Nội vụ Quảng Ninh"]
    places = int(quang_ninh.rank_previous) - 1
    assert change.loc["Sở Nội vụ Quảng Ninh", "Hạng 2022"] == 1
    assert change.loc["Sở Nội vụ Quảng Ninh", "Biến động"] == (f"tăng {places} bậc" if places else "giữ nguyên")
    assert change.loc["Sở Nội vụ Quảng Ninh", "Tổng điểm 2022"] == vn_number(quang_ninh.total)
    assert "Cờ thi đua của Bộ Nội vụ (quyết định)" in texts(app.caption)  # detail sheets propose nothing
    assert "không ghi xếp hạng" in texts(app.caption)

    assert boxes(app)["Đơn vị"] == "Sở Nội vụ Hải Phòng"
    tree = app.dataframe[1].value
    assert list(tree.columns) == ["Mã", "Tiêu chí", "Điểm tối đa", "Tự chấm", "Cụm chấm", "Tự chấm − Cụm chấm"]
    rows = tree.set_index("Tiêu chí")
    assert rows.loc["Công tác chỉ đạo, điều hành", "Điểm tối đa"] == "15,00"  # written in capitals, shown as text
    assert rows.loc["\u2003\u2003\u2003\u2003Giao biên chế đúng thời hạn", "Mã"] == "a"  # level 3
    total = tree.iloc[-1]
    hai_phong = ranking.loc["Sở Nội vụ Hải Phòng"]
    assert (total["Cụm chấm"], total["Tự chấm"]) == (vn_number(hai_phong.total), vn_number(hai_phong.self_total))


def test_the_criteria_tree_keeps_its_groups_in_bold_when_a_rerun_replays_it(demo_db):
    app = open_page(PAGE, cum=NORTHERN.name, nam="2022", don_vi="Sở Nội vụ Hải Phòng")
    app.run()  # drawn from the cache this time
    tree = app.dataframe[1]
    rows = tree.value.reset_index(drop=True)
    rules = re.findall(r"([^{}]+)\{([^}]*)\}", tree.proto.arrow_data.styler.styles)
    bold = {int(row) for cells, style in rules if "font-weight: bold" in style for row in re.findall(r"_row(\d+)_", cells)}
    groups = {i for i, title in enumerate(rows["Tiêu chí"]) if not title.startswith("\u2003")}
    assert bold == groups and len(rows) - 1 in bold and len(groups) < len(rows) / 2


def test_a_cluster_without_self_scores_says_so_and_hides_the_columns(demo_db):
    app = open_page(PAGE, cum=LANG_SON_AGENCIES.name, nam="2019")
    assert "không ghi điểm tự chấm" in texts(app.info)
    assert GAPS not in figures(app)
    tree = app.dataframe[-1].value
    assert list(tree.columns) == ["Mã", "Tiêu chí", "Điểm tối đa", "Cụm chấm"]
    assert tree.iloc[0]["Tiêu chí"] == "Thực hiện nhiệm vụ chính trị được giao"
    assert figures(app)[RANKING]["data"][0]["text"][0].endswith("· Cờ thi đua")  # the UBND tỉnh's flag
    later = open_page(PAGE, cum=LANG_SON_AGENCIES.name, nam="2021", don_vi="Sở Ngoại vụ")
    ranking = demo_db.query("cluster_ranking", cluster=cluster_slug(LANG_SON_AGENCIES.name), year=2021)
    total = later.dataframe[-1].value.iloc[-1]  # only totals are self-scored: the groups show none
    assert total["Tự chấm"] == vn_number(ranking.self_total[ranking.unit == "Sở Ngoại vụ"].item())


def test_without_scoring_workbooks_the_page_says_what_to_upload(par_db):
    app = open_page(PAGE)
    assert "Chưa có bảng chấm điểm thi đua" in texts(app.info)
    assert not app.get("plotly_chart")


# ---- the chart builders ----------------------------------------------------------------------------

RANKING_FRAME = pd.DataFrame({
    "unit": ["Sở Nội vụ Lạng Sơn", "Sở Nội vụ Cao Bằng", "Sở Nội vụ Hà Giang", "Sở Nội vụ Sơn La"],
    "total": [99.5, 97.25, 96.0, 90.0], "rank": [1, 2, 3, 4], "self_total": [100.0, 101.75, 95.5, None],
    "award": [FLAG, "Bằng khen của Thủ tướng Chính phủ", None, None]})


def test_ranking_bars_are_coloured_by_the_award_proposed_and_say_it():
    fig = charts.cluster_ranking_bar(RANKING_FRAME, cluster=BORDER.name, year=2022)
    bars = fig.data[0]
    assert list(bars.text) == ["99,50 · Cờ thi đua", "97,25 · BK Thủ tướng", "96,00", "90,00"]
    assert list(bars.marker.color) == [charts.AWARD_COLORS[1], charts.AWARD_COLORS[2], charts.OTHER_COLOR,
                                       charts.OTHER_COLOR]
    assert [trace.name for trace in fig.data[1:]] == ["Đề nghị Cờ thi đua", "Đề nghị BK Thủ tướng",
                                                      "Không đề nghị khen thưởng"]
    assert fig.layout.title.text == "Kết quả chấm điểm thi đua năm 2022"
    assert fig.layout.title.subtitle.text == "Sở Nội vụ các tỉnh miền núi biên giới phía Bắc"
    mid_year = charts.cluster_ranking_bar(RANKING_FRAME.assign(award=None), cluster=BORDER.name, year=2024,
                                          mid_year=True)
    assert mid_year.layout.title.text == "Kết quả chấm điểm thi đua sơ kết 6 tháng đầu năm 2024"
    assert len(mid_year.data) == 1 and not mid_year.layout.showlegend


def test_share_heatmap_orders_rows_and_columns_and_writes_percent_with_a_decimal_comma():
    groups = pd.DataFrame({
        "unit": ["B", "A", "B", "A", "A"], "code": ["II", "II", "I", "I", None],
        "title": ["CẢI CÁCH HÀNH CHÍNH", "CẢI CÁCH HÀNH CHÍNH", "Tổ chức bộ máy", "Tổ chức bộ máy", "Chung"],
        "position": [9, 9, 2, 2, 20], "score": [20.5, 24.0, 15.0, 14.0, 3.0], "max_points": [25.0, 25.0, 15.0, 15.0, None],
        "share": [0.82, 0.96, 1.0, 14 / 15, None]})
    fig = charts.criteria_share_heatmap(groups, cluster=CENTRAL.name, year=2021, order=["A", "B"])
    heatmap = fig.data[0]
    assert list(heatmap.y) == ["A", "B"]
    assert [label.replace("<br>", " ") for label in heatmap.x] == ["I. Tổ chức bộ máy", "II. Cải cách hành chính",
                                                                   "Chung"]
    assert list(map(list, heatmap.text)) == [["93,3%", "96,0%", "–"], ["100,0%", "82,0%", "–"]]
    assert heatmap.zmax == 100 and heatmap.zmin == 80
    assert "14,00 / 15,00" in heatmap.customdata[0][0]


def test_self_score_gap_sorts_over_scorers_first_and_leaves_out_units_without_a_self_score():
    fig = charts.self_score_gap(RANKING_FRAME, cluster=BORDER.name, year=2022)
    over, under = fig.data
    assert (over.name, list(over.y), list(over.text)) == ("Tự chấm cao hơn",
                                                          ["Sở Nội vụ Cao Bằng", "Sở Nội vụ Lạng Sơn"],
                                                          ["+4,50", "+0,50"])
    assert (under.name, list(under.y), list(under.text)) == ("Tự chấm thấp hơn",
                                                             ["Sở Nội vụ Hà Giang"], ["-0,50"])
    assert list(fig.layout.yaxis.categoryarray) == ["Sở Nội vụ Cao Bằng", "Sở Nội vụ Lạng Sơn", "Sở Nội vụ Hà Giang"]
    low, high = fig.layout.xaxis.range
    assert low < -0.5 and high > 4.5


def test_ranking_bars_start_at_zero_so_their_lengths_compare_like_the_totals():
    fig = charts.cluster_ranking_bar(RANKING_FRAME, cluster=BORDER.name, year=2022)
    assert fig.layout.xaxis.range[0] == 0 and fig.layout.xaxis.range[1] > RANKING_FRAME.total.max()
