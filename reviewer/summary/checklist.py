"""The checklist rows of a review sheet, from the review items as the reviewer left them.

A finding the reviewer rejected no longer fails its row; a required part the reviewer corrected counts as
corrected; a rejected required-part item means the machine was wrong about it (present ↔ absent).
Whatever is still the machine's unconfirmed word is marked 待确认.
"""
from __future__ import annotations

from reviewer.analysis.model import REQUIRED_CODES
from reviewer.summary.data import CHECK_FAIL, CHECK_PASS, CHECK_VERIFY, CheckRow
from reviewer.summary.markup import shorten
from reviewer.summary.review_view import Item, ReviewView

REQUIRED_LABELS: dict[str, str] = {
    "measures": "主要举措和成效",
    "shortcomings": "存在的不足和原因",
    "first_responsible": "党政主要负责人履行第一责任人职责情况",
    "next_year_plan": "下一年度主要安排",
}

TIMELINESS_CODES = ("published_late", "signed_early")
HEADING_CODES = ("heading_repeated", "heading_skipped", "heading_out_of_order")
ARITHMETIC_CODES = ("sum_mismatch", "rate_mismatch")

FIRST_YEAR_OF_CONTENT_RULES = 2019
"""Reports about years before this had no fixed content list: a missing part is only worth a note."""

QUOTE_CHARS = 120

_STATE_NOTES = {"pending": "机器判断，待确认", "corrected": "审阅人已更正", "rejected": "审阅人已否定机器判断"}


def quote(view: ReviewView, start: int | None, end: int | None, limit: int = QUOTE_CHARS) -> str:
    if start is None or end is None or end <= start:
        return ""
    return shorten(view.analysis.text[start:end], limit)


def open_findings(view: ReviewView, codes: tuple[str, ...] | None = None) -> list[Item]:
    """Findings the reviewer has not rejected (optionally only those with ``codes``)."""
    return [
        item for item in view.of_kind("finding")
        if item.state != "rejected" and (codes is None or item.effective.get("code") in codes)
    ]


def reviewed_metadata(view: ReviewView) -> dict[str, object]:
    """Metadata values as the reviewer left them: corrected values win, rejected ones are unknown."""
    values: dict[str, object] = {
        name: getattr(view.analysis.metadata, name)
        for name in ("title", "unit", "level", "report_year", "publish_date", "sign_date")
    }
    for item in view.of_kind("metadata"):
        name = item.effective.get("field") or item.machine.get("field")
        if name in values:
            values[name] = None if item.state == "rejected" else item.effective.get("value")
    year = values.get("report_year")
    if isinstance(year, str):
        values["report_year"] = int(year) if year.strip().isdigit() else None
    return values


def _required_row(view: ReviewView, code: str, report_year: int | None) -> CheckRow:
    label = REQUIRED_LABELS[code]
    item = next((i for i in view.of_kind("required") if i.machine.get("code", i.effective.get("code")) == code), None)
    if item is None:
        part = view.analysis.required.get(code)
        present = bool(part and part.present)
        start, end = (part.start, part.end) if part else (None, None)
        note = ""
    else:
        present = bool(item.effective.get("present"))
        if item.state == "rejected":
            present = not bool(item.machine.get("present"))
        start, end, note = item.start, item.end, _STATE_NOTES.get(item.state, "")
    if present:
        evidence = quote(view, start, end) or "审阅人确认报告含有此部分"
        return CheckRow(label, CHECK_PASS, evidence, note)
    evidence = f"未找到“{label}”相关内容"
    if report_year is not None and report_year < FIRST_YEAR_OF_CONTENT_RULES:
        return CheckRow(label, CHECK_VERIFY, evidence + "（2019年以前的报告无统一内容要求，仅作提示）", note)
    return CheckRow(label, CHECK_FAIL, evidence, note)


def _findings_row(item_label: str, findings: list[Item], view: ReviewView) -> CheckRow | None:
    if not findings:
        return None
    result = CHECK_FAIL if any(f.effective.get("severity") in ("error", "warning") for f in findings) else CHECK_VERIFY
    lines = []
    for finding in findings:
        text = finding.effective.get("message") or ""
        cited = quote(view, finding.start, finding.end, 60)
        if cited and cited not in text:
            text += f"（原文：{cited}）"
        lines.append(text)
    note = "机器判断，待确认" if any(f.state == "pending" for f in findings) else ""
    return CheckRow(item_label, result, "\n".join(lines), note)


def _timeliness_row(view: ReviewView, metadata: dict[str, object]) -> CheckRow:
    """A publish date or year the reviewer corrected (or entered where the machine found none) is judged
    here, and the machine's 公开时间晚于规定, computed from its own dates, no longer counts."""
    label = "公开及时性"
    findings = open_findings(view, TIMELINESS_CODES)
    if _reviewer_dated(view):
        findings = [f for f in findings if f.effective.get("code") != "published_late"]
    failed = _findings_row(label, findings, view)
    if failed:
        return failed
    year, published = metadata.get("report_year"), metadata.get("publish_date")
    if not published:
        return CheckRow(label, CHECK_VERIFY, "未找到公开（发布）日期，请核实公开时间")
    if not isinstance(year, int):
        return CheckRow(label, CHECK_VERIFY, f"公开日期 {published}；报告年度未识别，无法判断")
    deadline = f"{year + 1}-03-31"
    if str(published) <= deadline:
        return CheckRow(label, CHECK_PASS, f"公开日期 {published}，不晚于 {deadline}")
    evidence = f"公开日期 {published}，晚于 {deadline}"
    if _rejected_findings(view, TIMELINESS_CODES):
        return CheckRow(label, CHECK_PASS, evidence, "审阅人已否定“公开时间晚于规定”")
    return CheckRow(label, CHECK_FAIL, evidence)


def _reviewer_dated(view: ReviewView) -> bool:
    return any(
        item.state == "corrected" and item.machine.get("field") in ("publish_date", "report_year")
        for item in view.of_kind("metadata")
    )


def _rejected_findings(view: ReviewView, codes: tuple[str, ...]) -> list[Item]:
    return [i for i in view.of_kind("finding") if i.state == "rejected" and i.effective.get("code") in codes]


def _clean_row(view: ReviewView, label: str, codes: tuple[str, ...], fine: str) -> CheckRow:
    failed = _findings_row(label, open_findings(view, codes), view)
    if failed:
        return failed
    rejected = _rejected_findings(view, codes)
    return CheckRow(label, CHECK_PASS, fine, f"审阅人已否定 {len(rejected)} 项机器提示" if rejected else "")


def checklist(view: ReviewView) -> list[CheckRow]:
    """Four required parts, then timeliness, heading numbering and arithmetic."""
    metadata = reviewed_metadata(view)
    year = metadata.get("report_year")
    rows = [_required_row(view, code, year if isinstance(year, int) else None) for code in REQUIRED_CODES]
    rows.append(_timeliness_row(view, metadata))
    if view.of_kind("section") or open_findings(view, HEADING_CODES):
        rows.append(_clean_row(view, "标题序号", HEADING_CODES, "未发现序号重复、跳号或顺序错乱"))
    else:
        rows.append(CheckRow("标题序号", CHECK_VERIFY, "未识别到带序号的标题"))
    rows.append(_clean_row(view, "数据一致性", ARITHMETIC_CODES, "未发现分项与合计不符、比率与数据不符"))
    return rows
