"""Dates as reports and web pages write them, read into ISO ``YYYY-MM-DD``.

Forms: 2020-01-10 (16:03), 2020/01/10, 2020.1.10, 2020年1月10日, 二〇一九年一月二十一日 (also ○/零 for zero),
with Arabic digits half- or full-width.
"""
from __future__ import annotations

import datetime
import re

from reviewer.analysis.numerals import chinese_to_int

_CN_YEAR = "[〇○零Ｏ一二三四五六七八九]{4}"
_CN_SMALL = "[一二三四五六七八九十]{1,3}"

DATE_PATTERN = (
    r"(?:(?P<y>(?:19|20)\d{2})\s*(?:年\s*(?P<m1>\d{1,2})\s*月\s*(?P<d1>\d{1,2})\s*日"
    r"|[-/.．]\s*(?P<m2>\d{1,2})\s*[-/.．]\s*(?P<d2>\d{1,2})(?!\d)日?)"
    rf"|(?P<cy>{_CN_YEAR})\s*年\s*(?P<cm>{_CN_SMALL})\s*月\s*(?P<cd>{_CN_SMALL})\s*日)"
)
"""One date in any of the forms above; use :func:`iso_from_match` on a match."""

DATE_RE = re.compile(DATE_PATTERN)
_TIME = r"(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?"
DATE_LINE_RE = re.compile(rf"[（(]?\s*(?:{DATE_PATTERN}){_TIME}\s*[)）]?")
"""A whole line that is nothing but a date (optionally with a time of day or in brackets); use fullmatch."""

_RUN_TOGETHER_RE = re.compile(r"((?:19|20)\d{2})(\d{2,4})")


def iso_date(year: int, month: int, day: int) -> str | None:
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def iso_from_match(match: re.Match[str]) -> str | None:
    """The ISO date of a :data:`DATE_RE` / :data:`DATE_LINE_RE` match, None when no such day exists."""
    if match.group("y"):
        month = match.group("m1") or match.group("m2")
        day = match.group("d1") or match.group("d2")
        return iso_date(int(match.group("y")), int(month), int(day))
    year = chinese_to_int(match.group("cy"))
    month = chinese_to_int(match.group("cm"))
    day = chinese_to_int(match.group("cd"))
    if year is None or month is None or day is None:
        return None
    return iso_date(year, month, day)


def parse_date(text: str) -> str | None:
    """The first date written in ``text``, as ISO, or None."""
    for match in DATE_RE.finditer(text):
        iso = iso_from_match(match)
        if iso:
            return iso
    return None


def parse_run_together_date(digits: str) -> str | None:
    """A date whose separators were lost in copying (``2018330`` → 2018-03-30), when only one reading exists."""
    match = _RUN_TOGETHER_RE.fullmatch(digits)
    if not match:
        return None
    year, rest = int(match.group(1)), match.group(2)
    readings = {
        iso
        for cut in range(1, len(rest))
        if len(rest[:cut]) <= 2 and len(rest[cut:]) <= 2
        and (iso := iso_date(year, int(rest[:cut]), int(rest[cut:])))
    }
    return readings.pop() if len(readings) == 1 else None
