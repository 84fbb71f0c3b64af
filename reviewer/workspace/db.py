"""The SQLite connection: pragmas, write transactions, integrity check, small row helpers.

Durability: WAL journal with ``synchronous=FULL``. In WAL mode every commit is appended to the -wal
file before COMMIT returns, so killing the process at any moment loses at most the transaction in
flight with either NORMAL or FULL. FULL additionally fsyncs the WAL at each commit, so a power cut or
OS crash cannot lose a committed edit either (NORMAL could lose the last few). Edits are made at human
pace, and an fsync costs a few milliseconds, far below the 50 ms an edit may take.
"""
from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from json import scanner
from pathlib import Path
from typing import Any

OPTIONAL_TYPE_LIBRARIES = ("numpy", "pandas")
"""Imported by sqlite-utils when installed, only to map their scalar types to column types. The workspace
stores Python values only, and numpy (installed for the text recognition) would cost a tenth of a second
of every start."""


@contextmanager
def _hidden(names: tuple[str, ...]) -> Iterator[None]:
    """Within the block, importing one of ``names`` not yet imported raises ImportError (a ``None``
    entry in ``sys.modules``, Python's documented way to make an import fail); afterwards it imports
    as usual."""
    hidden = [name for name in names if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        yield
    finally:
        for name in hidden:
            if sys.modules.get(name, ...) is None:
                del sys.modules[name]


with _hidden(OPTIONAL_TYPE_LIBRARIES):
    import sqlite_utils

BUSY_TIMEOUT_MS = 30_000
"""How long a writer waits for another connection of the same program (a background import)."""
PAGE_CACHE_KIB = 65_536
"""SQLite's page cache per connection (taken as pages are read): one report's copy-index rows land on
thousands of pages of the band table; with the default 2 MB they are read and spilled again and again."""


def connect(path: Path, read_only: bool = False) -> sqlite_utils.Database:
    """``read_only``: a ``mode=ro`` connection, for a file this program cannot write."""
    if read_only:
        conn = _connect_read_only(path)
    else:
        conn = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.row_factory = sqlite3.Row
    db = sqlite_utils.Database(conn, recursive_triggers=False, execute_plugins=False)
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    if not read_only:
        conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute(f"PRAGMA cache_size=-{PAGE_CACHE_KIB}")
    return db


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """``mode=ro``; where not even the -shm file can be made (a read-only folder or medium), the file
    is read as immutable."""
    conn = sqlite3.connect(path.as_uri() + "?mode=ro", uri=True, isolation_level=None,
                           timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        conn.close()
        conn = sqlite3.connect(path.as_uri() + "?immutable=1", uri=True, isolation_level=None)
    return conn


@contextmanager
def write_transaction(db: sqlite_utils.Database) -> Iterator[sqlite3.Connection]:
    """One committed transaction. ``BEGIN IMMEDIATE`` takes the write lock up front, so a second
    connection waits (busy timeout) instead of failing half-way."""
    conn = db.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def quick_check(conn: sqlite3.Connection) -> str | None:
    """None if the file is sound, else SQLite's description of the damage."""
    try:
        rows = [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
    except sqlite3.DatabaseError as error:
        return str(error)
    if rows == ["ok"]:
        return None
    return "; ".join(rows)


def now() -> str:
    """Local time with offset, to the second: what history, review and annotations record."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


def to_json(value: Any) -> str | None:
    if value is None:
        return None
    return json_text(value)


def json_text(value: Any) -> str:
    """``value`` as stored JSON (compact, Chinese as is)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def inserted_id(cursor: sqlite3.Cursor) -> int:
    """The rowid of the row an INSERT just made."""
    row_id = cursor.lastrowid
    if row_id is None:
        raise RuntimeError("INSERT made no row")
    return row_id


_scan_json: Callable[[str, int], tuple[Any, int]] = scanner.make_scanner(json.JSONDecoder())  # type: ignore[arg-type]


def from_json(value: str | None) -> Any:
    """Stored JSON read back. What :func:`json_text` wrote (compact, nothing around the value) goes straight
    to the C scanner, skipping ``json.loads``' whitespace handling: items are read by the thousand. Anything
    else takes ``json.loads``, which also raises the error for a damaged record."""
    if value is None:
        return None
    try:
        decoded, end = _scan_json(value, 0)
    except (StopIteration, ValueError):
        end = -1
    return decoded if end == len(value) else json.loads(value)
