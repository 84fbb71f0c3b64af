"""The report's review: verdict, remarks and review status. Remarks are committed (saved, and put on the
undo stack) when typing pauses and when the box loses the focus; the commits of one stay in the box form one
editing session, which the window's undo stack keeps as one step."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QToolButton,
    QWidget,
)

from reviewer.ui.review_states import tr_label
from reviewer.vocabulary import Verdict

REMARKS_SAVE_DELAY_MS = 800


class ReviewForm(QWidget):
    verdictChosen = Signal(object)
    """A Verdict, or None for no verdict yet."""
    remarksEdited = Signal(int, str, int)
    """(report id, remarks text, editing session), once typing has paused or the box lost the focus."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.verdict = QComboBox()
        self.verdict.setObjectName("verdictCombo")
        self.verdict.addItem(self.tr("（未定）"), None)
        for verdict in Verdict:
            self.verdict.addItem(tr_label(verdict), verdict)
        self.verdict.activated.connect(self._verdict_activated)

        self.status = QLabel()
        self.status.setObjectName("reviewStatus")
        self.finish_button = QToolButton()
        self.finish_button.setObjectName("finishButton")
        self.finish_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)

        self.remarks = QPlainTextEdit()
        self.remarks.setObjectName("remarksEdit")
        self.remarks.setPlaceholderText(self.tr("审阅意见（自动保存）"))
        self.remarks.setTabChangesFocus(True)
        self.remarks.textChanged.connect(self._remarks_changed)
        self.remarks.installEventFilter(self)
        line_height = self.remarks.fontMetrics().lineSpacing()
        self.remarks.setMinimumHeight(line_height * 4)

        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(REMARKS_SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.flush)
        self._loading = False
        self._dirty = False
        self._report_id: int | None = None
        self.edit_session = 0
        """Counts editing sessions of the remarks: a new one after each loss of focus or change of report."""

        top = QHBoxLayout()
        top.addWidget(self.verdict, 1)
        top.addWidget(self.status)
        top.addWidget(self.finish_button)
        form = QFormLayout(self)
        form.setContentsMargins(0, 4, 0, 0)
        form.addRow(self.tr("结论"), top)
        form.addRow(self.tr("意见"), self.remarks)

    def set_finish_action(self, action) -> None:
        self.finish_button.setDefaultAction(action)

    def show_review(self, review) -> None:
        """Show a report's review (None: no report). Unsaved remarks of the previous one are saved first."""
        self.flush()
        self._loading = True
        try:
            self.setEnabled(review is not None)
            report_id = review.report_id if review else None
            if report_id != self._report_id:
                self.edit_session += 1
            self._report_id = report_id
            verdict = review.verdict if review else None
            self.verdict.setCurrentIndex(max(self.verdict.findData(verdict), 0))
            text = review.remarks if review else ""
            if self.remarks.toPlainText() != text:
                self.remarks.setPlainText(text or "")
            self.status.setText(tr_label(review.status) if review else "")
        finally:
            self._loading = False

    def flush(self) -> None:
        """Save pending remarks now (also called before switching reports and on close)."""
        self._save_timer.stop()
        if self._dirty and self._report_id is not None:
            self._dirty = False
            self.remarksEdited.emit(self._report_id, self.remarks.toPlainText(), self.edit_session)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Leaving the remarks box commits them and ends the editing session (not for its own context menu),
        once the event that moved the focus is done: a click elsewhere, say on a library row, acts on the rows
        as they were, before the commit refreshes them."""
        if (watched is self.remarks and event.type() == QEvent.Type.FocusOut and isinstance(event, QFocusEvent)
                and event.reason() != Qt.FocusReason.PopupFocusReason):
            QTimer.singleShot(0, self, self._end_session)
        return super().eventFilter(watched, event)

    def _end_session(self) -> None:
        self.flush()
        self.edit_session += 1

    def _remarks_changed(self) -> None:
        if not self._loading:
            self._dirty = True
            self._save_timer.start()

    def _verdict_activated(self, index: int) -> None:
        data = self.verdict.itemData(index)  # Qt hands the code back as a plain str
        self.verdictChosen.emit(Verdict(data) if data else None)
