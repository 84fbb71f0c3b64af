"""Everything about a new report that can be computed away from the database: hash, analysis, its
JSON, review items, search text and the passages of the copy index with their band keys. Runs in worker processes during a bulk import (it is picklable)."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from reviewer.analysis import Analysis
from reviewer.analysis.copies import KeyedPassage, keyed_passages
from reviewer.analysis.loaders.ocr.options import OcrOptions
from reviewer.workspace.analysis_json import analysis_to_json
from reviewer.workspace.items import ItemDraft, build_items
from reviewer.workspace.search import index_body


@dataclass
class PreparedReport:
    file_name: str
    source_path: str | None
    sha256: str
    data: bytes
    analysis: Analysis
    analysis_json: str
    items: list[ItemDraft]
    search_body: str
    copy_passages: list[KeyedPassage]


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def prepare_analysis(data: bytes, file_name: str, source_path: str | None, analysis: Analysis) -> PreparedReport:
    return PreparedReport(
        file_name=file_name,
        source_path=source_path,
        sha256=sha256_of(data),
        data=data,
        analysis=analysis,
        analysis_json=analysis_to_json(analysis),
        items=build_items(analysis),
        search_body=index_body(analysis.text),
        copy_passages=keyed_passages(analysis.text, analysis.metadata.unit),
    )


def prepare_report(
    data: bytes, file_name: str, source_path: str | None = None, ocr: OcrOptions | None = None
) -> PreparedReport:
    """Raises :class:`reviewer.analysis.LoadError` for content that cannot be read as a report. ``ocr``
    carries the page progress of a scan's text recognition."""
    from reviewer.analysis.pipeline import analyze_bytes

    return prepare_analysis(data, file_name, source_path, analyze_bytes(data, file_name, ocr))
