"""Report text and the reviewer's comments that look like markup are shown literally: Qt never
loads the image such text names (``<img src=/dev/zero>`` would abort the program)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QMessageBox

from reviewer.ui.dialogs import show_error
from reviewer.ui.plain_text import plain_tooltip
from reviewer.workspace import Workspace
from tests.ui.conftest import click_library_row, tree_rows

HOSTILE = '<img src="/dev/zero">'
REPORT = (
    f"{HOSTILE}甲镇2023年法治政府建设年度报告\n"
    f"一、{HOSTILE}工作情况\n办理行政复议案件12件。\n"
    "二、存在的问题\n基层力量不足。\n"
)


def shown_as(tooltip: str) -> str:
    """What Qt shows for a tooltip string: rich text when it looks like markup, else plain."""
    document = QTextDocument()
    if GuiQt.mightBeRichText(tooltip):
        document.setHtml(tooltip)
        assert "<img" not in document.toHtml().replace("&lt;img", "")
    else:
        document.setPlainText(tooltip)
    return document.toPlainText()


def test_plain_tooltip_shows_markup_literally():
    for text in (HOSTILE, "<b>粗体</b>\n第二行", "<img src=/etc/passwd>", "普通文字"):
        assert shown_as(plain_tooltip(text)) == text


def test_report_and_comment_tooltips_never_render_markup(qtbot, make_window, workspace_path, tmp_path):
    report = tmp_path / "甲镇.txt"
    report.write_text(REPORT, encoding="utf-8")
    workspace_path.parent.mkdir(parents=True)
    with Workspace.open(workspace_path) as ws:
        report_id = ws.import_file(report).report_id
        ws.add_annotation(report_id, 0, 5, HOSTILE + "批注")
    window = make_window()
    click_library_row(qtbot, window, "甲镇.txt")

    model = window.library.model
    library_tip = model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert HOSTILE in shown_as(library_tip)
    tips = [library_tip]
    for tree in (window.pane.outline.tree, window.pane.annotations.tree):
        for index in tree_rows(tree):
            tips += [tip for column in range(tree.model().columnCount(index.parent()))
                     if (tip := index.siblingAtColumn(column).data(Qt.ItemDataRole.ToolTipRole))]
    shown = [shown_as(tip) for tip in tips if "img" in tip]
    assert all("<img" in text for text in shown), "every tooltip shows the markup as text"
    assert HOSTILE + "批注" in shown, "the comment"
    assert any(f"一、{HOSTILE}工作情况" in text for text in shown), "the heading"


def test_messages_show_file_names_as_plain_text(qtbot):
    box = show_error(None, "错误", f"无法读取文件：{HOSTILE}.txt")
    qtbot.addWidget(box)
    assert box.textFormat() == Qt.TextFormat.PlainText
    label = box.findChild(QLabel, "qt_msgbox_label")
    assert label.textFormat() == Qt.TextFormat.PlainText and HOSTILE in label.text()
    assert isinstance(box, QMessageBox)
    box.close()
