"""The printed review summary (PDF): one report's 审阅意见单, or the 汇总表 of many.

Collect the data (``collect_*``), then build the PDF (``build_*_pdf``), which returns the bytes and,
given a path or a binary file, also writes them there. The builders are imported when first used: they
bring reportlab, which the window does not need to start.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from reviewer.summary.collect import (
    collect_analyses_batch,
    collect_analysis,
    collect_batch,
    collect_report,
)
from reviewer.summary.data import BatchData, SummaryData

if TYPE_CHECKING:
    from reviewer.summary.batch_sheet import build_batch_pdf
    from reviewer.summary.report_sheet import build_report_pdf, build_reports_pdf

PDF_BUILDERS = {
    "build_batch_pdf": "reviewer.summary.batch_sheet",
    "build_report_pdf": "reviewer.summary.report_sheet",
    "build_reports_pdf": "reviewer.summary.report_sheet",
}

__all__ = [
    "BatchData",
    "SummaryData",
    "build_batch_pdf",
    "build_report_pdf",
    "build_reports_pdf",
    "collect_analyses_batch",
    "collect_analysis",
    "collect_batch",
    "collect_report",
]


def __getattr__(name: str) -> Any:
    module = PDF_BUILDERS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
