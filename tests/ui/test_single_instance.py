"""One window per workspace: a second launch (a real second process) hands its files to the running window,
which opens them and comes to the front; launch messages over QLocalSocket in-process; a socket left behind
by a crashed window is replaced, a live one never."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from reviewer.ui.settings import UiSettings
from reviewer.ui.single_instance import LaunchServer, hand_over, serve_launches, server_name
from tests.ui.conftest import wait_for_imports

ROOT = Path(__file__).resolve().parents[2]
LAUNCH_TIMEOUT_MS = 60_000


def launch_message(qtbot, name: str, message: bytes) -> bytes:
    """Send ``message`` the way a later launch does, without blocking this (the window's) event loop;
    what the window answered, once it closed the connection."""
    client = QLocalSocket()
    client.connectToServer(name)
    qtbot.waitUntil(lambda: client.state() == QLocalSocket.LocalSocketState.ConnectedState, timeout=5000)
    client.write(message)
    client.flush()
    reply = bytearray()

    def closed() -> bool:
        reply.extend(client.readAll().data())
        return client.state() == QLocalSocket.LocalSocketState.UnconnectedState

    qtbot.waitUntil(closed, timeout=5000)
    return bytes(reply)


def test_a_second_launch_hands_its_file_to_the_running_window_and_exits(window, qtbot, tmp_path, demo_files):
    settings = UiSettings()  # the second launch reads the default settings, as a real launch does
    settings.workspace_path = window.ws.path
    settings.sync()
    serve_launches(window)
    folder = tmp_path / "下载"
    folder.mkdir()
    report = shutil.copy(demo_files[0], folder)
    window.showMinimized()

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    second = subprocess.Popen([sys.executable, "-m", "reviewer", Path(report).name], cwd=folder, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
    try:
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=LAUNCH_TIMEOUT_MS)
    finally:
        if second.poll() is None:
            second.kill()
    out, err = second.communicate()

    assert second.returncode == 0, err
    assert out.strip() == "reviewer 已在运行：1 个文件已交给打开的窗口。"
    qtbot.waitUntil(lambda: window.report is not None, timeout=LAUNCH_TIMEOUT_MS)
    wait_for_imports(qtbot, window)
    assert window.report.file_name == Path(report).name
    assert [r.file_name for r in window.ws.reports()] == [Path(report).name]
    assert not window.isMinimized()


def test_launches_started_together_make_one_window_that_opens_all_their_files(tmp_path, demo_files):
    """As when several reports selected in the file manager are opened with reviewer: three real launches at
    once, no window running yet; one becomes the window, the others hand their files to it and exit."""
    from reviewer.workspace import Workspace

    workspace = tmp_path / "ws" / "workspace.sqlite"
    workspace.parent.mkdir()
    Workspace.open(workspace, backup=False).close()
    settings = UiSettings()
    settings.workspace_path = workspace
    settings.sync()
    files = [shutil.copy(demo_files[n], tmp_path) for n in (0, 1)]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    launches = [subprocess.Popen([sys.executable, "-m", "reviewer", *args], env=env, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True, encoding="utf-8")
                for args in ([files[0]], [files[1]], [])]
    try:
        deadline = time.monotonic() + LAUNCH_TIMEOUT_MS / 1000
        while sum(p.poll() is not None for p in launches) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        ended = [p for p in launches if p.poll() is not None]
        assert len(ended) == 2
        for launch in ended:
            out, err = launch.communicate()
            assert launch.returncode == 0, err
            assert out.startswith("reviewer 已在运行：")
        names = {Path(f).name for f in files}
        while time.monotonic() < deadline:
            with Workspace.open(workspace, read_only=True) as reader:
                if {r.file_name for r in reader.reports()} == names:
                    break
            time.sleep(0.5)
        with Workspace.open(workspace, read_only=True) as reader:
            assert {r.file_name for r in reader.reports()} == names
    finally:
        for launch in launches:
            if launch.poll() is None:
                launch.kill()
            launch.communicate()
        QLocalServer.removeServer(server_name(workspace))  # the killed window's socket


def test_a_launch_without_files_brings_the_window_forward(window, qtbot):
    server = serve_launches(window)
    received = []
    server.launched.connect(received.append)
    window.showMinimized()

    assert launch_message(qtbot, server.name, b'{"files": []}\n') == b"ok\n"

    assert received == [[]]
    assert not window.isMinimized()
    assert window.report is None


def test_a_message_that_is_not_a_launch_is_ignored(window, qtbot):
    server = serve_launches(window)
    received = []
    server.launched.connect(received.append)

    assert launch_message(qtbot, server.name, b'{"files": "/etc/passwd"}\n') == b""
    assert launch_message(qtbot, server.name, "不是 JSON\n".encode()) == b""

    assert received == []
    assert launch_message(qtbot, server.name, b'{"files": []}\n') == b"ok\n"  # still listening


def test_without_a_running_window_a_launch_opens_its_own(tmp_path):
    assert hand_over(tmp_path / "workspace.sqlite", [str(tmp_path / "a.txt")]) is False


def test_switching_workspace_listens_on_the_new_one(window, qtbot, tmp_path):
    from reviewer.workspace import Workspace

    server = serve_launches(window)
    first_name = server.name
    other = Workspace.open(tmp_path / "other.sqlite")
    window.session.close()
    window.session.replace(other)

    assert server.name == server_name(other.path) != first_name
    assert launch_message(qtbot, server.name, b'{"files": []}\n') == b"ok\n"


@pytest.mark.skipif(sys.platform == "win32", reason="a named pipe does not outlive its program")
def test_a_socket_left_by_a_crashed_window_is_replaced(tmp_path, qtbot):
    workspace = tmp_path / "workspace.sqlite"
    name = server_name(workspace)
    stale = Path(QDir.tempPath()) / name
    left = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    left.bind(str(stale))  # bound, never listening, never removed: what a killed program leaves
    left.close()
    assert stale.exists()

    server = LaunchServer()
    try:
        assert server.listen(workspace)
        assert launch_message(qtbot, name, b'{"files": []}\n') == b"ok\n"
        assert LaunchServer().listen(workspace) is False  # a live window's socket is never taken over
        assert launch_message(qtbot, name, b'{"files": []}\n') == b"ok\n"
    finally:
        server.close()
