"""``reviewer analyze FILE... --json``: the headless analysis, one JSON line per file."""
from __future__ import annotations

import argparse
import json
import sys


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("analyze", help="分析报告文件并输出结果 (analyse report files)")
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument("--json", action="store_true", help="JSON Lines output (the default and only format)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from reviewer.analysis import LoadError, analyze_path
    from reviewer.analysis.loaders.ocr.options import OcrOptions
    from reviewer.cli.recognition_progress import print_page_progress

    failed = False
    out = sys.stdout
    for source in args.files:
        try:
            progress = OcrOptions(progress=lambda done, total, source=source: print_page_progress(source, done, total))
            record = analyze_path(source, progress).to_json_dict()
            record["source"] = source
        except LoadError as error:
            failed = True
            record = {"source": source, "error": error.to_dict()}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.flush()
    return 1 if failed else 0
