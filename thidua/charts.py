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
from typing import Literal

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from thidua.awards import LADDER, award_level
from thidua.clusters import JOINED, LEFT, MEMBER, unit_label
from thidua.formatting import MISSING, rank_change_phrase, vn_number, vn_percent, vn_signed
from thidua.indices import NOT_PUBLISHED, RANKED_BY_SCORE
from thidua.provinces import MERGER_YEAR
from thidua.provenance import source_lines
from thidua.readers.units import display_case

# Every figure starts on the white template: naming it in each figure's layout instead cost ~25 ms a
# figure, ~3 s on a page of 31 charts (bench/RESULTS.md, "Pages").
pio.templates.default = "plotly_white"
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
# Ranks between two labels at the slope's end: one line of text on a 16:9 export, where 63 ranks
# get about 8 pixels each (twice as many on the page).
SLOPE_LABEL_GAP = 2.2
# The three sizes a chart is read at: a phone's column (~360 px), the dashboard's page, and a 1920×1080
# slide, laid out at 1280×720 and drawn 1.5 times larger (thidua.export).
Size = Literal["phone", "page", "slide"]
SIZES: tuple[Size, ...] = ("phone", "page", "slide")
SLIDE_WIDTH, SLIDE_HEIGHT = 1280, 720
SLIDE_SOURCE_BAND = 36  # layout pixels under a slide's plot where the export writes its source line
TITLE_CHARS = {"phone": 30, "page": 70, "slide": 95}      # a title wraps at this many characters
SUBTITLE_CHARS = {"phone": 44, "page": 120, "slide": 150}
TITLE_SIZE = {"phone": 18, "page": 24, "slide": 24}
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


@dataclass(frozen=True)
class IndexScale:
    """How an index's scores are drawn: its short name, its name in running text and in a ranking's title,
    the unit after a score, the lowest score an axis may start at (None: just below the lowest score
    shown), the publisher's bands."""
    short: str
    name: str
    title: str
    suffix: str = ""
    floor: float | None = None
    bands: tuple[Band, ...] = ()


INDEX_SCALES = {
    "par": IndexScale("PAR Index", "Chỉ số CCHC", "Chỉ số CCHC (PAR Index)", "%", 70.0, PAR_BANDS),
    "sipas": IndexScale("SIPAS", "Chỉ số SIPAS", "Chỉ số hài lòng SIPAS", "%"),
    "pci": IndexScale("PCI", "Chỉ số PCI", "Chỉ số PCI (VCCI)"),
    "papi": IndexScale("PAPI", "Chỉ số PAPI", "Chỉ số PAPI"),
    "dti": IndexScale("DTI", "Chỉ số DTI", "Chỉ số DTI"),
}


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
                right: int = 20, size: Size = "page", **layout) -> go.Figure:
    """Title, subtitle and legend stacked in the top margin, then top_axis pixels for whatever the
    chart puts above its plot (tick labels, band names); the figure grows to fit them all. Titles
    wrap to the width of the size the chart is drawn at, so none is cut. layout: the chart's own
    layout properties (axes, bar gaps, ...), laid over the house style."""
    title_lines = textwrap.wrap(title, TITLE_CHARS[size]) or [""]
    subtitle_lines = textwrap.wrap(subtitle or "", SUBTITLE_CHARS[size])
    header = (_TITLE_HEIGHT + (len(title_lines) - 1) * _TITLE_LINE_HEIGHT
              + (_SUBTITLE_HEIGHT + (len(subtitle_lines) - 1) * _SUBTITLE_LINE_HEIGHT if subtitle_lines else 0))
    top = header + (_LEGEND_HEIGHT * (2 if legend and size == "phone" else 1) if legend else 0) + top_axis
    height = top + plot_height + bottom
    font_size = FONT_SIZE - (3 if size == "phone" else 0)
    if size == "phone":
        right = min(right, 12)
    styled = dict(
        separators=",.",
        height=height,
        margin=dict(t=top, b=bottom, l=left, r=right),
        font=dict(family=FONT, size=font_size, color=TEXT_COLOR),
        title=dict(text="<br>".join(title_lines), x=0.01, xanchor="left", yref="container", y=1 - 14 / height,
                   yanchor="top", font=dict(size=TITLE_SIZE[size]),
                   subtitle=dict(text="<br>".join(subtitle_lines), font=dict(size=font_size, color="#5d6d7e"))),
        hoverlabel=dict(font=dict(family=FONT, size=FONT_SIZE)),
        showlegend=legend,
        legend=dict(orientation="h", yref="container", y=1 - header / height, yanchor="top",
                    xref="container", xanchor="left", x=0.01, title=dict(text=""), font=dict(size=font_size - 1)),
        paper_bgcolor="white",
        plot_bgcolor="white",
    )
    # One Layout built from one dict replaces the figure's: update_layout, which walks and checks every
    # property path, cost ~8 times as much (~17 ms a call). The assignment puts the default template back.
    drawn = {key: value for key, value in fig.layout.to_plotly_json().items() if key != "template"}
    fig.layout = _merged(_merged(drawn, styled), layout)
    return fig


def _merged(base: Mapping, over: Mapping) -> dict:
    """base with over laid on it as update_layout lays it: nested dicts merged, other values replaced."""
    merged = dict(base)
    for key, value in over.items():
        nested = isinstance(value, Mapping) and isinstance(merged.get(key), Mapping)
        merged[key] = _merged(merged[key], value) if nested else value
    return merged


_TITLE_HEIGHT, _SUBTITLE_HEIGHT, _LEGEND_HEIGHT = 56, 30, 36  # pixels
_TITLE_LINE_HEIGHT, _SUBTITLE_LINE_HEIGHT = 30, 21  # pixels each wrapped line adds


def _ranking_roles(frame: pd.DataFrame, highlight: str | None,
                   peers: Mapping[str, Collection[str]]) -> pd.Series:
    """Which legend entry each bar belongs to: the chosen province, a peer group, or the rest."""
    roles = pd.Series("other", index=frame.index, dtype=object)
    for group in reversed(list(peers)):
        roles[frame.province.isin(set(peers[group]))] = group
    if highlight:
        roles[frame.province == highlight] = "highlight"
    return roles


def par_ranking_dots(frame: pd.DataFrame, *, year: int, highlight: str | None = None,
                     peers: Mapping[str, Collection[str]] | None = None,
                     average: float | None = None, region: str | None = None,
                     cluster: str | None = None, subtitle: str | None = None, scale: IndexScale = INDEX_SCALES["par"],
                     size: Size = "page") -> go.Figure:
    """One year's PAR Index (or the index of scale) as a dot per province at its score, best at the top, its
    value beside it, with the A/B/C bands shaded. A dot plot, not bars: the scores sit between 70 and 95, and bars cut
    off at 70 would make 90 look twice 80. On a slide the ranking runs in as many columns as it takes
    to name every province in type readable from the back of a room.

    frame: province, score, rank. highlight: a province drawn in red. peers: legend label -> names
    drawn in their own colour (e.g. {"Cùng vùng ...": {...}}, later also a cluster's members).
    average: the national average, drawn as a dashed line. region: the frame holds only that
    region's provinces (ranks stay national). cluster: the frame holds only the provinces of this
    Cụm thi đua. subtitle: by default the national average. A partial table (PCI's top 30) draws the
    provinces it publishes.
    """
    peers = peers or {}
    data = frame.dropna(subset=["score"]).sort_values(["rank", "province"]).reset_index(drop=True)
    data["label"] = [f"<b>{r}. {p}</b>" if p == highlight else f"{r}. {p}"
                     for r, p in zip(data["rank"], data.province)]
    data["shown"] = data.score.map(vn_number)
    data["source"] = source_lines(data)
    roles = _ranking_roles(data, highlight, peers)
    styles = [("other", "Các tỉnh, thành phố khác" if (highlight or peers) else scale.short, OTHER_COLOR)]
    styles += [(group, group, PEER_COLORS[i % len(PEER_COLORS)]) for i, group in enumerate(peers)]
    styles += [("highlight", highlight or "", HIGHLIGHT_COLOR)]
    legend = bool(highlight or peers)
    if subtitle is None and average is not None:
        subtitle = f"Trung bình cả nước: {vn_number(average)}{scale.suffix}" + ("; thứ hạng trên cả nước"
                                                                 if region or cluster else "")
    if size != "page":  # the bands are named by their letter only
        subtitle = "; ".join(filter(None, [subtitle, ", ".join(band.label for band in scale.bands)]))
    count = f"{len(data)} tỉnh, thành phố"
    scope = f"{count} vùng {region}" if region else f"{count} của {cluster}" if cluster else f"xếp hạng {count}"
    title = f"{scale.title} năm {year}: {scope}"

    row_height, text_size = RANKING_ROW[size]
    top_axis, bottom = (RANKING_SLIDE_AXIS, 12) if size == "slide" else (60, 40)
    plot_height = max(240, row_height * len(data))
    columns = 1
    if size == "slide":
        plot_height = _slide_plot_height(title, subtitle, legend, top_axis, bottom)
        columns = max(1, math.ceil(len(data) / (plot_height // row_height)))
    per_column = math.ceil(len(data) / columns) if len(data) else 1
    # Side by side, each column leaves room on its left for its names (automargin only serves the first).
    label_share = (max(map(len, data.province), default=0) + 4) * text_size * 0.55 / SLIDE_WIDTH
    fig = go.Figure()

    low, high = _ranking_axis(data.score, scale, size)
    shown_roles: set[str] = set()
    axes = {}
    for column in range(columns):
        chunk = data.iloc[column * per_column:(column + 1) * per_column]
        suffix = "" if column == 0 else str(column + 1)
        for role, name, color in styles:
            part = chunk[roles[chunk.index] == role]
            if part.empty:
                continue
            fig.add_scatter(
                x=part.score, y=part.label, mode="markers+text", name=name, legendgroup=role,
                showlegend=legend and role not in shown_roles, xaxis=f"x{suffix}", yaxis=f"y{suffix}",
                marker=dict(color=color, size=text_size - 1, line=dict(color="white", width=1)),
                text=part.shown, textposition="middle right", cliponaxis=False,
                textfont=dict(size=text_size - 1, color=TEXT_COLOR if role == "other" else color),
                customdata=part[["province", "rank", "shown", "source"]],
                hovertemplate="<b>%{customdata[0]}</b><br>Xếp hạng: %{customdata[1]}"
                              f"<br>Chỉ số: %{{customdata[2]}}{scale.suffix}<br>%{{customdata[3]}}<extra></extra>",
            )
            shown_roles.add(role)
        _shade_bands(fig, scale.bands, low, high, f"x{suffix}", short=size != "page")
        if average is not None:
            fig.add_shape(type="line", xref=f"x{suffix}", yref=f"y{suffix} domain", x0=average, x1=average,
                          y0=0, y1=1, layer="below", line=dict(color=AVERAGE_COLOR, width=1.5, dash="dash"))
        axes[f"xaxis{suffix}"] = dict(title_text="", range=[low, high], side="top", ticksuffix=scale.suffix,
                                      showgrid=True, gridcolor="#e5e8eb", tickfont=dict(size=text_size),
                                      anchor=f"y{suffix}")
        axes[f"yaxis{suffix}"] = dict(title_text="", type="category", categoryorder="array",
                                      categoryarray=list(chunk.label), range=[len(chunk) - 0.5, -0.5],
                                      automargin=columns == 1, anchor=f"x{suffix}", showgrid=True,
                                      gridcolor="#f0f2f4", tickfont=dict(size=text_size))
        if columns > 1:
            axes[f"xaxis{suffix}"]["domain"] = [column / columns + label_share, (column + 1) / columns - 0.02]
    if average is not None:
        fig.add_annotation(x=average, xref="x", yref="y domain", y=0, yanchor="top", yshift=-4, showarrow=False,
                           text=f"TB cả nước: {vn_number(average)}", font=dict(size=text_size - 1, color=AVERAGE_COLOR))
    house_style(fig, title, subtitle, plot_height=plot_height, legend=legend, top_axis=top_axis,
                bottom=bottom + (0 if average is None else 22), right=30, size=size, **axes)
    return fig


# Layout pixels per province and the size of its name and value, at each size the ranking is drawn.
RANKING_ROW = {"phone": (22, 13), "page": (24, 14), "slide": (22, 15)}
RANKING_VALUE_ROOM = {"phone": 5.5, "page": 3.5, "slide": 4.5}  # score points right of the best dot
RANKING_SLIDE_AXIS = 54  # band names and the score axis above a slide's columns


def _slide_plot_height(title: str, subtitle: str | None, legend: bool, top_axis: int, bottom: int) -> int:
    """The plot height house_style leaves on a 1280×720 slide once the header, legend, axis, bottom
    margin and the export's source line are in."""
    probe = house_style(go.Figure(), title, subtitle, plot_height=0, legend=legend, top_axis=top_axis,
                        bottom=bottom, size="slide")
    return SLIDE_HEIGHT - probe.layout.height - SLIDE_SOURCE_BAND - 22


def _ranking_axis(scores: pd.Series, scale: IndexScale, size: Size) -> tuple[float, float]:
    """The score axis of a ranking: from below the lowest score (by a point at least, and at the scale's
    floor: C's lower edge for the PAR Index) to beyond the best, with room on the right for the values.
    An index without a floor gets the same room in proportion to its span (PAR's 25 points)."""
    if scale.floor is not None:
        low = min(scale.floor, math.floor((scores.min() - 1) / 5) * 5) if len(scores) else scale.floor
        return low, (scores.max() if len(scores) else 100.0) + RANKING_VALUE_ROOM[size]
    if scores.empty:
        return 0.0, 1.0
    span = (scores.max() - scores.min()) or abs(scores.max()) or 1.0
    return scores.min() - span * 0.05, scores.max() + span * RANKING_VALUE_ROOM[size] / 25


def _shade_bands(fig: go.Figure, bands: Collection[Band], low: float, high: float, xref: str = "x",
                 short: bool = False) -> None:
    for band in bands:
        start, end = max(band.low, low), min(band.high or high, high)
        if start >= end:
            continue
        fig.add_shape(type="rect", xref=xref, yref=f"y{xref[1:]} domain", x0=start, x1=end, y0=0, y1=1,
                      fillcolor=band.color, opacity=0.12, line_width=0, layer="below")
        fig.add_annotation(x=(start + end) / 2, xref=xref, yref=f"y{xref[1:]} domain", y=1, yshift=26,
                           xanchor="center", yanchor="bottom", showarrow=False,
                           text=band.letter if short else band.label,
                           font=dict(size=15, color="#34495e"))


def rank_slope(jumps: pd.DataFrame, from_year: int, to_year: int, *, highlight: Collection[str] = (),
               label_count: int = 5, subtitle: str | None = None, scale: IndexScale = INDEX_SCALES["par"],
               size: Size = "page") -> go.Figure:
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
                joint = "<br>" if size == "phone" else " "
                labels.append((row.rank_to, f"{row.province}{joint}({rank_change_phrase(row.change)})", color))
    labels.sort()
    gap = SLOPE_LABEL_GAP * (2 if size == "phone" else 1)  # two lines a label on a phone
    for y, (_, text, color) in zip(_spread([rank for rank, _, _ in labels], gap), labels):
        fig.add_annotation(x=1, y=y, text=text, xanchor="left", xshift=6 if size == "phone" else 10, showarrow=False,
                           font=dict(size=12 if size == "phone" else 14, color=color))
    worst = int(max(data.rank_from.max(), data.rank_to.max())) if len(data) else 1
    house_style(fig, f"Biến động xếp hạng {scale.name}: năm {from_year} → năm {to_year}", subtitle,
                plot_height=max(300, 15 * worst), top_axis=40, left=70,
                xaxis=dict(tickvals=[0, 1], ticktext=[f"Năm {from_year}", f"Năm {to_year}"], range=[-0.1, 2.6 if size == "phone" else 1.8],
                           side="top", showgrid=False, zeroline=False, tickfont=dict(size=18)),
                yaxis=dict(title_text="Xếp hạng", range=[worst + 1, 0], tickvals=_rank_ticks(worst),
                           zeroline=False, gridcolor="#eef1f3"), size=size)
    return fig


def _spread(positions: list[float], gap: float) -> list[float]:
    """Sorted label positions moved down just enough that neighbours are at least gap apart."""
    spread: list[float] = []
    for position in positions:
        spread.append(position if not spread else max(position, spread[-1] + gap))
    return spread


def _rank_ticks(worst: int, step: int = 5) -> list[int]:
    return [1, *range(step, worst + 1, step)]


def rank_bump(history: pd.DataFrame, provinces: Collection[str], *, subtitle: str | None = None, size: Size = "page") -> go.Figure:
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
    worst = int(data["rank"].max()) if len(data) else 1
    house_style(fig, "Xếp hạng Chỉ số CCHC qua các năm", subtitle, plot_height=480, top_axis=10, bottom=70,
                left=70,
                xaxis=dict(title_text="Năm", tickmode="array", tickvals=years, showgrid=False),
                yaxis=dict(title_text="Xếp hạng", range=[worst + 3, -1], tickvals=_rank_ticks(worst + 3, step=10),
                           zeroline=False, gridcolor="#eef1f3"), size=size)
    return fig


def _column_labels(names: list[str], width: int, size: Size) -> tuple[list[list[str]], str]:
    """The column heads of a heatmap as lines of text, and the key that explains them: on a phone the
    columns are numbered and named in the key (their names side by side would not fit), elsewhere
    each name wraps to width and needs no key."""
    if size == "phone":
        return [[str(number)] for number in range(1, len(names) + 1)], "; ".join(
            f"{number}: {name}" for number, name in enumerate(names, start=1))
    return [textwrap.wrap(name, width) for name in names], ""


def _joined(subtitle: str | None, key: str) -> str:
    return " · ".join(filter(None, [subtitle, key]))


HEATMAP_LABEL_CHARS = 12  # component names wrap to this width so eight columns fit side by side
HEATMAP_NOTE = "Màu càng đậm, điểm càng cao so với các tỉnh khác trong cùng thành phần"


def component_heatmap(components: pd.DataFrame, *, year: int, order: list[str] | None = None,
                      subtitle: str | None = None, size: Size = "page") -> go.Figure:
    """Component scores of the index: a row per province, a column per component.

    components: province, component, score. order: the provinces top to bottom (e.g. by rank).
    """
    table = components.pivot_table(index="province", columns="component", values="score",
                                   aggfunc="first", sort=False)
    table = table[list(dict.fromkeys(components.component))]
    if order is not None:
        table = table.reindex([p for p in order if p in table.index])
    wrapped, key = _column_labels([str(c) for c in table.columns], HEATMAP_LABEL_CHARS, size)
    columns = ["<br>".join(lines) for lines in wrapped]
    spread = (table.max() - table.min()).replace(0, 1)
    fig = go.Figure(go.Heatmap(
        z=((table - table.min()) / spread).to_numpy(), x=columns, y=list(table.index),
        colorscale="YlGnBu", showscale=False, zmin=0, zmax=1,
        text=[[vn_number(v) for v in row] for row in table.to_numpy()], texttemplate="%{text}",
        textfont=dict(size=11 if size == "phone" else 13),
        hovertemplate="<b>%{y}</b><br>%{x}: %{text}<extra></extra>", xgap=1, ygap=1,
    ))
    house_style(fig, f"Điểm thành phần Chỉ số CCHC năm {year}", _joined(subtitle or HEATMAP_NOTE, key),
                plot_height=max(200, 24 * len(table)), legend=False, bottom=20,
                top_axis=18 * max((len(lines) for lines in wrapped), default=1) + 16,
                xaxis=dict(side="top", tickfont=dict(size=13), tickangle=0, type="category"),
                yaxis=dict(autorange="reversed", tickfont=dict(size=14), automargin=True), size=size)
    return fig



# ---------------------------------------------------------------- clusters and province profiles

TABLE_CELL_CHARS = 13  # names in table-like charts wrap to this width (six year columns side by side)
TABLE_LINE_HEIGHT = 19  # pixels per line of cell text
NO_DATA_COLOR = "#f4f6f7"
LEADER_COLOR = "#d6e4f0"
ROTATED_COLOR = "#b9dfc3"
MEMBER_COLOR = "#d6e4f0"
JOINED_COLOR = "#82c596"
LEFT_COLOR = "#f0a99f"
MERGED_COLOR = "#f8d49a"
KEPT_COLOR = "#eef1f3"
DEPUTY_TEXT_COLOR = "#46586a"
AWARD_COLORS = ("#7b241c", "#b03a2e", "#ca6f1e", "#e59866", "#f5cba7", "#f9e79f", "#fcf3cf", "#d5dbdb")
AWARD_SHORT_NAMES = ("Cờ Chính phủ", "Cờ thi đua", "BK Thủ tướng", "Bằng khen", "LĐ xuất sắc", "Giấy khen",
                     "LĐ tiên tiến", "Khác")  # by award level, 1..7, then awards off the ladder
PROPOSED_OPACITY = 0.45
METHOD_CHANGE_YEARS = (2020, 2022)  # the PAR Index method changed: scores across these are not strictly comparable
MEDIAN_COLORS = {"national": "#5d6d7e", "region": "#e67e22", "best": "#1e8449"}


PHONE_LABEL_CHARS = 18  # row labels wrap to this width on a phone, leaving the rest of the screen to the plot


def _phone_wrapped(names: Collection[str], size: Size) -> list[str]:
    """Row labels as drawn at this size: wrapped on a phone."""
    return [_wrapped(str(name), PHONE_LABEL_CHARS) if size == "phone" else str(name) for name in names]


def _wrapped(text: str, width: int) -> str:
    return "<br>".join(textwrap.wrap(text, width)) or text


PHONE_YEARS = 2  # the years a table-like chart shows on a phone: the latest
PHONE_YEARS_NOTE = f"{PHONE_YEARS} năm gần nhất; đủ các năm trên máy tính và trong tệp tải về"


def _phone_years(years: list[int], size: Size) -> list[int]:
    return years[-PHONE_YEARS:] if size == "phone" else years


def _cell_lines(names: list[str], prefix: str = "", width: int = TABLE_CELL_CHARS) -> list[str]:
    """Names wrapped to a cell's width, a name that fits on one line never broken across two."""
    kept_whole = [name.replace(" ", "\u00a0") if len(name) <= width else name for name in names]
    return textwrap.wrap(prefix + ", ".join(kept_whole), width)


def _cluster_label(name: str, width: int = 26) -> str:
    """A cluster's name without the words every cluster starts with, wrapped for a row label."""
    short = name.removeprefix("Cụm thi đua ").removeprefix("Khối thi đua ")
    return _wrapped(short[:1].upper() + short[1:], width)


def _discrete_scale(colors: list[str]) -> list[list]:
    """A colour scale giving colour i to the value i (0..n-1), with zmin 0 and zmax n-1."""
    steps = max(len(colors) - 1, 1)
    scale = []
    for i, color in enumerate(colors):
        scale += [[max(0.0, (i - 0.5) / steps), color], [min(1.0, (i + 0.5) / steps), color]]
    return scale


def _legend_swatches(fig: go.Figure, entries: list[tuple[str, str]]) -> None:
    """Legend entries for the colours of a table-like heatmap, which draws no legend of its own."""
    for name, color in entries:
        fig.add_scatter(x=[None], y=[None], mode="markers", name=name, hoverinfo="skip",
                        marker=dict(symbol="square", size=16, color=color, line=dict(color="#95a5a6", width=1)))


def _table_heatmap(z: list[list], text: list[list[str]], hover: list[list[str]], columns: list[str],
                   rows: list[str], colors: list[str]) -> go.Figure:
    return go.Figure(go.Heatmap(
        z=z, x=columns, y=rows, text=text, customdata=hover, texttemplate="%{text}", textfont=dict(size=14),
        colorscale=_discrete_scale(colors), zmin=0, zmax=max(len(colors) - 1, 1), showscale=False,
        hovertemplate="%{customdata}<extra></extra>", xgap=3, ygap=3, hoverongaps=False,
    ))


def _table_layout(rows: list[str]) -> dict:
    """The layout properties (for house_style) of a table-like heatmap with these row labels."""
    return dict(
        xaxis=dict(side="top", type="category", showgrid=False, zeroline=False, tickfont=dict(size=17)),
        yaxis=dict(type="category", categoryorder="array", categoryarray=rows, autorange="reversed",
                   showgrid=False, zeroline=False, tickfont=dict(size=15), automargin=True),
        plot_bgcolor=NO_DATA_COLOR,
    )


def _table_height(rows: int, lines: int) -> int:
    return max(160, rows * (lines * TABLE_LINE_HEIGHT + 22))


def leader_timeline(roles: pd.DataFrame, *, years: list[int] | None = None, highlight: str | None = None,
                    title: str = "Cụm trưởng, Cụm phó các Cụm thi đua qua các năm", subtitle: str | None = None, size: Size = "page") -> go.Figure:
    """Who led (Cụm trưởng, bold) and who deputised (Cụm phó) each cluster, year by year: years
    across, clusters down. A green cell: last year's Cụm phó leads this year.

    roles: cluster, year, role, unit, province (leader_history). highlight: a cluster whose row
    label is drawn bold. Units of a cluster of provinces are shown by their province.
    """
    years = _phone_years(years or sorted(int(y) for y in roles.year.unique()), size)
    columns = [str(year) for year in years]
    clusters = list(dict.fromkeys(roles.cluster))
    label_width, cell_width = (PHONE_LABEL_CHARS - 4, TABLE_CELL_CHARS - 3) if size == "phone" else (26, TABLE_CELL_CHARS)
    labels = [f"<b>{_cluster_label(c, label_width)}</b>" if c == highlight else _cluster_label(c, label_width)
              for c in clusters]
    held_by: dict[tuple[str, int], dict[str, list[str]]] = {}  # (cluster, year) -> role -> units, in row order
    for cluster, year, role, unit, province in zip(roles.cluster, roles.year, roles.role, roles.unit, roles.province):
        held_by.setdefault((cluster, int(year)), {}).setdefault(role, []).append(unit_label(unit, province))
    z, text, hover, most_lines = [], [], [], 1
    for cluster in clusters:
        deputies_before: set[str] = set()
        z_row, text_row, hover_row = [], [], []
        for year in years:
            held = held_by.get((cluster, year), {})
            leaders, deputies = held.get("Cụm trưởng", []), held.get("Cụm phó", [])
            cell = [f"<b>{line}</b>" for line in _cell_lines(leaders, width=cell_width)]
            if deputies:
                cell += [f'<span style="color:{DEPUTY_TEXT_COLOR}">{line}</span>'
                         for line in _cell_lines(deputies, "phó: ", cell_width)]
            most_lines = max(most_lines, len(cell))
            z_row.append(None if not held else int(bool(set(leaders) & deputies_before)))
            text_row.append("<br>".join(cell))
            hover_row.append(f"<b>{cluster}</b><br>Năm {year}<br>Cụm trưởng: {', '.join(leaders) or '–'}"
                             f"<br>Cụm phó: {', '.join(deputies) or '–'}")
            deputies_before = set(deputies)
        z.append(z_row)
        text.append(text_row)
        hover.append(hover_row)
    fig = _table_heatmap(z, text, hover, columns, labels, [LEADER_COLOR, ROTATED_COLOR])
    _legend_swatches(fig, [("Cụm trưởng (chữ đậm), Cụm phó", LEADER_COLOR),
                           ("Cụm phó năm trước lên Cụm trưởng", ROTATED_COLOR)])
    house_style(fig, title, _joined(subtitle, PHONE_YEARS_NOTE if size == "phone" else ""),
                plot_height=_table_height(len(clusters), most_lines), top_axis=34, bottom=16, **_table_layout(labels), size=size)
    return fig


def membership_matrix(changes: pd.DataFrame, *, cluster: str, roles: pd.DataFrame | None = None,
                      merger_column: str | None = None, subtitle: str | None = None, size: Size = "page") -> go.Figure:
    """A cluster's members year by year: a row per unit, a column per listed year; joins and leaves
    stand out, and each year's Cụm trưởng and Cụm phó are named in their cells.

    changes: unit, province, year, status ('member', 'joined', 'left': thidua.clusters), and
    new_province when merger_column names a last column showing the province each member became.
    roles: year, role, unit (leader_history).
    """
    years = _phone_years(sorted(int(y) for y in changes.year.unique()), size)
    units = list(dict.fromkeys(changes.sort_values(["year"], kind="stable").unit))
    labels = dict(zip(changes.unit, map(unit_label, changes.unit, changes.province)))
    role_of = {} if roles is None else {(r.unit, int(r.year)): r.role for r in roles.itertuples()}
    statuses = {(c.unit, int(c.year)): c.status for c in changes.itertuples()}
    codes = {MEMBER: 0, JOINED: 1, LEFT: 2}
    said = {MEMBER: "Thành viên", JOINED: "Mới vào cụm", LEFT: "Rời cụm"}
    short_role = {"Cụm trưởng": "<b>Trưởng</b>", "Cụm phó": "Phó"}
    columns = [str(year) for year in years] + ([merger_column] if merger_column else [])
    z, text, hover = [], [], []
    for unit in units:
        z_row, text_row, hover_row = [], [], []
        for year in years:
            status = statuses.get((unit, year))
            role = role_of.get((unit, year))
            words = {JOINED: "vào", LEFT: "rời"}.get(status, "")
            z_row.append(codes.get(status))
            text_row.append(" · ".join(filter(None, [words, short_role.get(role, "")])))
            hover_row.append(f"<b>{unit}</b><br>Năm {year}: {said.get(status, 'không trong danh sách')}"
                             + (f"<br>{role}" if role else ""))
        if merger_column:
            row = changes[changes.unit == unit].iloc[0]
            new, old = row.get("new_province"), row.province
            merged = isinstance(new, str) and new != old
            z_row.append(3 if merged else (4 if isinstance(new, str) else None))
            text_row.append(f"→ {new}" if merged else ("giữ nguyên" if isinstance(new, str) else ""))
            hover_row.append(f"<b>{unit}</b><br>{merger_column}: {new if merged else 'giữ nguyên'}")
        z.append(z_row)
        text.append(text_row)
        hover.append(hover_row)
    rows = _phone_wrapped([labels[u] for u in units], size)
    colors = [MEMBER_COLOR, JOINED_COLOR, LEFT_COLOR, MERGED_COLOR, KEPT_COLOR]
    fig = _table_heatmap(z, text, hover, columns, rows, colors)
    swatches = [("Thành viên", MEMBER_COLOR), ("Mới vào cụm", JOINED_COLOR), ("Rời cụm", LEFT_COLOR)]
    if merger_column:
        swatches.append(("Sáp nhập vào tỉnh mới", MERGED_COLOR))
    _legend_swatches(fig, swatches)
    house_style(fig, f"Thành viên {cluster} qua các năm", _joined(subtitle, PHONE_YEARS_NOTE if size == "phone" else ""),
                plot_height=_table_height(len(rows), 2 if size == "phone" else 1),
                top_axis=34, bottom=16, **_table_layout(rows), size=size)
    return fig


def award_matrix(awards: pd.DataFrame, *, cluster: str, years: list[int] | None = None,
                 subtitle: str | None = None, size: Size = "page") -> go.Figure:
    """Each unit's highest award of each year, coloured by its rung on the award ladder (darkest: the
    Government's flag); proposals drawn paler and marked 'đề nghị'. Units with the best awards decided
    first, then the best proposed, then the most awarded.

    awards: year, unit, province, award, level, source ('quyết định' or 'đề nghị'), as the named
    result awards gives them.
    """
    data = awards.assign(proposed=awards.source != "quyết định").sort_values(["proposed", "level"], kind="stable")
    best = data.drop_duplicates(["unit", "year"])
    years = _phone_years(years or sorted(int(y) for y in best.year.unique()), size)
    ranked = best.assign(decided=best.level.where(~best.proposed, len(AWARD_SHORT_NAMES) + 1))
    order = ranked.groupby("unit").agg(decided=("decided", "min"), top=("level", "min"), count=("level", "size"))
    units = list(order.sort_values(["decided", "top", "count"], ascending=[True, True, False], kind="stable").index)
    labels = dict(zip(best.unit, map(unit_label, best.unit, best.province)))
    cells = {(a.unit, int(a.year)): a for a in best.itertuples()}
    z, text, hover = [], [], []
    for unit in units:
        z_row, text_row, hover_row = [], [], []
        for year in years:
            award = cells.get((unit, year))
            index = None if award is None else min(int(award.level), len(AWARD_SHORT_NAMES)) - 1
            z_row.append(None if award is None else index + (len(AWARD_SHORT_NAMES) if award.proposed else 0))
            text_row.append("" if award is None else
                            AWARD_SHORT_NAMES[index] + ("<br><i>(đề nghị)</i>" if award.proposed else ""))
            hover_row.append("" if award is None else f"<b>{unit}</b><br>Năm {year}: {award.award}<br>({award.source})")
        z.append(z_row)
        text.append(text_row)
        hover.append(hover_row)
    paler = [_paler(color, PROPOSED_OPACITY) for color in AWARD_COLORS]
    rows = _phone_wrapped([labels[u] for u in units], size)
    fig = _table_heatmap(z, text, hover, [str(y) for y in years], rows, [*AWARD_COLORS, *paler])
    levels = sorted({min(int(level), len(AWARD_SHORT_NAMES)) for level in best.level})
    names = [name for name, _ in LADDER] + ["Hình thức khác"]
    _legend_swatches(fig, [(names[level - 1], AWARD_COLORS[level - 1]) for level in levels])
    house_style(fig, f"Khen thưởng {cluster}",
                _joined(subtitle or "Mỗi ô: hình thức cao nhất của năm, theo thang khen thưởng",
                        PHONE_YEARS_NOTE if size == "phone" else ""),
                plot_height=_table_height(len(rows), 2), top_axis=34, bottom=16, **_table_layout(rows), size=size)
    return fig


def _paler(color: str, opacity: float) -> str:
    """The colour as it looks at this opacity on white."""
    red, green, blue = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(255 - (255 - c) * opacity):02x}" for c in (red, green, blue))


def province_rank_history(series: pd.DataFrame, province: str, *, subtitle: str | None = None, size: Size = "page") -> go.Figure:
    """One province's PAR Index rank over the years, 1 at the top, with each year's jump said in
    words ('tăng 13 bậc'). Years after the 1 July 2025 merger (ranks among 34) are drawn apart.

    series: year, province, rank, provinces (how many ranked), change, after_merger
    (thidua.clusters.province_rank_history).
    """
    fig = go.Figure()
    parts = [(False, "Xếp hạng trong 63 tỉnh, thành phố", CHOSEN_COLOR, "solid"),
             (True, "{} sau sáp nhập: xếp hạng trong 34 tỉnh, thành phố", PEER_COLORS[1], "dot")]
    for after, name, color, dash in parts:
        part = series[series.after_merger == after]
        if part.empty:
            continue
        fig.add_scatter(
            x=part.year, y=part["rank"], mode="lines+markers+text", name=name.format(part.province.iloc[-1]),
            line=dict(color=color, width=3, dash=dash), marker=dict(size=12, color=color),
            text=[_rank_label(rank, count, change, size) for rank, count, change in zip(part["rank"], part.provinces, part.change)],
            textposition="bottom center", textfont=dict(size=15, color=color),
            customdata=part[["province"]],
            hovertemplate="<b>%{customdata[0]}</b><br>Năm %{x}: hạng %{y}<extra></extra>",
        )
    years = [int(y) for y in series.year]
    if years and years[0] < MERGER_YEAR <= years[-1]:
        fig.add_vline(x=MERGER_YEAR - 0.5, line=dict(color="#7f8c8d", dash="dot"),
                      annotation=dict(text="Sáp nhập tỉnh (1/7/2025)", font_size=14), annotation_position="top")
    worst = int(series.provinces.max()) if len(series) else 63
    house_style(fig, f"{province}: xếp hạng Chỉ số CCHC qua các năm", subtitle, plot_height=420,
                legend=bool(series.after_merger.any()), top_axis=10, bottom=50, left=70,
                xaxis=dict(title_text="", tickmode="array", tickvals=years, showgrid=False,
                           range=[min(years, default=0) - 0.5, max(years, default=0) + 0.5]),
                yaxis=dict(title_text="Xếp hạng (1 là cao nhất)", range=[worst + 4, -2], tickvals=_rank_ticks(worst, step=10),
                           zeroline=False, gridcolor="#eef1f3"), size=size)
    return fig


def _rank_label(rank: float, count: float, change: float, size: Size) -> str:
    """'<b>27</b>/63' over the year's jump in words ('tăng 13 bậc'), green when it rose, red when it fell; on
    a phone, where eight years share 330 px, '<b>27</b>' over '▲13'."""
    label = f"<b>{int(rank)}</b>" + ("" if size == "phone" else f"/{int(count)}")
    if pd.isna(change):
        return label
    color = ROSE_COLOR if change > 0 else FELL_COLOR if change < 0 else "#7f8c8d"
    said = (f"{'▲' if change > 0 else '▼'}{abs(int(change))}" if change else "=") if size == "phone" else rank_change_phrase(change)
    return f'{label}<br><span style="color:{color};font-size:14px">{said}</span>'


# A province's place on an index, by the share of provinces ranked above it: top third, middle, bottom third.
GAP_COLOR = "#ffffff"  # a year the province is left out: apart from the grey of a year without a table
PLACE_COLORS = (GAP_COLOR, "#b9dfc3", "#f9e79f", "#f5b7b1")
PLACE_NAMES = ("Nhóm 1/3 đầu", "Nhóm 1/3 giữa", "Nhóm 1/3 cuối")


def index_grid(places: pd.DataFrame, province: str, *, subtitle: str | None = None, size: Size = "page") -> go.Figure:
    """One province on every provincial index over the years, side by side: indices down, years across,
    each cell its rank as published ("12/63") coloured by the third it falls in; a year the index's table
    leaves the province out says "không công bố", a year without a table stays empty. Ranks of different
    indices are not blended: each row reads on its own.

    places: index, year, rank, band, ranked_among, published, listed (thidua.indices.province_indices).
    """
    years = _phone_years(sorted(int(y) for y in places.year.unique()), size)
    indices = list(dict.fromkeys(places["index"]))
    rows = [INDEX_SCALES[index].short if index in INDEX_SCALES else index for index in indices]
    by_cell = {(row.index, int(row.year)): row for row in places.itertuples()}
    z, text, hover = [], [], []
    for index, label in zip(indices, rows):
        z_row, text_row, hover_row = [], [], []
        for year in years:
            row = by_cell.get((index, year))
            if row is None:
                z_row.append(None)
                text_row.append("")
                hover_row.append(f"<b>{label}</b><br>Năm {year}: chưa có bảng xếp hạng")
            elif not row.listed:
                z_row.append(0)
                text_row.append(f'<i><span style="color:#7f8c8d">{NOT_PUBLISHED.replace(" ", "<br>", 1)}</span></i>')
                hover_row.append(f"<b>{label}</b><br>Năm {year}: {NOT_PUBLISHED} (bảng có {row.published} tỉnh)")
            else:
                by_score = bool(row.rank_computed)
                z_row.append(1 + min(2, int(3 * (row.rank - 1) / row.ranked_among)))
                text_row.append(f"<b>{int(row.rank)}</b>/{int(row.ranked_among)}" + ("*" if by_score else ""))
                hover_row.append(f"<b>{label}</b><br>Năm {year}: " + (f"thứ {int(row.rank)}/{int(row.ranked_among)} "
                                 f"theo điểm ({RANKED_BY_SCORE})" if by_score else
                                 f"hạng {int(row.rank)}/{int(row.ranked_among)}")
                                 + (f"<br>{row.band}" if isinstance(row.band, str) else ""))
        z.append(z_row)
        text.append(text_row)
        hover.append(hover_row)
    fig = _table_heatmap(z, text, hover, [str(year) for year in years], rows, list(PLACE_COLORS))
    _legend_swatches(fig, [*zip(PLACE_NAMES, PLACE_COLORS[1:]), (NOT_PUBLISHED.capitalize(), GAP_COLOR)])
    house_style(fig, f"{province}: xếp hạng các chỉ số cấp tỉnh qua các năm",
                _joined(_joined(subtitle or "Mỗi chỉ số xếp hạng riêng; không cộng gộp",
                                f"* thứ tự theo điểm: {RANKED_BY_SCORE}" if places.rank_computed.eq(True).any() else ""),
                        PHONE_YEARS_NOTE if size == "phone" else ""),
                plot_height=_table_height(len(rows), 2), top_axis=34, bottom=16, **_table_layout(rows),
                size=size)
    return fig


def province_score_benchmarks(frame: pd.DataFrame, province: str, region: str, *,
                              subtitle: str | None = None, size: Size = "page") -> go.Figure:
    """One province's PAR Index score beside the national median, its region's median and the best
    score of each year.

    frame: year, score, national_median, region_median, best, best_province.
    """
    data = frame.sort_values("year")
    fig = go.Figure()
    lines = [("best", "Cao nhất cả nước", "dashdot"), ("national_median", "Trung vị cả nước", "dash"),
             ("region_median", f"Trung vị vùng {region}", "dot")]
    for column, name, dash in lines:
        color = MEDIAN_COLORS[column.split("_")[0]]
        extra = (data.best_province if column == "best" else pd.Series("", index=data.index)).fillna("")
        fig.add_scatter(x=data.year, y=data[column], mode="lines+markers", name=name,
                        line=dict(color=color, width=2, dash=dash), marker=dict(size=7, color=color),
                        customdata=pd.DataFrame({"v": data[column].map(vn_number), "who": extra}),
                        hovertemplate=f"{name}<br>Năm %{{x}}: %{{customdata[0]}}% %{{customdata[1]}}<extra></extra>")
    shown = data.score.map(vn_number)
    fig.add_scatter(x=data.year, y=data.score, mode="lines+markers+text", name=province,
                    line=dict(color=HIGHLIGHT_COLOR, width=4), marker=dict(size=11, color=HIGHLIGHT_COLOR),
                    text=shown.where(_labelled_points(data.score, size), ""), customdata=shown,
                    textposition=["top center" if above else "bottom center"
                                  for above in data.score >= data.national_median.fillna(data.score)],
                    textfont=dict(size=14, color=HIGHLIGHT_COLOR),
                    hovertemplate=f"<b>{province}</b><br>Năm %{{x}}: %{{customdata}}%<extra></extra>")
    years = [int(y) for y in data.year]
    for year in METHOD_CHANGE_YEARS:  # on a phone the words would run into each other: the subtitle says them
        if years and years[0] < year <= years[-1]:
            fig.add_vline(x=year - 0.5, line=dict(color="#bdc3c7", dash="dot"),
                          **({} if size == "phone" else dict(
                              annotation=dict(text="Đổi phương pháp", font=dict(size=13, color="#7f8c8d")),
                              annotation_position="top")))
    low = data[["score", "national_median", "region_median"]].min().min() if len(data) else 70.0
    high = data[["score", "best"]].max().max() if len(data) else 100.0
    house_style(fig, f"{province}: Chỉ số CCHC so với trung vị và tỉnh cao nhất", subtitle, plot_height=420,
                top_axis=10, bottom=50, left=60,
                xaxis=dict(title_text="", tickmode="array", tickvals=years, showgrid=False,
                           range=[min(years, default=0) - 0.5, max(years, default=0) + 0.5]),
                yaxis=dict(title_text="Chỉ số (%)", ticksuffix="%", range=[math.floor(low) - 2, math.ceil(high) + 2],
                           gridcolor="#eef1f3"), size=size)
    return fig


PHONE_LABELLED_POINTS = 5  # more labels than this over a phone's width run into each other


def _labelled_points(values: pd.Series, size: Size) -> pd.Series:
    """Which points of a line carry their value: all of them, but on a phone with many points only the first,
    the last, the highest and the lowest (the rest show on touch)."""
    if size != "phone" or len(values) <= PHONE_LABELLED_POINTS:
        return pd.Series(True, index=values.index)
    kept = {values.index[0], values.index[-1], values.idxmax(), values.idxmin()}
    return pd.Series(values.index.isin(kept), index=values.index)


def cluster_ranking_bar(ranking: pd.DataFrame, *, cluster: str, year: int, highlight: str | None = None,
                        subtitle: str | None = None, mid_year: bool = False, size: Size = "page") -> go.Figure:
    """One cluster's scoring as horizontal bars, first at the top, each bar labelled with its total
    and the award proposed for the unit, and coloured by that award's rung on the ladder.

    ranking: unit, total, rank, award (the named result cluster_ranking). highlight: a unit drawn in blue
    (red is the flag's colour).
    mid_year: the scores of the mid-year review (sơ kết 6 tháng).
    """
    data = ranking.sort_values(["rank", "unit"]).reset_index(drop=True)
    data["label"] = [f"<b>{r}. {u}</b>" if u == highlight else f"{r}. {u}"
                     for r, u in zip(data["rank"], _phone_wrapped(data.unit, size))]
    awards = data.award if "award" in data else pd.Series(None, index=data.index, dtype=object)
    levels = [min(award_level(a), len(AWARD_SHORT_NAMES)) if isinstance(a, str) and a else None for a in awards]
    short = [AWARD_SHORT_NAMES[level - 1] if level else "" for level in levels]
    data["shown"] = [vn_number(total) + (f" · {name}" if name and size != "phone" else "")
                     for total, name in zip(data.total, short)]
    fig = go.Figure(go.Bar(
        x=data.total, y=data.label, orientation="h", text=data.shown, textposition="outside", cliponaxis=False,
        marker_color=[CHOSEN_COLOR if u == highlight else AWARD_COLORS[level - 1] if level else OTHER_COLOR
                      for u, level in zip(data.unit, levels)], showlegend=False,
        customdata=pd.DataFrame({"unit": data.unit, "total": data.total.map(vn_number), "award": awards.fillna("–"),
                                 "source": source_lines(data)}),
        hovertemplate="<b>%{customdata[0]}</b><br>Tổng điểm: %{customdata[1]}<br>Đề nghị khen thưởng: "
                      "%{customdata[2]}<br>%{customdata[3]}<extra></extra>",
    ))
    proposed = sorted({level for level in levels if level})
    _legend_swatches(fig, [(f"Đề nghị {AWARD_SHORT_NAMES[level - 1]}", AWARD_COLORS[level - 1]) for level in proposed]
                     + ([("Không đề nghị khen thưởng", OTHER_COLOR)] if proposed else []))
    # Bars start at zero: a bar cut off at 85 would make 90,50 look a fifth of 99,00.
    high = data.total.max() * 1.3 if len(data) else 100.0  # room for the labels
    house_style(fig, f"Kết quả chấm điểm thi đua {period_phrase(year, mid_year)}",
                " · ".join(filter(None, [_cluster_short(cluster), subtitle])),
                plot_height=max(240, 46 * len(data)), legend=bool(proposed), top_axis=30, right=30,
                bargap=0.3,
                xaxis=dict(title_text="", side="top", range=[0, high], showgrid=True, gridcolor="#e5e8eb"),
                yaxis=dict(title_text="", categoryorder="array", categoryarray=list(data.label), autorange="reversed",
                           tickfont=dict(size=15), automargin=True), size=size)
    return fig


# ---------------------------------------------------------------- one cluster's scoring

GROUP_LABEL_CHARS = 18  # criterion group names wrap to this width above the heatmap's columns
SHARE_FLOOR = 80.0      # the heatmap's palest colour: at most this share of the maximum (%)
SHARE_COLORSCALE = "YlGnBu"
GAP_COLORS = {"over": FELL_COLOR, "under": CHOSEN_COLOR, "equal": OTHER_COLOR}
GAP_NAMES = {"over": "Tự chấm cao hơn", "under": "Tự chấm thấp hơn", "equal": "Bằng điểm Cụm chấm"}
GAP_TOLERANCE = 0.005


def period_phrase(year: int, mid_year: bool = False) -> str:
    """'năm 2024', or 'sơ kết 6 tháng đầu năm 2024' for the mid-year review."""
    return f"sơ kết 6 tháng đầu năm {year}" if mid_year else f"năm {year}"


def _cluster_short(name: str) -> str:
    """A cluster's name without the words every cluster starts with."""
    return name.removeprefix("Cụm thi đua ").removeprefix("Khối thi đua ")


def _group_label(code: object, title: str) -> str:
    """'I. Thực hiện nhiệm vụ chuyên môn', titles written in capitals shown as running text."""
    words = display_case(title)
    return f"{code}. {words}" if isinstance(code, str) and code else words


def criteria_share_heatmap(groups: pd.DataFrame, *, cluster: str, year: int, mid_year: bool = False,
                           order: list[str] | None = None, subtitle: str | None = None, size: Size = "page") -> go.Figure:
    """Each unit's points in each top-level criterion group as a share of the group's maximum: a row
    per unit, a column per group in the workbook's order; a darker cell is nearer the maximum.

    groups: unit, code, title, position, score, max_points, share (the named result cluster_groups).
    order: the units top to bottom (e.g. by rank).
    """
    data = groups.sort_values("position", kind="stable")
    data = data.assign(column=[_group_label(c, t) for c, t in zip(data.code, data.title)])
    columns = list(dict.fromkeys(data.column))
    rows = [u for u in (order or dict.fromkeys(data.unit)) if u in set(data.unit)]
    cells = {(r.unit, r.column): r for r in data.itertuples()}
    z, text, hover = [], [], []
    for unit in rows:
        found = [cells.get((unit, column)) for column in columns]
        shares = [None if c is None or pd.isna(c.share) else 100 * float(c.share) for c in found]
        z.append(shares)
        text.append([MISSING if s is None else vn_percent(s, 1) for s in shares])
        hover.append([f"<b>{unit}</b><br>{column}<br>" + (
            "chưa có điểm" if c is None else f"{vn_number(c.score)} / {vn_number(c.max_points)} điểm tối đa")
            for column, c in zip(columns, found)])
    seen = [s for row in z for s in row if s is not None]
    low = min(SHARE_FLOOR, math.floor(min(seen) / 5) * 5) if seen else SHARE_FLOOR
    wrapped, key = _column_labels(columns, GROUP_LABEL_CHARS, size)
    rows = _phone_wrapped(rows, size)
    fig = go.Figure(go.Heatmap(
        z=z, x=["<br>".join(lines) for lines in wrapped], y=rows, zmin=low, zmax=100, colorscale=SHARE_COLORSCALE,
        showscale=False, text=text, texttemplate="%{text}", textfont=dict(size=11 if size == "phone" else 14),
        customdata=hover,
        hovertemplate="%{customdata}<extra></extra>", xgap=2, ygap=2, hoverongaps=False,
    ))
    house_style(fig, f"Tỷ lệ điểm đạt so với điểm tối đa theo nhóm tiêu chí, {period_phrase(year, mid_year)}",
                _joined(subtitle or f"{_cluster_short(cluster)} · điểm Cụm chấm; màu càng đậm, càng gần điểm tối đa",
                        key),
                plot_height=max(160, 34 * len(rows)), legend=False, bottom=16,
                top_axis=19 * max((len(lines) for lines in wrapped), default=1) + 14,
                xaxis=dict(side="top", tickfont=dict(size=14), tickangle=0, type="category"),
                yaxis=dict(type="category", categoryorder="array", categoryarray=rows, autorange="reversed",
                           tickfont=dict(size=15), automargin=True),
                plot_bgcolor=NO_DATA_COLOR, size=size)
    return fig


def _gap_kind(gap: float) -> str:
    return "over" if gap > GAP_TOLERANCE else "under" if gap < -GAP_TOLERANCE else "equal"


def self_score_gap(ranking: pd.DataFrame, *, cluster: str, year: int, mid_year: bool = False,
                   subtitle: str | None = None, size: Size = "page") -> go.Figure:
    """How far each unit's own score (tự chấm) stands from the score the cluster confirmed: a bar
    per unit right of zero when it scored itself higher, left when lower; the largest gap on top.
    Units without a self score are left out.

    ranking: unit, total, self_total, rank (the named result cluster_ranking).
    """
    data = ranking.dropna(subset=["total", "self_total"])
    data = data.assign(gap=(data.self_total - data.total).astype(float))
    data = data.sort_values(["gap", "rank"], ascending=[False, True], kind="stable").reset_index(drop=True)
    data["unit"] = _phone_wrapped(data.unit, size)
    fig = go.Figure()
    kinds = data.gap.map(_gap_kind)
    for kind in ("over", "equal", "under"):
        part = data[kinds == kind]
        if part.empty:
            continue
        fig.add_bar(
            x=part.gap, y=part.unit, orientation="h", name=GAP_NAMES[kind], marker_color=GAP_COLORS[kind],
            text=part.gap.map(vn_signed), textposition="outside", cliponaxis=False,
            customdata=pd.DataFrame({"own": part.self_total.map(vn_number), "total": part.total.map(vn_number)}),
            hovertemplate="<b>%{y}</b><br>Tự chấm: %{customdata[0]}<br>Cụm chấm: %{customdata[1]}"
                          "<br>Chênh lệch: %{text}<extra></extra>",
        )
    reach = max([abs(g) for g in data.gap] + [1.0])
    pad = 0.3 * reach + 0.5  # room for the labels outside the bars
    low = data.gap.min() - pad if len(data) and data.gap.min() < 0 else -0.1 * reach
    high = data.gap.max() + pad if len(data) and data.gap.max() > 0 else 0.1 * reach
    house_style(fig, f"Điểm tự chấm so với điểm Cụm chấm, {period_phrase(year, mid_year)}",
                subtitle or f"{_cluster_short(cluster)} · tự chấm trừ Cụm chấm (điểm)",
                plot_height=max(200, (44 if size == "phone" else 34) * len(data)), top_axis=30, right=30,
                barmode="overlay", bargap=0.3,
                xaxis=dict(title_text="", side="top", range=[low, high], zeroline=True, zerolinewidth=2,
                           zerolinecolor=AVERAGE_COLOR, showgrid=True, gridcolor="#eef1f3"),
                yaxis=dict(title_text="", type="category", categoryorder="array", categoryarray=list(data.unit),
                           autorange="reversed", tickfont=dict(size=15), automargin=True), size=size)
    return fig
