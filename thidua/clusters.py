"""Cluster history as people read it: who joined and who left, who has never led, where the leader
stood in the scoring of the year it led, what the 1 July 2025 province merger did to a cluster, and
one province's PAR Index ranks with each year's jump.

DataFrames in (the named results cluster_members, leader_history, cluster_ranking, par_history),
DataFrames and Vietnamese sentences out.
"""
from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from thidua.provenance import source_lines
from thidua.provinces import MERGER_YEAR, registry
from thidua.readers.roster import DEPUTY, LEADER
from thidua.readers.units import unit_key

MEMBER, JOINED, LEFT = "member", "joined", "left"


def unit_label(unit: str, province: object) -> str:
    """How a unit is named where space is short: a province's Sở Nội vụ by its province."""
    return province if isinstance(province, str) and province else unit


def membership_changes(members: pd.DataFrame) -> pd.DataFrame:
    """One cluster's members (year, unit and whatever else describes the unit: province,
    new_province) as a row per unit and listed year, with status JOINED (listed for the first time,
    or again, after the cluster's first listed year), MEMBER, or LEFT (listed the year before, not
    this year; only that first year away has a row). A province's department is one unit under the
    names it had (Sở Nội vụ Thừa Thiên Huế, Sở Nội vụ Huế from 2025), shown by its latest."""
    years = sorted(members.year.unique())
    keys = _match_keys(members)
    listed = {year: set() for year in years}
    for year, key in zip(members.year.tolist(), keys):  # lists: ~50x faster to walk
        listed[year].add(key)
    rows = []
    for key in dict.fromkeys(keys):
        for previous, year in zip([None, *years], years):
            was, now = previous is not None and key in listed[previous], key in listed[year]
            status = (MEMBER if was or previous is None else JOINED) if now else (LEFT if was else None)
            if status:
                rows.append({"key": key, "year": year, "status": status})
    described = (members.assign(key=keys).sort_values("year", kind="stable").drop(columns="year")
                 .drop_duplicates("key", keep="last"))
    changes = pd.DataFrame(rows, columns=["key", "year", "status"]).merge(described, on="key", how="left")
    return changes[["unit", "year", "status", *[c for c in described.columns if c not in ("unit", "key")]]]


def rotation(members: pd.DataFrame, roles: pd.DataFrame) -> pd.DataFrame:
    """Each unit of one cluster that was ever listed or held a role: its first and last year on
    record, its years as member, as Cụm trưởng and as Cụm phó (lists of years, oldest first). A
    province's department is one unit under every name it had, shown by its latest."""
    units: dict[str, dict] = {}
    listed = zip(_match_keys(members), members.unit, members.year, members.province, [MEMBER] * len(members))
    held = zip(_match_keys(roles), roles.unit, roles.year, roles.province, roles.role)
    for key, unit, year, province, role in [*listed, *held]:
        found = units.setdefault(key, {"unit": unit, "province": None, "years": [], MEMBER: set(), LEADER: [],
                                       DEPUTY: []})
        if int(year) >= max(found["years"], default=int(year)):
            found["unit"] = unit
        if found["province"] is None and isinstance(province, str):
            found["province"] = province
        found["years"].append(int(year))
        if role == MEMBER:
            found[MEMBER].add(int(year))
        elif role in (LEADER, DEPUTY):
            found[role].append(int(year))
    return pd.DataFrame([{"unit": unit["unit"], "province": unit["province"], "first_year": min(unit["years"]),
                          "last_year": max(unit["years"]), "member_years": sorted(unit[MEMBER]),
                          "leader_years": sorted(unit[LEADER]), "deputy_years": sorted(unit[DEPUTY])}
                         for unit in units.values()],
                        columns=["unit", "province", "first_year", "last_year", "member_years", "leader_years",
                                 "deputy_years"])


def never_led(members: pd.DataFrame, roles: pd.DataFrame) -> pd.DataFrame:
    """The units of one cluster that have not been Cụm trưởng in any year on record."""
    units = rotation(members, roles)
    return units[units.leader_years.map(len) == 0].reset_index(drop=True)


def year_end_rankings(query: Callable[..., pd.DataFrame], cluster_id: str) -> pd.DataFrame:
    """Every year-end ranking of one cluster (the named result cluster_ranking without a year): year,
    unit, province, total, rank, the number of units ranked that year and where each total was read."""
    ranking = query("cluster_ranking", cluster=cluster_id)
    return ranking[["year", "unit", "province", "total", "rank", "units"]].assign(source_line=source_lines(ranking))


def leader_ranks(roles: pd.DataFrame, rankings: pd.DataFrame) -> pd.DataFrame:
    """Each year's Cụm trưởng of one cluster with its own year-end rank, total and the number of
    units ranked (empty where that year was not scored), and where the role and the total were read.
    roles and rankings: year, unit, province (rankings: source_line, as year_end_rankings gives it).
    A province's department is matched by its province, another unit by its name's key, so
    'Văn phòng UBND tỉnh' in a scoring sheet is the roster's 'VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH'."""
    leaders = roles[roles.role == LEADER]
    leaders = leaders[["year", "unit", "province"]].assign(key=_match_keys(leaders), role_source=source_lines(leaders))
    scored = rankings.assign(key=_match_keys(rankings))[["year", "key", "rank", "total", "units", "source_line"]]
    joined = leaders.merge(scored.rename(columns={"source_line": "total_source"}), on=["year", "key"], how="left")
    sources = [" · ".join(f"{what}: {line}" for what, line in (("Cụm trưởng", role), ("tổng điểm", total))
                          if isinstance(line, str) and line)
               for role, total in zip(joined.role_source, joined.total_source)]
    joined = joined.assign(source_line=sources).drop(columns=["key", "role_source", "total_source"])
    return joined.sort_values("year").reset_index(drop=True)


def _match_keys(units: pd.DataFrame) -> list[str]:
    return [f"province:{province}" if isinstance(province, str) and province else unit_key(unit)
            for unit, province in zip(units.unit, units.province)]


def constituents(new_province: str) -> list[str]:
    """The old provinces that formed a new province on 1 July 2025, the one whose name it kept first."""
    formed = [p for p in registry().provinces if p.new_province == new_province]
    return [p.name for p in sorted(formed, key=lambda p: (not p.seat_of_new, p.code))]


def merger_effects(all_members: pd.DataFrame, cluster_id: str) -> pd.DataFrame:
    """What the 1 July 2025 merger made of one cluster's provinces, as listed in its last year
    before the merger: one row per new province with the members that formed it and the other
    old provinces that joined them (outsiders), with the clusters those outsiders belonged to.
    Empty for a cluster of one province's agencies, or without a list before the merger."""
    before = all_members[(all_members.year < MERGER_YEAR) & all_members.province.notna()]
    own = before[before.cluster_id == cluster_id]
    if own.empty:
        return pd.DataFrame(columns=["new_province", "members", "outsiders", "outsider_clusters"])
    last = own[own.year == own.year.max()]
    listed: dict[str, set[str]] = {}  # new province -> the cluster's old provinces that formed it
    for new_province, province in zip(last.new_province, last.province):
        listed.setdefault(new_province, set()).add(province)
    formed_by = {new_province: constituents(new_province) for new_province in listed}
    merged = {name for names in formed_by.values() for name in names}
    others = before[before.province.isin(merged) & (before.cluster_id != cluster_id)]
    others = others.drop_duplicates(["province", "cluster"])
    clusters_of: dict[str, list[str]] = {}  # an old province -> the other clusters listing it
    for province, cluster in zip(others.province, others.cluster):
        clusters_of.setdefault(province, []).append(cluster)
    rows = []
    for new_province, names in formed_by.items():
        members = [name for name in names if name in listed[new_province]]
        outsiders = [name for name in names if name not in members]
        rows.append({"new_province": new_province, "members": members, "outsiders": outsiders,
                     "outsider_clusters": {name: clusters_of[name] for name in sorted(outsiders) if name in clusters_of}})
    return pd.DataFrame(rows)


def merger_sentences(effects: pd.DataFrame) -> list[str]:
    """The merger's effect on a cluster, one sentence per new province that is not simply an old
    member kept as it was; the unchanged members closing in one sentence."""
    sentences, unchanged = [], []
    for row in effects.itertuples():
        formed_by = constituents(row.new_province)
        if formed_by == [row.new_province]:
            unchanged.append(row.new_province)
            continue
        if len(formed_by) == 1:
            sentences.append(f"{formed_by[0]} đổi tên thành {row.new_province}.")
            continue
        sentence = f"{' + '.join(formed_by)} → {row.new_province}"
        if len(row.members) > 1:
            sentence += f": {len(row.members)} thành viên của cụm nay là một tỉnh"
        for outsider in row.outsiders:
            clusters = row.outsider_clusters.get(outsider)
            where = f"thuộc {', '.join(f'«{c}»' for c in clusters)}" if clusters else "không thuộc cụm này"
            sentence += f"; {outsider} {where}"
        sentences.append(sentence + ".")
    if unchanged:
        sentences.append(f"Giữ nguyên: {', '.join(unchanged)}.")
    return sentences


def province_rank_history(history: pd.DataFrame, province: str) -> pd.DataFrame:
    """One province's PAR Index years (par_history), oldest first: rank, score, region, how many
    provinces were ranked, and change (places gained since its previous year: positive = rose;
    empty in its first year, and in its first year after the merger, across_merger, when 63 ranks
    became 34). An old province that merged continues as the new province it joined (after_merger
    marks those years). Other columns of history (where each figure was read) are kept."""
    counts = history.groupby("year").size().rename("provinces")
    old = registry().by_name.get(province)
    continued_as = old.new_province if old is not None else province
    own = history[((history.year < MERGER_YEAR) & (history.province == province))
                  | ((history.year >= MERGER_YEAR) & (history.province == continued_as))]
    series = own.join(counts, on="year").sort_values("year").reset_index(drop=True)
    series["after_merger"] = series.year >= MERGER_YEAR
    series["across_merger"] = series.after_merger & ~series.after_merger.shift(fill_value=True)
    series["change"] = (series["rank"].shift() - series["rank"]).where(~series.across_merger)
    return series
