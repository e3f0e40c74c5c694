"""Every file the app writes goes to a temporary file, is flushed, then renamed into place.

A pulled USB stick or a power cut leaves either the old file or the new one, never half.

An output the officer names (`--out`, a save dialog) can never land on a profile: not on a
database (the live one or another profile's, nor its -wal/-shm/-journal), a settings.json or
anything in a keys/ folder of a profile folder, symlinks resolved (`refuse_profile_path`, called by
`atomic_path` for every write but the profile's own files).
"""

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import Message, Refused, WithMessage
from .files import DATABASE_FILE, KEYS_DIR, SETTINGS_FILE, is_profile_folder


class OutputError(WithMessage, RuntimeError):
    """The output path cannot be written; the message names it."""


def refuse_profile_path(target: Path) -> None:
    """Raise OutputError when `target` (symlinks resolved) is a profile's database or one of its
    journals, its settings.json, or anything inside its keys/ folder."""
    resolved = Path(os.path.realpath(target))
    folder, name = resolved.parent, resolved.name
    what = None
    if is_profile_folder(folder):
        if name.startswith(DATABASE_FILE):
            what = Message("cơ sở dữ liệu")
        elif name == SETTINGS_FILE:
            what = Message("tệp cài đặt")
        elif name == KEYS_DIR:
            what = Message("thư mục khóa ký")
    for ancestor in resolved.parents:
        if what is None and ancestor.name == KEYS_DIR and is_profile_folder(ancestor.parent):
            folder, what = ancestor.parent, Message("thư mục khóa ký")
    if what is not None:
        raise OutputError(
            "{target}: không ghi đè lên {what} của hồ sơ {folder}; hãy chọn tệp ở thư mục khác",
            target=target,
            what=what,
            folder=folder,
        )


def check_output(target: Path) -> None:
    """Refuse (OutputError) an output the officer names that cannot or must not be written: inside
    a profile (refuse_profile_path) or in a folder that does not exist. Called again by atomic_path;
    a long export calls it first, to refuse before the work."""
    target = Path(target)
    refuse_profile_path(target)
    if not target.parent.is_dir():
        raise OutputError("{target}: thư mục {folder} không tồn tại", target=target, folder=target.parent)


@contextmanager
def refused_output(out: Path) -> Iterator[None]:
    """Around the writing of an output the officer named: any failure (not allowed there, no such
    folder, a folder of that name, disk full) becomes one refusal naming it."""
    try:
        yield
    except OutputError as exc:
        raise Refused(exc) from exc
    except IsADirectoryError as exc:
        raise Refused("{out}: đã có một thư mục cùng tên; hãy chọn tên tệp khác", out=out) from exc
    except OSError as exc:
        raise Refused("{out}: không ghi được tệp ({error})", out=out, error=exc.strerror) from exc


@contextmanager
def atomic_path(
    target: Path,
    private: bool = False,
    profile_file: bool = False,
    publish: Callable[[Path], None] | None = None,
) -> Iterator[Path]:
    """Yield a temporary path beside `target`; on success it replaces `target` atomically.
    A `private` file (a key) keeps mkstemp's owner-only rights. Only the profile's own files
    (`profile_file`: its settings, its signing key) may be written inside a profile's database,
    settings or keys (refuse_profile_path). `publish(temp)`, when given, puts the finished file in
    place instead of the replace (backup.py: under a name no other process has taken)."""
    target = Path(target)
    if not profile_file:
        check_output(target)
    folder = target.parent
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=folder)
    except OSError as exc:
        raise OutputError(
            "{target}: không ghi được vào thư mục {folder} ({error})", target=target, folder=folder, error=exc.strerror
        ) from exc
    temp = Path(temp_name)
    if not private:
        _ordinary_permissions(temp)
    claimed = claim(handle)
    try:
        yield temp
        with open(temp, "rb+") as stream:
            os.fsync(stream.fileno())
        try:
            if publish is None:
                os.replace(temp, target)
            else:
                publish(temp)
        except PermissionError as exc:
            raise OutputError(
                "{target}: tệp đang được mở trong chương trình khác hoặc không có quyền ghi", target=target
            ) from exc
        _fsync_folder(folder)
    finally:
        if temp.exists():
            temp.unlink()
        release(claimed)


TEMP_SUFFIX = ".tmp"


def claim(handle: int) -> int | None:
    """Keep `handle` (a temporary file being written) open, and on POSIX locked, until `release`:
    `remove_leftovers` then knows it is in use and leaves it. On Windows it is closed at once (a
    file may not be renamed while open there; an open file cannot be deleted anyway)."""
    if os.name == "posix":
        import fcntl  # POSIX only: Windows has no fcntl

        fcntl.flock(handle, fcntl.LOCK_EX)
        return handle
    os.close(handle)
    return None


def release(handle: int | None) -> None:
    if handle is not None:
        os.close(handle)


def remove_leftovers(folder: Path, pattern: str) -> list[Path]:
    """Delete the temporary files matching `pattern` in `folder` that a killed process left
    behind (full copies of a database, a half-written report): those no process holds
    (`claimed`). Returns what was deleted."""
    removed = []
    for path in sorted(Path(folder).glob(pattern)) if Path(folder).is_dir() else ():
        if not path.is_file() or path.is_symlink():
            continue
        try:
            if os.name == "posix":
                import fcntl  # POSIX only: Windows has no fcntl

                handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)  # held: in use, BlockingIOError
                    path.unlink()
                finally:
                    os.close(handle)
            else:
                path.unlink()  # PermissionError while another process has it open
        except OSError:
            continue
        removed.append(path)
    return removed


def write_atomic(target: Path, data: bytes, private: bool = False, profile_file: bool = False) -> None:
    with atomic_path(target, private, profile_file) as temp:
        temp.write_bytes(data)


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _ordinary_permissions(path: Path) -> None:
    """mkstemp makes 0600 files; a report or template should get the usual rights (umask)."""
    if os.name != "posix":
        return
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(path, 0o666 & ~mask)
