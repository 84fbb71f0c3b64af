"""The open workspace of a window: owned here, replaced here, and announced by signal, so controllers ask the
session instead of holding the workspace (or a lambda returning it)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from reviewer.workspace import Workspace


class Session(QObject):
    workspaceReplaced = Signal(object)
    """The window now works in this (other) Workspace; the previous one is closed."""
    reportChanged = Signal(int)
    """A review command changed this report (done, undone or redone)."""

    def __init__(self, ws: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ws: Workspace | None = ws

    @property
    def ws(self) -> Workspace:
        if self._ws is None:
            raise RuntimeError("the session's workspace is closed")
        return self._ws

    @property
    def path(self) -> Path:
        return self.ws.path

    def replace(self, ws: Workspace) -> None:
        """Work in ``ws`` from now on (the caller has closed the previous one)."""
        self._ws = ws
        self.workspaceReplaced.emit(ws)

    def report_changed(self, report_id: int) -> None:
        self.reportChanged.emit(report_id)

    def close(self) -> None:
        """Close the workspace (once)."""
        if self._ws is not None:
            self._ws.close()
            self._ws = None
