"""``reviewer search`` reads a workspace the window has open: a read-only connection, no lock, no write."""
from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys

from reviewer.workspace import Workspace
from reviewer.workspace.backup import backups_dir
from reviewer.workspace.textfold import fold
from tests.workspace.test_cli import reviewer
from tests.workspace.v1_workspace import build_v1_workspace

HOLD_WITH_A_WRITE_OPEN = """
import sys
from reviewer.workspace import Workspace
ws = Workspace.open(sys.argv[1], backup=False)
ws._conn.execute("BEGIN IMMEDIATE")
ws._conn.execute("UPDATE settings SET value = value")
print("ready", flush=True)
sys.stdin.readline()
ws._conn.execute("COMMIT")
ws.set_reviewer_name("李审阅")
ws.close()
print("closed", flush=True)
"""


def test_search_runs_while_another_program_holds_the_workspace_and_its_write_lock(tmp_path, sample_files):
    path = tmp_path / "ws.sqlite"
    with Workspace.open(path, backup=False) as ws:
        texts = [ws.report(ws.import_file(p).report_id).analysis.text for p in sample_files]
        ws.set_reviewer_name("张审阅")
    holder = subprocess.Popen([sys.executable, "-c", HOLD_WITH_A_WRITE_OPEN, str(path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, env=os.environ | {"PYTHONIOENCODING": "utf-8"})
    try:
        assert holder.stdout.readline().strip() == "ready"
        lock_text = (tmp_path / "ws.sqlite.lock").read_text()
        assert lock_text.endswith(f"/{holder.pid}")

        found = reviewer("search", str(path), "行政复议")

        assert found.returncode == 0, found.stderr
        lines = [line.split("\t") for line in found.stdout.splitlines()]
        expected = sum(fold(text).count("行政复议") for text in texts)
        in_reports = sum(1 for text in texts if "行政复议" in text)
        assert len(lines) == min(50, expected)
        assert all(title and "行政复议" in snippet for _rid, title, _span, snippet in lines)
        assert found.stderr.strip().startswith(f"在 {in_reports} 份报告中找到 {expected} 处")
        everything = reviewer("search", str(path), "行政复议", "--limit", "0")
        assert len(everything.stdout.splitlines()) == expected
        assert (tmp_path / "ws.sqlite.lock").read_text() == lock_text, "the lock was not touched"
        assert list(backups_dir(path).glob("*")) == [], "no backup taken"
    finally:
        holder.stdin.write("\n")
        holder.stdin.flush()
        assert holder.stdout.readline().strip() == "closed", "the holder could still commit"
        holder.wait(timeout=60)
    with Workspace.open(path) as ws:
        assert ws.reviewer_name == "李审阅"


def test_search_says_in_one_line_that_an_old_workspace_must_be_upgraded_and_leaves_it_as_it_was(
        tmp_path, sample_files):
    path = tmp_path / "旧工作区.sqlite"
    build_v1_workspace(path, sample_files[:2])
    before = hashlib.sha256(path.read_bytes()).hexdigest()

    done = reviewer("search", str(path), "复议")

    assert done.returncode == 1
    assert done.stdout == ""
    message = done.stderr.strip()
    assert len(message.splitlines()) == 1 and "工作区需要升级" in message
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()
