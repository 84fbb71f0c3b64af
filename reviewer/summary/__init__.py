"""The printed review summary (PDF): one report's 审阅意见单, or the 汇总表 of many.

Collect the data (``collect_*``), then build the PDF (``build_*_pdf``), which returns the bytes and,
given a path or a binary file, also writes them there.
"""
from reviewer.summary.batch_sheet import build_batch_pdf
from reviewer.summary.collect import (
    collect_analyses_batch,
    collect_analysis,
    collect_batch,
    collect_report,
)
from reviewer.summary.data import BatchData, SummaryData
from reviewer.summary.report_sheet import build_report_pdf, build_reports_pdf

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
