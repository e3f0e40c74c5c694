"""The bundle ledger (`bundle_ledger`): every bundle, answer and configuration this unit received.
Every query of it is here; the rules that read it are importer.py (replay), answer.py (an answer
applied once), config.py (a configuration applied once, never rolled back) and status.py (who has
reported). A restore never rolls it back (kept.py).

A report bundle's period touches each half-year inside it (`2023` touches 2023H1 and 2023H2); the
bundle that holds a sender's records of a period now is its `current` row of highest sequence.
"""

import json
import sqlite3
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Row, func, insert, update
from sqlalchemy import select as sa_select
from sqlalchemy.engine import Connection

from ..periods import Period
from ..storage.database import insert_as_stored
from ..storage.models import BundleLedger, new_id
from . import format as fmt

TABLE = BundleLedger.__table__


def touched_halves(period_code: str) -> tuple[str, ...]:
    """The half-years a bundle's period touches: `2023` → 2023H1, 2023H2; `2023H1` → 2023H1."""
    period = Period.parse(period_code)
    if period.half:
        return (period.code,)
    return (f"{period.year}H1", f"{period.year}H2")


def reports(profile) -> list:
    """Every report row of the ledger."""
    with profile.engine.connect() as connection:
        return list(connection.execute(sa_select(TABLE).where(TABLE.c.kind == fmt.KIND_REPORT)))


def of_period(rows: list, period: Period) -> list:
    """The rows that speak for `period`: a half-year is held by its own bundles and by the year
    bundles that touch it (the current one of highest sequence holds its records)."""
    codes = {period.code, str(period.year)} if period.half else {period.code}
    return [row for row in rows if row.period in codes]


def holder(rows: list):
    """Of one sender's rows for a period, the one that holds its records now, or None."""
    current = [row for row in rows if row.current]
    return max(current, key=lambda row: row.sequence) if current else None


def holding(profile, sender: str, period: Period):
    """The row of the bundle that holds `sender`'s records of `period` now, or None."""
    return holder(of_period([row for row in reports(profile) if row.sender_org_unit == sender], period))


def received(profile, period: Period) -> dict[str, int]:
    """Sender → sequence of the bundle that holds the sender's records of the period now."""
    rows = reports(profile)
    result = {}
    for sender in {row.sender_org_unit for row in rows}:
        held = holder(of_period([row for row in rows if row.sender_org_unit == sender], period))
        if held is not None:
            result[sender] = held.sequence
    return result


def high_water(connection: Connection, sender: str, halves: Iterable[str]) -> tuple[int, Row[Any]] | None:
    """(sequence, row) of the highest report ever imported from `sender` touching one of `halves`,
    superseded or restored away included (the rows are never deleted); None if none."""
    touching = set(halves) | {half[:4] for half in halves}
    row = connection.execute(
        sa_select(TABLE)
        .where(TABLE.c.sender_org_unit == sender, TABLE.c.kind == fmt.KIND_REPORT, TABLE.c.period.in_(touching))
        .order_by(TABLE.c.sequence.desc())
        .limit(1)
    ).first()
    return None if row is None else (row.sequence, row)


def same_file(connection: Connection, sender: str, manifest_sha256: str):
    """The row of this very file (by its manifest's SHA-256) from `sender`, the current one first; or None."""
    return connection.execute(
        sa_select(TABLE)
        .where(TABLE.c.sender_org_unit == sender, TABLE.c.manifest_sha256 == manifest_sha256)
        .order_by(TABLE.c.current.desc())
    ).first()


def has_bundle_id(connection: Connection, bundle_id: str) -> bool:
    return connection.execute(sa_select(TABLE.c.id).where(TABLE.c.bundle_id == bundle_id)).first() is not None


def newest_answer(connection: Connection, sender: str) -> int | None:
    """The highest sequence of an answer applied from `sender`, or None."""
    return connection.execute(
        sa_select(func.max(TABLE.c.sequence)).where(TABLE.c.sender_org_unit == sender, TABLE.c.kind == fmt.KIND_ANSWER)
    ).scalar()


def newest_of_kind(connection: Connection, sender: str, kind: str):
    """The row of highest sequence of `kind` applied from `sender` (a configuration), or None."""
    return connection.execute(
        sa_select(TABLE)
        .where(TABLE.c.sender_org_unit == sender, TABLE.c.kind == kind)
        .order_by(TABLE.c.sequence.desc())
        .limit(1)
    ).first()


def of_kind(profile, kind: str) -> list:
    """Every row of `kind`, the last received first."""
    with profile.engine.connect() as connection:
        return list(
            connection.execute(sa_select(TABLE).where(TABLE.c.kind == kind).order_by(TABLE.c.received_at.desc()))
        )


def current_sequence(connection: Connection, sender: str, period: Period) -> int | None:
    """The highest sequence of `sender`'s current reports for `period`'s half-years or its year."""
    return connection.execute(
        sa_select(func.max(TABLE.c.sequence)).where(
            TABLE.c.sender_org_unit == sender,
            TABLE.c.kind == fmt.KIND_REPORT,
            TABLE.c.period.in_({*touched_halves(period.code), str(period.year)}),
            TABLE.c.current.is_(True),
        )
    ).scalar()


def supersede(connection: Connection, sender: str, period: Period) -> None:
    """The reports a new bundle for `period` replaces: of its period, and of both halves for a year
    bundle (a year bundle held stays current for the half a half-year bundle did not replace)."""
    connection.execute(
        update(TABLE)
        .where(
            TABLE.c.sender_org_unit == sender,
            TABLE.c.kind == fmt.KIND_REPORT,
            TABLE.c.period.in_({*touched_halves(period.code), period.code}),
        )
        .values(current=False)
    )


def record(
    connection: Connection,
    manifest: fmt.Manifest,
    manifest_sha256: str,
    received_at: datetime,
    received_by: str,
    audit: dict | None,
) -> None:
    """Add the current row of a bundle or answer just received (`audit`: what it carried to show again)."""
    connection.execute(
        insert(TABLE).values(
            id=new_id(),
            bundle_id=manifest.bundle_id,
            kind=manifest.kind,
            sender_org_unit=manifest.sender_org_unit,
            period=manifest.period,
            sequence=manifest.sequence,
            fingerprint=manifest.key_fingerprint,
            manifest_sha256=manifest_sha256,
            created_at=fmt.check_timestamp(manifest.created_at, "created_at"),
            received_at=received_at,
            received_by=received_by,
            current=True,
            counts=json.dumps(manifest.counts, sort_keys=True),
            audit=json.dumps(audit, ensure_ascii=False, sort_keys=True) if audit is not None else None,
        )
    )


def as_stored(connection: sqlite3.Connection) -> list[dict]:
    """Every ledger row as SQLite stores it, read through a plain sqlite3 connection whose
    `row_factory` is `sqlite3.Row`: what a restore must put back (bundle/kept.py)."""
    return [dict(row) for row in connection.execute(f"SELECT * FROM {TABLE.name}")]


def put_back(connection: Connection, rows: list[dict]) -> int:
    """The rows of `as_stored` this database lacks, added back as history (`current` false): their
    sequences still count as high-water marks. How many were added."""
    present = set(connection.scalars(sa_select(TABLE.c.id)))
    missing = [row for row in rows if row["id"] not in present]
    for row in missing:
        insert_as_stored(connection, TABLE.name, dict(row, current=False))
    return len(missing)
