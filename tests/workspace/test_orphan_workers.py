"""Killing an importing program ends its analysis worker processes and multiprocessing's resource
tracker too, within a bounded wait (a guard, not a timing target)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the process table from /proc")

IMPORTING = """
import sys
from pathlib import Path
from reviewer.workspace import Workspace, import_files
files = sorted(Path(sys.argv[2]).glob("*.txt"))
with Workspace.open(sys.argv[1]) as ws:
    import_files(ws, files, progress=lambda *a: print("stored", flush=True), workers=2)
"""


def children_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_killed_importer_leaves_no_worker_processes(tmp_path):
    folder = tmp_path / "报告"
    folder.mkdir()
    body = "一、工作情况\n" + "办理行政复议案件12件，同比增长20%。\n" * 400
    for number in range(60):
        (folder / f"{number:02d}镇.txt").write_text(f"{number}镇2023年法治政府建设年度报告\n{body}", encoding="utf-8")
    importer = subprocess.Popen([sys.executable, "-c", IMPORTING, str(tmp_path / "ws.sqlite"), str(folder)],
                                stdout=subprocess.PIPE, text=True)
    try:
        assert importer.stdout.readline().strip() == "stored"
        descendants = children_of(importer.pid)
        descendants += [grandchild for child in descendants for grandchild in children_of(child)]
        assert len(descendants) >= 2, "the workers (and the resource tracker) are running"
    finally:
        importer.send_signal(signal.SIGKILL)
        importer.wait()
    deadline = time.monotonic() + 30
    while any(alive(pid) for pid in descendants) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = [pid for pid in descendants if alive(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert not left, "workers outlived the killed importer"
