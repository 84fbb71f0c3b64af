"""Word comments on character ranges of a document's runs.

A range is given by its first and last character, each as (run, offset in the run's text, counted as
:func:`reviewer.analysis.loaders.docx_body.run_child_text` counts it). Runs are split at the range's edges —
each piece a copy of the run with its own formatting (``w:rPr``) — so that the comment covers exactly those
characters; then ``w:commentRangeStart`` goes before the first piece, ``w:commentRangeEnd`` and the
comment's reference after the last, and the comment itself into the comments part (python-docx). Several
ranges may start, end or overlap in the same run: every cut is made first, then every comment placed.
"""
from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.text.run import Run

from reviewer.analysis.loaders.docx_body import run_child_text

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True)
class RunSpot:
    """A character of a run: the ``w:r`` element (lxml) and the character's offset in its text."""

    run: Any
    offset: int


@dataclass(frozen=True)
class CommentRange:
    first: RunSpot
    last: RunSpot  # the range's last character (inclusive)
    text: str
    author: str


def add_comments(document: WordDocument, ranges: Sequence[CommentRange]) -> None:
    """Anchor one comment on each range, in the order given."""
    cutter = _RunCutter()
    for comment in ranges:
        cutter.cut_before(comment.first)
        cutter.cut_before(RunSpot(comment.last.run, comment.last.offset + 1))
    cutter.cut()
    for comment in ranges:
        first = cutter.piece_from(comment.first)
        last = cutter.piece_to(RunSpot(comment.last.run, comment.last.offset + 1))
        document.add_comment([Run(first, document), Run(last, document)], text=comment.text,
                             author=comment.author, initials=comment.author[:1])


def run_length(run: Any) -> int:
    return sum(len(run_child_text(child, W)) for child in run)


class _RunCutter:
    """Cuts runs at character offsets and finds the piece that starts or ends at an offset."""

    def __init__(self) -> None:
        self._cuts: dict[Any, set[int]] = {}
        self._pieces: dict[Any, list[tuple[int, Any]]] = {}  # run -> (start offset, piece), in order

    def cut_before(self, spot: RunSpot) -> None:
        self._cuts.setdefault(spot.run, set()).add(spot.offset)

    def cut(self) -> None:
        for run, offsets in self._cuts.items():
            length = run_length(run)
            pieces = [(0, run)]
            for offset in sorted(o for o in offsets if 0 < o < length):
                start, piece = pieces[-1]
                pieces.append((offset, _split(piece, offset - start)))
            self._pieces[run] = pieces

    def piece_from(self, spot: RunSpot) -> Any:
        """The piece whose text starts at ``spot``."""
        pieces = self._pieces[spot.run]
        return next((piece for start, piece in reversed(pieces) if start <= spot.offset), pieces[0][1])

    def piece_to(self, end: RunSpot) -> Any:
        """The piece whose text ends at ``end`` (an offset one past the range's last character)."""
        pieces = self._pieces[end.run]
        return next((piece for start, piece in reversed(pieces) if start < end.offset), pieces[0][1])


def _split(run: Any, offset: int) -> Any:
    """Cut ``run`` before its character ``offset``: it keeps what comes before, a copy of it with the same
    formatting, inserted right after it, takes the rest. Returns the copy."""
    tail = copy.deepcopy(run)
    head_children = [child for child in run if child.tag != qn("w:rPr")]
    tail_children = [child for child in tail if child.tag != qn("w:rPr")]
    position = 0
    for head_child, tail_child in zip(head_children, tail_children):
        length = len(run_child_text(head_child, W))
        if position + length <= offset and (length or position < offset):
            tail.remove(tail_child)
        elif position >= offset:
            run.remove(head_child)
        elif head_child.tag != qn("w:t"):  # a ruby is not cut: it stays whole before the cut
            tail.remove(tail_child)
        else:  # a text straddling the cut
            cut = offset - position
            head_child.text, tail_child.text = head_child.text[:cut], head_child.text[cut:]
            for text in (head_child, tail_child):
                text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        position += length
    run.addnext(tail)
    return tail
