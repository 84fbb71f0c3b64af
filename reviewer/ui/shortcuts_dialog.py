"""帮助→键盘快捷键: every command that has a shortcut, grouped by menu, read from the action registry
(the one list of the window's commands, so the list never disagrees with them)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from reviewer.ui.actions import WindowActions


def menu_shortcuts(actions: WindowActions) -> list[tuple[str, list[tuple[str, str]]]]:
    """(menu, [(command, keys)]) for each menu of the registry with at least one command that has keys."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for entry in actions.registered():
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in entry.action.shortcuts() if typeable(k)]
        if keys and entry.action.isVisible():
            groups.setdefault(entry.menu, []).append((plain_text(entry.action.text()), " / ".join(keys)))
    return list(groups.items())


def typeable(keys: QKeySequence) -> bool:
    """Keys found on every keyboard (the standard bindings add media keys such as "打开" or F14)."""
    if keys.isEmpty():
        return False
    return keys[0].key().value <= Qt.Key.Key_F12.value


def plain_text(text: str) -> str:
    """A menu text without its mnemonic marker ("文件(&F)" → "文件") and trailing "…"."""
    if text.endswith(")") and "(&" in text:
        text = text[:text.rindex("(&")]
    return text.replace("&", "").replace("…", "")


class ShortcutsDialog(QDialog):
    def __init__(self, actions: WindowActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("键盘快捷键"))
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("命令"), self.tr("快捷键")])
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.NoSelection)
        self.tree.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for title, rows in menu_shortcuts(actions):
            group = QTreeWidgetItem([title])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            self.tree.addTopLevelItem(group)
            for command, keys in rows:
                group.addChild(QTreeWidgetItem([command, keys]))
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        self.tree.resizeColumnToContents(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        header = self.tree.header()
        rows = sum(1 + self.tree.topLevelItem(n).childCount() for n in range(self.tree.topLevelItemCount()))
        row_height = self.tree.sizeHintForRow(0) if rows else self.fontMetrics().lineSpacing()
        width = header.sectionSize(0) + header.sectionSize(1) + self.fontMetrics().horizontalAdvance("中") * 4
        self.resize(width, row_height * (rows + 2) + header.sizeHint().height() + buttons.sizeHint().height() * 2)
