"""The period lock rules: a lock on a year covers its halves and a lock on a half covers its year's
figures. `ensure_unlocked_connection` is checked on the writing transaction itself: by the audit hook
on every ORM write (safety/audit.py) and by the bulk paths (table files, bundles) before they write.
Locking and reopening a period is safety/locking.py.
"""

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from ..errors import Message, Refused
from ..formats import format_date
from ..periods import Period, period_for
from ..storage.models import ReportingPeriod
from ..timestamps import local_time


def _covering_codes(codes: Iterable[str]) -> set[str]:
    result = set()
    for code in codes:
        period = Period.parse(code)
        result.add(period.code)
        if period.half:
            result.add(str(period.year))
        else:
            result |= {f"{period.year}H1", f"{period.year}H2"}
    return result


def _refusal(code: str, locked_by: str | None, locked_at: datetime | None) -> Refused:
    local = local_time(locked_at) if locked_at else None  # stored in UTC, told in the officer's time
    when = f"{format_date(local.date())} {local:%H:%M}" if local else "không rõ thời điểm"
    return Refused(
        "kỳ {code} đã khóa để gửi ({locked_by}, {when}); hãy mở lại kỳ (reopen --period ... --reason ...) "
        "trước khi sửa",
        code=code,
        locked_by=locked_by or Message("không rõ"),
        when=when,
    )


def ensure_unlocked_connection(connection: Connection, period_codes: Iterable[str]) -> None:
    """Refuse if any of the periods (or a period covering it) is locked; checked on `connection`."""
    codes = _covering_codes(c for c in period_codes if c)
    if not codes:
        return
    table = ReportingPeriod.__table__
    row = connection.execute(
        select(table.c.code, table.c.locked_by, table.c.locked_at)
        .where(table.c.code.in_(sorted(codes)), table.c.locked_at.is_not(None))
        .limit(1)
    ).first()
    if row is not None:
        raise _refusal(row.code, row.locked_by, row.locked_at)


def periods_touched(
    *,
    activities: Iterable[Mapping[str, Any]] = (),
    documents: Iterable[Mapping[str, Any]] = (),
    indicator_values: Iterable[tuple[Any, ...]] = (),
    narratives: Iterable[tuple[str, str, str]] = (),
    periods: Iterable[Period | str] = (),
) -> set[str]:
    """The period codes a bulk write touches (the arguments of `records.insert_clean`)."""
    codes = {p.code if isinstance(p, Period) else str(p) for p in periods}
    for record in (*activities, *documents):
        day = record["date"]
        if isinstance(day, date):
            codes.add(period_for(day).code)
    codes |= {item[0] for item in indicator_values}  # (period, code, value[, coverage])
    codes |= {p for p, _, _ in narratives}
    return codes


def ensure_bulk_editable(connection: Connection, **records: Any) -> None:
    """For bulk paths: call with the same keyword arguments as `records.insert_clean`
    (plus `periods=[...]` for a period replaced whole) before writing, on the same connection."""
    ensure_unlocked_connection(connection, periods_touched(**records))
