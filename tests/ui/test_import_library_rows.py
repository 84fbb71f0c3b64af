"""An import touches only the library rows of the reports it adds or replaces: no reset, no reload of the
whole list (what made the window pause at the end of an import into a large workspace), the rows already
there left alone, the selection kept."""
from __future__ import annotations

from tests.ui.conftest import click_library_row, wait_for_imports
from tests.ui.many_reports import make_reports

NEW_REPORTS = 6


def test_import_adds_rows_by_id_without_reloading_the_library(loaded_window, qtbot, tmp_path, monkeypatch):
    window = loaded_window
    model = window.library.model
    before = {model.report(row).id for row in range(model.rowCount())}
    selected = click_library_row(qtbot, window, "04_白沙乡2018年度法治政府建设工作情况报告.txt")
    folder = tmp_path / "more"
    folder.mkdir()
    make_reports(folder, NEW_REPORTS, None)

    asked: list[list[int] | None] = []
    reports = window.ws.reports
    monkeypatch.setattr(window.ws, "reports", lambda report_ids=None: asked.append(report_ids) or reports(report_ids))
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.layoutChanged.connect(lambda *args: resets.append(True))
    changed_rows: set[int] = set()
    model.dataChanged.connect(lambda first, last, *roles: changed_rows.update(range(first.row(), last.row() + 1)))
    inserted: list[int] = []
    model.rowsInserted.connect(lambda parent, first, last: inserted.append(last - first + 1))

    window.import_paths([str(folder)])
    wait_for_imports(qtbot, window)

    new = {report.id for report in reports()} - before
    assert len(new) == NEW_REPORTS
    assert {model.report(row).id for row in range(model.rowCount())} == before | new
    assert asked and None not in asked, "the whole report list was read again"
    assert set().union(*asked) == new
    assert sum(inserted) == NEW_REPORTS and not resets
    assert {model.report(row).id for row in changed_rows} <= new
    assert window.library.selected_report_ids() == [selected]
