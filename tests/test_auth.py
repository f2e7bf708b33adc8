"""The staff login: which way in is offered, passwords, the startup token, throttling."""

from __future__ import annotations

import io

import pytest

from navigator import auth

HASH = auth.hash_password("正确的坐席密码")
OIDC = {"auth": {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "s" * 32,
                 "client_id": "navigator", "client_secret": "x",
                 "server_metadata_url": "https://sso.example.gov.cn/.well-known/openid-configuration"}}


@pytest.fixture(autouse=True)
def no_env(monkeypatch):
    monkeypatch.delenv("NAVIGATOR_STAFF_PASSWORD_HASH", raising=False)
    monkeypatch.delenv("NAVIGATOR_STAFF_EMAILS", raising=False)


def test_nothing_configured_means_the_startup_token():
    assert auth.login_config({}).methods == ("token",)
    assert auth.login_config(None).methods == ("token",)


def test_password_hash_from_the_environment_or_the_secrets(monkeypatch):
    from_secrets = auth.login_config({"navigator": {"staff_password_hash": HASH}})
    assert from_secrets.methods == ("password",)
    assert from_secrets.password_hash.get_secret_value() == HASH
    monkeypatch.setenv("NAVIGATOR_STAFF_PASSWORD_HASH", HASH)
    from_env = auth.login_config({})
    assert from_env.methods == ("password",)
    assert "正确的坐席密码" not in repr(from_env)  # secrets never print


def test_oidc_needs_redirect_uri_cookie_secret_and_a_provider():
    assert auth.login_config(OIDC).oidc_providers == ("default",)
    named = {"auth": {"redirect_uri": "http://x/oauth2callback", "cookie_secret": "s" * 32,
                      "sso": {"client_id": "a", "client_secret": "b", "server_metadata_url": "https://x"}}}
    assert auth.login_config(named).oidc_providers == ("sso",)
    half = {"auth": {"client_id": "a", "server_metadata_url": "https://x"}}  # no redirect_uri, no cookie_secret
    assert auth.login_config(half).methods == ("token",)
    both = auth.login_config({**OIDC, "navigator": {"staff_password_hash": HASH}})
    assert both.methods == ("oidc", "password")


def test_oidc_accounts_can_be_limited_to_staff(monkeypatch):
    open_to_provider = auth.login_config(OIDC)
    assert open_to_provider.allows_account("anyone@example.com")
    monkeypatch.setenv("NAVIGATOR_STAFF_EMAILS", "lead@helpdesk.gov.cn, @12345.gov.cn")
    cfg = auth.login_config(OIDC)
    assert cfg.allows_account("Lead@Helpdesk.gov.cn")
    assert cfg.allows_account("agent7@12345.gov.cn")
    assert not cfg.allows_account("agent7@12345.gov.cn.evil.com")
    assert not cfg.allows_account("someone@gmail.com")
    assert not cfg.allows_account(None)


def test_passwords_hash_with_argon2_and_verify():
    assert HASH.startswith("$argon2id$")
    assert auth.verify_password(HASH, "正确的坐席密码")
    assert not auth.verify_password(HASH, "错误的密码")
    assert not auth.verify_password(HASH, "")
    assert not auth.verify_password("not-a-hash", "正确的坐席密码")  # a malformed setting never lets anyone in
    with pytest.raises(ValueError):
        auth.hash_password("")


def test_startup_token_is_printed_once_with_a_login_link(monkeypatch):
    monkeypatch.setattr(auth, "_ANNOUNCED", False)  # as in a fresh server process
    out = io.StringIO()
    assert auth.announce_token("http://localhost:8501", stream=out)
    token = auth.startup_token()
    assert f"http://localhost:8501/desk?token={token}" in out.getvalue()
    again = io.StringIO()
    assert not auth.announce_token("http://localhost:8501", stream=again)  # once per process
    assert again.getvalue() == ""
    assert len(token) >= 30 and auth.verify_token(token) and auth.verify_token(f"  {token}\n")
    assert not auth.verify_token(token[:-1]) and not auth.verify_token("") and not auth.verify_token(None)


def test_sign_in_with_password_or_token():
    cfg = auth.login_config({"navigator": {"staff_password_hash": HASH}})
    throttle = auth.Throttle()
    user = auth.sign_in(cfg, "s1", password="正确的坐席密码", throttle=throttle)
    assert isinstance(user, auth.StaffUser) and user.method == "password"
    assert auth.sign_in(cfg, "s1", password="错误", throttle=throttle) == "密码或口令不正确。"
    # The startup token is not a way in once a password is configured.
    assert isinstance(auth.sign_in(cfg, "s1", token=auth.startup_token(), throttle=throttle), str)
    token_cfg = auth.login_config({})
    assert isinstance(auth.sign_in(token_cfg, "s2", token=auth.startup_token(), throttle=throttle), auth.StaffUser)
    assert isinstance(auth.sign_in(token_cfg, "s2", password="正确的坐席密码", throttle=throttle), str)


def test_repeated_failures_lock_the_session_then_everyone_slows_down():
    t = auth.Throttle(per_session=3, lockout_s=60, per_minute=5)
    for _ in range(3):
        assert t.wait_seconds("a", now=100.0) == 0
        t.failed("a", now=100.0)
    assert 0 < t.wait_seconds("a", now=110.0) <= 50
    assert t.wait_seconds("b", now=110.0) == 0  # other sessions are not locked by one
    t.failed("b", now=111.0)
    t.failed("c", now=112.0)
    assert t.wait_seconds("d", now=113.0) > 0  # five failures within a minute: every attempt waits
    assert t.wait_seconds("a", now=175.0) == 0  # a minute later the lockouts have ended
    cfg = auth.login_config({"navigator": {"staff_password_hash": HASH}})
    locked = auth.Throttle(per_session=1, lockout_s=60, per_minute=100)
    auth.sign_in(cfg, "x", password="错误", throttle=locked)
    message = auth.sign_in(cfg, "x", password="正确的坐席密码", throttle=locked)
    assert isinstance(message, str) and "秒后再试" in message  # even the right password waits out the lockout


def test_hash_command_prints_a_hash(monkeypatch, capsys):
    answers = iter(["新密码-2026", "新密码-2026"])
    monkeypatch.setattr(auth.getpass, "getpass", lambda _prompt="": next(answers))
    assert auth.main(["hash"]) == 0
    printed = capsys.readouterr().out.strip()
    assert auth.verify_password(printed, "新密码-2026")
    answers = iter(["a", "b"])
    assert auth.main(["hash"]) == 2  # the two entries differ
