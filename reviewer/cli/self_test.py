"""``reviewer self-test`` (also ``reviewer --self-test``): verify an installation without a screen."""
from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "self-test", help="自检：导入演示报告、分析并生成审阅意见单 (verify the installation headless)"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from reviewer.self_test import run_self_test

    return run_self_test()
