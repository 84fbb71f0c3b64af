"""Arithmetic that does not add up: parts against their stated total, rates against their counts.

sum_mismatch — a total and its parts in one sentence (up to 。；!? or a line break), same unit, no
approximate figure among them:
- ``总数…，其中A x件，B y件`` (the total is the figure right before 其中) or ``A x件、B y件，合计z件``
  (合计/共计/总计/共 right before the total);
- consistent when some of the parts add up to the total exactly (a listing may add a sub-category:
  ``289件，其中口头调解188件，书面调解101件，达成司法确认16件``);
- otherwise flagged when a single part exceeds the total; when the listing is exhaustive (it names a
  category and its negation, ``受理``/``不予受理``, ``已办结``/``未办结``, or ends with ``其余``/``其他``)
  and the sum differs; or when the parts are an enumeration joined by ``、`` and their sum exceeds the
  total. A listing of some categories only (``其中征稿1篇``) is never flagged for summing to less.

rate_mismatch — a percentage whose name ends in 率 (``调解成功率约为97.6%``) and the counts before it in
the same sentence (up to 。！？ or a line break): the numerator is the count nearest the rate whose clause
shares at least two characters with the rate's name (``成功调解5745宗``), the denominator the larger count
of the same unit nearest the numerator (``受理调解案件5894宗``), whose clause must not contain every
shared character. Flagged when the
quotient misses the stated rate by more than its rounding (±0.05 for one decimal, ±0.5 for an integer;
twice that when the rate is approximate), unless some other pair of those counts gives the stated rate.
"""
from __future__ import annotations

import bisect
import re
from itertools import combinations

from reviewer.analysis.model import Figure, Finding

SEVERITY = "warning"

_SENTENCE_END = re.compile(r"[。！？!?；;\n]")
_CLAUSE_BREAK = "，,。；;：:！？!?\n、"
_BRACKETED = re.compile(r"[(（][^()（）]*[)）]")
_GAP_BETWEEN_TOTAL_AND_PARTS = re.compile(r"[\s，,：:、]*")
_TOTAL_CUE_BEFORE = re.compile(r"(?:合计|共计|总计|总共|共)(?:为|达|是)?$")
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


def check_arithmetic(text: str, figures: list[Figure]) -> list[Finding]:
    sentence_ends = [m.start() for m in _SENTENCE_END.finditer(text)]
    return [*_sum_findings(text, figures, sentence_ends), *_rate_findings(text, figures)]


def _sentence_bounds(sentence_ends: list[int], position: int, length: int) -> tuple[int, int]:
    index = bisect.bisect_left(sentence_ends, position)
    start = sentence_ends[index - 1] + 1 if index else 0
    end = sentence_ends[index] if index < len(sentence_ends) else length
    return start, end


def _sum_findings(text: str, figures: list[Figure], sentence_ends: list[int]) -> list[Finding]:
    findings = []
    for marker in re.finditer("其中", text):
        start, end = _sentence_bounds(sentence_ends, marker.start(), len(text))
        total = _total_before(text, figures, start, marker.start())
        if total is None:
            continue
        next_marker = text.find("其中", marker.end(), end)
        stop = end if next_marker < 0 else next_marker
        parts = [f for f in figures if marker.end() <= f.start and f.end <= stop and f.unit == total.unit]
        finding = _judge_sum(text, total, parts)
        if finding:
            findings.append(finding)
    for total in figures:
        cue = _TOTAL_CUE_BEFORE.search(text, max(0, total.start - 4), total.start)
        if not cue or (cue.start() > 0 and text[cue.start() - 1] not in _CLAUSE_BREAK):
            continue
        start, _ = _sentence_bounds(sentence_ends, total.start, len(text))
        parts = [f for f in figures if start <= f.start and f.end <= cue.start() and f.unit == total.unit]
        if len(parts) >= 2 and _is_enumeration(text, parts):
            finding = _judge_sum(text, total, parts, exhaustive=True)
            if finding:
                findings.append(finding)
    return findings


def _total_before(text: str, figures: list[Figure], start: int, marker: int) -> Figure | None:
    """The figure that 其中 refers to: the last one before it with only punctuation (or a bracket) between."""
    for figure in reversed([f for f in figures if start <= f.start and f.end <= marker]):
        gap = text[figure.end:marker]
        if _GAP_BETWEEN_TOTAL_AND_PARTS.fullmatch(_BRACKETED.sub("", gap)):
            return figure
        if not gap.startswith((")", "）")):
            return None  # 1307件(2904人次)，其中: look past the bracketed figure only
    return None


def _judge_sum(text: str, total: Figure, parts: list[Figure], exhaustive: bool = False) -> Finding | None:
    if not parts or total.approx or any(p.approx for p in parts):
        return None
    values = [p.value for p in parts]
    if _some_subset_adds_up(values, total.value):
        return None
    parts_sum = sum(values)
    contexts = [_clause_before(text, p.start) for p in parts]
    exhaustive = exhaustive or _names_the_rest(contexts) or _names_a_negation(contexts)
    too_large_part = any(v > total.value for v in values)
    if too_large_part or (exhaustive and parts_sum != total.value) or (
        len(parts) >= 2 and parts_sum > total.value and _is_enumeration(text, parts)
    ):
        return _sum_finding(total, parts, parts_sum)
    return None


def _some_subset_adds_up(values: list[float], total: float) -> bool:
    if len(values) > _MAX_PARTS_FOR_SUBSETS:
        return any(abs(sum(values[:k]) - total) < 1e-9 for k in range(1, len(values) + 1))
    return any(
        abs(sum(chosen) - total) < 1e-9
        for size in range(1, len(values) + 1)
        for chosen in combinations(values, size)
    )


def _clause_before(text: str, position: int) -> str:
    start = position
    while start > 0 and text[start - 1] not in _CLAUSE_BREAK and position - start < 30:
        start -= 1
    return text[start:position].strip().removeprefix("其中")


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
    """Consecutive parts joined by 、 (parallel categories), not by clauses."""
    for first, second in zip(parts, parts[1:]):
        between = text[first.end:second.start]
        if "、" not in between or any(ch in "，,；;。" for ch in between):
            return False
    return True


def _sum_finding(total: Figure, parts: list[Figure], parts_sum: float) -> Finding:
    unit = total.unit
    addition = "+".join(_number(p.value) for p in parts)
    what = total.subject or "合计"
    message = (
        f"{what}合计{_number(total.value)}{unit}，但所列分项{addition}={_number(parts_sum)}{unit}，与合计不符"
    )
    return Finding(
        code="sum_mismatch",
        severity=SEVERITY,
        message=message,
        start=min(total.start, parts[0].start),
        end=max(total.end, parts[-1].end),
        detail={
            "total": total.value,
            "parts": [p.value for p in parts],
            "sum": parts_sum,
            "unit": unit,
            "subject": total.subject,
            "texts": [total.text, *(p.text for p in parts)],
        },
    )


def _rate_findings(text: str, figures: list[Figure]) -> list[Finding]:
    findings = []
    for index, rate in enumerate(figures):
        if rate.unit not in _RATE_UNITS:
            continue
        name = _rate_name(text, rate)
        if name is None:
            continue
        sentence = _FULL_STOP_BEFORE.search(text, max(0, rate.start - _RATE_LOOKBACK), rate.start)
        low = sentence.start() + 1 if sentence else max(0, rate.start - _RATE_LOOKBACK)
        counts = [f for f in figures[:index] if f.start >= low and f.unit not in _NOT_COUNTED_UNITS and f.value > 0]
        finding = _judge_rate(text, rate, name, counts)
        if finding:
            findings.append(finding)
    return findings


def _rate_name(text: str, rate: Figure) -> str | None:
    if rate.subject and rate.subject.endswith("率"):
        return rate.subject
    before = _clause_before(text, rate.start)
    names = _RATE_NAME.findall(before)
    return names[-1] if names else None


def _tolerance(rate: Figure) -> float:
    digits = "".join(ch for ch in rate.text if ch.isdigit() or ch in ".．")
    decimals = len(digits.replace("．", ".").partition(".")[2])
    tolerance = 0.5 * 10**-decimals
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
    stem = set(name.removesuffix("率")) - {"的"}
    for numerator in reversed(counts):
        shared = stem & set(_clause_before(text, numerator.start))
        if len(shared) < 2:
            continue
        denominators = [
            d for d in counts
            if d is not numerator and _units_match(d.unit, numerator.unit) and d.value > numerator.value
            and shared - set(_clause_before(text, d.start))
        ]
        if not denominators:
            return None
        denominator = min(denominators, key=lambda d: abs(d.start - numerator.start))
        computed = numerator.value / denominator.value * 100
        if abs(computed - rate.value) <= tolerance:
            return None
        return _rate_finding(rate, name, numerator, denominator, computed, tolerance)
    return None


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
