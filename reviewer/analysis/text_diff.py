"""Two reports' texts paragraph by paragraph: unchanged, changed (with the changed characters), new, removed.

Paragraphs (lines) are aligned with difflib on their text; inside a replaced run, a paragraph is paired
with the other side's paragraph most like it (at least :data:`CHANGED_MIN` alike), in order, so a
heading meets its heading and a reworded paragraph its old form; the rest are new or removed.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from enum import StrEnum

CHANGED_MIN = 0.5


class RowKind(StrEnum):
    UNCHANGED = "unchanged"
    CHANGED = "changed"
    NEW = "new"
    REMOVED = "removed"


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class AlignedRow:
    """One row of the side-by-side view; ``old``/``new`` are paragraph spans (None: nothing on that side),
    ``old_changes``/``new_changes`` the character spans that differ (for a changed row)."""

    kind: RowKind
    old: Span | None
    new: Span | None
    old_changes: tuple[Span, ...] = ()
    new_changes: tuple[Span, ...] = ()


def paragraphs(text: str) -> list[Span]:
    """Non-empty lines, without their surrounding spaces."""
    spans = []
    start = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            offset = start + line.index(stripped)
            spans.append(Span(offset, offset + len(stripped)))
        start += len(line) + 1
    return spans


def aligned_rows(old_text: str, new_text: str) -> list[AlignedRow]:
    """The rows of the two texts in reading order."""
    old_spans, new_spans = paragraphs(old_text), paragraphs(new_text)
    old_lines = [old_text[s.start:s.end] for s in old_spans]
    new_lines = [new_text[s.start:s.end] for s in new_spans]
    rows: list[AlignedRow] = []
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            rows += [AlignedRow(RowKind.UNCHANGED, old_spans[i], new_spans[j]) for i, j in zip(range(i1, i2), range(j1, j2),
                                                                                           strict=True)]
            continue
        rows += _paired(old_text, new_text, old_spans[i1:i2], new_spans[j1:j2])
    return rows


def _paired(old_text: str, new_text: str, olds: list[Span], news: list[Span]) -> list[AlignedRow]:
    rows: list[AlignedRow] = []
    next_old = 0
    for new in news:
        new_line = new_text[new.start:new.end]
        best, best_ratio = None, CHANGED_MIN
        for index in range(next_old, len(olds)):
            old = olds[index]
            ratio = difflib.SequenceMatcher(None, old_text[old.start:old.end], new_line, autojunk=False).ratio()
            if ratio >= best_ratio:
                best, best_ratio = index, ratio
        if best is None:
            rows.append(AlignedRow(RowKind.NEW, None, new))
            continue
        rows += [AlignedRow(RowKind.REMOVED, old, None) for old in olds[next_old:best]]
        rows.append(_changed(old_text, new_text, olds[best], new))
        next_old = best + 1
    rows += [AlignedRow(RowKind.REMOVED, old, None) for old in olds[next_old:]]
    return rows


def _changed(old_text: str, new_text: str, old: Span, new: Span) -> AlignedRow:
    matcher = difflib.SequenceMatcher(None, old_text[old.start:old.end], new_text[new.start:new.end], autojunk=False)
    old_changes, new_changes = [], []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if i2 > i1:
            old_changes.append(Span(old.start + i1, old.start + i2))
        if j2 > j1:
            new_changes.append(Span(new.start + j1, new.start + j2))
    return AlignedRow(RowKind.CHANGED, old, new, tuple(old_changes), tuple(new_changes))
