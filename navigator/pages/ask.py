"""智能咨询: ask in plain Chinese; every answer quotes the articles it rests on and is logged for the helpdesk.

The conversation remembers what the user said (place, tax, fees...): a running
profile is passed to ``ask`` and earlier facts are added to follow-up questions.
"""

import streamlit as st

from navigator.pages import common
from navigator.service import ProfileError, parse_profile

STARTERS = [
    "伊春上云补助比例是多少？",
    "白云区公有云服务券怎么按纳税额封顶？",
    "深圳的工业企业能申请广东2020年上云服务券吗？",
    "东莞工业云平台认定需要满足哪些条件？",
]

st.title("智能咨询")
st.caption(f"回答逐条引用政策原文，按 {common.as_of().isoformat()} 评估申报时间（可在左侧修改日期）。")

chat: list[dict] = st.session_state.setdefault("chat", [])
facts: dict[str, str] = st.session_state.setdefault("chat_facts", {})


def show_answer(msg: dict) -> None:
    """One assistant message: the answer, an estimate, the programmes with their status, the citations."""
    if msg.get("error"):
        st.error(msg["error"])
        return
    if msg.get("refused"):
        st.info(common.md_lines(msg["answer"]), icon=":material/block:")
    else:
        st.markdown(common.md_lines(msg["answer"]))
    est = msg.get("estimate")
    if est:
        st.metric("测算补贴合计", common.money(est["total_cny"]))
    statuses = msg.get("statuses") or {}
    for pid in msg.get("programmes") or []:
        label = common.title_of(pid)
        status = statuses.get(pid, "unknown")
        text = f"涉及项目：{common.md(label)} · {common.status_text(status)}"
        st.caption(f":red[{text}]" if status == "closed" else text)
    if msg.get("citations"):
        st.markdown(f"**依据（{len(msg['citations'])} 条，点开看原文）**")
        common.citation_cards(msg["citations"])
    if msg.get("log_id"):
        st.feedback("thumbs", key=f"fb_{msg['log_id']}", on_change=rate, args=(msg["log_id"],))


def rate(log_id: int) -> None:
    """Store the user's thumbs as 有用 / 需改进 on the logged enquiry."""
    value = st.session_state.get(f"fb_{log_id}")
    common.enquiry_log().set_feedback(log_id, None if value is None else ("有用" if value == 1 else "需改进"))


def answer(question: str) -> dict:
    """Ask with the running profile and earlier facts, log the answer, return the message to show."""
    replies = [m for m in chat if m["role"] == "assistant"]
    last_est = bool(replies and replies[-1].get("estimate"))
    sent, added = common.follow_up(question, facts, last_est)
    new_facts, fields = common.extract_facts(sent)  # earlier facts and this question's own: disjoint kinds
    profile = common.profile_data()
    if any(k in fields for k in ("province", "city", "district")):
        profile = {k: v for k, v in profile.items() if k not in ("province", "city", "district")}
    profile.update(fields)
    facts.update(new_facts)
    common.set_profile_data(profile)
    try:
        prof = parse_profile(profile) if profile else None
    except ProfileError:
        prof = None
    try:
        with st.spinner("正在查找政策条文…"):
            result = common.answerer().ask(sent, profile=prof, as_of=common.as_of())
    except common.answer_error() as e:
        return {"role": "assistant", "error": f"无法回答：{e}"}
    reg = common.registry()
    statuses = {pid: common.status_of(reg.programmes[pid]) for pid in result.get("programmes") or []
                if pid in reg.programmes}
    log_id = common.enquiry_log().add(
        sent, result["answer"], citations=result.get("citations") or [], programmes=result.get("programmes") or [],
        refused=bool(result.get("refused")), profile=profile or None, as_of=common.as_of(),
        corpus_version=common.corpus().version)
    return {"role": "assistant", **result, "statuses": statuses, "sent": sent, "added": added, "log_id": log_id}


with st.sidebar:
    remembered = list(facts.values()) + [f"{common.field_label(k)}：{v}" for k, v in common.profile_data().items()
                                         if k not in ("province", "city", "district", "annual_tax_cny",
                                                      "paid_in_capital_cny")]
    if remembered:
        st.caption("对话已记住：" + "；".join(common.md(r) for r in remembered))
    if chat and st.button("清空对话", icon=":material/delete_sweep:"):
        chat.clear()
        facts.clear()
        st.rerun()

for msg in chat:
    with st.chat_message(msg["role"]):
        if msg["role"] == "user":
            st.markdown(common.md_lines(msg["content"]))
        else:
            if msg.get("added"):
                st.caption("已结合您之前提供的信息：" + "；".join(common.md(a) for a in msg["added"]))
            show_answer(msg)

prompt = st.chat_input("输入问题，例如：伊春上云补助比例是多少？", max_chars=2000)
if not chat:
    starters = st.empty()
    with starters.container():
        st.markdown("**可以这样问：**")
        cols = st.columns(len(STARTERS))
        for n, (col, q) in enumerate(zip(cols, STARTERS, strict=True)):
            if col.button(q, key=f"starter_{n}", width="stretch"):
                prompt = q
    if prompt:
        starters.empty()

if prompt:
    chat.append({"role": "user", "content": prompt})
    with st.chat_message("user"):
        st.markdown(common.md_lines(prompt))
    with st.chat_message("assistant"):
        reply = answer(prompt)
        chat.append(reply)
        if reply.get("added"):
            st.caption("已结合您之前提供的信息：" + "；".join(common.md(a) for a in reply["added"]))
        show_answer(reply)
