"""PDF reports: the text layer, page by page, with pypdf; pages without one are read by text recognition.

Shape of the text: pages follow each other with no marker; lines wrapped by the layout are joined into
paragraphs and page numbers at the top or bottom of a page are dropped (see ``pdf_reflow``). Tables come out
as pypdf prints them: one line per row, cells separated by spaces. A scanned PDF, or a PDF some of whose
pages are scans (an image and no text layer), has those pages recognized (``ocr.scan``): the document's
format is then "ocr", its ``original_format`` "pdf".
"""
from __future__ import annotations

import io
import re
from typing import Any

from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError

from reviewer.analysis import errors
from reviewer.analysis.errors import LoadError
from reviewer.analysis.loaders.ocr.options import OcrOptions
from reviewer.analysis.loaders.outcome import checked_text, file_label, text_too_long
from reviewer.analysis.loaders.pdf_reflow import reflow_pages
from reviewer.analysis.model import LoadedDocument

END_MARKER_WINDOW = 4096
"""A complete PDF has ``%%EOF`` this close to its end; without it the file was cut off (interrupted download)."""

MIN_PAGE_LETTERS = 20
"""A page with fewer letters and digits than this has no real text layer (a scan, or only a page number)."""

_LETTER = re.compile(r"[^\W_]")


def load_pdf(data: bytes, source: str, ocr: OcrOptions | None = None) -> LoadedDocument:
    name = file_label(source)
    if b"%%EOF" not in data[-END_MARKER_WINDOW:]:
        raise LoadError("damaged", f"PDF 文件“{name}”不完整（文件末尾缺失，可能没有下载完），无法读取。")
    pages, scanned = _page_texts(data, source)
    if not pages:
        raise LoadError("empty", f"PDF 文件“{name}”没有页面。")
    if all(_is_textless(page) for page in pages):
        scanned = list(range(1, len(pages) + 1))
    recognized = []
    if scanned:
        from reviewer.analysis.loaders.ocr.pages import page_text, tidy_recognized  # the recognizer: scans only
        from reviewer.analysis.loaders.ocr.scan import recognize_pdf_pages

        recognized = recognize_pdf_pages(data, source, scanned, ocr)
        for page in recognized:
            pages[page.number - 1] = page_text(page)
    text = reflow_pages(pages)
    if scanned:
        text = tidy_recognized(text)
    if scanned and not text.strip():
        raise LoadError("empty", f"PDF 文件“{name}”是扫描件，但其中没有识别出文字。")
    recognized = [page for page in recognized if page.lines]
    return LoadedDocument(
        source=source,
        format="ocr" if recognized else "pdf",
        encoding=None,
        raw_text=checked_text(text, source),
        page_count=len(pages),
        original_format="pdf" if recognized else None,
        recognized_pages=recognized,
    )


def _is_textless(page: str) -> bool:
    return len(_LETTER.findall(page)) < MIN_PAGE_LETTERS


def _has_image(page: Any) -> bool:
    """True when the page draws an image of its own (a scanned page is one image)."""
    try:
        objects = page["/Resources"].get_object().get("/XObject")
        if objects is None:
            return False
        return any(objects[key].get_object().get("/Subtype") == "/Image" for key in objects.get_object())
    except Exception:  # a malformed resource dictionary: no image that can be told
        return False


def _page_texts(data: bytes, source: str) -> tuple[list[str], list[int]]:
    """Each page's extracted text, and the numbers of the pages that are scans (an image, no text layer).
    pypdf raises many exception types on malformed files; all mean damage."""
    name = file_label(source)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            raise LoadError("encrypted", f"PDF 文件“{name}”设有密码保护（需要打开密码），请取消密码后再导入。")
        page_count = len(reader.pages)
    except LoadError:
        raise
    except DependencyError:
        raise _undecryptable(name) from None
    except Exception:
        raise LoadError("damaged", f"PDF 文件“{name}”已损坏，无法读取。") from None
    pages: list[str] = []
    scanned: list[int] = []
    total = 0
    for number in range(page_count):
        try:
            page = reader.pages[number]
            text = page.extract_text() or ""
            if _is_textless(text) and _has_image(page):
                scanned.append(number + 1)
        except DependencyError:
            raise _undecryptable(name) from None
        except Exception:
            raise LoadError("damaged", f"PDF 文件“{name}”已损坏：第 {number + 1} 页无法读取。") from None
        total += len(text)
        if total > errors.MAX_TEXT_CHARS:
            raise text_too_long(source, total)
        pages.append(text)
    return pages, scanned


def _undecryptable(name: str) -> LoadError:
    """pypdf decrypts AES only with the ``cryptography`` package; an installation without it lands here."""
    return LoadError("encrypted", f"PDF 文件“{name}”使用了 AES 加密，本程序缺少解密组件（cryptography），无法读取。")
