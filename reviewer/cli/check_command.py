"""``reviewer check WORKSPACE``: the deep check on demand — SQLite's integrity check and the workspace's own
consistency checks (report counts against the items, records pointing at no report, unreadable records).

Prints each problem on a line of its own, then the sound backups and the command that restores the newest;
exit status 0 for a sound workspace, 1 for problems or a file that cannot be opened. It reads only, so it
may run while the window has the workspace open.
"""
from __future__ import annotations

import argparse
import sys

from reviewer.cli.messages import print_workspace_error


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("check", help="深度检查工作区是否完好 (deep check of a workspace)")
    parser.add_argument("workspace", metavar="WORKSPACE")
    parser.set_defaults(func=run_check)


def run_check(args: argparse.Namespace) -> int:
    from pathlib import Path

    from reviewer.workspace import Workspace, WorkspaceError
    from reviewer.workspace.backup import sound_backups
    from reviewer.workspace.integrity import check_workspace

    path = Path(args.workspace).expanduser().absolute()
    try:
        with Workspace.open(path, read_only=True, create=False, backup=False) as workspace:
            reports = len(workspace.reports())
    except WorkspaceError as error:
        return print_workspace_error(error)
    print(f"正在检查 {path}（{reports} 份报告）…", file=sys.stderr, flush=True)
    problems = check_workspace(path)
    if not problems:
        print(f"工作区完好：{path}")
        return 0
    print(f"工作区有 {len(problems)} 处问题：{path}")
    for problem in problems:
        print(f"  {problem}")
    backups = sound_backups(path)
    if backups:
        print("完好的备份（最新的在前）：")
        print("\n".join(f"  {backup}" for backup in backups))
        print(f"恢复最新的备份：reviewer restore {path}")
    else:
        print("没有完好的备份。")
    return 1
