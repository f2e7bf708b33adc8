"""Readers: the file's type from its content, and its text as pages of lines.

Each reader returns ``Extract``: pages of lines, where an empty line marks
the end of a block the source itself delimits (a Word or HTML paragraph, a
Markdown block). PDF and plain text have no such blocks: their lines are
what the page printed. The libraries are imported when a file of their kind
is read, so importing ``navigator.corpus`` stays light.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from dataclasses import dataclass, field

from navigator.ingest.models import IngestError, IngestLimits, Kind
from navigator.ingest.repair import HARD_BREAK

SUPPORTED = "支持 .docx、.pdf、.html、.txt、.md"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGES = {".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp"}
_HTML = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.I | re.S)
_TAGS = re.compile(r"</?(?:html|head|body|p|div|span|table|tr|td|h[1-6]|br|meta|title|ul|li)\b[^>]*>", re.I)
_MD = re.compile(r"^(?:#{1,6}\s+\S|>\s|\s*[-*+]\s+\S|\s*\|.*\|\s*$)|\[[^\]\n]+\]\([^)\s]+\)|\*\*[^*\n]+\*\*", re.M)
_LINK_LIKE = re.compile(r"@|https?://|www\.", re.I)
_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "table", "tbody", "thead", "tr",
           "section", "article", "main", "blockquote", "pre", "center", "dl", "dt", "dd", "hr", "figure",
           "figcaption", "address", "caption"}
_NOISE_TAGS = ["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "button",
               "select", "input", "template", "svg", "object", "embed", "map", "textarea"]
_CONTENT = re.compile(r"content|article|zoom|detail|main|text|trs_?editor|custom_unionstyle|zwnr|nr", re.I)


# Between table cells: a gap of two spaces is layout, so noise repair keeps one space there.
CELL_GAP = "  "


@dataclass
class Extract:
    """Text as the source printed it, before noise repair."""

    pages: list[list[str]]
    blocks: bool = False  # an empty line ends a block the source delimits
    page_count: int | None = None
    unquotable: list[str] = field(default_factory=list)
    title_hint: str | None = None


def sniff(data: bytes, filename: str | None = None) -> tuple[Kind, str | None]:
    """The kind of a file from its bytes: (kind, decoded text for the text kinds).

    ``%PDF-`` is a PDF; a zip holding ``word/document.xml`` is a Word file;
    text whose markup starts an HTML document is HTML; text with Markdown
    headings, links or tables is Markdown; other text is plain text. The
    name is only a tie-break between Markdown and plain text.

    Raises:
        IngestError: an empty, corrupt or unsupported file, or text in an encoding that cannot be read.
    """
    if not data or not data.strip():
        raise IngestError("文件为空")
    if b"%PDF-" in data[:1024]:
        return "pdf", None
    if data[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        return _sniff_zip(data), None
    if data[:8] == _OLE2:
        raise IngestError(f"旧版 Word（.doc）或 WPS 文件不能直接读取，请另存为 .docx 或 PDF（{SUPPORTED}）")
    if not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and b"\x00" in data[:8192]:
        raise IngestError(f"不支持的文件类型：{_binary_name(data)}（{SUPPORTED}）")
    text = decode_text(data)
    if _HTML.match(text[:4096]) or len(_TAGS.findall(text[:8192])) >= 5:
        return "html", text
    md_marks = len(_MD.findall(text[:200_000]))
    if md_marks >= 2 or (md_marks and (filename or "").lower().endswith((".md", ".markdown"))):
        return "markdown", text
    return "text", text


def _sniff_zip(data: bytes) -> Kind:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise IngestError("文件已损坏：不是完整的 .docx（zip）文件，可能未下载完整") from None
    if "word/document.xml" in names:
        return "docx"
    if "OFD.xml" in names:
        raise IngestError(f"不支持 OFD 版式文件，请转为 PDF 或 .docx（{SUPPORTED}）")
    if any(n.startswith("xl/") for n in names) or any(n.startswith("ppt/") for n in names):
        raise IngestError(f"不支持表格或演示文稿文件（{SUPPORTED}）")
    raise IngestError(f"不支持的压缩文件：其中没有 Word 正文（{SUPPORTED}）")


def _binary_name(data: bytes) -> str:
    import puremagic

    try:
        ext = puremagic.from_string(data[:65536])
    except (puremagic.PureError, ValueError):
        return "二进制文件"
    if ext.lower() in _IMAGES:
        return f"图片（{ext}）没有文字层（扫描件需先OCR）"
    return f"{ext} 文件"


def decode_text(data: bytes) -> str:
    """Text from bytes: a byte-order mark, else UTF-8, else the declared or detected encoding (GB18030 for GBK).

    Raises:
        IngestError: when no encoding reads the bytes as text.
    """
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return _clean(data.decode(enc))
            except UnicodeDecodeError:
                raise IngestError(f"文本编码有误：以 {enc} 标记开头却无法按其解码") from None
    try:
        return _clean(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    declared = re.search(rb"charset\s*=\s*[\"']?([\w-]+)", data[:4096], re.I)
    if declared:
        enc = declared.group(1).decode("ascii", "ignore").lower()
        enc = "gb18030" if enc in ("gb2312", "gbk", "x-gbk", "gb_2312-80") else enc
        try:
            return _clean(data.decode(enc))
        except (UnicodeDecodeError, LookupError):
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise IngestError("无法识别文本编码（请另存为 UTF-8 文本）")
    enc = "gb18030" if best.encoding in ("gb2312", "gbk", "hz") else best.encoding
    try:
        return _clean(data.decode(enc))
    except (UnicodeDecodeError, LookupError):
        return _clean(str(best))


def _clean(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    return re.sub(r"[\x00-\x08\x0b\x0e-\x1f\x7f]", "", text)


def read_pdf(data: bytes, limits: IngestLimits) -> Extract:
    """Pages of a PDF's text layer (pypdf).

    Raises:
        IngestError: a broken or truncated PDF, an encrypted one, too many pages, or no text layer.
    """
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    if b"%%EOF" not in data[-8192:]:
        raise IngestError("PDF 文件不完整（缺少结尾标记 %%EOF），可能未下载完整")
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError("PDF 已加密，无法读取文字")
        count = len(reader.pages)
    except IngestError:
        raise
    except (PyPdfError, Exception) as e:  # noqa: BLE001 - a broken file can fail anywhere inside the parser
        raise IngestError(f"PDF 文件已损坏，无法解析（{type(e).__name__}）") from None
    if count == 0:
        raise IngestError("PDF 没有页面")
    if count > limits.max_pages:
        raise IngestError(f"PDF 页数过多：{count} 页，上限 {limits.max_pages} 页")
    pages: list[list[str]] = []
    for i, page in enumerate(reader.pages, start=1):
        try:
            text = page.extract_text() or ""
        except Exception as e:  # noqa: BLE001 - one broken page is reported with its number
            raise IngestError(f"PDF 第 {i} 页已损坏，无法读取文字（{type(e).__name__}）") from None
        pages.append(_clean(text).split("\n"))
    letters = [c for p in pages for line in p for c in line if not c.isspace()]
    unreadable = sum(1 for c in letters if 0xE000 <= ord(c) <= 0xF8FF or c == "\ufffd")
    if letters and unreadable > 0.2 * len(letters):
        raise IngestError("PDF 的文字层无法解码（字体缺少编码表），请提供 .docx 或可复制文字的 PDF")
    return Extract(pages=pages, page_count=count)


def read_docx(data: bytes, limits: IngestLimits) -> Extract:
    """Paragraphs and table rows of a Word file, in document order (python-docx).

    Raises:
        IngestError: a corrupt file or one that unpacks to more than the limit.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            unpacked = sum(i.file_size for i in z.infolist())
            bad = z.testzip()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise IngestError("Word 文件已损坏，无法解压") from None
    if unpacked > limits.max_unzipped_bytes:
        raise IngestError(f"Word 文件解压后过大：{unpacked // 1_048_576} MB，上限 {limits.max_unzipped_bytes // 1_048_576} MB")
    if bad:
        raise IngestError(f"Word 文件已损坏：{bad} 校验失败")
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        title_hint = None
        for item in document.iter_inner_content():
            if isinstance(item, Table):
                lines += _docx_table(item)
                continue
            text = item.text.replace("\n", " ").replace("\t", " ")
            if text.strip():
                lines += [text, ""]
                style = (item.style.name if item.style is not None else "") or ""
                if title_hint is None and style.lower() == "title":
                    title_hint = text.strip()
    except IngestError:
        raise
    except Exception as e:  # noqa: BLE001 - python-docx raises many kinds on a malformed part
        raise IngestError(f"Word 文件已损坏，无法解析（{type(e).__name__}）") from None
    return Extract(pages=[lines], blocks=True, title_hint=title_hint)


def _docx_table(table) -> list[str]:
    """One line per table row: its cells' text, a merged cell once."""
    out: list[str] = []
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            text = " ".join(p.text.strip() for p in cell.paragraphs if p.text.strip())
            for inner in cell.tables:
                text = " ".join([text, *_docx_table(inner)]).strip()
            if text:
                cells.append(text)
        if cells:
            out += [CELL_GAP.join(cells), HARD_BREAK]
    return out


def read_html(text: str) -> Extract:
    """The main text of a web page (BeautifulSoup): script, style, navigation, header and footer dropped.

    The main text is the deepest element named like a content area
    (``content``, ``article``, ``zoom``...) or ``<main>``/``<article>`` that
    still holds most of the text; the page's ``<h1>`` is kept when it stands
    outside that element.
    """
    from bs4 import BeautifulSoup, Comment, NavigableString, Tag

    soup = BeautifulSoup(text, "html.parser")
    for tag in soup(_NOISE_TAGS):
        tag.decompose()
    for c in soup.find_all(string=lambda s: isinstance(s, Comment)):
        c.extract()
    root = soup.body or soup
    main = _main_element(root)
    lines: list[str] = []
    unquotable: list[str] = []
    h1 = soup.find("h1")
    if main is not root and isinstance(h1, Tag) and h1 not in main.descendants:
        lines += [h1.get_text(" ", strip=True), ""]
    current: list[str] = []

    def flush(block_end: bool) -> None:
        line = "".join(current).strip()
        current.clear()
        if line:
            lines.append(line)
        if block_end and lines and lines[-1] != "":
            lines.append("")

    def walk(node) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if type(child) is NavigableString:
                    current.append(re.sub(r"\s+", " ", str(child)))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name.lower()
            if name == "br":
                flush(False)
            elif name == "tr":
                flush(True)
                walk(child)
                flush(False)
                lines.append(HARD_BREAK)
            elif name in ("td", "th"):
                current.append(CELL_GAP + child.get_text(" ", strip=True))
            elif name in _BLOCKS:
                flush(True)
                walk(child)
                flush(True)
            else:
                if name == "a":
                    label = child.get_text(strip=True)
                    if label and _LINK_LIKE.search(label):
                        unquotable.append(label)
                walk(child)

    walk(main)
    flush(True)
    return Extract(pages=[lines], blocks=True, unquotable=unquotable)


def _main_element(root):
    """The element that holds the page's text: the deepest content-like element with most of it."""
    from bs4 import Tag

    def size(el) -> int:
        return len(re.sub(r"\s+", "", el.get_text()))

    total = size(root)
    cands = [el for el in root.find_all(True) if isinstance(el, Tag) and (
        el.name in ("main", "article") or _CONTENT.search(" ".join([el.get("id") or "", *(el.get("class") or [])])))]
    cands = [(size(el), el) for el in cands]
    cands = [(n, el) for n, el in cands if n >= 50 and n >= 0.2 * total]
    if not cands:
        return root
    best_n, best = max(cands, key=lambda x: x[0])
    while True:
        inner = [(n, el) for n, el in cands if el is not best and n >= 0.7 * best_n and best in el.parents]
        if not inner:
            return best
        best_n, best = max(inner, key=lambda x: x[0])


def read_markdown(text: str) -> Extract:
    """Blocks of a Markdown text (markdown-it): headings, paragraphs, list items, table rows; links kept as text."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("table")
    lines: list[str] = []
    unquotable: list[str] = []
    row: list[str] | None = None
    for tok in md.parse(text):
        if tok.type == "tr_open":
            row = []
        elif tok.type == "tr_close":
            if row and any(x.strip() for x in row):
                lines += [CELL_GAP.join(x for x in row if x.strip()), HARD_BREAK]
            row = None
        elif tok.type == "inline":
            parts: list[str] = []
            in_link = False
            for child in tok.children or []:
                if child.type in ("text", "code_inline", "html_inline"):
                    if child.type == "html_inline":
                        continue
                    parts.append(child.content)
                    if in_link and _LINK_LIKE.search(child.content):
                        unquotable.append(child.content.strip())
                elif child.type in ("softbreak", "hardbreak"):
                    parts.append("\n")
                elif child.type == "link_open":
                    in_link = True
                elif child.type == "link_close":
                    in_link = False
                elif child.type == "image":
                    parts.append(child.content)
            content = "".join(parts)
            if row is not None:
                row.append(content.replace("\n", " "))
            else:
                lines += [*content.split("\n"), ""]
        elif tok.type in ("code_block", "fence"):
            lines += [*tok.content.split("\n"), ""]
    return Extract(pages=[lines], blocks=True, unquotable=unquotable)


def read_text(text: str) -> Extract:
    """Lines of a plain text; a form feed starts a new page."""
    return Extract(pages=[p.split("\n") for p in text.split("\f")])
