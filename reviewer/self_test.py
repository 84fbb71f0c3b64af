"""``reviewer --self-test``: prove an installation works, without a screen.

Runs the real layers end to end in a temporary folder: Qt (offscreen) set up as the window does it,
with its Chinese translations and a Chinese font; the bundled resources; a new workspace; import of the
bundled demo reports through worker processes (as the window does); their analysis; a review decision;
the review sheets and the batch summary as PDF and a check of their text; the main window on that
workspace. Prints one line per step and returns 0 only when every step passed, so a build can be
verified by its exit status.
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
from typing import TYPE_CHECKING, TextIO

from reviewer import __version__
from reviewer.logging_setup import setup_logging
from reviewer.paths import resource_path
from reviewer.vocabulary import ItemKind, ItemState, ReviewStatus, Verdict

if TYPE_CHECKING:
    from reviewer.workspace import Workspace

log = logging.getLogger("reviewer.self_test")

DEMO_UNITS = ("青溪镇", "明湖县司法局", "云岭市", "白沙乡")
"""The reporting units of the bundled demo reports, as the analysis must find them."""

SELF_TEST_REMARK = "自检写入的审阅意见"
IMPORT_WORKERS = 2

PASSED, FAILED, SKIPPED = "通过", "失败", "跳过"


class SelfTestFailure(Exception):
    """A step's check did not hold; the message says what, in Chinese."""


@dataclass
class _Context:
    folder: Path
    demo_files: list[Path] = field(default_factory=list)
    workspace: Workspace | None = None
    report_ids: list[int] = field(default_factory=list)
    sheets_pdf: Path | None = None
    batch_pdf: Path | None = None


Step = Callable[[_Context], str]


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise SelfTestFailure(message)


def _qt(ctx: _Context) -> str:
    """The QApplication as the window creates it: icon, Qt's own texts in Chinese; and a Chinese font."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTranslator
    from PySide6.QtGui import QFontDatabase

    from reviewer.ui.app import create_application

    app = create_application()
    _check(bool(app.findChildren(QTranslator)), "未能加载 Qt 的中文翻译 (qtbase_zh_CN.qm)")
    _check(not app.windowIcon().isNull(), "未能加载程序图标")
    chinese_fonts = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    _check(bool(chinese_fonts), "系统中没有可用的中文字体，界面上的汉字会显示为方框")
    return f"平台 {app.platformName()}，中文翻译已加载，中文字体 {chinese_fonts[0]}"


def _resources(ctx: _Context) -> str:
    from reviewer.ui.app import demo_reports

    ctx.demo_files = demo_reports()
    _check(len(ctx.demo_files) >= len(DEMO_UNITS), f"演示报告不全：只找到 {len(ctx.demo_files)} 份")
    for parts in (("icons", "reviewer.svg"), ("icons", "reviewer.ico"), ("dict", "legal_terms.txt")):
        path = resource_path(*parts)
        _check(path.is_file() and path.stat().st_size > 0, f"缺少资源文件 {path}")
    return f"{len(ctx.demo_files)} 份演示报告，资源目录 {resource_path()}"


def _workspace(ctx: _Context) -> str:
    from reviewer.workspace import Workspace

    path = ctx.folder / "self-test.sqlite"
    ctx.workspace = Workspace.open(path)
    return str(path)


def _import(ctx: _Context) -> str:
    """The window's import path: analysis in worker processes, each report stored as it arrives."""
    from reviewer.workspace import import_files

    ws = ctx.workspace
    outcomes = import_files(ws, ctx.demo_files, workers=IMPORT_WORKERS)
    for path, outcome in outcomes:
        status = getattr(outcome, "status", None)
        _check(status == "new", f"导入 {path.name} 失败：{getattr(outcome, 'message', outcome)}")
        ctx.report_ids.append(outcome.report_id)
    _check(len(ws.reports()) == len(ctx.demo_files), "工作区中的报告数与导入数不一致")
    return f"导入 {len(ctx.report_ids)} 份报告（{IMPORT_WORKERS} 个分析进程）"


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


def _review(ctx: _Context) -> str:
    ws = ctx.workspace
    report_id = ctx.report_ids[0]
    figures = ws.items(report_id, kind=ItemKind.FIGURE)
    _check(bool(figures), "第一份报告没有可审阅的数据项")
    ws.set_item_state(figures[0].id, ItemState.ACCEPTED)
    ws.set_review(report_id, verdict=Verdict.PASS, remarks=SELF_TEST_REMARK, status=ReviewStatus.REVIEWED)
    _check(ws.review(report_id).remarks == SELF_TEST_REMARK, "审阅意见没有保存")
    return f"确认 1 个数据，写入审阅意见（共 {len(figures)} 个数据项）"


def _summary_pdfs(ctx: _Context) -> str:
    from reviewer.summary import build_batch_pdf, build_reports_pdf, collect_batch, collect_report

    ws = ctx.workspace
    ctx.sheets_pdf = ctx.folder / "审阅意见单.pdf"
    ctx.batch_pdf = ctx.folder / "汇总表.pdf"
    build_reports_pdf([collect_report(ws, report_id) for report_id in ctx.report_ids], ctx.sheets_pdf)
    build_batch_pdf(collect_batch(ws, ctx.report_ids), ctx.batch_pdf)
    sizes = [path.stat().st_size if path.exists() else 0 for path in (ctx.sheets_pdf, ctx.batch_pdf)]
    _check(all(sizes), "PDF 没有生成")
    return f"审阅意见单 {sizes[0] // 1024} KB，汇总表 {sizes[1] // 1024} KB"


def _pdf_text(ctx: _Context) -> str:
    from pypdf import PdfReader

    pages = 0
    for path, expected in ((ctx.sheets_pdf, (*DEMO_UNITS, SELF_TEST_REMARK)), (ctx.batch_pdf, DEMO_UNITS)):
        reader = PdfReader(str(path))
        text = "".join(page.extract_text() or "" for page in reader.pages)
        missing = [word for word in expected if word not in text]
        _check(not missing, f"{path.name} 的文字中找不到：{'、'.join(missing)}")
        pages += len(reader.pages)
    return f"共 {pages} 页，含全部 {len(DEMO_UNITS)} 个单位名称和审阅意见"


def _main_window(ctx: _Context) -> str:
    """The window on this workspace, showing the first report; closing it closes the workspace."""
    from PySide6.QtWidgets import QApplication

    from reviewer.ui.app import open_worker_workspace
    from reviewer.ui.main_window import MainWindow
    from reviewer.ui.settings import UiSettings

    window = MainWindow(ctx.workspace, UiSettings(ctx.folder / "window.ini"), open_worker_workspace)
    window.show()
    window.open_report(ctx.report_ids[0])
    QApplication.processEvents()
    title = window.windowTitle()
    window.close()
    ctx.workspace = None
    _check(DEMO_UNITS[0] in title, f"主窗口没有打开第一份报告（窗口标题：{title}）")
    return f"窗口标题“{title}”"


STEPS: tuple[tuple[str, Step], ...] = (
    ("Qt 界面库", _qt),
    ("资源文件", _resources),
    ("新建工作区", _workspace),
    ("导入演示报告", _import),
    ("分析结果", _analysis),
    ("审阅操作", _review),
    ("生成审阅意见单和汇总表", _summary_pdfs),
    ("检查 PDF 文字", _pdf_text),
    ("主窗口", _main_window),
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
                except Exception as error:
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
