from __future__ import annotations

import pytest


@pytest.fixture
def filled(ws, sample_files):
    ids = [ws.import_file(path).report_id for path in sample_files]
    texts = {report_id: ws.report(report_id).analysis.text for report_id in ids}
    return ws, texts


@pytest.mark.parametrize("query", ["复议", "行政复议", "法律顾问", "法", "诉", "ICP"])
def test_hits_point_at_the_query_in_the_cleaned_text(filled, query):
    ws, texts = filled
    hits = ws.search(query, limit=1000)
    expected_reports = {rid for rid, text in texts.items() if query.lower() in text.lower()}
    assert {hit.report_id for hit in hits} == expected_reports
    for hit in hits:
        assert texts[hit.report_id][hit.start : hit.end].lower() == query.lower()
        a, b = hit.snippet_match
        assert hit.snippet[a:b].lower() == query.lower()
    per_report = {rid: sum(1 for h in hits if h.report_id == rid) for rid in expected_reports}
    for rid, n in per_report.items():
        assert n == min(5, texts[rid].lower().count(query.lower()))


def test_two_character_query_found_in_the_sample_that_has_it(filled):
    ws, texts = filled
    hits = ws.search("复议")
    assert hits, "several samples mention 行政复议"
    assert hits[0].report_id == max(rid for rid, text in texts.items() if "复议" in text), "newest first"
    assert hits[0].unit


def test_all_terms_must_occur(filled):
    ws, texts = filled
    hits = ws.search("法律顾问 复议", limit=1000)
    both = {rid for rid, text in texts.items() if "法律顾问" in text and "复议" in text}
    assert {h.report_id for h in hits} == both
    assert {texts[h.report_id][h.start : h.end] for h in hits} == {"法律顾问", "复议"}


def test_full_width_query_finds_half_width_text(filled):
    ws, texts = filled
    rid = next(rid for rid, text in texts.items() if "16件" in text)
    hits = [h for h in ws.search("１６件", limit=1000) if h.report_id == rid]
    assert hits and all(texts[rid][h.start : h.end] == "16件" for h in hits)


def test_nothing_searchable(filled):
    ws, _ = filled
    assert ws.search("") == []
    assert ws.search("，。") == []
    assert ws.search("不存在的词语组合") == []


def test_replaced_version_is_no_longer_searched(ws, tmp_path, kecheng):
    path = tmp_path / "柯城区.txt"
    path.write_bytes(kecheng.read_bytes())
    old_id = ws.import_file(path).report_id
    path.write_text(kecheng.read_text(encoding="utf-8").replace("行政复议", "复核"), encoding="utf-8")
    new_id = ws.import_file(path).report_id
    assert ws.search("行政复议") == []
    assert {h.report_id for h in ws.search("复核")} == {new_id} != {old_id}


def test_document_numbers_and_percentages_are_searchable(ws):
    text = (
        "某县2023年法治政府建设情况报告\n\n"
        "一、主要举措\n根据《某县规范性文件管理办法》（某政〔2023〕7号），全年审查规范性文件12件，备案率100%。\n"
        "二、存在的不足\n行政复议纠错率为15%，仍需提高。\n"
    )
    report_id = ws.import_bytes(text.encode("utf-8"), "某县报告.txt").report_id
    stored = ws.report(report_id).analysis.text
    for query in ("〔2023〕", "15%", "《某县规范性文件管理办法》", "100%", "纠错率"):
        hits = ws.search(query)
        assert hits, query
        assert all(stored[h.start : h.end] == query for h in hits)
    assert ws.search("2023〕7号 15%")
    assert ws.search("〔2024〕") == []
