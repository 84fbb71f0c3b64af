"""Review actions on the open report: turns what the reviewer does (accept, reject, correct, add, annotate,
verdict, remarks, done) into undoable workspace commands, and moves between pending items."""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QInputDialog, QMainWindow

from reviewer.ui.bulk_review import (
    BulkDecisionCommand,
    FinishChoice,
    ask_finish_with_pending,
    pending_items,
    remaining_machine_items,
    section_items,
)
from reviewer.ui.dialogs import show_error
from reviewer.ui.figure_prefill import figure_prefill
from reviewer.ui.item_dialogs import AnnotationDialog, FigureDialog
from reviewer.ui.open_report import Target
from reviewer.ui.report_pane import ReportPane
from reviewer.ui.review_commands import (
    AddAnnotationCommand,
    AddItemCommand,
    DeleteAnnotationCommand,
    DeleteItemCommand,
    SetItemStateCommand,
    SetRemarksCommand,
    SetReviewCommand,
    UpdateAnnotationCommand,
    WorkspaceCommand,
)
from reviewer.ui.review_states import tr_label
from reviewer.ui.session import Session
from reviewer.vocabulary import ItemKind, ItemState, Origin, ReviewStatus
from reviewer.workspace import WorkspaceError

DECIDABLE_KINDS = tuple(ItemKind)


class ReviewController(QObject):
    def __init__(
        self,
        window: QMainWindow,
        pane: ReportPane,
        undo_stack: QUndoStack,
        session: Session,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.pane = pane
        self.undo_stack = undo_stack
        self.session = session
        self._on_change = session.report_changed
        pane.correctionRequested.connect(self.correct_item)
        pane.annotationEditRequested.connect(self.edit_annotation)
        pane.review_form.verdictChosen.connect(self.set_verdict)
        pane.review_form.remarksEdited.connect(self.save_remarks)

    @property
    def ws(self):
        return self.session.ws

    def run(self, command: WorkspaceCommand) -> bool:
        """Do the command's edit now; on success put it on the undo stack. False (with a message) on error."""
        try:
            command.perform()
        except WorkspaceError as error:
            show_error(self.window, self.tr("操作未完成"), error.message)
            return False
        command.revisit = self._revisit
        self.undo_stack.push(command)
        return True

    def _revisit(self, command: WorkspaceCommand, undone: bool) -> None:
        """After an undo or redo (its report is open by now): select what it changed and scroll the text to it,
        or select the text where a removed item was; the status bar says what was undone or redone."""
        report = self.pane.report
        if report is None or report.report_id != command.report_id:
            return
        place = command.place(undone)
        if isinstance(place, Target):
            exists = report.item(place.id) if place.kind == "item" else report.annotation(place.id)
            self.pane.select_target(place if exists is not None else None)
        elif place is not None:
            self.pane.select_target(None)
            self.pane.document.select_span(*place)
        self._status((self.tr("已撤销：{what}") if undone else self.tr("已重做：{what}")).format(what=command.text()))

    def _ask(self, dialog) -> bool:
        """Run a modal form; afterwards the window is active again with the focus where it was."""
        focus = QApplication.focusWidget()
        accepted = bool(dialog.exec())
        self.window.activateWindow()
        if focus is not None:
            focus.setFocus()
        return accepted

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 4000)

    def _current_item(self):
        report, target = self.pane.report, self.pane.current
        if report is None or target is None or target.kind != "item":
            return None
        return report.item(target.id)

    def set_state(self, state: str) -> None:
        item = self._current_item()
        if item is None or item.kind not in DECIDABLE_KINDS:
            self._status(self.tr("请先在正文或右侧列表中选中一个项目"))
            return
        if item.state == state:
            self.go_to_pending()
            return
        was_pending = item.state == ItemState.PENDING
        position = self.pane.report.order_key(self.pane.current)
        corrected = item.corrected if state == ItemState.CORRECTED else None
        if self.run(SetItemStateCommand(self.ws, item, state, corrected, self._on_change)) and was_pending:
            self.go_to_pending(after=position)

    def decide_selected(self, state: str) -> None:
        """确认所选 / 否决所选: every selected row of the visible table, one undo step."""
        report = self.pane.report
        ids = self.pane.selected_item_ids() if report is not None else []
        if not ids:
            self._status(self.tr("请先在右侧列表中选中项目（按住 Shift 或 Ctrl 点击可多选）"))
            return
        self._decide(ids, state, self.tr("所选项目"))

    def decide_remaining(self, kind: str, state: str) -> None:
        """确认/否决本报告剩余机器结果 of one kind: the machine's items of ``kind`` still pending."""
        report = self.pane.report
        if report is None:
            return
        ids = remaining_machine_items(report.items_of(kind), kind)
        what = self.tr("剩余机器识别{kind}").format(kind=tr_label(ItemKind(kind)))
        if not ids:
            self._status(self.tr("本报告没有待审的机器识别{kind}").format(kind=tr_label(ItemKind(kind))))
            return
        self._decide(ids, state, what)

    def decide_section(self, state: str) -> None:
        """确认/否决本节全部: the undecided machine items of the section holding the selected item (else the
        selected text, else the top of the visible text)."""
        report = self.pane.report
        if report is None:
            return
        span = report.span(self.pane.current) if self.pane.current is not None else None
        span = span or self.pane.document.selected_span()
        offset = span[0] if span else self.pane.document.first_visible_offset()
        section, ids = section_items(report.items, offset)
        if section is None:
            self._status(self.tr("请先选中某一节中的项目或文字"))
            return
        title = f"{section.effective.num}{section.effective.title}"
        if not ids:
            self._status(self.tr("“{title}”一节没有待审的机器识别结果").format(title=title))
            return
        self._decide(ids, state, self.tr("“{title}”一节").format(title=title))

    def _decide(self, ids: list[int], state: str, what: str) -> None:
        command = BulkDecisionCommand(self.ws, self.pane.report.report_id, ids, state, what, self._on_change)
        if self.run(command):
            self._status(command.text())

    def correct_item(self, item_id: int, corrected: dict) -> None:
        """``corrected``: the fields the reviewer changed."""
        report = self.pane.report
        item = report.item(item_id) if report else None
        if item is not None:
            self.run(SetItemStateCommand(self.ws, item, ItemState.CORRECTED, corrected, self._on_change))

    def edit(self) -> None:
        """F2: edit what is selected in place (a table cell), or in a small dialog."""
        target = self.pane.current
        if target is None:
            self._status(self.tr("请先选中要更正的项目"))
            return
        if target.kind == "annotation":
            self.edit_annotation(target)
            return
        item = self._current_item()
        if item is None:
            return
        if item.kind in (ItemKind.FIGURE, ItemKind.METADATA):
            self.pane.edit_in_place(item.kind)
        elif item.kind == ItemKind.SECTION:
            self._edit_section_title(item)
        else:
            self._status(self.tr("检查结果只能确认或否决"))

    def _edit_section_title(self, item) -> None:
        title, ok = QInputDialog.getText(
            self.window, self.tr("更正标题"), self.tr("标题文字："), text=item.effective.title
        )
        if ok and title.strip() and title.strip() != item.effective.title:
            self.correct_item(item.id, {"title": title.strip()})

    def add_figure(self) -> None:
        report = self.pane.report
        span = self.pane.document.selected_span()
        if report is None or span is None or span[1] <= span[0]:
            self._status(self.tr("请先在正文中选中表示数据的文字，例如“受理案件12件”中的“12件”"))
            return
        quote = report.text[span[0]:span[1]]
        dialog = FigureDialog(quote, figure_prefill(quote), self.window)
        if self._ask(dialog):
            command = AddItemCommand(self.ws, report.report_id, ItemKind.FIGURE, span[0], span[1], dialog.values(),
                                     self._on_change)
            if self.run(command) and command.result is not None:
                self.pane.select_target(Target("item", command.result.id))

    def add_annotation(self) -> None:
        report = self.pane.report
        if report is None:
            return
        span = self.pane.document.selected_span()
        if span is not None and span[1] <= span[0]:
            span = None
        quote = report.text[span[0]:span[1]] if span else None
        dialog = AnnotationDialog(quote, self.window)
        if self._ask(dialog):
            values = dialog.values()
            command = AddAnnotationCommand(self.ws, report.report_id, span, values["comment"], values["tag"],
                                           values["severity"], self._on_change)
            if self.run(command) and command.result is not None:
                self.pane.select_target(Target("annotation", command.result.id))

    def edit_annotation(self, target: Target) -> None:
        report = self.pane.report
        note = report.annotation(target.id) if report and target and target.kind == "annotation" else None
        if note is None:
            return
        dialog = AnnotationDialog(note.quote if note.start is not None else None, self.window,
                                  comment=note.comment, tag=note.tag, severity=note.severity)
        if self._ask(dialog):
            changed = {k: v for k, v in dialog.values().items() if getattr(note, k) != v}
            if changed:
                self.run(UpdateAnnotationCommand(self.ws, note, changed, self._on_change))

    def delete(self) -> None:
        report, target = self.pane.report, self.pane.current
        if report is None or target is None:
            return
        if target.kind == "annotation":
            note = report.annotation(target.id)
            if note is not None:
                self.run(DeleteAnnotationCommand(self.ws, note, self._on_change))
            return
        item = report.item(target.id)
        if item is None:
            return
        if item.origin != Origin.MANUAL:
            self._status(self.tr("识别出的项目不能删除，可以否决"))
            return
        self.run(DeleteItemCommand(self.ws, item, self._on_change))

    def set_verdict(self, verdict: str | None) -> None:
        report = self.pane.report
        if report is not None and report.review.verdict != verdict:
            self.run(SetReviewCommand(self.ws, report.report_id, {"verdict": verdict}, self._on_change))

    def save_remarks(self, report_id: int, remarks: str, session: int) -> None:
        """A commit of the remarks: one undo step per editing session (see :class:`SetRemarksCommand`)."""
        try:
            before = self.ws.review(report_id).remarks or ""
        except WorkspaceError as error:
            show_error(self.window, self.tr("审阅意见未保存"), error.message)
            return
        if remarks != before:
            self.run(SetRemarksCommand(self.ws, report_id, remarks, before, session, self._on_change))

    def mark_reviewed(self) -> None:
        report = self.pane.report
        if report is None:
            return
        self.pane.review_form.flush()
        if report.review.status == ReviewStatus.REVIEWED:
            self._status(self.tr("这份报告已经标记为已审"))
            return
        pending = pending_items(report.items)
        choice = FinishChoice.LEAVE_UNCONFIRMED
        if pending:
            focus = QApplication.focusWidget()
            choice = ask_finish_with_pending(self.window, len(pending))
            self.window.activateWindow()
            if focus is not None:
                focus.setFocus()
        if choice is FinishChoice.CANCEL:
            return
        finish = SetReviewCommand(self.ws, report.report_id, {"status": ReviewStatus.REVIEWED}, self._on_change)
        if choice is FinishChoice.ACCEPT_REST and pending:
            self.undo_stack.beginMacro(self.tr("确认其余项目并标记为已审"))
            try:
                accepted = self.run(BulkDecisionCommand(self.ws, report.report_id, pending, ItemState.ACCEPTED,
                                                        self.tr("其余项目"), self._on_change))
                done = accepted and self.run(finish)
            finally:
                self.undo_stack.endMacro()
            if done:
                self._status(self.tr("已确认其余 {count} 项并标记为已审").format(count=len(pending)))
            return
        if self.run(finish):
            if pending:
                self._status(self.tr("已标记为已审（{count} 项保留未确认）").format(count=len(pending)))
            else:
                self._status(self.tr("已标记为已审"))

    def go_to_pending(self, backwards: bool = False, after: tuple[int, int, int] | None = None) -> None:
        report = self.pane.report
        if report is None:
            return
        if after is None:
            after = report.order_key(self.pane.current) if self.pane.current else None
        if after is None:
            span = self.pane.document.selected_span()
            after = (span[0], 0, 0) if span else (self.pane.document.first_visible_offset(), -1, -1)
        target = report.next_pending(after, backwards=backwards)
        if target is None:
            self._status(self.tr("这份报告已没有待审项"))
            return
        self.pane.select_target(target)
