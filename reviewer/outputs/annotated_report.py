"""The report returned with the review as Word comments (批注版).

For a Word original the comments go into the original document itself: a comment's span in the cleaned
text is taken back to the raw text (``CleanedText.raw_offsets``), then to the run it was read from (the docx
loader's ``DocxTextMap``), never found by searching for its words. The original is read again for this and
must give the very text the workspace holds; otherwise — and for text, web-page and PDF originals or files
converted on import — the document is the cleaned text of the report, one paragraph per paragraph, with the
same comments.

Comments: each annotation of the reviewer; with ``with_items``, each item the reviewer rejected or
corrected; the verdict and remarks on the report's first line. Comments on the whole report, and those whose
text no run holds (an automatic list number), are anchored on the first line.
"""
from __future__ import annotations

import io
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import docx
from docx.document import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from reviewer.analysis.clean import clean
from reviewer.analysis.errors import LoadError
from reviewer.analysis.loaders.docx import read_docx
from reviewer.analysis.loaders.docx_body import body_paragraphs, paragraph_runs
from reviewer.outputs.review_comments import ReviewComment, review_comments
from reviewer.outputs.word_comments import CommentRange, RunSpot, W, add_comments
from reviewer.outputs.word_style import TITLE_FONT, TITLE_SIZE, official_document, set_font
from reviewer.summary.review_view import ReviewView, view_from_workspace

if TYPE_CHECKING:
    from reviewer.workspace import Workspace

Locate = Callable[[int], RunSpot | None]
"""A cleaned-text offset's character in the document, or None when no run holds it."""


@dataclass
class AnnotatedReport:
    data: bytes  # the .docx
    from_original: bool  # True: the original Word document; False: the report's cleaned text
    comments: int
    note: str = ""  # why the cleaned text stands in for the original ("" when it does not)


def annotated_report(ws: Workspace, report_id: int, with_items: bool = True) -> AnnotatedReport:
    """The 批注版 of one workspace report."""
    view = view_from_workspace(ws, report_id)
    stored = ws.report(report_id)
    comments = review_comments(view, with_items)
    original, note = _original_document(stored.original, stored.file_name, stored.format,
                                        stored.analysis.original_format, view.analysis.text)
    if original is not None:
        document, locate = original
    else:
        document, locate = _text_document(view)
    ranges = _ranges(comments, view.analysis.text, locate)
    add_comments(document, ranges)
    out = io.BytesIO()
    document.save(out)
    return AnnotatedReport(out.getvalue(), original is not None, len(ranges), note)


def _original_document(data: bytes, file_name: str, format_: str, original_format: str | None,
                       text: str) -> tuple[tuple[WordDocument, Locate] | None, str]:
    if original_format:
        return None, f"原文为 {original_format} 文件（导入时已转换），批注版为报告的文字。"
    if format_ != "docx":
        return None, f"原文为 {format_} 文件，批注版为报告的文字。"
    try:
        reading = read_docx(data, file_name)
        document = docx.Document(io.BytesIO(data))
    except (LoadError, ValueError, KeyError, PackageNotFoundError, etree.XMLSyntaxError):
        return None, "原文无法作为 Word 文档重新打开，批注版为报告的文字。"
    cleaned = clean(reading.document.raw_text)
    if cleaned.text != text:
        return None, "原文按当前版本读出的文字与工作区中的不同（报告由旧版本分析），批注版为工作区中的报告文字；重新分析后可批注在原文上。"
    paragraphs = body_paragraphs(document.element, W)
    runs: dict[int, list[Any]] = {}

    def locate(offset: int) -> RunSpot | None:
        position = reading.text_map.locate(cleaned.raw_offsets[offset])
        if position is None:
            return None
        if position.paragraph not in runs:
            runs[position.paragraph] = paragraph_runs(paragraphs[position.paragraph], W)
        return RunSpot(runs[position.paragraph][position.run], position.offset)

    return (document, locate), ""


def _text_document(view: ReviewView) -> tuple[WordDocument, Locate]:
    """The cleaned text, one paragraph (one run) per paragraph; the title line centred in the title face."""
    document = official_document()
    text = view.analysis.text
    starts: list[int] = []
    runs: list[Any] = []
    title_span = view.analysis.metadata.title_span
    position = 0
    for line in text.split("\n\n"):
        paragraph = document.add_paragraph()
        run = paragraph.add_run(line)
        if title_span is not None and title_span[0] == position:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            set_font(run._r, TITLE_FONT, TITLE_SIZE)
        else:
            paragraph.paragraph_format.first_line_indent = document.styles["Normal"].font.size * 2
        starts.append(position)
        runs.append(run._r)
        position += len(line) + 2

    def locate(offset: int) -> RunSpot | None:
        index = bisect_right(starts, offset) - 1
        inside = offset - starts[index]
        line_length = (starts[index + 1] - 2 if index + 1 < len(starts) else len(text)) - starts[index]
        return RunSpot(runs[index], inside) if 0 <= inside < line_length else None

    return document, locate


def _ranges(comments: list[ReviewComment], text: str, locate: Locate) -> list[CommentRange]:
    first_line = _first_line(text, locate)
    ranges = []
    for comment in comments:
        span = None
        if comment.start is not None and comment.end is not None and comment.end > comment.start:
            span = _span(comment.start, comment.end, text, locate)
        if span is None:
            span = first_line
        if span is not None:
            ranges.append(CommentRange(span[0], span[1], comment.text, comment.author))
    return ranges


def _span(start: int, end: int, text: str, locate: Locate) -> tuple[RunSpot, RunSpot] | None:
    """The first and last characters of [start, end) that a run holds; for a span no run holds (an
    automatic number), the first such character after it on its line."""
    first = next((spot for spot in map(locate, range(start, end)) if spot is not None), None)
    if first is None:
        line_end = text.find("\n", end)
        stop = len(text) if line_end < 0 else line_end
        after = next((spot for spot in map(locate, range(end, stop)) if spot is not None), None)
        return (after, after) if after is not None else None
    last = next(spot for spot in map(locate, range(end - 1, start - 1, -1)) if spot is not None)
    return first, last


def _first_line(text: str, locate: Locate) -> tuple[RunSpot, RunSpot] | None:
    end = text.find("\n")
    return _span(0, len(text) if end < 0 else end, text, locate)
