"""Quotes: the sentences of the best-ranked articles that answer the question, each verbatim with its article.

A sentence is scored by its lexical overlap with the question (IDF-weighted, the article heading counting as
context), by e5 similarity to the question, and by cue words for what is asked (日内 / 工作日 for time
limits, 追回 / 不再给予 for penalties, 不得 for prohibitions, ...). The deciding article is the best-ranked
one: its best sentence always leads. Quotes come without duplicates and in the documents' order.
"""

from __future__ import annotations

import hashlib
import logging
import math
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from navigator.corpus import Article, Corpus
from navigator.reading import Lexicon
from navigator.retrieval import lexical_tokens

log = logging.getLogger(__name__)
NUMBERING = re.compile(r"第[一二三四五六七八九十百零〇\d]+[条章节款项]|[（(][一二三四五六七八九十\d]+[)）]|附件\s*\d*")

NOTE = re.compile(r"[（(][^（）()]{1,20}[）)]")  # a bracketed note on a line of its own
OPTIONS = re.compile(r"\s*[□☐]")  # a line of a form's tick boxes (□国有企业  □集体企业)
HIT_WEIGHTS = (1.0, 0.85, 0.75, 0.65, 0.6, 0.55)  # the best-ranked article counts most
LEXICAL_SHARE = 0.55  # the rest of a sentence's score is e5 similarity
DENSE_FLOOR, DENSE_SPAN = 0.8, 0.12  # e5 cosine similarities live in a narrow band: rescale it to 0..1
CUE_BONUS = 0.35
LENGTH_PENALTY = 0.0015  # per character: of two equal sentences, the shorter answers more directly
KEEP_RATIO = 0.5  # a further quote must score this share of the best one...
ADDS_RATIO = 0.3  # ...or add question words the picked quotes lack, worth this share
EACH_TOP = 3  # each of the best-ranked articles is quoted by its best sentence...
EACH_FLOOR = 0.3  # ...when that sentence scores at least this share of the lead
KEY_CLAUSE_CHARS = 60
RARE_IN = 4  # a question word in at most this many sentences is rare: it names what the question is about
RARE_BONUS = 1.25
COUNT_BONUS = 1.3  # a sentence with a number of the unit a question counts in (几家 → 200家)
TIME_BONUS = 1.3  # a sentence giving a time (2020年10月8日…止) when a time is asked (什么时候兑现)
CLAUSE_CUE = 3.0  # what a cue word of the kind asked counts for in a clause, in IDF points
FOCUS_WEIGHT = 2.0  # a word after the question word (多久报一次运营数据 → 运营, 数据) counts this many times
KINDS_BONUS = 1.3  # a sentence listing the kinds a question asks for (哪些云资源 → 基础设施、…、存储…等云资源)
DOC_PRIOR = 0.3  # how much the document a question names lifts its sentences when articles are ranked by sentence


@dataclass(frozen=True)
class Sentence:
    """A quotable sentence of an article."""

    article: Article
    text: str
    index: int  # position among the article's own sentences


FORM_CAPTION_CHARS = 6  # 声明: a short line of a form with no punctuation, the caption of what follows
FORM_PARAGRAPH_CHARS = 30  # 我公司自愿参与…: a paragraph, not another field


class Quoter:
    """Picks quotes from retrieved articles."""

    def __init__(self, corpus: Corpus, lex: Lexicon, embeddings=None, cache_dir: Path | None = None):
        self.corpus = corpus
        self.lex = lex
        self.embeddings = embeddings
        self.sentences: list[Sentence] = []
        self.by_article: dict[str, list[int]] = {}
        under: list[str] = []
        self.caption_of: dict[int, str] = {}  # sentence index → the form caption it falls under (声明)
        for art in corpus.articles():
            heads = dict((x, h) for h, xs in self.enumerated(art) for x in xs)
            captions = self._captions(art) if art.label.startswith("附件") else {}
            for n, s in enumerate(self.quotable(art)):
                self.by_article.setdefault(art.id, []).append(len(self.sentences))
                self.sentences.append(Sentence(art, s, n))
                caption = next((c for line, c in captions.items() if s in line), "")
                if caption:
                    self.caption_of[len(self.sentences) - 1] = caption
                under.append(heads.get(s, ""))
        # A sentence is read under its article's heading and the point it falls under (四是支持宣传推广).
        self.tokens = [set(lexical_tokens(s.text)) | set(lexical_tokens(self._context(s.article) + " " + u))
                       for s, u in zip(self.sentences, under, strict=True)]
        df: dict[str, int] = {}
        for toks in self.tokens:
            for t in toks:
                df[t] = df.get(t, 0) + 1
        n = len(self.sentences) or 1
        self.idf = {t: math.log(1 + n / v) for t, v in df.items()}
        self.rare_idf = math.log(1 + n / RARE_IN)
        self.vectors = self._vectors(cache_dir) if embeddings is not None else None

    @staticmethod
    def _captions(art: Article) -> dict[str, str]:
        """A form's paragraphs with the caption above them (声明 / 我公司自愿参与…): a short line of no
        punctuation, then the paragraphs that follow it until the next field."""
        out: dict[str, str] = {}
        caption = ""
        for line in (x.strip() for x in art.own_text.split("\n")):
            if not line:
                continue
            if len(line) <= FORM_CAPTION_CHARS and not re.search(r"[。；，：:]", line):
                caption = line
            elif len(line) >= FORM_PARAGRAPH_CHARS and caption:
                out[line] = caption
            else:
                caption = ""
        return out

    def expand(self, tokens: set[str]) -> set[str]:
        """A question's words with their kin from the lexicon (退回 → 返还, 补上 → 补充)."""
        out = set(tokens)
        for group in self.lex.synonyms:  # 有意见: a word of three characters is said when its bigrams are
            if tokens & set(group) or any(len(w) > 2 and all(w[i:i + 2] in tokens for i in range(len(w) - 1))
                                          for w in group):
                for w in group:
                    out |= set(lexical_tokens(w))
        return out

    def _context(self, art: Article) -> str:
        """The heading a sentence is read under: its own, and for a list item its list's (（一）技术架构与具备功能)."""
        text = art.heading
        if art.kind in ("point", "item") and art.parent:
            text += " " + self.corpus.article(art.parent).heading
        return NUMBERING.sub(" ", text)  # 第六条, （二）: numbering, not words (条 is no part of 条件)

    def enumerated(self, art: Article) -> list[tuple[str, list[str]]]:
        """The points an article counts off in its own sentences (一是支持供需精准对接。… 二是…), each with the
        sentences that follow it."""
        out: list[tuple[str, list[str]]] = []
        for x in art.sentences():
            if re.match(self.lex.enumeration_point, x):
                out.append((x.rstrip("。；;"), []))
            elif out:
                out[-1][1].append(x)
        return out if len(out) >= 2 else []

    def quotable(self, node: Article) -> list[str]:
        """Sentences that may be quoted, verbatim in the published text as well.

        A bold heading the extraction printed four times over (二是支持上云推广试点) reads differently in the
        published file, and text whose source had markup (links) is not quoted either.
        """
        doc = self.corpus.docs[node.doc_id]
        out: list[str] = []
        for s in node.sentences():
            if s.rstrip("。；;：: ") in doc.repaired or any(u in s for u in doc.unquotable):
                continue
            if out and NOTE.fullmatch(s) and doc.contains(out[-1] + s):
                out[-1] += s  # 企业及平台简介 / （300字以内）: a form's note belongs to the line above it
                continue
            if out and OPTIONS.match(s) and doc.contains(out[-1] + s):
                out[-1] += " " + s  # 平台功能（可多选） / □企业云化迁移 □企业管理上云…: a form's boxes belong to their field
                continue
            out.append(s)
        return out

    def _vectors(self, cache_dir: Path | None) -> np.ndarray | None:
        """e5 vectors of every sentence, cached on disk by content and embedder (computed once)."""
        name = getattr(self.embeddings, "name", type(self.embeddings).__name__)
        key = hashlib.sha256(name.encode())
        for s in self.sentences:
            key.update(s.article.id.encode() + b"\0" + s.text.encode() + b"\0")
        path = cache_dir / f"sentences-{key.hexdigest()[:16]}.npy" if cache_dir else None
        if path is not None and path.exists():
            try:
                vecs = np.load(path)
                if vecs.shape[0] == len(self.sentences):
                    return vecs
            except (OSError, ValueError):
                log.warning("sentence vectors at %s unreadable; recomputing", path)
        if not self.sentences:
            return None
        vecs = np.asarray(self.embeddings.embed_documents([s.text for s in self.sentences]), dtype=np.float32)
        vecs /= np.linalg.norm(vecs, axis=1, keepdims=True) + 1e-9
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                fd, tmp = tempfile.mkstemp(prefix=".sentences-", suffix=".npy", dir=path.parent)
                with os.fdopen(fd, "wb") as f:
                    np.save(f, vecs)
                os.replace(tmp, path)
            except OSError as e:  # a read-only data dir: keep them in memory
                log.info("sentence vectors not cached (%s)", e)
        return vecs

    # scoring ----------------------------------------------------------------------------------------------

    def _cue(self, text: str, asked: list[str]) -> float:
        hits = sum(1 for kind in asked if any(w in text for w in self.lex.sentence_cues.get(kind, [])))
        return 1.0 + CUE_BONUS * hits

    def focus(self, question: str) -> set[str]:
        """The words (two characters or more) after the last question word of a clause: what is asked about."""
        words = "|".join(map(re.escape, self.lex.interrogatives))
        out: set[str] = set()
        for clause in re.split(r"[，。；;？?！!\s]", question):
            ends = [m.end() for m in re.finditer(words, clause)]
            if ends:
                out |= {t for t in lexical_tokens(clause[ends[-1]:]) if len(t) >= 2}
        return out

    def candidates(self, articles: list[Article]) -> list[tuple[int, float]]:
        """Sentence indexes of the articles (and their sub-articles) with the weight of the article's rank."""
        out: dict[int, float] = {}
        for rank, art in enumerate(articles):
            weight = HIT_WEIGHTS[min(rank, len(HIT_WEIGHTS) - 1)]
            stack = [art]
            while stack:
                node = stack.pop()
                if not (node.kind == "annex" and node.children):  # a form's cover lines (公章, 制) answer nothing
                    for i in self.by_article.get(node.id, []):
                        out[i] = max(out.get(i, 0.0), weight)
                stack.extend(self.corpus.article(c) for c in node.children)
        return list(out.items())

    def _scores(self, question: str, idxs: list[int], asked: list[str], qvec=None) -> list[float]:
        """How well each sentence answers ``question``: IDF-weighted overlap, e5 similarity, cue words, length."""
        q_tokens = self.expand(set(lexical_tokens(question)))
        focus = self.focus(question) & q_tokens
        weight = {t: self.idf.get(t, 1.0) * (FOCUS_WEIGHT if t in focus else 1.0) for t in q_tokens}
        total = sum(weight.values()) or 1.0
        sims = None
        if qvec is not None and self.vectors is not None and idxs:
            v = np.asarray(qvec, dtype=np.float32)
            v /= np.linalg.norm(v) + 1e-9
            sims = self.vectors[idxs] @ v
        rare = {t for t in q_tokens if len(t) >= 2 and self.idf.get(t, 0) >= self.rare_idf}
        # 要培育几家 / 多少个工作日: a sentence giving a number of that unit answers.
        units = [u for x in re.findall(self.lex.count_question, question) for u in self.lex.count_units.get(x, [x])]
        counted = re.compile(rf"[\d一二两三四五六七八九十百]+\s*个?(?:{'|'.join(map(re.escape, units))})") if units else None
        # 提供哪些云资源: a sentence that lists them (基础设施、计算、存储…等云资源) answers.
        kinds = [m[:n] for m in re.findall(self.lex.kinds_question, question) for n in range(len(m), 1, -1)]
        timed = bool(self.lex.when_question and re.search(self.lex.when_question, question))
        out = []
        for k, i in enumerate(idxs):
            s = self.sentences[i]
            lexical = sum(weight[t] for t in self.tokens[i] & q_tokens) / total
            dense = 0.0 if sims is None else min(1.0, max(0.0, (float(sims[k]) - DENSE_FLOOR) / DENSE_SPAN))
            score = (LEXICAL_SHARE * lexical + (1 - LEXICAL_SHARE) * dense) * self._cue(s.text, asked)
            if rare and rare & self.tokens[i]:
                score *= RARE_BONUS  # the question's rarest words (结算, 变更, 印发) name what it is about
            if counted is not None and counted.search(s.text):
                score *= COUNT_BONUS
            if timed and re.search(self.lex.time_value, s.text) and (not focus or focus & self.tokens[i]):
                # (啥时候开始 of 供应商申报: a date of another act, under its own heading, is no answer)
                score *= TIME_BONUS
            if kinds and "、" in s.text and any(f"等{x}" in s.text for x in kinds):
                score *= KINDS_BONUS
            out.append(score / (1 + LENGTH_PENALTY * len(s.text)))
        return out

    def rank_articles(self, question: str, articles: list[Article], asked: list[str], qvec=None,
                      doc_prior: dict[str, float] | None = None) -> list[Article]:
        """``articles`` (and their sub-articles) ordered by their best sentence for ``question``.

        Articles are long and list items short, so a whole-article match misjudges both; the sentence that
        answers is a sharper witness. ``doc_prior`` (0..1 per document) lifts the documents a question names.
        """
        idxs = []
        for art in articles:
            idxs.extend(self.by_article.get(art.id, []))
        idxs = list(dict.fromkeys(idxs))
        best: dict[str, tuple[float, Article]] = {}
        for i, sc in zip(idxs, self._scores(question, idxs, asked, qvec), strict=True):
            art = self.sentences[i].article
            sc *= 1 + DOC_PRIOR * (doc_prior or {}).get(art.doc_id, 0.0) ** 2
            if sc > best.get(art.id, (-1.0, art))[0]:
                best[art.id] = (sc, art)
        return [a for _, a in sorted(best.values(), key=lambda x: -x[0])]

    def pick(self, question: str, articles: list[Article], asked: list[str], qvec=None, limit: int = 3,
             within: Article | None = None) -> tuple[list[Sentence], Sentence | None]:
        """The best sentences for ``question`` among ``articles`` (best-ranked first), at most ``limit``.

        ``asked`` names the kinds of question (deadline, penalty, prohibition, ...) whose cue words favour a
        sentence. Returns the quotes in the documents' order and the lead: the best sentence overall (of
        ``within`` when given), which decides the answer.
        """
        cands = self.candidates(articles)
        if not cands:
            return [], None
        q_tokens = self.expand(set(lexical_tokens(question)))
        total = sum(self.idf.get(t, 1.0) for t in q_tokens) or 1.0
        scored = [(sc * weight, i) for (i, weight), sc in
                  zip(cands, self._scores(question, [i for i, _ in cands], asked, qvec), strict=True)]
        scored.sort(key=lambda x: -x[0])
        lead = scored[0][1]
        if within is not None:
            lead_ids = {within.id} | set(_descendants(self.corpus, within))
            lead = next((i for _, i in scored if self.sentences[i].article.id in lead_ids), lead)
        best = next(sc for sc, i in scored if i == lead)
        picked = [lead]
        covered = self.tokens[lead] & q_tokens
        for sc, i in scored:
            if len(picked) >= limit:
                break
            if i in picked or self.sentences[i].text in {self.sentences[j].text for j in picked}:
                continue
            adds = sum(self.idf.get(t, 1.0) for t in (self.tokens[i] & q_tokens) - covered) / total
            if sc >= KEEP_RATIO * best or adds >= ADDS_RATIO:
                picked.append(i)
                covered |= self.tokens[i] & q_tokens
        # The best-ranked articles each speak through their best sentence, when it answers well enough.
        for art in articles[:EACH_TOP]:
            mine = {art.id} | set(_descendants(self.corpus, art))
            if any(self.sentences[j].article.id in mine for j in picked):
                continue
            own = next(((sc, i) for sc, i in scored if self.sentences[i].article.id in mine), None)
            if own is not None and own[0] >= EACH_FLOOR * best and \
                    self.sentences[own[1]].text not in {self.sentences[j].text for j in picked}:
                picked.append(own[1])
        return self.in_order([self.sentences[i] for i in picked]), self.sentences[lead]

    def key_clause(self, sentence: str, question: str, asked: list[str]) -> str:
        """The clauses of a sentence that answer the question (a verbatim part of it), for the answer's first line.

        A long sentence is cut at its commas; the clause sharing most question words (and cue words of what is
        asked) is kept with its neighbour when that one also answers.
        """
        if len(sentence) <= KEY_CLAUSE_CHARS:
            return sentence
        parts = [p for p in re.split(r"(?<=[，,；;：])|(?<=(?<!\d):)(?!\d)", sentence) if p.strip()]
        if len(parts) < 2:
            return sentence
        q_tokens = {t for t in lexical_tokens(question) if len(t) > 1}  # one character (名, 人) says little here

        def score(text: str) -> float:  # a clause with a cue of what is asked (公示期内) answers a 什么时候 question
            toks = set(lexical_tokens(text))
            cue = self._cue(text, asked)
            return sum(self.idf.get(t, 1.0) for t in toks & q_tokens) * cue + CLAUSE_CUE * (cue - 1.0) / CUE_BONUS

        scores = [score(p) for p in parts]
        best = max(range(len(parts)), key=lambda i: scores[i])
        if scores[best] <= 0:
            return sentence
        lo = hi = best
        # A condition (如…的，/ …时，/ 对…的，) is read with what follows it; so is a clause opening a list (包括：).
        while (hi + 1 < len(parts) and re.search(r"(的|时|后|前)[，,]?$|[：:]$", parts[hi].strip())) or (
                hi + 1 < len(parts) and re.match(r"^(如|凡|对|若)", parts[hi].strip()) and hi == best):
            hi += 1
        while hi - lo + 1 < len(parts) and sum(len(p) for p in parts[lo:hi + 1]) < KEY_CLAUSE_CHARS // 2:
            left = scores[lo - 1] if lo > 0 else -1
            right = scores[hi + 1] if hi + 1 < len(parts) else -1
            if max(left, right) <= 0:
                break
            if right >= left:
                hi += 1
            else:
                lo -= 1
        if hi + 1 < len(parts) and re.search(r"[：:]$", parts[hi].strip()):
            hi += 1  # …评价指标主要包括：the list it opens
        return "".join(parts[lo:hi + 1]).rstrip("，,；;：:")

    def in_order(self, sents: list[Sentence]) -> list[Sentence]:
        """Sentences in the order of the documents, without duplicates."""
        docs = list(self.corpus.docs)
        seen, out = set(), []
        for s in sorted(sents, key=lambda s: (docs.index(s.article.doc_id), s.article.order, s.index)):
            if (s.article.id, s.text) not in seen:
                seen.add((s.article.id, s.text))
                out.append(s)
        return out

    def of_article(self, art: Article) -> list[Sentence]:
        """Every quotable sentence of an article and its sub-articles, in order."""
        ids = [art.id, *_descendants(self.corpus, art)]
        return [self.sentences[i] for aid in ids for i in self.by_article.get(aid, [])]


def _descendants(corpus: Corpus, art: Article) -> list[str]:
    out, stack = [], list(art.children)
    while stack:
        aid = stack.pop()
        out.append(aid)
        stack.extend(corpus.article(aid).children)
    return out
