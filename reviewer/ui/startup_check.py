"""Why the window cannot start, told before Qt is loaded: Qt itself aborts the process (core dump)
when it finds no display or cannot load its platform plugin. Imports no Qt."""
from __future__ import annotations

import ctypes
import os
import sys

DISPLAY_PLATFORMS = ("xcb", "wayland")
"""Qt platforms that need a display server; offscreen, minimal, vnc, eglfs … do not."""

X11_WINDOW_LIBRARIES = {  # soname → Debian/Ubuntu package; Qt's xcb plugin cannot load without them
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}


def why_window_cannot_start() -> str | None:
    """One line in Chinese and English saying why no window can be shown, or None."""
    if not sys.platform.startswith("linux"):
        return None
    platforms = _requested_platforms()
    if platforms and not set(platforms) & set(DISPLAY_PLATFORMS):
        return None
    has_x11 = bool(os.environ.get("DISPLAY"))
    has_wayland = bool(os.environ.get("WAYLAND_DISPLAY"))
    wants_x11_only = platforms == ["xcb"]
    if not has_x11 and (wants_x11_only or not has_wayland):
        return ("没有可用的图形显示（未设置 DISPLAY），无法打开窗口；无界面使用请运行 reviewer --help 查看命令。"
                " / No display (DISPLAY is not set): cannot open the window; see reviewer --help for the commands.")
    if has_x11 and (wants_x11_only or not has_wayland):
        missing = [package for soname, package in X11_WINDOW_LIBRARIES.items() if not _loadable(soname)]
        if missing:
            command = "sudo apt-get install " + " ".join(missing)
            return (f"缺少 Qt 窗口所需的系统库，请安装：{command} / "
                    f"Qt's window libraries are missing, install them with: {command}")
    return None


def qt_import_failure_message(error: ImportError) -> str:
    """The line shown when PySide6 itself cannot be loaded (a missing shared library)."""
    if sys.platform == "win32":
        hint = "请安装 Microsoft Visual C++ 运行库（vc_redist.x64.exe）/ install the Microsoft Visual C++ Redistributable"
    else:
        hint = ("请运行 python3 packaging/bootstrap.py start 检查并安装所需的系统库 / "
                "run python3 packaging/bootstrap.py start to install the system libraries")
    return f"无法加载 Qt（{error}）：{hint}"


def _requested_platforms() -> list[str]:
    value = os.environ.get("QT_QPA_PLATFORM", "")
    return [part.split(":")[0].strip() for part in value.split(";") if part.strip()]


def _loadable(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True
