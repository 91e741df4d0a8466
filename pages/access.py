"""Sign-in: who is using the dashboard and whether they may upload (thidua.auth decides).

With an [auth] section in secrets.toml people sign in through the identity provider (st.login);
otherwise with a login name and password whose hash is in [thidua.uploaders] or [thidua.viewers].
"""
from __future__ import annotations

import math

import streamlit as st
from streamlit.runtime import Runtime
from streamlit.runtime.scriptrunner import get_script_run_ctx

from thidua.auth import AccessSettings, Identity, LockedOut, access_settings, oidc_identity, sign_in_with_password

IDENTITY_KEY = "thidua_identity"
SETUP_HINT = ("Người quản trị cấu hình quyền trong tệp .streamlit/secrets.toml (xem README, mục «Quyền nhập dữ liệu»).")


def settings() -> AccessSettings:
    try:
        return access_settings(st.secrets.to_dict())
    except FileNotFoundError:  # no secrets.toml: everything open to view, nobody may upload
        return AccessSettings()


def current_identity() -> Identity | None:
    access = settings()
    if access.oidc and st.user.is_logged_in:
        return oidc_identity(access, st.user.get("email"), st.user.get("name"))
    return st.session_state.get(IDENTITY_KEY)


def sign_in(purpose: str) -> None:
    """The way to sign in that secrets.toml configures, with purpose saying why it is asked."""
    access = settings()
    st.info(purpose, icon=":material/lock:")
    if access.oidc:
        if st.button("Đăng nhập bằng tài khoản cơ quan", type="primary"):
            st.login(access.oidc_provider)
        return
    if not access.uploaders and not access.viewers:
        st.warning("Chưa có tài khoản nào được cấu hình. " + SETUP_HINT)
        return
    _password_form(access)


def _password_form(access: AccessSettings) -> None:
    with st.form("dang_nhap", width=420):
        login = st.text_input("Tên đăng nhập", autocomplete="username")
        password = st.text_input("Mật khẩu", type="password", autocomplete="current-password")
        submitted = st.form_submit_button("Đăng nhập", type="primary")
    if not submitted:
        return
    try:
        identity = sign_in_with_password(access, login, password, origin=_origin())
    except LockedOut as locked:
        st.error(f"Tài khoản này đã bị nhập sai mật khẩu nhiều lần; hãy thử lại sau {math.ceil(locked.seconds / 60)} "
                 "phút.")
        return
    if identity is None:
        st.error("Tên đăng nhập hoặc mật khẩu không đúng.")
        return
    st.session_state[IDENTITY_KEY] = identity
    st.rerun()


def _origin() -> str:
    """Where a sign-in came from, for the log."""
    return st.context.ip_address or ""


def signed_in_bar(identity: Identity) -> None:
    """Who is signed in, in what role, and a way out."""
    role = "người nhập dữ liệu" if identity.may_upload else "người xem"
    left, right = st.columns([5, 1], vertical_alignment="center")
    left.text(f"Đang đăng nhập: {identity.name} ({role})")
    if right.button("Đăng xuất", key="dang_xuat"):
        st.session_state.pop(IDENTITY_KEY, None)
        if identity.method == "oidc":
            st.logout()
        st.rerun()


def _uploading_sessions() -> set[str] | None:
    """The sessions signed in as uploaders, kept on the server's runtime (one per process), whose upload
    endpoint takes files from them only; None when there is no server (tests run pages without one).

    Streamlit's /_stcore/upload_file/SESSION/FILE endpoint stores, in memory, any file sent for any
    open session and any file id, up to server.maxUploadSize each and with no total: an anonymous
    visitor could fill the server's memory without ever seeing a file uploader. In Streamlit 1.67 the
    endpoint's only question about the session, asked before it reads the body, is
    runtime.is_active_session (nothing else calls it): answering it "no" for a session not signed in
    as an uploader refuses the request with 400 before a byte of the file is read."""
    if not Runtime.exists():
        return None
    runtime = Runtime.instance()
    sessions = getattr(runtime, "thidua_uploading_sessions", None)
    if sessions is None:
        sessions = set()
        is_active = runtime.is_active_session
        runtime.is_active_session = lambda session_id: session_id in sessions and is_active(session_id)
        runtime.thidua_uploading_sessions = sessions
    return sessions


def admit_uploads() -> None:
    """Lets this session send files to the server when, and only while, it is signed in as an uploader."""
    sessions, context = _uploading_sessions(), get_script_run_ctx()
    if sessions is None or context is None:
        return
    identity = current_identity()
    if identity is not None and identity.may_upload:
        sessions.add(context.session_id)
    else:
        sessions.discard(context.session_id)


def require_sign_in_to_view() -> None:
    """Stops every page for someone not signed in, when secrets.toml asks for sign-in to view."""
    if settings().sign_in_to_view and current_identity() is None:
        st.title("Đăng nhập")
        sign_in("Bảng điều khiển này chỉ dành cho người đã đăng nhập.")
        st.stop()
