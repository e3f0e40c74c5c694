"""Safety commands: backup, restore, check, submit, reopen, audit list."""

import json
from contextlib import contextmanager
from pathlib import Path

from ..errors import Refused
from ..files import DATABASE_FILE, database_problem
from ..formats import format_date, format_number
from ..timestamps import local_time
from .common import data_dir, open_profile, period_arg


def register(commands) -> None:
    backup = commands.add_parser("backup", help="sao lưu cơ sở dữ liệu (an toàn khi đang dùng)")
    backup.add_argument("--out", type=Path, help="tệp đích (mặc định: thư mục backups/ của hồ sơ)")
    backup.set_defaults(handler=cmd_backup)

    backups = commands.add_parser("backups", help="liệt kê các bản sao lưu của hồ sơ")
    backups.add_argument("--json", action="store_true")
    backups.set_defaults(handler=cmd_backups)

    restore = commands.add_parser("restore", help="khôi phục từ bản sao lưu (sao lưu dữ liệu hiện tại trước)")
    restore.add_argument("file", type=Path)
    restore.set_defaults(handler=cmd_restore)

    check = commands.add_parser("check", help="kiểm tra toàn vẹn cơ sở dữ liệu")
    check.set_defaults(handler=cmd_check)

    submit = commands.add_parser("submit", help="khóa kỳ báo cáo để gửi")
    submit.add_argument("--period", required=True, type=period_arg)
    submit.set_defaults(handler=cmd_submit)

    reopen = commands.add_parser("reopen", help="mở lại kỳ đã khóa (cần lý do)")
    reopen.add_argument("--period", required=True, type=period_arg)
    reopen.add_argument("--reason", required=True, help="lý do mở lại (ghi vào nhật ký thay đổi)")
    reopen.set_defaults(handler=cmd_reopen)

    audit = commands.add_parser("audit", help="nhật ký thay đổi")
    audit_sub = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    listing = audit_sub.add_parser("list", help="liệt kê thay đổi")
    listing.add_argument("--period", type=period_arg)
    listing.add_argument("--record", help="mã (UUID) của một bản ghi")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_audit_list)
    summary = audit_sub.add_parser("summary", help="số thay đổi của kỳ kể từ lần gửi gần nhất")
    summary.add_argument("--period", required=True, type=period_arg)
    summary.set_defaults(handler=cmd_audit_summary)


@contextmanager
def _opened(args):
    profile = open_profile(args)
    try:
        yield profile
    finally:
        profile.close()


def _size(n: int) -> str:
    return f"{format_number(n / 1024, 0)} KB" if n < 1024 * 1024 else f"{format_number(n / 1048576, 1)} MB"


def cmd_backup(args) -> int:
    from ..safety.backup import backup  # lazy: building the parser loads no ORM, crypto or report library

    with _opened(args) as profile:
        info = backup(profile, out=args.out)
    print(f"Đã sao lưu {info.records} bản ghi ({_size(info.size)}) vào {info.path}; kiểm tra toàn vẹn: tốt")
    return 0


def cmd_backups(args) -> int:
    from ..safety.backup import list_backups  # lazy: building the parser loads no ORM, crypto or report library

    items = list_backups(data_dir(args))
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "path": str(b.path),
                        "when": b.when.isoformat(),
                        "size": b.size,
                        "reason": b.reason,
                        "records": b.records,
                    }
                    for b in items
                ],
                ensure_ascii=False,
            )
        )
        return 0
    if not items:
        print("Chưa có bản sao lưu nào")
    for b in items:
        local = local_time(b.when)
        print(
            f"{local:%d/%m/%Y %H:%M}\t{_size(b.size)}\t{b.records if b.records is not None else '?'} bản ghi\t"
            f"{b.reason}\t{b.path.name}"
        )
    return 0


def cmd_restore(args) -> int:
    from ..profile import Profile  # lazy: building the parser loads no ORM, crypto or report library
    from ..safety.backup import restore  # lazy: building the parser loads no ORM, crypto or report library
    from ..settings import Settings  # lazy: sqlite3 and tempfile are not needed to build the parser

    folder = data_dir(args)
    try:
        settings = Settings.load(folder)
    except ValueError as exc:
        raise Refused(exc) from exc
    if not folder.is_dir():
        raise Refused("{folder}: thư mục hồ sơ không tồn tại", folder=folder)
    profile = Profile(folder, settings)  # not opened: the live database may be the damaged one
    try:
        facts = restore(profile, args.file)
    finally:
        profile.close()
    kept = f"; dữ liệu trước khi khôi phục đã sao lưu vào {facts['safety_backup']}" if facts["safety_backup"] else ""
    moved = "; cơ sở dữ liệu hỏng được giữ lại trong thư mục backups/" if facts["damaged_moved"] else ""
    print(f"Đã khôi phục {facts['records']} bản ghi của đơn vị {facts['org_unit']} từ {args.file}{kept}{moved}")
    carried = facts["kept"]
    if carried["revocations"] or carried["ledger"]:
        print(
            f"Giữ nguyên sau khi khôi phục: {carried['revocations']} khóa đã thu hồi vẫn bị thu hồi, "
            f"{carried['ledger']} gói đã nhận vẫn ghi trong sổ nhận (gói cũ hơn vẫn bị từ chối; gói mới nhất "
            "của đơn vị cấp dưới có thể nhập lại để lấy lại dữ liệu)."
        )
    if not carried["readable"]:
        print(
            "Lưu ý: không đọc được sổ nhận và danh sách khóa thu hồi của cơ sở dữ liệu cũ; hãy kiểm tra lại "
            "danh sách khóa tin cậy (trust list)."
        )
    return 0


def cmd_check(args) -> int:
    from ..safety.integrity import (  # lazy: sqlite3 and tempfile are not needed to build the parser
        ensure_whole,
        storage_warning,
        wal_was_deleted,
    )
    from ..settings import Settings  # lazy: sqlite3 and tempfile are not needed to build the parser

    folder = data_dir(args)
    try:
        settings = Settings.load(folder)
    except ValueError as exc:
        raise Refused(exc) from exc
    if settings.database_url:  # a shared server: the connection and the schema (server_backup.check)
        from ..safety.server_backup import check
        from ..storage.server import shown

        with _opened(args) as profile:
            problems, version = check(profile), profile.schema_version()
        if problems:
            raise Refused("{url}: {value}", url=shown(settings.database_url), value=problems[:3])
        print(f"{shown(settings.database_url)}: kết nối tốt; lược đồ {version} khớp với ứng dụng")
        return 0
    database = folder / DATABASE_FILE
    if not database.exists():
        raise Refused("{database}: không tìm thấy cơ sở dữ liệu; hãy khởi tạo bằng lệnh init", database=database)
    problem = database_problem(database, folder)
    if problem is not None:
        raise Refused("{database_path}: {problem}", database_path=database, problem=problem)
    if wal_was_deleted(database):
        print(
            f"cảnh báo: {database.name}-wal đã bị xóa khi chương trình chưa đóng hẳn; "
            "những thay đổi cuối cùng có thể đã mất"
        )
    warning = storage_warning(database)
    if warning:
        print(f"cảnh báo: {warning}")
    ensure_whole(database)
    print(f"{database}: nguyên vẹn (integrity_check, foreign_key_check: tốt)")
    return 0


def cmd_submit(args) -> int:
    from ..safety.locking import submit  # lazy: building the parser loads no ORM, crypto or report library

    with _opened(args) as profile:
        row = submit(profile.engine, args.period, profile.author or "không rõ")
    assert row.locked_at is not None, "submit() locks the period"
    local = local_time(row.locked_at)
    print(f"Đã khóa kỳ {args.period.code} để gửi ({row.locked_by}, {format_date(local.date())} {local:%H:%M})")
    return 0


def cmd_reopen(args) -> int:
    from ..safety.locking import reopen  # lazy: building the parser loads no ORM, crypto or report library

    with _opened(args) as profile:
        reopen(profile.engine, args.period, args.reason, profile.author or "không rõ")
    print(f"Đã mở lại kỳ {args.period.code}; lý do: {args.reason.strip()}")
    return 0


def cmd_audit_list(args) -> int:
    from ..safety.audit import events  # lazy: building the parser loads no ORM, crypto or report library

    with _opened(args) as profile:
        rows = events(profile.engine, period=args.period.code if args.period else None, record_id=args.record)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, default=str))
        return 0
    if not rows:
        print("Không có thay đổi nào")
    for row in rows:
        when = local_time(row["at"])
        extra = f"\tlý do: {row['reason']}" if row["reason"] else ""
        changed = ""
        if row["action"] == "update" and row["before"] and row["after"]:
            fields = [k for k in row["after"] if k not in ("updated_at",) and row["before"].get(k) != row["after"][k]]
            changed = "\t" + ", ".join(f"{k}: {row['before'].get(k)} → {row['after'][k]}" for k in fields)
        elif row["table_name"] == "bulk" and row["after"]:
            changed = "\t" + json.dumps(row["after"].get("counts", {}), ensure_ascii=False)
        print(
            f"{when:%d/%m/%Y %H:%M:%S}\t{row['who'] or '—'}\t{row['action']}\t{row['table_name']}\t"
            f"{row['record_id'] or '—'}\t{row['period'] or '—'}{changed}{extra}"
        )
    return 0


def cmd_audit_summary(args) -> int:
    from ..safety.audit import summary  # lazy: building the parser loads no ORM, crypto or report library

    with _opened(args) as profile:
        print(json.dumps(summary(profile.engine, profile.org_unit_code, args.period.code), ensure_ascii=False))
    return 0
