"""Every QSettings key the window uses, in one place.

Settings live in an INI file in the user's data folder (``reviewer.paths.user_data_dir()``), so tests and
portable installs that set ``REVIEWER_HOME`` get their own, and nothing is written next to the app.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from reviewer.paths import user_data_dir

SETTINGS_FILE_NAME = "window.ini"
MAX_RECENT_FILES = 10

KEY_GEOMETRY = "window/geometry"
KEY_STATE = "window/state"
KEY_MAIN_SPLITTER = "window/mainSplitter"
KEY_REPORT_SPLITTER = "window/reportSplitter"
KEY_SIDE_SPLITTER = "window/sideSplitter"
KEY_SIDE_TAB = "window/sideTab"
KEY_WORKSPACE_PATH = "workspace/path"
KEY_LAST_REPORT = "report/lastId"
KEY_LAST_POSITION = "report/lastPosition"
KEY_RECENT_FILES = "files/recent"
KEY_LAST_FOLDER = "files/lastFolder"
KEY_LIBRARY_HEADER = "library/columns"  # not "library/header": that layout is of the columns before 层级, 公开日期, 待审
KEY_OUTPUT_FOLDER = "files/outputFolder"
KEY_REVIEWER_NAME = "review/reviewerName"
KEY_OFFICE_NAME = "review/officeName"
KEY_DOCUMENT_PREFIX = "review/documentPrefix"


class UiSettings:
    """Typed access to the window's settings."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or user_data_dir() / SETTINGS_FILE_NAME
        self._settings = QSettings(str(self.path), QSettings.Format.IniFormat)

    def sync(self) -> None:
        self._settings.sync()

    def bytes_value(self, key: str) -> QByteArray | None:
        value = self._settings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_bytes(self, key: str, value: QByteArray) -> None:
        self._settings.setValue(key, value)

    def int_value(self, key: str) -> int | None:
        value = self._settings.value(key)
        try:
            return int(value) if value is not None else None
        except (TypeError, ValueError):
            return None

    def set_int(self, key: str, value: int | None) -> None:
        if value is None:
            self._settings.remove(key)
        else:
            self._settings.setValue(key, int(value))

    def str_value(self, key: str) -> str | None:
        value = self._settings.value(key)
        return str(value) if value else None

    def set_str(self, key: str, value: str | None) -> None:
        if value:
            self._settings.setValue(key, value)
        else:
            self._settings.remove(key)

    @property
    def workspace_path(self) -> Path | None:
        value = self.str_value(KEY_WORKSPACE_PATH)
        return Path(value) if value else None

    @workspace_path.setter
    def workspace_path(self, path: Path | None) -> None:
        self.set_str(KEY_WORKSPACE_PATH, str(path) if path else None)

    def recent_files(self) -> list[str]:
        value = self._settings.value(KEY_RECENT_FILES)
        if value is None:
            return []
        if isinstance(value, str):
            return [value]
        return [str(v) for v in value]

    def add_recent_file(self, path: str) -> list[str]:
        recent = [path] + [p for p in self.recent_files() if p != path]
        recent = recent[:MAX_RECENT_FILES]
        self._settings.setValue(KEY_RECENT_FILES, recent)
        return recent

    def clear_recent_files(self) -> None:
        self._settings.remove(KEY_RECENT_FILES)
