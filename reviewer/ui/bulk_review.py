"""Bulk decisions in the window: the rows selected in an item table, or every machine item of a kind still
pending in the open report, accepted or rejected as ONE undo step (``Workspace.decide_many``)."""
from __future__ import annotations

from collections.abc import Sequence
from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from reviewer.ui.open_report import Target
from reviewer.ui.review_commands import ChangeListener, Place, WorkspaceCommand
from reviewer.vocabulary import ItemKind, ItemState, Origin
from reviewer.workspace.attention import needs_decision

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

    def place(self, undone: bool) -> Place:
        """The first item the batch changed."""
        changed = self.result or self.item_ids
        return Target("item", changed[0]) if changed else None


def remaining_machine_items(items: Sequence, kind: str) -> list[int]:
    """Ids of the machine's items of ``kind`` nobody has decided yet."""
    return [item.id for item in items
            if item.kind == kind and item.origin == Origin.MACHINE and item.state == ItemState.PENDING]


def section_items(items: Sequence, offset: int) -> tuple[object | None, list[int]]:
    """确认本节全部: the innermost heading whose section holds ``offset`` (its span runs to the next heading of the
    same or a higher level), and the ids of the machine's undecided items anchored inside it, its own heading and
    subsections included. ``(None, [])`` before the first heading."""
    headings = sorted((item for item in items if item.kind == ItemKind.SECTION and item.anchored
                       and item.start is not None), key=lambda item: item.start)
    section, section_end = None, None
    for index, heading in enumerate(headings):
        if heading.start > offset:
            break
        level = heading.effective.level
        end = next((later.start for later in headings[index + 1:] if later.effective.level <= level), None)
        if end is None or offset < end:
            section, section_end = heading, end
    if section is None:
        return None, []
    ids = [item.id for item in items
           if item.origin == Origin.MACHINE and item.state == ItemState.PENDING and item.anchored
           and item.start is not None and section.start <= item.start
           and (section_end is None or item.start < section_end)]
    return section, ids


class FinishChoice(Enum):
    ACCEPT_REST = "accept_rest"
    LEAVE_UNCONFIRMED = "leave"
    CANCEL = "cancel"


def pending_items(items: Sequence) -> list[int]:
    """Ids of the items still 待审 (undecided figures, findings, required parts)."""
    return [item.id for item in items if needs_decision(item.kind, item.state)]


def ask_finish_with_pending(parent: QWidget | None, count: int) -> FinishChoice:
    """标记为已审 while ``count`` items are pending: confirm them all, leave them unconfirmed, or go back."""
    box = QMessageBox(QMessageBox.Icon.Question, _tr("仍有待审项目"),
                      _tr("这份报告还有 {count} 项未经确认。").format(count=count), QMessageBox.StandardButton.NoButton,
                      parent)
    box.setObjectName("finishWithPendingDialog")
    box.setInformativeText(_tr("可以把其余项目按机器识别结果一并确认，也可以保留为未确认；"
                               "审阅意见单会注明成批确认和未确认的项数。"))
    accept = box.addButton(_tr("确认其余 {count} 项").format(count=count), QMessageBox.ButtonRole.AcceptRole)
    leave = box.addButton(_tr("保留未确认"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(_tr("返回审阅"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(accept)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is accept:
        return FinishChoice.ACCEPT_REST
    if clicked is leave:
        return FinishChoice.LEAVE_UNCONFIRMED
    return FinishChoice.CANCEL
