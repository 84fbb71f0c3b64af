"""The copy index at scale: posting lists bounded (a passage in many reports saturates its keys, gives no finding
and stops growing the index), several reports indexed in one go as if one after the other, and reports a killed
import left pending indexed at the next open."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from reviewer.analysis.copies import keyed_passages
from reviewer.workspace import Workspace, copies, import_files
from reviewer.workspace.prepare import prepare_report
from tests.workspace.copy_reports import OWN_WORK, report_text

SHARED = "我们坚持把矛盾纠纷排查化解作为基层治理的基础性工作，每月召开一次社会矛盾风险研判会议，逐项明确责任人。"
PLACES = "东西南北中新金银石柳桃李杨梅青白红黄龙凤安平和兴华永昌宁远丰泰云山河湖海"


def _unit(number: int) -> str:
    return PLACES[number % len(PLACES)] + PLACES[number // len(PLACES)] + "镇"


def _write(folder: Path, reports: dict[str, str]) -> Path:
    folder.mkdir()
    for name, text in reports.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _count(path: Path, sql: str, *args: object) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute(sql, args).fetchone()[0])


def test_a_passage_in_more_reports_than_a_key_holds_gives_no_finding_and_stops_growing_the_index(tmp_path):
    first = {f"{n:02d}.txt": report_text(_unit(n), 2023, [SHARED]) for n in range(copies.POSTINGS_MAX + 2)}
    later = {f"{n:02d}.txt": report_text(_unit(n), 2023, [SHARED]) for n in range(40, 46)}
    path = tmp_path / "w.sqlite"
    [shared] = [k for k in keyed_passages(report_text(_unit(0), 2023, [SHARED]), _unit(0))
                if "矛盾纠纷" in k.passage.normalized]
    keys = ",".join(map(str, shared.keys))
    with Workspace.open(path) as ws:
        import_files(ws, [_write(tmp_path / "first", first)], workers=1)
        bands = _count(path, "SELECT count(*) FROM copy_bands")
        passages = _count(path, "SELECT count(*) FROM copy_passages")
        assert _count(path, f"SELECT count(*) FROM copy_saturated WHERE band_key IN ({keys})") == len(set(shared.keys))
        assert _count(path, f"SELECT max(n) FROM (SELECT count(*) AS n FROM copy_bands WHERE band_key IN ({keys}) "
                            "GROUP BY band_key)") == copies.POSTINGS_MAX
        import_files(ws, [_write(tmp_path / "later", later)], workers=1)
        assert len(ws.reports()) == len(first) + len(later)
        assert all(ws.copies(report.id) == [] for report in ws.reports())
    assert _count(path, "SELECT count(*) FROM copy_findings") == 0
    assert _count(path, "SELECT count(*) FROM copy_bands") == bands
    assert _count(path, "SELECT count(*) FROM copy_passages") == passages


def test_reports_indexed_in_one_batch_find_each_other_as_if_added_one_after_the_other(tmp_path):
    texts = [
        report_text("龙山镇", 2023, OWN_WORK["龙山镇"]),
        report_text("观海卫镇", 2024, [*OWN_WORK["观海卫镇"][:2], OWN_WORK["龙山镇"][1]]),
        report_text("掌起镇", 2024, [OWN_WORK["观海卫镇"][0], *OWN_WORK["掌起镇"][:2]]),
        report_text("附海镇", 2024, OWN_WORK["附海镇"]),
    ]
    units = ["龙山镇", "观海卫镇", "掌起镇", "附海镇"]
    findings = []
    for batched in (False, True):
        with Workspace.open(tmp_path / f"{batched}.sqlite") as ws:
            prepared = [prepare_report(text.encode("utf-8"), f"{unit}.txt") for unit, text in zip(units, texts)]
            ids = [ws.store_prepared(p, index_copies=not batched).report_id for p in prepared]
            if batched:
                assert ws.index_copies({i: p.copy_passages for i, p in zip(ids, prepared)}) == len(ids)
            findings.append(sorted((c.report_id, c.other_report_id, c.start, c.end, c.other_start, c.other_end,
                                    c.similarity) for i in ids for c in ws.copies(i) if c.on_this_report))
    assert findings[0] == findings[1]
    assert [(row[0], row[1]) for row in findings[1]] == [(2, 1), (3, 2)]


def test_reports_a_killed_import_left_pending_are_indexed_at_the_next_open(tmp_path):
    path = tmp_path / "w.sqlite"
    with Workspace.open(path) as ws:
        source = ws.store_prepared(prepare_report(report_text("龙山镇", 2023, OWN_WORK["龙山镇"]).encode("utf-8"),
                                                  "a.txt"), index_copies=False).report_id
        later = ws.store_prepared(prepare_report(report_text("长河镇", 2024, [*OWN_WORK["长河镇"][:2], OWN_WORK["龙山镇"][3]])
                                                 .encode("utf-8"), "b.txt"), index_copies=False).report_id
        assert ws.copies(later) == []  # the import is killed here, before its batch is indexed
    assert _count(path, "SELECT count(*) FROM copy_pending") == 2
    assert _count(path, "SELECT count(*) FROM copy_bands") == 0
    with Workspace.open(path) as ws:
        [finding] = ws.copies(later)
        assert finding.other_report_id == source and finding.on_this_report
    assert _count(path, "SELECT count(*) FROM copy_pending") == 0


def test_a_pending_report_deleted_before_its_batch_is_not_indexed(tmp_path):
    path = tmp_path / "w.sqlite"
    with Workspace.open(path) as ws:
        report_id = ws.store_prepared(prepare_report(report_text("龙山镇", 2023, OWN_WORK["龙山镇"]).encode("utf-8"),
                                                     "a.txt"), index_copies=False).report_id
        ws.delete_report(report_id)
        assert ws.index_copies() == 0
    assert _count(path, "SELECT count(*) FROM copy_pending") == 0
    assert _count(path, "SELECT count(*) FROM copy_passages") == 0
