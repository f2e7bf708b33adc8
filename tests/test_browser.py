"""End to end in a real browser, as the people who use the app: an enterprise owner and a helpdesk agent.

The server is started the way ``scripts/app.sh`` starts it (``python -m navigator.serve``: index and models
first, then Streamlit). Every page is driven through a realistic flow at desktop (1440×900) and phone (390×844)
width; a screenshot of each is saved to ``benchmarks/screenshots/``. Each step fails on an English word in the
visible interface (words printed in the policy texts themselves are allowed), on an exception shown in the
page, on an internal-error reference and on a JavaScript error.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "benchmarks" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
START_TIMEOUT_S = 300  # a fresh data directory builds the index before the server listens
STEP_MS = 60_000
SIZES = {"desktop": (1440, 900), "mobile": (390, 844)}
# File formats named on buttons ("下载 Word 报告") are product names, not interface words to translate.
FORMAT_NAMES = {"Word", "PDF", "Markdown"}
ASCII_TOKEN = re.compile(r"[A-Za-z0-9']+")  # a word is a token of letters only: "ae34c5fe886d" is a hash, not words
# Visible text nodes, skipping icon ligatures (Material Symbols render words such as "forum" as glyphs).
VISIBLE_TEXT_JS = """() => {
  const out = []; const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (w.nextNode()) {
    const n = w.currentNode, el = n.parentElement;
    if (!el || !n.textContent.trim() || el.closest('script,style,noscript')) continue;
    if (!el.getClientRects().length) continue;
    const cs = getComputedStyle(el);
    if (cs.visibility === 'hidden' || cs.display === 'none' || parseFloat(cs.fontSize) === 0) continue;
    if (cs.fontFamily.includes('Material')) continue;
    out.push(n.textContent);
  }
  return out.join('\\n');
}"""

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="no browser: /usr/bin/chromium is absent (Debian: apt-get install chromium)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def english_words(text: str) -> list[str]:
    """Tokens of two or more ASCII letters (with digits they are ids, hashes or figures)."""
    return [t for t in ASCII_TOKEN.findall(text) if len(t) > 1 and t.replace("'", "").isalpha()]


def corpus_words() -> set[str]:
    """ASCII words the policy texts and programme data print (URLs, e-mails, "App", standard names)."""
    words: set[str] = set()
    for folder in ("policies", "programmes"):
        for f in (ROOT / "knowledge" / folder).glob("*"):
            if f.suffix in (".md", ".yaml"):
                words |= set(english_words(f.read_text(encoding="utf-8")))
    return words


ALLOWED = corpus_words() | FORMAT_NAMES


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The app as scripts/app.sh starts it, on a free port, with its own data; yields (url, staff token)."""
    tmp = tmp_path_factory.mktemp("app")
    port = free_port()
    env = {**os.environ, "NAVIGATOR_DATA_DIR": str(tmp / "data"), "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    for key in ("NAVIGATOR_DATABASE_URL", "NAVIGATOR_STAFF_PASSWORD_HASH", "NAVIGATOR_STAFF_EMAILS"):
        env.pop(key, None)
    log_path = tmp / "server.log"
    log = log_path.open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "navigator.serve", "--server.port", str(port), "--server.address", "127.0.0.1"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the app did not start:\n{log_path.read_text()}")
            time.sleep(0.5)
        token = re.search(r"/desk\?token=(\S+)", log_path.read_text())
        assert token, "the startup token is printed on the console"
        yield url, token.group(1)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
        server_log = log_path.read_text()
        assert "Traceback" not in server_log or "failed (ref" in server_log, server_log[-3000:]
        assert "Inotify" not in server_log


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():  # the modules that borrow this fixture are skipped with it, not errored
        pytest.skip("no browser: /usr/bin/chromium is absent (Debian: apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


class Visit:
    """One browser page at one size, with the checks every step makes."""

    def __init__(self, browser, base: str, size: str):
        self.base, self.size = base, size
        w, h = SIZES[size]
        # An English browser: the app must be Chinese whatever the visitor's locale.
        self.context = browser.new_context(viewport={"width": w, "height": h}, locale="en-US")
        self.page = self.context.new_page()
        self.js_errors: list[str] = []
        self.page.on("pageerror", lambda e: self.js_errors.append(str(e)))

    def open(self, path: str):
        """Load an address (a new browser session: the sidebar date starts at today)."""
        self.page.goto(f"{self.base}/{path}")
        return self

    def nav(self, title: str):
        """Go to a page through the sidebar, in the same session (the evaluation date and profile stay)."""
        if self.size == "mobile":
            self.page.get_by_test_id("stExpandSidebarButton").click()
            self.page.wait_for_timeout(400)
        self.page.get_by_test_id("stSidebarNav").get_by_role("link", name=title, exact=True).click()
        self.page.wait_for_timeout(400)
        if self.size == "mobile" and self.page.get_by_test_id("stSidebarCollapseButton").is_visible():
            self.page.get_by_test_id("stSidebarCollapseButton").locator("button").click()
        return self

    def settle(self, ms: int = 600) -> None:
        """Wait until the script run ends (the status widget leaves), then for the page to draw."""
        self.page.wait_for_timeout(300)
        self.page.wait_for_function(
            "() => !document.querySelector('[data-testid=\"stStatusWidget\"] [data-testid=\"stStatusWidgetRunningIcon\"]')",
            timeout=STEP_MS)
        self.page.wait_for_timeout(ms)

    def check(self) -> str:
        """The visible text, after asserting it holds no English interface word, exception or internal error."""
        text = self.page.evaluate(VISIBLE_TEXT_JS)
        english = sorted({w for w in english_words(text) if w not in ALLOWED})
        assert not english, f"English in the interface at {self.size} ({self.page.url}): {english}"
        assert not self.page.get_by_test_id("stException").count(), text
        assert "参考编号" not in text, text
        assert not self.js_errors, self.js_errors
        return text

    def shot(self, name: str) -> None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.check()
        self.page.screenshot(path=str(SHOTS / f"{name}-{self.size}.png"))

    def close(self) -> None:
        self.context.close()


def heading(v: Visit, name: str):
    from playwright.sync_api import expect

    expect(v.page.get_by_role("heading", name=name, exact=True)).to_be_visible(timeout=STEP_MS)


def ask_and_open_the_article(v: Visit) -> None:
    from playwright.sync_api import expect

    v.open("")
    heading(v, "智能咨询")
    assert v.page.url.endswith("/ask")  # the root opens the chat at its own path
    v.settle()
    v.check()
    box = v.page.get_by_test_id("stChatInputTextArea")
    started = time.monotonic()
    box.fill("伊春上云补助比例是多少？")
    box.press("Enter")
    reply = v.page.get_by_test_id("stChatMessage").last
    expect(reply).to_contain_text("50%", timeout=STEP_MS)
    answered_s = time.monotonic() - started
    assert answered_s < 20, f"first answer took {answered_s:.1f} s"  # models were loaded before the server listened
    v.settle()
    evidence = reply.get_by_test_id("stExpander").filter(has=v.page.locator("summary", has_text="依据（")).first
    link = evidence.get_by_role("link", name=re.compile(r"^查看原文")).first
    for _ in range(3):  # open the evidence (a rerun may redraw it closed)
        if link.is_visible():
            break
        evidence.locator("summary").click()
        v.page.wait_for_timeout(700)
    expect(link).to_be_visible(timeout=STEP_MS)
    expect(evidence).to_contain_text("一、补助标准")
    v.shot("ask")

    href = link.get_attribute("href")
    assert "quote=" not in href and "s=" in href and len(href) < 200  # a reference, not the quote's text
    link.click()
    heading(v, "政策原文")
    mark = v.page.locator(".pn-art mark").first
    expect(mark).to_be_visible(timeout=STEP_MS)
    assert "按照云服务合同额的50%给予补助" in mark.inner_text()
    v.page.wait_for_timeout(2800)  # the scroll to the article settles
    assert mark.evaluate("e => { const r = e.getBoundingClientRect(); return r.top >= 0 && "
                         "r.bottom <= window.innerHeight; }"), "the quote is scrolled into view"
    if v.size == "desktop":
        outline = v.page.locator(".st-key-pn_outline")
        assert outline.evaluate("e => { const r = e.getBoundingClientRect(); return r.bottom > 0 && "
                                "r.top < window.innerHeight; }"), "the outline stays in view after the jump"
    v.shot("sources")


def match_an_enterprise(v: Visit) -> None:
    from playwright.sync_api import expect

    v.nav("政策匹配")
    heading(v, "政策匹配")
    v.settle()
    form = v.page.get_by_test_id("stForm").first
    form.get_by_label("城市").fill("广州市")
    form.get_by_label("区县").fill("白云区")
    form.get_by_label("上年度全库纳税额（元）").fill("8000000")
    form.get_by_label("本年度云服务费用或合同额（元，用于测算补贴，可不填）").fill("1000000")
    v.check()
    form.get_by_test_id("stBaseButton-secondaryFormSubmit").or_(
        form.get_by_test_id("stBaseButton-primaryFormSubmit")).first.click()
    expect(v.page.get_by_text("先回答这些", exact=False)).to_be_visible(timeout=STEP_MS)
    v.settle(1500)
    results = v.page.locator("#pn-results")
    assert results.evaluate("e => e.getBoundingClientRect().top < window.innerHeight"), "scrolled to the results"
    v.shot("match")
    with v.page.expect_download(timeout=STEP_MS) as dl:
        v.page.get_by_test_id("stDownloadButton").filter(has_text="下载 PDF 报告").locator("button").click()
    assert dl.value.suggested_filename.endswith(".pdf")
    assert Path(dl.value.path()).read_bytes()[:5] == b"%PDF-"


def set_date_by_typing(v: Visit, digits: str, shown: str) -> None:
    """Type the evaluation date into the sidebar field and press Enter: it applies (the calendar is Chinese too)."""
    from playwright.sync_api import expect

    if v.size == "mobile":
        v.page.get_by_test_id("stExpandSidebarButton").click()
        v.page.wait_for_timeout(500)
    field = v.page.get_by_test_id("stSidebar").get_by_test_id("stDateInputField")
    field.locator("button").last.click()  # the calendar opens in Chinese
    v.page.wait_for_timeout(500)
    v.check()
    v.page.keyboard.press("Escape")
    field.locator('[role="spinbutton"]').first.click()
    v.page.keyboard.type(digits)
    v.page.keyboard.press("Enter")
    expect(v.page.get_by_text(f"按 {shown} 评估", exact=False).first).to_be_visible(timeout=STEP_MS)
    v.settle()
    if v.size == "mobile":
        v.page.get_by_test_id("stSidebarCollapseButton").locator("button").click()
        v.page.wait_for_timeout(500)


def open_now_on_a_typed_date(v: Visit) -> None:
    from playwright.sync_api import expect

    v.nav("现在可申报")
    heading(v, "现在可申报")
    v.settle()
    set_date_by_typing(v, "20220801", "2022-08-01")
    # Baiyun is in force three years from 2019-08-14, until 2022-08-14 (第二十二条).
    expect(v.page.get_by_text("截止：2022-08-14（还剩 14 天）").first).to_be_visible(timeout=STEP_MS)
    v.shot("open")


def estimate_yichun(v: Visit) -> None:
    v.nav("补贴测算")
    heading(v, "补贴测算")
    v.settle()
    v.shot("estimate")


def compare_default(v: Visit) -> None:
    v.nav("政策对比")
    heading(v, "政策对比")
    v.settle()
    v.shot("compare")


def desk_as_an_agent(v: Visit, token: str) -> None:
    from playwright.sync_api import expect

    v.nav("坐席工作台")
    heading(v, "坐席工作台")
    expect(v.page.locator('input[aria-label="启动口令"]')).to_be_visible(timeout=STEP_MS)
    text = v.check()
    assert "伊春上云补助比例是多少" not in text  # nothing of the log before the login
    v.page.locator('input[aria-label="启动口令"]').fill("不是口令")
    v.page.get_by_role("button", name="登录").click()
    expect(v.page.get_by_text("密码或口令不正确")).to_be_visible(timeout=STEP_MS)
    v.shot("desk-login")
    v.page.locator('input[aria-label="启动口令"]').fill(token)
    v.page.get_by_role("button", name="登录").click()
    table = v.page.get_by_test_id("stDataFrame").first
    expect(table).to_be_visible(timeout=STEP_MS)
    v.settle()
    if v.size == "desktop":  # a click on the first line opens the conversation
        box = table.bounding_box()
        v.page.mouse.click(box["x"] + 12, box["y"] + 52)  # the row-selection cell of the first row
    else:  # on a phone, the same list as a choice
        v.page.get_by_test_id("stSelectbox").filter(has_text="打开来电").locator("input").click()
        v.page.keyboard.press("ArrowDown")
        v.page.get_by_role("option").nth(1).click()
    expect(v.page.get_by_text("来电人原话")).to_be_visible(timeout=STEP_MS)
    v.settle()
    v.page.locator("#pn-case").scroll_into_view_if_needed()
    v.shot("desk")
    v.page.get_by_role("tab", name="统计").click()
    v.settle()
    v.shot("desk-figures")


def unknown_address(v: Visit) -> None:
    from playwright.sync_api import expect

    v.open("no-such-page")
    expect(v.page.get_by_text("页面不存在")).to_be_visible(timeout=STEP_MS)
    v.check()


@pytest.mark.parametrize("size", list(SIZES))
def test_every_page_in_chinese_on_realistic_flows(server, browser, size):
    base, token = server
    v = Visit(browser, base, size)
    try:
        ask_and_open_the_article(v)
        open_now_on_a_typed_date(v)  # the evaluation date stays 2022-08-01 for the rest of the visit
        match_an_enterprise(v)
        estimate_yichun(v)
        compare_default(v)
        desk_as_an_agent(v, token)
        unknown_address(v)
    finally:
        v.close()
    for name in ("ask", "sources", "match", "open", "estimate", "compare", "desk-login", "desk", "desk-figures"):
        assert (SHOTS / f"{name}-{size}.png").stat().st_size > 10_000, name
