"""Qt's own file dialog, where the platform has no native one (Linux without a desktop theme), with sizes
and dates in Chinese and its detail columns wide enough to read.

QFileSystemModel formats sizes and dates in the *system* locale, which on an English or C system reads
"762 bytes" and "2 12 2026"; the detail view here shows them in the default (Chinese) locale instead.
The file dialogs are opened in many places, mostly through QFileDialog's static functions, so the
application watches for any QFileDialog being shown rather than each caller setting it up.
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractProxyModel, QEvent, QLocale, QModelIndex, QObject, Qt
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFileSystemModel,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
)

NAME_COLUMN, SIZE_COLUMN, TYPE_COLUMN, DATE_COLUMN = range(4)
DIALOG_CHARS = (60, 30)
"""The dialog's smallest size in CJK characters (width) and lines (height): Qt's default leaves the
columns of the detail view cut off."""
PREPARED = "reviewerFileDialogLook"
"""Dynamic property set on a dialog once it has been set up."""


def _file_model_index(index: QModelIndex) -> tuple[QFileSystemModel | None, QModelIndex]:
    model = index.model()
    while isinstance(model, QAbstractProxyModel):
        index = model.mapToSource(index)
        model = model.sourceModel()
    return (model, index) if isinstance(model, QFileSystemModel) else (None, index)


def detail_text(index: QModelIndex) -> str | None:
    """What the size or date cell at ``index`` shows, in the default locale; None for other cells."""
    model, source = _file_model_index(index)
    if model is None:
        return None
    locale = QLocale()
    if index.column() == DATE_COLUMN:
        return locale.toString(model.lastModified(source), QLocale.FormatType.ShortFormat)
    if index.column() == SIZE_COLUMN and not model.isDir(source):
        return locale.formattedDataSize(model.size(source))
    return None


class FileDetailsDelegate(QStyledItemDelegate):
    """Draws the size and date columns with ``detail_text``."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        text = detail_text(index)
        if text is not None:
            option.text = text


def prepare_file_dialog(dialog: QFileDialog) -> bool:
    """Set up a widget-based file dialog: Chinese sizes and dates, columns fitting their contents, room
    to show them. False (nothing done) for a native dialog, which has no widgets of its own."""
    tree = dialog.findChild(QTreeView, "treeView")
    if tree is None or dialog.testAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen):
        return False
    delegate = FileDetailsDelegate(tree)
    for column in (SIZE_COLUMN, DATE_COLUMN):
        tree.setItemDelegateForColumn(column, delegate)
    header = tree.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Stretch)
    for column in (SIZE_COLUMN, TYPE_COLUMN, DATE_COLUMN):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    metrics = dialog.fontMetrics()
    width, height = metrics.horizontalAdvance("中") * DIALOG_CHARS[0], metrics.lineSpacing() * DIALOG_CHARS[1]
    screen = dialog.screen().availableGeometry()
    dialog.resize(min(max(dialog.width(), width), screen.width()), min(max(dialog.height(), height), screen.height()))
    dialog.setProperty(PREPARED, True)
    return True


class FileDialogWatcher(QObject):
    """Application event filter: prepares each QFileDialog the first time it is shown."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Sees every event of the window's thread: the cheap test first (~5 µs per event in all).
        if isinstance(watched, QFileDialog) and event.type() == QEvent.Type.Show and not watched.property(PREPARED):
            prepare_file_dialog(watched)
        return False


def watch_file_dialogs(app: QApplication) -> FileDialogWatcher:
    """Install the watcher on ``app`` (parented to it, so it lives as long)."""
    watcher = FileDialogWatcher(app)
    app.installEventFilter(watcher)
    return watcher
