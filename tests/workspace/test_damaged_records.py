"""Damage inside records (bytes flipped that SQLite's page checks do not see) is reported as
WorkspaceCorrupt with a Chinese message, never as a raw sqlite3, JSON or Unicode error."""
from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
import sys

import pytest

from reviewer.workspace import Workspace, WorkspaceCorrupt, WorkspaceError, export_json


@pytest.fixture
def pristine(tmp_path, samples_dir):
    path = tmp_path / "原样.sqlite"
    with Workspace.open(path, backup=False) as ws:
        for sample in sorted(samples_dir.glob("*.txt"))[:2]:
            report_id = ws.import_file(sample).report_id
            ws.add_annotation(report_id, 0, 4, "批注")
            ws.set_review(report_id, verdict="pass", remarks="意见")
    return path


def read_everything(ws: Workspace) -> None:
    for summary in ws.reports():
        ws.report(summary.id)
        ws.items(summary.id, include_unanchored=True)
        ws.annotations(summary.id)
        ws.review(summary.id)
    ws.history()
    ws.search("法治")
    export_json(ws)


def flipped_copy(pristine, target, chance: random.Random, flips: int) -> None:
    shutil.copyfile(pristine, target)
    data = bytearray(target.read_bytes())
    for _ in range(flips):
        offset = chance.randrange(len(data))
        data[offset] ^= 1 << chance.randrange(8)
    target.write_bytes(bytes(data))


def test_random_byte_flips_raise_only_workspace_errors(pristine, tmp_path):
    chance = random.Random(2026)
    corrupt_seen = 0
    for run in range(60):
        target = tmp_path / f"flipped-{run}.sqlite"
        flipped_copy(pristine, target, chance, flips=8)
        try:
            with Workspace.open(target, backup=False) as ws:
                read_everything(ws)
        except WorkspaceCorrupt as error:
            corrupt_seen += 1
            assert "损坏" in error.message
        except WorkspaceError as error:
            assert error.message
    assert corrupt_seen > 0


def test_damaged_analysis_record_is_workspace_corrupt_in_the_cli(pristine, tmp_path):
    target = tmp_path / "工作区.sqlite"
    shutil.copyfile(pristine, target)
    with Workspace.open(target, backup=False) as ws:
        report_id = ws.reports()[0].id
    conn = sqlite3.connect(target)
    conn.execute("UPDATE report_texts SET analysis = CAST(x'7b22ff' AS TEXT) WHERE report_id = ?", (report_id,))
    conn.commit()
    conn.close()
    with Workspace.open(target, backup=False) as ws, pytest.raises(WorkspaceCorrupt):
        ws.report(report_id)
    result = subprocess.run([sys.executable, "-m", "reviewer", "export", str(target)], capture_output=True,
                            text=True, encoding="utf-8", timeout=120,
                            env=os.environ | {"PYTHONIOENCODING": "utf-8"})
    assert result.returncode == 1
    assert "损坏" in result.stderr and "Traceback" not in result.stderr


def test_damaged_analysis_json_is_workspace_corrupt_for_the_batch_reading(pristine, tmp_path):
    target = tmp_path / "工作区.sqlite"
    shutil.copyfile(pristine, target)
    conn = sqlite3.connect(target)
    conn.execute("UPDATE report_texts SET analysis = substr(analysis, 1, 40) WHERE report_id = "
                 "(SELECT min(report_id) FROM report_texts)")
    conn.commit()
    conn.close()
    with Workspace.open(target, backup=False) as ws, pytest.raises(WorkspaceCorrupt, match="损坏"):
        ws.batch_records([summary.id for summary in ws.reports()])
