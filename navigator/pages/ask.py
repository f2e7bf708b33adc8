"""智能咨询: ask in plain Chinese; the answer comes first, then the articles it rests on.

One ``navigator.conversation.Conversation`` per browser session keeps the facts and programmes of earlier
turns, exactly as ``ask --session`` does on the command line: the page only draws what the engine answers.
Every enquiry is logged for the helpdesk in the caller's own words.
"""

import uuid

import streamlit as st

from navigator.conversation import Conversation, fact_text
from navigator.pages import common
from navigator.service import ProfileError, parse_profile

STARTERS = [
    "伊春上云补助比例是多少？",
    "白云区四上企业纳税800万，公有云服务费100万，能补多少？",
    "深圳的工业企业能申请广东2020年上云服务券吗？",
    "东莞工业云平台认定需要满足哪些条件？",
]

common.start()
st.title("智能咨询")
st.caption(f"先给结论，再列政策原文依据；申报时间按 {common.as_of().isoformat()} 评估（可在左侧修改日期）。")

conv: Conversation = st.session_state.setdefault("conversation", Conversation())
chat: list[dict] = st.session_state.setdefault("chat", [])
thread: str = st.session_state.setdefault("chat_thread", uuid.uuid4().hex[:12])


def rate(log_id: int) -> None:
    """Store the user's thumbs as 有用 / 需改进 on the logged enquiry."""
    value = st.session_state.get(f"fb_{log_id}")
    common.enquiry_log().set_feedback(log_id, None if value is None else ("有用" if value == 1 else "需改进"))


def ask(question: str) -> dict:
    """Answer in this session's conversation, log it, return the message to draw."""
    profile = None
    if common.profile_data():
        try:
            profile = parse_profile(common.profile_data())
        except ProfileError:
            profile = None
    try:
        with st.spinner("正在查找政策条文…"):
            ans = common.answerer().ask_in(conv, question, profile=profile, as_of=common.as_of())
    except common.answer_error() as e:
        return {"role": "assistant", "error": f"无法回答：{e}"}
    except common.NotReady as e:
        return {"role": "assistant", "error": str(e)}
    doc = ans.to_contract()
    log_id = common.enquiry_log().record(
        question, ans.answer, citations=doc["citations"], programmes=ans.programmes, refused=ans.refused,
        profile=common.profile_data() or None, as_of=common.as_of(), corpus_version=common.corpus().version,
        thread=thread, read_as=ans.headline)
    return {"role": "assistant", "doc": doc, "caller": ans.caller_text(), "log_id": log_id}


def show(msg: dict, n: int) -> None:
    """One answer: the answer card (verdict, amount, list or date, and status), then the evidence."""
    if msg.get("error"):
        st.error(common.md(msg["error"]))
        return
    doc = msg["doc"]
    head, _, rest = doc["answer"].partition("\n")
    with st.container(border=True):
        if doc["refused"]:
            st.info(common.md(head), icon=":material/block:")
        elif doc.get("clarify"):
            st.warning(common.md(head), icon=":material/help:")
        else:
            st.markdown(f"**{common.md(head)}**")
        if doc.get("estimate"):
            st.metric("测算补贴合计", common.money(doc["estimate"]["total_cny"]))
        for pid, status in (doc.get("statuses") or {}).items():
            text = f"{common.md(common.title_of(pid))} · {common.status_text(status)}（{common.as_of().isoformat()}）"
            st.caption(f":red[{text}]" if status == "closed" else text)
        options = (doc.get("clarify") or {}).get("options") or []
        if options and n == len(chat) - 1:
            cols = st.columns(min(len(options), 4))
            for i, (col, option) in enumerate(zip(cols, options[:4], strict=False)):
                if col.button(option, key=f"opt_{n}_{i}"):
                    st.session_state["pending"] = option
                    st.rerun()
    if rest.strip():
        with st.expander("详细说明", expanded=bool(doc.get("estimate") or doc.get("clarify"))):
            st.markdown(common.md_lines(rest))
    if doc.get("citations"):
        with st.expander(f"依据（{len(doc['citations'])} 条）", icon=":material/format_quote:"):
            for i, c in enumerate(doc["citations"], start=1):
                quote = c["quote"] if len(c["quote"]) <= 60 else c["quote"][:59] + "…"
                st.markdown(common.md(f"[{i}] 《{common.short_title(c['title'])}》{c['article']}：“{quote}”"))
                common.source_link(c, label=f"查看原文 [{i}]")
    if msg.get("caller") and not doc["refused"]:
        with st.expander("复制给来电人", icon=":material/content_copy:"):
            st.code(msg["caller"], language=None, wrap_lines=True)
    if msg.get("log_id"):
        st.feedback("thumbs", key=f"fb_{msg['log_id']}", on_change=rate, args=(msg["log_id"],))


for n, msg in enumerate(chat):
    with st.chat_message(msg["role"]):
        if msg["role"] == "user":
            st.markdown(common.md_lines(msg["content"]))
        else:
            show(msg, n)

prompt = st.chat_input("输入问题，例如：伊春上云补助比例是多少？", max_chars=2000) or st.session_state.pop("pending", None)
if not chat and not prompt:
    st.markdown("**可以这样问：**")
    cols = st.columns(len(STARTERS))
    for i, (col, q) in enumerate(zip(cols, STARTERS, strict=True)):
        if col.button(q, key=f"starter_{i}", width="stretch"):
            st.session_state["pending"] = q
            st.rerun()

if prompt:
    chat.append({"role": "user", "content": prompt})
    with st.chat_message("user"):
        st.markdown(common.md_lines(prompt))
    reply = ask(prompt)
    chat.append(reply)
    with st.chat_message("assistant"):
        show(reply, len(chat) - 1)

# Drawn last, so the facts of the question just answered are listed too.
with st.sidebar:
    if conv.facts:
        st.markdown("**对话已记住**")
        for i, f in enumerate(list(conv.facts)):
            left, right = st.columns([5, 1])
            left.caption(common.md(fact_text(f, common.title_of)))
            if right.button("删除", key=f"forget_{i}", help="删除这条"):
                conv.forget(f.field, f.programme, f.year)
                st.rerun()
    if chat and st.button("清空对话", icon=":material/delete_sweep:"):
        chat.clear()
        st.session_state["conversation"] = Conversation()
        st.session_state["chat_thread"] = uuid.uuid4().hex[:12]
        st.rerun()
