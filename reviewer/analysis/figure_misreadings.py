"""Figures whose form shows a likely misreading of a scan, however sure the recognizer was of each character.

The recognizer misreads digits in ways that leave a figure well-formed character by character but wrong as a
figure: the comma of ``2,243件`` read as a point (``2.243件``), a lost decimal point (``97.9%`` → ``979%``) and a
number broken by a gap (``92.5%`` → ``92.  5%``). Reports state
counts of things as whole numbers, rates up to 100 %, and numbers in one piece, so these forms are doubted.
"""
from __future__ import annotations

import re

from reviewer.analysis.figures import COUNT_UNITS
from reviewer.analysis.model import Figure

MEASURES = frozenset({"平方公里", "平方米", "立方米", "公顷", "公里", "公斤", "千克", "亩", "吨", "米", "课时", "学时"})
"""Units of :data:`COUNT_UNITS` that measure rather than count: their values may have decimals."""

WHOLE_COUNT_UNITS = frozenset(COUNT_UNITS) - MEASURES
PERCENT_SIGNS = frozenset({"%", "％"})

_SPLIT_BEFORE = re.compile(r"[0-9０-９][.．,，]?\s+$")
"""Digits (and perhaps a separator) then a gap just before the figure — spaces, or a paragraph break where the
recognizer cut the line in two — : one number read as two."""


def misreading(text: str, figure: Figure) -> str | None:
    """Why ``figure`` (found in ``text``, recognized from a scan) is likely misread, or None:
    ``fractional_count``, ``percent_over_100`` or ``split_number``."""
    if figure.unit in WHOLE_COUNT_UNITS and figure.value != int(figure.value):
        return "fractional_count"
    if figure.unit in PERCENT_SIGNS and figure.value > 100:
        return "percent_over_100"
    if _SPLIT_BEFORE.search(text, max(0, figure.start - 4), figure.start):
        return "split_number"
    return None
