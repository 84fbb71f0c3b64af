"""Benchmark of hostile input: ``python tests/benchmarks/bench_pathological.py``.

Analyses each text of tests/analysis/pathological_inputs.py (a 100,000-character line of digits, numerals,
figures, 其中 …, and a report of a million characters with more than 99 headings numbered 一、) from its
bytes to its findings, after jieba's warm-up, and prints the wall-clock and CPU time of each.
Target: ≤ 1 s per 100,000-character line.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from reviewer.analysis import subject
from reviewer.analysis.pipeline import analyze_bytes
from tests.analysis.pathological_inputs import pathological_texts


def main() -> None:
    subject.warm_up()
    for name, text in pathological_texts().items():
        data = text.encode("utf-8")
        wall, cpu = time.perf_counter(), time.process_time()
        analysis = analyze_bytes(data, "report.txt")
        cpu = time.process_time() - cpu
        wall = time.perf_counter() - wall
        print(f"{name:45} {wall:6.2f} s wall, {cpu:6.2f} s CPU ({len(text):,} characters, "
              f"{len(analysis.figures):,} figures, {len(analysis.findings):,} findings)", flush=True)


if __name__ == "__main__":
    main()
