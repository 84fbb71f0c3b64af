"""The window keeps turning its event loop while a folder of reports is imported.

How long the loop may pause is a benchmark figure (tests/benchmarks/bench_import_responsiveness.py),
never asserted here: a busy machine must not turn the suite red.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from tests.ui.conftest import wait_for_imports
from tests.ui.many_reports import make_reports

REPORTS = 40
"""Enough batches to see the library grow; the 200-report import is the benchmark's (its repetitive generated
reports make each copy-index lookup dearer as the workspace grows)."""


@pytest.mark.slow
def test_event_loop_keeps_turning_while_a_folder_of_reports_imports(window, qtbot, tmp_path, request):
    samples = request.getfixturevalue("samples_dir") if Path(__file__).parents[3].joinpath("shared").is_dir() else None
    folder = tmp_path / "reports"
    folder.mkdir()
    make_reports(folder, REPORTS, samples)
    ticks: list[int] = []
    rows_seen: set[int] = set()
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: (ticks.append(1), rows_seen.add(window.library.model.rowCount())))
    timer.start()

    window.import_paths([str(folder)])
    wait_for_imports(qtbot, window)
    timer.stop()

    assert len(window.ws.reports()) == REPORTS
    assert window.library.model.rowCount() == REPORTS
    assert ticks, "the event loop never turned during the import"
    assert any(0 < rows < REPORTS for rows in rows_seen), "the library never showed the import in progress"
