"""The shared bookkeeping of the held-out case builders (``build_holdout4.py``, ``5``, ``6``).

A builder holds its own cases and hands them over as a :class:`Book`; this module checks them against the
policy texts, recomputes every figure and writes (or, with ``--check``, compares) the case file.

Every case is written in one of five voices: plain questions (``plain``), a helpdesk agent passing on a caller
(``desk``: 客户问… / 来电人说…), keyword queries (``terse``), a factory owner talking (``boss``: 我们厂… 能拿几个钱),
and long questions with the background first (``long``). The voice is kept in the builder and counted in the
summary; the JSON carries the format of ``../shared/eval/dev.json`` plus ``kind``, ``group``, ``as_of``,
``verdict``, ``total_cny`` and ``note`` (the deciding sentence, or the arithmetic behind ``total_cny``).

Before writing, :func:`main` checks, and refuses to write when a check fails:

- every ``articles`` token is a substring of a label the corpus parser gives that document;
- every fact has one spelling in the text of the articles the case names (whitespace-insensitive), or, for an
  amount case, every spelling of the money fact reads as the recomputed figure;
- every quoted deciding sentence (the ``note``) is verbatim in the named articles (whitespace-insensitive);
- every article that carries a rule is named by a case (:attr:`Book.no_rule` lists the labels that carry none);
- every ``total_cny`` written by hand equals a recomputation with plain ``Decimal`` arithmetic from the case's
  inputs (not the product's calculators), following the README's "Reading choices": 以上 includes the number;
  Baiyun 第十二条 caps all lines at 200万 a year; Dongguan caps three years at 20万 together; Guangdong 2020 pays
  70 % (珠三角) or 80 % (粤东西北, 集群试点) with no cap; Yichun pays 50 % up to 10万;
- every amount written in Chinese numerals is in the question and reads back (``cn2an``) as the value used;
- no question equals one of another case file (``../shared/eval/dev.json``, ``tools/cases/*.json``), and none
  appears twice in the book;
- the promised counts (:data:`TARGETS`, :data:`SECTION_SIZES`): 240 questions, 50 yes/no (20 / 20 / 10),
  40 figures (15 over several years, 12 over several Baiyun lines, 8 in Chinese numerals), 30 time questions
  (15 with a date), 20 conversations, 8 ask-backs, 8 out-of-scope questions, 5 conversation refusals.

``--check`` runs the checks and compares the file on disk with what would be written, without writing.

The builders run as scripts, so their own folder is on ``sys.path`` and ``import casebook`` finds this file.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import cn2an

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
CASE_DIR = ROOT / "tools" / "cases"
DEV = ROOT.parent / "shared" / "eval" / "dev.json"

DOC_IDS = {"by": "baiyun-2019", "dg": "dongguan-2015", "gd20": "guangdong-2020", "gd18": "guangdong-2018",
           "yc": "yichun-2023"}
DOC_ALIASES = {"dg": ["东莞", "220号"], "by": ["白云", "云科工商信"], "gd20": ["37号", "2020年工业企业", "粤工信办函"],
               "gd18": ["348号", "资源池", "粤经信办函"], "yc": ["伊春"]}
# The order in which the blocks of single questions are numbered and written.
BLOCK_ORDER = ("by", "dg", "yc", "gd20", "gd18")
VOICES = ("plain", "desk", "terse", "boss", "long")
KINDS = ("rate", "cap", "amount", "amount-multi-line", "amount-multi-year", "numerals", "yes-no", "deadline",
         "penalty", "prohibition", "target", "definition", "contacts", "materials", "process", "conditions",
         "scope", "quota", "principle", "colloquial")

# The promised counts of single questions: at least this many, and exactly this many for the keys in EXACT.
TARGETS = {"questions": 240, "yes": 20, "no": 20, "silent": 10, "figures": 40, "multi-year": 15,
           "multi-line": 12, "numerals": 8, "time": 30, "time with a date": 15}
EXACT = frozenset({"questions", "yes", "no", "silent", "figures", "multi-line", "numerals"})
# The exact number of entries in each of the other sections of the file.
SECTION_SIZES = {"conversations": 20, "clarify": 8, "out_of_scope": 8, "conv_refusals": 5}

# Chapter headings: they carry no rule of their own (their articles are named instead).
CHAPTER_HEADINGS = {
    "by": frozenset({"第一章 总则", "第二章 管理机构及职责", "第三章 支持对象及范围", "第四章 补助标准", "第五章 申请与兑现",
                     "第六章 监督与考核", "第七章 附则"}),
    "dg": frozenset({"第一章 总则", "第二章 认定条件", "第三章 认定程序", "第四章 认定管理与扶持", "第五章 附则"}),
}


def no_rule(**extra: set[str]) -> dict[str, set[str]]:
    """The labels a set exempts from the coverage check: the chapter headings plus the set's own ``extra``."""
    return {doc: set(CHAPTER_HEADINGS.get(doc, ())) | set(extra.get(doc, ())) for doc in DOC_IDS}


def held_out_about(ordinal: str, builder: str) -> str:
    """The ``about`` line of a held-out set (``ordinal``: "Fourth", ...; ``builder``: its script's file name)."""
    return (f"{ordinal} held-out evaluation set, read off the five policy texts in knowledge/policies/ by a writer who "
            "did not run the product on these questions nor read its answering code. doc keys: dg = Dongguan 2015, "
            "by = Baiyun 2019, gd20 = Guangdong 2020, gd18 = Guangdong 2018 supplier pool, yc = Yichun 2023. Same "
            "format as ../shared/eval/dev.json plus kind, group, as_of, verdict, total_cny and note (the deciding "
            "sentence, or the arithmetic behind total_cny). Amount cases are in nl_estimates. Generated by "
            f"tools/cases/{builder}, which checks every label, fact, quote, figure and numeral against the "
            "texts. Never tune on it.")


def tune_about(ordinal: str, builder: str) -> str:
    """The ``about`` line of a tuning batch (``ordinal``: "Sixth", ...; ``builder``: its script's file name)."""
    return (f"{ordinal} tuning batch, read off the five policy texts in knowledge/policies/ by a writer who did not run "
            "the product on these questions nor read its answering code. doc keys: dg = Dongguan 2015, by = Baiyun "
            "2019, gd20 = Guangdong 2020, gd18 = Guangdong 2018 supplier pool, yc = Yichun 2023. Same format as "
            "../shared/eval/dev.json plus kind, group, as_of, verdict, total_cny and note (the deciding sentence, "
            "or the arithmetic behind total_cny). Amount cases are in nl_estimates. Generated by "
            f"tools/cases/{builder}, which checks every label, fact, quote, figure and numeral against the texts.")


# The spellings of a time limit in working days a fact may take.
WD3 = ["3个工作日", "3 个工作日", "三个工作日"]
WD5 = ["5个工作日", "5 个工作日", "五个工作日"]
WD15 = ["15 个工作日", "15个工作日", "十五个工作日"]

WAN = Decimal(10000)
CENT = Decimal("0.01")


# --------------------------------------------------------------------------------------------------------------
# Money
# --------------------------------------------------------------------------------------------------------------


def D(x: Any) -> Decimal:
    """A Decimal from an int, a str or a Decimal."""
    return Decimal(str(x))


def r2(x: Decimal) -> Decimal:
    """Half-up to the fen."""
    return x.quantize(CENT, rounding=ROUND_HALF_UP)


def w(x: Any) -> Decimal:
    """An amount given in 万元, in yuan."""
    return D(x) * WAN


def plain(x: Decimal) -> str:
    """A Decimal without trailing zeros or exponent."""
    return format(x.normalize(), "f")


def money(yuan: Any) -> list[str]:
    """The spellings of an amount: 万 form (also spaced), plain yuan, yuan with thousands separators."""
    y = D(yuan)
    out = []
    if y >= Decimal(100_000_000) and (y % Decimal(1_000_000)) == 0:
        out.append(f"{plain(y / Decimal(100_000_000))}亿")
    out += [f"{plain(y / WAN)}万", f"{plain(y / WAN)} 万"]
    if y == y.to_integral_value():
        n = int(y)
        out += [str(n), f"{n:,}"]
    else:
        out += [plain(r2(y)), f"{r2(y):,}"]
    return out


def pct(n: int) -> list[str]:
    """The spellings of a percentage: half-width, full-width and spaced sign."""
    return [f"{n}%", f"{n}％", f"{n} %"]


def read_money(s: str) -> Decimal | None:
    """Read one spelling of a money fact back into yuan (for the consistency check)."""
    t = s.replace(",", "").replace(" ", "")
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(亿|万)?", t)
    if not m:
        return None
    v = D(m.group(1))
    return v * (Decimal(100_000_000) if m.group(2) == "亿" else WAN if m.group(2) == "万" else 1)


# --------------------------------------------------------------------------------------------------------------
# Plain Decimal recomputation of the figures (independent of calculators/)
# --------------------------------------------------------------------------------------------------------------

BY_YEAR_CAP = w(200)
BY_SW_RATES = {1: D("1.00"), 2: D("0.80"), 3: D("0.60")}


def by_pub_cap(tax: Decimal) -> Decimal:
    """第十一条（二）: 2000万元以上 → 100万; 500万元以上 → 30万; below → 10万 (以上 includes the number)."""
    if tax >= w(2000):
        return w(100)
    if tax >= w(500):
        return w(30)
    return w(10)


def by_total(years: list[dict[str, Any]]) -> tuple[Decimal, str]:
    """Baiyun, per year of use: sw (fee), pub (fee, tax), pubnew (fee, paid-in capital), park / diag / shop (fee).

    Args:
        years: One mapping of lines a year; ``year`` gives the year of use of the software cloud when the
            first year listed is not the first year of use.

    Returns:
        The total over the years, each year capped at 200万 (第十二条), and the arithmetic behind it.
    """
    total, steps = Decimal(0), []
    for n, lines in enumerate(years, start=1):
        year_sum, parts = Decimal(0), []
        year_no = lines.get("year", n)
        if "sw" in lines:
            rate = BY_SW_RATES[year_no]
            v = r2(D(lines["sw"]) * rate)
            parts.append(f"软件开发云第{year_no}年 {D(lines['sw']):,.0f}×{plain(rate * 100)}%={v:,.2f}")
            year_sum += v
        if "pub" in lines:
            fee, tax = D(lines["pub"][0]), D(lines["pub"][1])
            raw, cap = r2(fee * D("0.5")), by_pub_cap(tax)
            v = min(raw, cap)
            parts.append(f"公有云 {fee:,.0f}×50%={raw:,.2f}，纳税{plain(tax / WAN)}万当年上限{cap:,.0f}→{v:,.2f}")
            year_sum += v
        if "pubnew" in lines:
            fee, capital = D(lines["pubnew"][0]), D(lines["pubnew"][1])
            raw, cap = r2(fee * D("0.5")), min(r2(capital * D("0.1")), w(100))
            v = min(raw, cap)
            parts.append(f"公有云（新招商重点企业）{fee:,.0f}×50%={raw:,.2f}，实缴注册资本{capital:,.0f}×10%且不超过100万→上限{cap:,.0f}→{v:,.2f}")
            year_sum += v
        for key, name, cap in (("park", "云上软件园", w(20)), ("diag", "诊断服务", w(20)), ("shop", "智能车间数字化", w(40))):
            if key in lines:
                fee = D(lines[key])
                raw = r2(fee * D("0.8"))
                v = min(raw, cap)
                parts.append(f"{name} {fee:,.0f}×80%={raw:,.2f}，上限{cap:,.0f}→{v:,.2f}")
                year_sum += v
        capped = min(year_sum, BY_YEAR_CAP)
        steps.append(f"使用第{year_no}年：" + "；".join(parts) + f"；合计{year_sum:,.2f}，第十二条当年最高200万→{capped:,.2f}")
        total += capped
    return total, "。".join(steps) + f"。总计{total:,.2f}元"


def dg_total(fees: list[Any]) -> tuple[Decimal, str]:
    """第十二条: 40 %, 30 %, 20 % of each year's fees, three years, 20万 in all."""
    rates = [D("0.4"), D("0.3"), D("0.2")]
    total, steps, left = Decimal(0), [], w(20)
    for n, (fee, rate) in enumerate(zip(fees, rates, strict=False), start=1):
        raw = r2(D(fee) * rate)
        v = min(raw, left)
        left -= v
        total += v
        steps.append(f"第{n}年 {D(fee):,.0f}×{plain(rate * 100)}%={raw:,.2f}，三年累计余额→{v:,.2f}")
    return total, "；".join(steps) + f"；三年累计最高20万，总计{total:,.2f}元"


def yc_total(contract: Any) -> tuple[Decimal, str]:
    """一、补助标准: 50 % of the contract, at most 10万 per enterprise."""
    raw = r2(D(contract) * D("0.5"))
    v = min(raw, w(10))
    return v, f"合同额 {D(contract):,.2f}×50%={raw:,.2f}，单户最高100,000→{v:,.2f}元"


PRD = ("广州", "珠海", "佛山", "惠州", "东莞", "中山", "江门", "肇庆")
EWN = ("汕头", "汕尾", "潮州", "揭阳", "湛江", "茂名", "阳江", "云浮", "韶关", "清远", "梅州", "河源")


def gd_total(contract: Any, city: str) -> tuple[Decimal, str]:
    """四、奖补标准: 珠三角 70 %, 粤东西北 80 %, no cap stated."""
    rate = D("0.7") if city in PRD else D("0.8")
    assert city in PRD + EWN, city
    v = r2(D(contract) * rate)
    return v, f"{city}（{'珠三角' if city in PRD else '粤东西北'}）合同额 {D(contract):,.2f}×{plain(rate * 100)}%={v:,.2f}元，文件未规定单个企业上限"


CALC: dict[str, Callable[..., tuple[Decimal, str]]] = {"by": by_total, "dg": dg_total, "yc": yc_total,
                                                        "gd20": gd_total}


# --------------------------------------------------------------------------------------------------------------
# Case records
# --------------------------------------------------------------------------------------------------------------


@dataclass
class Case:
    """One single question: a fact question, a yes/no question or a figure to recompute."""

    doc: str
    kind: str
    voice: str
    question: str
    articles: list[str]
    facts: list[list[str]]
    quote: str = ""
    verdict: str | None = None
    as_of: str | None = None
    calc: tuple = ()
    want: str | None = None
    numerals: tuple = ()
    cid: str = ""
    note: str = ""


@dataclass
class Turn:
    """One turn of a conversation: a fact question (``facts``, ``quote``) or a figure (``calc``, ``want``)."""

    question: str
    facts: list[list[str]]
    articles: list[str] = field(default_factory=list)
    quote: str = ""
    calc: tuple = ()
    want: str | None = None
    note: str = ""


@dataclass
class Conv:
    """A conversation of several turns about one document."""

    doc: str
    voice: str
    turns: list[Turn]
    as_of: str | None = None
    cid: str = ""


def Q(doc: str, kind: str, voice: str, question: str, articles: Iterable[str], facts: Iterable[Iterable[str]],
      quote: str, verdict: str | None = None, as_of: str | None = None) -> Case:
    """A fact or yes/no question: the facts are lists of spellings, one of each must be in the articles."""
    return Case(doc, kind, voice, question, list(articles), [list(f) for f in facts], quote, verdict, as_of)


def yes_no(doc: str, voice: str, question: str, articles: list[str], facts: list[list[str]], quote: str,
           verdict: str) -> Case:
    """A yes/no question on the asker's facts or claim: ``silent`` where the text does not settle it."""
    return Q(doc, "yes-no", voice, question, articles, facts, quote, verdict)


def deadline(doc: str, voice: str, question: str, articles: list[str], facts: list[list[str]], quote: str,
             verdict: str | None = None, as_of: str | None = None) -> Case:
    """A time question: a window, a time limit, a validity, or a status on the ``as_of`` date."""
    return Q(doc, "deadline", voice, question, articles, facts, quote, verdict, as_of)


def A(doc: str, kind: str, voice: str, question: str, articles: Iterable[str], calc: tuple, want: str,
      quote: str, numerals: tuple = ()) -> Case:
    """A figure: ``calc`` is (document key, *arguments of its recomputation), ``want`` the total written by hand."""
    return Case(doc, kind, voice, question, list(articles), [], quote, calc=calc, want=want, numerals=numerals)


def T(question: str, facts: Iterable[Iterable[str]], articles: Iterable[str], quote: str = "", calc: tuple = (),
      want: str | None = None) -> Turn:
    """A conversation turn asking a fact."""
    return Turn(question, [list(f) for f in facts], list(articles), quote, calc, want)


def TA(question: str, articles: Iterable[str], calc: tuple, want: str) -> Turn:
    """A conversation turn asking a figure."""
    return Turn(question, [], list(articles), "", calc, want)


@dataclass(frozen=True)
class Book:
    """One case file: where it goes, how its ids start, and every case in it.

    Attributes:
        prefix: The start of every id (``h5`` gives ``h5-by-001``, ``h5-oos-01`` ...).
        out: The JSON file written.
        about: The file's ``about`` text.
        description: The one-line description shown by ``--help``.
        no_rule: Per document key, the labels that carry no rule of their own (no case need name them).
        blocks: Per document key (all of :data:`BLOCK_ORDER`), its single questions in order.
        convs: The conversations.
        clarify: (document key, voice, question, what is missing) of each ask-back.
        oos: (question, voice) of each out-of-scope question.
        conv_refusals: (document key, question in scope, question out of scope) of each conversation refusal.
        targets: The promised counts of single questions (at least; exactly for the keys in ``exact``).
        exact: The keys of ``targets`` that must be met exactly.
        section_sizes: The exact number of entries in each of the other sections.
    """

    prefix: str
    out: Path
    about: str
    description: str
    no_rule: Mapping[str, set[str]]
    blocks: Mapping[str, Sequence[Case]]
    convs: Sequence[Conv]
    clarify: Sequence[tuple[str, str, str, str]]
    oos: Sequence[tuple[str, str]]
    conv_refusals: Sequence[tuple[str, str, str]]
    targets: Mapping[str, int] = field(default_factory=lambda: dict(TARGETS))
    exact: frozenset[str] = EXACT
    section_sizes: Mapping[str, int] = field(default_factory=lambda: dict(SECTION_SIZES))


# --------------------------------------------------------------------------------------------------------------
# Checks and output
# --------------------------------------------------------------------------------------------------------------


def squash(s: str) -> str:
    """The text without whitespace, for whitespace-insensitive comparison."""
    return re.sub(r"\s+", "", s or "")


class Checker:
    """The article texts of the five documents, and the errors found so far."""

    def __init__(self) -> None:
        from navigator.corpus import load_corpus

        corpus = load_corpus()
        self.labels = {k: {a.label: a.text for a in corpus.docs[v].articles.values()} for k, v in DOC_IDS.items()}
        self.errors: list[str] = []

    def err(self, where: str, msg: str) -> None:
        """Record one failed check."""
        self.errors.append(f"{where}: {msg}")

    def text_of(self, where: str, doc: str, tokens: list[str]) -> str:
        """The squashed text of every article whose label contains one of the tokens."""
        parts = []
        for t in tokens:
            hits = [txt for lab, txt in self.labels[doc].items() if t in lab]
            if not hits:
                self.err(where, f"article token {t!r} is no label of {DOC_IDS[doc]}")
            parts += hits
        return squash("\n".join(parts))

    def figure(self, where: str, doc: str, calc: tuple, want: str | None) -> tuple[Decimal, str]:
        """Recompute a figure and compare it with the total written by hand."""
        kind, *args = calc
        if kind != doc:
            self.err(where, f"calculation {kind} for document {doc}")
        total, note = CALC[kind](*args)
        if want is None or r2(total) != D(want):
            self.err(where, f"total_cny {want} written, {r2(total)} recomputed ({note})")
        return r2(total), note

    def facts(self, where: str, text: str, facts: list[list[str]], total: Decimal | None) -> None:
        """Each fact has a spelling in the text, unless all its spellings read as the recomputed total."""
        for alts in facts:
            vals = {read_money(a) for a in alts}
            if total is not None and vals == {total}:
                continue
            if not any(squash(a) in text for a in alts):
                self.err(where, f"no spelling of {alts} is in the named articles")
            if None not in vals and len(vals) > 1:
                self.err(where, f"spellings of one amount disagree: {alts}")

    def quote(self, where: str, text: str, quote: str) -> None:
        """The quoted sentence is verbatim in the text."""
        if not quote or squash(quote) not in text:
            self.err(where, f"quote not verbatim in the named articles: {quote!r}")

    def numerals(self, where: str, question: str, numerals: tuple) -> None:
        """Each Chinese numeral is in the question and reads back as its value."""
        for s, value in numerals:
            if s not in question:
                self.err(where, f"numeral {s!r} not in the question")
            if D(cn2an.cn2an(s, "smart")) != D(value):
                self.err(where, f"numeral {s!r} reads {cn2an.cn2an(s, 'smart')}, not {value}")


def case_json(c: Case, chk: Checker) -> dict[str, Any]:
    """Check one single question and give its JSON entry (filling in its facts and note)."""
    where = c.cid
    if c.kind not in KINDS or c.voice not in VOICES:
        chk.err(where, f"kind {c.kind} / voice {c.voice}")
    text = chk.text_of(where, c.doc, c.articles)
    total = None
    if c.calc:
        total, arith = chk.figure(where, c.doc, c.calc, c.want)
        c.facts = [money(total)]
        c.note = f"{arith}。依据「{c.quote}」"
        chk.quote(where, text, c.quote)
        chk.numerals(where, c.question, c.numerals)
    else:
        if c.numerals:
            chk.err(where, "numerals on a case without a figure")
        chk.quote(where, text, c.quote)
        c.note = (f"文件未作规定；最近的条文：「{c.quote}」" if c.verdict == "silent" else f"依据「{c.quote}」")
    chk.facts(where, text, c.facts, total)
    if c.verdict and c.verdict not in ("yes", "no", "silent"):
        chk.err(where, f"verdict {c.verdict}")
    if c.verdict != "silent" and not c.facts:
        chk.err(where, "no facts")
    if any(a == "可以" for alts in c.facts for a in alts):
        chk.err(where, "可以 as a fact")
    out: dict[str, Any] = {"id": c.cid, "question": c.question, "doc": c.doc, "articles": c.articles,
                           "facts": c.facts}
    if c.as_of:
        out["as_of"] = c.as_of
    out["kind"] = c.kind
    out["group"] = c.cid
    if c.verdict:
        out["verdict"] = c.verdict
    if total is not None:
        out["total_cny"] = f"{total:.2f}"
    out["note"] = c.note
    return out


def conv_json(cv: Conv, chk: Checker) -> dict[str, Any]:
    """Check one conversation and give its JSON entry."""
    turns = []
    for n, t in enumerate(cv.turns, start=1):
        where = f"{cv.cid}#{n}"
        text = chk.text_of(where, cv.doc, t.articles)
        row: dict[str, Any] = {"question": t.question}
        if t.calc:
            total, arith = chk.figure(where, cv.doc, t.calc, t.want)
            row["facts"] = [money(total)]
            row["total_cny"] = f"{total:.2f}"
            row["note"] = arith
        else:
            chk.quote(where, text, t.quote)
            chk.facts(where, text, t.facts, None)
            row["facts"] = t.facts
            row["note"] = f"依据「{t.quote}」（{'、'.join(t.articles)}）"
        turns.append(row)
    out: dict[str, Any] = {"id": cv.cid, "group": cv.cid}
    if cv.as_of:
        out["as_of"] = cv.as_of
    out["turns"] = turns
    return out


def norm(q: str) -> str:
    """A question without whitespace and punctuation, for the duplicate check."""
    return re.sub(r"[\s？?。！!，,、：:；;]", "", q)


def other_questions(out: Path) -> set[str]:
    """The normalised questions of ``dev.json`` and of every case file here but ``out``."""
    seen: set[str] = set()

    def walk(x: Any) -> None:
        if isinstance(x, dict):
            for k, v in x.items():
                if k == "question" and isinstance(v, str):
                    seen.add(norm(v))
                else:
                    walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    for p in [DEV, *sorted(CASE_DIR.glob("*.json"))]:
        if p.exists() and p.resolve() != out.resolve():
            walk(json.loads(p.read_text(encoding="utf-8")))
    return seen


def assign_ids(book: Book) -> tuple[list[Case], list[Conv]]:
    """Copies of the book's single questions and conversations, numbered per document.

    Raises:
        SystemExit: A block lacks or has an unknown document key, or holds a case of another document.
    """
    if set(book.blocks) != set(BLOCK_ORDER):
        raise SystemExit(f"blocks {sorted(book.blocks)}, want {sorted(BLOCK_ORDER)}")
    cases = []
    for doc in BLOCK_ORDER:
        for n, c in enumerate(book.blocks[doc], start=1):
            if c.doc != doc:
                raise SystemExit(f"case {n} of block {doc} is for {c.doc}")
            cases.append(replace(c, cid=f"{book.prefix}-{doc}-{n:03d}"))
    per: Counter = Counter()
    convs = []
    for cv in book.convs:
        per[cv.doc] += 1
        convs.append(replace(cv, cid=f"{book.prefix}-{cv.doc}-conv-{per[cv.doc]:02d}"))
    return cases, convs


def build(book: Book) -> tuple[dict[str, Any], list[str], dict[str, Any]]:
    """Check every case of the book.

    Returns:
        The file's content, the failed checks, and the counts shown by :func:`summary`.
    """
    chk = Checker()
    if DEV.exists():
        dev_docs = json.loads(DEV.read_text(encoding="utf-8"))["docs"]
        if dev_docs != DOC_ALIASES:
            chk.err("docs", "aliases differ from dev.json")
    p = book.prefix
    cases, convs = assign_ids(book)
    qa, nl = [], []
    for c in cases:
        (nl if c.calc else qa).append(case_json(c, chk))
    conv_rows = [conv_json(cv, chk) for cv in convs]
    clar, per = [], Counter()
    for doc, voice, q, missing in book.clarify:
        per[doc] += 1
        cid = f"{p}-{doc}-clar-{per[doc]:02d}"
        if voice not in VOICES:
            chk.err(cid, f"voice {voice}")
        clar.append({"id": cid, "question": q, "doc": doc, "group": cid, "missing": missing})
    oos = [{"id": f"{p}-oos-{n:02d}", "question": q, "group": f"{p}-oos-{n:02d}"}
           for n, (q, _v) in enumerate(book.oos, 1)]
    refs, per_ref = [], Counter()
    for doc, a, b in book.conv_refusals:
        per_ref[doc] += 1  # several refusals of one document are numbered in turn
        rid = f"{p}-{doc}-ref-{per_ref[doc]:02d}"
        refs.append({"id": rid, "group": rid, "turns": [{"question": a}, {"question": b, "refused": True}]})
    data = {"about": book.about, "docs": DOC_ALIASES, "qa": qa, "nl_estimates": nl, "conversations": conv_rows,
            "out_of_scope": oos, "clarify": clar, "conv_refusals": refs}

    # duplicates, here and against every other case file
    mine = [c.question for c in cases] + [t.question for cv in convs for t in cv.turns] + \
        [q for _d, _v, q, _m in book.clarify] + [q for q, _v in book.oos] + \
        [x for _d, a, b in book.conv_refusals for x in (a, b)]
    others = other_questions(book.out)
    for q, n in Counter(norm(q) for q in mine).items():
        if n > 1:
            chk.err("duplicates", f"{q!r} appears {n} times here")
    for q in mine:
        if norm(q) in others:
            chk.err("duplicates", f"{q!r} is in another case file")

    # every article that carries a rule is named by a case (itself, an enclosing article or an article inside it)
    for doc in DOC_IDS:
        tokens = {t for c in cases if c.doc == doc for t in c.articles}
        for label in chk.labels[doc]:
            named = any(t == label or label.startswith(t) or t.startswith(label) for t in tokens)
            if not named and label not in book.no_rule[doc]:
                chk.err("coverage", f"{DOC_IDS[doc]} {label} is named by no case")
            if named and label in book.no_rule[doc]:
                chk.err("coverage", f"{DOC_IDS[doc]} {label} is listed as carrying no rule but a case names it")

    # counts
    stats = summary(cases, convs)
    for k, v in book.targets.items():
        got = stats[k]
        if got < v or (k in book.exact and got != v):
            chk.err("counts", f"{k}: {got}, want {v}")
    for k, v in book.section_sizes.items():
        if len(data[k]) != v:
            chk.err("counts", f"{k}: {len(data[k])}, want {v}")
    return data, chk.errors, stats


def summary(cases: list[Case], convs: Sequence[Conv]) -> dict[str, Any]:
    """The counts printed on every run and compared with the book's targets."""
    verdicts = Counter(c.verdict for c in cases if c.kind == "yes-no")
    return {
        "questions": len(cases),
        "yes": verdicts["yes"], "no": verdicts["no"], "silent": verdicts["silent"],
        "figures": sum(bool(c.calc) for c in cases),
        "multi-year": sum(c.kind == "amount-multi-year" for c in cases),
        "multi-line": sum(c.kind == "amount-multi-line" for c in cases),
        "numerals": sum(c.kind == "numerals" for c in cases),
        "time": sum(c.kind == "deadline" for c in cases),
        "time with a date": sum(c.kind == "deadline" and bool(c.as_of) for c in cases),
        "per document": dict(Counter(c.doc for c in cases)),
        "per kind": dict(sorted(Counter(c.kind for c in cases).items())),
        "per voice": dict(Counter(c.voice for c in cases)),
        "conversation voices": dict(Counter(cv.voice for cv in convs)),
    }


def render(data: dict[str, Any]) -> str:
    """The file's text: indented JSON, Chinese unescaped, ending in a newline."""
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def main(book: Book, argv: Sequence[str] | None = None) -> int:
    """Check the book, then write its file or, with ``--check``, compare it with the file on disk.

    Args:
        book: The case file to build.
        argv: The command-line arguments (``sys.argv[1:]`` when None).

    Returns:
        The exit status: 0 when the checks pass and the file is written or up to date, 1 otherwise.
    """
    ap = argparse.ArgumentParser(description=book.description)
    ap.add_argument("--check", action="store_true", help="verify the cases and the file on disk; write nothing")
    a = ap.parse_args(argv)
    data, errors, stats = build(book)
    for e in errors:
        print("ERROR", e, file=sys.stderr)
    print(json.dumps(stats, ensure_ascii=False))
    if errors:
        print(f"{len(errors)} check(s) failed; nothing written", file=sys.stderr)
        return 1
    text = render(data)
    out = book.out
    if a.check:
        if not out.exists() or out.read_text(encoding="utf-8") != text:
            print(f"{out.name} is not what the cases give; run without --check", file=sys.stderr)
            return 1
        print(f"{out.name}: up to date")
        return 0
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)}")
    return 0
