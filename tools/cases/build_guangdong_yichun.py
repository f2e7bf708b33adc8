"""Evaluation cases read off the Guangdong 2020, Guangdong 2018 and Yichun 2023 texts.

Every case lives in one list below; running the script writes the holdout and tune files in the
format of the shared development cases, splitting by a hash of each case's group (a question and its
paraphrases, or a conversation, form one group), so the split is reproducible:

    holdout if int(sha256(group).hexdigest(), 16) % 2 == 0 else tune

Amounts are worked by hand from the texts (the arithmetic is in each case's ``note``); the script
recomputes each one from the case's ``calc`` inputs with ``Decimal`` and refuses to write a file
whose figure disagrees. With the project's venv the script also checks every article token against
the parsed label tree and every quoted fact against the text of the articles it names.

Usage:
    .venv/bin/python tools/cases/build_guangdong_yichun.py [--no-check]
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import re
import sys
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
HOLDOUT = HERE / "holdout-guangdong-yichun.json"
TUNE = HERE / "tune-guangdong-yichun.json"

DOCS = {
    "dg": ["东莞", "220号"],
    "by": ["白云", "云科工商信"],
    "gd20": ["37号", "2020年工业企业", "粤工信办函"],
    "gd18": ["348号", "资源池", "粤经信办函"],
    "yc": ["伊春"],
}
DOC_IDS = {"gd20": "guangdong-2020", "gd18": "guangdong-2018", "yc": "yichun-2023"}

KINDS = {
    "rate", "cap", "amount", "amount-multi-line", "amount-multi-year", "numerals", "yes-no", "deadline",
    "penalty", "prohibition", "target", "definition", "contacts", "materials", "process", "conditions",
    "scope", "quota", "principle", "colloquial",
}

# Words a correct answer uses that are not quotes of the text (a "silent" verdict, a paraphrase of
# 径向市); the fact check accepts them without finding them in the article.
ANSWER_WORDS = {"未作规定", "未规定", "没有规定", "直接向市"}

# Guangdong 2020, 四、奖补标准: 珠三角地区 70 %; 粤东西北地区 and 产业集群试点 80 %.
GD20_RATE = {"prd": Decimal("0.70"), "ewn": Decimal("0.80"), "pilot": Decimal("0.80")}
# Yichun, 一、补助标准: 50 % of the contract, at most 100,000 per enterprise.
YC_RATE, YC_CAP = Decimal("0.50"), Decimal("100000")

YC_AS_OF = "2024-06-01"  # the Yichun rules carry 2023 on their forms; any date after 2023 finds them in force

CENT = Decimal("0.01")


def fen(x: Decimal) -> Decimal:
    """Round half-up to the fen."""
    return x.quantize(CENT, rounding=ROUND_HALF_UP)


def compute(calc: dict) -> Decimal:
    """Recompute a case's figure from its inputs, as the texts state the rule."""
    if calc["prog"] == "gd20":
        return fen(sum(Decimal(c) for c in calc["contracts"]) * GD20_RATE[calc["group"]])
    if calc["prog"] == "yc":
        return fen(min(sum(Decimal(c) for c in calc["contracts"]) * YC_RATE, YC_CAP))
    raise ValueError(calc)


def money_facts(total: Decimal) -> list[str]:
    """Spellings of a yuan figure: 万 (and 亿) forms when short, plain yuan with and without commas."""
    plain = format(total.normalize(), "f")
    if "." in plain:
        whole, frac = plain.split(".")
        comma = f"{int(whole):,}.{frac}"
    else:
        comma = f"{int(plain):,}"
    out = []
    wan = total / Decimal(10000)
    if wan == wan.quantize(CENT):
        out.append(format(wan.normalize(), "f") + "万")
    yi = total / Decimal(100000000)
    if total >= Decimal(100000000) and yi == yi.quantize(CENT):
        out.insert(0, format(yi.normalize(), "f") + "亿")
    out += [plain, comma] if comma != plain else [plain]
    return out


P70 = ["70%", "70％", "百分之七十"]
P80 = ["80%", "80％", "百分之八十"]
P50 = ["50%", "50％", "百分之五十"]


def qa(id_, question, doc, articles, facts, kind, **kw):
    return {"section": "qa", "id": id_, "question": question, "doc": doc, "articles": articles,
            "facts": facts, "kind": kind, **kw}


def nl(id_, question, doc, articles, kind, calc, note, **kw):
    total = compute(calc)
    return {"section": "nl_estimates", "id": id_, "question": question, "doc": doc, "articles": articles,
            "facts": [money_facts(total)], "kind": kind, "total_cny": f"{total:.2f}", "calc": calc,
            "note": note, **kw}


def para(base: dict, questions: list[str], kinds: list[str] | None = None, verdicts: list[str] | None = None):
    """Three paraphrases of a case: same facts, article, verdict and figure; one group."""
    out = []
    for i, q in enumerate(questions, 1):
        c = copy.deepcopy(base)
        c["id"], c["question"], c["group"] = f"{base['id']}-p{i}", q, base["id"]
        if kinds:
            c["kind"] = kinds[i - 1]
        if verdicts:
            c["verdict"] = verdicts[i - 1]
        out.append(c)
    base["group"] = base["id"]
    return out


CASES: list[dict] = []


def add(*cases):
    CASES.extend(cases)
    return cases[0]


# ---------------------------------------------------------------------------------------------
# Guangdong 2020 (粤工信办函〔2020〕37号): questions
# ---------------------------------------------------------------------------------------------
G = "gd20"
b = add(qa("gd20-001", "广东省2020年上云上平台服务券，珠三角地区的奖补比例是多少？", G, ["四、奖补标准"], [P70], "rate"))
add(*para(b, [
    "2020年省里的服务券，珠三角的企业按合同额补几成？",
    "粤工信办函〔2020〕37号规定，广州、佛山这类珠三角城市的工业企业奖补比例是多少？",
    "珠三角工业企业用服务券买目录里的上云产品，省里按百分之几奖补？",
], kinds=["colloquial", "rate", "rate"]))
add(qa("gd20-002", "粤东西北地区的工业企业申领2020年服务券，奖补比例是多少？", G, ["四、奖补标准"], [P80], "rate"))
add(qa("gd20-003", "产业集群试点企业的2020年上云上平台服务券奖补比例是多少？", G, ["四、奖补标准"], [P80], "rate"))
add(qa("gd20-004", "2020年服务券的奖补是按什么金额的一定比例计算的？", G, ["四、奖补标准"],
       [["项目实际合同额", "实际合同额"]], "definition"))
add(qa("gd20-005", "广东2020年上云上平台服务券每家企业最多能补多少，有没有封顶？", G, ["四、奖补标准"],
       [["未作规定", "未规定", "没有规定"]], "cap", verdict="silent",
       note="四、奖补标准 states only rates of the contract amount; no cap per enterprise anywhere in the text."))
add(qa("gd20-006", "2020年服务券奖补依据的产品目录叫什么？", G, ["四、奖补标准", "附件"],
       [["应用产品目录（2020年）", "应用产品目录(2020年)", "应用产品目录"]], "conditions"))
add(qa("gd20-007", "2020年上云上平台服务券从哪天几点开始申领？", G, ["一、时间安排（一）"],
       [["5月25日"], ["10:00", "10点", "十点", "10：00"]], "deadline", as_of="2020-05-20"))
b = add(qa("gd20-008", "今天还能申领2020年的广东省上云上平台服务券吗？", G, ["一、时间安排（一）"],
           [["9月30日"]], "deadline", as_of="2020-10-15", verdict="no"))
add(*para(b, [
    "十月中旬了，省里2020年的上云服务券还能申请不？",
    "我们厂现在想去领2020年广东的上云上平台服务券，还来得及吗？",
    "2020年工业企业“上云上平台”服务券目前是否仍可申领？",
], kinds=["colloquial", "colloquial", "deadline"]))
add(qa("gd20-009", "现在可以申领2020年广东省上云上平台服务券吗？", G, ["一、时间安排（一）"],
       [["5月25日"], ["9月30日"]], "deadline", as_of="2020-06-10", verdict="yes"))
add(qa("gd20-010", "2020年服务券的兑现时间是什么时候？", G, ["一、时间安排（二）"],
       [["10月8日"], ["2月8日"]], "deadline"))
add(qa("gd20-011", "2020年领的上云上平台服务券，现在还能申请兑现吗？", G, ["一、时间安排（二）"],
       [["2021年2月8日", "2月8日"]], "deadline", as_of="2021-03-01", verdict="no"))
add(qa("gd20-012", "2020年服务券入库和兑现按什么顺序审核？", G, ["一、时间安排（二）"],
       [["时间顺序"]], "principle"))
add(qa("gd20-013", "产业集群试点企业申领2020年服务券有优先吗？", G, ["一、时间安排（二）"],
       [["优先申领"]], "yes-no", verdict="yes"))
add(qa("gd20-014", "2020年特色产业数字化转型试点的工作要求在哪里规定？", G, ["一、时间安排（二）"],
       [["另文通知"]], "process"))
b = add(qa("gd20-015", "深圳的工业企业能申领2020年广东省上云上平台服务券吗？", G, ["二、面向范围"],
           [["深圳市除外"]], "scope", verdict="no"))
add(*para(b, [
    "我们厂在深圳龙岗，省里2020年这批上云服务券我们有份吗？",
    "粤工信办函〔2020〕37号的服务券，深圳市企业可以申请吗？",
    "深圳企业能不能拿广东2020年工业企业上云上平台的服务券？",
], kinds=["colloquial", "scope", "yes-no"]))
add(qa("gd20-016", "2020年上云上平台服务券面向哪些企业？", G, ["二、面向范围"],
       [["工业企业"], ["深圳市除外"]], "scope"))
add(qa("gd20-017", "2020年服务券里说的“工业企业”按什么文件界定？", G, ["二、面向范围"],
       [["服务券奖补工作方案（2019）", "服务券奖补工作方案(2019)"]], "definition"))
add(qa("gd20-018", "特色产业数字化转型服务券面向哪些企业？", G, ["二、面向范围"],
       [["产业链企业"]], "scope"))
add(qa("gd20-019", "2020年服务券各地市的额度是怎么定的？", G, ["三、额度安排（一）"],
       [["工业经济发展水平"], ["动态调整"]], "quota"))
b = add(qa("gd20-020", "国家级“跨行业、跨领域”工业互联网平台商的2020年服务券初始限额是多少？", G,
           ["三、额度安排（二）"], [["800万", "8000000", "8,000,000"]], "quota"))
add(*para(b, [
    "三大电信运营商这类平台商，2020年服务券一开始给多少额度？",
    "2020年省服务券里，工业互联网平台商的初始限额定了多少钱？",
    "双跨平台商在2020年上云上平台服务券中最初能发放多少额度？",
]))
add(qa("gd20-021", "不是平台商的其他工业互联网供应商，2020年服务券初始限额是多少？", G, ["三、额度安排（二）"],
       [["500万", "5000000", "5,000,000"]], "quota"))
add(qa("gd20-022", "供应商被用户投诉举报了，2020年服务券的发放限额会受影响吗？", G, ["三、额度安排（二）"],
       [["投诉举报"]], "penalty", verdict="yes"))
add(qa("gd20-023", "2019年已经通过上云上平台供应商产品审核的，2020年还要重新审核吗？", G, ["五、产品目录（一）"],
       [["不再审核"]], "yes-no", verdict="no"))
add(qa("gd20-024", "我们是2019年审核通过的供应商，产品2020年怎么上架到省平台？", G, ["五、产品目录（一）"],
       [["直接"], ["上架"]], "colloquial"))
add(qa("gd20-025", "集群试点的服务券产品目录怎么确定？", G, ["五、产品目录（一）"],
       [["一行一策"]], "principle"))
add(qa("gd20-026", "2019年上云上平台供应商要变更公司名称，变更申请最晚什么时候提交？", G, ["五、产品目录（二）"],
       [["5月20日"]], "deadline", as_of="2020-05-15"))
add(qa("gd20-027", "上云上平台供应商申请调整代理商，需要附哪些材料？", G, ["五、产品目录（二）"],
       [["详细清单"], ["证明文件"]], "materials"))
add(qa("gd20-028", "供应商产品下架的变更申请交到哪里？", G, ["五、产品目录（二）"],
       [["工业互联网处"], ["邮箱"]], "process"))
add(qa("gd20-029", "2020年广东省工业互联网产业生态供给资源池暨上云上平台供应商申报预计什么时候启动？", G,
       ["五、产品目录（二）"], [["2020年7月", "7月"]], "deadline"))
add(qa("gd20-030", "广东省工业互联网应用服务平台的网址是什么？", G, ["五、产品目录（二）"],
       [["syspt.aiigd.cn"]], "contacts"))
add(qa("gd20-031", "企业在哪里申领2020年上云上平台服务券？", G, ["六、工作要求", "五、产品目录（一）"],
       [["广东省工业互联网应用服务平台"]], "process"))
add(qa("gd20-032", "老板让我去弄省里的上云服务券，具体咋申请？", G, ["六、工作要求"],
       [["登录"], ["填报资料"]], "colloquial"))
add(qa("gd20-033", "地市工信部门在2020年服务券工作中要做哪些事？", G, ["六、工作要求"],
       [["宣贯"], ["规定时间内办结"]], "process"))
add(qa("gd20-034", "2020年服务券申领工作的联系人是谁，电话多少？", G, ["落款"],
       [["刘理军", "刘坤东"], ["13265372518", "020-83133375"]], "contacts"))
add(qa("gd20-035", "2020年服务券申领通知的文号是什么，是根据哪个方案组织的？", G, ["导语"],
       [["粤工信办函〔2020〕37号", "37号"], ["1553号"]], "definition"))
add(qa("gd20-036", "广东省2020年发上云上平台服务券是为了什么？", G, ["导语"],
       [["纾难解困"]], "principle"))
add(qa("gd20-037", "在珠三角的产业集群试点企业，2020年服务券按70%还是80%奖补？", G, ["四、奖补标准"],
       [P80], "rate", note="四、奖补标准: 产业集群试点 is named with 粤东西北 at 80 %, wherever the pilot is."))
add(qa("gd20-038", "我们厂在揭阳，用省里2020年的券上云，能报几成？", G, ["四、奖补标准"], [P80], "colloquial"))
add(qa("gd20-039", "上云上平台供应商的服务券实际发放限额依据什么调整？", G, ["三、额度安排（二）"],
       [["抽查"], ["用户评价"]], "quota"))
add(qa("gd20-040", "2020年服务券领到了，啥时候能去兑钱？", G, ["一、时间安排（二）"],
       [["10月8日"], ["2月8日"]], "colloquial"))
add(qa("gd20-041", "2020年上云上平台服务券申领通知是哪天印发的？", G, ["落款"],
       [["2020年5月14日", "5月14日"]], "definition"))
add(qa("gd20-042", "我们厂在深圳宝安，上云合同20万元，2020年省服务券能补多少？", G, ["二、面向范围"],
       [["深圳市除外"]], "scope", verdict="no",
       note="二、面向范围: 深圳市除外; no figure is due."))

# Guangdong 2020: amounts. 珠三角: 广州 深圳 珠海 佛山 惠州 东莞 中山 江门 肇庆 (70 %);
# 粤东西北: 汕头 汕尾 潮州 揭阳 湛江 茂名 阳江 韶关 河源 梅州 清远 云浮 (80 %); 产业集群试点 80 %.
A = ["四、奖补标准"]
add(nl("gd20-101", "江门一家工业企业2020年买上云产品，合同额18万元，服务券能奖补多少？", G, A, "amount",
       {"prog": "gd20", "group": "prd", "contracts": ["180000"]}, "江门属珠三角: 180000 × 70% = 126000.00"))
b = add(nl("gd20-102", "湛江的制造企业上云上平台项目合同额25万元，2020年服务券能奖补多少？", G, A, "amount",
           {"prog": "gd20", "group": "ewn", "contracts": ["250000"]}, "湛江属粤东西北: 250000 × 80% = 200000.00"))
add(*para(b, [
    "我们厂在湛江，上云合同签了25万，省里的服务券能给多少钱？",
    "粤西湛江一家工业企业，项目实际合同额250000元，按2020年服务券标准奖补多少？",
    "湛江工业企业申领2020年上云上平台服务券，合同二十五万元，能拿到多少奖补？",
], kinds=["colloquial", "amount", "numerals"]))
add(nl("gd20-103", "中山的工业企业上云合同额6.5万元，2020年服务券补多少？", G, A, "amount",
       {"prog": "gd20", "group": "prd", "contracts": ["65000"]}, "中山属珠三角: 65000 × 70% = 45500.00"))
add(nl("gd20-104", "韶关企业2020年服务券项目实际合同额33333元，能奖补多少？", G, A, "amount",
       {"prog": "gd20", "group": "ewn", "contracts": ["33333"]}, "韶关属粤东西北: 33333 × 80% = 26666.40"))
add(nl("gd20-105", "东莞一家工厂上云上平台项目合同两千万，2020年服务券能补多少？", G, A, "numerals",
       {"prog": "gd20", "group": "prd", "contracts": ["20000000"]},
       "两千万 = 20000000; 东莞属珠三角: × 70% = 14000000.00 (文件未规定单个企业上限)"))
add(nl("gd20-106", "肇庆的工业企业签了三百五十万的上云合同，2020年省服务券奖补多少？", G, A, "numerals",
       {"prog": "gd20", "group": "prd", "contracts": ["3500000"]},
       "三百五十万 = 3500000; 肇庆属珠三角: × 70% = 2450000.00"))
add(nl("gd20-107", "梅州企业上云上平台合同额九万八千元，2020年服务券补多少钱？", G, A, "numerals",
       {"prog": "gd20", "group": "ewn", "contracts": ["98000"]}, "九万八千元 = 98000; 梅州属粤东西北: × 80% = 78400.00"))
add(nl("gd20-108", "汕头一家工业企业上云合同一十二万三千元，2020年服务券能奖补多少？", G, A, "numerals",
       {"prog": "gd20", "group": "ewn", "contracts": ["123000"]},
       "一十二万三千元 = 123000; 汕头属粤东西北: × 80% = 98400.00"))
add(nl("gd20-109", "佛山一家大型制造企业上云上平台项目合同额1.5亿元，2020年服务券奖补多少？", G, A, "numerals",
       {"prog": "gd20", "group": "prd", "contracts": ["150000000"]},
       "1.5亿 = 150000000; 佛山属珠三角: × 70% = 105000000.00 (文件未规定单个企业上限)"))
add(nl("gd20-110", "珠海的企业上云合同八万，2020年服务券能补多少？", G, A, "numerals",
       {"prog": "gd20", "group": "prd", "contracts": ["80000"]}, "八万 = 80000; 珠海属珠三角: × 70% = 56000.00"))
add(nl("gd20-111", "广州的产业集群试点企业，上云上平台合同六十万，2020年服务券补多少？", G, A, "numerals",
       {"prog": "gd20", "group": "pilot", "contracts": ["600000"]},
       "六十万 = 600000; 产业集群试点 80% (not 珠三角 70%): × 80% = 480000.00"))
add(nl("gd20-112", "佛山的企业属于产业集群试点，上云合同额40万元，2020年服务券能奖补多少？", G, A, "amount",
       {"prog": "gd20", "group": "pilot", "contracts": ["400000"]},
       "产业集群试点 80%: 400000 × 80% = 320000.00 (not 70% = 280000)"))
add(nl("gd20-113", "清远的产业集群试点企业，上云合同15万元，2020年服务券补多少？", G, A, "amount",
       {"prog": "gd20", "group": "pilot", "contracts": ["150000"]},
       "清远属粤东西北, also a pilot: both 80%: 150000 × 80% = 120000.00"))
add(nl("gd20-114", "河源一家工业企业2020年用服务券买了两项目录产品：云MES合同12万元、云ERP合同8万元，一共能奖补多少？",
       G, A, "amount-multi-line", {"prog": "gd20", "group": "ewn", "contracts": ["120000", "80000"]},
       "河源属粤东西北: 120000 × 80% = 96000; 80000 × 80% = 64000; total 160000.00 (no cap)"))
add(nl("gd20-115", "中山企业2020年申领了两张服务券，一个项目合同3万元、另一个4.5万元，合计奖补多少？",
       G, A, "amount-multi-line", {"prog": "gd20", "group": "prd", "contracts": ["30000", "45000"]},
       "中山属珠三角: 30000 × 70% = 21000; 45000 × 70% = 31500; total 52500.00"))
add(nl("gd20-116", "广州的工业企业上云上平台项目合同额100万元，2020年服务券能补多少？", G, A, "amount",
       {"prog": "gd20", "group": "prd", "contracts": ["1000000"]},
       "广州属珠三角: 1000000 × 70% = 700000.00 (文件未规定单个企业上限)"))
add(nl("gd20-117", "茂名企业买了一款目录内的云产品，合同额9999元，2020年服务券奖补多少？", G, A, "amount",
       {"prog": "gd20", "group": "ewn", "contracts": ["9999"]}, "茂名属粤东西北: 9999 × 80% = 7999.20"))
add(nl("gd20-118", "老板问：我们阳江的厂上了个云MES，合同13万，省里2020年的券能给几个钱？", G, A, "colloquial",
       {"prog": "gd20", "group": "ewn", "contracts": ["130000"]}, "阳江属粤东西北: 130000 × 80% = 104000.00"))
add(nl("gd20-119", "惠州工业企业2020年上云合同额30万元，服务券奖补金额是多少？", G, A, "amount",
       {"prog": "gd20", "group": "prd", "contracts": ["300000"]}, "惠州属珠三角: 300000 × 70% = 210000.00"))
add(nl("gd20-120", "潮州的陶瓷厂上云上平台合同额5万元，2020年服务券补多少？", G, A, "amount",
       {"prog": "gd20", "group": "ewn", "contracts": ["50000"]}, "潮州属粤东西北: 50000 × 80% = 40000.00"))

# ---------------------------------------------------------------------------------------------
# Guangdong 2018 (粤经信办函〔2018〕348号): the supplier resource pool
# ---------------------------------------------------------------------------------------------
G = "gd18"
b = add(qa("gd18-001", "到2020年广东省要培育多少家工业互联网平台商和服务商？", G, ["一、工作目标"],
           [["20家", "20 家", "二十家"], ["200家", "200 家", "二百家"]], "target"))
add(*para(b, [
    "省资源池方案的工作目标里，平台商和服务商各要培育几家？",
    "粤经信办函〔2018〕348号提出到2020年培育多少工业互联网平台商、多少服务商？",
    "资源池优秀供应商培育方案的数量目标是什么？",
]))
add(qa("gd18-002", "省优秀供应商包括哪几类企业？", G, ["一、工作目标"], [["平台商"], ["服务商"]], "definition"))
add(qa("gd18-003", "“省资源池”是什么的简称？", G, ["导语"], [["广东省工业互联网产业生态供给资源池"]], "definition"))
add(qa("gd18-004", "省资源池优秀供应商培育工作坚持什么原则？", G, ["二、重点工作"], [["以用促建"]], "principle"))
b = add(qa("gd18-005", "省资源池企业认定由谁组织，每年开展几次？", G, ["二、重点工作（一）"],
           [["省联盟", "广东省工业互联网产业联盟"], ["1-2次", "1-2 次", "1至2次", "一至两次", "1～2次"]], "process"))
add(*para(b, [
    "资源池认定一年搞几回？具体是哪个单位在组织？",
    "想进广东省资源池，一年有几次认定机会，由谁承办？",
    "广东工业互联网产业生态供给资源池企业认定的频次和组织单位是什么？",
], kinds=["colloquial", "colloquial", "process"]))
add(qa("gd18-006", "省资源池企业认定要求产品具备哪些特征？", G, ["二、重点工作（一）"],
       [["低成本"], ["强安全"]], "conditions"))
add(qa("gd18-007", "省资源池认定重点鼓励哪类企业申报？", G, ["二、重点工作（一）"], [["创新创业型"]], "conditions"))
add(qa("gd18-008", "省资源池企业认定以什么为基础、以什么为关键？", G, ["二、重点工作（一）"],
       [["工业物联"], ["数据采集"]], "principle"))
add(qa("gd18-009", "资源池认定中的服务产品以什么为重点？", G, ["二、重点工作（一）"],
       [["SaaS"], ["微服务"]], "conditions"))
add(qa("gd18-010", "省资源池企业评价多久开展一次，依托什么数据？", G, ["二、重点工作（二）"],
       [["每年"], ["实际市场数据"]], "process"))
add(qa("gd18-011", "资源池企业评价结果分为哪几个档次？", G, ["二、重点工作（二）"],
       [["优秀供应商"], ["合格供应商"], ["不合格供应商"]], "definition"))
add(qa("gd18-012", "资源池企业年度评价被评为不合格会有什么后果？", G, ["二、重点工作（二）"], [["淘汰"]], "penalty"))
add(qa("gd18-013", "资源池企业改了名字或者股权结构有重大变化，要怎么办？", G, ["二、重点工作（二）"],
       [["及时"], ["省联盟"]], "process"))
add(qa("gd18-014", "资源池企业业务方向发生重大变更，参加评价时要提交什么？", G, ["附件2 二"],
       [["申请变更请示"], ["更新后完整材料"]], "materials"))
add(qa("gd18-015", "市资源池主要包括哪些单位？", G, ["二、重点工作（三）"],
       [["实施与运维单位"], ["咨询诊断单位"], ["后备企业"]], "definition"))
b = add(qa("gd18-016", "已经入选省资源池的企业，还需要再申报市资源池吗？", G, ["二、重点工作（三）"],
           [["无需重复申报", "自动进入市资源池"]], "yes-no", verdict="no"))
add(*para(b, [
    "进了省资源池，市里的资源池要另外报吗？",
    "我们公司已经在省资源池名单里了，市级供给资源池还得再报一次吗？",
    "入选省资源池后，是否需要重复申报市级工业互联网产业生态供给资源池？",
], kinds=["yes-no", "colloquial", "yes-no"]))
b = add(qa("gd18-017", "地市出台工业互联网扶持政策时，能不能对外地注册的省资源池企业区别对待？", G,
           ["二、重点工作（四）"], [["不得"], ["歧视性", "差异化"]], "prohibition", verdict="no"))
add(*para(b, [
    "外地注册的省资源池企业来我们市发展，市里能限制它享受本地政策吗？",
    "各地市可以设条款只扶持本地注册的资源池企业吗？",
    "地级市制定支持工业互联网的政策，可否对非本地注册的资源池企业采取差异化措施？",
]))
add(qa("gd18-018", "省资源池企业的资质在全省是否互认？", G, ["二、重点工作（四）"], [["全省互认"]], "yes-no",
       verdict="yes"))
add(qa("gd18-019", "年度评价优秀的供应商，省里有哪几方面扶持？", G, ["二、重点工作（五）"],
       [["供需精准对接"], ["上云推广试点"], ["人才融资对接"], ["宣传推广"]], "scope"))
add(qa("gd18-020", "优秀供应商牵头实施的上云上平台服务券有什么优待？", G, ["二、重点工作（五）"],
       [["优先发放和结算", "优先发放"]], "scope"))
add(qa("gd18-021", "优秀供应商的专家能进广东省工业互联网专家委员会吗？", G, ["二、重点工作（五）"],
       [["优先推荐"]], "yes-no", verdict="yes"))
add(qa("gd18-022", "省里会帮优秀供应商对接产业基金和投融资机构吗？", G, ["二、重点工作（五）"],
       [["政策性产业基金", "投融资机构"]], "yes-no", verdict="yes"))
add(qa("gd18-023", "省里给优秀供应商统一印发的名录叫什么？", G, ["二、重点工作（五）"],
       [["优秀供应商推荐名录"]], "definition"))
add(qa("gd18-024", "申报省资源池要准备什么材料，交给哪一级部门？", G, ["附件1 二"],
       [["纸质和电子材料"], ["县（市、区）", "县(市、区)"]], "materials"))
add(qa("gd18-025", "东莞的企业申报省资源池，也是先交到县区经信部门吗？", G, ["附件1 二"],
       [["径向市", "直接向市"]], "yes-no", verdict="no"))
add(qa("gd18-026", "县区经信部门收到资源池申报材料后怎么处理？", G, ["附件1 三"],
       [["地市经济和信息化主管部门"]], "process"))
add(qa("gd18-027", "地市经信部门对资源池申报材料做什么审查？", G, ["附件1 四"],
       [["合规性审查"], ["推荐意见"]], "process"))
add(qa("gd18-028", "省资源池评审的专家从哪里来？", G, ["附件1 五"],
       [["包括但不限于"], ["专家委员会"]], "process"))
add(qa("gd18-029", "申报资源池的企业可以要求评审专家回避吗？", G, ["附件1 五"],
       [["回避请求"], ["列明原因"]], "yes-no", verdict="yes"))
add(qa("gd18-030", "跟申报企业有关联的专家能参加资源池评审吗？", G, ["附件1 五"], [["回避"]], "yes-no", verdict="no"))
add(qa("gd18-031", "资源池认定评审主要看哪些指标？", G, ["附件1 六"],
       [["核心团队"], ["商业模式"], ["应用案例"]], "conditions"))
add(qa("gd18-032", "我们公司报了省资源池，后面还要去答辩吗？", G, ["附件1 六"], [["现场答辩"]], "colloquial",
       verdict="yes"))
add(qa("gd18-033", "资源池拟认定名单会向社会公示吗？", G, ["附件1 八"], [["公示"]], "yes-no", verdict="yes"))
add(qa("gd18-034", "对资源池拟认定名单有异议，什么时候提、要交什么？", G, ["附件1 九"],
       [["公示期内"], ["加盖公章"]], "deadline"))
add(qa("gd18-035", "省资源池认定结果由谁正式公布？", G, ["附件1 十", "二、重点工作（一）"],
       [["省经济和信息化委"]], "process"))
add(qa("gd18-036", "参加资源池年度评价，评价申请交给哪个部门？", G, ["附件2 二"],
       [["地市经济和信息化主管部门"]], "process"))
b = add(qa("gd18-037", "省资源池企业年度评价的指标主要有哪些？", G, ["附件2 四"],
           [["标杆项目实施情况"], ["客户评价反馈"]], "conditions"))
add(*para(b, [
    "资源池企业评价主要看什么？",
    "省联盟给资源池供应商做评价，依据哪些指标？",
    "资源池里的供应商每年被考核哪些方面？",
], kinds=["colloquial", "conditions", "colloquial"]))
add(qa("gd18-038", "省联盟报送资源池评价结果时要附上什么？", G, ["附件2 五"], [["评价依据"]], "materials"))
add(qa("gd18-039", "对资源池评价的公示结果有异议怎么办？", G, ["附件2 七"],
       [["公示期内"], ["加盖公章"]], "process"))
add(qa("gd18-040", "资源池优秀供应商培育工作方案的联系人和电话是什么？", G, ["印发通知"],
       [["刘坤东"], ["020-83133375", "83133375"]], "contacts"))
add(qa("gd18-041", "资源池优秀供应商培育工作方案的文号和印发日期是什么？", G, ["印发通知"],
       [["348号", "348 号"], ["9月5日", "9 月 5 日"]], "definition"))
add(qa("gd18-042", "广东省资源池培育工作方案是为落实哪个文件制定的？", G, ["导语", "印发通知"],
       [["粤府〔2018〕23", "23号", "23 号"]], "principle"))
add(qa("gd18-043", "省资源池认定提倡用服务费替代什么？", G, ["二、重点工作（一）"], [["软硬件费用"]], "principle"))
add(qa("gd18-044", "我们是做工业APP的小公司，想进省资源池，材料先交给谁？", G, ["附件1 二"],
       [["县（市、区）", "县(市、区)"]], "colloquial"))
add(qa("gd18-045", "评为优秀的资源池企业申报国家级工业互联网平台有优先吗？", G, ["二、重点工作（五）"],
       [["国家级工业互联网平台"]], "yes-no", verdict="yes"))
add(qa("gd18-046", "省资源池的申报通知由谁发布？", G, ["附件1 一"], [["省经济和信息化委"], ["申报通知"]], "process"))
add(qa("gd18-047", "资源池评审结果由谁报给省经信委？", G, ["附件1 七"], [["产业联盟"]], "process"))
add(qa("gd18-048", "资源池年度评价通知由哪个部门发布？", G, ["附件2 一"], [["省经济和信息化委"]], "process"))
add(qa("gd18-049", "地市经信部门审查资源池评价材料后，报给谁、抄送谁？", G, ["附件2 三"],
       [["省经济和信息化委"], ["产业联盟"]], "process"))
add(qa("gd18-050", "资源池评价的标准和流程由谁审议，结果公示吗？", G, ["附件2 六"],
       [["审议"], ["公示"]], "process"))

# ---------------------------------------------------------------------------------------------
# Yichun 2023 (伊春市支持工业企业上云补助实施细则)
# ---------------------------------------------------------------------------------------------
G = "yc"
Y = {"as_of": YC_AS_OF}
b = add(qa("yc-001", "伊春市工业企业上云补助按合同额的多少比例补？", G, ["一、补助标准"], [P50], "rate", **Y))
add(*para(b, [
    "伊春企业第一次买云服务，政府给补百分之几？",
    "伊春上云补助是云服务合同额的几成？",
    "黑龙江伊春的工业企业上云，按合同金额补助的比例是多少？",
], kinds=["colloquial", "rate", "rate"]))
add(qa("yc-002", "伊春上云补助单户企业最高补多少？", G, ["一、补助标准"], [["10万", "100000", "100,000"]], "cap", **Y))
add(qa("yc-003", "伊春的上云补助里，“上云”包括哪些方面？", G, ["一、补助标准"],
       [["管理"], ["设备"], ["产品"]], "definition", **Y))
add(qa("yc-004", "伊春企业上云后要达到什么要求才给补助？", G, ["一、补助标准"],
       [["达到合同服务要求", "合同服务要求"]], "conditions", **Y))
add(qa("yc-005", "伊春企业以前用过云服务，这次换一家云服务商，还能申请上云补助吗？", G,
       ["二、申报条件（四）", "一、补助标准"], [["首次"]], "yes-no", verdict="no", **Y))
add(qa("yc-006", "伊春一家工厂的分公司（没有独立法人资格）能申请上云补助吗？", G, ["二、申报条件（一）"],
       [["独立法人"]], "yes-no", verdict="no", **Y))
b = add(qa("yc-007", "伊春一家企业成立才8个月，能申请上云补助吗？", G, ["二、申报条件（二）"],
           [["不低于1年", "1年"]], "yes-no", verdict="no", **Y))
add(*para(b, [
    "刚成立半年的伊春工业企业可以申报上云补助吗？",
    "伊春上云补助对成立年限有要求吗？不满一年的企业行不行？",
    "成立不足一年的伊春工业企业，是否符合上云补助的申报条件？",
], kinds=["yes-no", "colloquial", "conditions"]))
add(qa("yc-008", "伊春企业有过失信记录，还能拿上云补助吗？", G, ["二、申报条件（五）"], [["失信"]], "yes-no",
       verdict="no", **Y))
add(qa("yc-009", "伊春上云补助通过什么途径查企业有没有失信？", G, ["二、申报条件（五）"],
       [["信用中国"], ["国家企业信用信息公示系统"]], "conditions", **Y))
add(qa("yc-010", "伊春企业三年前挪用财政专项资金被查处过，还能申请上云补助吗？", G, ["二、申报条件（三）"],
       [["近5年", "5年"], ["财政资金"]], "yes-no", verdict="no", **Y))
add(qa("yc-011", "伊春上云补助一户企业能申领几次？", G, ["二、申报条件（六）"],
       [["一次"], ["不得重复申领"]], "prohibition", **Y))
add(qa("yc-012", "伊春企业去年拿过上云补助，今年续签云服务合同还能再补吗？", G, ["二、申报条件（六）"],
       [["只能申领一次", "不得重复申领"]], "yes-no", verdict="no", **Y))
add(qa("yc-013", "伊春上云补助面向什么样的企业？", G, ["二、申报条件（一）"],
       [["工业企业"], ["独立法人"]], "scope", **Y))
add(qa("yc-014", "伊春开饭店的餐饮企业能申请上云补助吗？", G, ["二、申报条件（一）", "一、补助标准"],
       [["工业企业"]], "scope", verdict="no", **Y))
add(qa("yc-015", "伊春上云补助的申报条件有哪些？", G, ["二、申报条件"],
       [["独立法人"], ["不低于1年"], ["首次购买"]], "conditions", **Y))
add(qa("yc-016", "给伊春企业提供云服务的公司，什么时候要去备案、找哪个部门？", G, ["三、申报审核流程（一）"],
       [["签订服务合同前", "合同前"], ["工信局"]], "deadline", **Y))
add(qa("yc-017", "伊春企业选择合作的云服务商应具备哪些条件？", G, ["三、申报审核流程（一）"],
       [["诚信度好"], ["安全保障能力"], ["专业技术服务团队"]], "conditions", **Y))
add(qa("yc-018", "伊春备案的云服务商在安全方面有什么要求？", G, ["三、申报审核流程（一）4"],
       [["数据接入安全"], ["安全资质材料"]], "conditions", **Y))
add(qa("yc-019", "伊春的云服务商要能提供哪些云资源？", G, ["三、申报审核流程（一）2"],
       [["基础设施"], ["存储"]], "conditions", **Y))
add(qa("yc-020", "我们是云服务商，想在伊春备案，得准备啥？", G, ["三、申报审核流程（二）"],
       [["备案申报书"], ["财务报表"], ["材料真实性承诺"]], "colloquial", **Y))
add(qa("yc-021", "云服务商到伊春备案，应用典型案例最少要几个？", G,
       ["三、申报审核流程（二）4", "附件1 三、主要产品或服务应用情况（三）"],
       [["3例", "3 例", "三例"]], "materials", **Y))
add(qa("yc-022", "伊春云服务商备案要提供哪些资质证明？", G, ["三、申报审核流程（二）3"],
       [["软件产品登记证"], ["可信云认证"]], "materials", **Y))
add(qa("yc-023", "伊春云服务商备案的产品或服务目录要写什么内容？", G, ["三、申报审核流程（二）5"],
       [["功能简介"], ["产品报价"]], "materials", **Y))
add(qa("yc-024", "伊春备案要求云服务商提供针对本地企业的什么政策和方案？", G, ["三、申报审核流程（二）"],
       [["优惠政策"], ["推广及培训方案"]], "materials", **Y))
b = add(qa("yc-025", "伊春企业申请上云补助需要提交哪些材料？", G, ["三、申报审核流程（三）"],
           [["兑付申请表"], ["服务合同"], ["收付款凭证"]], "materials", **Y))
add(*para(b, [
    "伊春上云补助申报要交啥材料？",
    "我们厂想申请伊春的上云补助，得准备哪些东西？",
    "伊春工业企业申领上云补助的申报材料清单是什么？",
], kinds=["colloquial", "colloquial", "materials"]))
add(qa("yc-026", "伊春上云补助申报要不要交上云效果方面的材料？", G, ["三、申报审核流程（三）4"],
       [["上云情况总结与评价"]], "materials", verdict="yes", **Y))
add(qa("yc-027", "伊春上云补助由哪些部门组织企业申报，审核些什么？", G, ["三、申报审核流程（四）"],
       [["上云效果"], ["服务质量"]], "process", **Y))
add(qa("yc-028", "伊春上云补助的钱最后由哪个部门拨付？", G, ["三、申报审核流程（五）"], [["市财政局"]], "process", **Y))
add(qa("yc-029", "伊春上云补助的拟补贴名单由谁提出？", G, ["三、申报审核流程（五）"],
       [["市工信局会同市财政局"]], "process", **Y))
add(qa("yc-030", "伊春上云补助资金是打给企业还是打给云服务商？", G, ["三、申报审核流程（五）"],
       [["拨付资金"]], "yes-no", verdict="silent",
       note="三（五） says only 市财政局拨付资金; 三（三） has the enterprise file the 兑付申请表, whose form (附件2) "
            "is filled by the 云服务商. The recipient is not stated.", **Y))
add(qa("yc-031", "伊春上云补助实施细则由哪个部门负责解释？", G, ["四、附则（一）"],
       [["市工信局、市财政局", "市工信局"]], "definition", **Y))
add(qa("yc-032", "伊春上云补助细则什么时候开始施行？", G, ["四、附则（二）"],
       [["自发布之日起施行"]], "deadline", **Y))
b = add(qa("yc-033", "伊春上云补助细则和现行其他政策规定不一致时怎么执行？", G, ["四、附则（二）"],
           [["就高不重复"]], "principle", **Y))
add(*para(b, [
    "伊春这个上云补助要是跟别的政策标准不一样，按哪个来？",
    "伊春细则与现行政策冲突时按什么原则处理？",
    "伊春上云补助和其他现行政策不一致的，适用什么原则？",
], kinds=["colloquial", "principle", "principle"]))
add(qa("yc-034", "伊春上云补助能和其他现行政策的同类补贴重复享受吗？", G, ["四、附则（二）"],
       [["就高不重复"]], "yes-no", verdict="no", **Y))
add(qa("yc-035", "伊春上云补助找哪个部门咨询，电话多少？", G, ["五、联系方式"],
       [["信息化推进科"], ["0458-3878126", "3878126"]], "contacts", **Y))
add(qa("yc-036", "伊春云服务商备案申报书里企业及平台简介限多少字？", G, ["附件1 一、基本情况"],
       [["300字", "300 字"]], "materials", **Y))
add(qa("yc-037", "在伊春备案的云服务商要同意向市工信局推送什么数据？", G, ["附件1 一、基本情况"],
       [["数据接口"], ["上云企业基本信息"]], "conditions", **Y))
add(qa("yc-038", "伊春云服务商备案要提供哪几年的财务审计报告？", G, ["附件1 六、相关证明材料2"],
       [["2020"], ["2021"]], "materials", **Y))
add(qa("yc-039", "云服务商给伊春企业的上云优惠政策要承诺什么？", G, ["附件1 五、优惠政策"],
       [["承诺能够兑现", "兑现"]], "conditions", **Y))
add(qa("yc-040", "伊春备案申报书里的典型案例简介要包括哪些内容？", G,
       ["附件1 三、主要产品或服务应用情况（三）"], [["实施日期"], ["费用"], ["效果"]], "materials", **Y))
add(qa("yc-041", "伊春备案申报书对云服务商团队情况要写什么？", G, ["附件1 四、平台技术人员及服务团队（二）"],
       [["团队人数"], ["学历情况"]], "materials", **Y))
add(qa("yc-042", "伊春上云补助兑付申请表要填哪些内容？", G, ["附件2"],
       [["合同金额"], ["兑付金额"], ["上云效果评价"]], "materials", **Y))
add(qa("yc-043", "伊春备案和兑付材料如果弄虚作假，要承担什么责任？", G, ["附件1 一、基本情况", "附件2"],
       [["承担一切责任"]], "penalty", **Y))
add(qa("yc-044", "伊春云服务商备案的证明材料需要哪些证照？", G, ["附件1 六、相关证明材料1"],
       [["营业执照"], ["互联网经营许可证"]], "materials", **Y))
add(qa("yc-045", "伊春备案申报书的研发能力部分要写哪些认证情况？", G, ["附件1 二、技术实力（二）"],
       [["可信云认证"], ["信息安全服务资质认证"]], "materials", **Y))
add(qa("yc-046", "伊春备案申报书的技术架构与具备功能要写什么？", G, ["附件1 二、技术实力（一）"],
       [["核心技术"], ["主要技术指标"]], "materials", **Y))
add(qa("yc-047", "伊春云服务商备案申报书要填哪一年的云业务收入？", G, ["附件1 一、基本情况"],
       [["2021年"]], "materials", **Y))

A = ["一、补助标准"]
add(nl("yc-101", "伊春一家木材加工企业首次上云，云服务合同6万元，补助多少？", G, A, "amount",
       {"prog": "yc", "contracts": ["60000"]}, "60000 × 50% = 30000.00 (under the 100000 cap)", **Y))
b = add(nl("yc-102", "伊春工业企业首次上云，云服务合同额正好20万元，能补多少？", G, A, "amount",
           {"prog": "yc", "contracts": ["200000"]}, "200000 × 50% = 100000.00, exactly the cap", **Y))
add(*para(b, [
    "伊春企业第一次买云，合同额200000元，按细则可获补助多少？",
    "我们伊春的厂签了二十万的上云合同，能补多少钱？",
    "伊春首次上云的工业企业合同额20万元，补助金额是多少？",
], kinds=["amount", "numerals", "amount"]))
add(nl("yc-103", "伊春企业首次上云合同额19.8万元，补助多少？", G, A, "amount",
       {"prog": "yc", "contracts": ["198000"]}, "198000 × 50% = 99000.00 (below the cap)", **Y))
add(nl("yc-104", "伊春一家工厂首次上云签了35万元的云服务合同，能补多少？", G, A, "amount",
       {"prog": "yc", "contracts": ["350000"]}, "350000 × 50% = 175000 > cap: 100000.00", **Y))
add(nl("yc-105", "伊春企业首次购买云服务，合同十五万，补助多少？", G, A, "numerals",
       {"prog": "yc", "contracts": ["150000"]}, "十五万 = 150000; × 50% = 75000.00", **Y))
add(nl("yc-106", "伊春工业企业首次上云合同两万四千元，能拿多少补助？", G, A, "numerals",
       {"prog": "yc", "contracts": ["24000"]}, "两万四千元 = 24000; × 50% = 12000.00", **Y))
add(nl("yc-107", "伊春企业首次上云签了三十万的合同，补助能拿多少？", G, A, "numerals",
       {"prog": "yc", "contracts": ["300000"]}, "三十万 = 300000; × 50% = 150000 > cap: 100000.00", **Y))
add(nl("yc-108", "伊春企业首次购买云计算服务，合同金额八万五千元，补助多少？", G, A, "numerals",
       {"prog": "yc", "contracts": ["85000"]}, "八万五千元 = 85000; × 50% = 42500.00", **Y))
add(nl("yc-109", "我们厂在伊春，头一回买云服务，合同签了12万，能拿几个钱？", G, A, "colloquial",
       {"prog": "yc", "contracts": ["120000"]}, "120000 × 50% = 60000.00", **Y))
add(nl("yc-110", "伊春企业首次上云，云服务合同十万零五百元，补助多少？", G, A, "numerals",
       {"prog": "yc", "contracts": ["100500"]}, "十万零五百元 = 100500; × 50% = 50250.00", **Y))
add(nl("yc-111", "伊春企业第一次上云，同时签了云ERP合同8万元和云存储合同6万元，一并申报能补多少？", G, A,
       "amount-multi-line", {"prog": "yc", "contracts": ["80000", "60000"]},
       "one application, both contracts the first purchase: (80000 + 60000) × 50% = 70000.00, under the cap", **Y))
add(nl("yc-112", "伊春工业企业首次上云，合同额199999元，补助多少？", G, A, "amount",
       {"prog": "yc", "contracts": ["199999"]}, "199999 × 50% = 99999.50 (one yuan below the cap's threshold)", **Y))

# ---------------------------------------------------------------------------------------------
# Conversations: the second turn depends on the first.
# ---------------------------------------------------------------------------------------------


def conv(id_, turns, as_of=None):
    out = {"section": "conversations", "id": id_, "group": id_, "turns": []}
    if as_of:
        out["as_of"] = as_of
    for t in turns:
        turn = {"question": t[0]}
        if isinstance(t[1], dict):
            total = compute(t[1])
            turn["facts"] = [money_facts(total)]
            turn["total_cny"] = f"{total:.2f}"
            turn["note"] = t[2]
            turn["calc"] = t[1]
        else:
            turn["facts"] = t[1]
        out["turns"].append(turn)
    return out


add(
    conv("gd20-c01", [
        ("惠州的工业企业上云上平台项目合同额20万元，2020年服务券补多少？",
         {"prog": "gd20", "group": "prd", "contracts": ["200000"]}, "惠州属珠三角: 200000 × 70% = 140000.00"),
        ("那如果企业在梅州呢？", {"prog": "gd20", "group": "ewn", "contracts": ["200000"]},
         "梅州属粤东西北: 200000 × 80% = 160000.00"),
    ]),
    conv("gd20-c02", [
        ("广东2020年上云上平台服务券，珠三角地区的奖补比例是多少？", [P70]),
        ("那合同额50万元的话能补多少？", {"prog": "gd20", "group": "prd", "contracts": ["500000"]},
         "珠三角: 500000 × 70% = 350000.00"),
    ]),
    conv("gd20-c03", [
        ("2020年上云上平台服务券什么时候开始申领？", [["5月25日"]]),
        ("那兑现时间呢？", [["10月8日"], ["2月8日"]]),
    ], as_of="2020-05-20"),
    conv("gd20-c04", [
        ("清远的工业企业签了12万元的上云合同，2020年省里服务券补多少？",
         {"prog": "gd20", "group": "ewn", "contracts": ["120000"]}, "清远属粤东西北: 120000 × 80% = 96000.00"),
        ("要是厂在佛山呢？", {"prog": "gd20", "group": "prd", "contracts": ["120000"]},
         "佛山属珠三角: 120000 × 70% = 84000.00"),
    ]),
    conv("gd20-c05", [
        ("产业集群试点企业的2020年服务券奖补比例是多少？", [P80]),
        ("试点企业合同额八万五千元能补多少？", {"prog": "gd20", "group": "pilot", "contracts": ["85000"]},
         "八万五千元 = 85000; 产业集群试点 80%: 68000.00"),
    ]),
    conv("gd18-c01", [
        ("省资源池企业认定每年开展几次？", [["1-2次", "1-2 次", "1至2次", "一至两次", "1～2次"]]),
        ("那认定的评审包括哪些环节？", [["书面审查"], ["现场答辩"], ["实地考察"]]),
    ]),
    conv("gd18-c02", [
        ("省资源池企业评价结果分几个档次？", [["优秀"], ["不合格"]]),
        ("被评为不合格会怎么样？", [["淘汰"]]),
    ]),
    conv("yc-c01", [
        ("伊春工业企业上云补助比例是多少？", [P50]),
        ("那签了16万的合同能拿多少？", {"prog": "yc", "contracts": ["160000"]}, "160000 × 50% = 80000.00"),
    ], as_of=YC_AS_OF),
    conv("yc-c02", [
        ("伊春企业上云补助有哪些申报条件？", [["独立法人"]]),
        ("那申报要交什么材料？", [["兑付申请表"], ["收付款凭证"]]),
    ], as_of=YC_AS_OF),
    conv("yc-c03", [
        ("云服务商在伊春备案要交什么材料？", [["备案申报书"]]),
        ("其中典型案例要几个？", [["3例", "3 例", "三例"]]),
    ], as_of=YC_AS_OF),
    conv("yc-c04", [
        ("伊春上云补助单户企业最高多少？", [["10万", "100000", "100,000"]]),
        ("那补过一次之后，第二年还能再申请吗？", [["只能申领一次", "不得重复申领"]]),
    ], as_of=YC_AS_OF),
)

# ---------------------------------------------------------------------------------------------
# Out of scope: other places, other programmes, unrelated requests.
# ---------------------------------------------------------------------------------------------
for id_, q in [
    ("yc-o01", "哈尔滨市企业上云补贴怎么申请？"),
    ("yc-o02", "大庆市工业企业数字化改造补助标准是多少？"),
    ("yc-o03", "伊春市高新技术企业认定奖励多少钱？"),
    ("yc-o04", "帮我写一份伊春三日游旅游攻略。"),
    ("gd20-o01", "广东省2022年上云上平台服务券什么时候申领？"),
    ("gd20-o02", "江门市技术改造设备投资奖补比例是多少？"),
    ("gd20-o03", "广东省专精特新中小企业认定需要什么条件？"),
    ("gd18-o01", "国家级跨行业跨领域工业互联网平台遴选的申报条件是什么？"),
    ("gd18-o02", "小规模纳税人增值税减免政策是怎样的？"),
]:
    add({"section": "out_of_scope", "id": id_, "question": q, "group": id_})

# ---------------------------------------------------------------------------------------------
# Clarify: amount questions that cannot be computed without asking back.
# ---------------------------------------------------------------------------------------------
for id_, q, doc, missing in [
    ("gd20-q01", "我们是广东的工业企业，上云上平台合同额30万元，2020年服务券能补多少？", "gd20",
     "企业所在地市（珠三角70%还是粤东西北80%，深圳市除外），以及是否属于产业集群试点"),
    ("gd20-q02", "厂在广东省内，签了二十万的上云合同，省里服务券补多少钱？", "gd20",
     "企业所在地市（决定70%还是80%；深圳市不在范围内）"),
    ("gd20-q03", "我们在珠海和湛江各有一个厂，上云合同一共40万元，2020年服务券能补多少？", "gd20",
     "40万元中珠海（70%）和湛江（80%）各占多少合同额"),
    ("gd20-q04", "佛山的工业企业申领2020年服务券，能补多少钱？", "gd20",
     "项目实际合同额"),
    ("yc-q01", "伊春的工业企业首次上云，补助能拿多少钱？", "yc",
     "云服务合同额"),
    ("yc-q02", "伊春企业首次上云，目前已经付了5万元，补助多少？", "yc",
     "云服务合同额（补助按合同额计算，已付款5万元不一定是合同额）"),
]:
    add({"section": "clarify", "id": id_, "question": q, "doc": doc, "group": id_, "missing": missing})

# ---------------------------------------------------------------------------------------------
# Conversations whose second turn must be refused.
# ---------------------------------------------------------------------------------------------
for id_, first, second in [
    ("yc-r01", "伊春企业首次上云，补助按什么比例给？", "顺便帮我写一首关于春天的诗。"),
    ("gd20-r01", "2020年上云上平台服务券申领截止到什么时候？", "那明天广州天气怎么样？"),
    ("gd18-r01", "省资源池认定的评审有哪些环节？", "那杭州的企业上云补贴是多少？"),
]:
    add({"section": "conv_refusals", "id": id_, "group": id_,
         "turns": [{"question": first}, {"question": second, "refused": True}]})


# ---------------------------------------------------------------------------------------------
# Checks and output
# ---------------------------------------------------------------------------------------------
def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def check(cases: list[dict]) -> list[str]:
    """Return the defects: unknown labels, facts not in the named articles, figures that disagree."""
    errors: list[str] = []
    ids = Counter(c["id"] for c in cases)
    errors += [f"duplicate id {i}" for i, n in ids.items() if n > 1]
    questions = Counter([c["question"] for c in cases if "question" in c]
                        + [t["question"] for c in cases for t in c.get("turns", [])])
    errors += [f"duplicate question {q}" for q, n in questions.items() if n > 1]
    try:
        sys.path.insert(0, str(ROOT))
        from navigator.corpus import load_corpus
    except ImportError as e:  # pragma: no cover - only without the project's venv
        print(f"label check skipped: {e}", file=sys.stderr)
        return errors
    corpus = load_corpus()
    for c in cases:
        if c.get("kind") and c["kind"] not in KINDS:
            errors.append(f"{c['id']}: unknown kind {c['kind']}")
        if c["section"] in ("qa", "nl_estimates"):
            doc = corpus.docs[DOC_IDS[c["doc"]]]
            texts = []
            for tok in c["articles"]:
                hits = [a for a in doc.articles.values() if tok in a.label]
                if not hits:
                    errors.append(f"{c['id']}: article token {tok!r} is in no label of {DOC_IDS[c['doc']]}")
                texts += [squash(a.text) for a in hits]
            if "total_cny" in c:
                if Decimal(c["total_cny"]) != compute(c["calc"]):
                    errors.append(f"{c['id']}: total_cny disagrees with its inputs")
                continue
            for fact in c["facts"]:
                if not any(squash(alt) in t for alt in fact for t in texts) and not set(fact) & ANSWER_WORDS:
                    errors.append(f"{c['id']}: fact {fact} not in articles {c['articles']}")
        if c["section"] == "conversations":
            whole = "".join(squash(a.text) for d in DOC_IDS.values() for a in corpus.docs[d].articles.values())
            for t in c["turns"]:
                if "total_cny" in t:
                    continue
                for fact in t["facts"]:
                    if not any(squash(alt) in whole for alt in fact):
                        errors.append(f"{c['id']}: fact {fact} not in the texts")
    return errors


def split_of(group: str) -> str:
    return "holdout" if int(hashlib.sha256(group.encode()).hexdigest(), 16) % 2 == 0 else "tune"


FIELD_ORDER = ["id", "question", "doc", "articles", "facts", "as_of", "kind", "group", "verdict", "total_cny",
               "missing", "turns", "note"]


def public(c: dict) -> dict:
    out = {k: c[k] for k in FIELD_ORDER if k in c}
    if "turns" in out:
        out["turns"] = [{k: v for k, v in t.items() if k != "calc"} for t in out["turns"]]
    return out


ABOUT = {
    "holdout": "Held-out evaluation cases read off the Guangdong 2020 (gd20), Guangdong 2018 (gd18) and Yichun "
               "2023 (yc) texts, never used to tune the navigator. Same format as ../shared/eval/dev.json. Groups "
               "(a question with its paraphrases, a conversation) are split by sha256(group) % 2 == 0; the tune "
               "half is tools/cases/tune-guangdong-yichun.json. Built by tools/cases/build_guangdong_yichun.py.",
    "tune": "Tuning cases read off the Guangdong 2020 (gd20), Guangdong 2018 (gd18) and Yichun 2023 (yc) texts; "
            "the other half, tools/cases/holdout-guangdong-yichun.json, is held out. Same format as "
            "../shared/eval/dev.json; groups split by sha256(group) % 2. Built by "
            "tools/cases/build_guangdong_yichun.py.",
}
SECTIONS = ["qa", "nl_estimates", "conversations", "out_of_scope", "clarify", "conv_refusals"]


def build() -> dict[str, dict]:
    files = {s: {"about": ABOUT[s], "docs": DOCS, **{k: [] for k in SECTIONS}} for s in ("holdout", "tune")}
    for c in CASES:
        c.setdefault("group", c["id"])
        files[split_of(c["group"])][c["section"]].append(public(c))
    return files


def report(files: dict[str, dict]) -> None:
    for name, data in files.items():
        print(name, {k: len(data[k]) for k in SECTIONS})
    kinds = Counter((split_of(c["group"]), c["kind"]) for c in CASES if "kind" in c)
    for k in sorted({k for _, k in kinds}):
        print(f"  {k:18} holdout {kinds[('holdout', k)]:3}  tune {kinds[('tune', k)]:3}")
    docs = Counter((c["doc"], "p" if "-p" in c["id"] else "base") for c in CASES if c["section"] in ("qa", "nl_estimates"))
    print("  per doc (base / paraphrases):", {d: (docs[(d, 'base')], docs[(d, 'p')]) for d in ("gd20", "gd18", "yc")})


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--no-check", action="store_true", help="write without checking labels and facts")
    args = ap.parse_args()
    for c in CASES:
        c.setdefault("group", c["id"])
    if not args.no_check:
        errors = check(CASES)
        if errors:
            print("\n".join(errors), file=sys.stderr)
            return 1
    files = build()
    HOLDOUT.write_text(json.dumps(files["holdout"], ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    TUNE.write_text(json.dumps(files["tune"], ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    report(files)
    return 0


if __name__ == "__main__":
    sys.exit(main())
