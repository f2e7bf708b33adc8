"""Programmes as cited data: load and validate ``knowledge/programmes/*.yaml``.

Each file is one programme (a ``calculators.models.Programme``); every value
carries a citation {doc, article, quote} that is checked against the text in
``knowledge/policies``. ``_shared_caps.yaml`` holds caps shared by several
programmes. Loading fails with a message naming the file and the field.
"""

from __future__ import annotations

import functools
from pathlib import Path

import yaml
from pydantic import ValidationError

from calculators.models import Programme, SharedCap
from navigator.corpus import KNOWLEDGE, Corpus, load_corpus

PROGRAMMES = KNOWLEDGE / "programmes"


class ProgrammeDataError(ValueError):
    """A programme file that does not validate (missing citation, quote not in the text...)."""


def _validate(model, data: dict, corpus: Corpus, doc: str | None, source: Path):
    try:
        return model.model_validate(data, context={"corpus": corpus, "doc": doc})
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(x) for x in first["loc"])
        raise ProgrammeDataError(f"{source.name}: {where}: {first['msg']}") from None


class Registry:
    """All programmes and shared caps, validated against the corpus."""

    def __init__(self, programmes: dict[str, Programme], shared_caps: dict[str, SharedCap], corpus: Corpus):
        self.programmes = programmes
        self.shared_caps = shared_caps
        self.corpus = corpus

    def get(self, programme_id: str) -> Programme:
        """The programme with this id; KeyError with the known ids otherwise."""
        try:
            return self.programmes[programme_id]
        except KeyError:
            raise KeyError(f"unknown programme {programme_id!r}; known: {', '.join(self.programmes)}") from None

    def shared_cap_for(self, programme: Programme) -> SharedCap | None:
        """The cap the programme shares with sibling lines, if any."""
        return self.shared_caps.get(programme.shared_cap) if programme.shared_cap else None


def _registry_ids(folder: Path) -> set[str] | None:
    """Ids listed in knowledge/registry.yaml, when the folder is the project's own programme folder."""
    path = folder.parent / "registry.yaml"
    if folder.resolve() != PROGRAMMES.resolve() or not path.exists():
        return None
    return {row["id"] for row in yaml.safe_load(path.read_text(encoding="utf-8"))}


def load_registry(folder: Path = PROGRAMMES, corpus: Corpus | None = None) -> Registry:
    """Load and validate every programme file in ``folder``."""
    corpus = corpus or load_corpus()
    programmes: dict[str, Programme] = {}
    shared: dict[str, SharedCap] = {}
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if path.name.startswith("_shared"):
            for item in data or []:
                cap = _validate(SharedCap, item, corpus, item.get("doc"), path)
                shared[cap.id] = cap
            continue
        if not isinstance(data, dict):
            raise ProgrammeDataError(f"{path.name}: not a mapping")
        prog = _validate(Programme, data, corpus, data.get("doc"), path)
        if path.stem != prog.id:
            raise ProgrammeDataError(f"{path.name}: file name must be the programme id {prog.id!r}")
        programmes[prog.id] = prog
    listed = _registry_ids(folder)
    if listed is not None:
        unlisted = sorted(set(programmes) - listed)
        missing = sorted(listed - set(programmes))
        if unlisted or missing:
            raise ProgrammeDataError(f"knowledge/registry.yaml and the programme files differ: not listed {unlisted}, "
                                     f"no file for {missing}")
    for prog in programmes.values():
        if prog.shared_cap and prog.shared_cap not in shared:
            raise ProgrammeDataError(f"{prog.id}: unknown shared cap {prog.shared_cap!r}")
    for cap in shared.values():
        for pid in cap.programmes:
            if pid not in programmes or programmes[pid].shared_cap != cap.id:
                raise ProgrammeDataError(f"shared cap {cap.id}: {pid} is not a programme that names it as shared_cap")
    return Registry(programmes, shared, corpus)


@functools.lru_cache(maxsize=1)
def registry() -> Registry:
    """The process-wide registry (loaded once)."""
    return load_registry()
