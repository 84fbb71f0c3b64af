"""One report as the summary reads it: the analysis, the review items with their states, the annotations
and the review — from a workspace, or made up from a bare analysis (every item pending, no review).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from reviewer.analysis.model import Analysis
from reviewer.vocabulary import ItemState, Origin
from reviewer.workspace.items import build_items

if TYPE_CHECKING:
    from reviewer.workspace import Workspace
    from reviewer.workspace.model import Annotation, ReportReview


class Item(Protocol):
    """What the summary uses of a review item (``reviewer.workspace.model.ReviewItem``)."""

    kind: str
    origin: str
    machine: dict[str, Any]
    corrected: dict[str, Any] | None
    state: str
    start: int | None
    end: int | None

    @property
    def effective(self) -> dict[str, Any]: ...


@dataclass
class MachineItem:
    """An item of an analysis never imported: the machine's word, not yet reviewed."""

    kind: str
    machine: dict[str, Any]
    start: int | None
    end: int | None
    origin: str = Origin.MACHINE
    corrected: dict[str, Any] | None = None
    state: str = ItemState.PENDING

    @property
    def effective(self) -> dict[str, Any]:
        return self.corrected if self.corrected is not None else self.machine


@dataclass
class ReviewView:
    analysis: Analysis
    file_name: str
    sha256: str | None
    items: list[Item]
    annotations: list[Annotation] = field(default_factory=list)
    review: ReportReview | None = None  # None: never imported
    reviewer_name: str | None = None

    def of_kind(self, kind: str) -> list[Item]:
        return [item for item in self.items if item.kind == kind]


def machine_items(analysis: Analysis) -> list[MachineItem]:
    """The items the workspace would make from ``analysis``, all pending."""
    return [MachineItem(draft.kind, draft.machine, draft.start, draft.end) for draft in build_items(analysis)]


def view_from_analysis(analysis: Analysis, file_name: str | None = None, sha256: str | None = None) -> ReviewView:
    """A report never imported: machine analysis only."""
    name = file_name or analysis.source.replace("\\", "/").rsplit("/", 1)[-1]
    return ReviewView(analysis=analysis, file_name=name, sha256=sha256, items=list(machine_items(analysis)))


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
    )
