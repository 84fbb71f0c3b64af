"""The analysis: pure Python, no Qt. load → clean → outline / metadata / figures / required parts → checks."""
from reviewer.analysis.errors import LoadError
from reviewer.analysis.model import Analysis
from reviewer.analysis.pipeline import ANALYZER_VERSION, analyze_bytes, analyze_document, analyze_path

__all__ = ["ANALYZER_VERSION", "Analysis", "LoadError", "analyze_bytes", "analyze_document", "analyze_path"]
