"""An uncaught exception is logged and shown in a Chinese dialog naming the log file."""
from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from reviewer.ui import crash


@pytest.fixture
def shown_dialogs(monkeypatch):
    """Record each crash dialog instead of blocking on it."""
    shown: list[dict[str, str]] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(
            {
                "title": box.windowTitle(),
                "text": box.text(),
                "info": box.informativeText(),
                "details": box.detailedText(),
            }
        )
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    return shown


def _boom() -> None:
    raise RuntimeError("演示用的意外错误 boom-4711")


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_qt_slot_shows_dialog_and_writes_log(qtbot, shown_dialogs):
    log_file = crash.install_excepthook()

    QTimer.singleShot(0, _boom)
    qtbot.waitUntil(lambda: len(shown_dialogs) == 1, timeout=3000)

    dialog = shown_dialogs[0]
    assert dialog["title"] == "程序出错"
    assert "意外错误" in dialog["text"]
    assert str(log_file) in dialog["info"]
    assert "RuntimeError: 演示用的意外错误 boom-4711" in dialog["details"]
    logged = log_file.read_text(encoding="utf-8")
    assert "CRITICAL [reviewer.crash]" in logged
    assert "RuntimeError: 演示用的意外错误 boom-4711" in logged
    assert "in _boom" in logged


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_worker_thread_reaches_the_dialog_in_the_gui_thread(qtbot, shown_dialogs):
    log_file = crash.install_excepthook()

    worker = threading.Thread(target=_boom)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(shown_dialogs) == 1, timeout=3000)

    assert "boom-4711" in shown_dialogs[0]["details"]
    assert "boom-4711" in log_file.read_text(encoding="utf-8")


def test_log_file_is_in_the_user_log_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEWER_HOME", str(tmp_path))
    from reviewer.logging_setup import setup_logging

    log_file = setup_logging()

    assert log_file == tmp_path / "logs" / "reviewer.log"
    assert setup_logging() == log_file
    assert log_file.read_text(encoding="utf-8").count(" started: ") == 1


def _damaged_record() -> None:
    from pathlib import Path

    from reviewer.workspace import WorkspaceCorrupt

    raise WorkspaceCorrupt(Path("/工作区.sqlite"), "记录内容已损坏", [])


@pytest.mark.qt_no_exception_capture
def test_workspace_error_nothing_caught_shows_its_message_not_a_traceback(qtbot, shown_dialogs):
    crash.install_excepthook()

    QTimer.singleShot(0, _damaged_record)
    qtbot.waitUntil(lambda: len(shown_dialogs) == 1, timeout=3000)

    dialog = shown_dialogs[0]
    assert dialog["title"] == "工作区出错"
    assert "工作区文件已损坏" in dialog["text"] and "记录内容已损坏" in dialog["text"]
    assert dialog["details"] == ""
