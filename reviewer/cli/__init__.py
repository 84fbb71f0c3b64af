"""Command line: ``python -m reviewer [COMMAND ...]``; without a command the window opens.

Each command lives in its own module with ``register(subparsers)``, which adds its parser and sets
``func`` (taking the parsed args, returning the exit status).
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys

from reviewer import __version__

COMMAND_MODULES: tuple[str, ...] = (
    "reviewer.cli.analyze",
    "reviewer.cli.compare_command",
    "reviewer.cli.self_test",
    "reviewer.cli.summary_command",
    "reviewer.cli.workspace_commands",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reviewer",
        description="法治政府建设年度报告审阅助手 (without a command: open the window)",
    )
    parser.add_argument("--version", action="version", version=f"reviewer {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(subparsers)
    parser.add_argument(
        "--self-test",
        dest="func",
        action="store_const",
        const=importlib.import_module("reviewer.cli.self_test").run,
        help="同 self-test 命令 (same as the self-test command)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args_list = sys.argv[1:] if argv is None else list(argv)
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    parser = build_parser()
    commands = _command_names(parser)
    if not args_list or (args_list[0] not in commands and not args_list[0].startswith("-")):
        return gui_main(args_list)  # no command, or files given by "open with"
    args = parser.parse_args(args_list)
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:  # output piped into e.g. `head`, which stopped reading
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _command_names(parser: argparse.ArgumentParser) -> set[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def gui_main(argv: list[str] | None = None) -> int:
    from reviewer.ui.app import run_app

    return run_app(list(argv or []))
