"""Which files are reports, and reading one within the size limit, without the loaders themselves."""
from __future__ import annotations

from pathlib import Path, PurePath

from reviewer.analysis import errors
from reviewer.analysis.errors import LoadError
from reviewer.analysis.loaders.outcome import REPORT_EXTENSIONS, file_label

_MB = 1024 * 1024


def is_report_file_name(name: str) -> bool:
    """A name with a report extension, and not an Office lock file (``~$…``)."""
    return PurePath(name).suffix.lower() in REPORT_EXTENSIONS and not name.startswith("~$")


def read_report_file(path: str | Path) -> bytes:
    """The bytes of a report file; :class:`LoadError` when it is missing, unreadable or too large."""
    source = str(path)
    file = Path(path)
    try:
        if file.is_dir():
            raise LoadError("not_found", f"“{source}”是文件夹，不是文件。")
        check_size(file.stat().st_size, source)
        return file.read_bytes()
    except FileNotFoundError:
        raise LoadError("not_found", f"找不到文件“{source}”。") from None
    except PermissionError:
        raise LoadError("not_found", f"没有权限读取文件“{source}”。") from None
    except OSError as error:
        raise LoadError("not_found", f"无法读取文件“{source}”（{error.strerror or error}）。") from None


def check_size(size: int, source: str) -> None:
    """:class:`LoadError` ``too_large`` above :data:`reviewer.analysis.errors.MAX_FILE_BYTES`."""
    if size > errors.MAX_FILE_BYTES:
        raise LoadError(
            "too_large",
            f"文件“{file_label(source)}”有 {size / _MB:.1f} MB，超过了 {errors.MAX_FILE_BYTES / _MB:g} MB 的上限。",
        )
