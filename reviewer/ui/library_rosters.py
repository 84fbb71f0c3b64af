"""The window's side of the rosters (报送名单): keeps the library's 未报送 list in step with the reports it holds,
and opens the 报送名单 dialog, whose changes refresh the library."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

if TYPE_CHECKING:
    from reviewer.workspace import ReportSummary


class LibraryRosters(QObject):
    """``window`` has ``ws``, ``library``, ``refresh_library()`` and ``open_report(id)``; ``folder`` gives the
    folder a roster file is first looked for in."""

    def __init__(self, window, folder: Callable[[], str]) -> None:
        super().__init__(window)
        self._window = window
        self._folder = folder
        self._matched: dict[int, tuple[str | None, int | None]] = {}
        """Unit and year of every report the list was last worked out from."""

    def library_changed(self, changed: Sequence[ReportSummary] | None = None, removed_ids: Sequence[int] = ()
                        ) -> None:
        """After the library's rows changed (only the reports ``changed`` and ``removed_ids`` if given): the
        list is worked out again when a report came, went, or changed its unit or year."""
        model = self._window.library.model
        if changed is None:
            self._matched = {r.id: (r.unit, r.report_year) for r in model.reports()}
        else:
            now = {r.id: (r.unit, r.report_year) for r in changed}
            gone = [report_id for report_id in removed_ids if report_id in self._matched]
            if not gone and all(self._matched.get(report_id) == place for report_id, place in now.items()):
                return
            for report_id in gone:
                del self._matched[report_id]
            self._matched.update(now)
        self._window.library.missing_units.set_statuses(self._window.ws.roster_status(model.reports()))

    def show(self, year: int | None = None):
        """The 报送名单 dialog on ``year`` (else the newest roster's); returns it."""
        from reviewer.ui.roster_dialog import RosterDialog

        window = self._window
        dialog = RosterDialog(window.ws, self._folder(), window, year=year or None)  # triggered(False): none
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.rosterChanged.connect(window.refresh_library)
        dialog.reportActivated.connect(window.open_report)
        dialog.open()
        return dialog
