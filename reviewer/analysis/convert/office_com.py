"""Microsoft Word and WPS Office as converters on Windows, driven through COM automation by PowerShell.

The automation runs in a PowerShell process of its own, so that the same time limit and process-tree kill
apply as to LibreOffice (an office program that COM starts outside that tree is told to quit by the script
and ends with it in the normal case). Untested here: it needs Windows with Word or WPS installed.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

from reviewer.analysis.convert.base import Converter

WORD_PROG_ID = "Word.Application"
WPS_PROG_ID = "KWps.Application"

_SCRIPT = r"""
param([string]$ProgId, [string]$Source, [string]$Target)
$ErrorActionPreference = 'Stop'
$app = New-Object -ComObject $ProgId
try {
    $app.Visible = $false
    try { $app.DisplayAlerts = 0 } catch {}
    $document = $app.Documents.Open($Source, $false, $true, $false)
    try { $document.SaveAs($Target, 12) } finally { $document.Close($false) }
} finally {
    $app.Quit()
    [System.Runtime.InteropServices.Marshal]::ReleaseComObject($app) | Out-Null
}
"""
"""Open read-only without conversion prompts, save as .docx (wdFormatXMLDocument = 12, which WPS's Word-
compatible object model also takes), close without saving, quit."""


class OfficeComConverter(Converter):
    def __init__(self, name: str, prog_id: str, powershell: Path) -> None:
        self.name = name
        self.prog_id = prog_id
        self.powershell = powershell

    def command(self, source: Path, output_dir: Path, scratch_dir: Path) -> list[str]:
        script = scratch_dir / "convert.ps1"
        script.write_text(_SCRIPT, encoding="utf-8-sig")
        return [str(self.powershell), "-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass", "-File",
                str(script), self.prog_id, str(source), str(output_dir / (source.stem + ".docx"))]


def find_com_converters() -> list[OfficeComConverter]:
    """Word and WPS Office when this is Windows and they are registered for COM automation."""
    if sys.platform != "win32":
        return []
    powershell = shutil.which("powershell") or shutil.which("pwsh")
    if powershell is None:
        return []
    found = []
    for name, prog_id in (("Microsoft Word", WORD_PROG_ID), ("WPS Office", WPS_PROG_ID)):
        if _registered(prog_id):
            found.append(OfficeComConverter(name, prog_id, Path(powershell)))
    return found


def _registered(prog_id: str) -> bool:
    if sys.platform != "win32":
        return False
    import winreg

    try:
        with winreg.OpenKey(winreg.HKEY_CLASSES_ROOT, prog_id + r"\CLSID"):
            return True
    except OSError:
        return False
