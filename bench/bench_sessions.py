"""Concurrent sessions against one `streamlit run app.py` on loopback: server memory per session and
the slowest page response, on the synthetic national database (bench/national.py).

Each session is a websocket speaking Streamlit's own protocol, as a browser tab does: it asks for a
page and waits for the page's script to finish. First one session alone opens every page twice (the
first views fill the shared caches; the second views are the baseline measured in the same run).
Then N sessions connect at once and each opens every page, starting at a different page and
pausing 3-10 s between clicks, as people reading the page before the next click do; then the same
N sessions all click at the same moment (a stress figure beside the target). Memory is the server's resident size from /proc, before and
with the N sessions connected. Run from the repository root:
    .venv/bin/python -m bench.bench_sessions [--quick] [--sessions N]
"""
from __future__ import annotations

import asyncio
import math
import random
import time

from bench.common import Section, arguments, median, page_limit, percentile, table, verdict, write_section
from bench.national import national_database
from bench.server import ANSWER_TIMEOUT, AppPage, Session, streamlit_server
from thidua.config import ROOT

SESSIONS, QUICK_SESSIONS = 20, 3
TARGET_SECONDS = 2.0
TARGET_MEMORY = 50 * 2**20
THINK_SECONDS, QUICK_THINK_SECONDS = (3.0, 10.0), (0.1, 0.3)  # a person reads a page before the next click
DEADLINE = 1800  # seconds for the whole concurrent phase; each click waits at most server.ANSWER_TIMEOUT


def extra_options(parser) -> None:
    page_limit(parser)
    parser.add_argument("--sessions", type=int, default=None, help=f"concurrent sessions (default {SESSIONS})")


async def alone(server, limit: int | None) -> tuple[list[AppPage], dict[str, float], dict[str, float]]:
    """One session opens every page (the first limit pages when given) twice: the first views (cold
    caches) and the baseline (warm)."""
    session = await Session.open(server)
    try:
        await session.show()
        pages = session.pages[:limit]
        first = {page.title: await session.show(page) for page in pages}
        again = {page.title: await session.show(page) for page in pages}
        return pages, first, again
    finally:
        await session.close()


async def browse(session: Session, pages: list[AppPage], start: int, pause: tuple[float, float] | None,
                 times: dict[str, list[float]]) -> None:
    """Every page once, from the start-th on, pausing between clicks when pause gives a range (seconds).
    A click the server leaves unanswered counts as infinitely slow and ends the session's browsing
    (its next answer would be the late one)."""
    think = random.Random(start)
    for offset in range(len(pages)):
        page = pages[(start + offset) % len(pages)]
        if pause:
            await asyncio.sleep(think.uniform(*pause))
        try:
            times[page.title].append(await session.show(page))
        except asyncio.TimeoutError:
            times[page.title].append(math.inf)
            session.stuck = True
            return


async def together(server, pages: list[AppPage], count: int, pause: tuple[float, float]
                   ) -> tuple[dict, dict, int, int, float]:
    """count sessions at once: browsing with pauses, then all clicking together. Returns the page
    times of both phases, the server's memory before and with the sessions, and the wall time."""
    before = server.rss_bytes()
    started = time.perf_counter()
    sessions = await asyncio.gather(*(Session.open(server) for _ in range(count)))
    try:
        await asyncio.gather(*(session.show() for session in sessions))
        paced: dict[str, list[float]] = {page.title: [] for page in pages}
        await asyncio.gather(*(browse(s, pages, i, pause, paced) for i, s in enumerate(sessions)))
        burst: dict[str, list[float]] = {page.title: [] for page in pages}
        await asyncio.gather(*(browse(s, pages, i, None, burst) for i, s in enumerate(sessions) if not s.stuck))
        during = server.rss_bytes()
        return paced, burst, before, during, time.perf_counter() - started
    finally:
        await asyncio.gather(*(session.close() for session in sessions), return_exceptions=True)


def seconds(value: float) -> str:
    return f"{value:.2f} s" if math.isfinite(value) else f"no answer in {ANSWER_TIMEOUT:.0f} s"


def times_as_long(value: float, baseline: float) -> str:
    return f"{value / baseline:.1f}×" if math.isfinite(value) else "—"


def main() -> None:
    options = arguments(__doc__.splitlines()[0], runs=1, extra=extra_options)
    count = options.sessions or (QUICK_SESSIONS if options.quick else SESSIONS)
    pause = QUICK_THINK_SECONDS if options.quick else THINK_SECONDS
    database, size = national_database(options.out, options.quick)
    with streamlit_server(ROOT / "app.py", database, options.out / "sessions-server.log") as server:
        idle = server.rss_bytes()
        pages, first, again = asyncio.run(alone(server, options.pages))
        print("one session, first views: " + ", ".join(f"{t} {s:.2f} s" for t, s in first.items()), flush=True)
        print("one session, again:       " + ", ".join(f"{t} {s:.2f} s" for t, s in again.items()), flush=True)
        paced, burst, before, during, wall = asyncio.run(
            asyncio.wait_for(together(server, pages, count, pause), DEADLINE))

    per_session = (during - before) / count
    slowest = max(max(times) for times in paced.values())
    slowest_burst = max((max(times) for times in burst.values() if times), default=math.nan)
    slowest_alone = max(again.values())
    mib = lambda value: f"{value / 2**20:.0f} MiB"  # noqa: E731
    rows = [[title, seconds(first[title]), seconds(again[title]), seconds(median(paced[title])),
             seconds(max(paced[title])), times_as_long(max(paced[title]), again[title]),
             seconds(max(burst[title], default=math.nan))] for title in paced]
    met_time, met_memory = slowest < TARGET_SECONDS, per_session < TARGET_MEMORY
    print(f"{count} sessions: slowest page {seconds(slowest)} (all clicking at once: {seconds(slowest_burst)}); "
          f"memory {mib(before)} -> {mib(during)}, {mib(per_session)} per session")
    lines = [f"{count} websocket sessions on 127.0.0.1 against one `streamlit run app.py` (THIDUA_DB: the "
             f"national database, {size.criteria_rows:,} criteria rows), every session opening all {len(pages)} "
             f"pages, starting at different pages, pausing {pause[0]}-{pause[1]} s between "
             f"clicks; {wall:.0f} s in all. Baseline in the same run: one session alone, each page's second view.",
             "",
             f"**Target: every response under {TARGET_SECONDS:.0f} s — slowest {seconds(slowest)} "
             f"({times_as_long(slowest, slowest_alone)} the slowest page alone, {slowest_alone:.2f} s): "
             f"{verdict(met_time)}. Memory per session under 50 MB — {mib(per_session)} "
             f"({mib(before)} with no session → {mib(during)} with {count}): {verdict(met_memory)}.**", "",
             *table(["page", "first view, alone (cold caches)", "alone, again (baseline)",
                     f"{count} sessions: median", f"{count} sessions: slowest", "slowest / baseline",
                     "all clicking at once: slowest"], rows), "",
             f"Server memory: {mib(idle)} started, {mib(before)} after one session had opened every page, "
             f"{mib(during)} with {count} sessions connected. Median response over all clicks with pauses: "
             f"{seconds(median([t for v in paced.values() for t in v]))}, p95 "
             f"{seconds(percentile([t for v in paced.values() for t in v], 0.95))}. The last column is a stress "
             f"figure, not the target: {count} clicks at the same instant on {len(pages)} pages share two cores "
             "and one Python interpreter, so the last answer waits for the others."]
    write_section(Section("sessions", "Sessions: concurrent users on one server", options.quick, lines), options.results)


if __name__ == "__main__":
    main()
