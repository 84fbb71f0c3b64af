"""The 报送名单 dialog: for a year, the units expected to report and whether each has (已报送 / 未报送), then
the year's reports from units not on the list (不在名单). Units are added one by one, pasted, imported from a
file (.xlsx, .csv, .txt) or removed; every change is one step of the dialog's undo (and of the workspace's
history). Double-clicking a line with a report opens it."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.ui.dialogs import show_error
from reviewer.ui.review_states import tr_label
from reviewer.ui.roster_commands import RosterCommand
from reviewer.ui.roster_input import RosterInputDialog
from reviewer.vocabulary import Reporting
from reviewer.workspace import RosterEdit, RosterUnit, WorkspaceError
from reviewer.workspace.roster import FIRST_YEAR, LAST_YEAR
from reviewer.workspace.roster_list import ROSTER_SUFFIXES, read_roster_file

STATUS_COLOURS = {Reporting.REPORTED: "#1c7c3a", Reporting.NOT_REPORTED: "#c62828", Reporting.OFF_ROSTER: "#b86e00"}
COLUMN_NUMBER, COLUMN_UNIT, COLUMN_LEVEL, COLUMN_STATUS, COLUMN_REPORTS = range(5)
UnitKeyRole = Qt.ItemDataRole.UserRole + 1
ReportIdsRole = Qt.ItemDataRole.UserRole + 2


def default_year(ws) -> int:
    """The newest year with a roster; else the newest report year; else last year (this spring's reports)."""
    years = ws.roster_years()
    if years:
        return years[-1]
    report_years = [r.report_year for r in ws.reports() if r.report_year]
    return max(report_years) if report_years else date.today().year - 1


class RosterDialog(QDialog):
    rosterChanged = Signal()
    """A roster was changed (also by undo or redo): the library's marks and 未报送 list are stale."""
    reportActivated = Signal(int)
    """Open this report (a line with a report was double-clicked)."""

    def __init__(self, ws, folder: str = "", parent: QWidget | None = None, year: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rosterDialog")
        self.setWindowTitle(self.tr("报送名单"))
        self.ws = ws
        self._folder = folder
        self.undo_stack = QUndoStack(self)

        self.year = QSpinBox()
        self.year.setObjectName("rosterYear")
        self.year.setRange(FIRST_YEAR, LAST_YEAR)
        self.year.setValue(year or default_year(ws))
        self.year.setSuffix(self.tr(" 年度"))
        self.year.valueChanged.connect(self.refresh)
        self.summary = QLabel()
        self.summary.setObjectName("rosterSummary")
        year_label = QLabel(self.tr("报告年度(&Y)："))
        year_label.setBuddy(self.year)
        top = QHBoxLayout()
        top.addWidget(year_label)
        top.addWidget(self.year)
        top.addWidget(self.summary, 1)

        self.table = QTableWidget(0, 5)
        self.table.setObjectName("rosterTable")
        self.table.setHorizontalHeaderLabels([self.tr("序号"), self.tr("单位"), self.tr("层级"), self.tr("报送情况"),
                                              self.tr("报告")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COLUMN_UNIT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COLUMN_REPORTS, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._enable)
        self.table.itemDoubleClicked.connect(self._open_report)
        delete = QAction(self.tr("删除所选"), self.table)
        delete.setShortcut(QKeySequence(Qt.Key.Key_Delete))
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self.remove_selected)
        self.table.addAction(delete)

        self.name = QLineEdit()
        self.name.setObjectName("rosterUnitName")
        self.name.setPlaceholderText(self.tr("单位名称，如 明湖县司法局；回车添加"))
        self.name.returnPressed.connect(self.add_typed)
        self.add_button = self._button(self.tr("添加"), "rosterAdd", self.add_typed)
        add_row = QHBoxLayout()
        add_row.addWidget(self.name, 1)
        add_row.addWidget(self.add_button)

        self.paste_button = self._button(self.tr("粘贴名单…"), "rosterPaste", self.paste)
        self.import_button = self._button(self.tr("从文件导入…"), "rosterImport", self.import_file)
        self.remove_button = self._button(self.tr("删除所选"), "rosterRemove", self.remove_selected)
        self.adopt_button = self._button(self.tr("把所选报告的单位加入名单"), "rosterAdopt", self.adopt_selected)
        self.undo_button = self._button(self.tr("撤销"), "rosterUndo", self.undo_stack.undo)
        self.redo_button = self._button(self.tr("重做"), "rosterRedo", self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        for action, keys in ((self.undo_stack.undo, QKeySequence.StandardKey.Undo),
                             (self.undo_stack.redo, QKeySequence.StandardKey.Redo)):
            shortcut = QAction(self)
            shortcut.setShortcuts(QKeySequence.keyBindings(keys))
            shortcut.triggered.connect(action)
            self.table.addAction(shortcut)
        close = self._button(self.tr("关闭"), "rosterClose", self.accept)
        buttons = QHBoxLayout()
        for button in (self.paste_button, self.import_button, self.remove_button, self.adopt_button,
                       self.undo_button, self.redo_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)

        note = QLabel(self.tr("报告的单位按规范化名称与名单比对（“明湖县 司法局”与“明湖县司法局”、"
                              "“慈溪市龙山镇人民政府”与“龙山镇”视为同一单位）；审阅人更正的单位为准。"))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(add_row)
        layout.addLayout(buttons)
        layout.addWidget(note)
        line = self.fontMetrics().lineSpacing()
        self.resize(line * 46, line * 32)
        self.refresh()

    def _button(self, text: str, name: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    # --- showing ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        year = self.year.value()
        summaries = self.ws.reports() if year in self.ws.roster_years() else []  # read once, for both
        status = next((s for s in self.ws.roster_status(summaries) if s.year == year), None)
        reports = {r.id: r for r in summaries}
        self.table.setRowCount(0)
        if status is None:
            self.summary.setText(self.tr("这一年度还没有名单：可逐个添加、粘贴或从文件导入。"))
        else:
            self.summary.setText(self.tr("名单 {total} 个单位：已报送 {done}，未报送 {missing}；不在名单的报告 {off} 份")
                                 .format(total=len(status.lines), done=status.reported, missing=len(status.missing),
                                         off=len(status.off_roster)))
            for line in status.lines:
                entry = line.entry
                label = "；".join(self._report_label(reports[i]) for i in line.report_ids if i in reports)
                self._add_row([str(entry.ordinal), entry.name, tr_label(entry.level) if entry.level else "",
                               tr_label(line.status), label], line.status, entry.unit_key, line.report_ids)
            for report in status.off_roster:
                self._add_row(["—", report.unit or self.tr("单位未识别"), "", tr_label(Reporting.OFF_ROSTER),
                               self._report_label(report)], Reporting.OFF_ROSTER, None, (report.id,))
        self._enable()

    def _report_label(self, report) -> str:
        return f"#{report.id} {report.title or report.file_name}"

    def _add_row(self, texts: list[str], status: Reporting, unit_key: str | None, report_ids: tuple[int, ...]) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in enumerate(texts):
            item = QTableWidgetItem(text)
            item.setData(UnitKeyRole, unit_key)
            item.setData(ReportIdsRole, list(report_ids))
            if column == COLUMN_STATUS:
                item.setForeground(QBrush(QColor(STATUS_COLOURS[status])))
            if column in (COLUMN_UNIT, COLUMN_REPORTS):
                item.setToolTip(text)
            self.table.setItem(row, column, item)

    def _selected(self, role: int) -> list:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.table.item(row, 0).data(role) for row in rows]

    def selected_keys(self) -> list[str]:
        """The roster units selected (their unit keys)."""
        return [key for key in self._selected(UnitKeyRole) if key]

    def _selected_off_roster(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.table.item(row, 0).data(ReportIdsRole)[0] for row in rows
                if not self.table.item(row, 0).data(UnitKeyRole)]

    def _enable(self) -> None:
        self.remove_button.setEnabled(bool(self.selected_keys()))
        self.adopt_button.setEnabled(bool(self._selected_off_roster()))
        self.undo_button.setEnabled(self.undo_stack.canUndo())
        self.redo_button.setEnabled(self.undo_stack.canRedo())

    # --- editing ---------------------------------------------------------------------------------

    def add_typed(self) -> None:
        name = self.name.text().strip()
        if not name:
            return
        edit = self._run(self.tr("添加“{name}”").format(name=name),
                         lambda year: self.ws.add_to_roster(year, [RosterUnit(name)]))
        if edit is not None and edit.skipped:
            show_error(self, self.tr("未添加"), self.tr("“{name}”已在名单中（或不是单位名称）。").format(name=name))
        if edit is not None:
            self.name.clear()

    def remove_selected(self) -> None:
        keys = self.selected_keys()
        if keys:
            self._run(self.tr("从名单删除 {count} 个单位").format(count=len(keys)),
                      lambda year: self.ws.remove_from_roster(year, keys))

    def adopt_selected(self) -> None:
        """The units of the selected off-roster reports go on the list (their reports then match it)."""
        reports = {r.id: r for r in self.ws.reports(self._selected_off_roster())}
        units = [RosterUnit(r.unit, r.level) for r in reports.values() if r.unit]
        if units:
            self._run(self.tr("把 {count} 个单位加入名单").format(count=len(units)),
                      lambda year: self.ws.add_to_roster(year, units))

    def paste(self) -> None:
        self._take_in(RosterInputDialog(self.year.value(), len(self.ws.roster(self.year.value())),
                                        text=QApplication.clipboard().text(), parent=self))

    def import_file(self) -> None:
        patterns = " ".join(f"*{suffix}" for suffix in ROSTER_SUFFIXES)
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("导入报送名单"), self._folder,
            self.tr("名单文件 ({patterns});;所有文件 (*)").format(patterns=patterns))
        if not path:
            return
        self._folder = str(Path(path).parent)
        try:
            parsed = read_roster_file(path)
        except WorkspaceError as error:
            show_error(self, self.tr("无法导入名单"), error.message)
            return
        self._take_in(RosterInputDialog(self.year.value(), len(self.ws.roster(self.year.value())),
                                        parsed=parsed, parent=self))

    def _take_in(self, dialog: RosterInputDialog) -> None:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        units = dialog.units()
        if dialog.replaces():
            self._run(self.tr("名单替换为 {count} 个单位").format(count=len(units)),
                      lambda year: self.ws.set_roster(year, units))
        else:
            self._run(self.tr("名单追加 {count} 个单位").format(count=len(units)),
                      lambda year: self.ws.add_to_roster(year, units))

    def _run(self, text: str, change) -> RosterEdit | None:
        """Make a change to the shown year's roster as one undo step; an error is shown, nothing lost."""
        year = self.year.value()
        command = RosterCommand(self.ws, year, text, lambda: change(year), self._changed)
        try:
            edit = command.perform()
        except WorkspaceError as error:
            show_error(self, self.tr("名单未能保存"), error.message)
            return None
        self.undo_stack.push(command)  # shows the change (an edit that changed nothing is not kept)
        return edit

    def _changed(self, year: int) -> None:
        if self.year.value() != year:
            self.year.setValue(year)  # refreshes
        else:
            self.refresh()
        self.rosterChanged.emit()

    def _open_report(self, item: QTableWidgetItem) -> None:
        report_ids = item.data(ReportIdsRole) or []
        if report_ids:
            self.reportActivated.emit(report_ids[0])
