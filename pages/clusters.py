"""Cụm thi đua: who led and deputised every cluster over the years; one cluster's members (and what
the 2025 province merger did to them), its awards on the award ladder, the rotation of its lead; and,
for those who may upload, its roster edited in place."""
import pandas as pd
import streamlit as st

from pages.access import current_identity, sign_in, signed_in_bar
from pages.shared import (Results, current_database, drawn, first_cluster, linked_choice, results, reused, show_figure,
                          show_table, vietnamese_order, words_matcher)
from thidua.clusters import (leader_ranks, membership_changes, merger_effects, merger_sentences, never_led,
                             unit_label, year_end_rankings)
from thidua.db import DatabaseBusy
from thidua.formatting import MISSING, vn_number, years_phrase
from thidua.ingest import write_upload
from thidua.provenance import source_lines
from thidua.provinces import MERGER_YEAR
from thidua.readers.problems import Refused
from thidua.readers.roster import DEPUTY, FIRST_YEAR, LEADER
from thidua.reports import illustrative_cluster_parts, illustrative_note
from thidua.roster_editor import (AWARDS, EDITOR_FILE_NAME, MEMBERS, ROLES, TABLES, NoChange, describe,
                                  edited_reading, shown)
from thidua.untrusted import markdown_literal

MERGER_COLUMN = "Từ 1/7/2025"
SAVED_MESSAGE = "roster_saved"  # session state: what the last editor save wrote, shown after the rerun


st.title("Cụm thi đua")
query = results()
clusters = query("clusters")
roles = query("leader_history")
members = query("cluster_members")
if roles.empty and members.empty:
    st.info("Chưa có danh sách Cụm thi đua. Hãy nhập danh sách Cụm trưởng, Cụm phó, thành viên hoặc bảng chấm "
            "điểm của Cụm ở trang «Nhập dữ liệu».")
    st.stop()

names = vietnamese_order(clusters.name)
years = sorted(set(pd.concat([roles.year, members.year]).astype(int).tolist()))
filters = st.columns([4, 1, 1])
cluster = linked_choice(filters[0], "Cụm thi đua", names, key="cum", default=first_cluster(names),
                        matches=words_matcher(names))
from_year = linked_choice(filters[1], "Từ năm", years, key="tu_nam", default=years[0])
to_year = linked_choice(filters[2], "Đến năm", years, key="den_nam", default=years[-1])
if from_year > to_year:
    st.warning("«Từ năm» phải không sau «Đến năm».")
    st.stop()
cluster_id = clusters.cluster_id[clusters.name == cluster].iloc[0]
in_years = list(range(from_year, to_year + 1))
made_from = (query.snapshot, cluster, from_year, to_year)  # names every frame derived below

sources = query("data_sources")
st.subheader("Cụm trưởng, Cụm phó qua các năm")
shown_roles = roles[roles.year.isin(in_years)]
if shown_roles.empty:
    st.info(f"Chưa có danh sách Cụm trưởng, Cụm phó của năm {years_phrase(in_years)}.")
else:
    shown_clusters = clusters[clusters.cluster_id.isin(shown_roles.cluster_id)]
    note = illustrative_note("Danh sách Cụm trưởng, Cụm phó của mọi cụm", [
        name for name, cluster_of in zip(shown_clusters.name, shown_clusters.cluster_id)
        if illustrative_cluster_parts(sources[sources.kind == "roster"], cluster_of, in_years)],
        len(shown_clusters), "cụm")
    if note:
        st.info(f"**Dữ liệu minh họa** — {markdown_literal(note)}", icon=":material/info:")
    show_figure(drawn("leader_history", shown_roles, years=in_years, highlight=cluster, made_from=made_from),
                file_name="cum-truong-cum-pho")

own_roles = roles[roles.cluster_id == cluster_id]
own_members = query("cluster_members", cluster=cluster_id)
own_years = pd.concat([own_roles.year, own_members.year]).astype(int)
not_yet = reused(never_led, own_members, own_roles, made_from=made_from)
st.header(markdown_literal(cluster))
demo_parts = illustrative_cluster_parts(sources, cluster_id, in_years)
if demo_parts:
    st.info(f"**Dữ liệu minh họa** — {'; '.join(demo_parts)} của cụm này là số liệu minh họa, không phải số liệu "
            "chính thức; hãy nhập số liệu chính thức để thay thế.", icon=":material/info:")
if not own_years.empty:
    latest = own_years.max()
    facts = st.columns(4)
    facts[0].metric(f"Thành viên năm {latest}", int((own_members.year == latest).sum()) or MISSING)
    leading = own_roles[(own_roles.year == latest) & (own_roles.role == LEADER)]
    facts[1].metric(f"Cụm trưởng năm {latest}",
                    markdown_literal(", ".join(unit_label(u, p) for u, p in zip(leading.unit, leading.province))
                                     or MISSING))
    facts[2].metric("Chưa từng làm Cụm trưởng", f"{len(not_yet)} đơn vị")
    facts[3].metric("Các năm có danh sách", years_phrase(own_years))

st.subheader("Thành viên qua các năm")
listed = own_members[own_members.year.isin(in_years)]
if listed.empty:
    st.info(f"Chưa có danh sách thành viên của cụm này trong năm {years_phrase(in_years)}.")
else:
    of_provinces = listed.province.notna().any()
    merger_column = MERGER_COLUMN if of_provinces and listed.year.max() < MERGER_YEAR else None
    show_figure(drawn("cluster_members", reused(membership_changes, listed, made_from=made_from), cluster=cluster,
                      roles=own_roles, merger_column=merger_column, made_from=made_from), file_name="thanh-vien-cum")
    sentences = merger_sentences(reused(merger_effects, members, cluster_id, made_from=made_from)) if of_provinces else []
    if sentences:
        st.info("**Sắp xếp đơn vị hành chính từ 1/7/2025 (63 → 34 tỉnh, thành phố)** — các tỉnh thành viên "
                "trong danh sách gần nhất trước sáp nhập:\n\n" + "\n".join(f"- {s}" for s in sentences)
                + "\n\nTừ năm 2025, Sở Nội vụ mỗi tỉnh tiếp nhận thêm Sở Lao động - Thương binh và Xã hội và giữ "
                  "tên Sở Nội vụ.", icon=":material/call_merge:")

st.subheader("Khen thưởng")
awards = query("awards", cluster=cluster_id)
awards = awards[awards.year.isin(in_years)]
if awards.empty:
    st.info(f"Chưa có khen thưởng nào của cụm này trong năm {years_phrase(in_years)}.")
else:
    show_figure(drawn("awards", awards, cluster=cluster, years=in_years, made_from=made_from),
                file_name="khen-thuong-cum")
    newest_first = awards.sort_values("year", ascending=False, kind="stable")  # within a year: the ladder's order
    show_table(pd.DataFrame({"Năm": newest_first.year, "Đơn vị": newest_first.unit,
                             "Hình thức khen thưởng": newest_first.award,
                             "Quyết định / đề nghị": newest_first.source}),
               title=f"Khen thưởng {cluster}", sources=source_lines(newest_first))

st.subheader("Luân phiên Cụm trưởng")
if own_roles.empty:
    st.info("Chưa có danh sách Cụm trưởng của cụm này.")
else:
    first = own_years.min()
    if not_yet.empty:
        st.success(f"Mọi đơn vị đã từng làm Cụm trưởng (từ năm {first}).")
    else:
        st.markdown(f"**Chưa từng làm Cụm trưởng** (từ năm {first}, năm đầu có danh sách): {len(not_yet)} đơn vị.")
        show_table(pd.DataFrame({
            "Đơn vị": not_yet.unit,
            "Thành viên các năm": not_yet.member_years.map(lambda y: years_phrase(y) or MISSING),
            "Từng làm Cụm phó": not_yet.deputy_years.map(lambda y: years_phrase(y) or "chưa"),
        }), title=f"Chưa từng làm Cụm trưởng {cluster}")
    rankings = year_end_rankings(query, cluster_id)
    if rankings.empty:
        st.info("Chưa có bảng chấm điểm tổng kết năm của cụm này, nên chưa so được thứ hạng của Cụm trưởng trong "
                "năm mình làm Cụm trưởng.")
    else:
        led = reused(leader_ranks, own_roles, rankings, made_from=made_from)
        scored = led[led["rank"].notna()]
        st.markdown(f"**Cụm trưởng trong bảng điểm của chính năm mình làm Cụm trưởng**: đứng đầu "
                    f"{int((scored['rank'] == 1).sum())}/{len(scored)} năm có chấm điểm.")
        show_table(pd.DataFrame({
            "Năm": led.year,
            "Cụm trưởng": led.unit,
            "Xếp hạng cuối năm": [f"{int(r)}/{int(n)}" if pd.notna(r) else "chưa có bảng điểm"
                                  for r, n in zip(led["rank"], led.units)],
            "Tổng điểm": led.total,
        }), title=f"Cụm trưởng và xếp hạng {cluster}", formats={"Tổng điểm": vn_number}, sources=led.source_line)


def show_saved_message() -> None:
    """What the last save wrote; what the user typed shows as plain text, never as markdown."""
    saved = st.session_state.pop(SAVED_MESSAGE, None)
    if saved:
        summary, warnings = saved
        st.success("Đã lưu. Thay đổi được ghi vào lịch sử nhập như một lần nhập tệp.", icon=":material/check_circle:")
        st.text(summary)
        if warnings:
            st.warning("Cảnh báo khi kiểm tra danh sách:")
            st.text("\n".join(f"• {warning}" for warning in warnings))


def save_roster(query: Results, edits: dict, uploaded_by: str) -> None:
    """Checks the edited tables and writes what changed as one upload; says why when it cannot."""
    try:
        reading = edited_reading(cluster, edits, query.version)
    except NoChange:
        st.info("Chưa có thay đổi nào để lưu.")
        return
    except Refused as refusal:
        st.error("**Không lưu được — chưa có gì được ghi.** Hãy sửa những chỗ sau rồi lưu lại:")
        st.text("\n".join(f"• {describe(problem)}" for problem in refusal.problems))
        return
    try:
        outcome = write_upload(current_database(), reading, uploaded_by=uploaded_by)
    except DatabaseBusy as busy:
        st.error(str(busy))
        return
    if outcome.already_uploaded_as is not None:
        st.info(markdown_literal(outcome.summary()))
        return
    st.session_state[SAVED_MESSAGE] = (outcome.summary(), [describe(w) for w in outcome.warnings])
    st.rerun()


EDITOR_COLUMNS = {
    "Năm": st.column_config.NumberColumn(format="%d", min_value=FIRST_YEAR, step=1, width="small"),
    "Vai trò": st.column_config.SelectboxColumn(options=[LEADER, DEPUTY], width="small"),
    "Đơn vị": st.column_config.TextColumn(width="large"),
    "Hình thức khen thưởng": st.column_config.TextColumn(width="large"),
    "Đề nghị": st.column_config.CheckboxColumn(default=False, width="small",
                                               help="Đánh dấu khi đây là hình thức Cụm đề nghị, chưa có quyết định"),
}


def roster_editor(query: Results, uploaded_by: str) -> None:
    """The chosen cluster's roles, members and awards as editable tables, and the button that saves them.
    Each table's state is keyed by the data version, so it starts afresh from the data after any upload."""
    st.caption("Sửa trực tiếp trong bảng (thêm dòng ở cuối bảng; xóa dòng: chọn dòng rồi bấm biểu tượng thùng "
               "rác), rồi bấm «Lưu thay đổi». Danh sách được kiểm tra như khi nhập tệp Excel; các năm có thay đổi "
               f"được ghi thành một lần nhập mới trong lịch sử nhập, tên «{EDITOR_FILE_NAME}».")
    starting_rows = {ROLES.kind: own_roles, MEMBERS.kind: query("roster_members", cluster=cluster_id),
                     AWARDS.kind: query("roster_awards", cluster=cluster_id)}
    edits = {}
    for tab, table in zip(st.tabs([table.title for table in TABLES]), TABLES):
        before = shown(table, starting_rows[table.kind])
        edits[table.kind] = (before, tab.data_editor(
            before, key=f"sua-{table.kind}-{cluster_id}-{query.version}", num_rows="dynamic", hide_index=True,
            width="stretch", column_config={label: EDITOR_COLUMNS[label] for label in table.labels.values()}))
    if st.button("Lưu thay đổi", type="primary", key="luu-danh-sach-cum"):
        save_roster(query, edits, uploaded_by)


with st.expander("Chỉnh sửa danh sách Cụm", icon=":material/edit:", expanded=SAVED_MESSAGE in st.session_state):
    show_saved_message()
    identity = current_identity()
    if identity is not None and identity.may_upload:
        roster_editor(query, identity.name)
    else:
        if identity is not None:
            signed_in_bar(identity)
        sign_in("Chỉnh sửa danh sách Cụm cần quyền nhập dữ liệu. Hãy đăng nhập bằng tài khoản người nhập dữ liệu.")
