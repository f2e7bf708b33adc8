"""The enquiry log: WAL, concurrent writers, search, feedback, and exports that keep the quotes."""

from __future__ import annotations

import datetime as dt
import io
import sqlite3
import threading

import pytest
from docx import Document

from navigator import enquiry_log, export
from navigator.corpus import load_corpus
from navigator.enquiry_log import EnquiryLog
from navigator.settings import settings


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("NAVIGATOR_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("NAVIGATOR_DATABASE_URL", raising=False)
    settings.cache_clear()
    yield tmp_path
    settings.cache_clear()


@pytest.fixture
def log(data_dir) -> EnquiryLog:
    return enquiry_log.default_log()


def yichun_citation() -> dict:
    """A real citation: the Yichun rate, checked against the text."""
    cite = load_corpus().citation("yichun-2023", "一、补助标准", "按照云服务合同额的50%给予补助")
    return cite.model_dump()


def test_default_log_lives_in_the_data_dir_with_wal(log, data_dir):
    path = data_dir / "enquiries.sqlite3"
    assert log.url == f"sqlite:///{path}"
    log.add("伊春上云补助比例是多少？", "按照云服务合同额的50%给予补助")
    assert path.exists()
    with sqlite3.connect(path) as con:
        assert con.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal"
    with log.engine.connect() as con:
        assert con.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_concurrent_writers_lose_nothing(data_dir):
    # Each thread opens its own store on the same file, as separate server processes would.
    url = f"sqlite:///{data_dir / 'enquiries.sqlite3'}"
    EnquiryLog(url)
    errors: list[BaseException] = []
    start = threading.Barrier(8)

    def writer(n: int) -> None:
        store = EnquiryLog(url)
        start.wait()
        try:
            for i in range(25):
                store.add(f"线程{n}问题{i}", f"答复{n}-{i}", citations=[yichun_citation()], as_of=dt.date(2024, 1, 1))
        except BaseException as e:  # noqa: BLE001
            errors.append(e)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    store = EnquiryLog(url)
    assert store.count() == 200
    questions = {e.question for e in store.search(limit=1000)}
    assert questions == {f"线程{n}问题{i}" for n in range(8) for i in range(25)}


def test_search_get_and_feedback(log):
    cite = yichun_citation()
    a = log.add("伊春上云补助比例是多少？", "按照云服务合同额的50%给予补助，单户企业最高不超过10万元。",
                citations=[cite], programmes=["yichun-2023-cloud-subsidy"], profile={"city": "伊春市"},
                as_of=dt.date(2024, 3, 1), corpus_version=load_corpus().version)
    b = log.add("白云区公有云怎么补？", "给予云服务费50%的补贴", refused=False)
    c = log.add("上海有什么补贴？", "现有政策库未收录上海市的相关政策", refused=True)

    assert [e.id for e in log.search("伊春")] == [a]
    assert [e.id for e in log.search("50%")] == [b, a]  # newest first
    assert [e.id for e in log.search("白云 公有云")] == [b]  # every word must match
    assert log.search("100%") == []  # % is a literal, not a wildcard
    assert {e.id for e in log.search(None)} == {a, b, c}

    got = log.get(a)
    assert got.citations == [cite] and got.programmes == ["yichun-2023-cloud-subsidy"]
    assert got.profile == {"city": "伊春市"} and got.as_of == dt.date(2024, 3, 1)
    assert got.corpus_version == load_corpus().version and got.created_at.tzinfo is not None
    assert log.get(999_999) is None

    log.set_feedback(a, "有用")
    log.set_feedback(b, "需改进", "应说明纳税分档")
    assert log.get(b).feedback == "需改进" and log.get(b).comment == "应说明纳税分档"
    assert [e.id for e in log.search(feedback="有用")] == [a]
    assert [e.id for e in log.search(feedback="none")] == [c]
    assert [e.id for e in log.search("纳税分档")] == [b]  # comments are searchable
    log.set_feedback(b, None)
    assert log.get(b).feedback is None and log.get(b).comment is None
    with pytest.raises(ValueError):
        log.set_feedback(a, "很好")
    with pytest.raises(KeyError):
        log.set_feedback(999_999, "有用")


def test_plain_text_carries_the_citations(log):
    cite = yichun_citation()
    e = log.get(log.add("伊春上云补助比例是多少？", "按合同额的50%补助。", citations=[cite], as_of=dt.date(2024, 3, 1)))
    text = enquiry_log.render_text(e)
    assert text.startswith("问：伊春上云补助比例是多少？")
    assert "答：按合同额的50%补助。" in text
    assert "1. 《伊春市支持工业企业上云补助实施细则》一、补助标准：“按照云服务合同额的50%给予补助”" in text
    assert "评估日期 2024-03-01" in text


def test_export_markdown_and_docx(log):
    baiyun = load_corpus().citation("baiyun-2019", "第十二条", "当年最高补贴额度不超过 200 万元").model_dump()
    ids = [log.add("伊春上云补助比例是多少？", "按合同额的50%补助。\n单户最高10万元。", citations=[yichun_citation()]),
           log.add("白云区多种服务券合计上限？", "合计当年不超过200万元。", citations=[baiyun])]
    entries = [log.get(i) for i in ids]

    md = export.to_markdown(entries)
    assert "共 2 条" in md
    assert "《伊春市支持工业企业上云补助实施细则》 一、补助标准" in md
    assert "> 按照云服务合同额的50%给予补助" in md
    assert "《广州市白云区企业上云上平台服务券实施办法》（云科工商信〔2019〕22号） 第十二条" in md
    assert "按合同额的50%补助。  \n单户最高10万元。" in md  # line breaks survive

    data = export.to_docx(entries)
    doc = Document(io.BytesIO(data))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "政策咨询记录" in text
    assert "“按照云服务合同额的50%给予补助”" in text
    assert "云科工商信〔2019〕22号" in text and "第十二条" in text
    assert "“当年最高补贴额度不超过 200 万元”" in text

    one = Document(io.BytesIO(export.to_docx(entries[:1])))
    assert any("按照云服务合同额的50%给予补助" in p.text for p in one.paragraphs)
    assert export.file_stem(entries[:1]) == f"enquiry-{ids[0]}"


# --- conversations, cases, filters, figures --------------------------------------------------------------------


def test_threads_keep_a_conversation_together_in_the_callers_words(log):
    a = log.add("伊春上云能补多少？", "按照云服务合同额的50%给予补助。", thread="call-1")
    b = log.add("那30万呢？", "单户企业最高不超过10万元。", thread="call-1", read_as="伊春合同额30万能补多少？")
    c = log.add("白云区公有云怎么补？", "给予云服务费50%的补贴。")
    assert log.get(c).thread == f"enquiry-{c}"  # an enquiry without a conversation is its own thread
    assert log.get(a).read_as is None  # nothing to record when the wording was read as is
    threads = log.threads(enquiry_log.Filters(text="30万"))
    assert [t.key for t in threads] == ["call-1"]
    assert [e.id for e in threads[0].enquiries] == [a, b]  # the whole conversation, oldest first
    assert threads[0].enquiries[1].question == "那30万呢？"
    assert threads[0].enquiries[1].read_as == "伊春合同额30万能补多少？"
    assert [t.key for t in log.threads(enquiry_log.Filters())] == [f"enquiry-{c}", "call-1"]  # latest first
    assert log.thread("call-1").first.id == a and log.thread("no-such") is None


def test_case_fields_are_saved_searched_and_filtered(log):
    log.add("伊春上云能补多少？", "按照云服务合同额的50%给予补助。", thread="call-1")
    log.add("白云区公有云怎么补？", "给予云服务费50%的补贴。", thread="call-2")
    case = log.set_case("call-1", caller_name=" 王女士 ", company="伊春林木制品有限公司", phone="0458-1234567",
                        status="待回电", note="周一上午回电")
    assert (case.caller_name, case.status, case.has_personal_data) == ("王女士", "待回电", True)
    assert log.get_case("call-2") == enquiry_log.Case(thread="call-2")
    assert [t.key for t in log.threads(enquiry_log.Filters(text="林木"))] == ["call-1"]
    assert [t.key for t in log.threads(enquiry_log.Filters(text="1234567"))] == ["call-1"]
    assert [t.key for t in log.threads(enquiry_log.Filters(case_status="待回电"))] == ["call-1"]
    assert [t.key for t in log.threads(enquiry_log.Filters(case_status="none"))] == ["call-2"]
    log.set_case("call-1", caller_name="王女士", status="已解决")
    assert log.get_case("call-1").company is None  # the form replaces every field
    with pytest.raises(ValueError):
        log.set_case("call-1", status="处理中")
    with pytest.raises(KeyError):
        log.set_case("no-such-call", caller_name="x")
    long = log.set_case("call-2", phone="1" * 500)
    assert len(long.phone) == 40


def test_filters_by_date_programme_feedback_and_refusal(log):
    beijing = dt.timezone(dt.timedelta(hours=8))
    old = log.add("去年的问题", "答复", programmes=["yichun-2023-cloud-subsidy"],
                  created_at=dt.datetime(2026, 1, 5, 23, 30, tzinfo=beijing))
    late = log.add("北京时间1月6日凌晨的问题", "答复", programmes=["baiyun-2019-public-cloud"],
                   created_at=dt.datetime(2026, 1, 6, 0, 30, tzinfo=beijing))  # 2026-01-05 16:30 UTC
    refused = log.add("上海有什么补贴？", "未收录", refused=True, created_at=dt.datetime(2026, 1, 6, 9, tzinfo=beijing))
    day = enquiry_log.Filters(date_from=dt.date(2026, 1, 6), date_to=dt.date(2026, 1, 6))
    assert {e.id for e in log.query(day)} == {late, refused}  # days are Beijing days
    assert [e.id for e in log.query(enquiry_log.Filters(programme="yichun-2023-cloud-subsidy"))] == [old]
    assert [e.id for e in log.query(enquiry_log.Filters(programme="yichun-2023"))] == []  # whole ids only
    assert [e.id for e in log.query(enquiry_log.Filters(refused=True))] == [refused]
    assert {e.id for e in log.query(enquiry_log.Filters(refused=False))} == {old, late}
    log.set_feedback(old, "有用")
    assert [e.id for e in log.query(enquiry_log.Filters(feedback="有用"))] == [old]


def test_stats_per_day_programme_feedback_and_knowledge_gaps(log):
    beijing = dt.timezone(dt.timedelta(hours=8))
    at = [dt.datetime(2026, 3, d, 10, tzinfo=beijing) for d in (1, 1, 2)]
    a = log.add("伊春比例？", "50%", programmes=["yichun-2023-cloud-subsidy"], created_at=at[0])
    b = log.add("伊春和白云？", "……", programmes=["yichun-2023-cloud-subsidy", "baiyun-2019-public-cloud"],
                created_at=at[1])
    log.add("上海有什么补贴？", "未收录", refused=True, created_at=at[2])
    log.set_feedback(a, "有用")
    log.set_feedback(b, "需改进")
    s = log.stats(dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    assert s.total == 3
    assert [(d.day, d.count) for d in s.per_day] == [(dt.date(2026, 3, 1), 2), (dt.date(2026, 3, 2), 1)]
    assert s.per_programme == {"yichun-2023-cloud-subsidy": 2, "baiyun-2019-public-cloud": 1}
    assert (s.useful, s.needs_work, s.unrated) == (1, 1, 1) and s.rate("有用") == 0.5
    assert [e.question for e in s.refused] == ["上海有什么补贴？"]
    assert log.stats(dt.date(2026, 4, 1), dt.date(2026, 4, 30)).rate("有用") is None


# --- failures --------------------------------------------------------------------------------------------------


def test_a_failed_write_keeps_the_enquiry_and_is_reported(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    spool = tmp_path / "enquiries-unsaved.jsonl"
    broken = EnquiryLog(f"sqlite:///{blocker / 'log.sqlite3'}", spool=spool)
    with pytest.raises(enquiry_log.LogError):
        broken.add("伊春上云补助比例是多少？", "按照云服务合同额的50%给予补助。")
    before = len(enquiry_log.write_failures())
    got = broken.record("伊春上云补助比例是多少？", "按照云服务合同额的50%给予补助。",
                        citations=[yichun_citation()], as_of=dt.date(2024, 3, 1), thread="call-9")
    assert got is None  # the caller still shows the answer
    failures = enquiry_log.write_failures()
    assert len(failures) == before + 1 and failures[0].spooled and len(failures[0].ref) == 8
    assert "log.sqlite3" not in failures[0].error or "伊春" not in failures[0].error  # no caller text in the reason
    assert broken.spooled() == 1

    # Once a working store takes over the spool, the enquiry is written back with its fields.
    good = EnquiryLog(f"sqlite:///{tmp_path / 'good.sqlite3'}", spool=spool)
    assert good.replay_spool() == 1 and good.spooled() == 0
    e = good.search("伊春")[0]
    assert e.citations == [yichun_citation()] and e.as_of == dt.date(2024, 3, 1) and e.thread == "call-9"


def test_a_read_only_log_can_still_be_read(tmp_path):
    path = tmp_path / "enquiries.sqlite3"
    EnquiryLog(f"sqlite:///{path}").add("伊春上云补助比例是多少？", "按照云服务合同额的50%给予补助。")
    # SQLite's read-only mode refuses every write whoever runs the test (file permissions do not bind root).
    ro = EnquiryLog(f"sqlite:///file:{path}?mode=ro&uri=true", spool=tmp_path / "spool.jsonl")
    assert ro.search("伊春")[0].question == "伊春上云补助比例是多少？"
    assert ro.count() == 1
    assert ro.record("白云区公有云怎么补？", "给予云服务费50%的补贴。") is None
    assert ro.spooled() == 1 and ro.count() == 1


def test_an_older_log_gets_the_new_columns(tmp_path):
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as con:  # the first release's table
        con.execute("CREATE TABLE enquiries (id INTEGER PRIMARY KEY AUTOINCREMENT, created_at DATETIME, question TEXT,"
                    " answer TEXT, citations JSON, programmes JSON, refused BOOLEAN, profile JSON, as_of DATE,"
                    " corpus_version VARCHAR(64), feedback VARCHAR(8), comment TEXT)")
        con.execute("INSERT INTO enquiries (created_at, question, answer, citations, programmes, refused) VALUES "
                    "('2026-01-01 02:00:00.000000', '伊春上云补助比例是多少？', '50%', '[]', '[]', 0)")
    log = EnquiryLog(f"sqlite:///{path}")
    old = log.search("伊春")[0]
    assert old.thread == f"enquiry-{old.id}" and old.read_as is None
    new = log.add("那30万呢？", "10万元", thread=old.thread)
    assert [e.id for e in log.thread(old.thread).enquiries] == [old.id, new]
