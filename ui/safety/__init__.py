"""The data's safety in the window: period locks, backups, the audit trail, start-up and exit
checks, and the crash log."""
