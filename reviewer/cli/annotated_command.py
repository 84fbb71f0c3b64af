"""``reviewer annotated WORKSPACE --report ID -o OUT.docx``: the report returned with the review as Word
comments (批注版). A Word original gets the comments in place; other reports come as their text."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "annotated",
        help="导出批注版：审阅批注作为 Word 批注 (the report with the review as Word comments)",
        description="导出批注版：Word 原文中加入审阅批注；其他格式的报告导出为带批注的报告文字。",
    )
    parser.add_argument("workspace", type=Path, metavar="WORKSPACE")
    parser.add_argument("--report", type=int, required=True, metavar="ID", help="工作区中的报告编号")
    parser.add_argument("--no-items", action="store_true", help="只导出批注，不含审阅人否决或更正的项目")
    parser.add_argument("-o", "--output", required=True, type=Path, metavar="OUT.docx", help="输出的 Word 文档")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from reviewer.outputs.annotated_report import annotated_report
    from reviewer.workspace import Workspace, WorkspaceError

    if not args.workspace.is_file():
        return _fail(f"找不到工作区文件 {args.workspace}。")
    try:
        with Workspace.open(args.workspace) as ws:
            if args.report not in {r.id for r in ws.reports()}:
                return _fail(f"工作区中没有编号为 {args.report} 的报告。")
            result = annotated_report(ws, args.report, with_items=not args.no_items)
    except WorkspaceError as error:
        return _fail(error.message)
    try:
        args.output.write_bytes(result.data)
    except OSError as error:
        return _fail(f"无法写入 {args.output}：{error.strerror or error}")
    if result.note:
        sys.stderr.write(f"说明：{result.note}\n")
    sys.stdout.write(f"已生成 {args.output}（{result.comments} 条批注）\n")
    return 0


def _fail(message: str) -> int:
    sys.stderr.write(f"错误：{message}\n")
    return 1
