"""The command-line dispatcher itself."""
from __future__ import annotations

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
