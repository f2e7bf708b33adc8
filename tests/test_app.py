"""Every page of the Streamlit app, driven through ``AppTest`` against the real texts.

Staff pages are opened as a signed-in agent (``staff=True``) except where the
test is about the login itself. An internal error shows a reference id instead
of a traceback, so ``clean()`` treats that message as a failure too.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Block

from calculators.periods import BEIJING
from navigator import auth, enquiry_log
from navigator.corpus import load_corpus
from navigator.settings import settings

APP = Path(__file__).resolve().parent.parent / "app.py"
TIMEOUT = 180  # the first question builds the search index


@pytest.fixture
def data_dir(tmp_path, monkeypatch) -> Path:
    """A fresh data directory per test: its own enquiry log (the search index is built once per process)."""
    monkeypatch.setenv("NAVIGATOR_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("NAVIGATOR_DATABASE_URL", raising=False)
    settings.cache_clear()
    yield tmp_path
    settings.cache_clear()


def clean(at: AppTest) -> None:
    """No exception and no internal-error message (app.py turns exceptions into a reference id)."""
    assert not at.exception, at.exception
    internal = [e.value for e in at.error if "参考编号" in e.value]
    assert not internal, internal


def app(page: str | None = None, as_of: dt.date | None = None, staff: bool = False) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    if as_of:
        at.session_state["as_of"] = as_of
    if staff:
        at.session_state["nav_staff"] = auth.StaffUser(name="测试坐席", method="password",
                                                       since=dt.datetime.now(dt.UTC))
    at.run()
    clean(at)
    if page:
        at.switch_page(f"navigator/pages/{page}.py").run()
        clean(at)
    return at


def all_text(at: AppTest) -> str:
    """Every text the page shows: markdown, plain text, code, captions, alerts, tables, labels."""
    parts = [m.value for m in at.get("markdown")] + [t.value for t in at.get("text")] + [c.value for c in at.code]
    parts += [c.value for c in at.caption] + [x.value for kind in ("error", "warning", "info", "success")
                                               for x in at.get(kind)]
    for df in at.dataframe:
        parts += [str(v) for v in df.value.to_numpy().ravel()]
    parts += [e.label for e in at.expander] + [getattr(t, "label", "") for t in at.tabs]
    return shown("\n".join(parts))


def shown(markdown: str) -> str:
    """Markdown as the reader sees it: escapes read as the characters they show."""
    return re.sub(r"\\(.)", r"\1", markdown)


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
    assert at.session_state["as_of"] == dt.datetime.now(BEIJING).date()  # policy dates are Beijing days
    assert any(b.label == "伊春上云补助比例是多少？" for b in at.button)
    assert at.title[0].value == "智能咨询"  # the root opens the chat (served at /ask)
    for page in ("match", "open_now", "estimate", "compare", "sources", "desk"):
        at.switch_page(f"navigator/pages/{page}.py").run()
        clean(at)
        assert at.title, page


def test_estimate_yichun_shows_amount_with_article(data_dir):
    at = app("estimate")
    at.selectbox(key="e_programme").set_value("yichun-2023-cloud-subsidy").run()
    at.number_input(key="e_yichun-2023-cloud-subsidy_contract_cny").set_value(150000).run()
    assert not at.exception and not at.error
    assert at.metric[0].label == "补贴合计" and at.metric[0].value == "75,000.00 元"
    table = at.table[0].value  # the steps, as a table on a desktop
    row = table.iloc[0].map(shown)
    assert row["金额"] == "75,000.00\u00a0元" and row["条款"] == "一、补助标准"  # figure and 元 on one line
    assert "按照云服务合同额的50%给予补助" in row["原文"]
    assert row["计算步骤"] == "云服务合同额 150,000.00 元 × 50% = 75,000.00 元"
    card = next(e for e in at.expander if e.label.startswith("第1步"))
    assert "一、补助标准" in card.label
    assert any("按照云服务合同额的50%给予补助" in m for m in markdown_text(card))
    # The same steps as cards on a phone, each with its article and quote.
    phone = at.main.get_by_key("pn_narrow_steps")
    assert any(m.startswith("**第1步**") and "75,000.00 元" in m for m in markdown_text(phone))
    assert any("一、补助标准" in c.value and "按照云服务合同额的50%给予补助" in c.value for c in phone.caption)

    # Above the cap: 300,000 × 50 % = 150,000, capped at 100,000 (一、补助标准 单户企业最高不超过10万元).
    at.number_input(key="e_yichun-2023-cloud-subsidy_contract_cny").set_value(300000).run()
    assert at.metric[0].value == "100,000.00 元"
    assert "单户企业最高不超过10万元" in " ".join(at.table[0].value["原文"])


def test_estimate_amounts_in_wan_keep_their_value_and_are_written_out(data_dir):
    at = app("estimate")
    at.selectbox(key="e_programme").set_value("yichun-2023-cloud-subsidy").run()
    box = "e_yichun-2023-cloud-subsidy_contract_cny"
    at.number_input(key=box).set_value(150000).run()
    assert "15万元（150,000.00 元）" in [c.value for c in at.caption]
    at.radio(key="e_unit").set_value("wan").run()
    clean(at)
    # The box now reads 15 (万元): the amount it stands for, and so the estimate, did not change.
    assert at.number_input(key=box).value == 15 and at.number_input(key=box).label.endswith("（万元）")
    assert at.metric[0].value == "75,000.00 元"
    # 30万元 = 300,000 元 × 50 % = 150,000, capped at 100,000 (一、补助标准).
    at.number_input(key=box).set_value(30).run()
    assert "30万元（300,000.00 元）" in [c.value for c in at.caption]
    assert at.metric[0].value == "100,000.00 元"
    at.radio(key="e_unit").set_value("yuan").run()
    assert at.number_input(key=box).value == 300000 and at.metric[0].value == "100,000.00 元"


def test_estimate_bad_input_is_an_error_not_a_crash(data_dir):
    at = app("estimate")
    at.selectbox(key="e_programme").set_value("guangdong-2020-cloud-voucher").run()
    at.number_input(key="e_guangdong-2020-cloud-voucher_contract_cny").set_value(100000).run()
    at.text_input(key="e_guangdong-2020-cloud-voucher_city").set_value("深圳市").run()
    assert not at.exception
    assert at.error and "深圳市除外" in at.error[0].value


def test_estimate_baiyun_lines_share_the_yearly_cap(data_dir):
    at = app("estimate")
    at.radio(key="e_mode").set_value("shared").run()
    at.multiselect(key="e_lines").set_value(["baiyun-2019-diagnosis", "baiyun-2019-smart-workshop"]).run()
    at.number_input(key="e_baiyun-2019-diagnosis_fees_cny").set_value(200000).run()
    at.number_input(key="e_baiyun-2019-smart-workshop_fees_cny").set_value(300000).run()
    assert not at.exception and not at.error
    # 200,000 × 80 % = 160,000 and 300,000 × 80 % = 240,000: under the 2,000,000 shared cap (第十二条).
    assert at.metric[0].value == "400,000.00 元"
    year = at.table[0].value.loc["第1年"]
    assert (year["制造企业诊断服务"], year["智能车间数字化服务"], year["实际补贴"]) == (
        "160,000.00\u00a0元", "240,000.00\u00a0元", "400,000.00\u00a0元")
    assert not [w for w in at.warning if "合计上限" in w.value]  # nothing was capped, no line is said reduced


def test_estimate_baiyun_three_years_capped_per_year_and_split_by_the_enterprise(data_dir):
    at = app("estimate", as_of=dt.date(2020, 6, 1))
    at.radio(key="e_mode").set_value("shared").run()
    at.multiselect(key="e_lines").set_value(
        ["baiyun-2019-software-dev-cloud", "baiyun-2019-public-cloud", "baiyun-2019-smart-workshop"]).run()
    for y in range(3):
        at.number_input(key=f"e_baiyun-2019-software-dev-cloud_annual_fees_cny_{y}").set_value(2000000)
    at.number_input(key="e_baiyun-2019-public-cloud_fees_cny").set_value(3000000)
    at.number_input(key="e_baiyun-2019-public-cloud_annual_tax_cny").set_value(5000000)
    at.number_input(key="e_baiyun-2019-smart-workshop_fees_cny").set_value(600000).run()
    clean(at)
    assert not at.error
    # 第十一条: software development cloud 2,000,000 × 100 % / 80 % / 60 %; public cloud 3,000,000 × 50 % capped at
    # 300,000 (tax 500万 at the tier boundary); smart workshop 600,000 × 80 % capped at 400,000. Year 1 sums to
    # 2,700,000 > 2,000,000 (第十二条, per year): paid 2,000,000; years 2 and 3 are under it. All years: 4,800,000.
    figures = {m.label: m.value for m in at.metric}
    assert figures == {"第1至3年合计": "4,800,000.00 元", "第1年": "2,000,000.00 元",
                       "第2年": "1,600,000.00 元", "第3年": "1,200,000.00 元"}
    years = at.table[0].value
    assert years.loc["第1年", "各项合计（封顶前）"] == "2,700,000.00\u00a0元"
    assert years.loc["第1年", "当年合计上限"] == "2,000,000.00\u00a0元"
    assert years.loc["第1年", "实际补贴"] == "2,000,000.00\u00a0元"
    assert years.loc["合计", "实际补贴"] == "4,800,000.00\u00a0元"
    assert years.loc["合计", "当年合计上限"] == "—"  # the cap is yearly: it has no all-years figure
    text = all_text(at)
    [reduced] = [w.value for w in at.warning if "超过单个企业当年合计上限" in w.value]
    reduced = shown(reduced)
    assert reduced.startswith("第1年：") and "需减少 700,000.00 元" in reduced
    assert "减哪一项、各项各得多少由企业申请时自行选择" in reduced
    assert any(label.startswith("分配由企业选择") for label in (e.label for e in at.expander))
    # The lower tier is the other reading of 第十一条（二）, shown with its sentence.
    assert "另一读法" in text and "较低一档" in text
    assert "年度全库纳税500万元以下的企业，单个企业当年最高补贴额度不超过10万元" in text
    # The phone shows one card per year with the same figures.
    phone = markdown_text(at.main.get_by_key("pn_narrow_years"))
    assert any(m.startswith("**第1年**") and "2,000,000.00\u00a0元" in m for m in phone), phone


def test_match_shenzhen_industrial_is_excluded_from_guangdong_2020(data_dir):
    at = app("match", as_of=dt.date(2020, 6, 1))
    at.text_input(key="m_city").set_value("深圳市")
    at.selectbox(key="m_industrial").set_value("是")
    at.form_submit_button[0].click().run()
    clean(at)
    assert not at.error
    folded = " ".join(c.value for c in at.caption)
    assert "广东省2020年工业企业“上云上平台”服务券：不符合" in folded and "深圳市除外" in folded
    at.toggle(key="m_show_ineligible").set_value(True).run()
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
    clean(at)
    desk = at.main.get_by_key("pn_wide_table")
    table = desk.table[0].value.map(shown)
    assert list(table.columns) == ["伊春市工业企业首次上云补助", "白云区上云上平台服务券·公有云",
                                   "广东省2020年工业企业“上云上平台”服务券"]
    assert table.loc["补贴比例", "伊春市工业企业首次上云补助"] == "云服务合同额的50%"
    assert "伊春市" in table.loc["地区", "伊春市工业企业首次上云补助"]
    assert "服务合同" in table.loc["申报材料", "伊春市工业企业首次上云补助"]
    assert table.loc["状态（2020-06-01）", "广东省2020年工业企业“上云上平台”服务券"] == "开放中"
    # Restrictions, portals and forms, each as the text prints it; an address only where the text gives one.
    baiyun_rules = table.loc["限制与责任", "白云区上云上平台服务券·公有云"]
    assert baiyun_rules.startswith("1. 服务券仅限申领企业使用，不得转让、买卖、质押、赠送") and "\n2. " in baiyun_rules
    assert "五年内不再给予服务券" in baiyun_rules  # 第二十条
    assert "广东省工业互联网应用服务平台（<http://syspt.aiigd.cn/>）" in table.loc[
        "申报系统或平台", "广东省2020年工业企业“上云上平台”服务券"]
    assert "白云区服务券申报系统（原文未给出网址）" in table.loc["申报系统或平台", "白云区上云上平台服务券·公有云"]
    assert "兑付申请表（附件2）" in table.loc["附件表格", "伊春市工业企业首次上云补助"]
    assert table.loc["附件表格", "广东省2020年工业企业“上云上平台”服务券"] == "（原文未列明）"
    labels = [e.label for e in at.expander]
    assert any("就高不重复" in label for label in labels)  # Yichun 四、附则（二）
    [cap] = [label for label in labels if label.startswith("合计上限")]  # Baiyun 第十二条, once
    assert "可同时申请多种服务券" in shown(cap) and "200万元" in shown(cap)
    assert "原文未就与其他政策叠加享受作出规定。" in all_text(at)  # Guangdong 2020 says nothing on combining
    assert any(shown(label).startswith("限制与责任：服务券仅限申领企业使用") for label in labels)
    assert any(shown(label).startswith("申报系统或平台：广东省工业互联网应用服务平台") for label in labels)
    assert any(shown(label).startswith("附件表格：伊春市工业企业上云补助兑付申请表") for label in labels)


def test_compare_on_a_phone_is_one_card_per_programme(data_dir):
    at = app("compare", as_of=dt.date(2022, 8, 15))  # Baiyun ran through 2022-08-14
    at.multiselect(key="c_programmes").set_value(
        ["baiyun-2019-public-cloud", "dongguan-2015-cloud-voucher"]).run()
    clean(at)
    phone = at.main.get_by_key("pn_narrow_cards")
    cards = [b for b in blocks(phone) if any(m.startswith("##### ") for m in markdown_text(b))]
    assert [shown(next(m for m in markdown_text(c) if m.startswith("##### "))) for c in cards] == [
        "##### 白云区上云上平台服务券·公有云", "##### 东莞市制造业企业使用工业云平台服务券补助"]
    baiyun, dongguan = (shown("\n".join(markdown_text(c) + [x.value for x in c.caption])) for c in cards)
    assert "已截止（2022-08-15）" in baiyun and "有效期已于2022年8月14日24:00届满" in baiyun
    assert "状态（" not in baiyun  # the badge and its note say it once
    assert "**限制与责任**：" in baiyun and "1. 服务券仅限申领企业使用" in baiyun
    assert "**申报系统或平台**：" in baiyun and "**附件表格**：" in baiyun and "**补贴比例**：公有云云服务费的50%" in baiyun
    assert "时间不明（2022-08-15）" in dongguan and "文件未规定有效期" in dongguan
    assert "**申报材料**：（原文未列明）" in dongguan and "**限制与责任**：（原文未列明）" in dongguan
    # The same content is the desktop's table; the stylesheet shows one or the other by width.
    assert at.main.get_by_key("pn_wide_table").table[0].value.shape == (14, 2)
    assert any("所选日期已截止或已失效，不可再申报" in c.value for c in at.caption)


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


def test_desk_opens_an_enquiry_with_its_citations_copy_text_and_feedback(data_dir):
    log = enquiry_log.default_log()
    cite = load_corpus().citation("yichun-2023", "一、补助标准", "按照云服务合同额的50%给予补助").model_dump()
    first = log.add("伊春上云补助比例是多少？", "按照云服务合同额的50%给予补助。", citations=[cite],
                    programmes=["yichun-2023-cloud-subsidy"], as_of=dt.date(2024, 1, 1),
                    corpus_version=load_corpus().version)
    log.add("白云区公有云怎么补？", "给予云服务费50%的补贴。")
    at = app("desk", staff=True)
    questions = list(at.dataframe[0].value["问题"])
    assert questions == ["白云区公有云怎么补？", "伊春上云补助比例是多少？"]  # newest first
    at.text_input(key="d_text").set_value("伊春").run()
    assert list(at.dataframe[0].value["问题"]) == ["伊春上云补助比例是多少？"]

    at.query_params["case"] = log.get(first).thread
    at.run()
    clean(at)
    code = next(c.value for c in at.code if "伊春" in c.value)
    assert "《伊春市支持工业企业上云补助实施细则》一、补助标准：“按照云服务合同额的50%给予补助”" in code
    assert any(re.sub(r"\\(.)", r"\1", e.label).startswith("[1] 《伊春市支持工业企业上云补助实施细则》一、补助标准")
               for e in at.expander)
    assert {b.label for b in at.get("download_button")} >= {"导出此来电 Word", "导出此来电 Markdown"}

    at.radio(key=f"d_mark_{first}").set_value("需改进")
    at.text_area(key=f"d_comment_{first}").set_value("补充单户上限")
    next(b for b in at.form_submit_button if b.label == "保存评价").click().run()
    clean(at)
    saved = log.get(first)
    assert saved.feedback == "需改进" and saved.comment == "补充单户上限"


def test_ask_answers_with_citations_and_logs(data_dir):
    at = app()
    at.chat_input[0].set_value("伊春上云补助比例是多少？").run(timeout=TIMEOUT)
    assert not at.exception and not at.error
    reply = at.chat_message[-1]
    assert reply.name == "assistant"
    assert any("50%" in m for m in markdown_text(reply))
    evidence = next(e for e in reply.get("expander") if e.label.startswith("依据"))
    shown = re.sub(r"\\(.)", r"\1", " ".join(markdown_text(evidence)))
    assert "《伊春市支持工业企业上云补助实施细则》一、补助标准" in shown
    link = reply.get("page_link")[0]
    params = parse_qs(link.proto.query_string)
    assert params["doc"] == ["yichun-2023"] and link.value.startswith("查看原文")
    assert "quote" not in params and params["s"]  # the quote goes by reference, not as text in the address

    logged = enquiry_log.default_log().search("伊春")
    assert len(logged) == 1 and logged[0].citations and not logged[0].refused
    assert logged[0].as_of == dt.datetime.now(BEIJING).date() and logged[0].corpus_version == load_corpus().version

    # Thumbs up on the answer is stored as 有用 on the logged enquiry.
    at.get("feedback")[0].set_value(1).run()
    assert enquiry_log.default_log().get(logged[0].id).feedback == "有用"

    # The citation link opens 政策原文 on that article.
    at.switch_page("navigator/pages/sources.py")
    at.query_params.update({k: v[0] for k, v in params.items()})
    at.run()
    assert not at.exception
    body = next(m for m in markdown_text(at.main) if 'id="art-' in m)
    assert "pn-target" in body and "按照云服务合同额的50%给予补助" in re.findall(r"<mark>(.*?)</mark>", body)[-1]


def test_ask_remembers_facts_for_follow_ups(data_dir):
    at = app()
    at.chat_input[0].set_value("伊春合同额15万能补多少？").run(timeout=TIMEOUT)
    assert at.metric and at.metric[-1].value == "75,000.00 元"
    # The follow-up names neither the place nor what the amount is: both come from the first question.
    at.chat_input[0].set_value("那30万呢？").run(timeout=TIMEOUT)
    clean(at)
    reply = at.chat_message[-1]
    assert reply.get("metric")[0].value == "100,000.00 元"  # 150,000 capped at 10万元 (一、补助标准)
    logged = enquiry_log.default_log().search(None)
    assert logged[0].question == "那30万呢？"  # the caller's own words are logged
    assert logged[0].thread == logged[1].thread  # one conversation on the desk


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


# --- app frame ----------------------------------------------------------------------------------------------


def test_public_config_hides_developer_tools_and_tracebacks():
    import tomllib

    config = tomllib.loads((APP.parent / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["toolbarMode"] == "minimal"  # no Deploy, no Rerun / Clear cache for visitors
    assert config["client"]["showErrorDetails"] == "none"
    assert config["server"]["fileWatcherType"] == "none"  # no inotify flood outside development


def test_internal_error_shows_a_reference_not_a_traceback(data_dir, monkeypatch):
    import navigator.availability

    def broken(*_a, **_k):
        raise RuntimeError("/secret/path/chroma.sqlite3 is malformed")

    monkeypatch.setattr(navigator.availability, "availability", broken)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    at.switch_page("navigator/pages/open_now.py").run()
    assert not at.exception  # caught by app.py: no traceback reaches the browser
    shown = all_text(at)
    assert "参考编号" in shown and "/secret/path" not in shown and "Traceback" not in shown


def test_chrome_sets_a_chinese_locale_and_translates_streamlit_texts(data_dir):
    at = app()
    scripts = [h.value for h in at.get("html") if "<script>" in h.value]
    assert any("zh-CN" in s and "页面不存在" in s and "跳到主要内容" in s for s in scripts)
    assert not any("&" in s for s in scripts)  # the sanitiser would mangle it


# --- staff login ------------------------------------------------------------------------------------------


def _log_some(log) -> None:
    cite = load_corpus().citation("yichun-2023", "一、补助标准", "按照云服务合同额的50%给予补助").model_dump()
    log.add("伊春上云补助比例是多少？", "按照云服务合同额的50%给予补助。", citations=[cite],
            programmes=["yichun-2023-cloud-subsidy"], profile={"city": "伊春市", "industrial": True})
    log.add("上海有什么电动车补贴？", "现有政策库未收录上海市的相关政策。", refused=True)


def test_desk_without_login_shows_no_enquiry(data_dir, monkeypatch):
    monkeypatch.delenv("NAVIGATOR_STAFF_PASSWORD_HASH", raising=False)
    _log_some(enquiry_log.default_log())
    at = app("desk")
    shown = all_text(at)
    assert "伊春上云补助比例是多少" not in shown and "电动车" not in shown and "伊春市" not in shown
    assert not at.dataframe and not at.code and not at.get("download_button")
    assert [t.label for t in at.text_input] == ["启动口令"]  # neither OIDC nor a password is configured
    at.text_input(key="login_token").set_value("wrong-token")
    at.form_submit_button[0].click().run()
    assert any("不正确" in e.value for e in at.error)
    assert "伊春上云补助比例是多少" not in all_text(at)


def test_desk_login_with_the_staff_password(data_dir, monkeypatch):
    monkeypatch.setenv("NAVIGATOR_STAFF_PASSWORD_HASH", auth.hash_password("坐席密码-2026"))
    _log_some(enquiry_log.default_log())
    at = app("desk")
    assert [t.label for t in at.text_input] == ["坐席密码"]
    at.text_input(key="login_password").set_value("坐席密码-2026")
    at.form_submit_button[0].click().run()
    clean(at)
    assert at.title[0].value == "坐席工作台"
    assert "伊春上云补助比例是多少？" in " ".join(at.dataframe[0].value["问题"])
    assert any("坐席" in c.value for c in at.sidebar.caption)


def test_desk_login_with_the_startup_token_in_the_address(data_dir, monkeypatch):
    monkeypatch.delenv("NAVIGATOR_STAFF_PASSWORD_HASH", raising=False)
    _log_some(enquiry_log.default_log())
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    at.switch_page("navigator/pages/desk.py")
    at.query_params["token"] = auth.startup_token()
    at.run()
    clean(at)
    assert "token" not in at.query_params  # the token does not stay in the address
    assert at.dataframe and "伊春上云补助比例是多少？" in " ".join(at.dataframe[0].value["问题"])


# --- the desk as a work queue --------------------------------------------------------------------------------


def test_desk_lists_threads_filters_and_opens_a_case(data_dir):
    log = enquiry_log.default_log()
    cite = load_corpus().citation("yichun-2023", "一、补助标准", "按照云服务合同额的50%给予补助").model_dump()
    first = log.add("伊春上云能补多少？", "按照云服务合同额的50%给予补助。", citations=[cite], thread="call-1",
                    programmes=["yichun-2023-cloud-subsidy"], profile={"city": "伊春市", "industrial": True})
    log.add("那30万呢？", "单户企业最高不超过10万元。", read_as="伊春合同额30万能补多少？", thread="call-1",
            programmes=["yichun-2023-cloud-subsidy"])
    log.add("白云区公有云怎么补？", "给予云服务费50%的补贴。", programmes=["baiyun-2019-public-cloud"])
    log.add("上海有什么电动车补贴？", "现有政策库未收录上海市的相关政策。", refused=True)

    at = app("desk", staff=True)
    table = at.dataframe[0].value
    assert len(table) == 3  # one line per conversation, not per answer
    row = table[table["问题"] == "伊春上云能补多少？"].iloc[0]
    assert row["轮数"] == 2 and row["涉及项目"] == "伊春市工业企业首次上云补助"

    at.selectbox(key="d_programme").set_value("yichun-2023-cloud-subsidy").run()
    assert list(at.dataframe[0].value["问题"]) == ["伊春上云能补多少？"]
    at.selectbox(key="d_programme").set_value(None).run()
    at.selectbox(key="d_refused").set_value("仅拒答").run()
    assert list(at.dataframe[0].value["问题"]) == ["上海有什么电动车补贴？"]
    at.selectbox(key="d_refused").set_value("全部").run()

    # Open the conversation (a click on its line sets the same state; a link carries ?case=).
    at.query_params["case"] = log.get(first).thread
    at.run()
    clean(at)
    texts = [t.value for t in at.get("text")]
    assert texts[:2] == ["伊春上云能补多少？", "那30万呢？"]  # the caller's own wording, shown as text
    assert "伊春合同额30万能补多少？" in texts  # how the follow-up was read
    profile_table = next(df.value for df in at.dataframe if "项目" in df.value.columns and "内容" in df.value.columns)
    assert dict(zip(profile_table["项目"], profile_table["内容"], strict=True)) == {
        "注册所在城市": "伊春市", "是否工业（制造业）企业": "是"}  # Chinese labels, no raw True

    at.text_input(key="d_name_call-1").set_value("王女士")
    at.text_input(key="d_company_call-1").set_value("伊春林木制品有限公司")
    at.text_input(key="d_phone_call-1").set_value("0458-1234567")
    at.selectbox(key="d_status_call-1").set_value("待回电")
    next(b for b in at.form_submit_button if b.label == "保存来电信息").click().run()
    clean(at)
    case = log.get_case("call-1")
    assert (case.caller_name, case.company, case.phone, case.status) == ("王女士", "伊春林木制品有限公司",
                                                                      "0458-1234567", "待回电")
    del at.query_params["case"]
    at.text_input(key="d_text").set_value("1234567").run()  # case fields are searchable
    assert list(at.dataframe[0].value["问题"]) == ["伊春上云能补多少？"]
    assert list(at.dataframe[0].value["跟进"]) == ["待回电"]
    at.text_input(key="d_text").set_value("").run()
    at.selectbox(key="d_follow").set_value("待回电").run()
    assert list(at.dataframe[0].value["来电人"]) == ["王女士 · 伊春林木制品有限公司"]


def test_desk_figures_per_day_programme_feedback_and_gaps(data_dir):
    log = enquiry_log.default_log()
    a = log.add("伊春上云补助比例是多少？", "按照云服务合同额的50%给予补助。", programmes=["yichun-2023-cloud-subsidy"])
    b = log.add("伊春要交哪些材料？", "服务合同、营业执照复印件……", programmes=["yichun-2023-cloud-subsidy"])
    log.add("上海有什么电动车补贴？", "现有政策库未收录上海市的相关政策。", refused=True)
    log.set_feedback(a, "有用")
    log.set_feedback(b, "需改进", "应列出全部材料")
    at = app("desk", staff=True)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["咨询总数"] == "3" and metrics["有用率"] == "50%" and metrics["需改进率"] == "50%"
    assert metrics["拒答（知识缺口）"] == "1"
    per_programme = next(df.value for df in at.dataframe if "咨询数" in df.value.columns)
    assert dict(zip(per_programme["项目"], per_programme["咨询数"], strict=True)) == {"伊春市工业企业首次上云补助": 2}
    gaps = next(df.value for df in at.dataframe if "问题（原话）" in df.value.columns)
    assert list(gaps["问题（原话）"]) == ["上海有什么电动车补贴？"]


def test_desk_shows_log_write_failures_and_writes_the_spool_back(data_dir):
    from navigator.enquiry_log import EnquiryLog

    blocker = data_dir / "not-a-dir"
    blocker.write_text("x")
    broken = EnquiryLog(f"sqlite:///{blocker / 'sub' / 'log.sqlite3'}", spool=data_dir / "enquiries-unsaved.jsonl")
    assert broken.record("伊春上云补助比例是多少？", "按照云服务合同额的50%给予补助。") is None
    at = app("desk", staff=True)
    warning = " ".join(w.value for w in at.warning)
    assert "写入失败" in warning and "参考编号" in warning and "答复已照常显示" in warning
    next(b for b in at.button if b.label == "写回暂存记录").click().run()
    clean(at)
    assert enquiry_log.default_log().search("伊春")[0].answer == "按照云服务合同额的50%给予补助。"


def test_user_text_on_the_desk_is_text(data_dir):
    hostile = "看这里 http://evil.example/x [点我](javascript:alert(1)) <img src=x onerror=alert(1)> **粗体**"
    log = enquiry_log.default_log()
    key = log.get(log.add(hostile, "现有政策文本未覆盖此问题。", refused=True)).thread
    at = app("desk", staff=True)
    at.query_params["case"] = key
    at.run()
    clean(at)
    assert hostile in [t.value for t in at.get("text")]  # st.text: never parsed as Markdown or HTML
    assert not any("evil.example" in m.value for m in at.get("markdown"))
    assert at.dataframe[0].value["问题"][0] == hostile[:80]  # the list shows the opening words, as text


# --- 政策匹配 -----------------------------------------------------------------------------------------------


def test_match_asks_first_what_decides_most_and_folds_what_cannot_apply(data_dir):
    at = app("match", as_of=dt.date(2020, 6, 1))
    at.text_input(key="m_city").set_value("广州市")
    at.text_input(key="m_district").set_value("白云区")
    at.form_submit_button[0].click().run()
    clean(at)
    quick = [w.label for w in at.selectbox if w.key and w.key.startswith("q_")]
    assert quick and quick[0].startswith(common_label("side"))  # the applicant type decides the most verdicts
    headings = [m.value for m in at.markdown if m.value.startswith("##### ")]
    assert not any("认定" in h or "资源池" in h or "备案" in h for h in headings)  # provider schemes folded away
    folded = " ".join(c.value for c in at.caption)
    assert "广东省工业互联网产业生态供给资源池企业认定与评价" in folded

    # Answering the quick question changes the form's value and the results.
    at.selectbox(key="q_side").set_value("enterprise")
    next(b for b in at.form_submit_button if b.label == "用这些回答更新结果").click().run()
    clean(at)
    assert at.selectbox(key="m_side").value == "enterprise"
    assert "q_side" not in [w.key for w in at.selectbox]


def common_label(field: str) -> str:
    from navigator.labels import field_label

    return field_label(field)


def test_match_eligible_and_open_first_with_the_estimate(data_dir):
    at = app("match", as_of=dt.date(2020, 6, 1))
    at.selectbox(key="m_side").set_value("enterprise")
    at.selectbox(key="m_independent_legal_person").set_value("是")
    at.text_input(key="m_city").set_value("广州市")
    at.text_input(key="m_district").set_value("白云区")
    at.selectbox(key="m_industrial").set_value("是")
    at.selectbox(key="m_four_above").set_value("是")
    at.number_input(key="m_annual_tax_cny").set_value(8_000_000)
    at.number_input(key="m_amount").set_value(1_000_000)
    at.form_submit_button[0].click().run()
    clean(at)
    headings = [re.sub(r"\\(.)", r"\1", m.value[6:]) for m in at.markdown if m.value.startswith("##### ")]
    amounts = [m.value for m in at.metric if m.label == "测算补贴"]
    # Eligible and open first, larger amounts first: Guangdong 2020 (Guangzhou is 珠三角: 1,000,000 × 70 %
    # = 700,000), Baiyun public cloud (1,000,000 × 50 % = 500,000, capped at 300,000 for tax ≥ 5,000,000, 第八条);
    # then the Baiyun lines whose verdict is still unknown, by amount (software development cloud 100 % in year 1).
    assert headings[:4] == ["广东省2020年工业企业“上云上平台”服务券", "白云区上云上平台服务券·公有云",
                            "白云区上云上平台服务券·软件开发云套餐", "白云区上云上平台服务券·智能车间数字化服务"]
    assert amounts[:4] == ["700,000.00 元", "300,000.00 元", "1,000,000.00 元", "400,000.00 元"]
    first = card_for(at, headings[0])
    assert any("符合条件" in m for m in markdown_text(first)) and any("开放中" in m for m in markdown_text(first))
    assert not any("伊春" in h or "东莞" in h for h in headings)  # other regions are folded away
    assert [b.label for b in at.get("download_button")] == ["下载 Word 报告", "下载 PDF 报告"]


# --- 现在可申报 ---------------------------------------------------------------------------------------------


def test_open_now_shows_what_closes_soon_where_to_apply_and_history(data_dir):
    at = app("open_now", as_of=dt.date(2022, 8, 1))
    text = all_text(at)
    # Baiyun: in force three years from 2019-08-14, so until 2022-08-14 (第二十二条): 14 days left on 2022-08-01.
    assert "30天内截止" in text and "截止：2022-08-14（还剩 14 天）" in text
    assert "白云区服务券申报系统（原文未给出网址）" in text
    # Guangdong 2020 closed on 2020-09-30: history, with its date.
    history = next(df.value for df in at.dataframe if "截止日期" in df.value.columns)
    row = history[history["项目"] == "广东省2020年工业企业“上云上平台”服务券"].iloc[0]
    assert row["截止日期"] == "2020-09-30"

    at = app("open_now", as_of=dt.date(2020, 6, 1))
    assert "广东省工业互联网应用服务平台（http://syspt.aiigd.cn/）" in all_text(at)  # the URL the text prints

    at = app("open_now", as_of=dt.date(2024, 6, 1))
    text = all_text(at)
    assert "市工信局信息化推进科，0458-3878126" in text  # the office's phone exactly as printed (五、联系方式)
    assert "伊春市工业企业上云补助兑付申请表" in text or "附件" in text


# --- 政策原文 ------------------------------------------------------------------------------------------------


def test_sources_takes_a_quote_by_sentence_reference(data_dir):
    from navigator import quote_ref
    from navigator.pages.common import source_params

    cite = load_corpus().citation("yichun-2023", "一、补助标准", "按照云服务合同额的50%给予补助").model_dump()
    params = source_params(cite)
    assert "quote" not in params and params["s"] and len("&".join(f"{k}={v}" for k, v in params.items())) < 80
    art = load_corpus().docs["yichun-2023"].article_by_label("一、补助标准")
    assert quote_ref.quote_of(art.text, quote_ref.decode(params["s"])) == "按照云服务合同额的50%给予补助"
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    at.switch_page("navigator/pages/sources.py")
    at.query_params.update(params)
    at.run()
    clean(at)
    body = next(m for m in markdown_text(at.main) if 'id="art-' in m)
    assert "<mark>按照云服务合同额的50%给予补助</mark>" in body


def test_sources_never_echoes_the_address(data_dir):
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    at.switch_page("navigator/pages/sources.py")
    at.query_params.update({"doc": "http://evil.example/<b>x</b>", "article": "[x](http://evil.example)"})
    at.run()
    clean(at)
    assert at.warning and "evil" not in all_text(at)
    at.query_params.update({"doc": "yichun-2023", "article": "[点我](http://evil.example)", "s": "999"})
    at.run()
    clean(at)
    assert "evil" not in all_text(at)
