"""How the library marks a report from a unit not on its year's roster (报送名单): 不在名单 after the unit, and a
line of the row's tooltip."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from reviewer.ui.review_states import tr_label
from reviewer.vocabulary import Reporting


def _is_off_roster(report: Any) -> bool:
    return getattr(report, "reporting", None) == Reporting.OFF_ROSTER


def roster_marked(display: Callable[[Any], str]) -> Callable[[Any], str]:
    """``display`` of a report, with （不在名单） after it for a report off its year's roster."""
    def marked(report: Any) -> str:
        text = display(report)
        return f"{text}（{tr_label(Reporting.OFF_ROSTER)}）" if _is_off_roster(report) else text
    return marked


def roster_tooltip(report: Any) -> list[str]:
    """The tooltip's line on the roster: only for a report off its year's roster."""
    if not _is_off_roster(report):
        return []
    return [QCoreApplication.translate("LibraryModel", "单位不在 {year} 年度报送名单中").format(year=report.report_year)]
