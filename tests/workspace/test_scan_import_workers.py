"""Scans imported in the import's worker processes: the workers tell each recognized page to the importing
thread, and cancelling stops a scan between its pages. The workers run the real recognizer (a stand-in cannot
be put into a spawned process), on blank pages, which it reads quickly: no text, so each file is refused."""
from __future__ import annotations

from pathlib import Path

from PIL import Image

from reviewer.analysis import LoadError
from reviewer.workspace import Workspace, import_files


def blank_scan(path: Path, pages: int) -> Path:
    frames = [Image.new("RGB", (620, 877), "white") for _ in range(pages)]
    frames[0].save(path, save_all=True, append_images=frames[1:], dpi=(75, 75))
    return path


def test_pages_recognized_in_workers_are_told_to_the_importing_thread(ws: Workspace, tmp_path: Path) -> None:
    files = [blank_scan(tmp_path / "甲.tif", 3), blank_scan(tmp_path / "乙.tif", 2)]
    seen: list[tuple[str, int, int]] = []
    results = import_files(ws, files, workers=2, page_progress=lambda p, d, t: seen.append((p.name, d, t)))
    assert [(path.name, isinstance(outcome, LoadError)) for path, outcome in results] == [("甲.tif", True), ("乙.tif", True)]
    assert [step for step in seen if step[0] == "甲.tif"] == [("甲.tif", done, 3) for done in range(4)]
    assert [step for step in seen if step[0] == "乙.tif"] == [("乙.tif", done, 2) for done in range(3)]


def test_cancelling_stops_scans_in_workers_between_pages(ws: Workspace, tmp_path: Path) -> None:
    files = [blank_scan(tmp_path / "甲.tif", 12), blank_scan(tmp_path / "乙.tif", 12)]
    seen: list[tuple[str, int, int]] = []
    results = import_files(ws, files, workers=2, page_progress=lambda p, d, t: seen.append((p.name, d, t)),
                           cancel=lambda: bool(seen))
    assert results == []
    assert seen and max(done for _, done, _ in seen) < 12
    assert ws.reports() == []
