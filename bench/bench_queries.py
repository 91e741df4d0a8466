"""p50 and p95 of every named result (queries/*.sql) and of every query each page runs, on a synthetic
national database (bench/national.py: 63 provinces × 30 years of PAR with components; 100 clusters ×
15 units × 60 criteria × 20 years × 2 periods, 3.6 million criteria rows).

A page's queries are recorded by opening the page through AppTest (its cache cleared first), then
each is timed on its own through thidua.db, as a page run asks for it (the connection held, as
app.py holds it for a page run); the cost of opening the connection, paid once per page run, is
timed apart. The yardstick measured in the same run is `provinces`, the smallest named result.
Run from the repository root:
    .venv/bin/python -m bench.bench_queries [--quick] [--runs N]
"""
from __future__ import annotations

import os
import re
import time

from bench.app_pages import app_pages, recorded_queries, show, started
from bench.common import (Section, arguments, median, milliseconds, page_limit, percentile, quiet_streamlit, table,
                          verdict, write_section)
from bench.national import national_database

TARGET_P95 = 0.050
YARDSTICK = "provinces"
EXPLAINED = 5            # missed queries whose DuckDB operators are listed
OPERATORS_SHOWN = 4
_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


def sample_parameters(db, cluster_id: str) -> dict[str, object]:
    """A value for each parameter the named results take: the newest years, a cluster, one of its units."""
    par_years = list(db.query("par_years").year)
    scored = db.query("cluster_years", cluster=cluster_id)
    year = int(scored.year.max())
    unit = db.query("cluster_ranking", cluster=cluster_id, year=year).unit.iloc[0]
    return {"par_year": int(par_years[0]), "from_year": int(par_years[1]), "to_year": int(par_years[0]),
            "cluster": cluster_id, "cluster_year": year, "unit": unit, "period": "year"}


def parameters_for(name: str, samples: dict[str, object]) -> dict[str, object] | None:
    """The required parameters of a named result (optional ones stay NULL: everything), or None when
    a parameter has no sample value."""
    from thidua.db import optional_params, sql_text

    sql = sql_text(name)
    wanted = dict.fromkeys(p for p in _PARAM.findall(sql) if p not in optional_params(sql))
    chosen = {}
    for parameter in wanted:
        if parameter == "year":
            chosen["year"] = samples["cluster_year" if "cluster" in wanted else "par_year"]
        elif parameter in samples:
            chosen[parameter] = samples[parameter]
        else:
            return None
    return chosen


def timed(db, name: str, params: dict, runs: int) -> tuple[list[float], int]:
    """Seconds of each run of one named result (after one run that is not counted) and its row count."""
    rows = len(db.query(name, **params))
    times = []
    for _ in range(runs):
        begun = time.perf_counter()
        db.query(name, **params)
        times.append(time.perf_counter() - begun)
    return times, rows


def operator_lines(db, misses: list[tuple[str, dict]]) -> list[str]:
    """The slowest DuckDB operators of each missed query (EXPLAIN ANALYZE, one run)."""
    lines = []
    for name, params in misses[:EXPLAINED]:
        operators = db.explain(name, **params)[:OPERATORS_SHOWN]
        shown = "; ".join(f"{o['type']} {o['seconds'] * 1000:.1f} ms, {o['rows']:,} rows" for o in operators)
        lines.append(f"- `{name}` ({shown_params(params)}): {shown}")
    return lines


def shown_params(params: dict) -> str:
    return ", ".join(f"{key}={value}" for key, value in params.items()) or "—"


def main() -> None:
    options = arguments(__doc__.splitlines()[0], runs=30, extra=page_limit)
    quiet_streamlit()
    begun = time.perf_counter()
    path, size = national_database(options.out, options.quick)
    print(f"database {path.name}: {size.criteria_rows:,} criteria rows ({time.perf_counter() - begun:.0f} s to "
          "build or find)", flush=True)
    os.environ["THIDUA_DB"] = str(path)
    import streamlit as st

    from thidua.db import Database, query_names

    db = Database(path)
    page_calls: dict[str, list[tuple[str, dict]]] = {}
    for page in app_pages()[:options.pages]:
        app = started()
        st.cache_data.clear()
        st.cache_resource.clear()
        with recorded_queries() as calls:
            show(app, page)
        page_calls[page.title] = list({(n, tuple(sorted(p.items()))): (n, p) for n, p in calls}.values())
        print(f"page {page.title}: {len(page_calls[page.title])} distinct queries", flush=True)

    opening = []
    for _ in range(min(options.runs, 10)):
        begun = time.perf_counter()
        with db.session():
            pass
        opening.append(time.perf_counter() - begun)

    results: dict[tuple[str, tuple], tuple[list[float], int]] = {}
    with db.session():
        clusters = db.query("clusters").sort_values("name")
        samples = sample_parameters(db, clusters.cluster_id.iloc[len(clusters) // 2])
        named = {name: parameters_for(name, samples) for name in query_names()}
        wanted = [(n, p) for n, p in named.items() if p is not None]
        wanted += [call for calls in page_calls.values() for call in calls]
        for name, params in wanted:
            key = (name, tuple(sorted(params.items())))
            if key not in results:
                results[key] = timed(db, name, params, options.runs)
                times = results[key][0]
                print(f"{name:<20} {shown_params(params)[:60]:<60} p50 {milliseconds(median(times)):>10} "
                      f"p95 {milliseconds(percentile(times, 0.95)):>10}", flush=True)

    yardstick = median(results[(YARDSTICK, ())][0])
    p95 = {key: percentile(times, 0.95) for key, (times, _) in results.items()}
    missed = sorted((key for key in p95 if p95[key] >= TARGET_P95), key=p95.get, reverse=True)
    with db.session():
        explained = operator_lines(db, [(name, dict(params)) for name, params in missed])

    def row(name: str, params: dict) -> tuple[list[object], bool]:
        key = (name, tuple(sorted(params.items())))
        times, rows = results[key]
        return [f"`{name}`", shown_params(params), rows, milliseconds(median(times)), milliseconds(p95[key]),
                f"{median(times) / yardstick:.0f}×", verdict(p95[key] < TARGET_P95)], p95[key] < TARGET_P95

    named_rows, named_met = [], []
    for name, params in named.items():
        if params is None:
            named_rows.append([f"`{name}`", "no sample value for a parameter: not timed", "", "", "", "", ""])
            continue
        line, met = row(name, params)
        named_rows.append(line)
        named_met.append(met)
    page_rows, page_met = [], []
    for title, calls in page_calls.items():
        for name, params in calls:
            line, met = row(name, params)
            page_rows.append([title, *line])
            page_met.append(met)
    header = ["named result", "parameters", "rows", "p50", "p95", "p50 / provinces", "p95 < 50 ms"]
    lines = [f"Database: {size.criteria_rows:,} criteria rows, {size.clusters} clusters × {size.units} units × "
             f"{len(size.scoring_years)} years × 2 periods; PAR {len(size.par_years)} years × 63 provinces with "
             f"components (bench/national.py). {options.runs} timed runs of each query after one untimed run, "
             "connection held (as app.py holds it for a page run). Yardstick in the same run: `provinces` "
             f"(63 rows) p50 {milliseconds(yardstick)}. Opening the database connection, once per page run: "
             f"p50 {milliseconds(median(opening))}, p95 {milliseconds(percentile(opening, 0.95))}.", "",
             f"**Target: p95 under 50 ms for each. Named results: {sum(named_met)}/{len(named_met)} met; "
             f"page queries: {sum(page_met)}/{len(page_met)} met: {verdict(not missed)}.**", "",
             "### Every named result (required parameters set, optional ones left empty: all data)", "",
             *table(header, named_rows), "",
             "### Every page's queries (recorded by opening the page through AppTest)", "",
             *table(["page", *header], page_rows)]
    if explained:
        lines += ["", "### Where the missed queries spend their time (DuckDB's slowest operators, EXPLAIN ANALYZE)",
                  "", *explained]
    write_section(Section("queries", "Queries at scale: p50 and p95", options.quick, lines), options.results)


if __name__ == "__main__":
    main()
