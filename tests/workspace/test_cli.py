"""``python -m reviewer import|export|search`` as an officer's script would run them."""
from __future__ import annotations

import json
import os
import subprocess
import sys


def reviewer(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reviewer", *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=120, env=os.environ | {"PYTHONIOENCODING": "utf-8"})


def test_import_export_search_from_the_command_line(tmp_path, sample_files):
    folder = tmp_path / "报告"
    folder.mkdir()
    for path in sample_files:
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "损坏.pdf").write_bytes(b"%PDF-1.4 broken")
    workspace = tmp_path / "ws.sqlite"

    done = reviewer("import", str(workspace), str(folder), str(sample_files[0]), "--workers", "1")

    assert done.returncode == 1, "one file failed"
    lines = [line.split("\t") for line in done.stdout.splitlines()]
    assert len(lines) == len(sample_files) + 2
    statuses = {(os.path.basename(path), status) for status, path, _note in lines}
    assert {(p.name, "new") for p in sample_files} <= statuses
    assert (sample_files[0].name, "duplicate") in statuses
    error_line = next(line for line in lines if line[0] == "error")
    assert error_line[1].endswith("损坏.pdf") and any("\u4e00" <= ch <= "\u9fff" for ch in error_line[2])

    again = reviewer("import", str(workspace), str(sample_files[1]))
    assert again.returncode == 0 and again.stdout.startswith("duplicate\t")

    csv_out = tmp_path / "figures.csv"
    assert reviewer("export", str(workspace), "--format", "csv", "-o", str(csv_out)).returncode == 0
    assert csv_out.read_bytes().startswith(b"\xef\xbb\xbf\xe6\x8a\xa5\xe5\x91\x8a")  # BOM, 报告
    exported = reviewer("export", str(workspace), "--format", "json")
    assert exported.returncode == 0
    assert len(json.loads(exported.stdout)["reports"]) == len(sample_files)

    found = reviewer("search", str(workspace), "行政复议")
    assert found.returncode == 0
    hits = [line.split("\t") for line in found.stdout.splitlines()]
    assert hits and all("行政复议" in snippet for _rid, _unit, _span, snippet in hits)


def test_commands_on_a_missing_workspace_fail_clearly(tmp_path):
    done = reviewer("search", str(tmp_path / "none.sqlite"), "法治")
    assert done.returncode == 1 and "工作区文件不存在" in done.stderr


def test_import_output_keeps_one_line_per_file_whatever_the_file_name(tmp_path):
    folder = tmp_path / "报告"
    folder.mkdir()
    text = "甲镇2023年法治政府建设年度报告\n一、工作情况\n办理行政复议案件12件。\n"
    (folder / "甲\n镇\t报告.txt").write_text(text, encoding="utf-8")
    (folder / "乙镇报告.txt").write_text(text.replace("甲", "乙"), encoding="utf-8")
    result = reviewer("import", str(tmp_path / "ws.sqlite"), str(folder))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert all(len(line.split("\t")) == 3 for line in lines)
    assert any("甲\\n镇\\t报告.txt" in line for line in lines)


def test_importing_a_new_version_says_what_became_of_the_review_work(tmp_path):
    from reviewer.workspace import Workspace

    report = tmp_path / "甲镇2023年法治政府建设年度报告.txt"
    text = ("甲镇2023年法治政府建设年度报告\n一、工作情况\n全年办理行政复议案件12件，行政诉讼案件3件。\n"
            "二、存在的不足\n法治宣传形式单一。\n")
    report.write_text(text, encoding="utf-8")
    workspace = tmp_path / "ws.sqlite"
    assert reviewer("import", str(workspace), str(report)).returncode == 0
    with Workspace.open(workspace) as ws:
        [summary] = ws.reports()
        figures = ws.items(summary.id, kind="figure")
        ws.set_item_state(figures[0].id, "accepted")
        start = ws.report(summary.id).analysis.text.index("法治宣传形式单一")
        ws.add_annotation(summary.id, start, start + 8, "请说明改进措施")
        ws.set_review(summary.id, status="reviewed")
    report.write_text(text.replace("单一。", "单一，覆盖面不广。"), encoding="utf-8")

    done = reviewer("import", str(workspace), str(report))

    assert done.returncode == 0, done.stderr
    status, _path, note = done.stdout.strip().split("\t")
    assert status == "new_version"
    assert note == f"新版本 #2，替换 #{summary.id}；沿用审阅决定 1 项，重新定位批注和手工项目 1 处，留待复核 0 处"
