"""Turning pypdf's printed lines of a Chinese PDF back into paragraphs, conservatively."""
from __future__ import annotations

from reviewer.analysis.loaders.pdf_reflow import join_wrapped_lines, reflow_pages, tidy_line

FULL = "全年共收到行政复议案件16件，其中不予受理5件，受理11件，审结"  # a full printed line, no sentence end


def test_spaces_between_chinese_characters_are_layout() -> None:
    assert tidy_line("农业与农村生 活用 水定额 （ 包括修改单） 适 用") == "农业与农村生活用水定额（包括修改单）适用"


def test_spaces_next_to_latin_words_and_numbers_are_kept() -> None:
    assert tidy_line("共 16 件 ABC test 2018 年") == "共 16 件 ABC test 2018 年"


def test_a_letter_spaced_line_is_closed_up() -> None:
    assert tidy_line("依 法 行 政 2 0 1 8 年 共 1 6 件 。") == "依法行政2018年共16件。"


def test_a_row_of_single_digits_is_not_a_letter_spaced_line() -> None:
    assert tidy_line("1 2 3 4 5 6 7") == "1 2 3 4 5 6 7"


def test_radicals_from_font_mappings_become_ideographs() -> None:
    assert tidy_line("实施⽅案⾏政") == "实施方案行政"


def test_a_wrapped_line_joins_the_next() -> None:
    assert join_wrapped_lines([FULL, "532件。", FULL + "。"]) == [FULL + "532件。", FULL + "。"]


def test_a_line_ending_a_sentence_is_not_joined() -> None:
    lines = [FULL + "。", "下一段开始。", FULL + "：", "下一段。", FULL + "”", "下一段。"]
    assert join_wrapped_lines(lines + [FULL]) == lines + [FULL]


def test_a_line_before_a_heading_is_not_joined() -> None:
    for heading in ("二、存在的不足", "（二）完善制度", "(2)加强培训", "3.开展学法", "３．开展学法", "第二章 总则", "①行政复议"):
        assert join_wrapped_lines([FULL, heading, FULL + "。"]) == [FULL, heading, FULL + "。"], heading


def test_a_decimal_number_at_a_line_start_is_not_a_heading() -> None:
    assert join_wrapped_lines([FULL, "97.6%。", FULL + "。"]) == [FULL + "97.6%。", FULL + "。"]


def test_short_lines_are_not_joined() -> None:
    lines = [FULL + "。", FULL + "。", "某某镇人民政府", "2024年1月10日"]
    assert join_wrapped_lines(lines) == lines


def test_a_line_starting_with_closing_punctuation_belongs_to_the_line_before() -> None:
    assert join_wrapped_lines(["短行", "。", "下一段"]) == ["短行。", "下一段"]


def test_english_words_wrapped_at_a_space_get_the_space_back() -> None:
    line = "The report was published on the website of the town government and"
    assert join_wrapped_lines([line, "reviewed.", line + "."]) == [line + " reviewed.", line + "."]


def test_page_numbers_are_dropped_and_the_paragraph_continues_across_pages() -> None:
    pages = [f"{FULL}。\n{FULL}\n- 1 -", f"第 2 页\n532件。\n{FULL}。\n2 / 3"]
    assert reflow_pages(pages) == f"{FULL}。\n{FULL}532件。\n{FULL}。"


def test_a_number_inside_a_page_is_kept() -> None:
    assert reflow_pages([f"{FULL}。\n2024\n{FULL}。"]) == f"{FULL}。\n2024\n{FULL}。"
