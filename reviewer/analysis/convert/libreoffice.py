"""LibreOffice as a converter: ``soffice --headless --convert-to docx``, with a settings profile of its own.

A profile of its own per conversion keeps it from handing the file to a LibreOffice window the user has open
(which would return at once without converting) and lets two conversions run side by side.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from reviewer.analysis.convert.base import Converter

_WINDOWS_FOLDERS = ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)", "LOCALAPPDATA")
_WINDOWS_PROGRAMS = (("LibreOffice", "program", "soffice.com"), ("LibreOffice", "program", "soffice.exe"),
                     ("Programs", "LibreOffice", "program", "soffice.exe"))
_MAC_PROGRAM = Path("/Applications/LibreOffice.app/Contents/MacOS/soffice")


class LibreOfficeConverter(Converter):
    name = "LibreOffice"

    def __init__(self, executable: Path) -> None:
        self.executable = executable

    def command(self, source: Path, output_dir: Path, scratch_dir: Path) -> list[str]:
        return [
            str(self.executable), "--headless", "--invisible", "--norestore", "--nolockcheck", "--nologo",
            "--nodefault", f"-env:UserInstallation={(scratch_dir / 'profile').as_uri()}",
            "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(output_dir), str(source),
        ]


def find_soffice() -> Path | None:
    """LibreOffice's ``soffice`` on PATH or in its usual install folders, or None."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return _console_program(Path(found))
    if os.name == "nt":
        for variable in _WINDOWS_FOLDERS:
            folder = os.environ.get(variable)
            for parts in _WINDOWS_PROGRAMS if folder else ():
                candidate = Path(folder or "", *parts)
                if candidate.is_file():
                    return candidate
    if _MAC_PROGRAM.is_file():
        return _MAC_PROGRAM
    return None


def _console_program(program: Path) -> Path:
    """On Windows ``soffice.com``, which waits for the conversion, rather than ``soffice.exe`` beside it."""
    console = program.with_suffix(".com")
    return console if program.suffix.lower() == ".exe" and console.is_file() else program
