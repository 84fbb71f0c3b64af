"""Benchmark of the text-structure stages: ``python tests/benchmarks/bench_text_structure.py [N]``.

Times clean, extract_sections, extract_metadata, find_required_parts and check_structure on N (default 500)
generated reports of about 15,000 characters (the same reports as bench_analysis.py, with page chrome
around them) and prints the median and p95 milliseconds of each stage and of all five together.
"""
from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench_analysis import generate_report, source_paragraphs

from reviewer.analysis.checks.structure import check_structure
from reviewer.analysis.clean import clean
from reviewer.analysis.metadata import extract_metadata
from reviewer.analysis.outline import extract_sections
from reviewer.analysis.required import find_required_parts

CHROME_TOP = "您当前所在的位置：首页 > 政务公开 > 法治政府建设\n【打印】【关闭】 字体:[大 中 小]\n"
CHROME_BOTTOM = "\n扫一扫在手机打开当前页\n版权所有：某某人民政府办公室  网站标识码：1234567890  某ICP备12345678号"


def _timed(stage: Callable[[], object], into: list[float]) -> object:
    started = time.perf_counter()
    result = stage()
    into.append((time.perf_counter() - started) * 1000)
    return result


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    rng = random.Random(20261125)
    paragraphs = source_paragraphs()
    reports = [CHROME_TOP + generate_report(rng, paragraphs, i) + CHROME_BOTTOM for i in range(count)]
    stages = ("clean", "sections", "metadata", "required", "structure", "all five")
    timings: dict[str, list[float]] = {name: [] for name in stages}
    for raw in reports[:20] + reports:
        started = time.perf_counter()
        cleaned = _timed(lambda: clean(raw), timings["clean"])
        text = cleaned.text
        sections = _timed(lambda: extract_sections(text), timings["sections"])
        metadata = _timed(lambda: extract_metadata(text, cleaned.page_meta, sections), timings["metadata"])
        required = _timed(lambda: find_required_parts(text, sections), timings["required"])
        _timed(lambda: check_structure(text, metadata, sections, required), timings["structure"])
        timings["all five"].append((time.perf_counter() - started) * 1000)
    mean_chars = sum(map(len, reports)) / count
    print(f"reports: {count}, mean length {mean_chars:,.0f} characters")
    for name in stages:
        measured = sorted(timings[name][20:])
        print(f"{name:>10}: median {statistics.median(measured):.2f} ms, p95 {measured[int(0.95 * (count - 1))]:.2f} ms")


if __name__ == "__main__":
    main()
