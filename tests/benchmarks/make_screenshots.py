"""Remake the window screenshots in docs/screenshots/: ``python tests/benchmarks/make_screenshots.py``.

Runs the real app on a first start (default workspace, demo reports imported) in a temporary
REVIEWER_HOME, does a little review work through the window, and saves:
window-empty.png (no report open), window-library.png, window-figures.png, window-checks.png,
window-annotation.png, window-year-compare.png (与上年对比), window-copies.png (相同段落), and Qt's own dialogs in Chinese (there are no native ones under Xvfb):
dialog-open.png (importing reports, detail view), dialog-print.png.
Needs an X display for real font rendering: uses DISPLAY if set, else starts ``Xvfb :99`` itself.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reviewer.paths import resource_path
from reviewer.vocabulary import AnnotationTag, Level, ReviewStatus, Verdict

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "screenshots"
SCREEN = (1600, 1000)
WINDOW = (1500, 920)
ROSTER_2023 = ("慈溪市青溪镇人民政府", "白沙乡", "龙山街道", "明湖县司法局")


def ensure_display() -> subprocess.Popen | None:
    if os.environ.get("DISPLAY"):
        return None
    if shutil.which("Xvfb") is None:
        sys.exit("no DISPLAY and no Xvfb: install xvfb or run under an X server")
    server = subprocess.Popen(["Xvfb", ":99", "-screen", "0", f"{SCREEN[0]}x{SCREEN[1]}x24", "-nolisten", "tcp"])
    os.environ["DISPLAY"] = ":99"
    time.sleep(1.0)
    return server


def main() -> None:
    server = ensure_display()
    home = tempfile.mkdtemp(prefix="reviewer-screenshots-")
    os.environ["REVIEWER_HOME"] = home
    sys.path.insert(0, str(ROOT))
    try:
        take_screenshots(home)
    finally:
        shutil.rmtree(home, ignore_errors=True)
        if server is not None:
            server.terminate()


def previous_year_text(text: str) -> str:
    """A 2022 report of the unit of a 2023 one: years back by one, counts smaller, the second paragraph of
    measures worded otherwise, the third left out."""
    import re

    lines = text.replace("2024", "2023").replace("2023", "2022").splitlines()
    body = [i for i, line in enumerate(lines) if len(line) > 80]
    lines[body[1]] = lines[body[1]].replace("新聘请两名执业律师担任法律顾问,实行每周三坐班制度", "聘请一名执业律师担任法律顾问")
    del lines[body[2]]
    counted = re.compile(r"(\d+)(项|次|份|条|件)")
    return "\n".join(counted.sub(lambda m: f"{max(1, int(m.group(1)) * 4 // 5)}{m.group(2)}", line) for line in lines)


def take_screenshots(home: str) -> None:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtGui import QGuiApplication, QTextCursor
    from PySide6.QtPrintSupport import QPrintDialog
    from PySide6.QtWidgets import QApplication, QFileDialog

    from reviewer.ui.app import create_application, start_window
    from reviewer.ui.item_dialogs import AnnotationDialog
    from reviewer.ui.open_report import Target
    from reviewer.ui.report_items import Group
    from reviewer.ui.review_commands import AddAnnotationCommand
    from reviewer.workspace import RosterUnit

    app = create_application()
    window = start_window([])
    window.move(40, 30)
    window.resize(*WINDOW)

    def settle(ms: int = 300) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    while window.imports.busy:
        settle(100)
    settle()
    OUT.mkdir(parents=True, exist_ok=True)
    reports = {r.file_name[:2]: r.id for r in window.ws.reports()}

    def save(name: str, whole_screen: bool = False) -> None:
        settle()
        if whole_screen:
            screen = QGuiApplication.primaryScreen()
            frame = window.frameGeometry()
            pixmap = screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
        else:
            pixmap = window.grab()
        pixmap.save(str(OUT / name))
        print(OUT / name)

    # no report open: what to do next
    window.actions.close_report.trigger()
    save("window-empty.png")

    # the library: the city report reviewed; a new version of the reviewed township report, to be checked again
    window.ws.set_review(reports["03"], verdict=Verdict.PASS, status=ReviewStatus.REVIEWED)
    township = next(resource_path("demo").glob("04_*.txt"))
    window.ws.set_item_state(window.ws.items(reports["04"], kind="figure")[0].id, "accepted")
    window.ws.set_review(reports["04"], status=ReviewStatus.REVIEWED)
    new_version = Path(home) / township.name
    new_version.write_text(township.read_text(encoding="utf-8") + "\n（本报告经乡党委会议审定后公开。）\n", encoding="utf-8")
    window.import_paths([str(new_version)])
    while window.imports.busy:
        settle(100)
    window.refresh_library()
    # the library, with the good report open at its outline
    window.library.select_report(reports["01"])
    window.pane.tabs.setCurrentWidget(window.pane.outline)
    save("window-library.png")
    window.statusBar().clearMessage()

    # figures: a few decisions taken, one value corrected, one figure selected
    figures = sorted(window.report.items_of("figure"), key=lambda f: f.start)
    for figure, state in zip(figures[:4], ("accepted", "accepted", "rejected", "accepted")):
        window.pane.select_target(Target("item", figure.id))
        window.review.set_state(state)
    window.review.correct_item(figures[4].id, {"value": 3})
    settle()
    window.pane.select_target(Target("item", figures[6].id))
    window.pane.tabs.setCurrentWidget(window.pane.figures)
    save("window-figures.png")

    # checks of the department report: missing required parts (errors) and figures that disagree
    window.library.select_report(reports["02"])
    findings = [f for f in window.report.items_of("finding") if "调解成功率" in f.machine.message]
    window.pane.select_target(Target("item", findings[0].id))
    save("window-checks.png")

    # the find bar over the department report: every 调解 highlighted, the second one current
    window.pane.find_bar.start("调解")
    window.actions.find_next.trigger()
    settle()
    save("window-find.png")
    window.pane.find_bar.finish()

    # an annotation being added on selected text of the department report, next to an earlier one
    window.library.select_report(reports["02"])
    text = window.report.text
    noted = text.index("全县共受理")
    window.review.run(AddAnnotationCommand(
        window.ws, window.report.report_id, (noted, noted + len("全县共受理")), "受理口径与上年不同，需说明。",
        AnnotationTag.TO_VERIFY, "info", window.session.report_changed))
    start = text.index("调解成功率")
    view = window.pane.document
    cursor = view.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len("调解成功率达96.8%"), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    view.scroll_to_offset(max(text.rfind("\n", 0, noted), 0))
    window.pane.tabs.setCurrentWidget(window.pane.annotations)

    def fill_and_shoot() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, AnnotationDialog):
            QTimer.singleShot(50, fill_and_shoot)
            return
        dialog.comment.setPlainText("成功率与所列件数不符（1197÷1268≈94.4%），请核实后更正。")
        dialog.tag.setCurrentIndex(dialog.tag.findData(AnnotationTag.TO_VERIFY))
        below = view.viewport().mapToGlobal(view.cursorRect(view.textCursor()).bottomLeft())
        dialog.move(view.mapToGlobal(view.rect().topLeft()).x() + view.width() // 6, below.y() + 40)
        settle(400)
        save("window-annotation.png", whole_screen=True)
        dialog.reject()

    QTimer.singleShot(100, fill_and_shoot)
    window.review.add_annotation()

    def shoot_dialog(name: str, kind: type, prepare=None) -> None:
        """When the code under way opens a ``kind`` dialog: prepare it, save it, close it."""
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(50, lambda: shoot_dialog(name, kind, prepare))
            return
        if prepare is not None:
            prepare(dialog)
        settle(600)
        dialog.grab().save(str(OUT / name))
        print(OUT / name)
        dialog.reject()

    def demo_folder_in_detail(dialog: QFileDialog) -> None:
        dialog.setDirectory(str(resource_path("demo")))
        dialog.setViewMode(QFileDialog.ViewMode.Detail)

    QTimer.singleShot(100, lambda: shoot_dialog("dialog-open.png", QFileDialog, demo_folder_in_detail))
    window.choose_files()
    QTimer.singleShot(100, lambda: shoot_dialog("dialog-print.png", QPrintDialog))
    window.actions.print_summary.trigger()
    while window.summaries.busy:
        settle(100)

    # the 报送名单 of 2023 over the window: four units (one reported under another spelling); 2022's roster leaves
    # out 明湖县司法局, so the library marks its report 不在名单 and lists the 未报送 units
    window.ws.set_roster(2023, [RosterUnit(name, Level.DEPARTMENT if name.endswith("局") else Level.TOWNSHIP)
                                for name in ROSTER_2023])
    window.ws.set_roster(2022, [RosterUnit("明湖县人民政府", Level.COUNTY)])
    window.refresh_library()
    dialog = window.rosters.show(2023)
    dialog.move(window.x() + 380, window.y() + 140)
    settle(300)
    save("window-roster.png", whole_screen=True)
    dialog.close()
    settle()

    # 与上年对比: 青溪镇's 2023 report beside a 2022 one written for the screenshot (other numbers, one paragraph
    # reworded, one the 2023 report added)
    earlier = Path(home) / "青溪镇2022年度法治政府建设工作报告.txt"
    earlier.write_text(previous_year_text(next(resource_path("demo").glob("01_*.txt")).read_text(encoding="utf-8")),
                       encoding="utf-8")
    window.import_paths([str(earlier)])
    while window.imports.busy:
        settle(100)
    window.library.select_report(reports["01"])
    compare = window.show_year_compare()
    compare.move(window.x() + 150, window.y() + 60)
    settle(600)
    compare.grab().save(str(OUT / "window-year-compare.png"))
    print(OUT / "window-year-compare.png")
    compare.close()

    # 相同段落: 白沙乡's 2024 report, its 2018 report with the years changed, and a paragraph of 青溪镇's 2023 report
    # with the unit renamed and two of its sentences run together
    paragraph = max((line for line in window.ws.report(reports["01"]).analysis.text.splitlines()
                     if line.count("。") >= 3), key=len)
    copied = paragraph.replace("青溪镇", "白沙乡").replace("。", "，", 1)
    baisha = next(resource_path("demo").glob("04_*.txt")).read_text(encoding="utf-8")
    lines = baisha.replace("2019", "2025").replace("2018", "2024").splitlines()
    lines.insert(next(i for i, line in enumerate(lines) if len(line) > 80) + 1, copied)
    later = Path(home) / "白沙乡2024年度法治政府建设工作情况报告.txt"
    later.write_text("\n".join(lines) + "\n", encoding="utf-8")
    window.import_paths([str(later)])
    while window.imports.busy:
        settle(100)
    window.refresh_library()
    later_id = next(r.id for r in window.ws.reports() if r.file_name == later.name)
    window.library.select_report(later_id)
    window.pane.tabs.setCurrentWidget(window.pane.checks)
    tree = window.pane.checks.tree
    number, copy = next((n, c) for n, c in enumerate(window.report.copies) if c.kind == "other_unit")
    group = tree.model().index_of(Group.COPIES)
    tree.expand(group)
    row = tree.model().index(number, 0, group)
    tree.setCurrentIndex(row)
    tree.scrollTo(row)
    window.pane.document.select_span(copy.start, copy.end)
    save("window-copies.png")
    window.close()
    app.quit()


if __name__ == "__main__":
    main()
