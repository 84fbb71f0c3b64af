from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SAMPLES_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "samples"


@pytest.fixture
def samples_dir() -> Path:
    """The real sample reports (../shared/samples); tests using it skip when the folder is absent."""
    if not SAMPLES_DIR.is_dir():
        pytest.skip("../shared/samples not present")
    return SAMPLES_DIR


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Never write to the real user folders from a test."""
    monkeypatch.setenv("REVIEWER_HOME", str(tmp_path_factory.mktemp("reviewer-home")))
