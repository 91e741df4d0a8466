"""Files per second through the project's readers (detection and every check, nothing written)
against pandas.read_excel with openpyxl on every sheet, on a corpus of scoring workbooks and PAR
tables made by the demo generators (bench/corpus.py); then one `python -m thidua ingest` command
writing 240 one-sheet summary workbooks into a fresh database, against a process reading every
sheet of the same files with pandas and openpyxl.

Each run is a fresh Python process that reads every file of the corpus from memory, so no cache
survives from one run to the next; runs of the readers and of the baselines take turns, so a busy
machine slows both. Run from the repository root:
    .venv/bin/python -m bench.bench_ingest [--quick] [--runs N]
"""
from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from contextlib import ExitStack
from pathlib import Path

from bench.common import Section, arguments, median, table, verdict, write_section
from bench.corpus import BATCH_WORKBOOKS, SCORING_WORKBOOKS, corpus, one_sheet_summaries

TARGET_RATIO = 3.0
QUICK_WORKBOOKS = 10
QUICK_BATCH = 20
PROFILE_LINES = 14
# What each worker does with one file's bytes. "thidua" is the figure of record; the others are yardsticks.
WAYS = {
    "thidua": "the project's readers: thidua.ingest.read_upload (detect the kind, read, check; nothing written)",
    "openpyxl": "baseline: pandas.read_excel(sheet_name=None, engine='openpyxl'), every sheet, no checks",
    "calamine": "yardstick: pandas.read_excel(sheet_name=None, engine='calamine'), every sheet, no checks",
    "thidua+write": "the project's readers and the write of each file into a fresh DuckDB (ingest_file)",
}


def reader(way: str, database: Path, stack: ExitStack):
    """The function a worker times on each (file name, bytes)."""
    import pandas as pd

    if way == "thidua":
        from thidua.ingest import read_upload
        return lambda name, data: read_upload(data, name)
    if way == "thidua+write":
        from thidua.db import Database
        from thidua.ingest import ingest_file
        db = Database(database)
        stack.enter_context(db.session())  # one connection for the whole batch, as the command line holds it
        db.query("data_version")  # the schema is made before the clock starts
        return lambda name, data: ingest_file(db, data, name)
    engine = {"openpyxl": "openpyxl", "calamine": "calamine"}[way]
    return lambda name, data: pd.read_excel(io.BytesIO(data), sheet_name=None, engine=engine)


def cpu_seconds_with_descendants() -> float:
    """Processor seconds of this process and of every live process it started, their children included:
    the project's readers run in worker processes (thidua/io/isolated.py) forked by a fork server."""
    stats = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rpartition(")")[2].split()
            except OSError:  # the process ended meanwhile
                continue
            stats[int(entry.name)] = (int(fields[1]), int(fields[11]) + int(fields[12]))  # parent, utime + stime
    tree, joining = set(), {os.getpid()}
    while joining:  # children, then their children
        tree |= joining
        joining = {pid for pid, (parent, _) in stats.items() if parent in joining}
    return sum(stats[pid][1] for pid in tree if pid in stats) / os.sysconf("SC_CLK_TCK")


def work(way: str, paths: list[Path]) -> dict:
    """One run in this process: every file once; seconds per file (wall), and processor seconds of this
    process and of the workers reading for it."""
    files = [(path.name, path.read_bytes()) for path in paths]
    with tempfile.TemporaryDirectory() as folder, ExitStack() as stack:
        read = reader(way, Path(folder) / "ingest.duckdb", stack)
        pool_start = None
        if way.startswith("thidua"):  # files are read in worker processes, started once per process
            from thidua.io import isolated
            pool_started = time.perf_counter()
            isolated.warm()
            pool_start = time.perf_counter() - pool_started
        per_file = {}
        started, cpu_started = time.perf_counter(), cpu_seconds_with_descendants()
        for name, data in files:
            file_started = time.perf_counter()
            read(name, data)
            per_file[name] = time.perf_counter() - file_started
        return {"wall": time.perf_counter() - started, "cpu": cpu_seconds_with_descendants() - cpu_started,
                "per_file": per_file, "pool_start": pool_start}


def run_worker(way: str, listing: Path) -> dict:
    command = [sys.executable, "-m", "bench.bench_ingest", "--worker", way, "--listing", str(listing)]
    finished = subprocess.run(command, capture_output=True, text=True, check=False)
    if finished.returncode != 0:
        raise RuntimeError(f"worker {way} failed:\n{finished.stderr}")
    return json.loads(finished.stdout.splitlines()[-1])


def command_seconds(command: list[str]) -> float:
    """Wall seconds of a command, from its start (the interpreter's included) to its end."""
    started = time.perf_counter()
    finished = subprocess.run(command, capture_output=True, text=True, check=False)
    if finished.returncode != 0:
        raise RuntimeError(f"{' '.join(command[:4])} failed:\n{finished.stderr[-3000:]}")
    return time.perf_counter() - started


def batch_lines(count: int, out: Path, runs: int) -> list[str]:
    """One ingest command of count one-sheet summary workbooks into a fresh database (the writes included),
    against one process reading every sheet of them with pandas and openpyxl; runs take turns."""
    files = one_sheet_summaries(count, out / f"one-sheet-{count}")
    listing = out / f"one-sheet-{count}.txt"
    listing.write_text("\n".join(str(path) for path in files))
    database = out / "batch-ingest.duckdb"
    ours, baseline = [], []
    for run in range(runs):
        for leftover in (database, database.with_name(database.name + ".wal")):
            leftover.unlink(missing_ok=True)
        ours.append(command_seconds([sys.executable, "-m", "thidua", "--db", str(database), "ingest", *map(str, files)]))
        baseline.append(command_seconds([sys.executable, "-m", "bench.bench_ingest", "--worker", "openpyxl",
                                         "--listing", str(listing)]))
        print(f"batch run {run + 1}/{runs}: ingest {ours[-1]:.2f} s, openpyxl {baseline[-1]:.2f} s", flush=True)
    ratio = median(baseline) / median(ours)
    for leftover in (database, database.with_name(database.name + ".wal")):
        leftover.unlink(missing_ok=True)
    return [f"One command, `python -m thidua ingest` of {len(files)} one-sheet summary workbooks (bench/corpus.py) "
            "into a fresh database: every file detected, read, checked and written, one connection and one schema "
            "check for the batch, each file its own transaction. Baseline: one process reading every sheet of the "
            "same files with `pandas.read_excel(engine='openpyxl')` from disk. Both are wall seconds of the whole "
            f"process, interpreter start and imports included; medians of {runs} runs taking turns.", "",
            *table(["command", "seconds", "files/s", "speed against the baseline"],
                   [["`python -m thidua ingest` (read, check, write)", f"{median(ours):.2f}",
                     f"{len(files) / median(ours):.1f}", f"{ratio:.2f}×"],
                    ["baseline: pandas + openpyxl, every sheet, no checks, nothing written", f"{median(baseline):.2f}",
                     f"{len(files) / median(baseline):.1f}", "1.00×"]]), "",
            f"**Target: one ingest command at least {TARGET_RATIO:.0f}× the baseline's speed. Measured {ratio:.2f}×: "
            f"{verdict(ratio >= TARGET_RATIO)}.**", "",
            "Where the ingesting process spends its time (`ingest_files` over the same batch into a fresh database "
            "under cProfile, CPU time of this process, cumulative, thidua functions only; the reading happens in "
            "the worker processes, the writes and the upload diff here):", "",
            *batch_profile_lines(files, database)]


def layout_of(path: Path) -> str:
    """The demo layout a corpus file was made with (the PAR tables count as one)."""
    return "PAR Index tables" if path.parent.name == "par" else path.name.split(" - ")[1]


def profile_lines(paths: list[Path]) -> list[str]:
    """Where the readers spend their time: one pass over the corpus under cProfile (own time), read in
    this process (read_upload would hand each file to a worker process the profiler does not see)."""
    from thidua.ingest import read_here
    files = [(path.name, path.read_bytes()) for path in paths]
    profiler = cProfile.Profile()
    profiler.enable()
    for name, data in files:
        read_here(data, name)
    profiler.disable()
    return profiled(profiler)


def batch_profile_lines(paths: list[Path], database: Path) -> list[str]:
    """Where one batch's time goes in the ingesting process (the files are read in worker processes the
    profiler does not see): ingest_files over the batch into a fresh database under cProfile, counting
    this process's CPU time, so other load moves it little."""
    from thidua.db import Database
    from thidua.ingest import ingest_files
    from thidua.io import isolated

    isolated.warm()
    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    for _ in ingest_files(Database(database), paths):
        pass
    profiler.disable()
    return profiled(profiler)


def profiled(profiler: cProfile.Profile) -> list[str]:
    """The thidua functions of a profile, by cumulative time, as a Markdown code block."""
    stream = io.StringIO()
    stats = pstats.Stats(profiler, stream=stream)
    stats.sort_stats("cumulative").print_stats(r"thidua", PROFILE_LINES)
    body = [line for line in stream.getvalue().splitlines() if line.strip()]
    start = next(i for i, line in enumerate(body) if line.lstrip().startswith("ncalls"))
    return ["```", *(line.replace(str(Path.cwd()) + "/", "") for line in body[start:]), "```"]


def extra_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--workbooks", type=int, default=None,
                        help=f"scoring workbooks in the corpus (default {SCORING_WORKBOOKS}; {QUICK_WORKBOOKS} with --quick)")
    parser.add_argument("--batch", type=int, default=None,
                        help=f"one-sheet workbooks in one ingest command (default {BATCH_WORKBOOKS}; {QUICK_BATCH} with --quick)")


def main() -> None:
    options = arguments(__doc__.splitlines()[0], runs=3, extra=extra_options)
    count = options.workbooks or (QUICK_WORKBOOKS if options.quick else SCORING_WORKBOOKS)
    started = time.perf_counter()
    made = corpus(count, options.out / f"corpus-{count}")
    print(f"corpus: {len(made.scoring)} scoring workbooks, {len(made.par)} PAR files "
          f"({time.perf_counter() - started:.1f} s to make or find)")
    listing = options.out / f"corpus-{count}.txt"
    listing.write_text("\n".join(str(path) for path in made.files))

    results: dict[str, list[dict]] = defaultdict(list)
    for run in range(options.runs):
        for way in WAYS:
            results[way].append(run_worker(way, listing))
            print(f"run {run + 1}/{options.runs} {way:<13} {results[way][-1]['wall']:7.2f} s", flush=True)

    files = len(made.files)
    rate = {way: files / median([r["wall"] for r in runs]) for way, runs in results.items()}
    cpu_rate = {way: files / median([r["cpu"] for r in runs]) for way, runs in results.items()}
    ratio = rate["thidua"] / rate["openpyxl"]
    cpu_ratio = cpu_rate["thidua"] / cpu_rate["openpyxl"]
    rows = [[f"`{way}`", WAYS[way], f"{rate[way]:.1f}", f"{rate[way] / rate['openpyxl']:.2f}×",
             f"{cpu_rate[way]:.1f}", f"{cpu_rate[way] / cpu_rate['openpyxl']:.2f}×"] for way in WAYS]
    for row in rows:
        print(" | ".join(row[:1] + row[2:]))

    by_layout: dict[str, list[Path]] = defaultdict(list)
    for path in made.files:
        by_layout[layout_of(path)].append(path)
    layout_rows = []
    for layout, paths in by_layout.items():
        ours, theirs = ([median([sum(r["per_file"][p.name] for p in paths) / len(paths) for r in results[way]])
                         for way in ("thidua", "openpyxl")])
        layout_rows.append([layout, len(paths), f"{ours * 1000:.1f}", f"{theirs * 1000:.1f}", f"{theirs / ours:.2f}×"])

    met = ratio >= TARGET_RATIO
    pool_start = median([r["pool_start"] for r in results["thidua"]])
    cold_ratio = files / (median([r["wall"] for r in results["thidua"]]) + pool_start) / rate["openpyxl"]
    lines = [f"Corpus (bench/corpus.py): {len(made.scoring)} scoring workbooks in the demo's five layouts "
             f"(5-15 units each, 1 to 16 sheets) and {len(made.par)} PAR files covering ten years; {files} files. "
             f"Medians of {options.runs} runs, each a fresh process reading every file from memory; "
             "the CPU columns count the processor time of the process and of the worker processes reading for it "
             "(less moved by other load than wall seconds).", "",
             *table(["way", "what it does", "files/s (wall)", "ratio to baseline", "files/s (CPU)", "CPU ratio"], rows),
             "",
             f"**Target: the readers at least {TARGET_RATIO:.0f}× the baseline's files per second. "
             f"Measured {ratio:.2f}× (wall), {cpu_ratio:.2f}× (CPU): {verdict(met)}.**", "",
             f"The figures above start with the worker processes running, as for every upload after a server's first. "
             f"Starting them took {pool_start:.2f} s (median), paid before its first file by each process that reads "
             f"files: each `python -m thidua ingest` command, and a server's first upload. With it, a fresh process "
             f"reads the corpus at {cold_ratio:.2f}× the baseline's files per second.", "",
             "Per layout, milliseconds per file (wall, median of runs):", "",
             *table(["layout", "files", "thidua ms/file", "openpyxl ms/file", "ratio"], layout_rows)]
    if not met:
        lines += ["", "Where the readers' time goes (one pass over the corpus under cProfile, cumulative, "
                  "thidua functions only; profiling roughly doubles every figure):", "",
                  *profile_lines(made.files)]
    lines += ["", *batch_lines(options.batch or (QUICK_BATCH if options.quick else BATCH_WORKBOOKS), options.out,
                                options.runs)]
    write_section(Section("ingest", "Ingest: files per second", options.quick, lines), options.results)


def worker_main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--worker", required=True, choices=list(WAYS))
    parser.add_argument("--listing", type=Path, required=True)
    options = parser.parse_args()
    paths = [Path(line) for line in options.listing.read_text().splitlines() if line]
    print(json.dumps(work(options.worker, paths)))


if __name__ == "__main__":
    worker_main() if "--worker" in sys.argv else main()
