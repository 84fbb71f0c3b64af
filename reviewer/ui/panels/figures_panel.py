"""数据 tab: every figure of the report (text, value, unit, subject, state), values editable in place."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from reviewer.ui.current_item import CurrentItem
from reviewer.ui.open_report import OpenReport
from reviewer.ui.panels.item_table import STATE_KEY, ItemColumn, ItemTableView
from reviewer.ui.report_items import ReportItemModel
from reviewer.vocabulary import ItemKind, ItemState


class FiguresPanel(QWidget):
    correctionRequested = Signal(int, dict)
    invalidInput = Signal(str, str)

    def __init__(self, model: ReportItemModel, current: CurrentItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        columns = [
            ItemColumn("text", self.tr("原文"), chars=4, fit_chars=9),
            ItemColumn("value", self.tr("数值"), editable=True, numeric=True, chars=4.5),
            ItemColumn("unit", self.tr("单位"), editable=True, chars=2.5, fit_chars=5),
            ItemColumn("approx", self.tr("约数"), display=lambda v, _item: self.tr("约") if v else "", chars=2.5),
            ItemColumn("subject", self.tr("统计对象"), editable=True, chars=8, stretch=True),
            ItemColumn(STATE_KEY, self.tr("状态"), chars=4),
        ]
        self.table = ItemTableView(columns, current)
        self.table.setObjectName("figuresTable")
        self.table.setToolTip(self.tr("双击或按 F2 更正；数值只能填写数字"))
        self.table.item_model.correctionRequested.connect(self.correctionRequested)
        self.table.item_model.invalidInput.connect(self.invalidInput)
        self.summary = QLabel()
        self.summary.setObjectName("figuresSummary")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        model.refreshed.connect(self.show_report)

    def show_report(self, report: OpenReport | None) -> None:
        figures = report.items_of(ItemKind.FIGURE) if report else []
        self.table.set_items(figures)
        pending = sum(1 for f in figures if f.state == ItemState.PENDING)
        self.summary.setText(self.tr("共 {total} 项数据，{pending} 项待审").format(total=len(figures), pending=pending))

    def edit_current(self) -> bool:
        return self.table.edit_current("value")
