from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from types import SimpleNamespace

import pytest

from reviewer.analysis.copies import keyed_passages
from reviewer.workspace import SCHEMA_VERSION, RosterUnit, Workspace, WorkspaceError, WorkspaceTooNew, migrations
from reviewer.workspace.backup import list_backups
from tests.workspace.copy_reports import OWN_WORK, report_text
from tests.workspace.v1_workspace import build_v1_workspace


def test_version_1_file_is_upgraded_after_a_backup_with_its_data(ws_path, sample_files):
    counts = build_v1_workspace(ws_path, sample_files[:3])

    with Workspace.open(ws_path) as ws:
        summaries = ws.reports()
        assert len(summaries) == 3
        report_id = summaries[0].id
        assert ws.review(report_id).remarks == "旧版意见"
        assert ws.annotations(report_id)[0].comment == "旧版批注"
        assert [i.state for i in ws.items(report_id, kind="figure")][0] == "accepted"
        assert ws.history(report_id)[-1].who == "王五"
        text = ws.report(report_id).analysis.text
        hits = ws.search("法治政府")
        assert {h.report_id for h in hits} == {s.id for s in summaries}, "v2 built the search index from v1 texts"
        assert all(ws.report(h.report_id).analysis.text[h.start : h.end] == "法治政府" for h in hits)
        assert text

    conn = sqlite3.connect(ws_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    for table in ("reports", "items", "annotations", "reviews"):
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == counts[table]
    conn.close()

    before = [b for b in list_backups(ws_path) if b.reason == f"before-v{SCHEMA_VERSION}"]
    assert len(before) == 1
    backup = sqlite3.connect(before[0].path)
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 1
    assert backup.execute("SELECT count(*) FROM items").fetchone()[0] == counts["items"]
    backup.close()


def test_file_from_a_newer_program_is_refused(ws_path):
    Workspace.open(ws_path).close()
    conn = sqlite3.connect(ws_path)
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(WorkspaceTooNew) as caught:
        Workspace.open(ws_path)
    assert "更新版本" in caught.value.message
    Workspace.open(ws_path.with_name("other.sqlite")).close()  # the lock was released


def test_other_files_are_not_taken_for_a_workspace(tmp_path):
    text_file = tmp_path / "报告.txt"
    text_file.write_text("不是数据库", encoding="utf-8")
    with pytest.raises(WorkspaceError, match="不是审阅工作区"):
        Workspace.open(text_file)
    foreign = tmp_path / "other.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(WorkspaceError, match="不是审阅工作区"):
        Workspace.open(foreign)


def test_new_workspace_has_the_current_schema(ws, ws_path):
    conn = sqlite3.connect(ws_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"reports", "report_files", "report_texts", "items", "annotations", "reviews", "history",
            "settings", "search_index", "roster"} <= tables
    conn.close()


V6_REVIEWED = Path(__file__).parent / "fixtures" / "v6_reviewed.sqlite"


def test_version_6_file_gains_an_empty_roster_and_keeps_its_review_work(tmp_path):
    path = tmp_path / "v6.sqlite"
    shutil.copy(V6_REVIEWED, path)
    with Workspace.open(path) as ws:
        summaries = ws.reports()
        assert [(s.unit, s.report_year) for s in summaries] == [("青溪镇", 2023), ("明湖县司法局", 2022), ("白沙乡", 2018)]
        first = summaries[0].id
        assert ws.review(first).remarks == "请核对数据"
        assert ws.annotations(first)[0].comment == "标题请核对"
        assert [i.state for i in ws.items(first, kind="figure")][:2] == ["accepted", "corrected"]
        assert ws.reviewer_name == "王五"
        assert ws.roster_years() == [] and ws.roster_status() == []
        assert all(s.reporting is None for s in summaries)
        ws.set_roster(2023, [RosterUnit("青溪镇"), RosterUnit("白沙乡")])
        [status] = ws.roster_status()
        assert status.lines[0].report_ids == (first,) and [e.name for e in status.missing] == ["白沙乡"]
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("SELECT count(*) FROM roster").fetchone()[0] == 2
    conn.close()
    [before] = [b for b in list_backups(path) if b.reason == f"before-v{SCHEMA_VERSION}"]
    backup = sqlite3.connect(before.path)
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 6
    backup.close()


V5_COPIES = Path(__file__).parent / "fixtures" / "v5_copies.sqlite"
COPIED = "围绕古城墙保护和历史街区改造，镇政府聘请文物专家和律师组成论证小组，对拆迁补偿方案逐条进行合法性审查，确保程序公开透明"


def test_a_version_5_file_gets_the_copy_index_of_its_reports_with_its_review_work_kept(tmp_path):
    path = tmp_path / "v5.sqlite"
    shutil.copy(V5_COPIES, path)
    with Workspace.open(path) as ws:
        earlier, later = sorted(ws.reports(), key=lambda r: r.id)
        assert (earlier.file_name, later.file_name) == ("观海卫镇2022.txt", "掌起镇2023.txt")
        assert ws.review(later.id).verdict == "revise" and ws.review(later.id).remarks == "第一部分与观海卫镇雷同"
        assert [a.comment for a in ws.annotations(later.id)] == ["标题请核对"]
        assert ws.items(later.id, kind="figure")[0].state == "accepted"
        found = ws.copies(later.id)
        assert len(found) == 1
        passage = found[0]
        later_text, earlier_text = ws.report(later.id).analysis.text, ws.report(earlier.id).analysis.text
        assert passage.on_this_report and passage.other_report_id == earlier.id and passage.kind == "other_unit"
        assert COPIED in later_text[passage.start:passage.end]
        assert COPIED in earlier_text[passage.other_start:passage.other_end]
        assert [p.other_report_id for p in ws.copies(earlier.id)] == [later.id]
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()
    assert [b.reason for b in list_backups(path) if b.reason == f"before-v{SCHEMA_VERSION}"]


V7_COPIES = Path(__file__).parent / "fixtures" / "v7_copies.sqlite"


def test_a_version_7_file_gets_32_bit_band_keys_and_keeps_its_copy_findings_and_their_decisions(tmp_path):
    path = tmp_path / "v7.sqlite"
    shutil.copy(V7_COPIES, path)
    old = sqlite3.connect(path)
    old_bands = old.execute("SELECT count(*) FROM copy_bands").fetchone()[0]
    old.close()
    with Workspace.open(path) as ws:
        source, rejected, accepted, unrelated = sorted(ws.reports(), key=lambda r: r.id)
        [first] = ws.copies(rejected.id)
        assert (first.other_report_id, first.state, first.on_this_report) == (source.id, "rejected", True)
        [second] = ws.copies(accepted.id)
        assert (second.other_report_id, second.state) == (source.id, "accepted")
        assert ws.copies(unrelated.id) == [] and len(ws.copies(source.id)) == 2
        assert ws.review(rejected.id).remarks == "雷同段落已核实为引用"
        text = ws.report(source.id).analysis.text
        stored_keys = {key for k in keyed_passages(text, source.unit) for key in k.keys}
        later = ws.import_bytes(report_text("长河镇", 2024, [OWN_WORK["龙山镇"][2], *OWN_WORK["长河镇"][:2]])
                                .encode("utf-8"), "长河镇2024.txt").report_id
        [found] = ws.copies(later)  # the converted keys are those the program computes now
        assert found.other_report_id == source.id and found.similarity == 1.0
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    keys = {row[0] for row in conn.execute("SELECT band_key FROM copy_bands WHERE report_id = ?", (source.id,))}
    assert keys == stored_keys and all(-(1 << 31) <= key < 1 << 31 for key in keys)
    assert conn.execute("SELECT count(*) FROM copy_bands WHERE report_id != ?", (later,)).fetchone()[0] == old_bands
    assert conn.execute("SELECT count(*) FROM copy_saturated").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM copy_pending").fetchone()[0] == 0
    assert conn.execute("SELECT reviewer FROM copy_findings WHERE state = 'rejected'").fetchone()[0] == "王五"
    conn.close()


V8_TITLES = Path(__file__).parent / "fixtures" / "v8_titles.sqlite"


def test_a_version_8_file_indexes_again_the_reports_with_a_lost_title_bracket_and_keeps_their_decisions(tmp_path):
    path = tmp_path / "v8.sqlite"
    shutil.copy(V8_TITLES, path)
    old = sqlite3.connect(path)
    untouched = old.execute("SELECT band_key, report_id, ordinal FROM copy_bands WHERE report_id != 2 "
                            "ORDER BY 1, 2, 3").fetchall()
    old.close()
    with Workspace.open(path) as ws:
        source, copier, unrelated = sorted(ws.reports(), key=lambda r: r.id)
        verbatim, titled = ws.copies(copier.id)
        assert (verbatim.other_report_id, verbatim.state) == (source.id, "rejected")
        assert (titled.other_report_id, titled.state, titled.on_this_report) == (source.id, "pending", True)
        text = ws.report(copier.id).analysis.text
        assert text[titled.start:titled.end].startswith("镇政府组织机关干部集中学习")
        assert ws.copies(unrelated.id) == []
        stored_keys = {key for k in keyed_passages(text, copier.unit) for key in k.keys}
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    keys = {row[0] for row in conn.execute("SELECT band_key FROM copy_bands WHERE report_id = ?", (copier.id,))}
    assert keys == stored_keys  # the report's rows are those of today's passages, the others' untouched
    assert conn.execute("SELECT band_key, report_id, ordinal FROM copy_bands WHERE report_id != ? ORDER BY 1, 2, 3",
                        (copier.id,)).fetchall() == untouched
    assert conn.execute("SELECT count(*) FROM copy_pending").fetchone()[0] == 0
    assert conn.execute("SELECT reviewer FROM copy_findings WHERE state = 'rejected'").fetchone()[0] == "王五"
    conn.close()


def test_the_version_9_step_picks_the_texts_whose_passages_change():
    assert not migrations._v9_changes_passages("学习《宪法》和《民法典》，全年开展培训。")
    assert migrations._v9_changes_passages("学习宪法》和《民法典》。")
    assert migrations._v9_changes_passages("学习《中华人民共和国\n行政复议法》。")  # a title across a line break
    assert migrations._v9_changes_passages("学习《关于加强法治建设的意见。通知》。")  # across a sentence end


def test_the_version_8_step_keeps_the_earliest_32_postings_of_a_fuller_key_and_saturates_it():
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE reports (id INTEGER PRIMARY KEY, superseded_by INTEGER, deleted_at TEXT)")
    for statement in migrations.SCHEMA_V6.split(";"):
        conn.execute(statement)
    full, single = (5 << 40) + 7, (9 << 50) + 3  # 63-bit keys of schema 7
    conn.executemany("INSERT INTO reports (id) VALUES (?)", [(r,) for r in range(1, 42)])
    conn.executemany("INSERT INTO copy_passages VALUES (?, 0, 0, 40)", [(r,) for r in range(1, 42)])
    conn.executemany("INSERT INTO copy_bands VALUES (?, ?, 0)", [(full, r) for r in range(40, 0, -1)] + [(single, 41)])
    migrations._to_v8(SimpleNamespace(conn=conn))
    new_full, new_single = (full >> 31) - (1 << 31), (single >> 31) - (1 << 31)
    assert conn.execute("SELECT report_id FROM copy_bands WHERE band_key = ? ORDER BY report_id",
                        (new_full,)).fetchall() == [(r,) for r in range(1, 33)]
    assert conn.execute("SELECT band_key, report_id FROM copy_bands WHERE band_key != ?", (new_full,)).fetchall() == [
        (new_single, 41)]
    assert conn.execute("SELECT band_key FROM copy_saturated").fetchall() == [(new_full,)]
    assert conn.execute("SELECT count(*) FROM copy_pending").fetchone()[0] == 0
