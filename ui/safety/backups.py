"""Công cụ → "Sao lưu ngay", "Danh sách bản sao lưu…" (when, size, how many records; restore,
which first backs up the current state) and "Kiểm tra dữ liệu". The work is the core's
(`safety/backup.py`, `safety/integrity.py`), run off the GUI thread."""

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from vstbpn_desktop.errors import Cancelled, Refused
from vstbpn_desktop.safety import backup as core
from vstbpn_desktop.safety.integrity import check_file, storage_warning
from vstbpn_desktop.timestamps import local_time

from ..common import ask, i18n, screen
from ..common.i18n import QT_TR_NOOP
from ..common.worker import run_task
from .lock import refresh as refresh_read_only


def tr(text: str) -> str:
    return QCoreApplication.translate("safety_backups", text)


REASONS = {
    "manual": QT_TR_NOOP("Sao lưu thủ công"),
    "start": QT_TR_NOOP("Tự động khi mở"),
    "exit": QT_TR_NOOP("Tự động khi đóng"),
    "import": QT_TR_NOOP("Trước khi nhập tệp bảng"),
    "bundle": QT_TR_NOOP("Trước khi nhận báo cáo"),
    "config": QT_TR_NOOP("Trước khi áp dụng cấu hình từ tỉnh"),
    "migration": QT_TR_NOOP("Trước khi nâng cấp"),
    "restore": QT_TR_NOOP("Trước khi khôi phục"),
    "move": QT_TR_NOOP("Trước khi chuyển đơn vị"),
}


def size_text(n: int) -> str:
    return f"{i18n.number(n / 1024, 0)} KB" if n < 1024 * 1024 else f"{i18n.number(n / 1048576, 1)} MB"


def when_text(moment) -> str:
    moment = local_time(moment)
    return f"{i18n.date_text(moment.date())} {moment:%H:%M:%S}"


def backup_now(window) -> core.BackupInfo | None:
    profile = window.controller.profile
    window.controller.flush()
    try:
        info = run_task(
            window, tr("Đang sao lưu…"), lambda task: core.backup(profile, reason="manual"), cancellable=False
        )
    except Refused as exc:
        ask.tell(window, tr("Sao lưu"), i18n.message(exc), warning=True)
        return None
    window.controller.context.say(
        tr("Đã sao lưu {n} bản ghi ({size}) vào {path}; kiểm tra toàn vẹn: tốt").format(
            n=i18n.count(info.records or 0), size=size_text(info.size), path=info.path
        )
    )
    return info


def check_data(window) -> list[str] | None:
    """Full integrity_check and foreign_key_check of the live database; the answer in a box."""
    profile = window.controller.profile
    title = tr("Kiểm tra dữ liệu")
    if profile.settings.database_url:  # a shared server: the connection and the schema
        from vstbpn_desktop.safety.server_backup import check  # lazy: only a server profile needs it
        from vstbpn_desktop.storage.server import shown

        where = shown(profile.database_url)
        try:
            problems = run_task(window, tr("Đang kiểm tra dữ liệu…"), lambda task: check(profile), cancellable=False)
        except Exception as exc:  # the server unreachable: the core's one message for it
            from vstbpn_desktop.safety.integrity import explain_storage_error  # lazy: only on a failure

            ask.tell(window, title, i18n.message(explain_storage_error(exc) or exc), warning=True)
            return None
        if problems:
            ask.tell(window, title, f"{where}: " + "; ".join(i18n.message(p) for p in problems[:3]), warning=True)
        else:
            ask.tell(
                window,
                title,
                tr("{url}: kết nối tốt; lược đồ {version} khớp với ứng dụng.").format(
                    url=where, version=profile.schema_version()
                ),
            )
        return problems
    path = profile.database_path
    try:
        problems = run_task(window, tr("Đang kiểm tra dữ liệu…"), lambda task: check_file(path), cancellable=False)
    except Refused as exc:
        ask.tell(window, title, i18n.message(exc), warning=True)
        return None
    warning = storage_warning(path)
    if problems:
        ask.tell(
            window,
            title,
            tr(
                "{path}: cơ sở dữ liệu bị hỏng ({problems}).\n\nKhông sửa tự động. Hãy khôi phục bản sao lưu còn tốt "
                "gần nhất: Công cụ → Danh sách bản sao lưu…"
            ).format(path=path, problems="; ".join(problems[:3])),
            warning=True,
        )
    else:
        text = tr("{path}: dữ liệu nguyên vẹn (integrity_check, foreign_key_check: tốt).").format(path=path)
        if warning:
            text += "\n\n" + tr("Cảnh báo: {warning}").format(warning=i18n.message(warning))
        ask.tell(window, title, text)
    return problems


class BackupsDialog(QDialog):
    """The profile's backups, newest first; "Khôi phục" restores the selected one."""

    HEADERS = (
        QT_TR_NOOP("Thời điểm"),
        QT_TR_NOOP("Lý do"),
        QT_TR_NOOP("Kích thước"),
        QT_TR_NOOP("Số bản ghi"),
        QT_TR_NOOP("Tệp"),
    )

    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.setObjectName("backupsDialog")
        self.setWindowTitle(tr("Danh sách bản sao lưu"))
        screen.fit(self, 860, 440)
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "Bản sao lưu được tạo tự động khi mở (mỗi ngày một lần), khi đóng (nếu có thay đổi), "
                "trước mỗi lần nhập, nâng cấp và khôi phục. Chương trình giữ các bản của 24 giờ qua và "
                "bản mới nhất của 7 ngày, 4 tuần, 12 tháng gần đây.\nThư mục: {folder}"
            ).format(folder=core.backups_dir(window.controller.profile))
        )
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(intro)
        self.table = QTableWidget(0, len(self.HEADERS))
        self.table.setObjectName("backupsTable")
        self.table.setHorizontalHeaderLabels([tr(h) for h in self.HEADERS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        for column, width in enumerate((150, 190, 90, 90)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _: self.restore_selected())
        layout.addWidget(self.table, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.backup_button = QPushButton(tr("Sao lưu ngay"))
        self.restore_button = QPushButton(tr("Khôi phục bản đã chọn…"))
        self.restore_button.setObjectName("restore")
        close = QPushButton(tr("Đóng"))
        row.addWidget(self.backup_button)
        row.addStretch(1)
        row.addWidget(self.restore_button)
        row.addWidget(close)
        layout.addLayout(row)
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button.clicked.connect(self.restore_selected)
        close.clicked.connect(self.reject)
        self.table.itemSelectionChanged.connect(self._selection)
        self.load()

    def load(self) -> None:
        profile = self.window_.controller.profile
        self.items = core.list_backups(profile)
        self.table.setRowCount(len(self.items))
        for number, info in enumerate(self.items):
            cells = (
                when_text(info.when),
                tr(REASONS.get(info.reason, info.reason)),
                size_text(info.size),
                i18n.count(info.records) if info.records is not None else tr("không đọc được"),
                info.path.name,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(number, column, item)
        if self.items:
            self.table.selectRow(0)
        else:
            self.message.setText(tr("Chưa có bản sao lưu nào. Bấm \u201cSao lưu ngay\u201d để tạo."))
        self._selection()

    def _selection(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def selected(self) -> core.BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows else None

    def backup_now(self) -> None:
        info = backup_now(self.window_)
        self.load()
        if info:
            self.message.setText(
                tr("Đã sao lưu {n} bản ghi ({size}).").format(
                    n=i18n.count(info.records or 0), size=size_text(info.size)
                )
            )

    def restore_selected(self, info: core.BackupInfo | None = None) -> dict | None:
        info = info or self.selected()
        if info is None:
            return None
        facts = restore_backup(self.window_, info, self)
        self.load()
        if facts:
            self.message.setText(
                tr("Đã khôi phục {n} bản ghi từ bản sao lưu lúc {when}.").format(
                    n=i18n.count(facts["records"] or 0), when=when_text(info.when)
                )
                + kept_text(facts)
            )
        return facts


def kept_text(facts: dict) -> str:
    """What the restore did not roll back (bundle/kept.py): revoked keys, bundles received."""
    carried = facts.get("kept") or {}
    if not carried.get("revocations") and not carried.get("ledger"):
        return ""
    return " " + tr(
        "Vẫn giữ {revoked} khóa đã thu hồi và {ledger} gói đã nhận trong sổ nhận: gói cũ vẫn bị từ "
        "chối, khóa đã thu hồi không được dùng lại."
    ).format(revoked=i18n.count(carried.get("revocations", 0)), ledger=i18n.count(carried.get("ledger", 0)))


def restore_backup(window, info: core.BackupInfo, parent=None) -> dict | None:
    """Confirm, then restore through the core (it backs the current state up first), then reload."""
    parent = parent or window
    title = tr("Khôi phục bản sao lưu")
    records = i18n.count(info.records) if info.records is not None else "?"
    if not ask.confirm(
        parent,
        title,
        tr(
            "Khôi phục bản sao lưu lúc {when} ({records} bản ghi)?\n\nDữ liệu hiện tại sẽ được thay bằng dữ liệu "
            "của bản sao lưu. Trước đó, chương trình tự sao lưu dữ liệu hiện tại để có thể quay lại."
        ).format(when=when_text(info.when), records=records),
        tr("Khôi phục"),
    ):
        return None
    controller = window.controller
    if not getattr(window, "damaged_reason", None) and not controller.flush():
        return None  # values refused and not saved: the officer fixes them first
    profile = controller.profile
    try:
        facts = run_task(
            parent, tr("Đang khôi phục…"), lambda task: core.restore(profile, info.path), cancellable=False
        )
    except (Refused, Cancelled) as exc:
        ask.tell(parent, title, i18n.message(exc), warning=True)
        return None
    # Pages read through the context's engine: point it at the profile's (re-created) one.
    engine = profile.engine
    controller.context.engine = engine
    for name in ("documents", "activities", "grid"):
        model = getattr(getattr(controller, name, None), "model", None)
        if model is not None and hasattr(model, "engine"):
            model.engine = engine
    window.damaged_reason = None
    controller.reload()
    refresh_read_only(window)
    kept = (
        tr("; dữ liệu trước khi khôi phục đã sao lưu vào {path}").format(path=facts["safety_backup"])
        if facts["safety_backup"]
        else ""
    )
    controller.context.say(
        tr("Đã khôi phục {n} bản ghi từ {name}{kept}").format(
            n=i18n.count(facts["records"] or 0), name=info.path.name, kept=kept
        ),
        30_000,
    )
    return facts


def open_backups(window) -> BackupsDialog:
    dialog = BackupsDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def install(window) -> None:
    window.add_action("tools", tr("Sao lưu ngay"), lambda: backup_now(window), "backupNow", "Ctrl+Shift+B")
    window.add_action("tools", tr("Danh sách bản sao lưu…"), lambda: open_backups(window), "backupList")
    window.add_action("tools", tr("Kiểm tra dữ liệu"), lambda: check_data(window), "checkData")
