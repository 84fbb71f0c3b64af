"""Office-exported PDFs (committed fixtures, made once with LibreOffice from ``pdf_fixture_texts``) read as
well as the text they were made from: running headers, page numbers, footnotes, Chinese–digit spacing,
curly quotes, a sentence across a page break, a title on two lines, a table with wrapped labels and tracked
changes printed with the document."""
from __future__ import annotations

import pytest

from reviewer.analysis.load import load_path
from reviewer.analysis.pipeline import analyze_document
from tests.analysis.pdf_fixture_texts import FIXTURES, TEXTS
from tests.analysis.pdf_same_text import assert_same_analysis
from tests.benchmarks.office_pdf_corpus import Source

NAMES = sorted(path.stem for path in FIXTURES.glob("*.pdf"))


def analyses(name: str):  # type: ignore[no-untyped-def]
    source = Source.from_json((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    pdf = analyze_document(load_path(FIXTURES / f"{name}.pdf"))
    return pdf, analyze_document(source.document(name)), source


def test_every_fixture_text_has_its_pdf() -> None:
    assert sorted(name.split("-")[0] for name in NAMES) == sorted(TEXTS)


@pytest.mark.parametrize("name", NAMES)
def test_an_exported_pdf_reads_as_its_text(name: str) -> None:
    pdf, text, source = analyses(name)
    assert_same_analysis(pdf, text)
    assert len(pdf.notes) == len(source.notes) and all(note.anchor is not None for note in pdf.notes)


def test_header_page_numbers_and_footnotes_stay_out_and_the_page_break_sentence_is_whole() -> None:
    pdf, _, source = analyses("town_2024-gb")
    assert pdf.text.startswith("蒲场镇人民政府关于2024年度法治政府建设工作情况的报告\n")
    assert pdf.text.count("蒲场镇人民政府") == source.text.count("蒲场镇人民政府")
    assert "—" not in pdf.text and "含线上讲座" not in pdf.text
    assert "全年排查矛盾纠纷412件，调解成功396件" in pdf.text
    assert "其中达成司法确认16件。" in pdf.text
    assert "全年上线“一件事”98个" in pdf.text
    note = pdf.notes[0]
    assert note.text == "含线上讲座3场、线下讲座5场。"
    assert pdf.text[:note.anchor].endswith("（三）规范行政执法")
    assert [(f.value, f.unit) for f in note.figures] == [(3, "场"), (5, "场")]


def test_table_rows_keep_their_cells_and_wrapped_labels() -> None:
    pdf, _, _ = analyses("town_2024-gb")
    assert "行政诉讼应诉案件（件）\t5\t7" in pdf.text
    table = [(f.value, f.unit, f.subject, f.column) for f in pdf.figures if f.column]
    assert table[:2] == [(10, "件", "行政复议收案", "2023年"), (12, "件", "行政复议收案", "2024年")]
    assert table[-1] == (1350, "人次", "组织执法人员培训", "2024年")


def test_printed_tracked_changes_read_as_the_accepted_text() -> None:
    pdf, _, source = analyses("village_2023-docx")
    assert pdf.text == analyze_document(source.document("accepted")).text
    assert "全年召开专题会议2次" in pdf.text and "受教育群众2,800人次" in pdf.text
    assert "全部案卷合格" not in pdf.text
    assert [(f.value, f.unit) for f in pdf.figures if f.unit in ("次", "场")] == [(2, "次"), (42, "场"), (2, "次")]
