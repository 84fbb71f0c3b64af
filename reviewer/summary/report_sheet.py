"""The per-report review sheet (审阅意见单), A4 portrait."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

from reviewer.summary.data import (
    CHECK_FAIL,
    UNREVIEWED_VERDICT,
    FigureRow,
    NoteRow,
    SummaryData,
)
from reviewer.summary.fonts import PdfFonts, pdf_fonts
from reviewer.summary.layout import (
    FAIL_COLOR,
    GROUP_FILL,
    HEAD_FILL,
    MARGIN_X,
    SheetStart,
    SheetStyles,
    para,
    paras,
    render_pdf,
    ruled_table,
    sheet_styles,
)
from reviewer.summary.markup import literal
from reviewer.vocabulary import ItemState, Severity, label, label_of

SHEET_TITLE = "法治政府建设年度报告审阅意见单"
FIGURE_STATE_LABELS = {
    ItemState.ACCEPTED: label(ItemState.ACCEPTED),
    ItemState.CORRECTED: label(ItemState.CORRECTED),
    ItemState.PENDING: "待确认",  # printed as the machine read it, for the reader to confirm
}
BLANK = "—"

UNREVIEWED_NOTICE = "本意见单仅含机器分析结果，尚未经审阅人确认；数据与检查结论均须人工核实。"
SECTION_TITLES = ("一、检查清单", "二、主要数据", "三、问题与批注", "四、审阅意见")
CHECK_HEAD = ("序号", "检查项目", "结论", "依据（引文或缺失说明）")
FIGURE_HEAD = ("序号", "原文", "数值", "单位", "统计对象", "状态")
NOTE_HEAD = ("序号", "类别", "原文引述", "说明及审阅意见")
NO_SECTION_GROUP = "（正文开头，未在标题下）"
WHOLE_REPORT_QUOTE = "（针对全文）"
NO_REMARKS = "（未填写）"

_WIDTH = A4[0] - 2 * MARGIN_X


def build_report_pdf(data: SummaryData, out: str | Path | BinaryIO | None = None) -> bytes:
    """One report's 审阅意见单 as PDF bytes; also written to ``out`` (a path or binary file) if given."""
    return build_reports_pdf([data], out)


def build_reports_pdf(sheets: Sequence[SummaryData], out: str | Path | BinaryIO | None = None) -> bytes:
    """Several 审阅意见单 in one PDF, each starting on a new page with its own page count."""
    fonts = pdf_fonts()
    styles = sheet_styles(fonts)
    story: list[Flowable] = []
    for index, data in enumerate(sheets):
        if index:
            story.append(PageBreak())
        story.extend(report_story(data, styles, fonts))
    title = SHEET_TITLE if len(sheets) != 1 else f"{SHEET_TITLE}：{report_name(sheets[0])}"
    return render_pdf(story, out, A4, title, fonts)


def report_name(data: SummaryData) -> str:
    return data.header.title or data.header.file_name


def report_story(data: SummaryData, styles: SheetStyles, fonts: PdfFonts) -> list[Flowable]:
    header = data.header
    running_left = " ".join(
        part for part in (header.unit or "单位未识别", f"{header.report_year}年度" if header.report_year else "") if part
    )
    running_right = SHEET_TITLE if data.reviewed else f"{SHEET_TITLE}（机器分析，未经审阅）"
    story: list[Flowable] = [
        SheetStart(running_left, running_right),
        para(SHEET_TITLE, styles.title),
        para(report_name(data), styles.subtitle),
    ]
    if not data.reviewed:
        story.append(_unreviewed_notice(styles))
    if header.recognized:
        story.append(para(RECOGNIZED_NOTICE, styles.cell_center))
    story.append(_header_table(data, styles))
    checks_title, figures_title, notes_title, remarks_title = SECTION_TITLES
    story += _section(checks_title, styles)
    story.append(_checks_table(data, styles))
    story += _section(figures_title, styles)
    story += _figures_block(data, styles)
    story += _section(notes_title, styles)
    story += _notes_block(data, styles)
    if data.reviewed and (data.accepted_in_bulk or data.unconfirmed):
        story.append(para(f"审阅项目中 {data.accepted_in_bulk} 项为成批确认，{data.unconfirmed} 项未经审阅人确认"
                          "（按机器识别结果列出）。", styles.note))
    story += _section(remarks_title, styles)
    remarks = paras(data.remarks.strip(), styles.body) or [para(NO_REMARKS, styles.body)]
    story += remarks[:-1]
    story.append(KeepTogether([remarks[-1], *_signature_block(data, styles)]))
    return story


RECOGNIZED_NOTICE = "本报告文字由扫描件识别，数据请与原件核对。"


def _section(title: str, styles: SheetStyles) -> list[Flowable]:
    return [CondPageBreak(40 * mm), para(title, styles.heading)]


def _unreviewed_notice(styles: SheetStyles) -> Flowable:
    return ruled_table(
        [[para(UNREVIEWED_NOTICE, styles.cell_center, FAIL_COLOR)]],
        [_WIDTH],
        styles.cell,
        header_rows=0,
        extra_styles=[("BOTTOMPADDING", (0, 0), (-1, -1), 5), ("TOPPADDING", (0, 0), (-1, -1), 4)],
    )


def or_blank(value: object) -> str:
    return BLANK if value in (None, "") else str(value)


def header_fields(data: SummaryData) -> list[list[tuple[str, str]]]:
    """The header table, row by row, as (label, value) pairs: a row of one pair spans the table's width.
    The last row is the verdict."""
    h = data.header
    verdict = h.verdict or (UNREVIEWED_VERDICT if not data.reviewed else "未定")
    source = h.file_name + (f"（SHA-256 {h.short_hash}）" if h.short_hash else "")
    rows: list[list[tuple[str, object]]] = [
        [("报告标题", h.title)],
        [("报送单位", h.unit), ("单位层级", h.level)],
        [("报告年度", f"{h.report_year}年" if h.report_year else None), ("公开日期", h.publish_date)],
        [("落款日期", h.sign_date), ("审阅状态", h.review_status or (None if data.reviewed else "未审阅"))],
        [("源文件", source)],
        [("审阅人", h.reviewer), ("审阅日期", h.review_date)],
    ]
    if h.office or h.document_number:
        rows.append([("审阅单位", h.office), ("编号", h.document_number)])
    rows.append([("审阅结论", verdict)])
    return [[(label, or_blank(value)) for label, value in row] for row in rows]


def _header_table(data: SummaryData, styles: SheetStyles) -> Flowable:
    fields = header_fields(data)
    rows: list[list[object]] = []
    for number, pairs in enumerate(fields):
        value_style = styles.cell_group if number == len(fields) - 1 else styles.cell
        cells: list[object] = []
        for name, value in pairs:
            cells += [para(name, styles.cell_head), para(value, value_style)]
        rows.append(cells + ["", ""] * (2 - len(pairs)))
    label_width = 22 * mm
    value_width = (_WIDTH - 2 * label_width) / 2
    full_width_rows = [r for r, pairs in enumerate(fields) if len(pairs) == 1]
    spans = [("SPAN", (1, r), (3, r)) for r in full_width_rows]
    shading = [("BACKGROUND", (0, 0), (0, -1), HEAD_FILL)]
    shading += [("BACKGROUND", (2, r), (2, r), HEAD_FILL) for r in range(len(rows)) if r not in full_width_rows]
    return ruled_table(rows, [label_width, value_width, label_width, value_width], styles.cell, 0, spans + shading)


def _result_cell(result: str, styles: SheetStyles) -> Paragraph:
    if result == CHECK_FAIL:
        return para(result, styles.cell_head, FAIL_COLOR)
    return para(result, styles.cell_center)


def _checks_table(data: SummaryData, styles: SheetStyles) -> Flowable:
    rows: list[list[object]] = [[para(t, styles.cell_head) for t in CHECK_HEAD]]
    for number, check in enumerate(data.checks, 1):
        evidence = paras(check.evidence, styles.cell) or [para(BLANK, styles.cell)]
        if check.note:
            evidence.append(para(check.note, styles.cell_aside))
        rows.append([para(str(number), styles.cell_center), para(check.item, styles.cell),
                     _result_cell(check.result, styles), evidence])
    return ruled_table(rows, [10 * mm, 42 * mm, 17 * mm, _WIDTH - 69 * mm], styles.cell)


def figure_counts_note(data: SummaryData) -> str:
    counts = {state: 0 for state in FIGURE_STATE_LABELS}
    for figure in data.figures:
        counts[figure.state] = counts.get(figure.state, 0) + 1
    parts = [f"{name} {counts[state]} 项" for state, name in FIGURE_STATE_LABELS.items()]
    note = f"列出 {len(data.figures)} 项（" + "，".join(parts) + "）"
    if counts[ItemState.PENDING]:
        note += "；灰色为尚待确认的机器识别值"
    if data.rejected_figures:
        note += f"；另有 {data.rejected_figures} 项经审阅人否定，未列出"
    return note + "。按报告章节排列；已更正的数值后附机器原识别值。"


def _figure_cells(figure: FigureRow, number: int, styles: SheetStyles) -> list[object]:
    style = styles.cell_muted if figure.state == ItemState.PENDING else styles.cell
    center = styles.cell_muted_center if figure.state == ItemState.PENDING else styles.cell_center
    value: list[Flowable] = [para(figure.value, style)]
    if figure.state == ItemState.CORRECTED:
        value = [Paragraph(f"<b>{literal(figure.value)}</b>", style)]  # the heading face: 黑体 stands for bold
        if figure.machine_value:
            value.append(para(machine_value_line(figure), styles.cell_aside))
    return [
        para(str(number), center),
        para(figure.text, style),
        value,
        para(figure.unit, center),
        para(figure.subject or BLANK, style),
        para(FIGURE_STATE_LABELS.get(figure.state, figure.state), center),
    ]


def machine_value_line(figure: FigureRow) -> str:
    return f"原识别：{figure.machine_value}"


def no_figures_note(data: SummaryData) -> str:
    if data.rejected_figures:
        return f"未列出数据（{data.rejected_figures} 项经审阅人否定）。"
    return "未列出数据。"


def _figures_block(data: SummaryData, styles: SheetStyles) -> list[Flowable]:
    if not data.figures:
        return [para(no_figures_note(data), styles.body)]
    rows: list[list[object]] = [[para(t, styles.cell_head) for t in FIGURE_HEAD]]
    extra: list[tuple] = []
    current_section: str | None = None
    for number, figure in enumerate(data.figures, 1):
        if figure.section != current_section:
            current_section = figure.section
            group_row = len(rows)
            extra += [("SPAN", (0, group_row), (-1, group_row)), ("BACKGROUND", (0, group_row), (-1, group_row), GROUP_FILL)]
            rows.append([para(figure.section or NO_SECTION_GROUP, styles.cell_group), "", "", "", "", ""])
        rows.append(_figure_cells(figure, number, styles))
    widths = [10 * mm, 38 * mm, 30 * mm, 14 * mm, 0, 17 * mm]
    widths[4] = _WIDTH - sum(widths)
    table = ruled_table(rows, widths, styles.cell, 1, extra)
    return [para(figure_counts_note(data), styles.note), Spacer(1, 2 * mm), table]


def severity_label(note: NoteRow) -> str:
    return f"（{label_of(Severity, note.severity)}）" if note.severity else ""


def note_category(note: NoteRow) -> str:
    return f"{note.source}·{note.label}"


def note_comment(note: NoteRow) -> str:
    """The reviewer's words on a note, as the sheet prints them ("" when none)."""
    return f"审阅意见：{note.comment}" if note.comment else ""


def rejected_findings_note(data: SummaryData) -> str:
    """The line under the notes table saying how many machine findings the reviewer rejected ("" when none)."""
    return f"另有 {data.rejected_findings} 项机器检查提示经审阅人否定，未列出。" if data.rejected_findings else ""


def generated_line(data: SummaryData) -> str:
    return f"本意见单由审阅助手于 {data.generated_at:%Y-%m-%d %H:%M} 生成。"


def signature_verdict(data: SummaryData) -> str:
    return data.header.verdict or (UNREVIEWED_VERDICT if not data.reviewed else "")


def _notes_block(data: SummaryData, styles: SheetStyles) -> list[Flowable]:
    flowables: list[Flowable] = []
    if data.notes:
        rows: list[list[object]] = [[para(t, styles.cell_head) for t in NOTE_HEAD]]
        for number, note in enumerate(data.notes, 1):
            explanation = paras(note.message, styles.cell)
            if note.comment:
                explanation += paras(note_comment(note), styles.cell)
            if note.state:
                explanation.append(para(note.state, styles.cell_aside))
            rows.append([
                para(str(number), styles.cell_center),
                [para(note_category(note), styles.cell), para(severity_label(note), styles.cell_aside)],
                para(note.quote or WHOLE_REPORT_QUOTE, styles.cell),
                explanation or para(BLANK, styles.cell),
            ])
        flowables.append(ruled_table(rows, [10 * mm, 34 * mm, 58 * mm, _WIDTH - 102 * mm], styles.cell))
    else:
        flowables.append(para("无。", styles.body))
    if data.rejected_findings:
        flowables.append(para(rejected_findings_note(data), styles.note))
    return flowables


def _signature_block(data: SummaryData, styles: SheetStyles) -> list[Flowable]:
    """审阅结论, then 审阅人签字 and 日期 on ruled blanks to sign by hand. The story keeps it on one page with
    the last paragraph of the remarks, so that no page holds only the signature."""
    rows = [
        [para("审阅结论：", styles.signature), para(signature_verdict(data), styles.signature), "", ""],
        [para("审阅人签字：", styles.signature), "", para("日期：", styles.signature), ""],
    ]
    lines = Table(rows, colWidths=[26 * mm, 58 * mm, 16 * mm, 45 * mm], hAlign="LEFT")
    lines.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), styles.signature.fontName),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 1), (-1, 1), 14),
        ("LINEBELOW", (1, 1), (1, 1), 0.6, colors.black),
        ("LINEBELOW", (3, 1), (3, 1), 0.6, colors.black),
    ]))
    generated = para(generated_line(data), styles.note)
    return [Spacer(1, 8 * mm), lines, Spacer(1, 6 * mm), generated]
