"""Who may open the staff pages (坐席工作台): enterprises use the same app, so the enquiry log needs a login.

Three ways in, chosen by what is configured:

1. **OIDC** through Streamlit's ``st.login`` when ``.streamlit/secrets.toml``
   has an ``[auth]`` section with ``redirect_uri``, ``cookie_secret`` and a
   provider (``client_id``...). ``staff_emails`` (environment or secrets)
   limits it to named accounts or ``@domain`` suffixes; without it every
   account of the configured provider is staff.
2. **A staff password** whose argon2 hash is in ``NAVIGATOR_STAFF_PASSWORD_HASH``
   or in the secrets (``[navigator] staff_password_hash``). Make one with
   ``python -m navigator.auth hash``.
3. **Neither:** each server start generates a one-time token and prints it on
   the console with a link, as Jupyter does; it is valid until the server stops.

This module holds no Streamlit code: the pages pass ``st.secrets`` in and draw
the forms (``navigator/pages/login.py``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import hmac
import secrets
import sys
import threading
import time
from collections import deque
from collections.abc import Mapping
from typing import Any, Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from pydantic import BaseModel, ConfigDict, Field, SecretStr

from navigator.settings import Settings, read_settings

Method = Literal["oidc", "password", "token"]
TOKEN_BYTES = 24
MAX_FAILURES_PER_SESSION = 5
LOCKOUT_SECONDS = 60
MAX_FAILURES_PER_MINUTE = 30  # across all sessions: beyond this every attempt waits


class LoginConfig(BaseModel):
    """What the staff login offers, resolved from the environment and the secrets."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    oidc_providers: tuple[str, ...] = Field(default=(), description="st.login provider names; 'default' = [auth].")
    password_hash: SecretStr | None = Field(default=None, description="argon2 hash of the staff password.")
    staff_emails: frozenset[str] = Field(default=frozenset(), description="Allowed accounts or @domain suffixes.")

    @property
    def methods(self) -> tuple[Method, ...]:
        """The ways in, in the order the login form offers them."""
        out: list[Method] = []
        if self.oidc_providers:
            out.append("oidc")
        if self.password_hash is not None:
            out.append("password")
        if not out:
            out.append("token")
        return tuple(out)

    def allows_account(self, email: str | None) -> bool:
        """Whether an OIDC account is staff: any account of the provider, unless ``staff_emails`` names some."""
        if not self.staff_emails:
            return True
        if not email:
            return False
        email = email.strip().lower()
        return any(email == a or (a.startswith("@") and email.endswith(a)) for a in self.staff_emails)


class StaffUser(BaseModel):
    """A signed-in staff member."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(description="What the desk shows: the account name or e-mail, or 坐席.")
    method: Method
    since: dt.datetime


def _section(secrets_: Mapping[str, Any] | None, name: str) -> Mapping[str, Any]:
    try:
        value = (secrets_ or {}).get(name)
    except (AttributeError, KeyError, TypeError):
        return {}
    return value if isinstance(value, Mapping) else {}


def oidc_providers(secrets_: Mapping[str, Any] | None) -> tuple[str, ...]:
    """Providers ``st.login`` can use: the ``[auth]`` section must hold redirect_uri and cookie_secret."""
    auth = _section(secrets_, "auth")
    if not auth.get("redirect_uri") or not auth.get("cookie_secret"):
        return ()
    named = tuple(k for k, v in auth.items() if isinstance(v, Mapping) and v.get("client_id") and "_" not in k)
    if auth.get("client_id") and auth.get("server_metadata_url"):
        return ("default", *named)
    return named


def login_config(secrets_: Mapping[str, Any] | None = None, env: Settings | None = None) -> LoginConfig:
    """What the staff login offers, from the environment and the Streamlit secrets (environment first).

    Args:
        secrets_: Streamlit's secrets (``st.secrets``), or None.
        env: The settings; by default read from the environment now, so a changed variable counts at once.
    """
    env = env or read_settings()
    nav = _section(secrets_, "navigator")
    hash_ = env.staff_password_hash.get_secret_value() if env.staff_password_hash else None
    hash_ = hash_ or nav.get("staff_password_hash") or None
    emails = env.staff_emails if env.staff_emails is not None else nav.get("staff_emails")
    if isinstance(emails, str):
        emails = emails.split(",")
    allowed = frozenset(e.strip().lower() for e in emails or [] if isinstance(e, str) and e.strip())
    return LoginConfig(oidc_providers=oidc_providers(secrets_),
                       password_hash=SecretStr(str(hash_)) if hash_ else None, staff_emails=allowed)


# --- passwords -----------------------------------------------------------------------------------------

_HASHER = PasswordHasher()


def hash_password(password: str) -> str:
    """The argon2id hash to put in ``NAVIGATOR_STAFF_PASSWORD_HASH``."""
    if not password:
        raise ValueError("密码不能为空")
    return _HASHER.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """Whether ``password`` matches the argon2 hash; a malformed hash never matches."""
    if not password or not password_hash:
        return False
    try:
        return _HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


# --- the one-time token ----------------------------------------------------------------------------------

_TOKEN_LOCK = threading.Lock()
_TOKEN: str | None = None
_ANNOUNCED = False


def startup_token() -> str:
    """This server's staff token, generated on first use and kept until the process ends."""
    global _TOKEN
    with _TOKEN_LOCK:
        if _TOKEN is None:
            _TOKEN = secrets.token_urlsafe(TOKEN_BYTES)
        return _TOKEN


def verify_token(candidate: str | None) -> bool:
    """Whether ``candidate`` is this server's token (constant-time comparison)."""
    if not candidate or _TOKEN is None:
        return False
    return hmac.compare_digest(candidate.strip().encode(), _TOKEN.encode())


def announce_token(base_url: str = "http://localhost:8501", stream=None) -> bool:
    """Print the staff token and a login link on the console, once per process. Returns whether it printed."""
    global _ANNOUNCED
    token = startup_token()
    with _TOKEN_LOCK:
        if _ANNOUNCED:
            return False
        _ANNOUNCED = True
    out = stream or sys.stderr
    print("\n  坐席工作台未配置登录方式（OIDC 或坐席密码），本次启动生成一次性口令：\n"
          f"      {token}\n"
          f"  打开以下链接即可登录：\n      {base_url.rstrip('/')}/desk?token={token}\n"
          "  （重启后失效；长期使用请设置 NAVIGATOR_STAFF_PASSWORD_HASH，见 python -m navigator.auth hash）\n",
          file=out, flush=True)
    return True


# --- throttling -------------------------------------------------------------------------------------------


class Throttle:
    """Failed sign-ins: a session is locked out after a few failures; a flood slows every attempt."""

    def __init__(self, per_session: int = MAX_FAILURES_PER_SESSION, lockout_s: float = LOCKOUT_SECONDS,
                 per_minute: int = MAX_FAILURES_PER_MINUTE):
        self.per_session, self.lockout_s, self.per_minute = per_session, lockout_s, per_minute
        self._sessions: dict[str, deque[float]] = {}
        self._all: deque[float] = deque()
        self._lock = threading.Lock()

    def wait_seconds(self, session: str, now: float | None = None) -> float:
        """How long ``session`` must wait before it may try again (0 when it may try now)."""
        now = time.monotonic() if now is None else now
        with self._lock:
            self._expire(now)
            mine = self._sessions.get(session, deque())
            if len(mine) >= self.per_session:
                return max(0.0, mine[0] + self.lockout_s - now)
            if len(self._all) >= self.per_minute:
                return max(0.0, self._all[0] + 60 - now)
            return 0.0

    def failed(self, session: str, now: float | None = None) -> None:
        """Record a failed attempt."""
        now = time.monotonic() if now is None else now
        with self._lock:
            self._sessions.setdefault(session, deque()).append(now)
            self._all.append(now)

    def succeeded(self, session: str) -> None:
        """Forget a session's failures after it signed in."""
        with self._lock:
            self._sessions.pop(session, None)

    def _expire(self, now: float) -> None:
        while self._all and self._all[0] < now - 60:
            self._all.popleft()
        for key in list(self._sessions):
            q = self._sessions[key]
            while q and q[0] < now - self.lockout_s:
                q.popleft()
            if not q:
                del self._sessions[key]


THROTTLE = Throttle()


def sign_in(config: LoginConfig, session: str, *, password: str | None = None, token: str | None = None,
            throttle: Throttle = THROTTLE) -> StaffUser | str:
    """Check a password or the startup token; returns the staff user, or a one-line reason in Chinese."""
    wait = throttle.wait_seconds(session)
    if wait > 0:
        return f"尝试次数过多，请 {int(wait) + 1} 秒后再试。"
    now = dt.datetime.now(dt.UTC)
    if password is not None and config.password_hash is not None:
        if verify_password(config.password_hash.get_secret_value(), password):
            throttle.succeeded(session)
            return StaffUser(name="坐席", method="password", since=now)
    elif token is not None and "token" in config.methods and verify_token(token):
        throttle.succeeded(session)
        return StaffUser(name="坐席", method="token", since=now)
    throttle.failed(session)
    return "密码或口令不正确。"


def main(argv: list[str] | None = None) -> int:
    """``python -m navigator.auth hash``: read a password twice and print its argon2 hash."""
    parser = argparse.ArgumentParser(prog="python -m navigator.auth", description="坐席登录工具")
    sub = parser.add_subparsers(dest="cmd", required=True)
    sub.add_parser("hash", help="生成坐席密码的 argon2 哈希，填入 NAVIGATOR_STAFF_PASSWORD_HASH")
    parser.parse_args(argv)
    first = getpass.getpass("坐席密码：")
    if not first:
        print("密码不能为空", file=sys.stderr)
        return 2
    if getpass.getpass("再输一次：") != first:
        print("两次输入不一致", file=sys.stderr)
        return 2
    print(hash_password(first))
    return 0


if __name__ == "__main__":
    sys.exit(main())
