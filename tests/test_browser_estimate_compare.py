"""补贴测算 and 政策对比 in a real browser, at desktop (1440×900) and phone (390×844) width, as an enterprise owner
weighing several Baiyun vouchers over three years and comparing programmes.

Reuses the server, the browser and the checks of ``test_browser.py`` (no English interface word, no exception, no
internal error, no JavaScript error). Screenshots go to ``benchmarks/screenshots/``. Beyond what a screenshot shows,
each step measures the page: no figure is cut off, the table or the cards are shown (not both), the header row of the
comparison stays in view when its table scrolls.
"""

from __future__ import annotations

import re

import pytest
from test_browser import SHOTS, SIZES, STEP_MS, Visit, browser, heading, server  # noqa: F401  (fixtures)

# A metric value, table cell or caption whose text ends in an ellipsis or overflows its box is a figure cut off.
CUT_FIGURES_JS = """() => {
  const out = [];
  for (const el of document.querySelectorAll('[data-testid="stMetricValue"], [data-testid="stMetricValue"] *')) {
    if (!el.getClientRects().length) continue;
    const t = el.textContent.trim();
    if (/[…]$/.test(t) || el.scrollWidth > el.clientWidth + 1) out.push(t);
  }
  return out;
}"""
VISIBLE_JS = "e => !!e.getClientRects().length && getComputedStyle(e).display !== 'none'"


def shown(v: Visit, key: str) -> bool:
    """Whether the container with this Streamlit key is displayed."""
    loc = v.page.locator(f".st-key-{key}")
    return loc.count() > 0 and loc.first.evaluate(VISIBLE_JS)


def no_cut_figures(v: Visit) -> None:
    cut = v.page.evaluate(CUT_FIGURES_JS)
    assert not cut, f"figures cut off at {v.size}: {cut}"


def fill(v: Visit, label: str, value: str) -> None:
    box = v.page.get_by_label(label, exact=True)
    box.fill(value)
    box.press("Enter")
    v.settle(300)


def estimate_three_baiyun_lines_in_wan(v: Visit) -> None:
    from playwright.sync_api import expect

    v.open("estimate")
    heading(v, "补贴测算")
    v.settle()
    v.page.get_by_text("白云区多类服务券合并（合计上限）").click()
    v.settle()
    v.page.get_by_text("万元", exact=True).click()
    v.settle()
    # The lines: software development cloud (three years), public cloud and the smart workshop.
    picker = v.page.get_by_test_id("stMultiSelect").filter(has_text="选择要同时申请的服务券")
    picker.get_by_role("button", name="Clear all").click()  # the default lines give way to these three
    v.settle(300)
    for name in ("软件开发云套餐", "公有云", "智能车间数字化服务"):
        picker.locator("input").click()
        v.page.keyboard.type(name)
        v.page.get_by_role("option", name=re.compile(name)).first.click()
        v.settle(300)
    v.page.keyboard.press("Escape")
    for year in (1, 2, 3):
        fill(v, f"第{year}年：软件开发云套餐云服务费（万元）", "200")
    fill(v, "公有云云服务费（万元）", "300")
    fill(v, "年度全库纳税（万元）", "500")
    fill(v, "智能车间数字化服务费（万元）", "60")
    expect(v.page.get_by_role("heading", name="测算结果")).to_be_visible(timeout=STEP_MS)
    v.settle(1200)
    text = v.check()
    # 2,000,000 × 100 % + 300,000 (public cloud, tier cap) + 400,000 (workshop cap) = 2,700,000 > 2,000,000 in year 1;
    # years 2 and 3: 1,600,000 and 1,200,000. All years: 4,800,000 (第十二条 per year).
    assert "4,800,000.00 元" in text and "2,700,000.00 元" in text
    assert "减哪一项、各项各得多少由企业申请时自行选择" in text
    assert "200万元（2,000,000.00 元）" in text  # a box in 万元 writes out what it stands for
    no_cut_figures(v)
    wide = v.size == "desktop"
    assert shown(v, "pn_wide_steps") is wide and shown(v, "pn_narrow_steps") is not wide
    assert shown(v, "pn_wide_years") is wide and shown(v, "pn_narrow_years") is not wide
    v.page.get_by_role("heading", name="测算结果").scroll_into_view_if_needed()
    v.settle(400)
    v.shot("estimate-baiyun")

    other = v.page.get_by_text("另一读法").first
    other.scroll_into_view_if_needed()
    expect(v.page.get_by_text("年度全库纳税500万元以上，单个企业当年最高补贴额度不超过30万元").first).to_be_visible()
    v.page.get_by_text("计算步骤", exact=True).first.scroll_into_view_if_needed()
    v.settle(400)
    v.shot("estimate-steps")

    legend = v.page.locator("[data-testid='stVegaLiteChart'] svg, .vega-embed svg").first
    legend.scroll_into_view_if_needed()
    v.settle(1200)
    labels = v.page.eval_on_selector_all(".vega-embed svg .role-legend text", "els => els.map(e => e.textContent)")
    assert {"软件开发云套餐", "公有云", "智能车间数字化服务"} <= set(labels), labels
    v.shot("estimate-chart")


def compare_three_programmes(v: Visit) -> None:
    from playwright.sync_api import expect

    v.open("compare")
    heading(v, "政策对比")
    v.settle(1500)
    wide = v.size == "desktop"
    assert shown(v, "pn_wide_table") is wide and shown(v, "pn_narrow_cards") is not wide
    text = v.check()
    assert "限制与责任" in text and "申报系统或平台" in text and "附件表格" in text
    v.shot("compare-three")
    if wide:
        box = v.page.locator(".st-key-pn_wide_table [data-testid='stTable'] > div").first
        box.evaluate("e => e.scrollTo(0, 700)")
        v.page.wait_for_timeout(500)
        head = v.page.locator(".st-key-pn_wide_table thead th").nth(1)
        assert head.evaluate("e => Math.abs(e.getBoundingClientRect().top - "
                             "e.closest('table').parentElement.getBoundingClientRect().top) < 3"), \
            "the header row stays at the top of the scrolled table"
        expect(head).to_be_visible()
    else:
        cards = v.page.locator(".st-key-pn_narrow_cards h5")
        assert cards.count() == 3, "one card per programme"
        v.page.locator(".st-key-pn_narrow_cards").get_by_text("限制与责任").first.scroll_into_view_if_needed()
    v.settle(400)
    v.shot("compare-scrolled")


@pytest.mark.parametrize("size", list(SIZES))
def test_estimate_and_compare_at_desktop_and_phone_width(server, browser, size):  # noqa: F811
    base, _token = server
    v = Visit(browser, base, size)
    try:
        estimate_three_baiyun_lines_in_wan(v)
        compare_three_programmes(v)
    finally:
        v.close()
    for name in ("estimate-baiyun", "estimate-steps", "estimate-chart", "compare-three", "compare-scrolled"):
        assert (SHOTS / f"{name}-{size}.png").stat().st_size > 10_000, name
