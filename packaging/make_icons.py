"""Render the app icon from its SVG sources into the PNG sizes and the Windows .ico that ship in
``resources/icons/``. Run after editing an SVG: ``.venv/bin/python packaging/make_icons.py``.

Sizes up to 32 px come from ``reviewer-small.svg`` (fewer, thicker strokes), the rest from
``reviewer.svg``. The .ico holds every size as a PNG frame (Pillow, already installed with reportlab).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)
SMALL_ICON_MAX = 32


def render(svg: Path, size: int) -> bytes:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication(sys.argv[:1])  # noqa: F841  (QSvgRenderer needs a GUI application)
    png_files = []
    for size in PNG_SIZES:
        source = ICONS_DIR / ("reviewer-small.svg" if size <= SMALL_ICON_MAX else "reviewer.svg")
        target = ICONS_DIR / f"reviewer-{size}.png"
        target.write_bytes(render(source, size))
        png_files.append(target)
    frames = [Image.open(path) for path in png_files]
    largest = frames[-1]
    largest.save(
        ICONS_DIR / "reviewer.ico",
        format="ICO",
        sizes=[frame.size for frame in frames],
        append_images=frames[:-1],
    )
    for path in [*png_files, ICONS_DIR / "reviewer.ico"]:
        print(f"{path.relative_to(ICONS_DIR.parent.parent)}  {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
