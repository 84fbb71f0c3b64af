"""Data that crosses from the workspace to the layers above it (summary, UI, CLI).

Offsets are Python string indices into a report's cleaned text (``Analysis.text``), half-open.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reviewer.analysis.model import Analysis
from reviewer.vocabulary import (
    AnnotationTag,
    ItemKind,
    ItemState,
    Level,
    Origin,
    Reporting,
    ReviewStatus,
    Severity,
    Verdict,
)
from reviewer.workspace.values import ItemValues

IMPORT_STATUSES: tuple[str, ...] = ("new", "duplicate", "new_version")


@dataclass
class NotReanchored:
    """Review work that could not be placed on the new text; it is kept, stored as unanchored."""

    target: str  # "item" | "annotation"
    id: int  # the unanchored row on the (new) report
    kind: str  # item kind, or "annotation"
    quote: str  # the text it was attached to
    label: str  # what it is, for people: the comment, or the item's effective text


@dataclass(frozen=True)
class CarryOver:
    """What became of the review work on a replaced report when its new version was imported."""

    carried: int  # decisions kept on the items found again, and remarks on the whole report
    reanchored: int  # manual items and annotations placed again in the new text by their quote and context
    left_for_review: int  # kept without a place in the new text (listed in ``not_reanchored``): to be looked at

    def __add__(self, other: CarryOver) -> CarryOver:
        return CarryOver(self.carried + other.carried, self.reanchored + other.reanchored,
                         self.left_for_review + other.left_for_review)

    def describe(self) -> str:
        """For people (the import line of the CLI and the window's status bar)."""
        text = (f"沿用审阅决定 {self.carried} 项，重新定位批注和手工项目 {self.reanchored} 处，"
                f"留待复核 {self.left_for_review} 处")
        return text + "（未能在新文本中定位，已保留）" if self.left_for_review else text


@dataclass
class ImportResult:
    report_id: int
    status: str  # "new" | "duplicate" | "new_version"
    replaced_report_id: int | None = None
    not_reanchored: list[NotReanchored] = field(default_factory=list)
    carry_over: CarryOver | None = None  # for a new version: what became of the replaced report's review work


@dataclass
class ReanalyzeResult:
    report_id: int
    old_analyzer_version: str
    new_analyzer_version: str
    kept_decisions: int  # reviewer decisions carried to items of the new analysis
    new_items: int  # items the new analysis found that the old one did not
    not_reanchored: list[NotReanchored] = field(default_factory=list)


@dataclass
class ReportSummary:
    id: int
    file_name: str
    title: str | None  # metadata values as corrected by the reviewer, else as extracted
    unit: str | None
    level: Level | None
    report_year: int | None
    publish_date: str | None
    status: ReviewStatus
    verdict: Verdict | None
    open_findings: int  # findings (machine and manual) not rejected
    pending_items: int  # items still 待审: undecided figures, findings and required parts (attention.py)
    imported_at: str
    format: str = ""  # the reader used (LoadedDocument.format): "ocr" when the text was recognized from a scan
    reporting: Reporting | None = None  # against its year's roster: REPORTED or OFF_ROSTER; None: no roster
    needs_recheck: bool = False
    """新版本，需复核: a new version of a report that had review work, not yet marked reviewed again while
    items are pending or carried review work found no place in the new text (see summaries.py)."""


@dataclass
class StoredReport:
    id: int
    file_name: str
    source_path: str | None
    sha256: str
    format: str
    encoding: str | None
    imported_at: str
    analysis: Analysis
    _load_original: Callable[[], bytes] = field(repr=False, compare=False)

    @property
    def original(self) -> bytes:
        """The imported file's bytes, read from the workspace on access."""
        return self._load_original()

    def original_bytes(self) -> bytes:
        return self._load_original()


@dataclass
class ReviewItem:
    id: int
    report_id: int
    kind: ItemKind
    origin: Origin
    key: str  # kind, normalised text and occurrence: survives offset shifts and re-analysis
    machine: ItemValues | None  # what the analysis said, never overwritten (None for manual items)
    corrected: ItemValues | None  # the reviewer's values, of the same type as machine
    state: ItemState
    start: int | None
    end: int | None
    reviewer: str | None
    updated_at: str | None
    anchored: bool = True  # False: carried from an older text/analysis and not found again

    @property
    def effective(self) -> ItemValues:
        """The reviewer's values if any, else the machine's."""
        values = self.corrected if self.corrected is not None else self.machine
        if values is None:
            raise ValueError(f"item {self.id} has no values")
        return values


@dataclass
class Annotation:
    id: int
    report_id: int
    start: int | None  # None: on the whole report
    end: int | None
    quote: str
    prefix: str
    suffix: str
    comment: str
    tag: AnnotationTag
    severity: Severity
    anchored: bool
    created_at: str
    updated_at: str
    author: str | None


@dataclass
class ReportReview:
    report_id: int
    verdict: Verdict | None
    remarks: str
    reviewer: str | None
    status: ReviewStatus
    started_at: str | None
    finished_at: str | None
    updated_at: str | None


@dataclass
class HistoryEntry:
    id: int
    report_id: int | None
    target: str  # "item" | "items" | "annotation" | "review" | "report" | "settings" | "roster"
    target_id: int | None
    action: str
    old: dict[str, Any] | None
    new: dict[str, Any] | None
    at: str
    who: str


@dataclass
class SearchHit:
    report_id: int
    title: str  # the report's title as corrected, else as extracted, else its file name: never empty
    unit: str | None
    snippet: str
    start: int  # offsets of the match in the report's cleaned text
    end: int
    snippet_match: tuple[int, int] = (0, 0)  # offsets of the match inside ``snippet``


@dataclass(frozen=True)
class SearchTotal:
    """Every hit of a search, counted exactly (see :mod:`reviewer.workspace.search`)."""

    reports: int  # reports with at least one hit
    hits: int


@dataclass
class RestoredBackup:
    backup: Path  # the backup now in place
    damaged_copy: Path | None  # where the damaged file was moved (never deleted); None if there was none
