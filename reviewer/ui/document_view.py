"""The report's cleaned text, read-only, with highlights drawn as extra selections (no re-layout)."""
from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QHelpEvent,
    QMouseEvent,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

from reviewer.ui.fonts import reading_font
from reviewer.ui.highlight import FOUND, FOUND_CURRENT, Highlight, styles
from reviewer.ui.text_positions import TextPositions

LINE_HEIGHT_PERCENT = 150
BLANK_LINE_HEIGHT_PERCENT = 60
"""Cleaned texts separate paragraphs by a blank line; drawn lower, it reads as paragraph spacing."""


class DocumentView(QTextEdit):
    """Shows one report. Offsets in and out are Python string indices into the cleaned text."""

    offsetClicked = Signal(int)
    """A plain click (no drag selection) on the character at this offset."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentView")
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setFont(reading_font())
        self.document().setDocumentMargin(font_margin(self))
        self._keep_selection_visible_unfocused()
        self._text = ""
        self._positions = TextPositions("")
        self._formats = {name: style.char_format() for name, style in styles().items()}
        self._found_formats = (FOUND.char_format(), FOUND_CURRENT.char_format())
        self._item_selections: list[QTextEdit.ExtraSelection] = []
        self._found_selections: list[QTextEdit.ExtraSelection] = []
        self._context_actions: list[QAction] = []
        self._tooltip_source: Callable[[int], str | None] | None = None
        self._target_actions: list[QAction] = []
        self._select_at: Callable[[int], bool] | None = None
        self._press_pos: QPoint | None = None

    def _keep_selection_visible_unfocused(self) -> None:
        palette = self.palette()
        for role in (QPalette.ColorRole.Highlight, QPalette.ColorRole.HighlightedText):
            palette.setColor(QPalette.ColorGroup.Inactive, role, palette.color(QPalette.ColorGroup.Active, role))
        self.setPalette(palette)

    def reset_zoom(self) -> None:
        """Back to the reading font size (after zoomIn/zoomOut)."""
        self.setFont(reading_font())

    def set_context_actions(self, actions: Sequence[QAction]) -> None:
        self._context_actions = list(actions)

    @property
    def text(self) -> str:
        return self._text

    def show_text(self, text: str, highlights: Sequence[Highlight]) -> None:
        """Replace the shown report (scrolled to the top)."""
        self._text = text
        self._positions = TextPositions(text)
        doc = self.document()
        doc.setUndoRedoEnabled(False)
        self._item_selections, self._found_selections = [], []
        self.setExtraSelections([])
        self.setPlainText(text)
        proportional = QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
        block_format = QTextBlockFormat()
        block_format.setLineHeight(LINE_HEIGHT_PERCENT, proportional)
        blank_format = QTextBlockFormat()
        blank_format.setLineHeight(BLANK_LINE_HEIGHT_PERCENT, proportional)
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()  # one re-layout for all the format changes below
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.mergeBlockFormat(block_format)
        block = doc.begin()
        while block.isValid():
            if block.length() == 1:
                cursor.setPosition(block.position())
                cursor.mergeBlockFormat(blank_format)
            block = block.next()
        cursor.endEditBlock()
        self.set_highlights(highlights)

    def clear_report(self) -> None:
        self._text = ""
        self._positions = TextPositions("")
        self._item_selections, self._found_selections = [], []
        self.setExtraSelections([])
        self.clear()

    def set_highlights(self, highlights: Sequence[Highlight]) -> None:
        self._item_selections = [self._selection(h.start, h.end, self._formats[h.style]) for h in highlights]
        self.setExtraSelections(self._item_selections + self._found_selections)

    def set_found(self, spans: Sequence[tuple[int, int]], current: int | None = None) -> None:
        """Mark the find bar's matches over the review highlights, ``spans[current]`` in a stronger colour."""
        found, strong = self._found_formats
        self._found_selections = [self._selection(start, end, strong if number == current else found)
                                  for number, (start, end) in enumerate(spans)]
        self.setExtraSelections(self._item_selections + self._found_selections)

    def _selection(self, start: int, end: int, text_format: QTextCharFormat) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._positions.to_qt(start))
        cursor.setPosition(self._positions.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format = text_format
        return selection

    def select_span(self, start: int, end: int, center: bool = True) -> None:
        """Select text[start:end]; with ``center``, scroll it to the middle of the view."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._positions.to_qt(start))
        cursor.setPosition(self._positions.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        bar = self.verticalScrollBar()
        kept = bar.value()
        self.setTextCursor(cursor)
        if center:
            self.center_on(start)
        else:
            bar.setValue(kept)

    def center_on(self, offset: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._positions.to_qt(offset))
        rect = self.cursorRect(cursor)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.center().y() - self.viewport().height() // 2)

    def selected_span(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return (
            self._positions.to_python(cursor.selectionStart()),
            self._positions.to_python(cursor.selectionEnd()),
        )

    def caret_offset(self) -> int:
        """Offset of the text cursor (the end a selection was made towards)."""
        return self._positions.to_python(self.textCursor().position())

    def first_visible_offset(self) -> int:
        position = self.cursorForPosition(QPoint(0, 0)).position()
        return self._positions.to_python(position)

    def scroll_to_offset(self, offset: int) -> None:
        """Scroll so that the line holding ``offset`` is the first visible one."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(self._positions.to_qt(max(offset, 0)), self.document().characterCount() - 1))
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + self.cursorRect(cursor).top())

    def offset_at(self, point: QPoint) -> int | None:
        """Offset of the character under a viewport point (not the caret position nearest to it)."""
        if not self._text:
            return None
        cursor = self.cursorForPosition(point)
        position = cursor.position()
        if point.x() < self.cursorRect(cursor).x() and position > cursor.block().position():
            position -= 1
        offset = self._positions.to_python(position)
        return offset if offset < len(self._text) else None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press_pos = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self._press_pos is None:
            return
        moved = (event.position().toPoint() - self._press_pos).manhattanLength()
        self._press_pos = None
        if self.textCursor().hasSelection() and moved > 2:
            return
        offset = self.offset_at(event.position().toPoint())
        if offset is not None:
            self.offsetClicked.emit(offset)

    def set_tooltip_source(self, source: Callable[[int], str | None]) -> None:
        """``source(offset)`` gives the tooltip of the highlight at a text offset (None: no tooltip)."""
        self._tooltip_source = source

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            offset = self.offset_at(event.pos())
            source = self._tooltip_source
            text = source(offset) if source is not None and offset is not None else None
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def set_target_actions(self, actions: Sequence[QAction], select_at: Callable[[int], bool]) -> None:
        """Right-click on a highlight: ``select_at(offset)`` selects what is there (True when something is),
        then ``actions`` (确认/否决/更正) head the menu."""
        self._target_actions = list(actions)
        self._select_at = select_at

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        offset = self.offset_at(event.pos())
        on_target = offset is not None and self._select_at is not None and self._select_at(offset)
        menu = self.createStandardContextMenu(event.pos())
        groups = ([self._target_actions] if on_target else []) + [self._context_actions]
        for group in reversed([g for g in groups if g]):
            first = menu.actions()[0] if menu.actions() else None
            for action in group:
                menu.insertAction(first, action)
            menu.insertSeparator(first)
        menu.exec(event.globalPos())
        menu.deleteLater()


def font_margin(widget: QWidget) -> float:
    """A reading margin proportional to the font, so it scales with HiDPI and font size."""
    return widget.fontMetrics().height() * 1.2
