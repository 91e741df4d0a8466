"""Every page through Streamlit's AppTest: runs cleanly, shows the expected numbers, reads its
filters from the URL."""
import json

import pytest
from streamlit.testing.v1 import AppTest

from conftest import (APP, OVERVIEW, open_page, FALLER, FALLER_FROM, FALLER_TO, OLD_NAMES, RISER, RISER_FROM, RISER_TO, par_result,
                      ranking_2021, write_year)
from pages.shared import data_preparation, warm_results
from thidua.demo import DEMO_UPLOADER
from thidua.provinces import registry

COMPARE, CHANGES = "pages/compare_provinces.py", "pages/rank_changes.py"


def figures(app: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]


def title(figure: dict) -> str:
    return figure["layout"]["title"]["text"].replace("<br>", " ")  # a long title wraps


def table(app: AppTest, index: int = 0):
    return app.dataframe[index].value


def infos(app: AppTest) -> str:
    return " ".join(info.value for info in app.info)


def test_overview_shows_the_latest_year_at_a_glance(par_db):
    app = open_page(OVERVIEW)
    metrics = {metric.label: metric for metric in app.metric}
    assert metrics["Trung bình cả nước"].value == "87,88%"  # 34 scores from 92,00 down by 0,25
    assert metrics["Dẫn đầu"].value == "Hà Nội"
    assert metrics["Số tỉnh đạt loại A"].value == "9/34"
    [chart] = figures(app)
    assert title(chart) == "Chỉ số CCHC (PAR Index) năm 2025: xếp hạng 34 tỉnh, thành phố"
    assert "Dữ liệu minh họa" not in infos(app)


def test_first_run_on_an_empty_database_loads_the_demo_and_says_it_is_illustrative(empty_db):
    app = open_page(OVERVIEW)
    assert "Đang chuẩn bị dữ liệu" in infos(app) and not figures(app)  # the demo loads in the background
    assert data_preparation(str(empty_db.path)).wait(timeout=120)
    app.run()
    assert "Dữ liệu minh họa" in infos(app)
    assert title(figures(app)[0]).startswith("Chỉ số CCHC (PAR Index) năm 2024")
    assert set(empty_db.query("uploads").uploaded_by) == {DEMO_UPLOADER}


def test_compare_reads_year_province_and_region_from_the_url(par_db):
    region = registry().resolve(RISER).region
    in_region = sum(p.region == region for p in registry().provinces)
    app = open_page(COMPARE, nam="2020", tinh=RISER, vung=region)
    assert [box.value for box in app.selectbox] == [2020, RISER, region]
    [chart] = figures(app)  # 2020 has no component scores: no heatmap
    assert title(chart) == f"Chỉ số CCHC (PAR Index) năm 2020: {in_region} tỉnh, thành phố vùng {region}"
    highlighted = [trace for trace in chart["data"] if trace["name"] == RISER]
    assert highlighted and highlighted[0]["y"] == [f"<b>{RISER_FROM}. {RISER}</b>"]
    assert any(trace["name"] == f"Cùng vùng {region}" for trace in chart["data"])
    rows = table(app)
    assert set(rows["Vùng"]) == {region} and len(rows) == in_region
    assert rows.loc[rows["Tỉnh, thành phố"] == RISER, "Xếp hạng"].item() == RISER_FROM
    assert {metric.label: metric.value for metric in app.metric}["Xếp hạng"] == f"{RISER_FROM}/63"


def test_compare_table_speaks_vietnamese_and_components_show_as_a_heatmap(par_db):
    app = open_page(COMPARE, nam="2021")
    rows = table(app)
    assert list(rows.columns) == ["Xếp hạng", "Tỉnh, thành phố", "Vùng", "Chỉ số (%)", "Xếp loại",
                                  "So với TB cả nước"]
    assert rows.iloc[0]["Chỉ số (%)"] == "91,04" and rows.iloc[0]["Xếp loại"] == "A"
    assert len(rows) == 63
    bars, heatmap = figures(app)
    assert heatmap["data"][0]["type"] == "heatmap" and title(heatmap) == "Điểm thành phần Chỉ số CCHC năm 2021"
    assert len(heatmap["data"][0]["y"]) == 63


def test_rank_changes_lists_risers_and_fallers_in_the_users_words(par_db):
    app = open_page(CHANGES, tu_nam="2020", den_nam="2021")
    risers, fallers = table(app, 0), table(app, 1)
    assert risers.iloc[0]["Tỉnh, thành phố"] == RISER and risers.iloc[0]["Biến động"] == "tăng 13 bậc"
    assert (risers.iloc[0]["Hạng 2020"], risers.iloc[0]["Hạng 2021"]) == (RISER_FROM, RISER_TO)
    assert fallers.iloc[0]["Tỉnh, thành phố"] == FALLER and fallers.iloc[0]["Biến động"] == "giảm 7 bậc"
    assert (fallers.iloc[0]["Hạng 2020"], fallers.iloc[0]["Hạng 2021"]) == (FALLER_FROM, FALLER_TO)
    assert "1/7/2025" not in infos(app)
    assert not [c for c in app.caption if "Phương pháp" in c.value]  # 2020 and 2021 share the 2020 method
    slope, bump = figures(app)
    assert title(slope) == "Biến động xếp hạng Chỉ số CCHC: năm 2020 → năm 2021"
    assert f"{RISER} (tăng 13 bậc)" in [a["text"] for a in slope["layout"]["annotations"]]
    assert RISER in {trace["name"] for trace in bump["data"]}  # nobody chosen: the top risers


def test_the_risers_table_says_which_cell_each_new_rank_was_read_from(demo_db):
    app = open_page(CHANGES, tu_nam="2023", den_nam="2024")
    assert app.checkbox[0].label == "Hiện nguồn"
    app.checkbox[0].check().run()
    sources = table(app, 0)["Nguồn"]
    assert sources.str.match(r"Nguồn: tệp «.*2024.*», trang «.+», ô [A-Z]+\d+").all()


def test_rank_changes_across_the_merger_use_the_new_provinces_and_say_so(par_db):
    app = open_page(CHANGES)  # default: the two latest years, 2021 and 2025
    assert [box.value for box in app.selectbox] == [2021, 2025]
    assert "1/7/2025" in infos(app) and "63 → 34" in infos(app)
    assert any("Phương pháp đánh giá Chỉ số CCHC đổi năm 2022" in c.value for c in app.caption)
    slope = figures(app)[0]
    assert "34 tỉnh, thành phố sau sáp nhập" in slope["layout"]["title"]["subtitle"]["text"]
    compared = set(table(app, 0)["Tỉnh, thành phố"]) | set(table(app, 1)["Tỉnh, thành phố"])
    assert compared <= {p.new_province for p in registry().provinces}
    assert "Hà Giang" not in compared  # merged into Tuyên Quang


def test_chosen_provinces_come_from_the_url_and_drive_the_bump_chart(par_db):
    app = open_page(CHANGES, tu_nam="2020", den_nam="2021", tinh=[FALLER, RISER])
    assert app.multiselect[0].value == [FALLER, RISER]
    bump = figures(app)[1]
    assert {trace["name"] for trace in bump["data"]} == {FALLER, RISER}
    slope = figures(app)[0]
    chosen_colour = next(t["line"]["color"] for t in slope["data"] if t["name"] == "Tỉnh được chọn")
    assert {a["text"] for a in slope["layout"]["annotations"] if a["font"]["color"] == chosen_colour} == {
        f"{FALLER} (giảm 7 bậc)", f"{RISER} (tăng 13 bậc)"}


def test_a_backwards_period_is_explained_not_drawn(par_db):
    app = open_page(CHANGES, tu_nam="2021", den_nam="2020")
    assert "phải sau năm gốc" in app.warning[0].value
    assert not figures(app)


@pytest.mark.parametrize("page", [COMPARE, CHANGES])
def test_every_filter_is_in_the_url_defaults_included(par_db, page):
    app = open_page(page)
    chosen = {box.key: str(box.value) for box in app.selectbox if box.value is not None}
    assert len(chosen) >= 2 and {key: app.query_params[key] for key in chosen} == chosen
    assert all(box.proto.query_param_key == box.key for box in app.multiselect)  # several provinces: bound


def test_a_new_upload_shows_at_once(par_db):
    app = open_page(COMPARE, nam="2021")
    assert table(app).iloc[0]["Chỉ số (%)"] == "91,04"
    write_year(par_db, par_result(2021, ranking_2021(), 95.5, file_name="PAR 2021 corrected.xlsx"))
    app.run()
    assert table(app).iloc[0]["Chỉ số (%)"] == "95,50"


def test_the_demo_note_names_only_the_years_whose_figures_are_illustrative(par_db):
    write_year(par_db, par_result(2019, OLD_NAMES, 88.0, file_name="demo 2019.xlsx"), uploaded_by=DEMO_UPLOADER)
    assert "Dữ liệu minh họa" in infos(open_page(COMPARE, nam="2019"))
    assert "Dữ liệu minh họa" not in infos(open_page(COMPARE, nam="2021"))


def test_a_rerun_shows_the_same_figure_without_drawing_it_again(par_db, monkeypatch):
    import thidua.views

    drawn = []
    real = thidua.views.view

    def counting(*args, **kwargs):
        drawn.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(thidua.views, "view", counting)
    app = open_page(OVERVIEW)
    first = figures(app)
    app.run()
    assert figures(app) == first and len(drawn) == 1
    write_year(par_db, par_result(2026, [p.name for p in registry().expected(2026)], 93.00))
    app.run()  # the year in the link stays: a shared link keeps showing what it showed
    assert title(figures(app)[0]).startswith("Chỉ số CCHC (PAR Index) năm 2025") and "2026" in app.selectbox[0].options
    app.selectbox(key="nam").set_value(2026).run()
    assert title(figures(app)[0]).startswith("Chỉ số CCHC (PAR Index) năm 2026")
    assert len(drawn) == 3  # once for each data version the 2025 chart was shown in, once for 2026


def test_a_reused_figure_follows_every_filter_that_chose_its_rows(par_db):
    app = open_page(COMPARE, nam="2021")
    assert title(figures(app)[0]).startswith("Chỉ số CCHC (PAR Index) năm 2021")
    app.selectbox(key="vung").set_value("Đồng bằng sông Hồng").run()
    assert "vùng Đồng bằng sông Hồng" in title(figures(app)[0])
    app.selectbox(key="nam").set_value(2020).run()
    assert title(figures(app)[0]).startswith("Chỉ số CCHC (PAR Index) năm 2020")
    assert "vùng Đồng bằng sông Hồng" in title(figures(app)[0])


def test_a_database_held_by_another_program_gives_a_message_and_a_retry_not_a_traceback(par_db):
    import subprocess
    import sys
    holder = subprocess.Popen([sys.executable, "-c", f"import duckdb, time; c = duckdb.connect({str(par_db.path)!r}); "
                               "print('held', flush=True); time.sleep(60)"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        app = AppTest.from_file(str(APP), default_timeout=120).run()
        assert not app.exception
        assert "đang được một chương trình khác sử dụng" in app.warning[0].value
        assert str(par_db.path.parent) not in app.warning[0].value
    finally:
        holder.kill()
        holder.wait()
    app.button(key="thu_lai_csdl").click().run()
    assert not app.exception and not app.warning and app.get("plotly_chart")


def test_once_the_server_has_warmed_the_shared_caches_a_new_session_reads_only_the_data_version(par_db):
    from bench.app_pages import recorded_queries

    warm_results(str(par_db.path))
    with recorded_queries() as asked:
        app = open_page(OVERVIEW)
    assert figures(app)
    assert {name for name, _ in asked} == {"data_version"}
