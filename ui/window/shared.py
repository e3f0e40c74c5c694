"""A shared server database (several clerks, README): what the others change shows up here.

When the window becomes active again, and every 15 seconds while it is the active window, it asks
the database how many changes the others have made and when the newest was (the audit trail, one
query; a count, since a change committed late may carry an earlier time than one already seen). If
that moved, the period's pages are read again (`MainController.reload`, which keeps the current
record) — but never while this clerk has something typed and not yet saved, or a value refused on a
page: then it waits for the next check, so nothing typed is lost. The reporting page (Tình hình báo
cáo) is read again at each check while it is shown (bundles received and deadlines set by the
others), unless its deadline field is being edited. SQLite profiles (one officer) get none of this.
"""

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication

from vstbpn_desktop.safety.audit import others_changes

CHECK_MS = 15_000


class OthersWatcher(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window, self.controller = window, window.controller
        self.profile = self.controller.profile
        self.seen = self._newest()
        window.installEventFilter(self)
        self.timer = QTimer(self)
        self.timer.setObjectName("othersWatcher")
        self.timer.timeout.connect(self.check)
        self.timer.start(CHECK_MS)

    def _newest(self):
        try:
            return others_changes(self.profile.engine, self.profile.author)
        except Exception:  # the server unreachable for a moment: the next check tries again
            return self.seen if hasattr(self, "seen") else None

    def eventFilter(self, watched, event) -> bool:
        if watched is self.window and event.type() == QEvent.Type.WindowActivate:
            QTimer.singleShot(0, self.check)
        return False

    def typing(self) -> bool:
        """This clerk has something typed and not saved, or refused, on any page."""
        controller = self.controller
        if any(narrative.dirty for narrative in controller.narratives):
            return True
        editing = [c for controllers in controller.editing.values() for c in controllers]
        if any(c.pending() for c in editing):
            return True
        focus = QApplication.focusWidget()
        view = focus if isinstance(focus, QAbstractItemView) else None
        while focus is not None and view is None:  # an open cell editor sits inside its table
            focus = focus.parentWidget()
            view = focus if isinstance(focus, QAbstractItemView) else None
        return view is not None and view.state() == QAbstractItemView.State.EditingState

    def check(self) -> None:
        if not self.window.isActiveWindow():
            return
        reporting = self.window.pages.get("reporting")
        if reporting is not None and reporting.isVisible() and not reporting.deadline.hasFocus():
            reporting.refresh()
        newest = self._newest()
        if newest == self.seen or self.typing():
            return
        self.seen = newest
        self.controller.reload()


def install(window) -> None:
    if window.controller.profile.settings.database_url:
        window.others_watcher = OthersWatcher(window)
