"""Benchmark of a second launch: ``python tests/benchmarks/bench_single_instance.py``.

A window runs in its own process (``python -m reviewer`` on an empty workspace, Qt's offscreen platform,
a temporary REVIEWER_HOME). Then:

1. the hand-over alone: ``hand_over()`` with no files, from this process, timed to the window's "ok";
2. a whole second launch: ``python -m reviewer REPORT`` timed from before it starts until it exited, having
   handed the report to the window (what the reviewer waits for after opening a file in the file manager).
"""
from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HAND_OVERS = 50
LAUNCHES = 5
START_TIMEOUT_S = 120


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="reviewer-bench-launch-") as folder:
        home = Path(folder)
        os.environ["REVIEWER_HOME"] = str(home / "home")
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtCore import QCoreApplication

        from reviewer.paths import resource_path
        from reviewer.ui.settings import UiSettings
        from reviewer.ui.single_instance import hand_over, server_name
        from reviewer.workspace import Workspace

        app = QCoreApplication([])
        workspace = home / "workspace.sqlite"
        Workspace.open(workspace, backup=False).close()
        settings = UiSettings()
        settings.workspace_path = workspace
        settings.sync()
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        window = subprocess.Popen([sys.executable, "-m", "reviewer"], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            started = time.perf_counter()
            while not hand_over(workspace, []):
                if time.perf_counter() - started > START_TIMEOUT_S:
                    raise SystemExit("the window did not start")
                time.sleep(0.1)
            print(f"window listening after {time.perf_counter() - started:.2f} s")

            times = []
            for _ in range(HAND_OVERS):
                before = time.perf_counter()
                assert hand_over(workspace, [])
                times.append((time.perf_counter() - before) * 1000)
            print(f"hand-over alone ({HAND_OVERS}x): median {statistics.median(times):.1f} ms, "
                  f"worst {max(times):.1f} ms")

            demo = sorted(p for p in resource_path("demo").iterdir() if p.suffix == ".txt")
            launches = []
            for number in range(LAUNCHES):
                report = shutil.copy(demo[number % len(demo)], home / f"{number}-{demo[number % len(demo)].name}")
                before = time.perf_counter()
                done = subprocess.run([sys.executable, "-m", "reviewer", report], env=env, capture_output=True,
                                      text=True, timeout=START_TIMEOUT_S)
                launches.append(time.perf_counter() - before)
                assert done.returncode == 0 and "已交给" in done.stdout, done.stderr
            print(f"second launch with a file, start to exit ({LAUNCHES}x): "
                  f"median {statistics.median(launches):.2f} s, worst {max(launches):.2f} s")
        finally:
            window.kill()
            window.wait()
            from PySide6.QtNetwork import QLocalServer

            QLocalServer.removeServer(server_name(workspace))
        del app


if __name__ == "__main__":
    main()
