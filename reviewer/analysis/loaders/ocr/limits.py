"""How much a scan may hold, and the messages that say so.

A scanned report is recognized page by page, one page image in memory at a time, so a worker's memory stays
under about 1.5 GB: the models take about 0.3 GB, a page at ``RECOGNITION_DPI`` about 30 MB with its copies,
and the largest image accepted (``MAX_IMAGE_PIXELS``) about 0.5 GB while it is decoded and scaled down. The
file itself (up to ``MAX_SCAN_FILE_BYTES``) is read from its path, a page at a time, not held in memory.
"""
from __future__ import annotations

from reviewer.analysis.errors import LoadError
from reviewer.analysis.loaders.outcome import file_label

MAX_SCAN_PAGES = 300
"""Pages recognized from one file at most (a long report with its annexes has a few dozen)."""

MAX_IMAGE_PIXELS = 100_000_000
"""Largest image accepted (100 megapixels: an A4 page scanned at 1,200 dpi is 140 MP, at 600 dpi 35 MP)."""

RECOGNITION_DPI = 200
"""Resolution at which PDF pages are rendered and large images are scaled for recognition."""

MAX_PAGE_SIDE_PX = 4200
"""Longest side of a page image given to the recognizer (A3 at 250 dpi); larger images are scaled down."""


def too_many_pages(source: str, pages: int) -> LoadError:
    return LoadError(
        "too_large",
        f"扫描件“{file_label(source)}”有 {pages} 页，超过了每个文件 {MAX_SCAN_PAGES} 页的识别上限，"
        "请拆分成几个文件后再导入。",
    )


def too_many_pixels(source: str, width: int, height: int, page: int | None = None) -> LoadError:
    where = f"第 {page} 页" if page is not None else "图片"
    return LoadError(
        "too_large",
        f"文件“{file_label(source)}”的{where}有 {width}×{height} 像素（{width * height / 1e6:.0f} 百万像素），"
        f"超过了 {MAX_IMAGE_PIXELS // 1_000_000} 百万像素的上限，请降低扫描分辨率后再导入。",
    )
