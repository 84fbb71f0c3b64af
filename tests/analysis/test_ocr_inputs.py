"""Text recognition: the files it refuses and why, seals painted out, doubtful figures flagged, shipped models."""
from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from reviewer.analysis import LoadError, analyze_document
from reviewer.analysis.load import load_bytes
from reviewer.analysis.loaders.ocr import engine
from reviewer.analysis.loaders.ocr.seal import red_ink_mask, without_seals
from reviewer.analysis.loaders.page_layout import PageLayout, PageLine
from reviewer.analysis.model import LoadedDocument


def load_error(data: bytes, name: str) -> LoadError:
    with pytest.raises(LoadError) as caught:
        load_bytes(data, name)
    return caught.value


def png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header claims ``width`` × ``height`` with almost no pixel data behind it."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


def test_image_without_text_says_so() -> None:
    error = load_error(png(Image.new("RGB", (800, 1100), "white")), "空白页.png")
    assert error.code == "empty"
    assert "“空白页.png”中没有识别出文字" in error.message


def test_one_pixel_image_says_it_has_no_text() -> None:
    error = load_error(png(Image.new("RGB", (1, 1), "white")), "点.png")
    assert error.code == "empty"


def test_huge_image_is_refused_from_its_header() -> None:
    error = load_error(png_header_only(20_000, 20_000), "巨幅.png")  # decoding it would fail: too little data
    assert error.code == "too_large"
    assert "100 百万像素" in error.message and "巨幅.png" in error.message


def test_scan_of_301_pages_is_refused_before_recognition(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("reviewer.analysis.loaders.ocr.pages.recognize_lines", _no_recognition)
    frames = [Image.new("L", (8, 8), 255) for _ in range(301)]
    tiff = tmp_path / "长扫描件.tif"
    frames[0].save(tiff, save_all=True, append_images=frames[1:])
    error = load_error(tiff.read_bytes(), tiff.name)
    assert error.code == "too_large"
    assert "301 页" in error.message and "300 页" in error.message

    pdf = tmp_path / "长扫描件.pdf"
    frames[0].convert("RGB").save(pdf, "PDF", save_all=True, append_images=[f.convert("RGB") for f in frames[1:]])
    error = load_error(pdf.read_bytes(), pdf.name)
    assert error.code == "too_large" and "301 页" in error.message


def _no_recognition(_image: object) -> list:
    raise AssertionError("recognition should not start")


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "损坏.png"),
        (b"\xff\xd8\xff\xe0" + b"\x00\x10JFIF" + bytes(200), "损坏.jpg"),
        (b"II*\x00" + bytes(100), "损坏.tif"),
    ],
    ids=["png", "jpeg", "tiff"],
)
def test_corrupt_image_is_damaged(data: bytes, name: str) -> None:
    error = load_error(data, name)
    assert error.code == "damaged"
    assert f"图片文件“{name}”" in error.message and "已损坏" in error.message


def test_truncated_photo_is_damaged() -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (600, 800), "white").save(buffer, "JPEG")
    error = load_error(buffer.getvalue()[: len(buffer.getvalue()) // 2], "半张.jpg")
    assert error.code == "damaged"


def test_text_named_as_an_image_is_damaged() -> None:
    error = load_error("全年共办理案件12件。".encode(), "照片.jpg")
    assert error.code == "damaged"
    assert "内容不是图片的格式" in error.message


def test_seal_is_painted_out_and_the_text_under_it_kept() -> None:
    page = Image.new("RGB", (900, 600), "white")
    draw = ImageDraw.Draw(page)
    draw.rectangle((250, 280, 650, 310), fill=(10, 10, 10))  # a line of black text
    red = np.asarray(page, dtype=np.float32) / 255
    seal = Image.new("RGB", page.size, "white")
    ImageDraw.Draw(seal).ellipse((300, 150, 600, 450), outline=(215, 35, 40), width=18)
    ImageDraw.Draw(seal).regular_polygon((450, 300, 60), 5, fill=(215, 35, 40))
    stamped = (red * np.asarray(seal, dtype=np.float32)).astype(np.uint8)  # ink multiplied over the page
    cleaned, ink = without_seals(stamped, dpi=200)
    assert not red_ink_mask(cleaned).any()
    assert ink is not None and ink[153:165, 440:460].all() and not ink[20:100, 20:100].any()  # where the ring was
    text = cleaned[285:305, 260:640]
    assert (text.max(axis=2) < 60).mean() > 0.95  # the black line is still there, under the star too
    assert (cleaned[160:170, 440:460] == 255).all()  # the ring is paper again


def test_red_letterhead_is_not_a_seal() -> None:
    page = Image.new("RGB", (1600, 600), "white")
    ImageDraw.Draw(page).rectangle((100, 100, 1500, 260), fill=(215, 35, 40))  # 红头: wide, not seal-shaped
    pixels = np.asarray(page)
    cleaned, ink = without_seals(pixels, dpi=200)
    assert cleaned is pixels and ink is None


def test_figure_read_with_a_doubtful_digit_is_flagged_with_its_place() -> None:
    line = "全年办理行政复议案件1,284件，纠正13件。"
    confidences = [0.99] * len(line)
    confidences[line.index("8")] = 0.41
    page = PageLayout(1, 595, 842, [
        PageLine("明湖县司法局2023年法治政府建设年度报告", 80, 80, 515, 100, 18, 0.99, [0.99] * 21),
        PageLine(line, 80, 130, 500, 150, 15, 0.9, confidences),
    ])
    document = LoadedDocument(
        source="s.png", format="ocr", encoding=None, raw_text=f"{page.lines[0].text}\n{line}", page_count=1,
        original_format="png", recognized_pages=[page],
    )
    analysis = analyze_document(document)
    doubts = [f for f in analysis.findings if f.code == "ocr_doubt"]
    assert [analysis.text[f.start:f.end] for f in doubts] == ["1,284件"]
    assert doubts[0].message == "识别可能有误，请核对原件：第 1 页“1,284件”"
    assert doubts[0].detail["page"] == 1 and doubts[0].detail["box"] == [80, 130, 500, 150]
    assert analysis.recognized and analysis.to_json_dict()["recognized"] is True


def test_engine_uses_the_models_shipped_in_the_wheel() -> None:
    models = engine.model_dir()
    for name in (engine.DETECTION_MODEL, engine.RECOGNITION_MODEL):
        assert (models / name).stat().st_size > 1_000_000
    config = engine._engine().cfg
    assert Path(config.Det.model_path) == models / engine.DETECTION_MODEL
    assert Path(config.Rec.model_path) == models / engine.RECOGNITION_MODEL
    assert config.EngineConfig.onnxruntime.intra_op_num_threads == 1


def test_line_crop_cuts_the_page_around_the_box() -> None:
    from reviewer.analysis.loaders.ocr.crop import line_crop

    page = Image.new("RGB", (1654, 2339), "white")  # A4 at 200 dpi
    ImageDraw.Draw(page).rectangle((400, 1000, 1200, 1040), fill="black")
    buffer = io.BytesIO()
    page.save(buffer, "PNG", dpi=(200, 200))
    box = [400 * 72 / 200, 1000 * 72 / 200, 1200 * 72 / 200, 1040 * 72 / 200]  # the line, in points
    crop = Image.open(io.BytesIO(line_crop(buffer.getvalue(), "页.png", 1, box)))
    pixels = np.asarray(crop.convert("L"))
    assert 800 < crop.width < 1000 and 150 < crop.height < 200
    assert (pixels < 50).mean() > 0.15  # the line is inside


def test_seal_ink_is_counted_over_each_character_of_a_line() -> None:
    """A line of four characters 40 px wide; a seal's stroke 20 px wide crosses the third from top to bottom:
    half of its box is under the ink, none of the others'."""
    from reviewer.analysis.loaders.ocr.char_readings import CharReading
    from reviewer.analysis.loaders.ocr.engine import RecognizedLine, seal_ink_shares

    ink = np.zeros((200, 400), dtype=np.uint8)
    ink[:, 190:210] = 255
    quad = np.array([[100, 50], [260, 50], [260, 104], [100, 104]], dtype=np.float32)
    readings = [CharReading(k / 4, (k + 1) / 4, 1.0, "", 0.0, "", 0.0) for k in range(4)]
    line = RecognizedLine("罚没款4", 1.0, [1.0] * 4, 100, 50, 260, 104, readings=readings, quad=quad)
    assert seal_ink_shares(ink, line) == [0.0, 0.0, 0.5, 0.0]
    assert seal_ink_shares(np.zeros_like(ink), line) == []
