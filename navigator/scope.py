"""Scope: whether the corpus covers a question, and which documents a question is routed to.

A question about a place no document covers, a voucher or topic the texts do not name, or nothing of
these policies at all is refused with the reason in words. The word lists are data
(``knowledge/lexicon.yaml``); the texts themselves decide whether a word is covered.
"""

from __future__ import annotations

import re

from navigator.corpus import Corpus, squash
from navigator.reading import Lexicon, Reader, Reading
from navigator.retrieval import jieba_tokenizer

ROUTE_MARGIN = 0.5  # documents within this score of the best are searched together
TEXT_PHRASE = 4  # characters of a run of the texts that make a question speak of them (成立时间, 年度评价)


QUOTE_MARKS = re.compile(r"[“”‘’\"']")

class Scope:
    """Decides what the corpus covers."""

    def __init__(self, corpus: Corpus, reader: Reader, lex: Lexicon):
        self.corpus = corpus
        self.reader = reader
        self.lex = lex
        self.text_all = squash("".join(d.body for d in corpus.docs.values()))
        # Each text without its quotation marks (资源池暨“上云上平台”供应商申报 as a caller types it, unquoted).
        self.bare_bodies = {d.id: QUOTE_MARKS.sub("", squash(d.body)) for d in corpus.docs.values()}
        self.text_bare = "".join(self.bare_bodies.values())
        self.chars = set(self.text_all)
        self.jieba = jieba_tokenizer()
        import jieba.posseg

        self._pos = jieba.posseg.dt  # tags words with the same dictionary as self.jieba
        # Words asking for an attribute that the texts use (电话, 材料): a question word, not a topic (打电话).
        self.asking = sorted({w for ws in lex.intents.values() for w in ws if len(w) > 1 and squash(w) in self.text_all},
                             key=len, reverse=True)

    def covered(self, place) -> bool:
        """Whether some document's region holds the place (or the place holds it)."""
        return any(self.reader.inside(d.region, place) for d in self.corpus.docs.values())

    def content_words(self, q: str, r: Reading) -> list[str]:
        """The question's topic words: not question words, not place names."""
        tokens = [t for t in self.jieba.lcut(q) if len(t) > 1 and re.search(r"[\u4e00-\u9fff]", t)]
        place_words = {p.text for p in r.places}
        return [t for t in tokens if t not in self.lex.question_words and t not in place_words
                and not any(t in p or p in t for p in place_words)]

    def kinds(self, q: str) -> dict[str, str]:
        """The part of speech of each word of ``q`` (jieba's tags: n noun, v verb, p preposition...)."""
        return {w.word: w.flag for w in self._pos.cut(q)}

    def unknown_words(self, q: str, r: Reading, kinds: dict[str, str] | None = None) -> list[str]:
        """Topic words that occur nowhere in the texts: names of things (房价, 天气) and words with characters the
        texts never use (下雪, 攻略), not verbs or function words (写明, 之后, 除了), numerals or measure words."""
        out = []
        kinds = kinds if kinds is not None else self.kinds(q)
        for t in self.content_words(q, r):
            if kinds.get(t, "n")[:1] not in self.lex.topic_word_kinds and all(c in self.chars for c in t):
                continue  # 写明, 之后, 除了: a verb or function word made of the texts' own characters
            if self.function_word(t, kinds) or t in self.lex.plain_words:
                continue  # 刚好, 天给 (多少天|给结果), 今天: no name of a thing
            if t not in kinds and all(k[:1] in ("v", "u", "d") for k in self.kinds(t).values()):
                continue  # 拿过 (拿|过 to the tagger): a verb and its aspect, no name of a thing
            if t in self.lex.yes_no.defer or t in self.lex.yes_no.skip or t in self.lex.yes_no.markers \
                    or t in self.lex.spelled_otherwise:  # 县区 for 县（市）、区; 往后
                continue  # 再交, 不交: putting off or leaving out an act, asked about as such; 是不是: asking
            if self.voucher_act(t):
                continue  # 领券, 用券: the voucher of the texts and a verb
            if any(w in t and len(t) - len(w) <= 1 for w in self.asking):
                continue  # 打电话, 交材料: how an attribute of a programme is asked for
            if len(t) >= 2 and t[0] in self.lex.adverb_prefixes and all(c in self.chars for c in t[1:]):
                continue  # 先报, 再审: an act of the texts and when
            end = next((c for c in self.lex.result_complements if t.endswith(c) and len(t) > len(c)), None)
            if end and all(c in self.chars for c in t[:-len(end)]):
                continue  # 审完, 交齐, 补上去, 用起来: an act of the texts and how it ended
            at = q.find(t)
            if t[0] in self.lex.date_units and at > 0 and q[at - 1].isdigit() and all(c in self.lex.adverb_prefixes for c in t[1:]):
                continue  # 5月22日才交: a date and when, cut across by the segmenter
            if self._kin_in_texts(t) or (end and self._kin_in_texts(t[:-len(end)])):
                continue  # 退回来: a word the lexicon gives as kin of the texts' own (返还)
            if squash(t) in self.text_all or re.fullmatch(r"[\d一二两三四五六七八九十百千万亿几半每各某这那哪此该本][\u4e00-\u9fff]?", t) \
                    or re.fullmatch(r"[\d一二两三四五六七八九十百千万亿零〇点.,]+[元块万亿千]*", t):
                continue
            rest = next((t[len(w):] for w in self.lex.question_words if t.startswith(w)), None)
            if rest is not None and len(rest) <= 1:
                continue  # 最多补, 怎么补: a question word with a character stuck to it
            if self._straddles(q, t) or any(squash(t[:k]) in self.text_all and squash(t[k:]) in self.text_all
                                            for k in range(2, len(t) - 1)):
                continue  # 公司财务: two words of the texts the segmenter joined
            out.append(t)
        return out

    def kin(self, word: str) -> list[str]:
        """The word and its synonyms in the lexicon."""
        return [word, *(w for g in self.lex.synonyms if word in g for w in g if w != word)]

    def _kin_in_texts(self, word: str) -> bool:
        """A word of one of the lexicon's synonym groups another of whose words the texts use (退回 → 返还)."""
        return any(squash(w) in self.text_all for w in self.kin(word)[1:])

    def function_word(self, word: str, kinds: dict[str, str]) -> bool:
        """An adverb, pronoun, measure word or particle (刚好, 这么), or a piece the segmenter cut across two such
        words or across one and a word of the texts (天给: 多少天 | 给结果)."""
        fw = tuple(self.lex.function_word_kinds)
        if word in kinds:
            return kinds[word].startswith(fw)
        pieces = list(self._pos.cut(word))
        return len(pieces) > 1 and all(p.flag.startswith(fw) or squash(p.word) in self.text_all for p in pieces) \
            and any(p.flag.startswith(fw) for p in pieces)

    def voucher_act(self, word: str) -> bool:
        """领券, 能领券, 用券: a verb and the voucher of the texts, not a voucher of another name."""
        return word.endswith(("券", "劵")) and word[:-1].lstrip("能可以就再还去") in self.lex.voucher_verbs

    def _straddles(self, q: str, word: str) -> bool:
        """A two-character piece the segmenter cut across a phrase of the texts (找|市工信局, 多少天|未使用): one of
        its characters belongs to a run of the question the texts contain, the other stands alone."""
        if len(word) != 2:
            return False
        at = q.find(word)
        if at < 0:
            return False
        for p, other in ((at, at + 1), (at + 1, at)):
            for a in range(max(0, p - 5), p + 1):
                for b in range(p + 2, min(len(q), p + 7) + 1):
                    if a <= other < b:
                        continue  # the run must leave the other character out
                    if re.fullmatch(r"[\u4e00-\u9fff]+", q[a:b]) and squash(q[a:b]) in self.text_all:
                        return True
        return False

    def text_phrases(self, q: str, unknown: list[str], bare: bool = False) -> list[str]:
        """Runs of the texts' own words in the question (成立时间, 有独立法人资格, 服务开通后), at least
        ``TEXT_PHRASE`` characters long, leaving out place names, question words and a run that is part of a name
        the texts do not know (机器换人|专项资金: another programme's fund; 社保缴费|基数)."""
        for s in sorted({x[2] for x in self.reader.gaz.spans(q)}, key=len, reverse=True):
            q = q.replace(s, "，")
        for w in sorted(self.lex.question_words, key=len, reverse=True):
            q = q.replace(w, "，")
        found = []
        for run in re.findall(r"[\u4e00-\u9fff]+", q):
            at = 0
            while at <= len(run) - TEXT_PHRASE:
                text = self.text_bare if bare else self.text_all  # bare: the texts without quotation marks
                end = next((j for j in range(len(run), at + TEXT_PHRASE - 1, -1)
                            if squash(run[at:j]) in text), None)
                if end is None:
                    at += 1
                    continue
                if not any(run[:at].endswith(u) or run[end:].startswith(u) for u in unknown):
                    found.append(run[at:end])
                at = end
        return found

    def anchored(self, q: str) -> tuple[list[str], list[str]]:
        """The domain words of the question (上云, 服务券...), strong and weak; place names do not count (白云)."""
        for s in sorted({x[2] for x in self.reader.gaz.spans(q)} | self.reader.gaz.landmarks, key=len, reverse=True):
            q = q.replace(s, " ")
        return [a for a in self.lex.anchors if a in q], [a for a in self.lex.weak_anchors if a in q]

    def out_of_scope(self, r: Reading) -> str | None:
        """Why the corpus does not cover the question, or None when it may."""
        q = r.question
        request = self.other_request(q)
        if request:  # the request as said, to the end of its clause (推荐几只股票, not 推荐几只)
            said = re.split(r"[，。；;！!？?\s]", q[q.find(request):])[0][:16].rstrip("吧吗呢啊呀哈")
            return f"问题不在现有企业上云政策的范围内（“{said or request}”不是政策问题）"
        uncovered = self.uncovered_place(r)
        if uncovered:
            return uncovered
        for m in re.finditer(r"([\u4e00-\u9fff]{1,6})[券劵]", q):
            words = self.jieba.lcut(m.group(1))
            term = (words[-1] if words else "") + "券"
            if len(term) < 3 or words[-1] in self.lex.question_words or re.fullmatch(r"[的个张些这该此种年类]券", term) \
                    or re.fullmatch(r"(?:[\d一二两三四五六七八九十几多每各哪这那该此本其别]+[的个张些种类份项批]?)券", term) \
                    or words[-1] in self.lex.voucher_verbs or words[-1].lstrip("能可以就再还去") in self.lex.voucher_verbs \
                    or words[-1][-1:] in self.lex.voucher_verbs \
                    or words[-1] in self.lex.sequence_words or self.kinds(words[-1]).get(words[-1], "")[:1] in tuple("cdfrt"):
                continue  # 的券, 这券: the voucher of the texts, named loosely; 领到券, 能领券: a verb and the voucher;
                # 接下来券怎么发, 然后券: a word of order or an adverb before it
            if not any(term.endswith(v) or v.endswith(term) for v in self.lex.voucher_names) \
                    and squash(term) not in self.text_all:
                return f"现有政策库未收录“{term}”"
        for m in re.finditer(r"(20\d\d)\s*年(?:度)?(?:的)?(?:[\u4e00-\u9fff“”\"]{0,14})(?:服务券|补贴|补助|政策|通知|申领工作)", q):
            year = m.group(1)
            if re.match(r"20\d\d\s*年\s*\d", m.group(0)) or re.match(
                    r"20\d\d\s*年(?:度)?\s*(?:申请|申报|申领|想|准备|打算|能|可以|还|再|去|要|已经|已|就|才|曾|刚|拿|领|获)",
                    m.group(0)):
                continue  # 2024年申请伊春的补助 / 2022年已经拿过一次补助: the year of an act, not of a policy
            candidates = [d for d in self.corpus.docs.values() if not r.places or
                          any(self.reader.inside(d.region, p) for p in self.reader.most_specific(r.places))]
            if candidates and not any(year in d.title or year in d.aliases or str(d.issued_on.year) == year
                                      for d in candidates):
                return f"现有政策库未收录{year}年的相关政策"
        topic = self.other_topic(q)
        strong, weak_words = self.anchored(q)
        # (伊春那补助拿到手要不要交企业所得税: the tax of a named programme's money, which the texts leave open)
        taxed = topic in self.lex.tax_words and bool(r.documents) and any(w in weak_words for w in self.lex.subsidy_words)
        if topic and squash(topic) not in self.text_all and not strong and not taxed:
            return f"现有政策库未收录关于“{topic}”的政策"
        for m in re.finditer(r"([\u4e00-\u9fff]{2,4})(?:补贴|补助|资助|奖励)", q):  # 广州市社保补贴: another subject's
            words = self.jieba.lcut(m.group(1))
            if words and words[-1] in self.lex.other_topics:
                return f"现有政策库未收录关于“{words[-1]}{m.group(0)[len(m.group(1)):]}”的政策"
        if not r.documents:
            for m in re.finditer(r"([\u4e00-\u9fff]{2,4})(?:补贴|补助|资助|奖励)", q):
                words = self.jieba.lcut(m.group(1))
                if words and len(words[-1]) > 1 and squash(words[-1]) not in self.text_all \
                        and words[-1] not in self.lex.question_words:
                    return f"现有政策库未收录关于“{words[-1]}{m.group(0)[len(m.group(1)):]}”的政策"
        anchors, weak = self.anchored(q)
        kinds = self.kinds(q)
        unknown = self.unknown_words(q, r, kinds)
        if weak:  # 初审被退回: with a word of these programmes, an unknown act (a verb) says how, not what about
            unknown = [t for t in unknown if kinds.get(t, "n")[:1] != "v"]
        if r.documents:  # 伊春这补助，一家厂能领几回: a run the segmenter joined (厂能领) names no topic of its own
            unknown = [t for t in unknown if t in kinds and kinds[t] is not None]
        topic = bool(self.reader.lines_named(q) or self.reader.topic_documents(q))
        phrases = self.text_phrases(q, unknown)  # the question speaks of the texts; other words say who asks
        # 东莞认定要交营业执照原件吗: one odd word beside a document's act (not a subsidy: 人才住房补贴 is another's)
        money = set(self.lex.subsidy_words)
        named = bool(r.documents) and len(unknown) == 1 and (any(w not in money for w in weak) or (
            bool(weak) and unknown[0].endswith(tuple(self.lex.asker_suffixes))) or (  # 伊春的补助能给外资企业吗
            bool(weak) and any(unknown[0] in w for w in self.lex.tax_words)))  # 伊春那补助要不要交所得税
        if not anchors and unknown and not topic and not phrases and not named:
            return f"现有政策库未收录关于“{unknown[0]}”的政策"
        if not r.documents and not anchors and not weak and not r.programmes and not phrases:
            return "问题不在现有企业上云政策的范围内"
        if not r.documents and len(unknown) >= 2 and len(anchors) <= 1 and not phrases:
            return "问题不在现有企业上云政策的范围内"
        return None

    def other_request(self, q: str) -> str | None:
        """A request for another kind of writing (写一首诗, 讲个笑话): refused whatever it is about."""
        return next((w for w in self.lex.other_requests if w in q), None)

    def other_topic(self, q: str) -> str | None:
        """A subject of other policies the question names (个人所得税, 社保), when the texts never speak of it."""
        return next((t for t in self.lex.other_topics if t in q and squash(t) not in self.text_all), None)

    def uncovered_place(self, r: Reading) -> str | None:
        """The refusal for a question about places no document covers (杭州, 苏州工业园区)."""
        specific = self.reader.most_specific(r.places)
        if specific and not any(self.covered(p) for p in specific):
            names = "、".join(dict.fromkeys(p.name for p in specific))
            return f"现有政策库未收录{names}的相关政策"
        return None

    def excluded_city(self, r: Reading, programme) -> tuple[str, object] | None:
        """(city, exclusion) when the question's city is one the programme excludes (深圳市除外)."""
        calc = programme.calculator
        for p in self.reader.most_specific(r.places):
            if self.said_not_in(r, p):
                continue
            city = self.reader.chain(p.level, p.name).get("city")
            for ex in getattr(calc, "excluded", None) or []:
                if ex.city == city:
                    return city, ex
        return None

    def said_not_in(self, r: Reading, place) -> bool:
        """不在深圳，也不在珠三角: a place the asker says it is not in."""
        at = r.question.find(place.text)
        return at >= 0 and bool(re.search(self.lex.not_in_place, r.question[max(0, at - 3):at]))

    def routed(self, doc_scores: dict[str, float]) -> set[str]:
        """Documents a question is searched in: the best-scored and those close to it."""
        if not doc_scores:
            return set()
        best = max(doc_scores.values())
        return {d for d, s in doc_scores.items() if s >= best - ROUTE_MARGIN}
