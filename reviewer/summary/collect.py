"""Fill the summary data from a workspace (the reviewer's decisions applied) or from a bare analysis.

Figures: corrected and accepted ones are listed, rejected ones left out (counted), pending ones listed as
待确认 (printed grey). The batch indicators are the reviewed cells of the indicator catalogue
(:mod:`reviewer.workspace.indicator_cells`): the reviewer's first, machine values marked, rejected ones out.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from reviewer.analysis.indicator_catalogue import indicator_columns
from reviewer.analysis.model import Analysis
from reviewer.summary.checklist import (
    checklist,
    open_findings,
    quote,
    required_rows,
    reviewed_metadata,
    timeliness_row,
)
from reviewer.summary.data import (
    CHECK_FAIL,
    CHECK_PASS,
    CHECK_VERIFY,
    UNREVIEWED_VERDICT,
    BatchData,
    BatchRow,
    FigureRow,
    IndicatorCell,
    MissingUnit,
    NoteRow,
    SheetHeader,
    SummaryData,
)
from reviewer.summary.review_view import ReviewView, batch_views, view_from_analysis, view_from_workspace
from reviewer.vocabulary import (
    AnnotationTag,
    FindingCode,
    ItemKind,
    ItemState,
    Origin,
    ReviewStatus,
    Severity,
    label,
    parse,
)
from reviewer.workspace import FigureValues, ReviewItem, RosterStatus, document_number
from reviewer.workspace.attention import needs_decision
from reviewer.workspace.indicator_cells import resolve_cells

if TYPE_CHECKING:
    from reviewer.workspace import Workspace

SHORT_HASH_CHARS = 12
SECTION_TITLE_CHARS = 24
_FINDING_STATES = {ItemState.PENDING: "待确认", ItemState.ACCEPTED: "已确认", ItemState.CORRECTED: "审阅人已修改"}
_SECTION_STYLES = {0: "第{}部分 ", 1: "{}、", 2: "（{}）", 3: "{}.", 4: "（{}）"}
GROUPING_LEVELS = 2
"""Figures are grouped under the heading path down to this level (一、 and （一）)."""


def collect_report(ws: Workspace, report_id: int) -> SummaryData:
    """The review sheet of one workspace report."""
    return summary_from_view(view_from_workspace(ws, report_id))


def collect_analysis(analysis: Analysis, file_name: str | None = None, sha256: str | None = None) -> SummaryData:
    """The sheet of a report never imported: machine analysis only, marked 未审阅."""
    return summary_from_view(view_from_analysis(analysis, file_name, sha256))


def collect_batch(ws: Workspace, report_ids: Sequence[int] | None = None) -> BatchData:
    """The batch summary of ``report_ids`` (in that order), or of every report in the workspace."""
    summaries = ws.reports() if report_ids is None else ws.reports(list(report_ids))
    reporting = {r.id: r.reporting for r in summaries}
    not_reported: list[MissingUnit] = []
    if report_ids is None:
        ids = [r.id for r in sorted(summaries, key=lambda r: (r.unit or "", r.report_year or 0, r.id))]
        scope = "工作区全部报告"
        not_reported = missing_units(ws.roster_status(summaries))
    else:
        ids, scope = list(report_ids), "选定报告"
    rows = []
    for view in batch_views(ws, ids):
        row = batch_row_from_view(view)
        row.reporting = reporting.get(view.report_id or 0)
        rows.append(row)
    return BatchData(
        rows=rows,
        indicator_names=list(indicator_columns().values()),
        scope=scope,
        reviewer=ws.reviewer_name or None,
        office=ws.identity.office_name or None,
        not_reported=not_reported,
    )


def missing_units(statuses: Sequence[RosterStatus]) -> list[MissingUnit]:
    """The 未报送 units of every roster, by year, in roster order."""
    return [MissingUnit(entry.name, status.year, label(entry.level) if entry.level else None)
            for status in statuses for entry in status.missing]


def collect_analyses_batch(analyses: Sequence[Analysis]) -> BatchData:
    """A batch summary of reports never imported (machine values only)."""
    return BatchData(
        rows=[batch_row_from_view(view_from_analysis(a)) for a in analyses],
        indicator_names=list(indicator_columns().values()),
        scope="未导入的报告（仅机器分析）",
    )


def _is_reviewed(view: ReviewView) -> bool:
    review = view.review
    if review is None:
        return False
    touched = any(item.state != ItemState.PENDING for item in view.items)
    return touched or bool(view.annotations) or review.verdict is not None or bool(review.remarks.strip()) \
        or review.status != ReviewStatus.UNREVIEWED


def _header(view: ReviewView, metadata: dict[str, object] | None = None) -> SheetHeader:
    """``metadata``: :func:`reviewed_metadata` of the view, when already worked out."""
    metadata = reviewed_metadata(view) if metadata is None else metadata
    review = view.review
    review_date = None
    if review is not None:
        review_date = (review.finished_at or review.updated_at or "")[:10] or None
    year = metadata["report_year"]
    return SheetHeader(
        file_name=view.file_name,
        title=_text_or_none(metadata["title"]),
        unit=_text_or_none(metadata["unit"]),
        level=_text_or_none(metadata["level"]),
        report_year=year if isinstance(year, int) else None,
        publish_date=_text_or_none(metadata["publish_date"]),
        sign_date=_text_or_none(metadata["sign_date"]),
        short_hash=view.sha256[:SHORT_HASH_CHARS] if view.sha256 else None,
        reviewer=(review.reviewer if review else None) or view.reviewer_name or None,
        review_date=review_date,
        verdict=(label(review.verdict) if review.verdict else None) if review else UNREVIEWED_VERDICT,
        review_status=label(review.status) if review else None,
        recognized=view.analysis.recognized,
        office=view.identity.office_name or None,
        document_number=_document_number(view, review_date),
    )


def _document_number(view: ReviewView, review_date: str | None) -> str | None:
    """The sheet's number when a prefix is set: the review's year (this year before a review) and the report id."""
    prefix = view.identity.document_prefix
    if not prefix or view.report_id is None:
        return None
    year = int(review_date[:4]) if review_date else datetime.now().year
    return document_number(prefix, year, view.report_id)


def _text_or_none(value: object) -> str | None:
    return None if value in (None, "") else str(value)


def format_value(value: object) -> str:
    """A figure's value for print: integers without ``.0``, decimals as written."""
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, (int, float)):
        number = float(value)
        return str(int(number)) if number.is_integer() else f"{number:.6g}"
    return str(value)


def section_paths(sections: Iterable[ReviewItem]) -> list[tuple[int, str]]:
    """(start offset, heading path label) of each heading item down to GROUPING_LEVELS, in text order."""
    headings = []
    for item in sections:
        if item.state == ItemState.REJECTED or item.start is None:
            continue
        values = item.effective
        level = int(values.level)
        label = _SECTION_STYLES.get(level, "{} ").format(values.num) + _short(values.title)
        headings.append((item.start, level, label))
    headings.sort()
    paths: list[tuple[int, str]] = []
    stack: list[tuple[int, str]] = []
    for start, level, label in headings:
        if level > GROUPING_LEVELS:
            continue
        stack = [entry for entry in stack if entry[0] < level] + [(level, label)]
        paths.append((start, " ".join(part for _, part in stack)))
    return paths


def _short(title: str) -> str:
    title = " ".join(title.split())
    return title if len(title) <= SECTION_TITLE_CHARS else title[: SECTION_TITLE_CHARS - 1] + "…"


def path_at(paths: list[tuple[int, str]], offset: int | None) -> str:
    """The heading path (from :func:`section_paths`) a text offset stands under; "" before any heading."""
    label = ""
    for start, path in paths:
        if offset is None or start > offset:
            break
        label = path
    return label


def _listed_figures(view: ReviewView) -> list[ReviewItem]:
    figures = [item for item in view.of_kind(ItemKind.FIGURE) if item.state != ItemState.REJECTED]
    return sorted(figures, key=lambda item: (item.start is None, item.start or 0))


def figure_display(values: FigureValues) -> str:
    approx = "约" if values.approx else ""
    return approx + format_value(values.value)


def _figure_row(view: ReviewView, item: ReviewItem, section: str) -> FigureRow:
    values = item.effective
    machine = item.machine or values
    text = machine.text or values.text or quote(view, item.start, item.end)
    machine_value = None
    if item.state == ItemState.CORRECTED:
        differences = []
        if (machine.value, machine.unit) != (values.value, values.unit):
            differences.append(figure_display(machine) + str(machine.unit or ""))
        if machine.subject != values.subject and machine.subject:
            differences.append(f"统计对象 {machine.subject}")
        machine_value = "；".join(differences) or None
    state = item.state if item.state in (ItemState.CORRECTED, ItemState.PENDING) else ItemState.ACCEPTED
    return FigureRow(
        section=section,
        text=str(text),
        value=figure_display(values),
        unit=str(values.unit or ""),
        subject=str(values.subject or ""),
        state=state,
        machine_value=machine_value,
    )


def _notes(view: ReviewView) -> list[NoteRow]:
    positioned: list[tuple[int, NoteRow]] = []
    for item in open_findings(view):
        values = item.effective
        manual = item.origin == Origin.MANUAL
        positioned.append((item.start if item.end and item.start is not None and item.end > item.start else -1, NoteRow(
            source="人工" if manual else "检查",
            label=_finding_label(values.code, manual),
            severity=parse(Severity, values.severity) or Severity.WARNING,
            quote=quote(view, item.start, item.end, 150),
            message=values.message,
            state="" if manual else _FINDING_STATES.get(item.state, ""),
        )))
    for annotation in view.annotations:
        positioned.append((annotation.start if annotation.start is not None else -1, NoteRow(
            source="批注",
            label=label(AnnotationTag(annotation.tag)),
            severity=annotation.severity,
            quote=" ".join(annotation.quote.split())[:150] if annotation.start is not None else "",
            message="",
            comment=annotation.comment,
            state="" if annotation.anchored else "原文已变动，未能重新定位",
        )))
    positioned.sort(key=lambda pair: pair[0])
    return [note for _, note in positioned]


def _finding_label(value: object, manual: bool) -> str:
    """The code's label; a reviewer's finding without a known code is 审阅人提出, an unknown code shown as is."""
    code = parse(FindingCode, value)
    if code is not None:
        return label(code)
    return label(FindingCode.MANUAL) if manual or not value else str(value)


def summary_from_view(view: ReviewView) -> SummaryData:
    paths = section_paths(view.of_kind(ItemKind.SECTION))
    figures = [_figure_row(view, item, path_at(paths, item.start)) for item in _listed_figures(view)]
    return SummaryData(
        header=_header(view),
        checks=checklist(view),
        figures=figures,
        notes=_notes(view),
        remarks=view.review.remarks if view.review else "",
        reviewed=_is_reviewed(view),
        rejected_figures=sum(1 for item in view.of_kind(ItemKind.FIGURE) if item.state == ItemState.REJECTED),
        rejected_findings=sum(1 for item in view.of_kind(ItemKind.FINDING) if item.state == ItemState.REJECTED),
        accepted_in_bulk=sum(1 for item in view.items
                             if item.state == ItemState.ACCEPTED and item.id in view.bulk_decided),
        unconfirmed=sum(1 for item in view.items if needs_decision(item.kind, item.state)),
    )


def indicator_row(view: ReviewView) -> dict[str, IndicatorCell]:
    """Column header → the reviewed cell of the report, for the columns it fills."""
    columns = indicator_columns()
    cells = resolve_cells(view.of_kind(ItemKind.INDICATOR) + view.of_kind(ItemKind.FIGURE))
    return {columns[code]: IndicatorCell(text=cell.display, pending=not cell.confirmed)
            for code, cell in cells.items() if code in columns}


def batch_row_from_view(view: ReviewView) -> BatchRow:
    """The report's row of the batch summary: its header, required parts and timeliness, not the sheet's
    figure list or its other checks."""
    metadata = reviewed_metadata(view)
    parts = required_rows(view, metadata)
    results = {row.result for row in parts}
    required = CHECK_FAIL if CHECK_FAIL in results else CHECK_VERIFY if CHECK_VERIFY in results else CHECK_PASS
    header = _header(view, metadata)
    return BatchRow(
        unit=header.unit,
        report_year=header.report_year,
        publish_date=header.publish_date,
        timeliness=timeliness_row(view, metadata).result,
        required=required,
        missing_parts=[row.item for row in parts if row.result != CHECK_PASS],
        open_findings=len(open_findings(view)),
        verdict=header.verdict or header.review_status,
        title=header.title,
        file_name=header.file_name,
        indicators=indicator_row(view),
    )
