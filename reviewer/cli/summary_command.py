"""``reviewer summary``: the review sheets or the batch summary as a PDF or a Word document, without the window.

    reviewer summary WORKSPACE [--report ID ... | --all] [--batch] -o OUT.pdf|OUT.docx
    reviewer summary FILE [FILE ...] [--batch] -o OUT.pdf|OUT.docx   (reports never imported: machine analysis only)

The output's extension chooses the format. A workspace is told from a report file by its SQLite header (or,
for a file not yet there, its extension).
"""
from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reviewer.summary import BatchData, SummaryData

from reviewer.cli.messages import workspace_error_text

WORKSPACE_SUFFIXES = (".sqlite", ".sqlite3", ".db", ".reviewer")
OUTPUT_SUFFIXES = (".pdf", ".docx", "")
"""A name without extension gets a PDF, as before Word output existed."""
SQLITE_MAGIC = b"SQLite format 3\x00"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "summary",
        help="生成审阅意见单或汇总表 PDF/Word (review sheets / batch summary as PDF or .docx)",
        description="生成审阅意见单（每份报告一份）或汇总表（--batch），PDF 或 Word（按输出文件的扩展名）。",
    )
    parser.add_argument("targets", nargs="+", metavar="WORKSPACE|FILE", help="工作区文件，或未导入的报告文件")
    selection = parser.add_mutually_exclusive_group()
    selection.add_argument("--report", type=int, action="append", metavar="ID", help="工作区中的报告编号（可重复）")
    selection.add_argument("--all", action="store_true", help="工作区中的全部报告（默认）")
    parser.add_argument("--batch", action="store_true", help="生成汇总表，而非逐份的审阅意见单")
    parser.add_argument("-o", "--output", required=True, type=Path, metavar="OUT.pdf|OUT.docx",
                        help="输出文件：.pdf 为 PDF，.docx 为可编辑的 Word 文档")
    parser.set_defaults(func=run)


def is_workspace_path(path: Path) -> bool:
    if path.is_file():
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    return path.suffix.lower() in WORKSPACE_SUFFIXES


def run(args: argparse.Namespace) -> int:
    targets = [Path(t) for t in args.targets]
    word = args.output.suffix.lower() == ".docx"
    if args.output.suffix.lower() not in OUTPUT_SUFFIXES:
        return _fail(f"不支持输出为“{args.output.suffix}”文件：请用 .pdf 或 .docx 作为输出文件的扩展名。")
    try:
        if is_workspace_path(targets[0]):
            if len(targets) > 1:
                return _fail("一次只能处理一个工作区文件。")
            collected = _from_workspace(targets[0], args.report, args.batch)
        else:
            if args.report:
                return _fail("--report 只适用于工作区文件；未导入的报告请直接给出文件路径。")
            collected = _from_files(targets, args.batch)
    except _UserError as error:
        return _fail(str(error))
    data = _render(collected, word)
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


def _render(collected: BatchData | list[SummaryData], word: bool) -> bytes:
    """The collected summary laid out as .docx or PDF."""
    from reviewer.summary import BatchData, build_batch_pdf, build_reports_pdf

    if word:
        from reviewer.outputs.batch_docx import build_batch_docx
        from reviewer.outputs.review_sheet_docx import build_report_docx

        return build_batch_docx(collected) if isinstance(collected, BatchData) else build_report_docx(collected)
    return build_batch_pdf(collected) if isinstance(collected, BatchData) else build_reports_pdf(collected)


def _from_workspace(path: Path, report_ids: list[int] | None, batch: bool) -> BatchData | list[SummaryData]:
    from reviewer.summary import collect_batch, collect_report
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
                return collect_batch(ws, report_ids)
            return [collect_report(ws, i) for i in report_ids or sorted(known)]
    except WorkspaceError as error:
        raise _UserError(workspace_error_text(error)) from error


def _from_files(paths: list[Path], batch: bool) -> BatchData | list[SummaryData]:
    from reviewer.analysis import LoadError, analyze_path
    from reviewer.summary import collect_analyses_batch, collect_analysis

    analyses = []
    for path in paths:
        try:
            analyses.append((analyze_path(path), path))
        except LoadError as error:
            raise _UserError(f"{path}：{error.message}") from error
    if batch:
        return collect_analyses_batch([a for a, _ in analyses])
    return [collect_analysis(a, path.name, hashlib.sha256(path.read_bytes()).hexdigest()) for a, path in analyses]
