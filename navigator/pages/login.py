"""The staff login drawn by staff pages (坐席工作台) before anything else; not a page of its own.

``require_staff()`` returns the signed-in staff member or draws the login and
stops the page: nothing of the enquiry log is read before it returns. The
checks live in ``navigator.auth``.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

import streamlit as st

from navigator import auth

STAFF_KEY = "nav_staff"
SESSION_KEY = "nav_session_id"


def _secrets() -> dict[str, Any]:
    try:
        return st.secrets.to_dict() if st.secrets.load_if_toml_exists() else {}
    except (OSError, ValueError):  # an unreadable secrets file: no OIDC, no password from secrets
        return {}


def config() -> auth.LoginConfig:
    """The login methods configured for this server."""
    return auth.login_config(_secrets())


def _session() -> str:
    return st.session_state.setdefault(SESSION_KEY, secrets.token_hex(8))


def current_staff(cfg: auth.LoginConfig | None = None) -> auth.StaffUser | None:
    """The staff member signed in on this browser session, if any."""
    cfg = cfg or config()
    user = st.session_state.get(STAFF_KEY)
    if isinstance(user, auth.StaffUser):
        return user
    if "oidc" in cfg.methods and st.user.is_logged_in:
        email = st.user.get("email")
        if cfg.allows_account(email):
            return auth.StaffUser(name=str(st.user.get("name") or email or "坐席"), method="oidc",
                                  since=dt.datetime.now(dt.UTC))
    return None


def _accept(result: auth.StaffUser | str) -> None:
    if isinstance(result, auth.StaffUser):
        st.session_state[STAFF_KEY] = result
        st.rerun()
    st.error(result, icon=":material/lock:")


def _submit(cfg: auth.LoginConfig, method: str) -> None:
    secret = st.session_state.get(f"login_{method}", "")
    st.session_state[f"login_{method}"] = ""
    result = auth.sign_in(cfg, _session(), **{method: secret})
    if isinstance(result, auth.StaffUser):
        st.session_state[STAFF_KEY] = result
    else:
        st.session_state["login_error"] = result


def require_staff(page_title: str) -> auth.StaffUser:
    """The signed-in staff member; otherwise draw the login form and stop the page."""
    cfg = config()
    user = current_staff(cfg)
    if user is not None:
        return user
    token = st.query_params.get("token")
    if token and "token" in cfg.methods:
        del st.query_params["token"]
        _accept(auth.sign_in(cfg, _session(), token=token))

    st.title(page_title)
    st.info("此页面含来电人信息和企业资料，仅限坐席人员登录后使用。企业用户请使用左侧的其他页面。",
            icon=":material/lock:")
    error = st.session_state.pop("login_error", None)
    if error:
        st.error(error, icon=":material/lock:")
    if "oidc" in cfg.methods:
        if st.user.is_logged_in:
            st.warning(f"当前账号（{st.user.get('email') or '未提供邮箱'}）不在坐席名单中。")
            st.button("退出该账号", on_click=st.logout, key="login_oidc_out")
        else:
            for provider in cfg.oidc_providers:
                args = () if provider == "default" else (provider,)
                st.button("使用单位账号登录" if provider == "default" else f"使用单位账号登录（{provider}）",
                          type="primary", on_click=st.login, args=args, key=f"login_oidc_{provider}",
                          icon=":material/login:")
    if "password" in cfg.methods:
        with st.form("login_password_form"):
            st.text_input("坐席密码", type="password", key="login_password", autocomplete="current-password")
            st.form_submit_button("登录", type="primary", on_click=_submit, args=(cfg, "password"),
                                  icon=":material/login:")
    if "token" in cfg.methods:
        with st.form("login_token_form"):
            st.text_input("启动口令", type="password", key="login_token", autocomplete="off",
                          help="尚未配置坐席密码或单位账号登录。口令在服务器启动时打印在控制台上，重启后失效。")
            st.form_submit_button("登录", type="primary", on_click=_submit, args=(cfg, "token"),
                                  icon=":material/login:")
    st.stop()
    raise AssertionError("unreachable")


def staff_sidebar(user: auth.StaffUser) -> None:
    """Who is signed in, and the way out."""
    with st.sidebar:
        st.caption(f"坐席：{user.name}")
        if st.button("退出坐席登录", icon=":material/logout:", key="login_logout"):
            st.session_state.pop(STAFF_KEY, None)
            if user.method == "oidc":
                st.logout()
            st.rerun()
