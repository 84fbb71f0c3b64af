"""The headless contract: ``python -m reviewer analyze FILE... --json`` (docs/analysis-json.md)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

CONTRACT_METADATA_KEYS = {
    "title", "unit", "level", "report_year", "publish_date", "sign_date", "recipient", "doc_number",
}
CONTRACT_REQUIRED_KEYS = {"measures", "shortcomings", "first_responsible", "next_year_plan"}


def _run_analyze(*files: Path | str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reviewer", "analyze", *map(str, files), "--json"],
        capture_output=True, text=True, encoding="utf-8", timeout=120,
    )


def _assert_contract_shape(record: dict) -> None:
    assert {"source", "format", "encoding", "text_chars", "metadata", "sections", "figures",
            "required", "findings"} <= set(record)
    assert CONTRACT_METADATA_KEYS <= set(record["metadata"])
    assert set(record["required"]) == CONTRACT_REQUIRED_KEYS
    assert all(isinstance(v, bool) for v in record["required"].values())
    for section in record["sections"]:
        assert {"level", "num", "title", "start", "end"} <= set(section)
    for figure in record["figures"]:
        assert {"text", "value", "unit", "approx", "subject", "start", "end"} <= set(figure)
        assert figure["end"] - figure["start"] == len(figure["text"])
    for finding in record["findings"]:
        assert {"code", "severity", "message", "start", "end", "detail"} <= set(finding)
        assert finding["severity"] in {"error", "warning", "info"}


def test_analyze_prints_one_json_line_per_file_in_order(tmp_path: Path) -> None:
    first = tmp_path / "甲镇.txt"
    first.write_text(
        "甲镇2023年法治政府建设年度报告\n\n一、主要举措和成效\n全年办理行政复议案件12件。\n",
        encoding="utf-8",
    )
    second = tmp_path / "乙镇.txt"
    second.write_bytes("乙镇2023年法治政府建设年度报告\n\n一、存在的不足\n".encode("gb18030"))
    result = _run_analyze(first, second)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    records = [json.loads(line) for line in lines]
    assert [r["source"] for r in records] == [str(first), str(second)]
    assert records[1]["encoding"] == "gb18030"
    for record in records:
        _assert_contract_shape(record)
    figure = records[0]["figures"][0]
    assert (figure["text"], figure["value"], figure["unit"]) == ("12件", 12, "件")


def test_unreadable_file_gets_an_error_line_and_exit_status_1(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("丙县2022年法治政府建设年度报告\n一、工作情况\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = _run_analyze(empty, good, tmp_path / "missing.txt")
    assert result.returncode == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 3
    assert records[0]["error"]["code"] == "empty"
    assert records[0]["error"]["message"]
    assert "error" not in records[1]
    assert records[2]["error"]["code"] == "not_found"


def test_samples_satisfy_the_contract_and_offsets(samples_dir: Path) -> None:
    files = sorted(samples_dir.glob("*.txt"))
    result = _run_analyze(*files)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == len(files)
    for path, record in zip(files, records):
        _assert_contract_shape(record)
        assert record["format"] == "txt"
        assert record["metadata"]["report_year"] is not None, path.name
        assert record["figures"], path.name
        assert record["sections"], path.name
