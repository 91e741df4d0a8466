"""The pages «Cụm thi đua» and «Hồ sơ tỉnh»: cluster history (joins and leaves, rotation, leader's
own rank, the 2025 merger), the roster editor (checked like a file, recorded like an upload), one
province on one page; through AppTest on the demo database and on rosters of both shapes built here,
and in a real browser."""
from __future__ import annotations

import base64
import json
import re
from pathlib import Path
from urllib.parse import quote

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest
from test_browser import (CHART, CHART_WAIT_MS, CHROMIUM, app_url, browser, chart_text, page,  # noqa: F401 (fixtures)
                          screenshot, show_whole_page, wait_until_idle)
from test_scoring_reader import FLAG, north_summary
from workbook_builders import SheetSpec, write_workbook

from conftest import RISER, open_page
from thidua import charts
from thidua.auth import UPLOADER, VIEWER, Identity
from thidua.clusters import (JOINED, LEFT, MEMBER, leader_ranks, membership_changes, merger_effects,
                             merger_sentences, never_led, province_rank_history, year_end_rankings)
from thidua.db import Database
from thidua.formatting import rank_change_phrase
from thidua.ingest import ingest_file
from thidua.provinces import registry
from thidua.readers.problems import Refused
from thidua.readers.units import cluster_slug
from thidua.roster_editor import EDITOR_FILE_NAME, MEMBERS, ROLES, NoChange, describe, edited_reading, shown

CLUSTERS, PROFILE = "pages/clusters.py", "pages/province_profile.py"
BORDER = "Cụm thi đua Sở Nội vụ các tỉnh miền núi biên giới phía Bắc"
AGENCIES = "Cụm thi đua các cơ quan tham mưu tổng hợp tỉnh Lạng Sơn"
MIDLANDS = "Cụm thi đua Sở Nội vụ các tỉnh Trung du và miền núi phía Bắc"


# ---- fixtures and helpers -------------------------------------------------------------------------

def wide_roster(path: Path) -> Path:
    """One row per cluster and year, the cluster's name merged down over its years."""
    rows = [["DANH SÁCH CỤM TRƯỞNG, CỤM PHÓ CÁC CỤM THI ĐUA"], [],
            ["STT", "Cụm thi đua", "Năm", "Cụm trưởng", "Cụm phó"],
            [1, BORDER, 2021, "Sở Nội vụ tỉnh Cao Bằng", "SNV Lạng Sơn"],
            [2, None, 2022, "Lạng Sơn", "Lai Châu"],
            [3, None, 2023, "Sở Nội vụ Lai Châu", "Điện Biên"]]
    members = [["DANH SÁCH THÀNH VIÊN"], [], ["STT", "Cụm thi đua", "Năm", "Đơn vị"]]
    listed = {2021: ["Cao Bằng", "Lạng Sơn", "Lai Châu", "Điện Biên", "Hà Giang"],
              2022: ["Cao Bằng", "Lạng Sơn", "Lai Châu", "Điện Biên", "Hà Giang"],
              2023: ["Cao Bằng", "Lạng Sơn", "Lai Châu", "Điện Biên", "Sơn La"]}  # Sơn La joins, Hà Giang leaves
    for year, provinces in listed.items():
        members += [[len(members), BORDER, year, f"Sở Nội vụ {p}"] for p in provinces]
    return write_workbook(path, SheetSpec("Cum truong", rows, ["B4:B6"]), SheetSpec("Thanh vien", members))


def long_roster(path: Path) -> Path:
    """One row per unit and year with its role; members are the rows whose role is Thành viên."""
    roles = {2021: {"Sở Tài chính": "Cụm trưởng", "Sở Kế hoạch và Đầu tư": "Cụm phó", "Sở Tư pháp": "Thành viên"},
             2022: {"Sở Tư pháp": "Cụm trưởng", "Sở Nội vụ": "Cụm phó", "Sở Tài chính": "Thành viên",
                    "Sở Kế hoạch và Đầu tư": "Thành viên"}}
    rows = [["DANH SÁCH CỤM TRƯỞNG, CỤM PHÓ VÀ THÀNH VIÊN"], [], ["STT", "Cụm thi đua", "Năm", "Đơn vị", "Vai trò"]]
    for year, units in roles.items():
        rows += [[len(rows), AGENCIES, year, unit, role] for unit, role in units.items()]
    return write_workbook(path, SheetSpec("Danh sach", rows))


@pytest.fixture
def roster_db(tmp_path, monkeypatch) -> Database:
    """A wide roster (with a member list) and a long roster, and the border cluster's 2022 scoring."""
    path = tmp_path / "rosters.duckdb"
    monkeypatch.setenv("THIDUA_DB", str(path))
    db = Database(path)
    ingest_file(db, wide_roster(tmp_path / "cum truong.xlsx"))
    ingest_file(db, long_roster(tmp_path / "co quan tham muu.xlsx"))
    ingest_file(db, write_workbook(tmp_path / "tong_hop_2022.xlsx", north_summary()))
    return db


def figures(app: AppTest) -> dict[str, dict]:
    return {figure["layout"]["title"]["text"].replace("<br>", " "): figure
            for figure in (json.loads(chart.proto.spec) for chart in app.get("plotly_chart"))}


def cells(figure: dict) -> dict[tuple[str, str], str]:
    """A table-like heatmap's cell texts by (row label, column label), as read: line breaks and
    no-break spaces as spaces, bold kept as <b>, other markup dropped."""
    heatmap = next(trace for trace in figure["data"] if trace["type"] == "heatmap")
    return {(row, column): read(text) for row, texts in zip(heatmap["y"], heatmap["text"])
            for column, text in zip(heatmap["x"], texts)}


def read(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("<br>", " ").replace("</b> <b>", " ")
    return re.sub(r"</?(span|i)[^>]*>", "", text)


def numbers(array) -> list:
    """A figure's number array as plain numbers (plotly's JSON packs them as base64 typed arrays)."""
    if isinstance(array, dict):
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    return list(array)


def image_downloads(app: AppTest) -> int:
    """How many charts offer their PNG, SVG and PDF files."""
    labels = [button.proto.label for button in app.get("download_button")]
    assert sum(label.startswith("SVG") for label in labels) == sum(label.startswith("PDF") for label in labels)
    return sum(label.startswith("PNG") for label in labels)


def texts(app: AppTest, kind: str) -> str:
    return "\n".join(element.value for element in app.get(kind))


def table_with(app: AppTest, column: str) -> pd.DataFrame:
    return next(frame.value for frame in app.dataframe if column in frame.value.columns)


UPLOADER_IDENTITY = Identity("can.bo", UPLOADER, "password")


# ---- cluster history ------------------------------------------------------------------------------

def members_frame(listed: dict[int, list[str]]) -> pd.DataFrame:
    return pd.DataFrame([{"year": year, "unit": f"Sở Nội vụ {p}", "province": p}
                         for year, provinces in listed.items() for p in provinces])


def test_joins_and_leaves_are_marked_in_the_year_they_happen():
    members = members_frame({2020: ["Cao Bằng", "Hà Giang"], 2021: ["Cao Bằng", "Sơn La"],
                             2023: ["Cao Bằng", "Sơn La", "Hà Giang"]})
    changes = membership_changes(members)
    status = {(row.province, row.year): row.status for row in changes.itertuples()}
    assert status == {("Cao Bằng", 2020): MEMBER, ("Cao Bằng", 2021): MEMBER, ("Cao Bằng", 2023): MEMBER,
                      ("Hà Giang", 2020): MEMBER, ("Hà Giang", 2021): LEFT, ("Hà Giang", 2023): JOINED,
                      ("Sơn La", 2021): JOINED, ("Sơn La", 2023): MEMBER}


def test_rotation_finds_who_never_led_and_ranks_each_leader_in_its_own_year():
    members = members_frame({2021: ["Cao Bằng", "Lạng Sơn", "Hà Giang"], 2022: ["Cao Bằng", "Lạng Sơn", "Hà Giang"]})
    roles = pd.DataFrame({"year": [2021, 2021, 2022, 2022], "role": ["Cụm trưởng", "Cụm phó"] * 2,
                          "unit": [f"Sở Nội vụ {p}" for p in ("Cao Bằng", "Hà Giang", "Lạng Sơn", "Cao Bằng")],
                          "province": ["Cao Bằng", "Hà Giang", "Lạng Sơn", "Cao Bằng"]})
    not_yet = never_led(members, roles)
    assert list(not_yet.unit) == ["Sở Nội vụ Hà Giang"] and not_yet.deputy_years[0] == [2021]
    rankings = pd.DataFrame({"year": [2022, 2022, 2022], "rank": [2, 1, 3], "total": [97.0, 98.5, 90.0],
                             "units": 3, "unit": ["SNV tỉnh Lạng Sơn", "Sở Nội vụ Cao Bằng", "Sở Nội vụ Hà Giang"],
                             "province": ["Lạng Sơn", "Cao Bằng", "Hà Giang"],
                             "source_line": ["Nguồn: tệp «th.xlsx», trang «TH», ô H9", "", ""]})
    ranks = leader_ranks(roles.assign(source_file=["ds.xlsx"] * 4, source_sheet="DS", source_cell=["C5", "D5", "C6", "D6"]),
                         rankings)
    assert list(ranks.year) == [2021, 2022]
    assert pd.isna(ranks["rank"][0])  # 2021 was not scored
    assert (ranks["rank"][1], ranks.total[1]) == (2, 97.0)  # matched by province though spelt differently
    assert ranks.source_line[0] == "Cụm trưởng: Nguồn: tệp «ds.xlsx», trang «DS», ô C5"
    assert ranks.source_line[1] == ("Cụm trưởng: Nguồn: tệp «ds.xlsx», trang «DS», ô C6 · "
                               "tổng điểm: Nguồn: tệp «th.xlsx», trang «TH», ô H9")
    agencies = pd.DataFrame({"year": [2022], "role": ["Cụm trưởng"], "unit": ["VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH"],
                             "province": [None]})
    scored = pd.DataFrame({"year": [2022], "rank": [3], "total": [95.0], "units": 7, "unit": ["Văn phòng UBND tỉnh"],
                           "province": [None], "source_line": [""]})
    assert leader_ranks(agencies, scored)["rank"].tolist() == [3]


def test_every_year_end_ranking_of_a_cluster_comes_from_one_query_as_each_year_alone_would(demo_db):
    cluster = cluster_slug(BORDER)
    asked = []

    def query(name, **params):
        asked.append(name)
        return demo_db.query(name, **params)

    rankings = year_end_rankings(query, cluster)
    assert asked == ["cluster_ranking"]
    years = sorted(int(y) for y in demo_db.query("cluster_years", cluster=cluster).query("period == 'year'").year)
    assert sorted(set(rankings.year)) == years and len(years) > 1
    for year in years:
        alone = demo_db.query("cluster_ranking", cluster=cluster, year=year)
        own = rankings[rankings.year == year]
        assert list(own.unit) == list(alone.unit) and list(own["rank"]) == list(alone["rank"])
        assert list(own.total) == list(alone.total) and set(own.units) == {len(alone)}


def test_the_merger_is_told_per_new_province_with_outsiders_and_their_clusters():
    members = pd.concat([
        members_frame({2024: ["Hà Giang", "Tuyên Quang", "Lào Cai", "Lai Châu"]}).assign(cluster_id="a",
                                                                                        cluster="Cụm A"),
        members_frame({2024: ["Yên Bái", "Phú Thọ"]}).assign(cluster_id="b", cluster="Cụm B"),
    ])
    members["new_province"] = members.province.map({"Hà Giang": "Tuyên Quang", "Tuyên Quang": "Tuyên Quang",
                                                     "Lào Cai": "Lào Cai", "Yên Bái": "Lào Cai", "Lai Châu": "Lai Châu",
                                                     "Phú Thọ": "Phú Thọ"})
    sentences = merger_sentences(merger_effects(members, "a"))
    assert sentences == ["Tuyên Quang + Hà Giang → Tuyên Quang: 2 thành viên của cụm nay là một tỉnh.",
                         "Lào Cai + Yên Bái → Lào Cai; Yên Bái thuộc «Cụm B».",
                         "Giữ nguyên: Lai Châu."]


def test_a_provinces_rank_history_says_each_jump_and_breaks_at_the_merger():
    history = pd.DataFrame([
        {"year": 2023, "province": "Hà Giang", "rank": 20}, {"year": 2023, "province": "Tuyên Quang", "rank": 30},
        {"year": 2024, "province": "Hà Giang", "rank": 7}, {"year": 2024, "province": "Tuyên Quang", "rank": 31},
        {"year": 2025, "province": "Tuyên Quang", "rank": 5}, {"year": 2025, "province": "Hà Nội", "rank": 1},
    ]).assign(score=85.0, region="Trung du và miền núi phía Bắc", new_province=None)
    series = province_rank_history(history, "Hà Giang")
    assert list(series.year) == [2023, 2024, 2025]
    assert list(series.province) == ["Hà Giang", "Hà Giang", "Tuyên Quang"]  # it continues as the new province
    assert rank_change_phrase(series.change[1]) == "tăng 13 bậc"
    assert list(series.across_merger) == [False, False, True] and pd.isna(series.change[2])


# ---- charts ---------------------------------------------------------------------------------------

def test_the_timeline_names_leader_and_deputies_and_marks_a_deputy_who_moved_up():
    roles = pd.DataFrame({"cluster": BORDER, "year": [2021, 2021, 2022, 2022, 2022],
                          "role": ["Cụm trưởng", "Cụm phó", "Cụm trưởng", "Cụm phó", "Cụm phó"],
                          "unit": ["Sở Nội vụ Cao Bằng", "Sở Nội vụ Lạng Sơn", "Sở Nội vụ Lạng Sơn",
                                   "Sở Nội vụ Lai Châu", "Sở Nội vụ Điện Biên"],
                          "province": ["Cao Bằng", "Lạng Sơn", "Lạng Sơn", "Lai Châu", "Điện Biên"]})
    figure = charts.leader_timeline(roles, years=[2020, 2021, 2022])
    heatmap = figure.data[0]
    assert list(heatmap.x) == ["2020", "2021", "2022"]
    assert heatmap.z[0][0] is None  # no roster for 2020
    assert list(heatmap.z[0][1:]) == [0, 1]  # 2022: last year's deputy leads
    assert "<b>Lạng\u00a0Sơn</b>" in heatmap.text[0][2] and "Lai\u00a0Châu" in heatmap.text[0][2]
    assert "Điện\u00a0Biên" in heatmap.text[0][2]


def test_awards_are_ordered_by_the_ladder_and_proposals_are_marked():
    awards = pd.DataFrame({"year": [2022, 2022, 2021, 2022], "unit": ["B", "A", "C", "C"], "province": None,
                           "award": ["Giấy khen", FLAG, "Bằng khen của Thủ tướng Chính phủ", FLAG],
                           "level": [6, 2, 3, 2], "source": ["quyết định", "quyết định", "quyết định", "đề nghị"]})
    figure = charts.award_matrix(awards, cluster="Cụm X")
    heatmap = figure.data[0]
    assert list(heatmap.y) == ["A", "C", "B"]  # best decided award first: C's flag is only proposed
    table = {(row, column): text
             for row, texts in zip(heatmap.y, heatmap.text) for column, text in zip(heatmap.x, texts)}
    assert table["A", "2022"] == "Cờ thi đua" and "(đề nghị)" in table["C", "2022"]
    assert table["C", "2021"] == "BK Thủ tướng" and table["B", "2021"] == ""


# ---- the page «Cụm thi đua» ---------------------------------------------------------------------

def test_the_cluster_page_shows_the_timeline_members_awards_and_rotation_of_the_demo(demo_db):
    app = open_page(CLUSTERS, cum=BORDER)
    assert app.selectbox[0].value == BORDER
    shown_figures = figures(app)
    timeline = cells(shown_figures["Cụm trưởng, Cụm phó các Cụm thi đua qua các năm"])
    border_row = next(row for row, _ in timeline if "biên giới" in row)
    assert border_row.startswith("<b>")  # the chosen cluster stands out
    assert timeline[border_row, "2022"].startswith("<b>Lạng Sơn</b>")
    assert "phó: Lai Châu" in timeline[border_row, "2022"]
    agencies_row = next(row for row, _ in timeline if "tham mưu" in row)
    assert "Sở Tài chính" in timeline[agencies_row, "2021"]  # the long roster's cluster is there too

    members = cells(shown_figures[f"Thành viên {BORDER} qua các năm"])
    assert members["Hà Giang", "Từ 1/7/2025"] == "→ Tuyên Quang"
    assert members["Lai Châu", "Từ 1/7/2025"] == "giữ nguyên"
    assert members["Lạng Sơn", "2022"] == "<b>Trưởng</b>" and members["Lai Châu", "2022"] == "Phó"
    merger = texts(app, "info")
    assert "Tuyên Quang + Hà Giang → Tuyên Quang" in merger and "Lào Cai + Yên Bái → Lào Cai" in merger

    awards = cells(shown_figures[f"Khen thưởng {BORDER}"])
    assert awards["Lạng Sơn", "2022"] == "Cờ thi đua"
    assert {metric.label for metric in app.metric} >= {"Chưa từng làm Cụm trưởng", "Cụm trưởng năm 2024"}
    assert image_downloads(app) == len(shown_figures)


def test_the_demo_mark_names_which_of_the_clusters_figures_are_demo_year_by_year(demo_db, tmp_path):
    def cluster_note() -> str:
        return next(note for note in texts(open_page(CLUSTERS, cum=BORDER, tu_nam="2021", den_nam="2024"),
                                           "info").split("\n") if "của cụm này" in note)
    before = cluster_note()
    assert "danh sách Cụm trưởng, Cụm phó, thành viên, khen thưởng năm 2021–2024" in before
    assert "bảng chấm điểm năm 2021–2024" in before
    ingest_file(demo_db, write_workbook(tmp_path / "tong_hop_2022.xlsx", north_summary()), uploaded_by="chuyenvien")
    assert "bảng chấm điểm năm 2021, 2023–2024" in cluster_note()  # 2022's year-end is now the real one


def test_rosters_of_both_shapes_give_timeline_joins_leaves_and_the_leaders_own_rank(roster_db):
    app = open_page(CLUSTERS, cum=BORDER)
    shown_figures = figures(app)
    timeline = cells(shown_figures["Cụm trưởng, Cụm phó các Cụm thi đua qua các năm"])
    assert list(dict.fromkeys(column for _, column in timeline)) == ["2021", "2022", "2023"]
    agencies_row = next(row for row, _ in timeline if "tham mưu" in row)
    assert "Sở Tư pháp" in timeline[agencies_row, "2022"] and "phó: Sở Nội vụ" in timeline[agencies_row, "2022"]
    members = cells(shown_figures[f"Thành viên {BORDER} qua các năm"])
    assert members["Sơn La", "2023"] == "vào" and members["Hà Giang", "2023"] == "rời"
    leaders = table_with(app, "Xếp hạng cuối năm").set_index("Năm")
    assert leaders.loc[2022, "Xếp hạng cuối năm"] == "1/4"  # Lạng Sơn led in 2022 and topped the scoring
    assert leaders.loc[2021, "Xếp hạng cuối năm"] == "chưa có bảng điểm"
    never = table_with(app, "Từng làm Cụm phó")
    assert set(never["Đơn vị"]) == {"Sở Nội vụ Điện Biên", "Sở Nội vụ Hà Giang", "Sở Nội vụ Sơn La"}

    agencies = open_page(CLUSTERS, cum=AGENCIES)
    members = cells(figures(agencies)[f"Thành viên {AGENCIES} qua các năm"])
    assert members["Sở Nội vụ", "2022"] == "vào · Phó"  # listed in the long roster from 2022, as deputy


def test_the_year_filters_come_from_the_url_and_narrow_the_timeline(demo_db):
    app = open_page(CLUSTERS, cum=MIDLANDS, tu_nam="2021", den_nam="2022")
    assert [box.value for box in app.selectbox] == [MIDLANDS, 2021, 2022]
    timeline = cells(figures(app)["Cụm trưởng, Cụm phó các Cụm thi đua qua các năm"])
    assert {column for _, column in timeline} == {"2021", "2022"}


@pytest.mark.parametrize("page, keys", [(CLUSTERS, {"cum", "tu_nam", "den_nam"}),
                                        (PROFILE, {"tinh", "tu_nam", "den_nam"})])
def test_every_filter_is_in_the_url_defaults_included(demo_db, page, keys):
    app = open_page(page, tinh="Lạng Sơn")
    assert {box.key: str(box.value) for box in app.selectbox if box.key in keys} == {
        key: app.query_params[key] for key in keys}


# ---- the roster editor ----------------------------------------------------------------------------

def roles_editor(app: AppTest):
    return next(editor for editor in app.data_editor if editor.key.startswith("sua-roles-"))


def edit_and_save(app: AppTest, edited_rows: dict) -> AppTest:
    app.session_state[roles_editor(app).key] = {"edited_rows": edited_rows, "added_rows": [], "deleted_rows": []}
    app.button(key="luu-danh-sach-cum").click()
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def row_of(app: AppTest, year: int, role: str) -> int:
    table = roles_editor(app).value
    return int(table.index[(table["Năm"] == year) & (table["Vai trò"] == role)][0])


def test_the_editor_needs_the_uploader_role(demo_db):
    assert not open_page(CLUSTERS, cum=BORDER).data_editor
    viewer = open_page(CLUSTERS, identity=Identity("khach", VIEWER, "password"), cum=BORDER)
    assert not viewer.data_editor and "người nhập dữ liệu" in texts(viewer, "info")


def test_a_saved_edit_is_an_upload_in_the_history_and_shows_in_leader_history(demo_db):
    app = open_page(CLUSTERS, identity=UPLOADER_IDENTITY, cum=BORDER)
    before = demo_db.query("leader_history", cluster=cluster_slug(BORDER))
    uploads_before = len(demo_db.query("uploads"))
    app = edit_and_save(app, {row_of(app, 2022, "Cụm phó"): {"Đơn vị": "Sơn La"}})

    uploads = demo_db.query("uploads")
    assert len(uploads) == uploads_before + 1
    newest = uploads.iloc[0]
    assert (newest.file_name, newest.kind, newest.uploaded_by) == (EDITOR_FILE_NAME, "roster", "can.bo")
    assert newest.scope == f"«{BORDER}», 2022"  # only the year that changed
    after = demo_db.query("leader_history", cluster=cluster_slug(BORDER))
    deputies_2022 = after[(after.year == 2022) & (after.role == "Cụm phó")]
    assert list(deputies_2022.unit) == ["Sở Nội vụ Sơn La"]
    untouched = lambda frame: frame[frame.year != 2022][["year", "role", "unit"]].reset_index(drop=True)
    assert untouched(after).equals(untouched(before))
    assert "Đã lưu" in texts(app, "success") and f"«{BORDER}», 2022" in texts(app, "text")
    assert "Sơn La" in roles_editor(app).value.set_index(["Năm", "Vai trò"]).loc[(2022, "Cụm phó"), "Đơn vị"]


def test_an_edit_giving_a_year_two_leaders_is_refused_in_vietnamese_and_writes_nothing(demo_db):
    app = open_page(CLUSTERS, identity=UPLOADER_IDENTITY, cum=BORDER)
    uploads_before = len(demo_db.query("uploads"))
    deputy = row_of(app, 2022, "Cụm phó")
    app = edit_and_save(app, {deputy: {"Vai trò": "Cụm trưởng"}})
    assert "Không lưu được" in texts(app, "error")
    problems = texts(app, "text")
    assert "hai Cụm trưởng" in problems and f"Bảng «Cụm trưởng, Cụm phó», dòng {deputy + 1}" in problems
    assert len(demo_db.query("uploads")) == uploads_before
    leaders = demo_db.query("leader_history", cluster=cluster_slug(BORDER))
    assert list(leaders.unit[(leaders.year == 2022) & (leaders.role == "Cụm trưởng")]) == ["Sở Nội vụ Lạng Sơn"]


def test_saving_without_changes_writes_nothing(demo_db):
    app = open_page(CLUSTERS, identity=UPLOADER_IDENTITY, cum=BORDER)
    uploads_before = len(demo_db.query("uploads"))
    app.button(key="luu-danh-sach-cum").click()
    app.run()
    assert "Chưa có thay đổi" in texts(app, "info")
    assert len(demo_db.query("uploads")) == uploads_before


def test_edited_tables_are_checked_whole_but_only_changed_years_are_written(demo_db):
    roles = shown(ROLES, demo_db.query("leader_history", cluster=cluster_slug(BORDER)))
    members = shown(MEMBERS, demo_db.query("roster_members", cluster=cluster_slug(BORDER)))
    joined = pd.concat([members, pd.DataFrame({"Năm": [2024, None], "Đơn vị": ["Yên Bái", None]})],
                       ignore_index=True)  # a new member, and a blank row the editor left
    reading = edited_reading(BORDER, {"roles": (roles, roles), "members": (members, joined)}, "v1")
    assert reading.scope == f"«{BORDER}», 2024" and reading.result.roles.empty
    assert "Sở Nội vụ Yên Bái" in set(reading.result.members.unit)
    assert edited_reading(BORDER, {"members": (members, joined)}, "v2").digest != reading.digest
    with pytest.raises(NoChange):
        edited_reading(BORDER, {"roles": (roles, roles.copy())}, "v1")
    with pytest.raises(NoChange):  # a row added and left blank changes nothing
        edited_reading(BORDER, {"roles": (roles, pd.concat([roles, pd.DataFrame([{"Năm": None}])]))}, "v1")
    with pytest.raises(Refused) as emptied:
        edited_reading(BORDER, {"roles": (roles, roles[roles["Năm"] != 2020])}, "v1")
    assert describe(emptied.value.problems[0]).startswith("Bảng «Cụm trưởng, Cụm phó»: năm 2020 không còn dòng nào")
    unreadable = roles.copy()
    unreadable.loc[0, "Đơn vị"] = "Lạng Sơnn Thành"
    with pytest.raises(Refused) as refused:
        edited_reading(BORDER, {"roles": (roles, unreadable)}, "v1")
    assert describe(refused.value.problems[0]).startswith("Bảng «Cụm trưởng, Cụm phó», dòng 1, cột «Đơn vị»: ")


# ---- the page «Hồ sơ tỉnh» ------------------------------------------------------------------------

def test_the_profile_shows_ranks_with_jumps_benchmarks_clusters_and_the_merger(demo_db):
    app = open_page(PROFILE, tinh="Hà Giang")
    history = demo_db.query("par_history")
    own = history[history.province == "Hà Giang"].sort_values("year")
    jumps = [rank_change_phrase(c) for c in (own["rank"].shift() - own["rank"]).dropna()]
    shown_figures = figures(app)
    ranks = shown_figures["Hà Giang: xếp hạng Chỉ số CCHC qua các năm"]
    assert ranks["layout"]["yaxis"]["range"][0] > ranks["layout"]["yaxis"]["range"][1]  # 1 at the top
    labels = " ".join(ranks["data"][0]["text"])
    assert all(jump in labels for jump in jumps) and f"<b>{own['rank'].iloc[-1]}</b>/63" in labels
    benchmarks = shown_figures["Hà Giang: Chỉ số CCHC so với trung vị và tỉnh cao nhất"]
    assert [trace["name"] for trace in benchmarks["data"]] == [
        "Cao nhất cả nước", "Trung vị cả nước", "Trung vị vùng Trung du và miền núi phía Bắc", "Hà Giang"]
    national = history[history.year == 2024].score.median()
    assert numbers(benchmarks["data"][1]["y"])[-1] == pytest.approx(national)
    assert "Hà Giang hợp nhất với Tuyên Quang thành **Tuyên Quang** (mới)" in texts(app, "info")
    assert {metric.label: metric.value for metric in app.metric}["Xếp hạng năm 2024"] == f"{own['rank'].iloc[-1]}/63"
    clusters = table_with(app, "Cụm trưởng")
    assert clusters.set_index("Cụm thi đua").loc[BORDER, "Cụm trưởng"] == "2020"
    assert image_downloads(app) == len(shown_figures)


def test_the_profiles_par_table_says_where_each_years_score_was_read(demo_db):
    app = open_page(PROFILE, tinh="Lạng Sơn", tu_nam="2022", den_nam="2024")
    assert "Nguồn" not in table_with(app, "Biến động")
    next(box for box in app.checkbox if box.label == "Hiện nguồn").check().run()
    rows = table_with(app, "Biến động").set_index("Năm")
    history = demo_db.query("par_history").set_index(["province", "year"])
    for year in (2022, 2023, 2024):
        read = history.loc[("Lạng Sơn", year)]
        assert rows.loc[year, "Nguồn"].startswith(
            f"Nguồn: tệp «{read.source_file}», trang «{read.source_sheet}», ô {read.source_cell}, nhập ngày ")


def test_the_profile_reads_its_years_from_the_url(demo_db):
    app = open_page(PROFILE, tinh="Lạng Sơn", tu_nam="2020", den_nam="2022")
    ranks = figures(app)["Lạng Sơn: xếp hạng Chỉ số CCHC qua các năm"]
    assert numbers(ranks["data"][0]["x"]) == [2020, 2021, 2022]
    assert list(table_with(app, "Biến động")["Năm"]) == [2022, 2021, 2020]


def test_a_profile_across_the_merger_continues_as_the_new_province(par_db):
    app = open_page(PROFILE, tinh=RISER)
    rows = table_with(app, "Biến động")
    assert rows.set_index("Năm").loc[2021, "Biến động"] == "tăng 13 bậc"
    assert rows.set_index("Năm").loc[2025, "Biến động"] == "không so được (63 → 34 tỉnh)"
    new_province = registry().by_name[RISER].new_province
    traces = {t["name"] for t in figures(app)[f"{RISER}: xếp hạng Chỉ số CCHC qua các năm"]["data"]}
    assert traces == {"Xếp hạng trong 63 tỉnh, thành phố",
                      f"{new_province} sau sáp nhập: xếp hạng trong 34 tỉnh, thành phố"}
    renamed = open_page(PROFILE, tinh="Huế")
    assert "Huế là tên từ năm 2025 của Thừa Thiên Huế" in texts(renamed, "info")


def test_the_profile_shows_scoring_ranks_and_awards_in_its_clusters(roster_db):
    app = open_page(PROFILE, tinh="Lạng Sơn")
    assert "Chưa có số liệu Chỉ số CCHC" in texts(app, "info")  # no PAR data here: the rest still shows
    ranks = table_with(app, "Tổng điểm")
    assert ranks.iloc[0][["Năm", "Cụm thi đua", "Xếp hạng"]].tolist() == [2022, BORDER, "1/4"]
    awards = table_with(app, "Hình thức khen thưởng")
    assert awards.iloc[0][["Năm", "Hình thức khen thưởng", "Quyết định / đề nghị"]].tolist() == [2022, FLAG, "đề nghị"]
    roles = table_with(app, "Cụm trưởng").set_index("Cụm thi đua")
    assert (roles.loc[BORDER, "Cụm trưởng"], roles.loc[BORDER, "Cụm phó"]) == ("2022", "2021")


def test_the_profiles_scoring_and_award_tables_show_their_sources_when_asked(roster_db):
    app = open_page(PROFILE, tinh="Lạng Sơn")
    assert "Nguồn" not in table_with(app, "Tổng điểm")
    for box in app.checkbox:
        if box.label == "Hiện nguồn":
            box.check()
    app.run()
    ranks, awards = table_with(app, "Tổng điểm"), table_with(app, "Hình thức khen thưởng")
    assert ranks["Nguồn"].iloc[0].startswith("Nguồn: tệp «tong_hop_2022.xlsx», trang «") and ", ô H" in ranks["Nguồn"].iloc[0]
    assert awards["Nguồn"].iloc[0].startswith("Nguồn: tệp «")


def test_without_a_province_the_profile_asks_for_one(demo_db):
    app = open_page(PROFILE)
    assert app.selectbox[0].value is None and "Chọn một tỉnh" in texts(app, "info")
    assert not app.get("plotly_chart")


# ---- in a real browser ----------------------------------------------------------------------------

browser_test = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium at /usr/bin/chromium")


@browser_test
def test_both_pages_draw_in_a_browser(app_url, page):
    url, _ = app_url
    show_whole_page(page)
    page.goto(url)  # a fresh server's first session builds the demo data
    page.wait_for_selector(CHART, timeout=CHART_WAIT_MS)
    page.goto(f"{url}/cum-thi-dua?cum={quote(BORDER)}")
    page.wait_for_selector(CHART, timeout=CHART_WAIT_MS)
    wait_until_idle(page)
    screenshot(page, "cum-thi-dua")
    assert "Cụm trưởng, Cụm phó các Cụm thi đua qua các năm" in chart_text(page)
    assert "phó: Lai Châu" in chart_text(page).replace("\u00a0", " ")
    assert "→ Tuyên Quang" in chart_text(page, 1)

    page.goto(f"{url}/ho-so-tinh?tinh={quote('Lạng Sơn')}")
    page.wait_for_selector(CHART, timeout=CHART_WAIT_MS)
    wait_until_idle(page)
    screenshot(page, "ho-so-tinh")
    assert "Lạng Sơn: xếp hạng Chỉ số CCHC qua các năm" in chart_text(page)
    assert "bậc" in chart_text(page)
