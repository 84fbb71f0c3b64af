"""Text people typed or reports contain, made safe for reportlab ``Paragraph`` markup (printed literally)."""
from __future__ import annotations

import re
from xml.sax.saxutils import escape

_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LINE_BREAKS = re.compile(r"\r\n|\r|\n|\u2028|\u2029")


def literal(text: str | None) -> str:
    """Escape ``& < >``, drop control characters, keep line breaks as ``<br/>``."""
    if not text:
        return ""
    cleaned = _CONTROL_CHARS.sub("", text.replace("\t", "    "))
    return "<br/>".join(escape(line) for line in _LINE_BREAKS.split(cleaned))


def shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis, on one line."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
