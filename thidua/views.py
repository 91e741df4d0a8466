"""One registry of charts: each names the named result it draws, what it shows, and the function of
thidua.charts that draws it at the three sizes it is read at (a phone's column, the page, a 1920×1080
slide). The pages, the exports and the decks all draw through it, so a chart looks the same wherever
it appears and is built by one code path.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import plotly.graph_objects as go

from thidua import charts
from thidua.charts import Size
from thidua.untrusted import figure_text_literal


@dataclass(frozen=True)
class ChartSpec:
    result: str                          # the named result whose rows it draws
    label: str                           # what it shows, in Vietnamese
    draw: Callable[..., go.Figure]       # rows and filters in, a figure out; size= one of SIZES


VIEWS: dict[str, ChartSpec] = {
    "par_ranking": ChartSpec("par_ranking", "Xếp hạng Chỉ số CCHC một năm", charts.par_ranking_dots),
    "rank_jumps": ChartSpec("rank_jumps", "Biến động thứ hạng giữa hai năm", charts.rank_slope),
    "rank_bump": ChartSpec("par_history", "Thứ hạng các tỉnh được chọn qua các năm", charts.rank_bump),
    "par_history": ChartSpec("par_history", "Thứ hạng một tỉnh qua các năm", charts.province_rank_history),
    "par_benchmarks": ChartSpec("par_benchmarks", "Chỉ số một tỉnh so với trung vị và tỉnh cao nhất",
                                charts.province_score_benchmarks),
    "index_ranking": ChartSpec("index_ranking", "Xếp hạng một chỉ số cấp tỉnh một năm", charts.par_ranking_dots),
    "index_jumps": ChartSpec("index_jumps", "Biến động thứ hạng một chỉ số cấp tỉnh giữa hai năm", charts.rank_slope),
    "index_grid": ChartSpec("index_history", "Một tỉnh trên các chỉ số cấp tỉnh qua các năm", charts.index_grid),
    "par_components": ChartSpec("par_components", "Điểm thành phần Chỉ số CCHC", charts.component_heatmap),
    "cluster_ranking": ChartSpec("cluster_ranking", "Kết quả chấm điểm của một Cụm thi đua",
                                 charts.cluster_ranking_bar),
    "cluster_groups": ChartSpec("cluster_groups", "Tỷ lệ điểm đạt theo nhóm tiêu chí", charts.criteria_share_heatmap),
    "self_score_gap": ChartSpec("cluster_ranking", "Điểm tự chấm so với điểm Cụm chấm", charts.self_score_gap),
    "leader_history": ChartSpec("leader_history", "Cụm trưởng, Cụm phó qua các năm", charts.leader_timeline),
    "cluster_members": ChartSpec("cluster_members", "Thành viên một Cụm qua các năm", charts.membership_matrix),
    "awards": ChartSpec("awards", "Khen thưởng của một Cụm thi đua", charts.award_matrix),
}


class View:
    """One chart at each size, each drawn the first time it is asked for (a deck needs only its slide, a
    page its page or phone form and the slide its files are made from): the page shows `page` (or
    `phone` on a phone), files and slides take `slide`."""

    def __init__(self, draw: Callable[[Size], go.Figure]):
        self._draw = draw
        self._changes: list[Callable[[go.Figure], object]] = []
        self._drawn: dict[Size, go.Figure] = {}

    def at(self, size: Size) -> go.Figure:
        if size not in self._drawn:
            figure = figure_text_literal(self._draw(size))
            for change in self._changes:
                change(figure)
            self._drawn[size] = figure
        return self._drawn[size]

    phone = property(lambda self: self.at("phone"))
    page = property(lambda self: self.at("page"))
    slide = property(lambda self: self.at("slide"))

    @property
    def title(self) -> str:
        return self.slide.layout.title.text or ""

    def restyled(self, change: Callable[[go.Figure], object]) -> View:
        """The view with change(figure) applied to the figure of every size (e.g. a title for one scope)."""
        self._changes.append(change)
        for figure in self._drawn.values():
            change(figure)
        return self


def view(name: str, /, *args, **params) -> View:
    """The chart VIEWS[name] drawn from these rows and filters, at each size when asked for; names from
    files show as written, never as markup."""
    draw = VIEWS[name].draw
    return View(lambda size: draw(*args, size=size, **params))


# Plotly's own words in Vietnamese (plotly.js ships no Vietnamese locale in this installation), and
# numbers and dates written the Vietnamese way in hover labels. The toolbar is left out: every chart
# has its download menu under it, and on a phone the toolbar covered the title.
VI_LOCALE = {
    "dictionary": {
        "Autoscale": "Tự co giãn", "Box Select": "Chọn vùng", "Download plot as a png": "Tải biểu đồ (PNG)",
        "Download plot": "Tải biểu đồ", "Lasso Select": "Chọn tự do", "Pan": "Kéo", "Reset": "Đặt lại",
        "Reset axes": "Đặt lại trục", "Reset view": "Đặt lại", "Zoom": "Phóng to vùng", "Zoom in": "Phóng to",
        "Zoom out": "Thu nhỏ", "Double-click to zoom back out": "Nhấp đúp để thu nhỏ lại",
        "Show closest data on hover": "Hiện số liệu gần nhất", "Compare data on hover": "So sánh số liệu",
        "Toggle Spike Lines": "Bật/tắt đường gióng", "Close": "Đóng", "trace": "chuỗi",
        "Taking snapshot - this may take a few seconds": "Đang chụp biểu đồ, xin chờ vài giây",
        "Snapshot succeeded": "Đã chụp xong",
        "Sorry, there was a problem downloading your snapshot!": "Không tải được ảnh biểu đồ.",
    },
    "format": {
        "days": ["Chủ nhật", "Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy"],
        "shortDays": ["CN", "T2", "T3", "T4", "T5", "T6", "T7"],
        "months": [f"Tháng {month}" for month in range(1, 13)],
        "shortMonths": [f"Th{month}" for month in range(1, 13)],
        "date": "%d/%m/%Y", "decimal": ",", "thousands": ".",
    },
}
PLOTLY_CONFIG = {"displaylogo": False, "displayModeBar": False, "locale": "vi", "locales": {"vi": VI_LOCALE}}
