"""Every page of the dashboard (the pages app.py's st.navigation lists) timed through AppTest against
an empty page in the same router on the same data, and the time from `streamlit run` to the first
chart in a real browser against the time to an empty app's first words.

On the synthetic national database (bench/national.py). For each page: its first view (the named
results and the figures and deck plans built from them dropped, as after an upload) and its reruns
(what a click on a widget costs, all of it cached); the baseline is the empty page, added as the
default page of a copy of app.py, so the router's set-up, the sign-in check and the data version
read are paid by both. Every run reuses the scripts' compiled code, as `streamlit run` does (AppTest
alone compiles the router and the page again at every run). Run from the repository root:
    .venv/bin/python -m bench.bench_pages [--quick] [--runs N]
"""
from __future__ import annotations

import cProfile
import io
import os
import pstats
import time
from pathlib import Path

from bench.app_pages import EMPTY_PAGE, EMPTY_TITLE, Page, app_pages, router_with_empty_page, show, started
from bench.common import Section, arguments, median, page_limit, quiet_streamlit, table, verdict, write_section
from bench.national import national_database
from bench.server import streamlit_server
from thidua.config import ROOT

TARGET_RATIO = 2.0
RERUNS = 3
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]
CHART = '[data-testid="stPlotlyChart"] .main-svg'
EMPTY_WORDS = f'h1:has-text("{EMPTY_TITLE}")'
BROWSER_WAIT_MS = 180_000
PROFILED_PAGES, PROFILE_LINES = 2, 14


def extra_options(parser) -> None:
    page_limit(parser)
    parser.add_argument("--no-browser", action="store_true", help="leave out the real-browser figure")


def page_times(router: Path, page: Page) -> tuple[float, float]:
    """(first view with every cache empty, median of the reruns that follow) in seconds."""
    import streamlit as st

    app = started(router)
    st.cache_data.clear()
    st.cache_resource.clear()
    begun = time.perf_counter()
    show(app, page)
    first = time.perf_counter() - begun
    reruns = []
    for _ in range(RERUNS):
        begun = time.perf_counter()
        show(app)
        reruns.append(time.perf_counter() - begun)
    return first, median(reruns)


def compile_once() -> None:
    """Every AppTest run from here on reuses the bytecode of the scripts it ran before, as a server's
    runtime does: the server compiles a page once, AppTest (one ScriptCache per run) at every run."""
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import app_test, local_script_runner

    shared = ScriptCache()
    app_test.ScriptCache = local_script_runner.ScriptCache = lambda: shared


def rerun_profile(router: Path, page: Page) -> list[str]:
    """Where one rerun of the page spends its time: cProfile of the script's thread, cumulative, the
    project's code and plotly's figure calls only."""
    from streamlit.runtime.scriptrunner import script_runner

    app = show(started(router), page)
    profiler, original = cProfile.Profile(), script_runner.ScriptRunner._run_script

    def profiled(self, *args, **kwargs):
        profiler.enable()
        try:
            return original(self, *args, **kwargs)
        finally:
            profiler.disable()

    script_runner.ScriptRunner._run_script = profiled
    try:
        show(app)
    finally:
        script_runner.ScriptRunner._run_script = original
    stream = io.StringIO()
    pstats.Stats(profiler, stream=stream).sort_stats("cumulative").print_stats(
        r"/(thidua|pages)/|\(update_layout\)|\(plotly_chart\)|\(to_json\)", PROFILE_LINES)
    body = [line.replace(str(ROOT) + "/", "") for line in stream.getvalue().splitlines() if line.strip()]
    start = next(i for i, line in enumerate(body) if line.lstrip().startswith("ncalls"))
    return [f"One rerun of «{page.title}» under cProfile (cumulative; profiling slows it about twice):", "",
            "```", *body[start:], "```"]


def to_first_sight(browser, script: Path, database: Path, selector: str, log: Path) -> float:
    """Seconds from `streamlit run script` to selector showing in a fresh browser tab."""
    with streamlit_server(script, database, log) as server:
        tab = browser.new_page(viewport={"width": 1600, "height": 1000})
        try:
            tab.goto(server.url)
            tab.wait_for_selector(selector, state="visible", timeout=BROWSER_WAIT_MS)
            return time.monotonic() - server.started
        finally:
            tab.close()


def browser_lines(database: Path, out: Path, runs: int) -> list[str]:
    if not CHROMIUM.exists():
        return [f"Browser: not measured, {CHROMIUM} is missing (scripts/setup.sh installs it)."]
    from playwright.sync_api import sync_playwright

    empty_app = out / "empty_app.py"
    empty_app.write_text(EMPTY_PAGE, encoding="utf-8")
    ours, baseline = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            for run in range(runs):
                baseline.append(to_first_sight(browser, empty_app, database, EMPTY_WORDS, out / "empty-server.log"))
                ours.append(to_first_sight(browser, ROOT / "app.py", database, CHART, out / "pages-server.log"))
                print(f"browser run {run + 1}: first chart {ours[-1]:.2f} s, empty app {baseline[-1]:.2f} s",
                      flush=True)
        finally:
            browser.close()
    return [f"From `streamlit run app.py` to the first chart of the default page drawn in Debian's chromium "
            f"(Playwright, a fresh server each time, the national database): **{median(ours):.2f} s**, "
            f"{median(ours) / median(baseline):.1f}× the time from `streamlit run` to the first words of an "
            f"app that only writes a title ({median(baseline):.2f} s). Medians of {runs} runs."]


def main() -> None:
    options = arguments(__doc__.splitlines()[0], runs=5, extra=extra_options)
    quiet_streamlit()
    compile_once()
    database, size = national_database(options.out, options.quick)
    os.environ["THIDUA_DB"] = str(database)
    router, empty = router_with_empty_page(options.out / "router")
    pages = [empty, *app_pages()[:options.pages]]
    for page in pages:  # every module imported and every cache warmed before the clock runs
        page_times(router, page)
    firsts: dict[str, list[float]] = {page.title: [] for page in pages}
    reruns: dict[str, list[float]] = {page.title: [] for page in pages}
    for run in range(options.runs):
        for page in pages:  # the empty page takes its turn among the others, so load slows both
            first, rerun = page_times(router, page)
            firsts[page.title].append(first)
            reruns[page.title].append(rerun)
        print(f"run {run + 1}: " + ", ".join(f"{t} {median(reruns[t]):.2f} s" for t in reruns), flush=True)

    empty_first, empty_rerun = median(firsts[EMPTY_TITLE]), median(reruns[EMPTY_TITLE])
    rows, met = [], []
    for page in pages[1:]:
        first, rerun = median(firsts[page.title]), median(reruns[page.title])
        met.append(rerun / empty_rerun <= TARGET_RATIO)
        rows.append([page.title, f"`{page.path.relative_to(ROOT)}`", f"{first:.2f} s", f"{first / empty_first:.1f}×",
                     f"{rerun:.3f} s", f"{rerun / empty_rerun:.1f}×", verdict(met[-1])])
    lines = [f"AppTest, national database ({size.criteria_rows:,} criteria rows); medians of {options.runs} runs. "
             f"Baseline: the empty page in the same router — first view {empty_first:.3f} s, rerun "
             f"{empty_rerun:.3f} s. A first view follows emptied caches of named results, figures and deck plans "
             f"(as after an upload); a rerun is the median of {RERUNS} reruns after it (a click on a widget, all "
             f"cached). Scripts are compiled once, as by `streamlit run`.", "",
             f"**Target: every page within {TARGET_RATIO:.0f}× the empty page (reruns): {sum(met)}/{len(met)} "
             f"pages: {verdict(all(met))}.**", "",
             *table(["page", "file", "first view", "first view / empty", "rerun", "rerun / empty",
                     f"rerun ≤ {TARGET_RATIO:.0f}× empty"], rows), "",
             *([] if options.no_browser else browser_lines(database, options.out, 1 if options.quick else 3))]
    slowest = sorted((p for p, ok in zip(pages[1:], met) if not ok), key=lambda p: median(reruns[p.title]), reverse=True)
    for page in slowest[:PROFILED_PAGES]:
        lines += ["", *rerun_profile(router, page)]
    write_section(Section("pages", "Pages: AppTest and the first chart in a browser", options.quick, lines),
                  options.results)


if __name__ == "__main__":
    main()
