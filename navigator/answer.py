"""``ask``: a short answer in Chinese from verbatim articles and, for amounts, from the calculators.

Deterministic: no LLM is needed. The question is read (what is asked, for
whom, which amounts), scoped (places and topics the corpus does not cover are
refused), routed to documents, answered from the retrieved articles' sentences
and, when an amount is asked and the inputs are given, from ``estimate``.
Every sentence of the answer is a quote with its article, or a figure with the
calculator steps behind it. Instructions inside the question change nothing.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import math
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field

from calculators.estimate import InputError, yuan
from calculators.models import Citation
from navigator.corpus import KNOWLEDGE, Article, Corpus, squash
from navigator.gazetteer import Gazetteer, gazetteer
from navigator.programmes import Registry, registry
from navigator.retrieval import Retriever, jieba_tokenizer, lexical_tokens, retriever
from navigator.service import Profile, estimate, status

MAX_QUESTION_CHARS = 2000
PROVIDER_WORDS = ("服务商", "供应商", "平台商", "认定", "备案", "资源池")
STATUS_TEXT = {"open": "可申请/有效期内", "closed": "已截止或已失效", "not_yet_open": "尚未开始", "unknown": "无法确定"}


class AskError(ValueError):
    """A question that cannot be asked: empty, too long, not text."""


class Clarify(BaseModel):
    """A question back to the asker, set instead of a figure when an amount or fact cannot be tied down."""

    model_config = ConfigDict(frozen=True)

    question: str = Field(description="What the asker should say, in Chinese.")
    options: list[str] = Field(default=[], description="Possible answers the asker can pick from.")


class Answer(BaseModel):
    """The answer to one question (CONTRACT ``ask``), formatted once and used by the CLI, the app and the log."""

    answer: str = Field(description="The answer text: verdict, amount, list or date first, then the quotes.")
    citations: list[Citation] = Field(default=[], description="Verbatim quotes the answer rests on.")
    programmes: list[str] = Field(default=[], description="Programme ids the answer is about.")
    refused: bool = Field(default=False, description="True when the corpus does not cover the question.")
    estimate: dict[str, Any] | None = Field(default=None, description="The CONTRACT estimate behind a figure.")
    reading: dict[str, Any] = Field(default_factory=dict, description="What the question was understood to say.")
    clarify: Clarify | None = Field(default=None, description="Set instead of a figure when something must be asked.")
    headline: str = Field(default="", description="The first line of the answer: verdict, amount, list or date.")
    statuses: dict[str, str] = Field(default={}, description="Each programme's status on the evaluation date.")

    def to_contract(self) -> dict[str, Any]:
        """The JSON document CONTRACT ``ask`` specifies (extra keys are allowed)."""
        return {
            "answer": self.answer,
            "citations": [c.model_dump() for c in self.citations],
            "programmes": list(self.programmes),
            "refused": self.refused,
            "estimate": self.estimate,
            "reading": self.reading,
            "clarify": self.clarify.model_dump() if self.clarify else None,
            "headline": self.headline,
            "statuses": dict(self.statuses),
        }


@functools.lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    return yaml.safe_load((KNOWLEDGE / "lexicon.yaml").read_text(encoding="utf-8"))


def clean_question(q: Any) -> str:
    """The question as plain text: markup and control characters removed, whitespace collapsed."""
    if not isinstance(q, str):
        raise AskError("the question must be text")
    q = html.unescape(q)
    q = re.sub(r"<[^>]{0,500}>", " ", q)  # HTML is inert: tags are dropped, never echoed
    q = re.sub(r"[\x00-\x1f\x7f<>]", " ", q)
    q = re.sub(r"\s+", " ", q).strip()
    if not q:
        raise AskError("empty question: ask about the cloud-adoption programmes, e.g. 伊春上云补助比例是多少？")
    if len(q) > MAX_QUESTION_CHARS:
        raise AskError(f"question too long ({len(q)} characters; at most {MAX_QUESTION_CHARS})")
    return q


def tidy(text: str) -> str:
    """Whitespace normalised the way a reader expects: no spaces next to Chinese characters."""
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"(?<=[^\x00-\x7f]) | (?=[^\x00-\x7f])", "", text)


# --- reading amounts ---------------------------------------------------------------------------------

_AMOUNT = re.compile(
    r"(?P<num>\d+(?:[.,]\d+)*|[零〇一二两三四五六七八九十百千]+)\s*(?P<unit>亿元|万元|千元|元|亿|万|千|块)?")


def _to_number(num: str) -> Decimal | None:
    import cn2an

    num = num.replace(",", "")
    try:
        if re.fullmatch(r"\d+(?:\.\d+)?", num):
            return Decimal(num)
        return Decimal(str(cn2an.cn2an(num, "smart")))
    except (ValueError, ArithmeticError, KeyError):
        return None


@dataclass
class Amount:
    value: Decimal
    start: int
    end: int
    key: str | None


def read_amounts(q: str) -> list[Amount]:
    """Amounts of money in a question, each tied to an input (tax, fees, contract, capital) when it can be."""
    keys: dict[str, list[str]] = lexicon()["amount_keys"]
    out = []
    for m in _AMOUNT.finditer(q):
        num, unit = m.group("num"), m.group("unit") or ""
        after = q[m.end():m.end() + 1]
        if not unit and (after in "年月日号人个项家次%％条倍" or not re.fullmatch(r"\d[\d.,]*", num)):
            continue
        if not unit and len(num) < 4:  # a bare small number is not money
            continue
        value = _to_number(num)
        if value is None:
            continue
        value *= {"亿": 100000000, "亿元": 100000000, "万": 10000, "万元": 10000, "千": 1000, "千元": 1000}.get(unit, 1)
        before = re.split(r"[，。；,;！？!?]", q[max(0, m.start() - 14):m.start()])[-1]
        after_text = re.split(r"[，。；,;！？!?]", q[m.end():m.end() + 6])[0]
        key = None
        for name, words in keys.items():
            if any(w in before for w in words):
                hits = [before.rfind(w) for w in words if w in before]
                pos = max(hits)
                if key is None or pos > key[1]:
                    key = (name, pos)
        if key is None:
            for name, words in keys.items():
                if any(w in after_text for w in words):
                    key = (name, 0)
                    break
        name = key[0] if key else None
        # "第一年租赁费20万，第二年30万": a later year's amount is the same kind as the first year's.
        if name is None and out and out[-1].key and re.search(r"第[一二三四五六七八九十\d]+年\S{0,3}$", before):
            name = out[-1].key
        out.append(Amount(value, m.start(), m.end(), name))
    return out


_YEARS = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5}


def _year_count(q: str) -> int | None:
    m = re.search(r"(?:用了|使用|连续|用|共|前)?([一两二三四五12345])年", q)
    if m and re.search(r"每年|每一年|年均|一年都", q):
        return _YEARS.get(m.group(1)) or int(m.group(1))
    return None


# --- the answer -----------------------------------------------------------------------------------------


@dataclass
class Reading:
    """What the question asks and about whom."""

    question: str
    places: list[tuple[str, str]]
    docs: dict[str, float]
    programmes: list[str]
    intents: set[str]
    amounts: list[Amount]
    years: int | None
    unknown_terms: list[str] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)
    weak_anchors: list[str] = field(default_factory=list)


class Answerer:
    """Answers questions from the corpus; built once, then fast."""

    def __init__(self, retr: Retriever | None = None, reg: Registry | None = None, gaz: Gazetteer | None = None):
        self.retriever = retr or retriever()
        self.reg = reg or registry()
        self.gaz = gaz or gazetteer()
        self.corpus: Corpus = self.reg.corpus
        self.text_all = squash("".join(d.body for d in self.corpus.docs.values()))
        self.lex = lexicon()
        self.jieba = jieba_tokenizer()
        n = len(self.retriever.items)
        df: dict[str, int] = {}
        for c in self.retriever.items:
            for t in set(lexical_tokens(c.content)):
                df[t] = df.get(t, 0) + 1
        self.idf = {t: math.log(1 + n / v) for t, v in df.items()}
        self._token_cache: dict[str, set[str]] = {}

    # reading ---------------------------------------------------------------------------------------

    def read(self, q: str, profile: Profile | None) -> Reading:
        places = self._most_specific(self.gaz.mentions(q))
        docs: dict[str, float] = {}
        for d in self.corpus.docs.values():
            # A topic word (资源池, 公有云) says more than a place or a year, which several documents share.
            score = sum(1.0 if (self.gaz.lookup(a) or a.isdigit() or re.fullmatch(r"\d+年", a)) else 3.0
                        for a in d.aliases if a in q)
            for level, name in places:
                rel = self._place_relation(d.region, level, name)
                if rel == "inside":
                    score += 1.0 if _deepest(d.region) == name else 0.5
            if score:
                docs[d.id] = score
        progs = []
        for pid, words in self.lex["programme_keys"].items():
            if any(w in q for w in words):
                progs.append(pid)
        intents = {k for k, words in self.lex["intents"].items() if any(w in q for w in words)}
        tokens = [t for t in self.jieba.lcut(q) if len(t) > 1 and re.search(r"[\u4e00-\u9fff]", t)]
        place_words = {m.group(0) for m in self.gaz._pattern.finditer(q)}
        content = [t for t in tokens if t not in self.lex["question_words"] and t not in place_words
                   and not any(t in p or p in t for p in place_words)]
        unknown = [t for t in content if squash(t) not in self.text_all]
        anchors = [a for a in self.lex["anchors"] if a in q]
        weak = [a for a in self.lex["weak_anchors"] if a in q]
        reading = Reading(q, places, docs, progs, intents, read_amounts(q), _year_count(q), unknown, anchors)
        reading.weak_anchors = weak
        return reading

    def _place_relation(self, region: dict[str, str], level: str, name: str) -> str:
        """'inside' when the named place lies within the document's region or contains it, else 'outside'."""
        chain = self._chain(level, name)
        for lvl in ("province", "city", "district"):
            want, have = region.get(lvl), chain.get(lvl)
            if want and have and want != have:
                return "outside"
        return "inside"

    def _chain(self, level: str, name: str) -> dict[str, str]:
        chain = {level: name}
        if level == "district":
            city = self.gaz.districts.get(name, {}).get("city")
            if city:
                chain["city"] = city
        if chain.get("city"):
            prov = self.gaz.cities.get(chain["city"], {}).get("province")
            if prov:
                chain["province"] = prov
        return chain

    def _most_specific(self, places: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """Mentioned places without those that only contain another mentioned place (黑龙江 in 黑龙江哈尔滨)."""
        chains = [self._chain(level, name) for level, name in places]
        out = []
        for (level, name), chain in zip(places, chains, strict=True):
            inner = any(c.get(level) == name and c != chain and len(c) > len(chain) for c in chains)
            if not inner:
                out.append((level, name))
        return out

    def out_of_scope(self, r: Reading) -> str | None:
        """Why the corpus does not cover the question, or None when it may."""
        specific = r.places
        if specific and not any(self._covered(level, name) for level, name in specific):
            names = "、".join(dict.fromkeys(n for _, n in specific))
            return f"现有政策库未收录{names}的相关政策"
        for m in re.finditer(r"([\u4e00-\u9fff]{1,6})[券劵]", r.question):
            term = m.group(0)
            if not any(term.endswith(v) for v in self.lex["voucher_names"]) and squash(term) not in self.text_all:
                return f"现有政策库未收录“{term}”"
        topic = next((t for t in self.lex["other_topics"] if t in r.question), None)
        if topic and squash(topic) not in self.text_all:
            return f"现有政策库未收录关于“{topic}”的政策"
        for m in re.finditer(r"([\u4e00-\u9fff]{2,4})(?:补贴|补助|资助|奖励)", r.question if not r.docs else ""):
            words = self.jieba.lcut(m.group(1))
            if words and len(words[-1]) > 1 and squash(words[-1]) not in self.text_all:
                return f"现有政策库未收录关于“{words[-1]}{m.group(0)[len(m.group(1)):]}”的政策"
        if not r.anchors and r.unknown_terms and not r.docs:
            return f"现有政策库未收录关于“{r.unknown_terms[0]}”的政策"
        if not r.anchors and not r.weak_anchors and not r.docs:
            return "问题不在现有企业上云政策的范围内"
        if len(r.unknown_terms) >= 2 and len(r.anchors) <= 1 and not r.docs:
            return "问题不在现有企业上云政策的范围内"
        return None

    def _covered(self, level: str, name: str) -> bool:
        return any(self._place_relation(d.region, level, name) == "inside" for d in self.corpus.docs.values())

    # answering -------------------------------------------------------------------------------------

    def ask(self, question: Any, profile: Profile | None = None, as_of: dt.date | None = None) -> dict[str, Any]:
        """Answer one question (CONTRACT ``ask``); an LLM, when configured, may only rephrase it."""
        from navigator import llm

        q = clean_question(question)
        result = self._answer(q, profile, as_of)
        return llm.phrase(q, result) if llm.enabled() else result

    def ask_in(self, conv, question: Any, profile: Profile | None = None,
               as_of: dt.date | dt.datetime | None = None) -> Answer:
        """Answer ``question`` within a conversation (``navigator.conversation``) and record the turn."""
        from navigator.conversation import Turn

        if isinstance(as_of, dt.datetime):
            as_of = as_of.date()
        result = self.ask(question, profile=profile, as_of=as_of)
        ans = Answer(**{k: v for k, v in result.items() if k in Answer.model_fields})
        conv.remember(Turn(question=str(question), programmes=ans.programmes, refused=ans.refused), [],
                      ans.programmes)
        return ans

    def _answer(self, q: str, profile: Profile | None, as_of: dt.date | None) -> dict[str, Any]:
        as_of = as_of or dt.date.today()
        r = self.read(q, profile)
        why = self.out_of_scope(r)
        if why:
            return self._refuse(why)
        routed = self._routed_docs(r)
        hits = self.retriever.search(q, k=8, doc_ids=routed or None)
        floor = getattr(self.retriever.embeddings, "unrelated_below", None)
        if not hits or (not r.docs and floor is not None and (hits[0].dense_sim or 0) < floor):
            return self._refuse("没有找到与问题对应的政策条文")
        if not r.docs and not r.places and not self._specific_keys(r.question) and "amount" in r.intents \
                and not r.amounts:
            return self._overview(r, as_of)
        if r.places and not self._specific_keys(r.question) and re.search(
                r"(哪些|什么|有没有).{0,4}(政策|补贴|补助|项目|支持|服务券)|(政策|补贴|补助|项目|服务券).{0,3}(哪些|有什么)",
                r.question):
            return self._for_place(r, as_of)
        programmes = self._programmes(r, hits)
        lines: list[str] = []
        citations: list[Citation] = []
        est = None
        keyed = [a for a in r.amounts if a.key]
        if programmes and keyed and r.intents & {"estimate", "amount"}:
            est, est_lines, est_cites = self._estimate(r, programmes[0], profile)
            lines += est_lines
            citations += est_cites
            if est:
                citations += [Citation(**s["citation"]) for s in est["steps"]]
        structured = self._structured(r, programmes, has_estimate=est is not None)
        for text, cite in structured:
            lines.append(text)
            citations.append(cite)
        quotes = self._quotes(r, hits, limit=2 if structured else 3)
        if structured:
            # Beside the programme's own data, only quotes from the articles that data cites.
            labels = {c.article for _, c in structured}
            quotes = [(a, q) for a, q in quotes
                      if any(a.label.startswith(lb) or lb.startswith(a.label) for lb in labels)]
        if quotes:
            lines.append("依据：" if lines else "根据政策原文：")
            for art, quote in quotes:
                lines.append(self._quote_line(art, quote))
                citations.append(self.corpus.cite_article(art, quote))
        windows: dict[str, list] = {}
        for pid in programmes:
            prog = self.reg.get(pid)
            windows.setdefault(prog.window.text, []).append(prog)
        for text, progs in windows.items():
            st = status(progs[0], as_of)
            if st in ("closed", "not_yet_open") or ("time" in r.intents and st != "unknown"):
                name = progs[0].title if len(progs) == 1 else f"《{self.corpus.docs[progs[0].doc].title}》各项目"
                lines.append(f"按{as_of.isoformat()}评估：{name}{STATUS_TEXT[st]}（{tidy(text)}）。")
                citations.append(progs[0].window.cite)
        seen, cites = set(), []
        for c in citations:
            key = (c.doc_id, c.article, squash(c.quote))
            if key not in seen:
                seen.add(key)
                cites.append(c.model_copy(update={"quote": tidy(c.quote)}).model_dump())
        return {"answer": "\n".join(lines), "citations": cites, "programmes": programmes, "refused": False,
                "estimate": est}

    def _quote_line(self, art: Article, quote: str) -> str:
        doc = self.corpus.docs[art.doc_id]
        num = f"（{doc.doc_number}）" if doc.doc_number else ""
        return f"《{doc.title}》{num}{art.label}：“{tidy(quote)}”"

    def _structured(self, r: Reading, programmes: list[str], has_estimate: bool = False) -> list[tuple[str, Citation]]:
        """Rate and cap, materials, steps or conditions of the programme asked about, from its cited data."""
        if len(programmes) > 1 and "contacts" in r.intents:
            texts = {tuple(c.text for c in self.reg.get(p).contacts) for p in programmes}
            if len(texts) == 1:
                programmes = programmes[:1]
        if len(programmes) > 1 and r.intents & {"materials", "process", "conditions"}:
            # Several programmes of one document: the asker's side decides (enterprises unless a provider asks).
            provider = any(w in r.question for w in PROVIDER_WORDS)
            side = "provider" if provider else "enterprise"
            programmes = [p for p in programmes if self.reg.get(p).side == side]
        if len(programmes) != 1:
            return []
        prog = self.reg.get(programmes[0])
        out: list[tuple[str, Citation]] = []
        calc = prog.calculator
        about_subsidy = any(w in r.question for w in ("补贴", "补助", "奖补", "比例", "补多少", "怎么补", "资助"))
        if "amount" in r.intents and about_subsidy and calc is not None and not has_estimate and prog.rate_text:
            rate = getattr(calc, "rate", None) or (calc.rates[0] if getattr(calc, "rates", None) else None)
            rate_cite = (rate or calc.groups[0].rate).cite
            out.append((f"{prog.title}：{tidy(prog.rate_text)}；{tidy(prog.cap_text or '')}"
                        f"（{rate_cite.article}：“{tidy(rate_cite.quote)}”）", rate_cite))
        if "contacts" in r.intents and prog.contacts:
            out += [(f"联系方式：{_cited(c.text, c.cite)}", c.cite) for c in prog.contacts]
        elif "materials" in r.intents and prog.materials:
            out.append((f"{prog.title}需提交的材料：", prog.materials[0].cite))
            out += [(f"{n}. {_cited(m.text, m.cite)}", m.cite) for n, m in enumerate(prog.materials, 1)]
        elif "process" in r.intents and prog.process:
            out.append((f"{prog.title}的办理流程：", prog.process[0].cite))
            out += [(f"{n}. {_cited(m.text, m.cite)}", m.cite) for n, m in enumerate(prog.process, 1)]
        elif "conditions" in r.intents and prog.eligibility:
            out.append((f"{prog.title}的申请条件：", prog.who.cite))
            conds = [c for c in prog.eligibility if c.id != "side"]
            out += [(f"{n}. {_cited(c.label, c.cite)}", c.cite) for n, c in enumerate(conds, 1)]
            out += [(f"· 由审核部门认定：{_cited(a.text, a.cite)}", a.cite) for a in prog.attestations]
        return out

    def _specific_keys(self, q: str) -> list[str]:
        """Words in the question that name one programme (not words every programme shares)."""
        counts: dict[str, int] = {}
        for words in self.lex["programme_keys"].values():
            for w in words:
                counts[w] = counts.get(w, 0) + 1
        shared = set(self.lex["anchors"]) | set(self.lex["weak_anchors"]) | {"合同"}
        return [w for w, n in counts.items() if n == 1 and w not in shared and w in q]

    def _for_place(self, r: Reading, as_of: dt.date) -> dict[str, Any]:
        """Which programmes a unit registered in the named place may look at, each with its cited target group."""
        level, name = r.places[-1]
        chain = self._chain(level, name)
        lines = [f"登记在{name}的单位可关注的项目（按{as_of.isoformat()}评估申报状态）："]
        cites: list[Citation] = []
        progs = []
        for prog in self.reg.programmes.values():
            if any(prog.region.get(lvl) and chain.get(lvl) and prog.region[lvl] != chain[lvl]
                   for lvl in ("province", "city", "district")):
                continue
            calc = prog.calculator
            excluded = [e for e in (getattr(calc, "excluded", None) or []) if e.city == chain.get("city")]
            if excluded:
                lines.append(f"· {prog.title}：{name}不在范围内（{excluded[0].cite.article}：“{tidy(excluded[0].cite.quote)}”）")
                cites.append(excluded[0].cite)
                continue
            side = "企业" if prog.side == "enterprise" else "服务商"
            rate = f"；{tidy(prog.rate_text)}" if prog.rate_text and calc is not None else ""
            lines.append(f"· {prog.title}（面向{side}{rate}；{STATUS_TEXT[status(prog, as_of)]}）：{_cited(prog.who.text, prog.who.cite)}")
            cites.append(prog.who.cite)
            progs.append(prog.id)
        return {"answer": "\n".join(lines), "programmes": progs, "refused": False, "estimate": None,
                "citations": [c.model_copy(update={"quote": tidy(c.quote)}).model_dump() for c in cites]}

    def _overview(self, r: Reading, as_of: dt.date) -> dict[str, Any]:
        """A question naming no region or programme: each enterprise programme's rate and cap, cited."""
        lines = ["各地政策标准不同（请说明所在地区以便具体测算）："]
        cites: list[Citation] = []
        for prog in self.reg.programmes.values():
            calc = prog.calculator
            if prog.side != "enterprise" or calc is None:
                continue
            rate_cite = (getattr(calc, "rate", None) or (calc.rates[0] if getattr(calc, "rates", None) else None)
                         or calc.groups[0].rate).cite
            st = STATUS_TEXT[status(prog, as_of)]
            lines.append(f"· {prog.title}：{tidy(prog.rate_text or '')}；{tidy(prog.cap_text or '')}"
                         f"（{rate_cite.article}；按{as_of.isoformat()}：{st}）")
            cites.append(rate_cite)
        return {"answer": "\n".join(lines), "citations": [c.model_copy(update={"quote": tidy(c.quote)}).model_dump()
                                                         for c in cites],
                "programmes": [p.id for p in self.reg.programmes.values() if p.side == "enterprise"],
                "refused": False, "estimate": None}

    def _refuse(self, why: str) -> dict[str, Any]:
        covered = "、".join(f"《{d.title}》" for d in self.corpus.docs.values())
        return {"answer": f"{why}，无法依据政策原文作答。本系统收录的政策为：{covered}。",
                "citations": [], "programmes": [], "refused": True, "estimate": None}

    def _routed_docs(self, r: Reading) -> set[str]:
        if not r.docs:
            return set()
        best = max(r.docs.values())
        return {d for d, s in r.docs.items() if s >= best - 0.5}

    def _programmes(self, r: Reading, hits) -> list[str]:
        docs = [h.chunk.article.doc_id for h in hits]
        top_docs = list(dict.fromkeys(docs))[:2]
        out = [p for p in r.programmes if self.reg.get(p).doc in top_docs[:1]]
        if not out and top_docs:
            # No line named: every programme of the document the answer comes from.
            out = [p.id for p in self.reg.programmes.values() if p.doc == top_docs[0]]
        return out

    @staticmethod
    def _bonus(sentence: str, intents: set[str]) -> float:
        """What is asked favours the sentences that can answer it: figures for amounts, dates for time..."""
        score = 1.0
        if "amount" in intents and re.search(r"\d\s*[%％]|万元|元", sentence):
            score *= 1.3
        if "time" in intents and re.search(r"\d+月|\d+日|施行|有效期|截止|期限|时间", sentence):
            score *= 1.3
        if "definition" in intents and re.search(r"是指|是由|以下简称|下简称", sentence):
            score *= 2.5
        return score

    def _tokens(self, sentence: str) -> set[str]:
        hit = self._token_cache.get(sentence)
        if hit is None:
            hit = self._token_cache[sentence] = set(lexical_tokens(sentence))
        return hit

    def _quotes(self, r: Reading, hits, limit: int = 3) -> list[tuple[Article, str]]:
        """The best sentences of the best articles: at most three, each verbatim with its article."""
        q_tokens = set(lexical_tokens(r.question))
        listy = bool(r.intents & {"materials", "process", "conditions"}) or "哪些" in r.question
        candidates: list[tuple[float, Article, str, set[str]]] = []
        for rank, h in enumerate(hits[:6]):
            art = h.chunk.article
            weight = 0.6 + 1.0 / (rank + 1)
            pool = [art] + [self.corpus.article(c) for c in art.children]
            for node in pool:
                for s in self._quotable(node):
                    # The heading says what a sentence under it is about (（二）服务券兑现时间 → its dates).
                    about = self._tokens(s) | self._tokens(node.heading)
                    candidates.append((weight * self._bonus(s, r.intents) / (1 + 0.002 * len(s)), node, s,
                                       about & q_tokens))
        if not candidates:
            return []

        def gain(c, covered: set[str]) -> float:
            return c[0] * sum(self.idf.get(t, 0.5) for t in c[3] - covered)

        best = max(candidates, key=lambda c: gain(c, set()))
        top_score = gain(best, set())
        first = best[1]
        picked: list[tuple[Article, str]] = []
        used_articles: set[str] = set()
        if listy and hits[0].chunk.article.children:
            parent = hits[0].chunk.article
            block = self._list_block(parent)
            if block:
                picked.append((parent, block))
                used_articles.add(parent.id)
                used_articles.update(parent.children)
        if listy and not picked:
            limit = max(limit, 6)
        # Greedy cover: each next sentence must add question words the picked ones lack.
        per_article: dict[str, int] = {}
        covered: set[str] = set()
        remaining = list(candidates)
        while remaining and len(picked) < limit:
            def allowed(c) -> bool:
                node = c[1]
                cap = limit if (listy and node.id == first.id) else (2 if node.id == first.id else 1)
                if per_article.get(node.id, 0) >= cap:
                    return False
                return not (node.id in used_articles and node.id not in per_article)

            ok = [c for c in remaining if allowed(c) and all(c[2] != q for _, q in picked)]
            if not ok:
                break
            c = max(ok, key=lambda c: gain(c, covered))
            # The first pick always stands; later ones must match the question well or add what is missing.
            floor = 0.2 if (listy and c[1].id == first.id) else 0.55
            if picked and gain(c, set()) < floor * top_score and gain(c, covered) < 0.25 * top_score:
                remaining.remove(c)
                continue
            per_article[c[1].id] = per_article.get(c[1].id, 0) + 1
            picked.append((c[1], c[2]))
            used_articles.add(c[1].id)
            covered |= c[3]
            remaining.remove(c)
        return picked

    def _quotable(self, node: Article) -> list[str]:
        doc = self.corpus.docs[node.doc_id]
        # A bold heading the extraction printed four times is quoted only inside its sentence, not alone.
        return [s for s in node.sentences() if s.rstrip("。；;：: ") not in doc.repaired
                and not any(u in s for u in doc.unquotable)]

    def _list_block(self, parent: Article) -> str | None:
        """A short list article quoted whole (its items in order), when it is verbatim-safe and not too long."""
        doc = self.corpus.docs[parent.doc_id]
        text = parent.text
        if len(text) > 600 or any(rep in text for rep in [*doc.repaired, *doc.unquotable]):
            return None
        return tidy(text.replace("\n", " "))

    # estimates -------------------------------------------------------------------------------------

    def _estimate(self, r: Reading, pid: str, profile: Profile | None) -> tuple[dict | None, list[str], list]:
        prog = self.reg.get(pid)
        calc = prog.calculator
        if calc is None:
            return None, [], []
        by_key: dict[str, list[Decimal]] = {}
        for a in r.amounts:
            if a.key:
                by_key.setdefault(a.key, []).append(a.value)
        p = profile or Profile()
        inputs: dict[str, Any] = {}
        kind = calc.kind
        if kind == "yearly_rates":
            fees = by_key.get("fees_cny") or by_key.get("contract_cny")
            if fees:
                if len(fees) == 1 and r.years:
                    fees = fees * r.years
                inputs["annual_fees_cny"] = [str(f) for f in fees]
        elif kind == "rate_cap":
            v = by_key.get(calc.input) or by_key.get("fees_cny") or by_key.get("contract_cny")
            if v:
                inputs[calc.input] = str(v[0])
        elif kind == "tax_tiered":
            if by_key.get("fees_cny"):
                inputs["fees_cny"] = str(by_key["fees_cny"][0])
            tax = by_key.get("annual_tax_cny") or ([p.annual_tax_cny] if p.annual_tax_cny is not None else None)
            if tax:
                inputs["annual_tax_cny"] = str(tax[0])
            new_key = "新招商" in r.question or bool(p.new_key_investment)
            if new_key:
                inputs["new_key_investment"] = True
                cap = by_key.get("paid_in_capital_cny") or (
                    [p.paid_in_capital_cny] if p.paid_in_capital_cny is not None else None)
                if cap:
                    inputs["paid_in_capital_cny"] = str(cap[0])
        elif kind == "regional_rate":
            v = by_key.get("contract_cny") or by_key.get("fees_cny")
            if v:
                inputs["contract_cny"] = str(v[0])
            city = next((n for lvl, n in r.places if lvl == "city"), None) or next(
                (self.gaz.districts[n]["city"] for lvl, n in r.places if lvl == "district"), None) or p.city
            if city:
                inputs["city"] = city
                for ex in calc.excluded:
                    if ex.city == city:
                        return None, [f"{city}企业不在{prog.title}的范围内（{ex.cite.article}：“{tidy(ex.cite.quote)}”）。"], \
                            [ex.cite]
            if "集群试点" in r.question or p.cluster_pilot:
                inputs["cluster_pilot"] = True
        try:
            est = estimate({"programme": pid, "inputs": inputs}, self.reg)
        except InputError:
            need = _needs(kind)
            return None, [f"如需测算{prog.title}的金额，请提供：{need}。"], []
        doc = est.to_contract()
        total = est.total_cny
        lines = [f"按问题中的数字测算：{prog.title}可获补贴 {_money(total)} 元（{_wan(total)}）。"]
        lines += [f"· {tidy(s.text)}（{s.citation.article}）" for s in est.steps]
        lines += [f"· {tidy(n)}" for n in est.notes]
        return doc, lines, []


def _cited(text: str, cite: Citation) -> str:
    """A statement followed by its article, without repeating a label the statement already starts with."""
    text = tidy(text)
    if text.startswith(cite.article):
        text = text[len(cite.article):].lstrip("：: ")
    return f"{text}（{cite.article}）"


def _needs(kind: str) -> str:
    return {"yearly_rates": "每年的服务费（元）", "rate_cap": "服务费或合同额（元）",
            "tax_tiered": "云服务费和上年度全库纳税额（新招商重点企业另需实缴注册资本）",
            "regional_rate": "合同额和所在地市"}[kind]


def _money(x: Decimal) -> str:
    return f"{Decimal(yuan(x)):,.2f}"


def _wan(x: Decimal) -> str:
    v = (Decimal(yuan(x)) / 10000).normalize()
    return f"{v:f}万元"


def _deepest(region: dict[str, str]) -> str | None:
    for lvl in ("district", "city", "province"):
        if region.get(lvl):
            return region[lvl]
    return None


@functools.lru_cache(maxsize=1)
def answerer() -> Answerer:
    """The process-wide answerer: the index, embedder and BM25 are loaded once."""
    return Answerer()
