"""Paragraph alignment of two texts: unchanged, changed with the changed characters, new, removed."""
from __future__ import annotations

from reviewer.analysis.text_diff import RowKind, aligned_rows

OLD = "一、主要举措\n全年受理行政复议案件12件，全部依法办结。\n开展普法宣传活动30场。\n取消的工作安排写在这里，今年没有了。\n"
NEW = "一、主要举措\n全年受理行政复议案件19件，全部依法办结。\n开展普法宣传活动30场。\n新设立公共法律服务工作站两个。\n"


def test_paragraphs_unchanged_changed_new_and_removed():
    rows = aligned_rows(OLD, NEW)
    assert [row.kind for row in rows] == [RowKind.UNCHANGED, RowKind.CHANGED, RowKind.UNCHANGED, RowKind.NEW,
                                          RowKind.REMOVED]
    changed = rows[1]
    assert [NEW[s.start:s.end] for s in changed.new_changes] == ["9"]
    assert [OLD[s.start:s.end] for s in changed.old_changes] == ["2"]
    assert NEW[rows[3].new.start:rows[3].new.end] == "新设立公共法律服务工作站两个。"
    assert OLD[rows[4].old.start:rows[4].old.end] == "取消的工作安排写在这里，今年没有了。"
