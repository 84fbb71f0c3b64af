"""Text for spreadsheet cells: what Excel or WPS would run as a formula is kept as text.

Report text and the reviewer's corrections reach CSV and Excel files; a cell that starts with
``= + - @``, a tab or a carriage return would be read as a formula (CSV injection). As OWASP advises,
such a cell gets a leading apostrophe. Every spreadsheet output writes its text cells through this.
"""
from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(value: str) -> str:
    """``value`` as a cell's text that no spreadsheet evaluates."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value
