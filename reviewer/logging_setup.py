"""The application log: one rotating UTF-8 file in the user's log folder, the file a user sends when
something goes wrong.
"""
from __future__ import annotations

import logging
import logging.handlers
import platform
import sys
from pathlib import Path

from reviewer import __version__
from reviewer.paths import user_log_dir

LOG_FILE_NAME = "reviewer.log"
MAX_LOG_BYTES = 1_000_000
LOG_BACKUPS = 3
LOG_FORMAT = "%(asctime)s %(levelname)s [%(name)s] %(message)s"


def setup_logging(level: int = logging.INFO) -> Path:
    """Send the ``reviewer`` loggers (and Python warnings) to the log file; return its path.

    Calling it again is harmless: the handler is added once per log file.
    """
    log_file = user_log_dir() / LOG_FILE_NAME
    logger = logging.getLogger("reviewer")
    logger.setLevel(level)
    if not any(_writes_to(handler, log_file) for handler in logger.handlers):
        handler = logging.handlers.RotatingFileHandler(
            log_file, maxBytes=MAX_LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
        )
        handler.setFormatter(logging.Formatter(LOG_FORMAT))
        logger.addHandler(handler)
        logging.captureWarnings(True)
        logging.getLogger("py.warnings").addHandler(handler)
        logger.info(
            "reviewer %s started: Python %s, %s, frozen=%s",
            __version__,
            platform.python_version(),
            platform.platform(),
            bool(getattr(sys, "frozen", False)),
        )
    return log_file


def _writes_to(handler: logging.Handler, log_file: Path) -> bool:
    return isinstance(handler, logging.FileHandler) and Path(handler.baseFilename) == log_file
