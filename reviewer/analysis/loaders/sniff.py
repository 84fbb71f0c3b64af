"""What a file's first bytes say it is, whatever its extension."""
from __future__ import annotations

import codecs
import re

_PDF_HEADER = re.compile(rb"%PDF-\d\.\d")
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_RTF_MAGIC = b"{\\rtf"

PDF_HEADER_WINDOW = 1024
"""PDF readers accept a header within the first kilobyte (some generators put junk before it)."""

_BINARY_MAGICS: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG 图片"),
    (b"\xff\xd8\xff", "JPEG 图片"),
    (b"GIF87a", "GIF 图片"),
    (b"GIF89a", "GIF 图片"),
    (b"II*\x00", "TIFF 图片"),
    (b"MM\x00*", "TIFF 图片"),
    (b"MZ", "Windows 程序"),
    (b"\x7fELF", "程序文件"),
    (b"Rar!\x1a\x07", "RAR 压缩包"),
    (b"7z\xbc\xaf\x27\x1c", "7z 压缩包"),
    (b"\x1f\x8b", "gzip 压缩包"),
    (b"OggS", "音频文件"),
    (b"ID3", "MP3 音频"),
)

_SCAN_IMAGE_MAGICS: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
)
IMAGE_MAGIC_BYTES = max(len(magic) for magic, _kind in _SCAN_IMAGE_MAGICS)
"""The opening :func:`image_kind` needs."""

_HTML_START = re.compile(
    rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    rb"<(?:!doctype\s+html|html|head|body|meta|title|div|p|table|script|style|link)[\s>/]",
    re.I | re.S,
)
_MHTML_HEADER = re.compile(rb"^MIME-Version:.*^Content-Type:\s*multipart/related", re.I | re.S | re.M)
_WORD_XML = re.compile(rb"<\?mso-application\s+progid=\"Word\.Document\"|<w:wordDocument[\s>]")
_FLAT_ODT = re.compile(rb"<office:document[^>]*office:mimetype=\"application/vnd\.oasis\.opendocument\.text\"", re.S)


def container_kind(data: bytes) -> str | None:
    """ "pdf", "zip", "ole" (an Office compound file), "rtf", "mhtml", "wordml" (Word 2003 XML), "flat_odt"
    (OpenDocument text in one XML file) or None for anything else."""
    if _PDF_HEADER.search(data[:PDF_HEADER_WINDOW]):
        return "pdf"
    if data.startswith(_ZIP_MAGICS):
        return "zip"
    if data.startswith(_OLE_MAGIC):
        return "ole"
    if data.startswith(_RTF_MAGIC):
        return "rtf"
    if _MHTML_HEADER.search(data[:4096]):
        return "mhtml"
    if data[:4096].lstrip(codecs.BOM_UTF8 + b" \t\r\n").startswith(b"<?xml"):
        if _WORD_XML.search(data[:4096]):
            return "wordml"
        if _FLAT_ODT.search(data[:4096]):
            return "flat_odt"
    return None


def binary_label(data: bytes) -> str | None:
    """A Chinese name for a known non-document binary format (image, program, archive), or None."""
    for magic, label in _BINARY_MAGICS:
        if data.startswith(magic):
            return label
    if data[:4] == b"RIFF":
        return "音视频或图片文件"
    return None


def image_kind(data: bytes) -> str | None:
    """ "png", "jpeg" or "tiff" — the image formats read by text recognition — from the first bytes, or None."""
    for magic, kind in _SCAN_IMAGE_MAGICS:
        if data.startswith(magic):
            return kind
    return None


def looks_like_html(data: bytes) -> bool:
    """True when the text opens like a web page (after an optional BOM, XML prolog, whitespace, comments)."""
    head = data[:4096]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    elif head.startswith(codecs.BOM_UTF8):
        head = head[len(codecs.BOM_UTF8):]
    return _HTML_START.match(head) is not None
