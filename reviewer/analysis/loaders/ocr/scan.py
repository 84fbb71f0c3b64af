"""Reports read by text recognition: image files, and the pages of a PDF that have no text layer.

Shape of the text: as for PDFs: the recognized lines of the pages are put back into paragraphs, table rows
and notes by ``page_restore`` (reading order, running headers and page numbers dropped, paragraphs joined
across lines and page breaks). ``LoadedDocument.format`` is "ocr",
``original_format`` the file's own ("png", "jpeg", "tiff", "pdf"), and ``recognized_pages`` keeps every
recognized page with its line boxes and confidences, so the text need not be recognized again.
"""
from __future__ import annotations

from reviewer.analysis.errors import LoadError
from reviewer.analysis.loaders.file_content import FileContent, content_head
from reviewer.analysis.loaders.ocr.images import image_page_count, image_pages
from reviewer.analysis.loaders.ocr.limits import MAX_SCAN_PAGES, too_many_pages
from reviewer.analysis.loaders.ocr.options import OcrOptions
from reviewer.analysis.loaders.ocr.pages import known_pages, recognize_all, tidy_recognized
from reviewer.analysis.loaders.ocr.render import rendered_pages
from reviewer.analysis.loaders.outcome import checked_text, file_label
from reviewer.analysis.loaders.page_layout import PageLayout
from reviewer.analysis.loaders.page_restore import restore_pages
from reviewer.analysis.loaders.sniff import IMAGE_MAGIC_BYTES, image_kind
from reviewer.analysis.model import LoadedDocument

OCR_FORMAT = "ocr"


def load_image(data: FileContent, source: str, options: OcrOptions | None = None) -> LoadedDocument:
    """A JPEG, PNG or TIFF file (every frame of a TIFF a page) read by text recognition; from a path, a frame
    at a time is read from the file."""
    count = image_page_count(data, source)
    known = {number: page for number, page in known_pages(options).items() if number <= count}
    missing = {number for number in range(1, count + 1) if number not in known}
    recognized = recognize_all(image_pages(data, source, missing), len(missing), options) if missing else []
    pages = sorted([*known.values(), *recognized], key=lambda page: page.number)
    if not any(page.lines for page in pages):
        raise LoadError("empty", f"图片文件“{file_label(source)}”中没有识别出文字。")
    restored = restore_pages(pages)
    return LoadedDocument(
        source=source,
        format=OCR_FORMAT,
        encoding=None,
        raw_text=checked_text(tidy_recognized(restored.text), source),
        page_count=count,
        original_format=image_kind(content_head(data, IMAGE_MAGIC_BYTES)),
        notes=restored.notes,
        table_cells=restored.table_cells,
        recognized_pages=pages,
    )



def recognize_pdf_pages(data: FileContent, source: str, numbers: list[int], options: OcrOptions | None) -> list[PageLayout]:
    """The PDF's pages ``numbers`` recognized (or taken from ``options.known_pages``), in page order."""
    if len(numbers) > MAX_SCAN_PAGES:
        raise too_many_pages(source, len(numbers))
    known = known_pages(options)
    missing = [number for number in numbers if number not in known]
    recognized = recognize_all(rendered_pages(data, source, missing), len(missing), options) if missing else []
    return sorted([*(known[number] for number in numbers if number in known), *recognized], key=lambda p: p.number)
