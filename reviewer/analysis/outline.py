"""The report's numbered headings, with their level by numbering style.

Levels, outermost first: ``一、`` (1) → ``(一)``/``（一）`` (2) → ``1.``/``1、``/``１．`` (3) →
``(1)``/``（1）``/``1）`` (4); the one-character forms ``㈠`` and ``⑴`` count as ``(一)`` and ``(1)``. A report divided into ``第一部分 …`` parts has those as level 0, above the
``一、`` level, so that a style's level never depends on the rest of the report. A heading starts a line; it is the whole line, or — when
the line goes on as a paragraph — runs to the first ``。``/``！``/``？``, or to an early ``：`` that closes
a short heading phrase; a ``第一部分`` standing alone takes the short line after it as its title. The level
comes from the style alone, so levels may be skipped. ``一是……`` enumerations, numbers inside sentences
(``1.5万人``) and numbered lines after the closing signature (a list of attachments) are not headings.
"""
from __future__ import annotations

import re

from reviewer.analysis.model import Section
from reviewer.analysis.numerals import int_to_chinese, is_canonical_small_numeral
from reviewer.analysis.signature import Signature, find_signature

_CN_NUM = "[一二三四五六七八九十]{1,3}"
_NUM = r"\d{1,2}"  # \d also takes full-width digits (１．)

HEADING_RE = re.compile(
    rf"^[ \t\u3000\xa0]*(?P<marker>"
    rf"第(?P<l0>{_CN_NUM})部分[、.．:：]?"
    rf"|(?P<l1>{_CN_NUM})(?P<p1>[、.．])"
    rf"|(?P<o2>[(（])(?P<l2>{_CN_NUM})(?P<c2>[)）])[、.．]?"
    rf"|(?P<l3>{_NUM})(?P<p3>[.．、])(?![\d.．])"
    rf"|(?P<o4>[(（])(?P<l4>{_NUM})(?P<c4>[)）])[、.．]?"
    rf"|(?P<l5>{_NUM})(?P<c5>[)）])"
    rf"|(?P<e2>[\u3220-\u3229])[、.．]?"  # ㈠ … ㈩, a (一) written as one character
    rf"|(?P<e4>[\u2474-\u2487])[、.．]?"  # ⑴ … ⒇, a (1) written as one character
    rf")[ \t\u3000\xa0]*",
    re.MULTILINE,
)
"""A heading marker at the start of a line (match on the whole text with MULTILINE)."""

PART_STYLE = "第一部分"
"""The style of ``第一部分`` headings, outermost when a report uses them."""

_SENTENCE_END = re.compile(r"[。！？!?]")
_MAX_PART_TITLE = 40
_NEXT_LINE_RE = re.compile(r"\S[^\n]*")
_COLON = re.compile(r"[：:]")
_MAX_COLON_HEADING = 25
_TRAILING_PUNCT = " \t\u3000\xa0，,；;、：:"
_CN_VALUES = {int_to_chinese(n): n for n in range(1, 100)}
_WIDE_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


def _style_and_num(match: re.Match[str]) -> tuple[int, str, str] | None:
    """(level, num, style) of a marker, None when the numeral is not a plain heading number."""
    if match.group("l0"):
        num = match.group("l0")
        return (0, num, PART_STYLE) if is_canonical_small_numeral(num) else None
    if match.group("l1"):
        num = match.group("l1")
        if not is_canonical_small_numeral(num):
            return None
        return 1, num, "一" + match.group("p1")
    if match.group("l2"):
        num = match.group("l2")
        if not is_canonical_small_numeral(num):
            return None
        return 2, num, match.group("o2") + "一" + match.group("c2")
    if match.group("l3"):
        num = match.group("l3")
        return (3, num, _digit_one(num) + match.group("p3")) if int(num) > 0 else None
    if match.group("l4"):
        num = match.group("l4")
        return (4, num, match.group("o4") + _digit_one(num) + match.group("c4")) if int(num) > 0 else None
    if match.group("l5"):
        num = match.group("l5")
        return (4, num, _digit_one(num) + match.group("c5")) if int(num) > 0 else None
    if match.group("e2"):
        return 2, int_to_chinese(ord(match.group("e2")) - 0x3220 + 1), "㈠"
    return 4, str(ord(match.group("e4")) - 0x2474 + 1), "⑴"


def _digit_one(num: str) -> str:
    return "１" if "０" <= num[0] <= "９" else "1"


def format_marker(style: str, number: int) -> str:
    """``style`` (as stored in :attr:`Section.style`) written for ``number``: ("(一)", 3) → "(三)"."""
    if style == "㈠" and 1 <= number <= 10:
        return chr(0x3220 + number - 1)
    if style == "⑴" and 1 <= number <= 20:
        return chr(0x2474 + number - 1)
    if "一" in style:
        return style.replace("一", int_to_chinese(number))
    if "１" in style:
        return style.replace("１", str(number).translate(_WIDE_DIGITS))
    return style.replace("1", str(number))


def section_number(section: Section) -> int:
    """The heading number as an integer (一 → 1, "３" → 3)."""
    if section.num.isdigit():
        return int(section.num)
    return _CN_VALUES[section.num]


def _title_end(text: str, title_start: int, line_end: int) -> int:
    """Where the heading's title ends on its line (before the closing punctuation)."""
    line = text[title_start:line_end]
    sentence = _SENTENCE_END.search(line)
    end = sentence.start() if sentence else len(line)
    colon = _COLON.search(line, 0, end)
    if colon and (colon.start() <= _MAX_COLON_HEADING or not line[colon.end():end].strip()):
        end = colon.start()
    return title_start + len(line[:end].rstrip(_TRAILING_PUNCT))


def extract_sections(text: str) -> list[Section]:
    """Every numbered heading in ``text``, in order, with ``body_end`` up to the next heading at the
    same or a higher level, or to the closing signature (the end of the text when there is none)."""
    sections: list[Section] = []
    for match in HEADING_RE.finditer(text):
        parsed = _style_and_num(match)
        if parsed is None:
            continue
        level, num, style = parsed
        title_start = match.end()
        line_end = text.find("\n", title_start)
        if line_end < 0:
            line_end = len(text)
        end = _title_end(text, title_start, line_end)
        if end <= title_start and style == PART_STYLE:
            title_start, end = _title_line_after(text, line_end)
        if end <= title_start:
            continue
        sections.append(Section(
            level=level, num=num, title=text[title_start:end], start=match.start("marker"), end=end, style=style,
        ))
    signature = find_signature(text)
    if signature:
        sections = [section for section in sections if section.start < signature.start]
    _set_body_ends(text, sections, signature)
    return sections


def _title_line_after(text: str, position: int) -> tuple[int, int]:
    """(start, end) of the short line after ``position`` that titles a part heading standing alone;
    an empty span when that line is a paragraph or a heading itself."""
    match = _NEXT_LINE_RE.search(text, position)
    if not match or text.count("\n", position, match.start()) > 2:
        return position, position
    line = match.group().rstrip()
    if len(line) > _MAX_PART_TITLE or _SENTENCE_END.search(line) or HEADING_RE.match(line):
        return position, position
    return match.start(), match.start() + len(line)

def _set_body_ends(text: str, sections: list[Section], signature: Signature | None) -> None:
    body_limit = len(text)
    if signature and sections and signature.start >= sections[-1].end:
        body_limit = signature.start
    open_sections: list[Section] = []
    for section in sections:
        while open_sections and open_sections[-1].level >= section.level:
            _close(text, open_sections.pop(), section.start)
        open_sections.append(section)
    for section in open_sections:
        _close(text, section, body_limit)


def _close(text: str, section: Section, limit: int) -> None:
    end = limit
    while end > section.end and text[end - 1].isspace():
        end -= 1
    section.body_end = end
