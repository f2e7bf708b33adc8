#!/usr/bin/env python3
"""Benchmark the corpus at scale: N policy documents, on embedded Chroma and on a Chroma server.

usage: python tools/bench_scale.py [--docs N] [--repeat R] [--backend embedded|server|both] [--keep DIR]
                                   [--out PATH]

The corpus is the five shipped texts plus N - 5 generated ones, each added to a policy store the way
``policy add`` adds a file: a measure of a prefecture-level city (id ``bench-0001`` …, region, title and
dates of its own) whose articles recombine sentences of the shipped articles, the shipped places replaced
by the new one. The figures, measured in one process per backend (so peak RSS is that backend's):

* **full build**: embedding every article of every document and writing the collection, from an empty
  index (``build_index``), then the quoting engine's sentence vectors;
* **engine load**: opening the built index, BM25 over every chunk and every document profile, the reader;
* ``ask`` **p50 / p95**: questions about the shipped five (../shared/eval/dev.json) and about generated
  documents, once as new questions and then ``--repeat`` times warm (question vectors cached);
* **add one document**: ``publishing.add`` (store, incremental index update, sentence vectors), then the
  first ``ask`` about it, which loads the engine on the new corpus;
* **peak RSS** of the process.

The server backend runs ``chroma run`` on loopback with its own path. Its full build writes the vectors
the embedded run computed (the same texts and the same embedder), so its build figure is the server's
writes and the embedding time is the embedded run's. The default is 200 documents (a few minutes); the
figures to quote are those of ``--docs 1000``. Targets on 2 cores: adding one document ≤ 10 s, ``ask``
p95 ≤ 200 ms at 1,000 documents, RSS ≤ 1.5 GB.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
if str(Path(__file__).resolve().parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import peak_rss_mb, percentile  # noqa: E402 - tools/ is not a package: imported by path
DEV = ROOT.parent / "shared" / "eval" / "dev.json"
CHROMA = ROOT / ".venv" / "bin" / "chroma"
DAY = dt.date(2025, 6, 1)  # the evaluation date of every question (generated measures run 2023–2027)
SEED = 20240401
ARTICLES_PER_DOC = (4, 8)
GENERATED_QUESTIONS = 15
VECTORS = "bench-vectors.npz"
TARGETS = {"add_one_s": 10.0, "ask_p95_ms": 200.0, "rss_mb": 1536.0}
# The shipped places, longest first, and what each becomes in a generated measure.
SHIPPED_PLACES = [("广州市白云区", "city"), ("黑龙江省", "province"), ("广东省", "province"), ("伊春市", "city"),
                  ("东莞市", "city"), ("白云区", "city"), ("伊春", "short"), ("东莞", "short"), ("全省", "whole"),
                  ("我省", "ours"), ("省", "level")]


# --- measuring ---------------------------------------------------------------------------------------


def say(text: str) -> None:
    print(f"bench_scale: {text}", file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- the generated corpus ----------------------------------------------------------------------------


def cities() -> list[tuple[str, str, str]]:
    """(city, province, short name) of every prefecture-level city the gazetteer knows, 直辖市 left out."""
    import yaml

    data = yaml.safe_load((ROOT / "knowledge" / "gazetteer.yaml").read_text(encoding="utf-8"))
    out = []
    for city, info in data["cities"].items():
        province = info["province"]
        if city == province:
            continue
        aliases = [a for a in info.get("aliases") or [] if len(a) >= 2]
        out.append((city, province, aliases[0] if aliases else city))
    return out


def source_sentences() -> list[str]:
    """The shipped articles' sentences that can stand in a measure: policy content, not headings or dates."""
    from navigator.corpus import load_corpus

    out = []
    for art in load_corpus(store_dir=Path(tempfile.gettempdir()) / "bench-scale-none").articles():
        if art.kind in ("chapter", "annex") or art.label in ("落款", "印发通知"):
            continue
        for s in art.sentences():
            s = s.strip()
            if (12 <= len(s) <= 160 and not re.match(r"^[（(]?[一二三四五六七八九十\d]+[)）、.．]", s)
                    and not any(w in s for w in ("附件", "□", "施行", "有效期", "印发"))):
                out.append(s)
    return list(dict.fromkeys(out))


def relocate(sentence: str, city: str, province: str, short: str) -> str:
    """A shipped sentence in the generated measure's place."""
    names = {"city": city, "province": province, "short": short, "whole": "全市", "ours": "我市", "level": "市"}
    pattern = "|".join(re.escape(p) for p, _ in SHIPPED_PLACES)
    kinds = dict(SHIPPED_PLACES)
    return re.sub(pattern, lambda m: names[kinds[m.group(0)]], sentence)


CN = "一二三四五六七八九十"


def cn_number(n: int) -> str:
    if n <= 10:
        return CN[n - 1]
    return ("十" if n < 20 else CN[n // 10 - 1] + "十") + (CN[n % 10 - 1] if n % 10 else "")


def generated(n: int, pool: list[str], places: list[tuple[str, str, str]], rng: random.Random
              ) -> tuple[bytes, dict[str, Any]]:
    """The n-th generated measure: Markdown text and its metadata (the fields of META.yaml)."""
    city, province, short = places[n % len(places)]
    year = 2019 + n % 7
    title = f"{city}支持企业上云用云实施办法（{year}年第{n // len(places) + 1}号）"
    count = rng.randint(*ARTICLES_PER_DOC)
    lines = [title, "", "第一章 总则", "",
             f"第一条 为加快推进{city}企业数字化转型，鼓励企业上云用云，结合本地实际，制定本办法。", ""]
    picked = iter(rng.sample(pool, 3 * count))  # no sentence twice in one measure
    article = 2
    for chapter, share in (("第二章 支持标准", 0.6), ("第三章 申报与管理", 1.0)):
        lines += [chapter, ""]
        while article <= 1 + round((count - 1) * share):
            text = "".join(relocate(next(picked), city, province, short) for _ in range(rng.randint(1, 2)))
            lines += [f"第{cn_number(article)}条 {text}", ""]
            article += 1
    lines += ["第四章 附则", "", f"第{cn_number(article)}条 本办法自{year}年4月1日起施行，有效期三年。", ""]
    meta = {"id": f"bench-{n:04d}", "title": title, "doc_number": f"{short}经信〔{year}〕{n % 97 + 1}号",
            "issuer": f"{city}经济和信息化局", "issued_on": f"{year}-03-01", "effective_on": f"{year}-04-01",
            "expires_on": f"{year + 3}-03-31", "region": f"{province}{city}", "aliases": [short]}
    return "\n".join(lines).encode("utf-8"), meta


def make_store(data_dir: Path, docs: int) -> dict[str, Any]:
    """Add docs - 5 generated measures to the data dir's policy store; the last one is kept for ``add one``."""
    from navigator.policy_store import PolicyStore

    rng = random.Random(SEED)
    pool, places = source_sentences(), cities()
    store = PolicyStore(data_dir / "policies")
    started = time.perf_counter()
    questions = []
    for n in range(1, docs - 5 + 1):
        body, meta = generated(n, pool, places, rng)
        store.add(body, meta, filename=f"{meta['id']}.md", actor="bench")
    took = time.perf_counter() - started
    extra = generated(docs - 5 + 1, pool, places, rng)
    (data_dir / "extra.md").write_bytes(extra[0])
    (data_dir / "extra.json").write_text(json.dumps(extra[1], ensure_ascii=False), encoding="utf-8")
    for n in rng.sample(range(1, docs - 5 + 1), min(GENERATED_QUESTIONS, docs - 5)):
        city, _, short = places[n % len(places)]
        year = 2019 + n % 7
        if year + 3 < DAY.year or year > DAY.year:
            continue
        questions.append(rng.choice([f"{short}企业上云用云补助标准是什么？", f"{city}上云补助申报需要什么条件？",
                                     f"{short}上云用云实施办法什么时候施行？"]))
    (data_dir / "questions.json").write_text(json.dumps(questions, ensure_ascii=False), encoding="utf-8")
    return {"generated": docs - 5, "store_s": round(took, 1)}


# --- one backend, in its own process -----------------------------------------------------------------


class Recording:
    """The embedder, keeping every vector it makes (to give the server run the same vectors)."""

    def __init__(self, inner, cached: dict[str, list[float]] | None = None):
        self.inner = inner
        self.name = getattr(inner, "name", type(inner).__name__)
        self.known: dict[str, list[float]] = dict(cached or {})
        self.seconds = 0.0
        self.embedded = 0

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        missing = [t for t in dict.fromkeys(texts) if t not in self.known]
        if missing:
            started = time.perf_counter()
            self.known.update(zip(missing, self.inner.embed_documents(missing), strict=True))
            self.seconds += time.perf_counter() - started
            self.embedded += len(missing)
        return [self.known[t] for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self.inner.embed_query(text)


def save_vectors(path: Path, known: dict[str, list[float]]) -> None:
    import numpy as np

    texts = list(known)
    np.savez(path, texts=np.array(texts, dtype=object), vectors=np.array([known[t] for t in texts], dtype=np.float32))


def load_vectors(path: Path) -> dict[str, list[float]]:
    import numpy as np

    if not path.exists():
        return {}
    z = np.load(path, allow_pickle=True)
    return {t: v.tolist() for t, v in zip(z["texts"], z["vectors"], strict=True)}


def timed_asks(answerer, questions: list[str], repeat: int) -> tuple[list[float], list[float], list[dict]]:
    """One pass of new questions, then ``repeat`` warm passes; seconds per call, and the first answers."""
    first, warm, answers = [], [], []
    for q in questions:
        t = time.perf_counter()
        answers.append(answerer.ask(q, as_of=DAY))
        first.append(time.perf_counter() - t)
    for _ in range(repeat):
        for q in questions:
            t = time.perf_counter()
            answerer.ask(q, as_of=DAY)
            warm.append(time.perf_counter() - t)
    return first, warm, answers


def run_backend(data_dir: Path, backend: str, repeat: int, vectors: Path) -> dict[str, Any]:
    """Every figure of one backend; the environment names the data dir (and the server)."""
    from navigator import publishing, versions
    from navigator.corpus import load_corpus
    from navigator.index_store import build_index, index_chunks
    from navigator.policy_store import PolicyStore
    from navigator.quoting import Quoter
    from navigator.reading import lexicon
    from navigator.retrieval import make_embeddings
    from navigator.settings import settings

    cfg = settings()
    out: dict[str, Any] = {"backend": backend}
    lexicon()  # the word lists are read once, before the long build
    started = time.perf_counter()
    corpus = load_corpus(as_of=DAY)
    out["load_corpus_s"] = round(time.perf_counter() - started, 2)
    out["documents"], out["chunks"] = len(corpus.history), len(index_chunks(corpus))

    emb = Recording(make_embeddings(cfg), load_vectors(vectors) if backend == "server" else None)
    started = time.perf_counter()
    built = build_index(cfg=cfg, corpus=corpus, embeddings=emb)
    out["build_s"] = round(time.perf_counter() - started, 1)
    out["build_embed_s"] = round(emb.seconds, 1)
    out["build_embedded"] = emb.embedded
    assert built["rebuilt"] and built["chunks"] == out["chunks"], built
    say(f"{backend}: full build {out['build_s']} s for {out['chunks']:,} chunks")
    started = time.perf_counter()
    quoter = Quoter(corpus, lexicon(), embeddings=emb, cache_dir=cfg.data_dir / "cache")
    out["sentences"] = len(quoter.sentences)
    out["sentence_vectors_s"] = round(time.perf_counter() - started, 1)
    say(f"{backend}: sentence vectors {out['sentence_vectors_s']} s for {out['sentences']:,} sentences")
    if backend == "embedded":  # the server run starts from the same vectors, those of the corpus before the add
        save_vectors(vectors, emb.known)
        shutil.copytree(cfg.data_dir / "cache", vectors.parent / "cache-before", dirs_exist_ok=True)
    del quoter, emb

    started = time.perf_counter()
    answerer = versions.answerer_on(DAY)
    out["engine_load_s"] = round(time.perf_counter() - started, 1)

    shipped = [c["question"] for key in ("qa", "nl_estimates") for c in json.loads(DEV.read_text("utf-8"))[key]]
    own = json.loads((cfg.data_dir / "questions.json").read_text("utf-8"))
    say(f"{backend}: engine loaded in {out['engine_load_s']} s; asking")
    first, warm, answers = timed_asks(answerer, shipped + own, repeat)
    out["questions"] = len(shipped + own)
    out["ask_new_p50_ms"], out["ask_new_p95_ms"] = (round(percentile(first, p) * 1000) for p in (50, 95))
    out["ask_warm_p50_ms"], out["ask_warm_p95_ms"] = (round(percentile(warm, p) * 1000) for p in (50, 95))
    out["ask_mean_ms"] = round(statistics.mean(warm) * 1000)
    generated_answers = answers[len(shipped):]
    out["generated_cited"] = sum(1 for a in generated_answers
                                 if any(c["doc_id"].startswith("bench-") for c in a["citations"]))
    out["generated_asked"] = len(generated_answers)

    body = (cfg.data_dir / "extra.md").read_bytes()
    meta = json.loads((cfg.data_dir / "extra.json").read_text("utf-8"))
    started = time.perf_counter()
    done = publishing.add(body, meta, filename="extra.md", actor="bench", store=PolicyStore.default())
    out["add_one_s"] = round(time.perf_counter() - started, 2)
    out["add_one_embedded"] = done.index.embedded
    out["add_one_sentences"] = done.index.sentences_embedded
    out["add_one_incremental"] = done.index.incremental
    question = f"{meta['aliases'][0]}上云用云实施办法什么时候施行？"
    started = time.perf_counter()
    reply = versions.answerer_on(dt.date(int(meta["effective_on"][:4]), 6, 1)).ask(
        question, as_of=dt.date(int(meta["effective_on"][:4]), 6, 1))
    out["first_ask_after_add_s"] = round(time.perf_counter() - started, 2)
    out["first_ask_after_add_cites_it"] = any(c["doc_id"] == meta["id"] for c in reply["citations"])
    out["peak_rss_mb"] = round(peak_rss_mb())
    return out


# --- the driver ----------------------------------------------------------------------------------------


def child(data_dir: Path, backend: str, repeat: int, env: dict[str, str], log: Path) -> dict[str, Any]:
    """Run one backend in a fresh interpreter; its figures as JSON on the last line of stdout."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--phase", backend, "--data", str(data_dir),
           "--repeat", str(repeat)]
    with log.open("w") as err:
        proc = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=err, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"bench_scale: the {backend} run failed (exit {proc.returncode}); see {log}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def start_server(path: Path) -> tuple[subprocess.Popen, int]:
    from navigator.index_store import chroma_client
    from navigator.settings import Settings

    exe = str(CHROMA) if CHROMA.exists() else shutil.which("chroma")
    if not exe:
        raise SystemExit("bench_scale: the chroma command (from the chromadb package) is not installed")
    port = free_port()
    proc = subprocess.Popen([exe, "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    cfg = Settings(data_dir=path / "unused", chroma_host="127.0.0.1", chroma_port=port)
    deadline = time.time() + 60
    while True:
        try:
            chroma_client(cfg).heartbeat()
            return proc, port
        except Exception:  # noqa: BLE001 - not up yet
            if time.time() > deadline or proc.poll() is not None:
                proc.kill()
                raise SystemExit("bench_scale: the Chroma server did not start") from None
            time.sleep(0.5)


def table(setup: dict[str, Any], runs: list[dict[str, Any]]) -> str:
    rows = [
        ("documents (shipped 5 + generated) / chunks / sentences",
         lambda r: f"{r['documents']:,} / {r['chunks']:,} / {r['sentences']:,}"),
        ("full build: chunks embedded and written", lambda r: f"{r['build_s']} s (embedding {r['build_embed_s']} s"
         + (", vectors of the embedded run)" if r["backend"] == "server" else ")")),
        ("full build: sentence vectors for quoting", lambda r: f"{r['sentence_vectors_s']} s"),
        ("engine load (index, BM25, reader, quotes)", lambda r: f"{r['engine_load_s']} s"),
        ("ask p50 / p95, new questions", lambda r: f"{r['ask_new_p50_ms']} / {r['ask_new_p95_ms']} ms"),
        ("ask p50 / p95, warm", lambda r: f"{r['ask_warm_p50_ms']} / {r['ask_warm_p95_ms']} ms"),
        ("generated documents cited by their questions", lambda r: f"{r['generated_cited']} / {r['generated_asked']}"),
        ("add one document (store, index, sentence vectors)",
         lambda r: f"{r['add_one_s']} s ({r['add_one_embedded']} chunks, {r['add_one_sentences']} sentences"
                   f"{', in place' if r['add_one_incremental'] else ', REBUILT'})"),
        ("first ask about it (loads the engine on the new corpus)",
         lambda r: f"{r['first_ask_after_add_s']} s" + ("" if r["first_ask_after_add_cites_it"] else " (NOT cited)")),
        ("peak RSS", lambda r: f"{r['peak_rss_mb']:,} MB"),
    ]
    head = "| | " + " | ".join(("embedded Chroma" if r["backend"] == "embedded" else "Chroma server (loopback)")
                               for r in runs) + " |"
    lines = [head, "|---|" + "---|" * len(runs)]
    lines += [f"| {name} | " + " | ".join(f(r) for r in runs) + " |" for name, f in rows]
    verdicts = []
    for r in runs:
        ok = [r["add_one_s"] <= TARGETS["add_one_s"], r["ask_new_p95_ms"] <= TARGETS["ask_p95_ms"],
              r["peak_rss_mb"] <= TARGETS["rss_mb"]]
        verdicts.append(f"{r['backend']}: add one {'≤' if ok[0] else '>'} 10 s, ask p95 (new questions) "
                        f"{'≤' if ok[1] else '>'} 200 ms, RSS {'≤' if ok[2] else '>'} 1.5 GB")
    cpu = os.cpu_count()
    return (f"Scale benchmark, {setup['documents']:,} documents ({platform.python_version()}, {cpu} cores, "
            f"{dt.date.today().isoformat()}); {setup['generated']:,} generated measures written to the policy "
            f"store in {setup['store_s']} s; {runs[0]['questions']} questions × (1 new + {setup['repeat']} warm)."
            "\n\n" + "\n".join(lines) + "\n\nTargets: " + "; ".join(verdicts) + "\n")


def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=200, help="documents in the corpus, the shipped five included")
    ap.add_argument("--repeat", type=int, default=3, help="warm passes over the questions")
    ap.add_argument("--backend", choices=["embedded", "server", "both"], default="both")
    ap.add_argument("--keep", type=Path, help="work in this directory and keep it")
    ap.add_argument("--out", type=Path, help="also write the table to this file")
    ap.add_argument("--phase", choices=["embedded", "server"], help=argparse.SUPPRESS)
    ap.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.phase:
        figures = run_backend(args.data, args.phase, args.repeat, args.data.parent / VECTORS)
        print(json.dumps(figures))
        return figures
    if not 6 <= args.docs <= 5000:
        raise SystemExit("bench_scale: --docs must be between 6 and 5000")
    if args.repeat < 1:
        raise SystemExit("bench_scale: --repeat must be at least 1")

    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    base = {k: v for k, v in os.environ.items() if not k.startswith("NAVIGATOR_")}
    base.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", ANONYMIZED_TELEMETRY="False")
    try:
        print(f"bench_scale: writing {args.docs - 5:,} generated measures to the store in {work}", file=sys.stderr)
        embedded_dir = work / "embedded"
        for old in (embedded_dir, work / "cache-before", work / VECTORS):
            shutil.rmtree(old, ignore_errors=True) if old.is_dir() else old.unlink(missing_ok=True)
        embedded_dir.mkdir()
        setup = make_store(embedded_dir, args.docs) | {"documents": args.docs, "repeat": args.repeat}
        server_dir = work / "server"
        shutil.rmtree(server_dir, ignore_errors=True)
        shutil.copytree(embedded_dir, server_dir)
        runs = []
        if args.backend in ("embedded", "both"):
            print("bench_scale: embedded Chroma …", file=sys.stderr)
            runs.append(child(embedded_dir, "embedded", args.repeat,
                              {**base, "NAVIGATOR_DATA_DIR": str(embedded_dir)}, work / "embedded.log"))
            shutil.copytree(work / "cache-before", server_dir / "cache", dirs_exist_ok=True)
        if args.backend in ("server", "both"):
            print("bench_scale: Chroma server …", file=sys.stderr)
            proc, port = start_server(work / "chroma-server")
            try:
                runs.append(child(server_dir, "server", args.repeat,
                                  {**base, "NAVIGATOR_DATA_DIR": str(server_dir), "NAVIGATOR_CHROMA_HOST": "127.0.0.1",
                                   "NAVIGATOR_CHROMA_PORT": str(port)}, work / "server.log"))
            finally:
                proc.terminate()
                proc.wait(timeout=30)
        text = table(setup, runs)
        print(text)
        if args.out:
            args.out.write_text(text, encoding="utf-8")
        return {"setup": setup, "runs": runs}
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
