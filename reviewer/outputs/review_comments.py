"""What the 批注版 says in its comments: the reviewer's annotations, the items the reviewer rejected or
corrected, and the verdict with the remarks — each with the span of the cleaned text it belongs to."""
from __future__ import annotations

from dataclasses import dataclass

from reviewer.analysis.indicator_catalogue import indicator_columns
from reviewer.summary.collect import figure_display
from reviewer.summary.review_view import ReviewView
from reviewer.vocabulary import (
    AnnotationTag,
    FindingCode,
    ItemState,
    RequiredPartCode,
    Severity,
    Verdict,
    label_of,
)
from reviewer.workspace.model import ReviewItem
from reviewer.workspace.values import FigureValues, FindingValues, IndicatorValues, RequiredValues, SectionValues

UNANCHORED = "（原文已变动，未能重新定位）"
DEFAULT_AUTHOR = "审阅人"


@dataclass(frozen=True)
class ReviewComment:
    start: int | None  # span in the cleaned text; None: on the whole report
    end: int | None
    text: str
    author: str


def review_comments(view: ReviewView, with_items: bool = True) -> list[ReviewComment]:
    """The comments of one report in text order, the whole report's first."""
    author = (view.review.reviewer if view.review else None) or view.reviewer_name or DEFAULT_AUTHOR
    comments = []
    review = view.review
    if review is not None and (review.verdict or review.remarks.strip()):
        parts = [f"审阅结论：{label_of(Verdict, review.verdict)}" if review.verdict else "", review.remarks.strip()]
        comments.append(ReviewComment(None, None, "\n".join(p for p in parts if p), author))
    for annotation in view.annotations:
        text = label_of(AnnotationTag, annotation.tag) + (f"：{annotation.comment}" if annotation.comment else "")
        if not annotation.anchored:
            text += UNANCHORED
        comments.append(ReviewComment(annotation.start, annotation.end, text, annotation.author or author))
    if with_items:
        for item in view.items:
            if item.state in (ItemState.REJECTED, ItemState.CORRECTED) and item.start is not None:
                comments.append(ReviewComment(item.start, item.end, _item_comment(item), author))
    return sorted(comments, key=lambda c: (c.start is not None, c.start or 0))


def _item_comment(item: ReviewItem) -> str:
    values = item.effective
    machine = item.machine or values
    rejected = item.state == ItemState.REJECTED
    if isinstance(values, FigureValues) and isinstance(machine, FigureValues):
        said = _figure(machine, True)
        if rejected:
            return f"审阅人否决：“{machine.text or said}”不作为数据（机器识别为 {said}）"
        subject_changed = machine.subject != values.subject
        return f"审阅人更正为 {_figure(values, subject_changed)}（机器识别为 {_figure(machine, subject_changed)}）"
    if isinstance(values, FindingValues) and isinstance(machine, FindingValues):
        finding = label_of(FindingCode, machine.code) or "检查提示"
        if rejected:
            return f"审阅人否决检查提示“{finding}”：{machine.message}".rstrip("：")
        severity = label_of(Severity, values.severity)
        return f"审阅人更正检查提示“{finding}”{f'（{severity}）' if severity else ''}：{values.message}"
    if isinstance(values, RequiredValues):
        present = values.present != rejected
        return f"审阅人判定：报告{'含有' if present else '缺少'}“{label_of(RequiredPartCode, values.code)}”"
    if isinstance(values, SectionValues):
        return "审阅人否决：此处不是标题" if rejected else f"审阅人更正标题：{values.num} {values.title}".rstrip()
    if isinstance(values, IndicatorValues):
        column = indicator_columns().get(values.code, values.code)
        if rejected:
            return f"审阅人否决：此数不作为指标“{column}”"
        return f"审阅人更正指标“{column}”为 {_plain(values.value)}{values.unit or ''}"
    value = getattr(values, "value", None)
    if rejected:
        return f"审阅人否决：机器识别的“{_plain(getattr(machine, 'value', None))}”"
    return f"审阅人更正为：{_plain(value)}（机器识别为 {_plain(getattr(machine, 'value', None))}）"


def _figure(values: FigureValues, with_subject: bool) -> str:
    shown = figure_display(values) + (values.unit or "")
    return f"{shown}，统计对象 {values.subject}" if values.subject and with_subject else shown


def _plain(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return "（空）" if value in (None, "") else str(value)
