"""The XML parts of a Word package, read within bounds that keep a hostile file from taking the machine's memory.

A zip entry's declared size can lie and a small file can inflate to gigabytes of XML, so nothing is trusted:
each part is inflated in chunks and fed to the parser as it comes, and reading stops with a ``too_large``
:class:`LoadError` once the XML of all parts read together exceeds :data:`MAX_TOTAL_XML_BYTES` or holds more
than :data:`MAX_XML_ELEMENTS` elements (what the parsed tree costs in memory). A long real report is a few
MB of XML and well under 300,000 elements.
"""
from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from typing import cast

from reviewer.analysis.errors import LoadError

MAX_TOTAL_XML_BYTES = 64 * 1024 * 1024
"""Inflated XML read from one package, all parts together."""

MAX_XML_ELEMENTS = 1_000_000
"""Elements parsed from one package, all parts together (a parsed element costs about 250 bytes)."""

_CHUNK = 64 * 1024
_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_MB = 1024 * 1024


class PackageReader:
    """Reads parts of one package, counting what they cost against the package's limits."""

    def __init__(self, package: zipfile.ZipFile, name: str) -> None:
        self._package = package
        self._name = name
        self.names = set(package.namelist())
        self._bytes_left = MAX_TOTAL_XML_BYTES
        self._elements_left = MAX_XML_ELEMENTS

    def parse(self, path: str) -> ET.Element:
        """The part at ``path`` as an element tree; ``too_large`` when the package's limits run out."""
        parser: ET.XMLPullParser[ET.Element] = ET.XMLPullParser(events=("start",))
        root: ET.Element | None = None
        with self._package.open(path) as member:
            while chunk := member.read(_CHUNK):
                self._bytes_left -= len(chunk)
                if self._bytes_left < 0:
                    raise self._too_large(f"解压后的内容超过 {MAX_TOTAL_XML_BYTES // _MB} MB")
                parser.feed(chunk)
                root = self._count_elements(parser, root)
        parser.close()
        root = self._count_elements(parser, root)
        if root is None:
            raise ET.ParseError("no root element")
        return root

    def _count_elements(self, parser: ET.XMLPullParser[ET.Element], root: ET.Element | None) -> ET.Element | None:
        """Count the elements parsed so far; the root is the first of them."""
        for _event, element in cast(Iterator[tuple[str, ET.Element]], parser.read_events()):
            root = element if root is None else root
            self._elements_left -= 1
        if self._elements_left < 0:
            raise self._too_large(f"内容超过 {MAX_XML_ELEMENTS:,} 个元素")
        return root

    def main_document_path(self) -> str:
        if "_rels/.rels" in self.names:
            for relation in self.parse("_rels/.rels").iter(_RELATIONSHIPS):
                if relation.get("Type", "").endswith("/officeDocument"):
                    return relation.get("Target", "").lstrip("/")
        return "word/document.xml"

    def related_parts(self, part_path: str, kinds: frozenset[str]) -> dict[str, str]:
        """Paths of the parts of these relationship kinds ("styles", "footnotes", …) that ``part_path`` names."""
        folder, file_name = posixpath.split(part_path)
        rels_path = posixpath.join(folder, "_rels", file_name + ".rels")
        parts: dict[str, str] = {}
        if rels_path not in self.names:
            return parts
        for relation in self.parse(rels_path).iter(_RELATIONSHIPS):
            kind = relation.get("Type", "").rsplit("/", 1)[-1]
            if kind in kinds and kind not in parts and relation.get("TargetMode") != "External":
                target = relation.get("Target", "")
                path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                    posixpath.join(folder, target))
                if path in self.names:
                    parts[kind] = path
        return parts

    def _too_large(self, reason: str) -> LoadError:
        return LoadError("too_large", f"Word 文档“{self._name}”{reason}，超出了可处理的上限。")
