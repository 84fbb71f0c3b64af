"""Chinese names of review states, finding severities and required parts, shared by the panels."""
from __future__ import annotations

import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from reviewer.workspace.model import STATE_LABELS


def _tr(text: str) -> str:
    return QCoreApplication.translate("review_states", text)


def state_label(state: str) -> str:
    return _tr(STATE_LABELS.get(state, state))


STATE_COLOURS = {"pending": "#8a8a8a", "accepted": "#1c7c3a", "rejected": "#9a9a9a", "corrected": "#6a3d9a"}


def state_colour(state: str) -> QColor:
    return QColor(STATE_COLOURS.get(state, "#000000"))


def severity_label(severity: str) -> str:
    return {"error": _tr("错误"), "warning": _tr("警告"), "info": _tr("提示")}.get(severity, severity)


SEVERITIES = ("error", "warning", "info")


def required_label(code: str) -> str:
    return {
        "measures": _tr("主要举措和成效"),
        "shortcomings": _tr("存在的不足和原因"),
        "first_responsible": _tr("主要负责人履行第一责任人职责情况"),
        "next_year_plan": _tr("下一年度主要安排"),
    }.get(code, code)


def metadata_label(field: str) -> str:
    return {
        "title": _tr("标题"),
        "unit": _tr("单位"),
        "level": _tr("层级"),
        "report_year": _tr("报告年度"),
        "publish_date": _tr("公开日期"),
        "sign_date": _tr("落款日期"),
        "recipient": _tr("主送机关"),
        "doc_number": _tr("文号"),
    }.get(field, field)


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
    field = item.effective.get("field")
    text = text.strip()
    if not text:
        return None
    if field == "report_year":
        year = int(text.rstrip("年"))
        if not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
            raise ValueError(text)
        return year
    if field in DATE_FIELDS:
        normalised = text.replace("年", "-").replace("月", "-").replace("日", "").replace("/", "-").replace(".", "-")
        return datetime.date.fromisoformat("-".join(part.zfill(2) for part in normalised.split("-"))).isoformat()
    return text
