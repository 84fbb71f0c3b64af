#!/usr/bin/env python3
"""Set up everything and run the app or the tests: ``python3 packaging/bootstrap.py start|test [ARGS...]``.

``test`` runs ``ruff check .`` and ``mypy`` first and stops when either fails; ARGS go to pytest.

Standard library only, so it runs on a machine that has nothing but Python 3.11+.
It creates ``.venv`` in the project folder, installs the project into it (again only when
``pyproject.toml`` changed), and on Linux makes sure the system libraries Qt needs and a Chinese
font are present: installed with apt-get when run as root, otherwise printed as one apt command.
"""
from __future__ import annotations

import ctypes.util
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
WINDOWS = os.name == "nt"

# shared library -> Debian/Ubuntu package providing it
QT_RUNTIME_LIBS = {
    "EGL": "libegl1",
    "GL": "libgl1",
    "xkbcommon": "libxkbcommon0",
    "fontconfig": "libfontconfig1",
    "glib-2.0": "libglib2.0-0",
    "dbus-1": "libdbus-1-3",
}
QT_WINDOW_LIBS = {  # for a real X11 window (not needed offscreen)
    "xkbcommon-x11": "libxkbcommon-x11-0",
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-image": "libxcb-image0",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-randr": "libxcb-randr0",
    "xcb-render-util": "libxcb-render-util0",
    "xcb-shape": "libxcb-shape0",
    "xcb-xkb": "libxcb-xkb1",
    "xcb-xinerama": "libxcb-xinerama0",
    "xcb-xfixes": "libxcb-xfixes0",
}
CHINESE_FONT_PACKAGE = "fonts-wqy-zenhei"


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if WINDOWS else "bin/python")


def missing_debian_packages(with_window: bool) -> list[str]:
    if not sys.platform.startswith("linux"):
        return []
    wanted = dict(QT_RUNTIME_LIBS)
    if with_window:
        wanted.update(QT_WINDOW_LIBS)
    missing = [pkg for lib, pkg in wanted.items() if ctypes.util.find_library(lib) is None]
    if not has_chinese_font():
        missing.append(CHINESE_FONT_PACKAGE)
    try:
        import ensurepip  # noqa: F401  (Debian splits it into python3-venv)
    except ImportError:
        missing.append(f"python3.{sys.version_info.minor}-venv")
    return missing


def has_chinese_font() -> bool:
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return False
    result = subprocess.run([fc_list, ":lang=zh", "family"], capture_output=True, text=True)
    return bool(result.stdout.strip())


def ensure_system_packages(with_window: bool) -> None:
    missing = missing_debian_packages(with_window)
    if not missing:
        return
    command = ["apt-get", "install", "-y", "--no-install-recommends", *missing]
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        print("installing system packages:", " ".join(missing), flush=True)
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(command, check=True, env=env)
        return
    print("这些系统软件包缺失 / missing system packages. Run this once, then start again:")
    print("    sudo apt-get update && sudo " + " ".join(command))
    raise SystemExit(1)


def ensure_venv(extras: str) -> Path:
    python = venv_python()
    if not python.exists():
        print("creating virtual environment .venv", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    stamp = VENV / f".installed-{extras or 'app'}"
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not stamp.exists() or stamp.read_text() != digest:
        target = f".[{extras}]" if extras else "."
        print(f"installing reviewer{f'[{extras}]' if extras else ''} into .venv", flush=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "--upgrade", "pip"], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "-e", target], check=True, cwd=ROOT)
        stamp.write_text(digest)
    return python


def main(argv: list[str]) -> int:
    if sys.version_info < (3, 11):
        print("reviewer needs Python 3.11 or newer; this is", sys.version.split()[0])
        return 1
    if not argv or argv[0] not in {"start", "test"}:
        print(__doc__)
        return 2
    action, rest = argv[0], argv[1:]
    if action == "start":
        ensure_system_packages(with_window=True)
        python = ensure_venv("")
        return subprocess.call([str(python), "-m", "reviewer", *rest], cwd=ROOT)
    ensure_system_packages(with_window=False)
    python = ensure_venv("test")
    for checker in (["ruff", "check", "."], ["mypy"]):
        print("running", " ".join(checker), flush=True)
        status = subprocess.call([str(python), "-m", *checker], cwd=ROOT)
        if status != 0:
            print(f"{checker[0]} failed (exit status {status}); tests not run")
            return status
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.call([str(python), "-m", "pytest", *rest], cwd=ROOT, env=env)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
