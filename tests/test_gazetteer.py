"""The gazetteer knows Guangdong's county-level places, and its short forms are safe in free text."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from navigator.gazetteer import gazetteer

TOWNS_ONLY = {"东莞市", "中山市"}  # no county-level divisions: towns under the city directly


@pytest.mark.parametrize(("name", "city"), [
    ("英德", "清远市"), ("英德市", "清远市"), ("连山", "清远市"), ("连南瑶族自治县", "清远市"),
    ("普宁", "揭阳市"), ("揭西县", "揭阳市"),
    ("台山", "江门市"), ("新会区", "江门市"), ("开平市", "江门市"), ("恩平", "江门市"),
    ("博罗县", "惠州市"), ("博罗", "惠州市"), ("惠阳区", "惠州市"),
    ("阳春", "阳江市"), ("阳东区", "阳江市"),
    ("廉江", "湛江市"), ("雷州", "湛江市"),
    ("潮阳", "汕头市"), ("澄海", "汕头市"), ("南澳县", "汕头市"),
    ("四会", "肇庆市"), ("高要区", "肇庆市"), ("鼎湖", "肇庆市"),
    ("兴宁", "梅州市"), ("梅县区", "梅州市"),
    ("乐昌", "韶关市"), ("曲江区", "韶关市"), ("乳源", "韶关市"),
    ("罗定", "云浮市"), ("云安区", "云浮市"),
    ("陆丰", "汕尾市"), ("海丰县", "汕尾市"),
    ("高州", "茂名市"), ("电白区", "茂名市"),
    ("龙川", "河源市"), ("紫金县", "河源市"),
    ("饶平", "潮州市"), ("潮安区", "潮州市"),
])
def test_a_county_level_place_gives_its_city(name, city):
    assert gazetteer().city_of(name) == city


def test_every_guangdong_city_with_counties_has_district_entries():
    g = gazetteer()
    with_entries = {info["city"] for info in g.districts.values()}
    cities = [c for group in ("pearl_river_delta", "east_west_north") for c in g.groups[group]]
    assert len(cities) == 21
    missing = [c for c in cities if c not in TOWNS_ONLY and c not in with_entries]
    assert not missing
    assert not TOWNS_ONLY & with_entries


@pytest.mark.parametrize("text", [
    "我们对平台有高要求，公开平台上的创新会议",
    "开始兴建厂房，内容更新丰富，资金平台和资金平衡",
    "技术水平远高于同行，资源城市，连平台账号都没有",
    "这项优惠东莞能享受吗？就优惠来说，优惠城镇土地使用税",
    "中国电信宜昌分公司提供云安全服务，有序用电白名单",
    "空气清新，新兴产业，和平台签了合同，推广宁波经验",
])
def test_risky_short_forms_are_not_read_as_places(text):
    """No county is read from the sentence (a city named in it, 东莞 or 宜昌, is read as itself)."""
    found = [name for level, name in gazetteer().mentions(text) if level == "district"]
    assert not found, found


def test_a_sentence_of_common_words_names_no_place():
    assert gazetteer().mentions("我们对平台有高要求，公开平台上的创新会议") == []


def test_a_place_that_stops_a_short_form_stays_itself():
    g = gazetteer()
    assert g.mentions("优惠东莞企业") == [("city", "东莞市")]
    assert g.mentions("电信宜昌分公司") == [("city", "宜昌市")]
    assert g.mentions("湖北黄梅县的企业") == [("province", "湖北省")]  # not 梅县 (梅州市)


def test_no_alias_is_shared_by_two_entries():
    g = gazetteer()
    spellings = Counter()
    for name, aliases in g.provinces.items():
        spellings.update({name, *(a for a in aliases or [] if len(a) > 1)})
    for section in (g.cities, g.districts):
        for name, info in section.items():
            spellings.update({name, *(info.get("aliases") or [])})
    # a 直辖市 is both a province and a city of the same name; nothing else may repeat
    municipalities = {n for n, info in g.cities.items() if info.get("province") == n}
    shared = {s for s, n in spellings.items() if n > 1}
    allowed = municipalities | {a for m in municipalities for a in g.provinces.get(m, [])}
    assert shared <= allowed, shared - allowed


def test_no_district_short_form_is_one_character():
    assert not [(n, a) for n, info in gazetteer().districts.items() for a in info.get("aliases") or [] if len(a) < 2]


@pytest.mark.parametrize(("question", "total"), [
    ("英德一家陶瓷厂上云合同20万，2020年省服务券能补多少", "160000.00"),  # 粤东西北: 80 %
    ("台山一家五金厂上云合同20万，2020年省服务券能补多少", "140000.00"),  # 珠三角: 70 %
])
def test_a_county_named_alone_decides_the_rate(question, total):
    from navigator.answer import answerer

    r = answerer().ask(question, as_of=dt.date(2021, 1, 1))
    assert r["estimate"] is not None and r["estimate"]["total_cny"] == total, r["answer"][:300]
