"""The 设置 dialog: who reviews (name, 审阅单位, document-number prefix; kept in the workspace, remembered in the
user's settings for the next workspace) and the folder summaries are saved to by default."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.ui.settings import KEY_DOCUMENT_PREFIX, KEY_OFFICE_NAME, KEY_OUTPUT_FOLDER, KEY_REVIEWER_NAME, UiSettings
from reviewer.workspace import ReviewIdentity, Workspace


def default_identity(ws: Workspace, settings: UiSettings) -> ReviewIdentity:
    """The workspace's identity; fields it has never set come from the user's settings (the last ones entered)."""
    stored = ws.identity
    return ReviewIdentity(
        stored.reviewer_name or settings.str_value(KEY_REVIEWER_NAME) or "",
        stored.office_name or settings.str_value(KEY_OFFICE_NAME) or "",
        stored.document_prefix or settings.str_value(KEY_DOCUMENT_PREFIX) or "",
    )


def output_folder(settings: UiSettings, fallback: str) -> Path:
    """Where summaries and tables are saved unless the reviewer picks another folder."""
    return Path(settings.str_value(KEY_OUTPUT_FOLDER) or fallback)


class SettingsDialog(QDialog):
    def __init__(self, ws: Workspace, settings: UiSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("设置"))
        self._ws = ws
        self._settings = settings
        identity = default_identity(ws, settings)

        self.reviewer_name = QLineEdit(identity.reviewer_name)
        self.reviewer_name.setObjectName("reviewerName")
        self.reviewer_name.setPlaceholderText(self.tr("未填写时使用系统登录名 {login}").format(login=_login(ws)))
        self.office_name = QLineEdit(identity.office_name)
        self.office_name.setObjectName("officeName")
        self.office_name.setPlaceholderText(self.tr("例如：某某市司法局"))
        self.document_prefix = QLineEdit(identity.document_prefix)
        self.document_prefix.setObjectName("documentPrefix")
        self.document_prefix.setPlaceholderText(self.tr("例如：司法审（编号印为 司法审〔年份〕序号号）"))
        self.output_folder = QLineEdit(settings.str_value(KEY_OUTPUT_FOLDER) or "")
        self.output_folder.setObjectName("outputFolder")
        self.output_folder.setPlaceholderText(self.tr("未填写时使用上次打开文件的文件夹"))
        browse = QPushButton(self.tr("选择…"))
        browse.setObjectName("chooseOutputFolder")
        browse.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.output_folder, 1)
        folder_row.addWidget(browse)

        form = QFormLayout()
        form.addRow(self.tr("审阅人(&N)："), self.reviewer_name)
        form.addRow(self.tr("审阅单位(&O)："), self.office_name)
        form.addRow(self.tr("编号前缀(&P)："), self.document_prefix)
        form.addRow(self.tr("默认输出文件夹(&F)："), folder_row)
        for field, label in ((self.reviewer_name, 0), (self.office_name, 1), (self.document_prefix, 2)):
            buddy = form.itemAt(label, QFormLayout.ItemRole.LabelRole).widget()
            if isinstance(buddy, QLabel):
                buddy.setBuddy(field)
        note = QLabel(self.tr("审阅人、审阅单位和编号前缀印在审阅意见单和汇总表上，审阅人记入每项审阅决定。"))
        note.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)

    def identity(self) -> ReviewIdentity:
        return ReviewIdentity(self.reviewer_name.text().strip(), self.office_name.text().strip(),
                              self.document_prefix.text().strip())

    def accept(self) -> None:
        """Store the identity in the workspace (when changed) and everything in the user's settings."""
        identity = self.identity()
        if identity != self._ws.identity:
            self._ws.set_identity(identity)
        self._settings.set_str(KEY_REVIEWER_NAME, identity.reviewer_name)
        self._settings.set_str(KEY_OFFICE_NAME, identity.office_name)
        self._settings.set_str(KEY_DOCUMENT_PREFIX, identity.document_prefix)
        self._settings.set_str(KEY_OUTPUT_FOLDER, self.output_folder.text().strip())
        self._settings.sync()
        super().accept()

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择默认输出文件夹"),
                                                  self.output_folder.text() or str(Path.home()))
        if folder:
            self.output_folder.setText(folder)


def _login(ws: Workspace) -> str:
    """The name decisions carry while none is set (the OS login)."""
    return ws.reviewer_name if not ws.identity.reviewer_name else ""
