"""The comparison window (指标对比): every report's indicators side by side, reviewed from here.

A click on a filled cell opens the report at its figure. The context menu of a cell confirms or rejects it,
points it at another figure of the report, or fills an empty cell from one (the figure is chosen from the
report's figures). Filters by level and year; sorting by any column; one unit's years stand together.

Every decision is one :class:`~reviewer.ui.indicator_commands.IndicatorCellCommand` handed to ``run_command``
(the main window puts it on its undo stack); ``on_change`` is told the report after do, undo and redo (the main
window refreshes this window's row from there). Alone, the window runs commands itself and refreshes itself.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewer.summary.comparison import compared_reports, previous_reports, same_unit_rows
from reviewer.ui.indicator_commands import IndicatorCellCommand, decision_text
from reviewer.ui.indicator_model import (
    COLUMN_UNIT,
    FIXED_COLUMNS,
    CodeRole,
    IndicatorFilterProxy,
    IndicatorTableModel,
    ReportIdRole,
    SpanRole,
)
from reviewer.ui.review_commands import ChangeListener, WorkspaceCommand
from reviewer.vocabulary import ItemKind, ItemState, Level, label_of
from reviewer.workspace.indicator_cells import column_items, fill_cell, repoint_cell, report_cells
from reviewer.workspace.model import ReviewItem
from reviewer.workspace.values import FigureValues

FigureChooser = Callable[[QWidget, list[str]], int | None]
"""Shows figure labels, returns the index chosen or None."""
SelectedFigure = Callable[[int], ReviewItem | None]
"""The figure item of a report selected in the main window's text, if that report is open and one is."""
CommandRunner = Callable[[WorkspaceCommand], bool]
"""Does a command's edit and keeps it for undo; False when the edit failed."""


def run_alone(command: WorkspaceCommand) -> bool:
    """A command done without an undo stack (the window on its own)."""
    command.redo()
    return True


def choose_from_list(parent: QWidget, labels: list[str]) -> int | None:
    label, ok = QInputDialog.getItem(parent, parent.tr("选择数据"), parent.tr("用报告中的哪一项数据填写该指标："),
                                     labels, 0, False)
    return labels.index(label) if ok and label in labels else None


class IndicatorWindow(QWidget):
    """Reads and writes through ``workspace()``; emits ``openRequested``."""

    openRequested = Signal(int, object)  # report id, (start, end) of the figure or None

    def __init__(self, workspace: Callable[[], object], parent: QWidget | None = None,
                 choose_figure: FigureChooser = choose_from_list) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("indicatorWindow")
        self.setWindowTitle(self.tr("指标对比"))
        self._workspace = workspace
        self.choose_figure = choose_figure
        self.selected_figure: SelectedFigure = lambda _report_id: None
        self.run_command: CommandRunner = run_alone
        self.on_change: ChangeListener = self.refresh_report
        self.model = IndicatorTableModel(self)
        self.proxy = IndicatorFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setObjectName("indicatorTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectItems)
        self.table.setWordWrap(False)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.clicked.connect(self._clicked)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.level_filter = QComboBox(self)
        self.level_filter.setObjectName("levelFilter")
        self.year_filter = QComboBox(self)
        self.year_filter.setObjectName("yearFilter")
        self.level_filter.currentIndexChanged.connect(self._apply_filters)
        self.year_filter.currentIndexChanged.connect(self._apply_filters)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("级别")))
        bar.addWidget(self.level_filter)
        bar.addWidget(QLabel(self.tr("年度")))
        bar.addWidget(self.year_filter)
        bar.addStretch(1)
        bar.addWidget(QLabel(self.tr("黑色为审阅人确认的数值，灰色斜体为尚未确认的机器识别值；括号内为较该单位上一年度报告的变化")))
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        self.resize(1200, 600)

    def reload(self) -> None:
        """All reports again from the workspace."""
        self.model.set_rows(compared_reports(self._workspace()))
        self._fill_filters()
        self.table.resizeColumnToContents(COLUMN_UNIT)

    def refresh_report(self, report_id: int) -> None:
        """One report's cells again (after a decision here or in the main window), with the changes."""
        row = self.model.row_of(report_id)
        if row is None:
            return
        self.model.row_data(row).cells = report_cells(self._workspace(), report_id)
        unit_rows = same_unit_rows(self.model.rows(), report_id)
        previous_reports(unit_rows)
        self.model.update_reports([r.report_id for r in unit_rows])

    def _fill_filters(self) -> None:
        rows = self.model.rows()
        for combo, values in (
            (self.level_filter, sorted({r.level for r in rows if r.level})),
            (self.year_filter, sorted({r.report_year for r in rows if r.report_year}, reverse=True)),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("全部"), None)
            for value in values:
                combo.addItem(label_of(Level, value) if combo is self.level_filter else str(value), value)
            found = combo.findData(current)
            combo.setCurrentIndex(max(found, 0))
            combo.blockSignals(False)
        self._apply_filters()

    def _apply_filters(self, *_args) -> None:
        self.proxy.set_filters(self.level_filter.currentData(), self.year_filter.currentData())

    def _clicked(self, index: QModelIndex) -> None:
        if index.column() < FIXED_COLUMNS:
            self.openRequested.emit(index.data(ReportIdRole), None)
            return
        span = index.data(SpanRole)
        if span is not None:
            self.openRequested.emit(index.data(ReportIdRole), span)

    def _context_menu(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        if not index.isValid() or index.column() < FIXED_COLUMNS:
            return
        menu = self.cell_menu(index)
        menu.exec(self.table.viewport().mapToGlobal(position))

    def cell_menu(self, index: QModelIndex) -> QMenu:
        """The decisions on one cell, as a menu (also what tests trigger)."""
        menu = QMenu(self)
        filled = index.data(SpanRole) is not None
        report_id, code = index.data(ReportIdRole), index.data(CodeRole)
        if filled:
            menu.addAction(self.tr("确认"), lambda: self.decide(report_id, code, ItemState.ACCEPTED))
            menu.addAction(self.tr("否决"), lambda: self.decide(report_id, code, ItemState.REJECTED))
            menu.addAction(self.tr("改为报告中的其他数据…"), lambda: self.repoint(report_id, code))
        else:
            menu.addAction(self.tr("从报告中的数据填写…"), lambda: self.repoint(report_id, code))
        selected = self.selected_figure(report_id)
        if selected is not None and isinstance(selected.effective, FigureValues):
            menu.addAction(self.tr("改为正文中选中的数据：{text}").format(text=selected.effective.text),
                           lambda: self.use_figure(report_id, code, selected))
        return menu

    def decide(self, report_id: int, code: str, state: str) -> None:
        """Confirm (``accepted``) or reject the cell as shown: a reviewer's cell is confirmed already, so
        confirming touches the machine's pending item only; rejecting rejects every item of the column."""
        ws = self._workspace()

        def edit() -> None:
            for item in column_items(ws, report_id, code):
                if not item.anchored:
                    continue
                if state == ItemState.REJECTED and item.state != ItemState.REJECTED:
                    ws.set_item_state(item.id, ItemState.REJECTED)
                elif state == ItemState.ACCEPTED and item.state == ItemState.PENDING:
                    ws.set_item_state(item.id, ItemState.ACCEPTED)

        action = self.tr("确认") if state == ItemState.ACCEPTED else self.tr("否决")
        self._run(report_id, decision_text(action, self._column_name(code)), edit)

    def repoint(self, report_id: int, code: str) -> None:
        ws = self._workspace()
        figures = [f for f in ws.items(report_id, kind=ItemKind.FIGURE)
                   if f.state != ItemState.REJECTED and isinstance(f.effective, FigureValues)]
        labels = [f"{_figure_text(f.effective)}　{_figure_subject(f.effective)}" for f in figures]
        chosen = self.choose_figure(self, labels)
        if chosen is not None:
            self.use_figure(report_id, code, figures[chosen])

    def use_figure(self, report_id: int, code: str, figure: ReviewItem) -> None:
        """The cell of ``code`` is ``figure``: re-pointed when filled, filled when empty."""
        ws = self._workspace()
        filled = code in report_cells(ws, report_id)

        def edit() -> None:
            if filled:
                repoint_cell(ws, report_id, code, figure)
            else:
                fill_cell(ws, report_id, code, figure)

        action = self.tr("改填") if filled else self.tr("填写")
        self._run(report_id, decision_text(action, self._column_name(code)), edit)

    def _column_name(self, code: str) -> str:
        return str(self.model.headerData(FIXED_COLUMNS + self.model.codes.index(code), Qt.Orientation.Horizontal))

    def _run(self, report_id: int, text: str, edit: Callable[[], None]) -> None:
        self.run_command(IndicatorCellCommand(self._workspace(), report_id, text, edit, self.on_change))


def _figure_text(values: object) -> str:
    return values.text if isinstance(values, FigureValues) else ""


def _figure_subject(values: object) -> str:
    return (values.subject or "") if isinstance(values, FigureValues) else ""
