"""Reading Word comments back: each comment's text and the document text it is anchored on."""
from __future__ import annotations

import io
from dataclasses import dataclass

import docx
from docx.oxml.ns import qn

from reviewer.analysis.loaders.docx_body import run_child_text

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass
class ReadComment:
    text: str
    author: str
    anchored_on: str


def read_comments(data: bytes) -> list[ReadComment]:
    """The comments in document order of their ranges, with the text between each range's start and end."""
    document = docx.Document(io.BytesIO(data))
    texts = {comment.comment_id: comment for comment in document.comments}
    open_ranges: dict[int, list[str]] = {}
    found: list[tuple[int, str]] = []
    order: list[int] = []
    for element in document.element.body.iter():
        if element.tag == qn("w:commentRangeStart"):
            identifier = int(element.get(qn("w:id")))
            open_ranges[identifier] = []
            order.append(identifier)
        elif element.tag == qn("w:commentRangeEnd"):
            identifier = int(element.get(qn("w:id")))
            found.append((identifier, "".join(open_ranges.pop(identifier))))
        elif element.getparent() is not None and element.getparent().tag == qn("w:r"):
            for parts in open_ranges.values():
                parts.append(run_child_text(element, W))
    anchored = dict(found)
    return [ReadComment(texts[i].text, texts[i].author, anchored[i]) for i in order]


def run_formatting(data: bytes, text: str) -> list[tuple[bool | None, bool | None]]:
    """(bold, italic) of every run whose text is exactly ``text``."""
    document = docx.Document(io.BytesIO(data))
    return [(run.bold, run.italic) for paragraph in document.paragraphs for run in paragraph.runs
            if run.text == text]
