"""Tổng quan: one year of the PAR Index (or another provincial index, chosen) at a glance (the latest unless
the link or the filter says)."""
import streamlit as st

from pages import indices
from pages.shared import PAR, drawn, index_choice, linked_choice, no_par_data, results, show_demo_note, show_figure
from thidua.charts import PAR_BANDS, par_band
from thidua.formatting import rank_change_phrase, vn_number, vn_percent, vn_signed
from thidua.untrusted import markdown_literal

st.title("Tổng quan Chỉ số CCHC")
query = results()
index = index_choice(st, query)
if index != PAR:
    indices.overview(query, index)
    st.stop()
years = list(query("par_years").year)
if not years:
    no_par_data()
    st.stop()

year = linked_choice(st.columns([1, 5])[0], "Năm", years, key="nam", default=years[0])
earlier = [y for y in years if y < year]
previous = earlier[0] if earlier else None
show_demo_note(query, [year] if previous is None else [year, previous])
ranking = query("par_ranking", year=year)
average = ranking.score.mean()
leader = ranking.iloc[0]

st.subheader(f"Năm {year}: {len(ranking)} tỉnh, thành phố")
columns = st.columns(4)
average_change = None
if previous is not None:
    previous_average = query("par_ranking", year=previous).score.mean()
    average_change = f"{vn_signed(average - previous_average)} điểm so với {previous}"
columns[0].metric("Trung bình cả nước", vn_percent(average), average_change)
columns[1].metric("Dẫn đầu", markdown_literal(leader.province), vn_percent(leader.score), delta_arrow="off",
                  delta_color="off")
bands = ranking.score.map(par_band).value_counts()
columns[2].metric("Số tỉnh đạt loại A", f"{bands.get('A', 0)}/{len(ranking)}",
                  " · ".join(f"loại {b.letter}: {bands.get(b.letter, 0)}" for b in PAR_BANDS[1:]),
                  delta_arrow="off", delta_color="off")
jumps = None if previous is None else query("rank_jumps", from_year=previous, to_year=year)
if jumps is not None and not jumps.empty:
    riser = jumps.iloc[0]
    columns[3].metric(f"Tăng hạng nhiều nhất so với {previous}", markdown_literal(riser.province),
                      rank_change_phrase(riser.change), delta_arrow="off")

show_figure(drawn("par_ranking", ranking, year=year, average=average, made_from=(query.snapshot, year)))
st.caption(f"Điểm trung bình cả nước năm {year}: {vn_number(average)}%. Xem chi tiết từng tỉnh ở trang "
           "«So sánh tỉnh», biến động thứ hạng ở trang «Biến động xếp hạng».")
