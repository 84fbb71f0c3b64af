"""Cross-report search on worker threads: pages of hits on one, the exact total on another, each
request reading its own ``Workspace(lock=False)`` as the workspace contract asks of background threads.
Every request belongs to a search (a number from :meth:`SearchRunner.new_search`); a new search makes
the older ones' work stop (a total gives up between two reports) and their results are dropped."""
from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, Signal

from reviewer.ui.import_worker import failure_message
from reviewer.workspace import SearchHit

if TYPE_CHECKING:
    from reviewer.workspace import Workspace

log = logging.getLogger(__name__)


class SearchRunner(QObject):
    pageReady = Signal(int, object)
    """(search number, list of SearchHit): the page asked for."""
    totalReady = Signal(int, object)
    """(search number, SearchTotal)."""
    failed = Signal(int, str)
    """(search number, the reviewer's message)."""

    def __init__(self, workspace_path: Callable[[], Path], open_workspace: Callable[[Path], Workspace],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workspace_path = workspace_path
        self._open_workspace = open_workspace
        self._pages = QThreadPool(self)
        self._totals = QThreadPool(self)
        for pool in (self._pages, self._totals):
            pool.setMaxThreadCount(1)
        self._latest = 0

    def new_search(self) -> int:
        """The number of a new search; work for the earlier ones stops."""
        self._latest += 1
        return self._latest

    def page(self, search: int, query: str, after: SearchHit | None, size: int) -> None:
        """Ask for the ``size`` hits after ``after`` (from the start for None): :attr:`pageReady`."""
        self._pages.start(partial(self._run, search, self._workspace_path(),
                                  lambda ws: ws.search(query, limit=size, after=after), self.pageReady))

    def total(self, search: int, query: str) -> None:
        """Ask for the exact total: :attr:`totalReady` (nothing when a newer search came first)."""
        self._totals.start(partial(self._run, search, self._workspace_path(),
                                   lambda ws: ws.search_total(query, stop=partial(self._stale, search)),
                                   self.totalReady))

    def shutdown(self) -> None:
        """Stop the work under way and wait for the threads (the window is closing)."""
        self.new_search()
        for pool in (self._pages, self._totals):
            pool.waitForDone()

    def _stale(self, search: int) -> bool:
        return search != self._latest

    def _run(self, search: int, path: Path, work: Callable[[Workspace], object], ready: Signal) -> None:
        if self._stale(search):
            return
        try:
            with self._open_workspace(path) as ws:
                result = work(ws)
        except Exception as error:
            log.exception("searching failed")
            self.failed.emit(search, failure_message(error))
            return
        if result is not None and not self._stale(search):
            ready.emit(search, result)
