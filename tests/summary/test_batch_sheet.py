from __future__ import annotations

import re

from reviewer.summary.batch_sheet import build_batch_pdf


def test_batch_lists_one_row_per_report_with_checks_and_verdict(batch_data, pdf_pages):
    flat = re.sub(r"\s+", "", "".join(pdf_pages(build_batch_pdf(batch_data(5)))))
    for expected in ("法治政府建设年度报告审阅汇总表", "共5份报告", "审阅人：李审阅", "龙山镇", "天门市",
                     "2019-03-10", "按时", "逾期", "缺存在的不足和原因", "齐全", "通过", "需修改", "未审阅"):
        assert expected in flat, expected


def test_indicator_table_shows_values_under_their_columns(batch_data, pdf_pages):
    pages = pdf_pages(build_batch_pdf(batch_data(3)))
    flat = re.sub(r"\s+", "", "".join(pages))
    indicators = flat[flat.index("二、主要指标"):]
    assert "行政复议案件" in indicators and "行政诉讼案件" in indicators
    assert "1件" in indicators and "3件" in indicators
    assert "5894宗" in indicators and "97.6%" in indicators


def test_many_reports_make_many_pages_with_repeated_headers(batch_data, pdf_pages):
    pages = pdf_pages(build_batch_pdf(batch_data(120)))
    assert len(pages) >= 6
    for number, page in enumerate(pages, 1):
        assert f"第 {number} 页 共 {len(pages)} 页" in page
        flat = re.sub(r"\s+", "", page)
        assert "公开及时" in flat or "行政复议案件" in flat
    last_unit_rows = re.sub(r"\s+", "", "".join(pages)).count("常平镇")
    assert last_unit_rows == 2 * 24
