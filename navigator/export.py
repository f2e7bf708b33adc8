"""Export enquiries as Markdown or Word (.docx), each answer with its citations.

Citations are listed with the document title, 文号, article and the verbatim
quote, so an exported reply can be checked against the policy text.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from navigator.enquiry_log import Enquiry, local_time

TITLE = "政策咨询记录"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _meta(e: Enquiry) -> list[str]:
    out = [f"时间：{local_time(e.created_at)}"]
    if e.as_of:
        out.append(f"评估日期：{e.as_of.isoformat()}")
    if e.corpus_version:
        out.append(f"政策文本版本：{e.corpus_version}")
    if e.refused:
        out.append("结果：现有政策文本未覆盖此问题")
    if e.feedback:
        out.append(f"坐席评价：{e.feedback}" + (f"（{e.comment}）" if e.comment else ""))
    return out


def _cite_parts(c: dict[str, Any]) -> tuple[str, str]:
    head = f"《{c.get('title') or c.get('doc_id', '')}》"
    if c.get("doc_number"):
        head += f"（{c['doc_number']}）"
    head += f" {c.get('article', '')}"
    return head, c.get("quote", "")


def _md_escape_line(text: str) -> str:
    """Keep the answer's line breaks; a line that would turn into a heading or a quote gets a backslash."""
    out = []
    for line in text.split("\n"):
        if re.match(r"\s*[#>]", line):
            line = "\\" + line.lstrip()
        out.append(line)
    return "  \n".join(out)


def to_markdown(entries: Iterable[Enquiry], title: str = TITLE) -> str:
    """One or many enquiries as a Markdown document."""
    entries = list(entries)
    parts = [f"# {title}", "", f"共 {len(entries)} 条。", ""]
    for e in entries:
        parts += [f"## #{e.id} {e.question.splitlines()[0] if e.question else ''}", ""]
        parts += [f"- {m}" for m in _meta(e)]
        parts += ["", "**问**", "", _md_escape_line(e.question), "", "**答**", "", _md_escape_line(e.answer), ""]
        if e.citations:
            parts += ["**依据**", ""]
            for n, c in enumerate(e.citations, start=1):
                head, quote = _cite_parts(c)
                parts += [f"{n}. {head}", "", f"   > {quote}", ""]
        if e.profile:
            parts += ["**所用企业信息**", "", "```json", json.dumps(e.profile, ensure_ascii=False, indent=2),
                      "```", ""]
    return "\n".join(parts).rstrip() + "\n"


def _cjk_font(run, name: str = "SimSun") -> None:
    """Give a run an East Asian font so Word renders the Chinese text with a CJK face."""
    run.font.name = name
    rpr = run._element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(rfonts)
    rfonts.set(qn("w:eastAsia"), name)


def _para(doc, text: str, *, bold: bool = False, style: str | None = None, size: int | None = None,
          color: RGBColor | None = None):
    p = doc.add_paragraph(style=style)
    lines = text.split("\n")
    for i, line in enumerate(lines):
        run = p.add_run(line)
        run.bold = bold
        if size:
            run.font.size = Pt(size)
        if color is not None:
            run.font.color.rgb = color
        _cjk_font(run)
        if i < len(lines) - 1:
            run.add_break()
    return p


def to_docx(entries: Iterable[Enquiry], title: str = TITLE) -> bytes:
    """One or many enquiries as a Word document (bytes of a .docx file)."""
    entries = list(entries)
    doc = Document()
    heading = doc.add_heading(level=0)
    _cjk_font(heading.add_run(title))
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _para(doc, f"共 {len(entries)} 条。")
    grey = RGBColor(0x55, 0x55, 0x55)
    for e in entries:
        h = doc.add_heading(level=1)
        _cjk_font(h.add_run(f"#{e.id} {e.question.splitlines()[0] if e.question else ''}"))
        _para(doc, "；".join(_meta(e)), size=9, color=grey)
        _para(doc, "问", bold=True)
        _para(doc, e.question)
        _para(doc, "答", bold=True)
        _para(doc, e.answer)
        if e.citations:
            _para(doc, "依据", bold=True)
            for c in e.citations:
                head, quote = _cite_parts(c)
                _para(doc, head, style="List Number")
                _para(doc, f"“{quote}”", style="Quote")
        if e.profile:
            _para(doc, "所用企业信息", bold=True)
            _para(doc, json.dumps(e.profile, ensure_ascii=False, indent=2), size=9)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def file_stem(entries: list[Enquiry]) -> str:
    """A file name for an export: one entry by id, many by count."""
    if len(entries) == 1:
        return f"enquiry-{entries[0].id}"
    return f"enquiries-{len(entries)}"
