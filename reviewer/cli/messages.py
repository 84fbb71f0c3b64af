"""Messages the commands print for a workspace that cannot be used."""
from __future__ import annotations

import sys
from typing import Any


def workspace_error_text(error: Any) -> str:
    """The Chinese message of a WorkspaceError; for a damaged or lost workspace also the backups it
    can be restored from, and the command that does it."""
    from reviewer.workspace import WorkspaceCorrupt

    lines = [error.message]
    if isinstance(error, WorkspaceCorrupt) and error.backups:
        lines.append("完好的备份（最新的在前）：")
        lines.extend(f"  {backup}" for backup in error.backups)
        lines.append(f"恢复最新的备份：reviewer restore {error.path}")
    return "\n".join(lines)


def print_workspace_error(error: Any) -> int:
    """:func:`workspace_error_text` on stderr; returns the exit status 1."""
    print(workspace_error_text(error), file=sys.stderr)
    return 1
