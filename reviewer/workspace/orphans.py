"""Analysis worker processes end with the program that started them, even when it is killed.

A killed program cannot shut its process pool down, and the workers (each holding both ends of the
pool's queues) would wait for work forever, keeping multiprocessing's resource tracker alive with
them. :func:`die_with_parent` runs first in every worker: on Linux the kernel kills the worker when
its parent dies (``PR_SET_PDEATHSIG``); elsewhere a daemon thread watches the parent and ends the
worker once it is gone.
"""
from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1
POLL_SECONDS = 1.0


def die_with_parent(parent_pid: int) -> None:
    """Pool initializer: end this process when ``parent_pid`` ends."""
    if sys.platform.startswith("linux") and _ask_kernel_for_death_signal():
        if os.getppid() != parent_pid:  # the parent died before the request took effect
            os._exit(1)
        return
    threading.Thread(target=_watch, args=(parent_pid,), name="reviewer-parent-watch", daemon=True).start()


def _ask_kernel_for_death_signal() -> bool:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False


def _watch(parent_pid: int) -> None:
    if sys.platform == "win32":
        _wait_for_windows_process(parent_pid)
    else:
        while os.getppid() == parent_pid:
            time.sleep(POLL_SECONDS)
    os._exit(1)


def _wait_for_windows_process(pid: int) -> None:
    synchronize, infinite = 0x00100000, 0xFFFFFFFF
    kernel32 = ctypes.WinDLL("kernel32")  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(synchronize, False, pid)
    if not handle:
        return
    kernel32.WaitForSingleObject(handle, infinite)
    kernel32.CloseHandle(handle)
