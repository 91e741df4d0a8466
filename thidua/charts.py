"""Plotly figures in one house style: DataFrame in, Figure out.

Vietnamese titles and labels, decimal comma, a font that has every Vietnamese diacritic, and type
large enough to read on a projector. Each figure carries its own title and size, so it looks
finished when exported to PNG, PDF or a slide without Streamlit around it.
"""
from __future__ import annotations

import math
import textwrap
from collections.abc import Collection, Mapping
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from thidua.formatting import rank_change_phrase, vn_number
from thidua.provinces import MERGER_YEAR

FONT = "Noto Sans, DejaVu Sans, Arial, sans-serif"
FONT_SIZE = 16
TEXT_COLOR = "#1f2d3d"
HIGHLIGHT_COLOR = "#c0392b"
PEER_COLORS = ("#e67e22", "#8e44ad", "#16a085")
OTHER_COLOR = "#a9bccf"
ROSE_COLOR = "#1e8449"
FELL_COLOR = "#c0392b"
CHOSEN_COLOR = "#1f4e9a"
AVERAGE_COLOR = "#2c3e50"
SLOPE_LABEL_GAP = 1.25  # ranks between two labels at the slope's end, about one line of text
SERIES_COLORS = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf")


@dataclass(frozen=True)
class Band:
    letter: str
    low: float
    high: float | None  # None: no upper limit
    color: str

    @property
    def label(self) -> str:
        if self.high is None:
            return f"Loại {self.letter} (≥ {vn_number(self.low, 0)}%)"
        return f"Loại {self.letter} ({vn_number(self.low, 0)}–<{vn_number(self.high, 0)}%)"


PAR_BANDS = (
    Band("A", 90, None, "#27ae60"),
    Band("B", 80, 90, "#f1c40f"),
    Band("C", 70, 80, "#e67e22"),
)


def par_band(score: float | None) -> str:
    """The letter of the band a PAR Index score falls in ('' below the lowest band)."""
    if score is None or math.isnan(score):
        return ""
    for band in PAR_BANDS:
        if score >= band.low and (band.high is None or score < band.high):
            return band.letter
    return ""


def house_style(fig: go.Figure, title: str, subtitle: str | None = None, *, plot_height: int,
                legend: bool = True, top_axis: int = 0, bottom: int = 40, left: int = 10,
                right: int = 20) -> go.Figure:
    """Title, subtitle and legend stacked in the top margin, then top_axis pixels for whatever the
    chart puts above its plot (tick labels, band names); the figure grows to fit them all."""
    header = _TITLE_HEIGHT + (_SUBTITLE_HEIGHT if subtitle else 0)
    top = header + (_LEGEND_HEIGHT if legend else 0) + top_axis
    height = top + plot_height + bottom
    fig.update_layout(
        template="plotly_white",
        separators=",.",
        height=height,
        margin=dict(t=top, b=bottom, l=left, r=right),
        font=dict(family=FONT, size=FONT_SIZE, color=TEXT_COLOR),
        title=dict(text=title, x=0.01, xanchor="left", yref="container", y=1 - 14 / height, yanchor="top",
                   font=dict(size=24), subtitle=dict(text=subtitle or "", font=dict(size=16, color="#5d6d7e"))),
        hoverlabel=dict(font=dict(family=FONT, size=FONT_SIZE)),
        showlegend=legend,
        legend=dict(orientation="h", yref="container", y=1 - header / height, yanchor="top",
                    xref="container", xanchor="left", x=0.01, title_text="", font=dict(size=15)),
        paper_bgcolor="white",
        plot_bgcolor="white",
    )
    return fig


_TITLE_HEIGHT, _SUBTITLE_HEIGHT, _LEGEND_HEIGHT = 56, 30, 36  # pixels


def _ranking_roles(frame: pd.DataFrame, highlight: str | None,
                   peers: Mapping[str, Collection[str]]) -> pd.Series:
    """Which legend entry each bar belongs to: the chosen province, a peer group, or the rest."""
    roles = pd.Series("other", index=frame.index, dtype=object)
    for group in reversed(list(peers)):
        roles[frame.province.isin(set(peers[group]))] = group
    if highlight:
        roles[frame.province == highlight] = "highlight"
    return roles


def par_ranking_bar(frame: pd.DataFrame, *, year: int, highlight: str | None = None,
                    peers: Mapping[str, Collection[str]] | None = None,
                    average: float | None = None, region: str | None = None,
                    subtitle: str | None = None) -> go.Figure:
    """One year's PAR Index as horizontal bars, best at the top, with the A/B/C bands shaded.

    frame: province, score, rank. highlight: a province drawn in red. peers: legend label -> names
    drawn in their own colour (e.g. {"Cùng vùng ...": {...}}, later also a cluster's members).
    average: the national average, drawn as a dashed line. region: the frame holds only that
    region's provinces (ranks stay national).
    """
    peers = peers or {}
    data = frame.dropna(subset=["score"]).sort_values(["rank", "province"]).reset_index(drop=True)
    data["label"] = [f"<b>{r}. {p}</b>" if p == highlight else f"{r}. {p}"
                     for r, p in zip(data["rank"], data.province)]
    data["shown"] = data.score.map(vn_number)
    roles = _ranking_roles(data, highlight, peers)
    styles = [("other", "Các tỉnh, thành phố khác" if (highlight or peers) else "Chỉ số CCHC", OTHER_COLOR)]
    styles += [(group, group, PEER_COLORS[i % len(PEER_COLORS)]) for i, group in enumerate(peers)]
    styles += [("highlight", highlight or "", HIGHLIGHT_COLOR)]

    fig = go.Figure()
    for role, name, color in styles:
        part = data[roles == role]
        if part.empty:
            continue
        fig.add_bar(
            x=part.score, y=part.label, orientation="h", name=name, marker_color=color,
            text=part.shown, textposition="outside", cliponaxis=False,
            customdata=part[["province", "rank", "shown"]],
            hovertemplate="<b>%{customdata[0]}</b><br>Xếp hạng: %{customdata[1]}"
                          "<br>Chỉ số: %{customdata[2]}%<extra></extra>",
        )

    # At least a point below the lowest score, so the shortest bar still shows, and at C's lower edge.
    low = min(70.0, math.floor((data.score.min() - 1) / 5) * 5) if len(data) else 70.0
    high = (data.score.max() if len(data) else 100.0) + 3.5
    _shade_bands(fig, low, high)
    if average is not None:
        fig.add_vline(x=average, line=dict(color=AVERAGE_COLOR, width=2, dash="dash"),
                      annotation=dict(text=f"TB cả nước: {vn_number(average)}", font_size=15,
                                      bgcolor="rgba(255,255,255,0.85)"),
                      annotation_position="bottom right")

    count = f"{len(data)} tỉnh, thành phố"
    scope = f"xếp hạng {count}" if region is None else f"{count} vùng {region}"
    house_style(fig, f"Chỉ số CCHC (PAR Index) năm {year}: {scope}", subtitle,
                plot_height=max(240, 24 * len(data)), legend=bool(highlight or peers), top_axis=80, right=30)
    fig.update_layout(
        bargap=0.25, barmode="overlay",
        xaxis=dict(title_text="", range=[low, high], side="top", ticksuffix="%",
                   showgrid=True, gridcolor="#e5e8eb"),
        yaxis=dict(title_text="", categoryorder="array", categoryarray=list(data.label),
                   autorange="reversed", tickfont=dict(size=14), automargin=True),
    )
    return fig


def _shade_bands(fig: go.Figure, low: float, high: float) -> None:
    for band in PAR_BANDS:
        start, end = max(band.low, low), min(band.high or high, high)
        if start >= end:
            continue
        fig.add_vrect(x0=start, x1=end, fillcolor=band.color, opacity=0.12, line_width=0, layer="below",
                      annotation=dict(text=band.label, font=dict(size=15, color="#34495e"), yshift=52),
                      annotation_position="top left")


def rank_slope(jumps: pd.DataFrame, from_year: int, to_year: int, *, highlight: Collection[str] = (),
               label_count: int = 5, subtitle: str | None = None) -> go.Figure:
    """Ranks in two years joined by lines; the biggest risers, fallers and chosen provinces stand out.

    jumps: province, rank_from, rank_to, change (rank_from - rank_to: positive = rose).
    """
    data = jumps.dropna(subset=["rank_from", "rank_to"]).copy()
    risers = set(data[data.change > 0].nlargest(label_count, "change").province)
    fallers = set(data[data.change < 0].nsmallest(label_count, "change").province)
    groups = [
        ("Các tỉnh, thành phố khác", OTHER_COLOR, 1.5, ~data.province.isin(risers | fallers | set(highlight))),
        ("Tăng hạng nhiều nhất", ROSE_COLOR, 3, data.province.isin(risers - set(highlight))),
        ("Giảm hạng nhiều nhất", FELL_COLOR, 3, data.province.isin(fallers - set(highlight))),
        ("Tỉnh được chọn", CHOSEN_COLOR, 4, data.province.isin(set(highlight))),
    ]
    fig = go.Figure()
    labels = []  # (rank in the later year, text, colour) of the named provinces
    # Lines drawn later sit on top: the grey crowd first, the named provinces last.
    for name, color, width, chosen in groups:
        named = name != "Các tỉnh, thành phố khác"
        for i, row in enumerate(data[chosen].itertuples()):
            fig.add_scatter(
                x=[0, 1], y=[row.rank_from, row.rank_to], mode="lines+markers" if named else "lines",
                line=dict(color=color, width=width), marker=dict(size=8 if named else 4, color=color),
                name=name, legendgroup=name, showlegend=i == 0,
                hovertemplate=f"<b>{row.province}</b><br>{from_year}: hạng {int(row.rank_from)}"
                              f"<br>{to_year}: hạng {int(row.rank_to)}"
                              f"<br>{rank_change_phrase(row.change)}<extra></extra>",
            )
            if named:
                labels.append((row.rank_to, f"{row.province} ({rank_change_phrase(row.change)})", color))
    labels.sort()
    for y, (_, text, color) in zip(_spread([rank for rank, _, _ in labels], SLOPE_LABEL_GAP), labels):
        fig.add_annotation(x=1, y=y, text=text, xanchor="left", xshift=10, showarrow=False,
                           font=dict(size=14, color=color))
    worst = int(max(data.rank_from.max(), data.rank_to.max())) if len(data) else 1
    house_style(fig, f"Biến động xếp hạng Chỉ số CCHC: năm {from_year} → năm {to_year}", subtitle,
                plot_height=max(300, 15 * worst), top_axis=40, left=70)
    fig.update_layout(
        xaxis=dict(tickvals=[0, 1], ticktext=[f"Năm {from_year}", f"Năm {to_year}"], range=[-0.1, 1.8],
                   side="top", showgrid=False, zeroline=False, tickfont=dict(size=18)),
        yaxis=dict(title_text="Xếp hạng", range=[worst + 1, 0], tickvals=_rank_ticks(worst),
                   zeroline=False, gridcolor="#eef1f3"),
    )
    return fig


def _spread(positions: list[float], gap: float) -> list[float]:
    """Sorted label positions moved down just enough that neighbours are at least gap apart."""
    spread: list[float] = []
    for position in positions:
        spread.append(position if not spread else max(position, spread[-1] + gap))
    return spread


def _rank_ticks(worst: int, step: int = 5) -> list[int]:
    return [1, *range(step, worst + 1, step)]


def rank_bump(history: pd.DataFrame, provinces: Collection[str], *, subtitle: str | None = None) -> go.Figure:
    """The ranks of chosen provinces over all years, one line each (1 at the top).

    history: year, province, rank.
    """
    data = history[history.province.isin(set(provinces))].sort_values("year")
    fig = go.Figure()
    for i, (province, series) in enumerate(data.groupby("province", sort=False)):
        color = SERIES_COLORS[i % len(SERIES_COLORS)]
        fig.add_scatter(
            x=series.year, y=series["rank"], mode="lines+markers+text", name=province,
            line=dict(color=color, width=3), marker=dict(size=11, color=color),
            text=series["rank"].astype(int).astype(str), textposition="top center",
            textfont=dict(size=14, color=color),
            hovertemplate=f"<b>{province}</b><br>Năm %{{x}}: hạng %{{y}}<extra></extra>",
        )
    years = sorted(history.year.unique())
    if years and years[0] < MERGER_YEAR <= years[-1]:
        fig.add_vline(x=MERGER_YEAR - 0.5, line=dict(color="#7f8c8d", dash="dot"),
                      annotation=dict(text="Sáp nhập tỉnh (1/7/2025)", font_size=14),
                      annotation_position="top")
    house_style(fig, "Xếp hạng Chỉ số CCHC qua các năm", subtitle, plot_height=480, top_axis=10, bottom=70,
                left=70)
    worst = int(data["rank"].max()) if len(data) else 1
    fig.update_layout(
        xaxis=dict(title_text="Năm", tickmode="array", tickvals=years, showgrid=False),
        yaxis=dict(title_text="Xếp hạng", range=[worst + 3, -1], tickvals=_rank_ticks(worst + 3, step=10),
                   zeroline=False, gridcolor="#eef1f3"),
    )
    return fig


HEATMAP_LABEL_CHARS = 12  # component names wrap to this width so eight columns fit side by side
HEATMAP_NOTE = "Màu càng đậm, điểm càng cao so với các tỉnh khác trong cùng thành phần"


def component_heatmap(components: pd.DataFrame, *, year: int, order: list[str] | None = None,
                      subtitle: str | None = None) -> go.Figure:
    """Component scores of the index: a row per province, a column per component.

    components: province, component, score. order: the provinces top to bottom (e.g. by rank).
    """
    table = components.pivot_table(index="province", columns="component", values="score",
                                   aggfunc="first", sort=False)
    table = table[list(dict.fromkeys(components.component))]
    if order is not None:
        table = table.reindex([p for p in order if p in table.index])
    wrapped = [textwrap.wrap(str(c), HEATMAP_LABEL_CHARS) for c in table.columns]
    columns = ["<br>".join(lines) for lines in wrapped]
    spread = (table.max() - table.min()).replace(0, 1)
    fig = go.Figure(go.Heatmap(
        z=((table - table.min()) / spread).to_numpy(), x=columns, y=list(table.index),
        colorscale="YlGnBu", showscale=False, zmin=0, zmax=1,
        text=[[vn_number(v) for v in row] for row in table.to_numpy()], texttemplate="%{text}",
        textfont=dict(size=13),
        hovertemplate="<b>%{y}</b><br>%{x}: %{text}<extra></extra>", xgap=1, ygap=1,
    ))
    house_style(fig, f"Điểm thành phần Chỉ số CCHC năm {year}", subtitle or HEATMAP_NOTE,
                plot_height=max(200, 24 * len(table)), legend=False, bottom=20,
                top_axis=18 * max((len(lines) for lines in wrapped), default=1) + 16)
    fig.update_layout(
        xaxis=dict(side="top", tickfont=dict(size=13), tickangle=0),
        yaxis=dict(autorange="reversed", tickfont=dict(size=14), automargin=True),
    )
    return fig

