"""Which converters this machine has, in the order to try them for each format."""
from __future__ import annotations

import functools

from reviewer.analysis.convert.base import Converter
from reviewer.analysis.convert.libreoffice import LibreOfficeConverter, find_soffice
from reviewer.analysis.convert.office_com import find_com_converters

_PREFERRED = {"wps": "WPS Office", "doc": "Microsoft Word", "rtf": "Microsoft Word", "odt": "LibreOffice"}
"""The suite that wrote a format reads it best; the others follow in the order found."""


@functools.cache
def installed_converters() -> tuple[Converter, ...]:
    """Every converter found on this machine (looked up once per process)."""
    found: list[Converter] = list(find_com_converters())
    soffice = find_soffice()
    if soffice is not None:
        found.append(LibreOfficeConverter(soffice))
    return tuple(found)


def available_converters(original_format: str) -> list[Converter]:
    """The converters found for a format ("doc", "wps", "odt", "rtf"), the best first."""
    preferred = _PREFERRED.get(original_format)
    return sorted(installed_converters(), key=lambda converter: converter.name != preferred)
