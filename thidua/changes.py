"""What an upload (or an undo) changes in the figures in force: per province or unit, the figures
that change (before → after), the ones that appear and the ones that leave, and the uploads whose
figures it replaces.

The figures are read through the same named results the pages show, before and after the change,
inside one transaction (a rehearsal when nothing is to be kept): whatever rule decides which upload
is in force, the diff is what the pages will show. Before the change, a PAR Index year or a cluster's
scoring that no upload supplies (data_sources says which) is not read: the pages show nothing there yet.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from thidua.db import Writer
from thidua.formatting import vn_number, vn_percent
from thidua.kinds.index import INDICES
from thidua.readers.scoring import PERIODS
from thidua.readers.units import cluster_slug

COVERAGE_COLUMNS = ["kind", "year", "cluster_id", "period", "index_id", "cluster"]  # cluster: the cluster's full name
LINE_COLUMNS = ["scope", "subject", "figure", "before", "after", "change"]
CHANGED, APPEARS, LEAVES = "changed", "appears", "leaves"  # a line's change: its subject is there before and after, or not
INDEX, RANK, TOTAL, AWARD, ROLE, MEMBER = "Chỉ số", "Xếp hạng", "Tổng điểm", "Khen thưởng", "Vai trò", "Thành viên"


@dataclass(frozen=True)
class Replaced:
    """An upload whose figures were in force where the change puts others."""
    upload_id: int
    file_name: str
    uploaded_by: str
    uploaded_at: pd.Timestamp

    def phrase(self) -> str:
        by = f" bởi {self.uploaded_by}" if self.uploaded_by else ""
        return f"lần nhập số {self.upload_id} (tệp «{self.file_name}», ngày {self.uploaded_at:%d/%m/%Y %H:%M}{by})"


@dataclass(frozen=True)
class Changes:
    replaced: list[Replaced]   # the uploads whose figures in force it puts others in place of
    lines: pd.DataFrame        # LINE_COLUMNS; before or after is None where the figure was or will be absent
    brought: list[Replaced] = field(default_factory=list)  # after an undo: the uploads whose figures stand again

    @property
    def nothing(self) -> bool:
        return self.lines.empty

    def _subjects(self, change: str) -> pd.DataFrame:
        return self.lines[self.lines.change == change][["scope", "subject"]].drop_duplicates().reset_index(drop=True)

    @property
    def appearing(self) -> pd.DataFrame:
        """scope, subject: provinces or units that were not there before."""
        return self._subjects(APPEARS)

    @property
    def leaving(self) -> pd.DataFrame:
        """scope, subject: provinces or units that will no longer be there."""
        return self._subjects(LEAVES)

    @property
    def changed(self) -> pd.DataFrame:
        """The lines of provinces or units there before and after."""
        return self.lines[self.lines.change == CHANGED].reset_index(drop=True)


def reading_coverage(kind: str, result: object) -> pd.DataFrame:
    """What a reader's result covers: rows of COVERAGE_COLUMNS (None where a kind has none). A table of
    provinces covers its PAR Index years and each other index's years."""
    if kind in ("par", "index"):
        rows = [("par", int(year), None, None, None, None) for year in result.years]
        indices = result.index_scores[["index", "year"]].drop_duplicates()
        rows += [("index", int(year), None, None, index_id, None) for index_id, year in indices.itertuples(index=False)]
    elif kind == "scoring":
        rows = [("scoring", int(part.year), cluster_slug(part.cluster), part.period, None, part.cluster)
                for part in result.parts]
    else:
        names = dict(zip(result.clusters.cluster_id, result.clusters.name))
        pairs = pd.concat([frame[["cluster_id", "year"]] for frame in (result.roles, result.members, result.awards)])
        rows = [("roster", int(year), cluster_id, None, None, names.get(cluster_id, cluster_id))
                for cluster_id, year in pairs.drop_duplicates().itertuples(index=False)]
    return pd.DataFrame(rows, columns=COVERAGE_COLUMNS)


Figure = tuple[str, str, str, object]  # scope, subject, figure, value as shown (None: absent)


def figures_in_force(writer: Writer, coverage: pd.DataFrame) -> list[Figure]:
    """The figures the pages show for what coverage covers, one per scope, subject and figure (as shown)."""
    return [figure for kind, rows in coverage.groupby("kind") for figure in FIGURES[kind](writer, rows)]


def _long(scopes: str | list[str], subjects: pd.Series, figures: dict[str, list[object]]) -> list[Figure]:
    """One figure per subject and figure name, figure by figure; scopes: one scope, or one per subject."""
    subjects = subjects.tolist()
    scopes = [scopes] * len(subjects) if isinstance(scopes, str) else scopes
    return [(scope, subject, name, value) for name, values in figures.items()
            for scope, subject, value in zip(scopes, subjects, values)]


def _shown(values: pd.Series, write: Callable[[object], str]) -> list[object]:
    return [None if pd.isna(value) else write(value) for value in values.tolist()]


def _province_figures(scope: str, ranking: pd.DataFrame, write_score: Callable[[object], str]) -> list[Figure]:
    return _long(scope, ranking.province, {INDEX: _shown(ranking.score, write_score), RANK: _shown(ranking["rank"], str)})


def _par_figures(writer: Writer, coverage: pd.DataFrame) -> list[Figure]:
    return [figure for year in sorted(coverage.year.unique())
            for figure in _province_figures(f"Chỉ số CCHC năm {year}", writer.run("par_ranking", year=int(year)),
                                            vn_percent)]


def _index_figures(writer: Writer, coverage: pd.DataFrame) -> list[Figure]:
    return [figure for row in coverage.itertuples()
            for figure in _province_figures(f"{INDICES[row.index_id].short} năm {row.year}",
                                            writer.run("index_ranking", index=row.index_id, year=int(row.year)),
                                            vn_number)]


def _scoring_figures(writer: Writer, coverage: pd.DataFrame) -> list[Figure]:
    figures = []
    for row in coverage.itertuples():
        ranking = writer.run("cluster_ranking", cluster=row.cluster_id, year=int(row.year), period=row.period)
        scope = f"{row.cluster} · {PERIODS[row.period]} {row.year}"
        figures += _long(scope, ranking.unit, {TOTAL: _shown(ranking.total, vn_number),
                                               RANK: _shown(ranking["rank"], str), AWARD: _shown(ranking.award, str)})
    return figures


def _roster_figures(writer: Writer, coverage: pd.DataFrame) -> list[Figure]:
    """Cluster by cluster: each unit's roles and awards by year and unit (several joined in the order the
    pages list them), and the members as the list orders them."""
    names, years = {}, defaultdict(set)
    for cluster_id, year, name in zip(coverage.cluster_id.tolist(), coverage.year.tolist(), coverage.cluster.tolist()):
        names.setdefault(cluster_id, name)
        years[cluster_id].add(year)
    # Each result is read once for every cluster covered (a roster often lists them all), not once a cluster.
    cluster = _only(set(names))
    roles, members, awards = (writer.run(result, cluster=cluster)
                              for result in ("leader_history", "cluster_members", "awards"))
    roles = _listed(roles, roles.role.tolist(), years)
    members = _listed(members, ["có"] * len(members), years)
    awards = _listed(awards, (awards.award + " (" + awards.source + ")").tolist(), years)
    figures = []
    for cluster_id in sorted(names):
        shown = [(key, ROLE, "; ".join(values)) for key, values in sorted(roles[cluster_id].items())]
        shown += [(key, MEMBER, "có") for key in members[cluster_id]]  # as the list orders them
        shown += [(key, AWARD, "; ".join(values)) for key, values in sorted(awards[cluster_id].items())]
        figures += [(f"{names[cluster_id]} · năm {year}", unit, figure, value) for (year, unit), figure, value in shown]
    return figures


def _listed(frame: pd.DataFrame, values: list[str], years: dict[str, set]) -> dict[str, dict[tuple, list[str]]]:
    """Per cluster, per (year, unit) of the years covered, in the frame's order: the values of its rows."""
    listed = defaultdict(lambda: defaultdict(list))
    for cluster_id, year, unit, value in zip(frame.cluster_id.tolist(), frame.year.tolist(), frame.unit.tolist(), values):
        if year in years.get(cluster_id, ()):
            listed[cluster_id][year, unit].append(value)
    return listed


FIGURES = {"par": _par_figures, "index": _index_figures, "scoring": _scoring_figures, "roster": _roster_figures}


def compared(before: list[Figure], after: list[Figure]) -> pd.DataFrame:
    """LINE_COLUMNS: every figure whose shown value differs, in the order the pages list them, with whether
    its province or unit stays, appears or leaves."""
    was = {(scope, subject, figure): value for scope, subject, figure, value in before}
    now = {(scope, subject, figure): value for scope, subject, figure, value in after}
    there_before = {key[:2] for key in was}
    there_after = {key[:2] for key in now}
    lines = []
    for key in dict.fromkeys([*now, *was]):  # as the pages list them after, then the leavers
        if was.get(key) != now.get(key):
            there, here = key[:2] in there_before, key[:2] in there_after
            lines.append((*key, was.get(key), now.get(key),
                          CHANGED if there and here else LEAVES if there else APPEARS))
    return pd.DataFrame(lines, columns=LINE_COLUMNS, dtype=object)


def change_of(writer: Writer, coverage: pd.DataFrame, change: Callable[[], object]) -> tuple[object, Changes]:
    """Runs change() (writing through writer) and says what it changed in the figures coverage covers;
    returns what change() returned and the Changes. The change may touch only the places coverage covers."""
    places = set(_places(coverage))
    supplied_before = _supplying(writer, places)
    before = figures_in_force(writer, _with_figures(coverage, supplied_before))
    outcome = change()
    after = figures_in_force(writer, coverage)
    # No upload supplied these places before: the change replaces none (and data_sources need not be read again).
    replaced = _replaced(supplied_before, _supplying(writer, places)) if not supplied_before.empty else supplied_before
    return outcome, Changes(uploads(replaced), compared(before, after))


_PLACE = ["kind", "year", "cluster_id", "period", "index_id"]  # where data_sources says an upload supplies figures
# Kinds whose figures in force all come from the uploads data_sources lists for their place (a roster's
# awards also come from scoring, an index has no place there): where none is listed, the pages show none.
_ONLY_FROM_SOURCES = {"par", "scoring"}


def _places(frame: pd.DataFrame, *more: str) -> list[tuple]:
    """Each row's (kind, year, cluster_id, period, index_id, *more), None where a kind has no such part."""
    columns = [[None if pd.isna(value) else value for value in frame[key].tolist()] for key in [*_PLACE, *more]]
    return list(zip(*columns))


def _supplying(writer: Writer, places: set[tuple]) -> pd.DataFrame:
    """The rows of data_sources for the places given."""
    kinds, clusters = {place[0] for place in places}, {place[2] for place in places}
    sources = writer.run("data_sources", kind=_only(kinds), cluster=_only(clusters))
    return sources.loc[[place in places for place in _places(sources)]]


def _only(values: set) -> object:
    """The one value of a set, or None (no filter) when it has several."""
    return next(iter(values)) if len(values) == 1 else None


def _with_figures(coverage: pd.DataFrame, supplied: pd.DataFrame) -> pd.DataFrame:
    """The rows of coverage that may have figures in force, knowing which of its places uploads supply."""
    listed = set(_places(supplied))
    return coverage.loc[[place[0] not in _ONLY_FROM_SOURCES or place in listed for place in _places(coverage)]]


def _replaced(before: pd.DataFrame, after: pd.DataFrame) -> pd.DataFrame:
    """The rows of data_sources (which upload supplies each kind, year, cluster and period) before a change
    whose upload supplied a place (all or part of it) where another upload supplies figures after it."""
    was = _places(before, "upload_id")
    taken = {supply[:-1] for supply in set(_places(after, "upload_id")) - set(was)}
    return before.loc[[supply[:-1] in taken for supply in was]]


def uploads(rows: pd.DataFrame) -> list[Replaced]:
    """Rows with upload_id, file_name, uploaded_by, uploaded_at as Replaced, once each, oldest first."""
    # In plain Python: every upload asks, mostly of no rows, where pandas' dedup and sort cost ~5 ms.
    first = {}
    for upload_id, file_name, uploaded_by, uploaded_at in zip(
            rows.upload_id.tolist(), rows.file_name.tolist(), rows.uploaded_by.tolist(), rows.uploaded_at.tolist()):
        first.setdefault(int(upload_id), Replaced(int(upload_id), str(file_name), str(uploaded_by), uploaded_at))
    return [first[upload_id] for upload_id in sorted(first)]
