"""政策匹配: describe the unit once, see every programme ranked with each condition checked against its article.

What the user leaves at 未知 stays unknown (never read as 否); the page then
says which answers would settle the verdict.
"""

import datetime as dt

import streamlit as st

from navigator.pages import common
from navigator.service import ProfileError, match, parse_profile

TRI = ["未知", "是", "否"]
TRI_VALUE = {"未知": None, "是": True, "否": False}
BOOLS_ENTERPRISE = ["industrial", "software_it", "four_above", "hq_enterprise", "new_key_investment",
                    "has_local_factory", "first_cloud_purchase", "cluster_pilot"]
BOOLS_RECORD = ["bad_credit_record", "dishonest_record", "fiscal_violation_5y", "violations_3y"]
MONEY_ENTERPRISE = ["annual_tax_cny", "paid_in_capital_cny", "registered_capital_cny"]
COUNTS_PROVIDER = ["experts", "software_products", "enterprises_served_per_year"]
CERTS = ["ISO27001", "GB/T 22080", "GB/T 31168-2014"]
# Missing stays unknown: "none" must be said, an empty list is not read as "none".
HISTORY = ["未知", "都没有享受过", "享受过以下项目"]
CERT_STATES = ["未知", "没有任何认证", "已获得以下认证"]
REASON_ICON = {True: (":material/check_circle:", "符合"), False: (":material/cancel:", "不符合"),
               None: (":material/help:", "待确认")}

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
    province = c1.text_input("省份", value=saved.get("province", ""), key="m_province", placeholder="如 广东省")
    city = c2.text_input("城市", value=saved.get("city", ""), key="m_city", placeholder="如 广州市、深圳")
    district = c3.text_input("区县", value=saved.get("district", ""), key="m_district", placeholder="如 白云区")
    born = saved.get("established_on")
    established = c4.date_input("成立日期", value=dt.date.fromisoformat(born) if isinstance(born, str) else born, key="m_established_on",
                                min_value=dt.date(1949, 1, 1), max_value=dt.date.today(), format="YYYY-MM-DD")

    st.markdown("**企业情况**")
    cols = st.columns(4)
    flags = {f: tri(f, cols[n % 4]) for n, f in enumerate(BOOLS_ENTERPRISE)}
    cols = st.columns(3)
    money = {f: amount(f, cols[n]) for n, f in enumerate(MONEY_ENTERPRISE)}
    st.markdown("**信用记录**")
    cols = st.columns(4)
    records = {f: tri(f, cols[n]) for n, f in enumerate(BOOLS_RECORD)}
    h1, h2 = st.columns([1, 3])
    had = saved.get("received_programmes")
    history = h1.selectbox("此前享受补助情况", HISTORY, key="m_history",
                           index=0 if had is None else (1 if not had else 2))
    received = h2.multiselect("享受过的项目（选“享受过以下项目”时填写）", list(reg.programmes), default=had or [],
                              format_func=common.title_of, key="m_received_programmes", placeholder="选择项目")

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
                                    key="m_security_certifications", accept_new_options=True, placeholder="选择认证")
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
        st.error(f"填写有误：{e}")
    else:
        common.set_profile_data(data)
        st.session_state.match_done = True
        saved = common.profile_data()

if not st.session_state.get("match_done"):
    st.info("填写后点“开始匹配”。什么都不填也可以，先看看各项目要问哪些问题。")
    st.stop()

profile = parse_profile(saved)
results = match(profile, common.as_of())
counts_by = {v: sum(r["verdict"] == v for r in results) for v in common.VERDICT}
st.subheader(f"匹配结果（{common.as_of().isoformat()}）")
st.markdown("，".join(f"{common.VERDICT[v][0]} **{n}** 项" for v, n in counts_by.items()))

for r in results:
    with st.container(border=True):
        head, badges = st.columns([3, 2], vertical_alignment="center")
        head.markdown(f"##### {common.md(r['title'])}")
        with badges:
            row = st.container(horizontal=True)
            with row:
                common.verdict_badge(r["verdict"])
                common.status_badge(r["status"])
        prog = reg.programmes.get(r["programme"])
        if prog is not None:
            st.caption(common.md(prog.summary))
        if r["status"] == "closed":
            st.warning("该项目在所选日期已截止或已失效，不能再申报；下面的核对仅供了解。", icon=":material/block:")
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
        if r.get("estimate"):
            st.metric("测算补贴", common.money(r["estimate"]["total_cny"]))
