"""Return for correction, in the window.

At a parent unit: Đơn vị cấp dưới → Trả lại để sửa… asks which child's report of the current
period, the reason (required), where to save the signed answer file and the key's passphrase,
then writes it (bundle/answer.py). At a child unit: a banner above the pages says that the
parent returned the current period for correction, when and why, until the period is locked again.
The receive dialog shows a report's audit summary and an answer's reason (`audit_html`).
"""

from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
)

from vstbpn_desktop.bundle import audit_member
from vstbpn_desktop.bundle.answer import returned_state, write_return
from vstbpn_desktop.bundle.status import matrix
from vstbpn_desktop.checks import flags
from vstbpn_desktop.errors import Refused
from vstbpn_desktop.timestamps import local_day, parse_timestamp

from ..common import ask, i18n, screen
from ..common.worker import run_task
from ..entry.widgets import MessageLabel


def tr(text: str) -> str:
    return QCoreApplication.translate("bundle_return", text)


def _day(stamp: str) -> str:
    """A bundle timestamp (`…T…Z`) as the officer's local day."""
    return i18n.date_text(local_day(parse_timestamp(stamp)))


def audit_text(summary: dict | None) -> str:
    """The audit summary of a report bundle in one line (plain text)."""
    if summary is None:
        return tr("Gói không kèm tóm tắt thay đổi (định dạng 1.0).")
    total = audit_member.totals(summary)
    counts = tr("{u} sửa, {i} thêm, {d} xóa").format(
        u=i18n.count(total["update"]), i=i18n.count(total["insert"]), d=i18n.count(total["delete"])
    )
    if summary["since"]:
        text = tr("Thay đổi từ lần gửi trước ({day}): {counts}").format(day=_day(summary["since"]), counts=counts)
    else:
        text = tr("Lần gửi đầu tiên của kỳ này: {counts}").format(counts=counts)
    for event in summary["reopened"]:
        text += tr("; mở lại kỳ ngày {day} ({who}), lý do: {reason}").format(
            day=_day(event["at"]), who=event["who"] or tr("không rõ"), reason=event["reason"] or "—"
        )
    return text


def audit_html(result) -> str:
    """For the receive dialog's details: a report's audit summary, or a parent's answer."""
    if result is None:
        return ""
    answer = getattr(result, "answer", None)
    if answer is not None:
        return tr(
            "<b>Cấp trên trả lại để sửa</b> báo cáo kỳ {period} (gói số {sequence}); lý do: <b>{reason}</b>"
        ).format(period=answer["period"], sequence=answer["bundle_sequence"], reason=escape(answer["reason"]))
    return f"<b>{escape(audit_text(result.audit))}</b>"


# -- at the parent ------------------------------------------------------------------------------


class ReturnDialog(QDialog):
    """Which child's report and why; `choice()` after accept."""

    def __init__(
        self, period_code: str, children: list[tuple[str, str]], parent=None, flagged: dict[str, str] | None = None
    ):
        """`flagged`: per child, what its figures' checks against earlier periods found (checks.py),
        offered as the reason when that child is chosen."""
        super().__init__(parent)
        self.flagged = flagged or {}
        self.setObjectName("returnDialog")
        self.setWindowTitle(tr("Trả lại báo cáo để sửa"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "Trả lại báo cáo kỳ {period} của một đơn vị cấp dưới để sửa. Ứng dụng ghi một tệp "
                "trả lời có chữ ký của đơn vị mình; gửi tệp đó cho đơn vị cấp dưới để họ nhập."
            ).format(period=period_code)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.child = QComboBox()
        self.child.setObjectName("child")
        for code, name in children:
            self.child.addItem(f"{name} ({code})", code)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(
            tr("Ví dụ: thiếu số liệu chỉ tiêu bạo lực gia đình; kiểm tra lại số người tham gia")
        )
        self.child.currentIndexChanged.connect(self.offer_flags)
        self.offer_flags()
        form.addRow(tr("Đơn vị:"), self.child)
        form.addRow(tr("Lý do trả lại (bắt buộc):"), self.reason)
        layout.addLayout(form)
        self.error = MessageLabel(name="error")
        layout.addWidget(self.error)
        buttons, _ = ask.action_buttons(tr("Trả lại để sửa…"), "returnButton", self.accept, self.reject)
        layout.addWidget(buttons)
        screen.fit(self, 560, 320)

    def offer_flags(self) -> None:
        """The chosen child's flags as the reason, unless the officer has written one of their own."""
        typed = self.reason.toPlainText().strip()
        if typed and typed not in self.flagged.values():
            return
        self.reason.setPlainText(self.flagged.get(self.child.currentData(), ""))

    def accept(self) -> None:
        if self.child.currentIndex() < 0:
            self.error.setText(tr("Chưa nhận báo cáo của đơn vị nào trong kỳ này: không có gì để trả lại."))
            return
        if not self.reason.toPlainText().strip():
            self.error.setText(tr("Chưa trả lại: cần ghi lý do trả lại."))
            return
        super().accept()

    def choice(self) -> tuple[str, str]:
        return self.child.currentData(), self.reason.toPlainText().strip()


def received_children(profile, period) -> list[tuple[str, str]]:
    """(code, name) of the children whose report of the period is held."""
    rows = matrix(profile, [period])["rows"]
    return [(row["org_unit"], row["name"]) for row in rows if row["cells"][period.code].status != "missing"]


def return_report(window) -> Path | None:
    context = window.controller.context
    profile, period = context.profile, context.scope.period
    children = received_children(profile, period)
    flagged = {}
    for code, _ in children:
        found = flags(profile, code, period)
        if found:
            lines = [f"{i18n.message(flag.message)} ({i18n.message(flag.history)})" for flag in found]
            flagged[code] = tr("Cần xem lại so với các kỳ trước:") + "\n" + "\n".join(lines)
    dialog = ReturnDialog(period.code, children, window, flagged)
    if ask.run_dialog(dialog) != QDialog.DialogCode.Accepted:
        return None
    child, reason = dialog.choice()
    default = ask.documents_folder() / f"tra-lai-{child}-{period.code}.vstb"
    out = ask.ask_save_file(window, tr("Lưu tệp trả lời"), default, ask.BUNDLE_FILTER)
    if out is None:
        return None
    secret = ask.ask_passphrase(window, tr("Trả lại để sửa"), tr("Mật khẩu khóa ký:"))
    if secret is None:
        return None
    try:
        result = run_task(
            window,
            tr("Đang ghi tệp trả lời…"),
            lambda task: write_return(profile, child, period, reason, out, secret),
            cancellable=False,
        )
    except Refused as exc:
        ask.tell(window, tr("Trả lại để sửa"), i18n.message(exc), warning=True)
        return None
    unit = profile.org_unit(child)
    if result.sealed_for is not None:
        sealing = tr("Tệp đã được mã hóa: chỉ đơn vị {code} mở được.").format(code=child)
    else:
        sealing = tr("Tệp không được mã hóa (đơn vị cấp dưới chưa gửi tệp khóa công khai có khóa mã hóa).")
    ask.tell(
        window,
        tr("Trả lại để sửa"),
        tr(
            "Đã ghi tệp trả lời {file}: trả lại báo cáo kỳ {period} của {name} (gói số {sequence}).\n"
            "Lý do: {reason}\n\nGửi tệp này cho đơn vị cấp dưới; họ đăng ký khóa công khai của đơn vị mình "
            "rồi nhận tệp (Tệp → Nhận báo cáo…)."
        ).format(
            file=result.path,
            period=period.code,
            name=unit.name if unit else child,
            sequence=result.answer["bundle_sequence"],
            reason=reason,
        )
        + "\n"
        + sealing,
    )
    context.say(tr("Đã trả lại báo cáo kỳ {period} của {code} để sửa").format(period=period.code, code=child))
    return result.path


# -- at the child -------------------------------------------------------------------------------


def banner_text(engine, period) -> str:
    state = returned_state(engine, period)
    if state is None:
        return ""
    when, reason = state
    return tr(
        "Cấp trên đã trả lại báo cáo kỳ {period} để sửa (ngày {day}). Lý do: {reason}. "
        "Sửa xong: Kỳ báo cáo → Khóa kỳ để gửi, rồi gửi lại báo cáo."
    ).format(period=period.code, day=i18n.date_text(local_day(when)), reason=reason)


def refresh_banner(window) -> None:
    context = window.controller.context
    text = banner_text(context.engine, context.scope.period)
    window.returned_banner.setText(text)
    window.returned_banner.setVisible(bool(text))


def install(window) -> None:
    context = window.controller.context
    profile = context.profile
    if profile.children():
        window.add_action(
            "children",
            tr("Trả lại để sửa…"),
            lambda: return_report(window),
            "actionReturnReport",
            tip=tr("Trả lại báo cáo đã nhận của đơn vị cấp dưới để sửa, kèm lý do (tệp trả lời có chữ ký)"),
        )
    unit = profile.org_unit()
    if unit is None or not unit.parent_code:
        return
    label = QLabel()
    label.setObjectName("returnedBanner")
    label.setWordWrap(True)
    label.setStyleSheet(
        "QLabel#returnedBanner { background: #fde2e1; color: #7a1010; "
        "border: 1px solid #e57373; padding: 6px; font-weight: bold; }"
    )
    label.hide()
    layout = window.banner.parentWidget().layout()
    layout.insertWidget(layout.indexOf(window.banner) + 1, label)
    window.returned_banner = label
    context.scope_changed.connect(lambda: refresh_banner(window))
    context.data_changed.connect(lambda _area: refresh_banner(window))
    refresh_banner(window)
