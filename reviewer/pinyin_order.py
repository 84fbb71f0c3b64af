"""Sort keys that put Chinese names in pinyin order, as a Chinese reader expects a list of units:
安化县 < 北京市 < 长沙市 < 重庆市 < 厦门市 < 岳阳市.

The readings come from pypinyin (MIT) with its phrase dictionary, so a character with several readings is
read as it is in the name: 长沙 cháng, 重庆 chóng, 厦门 xià, 六安 lù, 番禺 pān. ICU's collation (QCollator
with a Chinese locale) reads each character alone and files 长沙 under zhang and 厦门 under sha, and the
collators of other platforms differ again; these keys are the same everywhere.

A key is a plain string compared code point by code point (what a sort proxy does fastest): each Chinese
character becomes its syllable, tone digit and the character itself (so that characters read alike stay
together), other characters their case-folded selves (digits and Latin letters sort among the syllables).
Loading pypinyin's dictionaries takes a few tenths of a second, on the first key asked for.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")


def _one_per_character(block: str) -> list[str]:
    """Characters pypinyin has no reading for stand for themselves, one each."""
    return list(block)


@lru_cache(maxsize=65536)
def pinyin_key(text: str) -> str:
    """The key that sorts ``text`` in pinyin order among other names."""
    from pypinyin import Style, lazy_pinyin

    text = unicodedata.normalize("NFKC", text)
    parts: list[str] = []
    position = 0
    for run in _HAN_RUN.finditer(text):
        parts.append(text[position:run.start()].casefold())
        characters = run.group()
        readings = lazy_pinyin(characters, style=Style.TONE3, neutral_tone_with_five=True,
                               errors=_one_per_character)  # type: ignore[arg-type]  # a list is taken; the stub says str
        if len(readings) != len(characters):  # pypinyin kept an unknown block whole: no reading to sort by
            readings = list(characters)
        parts += [(reading if reading.isascii() else "") + character  # no reading: the character alone
                  for reading, character in zip(readings, characters, strict=True)]
        position = run.end()
    parts.append(text[position:].casefold())
    return "".join(parts)
