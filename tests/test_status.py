"""Status says no more than the text: stated windows and terms, counted as the Civil Code counts, in Beijing time."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from calculators.models import Window
from calculators.periods import civil_code_last_day
from calculators.status import NO_TERM, status_detail, status_on
from navigator.programmes import registry
from navigator.service import Profile, compare, match, status, status_detail as service_detail

UTC = dt.UTC


def window(pid: str) -> Window:
    return registry().get(pid).window


def test_civil_code_counting():
    # 第二百零一条: the starting day is not counted; 第二百零二条: the corresponding day ends the period.
    assert civil_code_last_day(dt.date(2019, 8, 14), 3) == dt.date(2022, 8, 14)
    # No corresponding day: the last day of the month.
    assert civil_code_last_day(dt.date(2020, 2, 29), 1) == dt.date(2021, 2, 28)
    assert civil_code_last_day(dt.date(2020, 2, 29), 4) == dt.date(2024, 2, 29)


def test_a_validity_term_runs_to_24_00_of_its_last_day():
    w = window("baiyun-2019-public-cloud")
    assert w.last_day() == dt.date(2022, 8, 14)
    assert status_on(w, dt.date(2022, 8, 14)) == "open"
    assert status_on(w, dt.datetime(2022, 8, 14, 23, 59)) == "open"
    assert status_on(w, dt.datetime(2022, 8, 15, 0, 0)) == "closed"
    assert status_detail(w, dt.date(2022, 8, 15)).note == "有效期已于2022年8月14日24:00届满"
    assert status_detail(w, dt.date(2022, 8, 15)).citation.article == "第二十二条"


def test_a_window_with_hours():
    w = window("guangdong-2020-cloud-voucher")
    assert status_detail(w, dt.date(2020, 5, 25)).model_dump(include={"status", "note"}) == {
        "status": "open", "note": "当日10:00起"}
    assert status_detail(w, dt.date(2020, 9, 30)).note == "当日17:00止"
    assert status_on(w, dt.datetime(2020, 5, 25, 9, 59)) == "not_yet_open"
    assert status_detail(w, dt.datetime(2020, 5, 25, 9, 59)).note == "2020年5月25日10:00起"
    assert status_on(w, dt.datetime(2020, 5, 25, 10, 0)) == "open"
    assert status_on(w, dt.datetime(2020, 9, 30, 16, 59)) == "open"
    assert status_on(w, dt.datetime(2020, 9, 30, 17, 0)) == "closed"
    assert status_detail(w, dt.date(2020, 10, 1)).note == "已于2020年9月30日17:00截止"


def test_an_aware_date_time_is_read_in_beijing_time():
    w = window("guangdong-2020-cloud-voucher")
    # 02:00 UTC is 10:00 in Beijing; 01:59 UTC is 09:59.
    assert status_on(w, dt.datetime(2020, 5, 25, 2, 0, tzinfo=UTC)) == "open"
    assert status_on(w, dt.datetime(2020, 5, 25, 1, 59, tzinfo=UTC)) == "not_yet_open"
    assert status_on(w, dt.datetime(2020, 9, 30, 9, 0, tzinfo=UTC)) == "closed"


@pytest.mark.parametrize("pid", ["dongguan-2015-cloud-voucher", "dongguan-2015-platform-certification",
                                 "guangdong-2018-supplier-pool", "yichun-2023-cloud-subsidy",
                                 "yichun-2023-provider-filing"])
def test_a_text_without_term_or_window_is_never_open(pid):
    w = window(pid)
    for day in (dt.date(2024, 1, 1), dt.date(2026, 11, 23), dt.date(2040, 1, 1)):
        d = status_detail(w, day)
        assert (d.status, d.note) == ("unknown", NO_TERM)
        assert d.citation == w.cite


def test_open_only_where_a_stated_window_or_validity_covers_the_date():
    reg = registry()
    for day in [dt.date(y, m, 1) for y in range(2015, 2031) for m in (1, 6)]:
        for prog in reg.programmes.values():
            if status(prog, day) == "open":
                w = prog.window
                assert w.kind in ("period", "validity"), prog.id
                end = w.closes.date() if w.closes else w.last_day()
                assert w.opens.date() <= day <= end, (prog.id, day)


def test_window_shapes_are_validated():
    cite = window("baiyun-2019-public-cloud").cite
    with pytest.raises(ValidationError, match="closes"):
        Window(kind="period", opens=dt.datetime(2020, 1, 1), text="x", cite=cite)
    with pytest.raises(ValidationError, match="term_years"):
        Window(kind="validity", opens=dt.datetime(2020, 1, 1), text="x", cite=cite)
    with pytest.raises(ValidationError, match="after opens"):
        Window(kind="period", opens=dt.datetime(2020, 1, 2), closes=dt.datetime(2020, 1, 1), text="x", cite=cite)


def test_match_and_compare_carry_the_status_note_and_its_article():
    results = {r["programme"]: r for r in match(Profile(), dt.date(2020, 9, 30))}
    gd = results["guangdong-2020-cloud-voucher"]
    assert (gd["status"], gd["status_note"]) == ("open", "当日17:00止")
    assert gd["status_citation"]["article"] == "一、时间安排（一）"
    dg = results["dongguan-2015-cloud-voucher"]
    assert (dg["status"], dg["status_note"]) == ("unknown", NO_TERM)
    row = compare(["guangdong-2020-cloud-voucher"], dt.datetime(2020, 9, 30, 17, 0))["programmes"][0]
    assert row["status"] == "closed" and row["status_citation"]["quote"]
    assert service_detail(registry().get("baiyun-2019-diagnosis"), dt.date(2022, 8, 14)).status == "open"
