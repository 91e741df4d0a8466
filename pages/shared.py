"""What the pages share: the database, named results cached until the data changes, the demo note,
charts and tables with their downloads, and the print view."""
from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import partial

import pandas as pd
import plotly.graph_objects as go
import plotly.io
import streamlit as st
from streamlit import runtime
from streamlit.runtime.scriptrunner import get_script_run_ctx

from thidua.charts import INDEX_SCALES, IndexScale
from thidua.config import default_db_path
from thidua import views
from thidua.db import Database, DatabaseBusy, database, query_names
from thidua.demo import DEMO_UPLOADER, load_demo_if_empty, never_written
from thidua.export import TableHeading, figure_bytes, start_browser_in_background, table_csv, table_xlsx
from thidua.formatting import years_phrase
from thidua.provinces import registry, strip_diacritics
from thidua.reports import Provenance, file_stem, illustrative_note, illustrative_par_years, provenance
from thidua.views import PLOTLY_CONFIG, View

ALL_REGIONS = "Cả nước"
WARMING_NICENESS = 10


def current_database() -> Database:
    """The database named by THIDUA_DB (read on every run, so tests can point it elsewhere)."""
    return database(str(default_db_path()))


@st.cache_resource(show_spinner=False)
def data_preparation(path: str) -> threading.Event:
    """Set once the database at path is ready to show, once per process: on a fresh machine (nothing ever
    uploaded) the illustrative data is loaded first, in the background, so no visitor's page waits on
    it. Then, under a real server, the shared caches are filled and the export browser started."""
    ready = threading.Event()
    fresh = never_written(database(path))
    if not fresh:
        ready.set()
    threading.Thread(target=_prepare, args=(path, fresh, ready, _serving()), name="thidua-prepare",
                     daemon=True).start()
    return ready


def _serving() -> bool:
    """True under `streamlit run`; AppTest stands a mock in for the runtime (its type is not Runtime)."""
    return runtime.exists() and type(runtime.get_instance()) is runtime.Runtime


def _prepare(path: str, fresh: bool, ready: threading.Event, serving: bool) -> None:
    try:
        if fresh:
            load_demo_if_empty(database(path), isolate=True)
    finally:
        ready.set()
    if serving:
        # What follows only saves later visitors time: it yields the processor to pages being drawn now
        # (the thread and the browser it starts run at a lower priority).
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), WARMING_NICENESS)
        start_browser_in_background()
        warm_results(path)


def warm_results(path: str) -> None:
    """Fills the shared cache of named results with those every page starts from: each result that
    takes no parameter, and the PAR Index of every year (a new session's first page then reads no file)."""
    db = database(path)
    try:
        with db.session():
            query = Results(db)
            for name in query_names():
                try:
                    query(name)
                except KeyError:  # a result that needs parameters
                    continue
            years = sorted(query("par_years").year, reverse=True)
            for year, previous in zip(years, [*years[1:], None]):
                query("par_ranking", year=year)
                query("par_components", year=year)
                if previous is not None:
                    query("rank_jumps", from_year=previous, to_year=year)
    except DatabaseBusy:  # the command line is writing: the pages fill the cache as they go
        return


def wait_for_data() -> None:
    """While the illustrative data loads on a fresh machine, says so and ends the run; the page shows
    itself once the data is ready."""
    ready = data_preparation(str(current_database().path))
    if ready.is_set():
        return
    st.info("Đang chuẩn bị dữ liệu minh họa cho lần chạy đầu tiên… Trang sẽ tự hiện khi xong.",
            icon=":material/hourglass_top:")
    _rerun_when_ready(ready)
    st.stop()


@st.fragment(run_every=1)
def _rerun_when_ready(ready: threading.Event) -> None:
    if ready.is_set():
        st.rerun(scope="app")


@st.cache_resource(show_spinner=False, max_entries=512)
def _cached_result(path: str, version: str, name: str, params: tuple) -> pd.DataFrame:
    """One frame shared by every run and session: handed out as shallow copies, which pandas' copy on
    write keeps apart (st.cache_data unpickled a copy at every call: ~15 ms a run of a large page)."""
    return database(path).query(name, **dict(params))


class Results:
    """Named results of the data as it is now: the data version is read once per page run and
    keys the cache, so a new upload shows at once while repeated views cost nothing. It notes
    what the page read (used), so exported charts can say where their figures came from."""

    def __init__(self, db: Database):
        self._path = str(db.path)
        version = db.query("data_version").iloc[0]
        self._version = f"{version.uploads}/{version.last_upload}/{version.last_change}"
        self.used: list[tuple[str, dict]] = []

    def __call__(self, name: str, **params) -> pd.DataFrame:
        self.used.append((name, params))
        return _cached_result(self._path, self._version, name, tuple(sorted(params.items()))).copy(deep=False)

    @property
    def path(self) -> str:
        return self._path

    @property
    def version(self) -> str:
        """Changes with every upload written or undone: a key for state that must start afresh then."""
        return self._version

    @property
    def snapshot(self) -> tuple[str, str]:
        """The database and its data version: with the filters that chose them, it names any frame made
        from these results (reused(..., made_from=...), drawn(..., made_from=...))."""
        return self._path, self._version


_PAGE_RESULTS = "_thidua_page_results"


def results() -> Results:
    """The named results for this run of the page; charts shown after it take their source line from
    what it has read."""
    found = Results(current_database())
    st.session_state[_PAGE_RESULTS] = (_page_id(), found)
    return found


def _page_id() -> str:
    context = get_script_run_ctx()
    return context.page_script_hash if context else ""


def page_provenance() -> Provenance:
    """Source and load date of the figures this run of the page has read (everything in force when it
    has read nothing through results())."""
    page, query = st.session_state.get(_PAGE_RESULTS, ("", None))
    if query is None or page != _page_id():
        query = Results(current_database())
    read = tuple((name, tuple(sorted(params.items()))) for name, params in query.used)
    return _provenance(query.path, query.version, read)


@st.cache_data(show_spinner=False, max_entries=512)
def _provenance(path: str, version: str, read: tuple) -> Provenance:
    return provenance(_cached_result(path, version, "data_sources", ()), [(name, dict(params)) for name, params in read])


def show_demo_note(query: Results, years: Iterable[int]) -> None:
    """The demo mark of a view of these PAR Index years, decided year by year from the upload in force."""
    shown = sorted(set(years))
    illustrative = [year for year in shown if year in illustrative_par_years(query("data_sources"))]
    note = illustrative_note(f"Số liệu năm {years_phrase(shown)}", [str(year) for year in illustrative], len(shown),
                             "năm")
    if note:
        st.info(f"**Dữ liệu minh họa** — {note} Hãy nhập bảng Chỉ số CCHC chính thức để thay thế.",
                icon=":material/info:")


IMAGE_FILES = {"png": ("PNG — trình chiếu (1920×1080)", "image/png"),
               "svg": ("SVG — chỉnh sửa, in khổ lớn", "image/svg+xml"),
               "pdf": ("PDF — in ấn", "application/pdf")}


@dataclass(frozen=True)
class Drawn:
    """A chart at its three sizes with what showing it needs: the JSON of its slide (for the files made
    from it) and a digest of that (keys of its download buttons). Shared by every session: nothing may
    change the figures."""
    view: View
    json: str
    digest: str

    @classmethod
    def of(cls, view: View) -> Drawn:
        slide_json = view.slide.to_json()
        return cls(view, slide_json, hashlib.sha1(slide_json.encode()).hexdigest()[:12])


def drawn(name: str, /, *args, made_from: Hashable = None, **params) -> Drawn:
    """The chart views.VIEWS[name] drawn from these rows and filters, built once for these arguments and
    then shared by every rerun and session. made_from: see reused()."""
    return reused(_drawing, name, *args, made_from=made_from, **params)


def _drawing(name: str, /, *args, **params) -> Drawn:
    return Drawn.of(views.view(name, *args, **params))


def reused(compute: Callable, /, *args, made_from: Hashable = None, **params):
    """compute(*args, **params), computed once and then shared by every rerun and session: nothing may
    change what it returns (a frame is handed out as a shallow copy, which copy on write keeps apart).
    Arguments are compared by value, data frames by content (hashing costs ~1 ms a run per thousand
    rows) unless made_from names them: the results' snapshot and every filter that chose the frames,
    e.g. made_from=(query.snapshot, cluster, from_year, to_year)."""
    def compared(value):
        if callable(value):
            return f"{value.__module__}.{value.__qualname__}"
        return _FRAME if made_from is not None and isinstance(value, pd.DataFrame) else value

    key = (made_from, tuple(compared(arg) for arg in args), {key: compared(value) for key, value in params.items()})
    found = _reused(compared(compute), key, compute, args, params)
    return found.copy(deep=False) if isinstance(found, pd.DataFrame) else found


_FRAME = "<a frame named by made_from>"


@st.cache_resource(show_spinner=False, max_entries=512)
def _reused(name: str, key: tuple, _compute: Callable, _args: tuple, _params: dict):
    return _compute(*_args, **_params)


PHONE_BROWSERS = ("Mobi", "Android", "iPhone", "iPad")  # words a phone's or tablet's browser puts in its User-Agent


def on_phone() -> bool:
    """Whether the page is being read on a phone. The server never learns the window's width, so it goes
    by the browser's own description of itself; below 640 px every chart also fits by its CSS width."""
    agent = st.context.headers.get("User-Agent") or ""
    return any(word in agent for word in PHONE_BROWSERS)


def show_figure(figure: Drawn | View, *, source: str | None = None, updated: date | None = None,
                file_name: str | None = None) -> None:
    """A chart of the registry (best made by drawn(), so a rerun does not build it again) at the page's
    size, or a phone's, as is (Streamlit's theme would replace its fonts and colours), and under it PNG,
    SVG and PDF files of its slide, drawn on the server only when asked for: 16:9, 1920×1080, with the
    line "Nguồn: ...; cập nhật ngày ...". The source and date default to those of the figures this run of
    the page has read (page_provenance); file_name (no extension) to one made from the chart's title."""
    shown = figure if isinstance(figure, Drawn) else Drawn.of(figure)
    size = "phone" if on_phone() else "page"
    _plotted(f"{shown.digest}-{size}", shown.view.at(size))
    if source is None or updated is None:
        origin = page_provenance()
        source, updated = source or origin.source, updated or origin.updated
    stem = file_name or file_stem(shown.view.title.replace("<br>", " ") or "bieu-do")
    with st.popover("Tải biểu đồ", icon=":material/download:"):
        for fmt, (label, mime) in IMAGE_FILES.items():
            st.download_button(label, data=partial(_figure_file, shown.json, fmt, source, updated),
                               file_name=f"{stem}.{fmt}", mime=mime, on_click="ignore",
                               key=f"tai-{shown.digest}-{fmt}")


@st.cache_resource(show_spinner=False, max_entries=512)
def _plotted(key: str, _figure: go.Figure) -> None:
    """The chart element, built once per figure and size and then replayed by every rerun and session
    (Streamlit serialises a figure again at every call: ~25 ms a chart)."""
    st.plotly_chart(_figure, theme=None, config=PLOTLY_CONFIG)


@st.cache_data(show_spinner=False, max_entries=64)
def _figure_file(figure_json: str, fmt: str, source: str, updated: date | str) -> bytes:
    return figure_bytes(plotly.io.from_json(figure_json), fmt, source, updated)


# The filters kept in the address bar, by their key there: what an exported table says chose its rows (the
# index, chi_so, is named by every table's title).
FILTER_LABELS = {"nam": "Năm", "tu_nam": "Từ năm", "den_nam": "Đến năm", "vung": "Vùng", "tinh": "Tỉnh, thành phố",
                 "cum": "Cụm thi đua", "ky": "Kỳ chấm điểm", "don_vi": "Đơn vị", "pham_vi": "Phạm vi"}


def page_filters() -> dict[str, str]:
    """The filters of this page as the address bar holds them, by their Vietnamese labels."""
    return {label: st.query_params[key] for key, label in FILTER_LABELS.items() if st.query_params.get(key)}


def table_heading(title: str) -> TableHeading:
    """What an exported table of this page says above it: title, filters, source and date, demo mark."""
    origin = page_provenance()
    return TableHeading(title, page_filters(), origin.source, origin.updated, origin.illustrative)


def show_table(frame: pd.DataFrame, *, title: str, formats: Mapping[str, Callable[[object], str]] | None = None,
               sources: pd.Series | None = None, **options) -> None:
    """A table on screen and, built only when asked for, as XLSX and CSV files named after title
    (unique on the page): the XLSX a finished document (title, the page's filters, source and date, the
    demo mark where it applies, then the table), the CSV plain unless its heading lines are asked for;
    Vietnamese headers, numbers as numbers, text that Excel would run as a formula defused. formats say
    how a column is written on screen only (e.g. vn_number for the decimal comma; a column the frame lacks
    is skipped); options go to st.dataframe (hide_index and width="stretch" unless given). sources: where each
    row's figures came from (provenance.source_lines, row for row), shown as a column «Nguồn» when asked for."""
    stem = file_stem(title)
    if sources is not None and st.checkbox("Hiện nguồn", key=f"bang-{stem}-nguon",
                                           help="Tệp, trang và ô mỗi số liệu được đọc ra, ngày nhập và người nhập."):
        frame = frame.assign(**{"Nguồn": sources.to_numpy()})
    shown = frame.assign(**{column: frame[column].map(write) for column, write in (formats or {}).items()
                            if column in frame})
    st.dataframe(shown, **{"hide_index": True, "width": "stretch", **options})
    heading = table_heading(title)
    with st.popover("Tải bảng", icon=":material/download:"):
        st.download_button("Excel (XLSX)", data=partial(table_xlsx, frame, heading), file_name=f"{stem}.xlsx",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                           on_click="ignore", key=f"bang-{stem}-xlsx")
        headed = st.checkbox("CSV có dòng tiêu đề, bộ lọc và nguồn ở đầu tệp", key=f"bang-{stem}-csv-tieu-de",
                             help="Để trống: tệp CSV chỉ có bảng, dòng đầu là tên cột (cho máy đọc).")
        st.download_button("CSV (UTF-8)", data=partial(table_csv, frame, None, heading if headed else None),
                           file_name=f"{stem}.csv", mime="text/csv", on_click="ignore", key=f"bang-{stem}-csv")


def show_styled(style: Callable[..., object], /, *args, made_from: Hashable, **options) -> None:
    """st.dataframe of the pandas Styler style(*args) (options as for show_table), rendered once for
    made_from (see reused()) and then replayed by every rerun and session: Streamlit renders a Styler
    again at every call (~30 ms for a 60-row table)."""
    reused(_styled_table, style, *args, made_from=made_from, **{"hide_index": True, "width": "stretch", **options})


def _styled_table(style: Callable[..., object], /, *args, **options) -> None:
    st.dataframe(style(*args), **options)  # drawn inside the cache: a cache hit replays the element


# What only works on screen: left out of every printout, and of the print view.
SCREEN_ONLY = ('[data-testid="stMain"] [data-testid="stPopover"]', '[data-testid="stMain"] [data-testid="stButton"]',
               '[data-testid="stMain"] [data-testid="stDownloadButton"]', '[data-testid="stFileUploader"]',
               '[data-testid="stElementToolbar"]', ".modebar-container")
PAPER_WIDTH = "1040px"  # an A4 landscape page at 96 dots per inch, less its margins


def print_view() -> None:
    """Printing any page (Ctrl+P) leaves out the sidebar, the header and every button. The sidebar's
    "Bản in" switch shows the page so on screen, laid out at the width of an A4 landscape page, so
    charts are drawn at the size they will be printed and none is cut off."""
    on = st.sidebar.toggle("Bản in", key="ban_in", bind="query-params",
                           help="Ẩn các nút, dàn trang theo khổ A4 ngang; nhấn Ctrl+P để in hoặc lưu PDF.")
    screen = (f"{', '.join(SCREEN_ONLY)} {{ display: none !important; }} "
              f'[data-testid="stMainBlockContainer"] {{ max-width: {PAPER_WIDTH} !important; '
              "padding: 3rem 0 1rem !important; margin: 0 auto !important; }")
    paper = ('@page { size: A4 landscape; margin: 12mm; } '
             '[data-testid="stSidebar"], [data-testid="stHeader"] { display: none !important; } '
             '[data-testid="stPlotlyChart"], [data-testid="stDataFrame"] { break-inside: avoid; }')
    st.html(f"<style>@media print {{ {screen} {paper} }}</style>")
    if on:
        st.html(f"<style>{screen}</style>")


def database_busy() -> None:
    """What every page shows when another program holds the database longer than the page waits: a
    plain message and a way to try again, never a traceback."""
    st.warning("Cơ sở dữ liệu đang được một chương trình khác sử dụng (thường là đang nạp số liệu mới), nên "
               "trang chưa đọc được số liệu. Hãy chờ ít phút rồi bấm «Thử lại».", icon=":material/hourglass_top:")
    if st.button("Thử lại", type="primary", icon=":material/refresh:", key="thu_lai_csdl"):
        st.rerun()


# Streamlit's own words are English and cannot be translated: what says them is hidden (the running
# indicator and its "Stop", the table toolbar, "Press Enter to apply", the uploader's "Drag and drop" and
# size limit, which the page says in Vietnamese) or relabelled (the uploader's button).
VIETNAMESE_ONLY = """
[data-testid="stStatusWidget"], [data-testid="stElementToolbar"], [data-testid="InputInstructions"],
[data-testid="stFileUploaderDropzoneInstructions"], [data-testid="stFileUploaderFile"] small { display: none !important; }
[data-testid="stFileUploaderDropzone"] button { font-size: 0 !important; }
[data-testid="stFileUploaderDropzone"] button::after { content: "Chọn tệp"; font-size: 1rem; }
"""
# Long values wrap instead of being cut ("Dẫn đầu: Văn phòng Đ…"); below 640 px nothing is wider than the
# screen: charts and tables take the column's width and the page's side padding shrinks.
FITS_ANY_WIDTH = """
[data-testid="stMetricValue"] > div, [data-testid="stMetricLabel"] p { white-space: normal !important;
  overflow-wrap: anywhere; }
[data-testid="stMetricValue"] { font-size: 1.6rem; line-height: 1.25; }
@media (max-width: 640px) {
  [data-testid="stMainBlockContainer"] { padding-left: 0.75rem !important; padding-right: 0.75rem !important; }
  [data-testid="stMetricValue"] { font-size: 1.3rem; }
  [data-testid="stPlotlyChart"], [data-testid="stDataFrame"], [data-testid="stElementContainer"] { max-width: 100%; }
}
"""


def house_css() -> None:
    """The styles every page shares: Vietnamese only, and fitting any screen."""
    st.html(f"<style>{VIETNAMESE_ONLY}{FITS_ANY_WIDTH}</style>")


# ---------------------------------------------------------------- filters kept in the address bar

_WRITTEN = "_thidua_link_{}_{}"  # session key: what this session last wrote to the address bar for a page's filter


def linked_choice(where, label: str, options: list, *, key: str, default=None,
                  matches: Callable[[str], object] | None = None, format_func: Callable[[object], str] = str,
                  widget: str = "selectbox", **widget_options):
    """A selectbox (or radio) whose choice is always in the address bar, the default included, so a copied
    link keeps meaning what it showed when a new year is loaded. A value in the link that names no option,
    as written or through matches (e.g. a province without diacritics), is said in a Vietnamese notice
    naming it and what is shown instead."""
    written_key = _WRITTEN.format(_page_id(), key)
    written = st.session_state.get(written_key)
    raw = st.query_params.get(key)
    if key not in st.session_state or (raw is not None and raw != written):
        chosen = default
        if raw is not None:
            found = next((option for option in options if str(option) == raw), None)
            if found is None and matches is not None:
                found = matches(raw)
            if found in options:
                chosen = found
            else:
                shown = format_func(default) if default is not None else "chưa chọn"
                st.warning(f"Liên kết ghi {label.lower()} «{raw}», không có trong số liệu hiện có: đang hiển thị "
                           f"{shown}.", icon=":material/link_off:")
        st.session_state[key] = chosen
    elif st.session_state[key] not in options and st.session_state[key] is not None:
        st.session_state[key] = default
    value = getattr(where, widget)(label, options, key=key, format_func=format_func, **widget_options)
    if value is None:
        st.query_params.pop(key, None)
    else:
        st.query_params[key] = str(value)
    st.session_state[written_key] = None if value is None else str(value)
    return value


HOME_AFFAIRS = "Sở Nội vụ"


def first_cluster(names: list[str]) -> str:
    """The cluster shown when none is chosen: the first of the Sở Nội vụ clusters (the dashboard's users),
    else the first by name."""
    return next((name for name in names if HOME_AFFAIRS in name), names[0])


def province_matcher(options: Iterable[str]) -> Callable[[str], str | None]:
    """A link's province however written ('lang son', 'Lạng Sơn'), as the option that names it (its name
    after the 1 July 2025 merger when the options are of those years)."""
    names = set(options)

    def match(text: str) -> str | None:
        found = registry().resolve(text)
        if found is None:
            return None
        return found.name if found.name in names else found.new_province if found.new_province in names else None
    return match


def words_matcher(options: Iterable[str]) -> Callable[[str], str | None]:
    """A link's name written without diacritics or capitals, or a part of a name only one option has."""
    keyed = {strip_diacritics(str(option)).lower(): option for option in options}

    def match(text: str) -> str | None:
        wanted = strip_diacritics(text).lower().strip()
        if wanted in keyed:
            return keyed[wanted]
        holding = [option for words, option in keyed.items() if wanted and wanted in words]
        return holding[0] if len(holding) == 1 else None
    return match


PAR = "par"


def index_choice(where, query: Results) -> str:
    """The provincial index a page shows, kept in the address bar as chi_so: the PAR Index unless the link
    or the selector says otherwise (so every link made before the other indices keeps its meaning)."""
    held = [index for index in query("indices")["index"] if index != PAR]
    return linked_choice(where, "Chỉ số", [PAR, *held], key="chi_so", default=PAR, widget="radio", horizontal=True,
                         matches=words_matcher(INDEX_SCALES), format_func=lambda index: INDEX_SCALES[index].short)


def index_table(query: Results, index: str, year: int) -> pd.DataFrame:
    """One year of a provincial index (index_ranking) with each province's region, in rank order."""
    regions = query("provinces")[["code", "region"]]
    return query("index_ranking", index=index, year=year).merge(regions, on="code", how="left")


def index_years(query: Results, index: str) -> list[int]:
    """The years a provincial index has figures, newest first."""
    indices = query("indices")
    years = indices.years[indices["index"] == index]
    return sorted((int(year) for year in years.iloc[0]), reverse=True) if len(years) else []


def partial_note(scale: IndexScale, year: int, published: int) -> str | None:
    """What a page says under a table that publishes only some provinces (PCI's top 30, PAPI without some)."""
    ranked_among = len(registry().expected(year))
    if published >= ranked_among:
        return None
    return (f"{scale.short} năm {year} công bố {published}/{ranked_among} tỉnh, thành phố; tỉnh không có trong bảng "
            "được ghi là «không công bố», không tính là 0 và không có thứ hạng.")


def show_index_demo_note(query: Results, indices: Iterable[str], years: Iterable[int] | None = None) -> None:
    """The demo mark of a view of these provincial indices (in these years), decided index by index and
    year by year from who loaded the figures in force."""
    history = query("index_history")
    shown = history[history["index"].isin(set(indices)) & (history.year.isin(set(years)) if years is not None else True)]
    tables = shown.drop_duplicates(["index", "year"])
    demo = tables[tables.uploaded_by == DEMO_UPLOADER]
    names = [f"{INDEX_SCALES[index].short} {year}" for index, year in zip(demo["index"], demo.year)]
    said = names if len(names) <= 2 else list(dict.fromkeys(INDEX_SCALES[index].short for index in demo["index"]))
    note = illustrative_note(f"Số liệu {', '.join(said)}", names, len(tables), "bảng")
    if note:
        st.info(f"**Dữ liệu minh họa** — {note[:1].upper()}{note[1:]} Hãy nhập bảng xếp hạng chính thức để thay thế.",
                icon=":material/info:")


def no_par_data() -> None:
    st.info("Chưa có số liệu Chỉ số CCHC. Hãy nhập bảng Chỉ số CCHC (PAR Index) để xem trang này.")


def vietnamese_order(names: Iterable[str]) -> list[str]:
    """Names in alphabetical order, ignoring diacritics (so Đà Nẵng sits among the D's, not after Z)."""
    return sorted(names, key=lambda name: (strip_diacritics(name).lower(), name))
