"""Fourth tuning batch, read off the five policy texts in knowledge/policies/ by hand.

It weighs on what callers find hard: the status of a document, window or time limit on a date (asked as yes/no
or as "still?"), yes/no questions on acts the texts rule on in other words than theirs, Guangdong 2018's targets,
steps and arrangements, amounts over several years and several Baiyun lines (with Chinese numerals and a bare
year beside a contract), and one detail of every other kind.

    .venv/bin/python tools/cases/build_tune4.py           # check, then write tools/cases/tune4-all.json
    .venv/bin/python tools/cases/build_tune4.py --check   # check only; exit 1 when a check fails or the file differs

The builder refuses to write when an article token is not part of a label the corpus parser produces, a fact
spelling is not in the named articles (figures: not the computed figure), a total does not recompute with plain
Decimal arithmetic (README "Reading choices"), a Chinese numeral does not read back with cn2an, a question repeats
one of this batch or of another case file, or a count falls short.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tools" / "cases" / "tune4-all.json"
DEV = ROOT.parent / "shared" / "eval" / "dev.json"

DOC_IDS = {"dg": "dongguan-2015", "by": "baiyun-2019", "gd20": "guangdong-2020", "gd18": "guangdong-2018",
           "yc": "yichun-2023"}
DOCS = {"dg": ["东莞", "220号"], "by": ["白云", "云科工商信"], "gd20": ["37号", "2020年工业企业", "粤工信办函"],
        "gd18": ["348号", "资源池", "粤经信办函"], "yc": ["伊春"]}

KINDS = {"rate", "cap", "amount", "amount-multi-line", "amount-multi-year", "numerals", "yes-no", "status",
         "deadline", "penalty", "prohibition", "target", "definition", "contacts", "materials", "process",
         "conditions", "scope", "quota", "principle", "colloquial"}
VOICES = {"plain", "desk", "terse", "boss", "long"}
PARTS = {"status": 70, "paraphrase": 60, "gd18": 40, "amount": 40, "bare-year": 8, "detail": 50}

D = Decimal
CENT = D("0.01")


def r2(x: Decimal) -> Decimal:
    return x.quantize(CENT, rounding=ROUND_HALF_UP)


def wan(s: str) -> Decimal:
    """An amount in 万元, as yuan."""
    return D(s) * 10000


def money_forms(v: Decimal) -> list[str]:
    """Acceptable spellings of a figure in yuan: the 万 form (and 亿) and the plain yuan forms."""
    v = r2(v)
    w = (v / 10000).normalize()
    ws = f"{w:f}"
    forms = [f"{ws}万", f"{ws} 万"]
    if v >= D("100000000") and (v / 100000000) == (v / 100000000).quantize(D("0.01")):
        forms.append(f"{(v / 100000000).normalize():f}亿")
    if v == v.to_integral_value():
        n = int(v)
        forms += [str(n), f"{n:,}"]
    else:
        forms += [f"{v:.2f}", f"{v:,.2f}"]
    return forms


def pct(n: int | str) -> list[str]:
    return [f"{n}%", f"{n}％", f"{n} %"]


def sp(*alts: str) -> list[str]:
    """A fact with its spaced and unspaced spellings (the texts put spaces around Arabic figures)."""
    out: list[str] = []
    for a in alts:
        for v in (a, re.sub(r"\s+", "", a)):
            if v not in out:
                out.append(v)
    return out


# ---------------------------------------------------------------------------------------------------------------
# Plain Decimal arithmetic of the texts (README "Reading choices")
# ---------------------------------------------------------------------------------------------------------------

def fmt(x: Decimal) -> str:
    return f"{r2(x):.2f}"


Calc = tuple[Decimal, list[Decimal], str, list[str]]  # total, per year, arithmetic, the sentences it rests on

DG_RATE = "前三年分别按实际发生额的 40%、30%、20%的比例以发放服务券的形式逐年给予补助"
DG_CAP = "每家企业三年累计补助最高不超过 20 万元"
BY_TOTAL = "单个企业可同时申请多种服务券，当年最高补贴额度不超过 200 万元"
BY_KEYS = {
    "sdc": ["给予云服务费第一年100%、第二年80%、第三年60%的补贴"],
    "pub": ["给予云服务费50%的补贴"],
    "park": ["给予云上软件园服务费 80% 的补贴，单个企业当年最高补贴额度不超过 20 万元"],
    "diag": ["给予诊断服务费 80% 的补贴，单个企业当年最高补贴额度不超过 20 万元"],
    "shop": ["给予服务费 80% 的补贴，单个企业当年最高补贴额度不超过 40 万元"],
}
PUB_CAPS = {
    "top": "原则上年度全库纳税2000万元以上的，单个企业当年最高补贴额度不超过100万元",
    "mid": "年度全库纳税500万元以上，单个企业当年最高补贴额度不超过30万元",
    "low": "年度全库纳税500万元以下的企业，单个企业当年最高补贴额度不超过10万元",
    "new": "新招商重点企业补贴实缴注册资本的 10%，单个企业当年最高补贴额度不超过 100 万元",
}
GD20_KEYS = {"0.70": "珠三角地区（含A、B类）奖补比例为70%", "0.80": "粤东西北地区和产业集群试点（含A、B类）奖补比例为80%"}
YC_KEY = "按照云服务合同额的50%给予补助，单户企业最高不超过10万元"


def dongguan(fees: list[Decimal]) -> Calc:
    """第十二条: 40 % / 30 % / 20 % of each year's fee, 20万 over the three years together."""
    rates = [D("0.40"), D("0.30"), D("0.20")]
    assert 1 <= len(fees) <= 3
    paid, years, steps = D(0), [], []
    for i, fee in enumerate(fees):
        raw = r2(fee * rates[i])
        amt = min(raw, D(200000) - paid)
        paid += amt
        years.append(amt)
        steps.append(f"第{i + 1}年 {fmt(fee)}×{rates[i]}={fmt(raw)}" + (f"，三年累计上限200000.00只余{fmt(amt)}"
                                                                       if amt != raw else ""))
    return paid, years, "；".join(steps) + f"；合计 {fmt(paid)}", [DG_RATE, DG_CAP]


SDC_RATES = [D("1.00"), D("0.80"), D("0.60")]


def public_cloud_cap(tax: Decimal | None, capital: Decimal | None = None) -> tuple[Decimal, str]:
    """第十一条（二）: 2000万以上 → 100万; 500万以上 (500万 itself, higher tier by default) → 30万; below → 10万;
    新招商重点企业: 10 % of paid-in capital, at most 100万 (reading (a): a cap on 50 % of fees)."""
    if capital is not None:
        return min(r2(capital * D("0.10")), D(1000000)), "new"
    if tax >= wan("2000"):
        return D(1000000), "top"
    if tax >= wan("500"):
        return D(300000), "mid"
    return D(100000), "low"


def baiyun_line(line: str, fee: Decimal, year: int = 1, tax: Decimal | None = None,
                capital: Decimal | None = None) -> tuple[Decimal, str, list[str]]:
    keys = list(BY_KEYS[line])
    if line == "sdc":
        rate = SDC_RATES[year - 1]
        amt = r2(fee * rate)
        return amt, f"软件开发云第{year}年 {fmt(fee)}×{rate}={fmt(amt)}", keys
    if line == "pub":
        raw = r2(fee * D("0.50"))
        cap, tier = public_cloud_cap(tax, capital)
        amt = min(raw, cap)
        edge = "（纳税恰为500万元：“500万元以上”含本数，按较高一档；另一读法为10万元上限）" if tax == wan("500") else ""
        return amt, f"公有云 {fmt(fee)}×0.50={fmt(raw)}，当年上限{fmt(cap)}{edge}→{fmt(amt)}", [*keys, PUB_CAPS[tier]]
    cap = {"park": D(200000), "diag": D(200000), "shop": D(400000)}[line]
    name = {"park": "云上软件园", "diag": "诊断", "shop": "智能车间"}[line]
    raw = r2(fee * D("0.80"))
    amt = min(raw, cap)
    return amt, f"{name} {fmt(fee)}×0.80={fmt(raw)}，当年上限{fmt(cap)}→{fmt(amt)}", keys


def _baiyun_year(n: int, lines: list[tuple], tax, capital, keys: list[str]) -> tuple[Decimal, str]:
    s, parts = D(0), []
    for line, fee in lines:
        amt, step, k = baiyun_line(line, fee, n, tax, capital)
        s += amt
        parts.append(step)
        keys += [x for x in k if x not in keys]
    capped = min(s, D(2000000))
    if (capped != s or len(lines) > 1) and BY_TOTAL not in keys:
        keys.append(BY_TOTAL)
    return capped, f"第{n}年：" + "；".join(parts) + f"；当年合计{fmt(s)}" + (
        f"，第十二条当年200万→{fmt(capped)}" if capped != s else "")


def baiyun(years: list[list[tuple]], tax: Decimal | None = None, capital: Decimal | None = None) -> Calc:
    """Several lines, year by year from the first; 第十二条: at most 200万 a year across the lines."""
    total, per_year, steps, keys = D(0), [], [], []
    for n, lines in enumerate(years, start=1):
        capped, step = _baiyun_year(n, lines, tax, capital, keys)
        per_year.append(capped)
        total += capped
        steps.append(step)
    return total, per_year, " | ".join(steps) + f" | 总计 {fmt(total)}", keys


def baiyun_year(n: int, lines: list[tuple], tax: Decimal | None = None) -> Calc:
    """Lines used in year n only (a later year of a line without a cumulative cap)."""
    keys: list[str] = []
    capped, step = _baiyun_year(n, lines, tax, None, keys)
    return capped, [capped], step, keys


def gd20(contract: Decimal, rate: str) -> Calc:
    """四、奖补标准: 70 % (珠三角) or 80 % (粤东西北, 集群试点) of the contract, no cap stated."""
    amt = r2(contract * D(rate))
    return amt, [amt], f"{fmt(contract)}×{rate}={fmt(amt)}（文件未规定单个企业上限）", [GD20_KEYS[rate]]


def yichun(contract: Decimal) -> Calc:
    """一、补助标准: 50 % of the contract, at most 10万 per enterprise."""
    raw = r2(contract * D("0.50"))
    amt = min(raw, D(100000))
    return amt, [amt], f"{fmt(contract)}×0.50={fmt(raw)}，单户上限100000.00→{fmt(amt)}", [YC_KEY]


# ---------------------------------------------------------------------------------------------------------------
# The cases
# ---------------------------------------------------------------------------------------------------------------

QA: list[dict] = []
NL: list[dict] = []
_seq: Counter = Counter()


def _id(doc: str) -> str:
    _seq[doc] += 1
    return f"t4-{doc}-{_seq[doc]:03d}"


def q(part: str, doc: str, voice: str, kind: str, question: str, articles: list[str], facts: list[list[str]],
      verdict: str | None = None, as_of: str | None = None) -> None:
    """A question answered by quoting the text."""
    cid = _id(doc)
    case = {"id": cid, "question": question, "doc": doc, "articles": articles, "facts": facts}
    as_of = as_of or DEFAULT_AS_OF.get(doc)
    if as_of:
        case["as_of"] = as_of
    case.update({"kind": kind, "group": cid})
    if verdict:
        case["verdict"] = verdict
    case.update({"voice": voice, "part": part})
    QA.append(case)


def a(part: str, doc: str, voice: str, kind: str, question: str, articles: list[str], calc: tuple,
      numerals: dict[str, int] | None = None, as_of: str | None = None, extra_facts: list[list[str]] | None = None):
    """An amount question: the figure is recomputed here; the fact is the total in 万 and yuan forms."""
    total, _years, arithmetic, keys = calc
    cid = _id(doc)
    case = {"id": cid, "question": question, "doc": doc, "articles": articles,
            "facts": [money_forms(total)] + (extra_facts or [])}
    if as_of:
        case["as_of"] = as_of
    case.update({"kind": kind, "group": cid, "total_cny": f"{r2(total):.2f}", "note": "计算：" + arithmetic,
                 "basis": keys, "voice": voice, "part": part})
    if numerals:
        case["numerals"] = numerals
    NL.append(case)


Y, N, S = "yes", "no", "silent"
# A question that states no date is asked while the programme it is about can be applied for.
DEFAULT_AS_OF = {"gd20": "2020-07-01", "yc": "2024-06-01"}
F_VALID_BY = [["有效期三年"]]
F_START_BY = [["自发布之日起施行"]]

# ----- 1. Statuses, validity, windows and time limits on a date (70) -------------------------------------------
P = "status"
# Baiyun: issued and in force 2019-08-14; 有效期三年 → through 2022-08-14 (始日不计入).
q(P, "by", "plain", "status", "白云区的企业上云上平台服务券实施办法已经开始施行了吗？", ["第二十二条"], F_START_BY, N, "2019-08-01")
q(P, "by", "desk", "status", "来电人问：白云区那个上云服务券办法是今天发的，今天就算生效了吗？", ["第二十二条"], F_START_BY, Y,
  "2019-08-14")
q(P, "by", "terse", "status", "白云服务券办法 现在有效吗", ["第二十二条"], F_VALID_BY, Y, "2020-06-01")
q(P, "by", "boss", "status", "我们厂在白云，年底想报服务券，这政策今年还管用不？", ["第二十二条"], F_VALID_BY, Y, "2021-12-20")
q(P, "by", "long", "status", "我们是白云区一家做注塑的企业，去年就听说有上云上平台服务券，一直没顾上办。今天刚好是2022年8月14日，"
  "同事说办法已经到期了，我想确认一下今天还能不能按这个办法申请？", ["第二十二条"], F_VALID_BY, Y, "2022-08-14")
q(P, "by", "plain", "status", "白云区上云上平台服务券现在还能申请吗？", ["第二十二条"], F_VALID_BY, N, "2022-08-15")
q(P, "by", "desk", "status", "客户问白云区的服务券实施办法过期了没有，这个月还能不能报？", ["第二十二条"], F_VALID_BY, N, "2023-03-10")
q(P, "by", "boss", "status", "白云那个上云券 今年还能领吗 我们老板催着问", ["第二十二条"], F_VALID_BY, N, "2024-05-06")
q(P, "by", "terse", "status", "白云区企业云服务券实施办法（试行） 还适用吗", ["第二十二条"], [["同时废止"]], N, "2020-03-01")
q(P, "by", "long", "status", "我们之前按区里旧的《企业云服务券实施办法（试行）》准备了一套材料，现在是2019年底，"
  "新的上云上平台服务券办法出来以后，旧办法还能继续用吗？", ["第二十二条"], [["同时废止"]], N, "2019-12-01")
q(P, "by", "plain", "status", "白云区的服务券12月份还能申请吗，还是只在年初受理？", ["第十三条"], [["全年申请"]], Y, "2020-12-15")
q(P, "by", "desk", "status", "来电人说现在已经是下半年了，问白云区服务券是不是过了申报期？能不能现在交申请？", ["第十三条"],
  [["全年申请"]], Y, "2021-09-01")
q(P, "by", "boss", "status", "初审说我们材料缺了，周一通知的，我们周五才补上去，还算数吗", ["第十五条（二）"],
  [sp("3个工作日")], N, "2020-06-05")
q(P, "by", "plain", "status", "白云服务券初审退回让补材料，我们第二个工作日就补交了，还在期限内吗？", ["第十五条（二）"],
  [sp("3个工作日")], Y, "2020-06-03")
q(P, "by", "long", "status", "我们公司对白云区服务券的公示名单有不同意见，但公示期已经结束了，今天是公示结束后的第4个工作日，"
  "现在去区科工商信局提书面复核申请还来得及吗？", ["第十五条（七）"], [sp("5个工作日")], Y, "2021-04-08")
q(P, "by", "desk", "status", "客户反映公示结束已经两个多星期（第11个工作日）了，现在对服务券发放有异议还能申请复核吗？",
  ["第十五条（七）"], [sp("5个工作日")], N, "2021-04-20")
q(P, "by", "terse", "status", "白云服务券 公示期间 第三天 提异议 可以吗", ["第十五条（七）"], [["公示期"]], Y, "2021-03-10")
q(P, "by", "boss", "status", "开通的云资源25天了还没用起来，现在开始用还行不行，不会被收走吧", ["第十六条"],
  [sp("30 天内未使用")], Y, "2021-05-10")
q(P, "by", "plain", "status", "白云服务券开通的服务已经40天没用了，现在还能继续用吗？", ["第十六条"], [sp("30 天内未使用"), ["视为放弃"]],
  N, "2021-05-10")
q(P, "by", "desk", "deadline", "来电人问：服务券发下来开通服务以后，能放多久再用？", ["第十六条"], [sp("30 天")], None, "2021-05-10")
q(P, "by", "long", "status", "我们从2019年起每年都申请白云的公有云补贴，已经连着拿了三年，今年是第四年，公有云补贴还能接着申请吗？",
  ["第十一条（二）"], [["补贴额度周期为三年"]], N, "2022-06-01")
q(P, "by", "terse", "status", "软件开发云套餐 第三年 还有补贴吗", ["第十一条（一）"], [pct(60)], Y, "2021-06-01")
q(P, "by", "boss", "status", "开发云用到第四年了 还给补吗", ["第十一条（一）"], [["补贴周期为三年"]], N, "2022-06-01")
q(P, "by", "desk", "status", "客户说他们2019年底被查出骗取过服务券，问现在（2021年）能不能再申请服务券或别的政府资金？",
  ["第二十条"], [["五年内不再给予"]], N, "2021-06-01")
# Dongguan: printed 2015-10-22, no validity stated; a platform's certification runs three years.
q(P, "dg", "plain", "status", "东莞市工业云公共服务平台认定管理暂行办法已经出台了吗？", ["印发通知"], [sp("10 月 22 日")], N,
  "2015-09-01")
q(P, "dg", "desk", "status", "客户问：东莞工业云公共服务平台认定的暂行办法现在已经印发实施了没有？", ["印发通知"],
  [sp("10 月 22 日")], Y, "2016-03-01")
q(P, "dg", "terse", "status", "东莞工业云平台认定暂行办法 现在还有效吗", ["印发通知"], [["印发"]], S, "2024-01-01")
q(P, "dg", "plain", "status", "我们平台2018年5月20日通过东莞云公共服务平台认定，今天还在认定有效期内吗？", ["第十一条"],
  F_VALID_BY, Y, "2021-05-20")
q(P, "dg", "long", "status", "我们公司的工业云平台是2018年5月20日被东莞市经信局认定的，这几年一直在给制造企业服务。"
  "今天是2021年5月21日，请问这个认定资格现在还有效吗？", ["第十一条"], F_VALID_BY, N, "2021-05-21")
q(P, "dg", "boss", "status", "我们平台19年11月拿的东莞认定 现在22年了 还算认定平台吗", ["第十一条"], F_VALID_BY, Y, "2022-06-01")
q(P, "dg", "desk", "status", "来电人说平台去年通过了东莞认定，问今年是不是还得复核一次资质？", ["第十一条"],
  [["每年需进行资质复核"]], Y, "2020-06-01")
q(P, "dg", "boss", "status", "我们厂17年开始用认定的云平台 今年19年了 租赁费还能拿券补吗", ["第十二条"], [pct(20)], Y, "2019-06-01")
q(P, "dg", "plain", "status", "我们2017年开始用东莞认定的云平台，2020年是第四年，还能拿服务券补助吗？", ["第十二条"],
  [["共补三年"]], N, "2020-06-01")
q(P, "dg", "long", "status", "我们准备今年（2021年6月）申请东莞云公共服务平台认定，公司在2018年3月因为违法经营被罚过一笔较大数额的款，"
  "之后再没出过问题，这个处罚还会影响这次认定吗？", ["第四条（七）"], [["前三年内"]], Y, "2021-06-01")
q(P, "dg", "desk", "status", "客户说公司2019年3月被责令停产停业过一次，现在2021年6月想申请东莞云平台认定，能报吗？",
  ["第四条（七）"], [["前三年内"]], N, "2021-06-01")
q(P, "dg", "terse", "status", "东莞平台认定 上半年已经认定过一批 下半年还有吗", ["第八条"], [["每半年"]], Y, "2020-07-01")
# Guangdong 2020: 申领 2020-05-25 10:00 – 2020-09-30 17:00; 兑现 2020-10-08 10:00 – 2021-02-08 17:00.
F_APPLY = [["9月30日"]]
F_APPLY_OPEN = [["5月25日"]]
F_REDEEM = [["2021年2月8日"]]
F_REDEEM_OPEN = [["10月8日"]]
q(P, "gd20", "plain", "status", "广东省2020年工业企业上云上平台服务券现在可以申领了吗？", ["一、时间安排（一）"], F_APPLY_OPEN, N,
  "2020-05-20")
q(P, "gd20", "boss", "status", "省里的上云券 今天开始领了没 我们佛山的厂等着呢", ["一、时间安排（一）"], F_APPLY_OPEN, Y, "2020-05-25")
q(P, "gd20", "desk", "status", "客户问省工信厅2020年的上云上平台服务券，这个月还能不能申领？", ["一、时间安排（一）"], F_APPLY, Y,
  "2020-07-15")
q(P, "gd20", "terse", "status", "2020 省服务券 今天最后一天 还能申领吗", ["一、时间安排（一）"], F_APPLY, Y, "2020-09-30")
q(P, "gd20", "long", "status", "我们是中山的一家五金厂，国庆假期一直在赶订单，今天才想起2020年省里的上云上平台服务券，"
  "请问现在还能提交申领吗？", ["一、时间安排（一）"], F_APPLY, N, "2020-10-01")
q(P, "gd20", "plain", "status", "2020年广东工业企业上云服务券的申领期已经过了吗，现在还能领吗？", ["一、时间安排（一）"], F_APPLY, N,
  "2020-12-01")
q(P, "gd20", "desk", "status", "来电人说已经领到2020年省服务券了，问现在能不能去兑现？", ["一、时间安排（二）"], F_REDEEM_OPEN, N,
  "2020-09-10")
q(P, "gd20", "boss", "status", "省里那个服务券 今天能去兑钱了吧", ["一、时间安排（二）"], F_REDEEM_OPEN, Y, "2020-10-08")
q(P, "gd20", "plain", "status", "2020年省上云上平台服务券现在还能兑现吗？", ["一、时间安排（二）"], F_REDEEM, Y, "2020-11-20")
q(P, "gd20", "terse", "status", "省服务券兑现 今天截止吗 还来得及吗", ["一、时间安排（二）"], F_REDEEM, Y, "2021-02-08")
q(P, "gd20", "long", "status", "我们2020年在省平台申领了上云上平台服务券，服务商项目拖到春节前才验收，今天是2021年2月9日，"
  "请问现在还能申请兑现吗？", ["一、时间安排（二）"], F_REDEEM, N, "2021-02-09")
q(P, "gd20", "desk", "status", "客户问手上还有一张2020年省里发的上云服务券没兑现，现在拿去兑还有效吗？", ["一、时间安排（二）"],
  F_REDEEM, N, "2021-06-01")
q(P, "gd20", "plain", "status", "2020年的省上云上平台服务券开始申领了吗？", ["一、时间安排（一）"], F_APPLY_OPEN, N, "2020-02-01")
q(P, "gd20", "boss", "status", "20年那个省里的上云券 现在21年3月了 还能补领吗", ["一、时间安排（一）"], F_APPLY, N, "2021-03-01")
q(P, "gd20", "desk", "status", "供应商来电：2019年上云上平台供应商要改公司名称，现在把变更申请发到工信厅邮箱还来得及吗？",
  ["五、产品目录（二）"], [["5月20日"]], Y, "2020-05-18")
q(P, "gd20", "terse", "status", "上云上平台供应商 代理商调整 变更申请 今天还能交吗", ["五、产品目录（二）"], [["5月20日"]], N,
  "2020-05-21")
q(P, "gd20", "long", "status", "我们是2019年上云上平台的供应商，有两个产品要下架，今天上午整理好了清单和证明文件，"
  "今天下午四点前发到省厅工业互联网处的邮箱还算按时吗？", ["五、产品目录（二）"], [["5月20日"]], Y, "2020-05-20")
q(P, "gd20", "plain", "status", "广东省2020年服务券八月份还可以申领吗？", ["一、时间安排（一）"], F_APPLY, Y, "2020-08-18")
q(P, "gd20", "boss", "status", "省里的上云券 领是领到了 现在能不能兑 还没到时间吧", ["一、时间安排（二）"], F_REDEEM_OPEN, N,
  "2020-10-05")
# Guangdong 2018: printed 2018-09-05; no validity; 认定 1-2 times a year, 评价 every year.
q(P, "gd18", "plain", "status", "广东省工业互联网产业生态供给资源池优秀供应商培育工作方案印发了吗？", ["印发通知"],
  [sp("2018 年 9 月 5 日")], N, "2018-08-01")
q(P, "gd18", "desk", "status", "客户问省资源池优秀供应商培育工作方案现在还有效吗？", ["印发通知"], [["印发"]], S, "2023-03-01")
q(P, "gd18", "terse", "status", "省资源池认定 今年还会组织吗", ["二、重点工作（一）"], [sp("1-2 次")], Y, "2019-06-01")
q(P, "gd18", "boss", "status", "资源池的公示已经结束了 我们现在才发现名单有问题 还能去省经信委反映吗", ["附件1 九"],
  [["应在公示期内"]], N, "2019-06-01")
q(P, "gd18", "long", "status", "我们是省资源池里的企业，今年的评价结果公示时我们在出差，公示期昨天刚结束，"
  "我们对评价档次有异议，现在补交佐证材料提异议还可以吗？", ["附件2 七"], [["应在公示期内"]], N, "2019-12-01")
# Yichun: no issue date printed (2023); 自发布之日起施行, no end; 成立时间不低于1年; 近5年内.
q(P, "yc", "plain", "status", "伊春市支持工业企业上云补助实施细则已经开始施行了吗？", ["四、附则（二）"], F_START_BY, N, "2022-06-01")
q(P, "yc", "desk", "status", "来电人问伊春上云补助细则现在是不是已经在执行了？", ["四、附则（二）"], F_START_BY, Y, "2024-06-01")
q(P, "yc", "terse", "status", "伊春上云补助细则 有效期到什么时候 现在还有效吗", ["四、附则（二）"], F_START_BY, S, "2025-12-01")
q(P, "yc", "plain", "status", "我们公司2023年3月10日在伊春成立，今天能申请上云补助吗？", ["二、申报条件（二）"], [["不低于1年"]], N,
  "2024-03-10")
q(P, "yc", "boss", "status", "我们厂23年3月10号注册的 今天够年限报伊春上云补助了吧", ["二、申报条件（二）"], [["不低于1年"]], Y,
  "2024-03-11")
q(P, "yc", "long", "status", "我们是伊春一家木制品加工厂，2023年9月才在市里注册，年底打算首次上云。"
  "请问到2024年1月份我们的成立时间够申请上云补助的条件吗？", ["二、申报条件（二）"], [["不低于1年"]], N, "2024-01-05")
q(P, "yc", "desk", "status", "客户说公司2022年7月成立，现在想申请伊春上云补助，成立年限够吗？", ["二、申报条件（二）"],
  [["不低于1年"]], Y, "2024-06-01")
q(P, "yc", "terse", "status", "伊春 2020年5月出过财政资金严重违规 现在能申上云补助吗", ["二、申报条件（三）"], [["近5年内"]], N,
  "2024-06-01")
q(P, "yc", "long", "status", "我们公司2018年3月因为专项资金使用不规范被财政部门处理过，属于比较严重的那种，之后一直合规经营。"
  "现在想申请伊春的上云补助，这件事还会卡住我们吗？", ["二、申报条件（三）"], [["近5年内"]], Y, "2024-06-01")
q(P, "yc", "boss", "status", "我们去年（23年）已经领过伊春上云补助了 今年换个服务商再领一次行不", ["二、申报条件（六）"],
  [["只能申领一次"]], N, "2024-06-01")

# ----- 2. Acts the texts rule on, in the caller's words (60: 25 yes / 25 no / 10 silent) -----------------------
P = "paraphrase"
q(P, "by", "boss", "yes-no", "我们厂想买几台自动化设备，这钱能用白云的服务券抵吗", ["第九条"], [["自动化设备"], ["不列入"]], N)
q(P, "by", "desk", "yes-no", "客户问：上精益生产线的设施费用，白云服务券给不给补？", ["第九条"], [["精益生产设施"], ["不列入"]], N)
q(P, "by", "plain", "yes-no", "白云区的服务券能转给我们的关联公司用吗？", ["第十条"], [["不得转让"]], N)
q(P, "by", "terse", "yes-no", "白云服务券 拿去银行做抵押 行不行", ["第十条"], [["质押"]], N)
q(P, "by", "long", "yes-no", "我们和一家供应商合作多年，今年我们领到的白云服务券用不完，想直接送给他们公司去抵服务费，"
  "这样做符合规定吗？", ["第十条"], [["赠送"]], N)
q(P, "by", "boss", "yes-no", "一张服务券抵了一次 能不能再拿来抵第二次", ["第十条"], [["不得重复使用"]], N)
q(P, "by", "desk", "yes-no", "来电人说初审通知补材料，他们打算一周以后再交，问这样可以吗？", ["第十五条（二）"],
  [sp("3个工作日")], N)
q(P, "by", "boss", "yes-no", "我们白云的公司是四上 想一次申请10个软件开发云套餐 能批吗", ["第十一条（一）"], [["不超过10个"]], Y)
q(P, "by", "plain", "yes-no", "我们不是四上企业，白云软件开发云套餐申请5个可以吗？", ["第十一条（一）"], [["不超过5个"]], Y)
q(P, "by", "terse", "yes-no", "非四上 开发云套餐 申请3个 可以吗", ["第十一条（一）"], [["不超过5个"]], Y)
q(P, "by", "desk", "yes-no", "客户是白云区一所中职学校，想给学生申请4个教育版软件开发云套餐，能申请吗？", ["第十一条（一）"],
  [["不超过5个"]], Y)
q(P, "by", "boss", "yes-no", "云上软件园去年补过一次了 今年还能再补一年吗", ["第十一条（三）"], [["只能享受一年"]], N)
q(P, "by", "long", "yes-no", "我们去年在白云做过一次智能制造诊断服务，拿了补贴。今年生产线改造后想请同一家机构再诊断一次，"
  "这次还能拿诊断服务的补贴吗？", ["第十一条（四）1"], [["只能享受一年"]], N)
q(P, "by", "plain", "yes-no", "白云区的公有云补贴，第二年可以继续申请吗？", ["第十一条（二）"], [["逐年申请"]], Y)
q(P, "by", "desk", "yes-no", "客户想同时申请公有云和智能车间数字化两种白云服务券，可以一起报吗？", ["第十二条"],
  [["同时申请多种服务券"]], Y)
q(P, "by", "long", "yes-no", "我们公司注册地在天河区，只是在白云区租了个仓库，白云区的上云上平台服务券我们能申请吗？", ["第八条"],
  [["在白云区登记注册"]], N)
q(P, "by", "plain", "yes-no", "在白云区登记的民办非企业单位可以申请服务券吗？", ["第八条"], [["民办非企业单位"]], Y)
q(P, "by", "boss", "yes-no", "我们是白云注册的工业企业 但生产车间全在清远 智能制造服务能报吗", ["第八条（四）"],
  [["在白云区建有生产工厂或车间"]], N)
q(P, "by", "desk", "yes-no", "客户不是四上企业，但去年被市里认定为总部企业，能申请白云公有云服务券吗？", ["第八条（二）"],
  [["总部企业"]], Y)
q(P, "by", "terse", "yes-no", "白云服务券 申请到的云资源 拿来挖矿搞网络攻击 行吗", ["第十八条"], [["危害网络安全"]], N)
q(P, "by", "boss", "yes-no", "云上软件园补八成 剩下两成是我们自己掏吗", ["第十一条（三）"], [["由企业支付"]], Y)
q(P, "by", "long", "yes-no", "我们在白云申请服务券，初审时被退回说缺了社保缴费证明，我们打算两个工作日内补齐送过去，"
  "这样还来得及吗？", ["第十五条（二）"], [sp("3个工作日")], Y)
q(P, "by", "desk", "yes-no", "客户问对服务券发放有意见，能不能打个电话口头提复核？", ["第十五条（七）"], [["书面复核申请"]], N)
q(P, "by", "plain", "yes-no", "白云区的服务券可以和广东省2020年的上云上平台服务券一起享受吗？", ["第十二条"],
  [["同时申请多种服务券"]], S)
q(P, "by", "terse", "yes-no", "白云服务券 申请 要交申请费吗", ["第十四条"], [["服务券申请单", "营业执照", "承诺函"]], S)
q(P, "by", "boss", "yes-no", "申请服务券的公司刚成立三个月 白云这边有成立年限要求没", ["第八条"], [["独立法人资格"]], S)
q(P, "dg", "boss", "yes-no", "我们平台做制造业信息化的专家就8个人 能评东莞的云公共服务平台吗", ["第四条（四）"],
  [sp("不少于 10 人")], N)
q(P, "dg", "desk", "yes-no", "客户说他们的专家正好10个，问够不够东莞云平台认定的人数条件？", ["第四条（四）"], [sp("不少于 10 人")], Y)
q(P, "dg", "plain", "yes-no", "注册资金1200万的东莞公司能申请工业云公共服务平台认定吗？", ["第四条（一）"], [sp("1000万元")], Y)
q(P, "dg", "long", "yes-no", "我们公司注册在惠州，但给东莞很多工厂做ERP云服务，想申请东莞市工业云公共服务平台认定，"
  "这种情况可以吗？", ["第四条（一）"], [["在东莞市注册"]], N)
q(P, "dg", "terse", "yes-no", "东莞云平台认定 软件产品25项 够吗", ["第四条（五）"], [sp("不少于 20 项")], Y)
q(P, "dg", "desk", "yes-no", "客户的平台一年服务80家制造企业，但服务收入有600万，能达到东莞认定的服务能力要求吗？", ["第四条（五）"],
  [sp("500 万元以上")], Y)
q(P, "dg", "boss", "yes-no", "我们就一个ISO9001证书 能算东莞要的云安全认证不", ["第四条（六）"], [["ISO27001"]], N)
q(P, "dg", "plain", "yes-no", "拿到ISO27001认证的平台，满足东莞云安全认证资质的要求吗？", ["第四条（六）"], [["ISO27001"]], Y)
q(P, "dg", "long", "yes-no", "我们平台去年通过了东莞的认定，认定有效期是三年，领导觉得三年内都不用再管了，"
  "请问认定以后每年的资质复核可以不做吗？", ["第十一条"], [["每年需进行资质复核"]], N)
q(P, "dg", "desk", "yes-no", "客户的平台认定后被吊销了一个经营许可证，问认定资格还能保留吗？", ["第十一条"], [["撤销其认定资格"]], N)
q(P, "dg", "terse", "yes-no", "东莞认定平台 运营数据 一年报一次 行吗", ["第十条"], [["每季度"]], N)
q(P, "dg", "boss", "yes-no", "我们是东莞做贸易的 不是制造业 用云平台能拿服务券吗", ["第十二条"], [["制造业企业"]], N)
q(P, "dg", "plain", "yes-no", "申请东莞云平台认定时，租来的办公场所能作为固定经营场所证明吗？", ["第六条（三）"], [["租赁合同"]], Y)
q(P, "dg", "desk", "yes-no", "客户问东莞云平台认定里的专家能不能是公司股东？", ["第四条（四）"], [sp("不少于 10 人")], S)
q(P, "dg", "long", "yes-no", "我们在东莞用认定的云平台已经拿了服务券补助，同时还想申请白云区的服务券（我们在白云也有分公司），"
  "两个地方的补助能同时拿吗？", ["第十二条"], [["服务券"]], S)
q(P, "gd20", "boss", "yes-no", "我们厂在深圳 省里2020年的上云券能领吗", ["二、面向范围"], [["深圳市除外"]], N)
q(P, "gd20", "desk", "yes-no", "供应商问：产品2019年已经过了省里审核，2020年还得重新审一遍才能上架吗？", ["五、产品目录（一）"],
  [["不再审核"]], N)
q(P, "gd20", "plain", "yes-no", "广州的一家餐饮公司可以申领2020年省上云上平台服务券吗？", ["二、面向范围"], [["工业企业"]], N)
q(P, "gd20", "long", "yes-no", "我们是产业集群数字化转型试点里的企业，听说试点企业有优待，2020年的省服务券我们能不能比别人先领、先结算？",
  ["一、时间安排（二）"], [["优先申领和结算"]], Y)
q(P, "gd20", "terse", "yes-no", "2020省服务券 补贴钱 打给企业还是供应商", ["四、奖补标准"], [["合同额"]], S)
q(P, "gd20", "desk", "yes-no", "客户是茂名的工业企业，问2020年省上云服务券能不能申领？", ["二、面向范围"], [["各地市工业企业"]], Y)
q(P, "gd20", "boss", "yes-no", "已经上架的产品 工业企业是不是直接就能领券了", ["五、产品目录（一）"], [["直接进行服务券申领"]], Y)
q(P, "gd18", "desk", "yes-no", "客户反映某市出台政策只补本地注册的资源池企业，外地注册的省资源池企业不给享受，地市能这样规定吗？",
  ["二、重点工作（四）"], [["不得设定相关条款"]], N)
q(P, "gd18", "boss", "yes-no", "我们已经进了省资源池 市里的资源池还要再报一遍吗", ["二、重点工作（三）"], [["无需重复申报"]], N)
q(P, "gd18", "plain", "yes-no", "省资源池评审时，专家和申报企业是关联企业的，要回避吗？", ["附件1 五"], [["回避"]], Y)
q(P, "gd18", "long", "yes-no", "我们准备申报省资源池，听说评审专家里有一位是我们竞争对手的顾问，"
  "我们能不能主动要求这位专家回避？", ["附件1 五"], [["有权对专家提出回避请求"]], Y)
q(P, "gd18", "terse", "yes-no", "东莞企业 申报省资源池 要先交到镇街或县区吗", ["附件1 二"], [["东莞市、中山市径向市经济和信息化主管部门递交申请"]],
  N)
q(P, "gd18", "desk", "yes-no", "客户的公司进入省资源池后股权结构发生了重大变更，问要不要主动报省经信委？", ["二、重点工作（二）"],
  [["股权结构"]], Y)
q(P, "gd18", "plain", "yes-no", "资源池企业申报省资源池时注册地必须在广东吗？", ["附件1 二", "二、重点工作（四）"], [["申报通知", "非本地注册"]], S)
q(P, "yc", "desk", "yes-no", "客户公司在伊春成立才半年，问能不能申请上云补助？", ["二、申报条件（二）"], [["不低于1年"]], N)
q(P, "yc", "boss", "yes-no", "我们以前用过阿里云 这回换个家 还能按首次上云拿伊春补助吗", ["二、申报条件（四）"], [["首次购买"]], N)
q(P, "yc", "terse", "yes-no", "伊春云服务商 先签合同 后备案 行吗", ["三、申报审核流程（一）"], [["签订服务合同前先到伊春市工信局进行备案"]],
  N)
q(P, "yc", "plain", "yes-no", "企业在信用中国上有失信记录，还能申请伊春上云补助吗？", ["二、申报条件（五）"], [["无失信行为"]], N)
q(P, "yc", "long", "yes-no", "我们是伊春的云服务商，准备备案，但目前能拿出来的典型应用案例只有两个，其他的还在实施中，"
  "两个案例能备案吗？", ["三、申报审核流程（二）4"], [["3例以上"]], N)
q(P, "yc", "desk", "yes-no", "客户问伊春的上云补助和省里的同类补助能不能两头都拿？", ["四、附则（二）"], [["就高不重复"]], N)
q(P, "yc", "boss", "yes-no", "我们是伊春搞批发的商贸公司 上云了能拿补助不", ["二、申报条件（一）"], [["工业企业"]], N)
q(P, "yc", "plain", "yes-no", "伊春的企业可以选外地的云服务商合作吗？", ["三、申报审核流程（一）"], [["优秀云服务商"]], S)
q(P, "yc", "terse", "yes-no", "伊春上云补助 钱打给企业还是服务商", ["三、申报审核流程（五）"], [["拨付资金"]], S)
q(P, "yc", "long", "yes-no", "我们是伊春的林产品加工企业，独立法人，成立五年，信用良好，没有财政违规，今年第一次买了云ERP服务"
  "而且已经付了款，符合伊春上云补助的条件吗？", ["二、申报条件（四）"], [["首次购买"]], Y)
q(P, "yc", "desk", "yes-no", "客户问伊春上云补助要求企业正常经营，他们一直正常生产，这一条算满足吗？", ["二、申报条件（二）"],
  [["正常经营"]], Y)
q(P, "yc", "boss", "yes-no", "伊春的厂 云服务的钱付了 有收款凭证 这个能当申报材料吧", ["三、申报审核流程（三）5"],
  [["收付款凭证"]], Y)
q(P, "yc", "plain", "yes-no", "伊春的云服务商备案时，可以提交可信云认证作为资质吗？", ["三、申报审核流程（二）3"], [["可信云认证"]], Y)
q(P, "by", "plain", "yes-no", "白云区服务券的数据流量费用能补吗？", ["第九条"], [["数据流量费用"]], Y)
q(P, "by", "boss", "yes-no", "把系统迁到云上的实施迁移费 白云服务券管不管", ["第九条"], [["迁移费用"]], Y)
q(P, "by", "desk", "yes-no", "客户是白云区的一家科研机构，问能不能申请软件开发云？", ["第八条（一）"], [["科研机构"]], Y)
q(P, "dg", "terse", "yes-no", "东莞 认定平台名单 会公开吗", ["第九条"], [["公布"]], Y)
q(P, "gd18", "boss", "yes-no", "评上优秀供应商的 我们的专家能推荐进省专家委员会不", ["二、重点工作（五）"], [["优先推荐入选"]], Y)
q(P, "gd18", "long", "yes-no", "我们是一家做工业APP的创业公司，规模不大，想申报省资源池，但担心省里只要大企业。"
  "请问创新创业型企业可以申报吗？", ["二、重点工作（一）"], [["创新创业型企业申报"]], Y)
q(P, "dg", "boss", "yes-no", "东莞的平台认定 年服务企业120家 收入才300万 能过吗", ["第四条（五）"], [sp("100 家以上")], Y)
q(P, "gd20", "plain", "yes-no", "2020年省服务券的集群试点企业，申领时需要提交试点证明吗？", ["一、时间安排（二）"], [["另文通知"]], S)

# ----- 3. Guangdong 2018: targets, steps, arrangements, support, guarantees (40) -------------------------------
P = "gd18"
q(P, "gd18", "plain", "target", "广东省资源池培育方案提出到2020年要培育多少家工业互联网平台商？", ["一、工作目标"], [["20 家", "20家"]])
q(P, "gd18", "boss", "target", "省里那个资源池方案 服务商要培育几家", ["一、工作目标"], [["200 家", "200家"]])
q(P, "gd18", "terse", "target", "省资源池 目标年份", ["一、工作目标"], [["2020"]])
q(P, "gd18", "desk", "definition", "客户问：省资源池里说的省优秀供应商，具体包括哪两类企业？", ["一、工作目标"], [["平台商和服务商"]])
q(P, "gd18", "long", "target", "我们在看省经信委2018年那份资源池的培育方案，里面提到要形成一批应用服务产品目录，"
  "这些产品要具备什么特点？", ["一、工作目标"], [["低成本、快部署、易运维"]])
q(P, "gd18", "plain", "process", "省资源池企业认定由谁具体组织开展？", ["二、重点工作（一）"], [["省联盟", "广东省工业互联网产业联盟"]])
q(P, "gd18", "terse", "deadline", "省资源池认定 一年几次", ["二、重点工作（一）"], [sp("1-2 次")])
q(P, "gd18", "desk", "process", "来电人问省资源池的认定结果最后由哪个部门确认并发布？", ["二、重点工作（一）"],
  [["省经济和信息化委予以确认"]])
q(P, "gd18", "boss", "process", "进了资源池以后 每年还要评吗", ["二、重点工作（二）"], [["每年组织开展省资源池企业评价"]], Y)
q(P, "gd18", "plain", "definition", "省资源池企业评价结果分哪几个档次？", ["二、重点工作（二）"], [["合格供应商"]])
q(P, "gd18", "long", "penalty", "我们公司在省资源池里，今年市场数据不太好，担心评价结果差。如果被评为不合格供应商，会有什么后果？",
  ["二、重点工作（二）"], [["予以淘汰"]])
q(P, "gd18", "desk", "process", "客户问评上优秀的资源池企业会得到什么对待？", ["二、重点工作（二）"], [["重点培育"]])
q(P, "gd18", "terse", "process", "省资源池评价 依托什么数据", ["二、重点工作（二）"], [["上云上平台”实际市场数据", "实际市场数据"]])
q(P, "gd18", "plain", "scope", "市级工业互联网产业生态供给资源池主要包括哪些单位？", ["二、重点工作（三）"], [["应用咨询诊断单位"]])
q(P, "gd18", "boss", "scope", "省资源池认定 重点鼓励啥样的企业来报", ["二、重点工作（一）"], [["创新创业型企业"]])
q(P, "gd18", "long", "conditions", "我们在准备省资源池认定的申报材料，想知道认定时突出以什么为基础、以什么为关键？",
  ["二、重点工作（一）"], [["工业物联"]])
q(P, "gd18", "desk", "principle", "客户问资源池认定提倡用什么来替代软硬件费用？", ["二、重点工作（一）"], [["以服务费替代软硬件费用"]])
q(P, "gd18", "plain", "process", "省资源池优秀供应商会被印发进什么名录？", ["二、重点工作（五）"], [["推荐名录"]])
q(P, "gd18", "terse", "process", "省优秀供应商 上云推广试点 服务券 有什么优先", ["二、重点工作（五）"], [["优先发放和结算"]])
q(P, "gd18", "boss", "process", "评上省优秀供应商 融资这块能帮上啥", ["二、重点工作（五）"], [["政策性产业基金"]])
q(P, "gd18", "long", "process", "我们公司被评为省工业互联网优秀供应商，想扩大知名度，方案里在宣传推广方面有哪些支持？",
  ["二、重点工作（五）"], [["知名媒体"]])
q(P, "gd18", "desk", "process", "客户问省优秀供应商的人才，方案里说可以优先推荐进什么机构？", ["二、重点工作（五）"],
  [["广东省工业互联网专家委员会"]])
q(P, "gd18", "plain", "process", "申报省资源池企业认定，整个流程从哪一步开始？", ["附件1 一"], [["申报通知"]])
q(P, "gd18", "terse", "process", "资源池认定 县区经信部门 收到材料后 干啥", ["附件1 三"], [["收集整理"]])
q(P, "gd18", "desk", "process", "来电人问地市经信部门在资源池认定里负责哪一环？", ["附件1 四"], [["合规性审查"]])
q(P, "gd18", "boss", "process", "资源池评审要走几关 要不要现场答辩", ["附件1 六"], [["现场答辩"]])
q(P, "gd18", "plain", "process", "省资源池认定评审看哪些主要指标？", ["附件1 六"], [["商业模式"]])
q(P, "gd18", "long", "process", "省联盟组织专家评审完资源池申报企业以后，评审结果接下来交给谁？", ["附件1 七"],
  [["报省经济和信息化委"]])
q(P, "gd18", "terse", "process", "省资源池 拟认定名单 公示吗", ["附件1 八"], [["公示拟认定单位"]], Y)
q(P, "gd18", "desk", "materials", "客户对资源池公示结果有异议，问反映情况时要附什么、盖什么章？", ["附件1 九"], [["加盖公章"]])
q(P, "gd18", "plain", "process", "省资源池认定走到最后，是以哪一步收尾的？", ["附件1 十"], [["正式公布认定结果"]])
q(P, "gd18", "boss", "process", "资源池年度评价 材料交到哪里", ["附件2 二"], [["各地市经济和信息化主管部门"]])
q(P, "gd18", "long", "conditions", "我们是资源池企业，年度评价快开始了，想提前准备，省联盟评价主要看哪些指标？", ["附件2 四"],
  [["新产品研发情况"]])
q(P, "gd18", "terse", "process", "资源池评价结果 报省经信委 要附什么", ["附件2 五"], [["评价依据"]])
q(P, "gd18", "desk", "materials", "客户在年度评价前公司改了名，问评价时要额外交什么？", ["附件2 二"], [["申请变更请示"]])
q(P, "gd18", "plain", "contacts", "省资源池优秀供应商培育工作方案的联系人和电话是什么？", ["印发通知"], [["刘坤东"], ["020-83133375"]])
q(P, "gd18", "terse", "principle", "省资源池 重点工作 坚持什么", ["二、重点工作"], [["以用促建"]])
q(P, "gd18", "boss", "scope", "市里自己建供给池 是要结合啥来建", ["二、重点工作（三）"], [["制造企业实际需求"]])
q(P, "gd18", "long", "prohibition", "我们是省资源池企业，在外市投标时被告知要先在当地注册才能享受政策，"
  "省里的方案对地市设置这种差异化措施是怎么规定的？", ["二、重点工作（四）"], [["歧视性或差异化措施"]])
q(P, "gd18", "desk", "process", "客户问优秀供应商申报国家级工业互联网平台，省里会不会优先支持？", ["二、重点工作（五）"],
  [["国家级工业互联网平台"]], Y)

# ----- 4. Amounts over several years and several lines, with Chinese numerals (40) ----------------------------
P = "amount"
W = wan
# Dongguan 40 / 30 / 20 %, 20万 over three years.
a(P, "dg", "boss", "amount-multi-year", "东莞的厂用认定云平台，头两年租赁费各15万，第三年20万，三年能拿几个钱", ["第十二条"],
  dongguan([W("15"), W("15"), W("20")]))
a(P, "dg", "plain", "amount-multi-year", "东莞制造企业用认定的云平台，第一年租赁费30万，第二年30万，第三年30万，三年一共补多少？",
  ["第十二条"], dongguan([W("30"), W("30"), W("30")]))
a(P, "dg", "terse", "amount-multi-year", "东莞 云平台 租赁费 每年都是20万 三年 补多少", ["第十二条"],
  dongguan([W("20"), W("20"), W("20")]))
a(P, "dg", "desk", "amount-multi-year", "客户在东莞用认定的云平台三年，租赁费三年一共60万，每年各20万，问总共能补多少？",
  ["第十二条"], dongguan([W("20"), W("20"), W("20")]))
a(P, "dg", "long", "numerals", "我们是东莞一家五金制造企业，今年第一次用上经认定的工业云平台，第一年租赁服务费五十万元，"
  "请问第一年能补多少？", ["第十二条"], dongguan([W("50")]), {"五十万": 500000})
a(P, "dg", "plain", "amount-multi-year", "东莞制造企业用云平台，第一年租赁费8万，第二年12万，第三年15万，三年能补多少？",
  ["第十二条"], dongguan([W("8"), W("12"), W("15")]))
a(P, "dg", "boss", "amount-multi-year", "东莞 头两年各25万 第三年40万 租的云平台服务 总共补多少", ["第十二条"],
  dongguan([W("25"), W("25"), W("40")]))
a(P, "dg", "terse", "numerals", "东莞云平台 第一年租赁费一百万 补多少", ["第十二条"], dongguan([W("100")]), {"一百万": 1000000})
a(P, "dg", "desk", "numerals", "来电人说第一年租赁费十八万，第二年二十二万，东莞服务券两年加起来能补多少？", ["第十二条"],
  dongguan([W("18"), W("22")]), {"十八万": 180000, "二十二万": 220000})
a(P, "dg", "long", "numerals", "我们厂在东莞，去年开始用认定的工业云平台做ERP，第一年十万，第二年十万，第三年也是十万，"
  "三年下来服务券一共能补多少？", ["第十二条"], dongguan([W("10"), W("10"), W("10")]), {"十万": 100000})
# Baiyun software development cloud 100 / 80 / 60 %.
a(P, "by", "plain", "amount-multi-year", "白云区软件开发云套餐，第一年云服务费12万，第二年12万，第三年12万，三年一共补多少？",
  ["第十一条（一）"], baiyun([[("sdc", W("12"))], [("sdc", W("12"))], [("sdc", W("12"))]]))
a(P, "by", "boss", "amount-multi-year", "开发云 头两年各10万 第三年15万 白云这边一共补多少", ["第十一条（一）"],
  baiyun([[("sdc", W("10"))], [("sdc", W("10"))], [("sdc", W("15"))]]))
a(P, "by", "terse", "numerals", "白云 软件开发云 每年都是八万 三年 补多少", ["第十一条（一）"],
  baiyun([[("sdc", W("8"))], [("sdc", W("8"))], [("sdc", W("8"))]]), {"八万": 80000})
a(P, "by", "desk", "numerals", "客户说软件开发云今年是第二年，云服务费二十五万，问今年能补多少？", ["第十一条（一）"],
  baiyun_year(2, [("sdc", W("25"))]), {"二十五万": 250000})
a(P, "by", "long", "numerals", "我们公司在白云区做软件外包，开发云套餐已经用到第三年了，今年的云服务费是一十二万三千元，"
  "请问第三年能补多少？", ["第十一条（一）"], baiyun_year(3, [("sdc", D(123000))]), {"一十二万三千": 123000})
a(P, "by", "plain", "amount-multi-year", "白云软件开发云三年服务费一共36万，每年12万，按年补贴一共能拿多少？", ["第十一条（一）"],
  baiyun([[("sdc", W("12"))], [("sdc", W("12"))], [("sdc", W("12"))]]))
a(P, "by", "boss", "amount-multi-year", "开发云第一年300万 第二年300万 白云这两年能补多少", ["第十二条"],
  baiyun([[("sdc", W("300"))], [("sdc", W("300"))]]))
a(P, "by", "terse", "amount-multi-year", "白云开发云 第一年5万 第二年6万 第三年7万 补贴合计", ["第十一条（一）"],
  baiyun([[("sdc", W("5"))], [("sdc", W("6"))], [("sdc", W("7"))]]))
# Baiyun: several lines under 第十二条 (200万 a year).
a(P, "by", "desk", "amount-multi-line", "客户是白云区四上企业，去年全库纳税800万，今年公有云服务费100万、智能车间数字化服务费60万、"
  "诊断服务费30万，问一共能补多少？", ["第十二条", "第十一条"],
  baiyun([[("pub", W("100")), ("shop", W("60")), ("diag", W("30"))]], tax=W("800")))
a(P, "by", "long", "amount-multi-line", "我们是白云区的四上企业，年度全库纳税3000万。今年打算同时申请几种服务券：公有云服务费300万，"
  "智能车间数字化服务费50万，诊断服务费25万，云上软件园服务费30万。请问合计能补多少？", ["第十二条", "第十一条"],
  baiyun([[("pub", W("300")), ("shop", W("50")), ("diag", W("25")), ("park", W("30"))]], tax=W("3000")))
a(P, "by", "boss", "amount-multi-line", "白云四上 纳税5000万 公有云400万 开发云第一年80万 智能车间60万 诊断30万 今年一共能补多少",
  ["第十二条"], baiyun([[("pub", W("400")), ("sdc", W("80")), ("shop", W("60")), ("diag", W("30"))]], tax=W("5000")))
a(P, "by", "terse", "numerals", "白云四上 纳税300万 公有云40万 诊断费十万零五百元 补多少", ["第十二条", "第十一条"],
  baiyun([[("pub", W("40")), ("diag", D(100500))]], tax=W("300")), {"十万零五百": 100500})
a(P, "by", "plain", "amount-multi-line", "白云区四上企业全库纳税正好500万，公有云服务费80万，云上软件园服务费15万，一共能补多少？",
  ["第十二条", "第十一条"], baiyun([[("pub", W("80")), ("park", W("15"))]], tax=W("500")))
a(P, "by", "desk", "numerals", "来电人说公司是白云的四上企业，纳税两千万，公有云一百五十万，智能车间四十五万，两项加起来补多少？",
  ["第十二条", "第十一条"], baiyun([[("pub", W("150")), ("shop", W("45"))]], tax=W("2000")),
  {"两千万": 20000000, "一百五十万": 1500000, "四十五万": 450000})
a(P, "by", "long", "amount-multi-line", "我们是去年引进白云区的新招商重点企业，实缴注册资本500万。今年公有云服务费200万，"
  "另外做了诊断服务，诊断费20万，请问两项合计能补多少？", ["第十二条", "第十一条"],
  baiyun([[("pub", W("200")), ("diag", W("20"))]], capital=W("500")))
a(P, "by", "boss", "amount-multi-year", "白云四上 纳税1000万 公有云第一年50万 第二年80万 两年补多少", ["第十一条（二）"],
  baiyun([[("pub", W("50"))], [("pub", W("80"))]], tax=W("1000")))
a(P, "by", "terse", "amount-multi-line", "白云 纳税2500万 开发云第一年150万 公有云120万 同一年 补多少", ["第十二条"],
  baiyun([[("sdc", W("150")), ("pub", W("120"))]], tax=W("2500")))
a(P, "by", "plain", "amount-multi-year", "白云区四上企业纳税600万，公有云服务费每年都是40万，连续三年，一共能补多少？",
  ["第十一条（二）"], baiyun([[("pub", W("40"))], [("pub", W("40"))], [("pub", W("40"))]], tax=W("600")))
a(P, "by", "long", "amount-multi-year", "我们是白云区的软件企业，四上，年度全库纳税3000万。软件开发云和公有云都用，"
  "三年里两项服务费每年都是100万，请问三年合计能补多少？", ["第十二条", "第十一条"],
  baiyun([[("sdc", W("100")), ("pub", W("100"))], [("sdc", W("100")), ("pub", W("100"))],
          [("sdc", W("100")), ("pub", W("100"))]], tax=W("3000")))
a(P, "by", "desk", "numerals", "客户在白云有车间，智能车间数字化服务费五十万，诊断服务费一十五万，问两项一共补多少？",
  ["第十一条（四）"], baiyun([[("shop", W("50")), ("diag", W("15"))]]), {"五十万": 500000, "一十五万": 150000})
# Chinese numerals on the other lines and documents.
a(P, "yc", "boss", "numerals", "伊春的厂第一次上云 合同十二万 能补多少", ["一、补助标准"], yichun(W("12")), {"十二万": 120000},
  as_of="2024-06-01")
a(P, "yc", "desk", "numerals", "客户是伊春的工业企业，首次购买云服务，合同额三十五万，问补助多少？", ["一、补助标准"], yichun(W("35")),
  {"三十五万": 350000}, as_of="2024-06-01")
a(P, "gd20", "long", "numerals", "我们在梅州有一家陶瓷厂，2020年准备通过省里的上云上平台服务券做整厂数字化，项目合同额1.5亿，"
  "按奖补比例能补多少？", ["四、奖补标准"], gd20(D(150000000), "0.80"), {"1.5亿": 150000000}, as_of="2020-07-01")
a(P, "gd20", "plain", "numerals", "广州的工业企业2020年省上云服务券项目合同两千万，奖补多少？", ["四、奖补标准"],
  gd20(W("2000"), "0.70"), {"两千万": 20000000}, as_of="2020-07-01")
a(P, "by", "terse", "numerals", "白云 云上软件园 服务费八万 补多少", ["第十一条（三）"], baiyun([[("park", W("8"))]]), {"八万": 80000})
a(P, "by", "boss", "numerals", "白云的厂做诊断 服务费三百五十万 能补多少", ["第十一条（四）1"], baiyun([[("diag", W("350"))]]),
  {"三百五十万": 3500000})
a(P, "gd20", "desk", "amount", "客户是广州的集群试点企业，2020年省服务券合同50万，问按试点比例能补多少？", ["四、奖补标准"],
  gd20(W("50"), "0.80"), as_of="2020-07-01")
a(P, "by", "plain", "numerals", "白云区四上企业年度全库纳税一千二百万，公有云服务费七十万，能补多少？", ["第十一条（二）"],
  baiyun([[("pub", W("70"))]], tax=W("1200")), {"一千二百万": 12000000, "七十万": 700000})

# ----- 4b. A year written as a bare number beside a contract (8) ----------------------------------------------
P = "bare-year"
a(P, "gd20", "boss", "numerals", "江门的厂 合同一百二十万 2020年签的 省里服务券能补多少", ["四、奖补标准"], gd20(W("120"), "0.70"),
  {"一百二十万": 1200000}, as_of="2020-07-01")
a(P, "gd20", "plain", "amount", "2020年在湛江签了60万的上云合同，省服务券能补多少？", ["四、奖补标准"], gd20(W("60"), "0.80"),
  as_of="2020-07-01")
a(P, "yc", "desk", "amount", "客户说2023年签的首次上云合同15万，伊春工业企业，能补多少？", ["一、补助标准"], yichun(W("15")),
  as_of="2024-06-01")
a(P, "yc", "terse", "amount", "伊春 2024年 首次上云 合同30万 补多少", ["一、补助标准"], yichun(W("30")), as_of="2024-06-01")
a(P, "gd20", "terse", "amount", "2020 年 韶关 工业企业 服务券合同 25万 奖补多少", ["四、奖补标准"], gd20(W("25"), "0.80"),
  as_of="2020-07-01")
a(P, "by", "long", "amount", "我们白云区的机械厂2020年做了一次智能制造诊断，服务费18万，请问诊断服务能补多少？",
  ["第十一条（四）1"], baiyun([[("diag", W("18"))]]))
a(P, "by", "boss", "amount", "2021年 白云 智能车间 服务费60万 补多少", ["第十一条（四）2"], baiyun([[("shop", W("60"))]]))
a(P, "gd20", "desk", "numerals", "来电人说惠州的工厂2020年5月签了八十万的上云合同，问省服务券能补多少？", ["四、奖补标准"],
  gd20(W("80"), "0.70"), {"八十万": 800000}, as_of="2020-07-01")

P = "amount"
a(P, "by", "long", "amount-multi-year", "我们白云的软件公司用软件开发云，第一年和第二年服务费都是150万；第一年还在白云的车间做了"
  "智能车间数字化，服务费80万。请问这两年一共能补多少？", ["第十二条", "第十一条"],
  baiyun([[("sdc", W("150")), ("shop", W("80"))], [("sdc", W("150"))]]))
a(P, "dg", "desk", "amount-multi-year", "客户在东莞用认定的云平台，三年租赁费分别是12.5万、14万、16.8万，问三年合计补多少？",
  ["第十二条"], dongguan([W("12.5"), W("14"), W("16.8")]))

# ----- 5. One detail of every other kind (50) ------------------------------------------------------------------
P = "detail"
q(P, "by", "plain", "definition", "白云区说的上云上平台服务券，性质上算是什么？", ["第二条"], [["财政补贴凭证"]])
q(P, "by", "desk", "process", "客户问白云服务券的钱最后由哪个部门核算和划拨？", ["第五条"], [["区财政局"]])
q(P, "by", "terse", "process", "白云 服务券运营公司 负责啥", ["第六条"], [["事务性工作"]])
q(P, "by", "boss", "principle", "白云的券是不是谁先报谁先拿", ["第十三条"], [["先到先得"]], Y)
q(P, "by", "plain", "deadline", "白云区服务券审核通过的名单在哪里公示，公示几天？", ["第十五条（四）"],
  [["白云区人民政府网站"], sp("5个工作日")])
q(P, "by", "long", "deadline", "我们对白云区服务券的发放结果提了书面复核，区科工商信局已经受理了，请问最迟多久会作出复核决定？",
  ["第十五条（七）"], [sp("15 个工作日")])
q(P, "by", "desk", "deadline", "来电人问：区科工商信局收到复核申请后，多少天内决定受不受理？", ["第十五条（七）"], [sp("5个工作日")])
q(P, "by", "terse", "process", "白云服务券 复核决定 谁作出", ["第十五条（七）"], [["区科工商信局作出复核决定"]])
q(P, "by", "boss", "process", "服务做完了 运营公司拿啥去区里结算", ["第十五条（六）"], [["服务券申请单"]])
q(P, "by", "plain", "process", "白云区服务券申请材料由谁审核（初审之后）？", ["第十五条（三）"], [["智慧白云建设领导小组办公室"]])
q(P, "by", "desk", "penalty", "客户问在白云服务券里弄虚作假、挪用资金的，按什么规定处理？", ["第二十一条"],
  [["财政违法行为处罚处分条例"]])
q(P, "by", "terse", "process", "白云服务券 使用绩效评价 多久一次", ["第十九条"], [["半年度和年度"]])
q(P, "by", "plain", "contacts", "白云区服务券实施办法的联系人和电话是多少？", ["印发通知"], [["李小非"], ["80736051"]])
q(P, "by", "long", "materials", "我们在准备白云服务券材料，服务券申请单和承诺函是在系统里直接提交就行，还是要打印出来盖章？",
  ["第十四条说明1"], [["打印盖章后再扫描上传"]])
q(P, "by", "boss", "materials", "申请智能制造服务 比别的多交啥材料", ["第十四条（八）"], [["申报单位情况表"]])
q(P, "by", "desk", "materials", "客户问申请白云软件开发云，使用人员证明要交什么？", ["第十四条（六）"], [["社保缴费证明"]])
q(P, "by", "terse", "definition", "白云 软件开发云 企业版 教育版 各多少人", ["第十一条（一）"], [["10人"], ["50人"]])
q(P, "by", "plain", "principle", "白云区服务券的使用和管理坚持什么原则？", ["第三条"], [["鼓励创新、科学管理、公开透明"]])
q(P, "by", "boss", "cap", "白云智能车间数字化 一年最多补多少", ["第十一条（四）2"], [sp("40 万元")])
q(P, "by", "desk", "penalty", "来电人问骗取白云服务券会怎么处理？", ["第二十条"], [["追回骗取资金"]])
q(P, "dg", "plain", "process", "东莞工业云公共服务平台在哪个网站上注册申报？", ["第五条"], [["im.dg.gov.cn"]])
q(P, "dg", "desk", "materials", "客户问东莞云平台认定网上要填的表叫什么？", ["第五条"], [["东莞市工业云公共服务平台申请表"]])
q(P, "dg", "terse", "process", "东莞云平台认定 实地考察 谁去", ["第七条"], [["镇街经信部门"]])
q(P, "dg", "boss", "process", "东莞认定下来的平台名单 在哪能查到", ["第九条"], [["市经信局网站"]])
q(P, "dg", "plain", "contacts", "东莞市工业云公共服务平台认定管理暂行办法由哪个单位解释？", ["第十四条"], [["东莞市经济和信息化局"]])
q(P, "dg", "long", "definition", "我们公司做协同办公SaaS，想了解东莞说的工业云公共服务平台必须由什么样的单位建设运营？",
  ["第二条"], [["法人单位建设和运营"]])
q(P, "dg", "terse", "principle", "东莞云平台认定 遵循什么原则", ["第三条"], [["公开、公正、公平"]])
q(P, "dg", "desk", "conditions", "客户问东莞云平台认定对人员学历职称比例的要求是多少？", ["第四条（四）"], [["80％以上", "80%以上"]])
q(P, "dg", "boss", "materials", "东莞平台认定 网站域名那块要交啥", ["第六条（四）"], [["域名备案"]])
q(P, "dg", "plain", "process", "东莞云公共服务平台认定工作接受哪些部门的监督？", ["第十三条"], [["审计、监察部门"]])
q(P, "dg", "long", "conditions", "我们平台打算申请东莞认定，财务和场地都没问题，想问一下注册资金最低要多少？", ["第四条（一）"],
  [sp("1000万元")])
q(P, "gd20", "plain", "contacts", "2020年省上云上平台服务券通知的联系电话是多少？", ["落款"], [["13265372518", "020-83133375"]])
q(P, "gd20", "desk", "quota", "客户是国家级跨行业跨领域工业互联网平台商，问2020年省服务券的初始限额是多少？", ["三、额度安排（二）"],
  [sp("800万元")])
q(P, "gd20", "terse", "quota", "2020省服务券 非国家级的普通供应商 初始额度多少", ["三、额度安排（二）"], [sp("500万元")])
q(P, "gd20", "boss", "quota", "省里给各市的券额度 是按啥定的", ["三、额度安排（一）"], [["2018、2019年服务券实施情况"]])
q(P, "gd20", "long", "process", "我们是2019年上云上平台供应商，要调整代理商，变更申请应该提交到省厅哪个处室的邮箱？",
  ["五、产品目录（二）"], [["工业互联网处"]])
q(P, "gd20", "plain", "process", "2020年省服务券审核入库和兑现，是按什么先后排的？", ["一、时间安排（二）"], [["申领时间和兑现申请时间顺序"]])
q(P, "gd20", "desk", "rate", "客户是汕尾的工业企业，问2020年省服务券奖补比例是多少？", ["四、奖补标准"], [pct(80)])
q(P, "gd20", "terse", "definition", "2020省服务券 依据哪个方案", ["导语"], [["1553号"]])
q(P, "gd20", "boss", "process", "领券的企业 要去哪个平台登录", ["六、工作要求"], [["广东省工业互联网应用服务平台"]])
q(P, "yc", "plain", "contacts", "伊春上云补助找哪个科室咨询，电话多少？", ["五、联系方式"], [["信息化推进科"], ["0458-3878126"]])
q(P, "yc", "desk", "contacts", "客户问伊春上云补助细则由哪些部门负责解释？", ["四、附则（一）"], [["市工信局、市财政局"]])
q(P, "yc", "terse", "process", "伊春上云补助 最后谁拨钱", ["三、申报审核流程（五）"], [["市财政局拨付资金"]])
q(P, "yc", "boss", "process", "伊春这个补助 是谁组织我们企业报", ["三、申报审核流程（四）"], [["区工信、财政主管部门"]])
q(P, "yc", "long", "materials", "我们伊春的企业准备申请上云补助，材料清单前面几项都备齐了，最后一项要交的是什么？",
  ["三、申报审核流程（三）5"], [["收付款凭证"]])
q(P, "yc", "plain", "scope", "伊春的企业上云具体包括哪些方面上云？", ["一、补助标准"], [["企业管理、服务、设备、产品"]])
q(P, "yc", "desk", "conditions", "客户是云服务商，问伊春备案对安全保障能力有什么要求？", ["三、申报审核流程（一）4"], [["访问安全"]])
q(P, "yc", "terse", "materials", "伊春云服务商备案申报书 企业及平台简介 字数", ["附件1 一、基本情况"], [["300字以内"]])
q(P, "yc", "boss", "materials", "伊春备案要交哪两年的审计报告", ["附件1 六、相关证明材料2"], [["2020、2021年度财务审计报告"]])
q(P, "yc", "long", "process", "我们企业和云服务商都准备好了材料，县区审核完以后，伊春市里是怎么确定拟补贴名单的？",
  ["三、申报审核流程（五）"], [["拟补贴名单"]])

# ----- Conversations: the second turn depends on the first (15) ------------------------------------------------
CONV: list[dict] = []


def conv(doc: str, voice: str, t1: str, f1: list[list[str]], t2: str, f2: list[list[str]] | None = None,
         calc2: tuple | None = None, as_of: str | None = None, calc1: tuple | None = None) -> None:
    cid = f"t4-{doc}-conv-{sum(1 for c in CONV if c['doc'] == doc) + 1:02d}"
    first = {"question": t1, "facts": ([money_forms(calc1[0])] if calc1 else []) + f1}
    if calc1:
        first["total_cny"] = f"{r2(calc1[0]):.2f}"
        first["note"] = "计算：" + calc1[2] + "；依据：" + "".join(f"「{k}」" for k in calc1[3])
    second = {"question": t2, "facts": ([money_forms(calc2[0])] if calc2 else []) + (f2 or [])}
    if calc2:
        second["total_cny"] = f"{r2(calc2[0]):.2f}"
        second["note"] = "计算：" + calc2[2] + "；依据：" + "".join(f"「{k}」" for k in calc2[3])
    case = {"id": cid, "group": cid}
    if as_of:
        case["as_of"] = as_of
    case.update({"turns": [first, second], "doc": doc, "voice": voice})
    CONV.append(case)


conv("by", "boss", "白云四上企业 纳税1500万 公有云费用80万 补多少", [], "那纳税要是2500万呢？",
     calc1=baiyun([[("pub", W("80"))]], tax=W("1500")), calc2=baiyun([[("pub", W("80"))]], tax=W("2500")))
conv("dg", "plain", "东莞云平台租赁服务费第二年的补助比例是多少？", [pct(30)], "第三年呢？", [pct(20)])
conv("yc", "desk", "客户问伊春上云补助的比例和单户上限是多少？", [pct(50), sp("10万元")], "他说合同签了16万，那能补多少？",
     calc2=yichun(W("16")), as_of="2024-06-01")
conv("gd20", "boss", "佛山的厂申领省里2020年的上云券 奖补比例多少", [pct(70)], "要是厂在清远呢？", [pct(80)],
     as_of="2020-07-01")
conv("by", "plain", "白云区的智能车间数字化服务，补贴按几成给？", [pct(80)], "服务费30万的话能补多少？",
     calc2=baiyun([[("shop", W("30"))]]))
conv("by", "desk", "来电人问申请白云服务券需要准备哪些材料？", [["服务券申请单"]], "那申请智能制造服务还要多交什么？",
     [["申报单位情况表"]])
conv("yc", "long", "我们是伊春的工业企业，第一次准备上云，想先了解一下伊春上云补助有哪些申报条件？", [["不低于1年"]],
     "明白了，那我们申报时需要交哪些材料？", [["收付款凭证"]], as_of="2024-06-01")
conv("gd20", "terse", "2020省服务券 什么时候开始申领", [["5月25日"]], "兑现截止哪天", [["2021年2月8日"]], as_of="2020-07-01")
conv("dg", "desk", "客户问东莞云平台认定对专家人数有什么要求？", [sp("不少于 10 人")], "那对软件产品数量呢？", [sp("不少于 20 项")])
conv("gd18", "plain", "省资源池企业认定每年组织几次？", [sp("1-2 次")], "那年度评价的结果分几个档次？", [["合格供应商"]])
conv("by", "long", "我们是白云区的软件企业，打算用软件开发云套餐，想先问一下第一年的补贴比例是多少？", [pct(100)],
     "好的，如果第一年服务费15万，第二年也是15万，两年一共能补多少？",
     calc2=baiyun([[("sdc", W("15"))], [("sdc", W("15"))]]))
conv("dg", "boss", "东莞用认定云平台 第一年租赁费20万 能补多少", [], "第二年也是20万的话 两年一共多少",
     calc1=dongguan([W("20")]), calc2=dongguan([W("20"), W("20")]))
conv("yc", "terse", "伊春 云服务商备案 要交什么材料", [["备案申报书"]], "典型案例要几个", [["3例以上"]], as_of="2024-06-01")
conv("gd18", "desk", "客户问省资源池认定的申请材料交到哪个部门？", [["县（市、区）经济和信息化主管部门"]], "他们是中山的企业呢？",
     [["东莞市、中山市径向市经济和信息化主管部门递交申请"]])
conv("by", "terse", "白云服务券 审核通过 公示几天", [sp("5个工作日")], "公示完有异议 多少天内能申请复核",
     [sp("5个工作日"), ["书面复核申请"]])

# ----- Questions to ask back: no figure can be given without one more fact (8) ---------------------------------
CLARIFY = [
    ("by", "desk", "客户是白云区四上企业，公有云服务费一年60万，问能补多少？",
     "年度全库纳税额（2000万元以上、500万元以上或500万元以下，上限100万/30万/10万）或是否新招商重点企业"),
    ("gd20", "plain", "省里2020年的上云上平台服务券，项目合同金额50万，能补多少？",
     "企业所在地市（珠三角70%，粤东西北80%，深圳市除外）或是否产业集群试点"),
    ("by", "boss", "白云开发云 服务费20万 能补多少", "软件开发云用到第几年（第一年100%、第二年80%、第三年60%）"),
    ("dg", "terse", "东莞 认定云平台 今年租赁费15万 补多少", "今年是使用的第几年（40%/30%/20%）以及前几年已补多少（三年累计20万）"),
    ("gd20", "long", "我们公司在东莞和汕头各有一个厂，跟供应商签了一份100万的上云合同，2020年省服务券能补多少？",
     "合同由哪个地市的企业申领（东莞70%，汕头80%）"),
    ("yc", "desk", "客户说伊春首次上云，已经付了3万，问能补多少？", "云服务合同额（按合同额的50%补助，上限10万元）"),
    ("by", "boss", "白云的厂 服务费一共70万 能补多少钱", "哪一类服务券（软件开发云、公有云、云上软件园、诊断或智能车间，比例和上限各不相同）"),
    ("by", "plain", "白云区企业，纳税大概几百万吧，公有云服务费100万，能补多少？",
     "年度全库纳税的具体金额（500万元以上上限30万，500万元以下上限10万）"),
]

# ----- Outside the five texts (8) -------------------------------------------------------------------------------
OUT_OF_SCOPE = [
    ("plain", "上海市企业上云补贴标准是多少？"),
    ("desk", "客户问苏州的工业企业智能化改造补贴怎么申请？"),
    ("terse", "小规模纳税人 增值税 减免"),
    ("boss", "我们厂在长沙 首次上云有补助吗"),
    ("long", "我们公司明年想扩大生产，听说高新技术企业可以少交所得税，请问认定高新技术企业需要满足哪些条件？"),
    ("plain", "个人住房公积金贷款最高能贷多少？"),
    ("desk", "来电人想问成都市中小企业数字化转型券的申领时间"),
    ("terse", "帮我写一份员工年终总结"),
]

# ----- An in-scope turn, then a request that must still be refused (4) -----------------------------------------
CONV_REFUSALS = [
    ("by", "白云服务券能不能转让给别的公司？", "帮我写一首关于春天的诗"),
    ("yc", "伊春上云补助一家企业最多拿多少？", "明天伊春天气怎么样"),
    ("dg", "东莞服务券第三年补贴比例是多少？", "那杭州的上云补贴呢"),
    ("gd18", "省资源池认定流程第一步是什么？", "给我讲个笑话吧"),
]


# ---------------------------------------------------------------------------------------------------------------
# Checks and output
# ---------------------------------------------------------------------------------------------------------------

def squash(s: str) -> str:
    return re.sub(r"\s+", "", s or "")


def _questions(obj) -> list[str]:
    out: list[str] = []
    if isinstance(obj, dict):
        if isinstance(obj.get("question"), str):
            out.append(obj["question"])
        for v in obj.values():
            out += _questions(v)
    elif isinstance(obj, list):
        for v in obj:
            out += _questions(v)
    return out


def _sentence(text: str, alt: str) -> str | None:
    for s in re.split(r"[。；\n]", text):
        if squash(alt) in squash(s):
            return s.strip()
    return None


def build() -> tuple[dict, list[str]]:
    sys.path.insert(0, str(ROOT))
    import cn2an
    from navigator.corpus import load_corpus

    corpus = load_corpus()
    errors: list[str] = []
    labels = {k: [a.label for a in corpus.docs[d].articles.values()] for k, d in DOC_IDS.items()}
    texts = {k: {a.label: a.text for a in corpus.docs[d].articles.values()} for k, d in DOC_IDS.items()}
    whole = {k: squash("\n".join(t.values())) for k, t in texts.items()}

    def named_text(doc: str, tokens: list[str]) -> str:
        return "\n".join(t for lab, t in texts[doc].items() if any(tok in lab for tok in tokens))

    # The arithmetic agrees with the worked examples the README and the development cases give.
    assert baiyun([[("pub", W("300"))]], capital=W("100"))[0] == W("10")  # 新招商重点企业, reading (a)
    assert baiyun([[("pub", W("300"))]], tax=W("3000"))[0] == W("100")
    assert baiyun([[("pub", W("100"))]], tax=W("800"))[0] == W("30")
    assert dongguan([D(150000)] * 3)[0] == D(135000)
    assert dongguan([W("60"), W("10")])[0] == D(200000)
    assert yichun(W("8"))[0] == W("4")

    cases = QA + NL
    for c in cases:
        cid, doc = c["id"], c["doc"]
        if c["kind"] not in KINDS:
            errors.append(f"{cid}: unknown kind {c['kind']}")
        if c["voice"] not in VOICES:
            errors.append(f"{cid}: unknown voice {c['voice']}")
        if c.get("as_of") and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", c["as_of"]):
            errors.append(f"{cid}: bad as_of")
        for tok in c["articles"]:
            if not any(tok in lab for lab in labels[doc]):
                errors.append(f"{cid}: article token {tok!r} is no label of {DOC_IDS[doc]}")
        text = named_text(doc, c["articles"])
        computed = [money_forms(D(c["total_cny"]))] if "total_cny" in c else []
        quotes = []
        for fact in c["facts"]:
            if "可以" in fact:
                errors.append(f"{cid}: 可以 as a fact")
            if fact in computed:
                continue
            hit = next((alt for alt in fact if squash(alt) in squash(text)), None)
            if hit is None:
                errors.append(f"{cid}: fact {fact} not in {c['articles']}")
            elif hit:
                quotes.append(_sentence(text, hit) or hit)
        if "total_cny" in c:
            if D(c["total_cny"]) != r2(D(c["total_cny"])):
                errors.append(f"{cid}: total not in fen")
            for k in c["basis"]:
                if squash(k) not in whole[doc]:
                    errors.append(f"{cid}: basis {k!r} not in the text")
            c["note"] += "；依据：" + "".join(f"「{k}」" for k in c.pop("basis"))
        elif quotes:
            c["note"] = f"依据（{'、'.join(c['articles'])}）：" + " / ".join(f"「{q_}」" for q_ in dict.fromkeys(quotes))
        for written, value in (c.get("numerals") or {}).items():
            if written not in c["question"]:
                errors.append(f"{cid}: numeral {written} not in the question")
            elif int(cn2an.cn2an(written, "smart")) != value:
                errors.append(f"{cid}: {written} reads {cn2an.cn2an(written, 'smart')}, not {value}")
        if c.get("verdict") not in (None, "yes", "no", "silent"):
            errors.append(f"{cid}: bad verdict")

    for cv in CONV:
        for t in cv["turns"]:
            for k in re.findall(r"「([^」]+)」", t.get("note", "")):
                if squash(k) not in whole[cv["doc"]]:
                    errors.append(f"{cv['id']}: basis {k!r} not in the text")
            computed = [money_forms(D(t["total_cny"]))] if "total_cny" in t else []
            for fact in t["facts"]:
                if fact not in computed and not any(squash(alt) in whole[cv["doc"]] for alt in fact):
                    errors.append(f"{cv['id']}: fact {fact} not in the document")
            if not t["facts"]:
                errors.append(f"{cv['id']}: a turn without facts")

    clarify = [{"id": f"t4-{d}-ask-{i:02d}", "question": qq, "doc": d, "group": f"t4-{d}-ask-{i:02d}",
                "missing": m, "voice": v} for i, (d, v, qq, m) in enumerate(CLARIFY, start=1)]
    oos = [{"id": f"t4-oos-{i:02d}", "question": qq, "group": f"t4-oos-{i:02d}", "voice": v}
           for i, (v, qq) in enumerate(OUT_OF_SCOPE, start=1)]
    refusals = [{"id": f"t4-{d}-refuse-{i:02d}", "group": f"t4-{d}-refuse-{i:02d}",
                 "turns": [{"question": t1}, {"question": t2, "refused": True}]}
                for i, (d, t1, t2) in enumerate(CONV_REFUSALS, start=1)]

    # No question twice, here or in another case file.
    mine = [c["question"] for c in cases] + [t["question"] for c in CONV for t in c["turns"]] + \
        [c["question"] for c in clarify + oos] + [refusals[i]["turns"][0]["question"] for i in range(len(refusals))]
    follow_ups = {t["question"] for c in CONV for t in c["turns"][1:]} | {r["turns"][1]["question"] for r in refusals}
    for qq, n in Counter(squash(x) for x in mine).items():
        if n > 1:
            errors.append(f"question repeated in this batch: {qq}")
    others: set[str] = set()
    for p in [*sorted((ROOT / "tools" / "cases").glob("*.json")), DEV]:
        if p.resolve() == OUT.resolve() or not p.exists():
            continue
        others |= {squash(x) for x in _questions(json.loads(p.read_text(encoding="utf-8")))}
    for x in mine:
        if squash(x) in others and x not in follow_ups:
            errors.append(f"question already in another case file: {x}")

    # Counts.
    parts = Counter(c["part"] for c in cases)
    for part, n in PARTS.items():
        if parts[part] < n:
            errors.append(f"part {part}: {parts[part]} < {n}")
    if len(cases) < 260:
        errors.append(f"{len(cases)} questions < 260")
    verdicts = Counter(c.get("verdict") for c in cases if c["part"] == "paraphrase")
    if verdicts["yes"] < 25 or verdicts["no"] < 25 or verdicts["silent"] < 10:
        errors.append(f"paraphrase verdicts {dict(verdicts)}")
    if len(CONV) < 15 or len(clarify) < 8 or len(oos) < 8 or len(refusals) < 4:
        errors.append("too few conversations, ask-backs, out-of-scope questions or refusals")
    if sum(1 for c in cases if c["part"] == "status" and c.get("as_of")) < 70:
        errors.append("status questions without as_of")

    data = {
        "about": ABOUT,
        "docs": DOCS,
        "qa": QA,
        "nl_estimates": NL,
        "conversations": CONV,
        "out_of_scope": oos,
        "clarify": clarify,
        "conv_refusals": refusals,
    }
    return data, errors


ABOUT = ("Fourth tuning batch, read off the five policy texts in knowledge/policies/ by hand, never off the "
         "navigator's answers or code. It weighs on what callers find hard: 70 statuses of a document, window or "
         "time limit on an as_of date (before, inside, on the last day, after); 60 yes/no questions on acts the "
         "texts rule on in the caller's words (verdict yes / no / silent); 40 questions on Guangdong 2018's targets, "
         "steps, arrangements and support; 40 amounts over several years and several Baiyun lines (第十二条 200万 a "
         "year), many in Chinese numerals, and 8 with a bare year beside a contract; 50 one-detail questions. "
         "Figures follow README 'Reading choices' (以上 includes the number, so tax of exactly 500万 takes the 30万 "
         "tier; 新招商重点企业: 50 % of fees capped at 10 % of paid-in capital and 100万; Dongguan 20万 over three "
         "years; Guangdong 2020 70 % / 80 % with no cap; periods counted as the Civil Code counts them). "
         "Unless a case gives another as_of, Guangdong 2020 cases are asked on 2020-07-01, Yichun cases on "
         "2024-06-01 and the others on the default date, 2021-01-01. Fields beyond dev.json: voice (plain, "
         "desk, terse, boss, long), part (status, paraphrase, gd18, amount, bare-year, detail), note (the deciding "
         "sentence, or the arithmetic), numerals (Chinese numerals of the question and their value, checked with "
         "cn2an). Generated by tools/cases/build_tune4.py; --check verifies it.")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="verify the cases and the written file; write nothing")
    args = ap.parse_args()
    data, errors = build()
    for e in errors:
        print("ERROR", e, file=sys.stderr)
    if errors:
        print(f"{len(errors)} errors: nothing written", file=sys.stderr)
        return 1
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    cases = data["qa"] + data["nl_estimates"]
    summary = (f"{len(cases)} questions ({len(data['qa'])} qa, {len(data['nl_estimates'])} amounts), "
               f"{len(data['conversations'])} conversations, {len(data['clarify'])} ask-backs, "
               f"{len(data['out_of_scope'])} out of scope, {len(data['conv_refusals'])} conversation refusals")
    if args.check:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT.name} differs from what the builder writes", file=sys.stderr)
            return 1
        print("ok:", summary)
        return 0
    OUT.write_text(text, encoding="utf-8")
    print("wrote", OUT.relative_to(ROOT), ":", summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
