from __future__ import annotations

import csv
import json

from reviewer.vocabulary import Verdict
from reviewer.workspace import export_json, write_figures_csv
from reviewer.workspace.export import FIGURE_COLUMNS


def test_figures_csv_opens_with_bom_and_chinese_headers(ws, tmp_path, sample_files):
    ids = [ws.import_file(path).report_id for path in sample_files[:2]]
    figure = ws.items(ids[0], kind="figure")[0]
    ws.set_item_state(figure.id, "corrected", {"value": 42})
    out = tmp_path / "数据.csv"

    rows_written = write_figures_csv(ws, out)

    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert tuple(rows[0]) == FIGURE_COLUMNS
    assert rows[0][:3] == ["报告编号", "文件名", "单位"]
    assert len(rows) - 1 == rows_written == sum(len(ws.items(i, kind="figure")) for i in ids)
    corrected_row = next(r for r in rows[1:] if r[15] == str(figure.start) and r[0] == str(ids[0]))
    assert corrected_row[6] == "42" and corrected_row[10] == "已更正"
    assert corrected_row[12] == str(figure.machine.value).removesuffix(".0")


def test_json_export_holds_every_report_with_its_review_work(ws, sample_files):
    report_id = ws.import_file(sample_files[0]).report_id
    ws.add_annotation(report_id, 0, 3, "标题有误")
    ws.set_review(report_id, verdict=Verdict.FAIL)
    data = json.loads(json.dumps(export_json(ws), ensure_ascii=False))
    [report] = data["reports"]
    assert report["id"] == report_id
    assert report["review"]["verdict"] == Verdict.FAIL == "fail"
    assert report["annotations"][0]["comment"] == "标题有误"
    assert report["metadata"]["unit"] == ws.report(report_id).analysis.metadata.unit
    assert len(report["items"]) == len(ws.items(report_id))
    assert all("effective" in item for item in report["items"])
