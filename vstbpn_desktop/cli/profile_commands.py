"""Profile commands: init, info, demo, summary, org-units."""

import json
from pathlib import Path

from ..errors import Refused
from ..formats import format_count
from .common import data_dir, open_profile, passphrase, period_arg, print_enrolment


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
    init.add_argument(
        "--database-url",
        help="cơ sở dữ liệu dùng chung trên máy chủ PostgreSQL (postgresql+psycopg://người-dùng@máy:5432/tên; "
        "mật khẩu trong ~/.pgpass); đã có đơn vị này thì gắn vào, không tạo lại",
    )
    init.add_argument(
        "--parent-key",
        type=Path,
        metavar="FILE.pub",
        help="tệp khóa công khai của đơn vị cấp trên (keys export-public ở cấp trên), đăng ký cùng lúc tạo hồ sơ; "
        "đối chiếu vân tay in ra với cấp trên qua điện thoại",
    )
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

    moving = commands.add_parser("profile", help="hồ sơ của đơn vị")
    moving_sub = moving.add_subparsers(dest="profile_command", metavar="ACTION", required=True)
    move = moving_sub.add_parser("move", help="chuyển hồ sơ của đơn vị cũ (2023) sang đơn vị mới sau sắp xếp 2025")
    move.add_argument("--to", required=True, help="mã đơn vị mới (danh mục an-giang-2025)")
    move.set_defaults(handler=cmd_profile_move)

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
    if args.parent_key is not None:  # a malformed file is told before the passphrase is asked
        from ..bundle.keys import read_public_key_file  # lazy: building the parser loads no ORM or crypto

        read_public_key_file(args.parent_key)

    def secret() -> str:
        from ..bundle.keys import check_new_passphrase  # lazy: building the parser loads no ORM or crypto

        value = passphrase(args, confirm=True)
        check_new_passphrase(value)  # before the key is written
        return value

    if args.database_url is None:  # asked before anything is written
        given = secret() if creation_hooks() else None
        profile = Profile.create(
            folder, args.org_unit.strip(), args.officer, given, tree=args.tree, parent_key=args.parent_key
        )
    else:  # asked only when the server's database is new (attaching makes no key)
        profile = Profile.create(
            folder,
            args.org_unit.strip(),
            officer=args.officer,
            passphrase=secret if creation_hooks() else None,
            tree=args.tree,
            database_url=args.database_url,
            parent_key=args.parent_key,
        )
    try:
        unit = profile.org_unit()
    finally:
        profile.close()
    assert unit is not None, "Profile.create refuses a unit not in its tree"
    if profile.attached:
        from ..storage.server import shown  # lazy: building the parser loads no ORM

        print(
            f"Đã gắn vào cơ sở dữ liệu dùng chung của {unit.name} ({unit.code}) tại {shown(profile.database_url)} "
            f"(đã có sẵn, không tạo lại); hồ sơ của máy này ở {folder}. Khóa ký của đơn vị nằm ở máy đã khởi tạo: "
            f"chép thư mục keys/ của máy đó sang đây nếu máy này cần ký gói"
        )
    else:
        where = f"{folder}" if not profile.settings.database_url else f"{folder} (dữ liệu trên máy chủ)"
        print(f"Đã tạo hồ sơ cho {unit.name} ({unit.code}) tại {where}")
    if profile.parent_enrolment is not None:  # --parent-key: the fingerprint to compare, as trust add says
        print_enrolment(profile.parent_enrolment, parent=True)
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
    # lazy: building the parser loads no ORM, crypto or report library
    from ..checks import flags
    from ..summary import summary

    profile = open_profile(args)
    result = summary(profile, args.period, args.org_unit)
    # Checks against earlier periods (checks.py): what looks out of line, never a refusal.
    found = flags(profile, result["org_unit"], args.period)
    if found:
        result["flags"] = [flag.as_json() for flag in found]
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(f"{result['org_unit']} {result['period']}")
        for code, value in result["indicators"].items():
            print(f"  {code}: {format_count(value)}")
        for what, count in result["counts"].items():
            print(f"  {what}: {count}")
        for flag in found:
            print(f"  cần xem lại: {flag.message}")
        if "children" in result:
            print(f"  đã báo cáo: {', '.join(result['children']['reported']) or '—'}")
            print(f"  chưa báo cáo: {', '.join(result['children']['missing']) or '—'}")
    return 0


def cmd_profile_move(args) -> int:
    profile = open_profile(args)
    old, tree = profile.org_unit_code, profile.org_unit_tree
    unit = profile.move_to(args.to.strip())
    print(
        f"Đã chuyển hồ sơ của đơn vị {old} ({tree}) sang {unit.name} ({unit.code}, {unit.tree}). "
        f"Số liệu các kỳ trước vẫn ghi cho đơn vị {old}; so sánh cùng kỳ của {unit.name} cộng số liệu "
        "các đơn vị cũ của nó. Đơn vị cấp trên cần đăng ký lại khóa công khai cho mã mới."
    )
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
