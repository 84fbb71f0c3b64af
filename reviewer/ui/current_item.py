"""The one selection of the open report: the item or annotation that panels, tables and the text show as
selected. Views set it when the reviewer selects a row and follow its ``changed`` signal; setting the
target it already holds does nothing, so a view selecting its row in answer never loops back."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from reviewer.ui.open_report import Target


class CurrentItem(QObject):
    changed = Signal(object)
    """The new Target, or None when nothing is selected."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.target: Target | None = None

    def set(self, target: Target | None) -> None:
        if target == self.target:
            return
        self.target = target
        self.changed.emit(target)
