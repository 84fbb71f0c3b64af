"""The About box."""
from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from reviewer import __version__


def _tr(text: str) -> str:
    return QCoreApplication.translate("about", text)


def show_about(parent: QWidget | None, workspace: Path | None = None) -> None:
    """Name, version, what the program does; where the review records are kept."""
    where = _tr("<p>当前工作区：{path}</p>").format(path=escape(str(workspace))) if workspace else ""
    QMessageBox.about(
        parent,
        _tr("关于 法治政府建设年度报告审阅助手"),
        _tr(
            "<h3>法治政府建设年度报告审阅助手</h3>"
            "<p>版本 {version}</p>"
            "<p>离线审阅各地、各部门报送的法治政府建设年度报告：识别结构、数据和问题，"
            "逐项确认、否决或更正，撰写审阅意见，打印审阅意见单。</p>"
            "<p>所有审阅记录保存在本机的工作区文件中，不会上传。</p>"
            "{where}"
            "<p><small>基于 Qt {qt}（PySide6）</small></p>"
        ).format(version=__version__, where=where, qt=qVersion()),
    )
