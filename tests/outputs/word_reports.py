"""A Word report made on the fly for the 批注版 tests: numbered headings (automatic list numbers), paragraphs of
several differently formatted runs, a table, a hyperlink-free body as officers write it."""
from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

TITLE = "青山镇2023年法治政府建设年度报告"
RUNS_PARAGRAPH = (
    ("全年共办理行政复议案件", {}),
    ("16件", {"bold": True}),
    ("，同比下降", {}),
    ("12.5%", {"italic": True}),
    ("，行政诉讼案件3件。", {}),
)


def make_word_report(path: Path) -> Path:
    document = Document()
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run("青山镇2023年")
    title.add_run("法治政府建设年度报告").bold = True
    document.add_paragraph("县人民政府：")
    document.add_paragraph("2023年，我镇认真贯彻落实法治政府建设实施纲要，现将有关情况报告如下。")
    document.add_paragraph("主要举措和成效", style="List Number")
    paragraph = document.add_paragraph()
    for text, formatting in RUNS_PARAGRAPH:
        run = paragraph.add_run(text)
        run.bold = formatting.get("bold")
        run.italic = formatting.get("italic")
    document.add_paragraph("各类案件办理情况见下表。")
    table = document.add_table(rows=3, cols=3)
    for row, values in zip(table.rows, (("项目", "2022年", "2023年"), ("行政复议", "18件", "16件"),
                                        ("人民调解", "120件", "135件"))):
        for cell, value in zip(row.cells, values):
            cell.text = value
    document.add_paragraph("存在的不足和原因", style="List Number")
    document.add_paragraph("一是基层执法力量不足，二是法治宣传的针对性有待提高。")
    document.add_paragraph("下一年度主要安排", style="List Number")
    document.add_paragraph("2024年，我镇将继续加强执法队伍建设，开展普法活动20场次。")
    document.add_paragraph("青山镇人民政府")
    document.add_paragraph("2024年1月20日")
    document.save(path)
    return path
