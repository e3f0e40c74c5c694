"""Tệp → Khóa ký của tôi…: the fingerprint, whether bundles go encrypted, the key's history and
expiry, and "Đổi khóa…" (bundle/rotation.py): the old key endorses the new one, the next bundle
carries the endorsement, the parent enrols the new key on import."""

from html import escape

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton

from vstbpn_desktop.bundle import keys, rotation, sealed
from vstbpn_desktop.errors import Refused

from ..common import ask as common
from ..common import i18n
from ..common.ask import tr
from .send import FingerprintDialog, fingerprint_lines


def sending_note(profile) -> str:
    """Whether the next bundle is encrypted, and to whom: said before and after sending."""
    unit = profile.org_unit()
    if unit is None or not unit.parent_code:
        return ""
    recipient = sealed.parent_recipient(profile)
    if recipient is None:
        return tr(
            "Gói sẽ KHÔNG được mã hóa: đơn vị chưa đăng ký tệp khóa công khai của cấp trên "
            "(Tệp → Đăng ký khóa của cấp trên…). Ai có tệp cũng đọc được nội dung."
        )
    parent = profile.org_unit(recipient.org_unit)
    return tr("Gói sẽ được mã hóa: chỉ {name} ({code}) mở được.").format(
        name=parent.name if parent else recipient.org_unit, code=recipient.org_unit
    )


def history_text(profile) -> str:
    lines = []
    for row in rotation.history(profile):
        how = tr("mất khóa cũ, cấp trên đăng ký lại") if row.reason == "lost" else tr("khóa cũ xác nhận")
        lines.append(
            tr("Đổi khóa ngày {day}: {old} → {new} ({how})").format(
                day=i18n.date_text(row.made_at),
                old=keys.spaced(row.previous_fingerprint)[:9],
                new=keys.spaced(row.fingerprint)[:9],
                how=how,
            )
        )
    expires = rotation.expiry(profile)
    if expires is not None:
        lines.append(tr("Khóa hết hạn ngày {day}.").format(day=i18n.date_text(expires)))
    warning = rotation.expiry_warning(profile)
    if warning is not None:
        lines.append(f"<b>{escape(i18n.message(warning))}</b>")
    return "<br>".join(lines)


class OwnKeyDialog(FingerprintDialog):
    def __init__(self, window, info: keys.PublicKeyInfo):
        self.window = window
        self.profile = window.controller.context.profile
        text = tr(
            "Khóa ký của <b>{name}</b> ({code}). Gói báo cáo của đơn vị được ký bằng khóa này; "
            "cấp trên chỉ nhận gói ký bằng khóa đã đăng ký."
        ).format(name=info.org_unit_name, code=info.org_unit)
        super().__init__(window, tr("Khóa ký của tôi"), text, info.fingerprint, sending_note(self.profile))
        self.history = QLabel(history_text(self.profile))
        self.history.setObjectName("keyHistory")
        self.history.setWordWrap(True)
        self.layout().insertWidget(self.layout().count() - 1, self.history)
        buttons = self.layout().itemAt(self.layout().count() - 1).widget()
        self.rotate_button = QPushButton(tr("Đổi khóa…"))
        self.rotate_button.setObjectName("rotateKey")
        self.rotate_button.clicked.connect(self.rotate)
        buttons.addButton(self.rotate_button, QDialogButtonBox.ActionRole)
        self.rotated: rotation.Rotated | None = None

    def rotate(self):
        title = tr("Đổi khóa ký")
        question = tr(
            "Tạo khóa ký mới? Khóa cũ ký xác nhận khóa mới; gói gửi tiếp theo mang xác nhận đó và cấp trên tự "
            "đăng ký khóa mới khi nhận gói. Mật khẩu giữ nguyên."
        )
        if not common.confirm(self, title, question, tr("Đổi khóa")):
            return None
        secret = self.window.bundle_sender.ask_secret(title)
        if secret is None:
            return None
        try:
            self.rotated = rotation.rotate(self.profile, secret)  # the expiry is the old key's: not kept
        except Refused as exc:
            common.tell(self, title, i18n.message(exc), warning=True)
            return None
        self.fingerprint.setText(fingerprint_lines(self.rotated.new_fingerprint))
        self.history.setText(history_text(self.profile))
        self.window.controller.context.say(
            tr("Đã đổi khóa ký: vân tay mới {fingerprint}").format(
                fingerprint=keys.spaced(self.rotated.new_fingerprint)
            )
        )
        return self.rotated
