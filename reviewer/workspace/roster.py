"""Rosters (报送名单): for a report year, the units expected to send a report, in the officer's order.

Each entry keeps the name as entered and the key of :func:`reviewer.analysis.unit_key.unit_key`, which every
way of writing the unit shares (``明湖县 司法局`` and ``明湖县司法局``; ``慈溪市龙山镇人民政府`` and ``龙山镇``).
A report of year Y is on the roster when the key of its unit (as the reviewer corrected it) is on Y's roster;
a roster holds a key once.

A year's roster changes as a whole list: the history row of a change (target :data:`ROSTER_TARGET`, target
id the year) holds the list before and after, so undo and redo put a list back as it was.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reviewer.analysis.unit_key import unit_key
from reviewer.vocabulary import Level, Reporting, parse
from reviewer.workspace.errors import WorkspaceError

ROSTER_TARGET = "roster"
"""History target of a roster change; its target id is the year."""
FIRST_YEAR, LAST_YEAR = 1990, 2999
"""The years a roster may be for."""


@dataclass(frozen=True)
class RosterUnit:
    """A unit to put on a roster: its name as written, its level when the list gives one."""

    name: str
    level: Level | None = None


@dataclass(frozen=True)
class RosterEntry:
    year: int
    ordinal: int  # place in the year's list, from 1
    name: str  # as entered
    unit_key: str
    level: Level | None = None


@dataclass(frozen=True)
class RosterEdit:
    """What a change did to a year's roster."""

    year: int
    added: tuple[str, ...] = ()  # names put on the roster
    skipped: tuple[str, ...] = ()  # names not added: their unit is on the list already, or they name no unit
    removed: tuple[str, ...] = ()  # names taken off
    history_id: int | None = None  # the history row of the change; None when nothing changed

    @property
    def changed(self) -> bool:
        return self.history_id is not None


@lru_cache(maxsize=65536)
def key_of(name: str) -> str:
    """The unit key of a name (cached: the report list asks for the same units again and again)."""
    return unit_key(name)


def reporting_of(keys: Mapping[int, frozenset[str]], unit: str | None, year: int | None) -> Reporting | None:
    """A report of ``unit`` and ``year`` against the rosters' keys by year: REPORTED when on its year's roster,
    OFF_ROSTER when not (or when it names no unit), None when its year has no roster (or is unknown)."""
    if year is None or year not in keys:
        return None
    return Reporting.REPORTED if unit and key_of(unit) in keys[year] else Reporting.OFF_ROSTER


def entries(conn: sqlite3.Connection, year: int) -> list[RosterEntry]:
    rows = conn.execute("SELECT year, ordinal, name, unit_key, level FROM roster WHERE year = ? ORDER BY ordinal",
                        (year,))
    return [RosterEntry(row[0], row[1], row[2], row[3], parse(Level, row[4])) for row in rows]


def years(conn: sqlite3.Connection) -> list[int]:
    """The years that have a roster, in order."""
    return [row[0] for row in conn.execute("SELECT DISTINCT year FROM roster ORDER BY year")]


def keys_by_year(conn: sqlite3.Connection) -> dict[int, frozenset[str]]:
    found: dict[int, set[str]] = {}
    for year, key in conn.execute("SELECT year, unit_key FROM roster"):
        found.setdefault(year, set()).add(key)
    return {year: frozenset(keys) for year, keys in found.items()}


def units(conn: sqlite3.Connection, year: int) -> list[RosterUnit]:
    return [RosterUnit(entry.name, entry.level) for entry in entries(conn, year)]


def snapshot(conn: sqlite3.Connection, year: int | None) -> dict[str, Any]:
    """The year's list as a history snapshot: ``{"units": [[name, level], ...]}``."""
    return snapshot_of(units(conn, year) if year is not None else [])


def snapshot_of(listed: Sequence[RosterUnit]) -> dict[str, Any]:
    return {"units": [[unit.name, unit.level.value if unit.level else None] for unit in listed]}


def apply(conn: sqlite3.Connection, year: int | None, values: Mapping[str, Any] | None) -> None:
    """Make the year's roster the list of a snapshot (undo and redo)."""
    listed = [RosterUnit(str(name), parse(Level, level)) for name, level in (values or {}).get("units", [])]
    write(conn, checked_year(year), listed)


def write(conn: sqlite3.Connection, year: int, listed: Sequence[RosterUnit]) -> None:
    """Replace the year's roster by ``listed``, in that order (a unit whose key is there already is left out);
    every unit is keyed again, so a write brings the year's keys up to the current :func:`unit_key`."""
    conn.execute("DELETE FROM roster WHERE year = ?", (year,))
    seen: set[str] = set()
    for unit in listed:
        key = key_of(unit.name)
        if not key or key in seen:
            continue
        seen.add(key)
        conn.execute("INSERT INTO roster (year, ordinal, name, unit_key, level) VALUES (?, ?, ?, ?, ?)",
                     (year, len(seen), unit.name, key, unit.level.value if unit.level else None))


def merged(year: int, current: Sequence[RosterEntry], additions: Iterable[RosterUnit]
           ) -> tuple[list[RosterUnit], RosterEdit]:
    """The ``current`` list with the ``additions`` whose unit is not on it yet appended; and what was added or
    skipped."""
    listed = [RosterUnit(entry.name, entry.level) for entry in current]
    keys = {entry.unit_key for entry in current}
    added: list[str] = []
    skipped: list[str] = []
    for unit in additions:
        name = unit.name.strip()
        key = key_of(name)
        if not key or key in keys:
            skipped.append(name)
            continue
        keys.add(key)
        listed.append(RosterUnit(name, unit.level))
        added.append(name)
    return listed, RosterEdit(year, tuple(added), tuple(skipped))


def without(year: int, current: Sequence[RosterEntry], unit_keys: Iterable[str]
            ) -> tuple[list[RosterUnit], RosterEdit]:
    """The ``current`` list without the entries of ``unit_keys`` (as stored); and the names taken off."""
    gone = set(unit_keys)
    kept = [RosterUnit(entry.name, entry.level) for entry in current if entry.unit_key not in gone]
    removed = tuple(entry.name for entry in current if entry.unit_key in gone)
    return kept, RosterEdit(year, removed=removed)


def checked_year(year: object) -> int:
    """``year`` as a roster's year; :class:`WorkspaceError` saying what a year must be otherwise."""
    if isinstance(year, bool) or not isinstance(year, int) or not FIRST_YEAR <= year <= LAST_YEAR:
        raise WorkspaceError(f"年度应为 {FIRST_YEAR}–{LAST_YEAR} 之间的四位数字，而不是“{year}”。")
    return year
