"""Every page of the Streamlit app, driven through ``AppTest`` against the real texts."""

from __future__ import annotations

import datetime as dt
import html
import importlib.util
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Block

from navigator import enquiry_log
from navigator.corpus import load_corpus
from navigator.settings import settings

APP = Path(__file__).resolve().parent.parent / "app.py"
HAS_ANSWER = importlib.util.find_spec("navigator.answer") is not None
TIMEOUT = 180  # the first question builds the search index


@pytest.fixture
def data_dir(tmp_path, monkeypatch) -> Path:
    """A fresh data directory per test: its own enquiry log (the search index is built once per process)."""
    monkeypatch.setenv("NAVIGATOR_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("NAVIGATOR_DATABASE_URL", raising=False)
    settings.cache_clear()
    yield tmp_path
    settings.cache_clear()


def app(page: str | None = None, as_of: dt.date | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    if as_of:
        at.session_state["as_of"] = as_of
    at.run()
    assert not at.exception, at.exception
    if page:
        at.switch_page(f"navigator/pages/{page}.py").run()
        assert not at.exception, at.exception
    return at


def blocks(block: Block):
    for child in block.children.values():
        if isinstance(child, Block):
            yield child
            yield from blocks(child)


def markdown_text(node) -> list[str]:
    return [m.value for m in node.get("markdown")]


def card_for(at: AppTest, heading: str) -> Block:
    """The bordered container of the match page whose heading names a programme."""
    for b in blocks(at.main):  # outermost first
        headings = [m for m in markdown_text(b) if m.startswith("##### ")]
        if len(headings) == 1 and heading in headings[0]:
            return b
    raise AssertionError(f"no result card for {heading}")


def test_every_page_renders(data_dir):
    at = app()
    assert at.sidebar.date_input[0].label == "按此日期评估"
    assert at.session_state["as_of"] == dt.date.today()
    assert any(b.label == "伊春上云补助比例是多少？" for b in at.button)
    for page in ("match", "estimate", "compare", "sources", "desk"):
        at.switch_page(f"navigator/pages/{page}.py").run()
        assert not at.exception, (page, at.exception)
        assert at.title, page


def test_estimate_yichun_shows_amount_with_article(data_dir):
    at = app("estimate")
    at.selectbox(key="e_programme").set_value("yichun-2023-cloud-subsidy").run()
    at.number_input(key="e_yichun-2023-cloud-subsidy_base").set_value(150000).run()
    assert not at.exception and not at.error
    assert at.metric[0].label == "补贴合计" and at.metric[0].value == "75,000.00 元"
    table = at.dataframe[0].value
    row = table.iloc[0]
    assert row["金额"] == "75,000.00 元" and row["条款"] == "一、补助标准"
    assert "按照云服务合同额的50%给予补助" in row["原文"]
    assert "150,000.00" in row["计算步骤"]
    card = next(e for e in at.expander if e.label.startswith("第1步"))
    assert "一、补助标准" in card.label
    assert any("按照云服务合同额的50%给予补助" in m for m in markdown_text(card))

    # Above the cap: 300,000 × 50 % = 150,000, capped at 100,000 (一、补助标准 单户企业最高不超过10万元).
    at.number_input(key="e_yichun-2023-cloud-subsidy_base").set_value(300000).run()
    assert at.metric[0].value == "100,000.00 元"
    assert "单户企业最高不超过10万元" in " ".join(at.dataframe[0].value["原文"])


def test_estimate_bad_input_is_an_error_not_a_crash(data_dir):
    at = app("estimate")
    at.selectbox(key="e_programme").set_value("guangdong-2020-cloud-voucher").run()
    at.number_input(key="e_guangdong-2020-cloud-voucher_contract").set_value(100000).run()
    at.text_input(key="e_guangdong-2020-cloud-voucher_city").set_value("深圳市").run()
    assert not at.exception
    assert at.error and "深圳市除外" in at.error[0].value


def test_estimate_baiyun_lines_share_the_yearly_cap(data_dir):
    at = app("estimate")
    at.radio(key="e_mode").set_value("shared").run()
    at.multiselect(key="e_lines").set_value(["baiyun-2019-diagnosis", "baiyun-2019-smart-workshop"]).run()
    at.number_input(key="e_baiyun-2019-diagnosis_base").set_value(200000).run()
    at.number_input(key="e_baiyun-2019-smart-workshop_base").set_value(300000).run()
    assert not at.exception and not at.error
    # 200,000 × 80 % = 160,000 and 300,000 × 80 % = 240,000: under the 2,000,000 shared cap (第十二条).
    assert at.metric[0].value == "400,000.00 元"
    assert {m.value for m in at.metric[1:]} == {"160,000.00 元", "240,000.00 元"}


def test_match_shenzhen_industrial_is_excluded_from_guangdong_2020(data_dir):
    at = app("match", as_of=dt.date(2020, 6, 1))
    at.text_input(key="m_city").set_value("深圳市")
    at.selectbox(key="m_industrial").set_value("是")
    at.form_submit_button[0].click().run()
    assert not at.exception and not at.error
    card = card_for(at, "广东省2020年工业企业")
    texts = markdown_text(card)
    assert any("不符合" in m and "badge" in m for m in texts), texts
    assert any("开放中" in m for m in texts)  # 2020-06-01 is inside the application window
    labels = [e.label for e in card.get("expander")]
    assert any(label.startswith("不符合") and "深圳市除外" in label for label in labels), labels
    assert any("深圳市除外" in m for m in texts if m.startswith(">")), texts
    assert any("还需确认" in m for m in texts)  # side was left unknown


def test_match_unknown_stays_unknown(data_dir):
    at = app("match", as_of=dt.date(2024, 6, 1))
    at.selectbox(key="m_side").set_value("enterprise")
    at.text_input(key="m_city").set_value("伊春市")
    at.selectbox(key="m_industrial").set_value("是")
    at.form_submit_button[0].click().run()
    card = card_for(at, "伊春市工业企业首次上云补助")
    texts = markdown_text(card)
    assert any("待补充信息" in m for m in texts), texts
    assert any("还需确认" in m and "成立日期" in m for m in texts)
    assert any(e.label.startswith("待确认：企业成立时间不低于1年") for e in card.get("expander"))


def test_compare_shows_rows_and_combining(data_dir):
    at = app("compare", as_of=dt.date(2020, 6, 1))
    at.multiselect(key="c_programmes").set_value(
        ["yichun-2023-cloud-subsidy", "baiyun-2019-public-cloud", "guangdong-2020-cloud-voucher"]).run()
    assert not at.exception
    table = at.table[0].value
    assert list(table.columns) == ["伊春市工业企业首次上云补助", "白云区上云上平台服务券·公有云",
                                   "广东省2020年工业企业“上云上平台”服务券"]
    assert table.loc["补贴比例", "伊春市工业企业首次上云补助"] == "云服务合同额的50%"
    assert "伊春市" in table.loc["地区", "伊春市工业企业首次上云补助"]
    assert "服务合同" in table.loc["申报材料", "伊春市工业企业首次上云补助"]
    assert table.loc["状态（2020-06-01）", "广东省2020年工业企业“上云上平台”服务券"] == "开放中"
    labels = [e.label for e in at.expander]
    assert any("就高不重复" in label for label in labels)  # Yichun 四、附则（二）
    assert any(label.startswith("合计上限") for label in labels)  # Baiyun 第十二条


def test_sources_opens_the_cited_article_and_marks_the_quote(data_dir):
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    at.switch_page("navigator/pages/sources.py")
    at.query_params.update({"doc": "yichun-2023", "article": "一、补助标准", "quote": "按照云服务合同额的50%给予补助"})
    at.run()
    assert not at.exception and not at.error
    assert at.selectbox(key="src_doc").value == "yichun-2023"
    assert at.radio(key="src_article_yichun-2023").value == "yichun-2023/一、补助标准"
    body = next(m for m in markdown_text(at.main) if 'id="art-' in m)
    assert "<mark>按照云服务合同额的50%给予补助</mark>" in body
    assert 'class="pn-art pn-target' in body
    metadata = " ".join(markdown_text(at.main))
    assert "伊春市工业和信息化局" in metadata
    assert any("scrollIntoView" in h.value for h in at.get("html"))


def test_sources_shows_every_document(data_dir):
    at = app("sources")
    docs = load_corpus().docs
    for doc_id, doc in docs.items():
        at.selectbox(key="src_doc").set_value(doc_id).run()
        assert not at.exception
        body = next(m for m in markdown_text(at.main) if 'id="art-' in m)
        assert 'class="pn-art pn-target' not in body  # nothing is highlighted without a citation
        for art in doc.articles.values():
            if art.own_text:
                assert html.escape(art.own_text.split("\n")[0][:12]) in body, (doc_id, art.label)
        if doc.doc_number:
            assert any(doc.doc_number in m for m in markdown_text(at.main))


def test_desk_lists_logged_enquiries(data_dir):
    log = enquiry_log.default_log()
    cite = load_corpus().citation("yichun-2023", "一、补助标准", "按照云服务合同额的50%给予补助").model_dump()
    log.add("伊春上云补助比例是多少？", "按照云服务合同额的50%给予补助。", citations=[cite],
            programmes=["yichun-2023-cloud-subsidy"], as_of=dt.date(2024, 1, 1), corpus_version=load_corpus().version)
    log.add("白云区公有云怎么补？", "给予云服务费50%的补贴。")
    at = app("desk")
    assert not at.exception
    texts = " ".join(markdown_text(at.main))
    assert "伊春上云补助比例是多少？" in texts and "白云区公有云怎么补？" in texts
    code = next(c.value for c in at.code if "伊春" in c.value)
    assert "《伊春市支持工业企业上云补助实施细则》一、补助标准：“按照云服务合同额的50%给予补助”" in code
    assert len(at.get("download_button")) >= 2

    at.text_input(key="d_text").set_value("伊春").run()
    texts = " ".join(markdown_text(at.main))
    assert "伊春上云补助比例是多少？" in texts and "白云区公有云怎么补？" not in texts

    entry = log.search("伊春")[0]
    at.radio(key=f"d_mark_{entry.id}").set_value("需改进")
    at.text_area(key=f"d_comment_{entry.id}").set_value("补充单户上限")
    next(b for b in at.form_submit_button if b.label == "保存评价").click().run()
    assert not at.exception
    saved = log.get(entry.id)
    assert saved.feedback == "需改进" and saved.comment == "补充单户上限"


@pytest.mark.skipif(not HAS_ANSWER, reason="navigator.answer is not there yet")
def test_ask_answers_with_citations_and_logs(data_dir):
    at = app()
    at.chat_input[0].set_value("伊春上云补助比例是多少？").run(timeout=TIMEOUT)
    assert not at.exception and not at.error
    reply = at.chat_message[-1]
    assert reply.name == "assistant"
    assert any("50%" in m for m in markdown_text(reply))
    cards = reply.get("expander")
    assert cards and any("一、补助标准" in e.label for e in cards)
    assert any("按照云服务合同额的50%给予补助" in m for e in cards for m in markdown_text(e))
    link = reply.get("page_link")[0]
    params = parse_qs(link.proto.query_string)
    assert params["doc"] == ["yichun-2023"] and link.value == "查看原文"

    logged = enquiry_log.default_log().search("伊春")
    assert len(logged) == 1 and logged[0].citations and not logged[0].refused
    assert logged[0].as_of == dt.date.today() and logged[0].corpus_version == load_corpus().version

    # Thumbs up on the answer is stored as 有用 on the logged enquiry.
    at.get("feedback")[0].set_value(1).run()
    assert enquiry_log.default_log().get(logged[0].id).feedback == "有用"

    # The citation link opens 政策原文 on that article.
    at.switch_page("navigator/pages/sources.py")
    at.query_params.update({k: v[0] for k, v in params.items()})
    at.run()
    assert not at.exception
    body = next(m for m in markdown_text(at.main) if 'id="art-' in m)
    assert "<mark>" in body and "pn-target" in body


@pytest.mark.skipif(not HAS_ANSWER, reason="navigator.answer is not there yet")
def test_ask_remembers_facts_for_follow_ups(data_dir):
    at = app()
    at.chat_input[0].set_value("伊春合同额15万能补多少？").run(timeout=TIMEOUT)
    assert at.metric and at.metric[-1].value == "75,000.00 元"
    # The follow-up names neither the place nor what the amount is: both come from the first question.
    at.chat_input[0].set_value("那30万呢？").run(timeout=TIMEOUT)
    assert not at.exception
    reply = at.chat_message[-1]
    assert any("已结合您之前提供的信息" in c.value and "伊春" in c.value for c in reply.get("caption"))
    assert reply.get("metric")[0].value == "100,000.00 元"  # 150,000 capped at 10万元 (一、补助标准)
    sent = enquiry_log.default_log().search(None)[0].question
    assert "伊春" in sent and "30万" in sent


@pytest.mark.skipif(not HAS_ANSWER, reason="navigator.answer is not there yet")
def test_ask_starter_button_and_refusal(data_dir):
    at = app()
    next(b for b in at.button if b.label == "伊春上云补助比例是多少？").click().run(timeout=TIMEOUT)
    assert not at.exception
    assert at.chat_message[-1].get("expander")
    at.chat_input[0].set_value("上海市有什么电动车补贴？").run(timeout=TIMEOUT)
    reply = at.chat_message[-1]
    assert not reply.get("expander")  # a refusal cites nothing
    assert enquiry_log.default_log().search("上海")[0].refused


def test_match_yichun_eligible_when_every_condition_is_answered(data_dir):
    at = app("match", as_of=dt.date(2026, 11, 23))
    at.selectbox(key="m_side").set_value("enterprise")
    at.text_input(key="m_city").set_value("伊春市")
    at.selectbox(key="m_independent_legal_person").set_value("是")
    at.date_input(key="m_established_on").set_value(dt.date(2019, 5, 1))
    for field, value in [("industrial", "是"), ("first_cloud_purchase", "是"), ("bad_credit_record", "否"),
                         ("dishonest_record", "否"), ("fiscal_violation_5y", "否")]:
        at.selectbox(key=f"m_{field}").set_value(value)
    at.selectbox(key="m_history").set_value("都没有享受过")
    at.form_submit_button[0].click().run()
    assert not at.exception
    texts = markdown_text(card_for(at, "伊春市工业企业首次上云补助"))
    assert any("符合" in m and "badge" in m and "不符合" not in m for m in texts), texts
