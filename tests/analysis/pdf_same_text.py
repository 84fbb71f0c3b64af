"""What "a PDF reads as well as its text" means in the tests: the same title, report year, top-level
headings, figures (value, unit), required parts, notes and table figures."""
from __future__ import annotations

from reviewer.analysis.model import Analysis


def assert_same_analysis(pdf: Analysis, text: Analysis) -> None:
    assert pdf.metadata.title == text.metadata.title
    assert pdf.metadata.report_year == text.metadata.report_year
    assert [(s.num, s.title) for s in pdf.sections if s.level <= 1] == [
        (s.num, s.title) for s in text.sections if s.level <= 1
    ]
    assert [(f.value, f.unit) for f in pdf.figures] == [(f.value, f.unit) for f in text.figures]
    assert {c: p.present for c, p in pdf.required.items()} == {c: p.present for c, p in text.required.items()}
    assert [(n.text, [(f.value, f.unit) for f in n.figures]) for n in pdf.notes] == [
        (n.text, [(f.value, f.unit) for f in n.figures]) for n in text.notes
    ]
    assert [(f.value, f.subject, f.column) for f in pdf.figures if f.column] == [
        (f.value, f.subject, f.column) for f in text.figures if f.column
    ]
