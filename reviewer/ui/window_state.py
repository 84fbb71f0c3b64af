"""The window's layout and place saved on close and restored on start (QSettings through UiSettings)."""
from __future__ import annotations

from functools import partial

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QSplitter

from reviewer.ui.settings import (
    KEY_GEOMETRY,
    KEY_LAST_POSITION,
    KEY_LAST_REPORT,
    KEY_LIBRARY_HEADER,
    KEY_MAIN_SPLITTER,
    KEY_REPORT_SPLITTER,
    KEY_SIDE_SPLITTER,
    KEY_SIDE_TAB,
    KEY_STATE,
)


def _splitters(window) -> list[tuple[str, QSplitter]]:
    return [
        (KEY_MAIN_SPLITTER, window.splitter),
        (KEY_REPORT_SPLITTER, window.pane.splitter),
        (KEY_SIDE_SPLITTER, window.pane.side_splitter),
    ]


def restore_window_state(window) -> None:
    """Geometry, tool bars, splitters, library columns, side tab; then the report and position last open."""
    settings = window.settings
    geometry = settings.bytes_value(KEY_GEOMETRY)
    if geometry is not None:
        window.restoreGeometry(geometry)
    state = settings.bytes_value(KEY_STATE)
    if state is not None:
        window.restoreState(state)
    for key, splitter in _splitters(window):
        value = settings.bytes_value(key)
        if value is not None:
            splitter.restoreState(value)
    header = settings.bytes_value(KEY_LIBRARY_HEADER)
    if header is not None:
        window.library.table.horizontalHeader().restoreState(header)
    last = settings.int_value(KEY_LAST_REPORT)
    if last is not None and window.library.model.row_of(last) is not None:
        window.open_report(last)
        position = settings.int_value(KEY_LAST_POSITION)
        if position:
            QTimer.singleShot(0, partial(window.pane.document.scroll_to_offset, position))
    tab = settings.int_value(KEY_SIDE_TAB)
    if tab is not None:
        window.pane.tabs.setCurrentIndex(tab)


def save_window_state(window) -> None:
    settings = window.settings
    settings.set_bytes(KEY_GEOMETRY, window.saveGeometry())
    settings.set_bytes(KEY_STATE, window.saveState())
    for key, splitter in _splitters(window):
        settings.set_bytes(key, splitter.saveState())
    settings.set_bytes(KEY_LIBRARY_HEADER, window.library.table.horizontalHeader().saveState())
    settings.set_int(KEY_SIDE_TAB, window.pane.tabs.currentIndex())
    report = window.report
    settings.set_int(KEY_LAST_REPORT, report.report_id if report else None)
    settings.set_int(KEY_LAST_POSITION, window.pane.document.first_visible_offset() if report else None)
    settings.sync()
