"""Amount questions written from templates (``tools/amounts.py``): the chat states the right figure or asks back.

A fixed-seed sample of generated questions is asked in process. The expected
figure of each is what the estimate service gives for the inputs its words state;
a figure that differs, or any figure for a question that must be asked back, is
a wrong figure.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from navigator.programmes import registry

ROOT = Path(__file__).resolve().parents[1]
SEED = 1
SAMPLE = 60
MIN_RIGHT_SHARE = 0.80


def _tool():
    spec = importlib.util.spec_from_file_location("amounts_tool", ROOT / "tools" / "amounts.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # pydantic resolves the models' annotations through the module
    spec.loader.exec_module(module)
    return module


amounts = _tool()


@pytest.fixture(scope="module")
def outcomes():
    from navigator.answer import answerer

    return amounts.check(amounts.generate(SAMPLE, SEED), answerer())


def test_no_wrong_figure(outcomes):
    wrong = [o for o in outcomes if o.verdict in ("WRONG", "error")]
    assert not wrong, "\n" + "\n".join(amounts.describe(o) for o in wrong)


def test_most_computable_questions_get_the_right_figure(outcomes):
    s = amounts.summarise(outcomes)
    missed = [o for o in outcomes if o.question.expect == "figure" and o.verdict != "right"]
    assert s.right_share >= MIN_RIGHT_SHARE, (
        f"right {s.figure_right}/{s.figure_questions}\n" + "\n".join(amounts.describe(o) for o in missed))


def test_the_sample_holds_every_family_and_both_kinds_of_question(outcomes):
    assert {o.question.family for o in outcomes} == set(amounts.FAMILIES)
    assert sum(o.question.expect == "figure" for o in outcomes) >= SAMPLE // 2
    assert any(o.question.expect == "ask" for o in outcomes)


def test_the_same_seed_writes_the_same_questions_and_figures():
    a, b = amounts.generate(40, 7), amounts.generate(40, 7)
    assert [(q.question, q.expected_cny) for q in a] == [(q.question, q.expected_cny) for q in b]
    assert [q.question for q in a] != [q.question for q in amounts.generate(40, 8)]


def test_every_enterprise_programme_with_a_calculator_is_asked_about():
    asked = set()
    for q in amounts.generate(600, SEED):
        req = q.request or {}
        asked |= {line.get("programme") for line in req.get("items", [req])} - {None}
    wanted = {p.id for p in registry().programmes.values() if p.side == "enterprise" and p.calculator is not None}
    assert wanted <= asked, wanted - asked


def test_computable_questions_carry_their_request_and_the_others_none():
    for q in amounts.generate(200, SEED):
        if q.expect == "figure":
            assert q.request and q.expected_cny is not None and q.expected_cny >= 0, q
            assert q.expected_items and all(line in q.question for line in q.amounts), q
        else:
            assert q.request is None and q.expected_cny is None and q.why, q


@pytest.mark.parametrize("value, style, written", [
    (8_000_000, "wan", "800万"), (8_000_000, "wan_yuan", "800万元"), (8_000_000, "comma_yuan", "8,000,000元"),
    (8_000_000, "digits", "8000000"), (150_000_000, "yi", "1.5亿"), (5000, "wan", "0.5万"),
    (15_000, "wan_qian", "1万5千"), (12_000_000, "cn", "一千二百万"), (350_000, "cn", "三十五万"),
])
def test_amounts_are_written_as_enterprises_write_them(value, style, written):
    import random

    assert amounts.write_amount(Decimal(value), style, random.Random(0)) == written
    assert amounts.read_back(written) == value


@pytest.mark.parametrize("written, value", [
    ("八百万", 8_000_000), ("八百万元", 8_000_000), ("十万零五百元", 100_500), ("一十二万三千元", 123_000),
    ("两千万", 20_000_000), ("约100万", 1_000_000), ("100万左右", 1_000_000),
])
def test_chinese_numerals_are_read_back_to_their_value(written, value):
    assert amounts.read_back(written) == value


@pytest.mark.parametrize(("question", "total"), [
    # each year's tax and fee listed with 、 after the year: 450万 → 10万 tier (15万 cut to 10万); 2100万 → 100万 tier
    ("我们白云的厂是四上，头一年交税450万、公有云用了30万，第二年交税涨到2100万、公有云用了300万，两年公有云能补多少？", "1100000.00"),
    ("东莞 认定平台 租赁 头年33.3万 次年20万 两年补多少", "193200.00"),  # 13.32万 + 6万
    # 头年…、二年…、三年…: the years after the first named by their number alone
    ("东莞认定平台租金：头年十五万、二年十八万、三年二十万，三年补助总数？", "154000.00"),  # 6万 + 5.4万 + 4万
])
def test_years_of_use_in_callers_words(question, total):
    from navigator.answer import answerer

    r = answerer().ask(question, as_of=dt.date(2021, 1, 1))
    assert r["estimate"] is not None and r["estimate"]["total_cny"] == total, r["answer"][:160]


def test_a_sum_over_years_of_a_yearly_line_is_computed_or_asked_never_one_year():
    from navigator.answer import answerer

    a = answerer()
    r = a.ask("我们厂在白云，每年全库纳税400万，公有云一年要80万，连着用两年，两年总共能补多少？", as_of=dt.date(2021, 1, 1))
    assert r["estimate"]["total_cny"] == "200000.00"  # 10万 a year (500万-以下 tier), two years
    r = a.ask("白云区四上企业纳税800万，公有云服务费两年一共100万，两年总共能补多少", as_of=dt.date(2021, 1, 1))
    assert r["estimate"] is None and r["clarify"] is not None and "2年合计" in r["clarify"]["question"]


@pytest.mark.parametrize("question", [
    "白云软件开发云第一年服务费10万，第三年能补多少？",
    "东莞租赁费第一年20万，第二年能补多少？",
])
def test_a_year_asked_without_its_own_fee_is_asked_back_never_another_years_figure(question):
    from navigator.answer import answerer

    r = answerer().ask(question, as_of=dt.date(2021, 1, 1))
    assert r["estimate"] is None and r["clarify"] is not None, r["answer"][:200]


def test_the_year_asked_among_the_fees_given_is_that_years_figure():
    from navigator.answer import answerer

    r = answerer().ask("东莞租赁费第一年20万、第二年10万，第二年能补多少？", as_of=dt.date(2021, 1, 1))
    assert r["estimate"]["total_cny"] == "30000.00" and r["estimate"]["year"] == 2, r["answer"][:200]  # 10万 × 30 %


@pytest.mark.parametrize(("question", "total"), [
    # 450万 → 10万 tier; 600万 → 30万 tier; 2100万 → 100万 tier: 10万 + 20万 + 100万
    ("客户问：白云一家四上企业连续三年用公有云，服务费分别是30万元、40万元、250万元，对应年度全库纳税分别是450万元、600万元、2100万元，"
     "三年公有云补贴合计多少？", "1300000.00"),
    ("白云 开发云首年7.5万 公有云26万 四上 纳税320万 当年补贴共多少", "175000.00"),  # 纳税 is the next amount's word
    # last year's tax for this year's fees: no two years of use; 公有云 18万 cut to 10万, 开发云 12万 at 100 %
    ("客户问：他们是区里认定的总部企业，注册在白云，去年全库纳税480万元，今年公有云花了36万元，软件开发云是头一年用，花了12万元，两项今年能补多少？",
     "220000.00"),
])
def test_several_runs_of_amounts_and_words_between_them(question, total):
    from navigator.answer import answerer

    r = answerer().ask(question, as_of=dt.date(2021, 1, 1))
    assert r["estimate"] is not None and r["estimate"]["total_cny"] == total, r["answer"][:200]


@pytest.mark.parametrize(("question", "total", "verdict"), [
    # 没参加集群试点 is no pilot: 中山 (Pearl River Delta) 70 %, not the pilots' 80 %
    ("客户问：他们是中山的企业，没参加集群试点，2020年服务券合同额30万，能拿到24万吗？", "210000.00", "不可以"),
    ("伊春合同额20万，能补10万吗？", "100000.00", "可以"),
    ("伊春合同额20万，最多能补10万吗？", "100000.00", None),  # a ceiling asked about is no claim
    ("伊春合同额20万，补助8万对吗", "100000.00", "不可以"),  # 对吗 asks the figure itself
    # 五成 is the right rate, but the 1200万 tier caps the year at 30万: the figure decides, not the rate
    ("我们是白云区一家四上企业，上年度全库纳税1200万元，今年公有云服务费100万元。财务按五成算，估计公有云能补50万元，这个估算对吗？",
     "300000.00", "不可以"),
])
def test_a_figure_the_asker_puts_forward_is_checked_against_the_estimate(question, total, verdict):
    from navigator.answer import answerer

    r = answerer().ask(question, as_of=dt.date(2021, 1, 1))
    assert r["estimate"] is not None and r["estimate"]["total_cny"] == total, r["answer"][:200]
    if "没参加" in question:
        assert "产业集群试点：否（“没参加集群试点”）" in r["answer"], r["answer"][:300]  # a stated no is shown
    opening = r["answer"].split("：")[0].split("。")[0]
    assert opening == verdict if verdict else opening.startswith("测算结果"), r["answer"][:200]


def test_an_amount_given_as_a_bound_is_estimated_inside_it():
    """纳税不到500万 is the under-500万 tier (10万 a year), never the 500万 tier the figure itself falls in."""
    from navigator.answer import answerer

    r = answerer().ask("白云四上企业，去年纳税不到500万，公有云服务费50万能补多少", as_of=dt.date(2021, 1, 1))
    assert r["estimate"] is not None and r["estimate"]["total_cny"] == "100000.00", r["answer"][:300]
    assert "以下（不含）" in r["answer"], r["answer"][:300]


@pytest.mark.parametrize(("question", "years"), [
    # 6万 + 10万 + 4万: each year under the 10万 yearly cap of the under-500万 tier, never one year of 50万
    ("白云 公有云 四上 纳税300万 三年服务费 12万 30万 8万 补贴合计", ["60000.00", "100000.00", "40000.00"]),
    ("白云四上企业纳税400万，公有云两年的服务费 16万 24万，合计能补多少", ["80000.00", "100000.00"]),
])
def test_several_years_fees_of_a_yearly_line_are_each_their_own_year(question, years):
    from navigator.answer import answerer

    r = answerer().ask(question, as_of=dt.date(2021, 1, 1))
    assert r["estimate"] is not None, r["answer"][:300]
    per_year = sorted((y["year"], y["amount_cny"]) for i in r["estimate"]["items"] for y in i["schedule"])
    assert [amount for _, amount in per_year] == years, r["answer"][:300]
    assert [year for year, _ in per_year] == list(range(1, len(years) + 1)), r["answer"][:300]


@pytest.mark.parametrize("question", ["伊春企业首次上云，云服务按月付，每个月6000元，能补多少？", "白云公有云每月2万，四上企业纳税800万，能补多少"])
def test_a_monthly_amount_is_no_contract_nor_a_years_fee(question):
    from navigator.answer import answerer

    r = answerer().ask(question, as_of=dt.date(2021, 1, 1))
    assert r["estimate"] is None and r["clarify"] is not None and "按月" in r["clarify"]["question"], r["answer"][:300]


@pytest.mark.parametrize(("question", "total"), [
    # a letter's framing (现就…事宜咨询如下) names no topic of its own: the figure, not a refusal
    ("现就补贴测算事宜咨询如下：项目合同金额10万。制造业企业。我司位于阳江。可以拿多少补贴？", "80000.00"),
    # the years before 分别 (前三年) and a hedge before a comma (六十万元左右，100000): 40 % + 30 % + 20 %, 20万 in all
    ("东莞一家制造企业，用的是认定的云平台，租赁费用前三年分别为286600，六十万元左右，100000。一共能补贴多少？", "200000.00"),
])
def test_callers_framing_and_runs_of_yearly_fees(question, total):
    from navigator.answer import answerer

    r = answerer().ask(question, as_of=dt.date(2021, 1, 1))
    assert r["estimate"] is not None and r["estimate"]["total_cny"] == total, r["answer"][:200]


@pytest.mark.parametrize(("question", "total", "quoted"), [
    # 同年: the year of the amount before (40万 × 100 % + 15万 × 80 % in year 1, 40万 × 80 % in year 2)
    ("白云一家软件企业第一年用软件开发云服务费40万元，同年云上软件园服务费15万元；第二年软件开发云服务费还是40万元。两年补贴合计多少？",
     "840000.00", "申请云上软件园服务"),
    # 车间…数字化改造 is the smart-workshop line; 三十八万六千 is 386,000
    ("我们白云车间做数字化改造，服务费三十八万六千，能补多少？", "308800.00", "申请智能车间数字化服务"),
    # the tier's ceiling is quoted whole with the steps
    ("我们是白云区一家四上企业，上年度全库纳税只有280万元。今年公有云服务费60万元，能补多少？", "100000.00",
     "年度全库纳税500万元以下的企业，单个企业当年最高补贴额度不超过10万元"),
])
def test_estimates_quote_the_sentences_their_steps_rest_on(question, total, quoted):
    from navigator.answer import answerer

    r = answerer().ask(question, as_of=dt.date(2021, 1, 1))
    assert r["estimate"] is not None and r["estimate"]["total_cny"] == total, r["answer"][:300]
    basis = r["answer"].split("\n依据：\n", 1)[1]
    assert quoted in basis, r["answer"]


def test_the_year_of_use_the_asker_is_in_with_a_sum_asked_is_every_year_so_far():
    """已经第四年了，每年…都是10万，前前后后一共: 4万 + 3万 + 2万 + nothing in year 4, never year 4 alone (0)."""
    from navigator.answer import answerer

    r = answerer().ask("我们东莞的厂在认定平台上租系统已经第四年了，每年租赁费都是10万，前前后后一共能补多少？",
                       as_of=dt.date(2021, 1, 1))
    assert r["estimate"] is not None and r["estimate"]["total_cny"] == "90000.00", r["answer"][:300]


def test_a_yearly_fee_is_no_contract_amount():
    """Yichun pays on the contract: 每年云服务费8万元 gives it only for a one-year contract, so it is asked back."""
    from navigator.answer import answerer

    r = answerer().ask("客户问：伊春一家企业首次上云，每年云服务费8万元，能补多少？", as_of=dt.date(2021, 1, 1))
    assert r["estimate"] is None and r["clarify"] is not None and "合同" in r["clarify"]["question"], r["answer"][:300]


@pytest.mark.parametrize("question", [
    "白云开发云第一年服务费十万，第二年还是这么多，两年补多少？",  # a year named with no fee of its own
    "白云开发云今年第二年服务费50万，两年一共补多少",  # the first year's fee is not said
])
def test_a_sum_over_years_missing_a_years_fee_is_asked_back(question):
    from navigator.answer import answerer

    r = answerer().ask(question, as_of=dt.date(2021, 1, 1))
    assert r["estimate"] is None and r["clarify"] is not None and "年的费用" in r["clarify"]["question"], r["answer"][:300]


def test_one_fee_said_of_each_of_the_years_named_by_their_ordinals():
    from navigator.answer import answerer

    r = answerer().ask(as_of=dt.date(2021, 1, 1), question="白云开发云今年是第二年、明年是第三年，两年服务费都是300万元，一共补多少？")
    assert r["estimate"] is not None and "3,800,000.00" in r["answer"].splitlines()[0], r["answer"][:300]


def test_an_instalment_is_no_contract_amount():
    from navigator.answer import answerer

    r = answerer().ask("伊春一家企业首次上云，合同分两期付，每期6万，能补多少？", as_of=dt.date(2021, 1, 1))
    assert r["estimate"] is None and r["clarify"] is not None and "合同额" in r["clarify"]["question"], r["answer"][:300]


def test_a_year_named_as_not_used_is_no_fee_missing():
    from navigator.answer import answerer

    r = answerer().ask("白云开发云第一年服务费30万，第二年40万，第三年没续，一共补多少？", as_of=dt.date(2021, 1, 1))
    assert r["estimate"] is not None and r["estimate"]["total_cny"] == "620000.00", r["answer"][:300]


@pytest.mark.parametrize("question, total", [
    # the contract's total beside its yearly amount: the text counts the total, capped once at 10万
    ("伊春铁力一家矿泉水厂首次上云，签了三年合同，一年4万元，合同总额12万元，能补多少？", "60000.00"),
    ("伊春首次上云，合同总共30万，分三年付，每年10万，能补多少", "100000.00"),
    ("汕头的厂2020服务券项目，合同一共签了两年共80万，每年40万，奖补多少", "640000.00"),
    # the total beside its instalments (每期 / 首期): the contract amount, not a payment so far
    ("伊春一家企业首次上云，云服务合同总额18万元，分三期付款，每期6万元，三期都已付清，能补多少？", "90000.00"),
    ("佛山一家家具企业2020年服务券项目合同总额56万元，分两期付款，首期28万元已付，奖补是多少？", "392000.00"),
])
def test_a_contracts_total_beside_its_yearly_amount_is_the_contract_amount(question, total):
    from navigator.answer import answerer

    r = answerer().ask(question, as_of=dt.date(2021, 1, 1))
    assert r["estimate"] is not None and r["estimate"]["total_cny"] == total, r["answer"][:300]


@pytest.mark.parametrize("question", [
    "伊春一家首次上云的食品厂，和云服务商签的合同是每年8万元，能补多少？",  # the contract said by the year
    "伊春首次上云，合同签三年，每年10万，三年一共能补多少",  # a contract is paid once, not year by year
    "汕头的厂2020服务券项目，合同两年，每年40万，两年一共奖补多少",
])
def test_a_contract_said_by_the_year_is_asked_for_its_total(question):
    from navigator.answer import answerer

    r = answerer().ask(question, as_of=dt.date(2021, 1, 1))
    assert r["estimate"] is None and r["clarify"] is not None and "总额" in r["clarify"]["question"], r["answer"][:300]


@pytest.mark.parametrize("question, total", [
    ("白云四上企业纳税800万，公有云服务费伍拾万，能补多少", "250000.00"),  # capital numerals of money
    ("白云开发云头一年20万，次年25万，第三个年头30万，三年一共补多少", "580000.00"),  # 第三个年头 is the third year
    ("白云开发云三年合计90万，第一年40万，第二年30万，第三年20万，一共补多少", "760000.00"),  # the total repeats the years' sum
    # the same with a tax of another kind beside it
    ("白云一家四上企业三年公有云服务费合计150万元，其中第一年40万元、第二年50万元、第三年60万元，每年上年度全库纳税都是2600万元，"
     "三年公有云补多少？", "750000.00"),
])
def test_amounts_and_years_said_in_other_ways(question, total):
    from navigator.answer import answerer

    r = answerer().ask(question, as_of=dt.date(2021, 1, 1))
    assert r["estimate"] is not None and r["estimate"]["total_cny"] == total, r["answer"][:300]


def test_a_total_that_is_not_the_years_sum_is_asked_back():
    from navigator.answer import answerer

    r = answerer().ask("白云开发云三年合计100万，第一年40万，第二年30万，第三年20万，一共补多少", as_of=dt.date(2021, 1, 1))
    assert r["estimate"] is None and r["clarify"] is not None, r["answer"][:300]


def test_a_year_said_in_the_clause_before_its_amount():
    """第四年还在续租，费用30万元: the fourth year's fee, which the three-year programme does not pay."""
    from navigator.answer import answerer

    r = answerer().ask("东莞一家制造企业在认定的工业云平台上租用系统，第一年租赁费18万元，第二年22万元，第三年26万元，"
                       "第四年还在续租，费用30万元。一共能补多少？", as_of=dt.date(2021, 1, 1))
    assert r["estimate"] is not None and r["estimate"]["total_cny"] == "190000.00", r["answer"][:300]


def test_the_year_asked_is_the_last_one_named_before_asking():
    """第二年服务费是第一年的两倍，第一年20万，第二年能补多少: the second year is asked, whose fee is not given."""
    from navigator.answer import answerer

    r = answerer().ask("白云开发云第二年服务费是第一年的两倍，第一年20万，第二年能补多少", as_of=dt.date(2021, 1, 1))
    assert r["estimate"] is None and r["clarify"] is not None and "第2年" in r["clarify"]["question"], r["answer"][:300]


@pytest.mark.parametrize("question, total", [
    # each later year a step from the year before, up to the span named
    ("东莞一家企业在认定平台上第一年租赁费30万元，以后每年减少5万元，三年补助一共多少？", "200000.00"),
    ("白云开发云头一年服务费150万元，之后逐年递增10万元，三年一共补多少", "3800000.00"),
    # one year a step from the year it names (比头一年), or from the year before (又少了)
    ("东莞租赁费第一年10万，第二年比头一年多2.5万，第三年比第一年少3万，三年补多少", "91500.00"),
    ("白云开发云第一年服务费100万，第二年比第一年少20万，第三年又少了20万，三年一共补多少", "2000000.00"),
])
def test_a_years_fee_said_as_a_step_from_another_year(question, total):
    from navigator.answer import answerer

    r = answerer().ask(question, as_of=dt.date(2021, 1, 1))
    assert r["estimate"] is not None and r["estimate"]["total_cny"] == total, r["answer"][:300]


@pytest.mark.parametrize("question", [
    "东莞认定平台租赁费第一年30万元，以后每年少5万元，能补多少",  # no span: how many later years is not said
    "东莞认定平台租赁费第一年8万元，以后每年减少5万元，三年补多少",  # the third year's fee would be below zero
])
def test_a_step_that_leaves_a_years_fee_unknown_or_negative_is_asked_back(question):
    from navigator.answer import answerer

    r = answerer().ask(question, as_of=dt.date(2021, 1, 1))
    assert r["estimate"] is None and r["clarify"] is not None, r["answer"][:300]


@pytest.mark.parametrize("question, total", [
    # the contract named beside its instalments, which add up to it (分两年付每年七万五 / 分两期，每期12万)
    ("伊春首次上云合同金额十五万，分两年付每年七万五，能补多少", "75000.00"),
    ("汕头企业上云合同24万，分两期，每期12万，省2020服务券补多少", "192000.00"),
    ("伊春企业首次上云，合同18万，每年6万，三年，补多少", "90000.00"),
    ("清远企业上云合同50万元，其中今年付30万，明年付20万，2020年服务券补多少", "400000.00"),
    # the contract named beside a payment made so far (已经付了6万, 首付款9万)
    ("伊春企业首次上云，合同12万，已经付了6万，能补多少", "60000.00"),
    ("江门企业上云合同30万，首付款9万，2020省服务券能补多少", "210000.00"),
])
def test_a_contract_and_the_instalments_that_add_up_to_it_count_the_contract(question, total):
    from navigator.answer import answerer

    r = answerer().ask(question, as_of=dt.date(2021, 1, 1))
    assert r["estimate"] is not None and r["estimate"]["total_cny"] == total, r["answer"][:300]


def test_instalments_that_do_not_add_up_to_the_contract_are_asked_back():
    from navigator.answer import answerer

    r = answerer().ask("伊春首次上云合同金额十五万，分两年付每年八万，能补多少", as_of=dt.date(2021, 1, 1))
    assert r["estimate"] is None and r["clarify"] is not None, r["answer"][:300]


def test_a_bare_year_before_a_word_is_no_amount():
    """省里2020服务券: 2020 names the programme's year, not a second amount to ask about."""
    from navigator.answer import answerer

    r = answerer().ask("惠州企业上云合同金额二十八万六千，省里2020服务券补多少", as_of=dt.date(2021, 1, 1))
    assert r["estimate"] is not None and r["estimate"]["total_cny"] == "200200.00", r["answer"][:300]


@pytest.mark.parametrize("question, total", [
    # the year of use said (已经用到第三年了) with the fee of each year so far: the years' sum, never the last year's
    ("白云软件企业开发云已经用到第三年了，前三年服务费都是五十万，一共补了多少", "1200000.00"),
    ("东莞认定平台已经用了第三年，前三年租赁费都是10万，一共补多少", "90000.00"),
    ("白云开发云今年第三年了，三年服务费都是五十万，一共补了多少", "1200000.00"),
    ("白云开发云今年第三年了，每年服务费都是五十万，三年一共补了多少", "1200000.00"),
    # the years named (今年是第二年、明年第三年), not the years so far
    ("白云一家企业开发云今年是第二年、明年第三年，两年服务费都是300万元，能补多少？", "3800000.00"),
])
def test_the_year_in_use_beside_each_years_fee_sums_the_years(question, total):
    from navigator.answer import answerer

    r = answerer().ask(question, as_of=dt.date(2021, 1, 1))
    assert r["estimate"] is not None and r["estimate"]["total_cny"] == total, r["answer"][:300]
    assert "第3年可获补贴" not in r["answer"].splitlines()[0], r["answer"][:300]


@pytest.mark.parametrize("question, total", [
    # 八百多万 is 800万 up to 900万: inside one tier (500万–2000万), the figure holds across it
    ("白云四上企业纳税八百多万，公有云服务费80万，补多少", "300000.00"),
    ("白云四上企业纳税800万到900万，公有云服务费80万，补多少", "300000.00"),
    ("白云四上企业纳税2500万，公有云服务费三百多万，补多少", "1000000.00"),  # above the cap whatever it is
    ("伊春企业首次上云合同三十多万，补多少", "100000.00"),
    # across a boundary the figure changes: asked back
    ("白云四上企业纳税1900多万，公有云服务费三百万，补多少", "300000.00"),  # 1900万 up to 2000万, not included
    ("白云四上企业纳税450万到550万，公有云服务费三百万，补多少", None),
    ("伊春企业首次上云合同十多万，补多少", None),
])
def test_a_range_is_estimated_at_both_ends_and_stated_only_when_they_agree(question, total):
    from navigator.answer import answerer

    r = answerer().ask(question, as_of=dt.date(2021, 1, 1))
    if total is None:
        assert r["estimate"] is None and r["clarify"] is not None, r["answer"][:300]
    else:
        assert r["estimate"] is not None and r["estimate"]["total_cny"] == total, r["answer"][:300]


def test_a_cap_of_every_year_asked_about_is_no_fee_paid_every_year():
    """会不会碰到每年的总封顶: the cap, not 每年 of a fee; 今年软件开发云刚开第一年 gives the first year."""
    from navigator.answer import answerer

    r = answerer().ask("我们是白云区一家做医疗器械的四上制造企业，上年度全库纳税2500万元，在白云有自己的生产车间。今年软件开发云刚开"
                       "第一年，云服务费90万元；公有云服务费120万元；另外车间数字化改造服务费50万元。这三项今年合起来能补多少，会不会"
                       "碰到每年的总封顶？", as_of=dt.date(2021, 1, 1))
    assert r["estimate"] is not None and r["estimate"]["total_cny"] == "1900000.00", r["answer"][:300]


@pytest.mark.parametrize("question, total", [
    # 差一点到500万: a threshold just missed, said beside the exact tax, is no second amount
    ("我们是白云区一家做跨境电商SaaS的四上企业。财务刚核完，上年度全库纳税是499万元，差一点到500万。今年公有云服务费40万元，"
     "另外入驻了云上软件园，服务费18万元。两项今年一共能补多少？", "244000.00"),
    # 第三年还没开始: a year not begun has no fee missing; the years so far are summed
    ("在东莞认定平台上租了两年，第一年租赁费9万，第二年12万，第三年还没开始，目前能补的合计是多少？", "72000.00"),
    # a Chinese decimal before 万 (cn2an reads 十二点五 alone)
    ("伊春企业首次上云，合同额十二点五万元，能补多少？", "62500.00"),
])
def test_a_threshold_missed_or_a_year_not_begun_is_no_amount_to_ask_for(question, total):
    from navigator.answer import answerer

    r = answerer().ask(question, as_of=dt.date(2021, 1, 1))
    assert r["estimate"] is not None and r["estimate"]["total_cny"] == total, r["answer"][:300]


@pytest.mark.parametrize("question, total", [
    # 省券: the provincial voucher named loosely, a district of a city in the 70 % group
    ("珠海斗门一家电子厂，2020年省券项目签了45万的合同，奖补给多少？", "315000.00"),
    # a year's fee in brackets after the year (第2年(50万)), and another line beside it
    ("白云：开发云进入第2年(50万)，另加云上软件园25万，今年能补的总额", "600000.00"),
    # years' fees written with slashes: each year capped by the tax band (300万: 10万 a year)
    ("白云 四上 纳税300万 公有云 三年费用15万/20万/25万 补贴总额", "275000.00"),
    # the asker's own sum (按40%算是24万) is no second fee; the three-year total caps the first year
    ("我们东莞这家模具厂规模比较大，今年开始用认定的工业云平台，第一年租赁费就有60万元。按40%算是24万，但听说有上限，"
     "第一年实际能拿多少？", "200000.00"),
    # a cap the asker quotes (每年200万的总上限) is no fee; three years of two lines under the yearly total
    ("我们是白云区的软件企业，全库纳税每年都是2500万。从今年起连续三年，每年软件开发云服务费150万元、公有云服务费120万元。"
     "按第十二条每年200万的总上限，三年合计能补多少？", "5300000.00"),
    # 招进白云的重点企业: a new key investment enterprise, capped at 10 % of paid-in capital each year
    ("园区服务中心转来：一家去年招进白云的重点企业，实缴资本450万元，公有云头一年账单70万元、第二年110万元，问两年补贴共多少。",
     "800000.00"),
])
def test_amounts_read_off_the_sixth_tuning_batch(question, total):
    from navigator.answer import answerer

    r = answerer().ask(question, as_of=dt.date(2021, 1, 1))
    assert r["estimate"] is not None and r["estimate"]["total_cny"] == total, r["answer"][:300]


@pytest.mark.parametrize("question", [
    # money already paid to the provider, with no contract named: the text counts the contract, so it is asked
    "热线：伊春企业已经给云服务商付了8万元，问能补多少。",
    "伊春俺们已经先打给服务商3万块首付了，能补多少？",
])
def test_a_payment_made_so_far_is_no_contract(question):
    from navigator.answer import answerer

    r = answerer().ask(question, as_of=dt.date(2021, 1, 1))
    assert r["estimate"] is None and r["clarify"] is not None, r["answer"][:300]
