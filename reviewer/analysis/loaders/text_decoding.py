"""Bytes to text by fixed rules, never by a silent guess.

A byte-order mark decides; else a charset the file declares (HTML), when the bytes agree; else strict UTF-8;
else GB18030 when the result reads as Chinese (nearly all non-ASCII characters in the common GB2312 set).
Newlines come out as ``"\\n"`` only.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from reviewer.analysis.errors import LoadError
from reviewer.analysis.loaders.outcome import file_label

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF8, "utf-8", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)

_CONTROL_BYTES = bytes(range(0, 9)) + b"\x0b" + bytes(range(14, 32)) + b"\x7f"
_OTHER_BYTES = bytes(b for b in range(256) if b not in _CONTROL_BYTES)
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
_LINE_BREAKS = re.compile("\r\n?|[\f\u2028\u2029]")

MAX_CONTROL_SHARE = 0.005
"""Above this share of control characters (besides tab, newline, form feed) a file is binary, not text."""

MIN_COMMON_GB_SHARE = 0.9
"""Share of non-ASCII characters that must be in GB2312 for a GB18030 decoding to count as Chinese text."""

GB_FAMILY = frozenset({"gb2312", "gbk", "gb18030"})


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str  # "utf-8" | "utf-16" | "gb18030"


def decode_text(data: bytes, source: str, declared: str | None = None) -> DecodedText:
    """Decode a text file. ``declared`` is the Python codec name a web page states for itself (``meta``).

    Only a GB declaration (gb2312, gbk, gb18030) changes the outcome: it is believed without the plausibility
    rule, as long as the bytes decode. Other declarations would mean a page in another script, which no report
    is; such bytes must pass the rules like any text file.
    """
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return _finished(data[len(bom):].decode(codec), name, source)
            except UnicodeDecodeError:
                raise _encoding_error(source) from None
    _reject_binary(data, source)
    utf8 = _strict_utf8(data)
    if utf8 is not None:
        # Valid UTF-8 is UTF-8 whatever a page declares: browsers save pages as UTF-8 and may keep the
        # original (stale) GBK declaration, while GBK Chinese text is practically never valid UTF-8.
        return _finished(utf8, "utf-8", source)
    gb = _declared_gb18030(data) if declared in GB_FAMILY else _plausible_gb18030(data)
    if gb is not None:
        return _finished(gb, "gb18030", source)
    raise _encoding_error(source)


def normalize_newlines(text: str) -> str:
    return _LINE_BREAKS.sub("\n", text)


def _strict_utf8(data: bytes) -> str | None:
    """UTF-8, tolerating only a last character cut off by truncation."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        cut_last_character = error.reason == "unexpected end of data" and error.start >= len(data) - 3
        return data[: error.start].decode("utf-8") if cut_last_character and error.start else None


def _declared_gb18030(data: bytes) -> str | None:
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        return None


def _plausible_gb18030(data: bytes) -> str | None:
    if data.translate(None, _OTHER_BYTES):
        return None
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    outside_gb2312 = text.encode("gb2312", errors="replace").count(b"?") - text.count("?")
    if non_ascii == 0 or outside_gb2312 > (1 - MIN_COMMON_GB_SHARE) * non_ascii:
        return None
    return text


def _reject_binary(data: bytes, source: str) -> None:
    controls = len(data.translate(None, _OTHER_BYTES))
    if b"\x00" in data or controls > max(4, len(data) * MAX_CONTROL_SHARE):
        raise _not_text_error(source)


def _finished(text: str, encoding: str, source: str) -> DecodedText:
    text, controls = _CONTROL_CHARS.subn("", text)
    if controls > max(4, len(text) * MAX_CONTROL_SHARE):
        raise _not_text_error(source)
    return DecodedText(normalize_newlines(text), encoding)


def _encoding_error(source: str) -> LoadError:
    return LoadError(
        "encoding",
        f"无法识别文件“{file_label(source)}”的文字编码（支持 UTF-8、UTF-16、GB18030/GBK），"
        "请用记事本另存为 UTF-8 编码后再导入。",
    )


def _not_text_error(source: str) -> LoadError:
    return LoadError(
        "not_text",
        f"文件“{file_label(source)}”含有二进制内容，不是文本文件。"
        "如果它是文本，请用记事本另存为 UTF-8 编码后再导入。",
    )
