from __future__ import annotations

import pytest

from reviewer.summary.indicators import (
    INDICATOR_NAMES,
    IndicatorFigure,
    classify,
    indicator_cells,
    sentence_before,
)


def _figure(display: str, unit: str, context: str, subject: str = "", pending: bool = False) -> IndicatorFigure:
    return IndicatorFigure(display=display, unit=unit, subject=subject, context=context, pending=pending)


def test_columns_are_the_recurring_indicators_of_the_domain():
    assert INDICATOR_NAMES == (
        "行政复议案件", "行政诉讼案件", "负责人出庭应诉率", "规范性文件", "合法性审查", "法律顾问",
        "执法证/持证率", "普法活动", "人民调解案件/调解成功率", "信访", "政务公开", "学法",
    )


@pytest.mark.parametrize(
    ("context", "unit", "subject", "expected"),
    [
        ("2017年度全区共收到行政复议案件", "件", "", ("行政复议案件", "count")),
        ("市政府法律顾问依法代理行政诉讼案件", "件", "", ("行政诉讼案件", "count")),
        ("行政机关负责人出庭应诉率达到", "%", "", ("负责人出庭应诉率", "rate")),
        ("今年共出台规范性文件", "个", "", ("规范性文件", "count")),
        ("2021年法律顾问共审查政府规范性文件", "份", "", ("规范性文件", "count")),
        ("通过狠抓落实今年执法证持有率达到", "%", "", ("执法证/持证率", "rate")),
        ("今年以来我镇累计开展普法宣传活动", "场", "", ("普法活动", "count")),
        ("成功调解5745宗,调解成功率约为", "%", "", ("人民调解案件/调解成功率", "rate")),
        ("共收到来访", "件", "", ("信访", "count")),
        ("2021年主动公开政府政务信息", "条", "", ("政务公开", "count")),
        ("镇党委理论学习中心组共组织集体学习", "次", "", ("学法", "count")),
        ("", "件", "行政复议案件", ("行政复议案件", "count")),
    ],
)
def test_figure_goes_to_the_indicator_named_nearest_before_it(context, unit, subject, expected):
    placed = classify(_figure("x", unit, context, subject))
    assert placed is not None
    assert (placed[0].name, placed[1]) == expected


@pytest.mark.parametrize(
    ("context", "unit"),
    [
        ("我镇各调解组织共受理调解案件5894宗,同比上升", "%"),  # a change, not a rate
        ("成功调解5745宗,调解成功率约为97.6%,涉及金额", "万元"),  # money
        ("行政复议案件办理时限压缩至", "个工作日"),  # duration
        ("参与行政复议和行政诉讼案件讨论", "次"),  # not a number of cases
        ("法律顾问出具法律意见书，审查报备率达", "%"),  # an indicator without a rate
        ("整治和淘汰“四无”企业(作坊)", "家"),  # no indicator at all
    ],
)
def test_figures_that_are_no_indicator_value_are_left_out(context, unit):
    assert classify(_figure("x", unit, context)) is None


def test_subject_outweighs_the_sentence():
    placed = classify(_figure("x", "件", "法律顾问依法代理", subject="行政诉讼案件"))
    assert placed is not None and placed[0].name == "行政诉讼案件"


def test_cell_joins_first_count_and_first_rate_and_marks_pending_values():
    cells = indicator_cells([
        _figure("5894宗", "宗", "2021年我镇各调解组织共受理调解案件"),
        _figure("29.6%", "%", "同比上升"),
        _figure("5745宗", "宗", "成功调解"),
        _figure("97.6%", "%", "调解成功率约为", pending=True),
        _figure("16件", "件", "共收到行政复议案件"),
    ])
    assert cells["人民调解案件/调解成功率"].text == "5894宗 / 97.6%"
    assert cells["人民调解案件/调解成功率"].pending
    assert cells["行政复议案件"].text == "16件"
    assert not cells["行政复议案件"].pending
    assert "信访" not in cells


def test_sentence_before_stops_at_the_previous_sentence_end():
    text = "开展普法活动3场。共收到行政复议案件16件,其中不予受理5件"
    assert sentence_before(text, text.index("16件")) == "共收到行政复议案件"
    assert sentence_before(text, text.index("5件")) == "共收到行政复议案件16件,其中不予受理"
