"""Colours of highlighted text (headings, figures, findings, annotations, review states) and their legend."""
from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QFrame, QSizePolicy, QTextEdit, QWidget

from reviewer.vocabulary import ItemKind, ItemState, Severity, parse


@dataclass(frozen=True)
class HighlightStyle:
    label: str
    background: str | None = None
    foreground: str | None = None
    underline: str | None = None
    wavy: bool = False
    strike: bool = False

    def char_format(self) -> QTextCharFormat:
        fmt = QTextCharFormat()
        if self.background:
            fmt.setBackground(QColor(self.background))
        if self.foreground:
            fmt.setForeground(QColor(self.foreground))
        if self.underline:
            fmt.setUnderlineColor(QColor(self.underline))
            fmt.setUnderlineStyle(
                QTextCharFormat.UnderlineStyle.WaveUnderline
                if self.wavy
                else QTextCharFormat.UnderlineStyle.SingleUnderline
            )
        if self.strike:
            fmt.setFontStrikeOut(True)
        return fmt


def _tr(text: str) -> str:
    return QCoreApplication.translate("highlight", text)


def styles() -> dict[str, HighlightStyle]:
    """Style name → style, in legend order. Names: section, figure, error, warning, info, annotation,
    corrected, rejected."""
    return {
        ItemKind.SECTION: HighlightStyle(_tr("标题"), background="#e3ecf9", foreground="#1b4f91"),
        ItemKind.FIGURE: HighlightStyle(_tr("数据"), background="#d4f0de", foreground="#11602f"),
        Severity.ERROR: HighlightStyle(_tr("问题·错误"), background="#fde3e3", underline="#d32f2f", wavy=True),
        Severity.WARNING: HighlightStyle(_tr("问题·警告"), background="#fff0d9", underline="#e07b00", wavy=True),
        Severity.INFO: HighlightStyle(_tr("问题·提示"), underline="#1e78d2", wavy=True),
        "annotation": HighlightStyle(_tr("批注"), background="#fff59a", underline="#b59b00"),
        ItemState.CORRECTED: HighlightStyle(_tr("已更正"), background="#eadcf7", foreground="#5b2a86"),
        ItemState.REJECTED: HighlightStyle(_tr("已否决"), foreground="#9a9a9a", strike=True),
    }


FOUND = HighlightStyle("", background="#ffe36e")
"""A match of the find bar: not in the legend, it is the reviewer's own search."""
FOUND_CURRENT = HighlightStyle("", background="#ff9a3c", foreground="#000000")
"""The find bar's current match."""


@dataclass(frozen=True)
class Highlight:
    """A span of the cleaned text (Python indices) drawn in one style."""

    start: int
    end: int
    style: str


HIGHLIGHTED_KINDS = (ItemKind.SECTION, ItemKind.FIGURE, ItemKind.FINDING)


def item_style(kind: str, state: str, severity: str | None = None) -> str | None:
    """Style name of a review item, or None when it is not highlighted."""
    if kind not in HIGHLIGHTED_KINDS:
        return None
    if state == ItemState.REJECTED:
        return ItemState.REJECTED
    if state == ItemState.CORRECTED:
        return ItemState.CORRECTED
    if kind == ItemKind.FINDING:
        return parse(Severity, severity) or Severity.WARNING
    return kind


def item_highlights(items: Iterable, annotations: Iterable) -> list[Highlight]:
    """Highlights for review items and annotations, ordered so findings and annotations draw last."""
    order = {ItemKind.SECTION: 0, ItemKind.FIGURE: 1, "annotation": 2, ItemKind.FINDING: 3}
    result: list[tuple[int, Highlight]] = []
    for item in items:
        if item.start is None or item.end is None or item.end <= item.start:
            continue
        style = item_style(item.kind, item.state, getattr(item.effective, "severity", None))
        if style:
            result.append((order[item.kind], Highlight(item.start, item.end, style)))
    for note in annotations:
        if note.start is None or note.end is None or note.end <= note.start or not note.anchored:
            continue
        result.append((order["annotation"], Highlight(note.start, note.end, "annotation")))
    result.sort(key=lambda pair: pair[0])
    return [h for _, h in result]


class LegendBar(QTextEdit):
    """What each highlight means, drawn with the very formats the report text uses; wraps when narrow."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legend")
        self.setReadOnly(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.viewport().setAutoFillBackground(False)
        cursor = QTextCursor(self.document())
        plain = QTextCharFormat()
        cursor.insertText(self.tr("图例："), plain)
        for style in styles().values():
            cursor.insertText(style.label, style.char_format())
            cursor.insertText("\u3000", plain)
        self._fit_height()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        self.document().setTextWidth(self.viewport().width())
        height = math.ceil(self.document().size().height()) + 2 * self.frameWidth()
        if self.height() != height:
            self.setFixedHeight(height)
