"""The illustrative demo data: plausible numbers, the seed facts, files the readers accept, and
shipped files that equal what the generator makes."""
import random
import unicodedata

import pandas as pd
import pytest

from thidua.config import DEMO_DIR
from thidua.db import Database
from thidua.demo import DEMO_UPLOADER, build_demo_database, demo_files, par, rebuild_demo_database, write_demo_files
from thidua.demo import indices as demo_indices
from thidua.demo import roster as demo_roster
from thidua.demo import scoring as demo_scoring
from thidua.ingest import detect_kind, read_upload
from thidua.provinces import registry
from thidua.readers.par import read_par
from thidua.readers.scoring import read_scoring
from thidua.readers.units import cluster_key
from thidua.io.workbook import load_sheets

OFFICIAL_NAMES = {p.name for p in registry().provinces}


@pytest.fixture(scope="module")
def scores():
    return par.illustrative_scores()


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    directory = tmp_path_factory.mktemp("demo")
    return directory, write_demo_files(directory)


@pytest.fixture(scope="module")
def par_files(generated):
    return [path for path in generated[1] if path.parent.name == par.SUBDIR]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory, generated):
    db = Database(tmp_path_factory.mktemp("db") / "t.duckdb")
    outcomes = build_demo_database(db, generated[0])
    return db, outcomes


# ---- the numbers ---------------------------------------------------------------------------------

def test_every_year_ranks_all_63_provinces_with_distinct_two_decimal_scores_in_range(scores):
    assert list(scores) == list(range(2017, 2025))
    for year, by_name in scores.items():
        assert set(by_name) == OFFICIAL_NAMES, year
        values = list(by_name.values())
        assert len(set(values)) == 63, f"{year} has tied scores"
        assert all(par.SCORE_FLOOR <= v <= par.SCORE_CEILING and round(v, 2) == v for v in values), year


def test_scores_rise_slowly_then_drop_at_the_2022_method_change(scores):
    means = {year: sum(s.values()) / 63 for year, s in scores.items()}
    assert means[2017] == pytest.approx(80, abs=0.5)
    assert means[2017] < means[2019] < means[2021]
    assert means[2022] < means[2021] - 2


def test_the_seed_articles_rank_jumps_from_2020_to_2021_hold_exactly(scores):
    before, after = par.ranks(scores[2020]), par.ranks(scores[2021])
    jumps = {name: before[name] - after[name] for name in ("Lạng Sơn", "Lai Châu", "Hà Giang", "Sơn La")}
    assert jumps == {"Lạng Sơn": 13, "Lai Châu": 7, "Hà Giang": 5, "Sơn La": 5}


def test_quang_ninh_stays_near_the_top(scores):
    places = [par.ranks(by_name)["Quảng Ninh"] for by_name in scores.values()]
    assert max(places) <= 5 and sum(place <= 3 for place in places) >= 6


def test_rank_jumps_are_placed_exactly_and_impossible_ones_refused():
    previous = list("abcdefgh")
    moved = par.with_rank_jumps(list("hgfedcba"), previous, {"f": 3, "h": 1})
    assert moved.index("f") == 2 and moved.index("h") == 6
    assert sorted(moved) == previous
    with pytest.raises(ValueError):
        par.with_rank_jumps(previous, previous, {"b": 2})
    with pytest.raises(ValueError):
        par.with_rank_jumps(previous, previous, {"e": 1, "f": 2})


def test_the_2022_areas_stay_within_their_maxima_and_add_up_to_the_index(scores):
    rng = random.Random(7)
    maxima = list(par.AREAS_2022.values())
    assert sum(maxima) == 100
    for total in scores[2022].values():
        points = par.area_points(total, rng)
        assert all(0 < p <= m for p, m in zip(points, maxima))
        assert round(sum(points), 2) == total


def test_variant_spellings_differ_from_the_official_names_but_resolve_to_them():
    for name in OFFICIAL_NAMES:
        assert par.written_as_in_2021(name) != name
        for spelling in (par.written_as_in_2021(name), par.decomposed(name)):
            assert registry().resolve(spelling).name == name
    assert par.written_as_in_2021("Hòa Bình") == "Tỉnh Hoà Bình"
    assert par.written_as_in_2021("Hồ Chí Minh") == "TP. Hồ Chí Minh"


# ---- the files -----------------------------------------------------------------------------------

def test_every_sheet_says_its_figures_are_illustrative(generated):
    for path in generated[1]:
        for sheet in load_sheets(path, path.name):
            title = [str(v) for row in sheet.rows[:8] for v in row]
            assert par.ILLUSTRATIVE in title, f"{path.name} / {sheet.name}"


def test_the_2024_sheet_writes_names_in_decomposed_unicode(par_files):
    path = next(p for p in par_files if "2024" in p.name)
    sheet = next(s for s in load_sheets(path, path.name) if "2024" in s.name)
    names = [row[1] for row in sheet.rows if isinstance(row[1], str) and registry().resolve(row[1])]
    assert len(names) == 63
    assert all(name == unicodedata.normalize("NFD", name) for name in names)
    assert sum(name != unicodedata.normalize("NFC", name) for name in names) > 50


def test_generating_twice_gives_the_same_bytes(generated, tmp_path):
    again = write_demo_files(tmp_path)
    assert [p.name for p in again] == [p.name for p in generated[1]]
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(again, generated[1]))


def workbook_content(path):
    """Every sheet's cells and merged ranges: what a reader sees, whatever XML writer made the bytes."""
    return [(sheet.name, sheet.rows, sheet.merged) for sheet in load_sheets(path, path.name)]


def test_the_shipped_demo_files_hold_exactly_what_the_generator_makes(generated):
    directory, paths = generated
    shipped = demo_files()
    assert [p.relative_to(DEMO_DIR) for p in shipped] == [p.relative_to(directory) for p in paths], (
        "data/demo is out of date: run write_demo_files()")
    for made, ships in zip(paths, shipped):
        assert workbook_content(made) == workbook_content(ships), f"{ships} differs from the generator's output"
    assert sum(p.stat().st_size for p in shipped) < 1_000_000


def test_every_file_reads_as_par_with_all_provinces_and_the_generated_numbers(par_files, scores):
    codes = {p.code: p.name for p in registry().provinces}
    seen_years = []
    for path in par_files:
        result = read_par(path.read_bytes(), path.name)
        assert not result.warnings, [str(w) for w in result.warnings]
        for year in result.years:
            rows = result.scores[result.scores.year == year]
            assert sorted(rows.province_code) == sorted(codes), f"{path.name} {year}"
            read = {codes[r.province_code]: (round(r.score, 2), int(r.rank)) for r in rows.itertuples()}
            places = par.ranks(scores[year])
            assert read == {name: (score, places[name]) for name, score in scores[year].items()}, f"{path.name} {year}"
        seen_years += result.years
    assert sorted(seen_years) == list(range(2017, 2025))


def test_the_2020_file_carries_sipas_and_the_2022_file_the_eight_areas(par_files):
    by_year = {year: read_par(p.read_bytes(), p.name) for p in par_files
               for year in read_par(p.read_bytes(), p.name).years}
    sipas = by_year[2020].scores.sipas
    assert sipas.notna().all() and sipas.between(60, 100).all()
    areas = by_year[2022].components
    assert len(areas) == 63 * 8 and areas.score.between(0, 25).all()


# ---- the scoring workbooks ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def scoring_read(generated):
    """Each scoring file's reading, by (cluster key, year, period)."""
    readings = {}
    for path in generated[1]:
        if path.parent.name == demo_scoring.SUBDIR:
            assert detect_kind(path.read_bytes(), path.name) == "scoring", path.name
            result = read_scoring(path, path.name)
            readings[result.cluster_key, result.year, result.period] = result
    return readings


def scored_units(result) -> dict[str, dict]:
    return result.units.set_index("unit").to_dict("index")


def unit_name(cluster, unit: str) -> str:
    return unit if cluster is demo_roster.LANG_SON_AGENCIES else f"Sở Nội vụ {unit}"


def test_every_cluster_has_its_year_ends_and_one_mid_year_review_each_read_without_a_warning(scoring_read):
    expected = {(cluster_key(c.name), year, "year") for c in demo_roster.CLUSTERS for year in range(2019, 2025)}
    mid_cluster, mid_year = demo_scoring.MID_YEAR_REVIEW
    assert set(scoring_read) == expected | {(cluster_key(mid_cluster.name), mid_year, "mid")}
    assert {key: [str(w) for w in r.warnings] for key, r in scoring_read.items() if r.warnings} == {}
    assert {r.shape for r in scoring_read.values()} == {"summary", "mixed", "detail"}


def test_the_workbooks_hold_the_generated_scores(scoring_read):
    for period in demo_scoring.all_periods():
        key = (cluster_key(period.cluster.name), period.year, "mid" if period.mid_year else "year")
        read, template = scored_units(scoring_read[key]), period.template
        assert len(read) == len(period.units), key
        for unit in period.units:
            row = read[unit_name(period.cluster, unit.unit)]
            own = None if pd.isna(row["self_total"]) else row["self_total"]  # some workbooks have no self scores
            assert (row["total"], row["rank"], row["bonus"], row["penalty"]) == (
                unit.total(template, "cluster"), unit.rank, unit.points(template.bonus, "cluster"),
                unit.points(template.penalty, "cluster")), (key, unit.unit)
            assert own in (None, unit.total(template, "own")), (key, unit.unit)
    agencies = {year: scoring_read[cluster_key(demo_roster.LANG_SON_AGENCIES.name), year, "year"].units
                for year in (2020, 2021)}
    assert agencies[2020].self_total.isna().all() and agencies[2021].self_total.notna().all()  # from 2021 on


def test_year_end_ranks_and_proposals_agree_with_the_rosters(scoring_read):
    for cluster in demo_roster.CLUSTERS:
        for year in demo_roster.YEARS:
            result = scoring_read[cluster_key(cluster.name), year, "year"]
            read = scored_units(result)
            listed = demo_scoring.roster_awards(cluster, year)
            flagged = [unit for unit, award in listed.items() if award.startswith("Cờ thi đua")]
            first = result.units.unit[result.units["rank"] == 1].tolist()
            assert first == [unit_name(cluster, flagged[0] if flagged else cluster.leadership[year][0])], (cluster.name,
                                                                                                          year)
            if result.units.award.notna().any():  # the layouts with an award column
                assert {unit_name(cluster, u): a for u, a in listed.items()}.items() <= {
                    u: row["award"] for u, row in read.items()}.items(), (cluster.name, year)
    central = scored_units(scoring_read[cluster_key(demo_roster.CENTRAL.name), 2020, "year"])
    assert [(u, row["rank"], row["award"]) for u, row in central.items() if row["rank"] <= 4] == [
        ("Sở Nội vụ Khánh Hòa", 1, "Cờ thi đua của Bộ Nội vụ"),
        ("Sở Nội vụ Đà Nẵng", 2, "Bằng khen của Bộ trưởng Bộ Nội vụ"),
        ("Sở Nội vụ Quảng Ngãi", 3, "Bằng khen của Bộ trưởng Bộ Nội vụ"),
        ("Sở Nội vụ Quảng Nam", 4, "Bằng khen của Bộ trưởng Bộ Nội vụ")]


def test_the_other_indices_read_as_themselves_with_the_generated_figures(generated):
    files = {p.name: p for p in generated[1] if p.parent.name == demo_indices.SUBDIR}
    read = {name: read_upload(path.read_bytes(), name).result.index_scores for name, path in files.items()}
    pci, papi, dti = (next(frame for name, frame in read.items() if key in name) for key in ("PCI", "PAPI", "DTI"))
    for year, scores in demo_indices.pci_scores().items():
        rows = pci[pci.year == year]
        best = sorted(scores, key=scores.get, reverse=True)[:30 if year >= demo_indices.PCI_TOP_FROM else None]
        assert dict(zip(rows.province, rows.score)) == {name: scores[name] for name in best}, year
        assert list(rows["rank"]) == list(range(1, len(best) + 1))
    papi_2023 = set(papi[papi.year == 2023].province)
    assert len(papi_2023) == 61 and not papi_2023 & set(demo_indices.PAPI_WITHOUT_FIGURES[2023])
    assert set(papi.band) == set(demo_indices.PAPI_GROUPS)
    assert sorted(dti.year.unique()) == list(demo_indices.DTI_YEARS) and dti.score.max() <= 1


def test_the_layouts_differ_as_real_ones_do(generated):
    def sheets(stem: str):
        path = next(p for p in generated[1] if p.name.startswith(stem) and "2022" in p.name)
        return {sheet.name: sheet for sheet in load_sheets(path, path.name)}

    def numbers_under(sheet, label: str, right: int = 0) -> list[float]:
        row, column = next((r, c) for r, values in enumerate(sheet.rows) for c, v in enumerate(values) if v == label)
        return [v for values in sheet.rows[row + 1:] if isinstance(v := values[column + right], (int, float))]

    border, central = sheets("Cum SNV mien nui"), sheets("KQ cham diem")
    assert next(iter(border.values())).rows[9][2:4] == ["Tự chấm", "Cụm chấm"]  # self beside cluster scores
    assert max(numbers_under(next(iter(border.values())), "Điểm trừ", right=1)) > 0  # penalties written positive...
    assert min(numbers_under(next(iter(central.values())), "Điểm trừ")) < 0  # ...and negative
    midlands = sheets("Bang cham diem")
    assert list(midlands) == ["Tong hop", "Bac Giang", "Bac Kan", "Phu Tho", "Hoa Binh", "Thai Nguyen", "Yen Bai",
                              "Tuyen Quang"]
    assert len(sheets("Cham diem chi tiet")) == len(demo_roster.NORTHERN.members)


# ---- the database --------------------------------------------------------------------------------

def test_the_demo_database_shows_the_seed_rank_jumps(demo_db):
    db, outcomes = demo_db
    assert len([o for o in outcomes if o.kind == "par"]) == 6 and all(o.upload_id is not None for o in outcomes)
    jumps = db.query("rank_jumps", from_year=2020, to_year=2021)
    assert len(jumps) == 63
    change = dict(zip(jumps.province, jumps.change))
    assert {name: change[name] for name in ("Lạng Sơn", "Lai Châu", "Hà Giang", "Sơn La")} == {
        "Lạng Sơn": 13, "Lai Châu": 7, "Hà Giang": 5, "Sơn La": 5}
    assert sorted(db.query("par_years").year) == list(range(2017, 2025))


def test_rebuilding_replaces_what_the_database_held(tmp_path, generated):
    db = Database(tmp_path / "t.duckdb")
    build_demo_database(db, generated[0])
    outcomes = rebuild_demo_database(db, generated[0])
    assert all(o.already_uploaded_as is None for o in outcomes)
    uploads = db.query("uploads")
    assert len(uploads) == len(outcomes) and set(uploads.uploaded_by) == {DEMO_UPLOADER}
