"""Benchmark of the analysis: ``python tests/benchmarks/bench_analysis.py [N]``.

Generates N (default 1000) reports of about 15,000 characters by recombining paragraphs of the
sample reports (../shared/samples) or of the bundled demo reports, then prints the one-time start-up
cost (jieba dictionary load) separately, median and p95 milliseconds per report, MB/s of text, and
peak memory. Runs on one core. The generated reports reuse a few hundred paragraphs, so the word
cache of the subject finder is cleared before each report: every report is timed as unseen text.
"""
from __future__ import annotations

import random
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reviewer.analysis import (
    analyze_bytes,
    subject,
)

TARGET_CHARS = 15_000


def source_paragraphs() -> list[str]:
    folders = [ROOT.parent / "shared" / "samples", ROOT / "resources" / "demo"]
    paragraphs: list[str] = []
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            paragraphs += [p.strip() for p in path.read_text(encoding="utf-8").splitlines() if len(p.strip()) > 20]
        if paragraphs:
            break
    if not paragraphs:
        raise SystemExit("no sample or demo reports found")
    return paragraphs


def generate_report(rng: random.Random, paragraphs: list[str], index: int) -> str:
    year = rng.randint(2016, 2024)
    unit = rng.choice(["青溪镇", "明湖县", "云岭市", "东关街道", "河西区", "县司法局"])
    lines = [f"{unit}{year}年法治政府建设年度报告", f"发布日期:{year + 1}-0{rng.randint(1, 5)}-1{rng.randint(0, 9)}", ""]
    numerals = "一二三四五六七八九十"
    part = 0
    while sum(map(len, lines)) < TARGET_CHARS:
        if rng.random() < 0.15 and part < len(numerals):
            lines.append(f"{numerals[part]}、第{index}号报告的第{part + 1}部分")
            part += 1
        lines.append(rng.choice(paragraphs))
    lines += ["", f"{unit}人民政府", f"{year + 1}年1月{rng.randint(1, 28)}日"]
    return "\n".join(lines)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    rng = random.Random(20261125)
    paragraphs = source_paragraphs()
    reports = [generate_report(rng, paragraphs, i).encode("utf-8") for i in range(count)]

    started = time.perf_counter()
    subject.warm_up()
    startup = time.perf_counter() - started
    print(f"start-up (jieba dictionary load): {startup * 1000:.0f} ms")

    for data in reports[:20]:  # warm-up: regex caches, jieba word cache
        analyze_bytes(data, "warmup.txt")

    timings = []
    chars = 0
    for i, data in enumerate(reports):
        subject.tokens.cache_clear()
        t0 = time.perf_counter()
        analysis = analyze_bytes(data, f"report-{i}.txt")
        timings.append(time.perf_counter() - t0)
        chars += len(analysis.text)
    timings_ms = sorted(t * 1000 for t in timings)
    total = sum(timings)
    megabytes = sum(len(d) for d in reports) / 1e6
    print(f"reports: {count}, mean length {chars / count:,.0f} characters")
    print(f"median: {statistics.median(timings_ms):.1f} ms per report (target <= 30 ms)")
    print(f"p95: {timings_ms[int(0.95 * (count - 1))]:.1f} ms per report")
    print(f"throughput: {megabytes / total:.2f} MB/s of UTF-8 text, {chars / total / 1000:.0f}k characters/s")
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"peak memory (max RSS, includes the generated corpus): {peak_kb / 1024:.0f} MB")


if __name__ == "__main__":
    main()
