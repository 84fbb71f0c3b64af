"""Progress of a scan's text recognition, printed on stderr (stdout keeps the command's results)."""
from __future__ import annotations

import sys
from pathlib import PurePath


def print_page_progress(source: str, done: int, total: int) -> None:
    """One line per page: ``识别 扫描件.pdf：第 3/12 页``; nothing before the first page is done."""
    if done:
        print(f"识别 {PurePath(source).name}：第 {done}/{total} 页", file=sys.stderr, flush=True)
