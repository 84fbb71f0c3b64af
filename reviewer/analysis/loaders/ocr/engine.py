"""The text recognizer: rapidocr's PP-OCRv6 detection and recognition models on onnxruntime.

The models are the ones the rapidocr wheel ships (``rapidocr/models``), named here by path, so the engine
never looks for them elsewhere and never downloads anything. Each process builds one engine on first use,
with one onnxruntime thread: the analysis runs one worker per core, so two workers share two cores.

Detection runs on the page scaled down to ``DETECTION_SIDE`` pixels (lines are large enough there); each
detected line is cut from the full-resolution page for recognition, so small digits keep their detail.
A tilted scan gives tilted line boxes: the page's tilt is the median slope of its long lines, and the boxes
are reported as they stand on the page turned upright, so lines on one row line up and rows do not overlap.
"""
from __future__ import annotations

import functools
import logging
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

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
    return RapidOCR(
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
    for index, (text, score, confidences) in zip(order, read):
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


def _read(engine: Any, crops: list[np.ndarray]) -> list[tuple[str, float, list[float]]]:
    """Text, mean confidence and per-character confidences of each line image."""
    result = engine.recognize_txt(crops)
    read = []
    for text, score, words in zip(result.txts, result.scores, result.word_results):
        confidences = [float(c) for c in (getattr(words, "confs", None) or [])]
        if len(confidences) != len(text):
            confidences = [float(score)] * len(text)
        read.append((str(text), float(score), confidences))
    return read
