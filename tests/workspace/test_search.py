"""Cross-report search: every hit found and counted, paged without losing or repeating one, each hit
naming its report."""
from __future__ import annotations

import pytest

from reviewer.workspace import SearchTotal
from reviewer.workspace.textfold import fold

CRAFTED = (
    "某镇2023年法治政府建设情况报告\n\n"
    "一、行政复议\n办理行政复议案件12件，复议复议相连，哈哈哈与哈哈哈哈。\n"
    "二、其他工作\n完成ＩＣＰ备案和Icp备案，复，议不算。纠错率15％，"
    "依据《某县规范性文件管理办法》（某政〔2023〕7号）开展审查。\n"
    "三、下一步打算\n继续做好行政复议工作，提高依法行政水平。\n\n某镇人民政府\n2024年3月1日\n"
)
NO_TITLE = "办理行政复议案件12件，行政复议纠错率为15%。\n\n加强行政复议规范化建设。\n"
QUERIES = ("复议", "行政复议", "法律顾问", "法", "诉", "ICP", "ｉｃｐ", "哈哈", "复议复议", "15%", "〔2023〕",
           "法律顾问 复议", "复议 行政复议", "复议 复议", "不存在的词语组合")


def brute_force(texts: dict[int, str], query: str) -> list[tuple[int, int, int]]:
    """(report, start, end) of every hit: each distinct folded term's non-overlapping occurrences in the
    folded text, in reports holding every term; newest report first, then text order."""
    terms = list(dict.fromkeys(fold(query).split()))
    found = []
    for report_id in sorted(texts, reverse=True):
        folded = fold(texts[report_id])
        spans = []
        for term in terms:
            start = folded.find(term)
            if start < 0:
                spans = []
                break
            while start >= 0:
                spans.append((start, start + len(term)))
                start = folded.find(term, start + len(term))
        found += [(report_id, start, end) for start, end in sorted(spans)]
    return found


@pytest.fixture
def filled(ws, sample_files):
    ids = [ws.import_file(path).report_id for path in sample_files]
    ids.append(ws.import_bytes(CRAFTED.encode("utf-8"), "某镇报告.txt").report_id)
    texts = {report_id: ws.report(report_id).analysis.text for report_id in ids}
    return ws, texts


def all_pages(ws, query: str, page: int) -> list:
    hits, after = [], None
    while True:
        batch = ws.search(query, limit=page, after=after)
        assert len(batch) <= page
        hits += batch
        if len(batch) < page:
            return hits
        after = batch[-1]


@pytest.mark.parametrize("query", QUERIES)
def test_total_and_pages_equal_a_brute_force_count_over_the_stored_texts(filled, query):
    ws, texts = filled
    expected = brute_force(texts, query)
    total = ws.search_total(query)
    assert total == SearchTotal(len({rid for rid, _, _ in expected}), len(expected))
    for page in (1, 7, 100):
        hits = all_pages(ws, query, page)
        assert [(h.report_id, h.start, h.end) for h in hits] == expected


def test_adjacent_and_overlapping_hits_are_counted_from_the_left(filled):
    ws, texts = filled
    crafted = max(texts)
    assert ws.search_total("复议复议").hits == 1
    hits = [(h.start, h.end) for h in ws.search("哈哈") if h.report_id == crafted]
    first = texts[crafted].index("哈哈哈与")
    assert hits == [(first, first + 2), (first + 4, first + 6), (first + 6, first + 8)]
    assert "复，议" in texts[crafted]
    assert [h for h in ws.search("复议") if texts[h.report_id][h.start:h.end] != "复议"] == []


def test_hits_point_at_the_query_in_the_cleaned_text(filled):
    ws, texts = filled
    for query in ("复议", "ICP", "15%"):
        for hit in all_pages(ws, query, 100):
            assert fold(texts[hit.report_id][hit.start:hit.end]) == fold(query).lower()
            a, b = hit.snippet_match
            assert fold(hit.snippet[a:b]) == fold(query)


def test_every_hit_names_its_report(filled, ws):
    _, texts = filled
    report_id = ws.import_bytes(NO_TITLE.encode("utf-8"), "无标题的报告.txt").report_id
    assert ws.reports([report_id])[0].title is None
    hits = ws.search("行政复议", limit=1000)
    assert {h.title for h in hits if h.report_id == report_id} == {"无标题的报告.txt"}
    assert all(h.title for h in hits)
    titled = next(h for h in hits if h.report_id != report_id)
    assert titled.title == ws.reports([titled.report_id])[0].title


def test_a_corrected_title_names_the_hits(filled):
    ws, _ = filled
    hit = ws.search("复议")[0]
    title_item = next(i for i in ws.items(hit.report_id, "metadata") if i.effective.field == "title")
    ws.set_item_state(title_item.id, "corrected", {"value": "更正后的标题"})
    assert ws.search("复议")[0].title == "更正后的标题"


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
    assert ws.search_total("，。") == SearchTotal(0, 0)


def test_a_total_asked_to_stop_gives_up(filled):
    ws, _ = filled
    assert ws.search_total("法", stop=lambda: True) is None


def test_replaced_version_is_no_longer_searched(ws, tmp_path, kecheng):
    path = tmp_path / "柯城区.txt"
    path.write_bytes(kecheng.read_bytes())
    old_id = ws.import_file(path).report_id
    path.write_text(kecheng.read_text(encoding="utf-8").replace("行政复议", "复核"), encoding="utf-8")
    new_id = ws.import_file(path).report_id
    assert ws.search("行政复议") == []
    assert ws.search_total("行政复议") == SearchTotal(0, 0)
    assert {h.report_id for h in ws.search("复核")} == {new_id} != {old_id}


def test_deleted_reports_are_not_counted(filled):
    ws, texts = filled
    before = ws.search_total("复议")
    deleted = ws.search("复议")[0].report_id
    ws.delete_report(deleted)
    after = ws.search_total("复议")
    assert after == SearchTotal(before.reports - 1, before.hits - fold(texts[deleted]).count("复议"))


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
