"""Office outputs: ``.venv/bin/python tests/benchmarks/bench_outputs.py [--reports 1000] [--report-chars 15000]``

Times, on generated reports like those of bench_workspace.py (15,000 characters by default):
- the Excel workbook (审阅概况, 数据, 指标) of a workspace of ``--reports`` reports, a third of the figures
  decided (confirmed, corrected or rejected), collect + write, and its size;
- the 审阅意见单 of one long report as .docx (collect + document), best of 3, and the 汇总表 .docx of all;
- the 批注版 of one long Word report (the report written as a .docx, two to four runs per paragraph, every
  tenth paragraph a table row), with one annotation per paragraph and every figure decided: reading the
  original again, splitting runs, placing the comments, best of 3.
Targets: workbook of 1,000 reports ≤ 30 s; one sheet ≤ 2 s; one 批注版 ≤ 5 s. The workbook grows linearly with
the figures it lists (setting up 1,000 imported and partly reviewed reports takes minutes: ``--reports 200``
measures the same per-report cost).
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.benchmarks.bench_workspace import write_reports


def best_of(runs: int, action) -> tuple[float, object]:
    timings, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = action()
        timings.append(time.perf_counter() - started)
    return min(timings), result


def decide_some(ws, report_id: int, rng: random.Random) -> None:
    from reviewer.vocabulary import ItemState

    for index, item in enumerate(ws.items(report_id, "figure")):
        if index % 3 == 0:
            state = rng.choice((ItemState.ACCEPTED, ItemState.ACCEPTED, ItemState.CORRECTED, ItemState.REJECTED))
            corrected = {"value": (item.machine.value or 0) + 1} if state == ItemState.CORRECTED else None
            ws.set_item_state(item.id, state, corrected)


def word_report(text: str, path: Path) -> Path:
    """``text`` as a Word document: every paragraph in two to four runs (some bold), every tenth one split
    into a three-cell table row."""
    from docx import Document

    document = Document()
    rng = random.Random(7)
    for number, line in enumerate(line for line in text.splitlines() if line.strip()):
        if number % 10 == 9 and len(line) > 30:
            cells = document.add_table(rows=1, cols=3).rows[0].cells
            third = len(line) // 3
            for cell, part in zip(cells, (line[:third], line[third:2 * third], line[2 * third:])):
                cell.text = part
            continue
        paragraph = document.add_paragraph()
        cuts = sorted(rng.sample(range(1, max(len(line), 4)), min(3, max(len(line) - 1, 1))))
        for index, (start, end) in enumerate(zip([0, *cuts], [*cuts, len(line)])):
            paragraph.add_run(line[start:end]).bold = index % 2 == 1
    document.save(path)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--report-chars", type=int, default=15000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    os.environ.setdefault("REVIEWER_HOME", tempfile.mkdtemp(prefix="bench-home-"))
    from reviewer.outputs.annotated_report import annotated_report
    from reviewer.outputs.batch_docx import build_batch_docx
    from reviewer.outputs.review_sheet_docx import build_report_docx
    from reviewer.outputs.review_workbook import review_workbook
    from reviewer.summary import collect_batch, collect_report
    from reviewer.workspace import Workspace

    rng = random.Random(16)
    with tempfile.TemporaryDirectory(prefix="bench-outputs-") as tmp:
        folder = Path(tmp)
        write_reports(folder / "reports", 0, args.reports, args.report_chars)
        with Workspace.open(folder / "bench.sqlite") as ws:
            started = time.perf_counter()
            ws.import_files([folder / "reports"], workers=args.workers)
            ids = [r.id for r in ws.reports()]
            for report_id in ids:
                decide_some(ws, report_id, rng)
            print(f"setup: {len(ids)} reports imported and a third of their figures decided "
                  f"in {time.perf_counter() - started:.1f} s")

            started = time.perf_counter()
            workbook = review_workbook(ws)
            elapsed = time.perf_counter() - started
            figures = sum(len(ws.items(i, "figure", include_unanchored=True)) for i in ids)
            print(f"Excel workbook of {len(ids)} reports ({figures} figures): {elapsed:.2f} s, "
                  f"{len(workbook) / 1024 / 1024:.1f} MB  [target ≤ 30 s]")

            longest = max(ids, key=lambda i: len(ws.report(i).analysis.text))
            elapsed, sheet = best_of(3, lambda: build_report_docx([collect_report(ws, longest)]))
            figures = len(ws.items(longest, "figure"))
            print(f"审阅意见单 .docx of one report ({len(ws.report(longest).analysis.text)} characters, "
                  f"{figures} figures): {elapsed:.3f} s, {len(sheet) // 1024} KB  [target ≤ 2 s]")

            started = time.perf_counter()
            collected = collect_batch(ws)
            collecting = time.perf_counter() - started
            batch = build_batch_docx(collected)
            print(f"汇总表 .docx of {len(ids)} reports: {time.perf_counter() - started:.2f} s (collect {collecting:.2f} s, "
                  f"document {time.perf_counter() - started - collecting:.2f} s), {len(batch) // 1024} KB")

            text = ws.report(longest).analysis.text
            word_id = ws.import_file(word_report(text, folder / "长报告.docx")).report_id
            word_text = ws.report(word_id).analysis.text
            paragraphs = [p for p in word_text.split("\n\n") if len(p) > 12]
            position = 0
            for paragraph in paragraphs:
                start = word_text.index(paragraph, position) + 3
                ws.add_annotation(word_id, start, start + 8, "请核实")
                position = start
            decide_some(ws, word_id, rng)
            for item in ws.items(word_id, "figure"):
                if item.state == "pending":
                    ws.set_item_state(item.id, "rejected")
            elapsed, result = best_of(3, lambda: annotated_report(ws, word_id))
            print(f"批注版 of a Word report ({len(word_text)} characters, {len(paragraphs)} paragraphs): "
                  f"{elapsed:.3f} s, {result.comments} comments, on the original: {result.from_original}  "
                  f"[target ≤ 5 s]")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
