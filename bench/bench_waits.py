"""Where people wait, measured as they meet it (Debian's chromium through Playwright, a real `streamlit
run`, the demo database), each figure beside a baseline measured in the same run:

- a page's link opened in a fresh session (a new browser context: no cookie, no cached file) to its
  first chart, against the same for an app that shows one static chart; the server has served the
  page once before, as a shared link reaches a server people already use;
- choosing a province on «Hồ sơ tỉnh» to its first chart, against choosing a year on «So sánh tỉnh»
  (each a value not chosen before);
- the first start: `scripts/run_dashboard.sh` on a fresh clone (its packages already installed) to the
  first chart, against an app of one chart started the same way on a database that exists;
- the first PNG export after the server starts (the click on «PNG» to the file), and a national deck
  (plan and PPTX, the export browser started), beside a PNG drawn by the started browser.
Run from the repository root:
    .venv/bin/python -m bench.bench_waits [--quick] [--runs N]
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from bench.app_pages import app_pages
from bench.common import Section, arguments, median, page_limit, table, verdict, write_section
from bench.server import free_port, streamlit_server, wait_until_healthy
from thidua.config import ROOT

PAGE_RATIO, CHOICE_RATIO, START_RATIO = 2.0, 1.5, 2.0
FIRST_PNG_SECONDS, DECK_SECONDS = 2.0, 4.0
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]
CHART = '[data-testid="stPlotlyChart"] .main-svg'
TITLE = "h1"
WAIT_MS = 180_000
ONE_CHART_APP = ('import plotly.graph_objects as go\nimport streamlit as st\n\nst.title("Một biểu đồ")\n'
                 'st.plotly_chart(go.Figure(go.Bar(x=["A", "B", "C"], y=[3, 1, 2])))\n')
LINKS = {"ho-so-tinh": "?tinh=" + quote("Lạng Sơn")}  # pages that draw nothing until something is chosen
WITHOUT_CHARTS = {"nhap-du-lieu", "xuat-bao-cao"}  # pages with no chart on opening: their title is waited for
PROVINCES = ("Hà Nội", "Cao Bằng", "Cà Mau", "Nghệ An", "Đà Nẵng")
YEARS = (2023, 2022, 2021, 2020, 2019)
SERVER_OPTIONS = ["--server.headless", "true", "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
                  "--server.fileWatcherType", "none"]


def demo_database(out: Path) -> Path:
    """The demo database (data/demo), built once in out."""
    from thidua.db import Database
    from thidua.demo import rebuild_demo_database

    path = out / "waits-demo.duckdb"
    if not path.is_file():
        rebuild_demo_database(Database(path))
    return path


def script_finished(tab) -> None:
    tab.wait_for_function("""() => {
        const app = document.querySelector('[data-testid="stApp"]');
        return app && app.dataset.testScriptState === 'notRunning' && !document.querySelector('[data-stale="true"]');
    }""", timeout=WAIT_MS)


def opened(browser, url: str, selector: str) -> float:
    """Seconds from opening url in a fresh browser context to selector showing."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="vi-VN")
    try:
        tab = context.new_page()
        started = time.monotonic()
        tab.goto(url)
        tab.wait_for_selector(selector, state="visible", timeout=WAIT_MS)
        return time.monotonic() - started
    finally:
        context.close()


def first_sight(page) -> str:
    """What shows a page is there: its first chart, or its title where it draws none on opening."""
    return TITLE if page.url_path in WITHOUT_CHARTS else CHART


def page_lines(browser, database: Path, out: Path, runs: int, limit: int | None) -> list[str]:
    baseline_app = out / "one_chart_app.py"
    baseline_app.write_text(ONE_CHART_APP, encoding="utf-8")
    pages = app_pages()[:limit]
    times: dict[str, list[float]] = {page.title: [] for page in pages}
    sights: dict[str, str] = {}
    baseline: list[float] = []
    with streamlit_server(ROOT / "app.py", database, out / "waits-server.log") as ours, \
            streamlit_server(baseline_app, database, out / "waits-baseline.log") as theirs:
        urls = {page.title: f"{ours.url}/{page.url_path}{LINKS.get(page.url_path, '')}" for page in pages}
        opened(browser, theirs.url, CHART)
        for page in pages:  # each page served once: the server is one people already use
            sights[page.title] = first_sight(page)
            opened(browser, urls[page.title], sights[page.title])
        for run in range(runs):
            baseline.append(opened(browser, theirs.url, CHART))
            for page in pages:  # the baseline takes its turn among the pages, so load slows both
                times[page.title].append(opened(browser, urls[page.title], sights[page.title]))
            print(f"pages run {run + 1}/{runs}: one-chart app {baseline[-1]:.2f} s, "
                  + ", ".join(f"{title} {values[-1]:.2f} s" for title, values in times.items()), flush=True)
        choice = choice_lines(browser, ours.url, runs)
    rows, met = [], []
    for page in pages:
        seconds = median(times[page.title])
        met.append(seconds / median(baseline) <= PAGE_RATIO)
        shown = "first chart" if sights[page.title] == CHART else "title (no chart on opening)"
        rows.append([page.title, f"`/{page.url_path}{LINKS.get(page.url_path, '')}`", shown, f"{seconds:.2f} s",
                     f"{seconds / median(baseline):.2f}×", verdict(met[-1])])
    return [f"A page's link opened in a fresh browser context to its first chart (or its title, where the page "
            f"draws nothing on opening), medians of {runs} runs; the server had served each page once. Baseline: an "
            f"app of one static chart on its own server, opened the same way: **{median(baseline):.2f} s**.", "",
            f"**Target: every page's link within {PAGE_RATIO:.0f}× the one-chart app: {sum(met)}/{len(met)} pages: "
            f"{verdict(all(met))}.**", "",
            *table(["page", "link", "waited for", "fresh session", "against the one-chart app", "target"], rows),
            "", *choice]


def choose(tab, label_index: int, value: str, shows: str) -> float:
    """Seconds from choosing value in the page's label_index-th select box to a chart that says shows."""
    box = tab.locator('[data-testid="stSelectbox"]').nth(label_index)
    box.click()
    tab.keyboard.type(value)
    started = time.monotonic()
    tab.keyboard.press("Enter")
    tab.wait_for_function("text => [...document.querySelectorAll('[data-testid=\"stPlotlyChart\"]')]"
                          ".some(chart => chart.textContent.includes(text))", arg=shows, timeout=WAIT_MS)
    seconds = time.monotonic() - started
    script_finished(tab)
    return seconds


def choice_lines(browser, url: str, runs: int) -> list[str]:
    count = min(len(PROVINCES), max(runs, 2))
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    try:
        tab = context.new_page()
        tab.goto(f"{url}/ho-so-tinh{LINKS['ho-so-tinh']}")
        tab.wait_for_selector(CHART, timeout=WAIT_MS)
        script_finished(tab)
        provinces = [choose(tab, 0, name, f"{name}: xếp hạng") for name in PROVINCES[:count]]
        tab.goto(f"{url}/so-sanh-tinh")
        tab.wait_for_selector(CHART, timeout=WAIT_MS)
        script_finished(tab)
        years = [choose(tab, 0, str(year), f"năm {year}") for year in YEARS[:count]]
    finally:
        context.close()
    ratio = median(provinces) / median(years)
    return [f"Choosing on a page already open, to the first chart that shows the choice (medians of {count} "
            f"choices, each a value not chosen before): a province on «Hồ sơ tỉnh» **{median(provinces):.2f} s** "
            f"({', '.join(f'{s:.2f}' for s in provinces)}); baseline, a year on «So sánh tỉnh» {median(years):.2f} s "
            f"({', '.join(f'{s:.2f}' for s in years)}).", "",
            f"**Target: a province within {CHOICE_RATIO}× a year: {ratio:.2f}×: {verdict(ratio <= CHOICE_RATIO)}.**"]


def fresh_clone(folder: Path) -> Path:
    """A clone of this repository's last commit whose .venv links to the running interpreter's packages,
    so the set-up step finds them installed (the first start measured, not a download)."""
    shutil.rmtree(folder, ignore_errors=True)
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(folder)], check=True)
    venv = folder / ".venv"
    venv.mkdir()
    for entry in Path(sys.prefix).iterdir():
        if not entry.name.startswith(".installed"):
            (venv / entry.name).symlink_to(entry)
    stamp = subprocess.run(["bash", "-c", "cat requirements.txt requirements.txt constraints.txt | sha1sum | cut -c1-12"],
                           cwd=folder, capture_output=True, text=True, check=True).stdout.strip()
    (venv / f".installed-{stamp}").touch()  # setup.sh's mark of requirements.txt installed
    return folder


@contextmanager
def dashboard_script(clone: Path, log: Path, database: Path | None):
    """`bash scripts/run_dashboard.sh` in clone on a free port; yields (url, the monotonic time it began)."""
    port = free_port()
    environment = {key: value for key, value in os.environ.items() if key != "THIDUA_DB"}
    if database is not None:
        environment["THIDUA_DB"] = str(database)
    started = time.monotonic()
    with open(log, "w") as output:
        process = subprocess.Popen(["bash", "scripts/run_dashboard.sh", *SERVER_OPTIONS, "--server.port", str(port)],
                                   cwd=clone, env=environment, stdout=output, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, process, log)
        yield url, started
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def first_start(browser, clone: Path, log: Path, database: Path | None) -> float:
    with dashboard_script(clone, log, database) as (url, started):
        tab = browser.new_page()
        try:
            tab.goto(url)
            tab.wait_for_selector(CHART, state="visible", timeout=WAIT_MS)
            return time.monotonic() - started
        finally:
            tab.close()


def start_lines(browser, database: Path, out: Path, runs: int) -> list[str]:
    ours, baseline = [], []
    for run in range(runs):
        clone = fresh_clone(out / "clone")
        ours.append(first_start(browser, clone, out / "clone-start.log", None))
        clone = fresh_clone(out / "clone")
        (clone / "app.py").write_text(ONE_CHART_APP, encoding="utf-8")
        baseline.append(first_start(browser, clone, out / "clone-baseline.log", database))
        print(f"first start run {run + 1}/{runs}: dashboard {ours[-1]:.2f} s, one-chart app {baseline[-1]:.2f} s",
              flush=True)
    shutil.rmtree(out / "clone", ignore_errors=True)
    ratio = median(ours) / median(baseline)
    return [f"First start: `bash scripts/run_dashboard.sh` on a fresh clone (packages installed, no database: the "
            f"set-up step builds the demo database) to the first chart in the browser: **{median(ours):.2f} s**. "
            f"Baseline: the same clone with app.py replaced by an app of one chart, started the same way on a "
            f"database that exists: {median(baseline):.2f} s. Medians of {runs} runs.", "",
            f"**Target: the first start within {START_RATIO:.0f}× the one-chart app: {ratio:.2f}×: "
            f"{verdict(ratio <= START_RATIO)}.**"]


def first_png(browser, database: Path, out: Path) -> float:
    """Seconds from the click on «PNG» to the file, on a server just started and its first page shown."""
    with streamlit_server(ROOT / "app.py", database, out / "waits-export.log") as server:
        context = browser.new_context(viewport={"width": 1440, "height": 1000}, accept_downloads=True)
        try:
            tab = context.new_page()
            tab.goto(server.url)
            tab.wait_for_selector(CHART, timeout=WAIT_MS)
            script_finished(tab)
            tab.get_by_role("button", name="Tải biểu đồ").first.click()
            button = tab.get_by_role("button", name="PNG — trình chiếu (1920×1080)")
            button.wait_for(timeout=WAIT_MS)
            started = time.monotonic()
            with tab.expect_download(timeout=WAIT_MS) as download:
                button.click()
            download.value.path()
            return time.monotonic() - started
        finally:
            context.close()


def export_lines(browser, database: Path, out: Path, runs: int) -> list[str]:
    from thidua import reports
    from thidua.db import Database

    firsts = []
    for run in range(runs):
        firsts.append(first_png(browser, database, out))
        print(f"first PNG run {run + 1}/{runs}: {firsts[-1]:.2f} s", flush=True)
    db = Database(database)
    year = int(db.query("par_years").year.iloc[0])
    figure = reports.build_chart(db.query, "par_ranking", {"year": year})
    figure.image("png")  # the browser started, as the server starts it
    pngs, decks, slides = [], [], 0
    for _ in range(runs):
        begun = time.monotonic()
        figure.image("png")
        pngs.append(time.monotonic() - begun)
        begun = time.monotonic()
        deck = reports.plan_deck(db.query, {"year": year})
        deck.pptx()
        decks.append(time.monotonic() - begun)
        slides = len(deck.charts) + 1
    return [f"Exports. The first PNG after a start: a server started, its first page shown, then the click on "
            f"«Tải biểu đồ» → «PNG» to the downloaded file: **{median(firsts):.2f} s** (median of {runs}). The "
            f"national deck of {year} ({slides} slides, plan and PPTX, the export browser started): "
            f"**{median(decks):.2f} s**. Baseline: one PNG of the {year} ranking drawn by the started browser: "
            f"{median(pngs):.2f} s.", "",
            f"**Target: the first PNG after a start within {FIRST_PNG_SECONDS:.0f} s: {median(firsts):.2f} s: "
            f"{verdict(median(firsts) <= FIRST_PNG_SECONDS)}. The national deck within {DECK_SECONDS:.0f} s: "
            f"{median(decks):.2f} s: {verdict(median(decks) <= DECK_SECONDS)}.**"]


def extra_options(parser) -> None:
    page_limit(parser)
    parser.add_argument("--no-start", action="store_true", help="leave out the first start on a fresh clone")


def main() -> None:
    options = arguments(__doc__.splitlines()[0], runs=3, extra=extra_options)
    if not CHROMIUM.exists():
        sys.exit(f"{CHROMIUM} is missing (scripts/setup.sh installs it)")
    from playwright.sync_api import sync_playwright

    database = demo_database(options.out)
    load = os.getloadavg()[0]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            lines = page_lines(browser, database, options.out, options.runs, options.pages)
            if not options.no_start:
                lines += ["", *start_lines(browser, database, options.out, options.runs)]
            lines += ["", *export_lines(browser, database, options.out, options.runs)]
        finally:
            browser.close()
    lines += ["", f"Load average over the last minute when the run began: {load:.2f} on {os.cpu_count()} CPUs "
                  "(other work on the machine slows the figures and their baselines alike)."]
    write_section(Section("waits", "Where people wait: links, choices, the first start, exports", options.quick, lines),
                  options.results)


if __name__ == "__main__":
    main()
