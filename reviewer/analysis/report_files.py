"""Which files are reports, and reading one within the size limit, without the loaders themselves."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path, PurePath
from typing import TypeVar

from reviewer.analysis import errors
from reviewer.analysis.errors import LoadError
from reviewer.analysis.loaders.outcome import REPORT_EXTENSIONS, file_label

_MB = 1024 * 1024

T = TypeVar("T")

SCAN_EXTENSIONS = frozenset({".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff"})
"""Files that may be scans (a PDF without a text layer, an image): held to ``MAX_SCAN_FILE_BYTES``."""


def is_report_file_name(name: str) -> bool:
    """A name with a report extension, and not an Office lock file (``~$…``)."""
    return PurePath(name).suffix.lower() in REPORT_EXTENSIONS and not name.startswith("~$")


def read_report_file(path: str | Path) -> bytes:
    """The bytes of a report file; :class:`LoadError` when it is missing, unreadable or too large."""
    return read_checked(path, lambda file: file.read_bytes())


def read_report_head(path: str | Path, size: int) -> bytes:
    """The first ``size`` bytes of a report file, with the checks of :func:`read_report_file`."""

    def head(file: Path) -> bytes:
        with file.open("rb") as stream:
            return stream.read(size)

    return read_checked(path, head)


def read_checked(path: str | Path, read: Callable[[Path], T]) -> T:
    """``read(path)`` of a report file within its size limit; :class:`LoadError` when it is missing, a folder,
    unreadable or too large."""
    source = str(path)
    file = Path(path)
    try:
        if file.is_dir():
            raise LoadError("not_found", f"“{source}”是文件夹，不是文件。")
        check_size(file.stat().st_size, source)
        return read(file)
    except FileNotFoundError:
        raise LoadError("not_found", f"找不到文件“{source}”。") from None
    except PermissionError:
        raise LoadError("not_found", f"没有权限读取文件“{source}”。") from None
    except OSError as error:
        raise LoadError("not_found", f"无法读取文件“{source}”（{error.strerror or error}）。") from None


def size_limit(source: str) -> int:
    """Scanned PDFs and images may be larger than other documents (the loader checks again, with the limit of
    documents, what turns out to be no scan)."""
    if PurePath(source).suffix.lower() in SCAN_EXTENSIONS:
        return errors.MAX_SCAN_FILE_BYTES
    return errors.MAX_FILE_BYTES


def check_size(size: int, source: str, limit: int | None = None) -> None:
    """:class:`LoadError` ``too_large`` above ``limit`` (by default :func:`size_limit` of ``source``); the
    message states the limit that applies."""
    limit = size_limit(source) if limit is None else limit
    if size > limit:
        scans = f"{errors.MAX_SCAN_FILE_BYTES / _MB:g} MB"
        which = (f"扫描件和图片的 {scans} 上限" if limit == errors.MAX_SCAN_FILE_BYTES
                 else f"{limit / _MB:g} MB 的上限（扫描件 PDF 和图片为 {scans}）")
        raise LoadError("too_large", f"文件“{file_label(source)}”有 {size / _MB:.1f} MB，超过了{which}。")
