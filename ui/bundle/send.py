"""Tệp → Gửi báo cáo… (Ctrl+E), Khóa ký của tôi…, Xuất khóa công khai…

The district chooses where the bundle goes, types the passphrase (a wrong one: a clear message
and another try) under a line saying whether the bundle will be encrypted to its parent
(bundle/sealed.py), the core writes, reads back and verifies the bundle (bundle/export.py) in a
worker, and the result shows the file size and the key's fingerprint in groups of 4 to read aloud.
"Khóa ký của tôi" also shows the key's history and expiry, and "Đổi khóa…" (bundle/rotation.py):
the old key endorses the new one, the next bundle carries it, the parent enrols the new key.
"""

from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from vstbpn_desktop import records
from vstbpn_desktop.bundle import keys
from vstbpn_desktop.bundle.sequence import upcoming
from vstbpn_desktop.catalogue import indicators
from vstbpn_desktop.catalogue.sections import layout
from vstbpn_desktop.checks import flags
from vstbpn_desktop.errors import Refused

from ..common import ask, i18n, screen
from ..common.ask import tr
from ..common.fingerprint import fingerprint_label, fingerprint_lines
from ..common.worker import run_task
from ..safety.lock import covering_lock, lock_now

if TYPE_CHECKING:  # the core's rotation module loads on first use, not at start-up
    from vstbpn_desktop.bundle.rotation import Rotated


class FingerprintDialog(QDialog):
    """A message with a fingerprint shown large, in a fixed-width font, with a copy button."""

    def __init__(self, parent, title: str, text: str, fingerprint: str, note: str = ""):
        super().__init__(parent)
        self.setObjectName("fingerprintDialog")
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.text = QLabel(text)
        self.text.setObjectName("text")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.text)
        layout.addWidget(QLabel(tr("Vân tay khóa ký (đọc từng nhóm 4 ký tự để đối chiếu):")))
        self.fingerprint = fingerprint_label(fingerprint_lines(fingerprint))
        layout.addWidget(self.fingerprint)
        self.note = QLabel(note)
        self.note.setObjectName("note")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("QLabel { color: #555; }")
        self.note.setVisible(bool(note))
        layout.addWidget(self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        copy = QPushButton(tr("Sao chép vân tay"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(keys.spaced(fingerprint)))
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.box, self.buttons = layout, buttons  # a dialog built on this one adds to them
        self.setMinimumWidth(520)


def sending_note(profile) -> str:
    """Whether the next bundle is encrypted, and to whom: said before and after sending."""
    from vstbpn_desktop.bundle import sealed  # on first use: not at start-up

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
    """The key's rotations, its expiry and the warning ahead of it (bundle/rotation.py)."""
    from vstbpn_desktop.bundle import rotation  # on first use: not at start-up

    lines = []
    for row in rotation.history(profile):
        how = tr("mất khóa cũ, cấp trên đăng ký lại") if row.reason == "lost" else tr("khóa cũ xác nhận")
        lines.append(
            tr("Đổi khóa ngày {day}: {old} → {new} ({how})").format(
                day=i18n.date_text(row.made_at),
                old=keys.spaced(row.previous_fingerprint)[:9] + "…",
                new=keys.spaced(row.fingerprint)[:9] + "…",
                how=how,
            )
        )
    if lines:
        lines.insert(0, "<b>" + escape(tr("Lịch sử đổi khóa:")) + "</b>")
    expires, due = rotation.expiry(profile), rotation.expiry_due(profile)
    if expires is not None and due is None:  # near the date, the warning below says it
        lines.append(tr("Khóa hết hạn ngày {day}.").format(day=i18n.date_text(expires)))
    if due is not None:  # the window's own sentence, naming its button (the CLI names `keys rotate`)
        day, days = i18n.date_text(due[0]), due[1]
        warning = (
            tr("Khóa ký đã hết hạn ngày {day}. Hãy bấm “Đổi khóa…” bên dưới trước khi gửi báo cáo.").format(day=day)
            if days < 0
            else tr("Khóa ký sắp hết hạn (còn {days} ngày, đến ngày {day}). Hãy bấm “Đổi khóa…” bên dưới.").format(
                days=days, day=day
            )
        )
        lines.append(f"<b>{escape(warning)}</b>")
    return "<br>".join(lines)


class OwnKeyDialog(FingerprintDialog):
    def __init__(self, window, info: keys.PublicKeyInfo):
        self.main = window
        self.profile = window.controller.context.profile
        text = tr(
            "Khóa ký của <b>{name}</b> ({code}). Gói báo cáo của đơn vị được ký bằng khóa này; "
            "cấp trên chỉ nhận gói ký bằng khóa đã đăng ký."
        ).format(name=info.org_unit_name, code=info.org_unit)
        super().__init__(window, tr("Khóa ký của tôi"), text, info.fingerprint, sending_note(self.profile))
        self.history = QLabel(history_text(self.profile))
        self.history.setObjectName("keyHistory")
        self.history.setWordWrap(True)
        self.history.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.box.insertWidget(self.box.count() - 1, self.history)
        self.rotate_button = QPushButton(tr("Đổi khóa…"))
        self.rotate_button.setObjectName("rotateKey")
        self.rotate_button.clicked.connect(self.rotate)
        self.buttons.addButton(self.rotate_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.rotated: Rotated | None = None  # once "Đổi khóa…" made the new key

    def rotate(self):
        from vstbpn_desktop.bundle import rotation  # on first use: not at start-up

        title = tr("Đổi khóa ký")
        question = tr(
            "Tạo khóa ký mới? Khóa cũ ký xác nhận khóa mới; gói gửi tiếp theo mang xác nhận đó và cấp trên tự "
            "đăng ký khóa mới khi nhận gói. Mật khẩu giữ nguyên."
        )
        if self.profile.children():  # a province or district: its units learn the new key by its next configuration
            question += "\n\n" + tr(
                "Sau khi đổi khóa, hãy gửi tệp cấu hình mới cho các đơn vị cấp dưới (Đơn vị cấp dưới → Gửi cấu "
                "hình…): tệp mang xác nhận đổi khóa và đơn vị tự đăng ký khóa mới khi nhận tệp."
            )
        if not ask.confirm(self, title, question, tr("Đổi khóa")):
            return None
        secret = self.main.bundle_sender.ask_secret(title)
        if secret is None:
            return None
        try:
            rotated = rotation.rotate(self.profile, secret)  # the expiry is the old key's: not kept
        except Refused as exc:
            ask.tell(self, title, i18n.message(exc), warning=True)
            return None
        self.rotated = rotated
        self.fingerprint.setText(fingerprint_lines(rotated.new_fingerprint))
        self.history.setText(history_text(self.profile))
        self.main.controller.context.say(
            tr("Đã đổi khóa ký: vân tay mới {fingerprint}").format(fingerprint=keys.spaced(rotated.new_fingerprint))
        )
        return self.rotated


@dataclass
class Check:
    """One line of the checklist before sending: what is missing, and the page where it is typed."""

    page: str
    text: str


def checklist(window) -> list[Check]:
    """What the officer should look at before sending the period: sections without narrative or
    without figures, and values typed but not saved (refused) on any page. The period's lock is
    asked for in the dialog itself."""
    context = window.controller.context
    engine, scope = context.engine, context.scope
    checks = []
    titles = {key: window.navigation.item(row).text() for row, key in enumerate(window.pages)}
    for key, page in window.pages.items():
        message = getattr(page, "message", None)
        if message is not None and hasattr(message, "text") and message.text().strip():
            checks.append(
                Check(
                    key,
                    tr("Trang “{page}” có giá trị chưa lưu: {reason}").format(
                        page=titles[key], reason=message.text().strip()
                    ),
                )
            )
    held = records.records_held(engine, scope.org_unit_code, scope.period)
    values = records.indicator_values(engine, scope)
    table = layout()
    page_of = {i.code: table.section(i.section).page for i in indicators().values()}
    figures = {}  # the pages that show figures of the period: whether they have any
    for page in table.pages:
        if page.kind == "documents":
            figures[page.code] = held["documents"]
        elif page.kind == "activities":
            figures[page.code] = held["activities"]
        elif page.kind == "figures":
            figures[page.code] = any(page_of.get(code) == page.code for code in values)
    empty = tr("Chưa có số liệu: “{page}” (không có văn bản, hoạt động hay chỉ tiêu nào của kỳ)")
    for key, present in figures.items():
        if not present:
            checks.append(Check(key, empty.format(page=titles[key])))
    for code in records.values_needing_comment(engine, scope):
        name = i18n.indicator_name(indicators()[code])
        checks.append(
            Check(
                page_of[code],
                tr("“{name}” bằng 0 hoặc chưa có: cần ghi chú lý do (nút Ghi chú… bên cạnh số liệu)").format(name=name),
            )
        )
    texts = records.narratives(engine, scope)
    for section in table.sections:
        if not (texts.get(section.code) or "").strip():
            name = section.name(i18n.language())
            checks.append(Check(section.page, tr("Chưa có lời văn: “{section}”").format(section=name)))
    # Figures out of line with earlier periods (vstbpn_desktop/checks.py): to look at, never to block.
    for flag in flags(context.profile, scope.org_unit_code, scope.period):
        page = page_of.get(flag.indicator, "")
        checks.append(Check(page, tr("Cần xem lại: {flag}").format(flag=i18n.message(flag.message))))
    return checks


class ChecklistDialog(QDialog):
    """Before sending: each thing missing with a link to its page; lock the period here; send anyway."""

    def __init__(self, window, checks: list[Check], locked: bool):
        super().__init__(window)
        self.main_window, self.checks = window, checks
        self.opened: str | None = None  # the page a link opened (the sending stops there)
        period = window.controller.context.scope.period
        self.setObjectName("sendChecklist")
        self.setWindowTitle(tr("Trước khi gửi báo cáo kỳ {period}").format(period=period.code))
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr("Xin xem lại trước khi gửi. Bấm “Mở trang” để sửa, hoặc gửi luôn nếu đúng là kỳ này không có.")
            if checks
            else tr("Báo cáo kỳ {period} đã đủ các phần.").format(period=period.code)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        body = QWidget()
        lines = QVBoxLayout(body)
        lines.setContentsMargins(0, 0, 0, 0)
        self.lines: list[QLabel] = []
        open_page = escape(tr("Mở trang"))  # outside the f-string: lupdate reads it here
        for check in checks:
            line = QLabel(f'• {escape(check.text)} — <a href="{check.page}">{open_page}</a>')
            line.setObjectName(f"check-{check.page}")
            line.setWordWrap(True)
            line.setTextFormat(Qt.TextFormat.RichText)
            line.linkActivated.connect(self.open_page)
            lines.addWidget(line)
            self.lines.append(line)
        lines.addStretch(1)
        layout.addWidget(screen.scrolling(body), 1)
        self.lock = QCheckBox(
            tr("Khóa kỳ {period} khi gửi (sau đó chỉ xem, muốn sửa phải mở lại kỳ và ghi lý do)").format(
                period=period.code
            )
        )
        self.lock.setObjectName("lockPeriod")
        self.can_lock = not locked
        self.lock.setChecked(self.can_lock)
        self.lock.setVisible(self.can_lock)
        layout.addWidget(self.lock)
        buttons, self.send_button = ask.action_buttons(
            tr("Vẫn gửi") if checks else tr("Gửi"), "sendAnyway", self.accept, self.reject
        )
        layout.addWidget(buttons)
        screen.fit(self, 640, 170 + 26 * len(checks))

    def open_page(self, key: str) -> None:
        self.opened = key
        self.main_window.show_page(key)
        self.reject()


def next_bundle_name(profile, period) -> str:
    """`883-2023H1-4.vstb`: unit, period and the sequence number the next bundle will carry."""
    return f"{profile.org_unit_code}-{period.code}-{upcoming(profile)}.vstb"


class Sender:
    """The district's side: sending the period's bundle, showing and exporting its key."""

    def __init__(self, window):
        self.window = window
        self.dialog = None  # the last result dialog (kept for tests and screenshots)
        self.checklist: ChecklistDialog | None = None  # the last checklist before sending

    @property
    def context(self):
        return self.window.controller.context

    def ask_secret(self, title: str, note: str = "") -> str | None:
        """The passphrase, asked until it opens the key or the officer gives up; `note` above it."""
        profile = self.context.profile
        label = tr("Mật khẩu khóa ký của hồ sơ (đặt khi cài đặt):")
        if note:
            label = f"{note}\n\n{label}"
        while True:
            secret = ask.ask_passphrase(self.window, title, label)
            if secret is None:
                return None
            try:
                keys.load_private_key(profile, secret)
                return secret
            except Refused as exc:
                ask.tell(self.window, title, i18n.message(exc), warning=True)
                if not keys.key_path(profile).exists():
                    return None
                label = tr("Mật khẩu chưa đúng. Hãy nhập lại mật khẩu khóa ký:")

    def send(self):
        from vstbpn_desktop.bundle.export import export_bundle  # not at start-up: the export loads on first use

        window, context = self.window, self.context
        title = tr("Gửi báo cáo")
        if not window.controller.flush() or not self.check_before_sending():
            return None
        profile, period = context.profile, context.scope.period
        default = ask.documents_folder() / next_bundle_name(profile, period)
        path = ask.ask_save_file(
            window,
            tr("Gửi báo cáo kỳ {period} — chọn nơi ghi gói").format(period=period.code),
            default,
            ask.BUNDLE_FILTER,
        )
        if path is None:
            return None
        if path.suffix.lower() != ".vstb":
            path = path.with_name(path.name + ".vstb")
        secret = self.ask_secret(title, sending_note(profile))  # encrypted or not, said before sending
        if secret is None:
            return None
        try:
            result = run_task(
                window,
                tr("Đang ghi và kiểm tra gói báo cáo…"),
                lambda task: export_bundle(profile, period, path, secret, progress=task.progress),
            )
        except Refused as exc:
            ask.tell(window, title, i18n.message(exc), warning=True)
            return None
        counts = result.counts
        text = tr(
            "Đã ghi và đọc lại, kiểm tra chữ ký gói báo cáo kỳ {period}:<br><b>{path}</b><br>"
            "Kích thước: <b>{size}</b> — gói số {sequence}<br>"
            "{activities} hoạt động, {documents} văn bản, {indicators} chỉ tiêu, {narratives} mục nội dung."
        ).format(
            period=period.code,
            path=result.path,
            size=ask.file_size(result.size),
            sequence=result.sequence,
            activities=i18n.count(counts["activities"]),
            documents=i18n.count(counts["documents"]),
            indicators=i18n.count(counts["indicators"]),
            narratives=i18n.count(counts["narratives"]),
        )
        if result.sealed_for is not None:
            text += "<br>" + tr("Gói đã được mã hóa: chỉ đơn vị {code} mở được.").format(
                code=result.sealed_for.org_unit
            )
        else:
            text += "<br>" + tr("Gói không được mã hóa (chưa đăng ký khóa của cấp trên).")
        if result.endorsements:
            text += "<br>" + tr("Gói mang xác nhận đổi khóa: cấp trên đăng ký khóa mới khi nhận gói.")
        note = tr(
            "Gửi tệp này cho cấp trên (USB, thư điện tử, Zalo…). Cấp trên kiểm tra chữ ký khi nhận; "
            "nếu được hỏi, hãy đọc vân tay trên qua điện thoại."
        )
        self.dialog = FingerprintDialog(window, tr("Đã ghi gói báo cáo"), text, result.fingerprint, note)
        ask.show(self.dialog)
        context.say(tr("Đã ghi gói {name} ({size})").format(name=result.path.name, size=ask.file_size(result.size)))
        return result

    def check_before_sending(self) -> bool:
        """The checklist (when something is missing or the period is still open); True to go on.
        Ticking "Khóa kỳ" locks the period before the bundle is written."""
        window, context = self.window, self.context
        checks = checklist(window)
        locked = covering_lock(context.engine, context.scope.period) is not None
        if not checks and locked:
            return True
        self.checklist = ChecklistDialog(window, checks, locked)
        if ask.run_dialog(self.checklist) != QDialog.DialogCode.Accepted:
            return False
        if self.checklist.can_lock and self.checklist.lock.isChecked():
            return lock_now(window)
        return True

    def show_key(self):
        try:
            info = keys.public_key_info(self.context.profile)
        except Refused as exc:
            ask.tell(self.window, tr("Khóa ký của tôi"), i18n.message(exc), warning=True)
            return None
        self.dialog = OwnKeyDialog(self.window, info)
        ask.show(self.dialog)
        return info

    def export_public(self):
        title = tr("Xuất khóa công khai")
        profile = self.context.profile
        default = ask.documents_folder() / f"{profile.org_unit_code}-khoa-cong-khai.json"
        path = ask.ask_save_file(self.window, title, default, ask.PUBLIC_KEY_FILTER)
        if path is None:
            return None
        try:
            info = keys.export_public(profile, path)
        except Refused as exc:
            ask.tell(self.window, title, i18n.message(exc), warning=True)
            return None
        text = tr("Đã ghi khóa công khai của <b>{name}</b> ({code}) vào<br><b>{path}</b>").format(
            name=info.org_unit_name, code=info.org_unit, path=Path(path)
        )
        note = tr(
            "Gửi tệp này cho cấp trên để đăng ký. Khi cấp trên đăng ký, hai bên đọc vân tay qua "
            "điện thoại: phải giống nhau từng ký tự."
        )
        self.dialog = FingerprintDialog(self.window, title, text, info.fingerprint, note)
        ask.show(self.dialog)
        return info


def install(window) -> None:
    sender = Sender(window)
    window.bundle_sender = sender
    profile = window.controller.context.profile
    unit = profile.org_unit()
    if unit is not None and unit.parent_code:
        window.add_action(
            "file",
            tr("Gửi báo cáo…"),
            sender.send,
            "actionSendBundle",
            "Ctrl+E",
            tr("Ghi gói báo cáo có chữ ký của kỳ đang xem để gửi cấp trên"),
        )
    window.add_action("file", tr("Khóa ký của tôi…"), sender.show_key, "actionShowKey")
    window.add_action("file", tr("Xuất khóa công khai…"), sender.export_public, "actionExportPublicKey")
    window.menus["file"].addSeparator()
