"""Reading what callers hand in (files, JSON, JSON Lines, dates): bounded, strict, and failing on one line.

Every problem is a ``BadInput`` whose message names the file or field and what
is wrong with it, so that the command line can print it as it is and exit 2.
Nothing here trusts its input: sizes, nesting, number lengths, encodings and
characters are all checked before the data reaches the rest of the product.
"""

from __future__ import annotations

import codecs
import datetime as dt
import io
import json
import math
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

MAX_FILE_BYTES = 5_000_000  # a profile, an estimate request or a session
MAX_LINE_BYTES = 1_000_000  # one line of a --batch file
MAX_JSON_DEPTH = 32  # objects and arrays inside one another
MAX_NUMBER_CHARS = 40  # digits of one JSON number (Python refuses integers of over 4,300 digits)
MIN_YEAR, MAX_YEAR = 1900, 2100
BEIJING = dt.timezone(dt.timedelta(hours=8), "Asia/Shanghai")

_BOMS = (  # longest first: the UTF-32 LE mark begins with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_AS_OF = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})(?:T([0-9]{2}):([0-9]{2}))?")


class BadInput(ValueError):
    """Input that cannot be used: the message says which and why, on one line."""


# --- files -------------------------------------------------------------------------------------------


def check_path(path: str, what: str) -> Path:
    """``path`` as a ``Path``, refused when it cannot name a file (empty, NUL, not encodable)."""
    if not isinstance(path, str) or not path:
        raise BadInput(f"{what}: no file name given")
    if "\x00" in path:
        raise BadInput(f"{what}: the file name contains a NUL character")
    try:
        os.fsencode(path)
    except UnicodeError:
        raise BadInput(f"{what}: the file name is not valid text") from None
    return Path(path)


def open_file(path: str, what: str) -> io.BufferedReader:
    """Open a regular file for reading in binary; every reason it cannot be read is a ``BadInput``."""
    p = check_path(path, what)
    try:
        st = p.stat()
        if stat.S_ISDIR(st.st_mode):
            raise BadInput(f"{what}: {path} is a folder, not a file")
        if not stat.S_ISREG(st.st_mode):
            raise BadInput(f"{what}: {path} is not a regular file")
        return p.open("rb")
    except (FileNotFoundError, NotADirectoryError):
        raise BadInput(f"{what}: no such file: {path}") from None
    except PermissionError:
        raise BadInput(f"{what}: cannot read {path}: permission denied") from None
    except OSError as e:
        raise BadInput(f"{what}: cannot read {path}: {e.strerror or e}") from None


def read_bytes(path: str, what: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """The whole file, refused when larger than ``limit`` bytes."""
    with open_file(path, what) as f:
        try:
            data = f.read(limit + 1)
        except OSError as e:
            raise BadInput(f"{what}: cannot read {path}: {e.strerror or e}") from None
    if len(data) > limit:
        raise BadInput(f"{what}: {path} is larger than {limit:,} bytes")
    return data


def decode(data: bytes, what: str) -> str:
    """Text from bytes: UTF-8 with or without a byte-order mark, or UTF-16/32 with one."""
    encoding = "utf-8"
    for bom, name in _BOMS:
        if data.startswith(bom):
            data, encoding = data[len(bom):], name
            break
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as e:
        raise BadInput(f"{what}: not valid {encoding.upper()} text (byte 0x{data[e.start]:02x} at offset "
                       f"{e.start})") from None
    return text


def read_json_file(path: str, what: str) -> Any:
    """A JSON document from a file, checked as ``parse_json`` checks it."""
    return parse_json(decode(read_bytes(path, what), what), what)


def jsonl_lines(path: str, what: str) -> Iterator[tuple[int, str | BadInput]]:
    """(line number, text) for each line of a JSON Lines file; a line that cannot be read is a ``BadInput``.

    Lines are read one at a time (a batch may be long); an over-long line or one that is not UTF-8 is
    reported in its place and reading goes on. A UTF-16/32 file (with its byte-order mark) is read whole.
    """
    with open_file(path, what) as f:
        try:
            head = f.peek(4)[:4]
        except OSError as e:
            raise BadInput(f"{what}: cannot read {path}: {e.strerror or e}") from None
        if any(head.startswith(bom) for bom, name in _BOMS if name != "utf-8"):
            data = f.read(MAX_FILE_BYTES * 4 + 1)
            if len(data) > MAX_FILE_BYTES * 4:
                raise BadInput(f"{what}: a UTF-16/32 file larger than {MAX_FILE_BYTES * 4:,} bytes; save it as UTF-8")
            try:
                text = decode(data, what)
            except BadInput:  # not UTF-16/32 after all: read it as UTF-8 lines, the first one reported bad
                f.seek(0)
            else:
                for n, line in enumerate(text.split("\n"), start=1):
                    yield n, line
                return
        if head.startswith(codecs.BOM_UTF8):
            f.read(len(codecs.BOM_UTF8))
        n = 0
        while True:
            try:
                raw = f.readline(MAX_LINE_BYTES + 1)
            except OSError as e:
                raise BadInput(f"{what}: cannot read {path}: {e.strerror or e}") from None
            if not raw:
                return
            n += 1
            if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
                while True:  # skip the rest of the over-long line
                    more = f.readline(MAX_LINE_BYTES)
                    if not more or more.endswith(b"\n"):
                        break
                yield n, BadInput(f"line {n}: longer than {MAX_LINE_BYTES:,} bytes")
                continue
            try:
                yield n, raw.decode("utf-8")
            except UnicodeDecodeError as e:
                yield n, BadInput(f"line {n}: not valid UTF-8 text (byte 0x{raw[e.start]:02x} at offset {e.start})")


# --- JSON ---------------------------------------------------------------------------------------------


class _NumberProblem(ValueError):
    pass


def _int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_NUMBER_CHARS:
        raise _NumberProblem(f"a number of {len(text)} digits (at most {MAX_NUMBER_CHARS})")
    return int(text)


def _float(text: str) -> float:
    if len(text) > MAX_NUMBER_CHARS * 2:
        raise _NumberProblem(f"a number written with {len(text)} characters (at most {MAX_NUMBER_CHARS * 2})")
    value = float(text)
    if not math.isfinite(value):
        raise _NumberProblem(f"the number {text[:20]} is too large")
    return value


def _constant(name: str) -> Any:
    raise _NumberProblem(f"{name} is not a number JSON allows")


def parse_json(text: str, what: str) -> Any:
    """A JSON document: no NaN or Infinity, no over-long numbers, at most ``MAX_JSON_DEPTH`` levels deep,
    and no string holding a lone surrogate (text that is not Unicode)."""
    try:
        doc = json.loads(text, parse_int=_int, parse_float=_float, parse_constant=_constant)
    except json.JSONDecodeError as e:
        raise BadInput(f"{what}: not valid JSON ({e.msg} at line {e.lineno} column {e.colno})") from None
    except _NumberProblem as e:
        raise BadInput(f"{what}: {e}") from None
    except RecursionError:
        raise BadInput(f"{what}: nested more than {MAX_JSON_DEPTH} levels deep") from None
    check_json(doc, what)
    return doc


def check_json(doc: Any, what: str) -> None:
    """Refuse a parsed document nested too deeply or holding a string that is not valid Unicode."""
    stack: list[tuple[Any, int]] = [(doc, 0)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, str):
            check_text(node, what)
        elif isinstance(node, dict | list):
            if depth >= MAX_JSON_DEPTH:
                raise BadInput(f"{what}: nested more than {MAX_JSON_DEPTH} levels deep")
            if isinstance(node, dict):
                stack.extend((k, depth + 1) for k in node)
                stack.extend((v, depth + 1) for v in node.values())
            else:
                stack.extend((v, depth + 1) for v in node)


def check_text(text: str, what: str) -> str:
    """``text`` unchanged, refused when it holds a lone surrogate (bytes that were not UTF-8, or a broken escape)."""
    m = _SURROGATE.search(text)
    if m:
        code = ord(m.group())
        if 0xDC80 <= code <= 0xDCFF:  # how Python carries a byte that was not UTF-8 (command line, file names)
            raise BadInput(f"{what}: not valid UTF-8 text (byte 0x{code - 0xDC00:02x} at character {m.start()})")
        raise BadInput(f"{what}: not valid Unicode text (a lone surrogate U+{code:04X} at character {m.start()})")
    return text


# --- dates ----------------------------------------------------------------------------------------------


def parse_as_of(value: Any, what: str = "--as-of") -> dt.date | dt.datetime:
    """``YYYY-MM-DD`` (a whole day: a ``date``) or ``YYYY-MM-DDTHH:MM`` (Beijing time: a naive ``datetime``)."""
    if not isinstance(value, str):
        kind = "a number" if isinstance(value, int | float) and not isinstance(value, bool) else \
            f"a JSON {type(value).__name__.replace('dict', 'object').replace('list', 'array')}"
        raise BadInput(f"{what} must be a text YYYY-MM-DD or YYYY-MM-DDTHH:MM, not {kind}")
    m = _AS_OF.fullmatch(value.strip())
    if not m:
        shown = value if len(value) <= 40 else value[:37] + "..."
        raise BadInput(f"{what} must be a date YYYY-MM-DD or a time YYYY-MM-DDTHH:MM (Beijing), got {shown!r}")
    year, month, day, hour, minute = (int(g) if g is not None else None for g in m.groups())
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise BadInput(f"{what}: the year {year} is outside {MIN_YEAR}-{MAX_YEAR}")
    try:
        if hour is None:
            return dt.date(year, month, day)
        return dt.datetime(year, month, day, hour, minute)
    except ValueError as e:
        raise BadInput(f"{what}: {value.strip()!r} is not a real date YYYY-MM-DD or time YYYY-MM-DDTHH:MM ({e})") \
            from None


def today() -> dt.date:
    """Today in Beijing, the default evaluation date."""
    return dt.datetime.now(BEIJING).date()
