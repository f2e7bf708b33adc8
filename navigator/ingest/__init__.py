"""Read the files governments publish (.docx, .pdf, .html, .txt, .md) into policy texts.

``read_policy`` sniffs the type from the content, extracts the text with the
kind's library (python-docx, pypdf, BeautifulSoup, markdown-it,
charset-normalizer), repairs extraction noise (``navigator.ingest.repair``)
and returns a body in the form of the shipped ``knowledge/policies/*.md``
bodies, so that ``navigator.corpus.parse_articles`` builds the same article
tree. A file that cannot be read raises ``IngestError`` with one line.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from navigator.ingest import repair
from navigator.ingest.meta import MetaError, PolicyMeta, read_meta, resolve_region
from navigator.ingest.models import IngestError, IngestLimits, Kind, ParsedText
from navigator.ingest.readers import Extract, read_docx, read_html, read_markdown, read_pdf, read_text, sniff

__all__ = [
    "IngestError", "IngestLimits", "Kind", "MetaError", "ParsedText", "PolicyMeta", "clean_body", "read_meta",
    "read_policy", "read_policy_file", "resolve_region",
]

_DEFAULT_LIMITS = IngestLimits()
# Text left once furniture is dropped under which a PDF counts as having no text layer.
_MIN_CHARS_PER_PAGE = 10
_MIN_CHARS = 200


def read_policy(data: bytes, filename: str | None = None, *, title: str | None = None,
                headings: Sequence[str] = (), limits: IngestLimits | None = None) -> ParsedText:
    """Read a policy file's bytes into a clean body.

    Args:
        data: the file's bytes.
        filename: the name it was sent under; used in messages and only to
            tell Markdown from plain text, never to choose the reader.
        title: the measure's title when known (the metadata's), to place ``# 标题``.
        headings: other headings known from the metadata (annexes' titles), joined when printed over several lines.
        limits: size limits; the defaults accept 20 MB, 300 pages, 500,000 characters.

    Returns:
        The parsed text: body, kind, title and notice title found, what was repaired and dropped.

    Raises:
        IngestError: an empty, huge, corrupt, encrypted, scanned or unsupported file (one line).
    """
    limits = limits or _DEFAULT_LIMITS
    if not isinstance(data, bytes | bytearray):
        raise IngestError("应传入文件的字节内容")
    data = bytes(data)
    if len(data) > limits.max_bytes:
        raise IngestError(f"文件过大：{_size(len(data))}，上限 {_size(limits.max_bytes)}")
    kind, text = sniff(data, filename)
    if text is not None and len(text) > 3 * limits.max_chars:
        raise IngestError(f"文字过多：约 {len(text):,} 字，上限 {limits.max_chars:,} 字")
    if kind == "pdf":
        extract = read_pdf(data, limits)
    elif kind == "docx":
        extract = read_docx(data, limits)
    elif kind == "html":
        extract = read_html(text or "")
    elif kind == "markdown":
        extract = read_markdown(text or "")
    else:
        extract = read_text(text or "")
    body, found_title, notice_title, repaired, dropped = _clean(extract, kind, title or extract.title_hint, headings)
    chars = sum(1 for c in body if not c.isspace())
    if kind == "pdf" and chars < min(_MIN_CHARS, _MIN_CHARS_PER_PAGE * (extract.page_count or 1)):
        raise IngestError("未识别到文字层（扫描件需先OCR）")
    if chars == 0:
        raise IngestError("文件中没有文字")
    if chars > limits.max_chars:
        raise IngestError(f"文字过多：{chars:,} 字，上限 {limits.max_chars:,} 字")
    paras = body.split("\n\n")
    unquotable = sorted({u for u in extract.unquotable if u and u in body})
    return ParsedText(kind=kind, filename=filename, sha256=hashlib.sha256(data).hexdigest(), size_bytes=len(data),
                      pages=extract.page_count, body=body, title=found_title, notice_title=notice_title,
                      doc_number=repair.doc_number_in(paras), repaired=repaired, unquotable=unquotable,
                      dropped=dropped)


def read_policy_file(path: Path | str, *, title: str | None = None, headings: Sequence[str] = (),
                     limits: IngestLimits | None = None) -> ParsedText:
    """``read_policy`` on a file on disk, checking its size before reading it.

    Raises:
        IngestError: a missing file, or any error of ``read_policy``.
    """
    path = Path(path)
    limits = limits or _DEFAULT_LIMITS
    if not path.is_file():
        raise IngestError(f"文件不存在：{path.name}")
    size = path.stat().st_size
    if size > limits.max_bytes:
        raise IngestError(f"文件过大：{_size(size)}，上限 {_size(limits.max_bytes)}")
    return read_policy(path.read_bytes(), path.name, title=title, headings=headings, limits=limits)


def clean_body(text: str, *, title: str | None = None, wrapped: bool | None = None) -> str:
    """Repair an extracted text (as ``tools/import_seed.py`` does): the body of a policy file.

    Args:
        text: the extracted text, lines as printed.
        title: the measure's title when known.
        wrapped: whether lines were wrapped at a page width; guessed when None.
    """
    body, *_ = _clean(Extract(pages=[p.split("\n") for p in text.split("\f")]), "text", title, (), wrapped)
    return body


def _clean(extract: Extract, kind: Kind, title: str | None, headings: Sequence[str],
           wrapped: bool | None = None) -> tuple[str, str | None, str | None, list[str], list[str]]:
    pages, dropped = repair.drop_furniture(extract.pages) if not extract.blocks else (extract.pages, [])
    if extract.blocks:
        paras = repair.join_lines([x for p in pages for x in p], wrapped=False, blocks=True)
    else:
        paras = repair.join_lines([x for p in pages for x in p if x.strip()], wrapped=wrapped)
    if kind in ("html", "markdown", "text"):
        paras, web = repair.drop_web_furniture(paras)
        dropped += web
    repaired: list[str] = []
    out: list[str] = []
    for p in paras:
        fixed, runs = repair.dedup_bold(p)
        repaired += runs
        fixed = repair.normalise_spaces(fixed.lstrip("#").strip() if fixed.startswith("#") else fixed)
        if fixed and fixed != "---":
            out.append(fixed)
    out = repair.merge_headings(out, headings)
    out, found, notice = repair.mark_title(out, title)
    return "\n\n".join(out), found, notice, list(dict.fromkeys(repaired)), dropped


def _size(n: int) -> str:
    return f"{n / 1_048_576:.1f} MB" if n >= 1_048_576 else f"{n / 1024:.0f} KB"
