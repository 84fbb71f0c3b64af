"""The checklist rows of a review sheet, from the review items as the reviewer left them.

A finding the reviewer rejected no longer fails its row; a required part the reviewer corrected counts as
corrected; a rejected required-part item means the machine was wrong about it (present ↔ absent).
Whatever is still the machine's unconfirmed word is marked 待确认.
"""
from __future__ import annotations

from reviewer.summary.data import CHECK_FAIL, CHECK_PASS, CHECK_VERIFY, CheckRow
from reviewer.summary.markup import shorten
from reviewer.summary.review_view import ReviewView
from reviewer.vocabulary import (
    FindingCode,
    ItemKind,
    ItemState,
    Level,
    MetadataField,
    RequiredPartCode,
    Severity,
    label,
    label_of,
)
from reviewer.workspace import ReviewItem

TIMELINESS_CODES = (FindingCode.PUBLISHED_LATE, FindingCode.SIGNED_EARLY)
HEADING_CODES = (FindingCode.HEADING_REPEATED, FindingCode.HEADING_SKIPPED, FindingCode.HEADING_OUT_OF_ORDER)
ARITHMETIC_CODES = (FindingCode.SUM_MISMATCH, FindingCode.RATE_MISMATCH)
SHEET_METADATA = (
    MetadataField.TITLE, MetadataField.UNIT, MetadataField.LEVEL, MetadataField.REPORT_YEAR,
    MetadataField.PUBLISH_DATE, MetadataField.SIGN_DATE,
)

FIRST_YEAR_OF_CONTENT_RULES = 2019
"""Reports about years before this had no fixed content list: a missing part is only worth a note."""

QUOTE_CHARS = 120

_STATE_NOTES = {
    ItemState.PENDING: "机器判断，待确认",
    ItemState.CORRECTED: "审阅人已更正",
    ItemState.REJECTED: "审阅人已否定机器判断",
}


def quote(view: ReviewView, start: int | None, end: int | None, limit: int = QUOTE_CHARS) -> str:
    if start is None or end is None or end <= start:
        return ""
    return shorten(view.analysis.text[start:end], limit)


def open_findings(view: ReviewView, codes: tuple[str, ...] | None = None) -> list[ReviewItem]:
    """Findings the reviewer has not rejected (optionally only those with ``codes``)."""
    return [
        item for item in view.of_kind(ItemKind.FINDING)
        if item.state != ItemState.REJECTED and (codes is None or item.effective.code in codes)
    ]


def reviewed_metadata(view: ReviewView) -> dict[str, object]:
    """Metadata values as the reviewer left them: corrected values win, rejected ones are unknown.
    The level is shown by its label."""
    values: dict[str, object] = {name: getattr(view.analysis.metadata, name) for name in SHEET_METADATA}
    for item in view.of_kind(ItemKind.METADATA):
        name = item.effective.field or (item.machine.field if item.machine else "")
        if name in values:
            value = item.effective.value
            values[name] = None if item.state == ItemState.REJECTED else value
            if name == MetadataField.LEVEL and isinstance(value, str):
                values[name] = label_of(Level, value)
    year = values.get(MetadataField.REPORT_YEAR)
    if isinstance(year, str):
        values[MetadataField.REPORT_YEAR] = int(year) if year.strip().isdigit() else None
    return values


def _required_row(view: ReviewView, code: RequiredPartCode, report_year: int | None) -> CheckRow:
    name = label(code)
    item = next(
        (i for i in view.of_kind(ItemKind.REQUIRED) if (i.machine or i.effective).code == code), None
    )
    if item is None:
        part = view.analysis.required.get(code)
        present = bool(part and part.present)
        start, end = (part.start, part.end) if part else (None, None)
        note = ""
    else:
        present = item.effective.present
        if item.state == ItemState.REJECTED:
            present = not (item.machine or item.effective).present
        start, end, note = item.start, item.end, _STATE_NOTES.get(item.state, "")
    if present:
        evidence = quote(view, start, end) or "审阅人确认报告含有此部分"
        return CheckRow(name, CHECK_PASS, evidence, note)
    evidence = f"未找到“{name}”相关内容"
    if report_year is not None and report_year < FIRST_YEAR_OF_CONTENT_RULES:
        return CheckRow(name, CHECK_VERIFY, evidence + "（2019年以前的报告无统一内容要求，仅作提示）", note)
    return CheckRow(name, CHECK_FAIL, evidence, note)


def _findings_row(item_label: str, findings: list[ReviewItem], view: ReviewView) -> CheckRow | None:
    if not findings:
        return None
    serious = (Severity.ERROR, Severity.WARNING)
    result = CHECK_FAIL if any(f.effective.severity in serious for f in findings) else CHECK_VERIFY
    lines = []
    for finding in findings:
        text = finding.effective.message
        cited = quote(view, finding.start, finding.end, 60)
        if cited and cited not in text:
            text += f"（原文：{cited}）"
        lines.append(text)
    note = _STATE_NOTES[ItemState.PENDING] if any(f.state == ItemState.PENDING for f in findings) else ""
    return CheckRow(item_label, result, "\n".join(lines), note)


def _timeliness_row(view: ReviewView, metadata: dict[str, object]) -> CheckRow:
    """A publish date or year the reviewer corrected (or entered where the machine found none) is judged
    here, and the machine's 公开时间晚于规定, computed from its own dates, no longer counts."""
    name = "公开及时性"
    findings = open_findings(view, TIMELINESS_CODES)
    if _reviewer_dated(view):
        findings = [f for f in findings if f.effective.code != FindingCode.PUBLISHED_LATE]
    failed = _findings_row(name, findings, view)
    if failed:
        return failed
    year, published = metadata.get(MetadataField.REPORT_YEAR), metadata.get(MetadataField.PUBLISH_DATE)
    if not published:
        return CheckRow(name, CHECK_VERIFY, "未找到公开（发布）日期，请核实公开时间")
    if not isinstance(year, int):
        return CheckRow(name, CHECK_VERIFY, f"公开日期 {published}；报告年度未识别，无法判断")
    deadline = f"{year + 1}-03-31"
    if str(published) <= deadline:
        return CheckRow(name, CHECK_PASS, f"公开日期 {published}，不晚于 {deadline}")
    evidence = f"公开日期 {published}，晚于 {deadline}"
    if _rejected_findings(view, TIMELINESS_CODES):
        return CheckRow(name, CHECK_PASS, evidence, f"审阅人已否定“{label(FindingCode.PUBLISHED_LATE)}”")
    return CheckRow(name, CHECK_FAIL, evidence)


def _reviewer_dated(view: ReviewView) -> bool:
    return any(
        (item.state == ItemState.CORRECTED or item.machine is None)
        and item.effective.field in (MetadataField.PUBLISH_DATE, MetadataField.REPORT_YEAR)
        for item in view.of_kind(ItemKind.METADATA)
    )


def _rejected_findings(view: ReviewView, codes: tuple[str, ...]) -> list[ReviewItem]:
    return [
        i for i in view.of_kind(ItemKind.FINDING) if i.state == ItemState.REJECTED and i.effective.code in codes
    ]


def _clean_row(view: ReviewView, name: str, codes: tuple[str, ...], fine: str) -> CheckRow:
    failed = _findings_row(name, open_findings(view, codes), view)
    if failed:
        return failed
    rejected = _rejected_findings(view, codes)
    return CheckRow(name, CHECK_PASS, fine, f"审阅人已否定 {len(rejected)} 项机器提示" if rejected else "")


def required_rows(view: ReviewView, metadata: dict[str, object]) -> list[CheckRow]:
    """The rows of the four required parts (``metadata``: :func:`reviewed_metadata` of the view)."""
    year = metadata.get(MetadataField.REPORT_YEAR)
    return [_required_row(view, code, year if isinstance(year, int) else None) for code in RequiredPartCode]


def timeliness_row(view: ReviewView, metadata: dict[str, object]) -> CheckRow:
    """The row of 公开及时性 (``metadata``: :func:`reviewed_metadata` of the view)."""
    return _timeliness_row(view, metadata)


def checklist(view: ReviewView) -> list[CheckRow]:
    """Four required parts, then timeliness, heading numbering and arithmetic."""
    metadata = reviewed_metadata(view)
    rows = required_rows(view, metadata)
    rows.append(_timeliness_row(view, metadata))
    if view.of_kind(ItemKind.SECTION) or open_findings(view, HEADING_CODES):
        rows.append(_clean_row(view, "标题序号", HEADING_CODES, "未发现序号重复、跳号或顺序错乱"))
    else:
        rows.append(CheckRow("标题序号", CHECK_VERIFY, "未识别到带序号的标题"))
    rows.append(_clean_row(view, "数据一致性", ARITHMETIC_CODES, "未发现分项与合计不符、比率与数据不符"))
    return rows
