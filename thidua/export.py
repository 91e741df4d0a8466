"""Figures and tables as files: PNG, SVG and PDF charts, XLSX and CSV tables, a PPTX deck and its PDF twin.

Charts are drawn on the server by kaleido in Debian's chromium (nothing is downloaded at run time).
The browser starts on the first export (or earlier, by start_browser_in_background) and then serves
every session of the process.
"""
from __future__ import annotations

import asyncio
import atexit
import csv
import io
import re
import threading
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

import kaleido
import pandas as pd
import plotly.graph_objects as go
from kaleido.errors import JavascriptError, KaleidoError
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from PIL import Image, ImageDraw, ImageFont
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Pt

from thidua.untrusted import csv_text, defused_cell, figure_text_literal, looks_like_formula

ImageFormat = Literal["png", "svg", "pdf"]
IMAGE_FORMATS: tuple[ImageFormat, ...] = ("png", "svg", "pdf")
IMAGE_WIDTH, IMAGE_HEIGHT = 1920, 1080
# Figures are laid out at 1280×720 and drawn 1.5 times larger, so type, lines and margins grow
# together and read from the back of a room.
EXPORT_SCALE = 1.5
PLOTLY_DEFAULT_BOTTOM_MARGIN = 80
SOURCE_BAND = 36  # layout pixels added under the plot for the source line
SOURCE_FONT_SIZE = 14
TEXT_COLOR = "#1f2d3d"
MUTED_COLOR = "#5d6d7e"
RENDER_TIMEOUT_SECONDS = 60
BROWSER_TABS = 2  # figures the shared browser draws at once (a deck's slides, exports of several sessions)


class ExportError(RuntimeError):
    """A file could not be made; the message is Vietnamese and says what to do."""


# ---------------------------------------------------------------- charts


def vn_date(value: date | str) -> str:
    """date(2026, 11, 5) -> '05/11/2026'; text is taken as already written."""
    return value.strftime("%d/%m/%Y") if isinstance(value, date) else value


def source_line(source: str, updated: date | str) -> str:
    return f"Nguồn: {source}; cập nhật ngày {vn_date(updated)}"


def export_layout(fig: go.Figure, source: str, updated: date | str) -> go.Figure:
    """A copy of fig laid out for a file: 16:9, its title kept, the source line under the plot, names from
    files written as text."""
    exported = go.Figure(fig)
    bottom = exported.layout.margin.b
    if bottom is None:
        bottom = PLOTLY_DEFAULT_BOTTOM_MARGIN
    exported.update_layout(width=IMAGE_WIDTH / EXPORT_SCALE, height=IMAGE_HEIGHT / EXPORT_SCALE,
                           margin_b=bottom + SOURCE_BAND)
    exported.add_annotation(
        text=source_line(source, updated), showarrow=False, align="left",
        xref="paper", yref="paper", x=0, y=0, xanchor="left", yanchor="top", yshift=-bottom,
        font=dict(size=SOURCE_FONT_SIZE, color=MUTED_COLOR),
    )
    return figure_text_literal(exported)


def figure_bytes(fig: go.Figure, fmt: ImageFormat, source: str, updated: date | str) -> bytes:
    """The figure as a 1920×1080 PNG, or an SVG or PDF of the same page, with its source and date.

    The caller's figure is not changed. Safe to call from many threads at once.
    """
    if fmt not in IMAGE_FORMATS:
        raise ValueError(f"format {fmt!r} is not one of {IMAGE_FORMATS}")
    return _render(export_layout(fig, source, updated), fmt)


class _Browser:
    """One headless chromium driven by kaleido, on an asyncio loop of its own.

    Each caller submits its own coroutine and waits on its own future, so concurrent callers
    cannot receive each other's images (kaleido's shared sync server passes every result through
    one queue and mixed them up across threads); up to BROWSER_TABS of them are drawn at once.
    """

    def __init__(self) -> None:
        self._loop = asyncio.new_event_loop()
        threading.Thread(target=self._loop.run_forever, name="kaleido", daemon=True).start()
        try:
            self._kaleido = self._wait(self._open())
        except BaseException:
            self._loop.call_soon_threadsafe(self._loop.stop)
            raise

    @staticmethod
    async def _open() -> kaleido.Kaleido:
        browser = kaleido.Kaleido(n=BROWSER_TABS, mathjax=False)
        await browser.open()
        return browser

    def render(self, figure: go.Figure, fmt: ImageFormat) -> bytes:
        """The figure at its layout's width and height, times EXPORT_SCALE."""
        return self._wait(self._kaleido.calc_fig(figure, opts=dict(format=fmt, scale=EXPORT_SCALE)))

    def close(self) -> None:
        try:
            self._wait(self._kaleido.close())
        finally:
            self._loop.call_soon_threadsafe(self._loop.stop)

    def _wait(self, coroutine):
        future = asyncio.run_coroutine_threadsafe(coroutine, self._loop)
        try:
            return future.result(timeout=RENDER_TIMEOUT_SECONDS)
        except TimeoutError:
            future.cancel()
            raise


_browser: _Browser | None = None
_browser_lock = threading.Lock()


def _shared_browser() -> _Browser:
    global _browser
    with _browser_lock:
        if _browser is None:
            try:
                _browser = _Browser()
            except Exception as failure:
                raise ExportError(
                    f"Không khởi động được trình duyệt chromium để vẽ biểu đồ ({type(failure).__name__}). "
                    "Hãy chạy scripts/setup.sh để cài gói chromium."
                ) from failure
        return _browser


def start_browser_in_background() -> None:
    """Starts the shared browser now, in a thread of its own, so the first export pays a drawing and not
    a browser start (~2-3 s); a failure to start waits for that export to be reported."""
    def start() -> None:
        try:
            _shared_browser()
        except ExportError:
            pass

    threading.Thread(target=start, name="kaleido-start", daemon=True).start()


def _replace_broken(browser: _Browser) -> None:
    """Drop a browser that failed; the next export starts a fresh one."""
    global _browser
    with _browser_lock:
        if _browser is not browser:
            return  # another thread saw it fail first
        _browser = None
    threading.Thread(target=browser.close, name="kaleido-close", daemon=True).start()


@atexit.register
def _close_shared_browser() -> None:
    if _browser is not None:
        _browser.close()


def _render(figure: go.Figure, fmt: ImageFormat, retries: int = 1) -> bytes:
    """Draw in the shared browser; one that broke (e.g. killed for memory) is replaced and asked again."""
    browser = _shared_browser()
    title = figure.layout.title.text or ""
    try:
        return browser.render(figure, fmt)
    except (KaleidoError, JavascriptError) as refused:
        raise ExportError(f"Plotly không vẽ được biểu đồ «{title}» ra {fmt.upper()}: {refused}") from refused
    except Exception as failure:
        _replace_broken(browser)
        if retries and not isinstance(failure, TimeoutError):
            return _render(figure, fmt, retries - 1)
        raise ExportError(
            f"Trình duyệt gặp lỗi khi vẽ biểu đồ «{title}» ra {fmt.upper()} ({type(failure).__name__}); "
            "hãy thử lại sau ít phút."
        ) from failure


# ---------------------------------------------------------------- tables

SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SHEET_NAME_LIMIT = 31


def _labelled(frame: pd.DataFrame, column_labels: Mapping[str, str] | None) -> pd.DataFrame:
    return frame.rename(columns=dict(column_labels)) if column_labels else frame


ILLUSTRATIVE_MARK = "Dữ liệu minh họa: số liệu minh họa, không phải số liệu chính thức."
TITLE_FONT_SIZE = 14


@dataclass(frozen=True)
class TableHeading:
    """The lines above an exported table: its title, the filters that chose its rows (label: value), where
    its figures came from and when they were loaded, and the demo mark where it applies."""
    title: str
    filters: Mapping[str, object] = field(default_factory=dict)
    source: str | None = None
    updated: date | str | None = None
    illustrative: bool = False

    def lines(self) -> list[str]:
        lines = [self.title]
        if self.filters:
            lines.append("Bộ lọc: " + "; ".join(f"{label}: {value}" for label, value in self.filters.items()))
        if self.source:
            lines.append(source_line(self.source, self.updated or "–"))
        if self.illustrative:
            lines.append(ILLUSTRATIVE_MARK)
        return lines


def heading_csv(heading: TableHeading) -> str:
    """The heading's lines as CSV rows of one cell each, then an empty row: what goes above a table."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for line in heading.lines():
        writer.writerow([defused_cell(line)])
    writer.writerow([])
    return buffer.getvalue()


def table_csv(frame: pd.DataFrame, column_labels: Mapping[str, str] | None = None,
              heading: TableHeading | None = None) -> bytes:
    """csv_text in UTF-8 with a BOM (Excel then shows the diacritics), columns named by column_labels; with a
    heading, its lines come first (heading_csv), else the header row is the first line."""
    above = heading_csv(heading) if heading is not None else ""
    return (above + csv_text(_labelled(frame, column_labels))).encode("utf-8-sig")


def table_xlsx(frame: pd.DataFrame, heading: TableHeading | str, column_labels: Mapping[str, str] | None = None
               ) -> bytes:
    """One sheet, a finished document: the heading's lines (the title in bold, larger), an empty row, then
    the table under a bold, frozen, filterable header row; numbers stay numbers. The sheet is named after
    the title, in whole words. A heading given as text is the title alone.

    Text that Excel would run as a formula is stored as text with Excel's quote prefix, so it shows
    exactly as written and stays text when the cell is edited.
    """
    heading = TableHeading(heading) if isinstance(heading, str) else heading
    shown = _labelled(frame, column_labels)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title(heading.title)
    lines = heading.lines()
    for number, line in enumerate(lines, start=1):
        _put_row(sheet, number, [line])
    sheet["A1"].font = Font(bold=True, size=TITLE_FONT_SIZE)
    header = len(lines) + 2
    _put_row(sheet, header, [str(label) for label in shown.columns])
    for cell in sheet[header]:
        cell.font = Font(bold=True)
    for row_number, row in enumerate(shown.itertuples(index=False, name=None), start=header + 1):
        _put_row(sheet, row_number, [_xlsx_value(value) for value in row])
    sheet.freeze_panes = f"A{header + 1}"
    last = get_column_letter(max(len(shown.columns), 1))
    sheet.auto_filter.ref = f"A{header}:{last}{header + len(shown)}"
    _fit_column_widths(sheet, first_row=header)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def sheet_title(name: str) -> str:
    """A sheet name Excel accepts ([]:*?/\\ left out, at most 31 characters) made of whole words of name:
    'Xếp hạng Chỉ số CCHC năm 2022, vùng Đồng bằng sông Hồng' -> 'Xếp hạng Chỉ số CCHC năm 2022'."""
    words = SHEET_NAME_FORBIDDEN.sub(" ", name).split()
    kept = ""
    for word in words:
        longer = f"{kept} {word}".strip()
        if len(longer) > SHEET_NAME_LIMIT:
            break
        kept = longer
    kept = kept.rstrip(",;.-–— ") or (words[0][:SHEET_NAME_LIMIT] if words else "")
    return kept or "Dữ liệu"


def _put_row(sheet, row_number: int, values: Sequence[object]) -> None:
    for column_number, value in enumerate(values, start=1):
        if isinstance(value, str):
            value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell = sheet.cell(row=row_number, column=column_number, value=value)
        if looks_like_formula(value):
            cell.data_type = "s"
            cell.quotePrefix = True


def _xlsx_value(value: object) -> object:
    if pd.api.types.is_scalar(value) and pd.isna(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.tz_localize(None).to_pydatetime() if value.tz else value.to_pydatetime()
    return value.item() if hasattr(value, "item") else value


def _fit_column_widths(sheet, first_row: int = 1, narrowest: int = 8, widest: int = 60) -> None:
    """Widths from the table's cells (from first_row on: the heading's long lines may overflow)."""
    for number, column in enumerate(sheet.iter_cols(min_row=first_row, values_only=True), start=1):
        longest = max((len(str(value)) for value in column if value is not None), default=0)
        sheet.column_dimensions[get_column_letter(number)].width = min(max(longest + 2, narrowest), widest)


# ---------------------------------------------------------------- the deck

# Every page is planned on a 1920×1080 grid, then drawn twice: as a PowerPoint slide and as a PDF page.
EMU_PER_PIXEL = 12192000 // IMAGE_WIDTH  # a 16:9 slide is 12,192,000 EMU (13.33 in) wide
POINTS_PER_PIXEL = 0.5  # 13.33 in is 960 pt
LINE_SPACING = 1.25
FONT_FILES = {
    False: Path("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"),
    True: Path("/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"),
}
PDF_JPEG_QUALITY = 92
PDF_PIXELS_PER_INCH = 144  # 1920 pixels over 13.33 in: the PDF page is as large as the slide


@dataclass(frozen=True)
class Slide:
    """One chart slide.

    title heads the slide (the picture keeps the figure's own title); takeaway is one Vietnamese
    sentence computed from the data; notes carry the numbers for the speaker; source and updated
    make the line under the chart, as in figure_bytes.
    """
    title: str
    takeaway: str
    figure: go.Figure
    notes: str
    source: str
    updated: date | str


@dataclass(frozen=True)
class _Box:
    left: int
    top: int
    width: int
    height: int


@dataclass(frozen=True)
class _Text:
    text: str
    box: _Box
    size: int  # pixels on the 1920×1080 grid
    bold: bool
    centered: bool
    color: str


@dataclass(frozen=True)
class _Page:
    title: _Text
    body: _Text
    picture: bytes | None = None
    picture_box: _Box | None = None
    notes: str = ""


def build_deck(title: str, subtitle: str, slides: Sequence[Slide]) -> bytes:
    """A 16:9 PowerPoint deck: a title slide, then one slide per chart with its takeaway and notes."""
    return _pptx(_pages(title, subtitle, slides))


def deck_pdf(title: str, subtitle: str, slides: Sequence[Slide]) -> bytes:
    """The same pages as build_deck, as one PDF (each page a 1920×1080 picture); the notes stay in the deck."""
    return _pdf(_pages(title, subtitle, slides))


def _pages(title: str, subtitle: str, slides: Sequence[Slide]) -> list[_Page]:
    cover = _Page(
        title=_fitted(title, _Box(120, 300, 1680, 300), 88, bold=True, centered=True, color=TEXT_COLOR),
        body=_fitted(subtitle, _Box(120, 620, 1680, 180), 48, bold=False, centered=True, color=MUTED_COLOR),
    )
    with ThreadPoolExecutor(max_workers=BROWSER_TABS) as drawing:  # the browser draws its tabs side by side
        pictures = list(drawing.map(_slide_picture, slides))
    return [cover, *(_chart_page(slide, picture) for slide, picture in zip(slides, pictures))]


def _slide_picture(slide: Slide) -> bytes:
    return figure_bytes(slide.figure, "png", slide.source, slide.updated)


def _chart_page(slide: Slide, picture: bytes) -> _Page:
    area = _Box(80, 260, 1760, 790)
    width = area.height * IMAGE_WIDTH // IMAGE_HEIGHT
    return _Page(
        title=_fitted(slide.title, _Box(80, 36, 1760, 100), 56, bold=True, centered=False, color=TEXT_COLOR),
        body=_fitted(slide.takeaway, _Box(80, 140, 1760, 110), 40, bold=False, centered=False, color=TEXT_COLOR),
        picture=picture,
        picture_box=_Box(area.left + (area.width - width) // 2, area.top, width, area.height),
        notes=slide.notes,
    )


def _font(size: int, bold: bool) -> ImageFont.FreeTypeFont:
    path = FONT_FILES[bold]
    if not path.exists():
        raise ExportError(f"Thiếu phông chữ {path}: hãy chạy scripts/setup.sh để cài gói fonts-noto-core.")
    return ImageFont.truetype(str(path), size)


def _wrapped(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}".strip()
            if line and font.getlength(candidate) > width:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return lines


def _fitted(text: str, box: _Box, size: int, *, bold: bool, centered: bool, color: str) -> _Text:
    """The text at the largest size, down to 60% of the one asked for, whose wrapped lines fit the box."""
    smallest = int(size * 0.6)
    while size > smallest and len(_wrapped(text, _font(size, bold), box.width)) * size * LINE_SPACING > box.height:
        size -= 2
    return _Text(text, box, size, bold, centered, color)


def _pptx(pages: list[_Page]) -> bytes:
    deck = Presentation()
    deck.slide_width, deck.slide_height = _emu(IMAGE_WIDTH), _emu(IMAGE_HEIGHT)
    cover, *charts = pages
    slide = deck.slides.add_slide(deck.slide_layouts[0])  # "Title Slide"
    _fill(slide.shapes.title, cover.title)
    _fill(slide.placeholders[1], cover.body)
    for page in charts:
        slide = deck.slides.add_slide(deck.slide_layouts[5])  # "Title Only"
        _fill(slide.shapes.title, page.title)
        box = page.body.box
        _fill(slide.shapes.add_textbox(_emu(box.left), _emu(box.top), _emu(box.width), _emu(box.height)), page.body)
        picture = page.picture_box
        slide.shapes.add_picture(io.BytesIO(page.picture), _emu(picture.left), _emu(picture.top),
                                 _emu(picture.width), _emu(picture.height))
        slide.notes_slide.notes_text_frame.text = page.notes
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def _emu(pixels: int) -> Emu:
    return Emu(pixels * EMU_PER_PIXEL)


def _fill(shape, text: _Text) -> None:
    shape.left, shape.top = _emu(text.box.left), _emu(text.box.top)
    shape.width, shape.height = _emu(text.box.width), _emu(text.box.height)
    frame = shape.text_frame
    frame.word_wrap = True
    frame.vertical_anchor = MSO_ANCHOR.TOP
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
    frame.text = text.text
    for paragraph in frame.paragraphs:
        paragraph.alignment = PP_ALIGN.CENTER if text.centered else PP_ALIGN.LEFT
        for run in paragraph.runs:
            run.font.size = Pt(text.size * POINTS_PER_PIXEL)
            run.font.bold = text.bold
            run.font.color.rgb = RGBColor.from_string(text.color.lstrip("#"))


def _pdf(pages: list[_Page]) -> bytes:
    images = [_page_image(page) for page in pages]
    buffer = io.BytesIO()
    images[0].save(buffer, "PDF", save_all=True, append_images=images[1:], quality=PDF_JPEG_QUALITY,
                   resolution=PDF_PIXELS_PER_INCH)
    return buffer.getvalue()


def _page_image(page: _Page) -> Image.Image:
    image = Image.new("RGB", (IMAGE_WIDTH, IMAGE_HEIGHT), "white")
    draw = ImageDraw.Draw(image)
    for text in (page.title, page.body):
        _draw_text(draw, text)
    if page.picture is not None:
        box = page.picture_box
        picture = Image.open(io.BytesIO(page.picture)).convert("RGBA").resize((box.width, box.height),
                                                                              Image.Resampling.LANCZOS)
        image.paste(picture, (box.left, box.top), mask=picture)  # a transparent background stays white
    return image


def _draw_text(draw: ImageDraw.ImageDraw, text: _Text) -> None:
    font = _font(text.size, text.bold)
    top = text.box.top
    for line in _wrapped(text.text, font, text.box.width):
        left = text.box.left
        if text.centered:
            left += (text.box.width - font.getlength(line)) / 2
        draw.text((left, top), line, font=font, fill=text.color)
        top += text.size * LINE_SPACING
