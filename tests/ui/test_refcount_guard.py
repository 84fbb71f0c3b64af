"""Many Qt calls in one session do not exhaust the reference counts of None, True and False."""
from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QSortFilterProxyModel, QStringListModel

import reviewer.ui  # noqa: F401 — importing the package installs the guard

CALLS = 50_000


def test_a_long_session_of_qt_calls_survives(qapp):
    probe = QObject()
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(QStringListModel(["甲"]))
    for _ in range(CALLS):
        probe.setObjectName("probe")  # void
        probe.parent()  # null pointer → None
        proxy.data(proxy.index(0, 0), 1000)  # invalid QVariant → None
    for singleton in (None, True, False):
        assert sys.getrefcount(singleton) > CALLS
