"""The check at start, before the profile is opened: is the database whole, was its -wal deleted, is it on
risky storage; a damaged one is opened read-only and offered its newest good backup.

Imports no ORM: the window runs it on a thread of its own while the ORM loads (ui/app.py).
"""

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Message, Refused
from ..files import DATABASE_FILE
from .backup import BackupInfo, newest_good_backup
from .integrity import check_file, storage_warning, wal_was_deleted


@dataclass
class StartupState:
    ok: bool
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    newest_good_backup: BackupInfo | None = None

    @property
    def read_only(self) -> bool:
        """Open the profile read-only and offer `newest_good_backup` when the check failed."""
        return not self.ok


def startup_check(profile_or_dir) -> StartupState:
    """At start, before opening the profile: quick_check, a deleted -wal, risky storage.
    Takes a Profile or its folder (a damaged database cannot always be opened as a Profile)."""
    data_dir = Path(getattr(profile_or_dir, "data_dir", profile_or_dir))
    database = data_dir / DATABASE_FILE
    if getattr(getattr(profile_or_dir, "settings", None), "database_url", ""):
        return StartupState(ok=True)
    state = StartupState(ok=True)
    if not database.exists():
        return state
    if wal_was_deleted(database):
        state.warnings.append(
            Message(
                "{database}: tệp nhật ký ghi ({name}-wal) đã bị xóa khi chương trình chưa đóng hẳn; "
                "những thay đổi cuối cùng có thể đã mất (dữ liệu còn lại vẫn nguyên vẹn). "
                "Hãy kiểm tra lại; nếu thiếu, khôi phục bản sao lưu.",
                database=database,
                name=database.name,
            )
        )
    warning = storage_warning(database)
    if warning:
        state.warnings.append(warning)
    try:
        state.problems = check_file(database, quick=True)
    except Refused as exc:  # cannot be opened (read-only, I/O): nothing to restore, say why
        state.ok = False
        state.problems = [str(exc)]
        return state
    if state.problems:
        state.ok = False
        state.newest_good_backup = newest_good_backup(data_dir)
    return state
