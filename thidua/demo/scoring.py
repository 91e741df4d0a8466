"""Illustrative scoring workbooks 2019–2024 of the five clusters the demo rosters name
(thidua/demo/roster.py), each cluster in the layout it keeps, as real clusters do:

- miền núi biên giới phía Bắc: one summary sheet a year, self and cluster scores side by side
  under each criterion group and under bonus and penalty (penalties written positive), column
  numbers, a TỔNG CỘNG row and signatures; and the mid-year review (sơ kết 6 tháng) of 2024;
- Trung du và miền núi phía Bắc: a summary of totals and one detail sheet per unit, named
  without diacritics ("Bac Giang"), codes in their own column, penalties written negative;
- các tỉnh, thành Bắc Bộ: detail sheets only, one per unit naming it ("Đơn vị: ..."), codes
  written before the words, no ranks (they follow from the totals);
- miền Trung, Tây Nguyên: a summary with the groups under a merged "Điểm chấm theo tiêu chí",
  column numbers, the self total beside the cluster's, penalties written negative;
- the advisory agencies of Lạng Sơn: a summary under the province's people's committee with a
  "Điểm chuẩn" row of maxima and scores typed as text ("48,5"); no self scores before 2021.

The numbers are made up (fixed seeds) and every sheet says so. They agree with the rosters: at
each year-end the unit the roster gives or proposes the flag to, else the year's Cụm trưởng, ranks
first, the units the roster lists for other awards follow it, and the workbooks propose the same
awards. Scores are whole quarter points and every subtotal and total written adds up, so each
file reads without a warning.
"""
from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.worksheet.worksheet import Worksheet

from thidua.awards import award_level
from thidua.demo.par import BOLD, CENTRED, ITALIC, put, widths
from thidua.demo.reproducible import save_workbooks
from thidua.demo.roster import (BORDER, CENTRAL, CLUSTERS, DECIDED, LANG_SON_AGENCIES, MIDLANDS, MINISTER_MERIT, MINISTRY_FLAG,
                                NORTHERN, PROPOSED, YEARS, Cluster, title_rows)
from thidua.provinces import strip_diacritics

SUBDIR = "scoring"
MID_YEAR_REVIEW = (BORDER, 2024)   # the one cluster-year with a sơ kết 6 tháng
PROVINCIAL_FLAG = "Cờ thi đua của UBND tỉnh"
PROVINCIAL_MERIT = "Bằng khen của Chủ tịch UBND tỉnh"
QUARTERS = 4                       # scores are whole quarter points: kept as ints of quarters
RIGHT = Alignment(horizontal="right")
SIGNED_DATE = "ngày 18 tháng 12 năm {year}"
CITIES = {"Hà Nội", "Hải Phòng", "Đà Nẵng"}
STANDING_RANGE = 1.5                # the strength of the first place of a year (the last: its negative)
ELECTED_BOOST = 1.5                 # next year's Cụm trưởng is elected for a strong year


# ---- the criteria ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Criterion:
    code: str
    title: str
    maximum: float | None = None          # None: a penalty has no maximum
    children: tuple[Criterion, ...] = ()

    def leaves(self, prefix: str = "") -> list[tuple[str, Criterion]]:
        """(path, leaf) under this criterion: 'II/2/a'."""
        path = f"{prefix}/{self.code}" if prefix else self.code
        if not self.children:
            return [(path, self)]
        return [leaf for child in self.children for leaf in child.leaves(path)]


@dataclass(frozen=True)
class Template:
    groups: tuple[Criterion, ...]
    bonus: Criterion
    penalty: Criterion

    @property
    def criteria_leaves(self) -> list[tuple[str, Criterion]]:
        return [leaf for group in self.groups for leaf in group.leaves()]


HOME_AFFAIRS = Template(
    (Criterion("I", "Công tác chỉ đạo, điều hành", 15, (
        Criterion("1", "Ban hành kế hoạch công tác năm đúng thời hạn", 5),
        Criterion("2", "Tổ chức thực hiện và báo cáo định kỳ", 10))),
     Criterion("II", "Tổ chức bộ máy, biên chế", 20, (
         Criterion("1", "Tham mưu sắp xếp tổ chức bộ máy", 10),
         Criterion("2", "Quản lý biên chế, vị trí việc làm", 10, (
             Criterion("a", "Giao biên chế đúng thời hạn", 5),
             Criterion("b", "Phê duyệt vị trí việc làm", 5))))),
     Criterion("III", "Cải cách hành chính", 25, (
         Criterion("1", "Kết quả cải cách hành chính của tỉnh", 10),
         Criterion("2", "Cải cách thủ tục hành chính", 8),
         Criterion("3", "Chuyển đổi số, dịch vụ công trực tuyến", 7))),
     Criterion("IV", "Cán bộ, công chức, viên chức", 20, (
         Criterion("1", "Tuyển dụng, sử dụng, đánh giá", 10),
         Criterion("2", "Đào tạo, bồi dưỡng", 10))),
     Criterion("V", "Chính quyền địa phương, tôn giáo, văn thư lưu trữ", 20, (
         Criterion("1", "Xây dựng chính quyền địa phương", 7),
         Criterion("2", "Công tác tôn giáo", 6),
         Criterion("3", "Văn thư, lưu trữ", 7)))),
    Criterion("VI", "Điểm thưởng", 5, (Criterion("1", "Sáng kiến, mô hình mới được công nhận", 3),
                                       Criterion("2", "Hoàn thành xuất sắc nhiệm vụ đột xuất", 2))),
    Criterion("VII", "Điểm trừ", None, (Criterion("1", "Chậm gửi báo cáo"),
                                        Criterion("2", "Bị cơ quan có thẩm quyền phê bình, nhắc nhở"))))
CENTRAL_GROUPS = Template(
    (Criterion("I", "Thực hiện nhiệm vụ chuyên môn", 50),
     Criterion("II", "Thực hiện phong trào thi đua", 20),
     Criterion("III", "Công tác phối hợp trong Cụm", 15),
     Criterion("IV", "Xây dựng cơ quan, đơn vị vững mạnh", 15)),
    Criterion("V", "Điểm thưởng", 5), Criterion("VI", "Điểm trừ"))
AGENCY_GROUPS = Template(
    (Criterion("1", "Thực hiện nhiệm vụ chính trị được giao", 50),
     Criterion("2", "Công tác tham mưu tổng hợp, phối hợp", 20),
     Criterion("3", "Xây dựng tổ chức đảng, đoàn thể vững mạnh", 15),
     Criterion("4", "Phong trào thi đua, văn hóa công sở", 15)),
    Criterion("5", "Điểm cộng", 5), Criterion("6", "Điểm trừ"))


# ---- the numbers -----------------------------------------------------------------------------------

@dataclass
class UnitScores:
    """One unit's scores for one period, in quarter points, by leaf path."""
    unit: str                  # as the roster names it: a province, or an agency
    rank: int
    cluster: dict[str, int]    # what the cluster confirmed
    own: dict[str, int]        # what the unit gave itself
    award: str | None = None
    role: str | None = None    # Cụm trưởng / Cụm phó in the year scored

    def points(self, criterion: Criterion, scorer: str, prefix: str = "") -> float:
        scores = self.cluster if scorer == "cluster" else self.own
        return sum(scores[path] for path, _ in criterion.leaves(prefix)) / QUARTERS

    def total(self, template: Template, scorer: str) -> float:
        criteria = sum(self.points(group, scorer) for group in template.groups)
        return criteria + self.points(template.bonus, scorer) - self.points(template.penalty, scorer)


@dataclass
class Period:
    cluster: Cluster
    template: Template
    year: int
    mid_year: bool
    units: list[UnitScores] = field(default_factory=list)   # best first


@dataclass
class Tendencies:
    """What stays with a unit from year to year: its strength, its weak groups, how it self-scores."""
    strength: dict[str, float]
    weakness: dict[str, dict[str, float]]   # unit -> group code -> weight of points lost there
    over_scoring: dict[str, int]            # quarter points a unit usually adds to its own score


def flag_and_merit(cluster: Cluster) -> tuple[str, str]:
    if cluster is LANG_SON_AGENCIES:
        return PROVINCIAL_FLAG, PROVINCIAL_MERIT
    return MINISTRY_FLAG, MINISTER_MERIT


def roster_awards(cluster: Cluster, year: int) -> dict[str, str]:
    """The awards the roster decides or proposes for a cluster's year, highest first."""
    listed = [a for a in DECIDED + PROPOSED if a.cluster is cluster and a.year == year]
    return {a.unit: a.award for a in sorted(listed, key=lambda a: award_level(a.award))}


def proposals(cluster: Cluster, year: int, order: list[str]) -> dict[str, str]:
    """The awards the year-end workbook proposes: the roster's, with the flag for the first unit when
    the roster names no flag; without a roster list, the flag and a Bằng khen or two by rank."""
    flag, merit = flag_and_merit(cluster)
    listed = roster_awards(cluster, year)
    if not listed:
        merits = 3 if len(cluster.members) > 8 else 2
        return {order[0]: flag, **{unit: merit for unit in order[1:1 + merits]}}
    if all(award_level(award) > award_level(flag) for award in listed.values()):
        return {order[0]: flag, **listed}
    return listed


def year_end_order(cluster: Cluster, year: int, strength: dict[str, float]) -> list[str]:
    """The flag holder (or the year's Cụm trưởng) first, the other units the roster awards next,
    the rest by strength, next year's Cụm trưởng (elected at this year-end) among the strong."""
    listed = roster_awards(cluster, year)
    flagged = [unit for unit, award in listed.items() if award_level(award) <= 2]
    first = flagged[0] if flagged else cluster.leadership[year][0]
    ahead = [first, *(unit for unit in listed if unit != first)]
    elected = cluster.leadership.get(year + 1, ("",))[0]
    standing = {unit: s + (ELECTED_BOOST if unit == elected else 0) for unit, s in strength.items()}
    return ahead + sorted((u for u in cluster.members if u not in ahead), key=standing.get, reverse=True)


def tendencies(cluster: Cluster, rng: random.Random, template: Template) -> Tendencies:
    return Tendencies(
        {unit: rng.gauss(0, 1) for unit in cluster.members},
        {unit: {g.code: rng.uniform(0.3, 1.7) for g in template.groups} for unit in cluster.members},
        {unit: rng.choice([-3, 0, 2, 4, 6, 10, 14, 20]) for unit in cluster.members})


def descending_totals(count: int, rng: random.Random) -> list[int]:
    """Strictly decreasing totals in quarter points, the best between 97 and 100."""
    totals = [rng.randint(97 * QUARTERS, 100 * QUARTERS)]
    for _ in range(count - 1):
        totals.append(totals[-1] - rng.randint(1, 8))
    return totals


def spread(amount: int, room: dict[str, int], weights: dict[str, float], rng: random.Random) -> dict[str, int]:
    """amount quarter points laid one by one on the paths, each at most its room, by weight."""
    laid = dict.fromkeys(room, 0)
    for _ in range(min(amount, sum(room.values()))):
        open_paths = [p for p in room if laid[p] < room[p]]
        path = rng.choices(open_paths, [weights[p] for p in open_paths])[0]
        laid[path] += 1
    return laid


def unit_scores(template: Template, total: int, rank: int, unit: str, tendency: Tendencies, rng: random.Random
                ) -> tuple[dict[str, int], dict[str, int]]:
    """The cluster's and the unit's own scores of every leaf, the cluster's adding up to total."""
    maxima = {path: int(leaf.maximum * QUARTERS) for path, leaf in template.criteria_leaves}
    bonus_room = {path: int(leaf.maximum * QUARTERS) for path, leaf in template.bonus.leaves()}
    penalty_paths = [path for path, _ in template.penalty.leaves()]
    bonus = rng.choice([0, 2, 4, 6, 8] if rank <= 3 else [0, 0, 0, 2, 4])
    penalty = rng.choice([0, 0, 0, 0, 0, 2, 4, 8])
    criteria = total - bonus + penalty
    best = sum(maxima.values()) - 2
    if criteria > best:
        bonus, criteria = bonus + criteria - best, best
    weights = {path: maxima[path] * tendency.weakness[unit][path.split("/")[0]] for path in maxima}
    lost = spread(sum(maxima.values()) - criteria, maxima, weights, rng)
    cluster = {path: maxima[path] - lost[path] for path in maxima}
    cluster |= spread(bonus, bonus_room, {p: 1.0 for p in bonus_room}, rng)
    cluster |= spread(penalty, {p: penalty for p in penalty_paths}, {p: 1.0 for p in penalty_paths}, rng)
    return cluster, own_scores(cluster, maxima, bonus_room, penalty_paths, tendency.over_scoring[unit], rng)


def own_scores(cluster: dict[str, int], maxima: dict[str, int], bonus_room: dict[str, int], penalty_paths: list[str],
               over_scoring: int, rng: random.Random) -> dict[str, int]:
    """The unit's own scores: the cluster's moved up (or down, for a modest unit) by its habit and
    a little luck; a unit that over-scores also claims more bonus and forgets its penalties."""
    change = over_scoring + rng.randint(-2, 3)
    if change >= 0:
        raised = spread(change, {p: maxima[p] - cluster[p] for p in maxima}, {p: 1.0 for p in maxima}, rng)
        own = {p: cluster[p] + raised[p] for p in maxima}
    else:
        lowered = spread(-change, {p: cluster[p] for p in maxima}, {p: 1.0 for p in maxima}, rng)
        own = {p: cluster[p] - lowered[p] for p in maxima}
    claimed = spread(2 if over_scoring >= 10 else 0, {p: bonus_room[p] - cluster[p] for p in bonus_room},
                     {p: 1.0 for p in bonus_room}, rng)
    own |= {p: cluster[p] + claimed[p] for p in bonus_room}
    own |= {p: 0 if over_scoring >= 6 else cluster[p] for p in penalty_paths}
    return own


def periods(cluster: Cluster, template: Template) -> list[Period]:
    """Every scored period of a cluster, oldest first: 2019–2024 year-ends, and a mid-year review."""
    rng = random.Random(f"diem thi dua {cluster.name}")
    tendency = tendencies(cluster, rng, template)
    scored = []
    for year in YEARS:
        tendency.strength = {u: s + rng.gauss(0, 0.5) for u, s in tendency.strength.items()}
        if (cluster, year) == MID_YEAR_REVIEW:
            luck = {u: s + rng.gauss(0, 0.4) for u, s in tendency.strength.items()}
            scored.append(scored_period(cluster, template, year, True, sorted(luck, key=luck.get, reverse=True), rng,
                                        tendency))
        order = year_end_order(cluster, year, tendency.strength)
        scored.append(scored_period(cluster, template, year, False, order, rng, tendency))
        tendency.strength = carried(tendency.strength, order)
    return scored


def carried(strength: dict[str, float], order: list[str]) -> dict[str, float]:
    """Strengths moved halfway to the places of the year's ranking: a unit the roster puts first
    stays strong the year after rather than falling back at once."""
    spread_out = len(order) - 1
    standing = {unit: STANDING_RANGE * (spread_out - 2 * place) / spread_out for place, unit in enumerate(order)}
    return {unit: (s + standing[unit]) / 2 for unit, s in strength.items()}


def scored_period(cluster: Cluster, template: Template, year: int, mid_year: bool, order: list[str],
                  rng: random.Random, tendency: Tendencies) -> Period:
    awards = {} if mid_year else proposals(cluster, year, order)
    leader, *deputies = cluster.leadership[year]
    roles = {leader: "Cụm trưởng", **{deputy: "Cụm phó" for deputy in deputies}}
    period = Period(cluster, template, year, mid_year)
    for rank, (unit, total) in enumerate(zip(order, descending_totals(len(order), rng)), start=1):
        scores, own = unit_scores(template, total, rank, unit, tendency, rng)
        period.units.append(UnitScores(unit, rank, scores, own, awards.get(unit), roles.get(unit)))
    return period


# ---- writing: shared pieces --------------------------------------------------------------------------

def number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def shown_with_comma(value: float) -> str:
    """A score typed as text the Vietnamese way: '48,5', '50'."""
    return f"{number(value)}".replace(".", ",")


def period_words(period: Period) -> str:
    return f"SƠ KẾT 6 THÁNG ĐẦU NĂM {period.year}" if period.mid_year else f"NĂM {period.year}"


def signatures(sheet: Worksheet, row: int, left: int, right: int) -> None:
    put(sheet, row, left, "NGƯỜI LẬP BIỂU", font=BOLD, align=CENTRED)
    put(sheet, row, right, "TM. CỤM TRƯỞNG", font=BOLD, align=CENTRED)
    put(sheet, row + 1, right, "(Đã ký)", font=ITALIC, align=CENTRED)


def column_number_row(sheet: Worksheet, row: int, labels: list[str]) -> None:
    for column, label in enumerate(labels, start=1):
        put(sheet, row, column, label, font=ITALIC, align=CENTRED)


def score_cell(sheet: Worksheet, row: int, column: int, value: float | None) -> None:
    if value is not None:
        put(sheet, row, column, number(value), number_format="0.00")


def put_unit_row(sheet: Worksheet, row: int, values: list) -> None:
    """One unit's line of a summary table: scores as numbers with two decimals, words as they are."""
    for column, value in enumerate(values, start=1):
        if isinstance(value, float):
            score_cell(sheet, row, column, value)
        elif value is not None:
            put(sheet, row, column, value)


def written_province(province: str, style: str) -> str:
    """A province's Sở Nội vụ as a cluster writes it."""
    kind = "thành phố" if province in CITIES else "tỉnh"
    return {"full": f"Sở Nội vụ {kind} {province}", "short": f"SNV {province}", "plain": f"Sở Nội vụ {province}"}[style]


# ---- miền núi biên giới phía Bắc: self and cluster side by side ---------------------------------------

def paired_summary(period: Period) -> Workbook:
    """Three header rows: 'Điểm chấm theo tiêu chí' over each group over Tự chấm | Cụm chấm; bonus,
    penalty (positive) and total also in pairs; column numbers; TỔNG CỘNG; signatures."""
    template, workbook = period.template, Workbook()
    sheet = workbook.active
    sheet.title = "So ket 6 thang" if period.mid_year else f"Tong hop {period.year}"
    pairs = [*template.groups, template.bonus, template.penalty]
    tail = ["Tổng điểm", "Xếp hạng"] + ([] if period.mid_year else ["Đề nghị khen thưởng"]) + ["Ghi chú"]
    width = 2 + 2 * len(pairs) + 2 + len(tail) - 1
    row = title_rows(sheet, width, ("BỘ NỘI VỤ", period.cluster.name.upper()),
                     f"BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA {period_words(period)}",
                     "(Kèm theo Biên bản họp Cụm thi đua)")
    put(sheet, 3, 3, f"{period.cluster.leadership[period.year][0]}, {SIGNED_DATE.format(year=period.year)}",
        across=width - 2, font=ITALIC, align=CENTRED)
    put(sheet, row, 1, "STT", down=3, font=BOLD, align=CENTRED)
    put(sheet, row, 2, "Đơn vị", down=3, font=BOLD, align=CENTRED)
    put(sheet, row, 3, "Điểm chấm theo tiêu chí", across=2 * len(template.groups), font=BOLD, align=CENTRED)
    column = 3
    for criterion in pairs:
        label = f"{criterion.code}. {criterion.title} ({number(criterion.maximum)} điểm)" \
            if criterion in template.groups else criterion.title
        if criterion in template.groups:
            put(sheet, row + 1, column, label, across=2, font=BOLD, align=CENTRED)
        else:
            put(sheet, row, column, label, across=2, down=2, font=BOLD, align=CENTRED)
        column += 2
    put(sheet, row, column, "Tổng điểm", across=2, down=2, font=BOLD, align=CENTRED)
    for offset in range(0, 2 * len(pairs) + 2, 2):
        put(sheet, row + 2, 3 + offset, "Tự chấm", font=BOLD, align=CENTRED)
        put(sheet, row + 2, 4 + offset, "Cụm chấm", font=BOLD, align=CENTRED)
    for offset, label in enumerate(tail[1:]):
        put(sheet, row, column + 2 + offset, label, down=3, font=BOLD, align=CENTRED)
    column_number_row(sheet, row + 3, [f"({n})" for n in range(1, width + 1)])
    row += 4
    first = row
    for unit in period.units:
        values = [unit.rank, written_province(unit.unit, "full")]
        for criterion in pairs:
            values += [unit.points(criterion, "own"), unit.points(criterion, "cluster")]
        values += [unit.total(template, "own"), unit.total(template, "cluster"), unit.rank]
        values += ([] if period.mid_year else [unit.award]) + [unit.role]
        put_unit_row(sheet, row, values)
        row += 1
    put(sheet, row, 2, "TỔNG CỘNG", font=BOLD)
    for column in range(3, 3 + 2 * len(pairs) + 2):
        sums = [sheet.cell(r, column).value or 0 for r in range(first, row)]
        score_cell(sheet, row, column, round(sum(sums), 2))
    signatures(sheet, row + 2, 2, width - 3)
    widths(sheet, 5, 30, *[8] * (2 * len(pairs) + 2), 8, *([24] if not period.mid_year else []), 12)
    return workbook


# ---- Trung du và miền núi phía Bắc: a summary and a detail sheet per unit ----------------------------

def summary_with_details(period: Period) -> Workbook:
    """A summary of totals (Tự chấm | Cụm chấm under 'Tổng điểm'), then each unit's criteria on a
    sheet named after its province without diacritics."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Tong hop"
    labels = ["STT", "Đơn vị", "Tổng điểm", None, "Xếp hạng", "Đề nghị khen thưởng", "Ghi chú"]
    row = title_rows(sheet, len(labels), ("BỘ NỘI VỤ", period.cluster.name.upper()),
                     f"KẾT QUẢ CHẤM ĐIỂM, XẾP HẠNG THI ĐUA {period_words(period)}",
                     "(Chi tiết điểm của từng đơn vị tại các trang kèm theo)")
    for column, label in enumerate(labels, start=1):
        if label == "Tổng điểm":
            put(sheet, row, column, label, across=2, font=BOLD, align=CENTRED)
        elif label:
            put(sheet, row, column, label, down=2, font=BOLD, align=CENTRED)
    put(sheet, row + 1, 3, "Tự chấm", font=BOLD, align=CENTRED)
    put(sheet, row + 1, 4, "Cụm chấm", font=BOLD, align=CENTRED)
    row += 2
    for unit in period.units:
        for column, value in enumerate([unit.rank, written_province(unit.unit, "short")], start=1):
            put(sheet, row, column, value)
        score_cell(sheet, row, 3, unit.total(period.template, "own"))
        score_cell(sheet, row, 4, unit.total(period.template, "cluster"))
        put(sheet, row, 5, unit.rank)
        put(sheet, row, 6, unit.award)
        put(sheet, row, 7, unit.role)
        row += 1
    signatures(sheet, row + 1, 2, 6)
    widths(sheet, 5, 26, 10, 10, 9, 34, 12)
    for unit in sorted(period.units, key=lambda u: period.cluster.members.index(u.unit)):
        detail_sheet(workbook.create_sheet(strip_diacritics(unit.unit)), period, unit, codes_apart=True)
    return workbook


def detail_sheet(sheet: Worksheet, period: Period, unit: UnitScores, codes_apart: bool) -> None:
    """One unit's criteria, a row each, groups carrying their subtotals. codes_apart: codes in a
    'TT' column, penalties negative, the unit named by the sheet; else codes before the words, a
    two-row header, penalties positive and the unit named in the title."""
    template = period.template
    width = 6 if codes_apart else 5
    subtitle = "(Kèm theo Bảng tổng hợp kết quả chấm điểm của Cụm)" if codes_apart \
        else f"Đơn vị: {written_province(unit.unit, 'full')}"
    row = title_rows(sheet, width, (period.cluster.name.upper(),), f"BẢNG CHẤM ĐIỂM THI ĐUA {period_words(period)}",
                     subtitle)
    if codes_apart:
        for column, label in enumerate(["TT", "Nội dung tiêu chí", "Điểm chuẩn", "Điểm tự chấm", "Điểm Cụm chấm",
                                        "Ghi chú"], start=1):
            put(sheet, row, column, label, font=BOLD, align=CENTRED)
        column_number_row(sheet, row + 1, [f"({n})" for n in range(1, width + 1)])
        row += 2
    else:
        for column, label in ((1, "Nội dung, tiêu chí chấm điểm"), (2, "Điểm tối đa"), (5, "Ghi chú")):
            put(sheet, row, column, label, down=2, font=BOLD, align=CENTRED)
        put(sheet, row, 3, "Kết quả chấm điểm", across=2, font=BOLD, align=CENTRED)
        put(sheet, row + 1, 3, "Tự chấm", font=BOLD, align=CENTRED)
        put(sheet, row + 1, 4, "Cụm thẩm định", font=BOLD, align=CENTRED)
        row += 2
    penalty_sign = -1 if codes_apart else 1
    for criterion, path, depth in criteria_rows(template):
        own, confirmed = unit.points(criterion, "own", path), unit.points(criterion, "cluster", path)
        if (path or criterion.code).split("/")[0] == template.penalty.code:
            own, confirmed = penalty_sign * own or None, penalty_sign * confirmed or None
        words = criterion.title.upper() if depth == 0 else criterion.title
        code = f"{criterion.code})" if criterion.code.isalpha() and criterion.code.islower() else f"{criterion.code}."
        cells = [criterion.code, words] if codes_apart else [f"{code} {words}"]
        cells += [number(criterion.maximum) if criterion.maximum is not None else None, own, confirmed]
        for column, value in enumerate(cells, start=1):
            if isinstance(value, float):
                score_cell(sheet, row, column, value)
            elif value is not None:
                put(sheet, row, column, value, font=BOLD if depth == 0 else None)
        row += 1
    closing = [None, "TỔNG CỘNG (I+II+III+IV+V+VI-VII)"] if codes_apart else ["TỔNG CỘNG"]
    for column, value in enumerate(closing, start=1):
        put(sheet, row, column, value, font=BOLD)
    for column, value in enumerate([100, unit.total(template, "own"), unit.total(template, "cluster")],
                                   start=len(closing) + 1):
        put(sheet, row, column, number(value), font=BOLD, number_format="0.00")
    signatures(sheet, row + 2, 2 if codes_apart else 1, width - 1)
    widths(sheet, *([6, 52, 10, 10, 10, 14] if codes_apart else [60, 10, 10, 12, 14]))


def criteria_rows(template: Template) -> list[tuple[Criterion, str, int]]:
    """Every criterion of a template in sheet order, with its path and depth."""
    rows = []

    def visit(criterion: Criterion, prefix: str, depth: int) -> None:
        path = f"{prefix}/{criterion.code}" if prefix else criterion.code
        rows.append((criterion, prefix, depth))
        for child in criterion.children:
            visit(child, path, depth + 1)

    for group in (*template.groups, template.bonus, template.penalty):
        visit(group, "", 0)
    return rows


# ---- các tỉnh, thành Bắc Bộ: detail sheets only ----------------------------------------------------

def details_only(period: Period) -> Workbook:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for unit in sorted(period.units, key=lambda u: period.cluster.members.index(u.unit)):
        detail_sheet(workbook.create_sheet(strip_diacritics(unit.unit)), period, unit, codes_apart=False)
    return workbook


# ---- miền Trung, Tây Nguyên: groups under a merged header, negative penalties -------------------------

def merged_header_summary(period: Period) -> Workbook:
    template, workbook = period.template, Workbook()
    sheet = workbook.active
    sheet.title = "Sheet1"
    groups = len(template.groups)
    tail = ["Điểm thưởng", "Điểm trừ", "Tổng điểm", "Tổng điểm tự chấm", "Xếp hạng", "Đề nghị khen thưởng", "Ghi chú"]
    width = 2 + groups + len(tail)
    row = title_rows(sheet, width, (period.cluster.name.upper(), f"SỞ NỘI VỤ {period.cluster.leadership[period.year][0].upper()}"),
                     f"BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA {period_words(period)}",
                     f"(Kèm theo Biên bản Hội nghị tổng kết công tác thi đua, khen thưởng năm {period.year} của Cụm)")
    put(sheet, row, 1, "STT", down=2, font=BOLD, align=CENTRED)
    put(sheet, row, 2, "Đơn vị", down=2, font=BOLD, align=CENTRED)
    put(sheet, row, 3, "Điểm chấm theo tiêu chí", across=groups, font=BOLD, align=CENTRED)
    for offset, group in enumerate(template.groups):
        put(sheet, row + 1, 3 + offset, f"{group.code}. {group.title} ({number(group.maximum)} điểm)", font=BOLD,
            align=CENTRED)
    for offset, label in enumerate(tail):
        put(sheet, row, 3 + groups + offset, label, down=2, font=BOLD, align=CENTRED)
    numbers = [f"({n})" for n in range(1, width + 1)]
    numbers[2 + groups + 2] += "=" + "+".join(numbers[2:2 + groups + 2])  # the penalty is written negative
    column_number_row(sheet, row + 2, numbers)
    row += 3
    first = row
    for unit in period.units:
        values = [unit.rank, written_province(unit.unit, "plain"),
                  *(unit.points(group, "cluster") for group in template.groups),
                  unit.points(template.bonus, "cluster") or None, -unit.points(template.penalty, "cluster") or None,
                  unit.total(template, "cluster"), unit.total(template, "own"), unit.rank, unit.award, unit.role]
        put_unit_row(sheet, row, values)
        row += 1
    put(sheet, row, 2, "Bình quân", font=BOLD)
    for column in [*range(3, 3 + groups), 3 + groups + 2, 3 + groups + 3]:
        values = [sheet.cell(r, column).value or 0 for r in range(first, row)]
        score_cell(sheet, row, column, round(sum(values) / len(values), 2))
    signatures(sheet, row + 2, 2, width - 2)
    widths(sheet, 5, 28, *[14] * groups, 9, 9, 10, 10, 9, 34, 12)
    return workbook


# ---- the advisory agencies of Lạng Sơn: a maxima row, scores typed as text ------------------------------

AGENCY_SELF_SCORES_FROM = 2021


def agency_summary(period: Period) -> Workbook:
    template, workbook = period.template, Workbook()
    sheet = workbook.active
    sheet.title = f"Nam {period.year}"
    with_own = period.year >= AGENCY_SELF_SCORES_FROM
    labels = ["STT", "Cơ quan, đơn vị", *(f"{g.code}. {g.title}" for g in template.groups), template.bonus.title,
              template.penalty.title, "Tổng điểm", *(["Tổng điểm tự chấm"] if with_own else []), "Xếp hạng",
              "Hình thức khen thưởng đề nghị"]
    row = title_rows(sheet, len(labels), ("UBND TỈNH LẠNG SƠN", "CỤM THI ĐUA CÁC CƠ QUAN THAM MƯU TỔNG HỢP"),
                     f"KẾT QUẢ CHẤM ĐIỂM, XẾP HẠNG THI ĐUA {period_words(period)}",
                     f"(Kèm theo Biên bản họp Cụm thi đua ngày 20/12/{period.year})")
    for column, label in enumerate(labels, start=1):
        put(sheet, row, column, label, font=BOLD, align=CENTRED)
    put(sheet, row + 1, 2, "Điểm chuẩn", font=ITALIC)
    maxima = [*(g.maximum for g in template.groups), template.bonus.maximum, None, 100, *([100] if with_own else [])]
    for column, value in enumerate(maxima, start=3):
        if value is not None:
            put(sheet, row + 1, column, number(value), font=ITALIC, align=CENTRED)
    row += 2
    for unit in period.units:
        scores = [*(unit.points(group, "cluster") for group in template.groups), unit.points(template.bonus, "cluster"),
                  unit.points(template.penalty, "cluster"), unit.total(template, "cluster"),
                  *([unit.total(template, "own")] if with_own else [])]
        put(sheet, row, 1, unit.rank)
        put(sheet, row, 2, unit.unit)
        for column, score in enumerate(scores, start=3):
            if score:
                put(sheet, row, column, shown_with_comma(score), align=RIGHT)
        put(sheet, row, 3 + len(scores), unit.rank)
        put(sheet, row, 4 + len(scores), unit.award)
        row += 1
    signatures(sheet, row + 1, 2, len(labels) - 1)
    widths(sheet, 5, 34, *[14] * len(template.groups), 9, 9, 10, *([10] if with_own else []), 9, 34)
    return workbook


# ---- the files ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Layout:
    template: Template
    workbook: Callable[[Period], Workbook]
    file_name: str              # with {year}


LAYOUTS = {  # by cluster name
    BORDER.name: Layout(HOME_AFFAIRS, paired_summary, "Cum SNV mien nui bien gioi phia Bac - Tong hop diem {year}.xlsx"),
    MIDLANDS.name: Layout(HOME_AFFAIRS, summary_with_details,
                          "Bang cham diem thi dua Cum SNV Trung du mien nui phia Bac nam {year}.xlsx"),
    NORTHERN.name: Layout(HOME_AFFAIRS, details_only, "Cham diem chi tiet cac SNV Bac Bo {year}.xlsx"),
    CENTRAL.name: Layout(CENTRAL_GROUPS, merged_header_summary, "KQ cham diem Cum mien Trung - Tay Nguyen {year}.xlsx"),
    LANG_SON_AGENCIES.name: Layout(AGENCY_GROUPS, agency_summary,
                                   "Lang Son - Cum co quan tham muu tong hop - {year}.xlsx"),
}
MID_YEAR_FILE = "Cum SNV mien nui bien gioi phia Bac - So ket 6 thang {year}.xlsx"


def all_periods() -> list[Period]:
    return [period for cluster in CLUSTERS for period in periods(cluster, LAYOUTS[cluster.name].template)]


def file_name(period: Period) -> str:
    return (MID_YEAR_FILE if period.mid_year else LAYOUTS[period.cluster.name].file_name).format(year=period.year)


def demo_workbooks() -> dict[str, Workbook]:
    return {file_name(period): LAYOUTS[period.cluster.name].workbook(period) for period in all_periods()}


def write_files(demo_dir: Path) -> list[Path]:
    """Writes the scoring demo files into demo_dir/scoring and returns their paths."""
    return save_workbooks(demo_dir / SUBDIR, demo_workbooks())
