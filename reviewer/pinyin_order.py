"""Sort keys that put Chinese names in pinyin order, as a Chinese reader expects a list of units:
安化县 < 北京市 < 长沙市 < 重庆市 < 厦门市 < 岳阳市.

The readings are pypinyin's (MIT) dictionaries: the words of its phrase dictionary (长沙 cháng, 重庆 chóng,
厦门 xià, 六安 lù, 番禺 pān), matched longest first from the left, and otherwise each character's first
reading. ICU's collation (QCollator with a Chinese locale) reads each character alone and files 长沙 under
zhang and 厦门 under sha, and the collators of other platforms differ again; these keys are the same everywhere.
The dictionaries are looked up directly: pypinyin's own conversion takes about half a millisecond a name,
too slow for a list of 10,000 reports.

A key is a plain string compared code point by code point: each Chinese character becomes its syllable, tone
digit (5 for the neutral tone) and the character itself (so that characters read alike stay together), other
characters their case-folded selves (digits and Latin letters sort among the syllables). Loading the
dictionaries takes a few tenths of a second, on the first key asked for (or on a thread of its own, started
by :func:`load_in_background`).
"""
from __future__ import annotations

import importlib.util
import json
import re
import threading
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")
_TONE_OF_MARK = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}  # macron, acute, caron, grave
_DIAERESIS = "\u0308"  # ü, written v in the key (lu < lü, as dictionaries order them)
NAME_READINGS = {"长": "cháng"}
"""Readings of characters in names where no word of the phrase dictionary says otherwise, when the
dictionary's first reading is another: 长 in unit and place names is cháng (长治, 长宁, 长安, 长丰, 长兴), not
the zhǎng of 生长 and 校长."""


Dictionaries = tuple[dict[str, str], dict[str, list[list[str]]], dict[str, int]]
_loaded: Dictionaries | None = None
_loading = threading.Lock()
PIECE_ENTRIES = 2000
"""Phrases parsed at a time by :func:`load_in_background`: each piece holds the interpreter a few milliseconds."""


def _dictionaries() -> Dictionaries:
    """pypinyin's character readings (by decimal code point) and phrase readings, read from its data files
    without importing the package (whose import also builds a segmenter these keys do not use: twice the
    time), and the length of the longest phrase beginning with each pair of characters (most pairs begin
    none: one look-up tells). Read once; a caller meanwhile waits for the read under way."""
    global _loaded
    if _loaded is None:
        with _loading:
            if _loaded is None:
                _loaded = _read_dictionaries(in_pieces=False)
    return _loaded


def load_in_background(done: Callable[[], object]) -> threading.Thread:
    """Read the dictionaries on a daemon thread, the phrases a piece at a time, so a window keeps being
    painted meanwhile (one ``json.loads`` of the phrase file holds the interpreter for its whole length);
    then call ``done`` (on that thread)."""
    def load() -> None:
        global _loaded
        with _loading:
            if _loaded is None:
                _loaded = _read_dictionaries(in_pieces=True)
        done()

    thread = threading.Thread(target=load, name="reviewer-pinyin", daemon=True)
    thread.start()
    return thread


def _read_dictionaries(in_pieces: bool) -> Dictionaries:
    spec = importlib.util.find_spec("pypinyin")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("pypinyin is not installed")
    folder = Path(next(iter(spec.submodule_search_locations)))
    pinyin_dict = json.loads((folder / "pinyin_dict.json").read_text(encoding="utf-8"))
    phrases_text = (folder / "phrases_dict.json").read_text(encoding="utf-8")
    phrases_dict = (_parsed_in_pieces(phrases_text) if in_pieces else None) or json.loads(phrases_text)
    longest: dict[str, int] = {}
    for phrase in phrases_dict:
        if len(phrase) > longest.get(phrase[:2], 0):
            longest[phrase[:2]] = len(phrase)
    return pinyin_dict, phrases_dict, longest


_ENTRY_END = re.compile(r"\n\],\n(?=\")")
"""Where one phrase's readings end and the next phrase begins, as pypinyin writes its file."""


def _parsed_in_pieces(text: str) -> dict[str, list[list[str]]] | None:
    """The phrase file's object parsed ``PIECE_ENTRIES`` entries at a time; None when the file is not laid
    out as expected (then it is parsed whole)."""
    body = text.strip()
    if not (body.startswith("{") and body.endswith("}")):
        return None
    body = body[1:-1]
    ends = [match.start() + 2 for match in _ENTRY_END.finditer(body)]  # just after each entry's "]"
    parsed: dict[str, list[list[str]]] = {}
    start = 0
    try:
        for cut in [*ends[PIECE_ENTRIES - 1::PIECE_ENTRIES], len(body)]:
            piece = body[start:cut].strip().rstrip(",")
            if piece:
                parsed.update(json.loads("{" + piece + "}"))
            start = cut + 1
    except ValueError:
        return None
    return parsed


@lru_cache(maxsize=4096)
def _syllable(reading: str) -> str:
    """A reading with tone marks as letters and a tone digit: zhǎng → zhang3, lǜ → lv4, de → de5."""
    letters: list[str] = []
    tone = 5
    for char in unicodedata.normalize("NFD", reading):
        if char in _TONE_OF_MARK:
            tone = _TONE_OF_MARK[char]
        elif char == _DIAERESIS and letters:
            letters[-1] = "v"
        else:
            letters.append(char)
    return "".join(letters) + str(tone)


def _readings(characters: str) -> list[str | None]:
    """One reading per character of a run of Chinese characters (None where the dictionaries have none)."""
    singles, phrases, longest = _dictionaries()
    readings: list[str | None] = []
    position = 0
    while position < len(characters):
        for length in range(min(longest.get(characters[position:position + 2], 0), len(characters) - position), 1, -1):
            phrase = phrases.get(characters[position:position + length])
            if phrase is not None and len(phrase) == length:
                readings += [choices[0] for choices in phrase]
                position += length
                break
        else:
            char = characters[position]
            known = singles.get(str(ord(char)))
            readings.append(NAME_READINGS.get(char) or (known.split(",")[0] if known else None))
            position += 1
    return readings


@lru_cache(maxsize=65536)
def pinyin_key(text: str) -> str:
    """The key that sorts ``text`` in pinyin order among other names."""
    text = unicodedata.normalize("NFKC", text)
    parts: list[str] = []
    position = 0
    for run in _HAN_RUN.finditer(text):
        parts.append(text[position:run.start()].casefold())
        characters = run.group()
        parts += [(_syllable(reading) if reading else "") + char
                  for reading, char in zip(_readings(characters), characters, strict=True)]
        position = run.end()
    parts.append(text[position:].casefold())
    return "".join(parts)
