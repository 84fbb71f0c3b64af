"""Errors the workspace raises; each carries a Chinese ``message`` meant for the officer."""
from __future__ import annotations

from pathlib import Path


class WorkspaceError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class WorkspaceLocked(WorkspaceError):
    """Another program holds the workspace open."""

    def __init__(self, path: Path, holder: str) -> None:
        super().__init__(
            f"工作区正被另一个程序使用（{holder or '未知程序'}）：{path}\n"
            "请先关闭正在使用它的程序，或打开另一个工作区。"
        )
        self.path = path
        self.holder = holder


class WorkspaceCorrupt(WorkspaceError):
    """The file failed the integrity check; ``backups`` lists what it can be restored from, newest first."""

    def __init__(self, path: Path, detail: str, backups: list[Path]) -> None:
        if backups:
            advice = f"可以从最近的备份恢复（共 {len(backups)} 个备份，最新的是 {backups[0].name}）。"
        else:
            advice = "没有找到可用的备份。"
        super().__init__(f"工作区文件已损坏：{path}\n（{detail}）\n{advice}")
        self.path = path
        self.detail = detail
        self.backups = backups


class WorkspaceTooNew(WorkspaceError):
    """The file was written by a newer version of the program."""

    def __init__(self, path: Path, version: int, supported: int) -> None:
        super().__init__(
            f"工作区由更新版本的程序创建（格式版本 {version}，本程序支持到 {supported}）：{path}\n"
            "请升级本程序后再打开。"
        )
        self.version = version
        self.supported = supported


class AnalysisFailed(WorkspaceError):
    """The analyser itself failed on a file (a program fault, not an unreadable file)."""

    def __init__(self, file_name: str, detail: str) -> None:
        super().__init__(f"分析文件时程序出错：{file_name}（{detail}）")
        self.file_name = file_name
        self.detail = detail


class WorkspaceReadOnly(WorkspaceError):
    """The file can be read but not written (read-only file, folder or medium)."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"工作区文件是只读的，可以查看，但不能保存修改：{path}\n"
                         "请把它复制到可写的文件夹，或检查文件的权限。")
        self.path = path


class WorkspaceFull(WorkspaceError):
    """The disk (or the file-size limit) is full: the change was not saved, nothing else was lost."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"磁盘空间已满，这次修改没有保存（之前的工作都在）：{path}\n"
                         "请清理磁盘空间后再试。")
        self.path = path
