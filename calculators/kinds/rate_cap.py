"""One rate on one amount, capped, paid once (Baiyun one-year lines, Yichun)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field, model_validator

from calculators.base import (
    CalculatorKind,
    Citation,
    CitedDecimal,
    CitedInt,
    CitedText,
    Headline,
    InputSpec,
    ItemEstimate,
    KindContext,
    Note,
    Step,
    YearAmount,
    fen,
    money_input,
    money_text,
    pct,
    require,
    unique_citations,
    unit_label,
    wan,
)

if TYPE_CHECKING:
    from calculators.models import Programme


class RateCap(CalculatorKind):
    """``rate`` × the amount, at most ``cap_cny``; the support is given once (``years`` = 1)."""

    kind: Literal["rate_cap"]
    input: Literal["fees_cny", "contract_cny"]
    base: CitedText
    rate: CitedDecimal
    cap_cny: CitedDecimal
    years: CitedInt = Field(description="How often the support is given: once (同一企业只能享受一年 / 只能申领一次).")

    @model_validator(mode="after")
    def _once(self) -> RateCap:
        if self.years.value != 1:
            raise ValueError("a rate_cap calculator pays once; several years of support are a yearly_rates calculator")
        return self

    def input_specs(self) -> list[InputSpec]:
        return [InputSpec(name=self.input, label=unit_label(self.label(self.input, self.base.text), "yuan"),
                          unit="yuan", required=True)]

    def headline(self) -> Headline:
        return Headline(rate_text=f"{self.base.text}的{pct(self.rate.value)}", cap_text=f"单个企业最高{wan(self.cap_cny.value)}",
                        years=self.years.value, cap_cny=self.cap_cny.value,
                        citations=unique_citations([self.rate.cite, self.cap_cny.cite, self.years.cite]))

    def citations(self) -> list[Citation]:
        return unique_citations([*self.headline().citations, self.base.cite, *(w.cite for w in self.warnings)])

    def compute(self, prog: Programme, inputs: dict[str, Any], ctx: KindContext) -> ItemEstimate:
        name = self.named(self.input)
        base = money_input(require(inputs, self.input, name), name)
        raw = fen(base * self.rate.value)
        steps = [Step(text=f"{self.base.text} {money_text(base)} 元 × {pct(self.rate.value)} = {money_text(raw)} 元",
                      amount_cny=raw, citation=self.rate.cite, programme=prog.id)]
        amount = raw
        if raw > self.cap_cny.value:
            amount = fen(self.cap_cny.value)
            steps.append(Step(text=f"超过最高额度 {money_text(self.cap_cny.value)} 元（{wan(self.cap_cny.value)}），按上限计",
                              amount_cny=amount, citation=self.cap_cny.cite, programme=prog.id))
        notes = [Note(text=f"只补一次：{self.years.cite.quote}", citation=self.years.cite), *self.warning_notes()]
        return ItemEstimate(programme=prog.id, total_cny=amount, schedule=[YearAmount(year=1, amount_cny=amount)],
                            steps=steps, notes=notes)
