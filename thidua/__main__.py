"""The command line: python -m thidua [--db PATH] COMMAND (see README)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from thidua.config import default_db_path
from thidua.db import Database, DatabaseBusy, UnknownQuery, query_names
from thidua.readers.problems import Refused


def parse_param(text: str) -> tuple[str, object]:
    """'year=2021' -> ('year', 2021); numbers become numbers, everything else stays text."""
    key, sep, value = text.partition("=")
    if not sep or not key:
        raise argparse.ArgumentTypeError(f"tham số phải có dạng KHÓA=GIÁ_TRỊ, nhận được «{text}»")
    for convert in (int, float):
        try:
            return key, convert(value)
        except ValueError:
            pass
    return key, value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m thidua", description="thidua: dữ liệu thi đua và Chỉ số CCHC")
    parser.add_argument("--db", type=Path, help="tệp DuckDB (mặc định: THIDUA_DB, hoặc data/thidua.duckdb)")
    commands = parser.add_subparsers(dest="command", required=True)

    ingest = commands.add_parser("ingest", help="đọc và ghi các tệp Excel/CSV vào cơ sở dữ liệu")
    ingest.add_argument("files", nargs="+", type=Path)
    ingest.add_argument("--kind", choices=["par", "scoring", "roster"])
    ingest.add_argument("--year", type=int)
    ingest.add_argument("--cluster", help="tên đầy đủ của Cụm thi đua, khi tệp không ghi")
    ingest.add_argument("--period", choices=["year", "mid"], help="year: tổng kết năm; mid: sơ kết 6 tháng")

    query = commands.add_parser("query", help="chạy một truy vấn có tên trong queries/")
    query.add_argument("name")
    query.add_argument("--param", action="append", type=parse_param, default=[], metavar="KEY=VALUE")
    query.add_argument("--format", choices=["csv", "json"], default="csv")

    commands.add_parser("demo", help="dựng lại cơ sở dữ liệu từ dữ liệu minh họa trong data/")
    return parser


def run_ingest(db: Database, args: argparse.Namespace) -> int:
    from thidua.ingest import ingest_file

    refused = 0
    for path in args.files:
        try:
            outcome = ingest_file(db, path, path.name, kind=args.kind, year=args.year, cluster=args.cluster,
                                  period=args.period)
        except FileNotFoundError:
            print(f"tệp «{path}»: không tìm thấy tệp.", file=sys.stderr)
            refused += 1
            continue
        except Refused as refusal:
            print(f"{path.name}: KHÔNG NHẬP — không có gì được ghi.", file=sys.stderr)
            for problem in refusal.problems:
                print(f"  lỗi: {problem}", file=sys.stderr)
            refused += 1
            continue
        print(outcome.summary())
        for warning in outcome.warnings:
            print(f"  cảnh báo: {warning}", file=sys.stderr)
    return 1 if refused else 0


def run_query(db: Database, args: argparse.Namespace) -> int:
    try:
        frame = db.query(args.name, **dict(args.param))
    except UnknownQuery:
        print(f"Không có truy vấn «{args.name}». Các truy vấn: {', '.join(query_names())}", file=sys.stderr)
        return 1
    except KeyError as missing:
        print(f"Truy vấn «{args.name}» {missing.args[0]} (dùng --param KHÓA=GIÁ_TRỊ).", file=sys.stderr)
        return 1
    if args.format == "json":
        sys.stdout.write(frame.to_json(orient="records", force_ascii=False, date_format="iso") + "\n")
    else:
        frame.to_csv(sys.stdout, index=False)
    return 0


def run_demo(db: Database, args: argparse.Namespace) -> int:
    from thidua.demo import rebuild_demo_database

    for outcome in rebuild_demo_database(db):
        print(outcome.summary())
    return 0


COMMANDS = {"ingest": run_ingest, "query": run_query, "demo": run_demo}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    db = Database(args.db or default_db_path())
    try:
        return COMMANDS[args.command](db, args)
    except DatabaseBusy as busy:
        print(busy, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
