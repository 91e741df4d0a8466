"""Hồ sơ tỉnh: one province on one page: its PAR Index ranks and scores over the years beside the
national and regional medians and the best, its place on every provincial index (SIPAS, PCI, PAPI, DTI)
year by year with the years it was not published kept as gaps, the clusters it belongs to and the roles it
held, its awards and cluster scoring ranks, and what it became in the 1 July 2025 merger."""
import pandas as pd
import streamlit as st

from pages.shared import (PAR, drawn, linked_choice, on_phone, province_matcher, results, show_demo_note,
                          show_figure, show_index_demo_note, show_table, vietnamese_order)
from thidua.charts import INDEX_SCALES
from thidua.clusters import constituents, province_rank_history, year_end_rankings
from thidua.formatting import MISSING, rank_change_phrase, vn_number, vn_percent, vn_signed, years_phrase
from thidua.indices import index_lines, province_indices
from thidua.provenance import source_lines
from thidua.provinces import MERGER_YEAR, registry
from thidua.readers.roster import DEPUTY, LEADER
from thidua.reports import file_stem
from thidua.untrusted import markdown_literal

ACROSS_MERGER = "không so được (63 → 34 tỉnh)"
METHOD_NOTE = "Phương pháp đánh giá đổi năm 2020 và 2022: điểm giữa các giai đoạn chỉ so sánh được tương đối"


def rank_delta(change: float) -> dict:
    """st.metric's delta for places gained: green and up when it rose, red and down when it fell."""
    if pd.isna(change):
        return {}
    direction = "up" if change > 0 else "down" if change < 0 else "off"
    color = {"up": "green", "down": "red", "off": "gray"}[direction]
    return {"delta": rank_change_phrase(change), "delta_color": color, "delta_arrow": direction}


def role_years(roles: pd.DataFrame, cluster: str, role: str) -> pd.Series:
    return roles.year[(roles.cluster == cluster) & (roles.role == role)]


st.title("Hồ sơ tỉnh")
query = results()
history = query("par_history")
names = vietnamese_order({p.name for p in registry().provinces} | set(history.province))
years = sorted(int(y) for y in history.year.unique())
filters = st.columns([4, 1, 1])
province = linked_choice(filters[0], "Tỉnh, thành phố", names, key="tinh", matches=province_matcher(names),
                         placeholder="Chọn tỉnh, thành phố")
if years:
    from_year = linked_choice(filters[1], "Từ năm", years, key="tu_nam", default=years[0])
    to_year = linked_choice(filters[2], "Đến năm", years, key="den_nam", default=years[-1])
else:
    from_year = to_year = None
if province is None:
    st.info("Chọn một tỉnh, thành phố để xem hồ sơ: thứ hạng Chỉ số CCHC qua các năm, Cụm thi đua và vai trò, "
            "khen thưởng, và tỉnh mới sau sáp nhập 1/7/2025.")
    st.stop()
if from_year is not None and from_year > to_year:
    st.warning("«Từ năm» phải không sau «Đến năm».")
    st.stop()

st.header(markdown_literal(province))
made_from = (query.snapshot, province, from_year, to_year)  # names the frames charted below
old = registry().by_name.get(province)
new_province = old.new_province if old else province
formed_by = constituents(new_province)
if formed_by != [province]:
    partners = [name for name in formed_by if name != province]
    if old is None:
        said = (f"{province} là tên từ năm {MERGER_YEAR} của {formed_by[0]}." if len(formed_by) == 1 else
                f"{province} (từ 1/7/2025) được hợp thành từ {', '.join(formed_by)}.")
    elif not partners:
        said = f"Từ năm {MERGER_YEAR}, {province} mang tên {new_province}."
    else:
        said = f"Từ 1/7/2025, {province} hợp nhất với {', '.join(partners)} thành **{new_province}** (mới)."
    st.info(f"**Sắp xếp đơn vị hành chính** — {said} Số liệu từ năm {MERGER_YEAR} là của {new_province}; các năm "
            "trước giữ tên cũ.", icon=":material/call_merge:")
    others = [name for name in dict.fromkeys([new_province, *partners]) if name != province and name in names]
    for column, name in zip(st.columns(max(len(others), 4)), others):
        column.page_link("pages/province_profile.py", label=f"Hồ sơ {markdown_literal(name)}", query_params={"tinh": name},
                         icon=":material/location_on:")

series = province_rank_history(history, province)
if from_year is not None:
    series = series[series.year.between(from_year, to_year)].reset_index(drop=True)
if series.empty:
    st.info("Chưa có số liệu Chỉ số CCHC của tỉnh này" + (f" trong {years_phrase(range(from_year, to_year + 1))}."
                                                         if from_year is not None else "."))
else:
    show_demo_note(query, series.year)
    compared = series.merge(query("par_benchmarks"), on=["year", "region"], how="left")
    latest = compared.iloc[-1]
    region = latest.region
    facts = st.columns(4)
    facts[0].metric(f"Xếp hạng năm {latest.year}", f"{int(latest['rank'])}/{int(latest.provinces)}",
                    **rank_delta(latest.change))
    facts[1].metric("Chỉ số", vn_percent(latest.score))
    facts[2].metric("So với trung vị cả nước", f"{vn_signed(latest.score - latest.national_median)} điểm")
    facts[3].metric("So với trung vị vùng", f"{vn_signed(latest.score - latest.region_median)} điểm",
                    region, delta_arrow="off", delta_color="off")
    show_figure(drawn("par_history", series, province, made_from=made_from), file_name=f"xep-hang-{file_stem(province)}")
    show_figure(drawn("par_benchmarks", compared, province, region, subtitle=METHOD_NOTE, made_from=made_from),
                file_name=f"chi-so-so-voi-trung-vi-{file_stem(province)}")
    newest_first = compared.iloc[::-1]
    show_table(pd.DataFrame({
        "Năm": newest_first.year,
        "Xếp hạng": [f"{int(r)}/{int(n)}" for r, n in zip(newest_first["rank"], newest_first.provinces)],
        "Biến động": [ACROSS_MERGER if across else rank_change_phrase(change)
                      for change, across in zip(newest_first.change, newest_first.across_merger)],
        "Chỉ số (%)": newest_first.score,
        "So với trung vị cả nước": newest_first.score - newest_first.national_median,
        "So với trung vị vùng": newest_first.score - newest_first.region_median,
        "Cách tỉnh cao nhất": newest_first.score - newest_first.best,
    }), title=f"Chỉ số CCHC {province} qua các năm",
        formats={"Chỉ số (%)": vn_number, "So với trung vị cả nước": vn_signed, "So với trung vị vùng": vn_signed,
                 "Cách tỉnh cao nhất": vn_signed}, sources=source_lines(newest_first))

st.subheader("Các chỉ số cấp tỉnh")
places = province_indices(query("index_history"), province)
show_index_demo_note(query, set(places["index"]) - {PAR})
if places.empty:
    st.info(f"Chưa có chỉ số cấp tỉnh nào (PAR Index, SIPAS, PCI, PAPI, DTI) có {markdown_literal(province)}.")
elif on_phone():  # a grid of years is too wide for a phone: each index on its own lines, newest year first
    for name, years_said in index_lines(places, {index: scale.name for index, scale in INDEX_SCALES.items()}):
        st.markdown(f"**{name}**\n" + "".join(f"\n- {said}" for said in years_said))
else:
    show_figure(drawn("index_grid", places, province, made_from=(query.snapshot, province)),
                file_name=f"cac-chi-so-{file_stem(province)}")
st.caption("Mỗi chỉ số do một cơ quan công bố theo cách riêng và xếp hạng riêng; «không công bố»: năm đó bảng "
           "xếp hạng không có tỉnh này (PCI từ 2023 chỉ công bố 30 tỉnh đứng đầu), không phải điểm 0.")

st.subheader("Cụm thi đua và vai trò")
members = query("cluster_members")
roles = query("leader_history")
own_members = members[members.province == province]
own_roles = roles[roles.province == province]
units = pd.concat([own_members, own_roles]).drop_duplicates("cluster")
if units.empty:
    st.info(f"Chưa có danh sách Cụm thi đua nào có {markdown_literal(province)}.")
else:
    show_table(pd.DataFrame({
        "Cụm thi đua": units.cluster,
        "Đơn vị": units.unit,
        "Thành viên các năm": [years_phrase(own_members.year[own_members.cluster == c]) or MISSING
                               for c in units.cluster],
        "Cụm trưởng": [years_phrase(role_years(own_roles, c, LEADER)) or "chưa" for c in units.cluster],
        "Cụm phó": [years_phrase(role_years(own_roles, c, DEPUTY)) or "chưa" for c in units.cluster],
    }), title=f"Cụm thi đua của {province}")
    for cluster in units.cluster:
        st.page_link("pages/clusters.py", label=f"Xem {markdown_literal(cluster)}", query_params={"cum": cluster}, icon=":material/groups:")

st.subheader("Khen thưởng")
awards = query("awards")
awards = awards[awards.province == province].sort_values("year", ascending=False, kind="stable")
if awards.empty:
    st.info(f"Chưa có khen thưởng nào của {markdown_literal(province)} trong các danh sách Cụm đã nhập.")
else:
    show_table(pd.DataFrame({"Năm": awards.year, "Cụm thi đua": awards.cluster, "Hình thức khen thưởng": awards.award,
                             "Quyết định / đề nghị": awards.source}), title=f"Khen thưởng {province}",
               sources=source_lines(awards))

st.subheader("Xếp hạng chấm điểm trong Cụm")
ranks = pd.DataFrame()
if not units.empty:
    ranks = pd.concat([year_end_rankings(query, cluster_id).assign(cluster=cluster)
                       for cluster, cluster_id in zip(units.cluster, units.cluster_id)])
    ranks = ranks[ranks.province == province].sort_values("year", ascending=False)
if ranks.empty:
    st.info("Chưa có bảng chấm điểm tổng kết năm nào có đơn vị của tỉnh này.")
else:
    show_table(pd.DataFrame({"Năm": ranks.year, "Cụm thi đua": ranks.cluster,
                             "Xếp hạng": [f"{int(r)}/{int(n)}" for r, n in zip(ranks["rank"], ranks.units)],
                             "Tổng điểm": ranks.total}),
               title=f"Xếp hạng chấm điểm {province}", formats={"Tổng điểm": vn_number}, sources=ranks.source_line)
