"""``reviewer summary``: print the review sheets or the batch summary to a PDF, without the window.

    reviewer summary WORKSPACE [--report ID ... | --all] [--batch] -o OUT.pdf
    reviewer summary FILE [FILE ...] [--batch] -o OUT.pdf     (reports never imported: machine analysis only)

A workspace is told from a report file by its SQLite header (or, for a file not yet there, its extension).
"""
from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

from reviewer.cli.messages import workspace_error_text

WORKSPACE_SUFFIXES = (".sqlite", ".sqlite3", ".db", ".reviewer")
SQLITE_MAGIC = b"SQLite format 3\x00"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "summary",
        help="生成审阅意见单或汇总表 PDF (print review sheets / batch summary to PDF)",
        description="生成审阅意见单（每份报告一份）或汇总表（--batch）PDF。",
    )
    parser.add_argument("targets", nargs="+", metavar="WORKSPACE|FILE", help="工作区文件，或未导入的报告文件")
    selection = parser.add_mutually_exclusive_group()
    selection.add_argument("--report", type=int, action="append", metavar="ID", help="工作区中的报告编号（可重复）")
    selection.add_argument("--all", action="store_true", help="工作区中的全部报告（默认）")
    parser.add_argument("--batch", action="store_true", help="生成汇总表，而非逐份的审阅意见单")
    parser.add_argument("-o", "--output", required=True, type=Path, metavar="OUT.pdf", help="输出的 PDF 文件")
    parser.set_defaults(func=run)


def is_workspace_path(path: Path) -> bool:
    if path.is_file():
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    return path.suffix.lower() in WORKSPACE_SUFFIXES


def run(args: argparse.Namespace) -> int:
    targets = [Path(t) for t in args.targets]
    try:
        if is_workspace_path(targets[0]):
            if len(targets) > 1:
                return _fail("一次只能处理一个工作区文件。")
            data = _from_workspace(targets[0], args.report, args.batch)
        else:
            if args.report:
                return _fail("--report 只适用于工作区文件；未导入的报告请直接给出文件路径。")
            data = _from_files(targets, args.batch)
    except _UserError as error:
        return _fail(str(error))
    try:
        args.output.write_bytes(data)
    except OSError as error:
        return _fail(f"无法写入 {args.output}：{error.strerror or error}")
    sys.stdout.write(f"已生成 {args.output}\n")
    return 0


class _UserError(Exception):
    """A problem to tell the user in one Chinese sentence."""


def _fail(message: str) -> int:
    sys.stderr.write(f"错误：{message}\n")
    return 1


def _from_workspace(path: Path, report_ids: list[int] | None, batch: bool) -> bytes:
    from reviewer.summary import build_batch_pdf, build_reports_pdf, collect_batch, collect_report
    from reviewer.workspace import Workspace, WorkspaceError

    try:
        with Workspace.open(path, backup=False, create=False) as ws:
            known = {r.id for r in ws.reports()}
            unknown = [i for i in report_ids or [] if i not in known]
            if unknown:
                raise _UserError("工作区中没有编号为 " + "、".join(map(str, unknown)) + " 的报告。")
            if not known:
                raise _UserError("工作区中还没有报告。")
            if batch:
                return build_batch_pdf(collect_batch(ws, report_ids))
            return build_reports_pdf([collect_report(ws, i) for i in report_ids or sorted(known)])
    except WorkspaceError as error:
        raise _UserError(workspace_error_text(error)) from error


def _from_files(paths: list[Path], batch: bool) -> bytes:
    from reviewer.analysis import LoadError, analyze_path
    from reviewer.summary import build_batch_pdf, build_reports_pdf, collect_analyses_batch, collect_analysis

    analyses = []
    for path in paths:
        try:
            analyses.append((analyze_path(path), path))
        except LoadError as error:
            raise _UserError(f"{path}：{error.message}") from error
    if batch:
        return build_batch_pdf(collect_analyses_batch([a for a, _ in analyses]))
    sheets = [collect_analysis(a, path.name, hashlib.sha256(path.read_bytes()).hexdigest()) for a, path in analyses]
    return build_reports_pdf(sheets)
