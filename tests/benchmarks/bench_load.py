"""Benchmark of the load step: ``python tests/benchmarks/bench_load.py``.

Prints the median milliseconds to load one report of about 15,000 characters in each format (files made
on the fly). Target: the .txt in a millisecond or two.
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from reviewer.analysis.load import load_bytes
from tests.analysis.fixture_files import make_docx, make_pdf

PARAGRAPH = "全年共收到行政复议案件16件，其中不予受理5件，受理11件，调解成功率约为97.6%。依法行政工作取得明显成效。"


def report_text(characters: int) -> str:
    lines = []
    while sum(len(line) + 1 for line in lines) < characters:
        lines.append(f"（{len(lines) + 1}）" + PARAGRAPH)
    return "\n".join(lines)[:characters]


def median_ms(data: bytes, filename: str, repeat: int) -> float:
    load_bytes(data, filename)
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        load_bytes(data, filename)
        timings.append(time.perf_counter() - start)
    return statistics.median(timings) * 1000


def main() -> None:
    text = report_text(15_000)
    paragraphs = "".join(f"<p>{line}</p>" for line in text.split("\n"))
    page = f"<html><head><meta charset='utf-8'></head><body>{paragraphs}</body></html>"
    with tempfile.TemporaryDirectory() as folder:
        docx = make_docx(Path(folder) / "a.docx", text.split("\n")).read_bytes()
        pdf_lines = [text[i:i + 38] for i in range(0, len(text), 38)]
        pdf = make_pdf(Path(folder) / "a.pdf", pdf_lines, lines_per_page=35).read_bytes()
    cases = [
        ("txt utf-8, 15,000 characters", text.encode("utf-8"), "a.txt", 500),
        ("txt gb18030, 15,000 characters", text.encode("gb18030"), "a.txt", 500),
        ("html utf-8, 15,000 characters", page.encode("utf-8"), "a.html", 20),
        ("docx, 15,000 characters", docx, "a.docx", 20),
        (f"pdf, 15,000 characters, {len(pdf_lines) // 35 + 1} pages", pdf, "a.pdf", 3),
    ]
    for label, data, filename, repeat in cases:
        print(f"{label:45s} {median_ms(data, filename, repeat):8.2f} ms per load (median of {repeat})")


if __name__ == "__main__":
    main()
