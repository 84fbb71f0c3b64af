"""One program at a time per workspace: an OS lock on a side file ``<workspace>.lock``.

The operating system releases the lock when the holder exits or is killed, so a lock is never stale.
The file's text names the holder (host/pid) for the message the second program shows.
On Windows the locked byte lies far past the text, because a locked range cannot be read there.
"""
from __future__ import annotations

import os
import socket
import sys
from pathlib import Path
from typing import BinaryIO

from reviewer.workspace.errors import WorkspaceError, WorkspaceLocked

_LOCK_OFFSET = 1 << 20

if sys.platform == "win32":
    import msvcrt

    def _try_lock(handle: BinaryIO) -> bool:
        handle.seek(_LOCK_OFFSET)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(handle: BinaryIO) -> None:
        handle.seek(_LOCK_OFFSET)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(handle: BinaryIO) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(handle: BinaryIO) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def lock_path(workspace: Path) -> Path:
    return workspace.with_name(workspace.name + ".lock")


class WorkspaceLock:
    """Held from :meth:`acquire` until :meth:`release` (or the process ends)."""

    def __init__(self, workspace: Path) -> None:
        self.workspace = workspace
        self.path = lock_path(workspace)
        self._handle: BinaryIO | None = None

    def acquire(self) -> None:
        try:
            handle = open(self.path, "a+b")
        except OSError as error:
            raise WorkspaceError(f"无法创建工作区锁文件：{self.path}（{error.strerror or error}）") from error
        if not _try_lock(handle):
            handle.seek(0)
            holder = handle.read(200).decode("utf-8", errors="replace").strip()
            handle.close()
            raise WorkspaceLocked(self.workspace, holder)
        handle.seek(0)
        handle.truncate()
        handle.write(f"{socket.gethostname()}/{os.getpid()}".encode())
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        if self._handle is None:
            return
        try:
            _unlock(self._handle)
        finally:
            self._handle.close()
            self._handle = None

    @property
    def held(self) -> bool:
        return self._handle is not None
