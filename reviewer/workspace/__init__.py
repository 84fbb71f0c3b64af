"""The workspace: every report and every review decision in one local SQLite file.

Everything above this layer (summary, UI, CLI) goes through :class:`Workspace` and the dataclasses
in :mod:`reviewer.workspace.model`; see docs/design/workspace-api.md.
"""
from reviewer.workspace.bulk import import_files
from reviewer.workspace.errors import AnalysisFailed, WorkspaceCorrupt, WorkspaceError, WorkspaceLocked, WorkspaceTooNew
from reviewer.workspace.export import export_json, write_figures_csv
from reviewer.workspace.identity import ReviewIdentity, document_number
from reviewer.workspace.items import items_of_analysis
from reviewer.workspace.migrations import SCHEMA_VERSION
from reviewer.workspace.model import (
    Annotation,
    CarryOver,
    HistoryEntry,
    ImportResult,
    NotReanchored,
    ReanalyzeResult,
    ReportReview,
    ReportSummary,
    RestoredBackup,
    ReviewItem,
    SearchHit,
    SearchTotal,
    StoredReport,
)
from reviewer.workspace.roster import RosterEdit, RosterEntry, RosterUnit
from reviewer.workspace.roster_status import RosterLine, RosterStatus
from reviewer.workspace.values import (
    FigureValues,
    FindingValues,
    ItemValues,
    MetadataValues,
    RequiredValues,
    SectionValues,
)
from reviewer.workspace.workspace import Workspace

__all__ = [
    "SCHEMA_VERSION",
    "FigureValues", "FindingValues", "ItemValues", "MetadataValues", "RequiredValues", "SectionValues",
    "ReviewIdentity", "document_number",
    "export_json", "import_files", "items_of_analysis", "write_figures_csv",
    "AnalysisFailed", "Annotation", "CarryOver", "HistoryEntry", "ImportResult", "NotReanchored", "ReanalyzeResult",
    "ReportReview", "ReportSummary", "RestoredBackup", "ReviewItem", "SearchHit", "SearchTotal", "StoredReport",
    "RosterEdit", "RosterEntry", "RosterLine", "RosterStatus", "RosterUnit",
    "Workspace", "WorkspaceCorrupt", "WorkspaceError", "WorkspaceLocked", "WorkspaceTooNew",
]
