from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.summary import fonts
from reviewer.summary.fonts import SANS, SERIF, FontFile, pdf_fonts

WQY_ZENHEI = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")


@pytest.fixture(autouse=True)
def _fresh_font_choice():
    pdf_fonts.cache_clear()
    yield
    pdf_fonts.cache_clear()


@pytest.mark.skipif(not WQY_ZENHEI.is_file(), reason="fonts-wqy-zenhei not installed")
def test_installed_truetype_cjk_font_is_found_and_embedded():
    assert any(f.path == WQY_ZENHEI for f in fonts.discover_font_files())
    chosen = pdf_fonts()
    assert chosen.embedded
    assert WQY_ZENHEI in (chosen.body_file, chosen.heading_file)


def test_fonts_that_cannot_be_embedded_or_lack_chinese_are_skipped(monkeypatch, tmp_path):
    cff = tmp_path / "NotoSansCJK.ttf"
    cff.write_bytes(b"OTTO" + b"\0" * 200)
    dejavu = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    candidates = [FontFile(cff, SANS), FontFile(tmp_path / "missing.ttc", SERIF)]
    if dejavu.is_file():
        candidates.append(FontFile(dejavu, SERIF))
    monkeypatch.setattr(fonts, "discover_font_files", lambda: candidates)
    chosen = pdf_fonts()
    assert not chosen.embedded
    assert chosen.body == chosen.heading == fonts.CID_FALLBACK_FONT


def test_font_family_names_tell_song_from_hei():
    assert fonts._style_from_name("SimSun,宋体") == SERIF
    assert fonts._style_from_name("AR PL UMing CN") == SERIF
    assert fonts._style_from_name("Microsoft YaHei") == SANS
    assert fonts._style_from_name("WenQuanYi Zen Hei") == SANS
    assert fonts._style_from_name("DejaVu Sans Mono") == SANS
