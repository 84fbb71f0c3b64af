"""What the caller of a load tells the text recognition: pages already recognized, and whom to tell of progress."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from reviewer.analysis.loaders.page_layout import PageLayout

Progress = Callable[[int, int], None]
"""Called with (pages recognized so far, pages to recognize) before the first page and after each one.
A caller that wants to stop raises its own exception from it; the load ends there."""


@dataclass
class OcrOptions:
    known_pages: list[PageLayout] = field(default_factory=list)
    """Pages recognized before (stored with the report): used as they are, not recognized again."""
    progress: Progress | None = None
