"""A rate whose yearly cap depends on tax paid, with its own rule for new key investment enterprises (Baiyun public cloud).

Two sentences of 第十一条（二） can be read more than one way, and every reading is
computed: at a tier's bound both 以上 and 以下 include the number (民法典第一千二百五十九条),
and the sentence on 新招商重点企业 may set their cap, set their amount, or leave the
tax tiers in force. The data names the readings, the default and why; the
estimate follows the default and lists the others as alternatives.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field, model_validator

from calculators.base import (
    CalculatorKind,
    Citation,
    CitedDecimal,
    CitedInt,
    CitedText,
    Headline,
    InputError,
    InputSpec,
    ItemAlternative,
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
    wan,
)
from calculators.kinds.common import Ambiguity, check_ambiguities, cn_number

if TYPE_CHECKING:
    from calculators.models import Programme

TAX = "annual_tax_cny"
NEW_KEY = "new_key_investment"
CAPITAL = "paid_in_capital_cny"
READINGS = {"tier_boundary": {"higher", "lower"}, "new_key": {"capital_cap", "capital_amount", "tax_tier"}}


class Tier(Model):
    """A yearly cap for tax paid from ``min_tax_cny`` (以上: inclusive) up to the next tier's bound."""

    min_tax_cny: Decimal = Field(description="Lower bound of the tax paid, inclusive (以上).")
    max_tax_cny: Decimal | None = Field(default=None, description="An upper bound the text states with 以下 "
                                                                   "(inclusive); None when it states none.")
    cap_cny: Decimal = Field(description="Yearly cap for enterprises in the tier.")
    cite: Citation


class TaxTiered(CalculatorKind):
    """``rate`` × the fees, capped by the tax tier, or for new key investment enterprises by paid-in capital."""

    kind: Literal["tax_tiered"]
    input: Literal["fees_cny"] = "fees_cny"
    base: CitedText
    rate: CitedDecimal
    tiers: list[Tier] = Field(min_length=1, description="Highest threshold first; the last starts at 0.")
    new_key_rate: CitedDecimal = Field(description="Share of paid-in capital for new key investment enterprises.")
    new_key_cap_cny: CitedDecimal
    years: CitedInt = Field(description="The cycle of yearly applications (补贴额度周期).")
    readings: list[Ambiguity] = Field(description="The ambiguous sentences: tier_boundary and new_key.")

    @model_validator(mode="after")
    def _well_formed(self) -> TaxTiered:
        mins = [t.min_tax_cny for t in self.tiers]
        if mins != sorted(mins, reverse=True) or len(set(mins)) != len(mins) or mins[-1] != 0:
            raise ValueError("tiers go from the highest threshold down to 0, each threshold once")
        check_ambiguities(self.readings, READINGS)
        return self

    def ambiguity(self, ambiguity_id: str) -> Ambiguity:
        """One of the kind's ambiguous sentences, by id."""
        return next(a for a in self.readings if a.id == ambiguity_id)

    # --- self-description ---------------------------------------------------------------------------

    def input_specs(self) -> list[InputSpec]:
        return [
            InputSpec(name=self.input, label=unit_label(self.label(self.input, self.base.text), "yuan"), unit="yuan",
                      required=True),
            InputSpec(name=TAX, label=unit_label(self.label(TAX), "yuan"), unit="yuan", required=True,
                      profile_field=TAX),
            InputSpec(name=NEW_KEY, label=self.label(NEW_KEY), unit="bool", required=False, profile_field=NEW_KEY),
            InputSpec(name=CAPITAL, label=unit_label(self.label(CAPITAL), "yuan"), unit="yuan", required=False,
                      needed_when=NEW_KEY, replaces=TAX, profile_field=CAPITAL),
        ]

    def headline(self) -> Headline:
        tiers = []
        for t in self.tiers:
            if t.min_tax_cny > 0:
                tiers.append(f"{wan(t.min_tax_cny)}以上当年最高{wan(t.cap_cny)}")
            elif t.max_tax_cny is not None:
                tiers.append(f"{wan(t.max_tax_cny)}以下当年最高{wan(t.cap_cny)}")
            else:
                tiers.append(f"其余当年最高{wan(t.cap_cny)}")
        cap_text = (f"按{self.label(TAX)}：{'，'.join(tiers)}；{self.label(NEW_KEY)}为{self.label(CAPITAL)}的"
                    f"{pct(self.new_key_rate.value)}，当年最高{wan(self.new_key_cap_cny.value)}")
        top = max([*(t.cap_cny for t in self.tiers), self.new_key_cap_cny.value])
        return Headline(rate_text=f"{self.base.text}的{pct(self.rate.value)}", cap_text=cap_text,
                        years=self.years.value, cap_cny=top, citations=self._headline_cites())

    def _headline_cites(self) -> list[Citation]:
        return unique_citations([self.rate.cite, *(t.cite for t in self.tiers), self.new_key_rate.cite,
                                 self.new_key_cap_cny.cite, self.years.cite])

    def citations(self) -> list[Citation]:
        return unique_citations([*self._headline_cites(), self.base.cite, *(a.cite for a in self.readings),
                                 *(w.cite for w in self.warnings)])

    # --- computation ----------------------------------------------------------------------------------

    def tiers_for(self, tax: Decimal) -> list[Tier]:
        """The tiers whose wording covers ``tax``, highest first: more than one only at a bound 以上 and 以下 share."""
        reached = next(t for t in self.tiers if tax >= t.min_tax_cny)
        also = [t for t in self.tiers if t is not reached and t.max_tax_cny is not None
                and t.min_tax_cny <= tax <= t.max_tax_cny]
        return [reached, *also]

    def compute(self, prog: Programme, inputs: dict[str, Any], ctx: KindContext) -> ItemEstimate:
        fees = money_input(require(inputs, self.input, self.named(self.input)), self.named(self.input))
        new_key = flag_input(inputs, NEW_KEY, self.named(NEW_KEY))
        tax = money_input(inputs[TAX], self.named(TAX)) if inputs.get(TAX) is not None else None
        capital = money_input(inputs[CAPITAL], self.named(CAPITAL)) if inputs.get(CAPITAL) is not None else None
        if new_key and capital is None:
            raise InputError(f"缺少输入项：{self.named(CAPITAL)}；{self.label(NEW_KEY)}的补贴上限按"
                             f"{self.label(CAPITAL)}计算")
        if not new_key and tax is None:
            raise InputError(f"缺少输入项：{self.named(TAX)}；补贴上限按{self.label(TAX)}分档")
        raw = fen(fees * self.rate.value)
        rate_step = Step(text=f"{self.base.text} {money_text(fees)} 元 × {pct(self.rate.value)} = {money_text(raw)} 元",
                         amount_cny=raw, citation=self.rate.cite, programme=prog.id)
        boundary, key_rule = self.ambiguity("tier_boundary"), self.ambiguity("new_key")
        reading = key_rule.default if new_key else "tax_tier"
        steps, amount = self._apply(prog, reading, boundary.default, raw, tax, capital, new_key)
        notes = [Note(text=f"补贴额度周期为{cn_number(self.years.value)}年，逐年申请：以上为一年的额度",
                      citation=self.years.cite)]
        alternatives: list[ItemAlternative] = []

        def consider(text: str, cite: Citation, other_steps: list[Step], other: Decimal) -> None:
            if other == amount:
                notes.append(Note(text=f"另一读法（{text}）结果相同：{money_text(other)} 元", citation=cite))
            else:
                alternatives.append(ItemAlternative(reading=text, total_cny=other,
                                                    schedule=[YearAmount(year=1, amount_cny=other)], citation=cite,
                                                    steps=[rate_step, *other_steps]))

        if new_key:
            notes.append(Note(text=f"{self.label(NEW_KEY)}一句有{len(key_rule.readings)}种读法，默认："
                                   f"{key_rule.text(key_rule.default)}。理由：{key_rule.why}", citation=key_rule.cite))
            for other in key_rule.others():
                if other.id == "tax_tier" and tax is None:
                    notes.append(Note(text=f"另一读法（{other.text}）需要{self.label(TAX)}，未提供，未计算",
                                      citation=key_rule.cite))
                    continue
                consider(other.text, key_rule.cite, *self._apply(prog, other.id, boundary.default, raw, tax, capital,
                                                                 new_key))
        if tax is not None and len(self.tiers_for(tax)) > 1 and reading == "tax_tier":
            for other in boundary.others():
                consider(other.text, boundary.cite, *self._apply(prog, reading, other.id, raw, tax, capital, new_key))
        notes += self.warning_notes()
        return ItemEstimate(programme=prog.id, total_cny=amount, schedule=[YearAmount(year=1, amount_cny=amount)],
                            steps=[rate_step, *steps], notes=notes, alternatives=alternatives)

    def _apply(self, prog: Programme, reading: str, boundary_choice: str, raw: Decimal, tax: Decimal | None,
               capital: Decimal | None, new_key: bool) -> tuple[list[Step], Decimal]:
        """The steps and the year's amount under one reading of the new-key sentence and of a tier bound."""
        key_label, cap_label = self.label(NEW_KEY), self.label(CAPITAL)
        if reading in ("capital_cap", "capital_amount"):
            assert capital is not None
            by_capital = fen(capital * self.new_key_rate.value)
            cap = min(by_capital, fen(self.new_key_cap_cny.value))
            unused = f"；此读法不看{self.label(TAX)}" if tax is not None else ""
            text = self.ambiguity("new_key").text(reading)
            if reading == "capital_amount":
                step = Step(text=f"{key_label}（{text}）：{cap_label} {money_text(capital)} 元 × "
                                 f"{pct(self.new_key_rate.value)} = {money_text(by_capital)} 元，且不超过 "
                                 f"{money_text(self.new_key_cap_cny.value)} 元，补贴 {money_text(cap)} 元{unused}",
                            amount_cny=cap, citation=self.new_key_cap_cny.cite, programme=prog.id)
                return [step], cap
            steps = [Step(text=f"{key_label}（{text}）：{cap_label} {money_text(capital)} 元 × "
                               f"{pct(self.new_key_rate.value)} = {money_text(by_capital)} 元，且不超过 "
                               f"{money_text(self.new_key_cap_cny.value)} 元，当年上限 {money_text(cap)} 元{unused}",
                          amount_cny=cap, citation=self.new_key_cap_cny.cite, programme=prog.id)]
            return self._capped(prog, steps, raw, cap, self.new_key_cap_cny.cite)
        assert tax is not None
        covering = self.tiers_for(tax)
        tier = covering[0] if boundary_choice == "higher" else covering[-1]
        prefix = f"{key_label}按另一读法（按纳税额分档）：" if new_key else ""
        if len(covering) > 1:
            boundary = self.ambiguity("tier_boundary")
            text = (f"{prefix}{self.label(TAX)} {money_text(tax)} 元，恰在分档数额上：{boundary.why}；"
                    f"此处按{boundary.text(boundary_choice)}，单个企业当年最高 {money_text(tier.cap_cny)} 元")
        else:
            bound = (f"≥ {money_text(tier.min_tax_cny)} 元" if tier.min_tax_cny > 0
                     else f"低于 {money_text(self.tiers[-2].min_tax_cny)} 元" if len(self.tiers) > 1 else "")
            text = f"{prefix}{self.label(TAX)} {money_text(tax)} 元（{bound}），单个企业当年最高 {money_text(tier.cap_cny)} 元"
        steps = [Step(text=text, amount_cny=fen(tier.cap_cny), citation=tier.cite, programme=prog.id)]
        return self._capped(prog, steps, raw, fen(tier.cap_cny), tier.cite)

    @staticmethod
    def _capped(prog: Programme, steps: list[Step], raw: Decimal, cap: Decimal,
                cite: Citation) -> tuple[list[Step], Decimal]:
        if raw > cap:
            steps.append(Step(text=f"{money_text(raw)} 元超过当年上限，按 {money_text(cap)} 元计", amount_cny=cap,
                              citation=cite, programme=prog.id))
            return steps, cap
        return steps, raw
