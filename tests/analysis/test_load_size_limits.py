"""Size limits: scanned PDFs and images may be as large as ``MAX_SCAN_FILE_BYTES`` (a 300-page scan), other
documents — and a PDF with a text layer throughout, or a file named as a scan that is none — as large as
``MAX_FILE_BYTES``; the message names the limit that applies. The limits are lowered for the test."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from reviewer.analysis import LoadError, errors
from reviewer.analysis.load import load_bytes, load_path
from tests.analysis.fixture_files import make_pdf

KB = 1024


@pytest.fixture(autouse=True)
def small_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(errors, "MAX_FILE_BYTES", 64 * KB)
    monkeypatch.setattr(errors, "MAX_SCAN_FILE_BYTES", 1024 * KB)


def padded_png(size: int) -> bytes:
    """A blank page whose file is about ``size`` bytes (a text chunk pads it)."""
    info = PngInfo()
    info.add_text("padding", "x" * size)
    buffer = io.BytesIO()
    Image.new("RGB", (200, 280), "white").save(buffer, "PNG", pnginfo=info)
    return buffer.getvalue()


def load_error(path: Path) -> LoadError:
    with pytest.raises(LoadError) as caught:
        load_path(path)
    return caught.value


def test_a_text_file_over_the_document_limit_is_refused_naming_both_limits(tmp_path: Path) -> None:
    path = tmp_path / "大.txt"
    path.write_bytes("全年共办理行政复议案件16件。\n".encode() * 3000)
    error = load_error(path)
    assert error.code == "too_large"
    assert "大.txt" in error.message and "0.0625 MB 的上限" in error.message and "扫描件 PDF 和图片为 1 MB" in error.message


def test_an_image_over_the_document_limit_goes_on_to_recognition(tmp_path: Path) -> None:
    path = tmp_path / "扫描件.png"
    path.write_bytes(padded_png(200 * KB))
    error = load_error(path)  # a blank page: refused for having no text, not for its size
    assert error.code != "too_large"


def test_an_image_over_the_scan_limit_is_refused_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "扫描件.png"
    path.write_bytes(padded_png(1100 * KB))
    error = load_error(path)
    assert error.code == "too_large"
    assert "扫描件.png" in error.message and "扫描件和图片的 1 MB 上限" in error.message
    with pytest.raises(LoadError) as caught:
        load_bytes(path.read_bytes(), "扫描件.png")
    assert caught.value.code == "too_large"


def test_a_pdf_with_a_text_layer_keeps_the_document_limit(tmp_path: Path) -> None:
    lines = [f"第{n}条 全年共办理行政复议案件{n}件，其中维持{n}件。" for n in range(3000)]
    path = make_pdf(tmp_path / "报告.pdf", lines)
    assert path.stat().st_size > 64 * KB
    error = load_error(path)
    assert error.code == "too_large" and "0.0625 MB 的上限" in error.message


def test_a_text_file_named_as_a_scan_keeps_the_document_limit(tmp_path: Path) -> None:
    path = tmp_path / "照片.jpg"
    path.write_bytes("全年共办理行政复议案件16件。\n".encode() * 3000)
    assert load_error(path).code == "too_large"
