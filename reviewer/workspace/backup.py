"""Backups of a workspace in a folder next to it, ``<workspace>.backups/``.

On every open by the owning program a copy is taken with SQLite's backup API (consistent even while
the file is in use), unless the newest copy already holds the same data or is less than
``MIN_BACKUP_INTERVAL`` old; the newest ``KEEP_BACKUPS`` copies are kept (fewer if together they
pass ``MAX_BACKUP_BYTES``, never fewer than ``KEEP_AT_LEAST``). A copy is also taken before a schema
upgrade; those are kept outside the rotation.
A backup's name says when and why it was taken and up to which history row it holds data:
``<name>-20261125-091500-123456-auto-h42.sqlite``.
"""
from __future__ import annotations

import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from reviewer.workspace.db import quick_check
from reviewer.workspace.model import RestoredBackup

KEEP_BACKUPS = 5
KEEP_AT_LEAST = 2
MAX_BACKUP_BYTES = 2 * 1024**3
MIN_BACKUP_INTERVAL = timedelta(minutes=10)
AUTO = "auto"

_NAME = re.compile(r"-(\d{8}-\d{6}-\d{6})-([a-z0-9-]+)-h(\d+)\.sqlite$")
_STAMP = "%Y%m%d-%H%M%S-%f"


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: datetime
    reason: str  # "auto" or "before-v<N>"
    history_mark: int  # highest history id the copy contains


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


def take_backup(conn: sqlite3.Connection, workspace: Path, reason: str, mark: int) -> Path:
    folder = backups_dir(workspace)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{workspace.stem}-{datetime.now().strftime(_STAMP)}-{reason}-h{mark}.sqlite"
    partial = target.with_suffix(".partial")
    copy = sqlite3.connect(str(partial))
    try:
        conn.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")
    finally:
        copy.close()
    os.replace(partial, target)
    return target


def backup_on_open(conn: sqlite3.Connection, workspace: Path) -> Path | None:
    """The rotating backup taken when the owner opens the workspace; None when skipped."""
    autos = [b for b in list_backups(workspace) if b.reason == AUTO]
    mark = history_mark(conn)
    if autos and (autos[0].history_mark == mark or datetime.now() - autos[0].taken_at < MIN_BACKUP_INTERVAL):
        return None
    path = take_backup(conn, workspace, AUTO, mark)
    _rotate(workspace)
    return path


def _rotate(workspace: Path) -> None:
    autos = [b for b in list_backups(workspace) if b.reason == AUTO]
    total = 0
    for index, backup in enumerate(autos):
        total += backup.path.stat().st_size
        over_budget = total > MAX_BACKUP_BYTES and index >= KEEP_AT_LEAST
        if index >= KEEP_BACKUPS or over_budget:
            backup.path.unlink(missing_ok=True)


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


def restore(workspace: Path, backup: Path) -> RestoredBackup:
    """Put a copy of ``backup`` in place of ``workspace``; the file it replaces (and its -wal/-shm)
    is moved aside as ``<name>.damaged-<time>``, never deleted."""
    damaged = workspace.with_name(f"{workspace.name}.damaged-{datetime.now().strftime(_STAMP)}")
    moved_aside = workspace.exists()
    for suffix in ("", "-wal", "-shm"):
        current = Path(str(workspace) + suffix)
        if current.exists():
            os.replace(current, Path(str(damaged) + suffix))
    restoring = workspace.with_name(workspace.name + ".restoring")
    shutil.copyfile(backup, restoring)
    os.replace(restoring, workspace)
    return RestoredBackup(backup=backup, damaged_copy=damaged if moved_aside else None)
