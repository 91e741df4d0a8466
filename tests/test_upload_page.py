"""The upload page through Streamlit's AppTest: sign-in, preview, corrections (year, columns),
commit of several files, repeats, undo that brings back the replaced figures, names shown as
text, templates; and the same through the plain-Python layer underneath."""
from __future__ import annotations

import io
import json

import pytest
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from bad_files.make_corpus import corpus
from conftest import OVERVIEW, TOP_2021_SCORE, open_page
from thidua.auth import LOCKOUT, hash_password
from thidua.config import ROOT
from thidua.formatting import vn_number
from thidua.ingest import read_upload, write_upload
from thidua.templates import TEMPLATES, template_xlsx
from thidua.uploads import Corrections, NotUndoable, earlier_upload, preview_file, undo_upload
from workbook_builders import SheetSpec, par_lines, par_table, province_names, title_block, xlsx_bytes

UPLOAD, COMPARE = "pages/upload.py", "pages/compare_provinces.py"
UPLOADER, PASSWORD = "can.bo.thi.dua", "mật khẩu thật dài 2026"
VIEWER, VIEWER_PASSWORD = "lanh.dao", "chỉ xem thôi nhé"
HASHES = {"uploaders": {UPLOADER: hash_password(PASSWORD)}, "viewers": {VIEWER: hash_password(VIEWER_PASSWORD)}}
DEMO = ROOT / "data" / "demo"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def par_bytes(year_in_title: int | None, top_score: float = 92.5, header: list | None = None,
              names: list[str] | None = None) -> bytes:
    title = f"CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year_in_title}" if year_in_title else "BẢNG XẾP HẠNG CHỈ SỐ CCHC"
    rows = title_block(title) + par_table(par_lines(names or province_names(), top_score=top_score), header)
    return xlsx_bytes(SheetSpec("Sheet1", rows))


def app(page: str = UPLOAD, secrets: dict | None = None, **url) -> AppTest:
    return open_page(page, secrets=HASHES if secrets is None else secrets, **url)


def sign_in(test: AppTest, login: str = UPLOADER, password: str = PASSWORD) -> AppTest:
    fields = {field.label: field for field in test.text_input}
    fields["Tên đăng nhập"].input(login)
    fields["Mật khẩu"].input(password)
    button(test, "Đăng nhập").click().run()
    assert not test.exception, [e.value for e in test.exception]
    return test


def button(test: AppTest, starts: str):
    return next(b for b in test.button if b.label.startswith(starts))


def widget(elements, label: str):
    return next(e for e in elements if e.label == label)


def texts(test: AppTest) -> str:
    return "\n".join(t.value for t in test.text)


def upload(test: AppTest, *files: tuple[str, bytes]) -> AppTest:
    test.file_uploader[0].set_value([(name, data, XLSX) for name, data in files]).run()
    assert not test.exception, [e.value for e in test.exception]
    return test


def table_with(test: AppTest, column: str):
    """The first table on the page with that column (the preview, the history...)."""
    return next(frame.value for frame in test.dataframe if column in frame.value.columns)


def chart_title(test: AppTest) -> str:
    return json.loads(test.get("plotly_chart")[0].proto.spec)["layout"]["title"]["text"]


# ---------------------------------------------------------------- who may upload

def test_nobody_may_upload_until_an_account_is_configured(par_db):
    test = app(secrets={})
    assert not test.file_uploader
    assert "Chưa có tài khoản nào được cấu hình" in test.warning[0].value


def test_a_wrong_password_is_refused_and_the_right_one_lets_the_uploader_in(par_db):
    test = sign_in(app(), password="sai mật khẩu")
    assert "không đúng" in test.error[0].value and not test.file_uploader
    sign_in(test)
    assert f"Đang đăng nhập: {UPLOADER} (người nhập dữ liệu)" in texts(test)
    assert test.file_uploader


def test_wrong_passwords_from_several_sessions_lock_the_login_out_of_every_session(par_db):
    try:
        for session in range(3):  # a new session (a new browser tab) does not start the count afresh
            test = app()
            for _ in range(2 if session < 2 else 1):
                sign_in(test, password="sai mật khẩu")
        test = sign_in(app())
        assert "nhập sai mật khẩu nhiều lần" in test.error[0].value and not test.file_uploader
        assert "Đang đăng nhập" not in texts(test)
    finally:
        LOCKOUT.succeeded(UPLOADER)


def test_a_viewer_sees_the_history_but_can_neither_upload_nor_undo(par_db):
    test = sign_in(app(), VIEWER, VIEWER_PASSWORD)
    assert f"Đang đăng nhập: {VIEWER} (người xem)" in texts(test)
    assert not test.file_uploader and not [b for b in test.button if b.label == "Hoàn tác"]
    assert len(table_with(test, "Trạng thái")) == 3  # the fixture's three uploads


def test_sign_in_to_view_stops_every_page_until_signed_in(par_db):
    test = app(OVERVIEW, secrets={**HASHES, "sign_in_to_view": True})
    assert test.title[0].value == "Đăng nhập" and not test.get("plotly_chart")
    sign_in(test, VIEWER, VIEWER_PASSWORD)
    assert chart_title(test).startswith("Chỉ số CCHC (PAR Index) năm 2025")


# ---------------------------------------------------------------- the scenario of the issue

def test_drop_preview_correct_the_year_commit_see_it_in_the_charts_then_undo(par_db):
    watching = app(COMPARE)                       # a session opened before the upload
    assert "2024" not in watching.selectbox[0].options
    test = upload(sign_in(app()), ("Chi so CCHC 2023.xlsx", par_bytes(None)))
    assert "Sẽ ghi: Chỉ số CCHC (PAR Index) — 2023 — 63 dòng" in texts(test)
    year = widget(test.number_input, "Năm")
    assert year.placeholder == "Theo tệp: 2023"
    preview = table_with(test, "Tỉnh, thành phố")
    assert len(preview) == 63 and preview["Tỉnh, thành phố"].iloc[0] == "Hà Nội"

    year.set_value(2024).run()
    assert "Sẽ ghi: Chỉ số CCHC (PAR Index) — 2024 — 63 dòng" in texts(test)
    assert "tên tệp ghi năm 2023; đã dùng năm 2024 theo lựa chọn khi tải lên" in texts(test)
    assert par_db.query("data_version").uploads.iloc[0] == 3  # nothing written yet

    button(test, "Ghi 1 tệp").click().run()
    assert "Đã ghi 1 tệp vào cơ sở dữ liệu" in test.success[0].value
    assert "Chi so CCHC 2023.xlsx: Chỉ số CCHC (PAR Index) 2024, 63 dòng" in texts(test)
    newest = par_db.query("upload_history").iloc[0]
    assert (newest.scope, newest.uploaded_by, newest.status) == ("2024", UPLOADER, "active")

    watching.run()
    assert "2024" in watching.selectbox[0].options
    assert chart_title(app(COMPARE, nam="2024")).startswith("Chỉ số CCHC (PAR Index) năm 2024")

    history = table_with(test, "Trạng thái")
    assert history["Số"].iloc[0] == newest.upload_id and history["Trạng thái"].iloc[0] == "Đang dùng"
    widget(test.selectbox, "Lần nhập").set_value(int(newest.upload_id))
    test.checkbox[0].check().run()
    button(test, "Hoàn tác").click().run()
    assert f"Đã hoàn tác lần nhập số {newest.upload_id}" in texts(test)
    assert 2024 not in list(par_db.query("par_years").year)
    watching.run()
    assert "2024" not in watching.selectbox[0].options
    assert table_with(test, "Trạng thái")["Trạng thái"].iloc[0].startswith(f"Đã hoàn tác bởi {UPLOADER}")


def test_several_files_at_once_write_the_good_ones_and_list_the_bad_ones_errors(par_db):
    test = upload(sign_in(app()), ("PAR 2022.xlsx", par_bytes(2022)), ("PAR 2023.xlsx", par_bytes(2023)),
                  ("hang_am.xlsx", next(b for b in corpus() if b.name == "hang_am.xlsx").build()))
    assert "2/3 tệp sẵn sàng ghi (1 tệp có lỗi sẽ không được ghi)" in test.caption[0].value
    assert "Tệp không nhập được: 1 lỗi" in test.error[0].value
    assert "• trang «Sheet1», ô D11: thứ hạng -3 không phải số nguyên từ 1 đến 63 (năm 2021)." in texts(test)
    button(test, "Ghi 2 tệp").click().run()
    assert "Đã ghi 2 tệp" in test.success[0].value
    assert {2022, 2023} <= set(par_db.query("par_years").year)
    assert "hang_am.xlsx" not in set(par_db.query("upload_history").file_name)


def test_the_same_file_again_is_recognised_and_not_written_twice(par_db):
    data = par_bytes(2022)
    test = upload(sign_in(app()), ("PAR 2022.xlsx", data))
    button(test, "Ghi 1 tệp").click().run()
    upload(test, ("ban sao.xlsx", data))
    assert "Nội dung này đã được nhập ở lần nhập số 4" in test.info[0].value
    assert button(test, "Ghi 0 tệp").disabled
    assert par_db.query("data_version").uploads.iloc[0] == 4


def test_the_same_file_read_for_another_year_is_no_repeat(par_db):
    data = par_bytes(None)
    written = write_upload(par_db, preview_file(data, "PAR.xlsx", Corrections(year=2022)).reading, UPLOADER)
    assert written.upload_id is not None
    assert earlier_upload(par_db, preview_file(data, "PAR.xlsx", Corrections(year=2022)).reading).upload_id == 4
    assert earlier_upload(par_db, preview_file(data, "PAR.xlsx", Corrections(year=2023)).reading) is None


def test_undo_brings_back_the_version_the_upload_had_replaced(par_db):
    replacement = read_upload(par_bytes(2021, top_score=80.0), "PAR 2021 sua.xlsx")
    replaced = write_upload(par_db, replacement, UPLOADER).upload_id
    assert par_db.query("par_ranking", year=2021).score.max() == 80.0
    undone = undo_upload(par_db, replaced, UPLOADER)
    assert par_db.query("par_ranking", year=2021).score.max() == TOP_2021_SCORE
    assert [upload.file_name for upload in undone.restored] == ["PAR 2021.xlsx"]
    assert "Số liệu đang dùng lại cho phạm vi này: lần nhập số 2" in undone.summary()
    with pytest.raises(NotUndoable):
        undo_upload(par_db, replaced, UPLOADER)


# ---------------------------------------------------------------- corrections and safety

def test_columns_the_reader_did_not_recognise_can_be_pointed_out(par_db):
    header = ["STT", "Địa bàn", "Giá trị", "Thứ tự xếp"]
    test = upload(sign_in(app()), ("so lieu.xlsx", par_bytes(2022, header=header)))
    assert "không nhận ra loại dữ liệu" in texts(test)
    widget(test.number_input, "Dòng tiêu đề").set_value(8)
    widget(test.selectbox, "Cột tên tỉnh, thành phố").set_value("B")
    widget(test.selectbox, "Cột chỉ số (%)").set_value("C")
    widget(test.selectbox, "Cột xếp hạng").set_value("D")
    test.toggle[0].set_value(True).run()
    assert not test.exception, [e.value for e in test.exception]
    assert "Sẽ ghi: Chỉ số CCHC (PAR Index) — 2022 — 63 dòng" in texts(test)
    ranks = table_with(test, "Xếp hạng")
    assert list(ranks["Xếp hạng"].head(3)) == ["1", "2", "3"] and ranks["Điểm"].iloc[0] == "92,5"


def test_markup_in_a_name_shows_as_the_text_it_is(par_db):
    bad = next(b for b in corpus() if b.name == "script.xlsx")
    test = upload(sign_in(app()), ("<b>bao cao</b>.xlsx", bad.build()))
    assert "Tệp 1: <b>bao cao</b>.xlsx" in texts(test)
    assert "ô chứa mã HTML «<script>alert(1)</script>»" in texts(test)
    markdown = " ".join(element.value for element in (*test.markdown, *test.error, *test.caption))
    assert "<script" not in markdown and "<b>" not in markdown


def test_a_correction_that_fails_is_explained_and_nothing_is_written(par_db):
    test = upload(sign_in(app()), ("PAR 2022.xlsx", par_bytes(2022)))
    widget(test.number_input, "Năm").set_value(1900).run()
    assert "năm 1900 nằm ngoài các năm có Chỉ số CCHC" in texts(test)
    assert button(test, "Ghi 0 tệp").disabled


# ---------------------------------------------------------------- templates

def test_every_template_is_offered_for_download(par_db):
    labels = [b.label for b in app().get("download_button")]
    assert len(labels) == len(TEMPLATES) == 4


@pytest.mark.parametrize("key, kind", [("par", "par"), ("scoring_summary", "scoring"),
                                       ("scoring_detail", "scoring"), ("roster", "roster")])
def test_each_template_has_vietnamese_headers_one_example_row_and_reads_as_its_kind(key, kind):
    data = template_xlsx(key)
    workbook = load_workbook(io.BytesIO(data))
    for spec in TEMPLATES[key].sheets:
        rows = [row for row in workbook[spec.name].iter_rows(values_only=True) if any(v is not None for v in row)]
        assert list(rows[-2][:len(spec.header)]) == spec.header
        assert rows[-1][0] in (1, "1")
    preview = preview_file(data, TEMPLATES[key].file_name)
    assert preview.reading is not None, [str(p) for p in preview.problems]
    assert preview.reading.kind == kind and preview.reading.rows >= 1


def test_the_preview_of_a_corrected_summary_names_the_units_that_would_leave_the_ranking(par_db):
    from test_scoring_ingest import AGENCIES, agencies_summary
    totals = [95.0, 94.0, 93.0, 92.0, 91.0, 90.0, 89.0]
    write_upload(par_db, read_upload(xlsx_bytes(agencies_summary(AGENCIES, totals)), "tong_hop.xlsx"))
    without = [unit for unit in AGENCIES if unit not in ("Văn phòng", "Ban Dân vận")]
    test = upload(sign_in(app()), ("tong_hop_sua.xlsx", xlsx_bytes(agencies_summary(without, totals[:5]))))
    assert any("đưa 2 đơn vị ra khỏi bảng xếp hạng" in w.value for w in test.warning)
    assert "• Ban Dân vận\n• Văn phòng" in texts(test)


def test_the_preview_names_its_columns_in_vietnamese_and_hides_the_readers_keys(par_db):
    workbook = sorted((DEMO / "scoring").glob("*.xlsx"))[0]
    test = upload(sign_in(app()), (workbook.name, workbook.read_bytes()))
    shown = [column for frame in test.dataframe for column in frame.value.columns]
    assert "Tổng điểm các tiêu chí" in shown
    assert not {"unit_key", "criteria_total", "parent_key", "position"} & set(shown)
    assert all(column[:1].isupper() for column in shown)  # labels, not field names
    size = workbook.stat().st_size / 1024
    assert f"({vn_number(size, 1)} KB)" in texts(test) and "," in vn_number(size, 1)


@pytest.mark.parametrize("kind", ["par", "indices"])
def test_the_preview_of_an_index_table_says_the_sheet_and_cell_of_each_score(par_db, kind):
    workbook = sorted((DEMO / kind).glob("*.xlsx"))[-1]
    test = upload(sign_in(app()), (workbook.name, workbook.read_bytes()))
    scores = next(frame.value for frame in test.dataframe if "Điểm" in frame.value.columns)
    assert {"Trang tính", "Ô điểm"} <= set(scores.columns)
    assert scores["Ô điểm"].str.fullmatch(r"[A-Z]+\d+").any()


def test_a_file_of_another_type_is_refused_on_the_page_in_vietnamese(par_db):
    test = upload(sign_in(app()), ("bao cao.pdf", b"%PDF-1.4 not a workbook"))
    assert "bao cao.pdf" in texts(test) and "không đọc được loại tệp «.pdf»" in texts(test)
    assert button(test, "Ghi 0 tệp").disabled
