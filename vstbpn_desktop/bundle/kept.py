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
- the sender's counter is the highest of the restored one, its file and the one before (sequence.py);
- key rotations (rotation.py): a key enrolled through a rotation stays enrolled and a key replaced
  stays replaced from the same sequence (a stolen old key does not speak again after a restore);
  the profile's own key stays the one in `keys/` (the backup holds the database, not the key
  files): its public half, encryption key, expiry and rotation history are those of the live one.
"""

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from ..safety.integrity import plain_connection
from ..storage.database import insert_as_stored
from . import ledger
from .sequence import META_SEQUENCE, keep_after_restore

# The own key's facts in `meta` that must follow the key files in keys/, not the backup.
OWN_KEY_META = ("signing_public_key", "encryption_public_key", "encryption_key_signature", "signing_key_expires")


@dataclass
class Held:
    revoked: list[dict] = field(default_factory=list)
    ledger: list[dict] = field(default_factory=list)
    sequence: int = 0
    readable: bool = True
    rotated: list[dict] = field(default_factory=list)  # trusted keys enrolled or replaced by a rotation
    own_key: list[dict] = field(default_factory=list)  # meta rows of OWN_KEY_META
    history: list[dict] = field(default_factory=list)  # signing_key_history


def remember(live: Path) -> Held:
    """The live database's revocations, ledger and counter (read-only; nothing if missing or unreadable)."""
    if not Path(live).exists():
        return Held()
    held = Held()
    try:
        connection = plain_connection(Path(live))
        connection.row_factory = sqlite3.Row
        try:
            held.revoked = [
                dict(row) for row in connection.execute("SELECT * FROM trusted_key WHERE revoked_at IS NOT NULL")
            ]
            held.ledger = ledger.as_stored(connection)
            row = connection.execute("SELECT value FROM meta WHERE key = ?", (META_SEQUENCE,)).fetchone()
            held.sequence = int(row[0]) if row and str(row[0]).isdigit() else 0
            held.rotated = [
                dict(row)
                for row in connection.execute(
                    "SELECT * FROM trusted_key WHERE replaced_from IS NOT NULL OR endorsed_by IS NOT NULL"
                )
            ]
            held.own_key = [
                dict(row)
                for row in connection.execute(
                    f"SELECT * FROM meta WHERE key IN ({', '.join('?' * len(OWN_KEY_META))})", OWN_KEY_META
                )
            ]
            held.history = [dict(row) for row in connection.execute("SELECT * FROM signing_key_history")]
        finally:
            connection.close()
    except sqlite3.Error:
        held.readable = False
    return held


def remember_engine(engine) -> Held:
    """The same, read from a shared server database before pg_restore replaces it."""
    from sqlalchemy import select  # lazy: the start-up check loads this module without the ORM

    from ..storage.models import BundleLedger, Meta, TrustedKey

    keys, ledger = TrustedKey.__table__, BundleLedger.__table__
    with engine.connect() as connection:
        held = Held(
            revoked=[
                dict(row._mapping) for row in connection.execute(select(keys).where(keys.c.revoked_at.is_not(None)))
            ],
            ledger=[dict(row._mapping) for row in connection.execute(select(ledger))],
        )
        meta = Meta.__table__
        value = connection.execute(select(meta.c.value).where(meta.c.key == META_SEQUENCE)).scalar()
    held.sequence = int(value) if value and str(value).isdigit() else 0
    return held


def reapply(profile, held: Held) -> dict:
    """Write back into the restored database what `remember` read; returns what was re-applied."""
    from sqlalchemy import select, update  # lazy: the start-up check loads this module without the ORM

    from ..storage.models import TrustedKey

    keys = TrustedKey.__table__
    revoked = restored_rows = 0
    with profile.engine.begin() as connection:
        for row in held.revoked:
            found = connection.execute(
                select(keys.c.revoked_at).where(keys.c.fingerprint == row["fingerprint"])
            ).first()
            if found is None:
                insert_as_stored(connection, "trusted_key", row)
                revoked += 1
            elif found[0] is None:
                if connection.dialect.name == "sqlite":  # the stored text as sqlite3 read it
                    connection.exec_driver_sql(
                        "UPDATE trusted_key SET revoked_at = ?, revoked_by = ? WHERE fingerprint = ?",
                        (row["revoked_at"], row["revoked_by"], row["fingerprint"]),
                    )
                else:
                    connection.execute(
                        update(keys)
                        .where(keys.c.fingerprint == row["fingerprint"])
                        .values(revoked_at=row["revoked_at"], revoked_by=row["revoked_by"])
                    )
                revoked += 1
        restored_rows += ledger.put_back(connection, held.ledger)
        rotations = _reapply_rotations(connection, held)
    keep_after_restore(profile, held.sequence)
    profile._meta = None
    return {"revocations": revoked, "ledger": restored_rows, "rotations": rotations, "readable": held.readable}


def _reapply_rotations(connection, held: Held) -> int:
    """The rotations the parent enrolled, and the profile's own key, as the live database had them."""
    count = 0
    for row in held.rotated:
        found = connection.exec_driver_sql(
            "SELECT replaced_from FROM trusted_key WHERE fingerprint = ?", (row["fingerprint"],)
        ).first()
        if found is None:
            insert_as_stored(connection, "trusted_key", row)
            count += 1
        elif row["replaced_from"] is not None and found[0] is None:
            connection.exec_driver_sql(
                "UPDATE trusted_key SET replaced_from = ? WHERE fingerprint = ?",
                (row["replaced_from"], row["fingerprint"]),
            )
            count += 1
    if held.own_key:
        connection.exec_driver_sql(
            f"DELETE FROM meta WHERE key IN ({', '.join('?' * len(OWN_KEY_META))})", OWN_KEY_META
        )
        for row in held.own_key:
            insert_as_stored(connection, "meta", row)
    present = {row[0] for row in connection.exec_driver_sql("SELECT fingerprint FROM signing_key_history")}
    for row in held.history:
        if row["fingerprint"] not in present:
            insert_as_stored(connection, "signing_key_history", row)
    return count
