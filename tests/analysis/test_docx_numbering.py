"""Word list numbers written the way Word shows them."""
from __future__ import annotations

import pytest

from reviewer.analysis.loaders.docx_numbering import chinese_numeral, format_number


@pytest.mark.parametrize(
    ("value", "numeral"),
    [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (20, "二十"), (21, "二十一"), (100, "一百"),
     (105, "一百零五"), (110, "一百一十"), (1001, "一千零一"), (2024, "二千零二十四")],
)
def test_chinese_counting(value: int, numeral: str) -> None:
    assert chinese_numeral(value) == numeral


@pytest.mark.parametrize(
    ("value", "number_format", "text"),
    [(3, "decimal", "3"), (3, "chineseCountingThousand", "三"), (3, "japaneseCounting", "三"),
     (3, "ideographTraditional", "丙"), (3, "decimalEnclosedCircle", "③"), (3, "decimalEnclosedParen", "⑶"),
     (12, "decimalFullWidth", "１２"), (4, "upperRoman", "IV"), (2, "lowerLetter", "b"),
     (2, "chineseLegalSimplified", "贰"), (7, "decimalZero", "07"), (5, "someFutureFormat", "5")],
)
def test_word_number_formats(value: int, number_format: str, text: str) -> None:
    assert format_number(value, number_format) == text
