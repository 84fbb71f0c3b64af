"""Workspace commands: ``import``, ``export``, ``search`` and ``restore``.

``reviewer search WORKSPACE QUERY`` prints one line per hit, tab-separated: ``#report id``, the report's
title (its file name when it has none), the span in the cleaned text and the context; then on stderr
how many hits there are in how many reports.

``reviewer import WORKSPACE FILE|FOLDER...`` prints one line per file, tab-separated:
status (new / duplicate / new_version / error), path, and a Chinese note; exit status 1 if any failed.
Control characters in the path or note (a newline or tab in a file name) are written escaped, as
``\\n``, ``\\t``, ``\\x1b``…, so each file stays one line of three fields.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from reviewer.cli.messages import print_workspace_error

SEARCH_PAGE = 500
"""Hits read at a time when listing many."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("import", help="把报告文件或文件夹导入工作区 (import files into a workspace)")
    parser.add_argument("workspace", type=Path, metavar="WORKSPACE")
    parser.add_argument("paths", nargs="+", type=Path, metavar="FILE|FOLDER")
    parser.add_argument("--workers", type=int, default=None, help="分析进程数（默认：CPU 核数）")
    parser.set_defaults(func=run_import)

    parser = subparsers.add_parser("export", help="导出审阅结果 (export the review work as JSON, CSV or Excel)")
    parser.add_argument("workspace", type=Path, metavar="WORKSPACE")
    parser.add_argument("--format", choices=("json", "csv", "xlsx"), default="json",
                        help="json：全部审阅内容；csv：数据（figures）及其审阅状态，Excel 可直接打开；"
                             "xlsx：Excel 工作簿（审阅概况、数据、指标），须用 -o 指定文件")
    parser.add_argument("-o", "--output", type=Path, default=None, metavar="OUT", help="输出文件（默认：标准输出）")
    parser.set_defaults(func=run_export)

    parser = subparsers.add_parser("search", help="在工作区全部报告中全文搜索 (full-text search)")
    parser.add_argument("workspace", type=Path, metavar="WORKSPACE")
    parser.add_argument("query", nargs="+", metavar="QUERY")
    parser.add_argument("--limit", type=int, default=50, help="列出的处数（默认 50；0：全部）")
    parser.set_defaults(func=run_search)

    parser = subparsers.add_parser("restore", help="从备份恢复损坏或丢失的工作区 (restore a workspace from a backup)")
    parser.add_argument("workspace", type=Path, metavar="WORKSPACE")
    parser.add_argument("backup", nargs="?", type=Path, default=None, metavar="BACKUP",
                        help="备份文件（默认：最新的完好备份）；原文件保留为 .damaged-时间")
    parser.set_defaults(func=run_restore)


def run_import(args: argparse.Namespace) -> int:
    from reviewer.cli.recognition_progress import print_page_progress
    from reviewer.workspace import Workspace, WorkspaceError, import_files
    counts: Counter[str] = Counter()

    def report(done: int, total: int, path: Path, outcome: Any) -> None:
        status, note = _describe(outcome)
        counts[status] += 1
        print(f"{status}\t{one_field(str(path))}\t{one_field(note)}", flush=True)

    try:
        with Workspace.open(args.workspace) as workspace:
            import_files(
                workspace, args.paths, progress=report, workers=args.workers,
                page_progress=lambda path, done, total: print_page_progress(str(path), done, total),
            )
    except WorkspaceError as error:
        return print_workspace_error(error)
    print(
        f"共 {sum(counts.values())} 个文件：新增 {counts['new']}，重复 {counts['duplicate']}，"
        f"新版本 {counts['new_version']}，失败 {counts['error']}",
        file=sys.stderr,
    )
    return 1 if counts["error"] else 0


def one_field(text: str) -> str:
    """``text`` with control characters escaped: it cannot break the line or add a field."""
    return "".join(_escaped(char) if ord(char) < 32 or ord(char) == 127 else char for char in text)


def _escaped(char: str) -> str:
    return {"\n": "\\n", "\t": "\\t", "\r": "\\r"}.get(char, f"\\x{ord(char):02x}")


def _describe(outcome: Any) -> tuple[str, str]:
    from reviewer.workspace import ImportResult

    if not isinstance(outcome, ImportResult):
        return "error", outcome.message
    if outcome.status == "new":
        return "new", f"新报告 #{outcome.report_id}"
    if outcome.status == "duplicate":
        return "duplicate", f"已在工作区中 #{outcome.report_id}"
    note = f"新版本 #{outcome.report_id}，替换 #{outcome.replaced_report_id}"
    if outcome.carry_over is not None:
        note += f"；{outcome.carry_over.describe()}"
    return "new_version", note


def run_export(args: argparse.Namespace) -> int:
    from reviewer.workspace import Workspace, WorkspaceError, export_json, write_figures_csv
    from reviewer.workspace.export import write_figures_csv_to
    if args.format == "xlsx" and args.output is None:
        print("导出 Excel 工作簿须用 -o 指定输出文件（.xlsx）。", file=sys.stderr)
        return 1
    try:
        with Workspace.open(args.workspace, backup=False, create=False) as workspace:
            if args.format == "xlsx":
                from reviewer.outputs.review_workbook import review_workbook

                args.output.write_bytes(review_workbook(workspace))
            elif args.format == "json":
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
        return print_workspace_error(error)
    except OSError as error:
        print(f"无法写入 {args.output}：{error.strerror or error}", file=sys.stderr)
        return 1
    return 0


def run_search(args: argparse.Namespace) -> int:
    """Reads through a read-only connection, so it also works while the window has the workspace open:
    no lock, no backup, no upgrade (a workspace that needs one is refused with one line saying so)."""
    from reviewer.workspace import Workspace, WorkspaceError
    query = " ".join(args.query)
    try:
        with Workspace.open(args.workspace, read_only=True, create=False) as workspace:
            hits = _first_hits(workspace, query, args.limit)
            total = workspace.search_total(query)
    except WorkspaceError as error:
        return print_workspace_error(error)
    for hit in hits:
        print(f"#{hit.report_id}\t{one_field(hit.title)}\t{hit.start}-{hit.end}\t{one_field(hit.snippet)}")
    if total is None or total.hits == 0:
        print(f"没有找到“{query}”。", file=sys.stderr)
        return 0
    shown = f"，列出前 {len(hits)} 处（--limit 0 列出全部）" if len(hits) < total.hits else ""
    print(f"在 {total.reports} 份报告中找到 {total.hits} 处{shown}", file=sys.stderr)
    return 0


def _first_hits(workspace: Any, query: str, limit: int) -> list[Any]:
    """The first ``limit`` hits (all of them for 0), a page at a time."""
    hits: list[Any] = []
    while limit <= 0 or len(hits) < limit:
        wanted = SEARCH_PAGE if limit <= 0 else min(SEARCH_PAGE, limit - len(hits))
        page = workspace.search(query, limit=wanted, after=hits[-1] if hits else None)
        hits += page
        if len(page) < wanted:
            break
    return hits


def run_restore(args: argparse.Namespace) -> int:
    from reviewer.workspace import Workspace, WorkspaceError

    try:
        restored = Workspace.restore_backup(args.workspace, args.backup)
    except WorkspaceError as error:
        return print_workspace_error(error)
    print(f"已从备份恢复：{restored.backup}", file=sys.stderr)
    if restored.damaged_copy is not None:
        print(f"原文件保留为：{restored.damaged_copy}", file=sys.stderr)
    return 0
