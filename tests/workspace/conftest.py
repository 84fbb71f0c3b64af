from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewer.workspace import Workspace


@pytest.fixture
def ws_path(tmp_path: Path) -> Path:
    return tmp_path / "审阅工作区.sqlite"


@pytest.fixture
def ws(ws_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(ws_path)
    yield workspace
    workspace.close()


@pytest.fixture
def sample_files(samples_dir: Path) -> list[Path]:
    return sorted(samples_dir.glob("*.txt"))


@pytest.fixture
def kecheng(samples_dir: Path) -> Path:
    """柯城区 2017: has 行政复议案件16件 and 法律顾问 sentences used by the re-anchoring tests."""
    return samples_dir / "002_32112f819bd80f98.txt"
