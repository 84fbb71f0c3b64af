"""Chinese and Arabic numbers as reports write them."""
from __future__ import annotations

from decimal import Decimal

import pytest

from reviewer.analysis.numerals import (
    arabic_to_decimal,
    chinese_to_decimal,
    chinese_to_int,
    int_to_chinese,
    is_canonical_small_numeral,
    parse_number,
)


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("一", 1), ("两", 2), ("十", 10), ("十二", 12), ("二十", 20), ("二十一", 21), ("九十九", 99),
        ("一百", 100), ("一百零五", 105), ("一百一十", 110), ("一千零一", 1001), ("三千五百", 3500),
        ("两万", 20000), ("十万", 100000), ("两万三千", 23000), ("一万零五百", 10500), ("十一万五千", 115000),
        ("三千五百万", 35_000_000), ("一亿二千万", 120_000_000), ("三万亿", 3_000_000_000_000),
        ("百", 100), ("千", 1000), ("零", 0), ("〇", 0), ("廿三", 23), ("卅", 30),
    ],
)
def test_chinese_numerals_read_with_their_units(numeral: str, value: int) -> None:
    assert chinese_to_int(numeral) == value


@pytest.mark.parametrize(("numeral", "value"), [("一百一", 110), ("一千二", 1200), ("两万三", 23000)])
def test_a_trailing_digit_counts_one_unit_down(numeral: str, value: int) -> None:
    assert chinese_to_int(numeral) == value


def test_digits_without_units_read_one_by_one_as_in_years() -> None:
    assert chinese_to_int("二〇一九") == 2019
    assert chinese_to_int("二○一八") == 2018


@pytest.mark.parametrize("numeral", ["十四五", "十百", "千百", "五五万", "万", "亿万", "一a", ""])
def test_malformed_numerals_are_not_numbers(numeral: str) -> None:
    assert chinese_to_int(numeral) is None


def test_chinese_decimals() -> None:
    assert chinese_to_decimal("九十七点六") == Decimal("97.6")
    assert chinese_to_decimal("三点") is None
    assert chinese_to_decimal("十四五") is None


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("37", Decimal(37)), ("97.6", Decimal("97.6")), ("２０１８", Decimal(2018)), ("６２８７．７", Decimal("6287.7")),
        ("20,000", Decimal(20000)), ("20，000", Decimal(20000)), ("1,234,567.5", Decimal("1234567.5")),
    ],
)
def test_arabic_numbers_half_and_full_width_with_separators(written: str, value: Decimal) -> None:
    assert arabic_to_decimal(written) == value


@pytest.mark.parametrize("written", ["12,34", "1,2345", "20,00", ",000", "1.2.3", "12a"])
def test_a_comma_is_a_thousands_separator_only_before_three_digits(written: str) -> None:
    assert arabic_to_decimal(written) is None


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("1.2万", Decimal(12000)), ("2万", Decimal(20000)), ("19万", Decimal(190000)), ("3千", Decimal(3000)),
        ("1.5亿", Decimal(150_000_000)), ("２万", Decimal(20000)), ("两万", Decimal(20000)), ("20,000", Decimal(20000)),
        ("九十七点六", Decimal("97.6")),
    ],
)
def test_parse_number_takes_any_written_form(written: str, value: Decimal) -> None:
    assert parse_number(written) == value


@pytest.mark.parametrize("written", ["", "万", "abc", "十四五", "1.2万万"])
def test_parse_number_refuses_what_is_not_a_number(written: str) -> None:
    assert parse_number(written) is None


def test_heading_numbers_round_trip() -> None:
    for value in range(1, 100):
        assert is_canonical_small_numeral(int_to_chinese(value))
    assert not is_canonical_small_numeral("一十")
    assert not is_canonical_small_numeral("十四五")
