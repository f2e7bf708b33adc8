#!/usr/bin/env python3
"""Score retrieval and ``ask`` on a case file (shared/eval/dev.json format), in process.

usage: python tools/evaluate.py [--cases PATH] [--show]

Retrieval: recall@1, recall@5 and MRR@10 of ``Retriever.search`` over the
``qa`` + ``nl_estimates`` cases, both unrestricted and restricted to the
documents ``ask`` routes the question to. A hit is an article of the case's
document (dev.json ``doc`` key, matched through its ``docs`` alias list against
our doc id / title / 文号, as shared/eval/check.py does) whose label contains
one of the case's ``articles`` tokens.

``ask``: citation hit rate (a citation naming the document and an article
token), facts present in the answer (check.py's ``has_facts``), the qa pass
rate check.py would give (cited and facts and not refused), false refusals on
qa, and refusal accuracy on ``out_of_scope`` (refused, and no percentage in the
answer). Exit 0 after printing; exit 2 when the case file is missing or not
valid JSON.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

DEFAULT_CASES = ROOT.parent / "shared" / "eval" / "dev.json"
MRR_DEPTH = 10


# --- the case file ---------------------------------------------------------------------------------


def fail(message: str) -> None:
    """Bad input: one line on stderr, exit 2."""
    print(message, file=sys.stderr)
    sys.exit(2)


def load_cases(path: str | Path) -> dict[str, Any]:
    """The case file as a dict; exits 2 with a one-line message when it is missing or unreadable."""
    p = Path(path)
    if not p.is_file():
        fail(f"evaluate: case file not found: {p} (pass --cases PATH)")
    try:
        cases = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        fail(f"evaluate: case file {p} is not valid JSON: {e}")
    if not isinstance(cases, dict) or not isinstance(cases.get("docs"), dict):
        fail(f"evaluate: case file {p} has no 'docs' alias table")
    return cases


def has_facts(text: str | None, facts: list[list[str]]) -> bool:
    """check.py's rule: every fact has one alternative in the text (full-width comma and commas ignored)."""
    t = (text or "").replace("，", ",")
    return all(any(alt in t or alt in t.replace(",", "") for alt in alts) for alts in facts)


def doc_ids_for(aliases: Iterable[str], corpus) -> set[str]:
    """Our document ids that a dev.json ``docs`` alias list names (id, title or 文号 contains an alias)."""
    keys = [a.lower() for a in aliases]
    out = set()
    for d in corpus.docs.values():
        hay = " ".join(str(x or "") for x in (d.id, d.title, d.doc_number)).lower()
        if any(k in hay for k in keys):
            out.add(d.id)
    return out


@dataclass(frozen=True)
class Target:
    """What a case must find: an article of one of these documents whose label has one of the tokens."""

    case_id: str
    question: str
    doc_ids: frozenset[str]
    aliases: tuple[str, ...]
    tokens: tuple[str, ...]
    facts: tuple[tuple[str, ...], ...]
    as_of: str

    def matches(self, doc_id: str, label: str) -> bool:
        return doc_id in self.doc_ids and any(t in (label or "") for t in self.tokens)

    def cited_by(self, cit: dict[str, Any]) -> bool:
        """check.py's citation rule: id, title or 文号 names the document, and the article has a token."""
        hay = " ".join(str(cit.get(k) or "") for k in ("doc_id", "title", "doc_number")).lower()
        return any(k.lower() in hay for k in self.aliases) and any(t in (cit.get("article") or "")
                                                                    for t in self.tokens)


def targets(cases: dict[str, Any], corpus, keys: tuple[str, ...] = ("qa", "nl_estimates")) -> list[Target]:
    """The cases of ``keys`` with their document keys resolved against the corpus."""
    out = []
    for key in keys:
        for c in cases.get(key) or []:
            aliases = tuple(cases["docs"].get(c["doc"], []))
            out.append(Target(c["id"], c["question"], frozenset(doc_ids_for(aliases, corpus)), aliases,
                              tuple(c["articles"]),
                              tuple(tuple(f) for f in c.get("facts") or []), c.get("as_of", "2021-01-01")))
    return out


# --- retrieval -------------------------------------------------------------------------------------

# A ranked result list: for each rank, the (doc_id, article label) pairs that result stands for.
# One of our hits is one article; one baseline chunk may stand for several articles.
Ranked = list[list[tuple[str, str]]]


@dataclass
class RetrievalScore:
    recall1: float
    recall5: float
    mrr: float
    n: int
    misses: list[str]


def first_hit_rank(target: Target, ranked: Ranked) -> int | None:
    """1-based rank of the first result that matches the target, or None."""
    for rank, arts in enumerate(ranked, 1):
        if any(target.matches(doc_id, label) for doc_id, label in arts):
            return rank
    return None


def score_retrieval(tgts: list[Target], search: Callable[[Target], Ranked]) -> RetrievalScore:
    """recall@1, recall@5 and MRR@10 of ``search`` over the targets."""
    r1 = r5 = 0
    rr = 0.0
    misses = []
    for t in tgts:
        rank = first_hit_rank(t, search(t)[:MRR_DEPTH])
        r1 += rank == 1
        r5 += rank is not None and rank <= 5
        rr += 1.0 / rank if rank else 0.0
        if rank != 1:
            misses.append(f"{t.case_id}@{rank or '-'}")
    n = max(len(tgts), 1)
    return RetrievalScore(r1 / n, r5 / n, rr / n, len(tgts), misses)


def retriever_search(retr, routed: Callable[[str], set[str] | None] | None = None
                     ) -> Callable[[Target], Ranked]:
    """Our retriever as a ``search`` function; ``routed`` gives the documents to restrict to, if any."""

    def search(t: Target) -> Ranked:
        doc_ids = routed(t.question) if routed else None
        hits = retr.search(t.question, k=MRR_DEPTH, doc_ids=doc_ids or None)
        return [[(h.chunk.article.doc_id, h.chunk.article.label)] for h in hits]

    return search


def ask_routing(engine) -> Callable[[str], set[str] | None]:
    """The documents ``ask`` restricts retrieval to for a question (its own reading of the question)."""

    def routed(q: str) -> set[str] | None:
        try:
            return engine._routed_docs(engine.read(q, None)) or None
        except Exception:  # noqa: BLE001
            return None

    return routed


# --- ask -------------------------------------------------------------------------------------------


@dataclass
class AskScore:
    cited: int
    facts: int
    passed: int
    false_refusals: int
    n: int
    oos_refused: int
    n_oos: int
    errors: int
    failures: list[str]


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def score_ask(engine, cases: dict[str, Any], tgts: list[Target]) -> AskScore:
    """Run ``ask`` on the qa/nl targets and the out-of-scope cases and score the answers."""
    cited = facts = passed = false_ref = errors = 0
    failures = []
    for t in tgts:
        try:
            r = engine.ask(t.question, as_of=_date(t.as_of))
        except Exception as e:  # noqa: BLE001
            errors += 1
            failures.append(f"{t.case_id} error {e!r}"[:200])
            continue
        c_ok = any(t.cited_by(c) for c in r.get("citations") or [])
        f_ok = has_facts(r.get("answer"), [list(f) for f in t.facts])
        refused = bool(r.get("refused"))
        cited += c_ok
        facts += f_ok
        false_ref += refused
        ok = c_ok and f_ok and not refused
        passed += ok
        if not ok:
            failures.append(f"{t.case_id} cited={c_ok} facts={f_ok} refused={refused} q={t.question}\n"
                            f"      answer={str(r.get('answer'))[:200]!r}")
    oos_ok = 0
    oos = cases.get("out_of_scope") or []
    for c in oos:
        try:
            r = engine.ask(c["question"], as_of=_date(c.get("as_of")))
        except Exception as e:  # noqa: BLE001
            errors += 1
            failures.append(f"{c['id']} error {e!r}"[:200])
            continue
        ok = r.get("refused") is True and not re.search(r"\d\s*[%％]", r.get("answer") or "")
        oos_ok += ok
        if not ok:
            failures.append(f"{c['id']} (out of scope) refused={r.get('refused')} "
                            f"answer={str(r.get('answer'))[:160]!r}")
    return AskScore(cited, facts, passed, false_ref, len(tgts), oos_ok, len(oos), errors, failures)


# --- output ----------------------------------------------------------------------------------------


def pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def frac(ok: int, n: int) -> str:
    return f"{ok}/{n} = {pct(ok / n) if n else 'n/a'}"


def table(rows: list[tuple[str, str]], head: tuple[str, str] = ("metric", "value")) -> str:
    """A plain fixed-width two-column table (CJK-unaware widths are fine: labels are ASCII)."""
    w = max(len(head[0]), *(len(r[0]) for r in rows))
    lines = [f"{head[0]:<{w}}  {head[1]}", f"{'-' * w}  {'-' * max(len(head[1]), 12)}"]
    lines += [f"{a:<{w}}  {b}" for a, b in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", default=str(DEFAULT_CASES), help="case file (default: %(default)s)")
    ap.add_argument("--show", action="store_true", help="list the failing cases")
    a = ap.parse_args(argv)
    cases = load_cases(a.cases)

    from navigator.answer import answerer

    engine = answerer()
    corpus = engine.retriever.corpus
    tgts = targets(cases, corpus)
    unresolved = sorted({t.case_id for t in tgts if not t.doc_ids})
    raw = score_retrieval(tgts, retriever_search(engine.retriever))
    routed = score_retrieval(tgts, retriever_search(engine.retriever, ask_routing(engine)))
    ask = score_ask(engine, cases, tgts)

    rows = [
        ("retrieval cases (qa + nl_estimates)", str(raw.n)),
        ("retrieval recall@1", pct(raw.recall1)),
        ("retrieval recall@5", pct(raw.recall5)),
        (f"retrieval MRR@{MRR_DEPTH}", f"{raw.mrr:.3f}"),
        ("routed retrieval recall@1 (as ask)", pct(routed.recall1)),
        ("routed retrieval recall@5 (as ask)", pct(routed.recall5)),
        (f"routed retrieval MRR@{MRR_DEPTH} (as ask)", f"{routed.mrr:.3f}"),
        ("ask citation hit", frac(ask.cited, ask.n)),
        ("ask facts in answer", frac(ask.facts, ask.n)),
        ("ask pass (cited+facts+answered)", frac(ask.passed, ask.n)),
        ("ask false refusals on qa", frac(ask.false_refusals, ask.n)),
        ("out_of_scope refused", frac(ask.oos_refused, ask.n_oos)),
        ("ask errors", str(ask.errors)),
    ]
    print(f"cases: {a.cases}")
    print(table(rows))
    if unresolved:
        print(f"warning: no document matched the doc key of {', '.join(unresolved)}")
    if a.show:
        print(f"retrieval not at rank 1 (case@rank): {' '.join(raw.misses) or '-'}")
        print(f"routed retrieval not at rank 1: {' '.join(routed.misses) or '-'}")
        for f in ask.failures:
            print("  FAIL", f)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
