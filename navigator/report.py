"""The per-company report: what an enterprise can take away, and what the helpdesk attaches to a case.

``build_report`` gathers, for one profile on one date: the profile in Chinese,
each programme's verdict with its reasons, the estimate with its steps (when
the facts allow one), the materials checklist, the window and deadlines, where
to apply and whom to call, and the questions still open. Every line carries the
article it rests on; the renderers print a numbered reference after each line
and the verbatim quotes under each programme (numbering restarts per programme).

``to_docx`` writes A4 Word (python-docx); ``to_pdf`` writes A4 PDF with
reportlab's built-in CID font ``STSong-Light``, which renders Chinese without
shipping a font file.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

from pydantic import BaseModel, ConfigDict, Field

from navigator.availability import entry
from navigator.export import GREY, heading, new_document, numbered, para, xml_safe
from navigator.labels import ProfileLine, field_label, met_label, money, profile_lines, status_label, verdict_label
from navigator.programmes import Registry
from navigator.service import Profile
from navigator.triage import GROUP_TITLES, triage

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF_MIME = "application/pdf"
PDF_FONT = "STSong-Light"
DISCLAIMER = ("本报告依据政策原文和所填企业信息自动生成，逐条注明依据；是否符合条件、补贴金额以主管部门审核为准。"
              "未填写的信息按“未知”处理，不视为“否”。")


class Line(BaseModel):
    """One statement of the report with the article it rests on."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str
    citation: dict[str, Any] | None = Field(default=None, description="CONTRACT citation; None only for our own words.")


class Step(BaseModel):
    """One step of an estimate."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str
    amount_cny: Decimal
    citation: dict[str, Any]


class EstimatePart(BaseModel):
    """The estimate of one programme: total, per year, steps and notes."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    total_cny: Decimal
    per_year: list[tuple[int, Decimal]]
    steps: list[Step]
    notes: list[Line]
    basis: str = Field(description="What the figure was computed from, in words.")


class Section(BaseModel):
    """One programme the enterprise can apply for (or still might)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    programme: str
    title: str
    document: str
    verdict: str
    verdict_label: str
    status: str
    status_label: str
    window: Line
    status_note: str | None = None
    closes: dt.date | None = None
    redemption: Line | None = None
    reasons: list[Line] = Field(description="Each condition with 符合 / 不符合 / 待确认.")
    missing: list[str] = Field(description="What to answer to settle the verdict, in Chinese.")
    attestations: list[Line]
    estimate: EstimatePart | None = None
    materials: list[Line]
    process: list[Line]
    portals: list[Line]
    contacts: list[Line]
    forms: list[Line]
    notes: list[Line]


class SetApart(BaseModel):
    """A programme that cannot apply, and why."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    programme: str
    title: str
    group: str
    why: str
    citations: list[dict[str, Any]] = Field(default=[], description="The conditions it fails, with their quotes.")


class CompanyReport(BaseModel):
    """Everything the report prints, as data (attached to a helpdesk case as is)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    company: str | None = None
    generated_at: dt.datetime
    as_of: dt.date
    corpus_version: str
    profile: list[ProfileLine]
    amount_cny: Decimal | None = Field(default=None, description="The cloud spending the estimates use.")
    key_questions: list[str] = Field(description="The unknown answers that would settle the most verdicts.")
    sections: list[Section]
    set_apart: list[SetApart]
    disclaimer: str = DISCLAIMER


def _line(text: str, cite: Any) -> Line:
    return Line(text=text, citation=cite.model_dump() if hasattr(cite, "model_dump") else cite)


def _note(n: Any) -> Line:
    """An estimate note: an object with text and citation, or (older results) a string."""
    if isinstance(n, dict):
        return Line(text=n.get("text", ""), citation=n.get("citation"))
    return Line(text=str(n))


def _shared_cap(reg: Registry, prog) -> list[Line]:
    """The cap several programmes share (Baiyun 第十二条), which the per-programme estimate does not apply."""
    cap = reg.shared_cap_for(prog)
    if cap is None:
        return []
    return [_line(f"与其他{len(cap.programmes) - 1}类服务券同一年度合计不超过{money(cap.cap_cny.value)}"
                  "（各项测算之和超过时按此封顶）", cap.cap_cny.cite)]


def _basis(inputs: dict[str, Any]) -> str:
    parts = []
    for k, v in inputs.items():
        if isinstance(v, list):
            parts.append(f"{field_label(k) if k in ('annual_tax_cny', 'paid_in_capital_cny') else '逐年费用'}："
                         + "、".join(money(x) for x in v))
        elif isinstance(v, bool):
            parts.append(f"{field_label(k)}：{'是' if v else '否'}")
        elif k == "city":
            parts.append(f"所在城市：{v}")
        elif k in ("fees_cny", "contract_cny"):
            parts.append(f"{'云服务费' if k == 'fees_cny' else '合同额'}：{money(v)}")
        else:
            parts.append(f"{field_label(k)}：{money(v)}")
    return "；".join(parts)


def build_report(profile: Profile, as_of: dt.date, reg: Registry, amount: Decimal | None = None,
                 company: str | None = None, title_of=None) -> CompanyReport:
    """The report for one enterprise (or provider) on one date.

    Args:
        profile: What is known about the unit; unknown fields stay unknown.
        as_of: The date windows and "成立满N年" are judged on.
        reg: The programme registry.
        amount: Cloud spending (fees or contract value) to estimate with, if given.
        company: The unit's name, printed on the cover when given.
        title_of: Programme id -> title, for the profile's received programmes.
    """
    from navigator.triage import inputs_from_profile

    t = triage(profile, as_of, reg, amount)
    data = profile.model_dump(exclude_none=True)
    sections: list[Section] = []
    set_apart: list[SetApart] = []
    for item in t.items:
        prog = reg.programmes[item.programme]
        r = item.result
        if item.group != "apply":
            failed = [x["citation"] for x in r["reasons"] if x["met"] is False]
            set_apart.append(SetApart(programme=prog.id, title=prog.title, group=GROUP_TITLES[item.group],
                                      why=item.why_set_apart or "", citations=failed))
            continue
        e = entry(prog, as_of)
        est = None
        if r.get("estimate"):
            doc = r["estimate"]
            inputs = inputs_from_profile(prog, data, amount) or {}
            est = EstimatePart(
                total_cny=Decimal(doc["total_cny"]),
                per_year=[(y["year"], Decimal(y["amount_cny"])) for i in doc["items"] for y in i["schedule"]],
                steps=[Step(text=s["text"], amount_cny=Decimal(s["amount_cny"]), citation=s["citation"])
                       for s in doc["steps"]],
                notes=[_note(n) for n in doc.get("notes") or []], basis=_basis(inputs))
        sections.append(Section(
            programme=prog.id, title=prog.title, document=reg.corpus.docs[prog.doc].title,
            verdict=item.verdict, verdict_label=verdict_label(item.verdict),
            status=item.status, status_label=status_label(item.status), status_note=e.status_note, closes=e.closes,
            window=_line(prog.window.text, prog.window.cite),
            redemption=_line(prog.window.redemption.text, prog.window.redemption.cite) if prog.window.redemption
            else None,
            reasons=[Line(text=f"{met_label(x['met'])}：{x['condition']}", citation=x["citation"]) for x in r["reasons"]],
            missing=[field_label(f) for f in r["missing"]],
            attestations=[_line(a.text, a.cite) for a in prog.attestations],
            estimate=est,
            materials=[_line(m.text, m.cite) for m in prog.materials],
            process=[_line(p.text, p.cite) for p in prog.process],
            portals=[Line(text=p.text + (f"（{p.url}）" if p.url else ""), citation=p.citation) for p in e.portals],
            contacts=[Line(text=c.text, citation=c.citation) for c in e.contacts],
            forms=[Line(text=f.text, citation=f.citation) for f in e.forms],
            notes=_shared_cap(reg, prog) + [_line(n.text, n.cite) for n in [*prog.restrictions, *prog.notes]],
        ))
    return CompanyReport(company=(company or "").strip() or None, generated_at=dt.datetime.now(dt.UTC), as_of=as_of,
                         corpus_version=reg.corpus.version, profile=profile_lines(data, title_of), amount_cny=amount,
                         key_questions=[q.label for q in t.key_questions], sections=sections, set_apart=set_apart)


# --- references --------------------------------------------------------------------------------------------


class _Refs:
    """Numbered references of one programme section: the same citation keeps its number."""

    def __init__(self) -> None:
        self.items: list[dict[str, Any]] = []
        self._index: dict[tuple[str, str, str], int] = {}

    def mark(self, cite: dict[str, Any] | None) -> str:
        if not cite:
            return ""
        key = (cite.get("doc_id", ""), cite.get("article", ""), cite.get("quote", ""))
        if key not in self._index:
            self.items.append(cite)
            self._index[key] = len(self.items)
        return f"[{self._index[key]}]"


def cite_text(c: dict[str, Any]) -> str:
    """A citation in full: 《标题》（文号）条款：“原文”."""
    number = f"（{c['doc_number']}）" if c.get("doc_number") else ""
    return f"《{c.get('title') or c.get('doc_id', '')}》{number}{c.get('article', '')}：“{c.get('quote', '')}”"


def _blocks(report: CompanyReport):
    """The report as a sequence of (kind, text) blocks, shared by the Word and PDF renderers.

    Kinds: title, subtitle, h1, h2, p, small, item (numbered line), ref (a reference line), notice.
    """
    yield "title", "上云政策申报评估报告"
    if report.company:
        yield "subtitle", report.company
    cst = dt.timezone(dt.timedelta(hours=8))
    yield "small", (f"评估日期：{report.as_of.isoformat()}；生成时间："
                    f"{report.generated_at.astimezone(cst).strftime('%Y-%m-%d %H:%M')}；"
                    f"政策文本版本：{report.corpus_version}")
    yield "notice", report.disclaimer
    yield "h1", "一、企业信息"
    if report.profile:
        for p in report.profile:
            yield "p", f"{p.label}：{p.value}"
    else:
        yield "p", "未填写企业信息。"
    if report.amount_cny is not None:
        yield "p", f"用于测算的云服务费用或合同额：{money(report.amount_cny)}"
    if report.key_questions:
        yield "h2", "先确认这些信息（可决定最多项目的结论）"
        for n, q in enumerate(report.key_questions, start=1):
            yield "item", (n, q)
    yield "h1", "二、可以申请或待确认的项目"
    if not report.sections:
        yield "p", "按所填信息和评估日期，没有可以申请的项目。"
    for n, s in enumerate(report.sections, start=1):
        refs = _Refs()
        yield "h2", f"{n}. {s.title}"
        yield "p", f"结论：{s.verdict_label}；申报状态（{report.as_of.isoformat()}）：{s.status_label}" + (
            f"（{s.status_note}）" if s.status_note else "")
        yield "small", f"政策文件：《{s.document}》"
        yield "p", f"申报时间：{s.window.text}{refs.mark(s.window.citation)}"
        if s.closes:
            yield "p", f"截止日期：{s.closes.isoformat()}"
        if s.redemption:
            yield "p", f"兑现时间：{s.redemption.text}{refs.mark(s.redemption.citation)}"
        yield "p", "条件逐项核对："
        for k, line in enumerate(s.reasons, start=1):
            yield "item", (k, f"{line.text}{refs.mark(line.citation)}")
        if s.missing:
            yield "p", "还需确认：" + "；".join(s.missing)
        if s.attestations:
            yield "p", "由审核部门认定："
            for k, line in enumerate(s.attestations, start=1):
                yield "item", (k, f"{line.text}{refs.mark(line.citation)}")
        if s.estimate:
            est = s.estimate
            yield "p", f"测算补贴：{money(est.total_cny)}（依据：{est.basis}）"
            if len(est.per_year) > 1:
                yield "p", "逐年：" + "；".join(f"第{y}年 {money(a)}" for y, a in est.per_year)
            for k, step in enumerate(est.steps, start=1):
                yield "item", (k, f"{step.text} = {money(step.amount_cny)}{refs.mark(step.citation)}")
            for note in est.notes:
                yield "small", f"注：{note.text}{refs.mark(note.citation)}"
        for title, lines in (("申报材料清单", s.materials), ("申报流程", s.process), ("申报系统或平台", s.portals),
                             ("联系方式", s.contacts), ("附件表格", s.forms), ("其他规定", s.notes)):
            if lines:
                yield "p", f"{title}："
                for k, line in enumerate(lines, start=1):
                    yield "item", (k, f"{line.text}{refs.mark(line.citation)}")
        if refs.items:
            yield "small", "依据原文："
            for k, c in enumerate(refs.items, start=1):
                yield "ref", f"[{k}] {cite_text(c)}"
    if report.set_apart:
        yield "h1", "三、不能申请的项目"
        for n, s in enumerate(report.set_apart, start=1):
            yield "item", (n, f"{s.title}：{s.why}")
            for c in s.citations:
                yield "ref", cite_text(c)


# --- Word ----------------------------------------------------------------------------------------------------


def to_docx(report: CompanyReport) -> bytes:
    """The report as an A4 Word document."""
    doc = new_document()
    for kind, value in _blocks(report):
        if kind == "title":
            heading(doc, value, 0)
        elif kind == "subtitle":
            para(doc, value, bold=True, size=14)
        elif kind == "h1":
            heading(doc, value, 1)
        elif kind == "h2":
            heading(doc, value, 2)
        elif kind == "item":
            numbered(doc, value[0], value[1])
        elif kind == "small":
            para(doc, value, size=9, color=GREY)
        elif kind == "ref":
            para(doc, value, size=8.5, color=GREY, indent_mm=6)
        elif kind == "notice":
            para(doc, value, size=9.5, bold=True)
        else:
            para(doc, value)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


# --- PDF ------------------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _pdf_styles() -> dict[str, Any]:
    from reportlab.lib.colors import HexColor
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont(PDF_FONT))
    base = ParagraphStyle("base", fontName=PDF_FONT, fontSize=10.5, leading=16, wordWrap="CJK", spaceAfter=3)
    grey = HexColor("#555555")
    return {
        "title": ParagraphStyle("title", parent=base, fontSize=18, leading=26, alignment=1, spaceAfter=8),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=13, leading=20, alignment=1),
        "h1": ParagraphStyle("h1", parent=base, fontSize=14, leading=22, spaceBefore=10, spaceAfter=6),
        "h2": ParagraphStyle("h2", parent=base, fontSize=12, leading=19, spaceBefore=8, spaceAfter=4),
        "p": base,
        "item": ParagraphStyle("item", parent=base, leftIndent=16, firstLineIndent=-12),
        "small": ParagraphStyle("small", parent=base, fontSize=9, leading=13, textColor=grey),
        "ref": ParagraphStyle("ref", parent=base, fontSize=8.5, leading=12, textColor=grey, leftIndent=16),
        "notice": ParagraphStyle("notice", parent=base, fontSize=9.5, leading=14, borderPadding=4,
                                 backColor=HexColor("#f3f5f9")),
    }


def _pdf_text(text: Any) -> str:
    """Text for a reportlab Paragraph (which reads a little markup): escaped, line breaks kept."""
    return escape(xml_safe(text)).replace("\n", "<br/>")


def to_pdf(report: CompanyReport) -> bytes:
    """The report as an A4 PDF whose Chinese renders with the built-in STSong-Light CID font."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    styles = _pdf_styles()
    flow = []
    for kind, value in _blocks(report):
        text = f"{value[0]}. {value[1]}" if kind == "item" else value
        flow.append(Paragraph(_pdf_text(text), styles[kind]))
    buf = io.BytesIO()

    def footer(canvas, doc_) -> None:
        canvas.saveState()
        canvas.setFont(PDF_FONT, 8)
        canvas.drawCentredString(A4[0] / 2, 12 * mm, f"第 {doc_.page} 页 · 评估日期 {report.as_of.isoformat()}")
        canvas.restoreState()

    pdf = SimpleDocTemplate(buf, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=22 * mm,
                            bottomMargin=22 * mm, title="上云政策申报评估报告", author="政策导航",
                            subject=xml_safe(report.company or ""))
    pdf.build(flow, onFirstPage=footer, onLaterPages=footer)
    return buf.getvalue()


def file_stem(report: CompanyReport) -> str:
    """A file name for the report: 政策评估报告-<date>."""
    return f"政策评估报告-{report.as_of.isoformat()}"
