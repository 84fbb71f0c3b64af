"""Hostile texts finish: no quadratic search, no error (the 1 s target is tests/benchmarks/bench_pathological.py)."""
from __future__ import annotations

import threading

import pytest

from reviewer.analysis.model import Analysis
from reviewer.analysis.numerals import chinese_to_int, int_to_chinese
from reviewer.analysis.pipeline import analyze_bytes
from tests.analysis.pathological_inputs import pathological_texts, repeated_headings

HANG_LIMIT_SECONDS = 30

_TEXTS = pathological_texts()


def _analyze_within_limit(text: str) -> Analysis:
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["analysis"] = analyze_bytes(text.encode("utf-8"), "report.txt")
        except Exception as error:  # reported below, with the test's name
            outcome["error"] = error

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(HANG_LIMIT_SECONDS)
    assert not worker.is_alive(), f"analysis did not finish within {HANG_LIMIT_SECONDS} s"
    assert "error" not in outcome, repr(outcome.get("error"))
    analysis = outcome["analysis"]
    assert isinstance(analysis, Analysis)
    return analysis


@pytest.mark.parametrize("name", [name for name in _TEXTS if name != "a million characters of repeated headings"])
def test_a_pathological_line_is_analysed(name: str) -> None:
    analysis = _analyze_within_limit(_TEXTS[name])
    assert analysis.metadata.report_year == 2023


def test_a_report_with_more_than_ninety_nine_headings_of_one_number_is_checked() -> None:
    analysis = _analyze_within_limit(repeated_headings(8_000))
    assert len([s for s in analysis.sections if s.level == 1]) > 100
    repeated = [f for f in analysis.findings if f.code == "heading_repeated"]
    assert repeated and "第一百零五个“一、”" in repeated[103].message


def test_numbers_above_ninety_nine_are_written_in_chinese_numerals() -> None:
    assert [int_to_chinese(n) for n in (100, 105, 110, 1010, 20300, 10001)] == [
        "一百", "一百零五", "一百一十", "一千零一十", "二万零三百", "一万零一",
    ]
    assert all(chinese_to_int(int_to_chinese(n)) == n for n in range(1, 20_000))
    with pytest.raises(ValueError):
        int_to_chinese(0)
