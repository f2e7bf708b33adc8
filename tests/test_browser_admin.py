"""政策管理 in a real browser, as a helpdesk agent publishing a new policy from a Word file: log in with the startup
token, upload, correct the metadata in the form, preview the parsed articles, publish; the chat answers from the
new policy at once, in the same running server, with the article cited.

Reuses the server, the browser and the checks of ``test_browser.py`` (no English interface word, no exception, no
internal error, no JavaScript error); the server is this module's own, with its own data directory.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from test_browser import (  # noqa: F401  (fixtures)
    ALLOWED,
    SHOTS,
    STEP_MS,
    VISIBLE_TEXT_JS,
    Visit,
    browser,
    english_words,
    heading,
    server,
)

sys.path.insert(0, str(Path(__file__).parent / "fixtures"))
from policy_files import TITLE, docx_bytes

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DOC = "tianmen-2024-cloud"
# The agent's own data on screen: the id typed and the uploaded file's name (天门办法.docx).
AGENTS_DATA = {"tianmen", "cloud", "docx"}
# Streamlit's file uploader labels its add button "add icon" for screen readers; ui_zh.json does not translate it yet.
UPLOADER_LABEL = "add icon"


class AdminVisit(Visit):
    """``Visit`` whose English check lets the agent's own data through, and nothing else."""

    def check(self) -> str:
        text = self.page.evaluate(VISIBLE_TEXT_JS).replace(UPLOADER_LABEL, "")
        english = sorted({w for w in english_words(text) if w not in ALLOWED | AGENTS_DATA})
        assert not english, f"English in the interface at {self.size} ({self.page.url}): {english}"
        assert not self.page.get_by_test_id("stException").count(), text
        assert "参考编号" not in text, text
        assert not self.js_errors, self.js_errors
        return text


def type_date(v: Visit, label: str, digits: str) -> None:
    """Type a date into the form's date field named ``label`` (year, month, day segments), as an agent does."""
    field = v.page.get_by_test_id("stDateInput").filter(has_text=label).get_by_test_id("stDateInputField")
    field.locator('[role="spinbutton"]').first.click()
    v.page.keyboard.type(digits)
    v.page.keyboard.press("Enter")
    v.page.wait_for_timeout(200)


def text_box(v: Visit, label_start: str):
    return v.page.get_by_label(re.compile("^" + re.escape(label_start)))


def test_upload_a_word_file_publish_it_and_ask_about_it(server, browser):  # noqa: F811
    from playwright.sync_api import expect

    base, token = server
    v = AdminVisit(browser, base, "desktop")
    try:
        v.open("admin")
        heading(v, "政策管理")
        login = v.page.locator('input[aria-label="启动口令"]')
        expect(login).to_be_visible(timeout=STEP_MS)
        assert v.page.get_by_test_id("stFileUploader").count() == 0  # nothing of the store before the login
        login.fill(token)
        v.page.get_by_role("button", name="登录").click()
        expect(v.page.get_by_test_id("stDataFrame").first).to_be_visible(timeout=STEP_MS)
        v.settle()
        v.check()

        v.page.get_by_role("tab", name="上传发布").click()
        v.page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
            files=[{"name": "天门办法.docx", "mimeType": DOCX, "buffer": docx_bytes()}])
        expect(text_box(v, "标题")).to_have_value(TITLE, timeout=STEP_MS)  # read from the file
        v.settle()
        text_box(v, "编号").fill(DOC)
        text_box(v, "发文机关").fill("天门市经济和信息化局")
        text_box(v, "适用地区").fill("湖北天门")
        text_box(v, "别名").fill("天门")
        type_date(v, "发布日期", "20240301")
        type_date(v, "生效日期", "20240401")
        type_date(v, "有效期至", "20270331")
        v.page.get_by_role("button", name="解析预览").click()
        expect(v.page.get_by_text("解析成功：Word 文件", exact=False)).to_be_visible(timeout=STEP_MS)
        v.settle()
        text = v.check()
        assert "2024-04-01 起施行，有效期至 2027-03-31" in text, text
        v.shot("admin-preview")

        v.page.get_by_role("button", name="发布", exact=True).click()
        expect(v.page.get_by_text(f"已新增：{DOC} 第1版", exact=False)).to_be_visible(timeout=STEP_MS)
        v.settle()
        assert "增量更新" in v.check()
        v.shot("admin-published")

        v.nav("智能咨询")
        heading(v, "智能咨询")
        v.settle()
        box = v.page.get_by_test_id("stChatInputTextArea")
        box.fill("天门首次购买云服务的工业企业补助比例是多少？")
        box.press("Enter")
        reply = v.page.get_by_test_id("stChatMessage").last
        expect(reply).to_contain_text("30%", timeout=STEP_MS)
        v.settle()
        reply.get_by_text(re.compile(r"^依据（\d+ 条）$")).click()  # the evidence: the article and its quote
        expect(reply.get_by_text(re.compile(r"《天门市支持企业上云用云实施办法》第三条：“.*30%"))).to_be_visible(
            timeout=STEP_MS)
        v.check()
    finally:
        v.close()
    assert (SHOTS / "admin-preview-desktop.png").stat().st_size > 10_000
