"""Two reports' texts paragraph by paragraph: unchanged, changed (with the changed characters), new, removed.

Given the reports' headings, the texts are first cut into top-level sections (the text before the first
heading is one more), and the sections are paired (:func:`reviewer.analysis.section_pairs.paired_sections`):
by heading, and where a heading was renamed by how alike the sections' texts are. Paragraphs are aligned
within each pair; a section without a partner is all new or all removed.

Paragraphs (lines) are aligned with difflib on their text; inside a replaced run, a paragraph is paired
with the other side's paragraph most like it (at least :data:`CHANGED_MIN` alike), in order, so a
heading meets its heading and a reworded paragraph its old form; the rest are new or removed.
"""
from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from reviewer.analysis.model import Section
from reviewer.analysis.section_pairs import Block, paired_sections, section_blocks

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


def aligned_rows(old_text: str, new_text: str, old_sections: Sequence[Section] = (),
                 new_sections: Sequence[Section] = ()) -> list[AlignedRow]:
    """The rows of the two texts in the new text's reading order (an old section without a partner where it
    stood in the old text); without headings, the whole texts are aligned as one section."""
    old_blocks, new_blocks = section_blocks(old_text, old_sections), section_blocks(new_text, new_sections)
    pairs = paired_sections(old_text, new_text, old_blocks, new_blocks)
    old_spans, new_spans = paragraphs(old_text), paragraphs(new_text)
    rows: list[AlignedRow] = []
    emitted = 0  # old blocks before this one are shown
    partner_of = dict(pairs)
    paired_old = set(partner_of.values())
    for new_index, new_block in enumerate(new_blocks):
        news = _inside(new_spans, new_block)
        old_index = partner_of.get(new_index)
        if old_index is None:
            rows += [AlignedRow(RowKind.NEW, None, span) for span in news]
            continue
        for earlier in range(emitted, old_index):
            if earlier not in paired_old:
                rows += [AlignedRow(RowKind.REMOVED, span, None) for span in _inside(old_spans, old_blocks[earlier])]
        emitted = max(emitted, old_index + 1)
        rows += _aligned(old_text, new_text, _inside(old_spans, old_blocks[old_index]), news)
    for index in range(len(old_blocks)):
        if index not in paired_old and index >= emitted:
            rows += [AlignedRow(RowKind.REMOVED, span, None) for span in _inside(old_spans, old_blocks[index])]
    return rows


def _inside(spans: list[Span], block: Block) -> list[Span]:
    return [span for span in spans if block.start <= span.start < block.end]


def _aligned(old_text: str, new_text: str, old_spans: list[Span], new_spans: list[Span]) -> list[AlignedRow]:
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
