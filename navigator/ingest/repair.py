"""Repair the noise that extraction leaves in a policy text, never its wording.

Three kinds of noise are repaired:

* bold runs that PDF extraction prints four times over
  (``（（（（一一一一））））组织开展组织开展组织开展组织开展`` → ``（一）组织开展``);
* paragraphs broken into lines at the page width, or by a line break inside
  a sentence (the lines are joined);
* page furniture: page numbers (``- 3 -``, ``第 3 页 共 9 页``) and running
  headers or footers repeated at the edge of every page (dropped).

Then the measure's title is found and marked ``# 标题`` so that
``navigator.corpus.parse_articles`` puts the paragraphs before it in the
covering notice (印发通知). Every function here only deletes whitespace,
duplicated runs or furniture lines, and joins lines: the characters of the
text that remains are those of the source, in the same order.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence

# Punctuation that ends a paragraph when it ends a line.
ENDS = "。；：:！？!?;…"
# Punctuation that never ends a paragraph: the sentence goes on on the next line.
CONTINUES = "，,、（(《“‘〔【［—-/"
CLOSES = "）)》”’〕】］」』"
# A line a reader emits after a table row: never joined to what follows.
HARD_BREAK = "\x00"
_OPENERS = {"《": "》", "“": "”", "（": "）", "(": ")", "〔": "〕", "【": "】", "「": "」"}
# Lines that start a unit of the article tree.
STARTS = re.compile(
    r"^(第[一二三四五六七八九十百零]+[章节条]|[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|\d+[.．、]|附件|"
    r"说明[:：]|[一二三四五六七八九十]是|特此通知|公开方式|抄送)"
)
# A whole line that is only a page number.
PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–－_~]+\s*\d{1,4}\s*[-—–－_~]+|第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?|"
    r"\d{1,4}\s*[/／]\s*\d{1,4}|[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?|[-—–－]\s*[一二三四五六七八九十百]+\s*[-—–－])\s*$"
)
_BARE_NUMBER = re.compile(r"^\s*\d{1,4}\s*$")
# The words a measure's title ends with (办法, 细则, 方案...), optionally followed by （试行）.
TITLE_KINDS = re.compile(
    r"(?:办法|细则|方案|通知|意见|规定|措施|决定|规划|指南|指引|政策|条例|公告|通告|计划|批复|函|规则|标准|清单|目录|纲要|若干措施)"
    r"(?:[（(](?:试行|暂行|修订|修订稿|征求意见稿|\d{4}年?(?:修订)?)[）)])?$"
)
# The space after 第一条 / 第二章 is the text's own: it is kept.
_MARKER_END = re.compile(r"(?:^|\s)第[一二三四五六七八九十百零]+[章节条]$")
_NAMED = re.compile(r"《([^《》]{4,80})》")
_ISSUED_IN = re.compile(r"(?:印发|转发)(?:了)?([^，。；《》“”]{4,80}?)的通知")
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}[〔\[［(（【]\s*\d{4}\s*[〕\]］)）】]\s*\d{1,5}\s*号")
# A bold run unit: a phrase (1-40 characters) printed exactly four times in a row.
_UNIT = re.compile(r"(.{1,40}?)\1{3}", re.S)


def is_cjk(ch: str) -> bool:
    """Whether ``ch`` is a Han character or CJK punctuation (text with no spaces between words)."""
    if not ch:
        return False
    o = ord(ch)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF
            or 0x2018 <= o <= 0x201F or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x2FA1F)


def display_width(text: str) -> int:
    """Width of a line as printed: a Chinese character counts two, a Latin one."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def normalise_spaces(text: str) -> str:
    """One space for each run of whitespace; none where a single space stood between two Chinese characters.

    A single space between two Han characters is a line break that extraction
    turned into a space; a longer run is layout (a signature and its date) and
    stays as one space.
    """
    text = text.replace("\u00a0", " ").replace("\u3000", " ").replace("\t", " ")

    def fix(m: re.Match[str]) -> str:
        start, end = m.start(), m.end()
        before = m.string[start - 1] if start else ""
        after = m.string[end] if end < len(m.string) else ""
        if len(m.group(0)) == 1 and is_cjk(before) and is_cjk(after) and not _MARKER_END.search(m.string[:start]):
            return ""
        return " "

    return re.sub(r"[ \u2002-\u200a\u202f\u205f]+", fix, text).strip()


def dedup_bold(text: str) -> tuple[str, list[str]]:
    """Undo bold runs printed four times over; return the text and the repaired phrases.

    A run is two or more consecutive units (a phrase of 1-40 characters
    printed exactly four times, e.g. ``（（（（一一一一））））``), or one unit
    whose phrase has two or more characters including a Chinese one. A lone
    ``0000`` in ``100000`` or a lone ``。。。。`` is not a run and is kept.

    Returns:
        The repaired text and each repaired run as printed once, without its
        item marker or closing punctuation (``组织开展省资源池企业认定``), the
        way ``Document.repaired`` lists headings that are not quoted.
    """
    out: list[str] = []
    repaired: list[str] = []
    i = 0
    n = len(text)
    while i < n:
        units: list[str] = []
        j = i
        while j < n:
            m = _UNIT.match(text, j)
            if not m or not m.group(1).strip():
                break
            units.append(m.group(1))
            j = m.end()
        phrase = "".join(units)
        if len(units) >= 2 or (units and len(units[0]) >= 2 and any(is_cjk(c) and c.isalpha() for c in units[0])):
            out.append(phrase)
            core = re.sub(r"^[（(][一二三四五六七八九十]+[）)]", "", phrase).strip(" " + ENDS + "，、")
            if len(core) >= 2 and any(c.isalpha() for c in core):
                repaired.append(core)
            i = j
        else:
            out.append(text[i])
            i += 1
    return "".join(out), repaired


def _unclosed(text: str) -> bool:
    depth = 0
    for ch in text:
        if ch in _OPENERS:
            depth += 1
        elif ch in _OPENERS.values() and depth:
            depth -= 1
    return depth > 0


def _join(prev: str, line: str) -> str:
    sep = " " if prev[-1].isascii() and prev[-1].isalnum() and line[0].isascii() and line[0].isalnum() else ""
    return prev + sep + line


def full_width(lines: Sequence[str]) -> int:
    """The width of a full line: the 90th percentile of the widths of the longer lines."""
    widths = sorted(display_width(x) for x in lines if len(x) >= 4)
    if not widths:
        return 0
    return widths[min(len(widths) - 1, int(len(widths) * 0.9))]


def is_wrapped(lines: Sequence[str]) -> bool:
    """Whether the lines were wrapped at a page width (PDF text) rather than one paragraph per line.

    In wrapped text most full-width lines end inside a sentence; in a text
    with one paragraph per line the long lines end with 。 or ；.
    """
    width = full_width(lines)
    if width < 20:
        return False
    full = [x for x in lines if display_width(x) >= 0.8 * width]
    if len(full) < 3:
        return False
    return sum(1 for x in full if x.rstrip()[-1] not in ENDS) / len(full) >= 0.4


def _broken_sentence(para: str, line: str) -> bool:
    """Whether ``para`` is a sentence cut short before ``line`` (a page break inside a paragraph)."""
    return (para[-1] not in ENDS + CLOSES and bool(re.search(r"[，,、。；]", para)) and not STARTS.match(line)
            and len(para) >= 12)


def join_lines(lines: Iterable[str], wrapped: bool | None = None, blocks: bool = False) -> list[str]:
    """Join lines into paragraphs.

    A line goes on into the next when it ends inside a sentence: with a comma
    or an opening bracket, or with a 《》 or （） still open. In text wrapped at
    a page width, a full line that does not end a sentence goes on too. A
    block the source delimits goes on into the next when it is a sentence
    cut short (it has commas but no closing stop: a page break inside a Word
    or Markdown paragraph) and the next does not start an article or item.
    A table row (``HARD_BREAK`` after it) never goes on.

    Args:
        lines: the text's lines, in order.
        wrapped: whether the lines were wrapped at a page width; guessed when None.
        blocks: whether an empty line ends a block the source delimits (a Word
            or HTML paragraph). Otherwise empty lines are ignored.

    Returns:
        The paragraphs, stripped.
    """
    items = [x if x == HARD_BREAK else x.strip() for x in lines]
    text_lines = [x for x in items if x and x != HARD_BREAK]
    if wrapped is None:
        wrapped = is_wrapped(text_lines)
    width = full_width(text_lines) if wrapped else 0
    paras: list[str] = []
    strong = soft = boundary = hard = False
    for line in items:
        if line == HARD_BREAK:
            hard = True
            continue
        if not line:
            boundary = blocks
            continue
        joins = soft or (strong and not STARTS.match(line)) or (boundary and _broken_sentence(paras[-1], line))
        if paras and joins and not hard:
            paras[-1] = _join(paras[-1], line)
        else:
            paras.append(line)
        boundary = hard = False
        last = line[-1]
        size = len(paras[-1])
        strong = (last in CONTINUES and size <= 4000) or (_unclosed(paras[-1]) and size <= 300)
        soft = (wrapped and last not in ENDS and display_width(line) >= 0.8 * width and size <= 4000
                and not (size <= 60 and _title_like(paras[-1]) and TITLE_KINDS.search(paras[-1])))
    return paras


def _shape(line: str) -> str:
    """A line with digits and whitespace removed: running headers differ only by their page number."""
    return re.sub(r"[\s\d]+", "", line)


def drop_furniture(pages: Sequence[Sequence[str]]) -> tuple[list[list[str]], list[str]]:
    """Drop page numbers and running headers or footers.

    A page-number line (``- 3 -``, ``第3页 共9页``, ``3/9``) is dropped wherever
    it stands; a bare number only as the first or last line of a page. A line
    that stands among the first or last two lines of at least half of the
    pages (and of two pages at least), ignoring digits, is a running header
    or footer and is dropped there.

    Returns:
        The pages without furniture, and the dropped lines.
    """
    pages = [[x.rstrip() for x in p if x.strip()] for p in pages]
    dropped: list[str] = []
    edges: Counter[str] = Counter()
    for p in pages:
        for shape in {_shape(x) for x in [*p[:2], *p[-2:]]}:
            if shape:
                edges[shape] += 1
    running = {s for s, k in edges.items() if len(pages) >= 2 and k >= max(2, (len(pages) + 1) // 2)
               and len(s) <= 60 and not STARTS.match(s)}
    out: list[list[str]] = []
    for p in pages:
        keep: list[str] = []
        for i, line in enumerate(p):
            edge = i < 2 or i >= len(p) - 2
            if (PAGE_NUMBER.match(line) or (edge and _BARE_NUMBER.match(line))
                    or (edge and _shape(line) in running)):
                dropped.append(line.strip())
                continue
            keep.append(line)
        out.append(keep)
    return out, dropped


_WEB_LINE = re.compile(r"【(?:打印|关闭|大|中|小|大中小|简体|繁体)】|ICP备\d+号|网站标识码|版权所有|Copyright\s*(?:©|\(c\))", re.I)
_WEB_TAIL = re.compile(r"^(?:分享到[:：]?|返回首页|网站地图|网站声明|隐私声明|相关链接|上一篇|下一篇)")


def drop_web_furniture(paras: Sequence[str]) -> tuple[list[str], list[str]]:
    """Drop a web page's furniture: print/close buttons, ICP filing lines, and the footer after 分享到/返回首页.

    Returns:
        The paragraphs kept, and the dropped ones.
    """
    keep: list[str] = []
    dropped: list[str] = []
    for i, p in enumerate(paras):
        if i >= 0.6 * len(paras) and _WEB_TAIL.match(p) and len(p) <= 120:
            dropped += list(paras[i:])
            break
        if _WEB_LINE.search(p) and len(p) <= 160:
            dropped.append(p)
            continue
        keep.append(p)
    return keep, dropped


def merge_headings(paras: list[str], headings: Iterable[str]) -> list[str]:
    """Join the lines of a known heading (an annex's title from the metadata) printed over several lines."""
    out = list(paras)
    for heading in headings:
        i = 0
        while i < len(out):
            hit = _find_run(out, heading, i, i + 1)
            if hit and hit[1] - hit[0] > 1:
                merged = out[hit[0]]
                for x in out[hit[0] + 1:hit[1]]:
                    merged = _join(merged, x)
                out[hit[0]:hit[1]] = [merged]
            i += 1
    # An annex's title printed over several centred lines under 附件N.
    i = 0
    while i < len(out) - 2:
        if re.fullmatch(r"附件\s*\d+[:：]?", out[i]):
            j = i + 1
            while j < len(out) and j - i <= 3 and _title_like(out[j]) and len(out[j]) <= 40 \
                    and not re.search(r"\d+\s*年|\d+\s*月", out[j]):
                j += 1
            if j - i > 2:
                merged = out[i + 1]
                for x in out[i + 2:j]:
                    merged = _join(merged, x)
                out[i + 1:j] = [merged]
        i += 1
    return out


def _squash(text: str) -> str:
    return re.sub(r"[\s#*>`]+", "", text)


def _title_like(para: str) -> bool:
    return (len(para) <= 80 and not re.search(r"[。；;！？]", para) and not para.endswith(("：", ":"))
            and not STARTS.match(para) and not _DOC_NUMBER.search(para))


def _find_run(paras: list[str], want: str, start: int, stop: int) -> tuple[int, int] | None:
    """The first run of one to four consecutive title-like paragraphs whose text is ``want``."""
    want = _squash(want)
    for i in range(start, min(stop, len(paras))):
        acc = ""
        for j in range(i, min(i + 4, len(paras))):
            if not _title_like(paras[j]):
                break
            acc += _squash(paras[j])
            if acc == want:
                return i, j + 1
            if not want.startswith(acc):
                break
    return None


def _is_notice_title(para: str) -> bool:
    return _title_like(para) and bool(re.search(r"(?:印发|转发)", para)) and para.endswith("通知")


def merge_title_lines(paras: list[str]) -> list[str]:
    """Join a covering notice's title that was printed over several centred lines (关于印发… / …的通知)."""
    out = list(paras)
    i = -1
    while i + 1 < min(len(out), 60):
        i += 1
        if not (_title_like(out[i]) and re.search(r"(?:关于|印发|转发)", out[i]) and not out[i].endswith("通知")):
            continue
        for j in range(i + 1, min(i + 4, len(out))):
            if not _title_like(out[j]):
                break
            if out[j].endswith("通知"):
                merged = out[i]
                for x in out[i + 1:j + 1]:
                    merged = _join(merged, x)
                if _is_notice_title(merged):
                    out[i:j + 1] = [merged]
                break
    return out


def find_title(paras: list[str], hint: str | None = None) -> tuple[int, int, str | None] | None:
    """Where the measure's title stands: (first paragraph, end, covering notice's title or None).

    The title is, in order of preference: the paragraphs that spell ``hint``
    (the title given in the metadata); after a covering notice (印发……的通知),
    the paragraphs that spell the measure the notice names (《…》 or 印发…的通知);
    else the first short paragraph near the top that ends like a title
    (办法, 细则, 方案, 通知...).
    """
    head = min(len(paras), 60)
    notice_at = next((i for i, p in enumerate(paras[:head]) if _is_notice_title(p)), None)
    notice_title = paras[notice_at] if notice_at is not None else None
    if hint:
        hit = _find_run(paras, hint, 0, head)
        if hit:
            same = notice_title is not None and _squash(notice_title) == _squash(hint)
            return hit[0], hit[1], None if same else notice_title
    if notice_at is not None:
        names: list[str] = []
        for p in paras[notice_at:notice_at + 8]:
            names += [n for n in _NAMED.findall(p) if TITLE_KINDS.search(n)]
            names += [n for n in _ISSUED_IN.findall(_squash(p)) if TITLE_KINDS.search(n)]
        for name in names:
            hit = _find_run(paras, name, notice_at + 1, len(paras))
            if hit:
                return hit[0], hit[1], notice_title
    for i, p in enumerate(paras[:12]):
        if _title_like(p) and TITLE_KINDS.search(p) and not re.search(r"(?:文件|办公室|局|厅|委员会|政府)$", p):
            return i, i + 1, None
    return None


def mark_title(paras: list[str], hint: str | None = None) -> tuple[list[str], str | None, str | None]:
    """Mark the measure's title ``# 标题``, joining a title printed over several lines.

    Returns:
        The paragraphs, the title (None when none was found) and the covering
        notice's title (None when there is no covering notice).
    """
    paras = merge_title_lines(paras)
    found = find_title(paras, hint)
    if not found:
        return paras, None, None
    start, end, notice_title = found
    title = paras[start]
    for x in paras[start + 1:end]:
        title = _join(title, x)
    return [*paras[:start], "# " + title, *paras[end:]], title, notice_title


def doc_number_in(paras: Sequence[str]) -> str | None:
    """The first document number (文号, ``云科工商信〔2019〕22号``) near the top, as printed."""
    for p in paras[:15]:
        m = _DOC_NUMBER.search(p)
        if m and len(p) <= 40:
            return re.sub(r"\s+", "", m.group(0))
    return None
