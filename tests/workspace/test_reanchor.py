"""Finding a quoted span again in a changed text."""
from __future__ import annotations

from reviewer.workspace.reanchor import TextMap, anchor_at, relocate

OLD = (
    "某镇2022年法治政府建设工作报告\n"
    "一、主要举措\n"
    "全年共办理行政复议案件3件，均依法审结。\n"
    "组织法治培训5次，参训干部120人次。\n"
    "二、存在的不足\n"
    "法治宣传形式较为单一，覆盖面有待扩大。\n"
    "三、下一步工作安排\n"
    "继续组织法治培训5次。\n"
)


def anchor_of(text: str, quote: str, occurrence: int = 0):
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    return anchor_at(text, start, start + len(quote))


def test_unchanged_text_keeps_the_span():
    anchor = anchor_of(OLD, "法治宣传形式较为单一")
    assert relocate(anchor, TextMap(OLD, OLD)) == (anchor.start, anchor.end)


def test_span_follows_text_inserted_before_it():
    new = OLD.replace("一、主要举措\n", "一、主要举措\n新增：完善法律顾问制度，聘请法律顾问2名。\n")
    anchor = anchor_of(OLD, "组织法治培训5次，参训干部120人次。")
    start, end = relocate(anchor, TextMap(OLD, new))
    assert new[start:end] == anchor.quote


def test_repeated_quote_is_told_apart_by_its_context():
    new = "前言段落。\n" + OLD
    second = anchor_of(OLD, "法治培训5次", occurrence=1)
    start, end = relocate(second, TextMap(OLD, new))
    assert (start, end) == (second.start + len("前言段落。\n"), second.end + len("前言段落。\n"))
    assert new[start - 4 : start] == "继续组织"


def test_slightly_edited_sentence_is_found_with_its_new_wording():
    quote = "全年共办理行政复议案件3件，均依法审结。"
    new = OLD.replace(quote, "全年共办理行政复议案件4件，均已依法审结。")
    start, end = relocate(anchor_of(OLD, quote), TextMap(OLD, new))
    assert new[start:end] == "全年共办理行政复议案件4件，均已依法审结。"


def test_deleted_sentence_is_not_found():
    quote = "法治宣传形式较为单一，覆盖面有待扩大。"
    new = OLD.replace(quote + "\n", "")
    assert relocate(anchor_of(OLD, quote), TextMap(OLD, new)) is None


def test_rewritten_sentence_is_not_taken_for_the_old_one():
    quote = "法治宣传形式较为单一，覆盖面有待扩大。"
    new = OLD.replace(quote, "基层执法队伍人员不足，专业能力仍需提升。")
    assert relocate(anchor_of(OLD, quote), TextMap(OLD, new)) is None


def test_moved_paragraph_is_found_at_its_new_place():
    line = "组织法治培训5次，参训干部120人次。\n"
    new = OLD.replace(line, "") + line
    anchor = anchor_of(OLD, line.strip())
    start, end = relocate(anchor, TextMap(OLD, new))
    assert new[start:end] == line.strip()
    assert start > OLD.index("三、")
