"""Never lose a record: backups and restore, integrity checks, period locks and the audit trail.

- `backup.py`     safe copies through SQLite's backup API, rotation, restore, the window's list
- `integrity.py`  integrity/quick checks, the start-up check, hostile-storage warnings and messages
- `locking.py`    submit/reopen a period; the lock check the bulk paths call
- `audit.py`      who changed which record, when, before and after (one ORM hook + bulk events)
"""
