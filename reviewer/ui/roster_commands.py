"""Undoable roster edits: each does its change once through the workspace and from then on undoes and redoes
by the history row it wrote (``ws.undo(id)`` / ``ws.redo(id)``), as the review commands do."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from reviewer.workspace import RosterEdit


class RosterCommand(QUndoCommand):
    """``change`` makes the edit (a workspace roster method); ``on_change`` is called with the year after
    every do, undo and redo."""

    def __init__(self, ws, year: int, text: str, change: Callable[[], RosterEdit],
                 on_change: Callable[[int], None]) -> None:
        super().__init__(text)
        self.ws = ws
        self.year = year
        self.change = change
        self.on_change = on_change
        self.edit: RosterEdit | None = None
        self._undone = False

    def perform(self) -> RosterEdit:
        """Make the edit now; raises what the workspace raises. Push the command afterwards (a change that
        changed nothing is obsolete and leaves the stack)."""
        self.edit = self.change()
        if not self.edit.changed:
            self.setObsolete(True)
        return self.edit

    def redo(self) -> None:
        if self.edit is None:
            self.perform()
        elif self._undone and self.edit.history_id is not None:
            self.ws.redo(self.edit.history_id)
        self._undone = False
        self.on_change(self.year)

    def undo(self) -> None:
        if self.edit is not None and self.edit.history_id is not None:
            self.ws.undo(self.edit.history_id)
            self._undone = True
        self.on_change(self.year)
