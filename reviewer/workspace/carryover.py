"""Keeping review work when the text or the analysis of a report changes.

Two cases, both inside the caller's write transaction:

- a new version of a report was imported (:func:`carry_to_new_version`): the old report stays stored
  as it was; its decisions, manual items, annotations and review are copied onto the new report;
- a stored report was analysed again by a newer analyzer (:func:`carry_within_report`): the rows
  are updated in place, so their ids (and the history pointing at them) stay valid.

Decisions follow matched items (:func:`reviewer.workspace.items.match_items`); manual items and
annotations are re-anchored by quote and context (:mod:`reviewer.workspace.reanchor`). What cannot be
placed is kept with ``anchored = 0`` and no offsets, and listed: nothing is dropped. Pending machine
items that no longer match are the only rows removed, because they hold no review work.
"""
from __future__ import annotations

import sqlite3
from typing import Any

from reviewer.vocabulary import (
    ItemKind,
    ItemState,
    MetadataField,
    Origin,
    RequiredPartCode,
    ReviewStatus,
    label,
    label_of,
)
from reviewer.workspace.db import from_json, to_json
from reviewer.workspace.items import ItemDraft, identity, match_items
from reviewer.workspace.model import CarryOver, NotReanchored
from reviewer.workspace.reanchor import Anchor, TextMap, anchor_at, relocate
from reviewer.workspace.reports import insert_item
from reviewer.workspace.rows import annotation_from_row, item_from_row
from reviewer.workspace.values import (
    FigureValues,
    FindingValues,
    ItemValues,
    MetadataValues,
    RequiredValues,
    SectionValues,
    confirmed_changed,
    from_stored,
    to_stored,
)


def carry_to_new_version(
    conn: sqlite3.Connection,
    old_id: int,
    new_id: int,
    drafts: list[ItemDraft],
    draft_ids: list[int],
    old_text: str,
    new_text: str,
) -> CarryOver:
    """Copies the old report's review work onto the new one and says what became of it."""
    text_map = TextMap(old_text, new_text)
    rows = conn.execute("SELECT * FROM items WHERE report_id = ? ORDER BY id", (old_id,)).fetchall()
    decided = [r for r in rows if r["origin"] == Origin.MACHINE and r["anchored"] and r["state"] != ItemState.PENDING]
    matches = match_items([item_from_row(r) for r in decided], drafts, text_map)
    carried = reanchored = left = 0
    for i, row in enumerate(decided):
        if i in matches:
            j = matches[i]
            decision = _carried_decision(row, drafts[j].machine)
            assignments = ", ".join(f"{name} = ?" for name in decision)
            conn.execute(f"UPDATE items SET {assignments} WHERE id = ?", [*decision.values(), draft_ids[j]])
            carried += 1
        else:
            insert_item(conn, _copy(row, new_id, anchored=False))
            left += 1
    for row in rows:
        if row["origin"] == Origin.MANUAL and row["anchored"]:
            span = _relocated_item_span(row, old_text, text_map)
            insert_item(conn, _copy(row, new_id, anchored=span is not None, span=span, text=new_text))
            if span is None:
                left += 1
            else:
                reanchored += 1
        elif not row["anchored"]:
            insert_item(conn, _copy(row, new_id, anchored=False))
            left += 1
    for row in conn.execute("SELECT * FROM annotations WHERE report_id = ? ORDER BY id", (old_id,)).fetchall():
        values = {k: row[k] for k in row.keys() if k != "id"} | {"report_id": new_id}
        values |= _relocated_annotation(row, text_map)
        columns = ", ".join(f"[{k}]" for k in values)
        conn.execute(f"INSERT INTO annotations ({columns}) VALUES ({', '.join('?' * len(values))})", list(values.values()))
        if not values["anchored"]:
            left += 1
        elif row["start"] is None:
            carried += 1
        else:
            reanchored += 1
    review = conn.execute("SELECT * FROM reviews WHERE report_id = ?", (old_id,)).fetchone()
    if review is not None:
        status = ReviewStatus.IN_REVIEW if review["status"] == ReviewStatus.REVIEWED else review["status"]
        conn.execute(
            "UPDATE reviews SET verdict = ?, remarks = ?, reviewer = ?, status = ?, started_at = ?, updated_at = ? "
            "WHERE report_id = ?",
            (review["verdict"], review["remarks"], review["reviewer"], status, review["started_at"],
             review["updated_at"], new_id),
        )
    return CarryOver(carried=carried, reanchored=reanchored, left_for_review=left)


def carry_within_report(
    conn: sqlite3.Connection,
    report_id: int,
    drafts: list[ItemDraft],
    old_text: str,
    new_text: str,
) -> tuple[int, int]:
    """Re-points the report's items at a new analysis. Returns (decisions kept, items added)."""
    text_map = TextMap(old_text, new_text)
    rows = conn.execute("SELECT * FROM items WHERE report_id = ? ORDER BY id", (report_id,)).fetchall()
    machine = [r for r in rows if r["origin"] == Origin.MACHINE and r["anchored"]]
    matches = match_items([item_from_row(r) for r in machine], drafts, text_map)
    kept = 0
    for i, row in enumerate(machine):
        if i in matches:
            draft = drafts[matches[i]]
            values: dict[str, Any] = {"key": draft.key, "ordinal": draft.ordinal, "machine": draft.machine_json,
                                      "start": draft.start, "end": draft.end}
            if row["state"] != ItemState.PENDING:
                kept += 1
                values |= _carried_decision(row, draft.machine)
            assignments = ", ".join(f"[{name}] = ?" for name in values)
            conn.execute(f"UPDATE items SET {assignments} WHERE id = ?", [*values.values(), row["id"]])
        elif row["state"] == ItemState.PENDING:
            conn.execute("DELETE FROM items WHERE id = ?", (row["id"],))
        else:
            conn.execute('UPDATE items SET anchored = 0, start = NULL, "end" = NULL WHERE id = ?', (row["id"],))
    matched_drafts = set(matches.values())
    added = [d for j, d in enumerate(drafts) if j not in matched_drafts]
    for draft in added:
        insert_item(conn, {"report_id": report_id, "kind": draft.kind, "origin": Origin.MACHINE, "key": draft.key,
                           "ordinal": draft.ordinal, "machine": to_stored(draft.machine), "state": ItemState.PENDING,
                           "start": draft.start, "end": draft.end, "anchored": 1})
    if not text_map.identical:
        for row in rows:
            if row["origin"] == Origin.MANUAL and row["anchored"]:
                span = _relocated_item_span(row, old_text, text_map)
                values = _placed_item(row, span, new_text)
                assignments = ", ".join(f"[{name}] = ?" for name in values)
                conn.execute(f"UPDATE items SET {assignments} WHERE id = ?", [*values.values(), row["id"]])
        for row in conn.execute("SELECT * FROM annotations WHERE report_id = ?", (report_id,)).fetchall():
            values = _relocated_annotation(row, text_map)
            assignments = ", ".join(f"[{name}] = ?" for name in values)
            conn.execute(f"UPDATE annotations SET {assignments} WHERE id = ?", [*values.values(), row["id"]])
    return kept, len(added)


def not_reanchored(conn: sqlite3.Connection, report_id: int) -> list[NotReanchored]:
    """Everything on the report kept without a place in its text."""
    result = []
    for row in conn.execute("SELECT * FROM items WHERE report_id = ? AND anchored = 0 ORDER BY id", (report_id,)):
        item = item_from_row(row)
        values = item.effective
        result.append(NotReanchored("item", item.id, item.kind, _quoted(values), _item_label(values)))
    for row in conn.execute("SELECT * FROM annotations WHERE report_id = ? AND anchored = 0 ORDER BY id", (report_id,)):
        annotation = annotation_from_row(row)
        result.append(NotReanchored("annotation", annotation.id, "annotation", annotation.quote, annotation.comment))
    return result


def _quoted(values: ItemValues) -> str:
    """The text an item stood for."""
    if isinstance(values, FigureValues):
        return values.text
    if isinstance(values, SectionValues):
        return values.title
    if isinstance(values, FindingValues):
        return values.message
    if isinstance(values, MetadataValues):
        return "" if values.value is None else str(values.value)
    return ""


def _item_label(values: ItemValues) -> str:
    if isinstance(values, FigureValues):
        return f"{label(ItemKind.FIGURE)} {values.text}"
    if isinstance(values, SectionValues):
        return f"{label(ItemKind.SECTION)} {values.num} {values.title}"
    if isinstance(values, FindingValues):
        return f"{label(ItemKind.FINDING)} {values.message}"
    if isinstance(values, MetadataValues):
        return f"{label_of(MetadataField, values.field)}：{'' if values.value is None else values.value}"
    assert isinstance(values, RequiredValues)
    return f"{label(ItemKind.REQUIRED)} {label_of(RequiredPartCode, values.code)}"


def _carried_decision(row: sqlite3.Row, new_machine: ItemValues) -> dict[str, Any]:
    """The old decision for the matched new item. Values the reviewer accepted that the machine no
    longer gives become the reviewer's correction, so accepting never silently changes meaning."""
    old_machine = from_stored(row["kind"], from_json(row["machine"]))
    state, corrected = row["state"], from_stored(row["kind"], from_json(row["corrected"]))
    if state == ItemState.ACCEPTED and old_machine is not None and confirmed_changed(old_machine, new_machine):
        state, corrected = ItemState.CORRECTED, old_machine
    return {"state": state, "corrected": None if corrected is None else to_json(to_stored(corrected)),
            "reviewer": row["reviewer"], "updated_at": row["updated_at"]}


def _relocated_item_span(row: sqlite3.Row, old_text: str, text_map: TextMap) -> tuple[int, int] | None:
    if row["start"] is None or row["end"] is None:
        return None
    return relocate(anchor_at(old_text, row["start"], row["end"]), text_map)


def _placed_item(row: sqlite3.Row, span: tuple[int, int] | None, new_text: str) -> dict[str, Any]:
    if span is None:
        return {"anchored": 0, "start": None, "end": None}
    values = from_stored(row["kind"], from_json(row["corrected"]) or from_json(row["machine"]))
    key = identity(row["kind"], values, new_text, span[0], span[1]) + "#manual" if values else row["key"]
    return {"anchored": 1, "start": span[0], "end": span[1], "key": key}


def _copy(
    row: sqlite3.Row, report_id: int, anchored: bool, span: tuple[int, int] | None = None, text: str = ""
) -> dict[str, Any]:
    values = {k: row[k] for k in row.keys() if k != "id"}
    values |= {"report_id": report_id, "machine": from_json(row["machine"]), "corrected": from_json(row["corrected"])}
    if anchored and span is not None:
        values |= _placed_item(row, span, text)
    else:
        values |= {"anchored": 0, "start": None, "end": None}
    return values


def _relocated_annotation(row: sqlite3.Row, text_map: TextMap) -> dict[str, Any]:
    """New position and context of an annotation; whole-report and already unanchored ones stay as they are."""
    if not row["anchored"] or row["start"] is None or row["end"] is None:
        return {}
    anchor = Anchor(row["start"], row["end"], row["quote"], row["prefix"], row["suffix"])
    span = relocate(anchor, text_map)
    if span is None:
        return {"anchored": 0, "start": None, "end": None}
    placed = anchor_at(text_map.new, *span)
    return {"start": span[0], "end": span[1], "quote": placed.quote, "prefix": placed.prefix, "suffix": placed.suffix}
