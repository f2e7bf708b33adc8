"""``ask``: the typed answer, the question's cleaning, and the process-wide engine.

Deterministic: no LLM is needed. ``navigator.reading`` reads the question, ``navigator.scope`` refuses what
the corpus does not cover, ``navigator.compose`` answers from the retrieved articles and the calculators,
``navigator.quoting`` picks the sentences. Instructions inside the question change nothing; HTML is dropped.
An LLM, when configured, may only rephrase the answer (``navigator.llm``).
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import re
import unicodedata
from typing import Any

from langchain_core.embeddings import Embeddings
from pydantic import BaseModel, ConfigDict, Field

from calculators.models import Citation

MAX_QUESTION_CHARS = 2000
QUERY_CACHE = 512
CALLER_CHARS = 160  # a reply read out on the phone or sent as a text message


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
    phrased: bool | None = Field(default=None, description="Whether an LLM's phrasing was kept (None: no LLM).")

    def caller_text(self) -> str:
        """A short reply for the phone or a text message: the answer's first line and the articles it rests on."""
        head = self.headline or self.answer.split("\n", 1)[0]
        if len(head) > CALLER_CHARS:
            head = head[:CALLER_CHARS - 1] + "…"
        if self.refused or not self.citations:
            return head
        docs: dict[str, list[str]] = {}
        for c in self.citations:
            docs.setdefault(c.title, [])
            if c.article not in docs[c.title]:
                docs[c.title].append(c.article)
        basis = "；".join(f"《{t}》{'、'.join(a[:4])}" for t, a in list(docs.items())[:2])
        return f"{head}\n依据：{basis}。"

    def to_contract(self) -> dict[str, Any]:
        """The JSON document CONTRACT ``ask`` specifies (extra keys are allowed)."""
        doc = {
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
        if self.phrased is not None:
            doc["phrased"] = self.phrased
        return doc


def clean_question(q: Any) -> str:
    """The question as plain text: markup and control characters removed, whitespace collapsed."""
    if not isinstance(q, str):
        raise AskError("the question must be text")
    if any(0xD800 <= ord(ch) <= 0xDFFF for ch in q):
        raise AskError("the question is not valid text (it holds a lone surrogate)")
    q = html.unescape(q)
    q = re.sub(r"<[^>]{0,500}>", " ", q)  # HTML is inert: tags are dropped, never echoed
    q = "".join(" " if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn") else ch for ch in q)
    q = re.sub(r"[<>]", " ", q)
    q = re.sub(r"\s+", " ", q).strip()
    # 2016-05-10 / 2016/5/10 / 5月24号: dates written as the texts write them (2016年5月10日, 5月24日)
    q = re.sub(r"(?<![\d.])(20\d\d)([-/.])(\d{1,2})\2(\d{1,2})(?![\d.])",
               lambda m: f"{m[1]}年{int(m[3])}月{int(m[4])}日", q)
    q = re.sub(r"(\d{1,2})\s*月\s*(\d{1,2})\s*号", r"\1月\2日", q)
    q = re.sub(r"(20\d\d)\s*年(?:底|末)", r"\1年12月", q)  # 2018年底: its last month
    q = re.sub(r"国庆(?:节)?(?:那天|当天|那一天)", "10月1日", q)  # 2020年国庆那天: a day of the calendar
    q = re.sub(r"元旦(?:节)?(?:那天|当天|那一天)", "1月1日", q)
    if re.search(r"头年|首年|头一年|第一年|第1年", q):  # 头年十五万、二年十八万、三年二十万: the years after the first
        q = re.sub(r"(?<=[、，,；;\s])(\s*)([二三四五])年(?=\s*(?:是|为|[：:])?\s*[\d一二两三四五六七八九十百千.点]+\s*(?:万|千|元|块))", r"\1第\2年", q)
    if not q:
        raise AskError("empty question: ask about the cloud-adoption programmes, e.g. 伊春上云补助比例是多少？")
    if len(q) > MAX_QUESTION_CHARS:
        raise AskError(f"question too long ({len(q)} characters; at most {MAX_QUESTION_CHARS})")
    return q


class QueryCache(Embeddings):
    """The embedder with its question vectors remembered, so retrieval and quoting embed a question once."""

    def __init__(self, inner: Embeddings):
        self.inner = inner
        self.name = getattr(inner, "name", type(inner).__name__)
        self.unrelated_below = getattr(inner, "unrelated_below", None)
        self._query = functools.lru_cache(maxsize=QUERY_CACHE)(lambda text: tuple(inner.embed_query(text)))

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.inner.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        return list(self._query(text))


class Answerer:
    """The engine with the CLI's and the app's entry points."""

    def __init__(self, engine):
        self.engine = engine

    def ask_in(self, conv, question: Any, profile=None, as_of: dt.date | dt.datetime | None = None) -> Answer:
        """Answer within a conversation (``navigator.conversation``); an LLM, when configured, may only rephrase."""
        from navigator import llm

        ans = self.engine.ask_in(conv, question, profile=profile, as_of=as_of)
        if llm.enabled() and not ans.refused and ans.citations:
            doc = llm.phrase(ans.headline or ans.answer, ans.to_contract())
            ans = ans.model_copy(update={"answer": doc["answer"], "phrased": doc.get("phrased")})
        return ans

    def ask(self, question: Any, profile=None, as_of: dt.date | dt.datetime | None = None) -> dict[str, Any]:
        """One question on its own: the CONTRACT document."""
        from navigator.conversation import Conversation

        return self.ask_in(Conversation(), question, profile=profile, as_of=as_of).to_contract()


def build(cfg=None, embeddings: Embeddings | None = None) -> Answerer:
    """Load the corpus, programmes, index, embedder and word lists, and put the engine together.

    ``cfg`` (``navigator.settings.Settings``) and ``embeddings`` default to the process-wide ones; the
    benchmark passes its own to build in a scratch directory.
    """
    from navigator import service
    from navigator.compose import Engine
    from navigator.programmes import registry
    from navigator.quoting import Quoter
    from navigator.reading import Reader, reader
    from navigator.retrieval import Retriever, make_embeddings
    from navigator.scope import Scope
    from navigator.settings import settings

    cfg = cfg or settings()
    reg = registry()
    embeddings = QueryCache(embeddings or make_embeddings(cfg))
    retr = Retriever(cfg=cfg, corpus=reg.corpus, embeddings=embeddings)
    rd = reader()
    if rd.corpus is not reg.corpus:  # policies were added since the reader was made: read against them too
        rd = Reader(corpus=reg.corpus, gaz=rd.gaz, lex=rd.lex)
    quoter = Quoter(reg.corpus, rd.lex, embeddings=embeddings, cache_dir=cfg.data_dir / "cache")
    return Answerer(Engine(retr, reg, rd, Scope(reg.corpus, rd, rd.lex), quoter, service))


@functools.lru_cache(maxsize=1)
def answerer() -> Answerer:
    """The process-wide answerer: the index, embedder and BM25 are loaded once."""
    return build()
