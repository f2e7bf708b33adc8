"""Ingestion: real Word, PDF, HTML and text files become the article tree the shipped texts use."""

from __future__ import annotations

import io
import re
import sys
import zipfile
from pathlib import Path

import pytest

from navigator.corpus import load_corpus, parse_articles, squash
from navigator.ingest import IngestError, IngestLimits, MetaError, clean_body, read_meta, read_policy, read_policy_file
from navigator.ingest.repair import dedup_bold, drop_furniture, join_lines, normalise_spaces

sys.path.insert(0, str(Path(__file__).parent / "fixtures"))
from policy_files import (
    ARTICLE_3,
    META_YAML,
    MEASURE,
    NOTICE,
    TITLE,
    docx_bytes,
    html_text,
    pdf_bytes,
    scanned_pdf_bytes,
    wrapped_text,
)

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
WANT_LABELS = ["印发通知", "第一章 总则", "第一条", "第二条", "第二章 支持标准", "第三条", "第四条", "第四条（一）",
               "第四条（二）", "第四条（三）", "第三章 附则", "第五条"]


def _labels(body: str) -> list[str]:
    return [a.label for a in parse_articles("tianmen-2024-cloud", body).values()]


def _article(body: str, label: str):
    return next(a for a in parse_articles("tianmen-2024-cloud", body).values() if a.label == label)


def _assert_measure(body: str) -> None:
    """The measure parsed as the shipped texts are: notice first, then chapters, articles and items."""
    labels = _labels(body)
    assert labels[:len(WANT_LABELS)] == WANT_LABELS, labels
    assert f"# {TITLE}" in body.split("\n\n")
    art3 = _article(body, "第三条")
    assert ARTICLE_3 in art3.text and art3.path == ["第二章 支持标准"]
    assert _article(body, "第四条（二）").own_text == "近三年无严重失信行为，未发生重大安全生产事故；"
    notice = _article(body, "印发通知")
    assert "现印发给你们，请认真贯彻执行。" in notice.text and "天经信〔2024〕15号" in notice.text
    # Verbatim: every sentence of the source is in the body, in order, whitespace aside.
    assert squash("".join(MEASURE[1:])) in squash(body.replace("# ", ""))


def test_docx_paragraphs_and_tables_in_order():
    parsed = read_policy(docx_bytes(), "天门.docx")
    assert parsed.kind == "docx"
    _assert_measure(parsed.body)
    assert parsed.notice_title == NOTICE[2] and parsed.doc_number == "天经信〔2024〕15号"
    # The article split over two Word paragraphs by a page break is one paragraph again.
    assert "第二条 本办法所称上云，是指企业通过购买云计算服务，将基础设施、业务系统、设备产品等迁移到云平台的行为。" \
        in parsed.body.split("\n\n")
    # The table rows follow the text, one paragraph a row, after 附件：.
    paras = parsed.body.split("\n\n")
    assert paras[-3:] == ["序号 材料名称", "1 营业执照复印件", "2 云服务合同复印件"]
    assert "附件" in _labels(parsed.body)


def test_pdf_with_chinese_text_layer_wrapped_lines_and_furniture():
    data = pdf_bytes()
    parsed = read_policy(data, "scan-or-not.pdf")
    assert parsed.kind == "pdf" and parsed.pages == 2
    _assert_measure(parsed.body)
    # Page numbers and the running header are dropped; the letterhead in the text itself is kept.
    assert "- 1 -" in parsed.dropped and "- 2 -" in parsed.dropped
    assert parsed.dropped.count("天门市经济和信息化局") == 2
    assert not re.search(r"-\s*\d\s*-", parsed.body)
    assert parsed.body.count("天门市经济和信息化局") == 2  # the letterhead 文件 line and the signature
    # A sentence broken across lines at the page width is one paragraph.
    assert "第一条 为加快推进全市企业数字化转型，鼓励企业上云用云，降低企业信息化建设成本，结合我市实际，制定本办法。" \
        in parsed.body.split("\n\n")


def test_html_main_text_without_navigation_scripts_or_footer():
    parsed = read_policy(html_text().encode("gb18030"), "page.htm")
    assert parsed.kind == "html"
    _assert_measure(parsed.body)
    for noise in ("首页", "政务公开", "统计代码", "text-indent", "ICP备", "当前位置", "相关文件", "【打印】", "数字经济发展规划"):
        assert noise not in parsed.body, noise
    # The page title (an <h1> outside the content area) opens the notice; <br> lines stay apart.
    assert parsed.body.startswith(NOTICE[2])
    assert "天门市经济和信息化局\n\n2024年3月1日" in parsed.body
    assert parsed.unquotable == ["tmjxj@example.cn"]


def test_text_in_gb18030_wrapped_at_the_page_width():
    parsed = read_policy(wrapped_text().encode("gb18030"), "policy.txt")
    assert parsed.kind == "text"
    _assert_measure(parsed.body)


def test_type_is_read_from_the_content_not_the_name():
    assert read_policy(docx_bytes(), "policy.pdf").kind == "docx"
    assert read_policy(pdf_bytes(), "policy.docx").kind == "pdf"
    assert read_policy(html_text().encode("utf-8"), "policy.txt").kind == "html"
    md = "# " + TITLE + "\n\n" + "\n\n".join(MEASURE[1:]) + "\n\n联系：[邮箱](mailto:a@b.cn)\n"
    assert read_policy(md.encode(), "policy.html").kind == "markdown"


def test_markdown_headings_links_and_hard_breaks():
    md = ("## " + NOTICE[2] + "\n\n" + NOTICE[1] + "\n\n" + NOTICE[4] + "\n\n" + NOTICE[5] + "  \n" + NOTICE[6] + "\n\n# " + TITLE + "\n\n"
          + "\n\n".join(MEASURE[1:]) + "\n\n（联系人：张三，  \n电子邮箱：[tm@example.cn](mailto:tm@example.cn)）\n")
    parsed = read_policy(md.encode(), "p.md")
    assert parsed.kind == "markdown"
    _assert_measure(parsed.body)
    assert "天门市经济和信息化局\n\n2024年3月1日" in parsed.body  # a hard break after a name ends the paragraph
    assert "（联系人：张三，电子邮箱：tm@example.cn）" in parsed.body  # after a comma the sentence goes on
    assert parsed.unquotable == ["tm@example.cn"]


def test_scanned_pdf_without_text_layer():
    with pytest.raises(IngestError) as e:
        read_policy(scanned_pdf_bytes(), "scan.pdf")
    assert str(e.value) == "未识别到文字层（扫描件需先OCR）"


@pytest.mark.parametrize("make,cut,message", [
    (docx_bytes, 0.5, "文件已损坏"),
    (pdf_bytes, 0.6, "PDF 文件不完整"),
])
def test_truncated_files_get_one_line(make, cut, message):
    data = make()
    with pytest.raises(IngestError) as e:
        read_policy(data[: int(len(data) * cut)], "cut")
    assert message in str(e.value) and "\n" not in str(e.value)


def test_broken_pdf_and_broken_docx_parts_get_one_line():
    with pytest.raises(IngestError) as e:
        read_policy(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ngarbage\n%%EOF\n", "x.pdf")
    assert "PDF" in str(e.value) and "\n" not in str(e.value)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document><unclosed>")
    with pytest.raises(IngestError) as e:
        read_policy(buf.getvalue(), "x.docx")
    assert "Word 文件已损坏" in str(e.value)


def test_huge_files_and_texts_are_refused_with_the_limit():
    with pytest.raises(IngestError, match=r"文件过大：20\.0 MB，上限 20\.0 MB"):
        read_policy(b"a" * (20 * 1024 * 1024 + 1), "big.txt")
    long_text = ("第一条 " + "".join(f"企业上云补助第{i}项。" for i in range(1000)) + "\n").encode()
    with pytest.raises(IngestError, match="文字过多"):
        read_policy(long_text, "long.txt", limits=IngestLimits(max_chars=5000))
    with pytest.raises(IngestError, match="页数过多：2 页，上限 1 页"):
        read_policy(pdf_bytes(), "two-pages.pdf", limits=IngestLimits(max_pages=1))
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", "<a/>" + " " * 3_000_000)
    with pytest.raises(IngestError, match="解压后过大"):
        read_policy(bomb.getvalue(), "bomb.docx", limits=IngestLimits(max_unzipped_bytes=1_000_000))


@pytest.mark.parametrize("data,message", [
    (b"", "文件为空"),
    (b"  \n\n ", "文件为空"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "旧版 Word（.doc）"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "没有文字层"),
    (b"\x7fELF\x02\x01\x01" + b"\x00" * 100, "不支持的文件类型"),
])
def test_empty_and_unsupported_files(data, message):
    with pytest.raises(IngestError, match=re.escape(message)):
        read_policy(data, "x")


def test_path_variant_checks_existence(tmp_path):
    with pytest.raises(IngestError, match="文件不存在"):
        read_policy_file(tmp_path / "missing.pdf")
    path = tmp_path / "天门.pdf"
    path.write_bytes(pdf_bytes())
    assert read_policy_file(path).filename == "天门.pdf"


# ---- noise repair on the real seed texts ------------------------------------------------------


def test_bold_runs_printed_four_times_are_restored_once():
    line = ("（（（（一一一一））））组织开展省资源池企业认定组织开展省资源池企业认定组织开展省资源池企业认定"
            "组织开展省资源池企业认定。。。。省经济和信息化委委托")
    fixed, runs = dedup_bold(line)
    assert fixed == "（一）组织开展省资源池企业认定。省经济和信息化委委托"
    assert runs == ["组织开展省资源池企业认定"]
    # Runs the PDF split into chunks: 二是支 ×4, 持上云推广试 ×4, 点 ×4, 。×4.
    fixed, runs = dedup_bold("推广；二是支二是支二是支二是支持上云推广试持上云推广试持上云推广试持上云推广试点点点点。。。。优先")
    assert fixed == "推广；二是支持上云推广试点。优先" and runs == ["二是支持上云推广试点"]
    # Amounts and a lone repeated stop are text, not bold runs.
    for text in ("补助100000元", "注册资金不低于 10000 万元", "等等。。。。", "2020年"):
        assert dedup_bold(text) == (text, [])


def test_page_furniture_is_dropped_and_text_kept():
    pages = [["广东省经济和信息化委员会", "第一条 甲。", "第二条 乙。", "- 1 -"],
             ["广东省经济和信息化委员会", "第三条 丙。", "第 2 页 共 3 页"],
             ["广东省经济和信息化委员会", "第四条 丁。", "3"]]
    kept, dropped = drop_furniture(pages)
    assert kept == [["第一条 甲。", "第二条 乙。"], ["第三条 丙。"], ["第四条 丁。"]]
    assert dropped.count("广东省经济和信息化委员会") == 3 and "第 2 页 共 3 页" in dropped and "3" in dropped


def test_lines_broken_mid_sentence_are_joined():
    lines = ["第十二条 鼓励企业积极申报服务券，单个企业可同时申请", "多种服务券，当年最高补贴额度不超过 200 万元。",
             "第十三条 本办法自发布之日起施行。"]
    assert join_lines(lines, wrapped=True) == [
        "第十二条 鼓励企业积极申报服务券，单个企业可同时申请多种服务券，当年最高补贴额度不超过 200 万元。",
        "第十三条 本办法自发布之日起施行。"]
    # One paragraph a line: headings and short lines stay apart; a comma or an open 《 goes on.
    assert join_lines(["一、补助标准", "为引导支持工业企业上云，", "按合同额的50%给予补助。", "关于印发《东莞市工业云",
                       "认定管理暂行办法》的通知"], wrapped=False) == [
        "一、补助标准", "为引导支持工业企业上云，按合同额的50%给予补助。", "关于印发《东莞市工业云认定管理暂行办法》的通知"]


def test_spaces_between_chinese_characters():
    assert normalise_spaces("广州市白云区科技工业商务和信息化局 关于印发") == "广州市白云区科技工业商务和信息化局关于印发"
    assert normalise_spaces("第一条 为加快推进") == "第一条 为加快推进"  # the space after the article number stays
    assert normalise_spaces("东莞市经济和信息化局办公室      2015 年 10 月 23 日印发") == \
        "东莞市经济和信息化局办公室 2015 年 10 月 23 日印发"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed texts are not beside the project")
@pytest.mark.parametrize("doc_id", ["dongguan-2015", "baiyun-2019", "guangdong-2020", "guangdong-2018", "yichun-2023"])
def test_seed_texts_parse_into_the_shipped_article_tree(doc_id):
    """Each seed, read with no hint but its annex titles, gives the shipped document's labels, texts and repairs."""
    shipped = load_corpus().docs[doc_id]
    parsed = read_policy_file(SEEDS / shipped.seed, headings=[a["heading"] for a in shipped.annexes])
    mine = parse_articles(doc_id, parsed.body, shipped.annexes)
    assert [a.label for a in mine.values()] == [a.label for a in shipped.articles.values()]
    for a in shipped.articles.values():
        assert squash(mine[a.id].own_text) == squash(a.own_text) or doc_id == "guangdong-2020", a.label
    assert parsed.title == shipped.title
    assert parsed.repaired == shipped.repaired
    assert set(shipped.unquotable) <= {f"电子邮箱：{u}" for u in parsed.unquotable}


def test_clean_body_is_the_import_script():
    text = "第一条 为加快推进全市企业数字化转型，鼓励企业上云，\n结合我市实际，制定本办法。\n- 2 -\n第二条 本办法自发布之日起施行。"
    assert clean_body(text) == ("第一条 为加快推进全市企业数字化转型，鼓励企业上云，结合我市实际，制定本办法。\n\n"
                                "第二条 本办法自发布之日起施行。")


# ---- metadata ---------------------------------------------------------------------------------


def test_metadata_reads_and_resolves_the_region():
    meta = read_meta(META_YAML)
    assert meta.region == {"province": "湖北省", "city": "天门市"}
    assert meta.seed is None and meta.in_force_from.isoformat() == "2024-04-01"
    assert read_meta({**_meta(), "region": {"city": "天门"}}).region == {"province": "湖北省", "city": "天门市"}
    assert read_meta({**_meta(), "region": "广州市白云区"}).region == {"province": "广东省", "city": "广州市",
                                                                       "district": "白云区"}
    assert read_meta({**_meta(), "region": {"province": "河南", "city": "济源"}}).region["city"] == "济源市"


def _meta() -> dict:
    import yaml

    return yaml.safe_load(META_YAML)


@pytest.mark.parametrize("change,field,words", [
    ({"title": None}, "title", "缺少此字段"),
    ({"title": ["a", "b"]}, "title", "应为文字"),
    ({"issued_on": "2024-13-01"}, "issued_on", "日期应为 YYYY-MM-DD"),
    ({"id": "Tianmen 2024"}, "id", "小写字母"),
    ({"region": {"province": "湖北省", "city": "广州市"}}, "region", "广州市 属于 广东省"),
    ({"region": {"city": "火星市"}}, "region", "不认识的城市"),
    ({"expires_on": "2020-01-01"}, "元数据", "早于生效日期"),
    ({"colour": "red"}, "colour", "不是元数据字段"),
])
def test_bad_metadata_is_one_line_naming_the_field(change, field, words):
    data = {k: v for k, v in {**_meta(), **change}.items() if v is not None}
    with pytest.raises(MetaError) as e:
        read_meta(data)
    msg = str(e.value)
    assert "\n" not in msg and f": {field}" in msg and words in msg, msg
    missing = {k: v for k, v in _meta().items() if k != "issuer"}
    with pytest.raises(MetaError, match="issuer: 缺少此字段"):
        read_meta(missing)


def test_bad_yaml_names_the_line():
    with pytest.raises(MetaError, match="YAML 格式错误 第 3 行"):
        read_meta("id: x\ntitle: [unclosed\nissuer: y\n")
    with pytest.raises(MetaError, match="应为字段映射"):
        read_meta("- a\n- b\n")
