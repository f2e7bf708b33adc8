"""Start the app ready to answer: index checked or built, models loaded, staff login prepared, then the server.

``python -m navigator.serve [streamlit options]`` (what ``scripts/app.sh`` runs):

1. builds the retrieval index, or checks it is fresh, with a progress bar in the terminal;
2. loads the embedding model, the index and the lexical search into this process;
3. prints the staff token when no staff login is configured (``navigator.auth``);
4. starts the Streamlit server in the same process, so the first question is answered
   from the models already in memory.

When the app is started another way (``streamlit run app.py``), ``WARMUP.start()``
from ``app.py`` does steps 1–2 in a background thread at the first page load,
and the pages wait for it with a progress bar instead of building on a question.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
State = Literal["idle", "building", "loading", "ready", "failed"]


class Progress(BaseModel):
    """Where the warm-up is: building the index (done / total chunks), loading models, ready or failed."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    state: State
    done: int = 0
    total: int = 0
    error: str | None = None
    seconds: float | None = None

    @property
    def fraction(self) -> float:
        if self.state in ("ready", "loading"):
            return 1.0
        return self.done / self.total if self.total else 0.0


def load_models() -> None:
    """Load what answering needs into this process (index, embedder, lexical search)."""
    from navigator import answer

    answer.answerer()


class WarmUp:
    """The process-wide warm-up: index build or check, then models. Runs once; safe to start from any thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._progress = Progress(state="idle")
        self._started = 0.0

    @property
    def progress(self) -> Progress:
        return self._progress

    @property
    def ready(self) -> bool:
        return self._progress.state == "ready"

    def start(self) -> None:
        """Start the warm-up in a background thread unless it is running or done (a failed one is retried)."""
        with self._lock:
            if self._thread is not None and (self._thread.is_alive() or self.ready):
                return
            self._thread = threading.Thread(target=self.run, name="navigator-warmup", daemon=True)
            self._thread.start()

    def run(self, terminal: bool = False) -> Progress:
        """Build or check the index, then load the models; ``terminal`` draws a progress bar on stderr."""
        from navigator import retrieval

        self._started = time.monotonic()
        self._progress = Progress(state="building")
        try:
            retrieval.build_index(progress=terminal, on_progress=self._on_progress)
            self._progress = Progress(state="loading", done=self._progress.done, total=self._progress.total)
            load_models()
        except Exception as e:  # reported on the pages; retried on the next start()
            log.exception("warm-up failed")
            self._progress = Progress(state="failed", error=str(e).splitlines()[0][:200] if str(e) else type(e).__name__)
            return self._progress
        self._progress = Progress(state="ready", seconds=round(time.monotonic() - self._started, 1))
        log.info("navigator ready in %.1f s", self._progress.seconds)
        return self._progress

    def wait(self, timeout: float | None = None) -> Progress:
        """Block until the warm-up ends (or ``timeout`` seconds pass)."""
        t = self._thread
        if t is not None:
            t.join(timeout)
        return self._progress

    def _on_progress(self, done: int, total: int) -> None:
        self._progress = Progress(state="building", done=done, total=total)


WARMUP = WarmUp()


def _base_url(args: list[str]) -> str:
    port = "8501"
    for i, a in enumerate(args):
        if a.startswith("--server.port="):
            port = a.split("=", 1)[1]
        elif a == "--server.port" and i + 1 < len(args):
            port = args[i + 1]
    return f"http://localhost:{port}"


def main(argv: list[str] | None = None) -> int:
    """Warm up in the foreground, then run the Streamlit server on ``app.py`` with ``argv`` as its options."""
    args = list(sys.argv[1:] if argv is None else argv)
    print("政策导航：检查检索索引…", file=sys.stderr, flush=True)
    p = WARMUP.run(terminal=True)
    if p.state == "failed":
        print(f"政策导航：启动失败：{p.error}", file=sys.stderr)
        return 2
    print(f"政策导航：索引和模型已就绪（{p.seconds} 秒）。", file=sys.stderr, flush=True)

    from streamlit.web import cli as stcli

    from navigator import auth

    if auth.login_config(read_secrets()).methods == ("token",):
        auth.announce_token(_base_url(args))
    sys.argv = ["streamlit", "run", str(APP), *args]
    return stcli.main()


def read_secrets() -> dict:
    """The Streamlit secrets files, read before the server starts (project's, then the user's)."""
    import tomllib

    out: dict = {}
    for path in (Path.home() / ".streamlit" / "secrets.toml", ROOT / ".streamlit" / "secrets.toml"):
        try:
            out.update(tomllib.loads(path.read_text(encoding="utf-8")))
        except FileNotFoundError:
            continue
        except (OSError, tomllib.TOMLDecodeError) as e:
            print(f"政策导航：无法读取 {path}：{e}", file=sys.stderr)
    return out


if __name__ == "__main__":
    sys.exit(main())
