"""Backups of a workspace in a folder next to it, ``<workspace>.backups/``.

The owning program takes a rotating backup in the background after opening (:class:`BackgroundBackup`),
when the data changed since the newest copy and that copy is at least ``MIN_BACKUP_INTERVAL`` old.
The copy is made with SQLite's online backup API in steps of ``STEP_PAGES`` pages, from one read
snapshot (edits made meanwhile neither wait for it nor restart it), into ``<name>.partial``, which is
renamed only once complete; a failed copy (a full disk) is removed and never disturbs the work.
A new copy that fails the integrity check is removed again; only a sound new copy lets older ones go,
so at least one sound backup always remains. All backups together take at most ``BUDGET_TIMES``
the workspace's size (the newest is kept whatever its size) and there are at most ``KEEP_BACKUPS``
rotating ones. A copy is also taken before a schema upgrade; those are kept outside the rotation.
A backup's name says when and why it was taken and up to which history row it holds data:
``<name>-20261125-091500-123456-auto-h42.sqlite``.
"""
from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from reviewer.workspace.db import quick_check
from reviewer.workspace.model import RestoredBackup

log = logging.getLogger(__name__)

KEEP_BACKUPS = 5
BUDGET_TIMES = 2
MIN_BACKUP_INTERVAL = timedelta(minutes=10)
STEP_PAGES = 2048
AUTO = "auto"

_NAME = re.compile(r"-(\d{8}-\d{6}-\d{6})-([a-z0-9-]+)-h(\d+)\.sqlite$")
_STAMP = "%Y%m%d-%H%M%S-%f"


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: datetime
    reason: str  # "auto" or "before-v<N>"
    history_mark: int  # highest history id the copy contains


class BackupStopped(Exception):
    """The backup was asked to stop before it was complete."""


def backups_dir(workspace: Path) -> Path:
    return workspace.with_name(workspace.name + ".backups")


def list_backups(workspace: Path) -> list[BackupFile]:
    """All backups of ``workspace``, newest first."""
    folder = backups_dir(workspace)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("*.sqlite"):
        match = _NAME.search(path.name)
        if match and path.name.startswith(workspace.stem):
            stamp, reason, mark = match.groups()
            found.append(BackupFile(path, datetime.strptime(stamp, _STAMP), reason, int(mark)))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def history_mark(conn: sqlite3.Connection) -> int:
    """Every change writes a history row, so the highest id tells whether data changed."""
    mark: int = conn.execute("SELECT coalesce(max(id), 0) FROM history").fetchone()[0]
    return mark


def take_backup(conn: sqlite3.Connection, workspace: Path, reason: str, mark: int,
                stop: threading.Event | None = None) -> Path:
    """Copy the database ``conn`` is connected to into the backups folder: the snapshot of its open read
    transaction (:func:`begin_snapshot`), or one taken now. A failure or ``stop`` removes the partial copy
    and raises."""
    folder = backups_dir(workspace)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{workspace.stem}-{datetime.now().strftime(_STAMP)}-{reason}-h{mark}.sqlite"
    partial = target.with_suffix(".partial")

    def step(_status: int, _remaining: int, _total: int) -> None:
        if stop is not None and stop.is_set():
            raise BackupStopped()

    try:
        copy = sqlite3.connect(str(partial))
        try:
            began = not conn.in_transaction
            if began:
                begin_snapshot(conn)
            try:
                conn.backup(copy, pages=STEP_PAGES, progress=step)
            finally:
                if began:
                    conn.execute("COMMIT")
            copy.execute("PRAGMA journal_mode=DELETE")
        finally:
            copy.close()
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target


def begin_snapshot(conn: sqlite3.Connection) -> None:
    """Start a read transaction on ``conn`` and fix its snapshot (a WAL reader sees the database as it was then,
    whatever is committed later), so that every step of a backup copies the same state."""
    conn.execute("BEGIN")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()


def backup_due(conn: sqlite3.Connection, workspace: Path) -> bool:
    """There is data, it changed since the newest rotating backup, and that one is old enough (or
    there is none)."""
    mark = history_mark(conn)
    if mark == 0:
        return False
    autos = [b for b in list_backups(workspace) if b.reason == AUTO]
    if not autos:
        return True
    return autos[0].history_mark != mark and datetime.now() - autos[0].taken_at >= MIN_BACKUP_INTERVAL


def take_rotating_backup(conn: sqlite3.Connection, workspace: Path, stop: threading.Event | None = None) -> Path | None:
    """The rotating backup: taken if due, kept only if sound, then older ones rotated out."""
    if not backup_due(conn, workspace):
        return None
    path = take_backup(conn, workspace, AUTO, history_mark(conn), stop)
    if not is_sound(path):
        log.warning("new backup %s failed the integrity check; removed, older backups kept", path)
        path.unlink(missing_ok=True)
        return None
    rotate(workspace)
    return path


def rotate(workspace: Path) -> None:
    """Remove the oldest rotating backups beyond ``KEEP_BACKUPS`` or beyond the size budget; the
    newest one always stays."""
    backups = list_backups(workspace)
    budget = BUDGET_TIMES * _size(workspace) - sum(_size(b.path) for b in backups if b.reason != AUTO)
    autos = [b for b in backups if b.reason == AUTO]
    total = 0
    for index, backup in enumerate(autos):
        total += _size(backup.path)
        if index > 0 and (index >= KEEP_BACKUPS or total > budget):
            backup.path.unlink(missing_ok=True)


def remove_partial_copies(workspace: Path) -> None:
    """Copies left by a backup that was interrupted (killed program); only the owner calls this."""
    folder = backups_dir(workspace)
    if folder.is_dir():
        for partial in folder.glob("*.partial"):
            partial.unlink(missing_ok=True)


class BackgroundBackup:
    """The rotating backup on a thread of its own, with its own connection; :meth:`wait` at close.
    Failures are logged, never raised: a backup must not disturb the work."""

    def __init__(self, workspace: Path) -> None:
        self.workspace = workspace
        self.taken: Path | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="reviewer-backup", daemon=True)
        self._conn: sqlite3.Connection | None = None

    def start(self) -> BackgroundBackup:
        """Fix the snapshot to copy now, on the opening thread (the state before this session's first edit,
        however late the thread gets to it), then copy it on the thread."""
        try:
            self._conn = sqlite3.connect(str(self.workspace), isolation_level=None, timeout=30,
                                         check_same_thread=False)
            begin_snapshot(self._conn)
        except sqlite3.Error as error:
            log.warning("backup of %s failed: %s", self.workspace, error)
            self._close()
            return self
        self._thread.start()
        return self

    def wait(self) -> None:
        if self._thread.is_alive():
            self._thread.join()

    def stop(self) -> None:
        self._stop.set()
        self.wait()

    def _close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def _run(self) -> None:
        try:
            try:
                assert self._conn is not None
                self.taken = take_rotating_backup(self._conn, self.workspace, self._stop)
            finally:
                self._close()
        except BackupStopped:
            pass
        except (sqlite3.Error, OSError) as error:
            log.warning("backup of %s failed: %s", self.workspace, error)


def is_sound(path: Path) -> bool:
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        return quick_check(conn) is None
    finally:
        conn.close()


def sound_backups(workspace: Path) -> list[Path]:
    """Backups that pass the integrity check, newest first."""
    return [b.path for b in list_backups(workspace) if is_sound(b.path)]


def restoring_path(workspace: Path) -> Path:
    return workspace.with_name(workspace.name + ".restoring")


def restore(workspace: Path, backup: Path) -> RestoredBackup:
    """Put a copy of ``backup`` in place of ``workspace``; the file it replaces (and its -wal/-shm)
    is kept as ``<name>.damaged-<time>``, never deleted.

    Killed at any moment, this leaves either the old workspace file or the new one in place, and a
    ``<name>.restoring`` file while it is not done: that file is created first (empty), then the old
    file is linked (or copied) aside, then the backup copied into ``.restoring`` and synced, then renamed
    over the workspace in one step. A ``.restoring`` file found later is dealt with by
    :func:`finish_interrupted_restore`.
    """
    damaged = workspace.with_name(f"{workspace.name}.damaged-{datetime.now().strftime(_STAMP)}")
    restoring = restoring_path(workspace)
    restoring.write_bytes(b"")
    moved_aside = workspace.exists()
    if moved_aside:
        _keep_aside(workspace, damaged)
    _copy_synced(backup, restoring)
    _replace(restoring, workspace)
    return RestoredBackup(backup=backup, damaged_copy=damaged if moved_aside else None)


def finish_interrupted_restore(workspace: Path) -> bool | None:
    """None: no restore was interrupted. True: a complete ``.restoring`` copy was put in place (the
    file it replaces was kept aside before the copy began). False: the copy was incomplete and is
    removed, so the restore has to be chosen again."""
    restoring = restoring_path(workspace)
    if not restoring.exists():
        return None
    if is_sound(restoring) and restoring.stat().st_size > 0:
        _replace(restoring, workspace)
        return True
    restoring.unlink(missing_ok=True)
    return False


def _keep_aside(workspace: Path, damaged: Path) -> None:
    """``damaged`` gets the workspace's data; the workspace file itself stays where it is."""
    for suffix in ("-wal", "-shm"):
        current = Path(str(workspace) + suffix)
        if current.exists():
            os.replace(current, Path(str(damaged) + suffix))
    try:
        os.link(workspace, damaged)
    except OSError:
        _copy_synced(workspace, damaged)


def _copy_synced(source: Path, target: Path) -> None:
    shutil.copyfile(source, target)
    with open(target, "rb+") as handle:
        os.fsync(handle.fileno())


def _replace(source: Path, workspace: Path) -> None:
    """Rename ``source`` over the workspace; a -wal/-shm of the old file must not meet the new one."""
    for suffix in ("-wal", "-shm"):
        Path(str(workspace) + suffix).unlink(missing_ok=True)
    os.replace(source, workspace)
    _sync_folder(workspace.parent)


def _sync_folder(folder: Path) -> None:
    if os.name == "nt":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
