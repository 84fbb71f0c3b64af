"""Word's automatic paragraph numbering written out as text ("一、", "（二）", "3.", "⑴").

Chinese reports often number their headings with Word/WPS list numbering instead of typing the numbers; the
numbers are then not in the paragraph text, only in numbering.xml. Counters follow Word: one set per abstract
list, a level restarts after a higher level advances, ``startOverride`` restarts a list instance when first used.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

_PLACEHOLDER = re.compile(r"%([1-9])")
_ENDS_WITH_PUNCTUATION = re.compile(r"[、．.,，:：)）\]】〕」』]$")

_CHINESE_DIGITS = "零一二三四五六七八九"
_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
_MAX_LEVELS = 9


@dataclass(frozen=True)
class _Level:
    start: int
    number_format: str
    text: str
    suffix: str  # "tab" | "space" | "nothing"


class ListNumbering:
    """Numbers for the numbered paragraphs of one document, in body order (``label`` advances the counters)."""

    def __init__(self, numbering: ET.Element | None, styles: ET.Element | None, w: str) -> None:
        self._w = w
        self._abstract_levels: dict[str, dict[int, _Level]] = {}
        self._abstract_style_links: dict[str, str] = {}
        self._level_styles: dict[tuple[str, str], int] = {}
        self._nums: dict[str, str] = {}
        self._level_overrides: dict[str, dict[int, _Level]] = {}
        self._start_overrides: dict[str, dict[int, int]] = {}
        self._style_numbering: dict[str, tuple[str, int | None]] = {}
        self._style_parents: dict[str, str] = {}
        self._counters: dict[str, list[int | None]] = {}
        self._used_nums: set[str] = set()
        if numbering is not None:
            self._read_numbering(numbering)
        if styles is not None:
            self._read_styles(styles)

    def label(self, paragraph: ET.Element) -> str:
        """The number Word shows before this paragraph, with its separator; "" when it has none."""
        num_id, ilvl, style_id = self._paragraph_numbering(paragraph)
        if num_id is None or num_id == "0":
            return ""
        abstract_id = self._abstract_for(num_id)
        if abstract_id is None:
            return ""
        if ilvl is None:
            ilvl = self._level_styles.get((abstract_id, style_id or ""), 0)
        ilvl = min(max(ilvl, 0), _MAX_LEVELS - 1)
        levels = {**self._abstract_levels.get(abstract_id, {}), **self._level_overrides.get(num_id, {})}
        level = levels.get(ilvl)
        if level is None:
            return ""
        counters = self._advance(abstract_id, num_id, ilvl, levels)
        if level.number_format == "bullet":
            return ""
        text = _PLACEHOLDER.sub(lambda m: self._formatted(int(m.group(1)) - 1, counters, levels), level.text)
        if not text.strip():
            return ""
        if level.suffix == "nothing" or _ENDS_WITH_PUNCTUATION.search(text):
            return text
        return text + " "

    def _advance(self, abstract_id: str, num_id: str, ilvl: int, levels: dict[int, _Level]) -> list[int | None]:
        counters = self._counters.setdefault(abstract_id, [None] * _MAX_LEVELS)
        if num_id not in self._used_nums:
            self._used_nums.add(num_id)
            for level_index, start in self._start_overrides.get(num_id, {}).items():
                counters[level_index] = start - 1
        current = counters[ilvl]
        counters[ilvl] = levels[ilvl].start if current is None else current + 1
        for deeper in range(ilvl + 1, _MAX_LEVELS):
            counters[deeper] = None
        return counters

    def _formatted(self, level_index: int, counters: list[int | None], levels: dict[int, _Level]) -> str:
        level = levels.get(level_index)
        if level is None:
            return ""
        value = counters[level_index]
        return format_number(level.start if value is None else value, level.number_format)

    def _paragraph_numbering(self, paragraph: ET.Element) -> tuple[str | None, int | None, str | None]:
        w = self._w
        properties = paragraph.find(f"{w}pPr")
        if properties is None:
            return None, None, None
        style = properties.find(f"{w}pStyle")
        style_id = style.get(f"{w}val") if style is not None else None
        num_id, ilvl = _num_pr(properties.find(f"{w}numPr"), w)
        if num_id is None and style_id is not None:
            num_id, style_ilvl = self._style_num_pr(style_id)
            ilvl = style_ilvl if ilvl is None else ilvl
        return num_id, ilvl, style_id

    def _style_num_pr(self, style_id: str) -> tuple[str | None, int | None]:
        seen: set[str] = set()
        current: str | None = style_id
        while current is not None and current not in seen:
            seen.add(current)
            if current in self._style_numbering:
                return self._style_numbering[current]
            current = self._style_parents.get(current)
        return None, None

    def _abstract_for(self, num_id: str) -> str | None:
        abstract_id = self._nums.get(num_id)
        linked_style = self._abstract_style_links.get(abstract_id or "")
        if linked_style is not None:
            linked_num, _ = self._style_num_pr(linked_style)
            if linked_num is not None and self._nums.get(linked_num) not in (None, abstract_id):
                return self._nums[linked_num]
        return abstract_id

    def _read_numbering(self, root: ET.Element) -> None:
        w = self._w
        for abstract in root.iter(f"{w}abstractNum"):
            abstract_id = abstract.get(f"{w}abstractNumId", "")
            self._abstract_levels[abstract_id] = {}
            for lvl in abstract.findall(f"{w}lvl"):
                ilvl = _int(lvl.get(f"{w}ilvl"), 0)
                self._abstract_levels[abstract_id][ilvl] = _read_level(lvl, w)
                style = lvl.find(f"{w}pStyle")
                if style is not None:
                    self._level_styles[(abstract_id, style.get(f"{w}val", ""))] = ilvl
            link = abstract.find(f"{w}numStyleLink")
            if link is not None:
                self._abstract_style_links[abstract_id] = link.get(f"{w}val", "")
        for num in root.iter(f"{w}num"):
            num_id = num.get(f"{w}numId", "")
            abstract_ref = num.find(f"{w}abstractNumId")
            if abstract_ref is None:
                continue
            self._nums[num_id] = abstract_ref.get(f"{w}val", "")
            for override in num.findall(f"{w}lvlOverride"):
                ilvl = _int(override.get(f"{w}ilvl"), 0)
                start = override.find(f"{w}startOverride")
                if start is not None:
                    self._start_overrides.setdefault(num_id, {})[ilvl] = _int(start.get(f"{w}val"), 1)
                level_override = override.find(f"{w}lvl")
                if level_override is not None:
                    self._level_overrides.setdefault(num_id, {})[ilvl] = _read_level(level_override, w)

    def _read_styles(self, root: ET.Element) -> None:
        w = self._w
        for style in root.iter(f"{w}style"):
            style_id = style.get(f"{w}styleId", "")
            parent = style.find(f"{w}basedOn")
            if parent is not None:
                self._style_parents[style_id] = parent.get(f"{w}val", "")
            properties = style.find(f"{w}pPr")
            if properties is not None:
                num_id, ilvl = _num_pr(properties.find(f"{w}numPr"), w)
                if num_id is not None:
                    self._style_numbering[style_id] = (num_id, ilvl)


def _num_pr(num_pr: ET.Element | None, w: str) -> tuple[str | None, int | None]:
    if num_pr is None:
        return None, None
    num_id = num_pr.find(f"{w}numId")
    ilvl = num_pr.find(f"{w}ilvl")
    return (
        num_id.get(f"{w}val") if num_id is not None else None,
        _int(ilvl.get(f"{w}val"), 0) if ilvl is not None else None,
    )


def _read_level(lvl: ET.Element, w: str) -> _Level:
    def value(tag: str, default: str) -> str:
        element = lvl.find(f"{w}{tag}")
        return element.get(f"{w}val", default) if element is not None else default

    return _Level(
        start=_int(value("start", "1"), 1),
        number_format=value("numFmt", "decimal"),
        text=value("lvlText", ""),
        suffix=value("suff", "tab"),
    )


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def format_number(value: int, number_format: str) -> str:
    """``value`` written in a Word ``numFmt`` style; unknown styles fall back to Arabic digits."""
    if number_format in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
                         "koreanCounting"):
        return chinese_numeral(value)
    if number_format in ("chineseLegalSimplified", "ideographLegalTraditional"):
        return chinese_numeral(value, _LEGAL_DIGITS, "拾佰仟万")
    if number_format == "ideographDigital" or number_format == "taiwaneseDigital":
        return "".join("〇" if digit == "0" else _CHINESE_DIGITS[int(digit)] for digit in str(value))
    if number_format == "ideographTraditional" and 1 <= value <= 10:
        return _HEAVENLY_STEMS[value - 1]
    if number_format == "ideographZodiac" and 1 <= value <= 12:
        return _EARTHLY_BRANCHES[value - 1]
    if number_format in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= value <= 20:
        return chr(0x2460 + value - 1)
    if number_format == "decimalEnclosedParen" and 1 <= value <= 20:
        return chr(0x2474 + value - 1)
    if number_format == "decimalEnclosedFullstop" and 1 <= value <= 20:
        return chr(0x2488 + value - 1)
    if number_format in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(ord(digit) + 0xFEE0) for digit in str(value))
    if number_format == "decimalZero":
        return f"{value:02d}"
    if number_format in ("upperRoman", "lowerRoman") and value > 0:
        roman = _roman(value)
        return roman if number_format == "upperRoman" else roman.lower()
    if number_format in ("upperLetter", "lowerLetter") and value > 0:
        letter = chr(ord("A") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter if number_format == "upperLetter" else letter.lower()
    if number_format == "none":
        return ""
    return str(value)


def chinese_numeral(value: int, digits: str = _CHINESE_DIGITS, units: str = "十百千万") -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五 (below 100 000)."""
    if value <= 0 or value >= 100_000:
        return str(value)
    positions = [int(d) for d in str(value)]
    result: list[str] = []
    pending_zero = False
    for index, digit in enumerate(positions):
        power = len(positions) - index - 1
        if digit == 0:
            pending_zero = bool(result)
            continue
        if pending_zero:
            result.append(digits[0])
            pending_zero = False
        if not (digit == 1 and power == 1 and not result):
            result.append(digits[digit])
        if power:
            result.append(units[power - 1])
    return "".join(result)


def _roman(value: int) -> str:
    result = []
    for amount, numeral in _ROMAN:
        count, value = divmod(value, amount)
        result.append(numeral * count)
    return "".join(result)
