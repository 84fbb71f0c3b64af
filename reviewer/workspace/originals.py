"""The original file of a report, stored in the workspace (``report_files``) with its analysis.

A prepared report carries its original as bytes, or as the path of the file when it was analysed from the
file (a scan may be as large as 500 MB): then the file is copied into the row a chunk at a time through
SQLite's blob I/O, hashed as it goes, so it is never held whole in memory. A file changed since it was
analysed (its hash differs) is refused, the transaction rolled back: its analysis is of other content.
"""
from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from reviewer.workspace.errors import WorkspaceError
from reviewer.workspace.prepare import HASH_CHUNK_BYTES, PreparedReport


def original_size(prepared: PreparedReport) -> int:
    data = prepared.data
    if isinstance(data, bytes):
        return len(data)
    try:
        return data.stat().st_size
    except OSError:
        raise _changed(prepared) from None


def insert_original(conn: sqlite3.Connection, report_id: int, prepared: PreparedReport, size: int) -> None:
    """Stores the original of ``prepared`` (``size`` bytes) for ``report_id``, in the caller's transaction."""
    data = prepared.data
    if isinstance(data, bytes):
        conn.execute("INSERT INTO report_files (report_id, data) VALUES (?, ?)", (report_id, data))
        return
    conn.execute("INSERT INTO report_files (report_id, data) VALUES (?, zeroblob(?))", (report_id, size))
    if not _copied(data, conn, report_id, size, prepared.sha256):
        raise _changed(prepared)


def _changed(prepared: PreparedReport) -> WorkspaceError:
    return WorkspaceError(f"文件“{prepared.file_name}”在导入过程中被改动或移走了，没有导入，请再导入一次。")


def _copied(path: Path, conn: sqlite3.Connection, report_id: int, size: int, sha256: str) -> bool:
    """Copies the file into the row's blob of ``size`` bytes; False when its length or hash is not the one
    analysed."""
    digest = hashlib.sha256()
    written = 0
    try:
        with path.open("rb") as file, conn.blobopen("report_files", "data", report_id) as blob:
            while chunk := file.read(HASH_CHUNK_BYTES):
                if written + len(chunk) > size:
                    return False
                blob.write(chunk)
                digest.update(chunk)
                written += len(chunk)
    except OSError:
        return False
    return written == size and digest.hexdigest() == sha256
