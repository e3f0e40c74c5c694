"""Is the database whole? Integrity checks and hostile storage (the start-up check is startup.py).

Checks run on a plain sqlite3 connection so a damaged file is reported, never "repaired".
"""

import errno
import os
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import Message, Refused

if TYPE_CHECKING:  # backup.py imports this module
    pass

SQLITE_HEADER = b"SQLite format 3\x00"
_USB = Message("ổ USB/thẻ nhớ ({system})", system="FAT")
_EXTERNAL = Message("ổ gắn ngoài ({system})", system="NTFS")
_NETWORK = Message("thư mục mạng ({system})", system="SMB")
RISKY_FILESYSTEMS = {
    "vfat": _USB,
    "msdos": _USB,
    "exfat": Message("ổ USB/thẻ nhớ ({system})", system="exFAT"),
    "fuseblk": Message("ổ gắn ngoài ({system})", system="NTFS/FUSE"),
    "ntfs": _EXTERNAL,
    "ntfs3": _EXTERNAL,
    "nfs": Message("thư mục mạng ({system})", system="NFS"),
    "nfs4": Message("thư mục mạng ({system})", system="NFS"),
    "cifs": Message("thư mục mạng ({system})", system="Windows/SMB"),
    "smb3": _NETWORK,
    "smbfs": _NETWORK,
    "9p": Message("thư mục chia sẻ ({system})", system="9p"),
    "sshfs": Message("thư mục mạng ({system})", system="SSHFS"),
    "davfs": Message("thư mục mạng ({system})", system="WebDAV"),
}


def plain_connection(path: Path, read_only: bool = True) -> sqlite3.Connection:
    """A plain sqlite3 connection to a database file (no ORM, no pragmas): what checks and copies read."""
    mode = "ro" if read_only else "rw"
    connection = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode={mode}", uri=True, timeout=30)
    return connection


def looks_like_sqlite(path: Path) -> bool:
    """Only for files that are not open as a database in this process (a file given to restore)."""
    try:
        with open(path, "rb") as stream:
            return stream.read(16) == SQLITE_HEADER
    except OSError:
        return False


def check_file(path: Path, quick: bool = False) -> list[str]:
    """Problems found by integrity_check (or quick_check) and foreign_key_check; [] when whole."""
    path = Path(path)
    if not path.exists():
        return [Message("{path}: không tìm thấy tệp", path=path)]
    # Never open the file with anything but SQLite here: closing another descriptor of a live
    # database drops this process's POSIX locks on it, and another process may then delete the
    # -wal that our open connections still use.
    try:
        connection = plain_connection(path)
        try:
            pragma = "quick_check" if quick else "integrity_check"
            rows = [r[0] for r in connection.execute(f"PRAGMA {pragma}").fetchall()]
            problems = [] if rows == ["ok"] else rows[:20]
            if not quick and not problems:
                for table, rowid, parent, _ in connection.execute("PRAGMA foreign_key_check").fetchall()[:20]:
                    problems.append(
                        Message(
                            "bảng {table} dòng {rowid}: tham chiếu tới {parent} không tồn tại",
                            table=table,
                            rowid=rowid,
                            parent=parent,
                        )
                    )
            return problems
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        text = str(exc).lower()
        if "malformed" in text or "not a database" in text or "corrupt" in text:
            return [str(exc)]
        raise _access_refusal(path, exc) from exc


def _access_refusal(path: Path, exc: BaseException) -> Refused:
    """The file could not be opened or read: not damage, an access or storage problem."""
    if not os.access(path.parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        return Refused(
            "{path}: thư mục hoặc tệp dữ liệu chỉ đọc (không có quyền ghi); SQLite cần ghi được vào thư "
            "mục hồ sơ — hãy chép hồ sơ vào thư mục ghi được; dữ liệu không bị thay đổi",
            path=path,
        )
    return Refused(
        explain_storage_error(exc, path)
        or Message("{path}: không mở được cơ sở dữ liệu ({error})", path=path, error=exc)
    )


def ensure_whole(path: Path) -> None:
    """`check`: refuse (exit 1) when the database is damaged; never repair it."""
    problems = check_file(path)
    if problems:
        raise Refused(
            "{path}: cơ sở dữ liệu bị hỏng ({value}); không sửa tự động — hãy khôi phục bản sao lưu gần nhất còn tốt "
            "(restore TỆP)",
            path=path,
            value=problems[:3],
        )


def wal_was_deleted(database: Path) -> bool:
    """A `-shm` without its `-wal`: the program stopped without closing and a cleaner removed the
    write-ahead log, so the last changes not yet copied into the main file are gone."""
    database = Path(database)
    return Path(f"{database}-shm").exists() and not Path(f"{database}-wal").exists()


# -- removable and network storage ------------------------------------------------------------


def _mount_for(path: Path, mounts_text: str) -> tuple[str, str] | None:
    best: tuple[str, str] | None = None
    target = str(path)
    for line in mounts_text.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1].replace("\\040", " ")
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and (best is None or len(point) > len(best[0])):
            best = (point, parts[2])
    return best


def storage_warning(path: Path, mounts_text: str | None = None) -> Message | None:
    """A warning when the database lives on a USB stick, memory card or network share."""
    path = Path(path).resolve()
    if sys.platform == "win32":
        return _windows_warning(path)
    if mounts_text is None:
        try:
            mounts_text = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    found = _mount_for(path, mounts_text)
    if found is None:
        return None
    point, fstype = found
    kind = RISKY_FILESYSTEMS.get(fstype)
    if kind is None and fstype.startswith("fuse."):
        kind = Message("ổ gắn ngoài ({system})", system="FUSE")
    if kind is None:
        return None
    return Message(
        "{path}: cơ sở dữ liệu đang nằm trên {kind} ({point}); SQLite không an toàn ở đó — rút ổ "
        "hoặc mất mạng khi đang ghi có thể làm hỏng dữ liệu. Hãy chuyển hồ sơ vào ổ cứng của máy.",
        path=path,
        kind=kind,
        point=point,
    )


def _windows_warning(path: Path) -> Message | None:  # pragma: no cover - Windows only
    if sys.platform != "win32":  # (the caller asks only there; this also tells mypy ctypes.windll exists)
        return None
    import ctypes

    text = str(path)
    if text.startswith("\\\\"):
        return Message("{path}: cơ sở dữ liệu đang nằm trên thư mục mạng; SQLite không an toàn ở đó.", path=path)
    kind = ctypes.windll.kernel32.GetDriveTypeW(text[:3])
    if kind == 2:  # DRIVE_REMOVABLE
        return Message("{path}: cơ sở dữ liệu đang nằm trên ổ USB/thẻ nhớ; SQLite không an toàn ở đó.", path=path)
    if kind == 4:  # DRIVE_REMOTE
        return Message("{path}: cơ sở dữ liệu đang nằm trên ổ mạng; SQLite không an toàn ở đó.", path=path)
    return None


def explain_storage_error(exc: BaseException, where: Path | str | None = None) -> Message | None:
    """A clear Vietnamese message for a storage failure (disk full, read-only, I/O), else None."""
    from sqlalchemy.exc import DBAPIError  # lazy: the ORM; the start-up check imports this module without it

    if not isinstance(exc, (sqlite3.Error, DBAPIError, OSError)):
        return None
    from ..storage.server import explain, from_server  # lazy: start-up loads this module without the ORM

    if from_server(exc):  # a shared server: down, refused, or the connection lost mid-way
        return explain(exc)
    text = str(getattr(exc, "orig", None) or exc).lower()
    code = getattr(exc, "errno", None) or getattr(getattr(exc, "orig", None), "errno", None)
    if "disk is full" in text or "file too large" in text or code in (errno.ENOSPC, errno.EFBIG):
        reason = Message(
            "ổ đĩa đầy (hoặc vượt giới hạn kích thước tệp); không thay đổi gì — hãy giải phóng chỗ trống rồi làm lại"
        )
    elif "readonly" in text or "read-only" in text or code in (errno.EROFS, errno.EACCES, errno.EPERM):
        reason = Message(
            "thư mục hoặc tệp dữ liệu chỉ đọc (không có quyền ghi); không thay đổi gì — "
            "hãy chép hồ sơ vào thư mục ghi được"
        )
    elif "disk i/o error" in text or "unable to open database" in text or code == errno.EIO:
        reason = Message(
            "lỗi đọc/ghi ổ đĩa (ổ đĩa đầy, ổ USB bị rút hay mạng bị ngắt?); không thay đổi gì — "
            "hãy kiểm tra ổ đĩa rồi chạy lệnh check"
        )
    elif "malformed" in text or "not a database" in text:
        reason = Message(
            "cơ sở dữ liệu bị hỏng; hãy chạy lệnh check và khôi phục bản sao lưu gần nhất còn tốt (restore TỆP)"
        )
    else:
        return None
    return Message("{place}: {reason}", place=where, reason=reason) if where else reason
