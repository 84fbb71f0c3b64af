"""The frozen app's entry point (PyInstaller script): the same as ``python -m reviewer``."""
from reviewer.cli import main

raise SystemExit(main())
