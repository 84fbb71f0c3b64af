"""Guard against a reference-counting fault of PySide6 6.12.0 on Python < 3.12.

Its bindings return ``None`` from every C++ ``void`` method without taking a new reference to it (correct
only where ``None`` is immortal, Python 3.12+). Each such call then lowers ``None``'s reference count by
one; after a few thousand calls it reaches zero and Python aborts with "none_dealloc: deallocating None".
(PySide6 6.11.3 does not have the fault; 6.12 is the first release that ships QtPdf as its own wheel.)

Where the fault is measured, ``None`` is given a reference reserve large enough never to run out, which
is what Python 3.12 does by making it immortal.
"""
from __future__ import annotations

import ctypes
import sys

RESERVE = 1 << 40


def void_calls_leak_none() -> bool:
    """True when a Qt void method call drops a reference to None."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(8):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before - 4


def protect_none() -> bool:
    """Give None its reserve if this Python and PySide6 need it; True when they did."""
    if sys.version_info >= (3, 12) or not void_calls_leak_none():
        return False
    ctypes.c_ssize_t.from_address(id(None)).value += RESERVE
    return True
