"""Taking in a list of units for a roster: pasted (editable, read as it is typed) or read from a file (shown as
read), with what was read, what was left out, and whether it is added to the year's roster or replaces it."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.workspace import RosterUnit
from reviewer.workspace.roster_list import ParsedRoster, parse_roster_text

SKIPPED_SHOWN = 3
"""Left-out lines named in the preview; the others are counted."""


class RosterInputDialog(QDialog):
    """``parsed`` given: the units of a file, shown read-only; else ``text`` (the clipboard) to edit."""

    def __init__(self, year: int, listed: int, text: str = "", parsed: ParsedRoster | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rosterInputDialog")
        self.setWindowTitle(self.tr("导入报送名单") if parsed is not None else self.tr("粘贴报送名单"))
        self._fixed = parsed
        self._parsed = parsed or ParsedRoster()

        hint = QLabel(self.tr("每行一个单位（也可用顿号分隔）；序号、空行、名单标题和分组标题会自动去掉。")
                      if parsed is None else self.tr("从文件中读到的单位："))
        hint.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setObjectName("rosterText")
        if parsed is not None:
            self.text.setPlainText("\n".join(unit.name for unit in parsed.units))
            self.text.setReadOnly(True)
        else:
            self.text.setPlaceholderText(self.tr("在此粘贴名单，例如：\n1. 青溪镇\n2. 明湖县司法局"))
            self.text.setPlainText(text)
            self.text.textChanged.connect(self._read)
        self.preview = QLabel()
        self.preview.setObjectName("rosterPreview")
        self.preview.setWordWrap(True)

        self.append = QRadioButton(self.tr("追加到 {year} 年度名单（已有 {count} 个单位）").format(year=year, count=listed))
        self.append.setObjectName("rosterAppend")
        self.replace = QRadioButton(self.tr("替换 {year} 年度的整个名单").format(year=year))
        self.replace.setObjectName("rosterReplace")
        (self.append if listed else self.replace).setChecked(True)
        self.append.setEnabled(listed > 0)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.preview)
        layout.addWidget(self.append)
        layout.addWidget(self.replace)
        layout.addWidget(self.buttons)
        line = self.fontMetrics().lineSpacing()
        self.resize(line * 28, line * 24)
        self._read()

    def units(self) -> list[RosterUnit]:
        return list(self._parsed.units)

    def replaces(self) -> bool:
        """The list replaces the year's roster (else it is added to it)."""
        return self.replace.isChecked()

    def _read(self) -> None:
        if self._fixed is None:
            self._parsed = parse_roster_text(self.text.toPlainText())
        parsed = self._parsed
        text = self.tr("读到 {count} 个单位").format(count=len(parsed.units))
        if parsed.skipped:
            shown = "、".join(parsed.skipped[:SKIPPED_SHOWN]) + ("等" if len(parsed.skipped) > SKIPPED_SHOWN else "")
            text += self.tr("；跳过 {count} 行：{lines}").format(count=len(parsed.skipped), lines=shown)
        self.preview.setText(text)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(parsed.units))
