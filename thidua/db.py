"""The only door to DuckDB.

One connection per process, held only while some caller is working (so the command line can
write while the dashboard runs), and a cursor per call (DuckDB 2.0 refuses a connection shared
by threads). Every statement is a named file in queries/; values are bound as parameters.
"""
from __future__ import annotations

import json
import random
import re
import threading
import time
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Callable, Iterator

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
from duckdb.sqltypes import INTEGER, VARCHAR

from thidua.awards import award_level
from thidua.config import QUERIES_DIR, SCHEMA_DIR, default_db_path
from thidua.provinces import registry

_NAME = re.compile(r"^[a-z][a-z0-9_]*(/[a-z][a-z0-9_]*)?$")
_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_OPTIONAL = re.compile(r"^--\s*optional:\s*(.+)$", re.MULTILINE)
# Python functions the queries may call, registered on every connection.
SQL_FUNCTIONS = {"award_level": (award_level, [VARCHAR], INTEGER)}


def _per_distinct_value(function: Callable) -> Callable[..., pa.Array]:
    """A Python function as a vectorised SQL function: called once per distinct set of arguments in a
    chunk of rows, not once per row (row by row, award_level cost ~20 µs a row); NULL in, NULL out."""
    def apply(*columns: pa.Array) -> pa.Array:
        rows = list(zip(*(column.to_pylist() for column in columns)))
        results = {row: function(*row) for row in set(rows) if None not in row}
        return pa.array([results.get(row) for row in rows])
    return apply


def add_sql_functions(connection: duckdb.DuckDBPyConnection) -> None:
    """Registers SQL_FUNCTIONS on a connection (every connection opened here has them)."""
    for name, (function, parameters, returns) in SQL_FUNCTIONS.items():
        connection.create_function(name, _per_distinct_value(function), parameters, returns, type="arrow")


# The column types whose conversion through Arrow result_frame knows (DECIMAL(p,s) too); a result with
# any other type is converted by DuckDB's own .df().
_THROUGH_ARROW = {"BOOLEAN", "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "UTINYINT", "USMALLINT", "UINTEGER",
                  "UBIGINT", "HUGEINT", "FLOAT", "DOUBLE", "VARCHAR", "TIMESTAMP"}
_NULLABLE = {pa.int8(): pd.Int8Dtype(), pa.int16(): pd.Int16Dtype(), pa.int32(): pd.Int32Dtype(),
             pa.int64(): pd.Int64Dtype(), pa.uint8(): pd.UInt8Dtype(), pa.uint16(): pd.UInt16Dtype(),
             pa.uint32(): pd.UInt32Dtype(), pa.uint64(): pd.UInt64Dtype(), pa.bool_(): pd.BooleanDtype()}


def result_frame(result: duckdb.DuckDBPyRelation) -> pd.DataFrame:
    """A query's result as DuckDB's .df() gives it, through Arrow where it knows the column types (.df()
    took ~4 times as long on large results): whole numbers and booleans as numpy types, or pandas'
    nullable ones when a value is missing; text as pandas' str, or object in an empty result;
    DECIMAL and HUGEINT as float64; TIMESTAMP as datetime64[us]."""
    known = all(str(kind) in _THROUGH_ARROW or str(kind).startswith("DECIMAL(") for kind in result.types)
    if not known or len(set(result.columns)) < len(result.columns):
        return result.df()
    table = result.to_arrow_table()
    return pd.DataFrame({name: _column(column, empty=table.num_rows == 0)
                         for name, column in zip(table.column_names, table.columns)}, copy=False)


def _column(column: pa.ChunkedArray, *, empty: bool) -> pd.Series:
    if pa.types.is_string(column.type) and empty:
        return pd.Series([], dtype=object)
    if pa.types.is_decimal(column.type):
        column = column.cast(pa.float64())
    series = column.to_pandas(types_mapper=_NULLABLE.get if column.null_count else None)
    # Numbers and times arrive as read-only views of Arrow's buffers, which pandas then fails to set
    # values in ("assignment destination is read-only"): a copy of them costs little.
    return series.copy() if isinstance(series.dtype, np.dtype) else series


class DatabaseBusy(RuntimeError):
    """Another process holds the database file; the message is Vietnamese and names only the file."""


class DatabaseUnwritable(RuntimeError):
    """Writing failed (disk full, file too large, read-only disk): the transaction was rolled back and
    nothing of it was written. The message is Vietnamese."""


class UnknownQuery(KeyError):
    pass


@cache
def sql_text(name: str) -> str:
    """The text of queries/NAME.sql (NAME may be 'write/NAME')."""
    path = QUERIES_DIR / f"{name}.sql"
    if not _NAME.match(name) or not path.is_file():
        raise UnknownQuery(name)
    return path.read_text(encoding="utf-8")


def query_names() -> list[str]:
    """The named results anyone may run (writes live apart, in queries/write/)."""
    return sorted(p.stem for p in QUERIES_DIR.glob("*.sql"))


def optional_params(sql: str) -> set[str]:
    """Parameters a statement declares optional in a comment line '-- optional: a, b' (absent = NULL)."""
    return {name.strip() for line in _OPTIONAL.findall(sql) for name in line.split(",")}


def bind(sql: str, params: dict) -> dict:
    """The parameters the statement names; each is required unless declared optional (then NULL)."""
    wanted = dict.fromkeys(_PARAM.findall(sql))
    params = {**dict.fromkeys(optional_params(sql)), **params}
    missing = [name for name in wanted if name not in params]
    if missing:
        raise KeyError(f"thiếu tham số: {', '.join(missing)}")
    return {name: params[name] for name in wanted}


class Writer:
    """Runs named write statements inside one open transaction."""

    def __init__(self, cursor: duckdb.DuckDBPyConnection):
        self._cursor = cursor

    def run(self, name: str, /, **params) -> pd.DataFrame:
        sql = sql_text(name)
        return self._cursor.execute(sql, bind(sql, params)).df()

    def insert(self, name: str, frame: pd.DataFrame, /, **params) -> pd.DataFrame:
        """Runs a statement that reads the frame as the table `incoming`; returns what it returns."""
        # DuckDB scans an Arrow table faster than the frame itself (~15% of an upload's writes).
        self._cursor.register("incoming", pa.Table.from_pandas(frame, preserve_index=False))
        try:
            return self.run(name, **params)
        finally:
            self._cursor.unregister("incoming")


class Database:
    """lock_wait: how long to wait for another process to let go of the file, trying again at growing
    intervals (from RETRY_FIRST up to RETRY_LONGEST seconds) before giving up with DatabaseBusy."""

    RETRY_FIRST, RETRY_LONGEST = 0.05, 2.0

    def __init__(self, path: Path | str, lock_wait: float = 10.0):
        self.path = Path(path)
        self.lock_wait = lock_wait
        self._guard = threading.Lock()
        self._connection: duckdb.DuckDBPyConnection | None = None
        self._users = 0

    def _open(self) -> duckdb.DuckDBPyConnection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        deadline, pause = time.monotonic() + self.lock_wait, self.RETRY_FIRST
        while True:
            new = not self.path.exists()
            try:
                connection = duckdb.connect(str(self.path))
                break
            except duckdb.IOException as error:
                if "lock" not in str(error).lower():
                    raise
                if time.monotonic() >= deadline:
                    raise DatabaseBusy(
                        f"Cơ sở dữ liệu (tệp {self.path.name}) đang được một chương trình khác sử dụng "
                        f"(đã chờ {self.lock_wait:.0f} giây). Hãy thử lại sau ít phút."
                    ) from error
                time.sleep(min(pause * random.uniform(0.5, 1.0), max(deadline - time.monotonic(), 0)))
                pause = min(pause * 2, self.RETRY_LONGEST)
        if new:  # the scores and the upload history are for the people who run the dashboard only
            self.path.chmod(0o600)
        add_sql_functions(connection)
        _migrate(connection)
        return connection

    @contextmanager
    def _connected(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with self._guard:
            if self._connection is None:
                self._connection = self._open()
            self._users += 1
            connection = self._connection
        try:
            yield connection
        finally:
            with self._guard:
                self._users -= 1
                if self._users == 0:
                    self._connection.close()
                    self._connection = None

    @contextmanager
    def session(self) -> Iterator[None]:
        """Keeps one connection open for the calls inside the block (opening the file costs ~50 ms),
        e.g. while ingesting many files; it closes when the block ends."""
        with self._connected():
            yield

    def query(self, name: str, /, **params) -> pd.DataFrame:
        sql = sql_text(name)
        with self._connected() as connection:
            return result_frame(connection.cursor().sql(sql, params=bind(sql, params)))

    def explain(self, name: str, /, **params) -> list[dict]:
        """Where a named result spends its time: DuckDB's operators (type, seconds, rows, details) from
        EXPLAIN ANALYZE, slowest first."""
        sql = sql_text(name)
        with self._connected() as connection:
            plan = connection.cursor().execute("EXPLAIN (ANALYZE, FORMAT json) " + sql, bind(sql, params)).fetchall()
        found, waiting = [], list(json.loads(plan[0][1])["operator"])
        while waiting:
            operator = waiting.pop()
            waiting += operator.get("children", [])
            found.append({"type": operator["type"], "seconds": operator.get("timing", 0.0),
                          "rows": operator.get("intermediate_rows", 0), "details": operator.get("extra_info", {})})
        return sorted(found, key=lambda operator: operator["seconds"], reverse=True)

    @contextmanager
    def transaction(self) -> Iterator[Writer]:
        """All or nothing: the writes inside the block commit together or not at all."""
        with self._transaction(keep=True) as writer:
            yield writer

    @contextmanager
    def rehearsal(self) -> Iterator[Writer]:
        """A transaction that keeps nothing: the block writes, reads what the writes would change (through
        the same Writer), and everything is rolled back at its end."""
        with self._transaction(keep=False) as writer:
            yield writer

    @contextmanager
    def _transaction(self, *, keep: bool) -> Iterator[Writer]:
        with self._connected() as connection:
            cursor = connection.cursor()
            cursor.begin()
            try:
                yield Writer(cursor)
                if keep:
                    cursor.commit()
                else:
                    cursor.rollback()
            except (duckdb.IOException, duckdb.TransactionException) as error:
                _rolled_back(cursor)
                if not _could_not_write(error):
                    raise
                raise DatabaseUnwritable(
                    f"Không ghi được vào cơ sở dữ liệu (tệp {self.path.name}): đĩa đầy hoặc không ghi được "
                    "(lỗi hệ điều hành). Không có gì của lần ghi này được ghi; hãy giải phóng chỗ trống rồi thử lại."
                ) from error
            except BaseException:
                _rolled_back(cursor)
                raise


def _could_not_write(error: duckdb.Error) -> bool:
    """An error of the disk under the database (full, file too large, read-only), not of the data: a
    commit that cannot write its log says so as a TransactionException."""
    return isinstance(error, duckdb.IOException) or "could not write" in str(error).lower()


def _rolled_back(cursor: duckdb.DuckDBPyConnection) -> None:
    """Rolls back the open transaction, if it is still open (a failed commit may have ended it)."""
    try:
        cursor.rollback()
    except duckdb.Error:
        pass


def _migrate(connection: duckdb.DuckDBPyConnection) -> None:
    """Applies queries/schema/NNN_*.sql not yet applied, each in its own transaction."""
    cursor = connection.cursor()
    cursor.execute(sql_text("write/create_migrations"))
    applied = {row[0] for row in cursor.execute(sql_text("write/applied_migrations")).fetchall()}
    pending = [path for path in sorted(SCHEMA_DIR.glob("[0-9][0-9][0-9]_*.sql"))
               if int(path.name[:3]) not in applied]
    for path in pending:
        cursor.begin()
        cursor.execute(path.read_text(encoding="utf-8"))
        cursor.execute(sql_text("write/record_migration"), {"version": int(path.name[:3]), "name": path.stem})
        cursor.commit()
    if pending:
        _sync_provinces(cursor)


def _sync_provinces(cursor: duckdb.DuckDBPyConnection) -> None:
    cursor.begin()
    Writer(cursor).insert("write/replace_provinces", registry().frame())
    cursor.commit()


@cache
def database(path: str | None = None) -> Database:
    """The process's Database for a path (default: THIDUA_DB or data/thidua.duckdb)."""
    return Database(path or default_db_path())
