"""Report PDFs exported by LibreOffice from report texts, each with the text it was made from.

A report text (one paragraph per line) becomes a flat OpenDocument text (.fodt) laid out as offices lay out
their reports — a title in a larger font that wraps when long, body paragraphs with a two-character
first-line indent, a running header (the unit, or the report's title) above a rule, a footer with the page
number in one of its usual forms, footnotes with figures of their own (or endnotes), a statistics table whose
label cells wrap, a signature block on the right, in one layout figures whose first digit was replaced with
the change recorded and shown (the old digit struck through) — and ``soffice --headless --convert-to pdf``
exports it.

"The same text" of each PDF is what Word would show: the body paragraphs and table rows (cells separated by
a tab), without header, footer and footnotes; it is written next to the PDF as JSON with the table cells
and notes, so tests and the benchmark compare the PDF's analysis with the analysis of that text.

``python tests/benchmarks/office_pdf_corpus.py OUT_DIR`` writes the corpus of the benchmark (all report
texts of the samples, the demo reports and the varied test reports, in four layouts each) into OUT_DIR.
"""
from __future__ import annotations

import json
import random
import re
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reviewer.analysis.clean import clean
from reviewer.analysis.loaders.page_tables import cell_unit, column_header, row_label
from reviewer.analysis.model import LoadedDocument, RawNote, TableCell

FOOTERS = {
    "dash": "— {page} —",
    "hyphen": "- {page} -",
    "of": "第{page}页 共{count}页",
    "of_spaced": "第 {page} 页 共 {count} 页",
    "slash": "{page}/{count}",
    "plain": "{page}",
}
"""Page-number footers, ``{page}`` and ``{count}`` standing for the fields."""

NOTES = ("含线上讲座3场、线下讲座5场。", "数据截至当年12月31日，其中复议纠错2件。", "①依据《法治政府建设实施纲要》统计，不含撤回申请4件。")
TABLE = [
    ["项目", "{previous}年", "{year}年"],
    ["行政复议收案（件）", "10", "12"],
    ["行政诉讼应诉案件（件）", "5", "7"],
    ["组织执法人员培训（人次）", "1,200", "1,350"],
]
UNIT_COLUMN_TABLE = [
    ["指标", "单位", "上年", "本年"],
    ["行政复议收案", "件", "8", "11"],
    ["行政机关负责人出庭应诉", "人次", "14", "19"],
    ["法治宣传活动", "场次", "36", "42"],
]


@dataclass
class Layout:
    """How one office lays out its reports (sizes in points, lengths in cm)."""

    name: str
    body_size: float = 16.0
    title_size: float = 22.0
    header_size: float = 9.0
    line_height: str = 'fo:line-height="28pt"'
    margins: tuple[float, float, float, float] = (3.7, 3.5, 2.8, 2.6)  # top, bottom, left, right
    footer: str = "dash"
    header: str = "unit"  # "unit" | "title" | "none"
    notes: int = 2
    table: list[list[str]] | None = field(default_factory=lambda: TABLE)
    indent: bool = True  # a two-character first-line indent; else paragraphs stand apart by a space
    footer_align: str = "center"
    first_page_header: bool = True  # Word's "different first page" leaves the first page without header
    header_page_number: bool = False  # the page number printed in the header, after the unit
    text_box: bool = False  # a framed box floating in a paragraph, the text running around it
    hanging: bool = False  # numbered items (一是, 1., （1）) set with a hanging indent, as Word's lists are
    note_class: str = "footnote"  # "endnote": the notes printed after the body, numbered i, ii, iii
    note_rule: str = "25%"  # the footnote separator's length, a share of the text's width (Word's: 2 inches)
    tracked: bool = False  # printed with recorded changes shown: a figure's replaced digit struck through


TEXT_BOX = "专栏：全镇共建成法治文化阵地12个，培育“法律明白人”86名。"

LAYOUTS = [
    Layout("gb", text_box=True),
    Layout("word", body_size=12, title_size=18, line_height='fo:line-height="150%"',
           margins=(2.54, 2.54, 3.17, 3.17), footer="of", header="title", notes=1, hanging=True, note_rule="35%",
           tracked=True),
    Layout("wps", body_size=14, title_size=20, line_height='fo:line-height="125%"', margins=(2.5, 2.5, 3.0, 2.5),
           footer="of_spaced", footer_align="end", header="unit", first_page_header=False, notes=1,
           table=UNIT_COLUMN_TABLE),
    Layout("block", body_size=12, title_size=16, line_height='fo:line-height="115%"', margins=(2.0, 2.0, 2.0, 2.0),
           footer="hyphen", header="unit", header_page_number=True, indent=False, notes=3, table=None,
           note_class="endnote"),
]


@dataclass
class Source:
    """A report PDF's source: the text Word shows, its table cells and notes (raw-text offsets)."""

    text: str
    table_cells: list[TableCell] = field(default_factory=list)
    notes: list[RawNote] = field(default_factory=list)

    def document(self, name: str) -> LoadedDocument:
        return LoadedDocument(source=name, format="docx", encoding=None, raw_text=self.text,
                              notes=list(self.notes), table_cells=list(self.table_cells))

    def to_json(self) -> str:
        return json.dumps(
            {"text": self.text, "table_cells": [asdict(c) for c in self.table_cells],
             "notes": [asdict(n) for n in self.notes]},
            ensure_ascii=False, indent=1,
        )

    @staticmethod
    def from_json(data: str) -> Source:
        loaded = json.loads(data)
        return Source(loaded["text"], [TableCell(**c) for c in loaded["table_cells"]],
                      [RawNote(**n) for n in loaded["notes"]])


def report_paragraphs(text: str) -> list[str]:
    """A report text as its body paragraphs: web chrome hidden, one paragraph per line."""
    return [line for line in clean(text).text.split("\n") if line.strip()]


def write_report(paragraphs: list[str], layout: Layout, out: Path, seed: int) -> Source:
    """``out``.fodt for ``paragraphs`` laid out by ``layout``; returns the source of its PDF."""
    chooser = random.Random(seed)
    title, body = paragraphs[0], paragraphs[1:]
    year = next((int(title[i:i + 4]) for i in range(len(title) - 3) if title[i:i + 4].isdigit()), 2023)
    table_at = _table_position(body, chooser) if layout.table else None
    table = layout.table or []
    note_at = _note_positions(body, layout.notes, chooser)
    box_at = next((i for i, p in enumerate(body) if len(p) > 80 and i not in note_at), None) if layout.text_box else None
    xml_body: list[str] = [f'<text:p text:style-name="Title">{escape(title)}</text:p>']
    lines: list[str] = [title]
    cells: list[TableCell] = []
    notes: list[RawNote] = []
    changes: list[str] = []
    offset = len(title) + 1
    for index, paragraph in enumerate(body):
        style = "Sign" if _is_signature(body, index) else "Body"
        if layout.hanging and style == "Body" and _LIST_ITEM.match(paragraph):
            style = "Hang"
        if index in note_at:
            cut = paragraph.index("。")
            note_text = NOTES[note_at.index(index) % len(NOTES)]
            notes.append(RawNote(layout.note_class, note_text, offset + cut))
            number = len(notes)
            citation = _ROMAN[number - 1] if layout.note_class == "endnote" else str(number)
            mark = (
                f'<text:note text:id="n{number}" text:note-class="{layout.note_class}"><text:note-citation>{citation}'
                f'</text:note-citation><text:note-body><text:p text:style-name="Note">{escape(note_text)}</text:p>'
                "</text:note-body></text:note>"
            )
            xml_body.append(
                f'<text:p text:style-name="{style}">{escape(paragraph[:cut])}{mark}{escape(paragraph[cut:])}</text:p>'
            )
        elif index == box_at:
            box = (
                '<draw:frame draw:name="box" draw:style-name="Box" text:anchor-type="paragraph" svg:x="8cm" '
                f'svg:width="6cm" svg:height="3cm"><draw:text-box><text:p text:style-name="Note">{escape(TEXT_BOX)}'
                "</text:p></draw:text-box></draw:frame>"
            )
            notes.append(RawNote("textbox", TEXT_BOX, offset))  # anchored at the paragraph it floats in
            xml_body.append(f'<text:p text:style-name="{style}">{box}{escape(paragraph)}</text:p>')
        elif layout.tracked and style != "Sign" and _CHANGED_FIGURE.search(paragraph):
            xml_body.append(f'<text:p text:style-name="{style}">{_tracked_xml(paragraph, changes)}</text:p>')
        else:
            xml_body.append(f'<text:p text:style-name="{style}">{escape(paragraph)}</text:p>')
        lines.append(paragraph)
        offset += len(paragraph) + 1
        if index == table_at:
            rows = [[cell.format(year=year, previous=year - 1) for cell in row] for row in table]
            xml_body.append(_table_xml(rows))
            for number, row in enumerate(rows):
                start = offset
                for column, cell in enumerate(row):
                    if number and column:
                        cells.append(TableCell(start, start + len(cell), row_label(row), column_header(column, rows[0]),
                                               cell_unit(row, column, rows[0])))
                    start += len(cell) + 1
                lines.append("\t".join(row))
                offset += len("\t".join(row)) + 1
    header = {"unit": _unit(title), "title": title, "none": ""}[layout.header]
    tracked = f"<text:tracked-changes>{''.join(changes)}</text:tracked-changes>" if changes else ""
    out.with_suffix(".fodt").write_text(_document_xml(layout, header, tracked + "".join(xml_body)), encoding="utf-8")
    return Source("\n".join(lines), cells, notes)


def export_pdfs(fodt_files: list[Path], out_dir: Path) -> None:
    """Export with LibreOffice, all files in one run (each run starts the office suite: seconds)."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
             "--outdir", str(out_dir), *map(str, fodt_files)],
            check=True, capture_output=True, timeout=1800,
        )


def make_corpus(texts: dict[str, str], out_dir: Path, layouts: list[Layout] = LAYOUTS) -> list[Path]:
    """One PDF per text and layout in ``out_dir`` (``name.pdf`` with ``name.json``, its source); files
    already there are kept."""
    out_dir.mkdir(parents=True, exist_ok=True)
    pending: list[Path] = []
    made: list[Path] = []
    for seed, (name, text) in enumerate(sorted(texts.items())):
        paragraphs = report_paragraphs(text)
        for layout in layouts:
            stem = out_dir / f"{name}-{layout.name}"
            made.append(stem.with_suffix(".pdf"))
            if stem.with_suffix(".pdf").exists() and stem.with_suffix(".json").exists():
                continue
            source = write_report(paragraphs, layout, stem, seed)
            stem.with_suffix(".json").write_text(source.to_json(), encoding="utf-8")
            pending.append(stem.with_suffix(".fodt"))
    if pending:
        export_pdfs(pending, out_dir)
        for fodt in pending:
            fodt.unlink()
    return made


def corpus_texts() -> dict[str, str]:
    """The report texts of the samples, the demo reports and the varied test reports."""
    texts: dict[str, str] = {}
    for folder in (ROOT.parent / "shared" / "samples", Path("/work/shared/samples"), ROOT / "resources" / "demo"):
        for path in sorted(folder.glob("*.txt")):
            texts.setdefault(path.stem[:12], path.read_text(encoding="utf-8"))
    from tests.analysis import varied_reports

    for name in dir(varied_reports):
        value = getattr(varied_reports, name)
        if name.isupper() and isinstance(value, str):
            texts[name.lower()] = value
    return texts


_CHANGED_FIGURE = re.compile(r"(?<![0-9.,])([1-9])(?=[0-9]*[件次人个项场名])")
"""The first digit of a figure, which the tracked layout shows replaced (the old digit struck through)."""

_SHOWN_CHANGES = (
    '<office:settings><config:config-item-set config:name="ooo:configuration-settings"><config:config-item '
    'config:name="ShowRedlineChanges" config:type="boolean">true</config:config-item></config:config-item-set>'
    "</office:settings>"
)
"""The document shows its recorded changes (printed with them)."""

_CHANGE_INFO = "<office:change-info><dc:creator>审核人</dc:creator><dc:date>2024-01-09T10:00:00</dc:date></office:change-info>"


def _tracked_xml(paragraph: str, changes: list[str]) -> str:
    """The paragraph with its first figure's first digit recorded as replaced: the old digit deleted before the
    inserted one (the accepted text is the paragraph); the change regions are added to ``changes``."""
    found = _CHANGED_FIGURE.search(paragraph)
    assert found is not None
    digit = found.group(1)
    old = str((int(digit) + 3) % 9 + 1)
    deleted, inserted = f"ct{len(changes)}", f"ct{len(changes) + 1}"
    changes.append(f'<text:changed-region text:id="{deleted}"><text:deletion>{_CHANGE_INFO}<text:p>{old}</text:p>'
                   "</text:deletion></text:changed-region>")
    changes.append(f'<text:changed-region text:id="{inserted}"><text:insertion>{_CHANGE_INFO}</text:insertion>'
                   "</text:changed-region>")
    return (
        f'{escape(paragraph[:found.start()])}<text:change text:change-id="{deleted}"/>'
        f'<text:change-start text:change-id="{inserted}"/>{digit}<text:change-end text:change-id="{inserted}"/>'
        f"{escape(paragraph[found.end():])}"
    )


_ROMAN = ("i", "ii", "iii", "iv", "v", "vi")

_LIST_ITEM = re.compile(r"[0-9]+[.．、]|[（(][0-9一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+是")


def _is_signature(body: list[str], index: int) -> bool:
    """The closing unit name and date, printed on the right."""
    tail = body[index:]
    return len(tail) <= 2 and all(len(p) <= 25 and "。" not in p and p[:1] not in "一二三四五六七八九十（(" for p in tail)


def _unit(title: str) -> str:
    for word in ("关于", "2", "1"):
        if word in title and title.index(word) >= 2:
            return title[:title.index(word)]
    return title[:8]


def _table_position(body: list[str], chooser: random.Random) -> int | None:
    candidates = [i for i, p in enumerate(body[:-3]) if "。" in p and i > 1]
    return chooser.choice(candidates) if candidates else None


def _note_positions(body: list[str], count: int, chooser: random.Random) -> list[int]:
    candidates = [i for i, p in enumerate(body) if "。" in p and p.index("。") > 4 and i > 0]
    return sorted(chooser.sample(candidates, min(count, len(candidates))))


def _table_xml(rows: list[list[str]]) -> str:
    columns = len(rows[0])
    cells = "".join(
        "<table:table-row>"
        + "".join(
            f'<table:table-cell table:style-name="Cell"><text:p text:style-name="{"TableLabel" if c == 0 else "TableNumber"}">'
            f"{escape(cell)}</text:p></table:table-cell>"
            for c, cell in enumerate(row)
        )
        + "</table:table-row>"
        for row in rows
    )
    return (
        f'<table:table table:name="T1" table:style-name="Table"><table:table-column table:style-name="Label"/>'
        f'<table:table-column table:style-name="Number" table:number-columns-repeated="{columns - 1}"/>{cells}'
        "</table:table>"
    )


def _document_xml(layout: Layout, header: str, body: str) -> str:
    top, bottom, left, right = layout.margins
    footer_text = escape(FOOTERS[layout.footer]).replace(
        "{page}", '<text:page-number text:select-page="current">1</text:page-number>'
    ).replace("{count}", "<text:page-count>1</text:page-count>")
    page_number = ' <text:page-number text:select-page="current">1</text:page-number>' if layout.header_page_number else ""
    header_xml = (
        f'<style:header><text:p text:style-name="Header">{escape(header)}{page_number}</text:p></style:header>'
        if header else ""
    )
    footer_xml = f'<style:footer><text:p text:style-name="Footer">{footer_text}</text:p></style:footer>'
    first_master = "" if layout.first_page_header else ' style:master-page-name="First"'
    paragraph_layout = (
        f'fo:text-indent="{2 * layout.body_size}pt" {layout.line_height}' if layout.indent
        else f'fo:margin-bottom="0.3cm" {layout.line_height}'
    )
    size, title, small = layout.body_size, layout.title_size, layout.header_size
    font = 'style:font-name="WenQuanYi Zen Hei" style:font-name-asian="WenQuanYi Zen Hei"'
    width = 21 - left - right
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
{_SHOWN_CHANGES if layout.tracked else ""}<office:font-face-decls><style:font-face style:name="WenQuanYi Zen Hei" svg:font-family="'WenQuanYi Zen Hei'"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:text-align="justify"/>
<style:text-properties {font} fo:font-size="{size}pt" style:font-size-asian="{size}pt" fo:language="zh" fo:country="CN"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph"/>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="Page"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"
 fo:margin-top="{top}cm" fo:margin-bottom="{bottom}cm" fo:margin-left="{left}cm" fo:margin-right="{right}cm">
<style:footnote-sep style:width="0.018cm" style:rel-width="{layout.note_rule}" style:color="#000000" style:adjustment="left"
 style:distance-before-sep="0.1cm" style:distance-after-sep="0.1cm"/></style:page-layout-properties>
<style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.4cm"/></style:header-style>
<style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.4cm"/></style:footer-style>
</style:page-layout>
<style:style style:name="Title" style:family="paragraph"{first_master}><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.5cm"/>
<style:text-properties fo:font-size="{title}pt" style:font-size-asian="{title}pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties {paragraph_layout}/></style:style>
<style:style style:name="Hang" style:family="paragraph"><style:paragraph-properties fo:margin-left="{3 * size}pt"
 fo:text-indent="-{3 * size}pt" {layout.line_height}/></style:style>
<style:style style:name="Sign" style:family="paragraph"><style:paragraph-properties fo:text-align="end" {layout.line_height}/></style:style>
<style:style style:name="Header" style:family="paragraph"><style:paragraph-properties fo:text-align="center"
 fo:border-bottom="0.5pt solid #000000" fo:padding-bottom="0.1cm"/>
<style:text-properties fo:font-size="{small}pt" style:font-size-asian="{small}pt"/></style:style>
<style:style style:name="Footer" style:family="paragraph"><style:paragraph-properties fo:text-align="{layout.footer_align}"/>
<style:text-properties fo:font-size="{small + 1}pt" style:font-size-asian="{small + 1}pt"/></style:style>
<style:style style:name="Note" style:family="paragraph"><style:text-properties fo:font-size="{small}pt" style:font-size-asian="{small}pt"/></style:style>
<style:style style:name="Box" style:family="graphic"><style:graphic-properties style:wrap="parallel"
 fo:border="0.5pt solid #000000" fo:padding="0.2cm" style:vertical-pos="top" style:vertical-rel="paragraph"/></style:style>
<style:style style:name="Table" style:family="table"><style:table-properties style:width="{width}cm" table:align="center"/></style:style>
<style:style style:name="Label" style:family="table-column"><style:table-column-properties style:column-width="{width * 0.3:.2f}cm"/></style:style>
<style:style style:name="Number" style:family="table-column"><style:table-column-properties style:column-width="{width * 0.35:.2f}cm"/></style:style>
<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.1cm"/></style:style>
<style:style style:name="TableLabel" style:family="paragraph"><style:text-properties fo:font-size="{size}pt"/></style:style>
<style:style style:name="TableNumber" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/></style:style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="Page">{header_xml}{footer_xml}</style:master-page>
<style:master-page style:name="First" style:page-layout-name="Page" style:next-style-name="Standard">{footer_xml}</style:master-page>
</office:master-styles>
<office:body><office:text>{body}</office:text></office:body></office:document>
"""


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: office_pdf_corpus.py OUT_DIR")
    print(len(make_corpus(corpus_texts(), Path(sys.argv[1]))), "PDFs")
