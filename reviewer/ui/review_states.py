"""Chinese names of review states, finding severities and required parts, shared by the panels."""
from __future__ import annotations

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
