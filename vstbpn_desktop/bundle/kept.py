"""What a restore must not roll back: revoked keys, the bundle ledger, the sequence counter.

A backup is the data as it was; the trust register's revocations and the ledger's high-water marks
are promises about the future ("this key signs nothing more", "nothing older than sequence N from
this unit is accepted"). `remember` reads them from the live database before safety/backup.py
replaces it; `reapply` writes them back into the restored one, in one transaction:

- a key revoked now stays revoked (its row is added back if the backup never knew it);
- every ledger row the backup lacks is added back as history (`current` false): its sequence still
  counts as the unit's high-water mark, so an older bundle stays refused, while the newest bundle
  itself may be imported again to bring back the records the restore took away (bundle/importer.py);
  an answer applied once stays applied once;
- the sender's counter is the highest of the restored one, its file and the one before (sequence.py).
"""

import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import Boolean, DateTime, select as sa_select, update

from ..storage.models import BundleLedger, TrustedKey


@dataclass
class Held:
    revoked: list[dict] = field(default_factory=list)
    ledger: list[dict] = field(default_factory=list)
    sequence: int = 0
    readable: bool = True


def remember(live: Path) -> Held:
    """The live database's revocations, ledger and counter (read-only; nothing if unreadable)."""
    from ..safety.integrity import _connect
    from .sequence import META_SEQUENCE

    held = Held()
    try:
        connection = _connect(Path(live))
        connection.row_factory = sqlite3.Row
        try:
            held.revoked = [dict(row) for row in connection.execute(
                "SELECT * FROM trusted_key WHERE revoked_at IS NOT NULL")]
            held.ledger = [dict(row) for row in connection.execute("SELECT * FROM bundle_ledger")]
            row = connection.execute("SELECT value FROM meta WHERE key = ?", (META_SEQUENCE,)).fetchone()
            held.sequence = int(row[0]) if row and str(row[0]).isdigit() else 0
        finally:
            connection.close()
    except sqlite3.Error:
        held.readable = False
    return held


def _revive(table, row: dict) -> dict:
    """A row read by sqlite3 as SQLAlchemy inserts it (its own column types: datetimes, booleans)."""
    result = {}
    for column in table.columns:
        if column.name not in row:
            continue
        value = row[column.name]
        if value is not None and isinstance(column.type, DateTime) and isinstance(value, str):
            value = datetime.fromisoformat(value)
        elif value is not None and isinstance(column.type, Boolean):
            value = bool(value)
        result[column.name] = value
    return result


def reapply(profile, held: Held) -> dict:
    """Write back into the restored database what `remember` read; returns what was re-applied."""
    from .sequence import keep_after_restore

    keys, ledger = TrustedKey.__table__, BundleLedger.__table__
    revoked = restored_rows = 0
    with profile.engine.begin() as connection:
        for row in held.revoked:
            found = connection.execute(sa_select(keys.c.revoked_at).where(
                keys.c.fingerprint == row["fingerprint"])).first()
            values = _revive(keys, row)
            if found is None:
                connection.execute(keys.insert().values(**values))
                revoked += 1
            elif found.revoked_at is None:
                connection.execute(update(keys).where(keys.c.fingerprint == row["fingerprint"]).values(
                    revoked_at=values["revoked_at"], revoked_by=values.get("revoked_by")))
                revoked += 1
        present = set(connection.execute(sa_select(ledger.c.id)).scalars())
        for row in held.ledger:
            if row["id"] not in present:
                connection.execute(ledger.insert().values(**dict(_revive(ledger, row), current=False)))
                restored_rows += 1
    keep_after_restore(profile, held.sequence)
    return {"revocations": revoked, "ledger": restored_rows, "readable": held.readable}
