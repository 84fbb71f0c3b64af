"""查看原件: the part of the scanned page where a doubtful figure was read, beside the recognized line."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QScrollArea, QVBoxLayout, QWidget


class ScanPlaceDialog(QDialog):
    """Shows ``png`` (the page cut around the line) above the line as it was recognized."""

    def __init__(self, png: bytes, page: int, line: str, parent: QWidget | None = None) -> None:
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
        self.recognized = QLabel(self.tr("识别结果：{line}").format(line=line))
        self.recognized.setWordWrap(True)
        self.recognized.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(self.recognized)
        layout.addWidget(buttons)
        self.resize(min(pixmap.width() + 60, 1100), min(pixmap.height() + 140, 600))
