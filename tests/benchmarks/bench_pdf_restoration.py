"""Benchmark of the PDF page restoration: ``python tests/benchmarks/bench_pdf_restoration.py [CORPUS_DIR]``.

Exports a corpus with LibreOffice (``office_pdf_corpus.py``: every sample, demo and varied report text in
four office layouts, with running headers, page-number footers, footnotes or endnotes, a text box, a table, wrapped titles and printed tracked changes) into
CORPUS_DIR (default: a folder in the temporary directory, reused when it exists), then analyses each PDF
and the text it was made from, and prints:

- the share of reports whose PDF gives the same title, the same report year, the same top-level headings,
  exactly the same figures (value and unit) and the same required-part verdicts as the text;
- the share of the texts' figures found in the PDFs (as many times), extra figures per report;
- the share with the same notes (kind and text), note anchors, signature (unit and date), finding codes, and table figures (with their
  row label and column header);
- pages per second of reading the PDFs (loading with page restoration), on one core: by the clock and per
  second of CPU time the process used (the figure that does not depend on what else the machine runs).
Reports that differ are listed with what differs.
"""
from __future__ import annotations

import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reviewer.analysis.load import load_path
from reviewer.analysis.model import Analysis
from reviewer.analysis.pipeline import analyze_document
from tests.benchmarks.office_pdf_corpus import Source, corpus_texts, make_corpus


def headings(analysis: Analysis) -> list[tuple[str, str]]:
    return [(s.num, s.title) for s in analysis.sections if s.level <= 1]


def figures(analysis: Analysis) -> Counter[tuple[float, str]]:
    return Counter((f.value, f.unit) for f in analysis.figures)


def table_figures(analysis: Analysis) -> list[tuple[str, str | None, str | None]]:
    """Table figures with their row label and column header."""
    return [(f.text, f.subject, f.column) for f in analysis.figures if f.column is not None]


def anchors(analysis: Analysis) -> list[tuple[str, str]]:
    """Each note with the words of the body its anchor stands after (a footnote's mark, a text box's paragraph)."""
    return sorted((n.text, analysis.text[:n.anchor].rstrip()[-6:] if n.anchor is not None else "") for n in analysis.notes)


def verdicts(analysis: Analysis) -> dict[str, bool]:
    return {code: part.present for code, part in analysis.required.items()}


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.gettempdir()) / "reviewer_pdf_corpus"
    started = time.perf_counter()
    pdfs = make_corpus(corpus_texts(), corpus)
    print(f"corpus: {len(pdfs)} PDFs in {corpus} ({time.perf_counter() - started:.0f} s to make or find)")
    same = Counter[str]()
    text_figures = found_figures = extra_figures = notes_listed = notes_expected = 0
    pages = 0
    load_seconds = load_cpu_seconds = 0.0
    differences: list[str] = []
    for pdf in pdfs:
        source = Source.from_json(pdf.with_suffix(".json").read_text(encoding="utf-8"))
        expected = analyze_document(source.document(pdf.name))
        began, began_cpu = time.perf_counter(), time.process_time()
        document = load_path(pdf)
        load_seconds += time.perf_counter() - began
        load_cpu_seconds += time.process_time() - began_cpu
        pages += document.page_count or 0
        actual = analyze_document(document)
        checks = {
            "title": (expected.metadata.title, actual.metadata.title),
            "year": (expected.metadata.report_year, actual.metadata.report_year),
            "headings": (headings(expected), headings(actual)),
            "figures": (figures(expected), figures(actual)),
            "required": (verdicts(expected), verdicts(actual)),
            "notes": (sorted((n.kind, n.text) for n in expected.notes), sorted((n.kind, n.text) for n in actual.notes)),
            "anchors": (anchors(expected), anchors(actual)),
            "signature": (
                (expected.metadata.unit, expected.metadata.sign_date), (actual.metadata.unit, actual.metadata.sign_date)
            ),
            "findings": (sorted(f.code for f in expected.findings), sorted(f.code for f in actual.findings)),
            "table": (table_figures(expected), table_figures(actual)),
        }
        for name, (want, got) in checks.items():
            if want == got:
                same[name] += 1
            else:
                differences.append(f"{pdf.name} {name}: {_difference(want, got)}")
        want_figures, got_figures = figures(expected), figures(actual)
        text_figures += sum(want_figures.values())
        found_figures += sum((want_figures & got_figures).values())
        extra_figures += sum((got_figures - want_figures).values())
        notes_expected += len(expected.notes)
        notes_listed += len(actual.notes)
    count = len(pdfs)
    for name in ("title", "year", "headings", "figures", "required", "notes", "anchors", "signature", "findings", "table"):
        print(f"same {name:9}: {same[name] / count:6.1%} of reports ({same[name]}/{count})")
    print(f"figures of the texts found in the PDFs: {found_figures / max(text_figures, 1):.2%} ({found_figures}/{text_figures})")
    print(f"extra figures per report: {extra_figures / count:.2f}")
    print(f"notes listed: {notes_listed} of {notes_expected}")
    print(f"required-part verdicts differing: {count - same['required']} reports")
    print(f"reading speed: {pages / load_seconds:.1f} pages/s ({pages} pages in {load_seconds:.1f} s); "
          f"{pages / load_cpu_seconds:.1f} pages per CPU second (the machine's other load left out)")
    if differences:
        print("\ndifferences:")
        for line in differences:
            print(" ", line)


def _difference(want: object, got: object) -> str:
    if isinstance(want, Counter) and isinstance(got, Counter):
        return f"missing {dict(want - got)}, extra {dict(got - want)}"
    if isinstance(want, list) and isinstance(got, list):
        return f"missing {[w for w in want if w not in got]}, extra {[g for g in got if g not in want]}"
    return f"{want!r} -> {got!r}"


if __name__ == "__main__":
    main()
