"""Pieces several kinds share: Chinese numerals for years, readings of ambiguous sentences."""

from __future__ import annotations

from pydantic import Field, model_validator

from calculators.base import Citation, Model


def cn_number(n: int) -> str:
    """A small count in Chinese numerals, as the texts write years: 3 -> 三."""
    import cn2an  # imported on use: only headlines need it

    return cn2an.an2cn(n)


class ReadingOption(Model):
    """One way to read an ambiguous sentence."""

    id: str = Field(description="The reading's id, one the kind knows how to compute.")
    text: str = Field(description="The reading in plain Chinese, shown beside its figure.")


class Ambiguity(Model):
    """A sentence the text allows to be read in more than one way, with the reading taken by default and why."""

    id: str
    cite: Citation = Field(description="The sentence read more than one way.")
    readings: list[ReadingOption] = Field(min_length=2)
    default: str = Field(description="Id of the reading the estimate's total follows.")
    why: str = Field(description="Why that reading is the default.")

    @model_validator(mode="after")
    def _default_is_a_reading(self) -> Ambiguity:
        ids = [r.id for r in self.readings]
        if len(set(ids)) != len(ids) or self.default not in ids:
            raise ValueError(f"{self.id}: reading ids must be unique and include the default {self.default!r}")
        return self

    def text(self, reading_id: str) -> str:
        """The text of one reading."""
        return next(r.text for r in self.readings if r.id == reading_id)

    def others(self) -> list[ReadingOption]:
        """The readings other than the default, in the order given."""
        return [r for r in self.readings if r.id != self.default]


def check_ambiguities(items: list[Ambiguity], expected: dict[str, set[str]]) -> None:
    """Refuse ambiguity data whose ids or reading ids are not the ones the kind computes."""
    got = {a.id: {r.id for r in a.readings} for a in items}
    if got != expected:
        raise ValueError(f"readings must be exactly {expected}, got {got}")
