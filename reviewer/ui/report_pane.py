"""Centre and right of the window: the report text with its legend, the tabbed side panel and the
review form. The pane owns the open report's item model, which every panel views, and the one current item,
which every panel and the text follow."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSplitter, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from reviewer.ui.current_item import CurrentItem
from reviewer.ui.document_view import DocumentView
from reviewer.ui.empty_state import EmptyState
from reviewer.ui.highlight import LegendBar, item_highlights
from reviewer.ui.highlight_tooltip import annotation_tooltip_lines, as_plain_tooltip, item_tooltip_lines
from reviewer.ui.open_report import OpenReport, Target
from reviewer.ui.panels.annotations_panel import AnnotationsPanel
from reviewer.ui.panels.checks_panel import ChecksPanel
from reviewer.ui.panels.figures_panel import FiguresPanel
from reviewer.ui.panels.item_table import ItemTableView
from reviewer.ui.panels.outline_panel import OutlinePanel
from reviewer.ui.panels.review_form import ReviewForm
from reviewer.ui.report_items import ReportItemModel
from reviewer.ui.report_search import FindBar
from reviewer.vocabulary import ItemKind

TAB_OUTLINE, TAB_FIGURES, TAB_CHECKS, TAB_ANNOTATIONS = range(4)
TAB_OF_KIND = {
    ItemKind.SECTION: TAB_OUTLINE,
    ItemKind.METADATA: TAB_OUTLINE,
    ItemKind.FIGURE: TAB_FIGURES,
    ItemKind.FINDING: TAB_CHECKS,
    ItemKind.REQUIRED: TAB_CHECKS,
}


class ReportPane(QWidget):
    targetChanged = Signal(object)
    """The selected item or annotation changed (Target, or None)."""
    correctionRequested = Signal(int, dict)
    invalidInput = Signal(str, str)
    """(column, rejected text) from an inline edit."""
    annotationEditRequested = Signal(object)
    copyOpenRequested = Signal(int, object)  # another report and the span of the passage this one shares

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: OpenReport | None = None
        self.item_model = ReportItemModel(self)
        self.current_item = CurrentItem(self)
        self.current_item.changed.connect(self._current_changed)
        self._scroll_text = True

        self.document = DocumentView()
        self.document.offsetClicked.connect(self._document_clicked)
        self.document.set_tooltip_source(self._tooltip_at)
        self.legend = LegendBar()
        self.reading = QWidget()
        reading_layout = QVBoxLayout(self.reading)
        reading_layout.setContentsMargins(0, 0, 0, 0)
        reading_layout.setSpacing(0)
        self.find_bar = FindBar(self.document)
        reading_layout.addWidget(self.find_bar)
        reading_layout.addWidget(self.document, 1)
        reading_layout.addWidget(self.legend)
        self.empty_state = EmptyState()
        self.centre = QStackedWidget()
        self.centre.setObjectName("documentArea")
        self.centre.addWidget(self.empty_state)
        self.centre.addWidget(self.reading)

        self.outline = OutlinePanel(self.item_model, self.current_item)
        self.figures = FiguresPanel(self.item_model, self.current_item)
        self.checks = ChecksPanel(self.item_model, self.current_item)
        self.annotations = AnnotationsPanel(self.item_model, self.current_item)
        self.panels = (self.outline, self.figures, self.checks, self.annotations)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("sideTabs")
        self.tabs.setDocumentMode(True)
        for panel, title in zip(self.panels, (self.tr("结构"), self.tr("数据"), self.tr("检查"), self.tr("批注"))):
            self.tabs.addTab(panel, title)
        for panel in (self.outline, self.figures):
            # queued: the table's editor must close before the command refreshes the table
            panel.correctionRequested.connect(self.correctionRequested, Qt.ConnectionType.QueuedConnection)
            panel.invalidInput.connect(self.invalidInput)
        self.annotations.editRequested.connect(self.annotationEditRequested)
        self.checks.copyOpenRequested.connect(self.copyOpenRequested)

        self.review_form = ReviewForm()
        self.side_splitter = QSplitter(Qt.Orientation.Vertical)
        self.side_splitter.setObjectName("sideSplitter")
        self.side_splitter.setChildrenCollapsible(False)
        self.side_splitter.addWidget(self.tabs)
        self.side_splitter.addWidget(self.review_form)
        self.side_splitter.setStretchFactor(0, 4)
        self.side_splitter.setStretchFactor(1, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("reportSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.centre)
        self.splitter.addWidget(self.side_splitter)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.tabs.setEnabled(False)
        self.review_form.show_review(None)

    @property
    def current(self) -> Target | None:
        """The selected item or annotation (the shared current item's target)."""
        return self.current_item.target

    def show_report(self, report: OpenReport | None) -> None:
        """Show another report (or none), scrolled to the top, nothing selected."""
        self.report = report
        self.current_item.set(None)
        self.tabs.setEnabled(report is not None)
        if report is None:
            self.document.clear_report()
            self.centre.setCurrentWidget(self.empty_state)
        else:
            self.centre.setCurrentWidget(self.reading)
            self.document.show_text(report.text, item_highlights(report.items, report.annotations))
        self.find_bar.refresh()
        self.item_model.set_report(report)
        self.review_form.show_review(report.review if report else None)

    def refresh(self) -> None:
        """Redraw after the open report's review data changed: the panels' rows refresh by id, selection,
        expansion and scroll stay."""
        if self.report is None:
            return
        self.document.set_highlights(item_highlights(self.report.items, self.report.annotations))
        self.item_model.refresh()
        self.review_form.show_review(self.report.review)
        if self.current is not None and self.report.span(self.current) is None and not self._exists(self.current):
            self.current_item.set(None)

    def edit_in_place(self, kind: str) -> None:
        """Start editing the selected item's value in the table of its kind (figures, metadata)."""
        if kind == ItemKind.FIGURE:
            self.tabs.setCurrentWidget(self.figures)
            self.figures.edit_current()
        elif kind == ItemKind.METADATA:
            self.tabs.setCurrentWidget(self.outline)
            self.outline.metadata.setFocus()
            self.outline.metadata.edit_current("value")

    def selected_item_ids(self) -> list[int]:
        """The items selected in the visible tab's item table (several rows), else the selected item."""
        tab = self.tabs.currentWidget()
        for table in tab.findChildren(ItemTableView) if tab is not None else []:
            ids = table.selected_item_ids()
            if ids:
                return ids
        return [self.current.id] if self.current is not None and self.current.kind == "item" else []

    def _exists(self, target: Target) -> bool:
        if target.kind == "item":
            return self.report.item(target.id) is not None
        return self.report.annotation(target.id) is not None

    def select_target(self, target: Target | None, scroll: bool = True) -> None:
        """Select an item or annotation everywhere: its panel row (switching tab) and its text."""
        if target is not None and self.report is not None:
            tab = self._tab_of(target)
            if tab is not None:
                self.tabs.setCurrentIndex(tab)
        target = target if self.report is not None else None
        self._scroll_text = scroll
        if target == self.current_item.target:
            self._current_changed(target)  # selected again: show its text again
        else:
            self.current_item.set(target)
        self._scroll_text = True

    def select_span(self, start: int, end: int) -> None:
        """Select plain text (e.g. a search hit) without selecting an item."""
        self.select_target(None)
        self.document.select_span(start, end)
        self.document.setFocus()

    def _tab_of(self, target: Target) -> int | None:
        if target.kind == "annotation":
            return TAB_ANNOTATIONS
        item = self.report.item(target.id)
        return TAB_OF_KIND.get(item.kind) if item else None

    def _current_changed(self, target: Target | None) -> None:
        if target is not None and self.report is not None:
            span = self.report.span(target)
            if span is not None and span[1] > span[0]:
                self.document.select_span(*span, center=self._scroll_text)
        self.targetChanged.emit(target)

    def select_at(self, offset: int) -> bool:
        """Select the item or annotation highlighted at ``offset`` (for its context menu); False if none."""
        target = self.report.target_at(offset) if self.report is not None else None
        if target is None:
            return False
        self.select_target(target, scroll=False)
        return True

    def _tooltip_at(self, offset: int) -> str | None:
        """The highlight's tooltip at ``offset``: the item or annotation a click there would select."""
        target = self.report.target_at(offset) if self.report is not None else None
        if target is None:
            return None
        if target.kind == "annotation":
            note = self.report.annotation(target.id)
            return as_plain_tooltip(annotation_tooltip_lines(note)) if note is not None else None
        item = self.report.item(target.id)
        return as_plain_tooltip(item_tooltip_lines(item)) if item is not None else None

    def _document_clicked(self, offset: int) -> None:
        if self.report is None:
            return
        target = self.report.target_at(offset)
        if target is None:
            self.current_item.set(None)
            return
        self.select_target(target, scroll=False)
