"""One report as the summary reads it: the analysis, the review items with their states, the annotations
and the review — from a workspace, or made up from a bare analysis (every item pending, no review).
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from reviewer.analysis.model import Analysis
from reviewer.workspace import ReviewIdentity, ReviewItem, items_of_analysis

if TYPE_CHECKING:
    from reviewer.workspace import Workspace
    from reviewer.workspace.model import Annotation, ReportReview


@dataclass
class ReviewView:
    analysis: Analysis
    file_name: str
    sha256: str | None
    items: list[ReviewItem]
    annotations: list[Annotation] = field(default_factory=list)
    review: ReportReview | None = None  # None: never imported
    reviewer_name: str | None = None
    identity: ReviewIdentity = field(default_factory=ReviewIdentity)
    report_id: int | None = None  # None: never imported
    bulk_decided: frozenset[int] = frozenset()  # items whose decision was made in bulk

    def of_kind(self, kind: str) -> list[ReviewItem]:
        """The items of ``kind`` in text order (the view's items are sorted by kind once, when first asked)."""
        return list(self._by_kind.get(kind, ()))

    @cached_property
    def _by_kind(self) -> dict[str, list[ReviewItem]]:
        by_kind: dict[str, list[ReviewItem]] = {}
        for item in self.items:
            by_kind.setdefault(item.kind, []).append(item)
        return by_kind


def view_from_analysis(analysis: Analysis, file_name: str | None = None, sha256: str | None = None) -> ReviewView:
    """A report never imported: machine analysis only."""
    name = file_name or analysis.source.replace("\\", "/").rsplit("/", 1)[-1]
    return ReviewView(analysis=analysis, file_name=name, sha256=sha256, items=items_of_analysis(analysis))


BATCH_CHUNK = 500
"""Reports read per round of queries: memory stays bounded however many reports a batch covers."""


def batch_views(ws: Workspace, report_ids: Sequence[int]) -> Iterator[ReviewView]:
    """The reports of a batch summary, read together (a round of queries per BATCH_CHUNK reports): each
    view holds only what a batch row reads (:class:`reviewer.workspace.batch_records.BatchRecord`), not the
    figure list or annotations a review sheet shows."""
    reviewer_name, identity = ws.reviewer_name, ws.identity
    for first in range(0, len(report_ids), BATCH_CHUNK):
        for record in ws.batch_records(report_ids[first:first + BATCH_CHUNK]):
            yield ReviewView(analysis=record.analysis, file_name=record.file_name, sha256=record.sha256,
                             items=record.items, review=record.review, reviewer_name=reviewer_name,
                             identity=identity, report_id=record.report_id)


def view_from_workspace(ws: Workspace, report_id: int) -> ReviewView:
    stored = ws.report(report_id)
    return ReviewView(
        analysis=stored.analysis,
        file_name=stored.file_name,
        sha256=stored.sha256,
        items=list(ws.items(report_id)),
        annotations=list(ws.annotations(report_id)),
        review=ws.review(report_id),
        reviewer_name=ws.reviewer_name,
        identity=ws.identity,
        report_id=report_id,
        bulk_decided=frozenset(ws.bulk_decided_items(report_id)),
    )
