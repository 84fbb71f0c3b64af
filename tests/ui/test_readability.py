"""Texts people read in the side panels, the search results and the message boxes are shown whole:
columns sized to their content, the search match kept in view, failures named once."""
from __future__ import annotations

from PySide6.QtCore import Qt

from reviewer.ui.app import create_application
from reviewer.ui.dialogs import MESSAGE_WIDTH_CHARS, failure_line
from reviewer.ui.import_worker import Failure
from reviewer.ui.item_dialogs import AnnotationDialog
from reviewer.ui.snippet_delegate import ELLIPSIS, SnippetRole, fit_snippet
from tests.ui.conftest import click_library_row, import_failures_box, type_chinese, wait_for_imports

GOOD_REPORT = "01_青溪镇2023年度法治政府建设工作报告.txt"


def test_the_figure_text_column_fits_long_figure_texts(loaded_window, qtbot):
    window = loaded_window
    click_library_row(qtbot, window, GOOD_REPORT)
    table = window.pane.figures.table
    texts = [table.item_model.display_text(item, table.item_model.columns[0]) for item in table.item_model.items]
    assert "百分之九十以上" in texts
    assert table.horizontalHeader().sectionSize(0) >= table.fontMetrics().horizontalAdvance("百分之九十以上")
    assert table.textElideMode() == Qt.TextElideMode.ElideMiddle


def test_a_long_snippet_keeps_its_match_whole_and_in_view():
    text = "甲" * 30 + "行政复议" + "乙" * 30
    match = (30, 34)
    measure = len  # one unit per character
    before, hit, after = fit_snippet(text, match, 24, measure, hit_width=4)
    assert hit == "行政复议"
    assert before.startswith(ELLIPSIS) and after.endswith(ELLIPSIS)
    assert len(before) + 4 + len(after) <= 24
    assert len(before) == 24 // 3
    assert fit_snippet("短的行政复议", (2, 6), 24, measure, 4) == ("短的", "行政复议", "")


def test_search_results_carry_the_match_position_of_each_snippet(loaded_window, qtbot):
    window = loaded_window
    window.open_search()
    dialog = window._search_dialog
    type_chinese(dialog.query, "行政复议")
    dialog.run_search()
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0)
    for row in range(dialog.model.rowCount()):
        snippet, (start, end) = dialog.model.index(row, 1).data(SnippetRole)
        assert snippet[start:end] == "行政复议"
    dialog.close()


def test_ctrl_return_confirms_an_annotation(qtbot):
    create_application()  # Qt's key names in Chinese
    dialog = AnnotationDialog("集体讨论决定")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog.comment, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible(), "nothing to confirm without a comment"
    type_chinese(dialog.comment, "需核实")
    assert "Ctrl+回车" in dialog.comment.placeholderText()
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.keyClick(dialog.comment, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.values()["comment"] == "需核实"


def test_a_failed_file_is_named_once(window, qtbot, tmp_path):
    assert failure_line(Failure("/x/乱码.pdf", "PDF 文件“乱码.pdf”已损坏")) == "PDF 文件“乱码.pdf”已损坏"
    assert failure_line(Failure("/x/a.txt", "无法读取")) == "a.txt：无法读取"

    empty = tmp_path / "空报告.txt"
    empty.write_bytes(b"")
    window.import_paths([str(empty)])
    wait_for_imports(qtbot, window)

    box = import_failures_box(qtbot)
    assert box.text() == "“空报告.txt”未能导入。"
    assert box.informativeText().count("空报告.txt") == 1
    assert f"min-width: {box.fontMetrics().horizontalAdvance('中') * MESSAGE_WIDTH_CHARS}px" in box.styleSheet()
    assert window.statusBar().currentMessage() == "1 个文件未能导入"
    box.accept()
