"""Report text, file names and the reviewer's words shown as what they are: plain text.

Qt shows a string that looks like markup (``<img src=…>``) as rich text in tooltips, labels and
message boxes, and then loads the images it names (a local file, ``/dev/zero``, a network share).
Every place that shows such text goes through these helpers.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QLabel, QMessageBox


def plain_tooltip(text: str | None) -> str:
    """A tooltip that shows ``text`` literally (escaped when Qt would take it for markup)."""
    if not text:
        return ""
    if GuiQt.mightBeRichText(text):
        return GuiQt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpacePre)
    return text


def plain_label(text: str = "") -> QLabel:
    """A label that never interprets its text as markup."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def plain_message(box: QMessageBox) -> QMessageBox:
    """The box's text and informative text shown literally."""
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box
