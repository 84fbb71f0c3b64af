from __future__ import annotations

import dataclasses
import io
import re

import pypdf

from reviewer.summary.data import FigureRow, NoteRow
from reviewer.summary.fonts import CID_FALLBACK_FONT
from reviewer.summary.report_sheet import build_report_pdf, build_reports_pdf


def _fonts(data: bytes) -> dict[str, bool]:
    """BaseFont name -> whether its file is embedded as TrueType (/FontFile2), over all pages."""
    found: dict[str, bool] = {}
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptors = [font.get("/FontDescriptor")]
            descriptors += [d.get_object().get("/FontDescriptor") for d in font.get("/DescendantFonts", [])]
            embedded = any(d is not None and "/FontFile2" in d.get_object() for d in descriptors)
            found[str(font["/BaseFont"])] = found.get(str(font["/BaseFont"]), False) or embedded
    return found


def test_sheet_prints_header_checklist_figures_notes_and_remarks(reviewed_summary, pdf_pages):
    text = "".join(pdf_pages(build_report_pdf(reviewed_summary)))
    flat = re.sub(r"\s+", "", text)
    for expected in (
        "法治政府建设年度报告审阅意见单",
        "常平镇2021年法治政府建设年度报告",
        "乡镇街道",
        "2022-03-15",
        "2022-02-20",
        "3fc20d629b33",
        "李审阅",
        "需修改",
        "主要举措和成效",
        "存在的不足和原因",
        "党政主要负责人履行第一责任人职责情况",
        "下一年度主要安排",
        "公开及时性",
        "标题序号",
        "数据一致性",
        "不符合",
        "审阅人已更正",
        "5894宗",
        "调解案件",
        "比率与数据不符",
        "经验可推广",
        "请补充存在的不足和原因。",
        "审阅人签字：",
        "日期：",
        "另有2项机器检查提示经审阅人否定，未列出。",
        "另有1项经审阅人否定，未列出",
    ):
        assert expected in flat, expected


def test_corrected_figure_shows_reviewed_value_with_machine_value_beside(reviewed_summary, pdf_pages):
    flat = re.sub(r"\s+", "", "".join(pdf_pages(build_report_pdf(reviewed_summary))))
    assert "97.47" in flat
    assert "原识别：97.6%" in flat
    assert "已更正" in flat
    assert "4732" in flat and "待确认" in flat


def test_figures_are_grouped_under_their_section_headings(reviewed_summary, pdf_pages):
    flat = re.sub(r"\s+", "", "".join(pdf_pages(build_report_pdf(reviewed_summary))))
    figures = flat[flat.index("二、主要数据") : flat.index("三、问题与批注")]
    assert figures.index("一、坚持党的领导") < figures.index("5894宗") < figures.index("二、存在的问题")
    assert figures.index("二、存在的问题") < figures.index("4732条")
    assert figures.count("一、坚持党的领导") == 1


def test_typed_text_prints_literally_with_its_line_breaks(reviewed_summary, pdf_pages):
    long_word = "A" * 400
    reviewed_summary.remarks = "第一行 <b>不加粗</b> & 符号 &amp;\n第二行" + long_word
    reviewed_summary.notes.append(NoteRow("批注", "问题", "warning", "<i>引文</i>", "", "意见 <br/> & <para>"))
    pages = pdf_pages(build_report_pdf(reviewed_summary))
    text = "".join(pages)
    assert "第一行 <b>不加粗</b> & 符号 &amp;" in text
    assert "意见 <br/> & <para>" in text
    assert "<i>引文</i>" in text
    lines = text.splitlines()
    assert any(line.startswith("第二行A") for line in lines)
    assert re.sub(r"\s+", "", text).count("A" * 400) == 1


def test_page_numbers_count_all_pages(reviewed_summary, pdf_pages):
    reviewed_summary.figures = [
        FigureRow(f"{n // 20 + 1}、部分", f"{n}件", str(n), "件", "行政复议案件", "accepted") for n in range(120)
    ]
    pages = pdf_pages(build_report_pdf(reviewed_summary))
    assert len(pages) >= 3
    for number, page in enumerate(pages, 1):
        assert f"第 {number} 页 共 {len(pages)} 页" in page
        assert "常平镇 2021年度" in page
        assert "原文" in page or number == len(pages) and "四、审阅意见" in page


def test_several_sheets_in_one_file_each_count_their_own_pages(reviewed_summary, pdf_pages):
    other = build_report_pdf(reviewed_summary)
    single_pages = len(pdf_pages(other))
    pages = pdf_pages(build_reports_pdf([reviewed_summary, reviewed_summary]))
    assert len(pages) == 2 * single_pages
    assert f"第 1 页 共 {single_pages} 页" in pages[single_pages]


def test_unreviewed_sheet_is_marked_as_machine_analysis(reviewed_summary, pdf_pages):
    reviewed_summary.reviewed = False
    reviewed_summary.header.verdict = None
    reviewed_summary.header.reviewer = None
    flat = re.sub(r"\s+", "", "".join(pdf_pages(build_report_pdf(reviewed_summary))))
    assert "本意见单仅含机器分析结果" in flat
    assert "未审阅" in flat
    assert "机器分析，未经审阅" in flat


def test_pdf_is_written_to_a_path_or_a_file(reviewed_summary, tmp_path):
    target = tmp_path / "意见单.pdf"
    data = build_report_pdf(reviewed_summary, target)
    assert target.read_bytes() == data
    buffer = io.BytesIO()
    build_report_pdf(reviewed_summary, buffer)
    assert buffer.getvalue().startswith(b"%PDF")


def test_chinese_font_is_embedded_as_truetype(reviewed_summary):
    fonts = _fonts(build_report_pdf(reviewed_summary))
    chinese = [name for name in fonts if name != "/Helvetica"]
    assert chinese and all(fonts[name] for name in chinese)


def test_without_any_font_file_the_builtin_cid_font_is_used(reviewed_summary, no_system_fonts, pdf_pages):
    data = build_report_pdf(reviewed_summary)
    fonts = _fonts(data)
    assert any(CID_FALLBACK_FONT in name for name in fonts)
    assert not any(fonts.values())
    assert "审阅意见单" in "".join(pdf_pages(data))


def test_sheet_of_a_scanned_report_says_its_text_was_recognized(reviewed_summary, pdf_pages):
    from dataclasses import replace

    plain = re.sub(r"\s+", "", "".join(pdf_pages(build_report_pdf(reviewed_summary))))
    assert "本报告文字由扫描件识别" not in plain
    scanned = replace(reviewed_summary, header=replace(reviewed_summary.header, recognized=True))
    flat = re.sub(r"\s+", "", "".join(pdf_pages(build_report_pdf(scanned))))
    assert "本报告文字由扫描件识别，数据请与原件核对。" in flat


def test_the_signature_never_stands_alone_on_the_last_page(reviewed_summary, pdf_pages):
    """Remarks of 1 to 45 lines: the page break moves through the end of the sheet (at 32 to 38 lines the
    signature block alone would have filled the last page); the last page always holds remarks too."""
    page_counts = set()
    for count in range(1, 46):
        remarks = "\n".join(f"第{line}条意见：请补充相关内容并核实数据。" for line in range(1, count + 1))
        pages = pdf_pages(build_report_pdf(dataclasses.replace(reviewed_summary, remarks=remarks)))
        page_counts.add(len(pages))
        last = re.sub(r"\s+", "", pages[-1])
        assert "审阅人签字：" in last, count
        assert f"第{count}条意见：" in last, count
    assert len(page_counts) > 1
