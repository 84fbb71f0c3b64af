"""``reviewer roster WORKSPACE --year Y [--import FILE [--append] | --list]``: a year's roster (报送名单).

``--import`` reads a list (.xlsx, .csv, .txt; see :mod:`reviewer.workspace.roster_list`) and makes it the
year's roster (with ``--append``: adds the units not on it yet). ``--list`` (also without an option) prints
the roster (reading only: also while the window has the workspace open), one tab-separated line per unit: 序号, 单位, 层级, 报送情况 (已报送 / 未报送), the reports
(``#id``); then the year's reports from units not on it (序号 ``-``, 不在名单). The counts go to stderr.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from reviewer.cli.messages import print_workspace_error

SKIPPED_SHOWN = 5
"""Skipped lines named in the import message; the others are counted."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("roster", help="报送名单：导入或列出某年度应报送的单位及报送情况 (roster of expected reports)")
    parser.add_argument("workspace", type=Path, metavar="WORKSPACE")
    parser.add_argument("--year", type=int, required=True, metavar="Y", help="报告年度，如 2024")
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--import", dest="import_file", type=Path, metavar="FILE",
                        help="从 .xlsx、.csv 或 .txt 名单导入（每行一个单位，或表格的“单位名称”列），替换该年度名单")
    action.add_argument("--list", action="store_true", help="列出名单及报送情况（默认）")
    parser.add_argument("--append", action="store_true", help="与 --import 同用：追加到已有名单，不替换")
    parser.set_defaults(func=run_roster)


def run_roster(args: argparse.Namespace) -> int:
    from reviewer.workspace import Workspace, WorkspaceError

    if args.append and args.import_file is None:
        print("--append 只能与 --import 同用。", file=sys.stderr)
        return 2
    try:
        if args.import_file is not None:
            return _import(Workspace, args)
        with Workspace.open(args.workspace, backup=False, create=False, read_only=True) as workspace:
            workspace.roster(args.year)  # checks the year
            status = next((s for s in workspace.roster_status() if s.year == args.year), None)
    except WorkspaceError as error:
        return print_workspace_error(error)
    if status is None:
        print(f"{args.year} 年度还没有报送名单；用 --import 文件 导入。", file=sys.stderr)
        return 0
    _print_status(status)
    return 0


def _import(workspace_class: Any, args: argparse.Namespace) -> int:
    from reviewer.workspace.roster_list import read_roster_file

    parsed = read_roster_file(args.import_file)
    with workspace_class.open(args.workspace) as workspace:
        if args.append:
            edit = workspace.add_to_roster(args.year, parsed.units)
            done = f"{args.year} 年度名单追加 {len(edit.added)} 个单位"
        else:
            edit = workspace.set_roster(args.year, parsed.units)
            done = f"{args.year} 年度名单：{len(workspace.roster(args.year))} 个单位"
    notes = []
    if edit.skipped:
        notes.append(f"{len(edit.skipped)} 个已在名单中或重复：{_some(edit.skipped)}")
    if parsed.skipped:
        notes.append(f"跳过 {len(parsed.skipped)} 行（标题、分组或表头）：{_some(parsed.skipped)}")
    print(done + ("；" + "；".join(notes) if notes else ""), file=sys.stderr)
    return 0


def _some(texts: tuple[str, ...] | list[str]) -> str:
    shown = "、".join(texts[:SKIPPED_SHOWN])
    return shown + ("等" if len(texts) > SKIPPED_SHOWN else "")


def _print_status(status: Any) -> None:
    from reviewer.cli.workspace_commands import one_field
    from reviewer.vocabulary import Reporting, label

    for line in status.lines:
        entry = line.entry
        reports = " ".join(f"#{report_id}" for report_id in line.report_ids)
        level = label(entry.level) if entry.level else ""
        print(f"{entry.ordinal}\t{one_field(entry.name)}\t{level}\t{label(line.status)}\t{reports}")
    for report in status.off_roster:
        unit = report.unit or report.title or report.file_name
        print(f"-\t{one_field(unit)}\t\t{label(Reporting.OFF_ROSTER)}\t#{report.id}")
    print(f"{status.year} 年度名单 {len(status.lines)} 个单位：已报送 {status.reported}，"
          f"未报送 {len(status.missing)}；不在名单的报告 {len(status.off_roster)} 份", file=sys.stderr)
