"""One printed line's text with the spacing of the layout undone."""
from __future__ import annotations

from reviewer.analysis.loaders.line_text import glued, tidy_line


def test_spaces_between_chinese_characters_are_layout() -> None:
    assert tidy_line("农业与农村生 活用 水定额 （ 包括修改单） 适 用") == "农业与农村生活用水定额（包括修改单）适用"


def test_a_single_space_between_chinese_words_is_the_authors() -> None:
    assert tidy_line("中共明湖县委 明湖县人民政府关于") == "中共明湖县委 明湖县人民政府关于"


def test_spaces_between_chinese_and_digits_or_latin_are_layout() -> None:
    assert tidy_line("共 16 件 ABC 认证 2018 年") == "共16件ABC认证2018年"
    assert tidy_line("〔2016〕47 号") == "〔2016〕47号"


def test_spaces_between_two_numbers_or_words_are_kept() -> None:
    assert tidy_line("10 12 rule of law") == "10 12 rule of law"


def test_a_letter_spaced_line_is_closed_up() -> None:
    assert tidy_line("依 法 行 政 2 0 1 8 年 共 1 6 件 。") == "依法行政2018年共16件。"


def test_a_row_of_single_digits_is_not_a_letter_spaced_line() -> None:
    assert tidy_line("1 2 3 4 5 6 7") == "1 2 3 4 5 6 7"


def test_radicals_from_font_mappings_become_ideographs() -> None:
    assert tidy_line("实施⽅案⾏政") == "实施方案行政"


def test_runs_side_by_side_get_a_space_only_between_separate_numbers_or_words() -> None:
    assert glued("2023", "12", gap=6, size=12) == "2023 12"
    assert glued("案件", "16", gap=6, size=12) == "案件16"
    assert glued("16", "件", gap=6, size=12) == "16件"
    assert glued("20", "24", gap=0.5, size=12) == "2024"
