"""PDF reports: the text layer, page by page, with pypdf; scanned PDFs are refused with a request for OCR.

Shape of the text: pages follow each other with no marker; lines wrapped by the layout are joined into
paragraphs and page numbers at the top or bottom of a page are dropped (see ``pdf_reflow``). Tables come out
as pypdf prints them: one line per row, cells separated by spaces.
"""
from __future__ import annotations

import io
import re

from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError

from reviewer.analysis import errors
from reviewer.analysis.errors import LoadError
from reviewer.analysis.loaders.outcome import checked_text, file_label, text_too_long
from reviewer.analysis.loaders.pdf_reflow import reflow_pages
from reviewer.analysis.model import LoadedDocument

END_MARKER_WINDOW = 4096
"""A complete PDF has ``%%EOF`` this close to its end; without it the file was cut off (interrupted download)."""

MIN_PAGE_LETTERS = 20
"""A page with fewer letters and digits than this has no real text layer (a scan, or only a page number)."""

_LETTER = re.compile(r"[^\W_]")


def load_pdf(data: bytes, source: str) -> LoadedDocument:
    name = file_label(source)
    if b"%%EOF" not in data[-END_MARKER_WINDOW:]:
        raise LoadError("damaged", f"PDF 文件“{name}”不完整（文件末尾缺失，可能没有下载完），无法读取。")
    pages = _page_texts(data, source)
    if not pages:
        raise LoadError("empty", f"PDF 文件“{name}”没有页面。")
    if all(len(_LETTER.findall(page)) < MIN_PAGE_LETTERS for page in pages):
        raise LoadError(
            "needs_ocr",
            f"PDF 文件“{name}”没有文字层（可能是扫描件或图片），需要先OCR（文字识别）转成文字后再导入。",
        )
    text = checked_text(reflow_pages(pages), source)
    return LoadedDocument(source=source, format="pdf", encoding=None, raw_text=text, page_count=len(pages))


def _page_texts(data: bytes, source: str) -> list[str]:
    """Each page's extracted text. pypdf raises many exception types on malformed files; all mean damage."""
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
    total = 0
    for number in range(page_count):
        try:
            text = reader.pages[number].extract_text() or ""
        except DependencyError:
            raise _undecryptable(name) from None
        except Exception:
            raise LoadError("damaged", f"PDF 文件“{name}”已损坏：第 {number + 1} 页无法读取。") from None
        total += len(text)
        if total > errors.MAX_TEXT_CHARS:
            raise text_too_long(source, total)
        pages.append(text)
    return pages


def _undecryptable(name: str) -> LoadError:
    """pypdf decrypts AES only with the ``cryptography`` package; an installation without it lands here."""
    return LoadError("encrypted", f"PDF 文件“{name}”使用了 AES 加密，本程序缺少解密组件（cryptography），无法读取。")
