"""What a review item says, typed per kind: the machine's values and the reviewer's correction are the same type.

The workspace, the summary and the window read these classes; this module is the one place that turns them
into the JSON stored in the ``machine`` and ``corrected`` columns (:func:`to_stored`) and back
(:func:`from_stored`). Stored values lacking a field take its default; fields no longer known are dropped.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from reviewer.analysis.model import Figure, Finding, IndicatorValue, RequiredPart, Section
from reviewer.vocabulary import FindingCode, ItemKind, Level, MetadataField, Severity, from_label


@dataclass(frozen=True)
class FigureValues:
    text: str = ""  # as written in the report
    value: float | None = None
    unit: str | None = None
    approx: bool = False
    subject: str | None = None
    confirmed: ClassVar[tuple[str, ...]] = ("value", "unit", "approx", "subject")


@dataclass(frozen=True)
class SectionValues:
    level: int = 1
    num: str = ""
    title: str = ""
    confirmed: ClassVar[tuple[str, ...]] = ("level", "num", "title")


@dataclass(frozen=True)
class FindingValues:
    code: str = FindingCode.MANUAL  # a FindingCode
    severity: str = Severity.WARNING  # a Severity
    message: str = ""
    detail: Mapping[str, Any] = field(default_factory=dict)
    confirmed: ClassVar[tuple[str, ...]] = ()  # a finding's message may be reworded


@dataclass(frozen=True)
class MetadataValues:
    field: str = ""  # a MetadataField
    value: str | int | None = None  # a level as a Level code
    confirmed: ClassVar[tuple[str, ...]] = ("value",)


@dataclass(frozen=True)
class RequiredValues:
    code: str = ""  # a RequiredPartCode
    present: bool = True
    confirmed: ClassVar[tuple[str, ...]] = ("present",)


@dataclass(frozen=True)
class IndicatorValues:
    """A cell of the indicator table: the column's code and the figure that fills it."""

    code: str = ""  # a code of the indicator catalogue (resources/indicators.json)
    text: str = ""  # the figure's text as written
    value: float | None = None
    unit: str | None = None
    approx: bool = False
    confirmed: ClassVar[tuple[str, ...]] = ("code", "text", "value", "unit")


ItemValues = FigureValues | SectionValues | FindingValues | MetadataValues | RequiredValues | IndicatorValues

VALUE_TYPES: Mapping[str, type[ItemValues]] = {
    ItemKind.FIGURE: FigureValues,
    ItemKind.SECTION: SectionValues,
    ItemKind.FINDING: FindingValues,
    ItemKind.METADATA: MetadataValues,
    ItemKind.REQUIRED: RequiredValues,
    ItemKind.INDICATOR: IndicatorValues,
}
"""Item kind → the class of its values."""


_FIELD_NAMES: Mapping[type, tuple[str, ...]] = {
    cls: tuple(f.name for f in dataclasses.fields(cls)) for cls in VALUE_TYPES.values()
}


def field_names(cls: type[ItemValues]) -> tuple[str, ...]:
    """The fields of a values class, in order."""
    return _FIELD_NAMES[cls]


def to_stored(values: ItemValues) -> dict[str, Any]:
    """The JSON object stored for ``values``."""
    stored = {name: getattr(values, name) for name in field_names(type(values))}
    if isinstance(values, FindingValues):
        stored["detail"] = dict(values.detail)
    return stored


def from_stored(kind: str, stored: Mapping[str, Any] | None) -> ItemValues | None:
    """Values of an item of ``kind`` from their stored JSON object; None for none (a manual item's machine)."""
    if not stored:
        return None
    cls = VALUE_TYPES[kind]
    try:
        return cls(**stored)  # the usual case, read by the thousand: every stored field still known
    except TypeError:
        return cls(**{name: stored[name] for name in field_names(cls) if name in stored})


def with_changes(values: ItemValues, changes: Mapping[str, Any]) -> ItemValues:
    """``values`` with some fields changed; ValueError for a field the kind does not have."""
    unknown = set(changes) - set(field_names(type(values)))
    if unknown:
        raise ValueError(f"unknown fields {sorted(unknown)}; allowed: {field_names(type(values))}")
    return dataclasses.replace(values, **changes)


def values_of_kind(kind: str, values: ItemValues | Mapping[str, Any]) -> ItemValues:
    """``values`` as they are, or a mapping of fields over the kind's defaults; TypeError for another kind."""
    cls = VALUE_TYPES[kind]
    if isinstance(values, Mapping):
        return with_changes(cls(), values)
    if not isinstance(values, cls):
        raise TypeError(f"{kind} item needs {cls.__name__}, not {type(values).__name__}")
    return values


def confirmed_changed(before: ItemValues, after: ItemValues) -> bool:
    """Whether what a reviewer confirms by accepting (``confirmed`` fields) differs between the two."""
    return any(getattr(before, name) != getattr(after, name) for name in before.confirmed)


def figure_values(figure: Figure) -> FigureValues:
    return FigureValues(figure.text, figure.value, figure.unit, figure.approx, figure.subject)


def section_values(section: Section) -> SectionValues:
    return SectionValues(section.level, section.num, section.title)


def finding_values(finding: Finding) -> FindingValues:
    return FindingValues(finding.code, finding.severity, finding.message, dict(finding.detail))


def metadata_values(name: str, value: str | int | None) -> MetadataValues:
    """A metadata field as the analysis gave it; a level (the contract's label) becomes its code."""
    if name == MetadataField.LEVEL and isinstance(value, str):
        value = from_label(Level, value)
    return MetadataValues(name, value)


def required_values(part: RequiredPart) -> RequiredValues:
    return RequiredValues(part.code, part.present)


def indicator_values(cell: IndicatorValue) -> IndicatorValues:
    return IndicatorValues(cell.code, cell.text, cell.value, cell.unit, cell.approx)
