"""A synthetic national database for the query, page and session benchmarks.

PAR Index: the 63 provinces over 30 years (1995-2024), with eight component scores each, one upload
per year through thidua.ingest. Clusters: 100 clusters of 15 provinces' Sở Nội vụ each, scored
over 20 years (2005-2024) twice a year (mid-year review and year end) on a criteria tree of 60
nodes per unit (6 groups × 3 criteria × 2 leaves, a bonus and a penalty group among them): one
upload per cluster, year and period, 3.6 million criteria rows. Rosters: a leader, a deputy and
the members of every cluster and year, one roster upload per cluster through the roster checks.

The scores are random (a fixed seed). Scoring rows go in through bench-only bulk statements
(queries/write/bench_*.sql: one statement per table instead of 4,000 uploads one by one); the
database is built again only when this file, the schema or the size changes (a stamp beside it).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from thidua.config import QUERIES_DIR
from thidua.db import Database
from thidua.demo.par import AREAS_2022
from thidua.ingest import Reading, par_reading, write_upload
from thidua.provinces import registry
from thidua.readers.par import ParResult
from thidua.readers.roster import check_roster
from thidua.readers.scoring import PERIODS
from thidua.readers.units import cluster_slug

SEED = 2026
GROUPS, CRITERIA_PER_GROUP, LEAVES_PER_CRITERION = 6, 3, 2
ROMAN = ("I", "II", "III", "IV", "V", "VI")
MEASURES = ("criterion",) * 4 + ("bonus", "penalty")
GROUP_TITLES = ("Công tác chỉ đạo, điều hành", "Tổ chức bộ máy, biên chế", "Cải cách hành chính",
                "Cán bộ, công chức, viên chức", "Điểm thưởng", "Điểm trừ")
LEAF_MAXIMUM = {"criterion": 4.0, "bonus": 1.0, "penalty": None}
FLAG, MERIT = "Cờ thi đua của Bộ Nội vụ", "Bằng khen của Bộ trưởng Bộ Nội vụ"
BENCH_UPLOADER = "bench"
TEXT_COLUMNS = ("cluster_id", "period", "unit", "node_key", "parent_key", "code", "title", "measure")


@dataclass(frozen=True)
class Size:
    par_years: range
    clusters: int
    units: int
    scoring_years: range

    @property
    def criteria_rows(self) -> int:
        return self.clusters * self.units * len(self.scoring_years) * len(PERIODS) * len(template())


FULL = Size(range(1995, 2025), 100, 15, range(2005, 2025))
QUICK = Size(range(2020, 2025), 4, 15, range(2022, 2025))


def template() -> pd.DataFrame:
    """The criteria tree every unit is scored on, one row per node in sheet order."""
    rows = []
    for g in range(GROUPS):
        group = ROMAN[g]
        measure = MEASURES[g]
        rows.append(dict(node_key=group, parent_key=None, code=group, title=GROUP_TITLES[g], level=1, is_leaf=False,
                         measure=measure, group=g))
        for c in range(1, CRITERIA_PER_GROUP + 1):
            rows.append(dict(node_key=f"{group}/{c}", parent_key=group, code=str(c), title=f"Tiêu chí {group}.{c}",
                             level=2, is_leaf=False, measure=measure, group=g))
            for leaf in "ab"[:LEAVES_PER_CRITERION]:
                rows.append(dict(node_key=f"{group}/{c}/{leaf}", parent_key=f"{group}/{c}", code=f"{leaf})",
                                 title=f"Nội dung {group}.{c}.{leaf}", level=3, is_leaf=True, measure=measure,
                                 group=g))
    frame = pd.DataFrame(rows)
    frame["position"] = range(1, len(frame) + 1)
    return frame


# ---- PAR Index ---------------------------------------------------------------------------------------

def par_results(size: Size, rng: np.random.Generator) -> list[ParResult]:
    provinces = registry().provinces
    strength = rng.normal(0, 1, len(provinces))
    results = []
    for year in size.par_years:
        strength = strength + rng.normal(0, 0.35, len(provinces))
        scores = np.round(82 + 3 * strength, 2)
        order = np.argsort(-scores, kind="stable")
        rank = np.empty(len(provinces), dtype=int)
        rank[order] = np.arange(1, len(provinces) + 1)
        frame = pd.DataFrame({"year": year, "province_code": [p.code for p in provinces],
                              "province": [p.name for p in provinces], "score": scores, "rank": rank,
                              "rank_computed": False, "sipas": np.round(80 + rng.uniform(0, 10, len(provinces)), 2),
                              "source_sheet": "Sheet1", "score_cell": [f"C{row}" for row in range(3, len(provinces) + 3)],
                              "rank_cell": [f"D{row}" for row in range(3, len(provinces) + 3)],
                              "sipas_sheet": "Sheet1",
                              "sipas_cell": [f"E{row}" for row in range(3, len(provinces) + 3)]})
        weights = np.array(list(AREAS_2022.values())) / 100
        components = pd.DataFrame([{"year": year, "province_code": p.code, "component": area,
                                    "score": round(float(score) * weight, 2)}
                                   for p, score in zip(provinces, scores) for area, weight in zip(AREAS_2022, weights)])
        results.append(ParResult(f"bench PAR {year}.xlsx", frame, components, []))
    return results


# ---- clusters ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class BenchCluster:
    name: str
    provinces: list[str]   # official names

    @property
    def cluster_id(self) -> str:
        return cluster_slug(self.name)

    @property
    def units(self) -> list[str]:
        return [f"Sở Nội vụ {province}" for province in self.provinces]


def clusters(size: Size, rng: np.random.Generator) -> list[BenchCluster]:
    names = [p.name for p in registry().provinces]
    return [BenchCluster(f"Cụm thi đua Sở Nội vụ các tỉnh số {number:03d}",
                         list(rng.choice(names, size.units, replace=False)))
            for number in range(1, size.clusters + 1)]


def roster_reading(cluster: BenchCluster, years: range) -> Reading:
    """Leader, deputy and members of every year, checked as the roster editor's rows are."""
    roles, members = [], []
    for offset, year in enumerate(years):
        leader, deputy = cluster.units[offset % len(cluster.units)], cluster.units[(offset + 1) % len(cluster.units)]
        roles += [dict(cluster=cluster.name, year=year, role="Cụm trưởng", unit=leader),
                  dict(cluster=cluster.name, year=year, role="Cụm phó", unit=deputy)]
        members += [dict(cluster=cluster.name, year=year, unit=unit) for unit in cluster.units]
    result = check_roster(f"bench roster {cluster.cluster_id}.xlsx", pd.DataFrame(roles), pd.DataFrame(members))
    if result.errors:
        raise RuntimeError(result.errors)
    digest = hashlib.sha1(result.file_name.encode()).hexdigest()
    return Reading(result.file_name, "roster", result.scope, result.rows, digest, result, result.warnings)


def scoring_uploads(size: Size, cluster_list: list[BenchCluster]) -> pd.DataFrame:
    rows = [dict(file_name=f"bench {cluster.cluster_id} {year} {period}.xlsx", kind="scoring",
                 scope=f"{cluster.name} · {year} · {PERIODS[period]}", row_count=size.units, uploaded_by=BENCH_UPLOADER,
                 cluster_id=cluster.cluster_id, cluster_index=index, year=year, period=period)
            for index, cluster in enumerate(cluster_list) for year in size.scoring_years for period in PERIODS]
    frame = pd.DataFrame(rows)
    frame["content_hash"] = [hashlib.sha1(name.encode()).hexdigest() for name in frame.file_name]
    return frame


def leaf_scores(tree: pd.DataFrame, unit_count: int, rng: np.random.Generator) -> dict[str, np.ndarray]:
    """Each unit's own and confirmed score of every leaf, in quarter points; most penalties are zero."""
    leaves = tree[tree.is_leaf]
    maxima = np.array([LEAF_MAXIMUM[m] or 2.0 for m in leaves.measure])
    own = np.round(rng.uniform(0.55, 1.0, (unit_count, len(leaves))) * maxima * 4) / 4
    confirmed = np.minimum(own, own - rng.choice([0, 0, 0.25, 0.5], own.shape)).clip(0)
    penalty = (leaves.measure == "penalty").to_numpy()
    for scores in (own, confirmed):
        scores[:, penalty] = np.where(rng.random((unit_count, penalty.sum())) < 0.8, 0, scores[:, penalty])
    return {"self_score": own, "cluster_score": confirmed}


def leaves_under(tree: pd.DataFrame) -> list[list[int]]:
    """For each node, the positions among the leaves of the leaves under it (a leaf: itself)."""
    leaf_keys = list(tree.node_key[tree.is_leaf])
    return [[i for i, key in enumerate(leaf_keys) if key == node or key.startswith(node + "/")] for node in tree.node_key]


def node_scores(tree: pd.DataFrame, leaves: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Every node's score: the sum of the leaves under it."""
    return {name: np.stack([values[:, under].sum(axis=1) for under in leaves_under(tree)], axis=1)
            for name, values in leaves.items()}


def maximum_points(tree: pd.DataFrame) -> np.ndarray:
    """Every node's maximum: its leaves' maxima added up; none for a penalty."""
    return np.array([len(under) * LEAF_MAXIMUM[measure] if LEAF_MAXIMUM[measure] is not None else np.nan
                     for under, measure in zip(leaves_under(tree), tree.measure)])


def unit_frame(uploads: pd.DataFrame, cluster_list: list[BenchCluster], size: Size, tree: pd.DataFrame,
               nodes: dict[str, np.ndarray]) -> pd.DataFrame:
    """One row per upload and unit: totals (criteria + bonus - penalty), ranks, the year-end awards."""
    groups = (tree.level == 1).to_numpy()
    sign = np.where(tree.measure[groups] == "penalty", -1, 1)
    group_of = {measure: np.flatnonzero(groups & (tree.measure == measure).to_numpy())[0] for measure in ("bonus", "penalty")}
    upload_of_unit = np.repeat(np.arange(len(uploads)), size.units)
    member = np.tile(np.arange(size.units), len(uploads))
    provinces = [cluster_list[c].provinces[m] for c, m in zip(uploads.cluster_index.to_numpy()[upload_of_unit], member)]
    codes = {p.name: p.code for p in registry().provinces}
    units = pd.DataFrame({
        **{column: uploads[column].to_numpy()[upload_of_unit] for column in ("upload_id", "cluster_id", "year", "period")},
        "unit": [f"Sở Nội vụ {p}" for p in provinces], "province_code": [codes[p] for p in provinces],
        "total": nodes["cluster_score"][:, groups] @ sign, "self_total": nodes["self_score"][:, groups] @ sign,
        "bonus": nodes["cluster_score"][:, group_of["bonus"]], "penalty": nodes["cluster_score"][:, group_of["penalty"]],
        "rank_computed": False})
    units["rank"] = units.groupby("upload_id").total.rank(method="min", ascending=False).astype(int)
    units["award"] = units["rank"].map({1: FLAG, 2: MERIT, 3: MERIT}).where(units.period == "year")
    return units


def criteria_frame(units: pd.DataFrame, tree: pd.DataFrame, nodes: dict[str, np.ndarray]) -> pd.DataFrame:
    """One row per upload, unit and node of the tree (text columns as categories: 3.6 million rows)."""
    criteria = pd.DataFrame({column: np.repeat(units[column].to_numpy(), len(tree))
                             for column in ("upload_id", "cluster_id", "year", "period", "unit")})
    for column in ("position", "node_key", "parent_key", "code", "title", "level", "is_leaf", "measure"):
        criteria[column] = np.tile(tree[column].to_numpy(), len(units))
    criteria["max_points"] = np.tile(maximum_points(tree), len(units))
    for name, values in nodes.items():
        criteria[name] = values.reshape(-1)
    return criteria.astype({column: "category" for column in TEXT_COLUMNS})


def scores(uploads: pd.DataFrame, cluster_list: list[BenchCluster], size: Size, rng: np.random.Generator
           ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The units (one row per upload and unit) and criteria (one row per upload, unit and node)."""
    tree = template()
    nodes = node_scores(tree, leaf_scores(tree, len(uploads) * size.units, rng))
    units = unit_frame(uploads, cluster_list, size, tree, nodes)
    return units, criteria_frame(units, tree, nodes)


# ---- building ----------------------------------------------------------------------------------------

def stamp(size: Size) -> str:
    digest = hashlib.sha1(repr(size).encode())
    for source in [Path(__file__), *sorted((QUERIES_DIR / "schema").glob("*.sql"))]:
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def build(path: Path, size: Size) -> None:
    """Writes the database at path (replacing any file there)."""
    for old in (path, path.with_name(path.name + ".wal")):
        old.unlink(missing_ok=True)
    rng = np.random.default_rng(SEED)
    db = Database(path)
    cluster_list = clusters(size, rng)
    with db.session():
        for result in par_results(size, rng):
            write_upload(db, par_reading(result, hashlib.sha1(result.file_name.encode()).hexdigest()), BENCH_UPLOADER)
        for cluster in cluster_list:
            write_upload(db, roster_reading(cluster, size.scoring_years), BENCH_UPLOADER)
        uploads = scoring_uploads(size, cluster_list)
        with db.transaction() as writer:
            for cluster in cluster_list:
                writer.run("write/insert_cluster", cluster_id=cluster.cluster_id, name=cluster.name)
            ids = writer.insert("write/bench_insert_uploads", uploads)
        uploads = uploads.merge(ids, on="file_name")
        units, criteria = scores(uploads, cluster_list, size, rng)
        with db.transaction() as writer:
            writer.insert("write/bench_insert_scoring_units", units)
            writer.insert("write/bench_insert_scoring_criteria", criteria)


def national_database(directory: Path, quick: bool) -> tuple[Path, Size]:
    """The database for this size in directory, built first when missing or out of date."""
    size = QUICK if quick else FULL
    path = directory / f"national-{'quick' if quick else 'full'}.duckdb"
    stamp_file = path.with_name(path.name + ".stamp")
    if not path.is_file() or not stamp_file.is_file() or stamp_file.read_text() != stamp(size):
        stamp_file.unlink(missing_ok=True)
        build(path, size)
        stamp_file.write_text(stamp(size))
    return path, size
