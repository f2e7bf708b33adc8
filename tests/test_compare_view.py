"""政策对比's content, computed against the real texts: the same rows for every programme, restrictions, portals and
forms with their articles, what each text says about combining it with other support, and bad ids refused."""

from __future__ import annotations

import datetime as dt

import pytest

from calculators.estimate import InputError
from navigator import compare_view as cv
from navigator import labels
from navigator.corpus import load_corpus
from navigator.programmes import registry

BEFORE_2020_WINDOW_CLOSED = dt.date(2020, 6, 1)  # Guangdong 2020: 2020-05-25 10:00 to 2020-09-30 17:00
AFTER_BAIYUN_EXPIRED = dt.date(2022, 8, 15)  # Baiyun: three years from 2019-08-14, through 2022-08-14


@pytest.fixture(scope="module")
def every():
    reg = registry()
    return cv.comparison(list(reg.programmes), BEFORE_2020_WINDOW_CLOSED, reg)


def test_every_programme_has_the_same_rows_in_the_same_order(every):
    reg = registry()
    assert [c.id for c in every.columns] == list(reg.programmes)  # ids and count from the registry
    keys = [c.key for c in every.columns[0].cells]
    assert len(set(keys)) == len(keys)
    for col in every.columns:
        assert [c.key for c in col.cells] == keys
        assert [c.label for c in col.cells] == every.rows
    assert "状态（2020-06-01）" in every.rows
    assert {"restrictions", "portals", "forms", "contacts", "materials", "process"} <= set(keys)


def test_restrictions_portals_and_forms_are_quoted_from_their_articles(every):
    corpus = load_corpus()
    for col in every.columns:
        for cited in (*col.restrictions, *col.portals, *col.forms):
            article = corpus.docs[cited.citation.doc_id].article_by_label(cited.citation.article)
            assert article is not None and cited.citation.quote in article.text, (col.id, cited)
        rows = {c.key: c for c in col.cells}
        assert [i.text for i in rows["restrictions"].items] == [r.text for r in col.restrictions]
        assert [i.text for i in rows["forms"].items] == [f.text for f in col.forms]
        assert [i.url for i in rows["portals"].items] == [p.url for p in col.portals]
    baiyun = next(c for c in every.columns if c.id == "baiyun-2019-public-cloud")
    assert any("不得转让、买卖、质押、赠送" in r.text and r.citation.article == "第十条" for r in baiyun.restrictions)
    assert any("五年内不再给予" in r.text for r in baiyun.restrictions)  # 第二十条
    assert any(f.text.startswith("服务券申请单") for f in baiyun.forms)


def test_a_portal_address_is_shown_only_where_the_text_prints_it(every):
    corpus = load_corpus()
    with_url = without_url = 0
    for col in every.columns:
        for p in col.portals:
            body = corpus.docs[p.citation.doc_id].body
            if p.url:
                with_url += 1
                assert p.url.rstrip("/") in body, p
                assert cv.NO_URL not in p.text
            else:
                without_url += 1
                assert p.text.endswith(cv.NO_URL), p
    assert with_url and without_url  # both occur in the five texts (Guangdong 2020 prints its platform's URL)


def test_status_row_is_evaluated_on_the_date_and_says_why():
    reg = registry()
    ids = ["guangdong-2020-cloud-voucher", "baiyun-2019-public-cloud", "dongguan-2015-cloud-voucher"]
    open_day = {c.id: c for c in cv.comparison(ids, BEFORE_2020_WINDOW_CLOSED, reg).columns}
    later = {c.id: c for c in cv.comparison(ids, AFTER_BAIYUN_EXPIRED, reg).columns}
    assert open_day["guangdong-2020-cloud-voucher"].status == "open"
    assert cv.row_of(open_day["guangdong-2020-cloud-voucher"], "status").text == labels.status_label("open")
    assert later["guangdong-2020-cloud-voucher"].status == "closed"
    assert open_day["baiyun-2019-public-cloud"].status == "open" and later["baiyun-2019-public-cloud"].status == "closed"
    closed = cv.row_of(later["baiyun-2019-public-cloud"], "status")
    assert closed.label == "状态（2022-08-15）" and "不可再申报" in closed.text and "2022年8月14日" in closed.text
    # A text without a validity or window is never "open": unknown, and it says so.
    dongguan = later["dongguan-2015-cloud-voucher"]
    assert dongguan.status == "unknown" and "文件未规定有效期" in (dongguan.status_note or "")


def test_combining_notes_are_those_with_a_combining_word(every):
    words = labels.labels()["combining_words"]
    for col in every.columns:
        for n in col.combining:
            assert any(w in n.text for w in words), n
    by_id = {c.id: c for c in every.columns}
    yichun = by_id["yichun-2023-cloud-subsidy"]
    assert [n.citation.article for n in yichun.combining] == ["四、附则（二）"]
    assert "就高不重复" in yichun.combining[0].text and yichun.shared_cap is None
    assert not by_id["dongguan-2015-cloud-voucher"].combining  # its text says nothing about combining
    assert cv.speaks_of_combining("按“就高不重复”原则执行") and not cv.speaks_of_combining("给予服务费80%的补贴")


def test_baiyun_shared_cap_is_one_card_with_the_fuller_quote(every):
    reg = registry()
    for col in (c for c in every.columns if c.id.startswith("baiyun-2019-")):
        cap = reg.shared_cap_for(reg.get(col.id))
        assert col.shared_cap is not None and col.shared_cap.text.startswith("合计上限：")
        # 第十二条's sentence on applying for several vouchers carries the cap's own words: one card, not two.
        assert col.shared_cap.citation.article == cap.cap_cny.cite.article == "第十二条"
        assert cap.cap_cny.cite.quote in col.shared_cap.citation.quote
        assert "可同时申请多种服务券" in col.shared_cap.text
        assert not [n for n in col.combining if n.citation.article == "第十二条"]


def test_unknown_or_missing_ids_are_refused_in_chinese():
    reg = registry()
    with pytest.raises(InputError, match=r"未知的项目编号“yichun-2023-cloud-subsdy”.*yichun-2023-cloud-subsidy"):
        cv.comparison(["yichun-2023-cloud-subsdy"], BEFORE_2020_WINDOW_CLOSED, reg)
    with pytest.raises(InputError, match="请至少指定一个项目编号"):
        cv.comparison([], BEFORE_2020_WINDOW_CLOSED, reg)


def test_default_choice_is_one_enterprise_programme_per_document():
    reg = registry()
    chosen = cv.default_choice(reg)
    assert len(chosen) == 3
    assert len({reg.get(p).doc for p in chosen}) == 3
    assert all(reg.get(p).side == "enterprise" for p in chosen)
