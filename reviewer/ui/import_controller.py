"""Imports and re-analysis started from the window: run on a worker thread, with progress and a cancel
button in the status bar; the library refreshes as reports arrive (only their rows, so the window
stays responsive however many reports the workspace holds), failures are listed at the end."""
from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMainWindow, QProgressBar, QToolButton

from reviewer.ui.dialogs import show_import_failures
from reviewer.ui.import_worker import (
    BackgroundJob,
    BatchWorker,
    Failure,
    Job,
    import_job,
    reanalyze_job,
    recognize_job,
)
from reviewer.ui.plain_text import plain_label
from reviewer.ui.session import Session

LIBRARY_REFRESH_MS = 400


class ImportController(QObject):
    reportsChanged = Signal(list)
    """Ids of reports added, changed or replaced by a batch: throttled while it runs, the rest when it
    ends. Only these rows change (a batch touches no other report's row), so the library never reloads
    the whole list for an import, however many reports the workspace holds."""
    batchFinished = Signal(list, list)
    """(list of (source, result), list of Failure) when a batch ends."""
    openRequested = Signal(int)
    """A single file was imported: open its report."""
    busyChanged = Signal(bool)
    """A batch started (True) or the last queued one ended (False)."""

    def __init__(
        self,
        window: QMainWindow,
        session: Session,
        open_workspace: Callable[[Path], object],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self._open_workspace = open_workspace
        self.job: BackgroundJob | None = None
        self._queue: list[tuple[Job, bool]] = []
        self._results: list = []
        self._failures: list[Failure] = []
        self._open_single = False
        self._changed_ids: list[int] = []

        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.setMaximumWidth(self.progress.fontMetrics().averageCharWidth() * 30)
        self.progress_label = plain_label()
        self.cancel_button = QToolButton()
        self.cancel_button.setObjectName("cancelImport")
        self.cancel_button.setText(self.tr("取消"))
        self.cancel_button.setToolTip(self.tr("停止导入（已导入的报告保留）"))
        self.cancel_button.clicked.connect(self.cancel)
        status = window.statusBar()
        for widget in self._progress_widgets():
            status.addPermanentWidget(widget)
            widget.hide()

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(LIBRARY_REFRESH_MS)
        self._refresh_timer.timeout.connect(self._emit_changed_rows)

    def _progress_widgets(self):
        return (self.progress_label, self.progress, self.cancel_button)

    @property
    def busy(self) -> bool:
        return self.job is not None

    def import_paths(self, paths: Sequence[str | Path]) -> None:
        """Import files and folders; a single file is opened once imported."""
        single = len(paths) == 1 and Path(paths[0]).is_file()
        self.start(import_job(paths), open_single=single)

    def reanalyze(self, report_ids: Sequence[int]) -> None:
        if report_ids:
            self.start(reanalyze_job(report_ids), open_single=False)

    def recognize_again(self, report_id: int, name: str) -> None:
        """重新识别: the stored scan recognized anew, with page progress and cancel."""
        self.start(recognize_job(report_id, name), open_single=False)

    def start(self, job: Job, open_single: bool) -> None:
        """Run a batch now, or after the one running.

        Everything alive when a batch starts (the window, the library's rows, the pinyin readings: most of
        the heap) is taken out of Python's full garbage collections (``gc.freeze``): the objects the import
        thread makes set those collections off every few seconds, and each walked the whole heap with the
        interpreter held (~90 ms with 200 reports arriving, the window's longest pause)."""
        if self.job is not None:
            self._queue.append((job, open_single))
            return
        self._results, self._failures, self._open_single = [], [], open_single
        worker = BatchWorker(self.session.path, job, self._open_workspace)
        worker.progress.connect(self._progress)
        worker.pageProgress.connect(self._page_progress)
        worker.itemDone.connect(self._item_done)
        worker.itemFailed.connect(self._failures.append)
        self.job = BackgroundJob(worker, self)
        self.job.ended.connect(self._ended)
        self.progress.setRange(0, 0)
        self.window.statusBar().clearMessage()
        self.progress_label.setText(self.tr("正在准备…"))
        for widget in self._progress_widgets():
            widget.show()
        self.cancel_button.setEnabled(True)
        gc.freeze()
        self.job.start()
        self.busyChanged.emit(True)

    def cancel(self) -> None:
        self._queue.clear()
        if self.job is not None:
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(self.tr("正在停止…"))
            self.job.cancel()

    def shutdown(self) -> None:
        """Stop any batch and wait for its thread (window closing)."""
        self._queue.clear()
        if self.job is not None:
            self.job.ended.disconnect(self._ended)
            self.job.stop()
            self.job = None

    def _progress(self, done: int, total: int, source: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        if self.cancel_button.isEnabled():
            self.progress_label.setText(
                self.tr("已处理 {done}/{total}：{name}").format(done=done, total=total, name=Path(source).name)
            )

    def _page_progress(self, source: str, done: int, total: int) -> None:
        """A scan being recognized: the bar counts its pages."""
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        if self.cancel_button.isEnabled():
            self.progress_label.setText(
                self.tr("正在识别 {name}：第 {done}/{total} 页").format(name=Path(source).name, done=done, total=total)
            )

    def _item_done(self, source: str, result) -> None:
        self._results.append((source, result))
        self._changed_ids += [report_id for report_id in (getattr(result, "report_id", None),
                                                          getattr(result, "replaced_report_id", None)) if report_id]
        if not self._refresh_timer.isActive():
            self._refresh_timer.start()

    def _emit_changed_rows(self) -> None:
        changed, self._changed_ids = self._changed_ids, []
        if changed:
            self.reportsChanged.emit(changed)

    def _ended(self, cancelled: bool) -> None:
        self.job = None
        self._refresh_timer.stop()
        self._emit_changed_rows()
        for widget in self._progress_widgets():
            widget.hide()
        results, failures = self._results, self._failures
        self._announce(results, failures, cancelled)
        self.batchFinished.emit(results, failures)
        if self._open_single and len(results) == 1 and hasattr(results[0][1], "status"):
            self.openRequested.emit(results[0][1].report_id)
        if self._queue:
            job, open_single = self._queue.pop(0)
            self.start(job, open_single)
        else:
            self.busyChanged.emit(False)

    def _announce(self, results: list, failures: list[Failure], cancelled: bool) -> None:
        statuses = [getattr(result, "status", "reanalyzed") for _, result in results]
        counts = [
            (statuses.count("new"), self.tr("新导入 {count} 份")),
            (statuses.count("new_version"), self.tr("更新版本 {count} 份")),
            (statuses.count("duplicate"), self.tr("{count} 份已在工作区中")),
            (statuses.count("reanalyzed"), self.tr("重新分析 {count} 份")),
            (len(failures), self.tr("{count} 个文件未能导入")),
        ]
        parts = [text.format(count=count) for count, text in counts if count]
        if cancelled:
            parts.append(self.tr("已取消"))
        elif not results and not failures:
            parts.append(self.tr("所选位置中没有可导入的报告文件（txt、html、docx、pdf）"))
        carried = [result.carry_over for _, result in results if getattr(result, "carry_over", None) is not None]
        if carried:
            parts.append(sum(carried[1:], carried[0]).describe())
        unplaced = sum(len(getattr(result, "not_reanchored", []) or []) for _, result in results
                       if getattr(result, "carry_over", None) is None)
        if unplaced:
            parts.append(self.tr("{count} 条审阅记录未能对应到新文本").format(count=unplaced))
        if parts:
            self.window.statusBar().showMessage("，".join(parts), 10000)
        if failures:
            show_import_failures(self.window, failures, len(results))
