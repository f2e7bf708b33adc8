"""A policy's metadata: the front-matter fields, read from a META.yaml or a text's front matter.

A missing or bad field is a ``MetaError`` with one line naming the field.
The region is resolved through ``knowledge/gazetteer.yaml``: short forms
become full names (``天门`` → ``天门市``) and a city must lie in its province.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

MAX_META_BYTES = 64 * 1024
DOC_ID = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_LEVELS = ("province", "city", "district")
# A county-level place the gazetteer does not list yet is accepted by the shape of its name.
_COUNTY_SUFFIX = re.compile(r"(?:区|县|市|旗|自治县|自治旗|林区|特区|新区)$")
_MESSAGES = {
    "missing": "缺少此字段",
    "extra_forbidden": "不是元数据字段",
    "date_from_datetime_parsing": "日期应为 YYYY-MM-DD",
    "date_parsing": "日期应为 YYYY-MM-DD",
    "date_type": "日期应为 YYYY-MM-DD",
    "string_type": "应为文字",
    "list_type": "应为列表",
    "string_too_short": "不能为空",
    "string_too_long": "过长",
    "string_pattern_mismatch": "只能用小写字母、数字和连字符（如 tianmen-2024-cloud）",
    "literal_error": "取值不在允许范围内",
}


class MetaError(ValueError):
    """Metadata that does not validate; the message is one line naming the field."""

    def __init__(self, message: str):
        super().__init__(" ".join(str(message).split()))


class PolicyMeta(BaseModel):
    """The front matter of a policy text (``knowledge/policies/*.md``) or of an added policy (META.yaml)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=3, max_length=64, pattern=DOC_ID,
                    description="Document id, region-year in lower case: baiyun-2019, tianmen-2024-cloud.")
    title: str = Field(min_length=2, max_length=200, description="The measure's title as printed.")
    notice_title: str | None = Field(default=None, max_length=300,
                                     description="The covering notice's title (印发……的通知), when there is one.")
    doc_number: str | None = Field(default=None, max_length=80, description="文号, e.g. 云科工商信〔2019〕22号.")
    issuer: str = Field(min_length=2, max_length=200, description="The issuing body (several joined by 、).")
    issued_on: dt.date = Field(description="Date of issue (成文或发布日期).")
    issued_on_precision: Literal["day", "month", "year"] = Field(
        default="day", description="How much of issued_on the text states (year: only the year is known).")
    published_on: dt.date | None = Field(default=None, description="Date published, when it differs from issue.")
    effective_on: dt.date | None = Field(default=None, description="Date it takes effect; None: not stated.")
    expires_on: dt.date | None = Field(default=None, description="Last day in force; None: not stated.")
    validity_note: str = Field(default="", max_length=500, description="What the text says about its validity.")
    region: dict[str, str] = Field(description="Where it applies: province, and city and district when narrower.")
    aliases: list[str] = Field(default=[], description="Words that point a question at this document.")
    seed: str | None = Field(default=None, description="The seed file a shipped text came from; None otherwise.")
    annexes: list[dict[str, str]] = Field(
        default=[], description="Annexes printed without 附件N: {label: 附件1, heading: 表格名称}.")
    repaired: list[str] = Field(default=[], description="Bold headings the extraction printed four times over.")
    unquotable: list[str] = Field(default=[], description="Text whose source form had markup (links): not quoted.")

    @field_validator("region", mode="before")
    @classmethod
    def _region(cls, value: Any) -> dict[str, str]:
        return resolve_region(value)

    @field_validator("aliases", "repaired", "unquotable", mode="before")
    @classmethod
    def _words(cls, value: Any) -> Any:
        if value is None:
            return []
        if isinstance(value, list):
            return [str(x) for x in value]  # YAML reads an alias "2020" as a number
        return value

    @field_validator("annexes")
    @classmethod
    def _annexes(cls, value: list[dict[str, str]]) -> list[dict[str, str]]:
        for a in value:
            if set(a) != {"label", "heading"} or not re.fullmatch(r"附件\d+", a["label"]):
                raise ValueError("每项应为 {label: 附件N, heading: 标题}")
        return value

    @model_validator(mode="after")
    def _dates(self) -> PolicyMeta:
        start = self.effective_on or self.issued_on
        if self.expires_on and self.expires_on < start:
            raise ValueError(f"expires_on {self.expires_on} 早于生效日期 {start}")
        return self

    @property
    def in_force_from(self) -> dt.date:
        """The first day in force: the effective date, else the date of issue."""
        return self.effective_on or self.issued_on


def resolve_region(value: Any) -> dict[str, str]:
    """A region as full gazetteer names: ``{province, city?, district?}``.

    Accepts a mapping (short forms allowed) or a place written out
    (``湖北天门``, ``广州市白云区``). The province is filled from the city and
    the city from the district; a city must lie in the province and a listed
    district in the city. A district the gazetteer does not list is kept as
    written when its name ends like one (区, 县, 市, 旗).

    Raises:
        ValueError: an unknown place, or places that do not nest.
    """
    from navigator.gazetteer import gazetteer

    g = gazetteer()
    if isinstance(value, str):
        found = g.mentions(value)
        if not found:
            raise ValueError(f"不认识的地名：{value}")
        value = {}
        for level, name in found:
            value.setdefault(level, name)
    if not isinstance(value, dict) or not value:
        raise ValueError("应为 {province: 省, city: 市, district: 区县}")
    extra = set(value) - set(_LEVELS)
    if extra:
        raise ValueError(f"只能有 province、city、district，多了 {', '.join(sorted(map(str, extra)))}")
    raw = {k: str(v).strip() for k, v in value.items() if v not in (None, "")}
    out: dict[str, str] = {}
    if "district" in raw:
        hit = g.lookup(raw["district"])
        if hit and hit[0] == "district":
            out["district"] = hit[1]
            out["city"] = g.districts[hit[1]].get("city") or ""
        elif _COUNTY_SUFFIX.search(raw["district"]) and len(raw["district"]) >= 2:
            out["district"] = raw["district"]
        else:
            raise ValueError(f"district：不认识的区县「{raw['district']}」")
    if "city" in raw:
        hit = g.lookup(raw["city"])
        if not hit or hit[0] != "city":
            if hit and hit[0] == "province" and hit[1] in g.cities:
                hit = ("city", hit[1])
            else:
                raise ValueError(f"city：不认识的城市「{raw['city']}」（地名表 knowledge/gazetteer.yaml 中没有）")
        if out.get("city") and out["city"] != hit[1]:
            raise ValueError(f"district：{out['district']} 属于 {out['city']}，不属于 {hit[1]}")
        out["city"] = hit[1]
    elif "district" in out and not out.get("city"):
        raise ValueError(f"city：地名表中没有 {out['district']}，请写明所属城市")
    city_province = g.cities.get(out["city"], {}).get("province") if out.get("city") else None
    if "province" in raw:
        hit = g.lookup(raw["province"])
        name = hit[1] if hit and hit[0] == "province" else (raw["province"] if raw["province"] in g.provinces
                                                            else None)
        if name is None and hit and hit[0] == "city" and hit[1] in g.provinces:
            name = hit[1]
        if name is None:
            raise ValueError(f"province：不认识的省份「{raw['province']}」")
        if city_province and city_province != name:
            raise ValueError(f"city：{out['city']} 属于 {city_province}，不属于 {name}")
        out["province"] = name
    elif city_province:
        out["province"] = city_province
    else:
        raise ValueError("province：缺少省份")
    return {k: out[k] for k in _LEVELS if out.get(k)}


def meta_error(e: ValidationError, source: str) -> MetaError:
    """One line naming the first bad field of ``e``."""
    first = e.errors()[0]
    where = ".".join(str(x) for x in first["loc"]) or "元数据"
    msg = _MESSAGES.get(first["type"]) or str(first["msg"]).removeprefix("Value error, ")
    more = f"（另有 {len(e.errors()) - 1} 处错误）" if len(e.errors()) > 1 else ""
    return MetaError(f"{source}: {where}: {msg}{more}")


def parse_meta(data: dict[str, Any], source: str = "META.yaml") -> PolicyMeta:
    """Validate metadata read from YAML.

    Raises:
        MetaError: one line naming the file and the first bad field.
    """
    if not isinstance(data, dict):
        raise MetaError(f"{source}: 应为字段映射（id: …, title: …）")
    try:
        return PolicyMeta.model_validate(data)
    except ValidationError as e:
        raise meta_error(e, source) from None


def load_yaml(text: str | bytes, source: str = "META.yaml") -> dict[str, Any]:
    """A YAML mapping, or a ``MetaError`` with the line of the syntax error."""
    if len(text) > MAX_META_BYTES:
        raise MetaError(f"{source}: 文件过大（上限 {MAX_META_BYTES // 1024} KB）")
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise MetaError(f"{source}: 应为 UTF-8 编码") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = f"第 {mark.line + 1} 行" if mark else ""
        problem = getattr(e, "problem", None) or type(e).__name__
        raise MetaError(f"{source}: YAML 格式错误 {line}：{problem}") from None
    if data is None:
        raise MetaError(f"{source}: 文件为空")
    if not isinstance(data, dict):
        raise MetaError(f"{source}: 应为字段映射（id: …, title: …）")
    return data


def read_meta(source: Path | str | bytes | dict[str, Any] | PolicyMeta) -> PolicyMeta:
    """Read a META.yaml (a path, its text or bytes, a mapping, or a PolicyMeta as is).

    Raises:
        MetaError: an unreadable file, bad YAML, or a missing or bad field (one line naming it).
    """
    if isinstance(source, PolicyMeta):
        return source
    if isinstance(source, dict):
        return parse_meta(source)
    if isinstance(source, Path):
        if not source.is_file():
            raise MetaError(f"{source.name}: 文件不存在")
        if source.stat().st_size > MAX_META_BYTES:
            raise MetaError(f"{source.name}: 文件过大（上限 {MAX_META_BYTES // 1024} KB）")
        return parse_meta(load_yaml(source.read_bytes(), source.name), source.name)
    return parse_meta(load_yaml(source))
