"""Start-up and exit of the window, for the safety of the data (called by `ui/app.run_window`).

- `open_checked(data_dir)`: `startup_check` before opening; a damaged database is said in
  Vietnamese and the newest good backup offered (restore it, or open the damaged one read-only);
- `after_show(window, state)`: storage warnings (USB stick, network share, deleted -wal) in the
  status bar, and the automatic backup at start (`backup_if_due(profile, "start")`);
- `at_exit(profile)`: the backup at exit when anything changed.
"""

import logging
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QAbstractButton, QMessageBox

from vstbpn_desktop.errors import Refused
from vstbpn_desktop.profile import Profile
from vstbpn_desktop.safety import backup as core
from vstbpn_desktop.safety.startup import StartupState, startup_check
from vstbpn_desktop.settings import Settings

from ..common import ask, i18n
from ..common.worker import run_task
from .backups import when_text
from .lock import refresh

log = logging.getLogger("vstbpn.safety")
APP_TITLE = "VSTBPN Desktop"
START_BACKUP_DELAY_MS = 1500


def tr(text: str) -> str:
    return QCoreApplication.translate("safety_startup", text)


@dataclass
class Opened:
    profile: Profile | None
    state: StartupState
    damaged_reason: str | None = None  # set: the window opens read-only with this banner
    restored: dict | None = None
    warnings: list[str] = field(default_factory=list)


def damaged_message(data_dir: Path, state: StartupState) -> str:
    text = tr("Cơ sở dữ liệu của hồ sơ bị hỏng:\n{path}\n({problems})").format(
        path=Path(data_dir) / "vstbpn.sqlite3", problems="; ".join(state.problems[:2])
    )
    backup = state.newest_good_backup
    if backup is not None:
        records = i18n.count(backup.records) if backup.records is not None else "?"
        text += "\n\n" + tr(
            "Bản sao lưu còn tốt gần nhất: lúc {when}, {records} bản ghi ({name}).\n"
            "Khôi phục bản này? Cơ sở dữ liệu hỏng được giữ lại trong thư mục backups/, "
            "không bị xóa."
        ).format(when=when_text(backup.when), records=records, name=backup.path.name)
    else:
        text += "\n\n" + tr(
            "Không tìm thấy bản sao lưu nào còn tốt. Có thể mở hồ sơ chỉ để xem "
            "(nếu đọc được) và chép dữ liệu ra; hãy liên hệ người hỗ trợ."
        )
    return text


class ChoiceBox(QMessageBox):
    """A question whose buttons each stand for a choice (`choices`: button → choice)."""

    choices: dict[QAbstractButton, str]


def damaged_box(data_dir: Path, state: StartupState) -> ChoiceBox:
    """The question asked at start-up; its buttons carry the choice in `box.choices`."""
    box = ChoiceBox(QMessageBox.Icon.Critical, APP_TITLE, damaged_message(data_dir, state))
    box.setObjectName("damagedDatabase")
    box.choices = {}
    if state.newest_good_backup is not None:
        restore = box.addButton(tr("Khôi phục bản sao lưu"), QMessageBox.ButtonRole.AcceptRole)
        box.choices[restore] = "restore"
        box.setDefaultButton(restore)
    view = box.addButton(tr("Mở chỉ để xem"), QMessageBox.ButtonRole.ActionRole)
    box.choices[view] = "read_only"
    quit_ = box.addButton(tr("Thoát"), QMessageBox.ButtonRole.RejectRole)
    box.choices[quit_] = "quit"
    return box


def ask_damaged(box: ChoiceBox) -> str:
    """The button chosen: "restore", "read_only" or "quit" (tests replace this function to answer)."""
    ask.run_dialog(box)
    return box.choices.get(box.clickedButton(), "quit")


def readable(database: Path) -> None:
    """Read every row of the record tables (read-only connection); raises if the damage is in them."""
    connection = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
    try:
        for table in core.RECORD_TABLES + ("meta", "period", "org_unit"):
            for _ in connection.execute(f"SELECT * FROM {table}"):
                pass
    finally:
        connection.close()


def open_checked(data_dir: Path, state: StartupState | None = None) -> Opened:
    """Open the profile after `startup_check` (`state`: its result, when the caller ran it already);
    raises Refused with a Vietnamese reason if it cannot."""
    data_dir = Path(data_dir)
    state = state if state is not None else startup_check(data_dir)
    warnings = list(state.warnings)
    for warning in warnings:
        log.warning("%s", warning)
    if state.ok:
        return Opened(Profile.open(data_dir, verify=False), state, warnings=warnings)
    log.error("cơ sở dữ liệu hỏng hoặc không mở được: %s", "; ".join(state.problems))
    database = str(data_dir / "vstbpn.sqlite3")
    if state.newest_good_backup is None and (not state.problems or state.problems[0].startswith(database)):
        # Not damage: an access or storage problem (read-only folder, I/O) said by the core; nothing to restore.
        raise Refused(state.problems[0] if state.problems else tr("không mở được cơ sở dữ liệu"))
    choice = ask_damaged(damaged_box(data_dir, state))
    backup = state.newest_good_backup  # "restore" is offered only when there is one
    if choice == "restore" and backup is not None:
        try:
            settings = Settings.load(data_dir)
        except ValueError as exc:
            raise Refused(i18n.message(exc)) from exc
        holder = Profile(data_dir, settings)  # not opened: the live database is the damaged one
        try:
            facts = core.restore(holder, backup.path)
        finally:
            holder.close()
        log.warning("khôi phục %s khi khởi động: %s", backup.path, facts)
        return Opened(Profile.open(data_dir), state, restored=facts, warnings=warnings)
    if choice == "read_only":
        try:
            readable(data_dir / "vstbpn.sqlite3")  # every record row read once: refused now, not in the window
            profile = Profile.open(data_dir, verify=False)
            profile.org_unit()
        except Exception as exc:  # a damaged file may fail anywhere when read
            raise Refused(
                tr(
                    "{path}: cơ sở dữ liệu hỏng đến mức không đọc được ({exc}); hãy khôi phục bản "
                    "sao lưu (Công cụ → Danh sách bản sao lưu… hoặc lệnh restore)"
                ).format(path=data_dir / "vstbpn.sqlite3", exc=exc)
            ) from exc
        reason = tr(
            "Cơ sở dữ liệu bị hỏng — chỉ xem, không sửa được. Hãy khôi phục bản sao lưu còn tốt: "
            "Công cụ → Danh sách bản sao lưu…"
        )
        return Opened(profile, state, damaged_reason=reason, warnings=warnings)
    return Opened(None, state, warnings=warnings)


def after_show(window, opened: Opened) -> None:
    """Once the window is shown: the banner of a damaged database, warnings, the start backup."""
    if opened.damaged_reason:
        window.damaged_reason = opened.damaged_reason
        refresh(window)
    context = window.controller.context
    if opened.restored:
        context.say(
            tr("Đã khôi phục {n} bản ghi từ bản sao lưu; cơ sở dữ liệu hỏng được giữ trong backups/").format(
                n=i18n.count(opened.restored.get("records") or 0)
            ),
            60_000,
        )
    elif opened.warnings:
        context.say(tr("Cảnh báo: {text}").format(text=" ".join(i18n.message(w) for w in opened.warnings)), 120_000)
    if not opened.damaged_reason:
        # A moment after start: the window is drawn and answering first.
        QTimer.singleShot(START_BACKUP_DELAY_MS, lambda: backup_at_start(window))


def backup_at_start(window):
    profile = window.controller.profile
    try:
        info = run_task(
            window, tr("Đang sao lưu tự động…"), lambda task: core.backup_if_due(profile, "start"), cancellable=False
        )
    except Refused as exc:
        log.warning("sao lưu khi mở không được: %s", exc)
        window.controller.context.say(
            tr("Chưa sao lưu tự động được: {reason}").format(reason=i18n.message(exc)), 60_000
        )
        return None
    if info is not None:
        log.info("sao lưu khi mở: %s", info.path)
    return info


def at_exit(profile, damaged: bool = False):
    """The backup at exit when anything changed since the newest backup (not of a damaged file)."""
    if damaged or profile is None:
        return None
    try:
        info = run_task(
            None,
            tr("Đang sao lưu trước khi đóng…"),
            lambda task: core.backup_if_due(profile, "exit"),
            cancellable=False,
        )
    except Refused as exc:
        log.warning("sao lưu khi đóng không được: %s", exc)
        ask.tell(
            None, APP_TITLE, tr("Chưa sao lưu được khi đóng: {reason}").format(reason=i18n.message(exc)), warning=True
        )
        return None
    if info is not None:
        log.info("sao lưu khi đóng: %s", info.path)
    return info
