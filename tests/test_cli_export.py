"""The export and deck commands as other tools use them: real subprocesses against a real database."""
import io
import re
import subprocess
import sys

import pytest
from PIL import Image, ImageStat
from pptx import Presentation


JUMPS = ["export", "rank_jumps", "--param", "from_year=2020", "--param", "to_year=2021"]
JUMPS_TITLE = "Biến động xếp hạng Chỉ số CCHC: năm 2020 → năm 2021"


def run(*args, db):
    return subprocess.run([sys.executable, "-m", "thidua", "--db", str(db), *args],
                          capture_output=True, text=True, timeout=300)


@pytest.fixture
def demo_db(demo_database_file):
    """The shared demo database file (these tests only read it)."""
    return demo_database_file


def test_export_png_is_a_full_hd_picture_with_something_on_it(demo_db, tmp_path):
    out = tmp_path / "jumps.png"
    result = run(*JUMPS, "--param", "province=Lang Son", "--format", "png", "--out", str(out), db=demo_db)
    assert result.returncode == 0, result.stderr
    assert "Lạng Sơn tăng 13 bậc, xếp thứ 27/63 năm 2021." in result.stdout
    picture = Image.open(out)
    assert picture.format == "PNG" and picture.size == (1920, 1080)
    assert ImageStat.Stat(picture.convert("L")).stddev[0] > 20


def test_export_svg_keeps_the_vietnamese_title_and_the_source_line(demo_db, tmp_path):
    out = tmp_path / "jumps.svg"
    assert run(*JUMPS, "--format", "svg", "--out", str(out), db=demo_db).returncode == 0
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", out.read_text(encoding="utf-8"))
    assert JUMPS_TITLE in texts
    assert any(re.fullmatch(r"Nguồn: số liệu minh họa, không phải số liệu chính thức; cập nhật ngày \d\d/\d\d/\d{4}",
                            text) for text in texts)


def test_export_takes_the_format_from_the_file_name_and_pdf_is_one_16_by_9_page(demo_db, tmp_path):
    out = tmp_path / "ranking.pdf"
    result = run("export", "par_ranking", "--param", "year=2021", "--param", "region=Tây Nguyên", "--out", str(out),
                 db=demo_db)
    assert result.returncode == 0, result.stderr
    pdf = out.read_bytes()
    assert pdf.startswith(b"%PDF-")
    [(width, height)] = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    assert float(width) / float(height) == pytest.approx(16 / 9, rel=0.01)


@pytest.mark.parametrize("args, said", [
    (["export", "no_such_chart", "--out", "x.png"], "Không có biểu đồ «no_such_chart»"),
    (["export", "par_ranking", "--param", "year=1990", "--out", "x.png"], "Chưa có số liệu Chỉ số CCHC năm 1990"),
    (["export", "par_ranking", "--out", "x.gif"], "dùng --format png, svg hoặc pdf"),
    (["deck", "--out", "x.pptx"], "Chọn phạm vi báo cáo"),
    (["deck", "--param", "province=Lạng Sơn", "--out", "x.docx"], "phải có đuôi .pptx"),
    (["deck", "--param", "cluster=khong co cum nay", "--out", "x.pptx"], "không khớp với Cụm thi đua nào"),
])
def test_what_cannot_be_made_is_explained_without_a_traceback(demo_db, tmp_path, args, said):
    result = run(*args[:-1], str(tmp_path / args[-1]), db=demo_db)
    assert result.returncode == 1
    assert said in result.stderr and "Traceback" not in result.stderr
    assert not list(tmp_path.iterdir())


def test_a_cluster_deck_as_pdf_has_a_page_per_slide(demo_db, tmp_path):
    out = tmp_path / "cum.pdf"
    result = run("deck", "--param", "cluster=bien gioi", "--param", "year=2022", "--out", str(out), db=demo_db)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"{out}: Cụm thi đua Sở Nội vụ các tỉnh miền núi biên giới phía Bắc: báo cáo năm 2022 (6 trang)"
    assert len(re.findall(rb"/Type\s*/Page\b", out.read_bytes())) == 6


def test_on_a_fresh_machine_deck_loads_the_demo_data_and_makes_a_province_deck(tmp_path):
    out = tmp_path / "brief.pptx"
    result = run("deck", "--param", "province=Lạng Sơn", "--param", "year=2021", "--out", str(out),
                 db=tmp_path / "fresh.duckdb")
    assert result.returncode == 0, result.stderr
    assert "đã nạp dữ liệu minh họa" in result.stderr
    deck = Presentation(io.BytesIO(out.read_bytes()))
    cover, *slides = deck.slides
    assert cover.shapes.title.text == "Lạng Sơn: Chỉ số CCHC năm 2021"
    assert slides[1].shapes.title.text == "Biến động thứ hạng từ 2020 đến 2021"
    texts = [shape.text_frame.text for shape in slides[1].shapes if shape.has_text_frame]
    assert "Lạng Sơn tăng 13 bậc, xếp thứ 27/63 năm 2021." in texts
    assert "Lạng Sơn: hạng 40 → 27 (tăng 13 bậc)" in slides[1].notes_slide.notes_text_frame.text
