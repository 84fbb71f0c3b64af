"""Chinese fonts for the PDF: a TrueType CJK font found on this machine, embedded (subset) in the file.

A Song-style (宋体) face sets the body, a Hei-style (黑体) face the titles; when only one kind is found
it serves for both. Without any usable file the built-in CID font ``STSong-Light`` is used: no file
needed and nothing embedded, the PDF viewer substitutes its own Chinese font (never boxes).
CFF-based OpenType files (most ``.otf``, Noto CJK) cannot be embedded by reportlab and are skipped.
"""
from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont

SERIF = "serif"
SANS = "sans"

CID_FALLBACK_FONT = "STSong-Light"
BODY_FONT_NAME = "ReviewerSong"
HEADING_FONT_NAME = "ReviewerHei"

_PROBE_TEXT = "审阅意见单法治政府建设年度报告第页共"
"""Characters a font must have to be used."""

_SERIF_NAME_HINTS = ("song", "ming", "serif", "fang", "kai", "宋", "明", "仿", "楷")
_SANS_NAME_HINTS = ("hei", "yahei", "sans", "gothic", "黑")


@dataclass(frozen=True)
class FontFile:
    path: Path
    style: str  # SERIF | SANS
    subfont_index: int = 0  # face inside a .ttc collection


@dataclass(frozen=True)
class PdfFonts:
    """Registered reportlab font names to use, and whether they are embedded TrueType fonts."""

    body: str
    heading: str
    embedded: bool
    body_file: Path | None = None
    heading_file: Path | None = None


def _windows_font_dirs() -> list[Path]:
    dirs = []
    windir = os.environ.get("WINDIR") or os.environ.get("SystemRoot") or r"C:\Windows"
    dirs.append(Path(windir) / "Fonts")
    local = os.environ.get("LOCALAPPDATA")
    if local:
        dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    return dirs


_WINDOWS_FILES: tuple[tuple[str, str, int], ...] = (
    ("simsun.ttc", SERIF, 0),
    ("simsun.ttf", SERIF, 0),
    ("simfang.ttf", SERIF, 0),
    ("simhei.ttf", SANS, 0),
    ("msyh.ttc", SANS, 0),
    ("msyh.ttf", SANS, 0),
    ("simkai.ttf", SERIF, 0),
)

_UNIX_FILES: tuple[tuple[str, str, int], ...] = (
    ("/usr/share/fonts/truetype/arphic/uming.ttc", SERIF, 0),
    ("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf", SERIF, 0),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", SANS, 0),
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", SANS, 0),
    ("/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc", SANS, 0),
    ("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc", SANS, 0),
    ("/usr/share/fonts/truetype/arphic/ukai.ttc", SERIF, 0),
    ("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", SANS, 0),
    ("/System/Library/Fonts/Supplemental/Songti.ttc", SERIF, 0),
    ("/System/Library/Fonts/STHeiti Light.ttc", SANS, 0),
    ("/System/Library/Fonts/STHeiti Medium.ttc", SANS, 0),
    ("/Library/Fonts/Arial Unicode.ttf", SANS, 0),
    ("/System/Library/Fonts/Supplemental/Arial Unicode.ttf", SANS, 0),
)


def _known_font_files() -> list[FontFile]:
    found = []
    if sys.platform == "win32":
        for folder in _windows_font_dirs():
            for name, style, index in _WINDOWS_FILES:
                found.append(FontFile(folder / name, style, index))
    else:
        found.extend(FontFile(Path(name), style, index) for name, style, index in _UNIX_FILES)
    return [f for f in found if f.path.is_file()]


def _style_from_name(family: str) -> str | None:
    lowered = family.lower()
    if any(hint in lowered for hint in _SANS_NAME_HINTS):
        return SANS
    if any(hint in lowered for hint in _SERIF_NAME_HINTS):
        return SERIF
    return None


def _fontconfig_font_files() -> list[FontFile]:
    """Chinese TrueType faces fontconfig knows of (Linux, some macOS setups)."""
    fc_list = shutil.which("fc-list")
    if not fc_list:
        return []
    try:
        listing = subprocess.run(
            [fc_list, "-f", "%{file}|%{index}|%{family}\n", ":lang=zh"],
            capture_output=True, text=True, timeout=10, check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    found = []
    for line in sorted(listing.splitlines()):
        path, _, rest = line.partition("|")
        index, _, family = rest.partition("|")
        if not path.lower().endswith((".ttf", ".ttc")) or not index.isdigit():
            continue
        style = _style_from_name(family + " " + Path(path).name)
        if style:
            found.append(FontFile(Path(path), style, int(index)))
    return found


def discover_font_files() -> list[FontFile]:
    """Candidate CJK font files, most preferred first (well-known files, then fontconfig's)."""
    seen: set[tuple[Path, int]] = set()
    result = []
    for font_file in _known_font_files() + _fontconfig_font_files():
        key = (font_file.path.resolve(), font_file.subfont_index)
        if key not in seen:
            seen.add(key)
            result.append(font_file)
    return result


def _load_truetype(name: str, font_file: FontFile) -> TTFont | None:
    try:
        font = TTFont(name, str(font_file.path), subfontIndex=font_file.subfont_index)
    except (TTFError, OSError, ValueError, KeyError, IndexError):
        return None  # CFF outlines, damaged file, missing face
    if any(ord(ch) not in font.face.charToGlyph for ch in _PROBE_TEXT):
        return None
    return font


def _first_usable(name: str, candidates: list[FontFile]) -> tuple[TTFont, FontFile] | None:
    for font_file in candidates:
        font = _load_truetype(name, font_file)
        if font is not None:
            return font, font_file
    return None


@functools.cache
def pdf_fonts() -> PdfFonts:
    """Find, load and register the fonts once per process."""
    candidates = discover_font_files()
    serif = _first_usable(BODY_FONT_NAME, [f for f in candidates if f.style == SERIF])
    sans = _first_usable(HEADING_FONT_NAME, [f for f in candidates if f.style == SANS])
    if serif is None and sans is None:
        pdfmetrics.registerFont(UnicodeCIDFont(CID_FALLBACK_FONT))
        return PdfFonts(body=CID_FALLBACK_FONT, heading=CID_FALLBACK_FONT, embedded=False)
    for loaded in (serif, sans):
        if loaded is not None:
            pdfmetrics.registerFont(loaded[0])
    body = serif or sans
    heading = sans or serif
    return PdfFonts(
        body=body[0].fontName,
        heading=heading[0].fontName,
        embedded=True,
        body_file=body[1].path,
        heading_file=heading[1].path,
    )
