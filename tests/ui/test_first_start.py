"""First start: a default workspace in the user's data folder with the demo reports in it."""
from __future__ import annotations

from reviewer.paths import user_data_dir
from reviewer.ui.app import start_window
from reviewer.ui.settings import UiSettings
from tests.ui.conftest import wait_for_imports


def test_first_start_creates_the_default_workspace_with_the_demo_reports(qtbot, demo_files):
    settings = UiSettings()
    window = start_window([], settings)
    qtbot.addWidget(window)
    try:
        wait_for_imports(qtbot, window)
        assert window.ws.path == user_data_dir() / "workspace.sqlite"
        assert sorted(r.file_name for r in window.ws.reports()) == sorted(p.name for p in demo_files)
        assert window.library.model.rowCount() == len(demo_files)
        assert settings.workspace_path == window.ws.path
        qtbot.waitUntil(lambda: window.report is not None)  # a newcomer sees a report at once
    finally:
        window.close()

    again = start_window([], UiSettings())
    qtbot.addWidget(again)
    try:
        wait_for_imports(qtbot, again)
        assert len(again.ws.reports()) == len(demo_files), "demo reports are imported once, not on every start"
    finally:
        again.close()


def test_files_given_on_the_command_line_are_imported(qtbot, demo_files, tmp_path):
    settings = UiSettings()
    settings.workspace_path = tmp_path / "mine.sqlite"
    window = start_window([str(demo_files[2])], settings)
    qtbot.addWidget(window)
    try:
        wait_for_imports(qtbot, window)
        assert [r.file_name for r in window.ws.reports()] == [demo_files[2].name]
        qtbot.waitUntil(lambda: window.report is not None)
    finally:
        window.close()
