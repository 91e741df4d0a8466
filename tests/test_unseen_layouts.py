"""Every workbook in tests/unseen_layouts.py is read as its figures say, or refused naming the sheet and
cell at fault: a refused file with a precise reason beats a wrong number on a chart."""
import pytest

import unseen_index_tables  # noqa: F401 - registers the index-table cases into CASES
import unseen_rosters_and_details  # noqa: F401 - registers the roster and detail-sheet cases into CASES
import unseen_scoring_tables  # noqa: F401 - registers the scoring-table cases into CASES
from unseen_layouts import CASES, judge

CLASSES = {"a": "read correctly", "b": "refused precisely", "c": "refused for a wrong or vague reason",
           "d": "accepted with wrong figures", "e": "crashed"}


@pytest.mark.parametrize("name", list(CASES))
def test_an_unseen_layout_is_read_right_or_refused_precisely(name):
    idea, build = CASES[name]
    outcome, kind, details = judge(build())
    assert outcome in ("a", "b"), f"{idea}: {CLASSES[outcome]} (as {kind})\n" + "\n".join(details)
