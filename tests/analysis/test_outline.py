"""extract_sections(): headings, their levels, spans and where their content ends."""
from __future__ import annotations

from pathlib import Path

from reviewer.analysis.clean import clean
from reviewer.analysis.outline import extract_sections, format_marker


def _outline(text: str) -> list[tuple[int, str, str, str]]:
    return [(s.level, s.num, s.title, s.style) for s in extract_sections(text)]


def _sample_sections(samples_dir: Path, prefix: str):
    text = clean(next(samples_dir.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")).text
    return text, extract_sections(text)


def test_four_levels_in_full_width_punctuation() -> None:
    text = "\n\n".join([
        "一、主要举措和成效",
        "（一）加强组织领导",
        "１．健全工作机制。成立了领导小组。",
        "（1）定期召开会议：全年召开会议4次。",
        "二、存在的问题",
    ])
    assert _outline(text) == [
        (1, "一", "主要举措和成效", "一、"),
        (2, "一", "加强组织领导", "（一）"),
        (3, "１", "健全工作机制", "１．"),
        (4, "1", "定期召开会议", "（1）"),
        (1, "二", "存在的问题", "一、"),
    ]


def test_half_width_punctuation_and_1_with_dunhao() -> None:
    text = "一、工作情况\n(一)依法决策\n1、规范程序\n2.加强审查\n(1)合法性审查\n(2)集体讨论"
    assert _outline(text) == [
        (1, "一", "工作情况", "一、"),
        (2, "一", "依法决策", "(一)"),
        (3, "1", "规范程序", "1、"),
        (3, "2", "加强审查", "1."),
        (4, "1", "合法性审查", "(1)"),
        (4, "2", "集体讨论", "(1)"),
    ]


def test_heading_that_begins_a_paragraph_ends_at_the_first_full_stop() -> None:
    text = "（二）行政执法严格公正文明。强化行政执法证件管理，确保全部持证上岗。"
    [section] = extract_sections(text)
    assert section.title == "行政执法严格公正文明"
    assert text[section.start:section.end] == "（二）行政执法严格公正文明"
    assert section.body_end == len(text)


def test_heading_ending_at_a_colon() -> None:
    sections = extract_sections("1.组织保障：成立法治政府建设领导小组，统筹推进。\n二、下一步工作安排：")
    assert [s.title for s in sections] == ["组织保障", "下一步工作安排"]


def test_a_colon_late_in_a_long_first_sentence_does_not_cut_the_heading() -> None:
    text = "1.我局认真贯彻落实上级关于推进法治政府建设的各项部署要求并结合本地实际情况，明确：一是健全机制。"
    [section] = extract_sections(text)
    assert section.title == text[2:-1]


def test_enumerations_dates_and_numbers_inside_sentences_are_not_headings() -> None:
    text = "\n".join([
        "一是加强组织领导。二是健全工作机制。",
        "2018年,我镇在市委、市政府的正确领导下开展工作。",
        "1.5万人次参加了学法考试。",
        "全年受理案件12件,其中1.结案10件。",
        "2018330",
        "12345政务服务便民热线",
        "第一,加强学习。",
    ])
    assert extract_sections(text) == []


def test_levels_may_be_skipped() -> None:
    text = "二、存在的问题\n1.机制不够完善。\n2.队伍力量不足。"
    assert [(s.level, s.num) for s in extract_sections(text)] == [(1, "二"), (3, "1"), (3, "2")]


def test_body_end_stops_at_next_heading_of_same_or_higher_level_and_before_the_signature() -> None:
    text = "\n\n".join([
        "一、工作情况", "（一）学法", "学法4次。", "（二）普法", "普法12场。",
        "二、存在的问题", "队伍力量不足。", "某镇人民政府", "2020年1月5日",
    ])
    one, first, second, two = extract_sections(text)
    assert text[one.start:one.body_end].endswith("普法12场。")
    assert text[first.start:first.body_end] == "（一）学法\n\n学法4次。"
    assert second.body_end == one.body_end
    assert text[two.start:two.body_end] == "二、存在的问题\n\n队伍力量不足。"


def test_format_marker_writes_a_number_in_the_heading_style() -> None:
    assert format_marker("（一）", 12) == "（十二）"
    assert format_marker("一、", 20) == "二十、"
    assert format_marker("１．", 3) == "３．"
    assert format_marker("(1)", 10) == "(10)"


def test_sample_000_top_level_outline(samples_dir: Path) -> None:
    _, sections = _sample_sections(samples_dir, "000")
    assert [(s.level, s.num, s.title) for s in sections] == [
        (1, "一", "夯实法制工作基础,提升法治建设水平"),
        (1, "二", "强化源头防范把关,加大法制审查力度"),
        (1, "三", "规范行政执法行为,加强依法依规决策"),
        (1, "四", "提高争议化解能力,维护社会和谐稳定"),
        (1, "五", "注重权力监督制约,提升依法行政水平"),
    ]


def test_sample_001_outline_with_repeated_three(samples_dir: Path) -> None:
    _, sections = _sample_sections(samples_dir, "001")
    assert [(s.num, s.title) for s in sections if s.level == 1] == [
        ("一", "提高政治站位,强化组织领导,细化责任落实"),
        ("二", "推进民主法治机制,行政决策规范有序"),
        ("三", "加强依法治理,维护社会稳定"),
        ("三", "存在的问题"),
        ("四", "下一步打算"),
    ]
    assert [s.level for s in sections].count(2) == 14


def test_sample_002_outline(samples_dir: Path) -> None:
    _, sections = _sample_sections(samples_dir, "002")
    assert [(s.num, s.title) for s in sections if s.level == 1] == [
        ("一", "依法履行政府职能"), ("二", "完善依法行政制度"), ("三", "推进行政决策科学化民主化法治化"),
        ("四", "坚持严格规范公正文明执法"), ("五", "强化对行政权力的制约和监督"), ("六", "依法有效化解社会矛盾纠纷"),
        ("七", "强化组织保障和法治能力建设"),
    ]
    five = [s for s in sections if s.level == 1][4]
    assert five.title == "强化对行政权力的制约和监督"
    assert [s.num for s in sections if five.start < s.start < five.body_end] == ["一", "三"]


def test_sample_003_three_levels(samples_dir: Path) -> None:
    text, sections = _sample_sections(samples_dir, "003")
    assert [(s.num, s.title) for s in sections if s.level == 1] == [
        ("一", "2021年工作情况"), ("二", "存在的不足"), ("三", "2022年工作计划"),
    ]
    assert {s.level for s in sections} == {1, 2, 3}
    assert [s.num for s in sections if s.level == 3] == ["1", "2", "3"] * 4
    last = sections[-1]
    assert text[last.body_end - 6:last.body_end] == "法治故事”。"


def test_sample_004_level_three_directly_under_level_one(samples_dir: Path) -> None:
    text, sections = _sample_sections(samples_dir, "004")
    assert [(s.num, s.title) for s in sections if s.level == 1] == [
        ("一", "法治政府建设工作的基本情况"), ("二", "法治政府建设中存在的问题"), ("三", "2019年工作计划"),
    ]
    two = [s for s in sections if s.level == 1][1]
    under_two = [s for s in sections if two.start < s.start < two.body_end]
    assert [(s.level, s.num) for s in under_two] == [(3, "1"), (3, "2"), (3, "3"), (3, "4")]
    assert sections[1].title == "统筹规划,夯实法治政府建设基础"
    assert sections[-1].body_end == text.index("\n\n天门市人民政府")


def test_parts_numbered_di_yi_bu_fen_are_level_0_above_the_yi_level() -> None:
    text = "\n\n".join([
        "第一部分 2022年工作情况",
        "一、强化组织领导。厅党委召开会议6次。",
        "（一）健全制度",
        "第二部分：存在的问题",
        "第三部分",
        "2023年工作安排",
        "一、深化执法规范化建设",
    ])
    assert _outline(text) == [
        (0, "一", "2022年工作情况", "第一部分"),
        (1, "一", "强化组织领导", "一、"),
        (2, "一", "健全制度", "（一）"),
        (0, "二", "存在的问题", "第一部分"),
        (0, "三", "2023年工作安排", "第一部分"),
        (1, "一", "深化执法规范化建设", "一、"),
    ]
    assert format_marker("第一部分", 4) == "第四部分"


def test_a_part_marker_alone_does_not_take_a_paragraph_as_its_title() -> None:
    text = "第一部分\n\n2022年，我局全面推进依法行政，取得明显成效。"
    assert extract_sections(text) == []


def test_numbered_attachments_after_the_signature_are_not_headings() -> None:
    text = "\n\n".join([
        "一、主要举措和成效", "全年办理案件12件。", "明湖县人民政府", "2023年3月1日",
        "附件：1.重点指标完成情况表", "2.行政执法统计表", "3.行政复议案件统计表",
    ])
    [section] = extract_sections(text)
    assert section.title == "主要举措和成效"
    assert section.body_end == text.index("全年办理案件12件。") + len("全年办理案件12件。")


def test_number_with_a_closing_bracket_only_is_the_fourth_level() -> None:
    text = "1.规范执法\n1）案卷评查\n2)持证上岗"
    assert _outline(text) == [(3, "1", "规范执法", "1."), (4, "1", "案卷评查", "1）"), (4, "2", "持证上岗", "1)")]


def test_one_character_enclosed_numbers_are_the_bracketed_levels() -> None:
    text = "\n\n".join([
        "一、主要举措和成效",
        "㈠健全依法决策机制。全年召开常务会议12次。",
        "⑴严格决策程序",
        "⑵发挥法律顾问作用",
        "㈢深化放管服改革",
    ])
    sections = extract_sections(text)
    assert [(s.level, s.num, s.title, s.style) for s in sections] == [
        (1, "一", "主要举措和成效", "一、"),
        (2, "一", "健全依法决策机制", "㈠"),
        (4, "1", "严格决策程序", "⑴"),
        (4, "2", "发挥法律顾问作用", "⑴"),
        (2, "三", "深化放管服改革", "㈠"),
    ]
    assert [s.start for s in sections] == [text.index(m) for m in ("一、", "㈠", "⑴", "⑵", "㈢")]
