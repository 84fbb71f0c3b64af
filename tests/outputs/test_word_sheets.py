"""The 审阅意见单 and the 汇总表 as Word documents, read back with python-docx: the sheet's content (header,
checklist, figures with their states, notes, remarks, signature), official-document fonts set for Chinese
text, page numbers in the footer; and the command line choosing the format by the output's extension."""
from __future__ import annotations

import io

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from reviewer.cli import main
from reviewer.outputs.batch_docx import build_batch_docx
from reviewer.outputs.review_sheet_docx import build_report_docx
from reviewer.outputs.word_style import MUTED, TITLE_FONT
from reviewer.summary import collect_batch, collect_report


def open_docx(data: bytes):
    return docx.Document(io.BytesIO(data))


def row_texts(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def table_with(document, heading: str):
    return next(t for t in document.tables if t.rows[0].cells[0].text == "序号" and heading in t.rows[0].cells[1].text)


def east_asian_font(run) -> str | None:
    fonts = run._r.rPr.rFonts
    return fonts.get(qn("w:eastAsia")) if fonts is not None else None


def test_sheet_opens_with_a_centred_title_in_the_official_face(reviewed):
    document = open_docx(build_report_docx([collect_report(reviewed.ws, reviewed.qingxi)]))
    first = document.paragraphs[0]
    assert first.text == "法治政府建设年度报告审阅意见单"
    assert first.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert east_asian_font(first.runs[0]) == TITLE_FONT
    assert document.paragraphs[1].text == "青溪镇2023年度法治政府建设工作报告"
    normal = document.styles["Normal"].element.rPr.rFonts
    assert normal.get(qn("w:eastAsia")) == "仿宋"


def test_sheet_header_and_checklist(reviewed):
    document = open_docx(build_report_docx([collect_report(reviewed.ws, reviewed.qingxi)]))
    header = row_texts(document.tables[0])
    assert ["报送单位", "青溪镇", "单位层级", "乡镇街道"] in header
    assert header[-1][:2] == ["审阅结论", "需修改"]
    assert header[0][1] == header[0][3] == "青溪镇2023年度法治政府建设工作报告"  # merged across the row
    checks = row_texts(table_with(document, "检查项目"))
    assert [row[1] for row in checks[1:5]] == [
        "主要举措和成效", "存在的不足和原因", "党政主要负责人履行第一责任人职责情况", "下一年度主要安排"]
    assert checks[5][1] == "公开及时性" and checks[5][2] == "符合"


def test_sheet_figures_with_states_and_the_machine_reading_of_a_correction(reviewed):
    document = open_docx(build_report_docx([collect_report(reviewed.ws, reviewed.qingxi)]))
    table = table_with(document, "原文")
    rows = {row.cells[1].text: row for row in table.rows[1:] if row.cells[1].text != row.cells[0].text}
    assert [c.text for c in rows["27项"].cells[2:]] == ["27", "项", "重大事项", "已确认"]
    corrected = rows["46条"].cells
    assert corrected[2].paragraphs[0].text == "48" and corrected[2].paragraphs[1].text.startswith("原识别：46条")
    assert corrected[4].text == "=SUM(A1:A9)" and corrected[5].text == "已更正"
    assert "31条" not in rows  # rejected: left out, counted in the note
    pending = rows["186项"].cells
    assert pending[5].text == "待确认"
    assert pending[1].paragraphs[0].runs[0].font.color.rgb == MUTED
    group_rows = [row for row in table.rows if row.cells[0].text == row.cells[-1].text and "、" in row.cells[0].text]
    assert group_rows[0].cells[0].text.startswith("一、2023年推进法治政府建设的主要举措和成效")
    assert any("另有 1 项经审阅人否定" in p.text for p in document.paragraphs)


def test_sheet_notes_remarks_signature_and_page_numbers(reviewed):
    document = open_docx(build_report_docx([collect_report(reviewed.ws, reviewed.qingxi)]))
    notes = row_texts(table_with(document, "类别"))
    annotation = next(row for row in notes if row[1].startswith("批注·亮点"))
    assert annotation[2] == "法律顾问参谋作用" and "审阅意见：做法可推广" in annotation[3]
    texts = [p.text for p in document.paragraphs]
    remarks = texts.index("四、审阅意见")
    assert texts[remarks + 1: remarks + 3] == ["数据基本准确。", "请补充存在的不足。"]
    assert "审阅结论：需修改" in texts
    assert any(t.startswith("审阅人签字：") and "日期：" in t for t in texts)
    footer = document.sections[0].footer.paragraphs[0]
    assert footer.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert "PAGE" in "".join(node.text or "" for node in footer._p.iter(qn("w:instrText")))


def test_several_sheets_each_start_on_a_new_page(reviewed):
    sheets = [collect_report(reviewed.ws, reviewed.qingxi), collect_report(reviewed.ws, reviewed.minghu)]
    document = open_docx(build_report_docx(sheets))
    titles = [i for i, p in enumerate(document.paragraphs) if p.text == "法治政府建设年度报告审阅意见单"]
    assert len(titles) == 2
    before_second = document.paragraphs[titles[1] - 1]
    assert before_second._p.xpath(".//w:br[@w:type='page']")


def test_batch_table_as_a_landscape_document(reviewed):
    document = open_docx(build_batch_docx(collect_batch(reviewed.ws)))
    assert document.sections[0].orientation == WD_ORIENT.LANDSCAPE
    assert document.paragraphs[0].text == "法治政府建设年度报告审阅汇总表"
    reports = row_texts(document.tables[0])
    assert reports[0] == ["序号", "单位", "年度", "公开日期", "公开及时", "必备内容", "问题数", "审阅结论"]
    units = {row[1]: row for row in reports[1:]}
    assert units["青溪镇"][2:4] == ["2023", "2024-03-12"] and units["青溪镇"][7] == "需修改"
    indicators = row_texts(document.tables[1])
    assert indicators[0][:3] == ["单位", "年度", "行政复议案件"]
    assert {row[0] for row in indicators[1:]} == {"青溪镇", "明湖县司法局"}


def test_cli_summary_format_follows_the_extension(reviewed, tmp_path, capsys):
    path = str(reviewed.ws.path)
    reviewed.ws.close()
    sheet, batch = tmp_path / "意见单.docx", tmp_path / "通报.docx"
    assert main(["summary", path, "--report", str(reviewed.qingxi), "-o", str(sheet)]) == 0
    assert open_docx(sheet.read_bytes()).paragraphs[0].text == "法治政府建设年度报告审阅意见单"
    assert main(["summary", path, "--batch", "-o", str(batch)]) == 0
    assert open_docx(batch.read_bytes()).paragraphs[0].text == "法治政府建设年度报告审阅汇总表"
    assert main(["summary", path, "-o", str(tmp_path / "意见单.doc")]) == 1
    assert "请用 .pdf 或 .docx" in capsys.readouterr().err


def test_the_last_remark_and_the_signature_are_kept_on_one_page(reviewed):
    document = open_docx(build_report_docx([collect_report(reviewed.ws, reviewed.qingxi)]))
    paragraphs = document.paragraphs
    last_remark = next(i for i, p in enumerate(paragraphs) if p.text == "请补充存在的不足。")
    generated = next(i for i, p in enumerate(paragraphs) if p.text.startswith("本意见单由审阅助手于"))
    assert [bool(p.paragraph_format.keep_with_next) for p in paragraphs[last_remark:generated]] == \
        [True] * (generated - last_remark)
    assert any(p.text.startswith("审阅人签字：") for p in paragraphs[last_remark:generated])
