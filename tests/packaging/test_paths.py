"""Where bundled resources are found (source tree, frozen bundle) and where the app writes."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from reviewer import paths

SOURCE_RESOURCES = Path(__file__).resolve().parents[2] / "resources"


def test_resources_are_found_in_the_source_tree():
    assert paths.resources_dir() == SOURCE_RESOURCES
    demo_reports = sorted(p.name for p in paths.resource_path("demo").iterdir() if p.suffix in {".txt", ".html"})
    assert len(demo_reports) == 4
    assert paths.resource_path("icons", "reviewer.ico").is_file()


def test_resources_are_found_under_a_frozen_bundle(tmp_path, monkeypatch):
    bundle = tmp_path / "reviewer" / "_internal"
    (bundle / "resources" / "demo").mkdir(parents=True)
    (bundle / "resources" / "demo" / "报告.txt").write_text("示例", encoding="utf-8")
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)

    assert paths.resources_dir() == bundle / "resources"
    assert paths.resource_path("demo", "报告.txt").read_text(encoding="utf-8") == "示例"


def test_reviewer_home_overrides_every_user_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEWER_HOME", str(tmp_path / "home"))

    assert paths.user_data_dir() == tmp_path / "home" / "data"
    assert paths.user_cache_dir() == tmp_path / "home" / "cache"
    assert paths.user_log_dir() == tmp_path / "home" / "logs"
    assert all(p.is_dir() for p in (paths.user_data_dir(), paths.user_cache_dir(), paths.user_log_dir()))


@pytest.mark.skipif(sys.platform == "win32", reason="XDG variables steer platformdirs on Linux only")
def test_frozen_app_writes_to_the_platform_user_folders_not_next_to_itself(tmp_path, monkeypatch):
    install_dir = tmp_path / "opt" / "reviewer"
    install_dir.mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(install_dir / "reviewer"))
    monkeypatch.setattr(sys, "_MEIPASS", str(install_dir / "_internal"), raising=False)
    monkeypatch.delenv("REVIEWER_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "user"))
    for variable in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.delenv(variable, raising=False)

    written = [paths.user_data_dir(), paths.user_cache_dir(), paths.user_log_dir()]

    assert written == [
        tmp_path / "user" / ".local" / "share" / "reviewer",
        tmp_path / "user" / ".cache" / "reviewer",
        tmp_path / "user" / ".local" / "state" / "reviewer" / "log",
    ]
    assert not any(install_dir in p.parents for p in written)
