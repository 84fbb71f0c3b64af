"""A report file's content as the scan loaders take it: its bytes, or the path of the file.

A scan may be as large as ``MAX_SCAN_FILE_BYTES`` (500 MB): read from its path, PDFium and Pillow take from
the file only what the page they render or decode needs, so the whole file is never held in memory.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pypdfium2 as pdfium

FileContent = bytes | Path
"""The bytes of a file, or its path (read page by page, never whole)."""


def content_size(content: FileContent) -> int:
    return len(content) if isinstance(content, bytes) else content.stat().st_size


def content_head(content: FileContent, size: int) -> bytes:
    """The first ``size`` bytes."""
    if isinstance(content, bytes):
        return content[:size]
    with content.open("rb") as file:
        return file.read(size)


def content_tail(content: FileContent, size: int) -> bytes:
    """The last ``size`` bytes (all of a shorter file)."""
    if isinstance(content, bytes):
        return content[-size:]
    with content.open("rb") as file:
        file.seek(max(0, content_size(content) - size), os.SEEK_SET)
        return file.read()


def pdf_document(content: FileContent) -> pdfium.PdfDocument:
    """PDFium's document over the bytes or the file; the caller holds ``PDFIUM_LOCK`` and closes it. The file
    is read through Python (not opened by PDFium by name), so any path the system allows works."""
    import pypdfium2 as pdfium

    if isinstance(content, bytes):
        return pdfium.PdfDocument(content)
    stream = content.open("rb")
    try:
        return pdfium.PdfDocument(stream, autoclose=True)
    except BaseException:
        stream.close()
        raise
