"""Backups through SQLite's backup API, never by copying a live file; rotation; restore.

A backup is written to a temporary name, checked, then renamed into place (atomic.py). One asked
for (`backup` command, Sao lưu ngay) is checked with `integrity_check`; the automatic ones (at start
when the newest is over a day old, at exit when anything changed since, and before every import,
migration and restore: `before`) with `quick_check`, five times faster on a province's 100 MB
(it skips matching each index against its table), so an officer's import does not wait on a full
check; restore checks any backup with `integrity_check` before using it.
"""

import contextlib
import os
import re
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from ..atomic import TEMP_SUFFIX, OutputError, _fsync_folder, atomic_path, claim, release, remove_leftovers
from ..errors import Message, Refused
from ..files import not_a_file
from ..timestamps import as_utc
from .integrity import check_file, explain_storage_error, looks_like_sqlite, plain_connection

BACKUP_DIR = "backups"
# .sqlite3: the profile's SQLite file; .dump: pg_dump of a shared server database (server_backup.py)
_NAME = re.compile(r"^vstbpn-(\d{8}-\d{6})-([a-z]+)(?:-(\d+))?\.(sqlite3|dump)$")
RECORD_TABLES = ("activity", "document", "indicator_value", "narrative")
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12


@dataclass
class BackupInfo:
    path: Path
    when: datetime  # UTC
    size: int
    reason: str
    records: int | None  # activities + documents + indicator values + narratives; None if unreadable


def _data_dir(profile_or_dir) -> Path:
    return Path(getattr(profile_or_dir, "data_dir", profile_or_dir))


def backups_dir(profile_or_dir) -> Path:
    return _data_dir(profile_or_dir) / BACKUP_DIR


def _live_path(profile) -> Path:
    return profile.database_path


def _cleanup_sidecars(path: Path) -> None:
    for suffix in ("-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(f"{path}{suffix}")


def count_records(path: Path) -> int | None:
    try:
        connection = plain_connection(path)
        try:
            return sum(connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in RECORD_TABLES)
        finally:
            connection.close()
    except sqlite3.Error:
        return None


def write_backup(source: Path, target: Path, thorough: bool = True, publish=None) -> None:
    """Copy the database at `source` into `target` through the backup API, as a standalone
    (rollback-journal) file checked with integrity_check (quick_check unless `thorough`);
    atomically, or not at all (`publish`: atomic.atomic_path)."""
    try:
        with atomic_path(target, publish=publish) as temp:
            try:
                src = sqlite3.connect(str(source), timeout=30)
                dst = sqlite3.connect(str(temp))
                try:
                    src.backup(dst)
                    dst.execute("PRAGMA journal_mode=DELETE")
                    check = "integrity_check" if thorough else "quick_check"
                    result = [r[0] for r in dst.execute(f"PRAGMA {check}").fetchall()]
                finally:
                    dst.close()
                    src.close()
            finally:
                _cleanup_sidecars(temp)
            if result != ["ok"]:
                raise Refused(
                    "{source}: bản sao lưu không vượt qua kiểm tra toàn vẹn ({value}); cơ sở dữ liệu có "
                    "thể đã hỏng — hãy chạy lệnh check",
                    source=source,
                    value=result[:3],
                )
    except OutputError as exc:
        raise Refused(exc) from exc
    except (sqlite3.Error, OSError) as exc:
        message = explain_storage_error(exc, target)
        if "malformed" in str(exc).lower() or "not a database" in str(exc).lower():
            message = Message(
                "{source}: cơ sở dữ liệu bị hỏng, không sao lưu được ({error}); hãy chạy lệnh check",
                source=source,
                error=exc,
            )
        raise Refused(
            message or Message("{target}: không tạo được bản sao lưu ({error})", target=target, error=exc)
        ) from exc


def stamp_name(folder: Path, reason: str, when: datetime, suffix: str = ".sqlite3") -> Path:
    base = f"vstbpn-{when:%Y%m%d-%H%M%S}-{reason}"
    target, n = folder / f"{base}{suffix}", 2
    while target.exists():
        target, n = folder / f"{base}-{n}{suffix}", n + 1
    return target


def link_under_free_name(temp: Path, folder: Path, reason: str, when: datetime) -> Path:
    """The finished backup `temp` under the first stamped name not taken, in one step that never
    replaces a file (a hard link): two backups of the same second made by two processes (the window
    and the command line importing at once) both stay. Where the disk has no hard links (FAT), the
    rename of before."""
    while True:
        target = stamp_name(folder, reason, when)
        try:
            os.link(temp, target)
        except FileExistsError:
            continue  # taken by another process since stamp_name looked
        except OSError:
            os.replace(temp, target)
        return target


def backup(profile, out: Path | None = None, reason: str = "manual") -> BackupInfo:
    """Write a backup (default: into the profile's backups folder, then rotate). A shared server
    database is written by pg_dump (server_backup.py)."""
    from . import server_backup  # here: the window's start-up check imports this module without the ORM

    server = bool(profile.settings.database_url)
    source = profile.database_path if server else _live_path(profile)
    if not server and not source.exists():
        raise Refused("{source}: chưa có cơ sở dữ liệu để sao lưu", source=source)
    when = datetime.now(UTC)
    if out is None:
        folder = backups_dir(profile)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise Refused(
                explain_storage_error(exc, folder) or Message("{folder}: không tạo được thư mục sao lưu", folder=folder)
            ) from exc
        target = stamp_name(folder, reason, when, server_backup.DUMP_SUFFIX if server else ".sqlite3")
    else:
        target = Path(out)  # never onto a profile's database: atomic.check_output, in write_backup
    if server:
        records: int | None = server_backup.backup(profile, target)
    elif out is None:
        published: list[Path] = []
        write_backup(
            source,
            target,
            thorough=reason == "manual",
            publish=lambda temp: published.append(link_under_free_name(temp, target.parent, reason, when)),
        )
        target = published[0]
    else:
        write_backup(source, target, thorough=reason == "manual")
    if out is None:
        rotate(target.parent)
    if not server:
        records = count_records(target)
    return BackupInfo(target, when, target.stat().st_size, reason, records)


def before(profile, reason: str) -> BackupInfo | None:
    """The automatic backup before an import ("import", "bundle"), a migration or a restore.
    Call it before opening the write transaction. A no-op for a server database."""
    if profile.settings.database_url or not profile.database_path.exists():
        return None
    return backup(profile, reason=reason)


def _parse(path: Path) -> tuple[datetime, str] | None:
    match = _NAME.match(path.name)
    if not match:
        return None
    when = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S").replace(tzinfo=UTC)
    return when, match.group(2)


def list_backups(profile_or_dir, with_counts: bool = True) -> list[BackupInfo]:
    """The profile's backups, newest first: when, size, how many records."""
    folder = backups_dir(profile_or_dir)
    found = []
    for path in folder.glob("vstbpn-*") if folder.is_dir() else ():
        parsed = _parse(path)
        if parsed:
            try:
                size = path.stat().st_size
            except FileNotFoundError:  # rotated away by another process since the folder was read
                continue
            counted = with_counts and path.suffix == ".sqlite3"
            found.append(BackupInfo(path, parsed[0], size, parsed[1], count_records(path) if counted else None))
    return sorted(found, key=_order, reverse=True)


def _order(info: BackupInfo) -> tuple:
    """Oldest to newest: by the second in the name, then its counter (`-2` came after the name
    without one, `-10` after `-9`)."""
    match = _NAME.match(info.path.name)
    return info.when, int(match.group(3) or 1) if match else 1, info.path.name


def newest_good_backup(profile_or_dir) -> BackupInfo | None:
    for info in list_backups(profile_or_dir):
        if info.path.suffix == ".sqlite3" and not check_file(info.path):
            return info
    return None


def rotate(folder: Path, today: datetime | None = None) -> list[Path]:
    """Keep everything from the last 24 hours, the newest of each of the last 7 days, 4 weeks
    and 12 months that have backups; remove the rest. Returns the removed files."""
    today = today or datetime.now(UTC)
    parsed = ((p, _parse(p)) for p in folder.glob("vstbpn-*"))  # .sqlite3 and a server's .dump
    items = sorted(((p, *facts) for p, facts in parsed if facts), key=lambda item: item[1], reverse=True)
    keep = {p for p, when, _ in items if today - when <= timedelta(days=1)}
    for key, count in (
        (lambda d: d.date(), KEEP_DAILY),
        (lambda d: tuple(d.isocalendar())[:2], KEEP_WEEKLY),
        (lambda d: (d.year, d.month), KEEP_MONTHLY),
    ):
        seen = []
        for path, when, _ in items:
            bucket = key(when)
            if bucket not in seen:
                seen.append(bucket)
                if len(seen) > count:
                    break
                keep.add(path)
    removed = []
    for path, _, _ in items:
        if path not in keep:
            path.unlink(missing_ok=True)  # another process rotating at the same moment may have removed it
            removed.append(path)
    return removed


def backup_if_due(profile, reason: str) -> BackupInfo | None:
    """The window's automatic backups: `start` when the newest is over a day old, `exit` when
    anything changed since the newest; any other reason always backs up."""
    if profile.settings.database_url or not profile.database_path.exists():
        return None
    existing = list_backups(profile, with_counts=False)
    newest = existing[0].when if existing else None
    if reason == "start":
        if newest and datetime.now(UTC) - newest < timedelta(days=1):
            return None
    elif reason == "exit":
        from .audit import last_change  # lazy: the ORM; the start-up check imports this module without it

        changed = last_change(profile.engine)
        if changed is None:
            return None
        if newest and as_utc(changed) < newest:
            return None
    return backup(profile, reason=reason)


# -- restore ----------------------------------------------------------------------------------


def inspect_candidate(path: Path, expected_unit: str | None) -> dict:
    """Refuse a file that is not a whole backup of this profile from a known schema."""
    from ..storage.database import MIGRATIONS_DIR  # lazy: the ORM; the start-up check imports this module without it

    path = Path(path)
    problem = not_a_file(path)  # a FIFO or device: refused, never waited on
    if problem is not None:
        raise Refused("{path}: {problem}", path=path, problem=problem)
    if path.stat().st_size < 512 or not looks_like_sqlite(path):
        raise Refused(
            "{path}: không phải tệp sao lưu (không phải cơ sở dữ liệu SQLite); dữ liệu hiện tại được giữ nguyên",
            path=path,
        )
    problems = check_file(path)
    if problems:
        raise Refused(
            "{path}: tệp sao lưu bị hỏng hoặc không trọn vẹn ({value}); dữ liệu hiện tại được giữ nguyên",
            path=path,
            value=problems[:2],
        )
    connection = plain_connection(path)
    try:
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not {"alembic_version", "meta", *RECORD_TABLES} <= tables:
            raise Refused(
                "{path}: không phải tệp sao lưu của VSTBPN Desktop; dữ liệu hiện tại được giữ nguyên", path=path
            )
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        meta = dict(connection.execute("SELECT key, value FROM meta").fetchall())
    finally:
        connection.close()
    from alembic.script import ScriptDirectory  # lazy: Alembic (0.3 s), only to read a backup's schema

    known = {rev.revision for rev in ScriptDirectory(str(MIGRATIONS_DIR)).walk_revisions()}
    revision = revision[0] if revision else None
    if revision not in known:
        raise Refused(
            "{path}: tệp sao lưu được tạo bởi phiên bản mới hơn của ứng dụng (lược đồ {revision}); hãy cập "
            "nhật ứng dụng; dữ liệu hiện tại được giữ nguyên",
            path=path,
            revision=revision,
        )
    unit = meta.get("org_unit", "")
    if expected_unit and unit != expected_unit:
        raise Refused(
            "{path}: tệp sao lưu thuộc hồ sơ đơn vị {unit}, không phải đơn vị {expected_unit} của hồ sơ "
            "này; dữ liệu hiện tại được giữ nguyên",
            path=path,
            unit=unit or Message("không rõ"),
            expected_unit=expected_unit,
        )
    return {"revision": revision, "org_unit": unit, "records": count_records(path)}


def _current_unit(live: Path) -> str | None:
    try:
        connection = plain_connection(live)
        try:
            row = connection.execute("SELECT value FROM meta WHERE key='org_unit'").fetchone()
            return row[0] if row else None
        finally:
            connection.close()
    except sqlite3.Error:
        return None


def restore(profile, file: Path) -> dict:
    """Replace the live database with a checked backup; the current state is backed up first.
    Refusals leave the current data exactly as it was. A shared server database: server_backup.py."""
    if profile.settings.database_url:
        from . import server_backup  # here: the window's start-up check imports this module without the ORM

        folder = backups_dir(profile)
        folder.mkdir(parents=True, exist_ok=True)
        target = stamp_name(folder, "restore", datetime.now(UTC), server_backup.DUMP_SUFFIX)
        return server_backup.restore(profile, file, target)
    live = _live_path(profile)
    file = Path(file)
    if file.exists() and live.exists() and file.resolve() == live.resolve():
        raise Refused("{file}: đây là chính cơ sở dữ liệu đang dùng, không phải bản sao lưu", file=file)
    facts = inspect_candidate(file, _current_unit(live) if live.exists() else None)
    remove_restore_leftovers(profile)
    # Stage a private copy of the (closed, non-live) backup file beside the live one and check it again;
    # claimed (atomic.py) so that a later start removes it only when this process was killed.
    handle, staging_name = tempfile.mkstemp(prefix=RESTORE_PREFIX, suffix=".sqlite3", dir=live.parent)
    staging = Path(staging_name)
    claimed = claim(handle)
    try:
        shutil.copyfile(file, staging)
        connection = sqlite3.connect(f"file:{staging}?mode=rw", uri=True)  # never a new, empty file
        try:
            connection.execute("PRAGMA journal_mode=DELETE")
            if [r[0] for r in connection.execute("PRAGMA integrity_check")] != ["ok"]:
                raise Refused(
                    "{file}: bản chép tạm không vượt qua kiểm tra toàn vẹn; dữ liệu hiện tại được giữ nguyên", file=file
                )
        finally:
            connection.close()
        safety = None
        damaged = bool(live.exists() and check_file(live, quick=True))
        # Revocations, the bundle ledger and the sequence counter are not rolled back (bundle/kept.py,
        # a layer above: reached through the profile).
        held = profile.remember_kept(live)
        if live.exists() and not damaged:
            safety = before(profile, "restore")
        profile.close()
        if damaged:
            with open(staging, "rb+") as stream:
                os.fsync(stream.fileno())
            _move_damaged_aside(profile, live)
            os.replace(staging, live)
            _fsync_folder(live.parent)
        else:
            _copy_into_live(staging, live)
    except OSError as exc:
        raise Refused(
            explain_storage_error(exc, live) or Message("{live}: không khôi phục được ({error})", live=live, error=exc)
        ) from exc
    finally:
        _cleanup_sidecars(staging)
        if staging.exists():
            staging.unlink()
        release(claimed)
    profile._meta = None
    problems = check_file(live)
    if problems:  # pragma: no cover - the copy was checked twice before
        raise Refused("{live}: sau khi khôi phục, kiểm tra toàn vẹn thất bại ({value})", live=live, value=problems[0])
    from ..storage.database import needs_upgrade  # lazy: the ORM; the start-up check imports this module without it

    if needs_upgrade(profile.engine):
        profile._migrate()
    carried = profile.reapply_kept(held)
    return {**facts, "safety_backup": str(safety.path) if safety else None, "damaged_moved": damaged, "kept": carried}


RESTORE_PREFIX = ".restore-"


def remove_restore_leftovers(profile) -> list[Path]:
    """What a killed restore or backup left behind, each a full copy of a database: the staged
    copy beside the live database and its journals, a half-written backup in backups/."""
    removed = remove_leftovers(_data_dir(profile), RESTORE_PREFIX + "*.sqlite3") + remove_leftovers(
        backups_dir(profile), ".vstbpn-*" + TEMP_SUFFIX
    )
    for path in removed:
        _cleanup_sidecars(path)
    return removed


def _copy_into_live(staging: Path, live: Path) -> None:
    """Backup API from the staged copy into the live file: SQLite handles the WAL and locks."""
    source = sqlite3.connect(f"file:{staging}?mode=rw", uri=True)  # never a new, empty file
    target = sqlite3.connect(str(live), timeout=30)
    try:
        source.backup(target)
        target.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.Error as exc:
        raise Refused(
            explain_storage_error(exc, live) or Message("{live}: không khôi phục được ({error})", live=live, error=exc)
        ) from exc
    finally:
        target.close()
        source.close()


def _move_damaged_aside(profile, live: Path) -> None:
    """A damaged live database is kept (renamed into backups/), never deleted."""
    folder = backups_dir(profile)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = f"{datetime.now(UTC):%Y%m%d-%H%M%S}"
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{live}{suffix}")
        if source.exists():
            os.replace(source, folder / f"damaged-{stamp}.sqlite3{suffix}")
