"""Shared helpers of the pages: cached resources, the evaluation date, money, badges, citation cards.

Every figure and verdict the app shows carries its citation; ``citation_card``
renders one as an expander with the verbatim quote and a link that opens the
article in 政策原文 (``sources.py``) with the quote marked.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from pathlib import Path
from typing import Any

import streamlit as st

from calculators.periods import BEIJING
from navigator import labels, quote_ref
from navigator.corpus import Corpus, load_corpus
from navigator.enquiry_log import EnquiryLog, log_for
from navigator.programmes import Registry
from navigator.programmes import registry as _registry
from navigator.settings import settings

SOURCES_PAGE = "navigator/pages/sources.py"
AS_OF_KEY = "as_of"
PROFILE_KEY = "nav_profile"
MAX_LINK_QUOTE = 400

# status / verdict: (label, badge colour, icon); the words come from navigator/labels.yaml.
STATUS: dict[str, tuple[str, str, str]] = {
    "open": (labels.status_label("open"), "green", ":material/check_circle:"),
    "not_yet_open": (labels.status_label("not_yet_open"), "orange", ":material/schedule:"),
    "closed": (labels.status_label("closed"), "red", ":material/block:"),
    "unknown": (labels.status_label("unknown"), "gray", ":material/help:"),
}
VERDICT: dict[str, tuple[str, str, str]] = {
    "eligible": (labels.verdict_label("eligible"), "green", ":material/thumb_up:"),
    "unknown": (labels.verdict_label("unknown"), "blue", ":material/help:"),
    "ineligible": (labels.verdict_label("ineligible"), "red", ":material/thumb_down:"),
}
SIDE: dict[str, str] = labels.labels()["sides"]
ORG_TYPES: dict[str, str] = labels.labels()["org_types"]
# Profile fields (CONTRACT) in the words the helpdesk uses, to ask for what is missing.
FIELDS: dict[str, str] = labels.labels()["fields"]


# --- the frame every page shares ------------------------------------------------------------------------

CHROME_CSS = Path(__file__).with_name("chrome.css")
UI_ZH = Path(__file__).with_name("ui_zh.json")
# Streamlit's widgets (calendar, number formats) follow navigator.language, and its frontend prints a few English
# messages of its own ("Page not found", "Running...", date placeholders). The app is Chinese-only: the script
# sets a Chinese locale and rewrites those texts from ui_zh.json wherever they appear. A date typed into a date
# field is applied only when the focus leaves the field, so Enter moves the focus out. The script holds no "<" or
# "&", which the HTML sanitiser would mangle.
_CHROME_JS = """<script>(function(){if(window.pnZh){return;}window.pnZh=true;
try{if(navigator.language!=='zh-CN'){Object.defineProperty(Navigator.prototype,'language',
{get:function(){return 'zh-CN';},configurable:true});Object.defineProperty(Navigator.prototype,'languages',
{get:function(){return ['zh-CN','zh'];},configurable:true});}document.documentElement.lang='zh-CN';}catch(e){}
var T=__TEXT__,P=__PREFIXES__,R=__PATTERNS__.map(function(x){return [new RegExp(x[0]),x[1]];}),D=__DATE__;
function fix(n){var t=n.nodeValue;if(!t){return;}var k=t.trim();
if(Object.prototype.hasOwnProperty.call(T,k)){n.nodeValue=t.replace(k,T[k]);return;}
for(var i=0;P.length-i;i++){if(k.indexOf(P[i][0])===0){n.nodeValue=t.replace(P[i][0],P[i][1]);return;}}
for(var j=0;R.length-j;j++){if(R[j][0].test(k)){n.nodeValue=k.replace(R[j][0],R[j][1]);return;}}
if(Object.prototype.hasOwnProperty.call(D,k)){var el=n.parentElement;
if(el){if(el.closest('[data-testid="stDateInputField"]')){n.nodeValue=D[k];}}}}
function walk(r){var w=document.createTreeWalker(r,NodeFilter.SHOW_TEXT);while(w.nextNode()){fix(w.currentNode);}}
walk(document.body);
new MutationObserver(function(ms){ms.forEach(function(m){if(m.type==='characterData'){fix(m.target);}
else{m.addedNodes.forEach(function(n){if(n.nodeType===3){fix(n);}else if(n.nodeType===1){walk(n);}});}});})
.observe(document.body,{childList:true,subtree:true,characterData:true});
document.addEventListener('keydown',function(e){if(e.key!=='Enter'){return;}var a=document.activeElement;
if(!a){return;}if(!a.closest('[data-testid="stDateInputField"]')){return;}
var t=document.createElement('span');t.tabIndex=-1;t.style.position='fixed';document.body.appendChild(t);t.focus();
setTimeout(function(){t.remove();},0);},true);})();</script>"""


@st.cache_resource(show_spinner=False)
def _started() -> bool:
    """Once per server process: start loading the index and models, prepare the staff login."""
    from navigator import auth
    from navigator.pages import login
    from navigator.serve import WARMUP

    WARMUP.start()
    if login.config().methods == ("token",):
        base = (st.context.url or "http://localhost:8501").split("?")[0]
        auth.announce_token(base.rsplit("/", 1)[0] if base.count("/") > 2 else base)
    return True


def start() -> None:
    """Start the process-wide warm-up (idempotent): the first question does not wait for model loading."""
    _started()


@st.cache_data(show_spinner=False)
def _chrome() -> tuple[str, str]:
    words = json.loads(UI_ZH.read_text(encoding="utf-8"))
    script = (_CHROME_JS.replace("__TEXT__", json.dumps(words["text"], ensure_ascii=False))
              .replace("__PREFIXES__", json.dumps(words["prefixes"], ensure_ascii=False))
              .replace("__PATTERNS__", json.dumps(words["patterns"], ensure_ascii=False))
              .replace("__DATE__", json.dumps(words["date_segments"], ensure_ascii=False)))
    return f"<style>{CHROME_CSS.read_text(encoding='utf-8')}</style>", script


def chrome() -> None:
    """Chinese everywhere: our styles, a Chinese locale for the widgets, Streamlit's own English texts in Chinese."""
    style, script = _chrome()
    st.html(style)
    st.html(script, unsafe_allow_javascript=True)


# --- resources ---------------------------------------------------------------------------------------


@st.cache_resource(show_spinner="正在载入政策文本…", max_entries=2)
def _registry_of(_version: str) -> Registry:
    return _registry(load_corpus(as_of=_today()))


def registry() -> Registry:
    """The programme registry (validated against the texts in force today), loaded once per corpus version:
    a policy added, replaced or repealed on 政策管理 or the command line is seen at the next page run."""
    return _registry_of(corpus().version)


def corpus() -> Corpus:
    """The policy texts in force today, each in its current version (one ``stat`` of the store per call)."""
    return load_corpus(as_of=_today())


def _today() -> dt.date:
    return dt.datetime.now(BEIJING).date()


@st.cache_resource(show_spinner=False)
def _log(url: str) -> EnquiryLog:
    return log_for(url)


def enquiry_log() -> EnquiryLog:
    """The enquiry log the settings point at."""
    return _log(settings().log_url)


def _answerer(as_of_day: dt.date):
    from navigator.versions import answerer_on

    return answerer_on(as_of_day)


class NotReady(RuntimeError):
    """The index or the models could not be loaded (the reason is on the page and in the server log)."""


def wait_until_ready() -> None:
    """Wait for the process-wide warm-up (index, models), showing its progress; raises NotReady if it failed."""
    from navigator.serve import WARMUP

    WARMUP.start()
    if WARMUP.ready:
        return
    bar = st.progress(0.0, text="正在准备政策检索…")
    while WARMUP.progress.state in ("idle", "building", "loading"):
        p = WARMUP.progress
        text = (f"首次启动：正在建立政策检索索引（{p.done}/{p.total} 条）" if p.state == "building" and p.total
                else "正在载入检索模型…")
        bar.progress(p.fraction, text=text)
        time.sleep(0.3)
    bar.empty()
    if not WARMUP.ready:
        raise NotReady(f"检索服务未能启动：{WARMUP.progress.error or '原因见服务器日志'}")


def answerer():
    """The question answerer for the evaluation date: the versions in force that day, following the policy
    store (a new policy is answered without a restart), from the models the warm-up loaded."""
    wait_until_ready()
    return _answerer(as_of())


def answer_error():
    """The exception class ``ask`` raises for an empty or oversized question."""
    from navigator.answer import AskError

    return AskError


# --- state -------------------------------------------------------------------------------------------


def as_of() -> dt.date:
    """The date every page evaluates status and eligibility for (sidebar 按此日期评估)."""
    value = st.session_state.get(AS_OF_KEY)
    return value if isinstance(value, dt.date) else dt.datetime.now(BEIJING).date()


def profile_data() -> dict[str, Any]:
    """The running profile (from 政策匹配 and facts given in 智能咨询), fields with a value only."""
    return dict(st.session_state.get(PROFILE_KEY) or {})


def set_profile_data(data: dict[str, Any]) -> None:
    """Replace the running profile; fields set to None are dropped (unknown)."""
    st.session_state[PROFILE_KEY] = {k: v for k, v in data.items() if v is not None}


# --- formatting --------------------------------------------------------------------------------------


def money(value: Any) -> str:
    """An amount in yuan as the app shows it: ``75,000.00 元``."""
    return labels.money(value)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~$:])")  # ":" and "." too: no autolinked URL


def md(text: str | None) -> str:
    """Text from the corpus or a user made safe for st.markdown (no markup, no HTML)."""
    return _MD_SPECIAL.sub(r"\\\1", text or "")


def md_lines(text: str | None) -> str:
    """Escaped text whose line breaks survive in st.markdown."""
    return "  \n".join(md(line) for line in (text or "").split("\n"))


def title_of(programme_id: str) -> str:
    """A programme's title, or its id when unknown."""
    prog = registry().programmes.get(programme_id)
    return prog.title if prog else programme_id


def field_label(field: str) -> str:
    """A profile field in Chinese."""
    return labels.field_label(field)


def status_of(prog) -> str:
    """A programme's window status on the evaluation date."""
    from navigator.service import status

    return status(prog, as_of())


def status_badge(status: str) -> None:
    """The programme's window status on the evaluation date; closed programmes are flagged in red."""
    label, colour, icon = STATUS.get(status, STATUS["unknown"])
    st.badge(f"{label}（{as_of().isoformat()}）", color=colour, icon=icon)


def verdict_badge(verdict: str) -> None:
    """The eligibility verdict as a coloured badge."""
    label, colour, icon = VERDICT.get(verdict, VERDICT["unknown"])
    st.badge(label, color=colour, icon=icon)


def status_text(status: str) -> str:
    """The status as plain text, for tables."""
    label = STATUS.get(status, STATUS["unknown"])[0]
    return f"{label}（不可再申报）" if status == "closed" else label


# --- citations ---------------------------------------------------------------------------------------


def short_title(title: str) -> str:
    """A document title cut to fit an expander label."""
    return title if len(title) <= 24 else title[:23] + "…"


def source_params(cite: dict[str, Any]) -> dict[str, str]:
    """The 政策原文 link's parameters: document, article and the sentences the quote covers (not its text)."""
    params = {"doc": cite.get("doc_id", ""), "article": cite.get("article", "")}
    quote = (cite.get("quote") or "").strip()
    doc = corpus().docs.get(params["doc"])
    art = doc.article_by_label(params["article"]) if doc else None
    span = quote_ref.locate(art.text, quote) if art is not None and quote else None
    if span is not None:
        params["s"] = quote_ref.encode(span)
    elif quote:  # a quote outside its article's sentences (should not happen): pass a bounded text
        params["quote"] = quote[:MAX_LINK_QUOTE]
    return params


def source_link(cite: dict[str, Any], label: str = "查看原文") -> None:
    """A link that opens 政策原文 on the cited article with the quote marked."""
    st.page_link(SOURCES_PAGE, label=label, icon=":material/menu_book:", query_params=source_params(cite))


def citation_card(cite: dict[str, Any], *, expanded: bool = False, prefix: str = "", label: str | None = None,
                  icon: str = ":material/format_quote:") -> None:
    """One citation as an expander: the verbatim quote, the document and a link to the article.

    ``label`` replaces the default heading (《document》article), e.g. with the condition it proves.
    ``cite`` is a CONTRACT citation dict or a ``Citation`` model.
    """
    if hasattr(cite, "model_dump"):
        cite = cite.model_dump()
    quote = (cite.get("quote") or "").strip()
    snippet = quote if len(quote) <= 20 else quote[:19] + "…"
    head = label or (f"{prefix}《{short_title(cite.get('title') or cite.get('doc_id', ''))}》"
                     f"{cite.get('article', '')}：“{snippet}”")
    with st.expander(md(head), icon=icon, expanded=expanded):
        st.markdown("> " + md_lines(cite.get("quote", "")).replace("  \n", "  \n> "))
        number = f"（{cite['doc_number']}）" if cite.get("doc_number") else ""
        st.caption(md(f"《{cite.get('title', '')}》{number} {cite.get('article', '')}"))
        source_link(cite)


def next_steps(e) -> None:
    """Where to send the caller (an ``availability.Entry``): portal, office phone, forms, each with its article.

    Drawn inside an expander, so each statement is a caption with its article and a link to the text
    (expanders cannot hold expanders).
    """
    groups = [("申报系统或平台", [(p.text + (f"（{p.url}）" if p.url else "（原文未给出网址）"), p.citation)
                                  for p in e.portals]),
              ("咨询电话（按原文）", [(c.text, c.citation) for c in e.contacts]),
              ("附件表格", [(f.text, f.citation) for f in e.forms])]
    if not any(items for _, items in groups):
        st.caption("原文未载明申报系统、联系电话或附件表格。")
    for title, items in groups:
        if not items:
            continue
        st.markdown(f"**{title}**")
        for text, cite in items:
            row = st.container(horizontal=True, vertical_alignment="center")
            row.markdown(md(text))
            row.caption(md(f"《{short_title(cite.get('title', ''))}》{cite.get('article', '')}"))
            with row:
                source_link(cite)


def citation_cards(cites: list[dict[str, Any]], *, numbered: bool = True) -> None:
    """Several citation cards, numbered [1], [2]... as the answer refers to them."""
    for n, c in enumerate(cites, start=1):
        citation_card(c, prefix=f"[{n}] " if numbered else "")
