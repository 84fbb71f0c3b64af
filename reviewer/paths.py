"""Where things live: bundled resources (source tree, installed package or frozen app) and per-user folders.

The app never writes next to itself; everything it writes goes to the user folders below.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "reviewer"
APP_AUTHOR = "reviewer"
DEFAULT_WORKSPACE_NAME = "workspace.sqlite"


def resources_dir() -> Path:
    """The folder holding everything shipped in ``resources/``."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    candidates = []
    if frozen_root:
        candidates.append(Path(frozen_root) / "resources")
    package_dir = Path(__file__).resolve().parent
    candidates.append(package_dir.parent / "resources")  # source checkout / editable install
    candidates.append(package_dir / "resources")  # installed wheel (reviewer.resources)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("resources folder not found; tried: " + ", ".join(map(str, candidates)))


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource, e.g. ``resource_path("dict", "legal_terms.txt")``."""
    return resources_dir().joinpath(*parts)


def _ensure(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_data_dir() -> Path:
    """Workspaces and other lasting user data. ``REVIEWER_HOME`` overrides (tests, portable use)."""
    override = os.environ.get("REVIEWER_HOME")
    if override:
        return _ensure(Path(override) / "data")
    return _ensure(Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)))


def default_workspace_path() -> Path:
    """The workspace a first start creates, used until the reviewer chooses another."""
    return user_data_dir() / DEFAULT_WORKSPACE_NAME


def user_cache_dir() -> Path:
    override = os.environ.get("REVIEWER_HOME")
    if override:
        return _ensure(Path(override) / "cache")
    return _ensure(Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR)))


def user_log_dir() -> Path:
    override = os.environ.get("REVIEWER_HOME")
    if override:
        return _ensure(Path(override) / "logs")
    return _ensure(Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR)))
