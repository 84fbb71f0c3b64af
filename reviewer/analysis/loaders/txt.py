"""Plain-text reports (.txt)."""
from __future__ import annotations

from reviewer.analysis.loaders.outcome import checked_text
from reviewer.analysis.loaders.text_decoding import decode_text
from reviewer.analysis.model import LoadedDocument


def load_txt(data: bytes, source: str) -> LoadedDocument:
    decoded = decode_text(data, source)
    return LoadedDocument(
        source=source, format="txt", encoding=decoded.encoding, raw_text=checked_text(decoded.text, source)
    )
