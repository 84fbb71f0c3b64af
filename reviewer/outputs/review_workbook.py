"""The review work of a workspace as an Excel workbook: 审阅概况 (one row per report), 数据 (every figure),
指标 (the indicator table: a row per report, a column per indicator of the catalogue), and when the workspace
has rosters (报送名单) 报送名单: each roster unit with its reports or 未报送, then the reports off the roster.
The whole workspace's 审阅概况 ends with the roster units that sent no report (审阅状态 未报送).

Values are the effective ones: the reviewer's correction, else the confirmed machine value, else the
machine's value still to confirm (grey italic). A rejected figure is listed with its machine value but
no value taken, so that column sums count only what stands. The indicator cells are the workspace's
reviewed cells (``resolve_cells``), each a number shown with its own unit (16件, 97.6%).
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from reviewer.analysis.indicator_catalogue import indicator_columns
from reviewer.outputs.workbook import CellKind, Column, Row, Table, all_columns, build_workbook, with_unit
from reviewer.summary.collect import path_at, section_paths
from reviewer.vocabulary import ItemKind, ItemState, Level, Origin, Reporting, ReviewStatus, Verdict, label, label_of
from reviewer.workspace.indicator_cells import resolve_cells
from reviewer.workspace.model import ReportSummary, ReviewItem
from reviewer.workspace.roster import RosterEntry
from reviewer.workspace.roster_status import RosterStatus
from reviewer.workspace.values import FigureValues

if TYPE_CHECKING:
    from reviewer.workspace import Workspace

OVERVIEW_SHEET = "审阅概况"
FIGURES_SHEET = "数据"
INDICATORS_SHEET = "指标"
ROSTER_SHEET = "报送名单"
MUTED_LEGEND = "灰色斜体为机器识别、尚未经审阅人确认的值。"

YEAR = Column("年度", CellKind.NUMBER, 8, "0")
OVERVIEW_COLUMNS: tuple[Column, ...] = (
    Column("编号", CellKind.NUMBER, 8, "0"),
    Column("单位", max_width=30),
    Column("单位层级", max_width=12),
    YEAR,
    Column("报告标题", max_width=50),
    Column("审阅状态", max_width=10),
    Column("审阅结论", max_width=10),
    Column("问题数", CellKind.NUMBER, 8, "0"),
    Column("待审项", CellKind.NUMBER, 8, "0"),
    Column("公开日期", CellKind.DATE, 12),
    Column("文件名", max_width=40),
)
FIGURE_COLUMNS: tuple[Column, ...] = (
    Column("报告编号", CellKind.NUMBER, 8, "0"),
    Column("单位", max_width=24),
    YEAR,
    Column("章节", max_width=50),
    Column("原文", max_width=30),
    Column("统计对象", max_width=30),
    Column("采用值", CellKind.NUMBER, 12),
    Column("计量单位", max_width=10),
    Column("约数", max_width=6),
    Column("状态", max_width=8),
    Column("机器识别值", CellKind.NUMBER, 12),
    Column("更正值", CellKind.NUMBER, 12),
    Column("来源", max_width=10),
)
ROSTER_COLUMNS: tuple[Column, ...] = (
    YEAR,
    Column("序号", CellKind.NUMBER, 6, "0"),
    Column("名单中的单位", max_width=30),
    Column("单位层级", max_width=12),
    Column("报送情况", max_width=10),
    Column("报告编号", CellKind.NUMBER, 8, "0"),
    Column("报告中的单位", max_width=30),
    Column("报告标题", max_width=50),
)
INDICATOR_ROW_COLUMNS: tuple[Column, ...] = (Column("报告编号", CellKind.NUMBER, 8, "0"), Column("单位", max_width=24), YEAR)
_METADATA_COLUMNS = {"unit": 1, "level": 2, "report_year": 3, "title": 4, "publish_date": 9}
"""Overview columns showing a metadata value: grey while the reviewer has not confirmed it."""


def review_workbook(ws: Workspace, report_ids: Sequence[int] | None = None) -> bytes:
    """The .xlsx of ``report_ids`` (in that order), or of every report in the workspace."""
    return build_workbook(review_tables(ws, report_ids))


def review_tables(ws: Workspace, report_ids: Sequence[int] | None = None) -> list[Table]:
    summaries = {summary.id: summary for summary in ws.reports()}
    statuses = ws.roster_status(list(summaries.values()))
    if report_ids is None:
        ordered = sorted(summaries.values(), key=lambda r: (r.unit or "", r.report_year or 0, r.id))
        missing = [(status.year, entry) for status in statuses for entry in status.missing]
    else:
        ordered = [summaries[report_id] for report_id in report_ids]
        missing = []
    counted = f"共 {len(ordered)} 份" + (f"；名单中未报送的单位 {len(missing)} 个列在最后" if missing else "")
    overview = Table(OVERVIEW_SHEET, f"报告审阅概况，{counted}。{MUTED_LEGEND}", OVERVIEW_COLUMNS)
    figures = Table(FIGURES_SHEET, "", FIGURE_COLUMNS)
    columns = indicator_columns()
    indicators = Table(
        INDICATORS_SHEET,
        f"主要指标，每份报告一行。单元格为数值（显示时带计量单位）；审阅人确认、填写或改指的数据为准，否决的不填。{MUTED_LEGEND}",
        INDICATOR_ROW_COLUMNS + tuple(Column(name, CellKind.NUMBER, 16) for name in columns.values()),
    )
    for summary in ordered:
        items = ws.items(summary.id, include_unanchored=True)
        overview.rows.append(_overview_row(summary, items))
        figures.rows.extend(_figure_rows(summary, items))
        indicators.rows.append(_indicator_row(summary, items, list(columns)))
    overview.rows.extend(_missing_row(year, entry) for year, entry in missing)
    figures.note = (
        f"报告中的数据，共 {len(figures.rows)} 项。采用值：审阅人更正值，否则为已确认或待确认的机器识别值；"
        f"已否决的数据不计采用值。{MUTED_LEGEND}"
    )
    if not statuses:
        return [overview, figures, indicators]
    return [overview, figures, indicators, _roster_table(statuses, summaries)]


def _missing_row(year: int, entry: RosterEntry) -> Row:
    """A roster unit with no report, as a line of 审阅概况."""
    return Row([None, entry.name, label_of(Level, entry.level) or None, year, None, label(Reporting.NOT_REPORTED),
                None, None, None, None, None])


def _roster_table(statuses: Sequence[RosterStatus], summaries: dict[int, ReportSummary]) -> Table:
    """报送名单: per year each roster unit, one line per report from it (none: 未报送), then the reports of that
    year from units not on the roster (不在名单)."""
    table = Table(ROSTER_SHEET, "各年度报送名单及报送情况：名单中的单位按名单顺序，每份报告一行；未报送的单位没有报告编号；"
                  "最后是单位不在该年度名单中的报告（不在名单）。按报告单位的规范化名称与名单比对。", ROSTER_COLUMNS)
    for status in statuses:
        for line in status.lines:
            entry = line.entry
            head = [status.year, entry.ordinal, entry.name, label_of(Level, entry.level) or None, label(line.status)]
            table.rows.extend(Row(head + [report_id, summaries[report_id].unit, summaries[report_id].title])
                              for report_id in line.report_ids)
            if not line.report_ids:
                table.rows.append(Row(head + [None, None, None]))
        for report in status.off_roster:
            table.rows.append(Row([status.year, None, None, None, label(Reporting.OFF_ROSTER), report.id,
                                   report.unit, report.title]))
    return table


def _overview_row(summary: ReportSummary, items: list[ReviewItem]) -> Row:
    pending_fields = {
        getattr(item.effective, "field", None)
        for item in items if item.kind == ItemKind.METADATA and item.state == ItemState.PENDING
    }
    return Row(
        values=[
            summary.id, summary.unit, label_of(Level, summary.level) or None, summary.report_year, summary.title,
            label_of(ReviewStatus, summary.status), label_of(Verdict, summary.verdict) or "未定",
            summary.open_findings, summary.pending_items, summary.publish_date, summary.file_name,
        ],
        muted=frozenset(column for name, column in _METADATA_COLUMNS.items() if name in pending_fields),
    )


def _figure_rows(summary: ReportSummary, items: list[ReviewItem]) -> list[Row]:
    paths = section_paths(item for item in items if item.kind == ItemKind.SECTION)
    rows = []
    for item in items:
        values = item.effective
        if item.kind != ItemKind.FIGURE or not isinstance(values, FigureValues):
            continue
        machine = item.machine if isinstance(item.machine, FigureValues) else None
        corrected = item.corrected if item.state == ItemState.CORRECTED and isinstance(item.corrected, FigureValues) \
            else None
        rows.append(Row(
            values=[
                summary.id, summary.unit, summary.report_year, path_at(paths, item.start),
                values.text, values.subject,
                None if item.state == ItemState.REJECTED else values.value,
                values.unit, "是" if values.approx else None, label_of(ItemState, item.state),
                machine.value if machine else None, corrected.value if corrected else None,
                label_of(Origin, item.origin),
            ],
            muted=all_columns(FIGURE_COLUMNS) if item.state == ItemState.PENDING else frozenset(),
        ))
    return rows


def _indicator_row(summary: ReportSummary, items: list[ReviewItem], codes: list[str]) -> Row:
    """The report's indicator cells as the reviewer left them (``resolve_cells``), each a number with its unit."""
    cells: list[object] = [summary.id, summary.unit, summary.report_year]
    cells += [None] * len(codes)
    muted: set[int] = set()
    formats: dict[int, str] = {}
    for code, cell in resolve_cells(items).items():
        if code not in codes or cell.value is None:
            continue
        column = len(INDICATOR_ROW_COLUMNS) + codes.index(code)
        cells[column] = cell.value
        formats[column] = with_unit(cell.unit)
        if not cell.confirmed:
            muted.add(column)
    return Row(cells, frozenset(muted), formats)
