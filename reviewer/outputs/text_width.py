"""How wide text shows in a fixed-pitch grid: East-Asian wide and full-width characters count as two."""
from __future__ import annotations

import unicodedata

_WIDE = frozenset({"W", "F"})


def display_width(text: str) -> int:
    """Columns ``text`` takes on its longest line, a Han character or full-width sign counting as 2."""
    return max((_line_width(line) for line in text.splitlines()), default=0)


def _line_width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in _WIDE else 1 for ch in line)
