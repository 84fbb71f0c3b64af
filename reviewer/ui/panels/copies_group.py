"""The 相同段落 group of the 检查 tab: passages this report shares with another report of the workspace.

A node on the later report is the finding (warning for another unit's text, note for the unit's own earlier
year); on the earlier report it is the link back. Activating a node (double click, Enter) asks to open the
other report at the matching passage.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle, QTreeWidget, QTreeWidgetItem

from reviewer.ui.review_states import severity_label, state_label
from reviewer.workspace.copies import CopiedPassage

CopyRole = Qt.ItemDataRole.UserRole + 40
"""On a copy node: (other report id, (start, end) of the passage in it)."""


def add_copies_group(tree: QTreeWidget, text: str, copies: list[CopiedPassage]) -> None:
    """Adds the group (nothing when the report shares no passage)."""
    if not copies:
        return
    style = tree.style()
    group = QTreeWidgetItem([tree.tr("相同段落（{count}）").format(count=len(copies))])
    group.setFlags(Qt.ItemFlag.ItemIsEnabled)
    tree.addTopLevelItem(group)
    for copy in copies:
        if copy.on_this_report:
            message = copy.message
            icon = QStyle.StandardPixmap.SP_MessageBoxInformation if copy.severity == "info" \
                else QStyle.StandardPixmap.SP_MessageBoxWarning
            status = state_label(copy.state)
        else:
            message = tree.tr("被《{title}》引用（相似度 {share}%）").format(
                title=copy.other_title, share=round(copy.similarity * 100))
            icon = QStyle.StandardPixmap.SP_FileLinkIcon
            status = ""
        node = QTreeWidgetItem([message, status])
        node.setIcon(0, style.standardIcon(icon))
        quote = text[copy.start:copy.end]
        tip = (severity_label(copy.severity) + "：" if copy.on_this_report else "") + message
        node.setToolTip(0, tip + f"\n「{quote[:120]}」\n" + tree.tr("双击打开对方报告的相同段落"))
        node.setData(0, CopyRole, (copy.other_report_id, (copy.other_start, copy.other_end)))
        group.addChild(node)
