"""Message dialogs: a workspace that cannot be opened (in use, damaged, too new) and files that could
not be imported."""
from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from reviewer.ui.import_worker import Failure
from reviewer.ui.plain_text import plain_message

MAX_LISTED_FAILURES = 5
MESSAGE_WIDTH_CHARS = 26
"""Minimum width of a message's text in CJK characters: Chinese has no spaces, so Qt's own message boxes
wrap it into a narrow column of short broken lines."""


class WorkspaceChoice(Enum):
    RETRY = "retry"
    RESTORE_BACKUP = "restore"
    CHOOSE_BACKUP = "choose-backup"
    OTHER = "other"
    QUIT = "quit"


def _tr(text: str) -> str:
    return QCoreApplication.translate("dialogs", text)


DETAIL_CHARS = 200
"""How much of SQLite's description of the damage the dialog shows."""


def _ask(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, informative: str,
         buttons: Sequence[tuple[str, WorkspaceChoice, QMessageBox.ButtonRole]]) -> WorkspaceChoice:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("workspaceErrorDialog")
    widen_message(box)
    box.setInformativeText(informative)
    mapping = {}
    for label, choice, role in buttons:
        mapping[box.addButton(label, role)] = choice
    box.exec()
    return mapping.get(box.clickedButton(), WorkspaceChoice.QUIT)


def ask_workspace_locked(parent: QWidget | None, path: Path, error) -> WorkspaceChoice:
    holder = getattr(error, "holder", "") or _tr("另一个程序")
    return _ask(
        parent,
        QMessageBox.Icon.Warning,
        _tr("工作区正在使用中"),
        _tr("工作区已被另一个程序打开（{holder}）。").format(holder=holder),
        _tr("同一个工作区不能同时在两处打开，以免审阅记录相互覆盖。请关闭另一处后重试，或打开其他工作区。\n\n{path}").format(
            path=path
        ),
        [
            (_tr("重试"), WorkspaceChoice.RETRY, QMessageBox.ButtonRole.AcceptRole),
            (_tr("打开其他工作区…"), WorkspaceChoice.OTHER, QMessageBox.ButtonRole.ActionRole),
            (_tr("退出"), WorkspaceChoice.QUIT, QMessageBox.ButtonRole.RejectRole),
        ],
    )


def ask_workspace_corrupt(parent: QWidget | None, path: Path, error) -> WorkspaceChoice:
    backups = list(getattr(error, "backups", []) or [])
    buttons = []
    if backups:
        informative = _tr("可以用最近的备份（{name}）替换它；损坏的文件会另存一份，不会删除。").format(
            name=Path(backups[0]).name
        )
        buttons.append((_tr("恢复最近的备份"), WorkspaceChoice.RESTORE_BACKUP, QMessageBox.ButtonRole.AcceptRole))
        if len(backups) > 1:
            buttons.append((_tr("选择其他备份…"), WorkspaceChoice.CHOOSE_BACKUP, QMessageBox.ButtonRole.ActionRole))
    else:
        informative = _tr("没有找到可用的备份。可以打开或新建其他工作区。")
    buttons += [
        (_tr("打开其他工作区…"), WorkspaceChoice.OTHER, QMessageBox.ButtonRole.ActionRole),
        (_tr("退出"), WorkspaceChoice.QUIT, QMessageBox.ButtonRole.RejectRole),
    ]
    return _ask(
        parent,
        QMessageBox.Icon.Critical,
        _tr("工作区已损坏"),
        _tr("工作区文件已损坏，无法打开（{detail}）。\n{path}").format(
            detail=str(getattr(error, "detail", "") or "")[:DETAIL_CHARS], path=path),
        informative,
        buttons,
    )


def ask_workspace_too_new(parent: QWidget | None, path: Path, error) -> WorkspaceChoice:
    return _ask(
        parent,
        QMessageBox.Icon.Warning,
        _tr("工作区版本较新"),
        _tr("这个工作区由更新版本的程序创建，当前版本无法打开。\n{path}").format(path=path),
        _tr("请升级本程序后再打开，或打开其他工作区。"),
        [
            (_tr("打开其他工作区…"), WorkspaceChoice.OTHER, QMessageBox.ButtonRole.AcceptRole),
            (_tr("退出"), WorkspaceChoice.QUIT, QMessageBox.ButtonRole.RejectRole),
        ],
    )


def choose_workspace_file(parent: QWidget | None, start: Path | None) -> Path | None:
    """Pick an existing workspace or name a new one."""
    dialog = QFileDialog(parent, _tr("打开或新建工作区"), str(start.parent if start else Path.home()))
    dialog.setNameFilter(_tr("审阅工作区 (*.sqlite *.db);;所有文件 (*)"))
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, True)
    dialog.setDefaultSuffix("sqlite")
    if dialog.exec() and dialog.selectedFiles():
        return Path(dialog.selectedFiles()[0])
    return None


def widen_message(box: QMessageBox) -> None:
    """Give the box's text room for a line of about MESSAGE_WIDTH_CHARS characters; shown as plain text
    (file names, paths and messages are never markup)."""
    plain_message(box)
    width = box.fontMetrics().horizontalAdvance("中") * MESSAGE_WIDTH_CHARS
    box.setStyleSheet(
        f"QLabel#qt_msgbox_label, QLabel#qt_msgbox_informativelabel {{ min-width: {width}px; }}"
    )


def show_error(parent: QWidget | None, title: str, text: str) -> QMessageBox:
    """A non-blocking error message (window-modal); returns the box, which deletes itself when closed."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    widen_message(box)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def failure_line(failure: Failure) -> str:
    """One failed file for people: its name and why (the name only once when the message names it)."""
    name = Path(failure.source).name
    return failure.message if name in failure.message else f"{name}：{failure.message}"


def show_import_failures(parent: QWidget | None, failures: Sequence[Failure], imported: int) -> QMessageBox:
    """Non-blocking: which files could not be imported and why."""
    if len(failures) == 1 and not imported:
        text = _tr("“{name}”未能导入。").format(name=Path(failures[0].source).name)
    elif imported:
        text = _tr("{count} 个文件未能导入，其余 {imported} 个已导入。").format(count=len(failures), imported=imported)
    else:
        text = _tr("{count} 个文件都未能导入。").format(count=len(failures))
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        _tr("部分文件未能导入") if imported else _tr("文件未能导入"),
        text,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("importFailuresDialog")
    widen_message(box)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    lines = [failure_line(f) for f in failures]
    shown = lines[:MAX_LISTED_FAILURES]
    if len(lines) > MAX_LISTED_FAILURES:
        shown.append(_tr("……等 {count} 个文件，详见“详细信息”。").format(count=len(lines)))
    box.setInformativeText("\n".join(shown))
    if len(lines) > MAX_LISTED_FAILURES:
        box.setDetailedText("\n".join(f"{f.source}：{f.message}" for f in failures))
    box.open()
    return box
