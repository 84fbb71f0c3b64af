"""Loading report files of every format into raw text, and the typed error each unreadable file gets."""
from __future__ import annotations

import codecs
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.analysis import errors
from reviewer.analysis.errors import LoadError
from reviewer.analysis.load import load_bytes, load_path
from tests.analysis.fixture_files import (
    encrypt_pdf,
    make_compound_file,
    make_docx,
    make_docx_from_xml,
    make_encrypted_docx,
    make_image_only_pdf,
    make_legacy_doc,
    make_pdf,
)

REPORT = (
    "某某镇2023年度法治政府建设工作报告\n"
    "发布日期：2024-03-15 信息来源：某某镇\n"
    "一、主要举措和成效\n"
    "全年共收到行政复议案件16件，其中不予受理5件，受理11件。\n"
    "二、存在的不足\n"
)


def load_error(path_or_data: Path | bytes, filename: str = "") -> LoadError:
    with pytest.raises(LoadError) as caught:
        if isinstance(path_or_data, Path):
            load_path(path_or_data)
        else:
            load_bytes(path_or_data, filename)
    return caught.value


# ---- plain text -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("encoded", "encoding"),
    [
        (REPORT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + REPORT.encode("utf-8"), "utf-8"),
        (REPORT.encode("gb18030"), "gb18030"),
        (REPORT.encode("gbk"), "gb18030"),
        (codecs.BOM_UTF16_LE + REPORT.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + REPORT.encode("utf-16-be"), "utf-16"),
    ],
    ids=["utf-8", "utf-8-bom", "gb18030", "gbk", "utf-16-le", "utf-16-be"],
)
def test_txt_is_decoded_by_its_encoding_and_reports_it(tmp_path: Path, encoded: bytes, encoding: str) -> None:
    path = tmp_path / "报告.txt"
    path.write_bytes(encoded)
    document = load_path(path)
    assert document.raw_text == REPORT
    assert document.encoding == encoding
    assert document.format == "txt"
    assert document.source == str(path)
    assert document.page_count is None


def test_txt_newlines_are_normalised() -> None:
    document = load_bytes("第一行\r\n第二行\r第三行\n".encode(), "a.txt")
    assert document.raw_text == "第一行\n第二行\n第三行\n"


def test_txt_keeps_lines_and_blank_lines_as_written() -> None:
    text = "标题\n\n发布日期:2020-01-10 16:03 信息来源:龙山镇\n\n\u3000\u3000正文。\n"
    assert load_bytes(text.encode("utf-8"), "a.txt").raw_text == text


def test_utf8_cut_off_inside_the_last_character_still_reads() -> None:
    data = "行政复议案件16件".encode()[:-1]
    document = load_bytes(data, "cut.txt")
    assert (document.raw_text, document.encoding) == ("行政复议案件16", "utf-8")


def test_a_few_stray_control_characters_are_dropped() -> None:
    text = "行政复议\x1b案件16件。" + "依法行政。" * 100 + "\x1a"
    assert load_bytes(text.encode("utf-8"), "a.txt").raw_text == "行政复议案件16件。" + "依法行政。" * 100


@pytest.mark.parametrize(
    "data",
    [
        "Café au lait à Paris, résumé".encode("latin-1"),
        "臺灣省各縣市政府法治建設報告，行政訴訟與訴願案件處理情形".encode("big5"),
        "行政复议".encode() + b"\xff\xfe\xfd" + "案件".encode(),
    ],
    ids=["latin-1", "big5", "broken-utf-8"],
)
def test_bytes_in_no_supported_encoding_are_refused_not_misread(data: bytes) -> None:
    error = load_error(data, "other.txt")
    assert error.code == "encoding"
    assert "other.txt" in error.message


@pytest.mark.parametrize(
    "data",
    [
        "2023年度报告".encode("utf-16-le"),  # UTF-16 without a byte-order mark: NUL bytes
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
        b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(100),
        b"MZ\x90\x00\x03\x00\x00\x00" + bytes(200),
        bytes(range(1, 32)) * 20,
    ],
    ids=["nul-bytes", "png", "jpeg", "exe", "control-characters"],
)
def test_binary_content_in_a_txt_is_not_text(data: bytes) -> None:
    error = load_error(data, "报告.txt")
    assert error.code == "not_text"
    assert "报告.txt" in error.message


@pytest.mark.parametrize("data", [b"", b"   \r\n\t\n", codecs.BOM_UTF8, codecs.BOM_UTF8 + "\u3000\n".encode("utf-8")])
def test_empty_or_blank_files_are_empty(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "空.txt"
    path.write_bytes(data)
    error = load_error(path)
    assert error.code == "empty"
    assert "空.txt" in error.message


def test_missing_file_is_not_found(tmp_path: Path) -> None:
    error = load_error(tmp_path / "没有.txt")
    assert error.code == "not_found"
    assert "没有.txt" in error.message


def test_a_folder_is_not_found(tmp_path: Path) -> None:
    assert load_error(tmp_path).code == "not_found"


def test_file_over_the_size_limit_is_too_large_and_says_the_limit(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(errors, "MAX_FILE_BYTES", 2 * 1024 * 1024)
    path = tmp_path / "大.txt"
    path.write_bytes(REPORT.encode("utf-8") * 30_000)
    error = load_error(path)
    assert error.code == "too_large"
    assert "2 MB" in error.message and "大.txt" in error.message
    assert load_error(path.read_bytes(), "大.txt").code == "too_large"


def test_text_over_the_character_limit_is_too_large(monkeypatch) -> None:
    monkeypatch.setattr(errors, "MAX_TEXT_CHARS", 50)
    assert load_error(REPORT.encode("utf-8") * 3, "长.txt").code == "too_large"


def test_load_bytes_keeps_the_filename_as_source() -> None:
    assert load_bytes(REPORT.encode("utf-8"), "上传/报告.txt").source == "上传/报告.txt"


# ---- web pages ------------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>页面标题不显示</title>
<style>.x {{ color: red }} 样式文字</style>
<script>var 脚本文字 = "不应出现";</script>
<link rel="stylesheet" href="http://example.invalid/a.css">
</head>
<body>
<nav><a href="/">导航菜单</a></nav>
<div class="location">您当前所在的位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a></div>
<table class="meta"><tr><td>发布日期：</td><td>2024-03-15</td><td>来源：</td><td>某某镇</td></tr></table>
<h1>某某镇2023年度法治政府建设工作报告</h1>
<div class="content">
<p>&nbsp;&nbsp;一、主要举措和成效</p>
<p>全年共收到行政复议案件16件，
其中不予受理5件，受理11件&amp;结案10件。</p>
<p>第一行<br>第二行</p>
<ul><li>一是加强领导</li><li>二是完善制度</li></ul>
<noscript>请启用脚本</noscript>
<div style="display: none">隐藏文字</div>
<form><input type="text" value="输入框文字"><select><option>选项文字</option></select>
<button>搜索按钮</button></form>
<iframe src="http://example.invalid/frame">框架文字</iframe>
<template><p>模板文字</p></template>
<svg><text>图形文字</text></svg>
</div>
<div class="footer">版权所有：某某镇人民政府</div>
</body></html>
"""

PAGE_LINES = [
    "您当前所在的位置：首页 > 政务公开",
    "发布日期：\t2024-03-15\t来源：\t某某镇",
    "某某镇2023年度法治政府建设工作报告",
    "一、主要举措和成效",
    "全年共收到行政复议案件16件，其中不予受理5件，受理11件&结案10件。",
    "第一行",
    "第二行",
    "一是加强领导",
    "二是完善制度",
    "版权所有：某某镇人民政府",
]


@pytest.mark.parametrize(("charset", "codec", "encoding"), [("utf-8", "utf-8", "utf-8"), ("gbk", "gbk", "gb18030")])
def test_html_gives_the_visible_text_one_block_per_line(
    tmp_path: Path, charset: str, codec: str, encoding: str
) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.format(charset=charset).encode(codec))
    document = load_path(path)
    assert document.raw_text.split("\n") == PAGE_LINES
    assert (document.format, document.encoding) == ("html", encoding)


def test_html_without_a_declaration_is_decoded_by_the_text_rules() -> None:
    page = "<html><body><p>行政复议案件16件</p></body></html>"
    document = load_bytes(page.encode("gb18030"), "a.htm")
    assert (document.raw_text, document.encoding) == ("行政复议案件16件", "gb18030")


def test_html_saved_as_utf8_with_a_stale_gbk_declaration_is_read_as_utf8() -> None:
    page = '<html><head><meta charset="gb2312"></head><body><p>行政复议案件16件</p></body></html>'
    document = load_bytes(page.encode("utf-8"), "saved.html")
    assert (document.raw_text, document.encoding) == ("行政复议案件16件", "utf-8")


def test_html_in_a_western_charset_is_refused_not_misread() -> None:
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>Café résumé</p></body></html>'
    assert load_error(page.encode("latin-1"), "western.html").code == "encoding"


def test_html_without_a_closing_head_tag_keeps_its_body() -> None:
    page = "<html><head><meta charset='utf-8'><title>标题</title><body><p>行政复议案件16件</p></body></html>"
    assert load_bytes(page.encode("utf-8"), "a.html").raw_text == "行政复议案件16件"


def test_html_entities_and_character_references_are_decoded() -> None:
    page = "<p>A&lt;B &#x884C;&#25919;&#22797;&#35758; &quot;引用&quot; &copy;</p>"
    assert load_bytes(page.encode("utf-8"), "a.html").raw_text == 'A<B 行政复议 "引用" ©'


def test_html_layout_table_cells_with_blocks_become_separate_lines() -> None:
    page = "<table><tr><td><p>左栏第一段</p><p>左栏第二段</p></td><td><div>右栏正文</div></td></tr></table>"
    assert load_bytes(page.encode("utf-8"), "a.html").raw_text == "左栏第一段\n左栏第二段\n右栏正文"


def test_html_preformatted_text_keeps_its_lines() -> None:
    page = "<pre>第一行\n第二行</pre>"
    assert load_bytes(page.encode("utf-8"), "a.html").raw_text == "第一行\n第二行"


def test_a_web_page_named_txt_is_read_as_html() -> None:
    page = "<!DOCTYPE html><html><body><p>行政复议案件16件</p><script>x=1</script></body></html>"
    document = load_bytes(page.encode("utf-8"), "saved.txt")
    assert (document.format, document.raw_text) == ("html", "行政复议案件16件")


def test_html_with_only_markup_is_empty() -> None:
    page = b"<html><head><title>t</title></head><body><script>x</script></body></html>"
    assert load_error(page, "a.html").code == "empty"


# ---- Word -----------------------------------------------------------------------------------------------

def test_docx_keeps_paragraphs_and_table_rows_in_body_order(tmp_path: Path) -> None:
    path = make_docx(
        tmp_path / "报告.docx",
        ["某某镇2023年度法治政府建设工作报告", "一、主要举措和成效", "二、存在的不足"],
        [["指标", "数量"], ["行政复议案件", "16件"], ["行政诉讼案件", "3件"]],
        table_after=2,
    )
    document = load_path(path)
    assert document.raw_text == (
        "某某镇2023年度法治政府建设工作报告\n一、主要举措和成效\n"
        "指标\t数量\n行政复议案件\t16件\n行政诉讼案件\t3件\n"
        "二、存在的不足"
    )
    assert (document.format, document.encoding, document.page_count) == ("docx", None, None)


def test_docx_merged_cells_are_read_once(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "merged.docx", ["表一"], [["合计", ""], ["行政复议", "16件"]])
    from docx import Document

    word = Document(path)
    table = word.tables[0]
    table.cell(0, 0).merge(table.cell(0, 1))
    word.save(path)
    assert load_path(path).raw_text == "表一\n合计\n行政复议\t16件"


def test_docx_one_column_table_is_a_frame_around_paragraphs(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "frame.docx", ["标题"], [["第一段正文。"], ["第二段正文。"]])
    assert load_path(path).raw_text == "标题\n第一段正文。\n第二段正文。"


def _p(text: str, properties: str = "") -> str:
    return f'<w:p><w:pPr>{properties}</w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def _numbered(text: str, num_id: int, level: int) -> str:
    return _p(text, f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>')


CHINESE_HEADINGS_NUMBERING = """
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/>
    <w:suff w:val="nothing"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/>
    <w:suff w:val="nothing"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
"""


def test_docx_automatic_list_numbers_are_written_out(tmp_path: Path) -> None:
    body = "".join([
        _p("报告"),
        _numbered("主要举措和成效", 1, 0),
        _numbered("加强组织领导", 1, 1),
        _numbered("召开会议", 1, 2),
        _numbered("印发文件", 1, 2),
        _numbered("完善制度", 1, 1),
        _numbered("召开会议", 1, 2),
        _numbered("存在的不足", 1, 0),
        _numbered("基层力量薄弱", 1, 1),
    ])
    path = make_docx_from_xml(tmp_path / "numbered.docx", body, numbering_xml=CHINESE_HEADINGS_NUMBERING)
    assert load_path(path).raw_text.split("\n") == [
        "报告",
        "一、主要举措和成效",
        "（一）加强组织领导",
        "1.召开会议",
        "2.印发文件",
        "（二）完善制度",
        "1.召开会议",
        "二、存在的不足",
        "（一）基层力量薄弱",
    ]


def test_docx_numbering_from_a_heading_style(tmp_path: Path) -> None:
    styles = """<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>
      <w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>"""
    body = _p("主要举措", '<w:pStyle w:val="Heading1"/>') + _p("正文。") + _p("存在的不足", '<w:pStyle w:val="Heading1"/>')
    path = make_docx_from_xml(tmp_path / "styled.docx", body, CHINESE_HEADINGS_NUMBERING, styles)
    assert load_path(path).raw_text == "一、主要举措\n正文。\n二、存在的不足"


def test_docx_text_follows_what_word_shows(tmp_path: Path) -> None:
    body = (
        "<w:p><w:r><w:t>受理</w:t></w:r>"
        "<w:ins w:id='1' w:author='a'><w:r><w:t>行政复议</w:t></w:r></w:ins>"
        "<w:del w:id='2' w:author='a'><w:r><w:delText>删除的</w:delText></w:r></w:del>"
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏文字</w:t></w:r>"
        "<w:hyperlink w:anchor='x'><w:r><w:t>案件</w:t></w:r></w:hyperlink>"
        "<w:r><w:fldChar w:fldCharType='begin'/></w:r><w:r><w:instrText> NUMPAGES </w:instrText></w:r>"
        "<w:r><w:fldChar w:fldCharType='separate'/></w:r><w:r><w:t>16</w:t></w:r>"
        "<w:r><w:fldChar w:fldCharType='end'/></w:r>"
        "<w:sdt><w:sdtPr><w:alias w:val='控件'/></w:sdtPr><w:sdtContent><w:r><w:t>件</w:t></w:r></w:sdtContent></w:sdt>"
        "<w:r><w:tab/><w:t>甲</w:t><w:br/><w:t>乙</w:t></w:r></w:p>"
        "<w:p/>"
        "<w:sdt><w:sdtContent><w:p><w:r><w:t>控件里的段落</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    )
    path = make_docx_from_xml(tmp_path / "revisions.docx", body)
    assert load_path(path).raw_text == "受理行政复议案件16件\t甲\n乙\n控件里的段落"


def test_a_word_package_named_txt_is_read_as_docx(tmp_path: Path) -> None:
    docx = make_docx(tmp_path / "a.docx", ["行政复议案件16件"])
    assert load_bytes(docx.read_bytes(), "renamed.txt").format == "docx"


def test_damaged_docx_is_damaged(tmp_path: Path) -> None:
    data = make_docx(tmp_path / "a.docx", ["行政复议案件16件"] * 50).read_bytes()
    truncated = tmp_path / "坏.docx"
    truncated.write_bytes(data[: len(data) // 2])
    error = load_error(truncated)
    assert error.code == "damaged"
    assert "坏.docx" in error.message


def test_docx_without_its_document_part_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "partial.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/styles.xml", "<w:styles/>")
    assert load_error(path).code == "damaged"


def test_docx_with_broken_xml_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "xml.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("word/document.xml", "<w:document><w:body><w:p>")
    assert load_error(path).code == "damaged"


def test_text_named_docx_is_damaged() -> None:
    assert load_error("行政复议案件16件".encode(), "a.docx").code == "damaged"


def test_docx_without_text_is_empty(tmp_path: Path) -> None:
    assert load_error(make_docx(tmp_path / "blank.docx", ["", "  "])).code == "empty"


def test_password_protected_docx_is_encrypted(tmp_path: Path) -> None:
    error = load_error(make_encrypted_docx(tmp_path / "加密.docx"))
    assert error.code == "encrypted"
    assert "密码保护" in error.message and "加密.docx" in error.message


def test_old_doc_is_unsupported_and_asks_for_docx(tmp_path: Path) -> None:
    error = load_error(make_legacy_doc(tmp_path / "旧.doc"))
    assert error.code == "unsupported_format"
    assert "另存为 .docx" in error.message


def test_other_office_compound_files_are_unsupported(tmp_path: Path) -> None:
    path = make_compound_file(tmp_path / "表.xls", {"Workbook": b"\x09\x08"})
    assert load_error(path).code == "unsupported_format"


def test_broken_compound_file_is_damaged() -> None:
    assert load_error(bytes.fromhex("d0cf11e0a1b11ae1") + b"\xff" * 600, "a.docx").code == "damaged"


# ---- PDF ------------------------------------------------------------------------------------------------

PDF_LINES = [
    "某某镇2023年度法治政府建设工作报告",
    "一、主要举措和成效",
    "全年共收到行政复议案件16件，其中不予受理5件，受理",
    "11件，调解成功率约为97.6%。",
    "（一）加强组织领导",
]

PDF_TEXT = (
    "某某镇2023年度法治政府建设工作报告\n"
    "一、主要举措和成效\n"
    "全年共收到行政复议案件16件，其中不予受理5件，受理11件，调解成功率约为97.6%。\n"
    "（一）加强组织领导"
)


@pytest.mark.parametrize("embed_font", [False, True], ids=["cid-font", "embedded-truetype"])
def test_pdf_text_layer_is_read_with_wrapped_lines_joined(tmp_path: Path, embed_font: bool) -> None:
    document = load_path(make_pdf(tmp_path / "报告.pdf", PDF_LINES, embed_font=embed_font))
    assert document.raw_text == PDF_TEXT
    assert (document.format, document.encoding, document.page_count) == ("pdf", None, 1)


def test_pdf_glyph_by_glyph_spacing_is_closed_up(tmp_path: Path) -> None:
    document = load_path(make_pdf(tmp_path / "spaced.pdf", PDF_LINES, glyph_by_glyph=True))
    assert document.raw_text == PDF_TEXT


def test_pdf_pages_continue_without_their_page_numbers(tmp_path: Path) -> None:
    lines = [f"第{n}段：全年共收到行政复议案件16件，其中不予受理5件，受理11件。" for n in range(1, 5)]
    lines[2] = "全年共收到行政复议案件16件，其中不予受理5件，受理11件，调解"
    lines[3] = "成功率约为97.6%。"
    document = load_path(make_pdf(tmp_path / "pages.pdf", lines, lines_per_page=3, page_numbers=True))
    assert document.page_count == 2
    assert document.raw_text.split("\n") == [
        lines[0],
        lines[1],
        "全年共收到行政复议案件16件，其中不予受理5件，受理11件，调解成功率约为97.6%。",
    ]


def test_pdf_without_text_layer_needs_ocr(tmp_path: Path) -> None:
    error = load_error(make_image_only_pdf(tmp_path / "扫描件.pdf", pages=2))
    assert error.code == "needs_ocr"
    assert "需要先OCR" in error.message and "扫描件.pdf" in error.message


def test_pdf_with_an_open_password_is_encrypted(tmp_path: Path) -> None:
    error = load_error(encrypt_pdf(make_pdf(tmp_path / "加密.pdf", PDF_LINES), "secret"))
    assert error.code == "encrypted"
    assert "密码保护" in error.message


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_pdf_encrypted_with_an_empty_user_password_is_read(tmp_path: Path, algorithm: str) -> None:
    path = encrypt_pdf(make_pdf(tmp_path / "permissions.pdf", PDF_LINES), "", algorithm=algorithm)
    assert load_path(path).raw_text == PDF_TEXT


def test_truncated_pdf_is_damaged(tmp_path: Path) -> None:
    data = make_pdf(tmp_path / "a.pdf", PDF_LINES).read_bytes()
    error = load_error(data[: len(data) * 2 // 3], "断.pdf")
    assert error.code == "damaged"
    assert "断.pdf" in error.message


def test_pdf_with_broken_structure_is_damaged() -> None:
    assert load_error(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage\n%%EOF\n", "a.pdf").code == "damaged"


def test_pdf_named_txt_is_read_as_pdf(tmp_path: Path) -> None:
    data = make_pdf(tmp_path / "a.pdf", PDF_LINES).read_bytes()
    document = load_bytes(data, "其实是PDF.txt")
    assert (document.format, document.raw_text) == ("pdf", PDF_TEXT)


def test_text_named_pdf_is_damaged() -> None:
    assert load_error("行政复议案件16件".encode(), "a.pdf").code == "damaged"


# ---- unknown and wrong extensions -----------------------------------------------------------------------

def test_unknown_extension_with_text_is_read_as_text() -> None:
    document = load_bytes(REPORT.encode("gb18030"), "report.dat")
    assert (document.format, document.encoding, document.raw_text) == ("txt", "gb18030", REPORT)


def test_unknown_extension_is_sniffed_for_pdf(tmp_path: Path) -> None:
    data = make_pdf(tmp_path / "a.pdf", PDF_LINES).read_bytes()
    assert load_bytes(data, "download").format == "pdf"


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n" + bytes(range(256)), bytes(range(256)) * 4],
    ids=["png", "binary"],
)
def test_unknown_extension_with_binary_content_is_unsupported(data: bytes) -> None:
    error = load_error(data, "picture.bin")
    assert error.code == "unsupported_format"
    assert "picture.bin" in error.message


def test_zip_archive_is_not_a_report(tmp_path: Path) -> None:
    path = tmp_path / "a.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("报告.txt", "行政复议")
    assert load_error(path).code == "unsupported_format"
    assert load_error(path.read_bytes(), "a.txt").code == "not_text"


def test_rtf_is_unsupported_and_asks_for_docx() -> None:
    error = load_error(rb"{\rtf1\ansi\deff0 {\fonttbl {\f0 SimSun;}} \f0 text}", "a.rtf")
    assert error.code == "unsupported_format"
    assert ".docx" in error.message


def test_extension_is_case_insensitive(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "REPORT.DOCX", ["行政复议案件16件"])
    assert load_path(path).format == "docx"
    assert load_bytes(PAGE.format(charset="utf-8").encode("utf-8"), "PAGE.HTM").format == "html"



@settings(max_examples=300, deadline=None)
@given(
    prefix=st.sampled_from([b"", b"%PDF-1.4\n", b"PK\x03\x04", bytes.fromhex("d0cf11e0a1b11ae1"), b"<html>",
                            codecs.BOM_UTF16_LE, "一、".encode("gb18030")]),
    body=st.binary(max_size=1500),
    filename=st.sampled_from(["a.txt", "a.html", "a.docx", "a.pdf", "a.doc", "a", "a.bin"]),
)
def test_any_bytes_give_a_document_or_a_typed_error(prefix: bytes, body: bytes, filename: str) -> None:
    try:
        document = load_bytes(prefix + body, filename)
    except LoadError as error:
        assert error.code in LoadError.CODES and filename in error.message
        return
    assert document.raw_text.strip()
    assert document.format in {"txt", "html", "docx", "pdf"}
