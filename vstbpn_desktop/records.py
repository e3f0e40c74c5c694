"""Reading and writing a unit's records for a period: the one path the window, table files
and bundles all use, so every record passes the same validation.
"""

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar

from sqlalchemy import and_, func, insert, or_, tuple_
from sqlalchemy import delete as sa_delete
from sqlalchemy import inspect as sa_inspect
from sqlalchemy import select as sa_select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, col, select

from .catalogue import Coverage, indicators
from .catalogue.national import shapes
from .domain.validation import (
    Invalid,
    check_cell_bounds,
    check_indicator_bounds,
    validate_activity,
    validate_breakdown,
    validate_comment,
    validate_document,
    validate_indicator_value,
    validate_narrative,
)
from .errors import Message, Refused
from .periods import Period, half_years, period_for
from .storage.database import session_scope
from .storage.models import Activity, Base, Document, IndicatorValue, Narrative, ReportingPeriod, new_id, now
from .text import fold, nfc
from .timestamps import local_time


@dataclass
class Scope:
    """Whose records, for which period."""

    org_unit_code: str
    period: Period


def _in_period(model, scope: Scope):
    return and_(
        model.org_unit_code == scope.org_unit_code,
        model.date >= scope.period.start,
        model.date <= scope.period.end,
    )


# -- locking -------------------------------------------------------------------------------


def period_lock(engine: Engine, period: Period) -> ReportingPeriod | None:
    """The lock that covers `period`: its own, or its year's when `period` is a half."""
    codes = {period.code}
    if period.half:
        codes.add(str(period.year))
    else:
        codes |= {f"{period.year}H1", f"{period.year}H2"}
    with session_scope(engine) as session:
        return session.exec(
            select(ReportingPeriod).where(
                col(ReportingPeriod.code).in_(codes), col(ReportingPeriod.locked_at).is_not(None)
            )
        ).first()


def ensure_editable(engine: Engine, day_or_period: Period | date) -> None:
    period = day_or_period if isinstance(day_or_period, Period) else period_for(day_or_period)
    lock = period_lock(engine, period)
    if lock is not None:
        assert lock.locked_at is not None  # period_lock returns locked periods only
        raise Refused(
            "kỳ {code} đã khóa để gửi ({locked_by}, {locked_at:%d/%m/%Y %H:%M}); hãy mở lại kỳ trước khi sửa",
            code=lock.code,
            locked_by=lock.locked_by or Message("không rõ"),
            locked_at=local_time(lock.locked_at),
        )


# -- activities ----------------------------------------------------------------------------

Dated = TypeVar("Dated", Activity, Document)

ACTIVITY_FIELDS = ("date", "kind", "title", "sessions", "participants", "female_participants", "place", "notes")
DOCUMENT_FIELDS = ("number", "date", "issuer", "kind", "title")


def _text_filter(model, text: str):
    """Diacritic-blind search over the folded copy of the record's text kept beside it."""
    words = fold(nfc(text)).split()
    if not words:
        return None
    return and_(*(model.search_text.contains(word, autoescape=True) for word in words))


def _listed(scope: Scope, search: str = "", keep=()):
    """The period's activities that match `search`, plus those in `keep` (a record the officer just
    edited stays listed even when the edit made it stop matching)."""
    condition = _in_period(Activity, scope)
    extra = _text_filter(Activity, search)
    if extra is not None:
        if keep:
            extra = or_(extra, col(Activity.id).in_(list(keep)))
        condition = and_(condition, extra)
    return condition


def count_activities(engine: Engine, scope: Scope, search: str = "", keep=()) -> int:
    with engine.connect() as connection:
        return connection.execute(
            sa_select(func.count()).select_from(Activity).where(_listed(scope, search, keep))
        ).scalar_one()


def activity_page(
    engine: Engine,
    scope: Scope,
    offset: int,
    limit: int,
    search: str = "",
    order: str = "date",
    descending: bool = False,
    keep=(),
) -> list[dict]:
    """A slice of the period's activities as plain dicts, for lazily loaded tables."""
    table = Activity.__table__
    column = table.c.get(order, table.c.date)
    ordering = [column.desc() if descending else column.asc(), table.c.id]
    query = sa_select(table).where(_listed(scope, search, keep)).order_by(*ordering).offset(offset).limit(limit)
    with engine.connect() as connection:
        return [dict(row._mapping) for row in connection.execute(query)]


def activity_position(engine: Engine, scope: Scope, activity_id: str, search: str = "", keep=()) -> int:
    """The row of an activity in `activity_page`'s list order (date, id), or -1 when it is not listed:
    two index reads, however many activities the period holds."""
    table = Activity.__table__
    listed = _listed(scope, search, keep)
    with engine.connect() as connection:
        day = connection.execute(sa_select(table.c.date).where(listed, table.c.id == activity_id)).scalar()
        if day is None:
            return -1
        earlier = tuple_(table.c.date, table.c.id) < tuple_(day, activity_id)  # a range of the (date, id) index
        return connection.execute(sa_select(func.count()).select_from(table).where(listed, earlier)).scalar_one()


def _add(engine: Engine, scope: Scope, model: type[Dated], clean: dict, author: str) -> Dated:
    """A new activity or document of the scope's unit from its validated fields (its day unlocked)."""
    ensure_editable(engine, clean["date"])
    with session_scope(engine) as session:
        record = model(org_unit_code=scope.org_unit_code, author=author, **clean)
        session.add(record)
    return record


def _edit(engine: Engine, session: Session, record, fields: tuple[str, ...], validate, scope: Scope, raw, author):
    """An activity or document with `raw` laid over its `fields`, validated; neither its old day nor
    its new one may be in a locked period."""
    clean = validate({f: getattr(record, f) for f in fields} | raw, scope.period)
    ensure_editable(engine, record.date)
    ensure_editable(engine, clean["date"])
    for field, value in clean.items():
        setattr(record, field, value)
    record.updated_at = now()
    record.author = author or record.author
    session.add(record)


def add_activity(engine: Engine, scope: Scope, raw: dict, author: str = "") -> Activity:
    return _add(engine, scope, Activity, validate_activity(raw, scope.period), author)


def update_activity(engine: Engine, scope: Scope, activity_id: str, raw: dict, author: str = "") -> Activity:
    with session_scope(engine) as session:
        activity = session.get(Activity, activity_id)
        if activity is None:
            raise Refused("không tìm thấy hoạt động {activity_id}", activity_id=activity_id)
        _edit(engine, session, activity, ACTIVITY_FIELDS, validate_activity, scope, raw, author)
    return activity


def delete_records(engine: Engine, model, ids: list[str]) -> int:
    if not ids:
        return 0
    with session_scope(engine) as session:
        rows = session.exec(select(model).where(model.id.in_(ids))).all()
        for row in rows:
            ensure_editable(engine, row.date)
        for row in rows:
            session.delete(row)
    return len(rows)


# -- documents -----------------------------------------------------------------------------


def list_documents(engine: Engine, scope: Scope) -> list[Document]:
    with session_scope(engine) as session:
        return list(
            session.exec(
                select(Document)
                .where(_in_period(Document, scope))
                .order_by(col(Document.date), col(Document.number), col(Document.id))
            ).all()
        )


def add_document(engine: Engine, scope: Scope, raw: dict, author: str = "") -> Document:
    return _add(engine, scope, Document, validate_document(raw, scope.period), author)


def update_document(engine: Engine, scope: Scope, document_id: str, raw: dict, author: str = "") -> Document:
    with session_scope(engine) as session:
        document = session.get(Document, document_id)
        if document is None:
            raise Refused("không tìm thấy văn bản {document_id}", document_id=document_id)
        _edit(engine, session, document, DOCUMENT_FIELDS, validate_document, scope, raw, author)
    return document


# -- indicator values ----------------------------------------------------------------------


def _value_rows(engine: Engine, scope: Scope) -> list[IndicatorValue]:
    """The unit's stored values of the period, whole (detached: read after the session)."""
    with session_scope(engine) as session:
        rows = session.exec(
            select(IndicatorValue).where(
                IndicatorValue.org_unit_code == scope.org_unit_code,
                IndicatorValue.period == scope.period.code,
            )
        ).all()
        session.expunge_all()
        return list(rows)


def indicator_values(engine: Engine, scope: Scope) -> dict[str, float]:
    return {row.indicator_code: row.value for row in _value_rows(engine, scope)}


def indicator_coverage(engine: Engine, scope: Scope) -> dict[str, Coverage]:
    """What each of the unit's values covers: "own" (its own level) or "area" (its whole area)."""
    with session_scope(engine) as session:
        rows = session.exec(
            select(IndicatorValue.indicator_code, IndicatorValue.coverage).where(
                IndicatorValue.org_unit_code == scope.org_unit_code,
                IndicatorValue.period == scope.period.code,
            )
        ).all()
        return {code: "area" if coverage == "area" else "own" for code, coverage in rows}


@dataclass(frozen=True)
class Detail:
    """What a value carries beside its total: its breakdown cells ({"sex=female": 3, …}; None when
    the indicator has none or it is not known), a comment and a follow-up mark."""

    cells: dict[str, float] | None = None
    comment: str = ""
    follow_up: bool = False


def stored_detail(detail: Detail | None) -> dict:
    """A Detail as the columns of indicator_value hold it."""
    detail = detail or Detail()
    return {
        "cells": None if detail.cells is None else json.dumps(detail.cells, ensure_ascii=False),
        "comment": detail.comment,
        "follow_up": detail.follow_up,
    }


def detail_of(row) -> Detail:
    return Detail(json.loads(row.cells) if row.cells else None, row.comment or "", bool(row.follow_up))


def indicator_details(engine: Engine, scope: Scope) -> dict[str, Detail]:
    return {row.indicator_code: detail_of(row) for row in _value_rows(engine, scope)}


def check_value(
    code: str, value: object, coverage: Coverage, detail: Mapping[str, object], held: Detail | None
) -> tuple[float | None, Detail]:
    """One value with what it carries, as stored: `detail` gives "cells", "comment", "follow_up"
    (each absent: as held). A total may be left out (None) where its cells add up to it."""
    held = held or Detail()
    cells = detail.get("cells", held.cells)
    if value is not None and not (isinstance(value, str) and not value.strip()):
        value = validate_indicator_value(code, value, coverage)
    elif cells is None:
        value = None
    else:
        value = None
        validate_indicator_value(code, 0, coverage)  # the indicator may be typed at all
    total, clean = validate_breakdown(code, value, cells)
    if total is None and (detail.get("comment") or detail.get("follow_up")):
        raise Invalid({"value": Message("chưa có số liệu để ghi chú; không có số liệu thì nhập 0 và ghi lý do")})
    comment = validate_comment(detail.get("comment", held.comment))
    follow_up = bool(detail.get("follow_up", held.follow_up))
    return total, Detail(clean, comment, follow_up)


def set_indicator_values(
    engine: Engine,
    scope: Scope,
    raw: Mapping[str, object],
    author: str = "",
    coverage: Mapping[str, Coverage] | None = None,
    details: Mapping[str, dict] | None = None,
) -> dict[str, float]:
    """Set typed indicators (None clears one). Checked together: women never exceed the total, cell by cell too.

    `coverage` gives what a value covers ("own" or "area", figures.py); a value given without one
    keeps what it covered, a new one is "own". `details` gives what a value carries ({code: {"cells":
    {...} or None, "comment": "...", "follow_up": bool}}, each key absent: as held; a code there and
    not in `raw` keeps its total, or takes its cells' sum); cells left as held must still add up."""
    ensure_editable(engine, scope.period)
    details = details or {}
    problems: dict[str, str] = {}
    clean: dict[str, float | None] = {}
    carried: dict[str, Detail] = {}
    held_coverage = indicator_coverage(engine, scope)
    held_values = indicator_values(engine, scope)
    held_details = indicator_details(engine, scope)
    codes = list(raw) + [code for code in details if code not in raw]
    wanted: dict[str, Coverage] = {
        code: (coverage or {}).get(code) or held_coverage.get(code) or "own" for code in codes
    }
    for code in codes:
        detail = details.get(code, {})
        if code in raw:
            value = raw[code]
        elif detail.get("cells") is not None and shapes().adds_up(code):
            value = None  # the sum of its cells
        else:
            value = held_values.get(code)
        try:
            clean[code], carried[code] = check_value(code, value, wanted[code], detail, held_details.get(code))
        except Invalid as exc:
            problems[code] = Message("{problems}", problems=list(exc.problems.values()))
    merged = held_values | clean
    problems |= check_indicator_bounds({k: v for k, v in merged.items() if v is not None})
    cells = {code: d.cells for code, d in (held_details | carried).items() if merged.get(code) is not None}
    problems |= {k: v for k, v in check_cell_bounds(cells).items() if k not in problems}
    if problems:
        raise Invalid(problems)
    with session_scope(engine) as session:
        existing = {
            row.indicator_code: row
            for row in session.exec(
                select(IndicatorValue).where(
                    IndicatorValue.org_unit_code == scope.org_unit_code,
                    IndicatorValue.period == scope.period.code,
                    col(IndicatorValue.indicator_code).in_(list(clean)),
                )
            ).all()
        }
        for code, value in clean.items():
            row = existing.get(code)
            stored = {"value": value, "coverage": wanted[code], **stored_detail(carried[code])}
            if value is None:
                if row is not None:
                    session.delete(row)
            elif row is None:
                session.add(
                    IndicatorValue(
                        org_unit_code=scope.org_unit_code,
                        period=scope.period.code,
                        indicator_code=code,
                        author=author,
                        **stored,
                    )
                )
            elif any(getattr(row, field) != held for field, held in stored.items()):
                for field, held in stored.items():
                    setattr(row, field, held)
                row.updated_at, row.author = now(), author or row.author
                session.add(row)
    return {k: v for k, v in merged.items() if v is not None}


def values_needing_comment(engine: Engine, scope: Scope) -> list[str]:
    """The indicators whose rule asks a comment of a zero or missing value (catalogue
    `comment_if_empty`) and whose value of the period is zero or missing without one."""
    values, details = indicator_values(engine, scope), indicator_details(engine, scope)
    return [
        code
        for code, indicator in indicators().items()
        if indicator.comment_if_empty and not values.get(code) and not (code in details and details[code].comment)
    ]


# -- narratives ----------------------------------------------------------------------------


def narratives(engine: Engine, scope: Scope) -> dict[str, str]:
    with session_scope(engine) as session:
        rows = session.exec(
            select(Narrative).where(
                Narrative.org_unit_code == scope.org_unit_code,
                Narrative.period == scope.period.code,
            )
        ).all()
        return {row.section: row.text for row in rows}


def set_narrative(engine: Engine, scope: Scope, section: str, text: str, author: str = "") -> None:
    """Save a section's text; empty text removes the section."""
    ensure_editable(engine, scope.period)
    with session_scope(engine) as session:
        row = session.exec(
            select(Narrative).where(
                Narrative.org_unit_code == scope.org_unit_code,
                Narrative.period == scope.period.code,
                Narrative.section == section,
            )
        ).first()
        if not (text or "").strip():
            if row is not None:
                session.delete(row)
            return
        section, text = validate_narrative(section, text)
        if row is None:
            session.add(
                Narrative(
                    org_unit_code=scope.org_unit_code,
                    period=scope.period.code,
                    section=section,
                    text=text,
                    author=author,
                )
            )
        elif row.text != text:
            row.text, row.updated_at, row.author = text, now(), author or row.author
            session.add(row)


# -- reversible changes: what undo puts back and redo puts again --------------------------

CHANGE_TABLES: dict[str, type[Base]] = {
    "activity": Activity,
    "document": Document,
    "indicator_value": IndicatorValue,
    "narrative": Narrative,
}


@dataclass(frozen=True)
class Change:
    """One record before and after one write, whole (every column, as stored), so that writing
    `before` back restores the database exactly. A record that does not exist is None.
    `key` is the record's id; for an indicator value its code, for a narrative its section
    (both within `scope`)."""

    table: str
    key: str
    scope: Scope
    before: dict | None
    after: dict | None

    def reversed(self) -> "Change":
        return Change(self.table, self.key, self.scope, self.after, self.before)

    @property
    def empty(self) -> bool:
        return self.before == self.after


def _stored(session: Session, table: str, scope: Scope | None, key: str) -> Base | None:
    model = CHANGE_TABLES[table]
    if table in ("activity", "document"):
        return session.get(model, key)
    assert scope is not None, "an indicator value or narrative is found by its unit and period"
    table_ = model.__table__
    column = table_.c.indicator_code if table == "indicator_value" else table_.c.section
    return session.exec(
        select(model).where(
            table_.c.org_unit_code == scope.org_unit_code, table_.c.period == scope.period.code, column == key
        )
    ).first()


def _state(row) -> dict | None:
    return None if row is None else row.model_dump()


def record_state(engine: Engine, table: str, scope: Scope | None, key: str) -> dict[str, Any] | None:
    """A record as stored, every column: the `before` or `after` of a Change."""
    with session_scope(engine) as session:
        return _state(_stored(session, table, scope, key))


def track(engine: Engine, table: str, scope: Scope, key: str | None, write: Callable[[], Any]) -> Change:
    """Run `write()` (a write of this module) and return the record's change; `write` may return
    the record it created, whose id becomes the key."""
    before = record_state(engine, table, scope, key) if key else None
    result = write()
    key = key or result.id
    return Change(table, key, scope, before, record_state(engine, table, scope, key))


def _check_change(engine: Engine, change: Change) -> None:
    """The state a change writes passes the same rules and locks as a record typed in."""
    scope = change.scope
    if change.table in ("activity", "document"):
        for state in (change.before, change.after):
            if state is not None:
                ensure_editable(engine, state["date"])
        if change.after is not None:
            fields = ACTIVITY_FIELDS if change.table == "activity" else DOCUMENT_FIELDS
            validate = validate_activity if change.table == "activity" else validate_document
            validate({field: change.after[field] for field in fields}, scope.period)
        return
    ensure_editable(engine, scope.period)
    if change.after is None:
        return
    if change.table == "indicator_value":
        after = change.after
        cells = json.loads(after["cells"]) if after.get("cells") else None
        coverage: Coverage = "area" if after.get("coverage") == "area" else "own"
        check_value(change.key, after["value"], coverage, {"cells": cells}, None)
    else:
        validate_narrative(change.key, change.after["text"])


def apply_changes(engine: Engine, changes: list[Change]) -> None:
    """Put every record of `changes` into its `after` state, in one transaction: checked like a
    record typed in (rules, women ≤ total, locks) and audited like any write. Refused, with
    nothing written, when a record is no longer in its `before` state (changed since)."""
    for change in changes:
        _check_change(engine, change)
    with session_scope(engine) as session:
        for change in changes:
            if change.empty:
                continue
            row = _stored(session, change.table, change.scope, change.key)
            if _state(row) != change.before:
                raise Refused("bản ghi đã được sửa sau lần thay đổi này; không thể khôi phục")
            if change.after is None:
                session.delete(row)
            elif row is None:
                session.add(CHANGE_TABLES[change.table](**change.after))
            else:
                for field, value in change.after.items():
                    setattr(row, field, value)
                session.add(row)
            session.flush()
        for scope in {
            (c.scope.org_unit_code, c.scope.period.code): c.scope for c in changes if c.table == "indicator_value"
        }.values():
            held = session.exec(
                select(IndicatorValue).where(
                    IndicatorValue.org_unit_code == scope.org_unit_code, IndicatorValue.period == scope.period.code
                )
            ).all()
            problems = check_indicator_bounds({row.indicator_code: row.value for row in held})
            problems |= check_cell_bounds({row.indicator_code: detail_of(row).cells for row in held})
            if problems:
                raise Invalid(problems)


def restoring(engine: Engine, event: dict) -> Change:
    """The change that puts back what one audited event changed (Lịch sử thay đổi → Khôi phục giá trị
    này): the fields an update changed, a deleted record whole, an inserted one removed."""

    table = event["table_name"]
    if table not in CHANGE_TABLES or event["action"] not in ("insert", "update", "delete"):
        raise Refused("thay đổi này không khôi phục được")
    model = CHANGE_TABLES[table]

    def stored(snapshot: dict) -> dict:
        state = {}
        for column in sa_inspect(model).columns:
            value = snapshot.get(column.key)
            kind = getattr(column.type, "impl_instance", column.type).python_type
            if isinstance(value, str) and kind in (date, datetime):
                value = kind.fromisoformat(value)  # the trail keeps them as ISO text
            state[column.key] = value
        return state

    before, after = (stored(s) if s else None for s in (event["before"], event["after"]))
    known = before or after
    if known is None:
        raise Refused("thay đổi này không khôi phục được")
    if table in ("activity", "document"):
        key = event["record_id"]
        current = record_state(engine, table, None, key)  # found by id alone
    else:
        key = known["indicator_code" if table == "indicator_value" else "section"]
        current = record_state(engine, table, Scope(known["org_unit_code"], Period.parse(known["period"])), key)
    target = before
    if event["action"] == "update" and current is not None and before is not None and after is not None:
        # Only what this change changed goes back; later changes to other fields stay.
        target = dict(current, updated_at=now())
        for field in ACTIVITY_FIELDS + DOCUMENT_FIELDS + ("value", "cells", "comment", "follow_up", "text"):
            if field in before and before[field] != after.get(field):
                target[field] = before[field]
    if table == "activity" and target is not None:  # the folded copy the search reads
        target["search_text"] = validate_activity({f: target[f] for f in ACTIVITY_FIELDS})["search_text"]
    if table in ("activity", "document"):
        scope = Scope(known["org_unit_code"], period_for((target or current or known)["date"]))
    else:
        scope = Scope(known["org_unit_code"], Period.parse(known["period"]))
    return Change(table, key, scope, current, target)


# -- derived figures from activities --------------------------------------------------------


def activity_totals(engine: Engine, org_unit_codes: list[str], period: Period) -> dict[str, int]:
    """COMM_* and MEDIA_ITEMS for the given units together, summed in SQL."""
    results = {code: 0 for code, i in indicators().items() if i.kind == "from_activities"}
    for totals in activity_totals_by_unit(engine, org_unit_codes, period).values():
        for code, value in totals.items():
            results[code] += value
    return results


def activity_totals_by_unit(engine: Engine, org_unit_codes: list[str], period: Period) -> dict[str, dict[str, int]]:
    """COMM_* and MEDIA_ITEMS of each unit that holds activities in the period, summed in SQL."""
    table = Activity.__table__
    base = and_(table.c.org_unit_code.in_(org_unit_codes), table.c.date >= period.start, table.c.date <= period.end)
    measures = ("sessions", "participants", "female_participants")
    # One pass over the period's rows, summed per unit and kind: a unit with 100.000 activities is read once.
    query = (
        sa_select(table.c.org_unit_code, table.c.kind, *(func.sum(table.c[m]) for m in measures))
        .where(base)
        .group_by(table.c.org_unit_code, table.c.kind)
    )
    by_unit: dict[str, dict[str, dict]] = {}
    with engine.connect() as connection:
        for row in connection.execute(query):
            by_unit.setdefault(row[0], {})[row[1]] = dict(zip(measures, row[2:], strict=True))
    derived = [i for i in indicators().values() if i.kind == "from_activities"]
    return {
        unit: {
            i.code: int(sum(by_kind.get(kind, {}).get(i.measure) or 0 for kind in i.activity_kinds)) for i in derived
        }
        for unit, by_kind in by_unit.items()
    }


def record_counts(engine: Engine, org_unit_codes: list[str], period: Period) -> dict[str, int]:
    with engine.connect() as connection:

        def count(model, condition):
            return connection.execute(sa_select(func.count()).select_from(model).where(condition)).scalar_one()

        def dated(m):
            return and_(m.org_unit_code.in_(org_unit_codes), m.date >= period.start, m.date <= period.end)

        return {
            "activities": count(Activity, dated(Activity)),
            "documents": count(Document, dated(Document)),
            "narratives": count(
                Narrative, and_(col(Narrative.org_unit_code).in_(org_unit_codes), col(Narrative.period) == period.code)
            ),
        }


def records_held(engine: Engine, org_unit_code: str, period: Period) -> dict[str, bool]:
    """Whether the unit holds any activity and any document dated in the period: one index probe
    each, not a count of a period that may hold 100.000 (the checklist before sending asks this)."""
    with engine.connect() as connection:
        return {
            "activities": _holds(connection, Activity.__table__, org_unit_code, period),
            "documents": _holds(connection, Document.__table__, org_unit_code, period),
        }


def _holds(connection, table, org_unit_code: str, period: Period) -> bool:
    dated = table.c.date.between(period.start, period.end)
    probe = sa_select(table.c.date).where(table.c.org_unit_code == org_unit_code, dated).limit(1)
    return connection.execute(probe).first() is not None


# -- bulk paths: table files and bundles ----------------------------------------------------

INSERT_CHUNK = 20_000


def insert_clean(
    connection,
    org_unit_code: str,
    author: str,
    *,
    activities=(),
    documents=(),
    indicator_values=(),
    narratives=(),
    stamp=None,
) -> dict[str, int]:
    """Insert already validated records on an open connection (inside the caller's transaction).

    Core inserts, no ORM object per row: this is the path for 100,000 activities.
    `activities`/`documents` are clean dicts from the validators (an `id` is kept if given);
    `indicator_values` are (period_code, indicator_code, value[, coverage[, columns]]) — no coverage:
    "own"; `columns` what the value carries (`stored_detail`: cells, comment, follow_up);
    `narratives` (period_code, section, text).
    Indicator values and narratives replace any held for the same unit, period and code/section.
    """

    stamp = stamp or now()
    common = {"org_unit_code": org_unit_code, "author": author, "created_at": stamp, "updated_at": stamp}

    def rows(records):
        return [{"id": record.get("id") or new_id(), **common, **record} for record in records]

    counts = {"activities": 0, "documents": 0, "indicators": 0, "narratives": 0}
    for name, table, records in (
        ("activities", Activity.__table__, activities),
        ("documents", Document.__table__, documents),
    ):
        records = records if isinstance(records, (list, tuple)) else list(records)
        for start in range(0, len(records), INSERT_CHUNK):  # rows made a chunk at a time, not all at once
            batch = rows(records[start : start + INSERT_CHUNK])
            _insert_many(connection, table, batch, common)
            counts[name] += len(batch)
    # One value per (unit, period, code) and one text per (unit, period, section): replaced, not added.
    for name, table, key, value_column, items in (
        ("indicators", IndicatorValue.__table__, "indicator_code", "value", list(indicator_values)),
        ("narratives", Narrative.__table__, "section", "text", list(narratives)),
    ):
        for period_code, code, *_ in items:
            connection.execute(
                sa_delete(table).where(
                    table.c.org_unit_code == org_unit_code, table.c.period == period_code, table.c[key] == code
                )
            )
        if items:
            connection.execute(
                insert(table),
                rows(
                    {
                        "period": p,
                        key: k,
                        value_column: v,
                        **({"coverage": more[0]} if more else {}),
                        **(more[1] if len(more) > 1 else {}),
                    }
                    for p, k, v, *more in items
                ),
            )
            counts[name] = len(items)
    return counts


def _insert_many(connection, table, batch: list[dict], common: dict) -> None:
    """A Core executemany; on SQLite the rows go to the driver's executemany as tuples converted by the
    dialect's own bind processors (the stored values are the same), the shared stamp converted once:
    SQLAlchemy's per-row parameter handling was a third of importing 100,000 activities (bench/NOTES.md).
    On PostgreSQL the rows go through COPY on the transaction's own connection (`_copy_many`)."""
    keys = batch[0].keys()
    if any(row.keys() != keys for row in batch) or connection.dialect.name not in ("sqlite", "postgresql"):
        connection.execute(insert(table), batch)
        return
    if connection.dialect.name == "postgresql":
        _copy_many(connection, table, batch)
        return
    names = list(keys)
    processors = [table.c[name].type._cached_bind_processor(connection.dialect) for name in names]
    fixed = {
        i: (processors[i](common[name]) if processors[i] else common[name])
        for i, name in enumerate(names)
        if name in common
    }
    converted = [(i, name, processors[i]) for i, name in enumerate(names) if i not in fixed and processors[i]]
    plain = [(i, name) for i, name in enumerate(names) if i not in fixed and not processors[i]]
    width = len(names)

    def row_tuple(row):
        values = [None] * width
        for i, value in fixed.items():
            values[i] = value
        for i, name in plain:
            values[i] = row[name]
        for i, name, process in converted:
            values[i] = process(row[name])
        return tuple(values)

    quoted = ", ".join(connection.dialect.identifier_preparer.quote(name) for name in names)
    connection.exec_driver_sql(
        f"INSERT INTO {table.name} ({quoted}) VALUES ({', '.join('?' * width)})", [row_tuple(row) for row in batch]
    )


def _copy_many(connection, table, batch: list[dict]) -> None:
    """COPY … FROM STDIN of the rows (psycopg adapts each value as for an INSERT: an aware time into
    the timestamptz columns of migration 0001 keeps its instant), inside the caller's transaction."""
    from operator import itemgetter

    names = list(batch[0].keys())
    quoted = ", ".join(connection.dialect.identifier_preparer.quote(name) for name in names)
    statement = f"COPY {table.name} ({quoted}) FROM STDIN"
    values = itemgetter(*names)
    driver = connection.connection.driver_connection
    errors = connection.dialect.loaded_dbapi.Error
    try:
        with driver.cursor() as cursor, cursor.copy(statement) as copy:
            for row in batch:
                copy.write_row(values(row))
    except errors as exc:  # as SQLAlchemy raises it for an INSERT: IntegrityError for a duplicate id, …
        raise DBAPIError.instance(statement, None, exc, errors) from exc


def delete_period_data(connection, org_unit_code: str, period: Period) -> dict[str, int]:
    """Remove everything a unit holds for a period (a bundle's snapshot replaces it whole)."""
    result = {}
    for name, table in (("activities", Activity.__table__), ("documents", Document.__table__)):
        result[name] = connection.execute(
            sa_delete(table).where(
                table.c.org_unit_code == org_unit_code, table.c.date >= period.start, table.c.date <= period.end
            )
        ).rowcount
    for name, table in (("indicators", IndicatorValue.__table__), ("narratives", Narrative.__table__)):
        result[name] = connection.execute(
            sa_delete(table).where(table.c.org_unit_code == org_unit_code, table.c.period == period.code)
        ).rowcount
    return result


def periods_with_data(engine: Engine, org_unit_code: str) -> list[Period]:
    """The half-years (and years with values of their own) for which the unit holds any record."""
    found: set[Period] = set()
    with engine.connect() as connection:
        for table in (Activity.__table__, Document.__table__):
            mine = table.c.org_unit_code == org_unit_code
            # min and max apart: SQLite answers each alone from the index, the pair together by a scan.
            first = connection.execute(sa_select(func.min(table.c.date)).where(mine)).scalar_one()
            last = connection.execute(sa_select(func.max(table.c.date)).where(mine)).scalar_one()
            if first is None:
                continue
            # One index probe per half-year between the first and the last date, not a read of every date
            # (the window asks this at every start; a unit may hold 100.000 activities).
            found |= {period for period in half_years(first, last) if _holds(connection, table, org_unit_code, period)}
        for table in (IndicatorValue.__table__, Narrative.__table__):
            query = sa_select(table.c.period).where(table.c.org_unit_code == org_unit_code).distinct()
            found |= {Period.parse(code) for (code,) in connection.execute(query)}
    return sorted(found, reverse=True)
