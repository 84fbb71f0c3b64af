"""Schema version of a workspace file and the upgrade to the current one."""
from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from reviewer.workspace.db import write_transaction
from reviewer.workspace.migrations import APPLICATION_ID, SCHEMA_VERSION, STEPS

if TYPE_CHECKING:
    import sqlite_utils


def stored_version(conn: sqlite3.Connection) -> int:
    version: int = conn.execute("PRAGMA user_version").fetchone()[0]
    return version


def is_workspace(conn: sqlite3.Connection) -> bool:
    """A reviewer workspace, or an empty database that can become one."""
    application_id = conn.execute("PRAGMA application_id").fetchone()[0]
    if application_id == APPLICATION_ID:
        return True
    has_tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
    return application_id == 0 and not has_tables


def upgrade(db: sqlite_utils.Database) -> int:
    """Bring the file to ``SCHEMA_VERSION`` in one transaction; returns the version it had."""
    with write_transaction(db) as conn:
        version = stored_version(conn)
        for step in range(version + 1, SCHEMA_VERSION + 1):
            STEPS[step](db)
        conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
    return version
