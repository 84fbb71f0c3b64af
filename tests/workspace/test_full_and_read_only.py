"""A full disk and a read-only file: changes fail with a Chinese WorkspaceError, reading still works,
a due backup never fails a command nor leaves a partial copy. Root bypasses file permissions and
disk quotas, so a full disk is made with SQLite's max_page_count or a file-size limit in a child."""
from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta

import pytest

from reviewer.workspace import Workspace, WorkspaceError, backup, import_files
from reviewer.workspace.backup import backups_dir, list_backups
from reviewer.workspace.errors import WorkspaceFull, WorkspaceReadOnly


def fill_up(ws: Workspace) -> None:
    """No page can be added to the file any more: what a full disk does to SQLite."""
    pages = ws._conn.execute("PRAGMA page_count").fetchone()[0]
    ws._conn.execute(f"PRAGMA max_page_count={pages}")


def test_edits_on_a_full_disk_raise_workspace_full_and_keep_the_work(ws_path, sample_files):
    with Workspace.open(ws_path) as ws:
        report_id = ws.import_file(sample_files[0]).report_id
        fill_up(ws)
        with pytest.raises(WorkspaceFull) as caught:
            for number in range(200):
                ws.add_annotation(report_id, None, None, "很长的批注" * 200 + str(number))
        assert "磁盘空间已满" in caught.value.message
        assert ws.reports()[0].id == report_id, "reading still works"
    with Workspace.open(ws_path) as ws:
        assert len(ws.reports()) == 1


def test_import_on_a_full_disk_reports_each_file(ws_path, sample_files):
    with Workspace.open(ws_path) as ws:
        fill_up(ws)
        results = import_files(ws, sample_files[:2], workers=1)
    assert [type(outcome) for _path, outcome in results] == [WorkspaceFull, WorkspaceFull]


FILE_SIZE_LIMITED = """
import resource, signal, sys
from datetime import timedelta
from reviewer.workspace import Workspace, backup
backup.MIN_BACKUP_INTERVAL = timedelta(0)
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
limit = int(sys.argv[2])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
with Workspace.open(sys.argv[1]) as ws:
    print(len(ws.search("法治")), len(ws.reports()))
"""


def test_a_due_backup_on_a_full_disk_fails_nothing_and_leaves_no_partial_copy(ws_path, sample_files, monkeypatch):
    monkeypatch.setattr(backup, "MIN_BACKUP_INTERVAL", timedelta(0))
    with Workspace.open(ws_path) as ws:
        for path in sample_files[:3]:
            ws.import_file(path)
    Workspace.open(ws_path).close()
    before = list_backups(ws_path)
    with Workspace.open(ws_path) as ws:
        ws.set_reviewer_name("乙")  # a backup is due at the next open
    limit = ws_path.stat().st_size // 2
    result = subprocess.run([sys.executable, "-c", FILE_SIZE_LIMITED, str(ws_path), str(limit)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[1] == "3"
    assert list_backups(ws_path) == before
    assert not list(backups_dir(ws_path).glob("*.partial"))


def test_partial_copies_of_an_interrupted_backup_are_removed_on_open(ws_path, sample_files):
    with Workspace.open(ws_path) as ws:
        ws.import_file(sample_files[0])
    stale = backups_dir(ws_path) / "审阅工作区-20260101-000000-000000-auto-h1.partial"
    stale.parent.mkdir(exist_ok=True)
    stale.write_bytes(b"x" * 1000)
    Workspace.open(ws_path).close()
    assert not stale.exists()


def test_read_only_file_can_be_read_and_says_why_it_cannot_be_changed(ws_path, sample_files, monkeypatch):
    with Workspace.open(ws_path) as ws:
        report_id = ws.import_file(sample_files[0]).report_id
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode: False if mode == os.W_OK else real_access(path, mode))

    ws = Workspace.open(ws_path)
    assert ws.read_only
    assert ws.reports()[0].id == report_id
    assert ws.search("法治")
    with pytest.raises(WorkspaceReadOnly) as caught:
        ws.set_review(report_id, verdict="pass")
    assert "只读" in caught.value.message
    ws.close()
    assert not list_backups(ws_path)


def test_explicit_read_only_connection_never_raises_on_close(ws_path, sample_files):
    with Workspace.open(ws_path) as ws:
        ws.import_file(sample_files[0])
    with Workspace.open(ws_path, read_only=True) as ws:
        assert len(ws.reports()) == 1
        with pytest.raises(WorkspaceError):
            ws.set_reviewer_name("甲")


def test_workspace_on_a_full_disk_still_opens_for_reading(ws_path, sample_files, monkeypatch):
    import sqlite3

    from reviewer.workspace import db
    from reviewer.workspace import workspace as workspace_module

    with Workspace.open(ws_path) as ws:
        report_id = ws.import_file(sample_files[0]).report_id
    real_connect = db.connect

    def full_disk(path, read_only=False):
        if not read_only:
            error = sqlite3.OperationalError("database or disk is full")
            error.sqlite_errorcode = sqlite3.SQLITE_FULL
            raise error
        return real_connect(path, read_only=True)

    monkeypatch.setattr(workspace_module, "connect", full_disk)
    with Workspace.open(ws_path) as ws:
        assert ws.read_only
        assert ws.reports()[0].id == report_id
        with pytest.raises(WorkspaceReadOnly):
            ws.set_review(report_id, remarks="写不进去")
