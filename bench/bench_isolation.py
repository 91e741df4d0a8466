"""What reading each file in a worker process under OS limits (thidua.io.isolated) costs against
reading it in this process, on the demo corpus (data/demo), with the worker's peak memory per file.

Both ways run the same function (thidua.ingest.read_here: detect, read, check; nothing written) on
the same bytes, taking turns file by file, so a busy machine slows both. The pool is started before
the clock; its start, once per process, is given beside one file's reading. Run from the repository root:
    .venv/bin/python -m bench.bench_isolation [--quick] [--runs N]
"""
from __future__ import annotations

import time
from pathlib import Path

from bench.common import Section, arguments, median, table, verdict, write_section

DEMO = Path(__file__).resolve().parent.parent / "data" / "demo"
TARGET_RATIO = 1.5
QUICK_FILES = 6


def main() -> None:
    options = arguments(__doc__.splitlines()[0], runs=5)
    from thidua.ingest import read_here, read_upload
    from thidua.io import isolated

    paths = sorted(path for path in DEMO.rglob("*") if path.is_file())
    paths = paths[:QUICK_FILES] if options.quick else paths
    files = [(path.name, path.read_bytes()) for path in paths]
    started = time.perf_counter()
    isolated.warm()
    pool_start = time.perf_counter() - started

    here: dict[str, list[float]] = {name: [] for name, _ in files}
    there: dict[str, list[float]] = {name: [] for name, _ in files}
    peaks: dict[str, int] = {}
    for run in range(options.runs):
        for index, (name, data) in enumerate(files):
            ways = [("here", lambda: read_here(data, name)), ("there", lambda: read_upload(data, name))]
            for way, read in ways if (run + index) % 2 == 0 else reversed(ways):
                begun = time.perf_counter()
                read()
                (here if way == "here" else there)[name].append(time.perf_counter() - begun)
        print(f"run {run + 1}/{options.runs}", flush=True)
    for name, data in files:
        peaks[name] = isolated.run_measured(read_here, data, name).peak_memory

    per_file = {name: median(there[name]) / median(here[name]) for name, _ in files}
    total_here = sum(median(times) for times in here.values())
    total_there = sum(median(times) for times in there.values())
    ratio = total_there / total_here
    one_file = median([median(times) for times in here.values()])
    met = ratio <= TARGET_RATIO
    rows = [[name, f"{per_file[name]:.2f}×", f"{peaks[name] / 2 ** 20:.0f}"] for name, _ in files]
    lines = [f"Corpus: the {len(files)} files of data/demo, read from memory; medians of {options.runs} runs per file, "
             "the two ways taking turns. Ratios are isolated time over in-process time (1.00× = no cost).", "",
             f"- whole corpus: **{ratio:.2f}×** the in-process time",
             f"- per file: median {median(list(per_file.values())):.2f}×, worst {max(per_file.values()):.2f}×",
             f"- starting the pool ({isolated.WORKERS} workers, once per process): {pool_start / one_file:.0f}× the "
             "median in-process reading of one file",
             f"- worker's peak resident memory per file: {min(peaks.values()) / 2 ** 20:.0f}–"
             f"{max(peaks.values()) / 2 ** 20:.0f} MB (limit {isolated.ADDRESS_SPACE_BYTES / 2 ** 20:.0f} MB of "
             "address space)", "",
             f"**Target: reading in a worker at most {TARGET_RATIO}× reading in-process on the demo corpus. "
             f"Measured {ratio:.2f}×: {verdict(met)}.**", "",
             *table(["file", "isolated / in-process", "worker peak MB"], rows)]
    for line in lines[:7]:
        print(line)
    write_section(Section("isolation", "Isolation: reading files in worker processes", options.quick, lines),
                  options.results)


if __name__ == "__main__":
    main()
