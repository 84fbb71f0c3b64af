"""Documents read by converting them to .docx first: Word 97–2003 (.doc), WPS 文字 (.wps), OpenDocument
text (.odt) and RTF, whatever their extension says. The converted .docx is read by the docx loader;
``format`` is then "docx" and ``original_format`` the file's own format.
"""
from __future__ import annotations

import io
import sys
import zipfile
import zlib
from dataclasses import dataclass

from reviewer.analysis.convert.base import ConversionFailed
from reviewer.analysis.convert.found import available_converters
from reviewer.analysis.convert.runner import convert_to_docx
from reviewer.analysis.errors import LoadError
from reviewer.analysis.loaders.docx import load_docx
from reviewer.analysis.loaders.outcome import file_label
from reviewer.analysis.model import LoadedDocument


@dataclass(frozen=True)
class ConvertibleFormat:
    code: str  # original_format: "doc" | "wps" | "odt" | "rtf"
    label: str  # its name for people
    extension: str  # what the converter is told the copy is
    resave: str  # how the officer converts it by hand


DOC = ConvertibleFormat("doc", "Word 97-2003 文档（.doc）", "doc", "用 Word 或 WPS 打开后另存为 .docx")
WPS = ConvertibleFormat("wps", "WPS 文字文档（.wps）", "doc",
                        "用 WPS 文字打开后另存为 .docx（文件类型选“Microsoft Word 文件”）")
WORKS_OR_OLD_WPS = ConvertibleFormat("wps", "WPS 文字文档（.wps）", "wps", WPS.resave)
ODT = ConvertibleFormat("odt", "OpenDocument 文本（.odt）", "odt", "用 LibreOffice、WPS 或 Word 打开后另存为 .docx")
RTF = ConvertibleFormat("rtf", "RTF 文档（.rtf）", "rtf", "用 Word 或 WPS 打开后另存为 .docx")

_OPENDOCUMENT = "application/vnd.oasis.opendocument."
_MAX_MIMETYPE_BYTES = 200


def load_converted(data: bytes, source: str, kind: ConvertibleFormat) -> LoadedDocument:
    """Convert ``data`` to .docx with the best converter found and read it. Raises :class:`LoadError`: no
    converter found, the conversion failed or ran over its time limit (the messages say what to do)."""
    name = file_label(source)
    converters = available_converters(kind.code)
    if not converters:
        raise LoadError("unsupported_format", no_converter_message(name, kind))
    try:
        docx = convert_to_docx(data, kind.extension, converters)
    except ConversionFailed as failure:
        raise LoadError(
            "conversion_failed",
            f"用 {failure.converter} 转换{kind.label}“{name}”失败：{failure.reason}。请{kind.resave}再导入。",
        ) from None
    document = load_docx(docx, source)
    document.original_format = kind.code
    return document


def opendocument_mimetype(data: bytes, names: list[str] | None) -> str | None:
    """For an OpenDocument package, its kind ("text", "spreadsheet", "presentation", …; a template counts as
    its kind); None for any other zip."""
    if names is None or "mimetype" not in names:
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package, package.open("mimetype") as member:
            mimetype = member.read(_MAX_MIMETYPE_BYTES).decode("ascii", errors="replace").strip()
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, KeyError, ValueError, NotImplementedError,
            RuntimeError):
        return None
    if not mimetype.startswith(_OPENDOCUMENT):
        return None
    return mimetype[len(_OPENDOCUMENT):].removesuffix("-template")


def no_converter_message(name: str, kind: ConvertibleFormat) -> str:
    suites = "LibreOffice（免费）、WPS Office 或 Microsoft Word" if sys.platform == "win32" else "LibreOffice（免费）"
    return (f"文件“{name}”是{kind.label}，需要先转换为 .docx 才能读取，但本机没有找到可用的转换软件。"
            f"请安装 {suites} 后重新导入，或{kind.resave}再导入。")
