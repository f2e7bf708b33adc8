"""Several app instances can share one index: the same ingestion and search against a Chroma server."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

from navigator.corpus import Corpus, load_corpus
from navigator.retrieval import (
    E5Embeddings,
    IndexUnavailable,
    Retriever,
    build_index,
    check_index,
    chroma_client,
    chunks,
    open_index,
)
from navigator.settings import Settings

CHROMA = Path(__file__).resolve().parents[1] / ".venv" / "bin" / "chroma"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    exe = str(CHROMA) if CHROMA.exists() else shutil.which("chroma")
    if not exe:
        pytest.skip("the chroma command (from the chromadb package) is not installed")
    port = _free_port()
    path = tmp_path_factory.mktemp("chroma-server")
    proc = subprocess.Popen([exe, "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    cfg = Settings(data_dir=path / "unused", chroma_host="127.0.0.1", chroma_port=port, collection="shared_index")
    deadline = time.time() + 60
    while True:
        try:
            chroma_client(cfg).heartbeat()
            break
        except Exception:  # noqa: BLE001 - not up yet
            if time.time() > deadline or proc.poll() is not None:
                proc.kill()
                pytest.fail("the Chroma server did not start")
            time.sleep(0.5)
    yield cfg
    proc.terminate()
    proc.wait(timeout=20)


def test_index_and_search_through_the_server(server):
    corpus = Corpus([load_corpus().docs["yichun-2023"]])
    e5 = E5Embeddings()
    first = build_index(cfg=server, corpus=corpus, embeddings=e5)
    assert first["rebuilt"] is True and first["chunks"] == len(chunks(corpus))
    # A second instance finds the index already there.
    assert build_index(cfg=server, corpus=corpus, embeddings=e5)["rebuilt"] is False
    assert not (server.data_dir / "chroma").exists(), "nothing is written to the local disk in server mode"
    hits = Retriever(cfg=server, corpus=corpus, embeddings=e5).search("伊春云服务商备案要交哪些材料？", k=3)
    assert any(h.chunk.article.label.startswith("三、申报审核流程（二）") for h in hits)


def test_check_and_rebuild_through_the_server(server):
    """The state is read through the server; a forced rebuild replaces the collection whole, leaving no other."""
    corpus = Corpus([load_corpus().docs["guangdong-2020"]])
    cfg = server.model_copy(update={"collection": "server_rebuild"})
    e5 = E5Embeddings()
    assert check_index(cfg, corpus, e5).state == "missing"
    build_index(cfg=cfg, corpus=corpus, embeddings=e5)
    state = check_index(cfg, corpus, e5)
    assert state.state == "fresh" and state.path == f"http://{cfg.chroma_host}:{cfg.chroma_port}"
    retr = Retriever(cfg=cfg, corpus=corpus, embeddings=e5)
    before = [h.chunk.id for h in retr.search("服务券申领截止时间", k=3)]
    assert build_index(force=True, cfg=cfg, corpus=corpus, embeddings=e5)["rebuilt"] is True
    names = {getattr(c, "name", c) for c in chroma_client(cfg).list_collections()}
    assert not any(n.startswith("server_rebuild-build-") for n in names), names
    assert [h.chunk.id for h in retr.search("服务券申领截止时间", k=3)] == before, "the old handle reopens"
    assert not (cfg.data_dir / "chroma").exists() and not cfg.data_dir.exists()


def test_a_server_that_cannot_be_reached():
    cfg = Settings(data_dir=Path("/nonexistent/unused"), chroma_host="127.0.0.1", chroma_port=_free_port(),
                   collection="policy_articles")
    corpus = Corpus([load_corpus().docs["yichun-2023"]])
    state = check_index(cfg, corpus, E5Embeddings())
    assert state.state == "unusable" and "cannot be used" in (state.detail or "") and not state.usable
    with pytest.raises(IndexUnavailable, match="cannot be opened"):
        open_index(cfg=cfg, corpus=corpus, embeddings=E5Embeddings())
