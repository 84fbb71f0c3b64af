"""结构 tab: the report's basic facts (metadata items, editable) and its outline tree, with numbering
problems marked on the headings they concern."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from reviewer.ui.current_item import CurrentItem
from reviewer.ui.open_report import OpenReport
from reviewer.ui.panels.item_table import STATE_KEY, ItemColumn, ItemTableView
from reviewer.ui.panels.item_tree import ItemTree
from reviewer.ui.report_items import Group, ReportItemModel
from reviewer.ui.review_states import metadata_label, metadata_value_text, parse_metadata_value
from reviewer.vocabulary import ItemKind


class OutlinePanel(QWidget):
    correctionRequested = Signal(int, dict)
    invalidInput = Signal(str, str)

    def __init__(self, model: ReportItemModel, current: CurrentItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.metadata = ItemTableView(
            [
                ItemColumn("field", self.tr("项目"), display=lambda field, _item: metadata_label(field), chars=5.5),
                ItemColumn("value", self.tr("内容"), editable=True, parse=parse_metadata_value, chars=12,
                           stretch=True, display=lambda value, item: metadata_value_text(item.effective.field, value)),
                ItemColumn(STATE_KEY, self.tr("状态"), chars=4),
            ],
            current,
        )
        self.metadata.setObjectName("metadataTable")
        self.metadata.item_model.correctionRequested.connect(self.correctionRequested)
        self.metadata.item_model.invalidInput.connect(self.invalidInput)
        model.refreshed.connect(self._show_metadata)

        self.tree = ItemTree(model, current, Group.OUTLINE, [self.tr("标题"), self.tr("状态")])
        self.tree.setObjectName("outlineTree")

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.metadata)
        splitter.addWidget(self.tree)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def _show_metadata(self, report: OpenReport | None) -> None:
        self.metadata.set_items(report.items_of(ItemKind.METADATA) if report else [])
