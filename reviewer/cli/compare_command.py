"""``reviewer compare WORKSPACE --report ID``: the report's copied passages, one JSON object a line.

Each line: ``{"report", "start", "end", "other_report", "other_start", "other_end", "similarity",
"kind"}`` with offsets into each report's cleaned text and ``kind`` ``own_previous`` (the same unit's
other year) or ``other_unit``. Both sides of a pair are listed, seen from the given report. The workspace
is only read (no lock, backup or migration): it works while the window has it open.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("compare", help="列出报告中与工作区其他报告相同的段落 (copied passages)")
    parser.add_argument("workspace", type=Path, metavar="WORKSPACE")
    parser.add_argument("--report", type=int, required=True, metavar="ID", help="报告编号")
    parser.set_defaults(func=run_compare)


def run_compare(args: argparse.Namespace) -> int:
    from reviewer.workspace import Workspace, WorkspaceError

    if not args.workspace.exists():
        print(f"工作区文件不存在：{args.workspace}", file=sys.stderr)
        return 1
    try:
        with Workspace.open(args.workspace, read_only=True, create=False) as workspace:
            copied = workspace.copies(args.report)
    except WorkspaceError as error:
        print(error.message, file=sys.stderr)
        return 1
    for passage in copied:
        print(json.dumps({
            "report": passage.report_id, "start": passage.start, "end": passage.end,
            "other_report": passage.other_report_id, "other_start": passage.other_start,
            "other_end": passage.other_end, "similarity": round(passage.similarity, 2), "kind": str(passage.kind),
        }, ensure_ascii=False))
    return 0
