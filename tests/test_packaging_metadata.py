"""pyproject.toml lists packages by hand (resources/ installs as reviewer.resources): keep it complete."""
from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETUPTOOLS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def test_every_package_folder_is_listed() -> None:
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "reviewer").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert found | {"reviewer.resources"} == set(SETUPTOOLS["packages"])


def test_every_resource_file_is_package_data() -> None:
    patterns = SETUPTOOLS["package-data"]["reviewer.resources"]
    resources = ROOT / SETUPTOOLS["package-dir"]["reviewer.resources"]
    for path in resources.rglob("*"):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".py":
            relative = path.relative_to(resources).as_posix()
            assert any(fnmatch.fnmatch(relative, p) and relative.count("/") == p.count("/") for p in patterns), relative
