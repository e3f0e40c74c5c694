"""VSTBPN Desktop: `python main.py` opens the window; `python main.py COMMAND ...` runs headless."""

import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from vstbpn_desktop.cli import build_parser

    args, _ = build_parser().parse_known_args(argv)
    if args.command or args.self_test:
        from vstbpn_desktop.cli import main as cli_main

        return cli_main(argv)
    from ui.app import run_window

    return run_window(args)


if __name__ == "__main__":
    sys.exit(main())
