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
    """All programmes and shared caps, validated against the corpus.

    ``skipped`` names the programmes left out because their document was replaced by a version whose text
    no longer holds their quotes: their rules must be written again for the new text.
    """

    def __init__(self, programmes: dict[str, Programme], shared_caps: dict[str, SharedCap], corpus: Corpus,
                 skipped: dict[str, str] | None = None):
        self.programmes = programmes
        self.shared_caps = shared_caps
        self.corpus = corpus
        self.skipped: dict[str, str] = dict(skipped or {})

    def of_document(self, doc_id: str) -> list[Programme]:
        """The programmes whose rules cite this document."""
        return [p for p in self.programmes.values() if p.doc == doc_id]

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


def _replaced(corpus: Corpus, doc_id: object) -> bool:
    """Whether the corpus holds a later version of the document than the shipped text the rules were written on."""
    doc = corpus.docs.get(doc_id) if isinstance(doc_id, str) else None
    return doc is not None and doc.version > 1


def load_registry(folder: Path = PROGRAMMES, corpus: Corpus | None = None) -> Registry:
    """Load and validate every programme file in ``folder``.

    A programme whose document was replaced is kept when every quote is still in the new version's text;
    otherwise it is left out and named in ``Registry.skipped`` (its document then has no calculation rules),
    and so is a shared cap it belonged to.

    Raises:
        ProgrammeDataError: a file that does not validate, naming the file and the field.
    """
    corpus = corpus or load_corpus()
    programmes: dict[str, Programme] = {}
    shared: dict[str, SharedCap] = {}
    skipped: dict[str, str] = {}
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if path.name.startswith("_shared"):
            for item in data or []:
                try:
                    cap = _validate(SharedCap, item, corpus, item.get("doc"), path)
                except ProgrammeDataError as e:
                    if not _replaced(corpus, item.get("doc")):
                        raise
                    skipped[str(item.get("id"))] = str(e)
                    continue
                shared[cap.id] = cap
            continue
        if not isinstance(data, dict):
            raise ProgrammeDataError(f"{path.name}: not a mapping")
        try:
            prog = _validate(Programme, data, corpus, data.get("doc"), path)
        except ProgrammeDataError as e:
            if not _replaced(corpus, data.get("doc")):
                raise
            skipped[path.stem] = str(e)
            continue
        if path.stem != prog.id:
            raise ProgrammeDataError(f"{path.name}: file name must be the programme id {prog.id!r}")
        programmes[prog.id] = prog
    for cap_id in [c for c, cap in shared.items() if any(p in skipped for p in cap.programmes)]:
        skipped[cap_id] = f"shared cap {cap_id}: a programme it joins was left out"
        del shared[cap_id]
    for prog in list(programmes.values()):
        if prog.shared_cap and prog.shared_cap in skipped:
            skipped[prog.id] = f"{prog.id}: its shared cap {prog.shared_cap} was left out"
            del programmes[prog.id]
    listed = _registry_ids(folder)
    if listed is not None:
        unlisted = sorted(set(programmes) - listed)
        missing = sorted(listed - set(programmes) - set(skipped))
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
    return Registry(programmes, shared, corpus, skipped)


REGISTRIES_KEPT = 4  # registries of recent corpora kept in memory (today's, an earlier date asked about...)


def registry(corpus: Corpus | None = None) -> Registry:
    """The registry of ``corpus``, by default the current corpus (``load_corpus()``).

    Loaded once per corpus version: after a policy is added, replaced or repealed the next call loads it
    again against the new texts, so a running app sees the change without a restart.
    """
    corpus = corpus or load_corpus()
    return _registry(corpus.version, corpus)


@functools.lru_cache(maxsize=REGISTRIES_KEPT)
def _registry(_version: str, corpus: Corpus) -> Registry:
    return load_registry(corpus=corpus)


registry.cache_clear = _registry.cache_clear  # type: ignore[attr-defined]
