"""Search-hit context drawn with the match in bold on a marker colour, and always in view: when the
snippet is wider than its cell, the text before the match is cut first (from the left), then the text
after it."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

SnippetRole = Qt.ItemDataRole.UserRole + 2
"""(snippet, (match start, match end)) of a search hit."""
MATCH_BACKGROUND = "#fff59a"
ELLIPSIS = "…"
LEADING_SHARE = 3
"""Text before the match may take at most 1/LEADING_SHARE of the cell when the snippet does not fit."""


def fit_snippet(text: str, match: tuple[int, int], width: int, measure: Callable[[str], int],
                hit_width: int) -> tuple[str, str, str]:
    """(before, match, after) of ``text``, shortened with "…" so that it fits ``width``, keeping the match
    whole and up to a third of the width of context before it. ``measure`` gives the width of plain text,
    ``hit_width`` that of the match as drawn (bold)."""
    start, end = match
    before, hit, after = text[:start], text[start:end], text[end:]
    if measure(before) + hit_width + measure(after) <= width:
        return before, hit, after
    room_before = max(width // LEADING_SHARE, width - hit_width - measure(after))
    while before and measure(before) > room_before:
        kept = before.removeprefix(ELLIPSIS)[1:]
        before = ELLIPSIS + kept if kept else ""
    room_after = width - measure(before) - hit_width
    while after and measure(after) > room_after:
        kept = after.removesuffix(ELLIPSIS)[:-1]
        after = kept + ELLIPSIS if kept else ""
    return before, hit, after


class SnippetDelegate(QStyledItemDelegate):
    """Paints cells that carry SnippetRole; other cells as usual."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        data = index.data(SnippetRole)
        if not data:
            super().paint(painter, option, index)
            return
        text, match = data
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, opt.widget) + 1
        area = area.adjusted(margin, 0, -margin, 0)

        bold = QFont(opt.font)
        bold.setBold(True)
        plain_metrics, bold_metrics = QFontMetrics(opt.font), QFontMetrics(bold)
        before, hit, after = fit_snippet(text, match, area.width(), plain_metrics.horizontalAdvance,
                                         bold_metrics.horizontalAdvance(text[match[0]:match[1]]))

        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Normal if opt.state & QStyle.StateFlag.State_Enabled else QPalette.ColorGroup.Disabled
        colour = opt.palette.color(group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        painter.save()
        painter.setClipRect(area)
        x = area.left()
        flags = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        for part, font, metrics in ((before, opt.font, plain_metrics), (hit, bold, bold_metrics),
                                    (after, opt.font, plain_metrics)):
            if not part:
                continue
            width = metrics.horizontalAdvance(part)
            rect = QRect(x, area.top(), width, area.height())
            painter.setFont(font)
            if font is bold:
                painter.fillRect(rect.adjusted(0, 1, 0, -1), QColor(MATCH_BACKGROUND))
                painter.setPen(QColor("black"))
            else:
                painter.setPen(colour)
            painter.drawText(rect, flags, part)
            x += width
        painter.restore()
