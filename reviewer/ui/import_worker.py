"""Long workspace jobs (importing many files, re-analysing) on a worker thread with progress and cancel.

The worker opens its own ``Workspace(lock=False)`` on the window's workspace file, as the workspace
contract asks of background threads; imports go through the workspace's bulk import, which analyses
in worker processes, so the window's thread keeps the interpreter to itself.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from reviewer.workspace import import_files

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str, Any], None]
"""(done, total, what was just done, its result or the exception it raised)."""
Job = Callable[[Any, Progress, Callable[[], bool]], None]
"""Runs in the worker thread with the worker's workspace, a progress callback and a cancel check."""


@dataclass(frozen=True)
class PageStep:
    """Passed as the outcome to a job's progress while a scan is recognized: pages done of ``total``."""

    done: int
    total: int


class RecognitionCancelled(Exception):
    """Raised from a recognition's page progress when the job is cancelled."""


@dataclass(frozen=True)
class Failure:
    source: str  # file path, or report title
    message: str


def failure_message(error: BaseException) -> str:
    """What to tell the reviewer about a failure: the error's own Chinese message when it has one."""
    message = getattr(error, "message", None)
    if message:
        return str(message)
    return QCoreApplication.translate("import_worker", "处理时出错：{error}").format(error=error)


def import_job(paths: Sequence[str | Path]) -> Job:
    """Import files and folders (searched recursively) with the workspace's bulk import."""

    def run(ws, progress: Progress, cancelled: Callable[[], bool]) -> None:
        import_files(
            ws,
            list(paths),
            progress=lambda done, total, path, outcome: progress(done, total, str(path), outcome),
            cancel=cancelled,
            page_progress=lambda path, done, total: progress(0, 0, str(path), PageStep(done, total)),
        )

    return run


def recognize_job(report_id: int, name: str) -> Job:
    """Recognize a stored scan again (重新识别), page by page; cancelling stops between pages."""

    def run(ws, progress: Progress, cancelled: Callable[[], bool]) -> None:
        def page(done: int, total: int) -> None:
            if cancelled():
                raise RecognitionCancelled
            progress(0, 0, name, PageStep(done, total))

        try:
            outcome = ws.recognize_again(report_id, progress=page)
        except RecognitionCancelled:
            return
        except Exception as error:
            log.exception("recognition of report %s failed", report_id)
            outcome = error
        progress(1, 1, name, outcome)

    return run


def reanalyze_job(report_ids: Sequence[int]) -> Job:
    def run(ws, progress: Progress, cancelled: Callable[[], bool]) -> None:
        total = len(report_ids)
        for done, report_id in enumerate(report_ids, start=1):
            if cancelled():
                return
            try:
                outcome = ws.reanalyze(report_id)
            except Exception as error:
                log.exception("re-analysis of report %s failed", report_id)
                outcome = error
            progress(done, total, str(report_id), outcome)

    return run


class CancellableWorker(QObject):
    """Work run by a :class:`BackgroundJob` on its thread: ``run`` does it, ``cancel`` asks it to stop at the next
    step (thread-safe), ``finished`` says it ended and whether it was cancelled."""

    finished = Signal(bool)
    """True when cancelled before the end."""

    def __init__(self) -> None:
        super().__init__()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        raise NotImplementedError


class BatchWorker(CancellableWorker):
    progress = Signal(int, int, str)
    """(done, total, what was just done)."""
    pageProgress = Signal(str, int, int)
    """(file, pages recognized, pages to recognize) while a scan is recognized."""
    itemDone = Signal(str, object)
    """(source, result: ImportResult or ReanalyzeResult)."""
    itemFailed = Signal(object)
    """Failure."""

    def __init__(self, workspace_path: Path, job: Job, open_workspace: Callable[[Path], Any]) -> None:
        super().__init__()
        self.workspace_path = workspace_path
        self._job = job
        self._open_workspace = open_workspace

    @Slot()
    def run(self) -> None:
        try:
            ws = self._open_workspace(self.workspace_path)
        except Exception as error:
            log.exception("worker could not open the workspace")
            self.itemFailed.emit(Failure(str(self.workspace_path), failure_message(error)))
            self.finished.emit(False)
            return
        try:
            self._job(ws, self._report, self._cancel.is_set)
        except Exception as error:
            log.exception("batch job failed")
            self.itemFailed.emit(Failure(str(self.workspace_path), failure_message(error)))
        finally:
            ws.close()
        self.finished.emit(self._cancel.is_set())

    def _report(self, done: int, total: int, source: str, outcome: Any) -> None:
        if isinstance(outcome, PageStep):
            self.pageProgress.emit(source, outcome.done, outcome.total)
            return
        if isinstance(outcome, BaseException):
            self.itemFailed.emit(Failure(source, failure_message(outcome)))
        else:
            self.itemDone.emit(source, outcome)
        self.progress.emit(done, total, source)


class BackgroundJob(QObject):
    """Owns the worker thread of one batch; emits ``ended`` once the thread has stopped."""

    ended = Signal(bool)

    def __init__(self, worker: CancellableWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.thread = QThread()
        self.thread.setObjectName("reviewer-batch")
        worker.moveToThread(self.thread)
        self.thread.started.connect(worker.run)
        worker.finished.connect(self._worker_finished)

    def start(self) -> None:
        self.thread.start()

    def cancel(self) -> None:
        self.worker.cancel()

    def stop(self) -> None:
        """Cancel and block until the thread has ended (window closing)."""
        self.worker.cancel()
        self.thread.quit()
        self.thread.wait()

    def _worker_finished(self, cancelled: bool) -> None:
        self.thread.quit()
        self.thread.wait()
        self.ended.emit(cancelled)
