"""Exports of the review work: everything as JSON, the figures as a CSV table for Excel."""
from __future__ import annotations

import csv
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from reviewer.analysis import ANALYZER_VERSION
from reviewer.vocabulary import ItemKind, ItemState, label
from reviewer.workspace.cell_text import spreadsheet_text
from reviewer.workspace.db import now
from reviewer.workspace.migrations import SCHEMA_VERSION
from reviewer.workspace.model import ReportSummary, ReviewItem
from reviewer.workspace.values import FigureValues, MetadataValues, to_stored

if TYPE_CHECKING:
    from reviewer.workspace.workspace import Workspace

FIGURE_COLUMNS: tuple[str, ...] = (
    "报告编号", "文件名", "单位", "年度", "标题",
    "原文", "数值", "计量单位", "约数", "统计对象",
    "审阅状态", "来源", "机器识别数值", "机器识别单位", "机器识别统计对象",
    "起始位置", "结束位置", "审阅人", "审阅时间",
)


def export_json(workspace: Workspace) -> dict[str, Any]:
    """Every current report with its metadata, review, items (machine, corrected and effective
    values) and annotations, and the rosters' units by year. The texts and files themselves are not included."""
    reports = []
    for summary in workspace.reports():
        stored = workspace.report(summary.id)
        items = workspace.items(summary.id, include_unanchored=True)
        reports.append(
            asdict(summary)
            | {
                "source_path": stored.source_path,
                "sha256": stored.sha256,
                "format": stored.format,
                "encoding": stored.encoding,
                "analyzer_version": stored.analysis.analyzer_version,
                "text_chars": len(stored.analysis.text),
                "metadata": {
                    values.field: values.value
                    for item in items
                    if isinstance(values := item.effective, MetadataValues) and item.state != ItemState.REJECTED
                },
                "review": asdict(workspace.review(summary.id)),
                "items": [asdict(item) | {"effective": to_stored(item.effective)} for item in items],
                "annotations": [asdict(a) for a in workspace.annotations(summary.id)],
            }
        )
    return {
        "exported_at": now(),
        "workspace": str(workspace.path),
        "schema_version": SCHEMA_VERSION,
        "analyzer_version": ANALYZER_VERSION,
        "reviewer": workspace.reviewer_name,
        "reports": reports,
        "rosters": [asdict(entry) for year in workspace.roster_years() for entry in workspace.roster(year)],
    }


def write_figures_csv(workspace: Workspace, path: Path) -> int:
    with open(path, "w", encoding="utf-8", newline="") as stream:
        return write_figures_csv_to(workspace, stream)


def write_figures_csv_to(workspace: Workspace, stream: TextIO) -> int:
    """Writes the byte-order mark first, so Excel reads the file as UTF-8. Returns the row count."""
    stream.write("\ufeff")
    writer = csv.writer(stream)
    writer.writerow(FIGURE_COLUMNS)
    rows = 0
    for summary in workspace.reports():
        for item in workspace.items(summary.id, kind=ItemKind.FIGURE, include_unanchored=True):
            writer.writerow(_figure_row(summary, item))
            rows += 1
    return rows


def _figure_row(summary: ReportSummary, item: ReviewItem) -> list[Any]:
    """Text cells go through :func:`spreadsheet_text`, so no cell reaches Excel as a formula."""
    values = item.effective
    machine = item.machine if isinstance(item.machine, FigureValues) else FigureValues()
    assert isinstance(values, FigureValues)
    cells = [
        summary.id, summary.file_name, summary.unit or "", summary.report_year or "", summary.title or "",
        values.text, _number(values.value), values.unit or "",
        "是" if values.approx else "否", values.subject or "",
        label(item.state), label(item.origin),
        _number(machine.value), machine.unit or "", machine.subject or "",
        "" if item.start is None else item.start, "" if item.end is None else item.end,
        item.reviewer or "", item.updated_at or "",
    ]
    return [spreadsheet_text(cell) if isinstance(cell, str) else cell for cell in cells]


def _number(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return "" if value is None else value
