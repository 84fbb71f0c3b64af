"""The main window: library on the left, the open report in the middle, its extractions on the right."""
from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QIcon, QKeySequence, QUndoStack
from PySide6.QtWidgets import QFileDialog, QMainWindow, QSplitter, QStyle, QToolBar

from reviewer.analysis.loaders.outcome import REPORT_EXTENSIONS
from reviewer.ui.about import show_about
from reviewer.ui.actions import WindowActions, WindowState
from reviewer.ui.dialogs import choose_workspace_file, show_error
from reviewer.ui.history_keys import HistoryKeys, history_actions
from reviewer.ui.import_controller import ImportController
from reviewer.ui.library_rosters import LibraryRosters
from reviewer.ui.library_view import LibraryView
from reviewer.ui.office_exports import annotated_file, ask_with_items, review_workbook_file
from reviewer.ui.open_report import OpenReport
from reviewer.ui.plain_text import plain_tooltip
from reviewer.ui.report_pane import ReportPane
from reviewer.ui.review_commands import DeleteReportCommand
from reviewer.ui.review_controller import ReviewController
from reviewer.ui.search_dialog import SearchDialog
from reviewer.ui.search_runner import SearchRunner
from reviewer.ui.session import Session
from reviewer.ui.settings import KEY_LAST_FOLDER, KEY_LAST_REPORT, UiSettings
from reviewer.ui.settings_dialog import SettingsDialog, output_folder
from reviewer.ui.shortcuts_dialog import ShortcutsDialog
from reviewer.ui.summary_controller import Output, SummaryController
from reviewer.ui.summary_output import batch_summary, report_sheets
from reviewer.ui.window_state import restore_window_state, save_window_state
from reviewer.ui.workspace_check import WorkspaceCheck
from reviewer.ui.workspace_opening import open_workspace_interactively
from reviewer.ui.workspace_restore import WorkspaceRestore
from reviewer.vocabulary import ItemKind, ItemState
from reviewer.workspace import WorkspaceError, write_figures_csv

if TYPE_CHECKING:
    from reviewer.ui.indicator_window import IndicatorWindow
    from reviewer.ui.year_compare import YearCompareDialog

log = logging.getLogger(__name__)

DEFAULT_SHARES = (22, 44, 34)
"""Per cent of the window width for the library, the document and the side panel on a first start."""
SEVERAL = 2
"""Summaries cover the reports selected in the library from this many on (one selected row is simply the
open report): the 汇总表 otherwise covers the whole workspace, the 审阅意见单 the open report."""


class MainWindow(QMainWindow):
    """Owns the workspace it is given: closing the window closes the workspace."""

    def __init__(self, ws, settings: UiSettings, open_worker_workspace: Callable[[Path], object]) -> None:
        super().__init__()
        self.session = Session(ws, self)
        self.session.reportChanged.connect(self._report_changed)
        self.settings = settings
        self.report: OpenReport | None = None
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)

        self.undo_stack = QUndoStack(self)
        self.actions = WindowActions(self)
        self.library = LibraryView()
        self.library.setObjectName("library")
        self.pane = ReportPane()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.library)
        self.splitter.addWidget(self.pane)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 4)
        self.setCentralWidget(self.splitter)

        self.imports = ImportController(self, self.session, open_worker_workspace)
        self.imports.reportsChanged.connect(self.refresh_library_rows)
        self.imports.openRequested.connect(self.open_report)
        self.imports.batchFinished.connect(self._batch_finished)
        self.imports.busyChanged.connect(self.pane.empty_state.set_importing)
        self.workspace_check = WorkspaceCheck(self, self.session)
        self.workspace_restore = WorkspaceRestore(self, self.session, self._leave_workspace, self._work_in)
        self.workspace_check.restoreRequested.connect(self.workspace_restore.start)
        self.review = ReviewController(self, self.pane, self.undo_stack, self.session)
        self.rosters = LibraryRosters(self, self._last_folder)
        self.summaries = SummaryController(self, self.session, open_worker_workspace,
                                           lambda: output_folder(self.settings, self._last_folder()))
        self._search_dialog: SearchDialog | None = None
        self._open_worker_workspace = open_worker_workspace
        self.indicator_window: IndicatorWindow | None = None
        self._closed = False

        self._build_undo_actions()
        self._build_menus()
        self._build_tool_bar()
        self._connect_actions()
        self.pane.document.set_context_actions([self.actions.add_figure, self.actions.add_annotation])
        self.pane.find_bar.set_actions(self.actions.find_next, self.actions.find_previous)
        self.pane.document.set_target_actions([self.actions.accept, self.actions.reject, self.actions.edit],
                                              self.pane.select_at)
        self.pane.annotations.set_hint(
            self.tr("在正文中选中文字后按 {key} 或右键“添加批注”；双击批注可修改。").format(
                key=self.actions.add_annotation.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        self.pane.review_form.set_finish_action(self.actions.mark_reviewed)
        self.pane.empty_state.set_actions([self.actions.open_files, self.actions.open_folder])
        self.library.reportActivated.connect(self.open_report)
        self.statusBar().showMessage(self.tr("就绪"))
        self._update_title()
        self._enable_review_actions()
        self._default_layout()
        self.refresh_library()
        self.workspace_check.start_if_due()

    @property
    def ws(self):
        """The open workspace (owned by :attr:`session`)."""
        return self.session.ws

    # --- building ------------------------------------------------------------------------------

    def _default_layout(self) -> None:
        """Size and proportions for a first start (restore_state replaces them later)."""
        line = self.fontMetrics().lineSpacing()
        width, height = line * 110, line * 64
        screen = self.screen()
        if screen is not None:
            available = screen.availableGeometry()
            width = min(width, available.width() * 92 // 100)
            height = min(height, available.height() * 90 // 100)
        self.resize(width, height)
        self.apply_default_proportions(width)

    def apply_default_proportions(self, width: int) -> None:
        """Library, document and side panel widths for a window ``width`` wide."""
        library, document, side = DEFAULT_SHARES
        self.splitter.setSizes([width * library // 100, width * (document + side) // 100])
        self.pane.splitter.setSizes([width * document // 100, width * side // 100])

    def _build_undo_actions(self) -> None:
        self.undo_action, self.redo_action = history_actions(self.undo_stack, self, self.pane.review_form.flush)
        self.undo_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
        redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        for extra in (QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")):
            if extra not in redo_keys:
                redo_keys.append(extra)
        self.redo_action.setShortcuts(redo_keys)
        self.history_keys = HistoryKeys(self, self.undo_action, self.redo_action)
        style = self.style()
        self.undo_action.setIcon(
            QIcon.fromTheme(QIcon.ThemeIcon.EditUndo, style.standardIcon(QStyle.StandardPixmap.SP_ArrowBack))
        )
        self.redo_action.setIcon(
            QIcon.fromTheme(QIcon.ThemeIcon.EditRedo, style.standardIcon(QStyle.StandardPixmap.SP_ArrowForward))
        )
        self.actions.register(self.undo_action, "编辑")
        self.actions.register(self.redo_action, "编辑")
        self.undo_stack.undoTextChanged.connect(self._update_undo_tooltips)
        self.undo_stack.redoTextChanged.connect(self._update_undo_tooltips)
        self._update_undo_tooltips()

    def _update_undo_tooltips(self, *_args) -> None:
        """Undo/redo texts name the action they undo; their tooltips add the shortcuts."""
        for action in (self.undo_action, self.redo_action):
            keys = " / ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
            action.setToolTip(f"{action.text()}（{keys}）")

    def _build_menus(self) -> None:
        a = self.actions
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        file_menu.addActions([a.open_files, a.open_folder])
        self.recent_menu = file_menu.addMenu(self.tr("最近打开"))
        self.recent_menu.setObjectName("recentMenu")
        self._fill_recent_menu()
        file_menu.addAction(a.close_report)
        file_menu.addSeparator()
        file_menu.addAction(a.open_workspace)
        file_menu.addSeparator()
        file_menu.addActions(a.sheet_actions())
        file_menu.addAction(a.export_annotated)
        file_menu.addSeparator()
        file_menu.addActions(a.batch_actions())
        file_menu.addActions([a.export_csv, a.export_xlsx])
        file_menu.addSeparator()
        file_menu.addAction(a.delete_report)
        file_menu.addSeparator()
        file_menu.addAction(a.quit)

        edit_menu = bar.addMenu(self.tr("编辑(&E)"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions([a.find_in_report, a.find_next, a.find_previous, a.search_all])
        edit_menu.addSeparator()
        edit_menu.addAction(a.preferences)

        review_menu = bar.addMenu(self.tr("审阅(&R)"))
        review_menu.addActions([a.next_pending, a.previous_pending])
        review_menu.addSeparator()
        review_menu.addActions([a.accept, a.reject, a.edit, a.reset])
        review_menu.addSeparator()
        review_menu.addActions([a.accept_selected, a.reject_selected, a.accept_section, a.reject_section])
        for title, actions in ((self.tr("确认本报告剩余机器结果"), a.accept_remaining),
                               (self.tr("否决本报告剩余机器结果"), a.reject_remaining)):
            review_menu.addMenu(title).addActions(list(actions.values()))
        review_menu.addSeparator()
        review_menu.addActions([a.add_figure, a.add_annotation, a.delete])
        review_menu.addSeparator()
        review_menu.addActions([a.mark_reviewed, a.view_scan_place, a.reanalyze, a.recognize_again])

        view_menu = bar.addMenu(self.tr("视图(&V)"))
        self.show_library = view_menu.addAction(self.tr("报告库"))
        self.show_library.setCheckable(True)
        self.show_library.setChecked(True)
        self.show_library.toggled.connect(self.library.setVisible)
        self.show_legend = view_menu.addAction(self.tr("图例"))
        self.show_legend.setCheckable(True)
        self.show_legend.setChecked(True)
        self.show_legend.toggled.connect(self.pane.legend.setVisible)
        self.view_menu = view_menu
        view_menu.addSeparator()
        view_menu.addAction(a.indicator_table)
        view_menu.addAction(a.year_compare)
        view_menu.addAction(a.roster)
        view_menu.addSeparator()
        view_menu.addActions([a.zoom_in, a.zoom_out, a.zoom_reset])

        bar.addMenu(self.tr("工具(&T)")).addActions([self.workspace_check.action, self.workspace_restore.action])

        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        help_menu.addActions([a.shortcuts, a.about])

    def _build_tool_bar(self) -> None:
        a = self.actions
        bar = QToolBar(self.tr("工具栏"))
        bar.setObjectName("mainToolBar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.addActions([a.open_files, a.open_folder])
        bar.addSeparator()
        bar.addActions([self.undo_action, self.redo_action])
        bar.addSeparator()
        bar.addActions([a.previous_pending, a.next_pending, a.accept, a.reject, a.edit])
        bar.addSeparator()
        bar.addActions([a.add_annotation, a.search_all, a.print_summary])
        self.addToolBar(bar)
        self.view_menu.insertAction(self.view_menu.actions()[0], bar.toggleViewAction())

    def _connect_actions(self) -> None:
        a, r = self.actions, self.review
        a.open_files.triggered.connect(self.choose_files)
        a.open_folder.triggered.connect(self.choose_folder)
        a.open_workspace.triggered.connect(self.choose_workspace)
        a.clear_recent.triggered.connect(self._clear_recent)
        a.print_summary.triggered.connect(partial(self.output_sheets, Output.PRINT))
        a.print_preview.triggered.connect(partial(self.output_sheets, Output.PREVIEW))
        a.export_pdf.triggered.connect(partial(self.output_sheets, Output.EXPORT))
        a.print_batch.triggered.connect(partial(self.output_batch, Output.PRINT))
        a.preview_batch.triggered.connect(partial(self.output_batch, Output.PREVIEW))
        a.export_batch_pdf.triggered.connect(partial(self.output_batch, Output.EXPORT))
        a.export_csv.triggered.connect(self.export_csv)
        a.export_xlsx.triggered.connect(self.export_xlsx)
        a.export_annotated.triggered.connect(self.export_annotated)
        a.delete_report.triggered.connect(self.delete_report)
        a.close_report.triggered.connect(self.close_report)
        a.indicator_table.triggered.connect(self.show_indicator_window)
        a.year_compare.triggered.connect(self.show_year_compare)
        a.roster.triggered.connect(self.rosters.show)
        self.library.missing_units.rosterRequested.connect(self.rosters.show)
        self.library.table.addAction(a.delete_report)
        self.library.deleteRequested.connect(self.delete_report)
        a.quit.triggered.connect(self.close)
        a.find_in_report.triggered.connect(self.find_in_report)
        a.find_next.triggered.connect(self.pane.find_bar.find_next)
        a.find_previous.triggered.connect(self.pane.find_bar.find_previous)
        a.search_all.triggered.connect(self.open_search)
        a.next_pending.triggered.connect(partial(r.go_to_pending, False))
        a.previous_pending.triggered.connect(partial(r.go_to_pending, True))
        a.accept.triggered.connect(partial(r.set_state, ItemState.ACCEPTED))
        a.reject.triggered.connect(partial(r.set_state, ItemState.REJECTED))
        a.reset.triggered.connect(partial(r.set_state, ItemState.PENDING))
        a.accept_selected.triggered.connect(partial(r.decide_selected, ItemState.ACCEPTED))
        a.reject_selected.triggered.connect(partial(r.decide_selected, ItemState.REJECTED))
        a.accept_section.triggered.connect(partial(r.decide_section, ItemState.ACCEPTED))
        a.reject_section.triggered.connect(partial(r.decide_section, ItemState.REJECTED))
        for kind, action in a.accept_remaining.items():
            action.triggered.connect(partial(r.decide_remaining, kind, ItemState.ACCEPTED))
        for kind, action in a.reject_remaining.items():
            action.triggered.connect(partial(r.decide_remaining, kind, ItemState.REJECTED))
        a.edit.triggered.connect(r.edit)
        a.add_figure.triggered.connect(r.add_figure)
        a.add_annotation.triggered.connect(r.add_annotation)
        a.delete.triggered.connect(r.delete)
        a.mark_reviewed.triggered.connect(r.mark_reviewed)
        a.reanalyze.triggered.connect(self.reanalyze_outdated)
        a.recognize_again.triggered.connect(self.recognize_again)
        a.view_scan_place.triggered.connect(self.view_scan_place)
        a.zoom_in.triggered.connect(partial(self.pane.document.zoomIn, 1))
        a.zoom_out.triggered.connect(partial(self.pane.document.zoomOut, 1))
        a.zoom_reset.triggered.connect(self.pane.document.reset_zoom)
        a.shortcuts.triggered.connect(self.show_shortcuts)
        a.preferences.triggered.connect(self.show_settings)
        a.about.triggered.connect(lambda: show_about(self, self.ws.path))
        self.pane.targetChanged.connect(self._enable_review_actions)
        self.pane.invalidInput.connect(self._invalid_input)
        self.pane.copyOpenRequested.connect(self.open_report, Qt.ConnectionType.QueuedConnection)
        self.pane.document.selectionChanged.connect(self._enable_review_actions)
        self.library.selectedReportsChanged.connect(self._enable_review_actions)
        self.summaries.busyChanged.connect(self._enable_review_actions)

    # --- reports ----------------------------------------------------------------------------------

    def refresh_library(self) -> None:
        reports = self.ws.reports()
        self.library.set_reports(reports, self.report.report_id if self.report else None)
        self.pane.empty_state.set_library_empty(not reports)
        self.rosters.library_changed()

    def refresh_library_rows(self, report_ids: list[int]) -> None:
        """Only these reports' rows: added, updated, or taken out when no longer current."""
        reports = self.ws.reports(sorted(set(report_ids)))
        current = {report.id for report in reports}
        removed = [i for i in report_ids if i not in current]
        self.library.update_rows(reports, removed)
        self.pane.empty_state.set_library_empty(self.library.model.rowCount() == 0)
        self.rosters.library_changed(reports, removed)

    def open_report(self, report_id: int, span: tuple[int, int] | None = None) -> None:
        """Show a report (and select ``span`` of its text if given)."""
        if self.report is None or self.report.report_id != report_id:
            self.pane.review_form.flush()
            try:
                self.report = OpenReport.load(self.ws, report_id)
            except WorkspaceError:
                self.report = None
            self.pane.show_report(self.report)
            if self.report is not None:
                self.library.select_report(report_id, emit=False)
                self.settings.set_int(KEY_LAST_REPORT, report_id)
            self._update_title()
            self._enable_review_actions()
        if span is not None and self.report is not None:
            self.pane.select_span(*span)

    def show_indicator_window(self) -> IndicatorWindow:
        """The comparison of every report's indicators (指标对比), in its own window."""
        if self.indicator_window is None:
            from reviewer.ui.indicator_window import IndicatorWindow  # reportlab and the summary: not at start-up

            self.indicator_window = IndicatorWindow(lambda: self.ws, self)
            self.indicator_window.openRequested.connect(self._open_from_indicators)
            self.indicator_window.selected_figure = self._selected_figure
            self.indicator_window.run_command = self.review.run
            self.indicator_window.on_change = self.session.report_changed
        self.indicator_window.reload()
        self.indicator_window.show()
        self.indicator_window.raise_()
        return self.indicator_window

    def _selected_figure(self, report_id: int):
        """The figure item under the text selection of the open report ``report_id``, if any."""
        span = self.pane.document.selected_span() if self.report is not None else None
        if span is None or self.report is None or self.report.report_id != report_id:
            return None
        start, end = span
        return next((item for item in self.ws.items(report_id, kind=ItemKind.FIGURE)
                     if item.start is not None and item.end is not None and item.start < end and start < item.end),
                    None)

    def show_year_compare(self) -> YearCompareDialog | None:
        """与上年对比 for the open report; a message when its unit has no earlier report here."""
        if self.report is None:
            return None
        from reviewer.ui.year_compare import year_compare_dialog

        dialog = year_compare_dialog(self.ws, self.report.report_id, self)
        if dialog is None:
            show_error(self, self.tr("与上年对比"), self.tr("工作区中没有该单位上一年度的报告。"))
            return None
        dialog.show()
        return dialog

    def _open_from_indicators(self, report_id: int, span: tuple[int, int] | None) -> None:
        self.open_report(report_id, span)
        self.raise_()
        self.activateWindow()

    def close_report(self) -> None:
        """Show no report (the document area explains what to do next)."""
        self.pane.review_form.flush()
        self.report = None
        self.pane.show_report(None)
        self.library.clear_selection()
        self._update_title()
        self._enable_review_actions()

    def _report_changed(self, report_id: int) -> None:
        """After a review command (do, undo or redo) on ``report_id``: only its row is read again."""
        self.refresh_library_rows([report_id])
        if self.indicator_window is not None and self.indicator_window.isVisible():
            self.indicator_window.refresh_report(report_id)
        if self.library.model.row_of(report_id) is None:  # taken out of the workspace
            if self.report is not None and self.report.report_id == report_id:
                self.close_report()
            return
        if self.report is not None and self.report.report_id == report_id:
            self.report.reload_review_data(self.ws)
            self.pane.refresh()
            self._enable_review_actions()
        else:
            self.open_report(report_id)

    def delete_report(self) -> None:
        """Take the reports selected in the library out of the workspace (one undo step)."""
        model = self.library.model
        reports = [model.report(model.row_of(report_id)) for report_id in self.library.selected_report_ids()]
        if not reports:
            return
        if len(reports) > 1:
            self.undo_stack.beginMacro(self.tr("删除 {count} 份报告").format(count=len(reports)))
        deleted = 0
        for report in reports:
            command = DeleteReportCommand(self.ws, report.id, report.unit or report.title or report.file_name,
                                          self.session.report_changed)
            if not self.review.run(command):
                break
            deleted += 1
        if len(reports) > 1:
            self.undo_stack.endMacro()
        if deleted:
            self.statusBar().showMessage(self.tr("已删除 {count} 份报告（可撤销）").format(count=deleted), 6000)

    def _batch_finished(self, results: list, _failures: list) -> None:
        if self.report is not None and any(
            getattr(result, "report_id", None) == self.report.report_id for _source, result in results
        ):
            current = self.report.report_id
            self.report = None
            self.open_report(current)

    def _update_title(self) -> None:
        app_name = self.tr("法治政府建设年度报告审阅助手")
        title = self.report.title if self.report else ""
        if self.report is not None and self.report.recognized:
            title = self.tr("{title}（扫描件识别）").format(title=title)
        self.setWindowTitle(f"{title} — {app_name}" if self.report else app_name)

    def _enable_review_actions(self, *_args) -> None:
        self.actions.update(self.window_state())

    def window_state(self) -> WindowState:
        """What the actions' enable rules look at."""
        report = self.report
        target = self.pane.current if report is not None else None
        selected = self.library.selected_report_ids()
        return WindowState(
            report_open=report is not None,
            target_kind=target.kind if target is not None else None,
            item=report.item(target.id) if report is not None and target is not None and target.kind == "item"
            else None,
            text_selected=self.pane.document.textCursor().hasSelection(),
            library_selected=len(selected),
            sheet_reports=len(self._sheet_report_ids(selected)),
            library_rows=self.library.model.rowCount(),
            busy_printing=self.summaries.busy,
            recognized=report is not None and report.recognized,
            scan_place=self._scan_place() is not None,
        )

    def _invalid_input(self, column: str, text: str) -> None:
        self.statusBar().showMessage(
            self.tr("“{text}”不是有效的{column}，未作更改").format(text=text, column=column), 6000
        )

    # --- importing -----------------------------------------------------------------------------

    def _last_folder(self) -> str:
        return self.settings.str_value(KEY_LAST_FOLDER) or str(Path.home())

    def choose_files(self) -> None:
        patterns = " ".join(f"*{ext}" for ext in REPORT_EXTENSIONS)
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("打开报告"),
            self._last_folder(),
            self.tr("报告文件 ({patterns});;所有文件 (*)").format(patterns=patterns),
        )
        if files:
            self.settings.set_str(KEY_LAST_FOLDER, str(Path(files[0]).parent))
            self.import_paths(files)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("打开文件夹"), self._last_folder())
        if folder:
            self.settings.set_str(KEY_LAST_FOLDER, folder)
            self.import_paths([folder])

    def import_paths(self, paths: list[str]) -> None:
        for path in paths:
            self.settings.add_recent_file(str(path))
        self._fill_recent_menu()
        self.imports.import_paths(paths)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_files()
        for number, path in enumerate(recent, start=1):
            label = f"&{number} {Path(path).name}" if number < 10 else Path(path).name
            action = self.recent_menu.addAction(label)
            action.setToolTip(plain_tooltip(path))
            action.setStatusTip(path)
            action.triggered.connect(partial(self._open_recent, path))
        if recent:
            self.recent_menu.addSeparator()
        self.recent_menu.addAction(self.actions.clear_recent)
        self.actions.clear_recent.setEnabled(bool(recent))

    def _open_recent(self, path: str) -> None:
        if not Path(path).exists():
            show_error(self, self.tr("文件不存在"), self.tr("找不到 {path}，它可能已被移动或删除。").format(path=path))
            return
        self.import_paths([path])

    def _clear_recent(self) -> None:
        self.settings.clear_recent_files()
        self._fill_recent_menu()

    def reanalyze_outdated(self) -> None:
        ids = self.ws.reports_needing_reanalysis()
        if not ids:
            self.statusBar().showMessage(self.tr("所有报告都已用当前版本分析"), 5000)
            return
        self.imports.reanalyze(ids)

    def recognize_again(self) -> None:
        """重新识别 the open scan, on the worker thread with page progress."""
        if self.report is not None and self.report.recognized:
            self.imports.recognize_again(self.report.report_id, self.report.file_name)

    def _scan_place(self) -> dict | None:
        """The page and box of the selected 识别可能有误 finding, or None."""
        target = self.pane.current if self.report is not None else None
        item = self.report.item(target.id) if target is not None and target.kind == "item" else None
        if item is None or item.kind != "finding" or getattr(item.machine, "code", None) != "ocr_doubt":
            return None
        detail = dict(item.machine.detail or {})
        return detail if "page" in detail and "box" in detail else None

    def view_scan_place(self) -> None:
        """查看原件: the scanned page cut around the line of the selected doubtful figure."""
        from reviewer.analysis import LoadError
        from reviewer.analysis.loaders.ocr.crop import line_crop
        from reviewer.ui.scan_place_dialog import ScanPlaceDialog

        place = self._scan_place()
        if place is None:
            return
        stored = self.ws.report(self.report.report_id)
        try:
            turn = next((p.turn for p in stored.analysis.recognized_pages if p.number == place["page"]), 0)
            png = line_crop(stored.original, stored.file_name, place["page"], place["box"], turn)
        except LoadError as error:
            show_error(self, self.tr("无法显示原件"), error.message)
            return
        dialog = ScanPlaceDialog(png, place["page"], place.get("line", ""), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        report_id = self.report.report_id
        dialog.accepted.connect(lambda: self._correct_recognized_line(report_id, place, dialog.corrected_text()))
        dialog.open()

    def _correct_recognized_line(self, report_id: int, place: dict, text: str) -> None:
        """更正识别文字: the line as the reviewer reads it on the page; figures and checks follow."""
        if "line_index" not in place:
            return
        try:
            self.ws.correct_recognized_line(report_id, place["page"], place["line_index"], text)
        except WorkspaceError as error:
            show_error(self, self.tr("无法更正识别文字"), error.message)
            return
        self.report = None
        self.refresh_library()
        self.open_report(report_id)
        self.statusBar().showMessage(self.tr("已更正识别文字，数据和检查已重新分析"), 6000)

    def choose_workspace(self) -> None:
        """Switch to another workspace file (or a new one) without restarting."""
        path = choose_workspace_file(self, self.ws.path)
        if path is None or path == self.ws.path:
            return
        if not self._leave_workspace():
            return
        previous = self.ws.path
        self.session.close()
        self._work_in(open_workspace_interactively(path, self) or open_workspace_interactively(previous, self))

    def _leave_workspace(self) -> bool:
        """Ready to close the workspace (to switch or restore it): False, having said why, while importing."""
        if self.imports.busy:
            show_error(self, self.tr("正在导入"), self.tr("请等导入完成或取消后再切换工作区。"))
            return False
        self.pane.review_form.flush()
        self.workspace_check.shutdown()
        return True

    def _work_in(self, ws) -> None:
        """Work in ``ws`` (the session's workspace closed before); None: the officer chose to quit."""
        if ws is None:
            self._closed = True
            self.close()
            return
        self.session.replace(ws)
        self.settings.workspace_path = ws.path
        self.undo_stack.clear()
        self.close_report()
        self.refresh_library()

    def show_shortcuts(self) -> None:
        dialog = ShortcutsDialog(self.actions, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_settings(self) -> None:
        dialog = SettingsDialog(self.ws, self.settings, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.statusBar().showMessage(
            self.tr("设置已保存：审阅人 {name}").format(name=self.ws.reviewer_name)))
        dialog.open()

    # --- search ------------------------------------------------------------------------------------

    def _selected_words(self) -> str:
        """The text selected in the open report when it is short enough to search for."""
        span = self.pane.document.selected_span()
        return self.report.text[span[0]:span[1]] if span and self.report and span[1] - span[0] < 40 else ""

    def find_in_report(self) -> None:
        self.pane.find_bar.start(self._selected_words())

    def open_search(self) -> None:
        if self._search_dialog is None:
            runner = SearchRunner(lambda: self.session.path, self._open_worker_workspace, self)
            self._search_dialog = SearchDialog(runner, self)
            self._search_dialog.hitActivated.connect(self._open_hit)
            self.session.workspaceReplaced.connect(self._search_dialog.run_search)
        self._search_dialog.start(self._selected_words())

    def _open_hit(self, report_id: int, start: int, end: int) -> None:
        self.open_report(report_id, span=(start, end))
        self.raise_()
        self.activateWindow()

    # --- summary output --------------------------------------------------------------------------

    def _sheet_report_ids(self, selected: list[int]) -> list[int]:
        """The reports whose 审阅意见单 are output: the selected ones when several are, else the open one."""
        if len(selected) >= SEVERAL:
            return selected
        return [self.report.report_id] if self.report is not None else []

    def output_sheets(self, how: Output) -> None:
        report_ids = self._sheet_report_ids(self.library.selected_report_ids())
        if not report_ids:
            return
        self.pane.review_form.flush()
        self.summaries.output(report_sheets(report_ids, self.report.title if self.report else ""), how)

    def output_batch(self, how: Output) -> None:
        """The 汇总表 of the reports selected in the library when several are, else of the whole workspace."""
        selected = self.library.selected_report_ids()
        self.pane.review_form.flush()
        scope = selected if len(selected) >= SEVERAL else None
        self.summaries.output(batch_summary(scope, self.library.model.rowCount()), how)

    def export_xlsx(self) -> None:
        """The Excel workbook of the reports selected in the library when several are, else of the workspace."""
        selected = self.library.selected_report_ids()
        self.pane.review_form.flush()
        scope = selected if len(selected) >= SEVERAL else None
        self.summaries.export(review_workbook_file(scope, self.library.model.rowCount()))

    def export_annotated(self) -> None:
        """The 批注版 of the open report."""
        if self.report is None:
            return
        self.pane.review_form.flush()
        report_id = self.report.report_id
        decided = [i for i in self.ws.items(report_id) if i.state in (ItemState.REJECTED, ItemState.CORRECTED)]
        with_items = ask_with_items(self, len(decided))
        if with_items is not None:
            self.summaries.export(annotated_file(report_id, self.report.title, with_items))

    def export_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出数据表"), str(output_folder(self.settings, self._last_folder()) / self.tr("数据表.csv")),
            self.tr("CSV 表格 (*.csv)"),
        )
        if path:
            write_figures_csv(self.ws, Path(path))
            self.statusBar().showMessage(self.tr("已导出：{path}").format(path=path), 8000)

    # --- state ---------------------------------------------------------------------------------------

    def restore_state(self) -> None:
        restore_window_state(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.pane.review_form.flush()
        self.imports.shutdown()
        self.summaries.shutdown()
        self.workspace_check.shutdown()
        save_window_state(self)
        if self._search_dialog is not None:
            self._search_dialog.shutdown()
        if not self._closed:
            self.session.close()
            self._closed = True
        event.accept()
