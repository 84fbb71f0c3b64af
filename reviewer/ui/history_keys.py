"""The window's 撤销 / 重做 and where their keys go.

Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y (QKeySequence.Undo / Redo and the window's extra redo keys) act on the
review history, wherever the focus is in the window. The one exception: a text field (QLineEdit, QTextEdit,
QPlainTextEdit, an editable QComboBox) that has the focus AND has typing of its own to undo (or redo) keeps
the key. Qt would otherwise hand every undo key to a focused text field, even one with nothing to undo: the
library filter swallowed Ctrl+Z. Dialogs and other windows keep Qt's behaviour.
"""
from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

TextField = QLineEdit | QTextEdit | QPlainTextEdit


def history_actions(stack: QUndoStack, parent: QObject, before: Callable[[], None]) -> tuple[QAction, QAction]:
    """撤销 and 重做 for ``stack``, named after the step they undo or redo and enabled while there is one.
    ``before`` runs first (the review form commits remarks still being typed)."""
    undo = QAction(parent)
    redo = QAction(parent)
    undo_prefix = QApplication.translate("history_keys", "撤销")
    redo_prefix = QApplication.translate("history_keys", "重做")

    def name(action: QAction, prefix: str, text: str) -> None:
        action.setText(f"{prefix} {text}" if text else prefix)

    def run(step: Callable[[], None]) -> None:
        before()
        step()

    undo.triggered.connect(lambda: run(stack.undo))
    redo.triggered.connect(lambda: run(stack.redo))
    stack.undoTextChanged.connect(lambda text: name(undo, undo_prefix, text))
    stack.redoTextChanged.connect(lambda text: name(redo, redo_prefix, text))
    stack.canUndoChanged.connect(undo.setEnabled)
    stack.canRedoChanged.connect(redo.setEnabled)
    name(undo, undo_prefix, stack.undoText())
    name(redo, redo_prefix, stack.redoText())
    undo.setEnabled(stack.canUndo())
    redo.setEnabled(stack.canRedo())
    return undo, redo


class HistoryKeys(QObject):
    """Routes the undo and redo keys pressed in a text field of ``window`` (see the module). It watches only
    the focused text field (re-chosen as the focus moves), never the whole application's events."""

    def __init__(self, window: QWidget, undo: QAction, redo: QAction) -> None:
        super().__init__(window)
        self.window = window
        self.undo = undo
        self.redo = redo
        self._watched: QWidget | None = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self._watched is not None:
            with contextlib.suppress(RuntimeError):  # the field was deleted (an item view's editor)
                self._watched.removeEventFilter(self)
            self._watched = None
        if new is not None and new.window() is self.window and text_field(new) is not None:
            new.installEventFilter(self)
            self._watched = new

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) or not isinstance(event, QKeyEvent):
            return False
        action = self._history_action(event)
        field = text_field(watched) if isinstance(watched, QWidget) else None
        if action is None or field is None:
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # the key comes to the field as a key press, handled below
            return True
        undoing = action is self.undo
        if has_own_step(field, undoing):
            field.undo() if undoing else field.redo()
        elif action.isEnabled():
            action.trigger()
        return True

    def _history_action(self, event: QKeyEvent) -> QAction | None:
        combination = event.keyCombination()
        modifiers = combination.keyboardModifiers() & ~Qt.KeyboardModifier.KeypadModifier
        pressed = QKeySequence(combination.key() | modifiers)
        for action in (self.undo, self.redo):
            if pressed in action.shortcuts():
                return action
        return None


def text_field(widget: QWidget) -> TextField | None:
    """The editable text field ``widget`` is (or, for an editable combo box, holds); None otherwise."""
    if isinstance(widget, QComboBox):
        line = widget.lineEdit()
        return line if line is not None and not line.isReadOnly() else None
    if isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit)) and not widget.isReadOnly():
        return widget
    return None


def has_own_step(field: TextField, undoing: bool) -> bool:
    """Whether the field has typing of its own to undo (``undoing``) or to redo."""
    if isinstance(field, QLineEdit):
        return field.isUndoAvailable() if undoing else field.isRedoAvailable()
    document = field.document()
    return document.isUndoAvailable() if undoing else document.isRedoAvailable()
