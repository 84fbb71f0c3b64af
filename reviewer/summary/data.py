"""Everything a printed summary shows, already decided: the sheets only lay it out.

``collect`` fills these from a workspace (the reviewer's decisions applied) or from a bare analysis;
tests and other callers may build them directly.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from reviewer.vocabulary import ItemState, Reporting, Severity

CHECK_PASS = "符合"
CHECK_FAIL = "不符合"
CHECK_VERIFY = "需核实"
CHECK_RESULTS: tuple[str, ...] = (CHECK_PASS, CHECK_FAIL, CHECK_VERIFY)

UNREVIEWED_VERDICT = "未审阅"
"""Verdict printed for a report that only has the machine's analysis."""


@dataclass
class SheetHeader:
    """The report's identity and the review's outcome, printed at the top of the sheet."""

    file_name: str
    title: str | None = None
    unit: str | None = None
    level: str | None = None
    report_year: int | None = None
    publish_date: str | None = None  # YYYY-MM-DD
    sign_date: str | None = None  # YYYY-MM-DD
    short_hash: str | None = None  # first hex digits of the file's sha256
    reviewer: str | None = None
    review_date: str | None = None  # YYYY-MM-DD
    verdict: str | None = None  # the label of a Verdict, or 未审阅
    review_status: str | None = None  # the label of a ReviewStatus
    recognized: bool = False  # the report's text was read from a scan by text recognition
    office: str | None = None  # 审阅单位 from the settings
    document_number: str | None = None  # e.g. 司法审〔2026〕12号, when a prefix is set


@dataclass
class CheckRow:
    """One line of the checklist: a required part or a check, its result and what shows it."""

    item: str  # e.g. "主要举措和成效", "公开及时性"
    result: str  # one of CHECK_RESULTS
    evidence: str  # the quoted text that satisfies it, or what is missing / wrong
    note: str = ""  # e.g. "审阅人已更正", "待确认"


@dataclass
class FigureRow:
    section: str  # the heading path the figure sits under, e.g. "二、（一）严格规范执法"; "" before any
    text: str  # as written in the report
    value: str  # display value (the reviewed one when corrected)
    unit: str
    subject: str
    state: ItemState  # accepted, corrected or pending
    machine_value: str | None = None  # for corrected figures: what the machine read, "value unit"


@dataclass
class NoteRow:
    """A finding of the checks or an annotation of the reviewer."""

    source: str  # "检查" (machine finding) | "人工" (finding the reviewer added) | "批注"
    label: str  # finding label (e.g. "比率与数据不符") or the annotation tag's label (问题 / 亮点 / …)
    severity: Severity
    quote: str  # the report text it points at; "" for the whole report
    message: str  # the check's sentence
    comment: str = ""  # the reviewer's words
    state: str = ""  # e.g. "待确认", "已确认", "原文已变动"


@dataclass
class SummaryData:
    """One report's review sheet (审阅意见单)."""

    header: SheetHeader
    checks: list[CheckRow] = field(default_factory=list)
    figures: list[FigureRow] = field(default_factory=list)
    notes: list[NoteRow] = field(default_factory=list)
    remarks: str = ""
    reviewed: bool = True  # False: machine analysis only, never imported or never reviewed
    rejected_figures: int = 0
    rejected_findings: int = 0
    accepted_in_bulk: int = 0  # items confirmed by 确认所选 / 确认剩余机器结果 rather than one by one
    unconfirmed: int = 0  # items nobody decided (the machine's result printed as it is)
    generated_at: datetime = field(default_factory=lambda: datetime.now().replace(microsecond=0))


@dataclass
class IndicatorCell:
    text: str  # e.g. "16件 / 97.6%"
    pending: bool = False  # some value in it is the machine's, not yet confirmed


@dataclass
class BatchRow:
    """One report in the batch summary (汇总表)."""

    unit: str | None
    report_year: int | None
    publish_date: str | None
    timeliness: str  # one of CHECK_RESULTS
    required: str  # one of CHECK_RESULTS: all four required parts present / one missing / to verify
    missing_parts: list[str] = field(default_factory=list)
    open_findings: int = 0
    verdict: str | None = None
    title: str | None = None
    file_name: str = ""
    indicators: dict[str, IndicatorCell] = field(default_factory=dict)
    reporting: Reporting | None = None  # against its year's roster (报送名单): OFF_ROSTER is marked; None: no roster


@dataclass
class MissingUnit:
    """A unit on a year's roster with no report of that year (未报送)."""

    unit: str  # as the roster writes it
    report_year: int
    level: str | None = None  # the label of its Level, when the roster gives one


@dataclass
class BatchData:
    rows: list[BatchRow]
    indicator_names: list[str]  # column order of the indicator table
    scope: str = ""  # e.g. "工作区全部报告"
    reviewer: str | None = None
    office: str | None = None  # 审阅单位 from the settings
    generated_at: datetime = field(default_factory=lambda: datetime.now().replace(microsecond=0))
    not_reported: list[MissingUnit] = field(default_factory=list)  # the rosters' units with no report (whole workspace)
