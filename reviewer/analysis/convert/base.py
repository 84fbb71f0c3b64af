"""The converter interface and what a failed conversion says."""
from __future__ import annotations

from abc import ABC, abstractmethod
from pathlib import Path


class ConversionFailed(Exception):
    """A converter ran and gave no usable .docx; ``reason`` says why in Chinese, for the message."""

    def __init__(self, converter: str, reason: str) -> None:
        super().__init__(f"{converter}: {reason}")
        self.converter = converter
        self.reason = reason


class Converter(ABC):
    """A program that turns a document into .docx.

    :meth:`command` gives the program's command line for ``source`` (a copy in a temporary folder, named
    ``report.<format>``); the program must write ``report.docx`` into ``output_dir``. ``scratch_dir`` is an
    empty folder of its own (for a settings profile or a script) that is removed afterwards.
    """

    name: str
    """How the converter is named in messages: "LibreOffice", "Microsoft Word", "WPS Office"."""

    @abstractmethod
    def command(self, source: Path, output_dir: Path, scratch_dir: Path) -> list[str]:
        """The command line to run."""
