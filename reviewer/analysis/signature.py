"""The closing signature of a report: the issuing body's name line(s) and the date under them.

``龙山镇人民政府`` / ``2018年12月7日`` at the end of the cleaned text; also both on one line, the date
above the name, several bodies signing jointly, Chinese-numeral dates (二〇一九年一月二十一日) and dates whose separators were
lost in copying (``2018330``, read only when a single reading exists).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from reviewer.analysis.dates import DATE_LINE_RE, DATE_PATTERN, iso_from_match, parse_run_together_date

ORG_SUFFIX = (
    r"(?:人民政府|政府|委员会|党委|党工委|管委会|办事处|街道|办公室|局|厅|委|办|中心|院|署|所|处|队|站|部|会|组"
    r"|镇|乡|县|区|市|州|盟|旗|省|苏木)"
)
"""How the name of a government body or department ends."""

_ORG_CHAR = r"[^\s\d，,。、；;：:！？!?（）()《》“”\"]"
_ORG_LINE_RE = re.compile(rf"{_ORG_CHAR}{{2,40}}{ORG_SUFFIX}")
_ORG_AND_DATE_RE = re.compile(rf"(?P<org>{_ORG_CHAR}{{2,40}}{ORG_SUFFIX})\s+(?P<date>.+)")
_ISSUE_LINE_RE = re.compile(rf"(?:{_ORG_CHAR}{{2,40}}{ORG_SUFFIX}\s*)?(?:{DATE_PATTERN})\s*印\s*发")
"""The issuing line of an official paper: ``明湖县人民政府办公室 2023年3月2日印发``."""
_RUN_TOGETHER_LINE_RE = re.compile(r"(?:19|20)\d{5,6}")
"""A date line that lost its separators: 2018330, 20181207."""
_CLOSING_MATTER_RE = re.compile(r"附\s*件|抄\s*[送报]|[（(]\s*(?:此件|联系人)|.*印发$")
_MAX_CLOSING_LINES = 12
_DATE_LOOK_BACK_LINES = 3
_MAX_SIGNERS = 3


@dataclass(frozen=True)
class Signature:
    start: int  # first signer line (or the date when no signer line)
    end: int  # end of the date (or of the last signer line)
    org: str | None  # the last signer line
    date: str | None  # ISO
    date_start: int | None = None
    date_end: int | None = None


def _lines_backwards(text: str, limit: int, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of the last ``limit`` non-blank lines before ``end`` (the text's end by default), last
    first, without surrounding spaces."""
    spans: list[tuple[int, int]] = []
    end = len(text) if end is None else end
    while end > 0 and len(spans) < limit:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        stripped = line.strip()
        if stripped:
            left = start + (len(line) - len(line.lstrip()))
            spans.append((left, left + len(stripped)))
        end = start - 1
    return spans


def _date_of_line(line: str) -> str | None:
    match = DATE_LINE_RE.fullmatch(line)
    if match:
        return iso_from_match(match)
    if _RUN_TOGETHER_LINE_RE.fullmatch(line):
        return parse_run_together_date(line)
    return None


def _is_date_line(line: str) -> bool:
    return DATE_LINE_RE.fullmatch(line) is not None or _RUN_TOGETHER_LINE_RE.fullmatch(line) is not None


def find_issue_date(text: str) -> str | None:
    """The date the issuing line after the signature gives (``明湖县人民政府办公室 2023年3月2日印发``), ISO."""
    for start, end in _lines_backwards(text, _MAX_CLOSING_LINES):
        match = _ISSUE_LINE_RE.fullmatch(text, start, end)
        if match:
            iso = iso_from_match(match)
            if iso:
                return iso
    return None


def find_signature(text: str) -> Signature | None:
    """The signature block at the end of ``text``, or None when the text does not end with one. What
    official papers print after the signature is looked past: a list of attachments (``附件：1.……``), the
    distribution line (``抄送：……``), the issuing line (``……办公室 2023年3月2日印发``) and notes
    (``（此件公开发布）``)."""
    found = _signature_before(text, len(text))
    if found and found.date:
        return found
    closing = _closing_matter_start(text)
    if closing is not None:
        return _signature_before(text, closing) or found
    return found


def _closing_matter_start(text: str) -> int | None:
    """Where the matter after the signature begins, if the text ends with some."""
    starts = [
        start for start, end in _lines_backwards(text, _MAX_CLOSING_LINES)
        if _CLOSING_MATTER_RE.match(text, start, end)
    ]
    return min(starts) if starts else None


def _signature_before(text: str, limit: int) -> Signature | None:
    lines = _lines_backwards(text, _DATE_LOOK_BACK_LINES + _MAX_SIGNERS, limit)
    above = _date_above_name(text, lines)
    if above:
        return above
    for index, (start, end) in enumerate(lines[:_DATE_LOOK_BACK_LINES]):
        line = text[start:end]
        combined = _ORG_AND_DATE_RE.fullmatch(line)
        if combined and _is_date_line(combined.group("date").strip()):
            date_start = start + combined.start("date")
            return Signature(
                start=start, end=end, org=combined.group("org"),
                date=_date_of_line(combined.group("date").strip()), date_start=date_start, date_end=end,
            )
        if _is_date_line(line):
            signers = _signers_above(text, lines[index + 1:])
            first = signers[-1] if signers else (start, end)
            org = text[signers[0][0]:signers[0][1]] if signers else None
            return Signature(
                start=first[0], end=end, org=org, date=_date_of_line(line), date_start=start, date_end=end,
            )
    if lines and _ORG_LINE_RE.fullmatch(text[lines[0][0]:lines[0][1]]):
        start, end = lines[0]
        return Signature(start=start, end=end, org=text[start:end], date=None)
    return None


def _date_above_name(text: str, lines: list[tuple[int, int]]) -> Signature | None:
    """The date written above the signer's name, the name being the text's last line."""
    if len(lines) < 2 or not _ORG_LINE_RE.fullmatch(text[lines[0][0]:lines[0][1]]):
        return None
    (date_start, date_end), (_, end) = lines[1], lines[0]
    date_line = text[date_start:date_end]
    if not _is_date_line(date_line):
        return None
    return Signature(
        start=date_start, end=end, org=text[lines[0][0]:end], date=_date_of_line(date_line),
        date_start=date_start, date_end=date_end,
    )


def _signers_above(text: str, lines_above: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Consecutive signer-name lines directly above the date, nearest first."""
    signers: list[tuple[int, int]] = []
    for start, end in lines_above[:_MAX_SIGNERS]:
        if not _ORG_LINE_RE.fullmatch(text[start:end]):
            break
        signers.append((start, end))
    return signers
