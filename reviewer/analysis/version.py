"""The version of the analysis output."""

ANALYZER_VERSION = "5"
"""Bump when the analysis output changes, so stored reports can be re-analysed."""
