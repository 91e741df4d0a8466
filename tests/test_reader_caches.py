"""What the readers keep to go faster gives the same answers as working everything out again:
a tree's sums follow changes made to it, a sheet's table is found once per header test, blank
rows are told as before, and result frames keep their columns and types."""
from __future__ import annotations

import math

import pandas as pd

from thidua.readers.criteria import Node, Tally, TreeBuilder, check_maximums, combined, parse_code, reconcile_groups
from thidua.readers.scoring import CRITERIA_COLUMNS, UNIT_COLUMNS
from thidua.readers.table import locate_table
from thidua.io.workbook import Merged, Sheet
from thidua.tables.frames import frame_of


def criterion(code: str, title: str, row: int, **values: float | None) -> Node:
    return Node(parse_code(code), title, row, {"max": None, **values}, {name: f"D{row + 1}" for name in values})


def small_tree() -> list[Node]:
    builder = TreeBuilder()
    for node in (criterion("I", "Nhóm I", 0), criterion("1", "Tiêu chí 1", 1, cluster=2.0),
                 criterion("2", "Tiêu chí 2", 2, cluster=3.0), criterion("II", "Nhóm II", 3),
                 criterion("1", "Tiêu chí 1", 4, cluster=4.0)):
        builder.add(node)
    return builder.roots


def test_sums_follow_a_tree_changed_after_a_question():
    roots = small_tree()
    group, first = roots[0], roots[0].children[0]
    assert group.value("cluster") == 5.0 and combined(roots, "cluster") == 9.0
    first.values["cluster"] = 4.0
    group.children.append(criterion("3", "Tiêu chí 3", 5, cluster=1.0))
    assert group.value("cluster") == 8.0 and combined(roots, "cluster") == 12.0
    assert not group.is_leaf and group.children[-1].is_leaf


def test_a_shared_tally_answers_as_fresh_questions_do():
    roots = small_tree()
    roots[0].values["cluster"] = 6.0  # a stated subtotal that disagrees with its children (5)
    tally = Tally()
    assert combined(roots, "cluster", tally=tally) == combined(roots, "cluster") == 9.0
    assert [p.message for p in reconcile_groups(roots, "f.xlsx", "S", "đơn vị «A»", tally)] == \
        [p.message for p in reconcile_groups(roots, "f.xlsx", "S", "đơn vị «A»")]
    assert len(reconcile_groups(roots, "f.xlsx", "S", "đơn vị «A»", tally)) == 1
    assert check_maximums(roots, "f.xlsx", "S", "đơn vị «A»", tally) == check_maximums(roots, "f.xlsx", "S", "đơn vị «A»")


def test_blank_rows_are_told_as_cells_are():
    sheet = Sheet("S", [["", "  ", None, math.nan], [0, ""], ["x"]])
    assert sheet.is_blank_row(0)
    assert not sheet.is_blank_row(1)  # a zero is a value
    assert not sheet.is_blank_row(2)
    assert sheet.is_blank_row(7)      # beyond the used range


def test_a_table_is_found_once_per_sheet_and_header_test():
    rows = [["BẢNG ĐIỂM"], ["Đơn vị", "Điểm"], ["Lạng Sơn", 9.5]]
    sheet, twin = Sheet("S", [list(r) for r in rows]), Sheet("T", [list(r) for r in rows])
    asked: list[tuple[str, ...]] = []

    def names_unit(words: list[str]) -> bool:
        asked.append(tuple(words))
        return "don vi" in words

    def names_title(words: list[str]) -> bool:
        return "bang diem" in words

    table = locate_table(sheet, names_unit)
    assert table is not None and table.header_top == 1
    assert locate_table(sheet, names_unit) is table
    assert locate_table(twin, names_unit) is not table  # another sheet has its own table
    assert locate_table(twin, names_unit).header_top == 1
    assert len(asked) == 2  # the same words are not asked again, whatever the sheet
    assert locate_table(sheet, names_title).header_top == 0  # another test, another answer


def test_merged_cells_repeat_in_header_words_of_a_cached_row():
    sheet = Sheet("S", [["Năm 2022", ""], ["Tổng điểm", "Xếp hạng"]], [Merged(0, 0, 0, 1)])
    assert sheet.header_words(0) == ("nam 2022", "nam 2022")
    assert sheet.header_words(0) is sheet.header_words(0)


def test_frames_keep_their_columns_and_types():
    empty_units, empty_criteria = frame_of([], UNIT_COLUMNS, {"rank": "Int64"}), frame_of([], CRITERIA_COLUMNS, {})
    assert list(empty_units.columns) == UNIT_COLUMNS and list(empty_criteria.columns) == CRITERIA_COLUMNS
    assert (empty_criteria.dtypes == object).all() and str(empty_units["rank"].dtype) == "Int64"
    frame = frame_of([("A", 1, None, 2.5), ("B", None, 3, None)], ["unit", "rank", "total", "score"],
                   {"rank": "Int64", "total": "Float64", "score": "Float64"})
    assert [str(t) for t in frame.dtypes] == ["str", "Int64", "Float64", "Float64"]
    assert frame["total"].isna().tolist() == [True, False] and frame["score"].tolist()[0] == 2.5
    assert pd.isna(frame["score"].iloc[1]) and frame["rank"].tolist()[0] == 1
