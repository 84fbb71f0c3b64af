"""Guard against a reference-counting fault of PySide6 6.12.0 on Python < 3.12.

Its bindings hand out ``None`` (every C++ ``void`` method, every null pointer or invalid QVariant
returned) and, on some paths, ``True``/``False`` without taking a new reference to them — correct only
where these singletons are immortal (Python 3.12+). Each such call lowers their reference count by one;
after a few thousand calls one reaches zero and Python aborts with "none_dealloc: deallocating None"
(or "bool_dealloc"), in the middle of a session or at exit. PySide6 6.11.3 does not have the fault; the
project requires 6.12.

Where the fault is measured, the three singletons get a reference reserve that cannot run out, which is
what Python 3.12 does by making them immortal.
"""
from __future__ import annotations

import ctypes
import sys

RESERVE = 1 << 40
SINGLETONS = (None, True, False)


def void_calls_leak_none() -> bool:
    """True when a Qt void method call drops a reference to None."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(8):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before - 4


def protect_singletons() -> bool:
    """Give None, True and False their reserve if this Python and PySide6 need it; True when they did."""
    if sys.version_info >= (3, 12) or not void_calls_leak_none():
        return False
    for singleton in SINGLETONS:
        ctypes.c_ssize_t.from_address(id(singleton)).value += RESERVE
    return True
