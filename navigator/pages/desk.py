"""坐席工作台: the enquiry log for the helpdesk: search, check the citations, copy, export, mark feedback."""

import json

import streamlit as st

from navigator import export
from navigator.enquiry_log import FEEDBACK_VALUES, Enquiry, local_time, render_text
from navigator.pages import common

FILTERS = {"全部": None, "未评价": "none", "有用": "有用", "需改进": "需改进"}

st.title("坐席工作台")
log = common.enquiry_log()

c1, c2, c3 = st.columns([3, 1, 1])
text = c1.text_input("搜索问题、答复或备注", key="d_text", placeholder="如 伊春、纳税、材料")
which = c2.selectbox("评价", list(FILTERS), key="d_feedback")
limit = c3.number_input("最多显示", min_value=10, max_value=1000, value=50, step=10, key="d_limit")
entries = log.search(text, int(limit), FILTERS[which])
st.caption(f"共 {log.count()} 条记录，显示 {len(entries)} 条（最新在前）。")

if not entries:
    st.info("没有符合条件的记录。在“智能咨询”提问后，每个答复都会记录在这里。")
    st.stop()

ids = [e.id for e in entries]
picked = st.multiselect("选择要导出的记录", ids, key=f"d_picked_{hash(tuple(ids))}", placeholder="不选则导出当前列表全部",
                        format_func=lambda i: f"#{i} {next(e.question for e in entries if e.id == i)[:30]}")
batch = [e for e in entries if e.id in picked] or entries
b1, b2, _ = st.columns([1, 1, 2])
b1.download_button(f"Markdown（{len(batch)} 条）", width="stretch", data=lambda: export.to_markdown(batch),
                   file_name=f"{export.file_stem(batch)}.md", mime="text/markdown", icon=":material/download:",
                   on_click="ignore", key="d_md_all")
b2.download_button(f"Word（{len(batch)} 条）", width="stretch", data=lambda: export.to_docx(batch),
                   file_name=f"{export.file_stem(batch)}.docx", mime=export.DOCX_MIME, icon=":material/description:",
                   on_click="ignore", key="d_docx_all")


def save_feedback(enquiry_id: int) -> None:
    mark = st.session_state.get(f"d_mark_{enquiry_id}")
    comment = st.session_state.get(f"d_comment_{enquiry_id}", "")
    log.set_feedback(enquiry_id, None if mark == "未评价" else mark, comment)
    st.toast(f"记录 #{enquiry_id} 的评价已保存")


def show(e: Enquiry) -> None:
    mark = f" · {e.feedback}" if e.feedback else ""
    label = f"#{e.id} · {local_time(e.created_at)} · {e.question[:60]}{mark}"
    with st.container(border=True):
        st.markdown(f"**{common.md(label)}**")
        if e.refused:
            st.caption("现有政策文本未覆盖此问题（已拒答）")
        st.markdown("**答复**  \n" + common.md_lines(e.answer))
        meta = [f"评估日期 {e.as_of.isoformat()}" if e.as_of else "评估日期未记录",
                f"政策文本版本 {e.corpus_version or '未记录'}"]
        if e.programmes:
            meta.append("涉及项目 " + "、".join(common.title_of(p) for p in e.programmes))
        st.caption(common.md(" · ".join(meta)))
        tabs = st.tabs([f"依据（{len(e.citations)}）", "复制", "企业信息", "评价与导出"])
        with tabs[0]:
            if e.citations:
                common.citation_cards(e.citations)
            else:
                st.caption("无引文。")
        with tabs[1]:
            st.caption("点代码框右上角的复制按钮，即可连同依据一起粘贴到回复中。")
            st.code(render_text(e), language=None, wrap_lines=True)
        with tabs[2]:
            if e.profile:
                st.code(json.dumps(e.profile, ensure_ascii=False, indent=2), language="json")
            else:
                st.caption("回答时未使用企业信息。")
        with tabs[3]:
            options = ["未评价", *FEEDBACK_VALUES]
            with st.form(f"d_form_{e.id}", border=False):
                st.radio("评价", options, index=options.index(e.feedback or "未评价"), horizontal=True,
                         key=f"d_mark_{e.id}")
                st.text_area("备注", value=e.comment or "", key=f"d_comment_{e.id}", height=68,
                             placeholder="例如：应补充兑现时间")
                st.form_submit_button("保存评价", on_click=save_feedback, args=(e.id,))
            d1, d2 = st.columns(2)
            d1.download_button("下载 Markdown", lambda: export.to_markdown([e]), file_name=f"enquiry-{e.id}.md",
                               mime="text/markdown", on_click="ignore", key=f"d_md_{e.id}")
            d2.download_button("下载 Word", lambda: export.to_docx([e]), file_name=f"enquiry-{e.id}.docx",
                               mime=export.DOCX_MIME, on_click="ignore", key=f"d_docx_{e.id}")


for entry in entries:
    show(entry)
