"""Invariants of the whole analysis on arbitrary text (hypothesis)."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewer.analysis import analyze_bytes

REPORT_ALPHABET = st.sampled_from(
    list("一二三四五六七八九十百千万两零〇")
    + list("0123456789０１２３")
    + list("、，,。.．:：；()（）〔〕[]%％+-—\n\n \u3000")
    + list("件次场人名份个项条家年月日天元亿余多近约超过以上左右其中共合计率是第号")
    + list("法治政府建设年度报告行政复议诉讼案件调解成功镇市县区局存在问题不足下一步工作计划")
)

report_like_text = st.text(alphabet=REPORT_ALPHABET, min_size=1, max_size=600)
arbitrary_text = st.text(min_size=1, max_size=400)


def _check_invariants(raw: str) -> None:
    try:
        analysis = analyze_bytes(raw.encode("utf-8"), "fuzz.txt")
    except Exception as error:  # only typed load errors are allowed
        from reviewer.analysis import LoadError

        assert isinstance(error, LoadError), repr(error)
        return
    text = analysis.text
    n = len(text)
    for figure in analysis.figures:
        assert 0 <= figure.start < figure.end <= n
        assert text[figure.start:figure.end] == figure.text
    starts = [s.start for s in analysis.sections]
    assert starts == sorted(starts)
    for section in analysis.sections:
        assert 0 <= section.start <= section.end <= n
        assert section.end <= section.body_end <= n
    for finding in analysis.findings:
        assert 0 <= finding.start <= finding.end <= n
    for part in analysis.required.values():
        if part.present:
            assert part.start is not None and part.end is not None
            assert 0 <= part.start <= part.end <= n
    analysis.to_json_dict()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report_like_text)
def test_analysis_invariants_hold_on_report_like_text(raw: str) -> None:
    _check_invariants(raw)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(arbitrary_text)
def test_analysis_invariants_hold_on_arbitrary_unicode(raw: str) -> None:
    _check_invariants(raw)
