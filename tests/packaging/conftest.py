from __future__ import annotations

import logging

import pytest


@pytest.fixture(autouse=True)
def _restore_reviewer_logging():
    """setup_logging() attaches a file handler to the ``reviewer`` logger; detach what a test added."""
    loggers = [logging.getLogger("reviewer"), logging.getLogger("py.warnings")]
    before = [list(logger.handlers) for logger in loggers]
    yield
    for logger, handlers in zip(loggers, before):
        for handler in logger.handlers[:]:
            if handler not in handlers:
                logger.removeHandler(handler)
                handler.close()
