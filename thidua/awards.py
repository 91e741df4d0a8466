"""The ladder of awards for collectives, highest first, and where a written award stands on it.

Awards arrive as people write them: "Cờ thi đua của Bộ Nội vụ", "Đề nghị Thủ tướng Chính phủ tặng
Bằng khen", "BK của Chủ tịch UBND tỉnh". award_level is also an SQL function (thidua.db registers
it), so queries order awards by this one ladder.
"""
from __future__ import annotations

import re

from thidua.io.cells import text_key

# (name, words that must all appear in the award's key: lower case, no diacritics)
LADDER = (
    ("Cờ thi đua của Chính phủ", ("co thi dua", "chinh phu")),
    ("Cờ thi đua của Bộ, ngành, tỉnh", ("co thi dua",)),
    ("Bằng khen của Thủ tướng Chính phủ", ("bang khen", "thu tuong")),
    ("Bằng khen của Bộ trưởng, Chủ tịch UBND tỉnh", ("bang khen",)),
    ("Tập thể lao động xuất sắc", ("lao dong xuat sac",)),
    ("Giấy khen", ("giay khen",)),
    ("Tập thể lao động tiên tiến", ("lao dong tien tien",)),
)
UNRANKED = len(LADDER) + 1  # an award the ladder does not name: after every rung

_SHORT_FORMS = {"bk": "bang khen", "ctd": "co thi dua", "ttcp": "thu tuong chinh phu", "ttg": "thu tuong",
                "ldxs": "lao dong xuat sac", "ldtt": "lao dong tien tien", "gk": "giay khen"}


def award_key(text: object) -> str:
    """'Cờ thi đua của Bộ Nội vụ' -> 'co thi dua cua bo noi vu'; short forms ('BK', 'CTĐ') said in full."""
    words = re.sub(r"[^a-z0-9]+", " ", text_key(text)).split()
    return " ".join(_SHORT_FORMS.get(word, word) for word in words)


def award_level(text: object) -> int:
    """1 for the Government's flag down to 7 for 'Tập thể lao động tiên tiến'; UNRANKED otherwise."""
    key = f" {award_key(text)} "
    for level, (_, words) in enumerate(LADDER, start=1):
        if all(f" {word} " in key for word in words):
            return level
    return UNRANKED
