"""Who has reported: at the parent, the child units × periods — received (date, sequence), late
(received after the deadline the province set for the period), or missing — from the bundle ledger.
"""

from dataclasses import dataclass
from datetime import date
from typing import Literal

from sqlmodel import col, select

from ..periods import Period
from ..storage.database import hold_write_lock, session_scope
from ..storage.models import ReportingPeriod
from ..timestamps import local_day
from . import ledger
from .answer import returns_made


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
        rows = session.exec(select(ReportingPeriod).where(col(ReportingPeriod.deadline).is_not(None))).all()
        return {row.code: row.deadline for row in rows if row.deadline is not None}


# A unit's report for a period at its parent: "received" (by the deadline, or none set), "late", "missing".
ReportingStatus = Literal["received", "late", "missing"]


@dataclass
class Cell:
    status: ReportingStatus
    received: date | None = None  # the date of the bundle held now
    sequence: int | None = None
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


def returned_bundles(engine) -> dict[tuple[str, str, int], date]:
    """(child, period, sequence) → the day this unit returned that bundle for correction: a cell
    shows it until the child sends a newer bundle (whose sequence no return names)."""
    return {
        (event["org_unit_code"], event["period"], event["after"].get("sequence")): local_day(event["at"])
        for event in returns_made(engine)
    }


def matrix(profile, periods: list[Period] | None = None, today: date | None = None) -> dict:
    """{"periods": [...], "deadlines": {...}, "rows": [{"org_unit", "name", "cells": {period: Cell}}]}.

    Periods: those given, else every period with a deadline or a bundle received.
    """
    reports = ledger.reports(profile)
    limits = deadlines(profile)
    returned = returned_bundles(profile.engine)
    if periods is None:
        codes = {row.period for row in reports} | set(limits)
        # Newest first, a year after its halves (Period's order puts a year before its halves).
        periods = sorted((Period.parse(code) for code in codes), reverse=True)
    today = today or date.today()
    rows = []
    for child in profile.children():
        cells = {}
        for period in periods:
            mine = ledger.of_period([row for row in reports if row.sender_org_unit == child.code], period)
            current = ledger.holder(mine)
            deadline = limits.get(period.code)
            if current is None:
                cells[period.code] = Cell("missing", overdue=bool(deadline and today > deadline))
                continue
            first = min(local_day(row.received_at) for row in mine)  # lateness: the period's first bundle
            late = bool(deadline and first > deadline)
            sent_back = returned.get((child.code, period.code, current.sequence))
            cells[period.code] = Cell(
                "late" if late else "received",
                local_day(current.received_at),
                current.sequence,
                returned=sent_back,
            )
        rows.append({"org_unit": child.code, "name": child.name, "cells": cells})
    return {
        "periods": [p.code for p in periods],
        "deadlines": {code: day.isoformat() for code, day in limits.items()},
        "rows": rows,
    }
