"""Never lose a record: backups and restore, integrity checks, period locks and the audit trail.

- `backup.py`     safe copies through SQLite's backup API, rotation, restore, the window's list
- `integrity.py`  integrity/quick checks, hostile-storage warnings and messages
- `startup.py`    the check at start, before the profile opens (no ORM)
- `locking.py`    submit/reopen a period (what a lock covers, and the check: domain/locks.py)
- `audit.py`      who changed which record, when, before and after (one ORM hook + bulk events)
"""
