"""A second program gets WorkspaceLocked; workers of the owning program share the file."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from reviewer.workspace import Workspace, WorkspaceLocked

TRY_OPEN = """
import sys
from reviewer.workspace import Workspace, WorkspaceLocked
try:
    Workspace.open(sys.argv[1]).close()
except WorkspaceLocked as error:
    print("LOCKED", error.holder)
    print(error.message)
else:
    print("OPENED")
"""


def try_open_in_another_process(path) -> str:
    done = subprocess.run([sys.executable, "-c", TRY_OPEN, str(path)], capture_output=True, text=True,
                          encoding="utf-8", timeout=60, env=os.environ | {"PYTHONIOENCODING": "utf-8"})
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_second_process_gets_workspace_locked_until_the_first_closes(ws_path):
    ws = Workspace.open(ws_path)
    output = try_open_in_another_process(ws_path)
    assert output.startswith("LOCKED")
    assert f"/{os.getpid()}" in output.splitlines()[0]
    assert "工作区正被另一个程序使用" in output
    ws.close()
    assert try_open_in_another_process(ws_path).startswith("OPENED")


def test_lock_of_a_killed_program_is_not_stale(ws_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time\nfrom reviewer.workspace import Workspace\n"
         "ws = Workspace.open(sys.argv[1])\nprint('ready', flush=True)\ntime.sleep(60)", str(ws_path)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(WorkspaceLocked):
            Workspace.open(ws_path)
    finally:
        holder.kill()
        holder.wait()
    Workspace.open(ws_path).close()


def test_same_process_second_owner_is_refused_but_workers_share(ws, ws_path, sample_files):
    with pytest.raises(WorkspaceLocked):
        Workspace.open(ws_path)
    with Workspace.open(ws_path, lock=False) as worker:
        worker.import_file(sample_files[0])
    assert len(ws.reports()) == 1


def test_a_symlink_to_an_open_workspace_does_not_let_a_second_writer_in(ws, ws_path, tmp_path):
    link = tmp_path / "链接.sqlite"
    link.symlink_to(ws_path)
    assert try_open_in_another_process(link).startswith("LOCKED")
    with pytest.raises(WorkspaceLocked):
        Workspace.open(link)


def test_a_hard_link_to_an_open_workspace_does_not_let_a_second_writer_in(ws, ws_path, sample_files, tmp_path):
    ws.import_file(sample_files[0])
    other_folder = tmp_path / "另一个文件夹"
    other_folder.mkdir()
    link = other_folder / "硬链接.sqlite"
    os.link(ws_path, link)
    output = try_open_in_another_process(link)
    assert output.startswith("LOCKED")
    assert "工作区正被另一个程序使用" in output
    with pytest.raises(WorkspaceLocked):
        Workspace.open(link)
    ws.close()
    assert try_open_in_another_process(link).startswith("OPENED")
