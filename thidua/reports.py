"""Reports: the charts that leave the dashboard as files, and decks for a meeting.

CHARTS names each exportable chart by the named result it draws (par_ranking, rank_jumps, ...) and
says how to build its figure from that result and the parameters, with a one-sentence Vietnamese
takeaway computed from the data, the numbers for the speaker notes, and the line "Nguồn: ...; cập
nhật ngày ..." saying where the data came from and when it was loaded. plan_deck puts the charts of
one scope (a province, a cluster, or one year for the whole country) into a Deck.

Everything reads through a query function, (name, **params) -> DataFrame: Database.query, or the
pages' cached results.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date

import pandas as pd

from thidua import charts, export, views
from thidua.clusters import province_rank_history
from thidua.demo import DEMO_UPLOADER
from thidua.formatting import rank_change_phrase, vn_number, vn_percent, years_phrase
from thidua.indices import index_lines, place_phrase, province_indices
from thidua.kinds.index import PAR
from thidua.provinces import MERGER_YEAR, registry, strip_diacritics
from thidua.io.cells import text_key
from thidua.readers.roster import DEPUTY, LEADER
from thidua.readers.units import cluster_slug

Query = Callable[..., pd.DataFrame]
Params = Mapping[str, object]


class ReportError(ValueError):
    """What was asked for cannot be drawn; the message is Vietnamese and says why."""


class NoData(ReportError):
    """The database has no figures for what was asked."""


# ---------------------------------------------------------------- where the data came from

PAR_SOURCE = "Bộ Nội vụ — Chỉ số CCHC"
ILLUSTRATIVE = "số liệu minh họa, không phải số liệu chính thức"
NAMED_FILES = 2  # file names written out in a source line; the rest are counted
# The named results that read uploaded figures, and the kinds of upload each reads.
RESULT_KINDS = {
    "par_ranking": ("par",), "par_components": ("par",), "par_history": ("par",), "rank_jumps": ("par",),
    "par_benchmarks": ("par",),
    "cluster_ranking": ("scoring",), "cluster_groups": ("scoring",), "unit_criteria": ("scoring",),
    "cluster_members": ("roster", "scoring"), "leader_history": ("roster",), "awards": ("roster", "scoring"),
    "roster_members": ("roster",), "roster_awards": ("roster",),
    "index_ranking": ("par", "index"), "index_jumps": ("par", "index"), "index_history": ("par", "index"),
}
YEAR_PARAMS = ("year", "from_year", "to_year")
# The named results that read one scoring period (year-end unless a period parameter says otherwise).
PERIOD_RESULTS = ("cluster_ranking", "cluster_groups", "unit_criteria", "awards")
ILLUSTRATIVE_MARK = " (minh họa)"


@dataclass(frozen=True)
class Provenance:
    """The source line of an exported chart: where its figures came from, the day they were loaded,
    and whether any of them are the illustrative demo data."""
    source: str
    updated: date | str
    illustrative: bool = False


def supplying(sources: pd.DataFrame, name: str, params: Params) -> pd.DataFrame:
    """The rows of the named result data_sources that the named result `name` reads with these parameters."""
    rows = sources[sources.kind.isin(RESULT_KINDS.get(name, ()))]
    years = [params[key] for key in YEAR_PARAMS if params.get(key) is not None]
    if years:
        rows = rows[rows.year.isin(years)]
    if params.get("cluster") is not None:
        rows = rows[(rows.kind == "par") | (rows.cluster_id == params["cluster"])]
    if name in PERIOD_RESULTS:
        rows = rows[(rows.kind != "scoring") | (rows.period == (params.get("period") or "year"))]
    if params.get("index") is not None:  # one provincial index: the PAR Index's own rows, or that index's
        rows = rows[rows.kind == "par"] if params["index"] == PAR.key else rows[rows.index_id == params["index"]]
    return rows


def illustrative_uploads(sources: pd.DataFrame) -> set[int]:
    """The uploads of the illustrative demo data among the rows of data_sources."""
    return {int(upload) for upload in sources.upload_id[sources.uploaded_by == DEMO_UPLOADER]}


def marked_illustrative(names: pd.Series, illustrative: pd.Series) -> pd.Series:
    """Names as a chart or table shows them: where illustrative and other figures are mixed, those of the
    illustrative ones followed by ' (minh họa)' (when all are, the view's note says so once)."""
    flags = illustrative.to_numpy(dtype=bool)
    return names if flags.all() else names.where(~flags, names + ILLUSTRATIVE_MARK)


def illustrative_note(what: str, names: list[str], shown: int, noun: str = "đơn vị") -> str | None:
    """The demo mark of a view whose figures of `names` (out of `shown` units, provinces or years: noun)
    come from the demo data: None when none do; for all of them, the whole view; else which ones, by name."""
    if not names:
        return None
    if len(names) == shown:
        return f"{what} là số liệu minh họa, không phải số liệu chính thức."
    return (f"số liệu của {len(names)}/{shown} {noun} ({', '.join(names)}) là số liệu minh họa, không phải số liệu "
            f"chính thức; số liệu của các {noun} khác là số liệu đã nhập.")


def illustrative_par_years(sources: pd.DataFrame) -> set[int]:
    """The years whose PAR Index figures in force come from the demo data (rows of data_sources)."""
    par = sources[sources.kind == "par"]
    return {int(year) for year in par.year[par.upload_id.isin(illustrative_uploads(sources))]}


# what of a cluster's figures an upload supplies, by the kind data_sources gives it
CLUSTER_PARTS = {"roster": "danh sách Cụm trưởng, Cụm phó, thành viên, khen thưởng", "scoring": "bảng chấm điểm"}


def illustrative_cluster_parts(sources: pd.DataFrame, cluster_id: str, years: Iterable[int]) -> list[str]:
    """What of one cluster's figures of these years comes from the demo data (rows of data_sources), in
    words and by year: 'bảng chấm điểm năm 2023, 2024'; empty when all of it was uploaded."""
    demo = sources[(sources.cluster_id == cluster_id) & sources.year.isin(list(years))
                   & (sources.uploaded_by == DEMO_UPLOADER)]
    return [f"{words} năm {years_phrase(int(year) for year in demo.year[demo.kind == kind])}"
            for kind, words in CLUSTER_PARTS.items() if (demo.kind == kind).any()]


def provenance(sources: pd.DataFrame, used: Iterable[tuple[str, Params]]) -> Provenance:
    """Source and date of the figures that these named results (name, parameters) read; when none of
    them reads uploaded figures, those of everything in force."""
    found = [supplying(sources, name, params) for name, params in used]
    rows = pd.concat(found) if found else sources.iloc[:0]
    if rows.empty:
        rows = sources
    if rows.empty:
        return Provenance("chưa có số liệu", "–")
    illustrative = rows.uploaded_by == DEMO_UPLOADER
    official = rows[~illustrative]
    parts = []
    par_years = official.year[official.kind == "par"]
    if not par_years.empty:
        parts.append(f"{PAR_SOURCE} năm {years_phrase(int(year) for year in par_years)}")
    files = list(dict.fromkeys(official.file_name[official.kind != "par"]))
    if files:
        parts.append(_files_phrase(files))
    if illustrative.any():
        parts.append(ILLUSTRATIVE)
    return Provenance("; ".join(parts), rows.uploaded_at.max().date(), bool(illustrative.any()))


def _files_phrase(files: list[str]) -> str:
    named = ", ".join(f"«{name}»" for name in files[:NAMED_FILES])
    rest = len(files) - NAMED_FILES
    return f"tệp {named}" + (f" và {rest} tệp khác" if rest > 0 else "")


def file_stem(title: str) -> str:
    """A file name from a title: 'Chỉ số CCHC năm 2021: Lạng Sơn' -> 'chi-so-cchc-nam-2021-lang-son'."""
    words = re.sub(r"[^a-z0-9]+", "-", strip_diacritics(title).lower()).strip("-")
    return words[:80].rstrip("-") or "bieu-do"


# ---------------------------------------------------------------- charts


@dataclass(frozen=True)
class Chart:
    """A figure ready to leave the dashboard. title heads its slide; takeaway is one sentence
    computed from the data; notes carry the numbers for the speaker. index_year: the PAR Index year a
    chart of one such year draws (the ranking, the jumps up to it)."""
    title: str
    view: views.View
    takeaway: str
    notes: str
    provenance: Provenance
    index_year: int | None = None

    def image(self, fmt: export.ImageFormat) -> bytes:
        return export.figure_bytes(self.view.slide, fmt, self.provenance.source, self.provenance.updated)

    def slide(self) -> export.Slide:
        return export.Slide(self.title, self.takeaway, self.view.slide, self.notes, self.provenance.source,
                            self.provenance.updated)


@dataclass(frozen=True)
class ChartKind:
    parameters: tuple[str, ...]   # the parameters it reads
    draw: Callable[[Query, Params], Chart]


def build_chart(query: Query, name: str, params: Params) -> Chart:
    """The chart CHARTS[name] with these parameters; ReportError says in Vietnamese what is wrong."""
    kind = CHARTS.get(name)
    if kind is None:
        known = "; ".join(f"{known} ({views.VIEWS[known].label})" for known in CHARTS)
        raise ReportError(f"Không có biểu đồ «{name}». Các biểu đồ: {known}.")
    unknown = [key for key in params if key not in kind.parameters]
    if unknown:
        raise ReportError(f"Biểu đồ «{name}» không dùng tham số {', '.join(unknown)}; "
                          f"các tham số: {', '.join(kind.parameters)}.")
    return kind.draw(query, params)


def _chart(query: Query, title: str, view: views.View, takeaway: str, notes: list[str],
           used: list[tuple[str, Params]], index_year: int | None = None) -> Chart:
    origin = provenance(query("data_sources"), used)
    return Chart(title, view, takeaway, "\n".join([*notes, export.source_line(origin.source, origin.updated)]),
                 origin, index_year)


def _top_and_bottom(lines: list[str], keep: int = 5, also: str | None = None) -> list[str]:
    """The first and last `keep` lines of a long list, with `also` (a chosen row) kept in between."""
    if len(lines) <= 2 * keep + 1:
        return lines
    middle = [also] if also is not None and also in lines[keep:-keep] else []
    return [*lines[:keep], "…", *middle, *(["…"] if middle else []), *lines[-keep:]]


# ---------------------------------------------------------------- parameters


def _as_year(value: object, name: str = "year") -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ReportError(f"Tham số {name} phải là một năm, ví dụ {name}=2021 (nhận được «{value}»).") from None


def par_years(query: Query) -> list[int]:
    """The years with PAR Index figures, newest first."""
    return [int(year) for year in query("par_years").year]


def _par_year(query: Query, value: object, name: str = "year") -> int:
    years = par_years(query)
    if not years:
        raise NoData("Chưa có số liệu Chỉ số CCHC: hãy nhập bảng Chỉ số CCHC (PAR Index) trước.")
    if value is None:
        return years[0]
    year = _as_year(value, name)
    if year not in years:
        raise NoData(f"Chưa có số liệu Chỉ số CCHC năm {year}; các năm có số liệu: {years_phrase(years)}.")
    return year


def _previous_par_year(query: Query, year: int) -> int | None:
    return next((earlier for earlier in par_years(query) if earlier < year), None)


def _province(value: object, year: int | None = None) -> str:
    """The official name of a province however it is written; from 2025 on, the name of the province
    it became on 1 July 2025 (the name rankings of those years use)."""
    found = registry().resolve(value)
    if found is None:
        suggestions = registry().suggest(value)
        hint = f" Có phải: {', '.join(suggestions)}?" if suggestions else ""
        raise ReportError(f"Không nhận ra tỉnh, thành phố «{value}».{hint}")
    return found.new_province if year is not None and year >= MERGER_YEAR else found.name


@dataclass(frozen=True)
class ClusterRef:
    cluster_id: str
    name: str

    @property
    def short(self) -> str:
        return self.name.removeprefix("Cụm thi đua ").removeprefix("Khối thi đua ")


def _required_cluster(query: Query, params: Params, chart: str) -> ClusterRef:
    """The cluster a chart about one cluster is drawn for (params' cluster, resolved by _cluster)."""
    if not params.get("cluster"):
        raise ReportError(f"Biểu đồ {chart} cần tham số cluster (mã hoặc tên Cụm thi đua).")
    return _cluster(query, params["cluster"])


def _cluster(query: Query, value: object) -> ClusterRef:
    """A cluster by its cluster_id, its name, or words of its name that only it has ('bien gioi')."""
    clusters = query("clusters")
    wanted = cluster_slug(value)
    exact = clusters[clusters.cluster_id == wanted]
    found = exact if not exact.empty else clusters[clusters.cluster_id.str.contains(wanted, regex=False)]
    if len(found) == 1:
        return ClusterRef(found.cluster_id.iloc[0], found.name.iloc[0])
    known = "; ".join(f"{row.cluster_id} ({row.name})" for row in (found if len(found) else clusters).itertuples())
    said = "khớp với nhiều Cụm" if len(found) else "không khớp với Cụm thi đua nào"
    raise ReportError(f"«{value}» {said}. Các Cụm: {known or 'chưa có Cụm nào'}.")


def _region(ranking: pd.DataFrame, value: object) -> str:
    regions = {text_key(region): region for region in ranking.region.unique()}
    found = regions.get(text_key(str(value).removeprefix("vùng ").removeprefix("Vùng ")))
    if found is None:
        raise ReportError(f"Không có vùng «{value}». Các vùng: {', '.join(sorted(regions.values()))}.")
    return found


def _cluster_provinces(query: Query, cluster: ClusterRef, year: int) -> list[str]:
    """The provinces of a cluster's members in the listed year nearest before (or at) `year`, named as
    that year's PAR ranking names them."""
    members = query("cluster_members", cluster=cluster.cluster_id)
    members = members[members.province.notna()]
    if members.empty:
        raise NoData(f"{cluster.name} không có thành viên là tỉnh, thành phố: không có Chỉ số CCHC để so sánh.")
    listed = sorted(int(y) for y in members.year.unique())
    shown_year = max([y for y in listed if y <= year], default=listed[0])
    chosen = members[members.year == shown_year]
    names = chosen.new_province if year >= MERGER_YEAR else chosen.province
    return list(dict.fromkeys(names))


# ---------------------------------------------------------------- the PAR Index


def _par_ranking_chart(query: Query, params: Params) -> Chart:
    year = _par_year(query, params.get("year"))
    province = _province(params["province"], year) if params.get("province") else None
    ranking = query("par_ranking", year=year)
    average = ranking.score.mean()
    region = _region(ranking, params["region"]) if params.get("region") else None
    cluster = _cluster(query, params["cluster"]) if params.get("cluster") else None
    shown = ranking
    if region:
        shown = ranking[ranking.region == region]
    if cluster:
        shown = shown[shown.province.isin(_cluster_provinces(query, cluster, year))]
    if province and province not in set(shown.province):
        raise NoData(f"{province} không có trong bảng xếp hạng được chọn năm {year}.")
    figure = views.view("par_ranking", shown, year=year, highlight=province, average=average, region=region,
                        cluster=cluster.name if cluster else None)
    scope = f"vùng {region}" if region else None
    title = f"Xếp hạng Chỉ số CCHC năm {year}" + (f" — vùng {region}" if region else "")
    if cluster:
        scope = "Cụm"
        title = f"Chỉ số CCHC năm {year} của các tỉnh trong Cụm"
    takeaway = _ranking_takeaway(shown, len(ranking), year, province, scope, average)
    lines = {row.province: f"{row.rank}. {row.province}: {vn_percent(row.score)}" for row in shown.itertuples()}
    notes = [f"Chỉ số CCHC năm {year}, {scope or 'cả nước'} (thứ hạng cả nước):",
             *_top_and_bottom(list(lines.values()), also=lines.get(province)),
             f"Trung bình cả nước: {vn_percent(average)}"]
    return _chart(query, title, figure, takeaway, notes,
                  [("par_ranking", {"year": year})], index_year=year)


def _ranking_takeaway(shown: pd.DataFrame, ranked: int, year: int, province: str | None, scope: str | None,
                      average: float) -> str:
    """scope: None for the whole country, else 'vùng ...' or 'Cụm'."""
    if province:
        row = shown[shown.province == province].iloc[0]
        sentence = f"Năm {year}, {province} đạt {vn_percent(row.score)}, xếp thứ {row['rank']}/{ranked} cả nước"
        if scope:
            place = list(shown.province).index(province) + 1
            sentence += f" và thứ {place}/{len(shown)} trong {scope}"
        return sentence + "."
    leader = shown.iloc[0]
    national = f" (thứ {leader['rank']}/{ranked} cả nước)" if scope else ""
    return (f"Năm {year}, {leader.province} dẫn đầu {scope or 'cả nước'} với {vn_percent(leader.score)}{national}; "
            f"trung bình cả nước {vn_percent(average)}.")


def _rank_jumps_chart(query: Query, params: Params) -> Chart:
    to_year = _par_year(query, params.get("to_year"), "to_year")
    from_year = (_par_year(query, params["from_year"], "from_year") if params.get("from_year") is not None
                 else _previous_par_year(query, to_year))
    if from_year is None or from_year >= to_year:
        raise NoData(f"Cần một năm gốc trước năm {to_year} để so sánh (from_year < to_year).")
    jumps = query("rank_jumps", from_year=from_year, to_year=to_year)
    province = _province(params["province"], to_year) if params.get("province") else None
    cluster = _cluster(query, params["cluster"]) if params.get("cluster") else None
    shown = jumps[jumps.province.isin(_cluster_provinces(query, cluster, to_year))] if cluster else jumps
    if province and province not in set(shown.province):
        raise NoData(f"{province} không có thứ hạng cả hai năm {from_year} và {to_year}.")
    subtitle = ("Quy đổi theo 34 tỉnh, thành phố sau sáp nhập (1/7/2025)"
                if from_year < MERGER_YEAR <= to_year else None)
    figure = views.view("rank_jumps", shown, from_year, to_year, highlight=[province] if province else [],
                        subtitle=subtitle)
    where = "trong Cụm" if cluster else "cả nước"
    takeaway = _jumps_takeaway(shown, len(jumps), from_year, to_year, province, where)
    risers = [_jump_line(row) for row in shown[shown.change > 0].nlargest(5, "change").itertuples()]
    fallers = [_jump_line(row) for row in shown[shown.change < 0].nsmallest(5, "change").itertuples()]
    notes = [f"Biến động thứ hạng từ {from_year} đến {to_year}, {where}:", "Tăng hạng nhiều nhất:", *risers,
             "Giảm hạng nhiều nhất:", *fallers]
    if province:
        notes.insert(1, _jump_line(next(shown[shown.province == province].itertuples())))
    title = f"Biến động thứ hạng từ {from_year} đến {to_year}" + (" trong Cụm" if cluster else "")
    return _chart(query, title, figure, takeaway, notes,
                  [("rank_jumps", {"from_year": from_year, "to_year": to_year})], index_year=to_year)


def _jump_line(row) -> str:
    """'Lạng Sơn: hạng 40 → 27 (tăng 13 bậc)': a row of rank_jumps."""
    return f"{row.province}: hạng {row.rank_from} → {row.rank_to} ({rank_change_phrase(row.change)})"


def _jumps_takeaway(shown: pd.DataFrame, ranked: int, from_year: int, to_year: int, province: str | None,
                    where: str) -> str:
    if province:
        row = shown[shown.province == province].iloc[0]
        if row.change == 0:
            return f"{province} giữ nguyên thứ {row.rank_to}/{ranked} năm {to_year} so với năm {from_year}."
        return f"{province} {rank_change_phrase(row.change)}, xếp thứ {row.rank_to}/{ranked} năm {to_year}."
    risen, fallen = shown[shown.change > 0], shown[shown.change < 0]
    parts = []
    if not risen.empty:
        riser = risen.nlargest(1, "change").iloc[0]
        parts.append(f"{riser.province} tăng nhiều nhất {where} ({riser.change} bậc, lên thứ {riser.rank_to}/{ranked})")
    if not fallen.empty:
        faller = fallen.nsmallest(1, "change").iloc[0]
        parts.append(f"{faller.province} giảm nhiều nhất ({-faller.change} bậc)")
    return f"Từ {from_year} đến {to_year}, " + ("; ".join(parts) or "không tỉnh nào thay đổi thứ hạng") + "."


def _par_history_chart(query: Query, params: Params) -> Chart:
    if not params.get("province"):
        raise ReportError("Biểu đồ par_history cần tham số province, ví dụ province=Lạng Sơn.")
    province = _province(params["province"])
    series = province_rank_history(query("par_history"), province)
    if series.empty:
        raise NoData(f"Chưa có thứ hạng Chỉ số CCHC nào của {province}.")
    figure = views.view("par_history", series, province)
    comparable = series[~series.after_merger] if (~series.after_merger).any() else series
    best = comparable.loc[comparable["rank"].idxmin()]
    worst = comparable.loc[comparable["rank"].idxmax()]
    asked = _asked_year(params)
    rows = [row for _, row in series.iterrows()]
    last = _of_year([int(row.year) for row in rows], asked, rows)
    if len(series) == 1:
        takeaway = f"{_year_lead(asked, last.year, 'thứ hạng Chỉ số CCHC')}{province} xếp {_place(last)}."
    else:
        lead = _year_lead(asked, last.year, "thứ hạng Chỉ số CCHC")
        said = lead[0].lower() + lead[1:]
        takeaway = (f"Từ {series.year.iloc[0]} đến {series.year.iloc[-1]}, {province} xếp cao nhất {_place(best)} "
                    f"(năm {best.year}), thấp nhất {_place(worst)} (năm {worst.year}); "
                    f"{said.removesuffix(', ')} xếp {_place(last)}.")
    notes = [f"Thứ hạng Chỉ số CCHC của {province}:"]
    notes += [f"{row.year}: {_place(row)}, {vn_percent(row.score)}"
              + ("" if pd.isna(row.change) else f" ({rank_change_phrase(row.change)})")
              for _, row in series.iterrows()]
    return _chart(query, "Thứ hạng qua các năm", figure, takeaway, notes, [("par_history", {})])


OTHER_INDICES_TITLE = "Các chỉ số khác"


def _index_grid_chart(query: Query, params: Params) -> Chart:
    """A province on every provincial index but the PAR Index (its own slides show that), year by year."""
    if not params.get("province"):
        raise ReportError("Biểu đồ index_grid cần tham số province, ví dụ province=Lạng Sơn.")
    province = _province(params["province"])
    history = query("index_history")
    places = province_indices(history[history["index"] != "par"], province)
    asked = _asked_year(params)
    if asked is not None:
        places = places[places.year <= asked]
    if places.empty:
        raise NoData(f"Chưa có chỉ số cấp tỉnh nào ngoài Chỉ số CCHC có {province}.")
    names = {index: scale.short for index, scale in charts.INDEX_SCALES.items()}
    latest = places.loc[places.groupby("index", sort=False).year.idxmax()]
    takeaway = (f"Năm gần nhất của mỗi chỉ số, {province}: "
                + "; ".join(f"{names[row.index]} {row.year} {place_phrase(row)}" for row in latest.itertuples()) + ".")
    notes = [f"{name}: {'; '.join(years)}" for name, years in index_lines(places, names)]
    figure = views.view("index_grid", places, province)
    return _chart(query, OTHER_INDICES_TITLE, figure, takeaway, notes, [("index_history", {})])


def _place(row: pd.Series) -> str:
    """'thứ 27/63': a year of province_rank_history."""
    return f"thứ {row['rank']}/{row.provinces}"


def _par_components_chart(query: Query, params: Params) -> Chart:
    year = _par_year(query, params.get("year"))
    components = query("par_components", year=year)
    if components.empty:
        raise NoData(f"Bảng Chỉ số CCHC năm {year} không có điểm thành phần.")
    province = _province(params["province"], year) if params.get("province") else None
    ranking = query("par_ranking", year=year)
    region = None
    if params.get("region"):
        region = _region(ranking, params["region"])
    elif province:
        region = ranking.region[ranking.province == province].iloc[0]
    shown = components[components.region == region] if region else components
    order = [name for name in ranking.province if name in set(shown.province)]
    figure = views.view("par_components", shown, year=year, order=order,
                        subtitle=f"Các tỉnh, thành phố vùng {region}; {charts.HEATMAP_NOTE.lower()}"
                                      if region else None)
    places = shown.assign(place=shown.groupby("component").score.rank(ascending=False, method="min").astype(int))
    count = shown.province.nunique()
    if province:
        own = places[places.province == province].sort_values("place", kind="stable")
        strongest, weakest = own.iloc[0], own.iloc[-1]
        takeaway = (f"Năm {year}, so với {count} tỉnh, thành phố vùng {region}, {province} mạnh nhất ở "
                    f"«{strongest.component}» (thứ {strongest.place}/{count}) và yếu nhất ở «{weakest.component}» "
                    f"(thứ {weakest.place}/{count}).")
        notes = [f"Điểm thành phần của {province} năm {year} (thứ tự trong vùng):"]
        notes += [f"{row.component}: {vn_number(row.score)} (thứ {row.place}/{count})" for row in own.itertuples()]
    else:
        spread = shown.groupby("component").score.agg(["min", "max"])
        widest = (spread["max"] - spread["min"]).idxmax()
        takeaway = (f"Năm {year}, thành phần chênh lệch nhiều nhất giữa các tỉnh là «{widest}» "
                    f"(từ {vn_number(spread.loc[widest, 'min'])} đến {vn_number(spread.loc[widest, 'max'])} điểm).")
        notes = [f"Điểm thành phần năm {year}: cao nhất và thấp nhất"]
        for component, group in shown.groupby("component", sort=False):
            top, bottom = group.loc[group.score.idxmax()], group.loc[group.score.idxmin()]
            notes.append(f"{component}: cao nhất {top.province} {vn_number(top.score)}, "
                         f"thấp nhất {bottom.province} {vn_number(bottom.score)}")
    return _chart(query, f"Điểm thành phần năm {year}", figure, takeaway, notes,
                  [("par_components", {"year": year})])


# ---------------------------------------------------------------- emulation clusters

LONE_ROW_TEXT_SIZE = 20  # names in the cells of a one-row table chart, where each cell is a column's full height


def scored_years(query: Query, cluster_id: str) -> list[int]:
    """The years with a year-end scoring of the cluster, newest first."""
    years = query("cluster_years", cluster=cluster_id)
    return [int(year) for year in years.year[years.period == "year"]]


def _cluster_ranking_chart(query: Query, params: Params) -> Chart:
    cluster = _required_cluster(query, params, "cluster_ranking")
    years = scored_years(query, cluster.cluster_id)
    if not years:
        raise NoData(f"Chưa có bảng chấm điểm tổng kết năm nào của {cluster.name}.")
    year = _as_year(params["year"]) if params.get("year") is not None else years[0]
    ranking = query("cluster_ranking", cluster=cluster.cluster_id, year=year)
    if ranking.empty:
        raise NoData(f"Chưa có bảng chấm điểm tổng kết năm {year} của {cluster.name}; "
                     f"các năm có: {years_phrase(years)}.")
    province = _province(params["province"], year) if params.get("province") else None
    own = ranking[ranking.province == province] if province else ranking.iloc[:0]
    if province and own.empty:
        raise NoData(f"{province} không có trong bảng chấm điểm năm {year} của {cluster.name}.")
    figure = views.view("cluster_ranking", ranking, cluster=cluster.name, year=year,
                        highlight=own.unit.iloc[0] if len(own) else None)
    row = own.iloc[0] if len(own) else ranking.iloc[0]
    if row["rank"] == 1:
        takeaway = f"{row.unit} dẫn đầu Cụm với {vn_number(row.total)} điểm năm {year}."
    else:
        takeaway = (f"{row.unit} xếp thứ {row['rank']}/{len(ranking)} trong Cụm với {vn_number(row.total)} điểm "
                    f"năm {year}.")
    notes = [f"Kết quả chấm điểm thi đua năm {year}, {cluster.name}:"]
    notes += [f"{unit['rank']}. {unit.unit}: {vn_number(unit.total)} điểm"
              + (f" — {unit.award}" if isinstance(unit.award, str) else "") for _, unit in ranking.iterrows()]
    return _chart(query, f"Kết quả chấm điểm thi đua năm {year}", figure, takeaway, notes,
                  [("cluster_ranking", {"cluster": cluster.cluster_id, "year": year})])


def _leader_history_chart(query: Query, params: Params) -> Chart:
    cluster = _required_cluster(query, params, "leader_history")
    roles = query("leader_history", cluster=cluster.cluster_id)
    if roles.empty:
        raise NoData(f"Chưa có danh sách Cụm trưởng, Cụm phó của {cluster.name}.")
    # One cluster fills the whole picture: its name goes to the title and the names in the cells grow.
    figure = views.view("leader_history", roles, title=f"Cụm trưởng, Cụm phó qua các năm: {cluster.short}").restyled(
        lambda one: one.update_yaxes(showticklabels=False).update_traces(
            textfont_size=LONE_ROW_TEXT_SIZE, selector=dict(type="heatmap")))
    yearly = [(int(year), list(held.unit[held.role == LEADER]), list(held.unit[held.role == DEPUTY]))
              for year, held in roles.groupby("year")]
    asked = _asked_year(params)
    year, leaders, deputies = _of_year([entry[0] for entry in yearly], asked, yearly)
    takeaway = f"{_year_lead(asked, year, 'danh sách Cụm trưởng, Cụm phó')}{', '.join(leaders) or 'chưa rõ đơn vị nào'} " \
               "là Cụm trưởng"
    takeaway += f", {', '.join(deputies)} là Cụm phó." if deputies else "."
    notes = [f"Cụm trưởng, Cụm phó {cluster.name}:"]
    notes += [f"{year}: Cụm trưởng {', '.join(leaders) or '–'}; Cụm phó {', '.join(deputies) or '–'}"
              for year, leaders, deputies in yearly]
    return _chart(query, "Cụm trưởng, Cụm phó qua các năm", figure, takeaway, notes,
                  [("leader_history", {"cluster": cluster.cluster_id})])


def _asked_year(params: Params) -> int | None:
    """The year a chart over many years is asked to speak of (a deck's year), if any."""
    return _as_year(params["year"]) if params.get("year") is not None else None


def _of_year(years: list[int], asked: int | None, entries: list):
    """The entry of the asked year among entries (one per year, oldest first); when that year has none,
    that of the nearest year before it, else of the first year after; without an asked year, the newest."""
    if asked is None:
        return entries[-1]
    earlier = [index for index, year in enumerate(years) if year <= asked]
    return entries[earlier[-1] if earlier else 0]


def _year_lead(asked: int | None, year: int, missing: str) -> str:
    """'Năm 2022, ' — or, when the asked year has nothing, says so in words before naming the year used."""
    if asked is None or asked == year:
        return f"Năm {year}, "
    return f"Năm {asked} chưa có {missing}; năm {year}, "


def _awards_chart(query: Query, params: Params) -> Chart:
    cluster = _required_cluster(query, params, "awards")
    awards = query("awards", cluster=cluster.cluster_id)
    if awards.empty:
        raise NoData(f"Chưa có danh sách khen thưởng của {cluster.name}.")
    figure = views.view("awards", awards, cluster=cluster.name)
    ordered = awards.assign(proposed=awards.source != "quyết định").sort_values(["year", "proposed", "level"],
                                                                                ascending=[False, True, True])
    asked = _asked_year(params)
    years = sorted({int(year) for year in ordered.year})
    year = _of_year(years, asked, years)
    top = ordered[ordered.year == year].iloc[0]
    verb = "được đề nghị tặng" if top.proposed else "nhận"
    takeaway = f"{_year_lead(asked, year, 'khen thưởng nào của Cụm')}{top.unit} {verb} {top.award}."
    notes = [f"Khen thưởng {cluster.name} (hình thức cao nhất mỗi năm):"]
    for year, given in ordered.groupby("year", sort=False):
        best = given.iloc[0]
        notes.append(f"{year}: {best.unit} — {best.award} ({best.source})")
    return _chart(query, "Khen thưởng qua các năm", figure, takeaway, notes,
                  [("awards", {"cluster": cluster.cluster_id})])


CHARTS: dict[str, ChartKind] = {
    "par_ranking": ChartKind(("year", "province", "region", "cluster"),
                             _par_ranking_chart),
    "rank_jumps": ChartKind(("from_year", "to_year", "province", "cluster"),
                            _rank_jumps_chart),
    "par_history": ChartKind(("province", "year"), _par_history_chart),
    "par_components": ChartKind(("year", "province", "region"),
                                _par_components_chart),
    "index_grid": ChartKind(("province", "year"), _index_grid_chart),
    "cluster_ranking": ChartKind(("cluster", "year", "province"),
                                 _cluster_ranking_chart),
    "leader_history": ChartKind(("cluster", "year"), _leader_history_chart),
    "awards": ChartKind(("cluster", "year"), _awards_chart),
}


# ---------------------------------------------------------------- decks

DECK_SCOPES = ("province", "cluster", "year")


@dataclass(frozen=True)
class Deck:
    title: str
    subtitle: str
    charts: list[Chart]

    def pptx(self) -> bytes:
        return export.build_deck(self.title, self.subtitle, [chart.slide() for chart in self.charts])

    def pdf(self) -> bytes:
        return export.deck_pdf(self.title, self.subtitle, [chart.slide() for chart in self.charts])


def plan_deck(query: Query, params: Params, today: date | None = None) -> Deck:
    """The deck of one scope: province=NAME or cluster=ID (either with an optional year), or year=YYYY
    alone for the whole country. Charts without data for the scope are left out."""
    unknown = [key for key in params if key not in DECK_SCOPES]
    if unknown:
        raise ReportError(f"Báo cáo không dùng tham số {', '.join(unknown)}; các tham số: {', '.join(DECK_SCOPES)}.")
    if params.get("province") and params.get("cluster"):
        raise ReportError("Chọn một phạm vi: province (một tỉnh) hoặc cluster (một Cụm thi đua), không cả hai.")
    if params.get("province"):
        title, wanted, year = _province_deck(query, params["province"], params.get("year"))
    elif params.get("cluster"):
        title, wanted, year = _cluster_deck(query, _cluster(query, params["cluster"]), params.get("year"))
    elif params.get("year") is not None:
        title, wanted, year = _year_deck(query, _par_year(query, params["year"]))
    else:
        raise ReportError("Chọn phạm vi báo cáo: province=TÊN_TỈNH, cluster=MÃ_CỤM hoặc year=NĂM.")
    drawn = []
    for name, chart_params in wanted:
        try:
            drawn.append(_of_deck_year(build_chart(query, name, chart_params), year))
        except NoData:
            continue
    if not drawn:
        raise NoData(f"Chưa có số liệu nào để lập báo cáo «{title}».")
    lines = [f"Lập ngày {export.vn_date(today or date.today())} · {len(drawn)} biểu đồ"]
    if any(chart.provenance.illustrative for chart in drawn):
        lines.append(ILLUSTRATIVE[:1].upper() + ILLUSTRATIVE[1:])
    return Deck(title, "\n".join(lines), drawn)


Scope = tuple[str, list[tuple[str, dict]], int | None]  # a deck's title, its charts (name, parameters), its year


def _of_deck_year(chart: Chart, year: int | None) -> Chart:
    """A chart of an earlier PAR Index year than its deck's (the year's index is not published yet) says so
    before its takeaway."""
    if year is None or chart.index_year is None or chart.index_year >= year:
        return chart
    return replace(chart, takeaway=f"Chưa có Chỉ số CCHC năm {year}. {chart.takeaway}")


def _province_deck(query: Query, value: object, year_value: object) -> Scope:
    year = _par_year(query, year_value)
    province = _province(value, year)
    ranking = query("par_ranking", year=year)
    region = next(iter(ranking.region[ranking.province == province]), None)
    previous = _previous_par_year(query, year)
    members = query("cluster_members")
    own_column = members.new_province if year >= MERGER_YEAR else members.province
    clusters = list(dict.fromkeys(members.cluster_id[own_column == province]))
    wanted = [("par_ranking", {"year": year, "province": province, "region": region})]
    if previous is not None:
        wanted.append(("rank_jumps", {"from_year": previous, "to_year": year, "province": province}))
    wanted += [("par_history", {"province": province, "year": year}),
               ("par_components", {"year": year, "province": province}),
               ("index_grid", {"province": province, "year": year})]
    wanted += [("cluster_ranking", {"cluster": cluster_id, "year": year, "province": province})
               for cluster_id in clusters]
    return f"{province}: Chỉ số CCHC năm {year}", wanted, year


def _cluster_deck(query: Query, cluster: ClusterRef, year_value: object) -> Scope:
    listed = query("cluster_members", cluster=cluster.cluster_id).year
    known = scored_years(query, cluster.cluster_id) or sorted((int(y) for y in listed.unique()), reverse=True)
    year = _as_year(year_value) if year_value is not None else (known[0] if known else None)
    wanted = [("leader_history", {"cluster": cluster.cluster_id, "year": year}),
              ("awards", {"cluster": cluster.cluster_id, "year": year})]
    if year is None:
        return cluster.name, wanted, None
    wanted.insert(0, ("cluster_ranking", {"cluster": cluster.cluster_id, "year": year}))
    par_year = next((y for y in par_years(query) if y <= year), None)
    if par_year is not None:
        wanted.append(("par_ranking", {"year": par_year, "cluster": cluster.cluster_id}))
        previous = _previous_par_year(query, par_year)
        if previous is not None:
            wanted.append(("rank_jumps", {"from_year": previous, "to_year": par_year, "cluster": cluster.cluster_id}))
    return f"{cluster.name}: báo cáo năm {year}", wanted, year


def _year_deck(query: Query, year: int) -> Scope:
    ranking = query("par_ranking", year=year)
    previous = _previous_par_year(query, year)
    wanted = [] if previous is None else [("rank_jumps", {"from_year": previous, "to_year": year})]
    regions = list(dict.fromkeys(p.region for p in registry().provinces))
    wanted += [("par_ranking", {"year": year, "region": region}) for region in regions
               if region in set(ranking.region)]
    return f"Chỉ số CCHC năm {year}: {len(ranking)} tỉnh, thành phố", wanted, year
