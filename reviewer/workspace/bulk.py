"""Importing many files: analysis in a process pool, writing in the calling thread.

Worker processes are started with "spawn" on every platform: the UI calls this from a QThread, and
forking a process that runs Qt threads is unsafe. They end with this process even when it is killed
(:mod:`reviewer.workspace.orphans`). Each file is stored in its own transaction as soon
as its analysis arrives (in the order the files were given), so a cancelled or interrupted import
keeps every file finished before it. The copy index of the stored files is written in batches of
:data:`COPY_BATCH` (one transaction, keys inserted in key order: far fewer pages written than file by file);
a file stored and not yet indexed is marked pending in the workspace, so an import killed between two batches
leaves it to be indexed at the next open.

The workers tell the pages of a scan they recognize through a queue handed to them when they start
(``(source path, pages done, pages to do)``), which this thread reads while it waits for a file; a
cancelled import sets an event the workers check between pages, so a long scan stops at its next page.

While importing, this connection commits with ``synchronous=NORMAL``: a killed program still keeps
every committed file (see :mod:`reviewer.workspace.db`), only a power cut could lose the last few, and
those are still on disk to import again. It saves an fsync per file.
"""
from __future__ import annotations

import os
import queue
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reviewer.analysis import LoadError
from reviewer.analysis.copies import KeyedPassage
from reviewer.analysis.loaders.ocr.options import OcrOptions
from reviewer.analysis.report_files import is_report_file_name, read_checked
from reviewer.workspace.errors import AnalysisFailed, WorkspaceError
from reviewer.workspace.model import ImportResult
from reviewer.workspace.orphans import die_with_parent
from reviewer.workspace.prepare import PreparedReport, prepare_file, sha256_of

if TYPE_CHECKING:
    from concurrent.futures import Future

    from reviewer.workspace.workspace import Workspace

IN_FLIGHT_PER_WORKER = 4
"""Files handed to each worker ahead of the writer: keeps both cores busy, bounds memory."""

COPY_BATCH = 16
"""Stored files whose copy index is written in one transaction."""

PAGE_POLL_SECONDS = 0.1
"""How often this thread looks for page progress and cancelling while it waits for a worker."""

Outcome = ImportResult | LoadError | WorkspaceError
_Failure = tuple[str, str, str]  # ("load", code, message) | ("analysis", file name, error)
PageProgress = Callable[[Path, int, int], None]
"""(file, pages recognized, pages to recognize) while a scan is recognized in this process."""


class _Cancelled(Exception):
    """Raised from the page progress of a scan when the import is cancelled."""


@dataclass
class _WorkerChannel:
    """Set in each worker process when it starts: where it tells recognized pages, and the cancel event."""

    pages: Any  # multiprocessing Queue of (source path, done, total)
    cancel: Any  # multiprocessing Event


_channel: _WorkerChannel | None = None


def _start_worker(parent_pid: int, pages: Any, cancel: Any) -> None:
    """Pool initializer: end with the parent, keep the page channel for :func:`prepare_in_worker`."""
    global _channel
    die_with_parent(parent_pid)
    _channel = _WorkerChannel(pages, cancel)


def _channel_options(source_path: str) -> OcrOptions | None:
    channel = _channel
    if channel is None:
        return None

    def progress(done: int, total: int) -> None:
        if channel.cancel.is_set():
            raise _Cancelled
        channel.pages.put((source_path, done, total))

    return OcrOptions(progress=progress)


def collect_files(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given, and the report files inside folders (recursively, sorted); Office lock files
    (``~$…``) are skipped."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files.extend(
                found
                for found in sorted(path.rglob("*"))
                if is_report_file_name(found.name) and found.is_file()
            )
        else:
            files.append(path)
    return files


def prepare_in_worker(
    path: str, file_name: str, source_path: str, ocr: OcrOptions | None = None
) -> PreparedReport | _Failure:
    """Runs in a worker process; failures come back as plain tuples (the exceptions do not pickle).
    In a pool worker started by :func:`import_files` the pages recognized are told through its queue.
    The worker reads the file itself (a scan page by page) and hands back its path, not its bytes: a scan
    of 500 MB is never copied between the processes."""
    try:
        return prepare_file(Path(path), file_name, source_path, ocr or _channel_options(source_path))
    except _Cancelled:
        raise
    except LoadError as error:
        return ("load", error.code, error.message)
    except Exception as error:  # the analyser failed on this file: report it, go on with the rest
        return ("analysis", file_name, f"{type(error).__name__}: {error}")


def import_files(
    workspace: Workspace,
    paths: Iterable[str | Path],
    progress: Callable[[int, int, Path, Outcome], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    workers: int | None = None,
    page_progress: PageProgress | None = None,
) -> list[tuple[Path, Outcome]]:
    """Import files and folders, one transaction per file. ``progress(done, total, path, outcome)``
    gets an :class:`ImportResult` or the error: ``LoadError``, ``AnalysisFailed``, or another
    ``WorkspaceError`` (``WorkspaceFull``…) when the file could not be stored; the import goes on. ``page_progress`` hears of
    each recognized page of a scan, in this process or in a worker (called in this thread); cancelling
    stops a scan between pages."""
    files = collect_files(paths)
    workers = max(1, workers or os.cpu_count() or 1)
    results: list[tuple[Path, Outcome]] = []
    keyed: dict[int, list[KeyedPassage]] = {}

    def index_copies() -> None:
        try:
            workspace.index_copies(keyed)
        except WorkspaceError:  # a full disk: the files stay pending, indexed at the next open
            pass
        keyed.clear()

    def finish(path: Path, outcome: Outcome) -> None:
        results.append((path, outcome))
        if progress is not None:
            progress(len(results), len(files), path, outcome)

    def store(path: Path, prepared: PreparedReport | _Failure) -> None:
        if isinstance(prepared, tuple):
            finish(path, _failure(prepared))
            return
        try:
            stored: Outcome = workspace.store_prepared(prepared, index_copies=False)
        except WorkspaceError as error:  # a full disk: told per file, the files before it are kept
            stored = error
        if isinstance(stored, ImportResult) and stored.status != "duplicate":
            keyed[stored.report_id] = prepared.copy_passages
            if len(keyed) >= COPY_BATCH:
                index_copies()
        finish(path, stored)

    executor = None
    pages: Any = None
    stop: Any = None
    if workers > 1 and len(files) > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context("spawn")
        pages, stop = context.Queue(), context.Event()
        executor = ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker,
                                       initargs=(os.getpid(), pages, stop))
    in_flight: deque[tuple[Path, Future[Any]]] = deque()
    cancelled = False

    def result_of(future: Future[Any]) -> PreparedReport | _Failure | None:
        """The worker's result, telling its pages meanwhile; None when the scan was cancelled."""
        while not future.done():
            if cancel is not None and cancel():
                stop.set()
            _tell_pages(pages, page_progress, PAGE_POLL_SECONDS)
        _tell_pages(pages, page_progress, 0)
        try:
            return future.result()  # type: ignore[no-any-return]
        except _Cancelled:
            return None
    workspace.set_synchronous("NORMAL")
    try:
        for path in files:
            if cancel is not None and cancel():
                cancelled = True
                break
            try:
                sha256 = read_checked(path, sha256_of)
            except LoadError as error:
                finish(path, error)
                continue
            duplicate = workspace.find_duplicate(sha256)
            if duplicate is not None:
                finish(path, duplicate)
                continue
            if executor is None:
                try:
                    prepared = prepare_in_worker(str(path), path.name, str(path.absolute()),
                                                 _page_options(path, page_progress, cancel))
                except _Cancelled:
                    cancelled = True
                    break
                store(path, prepared)
                continue
            in_flight.append((path, executor.submit(prepare_in_worker, str(path.absolute()), path.name, str(path.absolute()))))
            while len(in_flight) >= workers * IN_FLIGHT_PER_WORKER and not cancelled:
                done_path, future = in_flight.popleft()
                prepared_in_worker = result_of(future)
                if prepared_in_worker is None:
                    cancelled = True
                else:
                    store(done_path, prepared_in_worker)
            if cancelled:
                break
        while in_flight and not cancelled:
            if cancel is not None and cancel():
                break
            done_path, future = in_flight.popleft()
            prepared_in_worker = result_of(future)
            if prepared_in_worker is None:
                break
            store(done_path, prepared_in_worker)
    finally:
        index_copies()
        workspace.set_synchronous("FULL")
        if executor is not None:
            stop.set()  # workers still recognizing a scan stop at its next page
            executor.shutdown(wait=True, cancel_futures=True)
            pages.close()
    return results


def _tell_pages(pages: Any, page_progress: PageProgress | None, wait: float) -> None:
    """Pass on the pages the workers told, waiting up to ``wait`` seconds for the first."""
    try:
        while True:
            source, done, total = pages.get(timeout=wait) if wait else pages.get_nowait()
            wait = 0
            if page_progress is not None:
                page_progress(Path(source), done, total)
    except queue.Empty:
        return


def _page_options(path: Path, page_progress: PageProgress | None, cancel: Callable[[], bool] | None) -> OcrOptions:
    def progress(done: int, total: int) -> None:
        if cancel is not None and cancel():
            raise _Cancelled
        if page_progress is not None:
            page_progress(path, done, total)

    return OcrOptions(progress=progress)


def _failure(failure: _Failure) -> LoadError | AnalysisFailed:
    kind, first, message = failure
    return LoadError(first, message) if kind == "load" else AnalysisFailed(first, message)
