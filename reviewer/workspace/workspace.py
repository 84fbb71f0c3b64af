"""The workspace: one SQLite file holding every report and every review decision.

See docs/design/workspace-api.md for the contract. Every public method that changes something runs
one write transaction, commits it before returning, and writes one history row for the change.
"""
from __future__ import annotations

import contextlib
import dataclasses
import getpass
import os
import re
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reviewer.analysis import ANALYZER_VERSION
from reviewer.analysis.copies import KeyedPassage
from reviewer.analysis.loaders.ocr.options import OcrOptions, Progress
from reviewer.analysis.report_files import read_checked
from reviewer.vocabulary import (
    AnnotationTag,
    Code,
    ItemKind,
    ItemState,
    Origin,
    ReviewStatus,
    Severity,
    Verdict,
    parse,
)
from reviewer.workspace import copies, decisions, history, reports, roster, search
from reviewer.workspace.analysis_json import analysis_from_json, analysis_to_json
from reviewer.workspace.backup import (
    BackgroundBackup,
    backups_dir,
    finish_interrupted_restore,
    history_mark,
    is_sound,
    remove_partial_copies,
    restore,
    sound_backups,
    take_backup,
)
from reviewer.workspace.batch_records import BatchRecord, read_batch_records
from reviewer.workspace.carryover import carry_to_new_version, carry_within_report, not_reanchored
from reviewer.workspace.copies import CopiedPassage, copied_passages
from reviewer.workspace.db import connect, inserted_id, now, quick_check, write_transaction
from reviewer.workspace.errors import WorkspaceCorrupt, WorkspaceError, WorkspaceFull, WorkspaceTooNew
from reviewer.workspace.failures import translate_errors, workspace_error
from reviewer.workspace.identity import IDENTITY_KEYS, ReviewIdentity
from reviewer.workspace.items import build_items, manual_key
from reviewer.workspace.lock import WorkspaceLock
from reviewer.workspace.migrations import SCHEMA_VERSION
from reviewer.workspace.model import (
    Annotation,
    HistoryEntry,
    ImportResult,
    ReanalyzeResult,
    ReportReview,
    ReportSummary,
    RestoredBackup,
    ReviewItem,
    SearchHit,
    SearchTotal,
    StoredReport,
)
from reviewer.workspace.prepare import PreparedReport, prepare_file, prepare_report, sha256_of
from reviewer.workspace.reanchor import anchor_at
from reviewer.workspace.roster import RosterEdit, RosterEntry, RosterUnit
from reviewer.workspace.roster_status import RosterStatus, roster_statuses
from reviewer.workspace.rows import (
    annotation_from_row,
    history_from_row,
    item_from_row,
    review_from_row,
    unstarted_review,
)
from reviewer.workspace.schema import is_workspace, stored_version, upgrade
from reviewer.workspace.summaries import CURRENT, report_summaries
from reviewer.workspace.values import FigureValues, ItemValues, to_stored, values_of_kind, with_changes

if TYPE_CHECKING:
    import sqlite_utils

ANNOTATION_EDITABLE = ("comment", "tag", "severity", "start", "end")
REVIEW_EDITABLE = ("verdict", "remarks", "status")
SQLITE_HEADER = b"SQLite format 3\x00"



@translate_errors
class Workspace:
    """Open with :meth:`open`; one object per thread (background workers open their own with lock=False)."""

    def __init__(self, path: Path, db: sqlite_utils.Database, lock: WorkspaceLock | None) -> None:
        self._path = path
        self._db = db
        self._conn = db.conn
        self._closed = False
        self._lock = lock
        self._reviewer_name: str | None = None
        self._last_change_id: int | None = None
        self._read_only = False
        self._backup: BackgroundBackup | None = None
        self._deep_check_due = False

    # --- opening and closing --------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, lock: bool = True, *, read_only: bool = False, backup: bool = True,
             check: bool = False, create: bool = True, defer_check: bool = False) -> Workspace:
        """Creates the file if missing (unless sound backups show it was lost: then
        :class:`WorkspaceCorrupt` offers them). The owner (``lock=True``) takes the lock, finishes an
        interrupted restore, checks integrity deeply after an unclean shutdown or when ``check``,
        upgrades an older schema after a backup, and with ``backup`` takes the rotating backup in the
        background. ``defer_check``: the deep check is left to the caller, who runs
        :func:`reviewer.workspace.integrity.check_workspace` in the background when :attr:`deep_check_due`
        and reports with :meth:`deep_check_finished` (an older schema is still checked before its upgrade).
        ``create=False``: a missing file is an error. A file that cannot be written (or
        ``read_only``) is opened for reading only: no lock, no backup, and every change raises
        :class:`WorkspaceReadOnly`; so is a file that cannot be opened for writing because the disk is full."""
        path = Path(path).expanduser().absolute()
        read_only = read_only or _cannot_write(path)
        if not read_only:
            path.parent.mkdir(parents=True, exist_ok=True)
        holder = WorkspaceLock(path) if lock and not read_only else None
        if holder is not None:
            holder.acquire()
        try:
            deep = check or (holder is not None and not holder.closed_cleanly_before)
            db, check_due = _open_checked(path, holder, read_only, read_only or not create, deep, defer_check)
        except WorkspaceFull:
            if holder is not None:
                holder.release()
            if read_only or not path.exists():
                raise
            return cls.open(path, lock, read_only=True)  # a full disk: the work can still be read
        except BaseException:
            if holder is not None:
                holder.release()
            raise
        workspace = cls(path, db, holder)
        workspace._read_only = read_only
        workspace._deep_check_due = check_due
        if holder is not None and not read_only and copies.has_pending(db.conn):
            with contextlib.suppress(WorkspaceFull):  # still pending: indexed at a later open
                workspace.index_copies()  # an import was killed before it indexed them, or the file was upgraded
        if holder is not None and backup and not read_only:
            workspace._backup = BackgroundBackup(path).start()
        return workspace

    @staticmethod
    def restore_backup(path: str | Path, backup: str | Path | None = None) -> RestoredBackup:
        """Replace a damaged (or lost) workspace by ``backup`` (one of ``WorkspaceCorrupt.backups``),
        or by the newest backup that passes the integrity check. The damaged file is kept next to it
        (``<name>.damaged-<time>``), never deleted; a kill at any moment leaves a file to open."""
        path = Path(path).expanduser().absolute()
        holder = WorkspaceLock(path)
        holder.acquire()
        try:
            if backup is None:
                sound = sound_backups(path)
                if not sound:
                    raise WorkspaceError(f"没有可用于恢复的完好备份：{backups_dir(path)}")
                backup = sound[0]
            elif not is_sound(Path(backup)):
                raise WorkspaceError(f"这个备份也已损坏，不能用来恢复：{backup}")
            try:
                return restore(path, Path(backup))
            except OSError as error:
                raise WorkspaceError(f"从备份恢复失败：{error.strerror or error}（原文件未删除）") from error
        finally:
            holder.release()

    def check(self) -> str | None:
        """The deep integrity check on demand: None if sound, else SQLite's description of the damage."""
        return quick_check(self._conn)

    @property
    def deep_check_due(self) -> bool:
        """The deep check this open called for (an unclean shutdown before, or ``check``) was deferred and
        has not been reported sound yet; until then the file is not marked as closed cleanly."""
        return self._deep_check_due

    def deep_check_finished(self, problems: Sequence[str]) -> None:
        """The deferred deep check ran to its end; only a sound result lets the next open skip it."""
        if not problems:
            self._deep_check_due = False

    def close(self) -> None:
        """Waits for a background backup to finish; never raises for a read-only or full disk. A deep
        check still due (deferred, cancelled or failed) is due again at the next open."""
        if self._closed:
            return
        try:
            if self._backup is not None:
                self._backup.wait()
            if self._lock is not None:
                with contextlib.suppress(sqlite3.Error):
                    self._conn.execute("PRAGMA optimize")
        finally:
            self._conn.close()
            self._closed = True
            if self._lock is not None:
                self._lock.release(clean=not self._deep_check_due)

    @property
    def read_only(self) -> bool:
        return self._read_only

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def path(self) -> Path:
        return self._path

    @property
    def last_change_id(self) -> int | None:
        """History id of the last change made through this object (for the UI's undo stack)."""
        return self._last_change_id

    # --- reviewer name ------------------------------------------------------------------------

    @property
    def reviewer_name(self) -> str:
        if self._reviewer_name is None:
            row = self._conn.execute("SELECT value FROM settings WHERE key = 'reviewer_name'").fetchone()
            self._reviewer_name = row[0] if row else _login_name()
        return self._reviewer_name

    @property
    def identity(self) -> ReviewIdentity:
        """The reviewer's name as stored ("" while unset), the office and the document-number prefix."""
        marks = ",".join("?" * len(IDENTITY_KEYS))
        rows = self._conn.execute(f"SELECT key, value FROM settings WHERE key IN ({marks})", IDENTITY_KEYS)
        stored = {row[0]: row[1] or "" for row in rows}
        return ReviewIdentity(*(stored.get(key, "") for key in IDENTITY_KEYS))

    def set_identity(self, identity: ReviewIdentity) -> None:
        """Store all three settings in one transaction with one history entry (undo restores them together);
        a blank name falls back to the OS login again."""
        new = identity.stored()
        with write_transaction(self._db) as conn:
            old = self.identity.stored()
            _write_settings(conn, new)
            self._reviewer_name = None
            self._record(conn, None, "settings", None, "set", old, new, who=self.reviewer_name)

    def set_reviewer_name(self, name: str) -> None:
        name = name.strip()
        with write_transaction(self._db) as conn:
            old = {"reviewer_name": self.reviewer_name}
            new = {"reviewer_name": name}
            _write_settings(conn, new)
            self._record(conn, None, "settings", None, "set", old, new, who=name)
        self._reviewer_name = name

    # --- reports -----------------------------------------------------------------------------

    def import_file(self, path: str | Path) -> ImportResult:
        """Raises :class:`reviewer.analysis.LoadError` for files that cannot be read as a report."""
        path = Path(path)
        duplicate = self.find_duplicate(read_checked(path, sha256_of))
        if duplicate is not None:
            return duplicate
        return self.store_prepared(prepare_file(path, path.name, str(path.absolute())))

    def import_bytes(self, data: bytes, filename: str, source_path: str | None = None) -> ImportResult:
        duplicate = self.find_duplicate(sha256_of(data))
        if duplicate is not None:
            return duplicate
        return self.store_prepared(prepare_report(data, filename, source_path))

    def set_synchronous(self, level: str) -> None:
        """"FULL" (the default: every commit survives a power cut) or "NORMAL" (used during bulk
        imports: commits survive a killed program, a power cut may lose the last few)."""
        if level not in ("FULL", "NORMAL"):
            raise ValueError(f"synchronous must be FULL or NORMAL, not {level!r}")
        self._conn.execute(f"PRAGMA synchronous={level}")

    def find_duplicate(self, sha256: str) -> ImportResult | None:
        """The stored report with these bytes (its current version), or None."""
        row = self._conn.execute("SELECT id, deleted_at FROM reports WHERE sha256 = ?", (sha256,)).fetchone()
        if row is None or row["deleted_at"] is not None:
            return None
        return ImportResult(reports.latest_version(self._conn, row["id"]), "duplicate")

    def store_prepared(self, prepared: PreparedReport, index_copies: bool = True) -> ImportResult:
        """Store an analysed file (see :func:`reviewer.workspace.prepare.prepare_report`). Without
        ``index_copies`` the report is only marked pending in the copy index, for :meth:`index_copies` to index
        with others (a bulk import does so)."""
        at = now()
        with write_transaction(self._db) as conn:
            existing = reports.by_sha256(conn, prepared.sha256)
            if existing is not None and existing["deleted_at"] is None:
                return ImportResult(reports.latest_version(conn, existing["id"]), "duplicate")
            if existing is not None:
                reports.set_deleted(conn, existing["id"], None)
                self._record(conn, existing["id"], "report", existing["id"], "restore",
                             {"deleted_at": existing["deleted_at"]}, {"deleted_at": None})
                return ImportResult(existing["id"], "new")
            predecessor = reports.find_predecessor(conn, prepared)
            report_id, item_ids = reports.insert_report(conn, prepared, at)
            described = {"file_name": prepared.file_name, "sha256": prepared.sha256}
            if predecessor is None:
                self._index_new(conn, report_id, prepared, index_copies)
                self._record(conn, report_id, "report", report_id, "import", None, described, at=at)
                return ImportResult(report_id, "new")
            carry_over = carry_to_new_version(conn, predecessor, report_id, prepared.items, item_ids,
                                              reports.stored_text(conn, predecessor), prepared.analysis.text)
            reports.supersede(conn, predecessor, report_id)
            self._index_new(conn, report_id, prepared, index_copies)
            self._record(conn, report_id, "report", report_id, "new_version",
                         {"report_id": predecessor}, described | {"report_id": report_id}, at=at)
            return ImportResult(report_id, "new_version", predecessor, not_reanchored(conn, report_id), carry_over)

    @staticmethod
    def _index_new(conn: sqlite3.Connection, report_id: int, prepared: PreparedReport, index_copies: bool) -> None:
        if index_copies:
            copies.add(conn, report_id, prepared.analysis.text, prepared.copy_passages)
        else:
            copies.mark_pending(conn, report_id)

    def index_copies(self, keyed: Mapping[int, Sequence[KeyedPassage]] | None = None) -> int:
        """Index the reports pending in the copy index (stored by :meth:`store_prepared` without
        ``index_copies``, or left by an import that was killed) in one transaction, and replace their copy
        findings; ``keyed``: the passages and keys of some of them as prepared (the others are computed from
        the stored text). Returns how many were indexed. Upkeep of the index, not a change of the reviewer's:
        no history row."""
        with write_transaction(self._db) as conn:
            return copies.index_pending(conn, keyed)

    def reports(self, report_ids: list[int] | None = None) -> list[ReportSummary]:
        """Every current report in id order; with ``report_ids`` only those (the ones still current)."""
        return report_summaries(self._conn, report_ids)

    def indicator_items(self) -> dict[int, list[ReviewItem]]:
        """Per current report: its indicator items and the figure items on their spans, in id order
        (what :func:`reviewer.workspace.indicator_cells.resolve_cells` reads), in one query."""
        rows = self._conn.execute(
            "SELECT i.* FROM items i JOIN reports r ON r.id = i.report_id "
            f"WHERE {CURRENT} AND i.anchored = 1 AND (i.kind = ? OR (i.kind = ? AND EXISTS ("
            "SELECT 1 FROM items c WHERE c.report_id = i.report_id AND c.kind = ? "
            "AND c.start = i.start AND c.\"end\" = i.\"end\"))) ORDER BY i.id",
            (ItemKind.INDICATOR, ItemKind.FIGURE, ItemKind.INDICATOR),
        )
        result: dict[int, list[ReviewItem]] = {}
        for row in rows:
            result.setdefault(row["report_id"], []).append(item_from_row(row))
        return result

    def batch_records(self, report_ids: Sequence[int]) -> list[BatchRecord]:
        """What the batch summary reads of these reports, in their order (see :mod:`batch_records`)."""
        records = read_batch_records(self._conn, report_ids)
        missing = next((report_id for report_id in report_ids if report_id not in records), None)
        if missing is not None:
            raise _missing("报告", missing)
        return [records[report_id] for report_id in report_ids]

    def report(self, report_id: int) -> StoredReport:
        row = self._conn.execute(
            "SELECT r.*, t.text, t.analysis FROM reports r JOIN report_texts t ON t.report_id = r.id WHERE r.id = ?",
            (report_id,),
        ).fetchone()
        if row is None:
            raise _missing("报告", report_id)
        conn = self._conn
        return StoredReport(
            id=row["id"],
            file_name=row["file_name"],
            source_path=row["source_path"],
            sha256=row["sha256"],
            format=row["format"],
            encoding=row["encoding"],
            imported_at=row["imported_at"],
            analysis=analysis_from_json(row["analysis"], row["text"]),
            _load_original=lambda: conn.execute(
                "SELECT data FROM report_files WHERE report_id = ?", (report_id,)
            ).fetchone()[0],
        )

    def delete_report(self, report_id: int) -> None:
        """Takes the report out of the list and the search; undo brings it back with its review work."""
        at = now()
        with write_transaction(self._db) as conn:
            self._require(conn, "reports", report_id, "报告")
            reports.set_deleted(conn, report_id, at)
            self._record(conn, report_id, "report", report_id, "delete", {"deleted_at": None}, {"deleted_at": at}, at=at)

    def reanalyze(self, report_id: int, progress: Progress | None = None) -> ReanalyzeResult:
        """Analyse the stored file again with this program's analyzer, keeping every decision whose
        item is found again; the rest stay stored, unanchored, and are listed. The pages of a scan are not
        recognized again: the recognized lines stored with the report are used (see :meth:`recognize_again`)."""
        known = self.report(report_id).analysis.recognized_pages
        return self._analyze_again(report_id, OcrOptions(known_pages=known, progress=progress))

    def recognize_again(self, report_id: int, progress: Progress | None = None) -> ReanalyzeResult:
        """Run text recognition on the stored scan again (重新识别: after an upgrade of the recognizer, say)
        and analyse the new text, keeping decisions as :meth:`reanalyze` does. ``progress(done, total)``
        is told of each recognized page."""
        return self._analyze_again(report_id, OcrOptions(progress=progress))

    def correct_recognized_line(self, report_id: int, page: int, line_index: int, text: str) -> ReanalyzeResult:
        """The reviewer's reading of a recognized line (line ``line_index`` of page ``page``) replaces the
        recognizer's, with full confidence; the report is analysed again on the corrected lines (nothing is
        recognized again), so its figures and checks follow, keeping decisions as :meth:`reanalyze` does."""
        pages = self.report(report_id).analysis.recognized_pages
        layout = next((p for p in pages if p.number == page), None)
        if layout is None or not 0 <= line_index < len(layout.lines) or not text.strip():
            raise WorkspaceError(f"报告 {report_id} 的第 {page} 页没有第 {line_index + 1} 行识别文字，或更正的文字为空。")
        line = layout.lines[line_index]
        line.text, line.confidence, line.char_confidences = text.strip(), 1.0, [1.0] * len(text.strip())
        line.char_edges = line.runner_ups = line.dropped_readings = line.seal_ink = None
        return self._analyze_again(report_id, OcrOptions(known_pages=pages))

    def _analyze_again(self, report_id: int, ocr: OcrOptions) -> ReanalyzeResult:
        stored = self._conn.execute(
            "SELECT r.file_name, r.analyzer_version, f.data FROM reports r JOIN report_files f ON f.report_id = r.id "
            "WHERE r.id = ?",
            (report_id,),
        ).fetchone()
        if stored is None:
            raise _missing("报告", report_id)
        from reviewer.analysis.pipeline import analyze_bytes

        analysis = analyze_bytes(stored["data"], stored["file_name"], ocr)
        drafts = build_items(analysis)
        at = now()
        with write_transaction(self._db) as conn:
            old_text = reports.stored_text(conn, report_id)
            kept, added = carry_within_report(conn, report_id, drafts, old_text, analysis.text)
            text_changed = analysis.text != old_text and reports.is_current(conn, report_id)
            if text_changed:
                search.remove(conn, report_id, old_text)
                search.add(conn, report_id, analysis.text)
                copies.remove(conn, report_id, old_text)
            conn.execute(
                "UPDATE report_texts SET text = ?, analysis = ? WHERE report_id = ?",
                (analysis.text, analysis_to_json(analysis), report_id),
            )
            columns = reports.metadata_columns(analysis) | {
                "analyzer_version": analysis.analyzer_version, "analyzed_at": at,
                "format": analysis.format, "encoding": analysis.encoding,
            }
            conn.execute(
                f"UPDATE reports SET {', '.join(f'{c} = ?' for c in columns)} WHERE id = ?",
                [*columns.values(), report_id],
            )
            if text_changed:
                copies.add(conn, report_id, analysis.text)
            self._record(conn, report_id, "report", report_id, "reanalyze",
                         {"analyzer_version": stored["analyzer_version"]},
                         {"analyzer_version": analysis.analyzer_version}, at=at)
            return ReanalyzeResult(report_id, stored["analyzer_version"], analysis.analyzer_version,
                                   kept, added, not_reanchored(conn, report_id))

    def reports_needing_reanalysis(self) -> list[int]:
        """Current reports analysed by an older analyzer than this program's."""
        current = _version_key(ANALYZER_VERSION)
        return [
            row["id"]
            for row in self._conn.execute(f"SELECT r.id, r.analyzer_version FROM reports r WHERE {CURRENT} ORDER BY r.id")
            if _version_key(row["analyzer_version"]) < current
        ]

    # --- review items --------------------------------------------------------------------------

    def items(self, report_id: int, kind: str | None = None, include_unanchored: bool = False) -> list[ReviewItem]:
        """Items in text order (items without a span last). Unanchored items (carried from an older
        text and not found again) only with ``include_unanchored``."""
        sql = "SELECT * FROM items WHERE report_id = ?"
        params: list[Any] = [report_id]
        if kind is not None:
            sql += " AND kind = ?"
            params.append(_checked(kind, ItemKind, "条目类型"))
        if not include_unanchored:
            sql += " AND anchored = 1"
        sql += " ORDER BY start IS NULL, start, ordinal, id"
        return [item_from_row(row) for row in self._conn.execute(sql, params)]

    def item(self, item_id: int) -> ReviewItem:
        row = self._conn.execute("SELECT * FROM items WHERE id = ?", (item_id,)).fetchone()
        if row is None:
            raise _missing("条目", item_id)
        return item_from_row(row)

    def set_item_state(
        self, item_id: int, state: str, corrected: ItemValues | Mapping[str, Any] | None = None
    ) -> ReviewItem:
        """``corrected`` (for the corrected state) holds the reviewer's values: values of the item's kind,
        or the fields that change (the others keep the current values). The machine's values never change."""
        state = _checked(state, ItemState, "审阅状态")
        at = now()
        with write_transaction(self._db) as conn:
            item = self.item(item_id)
            new_corrected: ItemValues | None
            if item.origin == Origin.MANUAL or state == ItemState.CORRECTED:
                if corrected is None and item.corrected is None:
                    raise WorkspaceError("标记为“已更正”时需要给出更正后的内容。")
                new_corrected = _corrected(item, corrected)
            else:
                new_corrected = None
            new = {"state": state, "corrected": None if new_corrected is None else to_stored(new_corrected),
                   "reviewer": self.reviewer_name, "updated_at": at}
            self._change(conn, item.report_id, "item", item_id, "set_state", new, at)
        return self.item(item_id)

    def decide_many(self, item_ids: Sequence[int], state: str) -> list[int]:
        """Accept, reject or reset (pending) many items of one report in one transaction, recorded as one
        history entry (one undo step). Items already in ``state`` are left alone; a manual item keeps its
        values. Returns the ids of the items changed, in the order given."""
        state = _checked(state, ItemState, "审阅状态")
        if state == ItemState.CORRECTED:
            raise WorkspaceError("更正需要逐项给出更正后的内容，不能成批进行。")
        at = now()
        with write_transaction(self._db) as conn:
            rows = [row for row in decisions.decision_rows(conn, item_ids) if row["state"] != state]
            if not rows:
                return []
            reports_of = {row["report_id"] for row in rows}
            if len(reports_of) > 1:
                raise WorkspaceError("成批审阅决定只能针对同一份报告的条目。")
            keys = [str(row["id"]) for row in rows]
            old = decisions.batch_snapshot(conn, keys)
            new: dict[str, Any] = {}
            for row, key in zip(rows, keys, strict=True):
                corrected = old[key]["corrected"] if row["origin"] == Origin.MANUAL else None
                new[key] = {"state": state, "corrected": corrected, "reviewer": self.reviewer_name, "updated_at": at}
            decisions.apply_batch(conn, new)
            self._record(conn, reports_of.pop(), decisions.BATCH_TARGET, None, "set_states", old, new, at=at)
        return [row["id"] for row in rows]

    def bulk_decided_items(self, report_id: int) -> set[int]:
        """Ids of the report's items whose current decision was made in bulk (:meth:`decide_many`)."""
        return decisions.bulk_decided(self._conn, report_id)

    def add_item(
        self, report_id: int, kind: str, start: int, end: int, values: ItemValues | Mapping[str, Any]
    ) -> ReviewItem:
        """An item the machine missed, from a selected span: origin manual, state accepted, its values
        (of the kind, or fields over the kind's defaults) in ``corrected`` (``machine`` is empty).
        A figure's ``text`` defaults to the span's text."""
        kind = _checked(kind, ItemKind, "条目类型")
        at = now()
        with write_transaction(self._db) as conn:
            self._require(conn, "reports", report_id, "报告")
            text = reports.stored_text(conn, report_id)
            _check_span(text, start, end)
            full = values_of_kind(kind, values)
            if isinstance(full, FigureValues) and not full.text:
                full = with_changes(full, {"text": text[start:end]})
            ordinal = conn.execute(
                "SELECT coalesce(max(ordinal), -1) + 1 FROM items WHERE report_id = ?", (report_id,)
            ).fetchone()[0]
            item_id = reports.insert_item(conn, {
                "report_id": report_id, "kind": kind, "origin": Origin.MANUAL,
                "key": manual_key(kind, full, text, start, end), "ordinal": ordinal, "machine": {},
                "corrected": to_stored(full), "state": ItemState.ACCEPTED, "start": start, "end": end, "anchored": 1,
                "reviewer": self.reviewer_name, "updated_at": at,
            })
            self._record(conn, report_id, "item", item_id, "add", None, history.snapshot(conn, "item", item_id), at=at)
        return self.item(item_id)

    def delete_item(self, item_id: int) -> None:
        """Manual items only: what the machine found stays, the reviewer rejects it instead."""
        with write_transaction(self._db) as conn:
            item = self.item(item_id)
            if item.origin != Origin.MANUAL:
                raise WorkspaceError("只能删除人工添加的条目；机器识别的条目请标记为“否决”。")
            self._change(conn, item.report_id, "item", item_id, "delete", None)

    # --- annotations ---------------------------------------------------------------------------

    def annotations(self, report_id: int) -> list[Annotation]:
        """All of them, unanchored ones included (``anchored`` False, no offsets), in text order."""
        rows = self._conn.execute(
            "SELECT * FROM annotations WHERE report_id = ? ORDER BY start IS NULL, start, id", (report_id,)
        )
        return [annotation_from_row(row) for row in rows]

    def annotation(self, annotation_id: int) -> Annotation:
        row = self._conn.execute("SELECT * FROM annotations WHERE id = ?", (annotation_id,)).fetchone()
        if row is None:
            raise _missing("批注", annotation_id)
        return annotation_from_row(row)

    def add_annotation(
        self,
        report_id: int,
        start: int | None,
        end: int | None,
        comment: str,
        tag: str = AnnotationTag.PROBLEM,
        severity: str = Severity.WARNING,
    ) -> Annotation:
        """On ``text[start:end]``, or on the whole report when start and end are None."""
        tag = _checked(tag, AnnotationTag, "批注标签")
        severity = _checked(severity, Severity, "严重程度")
        at = now()
        with write_transaction(self._db) as conn:
            self._require(conn, "reports", report_id, "报告")
            placed = _annotation_span(reports.stored_text(conn, report_id), start, end)
            cursor = conn.execute(
                'INSERT INTO annotations (report_id, start, "end", quote, prefix, suffix, comment, tag, severity, '
                "anchored, created_at, updated_at, author) VALUES (?,?,?,?,?,?,?,?,?,1,?,?,?)",
                (report_id, placed["start"], placed["end"], placed["quote"], placed["prefix"], placed["suffix"],
                 comment, tag, severity, at, at, self.reviewer_name),
            )
            annotation_id = inserted_id(cursor)
            new = history.snapshot(conn, "annotation", annotation_id)
            self._record(conn, report_id, "annotation", annotation_id, "add", None, new, at=at)
        return self.annotation(annotation_id)

    def update_annotation(self, annotation_id: int, **fields: Any) -> Annotation:
        """Any of comment, tag, severity, start, end. Giving start/end moves the annotation (and places
        an unanchored one again); None for both puts it on the whole report."""
        _check_fields(fields, ANNOTATION_EDITABLE)
        if "tag" in fields:
            fields["tag"] = _checked(fields["tag"], AnnotationTag, "批注标签")
        if "severity" in fields:
            fields["severity"] = _checked(fields["severity"], Severity, "严重程度")
        at = now()
        with write_transaction(self._db) as conn:
            current = self.annotation(annotation_id)
            changes = {k: v for k, v in fields.items() if k in ("comment", "tag", "severity")}
            if "start" in fields or "end" in fields:
                start = fields.get("start", current.start)
                end = fields.get("end", current.end)
                changes |= _annotation_span(reports.stored_text(conn, current.report_id), start, end)
                changes["anchored"] = 1
            changes["updated_at"] = at
            self._change(conn, current.report_id, "annotation", annotation_id, "update", changes, at)
        return self.annotation(annotation_id)

    def delete_annotation(self, annotation_id: int) -> None:
        with write_transaction(self._db) as conn:
            current = self.annotation(annotation_id)
            self._change(conn, current.report_id, "annotation", annotation_id, "delete", None)

    # --- per-report review ----------------------------------------------------------------------

    def review(self, report_id: int) -> ReportReview:
        row = self._conn.execute("SELECT * FROM reviews WHERE report_id = ?", (report_id,)).fetchone()
        if row is None:
            self._require(self._conn, "reports", report_id, "报告")
            return unstarted_review(report_id)
        return review_from_row(row)

    def set_review(self, report_id: int, **fields: Any) -> ReportReview:
        """Any of verdict (a :class:`Verdict` or None), remarks, status (a :class:`ReviewStatus`). The
        reviewer name is recorded; started_at is set by the first change, finished_at while reviewed."""
        _check_fields(fields, REVIEW_EDITABLE)
        if fields.get("verdict") is not None:
            fields["verdict"] = _checked(fields["verdict"], Verdict, "审阅结论")
        if "status" in fields:
            fields["status"] = _checked(fields["status"], ReviewStatus, "审阅进度")
        at = now()
        with write_transaction(self._db) as conn:
            current = self.review(report_id)
            status = fields.get("status", current.status)
            if "status" not in fields and status == ReviewStatus.UNREVIEWED and fields:
                status = ReviewStatus.IN_REVIEW
            new = dict(fields) | {
                "status": status,
                "reviewer": self.reviewer_name,
                "started_at": current.started_at or (at if status != ReviewStatus.UNREVIEWED else None),
                "finished_at": (current.finished_at or at) if status == ReviewStatus.REVIEWED else None,
                "updated_at": at,
            }
            conn.execute("INSERT OR IGNORE INTO reviews (report_id) VALUES (?)", (report_id,))
            self._change(conn, report_id, "review", report_id, "set", new, at)
        return self.review(report_id)

    # --- history, undo, redo ----------------------------------------------------------------------

    def history(self, report_id: int | None = None, limit: int | None = None) -> list[HistoryEntry]:
        """Newest first."""
        sql = "SELECT * FROM history"
        params: list[Any] = []
        if report_id is not None:
            sql += " WHERE report_id = ?"
            params.append(report_id)
        sql += " ORDER BY id DESC"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [history_from_row(row) for row in self._conn.execute(sql, params)]

    def undo(self, history_id: int) -> HistoryEntry:
        """Put back the state before change ``history_id``; recorded as a new "undo" row."""
        return self._reapply(history_id, before=True)

    def redo(self, history_id: int) -> HistoryEntry:
        """Apply change ``history_id`` again; recorded as a new "redo" row."""
        return self._reapply(history_id, before=False)

    def _reapply(self, history_id: int, before: bool) -> HistoryEntry:
        with write_transaction(self._db) as conn:
            change = history.entry(conn, history_id)
            if change.action in history.NOT_UNDOABLE:
                raise WorkspaceError("导入和重新分析不能撤销；如需去掉报告，请删除该报告。")
            target_values = change.old if before else change.new
            partial = change.old is not None and change.new is not None
            fields = list((change.old or change.new or {}).keys()) if partial else None
            current = self._snapshot(conn, change.target, change.target_id, fields)
            self._apply(conn, change.target, change.target_id, target_values)
            new_id = self._record(conn, change.report_id, change.target, change.target_id,
                                  "undo" if before else "redo", current, target_values)
            return history.entry(conn, new_id)

    def _snapshot(self, conn: sqlite3.Connection, target: str, target_id: int | None,
                  fields: list[str] | None) -> dict[str, Any] | None:
        if target == decisions.BATCH_TARGET:
            return decisions.batch_snapshot(conn, fields or [])
        if target == roster.ROSTER_TARGET:
            return roster.snapshot(conn, target_id)
        if target == "settings":
            rows = conn.execute("SELECT key, value FROM settings").fetchall()
            values = {key: value for key, value in rows}
            return {name: values.get(name) for name in fields or values}
        return history.snapshot(conn, target, target_id, fields)

    def _apply(self, conn: sqlite3.Connection, target: str, target_id: int | None,
               values: dict[str, Any] | None) -> None:
        if target == decisions.BATCH_TARGET:
            decisions.apply_batch(conn, values)
        elif target == roster.ROSTER_TARGET:
            roster.apply(conn, target_id, values)
        elif target == "settings":
            _write_settings(conn, values or {})
            self._reviewer_name = None
        elif target == "report":
            report_id = self._require(conn, "reports", target_id, "报告")
            reports.set_deleted(conn, report_id, (values or {}).get("deleted_at"))
        else:
            history.apply(conn, target, target_id, values)

    # --- rosters (报送名单) ------------------------------------------------------------------

    def roster_years(self) -> list[int]:
        """The years that have a roster, in order."""
        return roster.years(self._conn)

    def roster(self, year: int) -> list[RosterEntry]:
        """The year's roster in its order; [] when it has none."""
        return roster.entries(self._conn, roster.checked_year(year))

    def set_roster(self, year: int, units: Sequence[RosterUnit]) -> RosterEdit:
        """Make ``units`` the year's roster (a unit named twice is kept once); one history row, undoable."""
        return self._change_roster(year, lambda _current: roster.merged(year, [], units))

    def add_to_roster(self, year: int, units: Sequence[RosterUnit]) -> RosterEdit:
        """Append the ``units`` not on the year's roster yet; the others are reported as skipped."""
        return self._change_roster(year, lambda current: roster.merged(year, current, units))

    def remove_from_roster(self, year: int, unit_keys: Sequence[str]) -> RosterEdit:
        """Take the units of ``unit_keys`` (:attr:`RosterEntry.unit_key`) off the year's roster."""
        return self._change_roster(year, lambda current: roster.without(year, current, unit_keys))

    def roster_status(self, reports: Sequence[ReportSummary] | None = None) -> list[RosterStatus]:
        """Every year's roster matched to ``reports`` (default: every current report), in year order."""
        rosters = {year: roster.entries(self._conn, year) for year in roster.years(self._conn)}
        if not rosters:
            return []
        return roster_statuses(rosters, self.reports() if reports is None else reports)

    def _change_roster(self, year: int, change: Callable[[list[RosterEntry]], tuple[list[RosterUnit], RosterEdit]]
                       ) -> RosterEdit:
        year = roster.checked_year(year)
        with write_transaction(self._db) as conn:
            old = roster.snapshot(conn, year)
            listed, edit = change(roster.entries(conn, year))
            new = roster.snapshot_of(listed)
            if new == old:
                return edit
            roster.write(conn, year, listed)
            history_id = self._record(conn, None, roster.ROSTER_TARGET, year, "set", old, new)
        return dataclasses.replace(edit, history_id=history_id)

    # --- search ------------------------------------------------------------------------

    def copies(self, report_id: int) -> list[CopiedPassage]:
        """The copy findings this report takes part in, seen from it (its span first), in text order."""
        self._require(self._conn, "reports", report_id, "报告")
        return copied_passages(self._conn, report_id)

    def set_copy_state(self, finding_id: int, state: ItemState) -> CopiedPassage:
        """The reviewer's decision on a copy finding; it stays while the pair of reports does."""
        with write_transaction(self._db) as conn:
            self._require(conn, "copy_findings", finding_id, "相同段落")
            conn.execute("UPDATE copy_findings SET state = ?, reviewer = ?, updated_at = ? WHERE id = ?",
                         (_checked(state, ItemState, "状态"), self.reviewer_name, now(), finding_id))
            report_id = conn.execute("SELECT report_id FROM copy_findings WHERE id = ?", (finding_id,)).fetchone()[0]
        return next(c for c in copied_passages(self._conn, report_id) if c.id == finding_id)

    def search(self, query: str, limit: int = search.PAGE_SIZE, after: SearchHit | None = None) -> list[SearchHit]:
        """A page of hits: every whitespace-separated term of ``query`` must occur; newest report first,
        in text order within a report, starting after the hit ``after`` (the last of the page before);
        offsets into the cleaned text. What counts as a hit: :mod:`reviewer.workspace.search`."""
        return search.search(self._conn, query, limit=limit, after=after)

    def search_total(self, query: str, stop: Callable[[], bool] | None = None) -> SearchTotal | None:
        """All hits of ``query`` in all reports, counted exactly; None when ``stop()`` said to give up."""
        return search.total(self._conn, query, stop)

    # --- helpers ----------------------------------------------------------------------------------

    def _change(self, conn: sqlite3.Connection, report_id: int, target: str, target_id: int, action: str,
                values: dict[str, Any] | None, at: str | None = None) -> None:
        """Apply ``values`` to the row (None deletes it) and record the change with what it replaced:
        the same fields for an update, the whole row for a deletion."""
        old = history.snapshot(conn, target, target_id, list(values) if values is not None else None)
        history.apply(conn, target, target_id, values)
        self._record(conn, report_id, target, target_id, action, old, values, at=at)

    def _record(self, conn: sqlite3.Connection, report_id: int | None, target: str, target_id: int | None,
                action: str, old: dict[str, Any] | None, new: dict[str, Any] | None,
                at: str | None = None, who: str | None = None) -> int:
        at = at or now()
        history_id = history.record(conn, report_id, target, target_id, action, old, new,
                                    at, self.reviewer_name if who is None else who)
        self._last_change_id = history_id
        if target in REVIEW_WORK_TARGETS and report_id is not None:
            _mark_review_started(conn, report_id, at)
        return history_id

    @staticmethod
    def _require(conn: sqlite3.Connection, table: str, row_id: int | None, what: str) -> int:
        """``row_id`` when ``table`` has that row; WorkspaceError otherwise."""
        if row_id is None or conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (row_id,)).fetchone() is None:
            raise _missing(what, row_id)
        return row_id


REVIEW_WORK_TARGETS = frozenset({"item", decisions.BATCH_TARGET, "annotation"})
"""Changes that count as reviewing: the first one moves a report from unreviewed to in review."""


def _mark_review_started(conn: sqlite3.Connection, report_id: int, at: str) -> None:
    """A derived status, not a change of its own: undoing the decision leaves the review started."""
    conn.execute("INSERT OR IGNORE INTO reviews (report_id) VALUES (?)", (report_id,))
    conn.execute(
        "UPDATE reviews SET status = ?, started_at = coalesce(started_at, ?) WHERE report_id = ? AND status = ?",
        (ReviewStatus.IN_REVIEW, at, report_id, ReviewStatus.UNREVIEWED),
    )


def _open_checked(path: Path, holder: WorkspaceLock | None, read_only: bool, missing_is_error: bool,
                  deep: bool, defer: bool) -> tuple[sqlite_utils.Database, bool]:
    """The open database, and whether the deep check called for was deferred (still due)."""
    owner = holder is not None
    if owner:
        if finish_interrupted_restore(path) is False:
            raise WorkspaceCorrupt(path, "上次从备份恢复没有完成", sound_backups(path))
        remove_partial_copies(path)
    existed = path.exists() and path.stat().st_size > 0
    if not existed:
        backups = sound_backups(path)
        if backups:
            detail = "文件是空的（0 字节）" if path.exists() else "文件不存在"
            raise WorkspaceCorrupt(path, f"{detail}，而备份文件夹中有完好的备份", backups)
        if missing_is_error:
            raise WorkspaceError(f"工作区文件不存在：{path}")
    if existed and not _has_sqlite_header(path):
        backups = sound_backups(path)
        if backups:
            raise WorkspaceCorrupt(path, "文件头已损坏", backups)
        raise WorkspaceError(f"这个文件不是审阅工作区：{path}")
    if holder is not None:
        holder.lock_file_itself()
    try:
        db = connect(path, read_only=read_only)
    except sqlite3.DatabaseError as error:
        raise workspace_error(error, path) from error
    try:
        check_due = _check_opened(db, path, owner, read_only, deep=deep and existed and owner, defer=defer)
        if holder is not None:
            holder.lock_file_itself()
    except BaseException:
        db.close()
        raise
    return db, check_due


def _check_opened(db: sqlite_utils.Database, path: Path, owner: bool, read_only: bool, deep: bool,
                  defer: bool) -> bool:
    """Checks (deeply, unless deferred) and upgrades; True when the deep check was deferred."""
    try:
        conn = db.conn
        version = stored_version(conn)
        deferred = deep and defer and version == SCHEMA_VERSION
        problem = quick_check(conn) if deep and not deferred else None
        if problem is not None:
            raise WorkspaceCorrupt(path, problem, sound_backups(path))
        if not is_workspace(conn):
            raise WorkspaceError(f"这个数据库不是审阅工作区：{path}")
        if version > SCHEMA_VERSION:
            raise WorkspaceTooNew(path, version, SCHEMA_VERSION)
        if version < SCHEMA_VERSION:
            if not owner or read_only:
                raise WorkspaceError(f"工作区需要升级，请先在主程序中打开它（且文件须可写）：{path}")
            if version > 0:
                take_backup(conn, path, f"before-v{SCHEMA_VERSION}", history_mark(conn))
            upgrade(db)
    except sqlite3.DatabaseError as error:
        raise workspace_error(error, path) from error
    return deferred


def _cannot_write(path: Path) -> bool:
    """The file (or, for a new one, its folder) cannot be written by this program."""
    if path.exists():
        return not os.access(path, os.W_OK)
    parent = next((p for p in path.parents if p.exists()), None)
    return parent is not None and not os.access(parent, os.W_OK)


def _has_sqlite_header(path: Path) -> bool:
    with open(path, "rb") as handle:
        return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def _write_settings(conn: sqlite3.Connection, values: dict[str, Any]) -> None:
    for key, value in values.items():
        if value is None:
            conn.execute("DELETE FROM settings WHERE key = ?", (key,))
        else:
            conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) "
                         "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""


def _missing(what: str, row_id: Any) -> WorkspaceError:
    return WorkspaceError(f"找不到{what}（编号 {row_id}）。")


def _checked(value: str, vocabulary: type[Code], what: str) -> Code:
    """``value`` as a code of ``vocabulary``; ValueError naming the allowed codes otherwise."""
    code = parse(vocabulary, value)
    if code is None:
        raise ValueError(f"{what} must be one of {[c.value for c in vocabulary]}, not {value!r}")
    return code


def _corrected(item: ReviewItem, corrected: ItemValues | Mapping[str, Any] | None) -> ItemValues:
    """The reviewer's values of ``item`` after a correction (see :meth:`Workspace.set_item_state`)."""
    current = item.effective
    if corrected is None:
        return current
    if isinstance(corrected, Mapping):
        return with_changes(current, corrected)
    return values_of_kind(item.kind, corrected)


def _check_fields(fields: dict[str, Any], allowed: tuple[str, ...]) -> None:
    unknown = set(fields) - set(allowed)
    if unknown:
        raise ValueError(f"unknown fields {sorted(unknown)}; allowed: {allowed}")


def _check_span(text: str, start: int, end: int) -> None:
    if not (0 <= start <= end <= len(text)):
        raise ValueError(f"span {start}..{end} outside the text (0..{len(text)})")


def _annotation_span(text: str, start: int | None, end: int | None) -> dict[str, Any]:
    if start is None and end is None:
        return {"start": None, "end": None, "quote": "", "prefix": "", "suffix": ""}
    if start is None or end is None:
        raise ValueError("give both start and end, or neither (whole report)")
    _check_span(text, start, end)
    anchor = anchor_at(text, start, end)
    return {"start": start, "end": end, "quote": anchor.quote, "prefix": anchor.prefix, "suffix": anchor.suffix}


def _version_key(version: str | None) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", version or ""))
