"""Typed errors for files that cannot be turned into report text."""
from __future__ import annotations

MAX_FILE_BYTES = 50 * 1024 * 1024
"""Largest file accepted. Real reports are 10–60 KB as text, a few MB as docx/pdf with images."""

MAX_SCAN_FILE_BYTES = 500 * 1024 * 1024
"""Largest scanned PDF or image file accepted: a 300-page scan at 300 dpi is a few hundred MB."""

MAX_TEXT_CHARS = 2_000_000
"""Largest extracted text accepted (about 100 times a long report)."""


class LoadError(Exception):
    """A file that cannot be read as a report. ``code`` is stable, ``message`` is for people (Chinese)."""

    CODES = (
        "not_found",  # no such file / cannot open
        "empty",  # zero bytes or only whitespace
        "too_large",  # over MAX_FILE_BYTES / MAX_TEXT_CHARS
        "unsupported_format",  # not a report format, or a .doc/.wps/.odt/.rtf with no converter on the machine
        "not_text",  # binary content where text was expected
        "encoding",  # bytes that no supported encoding decodes cleanly
        "damaged",  # broken docx/zip/pdf structure
        "conversion_failed",  # a .doc/.wps/.odt/.rtf that the converter found on the machine could not convert
        "encrypted",  # password-protected pdf/docx
        "needs_ocr",  # pdf with no text layer
    )

    def __init__(self, code: str, message: str) -> None:
        if code not in self.CODES:
            raise ValueError(f"unknown LoadError code {code!r}")
        super().__init__(message)
        self.code = code
        self.message = message

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}
