"""An :class:`Analysis` as stored in the workspace: lossless JSON (without the text) and back.

The text is stored in its own column, so the JSON holds everything else. Rehydration follows the
dataclasses' type hints, so fields the analysis adds later round-trip without changes here; keys the
stored JSON lacks take the field's default (or None), keys the dataclass no longer has are ignored.
"""
from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

from reviewer.analysis.model import Analysis
from reviewer.workspace.failures import DamagedRecord


def analysis_to_json(analysis: Analysis) -> str:
    data = _plain(analysis)
    del data["text"]
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _plain(value: Any) -> Any:
    """Like ``dataclasses.asdict`` without its deep copies (several times faster on an Analysis)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: _plain(getattr(value, name)) for name in _field_names(type(value))}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def analysis_from_json(stored: str, text: str) -> Analysis:
    """Raises :class:`DamagedRecord` when ``stored`` is no longer an analysis (damage inside the record)."""
    try:
        data = json.loads(stored)
        data["text"] = text
        analysis: Analysis = _build(Analysis, data)
    except (ValueError, TypeError, KeyError, AttributeError) as error:
        raise DamagedRecord(f"分析结果无法读取（{type(error).__name__}: {error}）") from error
    return analysis


EMPTY_PARTS: dict[str, Any] = {"source": "", "format": "", "encoding": None, "metadata": {}, "sections": [],
                               "figures": [], "required": {}, "findings": []}
"""What a partial analysis (:func:`analysis_from_parts`) holds where it was given no part."""


def analysis_from_parts(text: str, parts: Mapping[str, Any]) -> Analysis:
    """An analysis holding only some of its top-level fields, each given decoded from its stored JSON (e.g.
    pulled out by SQLite's ``json_extract``; None: not given), and the text; the other fields are empty.
    For readers that need a few fields of many reports. Raises :class:`DamagedRecord` like
    :func:`analysis_from_json`."""
    try:
        data = EMPTY_PARTS | {name: value for name, value in parts.items() if value is not None}
        data["text"] = text
        analysis: Analysis = _build(Analysis, data)
    except (ValueError, TypeError, KeyError, AttributeError) as error:
        raise DamagedRecord(f"分析结果无法读取（{type(error).__name__}: {error}）") from error
    return analysis


Convert = Callable[[Any], Any]


def _build(cls: type, data: dict[str, Any]) -> Any:
    return _builder(cls)(data)


@cache
def _builder(cls: type) -> Convert:
    """The function that makes a ``cls`` from its JSON object, its fields' conversions worked out once
    (an analysis holds thousands of values: per value, looking at the type hints again costs most)."""
    hints = typing.get_type_hints(cls)
    plan = [(f.name, _converter(hints[f.name]),
             f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING)
            for f in dataclasses.fields(cls)]

    def build(data: dict[str, Any]) -> Any:
        kwargs = {}
        for name, convert, required in plan:
            if name in data:
                kwargs[name] = convert(data[name])
            elif required:
                kwargs[name] = None
        return cls(**kwargs)

    return build


def _same(value: Any) -> Any:
    return value


@cache
def _converter(hint: Any) -> Convert:
    """JSON value → the value ``hint`` describes: dataclasses rebuilt (also inside lists, tuples,
    dicts and optionals), anything else as it is; None stays None."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        options = [option for option in args if option is not type(None)]
        return _converter(options[0]) if options else _same
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return lambda value: _builder(hint)(value) if isinstance(value, dict) else value
    if origin is list and args:
        item = _converter(args[0])
        return _same if item is _same else lambda value: None if value is None else [item(v) for v in value]
    if origin is tuple and args:
        if len(args) == 2 and args[1] is Ellipsis:
            item = _converter(args[0])
            return lambda value: None if value is None else tuple(item(v) for v in value)
        items = [_converter(a) for a in args]
        return lambda value: None if value is None else tuple(c(v) for c, v in zip(items, value))
    if origin is dict and len(args) == 2:
        item = _converter(args[1])
        return _same if item is _same else \
            lambda value: None if value is None else {k: item(v) for k, v in value.items()}
    return _same
