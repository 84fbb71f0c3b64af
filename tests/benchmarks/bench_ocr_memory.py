"""Memory of the import of a large scan: ``python tests/benchmarks/bench_ocr_memory.py [--megabytes 500]``.

A multi-page TIFF as large as the limit of scans (``MAX_SCAN_FILE_BYTES``, 500 MB: a 200 dpi page of text,
then uncompressed blank A4 pages at 200 dpi) is handed, in a fresh process each, to what an import worker
runs (``prepare_in_worker``: the analysis, read from the file page by page) and to a whole import into a new
workspace (analysis and storing the original). Each process reads its own peak memory (VmHWM, Linux);
printed with the time per page. Target (issue 12): a worker stays under 1.5 GB.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reviewer.analysis.errors import MAX_SCAN_FILE_BYTES
from tests.analysis.scan_pages import make_scan_report, save_large_tiff

_PEAK = "int(next(l for l in open('/proc/self/status') if l.startswith('VmHWM')).split()[1]) // 1024"

_WORKER = f"""
import json, sys
from reviewer.workspace.bulk import prepare_in_worker
prepared = prepare_in_worker(sys.argv[1], 'scan.tif', sys.argv[1])
pages = len(prepared.analysis.recognized_pages) if not isinstance(prepared, tuple) else repr(prepared)
print(json.dumps({{'pages': pages, 'peak_mb': {_PEAK}}}))
"""

_IMPORT = f"""
import json, sys
from pathlib import Path
from reviewer.workspace import Workspace
with Workspace.open(Path(sys.argv[2]), backup=False) as workspace:
    result = workspace.import_file(sys.argv[1])
    pages = len(workspace.report(result.report_id).analysis.recognized_pages)
print(json.dumps({{'pages': pages, 'peak_mb': {_PEAK}}}))
"""


def run(script: str, *args: str) -> tuple[dict, float]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, cwd=ROOT, check=True)
    return json.loads(done.stdout), time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--megabytes", type=int, default=MAX_SCAN_FILE_BYTES // 1024 // 1024)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:  # a gigabyte: the scan and the workspace holding it
        folder = Path(temporary)
        scan = save_large_tiff(make_scan_report(seed=7, pages=1, dpi=200).pages[0], folder / "scan.tif",
                               args.megabytes)
        size_mb = scan.stat().st_size / 1024 / 1024
        print(f"scan of {size_mb:.0f} MB; the machine is shared with other engineers' tests, so the times vary")
        worker, seconds = run(_WORKER, str(scan))
        print(f"import worker: {worker['pages']} pages, {seconds / worker['pages']:.2f} s per page (with start-up), "
              f"peak memory {worker['peak_mb']} MB")
        whole, seconds = run(_IMPORT, str(scan), str(folder / "workspace.sqlite"))
        print(f"whole import in one process: {seconds:.0f} s, peak memory {whole['peak_mb']} MB, workspace "
              f"{(folder / 'workspace.sqlite').stat().st_size / 1024 / 1024:.0f} MB")


if __name__ == "__main__":
    main()
