"""The frozen app's entry point (PyInstaller script): the same as ``python -m reviewer``.

``freeze_support`` lets the bulk import's worker processes (multiprocessing, "spawn") start from the
frozen executable instead of re-running the command line.
"""
import multiprocessing

from reviewer.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    raise SystemExit(main())
