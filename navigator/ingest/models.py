"""What ingestion returns, its limits and its one error type."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Kind = Literal["docx", "pdf", "html", "markdown", "text"]


class IngestError(ValueError):
    """A file that cannot be read as a policy text; the message is one line, for the person who sent it."""

    def __init__(self, message: str):
        super().__init__(" ".join(str(message).split()))


class IngestLimits(BaseModel):
    """How much a policy file may hold. A law of several hundred pages is not a policy notice."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    max_bytes: int = Field(default=20 * 1024 * 1024, gt=0, description="Largest file accepted, in bytes.")
    max_pages: int = Field(default=300, gt=0, description="Most PDF pages read.")
    max_chars: int = Field(default=500_000, gt=0, description="Most characters of text after extraction.")
    max_unzipped_bytes: int = Field(default=100 * 1024 * 1024, gt=0,
                                    description="Most bytes a .docx may unpack to (a guard against zip bombs).")


class ParsedText(BaseModel):
    """A policy file read into a body of the form of ``knowledge/policies/*.md`` bodies.

    Paragraphs are separated by blank lines; ``# 标题`` starts the measure after
    its covering notice. The wording is the source's: only extraction noise
    is repaired, and what was repaired or dropped is listed.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Kind = Field(description="The file type read from the content (not from the name).")
    filename: str | None = Field(default=None, description="The name the file was given, when known.")
    sha256: str = Field(description="SHA-256 of the file's bytes.")
    size_bytes: int
    pages: int | None = Field(default=None, description="PDF pages; None for other kinds.")
    body: str = Field(description="Paragraphs separated by blank lines, ready for corpus.parse_articles.")
    title: str | None = Field(default=None, description="The measure's title as printed, when found.")
    notice_title: str | None = Field(default=None, description="The covering notice's title, when there is one.")
    doc_number: str | None = Field(default=None, description="A document number (文号) printed near the top.")
    repaired: list[str] = Field(default=[], description="Bold runs printed four times, restored to one.")
    unquotable: list[str] = Field(default=[], description="Text whose source form was markup (links): not quoted.")
    dropped: list[str] = Field(default=[], description="Page furniture removed: page numbers, running headers.")

    @property
    def characters(self) -> int:
        """Characters of the body, whitespace excluded."""
        return sum(1 for c in self.body if not c.isspace())

    def paragraphs(self) -> list[str]:
        """The body's paragraphs, in order."""
        return [p for p in self.body.split("\n\n") if p.strip()]
