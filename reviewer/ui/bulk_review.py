"""Bulk decisions in the window: the rows selected in an item table, or every machine item of a kind still
pending in the open report, accepted or rejected as ONE undo step (``Workspace.decide_many``)."""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from reviewer.ui.review_commands import ChangeListener, WorkspaceCommand
from reviewer.vocabulary import ItemKind, ItemState, Origin

BULK_KINDS = (ItemKind.FIGURE, ItemKind.SECTION, ItemKind.METADATA, ItemKind.FINDING, ItemKind.REQUIRED)
"""The kinds offered by 确认/否决本报告剩余机器结果, in menu order."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("bulk_review", text)


class BulkDecisionCommand(WorkspaceCommand):
    """Accept or reject (or reset) ``item_ids`` of one report together; one entry on the undo stack."""

    def __init__(self, ws, report_id: int, item_ids: Sequence[int], state: str, what: str,
                 on_change: ChangeListener) -> None:
        verb = _tr("确认") if state == ItemState.ACCEPTED else _tr("否决") if state == ItemState.REJECTED \
            else _tr("恢复待审")
        super().__init__(ws, report_id, _tr("{verb}{what}（{count} 项）").format(verb=verb, what=what,
                                                                              count=len(item_ids)), on_change)
        self.item_ids = list(item_ids)
        self.state = state

    def apply(self) -> list[int]:
        return self.ws.decide_many(self.item_ids, self.state)


def remaining_machine_items(items: Sequence, kind: str) -> list[int]:
    """Ids of the machine's items of ``kind`` nobody has decided yet."""
    return [item.id for item in items
            if item.kind == kind and item.origin == Origin.MACHINE and item.state == ItemState.PENDING]
