"""Report commands: `report pdf|xlsx|docx --period P [--org-unit CODE] --out FILE` and the layout
options of reports/options.py (number, symbol, date, "Kính gửi:", signer, unreported-units note)."""

import argparse
from datetime import datetime
from pathlib import Path

from ..text import unit_in_sentence
from .common import open_profile, period_arg


def _day(text: str):
    try:
        return datetime.strptime(text.strip(), "%d/%m/%Y").date()
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"ngày '{text}' không hợp lệ (dạng dd/mm/yyyy, ví dụ 02/02/2023)") from exc


def register(commands) -> None:
    report = commands.add_parser("report", help="in báo cáo (PDF), xuất Word hoặc Excel")
    report.add_argument("format", choices=("pdf", "xlsx", "docx"), help="định dạng tệp")
    report.add_argument("--period", required=True, type=period_arg, help="kỳ báo cáo: 2023H1, 2023H2 hoặc 2023")
    report.add_argument("--org-unit", help="mã đơn vị (mặc định: đơn vị của hồ sơ, tổng hợp cả cấp dưới)")
    report.add_argument("--out", required=True, type=Path, help="tệp kết quả")
    report.add_argument("--date", type=_day, help="ngày ký báo cáo dd/mm/yyyy (mặc định: hôm nay)")
    report.add_argument("--number", help="số báo cáo, ví dụ 15 (mặc định: để trống cho văn thư ghi tay)")
    report.add_argument("--symbol", help="ký hiệu sau số, ví dụ BC-UBND (mặc định: theo cài đặt, BC-BVSTBPN)")
    report.add_argument(
        "--to",
        action="append",
        metavar="NƠI",
        help='dòng \u201cKính gửi:\u201d, ví dụ --to "Bộ Nội vụ" (lặp lại cho nhiều nơi; --to "" để bỏ dòng này)',
    )
    report.add_argument("--signer-title", help="chức vụ người ký (mặc định: theo cài đặt)")
    report.add_argument("--signer-name", help="họ và tên người ký, in đậm dưới chỗ ký (mặc định: theo cài đặt)")
    report.add_argument(
        "--no-unreported-note",
        dest="unreported_note",
        action="store_false",
        default=None,
        help="không in câu liệt kê các đơn vị cấp dưới chưa gửi báo cáo",
    )
    report.add_argument(
        "--comments",
        dest="value_comments",
        action="store_true",
        default=None,
        help="in phụ lục ghi chú số liệu (ghi chú và đánh dấu cần theo dõi của từng số liệu)",
    )
    report.set_defaults(handler=cmd_report)


def cmd_report(args) -> int:
    from ..reports import write_report  # lazy: building the parser loads no ORM, crypto or report library
    from ..reports.options import ReportOptions  # lazy: building the parser loads no ORM, crypto or report library

    profile = open_profile(args)
    options = ReportOptions.from_settings(
        profile.settings,
        number=args.number,
        symbol=args.symbol,
        issued_on=args.date,
        addressees=None if args.to is None else "\n".join(args.to),
        signer_title=args.signer_title,
        signer_name=args.signer_name,
        unreported_note=args.unreported_note,
        value_comments=args.value_comments,
    )
    report = write_report(profile, args.format, args.period, args.out, args.org_unit, options=options)
    missing = f"; chưa báo cáo: {', '.join(report.missing_children)}" if report.missing_children else ""
    print(f"Đã ghi báo cáo {unit_in_sentence(report.unit_name)} {report.period.label_vi} vào {args.out}{missing}")
    return 0
