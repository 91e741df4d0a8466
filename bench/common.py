"""What every benchmark shares: where outputs go, medians and percentiles, the machine's description,
and writing one section of bench/RESULTS.md (each script replaces only its own section)."""
from __future__ import annotations

import argparse
import math
import os
import platform
import re
import statistics
import sys
from dataclasses import dataclass
from datetime import datetime
from importlib import metadata
from pathlib import Path
from typing import Callable

BENCH_DIR = Path(__file__).resolve().parent
OUT_DIR = BENCH_DIR / "out"
RESULTS = BENCH_DIR / "RESULTS.md"
PACKAGES = ("streamlit", "duckdb", "pandas", "pyarrow", "plotly", "openpyxl", "python-calamine", "playwright",
            "websockets")


def arguments(description: str, runs: int, extra: Callable[[argparse.ArgumentParser], None] | None = None
              ) -> argparse.Namespace:
    """The options every benchmark takes: --quick (small sizes, for a smoke test), --runs, and where
    results and working files go."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--quick", action="store_true", help="small sizes and few runs: checks the script works")
    parser.add_argument("--runs", type=int, default=None, help=f"runs per figure (default {runs}; 2 with --quick)")
    parser.add_argument("--results", type=Path, default=RESULTS, help="the Markdown file to write the section into")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="working files (corpus, databases, logs)")
    if extra:
        extra(parser)
    options = parser.parse_args()
    options.runs = options.runs or (2 if options.quick else runs)
    options.out.mkdir(parents=True, exist_ok=True)
    return options


def page_limit(parser: argparse.ArgumentParser) -> None:
    """The option of the benchmarks that open pages: --pages N measures only the first N of app.py's pages."""
    parser.add_argument("--pages", type=int, default=None, help="only the first N pages of app.py (smoke tests)")


def quiet_streamlit() -> None:
    """Streamlit outside a server (AppTest, cache calls) warns on every call; the figures need no log."""
    import streamlit.logger
    import streamlit.testing.v1  # noqa: F401 - its loggers exist before their level is set

    streamlit.logger.set_log_level("error")


def median(values: list[float]) -> float:
    return statistics.median(values)


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile (share 0.95 for p95): a value that was really measured."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def milliseconds(value: float) -> str:
    return f"{value * 1000:.1f} ms"


def verdict(met: bool) -> str:
    return "✅ met" if met else "❌ missed"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory() -> str:
    try:
        total = next(line for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal"))
        return f"{int(total.split()[1]) / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration):
        return "unknown"


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "absent"


def machine() -> str:
    """One line naming what the figures were measured on."""
    load = " / ".join(f"{value:.2f}" for value in os.getloadavg())
    packages = ", ".join(f"{name} {_version(name)}" for name in PACKAGES)
    return (f"{os.cpu_count()} CPUs (nproc), {_cpu_model()}, {_memory()} RAM, {platform.system()} "
            f"{platform.release()}, Python {platform.python_version()}; {packages}; load average at start {load}")


@dataclass
class Section:
    """One benchmark's part of RESULTS.md: a title, the machine line and Markdown lines."""
    name: str
    title: str
    quick: bool
    lines: list[str]

    def text(self) -> str:
        stamp = datetime.now().strftime("%Y-%m-%d %H:%M")
        mode = " — **quick mode (small sizes): not the figures of record**" if self.quick else ""
        head = [f"## {self.title}", "", f"_Measured {stamp} on {machine()}._{mode}", ""]
        return "\n".join([_begin(self.name), *head, *self.lines, _end(self.name)])


_BEGIN_ANY = "<!-- bench:"


def sections(results: Path = RESULTS) -> dict[str, str]:
    """The text of each section in results, by name."""
    text = results.read_text(encoding="utf-8") if results.is_file() else ""
    return dict(re.findall(r"<!-- bench:([a-z_]+) -->(.*?)<!-- /bench:\1 -->", text, re.DOTALL))


def _begin(name: str) -> str:
    return f"<!-- bench:{name} -->"


def _end(name: str) -> str:
    return f"<!-- /bench:{name} -->"


RESULTS_HEAD = """# Benchmarks

Written by the scripts in bench/ (`bash scripts/run_benchmarks.sh`, or one script:
`.venv/bin/python -m bench.bench_ingest`). Every figure is a median of several runs (or a
percentile of many), and every speed sits beside a baseline measured in the same run, so a noisy
machine moves both. Each section names the machine it was measured on.
"""


def write_section(section: Section, results: Path = RESULTS, first: bool = False) -> None:
    """Replaces the section's earlier text in results, or adds it at the end (first: under the head)."""
    text = results.read_text(encoding="utf-8") if results.is_file() else RESULTS_HEAD
    block = re.compile(re.escape(_begin(section.name)) + r".*?" + re.escape(_end(section.name)), re.DOTALL)
    if block.search(text):
        text = block.sub(lambda _: section.text(), text)
    elif first and _BEGIN_ANY in text:
        at = text.index(_BEGIN_ANY)
        text = text[:at] + section.text() + "\n\n" + text[at:]
    else:
        text = text.rstrip("\n") + "\n\n" + section.text() + "\n"
    results.write_text(text, encoding="utf-8")
    print(f"\n→ section «{section.title}» written to {results}", file=sys.stderr)


def table(header: list[str], rows: list[list[object]]) -> list[str]:
    """A Markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    return lines + ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
