"""A rate that depends on the city (Guangdong 2020), with excluded cities and no stated cap."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field

from calculators.base import (
    CalculatorKind,
    Citation,
    CitedDecimal,
    CitedText,
    Headline,
    InputError,
    InputSpec,
    ItemEstimate,
    KindContext,
    Model,
    Note,
    Step,
    YearAmount,
    fen,
    flag_input,
    money_input,
    money_text,
    pct,
    require,
    unique_citations,
    unit_label,
)

if TYPE_CHECKING:
    from calculators.models import Programme


class RegionGroup(Model):
    """A group of cities sharing one rate (e.g. 珠三角地区 70 %)."""

    name: str
    gazetteer_group: str = Field(description="Key of the city list in knowledge/gazetteer.yaml.")
    rate: CitedDecimal


class Exclusion(Model):
    """A city the programme excludes (e.g. 深圳市除外)."""

    city: str
    cite: Citation


class Regional(CalculatorKind):
    """The contract amount × the rate of the city's group (or the cluster-pilot rate when higher); no cap stated."""

    kind: Literal["regional_rate"]
    input: Literal["contract_cny"] = "contract_cny"
    base: CitedText
    groups: list[RegionGroup] = Field(min_length=1)
    cluster_pilot_rate: CitedDecimal
    excluded: list[Exclusion] = Field(default=[])
    cap_note: CitedText = Field(description="What the text says (or does not say) about a cap.")

    def input_specs(self) -> list[InputSpec]:
        return [
            InputSpec(name=self.input, label=unit_label(self.label(self.input, self.base.text), "yuan"), unit="yuan",
                      required=True),
            InputSpec(name="city", label=self.label("city"), unit="city", required=True, profile_field="city"),
            InputSpec(name="cluster_pilot", label=self.label("cluster_pilot"), unit="bool", required=False,
                      profile_field="cluster_pilot"),
        ]

    def headline(self) -> Headline:
        by_rate: dict = {}
        for g in self.groups:
            by_rate.setdefault(g.rate.value, []).append(g.name)
        by_rate.setdefault(self.cluster_pilot_rate.value, []).append(self.label("cluster_pilot"))
        parts = [f"{pct(rate)}（{'、'.join(names)}）" for rate, names in sorted(by_rate.items())]
        return Headline(rate_text=f"{self.base.text}的{' / '.join(parts)}", cap_text=self.cap_note.text, years=None,
                        cap_cny=None, citations=self._headline_cites())

    def _headline_cites(self) -> list[Citation]:
        return unique_citations([*(g.rate.cite for g in self.groups), self.cluster_pilot_rate.cite, self.cap_note.cite])

    def citations(self) -> list[Citation]:
        return unique_citations([*self._headline_cites(), self.base.cite, *(e.cite for e in self.excluded),
                                 *(w.cite for w in self.warnings)])

    def compute(self, prog: Programme, inputs: dict[str, Any], ctx: KindContext) -> ItemEstimate:
        name = self.named(self.input)
        contract = money_input(require(inputs, self.input, name), name)
        city = ctx.city
        province = prog.region.get("province", "")
        if city is None:
            raise InputError(f"缺少输入项：{self.named('city')}；请填写{province}的地级市，如 清远市、佛山")
        for ex in self.excluded:
            if city == ex.city:
                raise InputError(f"{city}不在《{prog.title}》范围内（{ex.cite.article}：{ex.cite.quote}）")
        pilot = flag_input(inputs, "cluster_pilot", self.named("cluster_pilot"))
        group = next((g for g in self.groups if city in ctx.groups.get(g.gazetteer_group, [])), None)
        if group is None:
            raise InputError(f"{city}不在《{prog.title}》适用的地市内（{province}各地市）")
        rate = group.rate
        reason = f"{city}属{group.name}"
        if pilot and self.cluster_pilot_rate.value > rate.value:
            rate = self.cluster_pilot_rate
            reason = f"{city}，{self.label('cluster_pilot')}"
        amount = fen(contract * rate.value)
        steps = [Step(text=f"{reason}：{self.base.text} {money_text(contract)} 元 × {pct(rate.value)} = "
                           f"{money_text(amount)} 元", amount_cny=amount, citation=rate.cite, programme=prog.id)]
        notes = [Note(text=self.cap_note.text, citation=self.cap_note.cite), *self.warning_notes()]
        return ItemEstimate(programme=prog.id, total_cny=amount, schedule=[YearAmount(year=1, amount_cny=amount)],
                            steps=steps, notes=notes)
