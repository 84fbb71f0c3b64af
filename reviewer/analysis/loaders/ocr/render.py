"""Pages of a PDF as images for recognition, rendered with PDFium (pypdfium2) at ``RECOGNITION_DPI``."""
from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from reviewer.analysis.errors import LoadError
from reviewer.analysis.loaders.file_content import FileContent, pdf_document
from reviewer.analysis.loaders.ocr.images import PageImage
from reviewer.analysis.loaders.ocr.limits import MAX_IMAGE_PIXELS, MAX_PAGE_SIDE_PX, RECOGNITION_DPI, too_many_pixels
from reviewer.analysis.loaders.outcome import file_label
from reviewer.analysis.loaders.pdfium_lock import PDFIUM_LOCK

_POINTS_PER_INCH = 72.0


def rendered_pages(data: FileContent, source: str, numbers: list[int]) -> Iterator[PageImage]:
    """The pages ``numbers`` (1-based) of the PDF, one at a time, white behind transparent parts."""
    import pypdfium2 as pdfium

    try:
        with PDFIUM_LOCK:
            document = pdf_document(data)
    except pdfium.PdfiumError:
        raise LoadError("damaged", f"PDF 文件“{file_label(source)}”已损坏，无法转成图片识别。") from None
    try:
        for number in numbers:
            try:
                with PDFIUM_LOCK:  # page by page: printing need not wait for the recognition in between
                    page = document[number - 1]
                    width, height = page.get_size()
                    dpi = _page_dpi(width, height)
                    scale = dpi / _POINTS_PER_INCH
                    if width * scale * height * scale > MAX_IMAGE_PIXELS:
                        raise too_many_pixels(source, round(width * scale), round(height * scale), number)
                    bitmap = page.render(scale=scale, fill_color=(255, 255, 255, 255))
                    pixels = np.asarray(bitmap.to_pil().convert("RGB"))
                    bitmap.close()
                    page.close()
            except LoadError:
                raise
            except (pdfium.PdfiumError, ValueError, IndexError):
                raise LoadError(
                    "damaged", f"PDF 文件“{file_label(source)}”已损坏：第 {number} 页无法转成图片识别。"
                ) from None
            yield PageImage(number=number, pixels=pixels, dpi=dpi)
    finally:
        with PDFIUM_LOCK:
            document.close()


def _page_dpi(width_pt: float, height_pt: float) -> float:
    """``RECOGNITION_DPI``, lowered for oversized pages so the longest side fits ``MAX_PAGE_SIDE_PX``."""
    long_side_inches = max(width_pt, height_pt, 1.0) / _POINTS_PER_INCH
    return min(float(RECOGNITION_DPI), MAX_PAGE_SIDE_PX / long_side_inches)
