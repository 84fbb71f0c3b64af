"""What the document area shows while no report is open: what to do next, and buttons to do it."""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QVBoxLayout, QWidget

FORMATS = "txt、html、docx、pdf"
TITLE_SCALE = 1.5
HINT_WIDTH_CHARS = 36
"""The hint's lines are broken where they read well; a narrow area wraps them further."""


class EmptyState(QWidget):
    """Centred text with the import actions as buttons; the text says whether the library is empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.title = QLabel()
        self.title.setObjectName("emptyStateTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * TITLE_SCALE)
        self.title.setFont(font)
        self.hint = QLabel()
        self.hint.setObjectName("emptyStateHint")
        self.hint.setWordWrap(True)
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.hint.setMaximumWidth(self.fontMetrics().horizontalAdvance("中") * HINT_WIDTH_CHARS)
        self.hint.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        for label in (self.title, self.hint):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        hint_row = QHBoxLayout()
        hint_row.addStretch(1)
        hint_row.addWidget(self.hint, 100)
        hint_row.addStretch(1)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        self.buttons.addStretch(1)
        self._open_action: QAction | None = None
        self._library_empty = True
        self._importing = False

        column = QVBoxLayout(self)
        margin = self.fontMetrics().height() * 2
        column.setContentsMargins(margin, margin, margin, margin)
        column.addStretch(2)
        column.addWidget(self.title)
        column.addSpacing(self.fontMetrics().height())
        column.addLayout(hint_row)
        column.addSpacing(self.fontMetrics().height())
        column.addLayout(self.buttons)
        column.addStretch(3)
        self._update_text()

    def set_actions(self, actions: Sequence[QAction]) -> None:
        """Buttons for these actions (the first one is named, with its shortcut, in the hint)."""
        for action in actions:
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAutoRaise(False)
            self.buttons.insertWidget(self.buttons.count() - 1, button)
        self._open_action = actions[0] if actions else None
        self._update_text()

    def set_library_empty(self, empty: bool) -> None:
        if empty != self._library_empty:
            self._library_empty = empty
            self._update_text()

    def set_importing(self, importing: bool) -> None:
        if importing != self._importing:
            self._importing = importing
            self._update_text()

    def _open_command(self) -> str:
        """How the hint names the open command: its menu path and shortcut."""
        if self._open_action is None:
            return self.tr("“文件→打开报告”")
        name = self._open_action.text().replace("…", "").replace("&", "")
        keys = self._open_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        command = self.tr("“文件→{name}”").format(name=name)
        return f"{command}（{keys}）" if keys else command

    def _update_text(self) -> None:
        if self._library_empty and self._importing:
            self.title.setText(self.tr("正在导入报告…"))
            self.hint.setText(self.tr("进度显示在窗口底部的状态栏中；导入的报告会陆续出现在左侧报告库。"))
        elif self._library_empty:
            self.title.setText(self.tr("报告库中还没有报告"))
            self.hint.setText(
                self.tr("通过{command}导入报告，\n或把报告文件、文件夹拖到这个窗口中。\n支持 {formats} 格式。")
                .format(command=self._open_command(), formats=FORMATS)
            )
        else:
            self.title.setText(self.tr("请选择一份报告"))
            self.hint.setText(
                self.tr("从左侧报告库中选择一份报告开始审阅，\n或通过{command}导入新的报告。\n支持 {formats} 格式。")
                .format(command=self._open_command(), formats=FORMATS)
            )
