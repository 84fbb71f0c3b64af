"""Undoable review actions. Each command does its edit once through the workspace, remembers the history
row the edit wrote, and from then on undoes and redoes by that id (``ws.undo(id)`` / ``ws.redo(id)``),
so the workspace history stays the one record of what happened. After an undo or redo a command names
the place it changed (:meth:`WorkspaceCommand.place`), which the window then selects and scrolls to."""
from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from reviewer.ui.open_report import Target
from reviewer.ui.review_states import tr_label
from reviewer.vocabulary import ItemKind, ItemState
from reviewer.workspace.values import FigureValues, FindingValues, ItemValues, MetadataValues, SectionValues

ChangeListener = Callable[[int], None]
"""Called with the report id after every do, undo and redo."""
Place = Target | tuple[int, int] | None
"""What an undo or redo changed: an item or annotation, or the span of text where one was (now gone)."""
REMARKS_COMMAND_ID = 1
"""QUndoCommand id shared by remarks edits, so the commits of one editing session merge into one step."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("review_commands", text)


class WorkspaceCommand(QUndoCommand):
    """Base: subclasses implement :meth:`apply` (the first time the edit is made)."""

    def __init__(self, ws, report_id: int, text: str, on_change: ChangeListener) -> None:
        super().__init__(text)
        self.ws = ws
        self.report_id = report_id
        self.on_change = on_change
        self.history_id: int | None = None
        self.result = None
        self.revisit: Callable[[WorkspaceCommand, bool], None] | None = None
        """Called with (command, undone) after a real undo or redo (not the first do)."""
        self._performed = False
        self._undone = False

    def apply(self):
        raise NotImplementedError

    def place(self, undone: bool) -> Place:
        """What to show after this command was undone (``undone``) or redone; None: nothing in particular."""
        return None

    def _redo_id(self) -> int | None:
        return self.history_id

    def perform(self) -> None:
        """Make the edit now; raises what the workspace raises. Push the command afterwards."""
        before = self.ws.last_change_id
        self.result = self.apply()
        self._performed = True
        after = self.ws.last_change_id
        self.history_id = after if after != before else None
        if self.history_id is None:
            self.setObsolete(True)

    def redo(self) -> None:
        replayed = False
        if not self._performed:
            self.perform()
        elif self._undone and self._redo_id() is not None:
            self.ws.redo(self._redo_id())
            replayed = True
        self._undone = False
        self.on_change(self.report_id)
        if replayed and self.revisit is not None:
            self.revisit(self, False)

    def undo(self) -> None:
        if self.history_id is not None:
            self.ws.undo(self.history_id)
            self._undone = True
        self.on_change(self.report_id)
        if self.history_id is not None and self.revisit is not None:
            self.revisit(self, True)


class SetItemStateCommand(WorkspaceCommand):
    def __init__(self, ws, item, state: str, corrected: ItemValues | Mapping | None, on_change: ChangeListener) -> None:
        texts = {
            ItemState.ACCEPTED: _tr("确认"),
            ItemState.REJECTED: _tr("否决"),
            ItemState.CORRECTED: _tr("更正"),
            ItemState.PENDING: _tr("恢复待审"),
        }
        super().__init__(ws, item.report_id, texts.get(state, state) + _describe(item), on_change)
        self.item_id = item.id
        self.state = state
        self.corrected = corrected

    def apply(self):
        return self.ws.set_item_state(self.item_id, self.state, corrected=self.corrected)

    def place(self, undone: bool) -> Place:
        return Target("item", self.item_id)


class AddItemCommand(WorkspaceCommand):
    def __init__(
        self, ws, report_id: int, kind: str, start: int, end: int, values: ItemValues, on_change: ChangeListener
    ) -> None:
        label = _tr("添加数据") if kind == ItemKind.FIGURE else _tr("添加项目")
        super().__init__(ws, report_id, label + _quoted(values), on_change)
        self.kind, self.start, self.end, self.values = kind, start, end, values

    def apply(self):
        return self.ws.add_item(self.report_id, self.kind, self.start, self.end, self.values)

    def place(self, undone: bool) -> Place:
        if undone or self.result is None:
            return self.start, self.end
        return Target("item", self.result.id)


class DeleteItemCommand(WorkspaceCommand):
    def __init__(self, ws, item, on_change: ChangeListener) -> None:
        super().__init__(ws, item.report_id, _tr("删除") + _describe(item), on_change)
        self.item_id = item.id
        self.span = _span_of(item)

    def apply(self):
        return self.ws.delete_item(self.item_id)

    def place(self, undone: bool) -> Place:
        return Target("item", self.item_id) if undone else self.span


class AddAnnotationCommand(WorkspaceCommand):
    def __init__(
        self,
        ws,
        report_id: int,
        span: tuple[int, int] | None,
        comment: str,
        tag: str,
        severity: str,
        on_change: ChangeListener,
    ) -> None:
        super().__init__(ws, report_id, _tr("添加批注"), on_change)
        self.span, self.comment, self.tag, self.severity = span, comment, tag, severity

    def apply(self):
        start, end = self.span if self.span else (None, None)
        return self.ws.add_annotation(self.report_id, start, end, self.comment, tag=self.tag, severity=self.severity)

    def place(self, undone: bool) -> Place:
        if undone or self.result is None:
            return self.span
        return Target("annotation", self.result.id)


class UpdateAnnotationCommand(WorkspaceCommand):
    def __init__(self, ws, annotation, fields: dict, on_change: ChangeListener) -> None:
        super().__init__(ws, annotation.report_id, _tr("修改批注"), on_change)
        self.annotation_id = annotation.id
        self.fields = fields

    def apply(self):
        return self.ws.update_annotation(self.annotation_id, **self.fields)

    def place(self, undone: bool) -> Place:
        return Target("annotation", self.annotation_id)


class DeleteAnnotationCommand(WorkspaceCommand):
    def __init__(self, ws, annotation, on_change: ChangeListener) -> None:
        super().__init__(ws, annotation.report_id, _tr("删除批注"), on_change)
        self.annotation_id = annotation.id
        self.span = _span_of(annotation)

    def apply(self):
        return self.ws.delete_annotation(self.annotation_id)

    def place(self, undone: bool) -> Place:
        return Target("annotation", self.annotation_id) if undone else self.span


class SetReviewCommand(WorkspaceCommand):
    """Verdict or review status of a report."""

    def __init__(self, ws, report_id: int, fields: dict, on_change: ChangeListener) -> None:
        if "status" in fields:
            text = _tr("标记为") + tr_label(fields["status"])
        else:
            verdict = fields.get("verdict")
            text = _tr("结论改为") + (tr_label(verdict) if verdict else _tr("未定"))
        super().__init__(ws, report_id, text, on_change)
        self.fields = fields

    def apply(self):
        return self.ws.set_review(self.report_id, **self.fields)


class SetRemarksCommand(WorkspaceCommand):
    """The report's remarks (意见) as committed by the review form. Commits of one editing session (the box
    kept the focus) merge into one undo step: undo puts back the remarks from before the session (the first
    commit's history row), redo the last commit's; a session that ends where it began leaves no step."""

    def __init__(self, ws, report_id: int, remarks: str, before: str, session: int, on_change: ChangeListener) -> None:
        super().__init__(ws, report_id, _tr("修改审阅意见"), on_change)
        self.remarks, self.before, self.session = remarks, before, session
        self._last_history_id: int | None = None

    def apply(self):
        return self.ws.set_review(self.report_id, remarks=self.remarks)

    def perform(self) -> None:
        super().perform()
        self._last_history_id = self.history_id

    def _redo_id(self) -> int | None:
        return self._last_history_id

    def id(self) -> int:
        return REMARKS_COMMAND_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (not isinstance(other, SetRemarksCommand) or other.report_id != self.report_id
                or other.session != self.session or other.history_id is None):
            return False
        self.remarks, self._last_history_id = other.remarks, other.history_id
        self.setObsolete(self.remarks == self.before)
        return True


def _span_of(thing) -> tuple[int, int] | None:
    """An item's or annotation's place in the text, if it has one."""
    if thing.start is None or thing.end is None:
        return None
    return thing.start, thing.end


def _describe(item) -> str:
    return _quoted(item.effective)


def _quoted(values: ItemValues) -> str:
    if isinstance(values, FigureValues):
        return f"「{values.text}」"
    if isinstance(values, SectionValues):
        return f"「{values.num} {values.title}」"
    if isinstance(values, FindingValues):
        return f"「{values.message}」"
    if isinstance(values, MetadataValues):
        return f"「{values.field}」"
    return ""


class DeleteReportCommand(WorkspaceCommand):
    """Takes a report out of the workspace; undo brings it back with its review work."""

    def __init__(self, ws, report_id: int, title: str, on_change: ChangeListener) -> None:
        super().__init__(ws, report_id, _tr("删除报告") + f"「{title}」", on_change)

    def apply(self):
        return self.ws.delete_report(self.report_id)
