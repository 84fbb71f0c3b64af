"""The project's vocabulary: stable English codes for everything stored or compared, and their Chinese labels.

Every layer stores and compares these codes (a ``StrEnum`` member is its code string, so it goes into
SQLite and JSON as is). What people read comes from :func:`label`, the one catalogue of Chinese labels;
the JSON contract of ``analyze --json`` writes a level as its label (docs/analysis-json.md), so the
edge converts with :func:`label` and :func:`from_label`. Pure Python, below every other layer.
"""
from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import TypeVar


class ItemKind(StrEnum):
    """What a review item is about."""

    SECTION = "section"
    FIGURE = "figure"
    FINDING = "finding"
    METADATA = "metadata"
    REQUIRED = "required"
    INDICATOR = "indicator"  # a filled cell of the indicator table (docs/indicators.md)


class Origin(StrEnum):
    MACHINE = "machine"  # found by the analysis
    MANUAL = "manual"  # added by the reviewer


class ItemState(StrEnum):
    """The reviewer's decision on one item."""

    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    CORRECTED = "corrected"


class ReviewStatus(StrEnum):
    """How far the review of a report has gone."""

    UNREVIEWED = "unreviewed"
    IN_REVIEW = "in_review"
    REVIEWED = "reviewed"


class Verdict(StrEnum):
    """The reviewer's conclusion on a report."""

    PASS = "pass"
    REVISE = "revise"
    FAIL = "fail"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class RequiredPartCode(StrEnum):
    """The four parts the 2019 督察工作规定 requires of an annual report, in the rules' order."""

    MEASURES = "measures"
    SHORTCOMINGS = "shortcomings"
    FIRST_RESPONSIBLE = "first_responsible"
    NEXT_YEAR_PLAN = "next_year_plan"


class FindingCode(StrEnum):
    """Every finding the checks emit; MANUAL for a finding the reviewer added."""

    MISSING_REQUIRED = "missing_required"
    PUBLISHED_LATE = "published_late"
    SIGNED_EARLY = "signed_early"
    HEADING_REPEATED = "heading_repeated"
    HEADING_SKIPPED = "heading_skipped"
    HEADING_OUT_OF_ORDER = "heading_out_of_order"
    SUM_MISMATCH = "sum_mismatch"
    RATE_MISMATCH = "rate_mismatch"
    DAMAGED_NUMBER = "damaged_number"
    BROKEN_BRACKET = "broken_bracket"
    TITLE_MISSING_YEAR = "title_missing_year"
    TITLE_MISSING_UNIT = "title_missing_unit"
    TITLE_YEAR_MISMATCH = "title_year_mismatch"
    UNACCEPTED_REVISIONS = "unaccepted_revisions"
    PUBLISH_DATE_UNKNOWN = "publish_date_unknown"
    OCR_DOUBT = "ocr_doubt"  # a figure read from a scan with a doubtful character
    COPIED_OWN_PREVIOUS = "copied_own_previous"  # a passage of the same unit's earlier report (info)
    COPIED_OTHER_UNIT = "copied_other_unit"  # a passage of another unit's report (warning)
    MANUAL = "manual"


class CopyKind(StrEnum):
    """Where a copied passage comes from."""

    OWN_PREVIOUS = "own_previous"
    OTHER_UNIT = "other_unit"


class AnnotationTag(StrEnum):
    PROBLEM = "problem"
    HIGHLIGHT = "highlight"
    TO_VERIFY = "to_verify"
    OTHER = "other"


class Level(StrEnum):
    """The administrative level of the reporting unit."""

    TOWNSHIP = "township"
    COUNTY = "county"
    PREFECTURE = "prefecture"
    PROVINCE = "province"
    DEPARTMENT = "department"


class Reporting(StrEnum):
    """A unit of a year's roster of expected reports (报送名单), or a report, seen against that roster."""

    REPORTED = "reported"  # on the roster, and a report of that year from it is in the workspace
    NOT_REPORTED = "not_reported"  # on the roster, no report of that year from it
    OFF_ROSTER = "off_roster"  # a report of a year that has a roster, from a unit not on it


class MetadataField(StrEnum):
    """The metadata a report is described by; one review item each."""

    TITLE = "title"
    UNIT = "unit"
    LEVEL = "level"
    REPORT_YEAR = "report_year"
    PUBLISH_DATE = "publish_date"
    SIGN_DATE = "sign_date"
    RECIPIENT = "recipient"
    DOC_NUMBER = "doc_number"


_CATALOGUE: Mapping[type[StrEnum], Mapping[str, str]] = {
    ItemKind: {
        ItemKind.SECTION: "标题",
        ItemKind.FIGURE: "数据",
        ItemKind.FINDING: "问题",
        ItemKind.METADATA: "基本信息",
        ItemKind.REQUIRED: "必备内容",
        ItemKind.INDICATOR: "主要指标",
    },
    CopyKind: {CopyKind.OWN_PREVIOUS: "本单位往年", CopyKind.OTHER_UNIT: "其他单位"},
    Origin: {Origin.MACHINE: "自动识别", Origin.MANUAL: "人工添加"},
    ItemState: {
        ItemState.PENDING: "待审",
        ItemState.ACCEPTED: "已确认",
        ItemState.REJECTED: "已否决",
        ItemState.CORRECTED: "已更正",
    },
    ReviewStatus: {ReviewStatus.UNREVIEWED: "未审", ReviewStatus.IN_REVIEW: "审阅中", ReviewStatus.REVIEWED: "已审"},
    Verdict: {Verdict.PASS: "通过", Verdict.REVISE: "需修改", Verdict.FAIL: "不通过"},
    Severity: {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"},
    RequiredPartCode: {
        RequiredPartCode.MEASURES: "主要举措和成效",
        RequiredPartCode.SHORTCOMINGS: "存在的不足和原因",
        RequiredPartCode.FIRST_RESPONSIBLE: "党政主要负责人履行第一责任人职责情况",
        RequiredPartCode.NEXT_YEAR_PLAN: "下一年度主要安排",
    },
    FindingCode: {
        FindingCode.MISSING_REQUIRED: "缺少必备内容",
        FindingCode.PUBLISHED_LATE: "公开时间晚于规定",
        FindingCode.SIGNED_EARLY: "落款日期早于年度结束",
        FindingCode.HEADING_REPEATED: "标题序号重复",
        FindingCode.HEADING_SKIPPED: "标题序号跳号",
        FindingCode.HEADING_OUT_OF_ORDER: "标题序号顺序错乱",
        FindingCode.SUM_MISMATCH: "分项之和与合计不符",
        FindingCode.RATE_MISMATCH: "比率与数据不符",
        FindingCode.DAMAGED_NUMBER: "数字疑似损坏",
        FindingCode.BROKEN_BRACKET: "文号括号残缺",
        FindingCode.TITLE_MISSING_YEAR: "标题未写明年度",
        FindingCode.TITLE_MISSING_UNIT: "标题未写明单位",
        FindingCode.TITLE_YEAR_MISMATCH: "标题年度与正文不一致",
        FindingCode.UNACCEPTED_REVISIONS: "含未接受的修订",
        FindingCode.PUBLISH_DATE_UNKNOWN: "公开日期不明",
        FindingCode.OCR_DOUBT: "识别可能有误",
        FindingCode.COPIED_OWN_PREVIOUS: "与本单位往年报告相同",
        FindingCode.COPIED_OTHER_UNIT: "与其他单位报告相同",
        FindingCode.MANUAL: "审阅人提出",
    },
    AnnotationTag: {
        AnnotationTag.PROBLEM: "问题",
        AnnotationTag.HIGHLIGHT: "亮点",
        AnnotationTag.TO_VERIFY: "待核实",
        AnnotationTag.OTHER: "其他",
    },
    Level: {
        Level.TOWNSHIP: "乡镇街道",
        Level.COUNTY: "县区",
        Level.PREFECTURE: "地市",
        Level.PROVINCE: "省",
        Level.DEPARTMENT: "部门",
    },
    Reporting: {Reporting.REPORTED: "已报送", Reporting.NOT_REPORTED: "未报送", Reporting.OFF_ROSTER: "不在名单"},
    MetadataField: {
        MetadataField.TITLE: "标题",
        MetadataField.UNIT: "单位",
        MetadataField.LEVEL: "层级",
        MetadataField.REPORT_YEAR: "报告年度",
        MetadataField.PUBLISH_DATE: "公开日期",
        MetadataField.SIGN_DATE: "落款日期",
        MetadataField.RECIPIENT: "主送机关",
        MetadataField.DOC_NUMBER: "文号",
    },
}
"""Code → Chinese label, per vocabulary. A level's label is also its value in the JSON contract."""

REQUIRED_PART_TITLES: Mapping[RequiredPartCode, str] = {
    RequiredPartCode.MEASURES: "推进法治政府建设的主要举措和成效",
    RequiredPartCode.SHORTCOMINGS: "推进法治政府建设存在的不足和原因",
    RequiredPartCode.FIRST_RESPONSIBLE: "党政主要负责人履行推进法治建设第一责任人职责的情况",
    RequiredPartCode.NEXT_YEAR_PLAN: "下一年度推进法治政府建设的主要安排",
}
"""The required parts as the 2019 督察工作规定 names them in full (quoted in the missing-part finding)."""

Code = TypeVar("Code", bound=StrEnum)


def label(code: StrEnum) -> str:
    """The Chinese label of a code."""
    return _CATALOGUE[type(code)][code]


def label_of(vocabulary: type[StrEnum], value: str | None) -> str:
    """The label of ``value`` read as a code of ``vocabulary``; a value that is no such code as it is."""
    if value is None:
        return ""
    code = parse(vocabulary, value)
    return label(code) if code is not None else value


def parse(vocabulary: type[Code], value: object) -> Code | None:
    """``value`` as a code of ``vocabulary``, or None when it is not one."""
    if not isinstance(value, str):
        return None
    try:
        return vocabulary(value)
    except ValueError:
        return None


def from_label(vocabulary: type[Code], text: str | None) -> Code | None:
    """The code whose label (or code) is ``text``; None when there is none."""
    if text is None:
        return None
    text = text.strip()
    for code in vocabulary:
        if text in (label(code), code.value):
            return code
    return None


def labels(vocabulary: type[Code]) -> dict[Code, str]:
    """Every code of ``vocabulary`` with its label, in the vocabulary's order."""
    return {code: label(code) for code in vocabulary}
