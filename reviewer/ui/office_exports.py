"""Office files the window exports besides the summaries: the Excel workbook of the review and the 批注版
(the report with the review as Word comments). Each is an ``ExportFile`` whose ``build`` reads the workspace
it is given, so it runs on the summary controller's worker thread."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from reviewer.ui.summary_output import scope_names

if TYPE_CHECKING:
    from reviewer.workspace import Workspace


def _tr(text: str) -> str:
    return QCoreApplication.translate("office_exports", text)


@dataclass(frozen=True)
class ExportedFile:
    data: bytes
    note: str = ""  # said in the status bar after saving (e.g. why the 批注版 is the report's text)


@dataclass(frozen=True)
class ExportFile:
    title: str  # for the dialog's title and the status bar
    file_name: str  # suggested name, with its extension
    file_filter: str  # the save dialog's filter, e.g. "Excel 工作簿 (*.xlsx)"
    build: Callable[[Workspace], ExportedFile]

    @property
    def suffix(self) -> str:
        return Path(self.file_name).suffix


def review_workbook_file(report_ids: Sequence[int] | None, workspace_reports: int) -> ExportFile:
    """The Excel workbook of ``report_ids`` (in that order), or of the whole workspace when None."""
    ids = None if report_ids is None else list(report_ids)

    def build(ws: Workspace) -> ExportedFile:
        from reviewer.outputs.review_workbook import review_workbook

        return ExportedFile(review_workbook(ws, ids))

    title, name = scope_names(_tr("Excel 工作簿"), _tr("审阅数据"), ".xlsx", ids, workspace_reports)
    return ExportFile(title, name, _tr("Excel 工作簿 (*.xlsx)"), build)


def annotated_file(report_id: int, name: str, with_items: bool) -> ExportFile:
    """The 批注版 of one report; ``with_items`` adds the items the reviewer rejected or corrected."""

    def build(ws: Workspace) -> ExportedFile:
        from reviewer.outputs.annotated_report import annotated_report

        result = annotated_report(ws, report_id, with_items)
        return ExportedFile(result.data, result.note)

    return ExportFile(_tr("批注版：{name}").format(name=name), _tr("{name}-批注版.docx").format(name=name),
                      _tr("Word 文档 (*.docx)"), build)


def ask_with_items(parent: QWidget | None, decided_items: int) -> bool | None:
    """Whether the 批注版 also marks the ``decided_items`` items the reviewer rejected or corrected; None when
    the reviewer cancels. Not asked (False) when there are none."""
    if not decided_items:
        return False
    answer = QMessageBox.question(
        parent, _tr("导出批注版"),
        _tr("审阅人否决或更正了 {count} 个项目。批注版中是否也为这些项目加上批注？").format(count=decided_items),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Yes,
    )
    if answer == QMessageBox.StandardButton.Cancel:
        return None
    return answer == QMessageBox.StandardButton.Yes


def choose_export_path(parent: QWidget | None, file: ExportFile, folder: Path) -> Path | None:
    """Ask where to save ``file`` (its extension added when missing); None when cancelled."""
    path, _ = QFileDialog.getSaveFileName(
        parent, _tr("导出{title}").format(title=file.title), str(folder / file.file_name), file.file_filter
    )
    if not path:
        return None
    target = Path(path)
    return target if target.suffix.lower() == file.suffix else target.with_name(target.name + file.suffix)
