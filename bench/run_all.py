"""Every benchmark, one after another, each in its own process, then a summary of their targets at the
top of bench/RESULTS.md. `bash scripts/run_benchmarks.sh` sets the machine up and runs this:
    .venv/bin/python -m bench.run_all [--quick] [--runs N] [--results FILE] [--out DIR]
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from pathlib import Path

from bench.common import OUT_DIR, RESULTS, Section, sections, table, write_section

BENCHMARKS = ("bench_ingest", "bench_isolation", "bench_queries", "bench_pages", "bench_sessions", "bench_waits")


def summary(results: Path, seconds: float, quick: bool) -> Section:
    rows = []
    for name, text in sections(results).items():
        title = re.search(r"^## (.+)$", text, re.MULTILINE)
        targets = re.findall(r"\*\*(Target[^\n]*?)\*\*", text)
        if title and targets:
            rows.append([title.group(1), "<br>".join(targets)])
    lines = [f"All {len(BENCHMARKS)} benchmarks ran in {seconds / 60:.1f} minutes (`bench/run_all.py`). Each section below gives "
             "every figure with its baseline and the machine it was measured on.", "",
             *table(["benchmark", "target and result"], rows)]
    return Section("summary", "Summary", quick, lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes and few runs: checks the scripts work")
    parser.add_argument("--runs", type=int, default=None, help="runs per figure (default: each script's own)")
    parser.add_argument("--results", type=Path, default=RESULTS)
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    options = parser.parse_args()
    passed = ["--results", str(options.results), "--out", str(options.out)]
    passed += ["--quick"] if options.quick else []
    passed += ["--runs", str(options.runs)] if options.runs else []
    started = time.perf_counter()
    failed = []
    for benchmark in BENCHMARKS:
        print(f"\n=== {benchmark} ===", flush=True)
        begun = time.perf_counter()
        if subprocess.run([sys.executable, "-m", f"bench.{benchmark}", *passed], check=False).returncode != 0:
            failed.append(benchmark)
        print(f"=== {benchmark}: {time.perf_counter() - begun:.0f} s ===", flush=True)
    write_section(summary(options.results, time.perf_counter() - started, options.quick), options.results, first=True)
    if failed:
        sys.exit(f"failed: {', '.join(failed)}")


if __name__ == "__main__":
    main()
