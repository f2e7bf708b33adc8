"""Rates that change by year of use, under an optional yearly and cumulative cap (Dongguan, Baiyun software dev)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field

from calculators.base import (
    ZERO,
    CalculatorKind,
    Citation,
    CitedDecimal,
    CitedText,
    Headline,
    InputSpec,
    ItemEstimate,
    KindContext,
    Step,
    YearAmount,
    fen,
    money_list,
    money_text,
    pct,
    require,
    unique_citations,
    unit_label,
    wan,
)
from calculators.kinds.common import cn_number

if TYPE_CHECKING:
    from calculators.models import Programme


class YearlyRates(CalculatorKind):
    """Year 1, 2, ... of use each get their own rate; later years get nothing."""

    kind: Literal["yearly_rates"]
    input: Literal["annual_fees_cny"] = "annual_fees_cny"
    base: CitedText = Field(description="What the rates apply to.")
    rates: list[CitedDecimal] = Field(min_length=1, description="Rate for year 1, 2, ...; later years get nothing.")
    cumulative_cap_cny: CitedDecimal | None = None
    yearly_cap_cny: CitedDecimal | None = None

    def input_specs(self) -> list[InputSpec]:
        return [InputSpec(name=self.input, label=unit_label(self.label(self.input, self.base.text), "yuan_per_year"),
                          unit="yuan_per_year", required=True, per_year_max=len(self.rates))]

    def headline(self) -> Headline:
        rate_text = self.base.text + "、".join(f"第{cn_number(n)}年{pct(r.value)}"
                                              for n, r in enumerate(self.rates, start=1))
        caps = []
        if self.yearly_cap_cny:
            caps.append(f"每年最高{wan(self.yearly_cap_cny.value)}")
        if self.cumulative_cap_cny:
            caps.append(f"{cn_number(len(self.rates))}年累计最高{wan(self.cumulative_cap_cny.value)}")
        cap = self.cumulative_cap_cny or self.yearly_cap_cny
        return Headline(rate_text=rate_text, cap_text="；".join(caps) or None, years=len(self.rates),
                        cap_cny=cap.value if cap else None, citations=self._headline_cites())

    def _headline_cites(self) -> list[Citation]:
        caps = [c.cite for c in (self.yearly_cap_cny, self.cumulative_cap_cny) if c]
        return unique_citations([self.rates[0].cite, *caps, *(r.cite for r in self.rates[1:])])

    def citations(self) -> list[Citation]:
        return unique_citations([*self._headline_cites(), self.base.cite, *(w.cite for w in self.warnings)])

    def compute(self, prog: Programme, inputs: dict[str, Any], ctx: KindContext) -> ItemEstimate:
        name = self.named(self.input)
        fees = money_list(require(inputs, self.input, name), name)
        steps: list[Step] = []
        amounts: list = []
        paid = ZERO
        for year, fee in enumerate(fees, start=1):
            if year > len(self.rates):
                steps.append(Step(text=f"第{year}年：补贴期为前{len(self.rates)}年，第{year}年不予补助", amount_cny=ZERO,
                                  citation=self.rates[-1].cite, programme=prog.id))
                amounts.append(ZERO)
                continue
            rate = self.rates[year - 1]
            amount = fen(fee * rate.value)
            steps.append(Step(text=f"第{year}年：{self.base.text} {money_text(fee)} 元 × {pct(rate.value)} = "
                                   f"{money_text(amount)} 元", amount_cny=amount, citation=rate.cite, programme=prog.id))
            if self.yearly_cap_cny and amount > self.yearly_cap_cny.value:
                amount = fen(self.yearly_cap_cny.value)
                steps.append(Step(text=f"第{year}年：当年上限 {money_text(amount)} 元", amount_cny=amount,
                                  citation=self.yearly_cap_cny.cite, programme=prog.id))
            if self.cumulative_cap_cny:
                room = fen(self.cumulative_cap_cny.value - paid)
                if amount > room:
                    amount = max(room, ZERO)
                    steps.append(Step(
                        text=f"第{year}年：累计上限 {money_text(self.cumulative_cap_cny.value)} 元，"
                             f"已补 {money_text(paid)} 元，本年最多 {money_text(amount)} 元",
                        amount_cny=amount, citation=self.cumulative_cap_cny.cite, programme=prog.id))
            paid += amount
            amounts.append(amount)
        schedule = [YearAmount(year=i, amount_cny=a) for i, a in enumerate(amounts, start=1)]
        return ItemEstimate(programme=prog.id, total_cny=fen(sum(amounts, ZERO)), schedule=schedule, steps=steps,
                            notes=self.warning_notes())
