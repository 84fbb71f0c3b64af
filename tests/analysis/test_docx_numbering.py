"""Word list numbers written the way Word shows them, for every numbering format Chinese reports meet, and
the heading levels the analysis gives them."""
from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.analysis import analyze_path
from reviewer.analysis.loaders.docx_numbering import chinese_numeral, format_number
from tests.analysis.fixture_files import make_docx_from_xml


@pytest.mark.parametrize(
    ("value", "numeral"),
    [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (20, "二十"), (21, "二十一"), (100, "一百"),
     (105, "一百零五"), (110, "一百一十"), (1001, "一千零一"), (2024, "二千零二十四")],
)
def test_chinese_counting(value: int, numeral: str) -> None:
    assert chinese_numeral(value) == numeral


@pytest.mark.parametrize(
    ("value", "number_format", "text"),
    [(3, "decimal", "3"), (3, "decimalHalfWidth", "3"), (7, "decimalZero", "07"), (12, "decimalFullWidth", "１２"),
     (3, "decimalFullWidth2", "３"),
     (3, "chineseCounting", "三"), (10, "chineseCounting", "十"), (15, "chineseCounting", "十五"),
     (100, "chineseCounting", "一〇〇"),
     (3, "chineseCountingThousand", "三"), (10, "chineseCountingThousand", "十"), (105, "chineseCountingThousand", "一百零五"),
     (3, "taiwaneseCounting", "三"), (12, "taiwaneseCounting", "十二"),
     (3, "taiwaneseCountingThousand", "三"), (11, "taiwaneseCountingThousand", "十一"),
     (20000, "taiwaneseCountingThousand", "二萬"),
     (3, "taiwaneseDigital", "三"), (10, "taiwaneseDigital", "一〇"), (2023, "ideographDigital", "二〇二三"),
     (3, "japaneseCounting", "三"), (12, "japaneseLegal", "壱拾弐"),
     (2, "chineseLegalSimplified", "贰"), (10, "chineseLegalSimplified", "壹拾"), (23, "chineseLegalSimplified", "贰拾叁"),
     (12, "ideographLegalTraditional", "壹拾貳"),
     (3, "ideographTraditional", "丙"), (10, "ideographTraditional", "癸"), (11, "ideographTraditional", "11"),
     (3, "ideographZodiac", "寅"), (12, "ideographZodiac", "亥"), (2, "ideographZodiacTraditional", "乙丑"),
     (11, "ideographZodiacTraditional", "甲戌"),
     (3, "decimalEnclosedCircle", "③"), (20, "decimalEnclosedCircle", "⑳"), (21, "decimalEnclosedCircle", "21"),
     (3, "decimalEnclosedCircleChinese", "③"), (3, "decimalEnclosedParen", "⑶"), (3, "decimalEnclosedFullstop", "⒊"),
     (3, "ideographEnclosedCircle", "㊂"),
     (4, "upperRoman", "IV"), (2, "lowerLetter", "b"), (255, "hex", "FF"), (3, "none", ""),
     (5, "someFutureFormat", "5")],
)
def test_word_number_formats(value: int, number_format: str, text: str) -> None:
    assert format_number(value, number_format) == text


def _numbering(*levels: tuple[str, str]) -> str:
    lvls = "".join(
        f'<w:lvl w:ilvl="{index}"><w:start w:val="1"/><w:numFmt w:val="{number_format}"/>'
        f'<w:lvlText w:val="{text}"/><w:suff w:val="nothing"/></w:lvl>'
        for index, (number_format, text) in enumerate(levels)
    )
    return f'<w:abstractNum w:abstractNumId="0">{lvls}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'


def _heading(text: str, level: int) -> str:
    return (f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr></w:pPr>'
            f"<w:r><w:t>{text}</w:t></w:r></w:p>")


def _plain(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


REPORT_BODY = "".join([
    _plain("某某县2023年法治政府建设年度报告"),
    _heading("主要举措和成效", 0), _heading("加强组织领导", 1), _heading("召开专题会议", 2), _heading("印发方案", 3),
    _plain("全年召开专题会议3次。"), _heading("完善制度", 1),
    _heading("存在的不足", 0), _heading("下一年度工作安排", 0),
])


@pytest.mark.parametrize("top_format", ["chineseCounting", "chineseCountingThousand", "taiwaneseCounting",
                                        "taiwaneseCountingThousand", "japaneseCounting", "ideographDigital",
                                        "taiwaneseDigital"])
def test_each_chinese_counting_format_gives_the_headings_their_numbers_and_levels(
        tmp_path: Path, top_format: str) -> None:
    numbering = _numbering((top_format, "%1、"), ("chineseCountingThousand", "（%2）"), ("decimalFullWidth", "%3．"),
                           ("decimalEnclosedParen", "%4"))
    analysis = analyze_path(make_docx_from_xml(tmp_path / "numbered.docx", REPORT_BODY, numbering_xml=numbering))
    assert [line for line in analysis.text.split("\n") if line][1:5] == ["一、主要举措和成效", "（一）加强组织领导", "１．召开专题会议", "⑴印发方案"]
    assert [(s.level, s.num, s.title) for s in analysis.sections] == [
        (1, "一", "主要举措和成效"), (2, "一", "加强组织领导"), (3, "１", "召开专题会议"), (4, "1", "印发方案"),
        (2, "二", "完善制度"), (1, "二", "存在的不足"), (1, "三", "下一年度工作安排"),
    ]
    assert analysis.required["next_year_plan"].present


def test_a_one_character_enclosed_number_heads_its_level(tmp_path: Path) -> None:
    numbering = _numbering(("chineseCounting", "%1、"), ("ideographEnclosedCircle", "%2"),
                           ("decimal", "%3."), ("decimalEnclosedCircleChinese", "%4"))
    analysis = analyze_path(make_docx_from_xml(tmp_path / "numbered.docx", REPORT_BODY, numbering_xml=numbering))
    assert [line for line in analysis.text.split("\n") if line][1:5] == ["一、主要举措和成效", "㊀加强组织领导", "1.召开专题会议", "①印发方案"]
