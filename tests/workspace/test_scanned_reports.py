"""Scanned reports in the workspace: recognized once, the recognized lines stored with the report and reused on
reopening and re-analysis; 重新识别 runs the recognition again. The recognizer is replaced by a stand-in that
reads fixed lines, so these tests are about what the workspace keeps, not about reading images."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from reviewer.analysis import analyze_bytes
from reviewer.analysis.loaders.ocr.char_readings import CharReading
from reviewer.analysis.loaders.ocr.engine import RecognizedLine
from reviewer.workspace import Workspace, import_files

PAGE_LINES = [
    "明湖县司法局2023年法治政府建设年度报告",
    "一、主要举措和成效",
    "全年共办理行政复议案件128件，纠正13件。",
    "明湖县司法局",
    "2024年3月15日",
]


class StandInRecognizer:
    """Reads the first three of ``lines`` from odd pages and the rest from even ones (one line per 60 pixels
    from the top, each character's reading told), and counts the pages it read."""

    def __init__(self) -> None:
        self.pages = 0
        self.lines = list(PAGE_LINES)
        self.doubtful = ""  # characters read with a low confidence

    def __call__(self, image: object) -> list[RecognizedLine]:
        self.pages += 1
        lines = self.lines[:3] if self.pages % 2 else self.lines[3:]
        return [self._line(text, i) for i, text in enumerate(lines)]

    def _line(self, text: str, row: int) -> RecognizedLine:
        confidences = [0.3 if char in self.doubtful else 0.99 for char in text]
        readings = [CharReading(k / len(text), (k + 1) / len(text), confidence, "", 0.0, "", 0.0)
                    for k, confidence in enumerate(confidences)]
        return RecognizedLine(text, 0.99, confidences, 100.0, 100.0 + 60 * row, 100.0 + 40 * len(text),
                              140.0 + 60 * row, readings=readings)


@pytest.fixture
def recognizer(monkeypatch: pytest.MonkeyPatch) -> StandInRecognizer:
    stand_in = StandInRecognizer()
    monkeypatch.setattr("reviewer.analysis.loaders.ocr.pages.recognize_lines", stand_in)
    return stand_in


def scan_file(tmp_path: Path, pages: int = 2) -> Path:
    frames = [Image.new("RGB", (1240, 1754), "white") for _ in range(pages)]
    path = tmp_path / "盖章扫描件.tif"
    frames[0].save(path, save_all=True, append_images=frames[1:], dpi=(150, 150))
    return path


def test_scan_is_imported_as_recognized_text_with_page_progress(
    ws: Workspace, tmp_path: Path, recognizer: StandInRecognizer
) -> None:
    seen: list[tuple[str, int, int]] = []
    [(_, result)] = import_files(ws, [scan_file(tmp_path)], page_progress=lambda p, d, t: seen.append((p.name, d, t)))
    report = ws.report(result.report_id)
    assert report.format == "ocr" and report.analysis.original_format == "tiff"
    assert "全年共办理行政复议案件128件" in report.analysis.text
    assert [p.number for p in report.analysis.recognized_pages] == [1, 2]
    assert seen == [("盖章扫描件.tif", 0, 2), ("盖章扫描件.tif", 1, 2), ("盖章扫描件.tif", 2, 2)]
    assert recognizer.pages == 2


def test_scan_is_not_recognized_again_on_reopen_or_reanalysis(
    ws_path: Path, tmp_path: Path, recognizer: StandInRecognizer
) -> None:
    with Workspace.open(ws_path) as ws:
        report_id = ws.import_file(scan_file(tmp_path)).report_id
    recognizer.lines[2] = "全年共办理行政复议案件999件，纠正13件。"  # what a new recognizer would read
    with Workspace.open(ws_path) as ws:
        stored = ws.report(report_id).analysis
        assert stored.recognized_pages[0].lines[2].char_confidences == [0.99] * len(PAGE_LINES[2])
        ws.reanalyze(report_id)
        assert "128件" in ws.report(report_id).analysis.text
    assert recognizer.pages == 2


def test_recognize_again_reads_the_pages_anew_and_keeps_decisions(
    ws: Workspace, tmp_path: Path, recognizer: StandInRecognizer
) -> None:
    report_id = ws.import_file(scan_file(tmp_path)).report_id
    corrected = next(item for item in ws.items(report_id, "figure") if item.machine.text == "13件")
    ws.set_item_state(corrected.id, "accepted")
    recognizer.lines[2] = "全年共办理行政复议案件129件，纠正13件。"
    progress: list[tuple[int, int]] = []
    result = ws.recognize_again(report_id, progress=lambda done, total: progress.append((done, total)))
    assert recognizer.pages == 4 and progress[-1] == (2, 2)
    assert "129件" in ws.report(report_id).analysis.text
    assert result.kept_decisions == 1
    assert ws.item(corrected.id).state == "accepted"


def test_image_file_kinds_are_collected_from_folders(tmp_path: Path) -> None:
    from reviewer.workspace.bulk import collect_files

    for name in ("a.jpg", "b.JPEG", "c.png", "d.tif", "e.tiff", "f.gif"):
        buffer = io.BytesIO()
        Image.new("RGB", (4, 4)).save(buffer, "PNG")
        (tmp_path / name).write_bytes(buffer.getvalue())
    assert [p.name for p in collect_files([tmp_path])] == ["a.jpg", "b.JPEG", "c.png", "d.tif", "e.tiff"]


def test_reviewer_corrects_a_recognized_line_and_figures_follow(
    ws: Workspace, tmp_path: Path, recognizer: StandInRecognizer
) -> None:
    recognizer.doubtful = "2"
    report_id = ws.import_file(scan_file(tmp_path)).report_id
    doubt = next(i for i in ws.items(report_id, "finding") if i.machine.code == "ocr_doubt")
    page, line_index = doubt.machine.detail["page"], doubt.machine.detail["line_index"]
    assert (page, line_index) == (1, 2)

    ws.correct_recognized_line(report_id, page, line_index, "全年共办理行政复议案件126件，纠正13件。")
    assert recognizer.pages == 2  # nothing recognized again
    analysis = ws.report(report_id).analysis
    assert "126件" in analysis.text and "128件" not in analysis.text
    assert [f.text for f in analysis.figures if f.text.endswith("件")][:1] == ["126件"]
    assert not [f for f in analysis.findings if f.code == "ocr_doubt" and analysis.text[f.start:f.end] == "126件"]
    line = analysis.recognized_pages[0].lines[2]
    assert line.char_confidences == [1.0] * len("全年共办理行政复议案件126件，纠正13件。")
    assert line.char_edges is None and line.runner_ups is None and line.dropped_readings is None


def test_a_recognition_stored_before_character_readings_were_kept_loads_and_is_doubted(
    ws: Workspace, tmp_path: Path, recognizer: StandInRecognizer
) -> None:
    """An analysis stored by an earlier version: its lines have confidences but no edges, other readings or
    seal ink. It opens, and re-analysis doubts its figures on the confidences."""
    import json

    recognizer.doubtful = "2"
    report_id = ws.import_file(scan_file(tmp_path)).report_id
    stored = json.loads(ws._conn.execute("SELECT analysis FROM report_texts WHERE report_id = ?", (report_id,)).fetchone()[0])
    assert stored["recognized_pages"][0]["lines"][2]["char_edges"] is not None
    for page in stored["recognized_pages"]:
        for line in page["lines"]:
            for key in ("char_edges", "runner_ups", "dropped_readings", "seal_ink"):
                del line[key]
    with ws._conn:
        ws._conn.execute("UPDATE report_texts SET analysis = ? WHERE report_id = ?", (json.dumps(stored), report_id))
    old = ws.report(report_id).analysis
    assert old.recognized_pages[0].lines[2].char_edges is None
    ws.reanalyze(report_id)
    analysis = ws.report(report_id).analysis
    doubts = [(analysis.text[f.start:f.end], f.detail["reason"]) for f in analysis.findings if f.code == "ocr_doubt"]
    assert ("128件", "low_confidence") in doubts and recognizer.pages == 2


def test_correcting_a_line_that_does_not_exist_is_refused(ws: Workspace, tmp_path: Path, recognizer) -> None:
    from reviewer.workspace import WorkspaceError

    report_id = ws.import_file(scan_file(tmp_path)).report_id
    with pytest.raises(WorkspaceError):
        ws.correct_recognized_line(report_id, 1, 99, "文字")


def test_scanned_pdf_is_read_from_its_file_and_stored_as_it_is(
    ws: Workspace, tmp_path: Path, recognizer: StandInRecognizer
) -> None:
    path = tmp_path / "扫描件.pdf"
    frames = [Image.new("RGB", (620, 877), "white") for _ in range(2)]
    frames[0].save(path, "PDF", save_all=True, append_images=frames[1:], resolution=75)
    result = ws.import_file(path)
    report = ws.report(result.report_id)
    assert report.original == path.read_bytes()
    assert [page.number for page in report.analysis.recognized_pages] == [1, 2]
    assert "全年共办理行政复议案件128件" in report.analysis.text
    assert analyze_bytes(path.read_bytes(), path.name, None).text == report.analysis.text
