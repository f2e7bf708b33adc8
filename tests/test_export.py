"""Exports stay inert and whole: Markdown rendered by a real CommonMark renderer holds no live markup, Word takes
any character, A4 pages, citations numbered per record, personal data announced; the company report in Word and
PDF with every line cited."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from docx import Document
from docx.shared import Mm
from lxml import html as lxml_html
from markdown_it import MarkdownIt
from pypdf import PdfReader

from navigator import export, report
from navigator.corpus import load_corpus, squash
from navigator.enquiry_log import Case, Enquiry
from navigator.programmes import registry
from navigator.service import parse_profile

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "![追踪](http://evil.example/pixel.png)",
    "[点我](javascript:alert(1))",
    "<http://evil.example/auto>",
    "http://evil.example/bare www.evil.example",
    "<iframe src=//evil.example></iframe>",
    "<a href='http://evil.example'>链接</a>",
    "```\n</code></pre><script>alert(2)</script>\n```",
    "`` ` ``<b>粗</b>",
    "标题\n===",
    "# 假标题\n> 假引用",
    "<!-- 注释 --><svg onload=alert(3)>",
    "&lt;script&gt;alert(4)&lt;/script&gt;",
    "<details open ontoggle=alert(5)>",
    "[x]: http://evil.example/ref\n[x]",
]
# What an inert export may contain once rendered: structure, never links, images, scripts or attributes.
ALLOWED_TAGS = {"html", "body", "div", "p", "h1", "h2", "h3", "ul", "ol", "li", "strong", "em", "code", "pre",
                "blockquote", "br", "hr"}
CONTROL = "\x00\x0b\x1b\ufffe\ud800\x0c"


def cite(doc: str, article: str, quote: str) -> dict:
    return load_corpus().citation(doc, article, quote).model_dump()


def enquiry(n: int, question: str, answer: str = "按照云服务合同额的50%给予补助。", **kw) -> Enquiry:
    fields = {"citations": [cite("yichun-2023", "一、补助标准", "按照云服务合同额的50%给予补助"),
                            cite("yichun-2023", "一、补助标准", "单户企业最高不超过10万元")],
              "programmes": ["yichun-2023-cloud-subsidy"], "thread": f"t{n}"}
    fields.update(kw)
    return Enquiry(id=n, created_at=dt.datetime(2026, 11, 20, 2, 30, tzinfo=dt.UTC), question=question, answer=answer,
                   **fields)


def rendered_markup(markdown: str) -> list:
    """Render with markdown-it (CommonMark, raw HTML allowed, tables and strikethrough) and parse the HTML."""
    out = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).render(markdown)
    return list(lxml_html.fromstring(f"<div>{out}</div>").iter())


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markdown_export_is_inert_in_a_commonmark_renderer(payload):
    e = enquiry(1, f"问题 {payload}", answer=f"答复 {payload}", comment=f"备注 {payload}", read_as=f"理解 {payload}",
                profile={"city": payload, "industrial": True})
    case = Case(thread="t1", caller_name=payload, company=payload, phone=payload, note=payload)
    md = export.to_markdown([e], cases={"t1": case})
    for el in rendered_markup(md):
        assert el.tag in ALLOWED_TAGS, (el.tag, payload)
        assert set(el.attrib) <= {"class"}, (el.tag, dict(el.attrib), payload)
        assert el.attrib.get("class", "language-text") == "language-text"
    rendered = MarkdownIt("commonmark", {"html": True}).render(md)
    assert "<script" not in rendered and "<img" not in rendered and "<a " not in rendered


def test_markdown_export_keeps_what_the_reader_needs():
    e = enquiry(7, "伊春上云补助比例是多少？", answer="按合同额的50%补助。\n单户最高10万元。",
                profile={"city": "伊春市", "industrial": True, "received_programmes": [], "annual_tax_cny": 8000000})
    md = export.to_markdown([e])
    html = MarkdownIt("commonmark").render(md)
    assert "伊春上云补助比例是多少？" in html and "按合同额的50%补助。<br />\n单户最高10万元。" in html
    assert "《伊春市支持工业企业上云补助实施细则》 一、补助标准" in html
    assert "<blockquote>\n<p>按照云服务合同额的50%给予补助</p>" in html
    # The profile in Chinese: no raw True, [] or field names.
    assert "是否工业（制造业）企业：<code>是</code>" in html and "已享受过哪些补助：<code>无</code>" in html
    assert "上年度全库纳税额（元）：<code>8,000,000.00 元</code>" in html
    assert "True" not in md and "[]" not in md and "industrial" not in md and "annual_tax_cny" not in md


def test_word_export_takes_any_character_and_drops_what_xml_cannot_hold():
    nasty = enquiry(1, f"伊春{CONTROL}上云补助比例是多少？", answer=f"按合同额{CONTROL}的50%补助。",
                    comment=f"备注{CONTROL}", profile={"city": f"伊春{CONTROL}市"})
    plain = enquiry(2, "白云区公有云怎么补？")
    data = export.to_docx([nasty, plain], cases={"t1": Case(thread="t1", caller_name=f"王{CONTROL}女士")})
    doc = Document(io.BytesIO(data))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "伊春上云补助比例是多少？" in text and "按合同额的50%补助。" in text and "王女士" in text
    assert "白云区公有云怎么补？" in text
    assert not any(ch in text for ch in "\x00\x0b\x1b\ufffe\x0c")
    md = export.to_markdown([nasty])
    assert not any(ch in md for ch in CONTROL)


def test_word_export_is_a4_and_numbers_citations_per_record():
    doc = Document(io.BytesIO(export.to_docx([enquiry(1, "伊春上云补助比例是多少？"), enquiry(2, "伊春单户上限？")])))
    section = doc.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1)
    numbered = [p.text for p in doc.paragraphs if p.text[:2] in ("1.", "2.", "3.", "4.")]
    heads = [t for t in numbered if "《伊春市支持工业企业上云补助实施细则》" in t]
    assert [t[:2] for t in heads] == ["1.", "2.", "1.", "2."]  # restarts in every record
    assert not any(p.style.name == "List Number" for p in doc.paragraphs)  # no numbering that runs on in Word


def test_exports_announce_personal_data_only_when_they_hold_it():
    e = enquiry(1, "伊春上云补助比例是多少？")
    with_case = {"t1": Case(thread="t1", caller_name="王女士", company="伊春林木制品有限公司", phone="0458-1234567",
                            status="待回电")}
    md = export.to_markdown([e], cases=with_case)
    assert "本文件含来电人个人信息" in md and "电话：` 0458-1234567 `" in md
    docx_text = "\n".join(p.text for p in Document(io.BytesIO(export.to_docx([e], cases=with_case))).paragraphs)
    assert export.PERSONAL_DATA_NOTICE in docx_text and "电话：0458-1234567" in docx_text
    assert "跟进状态：待回电" in docx_text
    assert "本文件含来电人个人信息" not in export.to_markdown([e])
    assert export.PERSONAL_DATA_NOTICE not in "\n".join(
        p.text for p in Document(io.BytesIO(export.to_docx([e]))).paragraphs)
    only_status = {"t1": Case(thread="t1", status="已解决")}
    assert "本文件含来电人个人信息" not in export.to_markdown([e], cases=only_status)


def test_one_broken_record_never_sinks_an_export(monkeypatch):
    good, bad = enquiry(1, "伊春上云补助比例是多少？"), enquiry(2, "白云区公有云怎么补？")
    real_docx, real_md = export._docx_record, export._md_record

    def fail_on_two(doc_or_e, *args):
        e = args[0] if args and isinstance(args[0], Enquiry) else doc_or_e
        if e.id == 2:
            raise ValueError("boom")
        return (real_docx if not isinstance(doc_or_e, Enquiry) else real_md)(doc_or_e, *args)

    monkeypatch.setattr(export, "_docx_record", fail_on_two)
    monkeypatch.setattr(export, "_md_record", fail_on_two)
    text = "\n".join(p.text for p in Document(io.BytesIO(export.to_docx([good, bad]))).paragraphs)
    assert "伊春上云补助比例是多少？" in text and "此条记录无法导出（参考编号" in text
    assert "白云区公有云怎么补？" not in text  # the broken record leaves no half-written paragraphs
    md = export.to_markdown([good, bad])
    assert "伊春上云补助比例是多少？" in md and "此条记录无法导出（参考编号" in md


# --- the company report ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def baiyun_report() -> report.CompanyReport:
    profile = parse_profile({"side": "enterprise", "city": "广州市", "district": "白云区", "four_above": True,
                             "independent_legal_person": True, "industrial": True, "annual_tax_cny": 8000000})
    return report.build_report(profile, dt.date(2019, 9, 1), registry(), amount=Decimal("1000000"),
                               company="广州云上制造有限公司")


def test_report_has_verdicts_estimates_materials_deadlines_and_citations(baiyun_report):
    r = baiyun_report
    titles = [s.title for s in r.sections]
    assert "白云区上云上平台服务券·公有云" in titles
    public = next(s for s in r.sections if s.programme == "baiyun-2019-public-cloud")
    # 1,000,000 × 50 % = 500,000, capped at 300,000 for 全库纳税 ≥ 5,000,000 (第八条).
    assert public.estimate is not None and public.estimate.total_cny == Decimal("300000.00")
    assert public.estimate.steps and all(s.citation["quote"] for s in public.estimate.steps)
    assert public.materials and public.window.citation and public.closes == dt.date(2022, 8, 14)
    assert any("服务券申报系统" in p.text for p in public.portals)
    # Provider schemes and closed ones are set apart with the reason.
    apart = {s.programme: s.why for s in r.set_apart}
    assert "dongguan-2015-platform-certification" in apart
    # Every cited line quotes its article verbatim.
    corpus = load_corpus()
    lines = [public.window, *public.reasons, *public.materials, *public.process, *public.contacts, *public.forms]
    for line in lines:
        c = line.citation
        art = corpus.docs[c["doc_id"]].article_by_label(c["article"])
        assert squash(c["quote"]) in squash(art.text), (c["article"], c["quote"])


def test_report_word_is_a4_and_cites_every_line(baiyun_report):
    doc = Document(io.BytesIO(report.to_docx(baiyun_report)))
    assert abs(doc.sections[0].page_width - Mm(210)) < Mm(1)
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "上云政策申报评估报告" in text and "广州云上制造有限公司" in text
    assert "测算补贴：300,000.00 元" in text
    assert "是否“四上”企业：是" in text and "True" not in text
    items = [p.text for p in doc.paragraphs if p.text[:1].isdigit() and ". " in p.text[:4]]
    conditions = [t for t in items if t[3:].startswith(("符合：", "不符合：", "待确认："))]
    assert conditions and all(t.rstrip().endswith("]") for t in conditions)  # each condition carries [n]
    set_apart = [t for t in items if "：不符合：" in t]  # programmes that cannot apply: the failed condition,
    assert set_apart  # followed by its quote
    assert "依据原文：" in text and "[1] 《广州市白云区企业上云上平台服务券实施办法》" in text


def test_report_pdf_renders_chinese_on_a4(baiyun_report):
    pdf = PdfReader(io.BytesIO(report.to_pdf(baiyun_report)))
    box = pdf.pages[0].mediabox
    assert round(float(box.width)) == 595 and round(float(box.height)) == 842  # A4 in points
    text = "".join(page.extract_text() for page in pdf.pages)
    assert "上云政策申报评估报告" in text and "广州云上制造有限公司" in text and "300,000.00 元" in text
    assert "第八条" in text


def test_report_takes_hostile_text(baiyun_report):
    hostile = baiyun_report.model_copy(update={"company": f"<b>甲</b> & <script>乙</script>{CONTROL}"})
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(report.to_pdf(hostile))).pages)
    assert "<b>甲</b> & <script>乙</script>" in text  # printed as text, not read as markup
    doc = Document(io.BytesIO(report.to_docx(hostile)))
    assert "<b>甲</b> & <script>乙</script>" in "\n".join(p.text for p in doc.paragraphs)


def test_report_round_trips_as_attached_data(baiyun_report):
    data = baiyun_report.model_dump(mode="json")
    again = report.CompanyReport.model_validate(data)
    assert again == baiyun_report
