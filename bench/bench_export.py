"""Seconds per exported chart (PNG, SVG, PDF) and per deck, against plotly's own fig.to_image.

The baseline, measured in the same run, is what a page would pay without thidua.export: plotly's
fig.to_image starts a fresh browser for every image. The last part builds the decks of the
"Xuất báo cáo" page (a province, a cluster, one year) on the demo database, queries included.
Run from the repository root:
    .venv/bin/python -m bench.bench_export [--runs N]
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from thidua import export, reports
from thidua.config import DATA_DIR
from thidua.db import Database
from thidua.demo import build_demo_database

SOURCE = "Bộ Nội vụ, Báo cáo Chỉ số CCHC năm 2021"
UPDATED = date(2026, 11, 5)
SLIDES_PER_DECK = 4
PARALLEL_SESSIONS = 4
DECK_SCOPES = (("province deck", {"province": "Lạng Sơn", "year": 2022}),
               ("cluster deck", {"cluster": "bien gioi"}),
               ("year deck", {"year": 2024}))


def ranking_figure(shift: int) -> go.Figure:
    """63 provinces as bars with Vietnamese labels, like the ranking page; shift makes each one different."""
    provinces = pd.read_csv(DATA_DIR / "provinces_63.csv").name
    scores = [70 + (index * 7 + shift) % 25 + 0.37 for index in range(len(provinces))]
    figure = go.Figure(go.Bar(x=scores, y=provinces, orientation="h", text=scores, textposition="outside"))
    figure.update_layout(title=f"Chỉ số CCHC năm 2021: xếp hạng 63 tỉnh, thành phố (bản {shift})",
                         font=dict(family="Noto Sans", size=16), height=1700, margin=dict(b=40))
    return figure


def median_seconds(action, runs: int) -> float:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def one_shot_image(figure: go.Figure, fmt: str) -> bytes:
    """The baseline: plotly's to_image of the same 1920×1080 page, a browser started per call."""
    laid_out = export.export_layout(figure, SOURCE, UPDATED)
    return laid_out.to_image(format=fmt, width=laid_out.layout.width, height=laid_out.layout.height,
                             scale=export.EXPORT_SCALE)


def row(label: str, ours: float, baseline: float) -> str:
    return f"{label:<22} {ours:8.2f} s {baseline:10.2f} s {baseline / ours:9.1f}× faster"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (the baseline takes max(3, runs // 2))")
    runs = parser.parse_args().runs
    baseline_runs = max(3, runs // 2)
    figure = ranking_figure(0)
    slides = [export.Slide(f"Trang {number}", "Lạng Sơn tăng 13 bậc so với năm trước.", ranking_figure(number),
                           "Lạng Sơn: 83,40%", SOURCE, UPDATED) for number in range(SLIDES_PER_DECK)]

    started = time.perf_counter()
    export.figure_bytes(figure, "png", SOURCE, UPDATED)
    print(f"first export (starts chromium once per process): {time.perf_counter() - started:.2f} s")
    print(f"medians of {runs} runs (baseline: {baseline_runs} runs); one chart of 63 bars, 1920×1080\n")
    print(f"{'':<22} {'thidua':>10} {'to_image':>12} {'ratio':>15}")
    for fmt in export.IMAGE_FORMATS:
        ours = median_seconds(lambda: export.figure_bytes(figure, fmt, SOURCE, UPDATED), runs)
        baseline = median_seconds(lambda: one_shot_image(figure, fmt), baseline_runs)
        print(row(f"chart as {fmt.upper()}", ours, baseline))

    deck_baseline = median_seconds(lambda: [one_shot_image(slide.figure, "png") for slide in slides], baseline_runs)
    for label, build in (("deck PPTX", export.build_deck), ("deck PDF", export.deck_pdf)):
        ours = median_seconds(lambda: build("Báo cáo Chỉ số CCHC", "Sở Nội vụ", slides), runs)
        print(row(f"{label}, {SLIDES_PER_DECK} charts", ours, deck_baseline))
    print(f"(a deck's baseline is its {SLIDES_PER_DECK} images alone, drawn by fig.to_image)")

    one_after_another = median_seconds(
        lambda: [export.figure_bytes(slide.figure, "png", SOURCE, UPDATED) for slide in slides], runs)
    with ThreadPoolExecutor(PARALLEL_SESSIONS) as pool:
        at_once = median_seconds(lambda: list(pool.map(
            lambda slide: export.figure_bytes(slide.figure, "png", SOURCE, UPDATED), slides)), runs)
    print(f"\n{PARALLEL_SESSIONS} sessions asking for a PNG at once: {at_once:.2f} s in all "
          f"(one after another: {one_after_another:.2f} s; one browser tab serves them in turn)")
    deck_seconds(runs, baseline_runs)


def deck_seconds(runs: int, baseline_runs: int) -> None:
    """Seconds per PPTX deck of each scope on the demo database, from the query to the file, against
    its charts alone drawn by fig.to_image."""
    with tempfile.TemporaryDirectory() as folder:
        db = Database(Path(folder) / "demo.duckdb")
        build_demo_database(db)
        print("\ndecks of the «Xuất báo cáo» page on the demo database (plan, queries and PPTX):")
        for label, params in DECK_SCOPES:
            charts = reports.plan_deck(db.query, params).charts
            ours = median_seconds(lambda: reports.plan_deck(db.query, params).pptx(), runs)
            baseline = median_seconds(lambda: [one_shot_image(chart.figure, "png") for chart in charts],
                                      baseline_runs)
            print(row(f"{label}, {len(charts)} charts", ours, baseline)
                  + f"   ({ours / len(charts):.2f} s per chart)")


if __name__ == "__main__":
    main()
