"""Keys, the trust register and signed bundles:

keys show | keys export-public --out FILE [--passphrase-env VAR]
keys rotate [--passphrase-env VAR] [--new-passphrase-env VAR] [--lost] [--expires YYYY-MM-DD]
keys expiry (--date YYYY-MM-DD | --clear)
trust add FILE --org-unit CODE | trust list | trust revoke FINGERPRINT
bundle export --period P --out FILE [--passphrase-env VAR] [--sequence-from N]
bundle verify FILE | bundle import FILE... [--dry-run] | bundle status [--period P] [--json]
bundle return --period P --org-unit CHILD --reason TEXT --out FILE [--passphrase-env VAR]
                                       (the parent's signed answer: return for correction)
period deadline --period P (--date YYYY-MM-DD | --clear)   (the province's deadline, for "late")
period show --period P                 (locked or open; returned for correction by the parent, why)
"""

import json
import os
import sys
from datetime import date
from pathlib import Path

from ..errors import Refused
from ..formats import format_count, format_date
from ..periods import Period
from ..timestamps import local_date
from .common import open_profile, passphrase, period_arg, print_enrolment


def register(commands) -> None:
    keys = commands.add_parser("keys", help="khóa ký của hồ sơ")
    keys_sub = keys.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    show = keys_sub.add_parser("show", help="in vân tay khóa công khai (đọc qua điện thoại để đối chiếu)")
    show.set_defaults(handler=cmd_keys_show)
    export = keys_sub.add_parser("export-public", help="ghi khóa công khai để cấp trên đăng ký")
    export.add_argument("--out", required=True, type=Path)
    export.add_argument(
        "--passphrase-env",
        help="tên biến môi trường chứa mật khẩu khóa ký (chỉ cần một lần, khi hồ sơ cũ chưa có khóa mã hóa)",
    )
    export.set_defaults(handler=cmd_keys_export_public)
    rotate = keys_sub.add_parser(
        "rotate", help="đổi khóa ký: khóa cũ xác nhận khóa mới, gói gửi tiếp theo mang xác nhận lên cấp trên"
    )
    rotate.add_argument("--passphrase-env", help="tên biến môi trường chứa mật khẩu khóa ký hiện tại")
    rotate.add_argument("--new-passphrase-env", help="tên biến môi trường chứa mật khẩu cho khóa mới (mặc định: giữ)")
    rotate.add_argument(
        "--lost",
        action="store_true",
        help="khóa cũ bị mất hoặc quên mật khẩu: tạo khóa mới không có xác nhận; cấp trên thu hồi khóa cũ và đăng "
        "ký khóa mới sau khi đối chiếu vân tay",
    )
    rotate.add_argument("--expires", type=date.fromisoformat, metavar="YYYY-MM-DD", help="ngày hết hạn của khóa mới")
    rotate.set_defaults(handler=cmd_keys_rotate)
    expiry = keys_sub.add_parser("expiry", help="đặt ngày hết hạn của khóa ký (nhắc đổi khóa từ 30 ngày trước)")
    when = expiry.add_mutually_exclusive_group(required=True)
    when.add_argument("--date", type=date.fromisoformat, metavar="YYYY-MM-DD")
    when.add_argument("--clear", action="store_true")
    expiry.set_defaults(handler=cmd_keys_expiry)

    trust = commands.add_parser("trust", help="danh sách khóa tin cậy của đơn vị cấp dưới")
    trust_sub = trust.add_subparsers(dest="trust_command", metavar="ACTION", required=True)
    add = trust_sub.add_parser("add", help="đăng ký khóa công khai của một đơn vị cấp dưới")
    add.add_argument("file", type=Path)
    add.add_argument("--org-unit", required=True)
    add.set_defaults(handler=cmd_trust_add)
    listing = trust_sub.add_parser("list", help="liệt kê khóa đã đăng ký")
    listing.set_defaults(handler=cmd_trust_list)
    revoke = trust_sub.add_parser("revoke", help="thu hồi một khóa (vân tay, có hoặc không có dấu cách)")
    revoke.add_argument("fingerprint", nargs="+")
    revoke.set_defaults(handler=cmd_trust_revoke)

    bundle = commands.add_parser("bundle", help="gói báo cáo có chữ ký (.vstb)")
    bundle_sub = bundle.add_subparsers(dest="bundle_command", metavar="ACTION", required=True)
    out = bundle_sub.add_parser("export", help="ghi gói báo cáo của kỳ P, có chữ ký")
    out.add_argument("--period", required=True, type=period_arg)
    out.add_argument("--out", required=True, type=Path)
    out.add_argument("--passphrase-env", help="tên biến môi trường chứa mật khẩu khóa ký")
    out.add_argument(
        "--sequence-from",
        type=int,
        metavar="N",
        help="số thứ tự gói ít nhất là N (khóa hoặc máy mới: tiếp tục số thứ tự của đơn vị theo số cấp trên báo)",
    )
    out.set_defaults(handler=cmd_bundle_export)
    verify = bundle_sub.add_parser("verify", help="kiểm tra gói mà không nhập")
    verify.add_argument("file", type=Path)
    verify.set_defaults(handler=cmd_bundle_verify)
    imp = bundle_sub.add_parser(
        "import",
        help="kiểm tra và nhập gói; mỗi gói toàn bộ hoặc không gì, nhiều gói thì xét riêng từng gói",
        description="Mỗi gói được kiểm tra và nhập riêng, toàn bộ hoặc không gì. Với nhiều gói, một gói bị từ "
        "chối không làm dừng các gói khác (giống cửa sổ Nhận báo cáo): mỗi gói in kết quả của nó, "
        "dòng cuối tổng kết; mã thoát 1 nếu có gói bị từ chối, các gói còn lại vẫn đã được nhập.",
    )
    imp.add_argument("files", nargs="+", type=Path, metavar="FILE")
    imp.add_argument("--dry-run", action="store_true", help="chỉ cho xem thay đổi, không nhập")
    imp.set_defaults(handler=cmd_bundle_import)
    status = bundle_sub.add_parser("status", help="đơn vị cấp dưới nào đã gửi báo cáo, trễ hạn, còn thiếu")
    status.add_argument("--period", type=period_arg, action="append")
    status.add_argument("--json", action="store_true")
    status.set_defaults(handler=cmd_bundle_status)
    back = bundle_sub.add_parser("return", help="trả lại báo cáo của đơn vị cấp dưới để sửa (tệp trả lời có chữ ký)")
    back.add_argument("--period", required=True, type=period_arg)
    back.add_argument("--org-unit", required=True, help="mã đơn vị cấp dưới có báo cáo bị trả lại")
    back.add_argument("--reason", required=True, help="lý do trả lại (bắt buộc)")
    back.add_argument("--out", required=True, type=Path)
    back.add_argument("--passphrase-env", help="tên biến môi trường chứa mật khẩu khóa ký")
    back.set_defaults(handler=cmd_bundle_return)

    period = commands.add_parser("period", help="kỳ báo cáo: hạn nộp của cấp dưới")
    period_sub = period.add_subparsers(dest="period_command", metavar="ACTION", required=True)
    deadline = period_sub.add_parser("deadline", help="đặt hạn nộp báo cáo của cấp dưới cho kỳ P")
    deadline.add_argument("--period", required=True, type=period_arg)
    when = deadline.add_mutually_exclusive_group(required=True)
    when.add_argument("--date", help="YYYY-MM-DD hoặc dd/mm/yyyy")
    when.add_argument("--clear", action="store_true", help="bỏ hạn nộp")
    deadline.set_defaults(handler=cmd_period_deadline)
    show_period = period_sub.add_parser("show", help="kỳ P đang khóa hay mở; cấp trên có trả lại để sửa không")
    show_period.add_argument("--period", required=True, type=period_arg)
    show_period.set_defaults(handler=cmd_period_show)


def _fp(fingerprint: str) -> str:
    from ..bundle.keys import spaced  # lazy: building the parser loads no ORM, crypto or report library

    return spaced(fingerprint)


# -- keys ------------------------------------------------------------------------------------


def _print_key_state(profile, info) -> None:
    """The encryption key, the rotations and the expiry warning: what `keys show` and the export say."""
    from ..bundle import rotation  # lazy: building the parser loads no ORM, crypto or report library
    from ..bundle.keys import fingerprint_hex  # lazy: as above

    if info.encryption_key:
        from base64 import b64decode

        print(
            f"Khóa mã hóa (X25519) để cấp dưới gửi gói mã hóa: {_fp(fingerprint_hex(b64decode(info.encryption_key)))}"
        )
    else:
        print(
            "Hồ sơ chưa có khóa mã hóa: cấp dưới sẽ gửi gói không mã hóa. Mở khóa ký một lần để tạo "
            "(keys export-public --passphrase-env BIẾN, hoặc bundle export)."
        )
    for row in rotation.history(profile):
        how = "mất khóa cũ, không có xác nhận" if row.reason == "lost" else "khóa cũ xác nhận"
        change = f"{_fp(row.previous_fingerprint)} → {_fp(row.fingerprint)}"
        print(f"Đổi khóa ngày {format_date(row.made_at)}: {change} ({how})")
    expires = rotation.expiry(profile)
    if expires is not None:
        print(f"Khóa ký hết hạn ngày {format_date(expires)}.")
    warning = rotation.expiry_warning(profile)
    if warning is not None:
        print(f"Cảnh báo: {warning}", file=sys.stderr)


def cmd_keys_show(args) -> int:
    from ..bundle.keys import public_key_info  # lazy: building the parser loads no ORM, crypto or report library

    profile = open_profile(args)
    info = public_key_info(profile)
    print(f"Đơn vị: {info.org_unit_name} ({info.org_unit})")
    print(f"Khóa công khai (Ed25519, base64): {info.public_key}")
    _print_key_state(profile, info)
    print(f"Vân tay: {_fp(info.fingerprint)}")
    return 0


def cmd_keys_export_public(args) -> int:
    from ..bundle.keys import export_public, load_private_key, own_encryption_key  # lazy: as above

    profile = open_profile(args)
    if own_encryption_key(profile) is None and (args.passphrase_env or "VSTBPN_PASSPHRASE" in os.environ):
        load_private_key(profile, passphrase(args))  # a profile made before encryption gets its key here
    info = export_public(profile, args.out)
    print(f"Đã ghi khóa công khai của {info.org_unit_name} ({info.org_unit}) vào {args.out}")
    _print_key_state(profile, info)
    print(f"Vân tay: {_fp(info.fingerprint)}")
    return 0


def cmd_keys_rotate(args) -> int:
    from ..bundle import rotation  # lazy: building the parser loads no ORM, crypto or report library

    profile = open_profile(args)
    new_secret = None
    if args.new_passphrase_env:
        new_secret = os.environ.get(args.new_passphrase_env)
        if new_secret is None:
            raise Refused(
                "biến môi trường {variable} (--new-passphrase-env) chưa được đặt", variable=args.new_passphrase_env
            )
    if args.lost and new_secret is None:
        raise Refused("--lost: cần mật khẩu cho khóa mới (--new-passphrase-env BIẾN)")
    secret = None if args.lost else passphrase(args)
    result = rotation.rotate(profile, secret, new_secret, lost=args.lost, expires=args.expires)
    print(f"Đã đổi khóa ký: {_fp(result.old_fingerprint)} → {_fp(result.new_fingerprint)}.")
    unit = profile.org_unit()
    has_parent, has_children = bool(unit and unit.parent_code), bool(profile.children())
    if result.endorsed:
        print("Khóa cũ đã ký xác nhận khóa mới; khóa mã hóa cũng được thay mới.")
        if has_parent:
            print("Gói gửi tiếp theo mang xác nhận này và cấp trên tự đăng ký khóa mới khi nhập gói.")
        if has_children:
            print(
                "Hãy gửi tệp cấu hình mới (config export) cho các đơn vị cấp dưới: tệp mang xác nhận này, đơn vị "
                "tự đăng ký khóa mới khi nhập tệp. Trước đó, tệp trả lời ký bằng khóa mới bị đơn vị từ chối."
            )
    else:
        print("Khóa mới KHÔNG có xác nhận của khóa cũ.")
        if has_parent:
            print(
                "Hãy gửi tệp khóa công khai mới (keys export-public) cho cấp trên; cấp trên thu hồi khóa cũ "
                "(trust revoke) và đăng ký khóa mới (trust add) sau khi đối chiếu vân tay qua điện thoại."
            )
        if has_children:
            print(
                "Khóa mới KHÔNG đến được các đơn vị cấp dưới bằng tệp cấu hình (không có xác nhận): hãy gửi tệp "
                "khóa công khai mới (keys export-public) cho từng đơn vị; mỗi đơn vị thu hồi khóa cũ "
                "(trust revoke) và đăng ký khóa mới (trust add --org-unit "
                + profile.org_unit_code
                + ") sau khi đối chiếu vân tay qua điện thoại."
            )
    if result.expires:
        print(f"Khóa mới hết hạn ngày {format_date(result.expires)}.")
    print(f"Vân tay: {_fp(result.new_fingerprint)}")
    return 0


def cmd_keys_expiry(args) -> int:
    from ..bundle import rotation  # lazy: building the parser loads no ORM, crypto or report library

    profile = open_profile(args)
    if args.date is not None and args.date <= date.today():
        raise Refused("ngày hết hạn {date:%d/%m/%Y} phải sau hôm nay", date=args.date)
    rotation.set_expiry(profile, None if args.clear else args.date)
    print("Đã bỏ ngày hết hạn của khóa ký." if args.clear else f"Khóa ký hết hạn ngày {format_date(args.date)}.")
    return 0


# -- trust -----------------------------------------------------------------------------------


def cmd_trust_add(args) -> int:
    from ..bundle import trust  # lazy: building the parser loads no ORM, crypto or report library

    profile = open_profile(args)
    enrolment = trust.add(profile, args.file, args.org_unit)
    own = profile.org_unit()
    print_enrolment(enrolment, parent=own is not None and enrolment.org_unit == own.parent_code)
    return 0


def cmd_trust_list(args) -> int:
    from ..bundle import trust  # lazy: building the parser loads no ORM, crypto or report library

    rows = trust.listing(open_profile(args))
    if not rows:
        print("Chưa đăng ký khóa nào.")
    for row in rows:
        if row.revoked_at:
            state = f"thu hồi {format_date(row.revoked_at)}"
        elif row.replaced_from is not None:
            state = f"đã đổi sang khóa mới từ gói số {row.replaced_from} (chỉ kiểm tra gói cũ)"
        else:
            state = "hiệu lực"
        if row.endorsed_by:
            state += f"; khóa cũ {_fp(row.endorsed_by)} xác nhận"
        print(
            f"{row.org_unit}\t{row.org_unit_name}\t{_fp(row.fingerprint)}\t"
            f"đăng ký {format_date(row.enrolled_at)}\t{state}"
        )
    return 0


def cmd_trust_revoke(args) -> int:
    from ..bundle import trust  # lazy: building the parser loads no ORM, crypto or report library

    enrolment = trust.revoke(open_profile(args), "".join(args.fingerprint))
    if enrolment.already:
        print(f"Khóa {_fp(enrolment.fingerprint)} đã bị thu hồi từ ngày {format_date(enrolment.revoked_at)}.")
    else:
        print(
            f"Đã thu hồi khóa {_fp(enrolment.fingerprint)} của {enrolment.org_unit_name} "
            f"({enrolment.org_unit}); các gói ký bằng khóa này sẽ bị từ chối."
        )
    return 0


# -- bundles ---------------------------------------------------------------------------------


def _size(size: int) -> str:
    if size < 1024:
        return f"{format_count(size)} byte"
    return f"{format_count(round(size / 1024, 1))} KB"


def cmd_bundle_export(args) -> int:
    from ..bundle.export import export_bundle  # lazy: building the parser loads no ORM, crypto or report library

    profile = open_profile(args)
    secret = passphrase(args)
    result = export_bundle(profile, args.period, args.out, secret, sequence_from=args.sequence_from)
    counts = result.counts
    print(
        f"Đã ghi và kiểm tra lại gói {result.path} ({_size(result.size)}): kỳ {args.period.code}, "
        f"số thứ tự {result.sequence}, {counts['activities']} hoạt động, {counts['documents']} văn bản, "
        f"{counts['indicators']} chỉ tiêu, {counts['narratives']} mục nội dung"
    )
    if result.sealed_for is not None:
        print(
            f"Gói đã được mã hóa: chỉ đơn vị {result.sealed_for.org_unit} mở được (khóa mã hóa "
            f"{_fp(result.sealed_for.fingerprint)}, theo khóa đã đăng ký {_fp(result.sealed_for.signing_fingerprint)})."
        )
    else:
        print(
            "Gói KHÔNG được mã hóa: đơn vị chưa đăng ký tệp khóa công khai (có khóa mã hóa) của cấp trên "
            "(trust add TỆP --org-unit MÃ_CẤP_TRÊN)."
        )
    if result.endorsements:
        print(f"Gói mang {result.endorsements} xác nhận đổi khóa; cấp trên đăng ký khóa mới khi nhập gói.")
    _print_expiry(profile)
    print(f"Vân tay khóa ký: {_fp(result.fingerprint)}")
    return 0


def _print_expiry(profile) -> None:
    from ..bundle.rotation import expiry_warning  # lazy: building the parser loads no ORM, crypto or report library

    warning = expiry_warning(profile)
    if warning is not None:
        print(f"Cảnh báo: {warning}", file=sys.stderr)


def _print_received(result) -> None:
    """How the bundle came: encrypted to this unit, carrying a key rotation."""
    if result.sealed:
        print("Gói được mã hóa cho đơn vị này; đã giải mã rồi kiểm tra như mọi gói.")
    done = result.status == "imported"
    for line in result.rotations:
        print(f"{'Đã đăng ký' if done else 'Sẽ đăng ký'} khóa mới của đơn vị gửi theo xác nhận đổi khóa: {line}")


def _headline(profile, result) -> str:
    manifest = result.manifest
    unit = profile.org_unit(manifest.sender_org_unit)
    name = unit.name if unit else manifest.sender_org_unit
    counts = manifest.counts
    return (
        f"Gói {result.path.name}: {name} ({manifest.sender_org_unit}), kỳ {manifest.period}, "
        f"số thứ tự {manifest.sequence}, tạo lúc {manifest.created_at}, khóa {_fp(manifest.key_fingerprint)}; "
        f"{counts['activities']} hoạt động, {counts['documents']} văn bản, {counts['indicators']} chỉ tiêu, "
        f"{counts['narratives']} mục nội dung"
    )


def _value(value) -> str:
    return "—" if value is None else format_count(value)


def _print_change(change) -> None:
    for code, old, new in change.indicators:
        print(f"  chỉ tiêu {code}: {_value(old)} → {_value(new)}")
    if change.unchanged_indicators:
        print(f"  ({change.unchanged_indicators} chỉ tiêu không đổi)")
    a, d, n = change.activities, change.documents, change.narratives
    print(f"  hoạt động: thêm {a['added']}, bỏ {a['removed']}, giữ {a['kept']}")
    print(f"  văn bản: thêm {d['added']}, bỏ {d['removed']}, giữ {d['kept']}")
    print(f"  mục nội dung: thêm {n['added']}, bỏ {n['removed']}, sửa {n['changed']}")


def _answer_headline(profile, result) -> str:
    manifest, answer = result.manifest, result.answer
    unit = profile.org_unit(manifest.sender_org_unit)
    name = unit.name if unit else manifest.sender_org_unit
    return (
        f"Tệp trả lời {result.path.name}: {name} ({manifest.sender_org_unit}) trả lại để sửa báo cáo kỳ "
        f"{answer['period']} (gói số {answer['bundle_sequence']}), số thứ tự {manifest.sequence}, "
        f"khóa {_fp(manifest.key_fingerprint)}; lý do: {answer['reason']}"
    )


def _print_audit(result) -> None:
    from ..bundle.audit_member import describe  # lazy: building the parser loads no ORM, crypto or report library

    if result.manifest.kind == "report":
        print(describe(result.audit))


def cmd_bundle_verify(args) -> int:
    from ..bundle.importer import verify_bundle  # lazy: building the parser loads no ORM, crypto or report library

    profile = open_profile(args)
    result = verify_bundle(profile, args.file)
    if result.answer is not None:
        print(_answer_headline(profile, result))
        _print_received(result)
        print("Hợp lệ: chữ ký của cấp trên đúng, khóa đã đăng ký, chưa áp dụng.")
        return 0
    print(_headline(profile, result))
    _print_audit(result)
    _print_received(result)
    if result.status == "already":
        print(f"Hợp lệ, và gói này đã nhận ngày {local_date(result.received_at)}; nhập lại sẽ không thay đổi gì.")
        return 0
    print("Hợp lệ: chữ ký đúng, khóa đã đăng ký, chưa nhận, nội dung đúng quy tắc.")
    return 0


def cmd_bundle_return(args) -> int:
    from ..bundle.answer import write_return  # lazy: building the parser loads no ORM, crypto or report library

    profile = open_profile(args)
    result = write_return(profile, args.org_unit, args.period, args.reason, args.out, passphrase(args))
    unit = profile.org_unit(args.org_unit)
    name = unit.name if unit else args.org_unit
    print(
        f"Đã ghi tệp trả lời {result.path} ({_size(result.size)}): trả lại báo cáo kỳ {args.period.code} "
        f"của {name} ({args.org_unit}), gói số {result.answer['bundle_sequence']}, để sửa; "
        f"số thứ tự {result.sequence}"
    )
    print(f"Lý do: {result.answer['reason']}")
    if result.sealed_for is not None:
        print(
            f"Tệp đã được mã hóa: chỉ đơn vị {result.sealed_for.org_unit} mở được (khóa mã hóa "
            f"{_fp(result.sealed_for.fingerprint)}, theo khóa đã đăng ký {_fp(result.sealed_for.signing_fingerprint)})."
        )
    else:
        print(
            "Tệp KHÔNG được mã hóa: đơn vị cấp dưới chưa gửi tệp khóa công khai có khóa mã hóa (phiên bản cũ); "
            "ai có tệp cũng đọc được lý do."
        )
    print(
        "Gửi tệp này cho đơn vị cấp dưới; đơn vị đăng ký khóa công khai của cấp trên "
        "(trust add TỆP --org-unit " + profile.org_unit_code + ") rồi nhập tệp (bundle import)."
    )
    return 0


def cmd_period_show(args) -> int:
    from ..bundle.answer import returned_state  # lazy: building the parser loads no ORM, crypto or report library
    from ..safety.locking import lock_state  # lazy: building the parser loads no ORM, crypto or report library

    profile = open_profile(args)
    row = lock_state(profile.engine, args.period)
    if row is not None and row.locked_at is not None:
        print(f"Kỳ {args.period.code}: đã khóa để gửi ({row.locked_by or 'không rõ'}, {local_date(row.locked_at)})")
    else:
        print(f"Kỳ {args.period.code}: đang mở (chưa khóa)")
    returned = returned_state(profile.engine, args.period)
    if returned:
        print(f"Cấp trên trả lại để sửa ngày {local_date(returned[0])}; lý do: {returned[1]}")
    elif row is not None and row.returned_at is not None:
        print(
            f"(Đã bị trả lại ngày {local_date(row.returned_at)}, đã khóa gửi lại sau đó; lý do: {row.returned_reason})"
        )
    return 0


def _print_flags(profile, unit: str, period: Period) -> None:
    """What looks out of line with the unit's earlier periods (checks.py): for the province to look at,
    and to give as the reason if it returns the report for correction."""
    from ..checks import flags  # lazy: building the parser loads no ORM, crypto or report library

    for flag in flags(profile, unit, period):
        print(f"Cần xem lại: {flag.message} ({flag.history})")


def cmd_bundle_import(args) -> int:
    from ..bundle.importer import import_bundle  # lazy: building the parser loads no ORM, crypto or report library

    profile = open_profile(args)
    many = len(args.files) > 1
    failed: list[str] = []
    for index, path in enumerate(args.files):
        if many:  # per file: each bundle checked and imported on its own (see the command's help)
            print(f"{'' if index == 0 else chr(10)}[{index + 1}/{len(args.files)}] {path}")
        try:
            result = import_bundle(profile, path, dry_run=args.dry_run)
        except Refused as exc:
            if not many:
                raise
            print(f"error: {exc}", file=sys.stderr)
            print("Bị từ chối, không thay đổi gì (lý do ở dòng error:).")
            failed.append(path.name)
            continue
        if result.answer is not None:
            print(_answer_headline(profile, result))
            _print_received(result)
            if result.status == "dry-run":
                print("Chạy thử: chưa thay đổi gì.")
            else:
                print(
                    f"Đã áp dụng: kỳ {result.answer['period']} được ghi là bị trả lại để sửa và đã mở lại "
                    "để sửa (nếu đang khóa)."
                )
            continue
        print(_headline(profile, result))
        _print_audit(result)
        _print_received(result)
        if result.status == "already":
            print(f"Gói này đã nhận ngày {local_date(result.received_at)}; không có gì thay đổi.")
            continue
        _print_change(result.change)
        manifest = result.manifest
        if result.status == "dry-run":
            print("Chạy thử: chưa thay đổi gì.")
        else:
            replaced = f" (thay gói số {result.superseded_sequence})" if result.superseded_sequence is not None else ""
            print(f"Đã nhập dữ liệu kỳ {manifest.period} của đơn vị {manifest.sender_org_unit}{replaced}.")
            _print_flags(profile, manifest.sender_org_unit, Period.parse(manifest.period))
    if many:
        done = len(args.files) - len(failed)
        print(
            f"\nTổng kết: {done}/{len(args.files)} gói đã xét xong"
            + (f"; bị từ chối: {', '.join(failed)}" if failed else "; không gói nào bị từ chối")
            + "."
        )
    return 1 if failed else 0


def cmd_bundle_status(args) -> int:
    from ..bundle.status import matrix  # lazy: building the parser loads no ORM, crypto or report library

    profile = open_profile(args)
    result = matrix(profile, args.period)
    if args.json:
        print(
            json.dumps(
                {
                    **result,
                    "rows": [
                        {**row, "cells": {code: cell.as_json() for code, cell in row["cells"].items()}}
                        for row in result["rows"]
                    ],
                },
                ensure_ascii=False,
            )
        )
        return 0
    labels = {"received": "đã nhận", "late": "trễ hạn", "missing": "chưa gửi"}
    for code in result["periods"]:
        deadline = result["deadlines"].get(code)
        print(f"Kỳ {code}" + (f" (hạn nộp {format_date(date.fromisoformat(deadline))})" if deadline else ""))
        for row in result["rows"]:
            cell = row["cells"][code]
            text = labels[cell.status]
            if cell.received:
                text += f" {format_date(cell.received)}, gói số {cell.sequence}"
            if cell.returned:
                text += f", đã trả lại để sửa ngày {format_date(cell.returned)}"
            elif cell.overdue:
                text += ", đã quá hạn"
            print(f"  {row['org_unit']}\t{row['name']}\t{text}")
    if not result["periods"]:
        print("Chưa nhận gói nào và chưa đặt hạn nộp kỳ nào.")
    return 0


def cmd_period_deadline(args) -> int:
    from ..bundle.status import set_deadline  # lazy: building the parser loads no ORM, crypto or report library
    from ..domain.validation import parse_date  # lazy: validation loads the catalogue; the parser needs neither

    profile = open_profile(args)
    day = None
    if not args.clear:
        try:
            day = parse_date(args.date)
        except ValueError as exc:
            raise Refused("--date: {error}", error=exc) from None
    set_deadline(profile, args.period, day)
    if day:
        print(f"Hạn nộp báo cáo kỳ {args.period.code} của đơn vị cấp dưới: {format_date(day)}")
    else:
        print(f"Đã bỏ hạn nộp kỳ {args.period.code}")
    return 0
