"""Biến động xếp hạng: who rose and who fell between two years, and ranks over all years, on the PAR Index
(or between the published ranks of another provincial index, chosen)."""
import pandas as pd
import streamlit as st

from pages import indices
from pages.shared import (PAR, drawn, index_choice, linked_choice, no_par_data, results, show_demo_note, show_figure, show_table,
                          vietnamese_order)
from thidua.charts import METHOD_CHANGE_YEARS
from thidua.formatting import rank_change_phrase, vn_number, years_phrase
from thidua.provenance import source_lines
from thidua.provinces import MERGER_YEAR

TABLE_ROWS = 10
DEFAULT_BUMP_COUNT = 3

st.title("Biến động xếp hạng")
query = results()
index = index_choice(st, query)
if index != PAR:
    indices.changes(query, index)
    st.stop()
years = list(query("par_years").year)
if not years:
    no_par_data()
    st.stop()
if len(years) < 2:
    st.info(f"Mới có số liệu năm {years[0]}: cần ít nhất hai năm để so sánh.")
    st.stop()

filters = st.columns([1, 1, 4])
from_year = linked_choice(filters[0], "Từ năm", years, key="tu_nam", default=years[1])
to_year = linked_choice(filters[1], "Đến năm", years, key="den_nam", default=years[0])
history = query("par_history")
chosen = filters[2].multiselect("Tỉnh, thành phố theo dõi", vietnamese_order(history.province.unique()),
                                key="tinh", bind="query-params",
                                placeholder="Chọn tỉnh để làm nổi bật và xem xếp hạng qua các năm")
show_demo_note(query, years)
if from_year >= to_year:
    st.warning("Năm so sánh («Đến năm») phải sau năm gốc («Từ năm»).")
    st.stop()

across_merger = from_year < MERGER_YEAR <= to_year
subtitle = None
if across_merger:
    subtitle = "Quy đổi theo 34 tỉnh, thành phố sau sáp nhập (1/7/2025)"
    st.info(f"Hai năm nằm hai bên thời điểm sắp xếp đơn vị hành chính (1/7/2025, 63 → 34 tỉnh, thành phố). "
            f"Số liệu năm {from_year} được quy đổi theo tỉnh mới: mỗi tỉnh mới lấy điểm trung bình của các "
            f"tỉnh cũ hợp thành và được xếp hạng lại, rồi so với thứ hạng công bố năm {to_year}.", icon=":material/call_merge:")

method_changes = [year for year in METHOD_CHANGE_YEARS if from_year < year <= to_year]
if method_changes:
    st.caption(f"Phương pháp đánh giá Chỉ số CCHC đổi năm {years_phrase(method_changes).replace(', ', ' và ')}: "
               "thứ hạng vẫn so sánh được giữa hai năm, còn điểm số chỉ so sánh được tương đối.")

jumps = query("rank_jumps", from_year=from_year, to_year=to_year)
show_figure(drawn("rank_jumps", jumps, from_year, to_year, highlight=chosen, subtitle=subtitle,
                  made_from=(query.snapshot, from_year, to_year)))


def change_table(rows: pd.DataFrame) -> pd.DataFrame:
    """Numbers as numbers (the downloads keep them so); "Biến động" is places gained, said in words on screen."""
    return pd.DataFrame({
        "Tỉnh, thành phố": rows.province,
        "Biến động": rows.change,  # beside the name: on a narrow screen the columns after it scroll
        f"Hạng {from_year}": rows.rank_from,
        f"Hạng {to_year}": rows.rank_to,
        f"Chỉ số {from_year} (%)": rows.score_from,
        f"Chỉ số {to_year} (%)": rows.score_to,
    })


# Narrow number columns so both tables fit side by side without scrolling.
column_widths = {"Tỉnh, thành phố": st.column_config.TextColumn(width="medium"),
                 **{f"Hạng {year}": st.column_config.NumberColumn(width="small") for year in (from_year, to_year)},
                 **{f"Chỉ số {year} (%)": st.column_config.TextColumn(width="small") for year in (from_year, to_year)}}
on_screen = {"Biến động": rank_change_phrase, f"Chỉ số {from_year} (%)": vn_number, f"Chỉ số {to_year} (%)": vn_number}
risers = jumps[jumps.change > 0].nlargest(TABLE_ROWS, "change")
fallers = jumps[jumps.change < 0].nsmallest(TABLE_ROWS, "change")
for column, heading, rows in zip(st.columns(2), ("Tăng hạng nhiều nhất", "Giảm hạng nhiều nhất"), (risers, fallers)):
    with column:
        st.subheader(heading)
        show_table(change_table(rows), title=f"{heading} {from_year}-{to_year}", formats=on_screen,
                   column_config=column_widths, sources=source_lines(rows))

followed = chosen or list(risers.province.head(DEFAULT_BUMP_COUNT))
if not chosen:
    st.caption(f"Chưa chọn tỉnh: biểu đồ dưới đây theo dõi {len(followed)} tỉnh tăng hạng nhiều nhất "
               f"từ {from_year} đến {to_year}.")
show_figure(drawn("rank_bump", history, followed, made_from=query.snapshot))
