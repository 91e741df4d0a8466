"""The dashboard's pages as the benchmarks see them: the list in app.py's st.navigation (so a page
added there is measured too), each page opened through AppTest as a browser opening it would, the
named results a page asks for, and a router like app.py with one more page that shows nothing (the
page benchmark's baseline: the same router, set-up and data, an empty page body)."""
from __future__ import annotations

import ast
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from thidua.config import ROOT
from thidua.db import Database

APP = ROOT / "app.py"
PAGE_TIMEOUT = 300
EMPTY_TITLE = "Trang trống"
EMPTY_PAGE = 'import streamlit as st\n\nst.title("Trang trống")\n'


@dataclass(frozen=True)
class Page:
    path: Path     # absolute
    title: str
    url_path: str = ""  # its address under the server's root ("" for the default page)


def _page_calls(tree: ast.AST) -> list[ast.Call]:
    return [node for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr == "Page" and node.args and isinstance(node.args[0], ast.Constant)]


def app_pages(app: Path = APP) -> list[Page]:
    """Every st.Page(...) of the router, in its order."""
    pages = []
    for call in sorted(_page_calls(ast.parse(app.read_text(encoding="utf-8"))), key=lambda c: (c.lineno, c.col_offset)):
        given = {k.arg: k.value.value for k in call.keywords if isinstance(k.value, ast.Constant)}
        pages.append(Page((app.parent / call.args[0].value).resolve(), given.get("title", Path(call.args[0].value).stem),
                          "" if given.get("default") else given.get("url_path", Path(call.args[0].value).stem)))
    return pages


def router_with_empty_page(directory: Path, app: Path = APP) -> tuple[Path, Page]:
    """A copy of the router in directory, its page paths made absolute and an empty page added to its
    st.navigation list as the default page; returns the copy and the empty page."""
    directory.mkdir(parents=True, exist_ok=True)
    empty = directory / "empty_page.py"
    empty.write_text(EMPTY_PAGE, encoding="utf-8")
    source = app.read_text(encoding="utf-8")
    tree = ast.parse(source)
    navigation = next(node for node in ast.walk(tree) if isinstance(node, ast.Call)
                      and isinstance(node.func, ast.Attribute) and node.func.attr == "navigation")
    listed = navigation.args[0]  # the empty page goes first, after the list's opening bracket, as the default
    edits = [(listed.lineno, listed.col_offset + 1, listed.col_offset + 1,
              f'st.Page({str(empty)!r}, title={EMPTY_TITLE!r}, url_path="trang-trong", default=True), ')]
    for call in _page_calls(tree):
        path = call.args[0]
        edits.append((path.lineno, path.col_offset, path.end_col_offset,
                      repr(str((app.parent / path.value).resolve()))))
        edits += [(k.value.lineno, k.value.col_offset, k.value.end_col_offset, "False")
                  for k in call.keywords if k.arg == "default"]
    lines = source.encode().splitlines(keepends=True)  # the parser's offsets count bytes
    for line_number, start, end, text in sorted(edits, reverse=True):  # right to left keeps offsets valid
        line = lines[line_number - 1]
        lines[line_number - 1] = line[:start] + text.encode() + line[end:]
    router = directory / "bench_app.py"
    router.write_bytes(b"".join(lines))
    return router, Page(empty.resolve(), EMPTY_TITLE)


def started(router: Path = APP):
    """An AppTest of the router after its first run (the default page), as a browser tab opening it."""
    from streamlit.testing.v1 import AppTest

    return show(AppTest.from_file(router, default_timeout=PAGE_TIMEOUT))


def show(app, page: Page | None = None):
    """Runs the app again, on page when given (a click in the navigation), else on the same page (a
    rerun, as a widget does); raises when the page raised."""
    if page is not None:
        app.switch_page(str(page.path))
    app.run()
    if app.exception:
        raise RuntimeError("; ".join(str(e.value) for e in app.exception))
    return app


@contextmanager
def recorded_queries() -> Iterator[list[tuple[str, dict]]]:
    """Every named result asked of any Database while the block runs, with its parameters."""
    calls: list[tuple[str, dict]] = []
    original = Database.query

    def recording(self, name, /, **params):
        calls.append((name, params))
        return original(self, name, **params)

    Database.query = recording
    try:
        yield calls
    finally:
        Database.query = original
