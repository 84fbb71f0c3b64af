"""Killing the program at any moment loses at most the edit in flight and never corrupts the file."""
from __future__ import annotations

import random
import sqlite3
import subprocess
import sys
import time

import pytest

from reviewer.workspace import Workspace

KILLS = 30

EDITOR = """
import sys
from reviewer.workspace import Workspace
ws = Workspace.open(sys.argv[1])
report_id = ws.reports()[0].id
items = [item.id for item in ws.items(report_id, kind="figure")]  # "subject" corrections fit figures
states = ["accepted", "rejected", "corrected", "pending"]
print("ready", flush=True)
n = 0
while True:
    n += 1
    if n % 3 == 0:
        note = ws.add_annotation(report_id, n % 50, n % 50 + 5, f"批注{n}")
        print("annotation", note.id, flush=True)
    elif n % 3 == 1:
        ws.set_item_state(items[n % len(items)], states[n % 4], {"subject": f"更正{n}"} if n % 4 == 2 else None)
        print("history", ws.last_change_id, flush=True)
    else:
        ws.set_review(report_id, remarks=f"意见{n}")
        print("history", ws.last_change_id, flush=True)
"""


@pytest.mark.slow
def test_killed_editor_never_loses_a_committed_edit(ws_path, sample_files):
    with Workspace.open(ws_path) as ws:
        ws.import_file(sample_files[0])
    rng = random.Random(20261125)
    reported: dict[str, set[int]] = {"annotation": set(), "history": set()}
    for _ in range(KILLS):
        editor = subprocess.Popen([sys.executable, "-c", EDITOR, str(ws_path)], stdout=subprocess.PIPE)
        assert editor.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.01, 0.25))
        editor.kill()
        output, _ = editor.communicate()
        for line in output.decode("utf-8").splitlines(keepends=True):
            if line.endswith("\n"):
                kind, number = line.split()
                reported[kind].add(int(number))

        with Workspace.open(ws_path) as ws:
            conn = sqlite3.connect(ws_path)
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            history_ids = {row[0] for row in conn.execute("SELECT id FROM history")}
            annotation_ids = {row[0] for row in conn.execute("SELECT id FROM annotations")}
            conn.close()
            assert reported["history"] <= history_ids
            assert reported["annotation"] <= annotation_ids
            assert ws.search("法治")
    assert len(reported["history"]) + len(reported["annotation"]) > KILLS, "the editor got edits done"
