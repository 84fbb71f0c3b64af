"""The report shown in the window: its stored analysis, review items, annotations and review, read
together from the workspace, with the look-ups the views need."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from reviewer.vocabulary import ItemKind
from reviewer.workspace.attention import needs_decision

NAVIGATION_KINDS = (ItemKind.FIGURE, ItemKind.FINDING, ItemKind.SECTION)
"""Kinds visited by next/previous pending item (the ones with a place in the text)."""


@dataclass(frozen=True)
class Target:
    """Something the reviewer can select: a review item or an annotation."""

    kind: Literal["item", "annotation"]
    id: int


@dataclass
class OpenReport:
    report_id: int
    text: str
    title: str
    items: list
    annotations: list
    review: object

    @classmethod
    def load(cls, ws, report_id: int) -> OpenReport:
        stored = ws.report(report_id)
        analysis = stored.analysis
        return cls(
            report_id=report_id,
            text=analysis.text,
            title=analysis.metadata.title or stored.file_name,
            items=ws.items(report_id),
            annotations=ws.annotations(report_id),
            review=ws.review(report_id),
        )

    def reload_review_data(self, ws) -> None:
        """Refresh everything the reviewer can change (the text never changes)."""
        self.items = ws.items(self.report_id)
        self.annotations = ws.annotations(self.report_id)
        self.review = ws.review(self.report_id)

    def items_of(self, kind: str) -> list:
        return [item for item in self.items if item.kind == kind]

    def item(self, item_id: int):
        return next((item for item in self.items if item.id == item_id), None)

    def annotation(self, annotation_id: int):
        return next((note for note in self.annotations if note.id == annotation_id), None)

    def span(self, target: Target) -> tuple[int, int] | None:
        thing = self.item(target.id) if target.kind == "item" else self.annotation(target.id)
        if thing is None or thing.start is None or thing.end is None:
            return None
        return thing.start, thing.end

    def target_at(self, offset: int) -> Target | None:
        """The most specific thing covering ``offset``: the shortest span, figures before findings,
        annotations and headings."""
        priority = {ItemKind.FIGURE: 0, ItemKind.FINDING: 1, "annotation": 2, ItemKind.SECTION: 3, ItemKind.METADATA: 4, ItemKind.REQUIRED: 5}
        best: tuple[tuple[int, int], Target] | None = None
        candidates = [(item.kind, item.start, item.end, Target("item", item.id)) for item in self.items]
        candidates += [
            ("annotation", note.start, note.end, Target("annotation", note.id))
            for note in self.annotations
            if note.anchored
        ]
        for kind, start, end, target in candidates:
            if start is None or end is None or not start <= offset < end:
                continue
            rank = (priority.get(kind, 9), end - start)
            if best is None or rank < best[0]:
                best = (rank, target)
        return best[1] if best else None

    def order_key(self, target: Target | None) -> tuple[int, int, int] | None:
        """Where a target sits in text order: (start, end, id); None when it has no place in the text."""
        span = self.span(target) if target else None
        return (span[0], span[1], target.id) if span else None

    def pending_targets(self) -> list[Target]:
        """Pending items with a place in the text, in text order."""
        pending = [
            item
            for item in self.items
            if needs_decision(item.kind, item.state) and item.kind in NAVIGATION_KINDS and item.start is not None
        ]
        pending.sort(key=lambda item: (item.start, item.end, item.id))
        return [Target("item", item.id) for item in pending]

    def next_pending(self, after: tuple[int, int, int], backwards: bool = False) -> Target | None:
        """The pending item after (or before) the text position ``after`` (an :meth:`order_key`),
        wrapping around the report."""
        pending = self.pending_targets()
        if not pending:
            return None
        keys = [self.order_key(target) for target in pending]
        if backwards:
            before = [t for t, k in zip(pending, keys) if k < after]
            return before[-1] if before else pending[-1]
        later = [t for t, k in zip(pending, keys) if k > after]
        return later[0] if later else pending[0]
