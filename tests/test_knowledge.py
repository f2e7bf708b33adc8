"""Data health: the corpus is verbatim and parsed, every programme loads with verbatim citations."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from calculators.models import Programme
from navigator.corpus import load_corpus, parse_articles, squash
from navigator.programmes import ProgrammeDataError, load_registry, registry

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
CONTRACT = Path(__file__).resolve().parents[2] / "shared" / "CONTRACT.md"
ROOT = Path(__file__).resolve().parents[1]
REGISTRY = yaml.safe_load((ROOT / "knowledge" / "registry.yaml").read_text(encoding="utf-8"))
SCENARIOS = ROOT / "tests" / "scenarios"


def test_five_documents_with_metadata():
    docs = load_corpus().docs
    assert set(docs) == {"dongguan-2015", "baiyun-2019", "guangdong-2020", "guangdong-2018", "yichun-2023"}
    assert docs["baiyun-2019"].doc_number == "云科工商信〔2019〕22号"
    assert docs["baiyun-2019"].expires_on.isoformat() == "2022-08-14"  # 民法典第二百零一条：始日不计入
    assert docs["yichun-2023"].doc_number is None
    assert docs["dongguan-2015"].doc_number == "东经信〔2015〕220号"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed texts are not beside the project")
def test_corpus_is_the_seed_text_with_extraction_noise_repaired():
    """Every paragraph of knowledge/policies is in its seed, once bold runs are undone and whitespace ignored."""
    for doc in load_corpus().docs.values():
        if not doc.seed:  # a policy added at run time in the data dir has no seed
            continue
        raw = (SEEDS / doc.seed).read_text(encoding="utf-8")
        seed = squash(re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", raw))  # markdown links keep their text
        seed = re.sub(r"(.)\1{3}", r"\1", seed)
        seed = re.sub(r"(.{2,40}?)\1{3}", r"\1", seed)
        for para in doc.body.split("\n\n"):
            assert squash(para) in seed, (doc.id, para[:60])


def test_no_bold_runs_left():
    for doc in load_corpus().docs.values():
        assert not re.search(r"(.)\1{3}", squash(doc.body).replace("0000", "")), doc.id
        assert "（（" not in doc.body


def test_article_labels_a_reader_would_cite():
    c = load_corpus()
    labels = {d: {a.label for a in c.docs[d].articles.values()} for d in c.docs}
    assert {"第十一条（二）", "第十二条", "第十一条（四）2", "第二十一条"} <= labels["baiyun-2019"]
    assert {"四、奖补标准", "一、时间安排（一）", "二、面向范围"} <= labels["guangdong-2020"]
    assert {"二、申报条件（二）", "三、申报审核流程（二）3"} <= labels["yichun-2023"]
    assert {"附件1 二", "附件1 六", "附件2 四", "二、重点工作（一）"} <= labels["guangdong-2018"]
    assert {"第四条（五）", "第十二条"} <= labels["dongguan-2015"]


def test_broken_sentences_are_joined():
    baiyun = load_corpus().docs["baiyun-2019"]
    assert "单个企业可同时申请多种服务券，当年最高补贴额度不超过 200 万元" in baiyun.article_by_label("第十二条").text
    assert "截留、挪用、挤占服务券补助资金等行为" in baiyun.article_by_label("第二十一条").text


def test_parser_tree_and_paths():
    arts = parse_articles("x", "# 办法\n\n第一章 总则\n\n第一条 甲。\n\n（一）乙；\n\n1. 丙。\n\n第二条 丁。")
    by_label = {a.label: a for a in arts.values()}
    assert set(by_label) >= {"第一章 总则", "第一条", "第一条（一）", "第一条（一）1", "第二条"}
    assert by_label["第一条（一）1"].path == ["第一章 总则", "第一条", "第一条（一）"]
    assert "乙" in by_label["第一条"].text and "丙" in by_label["第一条"].text


def test_quote_check_is_whitespace_insensitive_and_strict():
    c = load_corpus()
    assert c.verify_quote("dongguan-2015", "每家企业三年累计补助最高不超过20万元")
    assert c.verify_quote("dongguan-2015", "每家企业三年累计补助最高不超过 20 万元")
    assert not c.verify_quote("dongguan-2015", "每家企业三年累计补助最高不超过100万元")
    with pytest.raises(ValueError):
        c.citation("dongguan-2015", "第十二条", "三年累计补助最高不超过100万元")
    with pytest.raises(ValueError):
        c.citation("dongguan-2015", "第九十九条", "补助")


def test_every_programme_of_the_registry_loads():
    assert list(registry().programmes) == sorted(r["id"] for r in REGISTRY)


@pytest.mark.skipif(not CONTRACT.is_file(), reason="the CLI contract is not beside the project")
def test_the_registry_is_the_contract_s_list_of_ids():
    text = CONTRACT.read_text(encoding="utf-8")
    table = text[text.index("## Programme ids"):text.index("## Profile")]
    ids = set(re.findall(r"^\| `([a-z]+-\d{4}-[a-z0-9-]+)` \|", table, flags=re.M))
    assert ids == {r["id"] for r in REGISTRY}


def programme_citations() -> list[dict]:
    """Every citation object in every programme, as plain dicts."""
    found: list[dict] = []

    def walk(x):
        if isinstance(x, dict):
            if {"doc_id", "article", "quote"} <= set(x):
                found.append(x)
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    for p in registry().programmes.values():
        walk(p.model_dump())
    return found


def test_every_citation_is_verbatim_in_its_article():
    corpus = registry().corpus
    cites = programme_citations()
    for c in cites:
        art = corpus.docs[c["doc_id"]].article_by_label(c["article"])
        assert art is not None and squash(c["quote"]) in squash(art.text), c
    assert len(cites) > 100


def test_loader_refuses_a_quote_not_in_the_text(tmp_path):
    src = Path(__file__).resolve().parents[1] / "knowledge" / "programmes" / "yichun-2023-cloud-subsidy.yaml"
    data = yaml.safe_load(src.read_text(encoding="utf-8"))
    data["calculator"]["cap_cny"]["cite"]["quote"] = "单户企业最高不超过100万元"
    (tmp_path / "yichun-2023-cloud-subsidy.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    with pytest.raises(ProgrammeDataError, match="not found verbatim"):
        load_registry(tmp_path)


def test_loader_refuses_a_value_without_citation(tmp_path):
    src = Path(__file__).resolve().parents[1] / "knowledge" / "programmes" / "yichun-2023-cloud-subsidy.yaml"
    data = yaml.safe_load(src.read_text(encoding="utf-8"))
    del data["calculator"]["rate"]["cite"]
    (tmp_path / "yichun-2023-cloud-subsidy.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    with pytest.raises(ProgrammeDataError, match="cite"):
        load_registry(tmp_path)


def test_no_policy_number_in_python():
    """Rates and caps live in knowledge/, not in code."""
    root = Path(__file__).resolve().parents[1]
    for path in [*root.glob("calculators/**/*.py"), *root.glob("navigator/*.py")]:
        text = path.read_text(encoding="utf-8")
        for figure in ("200000", "100000", "1000000", "0.40", "0.50", "0.80", "20000000", "5000000"):
            assert not re.search(rf"(?<![\d.]){re.escape(figure)}(?![\d])", text), (path.name, figure)


def test_programme_model_forbids_unknown_keys():
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        Programme.model_validate({"id": "x-2020-y", "unknown": 1})


def test_figures_in_programme_texts_come_from_the_policy():
    """Texts written for a programme may only state figures that the programme's document states."""
    reg = registry()
    for p in reg.programmes.values():
        body = squash(reg.corpus.docs[p.doc].body)
        texts = [p.rate_text or "", p.cap_text or "", p.summary, p.who.text, p.window.text]
        texts += [x.text for x in [*p.materials, *p.forms, *p.process, *p.contacts, *p.restrictions, *p.notes,
                                   *p.attestations]]
        texts += [c.label for c in p.eligibility] + [x.name for x in p.portals]
        # A window's end computed from the text (有效期三年 from the issue date) is the window's own data.
        ends = (p.window.opens, p.window.closes, p.window.last_day())
        derived = {str(n) for d in ends if d for n in (d.year, d.month, d.day)}
        for text in texts:
            for fig in re.findall(r"\d+(?:\.\d+)?", text):
                assert fig in body or (text == p.window.text and fig in derived), (p.id, fig, text)


def test_registry_lists_every_programme_with_its_own_scenario_file():
    """One scenario file per programme id, named after it; every other scenario file names a shared data file."""
    reg = registry()
    ids = {r["id"] for r in REGISTRY}
    for r in REGISTRY:
        prog = reg.get(r["id"])
        assert (prog.doc, prog.side) == (r["doc"], r["side"])
        cases = yaml.safe_load((SCENARIOS / f"{r['id']}.yaml").read_text(encoding="utf-8"))
        assert cases, r["id"]
        for case in cases:
            named = {case.get("request", {}).get("programme")} | set(case.get("verdicts") or {}) | set(
                case.get("statuses") or {}) | set(case.get("status_notes") or {})
            named |= {i["programme"] for i in case.get("request", {}).get("items", [])}
            assert r["id"] in named or "profile_error" in case, (r["id"], case["name"])
        assert any("statuses" in c for c in cases), f"{r['id']}: no status case"
        assert any("verdicts" in c for c in cases), f"{r['id']}: no eligibility case"
        assert any("total_cny" in c for c in cases) == (prog.calculator is not None), f"{r['id']}: estimates"
    for path in SCENARIOS.glob("*.yaml"):
        if path.stem.startswith("_"):
            assert (ROOT / "knowledge" / "programmes" / path.name).is_file(), path.name
        else:
            assert path.stem in ids, path.name


def _seed_forms():
    forms = []
    for p in sorted(SEEDS.glob("*.txt")):
        raw = squash(p.read_text(encoding="utf-8"))
        forms += [raw, re.sub(r"(.)\1{3}", r"\1", raw)]
    return forms


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed texts are not beside the project")
def test_every_quote_we_may_give_is_in_the_original_seed_text():
    """Programme quotes and every quotable sentence read the same in the seed (bold runs undone only)."""
    from navigator.quoting import Quoter
    from navigator.reading import lexicon

    forms = _seed_forms()

    def in_seed(q):
        q = squash(q)
        return len(q) >= 4 and any(q in f or re.sub(r"(.)\1{3}", r"\1", q) in f for f in forms)

    reg = registry()
    quotes = [c["quote"] for c in programme_citations()]
    assert [q for q in quotes if not in_seed(q)] == []
    quoter = Quoter(reg.corpus, lexicon())
    sentences = [s.text for s in quoter.sentences]
    assert len(sentences) > 250
    assert [s for s in sentences if not in_seed(s)] == []


# --- every boundary has its below / at / above scenario -------------------------------------------------

def _cases(pid: str) -> list[dict]:
    return yaml.safe_load((SCENARIOS / f"{pid}.yaml").read_text(encoding="utf-8"))


def _as_of(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def _rules(rule):
    yield rule
    for child in [*(getattr(rule, "any_of", None) or []), *(getattr(rule, "all_of", None) or [])]:
        yield from _rules(child)


def _sides(values, bound) -> set[str]:
    return {"below" if v < bound else "at" if v == bound else "above" for v in values}


def test_every_cap_has_estimates_below_at_and_above_it():
    """The amount before the cap falls below, on and above every programme's own cap in its scenarios."""
    from calculators.base import fen
    from navigator.service import estimate

    for prog in registry().programmes.values():
        calc = prog.calculator
        cap = calc.headline().cap_cny if calc is not None else None
        if cap is None or calc.kind == "tax_tiered":
            continue
        rate_cites = [r.cite for r in getattr(calc, "rates", [])] or [calc.rate.cite]
        raws = []
        for c in _cases(prog.id):
            if c.get("request", {}).get("programme") == prog.id and "total_cny" in c:
                steps = estimate(c["request"]).steps
                raws.append(fen(sum(s.amount_cny for s in steps if s.citation in rate_cites)))
        assert _sides(raws, cap) == {"below", "at", "above"}, (prog.id, raws)


def test_every_tax_tier_and_capital_cap_has_cases_below_at_and_above():
    for prog in registry().programmes.values():
        calc = prog.calculator
        if calc is None or calc.kind != "tax_tiered":
            continue
        inputs = [c["request"]["inputs"] for c in _cases(prog.id) if c.get("request", {}).get("programme") == prog.id
                  and "total_cny" in c]
        taxes = [Decimal(str(i["annual_tax_cny"])) for i in inputs if "annual_tax_cny" in i and not i.get(
            "new_key_investment")]
        for tier in calc.tiers:
            if tier.min_tax_cny > 0:
                assert _sides(taxes, tier.min_tax_cny) == {"below", "at", "above"}, (prog.id, tier.min_tax_cny)
        by_capital = [Decimal(str(i["paid_in_capital_cny"])) * calc.new_key_rate.value for i in inputs
                      if i.get("new_key_investment")]
        assert _sides(by_capital, calc.new_key_cap_cny.value) == {"below", "at", "above"}, prog.id


def test_every_threshold_of_eligibility_has_profiles_below_at_and_above():
    from calculators.periods import civil_code_last_day
    from calculators.rules import AtLeast, MinYears

    for prog in registry().programmes.values():
        cases = [c for c in _cases(prog.id) if prog.id in (c.get("verdicts") or {})]
        for criterion in prog.eligibility:
            for rule in _rules(criterion.rule):
                if isinstance(rule, AtLeast):
                    values = [Decimal(str(c["profile"][rule.field])) for c in cases if rule.field in c["profile"]]
                    assert _sides(values, rule.gte) == {"below", "at", "above"}, (prog.id, rule.field)
                if isinstance(rule, MinYears):
                    # The period ends at 24:00 of its last day: at = the last day, above = the day after.
                    offsets = [(_as_of(c["as_of"]) - civil_code_last_day(_as_of(c["profile"][rule.field]),
                                                                         rule.min_years)).days
                               for c in cases if rule.field in c["profile"]]
                    assert _sides(offsets, 0) == {"below", "at", "above"}, (prog.id, rule.field)


def test_every_window_has_status_cases_around_its_ends():
    """The day before and the day of opening; the closing (or last) day and the day after."""
    for prog in registry().programmes.values():
        w = prog.window
        dates = {_as_of(c["as_of"]) for c in _cases(prog.id) if prog.id in (c.get("statuses") or {})}
        start = w.opens.date()
        if w.opens_precision == "year":
            assert any(d.year < start.year for d in dates) and any(d.year == start.year for d in dates), prog.id
        else:
            assert {start - dt.timedelta(days=1), start} <= dates, prog.id
        end = w.closes.date() if w.closes else w.last_day()
        if end is not None:
            assert {end, end + dt.timedelta(days=1)} <= dates, prog.id


# --- rules the texts state, as cited data --------------------------------------------------------------

BAIYUN_RESTRICTIONS = {"第十条": "不得转让", "第十八条": "违法犯罪活动", "第二十条": "五年内不再给予",
                       "第二十一条": "财政违法行为处罚处分条例"}


def _ids_of(doc: str) -> list[str]:
    return [r["id"] for r in REGISTRY if r["doc"] == doc]


def test_baiyun_obligations_and_sanctions_are_cited_restrictions_everywhere():
    from navigator.service import Profile, compare, match

    reg = registry()
    ids = _ids_of("baiyun-2019")
    for pid in ids:
        prog = reg.get(pid)
        cited = {r.cite.article: r.cite.quote for r in prog.restrictions}
        for article, words in BAIYUN_RESTRICTIONS.items():
            assert words in cited.get(article, ""), (pid, article)
        assert any(n.cite.article == "第十三条" and "先到先得" in n.cite.quote for n in prog.notes), pid
    rows = compare(ids)["programmes"]
    assert all({r["citation"]["article"] for r in row["restrictions"]} >= set(BAIYUN_RESTRICTIONS) for row in rows)
    results = [r for r in match(Profile(), dt.date(2021, 6, 1)) if r["programme"] in ids]
    assert all({r["citation"]["article"] for r in res["restrictions"]} >= set(BAIYUN_RESTRICTIONS) for res in results)


def test_yichun_once_only_is_cited_to_the_condition_that_states_it():
    reg = registry()
    for pid in _ids_of("yichun-2023"):
        prog = reg.get(pid)
        for c in programme_citations():
            if c["doc_id"] == "yichun-2023" and "只能申领一次" in c["quote"]:
                assert c["article"] == "二、申报条件（六）", c
        assert "只能申领一次" not in (prog.cap_text or "") + (prog.rate_text or "")
    subsidy = reg.get("yichun-2023-cloud-subsidy")
    assert [r.cite.article for r in subsidy.restrictions] == ["二、申报条件（六）"]


def test_contacts_keep_the_phone_exactly_as_printed():
    for prog in registry().programmes.values():
        for contact in prog.contacts:
            phones = re.findall(r"\d[\d-]{6,}\d", contact.text)
            assert phones, (prog.id, contact.text)
            for phone in phones:
                assert phone in contact.cite.quote, (prog.id, phone)


def test_where_to_apply_is_named_with_only_printed_urls():
    reg = registry()
    portals = {p.id: {x.name: x.url for x in p.portals} for p in reg.programmes.values()}
    assert portals["dongguan-2015-platform-certification"]["智造东莞"] == "http://im.dg.gov.cn"
    assert portals["guangdong-2020-cloud-voucher"]["广东省工业互联网应用服务平台"] == "http://syspt.aiigd.cn/"
    for pid in _ids_of("baiyun-2019"):
        assert portals[pid]["白云区服务券申报系统"] is None
        forms = " ".join(f.text for f in reg.get(pid).forms)
        assert "服务券申请单" in forms and "承诺函" in forms
    assert "附件2" in reg.get("yichun-2023-cloud-subsidy").forms[0].text
    assert "附件1" in reg.get("yichun-2023-provider-filing").forms[0].text
    for prog in reg.programmes.values():
        for p in prog.portals:
            assert p.url is None or p.url.rstrip("/") in p.cite.quote, (prog.id, p.name)


def test_a_portal_url_the_text_does_not_print_is_refused(tmp_path):
    src = ROOT / "knowledge" / "programmes" / "dongguan-2015-platform-certification.yaml"
    data = yaml.safe_load(src.read_text(encoding="utf-8"))
    data["portals"][0]["url"] = "http://example.com"
    (tmp_path / src.name).write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    with pytest.raises(ProgrammeDataError, match="not in the quoted text"):
        load_registry(tmp_path)


def test_the_guangdong_2020_contact_line_is_cited_where_it_stands():
    contact = registry().get("guangdong-2020-cloud-voucher").contacts[0]
    assert contact.cite.article == "落款"
    annexes = load_corpus().docs["guangdong-2020"].article_by_label("附件")
    assert "联系人" not in annexes.text and "2020年5月14日" not in annexes.text


def test_the_dongguan_printing_line_is_not_part_of_article_14():
    doc = load_corpus().docs["dongguan-2015"]
    assert "印发" not in doc.article_by_label("第十四条").text
    assert doc.article_by_label("落款").text == "东莞市经济和信息化局办公室 2015 年 10 月 23 日印发"


def test_a_shared_cap_and_its_programmes_must_name_each_other(tmp_path):
    src = ROOT / "knowledge" / "programmes"
    for path in [src / "_shared_caps.yaml", *src.glob("baiyun-2019-*.yaml")]:
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    assert load_registry(tmp_path).shared_caps
    data = yaml.safe_load((tmp_path / "baiyun-2019-diagnosis.yaml").read_text(encoding="utf-8"))
    del data["shared_cap"]
    (tmp_path / "baiyun-2019-diagnosis.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    with pytest.raises(ProgrammeDataError, match="baiyun-2019-diagnosis is not a programme that names it"):
        load_registry(tmp_path)
