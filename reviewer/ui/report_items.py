"""One item model of the open report for the side panels: a tree whose top rows are the panels' groups
(outline, checks, annotations); under them the sections as the outline hierarchy, the required parts and the
findings (in their own groups), the annotations. Every row stands for a :class:`Target`, found again by id
(:meth:`ReportItemModel.index_of`).

:meth:`ReportItemModel.refresh` rebuilds the rows' contents from the reloaded report and, where the rows are
the same targets as before, emits ``dataChanged`` for the changed rows only (as calibre's library model
refreshes by id), so views keep their selection, expansion and scroll position. A group whose rows changed
(an annotation added or deleted) has its rows removed and inserted again; the other groups stay untouched.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from reviewer.ui.open_report import OpenReport, Target
from reviewer.ui.plain_text import plain_tooltip
from reviewer.ui.review_states import (
    item_state_label,
    required_label,
    severity_label,
    state_colour,
    state_label,
    tr_label,
)
from reviewer.vocabulary import ItemKind, ItemState, Severity, parse

TargetRole = Qt.ItemDataRole.UserRole + 1
CopyRole = Qt.ItemDataRole.UserRole + 40
"""On a 相同段落 row: (other report id, (start, end) of the passage in it)."""
"""The item data role holding a row's Target (None for a group row)."""

DISPLAY_ROLE = int(Qt.ItemDataRole.DisplayRole)
TOOLTIP_ROLE = int(Qt.ItemDataRole.ToolTipRole)
FOREGROUND_ROLE = int(Qt.ItemDataRole.ForegroundRole)
FONT_ROLE = int(Qt.ItemDataRole.FontRole)
DECORATION_ROLE = int(Qt.ItemDataRole.DecorationRole)
SERVED_ROLES = frozenset({DISPLAY_ROLE, TOOLTIP_ROLE, FOREGROUND_ROLE, FONT_ROLE, DECORATION_ROLE, TargetRole, CopyRole})

COLUMNS = 4
HEADING_FINDING_PREFIX = "heading_"
QUOTE_CHARS = 24
SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
SEVERITY_ICONS = {
    Severity.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
    Severity.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Severity.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation,
}


class Group(StrEnum):
    OUTLINE = "outline"
    CHECKS = "checks"
    REQUIRED = "required"
    FINDINGS = "findings"
    COPIES = "copies"
    ANNOTATIONS = "annotations"


TOP_GROUPS = (Group.OUTLINE, Group.CHECKS, Group.ANNOTATIONS)


@dataclass(frozen=True)
class Cell:
    """What one column of a row shows; compared to tell a changed row (icons by name: QIcon has no ==)."""

    text: str = ""
    tooltip: str | None = None
    colour: QColor | None = None
    struck: bool = False
    icon: QStyle.StandardPixmap | None = None


@dataclass(frozen=True)
class CopyKey:
    """The key of a 相同段落 row: the passage's place in the report's list of copies."""

    index: int


@dataclass(eq=False)
class Node:
    key: Target | Group | CopyKey
    cells: tuple[Cell, ...]
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    row: int = 0
    link: tuple[int, tuple[int, int]] | None = None  # a 相同段落 row: the other report and its passage

    def add(self, child: Node) -> Node:
        child.parent, child.row = self, len(self.children)
        self.children.append(child)
        return child

    def shape(self) -> tuple:
        """The rows under this node as nested keys: equal shapes refresh by dataChanged."""
        return tuple((child.key, child.shape()) for child in self.children)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReportItemModel", text)


class ReportItemModel(QAbstractItemModel):
    refreshed = Signal(object)
    """The report (or None) after :meth:`set_report` or :meth:`refresh`: item tables read their rows from it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.report: OpenReport | None = None
        self._root = Node(Group.OUTLINE, ())
        self._nodes: dict[Target | Group, Node] = {}
        self._icons: dict[QStyle.StandardPixmap, QIcon] = {}
        self._build()

    # building

    def set_report(self, report: OpenReport | None) -> None:
        """Show another report: a model reset."""
        self.beginResetModel()
        self.report = report
        self._build()
        self.endResetModel()
        self.refreshed.emit(report)

    def refresh(self) -> None:
        """The open report's review data was reloaded: refresh the rows that changed, by id."""
        new_root = self._make_tree()
        for old_group, new_group in zip(self._root.children, new_root.children):
            self._refresh_node(old_group, new_group)
            if old_group.shape() == new_group.shape():
                for old, new in zip(old_group.walk(), new_group.walk()):
                    self._refresh_node(old, new)
            else:
                self._replace_children(old_group, new_group)
        self.refreshed.emit(self.report)

    def _refresh_node(self, old: Node, new: Node) -> None:
        if old.cells != new.cells:
            old.cells = new.cells
            self.dataChanged.emit(self._index(old, 0), self._index(old, COLUMNS - 1))

    def _replace_children(self, old: Node, new: Node) -> None:
        parent = self._index(old, 0)
        for node in list(old.walk())[1:]:
            self._nodes.pop(node.key, None)
        if old.children:
            self.beginRemoveRows(parent, 0, len(old.children) - 1)
            old.children = []
            self.endRemoveRows()
        if new.children:
            self.beginInsertRows(parent, 0, len(new.children) - 1)
            for child in new.children:
                old.add(child)
            for node in list(old.walk())[1:]:
                self._nodes[node.key] = node
            self.endInsertRows()

    def _build(self) -> None:
        self._root = self._make_tree()
        self._nodes = {node.key: node for node in list(self._root.walk())[1:]}

    def _make_tree(self) -> Node:
        root = Node(Group.OUTLINE, ())
        report = self.report
        outline = root.add(Node(Group.OUTLINE, (Cell(),)))
        checks = root.add(Node(Group.CHECKS, (Cell(),)))
        annotations = root.add(Node(Group.ANNOTATIONS, (Cell(),)))
        if report is not None:
            _add_sections(outline, report)
            _add_required(checks, report)
            _add_findings(checks, report)
            _add_copies(checks, report)
            _add_annotations(annotations, report)
        return root

    # look-ups

    def index_of(self, key: Target | Group, column: int = 0) -> QModelIndex:
        """The row of a target or group; invalid when this report has none."""
        node = self._nodes.get(key)
        return self._index(node, column) if node is not None else QModelIndex()

    def top_group_of(self, key: Target | Group) -> Group | None:
        """The top group (a panel's) holding the row of ``key``; None when this report has no such row."""
        node = self._nodes.get(key)
        while node is not None and node.parent is not self._root:
            node = node.parent
        return node.key if node is not None and isinstance(node.key, Group) else None

    def _index(self, node: Node, column: int) -> QModelIndex:
        if node.parent is None:
            return QModelIndex()
        return self.createIndex(node.row, column, node)

    def _node(self, index: QModelIndex | QPersistentModelIndex) -> Node:
        return index.internalPointer() if index.isValid() else self._root

    # QAbstractItemModel

    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:
        node = self._node(parent)
        if not 0 <= row < len(node.children) or not 0 <= column < COLUMNS:
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    def parent(self, index=QModelIndex()):  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        return self._index(index.internalPointer().parent, 0)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return COLUMNS

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if isinstance(self._node(index).key, Group):
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in SERVED_ROLES or not index.isValid():  # views ask for every role of every cell painted
            return None
        node: Node = index.internalPointer()
        if role == TargetRole:
            return node.key if isinstance(node.key, Target) else None
        column = index.column()
        if column >= len(node.cells):
            return None
        cell = node.cells[column]
        if role == DISPLAY_ROLE:
            return cell.text
        if role == CopyRole:
            return node.link
        if role == TOOLTIP_ROLE:
            return plain_tooltip(cell.tooltip)
        if role == FOREGROUND_ROLE:
            return QBrush(cell.colour) if cell.colour is not None else None
        if role == FONT_ROLE:
            return _struck_font() if cell.struck else None
        if cell.icon is None:
            return None
        if cell.icon not in self._icons:
            self._icons[cell.icon] = QApplication.style().standardIcon(cell.icon)
        return self._icons[cell.icon]


def _struck_font() -> QFont:
    font = QFont()
    font.setStrikeOut(True)
    return font


def _state_cells(item, first: Cell) -> tuple[Cell, ...]:
    """A row's first cell (struck through and greyed when rejected) and its state cell."""
    if item.state == ItemState.REJECTED:
        first = Cell(first.text, first.tooltip, state_colour(ItemState.REJECTED), True, first.icon)
    return first, Cell(item_state_label(item), colour=state_colour(item.state))


def _add_sections(outline: Node, report: OpenReport) -> None:
    problems = _heading_problems(report)
    parents: list[tuple[int, Node]] = []
    for section in sorted(report.items_of(ItemKind.SECTION), key=lambda s: s.start or 0):
        level = int(section.effective.level)
        label = _heading_label(report, section)
        messages = problems.get(section.id)
        first = Cell(label, "\n".join(messages) if messages else label,
                     icon=QStyle.StandardPixmap.SP_MessageBoxWarning if messages else None)
        node = Node(Target("item", section.id), _state_cells(section, first))
        while parents and parents[-1][0] >= level:
            parents.pop()
        (parents[-1][1] if parents else outline).add(node)
        parents.append((level, node))


def _add_required(checks: Node, report: OpenReport) -> None:
    required = report.items_of(ItemKind.REQUIRED)
    present = sum(1 for item in required if item.effective.present)
    title = _tr("必备内容（{present}/{total}）").format(present=present, total=len(required))
    group = checks.add(Node(Group.REQUIRED, (Cell(title),)))
    for item in required:
        found = item.effective.present
        text = required_label(item.effective.code) + ("" if found else _tr("（缺少）"))
        first = Cell(
            text,
            _tr("已找到，选中可查看原文") if found else _tr("报告中未找到这一部分"),
            icon=QStyle.StandardPixmap.SP_DialogApplyButton if found else QStyle.StandardPixmap.SP_DialogCancelButton,
        )
        group.add(Node(Target("item", item.id), _state_cells(item, first)))


def _add_findings(checks: Node, report: OpenReport) -> None:
    findings = sorted(
        report.items_of(ItemKind.FINDING),
        key=lambda f: (SEVERITY_ORDER.get(f.effective.severity, 3), f.start or 0),
    )
    group = checks.add(Node(Group.FINDINGS, (Cell(_tr("发现的问题（{count}）").format(count=len(findings))),)))
    for item in findings:
        values = item.effective
        severity = parse(Severity, values.severity) or Severity.WARNING
        quote = report.text[item.start:item.end] if item.start is not None and item.end else ""
        tip = severity_label(severity) + "：" + values.message + (f"\n「{quote}」" if quote else "")
        first = Cell(values.message, tip, icon=SEVERITY_ICONS[severity])
        group.add(Node(Target("item", item.id), _state_cells(item, first)))


def _add_copies(checks: Node, report: OpenReport) -> None:
    """相同段落: passages this report shares with another report (nothing when it shares none)."""
    if not report.copies:
        return
    group = checks.add(Node(Group.COPIES, (Cell(_tr("相同段落（{count}）").format(count=len(report.copies))),)))
    for number, copy in enumerate(report.copies):
        if copy.on_this_report:
            message = copy.message
            icon = SEVERITY_ICONS.get(parse(Severity, copy.severity) or Severity.WARNING)
            status = Cell(state_label(copy.state), colour=state_colour(copy.state))
        else:
            message = _tr("被《{title}》引用（相似度 {share}%）").format(
                title=copy.other_title, share=round(copy.similarity * 100))
            icon, status = QStyle.StandardPixmap.SP_FileLinkIcon, Cell()
        quote = report.text[copy.start:copy.end]
        tip = (severity_label(copy.severity) + "：" if copy.on_this_report else "") + message
        tip += f"\n「{quote[:120]}」\n" + _tr("双击打开对方报告的相同段落")
        node = Node(CopyKey(number), (Cell(message, tip, icon=icon), status))
        node.link = (copy.other_report_id, (copy.other_start, copy.other_end))
        group.add(node)


def _add_annotations(annotations: Node, report: OpenReport) -> None:
    for note in sorted(report.annotations, key=lambda n: (n.start is not None, n.start or 0)):
        quote = note.quote if len(note.quote) <= QUOTE_CHARS else note.quote[:QUOTE_CHARS] + "…"
        if note.start is None:
            quote = _tr("（全文）")
        elif not note.anchored:
            quote = _tr("（原文已变动）") + quote
        cells = (
            Cell(note.comment, note.comment),
            Cell(tr_label(note.tag)),
            Cell(tr_label(note.severity)),
            Cell(quote, note.quote),
        )
        annotations.add(Node(Target("annotation", note.id), cells))


def _heading_problems(report: OpenReport) -> dict[int, list[str]]:
    """Section item id → messages of the numbering findings that point into its heading."""
    sections = [s for s in report.items_of(ItemKind.SECTION) if s.start is not None]
    result: dict[int, list[str]] = {}
    for finding in report.items_of(ItemKind.FINDING):
        values = finding.effective
        if not values.code.startswith(HEADING_FINDING_PREFIX) or finding.state == ItemState.REJECTED:
            continue
        if finding.start is None:
            continue
        for section in sections:
            if section.start <= finding.start < max(section.end or 0, section.start + 1):
                result.setdefault(section.id, []).append(values.message)
    return result


def _heading_label(report: OpenReport, section) -> str:
    """The heading as written in the report, or as the reviewer corrected it."""
    values = section.effective
    if section.corrected is None and section.start is not None and section.end:
        return report.text[section.start:section.end].strip()
    return f"{values.num} {values.title}".strip()
