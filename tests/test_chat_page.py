"""智能咨询 through ``AppTest``: the answer card first, evidence folded, facts shown in Chinese and removable,
and the same answers as ``ask --session`` on the command line for the same conversation."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from navigator import enquiry_log
from navigator.settings import settings

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
TIMEOUT = 180
DAY = dt.date(2021, 1, 1)


@pytest.fixture
def data_dir(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("NAVIGATOR_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("NAVIGATOR_DATABASE_URL", raising=False)
    settings.cache_clear()
    yield tmp_path
    settings.cache_clear()


def chat_app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.session_state["as_of"] = DAY
    at.run()
    assert not at.exception
    return at


def say(at: AppTest, question: str) -> AppTest:
    at.chat_input[0].set_value(question).run(timeout=TIMEOUT)
    assert not at.exception, at.exception
    return at


def texts(block) -> list[str]:
    return [re.sub(r"\\(.)", r"\1", m.value) for m in block.get("markdown")]


def test_the_answer_card_comes_first_and_the_evidence_is_folded(data_dir):
    at = say(chat_app(), "深圳企业能申请省2020服务券吗？")
    reply = at.chat_message[-1]
    assert texts(reply)[0].startswith("**不可以")
    labels = [e.label for e in reply.get("expander")]
    assert any(label.startswith("依据") for label in labels) and "复制给来电人" in labels
    caller = reply.get("code")[0].value
    assert caller.startswith("不可以") and "二、面向范围" in caller
    logged = enquiry_log.default_log().search(None)
    assert logged[0].question == "深圳企业能申请省2020服务券吗？" and logged[0].thread


def test_facts_are_remembered_in_chinese_and_can_be_removed(data_dir):
    at = say(chat_app(), "白云区四上企业，全库纳税800万，公有云服务费100万，能补多少？")
    assert at.chat_message[-1].get("metric")[0].value == "300,000.00 元"
    remembered = [re.sub(r"\\(.)", r"\1", c.value) for c in at.sidebar.caption]
    assert any("上年度全库纳税额" in c and "8,000,000.00" in c for c in remembered), remembered
    assert not any("True" in c or "annual_tax_cny" in c for c in remembered)
    at = say(at, "那如果纳税只有300万呢？")
    assert at.chat_message[-1].get("metric")[0].value == "100,000.00 元"
    # Remove the tax: the next question about the same fee must ask for it again, never guess.
    tax = next(i for i, c in enumerate(at.sidebar.caption) if "全库纳税额" in c.value)
    at.sidebar.button[tax].click().run()
    at = say(at, "公有云服务费100万能补多少？")
    assert not at.chat_message[-1].get("metric")


def test_a_question_back_offers_its_options(data_dir):
    at = say(chat_app(), "白云区企业服务费30万，能补多少？")
    reply = at.chat_message[-1]
    assert not reply.get("metric") and reply.get("warning")
    options = [b.label for b in reply.get("button")]
    assert any("公有云" in o for o in options)
    next(b for b in reply.get("button") if "智能车间" in b.label).click().run(timeout=TIMEOUT)
    assert not at.exception


def test_the_chat_and_the_command_line_give_the_same_answers(data_dir, tmp_path):
    turns = ["伊春的工业企业首次上云补助比例是多少？", "合同20万的话能补多少？", "帮我写一首诗"]
    at = chat_app()
    page = []
    for q in turns:
        at = say(at, q)
        page.append(at.session_state["chat"][-1]["doc"])
    session = tmp_path / "session.json"
    cli = []
    for q in turns:
        p = subprocess.run([sys.executable, "-m", "navigator", "ask", q, "--session", str(session), "--as-of",
                            DAY.isoformat(), "--json"], cwd=ROOT, capture_output=True, text=True, timeout=600)
        assert p.returncode == 0, p.stderr
        cli.append(json.loads(p.stdout))
    for a, b in zip(page, cli, strict=True):
        assert (a["answer"], a["refused"], a["programmes"], a["estimate"], a["clarify"]) == \
            (b["answer"], b["refused"], b["programmes"], b["estimate"], b["clarify"])
    assert page[1]["estimate"]["total_cny"] == "100000.00" and page[2]["refused"] is True
