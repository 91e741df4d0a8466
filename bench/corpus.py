"""The ingest benchmark's corpus: scoring workbooks of many clusters in the demo's five layouts, and
ten years of PAR Index tables, written by the demo generators (thidua/demo) under bench/out.

Each made-up cluster keeps one of the demo layouts (one summary sheet with self and cluster scores
side by side; a summary and a detail sheet per unit; detail sheets only; groups under a merged
header; an agency summary with a maxima row and scores typed as text) and has 5 to 15 members, so
the workbooks range from one sheet of five rows to sixteen sheets. The PAR tables are the demo's
2017-2024 files and the 2017 layout written again for 2015 and 2016. The corpus is written again
only when the generators change (a stamp of their source).
"""
from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook

from thidua.config import ROOT
from thidua.demo import par, scoring
from thidua.demo.reproducible import save_workbooks
from thidua.demo.roster import LANG_SON_AGENCIES, YEARS, Cluster
from thidua.provinces import registry

SCORING_WORKBOOKS = 200
BATCH_WORKBOOKS = 240  # one-sheet summary workbooks for the one-command ingest
SMALLEST_CLUSTER, LARGEST_CLUSTER = 5, 15
EARLIER_PAR_YEARS = (2015, 2016)   # with the demo's 2017-2024: ten years
AGENCIES = (*LANG_SON_AGENCIES.members, "Sở Xây dựng", "Sở Giao thông vận tải", "Sở Công Thương", "Sở Y tế",
            "Sở Giáo dục và Đào tạo", "Sở Văn hóa, Thể thao và Du lịch", "Thanh tra tỉnh", "Sở Khoa học và Công nghệ")


@dataclass(frozen=True)
class Corpus:
    scoring: list[Path]
    par: list[Path]

    @property
    def files(self) -> list[Path]:
        return self.par + self.scoring


def made_up_cluster(number: int, layout: scoring.Layout, rng: random.Random) -> Cluster:
    """A cluster of 5-15 provinces' Sở Nội vụ (or of agencies, for the agency layout) with a leader
    and a deputy each year."""
    size = rng.randint(SMALLEST_CLUSTER, LARGEST_CLUSTER)
    if layout.workbook is scoring.agency_summary:
        members = tuple(rng.sample(AGENCIES, size))
        name = f"Cụm thi đua các cơ quan tham mưu tổng hợp số {number}"
    else:
        provinces = registry().provinces
        members = tuple(p.name for p in rng.sample(provinces, size))
        name = f"Cụm thi đua Sở Nội vụ các tỉnh {rng.choice(provinces).region} số {number}"
    leadership = {year: (members[i % size], members[(i + 1) % size]) for i, year in enumerate(YEARS)}
    return Cluster(name, members, leadership)


def scoring_workbooks(count: int) -> dict[str, Workbook]:
    """count workbooks: made-up clusters take the demo layouts in turn, each scored 2019-2024."""
    layouts = list(scoring.LAYOUTS.values())
    rng = random.Random("bench corpus")
    workbooks: dict[str, Workbook] = {}
    number = 0
    while len(workbooks) < count:
        number += 1
        layout = layouts[number % len(layouts)]
        cluster = made_up_cluster(number, layout, rng)
        for period in scoring.periods(cluster, layout.template):
            if len(workbooks) < count:
                workbooks[f"Cum {number:03d} - {layout.workbook.__name__} - {period.year}.xlsx"] = layout.workbook(period)
    return workbooks


def par_workbooks() -> dict[str, Workbook]:
    """The demo's PAR tables (2017-2024) and the 2017 layout again for each earlier year."""
    workbooks = par.demo_workbooks()
    scores = par.illustrative_scores()[par.YEARS[0]]
    for year in EARLIER_PAR_YEARS:
        workbook = par.layout_2017(scores)
        for sheet in workbook.worksheets:
            sheet.title = sheet.title.replace(str(par.YEARS[0]), str(year))
            for row in sheet.iter_rows():
                for cell in row:
                    if isinstance(cell.value, str):
                        cell.value = cell.value.replace(f"NĂM {par.YEARS[0]}", f"NĂM {year}")
        workbooks[f"PAR_Index_{year}.xlsx"] = workbook
    return workbooks


def generator_stamp(scoring_count: int) -> str:
    sources = sorted((ROOT / "thidua" / "demo").glob("*.py")) + [Path(__file__)]
    digest = hashlib.sha1(str(scoring_count).encode())
    for source in sources:
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def corpus(scoring_count: int, directory: Path) -> Corpus:
    """The corpus in directory, written first when missing or made by other generators."""
    stamp_file = directory / "stamp"
    stamp = generator_stamp(scoring_count)
    scoring_dir, par_dir = directory / "scoring", directory / "par"
    if not stamp_file.is_file() or stamp_file.read_text() != stamp:
        for old in [*scoring_dir.glob("*.xlsx"), *par_dir.glob("*.xlsx")]:
            old.unlink()
        save_workbooks(scoring_dir, scoring_workbooks(scoring_count))
        save_workbooks(par_dir, par_workbooks())
        stamp_file.write_text(stamp)
    return Corpus(sorted(scoring_dir.glob("*.xlsx")), sorted(par_dir.glob("*.xlsx")))


def one_sheet_summaries(count: int, directory: Path) -> list[Path]:
    """count one-sheet summary workbooks (the demo layouts whose workbook is a single summary sheet), in
    directory, written first when missing or made by other generators."""
    stamp_file = directory / "stamp"
    stamp = generator_stamp(count) + "-one-sheet"
    if not stamp_file.is_file() or stamp_file.read_text() != stamp:
        for old in directory.glob("*.xlsx"):
            old.unlink()
        made: dict[str, Workbook] = {}
        candidates = count
        while len(made) < count:
            candidates *= 2
            made = {name: book for name, book in scoring_workbooks(candidates).items() if len(book.worksheets) == 1}
        save_workbooks(directory, dict(list(made.items())[:count]))
        stamp_file.write_text(stamp)
    return sorted(directory.glob("*.xlsx"))
