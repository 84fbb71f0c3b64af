"""The indicator columns as data: ``resources/indicators.json`` read into compiled definitions.

Adding a column, or a wording of an existing one, is editing that file; the rules that use the patterns
are in :mod:`reviewer.analysis.indicators`. What each key means is written in the file itself (``_about``)
and in docs/indicators.md.
"""
from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from typing import Any

from reviewer.paths import resource_path

CATALOGUE_FILE = ("indicators.json",)


@dataclass(frozen=True)
class IndicatorDefinition:
    code: str
    column: str  # the column header, e.g. 行政复议案件
    units: frozenset[str]
    names: re.Pattern[str] | None = None  # in the subject or clause: names the quantity
    lead: re.Pattern[str] | None = None  # in the sentence before the figure, together with ``objects``
    heading: re.Pattern[str] | None = None  # in the enclosing heading, together with ``objects``
    objects: re.Pattern[str] | None = None
    verbs: re.Pattern[str] | None = None  # required around the figure
    requires: re.Pattern[str] | None = None  # required in the sentence before the figure or the subject
    exclude: re.Pattern[str] | None = None
    exclude_subject: re.Pattern[str] | None = None
    prefer: tuple[re.Pattern[str], ...] = ()
    rate_first: bool = False

    @property
    def takes_rate(self) -> bool:
        return "%" in self.units

    @property
    def takes_count(self) -> bool:
        return any(unit != "%" for unit in self.units)


def _pattern(entry: dict[str, Any], key: str) -> re.Pattern[str] | None:
    alternatives = entry.get(key)
    if not alternatives:
        return None
    return re.compile("|".join(f"(?:{a})" for a in alternatives))


def definition_from_dict(entry: dict[str, Any]) -> IndicatorDefinition:
    """One catalogue entry; raises ``KeyError``/``re.error`` for a malformed one."""
    return IndicatorDefinition(
        code=entry["code"],
        column=entry["column"],
        units=frozenset(entry["units"]),
        names=_pattern(entry, "names"),
        lead=_pattern(entry, "lead"),
        heading=_pattern(entry, "heading"),
        objects=_pattern(entry, "objects"),
        verbs=_pattern(entry, "verbs"),
        requires=_pattern(entry, "requires"),
        exclude=_pattern(entry, "exclude"),
        exclude_subject=_pattern(entry, "exclude_subject"),
        prefer=tuple(re.compile(p) for p in entry.get("prefer", ())),
        rate_first=bool(entry.get("rate_first", False)),
    )


@functools.cache
def catalogue() -> tuple[IndicatorDefinition, ...]:
    """Every indicator, in column order."""
    data = json.loads(resource_path(*CATALOGUE_FILE).read_text(encoding="utf-8"))
    return tuple(definition_from_dict(entry) for entry in data["indicators"])


def indicator_columns() -> dict[str, str]:
    """Code → column header, in column order."""
    return {d.code: d.column for d in catalogue()}
