"""The reading font for report text: the first good CJK font this machine has."""
from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

CJK_FAMILIES: tuple[str, ...] = (
    "Microsoft YaHei",
    "WenQuanYi Zen Hei",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "PingFang SC",
    "SimSun",
)
READING_POINT_SIZE = 12


def reading_font() -> QFont:
    """A ~12pt font for report text; the system default when no listed CJK family is installed."""
    available = set(QFontDatabase.families())
    font = QFont()
    for family in CJK_FAMILIES:
        if family in available:
            font = QFont(family)
            break
    font.setPointSize(READING_POINT_SIZE)
    return font
