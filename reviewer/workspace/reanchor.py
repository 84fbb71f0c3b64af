"""Finding review work again in a changed text.

:class:`TextMap` maps positions of the old text to the new one: a line diff first (reports are a few
hundred paragraphs), then a character diff inside each changed run of lines, skipped for very long
runs to stay fast. :func:`relocate` places a quoted span: exact occurrences of the quote are ranked by
how well the text around them matches the stored context and how near they are to where the diff
maps the old span; failing that, the mapped span is taken if it still reads like the quote (a
sentence edited slightly). Otherwise the span is not found.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from difflib import SequenceMatcher

CONTEXT_CHARS = 32
"""Characters of text kept before and after a quote to find it again."""

MAX_CHAR_DIFF = 4000
"""Longest changed run (characters, either side) diffed character by character."""

MIN_EDITED_SIMILARITY = 0.6
"""How much of an edited quote must survive for the edited text to count as the same place."""

LONG_QUOTE = 12
"""A quote at least this long found verbatim is taken even far from its old place (a moved paragraph)."""


@dataclass(frozen=True)
class Anchor:
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str


def anchor_at(text: str, start: int, end: int) -> Anchor:
    return Anchor(
        start,
        end,
        text[start:end],
        text[max(0, start - CONTEXT_CHARS) : start],
        text[end : end + CONTEXT_CHARS],
    )


@dataclass(frozen=True)
class _Block:
    old_start: int
    old_end: int
    new_start: int
    new_end: int
    equal: bool


class TextMap:
    """Positions of ``old`` mapped onto ``new``."""

    def __init__(self, old: str, new: str) -> None:
        self.old = old
        self.new = new
        self.identical = old == new
        self._blocks: list[_Block] = [] if self.identical else _diff_blocks(old, new)
        self._starts = [b.old_start for b in self._blocks]

    def map_span(self, start: int, end: int) -> tuple[int, int]:
        """Where ``old[start:end]`` lies in ``new``; an empty span when all of it was deleted."""
        if self.identical:
            return start, end
        new_start = self._map(start, at_end=False)
        new_end = self._map(end, at_end=True) if end > start else new_start
        return new_start, max(new_start, new_end)

    def _map(self, position: int, at_end: bool) -> int:
        index = max(0, bisect_right(self._starts, position) - 1)
        block = self._blocks[index]
        if at_end and position == block.old_start and index > 0:
            block = self._blocks[index - 1]
        if block.equal:
            return block.new_start + min(position - block.old_start, block.new_end - block.new_start)
        return block.new_end if at_end else block.new_start


def _diff_blocks(old: str, new: str) -> list[_Block]:
    old_lines = old.splitlines(keepends=True)
    new_lines = new.splitlines(keepends=True)
    old_offsets = _offsets(old_lines)
    new_offsets = _offsets(new_lines)
    blocks: list[_Block] = []
    matcher = SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        o1, o2, n1, n2 = old_offsets[i1], old_offsets[i2], new_offsets[j1], new_offsets[j2]
        if tag == "equal":
            blocks.append(_Block(o1, o2, n1, n2, True))
        elif tag == "replace" and max(o2 - o1, n2 - n1) <= MAX_CHAR_DIFF:
            blocks.extend(_char_blocks(old[o1:o2], new[n1:n2], o1, n1))
        else:
            blocks.append(_Block(o1, o2, n1, n2, False))
    blocks = [b for b in blocks if b.old_end > b.old_start]
    blocks.append(_Block(len(old), len(old), len(new), len(new), True))
    return blocks


def _char_blocks(old: str, new: str, old_base: int, new_base: int) -> list[_Block]:
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    return [
        _Block(old_base + i1, old_base + i2, new_base + j1, new_base + j2, tag == "equal")
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    ]


def _offsets(lines: list[str]) -> list[int]:
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    return offsets


def relocate(anchor: Anchor, text_map: TextMap) -> tuple[int, int] | None:
    """Where the anchored span is in the new text, or None if it cannot be found with confidence."""
    new = text_map.new
    if text_map.identical:
        return (anchor.start, anchor.end) if new[anchor.start : anchor.end] == anchor.quote else None
    expected_start, expected_end = text_map.map_span(anchor.start, anchor.end)
    if not anchor.quote:
        return expected_start, expected_start
    best = _best_occurrence(anchor, new, expected_start)
    if best is not None:
        return best, best + len(anchor.quote)
    mapped = new[expected_start:expected_end]
    if mapped and SequenceMatcher(None, anchor.quote, mapped, autojunk=False).ratio() >= MIN_EDITED_SIMILARITY:
        return expected_start, expected_end
    return None


def _best_occurrence(anchor: Anchor, new: str, expected_start: int) -> int | None:
    quote = anchor.quote
    best: tuple[float, int] | None = None
    position = new.find(quote)
    while position >= 0:
        context = _context_similarity(anchor, new, position)
        near = abs(position - expected_start) <= 2 * len(quote) + 20
        if context >= 0.5 or near or len(quote) >= LONG_QUOTE:
            score = context + (1.0 if near else 0.0) - abs(position - expected_start) / (10 * len(new) + 1)
            if best is None or score > best[0]:
                best = (score, position)
        position = new.find(quote, position + 1)
    return best[1] if best else None


def _context_similarity(anchor: Anchor, new: str, position: int) -> float:
    """0..1: how much of the stored context still surrounds ``position``."""
    before = new[max(0, position - len(anchor.prefix)) : position]
    after_start = position + len(anchor.quote)
    after = new[after_start : after_start + len(anchor.suffix)]
    total = len(anchor.prefix) + len(anchor.suffix)
    if total == 0:
        return 1.0
    same = _common_suffix(anchor.prefix, before) + _common_prefix(anchor.suffix, after)
    if same == total:
        return 1.0
    return (
        SequenceMatcher(None, anchor.prefix, before, autojunk=False).ratio() * len(anchor.prefix)
        + SequenceMatcher(None, anchor.suffix, after, autojunk=False).ratio() * len(anchor.suffix)
    ) / total


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])
