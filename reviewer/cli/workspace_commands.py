"""Workspace commands: ``import``, ``export`` and ``search``.

``reviewer import WORKSPACE FILE|FOLDER...`` prints one line per file, tab-separated:
status (new / duplicate / new_version / error), path, and a Chinese note; exit status 1 if any failed.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from reviewer.workspace import ImportResult, Workspace, WorkspaceError, export_json, import_files, write_figures_csv
from reviewer.workspace.export import write_figures_csv_to


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("import", help="把报告文件或文件夹导入工作区 (import files into a workspace)")
    parser.add_argument("workspace", type=Path, metavar="WORKSPACE")
    parser.add_argument("paths", nargs="+", type=Path, metavar="FILE|FOLDER")
    parser.add_argument("--workers", type=int, default=None, help="分析进程数（默认：CPU 核数）")
    parser.set_defaults(func=run_import)

    parser = subparsers.add_parser("export", help="导出审阅结果 (export the review work as JSON or CSV)")
    parser.add_argument("workspace", type=Path, metavar="WORKSPACE")
    parser.add_argument("--format", choices=("json", "csv"), default="json",
                        help="json：全部审阅内容；csv：数据（figures）及其审阅状态，Excel 可直接打开")
    parser.add_argument("-o", "--output", type=Path, default=None, metavar="OUT", help="输出文件（默认：标准输出）")
    parser.set_defaults(func=run_export)

    parser = subparsers.add_parser("search", help="在工作区全部报告中全文搜索 (full-text search)")
    parser.add_argument("workspace", type=Path, metavar="WORKSPACE")
    parser.add_argument("query", nargs="+", metavar="QUERY")
    parser.add_argument("--limit", type=int, default=50)
    parser.set_defaults(func=run_search)


def run_import(args: argparse.Namespace) -> int:
    counts: Counter[str] = Counter()

    def report(done: int, total: int, path: Path, outcome: Any) -> None:
        status, note = _describe(outcome)
        counts[status] += 1
        print(f"{status}\t{path}\t{note}", flush=True)

    try:
        with Workspace.open(args.workspace) as workspace:
            import_files(workspace, args.paths, progress=report, workers=args.workers)
    except WorkspaceError as error:
        print(error.message, file=sys.stderr)
        return 1
    print(
        f"共 {sum(counts.values())} 个文件：新增 {counts['new']}，重复 {counts['duplicate']}，"
        f"新版本 {counts['new_version']}，失败 {counts['error']}",
        file=sys.stderr,
    )
    return 1 if counts["error"] else 0


def _describe(outcome: Any) -> tuple[str, str]:
    if not isinstance(outcome, ImportResult):
        return "error", outcome.message
    if outcome.status == "new":
        return "new", f"新报告 #{outcome.report_id}"
    if outcome.status == "duplicate":
        return "duplicate", f"已在工作区中 #{outcome.report_id}"
    note = f"新版本 #{outcome.report_id}，替换 #{outcome.replaced_report_id}"
    if outcome.not_reanchored:
        note += f"；{len(outcome.not_reanchored)} 处审阅内容未能在新文本中定位（已保留）"
    return "new_version", note


def run_export(args: argparse.Namespace) -> int:
    if not args.workspace.exists():
        print(f"工作区文件不存在：{args.workspace}", file=sys.stderr)
        return 1
    try:
        with Workspace.open(args.workspace) as workspace:
            if args.format == "json":
                text = json.dumps(export_json(workspace), ensure_ascii=False, indent=2) + "\n"
                if args.output is None:
                    sys.stdout.write(text)
                else:
                    args.output.write_text(text, encoding="utf-8")
            elif args.output is None:
                write_figures_csv_to(workspace, sys.stdout)
            else:
                write_figures_csv(workspace, args.output)
    except WorkspaceError as error:
        print(error.message, file=sys.stderr)
        return 1
    return 0


def run_search(args: argparse.Namespace) -> int:
    if not args.workspace.exists():
        print(f"工作区文件不存在：{args.workspace}", file=sys.stderr)
        return 1
    query = " ".join(args.query)
    try:
        with Workspace.open(args.workspace) as workspace:
            hits = workspace.search(query, limit=args.limit)
    except WorkspaceError as error:
        print(error.message, file=sys.stderr)
        return 1
    for hit in hits:
        print(f"#{hit.report_id}\t{hit.unit or ''}\t{hit.start}-{hit.end}\t{hit.snippet}")
    if not hits:
        print(f"没有找到“{query}”。", file=sys.stderr)
    return 0
