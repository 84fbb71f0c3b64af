"""Width and case folding that keeps every character in place (one character in, one out),
so offsets found in folded text are offsets into the original."""
from __future__ import annotations

_TABLE: dict[int, int] = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}  # full-width ASCII
_TABLE[0x3000] = 0x20  # ideographic space
_TABLE.update({code: code + 32 for code in range(ord("A"), ord("Z") + 1)})
_TABLE.update({code: code - 0xFEE0 + 32 for code in range(0xFF21, 0xFF3B)})  # full-width A-Z


def fold(text: str) -> str:
    """``（１）ABC`` → ``(1)abc``; ``len(fold(t)) == len(t)`` always."""
    return text.translate(_TABLE)
