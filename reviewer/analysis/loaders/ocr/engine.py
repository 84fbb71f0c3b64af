"""The text recognizer: rapidocr's PP-OCRv6 detection and recognition models on onnxruntime.

The models are the ones the rapidocr wheel ships (``rapidocr/models``), named here by path, so the engine
never looks for them elsewhere and never downloads anything. Each process builds one engine on first use,
with one onnxruntime thread: the analysis runs one worker per core, so two workers share two cores.

Detection runs on the page scaled down to ``DETECTION_SIDE`` pixels (lines are large enough there); each
detected line is cut from the full-resolution page for recognition, so small digits keep their detail.
A tilted scan gives tilted line boxes: the page's tilt is the median slope of its long lines, and the boxes
are reported as they stand on the page turned upright, so lines on one row line up and rows do not overlap.

The recognizer's decoder is wrapped (:class:`ReadingDecoder`) so that each line also tells what was seen at
each of its characters — its place on the line, its best probability, the runner-up and the reading dropped
before it — and, where seals were masked, each character's share under their ink, for the doubt flags.
"""
from __future__ import annotations

import functools
import logging
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from reviewer.analysis.loaders.ocr.char_readings import CharReading, ReadingDecoder

DETECTION_MODEL = "PP-OCRv6_det_small.onnx"
RECOGNITION_MODEL = "PP-OCRv6_rec_small.onnx"
ORIENTATION_MODEL = "ch_ppocr_mobile_v2.0_cls_mobile.onnx"  # named so nothing is looked up; not run

DETECTION_SIDE = 1280
"""Longest side of the image the line detector sees (an A4 page at about 110 dpi). Smaller is faster (1,024
saves a seventh of a page's time) but on poor scans the detector then cuts a number at a gap into two boxes
("92.  5%"): measured with ``bench_ocr.py --harsh``, F1 0.998 at 1,280, 0.996 at 1,152, 0.995 at 1,024."""

RECOGNITION_BATCH = 1
"""Lines read per run of the recognizer. With one thread a batch is no faster per line (it is slower: the
larger tensors leave the cache) and shorter lines are padded to the longest of their batch."""

LINE_BOX_PER_FONT_SIZE = 1.35
"""A detected line's box is this much taller than the type (the detector pads each line)."""

MIN_LINE_SCORE = 0.5
"""Lines the recognizer reads with a lower mean confidence are noise (speckle, seal remains, lines)."""


@dataclass
class RecognizedLine:
    """One detected line: its text, a confidence per character and its box in image pixels."""

    text: str
    confidence: float
    char_confidences: list[float]
    x0: float
    top: float
    x1: float
    bottom: float
    readings: list[CharReading] = field(default_factory=list)  # one per character, when the recognizer gives them
    quad: np.ndarray | None = field(default=None, compare=False)  # the detected box in the image read
    seal_ink: list[float] = field(default_factory=list)  # per character: the share of its box under seal ink


def model_dir() -> Path:
    """Where the rapidocr wheel keeps its models (inside the bundle too: collected as package data)."""
    import rapidocr

    return Path(rapidocr.__file__).resolve().parent / "models"


def engine_version() -> str:
    import rapidocr

    return f"rapidocr {getattr(rapidocr, '__version__', '')} PP-OCRv6".replace("  ", " ")


@functools.cache
def _engine() -> Any:
    from rapidocr import RapidOCR

    models = model_dir()
    logging.getLogger("RapidOCR").setLevel(logging.ERROR)
    engine: Any = RapidOCR(
        params={
            "Global.log_level": "error",
            "Global.use_cls": False,
            "Global.max_side_len": DETECTION_SIDE,
            "Global.text_score": MIN_LINE_SCORE,
            "Global.return_word_box": True,  # the recognizer then keeps each character's confidence
            "Rec.rec_batch_num": RECOGNITION_BATCH,
            "Det.model_path": str(models / DETECTION_MODEL),
            "Rec.model_path": str(models / RECOGNITION_MODEL),
            "Cls.model_path": str(models / ORIENTATION_MODEL),
            "EngineConfig.onnxruntime.intra_op_num_threads": 1,
            "EngineConfig.onnxruntime.inter_op_num_threads": 1,
        }
    )
    recognizer = engine._load_rec_model()  # its decoder wrapped, to keep what it saw at each character
    recognizer.postprocess_op = ReadingDecoder(recognizer.postprocess_op)
    return engine


def recognize_lines(image: np.ndarray) -> list[RecognizedLine]:
    """The text lines of an RGB page image (height × width × 3, uint8), top to bottom."""
    from rapidocr.utils.process_img import get_rotate_crop_image

    engine = _engine()
    detected = engine(image, use_det=True, use_cls=False, use_rec=False)
    boxes = getattr(detected, "boxes", None)
    if boxes is None or len(boxes) == 0:
        return []
    quads = [np.asarray(box, dtype=np.float32) for box in boxes]
    upright = _upright(quads, image.shape[1] / 2, image.shape[0] / 2)
    order = sorted(range(len(quads)), key=lambda i: (upright[i][:, 1].min(), upright[i][:, 0].min()))
    crops = [get_rotate_crop_image(image, quads[i].copy()) for i in order]
    read = _read(engine, crops)
    lines = []
    for index, (text, score, confidences, readings) in zip(order, read):
        box = upright[index]
        if not text.strip() or score < MIN_LINE_SCORE:
            continue
        lines.append(
            RecognizedLine(
                text=text,
                confidence=score,
                char_confidences=confidences,
                x0=float(box[:, 0].min()),
                top=float(box[:, 1].min()),
                x1=float(box[:, 0].max()),
                bottom=float(box[:, 1].max()),
                readings=readings,
                quad=quads[index],
            )
        )
    return lines


def page_tilt(quads: list[np.ndarray]) -> float:
    """The page's tilt in radians: the median slope of the top edges of its lines at least 3 times as wide as
    tall (0 without such lines). A box's corners run top-left, top-right, bottom-right, bottom-left."""
    slopes = []
    for quad in quads:
        width = float(np.hypot(*(quad[1] - quad[0])))
        height = float(np.hypot(*(quad[3] - quad[0])))
        if width >= 3 * height > 0:
            slopes.append(math.atan2(float(quad[1][1] - quad[0][1]), float(quad[1][0] - quad[0][0])))
    return float(np.median(slopes)) if slopes else 0.0


def _upright(quads: list[np.ndarray], center_x: float, center_y: float) -> list[np.ndarray]:
    """The boxes turned by the page's tilt around the page's centre."""
    tilt = page_tilt(quads)
    if abs(tilt) < 1e-4:
        return quads
    cos, sin = math.cos(-tilt), math.sin(-tilt)
    rotation = np.array([[cos, -sin], [sin, cos]], dtype=np.float32)
    center = np.array([center_x, center_y], dtype=np.float32)
    return [(quad - center) @ rotation.T + center for quad in quads]


def _read(engine: Any, crops: list[np.ndarray]) -> list[tuple[str, float, list[float], list[CharReading]]]:
    """Text, mean confidence, per-character confidences and per-character readings of each line image
    (no readings where they do not match the text, or the line was cut upright: read top to bottom)."""
    result = engine.recognize_txt(crops)
    read = []
    for crop, text, score, words in zip(crops, result.txts, result.scores, result.word_results):
        confidences = [float(c) for c in (getattr(words, "confs", None) or [])]
        if len(confidences) != len(text):
            confidences = [float(score)] * len(text)
        readings = list(getattr(words, "readings", None) or [])
        if len(readings) != len(text) or crop.shape[0] > crop.shape[1]:
            readings = []
        read.append((str(text), float(score), confidences, readings))
    return read


def seal_ink_shares(ink: np.ndarray, line: RecognizedLine) -> list[float]:
    """Each character's share of its box under seal ink (``ink``: 255 where seals were inked on the image the
    line was read from, else 0): the ink cut along the line's box as the line's image was, then counted over
    the character's columns, between the top and bottom of the type (ink over the padding the detector adds
    around a line touches no stroke). No shares for a line with no ink near it, or no readings."""
    from rapidocr.utils.process_img import get_rotate_crop_image

    if not line.readings or line.quad is None:
        return []
    x0, y0 = np.floor(line.quad.min(axis=0)).astype(int).clip(0)
    x1, y1 = np.ceil(line.quad.max(axis=0)).astype(int) + 1
    if not ink[y0:y1, x0:x1].any():
        return []
    cut = get_rotate_crop_image(ink, line.quad.copy())
    height, width = cut.shape[:2]
    padding = int(height * (1 - 1 / LINE_BOX_PER_FONT_SIZE) / 2)
    inked = cut[padding:height - padding] >= 128
    shares = []
    for reading in line.readings:
        left = int(reading.start * width)
        right = max(left + 1, int(round(reading.end * width)))
        shares.append(round(float(inked[:, left:right].mean()), 3))
    return shares
