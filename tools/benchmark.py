#!/usr/bin/env python3
"""Benchmark the navigator against a naive LangChain RAG baseline; print and save a Markdown table.

usage: python tools/benchmark.py [--cases PATH] [--repeat N] [--out PATH]

Measured in one process, on the same embedder (the bundled multilingual-e5-small):

* index build time from scratch into a temporary data directory;
* ``ask`` latency, warm (one warm-up pass first), p50 / p95 over the case
  file's questions repeated N times (default 5);
* peak RSS of the process (``ru_maxrss``), after our system and at the end;
* quality as in tools/evaluate.py: retrieval recall@1 / recall@5 / MRR@10 over
  the qa + nl_estimates cases, facts present in the answer.

The baseline is the textbook pipeline: RecursiveCharacterTextSplitter(500, 50)
over each document body, Chroma, top-5 ``similarity_search``; its "answer" is
the five chunks concatenated. A baseline chunk counts as a retrieval hit when
it overlaps the case's article (the article's opening words are in the chunk,
or the chunk opens inside the article's own text).

The table is printed and written to benchmarks/latest.md (``--out``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from evaluate import (  # tools/ is not a package: imported by path
    DEFAULT_CASES,
    MRR_DEPTH,
    ROOT,
    RetrievalScore,
    Target,
    has_facts,
    load_cases,
    retriever_search,
    score_ask,
    score_retrieval,
    targets,
)

DEFAULT_OUT = ROOT / "benchmarks" / "latest.md"
KEY_CHARS = 20


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (ru_maxrss is KiB on Linux, bytes on macOS)."""
    r = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return r / (1024 * 1024) if sys.platform == "darwin" else r / 1024


def percentile(xs: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100)."""
    s = sorted(xs)
    k = max(0, min(len(s) - 1, round(p / 100 * len(s) + 0.5) - 1))
    return s[k]


def timed_passes(fn: Callable[[str], object], questions: list[str], repeat: int) -> list[float]:
    """One untimed warm-up pass, then ``repeat`` timed passes; seconds per call."""
    for q in questions:
        fn(q)
    out = []
    for _ in range(repeat):
        for q in questions:
            t = time.perf_counter()
            fn(q)
            out.append(time.perf_counter() - t)
    return out


@dataclass
class Column:
    """One system's figures."""

    name: str
    build_s: float
    chunks: int
    p50_ms: float
    p95_ms: float
    retrieval: RetrievalScore
    facts: tuple[int, int]
    cited: tuple[int, int] | None = None
    oos_refused: tuple[int, int] | None = None


# --- the naive baseline ---------------------------------------------------------------------------


def _norm(text: str) -> str:
    """Whitespace-free text with half-width brackets made full-width (the bodies mix both)."""
    from navigator.corpus import squash

    return squash(text).replace("(", "（").replace(")", "）")


def article_keys(corpus) -> list[tuple[str, str, str, str]]:
    """(doc_id, label, opening words, own text) per article, normalised for overlap tests."""
    out = []
    for d in corpus.docs.values():
        for a in d.articles.values():
            own = _norm(a.own_text)
            key = own[:KEY_CHARS] if len(own) >= 8 else _norm(a.text)[:KEY_CHARS]
            out.append((d.id, a.label, key, own))
    return out


def chunk_articles(doc_id: str, text: str, keys) -> list[tuple[str, str]]:
    """The articles a baseline chunk overlaps: their opening is in it, or it opens inside their own text."""
    t = _norm(text)
    head = t[:KEY_CHARS]
    return [(d, label) for d, label, key, own in keys
            if d == doc_id and key and (key in t or (len(head) >= 8 and head in own))]


class Baseline:
    """Split each body into 500-character chunks, embed into Chroma, answer with the top 5 chunks."""

    def __init__(self, corpus, embeddings, persist_dir: str):
        from langchain_chroma import Chroma
        from langchain_core.documents import Document
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        splitter = RecursiveCharacterTextSplitter(chunk_size=500, chunk_overlap=50)
        keys = article_keys(corpus)
        docs = []
        for d in corpus.docs.values():
            for i, piece in enumerate(splitter.split_text(d.body)):
                docs.append(Document(page_content=piece, id=f"{d.id}#{i}", metadata={"doc_id": d.id, "n": i}))
        self.articles = {doc.id: chunk_articles(doc.metadata["doc_id"], doc.page_content, keys)
                         for doc in docs}
        from chromadb.config import Settings as ChromaSettings

        t = time.perf_counter()
        self.store = Chroma(collection_name="naive_baseline", embedding_function=embeddings,
                            persist_directory=persist_dir,
                            client_settings=ChromaSettings(anonymized_telemetry=False, is_persistent=True,
                                                           persist_directory=persist_dir))
        self.store.add_documents(docs, ids=[doc.id for doc in docs])
        self.build_s = time.perf_counter() - t
        self.chunks = len(docs)

    def top(self, q: str, k: int = 5):
        return self.store.similarity_search(q, k=k)

    def answer(self, q: str) -> str:
        return "\n".join(doc.page_content for doc in self.top(q, 5))

    def search(self, t: Target) -> list[list[tuple[str, str]]]:
        return [self.articles.get(doc.id, []) for doc in self.top(t.question, MRR_DEPTH)]


# --- the run --------------------------------------------------------------------------------------


def questions_of(cases) -> list[str]:
    keys = ("qa", "nl_estimates", "out_of_scope", "adversarial")
    return [c["question"] for k in keys for c in cases.get(k) or []]


def markdown(cols: list[Column], meta: dict[str, str]) -> str:
    def frac(x: tuple[int, int] | None) -> str:
        return "n/a" if x is None else f"{x[0]}/{x[1]} ({100 * x[0] / max(x[1], 1):.0f}%)"

    rows = [
        ("Index build from scratch (s)", [f"{c.build_s:.1f}" for c in cols]),
        ("Indexed chunks", [str(c.chunks) for c in cols]),
        ("Warm latency p50 (ms)", [f"{c.p50_ms:.0f}" for c in cols]),
        ("Warm latency p95 (ms)", [f"{c.p95_ms:.0f}" for c in cols]),
        ("Retrieval recall@1", [f"{100 * c.retrieval.recall1:.1f}%" for c in cols]),
        ("Retrieval recall@5", [f"{100 * c.retrieval.recall5:.1f}%" for c in cols]),
        (f"Retrieval MRR@{MRR_DEPTH}", [f"{c.retrieval.mrr:.3f}" for c in cols]),
        ("Facts in answer", [frac(c.facts) for c in cols]),
        ("Citation names the right article", [frac(c.cited) for c in cols]),
        ("Out-of-scope refused", [frac(c.oos_refused) for c in cols]),
    ]
    lines = [f"| Metric | {' | '.join(c.name for c in cols)} |", f"|---|{'---:|' * len(cols)}"]
    lines += [f"| {name} | {' | '.join(vals)} |" for name, vals in rows]
    lines.append(f"| Peak RSS of the process (MB) | {meta['rss_ours']} | {meta['rss_end']} (cumulative) |")
    notes = [
        (f"Benchmark of {meta['date']} on {meta['machine']}; cases: `{meta['cases']}` "
         f"({meta['n_retrieval']} retrieval cases, {meta['n_questions']} questions × {meta['repeat']} "
         "for latency, after one warm-up pass)."),
        (f"Both systems use the same embedder ({meta['embedder']}, loaded once in {meta['model_s']} s, "
         "not counted in build time)."),
        ("Latency: ours is the whole `ask` (reading, routing, hybrid retrieval, quoting, estimates); "
         "the baseline's is one top-5 `similarity_search`, its \"answer\" being the five chunks "
         "concatenated."),
        ("A baseline hit is a 500-character chunk overlapping the expected article, which is more lenient "
         "than the article-level hit our system is scored on."),
        "Peak RSS is cumulative in one process: the baseline column includes our system's peak.",
    ]
    return "\n".join(lines) + "\n\n" + "\n".join(f"- {n}" for n in notes) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", default=str(DEFAULT_CASES), help="case file (default: %(default)s)")
    ap.add_argument("--repeat", type=int, default=5, help="timed passes over the questions (default: 5)")
    ap.add_argument("--out", default=str(DEFAULT_OUT), help="Markdown output (default: %(default)s)")
    a = ap.parse_args(argv)
    if a.repeat < 1:
        print("benchmark: --repeat must be at least 1", file=sys.stderr)
        return 2
    cases = load_cases(a.cases)

    from navigator.answer import Answerer
    from navigator.corpus import load_corpus
    from navigator.retrieval import E5Embeddings, Retriever, build_index
    from navigator.settings import Settings

    corpus = load_corpus()
    tgts = targets(cases, corpus)
    questions = questions_of(cases)
    t = time.perf_counter()
    emb = E5Embeddings()
    emb.embed_query("预热")  # the model loads lazily: count its loading here, not in the build
    model_s = time.perf_counter() - t

    with tempfile.TemporaryDirectory(prefix="navigator-bench-") as tmp:
        cfg = Settings(data_dir=Path(tmp) / "data", chroma_host=None, collection="bench_articles")
        print("building our index from scratch ...", file=sys.stderr)
        t = time.perf_counter()
        info = build_index(force=True, cfg=cfg, corpus=corpus, embeddings=emb)
        build_s = time.perf_counter() - t
        retr = Retriever(cfg=cfg, corpus=corpus, embeddings=emb)
        engine = Answerer(retr=retr)
        as_of = dt.date(2021, 1, 1)

        def ask(q: str):
            try:
                return engine.ask(q, as_of=as_of)
            except ValueError:  # AskError etc.: still a timed call
                return None

        print(f"timing ask ({a.repeat} × {len(questions)}) ...", file=sys.stderr)
        lat = timed_passes(ask, questions, a.repeat)
        ask_score = score_ask(engine, cases, tgts)
        ours = Column("Policy Navigator (hybrid, article chunks)", build_s, info["chunks"],
                      1000 * statistics.median(lat), 1000 * percentile(lat, 95),
                      score_retrieval(tgts, retriever_search(retr)), (ask_score.facts, ask_score.n),
                      (ask_score.cited, ask_score.n), (ask_score.oos_refused, ask_score.n_oos))
        rss_ours = peak_rss_mb()

        print("building the naive LangChain baseline ...", file=sys.stderr)
        base = Baseline(corpus, emb, str(Path(tmp) / "baseline"))
        b_lat = timed_passes(base.answer, questions, a.repeat)
        b_facts = sum(has_facts(base.answer(t.question), [list(f) for f in t.facts]) for t in tgts)
        naive = Column("Naive LangChain RAG (500-char splits, top-5)", base.build_s, base.chunks,
                       1000 * statistics.median(b_lat), 1000 * percentile(b_lat, 95),
                       score_retrieval(tgts, base.search), (b_facts, len(tgts)))
        rss_end = peak_rss_mb()

    meta = {
        "date": dt.date.today().isoformat(),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
        "cases": os.path.relpath(a.cases, ROOT) if Path(a.cases).is_absolute() else a.cases,
        "n_retrieval": str(len(tgts)), "n_questions": str(len(questions)), "repeat": str(a.repeat),
        "embedder": emb.name, "model_s": f"{model_s:.1f}",
        "rss_ours": f"{rss_ours:.0f}", "rss_end": f"{rss_end:.0f}",
    }
    md = markdown([ours, naive], meta)
    print(md)
    out = Path(a.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(md, encoding="utf-8")
    print(f"written to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
