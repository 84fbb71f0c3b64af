"""Full-text search across all reports (or within the open one); a hit opens its report at the hit."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.ui.plain_text import plain_label, plain_tooltip
from reviewer.ui.report_search import Hit
from reviewer.ui.snippet_delegate import SnippetDelegate, SnippetRole

SCOPE_ALL = "all"
SCOPE_CURRENT = "current"
SEARCH_DELAY_MS = 250
HitRole = Qt.ItemDataRole.UserRole + 1


SearchFunction = Callable[[str, str], list[Hit]]
"""(query, scope) → hits."""


class SearchDialog(QDialog):
    hitActivated = Signal(int, int, int)
    """(report id, start, end)."""

    def __init__(self, search: SearchFunction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchDialog")
        self.setWindowTitle(self.tr("搜索报告"))
        self._search = search
        self.query = QLineEdit()
        self.query.setObjectName("searchQuery")
        self.query.setPlaceholderText(self.tr("输入要查找的文字，按回车打开选中的结果"))
        self.query.setClearButtonEnabled(True)
        self.scope = QComboBox()
        self.scope.setObjectName("searchScope")
        self.scope.addItem(self.tr("全部报告"), SCOPE_ALL)
        self.scope.addItem(self.tr("当前报告"), SCOPE_CURRENT)
        self.results = QTreeWidget()
        self.results.setObjectName("searchResults")
        self.results.setRootIsDecorated(False)
        self.results.setHeaderLabels([self.tr("报告"), self.tr("上下文")])
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setItemDelegateForColumn(1, SnippetDelegate(self.results))
        self.results.itemActivated.connect(self._activate)
        self.status = plain_label()

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.query.textChanged.connect(self._timer.start)
        self.query.returnPressed.connect(self._return_pressed)
        self.scope.currentIndexChanged.connect(self.run_search)

        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(self.scope)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        line = self.fontMetrics().lineSpacing()
        self.resize(line * 40, line * 24)

    def start(self, scope: str, text: str = "") -> None:
        """Show the dialog for ``scope`` with ``text`` (e.g. the selected words) ready to search."""
        self.scope.setCurrentIndex(max(self.scope.findData(scope), 0))
        if text:
            self.query.setText(text)
        self.show()
        self.raise_()
        self.activateWindow()
        self.query.setFocus()
        self.query.selectAll()

    def run_search(self) -> None:
        self._timer.stop()
        query = self.query.text().strip()
        self.results.clear()
        if not query:
            self.status.clear()
            return
        hits = self._search(query, self.scope.currentData())
        for hit in hits:
            node = QTreeWidgetItem([hit.label, hit.snippet])
            node.setToolTip(0, plain_tooltip(hit.label))
            node.setToolTip(1, plain_tooltip(hit.snippet))
            node.setData(0, HitRole, hit)
            node.setData(1, SnippetRole, (hit.snippet, hit.match))
            self.results.addTopLevelItem(node)
        self.results.resizeColumnToContents(0)
        if hits:
            self.results.setCurrentItem(self.results.topLevelItem(0))
            self.status.setText(self.tr("找到 {count} 处").format(count=len(hits)))
        else:
            self.status.setText(self.tr("没有找到“{query}”").format(query=query))

    def _return_pressed(self) -> None:
        if self._timer.isActive() or self.results.topLevelItemCount() == 0:
            self.run_search()
        node = self.results.currentItem()
        if node is not None:
            self._activate(node, 0)

    def _activate(self, node: QTreeWidgetItem, _column: int) -> None:
        hit: Hit = node.data(0, HitRole)
        self.hitActivated.emit(hit.report_id, hit.start, hit.end)
