"""Composing answers: retrieval first, then the verdict, figure, list or date, then the quotes.

The engine reads the question against the conversation (``navigator.reading``), refuses what the corpus
does not cover (``navigator.scope``), retrieves the articles (hybrid retrieval; the documents the question
names are favoured, those of other regions left out) and answers in one of a few shapes:

- an amount: one request to the same ``estimate`` service the 补贴测算 page uses, opening with 我的理解：;
- a yes/no question: 可以 / 不可以 / 文件未作规定, then the deciding quote;
- which programmes apply: ``match`` on the facts given so far, so the chat agrees with 政策匹配;
- a deadline: the window or validity and its status on the evaluation date;
- an attribute of one programme (materials, steps, conditions, who, contacts): its cited data;
- anything else: the sentences of the top articles that answer it.

Every sentence of an answer is a verbatim quote with its article, or a figure with the calculator steps
behind it. Nothing stated comes from anywhere else.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import itertools
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Any

from calculators.estimate import money_text, wan
from calculators.models import Citation, Programme
from calculators.rules import Region
from navigator import estimating, limits
from navigator.conversation import Conversation, Fact, Turn
from navigator.corpus import Article, Corpus, squash
from navigator.programmes import Registry
from navigator.quoting import Quoter, Sentence
from navigator.reading import (CLAUSE_END, GENERIC_TITLE_WORDS, AmountRead, Reader, Reading, changed, clause_start,
                               month_days, shares)
from navigator.retrieval import RRF_K
from navigator.scope import Scope

DOC_STATUS_TEXT = {"in_force": "现行有效", "not_yet_effective": "尚未施行", "expired": "有效期已届满，已失效",
                   "repealed": "已废止", "superseded": "已被新版本取代"}
STATUS_TEXT = {"open": "可申请/有效期内", "closed": "已截止或已失效", "not_yet_open": "尚未开始",
               "unknown": "文件未载明期限，无法确定"}
SEARCH_K = 8
ISSUE_DATE = re.compile(r"20\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
FORM_DATE = re.compile(r"20\d\d\s*年\s*(?:\d{1,2}\s*)?月?\s*(?:\d{1,2}\s*)?日?")  # a form's date line, left to fill in
NAMED_SCORE = 3.0  # a document scored this high is named by its own name (2020 + 服务券, 资源池), not by a hint
OWN_PHRASE = 8  # this many characters of the question's runs found in one document only speak of that document
OWN_TOPIC = 12  # this many make it the document favoured (资源池暨上云上平台供应商申报)
TITLE_RUN = 3  # a run of this many characters shared with a document's title names the document
DATED_LIMIT = re.compile(r"(?:(?P<y>20\d\d)年)?(?P<m>\d{1,2})月(?P<d>\d{1,2})日(?:[（(]星期.[)）])?"
                         r"(?:(?P<pm>下午|晚上)|上午)?(?:(?P<h>\d{1,2})(?:[:：](?P<mi>\d\d)|时|点))?(?:之?前|截止)")
SENTENCE_VOTE = 2.0  # the sentence ranking outvotes the whole-article ranking: the sentence that answers is sharper
POOL_K = 40  # articles retrieval hands to the sentence ranking, which re-orders them before the first SEARCH_K
QUOTE_ARTICLES = 7
HANDED_IN_CHARS = 6  # a thing asked to be handed in, said without a word for a document, is at most this long
WHO_PICK = 5  # sentences looked at for one naming an office, for a further clause asking who (先报到哪里)
OTHER_ASK_MIN_REST = 2  # a yes / no beside a question-word clause says at least this much of its own
OTHER_ASK_K = 3  # articles searched for each further asking clause of a question that asks several things
PARALLEL_K = 2  # best articles of the one of two parallel annexes a question names (…评价基本流程)
PARALLEL_AT = 1  # …placed after this many of the top articles
WHO_ACT_CHARS = 4  # the act a who-question asks about is said within this many characters after 谁 (由谁认定)
FOLLOW_UP_CHARS = 12  # a question this short asking with a question word and no word the texts do not know leans on the last
FOLLOW_UP_OWN_WORDS = 2  # a follow-up with no more words of its own than this keeps the earlier question's subject
QUERY_CHARS = 300  # retrieval sees at most this much of a question
LIST_BLOCK_CHARS = 600
TITLE_LINE_CHARS = 10  # a first sentence this short (典型案例情况。) titles its part rather than saying anything
FORM_MIN_FIELDS = 5  # a part of a form has at least this many fields (企业名称、员工人数…)
SUBJECT_TIE = 0.5  # of a name asked (运营公司是哪家), a sentence opening with the word wins a tie: it speaks of that thing
SUBJECT_CHARS = 8  # …within this many characters of its start
AGE_FACTS = ("established_months", "established_date")  # the asker's age as read…
AGE_FIELD = "established_on"  # …and the profile field a condition on it reads
REST_CHARS = 4  # 剩下 / 剩余 this close before a share makes it the part left over
UNSTATED_TIME = "文件未作规定：文件没有写明这一时限"
FORM_NAME_CHARS = 3  # 申报书 / 申请表: the last characters of a form's title name it (备案申报书, 兑付申请表)
LIST_ITEM_CHARS = 90
LIST_QUOTES = 6  # a list question quotes the deciding article's sentences up to this many  # an article is quoted whole as a list only when its items are this short
ATTRIBUTE_INTENTS = ("materials", "process", "conditions", "who", "contacts")
WINDOW_WORDS = ("截止", "有效期", "申领时间", "申请时间", "申报时间", "什么时候申请", "什么时候申领", "什么时候开始",
                "几号截止", "到什么时候", "哪天截止", "期限", "兑现时间", "多久有效", "还能申请", "还能申领")
DURATION = re.compile(r"\d+\s*个?(?:工作日|日|天|个月|年)内?|[一二三四五六七八九十]+\s*个?(?:工作日|日|天|个月|年)内?")
FORM_QUESTION = re.compile(r"写什么|写哪些|填什么|填哪|几栏|哪些栏|内容|栏目|包括哪些|有哪些项|哪些项目|要写|要填|部分|哪几年|哪些认证")
FORM_WORD = re.compile(r"申报书|申请表|表|书|流程")
LISTY = re.compile(r"哪些|哪几|几方面|几项|几个环节|几个步骤|包括什么|有什么要求|分别是|些啥|些什么")
ATTRIBUTE_WORDS = {"需要", "哪些", "准备", "提交", "申报", "申领", "办理", "一下", "具体", "东西", "要求", "什么", "资料", "单位",
                   "公司", "我们", "想", "得", "省", "市", "区", "联系", "方式", "电话", "号码", "打电话", "咨询"}
GENERIC_WORDS = {"服务券", "补贴", "补助", "企业", "申请", "上云", "政策", "服务", "平台", "享受", "工业"}


def tidy(text: str) -> str:
    """Whitespace normalised the way a reader expects: no spaces next to Chinese characters."""
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"(?<=[^\x00-\x7f]) | (?=[^\x00-\x7f])", "", text)


def money(x: Decimal | str) -> str:
    """An amount as the answers print it: 300,000.00元（30万元）."""
    v = Decimal(str(x))
    return f"{money_text(v)}元（{wan(v)}）"


@dataclass
class Draft:
    """An answer being written: lines of text and the citations behind them."""

    headline: str = ""
    lines: list[str] = field(default_factory=list)
    cites: list[Citation] = field(default_factory=list)
    quotes: list[Sentence] = field(default_factory=list)
    programmes: list[str] = field(default_factory=list)
    estimate: dict[str, Any] | None = None
    clarify: tuple[str, list[str]] | None = None
    refused: bool = False
    facts: list[Fact] = field(default_factory=list)
    ctx: Context | None = None  # what it was answered from (none for a refusal)


@dataclass
class Context:
    """What one question is answered from: its reading, the facts known, the retrieved articles."""

    r: Reading
    q: str
    query: str
    facts: dict[str, Any]
    when: dt.date | dt.datetime
    day: dt.date
    hits: list
    programmes: list[str]
    topic: str = ""  # the question without place and document names (what says which sentence answers)


class Engine:
    """Answers questions from the corpus; built once, then fast."""

    def __init__(self, retriever, registry: Registry, reader: Reader, scope: Scope, quoter: Quoter, service):
        self.retriever = retriever
        self.reg = registry
        self.corpus: Corpus = registry.corpus
        self.reader = reader
        self.scope = scope
        self.quoter = quoter
        self.service = service
        self.lex = reader.lex
        # Names of lines and documents: they route a question and say nothing of what it asks (built once).
        self.name_words = frozenset({w for ws in self.lex.line_words.values() for w in ws} | {
            a for d in self.corpus.docs.values() for a in d.aliases})
        # The amounts a calculator takes: another (服务收入四百多万 against a certification's 500万 threshold) is a
        # fact of the asker, and asks for no figure.
        self.figure_fields = frozenset({*estimating.PAYMENT_FIELDS, *(
            s.name for x in self.reg.programmes.values() for s in estimating.specs_of(x))})

    # --- the conversation ----------------------------------------------------------------------------------

    def ask_in(self, conv: Conversation, question: Any, profile=None, as_of: dt.date | dt.datetime | None = None):
        """Answer ``question`` within ``conv`` and record the turn (CONTRACT ``ask``)."""
        from navigator.answer import Answer, Clarify, clean_question

        q = clean_question(question)
        when = as_of or dt.date.today()
        day = when.date() if isinstance(when, dt.datetime) else when
        own = self.reader.read(q)
        last = next((t for t in reversed(conv.turns) if not t.refused), None)
        leans = last is not None and (self._leans_on_earlier(own) or (
            own.follow_up and not own.programmes and self._same_topic(own, last)) or (
            own.follow_up and self._within_last(own, last)))  # 那白云纳税900万的话呢
        same_topic = last is not None and not leans and self._same_topic(own, last)
        why = self.scope.out_of_scope(own) or self._excluded_everywhere(own)
        # (a place every programme leaves out, 深圳市企业上云有补贴吗, is refused however close the topic)
        if (leans or (same_topic and not self._excluded_everywhere(own))) and why \
                and self.scope.uncovered_place(own) is None and self.scope.other_topic(q) is None \
                and self.scope.other_request(q) is None and not self._names_other_things(own):
            why = None  # a follow-up about what was discussed, in the words of a conversation
        reading = own
        if why:
            d = self._refuse(why)
        else:
            reading = self._merge(own, conv, last) if leans else (
                self._merge(own, conv, last, facts_only=True) if same_topic else own)
            d = self._answer(reading, q, profile, when, day)
            if not d.refused and d.clarify is None and d.ctx is not None:
                self._other_asks(d, d.ctx)
        statuses = {pid: self.service.status(self.reg.get(pid), when) for pid in d.programmes
                    if pid in self.reg.programmes}
        text = "\n".join(x for x in [d.headline, *d.lines] if x)
        cites = self._unique(d.cites + [self.corpus.cite_article(s.article, s.text) for s in d.quotes])
        reading_doc = reading.to_contract()
        ans = Answer(answer=text, citations=cites, programmes=d.programmes, refused=d.refused, estimate=d.estimate,
                     reading=reading_doc, headline=d.headline, statuses=statuses,
                     clarify=Clarify(question=d.clarify[0], options=d.clarify[1]) if d.clarify else None)
        turn = Turn(question=question if isinstance(question, str) else q, reading=reading_doc,
                    programmes=d.programmes, headline=d.headline, refused=d.refused,
                    estimated=d.estimate is not None)
        conv.remember(turn, [] if d.refused else d.facts, [] if d.refused else d.programmes)
        return ans

    def _other_asks(self, d: Draft, ctx: Context) -> None:
        """A question asking several things (名单是谁提出的？钱最后由谁拨？): each asking clause gets the sentence that
        answers it, when the answer does not quote it yet. The answer to the whole question stays first."""
        asks = self.reader.asks(ctx.q)
        # 附什么，之后公示吗: a clause asking with a question word beside the yes / no the verdict answers
        beside = len(asks) == 1 and ctx.r.yes_no and d.headline.startswith(("可以", "不可以")) and len(
            squash(asks[0])) < len(squash(ctx.q)) - OTHER_ASK_MIN_REST
        if len(asks) < 2 and not beside:
            return
        docs = {h.chunk.article.doc_id for h in ctx.hits[:3]}
        quoted = {s.text for s in d.quotes}
        for part in asks:
            own = self.reader.read(part)
            if (beside and self._listed_beside(d, ctx, part, own)) or self._section_beside(d, ctx, part, own):
                continue
            words = self._topic_words(part, own, docs) or part
            hits = self.retriever.search(words[:QUERY_CHARS], k=OTHER_ASK_K, doc_ids=docs or None)
            arts = list({a.id: a for a in [*(h.chunk.article for h in ctx.hits[:QUOTE_ARTICLES]),
                                           *(h.chunk.article for h in hits)]}.values())
            qvec = self.retriever.embeddings.embed_query(part)
            who = re.search(self.lex.who_question, part)
            picked, lead = self.quoter.pick(words, arts, self._asked(own), qvec=qvec, limit=WHO_PICK if who else 1)
            find, _canon = self._actor_names
            if lead is not None and who and not find.search(lead.text):
                # 先交给谁受理 / 先报到哪里: a sentence not yet said that names an office answers
                lead = next((x for x in picked if find.search(x.text) and x.text not in quoted
                             and not any(tidy(x.text) in y for y in [d.headline, *d.lines])), lead)
            if lead is not None and not who and (lead.text in quoted or any(tidy(lead.text) in x for x in [
                    d.headline, *d.lines])):  # 附什么 after a verdict quoting 正式公布评价结果: the next best sentence
                two, _best = self.quoter.pick(words, arts, self._asked(own), qvec=qvec, limit=2)
                lead = next((x for x in two if x is not lead and x.text not in quoted), lead)
            if lead is None or lead.text in quoted or any(tidy(lead.text) in x for x in [d.headline, *d.lines]):
                continue
            if not any(t in lead.text for t in self._asking_content(part, own)):
                continue  # 从哪儿弄: nothing of its own that a sentence could answer
            quoted.add(lead.text)
            clause = self.quoter.key_clause(lead.text, part, self._asked(own))
            if "依据：" not in d.lines:
                d.lines.append("依据：")
            basis = d.lines.index("依据：")
            d.lines.insert(basis, f"关于“{part}”：{tidy(clause)}（{lead.article.label}）")
            last_quote = max((i for i, x in enumerate(d.lines) if i > basis + 1 and x.startswith("《")), default=basis + 1)
            d.lines.insert(last_quote + 1, self._quote_line(lead.article, lead.text))
            d.quotes.append(lead)

    def _listed_beside(self, d: Draft, ctx: Context, part: str, own: Reading) -> bool:
        """备案材料一共要交哪些，…是不是都在里面: a clause asking for a list of the one programme asked about (its
        materials, steps) beside the yes / no: the list, from the programme's data, after the verdict."""
        focus = next((k for k in ("materials", "process") if k in own.intents), None)
        progs = list(ctx.programmes)
        if len(progs) > 1:
            side = "provider" if ctx.r.provider or re.search(self.lex.provider_side, ctx.q) else "enterprise"
            progs = [p for p in progs if self.reg.get(p).side == side]
        out = self._attribute_lines(self.reg.get(progs[0]), focus) if focus and len(progs) == 1 else []
        if not out:
            return False
        if "依据：" not in d.lines:
            d.lines.append("依据：")
        at = d.lines.index("依据：")
        d.lines[at:at] = [f"关于“{part}”：{out[0][0]}", *(t for t, _c in out[1:])]
        d.cites += [c for _t, c in out]
        return True

    def _section_beside(self, d: Draft, ctx: Context, part: str, own: Reading) -> bool:
        """技术架构与具备功能这一节要写哪几点，…要不要写认证情况: a clause asking for the points of one part of a text
        (a form's section) beside the yes / no: that part, as the clause alone is answered."""
        if not LISTY.search(part) or own.yes_no:
            return False
        sub = self._answer(own.model_copy(update={"documents": own.documents or ctx.r.documents}), part, None,
                           ctx.when, ctx.day)
        block = [x for x in sub.lines if x.startswith("《")][:1]
        if sub.refused or not sub.headline.endswith("所列：") or not block or block[0] in d.lines:
            return False
        if "依据：" not in d.lines:
            d.lines.append("依据：")
        at = d.lines.index("依据：")
        d.lines.insert(at, f"关于“{part}”：{sub.headline}")
        d.lines.insert(d.lines.index("依据：") + 1, block[0])
        d.cites += sub.cites
        return True

    def _asking_content(self, part: str, own: Reading) -> list[str]:
        """The nouns and verbs of an asking clause that a sentence answering it would say (钱, 拨 of 钱最后由谁拨)."""
        kinds = self.scope.kinds(part)
        skip = {*self.lex.question_words, *self.lex.interrogatives, *self.lex.vague_acts}
        return [w for w, k in kinds.items() if k[:1] in ("n", "v") and w not in skip
                and not any(w in i for i in self.lex.interrogatives)]

    def _excluded_everywhere(self, r: Reading) -> str | None:
        """The refusal for a place every enterprise programme covering it excludes (深圳市南山区的企业上云补贴), asked
        with no programme or document named: no text offers it anything."""
        q = r.question
        if not r.places or self.reader.lines_named(q) or self.reader.topic_documents(q) or any(
                a in q and not self.reader.gaz.lookup(a) for d in self.corpus.docs.values() for a in d.aliases):
            return None
        specific = self.reader.most_specific(r.places)
        docs = {d.id for d in self.corpus.docs.values() if any(self.reader.inside(d.region, p) for p in specific)}
        lines = [x for x in self.reg.programmes.values() if x.doc in docs and x.side == "enterprise"]
        excluded = [self.scope.excluded_city(r, x) for x in lines]
        if not lines or not all(excluded):
            return None
        city, ex = excluded[0]
        return f"现有政策库没有适用于{city}企业的上云政策（{ex.cite.article}：“{tidy(ex.cite.quote)}”）"

    def _text_claim(self, r: Reading, a: AmountRead) -> bool:
        """A figure bound to no field that a yes/no question puts forward as the text's own (初始限额是800万吧): a
        claim about what the text says, not a payment to estimate."""
        if not r.yes_no or a.turn is not None or a.start is None or a.end is None:
            return False
        q = r.question
        tail = re.sub(r"^\s*元", "", q[a.end:a.end + 6])
        if any(tail.startswith(w) for w in self.lex.intents.get("quota", [])):
            return True  # 给供应商的800万元限额是固定不变的吗: the text's quota, named by its figure
        head = q[:a.start].rstrip()  # 初始限额 500万吗: the quota named right before the figure, as 是 would
        return (q[max(0, a.start - 1):a.start] in self.lex.limits.claim_before or (head != q[:a.start] and any(
            head.endswith(w) for w in self.lex.intents.get("quota", [])))) and bool(
            re.match(self.lex.limits.claim_end, tail))

    @staticmethod
    def _claim(r: Reading) -> AmountRead | None:
        """The figure the asker puts forward in this question (能拿到24万吗), if any."""
        return next((a for a in r.amounts if a.field == "claimed" and a.usable and a.turn is None), None)

    def _claim_verdict(self, r: Reading, total: Decimal) -> str:
        """能拿到24万吗: 可以 when the estimate reaches the figure the asker puts forward, 不可以 with the estimate
        otherwise. A ceiling asked about (最多补100万吗) or a figure set (改成100万) is no claim."""
        claim = self._claim(r)
        if not r.yes_no or claim is None:
            return ""
        at = r.question.find(claim.text)
        if at < 0 or any(w in r.question[max(0, at - 6):at] for w in (*self.lex.cap_words, *self.lex.figure_set_words)):
            return ""
        if any(w in r.question for w in self.lex.claim_check):  # 这个估算对吗: the figure itself
            return "可以。" if claim.value_cny == total else f"不可以：按文件测算为{money(total)}，不是“{claim.text}”。"
        if claim.value_cny <= total:
            return "可以。"
        return f"不可以：按文件测算为{money(total)}，达不到“{claim.text}”。"

    def _leans_on_earlier(self, own: Reading) -> bool:
        """A follow-up: it says so (那 / 如果 / 呢 / 的话) or only adds facts, and names no new topic.

        An unrelated request after an in-scope turn ("帮我写一首诗", "明天天气怎么样") does not lean: it has
        several words the texts never use and nothing of what is asked here (amounts, years, facts).
        """
        if own.amounts and any(w in own.question for w in self.lex.follow_up.adding):
            return True  # 再加上智能车间50万呢: a line added to the estimate before
        topic = bool(own.programmes or self.reader.topic_documents(own.question))
        if topic:
            return False
        if own.follow_up and own.places and not self._names_other_things(own):
            return True  # 换成我们佛山那个厂签这份合同呢: the question before, in another place
        unknown = self.scope.unknown_words(own.question, own)
        if len(unknown) >= 2 and not (own.amounts or own.asked_year):
            return False
        if own.follow_up:
            return True
        if own.places:
            return False
        if not unknown and len(squash(own.question).rstrip("？?。！!")) <= FOLLOW_UP_CHARS and any(
                w in own.question for w in self.lex.interrogatives):
            return True  # 要报些啥？ / 交到 哪里: a short question with nothing of its own but what it asks
        # 评为优秀的会得到哪些支持 / 网上 填什么表: nothing the texts do not know, and words they use.
        known = [t for t in self.scope.content_words(own.question, own)
                 if t not in GENERIC_WORDS and squash(t) in self.scope.text_all]
        return bool(own.amounts or own.asked_year or own.yes_no or own.intents or own.facts or (known and not unknown))

    def _within_last(self, own: Reading, last: Turn) -> bool:
        """A follow-up (那普通的工业互联网供应商呢) whose words of the texts all occur in the document discussed: it asks the same of
        something that document speaks of, even when another document has a line of that name."""
        docs = [self.corpus.docs[d] for d in (last.reading or {}).get("documents") or [] if d in self.corpus.docs]
        words = [t for t in self.scope.content_words(own.question, own)
                 if t not in GENERIC_WORDS and squash(t) in self.scope.text_all]
        return bool(docs and words and not own.places) and any(
            all(squash(t) in squash(d.body) for t in words) for d in docs)

    def _names_other_things(self, own: Reading) -> bool:
        """The question names things the texts never speak of (天气, 股票) and asks nothing these policies answer
        (no domain word, no kind of question they answer): no follow-up makes it theirs."""
        strong, weak = self.scope.anchored(own.question)
        if strong or weak or set(own.intents) - {"amount", "time", "estimate"}:  # 几 / 多少 / 算一下 are asked of anything
            return False
        if any(a.field for a in own.amounts) or own.asked_year or set(own.facts) - {"province", "city", "district"}:
            return False  # 要是交税只有450万呢: a figure or a fact of the asker changes the question before
            # (100万房贷的月供: a figure of nothing these texts pay for, beside a thing they never name, does not)
        kinds = self.scope.kinds(own.question)
        said = {*self.lex.follow_up.openers, *self.lex.follow_up.closers}  # 换成…呢 says it follows up
        return any((kinds.get(t) or "")[:1] in ("n", "i", "l", "j") and kinds.get(t) != "nr" and t not in said
                   for t in self.scope.unknown_words(own.question, own))

    def _same_topic(self, own: Reading, last: Turn) -> bool:
        """The question is about the document the conversation is about (its facts still hold)."""
        prev_docs = set((last.reading or {}).get("documents") or [])
        mine = set(self.reader.topic_documents(own.question)) | {self.reg.get(p).doc for p in own.programmes
                                                                 if p in self.reg.programmes}
        return bool(mine) and mine <= prev_docs

    @staticmethod
    def _changed_fact(conv: Conversation, a: AmountRead):
        """The amount said before that a change (服务费少了20万, 再加5万) applies to: one of its field; a fee's change
        (or a bare one) to the last payment of its line, never to a tax or capital said beside it."""
        said = [f for f in reversed(conv.facts) if f.field in estimating.PAYMENT_FIELDS or f.field.endswith("_cny")]
        if a.field not in (None, "fees"):
            return next((f for f in said if f.field == a.field), None)
        pays = [f for f in said if f.field in estimating.PAYMENT_FIELDS and (
            a.programme is None or f.programme in (None, a.programme))]
        if pays or a.field == "fees":
            return pays[0] if pays else None
        return said[0] if said else None

    def _merge(self, own: Reading, conv: Conversation, last: Turn, facts_only: bool = False) -> Reading:
        """The question read with what earlier turns said: their documents, lines and facts fill the gaps.

        ``facts_only``: a new question on the same subject keeps the facts stated before, nothing else.
        """
        prev = last.reading or {}
        inherited = []
        upd: dict[str, Any] = {} if facts_only else {"follow_up": True, "previous_question": last.question,
                                                      "previous_answer": last.headline}
        topic = bool(own.programmes or self.reader.topic_documents(own.question)) or facts_only
        if prev.get("documents") and (not topic or (not facts_only and self._within_last(own, last))):
            upd["documents"] = prev["documents"]
        if not facts_only:
            if not own.programmes and (prev.get("programmes") or conv.programmes):
                upd["programmes"] = list(prev.get("programmes") or conv.programmes)
            if not own.places and prev.get("places"):
                upd["places"] = [p for n in prev["places"] for p in self.reader.places(n)]
            asks_who = not own.intents and re.search(self.lex.who_question, own.question)
            if (not own.intents and not asks_who) or (own.follow_up and set(own.intents) <= {"amount", "estimate"}):
                # (接下来由谁给我们开通服务 after 公示多少个工作日: who acts is asked, not the time again)
                whether = own.yes_no and not own.amounts and last.estimated  # 还能拿吗 after a figure: whether
                upd["intents"] = list(dict.fromkeys([*(i for i in prev.get("intents", [])
                                                       if not (whether and i in ("amount", "estimate"))), *own.intents]))
                if last.estimated and (own.places or own.amounts or own.facts or own.asked_year) and not (
                        own.yes_no and not own.amounts):  # (总公司在哈尔滨注册的，还能拿吗: whether, not how much)
                    upd["intents"].append("estimate")  # 换成肇庆呢 after a figure: the figure again, one fact changed
            if prev.get("yes_no") and not own.yes_no and not own.intents and not own.amounts:
                upd["yes_no"] = True  # 那广州的呢？ after 深圳企业能申请吗
        earlier_facts = {f.field: f for f in conv.facts if not f.field.endswith("_cny") and f.field != "fees"}
        if own.asker_places:  # a new place replaces the earlier one at every level
            for lvl in ("province", "city", "district"):
                earlier_facts.pop(lvl, None)
        kept = {k: f for k, f in earlier_facts.items() if k not in own.facts}
        if kept:
            upd["facts"] = {**{k: f.value for k, f in kept.items()}, **own.facts}
            upd["fact_words"] = {**{k: f.text for k, f in kept.items()}, **own.fact_words}
            inherited += [f"{f.text}（第{f.turn}轮）" for f in kept.values() if f.text]
        payments = [f for f in conv.facts if f.field in estimating.PAYMENT_FIELDS]
        if payments and own.amounts and all(a.field is None for a in own.amounts):
            # 那如果三年都是40万呢？ — a bare amount in a follow-up is the payment spoken of before.
            ref = payments[-1]
            own = own.model_copy(update={"amounts": [a.model_copy(update={
                "field": ref.field, "programme": a.programme or ref.programme,
                "year": a.year if (a.year or own.each_year) else None}) for a in own.amounts]})
            upd["amounts"] = own.amounts
        scale = None if own.amounts or facts_only else self.reader.scaled(own.question)
        if scale is not None:  # 要是合同额翻一倍呢: the amount said before, times the factor
            factor, field, words = scale
            ref = self._changed_fact(conv, AmountRead(field=field, value_cny=None, text=words))
            if ref is not None:
                value = (Decimal(str(ref.value)) * factor).quantize(Decimal("0.01"))
                own = own.model_copy(update={"amounts": [AmountRead(
                    field=ref.field, programme=ref.programme, year=ref.year, value_cny=value,
                    text=f"{ref.text}（第{ref.turn}轮）×{factor.normalize():f}（“{words}”）")]})
                upd["amounts"] = own.amounts
        changes = [a for a in own.amounts if a.change]
        if changes and not facts_only:  # 合同要是再加5万呢: the amount said before, changed
            kept_own = [a for a in own.amounts if not a.change]
            for a in changes:
                ref = self._changed_fact(conv, a)
                if ref is None:
                    kept_own.append(a.model_copy(update={"change": None}))
                    continue
                before = AmountRead(field=ref.field, programme=ref.programme, year=ref.year,
                                    value_cny=Decimal(str(ref.value)), text=f"{ref.text}（第{ref.turn}轮）", turn=ref.turn)
                kept_own.append(changed(before, a))
            own = own.model_copy(update={"amounts": kept_own})
            upd["amounts"] = own.amounts
        said = {(a.field, a.programme, a.year) for a in own.amounts}
        said_fields = {a.field for a in own.amounts}
        adding = not facts_only and any(w in own.question for w in self.lex.follow_up.adding)
        new_lines = {a.programme for a in own.amounts if a.programme}
        earlier = []
        for f in conv.facts:
            if not (f.field.endswith("_cny") or f.field == "fees") or (f.field, f.programme, f.year) in said:
                continue
            payment = f.field in estimating.PAYMENT_FIELDS
            new_years = {a.year for a in own.amounts if a.field in estimating.PAYMENT_FIELDS}
            year_asked = prev.get("asked_year")
            if payment and f.year is None and year_asked and new_years and None not in new_years \
                    and year_asked not in new_years and not facts_only:
                # 一年租赁费25万，第一年补多少？ then 第二年要是也花25万: the earlier fee was the year asked about
                earlier.append(AmountRead(field=f.field, programme=f.programme, year=year_asked,
                                          value_cny=Decimal(str(f.value)), text=f.text, turn=f.turn))
                continue
            if payment and said_fields & set(estimating.PAYMENT_FIELDS) and (
                    None in new_years or f.year is None or f.year in new_years) and not (
                    adding and f.programme and f.programme not in new_lines):
                continue  # a new payment replaces the earlier ones ("合同20万的话呢"); another year's stays, and
                #           another line's when the question adds a line (再加上公有云80万呢)
            if not payment and f.field in said_fields:
                continue
            earlier.append(AmountRead(field=f.field, programme=f.programme, year=f.year,
                                      value_cny=Decimal(str(f.value)), text=f.text, turn=f.turn))
        if own.span_years and not facts_only:  # 如果他们只用了前两年呢: the earlier years' fees beyond the span go
            earlier = [a for a in earlier if a.year is None or a.year <= own.span_years]
        if earlier:
            upd["amounts"] = [*own.amounts, *earlier]
            inherited += [f"{a.text}（第{a.turn}轮）" for a in earlier]
            if adding and own.programmes:
                kept_lines = [a.programme for a in earlier if a.programme and a.programme not in own.programmes]
                upd["programmes"] = list(dict.fromkeys([*own.programmes, *kept_lines]))
        for key in ("asked_year", "span_years"):  # 第三年呢; 要是每年40万呢 after 三年租赁费每年10万
            if getattr(own, key) is None and prev.get(key) and not facts_only:
                upd[key] = prev[key]
        upd["inherited"] = inherited
        return own.model_copy(update=upd)

    def _remembered(self, r: Reading, amounts: list[AmountRead] | None = None) -> list[Fact]:
        """The facts of this question worth keeping for the next ones."""
        amounts = r.amounts if amounts is None else amounts
        facts = [Fact(field=a.field, value=str(a.value_cny), programme=a.programme, year=a.year, text=a.text)
                 for a in amounts if a.turn is None and a.usable and a.field]
        facts += [Fact(field=k, value=v, text=r.fact_words.get(k, "")) for k, v in r.facts.items()
                  if r.fact_words.get(k) is not None and k in r.fact_words]
        return facts

    # --- answering -----------------------------------------------------------------------------------------

    def _answer(self, r: Reading, q: str, profile, when, day: dt.date) -> Draft:
        facts = self._facts_of(r, profile, day)
        query = self._query(r, q)
        only, boost = self._route(r, q)
        hits = self.retriever.search(query[:estimating_query_cap()], k=POOL_K, doc_ids=only or None,
                                     boost_docs=boost or None)
        floor = getattr(self.retriever.embeddings, "unrelated_below", None)
        if not hits or (not boost and not only and floor is not None and (hits[0].dense_sim or 0) < floor
                        and not r.follow_up and not any(self.scope.anchored(q))
                        and not self.scope.text_phrases(q, self.scope.unknown_words(q, r))):
            return self._refuse("没有找到与问题对应的政策条文")
        topic = self._topic_words(query[:QUERY_CHARS], r, {h.chunk.article.doc_id for h in hits})
        hits = self._by_sentence(hits, r, query, topic)[:SEARCH_K]
        hits = self._parallel_annexes(q, query, hits)
        hits = self._named_line_first(q, hits)
        annex = self._annex_asked(r, q, only)
        if annex is not None:
            hits = self._within(annex, query) or hits
        ctx = Context(r, q, query, facts, when, day, hits, self._programmes(r, hits), topic)
        if r.facts.get("received_before"):
            facts["received_programmes"] = list(ctx.programmes)
        d = Draft(facts=self._remembered(r), programmes=list(ctx.programmes), ctx=ctx)
        intents = set(r.intents)
        if "match" in intents:
            return self._match(d, ctx)
        if r.places and "place_list" in intents and not self.reader.lines_named(q):
            return self._for_place(d, ctx)
        payments = [a for a in r.amounts if a.field in estimating.PAYMENT_FIELDS or (
            a.field is None and not self.reader.bar_not_payment(a, r.question) and not self._text_claim(r, a))]
        inputs = [a for a in r.amounts if a.field != "claimed"]
        # 能补多少 asks money; 培育多少家 counts (a count question is not a money question).
        how_much = any(w in q for w in ("多少", "几成", "几个钱", "能补几", "多少钱")) and not (
            re.search(self.lex.count_question, q) and not re.search(self.lex.money_question, q)) and bool(
            intents & {"amount", "estimate"})  # 一个套餐多少钱 asks a price (Reader.intents leaves both out)
        cap_question = any(w in q for w in (*self.lex.cap_words, "比例", "几成", "百分之", "补贴率")) and not payments
        # (云上软件园明年还能接着申请吗 after an estimate: the earlier fees ask nothing of a yes / no on applying)
        asked_payments = [a for a in payments if a.turn is None] or (
            payments if intents & {"amount", "estimate"} and not (r.yes_no and r.follow_up and not how_much) else [])
        # (总公司在哈尔滨注册的，还能拿吗 after a figure: whether the asker may, not the earlier figure again)
        if r.yes_no and not how_much and re.search(self.lex.yes_no.fixed_claim, q):
            return self._yes_no(d, ctx)  # 这800万是不是固定不变: whether the figure stays, not what it pays
        if r.yes_no and not asked_payments and (not how_much or self._no_cap(ctx) is not None):
            return self._yes_no(d, ctx)  # 有没有规定一家企业最多奖补多少, where the text sets no ceiling: silent
        # 能补50万元，这个估算对吗 with the fees given: the figure claimed is checked against the estimate.
        claims = bool(payments) and self._claim(r) is not None
        if r.yes_no and not how_much and not claims and shares(q) and self._rate_verdict(
                ctx, [self.reg.get(p) for p in ctx.programmes]) is not None:
            return self._yes_no(d, ctx)  # 合同额100万…有人说奖补比例是80%，这对吗: the rate claimed is what is asked
        own_payments = [a for a in payments if a.turn is None]  # an earlier turn's fee asks nothing now
        terse_ask = bool(own_payments) and any(w in q for w in self.lex.figure_asks)
        # 能领几次 / 一共补几年: a count or a span, not an amount
        counting = not r.amounts and any(re.search(x, q) for x in (
            self.lex.asked_values["次数"].question, self.lex.asked_values["时限"].question, self.lex.years_question))
        figures_in = [a for a in inputs if a.field is None or a.field in self.figure_fields]
        wants_figure = (bool(intents & {"estimate"}) and not cap_question and not counting) or bool(
            figures_in and intents & {"amount"}) or (
            r.follow_up and bool([a for a in inputs if a.turn is None])) or terse_ask or claims
        if wants_figure and "deadline" in intents and not [a for a in inputs if a.turn is None] \
                and not re.search(self.lex.money_question, q):
            wants_figure = False  # 公示几天 after an amount question: a time, not the earlier figure again
        if wants_figure:
            lines = self._estimate_lines(ctx)
            if lines and (inputs or "estimate" in intents):
                return self._estimate(d, ctx, lines)
            if not lines and not ctx.programmes:
                d.lines.append("本政策暂无测算规则，以下为原文规定，不作金额测算。")
        if (not r.documents and not r.places and not r.programmes and "amount" in intents and not r.amounts
                and self._generic_subsidy(q, r)):
            return self._overview(d, ctx)
        if cap_question and not r.yes_no and "amount" in intents:
            lines = self._estimate_lines(ctx)
            if len(lines) == 1 and lines[0].rate_text:
                x = lines[0]
                cite = self._rate_cite(x)
                d.headline = f"{x.title}：{tidy(x.rate_text)}；{tidy(x.cap_text or '')}（{cite.article}）"
                group = self._city_group(x, ctx.facts.get("city"))
                pilot = x.calculator.cluster_pilot_rate if group is not None else None
                if pilot is not None and ctx.facts.get("cluster_pilot") is True and pilot.value > group.rate.value:
                    d.headline = (f"产业集群试点奖补比例{pilot.value * 100:.0f}%（{pilot.cite.article}），高于{ctx.facts['city']}"
                                  f"所属{group.name}的{group.rate.value * 100:.0f}%。{d.headline}")
                elif group is not None:  # 2020服务券 揭阳 比例: the rate of the city's group first
                    d.headline = (f"{ctx.facts['city']}属{group.name}，奖补比例{group.rate.value * 100:.0f}%"
                                  f"（{group.rate.cite.article}）；产业集群试点按{x.calculator.cluster_pilot_rate.value * 100:.0f}%。"
                                  f"{d.headline}")
                d.cites.append(cite)
                d.programmes = [x.id]
                self._quotes(d, ctx, limit=2)
                self._status_lines(d, ctx)
                return d
        if not r.yes_no and self._process_range(d, ctx):  # 评审做完以后，到公布之前还有哪些步骤
            self._status_lines(d, ctx)
            return d
        addressee = self._addressee(ctx)  # 印发给了谁，要求他们做什么: the notice, not the conditions
        attribute = addressee is None and self._attribute(d, ctx)
        lead = self._quotes(d, ctx, limit=2 if attribute else 3)
        lead = self._line_sentence(d, ctx, lead)
        found = self._issue_date(ctx) or self._doc_number(ctx) or addressee or self._attachments(ctx) \
            or self._addressee_task(ctx) or self._looked_up(ctx, lead)
        if found is False:
            doc = self.corpus.docs[self._lookup_doc(ctx)]
            what = "、".join(self.lex.lookup_intents[k] for k in r.intents if k in self.lex.lookup_intents)
            d.headline = f"文件未作规定：《{doc.title}》没有写明{what}，请向发文单位（{doc.issuer}）确认。"
            found = None
        if found is None and re.search(self.lex.doc_number_question, q) and (
                doc := self.corpus.docs.get(self._asked_doc(ctx) or "")) is not None:
            d.headline = (f"《{doc.title}》的文号：{doc.doc_number}（发文信息；正文未印文号）。" if doc.doc_number
                          else f"文件未作规定：《{doc.title}》没有载明文号。")
        if found is not None:
            lead = found
            line = self._quote_line(found.article, found.text)
            if line in d.lines:
                d.lines.remove(line)
            d.lines.insert(d.lines.index("依据：") + 1 if "依据：" in d.lines else 0, line)
            d.quotes.insert(0, found)
            listed = [x for i in self.quoter.by_article.get(found.article.id, []) if (x := self.quoter.sentences[i])
                      is not found] if found.article.label == "附件" and re.search(self.lex.attachment_question, q) else []
            for x in listed:  # every attachment the line lists (1. …认定基本流程 2. …评价基本流程)
                d.lines.insert(d.lines.index(line) + 1, self._quote_line(x.article, x.text))
            if listed:
                d.headline = f"{'；'.join(tidy(x.text) for x in [found, *listed])}（{found.article.label}）"
            asked_to = re.search(self.lex.request_words, found.text) if re.search(self.lex.addressee_task, q) else None
            if asked_to is not None:  # 让镇街经信部门干啥: what the notice asks of them, from its 请 on
                d.headline = f"{tidy(found.text[asked_to.start():])}（{found.article.label}）"
            dated = self._dated_lines(ctx) if len(re.findall(self.lex.issue_date_question, q)) >= 2 else []
            if found in dated and len(dated) >= 2:  # 哪天发文的，办公室又是哪天印发的: every dated line, in order
                for x in dated:
                    if x is not found:
                        d.lines.insert(d.lines.index(line) + 1, self._quote_line(x.article, x.text))
                        d.cites.insert(0, self.corpus.cite_article(x.article, x.text))
                d.headline = "日期：" + "；".join(f"{tidy(x.text)}（{x.article.label}）" for x in dated)
            if re.search(self.lex.issue_date_question, q) and not ISSUE_DATE.search(found.text):
                shown = " ".join(found.text.split())  # 2023年  月: the blank left for the month kept visible
                d.headline = (f"文件正文未载明发布日期；{found.article.label}的落款为“{shown}”"
                              f"（{found.article.label}），请以发文单位公布的为准。")
        step = self._step_asked(d, ctx, lead) if lead is not None else None
        besides = self._besides(d, ctx, lead) if lead is not None and step is None else None
        if besides is not None:  # 除了典型案例以外，还要写哪些: the list's other items, each with its label
            aside, rest = besides
            d.headline = f"除“{aside}”外，还有：" + "；".join(f"{tidy(text)}（{k.label}）" for k, text in rest)
            for k, text in reversed(rest):
                d.cites.insert(0, self.corpus.cite_article(k, text))
                line = self._quote_line(k, text)
                if line not in d.lines:
                    d.lines.insert(d.lines.index("依据：") + 1 if "依据：" in d.lines else 0, line)
        if step is not None:
            # 第6项和第8项分别是什么: each item named, in the order asked
            places = self._positions(q)
            steps = [step, *(x for m in list(re.finditer(self.lex.step_position.nth, q))[1:]
                             if (x := self._step_asked(d, dataclasses.replace(ctx, q=m.group(0)), lead)) is not None)]
            if len(places) >= 2:  # 头一份和最后一份 / 最后两项: each place asked
                steps = [step, *(x for i in places[1:] if (x := self._step_asked(d, ctx, lead, at=i)) is not None)]
            d.headline = "；".join(f"{where}：{tidy(sentence)}（{pick.label}）" for pick, sentence, where in steps)
            for pick, sentence, _where in reversed(steps):
                d.cites.insert(0, self.corpus.cite_article(pick, sentence))
                line = self._quote_line(pick, sentence)
                if line in d.lines:
                    d.lines.remove(line)
                at = d.lines.index("依据：") + 1 if "依据：" in d.lines else 0
                d.lines.insert(at, line)
        elif lead is not None and re.search(self.lex.enumeration_question, q) and (
                points := self.quoter.enumerated(lead.article)):
            d.headline = f"共{len(points)}个方面：{'；'.join(h for h, _ in points)}（{lead.article.label}）"
        elif lead is not None and re.search(self.lex.recipient_question, q):
            named = next((x for x in d.quotes if re.search(self.lex.recipient_sentence, x.text)
                          and x.article.doc_id == lead.article.doc_id), None)
            if named is None:
                near = self._payment_near(ctx, lead)
                if near is not lead:
                    d.quotes.append(near)
                    d.lines.append(self._quote_line(near.article, near.text))
                d.headline = (f"文件未作规定：文件没有写明资金拨付给谁，最接近的条文是{near.article.label}"
                              f"（“{tidy(near.text)}”），请向主管部门确认。")
            else:
                d.headline = self._headline_from(named, r)
        elif lead is not None and (how_much or "estimate" in intents) and not payments and not attribute \
                and not any(self.reg.get(p).calculator for p in ctx.programmes) \
                and not any(re.search(r"\d\s*(?:%|％|万元|元)", x.text) for x in d.quotes):
            d.headline = (f"文件未作规定：文件没有规定这方面的金额，最接近的条文是{lead.article.label}"
                          f"（“{tidy(lead.text)}”）。")
        if not d.headline and lead is not None and re.search(self.lex.frequency_question, q):
            d.headline, often = self._frequency(ctx, lead, d.quotes)
            if often is not None and often not in d.quotes:
                d.quotes.append(often)
                d.lines.append(self._quote_line(often.article, often.text))
        if not d.headline:
            window_cites = {self.reg.get(p).window.cite.article for p in ctx.programmes}
            lead_answers = lead is not None and lead.article.label not in window_cites and (any(
                w in lead.text for w in ("有效期", "截止", "期限", "时间", "止", "日内", "工作日")) or bool(
                re.search(r"\d+月\d+日|每(?:年|半年|季度|月)", lead.text))) and (
                self._speaks_of(lead.text, r) or not self._asks_only_window(r))
            # (受理到什么时候 against 成立时间不低于1年: a time of something else)
            about_document = bool(re.search(r"(办法|细则|通知|方案|文件|政策)(本身)?的?(有效期|期限|截止)", r.question))
            if self._asks_window(r) and self._one_window(ctx.programmes) and (not lead_answers or about_document):
                self._deadline(d, ctx)
            else:
                if lead is not None and re.search(self.lex.deadline_point, r.question) and not re.search(
                        self.lex.time_value, lead.text):
                    # 兑现的最后期限是哪天 against 兑现时，根据…申领时间…: the sentence of that part giving the date
                    arts = {x.article.id: x.article for x in [lead, *d.quotes]}
                    words = [t for t in self.scope.content_words(r.question, r) if t not in GENERIC_WORDS]
                    pool = [x for a in arts.values() for x in self.quoter.of_article(a)
                            if re.search(self.lex.time_value, x.text)]
                    # (兑现…几点: the dates of 兑现, under its own heading, not those of 申领)
                    dated = max(pool, key=lambda x: sum(self._says(t, x.text + x.article.heading) for t in words),
                                default=None)
                    if dated is not None:
                        lead = dated
                        if dated not in d.quotes:
                            d.quotes.insert(0, dated)
                            d.lines.insert(d.lines.index("依据：") + 1 if "依据：" in d.lines else 0,
                                           self._quote_line(dated.article, dated.text))
                d.headline = self._headline_from(lead, r, d.quotes)
                near = self._nearest_step(ctx, lead) if d.headline.startswith(UNSTATED_TIME) else None
                if near is not None and near is not lead:  # 审完了啥时候发到手上: the sentence of the act asked
                    d.headline = (f"{UNSTATED_TIME}，最接近的条文是{near.article.label}（“{tidy(near.text)}”），"
                                  "请以主管部门解释为准。")
                    d.cites.insert(0, self.corpus.cite_article(near.article, near.text))
        unruled = self._open_point(ctx)
        if unruled is not None:
            d.headline = unruled[0]
            d.cites += unruled[1]
        elif lead is not None and not d.headline.startswith("文件未作规定") and (choice := self._open_choice(ctx)):
            d.headline = (f"文件未作规定：文件没有写明{choice}，最接近的条文是{lead.article.label}"
                          f"（“{tidy(lead.text)}”），请以主管部门解释为准。")
        unstated = None if unruled else self._unstated_value(d, ctx, lead)
        stated = self._stated_value(ctx, unstated, lead) if unstated else None
        if stated is not None:  # 一年几批: the retrieved sentence that gives a count of what is asked about
            unstated = None
            d.headline = self._headline_from(stated, r)
            line = self._quote_line(stated.article, stated.text)
            if line in d.lines:
                d.lines.remove(line)
            d.lines.insert(d.lines.index("依据：") + 1 if "依据：" in d.lines else 0, line)
            d.cites.insert(0, self.corpus.cite_article(stated.article, stated.text))
            d.quotes.insert(0, stated)
        if unstated:
            near = self._nearest_step(ctx, lead, subject=unstated == "名称")
            basis = self._count_basis(ctx) if unstated == "次数" else None
            d.headline = (f"文件未作规定：文件没有写明{unstated}，最接近的条文是{near.article.label}"
                          f"（“{tidy(near.text)}”）" + (f"；奖补标准见{basis.article}（“{tidy(basis.quote)}”）" if basis else "")
                          + "，请以主管部门解释为准。")
            if near is not lead:
                d.cites.insert(0, self.corpus.cite_article(near.article, near.text))
            if basis is not None:
                d.cites.append(basis)
        self._status_lines(d, ctx)
        return d

    def _by_sentence(self, hits: list, r: Reading, query: str, topic: str) -> list:
        """The retrieved articles re-ordered by reciprocal-rank fusion with the ranking of their best sentences."""
        words = query[:QUERY_CHARS]
        qvec = self.retriever.embeddings.embed_query(words)
        ranked = self.quoter.rank_articles(topic, [h.chunk.article for h in hits], self._asked(r),
                                           qvec=qvec, doc_prior=self.retriever.doc_scores(words))
        fused: dict[str, float] = {}
        for order, weight in (([h.chunk.article.id for h in hits], 1.0), ([a.id for a in ranked], SENTENCE_VOTE)):
            for rank, aid in enumerate(order):
                fused[aid] = fused.get(aid, 0.0) + weight / (RRF_K + rank + 1)
        by_id = {h.chunk.article.id: h for h in hits}
        return [by_id[aid] for aid in sorted(fused, key=lambda a: -fused[a]) if aid in by_id]

    def _topic_words(self, words: str, r: Reading, docs: set[str]) -> str:
        """The question without the names of places and documents: they route it, but say nothing about which
        sentence answers it (东莞工业云公共服务平台认定对专家人数有什么要求 → 对专家人数有什么要求)."""
        for p in sorted({p.text for p in r.places} | {s[2] for s in self.reader.gaz.spans(words)}, key=len,
                        reverse=True):
            words = words.replace(p, " ")
        named = words
        for doc in (self.corpus.docs[d] for d in sorted(docs) if d in self.corpus.docs):  # the documents retrieved
            for name in (doc.title, *doc.aliases):
                common = _longest_common(words, name)
                while len(common) >= TITLE_RUN:
                    words = words.replace(common, " ")
                    common = _longest_common(words, name)
        # 白云区服务券是什么: the document is what is asked about, and its name stays.
        rest = [c for c in re.findall(r"[\u4e00-\u9fff]", words) if c not in self.lex.question_chars]
        return words if len(rest) >= TITLE_RUN else named

    def _facts_of(self, r: Reading, profile, day: dt.date) -> dict[str, Any]:
        """Profile facts known for this question: the explicit profile, then what the conversation said."""
        base = profile.model_dump(exclude_none=True) if profile is not None else {}
        facts = {**base, **r.facts}
        facts.pop("received_before", None)
        months = facts.pop("established_months", None)
        founded = facts.pop("established_date", None)
        if founded and months is None:
            year = founded.get("year", day.year - founded.get("years_ago", 0))
            with contextlib.suppress(ValueError):  # 2月30日: no such day, the date is left unknown
                facts["established_on"] = dt.date(year, founded["month"], founded.get("day", 1))
        if months is not None:
            y, m = divmod(day.year * 12 + day.month - 1 - int(months), 12)
            facts["established_on"] = dt.date(y, m + 1, min(day.day, 28))
        return facts

    def _query(self, r: Reading, q: str) -> str:
        """What retrieval searches for: the question, or for an elliptical follow-up the earlier question too."""
        if not (r.follow_up and r.previous_question):
            return q
        if r.asked_year:
            word = f"第{'一二三四五'[min(r.asked_year, 5) - 1]}年"
            return re.sub(r"第[一二三四五12345]年|首年|头一年", word, r.previous_question)
        content = [t for t in self.scope.content_words(q, r) if t not in GENERIC_WORDS]
        if len(content) <= 1 and not self.reader.intents(q):
            # 要报些啥？ after 多久报一次 → 每季度将…情况报市经信局: what the last answer found is what is asked about
            # (那东莞的企业呢: a place or fact of its own asks the earlier question again, of another case)
            own = self.reader.read(q)
            if len(content) == 1 and squash(content[0]) not in squash(r.previous_question) \
                    and squash(content[0]) in self.scope.text_all and not (
                    own.places or own.facts or own.amounts):
                # 兑现呢？ after 什么时候申领: the same question asked of the new word, in place of what was asked of
                prev = r.previous_question
                for t in sorted(self.quoter.focus(prev), key=len, reverse=True):
                    prev = prev.replace(t, " ")
                return " ".join((prev, q))
            said = "" if (r.previous_answer or "").startswith(("文件未作规定", "需要先确认")) or own.places or own.facts \
                or own.amounts or (r.previous_answer or "").rstrip().endswith(("：", ":")) else re.sub(
                r"^[^：:（]{1,6}[：:]", "", r.previous_answer or "").split("（")[0]
            return " ".join(x for x in (r.previous_question, said, q) if x)
        doc = self.corpus.docs.get(r.documents[0]) if r.documents else None
        # 申请这个还要交什么 after a question on 智能车间: the line's names say which sentence is about it.
        line = self.lex.line_words.get(r.programmes[0], []) if len(r.programmes) == 1 else []
        names = " ".join(w for w in line if w not in q)
        # 由哪个机构组织？ after 省资源池认定一年搞几次: what the earlier question was about (认定) stays the subject
        # 换成公有云呢？ after 云上软件园要交哪些材料: the line named now replaces the earlier one
        others = [w for pid, ws in self.lex.line_words.items() if pid not in r.programmes for w in ws] if (
            r.programmes and self.reader.lines_named(q)) else []
        earlier = " ".join(dict.fromkeys(t for t in self.scope.content_words(r.previous_question, r)
                                         if t not in GENERIC_WORDS and t not in q and t not in names
                                         and not any(t in w for w in others))
                           ) if len(content) <= FOLLOW_UP_OWN_WORDS else ""  # (兑付要准备哪些材料 has its own)
        if not earlier and not self.reader.intents(q):  # 换成智能车间数字化服务呢: what was asked of the earlier line
            earlier = " ".join(dict.fromkeys(w for k in r.intents for w in self.lex.intents.get(k, [])
                                             if w in r.previous_question and w not in q))
        return " ".join(x for x in (doc.title if doc else "", names, earlier, q) if x)

    def _route(self, r: Reading, q: str) -> tuple[set[str], set[str]]:
        """(documents searched only, documents favoured): other regions are left out, named documents favoured."""
        only: set[str] = set()
        places = self.reader.most_specific(r.places)
        if places:
            only = {d.id for d in self.corpus.docs.values() if any(self.reader.inside(d.region, p) for p in places)}
        scores = self.reader.doc_scores(q)
        boost = self.scope.routed(scores)
        if not places and scores and max(scores.values()) >= NAMED_SCORE:
            only = set(boost)  # 2020省服务券, 资源池方案: the documents named by name, no other
        elif places and scores and max(scores.values()) >= NAMED_SCORE and all(
                any(self._deepest(self.corpus.docs[d].region) == p.name for d in boost) for p in places):
            # 广东2020服务券: the place named is the named document's own; not the documents of places inside it
            only = {d for d, x in scores.items() if x >= 1.0}
        if r.follow_up and r.documents and not self.reader.topic_documents(q):
            only = set(r.documents[:1]) if not r.places or not only else only & set(r.documents) or only
            boost = set(r.documents[:1])
        if only:  # 2020年资源池暨上云上平台供应商申报: runs of words only one document has speak of it too
            own: dict[str, int] = {}
            for phrase in self.scope.text_phrases(q, [], bare=True):
                owners = [d for d, body in self.scope.bare_bodies.items() if squash(phrase) in body]
                if len(owners) == 1:
                    own[owners[0]] = own.get(owners[0], 0) + len(squash(phrase))
            for doc, chars in own.items():
                if chars >= OWN_PHRASE and doc not in only:
                    only.add(doc)
                    boost.add(doc)
            # 2020年资源池暨上云上平台供应商申报: a long run of words one document alone has is that document's
            mine = [doc for doc, chars in own.items() if chars >= OWN_TOPIC]
            if len(mine) == 1:
                boost = {mine[0]}
        return only, boost

    @staticmethod
    def _deepest(region: dict[str, str]) -> str | None:
        return next((region[lvl] for lvl in ("district", "city", "province") if region.get(lvl)), None)

    def _annex_asked(self, r: Reading, q: str, only: set[str]) -> Article | None:
        """The attached form a question names (备案申报书, 兑付申请表) when it asks what the form holds."""
        if not FORM_QUESTION.search(q):
            return None
        best, size = None, 0
        for doc in self.corpus.docs.values():
            if only and doc.id not in only:
                continue
            for art in doc.articles.values():
                if art.kind != "annex":
                    continue
                common = _longest_common(q, art.heading)
                if len(common) >= 4 and FORM_WORD.search(common) and len(common) > size:
                    best, size = art, len(common)
        return best

    def _parallel_annexes(self, q: str, query: str, hits: list) -> list:
        """Annexes that set out parallel procedures (…企业认定基本流程 / …企业评价基本流程): a question naming one of
        them (年度评价考核哪些方面) is answered from it: its best articles join the top ones, and the other's rank
        after them."""
        def annex_of(art: Article) -> Article | None:
            while art.kind != "annex" and art.parent:
                art = self.corpus.article(art.parent)
            return art if art.kind == "annex" else None

        def title(art: Article) -> str:  # 附件 1 / 广东省…企业认定基本流程: the title is the longer of the two
            return max(art.heading, art.own_text.strip().split("\n")[0], key=len)

        docs = {a.doc_id for h in hits if (a := annex_of(h.chunk.article)) is not None}
        apart: set[str] = set()
        inside: list = []
        for doc in docs:
            mine = [a for a in self.corpus.docs[doc].articles.values() if a.kind == "annex"]
            if len(mine) != 2 or len(_longest_common(title(mine[0]), title(mine[1]))) < 6:
                continue
            own = [_distinct(title(a), title(b)) for a, b in (mine, mine[::-1])]
            named = [a for a, w in zip(mine, own, strict=True) if len(w) >= 2 and w in q]
            if len(named) == 1:
                apart |= {a.id for a in mine if a is not named[0]}
                inside += self._within(named[0], query)[:PARALLEL_K]
        if not apart:
            return hits
        seen = {h.chunk.article.id for h in inside}
        rest = [h for h in hits if h.chunk.article.id not in seen]
        hits = rest[:PARALLEL_AT] + inside + rest[PARALLEL_AT:]
        return sorted(hits, key=lambda h: (a := annex_of(h.chunk.article)) is not None and a.id in apart)

    def _payment_near(self, ctx: Context, lead: Sentence) -> Sentence:
        """The sentence nearest to who receives the money, where no sentence names the recipient: one that pays out
        (市财政局拨付资金), else the rule of what is paid (以项目实际合同额的一定比例予以奖补), else ``lead``."""
        doc = lead.article.doc_id
        near = next((x for w in self.lex.payment_words for x in self.quoter.sentences
                     if x.article.doc_id == doc and w in x.text), None)
        rate = next((c for p in ctx.programmes if p in self.reg.programmes and self.reg.get(p).doc == doc
                     and (c := self._rate_cite(self.reg.get(p))) is not None), None)
        if near is None and rate is not None:
            near = next((x for x in self.quoter.sentences if x.article.doc_id == doc
                         and x.article.label == rate.article and squash(rate.quote)[:12] in squash(x.text)), None)
        return near or lead

    def _named_line_first(self, q: str, hits: list) -> list:
        """One line of a document named (白云区公有云…第二年还能接着申请吗): articles headed by another of its lines
        (（一）软件开发云套餐) rank after the rest."""
        named = self.reader.lines_named(q)
        if len(named) != 1:
            return hits
        doc = self.reg.get(named[0]).doc
        others = [w for pid, ws in self.lex.line_words.items() if pid not in named and self.reg.get(pid).doc == doc
                  for w in ws if w not in self.lex.line_words[named[0]]]

        def elsewhere(art: Article) -> bool:
            while art is not None:
                if art.doc_id == doc and any(w in art.heading for w in others):
                    return True
                art = self.corpus.article(art.parent) if art.parent else None
            return False
        return sorted(hits, key=lambda h: elsewhere(h.chunk.article))

    def _within(self, annex: Article, query: str) -> list:
        """Hits inside an annex, best first: the annex itself when nothing inside it ranks."""
        prefix = f"{annex.id}"
        hits = self.retriever.search(query[:QUERY_CHARS], k=40, doc_ids={annex.doc_id})
        inside = [h for h in hits if h.chunk.article.id == prefix or h.chunk.article.id.startswith(prefix + " ")]
        return inside

    # --- programmes ----------------------------------------------------------------------------------------

    def _programmes(self, r: Reading, hits) -> list[str]:
        """Programmes the answer is about: the lines named, else those of the deciding document, by side."""
        top_doc = hits[0].chunk.article.doc_id
        named = [p for p in r.programmes if p in self.reg.programmes]
        side = "provider" if r.provider or any(w in r.question for w in ("服务商备案", "平台认定", "资源池企业认定")) \
            else None
        if named:
            in_top = [p for p in named if self.reg.get(p).doc == top_doc] or named
            if len({self.reg.get(p).side for p in in_top}) > 1:
                in_top = [p for p in in_top if self.reg.get(p).side == (side or "enterprise")] or in_top
            return in_top
        progs = [p.id for p in self.reg.programmes.values() if p.doc == top_doc]
        if side:
            progs = [p for p in progs if self.reg.get(p).side == side] or progs
        return progs

    def _estimate_lines(self, ctx: Context) -> list[Programme]:
        """The lines an amount question is about: those named, or the enterprise lines of the deciding document."""
        r = ctx.r
        named = [self.reg.get(p) for p in r.programmes if p in self.reg.programmes and self.reg.get(p).calculator]
        for a in r.amounts:
            if a.programme in self.reg.programmes and all(x.id != a.programme for x in named):
                named.append(self.reg.get(a.programme))
        if named:
            docs = {x.doc for x in named}
            if len(docs) > 1:  # lines of several documents: keep the deciding document's
                top = ctx.hits[0].chunk.article.doc_id
                named = [x for x in named if x.doc == top] or named
            return named
        found = [self.reg.get(p) for p in ctx.programmes if self.reg.get(p).calculator is not None
                 and self.reg.get(p).side == "enterprise"]
        # 合同60万: an amount of a kind some lines take (the contract) goes to those lines, not to lines of fees.
        fields = {a.field for a in r.amounts if a.field in estimating.PAYMENT_FIELDS and a.field != "fees"}
        fitting = [x for x in found if fields & {s.name for s in estimating.specs_of(x)}]
        if fields and found and not fitting:
            fitting = [x for x in self.reg.programmes.values() if x.calculator is not None and x.side == "enterprise"
                       and x.doc in r.documents and fields & {s.name for s in estimating.specs_of(x)}]
        found = fitting or found
        if not found:  # the line named has no calculation (平台认定): the document's enterprise lines
            top = ctx.hits[0].chunk.article.doc_id
            found = [p for p in self.reg.programmes.values() if p.doc == top and p.calculator is not None
                     and p.side == "enterprise"]
        return found

    # --- amounts -------------------------------------------------------------------------------------------

    def _estimate(self, d: Draft, ctx: Context, lines: list[Programme]) -> Draft:
        r = ctx.r
        d.programmes = [x.id for x in lines]
        for x in lines:
            ex = self.scope.excluded_city(r, x)
            if ex:
                city, exclusion = ex
                d.headline = f"不可以：{city}的企业不在{x.title}的范围内。"
                d.lines.append(self._quote_line_cite(exclusion.cite))
                d.cites.append(exclusion.cite)
                return d
        if len(lines) > 1 and not any(a.programme for a in r.amounts if a.field in estimating.PAYMENT_FIELDS) \
                and len([a for a in r.amounts if a.field in estimating.PAYMENT_FIELDS or a.field is None]) == 1:
            return self._ask_back(d, ctx, lines, "这笔费用属于哪一类服务？", [x.title for x in lines], [])
        if not [a for a in r.amounts if a.field != "claimed"]:
            base = next((s for x in lines[:1] for s in estimating.specs_of(x) if s.name in estimating.BASE_INPUTS), None)
            label = base.label.replace("（元）", "") if base else "金额"
            return self._ask_back(d, ctx, lines, f"请提供{lines[0].title}的{label}，以便按文件测算。", [], [])
        if "several_cities" in r.facts or len({p.name for p in r.asker_places if p.level == "city"}) > 1:
            return self._ask_back(d, ctx, lines, "提到了多个城市：各城市适用的比例不同，请分别说明各地的合同额。", [], [])
        if self._tier_cap(d, ctx, lines):
            return d
        regions = {x.id: self._region_said(x, r) for x in lines}
        p = estimating.plan(r, lines, ctx.facts, cities={
            x.id: regions[x.id][1] if regions[x.id] else self._cities(x) for x in lines})
        if not ctx.facts.get("city"):
            p.understood += [f"所在地区：{name}（“{word}”）" for name, _cities, word in filter(None, regions.values())]
        if p.clarify_question:
            return self._ask_back(d, ctx, lines, p.clarify_question, p.clarify_options, p.understood)
        est, problem = estimating.run(p, self.service.estimate)
        if problem:
            return self._ask_back(d, ctx, lines, problem, [], p.understood)
        doc = est.to_contract()
        d.estimate = doc
        d.facts = self._remembered(r, p.amounts)
        total = Decimal(doc["total_cny"])
        items = doc["items"]
        per_year = estimating.year_totals(est)
        one_year = all(len(i["schedule"]) <= 1 for i in items) and len(per_year) <= 1
        head = f"测算结果：{'当年' if one_year else ''}可获补贴合计 {money(total)}"
        # One year asked about (第二年呢 / 这一年补多少): the estimate is that year's, as its headline says; a
        # question that sums the years (两年一共) keeps them all.
        if r.asked_year in per_year and (p.fills or (len(per_year) > 1 and not (r.summing or r.span_years))):
            year = r.asked_year
            items_year = [{**i, "schedule": [y for y in i["schedule"] if y["year"] == year],
                           "total_cny": next((y["amount_cny"] for y in i["schedule"] if y["year"] == year), "0.00")}
                          for i in doc["items"]]
            d.estimate = {**doc, "items": items_year, "total_cny": f"{per_year[year]:.2f}", "year": year,
                          "steps": [x for x in doc["steps"] if f"第{year}年" in x["text"] or "第" not in x["text"][:4]]}
            total = per_year[r.asked_year]
            head = f"测算结果：第{r.asked_year}年可获补贴 {money(total)}"
            per_year = {}
        # Years the asker gave no fee for (只问第二、三年) are filled with nothing: not shown as 第1年 0.00元.
        unsaid = {y for _pid, _field, years in p.fills for y in years}
        shown = {y: v for y, v in per_year.items() if not (y in unsaid and not v)}
        if len(shown) > 1 and any(v for y, v in shown.items() if y > 1):
            head += "（分年度：" + "；".join(f"第{y}年 {money(v)}" for y, v in sorted(shown.items())) + "）"
        if len(items) > 1:
            twice = {i["programme"] for i in items if sum(j["programme"] == i["programme"] for j in items) > 1}

            def name(i: dict) -> str:
                years = "、".join(str(y["year"]) for y in i["schedule"])
                return self._short(i["programme"]) + (f"（第{years}年）" if i["programme"] in twice else "")

            head += "。各项目单独计算：" + "；".join(f"{name(i)} {money(i['total_cny'])}" for i in items)
            if sum(Decimal(i["total_cny"]) for i in items) > total:
                head += "；合计超过共同上限，按上限计"
        if r.asked_year and r.asked_year in per_year and len(per_year) > 1 and not (r.summing and r.span_years):
            # (今年第三年了…三年一共补了多少: the sum is asked, the year only said)
            head = f"第{r.asked_year}年可获补贴 {money(per_year[r.asked_year])}；" + head
        d.headline = self._claim_verdict(r, total) + head + "。"
        d.lines.append("我的理解：" + "；".join(p.understood) + "。")
        periodic = [x for x in lines if one_year and (x.calculator.headline().years or 1) > 1]
        if periodic and (r.span_years or 0) > 1:
            d.lines.append(f"说明：{self._short(periodic[0].id)}按年申请，以上为一年的金额；以后各年按当年的费用"
                           f"{'和纳税额' if any(s.profile_field == 'annual_tax_cny' for s in estimating.specs_of(periodic[0])) else ''}"
                           f"另行测算。")
        for a in p.assumptions:
            d.lines.append(f"说明：{a}。")
        if "self_pay" in r.intents:
            for i in items:
                base = next((a for a in p.amounts if a.programme == i["programme"] and a.field in estimating.PAYMENT_FIELDS
                             and a.year is None), None)
                if base is not None:
                    own = base.value_cny - Decimal(i["total_cny"])
                    d.lines.append(f"企业自付：{money_text(base.value_cny)}元 − {money_text(Decimal(i['total_cny']))}元 = "
                                   f"{money(own)}（{self._short(i['programme'])}）。")
        d.lines.append("计算过程：")
        for s in d.estimate["steps"]:
            if any(s["text"].startswith(f"第{y}年") and not per_year.get(y) for y in unsaid):
                continue  # a year filled with nothing
            d.lines.append(f"· {tidy(s['text'])}（{s['citation']['article']}）")
            d.cites.append(Citation(**s["citation"]))
        for n in doc.get("notes") or []:
            text = n["text"] if isinstance(n, dict) else n
            d.lines.append(f"· 注意：{tidy(text)}")
            if isinstance(n, dict) and n.get("citation"):
                d.cites.append(Citation(**n["citation"]))
        for alt in doc.get("alternatives") or []:
            d.lines.append(f"· 另一种理解：{tidy(alt['reading'])}，合计 {money(alt['total_cny'])}")
            if alt.get("citation"):
                d.cites.append(Citation(**alt["citation"]))
        self._step_quotes(d)
        return d

    def _step_quotes(self, d: Draft) -> None:
        """The sentences the steps rest on, quoted whole and once each (给予云服务费50%的补贴; 年度全库纳税500万元以下
        的企业，单个企业当年最高补贴额度不超过10万元), so the figure can be checked against the text."""
        said: list[str] = []
        for s in d.estimate["steps"]:
            c = Citation(**s["citation"])
            art = self.corpus.docs[c.doc_id].article_by_label(c.article)
            if art is None:
                continue
            whole = next((x.text for x in self._sentences_of(c) if squash(c.quote) in squash(x.text)), c.quote)
            line = self._quote_line(art, whole)
            if line not in said:
                said.append(line)
        if said:
            d.lines += ["依据：", *said]

    def _tier_cap(self, d: Draft, ctx: Context, lines: list[Programme]) -> bool:
        """纳税1000万，公有云一年最多补多少 (no fee given): the yearly cap of the tax tier, from the calculator's
        tiers, cited; the subsidy itself needs the fee. True when the draft is written."""
        r = ctx.r
        calc = lines[0].calculator if len(lines) == 1 else None
        asks_max = re.search(self.lex.asks_max, r.question) or (  # 如果纳税3000万呢 after 最多补多少
            r.follow_up and re.search(self.lex.asks_max, r.previous_question or ""))
        if calc is None or not hasattr(calc, "tiers_for") or not asks_max \
                or r.facts.get("new_key") or any(a.field != "annual_tax_cny" for a in r.amounts):
            return False
        taxes = [a for a in r.amounts if a.usable and a.flag is None and a.value_cny is not None]
        if len(taxes) != 1:
            return False
        tax, tier = taxes[0], calc.tiers_for(taxes[0].value_cny)[0]
        d.programmes = [lines[0].id]
        d.headline = (f"{lines[0].title}：年度全库纳税{money(tax.value_cny)}（“{tax.text}”），单个企业当年最高补贴"
                      f"{money(tier.cap_cny)}（{tier.cite.article}：“{tidy(tier.cite.quote)}”）；实际补贴为"
                      f"{calc.headline().rate_text}，不超过这一上限，请提供服务费以便测算。")
        d.cites += [tier.cite, calc.rate.cite]
        return True

    def _tier_claim(self, ctx: Context, progs: list[Programme]) -> tuple[bool, str, Citation] | None:
        """纳税2500万，公有云补贴一年最多能到100万: the subsidy claimed against the yearly cap of the tax's tier (no fee
        given, so no estimate): yes when within it, no above it."""
        r = ctx.r
        claimed = [a for a in r.amounts if a.field == "claimed" and a.usable and a.value_cny is not None]
        taxes = [a for a in r.amounts if a.field == "annual_tax_cny" and a.usable and a.value_cny is not None]
        calc = progs[0].calculator if len(progs) == 1 else None
        if len(claimed) != 1 or len(taxes) != 1 or calc is None or not hasattr(calc, "tiers_for") \
                or r.facts.get("new_key") or any(a.field not in ("claimed", "annual_tax_cny") for a in r.amounts):
            return None
        tier = calc.tiers_for(taxes[0].value_cny)[0]
        return (claimed[0].value_cny <= tier.cap_cny,
                f"（{tier.cite.article}：“{tidy(tier.cite.quote)}”）年度全库纳税{money(taxes[0].value_cny)}"
                f"（“{taxes[0].text}”），单个企业当年最高补贴{money(tier.cap_cny)}。", tier.cite)

    def _cities(self, prog: Programme) -> list[str]:
        """The cities of the programme's region (for a figure that does not depend on the city)."""
        region = prog.region
        if region.get("city"):
            return [region["city"]]
        return [c for c, info in self.reader.gaz.cities.items() if info.get("province") == region.get("province")]

    def _city_group(self, prog: Programme, city: str | None):
        """The rate group (珠三角地区 70 %) of a city, for a programme whose rate goes by the city's group."""
        calc = prog.calculator
        if not city or not hasattr(calc, "groups") or not hasattr(calc, "cluster_pilot_rate"):
            return None
        return next((g for g in calc.groups if city in self.reader.gaz.groups.get(g.gazetteer_group, [])), None)

    def _region_said(self, prog: Programme, r: Reading) -> tuple[str, list[str], str] | None:
        """(group, its cities, the words) when the question, or the one it follows up, names one of the
        programme's rate groups of cities (我们是珠三角的企业) and no city: the rate is that group's."""
        text = r.question + ((r.previous_question or "") if r.follow_up else "")
        named = []
        for g in getattr(prog.calculator, "groups", None) or []:
            word = g.name.removesuffix("地区")
            cities = self.reader.gaz.groups.get(getattr(g, "gazetteer_group", None) or "", [])
            if len(word) > 1 and word in text and cities:
                named.append((g.name, [c for c in self._cities(prog) if c in cities], word))
        return named[0] if len(named) == 1 else None

    def _short(self, pid: str) -> str:
        return self.reg.get(pid).title.split("·")[-1]

    def _ask_back(self, d: Draft, ctx: Context, lines: list[Programme], question: str, options: list[str],
                  understood: list[str]) -> Draft:
        """No figure: the question back, what was understood so far, and what the programme pays (cited)."""
        d.clarify = (question, options)
        d.headline = f"需要先确认：{question}"
        if options:
            d.lines.append("可选：" + "；".join(options))
        if understood:
            d.lines.append("我的理解：" + "；".join(understood) + "。")
        for x in lines[:3]:
            cite = self._rate_cite(x)
            if cite is not None and x.rate_text:
                d.lines.append(f"{x.title}：{tidy(x.rate_text)}；{tidy(x.cap_text or '')}（{cite.article}）")
                d.cites.append(cite)
        return d

    def _rate_cite(self, prog: Programme) -> Citation | None:
        calc = prog.calculator
        if calc is None:
            return None
        if hasattr(calc, "headline"):
            cites = calc.headline().citations
            return cites[0] if cites else None
        rate = getattr(calc, "rate", None) or (calc.rates[0] if getattr(calc, "rates", None) else None)
        return (rate or calc.groups[0].rate).cite

    def _count_basis(self, ctx: Context) -> Citation | None:
        """一家能领几张券, where no text counts the vouchers: the rate article of the one programme asked about,
        which says what a voucher is worth (以项目实际合同额的一定比例予以奖补)."""
        if not re.search(self.lex.voucher_count, ctx.q):
            return None
        cites = {(c.doc_id, c.article): c for p in ctx.programmes
                 if (c := self._rate_cite(self.reg.get(p))) is not None}
        return next(iter(cites.values())) if len(cites) == 1 else None

    # --- yes / no ------------------------------------------------------------------------------------------

    def _yes_no(self, d: Draft, ctx: Context) -> Draft:
        """可以 / 不可以 / 文件未作规定, then the deciding quote."""
        _r, q = ctx.r, ctx.q
        lead = self._quotes(d, ctx, limit=2)
        sentence = lead.text if lead else ""
        verdict, reason, cite = self._verdict(ctx, sentence, lead, d.quotes)
        if isinstance(cite, list):
            d.cites[:0] = cite
        elif cite is not None:
            d.cites.insert(0, cite)
        if verdict is None:
            art = lead.article.label if lead else ""
            who = None if reason else self._conditions_asked(ctx, [self.reg.get(p) for p in ctx.programmes])
            if who is not None:  # 有欠税记录会不会卡申请: what the conditions do say is where to look
                d.cites.insert(0, who)
            d.headline = reason or (f"文件未作规定：现有文件对此没有明确规定，最接近的条文是{art}"
                                    + (f"；申请条件见{who.article}（“{tidy(who.quote)}”）。" if who else "。"))
        else:
            word = "可以" if verdict else "不可以"
            d.headline = f"{word}。{reason}" if reason else f"{word}。（{lead.article.label}：“{tidy(sentence)}”）"
            # 单位简介是不是每一类都要交 → （三）申报单位简介, and the list's note naming it (说明2 前四项材料均需提交)
            note = self._item_note(self.corpus.cite_article(lead.article, sentence)) if (
                verdict and not reason and lead is not None) else None
            if note is not None and note.text != sentence:
                d.headline = (f"{word}。（{lead.article.label}：“{tidy(sentence)}”；{note.article.label}："
                              f"“{tidy(note.text)}”）")
                d.cites.insert(0, self.corpus.cite_article(note.article, note.text))
            if verdict and reason and any(w in ctx.q for w in self.lex.eligibility_words):
                # Allowed to apply: what the programme pays, cited.
                lines = [self.reg.get(p) for p in ctx.programmes if self.reg.get(p).calculator is not None]
                for x in lines if len(lines) == 1 else []:  # one line asked about; of several, none is singled out
                    cite = self._rate_cite(x)
                    if cite is not None and x.rate_text:
                        d.lines.insert(0, f"{x.title}：{tidy(x.rate_text)}；{tidy(x.cap_text or '')}（{cite.article}）")
                        d.cites.append(cite)
        self._status_lines(d, ctx)
        del q
        return d

    def _verdict(self, ctx: Context, sentence: str, lead: Sentence | None,
                 quotes: list[Sentence] | None = None) -> tuple[bool | None, str, Citation | None]:
        """The verdict and its reason: from the stated facts and the programmes' rules first, then the text."""
        r, q = ctx.r, ctx.q
        progs = [self.reg.get(p) for p in ctx.programmes]
        # 0. Is the document itself in force (现在还有效吗), or has it started (已经开始施行了吗), on the day asked?
        if r.validity:
            verdict, reason, cite = self._validity_verdict(ctx)
            if verdict is not None and any(w in q for w in self.lex.validity.lapse_words):
                verdict = not verdict  # 过期了没有: yes is lapsed
            return verdict, reason, cite
        # 0b. A dated event (2018年5月20日通过认定, 2018年3月被罚) against the period a quoted sentence sets from it
        #     (认定有效期三年) or back from the day asked (前三年内, 近5年内).
        event = self._event_verdict(ctx, [x for x in [lead, *(quotes or [])] if x is not None])
        if event is not None:
            return event
        unused = self._unused_verdict(ctx, [x for x in [lead, *(quotes or [])] if x is not None])
        if unused is not None:  # 4月1日开通 4月28日才首次登录 算放弃吗 against 开通后30天内未使用，视为放弃
            return unused
        # 0b'. Cash asked for (直接打现金到企业账上吗) where the text pays in vouchers (以发放服务券的形式): no.
        if re.search(self.lex.cash_question, q) and not re.search(self.lex.cash_denied, q):  # (不是现金: agrees)
            docs = [self.reg.get(p).doc for p in ctx.programmes if p in self.reg.programmes] or r.documents[:1]
            form = next((x for x in self.quoter.sentences if x.article.doc_id in docs[:1]
                         and re.search(self.lex.voucher_form, x.text)), None)
            if form is not None:
                return False, f"（{form.article.label}：“{tidy(form.text)}”）", self.corpus.cite_article(form.article,
                                                                                                     form.text)
        # 0c. Who receives the money (钱能直接打到我们账户上吗), where no quoted sentence names the recipient: silent,
        #     citing the sentence that pays out.
        if lead is not None and re.search(self.lex.recipient_question, q) and not any(
                re.search(self.lex.recipient_sentence, x.text) and x.article.doc_id == lead.article.doc_id
                for x in [lead, *(quotes or [])]):
            near = self._payment_near(ctx, lead)
            return None, (f"文件未作规定：文件没有写明资金拨付给谁，最接近的条文是{near.article.label}（“{tidy(near.text)}”），"
                          "请向主管部门确认。"), self.corpus.cite_article(near.article, near.text)
        # 1. A place the programme excludes.
        for prog in progs:
            ex = self.scope.excluded_city(r, prog)
            if ex:
                city, exclusion = ex
                return False, f"{city}不在{prog.title}的范围内（{exclusion.cite.article}：“{tidy(exclusion.cite.quote)}”）。", \
                    exclusion.cite
        # 1a. Registered elsewhere (外地注册的公司能申请吗) where a condition requires registration in the place.
        elsewhere = next((w for w in self.lex.registered_elsewhere if w in q), None)
        if elsewhere and not any(q[:q.find(elsewhere)].endswith(n) for n in self.lex.negations):
            for prog in progs:
                c = next((c for c in prog.eligibility if isinstance(c.rule, Region) and c.rule.outside == "not_met"),
                         None)
                if c is not None:
                    return False, f"（{c.cite.article}：“{tidy(c.cite.quote)}”）", c.cite
        # 1a'. Registration in the place asked about, or stated elsewhere, for a programme with no condition
        #      requiring it (省资源池: applications go through local offices; 伊春云服务商备案): silent, with what applies.
        unregistered = self._registration_unruled(ctx, progs, bool(elsewhere))
        if unregistered is not None:
            return None, unregistered[0], unregistered[1]
        # (连续三年都申请 / 每年都申请: one programme again, not two at once)
        combining = any(w in q for w in self.lex.combining_words) and not re.search(self.lex.years_again, q)
        lines = self.reader.lines_named(q)
        # 1b. Combining programmes of different documents: the texts are silent unless a sentence speaks of it.
        docs_named = {self.reg.get(p).doc for p in lines} | set(self.reader.topic_documents(q)) | {
            d.id for d in self.corpus.docs.values()
            if any(p.name == next((d.region[lvl] for lvl in ("district", "city") if d.region.get(lvl)), None)
                   for p in r.places)}
        another = len(docs_named) >= 2 or bool(re.search(self.lex.other_subsidy, q))
        # 去年拿过东莞的补助，今年白云还能申请吗: one document's programme received, another's asked for
        combining = combining or (another and len(docs_named) >= 2 and bool(r.facts.get("received_before")))
        higher_asked = any(w in q for w in self.lex.higher_words)  # 标准不一样，能按高的那个执行吗: combining asked
        if (combining or higher_asked) and another:
            # A sentence of the document asked about on other policies decides (就高不重复: not both).
            asked = {self.reg.get(p).doc for p in ctx.programmes} or set(r.documents[:1])
            rule = next((x for x in self.quoter.sentences if x.article.doc_id in asked
                         and any(w in x.text for w in self.lex.other_policy_words)), None)
            if rule is not None and any(w in rule.text for w in self.lex.no_double):
                higher = any(w in q for w in self.lex.higher_words) and "就高" in rule.text  # 按高的那个执行吗: yes
                return higher, f"（{rule.article.label}：“{tidy(rule.text)}”）", self.corpus.cite_article(rule.article,
                                                                                                      rule.text)
        if combining and not another and len(lines) >= 2 and len({self.reg.get(p).doc for p in lines}) == 1:
            # 诊断服务的券申请过了，同一年里再申请智能车间数字化: the document's own rule on several of its lines
            doc = self.reg.get(lines[0]).doc
            rule = next((x for x in self.quoter.sentences if x.article.doc_id == doc
                         and re.search(self.lex.together_rule, x.text)), None)
            if rule is not None:
                said = re.search(self.lex.together_rule, rule.text).group(0)
                return not said.startswith(("不", "不得")), f"（{rule.article.label}：“{tidy(rule.text)}”）", \
                    self.corpus.cite_article(rule.article, rule.text)
        if combining and another and not any(w in sentence for w in self.lex.other_policy_words):
            own = self._own_terms(sorted(docs_named), lines)
            where = "；".join(f"《{self.corpus.docs[c.doc_id].title}》{c.article}" for c in own)
            return None, ("文件未作规定：现有文件没有就同时享受不同文件的补贴作出规定，请向主管部门确认。"
                          + (f"各自的补贴标准见{where}。" if where else "")), own or None
        # 1c. A requirement on an attribute no condition of the programmes reads (要成立满几年吗), or a fee for
        #     applying: silent.
        unruled = self._open_point(ctx)
        if unruled is not None:
            return None, unruled[0], unruled[1]
        # 1c'. 有没有申报截止日期 of a programme whose text sets no end: silent, with what it does say.
        #     A text that does state what is asked (认定有效期三年) is answered from it below.
        asked_end = re.search(self.lex.asks_end, q)
        if progs and self._one_window(ctx.programmes) and progs[0].window.kind == "open_ended" and asked_end \
                and not any(asked_end.group() in a.text for a in self.corpus.docs[progs[0].doc].articles.values()):
            w = progs[0].window
            return None, f"文件未作规定：{progs[0].title}：{tidy(w.text)}（{w.cite.article}：“{tidy(w.cite.quote)}”）。", w.cite
        taxed = self._tax_unruled(ctx, progs, lead) or self._practice_unruled(ctx, progs)
        if taxed is not None:
            return taxed
        if self.reader.price_asked(q):  # 一个套餐多少钱，定了价没: a price, which the figures of the text do not bound
            absent = self._absent_focus(ctx, lead)
            if absent:
                near = f"，最接近的条文是{lead.article.label}" if lead else ""
                return None, f"文件未作规定：文件没有提到“{absent}”{near}，请以主管部门解释为准。", None
        # 2. The facts the question states against the programmes' rules: one that fails decides.
        found = self._rule_verdict(ctx, progs)
        if found is not None and found[0] is False:
            return found
        # 2'. A requirement asked about that a condition sets (必须在本地注册吗 → 在东莞市注册的), unless what it must
        #     be is named nowhere in the document (注册资金必须实缴到位吗 against 注册资金不低于1000万元): silent.
        ruled = self._ruled_requirement(ctx)
        unsaid = self._unsaid_qualifier(ctx) if ruled is not None else None
        if unsaid is not None:
            return None, (f"文件未作规定：文件没有提到“{unsaid}”，最接近的条文是{ruled[2].article}"
                          f"（“{tidy(ruled[2].quote)}”），请以主管部门解释为准。"), ruled[2]
        if ruled is not None:
            return ruled
        # 2a'''. All year (全年申请) against a time the question narrows it to (只在每年固定的一两个月), or any time.
        year_round = self._all_year_verdict(q, [x for x in [lead, *(quotes or [])] if x is not None])
        if year_round is not None:
            return year_round
        # 2a''. How often (每年只组织一次吗) against the sentence saying how often (原则上每半年组织一次).
        often = self._frequency_verdict(q, [x for x in [lead, *(quotes or [])] if x is not None])
        if often is not None:
            return often
        # 2a'. Lasting for good (一次认定长期有效吗) where a sentence of the document sets a period (认定有效期三年).
        lasting = self._lasting_verdict(ctx, [x for x in [lead, *(quotes or [])] if x is not None])
        if lasting is not None:
            return lasting
        # 2a. The quoted text forbids what is asked (不得转让、买卖), or requires what the question would skip or put
        #     off (每年需进行资质复核 / 可以不做吗; 签订服务合同前先备案 / 签了合同之后再备案).
        acted = self._actor_verdict(q, [x for x in [lead, *(quotes or [])] if x is not None])
        if acted is not None:
            return acted
        skipped = self._skipped_office(q, [x for x in [lead, *(quotes or [])] if x is not None])
        if skipped is not None:  # 不用报省经信委 against 应…报省经济和信息化委，同时抄报省联盟
            return False, f"（{skipped.article.label}：“{tidy(skipped.text)}”）", self.corpus.cite_article(
                skipped.article, skipped.text)
        unit = self._other_unit(ctx, progs, [x for x in [lead, *(quotes or [])] if x is not None])
        if unit is not None:  # 是交到省厅科技处吗 against …提交至我厅（工业互联网处）邮箱
            return False, f"（{unit.article.label}：“{tidy(unit.text)}”）", self.corpus.cite_article(unit.article,
                                                                                                  unit.text)
        wider = self._not_limited(ctx, progs, lead)
        if wider is not None:  # 只能从专家委员会里选吗 against 专家成员包括但不限于…专家委员会
            return False, f"（{wider.article.label}：“{tidy(wider.text)}”）", self.corpus.cite_article(wider.article,
                                                                                                    wider.text)
        used = self._use_verdict(ctx, progs)
        if used is not None:  # 数据流量费用能用服务券抵吗 against 服务券可用于…数据流量费用…但…不列入
            return used
        spared = self._spared(q, lead.text) if lead is not None else None
        if spared is not None:  # 不用再报一次 / 还要再报吗 against 无需重复申报
            return spared, f"（{lead.article.label}：“{tidy(lead.text)}”）", self.corpus.cite_article(lead.article, lead.text)
        changing = self._changes_later(ctx, lead, quotes)
        if changing is not None:  # 额度定下来就不会再变了吧 against 具体发放额度将…进行动态调整
            return False, f"（{changing.article.label}：“{tidy(changing.text)}”）", self.corpus.cite_article(
                changing.article, changing.text)
        binding = self._binding(ctx, progs)
        if binding is not None:  # 平台上后来发的通知不管用，对吗 against 具体时间以…平台通知为准
            return False, f"（{binding.article.label}：“{tidy(binding.text)}”）", self.corpus.cite_article(
                binding.article, binding.text)
        for s in [x for x in [lead, *(quotes or [])] if x is not None]:
            if self._forbids_opposite(q, s.text):
                return True, f"（{s.article.label}：“{tidy(s.text)}”）", self.corpus.cite_article(s.article, s.text)
            if self._forbids(q, s.text) or self._leaves_out(q, s.text) or self._not_only(q, s.text):
                return False, f"（{s.article.label}：“{tidy(s.text)}”）", self.corpus.cite_article(s.article, s.text)
        # 2b. A subsidy the question puts forward (纳税800万，补贴能冲到100万不) against the cap of the tax's tier.
        tiered = self._tier_claim(ctx, progs)
        if tiered is not None:
            return tiered
        # 2b'. A rate the question puts forward (能不能按80%奖补) against the one the programme gives the asker.
        rated = self._rate_verdict(ctx, progs)
        if rated is not None:
            return rated
        # 2c. Figures the question states (申请8个, 过5个工作日再交) against the bounds the quoted sentences set.
        named = [self.reg.get(p).title.split("·")[-1] for p in lines]
        bounding = [s for s in [lead, *(quotes or [])] if s is not None
                    # 云上软件园能连续享受三年吗: not the bounds of another line (软件开发云 周期为三年)
                    and not (named and not any(n in s.article.text for n in named))
                    # 纳税2000万元以上的，当年最高…: a tier of the cap, not a condition to apply
                    and not re.search(self.lex.tier_sentence, s.text)]
        # 其他供应商…初始限额是500万元吗 against 平台商初始限额为800万元 and 其他…供应商初始限额为500万元: a figure
        # claimed as the text's own is checked as such first, against the sentence the question's words point to.
        claims = [(c, s) for s in bounding if (c := limits.claim(q, s.text, self.lex.limits)) is not None]
        denied = limits.denied_words(q, self.lex.limits)  # 不是平台商: not the sentence for 平台商, if another claims
        claims = [x for x in claims if not any(w in x[1].text for w in denied)] or claims
        top = max((c[1] for c, _s in claims), default=0)
        if len({c[0] for c, _s in claims if c[1] == top}) == 1:  # sentences sharing as much that disagree: no telling
            said, s = next((c[0], s) for c, s in claims if c[1] == top)
            return said, f"（{s.article.label}：“{tidy(s.text)}”）", self.corpus.cite_article(s.article, s.text)
        for s in bounding:
            inside = limits.judge(q, s.text, self.lex.limits)
            if inside and found is not None and found[0] is True:
                # 成立三年 meets 不低于1年, and the rules say which other conditions the facts meet; a bound the rules
                # do not quote (年服务100家以上或收入500万元以上) is said first.
                if squash(tidy(s.text)) in squash(found[1]):
                    return found
                cites = found[2] if isinstance(found[2], list) else [found[2]]
                return True, f"（{s.article.label}：“{tidy(s.text)}”）{found[1]}", [
                    self.corpus.cite_article(s.article, s.text), *cites]
            if inside is not None:
                cite = self.corpus.cite_article(s.article, s.text)
                return inside, f"（{s.article.label}：“{tidy(s.text)}”）", cite
        # 2d. Still open? A dated time limit of the act asked about (变更申请…于5月20日下午5:00前提交), else the
        #    programme's window, on the date asked (or the evaluation date).
        if r.still_open:
            dated = self._dated_limit(ctx, [x for x in [lead, *(quotes or [])] if x is not None])
            if dated is not None:
                return dated
        opened = self._open_verdict(ctx, progs[0]) if r.still_open and progs and self._one_window(ctx.programmes) else None
        said = [x.text for x in [lead, *(quotes or [])] if x is not None]
        history = self.reader.stated_history(q) if opened is not None and opened[0] else None
        if history and not any(w in history for w in self.lex.misconduct_words) and any(
                w in x for x in said for w in self.lex.repeat_rules):
            history = None  # 逐年申请 answers 第二年还能申请吗 (not 有失信记录还能申请吗, which no such rule speaks of)
        again = self._repeat_rule(ctx, lead) if history or r.facts.get("received_before") else None
        if again is not None and opened is not None and again.article.doc_id != progs[0].doc:
            again = None  # 去年拿过东莞的补助，今年白云还能申请吗: one document's rule on applying again says nothing of another's
        if again is not None:  # 去年拿过公有云补贴，今年还能申请吗: the line's own article says 逐年申请
            said = next(w for w in self.lex.repeat_rules if w in again.text)
            cite = self.corpus.cite_article(again.article, again.text)
            return (opened[0] if said in self.lex.repeat_allowed else False,
                    f"（{again.article.label}：“{tidy(again.text)}”）{opened[1]}", [cite, opened[2]])
        if history:  # 上过失信名单，现在还能申请吗: the window is open, but no rule speaks of what the asker did
            who = progs[0].who.cite
            art = "、".join(dict.fromkeys(x for x in (who.article, lead.article.label if lead else "") if x))
            cites = [c for c in (who, opened[2]) if c is not None]
            return None, (f"文件未作规定：文件没有就“{history}”这种情形作出规定，申请条件见{art}，请以主管部门解释为准；"
                          f"{opened[1]}"), cites
        if opened is not None and opened[0] is not None:
            return opened  # a window with dates decides; one the text leaves open waits for the other rules
        # 2e. A value asked whether the text writes it (多少天内把券发下来，文件里有写吗) that the deciding sentence
        #     does not give: silent, with the sentence of the act asked about.
        if lead is not None and re.search(self.lex.asks_written, q):
            what = self._value_not_given(q, sentence)
            if what is not None:
                near = self._nearest_step(ctx, lead, subject=what == "名称")
                return None, (f"文件未作规定：文件没有写明{what}，最接近的条文是{near.article.label}"
                              f"（“{tidy(near.text)}”），请以主管部门解释为准。"), self.corpus.cite_article(near.article,
                                                                                                    near.text)
        # 3. The question negates a condition the deciding sentence sets (没有经过认定), or names a place the
        #    sentence treats apart (（东莞市、中山市径向…）).
        direct = next((x for x in [lead, *(quotes or [])] if x is not None and self._goes_direct(ctx, x.text)), None)
        if direct is not None:  # 中山的企业能直接交到市经信部门吗 / （东莞市、中山市径向市经济和信息化主管部门递交申请）
            return True, f"（{direct.article.label}：“{tidy(direct.text)}”）", self.corpus.cite_article(direct.article,
                                                                                                     direct.text)
        special = self._text_says_no(ctx, sentence) or any(self._sets_place_apart(ctx, x.text) for x in quotes or [])
        # 钱还一分没付 against another quote's 发生实际支出: that sentence decides, and is the one quoted
        #    (a condition's article of the programmes asked about; a negation the rules read as a fact is theirs)
        conditional = {c.cite.article for x in progs for c in x.eligibility}
        other = None if special or any(v is False for v in ctx.r.facts.values()) else next(
            (x for x in quotes or [] if x.article.label in conditional and self._text_says_no(ctx, x.text)), None)
        special = special or other is not None
        if special and found is not None and found[0] is True and lead is not None and any(
                v is False for v in ctx.r.facts.values()) and any(
                c.article == lead.article.label for c in found[2]) and not any(
                self._sets_place_apart(ctx, x.text) for x in [lead, *(quotes or [])] if x is not None):
            return found  # 总部企业，但没到四上: the negation is a fact the rules read, and another alternative is met
        if other is not None:
            return False, f"（{other.article.label}：“{tidy(other.text)}”）", self.corpus.cite_article(other.article,
                                                                                                   other.text)
        if special:
            return False, "", None
        # 3b. Whether a thing must be handed in (要不要交纳税证明): the programme's list of materials decides.
        listed = self._material_verdict(ctx, progs)
        thing = self._handed_in(q) if listed is not None and listed[0] is None and lead is not None else None
        if thing and squash(thing) in squash(lead.text):
            listed = None  # 声明里写着…要提供数据接口吗: no item lists it, but the deciding sentence says it
        if listed is not None:
            return listed
        # 4. Does the text require or fix what is asked (对成立年限有没有要求)? If no sentence names it: silent.
        # (多少天内把券发下来，文件里有写吗: a value asked, which the deciding sentence does not give)
        if re.search(self.lex.asks_requirement, q) and (not self._text_names_asked(ctx, sentence)
                                                         or self._value_not_given(q, sentence) is not None):
            art = lead.article.label if lead else ""
            prog = self.reg.get(ctx.programmes[0]) if ctx.programmes else None
            where = f"；申请条件见{prog.who.cite.article}" if prog else ""
            basis = self._count_basis(ctx)
            where += f"；奖补标准见{basis.article}（“{tidy(basis.quote)}”）" if basis else ""
            return None, (f"文件未作规定：现有文件没有对此作出规定（最接近的条文是{art}{where}），请以主管部门解释为准。"
                          if art else "文件未作规定：现有文件没有对此作出规定。"), [
                c for c in (prog.who.cite if prog else None, basis) if c is not None] or None
        # Several lines of one document under a shared cap (可同时申请多种服务券): that article decides.
        if combining and len(lines) >= 2 and len({self.reg.get(p).doc for p in lines}) == 1:
            cap = self.reg.shared_cap_for(self.reg.get(lines[0]))
            if cap is not None:
                c = cap.cap_cny.cite
                full = next((x.text for x in self._sentences_of(c) if "同时" in x.text), c.quote)
                cite = self.corpus.citation(c.doc_id, c.article, full)
                return True, f"（{c.article}：“{tidy(full)}”）", cite
        if opened is not None and opened[0] is None and found is not None and found[0] is True \
                and self.reader.stated_history(q):
            # 六年前出过违规…还能申请吗: the window is open-ended, and the rules read what the asker did
            return True, f"{found[1]}{opened[1]}", found[2]
        if opened is not None:
            return opened
        # 6b. What the question asks about (申请费, 有效期, 规上企业) is named nowhere in the document: silent.
        absent = self._absent_focus(ctx, lead)
        if absent:
            art = lead.article.label if lead else ""
            near = f"，最接近的条文是{art}" if art else ""
            who = self._conditions_asked(ctx, progs)
            if who is not None:  # 纳税信用B级会不会影响申请: what the conditions do say is where to look
                return None, (f"文件未作规定：文件没有提到“{absent}”{near}；申请条件见{who.article}（“{tidy(who.quote)}”），"
                              f"请以主管部门解释为准。"), who
            return None, f"文件未作规定：文件没有提到“{absent}”{near}，请以主管部门解释为准。", None
        if found is not None:
            return found
        # 7. The deciding sentence itself, or the bold title of its article when that is what answers
        #    (实行省资源池企业资质全省互认).
        verdict = self._polarity(ctx, sentence, lead)
        if verdict is not None and re.search(self.lex.yes_no.negated_claim, q) and not any(
                w in sentence for w in [*self.lex.yes_no.negative, *self.lex.yes_no.not_done]):
            verdict = not verdict  # 推荐意见不算评价指标吧 against 评价指标主要包括…推荐意见: no
        title = self._answering_title(ctx, sentence, lead)
        if verdict is not None and title:
            return verdict, f"（{lead.article.label}，标题：{title}；“{tidy(sentence)}”）", None
        return verdict, "", None

    def _answering_title(self, ctx: Context, sentence: str, lead: Sentence | None) -> str | None:
        """The bold title the extraction repaired (not quotable verbatim), when it names what is asked better than
        the deciding sentence does."""
        if lead is None:
            return None
        doc = self.corpus.docs[lead.article.doc_id]
        titles = [x.rstrip("。；;：: ") for x in lead.article.sentences() if x.rstrip("。；;：: ") in doc.repaired]
        content = [t for t in self.scope.content_words(ctx.q, ctx.r) if t not in GENERIC_WORDS]
        if not titles or not content:
            return None
        title = titles[0]
        return title if sum(squash(t) in squash(title) for t in content) > sum(
            squash(t) in squash(sentence) for t in content) else None

    def _lasting_verdict(self, ctx: Context, quotes: list[Sentence]) -> tuple[bool, str, Citation] | None:
        """一次认定长期有效吗 / 资质是永久的吗: no, where a sentence of the document sets the period of what is asked
        (云公共服务平台认定有效期三年); the quotes first, then the document's other sentences naming it."""
        if not re.search(self.lex.lasting_claim, ctx.q):
            return None
        period = self.lex.lasting_ends
        docs = {self.reg.get(p).doc for p in ctx.programmes if p in self.reg.programmes} or set(ctx.r.documents[:1])
        words = [t for t in self.scope.content_words(ctx.q, ctx.r) if t not in GENERIC_WORDS and len(t) >= 2]
        pool = quotes + [x for x in self.quoter.sentences if x.article.doc_id in docs and x not in quotes]
        for x in pool:
            if x.article.doc_id in docs and re.search(period, x.text) and (any(
                    squash(k) in squash(x.text) for t in words for k in self.scope.kin(t))
                    or re.search(self.lex.validity.self_clause, x.text)):  # 本办法…有效期三年: the whole programme's
                return False, f"（{x.article.label}：“{tidy(x.text)}”）", self.corpus.cite_article(x.article, x.text)
        if not quotes:
            return None
        near = quotes[0]  # no period and no way out: the text does not say it lasts for good either
        return None, (f"文件未作规定：文件没有写明有效期，最接近的条文是{near.article.label}（“{tidy(near.text)}”），"
                      "请以主管部门解释为准。"), self.corpus.cite_article(near.article, near.text)

    def _event_verdict(self, ctx: Context, quotes: list[Sentence]) -> tuple[bool, str, Citation] | None:
        """Whether a dated event is still inside the period a sentence sets: a certificate within its validity
        counted from the day obtained (可以 while valid); a penalty outside a look-back window (可以: no longer
        counts). None when the question gives no such date, no quote sets such a period, or the date is too coarse
        to tell."""
        from navigator.numbers import parse_numeral

        days = [dt.date.fromisoformat(x) for x in ctx.r.asked_dates] or [ctx.day]
        docs = set(ctx.r.documents[:1]) or {x.article.doc_id for x in quotes[:1]}
        for e in ctx.r.event_dates:
            rx = self.lex.event_dates.periods.get(e.kind)
            # The quotes first, then any sentence of the document setting such a period for what the question says
            # happened (2016年6月拿到东莞的认定 → 云公共服务平台认定有效期三年).
            at = ctx.q.find(e.text)
            said = ctx.q[at + len(e.text):at + len(e.text) + 12] if at >= 0 else ""
            said_pairs = {said[i:i + 2] for i in range(len(said) - 1)}
            others = [x for x in self.quoter.sentences if x.article.doc_id in docs and x not in quotes and rx
                      and re.search(rx, x.text) and (e.kind == "founding" or any(p in x.text for p in said_pairs))]
            for x in [*quotes, *others] if rx else []:
                m = re.search(rx, x.text)
                n = parse_numeral(m.group(1), {}) if m else None
                if not n:
                    continue
                n = int(n)
                if e.kind == "validity":
                    seen = {True if d <= _add_years(e.first(), n) else False if d > _add_years(e.last(), n) else None
                            for d in days}
                elif e.kind == "founding":  # 成立时间不低于1年: founded at least n years before the day asked
                    seen = {True if e.last() < _add_years(d, -n) else False if e.first() >= _add_years(d, -n) else None
                            for d in days}  # as the rules count it: on the anniversary itself, not yet
                else:
                    seen = {True if e.last() < _add_years(d, -n) else False if e.first() >= _add_years(d, -n) else None
                            for d in days}
                if len(seen) != 1 or None in seen:
                    continue
                ok = seen.pop()
                when = "、".join(d.isoformat() for d in dict.fromkeys(days))
                cite = self.corpus.cite_article(x.article, x.text)
                quote = f"（{x.article.label}：“{tidy(x.text)}”）"
                if e.kind == "validity":
                    return ok, f"{e.text}起算{m.group(0)}；按{when}评估：{'尚在有效期内' if ok else '已过有效期'}{quote}。", cite
                if e.kind == "founding":
                    return ok, f"{e.text}成立，到{when}{'已满' if ok else '不满'}{n}年{quote}。", cite
                # 是否还受影响: asked whether it still counts, the answer is the other way round
                still = re.search(self.lex.event_dates.affected, ctx.q)
                return (not ok) if still else ok, (f"{e.text}距{when}{'已超过' if ok else '不足'}{n}年，"
                                                  f"{'不再' if ok else '仍'}受“{m.group(0)}”的限制{quote}。"), cite
        return None

    def _unused_verdict(self, ctx: Context, quotes: list[Sentence]) -> tuple[bool, str, Citation] | None:
        """A service opened on a day the question gives, and first used on another (or not yet by the day asked),
        against the days a quoted sentence allows before it counts as given up (开通后30天内未使用，视为放弃)."""
        u = self.lex.unused_rule
        rule = next(((x, m) for x in quotes if (m := re.search(u["sentence"], x.text))), None) if u else None
        if rule is None:
            return None
        q = ctx.q
        dates = []
        for m in re.finditer(u["date"], q):
            try:  # (2月30日 is no day)
                dates.append((m.start(), m.end(), dt.date(int(m["y"] or ctx.day.year), int(m["m"]), int(m["d"]))))
            except ValueError:
                continue
        opened = [d for s, e, d in dates if re.search(u["opened"], q[e:e + 6])]
        if len(opened) != 1:
            return None
        start = opened[0]
        used = [d for s, e, d in dates if d > start and re.search(u["used"], q[e:e + 8])
                and not re.search(u["never"], q[e:e + 8])]
        never = re.search(u["never"], q)
        limit = int(rule[1].group(1))
        if used:
            given_up = (used[0] - start).days > limit
            how = f"{start.isoformat()}开通，{used[0].isoformat()}首次使用，相隔{(used[0] - start).days}天"
        elif never:
            end = next((d for s, e, d in dates if d > start), None) or ctx.day
            if (end - start).days <= limit:
                return None  # not yet past the days allowed: nothing decided yet
            given_up = True
            how = f"{start.isoformat()}开通，到{end.isoformat()}已{(end - start).days}天未使用"
        else:
            return None
        kept = any(w in q for w in u["kept_asked"]) and not any(w in q for w in u["lapse_asked"])
        x = rule[0]
        return (not given_up if kept else given_up,
                f"{how}，{'超过' if given_up else '未超过'}{limit}天（{x.article.label}：“{tidy(x.text)}”）。",
                self.corpus.cite_article(x.article, x.text))

    def _validity_verdict(self, ctx: Context) -> tuple[bool | None, str, Citation | None]:
        """Whether the document asked about is in force, or has started, on the day asked: its own clause
        (本办法自发布之日起施行，有效期三年) and dates; with no end set, closed only when every date it sets has passed."""
        r = ctx.r
        doc_id = next(iter([*r.documents, *(h.chunk.article.doc_id for h in ctx.hits)]), None)
        if doc_id is None or doc_id not in self.corpus.docs:
            return None, "", None
        doc = self.corpus.docs[doc_id]
        repealed = self._repealed_named(ctx.q, doc)
        if repealed is not None:  # 以前的《…（试行）》还有效吗: the sentence that repeals it answers
            a, x, name = repealed
            return False, f"《{name}》已废止（{a.label}：“{tidy(x)}”）。", self.corpus.cite_article(a, x)
        own = next(((a, x) for a in doc.articles.values() for x in a.sentences()
                    if re.search(self.lex.validity.self_clause, x)), None)
        notice = [(a, x) for a in doc.articles.values() if a.label == "印发通知" for x in a.sentences()]
        clause = own or next((y for w in ("执行", "印发") for y in notice if w in y[1]), None)
        cite = self.corpus.cite_article(clause[0], clause[1]) if clause else None
        quote = f"（{clause[0].label}：“{tidy(clause[1])}”）" if clause else ""
        dates = [dt.date.fromisoformat(x) for x in r.asked_dates] or [ctx.day]
        when = "、".join(x.isoformat() for x in dict.fromkeys(dates))
        states = {doc.status_on(x) for x in dates}
        title, note = f"《{doc.title}》", tidy(doc.validity_note or "").rstrip("。")
        start = doc.in_force_from
        issued = {"year": f"{start.year}年", "month": f"{start.year}年{start.month}月"}.get(
            doc.issued_on_precision if doc.effective_on is None else "day", f"{start.year}年{start.month}月{start.day}日")
        if len(states) != 1:
            return None, f"文件未作规定：{title}{note}；所问期间内效力有变化，请以文件所列时间为准。{quote}", cite
        st = states.pop()
        if st == "not_yet_effective":
            return False, f"{title}自{issued}起施行；按{when}评估：尚未施行。{quote}", cite
        if st != "in_force":
            return r.validity == "started", f"{title}{note}；按{when}评估：{DOC_STATUS_TEXT[st]}。{quote}", cite
        if doc.expires_on:
            return True, f"{title}{note}；按{when}评估：现行有效。{quote}", cite
        if r.validity == "started":
            return True, f"{title}于{issued}印发施行；按{when}评估：已施行。{quote}", cite
        # No end set: the dates the document sets (申领、兑现时间) tell whether anything is left to do under it.
        progs = [p for p in self.reg.programmes.values() if p.doc == doc.id]
        windows = [w for p in progs for w in (p.window, self._redemption(p)) if w is not None]
        from calculators.status import status_on

        seen = {status_on(w, x) for w in windows for x in dates}
        if seen == {"closed"}:
            last = max(windows, key=lambda w: w.closes or dt.datetime.min)
            return False, (f"{title}没有规定有效期，所定时间均已结束（{tidy(last.text)}，{last.cite.article}）；"
                           f"按{when}评估：已截止。"), last.cite
        return None, (f"文件未作规定：{title}于{issued}印发施行，没有规定有效期或截止日期（{note}），请向发文单位确认。"
                      f"{quote}"), cite

    def _repealed_named(self, q: str, doc) -> tuple[Article, str, str] | None:
        """A document the question names that a sentence of ``doc`` repeals (《…（试行）》…同时废止): that article,
        sentence and name. Named by the part of its name that differs from ``doc``'s own title."""
        for a in doc.articles.values():
            for x in a.sentences():
                if not any(w in x for w in self.lex.repeal_words):
                    continue
                for name in re.findall(r"《([^》]+)》", x):
                    own = _longest_common(name, doc.title)
                    rest = name.replace(own, "") if len(own) >= 4 else name
                    marks = [m for m in re.findall(r"[（(]([^）)]+)[）)]", name) if m not in doc.title]  # 试行
                    if name != doc.title and len(rest) >= 2 and (squash(rest) in squash(q) or any(m in q for m in marks)):
                        return a, x, name
        return None

    def _own_terms(self, docs: list[str], named: list[str]) -> list[Citation]:
        """Each document's own terms for what one enterprise receives: the cap its lines share (第十二条), else the
        rate of the line named or of its first enterprise line."""
        out = []
        for doc in docs:
            progs = [self.reg.get(p) for p in named if self.reg.get(p).doc == doc] or [
                p for p in self.reg.programmes.values() if p.doc == doc and p.side == "enterprise" and p.calculator]
            cap = next((c for c in (self.reg.shared_cap_for(p) for p in progs) if c is not None), None)
            cite = cap.cap_cny.cite if cap is not None else next(
                (c for c in (self._rate_cite(p) for p in progs) if c is not None), None)
            if cite is not None:
                out.append(self.corpus.citation(cite.doc_id, cite.article, cite.quote))
        return out

    def _redemption(self, prog: Programme):
        """The redemption period (兑现时间) as a window of its own, when the text gives its dates."""
        from calculators.models import Window

        red = prog.window.redemption
        if red is None:
            return None
        stamps = re.findall(r"(\d{4})年(\d{1,2})月(\d{1,2})日\D{0,4}?(\d{1,2})[:：](\d{2})", red.text + red.cite.quote)
        if len(stamps) < 2:
            return None
        (y1, m1, d1, h1, n1), (y2, m2, d2, h2, n2) = stamps[:2]
        try:
            return Window(kind="period", opens=dt.datetime(int(y1), int(m1), int(d1), int(h1), int(n1)),
                          closes=dt.datetime(int(y2), int(m2), int(d2), int(h2), int(n2)), text=red.text, cite=red.cite)
        except (ValueError, TypeError):
            return None

    def _dated_limit(self, ctx: Context, quotes: list[Sentence]) -> tuple[bool, str, Citation] | None:
        """A quoted sentence that sets a dated time limit (于5月20日（星期三）下午5:00前提交) for what the question
        names: still in time on the date asked, or not."""
        content = [t for t in self.scope.content_words(ctx.q, ctx.r) if t not in GENERIC_WORDS and len(t) >= 2
                   and t not in self.lex.plain_acts]  # 提交…申领 names no act of its own (变更申请 does)
        for x in quotes:
            m = DATED_LIMIT.search(x.text)
            title = self.corpus.docs[x.article.doc_id].title
            if m is None or not any(t in x.text and t not in title for t in content):
                continue  # the act asked about (变更申请), not the document's name, must be in the sentence
            doc = self.corpus.docs[x.article.doc_id]
            year = int(m.group("y") or doc.issued_on.year)
            hour = int(m.group("h") or 24) + (12 if m.group("pm") and int(m.group("h") or 0) < 12 else 0)
            try:
                day = dt.date(year, int(m.group("m")), int(m.group("d")))
            except ValueError:
                continue
            limit = dt.datetime.combine(day, dt.time()) + dt.timedelta(hours=hour, minutes=int(m.group("mi") or 0))
            dates = [dt.date.fromisoformat(d) for d in ctx.r.asked_dates] or month_days(ctx.q, year) or [ctx.when]
            # A date alone is that whole day: in time if the day starts before the limit.
            starts = [d if isinstance(d, dt.datetime) else dt.datetime.combine(d, dt.time()) for d in dates]
            on_time = {s < limit for s in starts}
            if len(on_time) != 1:
                continue
            ok = on_time.pop()
            when = "、".join(d.isoformat() for d in dict.fromkeys(dates))
            state = "尚在期限内" if ok else "已过期限"
            cite = self.corpus.cite_article(x.article, x.text)
            return ok, f"期限：{m.group(0)}（{x.article.label}：“{tidy(x.text)}”）；按{when}评估：{state}。", cite
        return None

    def _open_verdict(self, ctx: Context, prog: Programme) -> tuple[bool | None, str, Citation | None]:
        from calculators.status import status_on

        dates = [self._at_time(ctx, dt.date.fromisoformat(x)) for x in ctx.r.asked_dates] or [ctx.when]
        w = prog.window
        red = self._redemption(prog) if "兑" in ctx.q else None  # 兑现, 兑钱, 能不能兑
        if red is not None:
            w = red
            states = {status_on(red, x) for x in dates}
        else:
            states = {self.service.status(prog, x) for x in dates}
        when = "、".join(x.isoformat() if isinstance(x, dt.date) else str(x) for x in dict.fromkeys(dates))
        same = len(ctx.programmes) > 1 and all(self.reg.get(p).doc == prog.doc for p in ctx.programmes)
        name = f"《{self.corpus.docs[prog.doc].title}》各项目" if same and red is None else prog.title
        text = f"{name}：{tidy(w.text)}（{w.cite.article}：“{tidy(w.cite.quote)}”）；按{when}评估："
        if states == {"open"}:
            return True, text + "可申请/有效期内。", w.cite
        if states <= {"closed", "not_yet_open"}:
            return False, text + "、".join(STATUS_TEXT[s] for s in sorted(states)) + "。", w.cite
        if "unknown" in states:
            return None, f"文件未作规定：{text}{STATUS_TEXT['unknown']}，请向主管部门核实。", w.cite
        return True, f"{text}所问期间内部分时间可申请，请在文件所列时间内办理。", w.cite

    def _all_year_verdict(self, q: str, said: list[Sentence]) -> tuple[bool, str, Citation] | None:
        """是不是只在每年固定的一两个月里受理申请 against 全年申请: no; 随时都能报吗: yes."""
        w = self.lex.all_year
        s = next((x for x in said if re.search(w["sentence"], x.text)), None)
        if s is None:
            return None
        if re.search(w["narrowed"], q):
            verdict = False
        elif re.search(w["any_time"], q):
            verdict = True
        else:
            return None
        return verdict, f"（{s.article.label}：“{tidy(s.text)}”）", self.corpus.cite_article(s.article, s.text)

    def _frequency_verdict(self, q: str, said: list[Sentence]) -> tuple[bool, str, Citation] | None:
        """每年只组织一次吗 against 原则上每半年组织一次: the period and the count the question says against those of
        the quoted sentence saying how often."""
        from navigator.numbers import parse_numeral

        def often(text: str) -> tuple[str, str] | None:
            m = re.search(self.lex.frequency, text)
            if m is None:
                return None
            n = m["n"] if not re.fullmatch(r"[一二两三四五六七八九十]+", m["n"]) else str(parse_numeral(m["n"], {}))
            return self.lex.frequency_periods.get(m["per"], m["per"]), re.sub(r"\s|[—至~]", "-", n)

        asked = often(q)
        if asked is None:
            return None
        for s in said[:1]:  # the deciding sentence (每年需进行资质复核 is not 每半年组织一次…认定)
            stated = often(s.text)
            if stated is not None:
                return stated == asked, f"（{s.article.label}：“{tidy(s.text)}”）", self.corpus.cite_article(s.article, s.text)
        return None

    def _at_time(self, ctx: Context, day: dt.date) -> dt.date | dt.datetime:
        """The day asked about, at the time of day the question says (9月30日17:20, 下午四点半) or the day asked is
        at (an as-of date-time on that day): a window closing at 17:00 is told apart within its last day."""
        from navigator.numbers import parse_numeral

        m = re.search(self.lex.time_of_day, ctx.q)
        if m:
            hour = int(m["h"]) if m["h"].isdigit() else int(parse_numeral(m["h"], {}) or 0)
            minute = int(m["m"] or m["m2"]) if (m["m"] or m["m2"]) else (30 if m["half"] else 0)
            if m["pm"] and hour < 12:
                hour += 12
            if 0 <= hour <= 23 and 0 <= minute <= 59:
                return dt.datetime.combine(day, dt.time(hour, minute))
        if isinstance(ctx.when, dt.datetime) and ctx.when.date() == day:
            return ctx.when
        return day

    def _repeat_rule(self, ctx: Context, lead: Sentence | None) -> Sentence | None:
        """With the asker saying it has received a programme (去年拿过公有云的补贴), the sentence of the deciding
        article, or of the article of the one line named, that rules on applying again (逐年申请 / 只能享受一年)."""
        if not ctx.r.facts.get("received_before"):
            return None
        arts = [lead.article.id] if lead is not None else []
        lines = self.reader.lines_named(ctx.q)
        if len(lines) == 1:
            prog = self.reg.get(lines[0])
            cites = [*(x.cite for x in prog.eligibility), *(x.cite for x in prog.notes)]
            arts += [f"{c.doc_id}/{c.article}" for c in cites]
        for art in dict.fromkeys(arts):
            for i in self.quoter.by_article.get(art, []):
                s = self.quoter.sentences[i]
                if any(w in s.text for w in self.lex.repeat_rules):
                    return s
        return None

    def _rule_verdict(self, ctx: Context, progs: list[Programme]):
        """When the question states facts a programme's rules test: 不可以 if one fails; 可以 if those hold."""
        from navigator.service import parse_profile

        places = {"province", "city", "district"}
        stated = {k for k in ctx.r.facts if k != "side" and (k not in places or ctx.r.asker_cued)}
        if {"established_months", "established_date"} & set(ctx.r.facts):
            stated.add("established_on")
        if "received_before" in ctx.r.facts:
            stated.add("received_programmes")
        for a in ctx.r.amounts:
            if a.field and a.usable:
                stated.add(a.field)
        if not stated or not progs:
            return None
        known = {k: v for k, v in ctx.facts.items() if k in _profile_fields()}
        for a in ctx.r.amounts:
            if a.field in _profile_fields() and a.usable:
                known[a.field] = a.value_cny
        try:
            profile = parse_profile(known)
        except ValueError:
            return None
        outcomes = []
        for prog in progs:
            el = self.service.eligibility(prog, profile, ctx.when)
            touched = [x for x in el.reasons if x.met is not None and (set(x.missing) & stated or self._tests(x, stated, prog))]
            failed = [x for x in el.reasons if x.met is False and self._tests(x, stated, prog)]
            outcomes.append((prog, el, touched, failed))
        outcomes = [o for o in outcomes if o[2] or o[3]] or outcomes  # the programmes whose rules the facts reach
        failing = [o for o in outcomes if o[3]]
        if failing and len(failing) == len(outcomes):
            prog, _el, _t, failed = failing[0]
            said = "；".join(f"{x.condition}（{x.citation.article}：“{tidy(x.citation.quote)}”）" for x in failed)
            return False, f"不满足{prog.title}的条件：{said}。", [x.citation for x in failed]
        passing = [o for o in outcomes if not o[3] and o[2]]
        if passing and any(w in ctx.q for w in self.lex.eligibility_words):
            prog, el, touched, _f = passing[0]
            # A place named (茂名的工业企业): the region rule says it first.
            places = {"province", "city", "district"} & stated
            x = next((t for t in touched if places and self._tests(t, places, prog)), touched[-1])
            met = [x, *(t for t in touched if t is not x and t.met)]  # every condition the facts meet, cited
            rest = [y.condition for y in el.reasons if y.met is None and y.blocking][:4]
            more = f"；还需同时满足：{'；'.join(rest)}" if rest else ""
            said = "；".join(f"{t.condition}：符合（{t.citation.article}：“{tidy(t.citation.quote)}”）" for t in met)
            return True, f"{said}{more}。", [t.citation for t in met]
        return None

    def _tests(self, reason, stated: set[str], prog: Programme) -> bool:
        """Whether a criterion tests one of the facts the question states."""
        crit = next((c for c in prog.eligibility if c.id == reason.id), None)
        if crit is None:
            return False
        fields = _rule_fields(crit.rule)
        if "region" in fields:
            fields |= {"province", "city", "district"}
        return bool(fields & stated)

    def _polarity(self, ctx: Context, sentence: str, lead: Sentence | None) -> bool | None:
        """Whether the deciding sentence says yes (True), no (False) to the question, or does not speak to it."""
        if not sentence:
            return None
        q = ctx.q
        # 不合格的会被淘汰出去吗 against 对评价为“不合格”的予以淘汰: the outcome the question names, said, is a yes
        negative = [w for w in self.lex.yes_no.negative if w not in q]
        content = [t for t in self.scope.content_words(q, ctx.r) if t not in GENERIC_WORDS]
        heading = lead.article.heading if lead else ""
        if lead is not None:  # a bold heading the extraction repaired is the article's own title (实行…全省互认)
            doc = self.corpus.docs[lead.article.doc_id]
            heading += " ".join(x for x in lead.article.sentences() if x.rstrip("。；;：: ") in doc.repaired)
        # 管理系统 against 企业管理…等上云: a compound of four characters is said when its first word is
        overlap = [t for t in content if self._says(t, sentence) or (len(t) >= 4 and self._says(t[:2], sentence))]
        head_overlap = [t for t in content if self._says(t, heading)]
        if content and not overlap and not head_overlap:
            return None
        # 评价得了“合格”，会不会被淘汰 against 对评价为“不合格”的予以淘汰: the asker is the other side of the
        # category the clause of the outcome names, so the outcome is not theirs
        for c in re.findall(r"“(不[\u4e00-\u9fff]{1,5})”", sentence):
            if c[1:] in q and c not in q:
                part = next((x for x in re.split(r"[，,；;。]", sentence) if c in x), "")
                if any(self._says(t, part) for t in content if t not in c):
                    return False
        # 资源池企业搬到深圳了还算不算 against …对评价为“不合格”的予以淘汰: a sentence saying no that names only the
        # programme, nothing of what is asked of it (搬到, 深圳), does not speak to the question. (A sentence saying
        # whom a line is for, in other words than the asker's, does answer: 车联网软件 against 软件和信息技术服务企业.)
        own = [t for t in content if t not in self.name_words and not any(t in n for n in self.name_words)]
        if any(w in sentence for w in negative) and own and not any(self._says(t, sentence) or self._says(t, heading) or (
                len(t) >= 4 and self._says(t[:2], sentence)) for t in own):
            return None
        if len(head_overlap) > len(overlap) + 1:
            return not any(w in heading for w in negative)
        # The clauses that speak of what is asked decide (原则上不再审核，直接…予以上架 → 直接上架: yes).
        clauses = [c for c in re.split(r"[，,；;：:]", sentence) if c.strip()]
        share = [sum(self._says(t, c) for t in content) for c in clauses]
        best = max(share, default=0)
        if best and len(clauses) > 1:
            # 不得设定相关条款，对…采取歧视性措施: a prohibition governs the clauses after it.
            governed = [any(w in c for c in clauses[:i] for w in self.lex.yes_no.governing) for i in range(len(clauses))]
            return not any(g or any(w in c for w in negative)
                           for c, n, g in zip(clauses, share, governed, strict=True) if n == best)
        return not any(w in sentence for w in negative)

    def _material_verdict(self, ctx: Context, progs: list[Programme]):
        """要不要交纳税证明 / 需要域名备案证明吗 / 营业执照要原件吗: yes with the item of the programme's materials that
        names the thing; silent, with the list, when no item names it (the list is what an application must hold)."""
        q = ctx.q
        lists = [x for x in progs if x.materials]
        if not lists or len({x.doc for x in lists}) != 1:
            return None
        phrase = self._handed_in(q)
        if not phrase:
            return None
        names = self.name_words | set(self.lex.not_material_words)
        words = [t for t in self.scope.jieba.lcut(phrase) if len(t) >= 2 and t not in GENERIC_WORDS and t not in names
                 and t not in self.lex.question_words and not any(t in n or n in t for n in names)]
        if not words:
            return None
        items = [m for x in lists for m in x.materials]
        def says(t: str, text: str) -> bool:  # 财务报告 in 财务审计报告: a four-character word said in its two halves
            return self._says(t, text) or (len(t) == 4 and all(self._says(p, text) for p in (t[:2], t[2:])))

        hit = next((m for m in items if all(says(t, m.text) for t in words)), None)
        if hit is not None:
            note = self._item_note(hit.cite)
            if note is not None:  # 承诺函要不要交 → （四）承诺函, and 说明2 前四项材料均需提交
                said = f"（{hit.cite.article}：“{tidy(hit.text)}”；{note.article.label}：“{tidy(note.text)}”）"
                return True, said, [hit.cite, self.corpus.cite_article(note.article, note.text)]
            return True, f"（{hit.cite.article}：“{tidy(hit.text)}”）", hit.cite
        specific = [t for t in words if t not in self.lex.general_documents]
        if not specific or all(any(self._says(t, m.text) for m in items) for t in specific):
            return None  # what it names is listed in parts (使用人员 … 证明材料): the text below decides
        # 股权结构变了要不要另交变更请示: a sentence of the document outside the list that says it is handed in
        # (发生…重大变更的，应提交申请变更请示) decides, with its condition quoted.
        owed = next((x for x in self.quoter.sentences if x.article.doc_id == lists[0].doc
                     and all(says(t, x.text) for t in specific) and re.search(self.lex.must_hand_in, x.text)), None)
        plain = re.sub("|".join(map(re.escape, sorted(self.lex.yes_no.markers, key=len, reverse=True))), " ", q)
        if owed is not None and not any(w in plain for w in self.lex.negations):  # (是不是要: asking, no negation)
            return True, f"（{owed.article.label}：“{tidy(owed.text)}”）", self.corpus.cite_article(owed.article, owed.text)
        first = items[0].cite
        at = sorted((q.find(t), q.find(t) + len(t)) for t in words)
        phrase = q[at[0][0]:at[-1][1]]  # 纳税证明, as said
        whose = lists[0].title if len(lists) == 1 else f"《{self.corpus.docs[lists[0].doc].title}》"
        return None, (f"文件未作规定：{whose}的申请材料清单没有列出“{phrase}”（材料见{first.article}等），"
                      "请以主管部门解释为准。"), first

    def _item_note(self, cite: Citation) -> Sentence | None:
        """The sentence of a list's notes (第十四条说明2) naming the item cited (第十四条（四）) among those it says are handed
        in (前四项材料均需提交): the items a sentence names are read once, by ``_items_of``."""
        head = re.sub(r"（[一二三四五六七八九十]+）$", "", cite.article)
        if head == cite.article:
            return None
        for key in (k for k in self.quoter.by_article if k.startswith(f"{cite.doc_id}/{head}说明")):
            for i in self.quoter.by_article[key]:
                x = self.quoter.sentences[i]
                if any(a.label == cite.article for a in self._items_of(x)):
                    return x
        return None

    def _handed_in(self, q: str) -> str | None:
        """The thing a question asks whether to hand in, as said: after a verb of handing in (要不要交纳税证明 →
        纳税证明), or a document named right before the asking end (需要发票吗 → 发票); None for other questions."""
        clauses = [c for c in re.split(r"[，,。；;？?！!、]", q.strip().rstrip("？?。！! ")) if c.strip()]
        for n, clause in enumerate(reversed(clauses)):
            # 承诺函要不要交，啥情况下交: the clause that asks whether, when the last asks something else
            obj = self._handed_in_clause(clause)
            if obj is not None or (n == 0 and not any(w in clause for w in [*self.lex.interrogatives, "哪"])):
                return obj
        return None

    def _handed_in_clause(self, clause: str) -> str | None:
        words = self.lex.handing_in
        clause = re.sub(rf"(?:{words.tails})$", "", clause)  # 不上传证明材料行吗: the act, not 行吗
        verbs = "|".join(map(re.escape, sorted(self.lex.submit_words, key=len, reverse=True)))
        ends = "|".join(map(re.escape, sorted(self.lex.document_endings, key=len, reverse=True)))
        # 交到县区 / 交给运营公司: a place to hand in at, not a thing; 不上传: an act left out, asked as such
        m = re.search(rf"(?<![不没别免])(?:{verbs})(?![到给至去])\s*(?P<obj>[\u4e00-\u9fff（）]{{2,10}}?)\s*(?:吗|么|不|没|呢|吧)?$",
                      clause)
        if m is None:
            m = re.search(rf"(?:{words.needing})\s*(?P<obj>[\u4e00-\u9fff]{{0,8}}(?:{ends}))\s*(?:吗|么|不|没|呢)$", clause)
        if m is None:  # 承诺函要不要交 / 营业执照要交吗: the thing first, then whether to hand it in
            m = re.search(rf"(?P<obj>[\u4e00-\u9fff]{{0,8}}(?:{ends}))\s*(?:{words.asking})(?:{verbs})\s*(?:吗|么|不|没|呢)?$",
                          clause)
        if m is None or re.search(words.cut, clause[:m.start()]):
            return None  # 能算…要的云安全认证不: whether a thing counts, not whether to hand it in
        obj = re.split(words.cut, m.group("obj"))[0]  # 可信云认证作为资质: the thing, not what it would count as
        if not obj or obj.endswith(tuple(words.not_documents)) or obj in self.lex.result_complements or obj.startswith(
                tuple(words.directions)) or self._actor_names[0].search(obj) or any(
                w in obj for w in [*self.lex.interrogatives, "哪"]):  # 交哪一年的: which one, of what was named
            return None  # 申请费: a fee paid, not a document; 交上去 / 交省经信委: where to, not what
        if len(obj) > HANDED_IN_CHARS and not obj.endswith(tuple(self.lex.document_endings)):
            return None  # 补交佐证材料提异议还可以吗: another act follows, the question is about that
        return obj

    def _says(self, word: str, text: str) -> bool:
        """``text`` says the word or one of its kin (先报 / 先到先得, 人品 / 诚信), spaces aside."""
        return any(squash(k) in squash(text) for k in self.scope.kin(word))

    def _unstated_value(self, d: Draft, ctx: Context, lead: Sentence | None) -> str | None:
        """What a question asks the value of (时限 for 多久, 次数 for 几次) when the deciding sentence and the answer's
        first line state none (a figure of another sentence answers another question: 成立时间不低于1年 is no 到账时限)."""
        if lead is None or ctx.r.yes_no or d.headline.startswith(("文件未作规定", "频次：")) or d.estimate is not None:
            return None
        given = self._without_conditions(d.headline + lead.text, asked=ctx.q)
        for what, kind in self.lex.asked_values.items():
            m = re.search(kind.question, ctx.q)
            if m and not re.search(kind.value, given):
                return what
            head = self._asked_head(ctx, m.end()) if m and kind.of_thing else None
            if head and not any(squash(k) in squash(d.headline + lead.text) for k in self.scope.kin(head)):
                return what  # 多久出认定结果 against 认定有效期三年: a time of something other than the 结果 asked
            if m and what == "时限" and self._counted_from_asked(ctx.q, m, d.headline):
                return what
            if m and kind.of_cause and not self._cause_said(ctx, m.start(), d.headline + lead.text):
                return what
        return None

    def _value_not_given(self, q: str, sentence: str) -> str | None:
        """The kind of value the question asks (时限 for 多少天内) when the sentence gives none of it."""
        given = self._without_conditions(sentence, asked=q)
        return next((w for w, k in self.lex.asked_values.items()
                     if re.search(k.question, q) and not re.search(k.value, given)), None)

    def _cause_said(self, ctx: Context, at: int, given: str) -> bool:
        """What the question names before its question word (资质复核没过) is named where the value is given (or the
        question names nothing of the texts there): the last word of the texts said before it."""
        start = clause_start(ctx.q, at)
        while True:  # 资质复核没过，会咋处理: the clause before, when the asking clause names nothing
            cause = ctx.q[start:at]
            words = [w for w, k in self.scope.kinds(cause).items() if k[:1] in ("n", "v") and len(w) >= 2
                     and w not in GENERIC_WORDS and w not in self.lex.question_words and w not in self.name_words
                     and squash(w) in self.scope.text_all]
            if words or start == 0:
                break
            start = clause_start(ctx.q, start - 1)
        # the word nearest the question word (复核 of 资质复核没过) says what happened
        return not words or any(squash(k) in squash(given) for k in self.scope.kin(words[-1]))

    @staticmethod
    def _counted_from_asked(q: str, asked: re.Match, headline: str) -> bool:
        """The one time the answer gives runs from the act the question asks the time of (多少天内会开通服务 against
        开通后30天内未使用): the time after that act, not the time it takes."""
        spans = list(dict.fromkeys(DURATION.findall(headline)))
        if len(spans) != 1:
            return False
        m = re.search(r"([\u4e00-\u9fff]{2})(?:之|以)?后\s*" + re.escape(spans[0]), headline)
        return m is not None and m.group(1) in q[asked.end():] and m.group(1) not in q[:asked.start()]

    def _nearest_step(self, ctx: Context, lead: Sentence, subject: bool = False) -> Sentence:
        """The sentence of the deciding document that names the act whose time a question asks and the text leaves
        unstated (多久能拨到企业账上 → 市财政局拨付资金): the words of the asking clause and their kin; the deciding
        sentence unless another names more of them."""
        at = re.search("|".join(map(re.escape, self.lex.interrogatives)), ctx.q)
        if at is None:
            return lead
        start = clause_start(ctx.q, at.start())
        end = re.search(r"[，,。；;？?！!]|$", ctx.q[at.end():])
        clause = ctx.q[start:at.end() + end.start()]
        names = self.name_words | {p.text for p in ctx.r.places}
        words = [t for t in self.scope.content_words(clause, ctx.r) if t not in GENERIC_WORDS and t not in names
                 and t not in GENERIC_TITLE_WORDS  # (上云, 补助: words of every programme's name)
                 and t not in self.lex.validity.document_words]  # (细则有没有规定: the text itself, no act)
        if not words:
            return lead

        def said(x: Sentence) -> float:  # the word as a word of the sentence, then inside one (申报书), then its kin
            tokens = self._words_of(x.text)
            own = sum(3 if t in tokens else 2 if squash(t) in squash(x.text) else any(
                squash(k) in squash(x.text) for k in self.scope.kin(t)) for t in words)
            # (运营公司是哪家: 服务券运营公司负责…, the sentence about it, before one that only mentions it)
            return own + (SUBJECT_TIE if subject and any(t in x.text[:SUBJECT_CHARS] for t in words) else 0)

        pool = [x for x in self.quoter.sentences if x.article.doc_id == lead.article.doc_id
                and (self._asks_material(ctx.r) or not self._material_item(x.article) or x is lead)]
        if self._counted_from_asked(ctx.q, at, lead.text):  # 开通后30天内未使用: the step after the one asked
            pool = [x for x in pool if x is not lead and not self._counted_from_asked(ctx.q, at, x.text)]
            best = max(pool, key=said, default=lead)
            return best if said(best) >= said(lead) else lead
        best = max(pool, key=said)
        return best if said(best) > said(lead) else lead

    @functools.lru_cache(maxsize=4096)  # noqa: B019 — one engine per process; sentences are the corpus's
    def _words_of(self, text: str) -> frozenset[str]:
        """The segmenter's words of a sentence, cut once."""
        return frozenset(self.scope.jieba.lcut(text))

    def _asked_head(self, ctx: Context, at: int) -> str | None:
        """The thing a value is asked of, said after the question word (多久出认定结果 → 结果): the clause's last noun
        or verb that names something of the texts."""
        clause = re.split(r"[，,。；;？?！!\s]", ctx.q[at:], maxsplit=1)[0]
        skip = {*self.lex.question_words, *self.lex.interrogatives, *self.lex.vague_acts}
        words = [w for w, k in self.scope.kinds(clause).items() if k[:1] in ("n", "v") and len(w) >= 2
                 and w not in skip and squash(w) in self.scope.text_all]
        return words[-1] if words else None

    def _asked_acts(self, ctx: Context, at: int) -> list[str]:
        """The acts a time is asked of, said after the question word (多少天内会给企业开通服务 → 开通): the verbs of the
        clause that the texts use."""
        clause = re.split(r"[，,。；;？?！!\s]", ctx.q[at:], maxsplit=1)[0]
        skip = {*self.lex.question_words, *self.lex.interrogatives, *self.lex.vague_acts}
        return [w for w, k in self.scope.kinds(clause).items() if k[:1] == "v" and len(w) >= 2
                and w not in skip and squash(w) in self.scope.text_all]

    def _stated_value(self, ctx: Context, what: str, lead: Sentence) -> Sentence | None:
        """A sentence of the retrieved articles, in the deciding sentence's document, that states a value of the
        kind asked (每半年组织一次…认定 for 认定一年几批) and names a topic word of the question."""
        kind = self.lex.asked_values[what]
        words = [t for t in self.scope.content_words(ctx.q, ctx.r) if t not in GENERIC_WORDS
                 and not re.search(kind.question, t)]
        m = re.search(kind.question, ctx.q)
        head = self._asked_head(ctx, m.end()) if m else None  # 多久出认定结果: a time of the 结果
        asked = re.search(self.lex.count_question, ctx.q)
        units = self.lex.count_units.get(asked.group(1), [asked.group(1)]) if asked else []
        for h in ctx.hits:
            art = h.chunk.article
            if art.doc_id != lead.article.doc_id:
                continue
            for i in self.quoter.by_article.get(art.id, []):
                x = self.quoter.sentences[i]
                value = re.search(kind.value, self._without_conditions(x.text, asked=ctx.q))
                if value and (not units or any(u in value.group(0) for u in units)) and any(
                        squash(k) in squash(x.text) for t in words for k in self.scope.kin(t)) and (
                        head is None or any(squash(k) in squash(x.text) for k in self.scope.kin(head))) and not (
                        what == "时限" and m and (self._counted_from_asked(ctx.q, m, x.text) or not all(
                            self._says(v, x.text) for v in self._asked_acts(ctx, m.end())))) and not (
                        kind.of_cause and m and not self._cause_said(ctx, m.start(), x.text)):
                    return x
        return None

    def _speaks_of(self, sentence: str, r: Reading) -> bool:
        """The sentence names something the question asks about (a word of its own, not a place, a document's or
        a line's name, a question word or a word every question here uses)."""
        names = self.name_words
        words = [t for t in self.scope.content_words(r.question, r) if t not in GENERIC_WORDS and t not in names
                 and not any(t in n for n in names)]
        return not words or any(squash(k) in squash(sentence) for t in words
                                for k in [t, *(w for g in self.lex.synonyms if t in g for w in g)])

    def _sentences_of(self, c: Citation) -> list[Sentence]:
        """The quotable sentences of the article a citation names, as the quoter holds them."""
        return [self.quoter.sentences[i] for i in self.quoter.by_article.get(f"{c.doc_id}/{c.article}", [])]

    def _text_names_asked(self, ctx: Context, sentence: str) -> bool:
        """Whether the deciding sentence names what a requirement question asks about (成立年限, 注册资本)."""
        q = re.sub(r"有没有|有什么|要求|规定|限制|吗|必须是|必须|有写", " ", ctx.q)
        for names in (self.lex.line_words.values(), [d.aliases for d in self.corpus.docs.values()]):
            for ws in names:
                for w in ws:
                    q = q.replace(w, " ")
        titles = "".join(d.title for d in self.corpus.docs.values())
        places = {p.text for p in ctx.r.places}
        asks = [*self.lex.interrogatives, *self.lex.question_words]  # 多少, 几年: how it asks, not what
        words = [t for t in self.scope.jieba.lcut(q) if len(t) >= 2 and re.search(r"[\u4e00-\u9fff]", t)
                 and t not in GENERIC_WORDS and t not in places and t not in titles and not any(w in t for w in asks)
                 and t not in {"申请", "申报", "企业", "单位", "认定", "补助", "服务", "平台", "申请人", "对于", "方面", "这个",
                               "是否", "请问", "哪些", "什么"}]
        if not words:
            return True
        # Every word the question adds beyond the programme's names must be in the deciding sentence.
        return all(squash(t) in squash(sentence) for t in words)

    def _asked_requirements(self, ctx: Context):
        """The programmes asked about, and the attributes of the asker the question asks to be required (要求企业必须是
        本地注册的吗, 要成立满几年吗), each with the conditions of those programmes that set it."""
        progs = self._asked_programmes(ctx)
        out = []
        for clause in CLAUSE_END.split(ctx.q) if progs else []:
            if not re.search(self.lex.requirement_cue, clause):
                continue
            for req in self.lex.requirement_fields:
                if any(w in clause for w in req.words):
                    out.append((req, [c for x in progs for c in x.eligibility if _sets(c.rule, req.fields)]))
        # 公司成立才半年能报吗: the asker's own age stated, and applying asked, is that requirement asked too
        stated = {AGE_FIELD for k in ctx.r.facts if k in AGE_FACTS}
        if progs and stated and not out and ctx.r.yes_no and any(
                len(w) >= 2 and w in ctx.q for w in self.lex.eligibility_words) and not self._names_a_kind(ctx, progs):
            for req in self.lex.requirement_fields:
                conds = [c for x in progs for c in x.eligibility if _sets(c.rule, req.fields)]
                if stated & set(req.fields) and not conds:  # (one the rules read is judged by them, with the rest)
                    out.append((req, conds))
        return progs, out

    def _names_a_kind(self, ctx: Context, progs: list[Programme]) -> bool:
        """成立才两年，属于创新创业型企业，欢迎我们申报吗: two words of the question in a row that the programmes'
        document says (创新创业), a kind of enterprise it names, is what is asked rather than the age."""
        body = squash("".join(self.corpus.docs[d].body for d in {x.doc for x in progs}))
        names = self.name_words
        own = [t for t in self.scope.content_words(ctx.q, ctx.r) if t not in GENERIC_WORDS and t not in names
               and not any(t in n for n in names)]
        return any(a + b in ctx.q and squash(a + b) in body for a, b in itertools.pairwise(own))

    def _ruled_requirement(self, ctx: Context) -> tuple[bool, str, Citation] | None:
        """A requirement asked about that a condition of the programme sets (东莞认定必须在本地注册吗 → 在东莞市注册的):
        yes, with that condition."""
        _progs, asked = self._asked_requirements(ctx)
        c = next((conds[0] for _req, conds in asked if conds), None)
        return None if c is None else (True, f"（{c.cite.article}：“{tidy(c.cite.quote)}”）", c.cite)

    def _unsaid_qualifier(self, ctx: Context) -> str | None:
        """What a requirement asked about must be (必须实缴到位), when its document names it nowhere: that word."""
        m = re.search("|".join(map(re.escape, self.lex.must_words)), ctx.q)
        if m is None:
            return None
        tail = re.split(r"[，,。；;？?！!]", ctx.q[m.end():])[0]
        docs = {self.reg.get(p).doc for p in ctx.programmes if p in self.reg.programmes} or set(ctx.r.documents[:1])
        body = squash("".join(self.corpus.docs[d].body for d in docs if d in self.corpus.docs))
        places = {p.text for p in ctx.r.places}
        for t in self.scope.jieba.lcut(tail):
            if len(t) < 2 or not re.fullmatch(r"[\u4e00-\u9fff]+", t) or not body or t in self.lex.deixis \
                    or self._no_absent_thing(t, body, places):
                continue
            return t
        return None

    def _no_absent_thing(self, t: str, body: str, places: set[str]) -> bool:
        """The word is said in the document (``body``, squashed), or its kin is, or it names no thing a text must
        name: a place, a generic or asking word."""
        return t in places or bool(self.reader.gaz.lookup(t)) or t in self.lex.yes_no.not_things \
            or t in GENERIC_WORDS or t in self.lex.question_words or squash(t) in body \
            or any(t in g and any(squash(x) in body for x in g) for g in self.lex.synonyms)

    def _unruled_requirement(self, ctx: Context) -> tuple[str, list[Citation]] | None:
        """A requirement asked about an attribute of the asker (企业要成立满几年吗, 要求是规上企业吗) that no condition
        of the programmes asked about reads: the texts leave it open. The reason, and their conditions cited."""
        progs, asked = self._asked_requirements(ctx)
        read = {f for x in progs for c in x.eligibility for f in _rule_fields(c.rule)}
        for req, _conds in asked:
            if not req.open_when_unread or read & set(req.fields):
                continue
            # The condition on who may apply (在白云区登记注册的具有独立法人资格的…), else the programme's audience.
            who = next((c.cite for x in progs for c in x.eligibility if isinstance(c.rule, Region)), progs[0].who.cite)
            cites = self._unique([who] + [c.cite for x in progs for c in x.eligibility])
            where = "、".join(dict.fromkeys(c.article for c in cites[:4]))
            title = self.corpus.docs[progs[0].doc].title
            return (f"文件未作规定：《{title}》的申请条件没有对{req.label}作出规定（申请条件见{where}；{who.article}："
                    f"“{tidy(who.quote)}”），请以主管部门解释为准。"), cites
        return None

    def _registration_unruled(self, ctx: Context, progs: list[Programme],
                              elsewhere: bool) -> tuple[str, list[Citation]] | None:
        """The place of registration asked about (必须在广东注册吗), or one outside the programme's place stated
        (我们是广西注册的), where no condition of the programme requires it: the reason, and what does apply cited."""
        q = ctx.q
        outside = "注册" in q and any(  # 注册在湖南长沙 against 广东省
            self.reader.chain(p.level, p.name).get("province") not in (None, self._province(x))
            for p in ctx.r.places for x in progs)
        if not progs or any(w in q for w in self.lex.treatment_words) \
                or not (elsewhere or outside or re.search(self.lex.asks_registration, q)):
            return None
        for x in progs:
            regions = [c for c in x.eligibility if isinstance(c.rule, Region)]
            if any(c.rule.outside == "not_met" for c in regions):
                return None  # a condition requires it: the rules answer (1a, 2')
        x = progs[0]
        regions = [c for c in x.eligibility if isinstance(c.rule, Region)]
        cites = self._unique([c.cite for c in regions] + [a.cite for a in x.attestations[:1]] or [x.who.cite])
        where = "；".join(f"{c.article}：“{tidy(c.quote)}”" for c in cites[:2])
        doc = self.corpus.docs[x.doc]
        return (f"文件未作规定：《{doc.title}》没有要求{x.title}的申请人在{self._deepest(doc.region) or '本地'}注册"
                f"（条件见{where}），请以主管部门解释为准。"), cites

    def _province(self, x: Programme) -> str | None:
        return self.corpus.docs[x.doc].region.get("province") if x.doc in self.corpus.docs else None

    def _asked_programmes(self, ctx: Context) -> list[Programme]:
        """The programmes a question is about, or those of the document it is routed to first."""
        return [self.reg.get(p) for p in ctx.programmes if p in self.reg.programmes] or [
            x for x in self.reg.programmes.values() if x.doc in ctx.r.documents[:1]]

    def _application_fee(self, ctx: Context) -> tuple[str, list[Citation]] | None:
        """A fee for applying (要交申请费吗, 收不收评审费) that the document never names: the texts are silent. The
        reason, with the programme's first step and materials cited (what an application does require)."""
        m = re.search(self.lex.application_fee, ctx.q)
        progs = self._asked_programmes(ctx)
        if m is None or not progs or squash(m.group(0)) in squash(self.corpus.docs[progs[0].doc].body):
            return None
        x = progs[0]
        cites = self._unique([c.cite for c in (x.process[:1] + x.materials[:1])])
        if not cites:
            return None
        where = "；".join(f"{c.article}：“{tidy(c.quote)}”" for c in cites)
        return (f"文件未作规定：《{self.corpus.docs[x.doc].title}》没有提到申请要交费（“{m.group(0)}”）；"
                f"文件规定的申请步骤和材料见{where}，请以主管部门解释为准。"), cites

    def _no_cap(self, ctx: Context) -> tuple[str, list[Citation]] | None:
        """Whether the amount has a ceiling (有没有封顶), for a programme whose calculator notes the text sets none."""
        if not re.search(self.lex.cap_question, ctx.q):
            return None
        for p in ctx.programmes:
            calc = self.reg.get(p).calculator if p in self.reg.programmes else None
            note = getattr(calc, "cap_note", None)
            if note is not None and calc.headline().cap_cny is None:  # the calculator says the text sets no cap
                return f"文件未作规定：{tidy(note.text)}（{note.cite.article}：“{tidy(note.cite.quote)}”）。", [note.cite]
        return None

    def _conditions_asked(self, ctx: Context, progs: list[Programme]) -> Citation | None:
        """The conditions article of the one programme a question asks to apply to (会不会影响申请): where a fact
        the text never names would be judged."""
        whos = {(p.who.cite.doc_id, p.who.cite.article): p.who.cite for p in progs}
        if not whos or len({d for d, _ in whos}) != 1 or not any(len(w) >= 2 and w in ctx.q
                                                                  for w in self.lex.eligibility_words):
            return None
        if len(whos) == 1:
            return next(iter(whos.values()))
        # 白云 各类服务券 第八条（一）…（四）: the article that holds them all
        doc = self.corpus.docs[next(iter(whos))[0]]
        arts = [doc.article_by_label(a) for _, a in whos]
        parents = {a.parent for a in arts if a is not None}
        if len(parents) != 1 or None in parents:
            return None
        top = self.corpus.article(parents.pop())
        first = next(iter(top.sentences()), None)
        return self.corpus.cite_article(top, first) if first else None

    def _open_point(self, ctx: Context) -> tuple[str, list[Citation]] | None:
        """Something asked that the texts leave open, told from the programmes' data: a requirement no condition
        reads, a fee for applying, or a ceiling the text does not set."""
        return self._unruled_requirement(ctx) or self._application_fee(ctx) or self._no_cap(ctx)

    def _absent_focus(self, ctx: Context, lead: Sentence | None = None) -> str | None:
        """A thing a yes/no question asks about (after 要不要 / 有没有 / 是不是) that its document never names (nor the
        deciding sentence's, where retrieval found the answer in another)."""
        q = ctx.q
        docs = {self.reg.get(p).doc for p in ctx.programmes if p in self.reg.programmes} or set(ctx.r.documents[:1])
        docs |= {lead.article.doc_id} if lead is not None else set()
        if not ctx.r.programmes and not ctx.r.documents:
            docs = set(self.corpus.docs)  # 需要向省厅提变更申请吗: no document named, none is the one that must say it
        body = squash("".join(self.corpus.docs[d].body for d in docs if d in self.corpus.docs))
        if body and self.reader.price_asked(q) and not re.search(self.lex.price_question, body):
            return "价格"  # 套餐定了价没: no text sets a price
        for w in self.lex.intents.get("prohibition", []):  # 东莞的服务券能转让吗: an act other texts forbid, this one
            if len(w) >= 2 and w in q and body and squash(w) in self.scope.text_all and squash(w) not in body:
                return w                                       # never names
        marks = [m.end() for w in self.lex.yes_no.focus for m in re.finditer(re.escape(w), q)]
        last = max((m.end() for m in re.finditer(r"[，,。；;！!]", q.rstrip("？?。 "))), default=0)
        marks += [m.end() for w in self.lex.yes_no.focus_in_asking_clause for m in re.finditer(re.escape(w), q)
                  if m.start() >= last]
        marks += [m.end() for m in re.finditer(r"([\u4e00-\u9fff])不\1", q)  # 收不收, 给不给: A-not-A asks too
                  if m.group(1) not in self.lex.yes_no.modal]
        if not marks:
            return None
        focus = q[max(marks):]
        if not body:
            return None
        kinds = self.scope.kinds(focus)
        names = self.name_words
        places = {p.text for p in ctx.r.places}
        fees = re.findall(r"[\u4e00-\u9fff]{2}费", focus)  # 申报费, 评审费: a fee asked about
        for t in [*self.scope.jieba.lcut(focus), *fees]:
            # 奖励 (vn): a verbal noun names a thing too
            if len(t) < 2 or not re.fullmatch(r"[\u4e00-\u9fff]+", t) or (
                    kinds.get(t, "")[:1] != "n" and kinds.get(t) != "vn" and t not in fees):
                continue
            if self._no_absent_thing(t, body, places):
                continue  # 比广州的企业高: a place compared, not a thing the text should name
            if t in names or self.scope.voucher_act(t) or (  # 签合同 in 签订服务合同
                    len(t) >= 3 and re.search(".{0,3}".join(map(re.escape, t)), body)):
                continue
            return t
        return None

    @cached_property
    def _actor_names(self) -> tuple[re.Pattern[str], dict[str, str]]:
        """One pattern finding any office's name (longest first), and the office each name stands for."""
        names = sorted(((alias, who) for who, aliases in self.lex.actors.items() for alias in aliases),
                       key=lambda x: len(x[0]), reverse=True)
        return re.compile("|".join(re.escape(a) for a, _w in names)), dict(names)

    def _skipped_office(self, q: str, said: list[Sentence]) -> Sentence | None:
        """An office the question would leave out (不用报省经信委) that a quoted sentence says must be told (应…报省经济和
        信息化委): that sentence."""
        find, canon = self._actor_names
        skips = [canon[m.group(1)] for m in re.finditer(rf"{self.lex.yes_no.skip_office}({find.pattern})", q)]
        for who in dict.fromkeys(skips):
            names = [a for a, w in canon.items() if w == who]
            for s in said:
                if re.search(self.lex.yes_no.obliged, s.text) and any(
                        re.search(rf"(?:报|交|送|提交|递交|告知)(?:给|到|至)?{re.escape(n)}", s.text) for n in names):
                    return s
        return None

    def _actor_verdict(self, q: str, said: list[Sentence]):
        """资源池认定结果是不是省联盟公布 against 并由省经济和信息化委予以确认并发布…结果: the office the question names
        for an act against the one the sentence names in the clause of that act (else the nearest one before it)."""
        find, canon = self._actor_names
        if re.search(self.lex.asked_values["时限"].question, q):
            return None  # 到市财政局拨款，有没有规定多少天之内办完: a time asked, not who acts
        acts_said = "|".join(re.escape(w) for g in self.lex.actor_acts for w in g)
        claims = [m for m in find.finditer(q) if re.search(self.lex.yes_no.actor_claim, q[:m.start()]) or (
            re.search(self.lex.yes_no.actor_subject, q[:m.start()])
            and re.match(rf"[^，,。？?的]{{0,4}}(?:{acts_said})", q[m.end():]))]  # (地市主管部门的推荐意见: no act of it)
        asked = {canon[m.group()] for m in claims}
        # 直接交省经信委: the act said next to the office claimed (交), before any other the question names (认定)
        near = "".join(q[max(0, m.start() - WHO_ACT_CHARS):m.end() + WHO_ACT_CHARS] for m in claims)
        act = next((g for g in self.lex.actor_acts if any(w in near for w in g)), None) or next(
            (g for g in self.lex.actor_acts if any(w in q for w in g)), None)
        if len(asked) != 1 or act is None:
            return None
        (who,) = asked
        acting = "|".join(map(re.escape, act))
        if said and not any(re.search(acting, s.text) and find.search(s.text) for s in said):
            # 直接交省经信委行吗 where the quotes name no one handing in: the sentence of the document that does
            words = [t for t in self.scope.content_words(q, self.reader.read(q)) if t not in GENERIC_WORDS]
            pool = [x for x in self.quoter.sentences if x.article.doc_id == said[0].article.doc_id
                    and re.search(acting, x.text) and find.search(x.text)]
            said = sorted(pool, key=lambda x: -sum(self._says(t, self._under_headings(x)) for t in words))[:1]
        # 复核决定是区财政局作出的吗: of the sentences naming the act, the one sharing most of the question's words
        pairs = {q[i:i + 2] for i in range(len(q) - 1)}
        arts = {(x.article.doc_id, x.article.label) for x in said}
        said = [*said, *(x for x in self.quoter.sentences if (x.article.doc_id, x.article.label) in arts
                         and x not in said and re.search(acting, x.text) and find.search(x.text))]
        own_acts = [w for w in act if w in q]  # 公布 asked: the sentence saying 公布 before one saying 发布
        said = sorted(said, key=lambda x: (-sum(w in x.text for w in own_acts),
                                           -sum(x.text[i:i + 2] in pairs for i in range(len(x.text) - 1))))
        for s in said:
            at = next((m.start() for m in re.finditer(acting, s.text)), None)
            if at is None:
                continue
            acts = list(re.finditer(acting, s.text))
            if len(acts) > 1:
                # 向各县…递交（东莞市、中山市径向市经济和信息化主管部门递交）: offices for different askers; one the
                # question's office may be (市经信局) is told apart elsewhere, none of them makes it a no
                said_as = [m.group() for m in claims]
                clauses = [s.text[clause_start(s.text, m.start()):m.start()] for m in acts]
                if any(a[i:i + 2] in c for a in said_as for i in range(len(a) - 1) for c in clauses):
                    return None
                return False, f"（{s.article.label}：“{tidy(s.text)}”）", self.corpus.cite_article(s.article, s.text)
            start = clause_start(s.text, at)
            here = {canon[m.group()] for m in find.finditer(s.text[start:at])}
            before = [canon[m.group()] for m in find.finditer(s.text[:at])]
            doer = (who in here) or (not here and before and before[-1] == who)
            if here or before:
                return doer, f"（{s.article.label}：“{tidy(s.text)}”）", self.corpus.cite_article(s.article, s.text)
        return None

    def _other_unit(self, ctx: Context, progs: list[Programme], said: list[Sentence]) -> Sentence | None:
        """An office's division put forward (交到省厅科技处吗) that its document never names, where a quoted sentence
        names another (提交至我厅（工业互联网处）邮箱): that sentence."""
        m = re.search(self.lex.yes_no.unit_claim, ctx.q)
        docs = {x.doc for x in progs} | {x.article.doc_id for x in said}
        if m is None or len(docs) != 1:
            return None
        body = squash(self.corpus.docs[next(iter(docs))].body)
        if squash(m.group(1)) in body:
            return None
        return next((x for x in said if re.search(self.lex.yes_no.unit_named, x.text)), None)

    def _not_limited(self, ctx: Context, progs: list[Programme], lead: Sentence | None) -> Sentence | None:
        """A question whether something comes only from one source (只能从…专家委员会里选吗) against a sentence that
        names that source among others, not limited to it (包括但不限于…专家委员会): that sentence."""
        yn = self.lex.yes_no
        if not re.search(yn.only_from, ctx.q):
            return None
        docs = {x.doc for x in progs} | ({lead.article.doc_id} if lead is not None else set())
        words = [t for t in self.scope.content_words(ctx.q, ctx.r) if len(t) >= 3 and t not in GENERIC_WORDS
                 and t not in self.name_words]
        for x in self.quoter.sentences:
            m = re.search(yn.not_limited, x.text) if x.article.doc_id in docs else None
            if m and any(self._says(t, x.text[m.end():]) for t in words):
                return x
        return None

    def _use_verdict(self, ctx: Context, progs: list[Programme]):
        """What a voucher may pay for, asked (数据流量费用…想用服务券抵，符合用途不): no when what the document leaves out
        (但企业购买自动化设备…不列入) names it, yes when its sentence of uses (服务券可用于…) does; silent for a fee it
        names in neither. The share the enterprise pays itself (剩下那两成) is another rule's."""
        u = self.lex.voucher_use
        if not re.search(u.question, ctx.q):
            return None
        docs = {x.doc for x in progs}
        words = [t for t in self.scope.content_words(ctx.q, ctx.r) if len(t) >= 2 and t not in GENERIC_WORDS
                 and t not in u.light and t not in self.name_words and not any(c in t for c in u.voucher_chars)]
        for x in self.quoter.sentences:
            if x.article.doc_id not in docs or not re.search(u.sentence, x.text):
                continue
            allowed = x.text.partition(u.but)[0]
            after = [y for i in self.quoter.by_article.get(x.article.id, []) if (y := self.quoter.sentences[i]).index
                     > x.index and y.text.startswith(u.but)]
            parts = [(x, x.text.partition(u.but)[2]), *((y, y.text) for y in after)]  # what 但… leaves out
            left_out = next((y for y, part in parts if any(self._says(t, part) for t in words)), None)
            if left_out is not None:
                return False, f"（{x.article.label}：“{tidy(left_out.text)}”）", self.corpus.cite_article(
                    x.article, left_out.text)
            if re.search(u.remainder, ctx.q):
                return None
            cite = self.corpus.cite_article(x.article, x.text)
            if any(self._says(t, allowed) for t in words):
                return True, f"（{x.article.label}：“{tidy(x.text)}”）", cite
            fee = next((t for t in reversed(words) if re.search(u.fee, t)), None)
            if fee is not None:  # 员工培训费: a fee the list (…等) does not name, nor what it leaves out
                return None, (f"文件未作规定：{x.article.label}所列用途没有提到“{fee}”（“{tidy(x.text)}”），"
                              "请以主管部门解释为准。"), cite
        return None

    def _binding(self, ctx: Context, progs: list[Programme]) -> Sentence | None:
        """A thing the question says does not count (后来发的通知不管用) that a sentence of the document makes binding
        (具体时间以“…平台”通知为准): that sentence."""
        m = re.search(self.lex.yes_no.dismissal, ctx.q)
        docs = {x.doc for x in progs}
        if m is None or len(docs) != 1:
            return None
        words = [t for t in self.scope.jieba.lcut(m.group(1)) if len(t) >= 2 and t not in GENERIC_WORDS]
        if not words:
            return None
        said = re.compile(self.lex.yes_no.binding.format(thing=re.escape(words[-1])))
        return next((x for x in self.quoter.sentences if x.article.doc_id in docs and said.search(x.text)), None)

    def _tax_unruled(self, ctx: Context, progs: list[Programme], lead: Sentence | None):
        """补的钱要不要交所得税 / 计入收入: no text rules on how a subsidy is taxed; silent, with the sentence saying
        what the money is (财政补贴凭证 / 按合同额的50%给予补助)."""
        said = next((w for w in self.lex.tax_words if w in ctx.q), None)
        if said is None or squash(said) in self.scope.text_all:
            return None
        nature = self._money_nature(ctx, progs, lead)
        if nature is None:
            return None
        return None, (f"文件未作规定：文件没有就补贴的税务处理（“{said}”）作出规定；文件对这笔资金的规定见"
                      f"{nature.article.label}（“{tidy(nature.text)}”），请向税务部门确认。"), \
            self.corpus.cite_article(nature.article, nature.text)

    def _practice_unruled(self, ctx: Context, progs: list[Programme]):
        """找中介代办申报可以吗 / 合同款分三期付会不会影响奖补: a way of going about it no sentence of the document
        speaks of; silent, with the first step of applying or the line's rate cited (lexicon ``unruled_practices``)."""
        if not progs:
            return None
        body = "".join(self.corpus.docs[x.doc].body for x in progs if x.doc in self.corpus.docs)
        for p in self.lex.unruled_practices:
            if not re.search(p.asked, ctx.q) or re.search(p.text, body):
                continue
            lines = [self.reg.get(x) for x in self.reader.lines_named(ctx.q)] or progs
            cite = next((x.process[0].cite for x in progs if x.process), None) if p.near == "process" else (
                self._rate_cite(lines[0]) if len(lines) == 1 else None)
            if cite is None:
                return None
            what = "申请的办理" if p.near == "process" else "补贴的计算"
            return None, (f"文件未作规定：文件没有就{p.label}作出规定；{what}见{cite.article}（“{tidy(cite.quote)}”），"
                          "请以主管部门解释为准。"), cite
        return None

    def _money_nature(self, ctx: Context, progs: list[Programme], lead: Sentence | None) -> Sentence | None:
        """The sentence of the document asked about that says what its money is: a definition of the voucher or
        subsidy (服务券…是由…财政资金采用补助方式…发放的…财政补贴凭证), else the one programme's rate."""
        docs = {x.doc for x in progs} or set(ctx.r.documents[:1]) or ({lead.article.doc_id} if lead else set())
        if len(docs) != 1:
            return None
        (doc,) = docs
        said = next((x for x in self.quoter.sentences if x.article.doc_id == doc
                     and re.search(self.lex.money_nature, x.text)), None)
        if said is not None or len(progs) != 1:
            return said
        cite = self._rate_cite(progs[0])
        return next((x for x in self._sentences_of(cite) if squash(cite.quote) in squash(x.text)), None) \
            if cite is not None else None

    def _spared(self, q: str, sentence: str) -> bool | None:
        """An act the deciding sentence spares (无需重复申报): asked to be spared it (不用再报一次) is a yes; asked whether
        it is still required (还要再报吗) is a no. The acts share a character of their own (报). None otherwise."""
        yn = self.lex.yes_no
        words = "|".join(map(re.escape, sorted(yn.exempt, key=len, reverse=True)))
        if not words:
            return None
        said = [re.split(r"[，,。；;]", sentence[m.end():])[0] for m in re.finditer(words, sentence)]
        plain = set(yn.spared_plain)

        def acts(rx: str) -> list[str]:
            return [re.split(r"[，,。；;？?！!]", q[m.end():])[0] for m in re.finditer(rx, q)]
        if any(set(a) & set(b) - plain for a in acts(words) for b in said):
            return True
        if any(set(a) & set(b) - plain for a in acts(yn.still_required) for b in said):
            return False
        return None

    def _changes_later(self, ctx: Context, lead: Sentence | None, quotes: list[Sentence] | None) -> Sentence | None:
        """A figure or rule the question claims stays as it is (定下来就不会再变了吧) that a sentence of the deciding
        article, or a quote, says is adjusted (进行动态调整): that sentence."""
        yn = self.lex.yes_no
        if lead is None or not re.search(yn.fixed_claim, ctx.q):
            return None
        arts = {x.article.id: x.article for x in [lead, *(quotes or [])]}
        pool = [x for a in arts.values() for x in self.quoter.of_article(a) if re.search(yn.changes, x.text)]
        words = [t for t in self.scope.content_words(ctx.q, ctx.r) if t not in GENERIC_WORDS]
        # (初始限额…不变 → 实际发放限额…适当调整, not 各地市额度…动态调整: the one naming what is claimed)
        return max(pool, key=lambda x: sum(self._says(t, x.text) for t in words), default=None)

    def _forbids_opposite(self, q: str, sentence: str) -> bool:
        """应该对我们一视同仁吧 against 不得…采取歧视性或差异化措施: the sentence forbids the opposite of the claim."""
        yn = self.lex.yes_no
        for claim, opposite in yn.opposites.items():
            if claim not in q:
                continue
            for m in re.finditer("|".join(map(re.escape, yn.governing)), sentence):
                if any(w in sentence[m.end():].split("。")[0] for w in opposite):
                    return True
        # 地市不能因为我们不是本地注册就区别对待吧 against 不得…采取歧视性或差异化措施: the asker says it is forbidden too
        if re.search(yn.confirm_end, q):
            spans = [sentence[m.end():].split("。")[0] for m in re.finditer("|".join(map(re.escape, yn.governing)), sentence)]
            for m in re.finditer("|".join(map(re.escape, yn.negated_acts)), q):
                tail = q[m.end():m.end() + 24]
                for group in yn.opposites.values():
                    if any(w in tail for w in group) and any(v in x for x in spans for v in group):
                        return True
        return False

    def _forbids(self, q: str, sentence: str) -> bool:
        """The sentence forbids the act the question asks about, or requires what it would skip or put off."""
        yn = self.lex.yes_no

        def content(text: str) -> list[str]:
            return [t for t in self.scope.jieba.lcut(text) if re.search(r"[\u4e00-\u9fff]", t)
                    and t not in GENERIC_WORDS and t not in self.lex.question_words]

        # The act asked about follows the asking words (已经通过审核的产品，可以直接上架吗 → 直接上架).
        asking = "|".join(map(re.escape, self.lex.yes_no.asking))
        asked = re.search(f"(?:{asking})(?!.*(?:{asking}))", q)
        words = (asked and [t for t in content(q[asked.end():]) if len(t) >= 2 or t not in "吗么呢吧"]) or content(q)
        kinds = self.scope.kinds(q)
        undone = "|".join(map(re.escape, sorted(yn.not_done, key=len, reverse=True)))
        undone_words = "|".join(map(re.escape, sorted((w for w in yn.not_done if len(w) > 1), key=len, reverse=True)))
        again = "|".join(map(re.escape, yn.again))
        applying = asked is not None and re.fullmatch(yn.apply_tail, q[asked.end():].strip())
        for m in [] if applying else re.finditer("|".join(map(re.escape, yn.prohibitions)), sentence):
            span = re.split(r"[，。；;]", sentence[m.end():])[0]
            # 不得利用所申请到的服务资源从事…: 所…的 names the thing used, not the act forbidden (申请 is allowed)
            span = re.sub(r"所[\u4e00-\u9fff]{1,5}的", "", span)
            # 不用再审 against 不再审核: the question says it is not done either, and agrees
            items = [x for x in re.split(r"[、和或及]", span)  # (不用再走一遍审核: a few words between, not in 能不能转)
                     if x and not re.search(rf"(?:{undone})(?:{again})?{re.escape(x[0])}", q)
                     and not re.search(rf"(?:{undone_words})(?:{again})?[^，。；;？?]{{0,4}}{re.escape(x[0])}", q)]
            for t in words:
                if len(t) >= 2 and any(k in x or (x in t and len(x) >= 2) for k in self.scope.kin(t) for x in items):
                    return True  # 攻击别人网站 against 危害网络安全: a word's kin counts
                if len(t) <= 2 and kinds.get(t, "")[:1] == "v" and any(
                        c in x for c in t for x in items if len(x) == 2 and x[0] != x[1] and c not in "是有在用给到能要"):
                    return True  # 卖 and 买卖
        plain = re.sub("|".join(map(re.escape, yn.not_obligation)), "", sentence)  # 应用, 供应商, 需求: no 应 / 需
        obliged = any(w in plain for w in yn.obligation)
        q = re.sub("|".join(map(re.escape, sorted(yn.markers, key=len, reverse=True))), " ", q)  # 能不能: asking
        for m in re.finditer("|".join(map(re.escape, yn.skip)), q):
            tail = self.scope.jieba.lcut(q[m.end():m.end() + 8])
            head = self.scope.jieba.lcut(q[clause_start(q, m.start()):m.start()])  # 每年的资质复核可以不做吗
            acts = [t for t in head[-3:] if kinds.get(t, self.scope.kinds(t).get(t, ""))[:1] == "v"]  # 复核, not 产品
            if obliged and any(len(t) >= 2 and t in sentence and re.search(r"[\u4e00-\u9fff]", t)
                               and not self._negated_in(sentence, t)
                               for t in tail[:3] + acts):
                return True  # (不用再审 against 不再审核: the text skips it too, and says so)
        for m in re.finditer(yn.bare_skip, q):  # 中间几年不复核行吗 against 每年需进行资质复核
            tail = self.scope.jieba.lcut(q[m.end():m.end() + 8])[:2]  # 不参加现场答辩: the act after a light verb
            if obliged and any(len(t) >= 2 and t in sentence and not self._negated_in(sentence, t) for t in tail):
                return True
        # 还得重新审一遍吗 against 原则上不再审核: what the question would have to be done, the text says is not.
        for m in re.finditer("|".join(map(re.escape, yn.required)), q):
            tail = [t for t in self.scope.jieba.lcut(q[m.end():m.end() + 8]) if re.search(r"[\u4e00-\u9fff]", t)]
            for t in tail[:3]:
                acts = [t] + [t[i:i + 2] for i in range(len(t) - 1)] if len(t) > 2 else [t, t[-1:]]
                if any(a not in GENERIC_WORDS and self._negated_in(sentence, a) for a in acts
                       if len(a) == 2 or (len(a) == 1 and a in yn.one_char_acts)):
                    return True
        # 关联企业的顾问能参加评审吗 against 涉及关联企业的专家应…予以回避: the one it names keeps out.
        for w, acts in yn.stay_out.items():
            at = sentence.find(w)
            if at >= 0 and w not in q and any(a in q for a in acts):
                who = [t for t in content(sentence[clause_start(sentence, at):at]) if len(t) >= 2]
                if any(t in q for t in who):
                    return True
        # 剩下那两成也能用券抵掉吗 against 剩余20%的服务费由企业支付: the part the text leaves to the enterprise.
        rest = min((q.find(w) for w in yn.rest_words if w in q), default=-1)
        if rest >= 0 and any(w in sentence for w in yn.self_paid) and any(w in q[rest:] for w in yn.cover_words):
            return True
        # 口头提复核 where the text asks for 书面复核申请: the other of a pair the text requires.
        for a, b in self.lex.yes_no.contrasts:
            if a in q and b not in q and b in sentence and a not in sentence:
                return True
        before = min((sentence.find(w) for w in yn.timely if w in sentence), default=-1)
        later = sentence[clause_start(sentence, before):before] if before > 0 else ""

        def put_off(m: re.Match) -> bool:  # 先备案，然后再签合同 against 签订服务合同前先备案: the act the text puts after
            act = [t[i:i + 2] for t in content(q[m.end():m.end() + 8])[:2] for i in range(len(t) - 1)]
            return not (later and act and any(t in later for t in act))

        deferred = any(put_off(m) for w in yn.defer for m in re.finditer(re.escape(w), q)) or bool(
            re.search(yn.defer_passed, q))
        order = re.search(yn.defer_pattern, q)
        if order and before > 0:  # 先签合同 后备案 against 签订服务合同前先…备案: what it puts first, the text puts after
            later = sentence[clause_start(sentence, before):before]
            first = re.sub(r"[^\u4e00-\u9fff]", "", order.group(0)[1:])
            deferred = deferred or any(first[i:i + 2] in later for i in range(len(first) - 1))
        done = re.search(yn.done_then, q)
        if done and before > 0:  # 合同都签完了，服务商才去备案: the act done first is one the text puts after
            later = sentence[clause_start(sentence, before):before]
            deferred = deferred or any(len(t) >= 2 and t in later for t in content(done.group(1)))
        return deferred and before >= 0 and (obliged or "先" in sentence)

    def _negated_in(self, sentence: str, act: str) -> bool:
        """``act`` (审, 审核, 再审) is said in ``sentence`` right after a word that says it is not done (不再审核)."""
        again = "|".join(map(re.escape, self.lex.yes_no.again))
        for m in re.finditer(re.escape(act), sentence):
            head = sentence[max(0, m.start() - 6):m.start()]
            # 报 in 无需重复申报: a one-character act may end a word (申报)
            for h in (head, head[:-1]) if len(act) == 1 and head else (head,):
                before = re.sub(rf"(?:{again})$", "", h)
                if any(before.endswith(w) for w in self.lex.yes_no.not_done):
                    return True
        return False

    def _rate_verdict(self, ctx: Context, progs: list[Programme]) -> tuple[bool, str, Citation] | None:
        """A rate the question puts forward (能不能按80%奖补, 能补五成吗) against the rate the one programme asked about
        gives the asker: the city's group, or the cluster pilots' rate, for a regional rate; the year's rate for
        yearly rates; the one rate otherwise. None when the asker's facts do not decide which rate applies."""
        full = any(w in ctx.q for w in self.lex.full_share_words)  # 全额补贴吗: 100 % put forward
        # (剩下20% 企业自己付: the part the subsidy leaves, not a rate put forward)
        said = [(v, m) for v, m in shares(ctx.q) if not any(
            ctx.q[max(0, m.start() - REST_CHARS):m.start()].endswith(w) for w in self.lex.yes_no.rest_words)] or (
            [(Decimal(1), None)] if full else [])
        if not said or len(progs) != 1 or progs[0].calculator is None:
            return None
        asked = said[0][0]
        calc, facts = progs[0].calculator, ctx.facts
        rate = None
        if hasattr(calc, "groups") and hasattr(calc, "cluster_pilot_rate"):
            city = facts.get("city")
            group = next((g for g in calc.groups if city in self.reader.gaz.groups.get(g.gazetteer_group, [])), None)
            named = [g for g in calc.groups if g.name.removesuffix("地区") in ctx.q]
            if group is None and city is None and len(named) == 1:
                group = named[0]  # 珠三角 奖补比例 80%吗: the group itself named, no city
            if facts.get("cluster_pilot") is True:
                rate = calc.cluster_pilot_rate
            elif group is not None and (facts.get("cluster_pilot") is False
                                        or group.rate.value >= calc.cluster_pilot_rate.value):
                rate = group.rate
            elif group is not None and asked == calc.cluster_pilot_rate.value != group.rate.value:
                # 佛山能按80%算吗: the city's rate is 70 %; 80 % only as a cluster pilot, which the asker did not say
                cite = group.rate.cite
                full = next((x.text for x in self._sentences_of(cite) if squash(cite.quote) in squash(x.text)), cite.quote)
                return False, (f"{city or group.name}按{group.rate.value * 100:.0f}%奖补；只有产业集群试点企业按"
                               f"{asked * 100:.0f}%（{cite.article}：“{tidy(full)}”）"), cite
        elif getattr(calc, "rates", None) and ctx.r.asked_year and ctx.r.asked_year <= len(calc.rates):
            rate = calc.rates[ctx.r.asked_year - 1]
        elif getattr(calc, "rate", None) is not None and not getattr(calc, "rates", None):
            rate = calc.rate
        if rate is None:
            return None
        full = next((x.text for x in self._sentences_of(rate.cite) if squash(rate.cite.quote) in squash(x.text)),
                    rate.cite.quote)
        return asked == rate.value, f"（{rate.cite.article}：“{tidy(full)}”）", rate.cite

    def _not_only(self, q: str, sentence: str) -> bool:
        """The question asks whether one thing is enough (只做书面审查吗, 只要告诉省联盟就行了, 只填个申请表行吗) and the
        sentence requires it together with more (书面审查、现场答辩和实地考察; 报省经济和信息化委，同时抄报省联盟)."""
        yn = self.lex.yes_no
        asking = [c for c in re.split(r"[，,。；;：:！!]", q.rstrip("？? ")) if c.strip()][-1:]  # 只服务了80家，…算不算达标:
        m = re.search(yn.only, asking[0]) if asking else None                                  # told, not asked
        q = asking[0] if asking else q
        if m is None or any(w in sentence for w in yn.alone):
            return False
        asked = re.split(r"[，,。？?；;]|就|行|吗|可以|即可", q[m.end():])[0]
        words = [t for t in self.scope.jieba.lcut(asked) if len(t) >= 2 and re.search(r"[\u4e00-\u9fff]", t)
                 and t not in GENERIC_WORDS and t not in self.lex.question_words]
        # 只看书面材料吗 against 书面审查、现场答辩…: a word's head or tail (书面) names it as well
        said = next((t for t in words if t in sentence), None) or next(
            (p for t in words if len(t) >= 3 for p in (t[:2], t[-2:]) if p in sentence and p not in GENERIC_WORDS), None)
        if said is None:  # 只算平台商 (平台 + 商 to the segmenter): the longest stretch of what is asked the sentence says
            said = next((asked[i:i + n] for n in range(len(asked), 2, -1) for i in range(len(asked) - n + 1)
                         if asked[i:i + n] in sentence), None)
        if said is None:
            return False
        # more than the thing asked: a list or a second act joined to it, in a sentence that requires them
        rest = sentence.replace(said, "")
        return any(w in rest for w in yn.more) and any(w in sentence for w in (*yn.obligation, *yn.more_acts))

    def _leaves_out(self, q: str, sentence: str) -> bool:
        """The sentence leaves out of the programme a thing the question names (自动化设备…等费用不列入本政策补助范围
        / 用服务券买自动化流水线的设备): a run of three or more characters of the question, naming a thing, is in the
        clause before the excluding words."""
        for w in self.lex.exclusions:
            at = sentence.find(w)
            if at < 0:
                continue
            clause = squash(sentence[clause_start(sentence, at):at])
            common = _longest_common(squash(q), clause)
            things = [t for t, k in self.scope.kinds(common).items()
                      if len(t) > 1 and (k[:1] in ("n", "l", "i", "j") or k == "vn") and t not in GENERIC_WORDS]
            if len(common) >= 3 and things:
                return True
        return False

    def _sets_place_apart(self, ctx: Context, sentence: str) -> bool:
        """The sentence treats a place the question names apart (（东莞市、中山市径向…）, 深圳市除外)."""
        for p in ctx.r.places:
            if p.level == "province" or self.scope.said_not_in(ctx.r, p):
                continue
            short = p.name.rstrip("市区县")
            if any(short in m.group(1) and re.search(r"除外|径向|不含|另行|除", m.group(1))
                   for m in re.finditer(r"[（(]([^）)]*)[）)]", sentence)):
                return True
            if re.search(rf"{re.escape(short)}[^，。；]{{0,4}}除外", sentence):
                return True
        return False

    def _goes_direct(self, ctx: Context, sentence: str) -> bool:
        """The sentence lets a place the question names go straight to a higher office (（东莞市、中山市径向市…）),
        and the question asks to do just that (直接交到市经信部门)."""
        if not any(w in ctx.q for w in self.lex.yes_no.direct):
            return False
        for p in ctx.r.places:
            short = p.name.rstrip("市区县")
            if p.level != "province" and any(short in m.group(1) and "径向" in m.group(1)
                                             for m in re.finditer(r"[（(]([^）)]*)[）)]", sentence)):
                return True
        return False

    def _text_says_no(self, ctx: Context, sentence: str) -> bool:
        """The deciding sentence sets apart a place the question names, or requires what the question denies."""
        if not sentence:
            return False
        q = ctx.q
        if self._sets_place_apart(ctx, sentence):
            return True
        # 有没有 / 能不能 ask; 不是说…除外吗 recalls what was heard: neither negates a condition
        q = re.sub("|".join(map(re.escape, sorted(self.lex.yes_no.markers + self.lex.yes_no.hearsay, key=len,
                                                   reverse=True))), " ", q)
        for neg in self.lex.negations:
            for m in re.finditer(re.escape(neg), q):
                tail = q[m.end():m.end() + 8]
                for t0 in self.scope.jieba.lcut(re.split(r"[，,。；;？?]", tail)[0])[:5]:
                    # 还没付 against 发生实际支出: a one-character act takes the kin of the words it starts (付钱)
                    kin = [t0, *(w for g in self.lex.synonyms if t0 in g or (
                        len(t0) == 1 and any(x.startswith(t0) for x in g)) for w in g if w != t0)]
                    t = next((k for k in kin if len(k) >= 2 and k not in GENERIC_WORDS and k in sentence), None)
                    if t is not None:
                        i = sentence.find(t)
                        if not any(n in sentence[max(0, i - 4):i] for n in ("无", "不", "未", "没有", "非")) \
                                and not self._other_alternative(sentence, t, q):
                            return True
        return False

    @staticmethod
    def _other_alternative(sentence: str, denied: str, q: str) -> bool:
        """The thing the question denies is one of alternatives the sentence lists (软件产品登记证、…可信云认证…等相关
        资质), and the question names another of them (持有可信云认证): that one may do instead."""
        part = next((c for c in re.split(r"[，,；;。]", sentence) if denied in c), "")
        if "、" not in part or not re.search(r"等|或", part):
            return False
        items = [re.sub(r"等.*$", "", x).strip() for x in re.split(r"[、或]", part)]
        return any(len(x) >= 2 and denied not in x and x in q for x in items)

    # --- lists ---------------------------------------------------------------------------------------------

    def _match(self, d: Draft, ctx: Context) -> Draft:
        """Which programmes apply, from ``match`` on the facts given so far (as 政策匹配 shows them)."""
        from navigator.service import parse_profile

        known = {k: v for k, v in ctx.facts.items() if k in _profile_fields()}
        try:
            profile = parse_profile(known)
        except ValueError:
            profile = parse_profile({})
        results = self.service.match(profile, ctx.when)
        yes = [x for x in results if x["verdict"] == "eligible"]
        maybe = [x for x in results if x["verdict"] == "unknown"]
        d.programmes = [x["programme"] for x in yes + maybe]
        said = "、".join(v for v in ctx.r.fact_words.values() if v) or "（未提供）"
        if yes:
            d.headline = "按您提供的信息，符合条件的项目：" + "；".join(
                f"{x['title']}（{STATUS_TEXT[x['status']]}）" for x in yes) + "。"
        else:
            d.headline = "按您提供的信息，还不能确定符合哪个项目的全部条件。"
        d.lines.append(f"我的理解：{said}。")
        if maybe:
            d.lines.append("还需确认条件的项目：")
            for x in maybe[:6]:
                need = "、".join(_FIELD_WORDS.get(f, f) for f in x["missing"][:4])
                d.lines.append(f"· {x['title']}（{STATUS_TEXT[x['status']]}）：还需确认{need}")
        for x in yes + maybe[:6]:
            d.cites.append(self.reg.get(x["programme"]).who.cite)
        return d

    def _for_place(self, d: Draft, ctx: Context) -> Draft:
        """Which programmes a unit registered in the named place may look at, each with its cited target group."""
        place = self.reader.most_specific(ctx.r.places)[0]
        chain = self.reader.chain(place.level, place.name)
        d.headline = f"登记在{place.name}的单位可关注的项目（按{ctx.day.isoformat()}评估申报状态）："
        progs = []
        for prog in self.reg.programmes.values():
            if any(prog.region.get(lvl) and chain.get(lvl) and prog.region[lvl] != chain[lvl]
                   for lvl in ("province", "city", "district")):
                continue
            excluded = [e for e in (getattr(prog.calculator, "excluded", None) or []) if e.city == chain.get("city")]
            if excluded:
                d.lines.append(f"· {prog.title}：{place.name}不在范围内（{excluded[0].cite.article}：“{tidy(excluded[0].cite.quote)}”）")
                d.cites.append(excluded[0].cite)
                continue
            side = "企业" if prog.side == "enterprise" else "服务商"
            rate = f"；{tidy(prog.rate_text)}" if prog.rate_text and prog.calculator is not None else ""
            st = self.service.status(prog, ctx.when)
            d.lines.append(f"· {prog.title}（面向{side}{rate}；{STATUS_TEXT[st]}）：{_cited(prog.who.text, prog.who.cite)}")
            d.cites.append(prog.who.cite)
            progs.append(prog.id)
        with_rules = {prog.doc for prog in self.reg.programmes.values()}
        for doc in self.corpus.docs.values():  # policies added without programme rules yet
            if doc.id not in with_rules and any(self.reader.inside(doc.region, p) for p in [place]) and all(
                    not (doc.region.get(lvl) and chain.get(lvl) and doc.region[lvl] != chain[lvl])
                    for lvl in ("province", "city", "district")):
                first = next(iter(sorted(doc.articles.values(), key=lambda a: a.order)), None)
                d.lines.append(f"· 《{doc.title}》（{doc.issuer}）：本政策暂无测算规则，可查看原文。")
                if first is not None:
                    d.cites.append(self.corpus.cite_article(first, first.sentences()[0] if first.sentences() else first.text))
        if not progs and not d.lines:
            d.headline = f"现有政策库中没有面向{place.name}的项目。"
        d.programmes = progs
        return d

    def _generic_subsidy(self, q: str, r: Reading) -> bool:
        """A question about subsidies in general: no topic word beyond the subsidy itself."""
        generic = {"上云", "企业", "补贴", "补助", "比例", "标准", "多少", "上平台", "政策", "奖补", "资助", "怎么", "服务券",
                   "上云上平台", "云服务", "最高", "额度", "上限"}
        return all(t in generic for t in self.scope.content_words(q, r))

    def _overview(self, d: Draft, ctx: Context) -> Draft:
        """A question naming no region or programme: each enterprise programme's rate and cap, cited."""
        d.headline = "各地政策标准不同（请说明所在地区以便具体测算）："
        progs = []
        for prog in self.reg.programmes.values():
            cite = self._rate_cite(prog)
            if prog.side != "enterprise" or cite is None:
                continue
            st = STATUS_TEXT[self.service.status(prog, ctx.when)]
            d.lines.append(f"· {prog.title}：{tidy(prog.rate_text or '')}；{tidy(prog.cap_text or '')}"
                           f"（{cite.article}；按{ctx.day.isoformat()}：{st}）")
            d.cites.append(cite)
            progs.append(prog.id)
        d.programmes = progs
        return d

    # --- dates ---------------------------------------------------------------------------------------------

    def _asks_window(self, r: Reading) -> bool:
        # 合同期限最短几年: the period of another thing, not the programme's window
        q = re.sub("|".join(map(re.escape, self.lex.other_periods)), " ", r.question)
        return r.still_open or any(w in q for w in WINDOW_WORDS)

    def _asks_only_window(self, r: Reading) -> bool:
        """The question names nothing but the programme and taking applications (今年受理到什么时候), not another
        thing's period (资格有效期是几年)."""
        names = self.name_words
        words = [t for t in self.scope.content_words(r.question, r) if t not in GENERIC_WORDS and t not in names
                 and not any(t in n for n in names)]
        return all(any(w in t for w in self.lex.window_acts) for t in words)

    def _one_window(self, programmes: list[str]) -> bool:
        return bool(programmes) and len({self.reg.get(p).window.text for p in programmes}) == 1

    def _deadline(self, d: Draft, ctx: Context) -> None:
        """The window or validity of the programme asked about, with its status on the evaluation date."""
        prog = self.reg.get(ctx.programmes[0])
        w = prog.window
        st = self.service.status(prog, ctx.when)
        name = prog.title if len(ctx.programmes) == 1 else f"《{self.corpus.docs[prog.doc].title}》各项目"
        d.headline = f"{name}：{tidy(w.text)}（{w.cite.article}）；按{ctx.day.isoformat()}评估：{STATUS_TEXT[st]}。"
        if st == "unknown" or (w.kind == "open_ended" and re.search(self.lex.asks_end, ctx.q)):
            # 什么时候截止 of a text that sets no end: silent, whatever the day asked
            d.headline = "文件未作规定：" + d.headline
        d.cites.append(w.cite)

    def _status_lines(self, d: Draft, ctx: Context) -> None:
        windows: dict[str, list[Programme]] = {}
        for pid in d.programmes:
            prog = self.reg.get(pid)
            windows.setdefault(prog.window.text, []).append(prog)
        for text, progs in windows.items():
            st = self.service.status(progs[0], ctx.when)
            if st in ("closed", "not_yet_open") or (self._asks_window(ctx.r) and st != "unknown"):
                name = progs[0].title if len(progs) == 1 else f"《{self.corpus.docs[progs[0].doc].title}》各项目"
                line = f"按{ctx.day.isoformat()}评估：{name}{STATUS_TEXT[st]}（{tidy(text)}）。"
                if line not in d.headline:
                    d.lines.append(line)
                d.cites.append(progs[0].window.cite)

    # --- attributes ----------------------------------------------------------------------------------------

    def _attribute(self, d: Draft, ctx: Context) -> bool:
        """Materials, steps, conditions, who or contacts of the one programme asked about, from its data."""
        r = ctx.r
        asked = [k for k in ATTRIBUTE_INTENTS if k in r.intents]
        if not asked or r.yes_no:
            return False
        # The word nearest the end of a Chinese question says what it asks (材料先交给谁 → to whom).
        # (哪些企业 is a word of both who and conditions: who may apply is asked)
        focus = max(asked, key=lambda k: (max(r.question.rfind(w) for w in self.lex.intents[k]), k == "who"))
        progs = list(ctx.programmes)
        if len(progs) > 1:
            side = "provider" if r.provider or re.search(self.lex.provider_side, r.question) else "enterprise"
            progs = [p for p in progs if self.reg.get(p).side == side] or progs
        shared_name = None
        if len(progs) > 1:
            data = {tuple(self._attribute_data(self.reg.get(p), focus)) for p in progs}
            if len(data) == 1:
                titles = [self.reg.get(p).title.split("·")[0] for p in progs]
                shared_name = titles[0] if len(set(titles)) == 1 else None
                progs = progs[:1]
        if len(progs) > 1 and focus == "who" and len({self.reg.get(p).doc for p in progs}) == 1:
            d.programmes = progs
            first = self.reg.get(progs[0])
            d.headline = f"《{self.corpus.docs[first.doc].title}》各项目面向的单位："
            for pid in progs:
                prog = self.reg.get(pid)
                d.lines.append(f"· {prog.title}：{_cited(prog.who.text, prog.who.cite)}")
                d.cites.append(prog.who.cite)
            return True
        if len(progs) > 1 and focus == "materials" and self._materials_of_lines(d, progs):
            return True
        if len(progs) != 1:
            return False
        prog = self.reg.get(progs[0])
        if focus == "materials" and not shared_name and self._line_own_materials(d, ctx, prog):
            return True
        out = self._attribute_lines(prog, focus)
        if not out:
            return False
        if shared_name:  # the same data for every line of the document: named after the document's vouchers
            out = [(t.replace(prog.title, shared_name), c) for t, c in out]
        # The data answers when it is asked for as a whole, or when retrieval finds the articles it cites.
        top = [h.chunk.article.label for h in ctx.hits[:3]]
        agrees = any(c.article.startswith(t) or t.startswith(c.article) for _x, c in out for t in top)
        cue_words = {w for k in ATTRIBUTE_INTENTS for w in self.lex.intents[k]} | ATTRIBUTE_WORDS
        # 换成智能车间数字化服务呢: the line asked of instead, and the words that say so
        cue_words |= set(self.lex.line_words.get(prog.id, [])) | set(self.lex.follow_up.openers)
        new_topic = r.follow_up and r.previous_question and [
            t for t in (w.rstrip("时的后前中里") for w in self.scope.content_words(r.question, r))
            if len(t) > 1 and t not in r.previous_question and t not in GENERIC_WORDS
            and not any(t in w or w in t for w in cue_words)]  # 申请时 is 申请
        specific = self._specific_words(r, asked)
        data_text = squash("".join(t for t, _c in out))
        answers = not specific or all(squash(w) in data_text for w in specific)
        # 换成智能车间数字化服务呢 after 要交哪些材料: what was asked before, now of this line, as a whole
        inherited = r.follow_up and not self.reader.intents(r.question) and not [
            w for w in specific if w not in self.lex.follow_up.openers]
        if focus != "contacts" and not ((self._asks_whole(r, asked) or inherited) and not new_topic) and not (
                agrees and answers):
            return False
        d.programmes = [prog.id]
        d.headline = out[0][0]
        d.cites.append(out[0][1])
        for text, cite in out[1:]:
            d.lines.append(text)
            d.cites.append(cite)
        return True

    def _materials_of_lines(self, d: Draft, progs: list[str]) -> bool:
        """白云服务券要交哪些材料, no line named: the items every line of the one document asks for, then what each
        line adds (申请云上软件园还需提交第七项材料), each with its article."""
        lines = [self.reg.get(p) for p in progs]
        if len({x.doc for x in lines}) != 1 or not all(x.materials for x in lines):
            return False
        shared = self._shared_materials(lines)
        common = [m for m in lines[0].materials if m.text in shared]
        if not common:
            return False
        doc = self.corpus.docs[lines[0].doc]
        d.programmes = list(progs)
        d.headline = f"《{doc.title}》各项目都需提交的材料："
        d.cites.append(common[0].cite)
        for n, m in enumerate(common, 1):
            d.lines.append(f"{n}. {_cited(m.text, m.cite)}")
            d.cites.append(m.cite)
        extras: dict[tuple[str, ...], list[str]] = {}  # lines adding the same items are named together
        for x in lines:
            more = tuple(m.text for m in x.materials if m.text not in shared)
            if more:
                extras.setdefault(more, []).append(x.title.split("·")[-1])
        by_text = {m.text: m for x in lines for m in x.materials}
        for more, names in extras.items():
            d.lines.append(f"· {'、'.join(names)}还需提交：" + "；".join(_cited(t, by_text[t].cite) for t in more))
            d.cites += [by_text[t].cite for t in more]
        return True

    @staticmethod
    def _shared_materials(lines: list[Programme]) -> set[str]:
        """The items every one of ``lines`` asks for (白云: the first four of 第十四条)."""
        return set.intersection(*({m.text for m in x.materials} for x in lines)) if lines else set()

    def _line_own_materials(self, d: Draft, ctx: Context, prog: Programme) -> bool:
        """申请白云公有云，除了前面四项通用材料，还要另外交哪些: the items this line asks for beyond those every line of its
        document asks for, each with its article."""
        if not (re.search(self.lex.besides_question, ctx.q) or re.search(self.lex.extra_materials, ctx.q)):
            return False
        others = [x for x in self.reg.programmes.values() if x.doc == prog.doc and x.side == prog.side and x.materials]
        if len(others) < 2 or not prog.materials:
            return False
        common = self._shared_materials(others)
        own = [m for m in prog.materials if m.text not in common]
        if not common or not own:
            return False
        d.programmes = [prog.id]
        d.headline = f"{prog.title}除各项目都需提交的{len(common)}项材料外，还需提交："
        d.cites.append(own[0].cite)
        for n, m in enumerate(own, 1):
            d.lines.append(f"{n}. {_cited(m.text, m.cite)}")
            d.cites.append(m.cite)
        return True

    def _asks_whole(self, r: Reading, asked: list[str]) -> bool:
        """The question asks for an attribute as a whole (需要哪些材料), not for one detail of it (材料交给谁后怎么处理)."""
        return len(self._specific_words(r, asked)) <= 1

    def _specific_words(self, r: Reading, asked: list[str]) -> list[str]:
        """The question's words beyond the attribute asked for and the programme's names (申请单, 下载, 公示)."""
        q = r.question
        # Background before the asking clause (我们是伊春的工业企业，第一次准备上云，想了解…有哪些申报条件) asks nothing.
        parts = [c for c in CLAUSE_END.split(q) if c.strip()]
        # …有要求，请问在诚信方面是怎么规定的: the closing clause asks too.
        clauses = [c for i, c in enumerate(parts)
                   if any(w in c for k in asked for w in self.lex.intents[k]) or (i == len(parts) - 1 and len(parts) > 1)]
        q = "，".join(clauses) or q
        for k in asked:
            for w in sorted(self.lex.intents[k], key=len, reverse=True):
                q = q.replace(w, " ")
        for names in (self.lex.line_words.values(), [d.aliases for d in self.corpus.docs.values()]):
            for ws in names:
                for w in ws:
                    q = q.replace(w, " ")
        titles = "".join(self.reg.get(p).title for p in r.programmes if p in self.reg.programmes)
        return [t for t in self.scope.content_words(q, r) if t not in GENERIC_WORDS and t not in ATTRIBUTE_WORDS
                and t not in titles and t not in self.lex.whole_list_words]  # (这边, 备齐: no detail asked)  # 工业云公共服务平台认定…: the programme's own name asks nothing more

    def _attribute_data(self, prog: Programme, focus: str) -> list[str]:
        return [c.model_dump_json() for _t, c in self._attribute_lines(prog, focus)]

    def _attribute_lines(self, prog: Programme, focus: str) -> list[tuple[str, Citation]]:
        if focus == "contacts" and prog.contacts:
            return [(f"联系方式：{_cited(c.text, c.cite)}", c.cite) for c in prog.contacts]
        if focus == "materials" and prog.materials:
            return [(f"{prog.title}需提交的材料：", prog.materials[0].cite)] + [
                (f"{n}. {_cited(m.text, m.cite)}", m.cite) for n, m in enumerate(prog.materials, 1)]
        if focus == "process" and prog.process:
            return [(f"{prog.title}的办理流程：", prog.process[0].cite)] + [
                (f"{n}. {_cited(m.text, m.cite)}", m.cite) for n, m in enumerate(prog.process, 1)]
        if focus == "who":
            return [(f"{prog.title}面向：{_cited(prog.who.text, prog.who.cite)}", prog.who.cite)]
        if focus == "conditions" and prog.eligibility:
            conds = [c for c in prog.eligibility if c.id != "side"]
            return [(f"{prog.title}的申请条件：", prog.who.cite)] + [
                (f"{n}. {_cited(c.label, c.cite)}", c.cite) for n, c in enumerate(conds, 1)] + [
                (f"· 由审核部门认定：{_cited(a.text, a.cite)}", a.cite) for a in prog.attestations]
        return []

    # --- quotes --------------------------------------------------------------------------------------------

    def _asked(self, r: Reading) -> list[str]:
        kinds = [k for k in r.intents if k in self.lex.sentence_cues]
        if r.asked_year:
            kinds.append("amount")
        return kinds

    def _quotes(self, d: Draft, ctx: Context, limit: int = 3) -> Sentence | None:
        """The on-topic sentences of the top articles; returns the lead (deciding) quote."""
        r = ctx.r
        arts = [h.chunk.article for h in ctx.hits[:QUOTE_ARTICLES]]
        listy = bool(set(r.intents) & {"materials", "process", "conditions"}) or bool(LISTY.search(r.question))
        qvec = self.retriever.embeddings.embed_query(ctx.query[:QUERY_CHARS])
        # Place names route the question; they say nothing about which sentence answers it.
        words = ctx.topic or self._topic_words(ctx.query[:QUERY_CHARS], r, {h.chunk.article.doc_id for h in ctx.hits})
        picked, lead = self.quoter.pick(words, arts, self._asked(r), qvec=qvec, limit=max(limit, 4) if listy else limit)
        if lead is not None and self._material_item(lead.article) and not self._asks_material(r) and not any(
                squash(x) in squash(lead.text) for t in self.scope.content_words(words, r)
                if len(t) >= 2 and t not in GENERIC_WORDS and t not in GENERIC_TITLE_WORDS
                for x in (t, *((t[:2], t[-2:]) if len(t) >= 4 else ()))):  # (产品目录: 产品或服务目录)
            # 补助的钱从哪里出 against 1.伊春市工业企业上云补助兑付申请表: an item of a list of materials, which says
            # nothing but the programme's name, answers no question but one about materials
            others = [a for a in arts if not self._material_item(a)]
            again = self.quoter.pick(words, others, self._asked(r), qvec=qvec, limit=limit) if others else ([], None)
            if again[1] is not None:
                picked, lead = again
        if lead is None:
            return None
        # 申报书后面那段声明里要推送什么数据: a form's caption named, its paragraphs answer
        under = [i for i, c in self.quoter.caption_of.items() if c in r.question
                 and self.quoter.sentences[i].article.doc_id == lead.article.doc_id]
        forms = {i: self._form_of(self.quoter.sentences[i].article) for i in under}
        named = {i for i, f in forms.items() if f and self._says_title(f, r.question)}
        under = [i for i in under if i in named] or under  # 备案申报书的声明: of the form named, of two with one
        if under and self._form_of(lead.article) not in {forms[i] for i in under}:  # (that form's own lines answer)
            scores = self.quoter._scores(words, under, self._asked(r), qvec)
            best = self.quoter.sentences[under[scores.index(max(scores))]]
            rest = [self.quoter.sentences[i] for i in under if self.quoter.sentences[i] is not best]
            picked, lead = self.quoter.in_order([best, *rest]), best  # the caption's paragraphs, in full
        office = self._office_of_act(r, lead) or self._full_name(r, lead)
        if office is not None:  # 由谁认定 against 认定遵循公开、公正、公平的原则: the sentence naming who does it
            picked, lead = self.quoter.in_order([office, *(x for x in picked if x is not office)][:max(limit, 1)]), office
        whole = self._asks_whole(r, [k for k in ATTRIBUTE_INTENTS if k in r.intents]) if r.intents else True
        if lead.text.rstrip().endswith(("：", ":")) and lead.article.children:
            # 应具备如下条件： introduces the items that answer: the best of them decides (产品或服务围绕…).
            kids = [self.corpus.article(c) for c in lead.article.children]
            # Words the introduction already says (合作的云服务商) tell the items apart no more.
            asked = [k for k in ATTRIBUTE_INTENTS if k in r.intents]
            rest = [t for t in (self._specific_words(r, asked) if asked else self.scope.jieba.lcut(words))
                    if len(t.strip()) > 1 and t not in lead.text and t not in self.lex.question_words]
            if whole:
                # 提供哪些云资源 / 诚信方面 / 人品: a word (or its kin) only one item says singles that item out.
                rest = [t for t in rest if sum(self._says(t, k.text) for k in kids) == 1]
            _items, item = self.quoter.pick(" ".join(rest), kids, self._asked(r), qvec=None, limit=1) if rest else ([], None)
            if item is not None and any(self._says(t, item.text) for t in rest):
                picked, lead, whole = self.quoter.in_order([*picked, item]), item, False
            else:
                whole = True  # 人家得满足啥条件: no one item is asked for, so the list is the answer
        if lead.article.kind == "annex" and not lead.article.children and FORM_QUESTION.search(r.question):
            whole = True  # 每家企业那一行要填些啥: a form's fields are its lines, and the form answers
        if listy and not d.lines and not r.yes_no and whole:
            parent = self._list_parent(lead.article) or (lead.article if lead.article.kind == "annex" else None)
            block = self._list_block(parent) if parent else None
            if block:
                d.headline = f"{parent.label}所列：" if parent.kind != "annex" else \
                    f"{parent.label}《{parent.heading}》所列栏目：{'、'.join(self._form_fields(parent))}"
                d.lines.append("依据：")
                d.lines.append(self._quote_line(parent, block))
                d.cites.append(self.corpus.cite_article(parent, block))
                if lead.article is not parent:  # the item that answers best, cited on its own as well
                    d.cites.append(self.corpus.cite_article(lead.article, lead.text))
                return Sentence(parent, block, 0)
        if listy and not r.yes_no:
            # A list question: the deciding article's own sentences, in order, as far as they go.
            own = [x for x in self.quoter.of_article(lead.article) if x.text not in {p.text for p in picked}]
            picked = self.quoter.in_order(picked + own[:max(0, LIST_QUOTES - len(picked))])
        picked = self.quoter.in_order(picked + self._referenced_items(picked))
        d.lines.append("依据：")
        for s in picked:
            d.lines.append(self._quote_line(s.article, s.text))
        d.quotes.extend(picked)
        return lead

    def _form_of(self, art: Article) -> str:
        """The heading of the annex an article belongs to (伊春市“企业上云”云服务商备案申报书)."""
        while art.parent and art.kind != "annex":
            art = self.corpus.article(art.parent)
        return art.heading if art.kind == "annex" else ""

    def _says_title(self, title: str, question: str) -> bool:
        """The question names the form by its last words (备案申报书, 兑付申请表)."""
        tail = re.sub(r"[“”《》（）\s]", "", title)[-FORM_NAME_CHARS:]
        return len(tail) == FORM_NAME_CHARS and tail in re.sub(r"\s", "", question)

    def _open_choice(self, ctx: Context) -> str | None:
        """A choice asked (资金是一次拨付还是分期拨付) where the document says neither: the choice, as asked.

        An alternative is said when one sentence of the document holds each of its words (每半年一次: 半年, 一次 in
        每半年组织一次); the first alternative starts after 是 and is at most as many words as the second.
        """
        m = re.search(r"([\u4e00-\u9fff]{2,10})还是([\u4e00-\u9fff]{2,10})", ctx.q)
        if m is None or m.group(2)[0] in self.lex.still_after:
            return None  # 我们还是得交材料: 还是 as "still", not a choice
        second = self.scope.jieba.lcut(re.sub(self.lex.choice_tail, "", m.group(2)) or m.group(2))
        head = re.split(r"是|要|采用|采取|按照", m.group(1))[-1] or m.group(1)  # 服务券是先到先得 → 先到先得
        first = self.scope.jieba.lcut(head)[-len(second):]
        docs = {self.reg.get(p).doc for p in ctx.programmes if p in self.reg.programmes} or set(ctx.r.documents[:1])
        sentences = [squash(x.text) for x in self.quoter.sentences if x.article.doc_id in docs]
        if not sentences:
            return None

        def said(words: list[str]) -> bool:
            words = [w for w in words if len(w) >= 2]
            return not words or any(all(any(squash(k) in x for k in self.scope.kin(w)) for w in words)
                                    for x in sentences)

        if said(first) or said(second):
            return None
        return f"{''.join(first)}还是{''.join(second)}"

    def _material_item(self, art) -> bool:
        """An item of a list of materials (（三）企业提供以下申报材料 → 1.…兑付申请表)."""
        parent = self.corpus.article(art.parent) if art.parent else None
        said = (parent.heading + next(iter(parent.sentences()), "")) if parent is not None else ""
        return art.kind in ("item", "point") and "材料" in said  # (第六条 …应提交以下材料：)

    def _asks_material(self, r: Reading) -> bool:
        """The question asks about materials, forms or documents to hand in (or names one)."""
        return "materials" in r.intents or bool(re.search(self.lex.material_words, r.question))

    def _full_name(self, r: Reading, lead: Sentence) -> Sentence | None:
        """Asked the full name of something (产品目录 全称): the sentence of the deciding document whose title in 《》
        holds every word asked about, when the deciding sentence has none."""
        if not re.search(self.lex.full_name_question, r.question):
            return None
        words = [t for t in self.scope.content_words(re.sub(self.lex.full_name_question, " ", r.question), r)
                 if t not in GENERIC_WORDS and t not in self.name_words]
        if not words:
            return None

        def named(x: Sentence) -> bool:
            return any(all(self._says(t, m) for t in words) for m in re.findall(r"《[^》]+》", x.text))

        if named(lead) or all(self._says(t, lead.text) for t in words):
            return None  # 白云服务券办法的全称: the notice's title line says it, with no 《》
        return next((x for x in self.quoter.sentences if x.article.doc_id == lead.article.doc_id and named(x)), None)

    def _office_of_act(self, r: Reading, lead: Sentence) -> Sentence | None:
        """Asked who does an act (由谁认定) where the deciding sentence names no office: the sentence of its document
        that names an office and the act, with most of the question's other words; None when the lead names one."""
        find, _canon = self._actor_names
        asked = re.search(self.lex.who_question, r.question)
        if not asked:
            return None
        near = r.question[max(0, asked.start() - 2):asked.end() + WHO_ACT_CHARS]  # 由谁认定, 谁来认定; not 受谁监督
        act = next((g for g in self.lex.actor_acts if any(w in near for w in g)), None)
        # 谁来审 / 哪个部门认: one character right after the asking words says the act; the deciding sentence may name
        # an office doing something else (认定工作接受审计、监察部门…的监督)
        short = re.match(r"(?:来|去|负责)?(.)", r.question[asked.end():])
        short_act = self.lex.actor_act_short.get(short.group(1)) if short else None
        act = short_act or act
        said = None
        if act is None and not re.match(r"\s*的", r.question[asked.end():]):
            # 谁 作出 复核决定: the words after the asking word name the act, every one of them (not 接受谁的监督,
            # nor one light verb: 哪个机构负责的)
            said = [t for t in self.scope.content_words(r.question[asked.end():asked.end() + 2 * WHO_ACT_CHARS], r)
                    if len(t) >= 2 and t not in GENERIC_WORDS and t not in self.lex.who_light_acts]
            said = said if len(said) >= 2 else None
            act = said
        if act is None or set(r.intents) & set(self.lex.lookup_intents):
            return None
        if find.search(lead.text) and (all(w in lead.text for w in act) if said else (
                not short_act or any(w in lead.text for w in act))):
            return None  # the deciding sentence names the office (that does the act)
        words = [t for t in self.scope.content_words(r.question, r) if t not in GENERIC_WORDS and t not in act]
        pool = [x for x in self.quoter.sentences if x.article.doc_id == lead.article.doc_id
                and find.search(x.text) and (all if said else any)(w in x.text for w in act)]
        if not pool:
            return None
        return max(pool, key=lambda x: sum(self._says(t, self._under_headings(x)) for t in words))

    def _under_headings(self, x: Sentence) -> str:
        """A sentence with the headings it is read under: its article's, and its parent's with that part's title line
        (附件1 二 under 广东省…企业认定基本流程)."""
        parent = self.corpus.article(x.article.parent) if x.article.parent else None
        title = next(iter(parent.sentences()), "") if parent is not None else ""
        return " ".join((x.text, x.article.heading, parent.heading if parent else "", title))

    def _referenced_items(self, picked: list[Sentence]) -> list[Sentence]:
        """Items a quote refers to by number (还需提交第五、六项材料 → （五）and（六）of the same list)."""
        out: list[Sentence] = []
        for s in picked:
            out += [x for a in self._items_of(s) for x in self.quoter.of_article(a)[:1]]
        return out[:4]

    def _items_of(self, s: Sentence) -> list[Article]:
        """The items of a list a sentence names by number: 第五、六项 → （五）（六）; 前四项 → （一）…（四）. The list is
        the nearest enclosing article with numbered items."""
        m = re.search(r"前([二三四五六七八九十])项|第([一二三四五六七八九十、]+)项", s.text)
        if not m:
            return []
        digits = "一二三四五六七八九十"
        wanted = [f"（{n}）" for n in (digits[:digits.index(m.group(1)) + 1] if m.group(1) else m.group(2).split("、")) if n]
        art = s.article
        while art.parent:
            art = self.corpus.article(art.parent)
            items = [self.corpus.article(c) for c in art.children]
            found = [a for w in wanted for a in items if a.label.endswith(w)]
            if found:
                return found
        return []

    def _looked_up(self, ctx: Context, lead: Sentence | None) -> Sentence | bool | None:
        """For a question whose answer a document states once (负责解释), that sentence of the routed document;
        False when the document has none; None when the question is not of that kind or the lead already is it."""
        kinds = [k for k in ctx.r.intents if k in self.lex.lookup_intents]
        doc = self._lookup_doc(ctx)
        if not kinds or doc is None:
            return None
        cues = [w for k in kinds for w in self.lex.sentence_cues.get(k, [])]
        if lead is not None and lead.article.doc_id == doc and any(w in lead.text for w in cues):
            return None
        for w in cues:  # the most specific cue first
            hit = next((x for x in self.quoter.sentences if x.article.doc_id == doc and w in x.text), None)
            if hit is not None:
                return hit
        return False

    def _issue_date(self, ctx: Context) -> Sentence | None:
        """哪天印发的: the dated line of the routed document's notice or signature block."""
        if not re.search(self.lex.issue_date_question, ctx.q):
            return None
        doc = self._asked_doc(ctx)
        dated = self._dated_lines(ctx, doc)
        # 印发日期: the line that says 印发 with its date (…办公室 2015年10月23日印发), else the notice's date; a text
        # that prints no date of its own gives the date line of its forms (申报书 2023年  月), said to be only that.
        return next((x for x in dated if "印发" in x.text and "印发" in ctx.q), None) or next(iter(dated), None) or next(
            (x for x in self.quoter.sentences if x.article.doc_id == doc and FORM_DATE.fullmatch(x.text.strip())), None)

    def _process_range(self, d: Draft, ctx: Context) -> bool:
        """The steps of a programme's procedure between two the question names (专家评审做完以后，到正式公布认定结果之前
        还要经过哪些步骤; 从县区到省里要经过哪几道), each quoted from its article in full."""
        q = ctx.q
        rng = self.lex.process_range
        if not re.search(rng.asks, q):
            return False
        after = re.search(rng.after, q)
        frm = re.search(rng.start, q)
        if after is None and frm is None:
            return False
        upto = re.compile(rng.end).search(q, after.end() if after is not None else frm.start() + 1)
        progs = [self.reg.get(p) for p in ctx.programmes if self.reg.get(p).process]
        if not progs or len({x.doc for x in progs}) != 1:
            return False
        steps = progs[0].process
        doc = self.corpus.docs[progs[0].doc]
        arts = [doc.article_by_label(x.cite.article) for x in steps]
        texts = [x.text + (a.own_text if a is not None else "") for x, a in zip(steps, arts, strict=True)]

        def best(words: str, lo: int = 0) -> int | None:
            said = [t for t in self.scope.content_words(words, ctx.r) if len(t) >= 2 and t not in GENERIC_WORDS]
            scores = [sum(self._says(t, x) for t in said) if i >= lo else 0 for i, x in enumerate(texts)]
            top = max(scores, default=0)
            if top > 0:  # one step, said by more than one word, or the only one said at all
                return scores.index(top) if scores.count(top) == 1 and (top >= 2 or sum(scores) == top) else None
            # 从县区到省里: short words the texts spell otherwise (县（市、区）, 省经济和信息化委), read by their characters
            chars = set(re.sub(r"[^\u4e00-\u9fff]", "", words)) - set(self.lex.process_range.light_chars)
            scores = [len(chars & set(x)) if i >= lo else 0 for i, x in enumerate(texts)]
            top = max(scores, default=0)
            return scores.index(top) if chars and top * 2 >= len(chars) else None

        start = best(next(g for g in (after or frm).groups() if g))
        if start is None:
            return False
        # The step named first is listed too: which step a caller's words name is a reading, and it shows it.
        first = start
        end = best(upto.group(1), lo=first + 1) if upto is not None else None
        if upto is not None and end is None:
            return False
        last = (end - 1 if upto.group(2) else end) if end is not None else min(first + 3, len(steps) - 1)
        picked = [i for i in range(first, last + 1) if arts[i] is not None]
        if not picked:
            return False
        d.programmes = [x.id for x in progs]
        d.headline = f"{progs[0].title if len(progs) == 1 else '《' + doc.title + '》'}的相应步骤："
        d.lines.append("依据：")
        for n, i in enumerate(picked, 1):
            a = arts[i]
            d.lines.insert(n - 1, f"{n}. {tidy(steps[i].text)}（{a.label}）")
            d.lines.append(self._quote_line(a, a.own_text.strip()))
            d.cites.append(self.corpus.cite_article(a, a.own_text.strip()))
        return True

    def _line_sentence(self, d: Draft, ctx: Context, lead: Sentence | None) -> Sentence | None:
        """The sentence of the deciding article that names the one line asked about (申请云上软件园还需提交第七项材料),
        where the deciding one names another line or none, in an article that tells the lines apart."""
        if lead is None or len(ctx.r.programmes) != 1:
            return lead
        mine = self.lex.line_words.get(ctx.r.programmes[0], [])
        others = [w for p, ws in self.lex.line_words.items() if p != ctx.r.programmes[0] for w in ws
                  if not any(w in m or m in w for m in mine)]
        own = [self.quoter.sentences[i] for i in self.quoter.by_article.get(lead.article.id, [])]
        # (前四项材料均需提交。 beside each line's own sentence: the article tells the lines apart)
        apart = any(w in x.text for x in own for w in others)
        if not mine or any(w in lead.text for w in mine) or not apart:
            return lead
        pick = next((x for x in own if any(w in x.text for w in mine)), None)
        if pick is None:
            return lead
        line = self._quote_line(pick.article, pick.text)
        if line not in d.lines:
            d.lines.insert(d.lines.index("依据：") + 1 if "依据：" in d.lines else len(d.lines), line)
            d.quotes.append(pick)
        return pick

    def _dated_lines(self, ctx: Context, doc: str | None = None) -> list[Sentence]:
        """The dated lines of the asked document's notice and signature block (2015年10月22日; …2015年10月23日印发)."""
        doc = doc or self._asked_doc(ctx)
        return [x for x in self.quoter.sentences if x.article.doc_id == doc and x.article.label in ("落款", "印发通知")
                and ISSUE_DATE.search(x.text) and len(x.text) <= 40]

    def _doc_number(self, ctx: Context) -> Sentence | None:
        """文号是多少: the line of the routed document that prints its number (粤工信办函〔2020〕37号)."""
        if not re.search(self.lex.doc_number_question, ctx.q):
            return None
        doc = self.corpus.docs.get(self._asked_doc(ctx) or "")
        if doc is None or not doc.doc_number:
            return None
        return next((x for x in self.quoter.sentences if x.article.doc_id == doc.id and doc.doc_number in x.text), None)

    def _attachments(self, ctx: Context) -> Sentence | None:
        """附件叫什么 / 通知附的是什么文件: the line of the routed document that lists what is attached to it."""
        if not re.search(self.lex.attachment_question, ctx.q):
            return None
        doc = self._asked_doc(ctx)
        return next((x for x in self.quoter.sentences if x.article.doc_id == doc and x.article.label == "附件"), None)

    def _addressee(self, ctx: Context) -> Sentence | None:
        """印发给谁 / 下发给哪些单位: the line of the routed document's notice it is addressed to (各镇街（园区）经信部门：)."""
        if not re.search(self.lex.addressee_question, ctx.q):
            return None
        doc = self._asked_doc(ctx)
        return next((x for x in self.quoter.sentences if x.article.doc_id == doc and x.article.label in ("印发通知", "导语")
                     and x.text.rstrip().endswith(("：", ":")) and x.text.startswith("各")), None)

    def _addressee_task(self, ctx: Context) -> Sentence | None:
        """通知让镇街经信部门干啥: the sentence of the notice asking its addressees (各镇街（园区）经信部门：) to act
        (请认真贯彻执行，并组织所辖企业做好申报工作), when the question names them and asks what they are to do."""
        if not re.search(self.lex.addressee_task, ctx.q):
            return None
        doc = self._asked_doc(ctx)
        notice = [x for x in self.quoter.sentences if x.article.doc_id == doc and x.article.label in ("印发通知", "导语")]
        to = next((x for x in notice if x.text.rstrip().endswith(("：", ":")) and x.text.startswith("各")), None)
        if to is None:
            return None
        names = [t for t in self.scope.content_words(ctx.q, ctx.r) if len(t) >= 2 and t not in GENERIC_WORDS
                 and t not in self.name_words and t in to.text]
        if not names:
            return None
        return next((x for x in notice if re.search(self.lex.request_words, x.text)), None)

    def _asked_doc(self, ctx: Context) -> str | None:
        """The document a question about a notice itself (印发日期, 文号, 印发给谁) is about: the one of its programmes
        or named, else the best-retrieved."""
        return self._lookup_doc(ctx) or next((h.chunk.article.doc_id for h in ctx.hits), None)

    def _lookup_doc(self, ctx: Context) -> str | None:
        docs = [self.reg.get(p).doc for p in ctx.programmes if p in self.reg.programmes] or ctx.r.documents[:1]
        return docs[0] if docs and docs[0] in self.corpus.docs else None

    def _positions(self, q: str) -> list[int]:
        """头一份和最后一份 / 头两样 / 最后两项: the places asked, from the front (0, 1) or the end (-1, -2)."""
        words = self.lex.step_position
        first, last = re.search(words.first_n, q), re.search(words.last_n, q)
        front = range(self.reader.small_number(first.group(1)) or 0) if first else (
            [0] if any(w in q for w in words.first) else [])
        back = range(-(self.reader.small_number(last.group(1)) or 0), 0) if last else (
            [-1] if any(w in q for w in words.last) else [])
        return [*front, *back]

    def _step_asked(self, d: Draft, ctx: Context, lead: Sentence, at: int | None = None
                    ) -> tuple[Article, str, str] | None:
        """第一步 / 最后一步 / 最后一项: the first or last item of the list or procedure the quotes lead to.

        A quote that refers to an annex for the procedure (流程详见附件1) leads to that annex; otherwise the
        list the deciding sentence belongs to.
        """
        words = self.lex.step_position
        first = any(w in ctx.q for w in words.first)
        last = any(w in ctx.q for w in words.last)
        places = self._positions(ctx.q)
        if at is None and len(places) >= 2:
            at = places[0]  # 头一份和最后一份 / 头两样: each place in turn, the first here
        if at is not None:
            first, last = at == 0, at == -1
        m = re.search(words.nth, ctx.q) if words.nth and not (first or last) and at is None else None
        nth = self.reader.small_number(m.group(1)) if m else None
        done = self._step_done(ctx.q)
        if done is not None and not (first or last or nth):
            return self._step_after(lead, done)
        if nth is not None and nth > 1:
            first = last = False
        elif nth == 1:
            first, nth = True, None
        elif first == last and at is None:
            return None
        doc = self.corpus.docs[lead.article.doc_id]
        target = None
        for x in d.quotes:
            m = re.search(r"详见(附件\s*\d+)", x.text)
            if m and self._quote_matches_question(ctx, x.text):
                target = doc.article_by_label(m.group(1).replace(" ", ""))
                break
        # Of the lists near, the first whose opening names the kind of list asked for (材料: 第六条, not 第四条's 条件).
        noun = next((w for w in words.list_nouns if w in ctx.q), None)
        lists = [target] if target is not None else self._lists_near(d, ctx, lead)
        if noun and target is None and not any(noun in f"{x.heading}{x.own_text}" for x in lists):
            # 东莞认定材料最后一项: the document's list of that kind, where retrieval brought only another list
            lists += [x for x in doc.articles.values() if len(x.children) >= 2 and noun in f"{x.heading}{x.own_text}"
                      and x.kind not in ("chapter", "preface", "annex")][:1]
        if not lists:
            return None
        target = next((x for x in lists if noun and noun in f"{x.heading}{x.own_text}"), lists[0])
        kids = [self.corpus.article(c) for c in target.children]
        if (nth is not None and nth > len(kids)) or (at is not None and not -len(kids) <= at < len(kids)):
            return None
        pick = kids[nth - 1] if nth else kids[at] if at is not None else (kids[0] if first else kids[-1])
        sentences = self.quoter.quotable(pick) or [pick.own_text.strip()]
        sentence = next((x for x in sentences if x.strip()), "")
        if not sentence:
            return None
        if at is not None and at != -1:
            nth = at + 1 if at >= 0 else len(kids) + at + 1
        label = words.nth_label.format(n=nth) if nth else (words.first_label if first else words.last_label)
        return pick, sentence, label

    def _lists_near(self, d: Draft, ctx: Context, lead: Sentence) -> list[Article]:
        """The list the deciding sentence belongs to, then the quoted or retrieved articles that are lists."""
        lists: list[Article] = []
        for art in [lead.article, *(x.article for x in d.quotes), *(h.chunk.article for h in ctx.hits)]:
            if art.doc_id != lead.article.doc_id:
                continue
            up = self.corpus.article(art.parent) if art.parent else None
            found = self._list_parent(art) or (art if art.children else None) or (
                up if up is not None and up.kind not in ("chapter", "preface", "annex") else None)
            if found is not None and len(found.children) >= 2 and found not in lists:
                lists.append(found)
        return lists

    def _besides(self, d: Draft, ctx: Context, lead: Sentence) -> tuple[str, list[tuple[Article, str]]] | None:
        """除了典型案例以外，还要写哪些: the other items of the list whose item names the thing set aside."""
        m = re.search(self.lex.besides_question, ctx.q)
        if m is None:
            return None
        aside = squash(m.group(1))
        for target in self._lists_near(d, ctx, lead)[:1]:
            kids = [self.corpus.article(c) for c in target.children]
            items = [(k, next((x for x in self.quoter.quotable(k) if x.strip()), k.own_text.strip())) for k in kids]
            named = [k for k, text in items if len(aside) >= 2 and (
                aside in squash(text) or squash(text).rstrip("。；;") in aside or aside in squash(k.heading or ""))]
            rest = [(k, text) for k, text in items if k not in named and text]
            if named and rest:
                return m.group(1), rest
        return None

    def _step_done(self, q: str) -> str | None:
        """The step a question says is done, when it asks what comes next (初审过了以后…下一道: 初审)."""
        words = self.lex.step_position
        if not any(w in q for w in words.next):
            return None
        done = "|".join(map(re.escape, sorted(words.done_before, key=len, reverse=True)))
        m = re.search(rf"(?:{done})([\u4e00-\u9fff]+)", q)  # 已经过了…专家初审: the step after the words
        if m and len(m.group(1)) >= 2:
            return m.group(1)[-4:]
        at = min((q.find(w) for w in words.after if w in q), default=-1)
        if at < 0:
            return None
        run = re.findall(r"[\u4e00-\u9fff]+", q[:at])
        return run[-1][-4:] if run and len(run[-1]) >= 2 else None

    def _step_after(self, lead: Sentence, done: str) -> tuple[Article, str, str] | None:
        """The step after the one named ``done`` in the procedure the deciding sentence belongs to."""
        for art in [lead.article, *([self.corpus.article(lead.article.parent)] if lead.article.parent else [])]:
            target = self._list_parent(art) or (art if art.children else None)
            if target is None or len(target.children) < 2:
                continue
            kids = [self.corpus.article(c) for c in target.children]
            for k in range(len(done), 1, -1):
                hit = next((n for n, kid in enumerate(kids) if done[-k:] in kid.own_text), None)
                if hit is not None:
                    if hit + 1 >= len(kids):
                        return None
                    pick = kids[hit + 1]
                    sentence = next((x for x in self.quoter.quotable(pick) if x.strip()), pick.own_text.strip())
                    return (pick, sentence, self.lex.step_position.next_label) if sentence else None
        return None

    def _quote_matches_question(self, ctx: Context, text: str) -> bool:
        """The sentence speaks of what the question names (认定流程 / 评价流程), not of a neighbouring procedure."""
        grams = {ctx.q[i:i + 2] for i in range(len(ctx.q) - 1)}
        m = re.search(r"([\u4e00-\u9fff]{2})(?:基本)?(?:流程|程序)", ctx.q)
        # 省资源池认定，整个流程…: a procedure the sentence names (认定基本流程) and the question names elsewhere.
        named = any(re.search(rf"{re.escape(g)}(?:基本)?(?:流程|程序)", text) for g in grams)
        return m is None or m.group(1) in text or not grams or named

    def _list_parent(self, art: Article) -> Article | None:
        """The list an item belongs to (or the item's own list), when its items are short.

        An item that says more than a list line (its own sentence) stands alone.
        """
        if not art.children and len(art.own_text) > LIST_ITEM_CHARS // 2:
            return None
        for node in (art, self.corpus.article(art.parent) if art.parent else None):
            if node is not None and node.children and node.kind not in ("chapter", "annex", "preface"):
                kids = [self.corpus.article(c) for c in node.children]
                if len(kids) >= 2 and all(len(k.text) <= LIST_ITEM_CHARS for k in kids):
                    return node
        return None

    @staticmethod
    def _form_fields(form: Article) -> list[str]:
        """The fields of a form, each a line of it as printed (云服务商名称, 合同金额, ...): not its title, not the
        numbers of its blank rows, not the sentences of its declaration."""
        out = []
        for line in form.text.split("\n"):
            x = line.strip()
            if x and x != form.heading and not re.fullmatch(r"[\d\s]+", x) and not re.search(r"[。，；]", x) \
                    and len(x) <= 20 and x not in out:
                out.append(x)
        return out

    def _list_block(self, parent: Article) -> str | None:
        """A short list article quoted whole (its items in order), when it is verbatim-safe and not too long."""
        doc = self.corpus.docs[parent.doc_id]
        text = parent.text
        if len(text) > LIST_BLOCK_CHARS or any(rep in text for rep in [*doc.repaired, *doc.unquotable]):
            return None
        return tidy(text.replace("\n", " "))

    def _quote_line(self, art: Article, quote: str) -> str:
        doc = self.corpus.docs[art.doc_id]
        num = f"（{doc.doc_number}）" if doc.doc_number else ""
        return f"《{doc.title}》{num}{art.label}：“{tidy(quote)}”"

    def _quote_line_cite(self, c: Citation) -> str:
        num = f"（{c.doc_number}）" if c.doc_number else ""
        return f"依据：《{c.title}》{num}{c.article}：“{tidy(c.quote)}”"

    def _without_conditions(self, text: str, dates: bool = False, asked: str = "") -> str:
        """``text`` without the periods that are conditions, not time limits (成立时间不低于1年, 申请认定前三年内), unless
        the question ``asked`` is about what the condition counts (要求企业成立多久); ``dates``: without days of the
        calendar either (2019年, 5月20日 are no spans)."""
        if dates:
            text = re.sub(r"\d{4}\s*年|\d{1,2}\s*月\s*\d{1,2}\s*[日号]", " ", text)

        def drop(m: re.Match) -> str:
            before = text[max(0, m.start() - 6):m.start()]
            about = re.search(self.lex.requirement_cue, asked) and any(
                before[i:i + 2] in asked for i in range(len(before) - 1))
            return m.group(0) if about else " "

        return re.sub(rf"(?:{'|'.join(map(re.escape, self.lex.condition_periods))})\s*(?:{DURATION.pattern})", drop, text)

    def _frequency(self, ctx: Context, lead: Sentence, quotes: list[Sentence]) -> tuple[str, Sentence | None]:
        """资质复核多久一次: the frequency of what is asked (每年需进行资质复核), not another thing's period (有效期三年).
        Among the quotes and the sentences of the deciding document, the one that says most of what is asked; silent
        when none states how often."""
        r = ctx.r
        words = [t for t in self.scope.content_words(r.question, r) if t not in GENERIC_WORDS
                 and not re.fullmatch(r"[一二两三四五六七八九十\d]+[次回]", t)]
        # 多久要向市经信局报一次: the act between the question word and 一次 (offices and light words aside) is what
        # the frequency is of, and the clause giving the frequency says it
        asked = re.search(r"(?:多久|多长时间|几年|多少年)(.{1,10}?)一(?:次|回)", r.question)
        find, _canon = self._actor_names
        act = re.sub(rf"{find.pattern}|[要得需向到给把将去来再都就还]", "", asked.group(1)) if asked else ""
        act = act if re.fullmatch(r"[\u4e00-\u9fff]{1,2}", act) else ""
        same_doc = [x for x in self.quoter.sentences if x.article.doc_id == lead.article.doc_id]
        found = [(x, m) for x in [lead, *(q for q in quotes if q is not lead), *same_doc]
                 if (m := re.search(self.lex.frequency_value, tidy(x.text))) and (
                     self._speaks_of(x.text, r) or (act and act in m.group(0)))]
        if not found:
            near = self._nearest_step(ctx, lead)  # 多久结一次账 → 区科工商信局定期审核结算
            own = {near.article.id, lead.article.id}
            vague = next((x for x in [near, lead, *(x for x in same_doc if x.article.id in own)]
                          if (m := re.search(self.lex.vague_frequency, x.text))), None)
            if vague is not None:  # 定期审核申请: how often is left to the office
                said = re.search(self.lex.vague_frequency, vague.text).group(0)
                return (f"文件未作规定：文件没有写明多久一次，只写明“{said}”（{vague.article.label}：“{tidy(vague.text)}”），"
                        f"请以主管部门解释为准。"), (vague if vague is not lead else None)
            return (f"文件未作规定：文件没有写明多久一次，最接近的条文是{near.article.label}（“{tidy(near.text)}”），"
                    f"请以主管部门解释为准。"), (near if near is not lead else None)

        def score(f: tuple[Sentence, re.Match]) -> tuple[bool, int]:
            return (bool(act) and act in f[1].group(0), sum(self._says(t, f[0].text) for t in words))

        x, m = max(found, key=score)  # (max keeps the first of equals)
        return f"频次：{m.group(0).strip()}（{x.article.label}：“{tidy(x.text)}”）", x

    def _headline_from(self, lead: Sentence | None, r: Reading, quotes: list[Sentence] | None = None) -> str:
        """The answer's first line from the deciding sentence: its time limit when one is asked, else its key clause.
        A time limit of another thing gives way to one among the other quotes that speaks of what is asked."""
        if lead is None:
            return ""
        text = tidy(lead.text)
        if "deadline" in r.intents:
            act = re.search(self.lex.span_of_act, r.question)
            if act is not None and not re.search(re.escape(act.group(1)) + self.lex.span_after_act, text):
                # 公示几天 against 可于公示期及公示结束之日起5个工作日内…提出书面复核申请: the sentence giving the span
                # right after the act (公示5个工作日) answers
                right = next((x for x in quotes or [] if re.search(re.escape(act.group(1)) + self.lex.span_after_act,
                                                                   tidy(x.text))), None)
                if right is not None:
                    lead, text = right, tidy(right.text)
            spans = DURATION.findall(self._without_conditions(text, dates=True, asked=r.question))
            if len(spans) == 1 and not self._speaks_of(lead.text, r):
                words = [t for t in self.scope.content_words(r.question, r) if t not in GENERIC_WORDS]
                timed = [x for x in quotes or [] if len(DURATION.findall(self._without_conditions(tidy(x.text), dates=True, asked=r.question))) == 1
                         and self._speaks_of(x.text, r)]
                if timed:  # 复核 几天内受理: 收到复核申请后，在5个工作日内…决定是否受理, not 开通后30天内未使用
                    lead = max(timed, key=lambda x: sum(self._says(t, x.text) for t in words))
                    text = tidy(lead.text)
                    spans = DURATION.findall(self._without_conditions(text, dates=True, asked=r.question))
            since = re.search(r"([\u4e00-\u9fff]{2})(?:之|以)?后", r.question)
            if len(spans) == 1 and since is not None:
                # 受理后几天出决定: the time counted from 受理 (受理之日起15个工作日内作出), not from another act
                def runs_from(x: Sentence) -> bool:
                    return bool(re.search(re.escape(since.group(1)) + r"(?:之日起|之日|之后|以后|后)", x.text))

                focus = [t for t in self.quoter.focus(r.question) if t not in GENERIC_WORDS]  # (出决定 → 决定)
                later = [x for x in quotes or [] if x is not lead and runs_from(x) and self._speaks_of(x.text, r)
                         and (not focus or any(self._says(t, x.text) for t in focus))
                         and len(DURATION.findall(self._without_conditions(tidy(x.text), dates=True,
                                                                           asked=r.question))) == 1]
                if not runs_from(lead) and later:
                    lead = later[0]
                    text = tidy(lead.text)
                    spans = DURATION.findall(self._without_conditions(text, dates=True, asked=r.question))
            if len(spans) == 1:
                if not self._speaks_of(lead.text, r):  # 多久能拿到券 against 开通后30天内未使用: another period
                    return (f"{UNSTATED_TIME}，最接近的条文是{lead.article.label}，"
                            f"请以主管部门解释为准。")
                return f"时限：{spans[0]}（{lead.article.label}：“{text}”）"
            dated = [c for c in re.split(r"[，,；;。]", text) if re.search(r"\d{1,2}\s*月\s*\d{1,2}\s*日", c)]
            if not spans and len(dated) == 1 and self._speaks_of(lead.text, r):
                return f"时限：{dated[0].strip()}（{lead.article.label}）"  # 名称变更截止哪天: 于5月20日…前将变更申请提交
        fields = [x for x in self._form_fields(lead.article) if not re.search(r"[：:□]", x)] if (
            lead.article.label.startswith("附件") and FORM_QUESTION.search(r.question)) else []
        if len(fields) >= FORM_MIN_FIELDS:  # 基本情况要填哪些: the fields of that part of the form
            return f"{lead.article.label}列有以下栏目：{'、'.join(fields)}"
        body = [x for x in lead.article.sentences() if x.strip()]
        if len(body) > 1 and tidy(body[0]) == text and len(squash(text)) <= TITLE_LINE_CHARS:
            text = tidy(body[1])  # （三）典型案例情况。 heads the part: the sentence after it says what it holds
        clause = None if "definition" in r.intents else self.quoter.key_clause(text, r.question, self._asked(r))
        find, _canon = self._actor_names
        if clause and re.search(self.lex.who_question, r.question) and not find.search(clause) and find.search(text):
            clause = None  # 由哪个机构组织 against 每年组织开展…认定: the sentence, which names the office, answers
        items = self._items_of(lead)
        if items:  # 还需再提交第八项材料: say what the eighth item is
            named = "；".join(f"{a.label}“{tidy(a.own_text)}”" for a in items)
            return f"{text}（{lead.article.label}）：{named}"
        return f"{clause}（{lead.article.label}）" if clause else f"{text}（{lead.article.label}）"

    def _refuse(self, why: str) -> Draft:
        covered = "、".join(f"《{doc.title}》" for doc in self.corpus.docs.values())
        return Draft(headline=f"{why}，无法依据政策原文作答。本系统收录的政策为：{covered}。", refused=True)

    def _unique(self, cites: list[Citation]) -> list[Citation]:
        seen, out = set(), []
        for c in cites:
            if not isinstance(c, Citation):
                c = Citation(**c.model_dump()) if hasattr(c, "model_dump") else Citation(**c)
            key = (c.doc_id, c.article, squash(c.quote))
            if key not in seen:
                seen.add(key)
                out.append(c.model_copy(update={"quote": tidy(c.quote)}))
        return out


def _add_years(day: dt.date, n: int) -> dt.date:
    """The same day ``n`` years later (or earlier); 29 February becomes the 28th in other years."""
    try:
        return day.replace(year=day.year + n)
    except ValueError:
        return day.replace(year=day.year + n, day=28)


def _longest_common(a: str, b: str) -> str:
    """The longest run of characters two texts share."""
    best = ""
    for i in range(len(a)):
        for j in range(i + len(best) + 1, len(a) + 1):
            if a[i:j] in b:
                best = a[i:j]
            else:
                break
    return best


def _distinct(a: str, b: str) -> str:
    """What ``a`` says that ``b`` does not, between their shared opening and ending (…企业认定基本流程 → 认定)."""
    def shared(x: str, y: str) -> int:  # how many characters the two open with
        return next((i for i, (p, q) in enumerate(zip(x, y, strict=False)) if p != q), min(len(x), len(y)))

    head, tail = shared(a, b), shared(a[::-1], b[::-1])
    return a[head:len(a) - tail] if head + tail < len(a) else ""


def estimating_query_cap() -> int:
    return QUERY_CHARS


def _cited(text: str, cite: Citation) -> str:
    """A statement followed by its article, without repeating a label the statement already starts with."""
    text = tidy(text)
    if text.startswith(cite.article):
        text = text[len(cite.article):].lstrip("：: ")
    return f"{text}（{cite.article}）"


def _sets(rule, fields: list[str]) -> bool:
    """The rule requires a value of one of ``fields``: a place rule that leaves units elsewhere unknown (文件未规定须在
    广东省注册) sets no place of registration."""
    data = rule.model_dump(by_alias=False) if hasattr(rule, "model_dump") else {}
    if "region" in fields and data.get("region") is not None and data.get("outside") == "unknown":
        return False
    return bool(_rule_fields(rule) & set(fields))


def _rule_fields(rule) -> set[str]:
    """The profile fields a rule reads (``region`` for a place rule)."""
    out: set[str] = set()
    data = rule.model_dump(by_alias=False) if hasattr(rule, "model_dump") else {}
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if node.get("field"):
                out.add(node["field"])
            if node.get("region") is not None:
                out.add("region")
            stack.extend(v for v in node.values() if isinstance(v, (dict, list)))
        elif isinstance(node, list):
            stack.extend(node)
    return out


_FIELD_WORDS = {
    "side": "是企业还是服务商", "province": "注册省份", "city": "注册城市", "district": "注册区县",
    "independent_legal_person": "是否独立法人", "org_type": "单位类型", "industrial": "是否工业企业",
    "software_it": "是否软件和信息技术服务企业", "four_above": "是否“四上”企业", "hq_enterprise": "是否总部企业",
    "new_key_investment": "是否新招商重点企业", "has_local_factory": "当地是否有工厂或车间", "established_on": "成立日期",
    "annual_tax_cny": "上年度全库纳税额", "paid_in_capital_cny": "实缴注册资本", "first_cloud_purchase": "是否首次购买云服务",
    "bad_credit_record": "是否有不良信用记录", "dishonest_record": "是否有失信行为",
    "fiscal_violation_5y": "近5年财政资金违法违规情况", "cluster_pilot": "是否产业集群试点",
    "received_programmes": "已享受过的补助", "experts": "专家人数", "software_products": "软件产品数",
    "enterprises_served_per_year": "年服务企业数", "qualified_staff_ratio": "专业人员比例",
    "service_revenue_cny": "年服务收入", "security_certifications": "信息安全认证", "violations_3y": "近3年重大违法记录",
}


def _profile_fields() -> set[str]:
    from navigator.service import Profile

    return set(Profile.model_fields)
