"""Chinese everywhere, Qt's own texts included; shortcuts named in tooltips; the About box."""
from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from reviewer import __version__
from reviewer.ui.app import create_application


def test_qt_standard_buttons_are_chinese(qapp):
    create_application()
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"


def native(keys: str) -> str:
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


def test_review_actions_name_their_shortcuts(window):
    actions = window.actions
    assert native("Ctrl+Return") in actions.accept.toolTip()
    assert native("Ctrl+Return") == "Ctrl+回车"
    assert native("F8") in actions.next_pending.toolTip()
    assert native("F2") in actions.edit.toolTip()
    assert native("Ctrl+Z") in window.undo_action.toolTip()
    menu_texts = [a.text() for a in window.menuBar().actions()]
    assert menu_texts == ["文件(&F)", "编辑(&E)", "审阅(&R)", "视图(&V)", "帮助(&H)"]


def test_about_box_shows_the_version(window, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append((title, text)))
    window.actions.about.trigger()
    assert shown and f"版本 {__version__}" in shown[0][1]
