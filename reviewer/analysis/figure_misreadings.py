"""Figures whose form shows a likely misreading of a scan, however sure the recognizer was of each character.

The recognizer misreads digits in ways that leave a figure well-formed character by character but wrong as a
figure: the comma of ``2,243件`` read as a point (``2.243件``), a lost decimal point (``97.9%`` → ``979%``) and a
number broken by a gap (``92.5%`` → ``92.  5%``), a unit broken by a paragraph break where the page
restoration misjudged a line's end (``60人次`` → ``60人`` and a paragraph ``次。``). Reports state counts of
things as whole numbers, rates up to 100 %, and numbers and units in one piece, so these forms are doubted.
"""
from __future__ import annotations

import re

from reviewer.analysis.figures import COUNT_UNITS, MONEY_UNITS, PER_UNIT_MONEY, PERCENT_UNITS, TIME_UNITS
from reviewer.analysis.model import Figure

MEASURES = frozenset({"平方公里", "平方米", "立方米", "公顷", "公里", "公斤", "千克", "亩", "吨", "米", "课时", "学时"})
"""Units of :data:`COUNT_UNITS` that measure rather than count: their values may have decimals."""

WHOLE_COUNT_UNITS = frozenset(COUNT_UNITS) - MEASURES
PERCENT_SIGNS = frozenset({"%", "％"})

_FRACTION = re.compile(r"[.．][0-9０-９]+(?![0-9０-９万亿千百])")
"""Decimals of the figure's own unit: ``82.0件``, not ``1.2万人次`` (a whole count in ten thousands)."""

_SPLIT_BEFORE = re.compile(r"[0-9０-９][.．,，]?\s+$")
"""Digits (and perhaps a separator) then a gap just before the figure — spaces, or a paragraph break where the
recognizer cut the line in two — : one number read as two."""


_UNITS = frozenset({*COUNT_UNITS, *TIME_UNITS, *MONEY_UNITS, *PER_UNIT_MONEY, *PERCENT_UNITS})

_LINE_BREAK_AFTER = re.compile(r"[ \t]*\n\s*")


def misreading(text: str, figure: Figure) -> str | None:
    """Why ``figure`` (found in ``text``, recognized from a scan) is likely misread, or None:
    ``fractional_count``, ``percent_over_100``, ``split_number`` or ``split_unit``."""
    if figure.unit in WHOLE_COUNT_UNITS and (figure.value != int(figure.value) or _FRACTION.search(figure.text)):
        return "fractional_count"
    if figure.unit in PERCENT_SIGNS and figure.value > 100:
        return "percent_over_100"
    if _SPLIT_BEFORE.search(text, max(0, figure.start - 4), figure.start):
        return "split_number"
    if _unit_goes_on(text, figure):
        return "split_unit"
    return None


def _unit_goes_on(text: str, figure: Figure) -> bool:
    """Whether a line break follows the figure and the text after it completes a longer unit (人 + 次)."""
    gap = _LINE_BREAK_AFTER.match(text, figure.end)
    if gap is None:
        return False
    after = text[gap.end():gap.end() + 4]
    return any(unit.startswith(figure.unit) and len(unit) > len(figure.unit) and after.startswith(unit[len(figure.unit):])
               for unit in _UNITS)
