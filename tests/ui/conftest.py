from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.paths import resource_path
from reviewer.ui.app import open_worker_workspace
from reviewer.ui.settings import UiSettings

IMPORT_TIMEOUT_MS = 120_000


@pytest.fixture
def demo_files() -> list[Path]:
    folder = resource_path("demo")
    return sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".html"))


@pytest.fixture
def settings_path(tmp_path) -> Path:
    return tmp_path / "settings" / "window.ini"


@pytest.fixture
def workspace_path(tmp_path) -> Path:
    return tmp_path / "ws" / "workspace.sqlite"


@pytest.fixture
def make_window(qtbot, workspace_path, settings_path):
    """Builds windows on the test's workspace and settings file; closes any left open."""
    from reviewer.ui.main_window import MainWindow
    from reviewer.workspace import Workspace

    windows = []

    def make():
        workspace_path.parent.mkdir(parents=True, exist_ok=True)
        ws = Workspace.open(workspace_path)
        window = MainWindow(ws, UiSettings(settings_path), open_worker_workspace)
        qtbot.addWidget(window)
        window.restore_state()
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        if not window._closed:
            window.close()


@pytest.fixture
def window(make_window):
    return make_window()


def wait_for_imports(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.imports.busy, timeout=IMPORT_TIMEOUT_MS)


@pytest.fixture
def loaded_window(window, qtbot, demo_files):
    """A window whose workspace holds the demo reports, none open."""
    window.imports.import_paths(demo_files)
    wait_for_imports(qtbot, window)
    assert window.library.model.rowCount() == len(demo_files)
    return window
