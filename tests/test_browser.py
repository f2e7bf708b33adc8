"""End to end in a real browser: ask on 智能咨询, see the cited answer, open the article in 政策原文."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
ANSWER_TIMEOUT_MS = 150_000  # the first question builds the search index


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    """``streamlit run app.py`` on a free port, with its data (index, enquiry log) in tmp_path."""
    port = free_port()
    env = {**os.environ, "NAVIGATOR_DATA_DIR": str(tmp_path / "data"), "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    env.pop("NAVIGATOR_DATABASE_URL", None)
    log = (tmp_path / "streamlit.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"streamlit did not start:\n{(tmp_path / 'streamlit.log').read_text()}")
            time.sleep(0.5)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def test_ask_then_open_the_cited_article(server, tmp_path):
    if not CHROMIUM.exists():
        pytest.skip("no browser: /usr/bin/chromium is absent (Debian: apt-get install chromium)")
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
            page.goto(server)
            expect(page.get_by_role("heading", name="智能咨询")).to_be_visible(timeout=60_000)

            box = page.get_by_test_id("stChatInputTextArea")
            box.fill("伊春上云补助比例是多少？")
            box.press("Enter")

            reply = page.get_by_test_id("stChatMessage").last
            expect(reply).to_contain_text("50%", timeout=ANSWER_TIMEOUT_MS)
            expect(reply).to_contain_text("依据")
            card = reply.get_by_test_id("stExpander").filter(has_text="一、补助标准").first
            card.locator("summary").click()
            expect(card).to_contain_text("按照云服务合同额的50%给予补助")
            page.wait_for_timeout(600)  # the expander animation
            page.screenshot(path=str(tmp_path / "ask.png"), full_page=True)

            card.get_by_role("link", name="查看原文").click()
            expect(page.get_by_role("heading", name="政策原文")).to_be_visible(timeout=30_000)
            assert "/sources" in page.url and "doc=yichun-2023" in page.url
            target = page.locator(".pn-target").first
            expect(target).to_be_visible(timeout=30_000)
            expect(target).to_contain_text("按照云服务合同额的50%给予补助")
            mark = page.locator(".pn-art mark").first
            expect(mark).to_be_visible()
            assert "按照云服务合同额的50%给予补助" in mark.inner_text()
            expect(page.get_by_text("伊春市支持工业企业上云补助实施细则").first).to_be_visible()
            page.wait_for_timeout(800)  # let the smooth scroll settle
            assert mark.evaluate("e => { const r = e.getBoundingClientRect(); return r.top >= 0 && "
                                 "r.bottom <= window.innerHeight; }"), "the quote is scrolled into view"
            page.screenshot(path=str(tmp_path / "sources.png"))

            # Any article can be opened from the outline; the text scrolls to it.
            page.get_by_test_id("stRadio").get_by_text("五、联系方式", exact=True).click()
            target = page.locator(".pn-target").filter(has_text="0458-3878126")
            expect(target).to_be_visible(timeout=30_000)
            page.wait_for_timeout(3000)
            assert target.evaluate("e => { const r = e.getBoundingClientRect(); return r.top >= 0 && "
                                   "r.bottom <= window.innerHeight; }"), "the chosen article is scrolled into view"
        finally:
            browser.close()
    assert (tmp_path / "sources.png").stat().st_size > 10_000
