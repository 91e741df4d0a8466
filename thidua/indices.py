"""The provincial indices side by side: one province's place on each of them year by year, with the years
a publisher left it out kept as gaps (never as zero or as a missing year)."""
from __future__ import annotations

import pandas as pd

from thidua.provinces import MERGER_YEAR, registry

NOT_PUBLISHED = "không công bố"


def province_indices(history: pd.DataFrame, province: str) -> pd.DataFrame:
    """One row per index and year that has a published table (index_history), in the catalog's order:
    the province's rank, score and band there, or none when the table leaves it out (published False).
    An old province that merged continues, from 2025 on, as the new province it joined."""
    old = registry().by_name.get(province)
    continued_as = old.new_province if old is not None else province
    own = history[((history.year < MERGER_YEAR) & (history.province == province))
                  | ((history.year >= MERGER_YEAR) & (history.province == continued_as))]
    tables = history.drop_duplicates(["index", "year"])[["index", "index_name", "year", "published", "ranked_among"]]
    found = tables.merge(own[["index", "year", "score", "rank", "band"]], on=["index", "year"], how="left")
    return found.assign(listed=found["rank"].notna()).reset_index(drop=True)
