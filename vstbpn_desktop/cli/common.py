"""What several commands share: opening the profile, reading a period, asking for the passphrase."""

import argparse
import getpass
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import Refused
from ..periods import Period

if TYPE_CHECKING:  # imported by open_profile: building the argument parser (main.py, before
    from ..bundle.trust import Enrolment  # the window) must not import SQLModel/SQLAlchemy
    from ..profile import Profile

_opened: list["Profile"] = []


def data_dir(args) -> Path:
    """The profile folder: --data-dir, else VSTBPN_DATA_DIR, else the user's data folder."""
    from ..settings import default_data_dir  # lazy: sqlite3 and tempfile are not needed to build the parser

    return Path(args.data_dir) if args.data_dir else default_data_dir()


def open_profile(args) -> "Profile":
    """Open the profile for this command; `cli.run` closes it when the command ends."""
    from ..profile import Profile  # lazy: the ORM, not needed to build the parser

    profile = Profile.open(data_dir(args))
    _opened.append(profile)
    return profile


def print_enrolment(enrolment: "Enrolment", parent: bool) -> None:
    """What `trust add` and `init --parent-key` say: the unit, whether bundles to the parent (`parent`:
    the key is the parent's) are sealed, and the fingerprint to read aloud (the last line ends with it)."""
    from ..bundle.keys import spaced  # lazy: building the parser loads no ORM or crypto

    what = "Khóa này đã được đăng ký trước đó" if enrolment.already else "Đã đăng ký khóa"
    print(f"{what} cho {enrolment.org_unit_name} ({enrolment.org_unit}).")
    if parent:  # the parent's key: bundles sealed to it
        if enrolment.encryption_key:
            print("Tệp có khóa mã hóa: gói gửi cho đơn vị này sẽ được mã hóa, chỉ đơn vị này mở được.")
        else:
            print("Tệp không có khóa mã hóa (phiên bản cũ): gói gửi lên sẽ không được mã hóa.")
    # The parent's key is compared with the parent, a unit's with the officer of the unit that sends.
    print(f"Hãy đối chiếu vân tay dưới đây với {'cấp trên' if parent else 'cán bộ đơn vị gửi'} (đọc qua điện thoại):")
    print(f"Vân tay: {spaced(enrolment.fingerprint)}")


def close_profiles() -> None:
    while _opened:
        _opened.pop().close()


def period_arg(text: str) -> Period:
    try:
        return Period.parse(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def passphrase(args, confirm: bool = False) -> str:
    """Never from an argument: a named environment variable, VSTBPN_PASSPHRASE, or the terminal;
    refused when it is not text (bytes that are not UTF-8 in the variable)."""
    value = _passphrase(args, confirm)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise Refused(
            "mật khẩu khóa ký có byte không phải UTF-8 (biến môi trường đặt sai bảng mã?); hãy đặt lại "
            "mật khẩu bằng chữ gõ được từ bàn phím"
        ) from None
    return value


def _passphrase(args, confirm: bool) -> str:
    variable = getattr(args, "passphrase_env", None)
    if variable:
        value = os.environ.get(variable)
        if value is None:
            raise Refused("biến môi trường {variable} (--passphrase-env) chưa được đặt", variable=variable)
        return value
    if "VSTBPN_PASSPHRASE" in os.environ:
        return os.environ["VSTBPN_PASSPHRASE"]
    if not sys.stdin or not sys.stdin.isatty():
        raise Refused("cần mật khẩu khóa ký: dùng --passphrase-env BIẾN hoặc đặt VSTBPN_PASSPHRASE")
    value = getpass.getpass("Mật khẩu khóa ký: ")
    if confirm and getpass.getpass("Nhập lại mật khẩu: ") != value:
        raise Refused("hai lần nhập mật khẩu không khớp")
    return value


# Everything the command line prints goes through this: a control character in data (an ESC that
# starts a terminal command: colours, window title, OSC 52 clipboard) is shown as \x1b, never sent.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """Controls other than tab and line feed written as escapes (`\\x1b`, `\\x9b`)."""
    return _CONTROL.sub(lambda found: f"\\x{ord(found.group()):02x}", text)


class VisibleStream:
    """A text stream whose writes pass through `visible`."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(visible(text))

    def __getattr__(self, name):
        return getattr(self._stream, name)
