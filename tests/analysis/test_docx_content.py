"""What a .docx holds besides its body paragraphs: notes, text boxes, revisions, tables, and where each
character of the raw text came from."""
from __future__ import annotations

from pathlib import Path

from reviewer.analysis.load import load_path
from reviewer.analysis.loaders.docx import RunPosition, read_docx
from reviewer.analysis.model import RawNote, TableCell
from tests.analysis.fixture_files import make_docx, make_docx_from_xml


def _run(text: str, properties: str = "") -> str:
    return f'<w:r>{properties}<w:t xml:space="preserve">{text}</w:t></w:r>'


def _p(*runs: str, properties: str = "") -> str:
    return f"<w:p><w:pPr>{properties}</w:pPr>{''.join(runs)}</w:p>"


def _cell(text: str, span: int = 1) -> str:
    grid = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span > 1 else ""
    return f"<w:tc>{grid}{_p(_run(text))}</w:tc>"


def _table(*rows: list[str]) -> str:
    return "<w:tbl>" + "".join("<w:tr>" + "".join(_cell(c) for c in row) + "</w:tr>" for row in rows) + "</w:tbl>"


def _cells(document_text: str, cells: list[TableCell]) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(document_text[c.start:c.end], c.row_label, c.column_header, c.unit) for c in cells]


# ---- notes ----------------------------------------------------------------------------------------------

FOOTNOTES = (
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
    '</w:footnote>'
    '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>' + _run(" 其中出具法律意见书3件。") + "</w:p></w:footnote>"
)


def test_footnotes_and_endnotes_are_notes_anchored_at_their_mark_not_body_text(tmp_path: Path) -> None:
    body = (
        _p(_run("审查合同45件"), '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
           '<w:footnoteReference w:id="1"/></w:r>', _run("，均按期办结。"))
        + _p(_run("办理复议案件12件。"), '<w:r><w:endnoteReference w:id="2"/></w:r>')
    )
    endnotes = '<w:endnote w:id="2"><w:p>' + _run("数据截至12月31日。") + "</w:p></w:endnote>"
    path = make_docx_from_xml(tmp_path / "notes.docx", body, footnotes_xml=FOOTNOTES, endnotes_xml=endnotes)
    document = load_path(path)
    assert document.raw_text == "审查合同45件，均按期办结。\n办理复议案件12件。"
    assert document.notes == [
        RawNote("footnote", "其中出具法律意见书3件。", len("审查合同45件")),
        RawNote("endnote", "数据截至12月31日。", document.raw_text.index("。\n") + len("。\n办理复议案件12件。")),
    ]


TEXTBOX_RUN = (
    "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><a:graphic><a:graphicData>"
    "<wps:wsp><wps:txbx><w:txbxContent>" + _p(_run("全年受理行政复议案件")) + _p(_run("16件"))
    + "</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
    "<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>" + _p(_run("全年受理行政复议案件16件"))
    + "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
)


def test_a_text_box_is_one_note_read_once_not_body_text(tmp_path: Path) -> None:
    body = _p(_run("一、主要举措")) + _p(_run("加强复议工作。"), TEXTBOX_RUN)
    document = load_path(make_docx_from_xml(tmp_path / "box.docx", body))
    assert document.raw_text == "一、主要举措\n加强复议工作。"
    assert document.notes == [RawNote("textbox", "全年受理行政复议案件\n16件", len("一、主要举措\n加强复议工作。"))]


def test_a_vml_text_box_alone_is_read(tmp_path: Path) -> None:
    body = _p(_run("正文。"), "<w:r><w:pict><v:shape><v:textbox><w:txbxContent>" + _p(_run("框内3件"))
              + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>")
    document = load_path(make_docx_from_xml(tmp_path / "vml.docx", body))
    assert (document.raw_text, document.notes) == ("正文。", [RawNote("textbox", "框内3件", 3)])


# ---- revisions ------------------------------------------------------------------------------------------

def test_unaccepted_revisions_are_read_as_accepted_and_their_places_kept(tmp_path: Path) -> None:
    body = (
        _p(_run("报告正文。"))
        + _p(_run("受理"), '<w:ins w:id="1" w:author="张三">' + _run("行政复议") + "</w:ins>", _run("案件"),
             '<w:del w:id="2" w:author="张三"><w:r><w:delText>10</w:delText></w:r></w:del>', _run("12件。"))
    )
    document = load_path(make_docx_from_xml(tmp_path / "tracked.docx", body))
    assert document.raw_text == "报告正文。\n受理行政复议案件12件。"
    start = len("报告正文。\n受理")
    assert document.revision_offsets == [start, start + len("行政复议案件")]


def test_a_document_without_revisions_has_no_revision_offsets(tmp_path: Path) -> None:
    assert load_path(make_docx(tmp_path / "clean.docx", ["受理案件12件。"])).revision_offsets == []


# ---- tables ---------------------------------------------------------------------------------------------

def test_unit_in_a_header_cell_applies_to_the_numbers_below_it(tmp_path: Path) -> None:
    body = _table(["项目", "收案数（件）", "办结率(%)"], ["行政复议", "16", "95.5"], ["行政诉讼", "3", "100"])
    document = load_path(make_docx_from_xml(tmp_path / "t.docx", body))
    assert document.raw_text == "项目\t收案数（件）\t办结率(%)\n行政复议\t16\t95.5\n行政诉讼\t3\t100"
    assert _cells(document.raw_text, document.table_cells) == [
        ("16", "行政复议", "收案数（件）", "件"), ("95.5", "行政复议", "办结率(%)", "%"),
        ("3", "行政诉讼", "收案数（件）", "件"), ("100", "行政诉讼", "办结率(%)", "%"),
    ]


def test_unit_in_its_own_column_and_years_in_the_header(tmp_path: Path) -> None:
    body = _table(["序号", "指标", "单位", "2021年", "2022年"], ["1", "行政复议收案", "件", "10", "12"],
                  ["2", "法律顾问经费", "万元", "5.5", "6"])
    document = load_path(make_docx_from_xml(tmp_path / "t.docx", body))
    assert _cells(document.raw_text, document.table_cells) == [
        ("10", "行政复议收案", "2021年", "件"), ("12", "行政复议收案", "2022年", "件"),
        ("5.5", "法律顾问经费", "2021年", "万元"), ("6", "法律顾问经费", "2022年", "万元"),
    ]


def test_unit_column_without_header_and_this_year_column(tmp_path: Path) -> None:
    body = _table(["项目", "", "上年", "本年"], ["行政复议收案", "件", "10", "12"])
    document = load_path(make_docx_from_xml(tmp_path / "t.docx", body))
    assert document.raw_text.split("\n")[1] == "行政复议收案\t件\t10\t12"
    assert _cells(document.raw_text, document.table_cells) == [
        ("10", "行政复议收案", "上年", "件"), ("12", "行政复议收案", "本年", "件"),
    ]


def test_unit_in_the_caption_or_the_row_label(tmp_path: Path) -> None:
    body = (_p(_run("单位：万元")) + _table(["项目", "金额"], ["法治宣传经费", "12.5"])
            + _table(["项目", "数量"], ["培训人员（人次）", "300"], ["没有单位的", "7"]))
    document = load_path(make_docx_from_xml(tmp_path / "t.docx", body))
    assert _cells(document.raw_text, document.table_cells) == [
        ("12.5", "法治宣传经费", "金额", "万元"), ("300", "培训人员（人次）", "数量", "人次"),
        ("7", "没有单位的", "数量", None),
    ]


def test_a_table_with_years_down_the_first_column_takes_the_item_from_the_header(tmp_path: Path) -> None:
    body = _table(["年度", "收案（件）", "结案（件）"], ["2021年", "10", "9"], ["2022年", "12", "11"])
    document = load_path(make_docx_from_xml(tmp_path / "t.docx", body))
    assert _cells(document.raw_text, document.table_cells)[2:] == [
        ("12", "收案（件）", "2022年", "件"), ("11", "结案（件）", "2022年", "件"),
    ]


def test_a_header_cell_spanning_columns_heads_each_of_them(tmp_path: Path) -> None:
    body = ("<w:tbl><w:tr>" + _cell("项目") + _cell("案件数（件）", span=2) + "</w:tr>"
            + "<w:tr>" + _cell("") + _cell("上年") + _cell("本年") + "</w:tr>"
            + "<w:tr>" + _cell("行政复议") + _cell("10") + _cell("12") + "</w:tr></w:tbl>")
    document = load_path(make_docx_from_xml(tmp_path / "t.docx", body))
    assert _cells(document.raw_text, document.table_cells) == [
        ("10", "行政复议", "案件数（件） 上年", "件"), ("12", "行政复议", "案件数（件） 本年", "件"),
    ]


def test_a_cell_with_its_own_unit_and_a_serial_column_without_header(tmp_path: Path) -> None:
    body = _table(["1", "行政复议", "16件"], ["2", "行政诉讼", "3件"])
    document = load_path(make_docx_from_xml(tmp_path / "t.docx", body))
    assert _cells(document.raw_text, document.table_cells) == [
        ("16件", "行政复议", None, None), ("3件", "行政诉讼", None, None),
    ]


# ---- map back to the runs -------------------------------------------------------------------------------

NUMBERING = """
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
  <w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
"""


def test_raw_text_offsets_map_back_to_paragraph_run_and_offset(tmp_path: Path) -> None:
    numbered = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
    body = (
        _p(_run("主要"), _run("举措"), properties=numbered)  # paragraph 0: 一、主要举措
        + _p(_run("受理"), '<w:hyperlink w:anchor="x">' + _run("复议") + "</w:hyperlink>",
             '<w:r><w:t>案件</w:t><w:tab/><w:t>16件</w:t></w:r>')  # paragraph 1
        + _table(["项目", "数量"], ["诉讼", "3件"])  # paragraphs 2 to 5
    )
    path = make_docx_from_xml(tmp_path / "map.docx", body, numbering_xml=NUMBERING)
    reading = read_docx(path.read_bytes(), str(path))
    text = reading.document.raw_text
    assert text == "一、主要举措\n受理复议案件\t16件\n项目\t数量\n诉讼\t3件"
    locate = reading.text_map.locate
    assert locate(0) is None and locate(1) is None  # the automatic number 一、
    assert locate(text.index("举")) == RunPosition(0, 1, 0)
    assert locate(text.index("复议")) == RunPosition(1, 1, 0)
    assert locate(text.index("16件") + 1) == RunPosition(1, 2, 4)  # 案件, a tab, 1, 6
    assert locate(text.index("\n")) is None
    assert locate(text.index("数量")) == RunPosition(3, 0, 0)
    assert locate(text.index("3件")) == RunPosition(5, 0, 0)
    assert locate(text.index("\t数量")) is None
    assert locate(len(text)) is None
