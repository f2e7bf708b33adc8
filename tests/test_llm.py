"""The optional LLM may rephrase but never add a figure: tested against a real HTTP endpoint on loopback."""

from __future__ import annotations

import json
import threading
import typing
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from navigator import llm
from navigator.answer import answerer
from navigator.settings import Settings


class _Endpoint(BaseHTTPRequestHandler):
    reply = ""
    seen: typing.ClassVar[list[dict]] = []

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        _Endpoint.seen.append(body)
        out = json.dumps({"choices": [{"message": {"role": "assistant", "content": _Endpoint.reply}}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(out)))
        self.end_headers()
        self.wfile.write(out)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def endpoint():
    server = HTTPServer(("127.0.0.1", 0), _Endpoint)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/v1"
    server.shutdown()


@pytest.fixture(scope="module")
def base():
    from navigator.conversation import Conversation

    return answerer().engine.ask_in(Conversation(), "伊春上云补助单户最高多少？").to_contract()


def test_grounded_text_is_used(endpoint, base):
    _Endpoint.reply = "伊春市对首次上云的工业企业按合同额50%补助，单户最高10万元。"
    cfg = Settings(llm_base_url=endpoint, llm_model="m")
    out = llm.phrase("伊春上云补助单户最高多少？", base, cfg)
    assert out["phrased"] is True and out["answer"].startswith(_Endpoint.reply)
    assert out["citations"] == base["citations"]
    sent = _Endpoint.seen[-1]["messages"][1]["content"]
    assert "[S1]" in sent and base["citations"][0]["quote"] in sent


def test_a_new_figure_is_rejected(endpoint, base):
    _Endpoint.reply = "伊春市单户最高补助50万元。"
    out = llm.phrase("伊春上云补助单户最高多少？", base, Settings(llm_base_url=endpoint, llm_model="m"))
    assert out["phrased"] is False and out["answer"] == base["answer"]


def test_a_new_article_is_rejected(endpoint, base):
    _Endpoint.reply = "依据第九条，单户最高10万元。"
    out = llm.phrase("q", base, Settings(llm_base_url=endpoint, llm_model="m"))
    assert out["answer"] == base["answer"]


def test_unreachable_endpoint_keeps_the_answer(base):
    out = llm.phrase("q", base, Settings(llm_base_url="http://127.0.0.1:9/v1", llm_model="m", llm_timeout=2))
    assert out == base


def test_off_by_default():
    assert not llm.enabled(Settings())
