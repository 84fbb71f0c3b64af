"""Cross-report search at scale: the first page of hits and the exact total.

    .venv/bin/python tests/benchmarks/bench_search.py [--reports 10000] [--distinct 200] [--report-chars 15000]
        [--workspace PATH]

The workspace is made as bench_scale.py makes it: ``--distinct`` generated reports imported with analysis
(bench_workspace.py's generator), then copied row by row until it holds ``--reports``. With
``--workspace`` it is kept there, and reused when that file exists (making one takes many minutes).
Targets at 10,000 reports for a common two-character term: first page ≤ 100 ms, exact total ≤ 2 s.
Wall and CPU times are both printed: on a shared machine the wall time includes waiting for a core.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.benchmarks.bench_scale import add_workspace_arguments, fill_by_copying
from tests.benchmarks.bench_workspace import write_reports

COMMON_TERMS = ("法治", "复议")
"""Two-character terms in (nearly) every report: the targets' case."""
OTHER_QUERIES = ("行政复议", "法", "调解 成功率", "ICP", "执法证", "不存在的词语")


def timed(function, repeat: int) -> tuple[float, float, object]:
    """Median wall and CPU milliseconds of ``repeat`` calls, and the last result."""
    walls, cpus, result = [], [], None
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        result = function()
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return statistics.median(walls), statistics.median(cpus), result


def make_workspace(ws_path: Path, args: argparse.Namespace, scratch: Path) -> None:
    from reviewer.workspace import Workspace, import_files

    if args.workspace is not None and args.workspace.exists():
        shutil.copyfile(args.workspace, ws_path)
        Workspace.open(ws_path, backup=False).close()  # a kept workspace of an older schema is upgraded
        return
    write_reports(scratch / "reports", 0, min(args.distinct, args.reports), args.report_chars)
    with Workspace.open(ws_path, backup=False) as ws:
        import_files(ws, [scratch / "reports"])
    fill_by_copying(ws_path, args.reports)
    if args.workspace is not None:
        shutil.copyfile(ws_path, args.workspace)


def brute_force_hits(ws_path: Path, term: str) -> tuple[int, int]:
    """(reports, hits) of a term without ASCII characters, by ``str.count`` over every current text."""
    import sqlite3

    conn = sqlite3.connect(f"file:{ws_path}?mode=ro", uri=True)
    counts = [text.count(term) for (text,) in conn.execute(
        "SELECT t.text FROM report_texts t JOIN reports r ON r.id = t.report_id "
        "WHERE r.superseded_by IS NULL AND r.deleted_at IS NULL")]
    conn.close()
    return sum(1 for count in counts if count), sum(counts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_workspace_arguments(parser, reports=10000)
    args = parser.parse_args()
    os.environ.setdefault("REVIEWER_HOME", tempfile.mkdtemp(prefix="bench-home-"))
    from reviewer.workspace import Workspace

    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp:
        ws_path = Path(tmp) / "search.sqlite"
        started = time.perf_counter()
        make_workspace(ws_path, args, Path(tmp))
        load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
        print(f"workspace of {args.reports} reports ({args.report_chars} characters each): "
              f"{ws_path.stat().st_size / 1024 / 1024:.0f} MB, ready in {time.perf_counter() - started:.0f} s; "
              f"machine: {os.cpu_count()} cores, load average {load}")

        with Workspace.open(ws_path, read_only=True) as ws:
            assert len(ws.reports()) == args.reports, "the workspace holds another number of reports"
            for query in COMMON_TERMS + OTHER_QUERIES:
                timed(lambda: ws.search(query), 1)  # the first read of the index pages
                page_wall, page_cpu, page = timed(lambda: ws.search(query), 5)
                more_wall, _, more = timed(lambda: ws.search(query, after=page[-1]) if page else [], 5)
                total_wall, total_cpu, total = timed(lambda: ws.search_total(query), 3)
                targets = "  [targets: ≤ 100 ms, ≤ 2 s]" if query in COMMON_TERMS else ""
                print(f"{query:<8} first page of {len(page):>3}: {page_wall:5.0f} ms (CPU {page_cpu:3.0f} ms), "
                      f"next page {more_wall:4.0f} ms; exact total {total.hits:>9,} hits in {total.reports:>6,} "
                      f"reports: {total_wall / 1000:4.2f} s (CPU {total_cpu / 1000:4.2f} s){targets}")
            for term in COMMON_TERMS:
                expected = brute_force_hits(ws_path, term)
                total = ws.search_total(term)
                print(f"brute force over the stored texts for {term}: {expected[1]:,} hits in {expected[0]:,} reports "
                      f"({'the same' if (total.reports, total.hits) == expected else 'DIFFERENT'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
