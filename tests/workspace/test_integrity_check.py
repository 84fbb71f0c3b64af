"""The deep check (SQLite's integrity check and the workspace's consistency checks): run on demand by
``reviewer check``, and after an unclean shutdown in the background instead of while opening."""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reviewer.workspace import Workspace
from reviewer.workspace.integrity import CheckCancelled, check_workspace
from reviewer.workspace.lock import lock_path


@pytest.fixture
def sound(tmp_path, sample_files) -> Path:
    path = tmp_path / "完好.sqlite"
    with Workspace.open(path, backup=False) as ws:
        for sample in sample_files[:2]:
            report_id = ws.import_file(sample).report_id
            ws.add_annotation(report_id, 0, 4, "批注")
    return path


def damaged_copy(sound: Path, target: Path, *statements: str) -> Path:
    shutil.copyfile(sound, target)
    conn = sqlite3.connect(target)
    conn.execute("PRAGMA foreign_keys=OFF")
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()
    return target


COUNTS_WRONG = "UPDATE report_counts SET open_findings = open_findings + 7 WHERE report_id = (SELECT min(id) FROM reports)"
ORPHAN = ("INSERT INTO annotations (report_id, tag, severity, created_at, updated_at) "
          "VALUES (999, 'problem', 'warning', '2026-01-01', '2026-01-01')")
ITEM_UNREADABLE = "UPDATE items SET machine = '{\"value\": 1' WHERE id = (SELECT min(id) FROM items)"


def run_check(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reviewer", "check", str(path)], capture_output=True, text=True,
                          encoding="utf-8", timeout=120, env=os.environ | {"PYTHONIOENCODING": "utf-8"})


def test_a_sound_workspace_has_no_problems_and_check_exits_0(sound):
    assert check_workspace(sound) == []
    result = run_check(sound)
    assert result.returncode == 0
    assert "工作区完好" in result.stdout and "Traceback" not in result.stderr


def test_check_names_wrong_counts_orphans_and_unreadable_items_and_exits_1(sound, tmp_path):
    target = damaged_copy(sound, tmp_path / "损坏.sqlite", COUNTS_WRONG, ORPHAN, ITEM_UNREADABLE)
    problems = check_workspace(target)
    assert any("问题数或待审数与其审阅条目不符" in p for p in problems)
    assert any("批注（annotations）中有 1 条记录指向已不存在的报告" in p for p in problems)
    assert any("审阅条目内容已损坏" in p for p in problems)
    result = run_check(target)
    assert result.returncode == 1
    assert "工作区有 3 处问题" in result.stdout and "不符" in result.stdout
    assert "Traceback" not in result.stderr


def test_check_finds_a_damaged_index_page(sound, tmp_path):
    target = tmp_path / "页面损坏.sqlite"
    shutil.copyfile(sound, target)
    conn = sqlite3.connect(target)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'items_report'").fetchone()[0]
    conn.close()
    with open(target, "r+b") as handle:
        handle.seek((root - 1) * page_size + 8)
        handle.write(b"\xff" * 64)
    assert any("文件结构已损坏" in p for p in check_workspace(target))
    result = run_check(target)
    assert result.returncode == 1 and "文件结构已损坏" in result.stdout and "Traceback" not in result.stderr


def test_check_of_a_file_that_is_no_workspace_exits_1_with_a_message(tmp_path):
    other = tmp_path / "别的.txt"
    other.write_text("不是工作区", encoding="utf-8")
    result = run_check(other)
    assert result.returncode == 1 and "不是审阅工作区" in result.stderr and "Traceback" not in result.stderr
    assert run_check(tmp_path / "没有.sqlite").returncode == 1


def test_a_cancelled_check_says_so(sound):
    with pytest.raises(CheckCancelled):
        check_workspace(sound, cancelled=lambda: True)


def unclean(path: Path) -> None:
    """What a killed program leaves: a lock side file that does not say the workspace was closed."""
    lock_path(path).write_text("host/1")


def test_after_an_unclean_shutdown_the_deferred_check_runs_beside_the_open_workspace(sound, tmp_path):
    target = damaged_copy(sound, tmp_path / "计数有误.sqlite", COUNTS_WRONG)
    unclean(target)
    ws = Workspace.open(target, defer_check=True)
    assert ws.deep_check_due
    assert ws.reports(), "the work can be read while the check runs"
    steps: list[str] = []
    problems = check_workspace(target, progress=lambda done, total, step: steps.append(step))
    assert steps[:4] == ["检查文件结构", "检查记录之间的关联", "核对报告计数", "检查记录内容"]
    assert any("不符" in p for p in problems)
    ws.deep_check_finished(problems)
    ws.close()
    with Workspace.open(target, defer_check=True) as again:
        assert again.deep_check_due, "damage found: checked again at the next open"
        again.deep_check_finished([])
    with Workspace.open(target, defer_check=True) as after:
        assert not after.deep_check_due, "reported sound and closed cleanly: no check"


def test_a_deferred_check_not_finished_is_due_again(sound):
    unclean(sound)
    Workspace.open(sound, defer_check=True).close()
    with Workspace.open(sound, defer_check=True) as ws:
        assert ws.deep_check_due


def test_without_deferring_an_unclean_shutdown_is_still_checked_while_opening(sound, tmp_path, monkeypatch):
    from reviewer.workspace import workspace as workspace_module

    checks = []
    monkeypatch.setattr(workspace_module, "quick_check", lambda conn: checks.append(1))
    unclean(sound)
    with Workspace.open(sound) as ws:
        assert not ws.deep_check_due
    assert checks == [1]
