"""Period locks: `submit` locks a period for sending, `reopen` (with a reason) unlocks it.

The rules of what a lock covers, and the check every write path makes, are domain/locks.py.
"""

from sqlalchemy.engine import Engine
from sqlmodel import select as sm_select

from ..domain.locks import ensure_unlocked_connection
from ..errors import Refused
from ..periods import Period
from ..storage.database import hold_write_lock, session_scope
from ..storage.models import ReportingPeriod, now
from ..text import nfc


def lock_state(engine: Engine, period: Period) -> ReportingPeriod | None:
    with session_scope(engine) as session:
        return session.exec(sm_select(ReportingPeriod).where(ReportingPeriod.code == period.code)).first()


def submit(engine: Engine, period: Period, who: str) -> ReportingPeriod:
    """Lock the period for sending; refused if it (or its year) is already locked."""
    with session_scope(engine) as session:
        hold_write_lock(session.connection())  # a clerk's import or lock at the same moment waits
        ensure_unlocked_connection(session.connection(), [period.code])
        row = session.exec(sm_select(ReportingPeriod).where(ReportingPeriod.code == period.code)).first()
        if row is None:
            row = ReportingPeriod(code=period.code, author=who)
        row.locked_at, row.locked_by, row.updated_at = now(), who or "không rõ", now()
        session.add(row)
    return row


def reopen(engine: Engine, period: Period, reason: str, who: str) -> ReportingPeriod:
    """Unlock the period; the reason is required and kept in the audit trail."""
    reason = nfc(reason or "").strip()
    if not reason:
        raise Refused("mở lại kỳ {code}: cần ghi lý do (--reason)", code=period.code)
    with session_scope(engine) as session:
        hold_write_lock(session.connection())
        session.info["audit_reason"] = reason
        row = session.exec(sm_select(ReportingPeriod).where(ReportingPeriod.code == period.code)).first()
        if row is None or row.locked_at is None:
            raise Refused("kỳ {code} chưa khóa; không cần mở lại", code=period.code)
        row.locked_at, row.locked_by, row.updated_at = None, None, now()
        row.author = who or row.author
        session.add(row)
    return row
