"""查看原件: the part of the scanned page where a doubtful figure was read, beside the recognized line, which
the reviewer can correct (更正识别文字: the dialog is accepted with ``corrected_text()``)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)


class ScanPlaceDialog(QDialog):
    """Shows ``png`` (the page cut around the line; ``marked``: the doubted figure outlined in red) above the
    line as it was recognized."""

    def __init__(self, png: bytes, page: int, line: str, parent: QWidget | None = None, marked: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("scanPlaceDialog")
        self.setWindowTitle(self.tr("原件第 {page} 页").format(page=page))
        self.image = QLabel()
        self.image.setObjectName("scanPlaceImage")
        pixmap = QPixmap()
        pixmap.loadFromData(png, "PNG")
        self.image.setPixmap(pixmap)
        scroll = QScrollArea()
        scroll.setWidget(self.image)
        scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._line = line
        self.recognized = QLineEdit(line)
        self.recognized.setObjectName("recognizedLine")
        self.recognized.setToolTip(self.tr("识别出的这一行文字；与原件不符时在此更正"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.correct_button = buttons.addButton(self.tr("更正识别文字"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.correct_button.setEnabled(False)
        self.recognized.textChanged.connect(
            lambda text: self.correct_button.setEnabled(bool(text.strip()) and text.strip() != self._line)
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        if marked:
            layout.addWidget(QLabel(self.tr("红框内是存疑的数据，请与下面的识别结果核对。")))
        layout.addWidget(QLabel(self.tr("识别结果：")))
        layout.addWidget(self.recognized)
        layout.addWidget(buttons)
        self.resize(min(pixmap.width() + 60, 1100), min(pixmap.height() + 140, 600))

    def corrected_text(self) -> str:
        return self.recognized.text().strip()
