"""``python -m navigator``: the machine interface of CONTRACT.md.

Every command prints one JSON document (JSON Lines with ``--batch``) with
``--json``, exits 0 on success and 2 with a one-line message on stderr for
bad input.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

MAX_FILE_BYTES = 5_000_000


class UsageError(Exception):
    """Bad input: reported on one line, exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's own errors: one line, exit 2
        raise UsageError(message)


def _read_json(path: str, what: str) -> Any:
    p = Path(path)
    if not p.is_file():
        raise UsageError(f"{what}: no such file: {path}")
    if p.stat().st_size > MAX_FILE_BYTES:
        raise UsageError(f"{what}: file larger than {MAX_FILE_BYTES} bytes")
    try:
        return json.loads(p.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise UsageError(f"{what}: not valid JSON ({e})") from None


def _date(text: str | None) -> dt.date:
    if text is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--as-of must be a date YYYY-MM-DD, got {text!r}") from None


def _print(doc: Any, as_json: bool) -> None:
    if as_json:
        print(json.dumps(doc, ensure_ascii=False))
    else:
        print(json.dumps(doc, ensure_ascii=False, indent=2))


def _profile(path: str | None):
    from navigator.service import ProfileError, parse_profile

    if path is None:
        return parse_profile({})
    try:
        return parse_profile(_read_json(path, "--profile"))
    except ProfileError as e:
        raise UsageError(str(e)) from None


def cmd_estimate(a: argparse.Namespace) -> int:
    from calculators.estimate import InputError
    from navigator.service import estimate

    request = _read_json(a.input, "--input")
    try:
        result = estimate(request)
    except InputError as e:
        raise UsageError(str(e)) from None
    _print(result.to_contract(), a.json)
    return 0


def cmd_match(a: argparse.Namespace) -> int:
    from navigator.service import match

    profile = _profile(a.profile)
    _print({"as_of": _date(a.as_of).isoformat(), "results": match(profile, _date(a.as_of))}, a.json)
    return 0


def cmd_compare(a: argparse.Namespace) -> int:
    from calculators.estimate import InputError
    from navigator.service import compare

    try:
        _print(compare(a.ids, _date(a.as_of)), a.json)
    except InputError as e:
        raise UsageError(str(e)) from None
    return 0


def cmd_ask(a: argparse.Namespace) -> int:
    from navigator.answer import AskError, answerer

    if a.batch:
        return _ask_batch(a)
    if a.question is None:
        raise UsageError("ask needs a question (or --batch FILE)")
    profile = _profile(a.profile)
    try:
        result = answerer().ask(a.question, profile=profile, as_of=_date(a.as_of))
    except AskError as e:
        raise UsageError(str(e)) from None
    _print(result, a.json)
    return 0


def _ask_batch(a: argparse.Namespace) -> int:
    from navigator.answer import AskError, answerer
    from navigator.service import ProfileError, parse_profile

    p = Path(a.batch)
    if not p.is_file():
        raise UsageError(f"--batch: no such file: {a.batch}")
    engine = answerer()
    with p.open(encoding="utf-8", errors="replace") as f:
        for n, line in enumerate(f, start=1):
            if not line.strip():
                continue
            row_id: Any = n
            try:
                row = json.loads(line)
                if not isinstance(row, dict):
                    raise AskError("each line must be a JSON object {id, question, profile?, as_of?}")
                row_id = row.get("id", n)
                profile = parse_profile(row.get("profile") or {})
                as_of = _date(row.get("as_of")) if row.get("as_of") else dt.date.today()
                result = engine.ask(row.get("question"), profile=profile, as_of=as_of)
                out = {"id": row_id, **result}
            except json.JSONDecodeError as e:
                out = {"id": row_id, "error": f"line {n}: not valid JSON ({e.msg})"}
            except (AskError, ProfileError, UsageError) as e:
                out = {"id": row_id, "error": str(e)}
            print(json.dumps(out, ensure_ascii=False), flush=True)
    return 0


def cmd_index(a: argparse.Namespace) -> int:
    from navigator.retrieval import build_index

    info = build_index(force=a.force, progress=True)
    _print(info, a.json)
    return 0


def parser() -> argparse.ArgumentParser:
    ap = _Parser(prog="python -m navigator", description="政策导航 Policy Navigator (CONTRACT.md)")
    sub = ap.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("ask", help="answer a question from the policy texts, with citations")
    p.add_argument("question", nargs="?")
    p.add_argument("--profile")
    p.add_argument("--as-of")
    p.add_argument("--batch", help="JSON Lines file: {id, question, profile?, as_of?} per line")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("estimate", help="calculate a subsidy with a cited breakdown")
    p.add_argument("--input", required=True)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_estimate)

    p = sub.add_parser("match", help="every programme's verdict for a profile")
    p.add_argument("--profile", required=True)
    p.add_argument("--as-of")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_match)

    p = sub.add_parser("compare", help="programmes side by side")
    p.add_argument("ids", nargs="+")
    p.add_argument("--as-of")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_compare)

    p = sub.add_parser("index", help="build the retrieval index")
    p.add_argument("--force", action="store_true")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_index)
    return ap


def main(argv: list[str] | None = None) -> int:
    try:
        a = parser().parse_args(argv)
        return a.func(a)
    except UsageError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
