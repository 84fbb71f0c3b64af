"""Scanned reports read by text recognition: real-looking degraded pages compared with their source text."""
from __future__ import annotations

import socket
from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path

import pytest

from reviewer.analysis import analyze_bytes
from reviewer.analysis.figures import extract_figures
from reviewer.analysis.loaders.ocr import engine
from reviewer.analysis.loaders.ocr.options import OcrOptions
from reviewer.analysis.model import Analysis
from reviewer.analysis.outline import extract_sections
from tests.analysis.scan_pages import ScanReport, make_scan_report, save_as_pdf, save_as_tiff


def _offline_connect(*_args: object, **_kwargs: object) -> None:
    raise OSError("network blocked in this test")


@pytest.fixture(scope="module")
def scanned() -> tuple[ScanReport, Analysis, list[tuple[int, int]]]:
    """A two-page report scanned at 200 dpi (seals, tilt, blur, speckle, JPEG 60) as a multi-page TIFF,
    recognized with every network connection refused and the engine built afresh under that block."""
    report = make_scan_report(seed=7, pages=2, dpi=200)
    tiff = save_as_tiff(report.pages, Path(__import__("tempfile").mkdtemp()) / "扫描件.tif").read_bytes()
    progress: list[tuple[int, int]] = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", _offline_connect)
        patch.setattr(socket, "create_connection", _offline_connect)
        engine._engine.cache_clear()
        analysis = analyze_bytes(tiff, "扫描件.tif", OcrOptions(progress=lambda done, total: progress.append((done, total))))
    engine._engine.cache_clear()
    return report, analysis, progress


def _squeezed(text: str) -> str:
    return "".join(text.split())


def test_scan_is_marked_as_recognized_text(scanned: tuple[ScanReport, Analysis, list]) -> None:
    _, analysis, progress = scanned
    assert analysis.format == "ocr" and analysis.original_format == "tiff"
    assert analysis.recognized and [page.number for page in analysis.recognized_pages] == [1, 2]
    assert progress == [(0, 2), (1, 2), (2, 2)]
    line = analysis.recognized_pages[0].lines[0]
    assert line.confidence is not None and len(line.char_confidences or []) == len(line.text)
    assert 0 < line.x0 < line.x1 < analysis.recognized_pages[0].width


def test_scan_characters_match_the_source(scanned: tuple[ScanReport, Analysis, list]) -> None:
    report, analysis, _ = scanned
    accuracy = SequenceMatcher(None, _squeezed(report.text), _squeezed(analysis.text), autojunk=False).ratio()
    assert accuracy >= 0.97


def test_scan_figures_match_the_source(scanned: tuple[ScanReport, Analysis, list]) -> None:
    report, analysis, _ = scanned
    source = Counter((f.value, f.unit) for f in extract_figures(report.text, extract_sections(report.text)))
    read = Counter((f.value, f.unit) for f in analysis.figures)
    matched = sum((source & read).values())
    assert matched >= 0.95 * sum(source.values())
    assert matched >= 0.95 * sum(read.values())


def test_scan_headings_and_signature_are_read(scanned: tuple[ScanReport, Analysis, list]) -> None:
    report, analysis, _ = scanned
    titles = [f"{s.num}、{s.title}" for s in analysis.sections if s.level == 1]
    short_headings = [h for h in report.headings if len(h) < 20]  # a full-width heading may join the next line
    assert all(heading in titles for heading in short_headings)
    assert analysis.metadata.unit == report.unit
    assert analysis.metadata.title == report.title
    year, rest = report.sign_date.split("年")
    month, day = rest.rstrip("日").split("月")
    assert analysis.metadata.sign_date == f"{year}-{int(month):02d}-{int(day):02d}"


def test_seal_over_a_line_of_text_leaves_no_garbage(scanned: tuple[ScanReport, Analysis, list]) -> None:
    report, analysis, _ = scanned
    sealed_line = _squeezed(report.lines[6])  # the body line the second seal was stamped over
    assert sealed_line in _squeezed(analysis.text)
    assert "专用章" not in analysis.text


def test_a_figure_under_a_seal_is_doubted_and_a_clean_one_is_not() -> None:
    """A 200 dpi scan whose second seal sits on ``4924次`` (the sixth body line, the seal's star on its
    digits): that figure carries the flag, with the seal as the reason and its own box on the line; the
    figure beside it on the same line, clear of the ink, and the figures of the lines above do not."""
    report = make_scan_report(seed=16, pages=1, dpi=200)
    assert "4924次" in report.lines[6] and "305人次" in report.lines[6]
    analysis = analyze_bytes(report.pages[0], "盖章页.jpg")
    doubts = {analysis.text[f.start:f.end]: f.detail for f in analysis.findings if f.code == "ocr_doubt"}
    assert doubts["4924次"]["reason"] == "under_seal"
    x0, _top, x1, _bottom = doubts["4924次"]["figure_box"]
    line_x0, _, line_x1, _ = doubts["4924次"]["box"]
    assert line_x0 < x0 < x1 < line_x1 and x1 - x0 < (line_x1 - line_x0) / 3
    assert "305人次" not in doubts
    clean_above = [f for f in analysis.figures if analysis.text[f.start:f.end] in "".join(report.lines[1:4])]
    assert clean_above and not any(analysis.text[f.start:f.end] in doubts for f in clean_above)


def test_scanned_pdf_is_recognized_and_reuses_known_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = make_scan_report(seed=11, pages=1, dpi=150)
    data = save_as_pdf(report.pages, tmp_path / "scan.pdf", dpi=150).read_bytes()
    first = analyze_bytes(data, "scan.pdf")
    assert first.format == "ocr" and first.original_format == "pdf"
    assert report.unit in first.text

    def no_recognition(*_args: object) -> list:
        raise AssertionError("a known page was recognized again")

    monkeypatch.setattr("reviewer.analysis.loaders.ocr.pages.recognize_lines", no_recognition)
    again = analyze_bytes(data, "scan.pdf", OcrOptions(known_pages=first.recognized_pages))
    assert again.text == first.text and again.recognized_pages == first.recognized_pages


def test_mixed_pdf_has_only_its_scanned_page_recognized(tmp_path: Path) -> None:
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    from tests.analysis.fixture_files import WQY_FONT
    from tests.analysis.scan_pages import _register_font

    report = make_scan_report(seed=13, pages=1, dpi=150)
    _register_font()
    path = tmp_path / "部分扫描.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont(WQY_FONT, 15)
    pdf.drawString(80, 760, "附件：本报告第二页为盖章页扫描件，正文第一页为电子文本。")
    pdf.showPage()
    pdf.drawImage(ImageReader(io.BytesIO(report.pages[0])), 0, 0, width=A4[0], height=A4[1])
    pdf.showPage()
    pdf.save()
    analysis = analyze_bytes(path.read_bytes(), path.name)
    assert analysis.format == "ocr" and analysis.original_format == "pdf"
    assert [page.number for page in analysis.recognized_pages] == [2]
    assert analysis.text.startswith("附件：本报告第二页为盖章页扫描件")
    assert report.unit in analysis.text and report.title in analysis.text
