#!/usr/bin/env python3
"""Score ``ask`` in process on case files in the format of ../shared/eval/dev.json.

usage: python tools/evaluate.py [--cases FILE ...] [--holdout] [--show] [--json OUT]

Default cases: ../shared/eval/dev.json, tools/cases/extra.json and tools/cases/tune-*.json (the cases the
engine may be tuned on). ``--holdout`` scores tools/cases/holdout-*.json instead: report those, never tune
on them.

Parts (each ``ok/total``):
- qa: the answer cites the deciding article (document and article token, as check.py), holds every fact,
  is not refused; a yes/no case must open with 可以 / 不可以 / 文件未作规定 as its ``verdict`` says.
- figures: amount cases with ``total_cny``: right figure, asked back (``clarify``, no figure), or WRONG.
  A wrong figure is the one failure that must never happen.
- conv: every turn of two-turn conversations answered (not refused) with its facts.
- oos: out-of-scope questions refused, with no percentage in the answer.
- clarify: questions that must be asked back get ``clarify`` and no estimate.
- conv_refusals: an unrelated request after an in-scope turn is still refused.
- retrieval@1: the deciding article is the first hit (unrestricted, and routed as ``ask`` routes).
Exit 0 after printing; 2 when a case file is missing or not valid JSON.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

DEV = ROOT.parent / "shared" / "eval" / "dev.json"
CASES = ROOT / "tools" / "cases"
VERDICT_WORDS = {"yes": "可以", "no": "不可以", "silent": "文件未作规定"}


def fail(message: str) -> None:
    print(message, file=sys.stderr)
    sys.exit(2)


def load(path: Path) -> dict[str, Any]:
    if not path.is_file():
        fail(f"evaluate: case file not found: {path}")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        fail(f"evaluate: case file {path} is not valid JSON: {e}")
    if not isinstance(data, dict) or not isinstance(data.get("docs"), dict):
        fail(f"evaluate: case file {path} has no 'docs' alias table")
    return data


def has_facts(text: str | None, facts: list[list[str]]) -> bool:
    """check.py's rule: every fact has one alternative in the text (commas ignored)."""
    t = (text or "").replace("，", ",")
    return all(any(alt in t or alt in t.replace(",", "") for alt in alts) for alts in facts)


def cites(res: dict[str, Any], keys: list[str], articles: list[str]) -> bool:
    """check.py's rule: a citation names the document and holds one article token."""
    for c in res.get("citations") or []:
        hay = " ".join(str(c.get(k) or "") for k in ("doc_id", "title", "doc_number")).lower()
        if any(k.lower() in hay for k in keys) and any(a in (c.get("article") or "") for a in articles):
            return True
    return False


def verdict_of(answer: str) -> str | None:
    for key, word in (("silent", "文件未作规定"), ("no", "不可以"), ("yes", "可以")):
        if answer.lstrip().startswith(word):
            return key
    return None


def _as_of(text: str | None) -> dt.date | dt.datetime:
    """A case's ``as_of`` read as ``--as-of`` reads it (2020-09-30, or to the minute: 2020-09-30T16:30)."""
    from navigator.inputs import parse_as_of

    return parse_as_of(text, "as_of") if text else dt.date(2021, 1, 1)


class Scorer:
    def __init__(self, show: bool, engine=None):
        from navigator.answer import answerer

        self.engine = engine or answerer()
        self.show = show
        self.parts: dict[str, list[int]] = {}
        self.failures: list[str] = []
        self.latencies: list[float] = []
        self.figures = Counter()

    def tally(self, part: str, ok: bool, why: str = "") -> None:
        got = self.parts.setdefault(part, [0, 0])
        got[0] += ok
        got[1] += 1
        if not ok and why:
            self.failures.append(f"[{part}] {why}")

    def ask(self, conv, question: str, as_of: dt.date) -> dict[str, Any]:
        t = time.perf_counter()
        try:
            doc = self.engine.ask_in(conv, question, as_of=as_of).to_contract()
        except Exception as e:  # noqa: BLE001 - an error is a failed case, reported
            doc = {"answer": f"ERROR {e!r}", "citations": [], "refused": None, "error": True}
        self.latencies.append(time.perf_counter() - t)
        return doc

    def qa(self, cases: dict[str, Any]) -> None:
        from navigator.conversation import Conversation

        for key in ("qa", "nl_estimates"):
            for c in cases.get(key) or []:
                r = self.ask(Conversation(), c["question"], _as_of(c.get("as_of")))
                cited = cites(r, cases["docs"][c["doc"]], c["articles"])
                facts = has_facts(r.get("answer"), c["facts"])
                v_ok = "verdict" not in c or verdict_of(r.get("answer") or "") == c["verdict"]
                ok = cited and facts and v_ok and not r.get("refused")
                self.tally("qa", ok, f"{c['id']} cited={cited} facts={facts} verdict={v_ok} refused={r.get('refused')} "
                                     f"q={c['question']}\n      answer={(r.get('answer') or '')[:300]!r}")
                if c.get("total_cny"):
                    self.figure(c["id"], c["question"], c["total_cny"], r)

    def figure(self, cid: str, question: str, want: str, r: dict[str, Any]) -> None:
        from decimal import Decimal

        est = r.get("estimate")
        if est and Decimal(est["total_cny"]) == Decimal(want):
            kind = "right"
        elif r.get("clarify") and not est:
            kind = "asked back"
        elif est:
            kind = "WRONG"
        else:
            kind = "no figure"
        self.figures[kind] += 1
        if kind != "right":
            self.failures.append(f"[figures] {cid} {kind}: want {want} got {est and est['total_cny']} q={question}\n"
                                 f"      answer={(r.get('answer') or '')[:300]!r}")

    def conversations(self, cases: dict[str, Any]) -> None:
        from navigator.conversation import Conversation

        for c in cases.get("conversations") or []:
            conv = Conversation()
            for n, t in enumerate(c["turns"], 1):
                r = self.ask(conv, t["question"], _as_of(c.get("as_of")))
                ok = not r.get("refused") and bool(r.get("answer")) and has_facts(r.get("answer"), t.get("facts", []))
                self.tally("conv", ok, f"{c['id']} turn {n} refused={r.get('refused')} q={t['question']}\n"
                                       f"      answer={(r.get('answer') or '')[:300]!r}")
                if t.get("total_cny"):
                    self.figure(f"{c['id']}#{n}", t["question"], t["total_cny"], r)
        for c in cases.get("conv_refusals") or []:
            conv = Conversation()
            for n, t in enumerate(c["turns"], 1):
                r = self.ask(conv, t["question"], _as_of(c.get("as_of")))
                if t.get("refused"):
                    self.tally("conv_refusals", r.get("refused") is True,
                               f"{c['id']} turn {n} not refused q={t['question']} answer={(r.get('answer') or '')[:160]!r}")

    def refusals(self, cases: dict[str, Any]) -> None:
        from navigator.conversation import Conversation

        for c in cases.get("out_of_scope") or []:
            r = self.ask(Conversation(), c["question"], _as_of(c.get("as_of")))
            ok = r.get("refused") is True and not re.search(r"\d\s*[%％]", r.get("answer") or "")
            self.tally("oos", ok, f"{c['id']} refused={r.get('refused')} q={c['question']} "
                                  f"answer={(r.get('answer') or '')[:160]!r}")
        for c in cases.get("clarify") or []:
            r = self.ask(Conversation(), c["question"], _as_of(c.get("as_of")))
            ok = bool(r.get("clarify")) and not r.get("estimate")
            self.tally("clarify", ok, f"{c['id']} clarify={r.get('clarify')} estimate={bool(r.get('estimate'))} "
                                      f"q={c['question']}\n      answer={(r.get('answer') or '')[:200]!r}")
        for c in cases.get("adversarial") or []:
            r = self.ask(Conversation(), c["question"], _as_of(c.get("as_of")))
            a = r.get("answer") or ""
            ok = has_facts(a, c["facts"]) and not any(b in a for b in c.get("banned", []))
            self.tally("adv", ok, f"{c['id']} answer={a[:200]!r}")

    def retrieval(self, cases: dict[str, Any]) -> None:
        retr = self.engine.engine.retriever
        reader = self.engine.engine.reader
        scope = self.engine.engine.scope
        for key in ("qa", "nl_estimates"):
            for c in cases.get(key) or []:
                aliases = [a.lower() for a in cases["docs"][c["doc"]]]
                docs = {d.id for d in retr.corpus.docs.values()
                        if any(a in " ".join(str(x or "") for x in (d.id, d.title, d.doc_number)).lower()
                               for a in aliases)}

                def first(hits, docs=docs, c=c) -> bool:
                    return bool(hits) and hits[0].chunk.article.doc_id in docs and any(
                        a in hits[0].chunk.article.label for a in c["articles"])

                self.tally("retrieval@1", first(retr.search(c["question"], k=5)))
                routed = scope.routed(reader.doc_scores(c["question"])) or None
                self.tally("routed retrieval@1", first(retr.search(c["question"], k=5, doc_ids=routed)))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", nargs="*", help="case files (default: dev.json, extra.json, tools/cases/tune-*.json)")
    ap.add_argument("--holdout", action="store_true", help="score tools/cases/holdout-*.json (report only)")
    ap.add_argument("--show", action="store_true", help="list every failure")
    ap.add_argument("--json", help="also write the scores to this file")
    a = ap.parse_args(argv)
    if a.cases:
        paths = [Path(p) for p in a.cases]
    elif a.holdout:
        paths = sorted(CASES.glob("holdout-*.json"))
    else:
        paths = [DEV, CASES / "extra.json", *sorted(CASES.glob("tune*.json"))]
    files = [(p, load(p)) for p in paths]
    s = Scorer(a.show)
    for _p, cases in files:
        s.qa(cases)
        s.conversations(cases)
        s.refusals(cases)
        s.retrieval(cases)
    print("cases: " + ", ".join(str(p.relative_to(ROOT) if p.is_relative_to(ROOT) else p) for p, _ in files))
    for part, (ok, n) in s.parts.items():
        print(f"{part}: {ok}/{n} = {ok / n:.3f}")
    print("figures: " + ", ".join(f"{k} {v}" for k, v in sorted(s.figures.items())))
    lat = sorted(s.latencies)
    if lat:
        print(f"ask latency: p50 {1000 * lat[len(lat) // 2]:.0f} ms, p95 {1000 * lat[int(len(lat) * 0.95)]:.0f} ms "
              f"over {len(lat)} questions")
    if a.show:
        for f in s.failures:
            print("  FAIL", f)
    if a.json:
        Path(a.json).write_text(json.dumps({"parts": s.parts, "figures": s.figures, "failures": s.failures},
                                           ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
