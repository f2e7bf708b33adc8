"""Shared helpers of the pages: cached resources, the evaluation date, money, badges, citation cards.

Every figure and verdict the app shows carries its citation; ``citation_card``
renders one as an expander with the verbatim quote and a link that opens the
article in 政策原文 (``sources.py``) with the quote marked.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

import streamlit as st

from navigator.corpus import Corpus, load_corpus
from navigator.enquiry_log import EnquiryLog, log_for
from navigator.programmes import Registry
from navigator.programmes import registry as _registry
from navigator.settings import settings

SOURCES_PAGE = "navigator/pages/sources.py"
AS_OF_KEY = "as_of"
PROFILE_KEY = "nav_profile"
MAX_LINK_QUOTE = 400

STATUS: dict[str, tuple[str, str, str]] = {
    # status: (label, badge colour, icon)
    "open": ("开放中", "green", ":material/check_circle:"),
    "not_yet_open": ("尚未开始", "orange", ":material/schedule:"),
    "closed": ("已截止", "red", ":material/block:"),
    "unknown": ("时间不明", "gray", ":material/help:"),
}
VERDICT: dict[str, tuple[str, str, str]] = {
    "eligible": ("符合条件", "green", ":material/thumb_up:"),
    "unknown": ("待补充信息", "blue", ":material/help:"),
    "ineligible": ("不符合", "red", ":material/thumb_down:"),
}
SIDE = {"enterprise": "企业（购买云服务）", "provider": "服务商（提供云服务/平台）"}
ORG_TYPES = {
    "enterprise": "企业",
    "public_institution": "事业单位",
    "social_organization": "社会组织",
    "private_non_enterprise": "民办非企业单位",
    "university": "高等院校",
    "vocational_school": "职业院校",
    "training_institution": "培训机构",
    "research_institute": "科研院所",
}
# Profile fields (CONTRACT) in the words the helpdesk uses, to ask for what is missing.
FIELDS = {
    "side": "是购买云服务的企业还是服务商",
    "province": "注册所在省份",
    "city": "注册所在城市",
    "district": "注册所在区县",
    "independent_legal_person": "是否具有独立法人资格",
    "org_type": "单位类型",
    "industrial": "是否工业（制造业）企业",
    "software_it": "是否软件和信息技术服务企业",
    "four_above": "是否“四上”企业",
    "hq_enterprise": "是否市、区认定的总部企业",
    "new_key_investment": "是否新招商重点企业",
    "has_local_factory": "在当地是否有厂房或车间",
    "established_on": "成立日期",
    "annual_tax_cny": "上年度全库纳税额（元）",
    "paid_in_capital_cny": "实缴注册资本（元）",
    "registered_capital_cny": "注册资本（元）",
    "first_cloud_purchase": "是否首次购买云服务",
    "bad_credit_record": "是否有不良信用记录",
    "dishonest_record": "是否有失信行为",
    "fiscal_violation_5y": "近5年是否有财政资金严重违法违规",
    "cluster_pilot": "是否广东省产业集群数字化转型试点",
    "received_programmes": "已享受过哪些补助",
    "experts": "专家人数",
    "software_products": "软件产品数",
    "enterprises_served_per_year": "每年服务企业数",
    "qualified_staff_ratio": "大专以上学历且中级以上职称人员占比",
    "service_revenue_cny": "年服务收入（元）",
    "security_certifications": "信息安全认证",
    "violations_3y": "近3年是否有刑事处罚或重大行政处罚",
}


# --- resources ---------------------------------------------------------------------------------------


@st.cache_resource(show_spinner="正在载入政策文本…")
def registry() -> Registry:
    """The programme registry (validated against the texts), loaded once per server."""
    return _registry()


def corpus() -> Corpus:
    """The policy texts."""
    return load_corpus()


@st.cache_resource(show_spinner=False)
def _log(url: str) -> EnquiryLog:
    return log_for(url)


def enquiry_log() -> EnquiryLog:
    """The enquiry log the settings point at."""
    return _log(settings().log_url)


@st.cache_resource(show_spinner=False)
def _answerer(_version: str):
    from navigator import answer

    return answer.answerer()


def answerer():
    """The question answerer; on first use the search index is built with a progress bar (about 30 s)."""
    from navigator import retrieval

    version = corpus().version
    if not st.session_state.get(f"_index_ok_{version}"):
        if not retrieval.index_is_fresh():
            bar = st.progress(0.0, text="首次使用：正在建立政策检索索引…")
            retrieval.build_index(on_progress=lambda done, total: bar.progress(
                done / total, text=f"首次使用：正在建立政策检索索引（{done}/{total} 条）"))
            bar.empty()
        st.session_state[f"_index_ok_{version}"] = True
    with st.spinner("正在载入检索模型…"):
        return _answerer(version)


def answer_error():
    """The exception class ``ask`` raises for an empty or oversized question."""
    from navigator.answer import AskError

    return AskError


# --- state -------------------------------------------------------------------------------------------


def as_of() -> dt.date:
    """The date every page evaluates status and eligibility for (sidebar 按此日期评估)."""
    value = st.session_state.get(AS_OF_KEY)
    return value if isinstance(value, dt.date) else dt.date.today()


def profile_data() -> dict[str, Any]:
    """The running profile (from 政策匹配 and facts given in 智能咨询), fields with a value only."""
    return dict(st.session_state.get(PROFILE_KEY) or {})


def set_profile_data(data: dict[str, Any]) -> None:
    """Replace the running profile; fields set to None are dropped (unknown)."""
    st.session_state[PROFILE_KEY] = {k: v for k, v in data.items() if v is not None}


# --- formatting --------------------------------------------------------------------------------------


def money(value: Any) -> str:
    """An amount in yuan as the app shows it: ``75,000.00 元``."""
    try:
        d = Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    except (InvalidOperation, ValueError):
        return str(value)
    return f"{d:,.2f} 元"


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~$])")


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
    return FIELDS.get(field, field)


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


def source_link(cite: dict[str, Any], label: str = "查看原文") -> None:
    """A link that opens 政策原文 on the cited article with the quote marked."""
    params = {"doc": cite.get("doc_id", ""), "article": cite.get("article", "")}
    quote = (cite.get("quote") or "").strip()
    if quote:
        params["quote"] = quote[:MAX_LINK_QUOTE]
    st.page_link(SOURCES_PAGE, label=label, icon=":material/menu_book:", query_params=params)


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


def citation_cards(cites: list[dict[str, Any]], *, numbered: bool = True) -> None:
    """Several citation cards, numbered [1], [2]... as the answer refers to them."""
    for n, c in enumerate(cites, start=1):
        citation_card(c, prefix=f"[{n}] " if numbered else "")


# --- facts a user gives in the chat --------------------------------------------------------------------

_AMOUNT = r"(\d+(?:,\d{3})*(?:\.\d+)?)\s*(亿|万)?\s*元?"
_MONEY_WORDS = {
    "tax": r"全库纳税|纳税额|纳税|缴税|交税|税收",
    "capital": r"实缴注册资本|实缴资本|实缴",
    "amount": r"合同金额|合同额|合同|云服务费|服务费|租赁费|上云费用|费用|花了|花费|支出|投入",
}
_FACT_PATTERNS = {k: re.compile(f"[\u4e00-\u9fff]{{0,3}}({w})[^\\d，,。；;？?]{{0,6}}" + _AMOUNT)
                  for k, w in _MONEY_WORDS.items()}
_BARE_AMOUNT = re.compile(r"(?<![\d.,])(\d+(?:\.\d+)?)\s*(亿|万)\s*元?")
_INDUSTRIAL = re.compile(r"工业企业|制造业|制造企业|生产企业")
_PROVIDER = re.compile(r"(?:我们|我司|本公司|我公司)(?:是|作为)[^，。？?]{0,10}(?:服务商|供应商|平台商|云平台)")
_ELLIPTICAL = re.compile(r"^(?:那|那么|如果|要是|假如)|呢[？?]?$")
_ASKS_AMOUNT = re.compile(r"多少|能补|能拿|能领|额度|上限|比例|测算|计算")


def _amount_cny(number: str, unit: str | None) -> float:
    value = float(number.replace(",", ""))
    return value * {"亿": 1e8, "万": 1e4}.get(unit or "", 1)


def _places(text: str) -> list[tuple[str, str]]:
    try:
        from navigator.gazetteer import gazetteer

        return gazetteer().mentions(text)
    except (OSError, ValueError):  # no gazetteer: no region facts
        return []


def extract_facts(text: str) -> tuple[dict[str, str], dict[str, Any]]:
    """Facts stated in a question: short phrases by kind (to repeat in follow-ups) and the profile fields they set.

    Kinds: ``region``, ``tax``, ``capital``, ``amount``, ``industrial``, ``side``. Only what the text
    says is taken; nothing is guessed.
    """
    phrases: dict[str, str] = {}
    fields: dict[str, Any] = {}
    places = _places(text)
    if places:
        for level, name in places:
            fields.setdefault(level, name)
        phrases["region"] = "".join(dict.fromkeys(name for _, name in places))
    for kind, rx in _FACT_PATTERNS.items():
        m = rx.search(text)
        if m:
            phrases[kind] = m.group(0).strip()
            if kind == "tax":
                fields["annual_tax_cny"] = _amount_cny(m.group(2), m.group(3))
            elif kind == "capital":
                fields["paid_in_capital_cny"] = _amount_cny(m.group(2), m.group(3))
    if _INDUSTRIAL.search(text):
        fields["industrial"] = True
    if _PROVIDER.search(text):
        fields["side"] = "provider"
    return phrases, fields


def follow_up(question: str, earlier: dict[str, str], last_was_estimate: bool = False) -> tuple[str, list[str]]:
    """The question as sent to the answerer, completed with facts the user gave before.

    - a place said before is repeated when the question names none;
    - amounts said before (tax, capital, fees) are repeated when the question is about money;
    - a bare amount in a follow-up ("那30万呢？") takes the word of the earlier amount ("合同额30万");
    - an elliptical follow-up to an estimate asks for the estimate again.

    Returns the question to send and the earlier facts that were added.
    """
    now, _ = extract_facts(question)
    sent = question
    added: list[str] = []
    if "amount" in earlier and not any(k in now for k in ("tax", "capital", "amount")):
        word = re.match(r"[^\d]+", earlier["amount"])
        bare = _BARE_AMOUNT.search(question)
        if word and bare:
            sent = sent[: bare.start()] + word.group(0) + sent[bare.start():]
            now["amount"] = bare.group(0)
    elliptical = bool(_ELLIPTICAL.search(question.strip())) and not _ASKS_AMOUNT.search(question)
    about_money = bool(_ASKS_AMOUNT.search(sent) or _BARE_AMOUNT.search(sent)) or (elliptical and last_was_estimate)
    for kind, phrase in earlier.items():
        if kind in now:
            continue
        if kind == "region" or (about_money and kind in ("tax", "capital", "amount")):
            added.append(phrase)
    if elliptical and last_was_estimate:
        sent = sent.rstrip("？?") + "？能补多少？"
    if added:
        sent = "，".join(added) + "。" + sent
    return sent, added
