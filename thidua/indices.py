"""The provincial indices side by side: one province's place on each of them year by year, with the years
a publisher left it out kept as gaps (never as zero or as a missing year)."""
from __future__ import annotations

import pandas as pd

from thidua.formatting import vn_number
from thidua.provinces import MERGER_YEAR, registry

NOT_PUBLISHED = "không công bố"
RANKED_BY_SCORE = "bảng công bố không ghi thứ hạng"  # PAPI gives bands; some tables give scores only


def province_indices(history: pd.DataFrame, province: str) -> pd.DataFrame:
    """One row per index and year that has a published table (index_history), in the catalog's order:
    the province's rank, score and band there, or none when the table leaves it out (published False).
    An old province that merged continues, from 2025 on, as the new province it joined."""
    old = registry().by_name.get(province)
    continued_as = old.new_province if old is not None else province
    own = history[((history.year < MERGER_YEAR) & (history.province == province))
                  | ((history.year >= MERGER_YEAR) & (history.province == continued_as))]
    tables = history.drop_duplicates(["index", "year"])[["index", "index_name", "year", "published", "ranked_among"]]
    found = tables.merge(own[["index", "year", "score", "rank", "band", "rank_computed"]], on=["index", "year"], how="left")
    return found.assign(listed=found["rank"].notna()).reset_index(drop=True)


def place_phrase(row) -> str:
    """A year of province_indices in words: 'hạng 18/63 (69,73)', 'thứ 55/63 theo điểm (…)' where the table
    publishes no rank, or 'không công bố'."""
    if not row.listed:
        return NOT_PUBLISHED
    band = f", {row.band}" if isinstance(row.band, str) else ""
    place = f"thứ {int(row.rank)}/{int(row.ranked_among)} theo điểm" if bool(row.rank_computed) \
        else f"hạng {int(row.rank)}/{int(row.ranked_among)}"
    return f"{place} ({vn_number(row.score)}{band})"


def index_lines(places: pd.DataFrame, names: dict[str, str]) -> list[tuple[str, list[str]]]:
    """Each index of province_indices with its years in words, newest first: (name, ['2024: không công bố',
    '2023: hạng 18/63 (69,73)', ...]); names: the index's name by its id."""
    return [(names.get(index, index), [f"{row.year}: {place_phrase(row)}"
                                       for row in rows.sort_values("year", ascending=False).itertuples()])
            for index, rows in places.groupby("index", sort=False)]
