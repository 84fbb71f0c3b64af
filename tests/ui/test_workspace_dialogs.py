"""A workspace that cannot simply be opened: in use, damaged, too new — each gets a clear dialog."""
from __future__ import annotations

import os
import sqlite3
from datetime import timedelta
from pathlib import Path

from reviewer.ui.workspace_opening import open_workspace_interactively
from reviewer.workspace import SCHEMA_VERSION, Workspace, backup
from tests.ui.conftest import when_dialog_opens


def click_button(dialog, text: str) -> None:
    next(button for button in dialog.buttons() if button.text() == text).click()


def test_workspace_in_use_elsewhere_offers_retry_and_quit(qtbot, tmp_path):
    path = tmp_path / "workspace.sqlite"
    holder = Workspace.open(path)
    seen = []

    def answer(dialog):
        seen.append((dialog.windowTitle(), dialog.text()))
        click_button(dialog, "退出")

    when_dialog_opens(qtbot, answer)
    try:
        assert open_workspace_interactively(path) is None
    finally:
        holder.close()
    assert seen and seen[0][0] == "工作区正在使用中"
    assert str(os.getpid()) in seen[0][1]


def test_retry_opens_once_the_other_program_has_closed_it(qtbot, tmp_path):
    path = tmp_path / "workspace.sqlite"
    holder = Workspace.open(path)

    def answer(dialog):
        holder.close()
        click_button(dialog, "重试")

    when_dialog_opens(qtbot, answer)
    ws = open_workspace_interactively(path)
    assert ws is not None
    ws.close()


def test_damaged_workspace_is_restored_from_the_newest_backup(qtbot, tmp_path, demo_files, monkeypatch):
    monkeypatch.setattr(backup, "MIN_BACKUP_INTERVAL", timedelta(0))
    path = tmp_path / "workspace.sqlite"
    with Workspace.open(path) as ws:
        for file in demo_files[:2]:
            ws.import_file(file)
    Workspace.open(path).close()  # the backup holds both reports
    Path(f"{path}.lock").write_text("host/12345")  # as a killed program leaves it: checked deeply on open
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        handle.seek(size // 3)
        handle.write(os.urandom(size // 3))

    titles = []

    def answer(dialog):
        titles.append(dialog.windowTitle())
        click_button(dialog, "恢复最近的备份")

    when_dialog_opens(qtbot, answer)
    ws = open_workspace_interactively(path)
    assert titles == ["工作区已损坏"]
    assert ws is not None
    assert len(ws.reports()) == 2
    ws.close()
    assert list(tmp_path.glob("workspace.sqlite.damaged-*"))


def test_damaged_workspace_can_be_restored_from_an_older_backup_chosen_in_the_list(qtbot, tmp_path, demo_files,
                                                                                  monkeypatch):
    monkeypatch.setattr(backup, "MIN_BACKUP_INTERVAL", timedelta(0))
    path = tmp_path / "workspace.sqlite"
    with Workspace.open(path) as ws:
        ws.import_file(demo_files[0])
    Workspace.open(path).close()  # the older backup: one report
    with Workspace.open(path, backup=False) as ws:
        ws.import_file(demo_files[1])
    Workspace.open(path).close()  # the newest: two reports
    path.write_bytes(b"")
    listed = []

    def choose_older(dialog):
        listed.extend(dialog.list.topLevelItem(i).text(0) for i in range(dialog.list.topLevelItemCount()))
        dialog.list.setCurrentItem(dialog.list.topLevelItem(1))
        dialog.restore_button.click()

    def answer(dialog):
        when_dialog_opens(qtbot, choose_older)
        click_button(dialog, "选择其他备份…")

    when_dialog_opens(qtbot, answer)
    ws = open_workspace_interactively(path)
    assert len(listed) == 2 and listed[0] >= listed[1], "newest first"
    assert [r.file_name for r in ws.reports()] == [demo_files[0].name], "the older backup's one report"
    ws.close()


def test_emptied_workspace_with_backups_takes_the_damaged_dialog_not_a_new_workspace(qtbot, tmp_path, demo_files,
                                                                                    monkeypatch):
    monkeypatch.setattr(backup, "MIN_BACKUP_INTERVAL", timedelta(0))
    path = tmp_path / "workspace.sqlite"
    with Workspace.open(path) as ws:
        for file in demo_files[:2]:
            ws.import_file(file)
    Workspace.open(path).close()
    path.write_bytes(b"")
    texts = []

    def answer(dialog):
        texts.append(dialog.windowTitle() + dialog.text() + dialog.informativeText())
        click_button(dialog, "恢复最近的备份")

    when_dialog_opens(qtbot, answer)
    ws = open_workspace_interactively(path)
    assert texts and "工作区已损坏" in texts[0] and "0 字节" in texts[0]
    assert len(ws.reports()) == 2
    ws.close()


def test_workspace_from_a_newer_version_is_explained(qtbot, tmp_path):
    path = tmp_path / "workspace.sqlite"
    Workspace.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    seen = []

    def answer(dialog):
        seen.append((dialog.windowTitle(), dialog.informativeText()))
        click_button(dialog, "退出")

    when_dialog_opens(qtbot, answer)
    assert open_workspace_interactively(path) is None
    assert seen == [("工作区版本较新", "请升级本程序后再打开，或打开其他工作区。")]


def test_another_workspace_can_be_chosen_instead(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "busy.sqlite"
    other = tmp_path / "other.sqlite"
    holder = Workspace.open(path)
    monkeypatch.setattr("reviewer.ui.workspace_opening.choose_workspace_file", lambda parent, start: other)
    when_dialog_opens(qtbot, lambda dialog: click_button(dialog, "打开其他工作区…"))
    try:
        ws = open_workspace_interactively(path)
    finally:
        holder.close()
    assert ws is not None and ws.path == other
    ws.close()
