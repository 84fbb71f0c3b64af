"""The command-line dispatcher itself."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_output_piped_into_a_reader_that_stops_early_is_not_an_error(tmp_path: Path) -> None:
    report = tmp_path / "甲镇.txt"
    report.write_text("甲镇2023年法治政府建设年度报告\n一、工作情况\n办理行政复议案件12件。\n", encoding="utf-8")
    command = [sys.executable, "-m", "reviewer", "analyze", *[str(report)] * 200, "--json"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        first_line = process.stdout.readline()
        process.stdout.close()
        stderr = process.stderr.read().decode("utf-8")
        status = process.wait(timeout=120)
    assert first_line.startswith(b"{")
    assert "Traceback" not in stderr
    assert status == 0


def test_version_option_prints_the_version() -> None:
    from reviewer import __version__

    result = subprocess.run([sys.executable, "-m", "reviewer", "--version"], capture_output=True, text=True)
    assert result.returncode == 0
    assert __version__ in result.stdout


def _run_reviewer(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reviewer", *args], capture_output=True, text=True,
                          env=env, timeout=120)


def test_help_imports_neither_the_analysis_nor_the_workspace() -> None:
    code = (
        "import sys\nfrom reviewer.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "loaded = [m for m in sys.modules if m.startswith(('reviewer.analysis', 'reviewer.workspace', "
        "'reviewer.summary', 'reviewer.ui', 'jieba', 'sqlite_utils', 'PySide6'))]\n"
        "print('LOADED', loaded)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert "LOADED []" in result.stdout


def test_unknown_command_word_is_a_usage_error_not_the_window() -> None:
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"} | {"QT_QPA_PLATFORM": "xcb"}
    result = _run_reviewer("frobnicate", "--help", env=env)
    assert result.returncode == 2
    assert "frobnicate" in result.stderr and "analyze" in result.stderr
    assert "Traceback" not in result.stderr


def test_window_without_a_display_says_why_in_one_line_and_exits_1(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env |= {"QT_QPA_PLATFORM": "xcb", "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data"),
            "XDG_CONFIG_HOME": str(tmp_path / "config")}
    result = _run_reviewer(env=env)
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0
    assert "DISPLAY" in result.stderr and "显示" in result.stderr


def test_files_given_by_open_with_are_not_taken_for_commands(tmp_path: Path) -> None:
    from reviewer.cli import _opens_the_window

    report = tmp_path / "甲镇.txt"
    report.write_text("x", encoding="utf-8")
    assert _opens_the_window([str(report)], {"import"})
    assert _opens_the_window([], {"import"})
    assert not _opens_the_window(["frobnicate"], {"import"})
    assert not _opens_the_window([str(report), str(tmp_path / "无此文件.txt")], {"import"})
