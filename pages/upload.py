"""Nhập dữ liệu: drop files, see exactly what each would write, correct what was read wrong,
commit; blank templates; the history of uploads and undo.

Names and messages from files are shown with st.text and st.dataframe only: a file can hold
markdown or HTML, and it must show as the text it is.
"""
from __future__ import annotations

import logging

import pandas as pd
import streamlit as st
from openpyxl.utils import column_index_from_string

from pages.access import current_identity, sign_in, signed_in_bar
from pages.shared import current_database, results, reused
from thidua.auth import Identity
from thidua.db import DatabaseBusy
from thidua.formatting import frame_as_read, vn_number
from thidua.ingest import KIND_LABELS, KINDS, leaving_units, write_upload
from thidua.kinds.index import INDICES
from thidua.readers.par import ColumnChoice
from thidua.readers.problems import Problem, Refused
from thidua.readers.scoring import PERIODS
from thidua.templates import TEMPLATES, template_xlsx
from thidua.uploads import (Changes, Corrections, NotUndoable, Preview, change_summary, change_table, correctable,
                            corrections_replace, detected, earlier_upload, maps_columns, preview_changes, preview_file,
                            recorded_changes, replaced_line, result_tables, sheet_grids, undo_changes, undo_upload)

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PROBLEMS_SHOWN = 15
INDEX_KINDS = (None, "par", "index")  # the kinds a person may say the provincial index of
TABLE_LABELS = {"scores": "Chỉ số và xếp hạng", "components": "Điểm thành phần", "clusters": "Cụm thi đua",
                "roles": "Cụm trưởng, Cụm phó", "members": "Đơn vị thành viên", "awards": "Khen thưởng",
                "units": "Điểm các đơn vị", "criteria": "Điểm theo tiêu chí"}
COLUMN_LABELS = {"year": "Năm", "province": "Tỉnh, thành phố", "province_code": "Mã tỉnh", "score": "Điểm",
                 "rank": "Xếp hạng", "rank_computed": "Hạng tự tính", "sipas": "SIPAS (%)", "component": "Thành phần",
                 "cluster": "Cụm thi đua", "cluster_id": "Mã cụm", "name": "Tên", "unit": "Đơn vị", "role": "Vai trò",
                 "award": "Khen thưởng", "total": "Tổng điểm", "self_total": "Tự chấm", "bonus": "Điểm thưởng",
                 "penalty": "Điểm trừ", "title": "Tiêu chí", "code": "Mã tiêu chí", "max_points": "Điểm tối đa",
                 "self_score": "Tự chấm", "cluster_score": "Cụm chấm", "proposed": "Đề nghị", "period": "Kỳ",
                 "criteria_total": "Tổng điểm các tiêu chí", "stated_cluster": "Cụm chấm (ghi trong tệp)",
                 "stated_self": "Tự chấm (ghi trong tệp)", "level": "Cấp tiêu chí", "measure": "Loại dòng",
                 "kind": "Loại", "note": "Ghi chú", "index": "Chỉ số", "band": "Nhóm xếp hạng",
                 "sheet": "Trang tính", "source_sheet": "Trang tính", "sipas_sheet": "Trang SIPAS", "cell": "Ô",
                 "name_cell": "Ô tên", "score_cell": "Ô điểm", "rank_cell": "Ô xếp hạng", "sipas_cell": "Ô SIPAS",
                 "total_cell": "Ô tổng điểm", "self_total_cell": "Ô tự chấm", "bonus_cell": "Ô điểm thưởng",
                 "penalty_cell": "Ô điểm trừ", "award_cell": "Ô khen thưởng", "self_cell": "Ô tự chấm",
                 "max_cell": "Ô điểm tối đa"}
# Columns without a name here (unit_key, parent_key, position, ...) are the readers' bookkeeping: not shown.
COMMITTED_KEY, UNDONE_KEY, GENERATION_KEY = "upload_committed", "upload_undone", "upload_generation"
_log = logging.getLogger(__name__)


# ---------------------------------------------------------------- reading, cached per file and corrections

@st.cache_data(max_entries=32, show_spinner="Đang đọc và kiểm tra tệp…")
def _preview(data: bytes, file_name: str, corrections: Corrections) -> Preview:
    return preview_file(data, file_name, corrections)


@st.cache_data(max_entries=32, show_spinner="Đang so với số liệu đang dùng…")
def _changes(data_version: str, data: bytes, file_name: str, corrections: Corrections) -> Changes:
    """What writing the file would change; data_version keys it (the figures in force it compares with)."""
    return preview_changes(current_database(), _preview(data, file_name, corrections).reading)


@st.cache_data(max_entries=32, show_spinner=False)
def _undo_changes(data_version: str, upload_id: int) -> Changes:
    return undo_changes(current_database(), upload_id)


@st.cache_data(max_entries=8, show_spinner=False)
def _grids(data: bytes, file_name: str) -> dict[str, pd.DataFrame] | list[Problem]:
    try:
        return sheet_grids(data, file_name)
    except Refused as refusal:
        return refusal.problems


# ---------------------------------------------------------------- showing problems and tables

def _line(problem: Problem) -> str:
    """'• trang «S», ô B7: message', or '• message' for the whole file."""
    where = [f"trang «{problem.sheet}»"] if problem.sheet is not None else []
    if problem.cell is not None:
        where.append(f"ô {problem.cell}")
    return f"• {', '.join(where)}: {problem.message}" if where else f"• {problem.message}"


def show_problems(problems: list[Problem]) -> None:
    lines = [_line(p) for p in problems]
    st.text("\n".join(lines[:PROBLEMS_SHOWN]))
    if len(lines) > PROBLEMS_SHOWN:
        with st.expander(f"Xem thêm {len(lines) - PROBLEMS_SHOWN} mục"):
            st.text("\n".join(lines[PROBLEMS_SHOWN:]))


def show_changes(changes: Changes, heading: str, before: str, after: str) -> None:
    """Which uploads it replaces, and per province or unit the figures that change, appear and leave."""
    st.markdown(f"**{heading}**")
    st.text("\n".join([replaced_line(changes), *change_summary(changes)]))
    table = change_table(changes, before, after)
    if len(table):
        st.dataframe(table, hide_index=True, height=min(38 + 35 * len(table), 400))


def show_tables(preview: Preview) -> None:
    tables = result_tables(preview.reading)
    for tab, frame in zip(st.tabs([TABLE_LABELS.get(name, name) for name in tables]), tables.values()):
        named = frame[[column for column in frame.columns if column in COLUMN_LABELS]]
        tab.dataframe(frame_as_read(named).rename(columns=COLUMN_LABELS), hide_index=True,
                      height=min(38 + 35 * len(frame), 400))


# ---------------------------------------------------------------- corrections

def _state(key: str):
    return st.session_state.get(key)


def _column_index(letter: str | None) -> int | None:
    return column_index_from_string(letter) - 1 if letter else None


def corrections_in_state(key: str) -> Corrections:
    """What the correction widgets of one file hold (they are drawn after the file is read, so
    the reading shows their values as set on the run before)."""
    columns = None
    if _state(f"{key}-map") and _state(f"{key}-map-province"):
        columns = ColumnChoice(_state(f"{key}-map-sheet"), int(_state(f"{key}-map-header") or 1) - 1,
                               *(_column_index(_state(f"{key}-map-{role}")) for role in ("province", "score", "rank")))
    year = _state(f"{key}-year")
    return Corrections("par" if columns else _state(f"{key}-kind"), int(year) if year is not None else None,
                       (_state(f"{key}-cluster") or "").strip() or None, _state(f"{key}-period"), columns,
                       _state(f"{key}-index"))


def correction_widgets(key: str, data: bytes, preview: Preview) -> None:
    found = detected(preview.reading) if preview.reading else None
    kind = preview.kind
    fields = correctable(kind)
    given = ("thay giá trị ghi trong tệp" if corrections_replace(kind)
             else "chỉ dùng khi tệp không ghi; giá trị ghi trong tệp được giữ")
    columns = st.columns([3, 2, 3, 2])
    columns[0].selectbox("Loại dữ liệu", [None, *KINDS], key=f"{key}-kind",
                         format_func=lambda k: KIND_LABELS.get(k, k) if k else
                         f"Tự nhận ra: {KIND_LABELS.get(kind, 'chưa rõ')}")
    if "year" in fields:
        columns[1].number_input("Năm", value=None, step=1, format="%d", key=f"{key}-year",
                                placeholder=f"Theo tệp: {found.year}" if found and found.year else "Chưa rõ",
                                help=f"Để trống: dùng năm ghi trong tệp. Ghi năm: {given}.")
    if "cluster" in fields:
        columns[2].text_input("Cụm thi đua", key=f"{key}-cluster",
                              placeholder=f"Theo tệp: {found.cluster}" if found and found.cluster else "Theo tệp",
                              help=f"Để trống: dùng tên cụm ghi trong tệp. Ghi tên cụm: {given}.")
    if "period" in fields:
        columns[3].selectbox("Kỳ chấm", [None, *PERIODS], key=f"{key}-period",
                             format_func=lambda p: PERIODS[p].capitalize() if p else "Theo tệp",
                             help=f"Chọn kỳ: {given}.")
    if kind in INDEX_KINDS:
        st.columns([3, 7])[0].selectbox(
            "Chỉ số", [None, *INDICES], key=f"{key}-index",
            format_func=lambda index: INDICES[index].name if index else "Theo tệp (tệp không ghi: Chỉ số CCHC)",
            help="Để trống: chỉ số được nhận ra từ tiêu đề, tên cột, tên trang (bảng không ghi tên chỉ số nào là "
                 "Chỉ số CCHC). Chọn chỉ số cho bảng không ghi tên; bảng ghi tên một chỉ số khác sẽ bị từ chối.")
    if maps_columns(kind):
        column_mapping(key, data, preview.file_name)


def column_mapping(key: str, data: bytes, file_name: str) -> None:
    """Pointing out the province, score and rank columns of a PAR table the reader did not recognise."""
    with st.expander("Chỉ định cột bảng Chỉ số CCHC (khi bảng không được nhận ra)", expanded=bool(_state(f"{key}-map"))):
        grids = _grids(data, file_name)
        if isinstance(grids, list):
            st.text("Không mở được tệp để chỉ định cột (xem lỗi ở dưới).")
            return
        sheet = st.selectbox("Trang", list(grids), key=f"{key}-map-sheet")
        grid = grids[sheet]
        st.dataframe(grid, height=260)
        header = st.number_input("Dòng tiêu đề", min_value=1, max_value=max(len(grid), 1), step=1,
                                 key=f"{key}-map-header")
        labels = grid.iloc[header - 1] if len(grid) >= header else pd.Series(dtype=str)

        def named(letter: str | None) -> str:
            return f"{letter} — {labels.get(letter, '')}".rstrip(" —") if letter else "Không có"

        letters = [None, *grid.columns]
        picks = st.columns(3)
        picks[0].selectbox("Cột tên tỉnh, thành phố", letters, format_func=named, key=f"{key}-map-province")
        picks[1].selectbox("Cột chỉ số (%)", letters, format_func=named, key=f"{key}-map-score")
        picks[2].selectbox("Cột xếp hạng", letters, format_func=named, key=f"{key}-map-rank")
        st.toggle("Đọc bảng theo các cột đã chọn", key=f"{key}-map")


# ---------------------------------------------------------------- one file

def file_panel(number: int, upload) -> Preview:
    key = f"file-{upload.file_id}"
    data = upload.getvalue()
    preview = _preview(data, upload.name, corrections_in_state(key))
    with st.container(border=True):
        title, badge = st.columns([5, 1], vertical_alignment="center")
        title.text(f"Tệp {number}: {upload.name} ({vn_number(len(data) / 1024, 1)} KB)")
        earlier = earlier_upload(current_database(), preview.reading) if preview.reading else None
        with badge:
            if preview.errors:
                st.badge("Không nhập được", color="red")
            elif earlier:
                st.badge("Đã nhập trước đó", color="gray")
            else:
                st.badge("Sẵn sàng ghi", color="green")
        correction_widgets(key, data, preview)
        if preview.errors:
            st.error(f"Tệp không nhập được: {len(preview.errors)} lỗi. Sửa tệp rồi tải lên lại, hoặc chỉnh loại dữ "
                     "liệu, năm, cụm, cột ở trên.", icon=":material/error:")
            show_problems(preview.errors)
            return preview
        reading = preview.reading
        st.text(f"Sẽ ghi: {KIND_LABELS.get(reading.kind, reading.kind)} — {reading.scope} — {reading.rows} dòng")
        if earlier:
            st.info(f"Nội dung này đã được nhập ở lần nhập số {earlier.upload_id} "
                    f"({earlier.uploaded_at:%d/%m/%Y %H:%M}): sẽ không ghi lại.", icon=":material/info:")
        else:
            changes = _changes(results().version, data, upload.name, corrections_in_state(key))
            show_changes(changes, "Ghi tệp này sẽ thay đổi", "Đang dùng", "Sau khi ghi")
        leaving = leaving_units(current_database(), reading)
        if leaving:
            st.warning(f"Ghi tệp này sẽ đưa {len(leaving)} đơn vị ra khỏi bảng xếp hạng (bảng tổng hợp mới không "
                       "còn các đơn vị này):", icon=":material/person_remove:")
            st.text("\n".join(f"• {unit}" for unit in leaving))
        if preview.warnings:
            st.warning(f"{len(preview.warnings)} cảnh báo (tệp vẫn nhập được):", icon=":material/warning:")
            show_problems(preview.warnings)
        show_tables(preview)
    return preview


# ---------------------------------------------------------------- commit

def ready_to_write(previews: list[Preview]) -> list[Preview]:
    db = current_database()
    return [p for p in previews if p.reading is not None and earlier_upload(db, p.reading) is None]


def commit(previews: list[Preview], identity: Identity) -> None:
    """Writes each file in its own transaction, with a progress bar; then starts a fresh upload."""
    db, lines, failed = current_database(), [], 0
    progress = st.progress(0.0, text="Đang ghi…")
    for done, preview in enumerate(previews):
        progress.progress(done / len(previews), text=f"Đang ghi tệp {done + 1}/{len(previews)}…")
        try:
            lines.append(write_upload(db, preview.reading, identity.name).summary())
        except DatabaseBusy as busy:
            lines.append(f"{preview.file_name}: CHƯA GHI — {busy}")
            failed += 1
        except Exception as error:  # the transaction rolled back: say so rather than show a traceback
            _log.exception("writing %s failed", preview.file_name)
            lines.append(f"{preview.file_name}: CHƯA GHI — lỗi khi ghi ({error}); không có gì của tệp này được ghi.")
            failed += 1
    progress.progress(1.0, text="Đã ghi xong.")
    st.session_state[COMMITTED_KEY] = (len(previews) - failed, failed, lines)
    st.session_state[GENERATION_KEY] = st.session_state.get(GENERATION_KEY, 0) + 1
    st.rerun()


def show_committed() -> None:
    written, failed, lines = st.session_state[COMMITTED_KEY]
    if written:
        st.success(f"Đã ghi {written} tệp vào cơ sở dữ liệu. Mọi trang đã dùng số liệu mới; có thể hoàn tác ở thẻ "
                   "«Lịch sử nhập».", icon=":material/check_circle:")
    if failed:
        st.error(f"{failed} tệp chưa ghi được; hãy thử lại.", icon=":material/error:")
    st.text("\n".join(lines))


def upload_section(identity: Identity) -> None:
    signed_in_bar(identity)
    # Any type is taken, so a wrong one is refused on the page in Vietnamese, naming the file (the uploader's
    # own refusal is an English tooltip).
    files = st.file_uploader("Chọn hoặc kéo thả tệp Excel (.xlsx, .xls) hoặc CSV; có thể chọn nhiều tệp",
                             help=f"Mỗi tệp tối đa {st.get_option('server.maxUploadSize')} MB. Tệp loại khác "
                                  "được báo lỗi ngay bên dưới và không được ghi.", accept_multiple_files=True,
                             key=f"upload-files-{st.session_state.get(GENERATION_KEY, 0)}")
    if not files:
        if COMMITTED_KEY in st.session_state:
            show_committed()
        st.caption("Mỗi tệp được đọc, kiểm tra và hiện ra đúng như sẽ ghi; chưa có gì được ghi cho đến khi bấm "
                   "«Ghi vào cơ sở dữ liệu». Mẫu bảng trống có ở thẻ «Mẫu bảng».")
        return
    st.session_state.pop(COMMITTED_KEY, None)
    previews = [file_panel(number, upload) for number, upload in enumerate(files, start=1)]
    ready = ready_to_write(previews)
    refused = sum(1 for p in previews if p.errors)
    note = f" ({refused} tệp có lỗi sẽ không được ghi)" if refused else ""
    st.caption(f"{len(ready)}/{len(previews)} tệp sẵn sàng ghi{note}. Mỗi tệp được ghi trọn vẹn hoặc không ghi gì.")
    if st.button(f"Ghi {len(ready)} tệp vào cơ sở dữ liệu", type="primary", disabled=not ready, key="ghi"):
        commit(ready, identity)


# ---------------------------------------------------------------- history and undo

def history_table(uploads: pd.DataFrame) -> pd.DataFrame:
    status = uploads.in_force.map({True: "Đang dùng", False: "Đã được thay bằng lần nhập sau"}).astype(object)
    undone = uploads[uploads.status == "undone"]  # few: their words are written one by one
    status[undone.index] = [f"Đã hoàn tác{f' bởi {by}' if by else ''} ({at:%d/%m/%Y %H:%M})"
                            for by, at in zip(undone.status_changed_by, undone.status_changed_at)]
    return pd.DataFrame({
        "Số": uploads.upload_id, "Thời điểm": uploads.uploaded_at.dt.strftime("%d/%m/%Y %H:%M"),
        "Tệp": uploads.file_name, "Loại": uploads.kind.map(lambda k: KIND_LABELS.get(k, k)), "Phạm vi": uploads.scope,
        "Trạng thái": status.tolist(), "Người nhập": uploads.uploaded_by,
        "Số dòng": uploads.row_count, "Cảnh báo": uploads.warning_count, "Mã nội dung": uploads.content_hash.str[:12],
    })


def undo_section(uploads: pd.DataFrame, identity: Identity) -> None:
    active = uploads[uploads.status == "active"]
    if active.empty:
        return
    st.subheader("Hoàn tác một lần nhập")
    names = {row.upload_id: f"Số {row.upload_id} — {row.file_name} — {KIND_LABELS.get(row.kind, row.kind)} {row.scope}"
             for row in active.itertuples()}
    chosen = st.selectbox("Lần nhập", list(names), format_func=names.get, key="hoan_tac_chon")
    changes = _undo_changes(results().version, int(chosen))
    if changes.brought:
        st.text("Hoàn tác sẽ dùng lại số liệu của " + "; ".join(u.phrase() for u in changes.brought) + ".")
    show_changes(changes, "Hoàn tác lần nhập này sẽ thay đổi", "Đang dùng", "Sau khi hoàn tác")
    understood = st.checkbox("Tôi hiểu: số liệu của lần nhập này sẽ không còn được dùng; bản nhập trước đó cho cùng "
                             "phạm vi (nếu có) được dùng lại. Lịch sử vẫn giữ lần nhập này.", key="hoan_tac_hieu")
    if st.button("Hoàn tác", disabled=not understood, key="hoan_tac"):
        try:
            st.session_state[UNDONE_KEY] = undo_upload(current_database(), int(chosen), identity.name).summary()
        except NotUndoable as refusal:
            st.session_state[UNDONE_KEY] = f"Không hoàn tác được: {refusal}"
        st.session_state.pop("hoan_tac_hieu", None)
        st.rerun()


def recorded_section(query, uploads: pd.DataFrame) -> None:
    """What a chosen upload changed when it was written."""
    names = {row.upload_id: f"Số {row.upload_id} — {row.file_name}" for row in uploads.itertuples()}
    chosen = st.selectbox("Xem thay đổi của lần nhập", list(names), format_func=names.get, key="xem_thay_doi")
    if not uploads.changes_recorded[uploads.upload_id == chosen].iloc[0]:
        st.text("Lần nhập này được ghi trước khi thidua lưu các thay đổi: không có bản ghi thay đổi.")
        return
    show_changes(recorded_changes(query, int(chosen)), "Khi được ghi, lần nhập này đã thay đổi",
                 "Trước", "Sau")


def history_section(identity: Identity | None) -> None:
    if UNDONE_KEY in st.session_state:
        st.success("Đã hoàn tác.", icon=":material/undo:")
        st.text(st.session_state.pop(UNDONE_KEY))
    query = results()
    uploads = query("upload_history")
    if uploads.empty:
        st.info("Chưa có lần nhập nào.")
        return
    st.dataframe(reused(history_table, uploads, made_from=query.snapshot), hide_index=True,
                 column_config={name: st.column_config.TextColumn(width="medium") for name in ("Tệp", "Phạm vi")})
    recorded_section(query, uploads)
    if identity is not None and identity.may_upload:
        undo_section(uploads, identity)
    else:
        st.caption("Hoàn tác một lần nhập cần quyền nhập dữ liệu (đăng nhập ở thẻ «Tải lên»).")


# ---------------------------------------------------------------- templates

def templates_section() -> None:
    st.caption("Mỗi mẫu có tiêu đề cột tiếng Việt và một dòng ví dụ; điền số liệu thay dòng ví dụ rồi tải lên.")
    for key, template in TEMPLATES.items():
        left, right = st.columns([3, 1], vertical_alignment="center")
        left.markdown(f"**{template.label}**  \n{template.hint}")
        right.download_button("Tải mẫu", data=lambda key=key: template_xlsx(key), file_name=template.file_name,
                              mime=XLSX_MIME, key=f"mau-{key}", icon=":material/download:")


# ---------------------------------------------------------------- the page

st.title("Nhập dữ liệu")
identity = current_identity()
upload_tab, history_tab, templates_tab = st.tabs(["Tải lên", "Lịch sử nhập", "Mẫu bảng"])
with upload_tab:
    if identity is not None and identity.may_upload:
        upload_section(identity)
    else:
        if identity is not None:
            signed_in_bar(identity)
        sign_in("Tải lên và hoàn tác cần quyền nhập dữ liệu. Hãy đăng nhập bằng tài khoản người nhập dữ liệu.")
with history_tab:
    history_section(identity)
with templates_tab:
    templates_section()
