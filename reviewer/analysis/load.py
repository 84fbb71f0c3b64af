"""Step 1 of the analysis: a report file (.txt, .html, .docx, .pdf; .doc, .wps, .odt, .rtf converted to .docx
first; a scan as .pdf, .jpg, .png, .tif) as plain text, or a LoadError saying why not.

The content decides the format when it is recognisable (PDF header, Word package, OpenDocument package, Office
compound file, RTF, web page opening), so a PDF named .txt is read as a PDF and an .odt named .docx is
converted; otherwise the extension decides, and a file with an unknown extension is read as text if it
decodes as text. ``raw_text`` keeps everything visible in the file,
page chrome included, one paragraph per line; each loader module describes its own shape of the text.
"""
from __future__ import annotations

from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from reviewer.analysis import errors
from reviewer.analysis.errors import LoadError
from reviewer.analysis.loaders.converted import (
    FLAT_ODT,
    ODT,
    RTF,
    WORD_XML,
    load_converted,
    opendocument_mimetype,
)
from reviewer.analysis.loaders.docx import is_word_package, load_docx, package_member_names
from reviewer.analysis.loaders.file_content import FileContent, content_size
from reviewer.analysis.loaders.ole import compound_file_format
from reviewer.analysis.loaders.outcome import REPORT_EXTENSIONS, SUPPORTED_FORMATS, file_label
from reviewer.analysis.loaders.sniff import binary_label, container_kind, image_kind, looks_like_html
from reviewer.analysis.loaders.txt import load_txt
from reviewer.analysis.model import LoadedDocument
from reviewer.analysis.report_files import (
    SCAN_EXTENSIONS,
    check_size,
    is_report_file_name,
    read_report_file,
    read_report_head,
)

if TYPE_CHECKING:
    from reviewer.analysis.loaders.ocr.options import OcrOptions

TEXT_EXTENSIONS = frozenset({".txt", ".text"})
HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml", ".shtml"})
WORD_EXTENSIONS = frozenset({".docx", ".docm", ".dotx"})
PDF_EXTENSIONS = frozenset({".pdf"})
CONVERTED_EXTENSIONS = {".doc": "Word 文档", ".dot": "Word 文档", ".wps": "WPS 文字文档", ".wpt": "WPS 文字文档",
                        ".odt": "OpenDocument 文本", ".ott": "OpenDocument 文本", ".rtf": "RTF 文档"}
_CONVERTED_KINDS = {"rtf": RTF, "wordml": WORD_XML, "flat_odt": FLAT_ODT}
IMAGE_EXTENSIONS = SCAN_EXTENSIONS - PDF_EXTENSIONS
"""Scanned pages and photos, read by text recognition."""
SNIFF_BYTES = 4096
"""The opening of a file the content sniffers look at."""
_DOCUMENT_EXTENSIONS = TEXT_EXTENSIONS | HTML_EXTENSIONS | WORD_EXTENSIONS | PDF_EXTENSIONS | set(CONVERTED_EXTENSIONS)

__all__ = [
    "REPORT_EXTENSIONS", "SUPPORTED_FORMATS", "is_report_file_name", "load_bytes", "load_path", "read_report_file",
]


def load_path(path: str | Path, ocr: OcrOptions | None = None, source: str | None = None) -> LoadedDocument:
    """Read a report file; ``source`` in the result is ``source``, by default ``path`` as given. A PDF or an
    image file is read from the file page by page, never held whole in memory (a scan may be as large as
    ``MAX_SCAN_FILE_BYTES``); other files are read into memory and loaded as by :func:`load_bytes`."""
    name = str(path) if source is None else source
    head = read_report_head(path, SNIFF_BYTES)
    if container_kind(head) == "pdf":
        return _load_pdf(Path(path), name, ocr)
    if _is_image(head, PurePath(name).suffix.lower()):
        return _load_image(Path(path), name, ocr)
    return load_bytes(read_report_file(path), name, ocr)


def load_bytes(data: bytes, filename: str, ocr: OcrOptions | None = None) -> LoadedDocument:
    """Read a report from its content. ``filename`` is kept as ``source``; it gives the extension and names
    the file in messages. ``ocr`` passes pages recognized before and a progress callback to the text
    recognition of scans."""
    check_size(len(data), filename)
    if not data.strip():
        raise LoadError("empty", f"文件“{file_label(filename)}”是空的，没有可读的文字。")
    extension = PurePath(filename).suffix.lower()
    kind = container_kind(data)
    if kind != "pdf" and image_kind(data) is None:  # named as a scan, but its content is not one
        check_size(len(data), filename, errors.MAX_FILE_BYTES)
    if kind == "pdf":
        return _load_pdf(data, filename, ocr)
    if kind == "zip":
        names = package_member_names(data)
        mimetype = opendocument_mimetype(data, names)
        if mimetype == "text":
            return load_converted(data, filename, ODT)
        if extension in WORD_EXTENSIONS or (names is not None and is_word_package(names)):
            return load_docx(data, filename)
        raise _wrong_content(filename, extension, _archive_label(names, mimetype))
    if kind == "ole":
        return load_converted(data, filename, compound_file_format(data, filename, extension))
    if kind in _CONVERTED_KINDS:
        return load_converted(data, filename, _CONVERTED_KINDS[kind])
    if kind == "mhtml":
        raise LoadError(
            "unsupported_format",
            f"文件“{file_label(filename)}”是单文件网页（.mht），请在浏览器中另存为“网页，仅 HTML”后再导入。",
        )
    if _is_image(data, extension):
        return _load_image(data, filename, ocr)  # a scan or photo; named as a document it is a wrong file
    label = binary_label(data)
    if label is not None:
        raise _wrong_content(filename, extension, label)
    if extension in WORD_EXTENSIONS:
        raise LoadError("damaged", f"Word 文档“{file_label(filename)}”已损坏：内容不是 .docx 文件的格式。")
    if extension in PDF_EXTENSIONS:
        raise LoadError("damaged", f"PDF 文件“{file_label(filename)}”已损坏：缺少 PDF 文件头。")
    if extension in (".odt", ".ott"):
        raise LoadError("damaged", f"OpenDocument 文本“{file_label(filename)}”已损坏：内容不是 .odt 文件的格式。")
    if extension in IMAGE_EXTENSIONS:
        raise LoadError("damaged", f"图片文件“{file_label(filename)}”已损坏：内容不是图片的格式。")
    if extension in HTML_EXTENSIONS or looks_like_html(data):
        return _load_html(data, filename)
    if extension in TEXT_EXTENSIONS:
        return load_txt(data, filename)
    return _load_unknown(data, filename)


def _load_unknown(data: bytes, filename: str) -> LoadedDocument:
    try:
        return load_txt(data, filename)
    except LoadError as error:
        if error.code not in ("not_text", "encoding"):
            raise
    raise LoadError("unsupported_format", f"文件“{file_label(filename)}”不是能读取的报告格式（{SUPPORTED_FORMATS}）。")


def _is_image(head: bytes, extension: str) -> bool:
    """A scan or photo by its first bytes, not named as a document (then it is a wrong file)."""
    return image_kind(head) is not None and extension not in _DOCUMENT_EXTENSIONS


def _load_pdf(data: FileContent, filename: str, ocr: OcrOptions | None) -> LoadedDocument:
    from reviewer.analysis.loaders.pdf import load_pdf  # pypdf takes ~150 ms to import: only for PDFs

    document = load_pdf(data, filename, ocr)
    if not document.recognized_pages:  # a PDF with a text layer throughout is held to the limit of documents
        check_size(content_size(data), filename, errors.MAX_FILE_BYTES)
    return document


def _load_image(data: FileContent, filename: str, ocr: OcrOptions | None) -> LoadedDocument:
    from reviewer.analysis.loaders.ocr.scan import load_image  # the recognizer loads its models: only for scans

    return load_image(data, filename, ocr)


def _load_html(data: bytes, filename: str) -> LoadedDocument:
    from reviewer.analysis.loaders.html import load_html  # BeautifulSoup takes ~130 ms to import: only for pages

    return load_html(data, filename)


def _archive_label(names: list[str] | None, opendocument: str | None) -> str:
    if names is None:
        return "损坏的 ZIP 压缩包"
    if opendocument is not None:
        return {"spreadsheet": "OpenDocument 表格", "presentation": "OpenDocument 演示文稿"}.get(
            opendocument, "OpenDocument 文件")
    if any(name.startswith("xl/") for name in names):
        return "Excel 表格"
    if any(name.startswith("ppt/") for name in names):
        return "PowerPoint 演示文稿"
    return "ZIP 压缩包"


def _wrong_content(filename: str, extension: str, label: str) -> LoadError:
    """The error for recognisable content that is no report: its code depends on what the name promised."""
    name = file_label(filename)
    if extension in WORD_EXTENSIONS:
        return LoadError("damaged", f"Word 文档“{name}”已损坏：内容是{label}，不是 Word 文档。")
    if extension in PDF_EXTENSIONS:
        return LoadError("damaged", f"PDF 文件“{name}”已损坏：内容是{label}，不是 PDF 文件。")
    if extension in CONVERTED_EXTENSIONS:
        promised = CONVERTED_EXTENSIONS[extension]
        return LoadError("damaged", f"{promised}“{name}”已损坏：内容是{label}，不是{promised}。")
    if extension in TEXT_EXTENSIONS | HTML_EXTENSIONS:
        return LoadError("not_text", f"文件“{name}”不是文本文件：内容是{label}。")
    return LoadError("unsupported_format", f"文件“{name}”的内容是{label}，不是能读取的报告格式（{SUPPORTED_FORMATS}）。")
