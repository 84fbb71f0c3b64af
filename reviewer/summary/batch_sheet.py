"""The batch summary (汇总表), A4 landscape: one row per report, then the key indicators per report."""
from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph

from reviewer.summary.data import CHECK_FAIL, CHECK_PASS, BatchData, BatchRow
from reviewer.summary.fonts import pdf_fonts
from reviewer.summary.layout import FAIL_COLOR, MARGIN_X, SheetStart, SheetStyles, para, render_pdf, ruled_table, sheet_styles
from reviewer.summary.markup import literal

BATCH_TITLE = "法治政府建设年度报告审阅汇总表"
_PAGE = landscape(A4)
_WIDTH = _PAGE[0] - 2 * MARGIN_X
_BLANK = "—"
_TIMELINESS_LABELS = {CHECK_PASS: "按时", CHECK_FAIL: "逾期"}


def build_batch_pdf(data: BatchData, out: str | Path | BinaryIO | None = None) -> bytes:
    """The 汇总表 as PDF bytes; also written to ``out`` (a path or binary file) if given."""
    fonts = pdf_fonts()
    styles = sheet_styles(fonts, cell_size=8.5)
    story: list[Flowable] = [
        SheetStart(data.scope or BATCH_TITLE, f"{BATCH_TITLE}　生成于 {data.generated_at:%Y-%m-%d}"),
        para(BATCH_TITLE, styles.title),
        para(_subtitle(data), styles.subtitle),
        para("一、报告审阅情况", styles.heading),
        _reports_table(data, styles),
        para(_reports_note(), styles.note),
        CondPageBreak(50 * mm),
        para("二、主要指标", styles.heading),
        _indicator_table(data, styles),
        para(_indicator_note(), styles.note),
    ]
    return render_pdf(story, out, _PAGE, BATCH_TITLE, fonts)


def _subtitle(data: BatchData) -> str:
    parts = [data.scope, f"共 {len(data.rows)} 份报告"]
    if data.reviewer:
        parts.append(f"审阅人：{data.reviewer}")
    parts.append(f"{data.generated_at:%Y年%m月%d日}")
    return "　".join(p for p in parts if p)


def _unit_label(row: BatchRow) -> str:
    return row.unit or row.title or row.file_name or "单位未识别"


def _marked(text: str, style: ParagraphStyle, failed: bool) -> Paragraph:
    return para(text, style, FAIL_COLOR if failed else None)


def _required_text(row: BatchRow) -> str:
    if row.required == CHECK_PASS:
        return "齐全"
    if row.missing_parts:
        prefix = "缺" if row.required == CHECK_FAIL else "需核实："
        return prefix + "、".join(row.missing_parts)
    return row.required


def _reports_table(data: BatchData, styles: SheetStyles) -> Flowable:
    head = ["序号", "单位", "年度", "公开日期", "公开及时", "必备内容", "问题数", "审阅结论"]
    rows: list[list[object]] = [[para(t, styles.cell_head) for t in head]]
    center = styles.cell_center
    for number, row in enumerate(data.rows, 1):
        rows.append([
            para(str(number), center),
            para(_unit_label(row), styles.cell),
            para(str(row.report_year) if row.report_year else _BLANK, center),
            para(row.publish_date or _BLANK, center),
            _marked(_TIMELINESS_LABELS.get(row.timeliness, row.timeliness), center, row.timeliness == CHECK_FAIL),
            _marked(_required_text(row), styles.cell, row.required == CHECK_FAIL),
            para(str(row.open_findings), center),
            para(row.verdict or "未审阅", center),
        ])
    widths = [12 * mm, 0, 16 * mm, 26 * mm, 20 * mm, 95 * mm, 16 * mm, 24 * mm]
    widths[1] = _WIDTH - sum(widths)
    return ruled_table(rows, widths)


def _reports_note() -> str:
    return (
        "公开及时：公开日期不晚于报告年度次年3月31日为按时；必备内容：主要举措和成效、存在的不足和原因、"
        "党政主要负责人履行第一责任人职责情况、下一年度主要安排；问题数：未被审阅人否定的检查问题。"
    )


def _indicator_table(data: BatchData, styles: SheetStyles) -> Flowable:
    names = data.indicator_names
    rows: list[list[object]] = [[para(t, styles.cell_head) for t in ["单位", "年度", *names]]]
    for row in data.rows:
        cells: list[object] = [
            para(_unit_label(row), styles.cell),
            para(str(row.report_year) if row.report_year else _BLANK, styles.cell_center),
        ]
        for name in names:
            cell = row.indicators.get(name)
            if cell is None:
                cells.append(para(_BLANK, styles.cell_center))
            else:
                style = styles.cell_muted_center if cell.pending else styles.cell_center
                cells.append(Paragraph(literal(cell.text).replace(" / ", "<br/>"), style))
        rows.append(cells)
    unit_width, year_width = 34 * mm, 12 * mm
    indicator_width = (_WIDTH - unit_width - year_width) / max(len(names), 1)
    return ruled_table(rows, [unit_width, year_width] + [indicator_width] * len(names))


def _indicator_note() -> str:
    return (
        "取值：审阅人更正值优先，其次为已确认值；灰色为尚未确认的机器识别值；已否定的数据不计入。"
        "同一指标在报告中多处出现时，取首次出现的件数与比率。归类依据数据的统计对象及所在句中的关键词。"
    )
