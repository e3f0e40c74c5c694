"""The indicator catalogue and the province's configuration for its units:

catalogue list [--json] | catalogue import FILE.json [--dry-run]
config export --out FILE [--passphrase-env VAR] | config import FILE [--dry-run] | config show [--json]
"""

import json
import sys
from pathlib import Path

from ..timestamps import local_time
from .common import open_profile, passphrase


def register(commands) -> None:
    catalogue = commands.add_parser("catalogue", help="danh mục chỉ tiêu của hồ sơ")
    catalogue_sub = catalogue.add_subparsers(dest="catalogue_command", metavar="ACTION", required=True)
    listing = catalogue_sub.add_parser("list", help="liệt kê chỉ tiêu (cả chỉ tiêu của tỉnh và chỉ tiêu ngừng dùng)")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_catalogue_list)
    add = catalogue_sub.add_parser(
        "import",
        help="thêm, ngừng dùng chỉ tiêu và đặt mục tiêu của tỉnh từ tệp JSON (dạng resources/indicators.json)",
    )
    add.add_argument("file", type=Path)
    add.add_argument("--dry-run", action="store_true", help="chỉ cho xem thay đổi")
    add.set_defaults(handler=cmd_catalogue_import)

    config = commands.add_parser("config", help="tệp cấu hình có chữ ký của cấp trên cho các đơn vị (.vstc)")
    config_sub = config.add_subparsers(dest="config_command", metavar="ACTION", required=True)
    out = config_sub.add_parser("export", help="ghi tệp cấu hình cho các đơn vị cấp dưới, có chữ ký")
    out.add_argument("--out", required=True, type=Path)
    out.add_argument("--passphrase-env", help="tên biến môi trường chứa mật khẩu khóa ký")
    out.set_defaults(handler=cmd_config_export)
    imp = config_sub.add_parser("import", help="kiểm tra và áp dụng tệp cấu hình của cấp trên, toàn bộ hoặc không gì")
    imp.add_argument("file", type=Path)
    imp.add_argument("--dry-run", action="store_true", help="chỉ cho xem thay đổi, không áp dụng")
    imp.set_defaults(handler=cmd_config_import)
    show = config_sub.add_parser("show", help="các tệp cấu hình đã nhận: khi nào, số thứ tự, thay đổi gì")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_config_show)


def _changes(lines) -> None:
    if not lines:
        print("Không có thay đổi.")
    for line in lines:
        print(f"  - {line}")


def cmd_catalogue_list(args) -> int:
    from ..domain import indicators as catalogue_state

    entries = catalogue_state.listing(open_profile(args).engine)
    if args.json:
        print(json.dumps({"indicators": entries}, ensure_ascii=False, indent=2))
        return 0
    for entry in entries:
        state = " (ngừng dùng)" if entry["retired"] else ""
        origin = " [tỉnh]" if entry["origin"] == catalogue_state.PROVINCE else ""
        print(f"{entry['code']}\t{entry['kind']}\t{entry['name_vi']}{origin}{state}")
        for target in entry["province_targets"]:
            print(f"\tmục tiêu năm {target['year']}: {target['target']:g} % theo {target['decision']}")
    return 0


def cmd_catalogue_import(args) -> int:
    from ..bundle.config import import_catalogue

    lines = import_catalogue(open_profile(args), args.file, dry_run=args.dry_run)
    print(f"{args.file.name}: " + ("sẽ thay đổi (chạy thử, chưa ghi):" if args.dry_run else "đã áp dụng:"))
    _changes(lines)
    return 0


def cmd_config_export(args) -> int:
    from ..bundle.config import export_config

    profile = open_profile(args)
    result = export_config(profile, args.out, passphrase(args))
    config = result.config
    print(f"Đã ghi tệp cấu hình số {result.sequence} của đơn vị {result.sender} vào {args.out}")
    print(
        f"  {len(config['indicators'])} chỉ tiêu của tỉnh, {len(config['retire'])} chỉ tiêu ngừng dùng, "
        f"{len(config['targets'])} mục tiêu, {len(config['deadlines'])} hạn nộp, "
        f"{len(config['revoked_keys'])} khóa bị thu hồi"
    )
    if result.endorsements:
        print(
            f"Tệp mang {result.endorsements} xác nhận đổi khóa: đơn vị đã đăng ký khóa cũ của {result.sender} tự đăng "
            "ký khóa mới khi nhập tệp."
        )
    if result.lost_key:
        print(
            "Lưu ý: khóa ký hiện tại được tạo khi mất khóa cũ (không có xác nhận): đơn vị nào chưa đăng ký khóa "
            f"mới (trust add TỆP --org-unit {result.sender}, sau khi đối chiếu vân tay qua điện thoại) sẽ từ chối "
            "tệp này.",
            file=sys.stderr,
        )
    return 0


def cmd_config_import(args) -> int:
    from ..bundle.config import import_config

    result = import_config(open_profile(args), args.file, dry_run=args.dry_run)
    head = "sẽ thay đổi (chạy thử, chưa áp dụng):" if args.dry_run else "đã áp dụng:"
    print(f"{args.file.name}: cấu hình số {result.sequence} của đơn vị {result.sender} — {head}")
    _changes(result.changes)
    return 0


def cmd_config_show(args) -> int:
    from ..bundle.config import received

    rows = received(open_profile(args))
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "sender": r.sender,
                        "sequence": r.sequence,
                        "received_at": r.received_at.isoformat(),
                        "changes": [str(line) for line in r.changes],
                        "config": r.config,
                    }
                    for r in rows
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    if not rows:
        print("Chưa nhận tệp cấu hình nào.")
    for r in rows:
        print(f"Cấu hình số {r.sequence} của đơn vị {r.sender}, áp dụng {local_time(r.received_at):%d/%m/%Y %H:%M}")
        _changes(r.changes)
    return 0
