"""政策管理: add, replace and repeal policy texts, and see every change (staff only).

Upload a Word, PDF, web page or text file; the page shows the parsed article outline and the metadata read
from it, the metadata is corrected in a form, and 发布 stores the policy and indexes only its articles
(``navigator.publishing``), so the chat answers from it at once. The list shows each document's version on
the evaluation date, its status and how many programmes have calculation rules for it; a programme skeleton
can be downloaded for a policy without rules. The change log says who changed what, when, from which file.
"""

import datetime as dt
import re

import pandas as pd
import streamlit as st

from navigator import drafting, publishing
from navigator.corpus import PolicyDataError
from navigator.index_store import IndexUnavailable
from navigator.ingest import IngestError, MetaError, read_meta, read_policy
from navigator.pages import common, login
from navigator.policy_store import PolicyStore, StoreError

PAGE = "政策管理"
TYPES = ["docx", "pdf", "html", "htm", "txt", "md"]
STATUS = {"in_force": "现行有效", "not_yet_effective": "尚未生效", "expired": "已过有效期", "repealed": "已废止",
          "superseded": "已被新版本替代"}
SOURCE = {"shipped": "随系统提供", "added": "运行中添加"}
KIND = {"docx": "Word ", "pdf": "PDF ", "html": "网页", "txt": "文本", "md": "Markdown "}
ACTION = {"add": "新增", "replace": "发布新版本", "repeal": "废止"}
PROBLEMS = (IngestError, MetaError, StoreError, PolicyDataError, IndexUnavailable)
FIELDS = ("id", "title", "doc_number", "issuer", "issued_on", "effective_on", "expires_on", "region", "aliases",
          "validity_note")

user = login.require_staff(PAGE)  # nothing of the store is shown before this
login.staff_sidebar(user)

st.title(PAGE)
st.caption("上传政策原文（Word、PDF、网页或文本），核对解析出的条款和元数据后发布；发布后智能咨询立即可以引用。"
           "替换会保留旧版本供历史日期查询，废止的政策仍可作为历史查阅。")
store = PolicyStore.default()
day = common.as_of()


def one_line(e: BaseException) -> str:
    return " ".join(str(e).split())


def show_published(done: publishing.Published) -> None:
    idx = done.index
    text = (f"已{ACTION[done.action]}：{done.doc_id} 第{done.version}版"
            + (f"，{done.articles} 个条款" if done.articles is not None else ""))
    if idx.error:
        st.session_state["adm_notice"] = ("warning", text + f"。检索索引暂未更新（{idx.error}），下次启动时重建。")
    else:
        st.session_state["adm_notice"] = ("success", text + f"。已索引 {idx.embedded} 个条款"
                                          f"{'（增量更新）' if idx.incremental else '（重建索引）'}，用时 {idx.seconds:.1f} 秒。")


notice = st.session_state.pop("adm_notice", None)
if notice:
    getattr(st, notice[0])(common.md(notice[1]), icon=":material/task_alt:" if notice[0] == "success" else None)

listing, upload, repeal_tab, history = st.tabs(["政策列表", "上传发布", "废止", "变更记录"])

# --- the list ---------------------------------------------------------------------------------------------

try:
    rows = store.list(day)
    reg = common.registry()
except PROBLEMS as e:
    st.error(common.md(f"政策库无法读取：{one_line(e)}"))
    st.stop()

with listing:
    st.caption(f"按 {day.isoformat()} 的版本和状态（左侧“按此日期评估”可改）。")
    table = pd.DataFrame([{
        "编号": r.doc_id, "标题": r.title, "版本": f"第{r.version}版（共{r.versions}版）",
        "状态": STATUS.get(r.status, r.status), "来源": SOURCE[r.source],
        "测算规则": len(reg.of_document(r.doc_id)), "生效日期": r.in_force_from.isoformat(),
        "有效期至": r.expires_on.isoformat() if r.expires_on else "未规定",
        "废止日期": r.repealed_on.isoformat() if r.repealed_on else ""} for r in rows])
    st.dataframe(table, hide_index=True, width="stretch")
    no_rules = [r.doc_id for r in rows if not reg.of_document(r.doc_id)]
    if no_rules:
        st.markdown("**尚无测算规则的政策**：回答其问题时只引用原文，说明“本政策暂无测算规则”。"
                    "下载规则草稿，按原文填写每一处引用后，交维护人员放入测算规则目录。")
        chosen = st.selectbox("政策", no_rules, key="adm_draft_doc")
        try:
            draft = drafting.draft(chosen, store=store)
        except PROBLEMS as e:
            st.error(common.md(one_line(e)))
        else:
            st.download_button("下载测算规则草稿", draft.yaml.encode("utf-8"),
                               file_name=f"{draft.programme_id}.yaml", mime="text/yaml", key="adm_draft_dl",
                               icon=":material/download:")
            st.caption(f"草稿列出了原文中的 {len(draft.candidates)} 个候选句（比例、金额、日期、期限、条件、联系方式）。")

# --- upload, preview, publish ------------------------------------------------------------------------------


def prefill(data: bytes, name: str, replacing: str | None) -> None:
    """Fill the form from the file (title, 文号 as printed) or from the version being replaced."""
    values: dict = {k: None for k in FIELDS}
    if replacing:
        doc = store.document(replacing)
        values.update(id=doc.id, title=doc.title, doc_number=doc.doc_number, issuer=doc.issuer,
                      region="".join(doc.region.values()), aliases="、".join(doc.aliases),
                      validity_note=doc.validity_note)
    try:
        parsed = read_policy(data, name)
    except IngestError:
        parsed = None
    if parsed is not None:
        values["title"] = parsed.title or values["title"]
        values["doc_number"] = parsed.doc_number or values["doc_number"]
    for k in FIELDS:
        v = values.get(k)
        st.session_state[f"adm_{k}"] = v if v is not None else (None if k.endswith("_on") else "")


def form_meta() -> dict:
    """The metadata as the form holds it, in the fields of META.yaml."""
    meta: dict = {}
    for k in FIELDS:
        v = st.session_state.get(f"adm_{k}")
        if v in (None, ""):
            continue
        if k == "aliases":
            v = [a for a in re.split(r"[,，、;；\s]+", str(v)) if a]
        elif isinstance(v, dt.date):
            v = v.isoformat()
        elif isinstance(v, str):
            v = v.strip()
        meta[k] = v
    return meta


with upload:
    mode = st.radio("操作", ["新增政策", "发布新版本（替换）"], horizontal=True, key="adm_mode")
    replacing = None
    if mode != "新增政策":
        live = [r.doc_id for r in rows if r.repealed_on is None]
        replacing = st.selectbox("替换哪个政策", live, key="adm_replace_doc")
    file = st.file_uploader("政策原文", type=TYPES, key=f"adm_file_{st.session_state.get('adm_uploads', 0)}",
                            help="按文件内容识别类型；扫描件请先OCR。单个文件不超过 20 MB。")
    if file is None:
        st.info("请上传政策原文文件。", icon=":material/upload_file:")
    else:
        data = file.getvalue()
        stamp = (file.file_id, file.name, len(data), replacing)
        if st.session_state.get("adm_loaded") != stamp:
            prefill(data, file.name, replacing)
            st.session_state["adm_loaded"] = stamp
            st.session_state.pop("adm_checked", None)
        with st.form("adm_meta_form"):
            st.markdown("**元数据**（与政策文本开头的元数据字段相同；带 * 为必填）")
            a, b = st.columns(2)
            a.text_input("编号 *（小写字母、数字、连字符）", key="adm_id", placeholder="如 tianmen-2024-cloud",
                         disabled=replacing is not None)
            b.text_input("文号", key="adm_doc_number")
            st.text_input("标题 *", key="adm_title")
            a, b = st.columns(2)
            a.text_input("发文机关 *", key="adm_issuer")
            b.text_input("适用地区 *（如 湖北天门、广州市白云区）", key="adm_region")
            a, b, c = st.columns(3)
            a.date_input("发布日期 *", key="adm_issued_on", format="YYYY-MM-DD", min_value=dt.date(1990, 1, 1),
                         max_value=dt.date(2100, 12, 31))
            b.date_input("生效日期", key="adm_effective_on", format="YYYY-MM-DD", min_value=dt.date(1990, 1, 1),
                         max_value=dt.date(2100, 12, 31))
            c.date_input("有效期至（含当日）", key="adm_expires_on", format="YYYY-MM-DD",
                         min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31))
            st.text_input("别名（提问时指向本政策的词，用逗号或顿号分隔）", key="adm_aliases")
            st.text_input("有效期说明", key="adm_validity_note")
            checked = st.form_submit_button("解析预览", type="primary", icon=":material/preview:")
        if checked:
            st.session_state["adm_checked"] = stamp
        if st.session_state.get("adm_checked") == stamp:
            meta = form_meta()
            if replacing:
                meta["id"] = replacing
            try:
                m = read_meta(meta)
                doc, parsed = store.preview(data, m, file.name)
            except PROBLEMS as e:
                st.error(common.md(one_line(e)), icon=":material/error:")
            else:
                st.success(common.md(f"解析成功：{KIND[parsed.kind]}文件，{parsed.characters:,} 字，"
                                     f"{len(doc.articles)} 个条款" + (f"，{parsed.pages} 页" if parsed.pages else "")
                                     + f"；文件校验值 {parsed.sha256[:16]}…"), icon=":material/check_circle:")
                if parsed.dropped or parsed.repaired:
                    st.caption(common.md(f"已去除页眉页码等 {len(parsed.dropped)} 处，修复重复粗体 {len(parsed.repaired)} 处。"))
                region = "".join(doc.region.values())
                st.markdown(common.md(f"《{doc.title}》{doc.doc_number or ''}｜{doc.issuer}｜{region}｜"
                                      f"{doc.in_force_from.isoformat()} 起施行"
                                      + (f"，有效期至 {doc.expires_on.isoformat()}" if doc.expires_on else "")))
                outline = pd.DataFrame([{
                    "条款": a.label, "层级": len(a.path), "内容": (a.sentences() or [a.own_text])[0][:60]}
                    for a in sorted(doc.articles.values(), key=lambda a: a.order)])
                st.dataframe(outline, hide_index=True, width="stretch", height=320)
                label = "发布为新版本" if replacing else "发布"
                if st.button(label, type="primary", key="adm_publish", icon=":material/publish:"):
                    try:
                        with st.spinner("正在保存并更新检索索引…"):
                            if replacing:
                                done = publishing.replace(replacing, data, m, filename=file.name, actor=user.name,
                                                          store=store)
                            else:
                                done = publishing.add(data, m, filename=file.name, actor=user.name, store=store)
                    except PROBLEMS as e:
                        st.error(common.md(one_line(e)), icon=":material/error:")
                    else:
                        show_published(done)
                        for k in ("adm_checked", "adm_loaded"):
                            st.session_state.pop(k, None)
                        st.session_state["adm_uploads"] = st.session_state.get("adm_uploads", 0) + 1
                        st.rerun()

# --- repeal ------------------------------------------------------------------------------------------------

with repeal_tab:
    live = [r for r in rows if r.repealed_on is None]
    if not live:
        st.info("没有可废止的政策。")
    else:
        with st.form("adm_repeal_form"):
            titles = {r.doc_id: f"{r.doc_id}｜{r.title}" for r in live}
            doc_id = st.selectbox("政策", list(titles), format_func=titles.get, key="adm_repeal_doc")
            on = st.date_input("自哪天起废止（当天起不再有效）", key="adm_repeal_on", format="YYYY-MM-DD",
                               value=day, min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31))
            by = st.text_input("废止依据（文号或说明，可不填）", key="adm_repeal_by")
            sure = st.checkbox("确认废止：此后的问题将注明已废止，原文仍可作为历史查阅", key="adm_repeal_sure")
            go = st.form_submit_button("废止", type="primary", icon=":material/block:")
        if go:
            if not sure:
                st.warning("请先勾选确认。")
            else:
                try:
                    done = publishing.repeal(doc_id, on, by.strip() or None, actor=user.name, store=store)
                except PROBLEMS as e:
                    st.error(common.md(one_line(e)), icon=":material/error:")
                else:
                    show_published(done)
                    st.rerun()

# --- the change log ----------------------------------------------------------------------------------------

with history:
    try:
        entries = store.log()
    except PROBLEMS as e:
        st.error(common.md(one_line(e)))
        entries = []
    if not entries:
        st.info("还没有变更记录：目前只有随系统提供的政策文本。")
    else:
        st.dataframe(pd.DataFrame([{
            "序号": e.seq, "时间": e.at.strftime("%Y-%m-%d %H:%M"), "操作": ACTION[e.action], "政策": e.doc_id,
            "版本": e.version or "", "文件": e.filename or "", "类型": e.kind or "",
            "文件校验值（SHA-256）": e.sha256 or "", "操作人": e.actor or "",
            "说明": (f"自 {e.repealed_on.isoformat()} 起废止" + (f"（{e.repealed_by}）" if e.repealed_by else "")
                     if e.action == "repeal" else f"{e.articles or 0} 个条款，{e.in_force_from} 起施行")}
            for e in reversed(entries)]), hide_index=True, width="stretch")
