"""Everything about a new report that can be computed away from the database: hash, analysis, its
JSON, review items, search text and the passages of the copy index with their band keys. Runs in worker processes during a bulk import (it is picklable)."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from reviewer.analysis import Analysis
from reviewer.analysis.copies import KeyedPassage, keyed_passages
from reviewer.analysis.loaders.ocr.options import OcrOptions
from reviewer.analysis.report_files import read_checked
from reviewer.workspace.analysis_json import analysis_to_json
from reviewer.workspace.items import ItemDraft, build_items
from reviewer.workspace.search import index_body


@dataclass
class PreparedReport:
    file_name: str
    source_path: str | None
    sha256: str
    data: bytes | Path
    """The original: its bytes, or the path of the file (a scan of up to 500 MB is copied into the workspace
    from the file when it is stored, never held whole in memory)."""
    analysis: Analysis
    analysis_json: str
    items: list[ItemDraft]
    search_body: str
    copy_passages: list[KeyedPassage]


HASH_CHUNK_BYTES = 1024 * 1024
"""A file is hashed (and copied into the workspace) this much at a time."""


def sha256_of(data: bytes | Path) -> str:
    """The SHA-256 of the bytes, or of the file at the path (read a chunk at a time)."""
    if isinstance(data, bytes):
        return hashlib.sha256(data).hexdigest()
    digest = hashlib.sha256()
    with data.open("rb") as file:
        while chunk := file.read(HASH_CHUNK_BYTES):
            digest.update(chunk)
    return digest.hexdigest()


def prepare_analysis(data: bytes | Path, file_name: str, source_path: str | None, analysis: Analysis,
                     sha256: str | None = None) -> PreparedReport:
    """``sha256``: the hash of ``data`` when the caller has it."""
    return PreparedReport(
        file_name=file_name,
        source_path=source_path,
        sha256=sha256 or sha256_of(data),
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


def prepare_file(path: Path, file_name: str, source_path: str | None = None, ocr: OcrOptions | None = None
                 ) -> PreparedReport:
    """:func:`prepare_report` of the file at ``path``, read from the file: a scan page by page, and the
    original stays there until it is stored (see :attr:`PreparedReport.data`). Raises
    :class:`reviewer.analysis.LoadError` also when the file is missing or unreadable."""
    from reviewer.analysis.pipeline import analyze_path

    analysis = analyze_path(path, ocr, file_name)
    return prepare_analysis(path, file_name, source_path, analysis, read_checked(path, sha256_of))
