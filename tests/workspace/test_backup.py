from __future__ import annotations

import os
import sqlite3
import threading
from datetime import timedelta

import pytest

from reviewer.workspace import Workspace, WorkspaceCorrupt, WorkspaceError, backup
from reviewer.workspace.backup import KEEP_BACKUPS, list_backups


@pytest.fixture
def no_backup_interval(monkeypatch):
    monkeypatch.setattr(backup, "MIN_BACKUP_INTERVAL", timedelta(0))


def test_backups_rotate_and_skip_when_nothing_changed(ws_path, no_backup_interval, monkeypatch):
    monkeypatch.setattr(backup, "BUDGET_TIMES", 100)
    for round_number in range(KEEP_BACKUPS + 3):
        with Workspace.open(ws_path) as ws:
            ws.set_reviewer_name(f"审阅人{round_number}")
    autos = [b for b in list_backups(ws_path) if b.reason == "auto"]
    assert len(autos) == KEEP_BACKUPS
    assert [b.history_mark for b in autos] == sorted((b.history_mark for b in autos), reverse=True)
    assert autos[0].history_mark == KEEP_BACKUPS + 2, "the newest backup holds the state before the last session"
    Workspace.open(ws_path).close()
    newest = list_backups(ws_path)[0]
    Workspace.open(ws_path).close()
    assert list_backups(ws_path)[0] == newest, "unchanged since the newest backup: no new one"
    copy = sqlite3.connect(newest.path)
    assert copy.execute("SELECT value FROM settings WHERE key = 'reviewer_name'").fetchone()[0] == f"审阅人{KEEP_BACKUPS + 2}"
    copy.close()


def test_a_late_background_backup_still_copies_the_state_before_the_session(ws_path, no_backup_interval, monkeypatch):
    with Workspace.open(ws_path) as ws:
        ws.set_reviewer_name("甲")
    copy_late = backup.take_rotating_backup

    def after_the_first_edit(*args, **kwargs):
        edited.wait(timeout=30)
        return copy_late(*args, **kwargs)

    edited = threading.Event()
    monkeypatch.setattr(backup, "take_rotating_backup", after_the_first_edit)
    with Workspace.open(ws_path) as ws:
        ws.set_reviewer_name("乙")
        edited.set()
    newest = list_backups(ws_path)[0]
    copy = sqlite3.connect(newest.path)
    assert copy.execute("SELECT value FROM settings WHERE key = 'reviewer_name'").fetchone()[0] == "甲"
    copy.close()


def test_backups_together_take_at_most_twice_the_workspace(ws_path, sample_files, no_backup_interval):
    for path in sample_files[:4]:
        with Workspace.open(ws_path) as ws:
            ws.import_file(path)
    Workspace.open(ws_path).close()
    autos = [b for b in list_backups(ws_path) if b.reason == "auto"]
    assert autos and autos[0].history_mark == 4, "the newest backup is always kept"
    assert sum(b.path.stat().st_size for b in autos) <= backup.BUDGET_TIMES * ws_path.stat().st_size


def test_recent_backup_is_not_repeated(ws_path):
    for name in ("甲", "乙", "丙"):
        with Workspace.open(ws_path) as ws:
            ws.set_reviewer_name(name)
    assert len(list_backups(ws_path)) == 1


def corrupt_middle(path) -> None:
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        handle.seek(size // 3)
        handle.write(os.urandom(size // 3))


def test_damaged_file_is_reported_and_restored_from_the_newest_good_backup(ws_path, sample_files, no_backup_interval):
    with Workspace.open(ws_path) as ws:
        for path in sample_files[:3]:
            ws.import_file(path)
        report_id = ws.reports()[0].id
        ws.add_annotation(report_id, None, None, "备份中的批注")
    with Workspace.open(ws_path) as ws:  # takes the backup
        ws.import_file(sample_files[3])
    corrupt_middle(ws_path)

    with pytest.raises(WorkspaceCorrupt) as caught:
        Workspace.open(ws_path, check=True)
    assert "损坏" in caught.value.message
    assert caught.value.backups == [b.path for b in list_backups(ws_path)][: len(caught.value.backups)]
    assert caught.value.backups

    restored = Workspace.restore_backup(ws_path)
    assert restored.backup == caught.value.backups[0]
    assert restored.damaged_copy.exists() and restored.damaged_copy.stat().st_size > 0
    with Workspace.open(ws_path) as ws:
        assert len(ws.reports()) == 3
        assert ws.annotations(report_id)[0].comment == "备份中的批注"
        assert ws.search("法治")


def test_damaged_backup_is_not_offered(ws_path, sample_files, no_backup_interval):
    with Workspace.open(ws_path) as ws:
        ws.import_file(sample_files[0])
    with Workspace.open(ws_path) as ws:
        ws.import_file(sample_files[1])
    only = list_backups(ws_path)[0].path
    corrupt_middle(only)
    corrupt_middle(ws_path)
    with pytest.raises(WorkspaceCorrupt) as caught:
        Workspace.open(ws_path, check=True)
    assert caught.value.backups == []
    with pytest.raises(WorkspaceError, match="已损坏"):
        Workspace.restore_backup(ws_path, only)
    assert ws_path.exists(), "nothing moved when there is nothing to restore"


def test_integrity_is_checked_deeply_only_after_an_unclean_shutdown(ws_path, sample_files, monkeypatch):
    import subprocess
    import sys

    from reviewer.workspace import workspace as workspace_module

    with Workspace.open(ws_path) as ws:
        ws.import_file(sample_files[0])
    checks = []
    real_check = workspace_module.quick_check
    monkeypatch.setattr(workspace_module, "quick_check", lambda conn: checks.append(1) or real_check(conn))
    Workspace.open(ws_path).close()
    assert checks == [], "closed cleanly: no deep check"

    killed = subprocess.Popen(
        [sys.executable, "-c", "import sys, time\nfrom reviewer.workspace import Workspace\n"
         "ws = Workspace.open(sys.argv[1], backup=False)\nprint('ready', flush=True)\ntime.sleep(60)", str(ws_path)],
        stdout=subprocess.PIPE, text=True,
    )
    assert killed.stdout.readline().strip() == "ready"
    killed.kill()
    killed.wait()
    Workspace.open(ws_path).close()
    assert checks == [1], "killed before closing: checked deeply once"
    Workspace.open(ws_path).close()
    assert checks == [1]


def test_a_new_backup_that_is_not_sound_never_replaces_the_older_ones(ws_path, sample_files, no_backup_interval,
                                                                       monkeypatch):
    with Workspace.open(ws_path) as ws:
        ws.import_file(sample_files[0])
    Workspace.open(ws_path).close()
    [sound] = list_backups(ws_path)
    with Workspace.open(ws_path) as ws:
        ws.import_file(sample_files[1])
    monkeypatch.setattr(backup, "BUDGET_TIMES", 0)
    monkeypatch.setattr(backup, "is_sound", lambda path: path == sound.path)
    Workspace.open(ws_path).close()
    assert list_backups(ws_path) == [sound]
