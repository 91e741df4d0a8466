"""Text from files stays text: escaped where Markdown or plotly's markup would read it, defused in CSV,
stripped of control and direction characters and cut to a maximum length (with a warning) on the way in."""
import csv
import io

import pandas as pd
import plotly.graph_objects as go
import pytest

from thidua.ingest import read_upload
from thidua.untrusted import NAME_LIMIT, csv_text, figure_text_literal, markdown_literal

LINK = "Ban [Tuyên giáo](https://evil.example/x)"
IMAGE = "Văn phòng ![ảnh](https://evil.example/p.png)"


def summary_csv(units: list[str], title: str = "CỤM THI ĐUA CÁC BAN ĐẢNG") -> bytes:
    rows = [[title], ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2023"], ["STT", "Đơn vị", "Tổng điểm"],
            *[[number, unit, 90 - number] for number, unit in enumerate(units, start=1)]]
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue().encode("utf-8")


@pytest.mark.parametrize("text", [LINK, IMAGE, "<img src=x onerror=alert(1)>", "**đậm** _nghiêng_ `mã` $x^2$",
                                  ":material/home: :red[đỏ]", "# Tiêu đề", "| a | b |"])
def test_markdown_literal_escapes_every_markdown_and_html_mark(text):
    escaped = markdown_literal(text)
    for mark in "[]()!<>*_`$:#|":
        assert mark not in escaped.replace("\\" + mark, "")
    assert escaped.replace("\\", "").replace("\u2060", "") == text


@pytest.mark.parametrize("text", ["xem https://evil.example/x", "www.evil.example", "ai@evil.example"])
def test_markdown_literal_keeps_written_addresses_from_becoming_links(text):
    escaped = markdown_literal(text)
    assert "://" not in escaped.replace("\\", "") and "www." not in escaped.replace("\\", "")
    assert "@\\" not in escaped and ("@" not in text or "@\u2060" in escaped)


def test_figure_text_literal_writes_foreign_tags_as_text_and_keeps_the_houses_own():
    figure = go.Figure(go.Bar(x=[1], y=["<b>1. <a href='https://evil.example'>A</a></b>"],
                              customdata=[["<a href=x>B</a>"]], hovertemplate="<b>%{customdata[0]}</b><br>x"))
    figure.update_layout(title_text="Cụm <a href='https://evil.example'>C</a><br><span style=\"color:red\">x</span>")
    figure_text_literal(figure)
    assert figure.data[0].y[0] == "<b>1. &lt;a href='https://evil.example'>A&lt;/a></b>"
    assert figure.data[0].customdata[0][0] == "&lt;a href=x>B&lt;/a>"
    assert figure.data[0].hovertemplate == "<b>%{customdata[0]}</b><br>x"
    assert figure.layout.title.text == "Cụm &lt;a href='https://evil.example'>C&lt;/a><br><span style=\"color:red\">x</span>"


def test_csv_text_defuses_formulas_after_spaces_and_drops_escape_bytes_but_numbers_stay_numbers():
    frame = pd.DataFrame({"unit": ["= cmd|' /C calc'!A0", "  =1+1", "\tx", "-x", "@SUM(1)", "a\x1b[31mb", "Hà Nội"],
                          "total": [-5.5, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0]})
    rows = list(csv.reader(io.StringIO(csv_text(frame))))
    assert [row[0] for row in rows[1:]] == ["'= cmd|' /C calc'!A0", "'  =1+1", "'\tx", "'-x", "'@SUM(1)", "a[31mb",
                                            "Hà Nội"]
    assert [row[1] for row in rows[1:]] == ["-5.5", "1.0", "2.0", "3.0", "4.0", "5.0", "6.0"]


def test_control_and_direction_characters_are_stripped_and_long_names_cut_with_a_warning_naming_the_cell():
    long_name = "Ban " + "x" * 400
    reading = read_upload(summary_csv(["Ban\u202eTổ\u2066 chức\x1b\x85", long_name, "Ban Dân vận"]), "tong\u202ehop.csv")
    units = list(reading.result.units.unit)
    assert units[0] == "BanTổ chức"
    assert len(units[1]) == NAME_LIMIT and units[1].startswith("Ban xxx")
    assert reading.file_name == "tonghop.csv"
    cut = [w for w in reading.warnings if "400" in w.message or "404" in w.message]
    assert len(cut) == 1 and cut[0].cell == "B5" and f"chỉ giữ {NAME_LIMIT}" in cut[0].message


@pytest.mark.parametrize("mark", ["\x01", "\x7f", "\u009f", "\u200f", "\u202a", "\u2069"])
def test_one_control_character_alone_is_found_and_stripped(mark):
    """The first and last characters of each range stripped, in a reading where nothing else needs cleaning."""
    reading = read_upload(summary_csv([f"Ban Tổ{mark} chức", "Ban Dân vận"]), "tong hop.csv")
    assert list(reading.result.units.unit) == ["Ban Tổ chức", "Ban Dân vận"]


def test_a_long_name_alone_is_cut_with_a_warning():
    reading = read_upload(summary_csv(["Ban " + "y" * NAME_LIMIT, "Ban Dân vận"]), "tong hop.csv")
    assert [len(unit) for unit in reading.result.units.unit] == [NAME_LIMIT, len("Ban Dân vận")]
    assert any(f"chỉ giữ {NAME_LIMIT}" in warning.message for warning in reading.warnings)


def test_markdown_in_unit_names_is_read_and_stored_as_written():
    """Markup is no markup to the reader: its characters stay in the name. Only a bracket after a name is a
    note left out of it, as in 'Sở Tài chính (1)', whatever it holds."""
    reading = read_upload(summary_csv([LINK, IMAGE, "**Ban** Dân _vận_"]), "t.csv")
    assert list(reading.result.units.unit) == ["Ban [Tuyên giáo]", "Văn phòng ![ảnh]", "**Ban** Dân _vận_"]
