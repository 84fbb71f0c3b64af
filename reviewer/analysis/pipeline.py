"""The whole analysis of one report, from file to findings."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.analysis.checks import run_checks
from reviewer.analysis.clean import clean
from reviewer.analysis.figures import extract_figures
from reviewer.analysis.indicators import extract_indicators
from reviewer.analysis.load import load_bytes, load_path
from reviewer.analysis.loaded_parts import cleaned_offset, notes_of, with_table_cells
from reviewer.analysis.metadata import extract_metadata
from reviewer.analysis.model import Analysis, LoadedDocument
from reviewer.analysis.outline import extract_sections
from reviewer.analysis.recognition_doubt import doubt_findings
from reviewer.analysis.required import find_required_parts
from reviewer.analysis.version import ANALYZER_VERSION

if TYPE_CHECKING:
    from reviewer.analysis.loaders.ocr.options import OcrOptions

def analyze_document(doc: LoadedDocument) -> Analysis:
    cleaned = clean(doc.raw_text)
    text = cleaned.text
    sections = extract_sections(text)
    metadata = extract_metadata(text, cleaned.page_meta, sections)
    figures = with_table_cells(doc, cleaned, extract_figures(text, sections))
    required = find_required_parts(text, sections)
    revisions = [cleaned_offset(cleaned, offset) for offset in doc.revision_offsets]
    findings = run_checks(text, metadata, sections, figures, required, revisions)
    findings.extend(doubt_findings(text, figures, doc.recognized_pages))
    return Analysis(
        source=doc.source,
        format=doc.format,
        encoding=doc.encoding,
        text=text,
        metadata=metadata,
        sections=sections,
        figures=figures,
        required=required,
        findings=findings,
        page_meta=cleaned.page_meta,
        analyzer_version=ANALYZER_VERSION,
        original_format=doc.original_format,
        notes=notes_of(doc, cleaned),
        recognized_pages=doc.recognized_pages,
        indicators=extract_indicators(text, figures, sections, metadata),
    )


def analyze_path(path: str | Path, ocr: OcrOptions | None = None, source: str | None = None) -> Analysis:
    """Raises :class:`reviewer.analysis.errors.LoadError` for files that cannot be read. ``source`` names the
    file in the analysis and messages (by default ``path``); a scan is read from the file page by page."""
    return analyze_document(load_path(path, ocr, source))


def analyze_bytes(data: bytes, filename: str, ocr: OcrOptions | None = None) -> Analysis:
    """Analyse a file's content; ``filename`` gives the format by its extension. ``ocr``: pages recognized
    before and a progress callback, for scans."""
    return analyze_document(load_bytes(data, filename, ocr))
