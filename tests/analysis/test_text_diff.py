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


def _sections(text: str):
    from reviewer.analysis.model import LoadedDocument
    from reviewer.analysis.pipeline import analyze_document

    return analyze_document(LoadedDocument("r.txt", "txt", "utf-8", text)).sections


MEASURES = ("全年共受理行政复议申请12件，审结11件，纠错率9.1%，行政机关负责人出庭应诉率达到100%。\n"
            "深入推进严格规范公正文明执法，全面落实行政执法公示、执法全过程记录、重大执法决定法制审核制度。\n")
SHORTCOMINGS = "一些干部运用法治思维和法治方式解决问题的能力还有待提高，基层执法力量依然薄弱。\n"
PLANS = "下一年度将持续完善依法决策机制，加强规范性文件备案审查，扎实推进乡镇综合行政执法改革。\n"
OLD_REPORT = (f"某县2022年法治政府建设年度报告\n一、主要举措和成效\n{MEASURES}二、存在的不足\n{SHORTCOMINGS}"
              f"三、下一步工作计划\n{PLANS}")
NEW_REPORT = (f"某县2023年法治政府建设年度报告\n一、存在的问题\n{SHORTCOMINGS}"
              f"二、2023年推进法治政府建设的成效\n{MEASURES.replace('12件', '15件')}"
              "三、新设的公共法律服务\n新建村级公共法律服务工作室二十个，实现法律顾问全覆盖。\n"
              f"四、下一步工作计划\n{PLANS}")


def test_sections_pair_by_heading_and_a_renamed_heading_by_the_text_under_it():
    rows = aligned_rows(OLD_REPORT, NEW_REPORT, _sections(OLD_REPORT), _sections(NEW_REPORT))
    pairs = {NEW_REPORT[r.new.start:r.new.end]: r for r in rows if r.new is not None}
    measure = MEASURES.split("\n")[0].replace("12件", "15件")
    assert pairs[measure].kind == RowKind.CHANGED
    assert OLD_REPORT[pairs[measure].old.start:pairs[measure].old.end] == MEASURES.split("\n")[0]
    assert pairs[MEASURES.split("\n")[1]].kind == RowKind.UNCHANGED
    assert pairs[SHORTCOMINGS.strip()].kind == RowKind.UNCHANGED
    assert pairs[PLANS.strip()].kind == RowKind.UNCHANGED
    assert pairs["新建村级公共法律服务工作室二十个，实现法律顾问全覆盖。"].kind == RowKind.NEW
    assert not [r for r in rows if r.kind == RowKind.REMOVED and "。" in OLD_REPORT[r.old.start:r.old.end]]
    assert [NEW_REPORT[r.new.start:r.new.end] for r in rows if r.new is not None] == [
        line for line in NEW_REPORT.split("\n") if line]


def test_without_headings_the_texts_align_as_one_section():
    plain_rows = aligned_rows(OLD, NEW)
    assert aligned_rows(OLD, NEW, (), ()) == plain_rows
