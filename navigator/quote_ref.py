"""A quote passed by reference: document, article and the sentences (clauses) it covers, not its text.

Links from a citation to 政策原文 carry ``doc``, ``article`` and ``s`` (the
first and last sentence index, ``"3"`` or ``"3-4"``), so a URL stays short
whatever the quote's length, and the page marks exactly those sentences of the
verbatim text.
"""

from __future__ import annotations

import re

from navigator.corpus import squash

# A sentence (or clause: quotes are usually whole clauses) ends at 。！？；，：, their ASCII forms, or a line break.
_END = re.compile(r"[。！？；，：;!?,:]+|\n+")
_TRAILING = "，：,:；;"
MAX_SENTENCES = 200


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``, its closing punctuation included, blank ones dropped."""
    spans, start = [], 0
    for m in _END.finditer(text):
        end = m.end() if m.group(0)[0] != "\n" else m.start()
        if text[start:end].strip():
            spans.append((start, end))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def locate(text: str, quote: str) -> tuple[int, int] | None:
    """The first and last sentence of ``text`` that a verbatim ``quote`` covers (whitespace-insensitive)."""
    q = squash(quote)
    if not q:
        return None
    spans = sentence_spans(text)
    squashed = [squash(text[a:b]) for a, b in spans]
    joined, starts = "", []
    for s in squashed:
        starts.append(len(joined))
        joined += s
    at = joined.find(q)
    if at < 0:
        return None
    end = at + len(q)
    first = max(i for i, s in enumerate(starts) if s <= at)
    last = max(i for i, s in enumerate(starts) if s < end)
    return first, last


def encode(span: tuple[int, int]) -> str:
    """The ``s`` parameter: ``"3"`` or ``"3-4"``."""
    first, last = span
    return str(first) if first == last else f"{first}-{last}"


def decode(value: str | None) -> tuple[int, int] | None:
    """Parse an ``s`` parameter; None for anything malformed or out of range."""
    m = re.fullmatch(r"(\d{1,3})(?:-(\d{1,3}))?", (value or "").strip())
    if not m:
        return None
    first = int(m.group(1))
    last = int(m.group(2)) if m.group(2) else first
    if last < first or last >= MAX_SENTENCES:
        return None
    return first, last


def quote_of(text: str, span: tuple[int, int]) -> str | None:
    """The verbatim sentences ``span`` of ``text`` (None when the text has fewer sentences)."""
    spans = sentence_spans(text)
    first, last = span
    if last >= len(spans):
        return None
    return text[spans[first][0]:spans[last][1]].rstrip(_TRAILING)
