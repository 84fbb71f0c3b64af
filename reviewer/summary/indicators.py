"""The recurring indicators of the batch summary, and the keyword rules that put a figure under one.

A figure belongs to the indicator whose keyword stands nearest before it: first in its subject (what is
counted), else in its sentence up to the figure. A percentage fills the indicator's rate slot (only for
indicators that have a rate, and never a change such as 同比上升29.6%); any other counting figure fills
the count slot when its unit fits. Money and durations are never indicator values.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from reviewer.summary.data import IndicatorCell

COUNT = "count"
RATE = "rate"

_CASE_UNITS = ("件", "宗", "起", "个")


@dataclass(frozen=True)
class Indicator:
    name: str  # column header
    keywords: tuple[str, ...]
    count_units: tuple[str, ...] | None = None  # None: any counting unit; (): no count slot
    has_rate: bool = False


INDICATORS: tuple[Indicator, ...] = (
    Indicator("行政复议案件", ("行政复议", "复议"), _CASE_UNITS),
    Indicator("行政诉讼案件", ("行政诉讼", "行政应诉", "应诉案件", "诉讼案件"), _CASE_UNITS),
    Indicator("负责人出庭应诉率", ("出庭应诉", "出庭"), ("次", "件", "人次", "场"), has_rate=True),
    Indicator("规范性文件", ("规范性文件",), ("件", "份", "个", "部", "篇", "项")),
    Indicator("合法性审查", ("合法性审查", "合法性审核", "合法性", "法制审核")),
    Indicator("法律顾问", ("法律顾问", "公职律师", "法律意见书")),
    Indicator("执法证/持证率", ("执法证", "持证", "持有率"), ("人", "名", "个", "本", "张"), has_rate=True),
    Indicator("普法活动", ("普法", "法治宣传", "法制宣传", "宣传活动", "以案释法", "宪法宣传", "法律宣传")),
    Indicator(
        "人民调解案件/调解成功率", ("人民调解", "调解", "矛盾纠纷"), _CASE_UNITS + ("起次", "件次"), has_rate=True
    ),
    Indicator("信访", ("信访", "来访", "来信"), _CASE_UNITS + ("批", "批次", "人次", "件次", "次")),
    Indicator("政务公开", ("政务公开", "信息公开", "主动公开", "依申请公开", "政务信息")),
    Indicator("学法", ("学法", "法治讲座", "法制讲座", "集体学习", "专题学习", "理论学习中心组")),
)

INDICATOR_NAMES: tuple[str, ...] = tuple(i.name for i in INDICATORS)

_NOT_COUNTS = re.compile(r"^(?:[万亿]?元|天|日|个?工作日|小时|分钟|秒|个?月|年|周|个?百分点)$")
_CHANGE_WORDS = re.compile(r"(?:同比|环比|增长|增加|上升|下降|减少|降低|提高|提升)[了约近达到为至超过]*$")
_SENTENCE_END = re.compile(r"[。！？；;!?\n]")


@dataclass
class IndicatorFigure:
    """A figure as the batch summary weighs it."""

    display: str  # e.g. "16件", "97.6%"
    unit: str
    subject: str
    context: str  # report text from the start of the sentence up to the figure
    pending: bool  # the machine's value, not yet confirmed by the reviewer


def sentence_before(text: str, start: int, limit: int = 200) -> str:
    """The text of the sentence containing offset ``start``, up to ``start``."""
    window = text[max(0, start - limit) : start]
    ends = [m.end() for m in _SENTENCE_END.finditer(window)]
    return window[ends[-1] :] if ends else window


_KEYWORD_INDICATOR: dict[str, Indicator] = {}
for _indicator in INDICATORS:
    for _keyword in _indicator.keywords:
        _KEYWORD_INDICATOR.setdefault(_keyword, _indicator)
_ANY_KEYWORD = re.compile(
    "(?=(" + "|".join(map(re.escape, sorted(_KEYWORD_INDICATOR, key=len, reverse=True))) + "))"
)
"""Every keyword at every position, the longest first: one pass over the text instead of one per keyword."""


def _nearest_indicator(text: str) -> Indicator | None:
    """The indicator of the keyword that ends last in ``text`` (the longer one when two end together)."""
    best: tuple[int, int] | None = None
    found = None
    for match in _ANY_KEYWORD.finditer(text):
        keyword = match.group(1)
        rank = (match.start() + len(keyword), len(keyword))
        if best is None or rank > best:
            best, found = rank, keyword
    return _KEYWORD_INDICATOR[found] if found is not None else None


def classify(figure: IndicatorFigure) -> tuple[Indicator, str] | None:
    """The indicator and slot (COUNT or RATE) a figure fills, or None."""
    unit = figure.unit.strip()
    if _NOT_COUNTS.match(unit):
        return None
    indicator = _nearest_indicator(figure.subject or "") or _nearest_indicator(figure.context)
    if indicator is None:
        return None
    if unit == "%":
        if indicator.has_rate and not _CHANGE_WORDS.search(figure.context):
            return indicator, RATE
        return None
    if indicator.count_units is None or unit in indicator.count_units:
        return indicator, COUNT
    return None


def indicator_cells(figures: list[IndicatorFigure]) -> dict[str, IndicatorCell]:
    """Per indicator name, the first count and first rate in report order, as one cell."""
    slots: dict[tuple[str, str], IndicatorFigure] = {}
    for figure in figures:
        placed = classify(figure)
        if placed is not None:
            slots.setdefault((placed[0].name, placed[1]), figure)
    cells = {}
    for indicator in INDICATORS:
        chosen = [slots[(indicator.name, slot)] for slot in (COUNT, RATE) if (indicator.name, slot) in slots]
        if chosen:
            cells[indicator.name] = IndicatorCell(
                text=" / ".join(f.display for f in chosen),
                pending=any(f.pending for f in chosen),
            )
    return cells
