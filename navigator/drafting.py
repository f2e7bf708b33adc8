"""Writing a programme's rules for a policy: a YAML skeleton with the text's candidate sentences beside it.

``draft(doc_id)`` gives the skeleton of ``knowledge/programmes/<id>.yaml`` for a document: every field of a
programme with an ``{article, quote}`` placeholder, and, as comments beside the fields they may fill, the
sentences of the text that state a rate, a cap or amount, a date, a time limit, a condition or a contact,
each with the article label to cite it by. The placeholders are ``TODO``: the programme loader refuses a
quote that is not verbatim in the article, so a skeleton is refused until a person has filled it from the
text. Which sentences are candidates of which kind is data (``knowledge/drafting.yaml``).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field

from navigator.corpus import KNOWLEDGE, Article, Document

CUES = KNOWLEDGE / "drafting.yaml"
PLACEHOLDER = "TODO"
_CITE = f"{{article: {PLACEHOLDER}, quote: {PLACEHOLDER}}}"


class DraftError(ValueError):
    """A skeleton that cannot be written (the file exists, the folder cannot be written); one line."""


class Candidate(BaseModel):
    """A sentence of the text that may fill a programme field, with the article it is cited by."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: str = Field(description="rate, cap, date, time_limit, condition or contact (knowledge/drafting.yaml).")
    article: str = Field(description="The article label to cite, e.g. 第三条 or 二、申报条件（一）.")
    quote: str = Field(description="The sentence, verbatim.")


class Draft(BaseModel):
    """A programme skeleton for one version of a document."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    doc_id: str
    version: int
    programme_id: str = Field(description="The suggested programme id (region-year-topic), to be renamed.")
    yaml: str = Field(description="The skeleton, with the candidates as comments.")
    candidates: list[Candidate]

    def to_json(self) -> dict[str, Any]:
        """The ``policy draft-programme --json`` document."""
        return {"doc_id": self.doc_id, "version": self.version, "programme": self.programme_id,
                "candidates": [c.model_dump() for c in self.candidates], "yaml": self.yaml}


@functools.lru_cache(maxsize=1)
def cues() -> dict[str, dict[str, Any]]:
    """The candidate kinds: label, fields and compiled patterns, in file order."""
    data = yaml.safe_load(CUES.read_text(encoding="utf-8"))["kinds"]
    return {kind: {"label": v["label"], "fields": v["fields"],
                   "patterns": [re.compile(p) for p in v["patterns"]]} for kind, v in data.items()}


def candidates(doc: Document) -> list[Candidate]:
    """Every sentence of the document that states something a programme field holds, in reading order."""
    out: list[Candidate] = []
    kinds = cues()
    for art in sorted(doc.articles.values(), key=lambda a: a.order):
        for sentence in _sentences(art):
            for kind, cue in kinds.items():
                if any(p.search(sentence) for p in cue["patterns"]):
                    out.append(Candidate(kind=kind, article=art.label, quote=sentence))
    return out


def _sentences(art: Article) -> list[str]:
    """The article's own sentences, and its heading when it states something (（一）在天门市注册登记；)."""
    out = art.sentences()
    if art.kind == "signature":  # issuer, date, contact: one line each
        out = [line.strip() for line in art.own_text.split("\n") if line.strip()]
    return out


def draft(doc_id: str, version: int | None = None, store=None) -> Draft:
    """The programme skeleton of a document (its latest version, or ``version``).

    Raises:
        StoreError: an unknown document or version.
    """
    from navigator.policy_store import PolicyStore

    store = store or PolicyStore.default()
    doc = store.document(doc_id, version)
    found = candidates(doc)
    pid = _programme_id(doc.id)
    return Draft(doc_id=doc.id, version=doc.version, programme_id=pid, yaml=_skeleton(doc, pid, found),
                 candidates=found)


def write(d: Draft, path: Path, overwrite: bool = False) -> Path:
    """Write the skeleton to ``path`` (never over an existing file unless ``overwrite``).

    Raises:
        DraftError: the file exists, or cannot be written.
    """
    if path.exists() and not overwrite:
        raise DraftError(f"--out: {path} already exists (add --force to overwrite it)")
    if path.exists() and not path.is_file():
        raise DraftError(f"--out: {path} is not a file")
    try:
        path.write_text(d.yaml, encoding="utf-8")
    except OSError as e:
        raise DraftError(f"--out: cannot write {path}: {e.strerror or e}") from None
    return path


def _programme_id(doc_id: str) -> str:
    """A programme id of the shape region-year-topic from the document id."""
    if re.fullmatch(r"[a-z]+-\d{4}-[a-z0-9-]+", doc_id):
        return f"{doc_id}-subsidy" if not doc_id.endswith("-subsidy") else doc_id
    m = re.fullmatch(r"([a-z]+)-(\d{4})", doc_id)
    return f"{m.group(1)}-{m.group(2)}-subsidy" if m else f"{re.sub(r'[^a-z0-9-]', '', doc_id) or 'policy'}-2000-subsidy"


def _comment(found: list[Candidate], kinds: list[str]) -> list[str]:
    """Comment lines listing the candidates of these kinds: ``#   第三条｜sentence``."""
    lines: list[str] = []
    for kind in kinds:
        rows = [c for c in found if c.kind == kind]
        label = cues()[kind]["label"]
        if not rows:
            lines.append(f"# 候选句 · {label}：原文中没有")
            continue
        lines.append(f"# 候选句 · {label}（{len(rows)}）：")
        lines += [f"#   {c.article}｜{_one_line(c.quote)}" for c in rows]
    return lines


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _flow(mapping: dict[str, str]) -> str:
    return "{" + ", ".join(f"{k}: {v}" for k, v in mapping.items()) + "}"


def _skeleton(doc: Document, pid: str, found: list[Candidate]) -> str:
    number = f"（{doc.doc_number}）" if doc.doc_number else ""
    opens = doc.in_force_from.isoformat()
    out = [
        f"# 《{doc.title}》{number} 第{doc.version}版 的测算规则草稿（python -m navigator policy draft-programme {doc.id}）。",
        "#",
        "# 每个取值都要带 {article, quote}：quote 须从 article 所指条款原文逐字复制（空白可不同）。",
        f"# 载入时会核对原文：引文不在该条款中即拒绝载入，所以保留 {PLACEHOLDER} 的草稿不能载入。",
        "# “候选句”是原文中写有比例、金额上限、日期、期限、条件和联系方式的句子，已注明条款，供填写时选用。",
        "# 原文没有规定的字段请删除；有计算器时不要写 rate_text / cap_text。",
        "# 完成后：在 knowledge/registry.yaml 中登记，并在 tests/scenarios/<id>.yaml 中为每个上限、档位、期限写测试。",
        f"id: {pid}  # 地区-年份-主题，小写",
        f"title: {PLACEHOLDER}",
        "side: enterprise  # enterprise（用云企业）| provider（服务商、平台）",
        f"doc: {doc.id}",
        f"region: {_flow(doc.region)}",
        f"summary: {PLACEHOLDER}",
        *_comment(found, ["condition"]),
        "who:",
        f"  text: {PLACEHOLDER}",
        f"  cite: {_CITE}",
        "# 测算：比例、基数与上限（其他计算方式见 calculators/kinds/）",
        *_comment(found, ["rate", "cap"]),
        "calculator:",
        "  kind: rate_cap",
        "  input: contract_cny  # contract_cny（合同额）| fees_cny（服务费）",
        "  base:",
        f"    text: {PLACEHOLDER}",
        f"    cite: {_CITE}",
        "  rate:",
        f'    value: "{PLACEHOLDER}"  # 如 "0.30"',
        f"    cite: {_CITE}",
        "  cap_cny:",
        f'    value: "{PLACEHOLDER}"  # 元，如 "50000"',
        f"    cite: {_CITE}",
        "  years:",
        "    value: 1",
        f"    cite: {_CITE}",
        "# 申报条件：每条一个判断，field 须是 Profile 的字段（CONTRACT.md），运算只用一种：",
        "# equals、gte、in、excludes_self、min_years、certificate、region、any_of、all_of",
        "eligibility:",
        f"  - id: {PLACEHOLDER}",
        f"    label: {PLACEHOLDER}",
        f"    rule: {{field: {PLACEHOLDER}, equals: {PLACEHOLDER}}}",
        f"    cite: {_CITE}",
        "attestations:  # 只能由审核部门认定的条件",
        f"  - text: {PLACEHOLDER}",
        f"    cite: {_CITE}",
        "# 申报时间与有效期",
        *_comment(found, ["date", "time_limit"]),
        "window:",
        "  kind: validity  # period（起止时间）| validity（生效日 + 有效期年数）| open_ended（未规定期限）",
        f"  opens: {opens}T00:00:00  # 元数据中的生效日期，请与原文核对",
        f"  opens_cite: {_CITE}",
        "  term_years:",
        f"    value: {PLACEHOLDER}",
        f"    cite: {_CITE}",
        f"  text: {PLACEHOLDER}",
        f"  cite: {_CITE}",
        "materials:",
        f"  - text: {PLACEHOLDER}",
        f"    cite: {_CITE}",
        "forms:",
        f"  - text: {PLACEHOLDER}",
        f"    cite: {_CITE}",
        "process:",
        f"  - text: {PLACEHOLDER}",
        f"    cite: {_CITE}",
        *_comment(found, ["contact"]),
        "portals:  # url 只写原文印出的网址",
        f"  - name: {PLACEHOLDER}",
        f"    cite: {_CITE}",
        "contacts:  # 电话按原文照录",
        f"  - text: {PLACEHOLDER}",
        f"    cite: {_CITE}",
        "restrictions:",
        f"  - text: {PLACEHOLDER}",
        f"    cite: {_CITE}",
        "notes:",
        f"  - text: {PLACEHOLDER}",
        f"    cite: {_CITE}",
    ]
    return "\n".join(out) + "\n"
