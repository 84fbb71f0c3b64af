"""Search across all reports: the hits a page at a time (more as the list is scrolled), the exact total
counted meanwhile, both on worker threads; a hit opens its report at the hit."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QHeaderView,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reviewer.ui.plain_text import plain_label, plain_tooltip
from reviewer.ui.search_runner import SearchRunner
from reviewer.ui.snippet_delegate import SnippetDelegate, SnippetRole
from reviewer.workspace import SearchHit, SearchTotal

SEARCH_DELAY_MS = 250
PAGE_SIZE = 100
HitRole = Qt.ItemDataRole.UserRole + 1
REPORT_COLUMN, CONTEXT_COLUMN = range(2)
AnyIndex = QModelIndex | QPersistentModelIndex


class SearchResultsModel(QAbstractTableModel):
    """The hits of one search, in pages asked of the runner as the view needs them (``fetchMore``)."""

    pageLoaded = Signal(int)
    """Rows added by the page that just came (0: the search found nothing more)."""

    def __init__(self, runner: SearchRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.hits: list[SearchHit] = []
        self.query = ""
        self.search = 0
        self.complete = True  # every hit is in the model
        self.waiting = False  # a page was asked for and has not come yet
        runner.pageReady.connect(self._page_ready)

    def start(self, query: str, search: int) -> None:
        """Show the hits of ``query`` (search number ``search``), asking for the first page."""
        self.beginResetModel()
        self.hits, self.query, self.search = [], query, search
        self.complete, self.waiting = not query, False
        self.endResetModel()
        if query:
            self._ask()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.hits)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("报告"), self.tr("上下文"))[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        hit = self.hits[index.row()]
        column = index.column()
        if role == HitRole:
            return hit
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.title if column == REPORT_COLUMN else hit.snippet
        if role == SnippetRole and column == CONTEXT_COLUMN:
            return hit.snippet, hit.snippet_match
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == CONTEXT_COLUMN:
                return plain_tooltip(hit.snippet)
            return plain_tooltip("\n".join(part for part in (hit.title, hit.unit) if part))
        return None

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:
        return not parent.isValid() and not self.complete and not self.waiting

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:
        if self.canFetchMore(parent):
            self._ask()

    def _ask(self) -> None:
        self.waiting = True
        self.runner.page(self.search, self.query, self.hits[-1] if self.hits else None, PAGE_SIZE)

    def _page_ready(self, search: int, hits: list[SearchHit]) -> None:
        if search != self.search:
            return
        self.waiting = False
        self.complete = len(hits) < PAGE_SIZE
        if hits:
            self.beginInsertRows(QModelIndex(), len(self.hits), len(self.hits) + len(hits) - 1)
            self.hits.extend(hits)
            self.endInsertRows()
        self.pageLoaded.emit(len(hits))


class SearchDialog(QDialog):
    hitActivated = Signal(int, int, int)
    """(report id, start, end)."""

    def __init__(self, runner: SearchRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchDialog")
        self.setWindowTitle(self.tr("在全部报告中搜索"))
        self.runner = runner
        self.total: SearchTotal | None = None
        self._open_first = False  # Enter was pressed before the first page came
        self.query = QLineEdit()
        self.query.setObjectName("searchQuery")
        self.query.setPlaceholderText(self.tr("输入要查找的文字（空格分隔的词须同时出现），按回车打开选中的结果"))
        self.query.setClearButtonEnabled(True)
        self.model = SearchResultsModel(runner, self)
        self.results = QTreeView()
        self.results.setObjectName("searchResults")
        self.results.setModel(self.model)
        self.results.setRootIsDecorated(False)
        self.results.setUniformRowHeights(True)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setItemDelegateForColumn(CONTEXT_COLUMN, SnippetDelegate(self.results))
        line = self.fontMetrics().lineSpacing()
        self.results.header().setSectionResizeMode(REPORT_COLUMN, QHeaderView.ResizeMode.Interactive)
        self.results.header().resizeSection(REPORT_COLUMN, line * 14)
        self.results.activated.connect(self._activate)
        self.status = plain_label()
        self.status.setObjectName("searchStatus")

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.query.textChanged.connect(self._timer.start)
        self.query.returnPressed.connect(self._return_pressed)
        self.query.installEventFilter(self)
        self.model.pageLoaded.connect(self._page_loaded)
        runner.totalReady.connect(self._total_ready)
        runner.failed.connect(self._failed)

        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        self.resize(line * 48, line * 26)

    def start(self, text: str = "") -> None:
        """Show the dialog with ``text`` (e.g. the selected words) ready to search."""
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
        self.total = None
        self._open_first = False
        self.model.start(query, self.runner.new_search())
        self.status.setText(self.tr("正在搜索…") if query else "")

    def shutdown(self) -> None:
        """The window is closing: close, and stop and wait for the searching under way."""
        self.close()
        self.runner.shutdown()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down / Page Down in the query go on in the list of hits."""
        if (watched is self.query and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) and self.model.rowCount()):
            self.results.setFocus()
            QApplication.sendEvent(self.results, QKeyEvent(event.type(), event.key(), event.modifiers()))
            return True
        return super().eventFilter(watched, event)

    def _page_loaded(self, added: int) -> None:
        model = self.model
        if added and model.rowCount() == added:  # the first page
            self.results.setCurrentIndex(model.index(0, REPORT_COLUMN))
            if self._open_first:
                self._activate(self.results.currentIndex())
            if model.complete:
                self.total = SearchTotal(len({hit.report_id for hit in model.hits}), len(model.hits))
            else:
                self.runner.total(model.search, model.query)
        self._open_first = False
        self._show_status()

    def _total_ready(self, search: int, total: SearchTotal) -> None:
        if search == self.model.search:
            self.total = total
            self._show_status()

    def _failed(self, search: int, message: str) -> None:
        if search == self.model.search:
            self.status.setText(message)

    def _show_status(self) -> None:
        model, total = self.model, self.total
        if not model.hits:
            self.status.setText(self.tr("没有找到“{query}”").format(query=model.query) if model.complete else "")
            return
        if total is None:
            text = self.tr("已列出前 {shown} 处，正在统计总数…").format(shown=model.rowCount())
        else:
            text = self.tr("在 {reports} 份报告中找到 {hits} 处").format(reports=total.reports, hits=total.hits)
            if model.rowCount() < total.hits:
                text += self.tr("，已列出 {shown} 处，向下滚动列出更多").format(shown=model.rowCount())
        self.status.setText(text)

    def _return_pressed(self) -> None:
        if self._timer.isActive() or self.model.query != self.query.text().strip():
            self.run_search()
        index = self.results.currentIndex()
        if index.isValid():
            self._activate(index)
        else:
            self._open_first = self.model.waiting

    def _activate(self, index: QModelIndex) -> None:
        hit: SearchHit = index.siblingAtColumn(REPORT_COLUMN).data(HitRole)
        self.hitActivated.emit(hit.report_id, hit.start, hit.end)
