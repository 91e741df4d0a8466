"""Xuất báo cáo: a PowerPoint deck (or the same pages as one PDF) for a province, a cluster or the
whole country in one year, previewed slide by slide and built on click. The deck is planned once per
data version, scope and day for every session; a slide's figure is shown only when its preview is opened."""
from datetime import date
from functools import partial

import streamlit as st

from pages.shared import Results, no_par_data, results, show_figure, vietnamese_order
from thidua import reports
from thidua.untrusted import markdown_literal

SCOPES = {"Tỉnh, thành phố": "province", "Cụm thi đua": "cluster", "Cả nước": "year"}
DECK_FILES = {"pptx": ("Tải bộ trình chiếu (PPTX)",
                       "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
              "pdf": ("Tải bản PDF", "application/pdf")}


@st.cache_resource(show_spinner="Đang lập báo cáo…", max_entries=16)
def planned_deck(_query: Results, path: str, version: str, params: tuple, today: date) -> reports.Deck:
    """The deck of a scope as of one data version (of the database at path) and day, read through
    _query's named results; shared by every session: nothing may change it."""
    return reports.plan_deck(_query, dict(params), today)


@st.cache_data(show_spinner=False, max_entries=16)
def deck_file(_query: Results, path: str, version: str, params: tuple, fmt: str, today: date) -> bytes:
    """The file of the deck the page previews."""
    deck = planned_deck(_query, path, version, params, today)
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

chosen = tuple(sorted(params.items()))
today = date.today()
try:
    deck = planned_deck(query, query.path, query.version, chosen, today)
except reports.ReportError as reason:
    st.info(markdown_literal(reason))
    st.stop()

st.subheader(markdown_literal(deck.title))
st.caption(deck.subtitle.replace("\n", " · "))
with st.container(horizontal=True):
    for fmt, (label, mime) in DECK_FILES.items():
        st.download_button(label, data=partial(deck_file, query, query.path, query.version, chosen, fmt, today),
                           file_name=f"{reports.file_stem(deck.title)}.{fmt}", mime=mime, on_click="ignore",
                           type="primary" if fmt == "pptx" else "secondary", key=f"bao-cao-{fmt}")

for number, chart in enumerate(deck.charts, start=2):
    st.markdown(f"**Trang {number}. {markdown_literal(chart.title)}**")
    st.text(chart.takeaway)  # names from uploaded files: shown as text, never as Markdown
    with st.expander("Biểu đồ và ghi chú", key=f"xem-trang-{number}", on_change="rerun") as preview:
        if preview.open:
            show_figure(chart.view, source=chart.provenance.source, updated=chart.provenance.updated)
            st.text(chart.notes)
