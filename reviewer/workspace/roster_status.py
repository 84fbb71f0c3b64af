"""Who has reported: each year's roster against the reports of that year in the workspace.

A roster entry has reported when a current report of its year has its unit key (the report's unit as the
reviewer corrected it, :attr:`ReportSummary.reporting`); a report of a year with a roster whose unit is not on
it (or names no unit) is off the roster.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from reviewer.vocabulary import Reporting
from reviewer.workspace.model import ReportSummary
from reviewer.workspace.roster import RosterEntry, key_of, reporting_of


@dataclass(frozen=True)
class RosterLine:
    """One unit of a roster and the reports of its year from it (in id order; none: 未报送)."""

    entry: RosterEntry
    report_ids: tuple[int, ...] = ()

    @property
    def status(self) -> Reporting:
        return Reporting.REPORTED if self.report_ids else Reporting.NOT_REPORTED


@dataclass(frozen=True)
class RosterStatus:
    """A year's roster line by line, and the reports of that year from units not on it."""

    year: int
    lines: tuple[RosterLine, ...]
    off_roster: tuple[ReportSummary, ...] = ()

    @property
    def missing(self) -> tuple[RosterEntry, ...]:
        """The units on the roster with no report of the year (未报送), in roster order."""
        return tuple(line.entry for line in self.lines if not line.report_ids)

    @property
    def reported(self) -> int:
        return sum(1 for line in self.lines if line.report_ids)


def roster_statuses(rosters: Mapping[int, Sequence[RosterEntry]],
                    reports: Iterable[ReportSummary]) -> list[RosterStatus]:
    """Per year of ``rosters`` (in year order): its lines matched to ``reports``, and the reports off it."""
    by_year: dict[int, dict[str, list[int]]] = {year: {} for year in rosters}
    off: dict[int, list[ReportSummary]] = {year: [] for year in rosters}
    keys = {year: frozenset(entry.unit_key for entry in listed) for year, listed in rosters.items()}
    for report in sorted(reports, key=lambda r: r.id):
        status = reporting_of(keys, report.unit, report.report_year)
        if status == Reporting.OFF_ROSTER:
            off[report.report_year or 0].append(report)
        elif status == Reporting.REPORTED:
            by_year[report.report_year or 0].setdefault(key_of(report.unit or ""), []).append(report.id)
    return [
        RosterStatus(year, tuple(RosterLine(entry, tuple(by_year[year].get(entry.unit_key, ())))
                                 for entry in rosters[year]), tuple(off[year]))
        for year in sorted(rosters)
    ]
