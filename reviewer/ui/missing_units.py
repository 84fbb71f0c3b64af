"""Under the library: the units of the rosters (报送名单) that have sent no report for their year (未报送),
greyed, newest year first. Hidden while the workspace has no roster."""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from reviewer.workspace import RosterStatus

MISSING_COLOUR = "#8a8a8a"
YEAR_ROLE = Qt.ItemDataRole.UserRole + 1
"""The roster year of a line."""
SHOWN_ROWS = 5
"""Lines of the list before it scrolls: the library keeps most of the height."""


class MissingUnitsPanel(QWidget):
    rosterRequested = Signal(int)
    """Open the 报送名单 dialog on this year (the 名单… button: the newest roster year)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("missingUnits")
        self.title = QLabel()
        self.title.setObjectName("missingUnitsTitle")
        self.open_roster = QPushButton(self.tr("名单…"))
        self.open_roster.setObjectName("missingUnitsRoster")
        self.open_roster.setToolTip(self.tr("打开报送名单"))
        self.open_roster.clicked.connect(lambda: self.rosterRequested.emit(self._year))
        self.list = QListWidget()
        self.list.setObjectName("missingUnitsList")
        self.list.setAlternatingRowColors(True)
        self.list.itemDoubleClicked.connect(lambda item: self.rosterRequested.emit(item.data(YEAR_ROLE)))
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.title, 1)
        head.addWidget(self.open_roster)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.list)
        self.list.setMaximumHeight(self.fontMetrics().lineSpacing() * SHOWN_ROWS + 2 * self.list.frameWidth() + 4)
        self._year = 0
        self.set_statuses([])

    def set_statuses(self, statuses: Sequence[RosterStatus]) -> None:
        """The rosters as matched to the reports (:meth:`Workspace.roster_status`)."""
        self.list.clear()
        self.setVisible(bool(statuses))
        if not statuses:
            return
        self._year = statuses[-1].year
        missing = 0
        for status in sorted(statuses, key=lambda s: -s.year):
            for entry in status.missing:
                item = QListWidgetItem(self.tr("{year}　{unit}　未报送").format(year=status.year, unit=entry.name))
                item.setForeground(QBrush(QColor(MISSING_COLOUR)))
                item.setToolTip(self.tr("{year} 年度报送名单中的单位，工作区中没有它这一年度的报告").format(year=status.year))
                item.setData(YEAR_ROLE, status.year)
                self.list.addItem(item)
                missing += 1
        self.list.setVisible(missing > 0)
        self.title.setText(self.tr("报送名单：未报送 {count} 个单位").format(count=missing) if missing
                           else self.tr("报送名单：名单中的单位均已报送"))
