"""The find bar over the open report's text: every match highlighted, the current one selected and
scrolled to, 第 i / n 处. Matches are the workspace search's (width and case ignored, found from the left
without overlapping), of the whole typed text, spaces included."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QStyle, QToolButton, QWidget

from reviewer.ui.document_view import DocumentView
from reviewer.ui.plain_text import plain_label
from reviewer.workspace.search import occurrences


class FindBar(QWidget):
    """Hidden until :meth:`start`; Enter or F3 goes to the next match, Shift+Enter or Shift+F3 to the
    previous one (both wrap around), Esc closes the bar and clears the highlights."""

    def __init__(self, view: DocumentView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.view = view
        self.matches: list[tuple[int, int]] = []
        self.current: int | None = None
        self._anchor = 0  # where finding started: the first match at or after it is the current one

        self.query = QLineEdit()
        self.query.setObjectName("findQuery")
        self.query.setPlaceholderText(self.tr("在本报告中查找"))
        self.query.setClearButtonEnabled(True)
        self.position = plain_label()
        self.position.setObjectName("findPosition")
        self.previous_button = QToolButton()
        self.next_button = QToolButton()
        self.close_button = QToolButton()
        self.close_button.setAutoRaise(True)
        self.close_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton))
        self.close_button.setToolTip(self.tr("关闭查找（Esc）"))
        self.close_button.clicked.connect(self.finish)

        self.query.textChanged.connect(self._find)
        self.query.returnPressed.connect(self.find_next)
        QShortcut(QKeySequence("Shift+Return"), self.query, self.find_previous,
                  context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Cancel), self, self.finish,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

        layout = QHBoxLayout(self)
        margin = self.fontMetrics().height() // 4
        layout.setContentsMargins(margin, margin, margin, margin)
        layout.addWidget(self.query, 1)
        layout.addWidget(self.position)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.close_button)
        self.query.setMinimumWidth(self.fontMetrics().averageCharWidth() * 24)
        self.hide()

    def set_actions(self, next_match: QAction, previous_match: QAction) -> None:
        """The window's 查找下一处 / 查找上一处 (F3 / Shift+F3) as the bar's buttons."""
        self.next_button.setDefaultAction(next_match)
        self.previous_button.setDefaultAction(previous_match)

    def start(self, text: str = "") -> None:
        """Show the bar with the focus in it; ``text`` (the selected words) replaces the query. Finding
        starts at the selection or the top of the view."""
        span = self.view.selected_span()
        self._anchor = span[0] if span is not None else self.view.first_visible_offset()
        self.show()
        if text and text != self.query.text():
            self.query.setText(text)
        else:
            self._find()
        self.query.setFocus()
        self.query.selectAll()

    def refresh(self) -> None:
        """Find again in the text the view now shows (another report): from its top."""
        if not self.isVisible():
            return
        if not self.view.text:
            self.finish()
            return
        self._anchor = 0
        self._find()

    def finish(self) -> None:
        """Close the bar and clear its highlights (the last match stays selected)."""
        if not self.isVisible():
            return
        self.hide()
        self.matches, self.current = [], None
        self.view.set_found([])
        self.view.setFocus()

    def find_next(self) -> None:
        self._step(forward=True)

    def find_previous(self) -> None:
        self._step(forward=False)

    def _step(self, forward: bool) -> None:
        if not self.isVisible():
            self.start()
            if self.current is not None:
                return  # the bar was closed: showing the match at the caret is the first step
        if not self.matches:
            return
        if self.current is not None and self.view.selected_span() == self.matches[self.current]:
            number = self.current + (1 if forward else -1)
        else:  # the reviewer moved the caret since: step from there
            caret = self.view.caret_offset()
            after = [i for i, (start, _) in enumerate(self.matches) if start >= caret]
            before = [i for i, (_, end) in enumerate(self.matches) if end <= caret]
            number = (after[0] if after else 0) if forward else (before[-1] if before else -1)
        self._show(number % len(self.matches))

    def _find(self) -> None:
        query = self.query.text()
        self.matches = occurrences(self.view.text, query) if query.strip() else []
        if not self.matches:
            self.current = None
            self.view.set_found([])
            self.position.setText(self.tr("没有找到") if query.strip() else "")
            return
        self._show(next((i for i, (start, _) in enumerate(self.matches) if start >= self._anchor), 0))

    def _show(self, number: int) -> None:
        self.current = number
        start, end = self.matches[number]
        self._anchor = start
        self.view.set_found(self.matches, number)
        self.view.select_span(start, end)
        self.position.setText(self.tr("第 {number} / {count} 处").format(number=number + 1, count=len(self.matches)))
