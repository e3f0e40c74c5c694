"""The province's configuration in the window (issue 15 item 5; bundle/config.py is the core).

At a unit with a parent: Tệp → Cấu hình từ tỉnh… lists the configuration files applied (from
whom, number, made and applied when) and what each changed, the deadlines the last one set, and
receives a new `.vstc`: checked first (a dry run), its changes shown, applied only when the
officer says so, all or nothing; the pages are read again after.
At a unit with units below: Đơn vị cấp dưới → Gửi cấu hình… shows what the file will carry (its
indicators, retirements, targets, deadlines, revoked keys), imports a catalogue file (the
indicators.json shape) after showing its changes, and writes the signed file.
"""

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from vstbpn_desktop.errors import Refused

from ..common import ask as common
from ..common import i18n, screen
from ..common.i18n import QT_TR_NOOP
from ..common.worker import run_task

CONFIG_FILTER = QT_TR_NOOP("Tệp cấu hình (*.vstc)")
CATALOGUE_FILTER = QT_TR_NOOP("Danh mục chỉ tiêu (*.json)")


def tr(text: str) -> str:
    return QCoreApplication.translate("bundle_config", text)


def _moment(moment: datetime | None) -> str:
    if moment is None:
        return "—"
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    local = moment.astimezone()
    return f"{i18n.date_text(local.date())} {local:%H:%M}"


def change_lines(lines) -> str:
    """The core's change lines (Messages), one a line, in the window's language."""
    return "\n".join(f"• {i18n.message(line)}" for line in lines) or tr("Không có thay đổi.")


def _apply_question(window, title: str, name: str, lines) -> bool:
    return common.confirm(
        window,
        title,
        tr("{file} sẽ thay đổi:\n{changes}\n\nÁp dụng tất cả các thay đổi này?").format(
            file=name, changes=change_lines(lines)
        ),
        tr("Áp dụng"),
    )


# -- at the unit --------------------------------------------------------------------------------


class ReceivedDialog(QDialog):
    """Cấu hình từ tỉnh: what was received, when, what changed; receive a new file."""

    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.setObjectName("configReceived")
        self.setWindowTitle(tr("Cấu hình từ tỉnh"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "Cấp trên gửi tệp cấu hình (.vstc, có chữ ký): chỉ tiêu của tỉnh, mục tiêu, hạn nộp báo cáo, "
                "khóa bị thu hồi. Tệp chỉ được nhận khi đã đăng ký khóa của cấp trên (đối chiếu vân tay qua "
                "điện thoại)."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("received")
        self.table.setHorizontalHeaderLabels([tr("Số"), tr("Của đơn vị"), tr("Lập lúc"), tr("Áp dụng lúc")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.itemSelectionChanged.connect(self.show_changes)
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel(tr("Thay đổi của tệp đã chọn:")))
        self.changes = QPlainTextEdit()
        self.changes.setObjectName("changes")
        self.changes.setReadOnly(True)
        layout.addWidget(self.changes, 1)
        self.deadlines = QLabel()
        self.deadlines.setObjectName("deadlines")
        self.deadlines.setWordWrap(True)
        layout.addWidget(self.deadlines)
        buttons = QDialogButtonBox()
        receive = buttons.addButton(tr("Nhận tệp cấu hình…"), QDialogButtonBox.ButtonRole.ActionRole)
        receive.setObjectName("receiveConfig")
        receive.clicked.connect(self.receive)
        buttons.addButton(QDialogButtonBox.StandardButton.Close).setText(tr("Đóng"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.rows = []
        self.refresh()
        screen.fit(self, 760, 520)

    def refresh(self) -> None:
        from vstbpn_desktop.bundle.config import province_deadlines, received  # lazy: on first use

        profile = self.window_.controller.context.profile
        self.rows = received(profile)
        self.table.setRowCount(len(self.rows))
        for row, item in enumerate(self.rows):
            unit = profile.org_unit(item.sender)
            cells = (
                i18n.count(item.sequence),
                f"{unit.name if unit else item.sender} ({item.sender})",
                _moment(item.created_at),
                _moment(item.received_at),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        if self.rows:
            self.table.selectRow(0)
        else:
            self.changes.setPlainText(tr("Chưa nhận tệp cấu hình nào."))
        limits = province_deadlines(profile)
        self.deadlines.setText(
            tr("Hạn nộp báo cáo do cấp trên đặt: {list}").format(
                list="; ".join(f"{code}: {i18n.date_text(day)}" for code, day in sorted(limits.items()))
            )
            if limits
            else tr("Cấp trên chưa đặt hạn nộp báo cáo nào.")
        )

    def show_changes(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.rows):
            self.changes.setPlainText(change_lines(self.rows[row].changes))

    def receive(self, path: Path | None = None) -> bool:
        """Check a file, show what changes, apply it when the officer agrees; True if applied."""
        from vstbpn_desktop.bundle.config import import_config  # lazy: on first use

        window = self.window_
        context = window.controller.context
        path = path or common.ask_open_file(self, tr("Nhận tệp cấu hình"), CONFIG_FILTER)
        if path is None or not window.controller.flush():
            return False
        title = tr("Cấu hình từ tỉnh")
        try:
            checked = import_config(context.profile, path, dry_run=True)
            if not _apply_question(self, title, path.name, checked.changes):
                return False
            result = run_task(
                self, tr("Đang áp dụng cấu hình…"), lambda task: import_config(context.profile, path), cancellable=False
            )
        except Refused as exc:
            common.tell(self, title, i18n.message(exc), warning=True)
            return False
        window.controller.reload()
        self.refresh()
        context.say(
            tr("Đã áp dụng cấu hình số {sequence} của đơn vị {sender}").format(
                sequence=result.sequence, sender=result.sender
            )
        )
        return True


# -- at the parent ------------------------------------------------------------------------------


def config_summary(config: dict) -> str:
    """What a configuration file will carry, in the window's language."""
    lines = [tr("Chỉ tiêu của tỉnh:")]
    lines += [
        f"  • {item['code']}: {item['name_vi']}" + (tr(" (ngừng dùng)") if item.get("retired") else "")
        for item in config["indicators"]
    ] or ["  —"]
    lines.append(tr("Chỉ tiêu quốc gia ngừng dùng: {codes}").format(codes=", ".join(config["retire"]) or "—"))
    lines.append(tr("Mục tiêu của tỉnh:"))
    lines += [
        "  • "
        + tr("{code} năm {year}: {target} theo {decision}").format(
            code=t["indicator"],
            year=t["year"],
            target=i18n.percent(t["target"], 0 if float(t["target"]).is_integer() else 2),
            decision=t["decision"],
        )
        for t in config["targets"]
    ] or ["  —"]
    lines.append(
        tr("Hạn nộp báo cáo: {list}").format(
            list="; ".join(f"{code}: {day[8:10]}/{day[5:7]}/{day[:4]}" for code, day in config["deadlines"].items())
            or "—"
        )
    )
    lines.append(tr("Khóa đã thu hồi: {count}").format(count=i18n.count(len(config["revoked_keys"]))))
    return "\n".join(lines)


class SendDialog(QDialog):
    """Gửi cấu hình: what the file will carry; import a catalogue file; write the signed file."""

    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.setObjectName("configSend")
        self.setWindowTitle(tr("Gửi cấu hình cho đơn vị cấp dưới"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "Tệp cấu hình mang toàn bộ cấu hình hiện tại của đơn vị cho các đơn vị cấp dưới; mỗi tệp có số "
                "thứ tự mới, đơn vị cấp dưới không nhận lại tệp cũ. Hạn nộp đặt ở trang Tình hình báo cáo; "
                "khóa thu hồi ở Danh sách khóa."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.summary = QPlainTextEdit()
        self.summary.setObjectName("summary")
        self.summary.setReadOnly(True)
        layout.addWidget(self.summary, 1)
        row = QHBoxLayout()
        catalogue = QPushButton(tr("Nhập danh mục chỉ tiêu…"))
        catalogue.setObjectName("importCatalogue")
        catalogue.setToolTip(tr("Thêm, ngừng dùng chỉ tiêu và đặt mục tiêu của tỉnh từ tệp JSON"))
        catalogue.clicked.connect(lambda: self.import_catalogue())
        row.addWidget(catalogue)
        row.addStretch(1)
        layout.addLayout(row)
        buttons, self.send_button = common.action_buttons(
            tr("Ghi tệp cấu hình…"), "writeConfig", self.send, self.reject
        )
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Đóng"))
        layout.addWidget(buttons)
        self.refresh()
        screen.fit(self, 680, 480)

    def refresh(self) -> None:
        from vstbpn_desktop.bundle.config import current_config  # lazy: on first use

        self.summary.setPlainText(config_summary(current_config(self.window_.controller.context.profile)))

    def import_catalogue(self, path: Path | None = None) -> bool:
        from vstbpn_desktop.bundle.config import import_catalogue  # lazy: on first use

        profile = self.window_.controller.context.profile
        path = path or common.ask_open_file(self, tr("Nhập danh mục chỉ tiêu"), CATALOGUE_FILTER)
        if path is None or not self.window_.controller.flush():
            return False
        title = tr("Nhập danh mục chỉ tiêu")
        try:
            lines = import_catalogue(profile, path, dry_run=True)
            if not lines:
                common.tell(self, title, tr("{file}: không có thay đổi.").format(file=path.name))
                return False
            if not _apply_question(self, title, path.name, lines):
                return False
            import_catalogue(profile, path)
        except Refused as exc:
            common.tell(self, title, i18n.message(exc), warning=True)
            return False
        self.window_.controller.reload()
        self.refresh()
        return True

    def send(self) -> Path | None:
        from vstbpn_desktop.bundle.config import export_config  # lazy: on first use

        context = self.window_.controller.context
        title = tr("Gửi cấu hình")
        default = common.documents_folder() / f"cau-hinh-{context.profile.org_unit_code}.vstc"
        out = common.ask_save_file(self, tr("Lưu tệp cấu hình"), default, CONFIG_FILTER)
        if out is None:
            return None
        secret = common.ask_passphrase(self, title, tr("Mật khẩu khóa ký:"))
        if secret is None:
            return None
        try:
            result = run_task(
                self,
                tr("Đang ghi tệp cấu hình…"),
                lambda task: export_config(context.profile, out, secret),
                cancellable=False,
            )
        except Refused as exc:
            common.tell(self, title, i18n.message(exc), warning=True)
            return None
        common.tell(
            self,
            title,
            tr(
                "Đã ghi tệp cấu hình số {sequence} vào {file}.\n\nGửi tệp này cho các đơn vị cấp dưới; họ nhận "
                "tệp ở Tệp → Cấu hình từ tỉnh… (sau khi đã đăng ký khóa công khai của đơn vị mình)."
            ).format(sequence=result.sequence, file=result.path),
        )
        context.say(tr("Đã ghi tệp cấu hình số {sequence}").format(sequence=result.sequence))
        self.accept()
        return result.path


def open_received(window) -> ReceivedDialog:
    dialog = ReceivedDialog(window)
    common.show(dialog)
    return dialog


def open_send(window) -> SendDialog:
    dialog = SendDialog(window)
    common.show(dialog)
    return dialog


def install(window) -> None:
    profile = window.controller.context.profile
    if profile.children():
        window.add_action(
            "children",
            tr("Gửi cấu hình…"),
            lambda: open_send(window),
            "actionSendConfig",
            tip=tr(
                "Chỉ tiêu, mục tiêu, hạn nộp và khóa thu hồi của tỉnh cho các đơn vị cấp dưới (tệp .vstc có chữ ký)"
            ),
        )
    unit = profile.org_unit()
    if unit is not None and unit.parent_code:
        window.add_action(
            "file",
            tr("Cấu hình từ tỉnh…"),
            lambda: open_received(window),
            "actionConfigReceived",
            tip=tr("Tệp cấu hình đã nhận từ cấp trên, thay đổi của từng tệp; nhận tệp mới"),
        )
