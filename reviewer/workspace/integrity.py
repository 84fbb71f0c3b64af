"""The deep check of a workspace file: SQLite's integrity check and the workspace's own consistency checks.

It runs on a read-only connection of its own, so a worker thread can run it while the officer reads and
works in the same file (the window does so after an unclean shutdown and on 工具→检查工作区; the ``check``
command runs it in the foreground). The problems are Chinese sentences; none means the file is sound.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from reviewer.vocabulary import ItemKind, ItemState, Origin
from reviewer.workspace.db import connect
from reviewer.workspace.migrations import _counted

Progress = Callable[[int, int, str], None]
"""(steps done, steps in all, the step now running)."""

STEPS: tuple[str, ...] = ("检查文件结构", "检查记录之间的关联", "核对报告计数", "检查记录内容")
LISTED = 10
"""Reports named per problem; more are counted."""
CANCEL_EVERY = 10_000
"""SQLite instructions between two looks at the cancel flag."""
TABLE_NAMES = {
    "reports": "报告", "report_files": "报告原文", "report_texts": "报告文本", "items": "审阅条目",
    "annotations": "批注", "reviews": "审阅意见", "report_counts": "报告计数", "copy_passages": "段落索引",
    "copy_findings": "相同段落",
}


class CheckCancelled(Exception):
    """The check was cancelled before it was complete (nothing is known about the file)."""


def check_workspace(path: Path, progress: Progress | None = None,
                    cancelled: Callable[[], bool] | None = None) -> list[str]:
    """The problems found in the workspace at ``path``; raises :class:`CheckCancelled` when ``cancelled``
    turns true (looked at while SQLite works, so even the long first step stops at once)."""
    conn = connect(path, read_only=True).conn
    if cancelled is not None:
        conn.set_progress_handler(lambda: 1 if cancelled() else 0, CANCEL_EVERY)
    steps = (_structure, _relations, _counts, _records)
    problems: list[str] = []
    try:
        for done, (label, step) in enumerate(zip(STEPS, steps)):
            if cancelled is not None and cancelled():
                raise CheckCancelled
            if progress is not None:
                progress(done, len(steps), label)
            try:
                problems += step(conn)
            except sqlite3.OperationalError as error:
                if cancelled is not None and cancelled():
                    raise CheckCancelled from error
                problems.append(f"{label}时无法读取文件：{error}")
            except sqlite3.DatabaseError as error:
                problems.append(f"{label}时无法读取文件：{error}")
            if step is _structure and problems:
                break  # the file itself is damaged: the records cannot be trusted to say more
        if progress is not None:
            progress(len(steps), len(steps), "")
    finally:
        conn.close()
    return problems


def _structure(conn: sqlite3.Connection) -> list[str]:
    rows = [row[0] for row in conn.execute("PRAGMA integrity_check(20)")]
    return [] if rows == ["ok"] else ["文件结构已损坏：" + "；".join(rows)]


def _relations(conn: sqlite3.Connection) -> list[str]:
    orphans: dict[str, int] = {}
    for table, *_ in conn.execute("PRAGMA foreign_key_check"):
        orphans[table] = orphans.get(table, 0) + 1
    problems = [f"{_table(table)}中有 {count} 条记录指向已不存在的报告" for table, count in orphans.items()]
    for table in ("report_texts", "report_files"):
        missing = [row[0] for row in conn.execute(
            f"SELECT id FROM reports WHERE id NOT IN (SELECT report_id FROM {table}) ORDER BY id")]
        if missing:
            problems.append(f"{_reports(missing)}缺少{_table(table)}")
    return problems


def _counts(conn: sqlite3.Connection) -> list[str]:
    findings, pending = _counted()
    rows = conn.execute(
        "SELECT r.id FROM reports r LEFT JOIN report_counts c ON c.report_id = r.id LEFT JOIN ("
        f"SELECT report_id, sum({findings}) AS findings, sum({pending}) AS pending FROM items GROUP BY report_id"
        ") i ON i.report_id = r.id WHERE coalesce(c.open_findings, 0) != coalesce(i.findings, 0) "
        "OR coalesce(c.pending_items, 0) != coalesce(i.pending, 0) ORDER BY r.id"
    )
    wrong = [row[0] for row in rows]
    return [f"{_reports(wrong)}的问题数或待审数与其审阅条目不符（报告库中的数字有误）"] if wrong else []


def _records(conn: sqlite3.Connection) -> list[str]:
    problems = []
    codes = {"kind": ItemKind, "origin": Origin, "state": ItemState}
    bad_codes = " OR ".join(f"{column} NOT IN ({', '.join(repr(str(c)) for c in vocabulary)})"
                            for column, vocabulary in codes.items())
    damaged = [row[0] for row in conn.execute(
        "SELECT DISTINCT report_id FROM items WHERE NOT json_valid(machine) "
        f"OR (corrected IS NOT NULL AND NOT json_valid(corrected)) OR {bad_codes} ORDER BY report_id")]
    if damaged:
        problems.append(f"{_reports(damaged)}的审阅条目内容已损坏，无法读取")
    analyses = [row[0] for row in conn.execute(
        "SELECT report_id FROM report_texts WHERE NOT json_valid(analysis) ORDER BY report_id")]
    if analyses:
        problems.append(f"{_reports(analyses)}的分析结果已损坏，无法读取")
    return problems


def _table(name: str) -> str:
    return f"{TABLE_NAMES.get(name, name)}（{name}）"


def _reports(ids: list[int]) -> str:
    listed = "、".join(f"#{report_id}" for report_id in ids[:LISTED])
    more = f"等 {len(ids)} 份" if len(ids) > LISTED else ""
    return f"报告 {listed}{more}"
