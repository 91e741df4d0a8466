"""Who may do what: viewing is open unless a setting asks for sign-in; uploading and undoing need
the uploader role.

Two ways to sign in, both configured in .streamlit/secrets.toml (README, "Quyền nhập dữ liệu"):
OpenID Connect through Streamlit's st.login when an [auth] section exists, the uploaders being
the e-mail addresses listed in [thidua] uploader_emails; otherwise login names with scrypt
password hashes in [thidua.uploaders] (and [thidua.viewers]). Only hashes are ever stored;
`python -m thidua hash-password` makes one. No Streamlit here: pages/access.py asks the questions.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import os
import threading
import time
import unicodedata
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache

UPLOADER, VIEWER = "uploader", "viewer"
SCHEME = "scrypt"
COST, BLOCK_SIZE, PARALLELISM = 2 ** 14, 8, 1     # about 50 ms and 16 MB per check
MAX_MEMORY = 256 * 1024 * 1024                     # a hash asking for more is refused, not computed
SALT_BYTES, KEY_BYTES = 16, 32
MAX_FAILURES, LOCKOUT_SECONDS = 5, 300
_log = logging.getLogger(__name__)


def _encoded(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _scrypt(password: str, salt: bytes, cost: int, block_size: int, parallelism: int, length: int) -> bytes:
    # Vietnamese typed on different keyboards arrives composed or decomposed: both mean the same password.
    secret = unicodedata.normalize("NFC", password).encode("utf-8")
    return hashlib.scrypt(secret, salt=salt, n=cost, r=block_size, p=parallelism, dklen=length, maxmem=MAX_MEMORY)


def hash_password(password: str) -> str:
    """'scrypt$N$r$p$salt$key', base64 parts: what goes into secrets.toml."""
    salt = os.urandom(SALT_BYTES)
    key = _scrypt(password, salt, COST, BLOCK_SIZE, PARALLELISM, KEY_BYTES)
    return "$".join([SCHEME, str(COST), str(BLOCK_SIZE), str(PARALLELISM), _encoded(salt), _encoded(key)])


def verify_password(password: str, stored: str) -> bool:
    """True when the password gives the stored hash; a malformed hash never matches."""
    try:
        scheme, cost, block_size, parallelism, salt, key = stored.split("$")
        cost, block_size, parallelism = int(cost), int(block_size), int(parallelism)
        salt, key = base64.b64decode(salt, validate=True), base64.b64decode(key, validate=True)
    except (ValueError, AttributeError):
        return False
    within_memory = 0 < 129 * cost * block_size * parallelism <= MAX_MEMORY
    if scheme != SCHEME or not (cost > 1 and block_size > 0 and parallelism > 0 and within_memory and key):
        return False
    return hmac.compare_digest(_scrypt(password, salt, cost, block_size, parallelism, len(key)), key)


@cache
def _nobody() -> str:
    """A hash checked for unknown login names, so a wrong name costs the time a wrong password does."""
    return hash_password(os.urandom(8).hex())


@dataclass(frozen=True)
class Identity:
    name: str      # stored with every upload: the login name or the e-mail address
    role: str      # UPLOADER or VIEWER
    method: str    # "password" or "oidc"

    @property
    def may_upload(self) -> bool:
        return self.role == UPLOADER


@dataclass(frozen=True)
class AccessSettings:
    sign_in_to_view: bool = False
    oidc: bool = False                       # an [auth] section exists: sign in through st.login
    oidc_provider: str | None = None         # which [auth.NAME] provider, when there are several
    uploader_emails: frozenset[str] = frozenset()
    uploaders: Mapping[str, str] = field(default_factory=dict)   # login name -> password hash
    viewers: Mapping[str, str] = field(default_factory=dict)

    @property
    def passwords(self) -> bool:
        return bool(self.uploaders)


def access_settings(secrets: Mapping) -> AccessSettings:
    """The settings in secrets.toml: [auth] for OIDC, and [thidua] for the rest."""
    section = secrets.get("thidua", {}) or {}
    return AccessSettings(
        sign_in_to_view=bool(section.get("sign_in_to_view", False)),
        oidc="auth" in secrets,
        oidc_provider=section.get("oidc_provider") or None,
        uploader_emails=frozenset(str(e).strip().lower() for e in section.get("uploader_emails", [])),
        uploaders={str(k): str(v) for k, v in (section.get("uploaders", {}) or {}).items()},
        viewers={str(k): str(v) for k, v in (section.get("viewers", {}) or {}).items()},
    )


class SignInLockout:
    """Wrong passwords per login name, counted for the whole process (every session, every browser):
    after MAX_FAILURES within LOCKOUT_SECONDS the login is refused until the oldest of them ages out."""

    def __init__(self, max_failures: int = MAX_FAILURES, window: float = LOCKOUT_SECONDS,
                 clock: Callable[[], float] = time.monotonic):
        self.max_failures, self.window, self._clock = max_failures, window, clock
        self._failures: dict[str, deque[float]] = {}
        self._guard = threading.Lock()

    @staticmethod
    def _key(login: str) -> str:
        return unicodedata.normalize("NFC", login.strip()).casefold()

    def _recent(self, key: str) -> deque[float]:
        moments = self._failures.get(key, deque())
        while moments and self._clock() - moments[0] >= self.window:
            moments.popleft()
        if not moments:
            self._failures.pop(key, None)
        return moments

    def seconds_left(self, login: str) -> float:
        """0 when the login may try; else how long until it may try again."""
        with self._guard:
            moments = self._recent(self._key(login))
            if len(moments) < self.max_failures:
                return 0.0
            return self.window - (self._clock() - moments[-self.max_failures])

    def failed(self, login: str) -> None:
        with self._guard:
            key = self._key(login)
            self._failures[key] = self._recent(key)
            self._failures[key].append(self._clock())

    def succeeded(self, login: str) -> None:
        with self._guard:
            self._failures.pop(self._key(login), None)


class LockedOut(Exception):
    """Too many wrong passwords for this login lately; seconds says how long to wait."""

    def __init__(self, seconds: float):
        super().__init__(seconds)
        self.seconds = seconds


LOCKOUT = SignInLockout()


def sign_in_with_password(settings: AccessSettings, login: str, password: str, lockout: SignInLockout = LOCKOUT,
                          *, origin: str = "") -> Identity | None:
    """password_identity, refused for a login locked out by earlier failures (LockedOut); every failed or
    refused sign-in is logged with the login name and origin (never the password)."""
    waiting = lockout.seconds_left(login)
    if waiting:
        _log.warning("sign-in refused, login locked out for %.0f s more: login=%r origin=%s", waiting, login, origin)
        raise LockedOut(waiting)
    identity = password_identity(settings, login, password)
    if identity is None:
        lockout.failed(login)
        _log.warning("sign-in failed: login=%r origin=%s", login, origin)
    else:
        lockout.succeeded(login)
    return identity


def password_identity(settings: AccessSettings, login: str, password: str) -> Identity | None:
    """Who a login name and password belong to, or None."""
    login = login.strip()
    for role, accounts in ((UPLOADER, settings.uploaders), (VIEWER, settings.viewers)):
        if login in accounts:
            return Identity(login, role, "password") if verify_password(password, accounts[login]) else None
    verify_password(password, _nobody())
    return None


def oidc_identity(settings: AccessSettings, email: str | None, name: str | None = None) -> Identity:
    """A person signed in through the identity provider: an uploader when the address is listed."""
    address = (email or "").strip().lower()
    role = UPLOADER if address and address in settings.uploader_emails else VIEWER
    return Identity(address or (name or "").strip() or "(không rõ tên)", role, "oidc")
