"""Bounds the texts set against the figures a yes/no question states (navigator.limits), on the texts' own
sentences, and the verdicts ``ask`` opens with when they decide."""

import pytest

from navigator.answer import answerer
from navigator.corpus import load_corpus
from navigator.limits import bounds, judge
from navigator.reading import lexicon

W = lexicon().limits


@pytest.fixture(scope="module")
def ask():
    engine = answerer()
    return lambda q, **kw: engine.ask(q, **kw)


def sentence(doc: str, label: str, start: str) -> str:
    text = load_corpus().docs[doc].article_by_label(label).text
    i = text.find(start)
    assert i >= 0, (doc, label, start)
    end = min((j for j in (text.find("。", i), text.find("；", i)) if j >= 0), default=len(text))
    return text[i:end + 1]


PACKAGES = ("baiyun-2019", "第十一条（一）", "企业根据自身业务需求申请企业版套餐")
REVIEW = ("baiyun-2019", "第十五条（二）", "根据初审要求")
UNUSED = ("baiyun-2019", "第十六条", "申请的服务开通后")
CAPACITY = ("dongguan-2015", "第四条（五）", "云公共服务平台应具备")
RECORD = ("dongguan-2015", "第四条（七）", "申请认定前三年内")
FISCAL = ("yichun-2023", "二、申报条件（三）", "企业近5年内")
CASES = ("yichun-2023", "三、申报审核流程（二）4", "应用典型案例")
YEARS = ("dongguan-2015", "第十二条", "对经认定的云公共服务平台")
ONE_YEAR = ("baiyun-2019", "第十一条（四）1", "同一企业只能享受一年补贴")
FRAUD = ("baiyun-2019", "第二十条", "对骗取服务券单位")


@pytest.mark.parametrize(("where", "question", "inside"), [
    (PACKAGES, "四上企业申请8个企业版套餐可以吗", True),
    (PACKAGES, "四上企业申请12个企业版套餐可以吗", False),
    (PACKAGES, "我们不是四上，想弄7个开发云企业版套餐行不", False),
    (PACKAGES, "非“四上”企业申请5个套餐可以吗", True),
    (REVIEW, "初审退回补材料，过5个工作日再交可以吗", False),
    (REVIEW, "初审退回补材料，2个工作日内补上可以吗", True),
    (UNUSED, "开通的云服务才20天还没用上，资源可以先留着吗", True),
    (CAPACITY, "软件产品25项，一年服务80家厂，收入600万，能过吗", True),
    (CAPACITY, "软件产品15项，服务收入600万，能过吗", False),
    (CAPACITY, "软件产品25项，服务80家，收入300万，能过吗", False),
    (RECORD, "四年前被罚过较大数额罚款，现在能申请吗", True),
    (RECORD, "两年前被罚过较大数额罚款，现在能申请吗", False),
    (RECORD, "五年前因为违规被罚过一笔较大的罚款，后来都正常，现在能申请吗", True),  # what is counted, words away
    (FISCAL, "三年前出过财政资金方面的违规，还能申请吗", False),  # 近5年内: a window, as 前三年内
    (FISCAL, "七年前出过财政资金方面的违规，还能申请吗", True),
    (CASES, "只有两个典型案例可以备案吗", False),
    (CASES, "有5个典型案例够吗", True),
    (YEARS, "第四年的租赁费还能补吗", False),
    (YEARS, "第三年的租赁费还能补吗", True),
    (ONE_YEAR, "诊断服务能连续享受三年吗", False),
    (PACKAGES, "我们还不到四上规模，申请8个企业版套餐可以吗", False),
    (REVIEW, "初审通知补材料，打算一周以后再交，行吗", False),
    (FRAUD, "骗取过服务券的企业，三年后还能再申请吗", False),
    (FRAUD, "骗取过服务券的企业，六年后还能再申请吗", True),
    (FRAUD, "一家企业三年前被查出骗取服务券，今年还能申请吗", False),  # three years since, inside 五年内不再给予
    (FRAUD, "六年前骗取过服务券，现在还能申请吗", True),
    (CASES, "典型案例要求不少于3个，我们正好3个，够吗", True),  # 不少于3个 restated: at least 3, not fewer
    (CASES, "我们的典型案例不超过2个，够吗", False),
])
def test_figures_against_the_bounds_of_the_texts(where, question, inside):
    assert judge(question, sentence(*where), W) is inside


def test_nothing_to_compare_is_no_verdict():
    assert judge("可以申请公有云吗", sentence(*PACKAGES), W) is None  # no figure in the question
    assert judge("申请8项可以吗", sentence(*PACKAGES), W) is None  # 项 is not 个
    assert bounds("软件开发云套餐分为企业版（10人）和教育版（50人）两种。", W) == []  # sizes, not bounds


def test_ask_opens_with_the_verdict_the_bound_gives(ask):
    r = ask("白云区一家四上软件企业打算申请8个软件开发云企业版套餐，数量上可以吗？")
    assert r["answer"].startswith("可以") and "不超过10个" in r["answer"]
    r = ask("客户说白云服务券初审被退回要补材料，他们打算过5个工作日再交，问可以吗")
    assert r["answer"].startswith("不可以") and "3个工作日内" in r["answer"]


def test_ask_says_no_to_what_the_text_forbids_or_requires(ask):
    assert ask("白云区企业领到的服务券能卖给别的企业吗？")["answer"].startswith("不可以")
    assert ask("东莞的云平台认定后三年有效期内，可以不做资质复核吗？")["answer"].startswith("不可以")
    assert ask("客户是云服务商，问能不能先跟伊春企业签合同，之后再去市工信局备案")["answer"].startswith("不可以")
    assert ask("白云的服务券除了租云资源，能不能用在应用迁移上？")["answer"].startswith("可以")


def test_ask_says_the_text_is_silent_on_what_it_never_names(ask):
    for q in ["申请东莞工业云公共服务平台认定要交申请费吗？", "省资源池企业的认定结果有没有有效期？",
              "客户问东莞使用认定云平台的制造企业，是不是要规上企业才能拿租赁费补助"]:
        assert ask(q)["answer"].startswith("文件未作规定"), q
    # Dongguan's certification states its validity: the question is answered from the text, not left open.
    assert not ask("东莞的云平台认定有没有有效期？")["answer"].startswith("文件未作规定")


VALID = ("dongguan-2015", "第十一条", "云公共服务平台认定有效期")
PUBLIC = ("baiyun-2019", "第十五条（四）", "对通过审核的单位名单")


@pytest.mark.parametrize(("where", "question", "said"), [
    (VALID, "东莞平台认定有效期是三年吧", True),
    (VALID, "认定的有效期是5年吗", False),
    (PUBLIC, "审核通过的名单公示期是5个工作日吗", True),
    (PUBLIC, "名单公示是7个工作日对吧", False),
    (PUBLIC, "名单公示几个工作日", None),  # no figure put forward
    (VALID, "认定有效期多少年", None),  # no figure put forward
    (PUBLIC, "公示5个工作日后就能领券吗", None),  # a figure told, not put forward as the text's
    (CAPACITY, "软件产品数量是20项吗", None),  # 不少于20项 is a bound: judge() decides it, not this
])
def test_a_figure_put_forward_as_the_texts_is_compared_with_the_one_it_states(where, question, said):
    from navigator.limits import claimed

    assert claimed(question, sentence(*where), W) is said
