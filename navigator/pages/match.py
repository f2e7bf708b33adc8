"""政策匹配: describe the unit once, see what it can apply for, each condition checked against its article.

What the user leaves at 未知 stays unknown (never read as 否). The results
start with the few answers that would settle the most verdicts (answerable
right there), then the programmes that can apply — eligible and open first,
with the estimated amount when the facts allow one. Programmes that cannot
apply are folded away with the reason. The whole result can be taken away as
a company report (Word or PDF).
"""

import datetime as dt
from decimal import Decimal

import streamlit as st

from navigator import report
from navigator.availability import entry
from navigator.pages import common
from navigator.service import ProfileError, parse_profile
from navigator.triage import GROUP_TITLES, Item, triage

TRI = ["未知", "是", "否"]
TRI_VALUE = {"未知": None, "是": True, "否": False}
VALUE_TRI = {None: "未知", True: "是", False: "否"}
BOOLS_ENTERPRISE = ["industrial", "software_it", "four_above", "hq_enterprise", "new_key_investment",
                    "has_local_factory", "first_cloud_purchase", "cluster_pilot"]
BOOLS_RECORD = ["bad_credit_record", "dishonest_record", "fiscal_violation_5y", "violations_3y"]
BOOLS = ["independent_legal_person", *BOOLS_ENTERPRISE, *BOOLS_RECORD]
MONEY_ENTERPRISE = ["annual_tax_cny", "paid_in_capital_cny", "registered_capital_cny"]
COUNTS_PROVIDER = ["experts", "software_products", "enterprises_served_per_year"]
PLACES = {"province": "如 广东省", "city": "如 广州市、深圳", "district": "如 白云区"}
CERTS = ["ISO27001", "GB/T 22080", "GB/T 31168-2014"]
# Missing stays unknown: "none" must be said, an empty list is not read as "none".
HISTORY = ["未知", "都没有享受过", "享受过以下项目"]
CERT_STATES = ["未知", "没有任何认证", "已获得以下认证"]
REASON_ICON = {True: (":material/check_circle:", "符合"), False: (":material/cancel:", "不符合"),
               None: (":material/help:", "待确认")}
AMOUNT_KEY = "m_amount"

st.title("政策匹配")
st.caption(f"填写单位情况，逐项核对每个项目的申报条件；按 {common.as_of().isoformat()} 评估申报时间。"
           "不确定的选“未知”，不会被当作“否”。")

saved = common.profile_data()
reg = common.registry()


def tri(field: str, container=st) -> bool | None:
    current = {None: 0, True: 1, False: 2}[saved.get(field)]
    return TRI_VALUE[container.selectbox(common.field_label(field), TRI, index=current, key=f"m_{field}")]


def amount(field: str, container=st, *, integer: bool = False) -> float | int | None:
    value = saved.get(field)
    if integer:
        return container.number_input(common.field_label(field), min_value=0, value=value, step=1,
                                      key=f"m_{field}", placeholder="未知")
    return container.number_input(common.field_label(field), min_value=0.0, value=value, step=10000.0,
                                  format="%.2f", key=f"m_{field}", placeholder="未知")


with st.form("m_form"):
    st.markdown("**基本情况**")
    c1, c2, c3 = st.columns(3)
    sides = [None, "enterprise", "provider"]
    side = c1.selectbox("申请人", sides, index=sides.index(saved.get("side")), key="m_side",
                        format_func=lambda v: "未知" if v is None else common.SIDE[v])
    orgs = [None, *common.ORG_TYPES]
    org_type = c2.selectbox("单位类型", orgs, index=orgs.index(saved.get("org_type")), key="m_org_type",
                            format_func=lambda v: "未知" if v is None else common.ORG_TYPES[v])
    legal = tri("independent_legal_person", c3)
    c1, c2, c3, c4 = st.columns(4)
    province = c1.text_input("省份", value=saved.get("province", ""), key="m_province", placeholder=PLACES["province"],
                             max_chars=40)
    city = c2.text_input("城市", value=saved.get("city", ""), key="m_city", placeholder=PLACES["city"], max_chars=40)
    district = c3.text_input("区县", value=saved.get("district", ""), key="m_district", placeholder=PLACES["district"],
                             max_chars=40)
    born = saved.get("established_on")
    established = c4.date_input("成立日期", value=dt.date.fromisoformat(born) if isinstance(born, str) else born,
                                key="m_established_on", min_value=dt.date(1949, 1, 1), max_value=dt.date.today(),
                                format="YYYY-MM-DD")

    st.markdown("**企业情况**")
    cols = st.columns(4)
    flags = {f: tri(f, cols[n % 4]) for n, f in enumerate(BOOLS_ENTERPRISE)}
    cols = st.columns(3)
    money = {f: amount(f, cols[n]) for n, f in enumerate(MONEY_ENTERPRISE)}
    spend = st.number_input("本年度云服务费用或合同额（元，用于测算补贴，可不填）", min_value=0.0,
                            value=st.session_state.get(f"{AMOUNT_KEY}_saved"), step=10000.0, format="%.2f",
                            key=AMOUNT_KEY, placeholder="不填则不测算")
    st.markdown("**信用记录**")
    cols = st.columns(4)
    records = {f: tri(f, cols[n]) for n, f in enumerate(BOOLS_RECORD)}
    h1, h2 = st.columns([1, 3])
    had = saved.get("received_programmes")
    history = h1.selectbox("此前享受补助情况", HISTORY, key="m_history",
                           index=0 if had is None else (1 if not had else 2))
    received = h2.multiselect("享受过的项目（选“享受过以下项目”时填写）", list(reg.programmes), default=had or [],
                              format_func=common.title_of, key="m_received_programmes", placeholder="选择项目",
                              select_all=False)

    with st.expander("服务商信息（申请平台认定、资源池、备案时填写）"):
        cols = st.columns(3)
        counts = {f: amount(f, cols[n], integer=True) for n, f in enumerate(COUNTS_PROVIDER)}
        cols = st.columns(3)
        ratio = saved.get("qualified_staff_ratio")
        staff_pct = cols[0].number_input("大专以上学历且中级以上职称人员占比（%）", min_value=0.0, max_value=100.0,
                                         value=None if ratio is None else ratio * 100, step=1.0,
                                         key="m_qualified_staff_ratio", placeholder="未知")
        revenue = amount("service_revenue_cny", cols[1])
        had_certs = saved.get("security_certifications")
        cert_state = cols[2].selectbox("信息安全认证情况", CERT_STATES, key="m_cert_state",
                                       index=0 if had_certs is None else (1 if not had_certs else 2))
        certs = cols[2].multiselect("已获认证（选“已获得”时填写）", CERTS, default=had_certs or [],
                                    key="m_security_certifications", accept_new_options=True, placeholder="选择认证",
                                    select_all=False)
    submitted = st.form_submit_button("开始匹配", type="primary", icon=":material/fact_check:")

if submitted:
    data = {"side": side, "org_type": org_type, "independent_legal_person": legal,
            "province": province.strip() or None, "city": city.strip() or None, "district": district.strip() or None,
            "established_on": established.isoformat() if established else None,
            **flags, **money, **records, **counts,
            "received_programmes": None if history == HISTORY[0] else ([] if history == HISTORY[1] else received),
            "qualified_staff_ratio": None if staff_pct is None else staff_pct / 100,
            "service_revenue_cny": revenue,
            "security_certifications": None if cert_state == CERT_STATES[0] else ([] if cert_state == CERT_STATES[1]
                                                                                    else certs)}
    try:
        parse_profile({k: v for k, v in data.items() if v is not None})
    except ProfileError as e:
        st.error(common.md(f"填写有误：{e}"))
    else:
        common.set_profile_data(data)
        st.session_state[f"{AMOUNT_KEY}_saved"] = spend
        st.session_state.match_done = True
        st.session_state.match_scroll = True
        saved = common.profile_data()

if not st.session_state.get("match_done"):
    st.info("填写后点“开始匹配”。什么都不填也可以，先看看各项目要问哪些问题。")
    st.stop()

spend_saved = st.session_state.get(f"{AMOUNT_KEY}_saved")
profile = parse_profile(saved)
result = triage(profile, common.as_of(), reg, Decimal(str(spend_saved)) if spend_saved is not None else None)

st.subheader(f"匹配结果（{common.as_of().isoformat()}）", anchor="pn-results")
apply = result.group("apply")
counts_by = {v: sum(i.verdict == v for i in apply) for v in ("eligible", "unknown")}
st.markdown(f"可以申请 **{counts_by['eligible']}** 项，待补充信息 **{counts_by['unknown']}** 项；"
            f"另有 **{len(result.items) - len(apply)}** 项不能申请，已折叠在下方。")
if st.session_state.pop("match_scroll", False):
    st.html("<script>setTimeout(function(){var e=document.getElementById('pn-results');"
            "if(e){e.scrollIntoView({behavior:'smooth',block:'start'});}},300);</script>",
            unsafe_allow_javascript=True)


# --- 先回答这些 ---------------------------------------------------------------------------------------------


def quick_saved() -> None:
    """Apply the quick answers to the profile; the form above then redraws from the profile."""
    data = common.profile_data()
    for q in result.key_questions:
        key = f"q_{q.field}"
        if key not in st.session_state:
            continue
        value = st.session_state[key]
        if q.field in BOOLS:
            value = TRI_VALUE[value]
        elif q.field in PLACES:
            value = (value or "").strip() or None
        elif q.field == "established_on":
            value = value.isoformat() if value else None
        data[q.field] = value
    try:
        parse_profile({k: v for k, v in data.items() if v is not None})
    except ProfileError as e:
        st.session_state.quick_error = f"填写有误：{e}"
        return
    common.set_profile_data(data)
    for q in result.key_questions:  # the form's widgets take their value from the profile again
        st.session_state.pop(f"m_{q.field}", None)
        st.session_state.pop(f"q_{q.field}", None)
    st.session_state.match_scroll = True


def quick_input(q) -> bool:
    """One key question as an input bound to the same profile field; False when it needs the full form."""
    label = f"{q.label}（影响{len(q.programmes)}个项目）"
    current = saved.get(q.field)
    key = f"q_{q.field}"
    if q.field in BOOLS:
        st.selectbox(label, TRI, index=TRI.index(VALUE_TRI[current]), key=key)
    elif q.field == "side":
        st.selectbox(label, [None, *common.SIDE], key=key, format_func=lambda v: "未知" if v is None else common.SIDE[v])
    elif q.field == "org_type":
        st.selectbox(label, [None, *common.ORG_TYPES], key=key,
                     format_func=lambda v: "未知" if v is None else common.ORG_TYPES[v])
    elif q.field in PLACES:
        st.text_input(label, value=current or "", key=key, placeholder=PLACES[q.field], max_chars=40)
    elif q.field == "established_on":
        st.date_input(label, value=None, key=key, min_value=dt.date(1949, 1, 1), max_value=dt.date.today(),
                      format="YYYY-MM-DD")
    elif q.field in MONEY_ENTERPRISE or q.field == "service_revenue_cny":
        st.number_input(label, min_value=0.0, value=None, step=10000.0, format="%.2f", key=key, placeholder="未知")
    elif q.field in COUNTS_PROVIDER:
        st.number_input(label, min_value=0, value=None, step=1, key=key, placeholder="未知")
    else:
        return False
    return True


if result.key_questions:
    with st.container(border=True):
        st.markdown("**先回答这些**：下面几个问题能决定最多项目的结论。")
        error = st.session_state.pop("quick_error", None)
        if error:
            st.error(common.md(error))
        with st.form("m_quick", border=False):
            width = min(3, len(result.key_questions))
            in_form = []
            for start in range(0, len(result.key_questions), width):  # row by row: a phone keeps the ranking
                cols = st.columns(width)
                for col, q in zip(cols, result.key_questions[start:start + width], strict=False):
                    with col:
                        if quick_input(q):
                            in_form.append(q)
                        else:
                            st.markdown(f"{common.md(q.label)}（影响{len(q.programmes)}个项目）：请在上面的表单中填写。")
            if in_form:
                st.form_submit_button("用这些回答更新结果", on_click=quick_saved, icon=":material/refresh:")


# --- results -------------------------------------------------------------------------------------------------


def show(item: Item) -> None:
    r = item.result
    with st.container(border=True):
        head, badges = st.columns([3, 2], vertical_alignment="center")
        head.markdown(f"##### {common.md(item.title)}")
        with badges:
            row = st.container(horizontal=True)
            with row:
                common.verdict_badge(item.verdict)
                common.status_badge(item.status)
        prog = reg.programmes.get(item.programme)
        if prog is not None:
            st.caption(common.md(prog.summary))
        if r.get("status_note"):
            st.caption(common.md(f"申报时间：{r['status_note']}"))
        if item.status == "closed":
            st.warning("该项目在所选日期已截止或已失效，不能再申报；下面的核对仅供了解。", icon=":material/block:")
        if item.estimate_cny is not None:
            st.metric("测算补贴", common.money(item.estimate_cny),
                      help="按所填云服务费用或合同额和企业信息测算，详见“补贴测算”页或企业报告。")
        if r["missing"]:
            st.markdown("**还需确认：** " + "；".join(common.md(common.field_label(f)) for f in r["missing"]))
        st.markdown("**条件逐项核对**（点开看原文）")
        for reason in r["reasons"]:
            icon, word = REASON_ICON[reason["met"]]
            note = "" if reason["blocking"] or reason["met"] is not None else "（未知不影响判断）"
            common.citation_card(reason["citation"], label=f"{word}：{reason['condition']}{note}", icon=icon)
        if r["attestations"]:
            st.markdown("**由审核部门认定**")
            for a in r["attestations"]:
                common.citation_card(a["citation"], label=a["text"], icon=":material/gavel:")
        if item.group == "apply" and prog is not None:
            with st.expander("下一步：去哪里申报、找谁", icon=":material/directions:"):
                common.next_steps(entry(prog, common.as_of()))


if not apply:
    st.info("按所填信息和所选日期，没有可以申请的项目。下面折叠的是不能申请的项目及原因。")
for item in apply:
    show(item)

for group in ("closed", "ineligible", "other_side"):
    items = result.group(group)
    if not items:
        continue
    with st.container(border=True):
        st.markdown(f"**{GROUP_TITLES[group]}（{len(items)}项）**")
        for item in items:
            st.caption(common.md(f"{item.title}：{item.why_set_apart}"))
        if st.toggle("展开逐项核对", key=f"m_show_{group}"):
            for item in items:
                show(item)

# --- the company report -------------------------------------------------------------------------------------

st.subheader("企业报告")
st.caption("包括企业信息、各项目结论及理由、测算步骤、材料清单和截止日期，每一条都注明政策原文出处。")
company = st.text_input("企业名称（写入报告封面，可不填）", key="m_company", max_chars=60)
spend_dec = Decimal(str(spend_saved)) if spend_saved is not None else None


def build() -> report.CompanyReport:
    return report.build_report(profile, common.as_of(), reg, spend_dec, company=company, title_of=common.title_of)


r1, r2, _ = st.columns([1, 1, 2])
r1.download_button("下载 Word 报告", data=lambda: report.to_docx(build()),
                   file_name=f"政策评估报告-{common.as_of().isoformat()}.docx", mime=report.DOCX_MIME, on_click="ignore",
                   icon=":material/description:", width="stretch", key="m_report_docx")
r2.download_button("下载 PDF 报告", data=lambda: report.to_pdf(build()),
                   file_name=f"政策评估报告-{common.as_of().isoformat()}.pdf", mime=report.PDF_MIME, on_click="ignore",
                   icon=":material/picture_as_pdf:", width="stretch", key="m_report_pdf")
