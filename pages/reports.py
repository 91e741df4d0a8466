"""Xuất báo cáo: a PowerPoint deck (or the same pages as one PDF) for a province, a cluster or the
whole country in one year, previewed slide by slide and built on click."""
from datetime import date
from functools import partial

import streamlit as st

from pages.shared import current_database, no_par_data, results, show_figure, vietnamese_order
from thidua import reports
from thidua.db import database

SCOPES = {"Tỉnh, thành phố": "province", "Cụm thi đua": "cluster", "Cả nước": "year"}
DECK_FILES = {"pptx": ("Tải bộ trình chiếu (PPTX)",
                       "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
              "pdf": ("Tải bản PDF", "application/pdf")}


@st.cache_data(show_spinner=False, max_entries=16)
def deck_file(path: str, version: str, params: tuple, fmt: str, today: date) -> bytes:
    """The deck of a scope as of one data version and day, built once for every session."""
    deck = reports.plan_deck(database(path).query, dict(params), today)
    return deck.pptx() if fmt == "pptx" else deck.pdf()


st.title("Xuất báo cáo")
st.caption("Chọn phạm vi và năm, xem trước từng trang, rồi tải bộ trình chiếu PowerPoint 16:9 hoặc bản PDF: "
           "trang bìa, mỗi biểu đồ một trang kèm một câu nhận định tính từ số liệu; các con số chi tiết nằm "
           "trong ghi chú của người trình bày.")
query = results()
years = reports.par_years(query)
if not years:
    no_par_data()
    st.stop()

filters = st.columns([3, 1, 3])
scope = SCOPES[filters[0].radio("Phạm vi", list(SCOPES), key="pham_vi", bind="query-params", horizontal=True)]
params: dict[str, object] = {}
if scope == "cluster":
    clusters = query("clusters")
    ids = dict(zip(clusters.name, clusters.cluster_id))  # the URL names a cluster by its name
    cluster = ids.get(filters[2].selectbox("Cụm thi đua", list(ids), key="cum", bind="query-params"))
    scored = reports.scored_years(query, cluster) if cluster else []
    params["cluster"] = cluster
    params["year"] = filters[1].selectbox("Năm", scored or years, key="nam", bind="query-params")
else:
    params["year"] = filters[1].selectbox("Năm", years, key="nam", bind="query-params")
if scope == "province":
    ranked = vietnamese_order(query("par_ranking", year=params["year"]).province)
    params["province"] = filters[2].selectbox("Tỉnh, thành phố", ranked, key="tinh", bind="query-params")

try:
    deck = reports.plan_deck(query, params)
except reports.ReportError as reason:
    st.info(str(reason))
    st.stop()

st.subheader(deck.title)
st.caption(deck.subtitle.replace("\n", " · "))
chosen = tuple(sorted(params.items()))
today = date.today()
with st.container(horizontal=True):
    for fmt, (label, mime) in DECK_FILES.items():
        st.download_button(label, data=partial(deck_file, str(current_database().path), query.version, chosen, fmt,
                                               today),
                           file_name=f"{reports.file_stem(deck.title)}.{fmt}", mime=mime, on_click="ignore",
                           type="primary" if fmt == "pptx" else "secondary", key=f"bao-cao-{fmt}")

for number, chart in enumerate(deck.charts, start=2):
    st.markdown(f"**Trang {number}. {chart.title}**")
    st.text(chart.takeaway)  # names from uploaded files: shown as text, never as Markdown
    with st.expander("Biểu đồ và ghi chú"):
        show_figure(chart.figure, source=chart.provenance.source, updated=chart.provenance.updated)
        st.text(chart.notes)
