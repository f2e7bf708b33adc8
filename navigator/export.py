"""Export enquiries as Markdown or Word (.docx), each answer with its citations.

Citations are listed with the document title, 文号, article and the verbatim
quote, so an exported reply can be checked against the policy text.

Exports stay inert wherever they are opened: what a caller or an agent typed
goes into Markdown code blocks or code spans (no HTML, no links, no images in
any CommonMark renderer), every other text has HTML and Markdown escaped, and
characters XML cannot hold (``\\x00``, ``\\x0b``, lone surrogates, ``\\ufffe``...)
are removed before they reach Word. One record that still cannot be written is
replaced by a line with a reference id; the export never fails because of it.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
import secrets
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from navigator.enquiry_log import Case, Enquiry, local_time
from navigator.labels import profile_lines

log = logging.getLogger(__name__)

TITLE = "政策咨询记录"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PERSONAL_DATA_NOTICE = "本文件含来电人个人信息（姓名、单位、电话），仅供内部办理使用，不得外传。"
GREY = RGBColor(0x55, 0x55, 0x55)
CJK_FONT = "SimSun"

# Characters XML 1.0 cannot hold (python-docx refuses them): C0 controls but tab, newline and return;
# surrogates; U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# What Markdown renderers read as markup: emphasis, code, links, images, HTML, headings, lists, tables,
# autolinks (":" and "." of a URL or domain), maths ("$"), setext underlines ("=").
_MD_SPECIAL = re.compile(r"([!#$&()*+\-.:<=>\[\\\]^_`{|}~])")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def xml_safe(text: Any) -> str:
    """Text without the characters XML (and so Word) cannot hold; everything else is kept."""
    return _NOT_XML.sub("", "" if text is None else str(text))


# --- Markdown -------------------------------------------------------------------------------------------


def md_text(text: Any) -> str:
    """Product text made literal in Markdown: ``&<>`` as entities, every other markup character escaped.

    No renderer then sees emphasis, links, images, autolinks (``http\\://``),
    HTML or a heading in it. Line breaks are kept.
    """

    def one(line: str) -> str:
        out = _MD_SPECIAL.sub(lambda m: _HTML.get(m.group(1)) or "\\" + m.group(1), line)
        return out.strip()

    return "  \n".join(one(line) for line in xml_safe(text).split("\n"))


def md_block(text: Any) -> str:
    """User text as a fenced code block: shown verbatim, never rendered (its fence outlasts any backticks in it)."""
    body = xml_safe(text)
    longest = max((len(m) for m in re.findall(r"`+", body)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{body}\n{fence}"


def md_span(text: Any) -> str:
    """Short user text (a name, a phone number) as an inline code span, on one line."""
    body = " ".join(xml_safe(text).split())
    if not body:
        return ""
    longest = max((len(m) for m in re.findall(r"`+", body)), default=0)
    ticks = "`" * (longest + 1)
    return f"{ticks} {body} {ticks}"


def _meta(e: Enquiry) -> list[str]:
    out = [f"时间：{local_time(e.created_at)}"]
    if e.as_of:
        out.append(f"评估日期：{e.as_of.isoformat()}")
    if e.corpus_version:
        out.append(f"政策文本版本：{e.corpus_version}")
    if e.refused:
        out.append("结果：现有政策文本未覆盖此问题")
    if e.feedback:
        out.append(f"坐席评价：{e.feedback}")
    return out


def _cite_parts(c: Mapping[str, Any]) -> tuple[str, str]:
    head = f"《{c.get('title') or c.get('doc_id', '')}》"
    if c.get("doc_number"):
        head += f"（{c['doc_number']}）"
    head += f" {c.get('article', '')}"
    return head, c.get("quote", "")


def _case_lines(case: Case | None) -> list[tuple[str, str]]:
    if case is None:
        return []
    out = [("来电人", case.caller_name), ("单位", case.company), ("电话", case.phone), ("跟进状态", case.status),
           ("坐席备注", case.note)]
    return [(k, v) for k, v in out if v]


def _has_personal(entries: list[Enquiry], cases: Mapping[str, Case] | None) -> bool:
    return bool(cases) and any(cases.get(e.thread) and cases[e.thread].has_personal_data for e in entries)


def _md_record(e: Enquiry, n: int, case: Case | None, title_of: Callable[[str], str] | None) -> list[str]:
    parts = [f"## {n}\\. 记录 \\#{e.id}", ""]
    parts += [f"- {md_text(m)}" for m in _meta(e)]
    if e.comment:
        parts.append(f"- 坐席备注：{md_span(e.comment)}")
    for label, value in _case_lines(case):
        parts.append(f"- {label}：{md_span(value)}")
    parts += ["", "**问**", "", md_block(e.question), ""]
    if e.read_as:
        parts += ["**按上下文理解为**", "", md_block(e.read_as), ""]
    parts += ["**答**", "", md_text(e.answer), ""]
    if e.citations:
        parts += ["**依据**", ""]
        for k, c in enumerate(e.citations, start=1):  # numbering restarts in every record
            head, quote = _cite_parts(c)
            parts += [f"{k}\\. {md_text(head)}", "", f"> {md_text(quote)}", ""]
    lines = profile_lines(e.profile, title_of)
    if lines:
        parts += ["**所用企业信息**", ""]
        parts += [f"- {md_text(p.label)}：{md_span(p.value)}" for p in lines]
        parts.append("")
    return parts


def to_markdown(entries: Iterable[Enquiry], title: str = TITLE, cases: Mapping[str, Case] | None = None,
                title_of: Callable[[str], str] | None = None) -> str:
    """One or many enquiries as an inert Markdown document.

    Args:
        entries: The enquiries, in the order to print them.
        title: The document title.
        cases: The helpdesk's case per thread; when given, caller fields are included and the export says
            it holds personal data.
        title_of: Programme id -> title, for the profile's received programmes.
    """
    entries = list(entries)
    parts = [f"# {md_text(title)}", "", f"共 {len(entries)} 条，导出于 {local_time(dt.datetime.now(dt.UTC))}。", ""]
    if _has_personal(entries, cases):
        parts += [f"> **{md_text(PERSONAL_DATA_NOTICE)}**", ""]
    for n, e in enumerate(entries, start=1):
        try:
            parts += _md_record(e, n, (cases or {}).get(e.thread), title_of)
        except Exception:  # one record never sinks the export
            ref = secrets.token_hex(4)
            log.exception("markdown export: record %s failed (ref %s)", e.id, ref)
            parts += [f"## {n}\\. 记录 \\#{e.id}", "", f"此条记录无法导出（参考编号 {ref}）。", ""]
    return "\n".join(parts).rstrip() + "\n"


# --- Word -------------------------------------------------------------------------------------------------


def cjk_font(run, name: str = CJK_FONT) -> None:
    """Give a run an East Asian font so Word renders the Chinese text with a CJK face."""
    run.font.name = name
    rpr = run._element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(rfonts)
    rfonts.set(qn("w:eastAsia"), name)


def new_document():
    """An empty A4 Word document (210 × 297 mm, 25 / 20 mm margins) whose styles use a CJK font."""
    doc = Document()
    for section in doc.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin = section.bottom_margin = Mm(25)
        section.left_margin = section.right_margin = Mm(20)
    for style_name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "Quote"):
        style = doc.styles[style_name]
        style.font.name = CJK_FONT
        rpr = style.element.get_or_add_rPr()
        rfonts = rpr.find(qn("w:rFonts"))
        if rfonts is None:
            rfonts = rpr.makeelement(qn("w:rFonts"), {})
            rpr.append(rfonts)
        rfonts.set(qn("w:eastAsia"), CJK_FONT)
    return doc


def para(doc, text: Any, *, bold: bool = False, style: str | None = None, size: float | None = None,
         color: RGBColor | None = None, indent_mm: float | None = None):
    """A paragraph of XML-safe text, its line breaks kept, in a CJK font."""
    p = doc.add_paragraph(style=style)
    if indent_mm is not None:
        p.paragraph_format.left_indent = Mm(indent_mm)
    lines = xml_safe(text).split("\n")
    for i, line in enumerate(lines):
        run = p.add_run(line)
        run.bold = bold
        if size:
            run.font.size = Pt(size)
        if color is not None:
            run.font.color.rgb = color
        cjk_font(run)
        if i < len(lines) - 1:
            run.add_break()
    return p


def heading(doc, text: Any, level: int):
    """A heading of XML-safe text."""
    h = doc.add_heading(level=level)
    cjk_font(h.add_run(xml_safe(text)))
    return h


def numbered(doc, n: int, text: Any, **kwargs):
    """A numbered line written as text ("1. ..."), so numbering restarts wherever the caller starts at 1."""
    p = para(doc, f"{n}. {xml_safe(text)}", **kwargs)
    p.paragraph_format.left_indent = Mm(6)
    p.paragraph_format.first_line_indent = Mm(-6)
    return p


def _docx_record(doc, e: Enquiry, n: int, case: Case | None, title_of: Callable[[str], str] | None) -> None:
    heading(doc, f"{n}. 记录 #{e.id}", 1)
    meta = _meta(e) + ([f"坐席备注：{e.comment}"] if e.comment else [])
    para(doc, "；".join(meta), size=9, color=GREY)
    for label, value in _case_lines(case):
        para(doc, f"{label}：{value}", size=10)
    para(doc, "问", bold=True)
    para(doc, e.question)
    if e.read_as:
        para(doc, "按上下文理解为", bold=True)
        para(doc, e.read_as)
    para(doc, "答", bold=True)
    para(doc, e.answer)
    if e.citations:
        para(doc, "依据", bold=True)
        for k, c in enumerate(e.citations, start=1):
            head, quote = _cite_parts(c)
            numbered(doc, k, head)
            para(doc, f"“{quote}”", style="Quote")
    lines = profile_lines(e.profile, title_of)
    if lines:
        para(doc, "所用企业信息", bold=True)
        for p in lines:
            para(doc, f"{p.label}：{p.value}", size=10)


def to_docx(entries: Iterable[Enquiry], title: str = TITLE, cases: Mapping[str, Case] | None = None,
            title_of: Callable[[str], str] | None = None) -> bytes:
    """One or many enquiries as an A4 Word document (bytes of a .docx file); see ``to_markdown`` for the args."""
    entries = list(entries)
    doc = new_document()
    h = heading(doc, title, 0)
    h.alignment = WD_ALIGN_PARAGRAPH.CENTER
    para(doc, f"共 {len(entries)} 条，导出于 {local_time(dt.datetime.now(dt.UTC))}。")
    if _has_personal(entries, cases):
        para(doc, PERSONAL_DATA_NOTICE, bold=True, color=RGBColor(0xA0, 0x1C, 0x1C))
    for n, e in enumerate(entries, start=1):
        before = set(doc.element.body)
        try:
            _docx_record(doc, e, n, (cases or {}).get(e.thread), title_of)
        except Exception:  # one record never sinks the export
            ref = secrets.token_hex(4)
            log.exception("word export: record %s failed (ref %s)", e.id, ref)
            body = doc.element.body
            for child in list(body):
                if child not in before:
                    body.remove(child)
            heading(doc, f"{n}. 记录 #{e.id}", 1)
            para(doc, f"此条记录无法导出（参考编号 {ref}）。")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def file_stem(entries: list[Enquiry]) -> str:
    """A file name for an export: one entry by id, many by count."""
    if len(entries) == 1:
        return f"enquiry-{entries[0].id}"
    return f"enquiries-{len(entries)}"
