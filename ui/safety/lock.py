"""Period locking in the window: "Khóa kỳ để gửi" (Ctrl+L), "Mở lại kỳ…" (a reason is required),
and a locked period shown read-only with a banner saying by whom and when.

The core refuses every write into a locked period (`safety/audit.py` hook); the window only
stops offering edits (`MainWindow.set_read_only`) so it never pretends to save.
"""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
)

from vstbpn_desktop.errors import Refused
from vstbpn_desktop.periods import Period
from vstbpn_desktop.safety.locking import lock_state, reopen, submit
from vstbpn_desktop.timestamps import local_time

from ..common import ask, i18n, screen
from ..common.i18n import period_label
from ..entry.widgets import MessageLabel


def tr(text: str) -> str:
    return QCoreApplication.translate("safety_lock", text)


def when_text(moment) -> str:
    if moment is None:
        return tr("không rõ thời điểm")
    moment = local_time(moment)
    return tr("{time} ngày {date}").format(time=f"{moment:%H:%M}", date=i18n.date_text(moment.date()))


def covering_lock(engine, period: Period):
    """The lock that covers `period`: its own, its year's (for a half) or a half's (for a year)."""
    codes = [period.code] + ([str(period.year)] if period.half else [f"{period.year}H1", f"{period.year}H2"])
    for code in codes:
        row = lock_state(engine, Period.parse(code))
        if row is not None and row.locked_at is not None:
            return row
    return None


def banner_text(row) -> str:
    return tr(
        "Kỳ {code} đã khóa bởi {who} lúc {when} — chỉ xem, không sửa được. "
        "Muốn sửa: Kỳ báo cáo → Mở lại kỳ… (cần ghi lý do)."
    ).format(code=row.code, who=row.locked_by or tr("không rõ"), when=when_text(row.locked_at))


def refresh(window) -> None:
    """Read-only or not, for the current period (and a damaged database, set at start-up)."""
    context = window.controller.context
    damaged = getattr(window, "damaged_reason", None)
    row = covering_lock(context.engine, context.scope.period) if not damaged else None
    if damaged:
        window.set_read_only(True, damaged)
    elif row is not None:
        window.set_read_only(True, banner_text(row))
    else:
        window.set_read_only(False)
    actions = getattr(window, "lock_actions", None)
    if actions:
        actions["submit"].setEnabled(row is None and not damaged)
        actions["reopen"].setEnabled(row is not None and not damaged)


def lock_period(window) -> bool:
    context = window.controller.context
    if not window.controller.flush():  # what is still being typed belongs to the period being sent
        return False
    period = context.scope.period
    title = tr("Khóa kỳ để gửi")
    if not ask.confirm(
        window,
        title,
        tr(
            "Khóa kỳ {code} ({label}) để gửi?\n\nSau khi khóa, dữ liệu của kỳ chỉ xem được, không sửa được, "
            "cho đến khi mở lại kỳ (cần ghi lý do; lý do được lưu vào lịch sử thay đổi)."
        ).format(code=period.code, label=period_label(period)),
        tr("Khóa kỳ"),
    ):
        return False
    return lock_now(window)


def lock_now(window) -> bool:
    """Lock the period on view (already confirmed: the menu's question, or the box ticked in the
    checklist before sending); the window turns read-only with its banner."""
    context = window.controller.context
    period = context.scope.period
    title = tr("Khóa kỳ để gửi")
    try:
        row = submit(context.engine, period, context.author or tr("không rõ"))
    except Refused as exc:
        ask.tell(window, title, i18n.message(exc), warning=True)
        return False
    refresh(window)
    context.data_changed.emit("period")
    context.say(
        tr("Đã khóa kỳ {code} để gửi ({who}, {when})").format(
            code=period.code, who=row.locked_by, when=when_text(row.locked_at)
        )
    )
    return True


class ReopenDialog(QDialog):
    """Asks why the period is reopened; an empty reason is refused in place."""

    def __init__(self, code: str, locked_by: str, when: str, parent=None):
        super().__init__(parent)
        self.setObjectName("reopenDialog")
        self.setWindowTitle(tr("Mở lại kỳ {code}").format(code=code))
        screen.fit(self, 520, 280)
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "Kỳ {code} đã khóa để gửi bởi {who} lúc {when}.\n"
                "Ghi lý do mở lại (ví dụ: tỉnh trả lại để sửa số liệu). Lý do được lưu vào lịch sử "
                "thay đổi và đi kèm báo cáo gửi lại."
            ).format(code=code, who=locked_by, when=when)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(QLabel(tr("Lý do mở lại:")))
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reason")
        self.reason.setTabChangesFocus(True)
        layout.addWidget(self.reason, 1)
        self.error = MessageLabel()
        layout.addWidget(self.error)
        buttons, _ = ask.action_buttons(tr("Mở lại kỳ"), "reopenButton", self.accept, self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if not self.reason.toPlainText().strip():
            self.error.setText(tr("Chưa mở lại: cần ghi lý do mở lại kỳ."))
            self.reason.setFocus()
            return
        super().accept()


def reopen_period(window) -> bool:
    context = window.controller.context
    row = covering_lock(context.engine, context.scope.period)
    title = tr("Mở lại kỳ")
    if row is None:
        ask.tell(
            window,
            title,
            tr("Kỳ {code} chưa khóa; không cần mở lại.").format(code=context.scope.period.code),
            warning=True,
        )
        return False
    dialog = ReopenDialog(row.code, row.locked_by or tr("không rõ"), when_text(row.locked_at), window)
    if ask.run_dialog(dialog) != QDialog.DialogCode.Accepted:
        return False
    reason = dialog.reason.toPlainText().strip()
    try:
        reopen(context.engine, Period.parse(row.code), reason, context.author or tr("không rõ"))
    except Refused as exc:
        ask.tell(window, title, i18n.message(exc), warning=True)
        return False
    refresh(window)
    context.data_changed.emit("period")
    context.say(tr("Đã mở lại kỳ {code}; lý do: {reason}").format(code=row.code, reason=reason))
    return True


def install(window) -> None:
    window.lock_actions = {
        "submit": window.add_action(
            "period", tr("Khóa kỳ để gửi"), lambda: lock_period(window), "lockPeriod", "Ctrl+L"
        ),
        "reopen": window.add_action("period", tr("Mở lại kỳ…"), lambda: reopen_period(window), "reopenPeriod"),
    }
    window.controller.context.scope_changed.connect(lambda: refresh(window))
    refresh(window)
