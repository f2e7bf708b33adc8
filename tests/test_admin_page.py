"""政策管理 through ``AppTest``: staff only; upload, preview, correct the metadata, publish; the chat answers from
the new policy in the same running app; replace, repeal and the change log."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import sys
from pathlib import Path

import pytest
from built_index import built_data_dir, copy_data_dir
from streamlit.testing.v1 import AppTest

from navigator import auth, publishing
from navigator.settings import settings

sys.path.insert(0, str(Path(__file__).parent / "fixtures"))
from policy_files import MEASURE, META_YAML, docx_bytes, pdf_bytes

APP = Path(__file__).resolve().parent.parent / "app.py"
ADMIN = "navigator/pages/admin.py"
TIMEOUT = 240
DOC = "tianmen-2024-cloud"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def data_dir(tmp_path_factory, monkeypatch) -> Path:
    """A private copy of the built index: the page changes the store and the index of this data dir only."""
    d = copy_data_dir(built_data_dir(tmp_path_factory), tmp_path_factory.mktemp("admin") / "data")
    monkeypatch.setenv("NAVIGATOR_DATA_DIR", str(d))
    monkeypatch.delenv("NAVIGATOR_DATABASE_URL", raising=False)
    settings.cache_clear()
    yield d
    settings.cache_clear()


def clean(at: AppTest) -> AppTest:
    assert not at.exception, at.exception
    internal = [e.value for e in at.error if "参考编号" in e.value]
    assert not internal, internal
    return at


def page(staff: bool = True, as_of: dt.date | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    if staff:
        at.session_state["nav_staff"] = auth.StaffUser(name="测试坐席", method="password",
                                                       since=dt.datetime.now(dt.UTC))
    if as_of:
        at.session_state["as_of"] = as_of
    clean(at.run())
    return clean(at.switch_page(ADMIN).run())


def text(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [x.value for kind in ("error", "warning", "info", "success", "caption")
                                              for x in at.get(kind)]
    for df in at.dataframe:
        parts += [str(v) for v in df.value.to_numpy().ravel()]
    return re.sub(r"\\(.)", r"\1", "\n".join(parts))


def table(at: AppTest, column: str):
    return next(df.value for df in at.dataframe if column in df.value.columns)


def fill(at: AppTest, **values) -> None:
    for key, value in values.items():
        widget = at.date_input(key=f"adm_{key}") if key.endswith("_on") else at.text_input(key=f"adm_{key}")
        widget.set_value(value)


def test_the_page_is_for_staff_only(data_dir):
    at = page(staff=False)
    assert [t.value for t in at.title] == ["政策管理"]
    assert not at.file_uploader and not at.dataframe  # nothing of the store before the login
    assert any(t.label == "启动口令" for t in at.text_input)


def test_upload_preview_fix_the_metadata_publish_and_the_chat_answers_at_once(data_dir):
    at = page(as_of=dt.date(2024, 6, 1))
    listed = table(at, "编号")
    assert list(listed["编号"]) == ["baiyun-2019", "dongguan-2015", "guangdong-2018", "guangdong-2020", "yichun-2023"]
    assert list(listed["测算规则"]) == [5, 2, 1, 1, 2]

    data = docx_bytes()
    at.file_uploader[0].set_value(("天门办法.docx", data, DOCX))
    clean(at.run())
    # read from the file: the title and 文号 as printed
    assert at.text_input(key="adm_title").value == "天门市支持企业上云用云实施办法"
    assert at.text_input(key="adm_doc_number").value == "天经信〔2024〕15号"

    fill(at, id=DOC, issuer="天门市经济和信息化局", region="火星", issued_on=dt.date(2024, 3, 1),
         effective_on=dt.date(2024, 4, 1), expires_on=dt.date(2027, 3, 31), aliases="天门，上云用云")
    at.button(key="FormSubmitter:adm_meta_form-解析预览").click()
    clean(at.run())
    errors = [e.value for e in at.error]
    assert len(errors) == 1 and "不认识的地名" in errors[0] and "\n" not in errors[0]

    fill(at, region="湖北天门")
    at.button(key="FormSubmitter:adm_meta_form-解析预览").click()
    clean(at.run())
    shown = text(at)
    assert "解析成功：Word 文件" in shown and "13 个条款" in shown
    outline = table(at, "条款")
    assert {"印发通知", "第三条", "第四条（二）"} <= set(outline["条款"])
    assert "按照云服务合同金额的30%给予补助" in " ".join(outline["内容"])

    at.button(key="adm_publish").click()
    clean(at.run())
    shown = text(at)
    assert f"已新增：{DOC} 第1版，13 个条款" in shown and "增量更新" in shown
    listed = table(at, "编号")
    row = listed[listed["编号"] == DOC].iloc[0]
    assert (row["版本"], row["状态"], row["来源"], row["测算规则"]) == ("第1版（共1版）", "现行有效", "运行中添加", 0)
    log = table(at, "文件校验值（SHA-256）")
    assert list(log["操作人"]) == ["测试坐席"] and list(log["文件校验值（SHA-256）"]) == [hashlib.sha256(data).hexdigest()]
    assert list(log["文件"]) == ["天门办法.docx"]
    assert at.get("download_button")  # a programme skeleton for the policy without rules

    # the chat, in the same running app, answers from the new policy with its article
    at.switch_page("navigator/pages/ask.py").run()
    clean(at)
    at.chat_input[0].set_value("天门首次购买云服务的工业企业补助比例是多少？").run(timeout=TIMEOUT)
    clean(at)
    reply = re.sub(r"\\(.)", r"\1", "\n".join(m.value for m in at.chat_message[-1].get("markdown")))
    assert "30%" in reply
    evidence = next(e for e in at.chat_message[-1].get("expander") if e.label.startswith("依据"))
    shown = re.sub(r"\\(.)", r"\1", " ".join(m.value for m in evidence.get("markdown")))
    assert "《天门市支持企业上云用云实施办法》第三条" in shown, shown
    assert f"doc={DOC}" in evidence.get("page_link")[0].proto.query_string  # 查看原文 opens the added text


def test_replace_and_repeal_on_the_page_with_the_change_log(data_dir):
    publishing.add(docx_bytes(), META_YAML, filename="天门.docx", actor="另一位坐席")
    at = page(as_of=dt.date(2025, 6, 1))
    at.radio(key="adm_mode").set_value("发布新版本（替换）")
    clean(at.run())
    at.selectbox(key="adm_replace_doc").set_value(DOC)
    v2 = [x.replace("30%", "40%").replace("5万元", "8万元").replace("2024年4月1日", "2025年1月1日") for x in MEASURE]
    at.file_uploader[0].set_value(("天门办法2025.pdf", pdf_bytes(measure=v2), "application/pdf"))
    clean(at.run())
    assert at.text_input(key="adm_id").value == DOC and at.text_input(key="adm_id").disabled
    assert at.text_input(key="adm_issuer").value == "天门市经济和信息化局"  # from the version it replaces
    fill(at, issued_on=dt.date(2024, 12, 1), effective_on=dt.date(2025, 1, 1), expires_on=dt.date(2027, 12, 31))
    at.button(key="FormSubmitter:adm_meta_form-解析预览").click()
    clean(at.run())
    assert "解析成功：PDF 文件" in text(at)
    at.button(key="adm_publish").click()
    clean(at.run())
    assert f"已发布新版本：{DOC} 第2版" in text(at)
    row = table(at, "编号").set_index("编号").loc[DOC]
    assert row["版本"] == "第2版（共2版）" and row["生效日期"] == "2025-01-01"

    at.selectbox(key="adm_repeal_doc").set_value(DOC)
    at.date_input(key="adm_repeal_on").set_value(dt.date(2025, 3, 1))
    at.text_input(key="adm_repeal_by").set_value("天经信〔2025〕3号")
    at.button(key="FormSubmitter:adm_repeal_form-废止").click()
    clean(at.run())
    assert "请先勾选确认" in text(at)
    at.checkbox(key="adm_repeal_sure").check()
    at.button(key="FormSubmitter:adm_repeal_form-废止").click()
    clean(at.run())
    assert f"已废止：{DOC} 第2版" in text(at)
    row = table(at, "编号").set_index("编号").loc[DOC]
    assert (row["状态"], row["废止日期"]) == ("已废止", "2025-03-01")
    log = table(at, "文件校验值（SHA-256）")
    assert list(log["操作"]) == ["废止", "发布新版本", "新增"]
    assert list(log["操作人"]) == ["测试坐席", "测试坐席", "另一位坐席"]
    assert "自 2025-03-01 起废止（天经信〔2025〕3号）" in list(log["说明"])
