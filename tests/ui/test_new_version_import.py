"""A new version of a reviewed report dropped on the window: the status bar says what became of the review
work, and the library marks the report 新版本，需复核 until it is marked reviewed again."""
from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from reviewer.ui.library_model import COLUMN_STATUS
from reviewer.vocabulary import ReviewStatus
from reviewer.workspace import Workspace
from tests.ui.conftest import type_chinese, wait_for_imports, when_dialog_opens

TEXT = ("甲镇2023年法治政府建设年度报告\n一、工作情况\n全年办理行政复议案件12件，行政诉讼案件3件。\n"
        "二、存在的不足\n法治宣传形式单一。\n三、下一步工作\n加强执法监督。\n")


def drop(window, path) -> None:
    """Drag ``path`` over the window and drop it."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    for event_type in (QDragEnterEvent, QDropEvent):
        event = event_type(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                           Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(window, event)
        assert event.isAccepted()


def reviewed_report(workspace_path, report) -> int:
    """Imported and reviewed: the 12件 figure accepted, a sentence annotated, marked reviewed."""
    report.write_text(TEXT, encoding="utf-8")
    workspace_path.parent.mkdir(parents=True, exist_ok=True)
    with Workspace.open(workspace_path) as ws:
        report_id = ws.import_file(report).report_id
        twelve = next(f for f in ws.items(report_id, kind="figure") if f.machine.text == "12件")
        ws.set_item_state(twelve.id, "accepted")
        start = ws.report(report_id).analysis.text.index("加强执法监督")
        ws.add_annotation(report_id, start, start + 6, "措施过于笼统")
        ws.set_review(report_id, status=ReviewStatus.REVIEWED)
    return report_id


def test_a_new_version_reports_the_carried_work_and_is_marked_until_reviewed_again(make_window, workspace_path,
                                                                                 tmp_path, qtbot):
    report = tmp_path / "甲镇2023年法治政府建设年度报告.txt"
    old_id = reviewed_report(workspace_path, report)
    window = make_window()
    library, model = window.library, window.library.model
    assert library.count_label.text() == "已审 1 / 1 份报告"
    report.write_text(TEXT.replace("12件", "14件").replace("形式单一。", "形式单一，覆盖面不广。"), encoding="utf-8")

    drop(window, report)
    wait_for_imports(qtbot, window)

    message = window.statusBar().currentMessage()
    assert message.startswith("更新版本 1 份，")
    assert "沿用审阅决定 0 项，重新定位批注和手工项目 1 处，留待复核 1 处（未能在新文本中定位，已保留）" in message  # 12件 is now 14件
    [summary] = window.ws.reports()
    assert summary.id != old_id and summary.needs_recheck
    row = model.index(model.row_of(summary.id), COLUMN_STATUS)
    assert row.data() == "需复核"
    assert "新版本，需复核" in row.data(Qt.ItemDataRole.ToolTipRole)
    assert library.count_label.text() == "已审 0 / 1 份报告"
    type_chinese(library.filter_edit, "新版本")
    assert library.proxy.rowCount() == 1

    qtbot.waitUntil(lambda: window.report is not None and window.report.report_id == summary.id)

    def leave_unconfirmed(box) -> None:
        next(button for button in box.buttons() if button.text().startswith("保留未确认")).click()

    when_dialog_opens(qtbot, leave_unconfirmed)
    qtbot.mouseClick(window.pane.review_form.finish_button, Qt.MouseButton.LeftButton)

    assert not window.ws.reports()[0].needs_recheck
    assert row.data() == "已审"
    assert library.count_label.text() == "已审 1 / 1 份报告，筛选出 0 份"  # 新版本 no longer matches
