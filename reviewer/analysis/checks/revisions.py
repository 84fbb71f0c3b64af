"""A Word file that still holds unaccepted tracked changes: the text read is the accepted view, which may not
be what the sender meant to send. One info finding, at the first revision."""
from __future__ import annotations

from collections.abc import Sequence

from reviewer.analysis.model import Finding
from reviewer.vocabulary import FindingCode

_SPAN = 30
"""Characters of the paragraph after the first revision that the finding covers."""


def check_revisions(text: str, revision_offsets: Sequence[int]) -> list[Finding]:
    """``revision_offsets`` are offsets in ``text`` (sorted) where unaccepted revisions stand."""
    if not revision_offsets or not text:
        return []
    start = min(max(revision_offsets[0], 0), len(text) - 1)
    line_end = text.find("\n", start)
    end = min(len(text) if line_end < 0 else line_end, start + _SPAN)
    count = len(revision_offsets)
    return [Finding(
        code=FindingCode.UNACCEPTED_REVISIONS,
        severity="info",
        message=(f"文档含未接受的修订（{count} 处），这里读取的是接受全部修订后的文字；"
                 "请确认修订是否应当保留，定稿前在 Word 或 WPS 中接受或拒绝修订。"),
        start=start,
        end=max(end, start + 1),
        detail={"count": count},
    )]
