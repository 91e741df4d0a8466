"""Password hashes, the settings read from secrets.toml, who gets the uploader role, and the
command that makes a hash."""
from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import logging

import pytest

from thidua.auth import (UPLOADER, VIEWER, AccessSettings, LockedOut, SignInLockout, access_settings, hash_password,
                         oidc_identity, password_identity, sign_in_with_password, verify_password)

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
    spaces = subprocess.run([sys.executable, "-m", "thidua", "hash-password"], input=" " * 12 + "\n", cwd=ROOT,
                            capture_output=True, text=True, timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert spaces.returncode == 1 and spaces.stdout == "" and "ít nhất 10 ký tự" in spaces.stderr


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def accounts() -> AccessSettings:
    return AccessSettings(uploaders={"canbo": hash_password("mot mat khau dai")})


def test_five_wrong_passwords_lock_the_login_for_every_caller_until_the_window_passes(accounts, caplog):
    clock = Clock()
    lockout = SignInLockout(max_failures=5, window=300, clock=clock)
    caplog.set_level(logging.WARNING, logger="thidua.auth")
    for attempt in range(5):
        clock.now += 10
        assert sign_in_with_password(accounts, "canbo", f"sai {attempt}", lockout, origin="10.0.0.7") is None
    with pytest.raises(LockedOut) as locked:
        sign_in_with_password(accounts, " CanBo ", "mot mat khau dai", lockout)  # the right password, too late
    assert locked.value.seconds == pytest.approx(300 - 40)
    assert sign_in_with_password(accounts, "nguoi khac", "x", lockout) is None  # other logins are not locked
    clock.now += 261
    assert sign_in_with_password(accounts, "canbo", "mot mat khau dai", lockout).role == UPLOADER
    failed = [r.getMessage() for r in caplog.records if "sign-in failed" in r.getMessage()]
    assert len(failed) == 6 and "login='canbo'" in failed[0] and "origin=10.0.0.7" in failed[0]
    assert any("locked out" in r.getMessage() for r in caplog.records)
    assert not any("sai " in r.getMessage() or "mot mat khau" in r.getMessage() for r in caplog.records)


def test_a_success_clears_the_failures_of_its_login(accounts):
    lockout = SignInLockout(max_failures=2, window=300, clock=Clock())
    sign_in_with_password(accounts, "canbo", "sai", lockout)
    sign_in_with_password(accounts, "canbo", "mot mat khau dai", lockout)
    sign_in_with_password(accounts, "canbo", "sai", lockout)
    assert lockout.seconds_left("canbo") == 0
