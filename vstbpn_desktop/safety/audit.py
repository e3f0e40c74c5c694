"""The audit trail: every insert, update and delete of a record, with who, when, before and after.

Implemented once: a `before_flush` hook on every ORM session (installed by `Profile.engine`)
writes one `audit_event` per changed record, in the same transaction as the change. The same
hook refuses any ORM change to a record of a locked period, so no write path can miss the lock.
Bulk paths (table files, bundles) write Core rows and call `record_bulk` once per operation.
"""

import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import event, func, insert, select
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.engine import Connection, Engine
from sqlmodel import Session, SQLModel

from ..domain.locks import ensure_unlocked_connection
from ..periods import period_for
from ..storage.models import (
    Activity,
    AuditEvent,
    Document,
    IndicatorValue,
    Narrative,
    ReportingPeriod,
    new_id,
    now,
)

AUDITED: dict[type[SQLModel], str] = {
    Activity: "activity",
    Document: "document",
    IndicatorValue: "indicator_value",
    Narrative: "narrative",
    ReportingPeriod: "period",
}
_SKIP_FIELDS = {"search_text"}

_actor = ""


def set_actor(name: str) -> None:
    """The officer working in this process (the profile's officer name); fallback: the record's author."""
    global _actor
    _actor = name or ""


def _plain(value):
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return value


def _snapshot(obj, values: dict | None = None) -> str:
    columns = [c.key for c in sa_inspect(type(obj)).column_attrs if c.key not in _SKIP_FIELDS]
    data = {key: _plain((values or {}).get(key, getattr(obj, key, None))) for key in columns}
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def _period_of(obj) -> str | None:
    if isinstance(obj, ReportingPeriod):
        return obj.code
    if isinstance(obj, (Activity, Document)) and isinstance(obj.date, date):
        return period_for(obj.date).code
    return getattr(obj, "period", None)


def _event(session, obj, action: str, before: str | None, after: str | None, reason=None) -> None:
    session.add(
        AuditEvent(
            at=now(),
            who=_actor or getattr(obj, "author", "") or "",
            action=action,
            table_name=AUDITED[type(obj)],
            record_id=getattr(obj, "id", None),
            org_unit_code=getattr(obj, "org_unit_code", None),
            period=_period_of(obj),
            before=before,
            after=after,
            reason=reason,
        )
    )


def _before_flush(session, _context, _instances) -> None:
    changes: list[tuple[Any, str, dict[str, Any] | None]] = []
    for obj in list(session.new):
        if type(obj) in AUDITED:
            changes.append((obj, "insert", None))
    for obj in list(session.dirty):
        if type(obj) in AUDITED and session.is_modified(obj, include_collections=False):
            state = sa_inspect(obj)
            committed = {key: state.committed_state[key] for key in state.committed_state}
            changes.append((obj, "update", committed))
    for obj in list(session.deleted):
        if type(obj) in AUDITED:
            changes.append((obj, "delete", None))
    if not changes:
        return
    # The lock, checked on the flushing transaction itself: every ORM write path is covered.
    touched: dict[str | None, object] = {}
    for obj, _action, old in changes:
        if isinstance(obj, ReportingPeriod):
            continue
        touched.setdefault(_period_of(obj), obj)
        if old and "date" in old and isinstance(old["date"], date):
            touched.setdefault(period_for(old["date"]).code, obj)
    if touched:
        ensure_unlocked_connection(session.connection(), [p for p in touched if p])
    for obj, action, old in changes:
        if action == "insert":
            locking = isinstance(obj, ReportingPeriod) and obj.locked_at is not None
            _event(session, obj, "submit" if locking else "insert", None, _snapshot(obj))
        elif action == "delete":
            _event(session, obj, "delete", _snapshot(obj), None)
        elif isinstance(obj, ReportingPeriod) and old is not None and "locked_at" in old:
            was, is_now = old["locked_at"], obj.locked_at
            action = "submit" if was is None and is_now else "reopen" if was and is_now is None else "update"
            _event(session, obj, action, _snapshot(obj, old), _snapshot(obj), reason=session.info.get("audit_reason"))
        else:
            _event(session, obj, "update", _snapshot(obj, old), _snapshot(obj))


_installed = False


def install() -> None:
    """Register the hook on every ORM session, once per process (called when a profile opens its engine)."""
    global _installed
    if _installed:
        return
    event.listen(Session, "before_flush", _before_flush)
    _installed = True


# -- bulk paths -----------------------------------------------------------------------------


def record_bulk(
    connection: Connection,
    action: str,
    org_unit_code: str | None,
    period: str | None,
    counts: dict,
    who: str = "",
    reason: str | None = None,
    detail: dict | None = None,
) -> None:
    """One summarising event per bulk operation (table-file import, bundle import, period replacement),
    written on the caller's connection so it commits or rolls back with the data."""
    after = {"counts": counts, **(detail or {})}
    connection.execute(
        insert(AuditEvent.__table__).values(
            id=new_id(),
            at=now(),
            who=who or _actor,
            action=action,
            table_name="bulk",
            record_id=None,
            org_unit_code=org_unit_code,
            period=period,
            before=None,
            after=json.dumps(after, ensure_ascii=False, sort_keys=True, default=str),
            reason=reason,
        )
    )


# -- reading ----------------------------------------------------------------------------------


def events(
    engine: Engine,
    period: str | None = None,
    record_id: str | None = None,
    org_unit_code: str | None = None,
    limit: int | None = None,
    action: str | None = None,
) -> list[dict]:
    """Events as plain dicts, oldest first; `before`/`after` decoded from JSON."""
    table = AuditEvent.__table__
    query = select(table).order_by(table.c.at, table.c.id)
    if action:
        query = query.where(table.c.action == action)
    if period:
        query = query.where(table.c.period == period)
    if record_id:
        query = query.where(table.c.record_id == record_id)
    if org_unit_code:
        query = query.where(table.c.org_unit_code == org_unit_code)
    if limit:
        query = query.limit(limit)
    with engine.connect() as connection:
        rows = [dict(row._mapping) for row in connection.execute(query)]
    for row in rows:
        for key in ("before", "after"):
            row[key] = json.loads(row[key]) if row[key] else None
    return rows


def last_change(engine: Engine) -> datetime | None:
    """The time of the newest audited change."""
    table = AuditEvent.__table__
    with engine.connect() as connection:
        return connection.execute(select(func.max(table.c.at))).scalar()


def others_changes(engine: Engine, others_than: str) -> tuple[int, datetime | None]:
    """How many changes the other clerks of a shared database have made, and the time of the
    newest: it moves whenever one of them commits. The time alone did not: a change stamped
    earlier than one already seen (a long import committed after a quick edit, or a PC whose
    clock is behind) left the newest time as it was."""
    table = AuditEvent.__table__
    query = select(func.count(), func.max(table.c.at)).where(table.c.who != others_than)
    with engine.connect() as connection:
        count, newest = connection.execute(query).one()
    return count, newest


_LAST_SUBMIT = object()


def summary(engine: Engine, org_unit_code: str, period: str, since=_LAST_SUBMIT) -> dict:
    """What changed in a unit's period since its last submission (or since the moment `since`,
    None for everything): for a resubmission's bundle (bundle/audit_member.py)."""
    table = AuditEvent.__table__
    with engine.connect() as connection:
        if since is _LAST_SUBMIT:
            since = connection.execute(
                select(func.max(table.c.at)).where(table.c.action == "submit", table.c.period == period)
            ).scalar()
        query = select(table.c.table_name, table.c.action, table.c.after).where(
            table.c.org_unit_code == org_unit_code, table.c.period == period
        )
        reopened = (
            select(table.c.at, table.c.who, table.c.reason)
            .where(table.c.action == "reopen", table.c.period == period)
            .order_by(table.c.at)
        )
        if since is not None:
            query = query.where(table.c.at > since)
        rows = connection.execute(query).all()
        reopens = [
            {"at": at.isoformat(), "who": who, "reason": reason} for at, who, reason in connection.execute(reopened)
        ]
    counts: dict[str, dict[str, int]] = {}
    bulk: list[dict] = []
    for table_name, action, after in rows:
        if table_name == "bulk":
            detail = json.loads(after) if after else {}
            bulk.append({"action": action, **detail})
            # A bulk write of the unit's own records (a table-file import) says what it inserted
            # and updated in the period: counted like the same changes made one by one.
            for changed_table, actions in (detail.get("changes") or {}).items():
                for changed_action, count in actions.items():
                    counts.setdefault(changed_table, {}).setdefault(changed_action, 0)
                    counts[changed_table][changed_action] += count
            continue
        counts.setdefault(table_name, {}).setdefault(action, 0)
        counts[table_name][action] += 1
    return {
        "org_unit": org_unit_code,
        "period": period,
        "since_submission": since.isoformat() if since else None,
        "changes": counts,
        "bulk": bulk,
        "reopened": reopens,
        "total": sum(sum(c.values()) for c in counts.values()) + sum(1 for b in bulk if not b.get("changes")),
    }
