"""Numbers and phrases the way Vietnamese readers write them: 91,04 and "tăng 13 bậc"."""
from __future__ import annotations

import math
import numbers

import numpy as np
import pandas as pd

MISSING = "–"


def vn_number(value: float | int | None, decimals: int = 2) -> str:
    """91.04 -> '91,04'; 1234.5 -> '1.234,50': decimal comma, dot between thousands."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return MISSING
    english = f"{value:,.{decimals}f}"
    return english.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")


def as_read(value: object) -> str:
    """A cell's value as a reader took it, for checking by eye: numbers with a decimal comma and only
    the decimals they have (92,5; 2022; 0,8125), yes/no as có/không, missing values as a dash, text
    as it is."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return MISSING
    if isinstance(value, (bool, np.bool_)):
        return "có" if value else "không"
    if not isinstance(value, numbers.Real):
        return str(value)
    if float(value).is_integer():
        return str(int(value))
    return f"{float(value):.6f}".rstrip("0").rstrip(".").replace(".", ",")


def frame_as_read(frame: pd.DataFrame) -> pd.DataFrame:
    """Every cell of frame written by as_read: what a preview shows, the same on every screen."""
    return frame.apply(lambda column: column.map(as_read))


def vn_percent(value: float | None, decimals: int = 2) -> str:
    """91.04 -> '91,04%' (the value is already a percentage)."""
    shown = vn_number(value, decimals)
    return shown if shown == MISSING else f"{shown}%"


def vn_signed(value: float | None, decimals: int = 2) -> str:
    """A difference with its sign: +1,25 / -0,50 / 0,00."""
    shown = vn_number(None if value is None else abs(value), decimals)
    if shown == MISSING or round(value, decimals) == 0:
        return shown
    return ("+" if value > 0 else "-") + shown


def rank_change_phrase(change: int | None) -> str:
    """Places gained (positive) or lost (negative), as people say it: 'tăng 13 bậc', 'giảm 7 bậc'."""
    if change is None or (isinstance(change, float) and math.isnan(change)):
        return MISSING
    change = int(change)
    if change > 0:
        return f"tăng {change} bậc"
    if change < 0:
        return f"giảm {-change} bậc"
    return "giữ nguyên"


def years_phrase(years) -> str:
    """[2017, 2018, 2019, 2021] -> '2017–2019, 2021': runs of consecutive years joined by a dash."""
    runs: list[list[int]] = []
    for year in sorted(set(years)):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(str(run[0]) if len(run) == 1 else f"{run[0]}–{run[-1]}" for run in runs)
