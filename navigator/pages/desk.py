"""坐席工作台: the helpdesk's work queue (staff only).

A compact list of conversations, one line each, filtered by date, programme,
feedback, refusals and follow-up status; a click opens the conversation in the
caller's own words, with its citations, a reply to copy, the case fields
(caller, company, phone, 待回电 / 已解决), feedback and exports. A second tab
holds the figures: enquiries per day and per programme, 有用 / 需改进 rates
and the questions the product could not answer (the corpus's knowledge gaps).
"""

import datetime as dt

import pandas as pd
import streamlit as st

from navigator import export, report
from navigator.enquiry_log import (
    CASE_STATUSES,
    FEEDBACK_VALUES,
    Enquiry,
    Filters,
    LogError,
    Thread,
    local_time,
    render_text,
    today,
    write_failures,
)
from navigator.labels import profile_lines
from navigator.pages import common, login
from navigator.service import ProfileError, parse_profile

PAGE = "坐席工作台"
FEEDBACK = {"全部": None, "未评价": "none", "有用": "有用", "需改进": "需改进"}
ANSWERED = {"全部": None, "仅拒答": True, "仅已答复": False}
FOLLOW = {"全部": None, "待回电": "待回电", "已解决": "已解决", "未标记": "none"}
PERIODS = {"近7天": 7, "近30天": 30, "近90天": 90, "全部": None, "自定义": -1}
OPEN_KEY = "d_open"

user = login.require_staff(PAGE)  # nothing of the log is read before this
login.staff_sidebar(user)

st.title(PAGE)
log = common.enquiry_log()
reg = common.registry()

# --- write failures: the answers were shown, the log could not keep them -------------------------------------
failures = write_failures()
waiting = log.spooled()
if failures or waiting:
    with st.container(border=True):
        last = failures[0] if failures else None
        text = f"咨询记录写入失败 {len(failures)} 次（本次启动以来）" if failures else "有咨询记录暂存未写入"
        if last:
            text += f"；最近一次 {local_time(last.at)}，参考编号 {last.ref}，原因：{last.error}"
        st.warning(common.md(text + "。答复已照常显示给用户。"), icon=":material/database:")
        if waiting:
            c1, c2 = st.columns([3, 1], vertical_alignment="center")
            c1.caption(f"暂存文件中有 {waiting} 条记录，存储恢复后可写回。")
            if c2.button("写回暂存记录", key="d_replay", icon=":material/restore:"):
                n = log.replay_spool()
                st.toast(f"已写回 {n} 条记录")
                st.rerun()

queue, figures = st.tabs(["咨询记录", "统计"])


def period(prefix: str, container) -> tuple[dt.date | None, dt.date | None]:
    """A date range: a preset or two dates (China Standard Time days)."""
    choice = container.selectbox("时间", list(PERIODS), index=1, key=f"{prefix}_period")
    days = PERIODS[choice]
    now = today()
    if days is None:
        return None, None
    if days > 0:
        return now - dt.timedelta(days=days - 1), now
    a, b = container.columns(2)
    start = a.date_input("起", value=now - dt.timedelta(days=29), key=f"{prefix}_from", format="YYYY-MM-DD")
    end = b.date_input("止", value=now, key=f"{prefix}_to", format="YYYY-MM-DD")
    return (start, end) if start <= end else (end, start)


def programme_choice(key: str, container) -> str | None:
    return container.selectbox("涉及项目", [None, *reg.programmes], key=key,
                               format_func=lambda p: "全部项目" if p is None else common.title_of(p))


# --- the queue ------------------------------------------------------------------------------------------------


def thread_row(t: Thread) -> dict:
    case = t.case
    who = " · ".join(x for x in (case.caller_name, case.company) if x)
    marks = {e.feedback for e in t.enquiries if e.feedback}
    progs = list(dict.fromkeys(p for e in t.enquiries for p in e.programmes))
    return {
        "时间": local_time(t.last_at),
        "来电人": who or "—",
        "问题": t.first.question.replace("\n", " ")[:80],
        "轮数": len(t.enquiries),
        "涉及项目": "、".join(common.title_of(p) for p in progs[:2]) + ("等" if len(progs) > 2 else "") or "—",
        "结果": "拒答" if any(e.refused for e in t.enquiries) else "已答复",
        "评价": "、".join(sorted(marks)) or "未评价",
        "跟进": case.status or "—",
    }


def pick() -> None:
    key = st.session_state.get("d_pick")
    if key:
        st.session_state[OPEN_KEY] = key
        st.query_params.pop("case", None)


def pick_label(threads: list[Thread], key: str) -> str:
    t = next(x for x in threads if x.key == key)
    return f"{local_time(t.last_at)} · {t.first.question.replace(chr(10), ' ')[:40]}"


def save_case(key: str) -> None:
    try:
        log.set_case(key, caller_name=st.session_state.get(f"d_name_{key}"),
                     company=st.session_state.get(f"d_company_{key}"), phone=st.session_state.get(f"d_phone_{key}"),
                     status=st.session_state.get(f"d_status_{key}") or None,
                     note=st.session_state.get(f"d_note_{key}"))
    except (LogError, KeyError, ValueError) as e:
        st.session_state.d_case_error = str(e)
        return
    st.toast("已保存来电信息")


def save_feedback(enquiry_id: int) -> None:
    mark = st.session_state.get(f"d_mark_{enquiry_id}")
    comment = st.session_state.get(f"d_comment_{enquiry_id}", "")
    try:
        log.set_feedback(enquiry_id, None if mark == "未评价" else mark, comment)
    except (LogError, KeyError) as e:
        st.session_state.d_case_error = str(e)
        return
    st.toast(f"记录 #{enquiry_id} 的评价已保存")


def attach_report(t: Thread, e: Enquiry) -> None:
    try:
        prof = parse_profile(e.profile or {})
    except ProfileError as err:
        st.session_state.d_case_error = f"企业信息无法生成报告：{err}"
        return
    rep = report.build_report(prof, e.as_of or common.as_of(), reg, company=t.case.company, title_of=common.title_of)
    log.attach_report(t.key, rep.model_dump(mode="json"))
    st.toast("企业报告已附到此来电")


def show_enquiry(t: Thread, e: Enquiry, n: int) -> None:
    with st.container(border=True):
        st.markdown(f"**第{n}问** · {local_time(e.created_at)} · 记录 #{e.id}" + (" · 已拒答" if e.refused else ""))
        st.caption("来电人原话")
        st.text(e.question)
        if e.read_as:
            st.caption("结合上文理解为")
            st.text(e.read_as)
        st.markdown("**答复**  \n" + common.md_lines(e.answer))
        meta = [f"评估日期 {e.as_of.isoformat()}" if e.as_of else "评估日期未记录",
                f"政策文本版本 {e.corpus_version or '未记录'}"]
        if e.programmes:
            meta.append("涉及项目 " + "、".join(common.title_of(p) for p in e.programmes))
        st.caption(common.md(" · ".join(meta)))
        tabs = st.tabs([f"依据（{len(e.citations)}）", "复制答复", "企业信息", "评价"])
        with tabs[0]:
            if e.citations:
                common.citation_cards(e.citations)
            else:
                st.caption("无引文。")
        with tabs[1]:
            st.caption("点右上角的复制按钮，即可连同依据一起粘贴到短信或回复中。")
            st.code(render_text(e), language=None, wrap_lines=True)
        with tabs[2]:
            lines = profile_lines(e.profile, common.title_of)
            if lines:
                st.dataframe(pd.DataFrame({"项目": [x.label for x in lines], "内容": [x.value for x in lines]}),
                             hide_index=True, width="stretch")
            else:
                st.caption("回答时未使用企业信息。")
        with tabs[3]:
            options = ["未评价", *FEEDBACK_VALUES]
            with st.form(f"d_form_{e.id}", border=False):
                st.radio("评价", options, index=options.index(e.feedback or "未评价"), horizontal=True,
                         key=f"d_mark_{e.id}")
                st.text_area("备注", value=e.comment or "", key=f"d_comment_{e.id}", height=68, max_chars=2000,
                             placeholder="例如：应补充兑现时间")
                st.form_submit_button("保存评价", on_click=save_feedback, args=(e.id,))


def show_thread(t: Thread) -> None:
    st.subheader(f"来电详情 · {local_time(t.first.created_at)} 起，共 {len(t.enquiries)} 问", anchor="pn-case")
    error = st.session_state.pop("d_case_error", None)
    if error:
        st.error(common.md(error))
    case = t.case
    with st.form(f"d_case_{t.key}"):
        st.markdown("**来电信息**（个人信息，仅坐席可见；导出时会注明）")
        c1, c2, c3, c4 = st.columns([1, 2, 1, 1])
        c1.text_input("来电人", value=case.caller_name or "", key=f"d_name_{t.key}", max_chars=60)
        c2.text_input("单位", value=case.company or "", key=f"d_company_{t.key}", max_chars=120)
        c3.text_input("电话", value=case.phone or "", key=f"d_phone_{t.key}", max_chars=40)
        statuses = ["", *CASE_STATUSES]
        c4.selectbox("跟进状态", statuses, index=statuses.index(case.status or ""), key=f"d_status_{t.key}",
                     format_func=lambda s: s or "未标记")
        st.text_area("坐席备注", value=case.note or "", key=f"d_note_{t.key}", height=68, max_chars=2000)
        st.form_submit_button("保存来电信息", on_click=save_case, args=(t.key,), icon=":material/save:")

    for n, e in enumerate(t.enquiries, start=1):
        show_enquiry(t, e, n)

    cases = {t.key: case}
    st.markdown("**导出与附件**")
    b1, b2, b3 = st.columns(3)
    b1.download_button("导出此来电 Word", data=lambda: export.to_docx(t.enquiries, cases=cases, title_of=common.title_of),
                       file_name=f"{export.file_stem(t.enquiries)}.docx", mime=export.DOCX_MIME, on_click="ignore",
                       icon=":material/description:", key=f"d_docx_{t.key}", width="stretch")
    b2.download_button("导出此来电 Markdown",
                       data=lambda: export.to_markdown(t.enquiries, cases=cases, title_of=common.title_of),
                       file_name=f"{export.file_stem(t.enquiries)}.md", mime="text/markdown", on_click="ignore",
                       icon=":material/download:", key=f"d_md_{t.key}", width="stretch")
    with_profile = next((e for e in reversed(t.enquiries) if e.profile), None)
    if with_profile is not None:
        b3.button("生成企业报告并附到此来电", on_click=attach_report, args=(t, with_profile),
                  icon=":material/attach_file:", key=f"d_attach_{t.key}", width="stretch")
    else:
        b3.caption("此来电未使用企业信息，无法生成企业报告。")
    if case.report:
        rep = report.CompanyReport.model_validate(case.report)
        st.caption(f"已附企业报告（{local_time(case.report_at)} 生成，评估日期 {rep.as_of.isoformat()}）")
        r1, r2, _ = st.columns([1, 1, 1])
        r1.download_button("下载附件 Word", data=lambda: report.to_docx(rep), on_click="ignore",
                           file_name=f"政策评估报告-{rep.as_of.isoformat()}.docx", mime=report.DOCX_MIME,
                           key=f"d_rep_docx_{t.key}", icon=":material/description:", width="stretch")
        r2.download_button("下载附件 PDF", data=lambda: report.to_pdf(rep), on_click="ignore",
                           file_name=f"政策评估报告-{rep.as_of.isoformat()}.pdf", mime=report.PDF_MIME,
                           key=f"d_rep_pdf_{t.key}", icon=":material/picture_as_pdf:", width="stretch")


with queue:
    f1, f2, f3 = st.columns([2, 1, 1])
    text = f1.text_input("搜索", key="d_text", placeholder="问题、答复、备注、来电人、单位或电话", max_chars=200)
    date_from, date_to = period("d", f2)
    programme = programme_choice("d_programme", f3)
    active = sum(st.session_state.get(k, "全部") != "全部" for k in ("d_feedback", "d_refused", "d_follow"))
    with st.expander("更多筛选：评价、拒答、跟进状态" + (f"（已选 {active} 项）" if active else ""),
                     icon=":material/filter_list:"):
        f4, f5, f6, f7 = st.columns(4)
        feedback = FEEDBACK[f4.selectbox("评价", list(FEEDBACK), key="d_feedback")]
        refused = ANSWERED[f5.selectbox("结果", list(ANSWERED), key="d_refused")]
        follow = FOLLOW[f6.selectbox("跟进", list(FOLLOW), key="d_follow")]
        limit = f7.selectbox("最多显示", [50, 200, 1000], index=1, key="d_limit",
                             format_func=lambda n: f"{n} 个来电")
    filters = Filters(text=text or None, date_from=date_from, date_to=date_to, programme=programme,
                      feedback=feedback, refused=refused, case_status=follow, limit=limit)
    try:
        threads = log.threads(filters)
        total = log.count()
    except LogError as e:
        st.error(common.md(f"{e}。请检查数据目录或数据库设置。"), icon=":material/database:")
        st.stop()
    st.caption(f"共 {total} 条记录；符合条件的来电 {len(threads)} 个（最新在前），点一行打开。")
    opened_key = st.query_params.get("case") or st.session_state.get(OPEN_KEY)  # a link, a click or a choice
    if not threads:
        st.info("没有符合条件的记录。在“智能咨询”提问后，每个答复都会记录在这里。")
    else:
        table = pd.DataFrame([thread_row(t) for t in threads])
        event = st.dataframe(table, hide_index=True, width="stretch", on_select="rerun", selection_mode="single-row",
                             key="d_list", column_config={"问题": st.column_config.TextColumn(width="large")})
        rows = event.selection.rows if event is not None else []
        if rows and rows[0] < len(threads):
            opened_key = threads[rows[0]].key
            st.session_state[OPEN_KEY] = opened_key
        # The same choice without a pointer (phones, keyboards, screen readers).
        st.selectbox("打开来电", [None, *(t.key for t in threads)], key="d_pick", on_change=pick,
                     format_func=lambda k: "（或在此选择一个来电）" if k is None else pick_label(threads, k))
        entries = [e for t in threads for e in t.enquiries]
        cases = {t.key: t.case for t in threads}
        x1, x2, x3 = st.columns([1, 1, 2], vertical_alignment="center")
        personal = x3.checkbox("导出时包含来电人信息（个人信息）", key="d_personal")
        x1.download_button(f"导出列表 Word（{len(threads)} 个来电）", width="stretch",
                           data=lambda: export.to_docx(entries, cases=cases if personal else None,
                                                       title_of=common.title_of),
                           file_name=f"{export.file_stem(entries)}.docx", mime=export.DOCX_MIME,
                           icon=":material/description:", on_click="ignore", key="d_docx_all")
        x2.download_button("导出列表 Markdown", width="stretch",
                           data=lambda: export.to_markdown(entries, cases=cases if personal else None,
                                                           title_of=common.title_of),
                           file_name=f"{export.file_stem(entries)}.md", mime="text/markdown",
                           icon=":material/download:", on_click="ignore", key="d_md_all")
    opened = next((t for t in threads if t.key == opened_key), None) if opened_key else None
    if opened is None and opened_key:
        opened = log.thread(opened_key)
    if opened is not None:
        show_thread(opened)

# --- figures -----------------------------------------------------------------------------------------------------

with figures:
    g1, _ = st.columns([1, 2])
    s_from, s_to = period("s", g1)
    try:
        stats = log.stats(s_from, s_to)
    except LogError as e:
        st.error(common.md(f"{e}。"), icon=":material/database:")
        st.stop()
    m1, m2, m3, m4 = st.columns(4)
    m1.metric("咨询总数", stats.total)
    useful, needs = stats.rate("有用"), stats.rate("需改进")
    m2.metric("有用率", "—" if useful is None else f"{useful:.0%}", help=f"已评价 {stats.rated} 条")
    m3.metric("需改进率", "—" if needs is None else f"{needs:.0%}", help=f"已评价 {stats.rated} 条")
    m4.metric("拒答（知识缺口）", len(stats.refused))
    if stats.per_day:
        st.markdown("**每日咨询量**")
        st.bar_chart(pd.DataFrame({"咨询数": [d.count for d in stats.per_day]},
                                  index=[d.day.isoformat() for d in stats.per_day]),
                     x_label="日期", y_label="咨询数", height=240)
    if stats.per_programme:
        st.markdown("**各项目咨询量**")
        st.dataframe(pd.DataFrame({"项目": [common.title_of(p) for p in stats.per_programme],
                                   "咨询数": list(stats.per_programme.values())}),
                     hide_index=True, width="stretch")
    st.markdown("**未能回答的问题**（政策库未覆盖，供维护政策库参考）")
    if stats.refused:
        st.dataframe(pd.DataFrame({"时间": [local_time(e.created_at) for e in stats.refused],
                                   "问题（原话）": [e.question.replace("\n", " ") for e in stats.refused],
                                   "记录": [f"#{e.id}" for e in stats.refused]}),
                     hide_index=True, width="stretch",
                     column_config={"问题（原话）": st.column_config.TextColumn(width="large")})
    else:
        st.caption("所选时间内没有拒答的问题。")
