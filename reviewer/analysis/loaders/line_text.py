"""The text of one printed line as a PDF text layer or a recognizer gives it, with layout spacing undone.

- spaces between wide characters (CJK, full-width punctuation) are removed when the line has several of them
  (glyphs positioned one by one, a recognizer's guesses) — a single one is the author's, as between the two
  units of a joint report's title (``中共明湖县委 明湖县人民政府``); a line of single characters all separated
  by spaces ("依 法 行 政 2 0 1 8 年") is closed up entirely;
- the space an office suite puts between Chinese and digits or Latin letters (``2024 年``, ``第 3 条``,
  ``〔2016 ]47 号``) is removed — never a space between two digits, so two numbers stay apart;
- radicals and compatibility ideographs that some fonts map to (⽅ U+2F45) become the normal character (方).
"""
from __future__ import annotations

import re
import unicodedata

from reviewer.analysis.loaders.cjk import WIDE_CHARACTERS

_SPACES_BETWEEN_WIDE = re.compile(f"(?<=[{WIDE_CHARACTERS}]) +(?=[{WIDE_CHARACTERS}])")
_SPACES_BETWEEN_WIDE_AND_NARROW = re.compile(
    f"(?<=[{WIDE_CHARACTERS}]) +(?=[0-9A-Za-z%.\\[\\]()])|(?<=[0-9A-Za-z%.\\[\\]()]) +(?=[{WIDE_CHARACTERS}])"
)
_WIDE = re.compile(f"[{WIDE_CHARACTERS}]")
_RADICALS = re.compile("[\u2e80-\u2fdf\uf900-\ufaff]")
_NARROW_WORD_CHAR = re.compile(r"[0-9A-Za-z%.,]")


def tidy_line(line: str) -> str:
    """One printed line with layout spaces removed and radicals mapped to ideographs."""
    line = _RADICALS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), line.replace("\xa0", " ").strip())
    if _is_letter_spaced(line):
        return line.replace(" ", "")
    if len(_SPACES_BETWEEN_WIDE.findall(line)) > 1:
        line = _SPACES_BETWEEN_WIDE.sub("", line)
    return _SPACES_BETWEEN_WIDE_AND_NARROW.sub("", line)


def glued(left: str, right: str, gap: float, size: float) -> str:
    """``left`` and ``right`` printed side by side ``gap`` points apart: a space only between two narrow
    word characters (``2024`` ``12``; ``rule`` ``of``) that stand a visible gap apart."""
    if not left or not right:
        return left + right
    if gap > WORD_GAP_EMS * size and _NARROW_WORD_CHAR.match(left[-1]) and _NARROW_WORD_CHAR.match(right[0]):
        return f"{left} {right}"
    return left + right


WORD_GAP_EMS = 0.2
"""Two narrow characters further apart than this share of the font size have a space between them."""


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
