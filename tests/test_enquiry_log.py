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
