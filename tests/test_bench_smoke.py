"""The benchmark scripts keep working: each runs in --quick mode on tiny sizes and writes its section
of a results file, with its target line. The figures are not checked (no timing is asserted here)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bench.common import sections

ROOT = Path(__file__).resolve().parent.parent
TINY = {  # script -> (its section in RESULTS.md, options that keep it small)
    "bench_ingest": ("ingest", ["--workbooks", "2", "--batch", "2", "--runs", "1"]),
    "bench_isolation": ("isolation", ["--runs", "1"]),
    "bench_queries": ("queries", ["--pages", "1", "--runs", "2"]),
    "bench_pages": ("pages", ["--pages", "1", "--runs", "1"]),
    "bench_sessions": ("sessions", ["--pages", "2", "--sessions", "2"]),
    "bench_waits": ("waits", ["--pages", "1", "--runs", "1", "--no-start"]),
}


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    """One folder for the scripts, so the corpus and the quick database are made once."""
    return tmp_path_factory.mktemp("bench")


@pytest.mark.parametrize("script", TINY)
def test_each_benchmark_writes_its_section_with_its_target(work, script):
    name, options = TINY[script]
    results = work / "RESULTS.md"
    finished = subprocess.run([sys.executable, "-m", f"bench.{script}", "--quick", "--results", str(results),
                               "--out", str(work), *options], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert finished.returncode == 0, finished.stderr[-4000:]
    section = sections(results)[name]
    assert "**Target" in section and "quick mode" in section
    assert "|" in section  # its table of figures
