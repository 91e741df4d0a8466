"""The house-style figures: right traces, highlight and peers, bands, average, Vietnamese text."""
import pandas as pd
import pytest

from thidua import charts
from thidua.formatting import frame_as_read, rank_change_phrase, vn_number, vn_percent, vn_signed, years_phrase
from thidua.provinces import registry

REGIONS = {p.name: p.region for p in registry().provinces}


def ranking(count: int = 63, top: float = 91.04) -> pd.DataFrame:
    names = [p.name for p in registry().provinces][:count]
    return pd.DataFrame({"province": names, "score": [round(top - 0.3 * i, 2) for i in range(count)],
                         "rank": range(1, count + 1), "region": [REGIONS[n] for n in names]})


def jumps() -> pd.DataFrame:
    frame = pd.DataFrame({"province": ["Lạng Sơn", "Lai Châu", "Hà Nội", "Cao Bằng", "Huế"],
                          "rank_from": [40, 20, 1, 3, 10], "rank_to": [27, 13, 1, 10, 9]})
    frame["change"] = frame.rank_from - frame.rank_to
    return frame


def trace_names(fig) -> list[str]:
    return [trace.name for trace in fig.data]


@pytest.mark.parametrize("value, decimals, shown", [
    (91.04, 2, "91,04"), (91.0, 2, "91,00"), (1234.5, 1, "1.234,5"), (-0.5, 2, "-0,50"), (None, 2, "–"),
    (float("nan"), 2, "–"), (7, 0, "7"),
])
def test_vn_number_uses_a_decimal_comma_and_dots_between_thousands(value, decimals, shown):
    assert vn_number(value, decimals) == shown


def test_percent_and_signed_differences():
    assert vn_percent(91.8) == "91,80%"
    assert vn_signed(1.254) == "+1,25"
    assert vn_signed(-0.5) == "-0,50"
    assert vn_signed(0.001) == "0,00"


def test_a_preview_shows_values_as_read_with_the_decimal_comma_and_a_dash_for_missing():
    read = pd.DataFrame({"Điểm": [92.5, None, 80.0], "Xếp hạng": pd.array([1, None, 3], dtype="Int64"),
                         "Tỉnh": ["Hà Nội", None, "Lạng Sơn"], "Tỷ lệ": [0.8125, -0.25, float("nan")],
                         "Đề nghị": [True, False, None]})
    shown = frame_as_read(read)
    assert shown.to_dict("list") == {"Điểm": ["92,5", "–", "80"], "Xếp hạng": ["1", "–", "3"],
                                     "Tỉnh": ["Hà Nội", "–", "Lạng Sơn"], "Tỷ lệ": ["0,8125", "-0,25", "–"],
                                     "Đề nghị": ["có", "không", "–"]}


@pytest.mark.parametrize("change, phrase", [(13, "tăng 13 bậc"), (-7, "giảm 7 bậc"), (0, "giữ nguyên"),
                                            (None, "–")])
def test_rank_changes_are_said_the_way_people_say_them(change, phrase):
    assert rank_change_phrase(change) == phrase


def test_years_are_listed_as_runs():
    assert years_phrase([2024, 2017, 2018, 2019, 2021, 2022, 2018]) == "2017–2019, 2021–2022, 2024"
    assert years_phrase([2020]) == "2020"


@pytest.mark.parametrize("score, band", [(90.0, "A"), (89.99, "B"), (80.0, "B"), (79.99, "C"), (70.0, "C"),
                                         (69.9, ""), (None, "")])
def test_bands_follow_the_thresholds(score, band):
    assert charts.par_band(score) == band


def test_ranking_highlights_the_province_and_its_peers_in_their_own_traces():
    frame = ranking()
    peers = {"Cùng vùng Trung du và miền núi phía Bắc": {"Hà Giang", "Cao Bằng"}}
    fig = charts.par_ranking_dots(frame, year=2021, highlight="Lạng Sơn", peers=peers, average=85.0)
    by_name = {trace.name: trace for trace in fig.data}
    assert set(by_name) == {"Các tỉnh, thành phố khác", *peers, "Lạng Sơn"}
    assert len(by_name["Lạng Sơn"].y) == 1 and "Lạng Sơn" in by_name["Lạng Sơn"].y[0]
    assert by_name["Lạng Sơn"].marker.color == charts.HIGHLIGHT_COLOR
    assert len(by_name["Cùng vùng Trung du và miền núi phía Bắc"].y) == 2
    assert sum(len(trace.y) for trace in fig.data) == 63


def test_ranking_orders_by_rank_with_the_best_on_top_and_labels_values_the_vietnamese_way():
    fig = charts.par_ranking_dots(ranking(), year=2021)
    assert list(fig.layout.yaxis.categoryarray[:2]) == ["1. Hà Nội", "2. Hà Giang"]
    assert fig.layout.yaxis.range[0] > fig.layout.yaxis.range[1]  # the first category at the top
    assert fig.data[0].text[0] == "91,04"
    assert fig.layout.separators == ",."
    assert fig.layout.title.text == "Chỉ số CCHC (PAR Index) năm 2021: xếp hạng 63 tỉnh, thành phố"
    assert "Noto Sans" in fig.layout.font.family


def test_ranking_draws_the_bands_and_the_national_average():
    fig = charts.par_ranking_dots(ranking(), year=2021, average=81.77)
    band_labels = [a.text for a in fig.layout.annotations if a.text.startswith("Loại")]
    assert band_labels == ["Loại A (≥ 90%)", "Loại B (80–<90%)", "Loại C (70–<80%)"]
    rectangles = [(s.x0, s.x1) for s in fig.layout.shapes if s.type == "rect"]
    assert (80, 90) in rectangles and (70, 80) in rectangles and any(x0 == 90 for x0, _ in rectangles)
    assert any(a.text == "TB cả nước: 81,77" for a in fig.layout.annotations)
    assert any(s.type == "line" and s.x0 == 81.77 for s in fig.layout.shapes)
    assert fig.layout.title.subtitle.text == "Trung bình cả nước: 81,77%"


def test_the_ranking_is_a_dot_plot_so_an_axis_that_starts_at_70_does_not_shrink_a_score():
    fig = charts.par_ranking_dots(ranking(), year=2021)
    assert {trace.type for trace in fig.data} == {"scatter"} and all(trace.mode == "markers+text" for trace in fig.data)


def test_a_slide_names_every_province_in_columns_that_fit_1280_by_720():
    fig = charts.par_ranking_dots(ranking(), year=2021, average=81.77, highlight="Lạng Sơn", size="slide")
    assert fig.layout.height <= charts.SLIDE_HEIGHT
    named = [label for trace in fig.data for label in trace.y]
    assert len(named) == 63 and len(set(named)) == 63
    columns = [key for key in fig.layout.to_plotly_json() if key.startswith("xaxis")]
    assert len(columns) >= 2
    rows = max(len(fig.layout[key.replace("xaxis", "yaxis")].categoryarray) for key in columns)
    plot_height = fig.layout.height - fig.layout.margin.t - fig.layout.margin.b - charts.SLIDE_SOURCE_BAND
    assert plot_height / rows >= charts.RANKING_ROW["slide"][1]  # a line of the names' type per row, at least


@pytest.mark.parametrize("lowest, axis_start", [(76.11, 70), (70.0, 65), (70.5, 65), (64.2, 60)])
def test_the_score_axis_starts_below_the_lowest_bar_and_shows_band_c(lowest, axis_start):
    frame = ranking(3)
    frame.loc[2, "score"] = lowest
    assert charts.par_ranking_dots(frame, year=2021).layout.xaxis.range[0] == axis_start


def test_ranking_on_the_page_is_tall_enough_for_63_readable_rows():
    assert charts.par_ranking_dots(ranking(), year=2021).layout.height >= 63 * 20


def test_slope_names_the_biggest_movers_in_words_and_greys_the_rest():
    fig = charts.rank_slope(jumps(), 2020, 2021, label_count=1)
    assert {a.text for a in fig.layout.annotations} == {"Lạng Sơn (tăng 13 bậc)", "Cao Bằng (giảm 7 bậc)"}
    assert set(trace_names(fig)) == {"Các tỉnh, thành phố khác", "Tăng hạng nhiều nhất", "Giảm hạng nhiều nhất"}
    assert list(fig.layout.xaxis.ticktext) == ["Năm 2020", "Năm 2021"]
    assert fig.layout.yaxis.range[0] > fig.layout.yaxis.range[1]  # rank 1 at the top
    assert fig.layout.title.text == "Biến động xếp hạng Chỉ số CCHC: năm 2020 → năm 2021"


def test_slope_draws_chosen_provinces_last_so_they_are_on_top():
    fig = charts.rank_slope(jumps(), 2020, 2021, highlight=["Hà Nội"], label_count=1)
    assert fig.data[-1].name == "Tỉnh được chọn" and list(fig.data[-1].y) == [1, 1]
    assert "Hà Nội (giữ nguyên)" in {a.text for a in fig.layout.annotations}


def test_slope_labels_of_neighbouring_ranks_do_not_overlap():
    close = pd.DataFrame({"province": ["A", "B", "C"], "rank_from": [30, 31, 32], "rank_to": [4, 5, 5]})
    close["change"] = close.rank_from - close.rank_to
    fig = charts.rank_slope(close, 2020, 2021)
    positions = sorted(a.y for a in fig.layout.annotations)
    assert positions[0] == 4 and all(b - a >= charts.SLOPE_LABEL_GAP for a, b in zip(positions, positions[1:]))


def test_bump_has_a_line_per_chosen_province_and_marks_the_merger():
    history = pd.DataFrame({"year": [2023, 2024, 2025] * 2, "province": ["Hà Nội"] * 3 + ["Huế"] * 3,
                            "rank": [5, 3, 1, 20, 18, 9]})
    fig = charts.rank_bump(history, ["Huế", "Hà Nội"])
    assert sorted(trace_names(fig)) == ["Huế", "Hà Nội"]
    assert list(fig.data[0].x) == [2023, 2024, 2025]
    assert any("Sáp nhập" in a.text for a in fig.layout.annotations)
    assert charts.rank_bump(history[history.year < 2025], ["Hà Nội"]).layout.annotations == ()


def test_heatmap_keeps_the_given_order_and_shows_raw_scores_with_decimal_commas():
    components = pd.DataFrame({"province": ["A", "A", "B", "B"], "component": ["X", "Y", "X", "Y"],
                               "score": [9.5, 20.25, 7.0, 25.0]})
    fig = charts.component_heatmap(components, year=2022, order=["B", "A"])
    heat = fig.data[0]
    assert list(heat.y) == ["B", "A"] and list(heat.x) == ["X", "Y"]
    assert heat.text[0] == ["7,00", "25,00"] and heat.text[1] == ["9,50", "20,25"]
    assert fig.layout.title.text == "Điểm thành phần Chỉ số CCHC năm 2022"
    # Colour is relative within each component, so a 25-point area does not drown a 10-point one.
    assert [list(row) for row in heat.z] == [[0.0, 1.0], [1.0, 0.0]]


def test_figures_render_to_svg_with_their_vietnamese_title(tmp_path):
    pytest.importorskip("kaleido")
    svg = charts.par_ranking_dots(ranking(10), year=2021, highlight="Hà Nội").to_image(format="svg").decode()
    assert "Chỉ số CCHC (PAR Index) năm 2021" in svg and "91,04" in svg


def test_long_component_names_wrap_and_the_top_margin_makes_room_for_them():
    long_name = "Tác động của CCHC đến người dân, tổ chức và phát triển KT-XH"
    components = pd.DataFrame({"province": ["A", "A"], "component": ["X", long_name], "score": [1.0, 2.0]})
    fig = charts.component_heatmap(components, year=2022)
    lines = fig.data[0].x[1].split("<br>")
    assert len(lines) > 3 and all(len(line) <= charts.HEATMAP_LABEL_CHARS for line in lines)
    short = charts.component_heatmap(components.iloc[:1], year=2022)
    assert fig.layout.margin.t > short.layout.margin.t


def test_a_phone_labels_a_long_score_line_only_at_its_ends_and_extremes_so_labels_do_not_collide():
    years = list(range(2017, 2025))
    scores = [77.83, 79.91, 79.92, 82.05, 86.5, 80.68, 83.16, 85.76]
    frame = pd.DataFrame({"year": years, "score": scores, "national_median": 80.0, "region_median": 79.0,
                          "best": 92.0, "best_province": "Quảng Ninh"})
    on_page = charts.province_score_benchmarks(frame, "Lạng Sơn", "Trung du và miền núi phía Bắc")
    on_phone = charts.province_score_benchmarks(frame, "Lạng Sơn", "Trung du và miền núi phía Bắc", size="phone")
    assert list(on_page.data[-1].text) == [vn_number(score) for score in scores]
    assert [text for text in on_phone.data[-1].text if text] == ["77,83", "86,50", "85,76"]  # first (lowest), highest, last
    assert list(on_phone.data[-1].customdata) == [vn_number(score) for score in scores]  # every value on touch


def test_a_phone_says_a_provinces_rank_and_jump_in_a_few_characters():
    series = pd.DataFrame({"year": [2020, 2021, 2022], "province": "Lạng Sơn", "rank": [40, 27, 30], "provinces": 63,
                           "change": [None, 13, -3], "after_merger": False})
    on_page = charts.province_rank_history(series, "Lạng Sơn").data[0].text
    on_phone = charts.province_rank_history(series, "Lạng Sơn", size="phone").data[0].text
    assert on_page[1].startswith("<b>27</b>/63<br>") and "tăng 13 bậc" in on_page[1] and "giảm 3 bậc" in on_page[2]
    assert on_phone[0] == "<b>40</b>" and on_phone[1].startswith("<b>27</b><br>") and "▲13" in on_phone[1]
    assert "▼3" in on_phone[2] and "bậc" not in "".join(on_phone)
