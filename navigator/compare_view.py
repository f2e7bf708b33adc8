"""What the 政策对比 page shows: each programme as a column of the same rows (a table on a desktop, a card on a
phone), what its text says about combining it with other support, and the articles behind every row.

The rows come from ``navigator.service.compare``; this module only arranges them in the reader's words.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from calculators.base import Citation
from calculators.models import SharedCap
from navigator import labels
from navigator.programmes import Registry
from navigator.service import compare

NOT_LISTED = "（原文未列明）"
NO_CAP = "（原文未规定上限）"
NO_RATE = "—（认定/备案类，无补贴计算）"
NO_URL = "（原文未给出网址）"


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Item(Model):
    """One item of a list row: its text and, for a portal, the address the text prints (never another)."""

    text: str
    url: str | None = None


class Cell(Model):
    """One row of one programme: a text, or a list of items (numbered when shown)."""

    key: str = Field(description="The row's stable name, e.g. ``rate``; the same for every programme.")
    label: str = Field(description="The row's name as shown, e.g. 补贴比例.")
    text: str | None = Field(default=None, description="The value as one text; None for a list.")
    items: list[Item] = Field(default=[], description="The value as a list (materials, steps, portals...).")

    @property
    def empty(self) -> bool:
        """Nothing to show: the text states nothing for this row."""
        return self.text is None and not self.items


class Cited(Model):
    """A statement with the article it comes from (a restriction, a portal, a form, a note on combining)."""

    text: str
    citation: Citation
    url: str | None = Field(default=None, description="A portal's address, only where the text prints one.")


class ProgrammeColumn(Model):
    """One programme of the comparison."""

    id: str
    title: str
    status: str = Field(description="open / not_yet_open / closed / unknown on the evaluation date.")
    status_note: str | None = Field(default=None, description="Why, e.g. the day the validity ended, in Chinese.")
    cells: list[Cell] = Field(description="The rows, in the same order for every programme.")
    shared_cap: Cited | None = Field(description="A cap shared with sibling lines, with its article.")
    combining: list[Cited] = Field(description="The notes that speak about combining with other support.")
    restrictions: list[Cited]
    portals: list[Cited]
    forms: list[Cited]
    citations: list[Citation] = Field(description="The articles the headline rows rest on.")


class Comparison(Model):
    """The programmes side by side, evaluated on ``as_of``."""

    as_of: dt.date
    rows: list[str] = Field(description="The row names, in order.")
    columns: list[ProgrammeColumn]


@functools.lru_cache(maxsize=1)
def _combining_words() -> tuple[str, ...]:
    return tuple(labels.labels()["combining_words"])


def speaks_of_combining(text: str) -> bool:
    """Whether a note speaks about combining with other support (the words are in ``knowledge/labels.yaml``)."""
    return any(w in text for w in _combining_words())


def _cap_text(row: dict[str, Any]) -> str:
    parts = [row.get("cap") or ""]
    if row.get("cap_cny") and not row.get("cap"):
        parts.append(f"最高 {labels.money(row['cap_cny'])}")
    if row.get("shared_cap"):
        parts.append(row["shared_cap"])
    return "；".join(p for p in parts if p) or NO_CAP


def _cited(items: list[dict[str, Any]]) -> list[Cited]:
    return [Cited(text=i["text"], citation=Citation(**i["citation"])) for i in items]


def _column(row: dict[str, Any], as_of: dt.date, reg: Registry) -> ProgrammeColumn:
    prog = reg.get(row["id"])
    status = row.get("status", "unknown")
    status_text = labels.status_label(status) + ("（不可再申报）" if status == "closed" else "")
    if row.get("status_note"):
        status_text += f"；{row['status_note']}"
    portals = [Cited(text=p["name"] + ("" if p["url"] else NO_URL), url=p["url"], citation=Citation(**p["citation"]))
               for p in row["portals"]]
    forms, restrictions = _cited(row["forms"]), _cited(row["restrictions"])
    window = row["window"] + (f"；兑现：{row['redemption']}" if row.get("redemption") else "")
    cells = [
        Cell(key="side", label="申请人", text=labels.side_label(row["side"])),
        Cell(key="who", label="适用对象", text=row["who"]),
        Cell(key="rate", label="补贴比例", text=row.get("rate") or NO_RATE),
        Cell(key="cap", label="补贴上限", text=_cap_text(row)),
        Cell(key="years", label="补贴年限", text=f"{row['years']}年" if row.get("years") else "—"),
        Cell(key="region", label="地区", text=row["region"]),
        Cell(key="window", label="申报时间", text=window),
        Cell(key="status", label=f"状态（{as_of.isoformat()}）", text=status_text),
        Cell(key="materials", label="申报材料", items=[Item(text=t) for t in row["materials"]]),
        Cell(key="process", label="申报流程", items=[Item(text=t) for t in row["process"]]),
        Cell(key="portals", label="申报系统或平台", items=[Item(text=p.text, url=p.url) for p in portals]),
        Cell(key="forms", label="附件表格", items=[Item(text=f.text) for f in forms]),
        Cell(key="contacts", label="联系方式（按原文）", items=[Item(text=t) for t in row["contacts"]]),
        Cell(key="restrictions", label="限制与责任", items=[Item(text=r.text) for r in restrictions]),
    ]
    shared_cap, combining = _shared_cap(row, reg.shared_cap_for(prog), _cited(row["cited_notes"]))
    return ProgrammeColumn(
        id=row["id"], title=row["title"], status=status, status_note=row.get("status_note") or None, cells=cells,
        shared_cap=shared_cap, combining=combining, restrictions=restrictions, portals=portals, forms=forms,
        citations=[Citation(**c) for c in row["citations"]])


def _shared_cap(row: dict[str, Any], cap: SharedCap | None, notes: list[Cited]) -> tuple[Cited | None, list[Cited]]:
    """The shared cap and the notes on combining, a note of the cap's own article folded into the cap.

    Baiyun 第十二条 says both that an enterprise may apply for several vouchers and the yearly total: one card
    carries the note's words and its fuller quote (which holds the cap's quote), not two cards of one sentence.
    """
    about = [n for n in notes if speaks_of_combining(n.text)]
    if cap is None:
        return None, about
    cite = cap.cap_cny.cite
    same = next((n for n in about if n.citation.doc_id == cite.doc_id and n.citation.article == cite.article
                 and cite.quote in n.citation.quote), None)
    if same is None:
        return Cited(text=f"合计上限：{row['shared_cap']}", citation=cite), about
    merged = Cited(text=f"合计上限：{same.text}（{row['shared_cap']}）", citation=same.citation)
    return merged, [n for n in about if n is not same]


def comparison(ids: list[str], as_of: dt.date, reg: Registry) -> Comparison:
    """The chosen programmes side by side on ``as_of``.

    Raises:
        InputError: an unknown id (in Chinese, with the id it was probably meant to be).
    """
    rows = compare(ids, as_of, reg)["programmes"]
    columns = [_column(r, as_of, reg) for r in rows]
    return Comparison(as_of=as_of, rows=[c.label for c in columns[0].cells] if columns else [], columns=columns)


def row_of(column: ProgrammeColumn, key: str) -> Cell:
    """A programme's row by its stable key (``rate``, ``status``, ``restrictions``...)."""
    return next(c for c in column.cells if c.key == key)


def default_choice(reg: Registry, n: int = 3) -> list[str]:
    """The first enterprise programme of each document, up to ``n``: a useful first comparison."""
    first: dict[str, str] = {}
    for p in reg.programmes.values():
        if p.side == "enterprise":
            first.setdefault(p.doc, p.id)
    return list(first.values())[:n]
