"""VSTBPN Desktop: `python main.py` opens the window; `python main.py COMMAND ...` runs headless."""

import sys


def window_arguments(argv: list[str]):
    """The window's arguments (`--data-dir DIR` at most), or None when `argv` asks for the command
    line (a command, --self-test, --help, --version...). Decided without building the command
    line's parser and importing its command modules: that is work the window does not need."""
    import argparse
    from pathlib import Path

    parser = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    parser.add_argument("--data-dir", type=Path)
    try:
        args, rest = parser.parse_known_args(argv)
    except argparse.ArgumentError:  # e.g. --data-dir without its folder: the command line says so
        return None
    return None if rest else args


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = window_arguments(argv)
    if args is None:
        from vstbpn_desktop.cli import main as cli_main

        return cli_main(argv)
    from ui.app import run_window

    return run_window(args)


if __name__ == "__main__":
    sys.exit(main())
