"""Which items still need the reviewer's eyes (待审) while undecided.

A figure, a finding and a required part make a claim someone must confirm, so they stay pending until
decided. Headings and metadata fields are the machine's reading of the document's shape: untouched, they
are 未核对 (not yet checked) — shown, correctable, but not counted as pending work.
"""
from __future__ import annotations

from reviewer.vocabulary import ItemKind, ItemState

NEEDS_DECISION_KINDS: tuple[ItemKind, ...] = (ItemKind.FIGURE, ItemKind.FINDING, ItemKind.REQUIRED)


def needs_decision(kind: str, state: str) -> bool:
    """True for an item that counts as 待审: undecided, of a kind that must be decided."""
    return state == ItemState.PENDING and kind in NEEDS_DECISION_KINDS


def is_unchecked(kind: str, state: str) -> bool:
    """True for an undecided heading or metadata field (未核对)."""
    return state == ItemState.PENDING and kind not in NEEDS_DECISION_KINDS
