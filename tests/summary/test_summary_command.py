from __future__ import annotations

import re
import sqlite3
import subprocess
import sys

from reviewer.cli import main
from reviewer.cli.summary_command import is_workspace_path


def test_workspace_is_told_from_a_report_by_sqlite_header_or_extension(tmp_path):
    database = tmp_path / "审阅.anything"
    sqlite3.connect(database).execute("CREATE TABLE t (x)").connection.close()
    report = tmp_path / "report.txt"
    report.write_text("某某镇2021年法治政府建设年度报告", encoding="utf-8")
    assert is_workspace_path(database)
    assert not is_workspace_path(report)
    assert is_workspace_path(tmp_path / "new.sqlite")
    assert not is_workspace_path(tmp_path / "new.docx")


def test_unimported_file_prints_a_machine_only_sheet(samples_dir, tmp_path, pdf_pages, capsys):
    out = tmp_path / "意见单.pdf"
    assert main(["summary", str(samples_dir / "003_3fc20d629b335cca.txt"), "-o", str(out)]) == 0
    flat = re.sub(r"\s+", "", "".join(pdf_pages(out.read_bytes())))
    assert "本意见单仅含机器分析结果" in flat
    assert "未审阅" in flat
    assert "常平镇" in flat
    assert "003_3fc20d629b335cca.txt" in flat
    assert str(out) in capsys.readouterr().out


def test_unimported_files_make_a_batch_summary(samples_dir, tmp_path, pdf_pages):
    out = tmp_path / "汇总表.pdf"
    files = [str(p) for p in sorted(samples_dir.glob("*.txt"))]
    assert main(["summary", *files, "--batch", "-o", str(out)]) == 0
    flat = re.sub(r"\s+", "", "".join(pdf_pages(out.read_bytes())))
    assert f"共{len(files)}份报告" in flat
    assert "龙山镇" in flat and "天门市" in flat


def test_errors_are_told_in_chinese_without_a_traceback(tmp_path, capsys):
    out = tmp_path / "out.pdf"
    assert main(["summary", str(tmp_path / "missing.sqlite"), "-o", str(out)]) == 1
    assert "工作区文件不存在" in capsys.readouterr().err
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["summary", str(empty), "-o", str(out)]) == 1
    assert capsys.readouterr().err.startswith("错误：")
    assert main(["summary", str(empty), "--report", "3", "-o", str(out)]) == 1
    assert "--report 只适用于工作区文件" in capsys.readouterr().err
    assert not out.exists()


def test_module_entry_point_writes_the_pdf(samples_dir, tmp_path):
    out = tmp_path / "sheet.pdf"
    completed = subprocess.run(
        [sys.executable, "-m", "reviewer", "summary", str(samples_dir / "000_03c6df2d3abd0aba.txt"), "-o", str(out)],
        capture_output=True, text=True, encoding="utf-8", timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    assert out.read_bytes().startswith(b"%PDF")
