"""Đơn vị cấp dưới → Đăng ký khóa đơn vị cấp dưới…, Danh sách khóa… (with revoke).

Enrolment reads the child's public key file (bundle/keys.py recomputes the fingerprint), shows
the fingerprint large to compare over the phone, and enrols only once the officer ticks that the
two agree (bundle/trust.py).
"""

from pathlib import Path

from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from vstbpn_desktop.bundle import trust
from vstbpn_desktop.bundle.keys import PublicKeyInfo, read_public_key_file, spaced
from vstbpn_desktop.errors import Refused

from ..common import ask, i18n, screen
from ..common.ask import tr
from ..common.fingerprint import fingerprint_label, fingerprint_lines


class EnrolDialog(QDialog):
    """Choose the key file and the child unit; compare the fingerprint; confirm."""

    def __init__(self, window, unit: str | None = None, expected: str | None = None, parent: bool = False):
        """`unit`, `expected`: opened from a received bundle whose key is unknown — the unit it
        names is chosen, and the file's fingerprint is compared with the one that signed it.
        `parent`: the unit enrols its parent's key (its answers; bundles sealed to it)."""
        super().__init__(window)
        self.main_window = window
        self.profile = window.controller.context.profile
        self.info: PublicKeyInfo | None = None
        self.enrolment: trust.Enrolment | None = None
        self.expected = expected
        self.for_parent = parent
        self.setObjectName("enrolDialog")
        self.setWindowTitle(tr("Đăng ký khóa của cấp trên") if parent else tr("Đăng ký khóa đơn vị cấp dưới"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "Cấp trên gửi tệp khóa công khai của mình. Đăng ký xong, gói báo cáo gửi lên được mã hóa "
                "(chỉ cấp trên mở được) và tệp trả lại để sửa của cấp trên được kiểm tra chữ ký. Gọi điện "
                "cho cán bộ cấp trên: hai bên đọc vân tay, phải giống nhau từng ký tự."
            )
            if parent
            else tr(
                "Đơn vị cấp dưới gửi tệp khóa công khai (Tệp → Xuất khóa công khai…). Chọn tệp và "
                "đơn vị, rồi gọi điện cho cán bộ đơn vị đó: hai bên đọc vân tay, phải giống nhau "
                "từng ký tự."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        row = QHBoxLayout()
        self.file = QLineEdit()
        self.file.setObjectName("file")
        self.file.setReadOnly(True)
        self.file.setPlaceholderText(tr("chưa chọn tệp"))
        choose = QPushButton(tr("Chọn tệp…"))
        choose.setObjectName("chooseFile")
        choose.clicked.connect(self.choose_file)
        row.addWidget(self.file, 1)
        row.addWidget(choose)
        form.addRow(tr("Tệp khóa công khai:"), row)
        self.unit = QComboBox()
        self.unit.setObjectName("unit")
        own = self.profile.org_unit()
        units = [self.profile.org_unit(own.parent_code)] if parent and own and own.parent_code else []
        for child in units or self.profile.children():
            self.unit.addItem(f"{child.name} ({child.code})", child.code)
        form.addRow(tr("Của đơn vị:"), self.unit)
        if unit is not None and self.unit.findData(unit) >= 0:
            self.unit.setCurrentIndex(self.unit.findData(unit))
        layout.addLayout(form)
        self.expected_label = QLabel()
        self.expected_label.setObjectName("expected")
        self.expected_label.setWordWrap(True)
        if expected:
            self.expected_label.setText(
                tr("Gói vừa nhận được ký bằng khóa có vân tay <b>{fingerprint}</b>.").format(
                    fingerprint=spaced(expected)
                )
            )
        self.expected_label.setVisible(bool(expected))
        layout.addWidget(self.expected_label)
        self.file_unit = QLabel()
        self.file_unit.setWordWrap(True)
        layout.addWidget(self.file_unit)
        layout.addWidget(QLabel(tr("Vân tay tính từ khóa trong tệp:")))
        self.fingerprint = fingerprint_label("—")
        layout.addWidget(self.fingerprint)
        self.compared = QCheckBox(tr("Tôi đã đọc vân tay với cán bộ đơn vị qua điện thoại và hai bên giống nhau"))
        self.compared.setObjectName("compared")
        layout.addWidget(self.compared)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("QLabel { color: #b00020; }")
        layout.addWidget(self.message)
        buttons, self.enrol_button = ask.action_buttons(tr("Đăng ký khóa"), "enrolButton", self.enrol, self.reject)
        layout.addWidget(buttons)
        self.compared.toggled.connect(self._update)
        self.unit.currentIndexChanged.connect(self._update)
        self._update()
        self.setMinimumWidth(600)

    def choose_file(self) -> None:
        title = (
            tr("Chọn tệp khóa công khai của cấp trên")
            if self.for_parent
            else tr("Chọn tệp khóa công khai của đơn vị cấp dưới")
        )
        path = ask.ask_open_file(self, title, ask.PUBLIC_KEY_FILTER)
        if path is not None:
            self.set_file(path)

    def set_file(self, path: Path) -> None:
        self.info = None
        self.file.setText(str(path))
        self.compared.setChecked(False)
        try:
            self.info = read_public_key_file(Path(path))
        except Refused as exc:
            self.fingerprint.setText("—")
            self.file_unit.setText("")
            self.message.setText(i18n.message(exc))
            self._update()
            return
        self.message.setText("")
        self.fingerprint.setText(fingerprint_lines(self.info.fingerprint))
        self.file_unit.setText(
            tr("Tệp ghi là khóa của: <b>{name}</b> ({code})").format(
                name=self.info.org_unit_name or "—", code=self.info.org_unit
            )
        )
        index = self.unit.findData(self.info.org_unit)
        if self.expected and self.info.fingerprint != self.expected:
            self.message.setText(
                tr("Vân tay của khóa trong tệp khác vân tay đã ký gói vừa nhận: tệp này không phải khóa đã ký gói đó.")
            )
        if index >= 0:
            self.unit.setCurrentIndex(index)
        elif self.for_parent:  # the rule and its words are the first run's (bundle/trust.py)
            problem = trust.not_the_parents_key(self.profile, self.info, Path(path).name)
            self.message.setText(i18n.message(problem) if problem is not None else "")
        else:
            self.message.setText(
                tr("Đơn vị {code} trong tệp không phải đơn vị cấp dưới trực tiếp của {own}.").format(
                    code=self.info.org_unit, own=self.profile.org_unit_code
                )
            )
        self._update()

    def _update(self, *_):
        self.enrol_button.setEnabled(
            self.info is not None and self.compared.isChecked() and self.unit.currentData() is not None
        )

    def enrol(self):
        if self.info is None or not self.compared.isChecked():
            return None
        try:
            path = Path(self.file.text())
            if self.for_parent:
                self.enrolment = trust.add_parent(self.profile, path)
            else:
                self.enrolment = trust.add(self.profile, path, self.unit.currentData())
        except Refused as exc:
            self.message.setText(i18n.message(exc))
            return None
        enrolment = self.enrolment
        what = tr("Khóa này đã được đăng ký trước đó") if enrolment.already else tr("Đã đăng ký khóa")
        self.main_window.controller.context.say(
            f"{what}: {enrolment.org_unit_name} ({enrolment.org_unit}), {spaced(enrolment.fingerprint)}"
        )
        self.accept()
        return enrolment


class KeysDialog(QDialog):
    """The trust register: unit, fingerprint, enrolled, state; revoke the selected key."""

    UNIT, FINGERPRINT, ENROLLED, STATE = range(4)

    def __init__(self, window):
        super().__init__(window)
        self.main_window = window
        self.profile = window.controller.context.profile
        self.setObjectName("keysDialog")
        self.setWindowTitle(tr("Danh sách khóa đơn vị cấp dưới"))
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("keys")
        self.table.setHorizontalHeaderLabels([tr("Đơn vị"), tr("Vân tay"), tr("Đăng ký"), tr("Trạng thái")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        # The state carries the rotation history ("Đã đổi sang khóa mới từ gói số 2 — khóa cũ … xác nhận"):
        # it takes the room left and wraps, the fingerprint keeps its one line (measured 1024x600).
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(self.STATE, QHeaderView.ResizeMode.Stretch)
        # The rows follow the width the state column gets once the dialog is laid out (or resized).
        self.table.horizontalHeader().sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        layout.addWidget(self.table)
        buttons = QDialogButtonBox()
        enrol = buttons.addButton(tr("Đăng ký khóa mới…"), QDialogButtonBox.ButtonRole.ActionRole)
        enrol.clicked.connect(self.enrol)
        self.revoke_button = buttons.addButton(tr("Thu hồi khóa đã chọn…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.revoke_button.setObjectName("revokeButton")
        self.revoke_button.clicked.connect(self.revoke_selected)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(tr("Đóng"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.itemSelectionChanged.connect(self._update)
        self.fill()
        screen.fit(self, 900, 360)

    def fill(self) -> None:
        self.rows = trust.listing(self.profile)
        self.table.setRowCount(len(self.rows))
        monospace = QFont("Liberation Mono")
        monospace.setStyleHint(QFont.StyleHint.Monospace)
        for row, enrolment in enumerate(self.rows):
            revoked = enrolment.revoked_at is not None
            if revoked:
                state = tr("Đã thu hồi {day}").format(day=i18n.date_text(enrolment.revoked_at))
            elif enrolment.replaced_from is not None:
                state = tr("Đã đổi sang khóa mới từ gói số {sequence}").format(sequence=enrolment.replaced_from)
            else:
                state = tr("Hiệu lực")
            if enrolment.endorsed_by:
                state += " — " + tr("khóa cũ {fingerprint} xác nhận").format(
                    fingerprint=spaced(enrolment.endorsed_by)[:9] + "…"
                )
            cells = [
                f"{enrolment.org_unit_name} ({enrolment.org_unit})",
                spaced(enrolment.fingerprint),
                f"{i18n.date_text(enrolment.enrolled_at)} — {enrolment.enrolled_by or ''}".rstrip(" —"),
                state,
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == self.FINGERPRINT:
                    item.setFont(monospace)
                if revoked:
                    item.setForeground(QBrush(QColor("#888888")))
                self.table.setItem(row, column, item)
        for column in (self.UNIT, self.FINGERPRINT, self.ENROLLED):
            self.table.resizeColumnToContents(column)
        self.table.resizeRowsToContents()
        self._update()

    def _update(self) -> None:
        row = self.table.currentRow()
        selected = bool(self.table.selectedItems()) and 0 <= row < len(self.rows)
        self.revoke_button.setEnabled(selected and self.rows[row].revoked_at is None)

    def enrol(self) -> None:
        dialog = EnrolDialog(self.main_window)
        dialog.finished.connect(lambda _: self.fill())
        ask.show(dialog)

    def revoke_selected(self):
        row = self.table.currentRow()
        if not 0 <= row < len(self.rows):
            return None
        enrolment = self.rows[row]
        question = tr(
            "Thu hồi khóa {fingerprint} của {name} ({code})?\nMọi gói ký bằng khóa này sẽ bị từ chối "
            "từ nay; dữ liệu đã nhận vẫn giữ nguyên."
        ).format(fingerprint=spaced(enrolment.fingerprint), name=enrolment.org_unit_name, code=enrolment.org_unit)
        if not ask.confirm(self, tr("Thu hồi khóa"), question, tr("Thu hồi")):
            return None
        try:
            result = trust.revoke(self.profile, enrolment.fingerprint)
        except Refused as exc:
            ask.tell(self, tr("Thu hồi khóa"), i18n.message(exc), warning=True)
            return None
        self.fill()
        self.main_window.controller.context.say(
            tr("Đã thu hồi khóa {fingerprint}").format(fingerprint=spaced(result.fingerprint))
        )
        return result


class TrustActions:
    def __init__(self, window):
        self.window = window
        self.dialog = None

    def enrol(self):
        self.dialog = EnrolDialog(self.window)
        ask.show(self.dialog)
        return self.dialog

    def enrol_parent(self):
        """The parent's public key file: its answers verify, and bundles are sealed to it."""
        unit = self.window.controller.context.profile.org_unit()
        self.dialog = EnrolDialog(self.window, unit=unit.parent_code if unit else None, parent=True)
        ask.show(self.dialog)
        return self.dialog

    def list_keys(self):
        self.dialog = KeysDialog(self.window)
        ask.show(self.dialog)
        return self.dialog


def install(window) -> None:
    actions = TrustActions(window)
    window.trust_actions = actions
    unit = window.controller.context.profile.org_unit()
    if unit is not None and unit.parent_code:
        window.add_action("file", tr("Đăng ký khóa của cấp trên…"), actions.enrol_parent, "actionEnrolParentKey")
    if not window.controller.context.profile.children():
        return
    window.add_action("children", tr("Đăng ký khóa đơn vị cấp dưới…"), actions.enrol, "actionEnrolKey")
    window.add_action("children", tr("Danh sách khóa…"), actions.list_keys, "actionListKeys")
