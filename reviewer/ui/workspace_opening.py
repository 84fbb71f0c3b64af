"""Opening the workspace file at start (or when switching), with a clear dialog for every way it can
fail: in use elsewhere, damaged (offering the newest backup), or written by a newer version."""
from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from reviewer.ui.dialogs import (
    WorkspaceChoice,
    ask_workspace_corrupt,
    ask_workspace_locked,
    ask_workspace_too_new,
    choose_workspace_file,
)
from reviewer.ui.plain_text import plain_message

if TYPE_CHECKING:
    from reviewer.workspace.model import RestoredBackup

log = logging.getLogger(__name__)

def open_workspace_interactively(path: Path, parent: QWidget | None = None):
    """The opened Workspace, or None when the reviewer chose to quit."""
    from reviewer.workspace import Workspace, WorkspaceCorrupt, WorkspaceError, WorkspaceLocked, WorkspaceTooNew

    while True:
        try:
            return _opened_and_listed(Workspace.open(path, defer_check=True))  # checked by WorkspaceCheck
        except WorkspaceLocked as error:
            choice = ask_workspace_locked(parent, path, error)
        except WorkspaceCorrupt as error:
            choice = ask_workspace_corrupt(parent, path, error)
            if choice is WorkspaceChoice.RESTORE_BACKUP:
                restore_from_backup(path, error.backups[0], parent)
                continue
            if choice is WorkspaceChoice.CHOOSE_BACKUP:
                chosen = choose_backup(path, error.backups, parent)
                if chosen is not None:
                    restore_from_backup(path, chosen, parent)
                continue
        except WorkspaceTooNew as error:
            choice = ask_workspace_too_new(parent, path, error)
        except WorkspaceError as error:
            log.exception("workspace could not be opened")
            _show_failure(parent, error.message)
            choice = WorkspaceChoice.OTHER
        if choice is WorkspaceChoice.RETRY:
            continue
        if choice is WorkspaceChoice.OTHER:
            chosen = choose_workspace_file(parent, path)
            if chosen is None:
                return None
            path = chosen
            continue
        return None


def restore_from_backup(path: Path, backup: Path, parent: QWidget | None = None) -> RestoredBackup | None:
    """Put ``backup`` in place of the (closed) workspace at ``path``; None after saying in a message why
    it failed (the workspace file is then left as it was)."""
    from reviewer.workspace import Workspace, WorkspaceError

    try:
        return Workspace.restore_backup(path, backup)
    except (WorkspaceError, OSError) as error:
        log.exception("restoring a backup failed")
        _show_failure(parent, getattr(error, "message", str(error)), QCoreApplication.translate(
            "workspace_opening", "无法从备份恢复"))
        return None


def choose_backup(path: Path, sound: Sequence[Path], parent: QWidget | None = None) -> Path | None:
    """The backup (of the ``sound`` ones) the officer picks in the list of backups; None when cancelled."""
    from reviewer.ui.backup_dialog import BackupChoiceDialog
    from reviewer.workspace.backup import list_backups

    listed = [backup for backup in list_backups(path) if backup.path in set(sound)]
    dialog = BackupChoiceDialog(path, listed, parent)
    return dialog.chosen() if dialog.exec() == BackupChoiceDialog.DialogCode.Accepted else None


def _opened_and_listed(ws):
    """The workspace once its report list reads: damage found there takes the damaged-file dialog
    (with its backups) before the window opens, instead of failing inside it."""
    try:
        ws.reports()
    except BaseException:
        ws.close()
        raise
    return ws


def _show_failure(parent: QWidget | None, message: str, title: str | None = None) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning,
                      title or QCoreApplication.translate("workspace_opening", "无法打开工作区"),
                      message, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("workspaceOpeningFailure")
    plain_message(box).exec()
