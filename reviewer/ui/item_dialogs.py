"""Small forms: a figure the analysis missed, and an annotation (new or edited)."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, QObject, Qt
from PySide6.QtGui import QDoubleValidator, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from reviewer.ui.panels.item_table import parse_number
from reviewer.ui.plain_text import plain_label
from reviewer.ui.review_states import format_number, tr_label
from reviewer.vocabulary import AnnotationTag, Severity
from reviewer.workspace.values import FigureValues

QUOTE_PREVIEW_CHARS = 80
ACCEPT_KEY = "Ctrl+Return"
"""Confirms a form from its multi-line text field (where Enter starts a new line)."""


def _quote_label(quote: str) -> QLabel:
    shown = quote if len(quote) <= QUOTE_PREVIEW_CHARS else quote[:QUOTE_PREVIEW_CHARS] + "…"
    label = plain_label(f"「{shown}」")
    label.setWordWrap(True)
    return label


class FigureDialog(QDialog):
    """Values of a figure added from selected text; OK only with a valid number."""

    def __init__(self, quote: str, prefill: FigureValues, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figureDialog")
        self.setWindowTitle(self.tr("添加数据"))
        self.quote = quote
        self.value = QLineEdit(format_number(prefill.value))
        self.value.setObjectName("figureValue")
        validator = QDoubleValidator(self.value)
        validator.setLocale(QLocale.c())
        validator.setNotation(QDoubleValidator.Notation.StandardNotation)
        self.value.setValidator(validator)
        self.unit = QLineEdit(prefill.unit or "")
        self.unit.setObjectName("figureUnit")
        self.approx = QCheckBox(self.tr("约数（余、近、约、超过…）"))
        self.approx.setChecked(prefill.approx)
        self.subject = QLineEdit(prefill.subject or "")
        self.subject.setObjectName("figureSubject")
        self.subject.setPlaceholderText(self.tr("例如：行政复议案件"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.value.textChanged.connect(self._validate)
        form = QFormLayout(self)
        form.addRow(self.tr("原文"), _quote_label(quote))
        form.addRow(self.tr("数值"), self.value)
        form.addRow(self.tr("单位"), self.unit)
        form.addRow("", self.approx)
        form.addRow(self.tr("统计对象"), self.subject)
        form.addRow(self.buttons)
        self._validate()

    def _validate(self) -> None:
        ok = self.value.hasAcceptableInput() and parse_number(self.value.text()) is not None
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def values(self) -> FigureValues:
        return FigureValues(
            text=self.quote,
            value=parse_number(self.value.text()),
            unit=self.unit.text().strip(),
            approx=self.approx.isChecked(),
            subject=self.subject.text().strip() or None,
        )


class AnnotationDialog(QDialog):
    """Comment, tag and severity of an annotation."""

    def __init__(
        self,
        quote: str | None,
        parent: QWidget | None = None,
        comment: str = "",
        tag: str = AnnotationTag.PROBLEM,
        severity: str = Severity.WARNING,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("annotationDialog")
        self.setWindowTitle(self.tr("批注") if comment else self.tr("添加批注"))
        self.comment = QPlainTextEdit(comment)
        self.comment.setObjectName("annotationComment")
        self.comment.setTabChangesFocus(True)
        self.comment.setMinimumHeight(self.comment.fontMetrics().lineSpacing() * 5)
        self.comment.setPlaceholderText(self.tr("写下批注内容，按 {keys} 确定").format(
            keys=QKeySequence(ACCEPT_KEY).toString(QKeySequence.SequenceFormat.NativeText)))
        self.comment.installEventFilter(self)
        self.tag = QComboBox()
        self.tag.setObjectName("annotationTag")
        for value in AnnotationTag:
            self.tag.addItem(tr_label(value), value)
        self.tag.setCurrentIndex(max(self.tag.findData(tag), 0))
        self.severity = QComboBox()
        self.severity.setObjectName("annotationSeverity")
        for value in Severity:
            self.severity.addItem(tr_label(value), value)
        self.severity.setCurrentIndex(max(self.severity.findData(severity), 0))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.comment.textChanged.connect(self._validate)
        form = QFormLayout(self)
        form.addRow(self.tr("原文"), _quote_label(quote) if quote else QLabel(self.tr("（整份报告）")))
        form.addRow(self.tr("批注"), self.comment)
        form.addRow(self.tr("类别"), self.tag)
        form.addRow(self.tr("程度"), self.severity)
        form.addRow(self.buttons)
        line = self.fontMetrics().lineSpacing()
        self.resize(line * 28, self.sizeHint().height())
        self._validate()

    def _validate(self) -> None:
        ok = bool(self.comment.toPlainText().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Return (or Ctrl+Enter) in the comment confirms, when there is a comment."""
        if (watched is self.comment and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            if self.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled():
                self.accept()
            return True
        return super().eventFilter(watched, event)

    def values(self) -> dict:
        return {
            "comment": self.comment.toPlainText().strip(),
            "tag": AnnotationTag(self.tag.currentData()),  # Qt hands codes back as plain str
            "severity": Severity(self.severity.currentData()),
        }
