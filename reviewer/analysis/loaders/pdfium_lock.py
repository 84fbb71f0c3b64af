"""PDFium is not thread-safe, not even across documents: a call made while another thread is inside PDFium
can crash the process. Every use of pypdfium2 in the program (reading PDF reports on the import worker,
rendering scanned pages, printing a summary on the window's thread) holds this lock."""
from __future__ import annotations

import threading

PDFIUM_LOCK = threading.RLock()
