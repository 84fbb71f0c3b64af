"""The batch summary (汇总表), A4 landscape: one row per report, then the key indicators per report."""
from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable

from reviewer.summary.data import CHECK_FAIL, CHECK_PASS, BatchData, BatchRow, MissingUnit
from reviewer.summary.fonts import pdf_fonts
from reviewer.summary.layout import (
    FAIL_COLOR,
    MARGIN_X,
    MUTED,
    SheetStart,
    SheetStyles,
    fits_on_lines,
    para,
    render_pdf,
    ruled_table,
    sheet_styles,
)
from reviewer.vocabulary import Reporting, label

BATCH_TITLE = "法治政府建设年度报告审阅汇总表"
_PAGE = landscape(A4)
_WIDTH = _PAGE[0] - 2 * MARGIN_X
BLANK = "—"
TIMELINESS_LABELS = {CHECK_PASS: "按时", CHECK_FAIL: "逾期"}
INDICATORS_PER_TABLE = 10


def build_batch_pdf(data: BatchData, out: str | Path | BinaryIO | None = None) -> bytes:
    """The 汇总表 as PDF bytes; also written to ``out`` (a path or binary file) if given."""
    fonts = pdf_fonts()
    styles = sheet_styles(fonts, cell_size=8.5)
    story: list[Flowable] = [
        SheetStart(data.scope or BATCH_TITLE, f"{BATCH_TITLE}　生成于 {data.generated_at:%Y-%m-%d}"),
        para(BATCH_TITLE, styles.title),
        para(batch_subtitle(data), styles.subtitle),
        para("一、报告审阅情况", styles.heading),
        _reports_table(data, styles),
        para(reports_note(data), styles.note),
        CondPageBreak(50 * mm),
        para("二、主要指标", styles.heading),
        *_indicator_tables(data, styles),
        para(indicator_note(), styles.note),
    ]
    return render_pdf(story, out, _PAGE, BATCH_TITLE, fonts)


def batch_subtitle(data: BatchData) -> str:
    parts = [data.scope, f"共 {len(data.rows)} 份报告"]
    if data.not_reported:
        parts.append(f"{label(Reporting.NOT_REPORTED)} {len(data.not_reported)} 个单位")
    if data.office:
        parts.append(f"审阅单位：{data.office}")
    if data.reviewer:
        parts.append(f"审阅人：{data.reviewer}")
    parts.append(f"{data.generated_at:%Y年%m月%d日}")
    return "　".join(p for p in parts if p)


def unit_label(row: BatchRow) -> str:
    """The unit; a report from a unit not on its year's roster says so."""
    unit = row.unit or row.title or row.file_name or "单位未识别"
    return f"{unit}（{label(Reporting.OFF_ROSTER)}）" if row.reporting == Reporting.OFF_ROSTER else unit


def _balanced_lines(label: str, style: ParagraphStyle, width: float) -> str:
    """A column label too long for one line, broken after its "/" or in the middle (no orphan character)."""
    if fits_on_lines(label, style, width):
        return label
    if "/" in label:
        head, _, tail = label.partition("/")
        return f"{head}/\n{tail}"
    middle = (len(label) + 1) // 2
    return f"{label[:middle]}\n{label[middle:]}"


class _Grid:
    """Rows of a big table: plain strings where they fit on their lines (fast), wrapping Paragraphs
    otherwise. Plain cells are centred unless their column is in ``left_columns``."""

    def __init__(self, styles: SheetStyles, head: list[str], widths: list[float], left_columns: tuple[int, ...]):
        self.styles = styles
        self.widths = widths
        self.left_columns = left_columns
        self.rows: list[list[object]] = [
            [para(_balanced_lines(t, styles.cell_head, w), styles.cell_head) for t, w in zip(head, widths)]
        ]
        self.commands: list[tuple] = [("ALIGN", (0, 0), (-1, -1), "CENTER")]
        self.commands += [("ALIGN", (c, 1), (c, -1), "LEFT") for c in left_columns]

    def add(self, texts: list[str], colors: dict[int, Color]) -> None:
        row_index = len(self.rows)
        cells: list[object] = []
        for column, text in enumerate(texts):
            color = colors.get(column)
            if fits_on_lines(text, self.styles.cell, self.widths[column]):
                cells.append(text)
                if color is not None:
                    self.commands.append(("TEXTCOLOR", (column, row_index), (column, row_index), color))
            else:
                style = self.styles.cell if column in self.left_columns else self.styles.cell_center
                cells.append(para(text, style, color))
        self.rows.append(cells)

    def table(self) -> Flowable:
        return ruled_table(self.rows, self.widths, self.styles.cell, 1, self.commands)


def required_text(row: BatchRow) -> str:
    if row.required == CHECK_PASS:
        return "齐全"
    if row.missing_parts:
        prefix = "缺" if row.required == CHECK_FAIL else "需核实："
        return prefix + "、".join(row.missing_parts)
    return row.required


REPORTS_HEAD = ("序号", "单位", "年度", "公开日期", "公开及时", "必备内容", "问题数", "审阅结论")
TIMELINESS_COLUMN, REQUIRED_COLUMN, VERDICT_COLUMN = 4, 5, 7


def report_row_texts(number: int, row: BatchRow) -> list[str]:
    """One line of the reports table, column by column (REPORTS_HEAD)."""
    return [
        str(number),
        unit_label(row),
        str(row.report_year) if row.report_year else BLANK,
        row.publish_date or BLANK,
        TIMELINESS_LABELS.get(row.timeliness, row.timeliness),
        required_text(row),
        str(row.open_findings),
        row.verdict or "未审阅",
    ]


def missing_row_texts(number: int, unit: MissingUnit) -> list[str]:
    """The line of a roster unit with no report (未报送) in the reports table, under REPORTS_HEAD; its
    verdict column is printed as a failure."""
    return [str(number), unit.unit, str(unit.report_year), BLANK, BLANK, BLANK, BLANK, label(Reporting.NOT_REPORTED)]


def failed_columns(row: BatchRow) -> list[int]:
    """Columns of the reports table printed as failures: late publication, a missing required part."""
    return [column for column, result in ((TIMELINESS_COLUMN, row.timeliness), (REQUIRED_COLUMN, row.required))
            if result == CHECK_FAIL]


def _reports_table(data: BatchData, styles: SheetStyles) -> Flowable:
    widths = [12 * mm, 0, 16 * mm, 26 * mm, 20 * mm, 95 * mm, 16 * mm, 24 * mm]
    widths[1] = _WIDTH - sum(widths)
    grid = _Grid(styles, list(REPORTS_HEAD), widths, left_columns=(1, REQUIRED_COLUMN))
    for number, row in enumerate(data.rows, 1):
        grid.add(report_row_texts(number, row), {column: FAIL_COLOR for column in failed_columns(row)})
    for number, unit in enumerate(data.not_reported, len(data.rows) + 1):
        grid.add(missing_row_texts(number, unit), {VERDICT_COLUMN: FAIL_COLOR})
    return grid.table()


def reports_note(data: BatchData | None = None) -> str:
    """What the reports table's columns mean (with the roster's marks when ``data`` has a roster)."""
    note = (
        "公开及时：公开日期不晚于报告年度次年3月31日为按时；必备内容：主要举措和成效、存在的不足和原因、"
        "党政主要负责人履行第一责任人职责情况、下一年度主要安排；问题数：未被审阅人否定的检查问题。"
    )
    if data is not None and (data.not_reported or any(row.reporting is not None for row in data.rows)):
        note += "未报送：报送名单中该年度没有报告的单位；不在名单：报告单位不在该年度报送名单中。"
    return note


def _indicator_tables(data: BatchData, styles: SheetStyles) -> list[Flowable]:
    """The indicator columns in tables of at most INDICATORS_PER_TABLE columns each, one under the other."""
    names = data.indicator_names
    tables: list[Flowable] = []
    for first in range(0, len(names), INDICATORS_PER_TABLE):
        if tables:
            tables.append(CondPageBreak(30 * mm))
        tables.append(_indicator_table(data, names[first:first + INDICATORS_PER_TABLE], styles))
    return tables


def _indicator_table(data: BatchData, names: list[str], styles: SheetStyles) -> Flowable:
    unit_width, year_width = 34 * mm, 12 * mm
    indicator_width = (_WIDTH - unit_width - year_width) / max(len(names), 1)
    grid = _Grid(styles, ["单位", "年度", *names], [unit_width, year_width] + [indicator_width] * len(names), (0,))
    for row in data.rows:
        texts, pending = indicator_row_texts(row, names)
        grid.add(texts, {column: MUTED for column in pending})
    return grid.table()


def indicator_row_texts(row: BatchRow, names: list[str]) -> tuple[list[str], list[int]]:
    """One line of an indicator table (单位, 年度, then the cells of ``names``), and the columns holding a
    value not yet confirmed."""
    texts = [unit_label(row), str(row.report_year) if row.report_year else BLANK]
    pending = []
    for column, name in enumerate(names, len(texts)):
        cell = row.indicators.get(name)
        texts.append(cell.text if cell else BLANK)
        if cell is not None and cell.pending:
            pending.append(column)
    return texts, pending


def indicator_note() -> str:
    return (
        "取值：审阅人确认、填写或改指的数据为准；灰色为尚未确认的机器识别值；审阅人否决的指标不列出。"
        "每项指标取报告中本单位本年度首次表述的总数，不取“其中”分项、同比变化、计划目标和其他单位的数据；"
        "报告未提及的留空（—）。"
    )
