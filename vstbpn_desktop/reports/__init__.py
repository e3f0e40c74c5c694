"""The official report: one model (content.py) rendered as PDF, Word and Excel.

`write_report` is what the command line and the window's dialog call: it builds the model from
the profile's data and writes it through atomic.py, so a failure leaves no half-written file.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from ..atomic import OutputError, atomic_path
from ..errors import Refused
from ..periods import Period

FORMATS = ("pdf", "docx", "xlsx")


def write_report(
    profile,
    kind: str,
    period: Period,
    out: Path,
    org_unit: str | None = None,
    issued_on: date | None = None,
    number: str = "",
    progress: Callable[[int], None] | None = None,
    options=None,
):
    """Build the report of a unit and period and write it to `out` as `kind` (pdf, docx, xlsx).
    `options` (options.ReportOptions) are this printing's choices; without them the settings'
    defaults with `issued_on` and `number`."""
    from .content import build_report  # lazy: the report model (the ORM, figures) loads on the first report
    from .options import ReportOptions  # lazy: the report model (the ORM, figures) loads on the first report

    if kind not in FORMATS:
        raise Refused("định dạng báo cáo '{kind}' không hỗ trợ (pdf, docx, xlsx)", kind=kind)
    out = Path(out)
    if out.is_dir():
        raise Refused(
            "{out}: là một thư mục; hãy ghi rõ tên tệp, ví dụ {value}", out=out, value=out / ("bao-cao." + kind)
        )
    if kind == "pdf":
        from .fonts import register_fonts  # lazy: each writer's library loads only for its format

        register_fonts()  # refuse before any file is touched when no usable font exists
    if options is None:
        options = ReportOptions.from_settings(profile.settings, number=number, issued_on=issued_on)
    report = build_report(profile, period, org_unit, options=options)
    try:
        with atomic_path(out) as temp:
            if kind == "pdf":
                from .pdf import write_pdf  # lazy: each writer's library loads only for its format

                write_pdf(report, temp, progress)
            elif kind == "docx":
                from .docx import write_docx  # lazy: each writer's library loads only for its format

                write_docx(report, temp)
            else:
                from .xlsx import write_xlsx  # lazy: each writer's library loads only for its format

                write_xlsx(report, temp)
    except OutputError as exc:
        raise Refused(exc) from exc
    except OSError as exc:
        raise Refused("{out}: không ghi được tệp ({error})", out=out, error=exc.strerror or exc) from exc
    return report
