"""Arithmetic that does not add up: parts against their stated total, rates against their counts.

Changes are never counts of their own: a figure right after a change verb or a comparison (``同比增长12.3%``,
``减少8件``, ``较上年的46件``) is neither a total, a part, a rate nor a count of a rate.

sum_mismatch — a total and its parts in one sentence (up to 。；!? or a line break), same unit (money in
any of 元/万元/亿元, compared in the total's unit within its rounding), no approximate figure among them,
no percentage as the total:
- ``总数…，其中A x件，B y件`` (the total is the figure right before 其中, reading past a change stated in
  between; 其中 may open the next sentence or a bracket, which then closes the parts) or ``A x件、B y件，合计z件``
  (合计/共计/总计/共 right before the total, opening its clause alone or after a short name: ``，参训人员合计``);
- consistent when some of the parts add up to the total exactly (a listing may add a sub-category:
  ``289件，其中口头调解188件，书面调解101件，达成司法确认16件``) — except when every part is labelled
  with an outcome of a closed set (维持/撤销/确认违法/驳回/终止 …, 保留/修改/废止), which never overlap;
- otherwise flagged when a single part exceeds the total; when the listing is exhaustive (it names a
  category and its negation, ``受理``/``不予受理``, ``已办结``/``未办结``, or ends with ``其余``/``其他``)
  and the sum differs; when the parts are outcomes of a closed set and their sum exceeds the total; or when
  two parts or more divide the total — an enumeration joined by ``、`` (the last by 及/和), kinds of one
  category (``咨询类``, ``求助类``) or kinds of what the total counts (矛盾纠纷 → 婚姻家庭纠纷, 邻里纠纷), never
  a qualified subset of it (执法人员 → 持证执法人员) — and their sum exceeds the total or, for a total of 50
  and more, misses it by at most 4% (a listing of some parts leaves more out). A listing introduced as
  partial (``其中主要有``, ``包括``, ``涉及``) or ending in 等, or of some categories only (``其中征稿1篇``), is
  never flagged for summing to less.

rate_mismatch — a percentage whose name ends in 率 (``调解成功率约为97.6%``) and the exact counts before it
in the same sentence (up to 。！？ or a line break), or in the sentence before when its own holds fewer than
two (``受理调解案件200件。成功调解180件，调解成功率95%``); not a change (``同比下降2.1%``) nor a rate of change
(增长率, 增幅). What the rate measures is the two characters before 率 (成功, 办结, 出庭 …): the numerator
is the count nearest the rate whose clause holds both (``成功调解5745宗``), the denominator the larger count
of the same unit nearest the numerator whose clause does not (``受理调解案件5894宗``) or names it as the
base (``应参考人数120人``). A 出庭应诉率 is taken only against cases heard in court (开庭, 应出庭). Flagged
when the quotient misses the stated rate by more than its rounding (±0.05 for one decimal, ±0.5 for an
integer; twice that when the rate is approximate), unless some other pair of those counts gives the stated
rate.
"""
from __future__ import annotations

import bisect
import re
from itertools import combinations

from reviewer.analysis.figures import CHANGE_VERBS, COMPARISON_WORDS
from reviewer.analysis.model import Figure, Finding

SEVERITY = "warning"

_SENTENCE_END = re.compile(r"[。！？!?；;\n]")
_ONLY_SPACE = re.compile(r"\s*")
_CLAUSE_BREAK = "，,。；;：:！？!?\n、"
_BRACKETED = re.compile(r"[(（][^()（）]*[)）]")
_GAP_BETWEEN_TOTAL_AND_PARTS = re.compile(r"[\s，,：:、。；;（(]*")
_TOTAL_CUE_BEFORE = re.compile(r"(?:合计|共计|总计|总共|共)(?:为|达|是)?$")
_MAX_TOTAL_NAME = 8
_TOTAL_OPENS_CLAUSE = re.compile(rf"(?:^|[，,：:；;])[^\d，,。；;：:！？!?、\n]{{0,{_MAX_TOTAL_NAME}}}$")
"""A total after its parts opens its clause, alone or after a short name: ``，合计1,340人``, ``，参训人员合计1,340人``."""
_ENUMERATION_JOINER = re.compile(r"、|^[^\d]{0,12}?(?:以及|及|和|与)")
_PARTIAL_LISTING = re.compile(r"^(?:主要|重点|包括|涉及|含|比如|例如|如)|^[^，,。；;]{0,4}(?:主要|包括)")
"""A listing that names only some of the parts: ``其中主要有……``, ``其中包括……``, ``其中涉及……``."""
_NEAR_MISS = 0.04
"""Parts of a listing that come within this share of the total without reaching it exactly were meant to add
up to it (``共调处矛盾纠纷58件。其中……49件，……7件``): a listing of some parts only leaves more out."""
_MIN_NEAR_MISS_TOTAL = 50
"""Below this a listing may well leave out a stray case or two (一审30件、二审9件 of 40, one 再审 unnamed)."""
_PARTITION_LABELS = (
    "维持", "撤销", "变更", "确认违法", "确认无效", "责令履行", "驳回", "驳回申请", "驳回复议申请", "终止", "终止审理",
    "调解结案", "和解", "保留", "继续有效", "修改", "修订", "废止", "宣布失效", "失效",
)
"""Labels of a closed set of outcomes (行政复议 decisions, 规范性文件清理 results): parts so labelled do not
overlap, so no subset of them may stand for the total and together they may not exceed it (a report may
leave a rare outcome out, so they may fall short of it)."""
_REST_WORDS = ("其余", "其他", "剩余", "另有", "余下")
_NEGATIONS = ("不予", "未予", "没有", "未", "不", "非")
_DONE_MARKERS = ("已经", "已")
_RATE_NAME = re.compile(r"[\u4e00-\u9fff]{1,12}率")
_RATE_UNITS = ("%",)
_NOT_COUNTED_UNITS = frozenset({"%", "个百分点", "百分点", "‰", "元", "万元", "亿元", "千元", "千万元", "百万元", "美元",
                                "倍", "成", "分"})
_RATE_LOOKBACK = 200
_FULL_STOP_BEFORE = re.compile(r"[。！？!?\n][^。！？!?\n]*$")
_MAX_PARTS_FOR_SUBSETS = 12
_MAX_FIGURES_IN_A_LISTING = 60
"""More figures than this between a total and the end of its listing are a table or a damaged text, not
one listing: such a passage is not checked, which keeps the check linear in the number of figures."""
_MAX_COUNTS_FOR_A_RATE = 16
"""The counts nearest a rate that may be its numerator and denominator."""
_MONEY_FACTORS = {"元": 1, "千元": 10**3, "万元": 10**4, "百万元": 10**6, "千万元": 10**7, "亿元": 10**8}
_NOT_SUMMED_UNITS = frozenset({"%", "个百分点", "百分点", "‰", "倍", "成", "分"})
_CHANGE_BEFORE = re.compile(
    f"(?:{COMPARISON_WORDS}[^，,。；;：:！？!?\n]{{0,4}}|(?:{CHANGE_VERBS}|增|减|降|升|多|少)了?(?:到|至)?)$"
)
"""Right before a figure that is a change or the base of a comparison (同比增长12.3%, 较上年的46件)."""
_CHANGE_WORD = re.compile(f"{COMPARISON_WORDS}|{CHANGE_VERBS}")
_CHANGE_NAME = re.compile(r"增长|增幅|降幅|增速|下降|上升|提高|降低|减少|同比|环比")
_RATE_BASES = {"出庭": ("开庭", "应出庭", "应当出庭", "需出庭", "需要出庭")}
"""Rates whose base is not every count before them: 出庭应诉率 counts against the cases heard in court."""


def check_arithmetic(text: str, figures: list[Figure]) -> list[Finding]:
    sentence_ends = [m.start() for m in _SENTENCE_END.finditer(text)]
    index = _FigureIndex(figures)
    return [*_sum_findings(text, index, sentence_ends), *_rate_findings(text, index)]


class _FigureIndex:
    """The figures in text order, found by position with a binary search (so each check stays linear)."""

    def __init__(self, figures: list[Figure]) -> None:
        self.figures = figures
        self._starts = [f.start for f in figures]

    def first_from(self, position: int) -> int:
        """The index of the first figure starting at or after ``position``."""
        return bisect.bisect_left(self._starts, position)

    def within(self, start: int, end: int, limit: int) -> list[Figure] | None:
        """The figures inside ``[start, end)``; None when there are more than ``limit`` of them."""
        low, high = self.first_from(start), self.first_from(end)
        if high - low > limit:
            return None
        return [f for f in self.figures[low:high] if f.end <= end]


def _sentence_bounds(sentence_ends: list[int], position: int, length: int) -> tuple[int, int]:
    index = bisect.bisect_left(sentence_ends, position)
    start = sentence_ends[index - 1] + 1 if index else 0
    end = sentence_ends[index] if index < len(sentence_ends) else length
    return start, end


def _sum_findings(text: str, index: _FigureIndex, sentence_ends: list[int]) -> list[Finding]:
    findings = []
    for marker in re.finditer("其中", text):
        start, end = _sentence_bounds(sentence_ends, marker.start(), len(text))
        if start and _ONLY_SPACE.fullmatch(text, start, marker.start()):
            start, _ = _sentence_bounds(sentence_ends, start - 1, len(text))  # 共受理35件。其中，维持28件……
        total = _total_before(text, index, start, marker.start())
        if total is None or total.unit in _NOT_SUMMED_UNITS:
            continue
        next_marker = text.find("其中", marker.end(), end)
        stop = end if next_marker < 0 else next_marker
        if text[marker.start() - 1:marker.start()] in ("（", "("):
            closing = min((i for i in (text.find("）", marker.end(), stop), text.find(")", marker.end(), stop)) if i >= 0),
                          default=stop)
            stop = closing  # 共计1260件（其中……）: the parts end with the bracket
        listed = index.within(marker.end(), stop, _MAX_FIGURES_IN_A_LISTING)
        if listed is None:
            continue
        parts = [f for f in listed if _same_measure(f, total) and not is_change(text, f)]
        finding = _judge_sum(text, total, parts)
        if finding:
            findings.append(finding)
    for total in index.figures:
        cue = _TOTAL_CUE_BEFORE.search(text, max(0, total.start - 4), total.start)
        if not cue or not _TOTAL_OPENS_CLAUSE.search(text, max(0, cue.start() - _MAX_TOTAL_NAME - 1), cue.start()):
            continue
        if total.unit in _NOT_SUMMED_UNITS:
            continue
        start, _ = _sentence_bounds(sentence_ends, total.start, len(text))
        listed = index.within(start, cue.start(), _MAX_FIGURES_IN_A_LISTING)
        if listed is None:
            continue
        parts = [f for f in listed if _same_measure(f, total) and not is_change(text, f)]
        if len(parts) >= 2 and _is_enumeration(text, parts):
            finding = _judge_sum(text, total, parts, exhaustive=True)
            if finding:
                findings.append(finding)
    return findings


def _total_before(text: str, index: _FigureIndex, start: int, marker: int) -> Figure | None:
    """The figure that 其中 refers to: the last one before it with only punctuation (or a bracket) between.

    A change stated in between is read past: ``共收到申请52件，同比增加8件，其中受理45件``.
    """
    gap_end, rest = marker, ""
    position = index.first_from(marker)
    while position > 0 and index.figures[position - 1].start >= start:
        position -= 1
        figure = index.figures[position]
        if figure.end > marker:
            continue
        if is_change(text, figure):
            rest = text[figure.end:gap_end] + rest
            gap_end = _clause_start(text, figure.start)
            continue
        gap = text[figure.end:gap_end] + rest
        if _GAP_BETWEEN_TOTAL_AND_PARTS.fullmatch(_BRACKETED.sub("", gap)):
            return figure
        if not gap.startswith((")", "）")):
            return None  # 1307件(2904人次)，其中: look past the bracketed figure only
    return None


def _clause_start(text: str, position: int) -> int:
    start = position
    while start > 0 and text[start - 1] not in _CLAUSE_BREAK and position - start < 30:
        start -= 1
    return start


def is_change(text: str, figure: Figure) -> bool:
    """A change (同比增长12.3%, 减少8件, 分别增加186名和42名) or the base of a comparison (较上年的46件)."""
    start = _clause_start(text, figure.start)
    if _CHANGE_BEFORE.search(text, start, figure.start):
        return True
    return text.endswith(("和", "与", "及"), start, figure.start) and bool(_CHANGE_WORD.search(text, start, figure.start))


def _same_measure(part: Figure, total: Figure) -> bool:
    return part.unit == total.unit or (part.unit in _MONEY_FACTORS and total.unit in _MONEY_FACTORS)


def _in_unit_of(part: Figure, total: Figure) -> float:
    """The part's value in the total's unit: 9860万元 → 0.986 when the total is in 亿元."""
    if part.unit == total.unit:
        return part.value
    return part.value * _MONEY_FACTORS[part.unit] / _MONEY_FACTORS[total.unit]


def _sum_tolerance(total: Figure, parts: list[Figure]) -> float:
    """Exact for counts; for a total in a larger money unit than its parts, its rounding (1.2亿元 ± 0.05)."""
    if all(p.unit == total.unit for p in parts):
        return 1e-9
    return max(_rounding(total.text), 1e-9)


def _rounding(written: str) -> float:
    digits = "".join(ch for ch in written if ch.isdigit() or ch in ".．")
    decimals = len(digits.replace("．", ".").partition(".")[2])
    return 0.5 / float(10**decimals)


def _judge_sum(text: str, total: Figure, parts: list[Figure], exhaustive: bool = False) -> Finding | None:
    if not parts or total.approx or any(p.approx for p in parts):
        return None
    values = [_in_unit_of(p, total) for p in parts]
    tolerance = _sum_tolerance(total, parts)
    contexts = [_clause_before(text, p.start) for p in parts]
    partition = len(parts) >= 2 and all(c.rstrip("的了").endswith(_PARTITION_LABELS) for c in contexts)
    if not partition and _some_subset_adds_up(values, total.value, tolerance):
        return None
    parts_sum = sum(values)
    exhaustive = exhaustive or _names_the_rest(contexts) or _names_a_negation(contexts)
    too_large_part = any(v > total.value + tolerance for v in values)
    if too_large_part or (exhaustive and abs(parts_sum - total.value) > tolerance) or (
        parts_sum > total.value + tolerance and (partition or len(parts) >= 2 and _is_enumeration(text, parts))
    ) or (_parallel(text, total, parts, contexts) and (
        parts_sum > total.value + tolerance or _near_miss(text, total, parts, parts_sum, tolerance)
    )):
        return _sum_finding(total, parts, parts_sum)
    return None


def _parallel(text: str, total: Figure, parts: list[Figure], contexts: list[str]) -> bool:
    """Two parts or more that divide the total: an enumeration (``705件、921件及498件``), kinds of one category
    (``咨询类……，求助类……``), or kinds of what the total counts (``矛盾纠纷58件。其中婚姻家庭纠纷……，邻里纠纷……``)
    — never a qualified subset of it (``执法人员235人，其中持证执法人员226人``), which may overlap the others."""
    if len(parts) < 2:
        return False
    labels = [context.rstrip("的了") for context in contexts]
    subject = total.subject or ""
    if len(subject) > 2 and any(label.endswith(subject) for label in labels):
        return False
    if _is_enumeration(text, parts) or all(label.endswith("类") for label in labels):
        return True
    head = subject[-2:]
    if len(head) < 2 or not all("\u4e00" <= ch <= "\u9fff" for ch in head):
        return False
    return all(label.endswith(head) and label != head and not _PARTIAL_LISTING.search(label) for label in labels)


def _near_miss(text: str, total: Figure, parts: list[Figure], parts_sum: float, tolerance: float) -> bool:
    """Parts listed as the whole (not ``其中主要有……``, not ending in 等) that miss the total by a few percent
    (see :data:`_NEAR_MISS`)."""
    if text.startswith("等", parts[-1].end):
        return False
    listing = text[total.end:parts[0].start]
    opening = listing[listing.find("其中") + 2:] if "其中" in listing else listing
    if _PARTIAL_LISTING.search(opening.lstrip("，,：: ")):
        return False
    difference = abs(parts_sum - total.value)
    return total.value >= _MIN_NEAR_MISS_TOTAL and tolerance < difference <= total.value * _NEAR_MISS


def _some_subset_adds_up(values: list[float], total: float, tolerance: float) -> bool:
    if len(values) > _MAX_PARTS_FOR_SUBSETS:
        return any(abs(sum(values[:k]) - total) <= tolerance for k in range(1, len(values) + 1))
    return any(
        abs(sum(chosen) - total) <= tolerance
        for size in range(1, len(values) + 1)
        for chosen in combinations(values, size)
    )


def _clause_before(text: str, position: int) -> str:
    return text[_clause_start(text, position):position].strip().removeprefix("其中")


def _names_the_rest(contexts: list[str]) -> bool:
    return len(contexts) >= 2 and contexts[-1].startswith(_REST_WORDS)


def _names_a_negation(contexts: list[str]) -> bool:
    """True when one part is another part negated: 受理 / 不予受理, 已办结 / 未办结."""
    cores = {_without_prefix(c, _DONE_MARKERS) for c in contexts}
    for context in contexts:
        core = _without_prefix(context, _DONE_MARKERS)
        for negation in _NEGATIONS:
            if core.startswith(negation) and len(core) > len(negation) and core[len(negation):] in cores:
                return True
    return False


def _without_prefix(word: str, prefixes: tuple[str, ...]) -> str:
    for prefix in prefixes:
        if word.startswith(prefix):
            return word[len(prefix):]
    return word


def _is_enumeration(text: str, parts: list[Figure]) -> bool:
    """Consecutive parts joined by 、 or, the last of them, by 及/和/以及 (parallel categories), not by clauses."""
    for first, second in zip(parts, parts[1:]):
        between = text[first.end:second.start]
        if not _ENUMERATION_JOINER.search(between) or any(ch in "，,；;。" for ch in between):
            return False
    return True


def _sum_finding(total: Figure, parts: list[Figure], parts_sum: float) -> Finding:
    unit = total.unit
    if all(p.unit == unit for p in parts):
        addition = "+".join(_number(p.value) for p in parts)
    else:
        addition = "+".join(p.text for p in parts)
    what = f"{total.subject}合计" if total.subject else "合计"
    message = f"{what}{_number(total.value)}{unit}，但所列分项{addition}={_number(parts_sum)}{unit}，与合计不符"
    return Finding(
        code="sum_mismatch",
        severity=SEVERITY,
        message=message,
        start=min(total.start, parts[0].start),
        end=max(total.end, parts[-1].end),
        detail={
            "total": total.value,
            "parts": [_in_unit_of(p, total) for p in parts],
            "sum": parts_sum,
            "unit": unit,
            "subject": total.subject,
            "texts": [total.text, *(p.text for p in parts)],
        },
    )


def _rate_findings(text: str, index: _FigureIndex) -> list[Finding]:
    findings = []
    for position, rate in enumerate(index.figures):
        if rate.unit not in _RATE_UNITS or is_change(text, rate):
            continue
        name = _rate_name(text, rate)
        if name is None or _CHANGE_NAME.search(name):
            continue
        low = _sentence_start(text, rate.start)
        counts = _counts(text, index, low, position)
        if len(counts) < 2 and low > 0:
            counts = _counts(text, index, _sentence_start(text, low - 1), position)  # 受理200件。成功调解180件，……率95%
        finding = _judge_rate(text, rate, name, counts)
        if finding:
            findings.append(finding)
    return findings


def _sentence_start(text: str, position: int) -> int:
    """Where the sentence holding ``position`` starts, looking back at most :data:`_RATE_LOOKBACK` characters."""
    sentence = _FULL_STOP_BEFORE.search(text, max(0, position - _RATE_LOOKBACK), position)
    return sentence.start() + 1 if sentence else max(0, position - _RATE_LOOKBACK)


def _counts(text: str, index: _FigureIndex, low: int, position: int) -> list[Figure]:
    """The exact counts from ``low`` up to the figure at ``position``, nearest :data:`_MAX_COUNTS_FOR_A_RATE`."""
    return [
        f for f in index.figures[index.first_from(low):position]
        if f.unit not in _NOT_COUNTED_UNITS and "元" not in f.unit and f.value > 0 and not f.approx
        and not is_change(text, f)
    ][-_MAX_COUNTS_FOR_A_RATE:]


def _rate_name(text: str, rate: Figure) -> str | None:
    if rate.subject and rate.subject.endswith("率"):
        return rate.subject
    before = _clause_before(text, rate.start)
    names = _RATE_NAME.findall(before)
    return names[-1] if names else None


def _tolerance(rate: Figure) -> float:
    tolerance = _rounding(rate.text)
    return tolerance * 2 if rate.approx else tolerance


def _units_match(a: str, b: str) -> bool:
    return a == b or a.rstrip("次") == b.rstrip("次")


def _judge_rate(text: str, rate: Figure, name: str, counts: list[Figure]) -> Finding | None:
    if rate.value > 100 or len(counts) < 2:
        return None
    tolerance = _tolerance(rate) + 1e-9
    for numerator, denominator in combinations(counts, 2):
        for a, b in ((numerator, denominator), (denominator, numerator)):
            if _units_match(a.unit, b.unit) and a.value <= b.value and abs(a.value / b.value * 100 - rate.value) <= tolerance:
                return None
    key = name.removesuffix("率")[-2:]
    bases = next((cues for word, cues in _RATE_BASES.items() if word in name), None)
    for numerator in reversed(counts):
        clause = _clause_before(text, numerator.start)
        if len(set(key)) < 2 or not set(key) <= set(clause) or _names_the_base(clause, key):
            continue
        denominators = []
        for candidate in counts:
            if candidate is numerator or not _units_match(candidate.unit, numerator.unit):
                continue
            base_clause = _clause_before(text, candidate.start)
            if candidate.value <= numerator.value or not (_names_the_base(base_clause, key) or set(key) - set(base_clause)):
                continue
            if bases is None or any(cue in base_clause for cue in bases):
                denominators.append(candidate)
        if not denominators:
            return None
        denominator = min(denominators, key=lambda d: abs(d.start - numerator.start))
        computed = numerator.value / denominator.value * 100
        if abs(computed - rate.value) <= tolerance:
            return None
        return _rate_finding(rate, name, numerator, denominator, computed, tolerance)
    return None


def _names_the_base(clause: str, key: str) -> bool:
    """``应参考人数120人``, ``应出庭案件20件``: the count a rate of ``key`` is taken against."""
    return f"应{key}" in clause or f"应当{key}" in clause


def _rate_finding(
    rate: Figure, name: str, numerator: Figure, denominator: Figure, computed: float, tolerance: float
) -> Finding:
    message = (
        f"{name}写为{_number(rate.value)}%，但{_named(numerator)}÷{_named(denominator)}"
        f"={computed:.2f}%，两者不符"
    )
    return Finding(
        code="rate_mismatch",
        severity=SEVERITY,
        message=message,
        start=min(denominator.start, numerator.start, rate.start),
        end=max(denominator.end, numerator.end, rate.end),
        detail={
            "rate": name,
            "stated": rate.value,
            "computed": round(computed, 2),
            "numerator": numerator.value,
            "denominator": denominator.value,
            "unit": numerator.unit,
            "tolerance": round(tolerance, 4),
            "texts": [denominator.text, numerator.text, rate.text],
        },
    )


def _named(figure: Figure) -> str:
    return f"{figure.subject or ''}{figure.text}"


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
