"""Red seals out of a page image before recognition.

An official seal (公章) is stamped in red over the signing unit and often over a line of text; read as it is,
its ring of characters turns into garbage lines and hides the text under it. Red ink is found by colour
(hue near red, saturated, not dark); the red areas shaped like a seal — roughly as tall as wide and at least
``MIN_SEAL_CM`` across — are painted white. Black text printed under the seal stays, since its pixels are
dark, so the signing unit and the date are still read. Red text that is no seal (a red letterhead, a red
rule) is a wide, low area and is kept.
"""
from __future__ import annotations

import numpy as np

MIN_SEAL_CM = 2.0
"""Smallest seal side: official seals are 3.5–4.5 cm across, a department's at least 3 cm."""

MAX_SEAL_ASPECT = 2.0
"""A seal's red area is at most this much wider than tall (or taller than wide)."""

GAP_CM = 0.6
"""Red areas closer than this belong to one seal (text printed across a ring cuts it into arcs)."""

MIN_PART_PIXELS = 30
"""Red specks smaller than this are noise, not part of a seal."""

RED_MARGIN = 40
INK_RED = 150
"""Inside a seal, a pixel with at least this much red, exceeding its green and blue by ``RED_MARGIN``, is seal
ink; a darker red one is text printed under the ink, and is kept."""

LIGHT = 170
"""Inside a seal, a pixel at least this light in every channel is paper or a pale fringe."""

SAMPLE_STEP = 2
"""A page is first looked at in every second pixel of every second row: a seal's ring, about 1 mm wide (4
pixels even at 100 dpi), cannot fall between them."""

_CM_PER_INCH = 2.54


def red_ink_mask(image: np.ndarray) -> np.ndarray:
    """Boolean mask of the red-ink pixels of an RGB image (saturated, bright red)."""
    import cv2

    hsv = cv2.cvtColor(image, cv2.COLOR_RGB2HSV)
    hue, saturation = hsv[..., 0], hsv[..., 1]
    reddish = (hue <= 12) | (hue >= 155)  # OpenCV hue runs 0..179
    red = image[..., 0].astype(np.int16)
    bright_red = (red >= INK_RED) & (red - np.maximum(image[..., 1], image[..., 2]) >= RED_MARGIN)
    mask: np.ndarray = reddish & (saturation >= 60) & bright_red  # dark brownish text edges are no ink
    return mask


def without_seals(image: np.ndarray, dpi: float) -> tuple[np.ndarray, np.ndarray | None]:
    """The image with seal-shaped red areas painted white (the image itself when it has none), and where
    seal ink was (boolean, the image's height × width; None without seals).

    Inside a seal's bounding box every pixel that is light or bright red is painted: that takes the pale
    fringe that blur and JPEG leave around red ink, and the seal's star and characters with it, and keeps
    the dark pixels of the text printed under it."""
    if not red_ink_mask(np.ascontiguousarray(image[::SAMPLE_STEP, ::SAMPLE_STEP])).any():
        return image, None  # most pages carry no red ink: looked for on a quarter of the pixels first
    mask = red_ink_mask(image)
    cleaned = None
    ink = None
    for x0, y0, x1, y1 in seal_boxes(mask, dpi):
        if cleaned is None or ink is None:
            cleaned, ink = image.copy(), np.zeros(mask.shape, dtype=bool)
        ink[y0:y1, x0:x1] = mask[y0:y1, x0:x1]
        box = cleaned[y0:y1, x0:x1]
        red, green, blue = (box[..., channel].astype(np.int16) for channel in range(3))
        seal_red = (red >= INK_RED) & (red - np.maximum(green, blue) >= RED_MARGIN)
        redder = seal_red | (np.minimum(np.minimum(red, green), blue) >= LIGHT)
        box[redder] = 255
    return (image, None) if cleaned is None else (cleaned, ink)


def seal_boxes(mask: np.ndarray, dpi: float) -> list[tuple[int, int, int, int]]:
    """The bounding boxes (x0, y0, x1, y1 in pixels) of the red-ink areas of ``mask`` shaped like a seal."""
    import cv2

    min_side = MIN_SEAL_CM / _CM_PER_INCH * dpi
    joined = cv2.dilate(mask.astype(np.uint8), np.ones((5, 5), np.uint8), iterations=2)
    _count, _labels, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    parts = [(int(x), int(y), int(x + w), int(y + h)) for x, y, w, h, area in stats[1:] if area >= MIN_PART_PIXELS]
    return [(x0, y0, x1, y1) for x0, y0, x1, y1 in _merged(parts, GAP_CM / _CM_PER_INCH * dpi)
            if min(x1 - x0, y1 - y0) >= min_side and max(x1 - x0, y1 - y0) <= MAX_SEAL_ASPECT * min(x1 - x0, y1 - y0)]


def _merged(boxes: list[tuple[int, int, int, int]], gap: float) -> list[tuple[int, int, int, int]]:
    """Boxes closer than ``gap`` to each other joined into one, until no two are that close: the arcs of a
    ring that lines of text cut apart make one seal again."""
    merged = list(boxes)
    changed = True
    while changed:
        changed = False
        for i in range(len(merged)):
            for j in range(i + 1, len(merged)):
                a, b = merged[i], merged[j]
                if a[0] - gap <= b[2] and b[0] - gap <= a[2] and a[1] - gap <= b[3] and b[1] - gap <= a[3]:
                    merged[i] = (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))
                    del merged[j]
                    changed = True
                    break
            if changed:
                break
    return merged
