"""One window per user and workspace: a second launch hands its files to the running window.

The window listens on a QLocalServer whose name is derived from the user and the workspace file (a Unix
socket in the temporary folder, a named pipe on Windows, only the user may connect). A later launch for the
same workspace connects, sends its files' absolute paths as one line of JSON (``{"files": [...]}``), waits
for ``ok`` and exits; the window imports and opens the files and comes to the front. A socket left behind by
a window that crashed is removed before listening (``QLocalServer.removeServer``).

A launch claims the name before it opens the workspace (:func:`claim_launches`), so that of several launches
started together (files selected together in the file manager) one becomes the window and the others hand
their files to it while it is still starting, instead of finding the workspace locked.
"""
from __future__ import annotations

import getpass
import hashlib
import json
import logging
import os
import sys
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QMainWindow

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_MS = 1000
REPLY_TIMEOUT_MS = 30_000
"""How long a later launch, once connected, waits for the window to take its files: a busy window answers
between events, one still starting once it runs (after a crash it first checks the workspace file)."""
MAX_MESSAGE_BYTES = 1 << 20
REPLY_OK = b"ok\n"


def server_name(workspace: Path) -> str:
    """The same name for the same user and workspace file, whatever path it is given by."""
    try:
        user = getpass.getuser()
    except (OSError, KeyError, ImportError):
        user = ""
    key = f"{user}\0{os.path.normcase(os.path.realpath(workspace))}"
    return "reviewer-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


def claim_launches(workspace: Path, files: Sequence[str]) -> LaunchServer | None:
    """At start: None when a window running (or starting) on ``workspace`` took ``files``; otherwise the
    server this launch's window will listen on (see :func:`serve_launches`)."""
    if hand_over(workspace, files):
        return None
    server = LaunchServer()
    if server.listen(workspace):
        return server
    if hand_over(workspace, files):  # another launch got there first
        return None
    return server


def hand_over(workspace: Path, files: Sequence[str]) -> bool:
    """Give ``files`` (absolute paths; may be none) to the window running on ``workspace``. False when no
    window answers (none is running, or it did not take them in time): then this launch opens its own."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(workspace))
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    _allow_the_window_to_come_forward()
    socket.write(json.dumps({"files": list(files)}, ensure_ascii=False).encode("utf-8") + b"\n")
    socket.flush()
    reply = b""
    while not reply.endswith(b"\n") and socket.waitForReadyRead(REPLY_TIMEOUT_MS):
        reply += socket.readAll().data()
    socket.disconnectFromServer()
    return reply == REPLY_OK


def handed_over_message(count: int) -> str:
    """The one line a later launch prints before it exits."""
    if count:
        return QCoreApplication.translate("single_instance", "reviewer 已在运行：{count} 个文件已交给打开的窗口。").format(
            count=count)
    return QCoreApplication.translate("single_instance", "reviewer 已在运行：已切换到打开的窗口。")


def parse_message(data: bytes) -> list[str] | None:
    """The file paths of a launch message; None when it is not one."""
    try:
        message = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    files = message.get("files") if isinstance(message, dict) else None
    if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
        return None
    return files


class LaunchServer(QObject):
    """Listens for later launches on behalf of a window."""

    launched = Signal(list)
    """The absolute paths a later launch handed over (an empty list: it only asked for the window)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server: QLocalServer | None = None
        self._buffers: dict[QLocalSocket, bytes] = {}
        self._early: list[list[str]] | None = []
        """Launches received before a window took over (:meth:`deliver_to`); None from then on."""

    @property
    def name(self) -> str | None:
        return self._server.serverName() if self._server is not None else None

    def listen(self, workspace: Path) -> bool:
        """Listen for launches on ``workspace`` (instead of any earlier one). False, logged, when it cannot:
        the window works all the same, a later launch just opens its own."""
        self.close()
        name = server_name(workspace)
        if _answers(name):  # Qt would silently take the name over from the other program
            log.warning("another program already listens for launches on %s", name)
            return False
        QLocalServer.removeServer(name)  # a socket left behind by a window that crashed
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(name):
            log.warning("not listening for later launches on %s: %s", name, server.errorString())
            server.deleteLater()
            return False
        server.newConnection.connect(self._accept)
        self._server = server
        return True

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None

    def _accept(self) -> None:
        server = self._server
        while server is not None and server.hasPendingConnections():
            socket = server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(partial(self._read, socket))
            socket.disconnected.connect(partial(self._forget, socket))
            self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if socket not in self._buffers:
            return
        data = self._buffers[socket] + socket.readAll().data()
        if b"\n" not in data and len(data) <= MAX_MESSAGE_BYTES:
            self._buffers[socket] = data
            return
        del self._buffers[socket]
        files = parse_message(data.split(b"\n", 1)[0])
        if files is None:
            log.warning("ignored a malformed launch message (%d bytes)", len(data))
            socket.abort()
            return
        socket.write(REPLY_OK)
        socket.flush()
        socket.disconnectFromServer()
        if self._early is not None:
            self._early.append(files)
        else:
            self.launched.emit(files)

    def deliver_to(self, receiver) -> None:
        """From now on each launch goes to ``receiver(files)``, the ones received so far first."""
        early, self._early = self._early or [], None
        self.launched.connect(receiver)
        for files in early:
            receiver(files)

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()


def serve_launches(window, server: LaunchServer | None = None) -> LaunchServer:
    """Let later launches hand their files to ``window`` (a MainWindow) on its workspace, also after the
    window switched to another workspace; ``server`` is the one :func:`claim_launches` gave, if any."""
    server = server or LaunchServer()
    server.setParent(window)
    if server.name != server_name(window.ws.path):  # not claimed, or another workspace was chosen at start
        server.listen(window.ws.path)
    window.session.workspaceReplaced.connect(lambda ws: server.listen(ws.path))
    server.deliver_to(partial(open_launched, window))
    return server


def open_launched(window, files: list[str]) -> None:
    """Import and open what a later launch was given, and bring the window to the front."""
    if files:
        window.import_paths(files)
    bring_to_front(window)


def bring_to_front(window: QMainWindow) -> None:
    if window.isMinimized():
        window.setWindowState((window.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()


def _answers(name: str) -> bool:
    """Whether a live program is listening on ``name`` (else its socket is stale)."""
    probe = QLocalSocket()
    probe.connectToServer(name)
    alive = probe.waitForConnected(CONNECT_TIMEOUT_MS)
    probe.abort()
    return alive


def _allow_the_window_to_come_forward() -> None:
    """Windows gives the foreground only to the program the user started last: let the running one take it."""
    if sys.platform == "win32":
        import ctypes

        asfw_any = -1
        ctypes.windll.user32.AllowSetForegroundWindow(asfw_any)
