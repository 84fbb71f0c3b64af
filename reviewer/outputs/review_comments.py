"""What the 批注版 says in its comments: the reviewer's annotations, the items the reviewer rejected or
corrected, and the verdict with the remarks — each with the span of the cleaned text it belongs to."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reviewer.summary.collect import figure_display
from reviewer.summary.review_view import Item, ReviewView
from reviewer.vocabulary import (
    AnnotationTag,
    FindingCode,
    ItemKind,
    ItemState,
    RequiredPartCode,
    Severity,
    Verdict,
    label_of,
)

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


def _item_comment(item: Item) -> str:
    machine, values = item.machine, item.effective
    rejected = item.state == ItemState.REJECTED
    if item.kind == ItemKind.FIGURE:
        said = _figure(machine, True)
        if rejected:
            return f"审阅人否决：“{machine.get('text') or said}”不作为数据（机器识别为 {said}）"
        subject_changed = machine.get("subject") != values.get("subject")
        return f"审阅人更正为 {_figure(values, subject_changed)}（机器识别为 {_figure(machine, subject_changed)}）"
    if item.kind == ItemKind.FINDING:
        finding = label_of(FindingCode, str(machine.get("code") or "")) or "检查提示"
        if rejected:
            return f"审阅人否决检查提示“{finding}”：{machine.get('message') or ''}".rstrip("：")
        severity = label_of(Severity, values.get("severity"))
        return f"审阅人更正检查提示“{finding}”{f'（{severity}）' if severity else ''}：{values.get('message') or ''}"
    if item.kind == ItemKind.REQUIRED:
        part = label_of(RequiredPartCode, str(machine.get("code") or ""))
        present = bool(values.get("present")) != rejected
        return f"审阅人判定：报告{'含有' if present else '缺少'}“{part}”"
    if item.kind == ItemKind.SECTION:
        if rejected:
            return "审阅人否决：此处不是标题"
        return f"审阅人更正标题：{values.get('num') or ''} {values.get('title') or ''}".rstrip()
    if rejected:
        return f"审阅人否决：机器识别的“{_plain(machine.get('value'))}”"
    return f"审阅人更正为：{_plain(values.get('value'))}（机器识别为 {_plain(machine.get('value'))}）"


def _figure(values: dict[str, Any], with_subject: bool) -> str:
    shown = figure_display(values) + str(values.get("unit") or "")
    subject = values.get("subject")
    return f"{shown}，统计对象 {subject}" if subject and with_subject else shown


def _plain(value: object) -> str:
    return "（空）" if value in (None, "") else str(value)
