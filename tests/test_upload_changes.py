"""The upload preview as a diff (AppTest): which upload in force a file replaces, and per unit the figures
that change before → after, those that appear and those that leave; the same diff kept with the history;
an undo that shows what it will restore. A scoring workbook corrected the way the issue tells it:
Lạng Sơn moved from 1st to 2nd and the Cờ thi đua went to Cao Bằng."""
from __future__ import annotations

import copy

import pandas as pd
from test_scoring_reader import FLAG, MERIT, SNV_NORTH_NAME, north_summary
from test_upload_page import UPLOADER, app, button, sign_in, table_with, texts, upload, widget
from workbook_builders import SheetSpec, xlsx_bytes

SCOPE = f"{SNV_NORTH_NAME} · tổng kết năm 2022"
LANG_SON, CAO_BANG, DIEN_BIEN = "Sở Nội vụ Lạng Sơn", "Sở Nội vụ Cao Bằng", "Sở Nội vụ Điện Biên"


def workbook(sheet: SheetSpec) -> bytes:
    return xlsx_bytes(sheet)


def first_summary() -> bytes:
    return workbook(north_summary())


def same_figures_other_signature() -> bytes:
    """Other bytes, the same figures: only the name under the signature differs."""
    sheet = north_summary()
    sheet.rows[-1] = [None, "Trần Văn Cường", None, None, None, None, "Hoàng Thị Bình"]
    return workbook(sheet)


def corrected_summary() -> bytes:
    """Cao Bằng's bonus corrected (97 → 103, first, with the flag), Lạng Sơn second with a Bằng khen, and
    Điện Biên in place of Hà Giang."""
    sheet = copy.deepcopy(north_summary())
    sheet.rows[8] = [1, "Sở Nội vụ tỉnh Lạng Sơn", "29,5", 38, 30, 5, None, 102.5, 2, MERIT, "Cụm trưởng"]
    sheet.rows[10] = [3, "Cao Bằng", 29, 39, 28, 8, -1, 103, 1, FLAG]
    sheet.rows[11] = [4, "Sở Nội vụ Điện Biên", 25, 30, 10, None, None, 65, 4, None]
    sheet.rows[12] = [None, "TỔNG CỘNG", None, None, None, None, None, 362]
    return workbook(sheet)


def changes_table(test) -> pd.DataFrame:
    return table_with(test, "Tỉnh, đơn vị")


def line(table: pd.DataFrame, subject: str, figure: str) -> tuple[str, str]:
    row = table[(table["Tỉnh, đơn vị"] == subject) & (table["Số liệu"] == figure)].iloc[0]
    return row.iloc[3], row.iloc[4]


def committed(test, files: int = 1):
    button(test, f"Ghi {files} tệp").click().run()
    assert "Đã ghi" in test.success[0].value
    return test


def test_a_first_upload_replaces_nothing_and_every_unit_appears_and_the_history_keeps_it(par_db):
    test = upload(sign_in(app()), ("tong_hop_2022.xlsx", first_summary()))
    shown = texts(test)
    assert "Thay thế: không lần nhập nào (chưa có số liệu đang dùng cho phạm vi này)." in shown
    assert (f"Xuất hiện mới ({SCOPE}, 4): {LANG_SON}, {CAO_BANG}, Sở Nội vụ Lai Châu, Sở Nội vụ Hà Giang."
            in shown)
    assert "không thay đổi gì" not in shown
    assert par_db.query("data_version").uploads.iloc[0] == 3  # the preview wrote nothing

    committed(test)
    newest = int(par_db.query("upload_history").upload_id.iloc[0])
    assert newest == 4  # the rehearsed write took no number from the sequence
    widget(test.selectbox, "Xem thay đổi của lần nhập").set_value(newest).run()
    assert f"Xuất hiện mới ({SCOPE}, 4): {LANG_SON}" in texts(test)
    widget(test.selectbox, "Xem thay đổi của lần nhập").set_value(2).run()
    assert "được ghi trước khi thidua lưu các thay đổi" not in texts(test)  # par_db's uploads are recorded too


def test_an_identical_re_upload_changes_nothing(par_db):
    first = first_summary()
    test = committed(upload(sign_in(app()), ("tong_hop_2022.xlsx", first)))
    upload(test, ("tong_hop_2022 (ban ky lai).xlsx", same_figures_other_signature()))
    shown = texts(test)
    assert ("Thay thế số liệu đang dùng của lần nhập số 4 (tệp «tong_hop_2022.xlsx», ngày "
            in shown) and f"bởi {UPLOADER})." in shown
    assert "Số liệu đang dùng: không thay đổi gì." in shown
    assert not any("Tỉnh, đơn vị" in frame.value.columns for frame in test.dataframe)

    upload(test, ("ban sao.xlsx", first))  # the very same bytes: recognised, no diff to show
    assert "Nội dung này đã được nhập ở lần nhập số 4" in test.info[0].value
    assert "không thay đổi gì" not in texts(test)


def test_a_corrected_workbook_shows_before_and_after_then_the_history_and_the_undo_show_them_too(par_db):
    test = committed(upload(sign_in(app()), ("tong_hop_2022.xlsx", first_summary())))
    upload(test, ("tong_hop_2022_sua.xlsx", corrected_summary()))
    shown = texts(test)
    assert "Thay thế số liệu đang dùng của lần nhập số 4 (tệp «tong_hop_2022.xlsx»" in shown
    assert f"Xuất hiện mới ({SCOPE}, 1): {DIEN_BIEN}." in shown
    table = changes_table(test)
    assert list(table.columns) == ["Phạm vi", "Tỉnh, đơn vị", "Số liệu", "Đang dùng", "Sau khi ghi"]
    assert line(table, LANG_SON, "Xếp hạng") == ("1", "2")
    assert line(table, LANG_SON, "Khen thưởng") == (FLAG, MERIT)
    assert line(table, CAO_BANG, "Tổng điểm") == ("97,00", "103,00")
    assert line(table, CAO_BANG, "Xếp hạng") == ("2", "1")
    assert line(table, CAO_BANG, "Khen thưởng") == (MERIT, FLAG)
    assert "Sở Nội vụ Lai Châu" not in set(table["Tỉnh, đơn vị"])  # its figures do not change

    committed(test)
    corrected = int(par_db.query("upload_history").upload_id.iloc[0])
    widget(test.selectbox, "Xem thay đổi của lần nhập").set_value(corrected).run()
    kept = table_with(test, "Trước")
    assert line(kept, LANG_SON, "Xếp hạng") == ("1", "2") and line(kept, CAO_BANG, "Tổng điểm") == ("97,00", "103,00")

    widget(test.selectbox, "Lần nhập").set_value(corrected).run()
    shown = texts(test)
    assert "Hoàn tác sẽ dùng lại số liệu của lần nhập số 4 (tệp «tong_hop_2022.xlsx»" in shown
    assert f"Không còn ({SCOPE}, 1): {DIEN_BIEN}." in shown
    restoring = table_with(test, "Sau khi hoàn tác")
    assert line(restoring, LANG_SON, "Xếp hạng") == ("2", "1")
    assert line(restoring, CAO_BANG, "Khen thưởng") == (FLAG, MERIT)
    test.checkbox[0].check().run()
    button(test, "Hoàn tác").click().run()
    assert f"Đã hoàn tác lần nhập số {corrected}" in texts(test)
    ranking = par_db.query("cluster_ranking", cluster="cum-thi-dua-so-noi-vu-cac-tinh-mien-nui-bien-gioi-phia-bac",
                           year=2022)
    assert ranking.set_index("unit").loc[LANG_SON, "rank"] == 1 and DIEN_BIEN not in set(ranking.unit)


def test_a_corrected_roster_says_which_units_leave_and_which_roles_change(par_db):
    def roster(leader: str, members: list[str]) -> bytes:
        return xlsx_bytes(
            SheetSpec("Lanh dao", [["Cụm thi đua", "Năm", "Cụm trưởng", "Cụm phó"], [SNV_NORTH_NAME, 2022, leader, "Lai Châu"]]),
            SheetSpec("Thanh vien", [["Cụm thi đua", "Năm", "Đơn vị"], *([SNV_NORTH_NAME, 2022, m] for m in members)]))

    test = committed(upload(sign_in(app()), ("cum 2022.xlsx", roster("Lạng Sơn", ["Lạng Sơn", "Lai Châu", "Hà Giang"]))))
    upload(test, ("cum 2022 sua.xlsx", roster("Cao Bằng", ["Cao Bằng", "Lai Châu", "Lạng Sơn"])))
    shown = texts(test)
    assert "Thay thế số liệu đang dùng của lần nhập số 4 (tệp «cum 2022.xlsx»" in shown
    scope = f"{SNV_NORTH_NAME} · năm 2022"
    assert f"Xuất hiện mới ({scope}, 1): Sở Nội vụ Cao Bằng." in shown
    assert f"Không còn ({scope}, 1): Sở Nội vụ Hà Giang." in shown
    table = changes_table(test)
    assert line(table, "Sở Nội vụ Lạng Sơn", "Vai trò") == ("Cụm trưởng", "–")  # stays a member, no longer leads
    assert "Sở Nội vụ Lai Châu" not in set(table["Tỉnh, đơn vị"])
