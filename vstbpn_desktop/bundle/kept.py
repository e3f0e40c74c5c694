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
            held.ledger = [dict(row) for row in connection.execute("SELECT * FROM bundle_ledger")]
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


def _insert(connection, table: str, row: dict) -> None:
    """The row as sqlite3 read it, written back as it was (the same stored text for every value)."""
    names = list(row)
    connection.exec_driver_sql(
        f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
        tuple(row[name] for name in names),
    )


def reapply(profile, held: Held) -> dict:
    """Write back into the restored database what `remember` read; returns what was re-applied."""
    revoked = restored_rows = 0
    with profile.engine.begin() as connection:
        for row in held.revoked:
            found = connection.exec_driver_sql(
                "SELECT revoked_at FROM trusted_key WHERE fingerprint = ?", (row["fingerprint"],)
            ).first()
            if found is None:
                _insert(connection, "trusted_key", row)
                revoked += 1
            elif found[0] is None:
                connection.exec_driver_sql(
                    "UPDATE trusted_key SET revoked_at = ?, revoked_by = ? WHERE fingerprint = ?",
                    (row["revoked_at"], row["revoked_by"], row["fingerprint"]),
                )
                revoked += 1
        present = {row[0] for row in connection.exec_driver_sql("SELECT id FROM bundle_ledger")}
        for row in held.ledger:
            if row["id"] not in present:
                _insert(connection, "bundle_ledger", dict(row, current=0))
                restored_rows += 1
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
            _insert(connection, "trusted_key", row)
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
            _insert(connection, "meta", row)
    present = {row[0] for row in connection.exec_driver_sql("SELECT fingerprint FROM signing_key_history")}
    for row in held.history:
        if row["fingerprint"] not in present:
            _insert(connection, "signing_key_history", row)
    return count
