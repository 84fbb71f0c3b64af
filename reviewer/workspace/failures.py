"""What a failed SQLite call or an unreadable stored record means for the officer: every such error
becomes a :class:`WorkspaceError` with a Chinese message, never a raw ``sqlite3``/JSON/Unicode error.

Damage inside records (bytes flipped in a text or JSON column) passes SQLite's page checks and only
shows when the record is read; it is reported as :class:`WorkspaceCorrupt` with the sound backups.
"""
from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from reviewer.workspace.errors import WorkspaceCorrupt, WorkspaceError, WorkspaceFull, WorkspaceReadOnly

_FULL = {sqlite3.SQLITE_FULL}
_READ_ONLY = {sqlite3.SQLITE_READONLY}
_DAMAGED = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_FORMAT}

DECODING_ERRORS = (json.JSONDecodeError, UnicodeDecodeError)
"""A stored record that no longer decodes: damage inside the record."""


class DamagedRecord(Exception):
    """A stored record is unreadable (raised where a record is decoded, turned into WorkspaceCorrupt)."""


Code = TypeVar("Code", bound=StrEnum)


def stored_code(vocabulary: type[Code], stored: str) -> Code:
    """A code read back from the file; one that is no code of ``vocabulary`` is a damaged record."""
    member = vocabulary._value2member_map_.get(stored)
    if member is None:
        raise DamagedRecord(f"无法识别的代码 {stored!r}（应为 {vocabulary.__name__}）")
    return member  # type: ignore[return-value]


def workspace_error(error: BaseException, path: Path) -> WorkspaceError:
    """The WorkspaceError for ``error`` raised while using the workspace at ``path``."""
    from reviewer.workspace.backup import sound_backups

    if isinstance(error, (DamagedRecord, *DECODING_ERRORS)) or _code(error) in _DAMAGED or _undecodable(error):
        return WorkspaceCorrupt(path, _detail(error), sound_backups(path))
    if _code(error) in _FULL:
        return WorkspaceFull(path)
    if _code(error) in _READ_ONLY:
        return WorkspaceReadOnly(path)
    return WorkspaceError(f"读写工作区时出错：{path}（{error}）")


def translating(path_of: Callable[[Any], Path]) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorator for a method: SQLite and decoding errors leave it as :func:`workspace_error`."""
    def decorate(method: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(method)
        def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
            try:
                return method(self, *args, **kwargs)
            except (sqlite3.Error, DamagedRecord, *DECODING_ERRORS) as error:
                raise workspace_error(error, path_of(self)) from error
        return wrapper
    return decorate


T = TypeVar("T", bound=type)


def translate_errors(cls: T) -> T:
    """Class decorator: every public method and property of ``cls`` translates its errors (see
    :func:`translating`); the instance's ``path`` names the file."""
    wrap = translating(lambda self: self.path)
    for name, member in list(vars(cls).items()):
        if name.startswith("_"):
            continue
        if isinstance(member, property) and member.fget is not None:
            setattr(cls, name, property(wrap(member.fget), member.fset and wrap(member.fset)))
        elif callable(member) and not isinstance(member, (staticmethod, classmethod)):
            setattr(cls, name, wrap(member))
    return cls


def _code(error: BaseException) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def _undecodable(error: BaseException) -> bool:
    """A text column that is no longer UTF-8, or a JSON column SQLite's JSON functions cannot parse."""
    message = str(error).lower()
    return isinstance(error, sqlite3.OperationalError) and ("decode" in message or "malformed json" in message)


def _detail(error: BaseException) -> str:
    if isinstance(error, (DamagedRecord, *DECODING_ERRORS)) or _undecodable(error):
        return f"记录内容已损坏：{error}"
    return str(error)
