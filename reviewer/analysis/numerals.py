"""Numbers as reports write them.

Chinese numerals (十二, 二十一, 一百零五, 两万, 廿三, digit-by-digit years like 二〇一九) and Arabic numbers
in half- or full-width digits with decimals, thousands separators (20,000 / 20，000) and a trailing
万/亿 multiplier (1.2万).
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

CHINESE_DIGITS: dict[str, int] = {
    "〇": 0, "○": 0, "零": 0, "Ｏ": 0,
    "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_LARGE_UNITS = {"万": 10_000, "亿": 100_000_000}
_TENS_SHORTHAND = {"廿": "二十", "卅": "三十"}

CHINESE_NUMERAL_CHARS = "".join(CHINESE_DIGITS) + "".join(_SMALL_UNITS) + "".join(_LARGE_UNITS) + "".join(
    _TENS_SHORTHAND
)
"""Every character that can occur in a Chinese numeral (for regex character classes)."""

MULTIPLIERS: dict[str, int] = {"千万": 10_000_000, "百万": 1_000_000, "十万": 100_000, "万": 10_000, "亿": 100_000_000, "千": 1000}
"""Multipliers written after Arabic digits: 1.2万, 3千, 19万, 1.5亿."""

_FULL_WIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")
_ARABIC = re.compile(r"\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


def chinese_to_int(numeral: str) -> int | None:
    """The value of a Chinese numeral, or None when ``numeral`` is not a well-formed one.

    Without any unit character the digits are read one by one (二〇一九 → 2019), as in years.
    Malformed sequences such as 十四五 (a plan name), 十百 or 五五万 give None.
    """
    if not numeral:
        return None
    for short, long in _TENS_SHORTHAND.items():
        numeral = numeral.replace(short, long)
    if all(ch in CHINESE_DIGITS for ch in numeral):
        value = 0
        for ch in numeral:
            value = value * 10 + CHINESE_DIGITS[ch]
        return value
    total = section = 0
    digit: int | None = None
    last_small = 10_000  # small units fall within a section: 千 > 百 > 十
    last_large = 10**13
    previous = ""
    for ch in numeral:
        if ch in CHINESE_DIGITS:
            if digit is not None:
                return None  # two digits in a row: 十四五, 三四
            if CHINESE_DIGITS[ch]:
                digit = CHINESE_DIGITS[ch]
        elif ch in _SMALL_UNITS:
            unit = _SMALL_UNITS[ch]
            if unit >= last_small or (digit is None and previous in _SMALL_UNITS):
                return None
            section += (1 if digit is None else digit) * unit
            digit, last_small = None, unit
        elif ch in _LARGE_UNITS:
            unit = _LARGE_UNITS[ch]
            if not previous or previous in _LARGE_UNITS and unit < last_large:
                return None
            if unit < last_large:
                total += (section + (digit or 0)) * unit
                last_large = unit
            else:  # 万亿: the larger unit scales everything before it
                total = (total + section + (digit or 0)) * unit
            section, digit, last_small = 0, None, 10_000
        else:
            return None
        previous = ch
    if digit is not None and len(numeral) > 1:
        unit_before = _SMALL_UNITS.get(numeral[-2]) or _LARGE_UNITS.get(numeral[-2], 0)
        if unit_before >= 100:  # 一百一 → 110, 两万三 → 23000
            digit *= unit_before // 10
    return total + section + (digit or 0)


def int_to_chinese(value: int) -> str:
    """Write a positive number the way headings and counts do: 一 … 十 … 十一 … 九十九 … 一百零五 … 一万零一."""
    if value <= 0:
        raise ValueError(f"only positive numbers are written in Chinese numerals, not {value}")
    if value >= 10_000:
        high, low = divmod(value, 10_000)
        return int_to_chinese(high) + "万" + ("" if low == 0 else ("零" if low < 1000 else "") + int_to_chinese(low))
    digits = "零一二三四五六七八九"
    written = ""
    pending_zero = False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = value // unit % 10
        if digit == 0:
            pending_zero = bool(written)
            continue
        if pending_zero:
            written += "零"
            pending_zero = False
        written += ("" if unit == 10 and digit == 1 and not written else digits[digit]) + name
    return written


def is_canonical_small_numeral(numeral: str) -> bool:
    """True for 一 … 九十九 written the usual way (not 一十, 二二, 〇)."""
    value = chinese_to_int(numeral)
    return value is not None and 0 < value < 100 and int_to_chinese(value) == numeral


def chinese_to_decimal(numeral: str) -> Decimal | None:
    """A Chinese numeral with an optional decimal part: 九十七点六 → 97.6."""
    whole, dot, fraction = numeral.partition("点")
    value = chinese_to_int(whole)
    if value is None:
        return None
    if not dot:
        return Decimal(value)
    if not fraction or any(ch not in CHINESE_DIGITS for ch in fraction):
        return None
    return Decimal(f"{value}.{''.join(str(CHINESE_DIGITS[ch]) for ch in fraction)}")


def arabic_to_decimal(number: str) -> Decimal | None:
    """Arabic digits, half- or full-width, with a decimal point and thousands separators.

    A comma is a thousands separator only when exactly three digits follow it (20,000 / 20，000);
    anything else (12,34) is not one number and gives None.
    """
    plain = number.translate(_FULL_WIDTH)
    if not _ARABIC.fullmatch(plain):
        return None
    try:
        return Decimal(plain.replace(",", "").replace("，", ""))
    except InvalidOperation:
        return None


def parse_number(written: str) -> Decimal | None:
    """Any number as written: Arabic (``20,000``, ``６２８７.７``), Chinese (``两万``), or Arabic with a
    multiplier (``1.2万`` → 12000, ``3千`` → 3000). None when ``written`` is not a number."""
    written = written.strip()
    if not written:
        return None
    for suffix, factor in MULTIPLIERS.items():
        if written.endswith(suffix) and len(written) > len(suffix):
            head = arabic_to_decimal(written[: -len(suffix)])
            if head is not None:
                return head * factor
    value = arabic_to_decimal(written)
    if value is not None:
        return value
    return chinese_to_decimal(written)
