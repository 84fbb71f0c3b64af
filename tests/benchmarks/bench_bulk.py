"""Bulk decisions: accepting 500 items of one report in one transaction, and undoing and redoing that step.

    .venv/bin/python tests/benchmarks/bench_bulk.py [--items 500] [--rounds 5]

The report is the sample reports (../shared/samples) joined into one long text, so it has enough machine
items. Target: bulk accept of 500 items ≤ 100 ms (one transaction, one history entry).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT.parent / "shared" / "samples"
sys.path.insert(0, str(ROOT))

from reviewer.workspace import Workspace


def long_report(min_items: int, ws: Workspace) -> int:
    """Import one report made of the samples joined (repeated until it has ``min_items`` items)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    copies = 1
    while True:
        body = "\n".join(texts * copies)
        report_id = ws.import_bytes(body.encode("utf-8"), f"合并报告{copies}.txt").report_id
        if len(ws.items(report_id)) >= min_items:
            return report_id
        copies += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        ws = Workspace.open(Path(folder) / "bench.sqlite")
        report_id = long_report(args.items, ws)
        ids = [item.id for item in ws.items(report_id)][: args.items]
        accept, undo, redo = [], [], []
        for _ in range(args.rounds):
            start = time.perf_counter()
            changed = ws.decide_many(ids, "accepted")
            accept.append(time.perf_counter() - start)
            assert len(changed) == len(ids)
            batch = ws.last_change_id
            assert batch is not None
            start = time.perf_counter()
            ws.undo(batch)
            undo.append(time.perf_counter() - start)
            start = time.perf_counter()
            ws.redo(batch)
            redo.append(time.perf_counter() - start)
            ws.decide_many(ids, "pending")
        ws.close()
    for name, times in (("bulk accept", accept), ("undo", undo), ("redo", redo)):
        print(f"{name} of {len(ids)} items: median {statistics.median(times) * 1000:.1f} ms, "
              f"max {max(times) * 1000:.1f} ms ({args.rounds} rounds; target accept ≤ 100 ms)")


if __name__ == "__main__":
    main()
