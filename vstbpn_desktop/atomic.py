"""Every file the app writes goes to a temporary file, is flushed, then renamed into place.

A pulled USB stick or a power cut leaves either the old file or the new one, never half.
"""

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .errors import WithMessage


class OutputError(WithMessage, RuntimeError):
    """The output path cannot be written; the message names it."""


@contextmanager
def atomic_path(target: Path, private: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside `target`; on success it replaces `target` atomically.
    A `private` file (a key) keeps mkstemp's owner-only rights."""
    target = Path(target)
    folder = target.parent
    if not folder.is_dir():
        raise OutputError("{target}: thư mục {folder} không tồn tại", target=target, folder=folder)
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError("{target}: không ghi được vào thư mục {folder} ({error})",
                          target=target, folder=folder, error=exc.strerror) from exc
    os.close(handle)
    temp = Path(temp_name)
    if not private:
        _ordinary_permissions(temp)
    try:
        yield temp
        with open(temp, "rb+") as stream:
            os.fsync(stream.fileno())
        try:
            os.replace(temp, target)
        except PermissionError as exc:
            raise OutputError(
                "{target}: tệp đang được mở trong chương trình khác hoặc không có quyền ghi", target=target
            ) from exc
        _fsync_folder(folder)
    finally:
        if temp.exists():
            temp.unlink()


def write_atomic(target: Path, data: bytes, private: bool = False) -> None:
    with atomic_path(target, private) as temp:
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
