"""Pages scanned upside down or on their side are read the right way up, and 查看原件 cuts the turned page."""
from __future__ import annotations

import io
from difflib import SequenceMatcher

import numpy as np
import pytest
from PIL import Image, ImageDraw

from reviewer.analysis import analyze_bytes
from reviewer.analysis.loaders.ocr.crop import line_crop
from reviewer.analysis.loaders.ocr.engine import RecognizedLine
from reviewer.analysis.loaders.ocr.orientation import read_upright
from tests.analysis.scan_pages import make_scan_report

UPRIGHT = np.zeros((6, 4, 3), dtype=np.uint8)
UPRIGHT[0, 0] = 255  # a mark in the top-left corner of the upright page tells the fake reader how it lies


def _line(text: str, confidence: float, tall: bool, row: int) -> RecognizedLine:
    width, height = (20.0, 200.0) if tall else (200.0, 20.0)
    return RecognizedLine(text, confidence, [confidence] * len(text), 10.0, 30.0 * row, 10.0 + width,
                          30.0 * row + height)


class FakeReader:
    """Reads like the recognizer: upright lines right; upside down, fewer characters at low confidence; a page
    turned clockwise, the words right in tall boxes; turned counter-clockwise, tall boxes of garbage."""

    def __init__(self, upright_confidence: float = 0.99, lines: int = 6) -> None:
        self.upright_confidence = upright_confidence
        self.lines = lines
        self.reads: list[int] = []

    def __call__(self, pixels: np.ndarray) -> list[RecognizedLine]:
        quarter = next(k for k in range(4) if pixels.shape == np.rot90(UPRIGHT, k).shape
                       and np.array_equal(pixels, np.rot90(UPRIGHT, k)))
        self.reads.append(quarter)
        texts = [f"第{i}行依法行政工作情况" for i in range(self.lines)]
        if quarter == 0:
            return [_line(t, self.upright_confidence, False, i) for i, t in enumerate(texts)]
        if quarter == 2:
            return [_line(t[:5], 0.7, False, i) for i, t in enumerate(texts)]
        if quarter == 3:  # turned clockwise: each tall line stood up counter-clockwise reads right
            return [_line(t, 0.99, True, i) for i, t in enumerate(reversed(texts))]
        return [_line(t[::-1][:6], 0.65, True, i) for i, t in enumerate(texts)]


@pytest.mark.parametrize("quarter", [0, 1, 2, 3])
def test_a_page_is_read_upright_whichever_way_it_was_scanned(quarter: int) -> None:
    reader = FakeReader()
    reading = read_upright(np.ascontiguousarray(np.rot90(UPRIGHT, quarter)), reader)
    assert (quarter + reading.turn) % 4 == 0
    assert np.array_equal(reading.pixels, UPRIGHT)
    assert [line.text for line in reading.lines] == [f"第{i}行依法行政工作情况" for i in range(6)]
    assert len(reader.reads) == (1 if quarter == 0 else 2)


def test_a_poor_upright_scan_is_read_twice_and_kept_as_it_was() -> None:
    reader = FakeReader(upright_confidence=0.75)
    reading = read_upright(UPRIGHT.copy(), reader)
    assert reading.turn == 0 and reader.reads == [0, 2]
    assert reading.lines[0].confidence == 0.75


def test_a_page_with_too_few_lines_is_read_once() -> None:
    reader = FakeReader(upright_confidence=0.5, lines=2)
    assert read_upright(np.ascontiguousarray(np.rot90(UPRIGHT, 2)), reader).turn == 0
    assert reader.reads == [2]


@pytest.fixture(scope="module")
def half_page() -> tuple[bytes, str]:
    """The upper half of a scanned page (200 dpi, tilted, blurred, JPEG 60) and the text it reads upright."""
    report = make_scan_report(seed=11, pages=1, dpi=200)
    image = Image.open(io.BytesIO(report.pages[0])).convert("RGB")
    half = image.crop((0, 0, image.width, image.height // 2))
    upright = analyze_bytes(_png(half), "扫描件.png")
    return _png(half), upright.text


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG", dpi=(200, 200))
    return buffer.getvalue()


@pytest.mark.parametrize("degrees", [180, 90, 270])
def test_a_scan_turned_the_wrong_way_reads_as_the_upright_one(half_page: tuple[bytes, str], degrees: int) -> None:
    data, upright_text = half_page
    turned = Image.open(io.BytesIO(data)).rotate(degrees, expand=True)
    analysis = analyze_bytes(_png(turned), "扫描件.png")
    [page] = analysis.recognized_pages
    assert (degrees // 90 + page.turn) % 4 == 0
    assert page.width > page.height  # the upper half of a portrait page, upright again: wider than tall
    squeezed = ["".join(text.split()) for text in (upright_text, analysis.text)]
    assert SequenceMatcher(None, *squeezed, autojunk=False).ratio() >= 0.97


def test_line_crop_cuts_the_turned_page_as_it_was_read() -> None:
    page = Image.new("RGB", (1654, 2339), "white")
    ImageDraw.Draw(page).rectangle((400, 1000, 1200, 1040), fill="black")
    box = [400 * 72 / 200, 1000 * 72 / 200, 1200 * 72 / 200, 1040 * 72 / 200]  # the line on the upright page
    scanned_upside_down = _png(page.rotate(180))
    crop = Image.open(io.BytesIO(line_crop(scanned_upside_down, "页.png", 1, box, turn=2)))
    assert 800 < crop.width < 1000 and 150 < crop.height < 200
    assert (np.asarray(crop.convert("L")) < 50).mean() > 0.15
