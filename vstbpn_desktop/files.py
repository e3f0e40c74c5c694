"""What a file the officer names for reading must be (a bundle, a table file, a key, a backup),
and what a profile's database file must be: said before it is opened, so a FIFO or a device
never makes a command wait, and a folder or an empty file is called what it is. Also the names
in a profile folder, and how one is known."""

import os
import stat
from pathlib import Path

from .errors import Message

DATABASE_FILE = "vstbpn.sqlite3"
SETTINGS_FILE = "settings.json"
KEYS_DIR = "keys"


def is_profile_folder(folder: Path) -> bool:
    return (folder / DATABASE_FILE).exists() or (folder / SETTINGS_FILE).is_file()


def not_a_file(path: Path) -> Message | None:
    """Why `path` cannot be read as a file (missing, a folder, a FIFO/device/socket), or None."""
    try:
        mode = os.stat(path).st_mode  # never opened here: opening a FIFO would wait for a writer
    except FileNotFoundError:
        return Message("không tìm thấy tệp")
    except OSError as exc:
        return Message("không đọc được tệp ({error})", error=exc.strerror)
    if stat.S_ISDIR(mode):
        return Message("là một thư mục, không phải tệp")
    if not stat.S_ISREG(mode):
        return Message("không phải tệp thường (FIFO, thiết bị hay socket); hãy chọn một tệp thật")
    return None


def database_problem(path: Path, data_dir: Path) -> Message | None:
    """Why the profile's database file `path` cannot be opened as it is, or None: a folder, a FIFO
    or device, an empty file (a profile never finished, or a file emptied), or a file that is really
    another folder's (a symlink to another profile's database: two profiles would share one)."""
    reason = not_a_file(path)
    if reason is not None:
        return reason
    real = Path(os.path.realpath(path))
    if real.parent != Path(os.path.realpath(data_dir)):
        return Message(
            "là liên kết tới {target}, tệp của thư mục khác (có thể là cơ sở dữ liệu của hồ sơ khác); "
            "mỗi hồ sơ phải có tệp cơ sở dữ liệu riêng",
            target=real,
        )
    if os.stat(path).st_size == 0:
        return Message(
            "tệp rỗng (0 byte): hồ sơ chưa được tạo xong hoặc tệp đã bị xóa trắng; hãy khôi phục bản sao "
            "lưu (restore TỆP) hoặc xóa tệp rồi khởi tạo lại (init)"
        )
    return None
