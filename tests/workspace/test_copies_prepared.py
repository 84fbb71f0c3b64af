"""The copy index of a bulk import is computed in the analysis worker processes and carried to the writer
in the prepared report: the findings are the same as when the writer indexes the reports itself."""
from __future__ import annotations

import random
import sqlite3
from pathlib import Path

from reviewer.workspace import Workspace, copies, import_files
from tests.workspace.copy_reports import OWN_WORK, report_text

FINDING_COLUMNS = 'report_id, start, "end", other_report_id, other_start, other_end, similarity, kind'


def _edited(sentence: str, seed: int) -> str:
    chars = list(sentence)
    rng = random.Random(seed)
    positions = [i for i, c in enumerate(chars) if "\u4e00" <= c <= "\u9fff"]
    for i in rng.sample(positions, round(len(chars) * 0.15)):
        chars[i] = "甲乙丙丁戊己庚辛壬癸"[rng.randrange(10)]
    return "".join(chars)


def _write_reports(folder: Path) -> None:
    """Imported in name order: a verbatim copy, an edited copy of a report imported after it, a copy of
    the unit's own previous year under its full name, and a paragraph with the unit renamed and a number changed."""
    folder.mkdir()
    named = "龙山镇党委书记" + OWN_WORK["龙山镇"][0][len("镇党委书记"):]
    renamed = "长河镇党委书记" + OWN_WORK["龙山镇"][0][len("镇党委书记"):].replace("7次", "12次")
    reports = {
        "a.txt": report_text("龙山镇", 2023, [named, *OWN_WORK["龙山镇"][1:]]),
        "b.txt": report_text("观海卫镇", 2024, [*OWN_WORK["观海卫镇"][:2], OWN_WORK["龙山镇"][1]]),
        "c.txt": report_text("附海镇", 2023, [_edited(s, seed) for seed, s in enumerate(OWN_WORK["掌起镇"])]),
        "d.txt": report_text("掌起镇", 2022, OWN_WORK["掌起镇"]),
        "e.txt": report_text("龙山镇", 2024, [OWN_WORK["龙山镇"][2], *OWN_WORK["长河镇"][:2]],
                             full_unit="慈溪市龙山镇人民政府"),
        "f.txt": report_text("长河镇", 2023, [renamed, *OWN_WORK["长河镇"][2:]]),
    }
    for name, text in reports.items():
        (folder / name).write_text(text, encoding="utf-8")


def _findings(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute(f"SELECT {FINDING_COLUMNS} FROM copy_findings ORDER BY report_id, start").fetchall()


def _indexed_again_in_process(path: Path) -> None:
    """The copy index emptied and rebuilt by the writer alone, report by report in id order."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    for table in ("copy_findings", "copy_bands", "copy_passages"):
        conn.execute(f"DELETE FROM {table}")
    for report_id, text in conn.execute(
            "SELECT r.id, t.text FROM reports r JOIN report_texts t ON t.report_id = r.id ORDER BY r.id").fetchall():
        copies.add(conn, report_id, text)
    conn.execute("COMMIT")
    conn.close()


def test_reports_analysed_in_worker_processes_get_the_copy_findings_of_reports_indexed_by_the_writer(tmp_path):
    _write_reports(tmp_path / "reports")
    path = tmp_path / "w.sqlite"
    with Workspace.open(path) as ws:
        results = import_files(ws, [tmp_path / "reports"], workers=2)
        assert [outcome.status for _path, outcome in results] == ["new"] * 6
    imported = _findings(path)
    _indexed_again_in_process(path)
    assert _findings(path) == imported
    assert sorted((row[0], row[3], row[7]) for row in imported) == [
        (2, 1, "other_unit"), (3, 4, "other_unit"), (5, 1, "own_previous"), (6, 1, "other_unit")]
