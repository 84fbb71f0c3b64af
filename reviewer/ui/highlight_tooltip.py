"""The tooltip of a highlight in the text: what it is, its value, its review state and the reviewer's comment,
shown as plain text (report text and comments are escaped, never interpreted as markup)."""
from __future__ import annotations

import html

from reviewer.ui.review_states import format_number, item_state_label, tr_label
from reviewer.vocabulary import AnnotationTag, ItemKind
from reviewer.workspace.values import FigureValues, FindingValues, MetadataValues, SectionValues


def item_tooltip_lines(item) -> list[str]:
    """种类：值 and 状态 of a review item."""
    values = item.effective
    if isinstance(values, FigureValues):
        shown = f"{format_number(values.value)}{values.unit or ''}"
        value = f"{'约' if values.approx else ''}{shown}" + (f"（{values.subject}）" if values.subject else "")
    elif isinstance(values, SectionValues):
        value = f"{values.num}{values.title}"
    elif isinstance(values, FindingValues):
        value = values.message
    elif isinstance(values, MetadataValues):
        value = "" if values.value is None else str(values.value)
    else:
        value = ""
    return [f"{tr_label(ItemKind(item.kind))}：{value}", f"状态：{item_state_label(item)}"]


def annotation_tooltip_lines(note) -> list[str]:
    lines = [f"批注（{tr_label(AnnotationTag(note.tag))}）"]
    if note.comment:
        lines.append(f"意见：{note.comment}")
    return lines


def as_plain_tooltip(lines: list[str]) -> str:
    """Lines as a tooltip Qt shows literally: escaped, in a pre-wrapped paragraph."""
    body = "<br>".join(html.escape(line) for line in lines)
    return f"<p style='white-space:pre-wrap'>{body}</p>"
