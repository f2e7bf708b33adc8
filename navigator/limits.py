"""Bounds a sentence sets (不超过10个, 3个工作日内, 不少于20项, 100家以上, 前三年内) against the figures a
yes/no question states (申请8个, 过5个工作日再交, 软件产品25项, 四年前被罚).

``judge`` answers True (the stated figure is inside every bound it meets), False (outside one), or None
(nothing comparable). Bounds joined by 或 in one clause need only one to hold (年服务100家以上或收入500万元以上).
A bound followed by what it bars (五年内不再给予) turns round: a figure inside it is a no.
The units and bound words are data (``knowledge/lexicon.yaml``, ``limits``); a unit compares only with itself or
its listed equivalents, so 8个 never meets 20项.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict

from navigator.numbers import parse_numeral

NUM = r"(\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)"
CONTEXT_CHARS = 14  # characters either side of a figure that say what it counts
# 一个多月 against 30天内; 一周 against 3个工作日内 (a week holds five working days)
PER_UNIT = {("月", "天"): Decimal(30), ("年", "月"): Decimal(12), ("年", "天"): Decimal(365), ("周", "天"): Decimal(7),
            ("周", "工作日"): Decimal(5)}


AGE_CHARS = 6  # an age word (成立) this close before a figure makes it the enterprise's age


class LimitWords(BaseModel):
    """The ``limits`` part of the lexicon."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    units: dict[str, str]  # a unit as written -> the unit it is compared as (个工作日 -> 工作日, 例 -> 个)
    upper_before: list[str]  # 不超过 N
    upper_after: list[str]  # N 以内 / N 内
    lower_before: list[str]  # 不少于 N
    lower_after: list[str]  # N 以上
    more_than: list[str]  # 超过 N (in a question: more than the figure)
    less_than: list[str]  # 不到 N
    negated_prefixes: list[str]  # 非四上 / 不是四上: a clause for the others
    barred_after: list[str]  # 五年内不再给予: inside the bound is what is barred
    claim_end: str  # 800万吧 / 7个工作日吗: a figure put forward as the text's own
    claim_before: list[str]  # 是800万 / 为500万: the same, said before the figure
    hearsay: list[str] = []  # 听说名单只公示3个工作日: a figure heard, put forward where the sentence states its own
    age_words: list[str] = []  # 成立才五个月: an enterprise's age, compared only with a bound on it (成立时间不低于1年)


class Bound(BaseModel):
    """One bound in a sentence."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Literal["upper", "lower", "window"]
    value: Decimal
    unit: str
    clause: int
    start: int
    end: int


class Figure(BaseModel):
    """A figure the question states, with its unit and which side of it is meant."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    value: Decimal
    unit: str
    start: int
    end: int
    lean: Literal["exact", "above", "below", "ago"] = "exact"


def _number(text: str) -> Decimal | None:
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return Decimal(text)
    return parse_numeral(text, {"万": 10000, "亿": 100000000, "千": 1000})


def _alternation(words: list[str]) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


def bounds(sentence: str, w: LimitWords) -> list[Bound]:
    """The bounds a sentence sets, in order."""
    units = _alternation(list(w.units))
    clauses = [m.end() for m in re.finditer(r"[，；;。]", sentence)]
    out: list[Bound] = []
    for m in re.finditer(rf"[前近]{NUM}年内", sentence):
        v = _number(m.group(1))
        if v is not None:
            out.append(Bound(kind="window", value=v, unit="年", clause=_clause_of(m.start(), clauses),
                             start=m.start(), end=m.end()))
    rx = re.compile(rf"(?:(?P<before>{_alternation(w.upper_before + w.lower_before)})[^\d，。；、]{{0,4}}?)?(?P<num>{NUM})\s*"
                    rf"(?P<unit>{units})(?P<after>{_alternation(w.upper_after + w.lower_after)})?")
    for m in rx.finditer(sentence):
        if sentence[max(0, m.start() - 1):m.start()] in ("第", "前") or not (m.group("before") or m.group("after")):
            continue
        v = _number(m.group("num"))
        if v is None:
            continue
        before, after = m.group("before") or "", m.group("after") or ""
        kind = "upper" if before in w.upper_before or after in w.upper_after else "lower"
        if before and before in w.lower_before:
            kind = "lower"
        out.append(Bound(kind=kind, value=v, unit=w.units[m.group("unit")], clause=_clause_of(m.start(), clauses),
                         start=m.start(), end=m.end()))
    return out


def figures(question: str, w: LimitWords) -> list[Figure]:
    """The figures a question states with a unit the bounds use (8个, 5个工作日, 600万, 四年前)."""
    units = _alternation(list(w.units))
    out: list[Figure] = []
    for m in re.finditer(rf"{NUM}\s*年前", question):
        v = _number(m.group(1))
        if v is not None:
            out.append(Figure(value=v, unit="年", start=m.start(), end=m.end(), lean="ago"))
    for m in re.finditer(rf"第{NUM}\s*(年|个工作日|工作日|天)", question):  # 第四年还能补吗 / 第11个工作日: the
        v = _number(m.group(1))                                              # fourth year against 共补三年
        if v is not None:
            out.append(Figure(value=v, unit=w.units.get(m.group(2), m.group(2)), start=m.start(), end=m.end()))
    for m in re.finditer(rf"{NUM}\s*个?多\s*(个月|月|天|年)", question):  # 一个多月, 两天多: more than that
        v = _number(m.group(1))
        if v is not None:
            out.append(Figure(value=v, unit=w.units.get(m.group(2), m.group(2)), start=m.start(), end=m.end(),
                              lean="above"))
    for m in re.finditer(rf"{NUM}\s*(?P<unit>{units})", question):
        if question[max(0, m.start() - 1):m.start()] in ("第", "前", "近") or question[m.end():m.end() + 1] == "前":
            continue
        v = _number(m.group(1))
        if v is None or (w.units[m.group("unit")] == "年" and re.fullmatch(r"(?:19|20)\d\d", m.group(1).strip())):
            continue  # 2020年初在白云注册: a calendar year, not a number of years
        if question[m.end():m.end() + 1] == "性":
            continue  # 一次性的认定奖励: one-off, not a count of times
        if m.group(1).strip() == "一" and question[max(0, m.start() - 1):m.start()] in ("这", "那", "哪", "每", "某", "同"):
            continue  # 这一项算达标吗: which item, not a count of one
        if m.group(1).strip() == "一" and m.group("unit") == "家" and re.match(
                r"[^，。；,;？?]{0,16}?(?:企业|公司|单位|工厂|厂|平台|服务商|机构)", question[m.end():]):
            continue  # 我们是东莞一家做协同办公软件的企业: who asks, not a count of enterprises served
        head, tail = question[max(0, m.start() - 3):m.start()], question[m.end():m.end() + 3]
        lean: Literal["exact", "above", "below", "ago"] = "exact"
        if any(head.endswith(x) for x in w.lower_before if len(x) > 1):
            lean = "above"  # 不少于10人 is at least 10, not fewer (少于)
        elif any(head.endswith(x) for x in w.upper_before if len(x) > 1):
            lean = "below"  # 不超过5个 is at most 5
        elif any(head.endswith(x) or tail.startswith(x) for x in w.more_than):
            lean = "above"
        elif any(head.endswith(x) or tail.startswith(x) for x in w.less_than):
            lean = "below"
        out.append(Figure(value=v, unit=w.units[m.group("unit")], start=m.start(), end=m.end(), lean=lean))
    return out


def judge(question: str, sentence: str, w: LimitWords) -> bool | None:
    """Whether the figures the question states lie inside the bounds the sentence sets (None: none compare)."""
    bs = bounds(sentence, w)
    fs = figures(question, w)
    if not bs or not fs:
        return None
    clauses = re.split(r"[，；;。]", sentence)
    results: dict[int, list[bool]] = {}
    for f in fs:
        if not any(b.unit == f.unit for b in bs):
            # 一个多月 against 30天内: more than 30天; 一周后 against 3个工作日内: five working days
            factor = next((PER_UNIT[(f.unit, b.unit)] for b in bs if (f.unit, b.unit) in PER_UNIT), None)
            if factor is not None:
                unit = next(b.unit for b in bs if (f.unit, b.unit) in PER_UNIT)
                f = f.model_copy(update={"value": f.value * factor, "unit": unit})
        def barred(b: Bound) -> bool:  # 五年内不再给予: what lies inside the bound is barred
            return any(sentence.startswith(x, b.end) for x in w.barred_after)

        # 三年前被查出骗取 against 五年内不再给予: the years since the event, inside the barred span.
        if f.lean == "ago" and any(b.unit == f.unit and b.kind == "upper" and barred(b) for b in bs):
            f = f.model_copy(update={"lean": "exact"})
        mine = [b for b in bs if b.unit == f.unit and (b.kind == "window") == (f.lean == "ago")]
        if not mine:
            continue
        # Several bounds of the unit: the clause that speaks of the asker (四上 rather than 非四上), then the
        # clause sharing most words with the question around the figure.
        if len({b.clause for b in mine}) > 1:
            fitting = [b for b in mine if not _other_group(clauses[b.clause], question, w, sentence)]
            mine = fitting or mine
            near = question[max(0, f.start - CONTEXT_CHARS):f.end + CONTEXT_CHARS]
            best = max(_shared(clauses[b.clause], near) for b in mine)
            mine = [b for b in mine if _shared(clauses[b.clause], near) == best]
            if len({b.clause for b in mine}) > 1:
                continue  # cannot tell which bound the figure meets
        near = question[max(0, f.start - CONTEXT_CHARS):f.start] + "|" + question[f.end:f.end + CONTEXT_CHARS]
        if _of_age(question, f, w) and not any(x in sentence for x in w.age_words):
            continue  # 成立才五个月 against 开通后30天内未使用: an age, against a time of something else
        for b in mine:
            if not question.startswith("第", f.start) and not _shared(sentence, near):
                continue  # 签一年以上 against 成立时间不低于1年: the same unit, another thing counted
            if f.unit == "万" and not _shared(clauses[b.clause], near):
                continue  # 注册资金2000万元 against 补助最高不超过20万元: money of another kind than the bound's
            results.setdefault(b.clause, []).append(_inside(f, b) != barred(b))
    if not results:
        return None
    # Within a clause, bounds joined by 或 need one to hold; clauses all must hold.
    verdicts = []
    for clause, oks in results.items():
        verdicts.append(any(oks) if "或" in clauses[clause] else all(oks))
    return all(verdicts)


def claimed(question: str, sentence: str, w: LimitWords) -> bool | None:
    """See ``claim``: the verdict alone."""
    found = claim(question, sentence, w)
    return None if found is None else found[0]


def claim(question: str, sentence: str, w: LimitWords) -> tuple[bool, int] | None:
    """Whether a figure the question puts forward as the text's own (初始限额是800万吧, 公示期是7个工作日吗) is the
    one the sentence states, where the sentence states it as a plain figure (初始限额为800万元, 公示5个工作日), not
    a bound, with how many pairs of characters the question's words before the figure share with the clause that
    states it (of several sentences, the one sharing most is the one the question means). None: the question claims
    no figure, or the sentence states none of its unit about the same thing."""
    units = _alternation(list(w.units))
    spans = [(b.start, b.end) for b in bounds(sentence, w)]
    clauses = [m.end() for m in re.finditer(r"[，；;。]", sentence)]
    parts = re.split(r"[，；;。]", sentence)
    stated = []
    leads: set[str] = set()  # the two characters before each figure stated (公示5个工作日 → 公示)
    for m in re.finditer(rf"{NUM}\s*(?P<unit>{units})", sentence):
        named = sentence[max(0, m.start() - 1):m.start()] in ("为", "是")  # 初始限额为800万元: the figure itself
        if sentence[max(0, m.start() - 1):m.start()] in ("第", "前", "近") or (not named and any(
                a <= m.start() < b for a, b in spans)):
            continue
        v = _number(m.group(1))
        if w.units[m.group("unit")] == "年" and re.fullmatch(r"(?:19|20)\d\d", m.group(1).strip()):
            continue  # 2020年原则上不再审核: a calendar year, no number of years
        if v is not None:
            stated.append((w.units[m.group("unit")], v, _clause_of(m.start(), clauses)))
            leads.add(sentence[max(0, m.start() - 2):m.start()])
    owned = {c for _u, _v, c in stated}

    def told(c: int) -> str:  # 初始限额为800万元，主要是面向…三大电信运营商等: what follows says whom it is for
        end = next((k for k in range(c + 1, len(parts)) if k in owned), len(parts))
        return "，".join(parts[c:end])

    out = None
    for f in figures(question, w):
        head = question[max(0, f.start - 1):f.start]
        tail = re.sub(r"^\s*元", "", question[f.end:f.end + 6])
        # (听说名单只在区政府网站公示3个工作日: a figure heard, after the act the sentence states it after, 公示5个工作日)
        said_after = question[max(0, f.start - 2):f.start] in leads and any(h in question for h in w.hearsay)
        if f.lean != "exact" or not (head in w.claim_before or re.match(w.claim_end, tail) or said_after):
            continue
        if _of_age(question, f, w) and not any(x in sentence for x in w.age_words):
            continue  # 要成立满一年吗 against a sentence on something else's years
        near = question[max(0, f.start - CONTEXT_CHARS):f.start]
        mine = [(v, c, _shared(told(c), near)) for u, v, c in stated if u == f.unit and _shared(told(c), near)]
        # 不是平台商，初始限额能给到800万吗: not the clause for 平台商, when another clause states a figure
        denied = denied_words(question, w)
        others = [x for x in mine if not any(d in told(x[1]) for d in denied)]
        mine = others if denied and others else mine
        # 平台商初始限额…800万元；其他…供应商初始限额为500万元: the clause sharing most words with the question's
        top = max((x[2] for x in mine), default=0)
        mine = [(v, c) for v, c, n in mine if n == top]
        if len({v for v, _ in mine}) != 1:
            continue  # none, or several figures of the unit: cannot tell which the question means
        ok = mine[0][0] == f.value
        out = (ok, top) if out is None else (out[0] and ok, min(out[1], top))
    return out


def denied_words(question: str, w: LimitWords) -> list[str]:
    """What the question says the asker is not (不是平台商 → 平台): the two characters after a negation."""
    negs = "|".join(map(re.escape, w.negated_prefixes))
    return [m.group(1) for m in re.finditer(rf"(?:{negs})([\u4e00-\u9fff]{{2}})", question)]


def _of_age(question: str, f: Figure, w: LimitWords) -> bool:
    """The figure is an enterprise's age (成立才五个月, 注册满一年): an age word just before it in its clause."""
    head = re.split(r"[，。；;,？?！!]", question[max(0, f.start - AGE_CHARS):f.start])[-1]
    return any(x in head for x in w.age_words)


def _inside(f: Figure, b: Bound) -> bool:
    if b.kind == "window":  # 前三年内没有…: an event four years ago is outside the window
        return f.value > b.value
    if b.kind == "upper":
        return f.value < b.value if f.lean == "above" else f.value <= b.value
    return f.value > b.value if f.lean == "below" else f.value >= b.value


def _clause_of(pos: int, ends: list[int]) -> int:
    return sum(1 for e in ends if e <= pos)


def _other_group(clause: str, question: str, w: LimitWords, sentence: str) -> bool:
    """The clause is about those who are not what the question says the asker is (非“四上”企业)."""
    clause, question, whole = _plain(clause), _plain(question), _plain(sentence)
    negs = "|".join(map(re.escape, w.negated_prefixes))
    for m in re.finditer(rf"(?:{negs})([\u4e00-\u9fff]{{2}})", whole):
        word = m.group(1)
        if word not in question:
            continue
        asker_not = bool(re.search(rf"(?:{negs}){word}", question))
        clause_not = bool(re.search(rf"(?:{negs}){word}", clause))
        if word in clause and asker_not != clause_not:
            return True  # 不是四上 and a clause for 四上 企业, or 四上 and a clause for 非四上
    return False


def _plain(text: str) -> str:
    return re.sub(r"[“”\"'‘’「」]", "", text)


def _shared(a: str, b: str) -> int:
    a, b = _plain(a), _plain(b)
    grams = {a[i:i + 2] for i in range(len(a) - 1)}
    return sum(1 for i in range(len(b) - 1) if b[i:i + 2] in grams)
