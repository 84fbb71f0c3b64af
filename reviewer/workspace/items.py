"""Review items: one per thing the analysis extracted, each with a key that finds it again.

A key is ``kind:identity#occurrence``: the identity is what the item says in normalised form (a
figure's text, a heading's level/number/title, a finding's code and quoted text, a metadata field, a
required part's code, an indicator's code and its figure's text) and the occurrence counts earlier items with the same identity. Keys do not
depend on offsets, so they survive text inserted elsewhere and small changes in the analyzer.

Matching old items to new ones (:func:`match_items`) uses, in this order: the same identity close to
where the text map puts the old item; an overlapping item whose identity is similar (the analyzer now
takes ``约28亿元`` instead of ``28亿元``); the same key, for items without a span or whose text moved.
"""
from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any, Protocol

from reviewer.analysis.model import REQUIRED_CODES, Analysis, Metadata
from reviewer.vocabulary import ItemKind, ItemState, MetadataField, Origin
from reviewer.workspace.db import json_text
from reviewer.workspace.model import ReviewItem
from reviewer.workspace.reanchor import TextMap
from reviewer.workspace.textfold import fold
from reviewer.workspace.values import (
    FigureValues,
    FindingValues,
    IndicatorValues,
    ItemValues,
    MetadataValues,
    SectionValues,
    figure_values,
    finding_values,
    indicator_values,
    metadata_values,
    required_values,
    section_values,
    to_stored,
)

DERIVED_METADATA: frozenset[str] = frozenset({"unit_key", "issue_date"})
"""Metadata the analysis derives for its own rules (the unit's key, the issuing date behind timeliness): no item."""
METADATA_FIELDS: tuple[str, ...] = tuple(
    f.name for f in dataclasses.fields(Metadata) if not f.name.endswith("_span") and f.name not in DERIVED_METADATA
)
"""One metadata item per field of the analysis's Metadata (the known ones are MetadataField codes)."""
_METADATA_SPANS: dict[str, str] = {MetadataField.TITLE: "title_span", MetadataField.SIGN_DATE: "sign_span"}

NEAR = 200
"""Characters an item may have moved (after mapping) and still be the same item."""

MAX_QUOTE = 40

_DIGITS = re.compile(r"\d+")


@dataclass
class ItemDraft:
    """An item as built from an analysis, before it is stored."""

    kind: ItemKind
    key: str
    ordinal: int
    machine: ItemValues
    start: int | None
    end: int | None
    machine_json: str  # ``machine`` as stored, made here so bulk imports encode it in the worker


class Placed(Protocol):
    """What matching reads of an item (a stored one or a draft)."""

    @property
    def kind(self) -> str: ...
    @property
    def key(self) -> str: ...
    @property
    def start(self) -> int | None: ...
    @property
    def end(self) -> int | None: ...


def build_items(analysis: Analysis) -> list[ItemDraft]:
    text = analysis.text
    raw: list[tuple[ItemKind, ItemValues, int | None, int | None]] = []
    for section in analysis.sections:
        raw.append((ItemKind.SECTION, section_values(section), section.start, section.end))
    for figure in analysis.figures:
        raw.append((ItemKind.FIGURE, figure_values(figure), figure.start, figure.end))
    for finding in analysis.findings:
        raw.append((ItemKind.FINDING, finding_values(finding), finding.start, finding.end))
    for name in METADATA_FIELDS:
        span = getattr(analysis.metadata, _METADATA_SPANS[name]) if name in _METADATA_SPANS else None
        raw.append((ItemKind.METADATA, metadata_values(name, getattr(analysis.metadata, name)),
                    span[0] if span else None, span[1] if span else None))
    for code in REQUIRED_CODES:
        part = analysis.required.get(code)
        if part is not None:
            raw.append((ItemKind.REQUIRED, required_values(part), part.start, part.end))
    for cell in analysis.indicators:
        raw.append((ItemKind.INDICATOR, indicator_values(cell), cell.start, cell.end))
    seen: dict[str, int] = defaultdict(int)
    drafts = []
    for ordinal, (kind, machine, start, end) in enumerate(raw):
        ident = identity(kind, machine, text, start, end)
        drafts.append(ItemDraft(kind, f"{ident}#{seen[ident]}", ordinal, machine, start, end,
                                json_text(to_stored(machine))))
        seen[ident] += 1
    return drafts


def items_of_analysis(analysis: Analysis) -> list[ReviewItem]:
    """The items the workspace would make of ``analysis``, none stored yet: all pending, ids negative."""
    return [
        ReviewItem(id=-1 - draft.ordinal, report_id=0, kind=draft.kind, origin=Origin.MACHINE, key=draft.key,
                   machine=draft.machine, corrected=None, state=ItemState.PENDING, start=draft.start,
                   end=draft.end, reviewer=None, updated_at=None)
        for draft in build_items(analysis)
    ]


def identity(kind: str, values: ItemValues, text: str, start: int | None, end: int | None) -> str:
    """``kind:what-it-says`` in normalised form (see the module docstring)."""
    if isinstance(values, SectionValues):
        what = f"{values.level}|{values.num}|{_norm(values.title)}"
    elif isinstance(values, FigureValues):
        what = _norm(values.text or _quote(text, start, end))
    elif isinstance(values, FindingValues):
        quote = _quote(text, start, end)
        what = f"{values.code}|{_norm(quote) if quote else _norm(values.message)}"
    elif isinstance(values, MetadataValues):
        what = str(values.field)
    elif isinstance(values, IndicatorValues):
        what = f"{values.code}|{_norm(values.text or _quote(text, start, end))}"
    else:
        what = str(values.code)
    return f"{kind}:{what}"


def manual_key(kind: str, values: ItemValues, text: str, start: int | None, end: int | None) -> str:
    return identity(kind, values, text, start, end) + "#manual"


def _quote(text: str, start: int | None, end: int | None) -> str:
    if start is None or end is None or end <= start:
        return ""
    return text[start:end]


def _norm(value: Any) -> str:
    return "".join(fold(str(value or "")).split())[:MAX_QUOTE]


def _identity_of(key: str) -> str:
    return key.rsplit("#", 1)[0]


def _similar(a: str, b: str) -> bool:
    """Mostly the same words and exactly the same numbers: 约28亿元 ~ 28亿元, but 16件 ≁ 17件."""
    a, b = a.split(":", 1)[1], b.split(":", 1)[1]
    if not (a and b) or _DIGITS.findall(a) != _DIGITS.findall(b):
        return False
    return a in b or b in a or SequenceMatcher(None, a, b).ratio() >= 0.6


def match_items(old: Sequence[Placed], new: Sequence[Placed], text_map: TextMap) -> dict[int, int]:
    """Index in ``old`` → index in ``new`` of the same item; unmatched old items are absent."""
    matched: dict[int, int] = {}
    taken: set[int] = set()
    by_identity: dict[str, list[int]] = defaultdict(list)
    for j, item in enumerate(new):
        by_identity[_identity_of(item.key)].append(j)
    mapped = {
        i: text_map.map_span(item.start, item.end)
        for i, item in enumerate(old)
        if item.start is not None and item.end is not None
    }

    pairs = []
    for i, (start, _end) in mapped.items():
        for j in by_identity.get(_identity_of(old[i].key), []):
            candidate = new[j].start
            if candidate is not None and abs(candidate - start) <= NEAR:
                pairs.append((abs(candidate - start), i, j))
    _assign(sorted(pairs), matched, taken)

    pairs = []
    for i, (start, end) in mapped.items():
        if i in matched or end <= start:
            continue
        for j, item in enumerate(new):
            if j in taken or item.kind != old[i].kind or item.start is None or item.end is None:
                continue
            overlap = min(end, item.end) - max(start, item.start)
            if overlap > 0 and _similar(_identity_of(old[i].key), _identity_of(item.key)):
                pairs.append((-overlap, i, j))
    _assign(sorted(pairs), matched, taken)

    by_key = {item.key: j for j, item in enumerate(new)}
    for i, item in enumerate(old):
        if i in matched or (i in mapped and mapped[i][1] > mapped[i][0]):
            continue
        found = by_key.get(item.key)
        if found is not None and found not in taken:
            matched[i] = found
            taken.add(found)
    return matched


def _assign(pairs: list[tuple[int, int, int]], matched: dict[int, int], taken: set[int]) -> None:
    for _score, i, j in pairs:
        if i not in matched and j not in taken:
            matched[i] = j
            taken.add(j)
