"""The window keeps turning its event loop while a folder of 200 reports is imported."""
from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from reviewer.paths import resource_path
from tests.ui.conftest import wait_for_imports

REPORTS = 200
TICK_MS = 20
MAX_GAP_S = 0.200
PREFIXES_A = "东南西北上下前后新老"
PREFIXES_B = "山河湖岭桥坪塘溪洲川"
UNITS = {
    "01": "青溪镇", "02": "明湖县司法局", "03": "云岭市", "04": "白沙乡",
    "000": "龙山镇", "001": "蒲场镇", "002": "柯城区", "003": "常平镇", "004": "天门市",
}


def make_reports(folder: Path, samples_dir: Path | None) -> list[Path]:
    """REPORTS distinct reports: the demo (and sample) reports with the unit renamed in each copy."""
    bases = sorted(p for p in resource_path("demo").iterdir() if p.suffix in (".txt", ".html"))
    if samples_dir is not None:
        bases += sorted(samples_dir.glob("*.txt"))
    made = []
    for number in range(REPORTS):
        base = bases[number % len(bases)]
        unit = UNITS[base.name.split("_")[0]]
        prefix = PREFIXES_A[number % 10] + PREFIXES_B[number // 10 % 10] + PREFIXES_A[number // 100 % 10]
        text = base.read_text(encoding="utf-8").replace(unit, prefix + unit)
        target = folder / f"{number:03d}_{prefix}{unit}{base.suffix}"
        target.write_text(text, encoding="utf-8")
        made.append(target)
    return made


@pytest.mark.slow
def test_event_loop_keeps_turning_while_200_reports_import(window, qtbot, tmp_path, request):
    samples = request.getfixturevalue("samples_dir") if Path(__file__).parents[3].joinpath("shared").is_dir() else None
    folder = tmp_path / "reports"
    folder.mkdir()
    make_reports(folder, samples)
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()

    window.import_paths([str(folder)])
    wait_for_imports(qtbot, window)
    timer.stop()

    assert len(window.ws.reports()) == REPORTS
    assert window.library.model.rowCount() == REPORTS
    gaps = [later - earlier for earlier, later in zip(ticks, ticks[1:])]
    assert len(ticks) > 50
    assert max(gaps) < MAX_GAP_S, f"longest pause of the event loop: {max(gaps) * 1000:.0f} ms"
