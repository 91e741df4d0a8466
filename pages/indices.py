"""The provincial indices other than the PAR Index (SIPAS, PCI, PAPI, DTI) on «Tổng quan», «So sánh tỉnh» and
«Biến động xếp hạng»: what those pages show when their «Chỉ số» selector names one. Not a page of its own."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from pages.shared import (ALL_REGIONS, Results, drawn, index_table, index_years, linked_choice, partial_note,
                          province_matcher, show_figure, show_index_demo_note, show_table, vietnamese_order,
                          words_matcher)
from thidua.charts import INDEX_SCALES
from thidua.formatting import rank_change_phrase, vn_number, vn_signed
from thidua.indices import NOT_PUBLISHED, RANKED_BY_SCORE
from thidua.provenance import source_lines
from thidua.provinces import MERGER_YEAR, registry
from thidua.untrusted import markdown_literal

TABLE_ROWS = 10
MISSING_AVERAGE = "không tính (bảng chưa đủ tỉnh)"


def no_index_data(index: str) -> None:
    st.info(f"Chưa có số liệu {INDEX_SCALES[index].name}. Hãy nhập bảng xếp hạng {INDEX_SCALES[index].short} "
            "ở trang «Nhập dữ liệu».")


def full_average(ranking: pd.DataFrame, year: int) -> float | None:
    """The national average of a year's scores, or None when the table publishes only some provinces (the
    mean of PCI's top 30 is no national average)."""
    return ranking.score.mean() if len(ranking) >= len(registry().expected(year)) else None


def published_caption(index: str, year: int, ranking: pd.DataFrame) -> None:
    note = partial_note(INDEX_SCALES[index], year, len(ranking))
    if note:
        st.caption(note)
    if ranking.rank_computed.any():
        st.caption(f"{INDEX_SCALES[index].short} năm {year}: {RANKED_BY_SCORE}; «xếp hạng» ở đây là thứ tự theo điểm.")


def overview(query: Results, index: str) -> None:
    """One year of the index at a glance."""
    years = index_years(query, index)
    if not years:
        no_index_data(index)
        return
    scale = INDEX_SCALES[index]
    year = linked_choice(st.columns([1, 5])[0], "Năm", years, key="nam", default=years[0])
    show_index_demo_note(query, [index], [year])
    ranking = index_table(query, index, year)
    average = full_average(ranking, year)
    leader = ranking.iloc[0]
    st.subheader(f"{scale.name} năm {year}: {len(ranking)} tỉnh, thành phố được công bố")
    facts = st.columns(3)
    facts[0].metric("Trung bình cả nước",
                    MISSING_AVERAGE if average is None else vn_number(average) + scale.suffix)
    facts[1].metric("Dẫn đầu", markdown_literal(leader.province), vn_number(leader.score) + scale.suffix,
                    delta_arrow="off", delta_color="off")
    if ranking.band.notna().any():  # the publisher's groups, best first (the order of the ranking)
        counts = ranking.band.value_counts()
        best, *rest = ranking.band.dropna().unique()
        facts[2].metric(f"Số tỉnh «{best}»", f"{counts[best]}/{len(ranking)}",
                        " · ".join(f"{band}: {counts[band]}" for band in rest), delta_arrow="off", delta_color="off")
    published_caption(index, year, ranking)
    show_figure(drawn("index_ranking", ranking, year=year, average=average, scale=scale,
                      made_from=(query.snapshot, index, year)))


def comparison(query: Results, index: str) -> None:
    """One year's ranking of the index, a chosen province beside the others; a province the table leaves
    out is said to be not published, never ranked or scored."""
    years = index_years(query, index)
    if not years:
        no_index_data(index)
        return
    scale = INDEX_SCALES[index]
    filters = st.columns([1, 2, 2])
    year = linked_choice(filters[0], "Năm", years, key="nam", default=years[0])
    ranking = index_table(query, index, year)
    every = registry().expected(year)
    names = vietnamese_order({p.name_in(year) for p in every} | set(ranking.province))
    province = linked_choice(filters[1], "Tỉnh, thành phố", names, key="tinh", matches=province_matcher(names),
                             placeholder="Chọn tỉnh để làm nổi bật")
    regions = [ALL_REGIONS, *sorted(ranking.region.dropna().unique())]
    region = linked_choice(filters[2], "Vùng", regions, key="vung", default=ALL_REGIONS,
                           matches=words_matcher(regions))
    show_index_demo_note(query, [index], [year])
    shown = ranking if region == ALL_REGIONS else ranking[ranking.region == region]
    average = full_average(ranking, year)
    if province is not None:
        chosen = ranking[ranking.province == province]
        facts = st.columns(4)
        if chosen.empty:
            facts[0].metric("Xếp hạng", NOT_PUBLISHED)
            facts[1].metric(scale.short, NOT_PUBLISHED)
        else:
            row = chosen.iloc[0]
            facts[0].metric("Xếp hạng", f"{row['rank']}/{len(every)}")
            facts[1].metric(scale.short, vn_number(row.score) + scale.suffix)
            if average is not None:
                facts[2].metric("So với trung bình cả nước", f"{vn_signed(row.score - average)} điểm")
            if isinstance(row.band, str):
                facts[3].metric("Nhóm", row.band)
    published_caption(index, year, ranking)
    show_figure(drawn("index_ranking", shown, year=year, highlight=province, average=average, scale=scale,
                      region=None if region == ALL_REGIONS else region,
                      made_from=(query.snapshot, index, year, province, region)))
    st.subheader("Bảng xếp hạng")
    table = pd.DataFrame({"Xếp hạng": shown["rank"], "Tỉnh, thành phố": shown.province, "Vùng": shown.region,
                          f"{scale.short}{f' ({scale.suffix})' if scale.suffix else ''}": shown.score})
    if shown.band.notna().any():
        table["Nhóm"] = shown.band
    scope = "" if region == ALL_REGIONS else f", vùng {region}"
    show_table(table, title=f"Xếp hạng {scale.name} năm {year}{scope}",
               formats={column: vn_number for column in table.columns[3:4]}, sources=source_lines(shown))


def changes(query: Results, index: str) -> None:
    """Who rose and who fell between two years of the index, between published ranks only."""
    years = index_years(query, index)
    if len(years) < 2:
        has = f"mới có số liệu năm {years[0]}" if years else "chưa có số liệu"
        st.info(f"{INDEX_SCALES[index].name} {has}: cần ít nhất hai năm để so sánh.")
        return
    scale = INDEX_SCALES[index]
    filters = st.columns([1, 1, 4])
    from_year = linked_choice(filters[0], "Từ năm", years, key="tu_nam", default=years[1])
    to_year = linked_choice(filters[1], "Đến năm", years, key="den_nam", default=years[0])
    if from_year >= to_year:
        st.warning("Năm so sánh («Đến năm») phải sau năm gốc («Từ năm»).")
        return
    show_index_demo_note(query, [index], [from_year, to_year])
    subtitle = None
    if from_year < MERGER_YEAR <= to_year:
        subtitle = "Quy đổi theo 34 tỉnh, thành phố sau sáp nhập (1/7/2025)"
        st.info(f"Hai năm nằm hai bên thời điểm sắp xếp đơn vị hành chính (1/7/2025, 63 → 34 tỉnh, thành phố): "
                f"số liệu năm {from_year} được quy đổi theo tỉnh mới như với Chỉ số CCHC.",
                icon=":material/call_merge:")
    jumps = query("index_jumps", index=index, from_year=from_year, to_year=to_year)
    ranked = {year: index_table(query, index, year) for year in (from_year, to_year)}
    once = sorted(set(ranked[from_year].province) ^ set(ranked[to_year].province)) if not subtitle else []
    if once:
        st.caption(f"Chỉ so sánh thứ hạng được công bố cả hai năm: {len(once)} tỉnh, thành phố chỉ có thứ hạng "
                   f"một trong hai năm ({NOT_PUBLISHED} năm kia) nên không có biến động: "
                   f"{', '.join(vietnamese_order(once))}.")
    show_figure(drawn("index_jumps", jumps, from_year, to_year, subtitle=subtitle, scale=scale,
                      made_from=(query.snapshot, index, from_year, to_year)))
    risers = jumps[jumps.change > 0].nlargest(TABLE_ROWS, "change")
    fallers = jumps[jumps.change < 0].nsmallest(TABLE_ROWS, "change")
    for column, heading, rows in zip(st.columns(2), ("Tăng hạng nhiều nhất", "Giảm hạng nhiều nhất"), (risers, fallers)):
        with column:
            st.subheader(heading)
            show_table(pd.DataFrame({"Tỉnh, thành phố": rows.province, "Biến động": rows.change,
                                     f"Hạng {from_year}": rows.rank_from, f"Hạng {to_year}": rows.rank_to}),
                       title=f"{heading} {scale.short} {from_year}-{to_year}", formats={"Biến động": rank_change_phrase})
