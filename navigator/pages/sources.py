"""政策原文: the policy texts, article by article; a citation opens here with its article and quote marked.

Opened from a citation card with ``?doc=…&article=…&s=…`` (the sentences the
quote covers, see ``navigator.quote_ref``; ``quote=…`` is still read). All
corpus text is HTML-escaped before the page adds its own <div>/<mark> markup;
nothing from the address is echoed on the page.
"""

import html
import re

import streamlit as st

from navigator import quote_ref
from navigator.corpus import Article, Document, squash
from navigator.pages import common

st.title("政策原文")
docs = common.corpus().docs

# --- the article a citation points at ------------------------------------------------------------------
qp = st.query_params.to_dict()
target = (qp.get("doc"), qp.get("article"), (qp.get("quote") or "")[: common.MAX_LINK_QUOTE] or None)
if target[0] in docs and target[1] and qp.get("s"):
    cited_art = docs[target[0]].article_by_label(target[1])
    span = quote_ref.decode(qp.get("s"))
    if cited_art is not None and span is not None:
        target = (target[0], target[1], quote_ref.quote_of(cited_art.text, span))


def find_article(doc: Document, label: str | None, quote: str | None) -> Article | None:
    """The cited article: by label, else the smallest article whose text holds the quote."""
    art = doc.article_by_label(label) if label else None
    if art is None and quote:
        q = squash(quote)
        holders = [a for a in doc.articles.values() if q and q in squash(a.text)]
        art = min(holders, key=lambda a: len(a.text), default=None)
    return art


if target[0] in docs:
    doc_t = docs[target[0]]
    art_t = find_article(doc_t, target[1], target[2])
    if st.session_state.get("src_target") != target or "src_doc" not in st.session_state:
        st.session_state.src_target = target
        st.session_state.src_doc = doc_t.id
        st.session_state[f"src_article_{doc_t.id}"] = art_t.id if art_t else None
    if art_t is None and target[1]:
        st.warning(f"未在《{doc_t.title}》中找到所引用的条款，已显示全文。")
elif target[0]:
    st.warning("链接所指的政策文件不存在，请从下面选择文件。")

doc_id = st.selectbox("选择文件", list(docs), key="src_doc", format_func=lambda d: docs[d].title)
doc = docs[doc_id]

# --- metadata ------------------------------------------------------------------------------------------
meta = {
    "标题": doc.title,
    "印发通知": doc.notice_title,
    "文号": doc.doc_number or "（原文未载明文号）",
    "发文机关": doc.issuer,
    "发布日期": doc.issued_on.isoformat() + ("（仅知年份）" if doc.issued_on_precision == "year" else ""),
    "施行日期": doc.effective_on.isoformat() if doc.effective_on else "（原文未载明）",
    "失效日期": doc.expires_on.isoformat() if doc.expires_on else "（原文未规定）",
    "效力说明": doc.validity_note,
    "适用地区": "".join(doc.region.get(k, "") for k in ("province", "city", "district")),
}
with st.container(border=True):
    cols = st.columns(3)
    for n, (k, v) in enumerate((k, v) for k, v in meta.items() if v):
        cols[n % 3].markdown(f"**{k}**  \n{common.md(str(v))}")

# --- outline and text ------------------------------------------------------------------------------------
articles = sorted(doc.articles.values(), key=lambda a: a.order)
by_id = {a.id: a for a in articles}


def short_label(a: Article) -> str:
    """The label without its parent's, as an outline shows it: 第八条 → （一） → 1."""
    parent = by_id.get(a.parent) if a.parent else None
    if parent and a.label.startswith(parent.label) and a.label != parent.label:
        return a.label[len(parent.label):].strip()
    return a.label


outline, text_col = st.columns([1, 3], gap="medium")
with outline, st.container(key="pn_outline"):
    st.markdown("**条款目录**")
    with st.container(height=560):
        chosen = st.radio(
            "定位到条款", [a.id for a in articles], index=None, key=f"src_article_{doc.id}",
            label_visibility="collapsed",
            format_func=lambda i: "　" * len(by_id[i].path) + short_label(by_id[i]),
        )

quote = None
if target[0] == doc.id and target[2]:
    cited = find_article(doc, target[1], target[2])
    if cited is None or chosen == cited.id:  # the reader moved on to another article: no stale mark
        quote = target[2]


def subtree(art_id: str | None) -> list[str]:
    """The article and everything under it, in reading order."""
    if not art_id:
        return []
    out = [art_id]
    for c in by_id[art_id].children:
        out += subtree(c)
    return out


def own_display(a: Article) -> str:
    """The node's own lines as printed: its text without its children's text."""
    tail = "\n".join(by_id[c].text for c in a.children)
    return a.text[: len(a.text) - len(tail)].rstrip("\n") if tail and a.text.endswith(tail) else a.text


def spans(text: str, needle: str) -> list[tuple[int, int]]:
    """Where ``needle`` occurs in ``text``, whitespace-insensitively."""
    chars = [re.escape(ch) for ch in needle if not ch.isspace()]
    if len(chars) < 2:
        return []
    return [m.span() for m in re.finditer(r"\s*".join(chars), text)]


def quote_marks(ids: list[str], q: str) -> dict[str, list[tuple[int, int]]]:
    """Spans to mark per article: the whole quote if one article holds it, else its sentences."""
    texts = {i: own_display(by_id[i]) for i in ids}
    whole = {i: s for i in ids if (s := spans(texts[i], q))}
    if whole:
        return whole
    pieces = [p for p in re.split(r"[。；;！？\n]", q) if len(p.strip()) >= 4]
    return {i: s for i in ids if (s := [sp for p in pieces for sp in spans(texts[i], p)])}


def render(text: str, marks: list[tuple[int, int]]) -> str:
    out, pos = [], 0
    for start, end in sorted(marks):
        if start < pos:
            continue
        out.append(html.escape(text[pos:start]))
        out.append(f"<mark>{html.escape(text[start:end])}</mark>")
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out).replace("\n", "<br>")


highlight = subtree(chosen)
marks: dict[str, list[tuple[int, int]]] = {}
if quote:
    marks = quote_marks(highlight, quote) or quote_marks([a.id for a in articles], quote)

STYLE = ("<style>.pn-art{padding:.15rem .6rem;line-height:1.85;border-left:3px solid transparent}"
         ".pn-target{background:rgba(255,196,0,.13);border-left-color:#e0a800}"
         ".pn-art mark{background:#ffe066;color:inherit;padding:0 .1rem}"
         ".pn-head{font-weight:600;margin-top:.6rem}.pn-part{font-size:1.15rem;font-weight:700;"
         "margin:1rem 0 .4rem;text-align:center}</style>")
blocks = [STYLE]
first_measure = next((a for a in articles if not a.path and a.label != "印发通知"), None)
has_notice = any(a.label == "印发通知" for a in articles)
for a in articles:
    if has_notice and a is first_measure:
        blocks.append(f'<div class="pn-part">{html.escape(doc.title)}</div>')
    shown = own_display(a)
    if not shown.strip():
        continue
    classes = "pn-art" + (" pn-target" if a.id in highlight else "")
    classes += " pn-head" if a.kind in ("chapter", "annex") or (a.children and shown == a.heading) else ""
    indent = 1.1 * len(a.path)
    blocks.append(f'<div id="art-{a.order}" class="{classes}" style="margin-left:{indent:.1f}rem">'
                  f"{render(shown, marks.get(a.id, []))}</div>")

with text_col:
    if chosen:
        art = by_id[chosen]
        st.caption(f"已定位：{art.label}" + ("，引文已用黄色标出" if marks else ""))
        if quote and not marks:
            st.error("链接所引的文字未能在原文中逐字找到，已显示所选条款。")
    st.markdown("".join(blocks), unsafe_allow_html=True)

if chosen:
    # Scroll the chosen article into view, a few times while the page settles. Our own static script with no
    # corpus text; it avoids "<" and "&", which the HTML sanitiser would mangle.
    st.html(
        "<script>(function(){[0,300,800,1500,2500].forEach(function(t){setTimeout(function(){"
        f"var e=document.getElementById('art-{by_id[chosen].order}');"
        "if(e){e.scrollIntoView({block:'center'});}},t);});})();</script>",
        unsafe_allow_javascript=True,
    )
