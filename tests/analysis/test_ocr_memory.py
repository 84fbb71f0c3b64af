"""A large scan is read with bounded memory: the file is read page by page from its path, never whole, and
stored into the workspace from the file a chunk at a time.

The child process (like an import worker) imports a small scan first (the recognizer's models and the rest
loaded), then a 200 MB multi-page TIFF, reading its own peak memory (VmHWM) before and after: the import
adds less than the file's size (holding the file would add all of it besides its pages' decoding and
SQLite's page cache, which the written file fills), and the process stays under the 1.5 GB a worker may
take (issue 12). ``tests/benchmarks/bench_ocr_memory.py``
does the same with a 500 MB scan.
"""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from reviewer.workspace import Workspace, WorkspaceError
from reviewer.workspace.prepare import prepare_file
from tests.analysis.scan_pages import make_scan_report, save_large_tiff

WORKER_LIMIT_KB = 1536 * 1024
"""A worker's memory bound (issue 12): 1.5 GB."""

FILE_MB = 200

_CHILD = """
import json, sys
from pathlib import Path
from reviewer.workspace import Workspace
from tests.analysis.scan_pages import make_scan_report

def peak_kb():
    return int(next(l for l in open('/proc/self/status') if l.startswith('VmHWM')).split()[1])

with Workspace.open(Path(sys.argv[2]), backup=False) as workspace:
    workspace.import_bytes(make_scan_report(seed=7, pages=1, dpi=200).pages[0], 'warm.jpg')  # the same page
    before = peak_kb()
    result = workspace.import_file(sys.argv[1])
    report = workspace.report(result.report_id)
    pages = len(report.analysis.recognized_pages)
    text = report.analysis.text
print(json.dumps({'before_kb': before, 'peak_kb': peak_kb(), 'pages': pages, 'text': text}))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads VmHWM from /proc/self/status")
def test_large_scan_is_imported_without_holding_the_file(tmp_path: Path) -> None:
    report = make_scan_report(seed=7, pages=1, dpi=200)
    scan = save_large_tiff(report.pages[0], tmp_path / "大扫描件.tif", FILE_MB)
    size_kb = scan.stat().st_size // 1024
    assert size_kb > 0.9 * FILE_MB * 1024
    workspace_path = tmp_path / "工作区.sqlite"
    done = subprocess.run([sys.executable, "-c", _CHILD, str(scan), str(workspace_path)], capture_output=True,
                          text=True, timeout=600, cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    with Image.open(scan) as image:
        assert result["pages"] == image.n_frames > 10  # every frame recognized (a blank one is empty)
    assert report.unit in result["text"]
    assert result["peak_kb"] - result["before_kb"] < size_kb, "the file was held in memory"
    assert result["peak_kb"] < WORKER_LIMIT_KB
    with Workspace.open(workspace_path) as workspace:
        stored = workspace.report(max(summary.id for summary in workspace.reports())).original
    assert hashlib.sha256(stored).hexdigest() == hashlib.sha256(scan.read_bytes()).hexdigest()


def test_file_changed_after_its_analysis_is_not_stored(tmp_path: Path) -> None:
    path = tmp_path / "报告.txt"
    path.write_text("某县人民政府2023年法治政府建设年度报告\n一、主要举措\n全年办理复议案件12件。\n", encoding="utf-8")
    prepared = prepare_file(path, path.name)
    path.write_text("另一份报告的内容，已经不是分析过的那一份。\n", encoding="utf-8")
    with Workspace.open(tmp_path / "ws.sqlite") as workspace:
        with pytest.raises(WorkspaceError, match="在导入过程中被改动"):
            workspace.store_prepared(prepared)
        assert workspace.reports() == []
