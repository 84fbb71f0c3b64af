from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reviewer.analysis import LoadError
from reviewer.vocabulary import ReviewStatus
from reviewer.workspace import ImportResult, Workspace, import_files


def count(path: Path, table: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def test_importing_the_same_file_twice_stores_it_once(ws, ws_path, sample_files):
    first = ws.import_file(sample_files[0])
    second = ws.import_file(sample_files[0])
    copy_elsewhere = ws.import_bytes(sample_files[0].read_bytes(), "另一个名字.txt")
    assert first.status == "new"
    assert second == ImportResult(first.report_id, "duplicate")
    assert copy_elsewhere.status == "duplicate" and copy_elsewhere.report_id == first.report_id
    assert [r.id for r in ws.reports()] == [first.report_id]
    assert count(ws_path, "reports") == 1
    assert count(ws_path, "report_files") == 1


def test_import_keeps_bytes_text_and_analysis(ws, sample_files):
    path = sample_files[2]
    result = ws.import_file(path)
    stored = ws.report(result.report_id)
    assert stored.original == path.read_bytes()
    assert stored.file_name == path.name
    assert stored.source_path == str(path.absolute())
    assert stored.format == "txt"
    assert len(stored.sha256) == 64
    assert stored.analysis.figures, "the sample states figures"
    for figure in stored.analysis.figures:
        assert stored.analysis.text[figure.start : figure.end] == figure.text
    summary = ws.reports()[0]
    assert summary.unit == stored.analysis.metadata.unit
    assert summary.report_year == stored.analysis.metadata.report_year
    assert summary.status == ReviewStatus.UNREVIEWED
    assert summary.pending_items == sum(1 for item in ws.items(result.report_id)
                                        if item.kind in ("figure", "finding", "required"))


def test_every_extracted_thing_becomes_a_pending_review_item(ws, sample_files):
    result = ws.import_file(sample_files[3])
    analysis = ws.report(result.report_id).analysis
    items = ws.items(result.report_id)
    by_kind = {kind: [i for i in items if i.kind == kind] for kind in ("section", "figure", "finding", "metadata", "required")}
    assert len(by_kind["figure"]) == len(analysis.figures)
    assert len(by_kind["section"]) == len(analysis.sections)
    assert len(by_kind["finding"]) == len(analysis.findings)
    assert {i.machine.code for i in by_kind["required"]} == set(analysis.required)
    assert {i.machine.field for i in by_kind["metadata"]} >= {"title", "unit", "report_year", "publish_date"}
    assert all(i.state == "pending" and i.origin == "machine" and i.corrected is None for i in items)
    for item, figure in zip(sorted(by_kind["figure"], key=lambda i: i.start), analysis.figures):
        assert (item.start, item.end, item.machine.text) == (figure.start, figure.end, figure.text)
    assert len({i.key for i in items}) == len(items)


def test_unreadable_file_raises_load_error_with_chinese_message(ws, tmp_path):
    empty = tmp_path / "空.txt"
    empty.write_bytes(b"")
    with pytest.raises(LoadError) as caught:
        ws.import_file(empty)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in caught.value.message)
    missing = tmp_path / "不存在.txt"
    with pytest.raises(LoadError):
        ws.import_file(missing)
    assert ws.reports() == []


def test_bulk_import_of_a_folder_reports_each_file(ws, tmp_path, sample_files):
    folder = tmp_path / "报告"
    (folder / "子目录").mkdir(parents=True)
    for path in sample_files[:3]:
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "子目录" / "again.txt").write_bytes(sample_files[0].read_bytes())
    (folder / "子目录" / "broken.docx").write_bytes(b"not a zip at all")
    (folder / "notes.md").write_text("ignored", encoding="utf-8")
    seen = []
    results = import_files(ws, [folder], progress=lambda done, total, path, outcome: seen.append((done, total, path)), workers=2)
    assert [done for done, _, _ in seen] == [1, 2, 3, 4, 5]
    assert all(total == 5 for _, total, _ in seen)
    outcomes = {path.name: outcome for path, outcome in results}
    assert set(outcomes) == {p.name for p in sample_files[:3]} | {"again.txt", "broken.docx"}
    assert all(outcomes[p.name].status == "new" for p in sample_files[:3])
    assert outcomes["again.txt"].status == "duplicate"
    assert outcomes["again.txt"].report_id == outcomes[sample_files[0].name].report_id
    assert isinstance(outcomes["broken.docx"], LoadError)
    assert len(ws.reports()) == 3


def test_bulk_import_stops_when_cancelled(ws, tmp_path, sample_files):
    calls = []
    results = import_files(ws, sample_files, progress=lambda *args: calls.append(args), cancel=lambda: len(calls) >= 2, workers=1)
    assert len(results) == 2
    assert len(ws.reports()) == 2


def test_worker_connection_sees_the_owners_commits(ws, ws_path, sample_files):
    with Workspace.open(ws_path, lock=False) as worker:
        result = worker.import_file(sample_files[1])
    assert [r.id for r in ws.reports()] == [result.report_id]
