"""One program at a time per workspace file, whatever name it is opened by.

Two OS locks, both released by the operating system when the holder exits or is killed (never stale):

- a side file ``<real path>.lock`` next to the file the path really names (symlinks resolved), whose
  text names the holder (host/pid) for the message the second program shows, and says ``closed``
  once the holder closed the workspace cleanly (so the next open knows whether to check it deeply);
- on POSIX systems also a ``flock`` on the database file itself, so a hard link (another name for
  the same file, with a side file of its own) cannot let a second writer in either. ``flock`` locks
  are separate from the POSIX record locks SQLite takes, so they never disturb SQLite's own locking.

On Windows the locked byte of the side file lies far past the text, because a locked range cannot be
read there.
"""
from __future__ import annotations

import os
import socket
import sys
from pathlib import Path
from typing import BinaryIO

from reviewer.workspace.errors import WorkspaceError, WorkspaceLocked

_LOCK_OFFSET = 1 << 20
CLEAN_CLOSE = "closed"
"""The side file's text after the holder closed the workspace cleanly."""

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

    def _try_lock_file_itself(path: Path) -> BinaryIO | None:
        return None

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

    def _try_lock_file_itself(path: Path) -> BinaryIO | None:
        """The open, locked database file; raises :class:`OSError` with EWOULDBLOCK when held."""
        handle = open(path, "rb")
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            raise
        return handle


def real_path(workspace: Path) -> Path:
    """The file ``workspace`` names, symlinks resolved (the file itself need not exist yet)."""
    return Path(os.path.realpath(workspace))


def lock_path(workspace: Path) -> Path:
    real = real_path(workspace)
    return real.with_name(real.name + ".lock")


class WorkspaceLock:
    """Held from :meth:`acquire` until :meth:`release` (or the process ends)."""

    def __init__(self, workspace: Path) -> None:
        self.workspace = workspace
        self.path = lock_path(workspace)
        self._handle: BinaryIO | None = None
        self._file_handle: BinaryIO | None = None
        self.closed_cleanly_before = False
        """Whether the previous holder closed the workspace cleanly (set by :meth:`acquire`)."""

    def acquire(self) -> None:
        try:
            handle = open(self.path, "a+b")
        except OSError as error:
            raise WorkspaceError(f"无法创建工作区锁文件：{self.path}（{error.strerror or error}）") from error
        if not _try_lock(handle):
            holder = _read_text(handle)
            handle.close()
            raise WorkspaceLocked(self.workspace, "" if holder == CLEAN_CLOSE else holder)
        self.closed_cleanly_before = _read_text(handle) == CLEAN_CLOSE
        self._handle = handle
        self._write(f"{socket.gethostname()}/{os.getpid()}")
        self.lock_file_itself()

    def lock_file_itself(self) -> None:
        """Lock the database file too, once it exists (another name for it must not get in)."""
        if self._file_handle is not None or not self.workspace.exists():
            return
        try:
            self._file_handle = _try_lock_file_itself(self.workspace)
        except BlockingIOError as error:
            self.release(clean=False)
            raise WorkspaceLocked(self.workspace, "") from error
        except OSError:
            self._file_handle = None  # unreadable here: opening it will say so

    def release(self, clean: bool = False) -> None:
        """``clean``: the workspace was closed properly, the next open need not check it deeply."""
        if self._file_handle is not None:
            self._file_handle.close()
            self._file_handle = None
        if self._handle is None:
            return
        if clean:
            self._write(CLEAN_CLOSE)
        try:
            _unlock(self._handle)
        finally:
            self._handle.close()
            self._handle = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def _write(self, text: str) -> None:
        """Best effort: on a full disk the lock holds all the same, only its text is missing."""
        assert self._handle is not None
        try:
            self._handle.seek(0)
            self._handle.truncate()
            self._handle.write(text.encode())
            self._handle.flush()
        except OSError:
            pass


def _read_text(handle: BinaryIO) -> str:
    handle.seek(0)
    return handle.read(200).decode("utf-8", errors="replace").strip()
