"""Running a converter program with a time limit, its whole process tree killed when it runs over."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path


class TimeLimitExceeded(Exception):
    """The program was still running at the time limit; it and every process it started were killed."""


def run_with_time_limit(command: list[str], cwd: Path, time_limit: float, log: Path) -> int:
    """Run ``command`` in ``cwd`` with no input and its output written to ``log``; its exit status.

    The program runs in a process group (a new session on POSIX, a new process group on Windows) so that at
    the time limit the office suite's helper processes are killed with it. OSError when it cannot start."""
    options: dict[str, object] = {}
    if sys.platform == "win32":
        options["creationflags"] = subprocess.CREATE_NEW_PROCESS_GROUP | subprocess.CREATE_NO_WINDOW
    else:
        options["start_new_session"] = True
    with log.open("wb") as output:
        process = subprocess.Popen(command, cwd=cwd, stdin=subprocess.DEVNULL, stdout=output,
                                   stderr=subprocess.STDOUT, **options)  # type: ignore[call-overload]
        try:
            status = int(process.wait(timeout=time_limit))
        except subprocess.TimeoutExpired:
            raise TimeLimitExceeded from None
        finally:
            kill_tree(process)  # also the helpers a finished program may have left running
    return status


def kill_tree(process: subprocess.Popen[bytes]) -> None:
    """Kill ``process`` and every process it started, and reap it."""
    if sys.platform == "win32":
        if process.poll() is not None:
            return
        subprocess.run(["taskkill", "/F", "/T", "/PID", str(process.pid)], stdin=subprocess.DEVNULL,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    else:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    if process.poll() is None:
        process.kill()
    process.wait()
