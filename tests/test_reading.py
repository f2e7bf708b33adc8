"""The reader against a table of questions (tests/readings.yaml): places, facts, intents and every amount
bound to its field, line and year, with bad amounts flagged rather than flipped or cut short."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from navigator.reading import reader

ROWS = yaml.safe_load((Path(__file__).parent / "readings.yaml").read_text(encoding="utf-8"))


def test_the_table_is_large_enough():
    assert len(ROWS) >= 150


@pytest.fixture(scope="module")
def rd():
    return reader()


def _amount(a) -> list:
    flag = "partial" if a.partial else a.flag
    return [a.field, None if a.value_cny is None else Decimal(a.value_cny), a.programme, a.year, flag]


def _want(row: list) -> list:
    field, value, *rest = row
    return [field, None if value is None else Decimal(str(value)), *rest]


@pytest.mark.parametrize("row", ROWS, ids=[r["q"][:24] for r in ROWS])
def test_reading(rd, row):
    r = rd.read(row["q"])
    if "amounts" in row:
        got = [_amount(a)[:len(x)] for a, x in zip(r.amounts, row["amounts"], strict=False)]
        want = [_want(x)[:len(x)] for x in row["amounts"]]
        assert got == want, (row["q"], [a.text for a in r.amounts])
        assert len(r.amounts) == len(row["amounts"]), (row["q"], [a.text for a in r.amounts])
    if "places" in row:
        assert [p.name for p in r.places] == row["places"]
    for key, value in (row.get("facts") or {}).items():
        assert r.facts.get(key) == value, (row["q"], key, r.facts)
    for key in row.get("no_facts") or []:
        assert key not in r.facts, (row["q"], key, r.facts)
    for intent in row.get("intents") or []:
        assert intent in r.intents, (row["q"], r.intents)
    for intent in row.get("not_intents") or []:
        assert intent not in r.intents, (row["q"], r.intents)
    for key in ("yes_no", "follow_up", "each_year", "span_years", "asked_year", "still_open", "validity", "summing",
                "asked_dates", "documents", "programmes"):
        if key in row:
            got = getattr(r, key)
            want = row[key]
            if key == "documents":
                got = got[:len(want)]
            assert got == want, (row["q"], key, got)
    if "topic_documents" in row:
        assert rd.topic_documents(row["q"]) == row["topic_documents"]


def test_amounts_carry_their_words(rd):
    r = rd.read("白云区四上企业，全库纳税800万，公有云服务费100万，能补多少？")
    assert [a.text for a in r.amounts] == ["全库纳税800万", "云服务费100万"]


def test_contract_reading_shape(rd):
    doc = rd.read("惠州企业上云上平台合同额10万元，2020年省里补贴多少？").to_contract()
    assert doc["places"] == ["惠州市"]
    assert doc["amounts"] == [{"field": "contract_cny", "programme": None, "year": None, "value_cny": "100000.00",
                               "text": "合同额10万元", "flag": None}]
