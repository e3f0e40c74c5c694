"""Profile commands: init, info, demo, summary, org-units."""

import json
from pathlib import Path

from ..errors import Refused
from ..formats import format_count
from .common import data_dir, open_profile, passphrase, period_arg


def register(commands) -> None:
    init = commands.add_parser("init", help="tạo hồ sơ cho một đơn vị")
    init.add_argument("--org-unit", required=True, help="mã đơn vị (GSO), ví dụ 883 hoặc 89")
    init.add_argument("--officer", default="", help="họ tên cán bộ")
    init.add_argument(
        "--tree",
        help="danh mục đơn vị khi mã trùng giữa hai danh mục "
        "(an-giang-2023, an-giang-2025); mặc định: danh mục đang hiệu lực",
    )
    init.add_argument("--passphrase-env", help="tên biến môi trường chứa mật khẩu khóa ký")
    init.set_defaults(handler=cmd_init)

    info = commands.add_parser("info", help="thông tin hồ sơ")
    info.add_argument("--json", action="store_true")
    info.set_defaults(handler=cmd_info)

    demo = commands.add_parser("demo", help="nạp dữ liệu mẫu")
    demo.set_defaults(handler=cmd_demo)

    summary = commands.add_parser("summary", help="số liệu của một đơn vị và kỳ")
    summary.add_argument("--period", required=True, type=period_arg)
    summary.add_argument("--org-unit")
    summary.add_argument("--json", action="store_true")
    summary.set_defaults(handler=cmd_summary)

    units = commands.add_parser("org-units", help="danh mục đơn vị hành chính")
    units_sub = units.add_subparsers(dest="org_units_command", metavar="ACTION", required=True)
    load = units_sub.add_parser("load", help="nạp danh sách đơn vị của tỉnh khác (CSV)")
    load.add_argument("file", type=Path)
    load.set_defaults(handler=cmd_org_units_load)
    listing = units_sub.add_parser("list", help="liệt kê đơn vị cấp dưới")
    listing.add_argument("--parent")
    listing.set_defaults(handler=cmd_org_units_list)


def cmd_init(args) -> int:
    from ..profile import Profile, creation_hooks  # lazy: building the parser loads no ORM, crypto or report library

    folder = data_dir(args)
    secret = passphrase(args, confirm=True) if creation_hooks() else None
    if secret is not None:
        # lazy: building the parser loads no ORM, crypto or report library
        from ..bundle.keys import check_new_passphrase

        check_new_passphrase(secret)  # before anything is written
    profile = Profile.create(folder, args.org_unit.strip(), officer=args.officer, passphrase=secret, tree=args.tree)
    unit = profile.org_unit()
    assert unit is not None, "Profile.create refuses a unit not in its tree"
    print(f"Đã tạo hồ sơ cho {unit.name} ({unit.code}) tại {folder}")
    return 0


def cmd_info(args) -> int:
    profile = open_profile(args)
    facts = profile.info()
    if args.json:
        print(json.dumps(facts, ensure_ascii=False, indent=2))
    else:
        for key, value in facts.items():
            print(f"{key}: {value}")
    return 0


def cmd_demo(args) -> int:
    from ..demo import load_demo  # lazy: building the parser loads no ORM, crypto or report library

    profile = open_profile(args)
    counts = load_demo(profile)
    print(
        f"Đã nạp dữ liệu mẫu: {counts['activities']} hoạt động, {counts['documents']} văn bản, "
        f"{counts['indicators']} chỉ tiêu, {counts['narratives']} mục nội dung"
    )
    return 0


def cmd_summary(args) -> int:
    from ..summary import summary  # lazy: building the parser loads no ORM, crypto or report library

    profile = open_profile(args)
    result = summary(profile, args.period, args.org_unit)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(f"{result['org_unit']} {result['period']}")
        for code, value in result["indicators"].items():
            print(f"  {code}: {format_count(value)}")
        for what, count in result["counts"].items():
            print(f"  {what}: {count}")
        if "children" in result:
            print(f"  đã báo cáo: {', '.join(result['children']['reported']) or '—'}")
            print(f"  chưa báo cáo: {', '.join(result['children']['missing']) or '—'}")
    return 0


def cmd_org_units_load(args) -> int:
    profile = open_profile(args)
    if not args.file.exists():
        raise Refused("{file}: không tìm thấy tệp", file=args.file)
    count = profile.load_org_units(args.file)
    print(f"Đã nạp {count} đơn vị từ {args.file.name}")
    return 0


def cmd_org_units_list(args) -> int:
    profile = open_profile(args)
    for unit in profile.children(args.parent):
        print(f"{unit.code}\t{unit.name}")
    return 0
