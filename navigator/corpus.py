"""The policy texts as dated documents and trees of citable articles.

Each file in ``knowledge/policies/`` holds one document: YAML front matter
(id, title, 文号, issuer, dates, region, seed file) and the verbatim text,
one paragraph per block. ``parse_articles`` turns the text into a tree of
articles (第X章 / 第X条 / （一） / 1. and 一、 / （一） / 1. / 附件N), each with
the label a Chinese reader would cite.

Policies added at run time live in the data directory
(``navigator.policy_store``); ``load_corpus`` returns the shipped texts and
the added ones, each in its latest version or in the version in force on a
given date.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from calculators.models import Citation
from navigator.ingest.meta import PolicyMeta, meta_error

KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"
POLICIES = KNOWLEDGE / "policies"

_NUM = "一二三四五六七八九十百零"
# Structural markers, outermost first. rank orders nesting inside one document part.
_MARKERS: list[tuple[str, int, re.Pattern[str]]] = [
    ("annex", 0, re.compile(r"^附件\s*(\d+)$")),
    ("chapter", 1, re.compile(rf"^(第[{_NUM}]+章)\s*(.*)$")),
    ("article", 2, re.compile(rf"^(第[{_NUM}]+条)\s*(.*)$")),
    ("section", 2, re.compile(rf"^([{_NUM}]+)、\s*(.*)$")),
    ("annex_list", 2, re.compile(r"^(附件)[：:]\s*(.*)$")),
    ("item", 3, re.compile(rf"^[（(]([{_NUM}]+)[）)]\s*(.*)$")),
    ("note", 3, re.compile(r"^(说明)[:：]\s*(.*)$")),
    ("point", 4, re.compile(r"^(\d+)[.．、]\s*(.*)$")),
]
_SENTENCE = re.compile(r"[^。；！？;]*[。；！？;]?")
# The signature block (落款) that closes a document: the issuer, the date, a contact line, a printing line.
SIGNATURE_LABEL = "落款"
_YEAR = r"(?:\d{4}|[〇○零一二三四五六七八九]{4})"
_DAY = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
_DATE_LINE = re.compile(rf"^{_YEAR}\s*年\s*{_DAY}\s*月\s*{_DAY}\s*日$")
_PRINTED_LINE = re.compile(rf"^\S.{{0,50}}?{_YEAR}\s*年\s*{_DAY}\s*月\s*{_DAY}\s*日\s*印发$")
_CONTACT_LINE = re.compile(r"^[（(]?\s*(?:联系人|联系电话|联系方式|咨询电话)\s*[：:]")
_ORG_LINE = re.compile(r"^[^。；，,：:！？!?]{2,60}(?:局|厅|委|委员会|办公室|政府|部|院|中心|公司|联盟|协会|小组|管委会|办)$")


def squash(text: str) -> str:
    """Text without whitespace or markdown marks, for verbatim comparison."""
    return re.sub(r"[\s#*>`]+", "", text or "")


class Article(BaseModel):
    """A citable node of a document: a chapter, article, section, item or point."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(description="Stable id: document id and label, e.g. baiyun-2019/第十一条（二）.")
    doc_id: str
    kind: str
    label: str = Field(description="The label a reader cites: 第十一条（二）, 四、奖补标准, 附件1 二.")
    heading: str = Field(description="The marker and short heading as printed, e.g. （二）公有云.")
    own_text: str = Field(description="Verbatim paragraphs of this node, without its children.")
    text: str = Field(description="Verbatim text of the node with all its children.")
    path: list[str] = Field(description="Labels of the enclosing nodes, outermost first.")
    parent: str | None
    children: list[str] = []
    order: int

    def sentences(self) -> list[str]:
        """The node's own sentences, each a verbatim quote."""
        out = []
        for para in self.own_text.split("\n"):
            out.extend(s.strip() for s in _SENTENCE.findall(para) if len(squash(s)) >= 4)
        return out


Status = Literal["in_force", "not_yet_effective", "expired", "repealed", "superseded"]


class Document(PolicyMeta):
    """One policy document with its metadata, its version and its articles."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    body: str
    articles: dict[str, Article] = Field(default_factory=dict)
    source: Literal["shipped", "added"] = Field(default="shipped",
                                                description="Shipped in knowledge/ or added in the data directory.")
    version: int = Field(default=1, ge=1, description="Version number; the shipped text is version 1.")
    versions: int = Field(default=1, ge=1, description="How many versions the document has.")
    superseded_on: dt.date | None = Field(default=None, description="First day of the next version, when replaced.")
    repealed_on: dt.date | None = Field(default=None, description="First day it is no longer in force (废止).")
    repealed_by: str | None = Field(default=None, description="What repealed it, as recorded (a document, a note).")
    sha256: str | None = Field(default=None, description="SHA-256 of the file this version was read from.")

    def status_on(self, day: dt.date) -> Status:
        """Whether this version is in force on ``day``, not yet, expired, superseded or repealed."""
        if self.repealed_on and day >= self.repealed_on:
            return "repealed"
        if self.superseded_on and day >= self.superseded_on:
            return "superseded"
        if day < self.in_force_from:
            return "not_yet_effective"
        if self.expires_on and day > self.expires_on:
            return "expired"
        return "in_force"

    @property
    def version_key(self) -> str:
        """The document and version as the index keys its chunks: the id for version 1, ``id@vN`` after."""
        return self.id if self.version == 1 else f"{self.id}@v{self.version}"

    @property
    def fingerprint(self) -> str:
        """A short hash of the document's id and text: what an index needs to tell a changed document."""
        return hashlib.sha256((self.id + self.body).encode()).hexdigest()[:12]

    def article_by_label(self, label: str) -> Article | None:
        """The article a reader's label names (whitespace-insensitive)."""
        want = squash(label)
        for a in self.articles.values():
            if squash(a.label) == want:
                return a
        return None

    def contains(self, quote: str) -> bool:
        """Whether ``quote`` occurs verbatim in the text (whitespace-insensitive)."""
        q = squash(quote)
        return len(q) >= 2 and q in _squashed_body(self.id, self.body)


@functools.lru_cache(maxsize=16)
def _squashed_body(_doc_id: str, body: str) -> str:
    return squash(body)


def _short_heading(rest: str) -> bool:
    return bool(rest) and len(rest) <= 16 and not re.search(r"[。；，,：:]", rest)


def _signature_like(para: str) -> bool:
    return bool(_DATE_LINE.match(para) or _PRINTED_LINE.match(para) or _CONTACT_LINE.match(para)
                or _ORG_LINE.match(para))


def _signature_starts(paras: list[str], annex_heads: dict[str, str]) -> set[int]:
    """Where a signature block starts: a run of issuer, date, contact and printing lines that closes its part
    (the body, or the text before a ``# title`` or an annex heading) and holds a date."""
    starts: set[int] = set()
    end = len(paras)
    for i in range(len(paras) - 1, -1, -1):
        para = paras[i]
        if para.startswith("# ") or squash(para) in annex_heads or _MARKERS[0][2].match(para):
            end = i
            continue
        if not _signature_like(para):
            continue
        if all(_signature_like(p) for p in paras[i:end]) and (i == 0 or not _signature_like(paras[i - 1])):
            run = paras[i:end]
            if any(_DATE_LINE.match(p) or _PRINTED_LINE.match(p) for p in run):
                starts.add(i)
    return starts


def parse_articles(doc_id: str, body: str, annexes: list[dict[str, str]] | None = None) -> dict[str, Article]:
    """Parse a document body into its article tree.

    Paragraphs are blank-line separated. A ``# title`` line starts the measure
    itself; paragraphs before it belong to the covering notice (印发通知).
    The signature block that closes the measure or an annex after its
    articles (issuer, date, contact line, printing line) is a node of its own,
    labelled 落款, so it is part of neither the last article nor the list of
    annexes; the covering notice keeps its own signature.
    Returns articles by id, in reading order.
    """
    annex_heads = {squash(a["heading"]): a["label"] for a in annexes or []}
    nodes: list[dict] = []
    stack: list[dict] = []
    part = "印发通知"

    def new(kind: str, rank: int, label: str, heading: str, own: str) -> dict:
        node = {"kind": kind, "rank": rank, "label": label, "heading": heading, "own": [own] if own else [],
                "inline": bool(own), "children": [], "parent": stack[-1] if stack else None}
        if node["parent"]:
            node["parent"]["children"].append(node)
        nodes.append(node)
        stack.append(node)
        return node

    preface = None
    paras = [p.strip() for p in body.split("\n\n") if p.strip()]
    signatures = _signature_starts(paras, annex_heads)
    signing = False
    for n, para in enumerate(paras):
        if para.startswith("# "):
            part = para[2:].strip()
            stack.clear()
            preface = None
            signing = False
            continue
        if n in signatures and stack and stack[0]["kind"] != "preface":
            stack.clear()
            new("signature", 0, SIGNATURE_LABEL, "", para)
            signing = True
            continue
        if signing and _signature_like(para):
            stack[-1]["own"].append(para)
            continue
        signing = False
        if squash(para) in annex_heads:
            stack.clear()
            new("annex", 0, annex_heads[squash(para)], para, "")
            continue
        for kind, rank, rx in _MARKERS:
            m = rx.match(para)
            if not m:
                continue
            if kind == "point" and stack and stack[-1]["kind"] == "annex_list":
                stack[-1]["own"].append(para)  # the list of annexes after 附件：
                break
            while stack and stack[-1]["rank"] >= rank:
                stack.pop()
            parent = stack[-1] if stack else None
            if kind == "annex":
                stack.clear()
                new(kind, rank, f"附件{m.group(1)}", para, "")
            elif kind == "chapter":
                new(kind, rank, f"{m.group(1)} {m.group(2)}".strip(), para, "")
            elif kind == "article":
                rest = m.group(2)
                new(kind, rank, m.group(1), para if _short_heading(rest) else m.group(1), "" if _short_heading(rest) else rest)
            elif kind == "section":
                rest = m.group(2)
                short = _short_heading(rest)
                base = f"{m.group(1)}、{rest}" if short else m.group(1)
                label = f"{parent['label']} {base}" if parent and parent["kind"] == "annex" else base
                new(kind, rank, label, para if short else f"{m.group(1)}、", "" if short else rest)
            elif kind == "note":
                new(kind, rank, f"{parent['label'] if parent else ''}说明", para[:3], m.group(2))
            elif kind == "annex_list":
                new(kind, rank, "附件", "附件：", m.group(2))
            elif kind == "item":
                rest = m.group(2)
                short = _short_heading(rest)
                prefix = parent["label"] if parent and parent["kind"] not in ("chapter", "annex") else ""
                if parent and parent["kind"] == "annex":
                    prefix = parent["label"] + " "
                new(kind, rank, f"{prefix}（{m.group(1)}）", para if short else f"（{m.group(1)}）",
                    "" if short else rest)
            else:  # point
                prefix = parent["label"] if parent and parent["kind"] not in ("chapter",) else ""
                rest = m.group(2)
                short = _short_heading(rest)
                new(kind, rank, f"{prefix}{m.group(1)}", para if short else f"{m.group(1)}.", "" if short else rest)
            break
        else:
            if stack:
                stack[-1]["own"].append(para)
            else:
                if preface is None:
                    preface = new("preface", 9, "导语" if part != "印发通知" else "印发通知", "", "")
                    stack.clear()
                preface["own"].append(para)

    def full(node: dict) -> str:
        own = node["own"]
        if node["inline"] and own:
            sep = " " if node["kind"] == "article" else ""
            lines = [node["heading"] + sep + own[0], *own[1:]]
        else:
            lines = [node["heading"], *own]
        return "\n".join(x for x in [*lines, *(full(c) for c in node["children"])] if x)

    out: dict[str, Article] = {}
    seen: dict[str, int] = {}
    ids: dict[int, str] = {}
    for node in nodes:
        label = node["label"]
        seen[label] = seen.get(label, 0) + 1
        if seen[label] > 1:
            label = f"{label}#{seen[label]}"
        ids[id(node)] = f"{doc_id}/{label}"
        node["final_label"] = label
    for i, node in enumerate(nodes):
        path = []
        p = node["parent"]
        while p:
            path.insert(0, p["final_label"])
            p = p["parent"]
        art = Article(
            id=ids[id(node)], doc_id=doc_id, kind=node["kind"], label=node["final_label"], heading=node["heading"],
            own_text="\n".join(node["own"]), text=full(node), path=path,
            parent=ids[id(node["parent"])] if node["parent"] else None,
            children=[ids[id(c)] for c in node["children"]], order=i,
        )
        out[art.id] = art
    return out


class PolicyDataError(ValueError):
    """A policy file whose front matter or text does not validate; the message is one line naming the field."""


def split_front_matter(raw: str, source: str) -> tuple[dict, str]:
    """The front matter (a mapping) and the body of a policy file.

    Raises:
        PolicyDataError: no front matter, bad YAML, or front matter that is not a mapping.
    """
    m = re.match(r"^---\n(.*?)\n---\n(.*)$", raw.replace("\r\n", "\n"), re.S)
    if not m:
        raise PolicyDataError(f"{source}: no front matter (--- ... ---)")
    try:
        meta = yaml.safe_load(m.group(1))
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise PolicyDataError(f"{source}: front matter is not valid YAML"
                              f"{f' (line {mark.line + 2})' if mark else ''}") from None
    if not isinstance(meta, dict):
        raise PolicyDataError(f"{source}: front matter is not a mapping")
    return meta, m.group(2).strip()


def make_document(meta: dict, body: str, name: str, /, **state) -> Document:
    """A document from front-matter fields and a body, parsed into articles.

    Args:
        meta: the front-matter fields (``PolicyMeta``).
        body: the verbatim text, paragraphs separated by blank lines.
        name: the file name, for messages.
        **state: the store's fields (source, version, versions, superseded_on, repealed_on, ...).

    Raises:
        PolicyDataError: a missing or bad field, named on one line.
    """
    try:
        doc = Document(**meta, body=body, **state)
    except ValidationError as e:
        raise PolicyDataError(str(meta_error(e, name))) from None
    except TypeError as e:
        raise PolicyDataError(f"{name}: {e}") from None
    return doc.model_copy(update={"articles": parse_articles(doc.id, body, doc.annexes)})


def load_document(path: Path, **state) -> Document:
    """Read one policy file: front matter and verbatim body, parsed into articles.

    Raises:
        PolicyDataError: an unreadable file, or front matter with a missing or bad field (one line).
    """
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise PolicyDataError(f"{path.name}: cannot be read ({type(e).__name__})") from None
    meta, body = split_front_matter(raw, path.name)
    return make_document(meta, body, path.name, **state)


class QuoteError(ValueError):
    """A citation whose quote or article is not in the text."""


class Corpus:
    """All documents, with the one check every citation goes through.

    Args:
        docs: the documents, one version of each.
        history: every version of every document (what the retrieval index holds); default ``docs``.
    """

    def __init__(self, docs: list[Document], history: list[Document] | None = None):
        self.docs = {d.id: d for d in docs}
        self.history: list[Document] = list(history) if history is not None else list(docs)
        self.version = hashlib.sha256("".join(d.id + d.body + _state_key(d) for d in docs).encode()).hexdigest()[:12]
        # What the index's vectors depend on: the text of every version (a repeal changes no text).
        self.index_key = hashlib.sha256("".join(d.version_key + d.body for d in self.history).encode()
                                        ).hexdigest()[:12]

    def articles(self) -> list[Article]:
        """Every article of every document, in reading order."""
        return [a for d in self.docs.values() for a in sorted(d.articles.values(), key=lambda a: a.order)]

    def article(self, article_id: str) -> Article:
        doc_id = article_id.split("/", 1)[0]
        return self.docs[doc_id].articles[article_id]

    def verify_quote(self, doc_id: str, quote: str) -> bool:
        """Whether ``quote`` is verbatim in document ``doc_id`` (whitespace-insensitive)."""
        doc = self.docs.get(doc_id)
        return bool(doc and doc.contains(quote))

    def citation(self, doc_id: str | None, article: str, quote: str) -> Citation:
        """Build a checked citation; raises QuoteError when the quote or the article is not in the text."""
        doc = self.docs.get(doc_id or "")
        if doc is None:
            raise QuoteError(f"unknown document {doc_id!r}; known: {', '.join(self.docs)}")
        node = doc.article_by_label(article)
        if node is None:
            raise QuoteError(f"{doc_id}: no article labelled {article!r}")
        if squash(quote) not in squash(node.text):
            raise QuoteError(f"{doc_id} {article}: quote not found verbatim in the article: {quote!r}")
        return Citation(doc_id=doc.id, title=doc.title, doc_number=doc.doc_number, article=node.label, quote=quote)

    def cite_article(self, art: Article, quote: str | None = None) -> Citation:
        """A citation of a whole article (or a sentence of it)."""
        doc = self.docs[art.doc_id]
        q = quote if quote is not None else art.text
        return Citation(doc_id=doc.id, title=doc.title, doc_number=doc.doc_number, article=art.label, quote=q)


def _state_key(d: Document) -> str:
    """The store's state of a document (version, replacement, repeal); empty for a shipped text as shipped."""
    parts = [f"v{d.version}" if d.version != 1 else "", f"s{d.superseded_on}" if d.superseded_on else "",
             f"r{d.repealed_on}:{d.repealed_by or ''}" if d.repealed_on else ""]
    return "|".join(parts) if any(parts) else ""


@functools.lru_cache(maxsize=4)
def shipped_documents(folder: Path = POLICIES) -> tuple[Document, ...]:
    """The documents shipped in ``knowledge/policies`` (version 1 of each), in file order."""
    return tuple(load_document(p) for p in sorted(folder.glob("*.md")))


def load_corpus(folder: Path = POLICIES, *, as_of: dt.date | None = None, store_dir: Path | None = None) -> Corpus:
    """The shipped documents and the policies added in the data directory.

    Each document is in its latest version, or with ``as_of`` in the version
    in force on that day (the first version when none was yet). A repealed
    document stays, marked with its repeal date: it is answered as history.
    ``history`` holds every version of every document. With nothing added,
    the corpus (and its ``version``) is the shipped one. The corpus is
    cached until the store changes (one ``stat`` of its log per call).

    Args:
        folder: the shipped policy texts.
        as_of: the day whose versions to take; None for the latest.
        store_dir: the policy store; default ``settings().data_dir / "policies"``.

    Raises:
        PolicyDataError: a policy file with a missing or bad field (one line).
    """
    from navigator.policy_store import PolicyStore

    store = PolicyStore(store_dir) if store_dir is not None else PolicyStore.default()
    return _load_corpus(folder, store.root, store.stamp(), as_of)


@functools.lru_cache(maxsize=8)
def _load_corpus(folder: Path, root: Path, stamp: tuple[int, int], as_of: dt.date | None) -> Corpus:
    from navigator.policy_store import PolicyStore

    shipped = shipped_documents(folder)
    if stamp == (0, 0):
        return Corpus(list(shipped))
    store = PolicyStore(root, shipped_folder=folder)
    return Corpus(store.documents(as_of=as_of), history=store.history())


