"""The command line: python -m thidua [--db PATH] COMMAND (see README)."""
from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from thidua.config import default_db_path
from thidua.kinds.index import INDICES

if TYPE_CHECKING:
    from thidua.db import Database
    from thidua.export import TableHeading

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv")
LOCK_WAIT = 60.0  # the command line waits its turn while the dashboard reads, even under load


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
    ingest.add_argument("files", nargs="+", type=Path, help="tệp, hoặc thư mục: mọi bảng tính trong thư mục")
    ingest.add_argument("--kind", choices=["par", "index", "scoring", "roster"],
                        help="index: bảng một chỉ số cấp tỉnh (PAR Index, SIPAS, PCI, PAPI, DTI)")
    ingest.add_argument("--index", choices=list(INDICES),
                        help="chỉ số của bảng, khi tệp không ghi (par, sipas, pci, papi, dti)")
    ingest.add_argument("--year", type=int)
    ingest.add_argument("--cluster", help="tên đầy đủ của Cụm thi đua, khi tệp không ghi")
    ingest.add_argument("--period", choices=["year", "mid"], help="year: tổng kết năm; mid: sơ kết 6 tháng")

    query = commands.add_parser("query", help="chạy một truy vấn có tên trong queries/")
    query.add_argument("name")
    query.add_argument("--param", action="append", type=parse_param, default=[], metavar="KEY=VALUE")
    query.add_argument("--format", choices=["csv", "json"], default="csv")
    query.add_argument("--with-header", action="store_true",
                       help="CSV: trước bảng, các dòng tên kết quả, tham số, nguồn và ngày cập nhật, dấu dữ liệu minh họa")

    export = commands.add_parser("export", help="vẽ một biểu đồ ra tệp PNG, SVG hoặc PDF (16:9, 1920×1080)")
    export.add_argument("chart", help="kết quả có tên mà biểu đồ vẽ: par_ranking, rank_jumps, cluster_ranking, ...")
    export.add_argument("--param", action="append", type=parse_param, default=[], metavar="KEY=VALUE")
    export.add_argument("--format", choices=["png", "svg", "pdf"], help="mặc định: theo đuôi của tệp --out")
    export.add_argument("--out", type=Path, required=True)

    deck = commands.add_parser("deck", help="lập bộ trình chiếu cho một tỉnh, một Cụm thi đua hoặc một năm")
    deck.add_argument("--param", action="append", type=parse_param, default=[], metavar="KEY=VALUE",
                      help="province=TÊN hoặc cluster=MÃ_CỤM, thêm year=NĂM; hoặc chỉ year=NĂM cho cả nước")
    deck.add_argument("--out", type=Path, required=True, help="tệp .pptx, hoặc .pdf cho bản PDF")

    commands.add_parser("demo", help="dựng lại cơ sở dữ liệu từ dữ liệu minh họa trong data/")
    commands.add_parser("hash-password", help="tạo mã băm mật khẩu người nhập dữ liệu cho .streamlit/secrets.toml")
    return parser


def workbooks(paths: list[Path]) -> list[Path]:
    """The files named, a directory standing for the spreadsheets directly in it (by name; lock files
    Excel leaves beside an open workbook, ~$..., left out)."""
    found = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in WORKBOOK_SUFFIXES
                            and not p.name.startswith("~$"))
        else:
            found.append(path)
    return found


def run_ingest(db: Database, args: argparse.Namespace) -> int:
    from thidua.db import DatabaseUnwritable
    from thidua.ingest import ingest_files
    from thidua.readers.problems import Refused

    refused = 0
    for path, outcome in ingest_files(db, workbooks(args.files), kind=args.kind, year=args.year,
                                      cluster=args.cluster, period=args.period, index=args.index):
        if isinstance(outcome, FileNotFoundError):
            print(f"tệp «{path}»: không tìm thấy tệp.", file=sys.stderr)
            refused += 1
        elif isinstance(outcome, Refused):
            print(f"{path.name}: KHÔNG NHẬP — không có gì được ghi.", file=sys.stderr)
            for problem in outcome.problems:
                print(f"  lỗi: {problem}", file=sys.stderr)
            refused += 1
        elif isinstance(outcome, DatabaseUnwritable):
            print(f"{path.name}: KHÔNG NHẬP — {outcome}", file=sys.stderr)
            refused += 1
        elif isinstance(outcome, OSError):
            print(f"{path.name}: KHÔNG NHẬP — không đọc hoặc ghi được ({outcome.strerror or outcome}); "
                  "không có gì được ghi.", file=sys.stderr)
            refused += 1
        else:
            print(outcome.summary())
            for warning in outcome.warnings:
                print(f"  cảnh báo: {warning}", file=sys.stderr)
    return 1 if refused else 0


def run_query(db: Database, args: argparse.Namespace) -> int:
    from thidua.db import UnknownQuery, query_names

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
        from thidua.untrusted import csv_text

        if args.with_header:
            from thidua.export import heading_csv
            sys.stdout.write(heading_csv(query_heading(db, args.name, dict(args.param))))
        sys.stdout.write(csv_text(frame))
    return 0


def query_heading(db: Database, name: str, params: dict) -> TableHeading:
    """The lines above a named result's CSV: its name, its parameters, where its figures came from and when."""
    from thidua.export import TableHeading
    from thidua.reports import provenance

    origin = provenance(db.query("data_sources"), [(name, params)])
    return TableHeading(f"Kết quả «{name}»", params, origin.source, origin.updated, origin.illustrative)


def run_demo(db: Database, args: argparse.Namespace) -> int:
    from thidua.demo import rebuild_demo_database

    for outcome in rebuild_demo_database(db):
        print(outcome.summary())
    return 0


def run_hash_password(db: Database, args: argparse.Namespace) -> int:
    """Asks for a password twice (or reads one line when not at a terminal) and prints its hash."""
    from getpass import getpass

    from thidua.auth import hash_password

    if sys.stdin.isatty():
        password = getpass("Mật khẩu: ")
        if getpass("Nhập lại mật khẩu: ") != password:
            print("Hai lần nhập không khớp; chưa tạo mã băm.", file=sys.stderr)
            return 1
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    if len(password.strip()) < 10:
        print("Mật khẩu cần ít nhất 10 ký tự không kể dấu cách ở đầu và cuối.", file=sys.stderr)
        return 1
    print(hash_password(password))
    print('Dán vào .streamlit/secrets.toml, mục [thidua.uploaders]:  ten_dang_nhap = "<mã băm ở trên>"',
          file=sys.stderr)
    return 0


def run_export(db: Database, args: argparse.Namespace) -> int:
    from thidua.export import IMAGE_FORMATS
    from thidua.reports import build_chart

    fmt = args.format or args.out.suffix.lstrip(".").lower()
    if fmt not in IMAGE_FORMATS:
        print(f"Không biết vẽ ra định dạng nào cho tệp «{args.out}»: dùng --format png, svg hoặc pdf.", file=sys.stderr)
        return 1

    def build() -> tuple[bytes, list[str]]:
        chart = build_chart(db.query, args.chart, dict(args.param))
        return chart.image(fmt), [f"{chart.title}: {chart.takeaway}"]

    return _write_report(db, args.out, build)


def run_deck(db: Database, args: argparse.Namespace) -> int:
    from thidua.reports import plan_deck

    suffix = args.out.suffix.lower()
    if suffix not in (".pptx", ".pdf"):
        print(f"Tệp «{args.out}» phải có đuôi .pptx (PowerPoint) hoặc .pdf.", file=sys.stderr)
        return 1

    def build() -> tuple[bytes, list[str]]:
        deck = plan_deck(db.query, dict(args.param))
        data = deck.pptx() if suffix == ".pptx" else deck.pdf()
        return data, [f"{deck.title} ({len(deck.charts) + 1} trang)",
                      *(f"  {chart.title}: {chart.takeaway}" for chart in deck.charts)]

    return _write_report(db, args.out, build)


def _write_report(db: Database, out: Path, build) -> int:
    """Loads the demo data into a database never written to (as the dashboard's first run does), builds
    the file, writes it and prints what it holds; a Vietnamese reason on stderr when it cannot."""
    from thidua.demo import load_demo_if_empty
    from thidua.export import ExportError
    from thidua.reports import ReportError

    if load_demo_if_empty(db):
        print("Cơ sở dữ liệu chưa có số liệu: đã nạp dữ liệu minh họa từ data/demo.", file=sys.stderr)
    try:
        data, lines = build()
        out.write_bytes(data)
    except (ReportError, ExportError) as failure:
        print(failure, file=sys.stderr)
        return 1
    except OSError as failure:
        print(f"Không ghi được tệp «{out}»: {failure.strerror}.", file=sys.stderr)
        return 1
    print(f"{out}: " + "\n".join(lines))
    return 0


COMMANDS = {"ingest": run_ingest, "query": run_query, "demo": run_demo, "export": run_export, "deck": run_deck,
            "hash-password": run_hash_password}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    starting_readers = None
    if args.command == "ingest":  # the worker processes that read the files start while the rest of the program loads
        from thidua.io import isolated
        starting_readers = threading.Thread(target=isolated.warm, name="start-readers", daemon=True)
        starting_readers.start()
    from thidua.db import Database, DatabaseBusy, DatabaseUnwritable

    db = Database(args.db or default_db_path(), lock_wait=LOCK_WAIT)
    try:
        return COMMANDS[args.command](db, args)
    except (DatabaseBusy, DatabaseUnwritable) as failure:
        print(failure, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Đã dừng theo yêu cầu; lần ghi đang dở (nếu có) không được ghi.", file=sys.stderr)
        return 130
    except Exception as error:  # a fault of the program: one Vietnamese line instead of a traceback
        print(f"Lỗi ngoài dự kiến khi chạy lệnh «{args.command}» ({type(error).__name__}: {error}). "
              "Không có gì được ghi dở; hãy báo người quản trị kèm dòng này.", file=sys.stderr)
        return 2
    finally:
        if starting_readers is not None:  # a worker still starting as the program ends prints a traceback
            starting_readers.join()


if __name__ == "__main__":
    sys.exit(main())
