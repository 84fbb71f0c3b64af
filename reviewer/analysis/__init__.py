"""The analysis: pure Python, no Qt. load → clean → outline / metadata / figures / required parts → checks.

The ``analyze_*`` functions are imported when first used: the whole pipeline (its rules compile a few
hundred regular expressions) is not needed to show stored reports.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from reviewer.analysis.errors import LoadError
from reviewer.analysis.model import Analysis
from reviewer.analysis.version import ANALYZER_VERSION

if TYPE_CHECKING:
    from reviewer.analysis.pipeline import analyze_bytes, analyze_document, analyze_path

PIPELINE_FUNCTIONS = ("analyze_bytes", "analyze_document", "analyze_path")

__all__ = ["ANALYZER_VERSION", "Analysis", "LoadError", "analyze_bytes", "analyze_document", "analyze_path"]


def __getattr__(name: str) -> Any:
    if name not in PIPELINE_FUNCTIONS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module("reviewer.analysis.pipeline"), name)
