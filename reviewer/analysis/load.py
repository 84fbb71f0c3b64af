"""Step 1 of the analysis: a report file (.txt, .html, .docx, .pdf) as plain text, or a LoadError saying why not.

The content decides the format when it is recognisable (PDF header, Word package, Office compound file, web
page opening), so a PDF named .txt is read as a PDF; otherwise the extension decides, and a file with an
unknown extension is read as text if it decodes as text. ``raw_text`` keeps everything visible in the file,
page chrome included, one paragraph per line; each loader module describes its own shape of the text.
"""
from __future__ import annotations

from pathlib import Path, PurePath

from reviewer.analysis import errors
from reviewer.analysis.errors import LoadError
from reviewer.analysis.loaders.docx import is_word_package, load_docx, package_member_names
from reviewer.analysis.loaders.ole import reject_compound_file
from reviewer.analysis.loaders.outcome import file_label
from reviewer.analysis.loaders.sniff import binary_label, container_kind, looks_like_html
from reviewer.analysis.loaders.txt import load_txt
from reviewer.analysis.model import LoadedDocument

TEXT_EXTENSIONS = frozenset({".txt", ".text"})
HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml", ".shtml"})
WORD_EXTENSIONS = frozenset({".docx", ".docm", ".dotx"})
PDF_EXTENSIONS = frozenset({".pdf"})

REPORT_EXTENSIONS: tuple[str, ...] = tuple(
    sorted(TEXT_EXTENSIONS | HTML_EXTENSIONS | WORD_EXTENSIONS | PDF_EXTENSIONS)
)
"""Every extension a report file can have: what file dialogs offer and folder imports pick up."""
SUPPORTED_FORMATS = "支持的格式：.txt、.html、.docx、.pdf"
_MB = 1024 * 1024


def is_report_file_name(name: str) -> bool:
    """A name with a report extension, and not an Office lock file (``~$…``)."""
    return PurePath(name).suffix.lower() in REPORT_EXTENSIONS and not name.startswith("~$")


def load_path(path: str | Path) -> LoadedDocument:
    """Read a report file; ``source`` in the result is ``path`` as given."""
    return load_bytes(read_report_file(path), str(path))


def read_report_file(path: str | Path) -> bytes:
    """The bytes of a report file; :class:`LoadError` when it is missing, unreadable or too large."""
    source = str(path)
    file = Path(path)
    try:
        if file.is_dir():
            raise LoadError("not_found", f"“{source}”是文件夹，不是文件。")
        _check_size(file.stat().st_size, source)
        return file.read_bytes()
    except FileNotFoundError:
        raise LoadError("not_found", f"找不到文件“{source}”。") from None
    except PermissionError:
        raise LoadError("not_found", f"没有权限读取文件“{source}”。") from None
    except OSError as error:
        raise LoadError("not_found", f"无法读取文件“{source}”（{error.strerror or error}）。") from None


def load_bytes(data: bytes, filename: str) -> LoadedDocument:
    """Read a report from its content. ``filename`` is kept as ``source``; it gives the extension and names
    the file in messages."""
    _check_size(len(data), filename)
    if not data.strip():
        raise LoadError("empty", f"文件“{file_label(filename)}”是空的，没有可读的文字。")
    extension = PurePath(filename).suffix.lower()
    kind = container_kind(data)
    if kind == "pdf":
        return _load_pdf(data, filename)
    if kind == "zip":
        names = package_member_names(data)
        if extension in WORD_EXTENSIONS or (names is not None and is_word_package(names)):
            return load_docx(data, filename)
        raise _wrong_content(filename, extension, _archive_label(names))
    if kind == "ole":
        reject_compound_file(data, filename)
    if kind == "rtf":
        raise LoadError(
            "unsupported_format",
            f"文件“{file_label(filename)}”是 RTF 格式，请用 Word 或 WPS 打开后另存为 .docx 再导入。",
        )
    if kind == "mhtml":
        raise LoadError(
            "unsupported_format",
            f"文件“{file_label(filename)}”是单文件网页（.mht），请在浏览器中另存为“网页，仅 HTML”后再导入。",
        )
    label = binary_label(data)
    if label is not None:
        raise _wrong_content(filename, extension, label)
    if extension in WORD_EXTENSIONS:
        raise LoadError("damaged", f"Word 文档“{file_label(filename)}”已损坏：内容不是 .docx 文件的格式。")
    if extension in PDF_EXTENSIONS:
        raise LoadError("damaged", f"PDF 文件“{file_label(filename)}”已损坏：缺少 PDF 文件头。")
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


def _load_pdf(data: bytes, filename: str) -> LoadedDocument:
    from reviewer.analysis.loaders.pdf import load_pdf  # pypdf takes ~150 ms to import: only for PDFs

    return load_pdf(data, filename)


def _load_html(data: bytes, filename: str) -> LoadedDocument:
    from reviewer.analysis.loaders.html import load_html  # BeautifulSoup takes ~130 ms to import: only for pages

    return load_html(data, filename)


def _check_size(size: int, source: str) -> None:
    if size > errors.MAX_FILE_BYTES:
        raise LoadError(
            "too_large",
            f"文件“{file_label(source)}”有 {size / _MB:.1f} MB，超过了 {errors.MAX_FILE_BYTES / _MB:g} MB 的上限。",
        )


def _archive_label(names: list[str] | None) -> str:
    if names is None:
        return "损坏的 ZIP 压缩包"
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
    if extension in TEXT_EXTENSIONS | HTML_EXTENSIONS:
        return LoadError("not_text", f"文件“{name}”不是文本文件：内容是{label}。")
    return LoadError("unsupported_format", f"文件“{name}”的内容是{label}，不是能读取的报告格式（{SUPPORTED_FORMATS}）。")
