"""Decisions on a cell of the comparison window (指标对比) as one step of the main window's undo stack.

A decision on a cell can be several workspace edits (re-pointing rejects the machine's item, deletes earlier
manual cells and adds the new one), so the command keeps the history id of each edit and undoes them in
reverse order, redoes them in order, through ``ws.undo`` / ``ws.redo`` like the other review commands.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from reviewer.ui.review_commands import ChangeListener, WorkspaceCommand

CellEdit = Callable[[], object]
"""The workspace edits of the decision, made when called (once)."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("indicator_commands", text)


class IndicatorCellCommand(WorkspaceCommand):
    """``edit`` makes the decision's workspace edits; every history row they write is undone together."""

    def __init__(self, ws, report_id: int, text: str, edit: CellEdit, on_change: ChangeListener) -> None:
        super().__init__(ws, report_id, text, on_change)
        self._edit = edit
        self.history_ids: list[int] = []

    def apply(self):
        first = self.ws.last_change_id
        result = self._edit()
        last = self.ws.last_change_id
        if last is not None and last != first:
            since = first or 0
            entries = self.ws.history(self.report_id, limit=last - since)
            self.history_ids = sorted(e.id for e in entries if since < e.id <= last)
        return result

    def redo(self) -> None:
        if self._performed and self._undone:
            for history_id in self.history_ids:
                self.ws.redo(history_id)
            self._undone = False
            self._changed(undone=False)
            return
        super().redo()

    def undo(self) -> None:
        for history_id in reversed(self.history_ids):
            self.ws.undo(history_id)
        self._undone = True
        self._changed(undone=True)

    def _changed(self, undone: bool) -> None:
        self.on_change(self.report_id)
        if self.history_ids and self.revisit is not None:
            self.revisit(self, undone)


def decision_text(action: str, column: str) -> str:
    """The undo stack's name of a decision: ``确认指标「行政复议案件」``."""
    return _tr("{action}指标「{column}」").format(action=action, column=column)
