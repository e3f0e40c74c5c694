"""Table-file commands: data template, data import, data export (for national systems)."""

from pathlib import Path

from .common import open_profile, period_arg


def register(commands) -> None:
    data = commands.add_parser("data", help="mẫu Excel và nhập tệp bảng (.xlsx, .csv)")
    actions = data.add_subparsers(dest="data_command", metavar="ACTION", required=True)

    template = actions.add_parser("template", help="ghi tệp mẫu Excel (.xlsx)")
    template.add_argument("--out", required=True, type=Path, help="tệp .xlsx sẽ ghi")
    template.set_defaults(handler=cmd_template)

    load = actions.add_parser("import", help="nhập một tệp .csv hoặc .xlsx: toàn bộ hoặc không gì cả")
    load.add_argument("file", type=Path)
    load.add_argument(
        "--period",
        type=period_arg,
        help="chỉ nhận dữ liệu của kỳ này (ví dụ 2023H1): ngày nằm trong kỳ, cột period bằng kỳ",
    )
    load.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không ghi")
    load.set_defaults(handler=cmd_import)

    export = actions.add_parser(
        "export", help="ghi số liệu của kỳ cho hệ thống quốc gia: dạng dài (.csv, .xlsx) hoặc ADX (.xml)"
    )
    export.add_argument(
        "--format", required=True, choices=("long", "adx"), help="long: mỗi giá trị một dòng; adx: ADX XML"
    )
    export.add_argument("--period", required=True, type=period_arg, help="kỳ báo cáo, ví dụ 2023H1")
    export.add_argument("--out", required=True, type=Path, help="tệp sẽ ghi (.csv hoặc .xlsx cho long; .xml cho adx)")
    export.set_defaults(handler=cmd_export)


def cmd_template(args) -> int:
    from ..dataio import write_template  # lazy: building the parser loads no ORM, crypto or report library

    out = write_template(args.out)
    print(f"Đã ghi tệp mẫu {out}")
    return 0


def cmd_import(args) -> int:
    from ..dataio import import_file  # lazy: building the parser loads no ORM, crypto or report library

    profile = open_profile(args)
    try:
        result = import_file(profile, args.file, period=args.period, dry_run=args.dry_run)
    finally:
        profile.close()
    print(result.describe())
    return 0


def cmd_export(args) -> int:
    from ..reports.long_export import export  # lazy: building the parser loads no ORM, crypto or report library

    profile = open_profile(args)
    count = export(profile, args.period, args.format, args.out)
    print(f"Đã ghi {count} giá trị của kỳ {args.period.code} vào {args.out}")
    return 0
