"""Kết quả chấm điểm: one cluster's scoring of a year (or of its mid-year review): the ranking with
the award proposals, every unit's criterion groups as a share of their maximum, self scores against
the cluster's, each unit's change on the year before, and one unit's criteria tree."""
import pandas as pd
import streamlit as st

from pages.shared import (drawn, first_cluster, linked_choice, results, reused, show_figure, show_styled, show_table,
                          vietnamese_order, words_matcher)
from thidua.charts import period_phrase
from thidua.clusters import unit_label
from thidua.formatting import MISSING, rank_change_phrase, vn_number, vn_signed
from thidua.provenance import source_lines
from thidua.readers.scoring import PERIODS
from thidua.readers.units import display_case
from thidua.reports import illustrative_note, illustrative_uploads, marked_illustrative
from thidua.untrusted import markdown_literal

INDENT = "\u2003\u2003"  # two em spaces per level of the criteria tree


def signed_scores(scores: pd.Series, measures: pd.Series) -> pd.Series:
    """Scores as shown: penalties (stored by their size) with a minus sign."""
    return scores.where(measures != "penalty", 0.0 - scores)  # 0.0 - 0.0 is 0,00, not -0,00


def criteria_tree(criteria: pd.DataFrame, unit_row: pd.Series) -> pd.DataFrame:
    """One unit's criteria as an indented table, closed by the totals that count."""
    own, confirmed = (signed_scores(criteria[c].astype(float), criteria.measure) for c in ("self_score", "cluster_score"))
    groups = criteria[(criteria.level == 1) & (criteria.measure == "criterion")]
    rows = pd.DataFrame({
        "Mã": criteria.code.fillna(""),
        "Tiêu chí": [INDENT * (level - 1) + display_case(title) for level, title in zip(criteria.level, criteria.title)],
        "Điểm tối đa": criteria.max_points.astype(float).map(vn_number),
        "Tự chấm": own.map(vn_number),
        "Cụm chấm": confirmed.map(vn_number),
        "Tự chấm − Cụm chấm": (own - confirmed).map(vn_signed),
    })
    total = pd.DataFrame([{
        "Mã": "", "Tiêu chí": "TỔNG ĐIỂM (tiêu chí + điểm thưởng − điểm trừ)",
        "Điểm tối đa": vn_number(groups.max_points.sum()) if groups.max_points.notna().all() else MISSING,
        "Tự chấm": vn_number(unit_row.self_total), "Cụm chấm": vn_number(unit_row.total),
        "Tự chấm − Cụm chấm": vn_signed(unit_row.self_total - unit_row.total),
    }])
    table = pd.concat([rows, total], ignore_index=True)
    if criteria.self_score.isna().all() and pd.isna(unit_row.self_total):
        return table.drop(columns=["Tự chấm", "Tự chấm − Cụm chấm"])
    return table


def bold_groups(table: pd.DataFrame, levels: list[int]):
    """Top-level groups and the total row in bold."""
    strong = [level == 1 for level in levels] + [True]
    return table.style.apply(lambda row: ["font-weight: bold" if strong[row.name] else ""] * len(row), axis=1)


st.title("Kết quả chấm điểm")
query = results()
clusters = query("clusters")
clusters = clusters[clusters.first_year.notna()]
if clusters.empty:
    st.info("Chưa có bảng chấm điểm thi đua. Hãy nhập bảng chấm điểm của Cụm ở trang «Nhập dữ liệu».")
    st.stop()

filters = st.columns([4, 1, 1.4])
names = vietnamese_order(clusters.name)
cluster = linked_choice(filters[0], "Cụm thi đua", names, key="cum", default=first_cluster(names),
                        matches=words_matcher(names))
cluster_id = clusters.cluster_id[clusters.name == cluster].iloc[0]
scored = query("cluster_years", cluster=cluster_id)
scored_years = sorted({int(y) for y in scored.year}, reverse=True)
year = linked_choice(filters[1], "Năm", scored_years, key="nam", default=scored_years[0])
periods = [p for p in PERIODS if p in set(scored.period[scored.year == year])]
period = periods[0]
if len(periods) > 1:
    period = filters[2].selectbox("Kỳ chấm điểm", periods, format_func=lambda p: PERIODS[p].capitalize(), key="ky",
                                  bind="query-params")
mid_year = period == "mid"
when = period_phrase(year, mid_year)
made_from = (query.snapshot, cluster, year, period)  # names every frame derived below

ranking = query("cluster_ranking", cluster=cluster_id, year=year, period=period)
illustrative = ranking.upload_id.isin(illustrative_uploads(query("data_sources")))  # decided unit by unit
labels = dict(zip(ranking.unit, marked_illustrative(
    pd.Series([unit_label(unit, province) for unit, province in zip(ranking.unit, ranking.province)]), illustrative)))
note = illustrative_note(f"Kết quả chấm điểm {when} của cụm này", list(ranking.unit[illustrative]), len(ranking))
if note:
    st.info(f"**Dữ liệu minh họa** — {note} Hãy nhập bảng chấm điểm của Cụm để thay thế.", icon=":material/info:")
stem = f"{cluster_id}-{year}" + ("-6-thang" if mid_year else "")
leader = ranking.iloc[0]
own_scored = ranking.dropna(subset=["self_total"])
gaps = own_scored.self_total - own_scored.total

facts = st.columns(4)
facts[0].metric("Số đơn vị được chấm", len(ranking))
facts[1].metric("Dẫn đầu", markdown_literal(labels[leader.unit]), f"{vn_number(leader.total)} điểm", delta_arrow="off",
                delta_color="off")
facts[2].metric("Điểm trung bình", vn_number(ranking.total.mean()),
                f"thấp nhất {vn_number(ranking.total.min())}", delta_arrow="off", delta_color="off")
facts[3].metric("Tự chấm cao hơn Cụm chấm", f"{int((gaps > 0.005).sum())}/{len(own_scored)} đơn vị" if len(gaps)
                else MISSING, f"bình quân {vn_signed(gaps.mean())} điểm" if len(gaps) else None, delta_arrow="off",
                delta_color="off")

st.subheader("Xếp hạng và đề nghị khen thưởng")
shown_ranking = ranking.assign(unit=marked_illustrative(ranking.unit, illustrative))
show_figure(drawn("cluster_ranking", shown_ranking, cluster=cluster, year=year, mid_year=mid_year, made_from=made_from),
            file_name=f"xep-hang-{stem}")
if ranking.rank_computed.any():
    st.caption("Bảng chấm điểm không ghi xếp hạng: các đơn vị được xếp theo tổng điểm (bằng điểm thì cùng hạng).")
if not mid_year and ranking.award.isna().all():
    listed = query("awards", cluster=cluster_id, year=year)
    if listed.empty:
        st.caption(f"Chưa có đề nghị khen thưởng nào {when} của cụm này.")
    else:
        st.caption("Bảng chấm điểm không ghi đề nghị khen thưởng. Khen thưởng của Cụm năm này theo danh sách Cụm: "
                   + "; ".join(f"{a.unit} — {a.award} ({a.source})" for a in listed.itertuples()) + ".")

st.subheader("Điểm theo nhóm tiêu chí")
groups = query("cluster_groups", cluster=cluster_id, year=year, period=period)
if groups.empty:
    st.info("Bảng chấm điểm này chỉ ghi tổng điểm của mỗi đơn vị, không ghi điểm theo nhóm tiêu chí.")
else:
    show_figure(drawn("cluster_groups", groups.assign(unit=groups.unit.map(labels)), cluster=cluster,
                      year=year, mid_year=mid_year, order=list(labels.values()), made_from=made_from),
                file_name=f"nhom-tieu-chi-{stem}")

st.subheader("Tự chấm và Cụm chấm")
if own_scored.empty:
    st.info("Bảng chấm điểm này không ghi điểm tự chấm của các đơn vị.")
else:
    show_figure(drawn("self_score_gap", own_scored.assign(unit=own_scored.unit.map(labels)), cluster=cluster,
                      year=year, mid_year=mid_year, made_from=made_from), file_name=f"tu-cham-{stem}")
    missing = [labels[u] for u in ranking.unit if u not in set(own_scored.unit)]
    if missing:
        st.caption(f"Không có điểm tự chấm: {markdown_literal(', '.join(missing))}.")

st.subheader(f"So với {period_phrase(year - 1, mid_year)}")
if ranking.rank_previous.isna().all():
    st.info(f"Chưa có kết quả chấm điểm {period_phrase(year - 1, mid_year)} của cụm này để so sánh.")
else:
    change = ranking.rank_previous.astype(float) - ranking["rank"].astype(float)
    total_change = ranking.total - ranking.total_previous.astype(float)
    show_table(pd.DataFrame({
        "Đơn vị": ranking.unit,
        f"Hạng {year - 1}": ranking.rank_previous.astype("Int64"),
        f"Hạng {year}": ranking["rank"].astype("Int64"),
        "Biến động": change.map(rank_change_phrase),
        f"Tổng điểm {year - 1}": ranking.total_previous.astype(float),
        f"Tổng điểm {year}": ranking.total,
        "Điểm tăng, giảm": total_change,
    }), title=f"Bien dong {stem}", formats={f"Tổng điểm {year - 1}": vn_number, f"Tổng điểm {year}": vn_number,
                                             "Điểm tăng, giảm": vn_signed},
        sources=source_lines(ranking), height="content", placeholder=MISSING)

st.subheader("Chi tiết tiêu chí của một đơn vị")
unit = st.selectbox("Đơn vị", list(ranking.unit), key="don_vi", bind="query-params")
criteria = query("unit_criteria", cluster=cluster_id, year=year, unit=unit, period=period)
if criteria.empty:
    st.info("Bảng chấm điểm chỉ ghi tổng điểm của đơn vị này, không ghi điểm từng tiêu chí.")
else:
    tree = reused(criteria_tree, criteria, ranking[ranking.unit == unit].iloc[0], made_from=(*made_from, unit))
    show_styled(bold_groups, tree, list(criteria.level), made_from=(*made_from, unit), height="content")
    st.caption("Điểm trừ ghi dấu âm. Tổng điểm là điểm Cụm chấm (có điểm thưởng, điểm trừ), dùng để xếp hạng.")
