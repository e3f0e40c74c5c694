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
from pathlib import Path

from ..safety.integrity import plain_connection
from ..storage.database import insert_as_stored
from . import ledger
from .sequence import META_SEQUENCE, keep_after_restore


@dataclass
class Held:
    revoked: list[dict] = field(default_factory=list)
    ledger: list[dict] = field(default_factory=list)
    sequence: int = 0
    readable: bool = True


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
        finally:
            connection.close()
    except sqlite3.Error:
        held.readable = False
    return held


def reapply(profile, held: Held) -> dict:
    """Write back into the restored database what `remember` read; returns what was re-applied."""
    revoked = 0
    with profile.engine.begin() as connection:
        for row in held.revoked:
            found = connection.exec_driver_sql(
                "SELECT revoked_at FROM trusted_key WHERE fingerprint = ?", (row["fingerprint"],)
            ).first()
            if found is None:
                insert_as_stored(connection, "trusted_key", row)
                revoked += 1
            elif found[0] is None:
                connection.exec_driver_sql(
                    "UPDATE trusted_key SET revoked_at = ?, revoked_by = ? WHERE fingerprint = ?",
                    (row["revoked_at"], row["revoked_by"], row["fingerprint"]),
                )
                revoked += 1
        restored_rows = ledger.put_back(connection, held.ledger)
    keep_after_restore(profile, held.sequence)
    return {"revocations": revoked, "ledger": restored_rows, "readable": held.readable}
