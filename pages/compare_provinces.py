"""So sánh tỉnh: one year's ranking of every province on the PAR Index (or another provincial index, chosen),
a chosen province beside its peers."""
import pandas as pd
import streamlit as st

from pages import indices
from pages.shared import (ALL_REGIONS, PAR, drawn, index_choice, linked_choice, no_par_data, province_matcher, results,
                          show_demo_note, show_figure, show_table, vietnamese_order, words_matcher)
from thidua.charts import par_band
from thidua.formatting import vn_number, vn_percent, vn_signed
from thidua.provenance import source_lines

st.title("So sánh tỉnh")
query = results()
index = index_choice(st, query)
if index != PAR:
    indices.comparison(query, index)
    st.stop()
years = list(query("par_years").year)
if not years:
    no_par_data()
    st.stop()

filters = st.columns([1, 2, 2])
year = linked_choice(filters[0], "Năm", years, key="nam", default=years[0])
ranking = query("par_ranking", year=year)
names = vietnamese_order(ranking.province)
province = linked_choice(filters[1], "Tỉnh, thành phố", names, key="tinh", matches=province_matcher(names),
                         placeholder="Chọn tỉnh để làm nổi bật")
regions = [ALL_REGIONS, *sorted(ranking.region.unique())]
region = linked_choice(filters[2], "Vùng", regions, key="vung", default=ALL_REGIONS, matches=words_matcher(regions))
show_demo_note(query, [year])
made_from = (query.snapshot, year, province, region)  # names the frames charted below

average = ranking.score.mean()
shown = ranking if region == ALL_REGIONS else ranking[ranking.region == region]
peers = {}
if province is not None:
    chosen = ranking[ranking.province == province].iloc[0]
    peers = {f"Cùng vùng {chosen.region}": set(shown[shown.region == chosen.region].province) - {province}}
    facts = st.columns(4)
    facts[0].metric("Xếp hạng", f"{chosen['rank']}/{len(ranking)}")
    facts[1].metric("Chỉ số", vn_percent(chosen.score))
    facts[2].metric("So với trung bình cả nước", vn_signed(chosen.score - average) + " điểm")
    facts[3].metric("Xếp loại", par_band(chosen.score) or "Dưới loại C")

show_figure(drawn("par_ranking", shown, year=year, highlight=province, peers=peers, average=average,
                  region=None if region == ALL_REGIONS else region, made_from=made_from))

components = query("par_components", year=year)
components = components[components.province.isin(set(shown.province))]
if not components.empty:
    show_figure(drawn("par_components", components, year=year, order=list(shown.province), made_from=made_from))

st.subheader("Bảng xếp hạng")
table = pd.DataFrame({
    "Xếp hạng": shown["rank"],
    "Tỉnh, thành phố": shown.province,
    "Vùng": shown.region,
    "Chỉ số (%)": shown.score,
    "Xếp loại": shown.score.map(par_band),
    "So với TB cả nước": (shown.score - average).round(2),
})
if shown.sipas.notna().any():
    table["SIPAS (%)"] = shown.sipas
show_table(table, title=f"Xếp hạng Chỉ số CCHC năm {year}" + ("" if region == ALL_REGIONS else f", vùng {region}"),
           formats={"Chỉ số (%)": vn_number, "So với TB cả nước": vn_signed, "SIPAS (%)": vn_number},
           sources=source_lines(shown))
