"""packaging/linux/install-user.sh puts the app, its menu entry and its icons in the user's folders."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "linux" / "install-user.sh"

pytestmark = pytest.mark.skipif(sys.platform == "win32" or not shutil.which("bash"), reason="Linux installer")


@pytest.fixture
def fake_bundle(tmp_path) -> Path:
    """A stand-in for packaging/dist/reviewer: an executable and the bundled icons."""
    bundle = tmp_path / "dist" / "reviewer"
    shutil.copytree(ROOT / "resources" / "icons", bundle / "_internal" / "resources" / "icons")
    executable = bundle / "reviewer"
    executable.write_text("#!/bin/sh\necho reviewer-bundle \"$@\"\n")
    executable.chmod(0o755)
    return bundle


def _run(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {"HOME": str(home), "PATH": os.environ["PATH"]}
    return subprocess.run(["bash", str(SCRIPT), *args], env=env, capture_output=True, text=True, timeout=60)


def test_install_for_the_current_user_and_uninstall(tmp_path, fake_bundle):
    home = tmp_path / "home"
    home.mkdir()

    result = _run(home, str(fake_bundle))
    assert result.returncode == 0, result.stderr

    app = home / ".local" / "lib" / "reviewer" / "reviewer"
    assert subprocess.run([str(home / ".local" / "bin" / "reviewer"), "x"], capture_output=True, text=True).stdout == (
        "reviewer-bundle x\n"
    )
    desktop = (home / ".local" / "share" / "applications" / "reviewer.desktop").read_text(encoding="utf-8")
    assert f'Exec="{app}" %F' in desktop
    assert f"TryExec={app}\n" in desktop
    assert "Name[zh_CN]=法治政府建设年度报告审阅助手" in desktop
    assert "Icon=reviewer" in desktop
    assert "MimeType=" not in desktop  # no "open with" for report files unless asked for
    hicolor = home / ".local" / "share" / "icons" / "hicolor"
    for size in (16, 32, 48, 256):
        icon = hicolor / f"{size}x{size}" / "apps" / "reviewer.png"
        assert icon.read_bytes() == (ROOT / "resources" / "icons" / f"reviewer-{size}.png").read_bytes()
    assert (hicolor / "scalable" / "apps" / "reviewer.svg").is_file()

    result = _run(home, "--uninstall")
    assert result.returncode == 0, result.stderr
    assert not app.exists()
    assert not (home / ".local" / "share" / "applications" / "reviewer.desktop").exists()
    assert not (hicolor / "48x48" / "apps" / "reviewer.png").exists()


def test_install_without_a_built_bundle_says_how_to_build_it(tmp_path):
    result = _run(tmp_path, str(tmp_path / "missing"))
    assert result.returncode == 1
    assert "build_linux.sh" in result.stderr


def test_associating_the_report_formats_is_an_opt_in(tmp_path, fake_bundle):
    home = tmp_path / "home"
    home.mkdir()
    desktop_file = home / ".local" / "share" / "applications" / "reviewer.desktop"

    result = _run(home, "--associate", str(fake_bundle))
    assert result.returncode == 0, result.stderr
    assert "用 reviewer 打开" in result.stdout
    lines = desktop_file.read_text(encoding="utf-8").splitlines()
    mime_types = next(line for line in lines if line.startswith("MimeType=")).removeprefix("MimeType=").split(";")
    assert {"text/plain", "text/html", "application/pdf", "application/msword", "application/rtf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.oasis.opendocument.text", "image/tiff"} <= set(mime_types)
    assert mime_types[-1] == ""  # the list ends with ";" as the desktop entry specification asks

    result = _run(home, str(fake_bundle))  # installed again without it: the association is gone
    assert result.returncode == 0, result.stderr
    assert "MimeType=" not in desktop_file.read_text(encoding="utf-8")
