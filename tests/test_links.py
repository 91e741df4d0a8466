"""Links that say what they show: every filter in the address bar, defaults included; a link value that
matches nothing is named in a Vietnamese notice with what is shown instead; a province typed without
diacritics is found through the registry."""
from __future__ import annotations

import json

from conftest import OVERVIEW, open_page
from thidua.provinces import MERGER_YEAR, registry, strip_diacritics

COMPARE, PROFILE, SCORING, CLUSTERS = ("pages/compare_provinces.py", "pages/province_profile.py",
                                       "pages/scoring_results.py", "pages/clusters.py")


def warnings(app) -> str:
    return "\n".join(warning.value for warning in app.warning)


def chart_titles(app) -> list[str]:
    return [json.loads(chart.proto.spec)["layout"]["title"]["text"].replace("<br>", " ")
            for chart in app.get("plotly_chart")]


def test_the_defaults_are_written_into_the_link(par_db):
    app = open_page(COMPARE)
    assert app.query_params["nam"] == str(MERGER_YEAR) and app.query_params["vung"] == "Cả nước"
    assert "tinh" not in app.query_params  # no province chosen: nothing to write
    app.selectbox(key="nam").set_value(2020).run()
    assert app.query_params["nam"] == "2020"


def test_a_province_typed_without_diacritics_is_found(par_db):
    app = open_page(COMPARE, nam="2021", tinh="lang son")
    assert app.selectbox(key="tinh").value == "Lạng Sơn" and not warnings(app)
    assert app.query_params["tinh"] == "Lạng Sơn"
    profile = open_page(PROFILE, tinh="LANG SON")
    assert profile.selectbox(key="tinh").value == "Lạng Sơn" and not warnings(profile)


def test_after_the_merger_a_link_to_an_old_province_shows_the_province_it_became(par_db):
    app = open_page(COMPARE, nam=str(MERGER_YEAR), tinh="lang son")
    assert app.selectbox(key="tinh").value == registry().resolve("Lạng Sơn").new_province


def test_a_year_not_loaded_is_named_with_the_year_shown_instead(par_db):
    app = open_page(COMPARE, nam="2030")
    assert "«2030»" in warnings(app) and f"đang hiển thị {MERGER_YEAR}" in warnings(app)
    assert app.selectbox(key="nam").value == MERGER_YEAR and app.query_params["nam"] == str(MERGER_YEAR)


def test_an_unknown_province_is_named_and_none_is_highlighted(par_db):
    app = open_page(COMPARE, nam="2021", tinh="Xứ Đông")
    assert "«Xứ Đông»" in warnings(app) and "chưa chọn" in warnings(app)
    assert app.selectbox(key="tinh").value is None


def test_an_unknown_cluster_is_named_and_a_home_affairs_cluster_shown(demo_db):
    app = open_page(SCORING, cum="cum khong co that")
    shown = app.selectbox(key="cum").value
    assert "«cum khong co that»" in warnings(app) and shown in warnings(app) and "Sở Nội vụ" in shown
    clusters = open_page(CLUSTERS)
    assert "Sở Nội vụ" in clusters.selectbox(key="cum").value and clusters.query_params["cum"]


def test_a_cluster_named_without_diacritics_is_found(demo_db):
    wanted = open_page(SCORING).selectbox(key="cum").options[-1]
    app = open_page(SCORING, cum=strip_diacritics(wanted).lower())
    assert app.selectbox(key="cum").value == wanted and not warnings(app)


def test_the_overview_has_a_year_filter_that_the_link_keeps(par_db):
    app = open_page(OVERVIEW)
    assert app.query_params["nam"] == str(MERGER_YEAR)
    assert chart_titles(app)[0].startswith(f"Chỉ số CCHC (PAR Index) năm {MERGER_YEAR}")
    earlier = open_page(OVERVIEW, nam="2020")
    assert chart_titles(earlier)[0].startswith("Chỉ số CCHC (PAR Index) năm 2020")
    assert "2019" not in " ".join(metric.value + str(metric.proto.delta) for metric in earlier.metric)
