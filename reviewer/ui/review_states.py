"""The vocabulary's labels as the window shows them (through Qt's translation), colours of item states,
and parsing of values the reviewer types."""
from __future__ import annotations

import datetime
from enum import StrEnum

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from reviewer.vocabulary import ItemState, Level, MetadataField, RequiredPartCode, Severity, from_label, label, parse
from reviewer.workspace.attention import is_unchecked


def _tr(text: str) -> str:
    return QCoreApplication.translate("review_states", text)


def tr_label(code: StrEnum) -> str:
    """The code's label from the vocabulary, as translated for the window."""
    return _tr(label(code))


def _tr_label_of(vocabulary: type[StrEnum], value: object) -> str:
    code = parse(vocabulary, value)
    return tr_label(code) if code is not None else str(value or "")


def state_label(state: str) -> str:
    return _tr_label_of(ItemState, state)


def item_state_label(item) -> str:
    """The item's state as the panels show it: an undecided heading or metadata field is 未核对, not 待审."""
    return _tr("未核对") if is_unchecked(item.kind, item.state) else state_label(item.state)


STATE_COLOURS = {
    ItemState.PENDING: "#8a8a8a",
    ItemState.ACCEPTED: "#1c7c3a",
    ItemState.REJECTED: "#9a9a9a",
    ItemState.CORRECTED: "#6a3d9a",
}


def state_colour(state: str) -> QColor:
    return QColor(STATE_COLOURS.get(ItemState(state), "#000000"))


def severity_label(severity: str) -> str:
    return _tr_label_of(Severity, severity)


def required_label(code: str) -> str:
    return _tr_label_of(RequiredPartCode, code)


def metadata_label(field: str) -> str:
    return _tr_label_of(MetadataField, field)


def metadata_value_text(field: object, value: object) -> str:
    """A metadata value as shown: a level by its label, anything else as it is."""
    if field == MetadataField.LEVEL and value is not None:
        return _tr_label_of(Level, value)
    return "" if value is None else str(value)


def format_number(value) -> str:
    """A figure's value as people write it: no trailing ``.0``, no exponent."""
    if value is None or value == "":
        return ""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    if number.is_integer():
        return str(int(number))
    return f"{number:.6f}".rstrip("0").rstrip(".")


DATE_FIELDS = ("publish_date", "sign_date")
YEAR_RANGE = (1990, 2100)


def parse_metadata_value(text: str, item) -> object:
    """A corrected metadata value: years as numbers, dates as YYYY-MM-DD; ValueError when invalid."""
    field = item.effective.field
    text = text.strip()
    if not text:
        return None
    if field == "report_year":
        year = int(text.rstrip("年"))
        if not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
            raise ValueError(text)
        return year
    if field == MetadataField.LEVEL:
        level = from_label(Level, text)
        if level is None:
            raise ValueError(text)
        return level
    if field in DATE_FIELDS:
        normalised = text.replace("年", "-").replace("月", "-").replace("日", "").replace("/", "-").replace(".", "-")
        return datetime.date.fromisoformat("-".join(part.zfill(2) for part in normalised.split("-"))).isoformat()
    return text
