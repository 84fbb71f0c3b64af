"""Python string indices ↔ Qt text positions (UTF-16 code units).

They differ only after characters outside the Basic Multilingual Plane (rare CJK, emoji), each of which
is one Python index but two Qt positions.
"""
from __future__ import annotations

from bisect import bisect_right


class TextPositions:
    def __init__(self, text: str) -> None:
        self._wide = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF] if _has_wide(text) else []

    def to_qt(self, index: int) -> int:
        if not self._wide:
            return index
        return index + bisect_right(self._wide, index - 1)

    def to_python(self, position: int) -> int:
        if not self._wide:
            return position
        index = position
        for shift, wide_index in enumerate(self._wide):
            if wide_index + shift + 1 < position:
                index -= 1
            else:
                break
        return index


def _has_wide(text: str) -> bool:
    return len(text.encode("utf-16-le")) != 2 * len(text)
