"""与上年对比: a report and the same unit's previous report side by side, paragraph by paragraph.

Rows come from :func:`reviewer.analysis.text_diff.aligned_rows`: unchanged paragraphs plain, changed ones
on a yellow ground with the differing characters in red, new ones green (right only), removed ones grey
(left only). Sections are paired by heading, and a renamed heading by the text under it, before their
paragraphs are aligned. The two views scroll together. Above them, a table of the indicators: last year's
value, this year's, and the change (the reviewed cells of 指标对比). The previous report is the one of
:func:`reviewer.summary.comparison.previous_reports` (same unit key, nearest earlier year).
"""
from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reviewer.analysis.model import Section
from reviewer.analysis.text_diff import AlignedRow, RowKind, Span, aligned_rows
from reviewer.summary.comparison import ComparedReport, IndicatorYears, compared_reports, indicator_years
from reviewer.workspace import Workspace

ROW_COLOURS = {RowKind.UNCHANGED: "", RowKind.CHANGED: "#fff4c2", RowKind.NEW: "#dff5df", RowKind.REMOVED: "#eeeeee"}
CHANGE_STYLE = "color:#c00000;font-weight:bold"
INDICATOR_ROWS_SHOWN = 6
"""Rows of the indicator table shown without scrolling (the texts below keep the rest of the height)."""
ROW_TIPS = {RowKind.UNCHANGED: "未变", RowKind.CHANGED: "改动", RowKind.NEW: "新增", RowKind.REMOVED: "删去"}


def side_html(text: str, rows: list[AlignedRow], old_side: bool) -> str:
    """One side's HTML: a table row per aligned row (an empty cell where this side has nothing)."""
    cells = []
    for row in rows:
        span = row.old if old_side else row.new
        changes = row.old_changes if old_side else row.new_changes
        colour = ROW_COLOURS[row.kind]
        style = f' style="background:{colour}"' if colour and span is not None else ""
        body = _marked(text, span, changes) if span is not None else "&nbsp;"
        cells.append(f'<tr><td{style} title="{ROW_TIPS[row.kind]}">{body}</td></tr>')
    return '<table width="100%" cellspacing="0" cellpadding="4">' + "".join(cells) + "</table>"


def legend_html(rows: list[AlignedRow]) -> str:
    """The count of each kind of row, each on its colour (the legend of the two views)."""
    counts = {kind: sum(1 for r in rows if r.kind == kind) for kind in RowKind}
    parts = []
    for kind in (RowKind.UNCHANGED, RowKind.CHANGED, RowKind.NEW, RowKind.REMOVED):
        colour = ROW_COLOURS[kind]
        style = f"background:{colour};" if colour else "border:1px solid #bbbbbb;"
        parts.append(f'<span style="{style}">&nbsp;{ROW_TIPS[kind]} {counts[kind]} 段&nbsp;</span>')
    return "&nbsp;&nbsp;".join(parts) + f'&nbsp;&nbsp;（<span style="{CHANGE_STYLE}">红字</span>为改动的文字）'


def _marked(text: str, span: Span, changes: tuple[Span, ...]) -> str:
    parts = []
    position = span.start
    for change in changes:
        parts.append(html.escape(text[position:change.start]))
        parts.append(f'<span style="{CHANGE_STYLE}">{html.escape(text[change.start:change.end])}</span>')
        position = change.end
    parts.append(html.escape(text[position:span.end]))
    return "".join(parts)


class YearCompareDialog(QDialog):
    """The two texts side by side; ``rows`` keeps the alignment shown."""

    def __init__(self, old_title: str, old_text: str, new_title: str, new_text: str,
                 parent: QWidget | None = None, old_sections: Sequence[Section] = (),
                 new_sections: Sequence[Section] = (), indicators: Sequence[IndicatorYears] = ()) -> None:
        super().__init__(parent)
        self.setObjectName("yearCompareDialog")
        self.setWindowTitle(self.tr("与上年对比"))
        self.resize(1200, 800)
        self.rows = aligned_rows(old_text, new_text, old_sections, new_sections)
        self.indicator_table = self._indicator_table(indicators)
        self.summary = QLabel(legend_html(self.rows))
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.old_view = self._view("oldReportView", side_html(old_text, self.rows, old_side=True))
        self.new_view = self._view("newReportView", side_html(new_text, self.rows, old_side=False))
        self.old_view.verticalScrollBar().valueChanged.connect(self.new_view.verticalScrollBar().setValue)
        self.new_view.verticalScrollBar().valueChanged.connect(self.old_view.verticalScrollBar().setValue)
        sides = QHBoxLayout()
        for title, view in ((old_title, self.old_view), (new_title, self.new_view)):
            column = QVBoxLayout()
            column.addWidget(QLabel(title))
            column.addWidget(view)
            sides.addLayout(column)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.indicator_table)
        layout.addLayout(sides, 1)
        layout.addWidget(buttons)

    def _indicator_table(self, indicators: Sequence[IndicatorYears]) -> QTableWidget:
        table = QTableWidget(len(indicators), 4, self)
        table.setObjectName("yearIndicatorTable")
        table.setHorizontalHeaderLabels([self.tr("指标"), self.tr("上年"), self.tr("本年"), self.tr("变化")])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        for row, line in enumerate(indicators):
            texts = (line.column,
                     _cell_text(line.previous, self.tr("未写明")),
                     _cell_text(line.current, self.tr("未写明")),
                     line.change.display if line.change is not None else "")
            for column, text in enumerate(texts):
                table.setItem(row, column, QTableWidgetItem(text))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        shown_rows = min(len(indicators), INDICATOR_ROWS_SHOWN)
        table.setFixedHeight(table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
                             + sum(table.rowHeight(row) for row in range(shown_rows)))
        table.setVisible(bool(indicators))
        return table

    def _view(self, name: str, content: str) -> QTextBrowser:
        view = QTextBrowser(self)
        view.setObjectName(name)
        view.setOpenLinks(False)
        view.setHtml(content)
        return view


def compared_row(ws: Workspace, report_id: int) -> ComparedReport | None:
    """The report's row of the indicator comparison (its cells, previous report and changes)."""
    return next((row for row in compared_reports(ws) if row.report_id == report_id), None)


def year_compare_dialog(ws: Workspace, report_id: int, parent: QWidget | None = None) -> YearCompareDialog | None:
    """The dialog for the report and its unit's previous report; None when the workspace has none."""
    row = compared_row(ws, report_id)
    if row is None or row.previous_id is None:
        return None
    old, new = ws.report(row.previous_id), ws.report(report_id)
    return YearCompareDialog(_title(old), old.analysis.text, _title(new), new.analysis.text, parent,
                             old.analysis.sections, new.analysis.sections, indicator_years(row))


def _cell_text(cell, missing: str) -> str:
    return cell.display if cell is not None else missing


def _title(report) -> str:
    title = report.analysis.metadata.title if report.analysis.metadata is not None else None
    return title or report.file_name
