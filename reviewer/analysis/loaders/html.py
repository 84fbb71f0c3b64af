"""Web pages saved from a browser (.html/.htm): the page's visible text, one line per block. Nothing is fetched.

Shape of the text: every block element (p, div, li, h1–h6, table row, section …) and every ``<br>`` ends a
line; empty lines are dropped; table cells in a row are separated by a tab. Scripts, styles, navigation,
forms' controls, frames and hidden elements are left out; page chrome such as breadcrumbs and the metadata
block (发布日期, 来源, 索引号 …) is kept for the cleaner.
"""
from __future__ import annotations

import codecs
import re

from bs4 import BeautifulSoup
from bs4.element import NavigableString, PreformattedString, Tag

from reviewer.analysis.loaders.cjk import WIDE_CHARACTERS
from reviewer.analysis.loaders.outcome import checked_text
from reviewer.analysis.loaders.text_decoding import decode_text
from reviewer.analysis.model import LoadedDocument

CHARSET_SCAN_BYTES = 32 * 1024
"""How far into the file a charset declaration is looked for (saved pages may put comments before it)."""

_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([-\w.:]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([-\w.:]+)""", re.I)

DROPPED_ELEMENTS = frozenset({
    "title", "meta", "link", "base", "script", "style", "noscript", "template",
    "svg", "canvas", "nav", "iframe", "frame", "frameset", "object", "embed", "applet",
    "audio", "video", "img", "map", "area", "dialog",
    "input", "select", "option", "optgroup", "textarea", "button", "datalist",
})

BLOCK_ELEMENTS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dir", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hgroup", "hr", "html", "legend", "li", "listing", "main", "menu", "ol", "p", "plaintext", "pre",
    "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul", "xmp",
})

CELL_ELEMENTS = frozenset({"td", "th"})

PREFORMATTED_ELEMENTS = frozenset({"pre", "listing", "xmp", "plaintext"})

_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_SEGMENT_BREAK_BETWEEN_WIDE = re.compile(f"(?<=[{WIDE_CHARACTERS}])[ \t\r\f]*\n[ \t\n\r\f]*(?=[{WIDE_CHARACTERS}])")
_COLLAPSIBLE_SPACE = re.compile(r"[ \t\n\r\f]+")
_CELL_SEPARATOR = "\x1f"  # stands for a tab while whitespace is collapsed (removed from page text)


def load_html(data: bytes, source: str) -> LoadedDocument:
    decoded = decode_text(data, source, declared=declared_charset(data))
    text = visible_text(decoded.text)
    return LoadedDocument(source=source, format="html", encoding=decoded.encoding, raw_text=checked_text(text, source))


def declared_charset(data: bytes) -> str | None:
    """The Python codec named by the page's ``<meta charset>``, ``http-equiv`` or XML declaration, if known.

    A regex over the first bytes rather than BeautifulSoup's detection: decoding follows our own rules."""
    head = data[:CHARSET_SCAN_BYTES]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if match is None:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def visible_text(markup: str) -> str:
    """The text a browser shows for ``markup``, in the shape the module docstring describes."""
    soup = BeautifulSoup(markup, "html.parser")
    lines = _Lines()
    preformatted_depth = 0
    stack: list[tuple[object, bool]] = [(soup, False)]
    while stack:
        node, closing = stack.pop()
        if isinstance(node, NavigableString):
            if not isinstance(node, PreformattedString):
                lines.add_text(str(node), preformatted=preformatted_depth > 0)
            continue
        if not isinstance(node, Tag):
            continue
        name = node.name
        if closing:
            if name in BLOCK_ELEMENTS:
                lines.end_line()
            if name in PREFORMATTED_ELEMENTS:
                preformatted_depth -= 1
            continue
        if name in DROPPED_ELEMENTS or _is_hidden(node):
            continue
        if name in BLOCK_ELEMENTS or name == "br":
            lines.end_line()
        elif name in CELL_ELEMENTS:
            lines.next_cell()
        if name in PREFORMATTED_ELEMENTS:
            preformatted_depth += 1
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node.contents))
    lines.end_line()
    return "\n".join(lines.done)


def _is_hidden(element: Tag) -> bool:
    if element.has_attr("hidden"):
        return True
    style = element.get("style")
    return isinstance(style, str) and _HIDDEN_STYLE.search(style) is not None


class _Lines:
    """Text gathered line by line with HTML's whitespace rules."""

    def __init__(self) -> None:
        self.done: list[str] = []
        self._parts: list[str] = []
        self._has_text = False

    def add_text(self, text: str, preformatted: bool) -> None:
        text = text.replace(_CELL_SEPARATOR, "")
        pieces = text.split("\n") if preformatted else [text]
        for index, piece in enumerate(pieces):
            if index:
                self.end_line()
            self._parts.append(piece)
            self._has_text = self._has_text or bool(piece.strip())

    def next_cell(self) -> None:
        if self._has_text:
            self._parts.append(_CELL_SEPARATOR)

    def end_line(self) -> None:
        if not self._parts:
            return
        line = _SEGMENT_BREAK_BETWEEN_WIDE.sub("", "".join(self._parts))
        line = _COLLAPSIBLE_SPACE.sub(" ", line).replace("\xa0", " ")
        line = line.strip(" " + _CELL_SEPARATOR).replace(f" {_CELL_SEPARATOR}", _CELL_SEPARATOR)
        line = line.replace(f"{_CELL_SEPARATOR} ", _CELL_SEPARATOR).replace(_CELL_SEPARATOR, "\t")
        self._parts = []
        self._has_text = False
        if line.strip():
            self.done.append(line)
