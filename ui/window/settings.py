"""Công cụ → "Cài đặt…" (Ctrl+,): the officer, the report's header, share rounding, language and
the database URL; saved through `profile.settings` + `profile.save_settings()` (atomic)."""

from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from vstbpn_desktop.errors import Refused
from vstbpn_desktop.formats import round_share
from vstbpn_desktop.safety.audit import set_actor
from vstbpn_desktop.text import nfc

from ..common import ask, i18n, screen
from ..common.i18n import QT_TR_NOOP
from ..entry.widgets import MessageLabel


def tr(text: str) -> str:
    return QCoreApplication.translate("settings_dialog", text)


TEXT_FIELDS = {
    "officer_name": QT_TR_NOOP("Họ và tên cán bộ"),
    "officer_title": QT_TR_NOOP("Chức vụ"),
    "parent_body": QT_TR_NOOP("Cơ quan chủ quản (dòng 1)"),
    "issuing_body": QT_TR_NOOP("Cơ quan ban hành (dòng 2)"),
    "place_name": QT_TR_NOOP("Địa danh (trước \u201cngày … tháng …\u201d)"),
    "signer_mandate": QT_TR_NOOP("Thẩm quyền ký (ví dụ: TM. BAN …)"),
    "signer_title": QT_TR_NOOP("Chức vụ người ký"),
    "signer_name": QT_TR_NOOP("Họ và tên người ký"),
    "report_symbol": QT_TR_NOOP("Ký hiệu báo cáo (sau số, ví dụ BC-UBND)"),
}
REQUIRED = ("officer_name", "parent_body", "issuing_body", "place_name", "report_symbol")
LIMIT = 200


def rounding_example(rule: str) -> str:
    """A share of 25,369 % written with the rule (the sample report truncates)."""
    return i18n.percent(round_share(25.369, rule))


class SettingsDialog(QDialog):
    def __init__(self, profile, parent=None):
        super().__init__(parent)
        self.profile = profile
        self.setObjectName("settingsDialog")
        self.setWindowTitle(tr("Cài đặt"))
        screen.fit(self, 780, 760)
        settings = profile.settings
        outer = QVBoxLayout(self)
        body = QWidget()  # the form scrolls on a small screen; the message and Lưu/Hủy stay in view
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)

        officer = QGroupBox(tr("Cán bộ nhập liệu"))
        officer_form = QFormLayout(officer)
        header = QGroupBox(tr("Tiêu đề và chữ ký của báo cáo"))
        header_form = QFormLayout(header)
        self.fields: dict[str, QLineEdit] = {}
        for name, caption in TEXT_FIELDS.items():
            field = QLineEdit(getattr(settings, name))
            field.setObjectName(name)
            field.setMaxLength(LIMIT)
            self.fields[name] = field
            form = officer_form if name.startswith("officer") else header_form
            form.addRow(tr(caption) + (" *" if name in REQUIRED else "") + ":", field)
        self.recipients = QPlainTextEdit(settings.recipients)
        self.recipients.setObjectName("recipients")
        self.recipients.setTabChangesFocus(True)
        self.recipients.setFixedHeight(96)
        header_form.addRow(tr("Nơi nhận (mỗi dòng một nơi):"), self.recipients)
        self.addressees = QPlainTextEdit(settings.report_addressees)
        self.addressees.setObjectName("report_addressees")
        self.addressees.setTabChangesFocus(True)
        self.addressees.setFixedHeight(56)
        self.addressees.setPlaceholderText(tr("để trống nếu không cần; mỗi dòng một nơi, ví dụ Bộ Nội vụ"))
        header_form.addRow(tr("Kính gửi (mặc định):"), self.addressees)
        self.unreported_note = QCheckBox(tr("Ghi tên các đơn vị cấp dưới chưa gửi báo cáo"))
        self.unreported_note.setObjectName("unreported_note")
        self.unreported_note.setChecked(settings.unreported_note)
        header_form.addRow("", self.unreported_note)
        header_form.addRow(
            "", self._hint(tr("Đây là giá trị mặc định; mỗi lần in có thể đổi số, ký hiệu, nơi kính gửi và người ký."))
        )
        layout.addWidget(officer)
        layout.addWidget(header)

        other = QGroupBox(tr("Tính toán và ngôn ngữ"))
        other_form = QFormLayout(other)
        self.rounding = QComboBox()
        self.rounding.setObjectName("share_rounding")
        self.rounding.addItem(tr("Làm tròn (25,369 % → {v})").format(v=rounding_example("half_up")), "half_up")
        self.rounding.addItem(
            tr("Cắt bớt, như báo cáo mẫu (25,369 % → {v})").format(v=rounding_example("truncate")), "truncate"
        )
        self.rounding.setCurrentIndex(max(self.rounding.findData(settings.share_rounding), 0))
        rounding_help = QLabel(
            tr(
                "Tỷ lệ ghi 2 chữ số thập phân. Ví dụ tỷ lệ 25,369 % được ghi 25,37 % nếu làm "
                "tròn, 25,36 % nếu cắt bớt phần thừa (25,37 % / 25,36 %)."
            )
        )
        rounding_help.setWordWrap(True)
        rounding_help.setStyleSheet("color: #555;")
        other_form.addRow(tr("Tỷ lệ phần trăm:"), self.rounding)
        other_form.addRow("", rounding_help)
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(settings.language), 0))
        other_form.addRow(tr("Ngôn ngữ giao diện:"), self.language)
        other_form.addRow("", self._hint(tr("Đổi ngôn ngữ có hiệu lực khi mở lại chương trình.")))
        other_form.addRow(
            "", self._hint(tr("Báo cáo in ra luôn theo mẫu chính thức bằng tiếng Việt (Nghị định 30/2020)."))
        )
        layout.addWidget(other)

        advanced = QGroupBox(tr("Nâng cao"))
        advanced_form = QFormLayout(advanced)
        self.database_url = QLineEdit(settings.database_url)
        self.database_url.setObjectName("database_url")
        self.database_url.setPlaceholderText(tr("để trống: SQLite trong thư mục hồ sơ (khuyên dùng)"))
        advanced_form.addRow(tr("Địa chỉ cơ sở dữ liệu:"), self.database_url)
        advanced_form.addRow(
            "",
            self._hint(
                tr(
                    "Chỉ đổi khi quản trị viên yêu cầu (ví dụ postgresql://…). Có hiệu lực khi mở lại chương trình; "
                    "dữ liệu không tự chuyển sang cơ sở dữ liệu mới."
                )
            ),
        )
        layout.addWidget(advanced)
        layout.addStretch(1)
        outer.addWidget(screen.scrolling(body), 1)

        self.error = MessageLabel()
        outer.addWidget(self.error)
        buttons, _ = ask.action_buttons(tr("Lưu"), "saveButton", self.accept, self.reject)
        outer.addWidget(buttons)
        self.restart_needed = False

    @staticmethod
    def _hint(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setStyleSheet("color: #555;")
        return label

    def values(self) -> dict:
        values: dict[str, object] = {name: nfc(field.text()).strip() for name, field in self.fields.items()}
        values["recipients"] = "\n".join(
            line.strip() for line in nfc(self.recipients.toPlainText()).splitlines() if line.strip()
        )
        from vstbpn_desktop.reports.options import split_lines  # not at start-up: reports load on first use

        values["report_addressees"] = "\n".join(split_lines(nfc(self.addressees.toPlainText())))
        values["unreported_note"] = self.unreported_note.isChecked()
        values["share_rounding"] = self.rounding.currentData()
        values["language"] = self.language.currentData()
        values["database_url"] = self.database_url.text().strip()
        return values

    def problems(self, values: dict) -> list[str]:
        found = []
        for name in REQUIRED:
            if not values[name]:
                found.append(tr("\u201c{field}\u201d: không được để trống").format(field=tr(TEXT_FIELDS[name])))
        url = values["database_url"]
        if url:
            try:
                make_url(url)
            except ArgumentError:
                found.append(
                    tr(
                        "\u201cĐịa chỉ cơ sở dữ liệu\u201d: \u201c{url}\u201d không phải địa chỉ hợp lệ "
                        "(dạng driver://người-dùng@máy/tên); để trống để dùng SQLite"
                    ).format(url=url)
                )
        return found

    def accept(self) -> None:
        values = self.values()
        found = self.problems(values)
        if not found:
            candidate = replace(self.profile.settings, **values)
            try:
                candidate.validate()
            except ValueError as exc:
                found.append(i18n.message(exc))
        if found:
            self.error.setText(tr("Chưa lưu — {problems}").format(problems="; ".join(found)))
            return
        old = self.profile.settings
        self.restart_needed = (old.language, old.database_url) != (candidate.language, candidate.database_url)
        try:
            self.profile.settings = candidate
            self.profile.save_settings()
        except (OSError, Refused) as exc:
            self.profile.settings = old
            self.error.setText(
                tr("Chưa lưu — {path}: {reason}").format(
                    path=self.profile.data_dir / "settings.json", reason=getattr(exc, "strerror", None) or exc
                )
            )
            return
        super().accept()


def apply(window, dialog: SettingsDialog) -> None:
    """After saving: the officer for the audit trail and new records; shares re-rounded."""
    profile = dialog.profile
    controller = window.controller
    set_actor(profile.settings.officer_name)
    controller.context.author = profile.settings.officer_name
    for name in ("documents", "activities", "grid"):
        model = getattr(getattr(controller, name, None), "model", None)
        if model is not None:
            if hasattr(model, "author"):
                model.author = profile.settings.officer_name
            if hasattr(model, "rounding"):
                model.rounding = profile.settings.share_rounding
    controller.reload()
    text = tr("Đã lưu cài đặt.")
    if dialog.restart_needed:
        text += " " + tr("Ngôn ngữ và địa chỉ cơ sở dữ liệu có hiệu lực khi mở lại chương trình.")
    controller.context.say(text, 15_000)


def open_settings(window) -> SettingsDialog:
    dialog = SettingsDialog(window.controller.profile, window)
    if ask.run_dialog(dialog) == QDialog.DialogCode.Accepted:
        apply(window, dialog)
    return dialog


def install(window) -> None:
    window.add_action(
        "tools",
        tr("Cài đặt…"),
        lambda: open_settings(window),
        "settings",
        "Ctrl+,",
        role=QAction.MenuRole.PreferencesRole,
    )
