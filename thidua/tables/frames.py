"""A reader's result as a frame: rows of values in column order, numbers as nullable columns."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

TEXT = pd.StringDtype("pyarrow", na_value=np.nan)  # what pandas infers for a column of texts (and blanks)


def frame_of(rows: list[tuple], columns: list[str], dtypes: dict[str, str]) -> pd.DataFrame:
    """A frame from rows of values in column order, built column by column; the columns named in
    dtypes take that dtype (the nullable Float64, Int64), the others the one pandas infers."""
    if not rows:  # empty object columns, as pandas makes from no records
        return pd.DataFrame({name: pd.array([], dtype=dtypes.get(name, object)) for name in columns})
    return pd.DataFrame({name: _nullable(values, dtypes[name]) if name in dtypes else _inferred(values)
                         for name, values in zip(columns, zip(*rows))}, copy=False)  # the arrays are its own


def _nullable(values: tuple, dtype: str) -> pd.api.extensions.ExtensionArray:
    """Numbers and None as a nullable array; Float64 built through numpy (pd.array checks every element)."""
    if dtype != "Float64":
        return pd.array(values, dtype=dtype)
    numbers = np.array(values, dtype=float)  # None becomes NaN
    missing = np.isnan(numbers)
    numbers[missing] = 0.0
    return pd.arrays.FloatingArray(numbers, missing)


def _inferred(values: tuple) -> object:
    """Texts and None as the text column pandas would infer, built by Arrow in one call (pandas' inference
    costs ~0.15 ms a column); any other values as a list, for pandas to infer."""
    if any(type(value) is str for value in values) and all(type(value) is str or value is None for value in values):
        return pd.arrays.ArrowStringArray(pa.chunked_array([pa.array(values, type=pa.large_string())]), dtype=TEXT)
    return list(values)
