"""The same unit's previous report and the change of each indicator since it (summary.comparison.previous_reports)."""
from __future__ import annotations

from reviewer.summary.comparison import ComparedReport, previous_reports
from reviewer.workspace.indicator_cells import IndicatorCell


def _cell(code: str, value: float, unit: str = "件") -> IndicatorCell:
    return IndicatorCell(code, f"{value:g}{unit}", value, unit, False, 0, 3, True)


def _row(report_id: int, unit: str, year: int, **cells: tuple[float, str]) -> ComparedReport:
    return ComparedReport(report_id, unit, "county", year,
                          {code: _cell(code, value, u) for code, (value, u) in cells.items()})


def test_the_previous_report_is_the_same_units_nearest_earlier_year_under_any_spelling():
    rows = [
        _row(1, "明湖县", 2020, reconsideration_cases=(80, "件")),
        _row(2, "明湖县人民政府", 2022, reconsideration_cases=(92, "件")),
        _row(3, "青溪镇", 2021, reconsideration_cases=(3, "件")),
        _row(4, "明湖县", 2021, reconsideration_cases=(95, "件")),
    ]
    previous_reports(rows)
    previous = {row.report_id: row.previous_id for row in rows}
    assert previous == {1: None, 4: 1, 2: 4, 3: None}
    change = rows[1].changes["reconsideration_cases"]
    assert (change.delta, change.previous_year, change.display) == (-3, 2021, "−3件")


def test_a_rate_changes_in_percentage_points_and_other_units_are_not_compared():
    rows = [
        _row(1, "明湖县", 2021, head_appearance_rate=(90, "%"), litigation_lost=(3, "件")),
        _row(2, "明湖县", 2022, head_appearance_rate=(97.5, "%"), litigation_lost=(4.4, "%")),
    ]
    previous_reports(rows)
    assert rows[1].changes["head_appearance_rate"].display == "+7.5个百分点"
    assert "litigation_lost" not in rows[1].changes


def test_two_reports_of_one_unit_and_year_are_not_each_others_previous_year():
    rows = [_row(1, "明湖县", 2021), _row(2, "明湖县", 2022), _row(3, "明湖县", 2022), _row(4, "明湖县", 2023)]
    previous_reports(rows)
    assert [row.previous_id for row in rows] == [None, 1, 1, 3]
