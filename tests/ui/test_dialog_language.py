"""Qt's own dialogs speak Chinese: the file dialogs (open, save, folder), the print, page-setup and
print-preview dialogs, message and input boxes, walked widget by widget for any label with Latin letters
outside a short allowlist (file names and patterns, paper sizes, units, PDF). The file dialog's detail
view shows sizes and dates in Chinese, in columns wide enough for them."""
from __future__ import annotations

import os
import re
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtPrintSupport import QPageSetupDialog, QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QStyleOptionViewItem,
    QTabBar,
    QTreeView,
    QWidget,
)

from reviewer.ui.dialogs import show_error, show_import_failures
from reviewer.ui.file_dialog_look import DATE_COLUMN, NAME_COLUMN, SIZE_COLUMN, TYPE_COLUMN, watch_file_dialogs
from reviewer.ui.import_worker import Failure
from reviewer.ui.translations import install_qt_translations

MNEMONIC = re.compile(r"\(&\w\)|&(?=\w)")
ALLOWED = [re.compile(pattern) for pattern in (
    r"\*?\.\w+",  # file patterns and extensions: *.docx, .pdf
    r"\bPDF\b",
    r"\b(?:JIS |ANSI )?[A-E]\d{0,2}\b|\bDL\b",  # paper sizes: A4, B5, JIS B5, ANSI A, C65, DL
    r"\d+(?:\.\d+)? ?x ?\d+(?:\.\d+)?",  # paper sizes in inches (8.27 x 13 in), pages per sheet (2x3)
    r"\b(?:mm|cm|in|pt|DD|CC)\b|P\u0338",  # units: millimetres ... picas (P̸), didots, ciceros
)]
NAMED_IN_BRACKETS = re.compile(r"\([A-Za-z][A-Za-z -]*\)")
"""美国信纸 (Letter), 国际信封 (Envelope): the paper's own name after its Chinese one."""
CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")


@pytest.fixture
def chinese_qt(qapp):
    """Qt's Chinese catalogues and the file-dialog watcher installed as the app installs them, then removed."""
    default_locale = QLocale()
    translators = install_qt_translations(qapp)
    watcher = watch_file_dialogs(qapp)
    yield
    qapp.removeEventFilter(watcher)
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(default_locale)


def is_allowed(text: str) -> bool:
    """No Latin letters once mnemonics, allowed words and (for Chinese labels) bracketed names are gone;
    or the text is the path of an existing file or folder."""
    if ("/" in text or "\\" in text) and Path(text).exists():
        return True
    text = MNEMONIC.sub("", text)
    for allowed in ALLOWED:
        text = allowed.sub("", text)
    if CJK.search(text):
        text = NAMED_IN_BRACKETS.sub("", text)
    return not LATIN.search(text)


def widget_texts(widget: QWidget) -> list[str]:
    texts = [widget.toolTip()] + [text for action in widget.actions() for text in (action.text(), action.toolTip())]
    if isinstance(widget, QLabel):
        texts.append(widget.text())
    elif isinstance(widget, QAbstractButton):
        texts.append(widget.text())
    elif isinstance(widget, QGroupBox):
        texts.append(widget.title())
    elif isinstance(widget, QComboBox):
        texts += [widget.itemText(i) for i in range(widget.count())]
    elif isinstance(widget, QTabBar):
        texts += [widget.tabText(i) for i in range(widget.count())]
    elif isinstance(widget, QLineEdit):
        texts.append(widget.placeholderText())
    elif isinstance(widget, QHeaderView) and widget.model() is not None:
        orientation = widget.orientation()
        texts += [str(widget.model().headerData(i, orientation) or "") for i in range(widget.count())]
    return [text for text in texts if text]


def english_labels(dialog: QWidget) -> list[str]:
    """Every label of ``dialog`` and its children (shown or not) that is not Chinese, as 'Class#name: text'."""
    found = []
    for widget in [dialog, *dialog.findChildren(QWidget)]:
        for text in widget_texts(widget):
            if not is_allowed(text):
                found.append(f"{type(widget).__name__}#{widget.objectName()}: {text}")
    return found


def shown(qtbot, dialog: QWidget) -> QWidget:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_allowlist_lets_through_only_names_sizes_and_units():
    for text in ("打开(&O)", "PDF 文件 (*.pdf)", "A4", "JIS B5", "美国信纸 (Letter) / ANSI A", "毫米 (mm)",
                 "美国行政 (Executive) (7.5 x 10 in)", "打印到文件(PDF)", str(Path.home())):
        assert is_allowed(text), text
    for text in ("&Look in:", "Files of &type:", "Page &Set:", "Letter", "OK", "/no/such/folder"):
        assert not is_allowed(text), text


@pytest.fixture
def folder(tmp_path) -> Path:
    """A folder with a 762-byte report last changed on 5 March 2026 at 14:07."""
    report = tmp_path / "青溪镇2025年度法治政府建设工作报告.docx"
    report.write_bytes(b"x" * 762)
    stamp = datetime(2026, 3, 5, 14, 7).timestamp()
    os.utime(report, (stamp, stamp))
    return tmp_path


@pytest.mark.parametrize("mode", ["open", "save", "folder"])
def test_file_dialogs_are_in_chinese(chinese_qt, qtbot, folder, mode):
    dialog = QFileDialog(None, "导入报告", str(folder), "报告 (*.txt *.docx *.pdf);;所有文件 (*)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    if mode == "save":
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    elif mode == "folder":
        dialog.setFileMode(QFileDialog.FileMode.Directory)
    shown(qtbot, dialog)

    assert english_labels(dialog) == []
    dialog.close()


def test_the_file_dialogs_detail_view_shows_chinese_sizes_and_dates_in_full(chinese_qt, qtbot, folder):
    dialog = QFileDialog(None, "导入报告", str(folder))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    shown(qtbot, dialog)
    tree = dialog.findChild(QTreeView, "treeView")
    qtbot.waitUntil(lambda: tree.model().rowCount(tree.rootIndex()) == 1)
    row = tree.model().index(0, NAME_COLUMN, tree.rootIndex())

    cells = {}
    for column in (NAME_COLUMN, SIZE_COLUMN, TYPE_COLUMN, DATE_COLUMN):
        index = row.siblingAtColumn(column)
        option = QStyleOptionViewItem()
        tree.itemDelegateForIndex(index).initStyleOption(option, index)
        cells[column] = option.text
        text_room = tree.header().sectionSize(column) - 2 * tree.style().pixelMetric(tree.style().PixelMetric.PM_FocusFrameHMargin)
        assert tree.fontMetrics().horizontalAdvance(option.text) <= text_room, option.text

    assert cells[DATE_COLUMN] == "2026/3/5 14:07"
    assert cells[SIZE_COLUMN] == "762 字节"
    assert tree.model().headerData(SIZE_COLUMN, Qt.Orientation.Horizontal) == "大小"
    dialog.close()


def test_print_page_setup_and_preview_dialogs_are_in_chinese(chinese_qt, qtbot):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    for dialog in (QPrintDialog(printer), QPageSetupDialog(printer), QPrintPreviewDialog(printer)):
        shown(qtbot, dialog)
        assert english_labels(dialog) == [], (type(dialog).__name__, english_labels(dialog))
        dialog.close()


def test_message_and_input_boxes_are_in_chinese(chinese_qt, qtbot):
    failures = [Failure(f"/报告/{number}.docx", "文件已损坏。") for number in range(7)]  # with 详细信息
    question = QMessageBox(QMessageBox.Icon.Question, "导出批注版", "是否也为这些项目加上批注？",
                           QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                           | QMessageBox.StandardButton.Cancel)
    text_input = QInputDialog()
    text_input.setLabelText("标题：")
    item_input = QInputDialog()
    item_input.setComboBoxItems(["行政复议案件 12 件"])
    boxes = [show_error(None, "无法导出", "无法写入文件。"), show_import_failures(None, failures, 0),
             question, text_input, item_input]
    for box in boxes:
        shown(qtbot, box)
        assert english_labels(box) == [], box.windowTitle()
        box.close()


def test_the_overlay_catalogue_holds_every_translation_of_its_ts_file():
    from xml.etree import ElementTree

    from PySide6.QtCore import QTranslator

    from reviewer.paths import resource_path

    translator = QTranslator()
    assert translator.load(str(resource_path("translations", "qtbase_overlay_zh_CN.qm")))
    messages = [(context.findtext("name"), message.findtext("source"), message.findtext("translation"))
                for context in ElementTree.parse(resource_path("translations", "qtbase_overlay_zh_CN.ts")).iter("context")
                for message in context.iter("message")]
    assert messages
    for context, source, translation in messages:
        assert translator.translate(context, source) == translation, (context, source)
