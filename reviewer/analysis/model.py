"""Data that crosses from the analysis to the layers above it.

Every offset is a Python string index into the cleaned text (``Analysis.text``), half-open.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from reviewer.vocabulary import RequiredPartCode

REQUIRED_CODES: tuple[str, ...] = tuple(RequiredPartCode)
"""The required parts in the rules' order (codes of :class:`reviewer.vocabulary.RequiredPartCode`)."""


@dataclass
class RawNote:
    """A footnote, endnote or text box as a loader read it, kept out of the body text."""

    kind: str  # "footnote" | "endnote" | "textbox"
    text: str
    anchor: int | None = None  # offset in LoadedDocument.raw_text where its mark stands; None when unknown


@dataclass
class TableCell:
    """Where a table cell's text stands in the raw text, with what its row and column say about it."""

    start: int  # span of the cell's text in LoadedDocument.raw_text
    end: int
    row_label: str | None = None  # the row's label cell (行政复议收案)
    column_header: str | None = None  # the header above it: 2022年 / 本年 / 上年
    unit: str | None = None  # a unit stated in a header cell or in the row's own unit column (件)


@dataclass
class LoadedDocument:
    """A report file turned into plain text, before cleaning."""

    source: str
    format: str  # the reader used: "txt" | "html" | "docx" | "pdf"
    encoding: str | None
    raw_text: str
    page_count: int | None = None
    original_format: str | None = None  # the file's own format when converted first ("wps", "doc", "odt", "rtf")
    notes: list[RawNote] = field(default_factory=list)
    table_cells: list[TableCell] = field(default_factory=list)
    revision_offsets: list[int] = field(default_factory=list)  # raw-text offsets of unaccepted tracked changes


@dataclass
class PageMeta:
    """Metadata lines read from web-page chrome before it is hidden."""

    publish_date: str | None = None  # YYYY-MM-DD
    source: str | None = None  # 信息来源 / 来源 / 发布机构
    index_no: str | None = None  # 索引号
    doc_number: str | None = None  # 文号
    title: str | None = None  # 标题 / 名称 in the metadata block
    generated_date: str | None = None  # 生成日期 / 成文日期, YYYY-MM-DD


@dataclass
class CleanedText:
    text: str
    page_meta: PageMeta = field(default_factory=PageMeta)
    raw_offsets: list[int] = field(default_factory=list)
    """For each offset of ``text`` and its end (``len(text) + 1`` entries), the ``raw_text`` offset it comes
    from, non-decreasing; the blank line between two paragraphs stands at the start of the second."""


@dataclass
class Metadata:
    title: str | None = None
    unit: str | None = None
    unit_key: str | None = None  # shared by every way of writing the unit (reviewer.analysis.unit_key)
    level: str | None = None  # the JSON contract's value: the label of a reviewer.vocabulary.Level (乡镇街道 …)
    report_year: int | None = None
    publish_date: str | None = None
    sign_date: str | None = None
    issue_date: str | None = None  # the issuing line's date after the signature (……2023年3月2日印发), YYYY-MM-DD
    recipient: str | None = None
    doc_number: str | None = None
    title_span: tuple[int, int] | None = None
    sign_span: tuple[int, int] | None = None  # signature line + date


@dataclass
class Section:
    level: int  # 1 = 一、 ; 2 = (一) ; 3 = 1. ; 4 = (1)
    num: str  # the number as written, without punctuation: "一", "3"
    title: str
    start: int  # heading span (number through title)
    end: int
    body_end: int = 0  # where this section's content ends (next heading at same or higher level)
    style: str = ""  # numbering style, e.g. "一、", "(一)", "1.", "(1)"


@dataclass
class Figure:
    text: str
    value: float
    unit: str
    approx: bool
    subject: str | None
    start: int
    end: int
    column: str | None = None  # a table figure's column header (2022年, 本年, 上年); None outside tables


@dataclass
class IndicatorValue:
    """One filled cell of the indicator table (docs/indicators.md): the figure that states it."""

    code: str  # the catalogue's code, e.g. "reconsideration_cases"
    text: str  # the figure's text, as written
    value: float
    unit: str
    start: int  # the figure's span
    end: int
    approx: bool = False


@dataclass
class Note:
    """A footnote, endnote or text box: listed beside the body, its figures counted here and not in the body."""

    kind: str  # "footnote" | "endnote" | "textbox"
    text: str
    anchor: int | None  # offset in Analysis.text of the note mark, or None
    figures: list[Figure] = field(default_factory=list)  # offsets into ``text``


@dataclass
class RequiredPart:
    code: str
    present: bool
    start: int | None = None  # span of the text that satisfies it
    end: int | None = None
    how: str | None = None  # "heading" | "sentence"


@dataclass
class Finding:
    code: str
    severity: str
    message: str
    start: int
    end: int
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass
class Analysis:
    source: str
    format: str
    encoding: str | None
    text: str
    metadata: Metadata
    sections: list[Section]
    figures: list[Figure]
    required: dict[str, RequiredPart]
    findings: list[Finding]
    page_meta: PageMeta = field(default_factory=PageMeta)
    analyzer_version: str = ""
    original_format: str | None = None
    notes: list[Note] = field(default_factory=list)
    indicators: list[IndicatorValue] = field(default_factory=list)

    def to_json_dict(self) -> dict[str, Any]:
        """The headless contract (docs/analysis-json.md), plus extra keys."""
        meta = asdict(self.metadata)
        for key in ("title_span", "sign_span"):
            meta[key] = list(meta[key]) if meta[key] else None
        return {
            "source": self.source,
            "format": self.format,
            "encoding": self.encoding,
            "text_chars": len(self.text),
            "analyzer_version": self.analyzer_version,
            "metadata": meta,
            "page_meta": asdict(self.page_meta),
            "sections": [asdict(s) for s in self.sections],
            "figures": [_figure_dict(f) for f in self.figures],
            "required": {code: self.required[code].present for code in REQUIRED_CODES},
            "required_spans": {
                code: asdict(self.required[code]) for code in REQUIRED_CODES
            },
            "findings": [asdict(f) for f in self.findings],
            "original_format": self.original_format or self.format,
            "notes": [
                {"kind": n.kind, "text": n.text, "anchor": n.anchor, "figures": [_figure_dict(f) for f in n.figures]}
                for n in self.notes
            ],
            "indicators": [_number_dict(asdict(i), i.value) for i in self.indicators],
        }


def _figure_dict(figure: Figure) -> dict[str, Any]:
    return _number_dict(asdict(figure), figure.value)


def _number_dict(data: dict[str, Any], value: float) -> dict[str, Any]:
    data["value"] = int(value) if float(value).is_integer() else value
    return data
