"""``reviewer --self-test``: prove an installation works, without a screen.

Runs the real layers end to end in a temporary folder: bundled resources, Qt (offscreen) with its
Chinese translations and a Chinese font, a new workspace, import and analysis of the bundled demo
reports, a review summary PDF and a check of its text. Prints one line per step and returns 0 only
when every step passed, so a build can be verified by its exit status.
"""
from __future__ import annotations

import logging
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from reviewer import __version__
from reviewer.logging_setup import setup_logging
from reviewer.paths import resource_path

log = logging.getLogger("reviewer.self_test")

DEMO_SUFFIXES = (".txt", ".html", ".htm", ".docx", ".pdf")
DEMO_UNITS = ("青溪镇", "明湖县司法局", "云岭市", "白沙乡")
"""The reporting units of the bundled demo reports, as the analysis must find them."""

PASSED, FAILED, SKIPPED = "通过", "失败", "跳过"


class SelfTestFailure(Exception):
    """A step's check did not hold; the message says what, in Chinese."""


@dataclass
class _Context:
    folder: Path
    demo_files: list[Path] = field(default_factory=list)
    workspace: object | None = None
    report_ids: list[int] = field(default_factory=list)
    pdf_path: Path | None = None


Step = Callable[[_Context], str]


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise SelfTestFailure(message)


def _resources(ctx: _Context) -> str:
    demo_dir = resource_path("demo")
    ctx.demo_files = sorted(p for p in demo_dir.iterdir() if p.suffix.lower() in DEMO_SUFFIXES)
    _check(len(ctx.demo_files) >= len(DEMO_UNITS), f"演示报告不全：{demo_dir} 中只有 {len(ctx.demo_files)} 份")
    for parts in (("icons", "reviewer.svg"), ("icons", "reviewer-256.png"), ("dict", "legal_terms.txt")):
        path = resource_path(*parts)
        _check(path.is_file() and path.stat().st_size > 0, f"缺少资源文件 {path}")
    return f"{len(ctx.demo_files)} 份演示报告，资源目录 {demo_dir.parent}"


def _qt(ctx: _Context) -> str:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QFontDatabase
    from PySide6.QtWidgets import QApplication

    from reviewer.ui.translations import install_qt_translations

    app = QApplication.instance() or QApplication(["reviewer"])
    translators = install_qt_translations(app)
    _check(bool(translators), "未能加载 Qt 的中文翻译 (qtbase_zh_CN.qm)")
    chinese_fonts = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    _check(bool(chinese_fonts), "系统中没有可用的中文字体，界面上的汉字会显示为方框")
    return f"平台 {app.platformName()}，{len(translators)} 个翻译文件，中文字体 {chinese_fonts[0]}"


def _workspace(ctx: _Context) -> str:
    from reviewer.workspace import Workspace

    path = ctx.folder / "self-test.sqlite"
    ctx.workspace = Workspace.open(path)
    return str(path)


def _import(ctx: _Context) -> str:
    ws = ctx.workspace
    for path in ctx.demo_files:
        result = ws.import_file(path)
        _check(result.status == "new", f"导入 {path.name} 的结果是 {result.status}，应为 new")
        ctx.report_ids.append(result.report_id)
    _check(len(ws.reports()) == len(ctx.demo_files), "工作区中的报告数与导入数不一致")
    return f"导入 {len(ctx.report_ids)} 份报告"


def _analysis(ctx: _Context) -> str:
    ws = ctx.workspace
    units, figures, findings = [], 0, set()
    for report_id in ctx.report_ids:
        analysis = ws.report(report_id).analysis
        name = Path(analysis.source).name
        _check(bool(analysis.metadata.unit), f"{name}：未识别出报告单位")
        _check(analysis.metadata.report_year is not None, f"{name}：未识别出报告年度")
        _check(len(analysis.sections) >= 3, f"{name}：只识别出 {len(analysis.sections)} 个标题")
        _check(len(analysis.figures) >= 10, f"{name}：只识别出 {len(analysis.figures)} 个数据")
        units.append(analysis.metadata.unit)
        figures += len(analysis.figures)
        findings.update(f.code for f in analysis.findings)
    missing_units = [unit for unit in DEMO_UNITS if unit not in units]
    _check(not missing_units, f"未识别出单位：{'、'.join(missing_units)}（识别结果：{'、'.join(units)}）")
    _check(bool(findings), "演示报告中的问题一个也没有检出")
    return f"单位 {'、'.join(units)}；{figures} 个数据，{len(findings)} 类问题"


def _summary_pdf(ctx: _Context) -> str:
    from reviewer.summary import write_summary_pdf

    ctx.pdf_path = ctx.folder / "审阅意见单.pdf"
    write_summary_pdf(ctx.workspace, ctx.report_ids, ctx.pdf_path)
    size = ctx.pdf_path.stat().st_size if ctx.pdf_path.exists() else 0
    _check(size > 0, "审阅意见单 PDF 没有生成")
    return f"{ctx.pdf_path.name}，{size // 1024} KB"


def _pdf_text(ctx: _Context) -> str:
    from pypdf import PdfReader

    reader = PdfReader(str(ctx.pdf_path))
    text = "".join(page.extract_text() or "" for page in reader.pages)
    missing = [unit for unit in DEMO_UNITS if unit not in text]
    _check(not missing, f"PDF 文字中找不到单位名称：{'、'.join(missing)}")
    return f"{len(reader.pages)} 页，含全部 {len(DEMO_UNITS)} 个单位名称"


STEPS: tuple[tuple[str, Step], ...] = (
    ("资源文件", _resources),
    ("Qt 界面库", _qt),
    ("新建工作区", _workspace),
    ("导入演示报告", _import),
    ("分析结果", _analysis),
    ("生成审阅意见单", _summary_pdf),
    ("检查 PDF 文字", _pdf_text),
)


def run_self_test(out: TextIO | None = None) -> int:
    """Run every step, print one line each to ``out``; 0 when all passed, else 1."""
    log_file = setup_logging()
    write = _printer(out)
    write(f"reviewer {__version__} 自检 (self-test)")
    failed = False
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="reviewer-self-test-") as folder:
        ctx = _Context(Path(folder))
        try:
            for name, step in STEPS:
                if failed:
                    write(f"[{SKIPPED}] {name}")
                    continue
                step_started = time.perf_counter()
                try:
                    detail = step(ctx)
                except Exception as error:  # noqa: BLE001  (every failure is reported, none escapes)
                    failed = True
                    message = str(error) if isinstance(error, SelfTestFailure) else f"{type(error).__name__}: {error}"
                    log.error("self-test step %s failed\n%s", name, traceback.format_exc().rstrip())
                    write(f"[{FAILED}] {name}：{message}")
                    continue
                write(f"[{PASSED}] {name}（{time.perf_counter() - step_started:.2f} 秒）：{detail}")
        finally:
            if ctx.workspace is not None:
                ctx.workspace.close()
    verdict = "自检未通过" if failed else "自检通过"
    write(f"{verdict}，用时 {time.perf_counter() - started:.1f} 秒。日志：{log_file}")
    log.info("%s", verdict)
    return 1 if failed else 0


def _printer(out: TextIO | None) -> Callable[[str], None]:
    def write(line: str) -> None:
        stream = out if out is not None else sys.stdout
        if stream is not None:  # a windowed Windows build has no console
            stream.write(line + "\n")
            stream.flush()
        log.info("%s", line)

    return write
