"""Pages read by ``pdf_drawing`` replayed onto a QPainter (a printer, the print preview): paths as paths and
characters as glyphs of the same font at the same positions, so the printer gets vectors and text.

Each page is placed at its own size on the paper (scaled down only if the paper is smaller), centred.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGlyphRun,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QRawFont,
    QTransform,
)

from reviewer.ui.fonts import reading_font
from reviewer.ui.pdf_drawing import CURVE, LINE, MOVE, PageDrawing, PathShape, TextRun

_CAPS = (Qt.PenCapStyle.FlatCap, Qt.PenCapStyle.RoundCap, Qt.PenCapStyle.SquareCap)
_JOINS = (Qt.PenJoinStyle.MiterJoin, Qt.PenJoinStyle.RoundJoin, Qt.PenJoinStyle.BevelJoin)


class GlyphFonts:
    """QRawFonts by the family a PDF names, at any size; a family this machine lacks is drawn in the
    reading font (same positions, other glyph shapes)."""

    def __init__(self) -> None:
        self._installed = set(QFontDatabase.families())
        self._fonts: dict[tuple[str, float], QRawFont] = {}

    def font(self, family: str, size: float) -> QRawFont:
        key = (family, size)
        if key not in self._fonts:
            chosen = QFont(family) if family in self._installed else reading_font()
            raw = QRawFont.fromFont(chosen)
            raw.setPixelSize(size)
            self._fonts[key] = raw
        return self._fonts[key]


def page_placement(page: PageDrawing, paper: QRectF) -> QTransform:
    """Page space (points, y down from the top) to paper space: the page at its size, or scaled down to
    fit, centred on ``paper``."""
    scale = min(paper.width() / page.width, paper.height() / page.height)
    left = paper.left() + (paper.width() - page.width * scale) / 2
    top = paper.top() + (paper.height() - page.height * scale) / 2
    return QTransform(scale, 0, 0, scale, left, top)


def paint_page(painter: QPainter, page: PageDrawing, placement: QTransform, fonts: GlyphFonts,
               image: Callable[[], QImage]) -> None:
    """Draw ``page`` with ``placement`` (from ``page_placement``); an incomplete page as ``image()``."""
    painter.save()
    try:
        if not page.complete:
            painter.setTransform(placement)
            painter.drawImage(QRectF(0, 0, page.width, page.height), image())
            return
        for item in page.items:
            if isinstance(item, PathShape):
                _paint_path(painter, item, page.height, placement)
            else:
                _paint_text(painter, item, page.height, placement, fonts)
    finally:
        painter.restore()


def _paint_path(painter: QPainter, shape: PathShape, height: float, placement: QTransform) -> None:
    a, b, c, d, e, f = shape.matrix
    painter.setTransform(QTransform(a, -b, c, -d, e, height - f) * placement)  # PDF's y runs up
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill if shape.even_odd else Qt.FillRule.WindingFill)
    controls: list[QPointF] = []
    for segment in shape.segments:
        point = QPointF(segment.x, segment.y)
        if segment.kind == MOVE:
            path.moveTo(point)
        elif segment.kind == LINE:
            path.lineTo(point)
        elif segment.kind == CURVE:
            controls.append(point)
            if len(controls) == 3:
                path.cubicTo(*controls)
                controls = []
        if segment.closes:
            path.closeSubpath()
    if shape.fill is not None:
        painter.fillPath(path, QColor(*shape.fill))
    if shape.stroke is not None:
        pen = QPen(QColor(*shape.stroke))
        pen.setWidthF(shape.line_width)
        pen.setCapStyle(_CAPS[shape.line_cap] if 0 <= shape.line_cap < 3 else Qt.PenCapStyle.FlatCap)
        pen.setJoinStyle(_JOINS[shape.line_join] if 0 <= shape.line_join < 3 else Qt.PenJoinStyle.MiterJoin)
        if shape.dash and shape.line_width > 0:
            pen.setDashPattern([length / shape.line_width for length in shape.dash])  # Qt counts in pen widths
            pen.setDashOffset(shape.dash_phase / shape.line_width)
        painter.strokePath(path, pen)


def _paint_text(painter: QPainter, run: TextRun, height: float, placement: QTransform, fonts: GlyphFonts) -> None:
    a, b, c, d = run.linear
    start_x, start_y = run.origins[0]
    linear = QTransform(a, -b, -c, d, 0, 0)  # glyph space to page space, both with y running down
    inverse, invertible = linear.inverted()
    if not invertible:
        return  # squashed to nothing: draws nothing
    painter.setTransform(linear * QTransform.fromTranslate(start_x, height - start_y) * placement)
    raw = fonts.font(run.family, run.size)
    glyphs = QGlyphRun()
    glyphs.setRawFont(raw)
    glyphs.setGlyphIndexes([(raw.glyphIndexesForString(char) or [0])[0] for char in run.text])
    glyphs.setPositions([inverse.map(QPointF(x - start_x, start_y - y)) for x, y in run.origins])
    painter.setPen(QColor(*run.color))
    painter.drawGlyphRun(QPointF(0, 0), glyphs)
