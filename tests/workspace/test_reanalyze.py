"""Re-running the analyzer keeps every reviewer decision whose item is found again."""
from __future__ import annotations

import json
import sqlite3

import pytest

from reviewer.analysis import ANALYZER_VERSION
from reviewer.workspace.values import to_stored


def as_older_analyzer(ws_path, sql: str, params=()) -> None:
    """Change stored rows the way an older analyzer's output would differ."""
    conn = sqlite3.connect(ws_path)
    conn.execute(sql, params)
    conn.commit()
    conn.close()


@pytest.fixture
def decided(ws, ws_path, sample_files):
    report_id = ws.import_file(sample_files[3]).report_id
    figures = ws.items(report_id, kind="figure")
    accepted, corrected, narrowed, missed = figures[0], figures[1], figures[2], figures[3]
    ws.set_item_state(accepted.id, "accepted")
    ws.set_item_state(corrected.id, "corrected", {"subject": "人工更正"})
    ws.set_item_state(narrowed.id, "rejected")
    unit = next(i for i in ws.items(report_id, kind="metadata") if i.machine.field == "unit")
    ws.set_item_state(unit.id, "corrected", {"value": "东莞市常平镇"})
    required = ws.items(report_id, kind="required")[0]
    ws.set_item_state(required.id, "accepted")
    as_older_analyzer(ws_path, "UPDATE reports SET analyzer_version = '0' WHERE id = ?", (report_id,))
    # the old analyzer left the last character out of the third figure, and missed the fourth one
    old_machine = to_stored(narrowed.machine) | {"text": narrowed.machine.text[:-1]}
    as_older_analyzer(ws_path, 'UPDATE items SET "end" = "end" - 1, machine = ?, key = ? WHERE id = ?',
                      (json.dumps(old_machine, ensure_ascii=False), f"figure:{old_machine['text']}#0", narrowed.id))
    as_older_analyzer(ws_path, "DELETE FROM items WHERE id = ?", (missed.id,))
    # and it reported a figure, since accepted by the reviewer, that the current analyzer does not see
    ghost = to_stored(accepted.machine) | {"text": "999件", "value": 999}
    as_older_analyzer(
        ws_path,
        "INSERT INTO items (report_id, kind, origin, key, ordinal, machine, state, start, \"end\", reviewer) "
        "VALUES (?, 'figure', 'machine', 'figure:999件#0', 999, ?, 'accepted', 0, 4, '王五')",
        (report_id, json.dumps(ghost, ensure_ascii=False)),
    )
    return report_id, accepted, corrected, narrowed, missed, unit, required


def test_reanalysis_keeps_decisions_on_items_found_again(ws, decided):
    report_id, accepted, corrected, narrowed, missed, unit, required = decided
    assert ws.reports_needing_reanalysis() == [report_id]

    result = ws.reanalyze(report_id)

    assert (result.old_analyzer_version, result.new_analyzer_version) == ("0", ANALYZER_VERSION)
    assert result.kept_decisions == 5
    assert result.new_items == 1
    assert [(n.target, n.kind, n.quote) for n in result.not_reanchored] == [("item", "figure", "999件")]
    assert ws.reports_needing_reanalysis() == []
    after = {i.id: i for i in ws.items(report_id)}
    assert after[accepted.id].state == "accepted"
    assert after[corrected.id].state == "corrected" and after[corrected.id].corrected.subject == "人工更正"
    assert after[narrowed.id].state == "rejected"
    assert (after[narrowed.id].start, after[narrowed.id].machine) == (narrowed.start, narrowed.machine)
    assert after[unit.id].corrected.value == "东莞市常平镇"
    assert after[required.id].state == "accepted"
    found_again = [i for i in after.values() if i.key == missed.key]
    assert len(found_again) == 1 and found_again[0].state == "pending"
    assert ws.reports()[0].unit == "东莞市常平镇", "the list shows the reviewer's correction"
    ghost = [i for i in ws.items(report_id, include_unanchored=True) if not i.anchored]
    assert [(i.machine.text, i.state, i.start) for i in ghost] == [("999件", "accepted", None)]


def test_accepted_values_the_analyzer_now_reads_differently_become_the_correction(ws, ws_path, sample_files):
    report_id = ws.import_file(sample_files[2]).report_id
    figure = ws.items(report_id, kind="figure")[0]
    ws.set_item_state(figure.id, "accepted")
    older = to_stored(figure.machine) | {"subject": "旧分析器的统计对象"}
    as_older_analyzer(ws_path, "UPDATE items SET machine = ? WHERE id = ?", (json.dumps(older, ensure_ascii=False), figure.id))

    ws.reanalyze(report_id)

    item = ws.item(figure.id)
    assert item.machine == figure.machine
    assert item.state == "corrected" and item.effective.subject == "旧分析器的统计对象"
