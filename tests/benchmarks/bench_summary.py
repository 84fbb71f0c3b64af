"""Benchmark of the summary PDFs: ``python tests/benchmarks/bench_summary.py [N]``.

Analyses the sample reports (../shared/samples, else the bundled demo reports) once, then times:
the one-time font discovery and loading; one 审阅意见单 (collect + PDF) per sample, best of 3; and a
汇总表 of N (default 1000) reports made by repeating the samples' analyses (collect + PDF), once;
and the same for the samples imported into a temporary workspace (one sheet from the workspace), copied
until it holds N reports (bench_scale.py's copies): the batch of all of them, its collection against a bare
read of the rows the per-report reading fetches.
Targets: one sheet ≤ 0.5 s, the 1,000-report batch ≤ 15 s, collection ≤ 2× the bare read.
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reviewer.analysis import analyze_path
from reviewer.analysis.indicator_catalogue import indicator_columns
from reviewer.summary import (
    BatchData,
    build_batch_pdf,
    build_report_pdf,
    collect_analysis,
    collect_batch,
    collect_report,
)
from reviewer.summary.collect import batch_row_from_view
from reviewer.summary.fonts import pdf_fonts
from reviewer.summary.review_view import view_from_analysis
from tests.benchmarks.bench_scale import bare_read, best_cpu_ms, fill_by_copying, timed


def sample_paths() -> list[Path]:
    for folder in (ROOT.parent / "shared" / "samples", ROOT / "resources" / "demo"):
        paths = sorted(folder.glob("*.txt"))
        if paths:
            return paths
    raise SystemExit("no sample or demo reports found")


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    analyses = [analyze_path(path) for path in sample_paths()]

    started = time.perf_counter()
    fonts = pdf_fonts()
    print(f"fonts: {time.perf_counter() - started:.3f} s once per process "
          f"({'embedded ' + str(fonts.body_file) if fonts.embedded else 'CID fallback'})")

    for analysis in analyses:
        timings = []
        for _ in range(3):
            started = time.perf_counter()
            data = collect_analysis(analysis)
            pdf = build_report_pdf(data)
            timings.append(time.perf_counter() - started)
        print(f"one sheet {Path(analysis.source).name}: {min(timings):.3f} s "
              f"({len(data.figures)} figures, {len(data.notes)} notes, {len(pdf) // 1024} KB)")

    started = time.perf_counter()
    rows = [batch_row_from_view(view_from_analysis(analyses[i % len(analyses)])) for i in range(count)]
    collected = time.perf_counter() - started
    pdf = build_batch_pdf(BatchData(rows=rows, indicator_names=list(indicator_columns().values()), scope="基准测试"))
    total = time.perf_counter() - started
    print(f"batch of {count} reports: {total:.2f} s (collect {collected:.2f} s, PDF {total - collected:.2f} s, "
          f"{len(pdf) // 1024} KB)")

    with tempfile.TemporaryDirectory() as folder:
        os.environ["REVIEWER_HOME"] = folder
        from reviewer.workspace import Workspace

        ws_path = Path(folder) / "bench.sqlite"
        with Workspace.open(ws_path, backup=False) as ws:
            ids = [ws.import_file(path).report_id for path in sample_paths()]
            started = time.perf_counter()
            build_report_pdf(collect_report(ws, ids[0]))
            one = time.perf_counter() - started
        fill_by_copying(ws_path, count)
        with Workspace.open(ws_path, backup=False) as ws:
            ids = [report.id for report in ws.reports()]
            bare_ms, fetched = timed(lambda: bare_read(ws_path, ids))
            started = time.perf_counter()
            batch = collect_batch(ws)
            collected = time.perf_counter() - started
            build_batch_pdf(batch)
            total = time.perf_counter() - started
            bare_cpu, collect_cpu = best_cpu_ms(lambda: bare_read(ws_path, ids)), best_cpu_ms(lambda: collect_batch(ws))
        print(f"workspace: one sheet {one:.3f} s; batch of {len(ids)} reports {total:.2f} s (collecting "
              f"{collected:.2f} s, bare read of the same {fetched} rows {bare_ms / 1000:.2f} s = "
              f"{collected * 1000 / bare_ms:.1f}×  [target ≤ 2×]); in CPU time (best of 3) collecting "
              f"{collect_cpu / 1000:.2f} s, bare read {bare_cpu / 1000:.2f} s = {collect_cpu / bare_cpu:.2f}×")

if __name__ == "__main__":
    main()
