"""Scanned pages from image files: JPEG, PNG and TIFF (a multi-page TIFF is one report, a page per frame).

Each frame's size is read from its header and checked before its pixels are decoded, so a huge image is
refused at once. Frames are decoded one at a time, turned upright (EXIF orientation of phone photos), put on
white (transparent PNGs) and scaled so that the longest side is at most ``MAX_PAGE_SIDE_PX``.
"""
from __future__ import annotations

import io
import warnings
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from reviewer.analysis.errors import LoadError
from reviewer.analysis.loaders.file_content import FileContent
from reviewer.analysis.loaders.ocr.limits import (
    MAX_IMAGE_PIXELS,
    MAX_PAGE_SIDE_PX,
    MAX_SCAN_PAGES,
    too_many_pages,
    too_many_pixels,
)
from reviewer.analysis.loaders.outcome import file_label

A4_LONG_SIDE_INCHES = 11.69
"""A page whose resolution is not recorded (or not believable) is taken to be A4: the usual report page."""

_BELIEVABLE_LONG_SIDE_INCHES = (5.0, 20.0)


@dataclass
class PageImage:
    number: int  # 1-based
    pixels: np.ndarray  # RGB, height × width × 3
    dpi: float


def image_page_count(data: FileContent, source: str) -> int:
    """Frames in the image file; :class:`LoadError` for a damaged file or more than ``MAX_SCAN_PAGES``."""
    with _opened(data, source) as image:
        count = int(getattr(image, "n_frames", 1))
    if count > MAX_SCAN_PAGES:
        raise too_many_pages(source, count)
    return count


def image_pages(data: FileContent, source: str, numbers: set[int] | None = None) -> Iterator[PageImage]:
    """The file's frames (only those in ``numbers`` when given), decoded one at a time (from a path, only the
    frame's part of the file is read)."""
    count = image_page_count(data, source)
    with _opened(data, source) as image:
        for index in range(count):
            if numbers is not None and index + 1 not in numbers:
                continue
            try:
                image.seek(index)
                width, height = image.size
                if width * height > MAX_IMAGE_PIXELS:
                    raise too_many_pixels(source, width, height, index + 1 if count > 1 else None)
                yield _page(image, index + 1)
            except LoadError:
                raise
            except (OSError, ValueError, SyntaxError, EOFError):
                raise _damaged(source, index + 1 if count > 1 else None) from None


class _opened:
    """``PIL.Image.open`` on the bytes or the file with the header checked; errors become :class:`LoadError`."""

    def __init__(self, data: FileContent, source: str) -> None:
        from PIL import Image

        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                self.image = Image.open(io.BytesIO(data) if isinstance(data, bytes) else data)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise LoadError(
                "too_large",
                f"文件“{file_label(source)}”的图片超过了 {MAX_IMAGE_PIXELS // 1_000_000} 百万像素的上限，"
                "请降低扫描分辨率后再导入。",
            ) from None
        except (OSError, ValueError, SyntaxError, EOFError):
            raise _damaged(source, None) from None
        width, height = self.image.size
        if width * height > MAX_IMAGE_PIXELS:
            self.image.close()
            raise too_many_pixels(source, width, height)
        if width < 1 or height < 1:
            self.image.close()
            raise _damaged(source, None)

    def __enter__(self):  # type: ignore[no-untyped-def]
        return self.image

    def __exit__(self, *exc: object) -> None:
        self.image.close()


def _page(image, number: int) -> PageImage:  # type: ignore[no-untyped-def]
    from PIL import Image, ImageOps

    width, height = image.size
    dpi = _dpi(image, max(width, height))
    factor = max(1, int(np.ceil(max(width, height) / MAX_PAGE_SIDE_PX)))
    if factor > 1 and image.format == "JPEG":
        image.draft("RGB", (width // factor, height // factor))  # decoded at the reduced size directly
    frame = ImageOps.exif_transpose(image) if number == 1 else image.copy()
    if frame.mode in ("RGBA", "LA", "PA") or (frame.mode == "P" and "transparency" in frame.info):
        rgba = frame.convert("RGBA")
        frame = Image.alpha_composite(Image.new("RGBA", rgba.size, "white"), rgba)
    frame = frame.convert("RGB")
    if max(frame.size) > MAX_PAGE_SIDE_PX:
        scale = MAX_PAGE_SIDE_PX / max(frame.size)
        frame = frame.resize((max(1, round(frame.width * scale)), max(1, round(frame.height * scale))), Image.Resampling.LANCZOS)
    dpi *= max(frame.size) / max(width, height)  # the draft decoding and the scaling both change it
    return PageImage(number=number, pixels=np.asarray(frame), dpi=dpi)


def _dpi(image, long_side: int) -> float:  # type: ignore[no-untyped-def]
    recorded = image.info.get("dpi")
    if recorded:
        try:
            dpi = float(recorded[0])
        except (TypeError, ValueError, IndexError):
            dpi = 0.0
        low, high = _BELIEVABLE_LONG_SIDE_INCHES
        if dpi > 0 and low <= long_side / dpi <= high:
            return dpi
    return long_side / A4_LONG_SIDE_INCHES


def _damaged(source: str, page: int | None) -> LoadError:
    where = f"第 {page} 页" if page is not None else ""
    return LoadError("damaged", f"图片文件“{file_label(source)}”{where}已损坏，无法读取。")
