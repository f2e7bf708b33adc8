#!/usr/bin/env python3
"""Amount questions at scale: does the chat ever state a wrong figure?

usage: python tools/amounts.py [--n 600] [--seed 1] [--show] [--family NAME ...] [--json OUT]

Generates amount questions from templates about every enterprise programme of
``knowledge/registry.yaml`` that has a calculator, the way enterprises write them:
amounts in 万 / 万元 / 元 with thousands separators / bare digits / Chinese numerals
(八百万, 十万零五百元, 一十二万三千元, 两千万, 1万5千, 十六万二) / 亿, a few approximate (约 / 左右);
several words for each input (纳税 / 全库纳税 / 缴税 / 交了…的税, 服务费 / 花了 / 费用 /
租赁费, 合同 / 合同额 / 签了…的合同, 实缴注册资本); the facts in any order, colloquial
and formal openings, the place written several ways; several Baiyun lines in one
question (some above the 200万 yearly total of 第十二条); per-year fees
(第一年…第二年…, 三年分别为…, 每年…共三年).

Each computable question keeps the estimate request its words state, and the
expected figure is what ``navigator.service.estimate`` gives for that request.
Every amount written is read back with cn2an to prove the text says the value the
request holds. Other questions must be asked back (no line named, no city, no year
of use, negative, unreadable, ranges, a tax with no unit) or are outside the
corpus (深圳, other provinces, 贵阳's 白云区): they must never get a figure. A range
whose two ends give the same figure (纳税800-810万 inside one tier, a fee range
above a cap) is computable: that figure is expected.

Each question is asked in process through
``navigator.answer.answerer().ask_in(Conversation(), q, as_of=...)`` and
classified:

* right: an estimate whose total is the expected one;
* asked back: ``clarify`` set and no estimate;
* WRONG: an estimate whose total differs, a first line stating another total than
  the estimate, or any figure for a question that must be asked back or refused;
* no figure: neither an estimate nor ``clarify`` (a refusal or a quoted answer);
* error: the question raised an exception.

A right total whose per-line amounts differ from the expected lines is counted
apart ("lines differ"): the headline is right but a line's figure is not.

Prints the counts per template family, the latency, every WRONG case (question,
expected, stated, the answer's first two lines, what was read) and, with
``--show``, every other case that did not get the right outcome. Exit 0 when
there is no WRONG case, 1 when there is, 2 for bad arguments. Uses the data dir
of ``NAVIGATOR_DATA_DIR`` (building the index there first if needed).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

import cn2an  # noqa: E402
from pydantic import BaseModel, ConfigDict, Field  # noqa: E402

# --- programmes (ids as in knowledge/registry.yaml) --------------------------------------------------

PUBLIC_CLOUD = "baiyun-2019-public-cloud"
SOFTWARE_DEV = "baiyun-2019-software-dev-cloud"
SOFTWARE_PARK = "baiyun-2019-cloud-software-park"
DIAGNOSIS = "baiyun-2019-diagnosis"
WORKSHOP = "baiyun-2019-smart-workshop"
GUANGDONG = "guangdong-2020-cloud-voucher"
YICHUN = "yichun-2023-cloud-subsidy"
DONGGUAN = "dongguan-2015-cloud-voucher"

# Dates inside each programme's window or validity, so that status does not stand in the way of a figure.
AS_OF_2020 = dt.date(2020, 7, 1)      # Baiyun (2019-08-14 + 3 years), Guangdong 2020 (05-25..09-30), Dongguan
AS_OF_YICHUN = dt.date(2024, 3, 1)    # Yichun's text is of 2023

Expect = Literal["figure", "ask", "none"]
Verdict = Literal["right", "asked_back", "WRONG", "no_figure", "error"]
VERDICTS: tuple[Verdict, ...] = ("right", "asked_back", "WRONG", "no_figure", "error")

W = Decimal(10_000)


def wan(n: float | int | str) -> Decimal:
    """``n`` 万元 in yuan."""
    return (Decimal(str(n)) * W).quantize(Decimal(1))


# --- the models --------------------------------------------------------------------------------------


class AmountQuestion(BaseModel):
    """One generated question, with the estimate request its words state and the figure that request gives."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(description="Family and number, e.g. baiyun-multi-0042.")
    family: str = Field(description="The template family that wrote it.")
    question: str = Field(description="The question as an enterprise would type it.")
    as_of: dt.date = Field(description="The evaluation date passed to ask.")
    expect: Expect = Field(description="figure: must state the expected figure or ask back; ask: must ask back; "
                                       "none: outside the corpus, must not state a figure.")
    request: dict[str, Any] | None = Field(default=None, description="The estimate request the words state.")
    expected_cny: Decimal | None = Field(default=None, description="The request's total from the estimate service.")
    expected_items: dict[str, Decimal] = Field(default={}, description="Each line's own amount (before shared caps).")
    amounts: list[str] = Field(default=[], description="The amounts as written in the question.")
    styles: list[str] = Field(default=[], description="How each amount was written (wan, cn_yuan, yi, ...).")
    approximate: bool = Field(default=False, description="An amount is written with 约 or 左右.")
    why: str = Field(default="", description="For questions that must not get a figure: why.")


class Outcome(BaseModel):
    """What the chat did with one question, and the verdict."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    question: AmountQuestion
    verdict: Verdict
    stated_cny: Decimal | None = Field(default=None, description="The estimate's total, or a total read off the text.")
    stated_items: dict[str, Decimal] = Field(default={})
    lines_differ: bool = Field(default=False, description="Right total, but a line's own amount differs.")
    problem: str = Field(default="", description="Why a case is WRONG or an error, in one line.")
    head: list[str] = Field(default=[], description="The answer's first two lines.")
    clarify: str | None = None
    read: list[str] = Field(default=[], description="The amounts the chat read: field, line, year, value, words.")
    unread: list[str] = Field(default=[], description="Amounts written in the question that no amount read holds.")
    ms: float = 0.0


# --- writing amounts ---------------------------------------------------------------------------------


def _cn(value: int, rng: random.Random) -> str:
    """``value`` in Chinese numerals, sometimes with a leading 一十 or a colloquial 两."""
    text = cn2an.an2cn(value)
    if text.startswith("十") and rng.random() < 0.5:
        text = "一" + text
    if re.match(r"二[千百万亿]", text) and rng.random() < 0.6:
        text = "两" + text[1:]
    return text


def _wan_number(value: Decimal) -> str:
    """800万 -> '800', 5000 -> '0.5', 123000 -> '12.3'."""
    n = (value / W).normalize()
    return format(n, "f")


def styles_for(value: Decimal) -> list[str]:
    """The ways ``value`` (whole yuan, positive) can be written."""
    out = ["comma_yuan", "digits_yuan", "cn_yuan"]
    if value >= 10_000:  # a bare number needs 万 in it to carry its unit (五千 alone is as bare as 5000)
        out.append("cn")
    if value % 100 == 0:
        out += ["wan", "wan_yuan"]
    if value >= 100_000:
        out.append("digits")
    if value >= 50_000_000 and value % 1_000_000 == 0:
        out.append("yi")
    if value >= 10_000 and value % 1000 == 0 and value % 10_000 != 0:
        out += ["wan_qian", "cn_short"]
    return out


def write_amount(value: Decimal, style: str, rng: random.Random) -> str:
    """``value`` yuan written in ``style``."""
    v = int(value)
    if style == "wan":
        return f"{_wan_number(value)}万"
    if style == "wan_yuan":
        return f"{_wan_number(value)}万元"
    if style == "comma_yuan":
        return f"{v:,}元"
    if style == "digits_yuan":
        return f"{v}元"
    if style == "digits":
        return str(v)
    if style == "cn":
        return _cn(v, rng)
    if style == "cn_yuan":
        return _cn(v, rng) + "元"
    if style == "yi":
        return f"{format((value / Decimal(100_000_000)).normalize(), 'f')}亿"
    if style == "wan_qian":
        return f"{v // 10_000}万{(v % 10_000) // 1000}千"
    if style == "cn_short":  # 十六万二: the last numeral is the next unit down (thousands), as people say it
        return f"{_cn(v // 10_000, rng)}万{cn2an.an2cn((v % 10_000) // 1000)}"
    raise ValueError(style)


def read_back(text: str) -> Decimal:
    """The value a written amount means, read by cn2an (independently of the chat's reader)."""
    core = text.replace("约", "").replace("左右", "").replace(",", "").removesuffix("元")
    return Decimal(str(cn2an.cn2an(core, "smart")))


class Writer:
    """Writes the amounts of one question and remembers them; may replace one slot with a bad amount."""

    def __init__(self, rng: random.Random, approx: float = 0.05, bad_slot: str | None = None,
                 bad: Callable[[Decimal], str] | None = None):
        self.rng = rng
        self.approx = approx
        self.bad_slot = bad_slot
        self.bad = bad
        self.used_bad = False
        self.bad_value: Decimal | None = None  # the value the bad amount replaced
        self.bad_range: tuple[Decimal, Decimal] | None = None  # its ends, when the bad amount is a range (20-30万)
        self.approximate = False
        self.amounts: list[str] = []
        self.styles: list[str] = []

    def __call__(self, value: Decimal, slot: str) -> str:
        if self.bad is not None and not self.used_bad and (self.bad_slot is None or slot == self.bad_slot):
            self.used_bad = True
            self.bad_value = value
            text = self.bad(value)
            self.amounts.append(text)
            self.styles.append("bad")
            return text
        style = self.rng.choice(styles_for(value))
        text = write_amount(value, style, self.rng)
        if read_back(text) != value:
            raise AssertionError(f"the generator wrote {text!r} for {value}")
        if self.rng.random() < self.approx:
            text = f"约{text}" if self.rng.random() < 0.5 else f"{text}左右"
            self.approximate = True
            style += "+approx"
        self.amounts.append(text)
        self.styles.append(style)
        return text

    def plain(self, value: Decimal) -> str:
        """A correct rendering without approximation and without recording (for bad amounts built on it)."""
        return write_amount(value, self.rng.choice(styles_for(value)), self.rng)


# --- words -------------------------------------------------------------------------------------------

OPENINGS = ["", "", "", "你好，", "您好！", "请问，", "问下，", "老板让我问问，", "麻烦帮忙算一下：", "想咨询一下，",
            "尊敬的工作人员：", "现就补贴测算事宜咨询如下：", "我想了解下补贴，", "急！"]
CLOSINGS = ["能补多少？", "可以拿多少补贴？", "补贴大概多少钱？", "能申请到多少？", "按政策能补贴多少元？",
            "请帮忙测算补贴金额。", "补多少", "能拿到多少钱", "一共能补贴多少？", "请问补贴金额是多少？"]
SEPARATORS = ["，", "，", "，", "；", ", ", " ", "。"]

BAIYUN = ["白云区", "白云", "广州白云区", "广州市白云区"]
YICHUN_PLACES = ["伊春", "伊春市", "黑龙江伊春", "黑龙江省伊春市", "伊春市伊美区", "黑龙江伊春铁力市"]
DONGGUAN_PLACES = ["东莞", "东莞市", "广东东莞", "广东省东莞市"]
# Guangdong 2020 rate groups (knowledge/gazetteer.yaml groups); 东莞 and 广州 only with the programme named.
PRD = ["佛山市", "中山市", "惠州市", "江门市", "肇庆市", "珠海市", "广州市", "东莞市"]
EWN = ["清远市", "汕头市", "梅州市", "湛江市", "茂名市", "韶关市", "河源市", "阳江市", "潮州市", "揭阳市", "云浮市",
       "汕尾市"]

PLACE_CLAUSES = ["{p}的企业", "我们公司在{p}", "本企业注册于{p}", "{p}一家企业", "我司位于{p}", "企业注册地在{p}"]

TAX_WORDS = ["纳税{t}", "全库纳税{t}", "年度全库纳税{t}", "上年度纳税额{t}", "去年缴税{t}", "缴税{t}",
             "去年交了{t}的税", "一年交税{t}", "上年全库纳税{t}"]
CAPITAL_WORDS = ["实缴注册资本{c}", "实缴注册资本为{c}", "注册资本实缴了{c}"]
NEW_KEY_WORDS = ["是新招商重点企业", "我们属于新招商重点企业", "作为区里的新招商重点企业", "属于新招商重点企业"]
CONTRACT_WORDS = ["合同{c}", "合同额{c}", "签了{c}的合同", "项目合同金额{c}", "上云合同额{c}", "云服务合同{c}"]

# Baiyun lines: how a fee of each line is written ({f} is the amount).
LINE_FEES = {
    PUBLIC_CLOUD: ["公有云服务费{f}", "公有云云服务费{f}", "用公有云花了{f}", "公有云费用{f}", "公有云一年费用{f}",
                   "租用公有云花费{f}"],
    SOFTWARE_PARK: ["云上软件园服务费{f}", "云上软件园服务花了{f}", "云上软件园费用{f}", "申请云上软件园，服务费{f}"],
    DIAGNOSIS: ["智能制造诊断服务费{f}", "诊断服务费{f}", "做智能制造诊断花了{f}", "制造企业诊断服务费用{f}"],
    WORKSHOP: ["智能车间数字化服务费{f}", "智能车间服务费{f}", "智能车间数字化改造花了{f}", "智能车间费用{f}"],
}
SOFTWARE_DEV_NAMES = ["软件开发云套餐", "软件开发云", "软件开发云套餐服务费", "软件开发云的云服务费"]
DONGGUAN_FEE_NAMES = ["工业云平台租赁费", "云平台租赁服务费用", "租赁费", "使用云平台的租赁费用"]
YEAR_CN = {1: "一", 2: "二", 3: "三", 4: "四"}


def _sep(rng: random.Random) -> str:
    return rng.choice(SEPARATORS)


def compose(rng: random.Random, place: str | None, facts: list[str], flavour: list[str] = ()) -> str:
    """Opening, the place, the facts in a random order, the question: as a caller would type it."""
    clauses = list(facts) + list(flavour)
    rng.shuffle(clauses)
    if place:
        where = rng.choice(PLACE_CLAUSES).format(p=place)
        if rng.random() < 0.7:
            clauses.insert(0, where)
        else:
            clauses.insert(rng.randrange(len(clauses) + 1), where)
    sep = _sep(rng)
    body = sep.join(clauses)
    closing = rng.choice(CLOSINGS)
    if rng.random() < 0.1:
        return f"{closing if closing[-1] in '？。' else closing + '？'}{body}。"
    return f"{rng.choice(OPENINGS)}{body}{'。' if sep == '。' else '，'}{closing}"


def per_year(rng: random.Random, say: Writer, name: str, fees: list[Decimal], slot: str = "year_fee") -> str:
    """Per-year fees in one of the ways people state them; ``fees`` is one amount per year of use."""
    n = len(fees)
    same = len(set(fees)) == 1
    if same and n > 1 and rng.random() < 0.6:
        count = YEAR_CN[n]
        form = rng.choice(["{name}每年{a}，共{k}年", "{name}每年{a}，用{k}年", "{name}连续{k}年每年{a}",
                           "{name}每年都是{a}，一共{k}年"])
        return form.format(name=name, a=say(fees[0], slot), k="两" if n == 2 else count)
    if n > 1 and rng.random() < 0.4:
        k = "两" if n == 2 else YEAR_CN[n]
        sep = rng.choice(["、", "，"])
        amounts = sep.join(say(f, slot) for f in fees)
        return rng.choice([f"{name}{k}年分别为{amounts}", f"{name}{k}年分别是{amounts}",
                           f"{name}前{k}年分别为{amounts}"])
    digits = rng.random() < 0.3
    parts = []
    for i, f in enumerate(fees, start=1):
        year = f"第{i}年" if digits else f"第{YEAR_CN[i]}年"
        parts.append(f"{year}{say(f, slot)}")
    return name + "，".join(parts)


# --- value pools -------------------------------------------------------------------------------------

def _odd(rng: random.Random, lo: int, hi: int) -> Decimal:
    """An amount that is not a round number of 万 (e.g. 123,000 / 100,500 / 8,234,500)."""
    step = rng.choice([500, 1000, 1000, 100])
    return Decimal(rng.randrange(lo // step, hi // step) * step)


def pick(rng: random.Random, pool: list, lo: int, hi: int, odd: float = 0.25) -> Decimal:
    if rng.random() < odd:
        return _odd(rng, lo, hi)
    return wan(rng.choice(pool))


TAX_POOL = [30, 80, 120, 300, 450, 499, 500, 500, 501, 600, 800, 1200, 1500, 1999, 2000, 2000, 2500, 3000, 5000,
            10000, 15000]
PC_FEE_POOL = [0.5, 1.5, 5, 10, 12.3, 15, 20, 35, 50, 60, 80, 100, 150, 200, 250, 300, 500]
LINE_FEE_POOL = [0.5, 1, 1.5, 5, 8, 10, 10.05, 12.3, 15, 20, 25, 30, 35, 40, 50, 60, 80, 100]
YEAR_FEE_POOL = [1, 2, 3.5, 5, 8, 10, 12, 15, 20, 30, 35, 50, 60, 80]
CONTRACT_POOL = [0.5, 1, 5, 10, 10.05, 12.3, 15, 20, 30, 35, 50, 100, 200, 800, 1200, 2000, 15000]
YICHUN_POOL = [0.5, 1, 1.5, 5, 8, 10, 10.05, 12.3, 15, 19.9, 20, 20.1, 30, 35, 50, 100]
CAPITAL_POOL = [50, 100, 300, 500, 800, 1000, 1200, 2000, 5000, 10000, 15000]


# --- templates ---------------------------------------------------------------------------------------
# A builder writes a question and returns (question, request). ``say`` writes each amount.

Built = tuple[str, dict[str, Any] | None]


def _yuan(v: Decimal) -> str:
    return str(v)


def baiyun_public_cloud(rng: random.Random, say: Writer) -> Built:
    tax, fee = pick(rng, TAX_POOL, 100_000, 60_000_000), pick(rng, PC_FEE_POOL, 5000, 5_000_000)
    facts = [rng.choice(TAX_WORDS).format(t=say(tax, "tax")), rng.choice(LINE_FEES[PUBLIC_CLOUD]).format(f=say(fee, "fee"))]
    flavour = rng.choice([[], [], ["是四上企业"], ["属于四上企业"], ["是区认定的总部企业"]])
    q = compose(rng, rng.choice(BAIYUN), facts, flavour)
    return q, {"programme": PUBLIC_CLOUD, "inputs": {"fees_cny": _yuan(fee), "annual_tax_cny": _yuan(tax)}}


def baiyun_new_key(rng: random.Random, say: Writer) -> Built:
    capital, fee = pick(rng, CAPITAL_POOL, 1_000_000, 50_000_000), pick(rng, PC_FEE_POOL, 5000, 5_000_000)
    inputs: dict[str, Any] = {"fees_cny": _yuan(fee), "new_key_investment": True, "paid_in_capital_cny": _yuan(capital)}
    facts = [rng.choice(NEW_KEY_WORDS), rng.choice(CAPITAL_WORDS).format(c=say(capital, "capital")),
             rng.choice(LINE_FEES[PUBLIC_CLOUD]).format(f=say(fee, "fee"))]
    if rng.random() < 0.4:
        tax = pick(rng, TAX_POOL, 100_000, 60_000_000)
        facts.append(rng.choice(TAX_WORDS).format(t=say(tax, "tax")))
        inputs["annual_tax_cny"] = _yuan(tax)
    return compose(rng, rng.choice(BAIYUN), facts), {"programme": PUBLIC_CLOUD, "inputs": inputs}


def baiyun_one_line(rng: random.Random, say: Writer) -> Built:
    line = rng.choice([SOFTWARE_PARK, DIAGNOSIS, WORKSHOP])
    fee = pick(rng, LINE_FEE_POOL, 5000, 1_000_000)
    flavour = {SOFTWARE_PARK: [[], ["是软件企业"]], DIAGNOSIS: [[], ["是制造企业"], ["在白云有生产车间"]],
               WORKSHOP: [[], ["工业企业"], ["在白云区建有工厂"]]}[line]
    q = compose(rng, rng.choice(BAIYUN), [rng.choice(LINE_FEES[line]).format(f=say(fee, "fee"))], rng.choice(flavour))
    return q, {"programme": line, "inputs": {"fees_cny": _yuan(fee)}}


def _years(rng: random.Random, n: int | None = None) -> list[Decimal]:
    n = n or rng.choice([1, 2, 3, 3, 3])
    if n > 1 and rng.random() < 0.35:
        return [pick(rng, YEAR_FEE_POOL, 5000, 800_000, odd=0.1)] * n
    return [pick(rng, YEAR_FEE_POOL, 5000, 800_000, odd=0.15) for _ in range(n)]


def baiyun_software_dev(rng: random.Random, say: Writer) -> Built:
    fees = _years(rng)
    facts = [per_year(rng, say, rng.choice(SOFTWARE_DEV_NAMES), fees)]
    q = compose(rng, rng.choice(BAIYUN), facts, rng.choice([[], ["是软件企业"], ["软件和信息技术服务企业"]]))
    return q, {"programme": SOFTWARE_DEV, "inputs": {"annual_fees_cny": [_yuan(f) for f in fees]}}


def baiyun_multi(rng: random.Random, say: Writer) -> Built:
    lines = [PUBLIC_CLOUD, SOFTWARE_DEV, SOFTWARE_PARK, DIAGNOSIS, WORKSHOP]
    chosen = rng.sample(lines, rng.choice([2, 2, 3, 3, 4, 5]))
    big = rng.random() < 0.4  # push the lines' sum over the 200万 yearly total
    facts, items = [], []
    for line in chosen:
        if line == SOFTWARE_DEV:
            fees = [wan(rng.choice([60, 100, 150, 200]))] if big else _years(rng, rng.choice([1, 3]))
            facts.append(per_year(rng, say, rng.choice(SOFTWARE_DEV_NAMES[:2]), fees))
            items.append({"programme": line, "inputs": {"annual_fees_cny": [_yuan(f) for f in fees]}})
            continue
        fee = wan(rng.choice([200, 300, 500])) if big else pick(rng, LINE_FEE_POOL, 5000, 1_000_000)
        # one clause per line: "申请云上软件园，服务费…" would leave the fee in a clause of its own
        forms = [f for f in LINE_FEES[line] if "，" not in f]
        facts.append(rng.choice(forms).format(f=say(fee, "fee")))
        inputs: dict[str, Any] = {"fees_cny": _yuan(fee)}
        if line == PUBLIC_CLOUD:
            tax = wan(rng.choice([2000, 3000, 5000])) if big else pick(rng, TAX_POOL, 100_000, 60_000_000)
            facts.append(rng.choice(TAX_WORDS).format(t=say(tax, "tax")))
            inputs["annual_tax_cny"] = _yuan(tax)
        items.append({"programme": line, "inputs": inputs})
    return compose(rng, rng.choice(BAIYUN), facts), {"items": items}


def guangdong(rng: random.Random, say: Writer) -> Built:
    pilot = rng.random() < 0.25
    city = rng.choice(PRD if rng.random() < 0.5 else EWN)
    short = city.removesuffix("市")
    place = rng.choice([short, city, f"广东{short}", f"广东省{city}"])
    named = city in ("东莞市", "广州市") or rng.random() < 0.4
    contract = pick(rng, CONTRACT_POOL, 5000, 50_000_000)
    facts = [rng.choice(CONTRACT_WORDS).format(c=say(contract, "contract"))]
    flavour = [rng.choice(["是工业企业", "制造业企业", "工业企业"])]
    if named:
        flavour.append(rng.choice(["申请省上云上平台服务券", "申领2020年广东上云上平台服务券",
                                   "想申请省工信厅的上云上平台服务券"]))
    if pilot:
        flavour.append(rng.choice(["我们是产业集群试点企业", "属于产业集群数字化转型试点", "在产业集群试点内"]))
    inputs: dict[str, Any] = {"contract_cny": _yuan(contract), "city": city}
    if pilot:
        inputs["cluster_pilot"] = True
    return compose(rng, place, facts, flavour), {"programme": GUANGDONG, "inputs": inputs}


def yichun(rng: random.Random, say: Writer) -> Built:
    contract = pick(rng, YICHUN_POOL, 5000, 1_000_000)
    facts = [rng.choice(CONTRACT_WORDS).format(c=say(contract, "contract"))]
    flavour = rng.choice([[], ["首次上云"], ["工业企业第一次购买云服务"], ["首次购买云计算服务"]])
    return compose(rng, rng.choice(YICHUN_PLACES), facts, flavour), {"programme": YICHUN,
                                                                      "inputs": {"contract_cny": _yuan(contract)}}


def dongguan(rng: random.Random, say: Writer) -> Built:
    fees = _years(rng)
    facts = [per_year(rng, say, rng.choice(DONGGUAN_FEE_NAMES), fees)]
    flavour = [rng.choice(["制造业企业，使用经认定的工业云平台", "我们是制造企业，用的是认定的云平台",
                           "制造业企业租用工业云公共服务平台"])]
    q = compose(rng, rng.choice(DONGGUAN_PLACES), facts, flavour)
    return q, {"programme": DONGGUAN, "inputs": {"annual_fees_cny": [_yuan(f) for f in fees]}}


# Questions that must be asked back: the words do not tie an amount to one line, city, year or value.

def ask_no_line(rng: random.Random, say: Writer) -> Built:
    fee = pick(rng, LINE_FEE_POOL, 5000, 1_000_000)
    fact = rng.choice(["服务费{f}", "花了{f}", "费用{f}", "上云费用{f}", "一共花费{f}"]).format(f=say(fee, "fee"))
    return compose(rng, rng.choice(BAIYUN), [fact]), None


def ask_no_city(rng: random.Random, say: Writer) -> Built:
    contract = pick(rng, CONTRACT_POOL, 5000, 50_000_000)
    facts = [rng.choice(CONTRACT_WORDS).format(c=say(contract, "contract")),
             rng.choice(["申请广东省2020年上云上平台服务券", "省工信厅的上云上平台服务券", "广东的上云上平台服务券"])]
    return compose(rng, None, facts, [rng.choice(["工业企业", "我们是广东的工业企业"])]), None


def ask_no_year(rng: random.Random, say: Writer) -> Built:
    fee = pick(rng, YEAR_FEE_POOL, 5000, 800_000)
    if rng.random() < 0.5:
        fact = rng.choice(DONGGUAN_FEE_NAMES).removesuffix("费用").removesuffix("费") + f"费{say(fee, 'fee')}"
        return compose(rng, rng.choice(DONGGUAN_PLACES), [fact], ["制造业企业，使用经认定的工业云平台"]), None
    fact = f"{rng.choice(SOFTWARE_DEV_NAMES[:2])}服务费{say(fee, 'fee')}"
    return compose(rng, rng.choice(BAIYUN), [fact]), None


def _negative(rng: random.Random, say: Writer) -> Callable[[Decimal], str]:
    return lambda v: rng.choice(["-", "负", "－"]) + say.plain(v)


def _unreadable(rng: random.Random, say: Writer) -> Callable[[Decimal], str]:
    return lambda v: rng.choice(["1e309元", "1E309元", "9e999万", "1e309"])


def _range(rng: random.Random, say: Writer) -> Callable[[Decimal], str]:
    def write(v: Decimal) -> str:
        a = max(1, int(v / W))
        b = a + rng.choice([5, 10, 20])
        text = rng.choice([f"{a}-{b}万", f"{a}到{b}万", f"{a}~{b}万", f"{a}万至{b}万", "二三十万", "十几万", "几十万"])
        say.bad_range = (Decimal(a) * W, Decimal(b) * W) if re.match(r"\d", text) else None
        return text
    return write


def _at_ends(request: dict[str, Any], value: Decimal, ends: tuple[Decimal, Decimal]) -> set[Decimal | None]:
    """The estimate's total with the input that held ``value`` set to each end of a range."""
    from calculators.estimate import InputError

    def swap(x: Any, to: Decimal) -> Any:
        if isinstance(x, dict):
            return {k: swap(v, to) for k, v in x.items()}
        if isinstance(x, list):
            return [swap(v, to) for v in x]
        return str(to) if isinstance(x, (str, int, float, Decimal)) and not isinstance(x, bool) and _is(x, value) else x

    totals: set[Decimal | None] = set()
    for end in ends:
        try:
            totals.add(_expected(swap(request, end))[0])
        except InputError:
            totals.add(None)
    return totals


def _is(x: Any, value: Decimal) -> bool:
    try:
        return Decimal(str(x)) == value
    except ArithmeticError:
        return False


def _no_unit(rng: random.Random, say: Writer) -> Callable[[Decimal], str]:
    return lambda v: str(max(1, int(v / W)))


# Bad amounts go into a question that would otherwise be computable: (writer of the bad text, slot, builders).
BAD_AMOUNTS: dict[str, tuple[Callable[[random.Random, Writer], Callable[[Decimal], str]], str | None, list]] = {
    "ask-negative": (_negative, None, [baiyun_public_cloud, baiyun_one_line, guangdong, yichun]),
    "ask-unreadable": (_unreadable, None, [baiyun_one_line, guangdong, yichun]),
    "ask-range": (_range, None, [baiyun_public_cloud, baiyun_one_line, guangdong, yichun]),
    "ask-no-unit": (_no_unit, "tax", [baiyun_public_cloud]),
}
WHY = {
    "ask-no-line": "a Baiyun fee with no line named",
    "ask-no-city": "a Guangdong 2020 contract with no city (70 % or 80 %)",
    "ask-no-year": "a fee of a programme whose rate changes by year of use, with no year",
    "ask-negative": "a negative amount",
    "ask-unreadable": "an amount that is not a number",
    "ask-range": "a range or a vague amount",
    "ask-no-unit": "a tax with no unit",
    "none-outside": "a place the programmes do not cover",
}


def none_outside(rng: random.Random, say: Writer) -> Built:
    """Places outside the corpus: Shenzhen (excluded), other provinces, 贵阳's own 白云区."""
    form = rng.randrange(4)
    if form == 0:
        contract = pick(rng, CONTRACT_POOL, 5000, 50_000_000)
        place = rng.choice(["深圳", "深圳市", "深圳南山区", "广东深圳"])
        return compose(rng, place, [rng.choice(CONTRACT_WORDS).format(c=say(contract, "contract")),
                                    "申请广东省上云上平台服务券"], ["工业企业"]), None
    if form == 1:
        tax, fee = pick(rng, TAX_POOL, 100_000, 60_000_000), pick(rng, PC_FEE_POOL, 5000, 5_000_000)
        facts = [rng.choice(TAX_WORDS).format(t=say(tax, "tax")), rng.choice(LINE_FEES[PUBLIC_CLOUD]).format(f=say(fee, "fee"))]
        return compose(rng, rng.choice(["贵阳市白云区", "贵州贵阳白云区"]), facts), None
    contract = pick(rng, YICHUN_POOL, 5000, 1_000_000)
    place = rng.choice(["杭州", "成都市", "湖北天门", "江西宜春", "大庆"])
    return compose(rng, place, [rng.choice(CONTRACT_WORDS).format(c=say(contract, "contract"))], ["首次上云"]), None


FIGURE_FAMILIES: dict[str, Callable[[random.Random, Writer], Built]] = {
    "baiyun-public-cloud": baiyun_public_cloud,
    "baiyun-new-key": baiyun_new_key,
    "baiyun-one-line": baiyun_one_line,
    "baiyun-software-dev": baiyun_software_dev,
    "baiyun-multi": baiyun_multi,
    "guangdong-2020": guangdong,
    "yichun": yichun,
    "dongguan": dongguan,
}
ASK_FAMILIES: dict[str, Callable[[random.Random, Writer], Built]] = {
    "ask-no-line": ask_no_line,
    "ask-no-city": ask_no_city,
    "ask-no-year": ask_no_year,
}
WEIGHTS = {
    "baiyun-public-cloud": 12, "baiyun-new-key": 4, "baiyun-one-line": 10, "baiyun-software-dev": 8,
    "baiyun-multi": 11, "guangdong-2020": 12, "yichun": 8, "dongguan": 8,
    "ask-no-line": 3, "ask-no-city": 3, "ask-no-year": 3, "ask-negative": 3, "ask-unreadable": 2, "ask-range": 3,
    "ask-no-unit": 2, "none-outside": 3,
}
FAMILIES = list(WEIGHTS)


def allocate(n: int, families: list[str]) -> list[str]:
    """``n`` family names in proportion to their weights (largest remainder), every family at least once."""
    total = sum(WEIGHTS[f] for f in families)
    shares = {f: n * WEIGHTS[f] / total for f in families}
    counts = {f: int(s) for f, s in shares.items()}
    for f in sorted(families, key=lambda f: shares[f] - counts[f], reverse=True)[: n - sum(counts.values())]:
        counts[f] += 1
    for f in families:
        if counts[f] == 0 and n >= len(families):
            big = max(counts, key=counts.get)
            counts[big] -= 1
            counts[f] = 1
    return [f for f in families for _ in range(counts[f])]


def _expected(request: dict[str, Any]) -> tuple[Decimal, dict[str, Decimal]]:
    from navigator.service import estimate

    est = estimate(request)
    return est.total_cny, {i.programme: i.total_cny for i in est.items}


def make_question(family: str, rng: random.Random, number: int) -> AmountQuestion:
    """One question of ``family``."""
    as_of = AS_OF_YICHUN if family == "yichun" else AS_OF_2020
    if family in FIGURE_FAMILIES:
        say = Writer(rng)
        text, request = FIGURE_FAMILIES[family](rng, say)
        assert request is not None
        total, items = _expected(request)
        return AmountQuestion(id=f"{family}-{number:04d}", family=family, question=text, as_of=as_of, expect="figure",
                              request=request, expected_cny=total, expected_items=items, amounts=say.amounts,
                              styles=say.styles, approximate=say.approximate)
    if family in BAD_AMOUNTS:
        bad, slot, builders = BAD_AMOUNTS[family]
        builder = rng.choice(builders)
        as_of = AS_OF_YICHUN if builder is yichun else AS_OF_2020
        say = Writer(rng, approx=0.0, bad_slot=slot)
        say.bad = bad(rng, say)
        text, request = builder(rng, say)
        assert say.used_bad, (family, text)
        if say.bad_range is not None and request is not None and say.bad_value is not None:
            # 纳税800-810万: a range whose ends give the same figure is answered with it (a tier, a cap)
            totals = _at_ends(request, say.bad_value, say.bad_range)
            if len(totals) == 1 and None not in totals:
                total, items = _expected(request)
                if total in totals:
                    return AmountQuestion(id=f"{family}-{number:04d}", family=family, question=text, as_of=as_of,
                                          expect="figure", request=request, expected_cny=total,
                                          expected_items=items, amounts=say.amounts, styles=say.styles)
        return AmountQuestion(id=f"{family}-{number:04d}", family=family, question=text, as_of=as_of, expect="ask",
                              amounts=say.amounts, styles=say.styles, why=WHY[family])
    say = Writer(rng, approx=0.0)
    if family in ASK_FAMILIES:
        text, _ = ASK_FAMILIES[family](rng, say)
        expect: Expect = "ask"
    elif family == "none-outside":
        text, _ = none_outside(rng, say)
        expect = "none"
    else:
        raise ValueError(f"unknown family {family!r}")
    return AmountQuestion(id=f"{family}-{number:04d}", family=family, question=text, as_of=as_of, expect=expect,
                          amounts=say.amounts, styles=say.styles, why=WHY[family])


def generate(n: int = 600, seed: int = 1, families: list[str] | None = None) -> list[AmountQuestion]:
    """``n`` questions from a fixed seed: the same seed gives the same questions and the same expected figures.

    Args:
        n: How many questions.
        seed: The random seed.
        families: Only these template families (default: all).

    Returns:
        The questions, the families interleaved.
    """
    families = families or FAMILIES
    unknown = set(families) - set(FAMILIES)
    if unknown:
        raise ValueError(f"unknown families: {', '.join(sorted(unknown))}")
    rng = random.Random(seed)
    plan = allocate(n, families)
    rng.shuffle(plan)
    seen: set[str] = set()
    out: list[AmountQuestion] = []
    for i, family in enumerate(plan, start=1):
        for _ in range(20):  # a repeated question teaches nothing new: write another
            q = make_question(family, rng, i)
            if q.question not in seen:
                break
        seen.add(q.question)
        out.append(q)
    return out


# --- checking ----------------------------------------------------------------------------------------

# The headline of an answer with a figure: 测算结果：可获补贴合计 300,000.00元（30万元）。
TEXT_TOTAL = re.compile(r"可获补贴(?:合计)?\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*元")


def text_total(answer: str) -> Decimal | None:
    """The total an answer's first line states, if it states one."""
    first = answer.split("\n", 1)[0]
    m = TEXT_TOTAL.search(first)
    return Decimal(m.group(1).replace(",", "")) if m else None


def _read(reading: dict[str, Any]) -> list[str]:
    out = []
    for a in reading.get("amounts") or []:
        where = "/".join(str(x) for x in (a.get("programme"), a.get("year") and f"year {a['year']}") if x)
        flag = f" [{a['flag']}]" if a.get("flag") else ""
        out.append(f"{a.get('field')}{'@' + where if where else ''}={a.get('value_cny')} «{a.get('text')}»{flag}")
    return out


def _bare(text: str) -> str:
    return text.replace("约", "").replace("左右", "")


def unread_amounts(q: AmountQuestion, reading: dict[str, Any]) -> list[str]:
    """The amounts written in the question that no amount the chat read ends with (a dropped year, a misread).

    Each amount read covers one amount written: the words it came from end with that amount's words.
    """
    texts = [str(a.get("text") or "").rstrip("，,。；;、 ") for a in reading.get("amounts") or []]
    out = []
    for w in q.amounts:
        hit = next((i for i, t in enumerate(texts) if t.endswith(_bare(w))), None)
        if hit is None:
            out.append(w)
        else:
            texts.pop(hit)
    return out


def classify(q: AmountQuestion, ans: Any, ms: float = 0.0) -> Outcome:
    """The verdict on one answer (a ``navigator.answer.Answer``)."""
    est = ans.estimate
    stated = Decimal(str(est["total_cny"])) if est else None
    items = {i["programme"]: Decimal(str(i["total_cny"])) for i in (est or {}).get("items", [])}
    in_text = text_total(ans.answer)
    lines = ans.answer.split("\n")
    common = {"question": q, "stated_items": items, "head": lines[:2], "ms": round(ms, 1),
              "clarify": ans.clarify.question if ans.clarify else None, "read": _read(ans.reading or {}),
              "unread": unread_amounts(q, ans.reading or {})}

    def out(verdict: Verdict, problem: str = "", stated_cny: Decimal | None = stated, differ: bool = False) -> Outcome:
        return Outcome(verdict=verdict, problem=problem, stated_cny=stated_cny, lines_differ=differ, **common)

    if est is None and in_text is not None:
        return out("WRONG", "the text states a total without an estimate", in_text)
    if est is not None and in_text is not None and in_text != stated:
        return out("WRONG", f"the first line states {in_text}, the estimate {stated}")
    if q.expect != "figure":
        if est is not None:
            return out("WRONG", f"a figure for a question that must {'be asked back' if q.expect == 'ask' else 'not get one'}"
                                f" ({q.why})")
        return out("asked_back" if ans.clarify else "no_figure")
    if est is None:
        return out("asked_back" if ans.clarify else "no_figure")
    if stated != q.expected_cny:
        dropped = f"; not read: {'、'.join(common['unread'])}" if common["unread"] else ""
        return out("WRONG", f"total {stated} instead of {q.expected_cny}{dropped}")
    return out("right", differ=items != q.expected_items)


def check(questions: list[AmountQuestion], engine: Any = None,
          progress: Callable[[int, int], None] | None = None) -> list[Outcome]:
    """Ask every question in a new conversation, in process, and classify the answers.

    Args:
        questions: From ``generate``.
        engine: A ``navigator.answer.Answerer`` (default: the process-wide one).
        progress: Called with (done, total) after each question.

    Returns:
        One outcome per question, in order.
    """
    from navigator.answer import answerer
    from navigator.conversation import Conversation

    engine = engine or answerer()
    outcomes = []
    for n, q in enumerate(questions, start=1):
        t0 = time.perf_counter()
        try:
            ans = engine.ask_in(Conversation(), q.question, as_of=q.as_of)
        except Exception as e:  # noqa: BLE001 - any exception is a finding, reported with the question
            outcomes.append(Outcome(question=q, verdict="error", problem=f"{e.__class__.__name__}: {e}"[:300],
                                    ms=round((time.perf_counter() - t0) * 1000, 1)))
        else:
            outcomes.append(classify(q, ans, (time.perf_counter() - t0) * 1000))
        if progress:
            progress(n, len(questions))
    return outcomes


class Summary(BaseModel):
    """Counts over outcomes."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    counts: dict[str, dict[str, int]] = Field(description="Per family: n and each verdict's count.")
    figure_questions: int
    figure_right: int
    must_not_figure: int
    wrong: int
    lines_differ: int

    @property
    def right_share(self) -> float:
        """The share of computable questions that got the right figure."""
        return self.figure_right / self.figure_questions if self.figure_questions else 1.0


def summarise(outcomes: list[Outcome]) -> Summary:
    """Per-family counts and the headline figures."""
    counts: dict[str, dict[str, int]] = {}
    for o in outcomes:
        c = counts.setdefault(o.question.family, {"n": 0, **dict.fromkeys(VERDICTS, 0)})
        c["n"] += 1
        c[o.verdict] += 1
    fig = [o for o in outcomes if o.question.expect == "figure"]
    return Summary(counts=counts, figure_questions=len(fig), figure_right=sum(o.verdict == "right" for o in fig),
                   must_not_figure=len(outcomes) - len(fig), wrong=sum(o.verdict == "WRONG" for o in outcomes),
                   lines_differ=sum(o.lines_differ for o in outcomes))


# --- the report --------------------------------------------------------------------------------------


def _money(v: Decimal | None) -> str:
    return "—" if v is None else f"{v:,.2f}"


def describe(o: Outcome) -> str:
    q = o.question
    lines = [f"  [{o.verdict}] {q.id}  {q.question}"]
    if q.expect == "figure":
        lines.append(f"    expected {_money(q.expected_cny)}  stated {_money(o.stated_cny)}  request "
                     f"{json.dumps(q.request, ensure_ascii=False)}")
        if o.lines_differ or o.verdict == "WRONG":
            lines.append(f"    lines expected {({k: str(v) for k, v in q.expected_items.items()})}  "
                         f"stated {({k: str(v) for k, v in o.stated_items.items()})}")
    else:
        lines.append(f"    must not get a figure: {q.why}; stated {_money(o.stated_cny)}")
    if o.problem:
        lines.append(f"    problem: {o.problem}")
    if o.read:
        lines.append(f"    read: {'; '.join(o.read)}")
    if o.unread and o.verdict != "WRONG":
        lines.append(f"    not read: {'、'.join(o.unread)}")
    for h in o.head:
        lines.append(f"    | {h[:220]}")
    return "\n".join(lines)


def report(outcomes: list[Outcome], show: bool = False, seconds: float | None = None) -> str:
    """The printed report: counts per family, figures, every WRONG, and with ``show`` every other miss."""
    s = summarise(outcomes)
    out = []
    head = f"{'family':<22}{'n':>5}{'right':>7}{'asked':>7}{'WRONG':>7}{'none':>7}{'error':>7}   good outcome"
    out += [head, "-" * len(head)]
    for fam in FAMILIES:
        c = s.counts.get(fam)
        if not c:
            continue
        good = "the figure" if fam in FIGURE_FAMILIES else ("no figure" if fam == "none-outside" else "asked back")
        out.append(f"{fam:<22}{c['n']:>5}{c['right']:>7}{c['asked_back']:>7}{c['WRONG']:>7}{c['no_figure']:>7}"
                   f"{c['error']:>7}   {good}")
    total = {k: sum(c[k] for c in s.counts.values()) for k in ("n", *VERDICTS)}
    out.append("-" * len(head))
    out.append(f"{'all':<22}{total['n']:>5}{total['right']:>7}{total['asked_back']:>7}{total['WRONG']:>7}"
               f"{total['no_figure']:>7}{total['error']:>7}")
    fig = [o for o in outcomes if o.question.expect == "figure"]
    ask = [o for o in outcomes if o.question.expect == "ask"]
    none = [o for o in outcomes if o.question.expect == "none"]

    def pct(a: int, b: int) -> str:
        return f"{a}/{b} ({100 * a / b:.1f} %)" if b else "0/0"

    out.append("")
    out.append(f"computable questions: right {pct(s.figure_right, len(fig))}, asked back "
               f"{sum(o.verdict == 'asked_back' for o in fig)}, no figure {sum(o.verdict == 'no_figure' for o in fig)}, "
               f"WRONG {sum(o.verdict == 'WRONG' for o in fig)}")
    out.append(f"  of which approximate (约/左右): {sum(o.question.approximate for o in fig)}, right "
               f"{sum(o.question.approximate and o.verdict == 'right' for o in fig)}")
    out.append(f"  right total but a line's amount differs: {s.lines_differ}")
    out.append(f"must be asked back: asked back {pct(sum(o.verdict == 'asked_back' for o in ask), len(ask))}, "
               f"no figure {sum(o.verdict == 'no_figure' for o in ask)}, WRONG {sum(o.verdict == 'WRONG' for o in ask)}")
    out.append(f"outside the corpus: no figure or asked back "
               f"{pct(sum(o.verdict in ('no_figure', 'asked_back') for o in none), len(none))}, "
               f"WRONG {sum(o.verdict == 'WRONG' for o in none)}")
    styles = Counter(st.split("+")[0] for o in outcomes for st in o.question.styles)
    out.append("amount styles written: " + ", ".join(f"{k} {v}" for k, v in styles.most_common()))
    ms = sorted(o.ms for o in outcomes if o.ms)
    if ms:
        p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
        out.append(f"latency per question: p50 {statistics.median(ms):.0f} ms, p95 {p95:.0f} ms"
                   + (f"; {seconds:.1f} s in all" if seconds is not None else ""))
    wrong = [o for o in outcomes if o.verdict in ("WRONG", "error")]
    out.append("")
    out.append(f"WRONG and errors: {len(wrong)}")
    out += [describe(o) for o in wrong]
    differ = [o for o in outcomes if o.lines_differ]
    if differ:
        out.append("")
        out.append(f"right total, a line's amount differs: {len(differ)}")
        out += [describe(o) for o in differ]
    if show:
        def missed(o: Outcome) -> bool:
            if o.verdict in ("WRONG", "error"):
                return False
            if o.question.expect == "figure":
                return o.verdict != "right"
            if o.question.expect == "ask":
                return o.verdict != "asked_back"
            return False
        rest = [o for o in outcomes if missed(o)]
        out.append("")
        out.append(f"not right (asked back or no figure where a figure was due; no question back where one was due): "
                   f"{len(rest)}")
        out += [describe(o) for o in rest]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=600, help="how many questions (default 600)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--show", action="store_true", help="list every question that did not get the right outcome")
    ap.add_argument("--family", action="append", choices=FAMILIES, help="only this template family (repeatable)")
    ap.add_argument("--json", metavar="OUT", help="write every outcome as JSON Lines to OUT")
    ap.add_argument("--list", action="store_true", help="print the generated questions and expected figures only")
    args = ap.parse_args(argv)
    if not 1 <= args.n <= 100_000:
        ap.error("--n must be between 1 and 100000")
    questions = generate(args.n, args.seed, args.family)
    if args.list:
        for q in questions:
            print(f"{q.id}\t{q.expect}\t{_money(q.expected_cny)}\t{q.question}")
        return 0
    from navigator.answer import answerer

    t0 = time.perf_counter()
    engine = answerer()
    print(f"engine loaded in {time.perf_counter() - t0:.1f} s; asking {len(questions)} questions (seed {args.seed})",
          file=sys.stderr)

    def progress(done: int, total: int) -> None:
        if done % 100 == 0 or done == total:
            print(f"  {done}/{total}", file=sys.stderr)

    t1 = time.perf_counter()
    outcomes = check(questions, engine, progress)
    print(report(outcomes, args.show, time.perf_counter() - t1))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            for o in outcomes:
                f.write(o.model_dump_json() + "\n")
    return 1 if summarise(outcomes).wrong else 0


if __name__ == "__main__":
    sys.exit(main())
