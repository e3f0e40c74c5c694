"""Report commands: `report pdf|xlsx|docx --period P [--org-unit CODE] --out FILE`."""

from datetime import datetime
from pathlib import Path

from ..text import unit_in_sentence
from .common import open_profile, period_arg


def _day(text: str):
    import argparse

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
    report.add_argument("--number", default="", help="số báo cáo, ví dụ 15 (để trống cho văn thư ghi)")
    report.set_defaults(handler=cmd_report)


def cmd_report(args) -> int:
    from ..reports import write_report

    profile = open_profile(args)
    report = write_report(profile, args.format, args.period, args.out, args.org_unit,
                          issued_on=args.date, number=args.number)
    missing = f"; chưa báo cáo: {', '.join(report.missing_children)}" if report.missing_children else ""
    print(f"Đã ghi báo cáo {unit_in_sentence(report.unit_name)} {report.period.label_vi} vào {args.out}{missing}")
    return 0
