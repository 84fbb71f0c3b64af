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
    "reviewer.cli.annotated_command",
    "reviewer.cli.check_command",
    "reviewer.cli.compare_command",
    "reviewer.cli.roster_command",
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
    if _opens_the_window(args_list, _command_names(parser)):
        return gui_main(args_list)  # no command, or files given by "open with"
    args = parser.parse_args(args_list)
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:  # output piped into e.g. `head`, which stopped reading
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _opens_the_window(args: list[str], commands: set[str]) -> bool:
    """No arguments, or only existing files and folders (what "open with" passes); any other first
    word goes to the parser, which names the commands (usage error, exit status 2)."""
    if not args:
        return True
    if args[0] in commands or args[0].startswith("-"):
        return False
    return all(os.path.exists(arg) for arg in args)


def _command_names(parser: argparse.ArgumentParser) -> set[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def gui_main(argv: list[str] | None = None) -> int:
    """The window; when it cannot start (no display, Qt's libraries missing) one line says why, exit 1."""
    from reviewer.ui.startup_check import qt_import_failure_message, why_window_cannot_start

    problem = why_window_cannot_start()
    if problem is None:
        try:
            from reviewer.ui.app import run_app
        except ImportError as error:
            problem = qt_import_failure_message(error)
    if problem is not None:
        print(problem, file=sys.stderr)
        return 1
    return run_app(list(argv or []))
