"""Checks on the report's form: required parts, deadlines, heading numbering, and the title."""
from __future__ import annotations

from typing import Any

from reviewer.analysis.metadata import body_year, unit_in_title, year_in_title
from reviewer.analysis.model import Finding, Metadata, RequiredPart, Section
from reviewer.analysis.numerals import int_to_chinese
from reviewer.analysis.outline import format_marker, section_number
from reviewer.vocabulary import REQUIRED_PART_TITLES

RULES_FIRST_YEAR = 2019
"""Reports about this year or later fall under the 2019 rules, which list the required parts."""


def check_structure(
    text: str, metadata: Metadata, sections: list[Section], required: dict[str, RequiredPart]
) -> list[Finding]:
    title_span = metadata.title_span or (0, 0)
    return [
        *_missing_parts(metadata.report_year, required, title_span),
        *_published_late(metadata, title_span),
        *_signed_early(metadata),
        *check_numbering(sections),
        *_title_findings(text, metadata, sections, title_span),
    ]


def _missing_parts(
    year: int | None, required: dict[str, RequiredPart], span: tuple[int, int]
) -> list[Finding]:
    if year is None:
        severity, note = "warning", "报告年度不明，请核实是否适用2019年《法治政府建设与责任落实督察工作规定》"
    elif year >= RULES_FIRST_YEAR:
        severity, note = "error", "《法治政府建设与责任落实督察工作规定》要求年度报告包含此项"
    else:
        severity, note = "info", f"{year}年度报告早于2019年督察工作规定，仅作提示"
    return [
        Finding(
            code="missing_required", severity=severity,
            message=f"未找到“{name}”部分（{note}）",
            start=span[0], end=span[1], detail={"part": code},
        )
        for code, name in REQUIRED_PART_TITLES.items()
        if code in required and not required[code].present
    ]


def _published_late(metadata: Metadata, span: tuple[int, int]) -> list[Finding]:
    year, published = metadata.report_year, metadata.publish_date
    if published is None:
        return _timeliness_from_the_document(metadata, span)
    if year is None:
        return []
    deadline = f"{year + 1}-03-31"
    if published <= deadline:
        return []
    return [Finding(
        code="published_late", severity="warning",
        message=f"公开日期{_chinese_date(published)}晚于规定期限：{year}年度报告应在{year + 1}年4月1日前公开",
        start=span[0], end=span[1],
        detail={"publish_date": published, "deadline": deadline, "report_year": year},
    )]


def _timeliness_from_the_document(metadata: Metadata, span: tuple[int, int]) -> list[Finding]:
    """Without a publish date (a .docx, a PDF, a scan): a report cannot have been made public before it was
    signed or issued, so a signature or issuing date after the deadline makes it late; otherwise whether it
    was public in time is unknown, which is said (info) rather than left unchecked."""
    year = metadata.report_year
    stated = max(
        ((date, name) for date, name in ((metadata.sign_date, "落款"), (metadata.issue_date, "印发")) if date),
        default=None,
    )
    if year is not None and stated is not None and stated[0] > f"{year + 1}-03-31":
        date, name = stated
        return [Finding(
            code="published_late", severity="warning",
            message=f"{name}日期{_chinese_date(date)}已晚于规定期限：{year}年度报告应在{year + 1}年4月1日前公开",
            start=span[0], end=span[1],
            detail={"stated_date": date, "stated_as": name, "deadline": f"{year + 1}-03-31", "report_year": year},
        )]
    return [Finding(
        code="publish_date_unknown", severity="info", message="未能确定公开日期，无法判断是否按时公开",
        start=span[0], end=span[1],
        detail={"sign_date": metadata.sign_date, "issue_date": metadata.issue_date, "report_year": year},
    )]


def _signed_early(metadata: Metadata) -> list[Finding]:
    """A report about a year signed before that year's last day cannot cover the whole year. Signing in
    its December is common practice for year-end summaries (info); earlier is a warning."""
    year, signed = metadata.report_year, metadata.sign_date
    if year is None or signed is None or signed >= f"{year}-12-31":
        return []
    severity = "info" if signed >= f"{year}-12-01" else "warning"
    span = metadata.sign_span or (0, 0)
    return [Finding(
        code="signed_early", severity=severity,
        message=f"落款日期{_chinese_date(signed)}早于{year}年度结束，报告未能涵盖全年情况",
        start=span[0], end=span[1],
        detail={"sign_date": signed, "report_year": year},
    )]


def check_numbering(sections: list[Section]) -> list[Finding]:
    """Repeated, skipped and out-of-order numbers among the headings of one level under one parent.
    A list that continues the previous parent's numbering (1–3 under (一), 4–5 under (二)) is not skipped."""
    groups: dict[tuple[int, int], list[Section]] = {}
    parents: list[tuple[int, Section]] = []
    for index, section in enumerate(sections):
        while parents and parents[-1][1].level >= section.level:
            parents.pop()
        parent = parents[-1][0] if parents else -1
        groups.setdefault((parent, section.level), []).append(section)
        parents.append((index, section))
    findings: list[Finding] = []
    last_number_at_level: dict[int, int] = {}
    for (_, level), members in groups.items():
        findings += _numbering_of_group(members, last_number_at_level.get(level))
        last_number_at_level[level] = section_number(members[-1])
    findings.sort(key=lambda f: f.start)
    return findings


def _numbering_of_group(members: list[Section], previous_group_last: int | None) -> list[Finding]:
    findings: list[Finding] = []
    first = section_number(members[0])
    expected = 1 if previous_group_last is None or first != previous_group_last + 1 else first
    seen: dict[int, int] = {}
    for section in members:
        number = section_number(section)
        seen[number] = seen.get(number, 0) + 1
        marker = format_marker(section.style, number)
        detail = {"level": section.level, "num": section.num, "expected": expected}
        if seen[number] > 1 and number == expected - 1:
            findings.append(_heading_finding(
                "heading_repeated", section, detail,
                f"第{int_to_chinese(seen[number])}个“{marker}”标题序号重复，应为“{format_marker(section.style, expected)}”",
            ))
        elif number > expected:
            missing = format_marker(section.style, expected)
            if number > expected + 1:
                missing += f"至“{format_marker(section.style, number - 1)}"
            findings.append(_heading_finding(
                "heading_skipped", section, detail, f"标题序号跳号：“{marker}”之前缺少“{missing}”",
            ))
        elif number < expected:
            findings.append(_heading_finding(
                "heading_out_of_order", section, detail,
                f"标题序号顺序错乱：“{marker}”出现在“{format_marker(section.style, expected - 1)}”之后，"
                f"应为“{format_marker(section.style, expected)}”",
            ))
        expected = number + 1
    return findings


def _heading_finding(code: str, section: Section, detail: dict[str, Any], message: str) -> Finding:
    return Finding(code=code, severity="warning", message=message, start=section.start, end=section.end,
                   detail=detail)


def _title_findings(
    text: str, metadata: Metadata, sections: list[Section], span: tuple[int, int]
) -> list[Finding]:
    title = metadata.title
    if not title:
        return []
    findings: list[Finding] = []
    title_year = year_in_title(title)
    if title_year is None:
        findings.append(Finding(
            code="title_missing_year", severity="warning", message=f"标题“{title}”未写明报告年度",
            start=span[0], end=span[1], detail={"title": title},
        ))
    if unit_in_title(title) is None:
        findings.append(Finding(
            code="title_missing_unit", severity="warning", message=f"标题“{title}”未写明报告单位",
            start=span[0], end=span[1], detail={"title": title, "unit": metadata.unit},
        ))
    body = body_year(text, sections, span[1])
    if title_year is not None and body is not None and body != title_year:
        findings.append(Finding(
            code="title_year_mismatch", severity="warning",
            message=f"标题写明{title_year}年度，正文所述为{body}年度情况",
            start=span[0], end=span[1], detail={"title_year": title_year, "body_year": body},
        ))
    return findings


def _chinese_date(iso: str) -> str:
    year, month, day = iso.split("-")
    return f"{int(year)}年{int(month)}月{int(day)}日"
