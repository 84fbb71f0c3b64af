"""What every loader does with the text it extracted, and how files are named in messages."""
from __future__ import annotations

from pathlib import PurePath

from reviewer.analysis import errors
from reviewer.analysis.errors import LoadError

REPORT_EXTENSIONS: tuple[str, ...] = (".txt", ".htm", ".html", ".docx", ".pdf", ".doc", ".wps", ".odt", ".rtf")
"""The extensions that importing a folder picks up and the open dialog offers."""

SUPPORTED_FORMATS = "支持的格式：.txt、.html、.docx、.pdf、.doc、.wps、.odt、.rtf"


def file_label(source: str) -> str:
    """The file's name as people see it in messages (the last path component)."""
    return PurePath(source).name or source


def checked_text(text: str, source: str) -> str:
    """``text`` itself, or :class:`LoadError` when it is blank or longer than the analysis accepts."""
    if not text.strip():
        raise LoadError("empty", f"文件“{file_label(source)}”是空的，没有可读的文字。")
    if len(text) > errors.MAX_TEXT_CHARS:
        raise text_too_long(source, len(text))
    return text


def text_too_long(source: str, length: int) -> LoadError:
    return LoadError(
        "too_large",
        f"文件“{file_label(source)}”的文字有 {length} 字，超过了 {errors.MAX_TEXT_CHARS} 字的上限。",
    )
