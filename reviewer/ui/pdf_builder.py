"""Summary PDFs made on a worker thread: collecting and laying out the 汇总表 of a thousand reports takes
seconds, and the window stays responsive meanwhile."""
from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, Signal

from reviewer.ui.import_worker import failure_message

if TYPE_CHECKING:
    from reviewer.workspace import Workspace

log = logging.getLogger(__name__)


class PdfBuilder(QObject):
    """Makes one PDF at a time on a worker thread, which reads its own ``Workspace(lock=False)`` as the
    workspace contract asks of background threads, and hands the bytes back on this object's thread."""

    busyChanged = Signal(bool)
    _finished = Signal(object, object)
    """(PDF bytes or None, the reviewer's message or None): emitted on the worker, received here."""

    def __init__(self, open_workspace: Callable[[Path], Workspace], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._open_workspace = open_workspace
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._done: Callable[[bytes], None] | None = None
        self._failed: Callable[[str], None] | None = None
        self._finished.connect(self._deliver)

    @property
    def busy(self) -> bool:
        return self._done is not None

    def start(self, workspace_path: Path, build: Callable[[Workspace], bytes], done: Callable[[bytes], None],
              failed: Callable[[str], None]) -> bool:
        """Run ``build(workspace)`` on the worker, then ``done(pdf)`` or ``failed(message)`` here.
        False (nothing started) while another PDF is being made."""
        if self.busy:
            return False
        self._done, self._failed = done, failed
        self.busyChanged.emit(True)
        self._pool.start(partial(self._run, workspace_path, build))
        return True

    def shutdown(self) -> None:
        """The window is closing: wait for the PDF under way and drop it."""
        self._done = self._failed = None
        self._pool.waitForDone()

    def _run(self, workspace_path: Path, build: Callable[[Workspace], bytes]) -> None:
        try:
            with self._open_workspace(workspace_path) as ws:
                pdf = build(ws)
        except Exception as error:
            log.exception("making a summary PDF failed")
            self._finished.emit(None, failure_message(error))
        else:
            self._finished.emit(pdf, None)

    def _deliver(self, pdf: bytes | None, message: str | None) -> None:
        done, failed = self._done, self._failed
        if done is None or failed is None:
            return
        self._done = self._failed = None
        self.busyChanged.emit(False)
        if message is None:
            done(pdf)
        else:
            failed(message)
