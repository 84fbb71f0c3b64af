"""Revision balloons: the markup area Word and WPS print beside the text when a document is printed with its
tracked changes shown (``显示标记``, "balloons in the margin").

The page's text is then shrunk to the left and the balloons stand in the right part of the page, each
opening with the kind of change (``删除的内容:`` ``已删除:`` ``带格式的:`` ``批注 [A1]:`` ``Deleted:`` …) and
holding the deleted words or a comment, framed or not. None of it is the document's text: a balloon's lines
(its label line, the lines inside the same frame, or the lines wrapped under it) are left out.
"""
from __future__ import annotations

import re
from dataclasses import replace

from reviewer.analysis.loaders.page_layout import PageFrame, PageLayout, PageLine

BALLOON_AREA_SHARE = 0.5
"""Balloons stand right of this share of the page's width (Word's markup pane takes its right part)."""

_BALLOON_LABEL = re.compile(
    r"(?:删除的内容|已删除|删除|插入的内容|已插入|带格式的|带格式表格|已设置格式|设置格式|格式化|格式已更改|已移动[(（]?[插删]入?[)）]?"
    r"|批注|Deleted|Inserted|Formatted|Moved (?:from|to)|Comment)\s*(?:\[[^\]]{1,12}\]\s*)?[:：]"
)


def without_balloons(page: PageLayout) -> PageLayout:
    """The page without the lines of its revision balloons (the same page when it has none)."""
    labels = [line for line in page.lines if _opens_balloon(line, page)]
    if not labels:
        return page
    dropped: set[int] = set()
    for label in labels:
        frame = next((frame for frame in page.frames if _inside(label, frame)), None)
        if frame is not None:
            dropped.update(id(line) for line in page.lines if _inside(line, frame))
            continue
        dropped.add(id(label))
        last = label
        for line in sorted(page.lines, key=lambda ln: ln.top):
            if line.top > last.top and abs(line.x0 - label.x0) < 2.0 and line.top - last.bottom < last.bottom - last.top:
                dropped.add(id(line))
                last = line
    return replace(page, lines=[line for line in page.lines if id(line) not in dropped])


def _opens_balloon(line: PageLine, page: PageLayout) -> bool:
    return line.x0 > BALLOON_AREA_SHARE * page.width and _BALLOON_LABEL.match(line.text.strip()) is not None


def _inside(line: PageLine, frame: PageFrame) -> bool:
    return frame.x0 - 1 <= line.x0 and line.x1 <= frame.x1 + 1 and frame.top - 1 <= line.top and line.bottom <= frame.bottom + 1
