"""Paragraphs from the lines pypdf extracts from Chinese PDFs.

pypdf gives one line per printed line and often puts spaces between CJK characters (glyphs positioned one by
one). This module undoes that, conservatively:

- a space between two wide characters (CJK, full-width punctuation) is removed; a line of single characters
  all separated by spaces ("依 法 行 政 2 0 1 8 年") is closed up entirely;
- radicals and compatibility ideographs that some fonts map to (⽅ U+2F45) become the normal character (方);
- a page number alone on a page's first or last line is dropped, so a paragraph continues across the page;
- a line starting with closing punctuation (，。）” …) belongs to the line before;
- a wrapped line is joined to the next one when it is as wide as the document's full lines, does not end
  a sentence (。！？：；”) and the next line does not start like a heading (一、 （一） 1. （1） 第一章 ①).
"""
from __future__ import annotations

import re
import unicodedata

from reviewer.analysis.loaders.cjk import WIDE_CHARACTERS

FULL_LINE_PERCENTILE = 0.9
"""The width of the document's full lines is this percentile of all line widths."""

WRAPPED_LINE_SHARE = 0.85
"""A line at least this share of the full width was wrapped by the layout, not ended by the author."""

_SPACES_BETWEEN_WIDE = re.compile(f"(?<=[{WIDE_CHARACTERS}]) +(?=[{WIDE_CHARACTERS}])")
_WIDE = re.compile(f"[{WIDE_CHARACTERS}]")
_RADICALS = re.compile("[\u2e80-\u2fdf\uf900-\ufaff]")
_PAGE_NUMBER = re.compile(
    r"[-－—–_\s]*\d{1,4}[-－—–_\s]*"
    r"|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?"
    r"|\d+\s*/\s*\d+"
    r"|(?:page|Page|PAGE)\s*\d+(?:\s*of\s*\d+)?"
)
_CLOSING_PUNCTUATION = "，。、；：？！）》」』”’…%％,.;:?!)]】〕"
_SENTENCE_END = "。！？：；”!?:;"
_NUMERALS = "一二三四五六七八九十百零〇"
_HEADING_START = re.compile(
    rf"[{_NUMERALS}]+[、．.]"
    rf"|[（(][{_NUMERALS}]+[)）]"
    r"|[0-9０-９]+(?:[、．]|\.(?![0-9]))"
    r"|[（(][0-9０-９]+[)）]"
    rf"|第[{_NUMERALS}0-9]+[章节条部分]"
    r"|[\u2460-\u249b]"
    r"|附件"
)


def reflow_pages(pages: list[str]) -> str:
    """The text of all pages as paragraphs separated by "\\n"."""
    lines: list[str] = []
    for page in pages:
        lines.extend(_without_page_numbers([tidy_line(line) for line in page.splitlines() if line.strip()]))
    lines = [line for line in lines if line]
    return "\n".join(join_wrapped_lines(lines))


def tidy_line(line: str) -> str:
    """One extracted line with layout spaces removed and radicals mapped to ideographs."""
    line = _RADICALS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), line.strip())
    if _is_letter_spaced(line):
        return line.replace(" ", "")
    return _SPACES_BETWEEN_WIDE.sub("", line)


def join_wrapped_lines(lines: list[str]) -> list[str]:
    full_width = _full_line_width(lines)
    paragraphs: list[str] = []
    printed_line = ""
    for line in lines:
        if paragraphs and (line[0] in _CLOSING_PUNCTUATION or _continues(printed_line, line, full_width)):
            paragraphs[-1] = _joined(paragraphs[-1], line)
        else:
            paragraphs.append(line)
        printed_line = line
    return paragraphs


def display_width(text: str) -> int:
    """Width in half-em units: wide (CJK, full-width) characters count 2, others 1."""
    return len(text) + len(_WIDE.findall(text))


def _is_letter_spaced(line: str) -> bool:
    """Six or more single characters, at least half of them wide, each separated by one space."""
    tokens = line.split(" ")
    return (
        len(tokens) >= 6
        and all(len(token) == 1 for token in tokens)
        and 2 * sum(_WIDE.match(token) is not None for token in tokens) >= len(tokens)
    )


def _continues(printed_line: str, line: str, full_width: float) -> bool:
    return (
        printed_line[-1] not in _SENTENCE_END
        and _HEADING_START.match(line) is None
        and display_width(printed_line) >= WRAPPED_LINE_SHARE * full_width
    )


def _joined(paragraph: str, line: str) -> str:
    """English words wrapped at a space get the space back; everything else is joined directly."""
    both_letters = all(ch.isascii() and ch.isalpha() for ch in (paragraph[-1], line[0]))
    return paragraph + (" " if both_letters else "") + line


def _full_line_width(lines: list[str]) -> float:
    if not lines:
        return 0.0
    widths = sorted(display_width(line) for line in lines)
    return widths[int(FULL_LINE_PERCENTILE * (len(widths) - 1))]


def _without_page_numbers(lines: list[str]) -> list[str]:
    if len(lines) > 1 and _PAGE_NUMBER.fullmatch(lines[-1]):
        lines = lines[:-1]
    if len(lines) > 1 and _PAGE_NUMBER.fullmatch(lines[0]):
        lines = lines[1:]
    return lines
