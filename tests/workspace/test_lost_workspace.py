"""A workspace file that is gone, empty or half-restored never opens as a new empty workspace while
sound backups exist: the backups are offered, in the CLI with a Chinese message and exit status 1."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from datetime import timedelta

import pytest

from reviewer.workspace import Workspace, WorkspaceCorrupt, backup
from reviewer.workspace.backup import list_backups, restoring_path


@pytest.fixture
def backed_up(ws_path, sample_files, monkeypatch):
    """A workspace with two reports and a sound backup holding both."""
    monkeypatch.setattr(backup, "MIN_BACKUP_INTERVAL", timedelta(0))
    with Workspace.open(ws_path) as ws:
        for path in sample_files[:2]:
            ws.import_file(path)
    Workspace.open(ws_path).close()
    assert list_backups(ws_path)
    return ws_path


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reviewer", *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=120, env=os.environ | {"PYTHONIOENCODING": "utf-8"})


@pytest.mark.parametrize("loss", ["empty", "missing"])
def test_lost_workspace_with_sound_backups_offers_them_instead_of_a_new_one(backed_up, loss):
    if loss == "empty":
        backed_up.write_bytes(b"")
    else:
        backed_up.unlink()

    with pytest.raises(WorkspaceCorrupt) as caught:
        Workspace.open(backed_up)
    assert caught.value.backups == [list_backups(backed_up)[0].path]
    assert not backed_up.exists() or backed_up.stat().st_size == 0, "no new workspace was made"

    result = run_cli("search", str(backed_up), "法治")
    assert result.returncode == 1
    assert "备份" in result.stderr and str(caught.value.backups[0]) in result.stderr
    assert "Traceback" not in result.stderr

    Workspace.restore_backup(backed_up)
    with Workspace.open(backed_up) as ws:
        assert len(ws.reports()) == 2


def test_restore_command_puts_the_newest_backup_back(backed_up):
    backed_up.write_bytes(b"")
    result = run_cli("restore", str(backed_up))
    assert result.returncode == 0, result.stderr
    assert "已从备份恢复" in result.stderr
    with Workspace.open(backed_up) as ws:
        assert len(ws.reports()) == 2


def test_complete_copy_left_by_an_interrupted_restore_is_put_in_place(backed_up):
    newest = list_backups(backed_up)[0].path
    backed_up.write_bytes(b"")
    restoring_path(backed_up).write_bytes(newest.read_bytes())
    with Workspace.open(backed_up) as ws:
        assert len(ws.reports()) == 2
    assert not restoring_path(backed_up).exists()


def test_incomplete_copy_left_by_an_interrupted_restore_offers_the_backups_again(backed_up):
    newest = list_backups(backed_up)[0].path
    restoring_path(backed_up).write_bytes(newest.read_bytes()[:5000])
    with pytest.raises(WorkspaceCorrupt) as caught:
        Workspace.open(backed_up)
    assert caught.value.backups and "恢复" in caught.value.message
    assert not restoring_path(backed_up).exists()


RESTORE = """
import sys
from reviewer.workspace import Workspace
print("ready", flush=True)
Workspace.restore_backup(sys.argv[1])
print("done", flush=True)
"""


def test_kill_during_restore_always_leaves_a_workspace_to_open_or_restore(backed_up, sample_files):
    """Killed at random moments (seeded): afterwards the workspace opens, or says it is damaged and
    offers the backups; restoring then always succeeds. Never a new empty workspace."""
    with Workspace.open(backed_up) as ws:
        ws.import_file(sample_files[2])  # the workspace now differs from the backup (3 reports vs 2)
    chance = random.Random(13)
    outcomes = set()
    for _run in range(25):
        child = subprocess.Popen([sys.executable, "-c", RESTORE, str(backed_up)], stdout=subprocess.PIPE, text=True)
        assert child.stdout.readline().strip() == "ready"
        time.sleep(chance.uniform(0.0, 0.08))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        try:
            with Workspace.open(backed_up) as ws:
                count = len(ws.reports())
        except WorkspaceCorrupt as error:
            assert error.backups
            outcomes.add("offered backups")
            Workspace.restore_backup(backed_up)
            with Workspace.open(backed_up) as ws:
                count = len(ws.reports())
        assert count in (2, 3)
        outcomes.add(count)
        assert not restoring_path(backed_up).exists()
    assert outcomes & {2, 3}
