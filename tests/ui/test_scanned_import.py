"""A scan imported through the window: page progress in the status bar, the report marked as recognized text
in the library and the title, and 重新识别 from the review menu. The recognizer is the workspace tests'
stand-in (fixed lines), so this is about the window, not about reading images."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel

from reviewer.ui.library_model import COLUMN_FILE, report_tooltip
from tests.ui.conftest import type_chinese, wait_for_imports
from tests.workspace.test_scanned_reports import recognizer, scan_file  # noqa: F401  (fixture)


def test_scan_import_shows_page_progress_and_marks_the_report(window, qtbot, monkeypatch, tmp_path, recognizer):  # noqa: F811
    scan = scan_file(tmp_path, pages=2)
    labels: list[str] = []
    window.imports.progress_label.setText = lambda text, original=window.imports.progress_label.setText: (
        labels.append(text), original(text))[1]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args, **kwargs: ([str(scan)], ""))
    window.actions.open_files.trigger()
    wait_for_imports(qtbot, window)
    qtbot.waitUntil(lambda: window.report is not None)

    assert "正在识别 盖章扫描件.tif：第 2/2 页" in labels
    model = window.library.model
    assert model.data(model.index(0, COLUMN_FILE)) == "盖章扫描件.tif（扫描件识别）"
    assert "本报告文字由扫描件识别" in report_tooltip(model.report(0))
    assert "（扫描件识别）" in window.windowTitle()
    assert window.actions.recognize_again.isEnabled()

    recognizer.lines[2] = "全年共办理行政复议案件129件，纠正13件。"
    window.actions.recognize_again.trigger()
    wait_for_imports(qtbot, window)
    qtbot.waitUntil(lambda: "129件" in window.pane.document.toPlainText())
    assert recognizer.pages == 4


def test_recognize_again_is_disabled_for_a_report_with_a_text_layer(window, qtbot, monkeypatch, demo_files):
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args, **kwargs: ([str(demo_files[0])], ""))
    window.actions.open_files.trigger()
    wait_for_imports(qtbot, window)
    qtbot.waitUntil(lambda: window.report is not None)
    assert not window.actions.recognize_again.isEnabled()
    assert "扫描件识别" not in window.windowTitle()


def test_view_original_shows_the_page_where_a_doubtful_figure_was_read(window, qtbot, tmp_path, recognizer):  # noqa: F811
    from reviewer.ui.open_report import Target
    from reviewer.ui.scan_place_dialog import ScanPlaceDialog

    recognizer.doubtful = "2"  # the recognizer is unsure of the digit 2 of 128件
    window.import_paths([str(scan_file(tmp_path))])
    wait_for_imports(qtbot, window)
    qtbot.waitUntil(lambda: window.report is not None)
    doubt = next(i for i in window.report.items if i.kind == "finding" and i.machine.code == "ocr_doubt")
    assert doubt.machine.message == "识别可能有误，请核对原件：第 1 页“128件”"
    assert not window.actions.view_scan_place.isEnabled()

    window.pane.select_target(Target("item", doubt.id))
    assert window.actions.view_scan_place.isEnabled()
    window.actions.view_scan_place.trigger()
    qtbot.waitUntil(lambda: window.findChild(ScanPlaceDialog) is not None)
    dialog = window.findChild(ScanPlaceDialog)
    assert dialog.windowTitle() == "原件第 1 页"
    assert not dialog.image.pixmap().isNull() and dialog.image.pixmap().width() > 100
    assert "128件" in dialog.recognized.text()
    assert not dialog.correct_button.isEnabled()
    assert "figure_box" in doubt.machine.detail
    assert any(label.text().startswith("红框内是存疑的数据") for label in dialog.findChildren(QLabel))
    image = dialog.image.pixmap().toImage()
    assert any(image.pixelColor(x, y).red() > 180 and image.pixelColor(x, y).green() < 60
               for x in range(0, image.width(), 2) for y in range(0, image.height(), 2))

    dialog.recognized.clear()
    type_chinese(dialog.recognized, "全年共办理行政复议案件126件，纠正13件。")
    assert dialog.correct_button.isEnabled()
    qtbot.mouseClick(dialog.correct_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "126件" in window.pane.document.toPlainText())
    assert "128件" not in window.pane.document.toPlainText()
    assert recognizer.pages == 2
