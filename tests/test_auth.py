"""Password hashes, the settings read from secrets.toml, who gets the uploader role, and the
command that makes a hash."""
from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from pathlib import Path

from thidua.auth import (UPLOADER, VIEWER, AccessSettings, access_settings, hash_password, oidc_identity,
                         password_identity, verify_password)

ROOT = Path(__file__).resolve().parent.parent


def test_a_hash_verifies_its_password_only_and_is_salted():
    stored = hash_password("Sở Nội vụ 2026!")
    assert stored.startswith("scrypt$16384$8$1$")
    assert verify_password("Sở Nội vụ 2026!", stored)
    assert not verify_password("Sở Nội vụ 2026", stored)
    assert hash_password("Sở Nội vụ 2026!") != stored


def test_a_password_typed_decomposed_matches_the_composed_one():
    stored = hash_password("mật khẩu")
    assert verify_password(unicodedata.normalize("NFD", "mật khẩu"), stored)


def test_malformed_or_greedy_hashes_never_match():
    for stored in ("", "plain text", "md5$abc", "scrypt$16384$8$1$!!$!!",
                   "scrypt$1073741824$8$1$AAAA$AAAA"):  # would need 1 TB of memory
        assert not verify_password("x", stored)


def test_settings_come_from_the_thidua_section_and_auth_turns_on_oidc():
    settings = access_settings({"auth": {"redirect_uri": "x"}, "thidua": {
        "sign_in_to_view": True, "uploader_emails": [" Can.Bo@SoNoiVu.gov.vn "], "uploaders": {"a": "h"}}})
    assert settings.oidc and settings.sign_in_to_view and settings.uploaders == {"a": "h"}
    assert settings.uploader_emails == {"can.bo@sonoivu.gov.vn"}
    assert access_settings({}) == AccessSettings()


def test_the_uploader_role_goes_to_the_listed_addresses_and_accounts_only():
    settings = AccessSettings(oidc=True, uploader_emails=frozenset({"can.bo@sonoivu.gov.vn"}),
                              uploaders={"canbo": hash_password("mot mat khau dai")},
                              viewers={"lanhdao": hash_password("mat khau xem")})
    assert oidc_identity(settings, "Can.Bo@SoNoiVu.gov.vn").role == UPLOADER
    assert oidc_identity(settings, "khach@gmail.com").role == VIEWER
    assert oidc_identity(settings, None, "Khách").name == "Khách"
    assert password_identity(settings, " canbo ", "mot mat khau dai").role == UPLOADER
    assert password_identity(settings, "lanhdao", "mat khau xem").role == VIEWER
    assert password_identity(settings, "lanhdao", "mot mat khau dai") is None
    assert password_identity(settings, "ai do", "mot mat khau dai") is None


def test_the_command_line_prints_a_hash_that_verifies():
    run = subprocess.run([sys.executable, "-m", "thidua", "hash-password"], input="mật khẩu đủ dài\n", cwd=ROOT,
                         capture_output=True, text=True, timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert run.returncode == 0 and "[thidua.uploaders]" in run.stderr
    assert verify_password("mật khẩu đủ dài", run.stdout.strip())
    short = subprocess.run([sys.executable, "-m", "thidua", "hash-password"], input="ngắn\n", cwd=ROOT,
                           capture_output=True, text=True, timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert short.returncode == 1 and short.stdout == "" and "ít nhất 10 ký tự" in short.stderr
