"""Which section of last year's report is which section of this year's: by heading, else by content.

A report is cut into blocks at its top-level headings (the least deep level it uses); the text before the
first heading is a block of its own. Blocks are paired in two passes:

1. by heading: the same title once numbers, spaces and punctuation are set aside, or titles at least
   :data:`TITLE_MIN` alike (a word added or dropped);
2. the blocks left, by content: how many of a block's character pairs (bigrams) the other block has too
   (Dice coefficient), at least :data:`CONTENT_MIN`, best pairs first — so a renamed heading still meets its
   section when the text under it carries on, while a section that is really new does not take an old one.

The preamble pairs with the preamble.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from reviewer.analysis.model import Section

TITLE_MIN = 0.8
CONTENT_MIN = 0.5
_NOT_TITLE = re.compile(r"[\s\W\d一二三四五六七八九十]+")


@dataclass(frozen=True)
class Block:
    """``[start, end)`` of the text; ``title`` is the heading's title (None for the text before the first)."""

    start: int
    end: int
    title: str | None


def section_blocks(text: str, sections: Sequence[Section]) -> list[Block]:
    """The text cut at its top-level headings; one block for the whole text when it has none."""
    if not sections:
        return [Block(0, len(text), None)]
    top = min(section.level for section in sections)
    headings = sorted((s for s in sections if s.level == top), key=lambda s: s.start)
    blocks = [Block(0, headings[0].start, None)] if headings[0].start > 0 else []
    for index, heading in enumerate(headings):
        end = headings[index + 1].start if index + 1 < len(headings) else len(text)
        blocks.append(Block(heading.start, end, heading.title))
    return blocks


def paired_sections(old_text: str, new_text: str, old: Sequence[Block], new: Sequence[Block]) -> list[tuple[int, int]]:
    """``(new index, old index)`` pairs, each block in at most one pair."""
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for j, block in enumerate(new):
        if block.title is None:
            i = next((i for i, b in enumerate(old) if b.title is None and i not in taken), None)
        else:
            i = _same_heading(block.title, old, taken)
        if i is not None:
            pairs[j] = i
            taken.add(i)
    candidates = []
    old_grams = {i: _bigrams(old_text[b.start:b.end]) for i, b in enumerate(old) if i not in taken}
    for j, block in enumerate(new):
        if j in pairs:
            continue
        grams = _bigrams(new_text[block.start:block.end])
        for i, other in old_grams.items():
            score = _dice(grams, other)
            if score >= CONTENT_MIN:
                candidates.append((score, j, i))
    for _score, j, i in sorted(candidates, reverse=True):
        if j not in pairs and i not in taken:
            pairs[j] = i
            taken.add(i)
    return sorted(pairs.items())


def _same_heading(title: str, old: Sequence[Block], taken: set[int]) -> int | None:
    key = _title_key(title)
    best, best_ratio = None, TITLE_MIN
    for i, block in enumerate(old):
        if i in taken or block.title is None:
            continue
        other = _title_key(block.title)
        if other == key:
            return i
        ratio = difflib.SequenceMatcher(None, key, other, autojunk=False).ratio()
        if ratio >= best_ratio:
            best, best_ratio = i, ratio
    return best


def _title_key(title: str) -> str:
    return _NOT_TITLE.sub("", title)


def _bigrams(text: str) -> set[str]:
    compact = _NOT_TITLE.sub("", text)
    return {compact[k:k + 2] for k in range(len(compact) - 1)}


def _dice(a: set[str], b: set[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0
