"""The command line of shared/CLI.md. Headless: nothing here imports Qt.

Each area registers its own subcommands (see COMMAND_MODULES); a command is a function
`(args) -> int` that raises `Refused` for anything the officer must fix.
"""

import argparse
import importlib
import os
import sys
from pathlib import Path

from .. import __version__
from ..errors import Refused
from .common import VisibleStream, close_profiles

COMMAND_MODULES = [
    "vstbpn_desktop.cli.profile_commands",
    "vstbpn_desktop.cli.data_commands",
    "vstbpn_desktop.cli.safety_commands",
    "vstbpn_desktop.cli.bundle_commands",
    "vstbpn_desktop.cli.report_commands",
    "vstbpn_desktop.cli.config_commands",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vstbpn",
        description="VSTBPN Desktop: ghi nhận, báo cáo và gửi báo cáo công tác VSTBPN và BĐG.",
    )
    parser.add_argument(
        "--data-dir", type=Path, help="thư mục hồ sơ (mặc định: VSTBPN_DATA_DIR hoặc thư mục dữ liệu người dùng)"
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="tự kiểm tra bản cài đặt trong thư mục tạm (không đụng dữ liệu) rồi thoát",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(commands)
    return parser


def run(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        from ..selftest import run as self_test  # lazy: the self-test loads the whole app

        return self_test()
    if not args.command:
        parser.print_usage(sys.stderr)
        return 2
    if not hasattr(args, "handler"):
        parser.parse_args([*(argv or sys.argv[1:]), "--help"])
        return 2
    from ..domain.validation import Invalid  # lazy: validation loads the catalogue; the parser needs neither

    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = VisibleStream(sys.stdout), VisibleStream(sys.stderr)
    try:
        return args.handler(args) or 0
    except (Refused, Invalid) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("error: đã hủy", file=sys.stderr)
        return 1
    except Exception as exc:  # disk full, read-only folder, I/O error: a clear line, not a trace
        # lazy: sqlite3 and tempfile are not needed to build the parser
        from ..safety.integrity import explain_storage_error

        message = explain_storage_error(exc)
        if message is None:
            raise
        print(f"error: {message}", file=sys.stderr)
        return 1
    finally:
        close_profiles()
        sys.stdout, sys.stderr = streams


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # Vietnamese on a Windows console: never let an encoding error lose the message.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    try:
        return run(argv)
    except BrokenPipeError:
        # The reader stopped early (`... | head`): the command itself finished; say nothing more.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
