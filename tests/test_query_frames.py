"""Named results come through Arrow (thidua.db.result_frame) with the dtypes and values DuckDB's own
.df() gives: every named result on the demo database, with and without its optional filters, and on an
empty database; and the conversion's policy column type by column type."""
import re

import duckdb
import pandas as pd
import pytest

from thidua.db import Database, add_sql_functions, bind, optional_params, query_names, result_frame, sql_text

_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


@pytest.fixture(scope="module")
def samples(demo_database_file) -> dict[str, object]:
    db = Database(demo_database_file)
    cluster = db.query("clusters").cluster_id.iloc[0]
    year = int(db.query("cluster_years", cluster=cluster).year.max())
    par_years = list(db.query("par_years").year)
    return {"cluster": cluster, "year": year, "par_year": int(par_years[0]), "from_year": int(par_years[1]),
            "to_year": int(par_years[0]), "period": "year", "index": "par", "kind": "scoring",
            "unit": db.query("cluster_ranking", cluster=cluster, year=year).unit.iloc[0],
            "upload_id": int(db.query("uploads").upload_id.max()), "upload": int(db.query("uploads").upload_id.max())}


def cases(name: str, samples: dict) -> list[dict]:
    """The named result's required parameters alone (optional ones NULL: everything), then all of them."""
    sql = sql_text(name)
    wanted = dict.fromkeys(_PARAM.findall(sql))

    def value(parameter):
        return samples["year" if "cluster" in wanted else "par_year"] if parameter == "year" else samples[parameter]

    required = {p: value(p) for p in wanted if p not in optional_params(sql)}
    return [required, {p: value(p) for p in wanted}]


def as_duckdb_gives_it(path, name: str, params: dict) -> pd.DataFrame:
    connection = duckdb.connect(str(path))
    try:
        add_sql_functions(connection)
        sql = sql_text(name)
        return connection.execute(sql, bind(sql, params)).df()
    finally:
        connection.close()


@pytest.mark.parametrize("name", query_names())
def test_every_named_result_has_the_dtypes_and_values_duckdb_gives(name, demo_database_file, tmp_path, samples):
    empty = Database(tmp_path / "empty.duckdb")
    empty.query("provinces")  # migrated
    for db in (Database(demo_database_file), empty):
        for params in cases(name, samples):
            pd.testing.assert_frame_equal(db.query(name, **params), as_duckdb_gives_it(db.path, name, params))


def test_the_dtypes_the_pages_rely_on(demo_db, tmp_path, samples):
    awards = demo_db.query("awards")
    assert awards["rank"].isna().any() and str(awards["rank"].dtype) == "Int32"  # listed awards have no rank
    assert str(awards.unit.dtype) == "str" and str(awards.year.dtype) == "int32"
    ranking = demo_db.query("cluster_ranking", cluster=samples["cluster"])  # its first year has no year before
    assert str(ranking.rank_previous.dtype) == "Int64" and ranking.rank_computed.dtype == bool
    nothing = demo_db.query("awards", cluster="no-such-cluster")
    assert nothing.empty and nothing.unit.dtype == object and str(nothing["rank"].dtype) == "int32"


def test_the_cells_of_scoring_figures_are_text_or_nothing(demo_db):
    held = set()
    for cluster in demo_db.query("clusters").cluster_id:
        ranking = demo_db.query("cluster_ranking", cluster=cluster)
        year, unit = int(ranking.year.max()), ranking.unit.iloc[-1]
        criteria = demo_db.query("unit_criteria", cluster=cluster, year=year, unit=unit)
        for frame, columns in ((ranking, ("self_total_cell", "bonus_cell", "penalty_cell")),
                               (criteria, ("cluster_cell", "self_cell", "max_cell"))):
            for column in columns:
                written = frame[column].notna().any()
                assert str(frame[column].dtype) == ("str" if written else "object"), (cluster, column)
                held |= {column} if written else set()
    assert len(held) == 6  # each column holds cells somewhere in the demo


SQL_OF_EVERY_KIND = """SELECT * FROM (VALUES
    (1::INTEGER, NULL::INTEGER, 5::BIGINT, true, NULL::BOOLEAN, 'a', NULL::VARCHAR, 1.5::DOUBLE,
     TIMESTAMP '2020-01-01 10:00', NULL::TIMESTAMP, 2::SMALLINT, 3::HUGEINT, 1.25::DECIMAL(5, 2), DATE '2020-01-02'),
    (2, 3, 6, false, true, 'b', 'x', NULL, NULL, TIMESTAMP '2021-01-01', NULL, 4, 2.5, NULL)
) t(i, ni, b, bo, nbo, s, ns, d, ts, nts, sm, hi, dec, day)"""


@pytest.mark.parametrize("where", ["", "WHERE i = 1", "WHERE false"], ids=["nulls", "no nulls", "empty"])
@pytest.mark.parametrize("columns", ["* EXCLUDE (day)", "*"], ids=["through arrow", "with a date: by duckdb"])
def test_every_column_type_converts_as_duckdb_converts_it(where, columns):
    connection = duckdb.connect()
    sql = f"SELECT {columns} FROM ({SQL_OF_EVERY_KIND}) {where}"
    pd.testing.assert_frame_equal(result_frame(connection.sql(sql)), connection.sql(sql).df())


def test_a_result_can_be_changed_in_place(demo_db):
    uploads = demo_db.query("upload_history")
    uploads.loc[[0, 1], "row_count"] = 5
    uploads.loc[0, "uploaded_at"] = uploads.uploaded_at.iloc[1]
    uploads.loc[0, "file_name"] = "x.xlsx"
    assert list(uploads.row_count[:2]) == [5, 5] and uploads.file_name.iloc[0] == "x.xlsx"
    assert demo_db.query("upload_history").file_name.iloc[0] != "x.xlsx"
