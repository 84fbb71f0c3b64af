"""packaging/windows/reviewer.iss (Inno Setup; compiled only on Windows, so read here as text): associating
the report formats with "用 reviewer 打开" is an opt-in task, unchecked, and every registry entry depends on it."""
from __future__ import annotations

import re
from pathlib import Path

from reviewer.analysis.load import REPORT_EXTENSIONS

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = (ROOT / "packaging" / "windows" / "reviewer.iss").read_text(encoding="utf-8-sig")


def section(name: str) -> list[str]:
    lines, inside = [], False
    for line in SCRIPT.splitlines():
        if line.startswith("["):
            inside = line.strip() == f"[{name}]"
        elif inside and line.strip() and not line.startswith(";"):
            lines.append(line)
    return lines


def test_the_association_is_a_task_left_unchecked():
    task = next(line for line in section("Tasks") if line.startswith('Name: "associate"'))
    assert "Flags: unchecked" in task
    assert "chinesesimplified.OpenWithReviewer=用 reviewer 打开" in SCRIPT


def test_every_registry_entry_belongs_to_the_task_and_names_a_report_format():
    entries = section("Registry")
    assert entries and all(line.rstrip().endswith("Tasks: associate") for line in entries)
    extensions = set(re.findall(r"SystemFileAssociations\\(\.\w+)\\", SCRIPT))
    assert extensions <= set(REPORT_EXTENSIONS)
    assert {".txt", ".html", ".docx", ".pdf", ".doc", ".wps", ".odt", ".rtf"} <= extensions
    for extension in extensions:  # the verb, its command, and reviewer in the format's "Open with" list
        assert f"SystemFileAssociations\\{extension}\\shell\\reviewer\\command" in SCRIPT
        assert f"Software\\Classes\\{extension}\\OpenWithList\\reviewer.exe" in SCRIPT
