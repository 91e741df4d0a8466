"""Criteria trees: the codes that number a scoring sheet (A, B / I, II / 1, 2 / 1.1, 1.2.3 / a), b) /
dashes), the tree they build, and the subtotals written on group rows reconciled against the
leaves, so that no score is counted twice.

A node's value is what its leaves add up to; what a group row or a total row states is only
compared with that. Bonus (điểm thưởng, cộng) and penalty (điểm trừ) subtrees are kept apart from
the criteria; a penalty counts by its size whether it is written 2 or -2.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Iterable, Literal

from thidua.formatting import vn_number
from thidua.io.cells import text_key
from thidua.readers.problems import Problem
from thidua.tables.schema import plain_words

Measure = Literal["criterion", "bonus", "penalty"]
SCORES = ("self", "cluster")
TOLERANCE = 0.01
SCORER_WORDS = {"max": "điểm tối đa", "self": "điểm tự chấm", "cluster": "điểm Cụm chấm"}

_LETTER_RANK, _ROMAN_RANK, _NUMBER_RANK, _SMALL_LETTER_RANK, _DASH_RANK, _UNCODED_RANK = 0, 1, 2, 20, 30, 40
_ROMAN = re.compile(r"^(X{0,3})(IX|IV|V?I{0,3})$")
_NUMBER_CODE = r"\d{1,2}(?:\.\d{1,2})*"
_CODE_ALONE = re.compile(rf"^\(?(?P<code>{_NUMBER_CODE}|[A-Z]{{1,5}}|[a-zđ])\s*[.):]?$")
_CODE_BEFORE_WORDS = re.compile(
    rf"^(?:(?i:tiêu chí|nhóm|phần|mục|nội dung)\s+(?P<named>{_NUMBER_CODE}|[IVX]{{1,5}})\s*[.:)\-–]?"
    rf"|(?P<number>{_NUMBER_CODE})(?P<closed>\s*[.)])?(?=\s|$)"
    rf"|(?P<upper>[IVX]{{1,5}}|[A-H])\s*[.):\-–]"
    rf"|\(?(?P<small>[a-zđ])\)|(?P<small_dot>[a-zđ])\.(?=\s)"
    rf"|(?P<dash>[-–+•*])(?=\s))\s*")
_MAXIMUM_IN_WORDS = re.compile(
    r"\s*[(\[]\s*(?:tối đa|điểm tối đa|điểm chuẩn|tđ)?\s*:?\s*(?P<points>\d+(?:[.,]\d+)?)\s*(?:điểm|đ)\.?\s*[)\]]"
    r"|\s*[:\-–]\s*(?:tối đa\s*)?(?P<tail>\d+(?:[.,]\d+)?)\s*(?:điểm|đ)\.?\s*$", re.IGNORECASE)
_BONUS_TITLE = re.compile(
    r"^(cac (noi dung|truong hop|tieu chi) )?(duoc )?(diem (duoc )?(thuong|cong|khuyen khich|uu tien)|(cong|thuong) diem)\b")
_PENALTY_TITLE = re.compile(r"^(cac (noi dung|truong hop|tieu chi) )?(bi )?(diem (tru|bi tru)|tru diem)\b")


@dataclass(frozen=True)
class Code:
    text: str   # "B", "II", "1.2", "a", "-"
    rank: int   # a node holds nodes of larger rank

    @cached_property  # codes are shared (parse_code, split_code keep them) and asked on every row
    def numbers(self) -> tuple[int, ...] | None:
        """(1, 2) for '1.2': dotted codes name their parent by their first numbers."""
        if self.rank < _NUMBER_RANK or self.rank >= _SMALL_LETTER_RANK:
            return None
        return tuple(int(part) for part in self.text.split("."))


def _number_code(text: str) -> Code:
    text = text.rstrip(".")
    return Code(text, _NUMBER_RANK + text.count("."))


def _upper_code(text: str) -> Code:
    text = text.upper()
    return Code(text, _ROMAN_RANK if _ROMAN.match(text) else _LETTER_RANK)


@lru_cache(maxsize=1 << 14, typed=True)  # a pure function of a cell: every unit's sheet repeats the codes
def parse_code(value: object) -> Code | None:
    """The code standing alone in a code cell: 'II', '1.2.', '2', 'a)', '-'; None otherwise."""
    if isinstance(value, float):
        value = f"{value:g}" if value.is_integer() or value < 100 else ""
    text = str(value).strip()
    if text in ("-", "–", "+", "•", "*"):
        return Code("-", _DASH_RANK)
    match = _CODE_ALONE.match(text)
    if not match:
        return None
    code = match.group("code")
    if code[0].isdigit():
        return _number_code(code)
    if code.islower():
        return Code(code, _SMALL_LETTER_RANK)
    return _upper_code(code) if len(code) == 1 or _ROMAN.match(code) else None


def restore_lost_zero(typed: float, before: Code | None) -> str:
    """The code a number cell holds: 1.10 typed as a number is stored as 1.1, which after 1.9 (the
    code before it at its depth) is 1.10 again; likewise 2.2 after 2.19 is 2.20."""
    text = f"{typed:g}"
    code = parse_code(typed)
    if code is None or before is None or code.numbers is None or before.numbers is None \
            or len(code.numbers) < 2 or len(code.numbers) != len(before.numbers):
        return text
    *head, last = code.numbers
    return f"{text}0" if tuple(head) == before.numbers[:-1] and before.numbers[-1] == last * 10 - 1 else text


@lru_cache(maxsize=1 << 14)  # a pure function of a cell: every unit's sheet repeats the titles
def split_code(text: str) -> tuple[Code | None, str]:
    """('1.2', 'Thực hiện ...') from '1.2. Thực hiện ...'; (None, text) when no code leads."""
    match = _CODE_BEFORE_WORDS.match(text)
    if not match:
        return None, text
    rest = text[match.end():].strip() or text.strip()
    if match.group("named"):
        named = match.group("named")
        return (_number_code(named) if named[0].isdigit() else _upper_code(named)), rest
    if match.group("number"):
        if not match.group("closed") and not rest[:1].isupper():
            return None, text  # "2 lần ..." begins with a count, not a code
        return _number_code(match.group("number")), rest
    if match.group("upper"):
        return _upper_code(match.group("upper")), rest
    small = match.group("small") or match.group("small_dot")
    if small:
        return Code(small.lower(), _SMALL_LETTER_RANK), rest
    return Code("-", _DASH_RANK), rest


@lru_cache(maxsize=1 << 14)  # a pure function of a cell: every unit's sheet repeats the titles
def split_maximum(text: str) -> tuple[float | None, str]:
    """(20.0, 'Tiêu chí 1') from 'Tiêu chí 1 (20 điểm)': the maximum a label states, and the label
    without it."""
    match = _MAXIMUM_IN_WORDS.search(text)
    if not match:
        return None, text
    points = match.group("points") or match.group("tail")
    return float(points.replace(",", ".")), (text[:match.start()] + text[match.end():]).strip()


@lru_cache(maxsize=1 << 14)  # a pure function of a title, asked for twice per row
def measure_of(title: str) -> Measure:
    words = plain_words(title)
    if _PENALTY_TITLE.match(words):
        return "penalty"
    if _BONUS_TITLE.match(words):
        return "bonus"
    return "criterion"


@dataclass(eq=False)
class Node:
    code: Code | None
    title: str
    position: int                        # sheet row (detail) or column (summary), for order
    values: dict[str, float | None]      # as written on the node's own row: max, self, cluster
    cells: dict[str, str]                # where each value is written
    measure: Measure = "criterion"
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)

    @property
    def is_leaf(self) -> bool:
        return Tally().is_leaf(self)

    @property
    def key(self) -> str:
        """Names the node the same way in every unit's sheet of one template: 'II/2.1/a'."""
        own = self.code.text if self.code and self.code.text != "-" else text_key(self.title)[:60]
        return f"{self.parent.key}/{own}" if self.parent else own

    @property
    def level(self) -> int:
        return 1 + (self.parent.level if self.parent else 0)

    def value(self, name: str) -> float | None:
        """A leaf's own value (a penalty by its size), a group's sum over its scored children."""
        return Tally().value(self, name)

    def walk(self) -> Iterable[Node]:
        """This node and every node under it, each before its children, in sheet order."""
        pending = [self]
        while pending:
            node = pending.pop()
            yield node
            pending.extend(reversed(node.children))


class Tally:
    """Whether a node is scored (it or something under it carries a number; descriptive lines do not), its
    scored children, whether it is a leaf, its value: each node worked out once per tally: a
    question about a whole tree (its checks, its totals, its rows) asks one tally, so that no
    subtree is added up again for every node above it. A tally keeps what it found, so a tree
    must not change while one is asked; the next question takes a new one."""

    def __init__(self) -> None:
        self._scored: dict[int, bool] = {}
        self._scored_children: dict[int, tuple[Node, ...]] = {}
        self._values: dict[tuple[int, str], float | None] = {}

    def scored(self, node: Node) -> bool:
        found = self._scored.get(id(node))
        if found is None:
            found = self._scored[id(node)] = any(v is not None for v in node.values.values()) or any(
                self.scored(c) for c in node.children)
        return found

    def scored_children(self, node: Node) -> tuple[Node, ...]:
        found = self._scored_children.get(id(node))
        if found is None:
            found = self._scored_children[id(node)] = tuple(c for c in node.children if self.scored(c))
        return found

    def is_leaf(self, node: Node) -> bool:
        return not self.scored_children(node)

    def value(self, node: Node, name: str) -> float | None:
        if (id(node), name) not in self._values:
            self._values[(id(node), name)] = self._value(node, name)
        return self._values[(id(node), name)]

    def _value(self, node: Node, name: str) -> float | None:
        children = self.scored_children(node)
        if not children:
            value = node.values.get(name)
            return abs(value) if value is not None and node.measure == "penalty" else value
        found = [(c, v) for c in children if (v := self.value(c, name)) is not None]
        if not found:
            return None
        return sum(-v if c.measure == "penalty" and node.measure != "penalty" else v for c, v in found)


class TreeBuilder:
    """Places rows, in sheet order, under the nearest row above whose code ranks higher."""

    def __init__(self) -> None:
        self.roots: list[Node] = []
        self._open: list[Node] = []

    def add(self, node: Node) -> None:
        rank = node.code.rank if node.code else _UNCODED_RANK
        if node.code is None and measure_of(node.title) != "criterion":
            self._open.clear()
        while self._open and not _holds(self._open[-1], node, rank):
            self._open.pop()
        parent = self._open[-1] if self._open else None
        node.parent = parent
        own_measure = measure_of(node.title)
        node.measure = parent.measure if parent and parent.measure != "criterion" else own_measure
        (parent.children if parent else self.roots).append(node)
        self._open.append(node)

    def close(self) -> None:
        """A total row ends every open group: what follows starts again at the top."""
        self._open.clear()


def _holds(candidate: Node, node: Node, rank: int) -> bool:
    own = candidate.code.rank if candidate.code else _UNCODED_RANK
    if own >= rank:
        return False
    numbers, held = candidate.code and candidate.code.numbers, node.code and node.code.numbers
    if numbers and held and len(held) > 1:
        return held[:len(numbers)] == numbers
    return True


def combined(roots: Iterable[Node], name: str, measures: tuple[Measure, ...] = ("criterion", "bonus", "penalty"),
             tally: Tally | None = None) -> float | None:
    """Criteria plus bonus minus penalty over the given top-level nodes (or only the measures named).
    The tally of a finished tree can be shared by several questions."""
    tally = tally or Tally()
    found = [(r, v) for r in roots if r.measure in measures and (v := tally.value(r, name)) is not None]
    return sum(-v if r.measure == "penalty" else v for r, v in found) if found else None


def _measure_tops(roots: Iterable[Node], measure: Measure) -> list[Node]:
    """Where each subtree of bonus (or penalty) starts."""
    return [n for r in roots for n in r.walk() if n.measure == measure and (n.parent is None or n.parent.measure != measure)]


def measure_total(roots: Iterable[Node], measure: Measure, name: str, tally: Tally | None = None) -> float:
    """All bonus (or all penalty, by its size) under the given nodes, wherever its subtree starts."""
    tally = tally or Tally()
    return sum(v for n in _measure_tops(roots, measure) if (v := tally.value(n, name)) is not None)


def measure_cell(roots: Iterable[Node], measure: Measure, name: str, tally: Tally) -> str | None:
    """The cell holding measure_total when one row without scored rows under it gives it; None when it is
    added up from several."""
    found = [n for n in _measure_tops(roots, measure) if tally.value(n, name) is not None]
    return found[0].cells.get(name) if len(found) == 1 and tally.is_leaf(found[0]) else None


def _span(cells: list[str]) -> str:
    return cells[0] if len(cells) == 1 else f"{cells[0]}…{cells[-1]}"


def reconcile_groups(roots: list[Node], file_name: str, sheet: str, subject: str, tally: Tally | None = None
                     ) -> list[Problem]:
    """A warning for every group whose stated subtotal differs from what its children add up to."""
    problems, tally = [], tally or Tally()
    for node in (n for r in roots for n in r.walk() if not tally.is_leaf(n)):
        for name in SCORES:
            stated, computed = node.values.get(name), tally.value(node, name)
            if stated is None or computed is None:
                continue
            if node.measure == "penalty":
                stated = abs(stated)
            if abs(stated - computed) > TOLERANCE:
                below = [c.cells[name] for c in tally.scored_children(node) if name in c.cells]
                problems.append(Problem(
                    f"{subject}: mục «{describe(node)}» ghi {SCORER_WORDS[name]} {vn_number(stated)}, nhưng các mục "
                    f"con ({_span(below)}) cộng lại được {vn_number(computed)}; dùng tổng các mục con.",
                    file_name, sheet, node.cells.get(name), "warning"))
    return problems


def check_maximums(roots: list[Node], file_name: str, sheet: str, subject: str, tally: Tally | None = None
                   ) -> list[Problem]:
    """An error for a score written above the maximum written on the same row; a warning for a
    group whose children add up to more than its maximum."""
    problems, tally = [], tally or Tally()
    for node in (n for r in roots for n in r.walk()):
        maximum = node.values.get("max")
        if maximum is None:
            continue
        for name in SCORES:
            stated = node.values.get(name)
            if stated is not None and abs(stated) > abs(maximum) + TOLERANCE:
                where = f" (ô {node.cells['max']})" if "max" in node.cells else ""
                problems.append(Problem(
                    f"{subject}: {SCORER_WORDS[name]} {vn_number(stated)} của mục «{describe(node)}» vượt điểm tối đa "
                    f"{vn_number(maximum)}{where}.", file_name, sheet, node.cells.get(name)))
            elif not tally.is_leaf(node) and (computed := tally.value(node, name)) is not None \
                    and computed > abs(maximum) + TOLERANCE:
                problems.append(Problem(
                    f"{subject}: các mục con của «{describe(node)}» cộng lại {vn_number(computed)} {SCORER_WORDS[name]}, "
                    f"vượt điểm tối đa {vn_number(maximum)} của mục.", file_name, sheet, node.cells.get("max"),
                    "warning"))
    return problems


def describe(node: Node) -> str:
    title = node.title if len(node.title) <= 60 else node.title[:57] + "…"
    return f"{node.code.text}. {title}" if node.code and node.code.text != "-" else title
