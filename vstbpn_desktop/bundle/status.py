"""Who has reported: at the parent, the child units × periods — received (date, sequence), late
(received after the deadline the province set for the period), or missing — from the bundle ledger.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select as sa_select
from sqlmodel import select

from ..periods import Period
from ..storage.database import hold_write_lock, session_scope
from ..storage.models import BundleLedger, ReportingPeriod


def _local_day(moment: datetime) -> date:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().date()


def set_deadline(profile, period: Period, day: date | None) -> None:
    """The province's deadline for a period (None clears it)."""
    with session_scope(profile.engine) as session:
        hold_write_lock(session.connection())  # two clerks setting it at once: one row, the later value
        row = session.exec(select(ReportingPeriod).where(ReportingPeriod.code == period.code)).first()
        if row is None:
            row = ReportingPeriod(code=period.code, author=profile.author)
        row.deadline = day
        session.add(row)


def deadlines(profile) -> dict[str, date]:
    with session_scope(profile.engine) as session:
        rows = session.exec(select(ReportingPeriod).where(ReportingPeriod.deadline.is_not(None))).all()
        return {row.code: row.deadline for row in rows}


@dataclass
class Cell:
    status: str  # "received" | "late" | "missing"
    received: date | None = None  # the date of the bundle held now
    sequence: int | None = None
    first_received: date | None = None  # lateness is judged on the first bundle of the period
    overdue: bool = False  # missing and the deadline has passed
    returned: date | None = None  # the day this unit returned the bundle it holds for correction

    def as_json(self) -> dict:
        return {
            "status": self.status,
            "received": self.received.isoformat() if self.received else None,
            "sequence": self.sequence,
            "overdue": self.overdue,
            "returned": self.returned.isoformat() if self.returned else None,
        }


def _ledger(profile) -> list:
    table = BundleLedger.__table__
    with profile.engine.connect() as connection:
        return list(connection.execute(sa_select(table).where(table.c.kind == "report")))


def _of_period(rows: list, period: Period) -> list:
    """The ledger rows that speak for `period`: a half-year is held by its own bundles and by
    the year bundles that touch it (the current one of highest sequence holds its records)."""
    codes = {period.code, str(period.year)} if period.half else {period.code}
    return [row for row in rows if row.period in codes]


def _holder(rows: list):
    current = [row for row in rows if row.current]
    return max(current, key=lambda row: row.sequence) if current else None


def holding(profile, sender: str, period: Period):
    """The ledger row of the bundle that holds `sender`'s records of `period` now, or None."""
    return _holder(_of_period([row for row in _ledger(profile) if row.sender_org_unit == sender], period))


def received(profile, period: Period) -> dict[str, int]:
    """Sender → sequence of the bundle that holds the sender's records of the period now."""
    rows = _ledger(profile)
    result = {}
    for sender in {row.sender_org_unit for row in rows}:
        holder = _holder(_of_period([row for row in rows if row.sender_org_unit == sender], period))
        if holder is not None:
            result[sender] = holder.sequence
    return result


def returned_bundles(engine) -> dict[tuple[str, str, int], date]:
    """(child, period, sequence) → the day this unit returned that bundle for correction: a cell
    shows it until the child sends a newer bundle (whose sequence no return names)."""
    from .answer import returns_made

    return {
        (event["org_unit_code"], event["period"], event["after"].get("sequence")): _local_day(event["at"])
        for event in returns_made(engine)
    }


def matrix(profile, periods: list[Period] | None = None, today: date | None = None) -> dict:
    """{"periods": [...], "deadlines": {...}, "rows": [{"org_unit", "name", "cells": {period: Cell}}]}.

    Periods: those given, else every period with a deadline or a bundle received.
    """
    ledger = _ledger(profile)
    limits = deadlines(profile)
    returned = returned_bundles(profile.engine)
    if periods is None:
        codes = {row.period for row in ledger} | set(limits)
        # Newest first, a year after its halves: (year, half) with the year as half 0, since
        # Period's own order cannot compare a year (half None) with a half-year.
        periods = sorted((Period.parse(code) for code in codes), key=lambda p: (p.year, p.half or 0), reverse=True)
    today = today or date.today()
    rows = []
    for child in profile.children():
        cells = {}
        for period in periods:
            mine = _of_period([row for row in ledger if row.sender_org_unit == child.code], period)
            current = _holder(mine)
            deadline = limits.get(period.code)
            if current is None:
                cells[period.code] = Cell("missing", overdue=bool(deadline and today > deadline))
                continue
            first = min(_local_day(row.received_at) for row in mine)
            late = bool(deadline and first > deadline)
            sent_back = returned.get((child.code, period.code, current.sequence))
            cells[period.code] = Cell(
                "late" if late else "received",
                _local_day(current.received_at),
                current.sequence,
                first,
                returned=sent_back,
            )
        rows.append({"org_unit": child.code, "name": child.name, "cells": cells})
    return {
        "periods": [p.code for p in periods],
        "deadlines": {code: day.isoformat() for code, day in limits.items()},
        "rows": rows,
    }
