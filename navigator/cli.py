"""``python -m navigator``: the machine interface of CONTRACT.md.

Every command prints one JSON document (JSON Lines with ``--batch``) with
``--json``, exits 0 on success and 2 with a one-line message on stderr for
bad input; never a traceback. In ``--batch`` a bad line gets ``{"id", "error"}``
and the batch carries on. An unexpected failure prints one line with a
reference and exits 1; its traceback goes to ``errors.log`` in the data dir.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import logging
import logging.handlers
import os
import sys
import tempfile
import traceback
import uuid
from pathlib import Path
from typing import Any

from navigator.inputs import (
    BadInput,
    check_path,
    check_text,
    jsonl_lines,
    parse_as_of,
    parse_json,
    read_json_file,
    today,
)
from navigator.settings import SettingsError, data_dir_problem, settings

EXIT_OK, EXIT_INTERNAL, EXIT_BAD_INPUT, EXIT_INTERRUPTED = 0, 1, 2, 130
EXIT_INDEX_NOT_USABLE = 1  # index --check: the index cannot serve as it is
BATCH_FIELDS = ("id", "question", "profile", "as_of", "session")
MAX_ID_CHARS = 200
JSON_WHITESPACE = " \t\r\n"  # a --batch line of only these is blank: skipped, not answered

log = logging.getLogger(__name__)


class UsageError(BadInput):
    """Bad input: reported on one line, exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's own errors: one line, exit 2
        raise UsageError(" ".join(message.split()))


# --- output ---------------------------------------------------------------------------------------------


# Characters a reader of lines takes for a line break (str.splitlines) that JSON leaves unescaped: escaped, so one
# document stays one line.
LINE_BREAKS = {c: f"\\u{c:04x}" for c in (0x85, 0x2028, 0x2029)}


def _emit(doc: Any, as_json: bool) -> None:
    """Print one JSON document (one line with ``--json``); ASCII escapes if stdout cannot take UTF-8."""
    text = json.dumps(doc, ensure_ascii=False, allow_nan=False, indent=None if as_json else 2).translate(LINE_BREAKS)
    try:
        sys.stdout.write(text + "\n")
    except UnicodeEncodeError:
        sys.stdout.write(json.dumps(doc, ensure_ascii=True, allow_nan=False, indent=None if as_json else 2) + "\n")
    sys.stdout.flush()


def _one_line(message: str) -> str:
    return " ".join(str(message).split()) or "bad input"


# --- reading arguments -------------------------------------------------------------------------------------


def _as_of(value: Any, what: str = "--as-of") -> dt.date | dt.datetime:
    return today() if value is None else parse_as_of(value, what)


def _profile(data: Any, what: str = "--profile"):
    from navigator.service import ProfileError, parse_profile

    try:
        return parse_profile(data)
    except ProfileError as e:
        raise UsageError(f"{what}: {_one_line(str(e))}") from None


def _profile_file(path: str | None):
    """The profile in ``path``; no file means an empty profile (everything unknown)."""
    return _profile({} if path is None else read_json_file(path, "--profile"))


def _question(text: Any, what: str = "the question") -> str:
    if not isinstance(text, str):
        raise UsageError(f"{what} must be text")
    return check_text(text, what)


# --- commands ----------------------------------------------------------------------------------------------


def cmd_estimate(a: argparse.Namespace) -> int:
    from calculators.estimate import InputError
    from navigator.service import estimate

    request = read_json_file(a.input, "--input")
    try:
        result = estimate(request)
    except InputError as e:
        raise UsageError(f"--input: {_one_line(str(e))}") from None
    _emit(result.to_contract(), a.json)
    return EXIT_OK


def cmd_match(a: argparse.Namespace) -> int:
    from navigator.service import match

    profile = _profile_file(a.profile)
    as_of = _as_of(a.as_of)
    _emit({"as_of": as_of.isoformat(timespec="minutes") if isinstance(as_of, dt.datetime) else as_of.isoformat(),
           "results": match(profile, as_of)}, a.json)
    return EXIT_OK


def cmd_compare(a: argparse.Namespace) -> int:
    from calculators.estimate import InputError
    from navigator.service import compare

    ids = [check_text(i, "programme id") for i in a.ids]
    as_of = _as_of(a.as_of)
    try:
        doc = compare(ids, as_of)
    except InputError as e:
        raise UsageError(_one_line(str(e))) from None
    _emit(doc, a.json)
    return EXIT_OK


def _ask_errors() -> tuple[type[BaseException], ...]:
    """What ``Conversation.ask`` raises for a question, a profile or a session that cannot be used."""
    from navigator.answer import AskError
    from navigator.conversation import SessionError
    from navigator.index_store import IndexUnavailable
    from navigator.service import ProfileError

    return AskError, SessionError, ProfileError, IndexUnavailable, BadInput


def cmd_ask(a: argparse.Namespace) -> int:
    if a.batch is not None:
        if a.question is not None:
            raise UsageError("give a question or --batch FILE, not both")
        if a.session is not None:
            raise UsageError("--session keeps one conversation; in --batch give each line a \"session\"")
        return _ask_batch(a)
    if a.question is None:
        raise UsageError("ask needs a question (or --batch FILE)")
    question = _question(a.question)
    profile = _profile_file(a.profile)
    as_of = _as_of(a.as_of)
    from navigator.conversation import Conversation, session_file
    from navigator.versions import answerer_on

    try:
        if a.session is None:
            answer = Conversation().ask(question, profile=profile, as_of=as_of, engine=answerer_on(as_of))
        else:
            check_path(a.session, "--session")
            with session_file(a.session) as conv:
                answer = conv.ask(question, profile=profile, as_of=as_of, engine=answerer_on(as_of))
    except _ask_errors() as e:
        raise UsageError(_one_line(str(e))) from None
    _emit(answer.to_contract(), a.json)
    return EXIT_OK


def _row_id(row: dict[str, Any], n: int) -> tuple[Any, str | None]:
    """The line's id as given (a string or an integer), or its line number and what is wrong with the id."""
    if "id" not in row or row["id"] is None:
        return n, None
    rid = row["id"]
    if isinstance(rid, bool) or not isinstance(rid, str | int):
        return n, "id must be a string or an integer"
    if isinstance(rid, str) and len(rid) > MAX_ID_CHARS:
        return n, f"id longer than {MAX_ID_CHARS} characters"
    return rid, None


def _session_key(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int) or value == "":
        raise UsageError("session must be a non-empty string or an integer")
    if isinstance(value, str) and len(value) > MAX_ID_CHARS:
        raise UsageError(f"session longer than {MAX_ID_CHARS} characters")
    return str(value)


def _batch_line(n: int, item: str | BadInput, sessions: dict[str, Any], profile: Any,
                as_of: dt.date | dt.datetime) -> dict[str, Any] | None:
    """The output line for input line ``n`` (None for a blank line). Never raises for a bad line."""
    from navigator.conversation import Conversation
    from navigator.versions import answerer_on

    row_id: Any = n
    try:
        if isinstance(item, BadInput):
            raise item
        if not item.strip(JSON_WHITESPACE):
            return None
        row = parse_json(item, f"line {n}")
        if not isinstance(row, dict):
            raise UsageError(f"line {n}: must be a JSON object {{id, question, profile?, as_of?, session?}}")
        row_id, id_problem = _row_id(row, n)
        if id_problem:
            raise UsageError(f"line {n}: {id_problem}")
        unknown = sorted(set(row) - set(BATCH_FIELDS))
        if unknown:
            raise UsageError(f"line {n}: unknown field {unknown[0]!r} (a line holds {', '.join(BATCH_FIELDS)})")
        if "question" not in row:
            raise UsageError(f"line {n}: no question")
        question = _question(row["question"], f"line {n}: question")
        line_profile = _profile(row["profile"], f"line {n}: profile") if row.get("profile") is not None else profile
        line_as_of = parse_as_of(row["as_of"], f"line {n}: as_of") if row.get("as_of") is not None else as_of
        key = _session_key(row.get("session"))
        conv = Conversation() if key is None else sessions.setdefault(key, Conversation())
        answer = conv.ask(question, profile=line_profile, as_of=line_as_of, engine=answerer_on(line_as_of))
        return {"id": row_id, **answer.to_contract()}
    except _ask_errors() as e:
        message = _one_line(str(e))
        return {"id": row_id, "error": message if message.startswith(f"line {n}:") else f"line {n}: {message}"}
    except Exception as e:  # noqa: BLE001 - one line's unexpected failure must not lose the lines after it
        ref = _record_internal_error(e)
        return {"id": row_id, "error": f"line {n}: internal error {type(e).__name__} (reference {ref})"}


def _ask_batch(a: argparse.Namespace) -> int:
    from navigator.index_store import IndexUnavailable, open_index

    profile = _profile_file(a.profile)
    as_of = _as_of(a.as_of)
    lines = jsonl_lines(a.batch, "--batch")
    first = next(lines, None)  # opens the file: one that cannot be read stops here, before the index is opened
    if first is None:
        return EXIT_OK
    try:
        open_index()  # check (or heal, or build) the index once, before the first line
    except IndexUnavailable as e:
        raise UsageError(_one_line(str(e))) from None
    sessions: dict[str, Any] = {}  # lines with the same "session" share one conversation, in file order
    for n, item in itertools.chain([first], lines):
        out = _batch_line(n, item, sessions, profile, as_of)
        if out is not None:
            _emit(out, True)
    return EXIT_OK


def cmd_index(a: argparse.Namespace) -> int:
    from navigator.index_store import IndexUnavailable, build_index, check_index

    if a.check and a.force:
        raise UsageError("--check reports and changes nothing; it cannot be combined with --force")
    try:
        if a.check:
            state = check_index()
            _emit(state.to_json(), a.json)
            return EXIT_OK if state.usable else EXIT_INDEX_NOT_USABLE
        info = build_index(force=a.force, progress=True)
    except IndexUnavailable as e:
        raise UsageError(_one_line(str(e))) from None
    _emit(info, a.json)
    return EXIT_OK


# --- policy: add, replace, repeal, list, log, draft-programme ---------------------------------------------------


def _policy_errors() -> tuple[type[BaseException], ...]:
    """What the policy commands raise for a file, metadata, id or date that cannot be used: exit 2."""
    from navigator.corpus import PolicyDataError
    from navigator.index_store import IndexUnavailable
    from navigator.ingest import IngestError, MetaError
    from navigator.policy_store import StoreError

    return IngestError, MetaError, StoreError, PolicyDataError, IndexUnavailable


def _actor() -> str:
    """Who changes the policies from the command line: the operating-system account."""
    import getpass

    try:
        return f"cli:{getpass.getuser()}"
    except (OSError, KeyError):
        return "cli"


def _policy_file(path: str, what: str = "FILE") -> tuple[bytes, str]:
    from navigator.inputs import read_bytes
    from navigator.policy_store import PolicyStore

    data = read_bytes(path, what, limit=PolicyStore.default().limits.max_bytes)
    return data, Path(path).name


def _meta_file(path: str):
    """The metadata in META.yaml, checked; a bad field is one line naming the file and the field."""
    from navigator.ingest import MetaError
    from navigator.ingest.meta import MAX_META_BYTES, load_yaml, parse_meta
    from navigator.inputs import read_bytes

    data = read_bytes(path, "--meta", limit=MAX_META_BYTES)
    name = Path(path).name
    try:
        return parse_meta(load_yaml(data, name), name)
    except MetaError as e:
        raise UsageError(_one_line(str(e))) from None


def _doc_id(value: str, what: str = "ID") -> str:
    import re

    from navigator.ingest.meta import DOC_ID

    text = check_text(value, what)
    if len(text) > 64 or not re.match(DOC_ID, text):
        shown = text if len(text) <= 40 else text[:37] + "..."
        raise UsageError(f"{what}: {shown!r} is not a document id (lower-case letters, digits and hyphens, "
                         "e.g. tianmen-2024-cloud)")
    return text


def _day(value: str, what: str) -> dt.date:
    got = parse_as_of(value, what)
    if isinstance(got, dt.datetime):
        raise UsageError(f"{what} must be a date YYYY-MM-DD, not a time")
    return got


def _policy_call(fn, *args, **kwargs):
    """Run a store operation; its refusals and unusable files are one line and exit 2."""
    try:
        return fn(*args, **kwargs)
    except _policy_errors() as e:
        raise UsageError(_one_line(str(e))) from None
    except OSError as e:
        raise UsageError(f"the policy store cannot be written: {e.strerror or e}") from None


def cmd_policy_add(a: argparse.Namespace) -> int:
    from navigator import publishing

    data, name = _policy_file(a.file)
    meta = _meta_file(a.meta)
    done = _policy_call(publishing.add, data, meta, filename=name, actor=_actor())
    _emit(done.to_contract(), a.json)
    return EXIT_OK


def cmd_policy_replace(a: argparse.Namespace) -> int:
    from navigator import publishing

    doc_id = _doc_id(a.id)
    data, name = _policy_file(a.file)
    meta = _meta_file(a.meta)
    done = _policy_call(publishing.replace, doc_id, data, meta, filename=name, actor=_actor())
    _emit(done.to_contract(), a.json)
    return EXIT_OK


def cmd_policy_repeal(a: argparse.Namespace) -> int:
    from navigator import publishing

    doc_id = _doc_id(a.id)
    on = _day(a.on, "--on")
    by = check_text(a.by, "--by") if a.by is not None else None
    done = _policy_call(publishing.repeal, doc_id, on, by, actor=_actor())
    _emit(done.to_contract(), a.json)
    return EXIT_OK


def cmd_policy_list(a: argparse.Namespace) -> int:
    from navigator.corpus import load_corpus
    from navigator.policy_store import PolicyStore
    from navigator.programmes import registry

    day = _day(a.as_of, "--as-of") if a.as_of is not None else today()
    rows = _policy_call(PolicyStore.default().list, day)
    reg = _policy_call(registry, _policy_call(load_corpus, as_of=day))
    out = []
    for r in rows:
        row = r.to_contract(programmes=len(reg.of_document(r.doc_id)))
        row.update({"versions": r.versions, "in_force_from": r.in_force_from.isoformat(),
                    "expires_on": r.expires_on.isoformat() if r.expires_on else None,
                    "repealed_on": r.repealed_on.isoformat() if r.repealed_on else None,
                    "repealed_by": r.repealed_by})
        out.append(row)
    _emit({"as_of": day.isoformat(), "policies": out}, a.json)
    return EXIT_OK


def cmd_policy_log(a: argparse.Namespace) -> int:
    from navigator.policy_store import PolicyStore

    doc_id = _doc_id(a.doc, "--doc") if a.doc is not None else None
    entries = _policy_call(PolicyStore.default().log)
    if doc_id is not None:
        entries = [e for e in entries if e.doc_id == doc_id]
    _emit({"changes": [e.model_dump(mode="json", exclude_none=True) for e in entries]}, a.json)
    return EXIT_OK


def cmd_policy_draft(a: argparse.Namespace) -> int:
    from navigator import drafting

    doc_id = _doc_id(a.id)
    if a.out is not None:
        check_path(a.out, "--out")
    draft = _policy_call(drafting.draft, doc_id, version=a.version)
    if a.out is not None:
        try:
            drafting.write(draft, Path(a.out), overwrite=a.force)
        except drafting.DraftError as e:
            raise UsageError(_one_line(str(e))) from None
    if a.json:
        _emit({**draft.to_json(), "path": a.out}, True)
    elif a.out is None:
        sys.stdout.write(draft.yaml)
        sys.stdout.flush()
    else:
        _emit({"programme": draft.programme_id, "path": a.out, "candidates": len(draft.candidates)}, False)
    return EXIT_OK


def _add_policy_commands(sub) -> None:
    p = sub.add_parser("policy", help="add, replace, repeal and list the policy texts (data dir)")
    ps = p.add_subparsers(dest="policy_command", required=True, parser_class=_Parser)

    q = ps.add_parser("add", help="read a .docx/.pdf/.html/.txt/.md policy and index it")
    q.add_argument("file")
    q.add_argument("--meta", required=True, help="META.yaml: id, title, doc_number, issuer, dates, region, aliases")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_policy_add)

    q = ps.add_parser("replace", help="add a new version of a policy (the old one answers earlier dates)")
    q.add_argument("id")
    q.add_argument("file")
    q.add_argument("--meta", required=True)
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_policy_replace)

    q = ps.add_parser("repeal", help="mark a policy repealed from a date (kept as history)")
    q.add_argument("id")
    q.add_argument("--on", required=True, help="YYYY-MM-DD: the first day it is no longer in force")
    q.add_argument("--by", help="what repealed it (a document number or a note)")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_policy_repeal)

    q = ps.add_parser("list", help="every policy with its version, status and number of programmes")
    q.add_argument("--as-of", help="YYYY-MM-DD; default: today")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_policy_list)

    q = ps.add_parser("log", help="the change log: what, when, file hash, by whom")
    q.add_argument("--doc", help="only this document's changes")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_policy_log)

    q = ps.add_parser("draft-programme", help="a programme YAML skeleton with the candidate sentences")
    q.add_argument("id")
    q.add_argument("--version", type=int, help="the document's version (default: the latest)")
    q.add_argument("--out", help="write the YAML to this file (default: stdout)")
    q.add_argument("--force", action="store_true", help="overwrite --out if it exists")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_policy_draft)


def parser() -> argparse.ArgumentParser:
    """The argument parser of ``python -m navigator``."""
    ap = _Parser(prog="python -m navigator", description="政策导航 Policy Navigator (CONTRACT.md)")
    sub = ap.add_subparsers(dest="command", required=True, parser_class=_Parser)
    as_of_help = "YYYY-MM-DD (that whole day) or YYYY-MM-DDTHH:MM (Beijing time); default: today"

    p = sub.add_parser("ask", help="answer a question from the policy texts, with citations")
    p.add_argument("question", nargs="?")
    p.add_argument("--profile", help="JSON file: who is asking (for --batch: lines without a profile)")
    p.add_argument("--as-of", help=as_of_help)
    p.add_argument("--session", help="JSON file keeping the conversation (created if missing)")
    p.add_argument("--batch", help="JSON Lines file: {id, question, profile?, as_of?, session?} per line")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("estimate", help="calculate a subsidy with a cited breakdown")
    p.add_argument("--input", required=True)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_estimate)

    p = sub.add_parser("match", help="every programme's verdict for a profile")
    p.add_argument("--profile", required=True)
    p.add_argument("--as-of", help=as_of_help)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_match)

    p = sub.add_parser("compare", help="programmes side by side")
    p.add_argument("ids", nargs="+")
    p.add_argument("--as-of", help=as_of_help)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_compare)

    p = sub.add_parser("index", help="build the retrieval index, or report its state with --check")
    p.add_argument("--force", action="store_true", help="rebuild even if the index is fresh")
    p.add_argument("--check", action="store_true",
                   help="report the index state as JSON; exit 0 when it serves as it is, 1 otherwise")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_index)

    _add_policy_commands(sub)
    return ap


# --- the last safety net -------------------------------------------------------------------------------------


def _error_log_paths() -> list[Path]:
    paths = []
    try:
        from navigator.settings import settings

        paths.append(settings().error_log)
    except Exception:  # noqa: BLE001 - unusable settings: the temporary folder still takes the log
        pass
    paths.append(Path(tempfile.gettempdir()) / "navigator-errors.log")
    return paths


def _record_internal_error(e: BaseException) -> str:
    """Write the traceback to the error log (data dir, else the temporary folder); return its reference."""
    ref = uuid.uuid4().hex[:8]
    text = "".join(traceback.format_exception(type(e), e, e.__traceback__))
    for path in _error_log_paths():
        try:
            handler = logging.handlers.RotatingFileHandler(path, maxBytes=5_000_000, backupCount=2,
                                                           encoding="utf-8", errors="backslashreplace")
        except OSError:
            continue
        try:
            handler.emit(logging.makeLogRecord({
                "msg": "%s reference %s pid %s\n%s", "args": (dt.datetime.now().isoformat(timespec="seconds"),
                                                                ref, os.getpid(), text)}))
        finally:
            handler.close()
        return f"{ref}, details in {path}"
    log.debug("internal error %s\n%s", ref, text)
    return ref


class _StderrHandler(logging.Handler):
    """Warnings of the product (an index moved aside and rebuilt) on whatever stderr is now, one line each."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            sys.stderr.write(f"{record.levelname.lower()}: {_one_line(record.getMessage())}\n")
        except Exception:  # noqa: BLE001 - a warning that cannot be shown must not break the command
            self.handleError(record)


def _setup_logging() -> None:
    root = logging.getLogger("navigator")
    if not any(isinstance(h, _StderrHandler) for h in root.handlers):
        handler = _StderrHandler(logging.WARNING)
        root.addHandler(handler)


def main(argv: list[str] | None = None) -> int:
    """Run one command; returns the exit code (0 done, 2 bad input, 1 internal error or index not usable)."""
    _setup_logging()
    try:
        a = parser().parse_args(argv)
        problem = data_dir_problem(settings())
        if problem:
            raise UsageError(problem)
        return a.func(a)
    except (BadInput, SettingsError) as e:
        print(f"error: {_one_line(str(e))}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # the reader went away (| head): stop quietly
        _silence_stdout()
        return EXIT_INTERNAL
    except SystemExit as e:  # argparse's --help
        return e.code if isinstance(e.code, int) else EXIT_OK if e.code is None else EXIT_BAD_INPUT
    except Exception as e:  # noqa: BLE001 - the last safety net: one line and a reference, never a traceback
        if isinstance(e, _data_dir_errors()):
            print(f"error: {_one_line(str(e))}", file=sys.stderr)
            return EXIT_BAD_INPUT
        print(f"error: internal error {type(e).__name__} (reference {_record_internal_error(e)})", file=sys.stderr)
        return EXIT_INTERNAL


def _data_dir_errors() -> tuple[type[BaseException], ...]:
    """Errors that mean the data dir holds something unusable (an added policy with a bad field): exit 2."""
    from navigator.corpus import PolicyDataError
    from navigator.policy_store import StoreError

    return PolicyDataError, StoreError


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's last flush does not fail again."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fd)
        os.close(devnull)
    except OSError:
        pass
